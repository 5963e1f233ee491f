"""What a merge reads of two copies: only what they do not share, found by walking back from the heads.

Each plan here is compared with the answer read from the whole logs (every id of both,
as sets): the events that come in, in the other copy's order, and how many only this copy
holds. The histories are the hard cases for a walk that stops at the events both hold:
copies that merged back and forth (their events interleaved in each log), an event one
copy holds only through another copy's merge event, a copy that is a strict ancestor of
the other. What comes in from a copy is checked, and a damaged event or row refuses it.
"""

from __future__ import annotations

import itertools
import shutil
import sqlite3

import pytest

from factcheck.core import events, handoff, merge
from factcheck.core.project import Project

from ..conftest import imported
from .test_merge import TEXT, copies, do  # noqa: F401  (fixture)
from .test_merge_random import same_plan


def logged(path) -> list[tuple[str, str]]:
    """(id, parents) of every event of a file, in its order, read whole: the answer the plans are checked against."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, parents FROM events ORDER BY seq").fetchall()
    finally:
        conn.close()


def check_plan(ours, theirs, tmp_path) -> merge.MergePlan:
    """The plan of merging ``theirs`` into ``ours`` brings exactly the events ``ours`` lacks, and a hand-off of
    everything ``theirs`` holds plans the same merge."""
    mine = {event_id for event_id, _ in logged(ours)}
    other = logged(theirs)
    held = {event_id for event_id, _ in other}
    with Project.open(theirs, user="ben") as p:
        written = handoff.write(p, tmp_path / f"{theirs.stem}-all.factcheck-changes", since="start")
    with Project.open(ours, user="ana") as p:
        plan = merge.plan(p, theirs)
        assert [r[1] for r in plan.incoming] == [event_id for event_id, _ in other if event_id not in mine]
        assert plan.ours_only == len(mine - held)
        assert plan.theirs_head == other[-1][0] and plan.ours_head == logged(ours)[-1][0]
        assert same_plan(merge.plan(p, written.path), plan)
    return plan


@pytest.fixture
def three(copies, tmp_path):
    """Three copies (ana, ben, cy) that merged back and forth: ana holds cy's first change only through ben's merge
    event, and each then changed something of its own."""
    a, b, ids = copies
    c = tmp_path / "cy.factcheck"
    shutil.copy(a, c)
    claim, source = ids["claim"], ids["source"]
    do(a, "ana", lambda p: p.update_claim(claim, notes="ana 1"))
    do(b, "ben", lambda p: p.update_source(source, publisher="ben 1"))
    do(c, "cy", lambda p: p.update_claim(claim, claimant="cy 1"))
    do(b, "ben", lambda p: merge.merge(p, c))  # ben's merge event joins cy's change
    do(a, "ana", lambda p: merge.merge(p, b))  # ana gets cy's change through ben's merge
    do(c, "cy", lambda p: merge.merge(p, a))  # cy's log: its own change, then ana's and ben's after it
    do(a, "ana", lambda p: p.update_claim(claim, rating="false"))
    do(b, "ben", lambda p: p.add_comment(claim, "ben 2"))
    do(c, "cy", lambda p: p.update_source(source, title="cy 2"))
    return {"ana": a, "ben": b, "cy": c}, ids


@pytest.mark.parametrize("ours, theirs", list(itertools.permutations(["ana", "ben", "cy"], 2)))
def test_a_plan_brings_exactly_the_events_this_copy_lacks(three, tmp_path, ours, theirs):
    paths, _ = three
    plan = check_plan(paths[ours], paths[theirs], tmp_path)
    assert plan.incoming and plan.ours_only
    with Project.open(paths[ours], user=ours) as p:
        merge.apply(p, plan)
        assert p.verify().ok
        assert merge.plan(p, paths[theirs]).nothing
    assert {e for e, _ in logged(paths[theirs])} <= {e for e, _ in logged(paths[ours])}


def test_an_event_held_only_through_a_merge_event_is_found_behind_it(copies, tmp_path):
    a, b, ids = copies
    c = tmp_path / "cy.factcheck"
    shutil.copy(a, c)
    do(c, "cy", lambda p: p.update_claim(ids["claim"], claimant="cy"))
    do(b, "ben", lambda p: p.update_source(ids["source"], publisher="ben"))
    do(b, "ben", lambda p: merge.merge(p, c))
    do(a, "ana", lambda p: p.update_claim(ids["claim"], notes="ana"))
    plan = check_plan(a, b, tmp_path)  # ben's change, cy's change behind ben's merge event, the merge event
    assert [r[5] for r in plan.incoming] == ["source.update", "claim.update", "project.merge"]
    do(a, "ana", lambda p: merge.apply(p, merge.plan(p, b)))
    do(c, "cy", lambda p: p.update_claim(ids["claim"], rating="false"))
    plan = check_plan(c, a, tmp_path)  # the walk back from ana's head stops at cy's own change
    assert plan.ours_only == 1 and cy_change(plan) not in [r[1] for r in plan.incoming]


def cy_change(plan: merge.MergePlan) -> str:
    """The id of cy's first change: ana holds it only through ben's merge event."""
    with Project.open(plan.other, read_only=True) as p:
        return next(e.id for e in p.events() if e.actor == "cy")


def test_a_copy_that_is_a_strict_ancestor_brings_nothing_and_the_other_way_fast_forwards(copies, tmp_path):
    a, b, ids = copies
    do(a, "ana", lambda p: p.update_claim(ids["claim"], notes="one"))
    do(b, "ben", lambda p: merge.merge(p, a))  # a fast-forward: ben holds exactly ana's history
    do(a, "ana", lambda p: p.update_claim(ids["claim"], notes="two"))
    do(a, "ana", lambda p: p.update_source(ids["source"], publisher="INE"))
    with Project.open(a, user="ana") as p:
        behind = merge.plan(p, b)
        assert behind.nothing and behind.ours_only == 0 and behind.incoming == []
    plan = check_plan(b, a, tmp_path)
    assert plan.fast_forward and len(plan.incoming) == 2 and plan.ours_only == 0


def test_unsent_is_the_events_after_the_marks_in_any_history(three):
    """``handoff.unsent`` (a partner's lack, a hand-off's events) against the whole graph, for every pair of marks."""
    paths, _ = three
    rows = logged(paths["ana"])
    parents = {event_id: events.parent_ids(text) for event_id, text in rows}
    order = [event_id for event_id, _ in rows]
    with Project.open(paths["ana"], read_only=True) as p:
        for heads, marks in itertools.product(
                [[order[-1]], [order[-3]]], [[], [order[0]], [order[4]], [order[4], order[-2]], ["0" * 64]]):
            lacking = handoff.ancestors(parents, heads) - handoff.ancestors(parents, marks)
            walked = handoff.unsent(p.store, marks, heads)
            assert [event_id for _, event_id, _ in walked] == [e for e in order if e in lacking], (heads, marks)


def test_a_handoff_to_a_partner_holds_the_events_after_its_marks(three, tmp_path):
    paths, ids = three
    with Project.open(paths["ana"], user="ana") as p:
        first = handoff.write(p, tmp_path / "1.factcheck-changes", to="ben")
        p.update_claim(ids["claim"], notes="after the first")
        assert handoff.lacking(p, to="ben") == 1
        assert {q.name: q.lacks for q in handoff.partners(p)}["ben"] == 1
        second = handoff.write(p, tmp_path / "2.factcheck-changes", to="ben")
    assert first.events == len(logged(paths["ana"])) - 1 and second.events == 1
    with Project.open(paths["ben"], user="ben") as p:
        plan = merge.plan(p, first.path)  # ben holds some of it already: those do not come in again
        ben = {e for e, _ in logged(paths["ben"])}
        assert [r[1] for r in plan.incoming] == [e for e, _ in logged(paths["ana"])[:-1] if e not in ben]
        merge.apply(p, plan)
        assert len(merge.plan(p, second.path).incoming) == 1 and p.verify().ok


def _edit(path, sql: str, *params) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql, params)
    conn.close()


def test_an_incoming_event_edited_by_hand_refuses_the_copy(copies):
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], notes="one"))
    do(b, "ben", lambda p: p.update_claim(ids["claim"], notes="two"))
    _edit(b, "UPDATE events SET data = replace(data, 'one', 'uno') WHERE seq = (SELECT max(seq) - 1 FROM events)")
    with Project.open(a) as p, pytest.raises(merge.MergeRefused, match="history is damaged.*does not match its id"):
        merge.plan(p, b)


def test_an_incoming_event_rewritten_with_its_id_but_not_json_refuses_the_copy(copies):
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], notes="one"))
    conn = sqlite3.connect(b)
    with conn:
        row = conn.execute("SELECT seq, parents, at, actor, action, entity, entity_id FROM events "
                           "WHERE seq = (SELECT max(seq) FROM events)").fetchone()
        forged = events.event_id(*row[1:], "not json")
        conn.execute("UPDATE events SET data = 'not json', id = ? WHERE seq = ?", (forged, row[0]))
    conn.close()
    with Project.open(a) as p, pytest.raises(merge.MergeRefused, match="history is damaged.*not readable"):
        merge.plan(p, b)


def test_an_incoming_event_whose_parent_is_gone_refuses_the_copy(copies):
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], notes="one"))
    do(b, "ben", lambda p: p.update_claim(ids["claim"], notes="two"))
    _edit(b, "DELETE FROM events WHERE seq = (SELECT max(seq) - 1 FROM events)")
    with Project.open(a) as p, pytest.raises(merge.MergeRefused, match="history is damaged.*parent event"):
        merge.plan(p, b)


@pytest.mark.parametrize("edit", [
    "UPDATE claims SET rating = 'true' WHERE claimant = 'The opposition'",  # a row made there only
    "UPDATE versions SET text = text || ' (edited)' WHERE number = 2",  # a new version's text
    "UPDATE sources SET publisher = 'Forged'",  # a row they touched, not in a field they changed
])
def test_a_row_that_comes_in_edited_outside_factcheck_refuses_the_copy(copies, edit):
    a, b, ids = copies
    do(b, "ben", lambda p: p.create_claim(ids["version"], 52, 80, claimant="The opposition"))
    do(b, "ben", lambda p: p.add_version(ids["article"], imported(TEXT.replace("4%", "5%"))))
    do(b, "ben", lambda p: p.update_source(ids["source"], url="https://example.org/ine"))
    _edit(b, edit)
    with Project.open(a) as p, pytest.raises(merge.MergeRefused, match="history is damaged"):
        merge.plan(p, b)
