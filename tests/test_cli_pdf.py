"""`factcheck import` of a PDF: --password for an encrypted one (else one line naming it), and the
page of each claim in `factcheck claims`."""

from __future__ import annotations

import pytest

from factcheck.core.project import Project

from .importers import _pdfs
from .importers._pdfs import Text
from .test_cli import run, run_main


def two_pages() -> bytes:
    pages = [[Text(25, 40, "El ministro dijo que la producción cayó un 30 %."), Text(100, 285, "1")],
             [Text(25, 40, "La oposición dijo que subió un 2 %."), Text(100, 285, "2")]]
    return _pdfs.with_metadata(_pdfs.write(pages), Title="Informe sobre el crudo",
                               labels=[(0, 1, "/D", None, 11)])


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.factcheck"
    assert run("new", str(path)).exit_code == 0
    return path


def test_a_pdf_is_imported_and_its_claims_show_their_page(project, tmp_path):
    pdf = tmp_path / "informe.pdf"
    pdf.write_bytes(two_pages())
    done = run("import", str(project), str(pdf))
    assert done.exit_code == 0, done.output
    assert "Informe sobre el crudo" in done.output
    assert "Running headers, footers and page numbers were left out" in done.output
    with Project.open(project, user="ana") as p:
        version = p.current_version(p.articles()[0].id)
        start = version.text.index("La oposición")
        p.create_claim(version.id, start, start + 30, claimant="La oposición")
    listed = run("claims", str(project))
    assert listed.exit_code == 0, listed.output
    header, _, row = listed.output.splitlines()[:3]
    assert header.split()[-1] == "page" and row.split()[-1] == "12"


def test_claims_of_unpaged_articles_have_no_page_column(project, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("The minister said unemployment fell by 4% last year.", encoding="utf-8")
    assert run("import", str(project), str(text)).exit_code == 0
    with Project.open(project, user="ana") as p:
        p.create_claim(p.current_version(p.articles()[0].id).id, 4, 30)
    assert "page" not in run("claims", str(project)).output.splitlines()[0]


def test_an_encrypted_pdf_needs_password(project, tmp_path):
    pdf = tmp_path / "secreto.pdf"
    pdf.write_bytes(_pdfs.with_metadata(two_pages(), password="contraseña"))
    asked = run_main("import", str(project), str(pdf))
    assert asked.returncode == 1
    assert asked.stderr == "Error: “secreto.pdf” is protected by a password: give it with --password.\n"
    wrong = run_main("import", str(project), str(pdf), "--password", "clave")
    assert wrong.returncode == 1
    assert wrong.stderr == "Error: The password given with --password does not open “secreto.pdf”.\n"
    with Project.open(project) as p:
        assert p.articles() == []
    right = run_main("import", str(project), str(pdf), "--password", "contraseña")
    assert right.returncode == 0, right.stderr
    with Project.open(project) as p:
        assert p.articles()[0].title == "Informe sobre el crudo"
