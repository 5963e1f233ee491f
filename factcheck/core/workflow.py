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
from factcheck.core.text import N_

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
    SUBMIT: N_("submit for review"), APPROVE: N_("approve"), REQUEST_CHANGES: N_("request changes"),
    PUBLISH: N_("publish"),
}
#: A claim's status as said after "is" ("a claim that is {status}").
STATUS_NAMES = {
    model.DRAFT: N_("a draft"), model.IN_REVIEW: N_("in review"), model.CHANGES_REQUESTED: N_("waiting for changes"),
    model.APPROVED: N_("approved"), model.PUBLISHED: N_("published"),
}
#: Why an action cannot start from the claim's status, by action (the status it is in goes in).
_WRONG_STATUS = {
    SUBMIT: lambda status: N_(
        "Cannot submit for review a claim that is {status}; it must be a draft or waiting for changes.", status=status),
    APPROVE: lambda status: N_("Cannot approve a claim that is {status}; it must be in review.", status=status),
    REQUEST_CHANGES: lambda status: N_("Cannot request changes a claim that is {status}; it must be in review.",
                                       status=status),
    PUBLISH: lambda status: N_("Cannot publish a claim that is {status}; it must be approved.", status=status),
}
#: Fields whose change reopens an approved or published verdict.
VERDICT_FIELDS = ("rating", "verdict_summary")


def verdict_state(claim) -> str:
    """The fingerprint of a claim's verdict (its ``VERDICT_FIELDS``) that an approval names.

    An approval or publication event records the state it signed off
    (``approved_state``), so a merge or a sync that leaves another verdict standing can
    tell, from the event alone, that the approval lapses. ``claim``: a ``model.Claim`` or a
    row as a dict.
    """
    import hashlib
    import json

    values = [(claim.get(f) if isinstance(claim, dict) else getattr(claim, f)) or "" for f in VERDICT_FIELDS]
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


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
        missing.append(N_("a rating"))
    if not claim.verdict_summary.strip():
        missing.append(N_("a verdict summary"))
    elif fields.sentence_count(claim.verdict_summary) > 1:
        missing.append(N_("a verdict summary of one sentence"))
    if n_sources == 0 and (rating is None or rating.needs_source):
        missing.append(N_("at least one cited source"))
    missing.extend(N_("the task “{label}” done", label=label) for label in missing_tasks)
    return missing


def check(action: str, claim: model.Claim, *, user: str, four_eyes: bool, n_sources: int,
          scale: ratings.Scale, comment: str = "", missing_tasks: Sequence[str] = ()) -> str:
    """The state ``action`` leads to, or ``TransitionRefused`` with the reason."""
    if action not in TRANSITIONS:
        raise TransitionRefused(N_("There is no review action called {action}.", action=repr(action)))
    sources, target = TRANSITIONS[action]
    if claim.deleted_at:
        raise TransitionRefused(N_("This claim was deleted; restore it first."))
    if claim.status not in sources:
        status = STATUS_NAMES.get(claim.status, claim.status)
        raise TransitionRefused(_WRONG_STATUS[action](status))
    if action == SUBMIT:
        missing = missing_for_review(claim, n_sources, scale, missing_tasks)
        if missing:
            raise TransitionRefused(N_("Cannot submit for review yet: the claim needs {missing}.", missing=and_list(missing)))
    if action == REQUEST_CHANGES and not comment.strip():
        raise TransitionRefused(N_("Say what needs changing: requesting changes needs a comment."))
    if action == APPROVE:
        refusal = four_eyes_refusal(claim, user, four_eyes)
        if refusal:
            raise TransitionRefused(refusal)
    return target


def four_eyes_refusal(claim: model.Claim, user: str, four_eyes: bool) -> str:
    """Why ``user`` may not approve ``claim`` under the four-eyes rule ('' when they may)."""
    if four_eyes and claim_verdict_author(claim) == user:
        return N_("You wrote this verdict, so someone else must approve it (four-eyes rule).")
    return ""


def claim_verdict_author(claim: model.Claim) -> str | None:
    """Who last changed the rating or summary (set by ``Project``; the creator before that)."""
    return claim.verdict_by or claim.created_by


def and_list(items: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c": one sentence part, each item translated with it when it is a ``Text``."""
    joined = items[0]
    for item in items[1:-1]:
        joined = N_("{items}, {item}", items=joined, item=item)
    return N_("{items} and {last}", items=joined, last=items[-1]) if len(items) > 1 else joined
