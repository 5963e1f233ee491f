"""Reports credit who checked each claim, not only who reviewed it: "Checked by … . Reviewed by …" on every
card, footnote and PDF page, and a ``checked_by`` column in the CSV.

The checker is the review queue's: who submitted the claim for review, else who made it
(``COALESCE(submitted_by, created_by)``); a claim with neither gets no "Checked by".
"""

from __future__ import annotations

import csv
import io

from factcheck import exporters
from factcheck.core import model
from factcheck.exporters import _data, csv as csv_export, html_report, markdown

from .conftest import APPROVED_AT, CHECKER, MAKER, REVIEWER, parse_html, text_of
from .test_markdown import RENDERER
from .test_pdf import text_layer

EVERY_STATUS = exporters.Selection(statuses=model.STATUSES)
APPROVED = f"Reviewed by {REVIEWER}, approved {APPROVED_AT[:10]}."
#: What each claim of ``checked_project`` says of its check and review, in English.
SAID = {
    "submitted": f"Checked by {CHECKER}. {APPROVED}",
    "made": f"Checked by {MAKER}. Not yet approved by a reviewer (draft).",
    "nobody": APPROVED,
}


def review_lines(data: bytes) -> dict[str, str]:
    """Claim id -> the text of its card's review line."""
    doc = parse_html(data)
    out = {}
    for card in doc.iter("article"):
        (line,) = [p for p in card.iter("p") if p.get("class") == "review"]
        assert not list(line.iter("b")), "a name became markup"
        out[card.get("id")[len("claim-"):]] = text_of(line)
    return out


def footnotes(md: str) -> list[str]:
    """The text of each footnote, as a Markdown renderer shows it (no name may become markup)."""
    doc = parse_html(RENDERER.render(md))
    items = [li for li in doc.iter("li") if (li.get("class") or "") == "footnote-item"]
    assert not [b for li in items for b in li.iter("b")], "a name became markup"
    return [text_of(li) for li in items]


def test_each_card_says_who_checked_the_claim_then_who_reviewed_it(checked_project):
    project, ids = checked_project
    data = exporters.export(project, "html", EVERY_STATUS)
    lines = review_lines(data)
    for kind, claim_id in ids.items():
        assert lines[claim_id] == SAID[kind], kind
    assert b"Checked by <bdi>Bo &lt;b&gt;&#34;Smith&#34; &amp; Jones&lt;/b&gt; [x]_*</bdi>. Reviewed by" in data
    others = [line for claim_id, line in lines.items() if claim_id not in ids.values()]
    assert others and all(line.startswith(f"Checked by {MAKER}. ") for line in others)


def test_each_footnote_says_who_checked_the_claim(checked_project):
    project, ids = checked_project
    md = exporters.export(project, "markdown", EVERY_STATUS).decode("utf-8")
    notes = footnotes(md)
    claims = {c.id: c for c in project.claims()}
    for kind, claim_id in ids.items():
        (note,) = [n for n in notes if claims[claim_id].exact in n]
        assert SAID[kind] in note, kind
    assert sum(n.count("Checked by") for n in notes) == len(notes) - 1  # all but the claim nobody checked


def test_the_pdf_says_who_checked_each_claim(checked_project, qapp):
    project, _ = checked_project
    printed = html_report.render_text(_data.gather(project, EVERY_STATUS), html_report.PRINT_TEMPLATE)
    assert "Checked by Bo &lt;b&gt;&#34;Smith&#34; &amp; Jones&lt;/b&gt; [x]_*. Reviewed by" in printed
    text = text_layer(exporters.export(project, "pdf", EVERY_STATUS))
    for said in SAID.values():
        assert said in text
    assert text.count("Checked by") == len(project.claims()) - 1


def test_the_csv_has_who_checked_each_claim_in_its_last_column(checked_project):
    """Last: a script that read the columns before it by position reads them as before."""
    project, ids = checked_project
    data = exporters.export(project, "csv", EVERY_STATUS).decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(data, newline="")))
    assert tuple(header) == csv_export.COLUMNS and header[-1] == "checked_by"
    assert header[header.index("status"):header.index("status") + 3] == ["status", "approved_at", "approved_by"]
    checked_by = {r[header.index("claim_id")]: r[-1] for r in rows}
    assert checked_by[ids["submitted"]] == CHECKER and checked_by[ids["made"]] == MAKER
    assert checked_by[ids["nobody"]] == ""
    assert len(rows) == len(project.claims())


def test_a_spanish_report_says_who_checked_each_claim(checked_project):
    project, ids = checked_project
    project.set_setting("report_language", "es")
    lines = review_lines(exporters.export(project, "html", EVERY_STATUS))
    approved = f"Revisada por {REVIEWER}, aprobada el 26 de octubre de 2025."
    assert lines[ids["submitted"]] == f"Verificada por {CHECKER}. {approved}"
    assert lines[ids["made"]] == f"Verificada por {MAKER}. Aún no aprobada por un revisor (borrador)."
    assert lines[ids["nobody"]] == approved
    notes = footnotes(exporters.export(project, "markdown", EVERY_STATUS).decode("utf-8"))
    assert any(f"Verificada por {CHECKER}. {approved}" in n for n in notes)
    assert not any("Checked by" in n for n in notes)


def test_streamed_and_gathered_reports_name_the_same_checkers(monkeypatch, checked_project, tmp_path):
    """A stream of ``ReportClaim``s (what exports read) and ``gather``'s whole claims agree, with the database."""
    project, _ = checked_project
    monkeypatch.setattr(model, "now", lambda: "2025-11-01T12:00:00.000Z")  # both made at the same time
    gathered = _data.gather(project, EVERY_STATUS)
    with project.store.snapshot():
        streamed = _data.stream(project, EVERY_STATUS, report_claims=True)
        claims = [c for _, c in streamed.claims]
        assert {c.claim.__class__ for c in claims} == {_data.ReportClaim}
        from_stream = [(c.id, c.checked_by) for c in claims]
        assert html_report.render_text(streamed, html_report.PRINT_TEMPLATE) == html_report.render_text(
            gathered, html_report.PRINT_TEMPLATE)
    assert from_stream == [(c.id, c.checked_by) for _, c in gathered.claims]
    in_sql = dict(project.store.read("SELECT id, COALESCE(submitted_by, created_by) FROM claims"))
    assert dict(from_stream) == in_sql and CHECKER in in_sql.values()
    for fmt, module in (("html", html_report), ("markdown", markdown), ("csv", csv_export)):
        exporters.export_to_file(project, fmt, EVERY_STATUS, tmp_path / f"out.{fmt}")
        assert (tmp_path / f"out.{fmt}").read_bytes() == module.render(gathered), fmt


def test_a_desk_that_does_not_name_its_checkers_turns_the_credit_off(checked_project, qapp):
    """The project setting ``credit_checkers``: off, no report says "Checked by"; the CSV, the desk's own data, keeps
    its column."""
    project, ids = checked_project
    project.set_setting("credit_checkers", False)
    lines = review_lines(exporters.export(project, "html", EVERY_STATUS))
    assert lines[ids["submitted"]] == APPROVED and lines[ids["made"]] == "Not yet approved by a reviewer (draft)."
    assert not any("Checked by" in f for f in footnotes(exporters.export(project, "markdown", EVERY_STATUS).decode()))
    assert "Checked by" not in text_layer(exporters.export(project, "pdf", EVERY_STATUS))
    header, *rows = list(csv.reader(io.StringIO(exporters.export(project, "csv", EVERY_STATUS).decode("utf-8-sig"))))
    assert header[-1] == "checked_by" and CHECKER in [r[-1] for r in rows]
