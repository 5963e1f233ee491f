"""The check at open: from the last head this installation verified (kept outside the file), or in full."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3

import pytest

from factcheck.core import events, verified
from factcheck.core.errors import Cancelled
from factcheck.core.project import Project

from ._history import rechain


@pytest.fixture
def path(article, tmp_path):
    """A project file with an article and some claims, closed: (path)."""
    project, _, version = article
    for i in range(6):
        claim_id = project.create_claim(version.id, i * 10, i * 10 + 30).created
        project.update_claim(claim_id, claimant=f"Persona {i} 🙂")
    path = project.path
    project.close()
    return path


def check(path, **kwargs) -> verified.Outcome:
    with Project.open(path, read_only=True) as p:
        return verified.check(p, **kwargs)


def mark_of(path) -> verified.Mark | None:
    with Project.open(path, read_only=True) as p:
        return verified.load(events.project_id(p.store), p.path)


def tamper(path, *statements, params=()):
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_first_open_checks_in_full_then_only_what_is_new(path):
    first = check(path)
    assert first.verdict.ok and first.full and first.reason == verified.FIRST
    assert first.verdict.entities > 0  # the state was replayed too
    mark = mark_of(path)
    assert mark is not None and mark.seq == first.verdict.events
    assert verified.record_file().is_file()
    assert str(path) not in path.read_bytes().decode("latin-1")  # the record is not in the project

    again = check(path)
    assert again.verdict.ok and not again.full and again.walked == 0
    assert again.verdict.events == first.verdict.events  # the verdict counts every event


def test_appended_events_are_walked_and_a_bad_one_is_named(path):
    check(path)
    with Project.open(path, user="ben") as p:
        claim_id = p.claims()[0].id
        p.update_claim(claim_id, rating="false")
        p.update_claim(claim_id, verdict_summary="No, según el INE.")
        head = p.store.execute("SELECT max(seq) FROM events").fetchone()[0]
    outcome = check(path)
    assert outcome.verdict.ok and not outcome.full and outcome.walked == 2
    assert mark_of(path).seq == head

    with Project.open(path, user="ben") as p:
        p.update_claim(claim_id, notes="Llamar al ministerio")
    tamper(path, "UPDATE events SET actor = 'mallory' WHERE seq = (SELECT max(seq) FROM events)")
    outcome = check(path)
    assert not outcome.full and not outcome.verdict.ok
    assert outcome.verdict.seq == head + 1 and "altered" in outcome.verdict.problem
    assert mark_of(path).seq == head  # a failing check leaves the mark where it was
    assert check(path).verdict.seq == head + 1  # and the next open names the same event


def test_an_old_event_edited_after_a_verified_open_is_caught_at_the_next_open(path):
    check(path)
    mark = mark_of(path)
    tamper(path, "UPDATE events SET actor = 'mallory' WHERE seq = 3")  # below the mark, its hash left alone
    with Project.open(path, read_only=True) as p:
        row = p.store.execute("SELECT id, hash FROM events WHERE seq = ?", (mark.seq,)).fetchone()
    assert tuple(row) == (mark.id, mark.hash)  # the head the record names is untouched
    outcome = check(path)
    assert outcome.full and outcome.reason == verified.CHANGED  # the fingerprint up to it is not
    assert not outcome.verdict.ok and outcome.verdict.seq == 3 and "mallory" in str(outcome.verdict)


def test_a_rewritten_history_falls_back_to_a_full_check(path):
    check(path)
    mark = mark_of(path)
    conn = sqlite3.connect(path)
    text = conn.execute("SELECT data FROM events WHERE seq = 4").fetchone()[0]
    rechain(conn, {4: text.replace("Persona", "Nadie")})  # every later hash recomputed, as a forger would
    conn.commit()
    conn.close()
    outcome = check(path)
    assert outcome.full and outcome.reason == verified.CHANGED
    assert not outcome.verdict.ok  # the chain is whole again, but the replayed state no longer matches the table
    assert mark_of(path) == mark


def test_a_rewritten_tail_triggers_the_full_check_and_its_warning(path):
    check(path)
    mark = mark_of(path)
    # The last event removed and another written in its place, its chain hash well formed
    # (as an undone merge followed by new work leaves it), but its data altered by hand.
    conn = sqlite3.connect(path)
    seq, prev, parents, at, actor, action, entity, entity_id = conn.execute(
        "SELECT seq, prev_hash, parents, at, actor, action, entity, entity_id FROM events WHERE seq = ?",
        (mark.seq,)).fetchone()
    data = json.dumps({"after": {"claimant": "Otra persona"}, "before": {}}, separators=(",", ":"), sort_keys=True)
    new_id = events.event_id(parents, at, actor, action, entity, entity_id, data)
    conn.execute("DELETE FROM events WHERE seq = ?", (seq,))
    conn.execute("INSERT INTO events (seq, at, actor, action, entity, entity_id, data, prev_hash, hash, id, parents) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (seq, at, actor, action, entity, entity_id, data, prev, events.chain_hash(prev, seq, new_id), new_id,
                  parents))
    conn.commit()
    conn.close()
    outcome = check(path)
    assert outcome.full and outcome.reason == verified.CHANGED
    assert not outcome.verdict.ok and outcome.verdict.seq is None  # the chain holds; the claim's state does not


def test_an_undone_change_is_checked_in_full_and_passes(path):
    """Events removed from the end by factcheck itself (an undone update): the mark's row is gone."""
    from factcheck.core import history
    from tests.conftest import imported

    with Project.open(path, user="ana") as p:
        article_id = p.articles()[0].id
        text = p.text(p.current_version(article_id).id)
    with Project.open(path, user="ana") as p:
        stack = history.History(p)
        stack.do(history.AddVersion(article_id, imported(text + "\n\nUna frase más.")))
        assert check(path).verdict.ok  # checked while the window has it open: the mark is its head
        head = p.store.execute("SELECT max(seq) FROM events").fetchone()[0]
        assert mark_of(path).seq == head
        stack.undo()  # the version's events leave the end of the log
    outcome = check(path)
    assert outcome.verdict.ok and outcome.full and outcome.reason == verified.CHANGED


def test_another_installation_or_another_path_checks_in_full(path, tmp_path, monkeypatch):
    assert check(path).reason == verified.FIRST
    assert not check(path).full
    copy = tmp_path / "copia.factcheck"
    shutil.copy(path, copy)
    assert check(copy).reason == verified.FIRST  # the record is per file, not per project
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path / "other-home"))  # a second installation
    outcome = check(path)
    assert outcome.full and outcome.reason == verified.FIRST and outcome.verdict.ok


def test_a_full_check_is_due_after_a_day(path):
    check(path)
    mark = mark_of(path)
    with Project.open(path, read_only=True) as p:
        verified.save(events.project_id(p.store), p.path, dataclasses.replace(mark, full_at="2020-01-01T00:00:00.000Z"))
    tamper(path, "UPDATE claims SET rating = 'true' WHERE rowid = 1")  # a table edited without an event
    outcome = check(path)
    assert outcome.full and outcome.reason == verified.DUE
    assert not outcome.verdict.ok and outcome.verdict.seq is None and "rating" in str(outcome.verdict)


def test_the_state_is_not_replayed_between_full_checks(path):
    """What the incremental check leaves to the full one, and why: documented, not hidden."""
    check(path)
    tamper(path, "UPDATE claims SET rating = 'true' WHERE rowid = 1")
    assert check(path).verdict.ok  # the events are whole; the table is checked at the next full check
    assert not check(path, full=True).verdict.ok


def test_cancelling_leaves_no_mark(path, monkeypatch):
    monkeypatch.setattr(events, "PROGRESS_ROWS", 2)
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return False

    with pytest.raises(Cancelled):
        check(path, progress=progress)
    assert calls and mark_of(path) is None


def test_progress_counts_the_whole_check_and_never_goes_back(path, monkeypatch):
    monkeypatch.setattr(events, "PROGRESS_ROWS", 1)
    monkeypatch.setattr(verified, "CHUNK", 2)

    def calls_of(**kwargs) -> list[tuple[int, int]]:
        calls: list[tuple[int, int]] = []
        check(path, progress=lambda done, total: calls.append((done, total)), **kwargs)
        return calls

    def head() -> int:
        with Project.open(path, read_only=True) as p:
            return p.store.execute("SELECT max(seq) FROM events").fetchone()[0]

    full = calls_of()  # the walk with the replay, then the fingerprint of every row
    assert {total for _, total in full} == {2 * head()}
    assert [done for done, _ in full] == sorted(done for done, _ in full) and full[-1][0] == 2 * head()
    mark = head()
    with Project.open(path, user="ben") as p:
        for i in range(3):
            p.update_claim(p.claims()[i].id, notes=f"nota {i}")
    new = calls_of()  # the rows up to the mark fingerprinted; the three new ones walked and fingerprinted
    assert {total for _, total in new} == {mark + 2 * 3}
    assert [done for done, _ in new] == sorted(done for done, _ in new) and new[-1][0] == mark + 2 * 3
    assert calls_of(full=True)[-1] == (2 * head(), 2 * head())


def test_a_damaged_record_means_a_full_check(path):
    check(path)
    verified.record_file().write_text("{not json", encoding="utf-8")
    outcome = check(path)
    assert outcome.full and outcome.reason == verified.FIRST and outcome.verdict.ok
    assert mark_of(path) is not None  # and the record is written whole again


def test_the_command_line_checks_in_full_and_records_it(path):
    from click.testing import CliRunner

    from factcheck import cli

    result = CliRunner().invoke(cli.cli, ["verify", str(path)])
    assert result.exit_code == 0, result.output
    assert "match it" in result.output  # the state was checked
    assert mark_of(path) is not None
    assert not check(path).full
