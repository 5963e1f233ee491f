"""``factcheck import`` refuses a file the project holds already, unless ``--again``."""

from __future__ import annotations

import io
import sys

from factcheck.core.project import Project

from .conftest import SAMPLE, run_cli as run


def titles(path) -> list[str]:
    with Project.open(path) as p:
        return [a.title for a in p.articles()]


def test_the_same_file_twice_is_refused_naming_the_article(tmp_path, capsys):
    path = tmp_path / "desk.factcheck"
    assert run(capsys, "new", str(path))[0] == 0
    assert run(capsys, "import", str(path), str(SAMPLE), "--title", "Petro sanctions")[0] == 0
    with Project.open(path) as p:
        article_id = p.articles()[0].id
    other = tmp_path / "other.txt"
    other.write_text("Another article, never imported.\n", encoding="utf-8")

    code, out, err = run(capsys, "import", str(path), str(other), str(SAMPLE))
    assert code != 0 and out == ""
    assert "“us-sanctions-petro.txt” is already in this project" in err
    assert "“Petro sanctions”" in err and article_id[:8] in err and "--again" in err
    assert titles(path) == ["Petro sanctions"]  # one refused, none imported: not the new file either


def test_again_imports_a_second_copy(tmp_path, capsys):
    path = tmp_path / "desk.factcheck"
    run(capsys, "new", str(path))
    run(capsys, "import", str(path), str(SAMPLE), "--title", "First copy")
    code, out, err = run(capsys, "import", str(path), str(SAMPLE), "--title", "Second copy", "--again")
    assert code == 0, err
    assert "Second copy" in out
    assert titles(path) == ["First copy", "Second copy"]


def test_pasted_text_already_imported_is_refused(tmp_path, capsys, monkeypatch):
    path = tmp_path / "desk.factcheck"
    run(capsys, "new", str(path))
    run(capsys, "import", str(path), str(SAMPLE), "--title", "From the file")
    monkeypatch.setattr(sys, "stdin", io.StringIO(SAMPLE.read_text(encoding="utf-8")))
    code, _, err = run(capsys, "import", str(path), "-")
    assert code != 0 and "“pasted text” is already in this project" in err and "“From the file”" in err
    assert titles(path) == ["From the file"]


def test_one_article_given_twice_in_one_import_is_refused(tmp_path, capsys):
    """Nothing in the project yet: the second file is the same article as the first (the same words as Markdown)."""
    path = tmp_path / "desk.factcheck"
    run(capsys, "new", str(path))
    words = SAMPLE.read_text(encoding="utf-8")
    copy = tmp_path / "copy.md"
    copy.write_text(words, encoding="utf-8")
    code, out, err = run(capsys, "import", str(path), str(SAMPLE), str(copy))
    assert code != 0 and out == ""
    assert "“copy.md” holds the same article as “us-sanctions-petro.txt”" in err and "--again" in err
    assert titles(path) == []
    code, _, err = run(capsys, "import", str(path), str(SAMPLE), str(copy), "--again")
    assert code == 0, err
    assert len(titles(path)) == 2
