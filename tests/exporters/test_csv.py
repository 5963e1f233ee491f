"""CSV: one row per claim that the csv module (and a spreadsheet) reads back as text."""

from __future__ import annotations

import csv
import io

from factcheck import exporters
from factcheck.exporters import csv as csv_export

from .conftest import APPROVED_AT, FORMULA, HOSTILE, REVIEWER


def read(project, **selection):
    data = exporters.export(project, "csv", exporters.Selection(**selection))
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel then reads UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_header_and_one_row_per_claim(demo_project):
    rows = read(demo_project)
    header, body = rows[0], rows[1:]
    assert tuple(header) == csv_export.COLUMNS
    claims = demo_project.claims()
    assert len(body) == len(claims)
    records = [dict(zip(header, row)) for row in body]
    by_id = {r["claim_id"]: r for r in records}
    petro = next(c for c in claims if "drug cartels to flourish" in c.exact)
    r = by_id[petro.id]
    assert r["quote"] == petro.exact and r["statement"] == petro.statement
    assert r["claimant"] == "Scott Bessent, US Treasury Secretary" and r["claim_date"] == "2025-10-24"
    assert r["rating"] == "No evidence" and r["rating_value"] == ""
    assert r["verdict_summary"] == petro.verdict_summary and r["rationale"] == petro.rationale
    assert r["tags"] == "drugs, sanctions" and r["checkworthiness"] == "5"
    assert r["approved_at"] == APPROVED_AT and r["approved_by"] == REVIEWER
    assert (int(r["start"]), int(r["end"])) == (petro.start, petro.end)
    sources = r["sources"].split("\n")
    assert sources[0].startswith("Context: Treasury sanctions President Gustavo Petro")
    assert "Contradicts: US sanctions Colombian President Petro" in sources[1]
    assert sources[2] == "Context: Confidential source"
    assert [rec["number"] for rec in records] == [str(i) for i in range(1, len(claims) + 1)]
    strikes = next(rec for rec in records if "destroyed 10 vessels" in rec["quote"])
    assert strikes["rating_value"] == "5"


def test_formula_cells_are_neutralised_and_read_back_as_text(hostile_project):
    rows = read(hostile_project)
    cells = [cell for row in rows[1:] for cell in row]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert "'" + FORMULA in cells
    assert any(c == "'--> <!-- hidden" for c in cells)
    # Everything else is exactly what was typed (newlines included).
    for text in HOSTILE:
        if not text.startswith(("=", "-")):
            assert text in cells
    rationale = rows[1][rows[0].index("rationale")]
    assert "\n\n" in rationale


def test_cell_rules():
    assert csv_export.cell("=1+1") == "'=1+1"
    assert csv_export.cell("+33 6 12") == "'+33 6 12"
    assert csv_export.cell("-2") == "'-2"
    assert csv_export.cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_export.cell("\t=1") == "'\t=1"
    assert csv_export.cell("\r=1") == "'\r=1"
    assert csv_export.cell("a=1") == "a=1"
    assert csv_export.cell(5) == "5" and csv_export.cell(None) == ""
