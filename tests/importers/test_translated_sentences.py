"""What the importers say is English for the command line and translatable for the app: every
refusal and every line of an annotation import's report is a ``Text`` the Spanish catalogue
turns into Spanish, nested values (what a binary file is, why an annotation was skipped) too."""

from __future__ import annotations

import json

import pytest

from factcheck import translation
from factcheck.core.errors import ImportRefused, KnownError
from factcheck.core.project import Project
from factcheck.core.text import Text
from factcheck.importers import import_bytes, import_pasted, web_annotation


def in_spanish(sentence) -> str:
    """A sentence (or an exception) as the app shows it in Spanish."""
    catalogue = translation.core_catalogue("es")
    assert catalogue, "the Spanish catalogue is missing"
    return translation.localise(sentence, catalogue.get)


def refusal(call, *args) -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        call(*args)
    assert isinstance(caught.value.args[0], Text)
    return caught.value


def test_a_refusal_is_english_and_translates_with_its_values():
    png = refusal(import_bytes, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "photo.png")
    assert str(png) == "The file “photo.png” looks like a PNG image, not a text article."
    assert in_spanish(png) == "El archivo “photo.png” parece una imagen PNG, no un artículo de texto."
    assert in_spanish(refusal(import_bytes, b"", "empty.txt")) == "El archivo está vacío."
    assert in_spanish(refusal(import_pasted, "  \n ")) == "El texto pegado está vacío."
    rtf = refusal(import_bytes, b"{\\rtf1\\ansi Hola}", "carta.rtf")
    assert in_spanish(rtf).startswith("Los documentos RTF todavía no se pueden importar")


def test_an_annotation_import_reports_in_the_apps_language(tmp_path):
    project = Project.create(tmp_path / "p.factcheck", user="ana")
    annotation = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
                  "target": {"source": "https://example.org/a",
                             "selector": {"type": "TextQuoteSelector", "exact": "some words"}}}
    try:
        report = web_annotation.import_annotations(project, json.dumps(annotation).encode())
        lines = report.lines()
        assert lines[:2] == ["Imported 0 claims from 1 annotation.", "Skipped 1:"]
        assert all(isinstance(line, Text) for line in lines)
        spanish = [in_spanish(line) for line in lines]
        assert spanish[:2] == ["Se importaron 0 afirmaciones de 1 anotación.", "Omitidas (1):"]
        assert spanish[2].startswith("  #1: este proyecto no tiene artículos a los que anclarla")
    finally:
        project.close()


def test_a_file_that_is_not_json_says_so_in_spanish():
    with pytest.raises(KnownError) as caught:
        web_annotation.parse(b"{not json")
    assert str(caught.value).startswith("The annotation file is not valid JSON (")
    assert in_spanish(caught.value).startswith("El archivo de anotaciones no es JSON válido (")
