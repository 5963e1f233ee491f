"""ARTICLE takes the start of an article's id wherever a command takes one, as CLAIM does."""

from __future__ import annotations

import uuid

import pytest

from factcheck.core import model
from factcheck.core.project import Project

from .conftest import imported, run_cli as run


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """Three articles whose ids start abc1, abc2 and def0; one claim on each. Returns (path, ids)."""
    prefix = {"now": ""}
    monkeypatch.setattr(model, "new_id", lambda: prefix["now"] + str(uuid.uuid4())[len(prefix["now"]):])
    path = tmp_path / "desk.factcheck"
    ids = {}
    with Project.create(path, user="ana") as p:
        p.set_setting("four_eyes", False)
        for start, words in (("abc1", "Alpha rose 5%."), ("abc2", "Beta fell 3%."), ("def0", "Gamma held.")):
            prefix["now"] = start
            article_id = p.import_article(imported(words, title=words)).created
            prefix["now"] = ""
            version = p.current_version(article_id)
            p.create_claim(version.id, 0, len(words) - 1, claimant="Someone", rating="true",
                           verdict_summary="It is so")
            ids[start] = article_id
    return path, ids


def test_claims_and_check_take_a_prefix(capsys, desk):
    path, ids = desk
    code, out, err = run(capsys, "claims", str(path), "--article", "def")
    assert code == 0, err
    assert "Gamma held" in out and "Alpha" not in out and "Beta" not in out
    code, out, err = run(capsys, "check", str(path), "--article", "abc2", "--status", "draft")
    assert code == 1, err  # a draft without a source blocks: the check ran on Beta alone
    assert "Beta fell 3%" in out and "Alpha" not in out and "Gamma" not in out


def test_export_takes_prefixes_repeated(capsys, desk, tmp_path):
    path, ids = desk
    out_file = tmp_path / "claims.csv"
    code, out, err = run(capsys, "export", str(path), "-f", "csv", "-o", str(out_file),
                         "--article", "abc1", "--article", "def0", "--status", "draft")
    assert code == 0, err
    assert out.strip() == f"Wrote 2 claims from 2 articles to {out_file}"
    written = out_file.read_text(encoding="utf-8-sig")
    assert "Alpha rose 5%" in written and "Gamma held" in written and "Beta" not in written


def test_import_as_version_of_takes_a_prefix(capsys, desk, tmp_path):
    path, ids = desk
    edited = tmp_path / "beta.txt"
    edited.write_text("Beta fell 3%. Then it rose.", encoding="utf-8")
    code, out, err = run(capsys, "import", str(path), str(edited), "--as-version-of", "abc2")
    assert code == 0, err
    assert out.startswith(f"Added version 2 of {ids['abc2']}:")
    with Project.open(path) as p:
        assert [v.number for v in p.versions(ids["abc2"])] == [1, 2]
        assert [v.number for v in p.versions(ids["abc1"])] == [1]


def test_a_whole_id_still_works_even_when_it_is_the_prefix_of_nothing_else(capsys, desk):
    path, ids = desk
    code, out, err = run(capsys, "claims", str(path), "--article", ids["abc1"])
    assert code == 0, err
    assert "Alpha rose 5%" in out and "Beta" not in out


@pytest.mark.parametrize("command", [
    ["claims", "{path}", "--article", "abc"],
    ["check", "{path}", "--article", "abc"],
    ["export", "{path}", "-f", "csv", "-o", "{out}", "--article", "abc"],
    ["import", "{path}", "{file}", "--as-version-of", "abc"],
])
def test_an_ambiguous_prefix_is_one_sentence_naming_how_many(capsys, desk, tmp_path, command):
    path, ids = desk
    text = tmp_path / "new.txt"
    text.write_text("Something else entirely.", encoding="utf-8")
    out_file = tmp_path / "never.csv"
    args = [a.format(path=path, out=out_file, file=text) for a in command]
    code, out, err = run(capsys, *args)
    assert code == 1
    assert err == "Error: 2 articles have an id starting 'abc'; see `factcheck info PROJECT` for the ids.\n"
    assert not out_file.exists()
    with Project.open(path) as p:
        assert all(len(p.versions(i)) == 1 for i in ids.values())  # nothing imported


def test_an_unknown_prefix_says_so(capsys, desk):
    path, ids = desk
    code, out, err = run(capsys, "claims", str(path), "--article", "zzz")
    assert code == 1
    assert err == "Error: No article has an id starting 'zzz'; see `factcheck info PROJECT` for the ids.\n"
