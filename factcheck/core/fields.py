"""Pure validators for what people type: dates, URLs, one-sentence summaries, lengths.

Every entry point (the inspector, dialogs, the CLI, importers) goes through these, so a
value is accepted or refused the same way wherever it comes from. Each validator returns
the cleaned value or raises ``InvalidInput`` with a sentence saying what to write
instead; the ``*_problem`` helpers return that sentence without raising, for hints.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
import urllib.parse

from factcheck.core.errors import InvalidInput
from factcheck.core.text import N_

#: Longest text any one field takes (a rationale can be long; a title cannot be a book).
MAX_TEXT = 100_000
MAX_LINE = 2_000

_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_URL_SCHEMES = ("http", "https")
# Controls and spaces a URL may hide behind ("\tjavascript:..."): browsers strip them.
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]")

# A candidate end of sentence: . ! or ? (perhaps before a closing quote), then space and
# what comes next; it ends a sentence when that starts like one (an upper-case letter in
# any script, a digit, an opening quote or bracket, ¿ or ¡). Abbreviations before a full
# stop are not ends.
_SENTENCE_END = re.compile(r"(\w*)([.!?])[\"”’»)]?\s+([\"“‘«(¿¡]|\w)")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr rev hon pres vs no nos vol fig "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd dept univ est approx "
    "e.g i.e etc al cf sr sra dra lic ing pág núm "
    # Spanish: people's titles and ranks, and common short forms of news copy
    "sres sras srta dres ud uds gral cnel tte mons excmo sto sta art cap av avda dpto tel aprox".split()
)
#: Spanish plurals of initials double the letter ("EE. UU.", "FF. AA.", "RR. HH.").
_DOUBLED_INITIAL = re.compile(r"([A-ZÁÉÍÓÚÑ])\1")
#: Abbreviations only before a number ("No. 5"); elsewhere "no." ends a sentence.
_BEFORE_NUMBERS = frozenset("no nos vol fig pág núm".split())


def text(value: object, what: str, *, limit: int = MAX_TEXT, strip: bool = True) -> str:
    """Text in NFC, stripped (unless ``strip`` is false), no longer than ``limit``."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(N_("The {what} must be text.", what=what))
    value = unicodedata.normalize("NFC", value.strip() if strip else value)
    if "\x00" in value:
        raise InvalidInput(N_("The {what} contains a NUL character; remove it.", what=what))
    if len(value) > limit:
        raise InvalidInput(N_("The {what} is {length} characters long; the limit is {limit}.",
                               what=what, length=f"{len(value):,}", limit=f"{limit:,}"))
    return value


def line(value: object, what: str, *, limit: int = MAX_LINE) -> str:
    """One line of text: newlines and runs of space folded to one space."""
    return " ".join(text(value, what, limit=limit).split())


def date_problem(value: str) -> str:
    """Why ``value`` is not a date a claim or source can carry ('' when it is)."""
    value = value.strip()
    if not value:
        return ""
    m = _DATE.match(value)
    if not m:
        return N_("Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY).")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if not 1000 <= year <= 2999:
        return N_("{year} is not a plausible year; write the date as YYYY-MM-DD.", year=year)
    try:
        datetime.date(year, int(month or 1), int(day or 1))
    except ValueError:
        return N_("{value} is not a date on the calendar.", value=value)
    return ""


def date(value: object, what: str = N_("date")) -> str:
    """An ISO date, year-month or year; '' for none."""
    value = line(value, what, limit=10_000)
    problem = date_problem(value)
    if problem:
        raise InvalidInput(N_("The {what} “{value}” is not a date. {problem}", what=what, value=value[:40], problem=problem))
    return value


def safe_url(value: str) -> str:
    """``value`` cleaned, if it is an http(s) URL with a host, else '' (for exports: never a script URL)."""
    if not isinstance(value, str):
        return ""
    cleaned = _URL_JUNK.sub("", value)
    if cleaned != value.strip():
        return ""  # spaces or controls inside: not something a browser should be handed
    try:
        parts = urllib.parse.urlsplit(cleaned)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return ""
    if parts.scheme.lower() not in _URL_SCHEMES or not parts.hostname:
        return ""
    return cleaned


def url_problem(value: str) -> str:
    """Why ``value`` is not a URL factcheck keeps ('' when it is, or when it is empty)."""
    value = value.strip()
    if not value:
        return ""
    if safe_url(value):
        return ""
    compact = _URL_JUNK.sub("", value)
    scheme = compact.split(":", 1)[0].lower() if ":" in compact else ""
    if scheme and scheme.isalpha() and scheme not in _URL_SCHEMES and not compact[len(scheme) + 1:].isdigit():
        return N_("Only web addresses (http:// or https://) are kept; “{scheme}:” links are not.", scheme=scheme)
    return N_("Write a full web address, starting with https://.")


def url(value: object, what: str = N_("URL")) -> str:
    """An http(s) URL with a host, or ''."""
    value = line(value, what, limit=MAX_LINE)
    host = value.split("/", 1)[0]
    if value and "://" not in value and re.fullmatch(r"(?:[\w-]+\.)+[^\W\d_]{2,}", host):
        value = "https://" + value  # "example.org/page": what everyone means
    problem = url_problem(value)
    if problem:
        raise InvalidInput(N_("The {what} “{value}” cannot be kept. {problem}", what=what, value=value[:60], problem=problem))
    return value


def sentence_count(value: str) -> int:
    """Roughly how many sentences ``value`` holds (ends of sentence followed by more text, + 1)."""
    value = value.strip()
    if not value:
        return 0
    ends = 0
    for m in _SENTENCE_END.finditer(value):
        word, mark, following = m.groups()
        if following.isalpha() and not following.isupper():
            continue  # "e.g. this", "approx. three"
        if mark == "." and word.lower() in _BEFORE_NUMBERS:
            if following.isdigit():
                continue  # "No. 5", "vol. 2"
        elif mark == "." and (len(word) == 1 and word.isupper() or word.lower() in ABBREVIATIONS
                              or _DOUBLED_INITIAL.fullmatch(word)):
            continue  # "U.S. aid", "Sen. Warren", "Jan. 6", "EE. UU. cut"
        ends += 1
    return 1 + ends


def summary_problem(value: str) -> str:
    """Why a verdict summary would be refused at submission ('' when it is fine or empty)."""
    if sentence_count(value) > 1:
        return N_("The verdict summary should be one sentence.")
    return ""


def checkworthiness(value: object) -> int | None:
    if value in ("", None):
        return None
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InvalidInput(N_("Check-worthiness is a number from 1 to 5.")) from None
    if not 1 <= number <= 5:
        raise InvalidInput(N_("Check-worthiness is a number from 1 to 5."))
    return number


def tags(value: object) -> list[str]:
    """Tags from a comma-separated string or a list: spaces folded, duplicates dropped."""
    items = value.split(",") if isinstance(value, str) else list(value or [])
    cleaned: list[str] = []
    for tag in items:
        tag = line(str(tag), N_("tag"), limit=200)
        if tag and tag not in cleaned:
            cleaned.append(tag)
    return cleaned
