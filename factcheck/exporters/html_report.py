"""The HTML report: one self-contained file (inline CSS, no script, nothing fetched).

The article's text with each claim highlighted in its rating's colour and numbered, a
card per claim (statement, claimant and date, rating, verdict summary, rationale, cited
sources with stance and quoted passage, reviewer and approval date), the corrections,
the organisation's name and methodology, and the ClaimReview JSON-LD embedded for
search engines. Rendered by Jinja2 with autoescaping from ``resources/templates/``;
user text is always text, never markup.

``context`` builds what both templates read: ``report.html.j2`` (browsers, with print
CSS) and ``report_print.html.j2`` (the subset of HTML that ``QTextDocument`` lays out,
used for the PDF).

Both are written in the project's report language. The templates hold no words: they
get ``labels`` (templates such as "Claim {number}", translated by ``T_`` calls in
``labels``, filled in by the ``fill`` filter, which escapes the values) and whole
sentences made here; ``<html lang>`` is the report language.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import functools
import re
from collections.abc import Iterator
from typing import TextIO

import jinja2
from markupsafe import Markup, escape

from factcheck import __version__
from factcheck.core import fields, resources, segments
from factcheck.exporters import claimreview
from factcheck.exporters._data import ArticleData, ClaimData, CorrectionData, Report
from factcheck.exporters._words import ENGLISH, Words

TEMPLATE = "report.html.j2"
PRINT_TEMPLATE = "report_print.html.j2"
#: Opacity of a claim's colour behind its words (the article view uses 70/255), deeper
#: where claims overlap.
TINT = 0.27
DEEP_TINT = 0.5


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.path("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["http_url"] = http_url
    env.filters["fill"] = fill
    env.filters["bdi"] = bdi
    env.filters["code"] = code
    return env


class Label(str):
    """A translated template ("Afirmación {number}") that remembers its English source."""

    english: str


def label_maker(words: Words):
    """``T_`` for ``labels``: the translated template itself, placeholders unfilled."""

    def T_(template: str) -> Label:  # noqa: N802 - the marker lupdate is told about
        made = Label(words.T_(template))
        made.english = template
        return made

    return T_


def labels(words: Words = ENGLISH) -> dict[str, Label]:
    """Every fixed word of the HTML and print templates, in the language of ``words``."""
    T_ = label_maker(words)
    return {
        "internal": T_("Internal report: it names confidential sources. Do not publish or share it outside "
                       "the newsroom."),
        "ratings": T_("Ratings"),
        "by": T_("By {author}"),
        "published": T_("Published {date}"),
        "version": T_("Version {number}, text SHA-256 {sha}"),
        "article": T_("The article"),
        "claims_checked": T_("Claims checked"),
        "claim": T_("Claim {number}"),
        "not_rated": T_("Not rated"),
        "in_text": T_("↑ in the text"),
        "claimed_by": T_("Claimed by {claimant}"),
        "page": T_("p. {page}"),
        "pages": T_("pp. {page}"),
        "fuzzy": T_("The article’s wording here changed after this claim was checked."),
        "orphan": T_("These words are no longer in the current version of the article."),
        "verdict": T_("Verdict"),
        "why": T_("Why"),
        "topics": T_("Topics: {tags}"),
        "sources": T_("Sources"),
        "confidential_source": T_("Confidential source"),
        "confidential": T_("(confidential)"),
        "evidence": T_("Evidence kept"),
        # One evidence file under its source: "interview.mp3, SHA-256 9f86d0…".
        "evidence_file": T_("Evidence: {name}, SHA-256 {sha}"),
        "reviewed": T_("Reviewed by {reviewer}."),
        "reviewed_approved": T_("Reviewed by {reviewer}, approved {approved}."),
        "reviewed_published": T_("Reviewed by {reviewer}, published {published}."),
        "reviewed_approved_published": T_("Reviewed by {reviewer}, approved {approved}, published {published}."),
        "not_approved": T_("Not yet approved by a reviewer ({status})."),
        "corrections": T_("Corrections"),
        # "<b>24 Oct, verdict retracted</b> on the claim “…”": the bold part is {retracted}.
        "retracted": T_("{date}, verdict retracted"),
        "retracted_on": T_("{retracted} on the claim {quote}"),
        "withdrawn": T_("Withdrawn verdict"),
        # "<b>24 Oct, claim 2</b>" or "<b>24 Oct, the claim “…”</b>": {claim} is one of the next two.
        "fix": T_("{date}, {claim}"),
        "fix_claim": T_("claim {number}"),
        "fix_quote": T_("the claim {quote}"),
        "before": T_("Before"),
        "after": T_("After"),
        "no_corrections": T_("No corrections have been made to these verdicts."),
        "how": T_("How we check"),
    }


@functools.lru_cache(maxsize=1024)
def _escaped(text: str) -> str:
    return str(escape(text))


def fill(template: str, **values) -> Markup:
    """A label with its values: the label's text is escaped, and so is every value that is not ``Markup``.

    (``Markup.format`` does the same through a Python formatter; this is several times quicker,
    which a report of 100,000 cards notices.)
    """
    escaped = {key: escape(value) for key, value in values.items()}
    try:
        return Markup(_escaped(template).format_map(escaped))
    except (KeyError, IndexError, ValueError, AttributeError):
        # A broken translation must never hide the words: the English template instead.
        return Markup(_escaped(getattr(template, "english", template)).format_map(escaped))


def bdi(text: str) -> Markup:
    """User text isolated for bidirectional layout (a name in Arabic inside a Spanish sentence)."""
    return Markup("<bdi>" + str(escape(text)) + "</bdi>")


def code(text: str) -> Markup:
    """A hash or identifier set in code type (escaped)."""
    return Markup("<code>" + str(escape(text)) + "</code>")


def http_url(url: str) -> str:
    """``url`` when it is a plain http(s) link, else "" (never ``javascript:`` or ``data:``): core's rule."""
    return fields.safe_url((url or "").strip())


def _blend(color: str, alpha: float) -> str:
    """``color`` at ``alpha`` over white, as an opaque ``#rrggbb`` (prints and works in Qt)."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * alpha) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def _foreground(color: str) -> str:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if luminance > 0.55 else "#ffffff"


_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclasses.dataclass(frozen=True)
class RatingStyle:
    cls: str
    label: str
    description: str
    color: str
    tint: str
    deep: str
    fg: str


def rating_styles(report: Report, words: Words | None = None) -> dict[str, RatingStyle]:
    """CSS class and colours of each rating of the scale, plus ``""`` for unrated claims."""
    from factcheck.exporters._data import UNRATED_COLOR

    T_ = (words or Words(report.report_language)).T_
    out = {}
    for i, r in enumerate(report.scale.ratings):
        color = r.color if _HEX.match(r.color) else UNRATED_COLOR
        out[r.key] = RatingStyle(f"r{i}", r.label, r.description, color, _blend(color, TINT), _blend(color, DEEP_TINT),
                                 _foreground(color))
    out[""] = RatingStyle("rn", T_("Not rated"), "", UNRATED_COLOR, _blend(UNRATED_COLOR, TINT),
                          _blend(UNRATED_COLOR, DEEP_TINT), _foreground(UNRATED_COLOR))
    return out


@dataclasses.dataclass(slots=True)
class Piece:
    """A run of article text: plain (``cls`` empty) or covered by claims."""

    text: str
    cls: str = ""
    color: str = ""  # the tint behind the words (print template)
    overlap: bool = False
    title: str = ""  # "Claim 3" / "Claims 2, 3", in the report's language
    starts: tuple[ClaimData, ...] = ()  # claims whose words begin here (their number goes first)


def pieces(article: ArticleData, styles: dict[str, RatingStyle], words: Words = ENGLISH) -> list[Piece]:
    """The current text cut into plain and highlighted runs (overlaps flattened)."""
    T_ = words.T_
    text = article.text
    anchored = list(article.anchored())
    by_id = {c.id: c for c in anchored}
    spans = {c.id: (c.claim.start, c.claim.end) for c in anchored}
    starts: dict[int, list[ClaimData]] = {}
    for c in anchored:
        starts.setdefault(c.claim.start, []).append(c)
    out: list[Piece] = []
    at = 0
    for seg in segments.segments((c.id, c.claim.start, c.claim.end) for c in anchored):
        if seg.start > at:
            out.append(Piece(text[at : seg.start]))
        ids = segments.smallest_first(seg.claim_ids, spans)
        first = by_id[ids[0]]
        style = styles[first.rating.key] if first.rating else styles[""]
        numbers = sorted(by_id[i].number for i in ids)
        if len(numbers) == 1:
            title = T_("Claim {number}", number=numbers[0])
        else:
            title = T_("Claims {numbers}", numbers=", ".join(map(str, numbers)))
        begin = tuple(sorted(starts.pop(seg.start, ()), key=lambda c: c.number))
        overlap = len(ids) > 1
        out.append(Piece(text[seg.start : seg.end], style.cls, style.deep if overlap else style.tint, overlap, title, begin))
        at = seg.end
    if at < len(text):
        out.append(Piece(text[at:]))
    return out


def paragraphs(runs: list[Piece]) -> list[list[Piece]]:
    """Runs cut at line ends: one list of runs per paragraph (a claim may span several)."""
    out: list[list[Piece]] = [[]]
    for run in runs:
        lines = run.text.split("\n")
        for i, line in enumerate(lines):
            if i:
                out.append([])
            if line:
                out[-1].append(run if len(lines) == 1 else dataclasses.replace(run, text=line, starts=run.starts if i == 0 else ()))
    return out


class ArticleView:
    """What the templates read of one article: its text in runs and its corrections are made when first
    read, and go with the view (``ArticleViews`` makes a new one for each walk)."""

    def __init__(self, data: ArticleData, styles: dict[str, RatingStyle], words: Words, report: Report | None = None):
        self.data, self._styles, self._words, self._report = data, styles, words, report

    @functools.cached_property
    def paragraphs(self) -> list[list[Piece]]:
        return paragraphs(pieces(self.data, self._styles, self._words))

    @functools.cached_property
    def corrections(self) -> list[CorrectionData]:
        return self.data.corrections

    @property
    def article(self):
        return self.data.article

    @property
    def claims(self) -> Iterator[ClaimData]:
        """The claims for the cards, each counted as written (``Report.progress``)."""
        for claim in self.data.claims:
            yield claim
            if self._report is not None:
                self._report.progress(1)


class ArticleViews(collections.abc.Sequence):
    """The report's articles as views, one made as the template reaches it: only that one's text is held."""

    def __init__(self, report: Report, styles: dict[str, RatingStyle], words: Words):
        self._report, self._styles, self._words = report, styles, words

    def _view(self, article: ArticleData) -> ArticleView:
        return ArticleView(article, self._styles, self._words, self._report)

    def __len__(self) -> int:
        return len(self._report.articles)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._view(a) for a in self._report.articles[index]]
        return self._view(self._report.articles[index])

    def __iter__(self) -> Iterator[ArticleView]:
        for article in self._report.articles:
            yield self._view(article)


class _Reviews:
    """The ClaimReview JSON-LD of the report's claims, made in pieces as the template writes them."""

    def __init__(self, report: Report):
        self.report = report

    def __iter__(self) -> Iterator[Markup]:
        for part in claimreview.script_json_items(claimreview.iter_reviews(self.report), self.report.progress):
            yield Markup(part)

    def __str__(self) -> str:
        return "".join(self)

    __html__ = __str__


def context(report: Report) -> dict:
    words = Words(report.report_language)
    T_ = words.T_
    styles = rating_styles(report, words)
    articles = ArticleViews(report, styles, words)
    used = report.rating_keys()
    legend = [s for key, s in styles.items() if key in used]
    if len(report.articles) == 1:
        title = T_("Fact-check: {title}", title=report.articles[0].article.title)
    else:
        title = T_("Fact-check report: {n} articles", n=len(report.articles))
    n = report.claim_count
    generator = f"factcheck {__version__}"
    words_of = labels(words)

    def reviewed(claim: ClaimData, reviewer: str) -> Markup:
        """"Reviewed by X, approved <date>, published <date>." with whichever dates the claim has."""
        approved, published = words.date(claim.approved_date), words.date(claim.published_date)
        if approved and published:
            key = "reviewed_approved_published"
        else:
            key = "reviewed_approved" if approved else "reviewed_published" if published else "reviewed"
        return fill(words_of[key], reviewer=reviewer, approved=approved, published=published)

    return {
        "report": report,
        "lang": words.language,
        "labels": words_of,
        "title": title,
        "logo_alt": (T_("{name} logo", name=report.organisation_name) if report.organisation_name
                     else T_("Organisation logo")),
        "claims_line": T_("1 claim checked") if n == 1 else T_("{n} claims checked", n=n),
        "scale_line": T_("Rating scale: {name}", name=report.scale.name),
        "made_line": T_("Report made {date}", date=words.date(report.today)),
        "made_with": T_("Made with {generator} on {date} {time} UTC.", generator=generator,
                        date=words.date(report.generated_at[:10]), time=report.generated_at[11:16]),
        "date": words.date,
        "status": words.status,
        "stance": words.stance,
        "source_label": words.source_label,
        "reviewed": reviewed,
        "articles": articles,
        "styles": styles,
        "legend": legend,
        "jsonld": _Reviews(report),  # iterated: {% for part in jsonld %}
        "generator": generator,
        "style": lambda claim: styles[claim.rating.key] if claim.rating else styles[""],
        "internal": report.selection.include_confidential,
        "print_logo": None,  # the PDF fills it in: the logo as an image resource of its document
    }


#: Passes over the report's claims a file takes (what progress counts to): the cards, then the JSON-LD.
PASSES = 2


def write(report: Report, out: TextIO, template: str = TEMPLATE) -> None:
    """The report into ``out``, written as Jinja2 makes it (``generate``): article by article, card by card."""
    pending: list[str] = []
    size = 0
    for chunk in environment().get_template(template).generate(context(report)):
        pending.append(chunk)
        size += len(chunk)
        if size >= 65_536:  # Jinja2 yields every piece of text: write them in bunches of 64 K characters
            out.write("".join(pending))
            pending.clear()
            size = 0
    out.write("".join(pending))


def render_text(report: Report, template: str = TEMPLATE) -> str:
    return environment().get_template(template).render(context(report))


def render(report: Report) -> bytes:
    return render_text(report).encode("utf-8")
