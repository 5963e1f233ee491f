"""CSV for spreadsheets: one row per claim, UTF-8 with a byte-order mark (so Excel reads it).

Cells that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) are prefixed with ``'`` (OWASP's advice against CSV
injection): they open as text, never as formulas.

(This module is ``factcheck.exporters.csv``; absolute imports make ``import csv`` below
the standard library's module, imported as ``_csv`` to keep the two apart.)

A CSV file is data, not a report: its column names and the few words it writes itself
(stances, "Confidential source") stay English whatever the report language, so
spreadsheets and scripts read every project's file the same way.
"""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Iterator
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


def iter_rows(report: Report) -> Iterator[list[str]]:
    """One row per claim, read as they are written."""
    for article, claim in report.claims:
        c = claim.claim
        values = [
            article.article.title, article.article.url, claim.number, c.id, c.exact, c.statement, c.claimant,
            c.claim_date, c.checkworthiness, ", ".join(c.tags), claim.rating_label,
            claim.rating.value if claim.rating else None, c.verdict_summary, c.rationale, _sources(claim),
            c.status, c.approved_at, c.approved_by, c.anchor_state, c.start, c.end, claim.page,
        ]
        yield [cell(v) for v in values]


def rows(report: Report) -> list[list[str]]:
    return list(iter_rows(report))


def write(report: Report, out: TextIO) -> None:
    """The file into ``out`` (text, opened with ``newline=""``), row by row."""
    out.write("\ufeff")
    writer = _csv.writer(out, dialect="excel", quoting=_csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in iter_rows(report):
        writer.writerow(row)
        report.progress(1)


def render(report: Report) -> bytes:
    buffer = io.StringIO(newline="")
    write(report, buffer)
    return buffer.getvalue().encode("utf-8")
