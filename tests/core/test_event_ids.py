"""Events have ids (content addresses) and parents: copies recognise their common past; verify checks both."""

from __future__ import annotations

import shutil
import sqlite3

from factcheck.core import events, migrations
from factcheck.core.project import Project

from ..conftest import imported
from ._history import rechain


def build(path, user: str = "ana") -> None:
    with Project.create(path, user=user) as p:
        article_id = p.import_article(imported("The minister said unemployment fell by 4% last year.")).created
        version = p.current_version(article_id)
        claim_id = p.create_claim(version.id, 4, 30).created
        p.update_claim(claim_id, claimant="The minister", rating="false")
        source_id = p.create_source(title="Statistics office", url="https://example.org/stats").created
        p.cite(claim_id, source_id, "contradicts")


def as_schema_4(path) -> None:
    """Turn a project into what factcheck wrote before event ids (schema 4): no id, no parents, old hashes."""
    conn = sqlite3.connect(path)
    rechain(conn, {}, legacy=True)
    conn.execute("DROP INDEX events_id")
    conn.execute("ALTER TABLE events DROP COLUMN id")
    conn.execute("ALTER TABLE events DROP COLUMN parents")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_event_ids'")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()


def test_new_events_have_ids_and_their_parent_is_the_event_before(project):
    project.create_source(title="A")
    first, second = project.events()
    assert first.action == "project.create" and first.parents == ()
    assert second.parents == (first.id,)
    assert len(first.id) == 64 and first.id != second.id
    assert events.project_id(project.store) == first.id
    assert events.head(project.store) == second.id
    assert project.verify().ok


def test_an_old_file_migrates_and_verifies_and_goes_on(tmp_path):
    path = tmp_path / "old.factcheck"
    build(path)
    as_schema_4(path)
    with Project.open(path, user="ben") as p:
        assert p.store.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
        before = p.events()
        assert all(e.id for e in before) and before[0].parents == ()
        assert all(e.parents == (prev.id,) for prev, e in zip(before, before[1:]))
        assert p.verify().ok
        p.create_source(title="Written after the upgrade")
        after = p.events()
        assert after[-1].parents == (before[-1].id,)
        verdict = p.verify()
        assert verdict.ok and verdict.events == len(before) + 1, verdict


def test_ids_are_the_same_in_two_copies_migrated_separately(tmp_path):
    original = tmp_path / "original.factcheck"
    build(original)
    as_schema_4(original)
    copies = [tmp_path / "checker.factcheck", tmp_path / "editor.factcheck"]
    for copy in copies:
        shutil.copy(original, copy)
    ids = []
    for copy, user in zip(copies, ("ana", "ben")):
        with Project.open(copy, user=user) as p:
            ids.append([e.id for e in p.events()])
            p.create_source(title=f"Only in {user}'s copy")  # diverge afterwards: the common past keeps its ids
            assert p.verify().ok
    assert ids[0] == ids[1]
    with Project.open(copies[0]) as a, Project.open(copies[1]) as b:
        assert events.project_id(a.store) == events.project_id(b.store)
        assert [e.id for e in a.events()][:-1] == [e.id for e in b.events()][:-1]
        assert a.events()[-1].id != b.events()[-1].id


def test_another_project_has_another_identity(tmp_path):
    build(tmp_path / "a.factcheck")
    build(tmp_path / "b.factcheck")
    with Project.open(tmp_path / "a.factcheck") as a, Project.open(tmp_path / "b.factcheck") as b:
        assert events.project_id(a.store) != events.project_id(b.store)


def tamper(path, sql: str, params=()) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_an_altered_id_is_named(tmp_path):
    path = tmp_path / "p.factcheck"
    build(path)
    tamper(path, "UPDATE events SET id = ? WHERE seq = 4", ("f" * 64,))
    with Project.open(path) as p:
        verdict = p.verify()
    assert not verdict.ok and verdict.seq == 4 and "does not match its id" in verdict.problem


def test_an_altered_parent_is_named_even_with_id_and_hash_recomputed(tmp_path):
    path = tmp_path / "p.factcheck"
    build(path)
    conn = sqlite3.connect(path)
    seq, at, actor, action, entity, entity_id, data, prev_hash = conn.execute(
        "SELECT seq, at, actor, action, entity, entity_id, data, prev_hash FROM events WHERE seq = 5").fetchone()
    parents = events.canonical(["e" * 64])  # an event this file does not hold
    new_id = events.event_id(parents, at, actor, action, entity, entity_id, data)
    conn.execute("UPDATE events SET parents = ?, id = ?, hash = ? WHERE seq = 5",
                 (parents, new_id, events.chain_hash(prev_hash, seq, new_id)))
    conn.commit()
    conn.close()
    with Project.open(path) as p:
        verdict = p.verify()
    assert not verdict.ok and verdict.seq == 5 and "parent event this history does not hold" in verdict.problem


def test_a_changed_parent_list_is_named(tmp_path):
    path = tmp_path / "p.factcheck"
    build(path)
    tamper(path, "UPDATE events SET parents = '[]' WHERE seq = 3")
    with Project.open(path) as p:
        verdict = p.verify()
    assert not verdict.ok and verdict.seq == 3 and "does not match its id" in verdict.problem


def test_an_old_row_whose_parents_were_rewritten_is_named(tmp_path):
    """Rows hashed before ids: their parent must be the row before, whatever their id says."""
    path = tmp_path / "old.factcheck"
    build(path)
    as_schema_4(path)
    Project.open(path).close()  # the upgrade gives ids
    conn = sqlite3.connect(path)
    first = conn.execute("SELECT id FROM events WHERE seq = 1").fetchone()[0]
    seq, at, actor, action, entity, entity_id, data = conn.execute(
        "SELECT seq, at, actor, action, entity, entity_id, data FROM events WHERE seq = 4").fetchone()
    parents = events.canonical([first])
    conn.execute("UPDATE events SET parents = ?, id = ? WHERE seq = 4",
                 (parents, events.event_id(parents, at, actor, action, entity, entity_id, data)))
    conn.commit()
    conn.close()
    with Project.open(path) as p:
        verdict = p.verify()
    assert not verdict.ok and verdict.seq == 4 and "list of parents is not the event before it" in verdict.problem


def test_a_new_row_rehashed_the_old_way_is_named(tmp_path):
    """Old hashes only come first: a row among new ones hashed the old way breaks the chain at the next row."""
    path = tmp_path / "p.factcheck"
    build(path)
    conn = sqlite3.connect(path)
    seq, at, actor, action, entity, entity_id, data, prev_hash = conn.execute(
        "SELECT seq, at, actor, action, entity, entity_id, data, prev_hash FROM events WHERE seq = 4").fetchone()
    conn.execute("UPDATE events SET hash = ? WHERE seq = 4",
                 (events.event_hash(prev_hash, seq, at, actor, action, entity, entity_id, data),))
    conn.commit()
    conn.close()
    with Project.open(path) as p:
        verdict = p.verify()
    assert not verdict.ok and verdict.seq == 4


# --- the hybrid logical clock ----------------------------------------------------------------


def test_an_event_comes_after_what_it_was_written_on_whatever_this_laptops_clock_says(project, monkeypatch):
    from factcheck.core import model

    project.create_source(title="A")
    with project.store.transaction():  # another laptop's event, stamped a year ahead, merged in
        events._insert(project.store, "2027-12-01T10:00:00.000Z", "ana", "source.update", "source", "x",
                       events.canonical({"after": {}}), None)
    monkeypatch.setattr(model, "now", lambda: "2026-01-01T00:00:00.000Z")  # this clock is behind
    project.create_source(title="B")
    assert project.events()[-1].at == "2027-12-01T10:00:00.001Z"
    project.create_source(title="C")
    assert project.events()[-1].at == "2027-12-01T10:00:00.002Z"


def test_a_merge_event_comes_after_both_heads_and_a_stamp_that_is_not_a_time_is_ignored(project):
    project.create_source(title="A")
    first = project.events()[-1].id
    with project.store.transaction():
        events._insert(project.store, "not a time", "ana", "source.update", "source", "x",
                       events.canonical({"after": {}}), [first])
        events._insert(project.store, "2999-01-01T00:00:00.000Z", "ana", "source.update", "source", "y",
                       events.canonical({"after": {}}), [first])
    ids = [e.id for e in project.events()[-2:]]
    assert events.stamp(project.store, ids) == "2999-01-01T00:00:00.001Z"
    assert events.stamp(project.store, ids[:1]) < "2999"  # "not a time" is not later than now


def test_an_approval_and_a_new_version_take_the_clocks_stamp(project, monkeypatch):
    from factcheck.core import model

    article_id = project.import_article(imported("The minister said unemployment fell by 4% last year.")).created
    with project.store.transaction():
        events._insert(project.store, "2027-12-01T10:00:00.000Z", "ana", "source.update", "source", "x",
                       events.canonical({"after": {}}), None)
    monkeypatch.setattr(model, "now", lambda: "2026-01-01T00:00:00.000Z")
    project.add_version(article_id, imported("The minister said unemployment fell by 5% last year."))
    assert project.current_version(article_id).imported_at == "2027-12-01T10:00:00.001Z"
