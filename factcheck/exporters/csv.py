"""CSV for spreadsheets: one row per claim, UTF-8 with a byte-order mark (so Excel reads it).

Cells that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) are prefixed with ``'`` (OWASP's advice against CSV
injection): they open as text, never as formulas.

Lines are written by ``line`` in the csv module's excel dialect (minimal quoting, CRLF), a
chunk at a time; ``tests/exporters/test_csv.py`` holds it to the csv module's bytes.

A CSV file is data, not a report: its column names and the few words it writes itself
(stances, "Confidential source") stay English whatever the report language, so
spreadsheets and scripts read every project's file the same way.

``checked_by`` names who checked the claim (``_data.checker``: who submitted it for review,
else who made it, as the review queue says), ``approved_by`` the reviewer who approved it.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterable
from typing import TextIO

from factcheck.exporters._data import Report, checkers

COLUMNS = (
    "article", "article_url", "number", "claim_id", "quote", "statement", "claimant", "claim_date",
    "checkworthiness", "tags", "rating", "rating_value", "verdict_summary", "rationale", "sources",
    "status", "approved_at", "approved_by", "anchor_state", "start", "end", "page",
    "checked_by",  # last, so that scripts reading the columns before it by position still read them
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(_FORMULA_START)


def cell(value: object) -> str:
    """A value as a spreadsheet-safe cell."""
    if value.__class__ is str:  # most cells: the quick way
        return "'" + value if value[:1] in _FORMULA_FIRST else value
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _sources(claim) -> str:
    parts = []
    for c in claim.citations:
        s = c.source
        if s.redacted:
            parts.append(f"{c.stance_label}: Confidential source")
            continue
        text = f"{c.stance_label}: {s.label}"
        if s.publisher:
            text += f", {s.publisher}"
        if s.url and s.url != s.label:
            text += f" <{s.url}>"
        if c.quote:
            text += f" “{c.quote}”"
        parts.append(text)
    return "\n".join(parts)


#: Passes over the report's claims a file takes (what progress counts to).
PASSES = 1
#: A stream reads its claims as ``_data.ReportClaim``s: it uses no other field of a claim.
REPORT_CLAIMS = True


def _cell_of(v: object) -> str:
    """One value as the csv module writes its ``cell`` (quoted when it holds a comma, a quote or a line break,
    its quotes doubled; numbers as they are, None as "")."""
    if v.__class__ is not str:
        if v is None:
            return ""
        v = str(v) if isinstance(v, (int, float)) else cell(v)
    elif v[:1] in _FORMULA_FIRST:
        v = "'" + v
    if '"' in v:
        return '"' + v.replace('"', '""') + '"'
    if "," in v or "\n" in v or "\r" in v:
        return '"' + v + '"'
    return v


def line(values: Iterable[object]) -> str:
    """One CSV line of ``cell``s, as the csv module writes it (excel dialect, minimal quoting, CRLF)."""
    return ",".join(map(_cell_of, values)) + "\r\n"


#: A cell that starts a formula, after the first: what ``_texts`` looks for in a column joined by NUL.
_GUARDED = re.compile("\0[" + re.escape("".join(_FORMULA_START)) + "]")


def _texts(values: list) -> list:
    """A column of cells at once: text that needs no quoting and starts no formula (nearly all) is kept as it is.

    Looking at a whole column joined into one string is done in C; ``_cell_of`` on every value
    was most of the time of a file of 100,000 claims. Values that are not text, and columns with
    quotes or line breaks, take ``_cell_of`` value by value. (A NUL inside a value can only make
    the guard look at more cells than it needs.)
    """
    try:
        joined = "\0".join(values)
    except TypeError:  # some value is not text
        return list(map(_cell_of, values))
    if '"' in joined or "\n" in joined or "\r" in joined:
        return list(map(_cell_of, values))
    if joined[:1] in _FORMULA_FIRST or _GUARDED.search(joined):
        values = ["'" + v if v[:1] in _FORMULA_FIRST else v for v in values]
    if "," in joined:
        values = ['"' + v + '"' if "," in v else v for v in values]
    return values


def _none_empty(values: list) -> list:
    """None as "" (a cell of its own), so that a column of text and None is still all text."""
    return ["" if v is None else v for v in values]


def _numbers(values: list) -> list[str]:
    """A column of numbers (None for none) as cells."""
    return ["" if v is None else str(v) if v.__class__ is int else _cell_of(v) for v in values]


def _lines(head: str, claims: list) -> str:
    """The lines of some claims of one article (``head``: its title and URL cells), built column by column."""
    cs = [c.claim for c in claims]
    ratings = [c.rating for c in claims]
    columns = (
        _numbers([c.number for c in claims]), _texts([c.id for c in cs]), _texts([c.exact for c in cs]),
        _texts([c.statement for c in cs]), _texts([c.claimant for c in cs]), _texts([c.claim_date for c in cs]),
        _numbers([c.checkworthiness for c in cs]), _texts([", ".join(c.tags) if c.tags else "" for c in cs]),
        _texts([r.label if r else "" for r in ratings]), _numbers([r.value if r else None for r in ratings]),
        _texts([c.verdict_summary for c in cs]), _texts([c.rationale for c in cs]),
        _texts([_sources(c) if c.citations else "" for c in claims]), _texts([c.status for c in cs]),
        _texts(_none_empty([c.approved_at for c in cs])), _texts(_none_empty([c.approved_by for c in cs])),
        _texts([c.anchor_state for c in cs]), _numbers([c.start for c in cs]), _numbers([c.end for c in cs]),
        _texts([c.page for c in claims]), _texts(checkers(cs)),
    )
    return "".join([head + ",".join(cells) + "\r\n" for cells in zip(*columns)])


#: Claims whose lines are made (column by column) and written at once: about 130 K characters.
ROWS = 256


def write(report: Report, out: TextIO) -> None:
    """The file into ``out`` (text, opened with ``newline=""``), ``ROWS`` lines at a time."""
    out.write("\ufeff" + line(COLUMNS))
    progress = report.progress
    for article in report.articles:
        head = ",".join(map(_cell_of, (article.article.title, article.article.url))) + ","
        claims = iter(article.claims)
        while chunk := list(itertools.islice(claims, ROWS)):
            out.write(_lines(head, chunk))
            progress(len(chunk))


def render(report: Report) -> bytes:
    buffer = io.StringIO(newline="")
    write(report, buffer)
    return buffer.getvalue().encode("utf-8")
