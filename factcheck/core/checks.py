"""Pre-publication checks: what should stop a verdict from going out, and what to look at.

Each finding names a claim, says what is wrong in a sentence, and is either blocking
(approving or publishing with it would be a mistake) or a warning.

Claims are checked in batches (``BATCH``): each batch's citations, sources, open review
comments and ticked tasks are read for its claims only, so checking 100,000 claims holds
one batch at a time (``iter_findings``, which ``check_project`` and ``factcheck check`` walk).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from factcheck.core import fields, model
from factcheck.core.errors import Cancelled
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


class CheckedClaim(NamedTuple):
    """What the checks read of a claim, by ``model.Claim``'s names: ``iter_project`` reads these 8 columns of
    each claim rather than all 32, and makes a tuple (in C) rather than a frozen ``Claim``."""

    id: str
    article_id: str
    exact: str
    statement: str
    rating: str | None
    verdict_summary: str
    anchor_state: str
    status: str


def _rating_words(label: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(label.lower()) + r"(?!\w)")


#: What every end of a sentence that ``fields.sentence_count`` counts has (most summaries have none inside).
_MAY_END_A_SENTENCE = re.compile(r"[.!?][\"”’»)]?\s")

#: Claims checked at a time (the ids of a batch go in one query).
BATCH = 500


def check_claims(project, claims: Iterable[model.Claim], *, include_confidential: bool = False) -> list[Finding]:
    """Every finding for these claims, in claim order."""
    return [f for _, found in iter_findings(project, _batches(claims), include_confidential=include_confidential)
            for f in found]


def _batches(claims: Iterable[model.Claim]) -> Iterator[list[model.Claim]]:
    batch: list[model.Claim] = []
    for claim in claims:
        batch.append(claim)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def iter_findings(project, batches: Iterable[list[model.Claim | CheckedClaim]], *, include_confidential: bool = False,
                  progress=None) -> Iterator[tuple[model.Claim | CheckedClaim, list[Finding]]]:
    """Each claim with its findings (perhaps none), in order, read and checked batch by batch.

    ``progress(done, total)`` is asked after each batch, with ``total`` 0 (the caller knows it);
    returning False stops with ``Cancelled``.
    """
    scale = {r.key: r for r in project.scale.ratings}  # rating key -> rating, looked up once per claim
    # (label, its words lowered, their pattern): the pattern runs only where the words are (rarely).
    patterns = [(r.label, r.label.lower(), _rating_words(r.label)) for r in project.scale.ratings]
    template = list(project.setting("tasks") or [])
    sources_manager = project.managers.sources
    done = 0
    for batch in batches:
        ids = [c.id for c in batch]
        citations: dict[str, list[model.Citation]] = {}
        for c in sources_manager.citations_of(ids):
            citations.setdefault(c.claim_id, []).append(c)
        sources = sources_manager.sources_by_id({c.source_id for found in citations.values() for c in found})
        open_comments = project.managers.review.open_review_comments(ids)
        ticked = project.managers.tasks.ticked(ids) if template else {}
        for claim in batch:
            yield claim, _findings(claim, scale, patterns, template, citations, sources, open_comments, ticked,
                                   include_confidential)
        done += len(batch)
        if progress is not None and progress(done, 0) is False:
            raise Cancelled(N_("The check was cancelled."))


def _findings(claim: model.Claim | CheckedClaim, scale: dict, patterns, template, citations, sources, open_comments, ticked,
              include_confidential: bool) -> list[Finding]:
    cid = claim.id
    findings: list[Finding] = []

    def add(code: str, blocking: bool, clause) -> None:
        findings.append(Finding(cid, code, blocking, clause))

    rating = scale.get(claim.rating) if claim.rating else None
    cited = [c for c in citations[cid] if c.source_id in sources and not sources[c.source_id].deleted_at] \
        if cid in citations else []
    if rating is None:
        add("no-rating", True, N_("has no rating"))
    if not cited and (rating is None or rating.needs_source):
        add("no-source", True, N_("cites no source"))
    summary = claim.verdict_summary
    if not summary.strip():
        add("no-summary", True, N_("has no verdict summary"))
    elif _MAY_END_A_SENTENCE.search(summary) and fields.sentence_count(summary) > 1:
        add("long-summary", True, N_("has a verdict summary longer than one sentence"))
    statement = claim.statement or claim.exact
    if len(statement) > STATEMENT_LIMIT:
        add("long-statement", False, N_("has a statement of {length} characters (over {limit})",
                                        length=len(statement), limit=STATEMENT_LIMIT))
    lowered = statement.lower()
    for label, words, pattern in patterns:
        if words in lowered and pattern.search(lowered):
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
    return [f for _, found in iter_project(project, article_ids=article_ids, statuses=statuses,
                                           include_confidential=include_confidential) for f in found]


def count_project(project, *, article_ids: Iterable[str] | None = None, statuses: Iterable[str] = DEFAULT_STATUSES) -> int:
    """How many claims ``iter_project`` checks."""
    claims = project.managers.claims
    if article_ids is None:
        return claims.count(None, statuses)
    return sum(claims.count(a, statuses) for a in dict.fromkeys(article_ids))


def iter_project(project, *, article_ids: Iterable[str] | None = None, statuses: Iterable[str] = DEFAULT_STATUSES,
                 include_confidential: bool = False, progress=None) -> Iterator[tuple[CheckedClaim, list[Finding]]]:
    """``iter_findings`` over the project's claims with these statuses (in these articles), in reading order."""
    claims, new = project.managers.claims, tuple.__new__  # a named tuple's own __new__ is a Python function
    statuses = tuple(statuses)
    # In the project's order of articles (as ``claims()`` lists them), each article once.
    articles = [None] if article_ids is None else sorted(set(article_ids))
    batches = ([new(CheckedClaim, row) for row in rows] for a in articles
               for rows in claims.stream_rows(a, statuses, CheckedClaim._fields, size=BATCH))
    return iter_findings(project, batches, include_confidential=include_confidential, progress=progress)


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.blocking]
