"""A command on a project an older factcheck made: the upgrade's steps on stderr (a bar on a terminal, else
lines once it runs long), never on stdout."""

from __future__ import annotations

import re
import sys

import pytest

from factcheck import cli
from factcheck.core import migrations, workflow
from factcheck.core.project import Project

from .conftest import imported
from .core.test_migrations import applied, downgrade
from .test_cli_streams import run, run_on_a_terminal

STEPS = 1 + migrations.steps_of(migrations.m013_paged_lists) + 1


@pytest.fixture
def older(tmp_path):
    path = tmp_path / "older.factcheck"
    with Project.create(path, user="ana") as p:
        version = p.current_version(p.import_article(imported("The minister said the budget doubled. " * 20)).created)
        for i in range(12):
            p.create_claim(version.id, i * 10, i * 10 + 8, claimant="Minister")
    downgrade(path, 12)
    return path


def a_text(tmp_path):
    text = tmp_path / "note.txt"
    text.write_text("The opposition said unemployment rose.", encoding="utf-8")
    return str(text)


def test_a_quick_upgrade_says_nothing_when_stderr_is_not_a_terminal(capsys, older, tmp_path):
    code, out, err = run(capsys, "import", str(older), a_text(tmp_path))  # a command that writes: it upgrades
    assert code == 0 and err == "" and "(38 characters)" in out
    assert applied(older) == migrations.known_names()


def test_a_long_upgrade_says_each_step_when_stderr_is_not_a_terminal(capsys, older, tmp_path, monkeypatch):
    monkeypatch.setattr(cli._Upgrading, "QUIET_S", 0.0)
    code, out, err = run(capsys, "import", str(older), a_text(tmp_path))
    assert code == 0 and "Upgrading" not in out
    assert err.splitlines() == [f"Upgrading older.factcheck for this version of factcheck: step {n} of {STEPS}"
                                for n in range(1, STEPS + 1)]


@pytest.mark.skipif(sys.platform == "win32", reason="no pty")
def test_an_upgrade_draws_a_bar_on_a_terminal(older, tmp_path):
    code, out, err = run_on_a_terminal("import", str(older), a_text(tmp_path))
    assert code == 0, err
    assert "Upgrading older.factcheck for this version of factcheck: step 1 of 18 [-" in err
    assert re.search(rf"for this version of factcheck: step {STEPS} of {STEPS} \[#+\]\r", err)  # full
    assert err.endswith("\r\x1b[K") and "Upgrading" not in out  # cleared before the claims are listed
    assert applied(older) == migrations.known_names()


def test_a_command_that_only_reads_upgrades_an_older_file_first(capsys, older):
    code, out, err = run(capsys, "claims", str(older))
    assert code == 0 and err == ""
    assert out.count("Minister") == 12  # every claim listed, from the upgraded file
    assert applied(older) == migrations.known_names()


def test_a_read_only_older_file_is_left_as_it_is_and_the_sentence_says_why(capsys, older, monkeypatch):
    before = older.read_bytes()
    monkeypatch.setattr(cli.os, "access", lambda path, mode: False)  # root writes through any mode bits
    code, out, err = run(capsys, "claims", str(older))
    assert code != 0 and out == ""
    assert "older.factcheck is read-only and was made by an older factcheck; make it writable" in err
    assert older.read_bytes() == before


def test_an_older_file_in_a_folder_that_cannot_be_written_gets_the_same_sentence(capsys, older, monkeypatch):
    """Writable itself, in a folder that is not: the upgrade cannot write its journal beside it."""
    from factcheck.core.errors import ProjectReadOnly

    real = Project.open.__func__

    def folder_read_only(cls, path, *args, read_only=False, **kwargs):
        if not read_only:  # root writes through any mode bits: what SQLite would say in such a folder
            raise ProjectReadOnly("older.factcheck is read-only; changes cannot be saved to it.")
        return real(cls, path, *args, read_only=read_only, **kwargs)

    monkeypatch.setattr(Project, "open", classmethod(folder_read_only))
    code, out, err = run(capsys, "claims", str(older))
    assert code != 0 and out == ""
    assert "older.factcheck is read-only and was made by an older factcheck; make it writable" in err
