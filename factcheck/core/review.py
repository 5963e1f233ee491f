"""The editorial review: decisions on claims, comments, corrections, and what a user may do now.

Rules live here and in ``workflow``; the UI only asks. ``available`` says, for one claim
and one user, which decisions are open and why the others are not (the inspector's
buttons and their tooltips). ``plan`` sorts a decision over many claims into those that
will go ahead and those refused by the workflow or the four-eyes rule, and runs the
pre-publication checklist over the rest before an approval or publication. ``decide``
carries a decision out over many claims in one transaction. Deleting a signed-off
(approved or published) verdict is a retraction: it needs a reason, is recorded as a
public correction of kind ``retraction``, and ``retraction_refusal`` says who may not.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable, Sequence

from factcheck.core import checks, events, fields, model, workflow
from factcheck.core.entity import Manager
from factcheck.core.errors import Conflict, InvalidInput, NotFound, sentence
from factcheck.core.model import Changes, What
from factcheck.core.text import N_


@dataclasses.dataclass
class Plan:
    """A review decision over some claims, sorted before anything is written."""

    action: str
    ready: list[str] = dataclasses.field(default_factory=list)  # claim ids the decision can go ahead on
    refused: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (claim id, reason)
    findings: list[checks.Finding] = dataclasses.field(default_factory=list)  # checklist over ``ready``

    @property
    def needs_comment(self) -> bool:
        return self.action == workflow.REQUEST_CHANGES and bool(self.ready)

    @property
    def needs_checklist(self) -> bool:
        return self.action in (workflow.APPROVE, workflow.PUBLISH) and bool(self.ready)

    def blocked(self) -> dict[str, str]:
        """Claim id -> why the checklist blocks it (only claims with a blocking finding)."""
        reasons: dict[str, str] = {}
        for finding in checks.blocking(self.findings):
            reason = N_("it {clause}", clause=finding.clause)
            before = reasons.get(finding.claim_id)
            reasons[finding.claim_id] = reason if before is None else N_("{reasons}; {reason}", reasons=before, reason=reason)
        return {cid: N_("Blocked by the checklist: {reasons}.", reasons=r) for cid, r in reasons.items()}


@dataclasses.dataclass
class Outcome:
    """What became of a decision over some claims."""

    action: str
    done: list[str] = dataclasses.field(default_factory=list)
    refused: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (claim id, reason)
    changes: Changes = dataclasses.field(default_factory=Changes)


#: A correction's kinds: a published verdict changed, or a signed-off verdict withdrawn.
CORRECTION = "correction"
RETRACTION = "retraction"
#: Statuses of a verdict an editor has signed off: deleting it is a retraction.
SIGNED_OFF = (model.APPROVED, model.PUBLISHED)


def signed_off(claim: model.Claim) -> bool:
    """Whether an editor approved ``claim``'s verdict (approved or published)."""
    return claim.status in SIGNED_OFF


def _counts_sources(action: str, claim: model.Claim) -> bool:
    """Whether the workflow looks at the claim's cited sources for ``action`` (only to submit it)."""
    return action == workflow.SUBMIT and claim.status in workflow.TRANSITIONS[workflow.SUBMIT][0]


class Review(Manager):
    # --- rules ------------------------------------------------------------------------

    def refusal(self, action: str, claim: model.Claim, *, comment: str = "x", n_sources: int | None = None,
                missing_tasks: Sequence[str] | None = None) -> str:
        """Why ``action`` cannot be taken on ``claim`` by the current user now ('' when it can).

        ``comment`` stands for the comment a request for changes will carry: by default
        one is assumed, since it is asked for after this check. ``n_sources`` and
        ``missing_tasks``: the claim's cited sources and unticked required tasks when
        already read (read here otherwise, and only when submitting is in question).
        """
        submitting = _counts_sources(action, claim)
        if n_sources is None:
            n_sources = self._n_sources(claim.id) if submitting else 0
        if missing_tasks is None:
            missing_tasks = self._missing_tasks(claim.id) if submitting else ()
        try:
            self._check_server_role(action)
            workflow.check(action, claim, user=self.user, four_eyes=bool(self.project.setting("four_eyes")),
                           n_sources=n_sources, scale=self.project.scale, comment=comment,
                           missing_tasks=missing_tasks)
        except workflow.TransitionRefused as exc:
            return sentence(exc)
        return ""

    def _check_server_role(self, action: str) -> None:
        """On a project that syncs, the server's role decides who signs off (``sync`` records it at each sync).

        Refused here rather than by the server alone: an approval the server refuses would
        stay in this copy's log and hold back every later push.
        """
        if action not in (workflow.APPROVE, workflow.PUBLISH):
            return
        role = self.project.managers.settings.sync_role()
        if role is not None and role != "editor":
            raise workflow.TransitionRefused(N_(
                "On this synced project only an editor on the server may approve or publish, and you are not one there."))

    def retraction_refusal(self, claim: model.Claim) -> str:
        """Why the current user may not retract ``claim``'s signed-off verdict ('' when they may).

        Whoever cannot approve a verdict cannot withdraw it either: with four-eyes on,
        its author must leave that to someone else.
        """
        if claim.deleted_at:
            return N_("This claim was already deleted.")
        if workflow.four_eyes_refusal(claim, self.user, bool(self.project.setting("four_eyes"))):
            return N_("You wrote this verdict, so someone else must retract it (four-eyes rule).")
        return ""

    def available(self, claim: model.Claim) -> dict[str, str]:
        """Every review action -> '' if the current user can take it on ``claim`` now, else why not.

        At most two reads (cited sources and ticked tasks, when it could be submitted).
        """
        submittable = _counts_sources(workflow.SUBMIT, claim)
        n_sources = self._n_sources(claim.id) if submittable else 0
        missing = self._missing_tasks(claim.id) if submittable else ()
        return {action: self.refusal(action, claim, n_sources=n_sources, missing_tasks=missing)
                for action in workflow.TRANSITIONS}

    def _missing_tasks(self, claim_id: str) -> list[str]:
        try:
            return self.project.managers.tasks.missing_required(claim_id)
        except sqlite3.Error as exc:
            raise self.store.error(exc) from exc

    def plan(self, action: str, claims: Sequence[model.Claim]) -> Plan:
        """Sort claims into ready and refused for ``action``; checklist the ready ones if it approves or publishes."""
        plan = Plan(action)
        for claim in claims:
            reason = self.refusal(action, claim)
            if reason:
                plan.refused.append((claim.id, reason))
            else:
                plan.ready.append(claim.id)
        if plan.needs_checklist:
            ready = set(plan.ready)
            plan.findings = checks.check_claims(self.project, [c for c in claims if c.id in ready])
        return plan

    def _n_sources(self, claim_id: str) -> int:
        try:
            return self.project.managers.sources.count_cited(claim_id)
        except sqlite3.Error as exc:
            raise self.store.error(exc) from exc

    # --- decisions --------------------------------------------------------------------

    def transition(self, claim_id: str, action: str, *, comment: str = "", expected_revision: int | None = None) -> Changes:
        """Move one claim through the review workflow; ``TransitionRefused`` says why not."""
        with self.store.transaction():
            claim = self.project.managers.claims.row(claim_id)
            if expected_revision is not None and claim.revision != expected_revision:
                raise Conflict(N_("This claim was changed elsewhere since you opened it; look at it again before deciding."))
            submitting = _counts_sources(action, claim)  # sources and tasks matter only then
            self._check_server_role(action)
            target = workflow.check(
                action, claim, user=self.user, four_eyes=bool(self.project.setting("four_eyes")),
                n_sources=self.project.managers.sources.count_cited(claim_id) if submitting else 0,
                scale=self.project.scale, comment=comment,
                missing_tasks=self.project.managers.tasks.missing_required(claim_id) if submitting else (),
            )
            now = events.stamp(self.store)  # a tie with another copy's approval is broken the same everywhere
            sets: dict[str, object] = {"status": target, "updated_at": now, "updated_by": self.user}
            if action == workflow.SUBMIT:
                sets.update(submitted_at=now, submitted_by=self.user)
            elif action == workflow.APPROVE:
                sets.update(approved_at=now, approved_by=self.user)
            elif action == workflow.PUBLISH:
                sets.update(published_at=now, published_by=self.user)
            assignments = ", ".join(f'"{k}" = ?' for k in sets)
            self.store.execute(f"UPDATE claims SET {assignments}, revision = revision + 1 WHERE id = ?",
                               (*sets.values(), claim_id))
            comment_id = None
            what = What.STATUS
            if comment.strip():
                comment_id = model.new_id()
                what |= What.COMMENTS
                # Only a request for changes leaves a question open; a comment given with
                # any other decision is a remark, stored as already resolved.
                resolved = (None, None) if action == workflow.REQUEST_CHANGES else (now, self.user)
                self.store.execute(
                    "INSERT INTO comments (id, claim_id, parent_id, author, created_at, body, kind, resolved_at, resolved_by) "
                    "VALUES (?, ?, NULL, ?, ?, ?, 'review', ?, ?)",
                    (comment_id, claim_id, self.user, now, comment.strip(), *resolved),
                )
            data = {"before": {"status": claim.status}, "after": {"status": target}, "comment": comment.strip(),
                    "comment_id": comment_id}
            if action in (workflow.APPROVE, workflow.PUBLISH):
                data["approved_state"] = workflow.verdict_state(claim)  # what was signed off
            seq = self.log(f"claim.{action}", "claim", claim_id, data)
        return Changes(action=f"claim.{action}", what=what, articles=frozenset({claim.article_id}),
                       claims=frozenset({claim_id}), created=comment_id, event_seq=seq)

    def decide(self, action: str, claim_ids: Iterable[str], *, comment: str = "",
               revisions: dict[str, int] | None = None, skip: Iterable[str] = ()) -> Outcome:
        """Take one decision on many claims in one transaction; each refusal is kept with its reason.

        A claim refused (by the workflow, a conflict, a missing claim) is rolled back to
        its savepoint alone; the others are decided. ``skip``: ids not to decide on
        (blocked by the checklist, say), already reported by the caller.
        """
        outcome = Outcome(action)
        revisions = revisions or {}
        skipped = set(skip)
        what, articles, seq = What.NOTHING, set(), None
        with self.store.transaction():
            for claim_id in claim_ids:
                if claim_id in skipped:
                    continue
                try:
                    changes = self.transition(claim_id, action, comment=comment,
                                              expected_revision=revisions.get(claim_id))
                except (workflow.TransitionRefused, Conflict, NotFound) as exc:
                    outcome.refused.append((claim_id, sentence(exc)))
                else:
                    outcome.done.append(claim_id)
                    what |= changes.what
                    articles |= changes.articles
                    seq = changes.event_seq
        if outcome.done:  # gathered in sets: merging N ``Changes`` would copy the id sets N times
            outcome.changes = Changes(action=f"claim.{action}", what=what, articles=frozenset(articles),
                                      claims=frozenset(outcome.done), event_seq=seq)
        return outcome

    # --- comments and corrections -----------------------------------------------------

    def add_comment(self, claim_id: str, body: str, *, kind: str = "review", parent_id: str | None = None) -> Changes:
        """A review comment (seen by the team) or a private note (``kind="note"``, never exported)."""
        if kind not in ("review", "note"):
            raise InvalidInput(N_("A comment is a review comment or a private note."))
        body = fields.text(body, N_("comment"))
        if not body:
            raise InvalidInput(N_("Write something in the comment first."))
        comment_id = model.new_id()
        with self.store.transaction():
            claim = self.project.managers.claims.row(claim_id)
            if parent_id is not None:
                parent = self.store.execute("SELECT claim_id FROM comments WHERE id = ?", (parent_id,)).fetchone()
                if parent is None or parent[0] != claim_id:
                    raise InvalidInput(N_("A reply must answer a comment on the same claim."))
            self.store.execute(
                "INSERT INTO comments (id, claim_id, parent_id, author, created_at, body, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (comment_id, claim_id, parent_id, self.user, model.now(), body, kind),
            )
            seq = self.log("comment.create", "claim", claim_id,
                           {"comment_id": comment_id, "parent_id": parent_id, "kind": kind, "body": body})
        return Changes(action="comment.create", what=What.COMMENTS, claims=frozenset({claim_id}),
                       articles=frozenset({claim.article_id}), created=comment_id, event_seq=seq)

    def resolve_comment(self, comment_id: str, resolved: bool = True) -> Changes:
        action = "comment.resolve" if resolved else "comment.reopen"
        with self.store.transaction():
            row = self.store.execute("SELECT claim_id, resolved_at FROM comments WHERE id = ?", (comment_id,)).fetchone()
            if row is None:
                raise NotFound(N_("That comment no longer exists."))
            if (row[1] is not None) == resolved:
                return Changes(action=action)
            self.store.execute(
                "UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ?",
                (model.now(), self.user, comment_id) if resolved else (None, None, comment_id),
            )
            seq = self.log(action, "claim", row[0], {"comment_id": comment_id})
        return Changes(action=action, what=What.COMMENTS, claims=frozenset({row[0]}), event_seq=seq)

    def comments(self, claim_id: str | None = None) -> list[model.Comment]:
        """Comments in thread order: each top-level comment followed by its replies."""
        sql = "SELECT id, claim_id, parent_id, author, created_at, body, kind, resolved_at, resolved_by FROM comments"
        rows = self.store.read(sql + (" WHERE claim_id = ?" if claim_id else "") + " ORDER BY created_at, rowid",
                               (claim_id,) if claim_id else ())
        comments = [model.Comment(*r) for r in rows]
        children: dict[str | None, list[model.Comment]] = {}
        for c in comments:
            children.setdefault(c.parent_id, []).append(c)
        ordered: list[model.Comment] = []

        def walk(parent: str | None) -> None:
            for c in children.get(parent, []):
                ordered.append(c)
                walk(c.id)

        walk(None)
        known = {c.id for c in ordered}
        ordered += [c for c in comments if c.id not in known]  # replies whose parent is gone
        return ordered

    def record_correction(self, claim_id: str, before: dict, after: dict, reason: str, at: str, *,
                          kind: str = CORRECTION) -> str:
        """Record a public correction (or retraction) of a signed-off verdict, inside the changing transaction."""
        if kind not in (CORRECTION, RETRACTION):
            raise InvalidInput(N_("A correction is a correction or a retraction."))
        correction_id = model.new_id()
        self.store.execute(
            "INSERT INTO corrections (id, claim_id, at, by, before, after, reason, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (correction_id, claim_id, at, self.user, events.canonical(before), events.canonical(after), reason, kind),
        )
        return correction_id

    def open_review_comments(self, claim_ids: Sequence[str]) -> dict[str, int]:
        """How many unresolved review comments each of these claims has (claims with none are absent)."""
        if not claim_ids:
            return {}
        return dict(self.store.read(
            "SELECT claim_id, count(*) FROM comments WHERE kind = 'review' AND resolved_at IS NULL "
            f"AND claim_id IN ({', '.join('?' * len(claim_ids))}) GROUP BY claim_id", tuple(claim_ids)))

    def corrections(self, claim_id: str | None = None) -> list[model.Correction]:
        """The public corrections log (retractions included, ``kind="retraction"``), oldest first."""
        sql = "SELECT id, claim_id, at, by, before, after, reason, kind FROM corrections"
        rows = self.store.read(sql + (" WHERE claim_id = ?" if claim_id else "") + " ORDER BY at, rowid",
                               (claim_id,) if claim_id else ())
        return [model.Correction(*r) for r in rows]

