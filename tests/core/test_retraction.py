"""Signed-off verdicts are protected: deleting one is a retraction; new words under one reopen it."""

import pytest

from factcheck.core import history, model, review, timeline
from factcheck.core.claims import RetractionNeeded
from factcheck.core.errors import Conflict, InvalidInput
from factcheck.core.workflow import APPROVE, PUBLISH, SUBMIT, TransitionRefused

from ..conftest import imported

OLD = "US aid to Colombia is expected to decrease by at least 20%"
NEW = "US aid to Colombia is expected to decrease by at least 25%"


def as_user(project, name):
    project.user = name
    return project


def signed_off(project, claim_id, *, publish=True):
    """Ana wrote the verdict and submits it; Ben approves (and publishes) it."""
    as_user(project, "ana").review(claim_id, SUBMIT)
    as_user(project, "ben").review(claim_id, APPROVE)
    if publish:
        project.review(claim_id, PUBLISH)


def make_claim(project, version, quote):
    start = version.text.index(quote)
    claim_id = as_user(project, "ana").create_claim(
        version.id, start, start + len(quote), rating="false", verdict_summary="The cut is smaller.").created
    project.cite(claim_id, project.create_source(title="Budget request").created, "contradicts")
    return claim_id


@pytest.fixture
def published(article):
    project, article_id, version = article
    claim_id = make_claim(project, version, OLD)
    signed_off(project, claim_id)
    return project, claim_id


def test_a_retraction_needs_a_reason_and_nothing_changes_without_one(published):
    p, cid = published
    n_events = len(p.events())
    for reason in ("", "   "):
        with pytest.raises(RetractionNeeded, match="needs a reason .the retraction is public"):
            as_user(p, "ben").managers.claims.retract(cid, reason)
        with pytest.raises(InvalidInput, match="needs a reason"):
            p.delete_claim(cid)  # the plain delete of a published verdict is refused the same way
    assert p.claim(cid).deleted_at is None and p.corrections(cid) == []
    assert len(p.events()) == n_events


def test_the_verdict_author_is_refused_with_four_eyes(published):
    p, cid = published
    with pytest.raises(TransitionRefused, match="You wrote this verdict, so someone else must retract it"):
        as_user(p, "ana").managers.claims.retract(cid, "Wrong figure")
    assert p.managers.review.retraction_refusal(p.claim(cid)).startswith("You wrote this verdict")
    assert p.claim(cid).deleted_at is None
    assert as_user(p, "carla").managers.review.retraction_refusal(p.claim(cid)) == ""
    p.set_setting("four_eyes", False)
    assert as_user(p, "ana").managers.review.retraction_refusal(p.claim(cid)) == ""
    p.managers.claims.retract(cid, "Wrong figure")
    assert p.claim(cid).deleted_at


def test_a_retraction_is_a_public_correction_of_kind_retraction(published):
    p, cid = published
    changes = as_user(p, "ben").managers.claims.retract(cid, "  The budget line was misread.  ")
    assert changes.what & model.What.COMMENTS and cid in changes.claims
    claim = p.claim(cid)
    assert claim.deleted_at and claim.status == model.PUBLISHED
    assert p.claims() == []  # gone from the lists
    (fix,) = p.corrections(cid)
    assert (fix.kind, fix.by, fix.reason) == (review.RETRACTION, "ben", "The budget line was misread.")
    assert fix.before == '{"rating":"false","verdict_summary":"The cut is smaller."}'
    assert fix.after == '{"retracted":true}'
    event = p.events(cid)[-1]
    assert event.action == "claim.delete"
    assert event.data["reason"] == "The budget line was misread." and event.data["correction_id"] == fix.id
    assert timeline.describe(event) == (
        "Retracted the published verdict (reason: The budget line was misread.); public retraction recorded")


def test_an_approved_verdict_is_retracted_too(article):
    project, _, version = article
    cid = make_claim(project, version, OLD)
    signed_off(project, cid, publish=False)
    as_user(project, "carla").managers.claims.retract(cid, "Duplicate of another check")
    (fix,) = project.corrections(cid)
    assert fix.kind == "retraction" and "approved" in timeline.describe(project.events(cid)[-1])


def test_a_retraction_is_not_undoable_and_cannot_be_restored(published):
    p, cid = published
    hist = history.History(as_user(p, "ben"))
    hist.do(history.DeleteClaim(cid, reason="Wrong figure"))
    assert not hist.can_undo
    with pytest.raises(Conflict, match="retracted"):
        p.restore_claim(cid)
    assert p.claim(cid).deleted_at


def test_drafts_delete_as_before_undoable_without_a_reason(article):
    project, _, version = article
    cid = make_claim(project, version, OLD)
    for status in (None, SUBMIT):  # a draft, then one in review
        if status:
            project.restore_claim(cid)
            project.review(cid, status)
        hist = history.History(project)
        hist.do(history.DeleteClaim(cid))
        assert project.claim(cid).deleted_at and hist.can_undo and hist.undo_label == "Delete claim"
        hist.undo()
        assert project.claim(cid).deleted_at is None
        hist.redo()
    assert project.corrections(cid) == []


def test_undoing_the_creation_of_a_claim_approved_since_is_refused(article):
    project, _, version = article
    start = version.text.index(OLD)
    hist = history.History(as_user(project, "ana"))
    cid = hist.do(history.CreateClaim(version.id, start, start + len(OLD), rating="false",
                                      verdict_summary="The cut is smaller.")).created
    project.cite(cid, project.create_source(title="Budget request").created, "contradicts")
    signed_off(project, cid)
    with pytest.raises(Conflict, match="retract it instead"):
        hist.undo()
    assert project.claim(cid).deleted_at is None and not hist.can_undo


def test_verify_stays_clean_after_retractions_and_reopened_verdicts(published):
    p, cid = published
    as_user(p, "ben").managers.claims.retract(cid, "Wrong figure")
    verdict = p.verify()
    assert verdict.ok, verdict


# --- changed words under a signed-off verdict -----------------------------------------------


def new_version(project, article_id, version):
    project.add_version(article_id, imported(version.text.replace("20%", "25%"), name="v2.txt"))
    return project.current_version(article_id)


@pytest.mark.parametrize("publish", [False, True])
def test_confirming_changed_words_sends_the_verdict_back_to_review(article, publish):
    project, article_id, version = article
    cid = make_claim(project, version, OLD)
    signed_off(project, cid, publish=publish)
    v2 = new_version(project, article_id, version)
    claim = project.claim(cid)
    assert claim.anchor_state == "fuzzy" and claim.exact == OLD and claim.status != model.IN_REVIEW
    hist = history.History(as_user(project, "carla"))
    changes = hist.do(history.ReanchorClaim(cid, claim.version_id, claim.start, claim.end, label="Confirm new words"))
    claim = project.claim(cid)
    assert claim.exact == NEW and claim.anchor_state == "exact"
    assert claim.status == model.IN_REVIEW and claim.approved_at is None and claim.approved_by is None
    assert changes.what & model.What.STATUS and not hist.can_undo
    event = project.events(cid)[-1]
    reason = f"the quoted words changed in version {v2.number}"
    assert event.data["reason"] == reason and event.data["reopened_from"] == (
        model.PUBLISHED if publish else model.APPROVED)
    assert f"sent back to review ({reason})" in timeline.describe(event)
    assert "quote: “" + OLD + "” → “" + NEW + "”" in timeline.changes(event)
    fixes = project.corrections(cid)
    if publish:
        (fix,) = fixes
        assert (fix.kind, fix.by, fix.reason) == ("correction", "carla", reason)
        assert OLD in fix.before and NEW in fix.after
        assert "public correction recorded" in timeline.describe(event)
    else:
        assert fixes == []
    # The old verdict cannot be published again under the new words without a review.
    with pytest.raises(TransitionRefused, match="in review"):
        project.review(cid, PUBLISH)
    assert project.verify().ok


def test_confirm_anchor_of_the_facade_follows_the_same_rule(article):
    project, article_id, version = article
    cid = make_claim(project, version, OLD)
    signed_off(project, cid)
    new_version(project, article_id, version)
    as_user(project, "ben").confirm_anchor(cid)
    assert project.claim(cid).status == model.IN_REVIEW and len(project.corrections(cid)) == 1


def test_moving_a_signed_off_claim_to_other_words_reopens_it(article):
    project, _, version = article
    cid = make_claim(project, version, OLD)
    signed_off(project, cid, publish=False)
    other = "every empire is unjust"
    start = version.text.index(other)
    project.reanchor_claim(cid, version.id, start, start + len(other))
    assert project.claim(cid).status == model.IN_REVIEW
    assert project.events(cid)[-1].data["reason"] == "the claim was re-anchored to other words in version 1"


def test_drafts_confirm_new_words_undoably_and_stay_drafts(article):
    project, article_id, version = article
    cid = make_claim(project, version, OLD)
    new_version(project, article_id, version)
    claim = project.claim(cid)
    hist = history.History(project)
    hist.do(history.ReanchorClaim(cid, claim.version_id, claim.start, claim.end))
    assert project.claim(cid).status == model.DRAFT and project.claim(cid).exact == NEW and hist.can_undo
    assert "reason" not in project.events(cid)[-1].data
    hist.undo()
    assert project.claim(cid).exact == OLD


def test_undoing_a_reanchor_after_approval_is_refused(article):
    project, article_id, version = article
    cid = make_claim(project, version, OLD)
    new_version(project, article_id, version)
    claim = project.claim(cid)
    hist = history.History(as_user(project, "ana"))
    hist.do(history.ReanchorClaim(cid, claim.version_id, claim.start, claim.end))
    signed_off(project, cid)
    with pytest.raises(Conflict, match="signed off since"):
        hist.undo()
    assert project.claim(cid).exact == NEW
