"""Tamper detection on a copied project: an edited, a deleted and an inserted event."""

import shutil
import sqlite3

import pytest

from factcheck.core import events
from factcheck.core.project import Project

from ._history import rechain


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
    conn = sqlite3.connect(history_project)
    row = conn.execute("SELECT seq, at, actor, action, entity, entity_id, data, prev_hash, parents "
                       "FROM events WHERE seq = 10").fetchone()
    data = row[6].replace("Person", "Nobody")
    new_id = events.event_id(row[8], *row[1:6], data)
    new_hash = events.chain_hash(row[7], row[0], new_id)
    assert data != row[6]
    conn.execute("UPDATE events SET data = ?, id = ?, hash = ? WHERE seq = 10", (data, new_id, new_hash))
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


# --- a damaged event: verify, history and the app's History tab name the same one ---------


def damage(path, seq, column="data", raw="7b22636c61696d616e74223a22ff227d"):
    """Write bytes that are not valid UTF-8 into one column of one event, as a bad disk sector would."""
    tamper(path, f"UPDATE events SET {column} = CAST(x'{raw}' AS TEXT) WHERE seq = {seq}")


def run_cli(*args):
    from click.testing import CliRunner

    from factcheck import cli

    return CliRunner().invoke(cli.cli, [str(a) for a in args], catch_exceptions=False)


def test_an_event_that_is_not_utf8_is_named_by_verify_history_and_the_history_tab(history_project):
    from factcheck.core import timeline

    with Project.open(history_project) as p:
        claim_id = p.events()[9].entity_id  # event 10: the edit of the fourth claim
    damage(history_project, 10)

    with Project.open(history_project) as p:
        verdict = p.verify()
        assert not verdict.ok and verdict.seq == 10
        assert "Its data is not valid text (not UTF-8)" in verdict.problem
        # The app's History tab shows a claim's events through core/timeline.
        claim_events = p.events(claim_id)
        lines = [timeline.describe(e, p.scale) for e in claim_events]
        assert lines[0].startswith("Created the claim")
        assert lines[1] == "Damaged event 10: its data is not valid text (not UTF-8): the row was damaged."
        assert timeline.changes(claim_events[1], p.scale) == []

    result = run_cli("verify", history_project)
    assert result.exit_code == 1
    assert result.output.startswith("History broken at event 10: Its data is not valid text (not UTF-8)")

    result = run_cli("history", history_project)
    assert result.exit_code == 0
    assert "Damaged event 10: its data is not valid text (not UTF-8): the row was damaged." in result.output
    assert result.output.count("Created the claim") == 8  # the events around it are all there

    result = run_cli("history", history_project, claim_id[:8])
    assert result.exit_code == 0
    assert "Damaged event 10:" in result.output


def test_an_event_whose_user_name_is_not_utf8_is_named(history_project):
    damage(history_project, 7, column="actor", raw="616eff")
    with Project.open(history_project) as p:
        verdict = p.verify()
        assert not verdict.ok and verdict.seq == 7 and "Its user name is not valid text" in verdict.problem
        (event,) = [e for e in p.events() if e.damaged]
        assert event.seq == 7
    assert "Damaged event 7: its user name is not valid text" in run_cli("history", history_project).output


def test_an_event_that_is_not_json_is_named_even_with_its_hash_recomputed(history_project):
    conn = sqlite3.connect(history_project)
    rechain(conn, {12: "not json"})
    conn.commit()
    conn.close()
    with Project.open(history_project) as p:
        verdict = p.verify()
    assert not verdict.ok and verdict.seq == 12 and "not readable (not JSON)" in verdict.problem
    assert "Damaged event 12: its data is not readable (not JSON)" in run_cli("history", history_project).output


def test_an_event_holding_bytes_where_text_belongs_is_named(history_project):
    tamper(history_project, "UPDATE events SET actor = CAST('ana' AS BLOB) WHERE seq = 9")
    with Project.open(history_project) as p:
        verdict = p.verify()
        assert not verdict.ok and verdict.seq == 9 and "part of it is not text" in verdict.problem
        assert p.events()[8].actor == "ana"  # history still reads it
