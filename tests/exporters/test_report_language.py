"""Reports in the project's report language: Spanish words and dates from the catalogue, whatever
language the app is shown in; English reports as they always were; data formats stay English.

The Spanish words below are the catalogue's (``resources/translations/factcheck_es.ts``):
``translation.report_text("es")`` reads its compiled ``.qm``.
"""

from __future__ import annotations

import json
import re

import pytest

from factcheck import exporters
from factcheck.core import model
from factcheck.exporters import csv as csv_export
from factcheck.exporters import html_report
from factcheck.exporters._words import Words

from .conftest import APPROVED_AT, MAKER, REVIEWER, approve, parse_html, text_of
from .test_pdf import text_layer

EVERY_STATUS = exporters.Selection(statuses=model.STATUSES)
REASON = "A reader pointed out the Treasury's own figures."
#: The fixed words of an English report, none of which a Spanish one may show.
ENGLISH_WORDS = ("The article", "Claims checked", "Claim", "Corrections", "How we check", "Verdict", "Why",
                 "Sources", "Reviewed by", "approved", "Not rated", "Rating scale", "Report made", "Made with",
                 "Claimed by", "Supports", "Contradicts", "Context", "Confidential source", "Before", "After",
                 "Published", "Version", "Fact-check", "Topics", "Not yet approved", "Checked by")


@pytest.fixture
def spanish(demo_project):
    """The demo project with reports in Spanish: one verdict corrected, one claim back in draft."""
    p = demo_project
    claims = p.claims()
    petro = next(c for c in claims if "drug cartels to flourish" in c.exact)
    approve(p, [petro.id], status=model.PUBLISHED)
    p.update_claim(petro.id, rating="false", reason=REASON)
    approve(p, [petro.id], status=model.PUBLISHED)  # re-approved after the correction
    draft = next(c for c in claims if c.id != petro.id)
    p.store.conn.execute("UPDATE claims SET status = 'draft', approved_by = NULL, approved_at = NULL WHERE id = ?",
                         (draft.id,))
    p.set_setting("report_language", "es")
    assert p.settings()["report_language"] == "es"
    return p


def test_the_words_of_a_spanish_report():
    es = Words("es")
    assert es.date("2025-10-24") == "24 de octubre de 2025"
    assert es.date("2025-01-05") == "5 de enero de 2025"
    assert es.date("Oct. 2025") == "Oct. 2025" and es.date("2025-13-01") == "2025-13-01" and es.date("") == ""
    assert es.status("in_review") == "en revisión" and es.stance("supports") == "Respalda"
    assert Words("en").date("2025-10-24") == "2025-10-24"  # English reports keep their ISO dates
    assert Words("fr").language == "en"  # a language without a catalogue: English


def test_a_spanish_html_report(spanish):
    data = exporters.export(spanish, "html", EVERY_STATUS)
    doc = parse_html(data)
    assert doc.get("lang") == "es"
    assert doc.find("head/title").text.startswith("Verificación: US sanctions Colombian President Petro")
    headings = [text_of(h).strip() for h in doc.iter("h2")]
    assert headings == ["El artículo", "Afirmaciones verificadas", "Correcciones", "Cómo verificamos"]
    shown = {  # the words the report writes itself (not the article's or the project's)
        "meta": [text_of(e) for e in doc.iter("p") if e.get("class") == "meta"],
        "labels": [text_of(e) for e in doc.iter() if e.get("class") in ("label", "num", "badge", "back", "review")],
        "stances": [text_of(e) for e in doc.iter("span") if (e.get("class") or "").startswith("stance")],
        "summaries": [text_of(e.find("strong")) for e in doc.iter("p") if e.get("class") == "summary"],
        "footer": [text_of(doc.find(".//footer"))],
    }
    words = " | ".join(" | ".join(v) for v in shown.values())
    for english in ENGLISH_WORDS:
        assert not re.search(rf"\b{english}\b", words), english
    meta = " ".join(shown["meta"])
    assert "afirmaciones verificadas" in meta and "Escala de calificación: " in meta and "Informe elaborado el " in meta
    assert "24 de octubre de 2025" in meta  # the claim date, in Spanish
    assert f"Verificada por {MAKER}. Revisada por {REVIEWER}, aprobada el 26 de octubre de 2025." in shown["labels"]
    assert f"Verificada por {MAKER}. Aún no aprobada por un revisor (borrador)." in shown["labels"]
    assert "Veredicto" in shown["summaries"] and "Contradice:" in shown["stances"]
    assert "Hecho con factcheck" in shown["footer"][0]
    corrections = text_of(doc.find(".//ul[@class='corrections']"))
    assert "afirmación 1: " + REASON in corrections
    assert "Antes calificación: No evidence" in corrections and "Después calificación: False" in corrections
    (script,) = list(doc.iter("script"))
    assert {review["inLanguage"] for review in json.loads(script.text)} == {"es"}


def test_a_spanish_markdown_report(spanish):
    md = exporters.export(spanish, "markdown", EVERY_STATUS).decode("utf-8")
    assert md.startswith("# Verificación: US sanctions Colombian President Petro")
    assert "### Correcciones" in md and "### Cómo verificamos" in md
    assert "**Afirmación 1: False.**" in md
    assert "Afirmado por: Scott Bessent, US Treasury Secretary, 24 de octubre de 2025" in md
    assert f"Revisada por {REVIEWER}, aprobada el 26 de octubre de 2025." in md
    assert "Aún no aprobada por un revisor (borrador)." in md
    assert "Antes: calificación: No evidence" in md and "Fuentes:" in md and "- Contradice: " in md
    assert f"Verificada por {MAKER}. Revisada por {REVIEWER}, aprobada" in md
    for english in ("# Fact-check", "### Corrections", "### How we check", "**Claim ", "Claimed by", "Checked by",
                    "Reviewed by", "Sources:", "Before:", "Made with", "claims checked", "rating scale:",
                    "Not yet approved"):
        assert english not in md, english


def test_a_spanish_pdf(spanish, qapp):
    printed = html_report.render_text(exporters._data.gather(spanish, EVERY_STATUS), html_report.PRINT_TEMPLATE)
    assert '<html lang="es">' in printed
    text = text_layer(exporters.export(spanish, "pdf", EVERY_STATUS))
    assert "Afirmaciones verificadas" in text and "VEREDICTO" in text and "Correcciones" in text
    assert "aprobada el 26 de octubre de 2025" in text and f"Verificada por {MAKER}." in text
    assert "Claims checked" not in text and "VERDICT" not in text and "Checked by" not in text


def test_an_english_report_says_so(demo_project):
    doc = parse_html(exporters.export(demo_project, "html"))
    assert doc.get("lang") == "en"
    assert f"approved {APPROVED_AT[:10]}" in text_of(doc.find("body"))
    reviews = json.loads(exporters.export(demo_project, "claimreview"))
    assert {r["inLanguage"] for r in reviews} == {"en"}


def test_claimreview_says_the_report_language(spanish):
    reviews = json.loads(exporters.export(spanish, "claimreview"))
    assert reviews and {r["inLanguage"] for r in reviews} == {"es"}


def test_csv_and_web_annotation_files_are_data_and_stay_english(spanish):
    data = exporters.export(spanish, "csv", EVERY_STATUS).decode("utf-8-sig")
    assert data.splitlines()[0] == ",".join(csv_export.COLUMNS)
    assert "Contradicts: " in data and "Contradice" not in data
    doc = json.loads(exporters.export(spanish, "webannotation", EVERY_STATUS))
    labels = {b.get("label") for a in doc["first"]["items"] for b in a.get("body", [])}
    assert "Verdict summary" in labels and doc["label"].startswith("Fact-check: ")
