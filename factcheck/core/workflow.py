"""Review states, the transitions between them, and who may make each.

``draft -> in_review -> approved -> published``, and ``in_review -> changes_requested ->
in_review``. Submitting needs a rating, a one-sentence verdict summary and at least one
cited source (unless the rating needs none). Requesting changes needs a comment. With
four-eyes on, whoever last changed a claim's rating or summary cannot approve it.

The rules here are pure: ``Project`` asks them inside its transaction and writes nothing
when they refuse.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.core import fields, model, ratings
from factcheck.core.errors import KnownError

SUBMIT = "submit"
APPROVE = "approve"
REQUEST_CHANGES = "request_changes"
PUBLISH = "publish"

#: action -> (states it may start from, state it leads to)
TRANSITIONS = {
    SUBMIT: ((model.DRAFT, model.CHANGES_REQUESTED), model.IN_REVIEW),
    APPROVE: ((model.IN_REVIEW,), model.APPROVED),
    REQUEST_CHANGES: ((model.IN_REVIEW,), model.CHANGES_REQUESTED),
    PUBLISH: ((model.APPROVED,), model.PUBLISHED),
}
ACTION_NAMES = {
    SUBMIT: "submit for review", APPROVE: "approve", REQUEST_CHANGES: "request changes", PUBLISH: "publish",
}
STATUS_NAMES = {
    model.DRAFT: "a draft", model.IN_REVIEW: "in review", model.CHANGES_REQUESTED: "waiting for changes",
    model.APPROVED: "approved", model.PUBLISHED: "published",
}
#: Fields whose change reopens an approved or published verdict.
VERDICT_FIELDS = ("rating", "verdict_summary")

class TransitionRefused(KnownError):
    """A review action is not allowed now; the message says why."""


def missing_for_review(claim: model.Claim, n_sources: int, scale: ratings.Scale,
                       missing_tasks: Sequence[str] = ()) -> list[str]:
    """What a claim lacks before it can be submitted, in plain words (empty: nothing).

    ``missing_tasks``: labels of the project's required verification tasks not ticked.
    """
    missing = []
    rating = scale.get(claim.rating)
    if rating is None:
        missing.append("a rating")
    if not claim.verdict_summary.strip():
        missing.append("a verdict summary")
    elif fields.sentence_count(claim.verdict_summary) > 1:
        missing.append("a verdict summary of one sentence")
    if n_sources == 0 and (rating is None or rating.needs_source):
        missing.append("at least one cited source")
    missing.extend(f"the task “{label}” done" for label in missing_tasks)
    return missing


def check(action: str, claim: model.Claim, *, user: str, four_eyes: bool, n_sources: int,
          scale: ratings.Scale, comment: str = "", missing_tasks: Sequence[str] = ()) -> str:
    """The state ``action`` leads to, or ``TransitionRefused`` with the reason."""
    if action not in TRANSITIONS:
        raise TransitionRefused(f"There is no review action called {action!r}.")
    sources, target = TRANSITIONS[action]
    if claim.deleted_at:
        raise TransitionRefused("This claim was deleted; restore it first.")
    if claim.status not in sources:
        allowed = " or ".join(STATUS_NAMES[s] for s in sources)
        raise TransitionRefused(
            f"Cannot {ACTION_NAMES[action]} a claim that is {STATUS_NAMES.get(claim.status, claim.status)}; "
            f"it must be {allowed}."
        )
    if action == SUBMIT:
        missing = missing_for_review(claim, n_sources, scale, missing_tasks)
        if missing:
            raise TransitionRefused("Cannot submit for review yet: the claim needs " + _join(missing) + ".")
    if action == REQUEST_CHANGES and not comment.strip():
        raise TransitionRefused("Say what needs changing: requesting changes needs a comment.")
    if action == APPROVE:
        refusal = four_eyes_refusal(claim, user, four_eyes)
        if refusal:
            raise TransitionRefused(refusal)
    return target


def four_eyes_refusal(claim: model.Claim, user: str, four_eyes: bool) -> str:
    """Why ``user`` may not approve ``claim`` under the four-eyes rule ('' when they may)."""
    if four_eyes and claim_verdict_author(claim) == user:
        return "You wrote this verdict, so someone else must approve it (four-eyes rule)."
    return ""


def claim_verdict_author(claim: model.Claim) -> str | None:
    """Who last changed the rating or summary (set by ``Project``; the creator before that)."""
    return claim.verdict_by or claim.created_by


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
