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

from factcheck.exporters._data import Report

COLUMNS = (
    "article", "article_url", "number", "claim_id", "quote", "statement", "claimant", "claim_date",
    "checkworthiness", "tags", "rating", "rating_value", "verdict_summary", "rationale", "sources",
    "status", "approved_at", "approved_by", "anchor_state", "start", "end", "page",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A value as a spreadsheet-safe cell."""
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


def rows(report: Report) -> list[list[str]]:
    out = []
    for article, claim in report.claims:
        c = claim.claim
        values = [
            article.article.title, article.article.url, claim.number, c.id, c.exact, c.statement, c.claimant,
            c.claim_date, c.checkworthiness, ", ".join(c.tags), claim.rating_label,
            claim.rating.value if claim.rating else None, c.verdict_summary, c.rationale, _sources(claim),
            c.status, c.approved_at, c.approved_by, c.anchor_state, c.start, c.end, claim.page,
        ]
        out.append([cell(v) for v in values])
    return out


def render(report: Report) -> bytes:
    buffer = io.StringIO(newline="")
    writer = _csv.writer(buffer, dialect="excel", quoting=_csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    writer.writerows(rows(report))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
