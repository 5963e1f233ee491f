"""`factcheck backup`, `backups` and `restore`: a checked copy, a numbered list, a new file, never an overwrite."""

from __future__ import annotations

import datetime
import os
import pathlib
import subprocess
import sys

import pytest
from click.testing import CliRunner

from factcheck import cli
from factcheck.core import backup
from factcheck.core.project import Project

from .conftest import imported


def run(*args):
    return CliRunner().invoke(cli.cli, [str(a) for a in args], catch_exceptions=True)


def run_main(*args):
    """Through ``cli.main`` in a real process: what a user sees, exit code included."""
    return subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], capture_output=True, text=True, timeout=60)


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "desk.factcheck"
    with Project.create(path, user="ana") as p:
        p.import_article(imported("The minister said the budget doubled. Officials denied it."))
        version = p.current_version(p.articles()[0].id)
        p.create_claim(version.id, 4, 12)
    return path


def claims_in(path: pathlib.Path) -> int:
    with Project.open(path, read_only=True) as p:
        return len(p.claims())


def test_backup_makes_a_checked_copy_in_the_backup_folder_and_says_where(project):
    result = run("backup", project)
    assert result.exit_code == 0, result.output
    where = pathlib.Path(result.output.split(" to ", 1)[1].rsplit(" (", 1)[0])
    assert where.is_file() and where.is_relative_to(pathlib.Path(os.environ["FACTCHECK_HOME"]) / "data" / "backups")
    assert where.name.startswith("desk-") and where.name.endswith("-manual.factcheck")
    assert "checked" in result.output
    assert claims_in(where) == 1


def test_backup_to_a_chosen_file_never_overwrites(project, tmp_path):
    result = run("backup", project, "-o", tmp_path / "copy")
    assert result.exit_code == 0, result.output
    assert claims_in(tmp_path / "copy.factcheck") == 1
    again = run_main("backup", project, "-o", tmp_path / "copy.factcheck")
    assert again.returncode == 1
    assert again.stderr.strip() == (
        "Error: copy.factcheck already exists; a backup or restored copy is never written over a file, so choose a new name."
    )


def test_backups_lists_them_newest_first_with_time_reason_and_size(project):
    with Project.open(project, read_only=True) as p:
        backup.make(p, backup.DAILY, now=datetime.datetime(2026, 11, 2, 9, tzinfo=datetime.timezone.utc))
    run("backup", project)
    result = run("backups", project)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Backups of desk.factcheck in ")
    assert lines[1].split() == ["#", "made", "(local", "time)", "reason", "size", "file"]
    rows = [line.split() for line in lines[3:]]
    assert [r[0] for r in rows] == ["1", "2"]
    assert rows[0][3] == "manual" and rows[1][3] == "daily"
    local = datetime.datetime(2026, 11, 2, 9, tzinfo=datetime.timezone.utc).astimezone()
    assert rows[1][1:3] == [local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")]
    assert rows[1][5] == "KB" and rows[1][-1].endswith("-daily.factcheck")


def test_backups_of_a_project_without_any(project):
    result = run("backups", project)
    assert result.exit_code == 0
    assert result.output.startswith("No backups of desk.factcheck yet; they will go to ")


def test_restore_from_a_numbered_backup_writes_a_new_project(project, tmp_path):
    run("backup", project)
    with Project.open(project) as p:  # more work after the backup
        version = p.current_version(p.articles()[0].id)
        p.create_claim(version.id, 13, 19)
    result = run("restore", project, "--from", 1, "-o", tmp_path / "restored")
    assert result.exit_code == 0, result.output
    target = tmp_path / "restored.factcheck"
    assert f"to {target} (1 claim)" in result.output
    assert claims_in(target) == 1 and claims_in(project) == 2
    with Project.open(target) as p:
        assert p.verify().ok


def test_restore_a_backup_file_given_by_its_path(project, tmp_path):
    made = run("backup", project).output.split(" to ", 1)[1].rsplit(" (", 1)[0]
    result = run("restore", made, "-o", tmp_path / "again.factcheck")
    assert result.exit_code == 0, result.output
    assert claims_in(tmp_path / "again.factcheck") == 1


def test_restore_never_overwrites_and_says_so_in_one_line(project, tmp_path):
    run("backup", project)
    before = project.read_bytes()
    result = run_main("restore", project, "--from", "1", "-o", project)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: desk.factcheck already exists; a backup or restored copy is never written over a file, so choose a new name."
    )
    assert project.read_bytes() == before


@pytest.mark.parametrize("args, message", [
    (("--from", "3"), "desk.factcheck has only 1 backup; list them with `factcheck backups"),
    ((), None),
])
def test_restore_names_what_is_missing(project, tmp_path, args, message):
    run("backup", project)
    if message is None:  # no backup number: the file given is what is restored
        assert run_main("restore", tmp_path / "nope.factcheck", "-o", tmp_path / "x").stderr.strip() == (
            "Error: nope.factcheck does not exist."
        )
        return
    result = run_main("restore", project, *args, "-o", tmp_path / "x")
    assert result.returncode == 1 and result.stderr.startswith("Error: " + message)
    assert not (tmp_path / "x.factcheck").exists()


def test_a_folder_is_refused_in_one_line(tmp_path):
    for args in (("backup", tmp_path), ("backups", tmp_path), ("restore", tmp_path, "-o", tmp_path / "x")):
        result = run_main(*args)
        assert result.returncode == 1, args
        assert result.stderr.count("\n") == 1 and "is a folder" in result.stderr


def test_a_command_that_writes_warns_when_the_automatic_backup_fails(project, tmp_path):
    home = pathlib.Path(os.environ["FACTCHECK_HOME"])
    (home / "data").parent.mkdir(parents=True, exist_ok=True)
    (home / "data").write_text("a file where the data folder should be")
    article = tmp_path / "second.txt"
    article.write_text("A second article, imported while backups cannot be written.", encoding="utf-8")
    result = run_main("import", project, article)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(
        f"Warning: No automatic backup of desk.factcheck was made: The backup folder {home / 'data' / 'backups'}"
    )
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("cannot be read (not a directory).\n")
    assert "A second article" in result.stdout
