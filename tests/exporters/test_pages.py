"""Claims on a PDF name their page in the reports (HTML, print/PDF, Markdown, CSV); claims on unpaged
articles name none. Web Annotation and ClaimReview have no standard place for a page and write none."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest

from factcheck.exporters import _data, claimreview, html_report, markdown
from factcheck.exporters import csv as csv_export

from ..conftest import imported
from .conftest import approve

TEXT = "Primera página: el ministro habló.\n\nSegunda página: la producción cayó un 30 % 😀 en 2020, y siguió en la tercera."
STARTS = (0, TEXT.index("Segunda"), TEXT.index("tercera"))


@pytest.fixture
def report(project):
    paged = dataclasses.replace(imported(TEXT, title="Informe", name="informe.pdf"), source_format="pdf",
                                pages=STARTS, page_labels=("10", "11", "12"))
    version = project.current_version(project.import_article(paged).created)
    on_one = project.create_claim(version.id, TEXT.index("la producción"), TEXT.index(" en 2020")).created
    across = project.create_claim(version.id, TEXT.index("siguió"), len(TEXT) - 1).created
    plain = project.current_version(project.import_article(imported("An unpaged article about oil.")).created)
    unpaged = project.create_claim(plain.id, 3, 20).created
    approve(project, [on_one, across, unpaged])
    return _data.gather(project)


def test_gather_gives_each_claim_its_page_or_pages(report):
    pages = [claim.page for _, claim in report.claims]
    assert pages == ["11", "11–12", ""]


def test_csv_has_a_page_column(report):
    rows = list(csv.DictReader(io.StringIO(csv_export.render(report).decode("utf-8-sig"))))
    assert [r["page"] for r in rows] == ["11", "11–12", ""]


def test_markdown_and_html_reports_name_the_page(report):
    text = markdown.render(report).decode("utf-8")
    assert "p. 11" in text and "pp. 11–12" in text and text.count("p. ") == 2
    page = html_report.render(report).decode("utf-8")
    assert '<span class="page">p. 11</span>' in page and '<span class="page">pp. 11–12</span>' in page
    printed = html_report.render_text(report, html_report.PRINT_TEMPLATE)  # what the PDF report lays out
    assert "p. 11" in printed and "pp. 11–12" in printed


def test_claimreview_has_no_page(report):
    assert '"page' not in claimreview.render(report).decode("utf-8")
