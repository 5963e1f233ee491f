"""Tamper detection on a copied project: an edited, a deleted and an inserted event."""

import shutil
import sqlite3

import pytest

from factcheck.core import events
from factcheck.core.project import Project


@pytest.fixture
def history_project(article, tmp_path):
    project, _, version = article
    for i in range(8):
        cid = project.create_claim(version.id, i * 10, i * 10 + 30).created
        project.update_claim(cid, claimant=f"Person {i}")
    path = project.path
    project.close()
    copy = tmp_path / "copy.factcheck"
    shutil.copy(path, copy)
    return copy


def tamper(path, *statements):
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_intact_history_verifies(history_project):
    with Project.open(history_project) as p:
        verdict = p.verify()
    assert verdict.ok and verdict.events == 18
    assert "intact" in str(verdict)


def test_edited_event_is_found(history_project):
    tamper(history_project, "UPDATE events SET actor = 'mallory' WHERE seq = 7")
    with Project.open(history_project) as p:
        verdict = p.verify()
    assert not verdict.ok and verdict.seq == 7 and "altered" in verdict.problem


def test_edited_data_is_found_even_with_its_hash_recomputed(history_project):
    from factcheck.core.project import event_hash

    conn = sqlite3.connect(history_project)
    row = conn.execute("SELECT seq, at, actor, action, entity, entity_id, data, prev_hash FROM events WHERE seq = 10").fetchone()
    data = row[6].replace("Person", "Nobody")
    new_hash = event_hash(row[7], row[0], row[1], row[2], row[3], row[4], row[5], data)
    assert data != row[6]
    conn.execute("UPDATE events SET data = ?, hash = ? WHERE seq = 10", (data, new_hash))
    conn.commit()
    conn.close()
    with Project.open(history_project) as p:
        verdict = p.verify()
    assert not verdict.ok and verdict.seq == 11  # the next event no longer follows it


def test_deleted_event_is_found(history_project):
    tamper(history_project, "DELETE FROM events WHERE seq = 5")
    with Project.open(history_project) as p:
        verdict = p.verify()
    assert not verdict.ok and verdict.seq == 5 and "removed" in verdict.problem


def test_inserted_event_is_found(history_project):
    tamper(
        history_project,
        "UPDATE events SET seq = seq + 100 WHERE seq >= 6",
        "UPDATE events SET seq = seq - 99 WHERE seq >= 106",
        "INSERT INTO events (seq, at, actor, action, entity, entity_id, data, prev_hash, hash) "
        "SELECT 6, at, 'mallory', 'claim.update', entity, entity_id, '{}', hash, hash FROM events WHERE seq = 5",
    )
    with Project.open(history_project) as p:
        verdict = p.verify()
    assert not verdict.ok and verdict.seq == 6


def test_events_removed_from_the_end_are_found(history_project):
    tamper(history_project, "DELETE FROM events WHERE seq >= 17")  # the last claim's create and update
    with Project.open(history_project) as p:
        verdict = p.verify()
    assert not verdict.ok and "removed from the end" in verdict.problem


def test_an_emptied_history_is_found(history_project):
    tamper(history_project, "DELETE FROM events")
    with Project.open(history_project) as p:
        assert not p.verify().ok
