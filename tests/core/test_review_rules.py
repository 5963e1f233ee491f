"""The review rules the UI asks about: which decisions are open (``available``), the plan
before a decision over many claims, and ``decide`` (many claims, one transaction)."""

from __future__ import annotations

import pytest

from factcheck.core import history, model
from factcheck.core.model import What
from factcheck.core.workflow import APPROVE, PUBLISH, REQUEST_CHANGES, SUBMIT

FOUR_EYES = "You wrote this verdict, so someone else must approve it (four-eyes rule)."


def make(project, version, at: int, *, by: str = "ana", ready: bool = True) -> str:
    """A claim on 20 characters from ``at``; ``ready``: rated, summarised and citing a source."""
    user, project.user = project.user, by
    fields = dict(rating="false", verdict_summary="The U.S. did not cut aid.") if ready else {}
    claim_id = project.create_claim(version.id, at, at + 20, **fields).created
    if ready:
        source = project.create_source(title=f"Record {at}").created
        project.cite(claim_id, source, "contradicts")
    project.user = user
    return claim_id


def submitted(project, version, at: int, *, by: str = "ana") -> str:
    claim_id = make(project, version, at, by=by)
    user, project.user = project.user, by
    project.review(claim_id, SUBMIT)
    project.user = user
    return claim_id


@pytest.fixture
def review(article):
    project, _, version = article
    return project, version, project.managers.review


def statements(project):
    """Every statement the connection runs from now on (upper-cased first word), for counting."""
    seen: list[str] = []
    project.store.conn.set_trace_callback(lambda sql: seen.append(sql.strip().split()[0].upper()))
    return seen


# --- available -------------------------------------------------------------------------


def test_an_empty_draft_can_be_submitted_once_it_has_a_verdict_and_a_source(review):
    project, version, rules = review
    draft = project.claim(make(project, version, 0, ready=False))
    available = rules.available(draft)
    assert available[SUBMIT] == ("Cannot submit for review yet: the claim needs a rating, a verdict summary "
                                 "and at least one cited source.")
    assert available[APPROVE] == "Cannot approve a claim that is a draft; it must be in review."
    assert rules.available(project.claim(make(project, version, 40)))[SUBMIT] == ""


def test_your_own_verdict_cannot_be_approved_but_someone_elses_can(review):
    project, version, rules = review
    mine = project.claim(submitted(project, version, 0, by="ana"))
    theirs = project.claim(submitted(project, version, 40, by="ben"))
    assert rules.available(mine)[APPROVE] == FOUR_EYES
    assert rules.available(mine)[REQUEST_CHANGES] == ""
    assert rules.available(theirs)[APPROVE] == ""
    project.set_setting("four_eyes", False)
    assert rules.available(mine)[APPROVE] == ""


def test_one_sentence_summaries_with_abbreviations_are_one_sentence(review):
    project, version, rules = review
    claim_id = make(project, version, 0)
    project.update_claim(claim_id, verdict_summary="The U.S. cut aid by 20% in Jan. 2025.")
    assert rules.available(project.claim(claim_id))[SUBMIT] == ""
    project.update_claim(claim_id, verdict_summary="No evidence. It is false.")
    assert "one sentence" in rules.available(project.claim(claim_id))[SUBMIT]


def test_available_reads_at_most_once(review):
    project, version, rules = review
    draft, waiting = (project.claim(make(project, version, 0)), project.claim(submitted(project, version, 40)))
    seen = statements(project)
    rules.available(draft)
    assert seen.count("SELECT") == 1  # the cited sources, counted once for every action
    seen.clear()
    rules.available(waiting)
    assert seen.count("SELECT") == 0  # in review: its sources do not matter any more


# --- plan --------------------------------------------------------------------------------


def test_the_plan_refuses_by_workflow_and_four_eyes_before_any_checklist(review):
    project, version, rules = review
    ok = submitted(project, version, 0, by="ben")
    own = submitted(project, version, 40, by="ana")
    draft = make(project, version, 80, by="ben")
    open_comment = submitted(project, version, 120, by="ben")
    project.add_comment(open_comment, "Check the figure first.")
    claims = [project.claim(c) for c in (ok, own, draft, open_comment)]
    plan = rules.plan(APPROVE, claims)
    assert plan.ready == [ok, open_comment]
    assert plan.refused == [(own, FOUR_EYES), (draft, "Cannot approve a claim that is a draft; it must be in review.")]
    assert plan.needs_checklist and not plan.needs_comment
    assert {f.claim_id for f in plan.findings} <= {ok, open_comment}  # the checklist saw the ready ones only
    assert plan.blocked() == {open_comment: "Blocked by the checklist: it has 1 unresolved review comment."}


def test_a_plan_with_nothing_ready_asks_nothing(review):
    project, version, rules = review
    own = project.claim(submitted(project, version, 0))
    for action in (APPROVE, PUBLISH):
        plan = rules.plan(action, [own])
        assert not plan.ready and not plan.needs_checklist and not plan.findings
    assert rules.plan(REQUEST_CHANGES, [own]).needs_comment  # four-eyes is about approving only


# --- decide ------------------------------------------------------------------------------


def test_deciding_on_many_claims_is_one_transaction(review):
    project, version, rules = review
    ids = [submitted(project, version, at, by="ben") for at in range(0, 400, 40)]
    seen = statements(project)
    outcome = rules.decide(APPROVE, ids)
    assert outcome.done == ids and outcome.refused == []
    assert seen.count("COMMIT") == 1 and seen.count("BEGIN") == 1
    assert all(project.claim(c).status == model.APPROVED for c in ids)
    assert outcome.changes.claims == frozenset(ids)
    assert outcome.changes.what == What.STATUS and outcome.changes.event_seq == project.events()[-1].seq


def test_one_refused_claim_does_not_stop_the_others(review):
    project, version, rules = review
    first, own, last = submitted(project, version, 0, by="ben"), submitted(project, version, 40), \
        submitted(project, version, 80, by="ben")
    before = len(project.events())
    outcome = rules.decide(APPROVE, [first, own, last])
    assert outcome.done == [first, last]
    assert outcome.refused == [(own, FOUR_EYES)]
    assert project.claim(own).status == model.IN_REVIEW
    assert [e.action for e in project.events()[before:]] == ["claim.approve", "claim.approve"]


def test_a_claim_changed_since_it_was_shown_is_reported_on_its_own(review):
    project, version, rules = review
    a, b = submitted(project, version, 0, by="ben"), submitted(project, version, 40, by="ben")
    shown = {c: project.claim(c).revision for c in (a, b)}
    project.user = "ben"
    project.update_claim(b, notes="Ben looked again.")  # after the editor loaded it
    project.user = "ana"
    outcome = rules.decide(APPROVE, [a, b], revisions=shown)
    assert outcome.done == [a]
    ((claim_id, reason),) = outcome.refused
    assert claim_id == b and "changed elsewhere" in reason
    assert project.claim(b).status == model.IN_REVIEW


def test_skipped_claims_are_left_alone_and_a_change_request_comments_each(review):
    project, version, rules = review
    a, b, c = (submitted(project, version, at, by="ben") for at in (0, 40, 80))
    outcome = rules.decide(REQUEST_CHANGES, [a, b, c], comment="Name the agency.", skip=[b])
    assert outcome.done == [a, c] and outcome.refused == []
    assert project.claim(b).status == model.IN_REVIEW
    assert [x.body for x in project.comments(a)] == ["Name the agency."] == [x.body for x in project.comments(c)]
    assert outcome.changes.what == What.STATUS | What.COMMENTS


def test_a_bulk_decision_is_not_an_undo_step(review):
    project, version, _ = review
    ids = [submitted(project, version, at, by="ben") for at in (0, 40)]
    hist = history.History(project)
    command = history.ReviewMany(APPROVE, ids, revisions={c: project.claim(c).revision for c in ids})
    changes = hist.do(command)
    assert command.outcome.done == ids and command.label == "Approve 2 claims"
    assert changes.claims == frozenset(ids) and not hist.can_undo
