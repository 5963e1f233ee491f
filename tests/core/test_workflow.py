"""Every review transition, allowed and refused; four-eyes; corrections; comments."""

import pytest

from factcheck.core import fields, model, workflow
from factcheck.core.errors import Conflict, InvalidInput
from factcheck.core.project import Project
from factcheck.core.workflow import APPROVE, PUBLISH, REQUEST_CHANGES, SUBMIT, TransitionRefused


@pytest.fixture
def ready(article):
    """A claim with rating, summary and a source, written by ana."""
    project, article_id, version = article
    claim_id = project.create_claim(version.id, 0, 40, rating="false", verdict_summary="It is false.").created
    source_id = project.create_source(title="Record").created
    project.cite(claim_id, source_id, "contradicts")
    return project, claim_id


def as_user(project, name):
    project.user = name
    return project


def status(project, claim_id):
    return project.claim(claim_id).status


def test_full_round_trip(ready):
    p, cid = ready
    p.review(cid, SUBMIT)
    assert status(p, cid) == model.IN_REVIEW
    assert p.claim(cid).submitted_by == "ana"
    as_user(p, "ben").review(cid, REQUEST_CHANGES, comment="Cite the court record.")
    assert status(p, cid) == model.CHANGES_REQUESTED
    (comment,) = p.comments(cid)
    assert (comment.author, comment.body, comment.kind) == ("ben", "Cite the court record.", "review")
    as_user(p, "ana").review(cid, SUBMIT)
    as_user(p, "ben").review(cid, APPROVE)
    claim = p.claim(cid)
    assert (claim.status, claim.approved_by) == (model.APPROVED, "ben") and claim.approved_at
    p.review(cid, PUBLISH)
    assert status(p, cid) == model.PUBLISHED and p.claim(cid).published_by == "ben"
    actions = [e.action for e in p.events(cid)]
    assert actions[-5:] == ["claim.submit", "claim.request_changes", "claim.submit", "claim.approve", "claim.publish"]


@pytest.mark.parametrize(
    "setup, action, message",
    [
        ([], APPROVE, "Cannot approve a claim that is a draft"),
        ([], PUBLISH, "Cannot publish a claim that is a draft"),
        ([], REQUEST_CHANGES, "Cannot request changes"),
        ([SUBMIT], SUBMIT, "Cannot submit for review a claim that is in review"),
        ([SUBMIT], PUBLISH, "Cannot publish a claim that is in review"),
        ([SUBMIT, APPROVE], APPROVE, "Cannot approve a claim that is approved"),
        ([SUBMIT, APPROVE, PUBLISH], SUBMIT, "Cannot submit for review a claim that is published"),
    ],
)
def test_illegal_transitions_are_refused_and_change_nothing(ready, setup, action, message):
    p, cid = ready
    for step in setup:
        as_user(p, "ben" if step in (APPROVE, PUBLISH) else "ana").review(cid, step)
    before = p.claim(cid)
    n_events = len(p.events())
    with pytest.raises(TransitionRefused, match=message):
        as_user(p, "carla").review(cid, action, comment="x")
    assert p.claim(cid) == before
    assert len(p.events()) == n_events
    assert p.comments(cid) == []


def test_submit_lists_what_is_missing(article):
    p, _, version = article
    cid = p.create_claim(version.id, 0, 40).created
    with pytest.raises(TransitionRefused, match="needs a rating, a verdict summary and at least one cited source"):
        p.review(cid, SUBMIT)
    p.update_claim(cid, rating="unverifiable", verdict_summary="Cannot be checked. Nobody knows.")
    with pytest.raises(TransitionRefused, match="a verdict summary of one sentence"):
        p.review(cid, SUBMIT)
    p.update_claim(cid, verdict_summary="Cannot be checked with public records.")
    p.review(cid, SUBMIT)  # "unverifiable" needs no source
    assert status(p, cid) == model.IN_REVIEW


def test_request_changes_needs_a_comment(ready):
    p, cid = ready
    p.review(cid, SUBMIT)
    with pytest.raises(TransitionRefused, match="needs a comment"):
        as_user(p, "ben").review(cid, REQUEST_CHANGES, comment="   ")


def test_four_eyes_with_two_users(ready):
    p, cid = ready
    p.review(cid, SUBMIT)
    with pytest.raises(TransitionRefused, match="four-eyes"):
        p.review(cid, APPROVE)  # ana wrote the verdict
    # ben changes the summary while it is in review: now ben is the verdict's author
    as_user(p, "ben").update_claim(cid, verdict_summary="It is plainly false.")
    with pytest.raises(TransitionRefused, match="four-eyes"):
        p.review(cid, APPROVE)
    as_user(p, "ana").review(cid, APPROVE)
    assert p.claim(cid).approved_by == "ana"


def test_four_eyes_can_be_switched_off(ready):
    p, cid = ready
    p.set_setting("four_eyes", False)
    p.review(cid, SUBMIT)
    p.review(cid, APPROVE)
    assert status(p, cid) == model.APPROVED


def test_editing_an_approved_verdict_reopens_it_with_a_reason(ready):
    p, cid = ready
    p.review(cid, SUBMIT)
    as_user(p, "ben").review(cid, APPROVE)
    with pytest.raises(InvalidInput, match="give a reason"):
        as_user(p, "ana").update_claim(cid, rating="mostly-false")
    assert status(p, cid) == model.APPROVED
    p.update_claim(cid, claimant="Someone")  # other fields do not reopen
    assert status(p, cid) == model.APPROVED
    p.update_claim(cid, rating="mostly-false", reason="New court filing")
    assert status(p, cid) == model.IN_REVIEW
    assert p.corrections(cid) == []  # not published: no public correction
    assert p.events(cid)[-1].data["reason"] == "New court filing"


def test_editing_a_published_verdict_records_a_correction(ready):
    p, cid = ready
    p.review(cid, SUBMIT)
    as_user(p, "ben").review(cid, APPROVE)
    p.review(cid, PUBLISH)
    as_user(p, "ana").update_claim(cid, verdict_summary="It was false until March.", reason="Law changed in March")
    (correction,) = p.corrections(cid)
    assert correction.by == "ana" and correction.reason == "Law changed in March"
    assert '"It is false."' in correction.before and "until March" in correction.after
    assert status(p, cid) == model.IN_REVIEW


def test_second_reviewer_sees_the_claim_changed(ready, tmp_path):
    p, cid = ready
    p.review(cid, SUBMIT)
    seen = p.claim(cid).revision
    with Project.open(p.path, user="carla") as other:
        other.review(cid, REQUEST_CHANGES, comment="Needs the court date.")
    with pytest.raises(Conflict, match="changed elsewhere"):
        as_user(p, "ben").review(cid, APPROVE, expected_revision=seen)
    assert status(p, cid) == model.CHANGES_REQUESTED


def test_threaded_comments_and_resolving(ready):
    p, cid = ready
    first = p.add_comment(cid, "Which court?").created
    p.add_comment(cid, "Private: call the clerk", kind="note")
    reply = p.add_comment(cid, "The district court.", parent_id=first).created
    p.add_comment(cid, "Second thread")
    comments = p.comments(cid)
    assert [c.body for c in comments] == ["Which court?", "The district court.", "Private: call the clerk", "Second thread"]
    assert comments[1].parent_id == first
    p.resolve_comment(first)
    assert p.comments(cid)[0].resolved_by == "ana"
    p.resolve_comment(first, resolved=False)
    assert p.comments(cid)[0].resolved_at is None
    with pytest.raises(InvalidInput):
        p.add_comment(cid, "   ")
    assert reply


def test_sentence_count():
    assert fields.sentence_count("") == 0
    assert fields.sentence_count("No evidence was provided.") == 1
    assert fields.sentence_count("The U.S. gave $1.5bn in aid") == 1
    assert fields.sentence_count("False. It was true in 2020.") == 2
    assert fields.sentence_count("Dr. Smith said so! Nobody agreed.") == 2
    assert fields.sentence_count("It rose 3.5% in 2024.") == 1


@pytest.mark.parametrize("text", [
    "Sen. Warren did not vote on the bill.", "The riot on Jan. 6 at the Capitol was not staged.",
    "Gov. Newsom signed it.", "Prof. Smith said the U.S. economy grew.",
])
def test_one_sentence_summaries_with_abbreviations(text):
    assert fields.sentence_count(text) == 1


def test_a_comment_given_with_approval_does_not_block(ready):
    from factcheck.core import checks

    p, cid = ready
    p.review(cid, SUBMIT, comment="Ready when you are.")
    as_user(p, "ben").review(cid, APPROVE, comment="Looks good.")
    assert checks.check_claims(p, [p.claim(cid)]) == []


def test_reopening_clears_the_approval(ready):
    p, cid = ready
    p.review(cid, SUBMIT)
    as_user(p, "ben").review(cid, APPROVE)
    p.update_claim(cid, rating="mostly-false", reason="New filing")
    claim = p.claim(cid)
    assert (claim.status, claim.approved_by, claim.approved_at) == (model.IN_REVIEW, None, None)
