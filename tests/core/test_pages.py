"""The page map of a paged version (a PDF): stored with the version, read by offset, and kept
by everything that copies versions (undo, backups, merges of copies, hand-offs) and checked by verify."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
import zipfile

import pytest

from factcheck.core import backup, handoff, history, merge, migrations, pages
from factcheck.core.errors import BugError
from factcheck.core.project import Project

from ..conftest import imported

#: Three pages; the second starts mid-sentence, as a paragraph running over a page break does.
TEXT = "Informe sobre la producción 🛢️ de crudo.\n\nEn 2019 la producción cayó un 30 % según el ministerio y siguió cayendo en 2020."
STARTS = (0, TEXT.index("siguió"), TEXT.index("2020"))


def paged(labels=("iv", "v", "vi")):
    return dataclasses.replace(imported(TEXT, title="Informe", name="informe.pdf"), source_format="pdf",
                               mime="application/pdf", pages=STARTS, page_labels=tuple(labels))


def test_the_page_of_an_offset_is_its_label_or_its_number(project):
    version = project.current_version(project.import_article(paged()).created)
    assert project.page_of(version.id, 0) == "iv"
    assert project.page_of(version.id, STARTS[1] - 1) == "iv"
    assert project.page_of(version.id, STARTS[1]) == "v"
    assert project.page_of(version.id, len(TEXT) - 1) == "vi"
    assert project.page_map(version.id).span(STARTS[1] - 5, STARTS[1] + 3) == "iv–v"
    numbered = project.current_version(project.import_article(paged(labels=())).created)
    assert [project.page_of(numbered.id, s) for s in STARTS] == ["1", "2", "3"]
    plain = project.current_version(project.import_article(imported(TEXT)).created)
    assert project.page_of(plain.id, 10) is None and project.page_map(plain.id) is None


def test_empty_pages_start_where_the_next_one_does():
    page_map = pages.PageMap((0, 0, 10, 10, 20))
    assert page_map.page_of(0) == "2" and page_map.page_of(10) == "4" and page_map.page_of(25) == "5"


def test_a_page_map_that_does_not_fit_its_text_is_our_bug(project):
    for starts in ((5, 10), (0, 30, 20), (0, len(TEXT) + 1)):
        bad = dataclasses.replace(paged(labels=()), pages=starts)
        with pytest.raises(BugError):
            project.import_article(bad)
    with pytest.raises(BugError):
        project.import_article(dataclasses.replace(paged(), page_labels=("i",)))
    assert project.articles() == []


def test_the_migration_adds_the_column_before_the_evidence_one(project):
    names = migrations.known_names()
    assert names.index("m008_version_pages") == 7
    columns = [row[1] for row in project.store.execute("PRAGMA table_info(versions)")]
    assert "pages" in columns


def test_undo_and_redo_of_an_import_keep_the_pages(project):
    steps = history.History(project)
    article_id = steps.do(history.ImportArticle(paged())).created
    version = project.current_version(article_id)
    steps.undo()
    steps.redo()
    assert project.page_of(version.id, STARTS[2]) == "vi"
    assert project.verify().ok


def test_a_new_version_from_a_pdf_has_its_own_pages_and_undo_takes_them_back(project):
    article_id = project.import_article(imported("Borrador: " + TEXT)).created
    steps = history.History(project)
    version_id = steps.do(history.AddVersion(article_id, paged())).created
    assert project.page_of(version_id, STARTS[1]) == "v"
    steps.undo()
    assert project.store.execute("SELECT count(*) FROM versions WHERE pages IS NOT NULL").fetchone()[0] == 0
    assert project.verify().ok


def test_backups_keep_the_pages(project, tmp_path):
    version = project.current_version(project.import_article(paged()).created)
    copy = backup.copy_to(project, tmp_path / "copy.factcheck")
    restored = backup.restore(copy, tmp_path / "restored.factcheck")
    with Project.open(restored, user="ana") as p:
        assert p.page_of(version.id, STARTS[1]) == "v"
        assert p.verify().ok


@pytest.fixture
def copies(tmp_path):
    a = tmp_path / "ana.factcheck"
    with Project.create(a, user="ana") as p:
        p.import_article(imported("The minister spoke."))
    b = tmp_path / "ben.factcheck"
    shutil.copy(a, b)
    return a, b


def test_a_pdf_imported_in_one_copy_keeps_its_pages_when_merged_into_the_other(copies):
    a, b = copies
    with Project.open(b, user="ben") as p:
        article_id = p.import_article(paged()).created
        version_id = p.current_version(article_id).id
        claim_id = p.create_claim(version_id, STARTS[1], STARTS[1] + 6).created
    with Project.open(a, user="ana") as p:
        merge.merge(p, b)
        assert p.verify().ok
        assert p.page_of(version_id, p.claim(claim_id).start) == "v"


def test_a_handoff_carries_the_pages_and_says_older_builds_cannot_read_it(copies, tmp_path):
    a, b = copies
    with Project.open(b, user="ben") as p:
        version_id = p.current_version(p.import_article(paged()).created).id
        written = handoff.write(p, tmp_path / "ben.factcheck-changes")
    rows = {row["id"]: row for row in handoff.read(written.path).rows["versions"]}
    assert pages.decode(rows[version_id]["pages"], len(TEXT)).starts == STARTS
    with Project.open(a, user="ana") as p:
        merge.merge(p, written.path)
        assert p.verify().ok
        assert p.page_of(version_id, STARTS[2]) == "vi"
    with zipfile.ZipFile(written.path) as archive:
        assert json.loads(archive.read("manifest.json"))["version"] == 2


def test_verify_names_a_page_map_edited_outside_factcheck(project):
    article_id = project.import_article(paged()).created
    path = project.path
    project.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE versions SET pages = ? WHERE article_id = ?", ('{"labels": [], "starts": [0, 9999]}',
                                                                           article_id))
    conn.close()
    with Project.open(path, user="ana") as p:
        verdict = p.verify()
        assert not verdict.ok
        assert "page starts of version 1" in str(verdict)
        assert p.page_map(p.current_version(article_id).id) is None  # read as unpaged, never wrong pages
