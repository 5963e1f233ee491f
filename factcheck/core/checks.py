"""Pre-publication checks: what should stop a verdict from going out, and what to look at.

Each finding names a claim, says what is wrong in a sentence, and is either blocking
(approving or publishing with it would be a mistake) or a warning.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from factcheck.core import fields, model
from factcheck.core.text import N_

#: Statuses checked by default: verdicts on their way out.
DEFAULT_STATUSES = (model.IN_REVIEW, model.APPROVED, model.PUBLISHED)
STATEMENT_LIMIT = 75
#: Statuses whose unticked verification tasks are worth a warning: submitted and on.


@dataclasses.dataclass(frozen=True)
class Finding:
    claim_id: str
    code: str
    blocking: bool
    clause: str  # what is wrong, said of the claim without a subject or a full stop: "has no rating"

    @property
    def message(self) -> str:
        """The clause as said of the claim: "has no rating." (the UI puts the claim before it)."""
        return N_("{clause}.", clause=self.clause)


def _rating_words(label: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(label.lower()) + r"(?!\w)")


def check_claims(project, claims: Iterable[model.Claim], *, include_confidential: bool = False) -> list[Finding]:
    """Every finding for these claims, in claim order."""
    scale = project.scale
    sources = {s.id: s for s in project.sources(include_deleted=True)}
    citations: dict[str, list[model.Citation]] = {}
    for c in project.citations():
        citations.setdefault(c.claim_id, []).append(c)
    open_comments: dict[str, int] = {}
    for comment in project.comments():
        if comment.kind == "review" and comment.resolved_at is None:
            open_comments[comment.claim_id] = open_comments.get(comment.claim_id, 0) + 1
    patterns = [(r.label, _rating_words(r.label)) for r in scale.ratings]
    template = list(project.setting("tasks") or [])
    ticked = project.managers.tasks.ticked() if template else {}
    findings: list[Finding] = []
    for claim in claims:
        cid = claim.id
        add = lambda code, blocking, clause: findings.append(Finding(cid, code, blocking, clause))  # noqa: E731
        rating = scale.get(claim.rating)
        cited = [c for c in citations.get(cid, []) if c.source_id in sources and not sources[c.source_id].deleted_at]
        if rating is None:
            add("no-rating", True, N_("has no rating"))
        if not cited and (rating is None or rating.needs_source):
            add("no-source", True, N_("cites no source"))
        if not claim.verdict_summary.strip():
            add("no-summary", True, N_("has no verdict summary"))
        elif fields.sentence_count(claim.verdict_summary) > 1:
            add("long-summary", True, N_("has a verdict summary longer than one sentence"))
        statement = claim.statement or claim.exact
        if len(statement) > STATEMENT_LIMIT:
            add("long-statement", False, N_("has a statement of {length} characters (over {limit})",
                                            length=len(statement), limit=STATEMENT_LIMIT))
        lowered = statement.lower()
        for label, pattern in patterns:
            if pattern.search(lowered):
                add("rating-in-statement", False, N_("has the rating word “{label}” inside its statement", label=label))
                break
        if open_comments.get(cid):
            n = open_comments[cid]
            add("open-comments", True, N_("has 1 unresolved review comment") if n == 1 else
                N_("has {n} unresolved review comments", n=n))
        if claim.anchor_state == "fuzzy":
            add("fuzzy-anchor", True, N_("is anchored to words that changed: confirm them in the article"))
        elif claim.anchor_state == "orphaned":
            add("orphaned-anchor", True, N_("lost its words in the article (unanchored)"))
        if template and claim.status in DEFAULT_STATUSES:
            undone = [t["label"] for t in template if t["id"] not in ticked.get(cid, ())]
            if undone:
                n = len(undone)
                tasks = ", ".join(f"“{label}”" for label in undone)
                add("tasks-not-done", False, N_("has 1 verification task not done: {tasks}", tasks=tasks) if n == 1 else
                    N_("has {n} verification tasks not done: {tasks}", n=n, tasks=tasks))
        confidential = [sources[c.source_id] for c in cited if sources[c.source_id].confidential]
        if confidential:
            if include_confidential:
                add("confidential-exported", True,
                    N_("cites {n} confidential source(s) whose details this export would include", n=len(confidential)))
            else:
                add("confidential", False, N_("cites {n} confidential source(s): exports show them as “confidential source”",
                                              n=len(confidential)))
    return findings


def check_project(project, *, article_ids: Iterable[str] | None = None, statuses: Iterable[str] = DEFAULT_STATUSES,
                  include_confidential: bool = False) -> list[Finding]:
    """Findings for the project's claims with these statuses (in these articles)."""
    wanted = set(statuses)
    articles = set(article_ids) if article_ids is not None else None
    claims = [c for c in project.claims() if c.status in wanted and (articles is None or c.article_id in articles)]
    return check_claims(project, claims, include_confidential=include_confidential)


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.blocking]
