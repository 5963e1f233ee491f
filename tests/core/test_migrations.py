"""Upgrading a project: each migration all or nothing, its steps told as they go, a kill midway harmless."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from sqlite_utils import Database

from factcheck.core import backup, migrations, workflow
from factcheck.core.errors import Cancelled
from factcheck.core.project import Project

from ..conftest import imported

TEXT = "El ministro dijo que el paro bajó un 4 % el año pasado. La oposición afirmó que subió un 2 %. " * 40


def schema(path) -> dict[str, str]:
    """Every table, index and trigger of a file, with its SQL (the statistics aside)."""
    conn = sqlite3.connect(path)
    try:
        return {name: sql for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'")}
    finally:
        conn.close()


def applied(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    finally:
        conn.close()


def downgrade(path, to: int) -> None:
    """Make ``path`` look as an older factcheck left it: the objects of the migrations after ``to`` gone."""
    fresh = path.with_name("reference.factcheck")
    conn = sqlite3.connect(fresh)
    migrations.migration_set().apply(Database(conn), stop_before=migrations.MIGRATIONS[to].__name__)
    older = set(schema_of(conn))
    conn.close()
    fresh.unlink()
    conn = sqlite3.connect(path)
    with conn:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall():
            if name not in older:
                conn.execute(f"DROP INDEX {name}")
        later = [fn.__name__ for fn in migrations.MIGRATIONS[to:]]
        conn.execute(f"DELETE FROM _sqlite_migrations WHERE name IN ({', '.join('?' * len(later))})", later)
    conn.execute(f"PRAGMA user_version = {to}")
    conn.close()


def schema_of(conn) -> dict[str, str]:
    return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"))


@pytest.fixture
def desk(tmp_path):
    """A project with claims in review, upgraded from schema 12 (before the paged lists' indexes): its path."""
    path = tmp_path / "desk.factcheck"
    with Project.create(path, user="ana") as p:
        version = p.current_version(p.import_article(imported(TEXT)).created)
        source = p.create_source(title="INE", url="https://ine.example/paro").created
        rating = p.scale.ratings[0].key
        for i in range(60):
            claim_id = p.create_claim(version.id, i * 20, i * 20 + 15, claimant="Ministra", rating=rating,
                                      verdict_summary="No.").created
            if i % 2:
                p.cite(claim_id, source, "contradicts")
                p.review(claim_id, workflow.SUBMIT)
    downgrade(path, 12)
    return path


@pytest.mark.parametrize("fn", migrations.MIGRATIONS[1:], ids=lambda fn: fn.__name__)
def test_each_migration_is_all_or_nothing(tmp_path, fn):
    """Stopped at its last step, before its commit, a migration leaves nothing: no commit of its own midway."""
    path = tmp_path / "old.factcheck"
    conn = sqlite3.connect(path, isolation_level=None)
    db = Database(conn)
    migrations.migration_set().apply(db, stop_before=fn.__name__)
    before, done = schema_of(conn), applied(path)
    pending = migrations.pending_names(conn)
    last = migrations.steps_of(fn)
    upgrade = migrations.Upgrade(pending, lambda n, total: n < last, backup=False)
    with pytest.raises(Cancelled):
        upgrade.apply(db)
    assert schema_of(conn) == before and applied(path) == done and not conn.in_transaction
    migrations.Upgrade(pending, None, backup=False).apply(db)  # and it runs whole the next time
    assert applied(path) == migrations.known_names()
    conn.close()


def test_an_upgrade_tells_each_step_of_its_indexes(desk, tmp_path):
    told = []
    with Project.open(desk, progress=lambda n, total: told.append((n, total))) as p:
        assert [b.reason for b in backup.backups_of(p)] == ["premigration"]
    total = 1 + migrations.steps_of(migrations.m013_paged_lists) + 1  # the backup, each index, the statistics
    assert told[0] == (0, total) and told[-1] == (total, total)
    steps = [n for n, _ in dict.fromkeys(told) if n == int(n)]
    assert steps == list(range(total + 1))  # every step, in order, none skipped
    assert schema(desk) == schema(fresh_project(tmp_path))


def test_the_copy_made_first_is_told_as_it_goes(desk, monkeypatch):
    monkeypatch.setattr(migrations.Upgrade, "EVERY", 0.0)
    monkeypatch.setattr(backup, "PAGES", 8)
    told = []
    Project.open(desk, progress=lambda n, total: told.append(n)).close()
    copying = told[1:told.index(1)]
    assert len(copying) > 10 and copying == sorted(copying) and 0 < copying[0] < copying[-1] <= 1


def fresh_project(tmp_path):
    path = tmp_path / "fresh.factcheck"
    Project.create(path).close()
    return path


def test_an_upgrade_stopped_midway_leaves_the_file_as_it_was(desk):
    before = schema(desk)
    with pytest.raises(Cancelled):
        Project.open(desk, progress=lambda n, total: n < 5)  # stopped within the paged lists' indexes
    assert schema(desk) == before and "m013_paged_lists" not in applied(desk)
    with Project.open(desk) as p:  # and upgraded whole the next time
        assert "m013_paged_lists" in applied(desk)
        assert p.review_queue_rows()


def test_a_step_that_runs_long_is_told_again_and_can_be_stopped_within(desk, monkeypatch):
    """SQLite's progress handler: the app hears from a long index build, and its Stop interrupts it."""
    monkeypatch.setattr(migrations.Upgrade, "EVERY", 0.0)
    monkeypatch.setattr(migrations.Upgrade, "INSTRUCTIONS", 100)
    told = []

    def progress(n, total):
        told.append(n)
        return told.count(n) < 3  # the third word of one step: stop it where it is

    with pytest.raises(Cancelled):
        Project.open(desk, progress=progress)
    assert "m013_paged_lists" not in applied(desk) and told.count(told[-1]) == 3


KILLER = textwrap.dedent("""
    import os, signal, sys
    from factcheck.core import migrations
    from factcheck.core.project import Project

    migrations.Upgrade.EVERY, migrations.Upgrade.INSTRUCTIONS = 0.0, 100
    at, again = int(sys.argv[2]), int(sys.argv[3])
    told = []

    def progress(n, total):
        told.append(n)
        if n == at and told.count(n) > again:
            os.kill(os.getpid(), signal.SIGKILL)

    Project.open(sys.argv[1], progress=progress)
    sys.exit(3)  # not killed
""")


@pytest.mark.parametrize("at, again", [(0, 0), (1, 2), (3, 2), (6, 0), (17, 0)],
                         ids=["before the backup", "within the first index", "within the third index",
                              "between two indexes", "before the commit"])
def test_a_process_killed_mid_upgrade_leaves_a_file_that_opens(desk, tmp_path, at, again):
    """Killed at any step of the upgrade (during a statement, too), the file opens and is upgraded whole."""
    home = os.environ["FACTCHECK_HOME"]
    killed = subprocess.run([sys.executable, "-c", KILLER, str(desk), str(at), str(again)],
                            env={**os.environ, "FACTCHECK_HOME": home}, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with Project.open(desk) as p:
        assert applied(desk) == migrations.known_names()
        assert p.store.read_one("PRAGMA integrity_check")[0] == "ok"
        assert p.verify().ok
        assert len(p.review_queue_rows()) == 60
    assert schema(desk) == schema(fresh_project(tmp_path))
