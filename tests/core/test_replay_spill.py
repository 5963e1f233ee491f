"""``verify`` on a log whose rebuilt state does not fit the records kept in Python: the rest goes to temporary tables.

``replay.KEPT`` is made small here, so that nearly every record is written to the
connection's temporary database and read back when a later event (a review decision, a
source withdrawn with its citations, a new version moving claims, a merge) changes it. A
row tampered with at the start, the middle or the end of a log of a few thousand events is
named exactly as it is when everything fits.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from factcheck.core import merge, replay
from factcheck.core.project import Project
from factcheck.core.workflow import SUBMIT

from ..conftest import imported

CLAIMS = 1_200
WORDS = " ".join(f"word{i}" for i in range(4 * CLAIMS))


@pytest.fixture
def few_kept(monkeypatch):
    monkeypatch.setattr(replay, "KEPT", 40)
    monkeypatch.setattr(replay, "WRITTEN", 10)
    monkeypatch.setattr(replay, "TEXT_KEPT", 10)  # one version's text at a time


@pytest.fixture(scope="module")
def long_log(tmp_path_factory):
    """A project of about 3,200 events: claims, their edits, citations, review decisions, a withdrawn source."""
    path = tmp_path_factory.mktemp("long") / "long.factcheck"
    with Project.create(path, user="ana") as p:
        version = p.current_version(p.import_article(imported(WORDS, title="Many words")).created)
        sources = [p.create_source(title=f"Source {i}", url=f"https://example.org/{i}").created for i in range(5)]
        with p.batch():
            claims = [p.create_claim(version.id, WORDS.index(f"word{4 * i} "),
                                     WORDS.index(f"word{4 * i} ") + len(f"word{4 * i}"),
                                     statement=f"Statement {i}", rating="false",
                                     verdict_summary="Not so.").created for i in range(CLAIMS)]
            citations = [p.cite(claims[i], sources[i % 5], "supports", quote=f"passage {i}").created
                         for i in range(0, CLAIMS, 2)]
            for i in range(0, CLAIMS, 6):  # the cited ones
                p.review(claims[i], SUBMIT)
            for i in range(CLAIMS):  # each claim edited long after it was made
                p.update_claim(claims[i], notes=f"Checked {i}")
        p.delete_source(sources[1])  # withdraws every citation of it, made all along the log
        n = p.store.execute("SELECT count(*) FROM events").fetchone()[0]
    assert n > 3_000
    return path, {"version": version.id, "sources": sources, "claims": claims, "citations": citations}


@pytest.fixture
def copy(long_log, tmp_path):
    path, ids = long_log
    target = tmp_path / "copy.factcheck"
    shutil.copy(path, target)
    return target, ids


def tamper(path, sql, *params):
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def verify(path):
    with Project.open(path) as p:
        return p.verify()


def test_a_long_log_verifies_clean_with_its_state_in_temporary_tables(copy, few_kept):
    path, ids = copy
    verdict = verify(path)
    assert verdict.ok, str(verdict)
    assert verdict.entities == 1 + CLAIMS + 5 + CLAIMS // 2
    with Project.open(path) as p:
        # Nothing of the check is left in the connection, and the check can run again.
        assert p.store.execute("SELECT name FROM temp.sqlite_master").fetchall() == []
        assert p.verify().ok


def test_records_beyond_the_kept_ones_are_not_held_in_python(copy, few_kept):
    from factcheck.core import events

    path, _ = copy
    with Project.open(path) as p, p.store.snapshot():
        state = replay.Replay(p.store)
        assert events.verify_chain(p.store, state).ok
        assert len(state.claims._kept) <= replay.KEPT and len(state.citations._kept) <= replay.KEPT
        assert len(state.versions._texts) == 1
        written = p.store.execute(f"SELECT count(*) FROM {state.claims.name}").fetchone()[0]
        assert written >= CLAIMS - replay.KEPT
        p.store.execute("ROLLBACK")


@pytest.mark.parametrize("at", [0, CLAIMS // 2, CLAIMS - 1])
@pytest.mark.parametrize("kept", [True, False], ids=["spilled", "all-kept"])
def test_a_claim_edited_at_the_start_middle_or_end_is_named(copy, few_kept, monkeypatch, at, kept):
    if not kept:
        monkeypatch.setattr(replay, "KEPT", 1_000_000)
    path, ids = copy
    claim_id = ids["claims"][at]
    tamper(path, "UPDATE claims SET notes = 'Not checked' WHERE id = ?", claim_id)
    verdict = verify(path)
    assert not verdict.ok and verdict.seq is None
    assert verdict.problem == (f"claim {claim_id[:8]} (“word{4 * at}”): its notes in the table are “Not checked” but "
                               f"its history says “Checked {at}”: the row was edited outside factcheck.")


@pytest.mark.parametrize("k", [3, 298, 598])
def test_a_citation_withdrawn_with_its_source_and_brought_back_is_named(copy, few_kept, k):
    """Citation k is on claim 2k and cites source 2k mod 5: source 1's were withdrawn at the end of the log."""
    path, ids = copy
    citation_id, claim_id = ids["citations"][k], ids["claims"][2 * k]
    tamper(path, "UPDATE citations SET deleted_at = NULL WHERE id = ?", citation_id)
    verdict = verify(path)
    assert not verdict.ok
    assert verdict.problem == (f"citation {citation_id[:8]} (of “Source 1” on claim {claim_id[:8]}): in the table "
                               "it is not deleted, but its history says it was deleted: the row was edited outside "
                               "factcheck.")


def test_every_row_differing_is_counted_and_the_first_in_the_table_is_named(copy, few_kept):
    path, ids = copy
    tamper(path, "UPDATE claims SET status = 'published'")
    verdict = verify(path)
    assert not verdict.ok
    assert verdict.problem.startswith(f"claim {ids['claims'][0][:8]} (“word0”): its status in the table is "
                                      "“Published” but its history says “In review”")
    assert verdict.problem.endswith(f" {CLAIMS - 1} more rows differ from the history too.")


def test_rows_added_and_removed_are_named_in_the_tables_and_the_historys_order(copy, few_kept):
    path, ids = copy
    tamper(path, "DELETE FROM citations WHERE id IN (?, ?)", ids["citations"][-1], ids["citations"][4])
    verdict = verify(path)
    assert verdict.problem.startswith(f"citation {ids['citations'][4][:8]} (of “Source 3” on claim "
                                      f"{ids['claims'][8][:8]}) is in the history but not in the table")
    assert verdict.problem.endswith(" 1 more row differs from the history too.")
    tamper(path, "INSERT INTO sources (id, title, created_at, created_by, updated_at) "
                 "VALUES ('5ource00', 'Planted', 'x', 'x', 'x')")
    verdict = verify(path)
    assert verdict.problem.startswith("1 source has no record of being made")


def test_a_new_version_moves_claims_written_out_long_before(copy, few_kept):
    path, ids = copy
    with Project.open(path) as p:
        article_id = p.version(ids["version"]).article_id
        p.add_version(article_id, imported("Preface. " + WORDS, name="v2.txt"))
        assert p.verify().ok
    tamper(path, "UPDATE claims SET start = start - 9, \"end\" = \"end\" - 9 WHERE id = ?", ids["claims"][5])
    verdict = verify(path)
    assert not verdict.ok
    assert f"claim {ids['claims'][5][:8]} (“word20”): its start offset in the table is " in verdict.problem
    assert "(its end offset differs too)" in verdict.problem


# --- a merge ------------------------------------------------------------------------------------


def test_a_merge_events_choices_are_replayed_onto_written_out_rows(copy, few_kept, tmp_path):
    """Both copies edit the same claims; the merge keeps ours, after their events were replayed."""
    path, ids = copy
    theirs = tmp_path / "theirs.factcheck"
    shutil.copy(path, theirs)
    chosen = [ids["claims"][0], ids["claims"][CLAIMS // 2], ids["claims"][-1]]
    with Project.open(theirs, user="ben") as p:
        for claim_id in chosen:
            p.update_claim(claim_id, statement="Theirs")
        p.update_source(ids["sources"][0], publisher="Their publisher")
    with Project.open(path, user="ana") as p:
        for claim_id in chosen:
            p.update_claim(claim_id, statement="Ours")
        merge_plan, _ = merge.merge(p, theirs, prefer=merge.OURS)
        assert len(merge_plan.conflicts) == len(chosen)
        assert p.events()[-1].action == "project.merge"
        assert p.claim(chosen[1]).statement == "Ours"
        assert p.source(ids["sources"][0]).publisher == "Their publisher"
        assert p.verify().ok
    tamper(path, "UPDATE claims SET statement = 'Theirs' WHERE id = ?", chosen[1])
    verdict = verify(path)
    assert not verdict.ok
    assert verdict.problem == (f"claim {chosen[1][:8]} (“word{4 * (CLAIMS // 2)}”): its statement in the table is "
                               "“Theirs” but its history says “Ours”: the row was edited outside factcheck.")
