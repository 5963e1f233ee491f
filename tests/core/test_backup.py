"""Automatic and manual backups: sound copies, a rolling set, never in the way, never overwriting."""

from __future__ import annotations

import datetime
import os
import pathlib
import sqlite3

import pytest

from factcheck.core import backup, migrations
from factcheck.core.project import Project

from ..conftest import imported

UTC = datetime.timezone.utc


def day(n: int, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(2026, 11, 1, hour, tzinfo=UTC) + datetime.timedelta(days=n)


def backups_root() -> pathlib.Path:
    return pathlib.Path(os.environ["FACTCHECK_HOME"]) / "data" / "backups"


@pytest.fixture
def claimed(article):
    """A project with the sample article and two claims on it."""
    project, _, version = article
    for words in ("President Petro", "sweeping sanctions"):
        at = version.text.index(words)
        project.create_claim(version.id, at, at + len(words))
    return project


def test_a_backup_is_a_sound_project_with_the_same_claims(claimed):
    made = backup.make(claimed, backup.MANUAL)
    assert made.path.is_file() and made.reason == "manual"
    assert made.path.name.startswith("test-") and made.path.name.endswith("-manual.factcheck")
    backup.check(made.path)
    assert backup.claim_count(made.path) == 2
    with Project.open(made.path, read_only=True) as copy:
        assert [c.exact for c in copy.claims()] == [c.exact for c in claimed.claims()]
        assert copy.verify().ok
    # One self-contained file: no journal beside it, nothing half-written left behind.
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]


def test_backups_go_under_factcheck_home_in_one_folder_per_project(claimed, tmp_path):
    made = backup.make(claimed)
    assert made.path.parent.parent == backups_root()
    assert backup.root() == backups_root()
    other = Project.create(tmp_path / "other.factcheck", user="ana")
    try:
        assert backup.folder(other) != made.path.parent
    finally:
        other.close()


def test_a_renamed_project_keeps_its_backup_folder(claimed, tmp_path):
    yesterday = datetime.datetime.now(UTC) - datetime.timedelta(days=1)
    first = backup.make(claimed, now=yesterday).path.parent
    path = claimed.path
    claimed.close()
    renamed = tmp_path / "renamed.factcheck"
    path.rename(renamed)
    with Project.open(renamed) as p:
        assert backup.folder(p) == first
        assert len(backup.backups_of(p)) == 2  # yesterday's, and today's daily under the new name
        assert {b.stem for b in backup.backups_of(p)} == {"test", "renamed"}


def test_the_rolling_set_keeps_the_documented_number_of_each_reason(claimed):
    for n in range(12):
        backup.make(claimed, backup.DAILY, now=day(n))
    for n in range(6):
        backup.make(claimed, backup.PREMIGRATION, now=day(n))
    for n in range(13):
        backup.make(claimed, backup.MANUAL, now=day(20, hour=0) + datetime.timedelta(seconds=n // 3))
    kept = backup.backups_of(claimed)
    by_reason = {r: [b for b in kept if b.reason == r] for r in backup.KEEP}
    assert {r: len(b) for r, b in by_reason.items()} == {"daily": 7, "premigration": 4, "manual": 10}
    assert backup.KEEP == {"daily": 7, "premigration": 4, "manual": 10}
    assert [b.at for b in by_reason["daily"]] == [day(n) for n in range(11, 4, -1)]  # the newest seven
    # Several in one second get their own names, newest first.
    assert len({b.path for b in by_reason["manual"]}) == 10
    assert kept == sorted(kept, key=lambda b: (b.at, b.n), reverse=True)


def test_opening_for_writing_backs_up_at_most_once_a_day(claimed):
    path = claimed.path
    claimed.close()
    for _ in range(3):
        Project.open(path).close()
    with Project.open(path, read_only=True) as p:
        made = backup.backups_of(p)
    assert [b.reason for b in made] == ["daily"]
    assert made[0].at.astimezone().date() == datetime.datetime.now().astimezone().date()


def test_a_new_day_brings_a_new_daily_backup(claimed):
    assert backup.due(claimed, now=day(0))
    backup.daily(claimed, now=day(0))
    assert not backup.due(claimed, now=day(0, hour=13))
    assert backup.due(claimed, now=day(1))
    assert backup.daily(claimed, now=day(1)) == []
    assert [b.at for b in backup.backups_of(claimed)] == [day(1), day(0)]


def test_a_read_only_open_makes_no_backup(claimed):
    path = claimed.path
    claimed.close()
    with Project.open(path, read_only=True) as p:
        assert backup.backups_of(p) == []


def test_an_older_project_is_backed_up_before_its_migration(tmp_path):
    path = tmp_path / "old.factcheck"
    with Project.create(path, user="ana") as p:
        p.import_article(imported("The minister said the budget doubled."))
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX claims_reading_order")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_claims_in_reading_order'")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Project.open(path) as p:
        made = backup.backups_of(p)
        assert p.open_warnings == []
    assert [b.reason for b in made] == ["premigration"]  # and no daily one on top, the same day
    old = sqlite3.connect(made[0].path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1  # the file as it was before
        assert old.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        old.close()


def test_a_new_project_is_not_backed_up(tmp_path):
    with Project.create(tmp_path / "new.factcheck", user="ana") as p:
        assert backup.backups_of(p) == []


def test_a_read_only_backup_folder_does_not_stop_the_open(claimed, monkeypatch):
    if os.geteuid() == 0:  # root writes through permissions: stand a file where the folder should be
        home = backups_root().parent.parent
        home.mkdir(parents=True, exist_ok=True)
        (home / "data").write_text("not a folder")
    else:
        backups_root().mkdir(parents=True)
        backups_root().chmod(0o500)
    path = claimed.path
    claimed.close()
    try:
        with Project.open(path) as p:
            assert len(p.open_warnings) == 1
            assert p.open_warnings[0].startswith("No automatic backup of test.factcheck was made")
            assert len(p.claims()) == 2
            p.set_setting("organisation_name", "Desk")  # and work goes on
    finally:
        if backups_root().is_dir():
            backups_root().chmod(0o700)


def test_a_missing_home_folder_is_created(claimed, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path / "not" / "yet" / "there"))
    path = claimed.path
    claimed.close()
    with Project.open(path) as p:
        assert p.open_warnings == []
        assert backup.backups_of(p)[0].path.is_relative_to(tmp_path / "not" / "yet" / "there" / "data" / "backups")


def test_a_backup_failure_is_a_warning_never_an_error(claimed, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(backup, "_write", broken)
    warnings = backup.daily(claimed)
    assert len(warnings) == 1
    assert warnings[0].startswith("No automatic backup of test.factcheck was made: factcheck hit an unexpected problem")
    assert "RuntimeError: disk on fire" in warnings[0]
    log = pathlib.Path(os.environ["FACTCHECK_HOME"]) / "logs" / "factcheck.log"
    assert "Traceback" in log.read_text(encoding="utf-8") and "disk on fire" in log.read_text(encoding="utf-8")
    assert backup.before_migration(claimed)[0].startswith("No automatic backup")


def test_a_copy_that_does_not_check_out_is_not_kept(claimed, monkeypatch):
    def damaged(path):
        raise backup.BackupError(f"{path.name} is damaged: page 3 is never used")

    monkeypatch.setattr(backup, "check", damaged)
    with pytest.raises(backup.BackupError, match="did not check out"):
        backup.make(claimed)
    assert list(backup.folder(claimed).iterdir()) == []


def test_restore_writes_a_new_file_and_never_overwrites(claimed, tmp_path):
    made = backup.make(claimed)
    target = tmp_path / "restored.factcheck"
    assert backup.restore(made.path, target) == target
    with Project.open(target) as p:
        assert len(p.claims()) == 2 and p.verify().ok
        p.set_setting("organisation_name", "Restored")  # a working project, not a read-only copy
    before = target.read_bytes()
    with pytest.raises(backup.BackupError, match="already exists"):
        backup.restore(made.path, target)
    assert target.read_bytes() == before
    with pytest.raises(backup.BackupError, match="already exists"):
        backup.restore(made.path, claimed.path)
    with pytest.raises(backup.BackupError, match="does not exist"):
        backup.restore(made.path, tmp_path / "no-such-folder" / "x.factcheck")


def test_restore_refuses_a_file_that_is_not_a_sound_project(tmp_path):
    junk = tmp_path / "junk.factcheck"
    junk.write_bytes(b"SQLite format 3\x00" + bytes(500))
    with pytest.raises(backup.BackupError):
        backup.restore(junk, tmp_path / "out.factcheck")
    assert not (tmp_path / "out.factcheck").exists()
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(backup.BackupError, match="not a factcheck project"):
        backup.restore(other, tmp_path / "out.factcheck")
    assert not (tmp_path / "out.factcheck").exists()


def test_copy_to_a_chosen_file_refuses_to_overwrite(claimed, tmp_path):
    target = tmp_path / "copy.factcheck"
    backup.copy_to(claimed, target)
    assert backup.claim_count(target) == 2
    with pytest.raises(backup.BackupError, match="already exists"):
        backup.copy_to(claimed, target)


def test_a_backup_sees_committed_work_of_another_window(claimed):
    other = Project.open(claimed.path)
    try:
        version = other.current_version(other.articles()[0].id)
        at = version.text.index("Interior Minister")
        other.create_claim(version.id, at, at + len("Interior Minister"))
    finally:
        other.close()
    assert backup.claim_count(backup.make(claimed).path) == 3


def test_sizes_read_as_people_write_them():
    assert [backup.size_text(n) for n in (120, 812_000, 8_042_000, 2_500_000_000)] == ["1 KB", "812 KB", "8.0 MB", "2.5 GB"]


def test_the_migration_count_is_what_the_backup_hook_compares_with():
    assert len(migrations.MIGRATIONS) == migrations.SCHEMA_VERSION
