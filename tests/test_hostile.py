"""Hostile use of the command line and the project file: each case says what happened, in one line."""

from __future__ import annotations

import os
import pathlib
import shutil
import sqlite3
import subprocess
import sys

import click
import pytest

from factcheck import cli, paths
from factcheck.core import store
from factcheck.core.errors import BugError, NotAProject, ProjectError
from factcheck.core.project import Project

from .conftest import SAMPLE, imported

# --- a folder as PROJECT -----------------------------------------------------------------


def commands_taking_a_project() -> dict[str, click.Command]:
    """Every command whose first argument is a file: a project (new commands are covered as they come).

    ``open`` starts the app, which says so in its window (tests/ui/test_hostile_ui.py).
    """
    out = {}
    for name, command in cli.cli.commands.items():
        arguments = [p for p in command.params if isinstance(p, click.Argument)]
        if name != "open" and arguments and isinstance(arguments[0].type, (click.Path, cli._ProjectPath)):
            out[name] = command
    return out


def other_arguments(command: click.Command) -> list[str]:
    """Plausible values for everything else the command requires."""
    args: list[str] = []
    for param in command.params[1:]:
        value = param.type.choices[0] if isinstance(param.type, click.Choice) else "x"
        if isinstance(param, click.Argument) and param.required:
            args.append(value)
        elif isinstance(param, click.Option) and param.required:
            args += [param.opts[0], value]
    return args


def test_every_command_on_a_project_file_is_listed():
    assert {"new", "import", "info", "claims", "export", "history", "verify", "check", "review", "demo"} <= set(
        commands_taking_a_project())


@pytest.mark.parametrize("name", sorted(commands_taking_a_project()))
def test_a_folder_as_project_is_one_line_and_exit_status_1(tmp_path, capsys, name):
    folder = tmp_path / "Checks 2025"
    folder.mkdir()
    command = commands_taking_a_project()[name]
    with pytest.raises(SystemExit) as exit_info:
        cli.main([name, str(folder), *other_arguments(command)])
    assert exit_info.value.code == 1
    assert capsys.readouterr().err == "Error: Checks 2025 is a folder, not a factcheck project.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Checks 2025"]  # nothing made beside it


def test_a_folder_as_project_in_a_real_process(tmp_path):
    result = subprocess.run([sys.executable, "-m", "factcheck", "info", str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == f"Error: {tmp_path.name} is a folder, not a factcheck project.\n"


# --- a damaged or cut-short file ---------------------------------------------------------


@pytest.fixture
def saved(tmp_path) -> bytes:
    """The bytes of a closed project holding the sample article (several pages long)."""
    path = tmp_path / "whole.factcheck"
    with Project.create(path, user="ana") as p:
        p.import_article(imported(SAMPLE.read_text(encoding="utf-8")))
    data = path.read_bytes()
    assert len(data) > 10 * 4096 and not pathlib.Path(str(path) + "-wal").exists()
    return data


def page_size(data: bytes) -> int:
    return int.from_bytes(data[16:18], "big")


@pytest.mark.parametrize("damage", [
    pytest.param(lambda d: d[:50], id="cut to 50 bytes"),
    pytest.param(lambda d: d[:10], id="cut inside the SQLite header"),
    pytest.param(lambda d: d[:100], id="cut after the file header"),
    pytest.param(lambda d: d[:3 * page_size(d) + 1234], id="cut inside a page"),
    pytest.param(lambda d: d[:2 * page_size(d)], id="cut at a page boundary"),
    pytest.param(lambda d: d[:100] + bytes(page_size(d) - 100) + d[page_size(d):], id="first page zeroed past its header"),
])
def test_a_damaged_project_is_called_damaged(tmp_path, saved, damage):
    path = tmp_path / "p.factcheck"
    path.write_bytes(damage(saved))
    with pytest.raises(NotAProject, match=r"^p\.factcheck is damaged: ") as info:
        Project.open(path).close()
    assert "another program" not in str(info.value)
    result = subprocess.run([sys.executable, "-m", "factcheck", "info", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == f"Error: {info.value}\n"


def test_a_project_cut_to_50_bytes_says_how_much_is_left(tmp_path, saved):
    path = tmp_path / "p.factcheck"
    path.write_bytes(saved[:50])
    with pytest.raises(NotAProject) as info:
        Project.open(path)
    assert str(info.value) == "p.factcheck is damaged: the file was cut short (it holds 50 bytes)."


# --- the -wal journal deleted under a live writer ------------------------------------------


@pytest.fixture
def live(tmp_path):
    """A project open for writing, with an article committed to its -wal journal (not yet to the file)."""
    path = tmp_path / "live.factcheck"
    p = Project.create(path, user="ana")
    p.import_article(imported(SAMPLE.read_text(encoding="utf-8"), title="Saved before"))
    wal = pathlib.Path(str(path) + "-wal")
    assert wal.stat().st_size > 0
    yield p, path, wal
    p.close()


JOURNAL_DELETED = (
    "The journal of live.factcheck (live.factcheck-wal) was deleted while the project was open, so changes "
    "cannot be saved safely; close the project wherever it is open and open it again."
)


def test_the_next_write_after_the_journal_is_deleted_says_so(live, tmp_path):
    p, path, wal = live
    wal.unlink()
    # SQLite itself would commit this into the deleted file, lost if factcheck were then killed.
    with pytest.raises(ProjectError) as info:
        p.set_setting("organisation_name", "Checkers")
    assert str(info.value) == JOURNAL_DELETED
    with pytest.raises(ProjectError, match="journal of live.factcheck"):
        p.import_article(imported("Another article."))
    # What was committed before is in the project file itself already, as if killed now.
    shutil.copy(path, tmp_path / "copy.factcheck")
    with Project.open(tmp_path / "copy.factcheck") as copy:
        assert [a.title for a in copy.articles()] == ["Saved before"]
        assert copy.settings()["organisation_name"] == ""
    # Reading still works; close and open again, and writing works too.
    assert [a.title for a in p.articles()] == ["Saved before"]
    p.close()
    with Project.open(path, user="ana") as again:
        again.set_setting("organisation_name", "Checkers")
        assert again.settings()["organisation_name"] == "Checkers"


def test_another_program_opening_it_then_is_told_the_same_and_nothing_is_lost(live, tmp_path):
    p, path, wal = live
    wal.unlink()
    article = tmp_path / "other.txt"
    article.write_text("Aid fell by half in 2024.", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "factcheck", "import", str(path), str(article)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == f"Error: {JOURNAL_DELETED}\n"  # SQLite says "disk I/O error"
    with pytest.raises(ProjectError) as info:
        p.set_setting("organisation_name", "Checkers")
    assert str(info.value) == JOURNAL_DELETED
    p.close()
    with Project.open(path, user="ana") as again:
        assert [a.title for a in again.articles()] == ["Saved before"]
        again.set_setting("organisation_name", "Checkers")


def test_a_project_whose_folder_is_renamed_while_open_is_said_moved_not_journal(live, tmp_path):
    p, path, wal = live
    path.parent.rename(tmp_path.parent / (tmp_path.name + "-renamed"))
    try:
        with pytest.raises(ProjectError, match=r"^live\.factcheck was moved or deleted while it was open"):
            p.set_setting("organisation_name", "Checkers")
    finally:
        p.close()
        (tmp_path.parent / (tmp_path.name + "-renamed")).rename(tmp_path)


def test_a_disk_error_with_the_journal_in_place_is_not_blamed_on_it(tmp_path):
    err = sqlite3.OperationalError("disk I/O error")
    err.sqlite_errorcode = 266  # SQLITE_IOERR_READ
    path = tmp_path / "p.factcheck"
    path.write_bytes(b"")
    pathlib.Path(str(path) + "-wal").write_bytes(b"")
    assert "the disk reported an error" in str(store.describe_error(err, path))
    assert str(store.describe_error(err, path, journal_lost=True)).startswith("The journal of p.factcheck")


# --- errors that are ours: BugError, logged under FACTCHECK_HOME ------------------------------


def test_sqlite_errors_that_are_not_the_users_problem_are_bugs(project):
    with pytest.raises(BugError, match="no such column"):
        project.store.read("SELECT no_such_column FROM claims")


def test_a_bug_is_one_line_and_its_traceback_goes_to_the_log_under_factcheck_home(tmp_path):
    path = tmp_path / "p.factcheck"
    with Project.create(path, user="ana") as p:
        p.import_article(imported("Aid fell by half in 2024."))
    with sqlite3.connect(path) as conn:  # a table gone: not something factcheck wrote, nor the user's doing
        conn.execute("DROP TABLE claims")
    conn.close()
    home = tmp_path / "home"
    env = {**os.environ, "FACTCHECK_HOME": str(home)}
    result = subprocess.run([sys.executable, "-m", "factcheck", "claims", str(path)],
                            capture_output=True, text=True, timeout=60, env=env)
    log = home / "logs" / "factcheck.log"
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: factcheck hit an unexpected problem, a bug in factcheck (BugError: ")
    assert f"Details were written to {log}." in result.stderr
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "sqlite3.OperationalError: no such table: claims" in logged


def test_the_log_is_under_factcheck_home_when_it_is_set(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path))
    assert paths.log_file() == tmp_path / "logs" / "factcheck.log"
    assert paths.home() == (tmp_path / "config", tmp_path / "data")
    monkeypatch.delenv("FACTCHECK_HOME")
    assert not paths.log_file().is_relative_to(tmp_path)
