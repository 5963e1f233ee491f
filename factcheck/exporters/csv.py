"""CSV for spreadsheets: one row per claim, UTF-8 with a byte-order mark (so Excel reads it).

Cells that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) are prefixed with ``'`` (OWASP's advice against CSV
injection): they open as text, never as formulas.

Lines are written by ``line`` in the csv module's excel dialect (minimal quoting, CRLF), a
chunk at a time; ``tests/exporters/test_csv.py`` holds it to the csv module's bytes.

A CSV file is data, not a report: its column names and the few words it writes itself
(stances, "Confidential source") stay English whatever the report language, so
spreadsheets and scripts read every project's file the same way.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import TextIO

from factcheck.exporters._data import Report

COLUMNS = (
    "article", "article_url", "number", "claim_id", "quote", "statement", "claimant", "claim_date",
    "checkworthiness", "tags", "rating", "rating_value", "verdict_summary", "rationale", "sources",
    "status", "approved_at", "approved_by", "anchor_state", "start", "end", "page",
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


def iter_rows(report: Report) -> Iterator[tuple]:
    """One row of values per claim, read as they are written (``cell`` makes each a spreadsheet-safe cell)."""
    for article, claim in report.claims:
        c = claim.claim
        rating = claim.rating
        yield (
            article.article.title, article.article.url, claim.number, c.id, c.exact, c.statement, c.claimant,
            c.claim_date, c.checkworthiness, ", ".join(c.tags), rating.label if rating else "",
            rating.value if rating else None, c.verdict_summary, c.rationale,
            _sources(claim) if claim.citations else "", c.status, c.approved_at, c.approved_by, c.anchor_state,
            c.start, c.end, claim.page,
        )


def line(values: Iterable[object]) -> str:
    """One CSV line of ``cell``s, as the csv module writes it (excel dialect, minimal quoting, CRLF).

    Written here rather than by ``csv.writer``, which looks at every character in Python's C
    loop: ten microseconds a row, most of the time of an export of 100,000 claims. A cell is
    quoted when it holds a comma, a quote or a line break, its quotes doubled; None is "".
    """
    cells = []
    for v in values:
        if v.__class__ is not str:
            if v is None:
                cells.append("")
                continue
            v = str(v) if isinstance(v, (int, float)) else cell(v)
        elif v[:1] in _FORMULA_FIRST:
            v = "'" + v
        if '"' in v:
            v = '"' + v.replace('"', '""') + '"'
        elif "," in v or "\n" in v or "\r" in v:
            v = '"' + v + '"'
        cells.append(v)
    return ",".join(cells) + "\r\n"


#: Characters of CSV gathered before they are written out (one write per chunk, not per row).
CHUNK = 1 << 16


def write(report: Report, out: TextIO) -> None:
    """The file into ``out`` (text, opened with ``newline=""``), rows gathered in chunks."""
    out.write("\ufeff" + line(COLUMNS))
    progress = report.progress
    pending: list[str] = []
    size = 0
    for row in iter_rows(report):
        text = line(row)
        pending.append(text)
        size += len(text)
        progress(1)
        if size >= CHUNK:
            out.write("".join(pending))
            pending.clear()
            size = 0
    out.write("".join(pending))


def render(report: Report) -> bytes:
    buffer = io.StringIO(newline="")
    write(report, buffer)
    return buffer.getvalue().encode("utf-8")
