"""The store: transactions that nest, batches that land whole, SQLite errors sorted by code."""

import pathlib
import sqlite3

import pytest

from factcheck.core import errors, store
from factcheck.core.errors import BugError, NotAProject, ProjectError, ProjectLocked, ProjectReadOnly

from ..conftest import imported


def test_a_batch_of_changes_is_one_transaction(article):
    project, _, version = article
    commits = []
    project.store.conn.set_trace_callback(lambda sql: commits.append(sql) if sql.startswith(("BEGIN", "COMMIT")) else None)
    before = len(project.events())
    with project.batch():
        ids = [project.create_claim(version.id, i * 20, i * 20 + 15).created for i in range(5)]
        source = project.create_source(title="Budget office").created
        for claim_id in ids:
            project.cite(claim_id, source, "supports")
    project.store.conn.set_trace_callback(None)
    assert commits == ["BEGIN IMMEDIATE", "COMMIT"]
    assert len(project.claims()) == 5 and len(project.citations()) == 5
    assert len(project.events()) == before + 11  # every change keeps its own event


def test_an_error_in_a_batch_leaves_nothing(article):
    project, _, version = article
    before = len(project.events())
    with pytest.raises(RuntimeError), project.batch():
        project.create_claim(version.id, 0, 20)
        project.create_source(title="Budget office")
        raise RuntimeError("power cut")
    assert project.claims() == [] and project.sources() == []
    assert len(project.events()) == before
    assert project.verify().ok


def test_a_refused_step_inside_a_batch_rolls_back_alone(article):
    project, _, version = article
    with project.batch():
        kept = project.create_claim(version.id, 0, 20).created
        with pytest.raises(errors.InvalidInput):
            project.update_claim(kept, claim_date="last Tuesday")
        with pytest.raises(errors.InvalidInput):
            project.create_claim(version.id, 5, 5)  # an empty selection
        project.update_claim(kept, claimant="Ana")
    (claim,) = project.claims()
    assert claim.claimant == "Ana" and claim.claim_date == ""
    assert project.verify().ok


def test_nested_batches_are_savepoints(article):
    project, _, version = article
    with project.batch():
        first = project.create_claim(version.id, 0, 20).created
        with pytest.raises(ValueError), project.batch():
            project.create_claim(version.id, 30, 50)
            raise ValueError("changed my mind")
        assert [c.id for c in project.claims()] == [first]
    assert [c.id for c in project.claims()] == [first]


def test_settings_cache_forgets_a_rolled_back_change(project):
    with pytest.raises(RuntimeError), project.batch():
        project.set_setting("organisation_name", "Verificado")
        assert project.setting("organisation_name") == "Verificado"
        raise RuntimeError
    assert project.setting("organisation_name") == ""


def test_read_only_store_refuses_a_transaction(article, tmp_path):
    project, _, _ = article
    path = project.path
    project.close()
    from factcheck.core.project import Project

    with Project.open(path, read_only=True) as p, pytest.raises(ProjectReadOnly):
        with p.batch():
            pass


def _error(code: int) -> sqlite3.Error:
    exc = sqlite3.OperationalError("some message that says nothing useful")
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize("code, kind, words", [
    (store.SQLITE_BUSY, ProjectLocked, "locked"),
    (store.SQLITE_READONLY, ProjectReadOnly, "read-only"),
    (store.SQLITE_CORRUPT, NotAProject, "damaged"),
    (store.SQLITE_NOTADB, NotAProject, "damaged"),
    (store.SQLITE_FULL, ProjectError, "disk is full"),
    (store.SQLITE_CANTOPEN, ProjectError, "cannot be opened"),
    (store.SQLITE_CORRUPT | (1 << 8), NotAProject, "damaged"),  # SQLITE_CORRUPT_VTAB: an extended code
])
def test_sqlite_errors_are_sorted_by_code_not_message(tmp_path, code, kind, words):
    path = tmp_path / "p.factcheck"
    path.write_bytes(b"x")
    described = store.describe_error(_error(code), path)
    assert type(described) is kind and words in str(described)
    assert "\n" not in str(described)


def test_unknown_sqlite_errors_are_bugs(tmp_path):
    path = tmp_path / "p.factcheck"
    path.write_bytes(b"x")
    assert isinstance(store.describe_error(_error(1), path), BugError)  # SQLITE_ERROR: bad SQL is ours
    # SQLITE_LOCKED: a conflict inside our own connection (a table in use by our own statement).
    assert isinstance(store.describe_error(_error(store.SQLITE_LOCKED), path), BugError)
    assert isinstance(store.describe_error(sqlite3.ProgrammingError("closed"), path), BugError)


def test_a_file_moved_away_while_open_is_said_so(tmp_path):
    path = tmp_path / "gone.factcheck"
    described = store.describe_error(_error(store.SQLITE_READONLY_DBMOVED), path)
    assert "moved or deleted" in str(described)


def test_a_real_lock_is_reported_as_locked(article):
    project, _, version = article
    other = sqlite3.connect(project.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    project.store.conn.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(ProjectLocked):
            project.create_claim(version.id, 0, 20)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert project.create_claim(version.id, 0, 20).created


def test_text_that_is_not_utf8_reads_as_damaged(article):
    project, _, version = article
    claim_id = project.create_claim(version.id, 0, 20).created
    project.store.conn.execute("UPDATE claims SET statement = CAST(X'53C3' AS TEXT) WHERE id = ?", (claim_id,))
    with pytest.raises(NotAProject, match="damaged"):
        project.claims()


def test_a_transaction_sqlite_abandoned_is_not_continued_in_autocommit(article):
    """After SQLite rolled back the whole transaction, nothing more is written outside it."""
    project, _, version = article
    with pytest.raises(RuntimeError), project.batch():
        project.create_claim(version.id, 0, 20)
        project.store.conn.execute("ROLLBACK")  # what SQLite does itself on a full disk or I/O error
        with pytest.raises(ProjectError, match="interrupted"):
            project.create_claim(version.id, 30, 50)
        raise RuntimeError("the caller gives up")
    assert project.claims() == []
    assert project.create_claim(version.id, 0, 20).created  # the store works again afterwards
    assert project.verify().ok


def test_closing_in_the_middle_of_a_change_is_a_bug(article):
    project, _, version = article
    with pytest.raises(BugError), project.batch():
        project.close()
    assert project.claims() == []
