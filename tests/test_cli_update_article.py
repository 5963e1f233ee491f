"""``factcheck update-article PROJECT ARTICLE FILE``: a new version, how its claims were re-anchored."""

from __future__ import annotations

import io
import sys

import pytest

from factcheck import cli, importers
from factcheck.core.project import Project

from .conftest import imported

V1 = ("Intro 😀 words, señor. US aid to Colombia is expected to decrease by at least 20%.\n\n"
      "The ministry said nothing. Gringos go home. The officials left early in the morning, and the café stayed "
      "open all night.")
V2 = "A note 🇨🇴 on top.\n\n" + V1.replace("decrease", "drop").replace(" Gringos go home.", "")
WORDS = ("the café stayed open all night", "US aid to Colombia is expected to decrease by at least 20%", "Gringos go home.")


def run(capsys, *args: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    """``factcheck ARGS`` as a user runs it: (exit status, stdout, stderr)."""
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        cli.main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(tmp_path):
    """(project path, article id, claim ids) of an article with a kept, an edited and a gone claim."""
    path = tmp_path / "desk.factcheck"
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported(V1, title="Aid cut")).created
        version = p.current_version(article_id)
        ids = [p.create_claim(version.id, V1.index(w), V1.index(w) + len(w)).created for w in WORDS]
    return path, article_id, ids


def _stored(path) -> tuple:
    with Project.open(path, read_only=True) as p:
        return (p.store.read("SELECT count(*) FROM events"), p.store.read("SELECT id FROM versions"),
                p.store.read('SELECT id, version_id, start, "end", anchor_state FROM claims ORDER BY id'))


def test_it_prints_the_counts_and_each_changed_claims_old_and_new_words(capsys, desk, tmp_path):
    path, article_id, (kept, edited, gone) = desk
    new = tmp_path / "v2.txt"
    new.write_text(V2, encoding="utf-8")
    code, out, err = run(capsys, "update-article", str(path), article_id[:6], str(new), "--user", "ben")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Version 2 of “Aid cut” added from v2.txt."
    assert lines[1] == "Claims: 0 unchanged, 1 moved, 1 fuzzy, 1 orphaned."
    assert lines[2].startswith("Fuzzy (the words changed;")
    assert lines[3] == f"  {edited[:8]}  was: “US aid to Colombia is expected to decrease by at least 20%”"
    assert lines[4] == "            now: “US aid to Colombia is expected to drop by at least 20%”"
    assert lines[5].startswith("Orphaned (the words are gone;")
    assert lines[6] == f"  {gone[:8]}  was: “Gringos go home.”"
    assert len(lines) == 7
    with Project.open(path, read_only=True) as p:
        (v1, v2) = p.versions(article_id)
        assert v2.imported_by == "ben" and p.version(v2.id).text == V2
        assert p.claim(kept).version_id == v2.id and p.claim(gone).version_id == v1.id


def test_the_same_text_again_changes_nothing_and_says_so(capsys, desk, tmp_path):
    path, article_id, _ = desk
    same = tmp_path / "same.txt"
    same.write_text(V1.replace("\n", "\r\n"), encoding="utf-8")
    before = _stored(path)
    code, out, err = run(capsys, "update-article", str(path), article_id, str(same))
    assert code == 0, err
    assert out == "Nothing changed: the text is the same as version 1; no version was added.\n"
    assert _stored(path) == before


def test_pasted_text_from_stdin(capsys, desk, monkeypatch):
    path, article_id, _ = desk
    code, out, err = run(capsys, "update-article", str(path), article_id, "-", stdin=V2, monkeypatch=monkeypatch)
    assert code == 0, err
    assert "added from pasted text" in out and "1 fuzzy" in out
    with Project.open(path, read_only=True) as p:
        assert p.current_version(article_id).text == V2


def test_a_file_that_cannot_be_imported_is_one_sentence_and_nothing_is_stored(capsys, desk, tmp_path):
    path, article_id, _ = desk
    picture = tmp_path / "photo.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    before = _stored(path)
    code, out, err = run(capsys, "update-article", str(path), article_id, str(picture))
    assert code == 1 and out == ""
    assert err.startswith("Error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert _stored(path) == before


def test_a_deleted_article_is_refused(capsys, desk, tmp_path):
    path, article_id, _ = desk
    with Project.open(path) as p:
        p.delete_article(article_id)
    new = tmp_path / "v2.txt"
    new.write_text(V2, encoding="utf-8")
    before = _stored(path)
    code, out, err = run(capsys, "update-article", str(path), article_id, str(new))
    assert code == 1
    assert err == f"Error: No article has an id starting {article_id!r}; see `factcheck info PROJECT` for the ids.\n"
    assert _stored(path) == before


def test_the_password_goes_to_the_importer(capsys, desk, tmp_path, monkeypatch):
    path, article_id, _ = desk
    given = {}

    def import_file(name, *, password=None, progress=None):
        given["password"] = password
        return imported(V2, name="locked.pdf")

    monkeypatch.setattr(importers, "import_file", import_file)
    code, out, err = run(capsys, "update-article", str(path), article_id, str(tmp_path / "locked.pdf"),
                         "--password", "s3cret")
    assert code == 0, err
    assert given == {"password": "s3cret"} and "added from locked.pdf" in out
