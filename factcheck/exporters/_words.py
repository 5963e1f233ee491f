"""The fixed words of the reports (HTML, PDF, Markdown) in the project's report language.

A report is written in the project's ``report_language`` setting, whatever language the
app is shown in (the command line writes the same report). Every fixed word comes from
``T_ = translation.report_text(language)``, called with a literal template (``T_("Why")``)
so ``pyside6-lupdate`` finds it; the tables below that core's code also uses are marked
``N_`` and looked up with ``T_`` here (the same messages of the catalogue). The
templates hold no words of any language: ``html_report.labels`` gives them theirs.

Dates: English reports keep the ISO dates they always had (2025-10-24); another language
writes the day, the month's name and the year as its catalogue says ("24 de octubre de
2025"). Only plain ISO dates are rewritten: date text as a page gave it ("Oct. 2025") is
shown as it is.
"""

from __future__ import annotations

import re

from factcheck import translation
from factcheck.core import model, timeline
from factcheck.core.text import N_

#: The stand-in for a confidential source's details (also the title Web Annotation files give it).
CONFIDENTIAL_LABEL = N_("Confidential source")
#: A citation's stance, as a report names it.
STANCE_LABELS = {"supports": N_("Supports"), "contradicts": N_("Contradicts"), "context": N_("Context")}
#: Review statuses inside a sentence: "Not yet approved by a reviewer (in review)."
STATUS_WORDS = {
    model.DRAFT: N_("draft"), model.IN_REVIEW: N_("in review"), model.CHANGES_REQUESTED: N_("changes requested"),
    model.APPROVED: N_("approved"), model.PUBLISHED: N_("published"),
}
UNTITLED_SOURCE = N_("Untitled source")

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class Words:
    """``T_`` and the words a report repeats, in one language ("en" for one without a catalogue)."""

    def __init__(self, language: str = "en"):
        self.language = language if language in translation.LANGUAGES else "en"
        if self.language != "en" and translation.core_catalogue(self.language) is None:
            self.language = "en"  # no catalogue (a broken installation): an English report, said to be one
        self.T_ = translation.report_text(self.language)

    def date(self, value: str) -> str:
        """An ISO date (2025-10-24) as the report's language writes it; anything else as it is."""
        value = value or ""
        match = _ISO_DATE.fullmatch(value.strip())
        if self.language == "en" or not match:
            return value
        year, month, day = (int(part) for part in match.groups())
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return value
        return _long_date(self.T_, year, month, day)

    def status(self, status: str) -> str:
        """A review status in a sentence ("in review")."""
        return self.T_(STATUS_WORDS[status]) if status in STATUS_WORDS else status.replace("_", " ")

    def stance(self, stance: str) -> str:
        """"Supports", "Contradicts" or "Context"."""
        return self.T_(STANCE_LABELS[stance]) if stance in STANCE_LABELS else stance

    def source_label(self, source) -> str:
        """What a report calls a cited source: its title, else its URL."""
        if source.redacted:
            return self.T_(CONFIDENTIAL_LABEL)
        return source.title or source.url or self.T_(UNTITLED_SOURCE)

    def field(self, key: str) -> str:
        """A claim field in a correction's before/after text ("verdict summary")."""
        names = _field_names(self.T_)
        if key in names:
            return names[key]
        return self.T_(str(timeline.FIELD_NAMES.get(key, str(key).replace("_", " "))))

    def no_rating(self) -> str:
        return _no_rating(self.T_)


# The literal T_ calls are in functions, not in the class: in a method, lupdate may give a
# T_ call the class's name as its context, and reports look words up in the empty context.


def _long_date(T_, year: int, month: int, day: int) -> str:  # noqa: N803 - T_ is the marker lupdate knows
    months = (
        T_("January"), T_("February"), T_("March"), T_("April"), T_("May"), T_("June"), T_("July"),
        T_("August"), T_("September"), T_("October"), T_("November"), T_("December"),
    )
    # English reports never use this (they keep ISO dates): it is the order and the words a
    # language writes a date in, e.g. "{day} de {month} de {year}".
    return T_("{month} {day}, {year}", month=months[month - 1], day=day, year=year)


def _field_names(T_) -> dict[str, str]:  # noqa: N803
    return {
        "rating": T_("rating"), "verdict_summary": T_("verdict summary"), "rationale": T_("rationale"),
        "statement": T_("statement"),
    }


def _no_rating(T_) -> str:  # noqa: N803
    return T_("no rating")


ENGLISH = Words("en")
