"""Using an earlier verdict for a new claim: its rating, summary and sources copied into a draft.

"Use this verdict" in the inspector's similar claims: ``plan`` reads what the earlier
check holds (from its project, opened read-only, or from the published ClaimReview) and
``UseVerdict`` writes it in one transaction as one undoable step. The claim's
``claim.update`` event carries ``based_on`` (the project and claim, or the fact-check's
URL, and the check's date), which the history (``timeline``) and the reports
(``based_on`` here) show as "based on the check of 2025-10-24".
"""

from __future__ import annotations

import dataclasses
import json
import pathlib

from factcheck.core import fields, history, model, timeline
from factcheck.core.errors import Conflict, InvalidInput, KnownError
from factcheck.core.model import Changes
from factcheck.core.text import N_


@dataclasses.dataclass(frozen=True)
class SourceCopy:
    """A source of the earlier check, and how it was cited there."""

    values: dict  # title, url, publisher, author, published_at, kind, reliability, notes
    stance: str
    quote: str
    locator: str


@dataclasses.dataclass(frozen=True)
class Plan:
    claim_id: str
    rating: str | None  # a key of this project's scale; None: left as it is
    rating_label: str  # the earlier check's rating as it named it
    rating_fits: bool  # False: this project's scale has no such rating (it is said, not guessed)
    summary: str
    sources: tuple[SourceCopy, ...]
    based_on: dict


def _rating(project, match) -> tuple[str | None, bool]:
    scale = project.scale
    if match.rating_key and match.rating_key in scale:
        return match.rating_key, True
    label = " ".join(match.rating.split()).casefold()
    for r in scale.ratings:
        if label and r.label.casefold() == label:
            return r.key, True
    return None, not match.rating


#: Statuses of an earlier claim whose verdict may be used: one an editor signed off (``review.SIGNED_OFF``).
REUSABLE = (model.APPROVED, model.PUBLISHED)


def refusal(match, status: str | None = None) -> str | None:
    """Why ``match``'s verdict cannot be used (a sentence), or None: only a verdict that went through review
    (approved or published) or a fact-check published by its ClaimReview is copied. ``status``: the earlier
    claim's status read from its project now (the library's copy is as of its last pass).

    A draft, or one an editor sent back, copied onto a claim on deadline would be
    submitted, and published, without anyone having approved it.
    """
    status = status or match.status
    if match.kind != "project" or status in REUSABLE:
        return None
    if status == model.CHANGES_REQUESTED:
        return N_("An editor asked for changes: its verdict can't be reused.")
    return N_("Not approved yet: its verdict can't be reused.")


def plan(project, claim_id: str, match) -> Plan:
    """What "Use this verdict" would copy from ``match`` (a ``library.Match``) into the claim."""
    claim = project.claim(claim_id)
    if claim.status not in (model.DRAFT, model.CHANGES_REQUESTED):
        raise InvalidInput(N_("Only a claim still being written takes an earlier verdict; this one is already in "
                              "review or signed off."))
    rating, fits = _rating(project, match)
    sources: list[SourceCopy] = []
    if match.kind == "project":
        status, sources = _from_project(project, match)
        refused = refusal(match, status)  # its status now: the library's copy may be older
        if refused is not None:
            raise InvalidInput(refused)
    elif fields.safe_url(match.url):
        title = f"{match.author}: {match.statement}" if match.author else match.statement
        sources = [SourceCopy({"title": title[:300], "url": match.url, "publisher": match.author,
                               "published_at": match.date, "kind": "article"}, "context", "", "")]
    based_on = {k: v for k, v in {
        "project": match.source_path if match.kind == "project" else "",
        "project_id": match.project_id, "claim": match.claim_id, "url": fields.safe_url(match.url),
        "date": match.date, "rating": match.rating, "by": match.author,
    }.items() if v}
    return Plan(claim_id, rating, match.rating, fits, match.summary, tuple(sources), based_on)


def _from_project(project, match) -> tuple[str | None, list[SourceCopy]]:
    """The earlier claim's status now and its cited sources, read from its project (this one, or the other file
    read-only); (None, []) when the file cannot be read now (the library's rating and summary still come)."""
    from factcheck.core.project import Project

    same = pathlib.Path(match.source_path).resolve() == pathlib.Path(project.path).resolve()
    try:
        other = project if same else Project.open(match.source_path, read_only=True)
    except KnownError:
        return None, []
    try:
        try:
            status = other.claim(match.claim_id).status
        except KnownError:
            status = None  # gone from its project: the library's copy is all there is
        out = []
        for citation in other.citations(match.claim_id):
            source = other.source(citation.source_id)
            if source.deleted_at is not None:
                continue
            values = {k: getattr(source, k) for k in ("title", "url", "publisher", "author", "published_at",
                                                      "accessed_at", "kind", "reliability", "confidential", "notes")}
            out.append(SourceCopy(values, citation.stance, citation.quote, citation.locator))
        return status, out
    except KnownError:
        return status, []
    finally:
        if not same:
            other.close()


class UseVerdict(history.Command):
    """Copy an earlier verdict into a claim: rating (when the scale has it), summary, sources; one undoable step.

    Redo brings back the same sources and citations rather than copying them again; undo
    and redo refuse (``Conflict``) when the claim's verdict was changed elsewhere since.
    """

    def __init__(self, plan: Plan):
        self.plan = plan
        self.label = N_("Use an earlier verdict")
        self.before: dict = {}
        self.applied: dict = {}
        self.based_on: dict = dict(plan.based_on)
        self.created_sources: list[str] = []
        self.citations: list[str] = []

    def do(self, project) -> Changes:
        p = self.plan
        claim = project.claim(p.claim_id)
        values: dict = {"verdict_summary": p.summary} if p.summary else {}
        if p.rating is not None:
            values["rating"] = p.rating
        self.before = {k: getattr(claim, k) for k in values}
        self.created_sources, self.citations = [], []
        changes = Changes()
        with project.batch():
            existing = {s.url: s.id for s in project.sources() if s.url}
            cited = {c.source_id for c in project.citations(p.claim_id)}
            for copy in p.sources:
                source_id = existing.get(copy.values.get("url") or "")
                if source_id is None:
                    made = project.create_source(**copy.values)
                    changes |= made
                    source_id = made.created
                    self.created_sources.append(source_id)
                    if copy.values.get("url"):
                        existing[copy.values["url"]] = source_id
                if source_id in cited:
                    continue
                cited.add(source_id)
                cite = project.cite(p.claim_id, source_id, copy.stance, quote=copy.quote, locator=copy.locator)
                changes |= cite
                self.citations.append(cite.created)
            # The citations go in the event, so that ``based_on`` can tell when all of it was taken back.
            self.based_on = {**p.based_on, "citations": list(self.citations)} if self.citations else dict(p.based_on)
            changes |= project.update_claim(p.claim_id, based_on=self.based_on, **values)
        self.applied = {k: getattr(project.claim(p.claim_id), k) for k in values}
        return changes

    def _expect(self, project, values: dict) -> None:
        claim = project.claim(self.plan.claim_id)
        if {k: getattr(claim, k) for k in values} != values:
            raise Conflict(N_("This claim was changed elsewhere since this step; it can no longer be undone."))

    def undo(self, project) -> Changes:
        self._expect(project, self.applied)
        changes = Changes()
        with project.batch():
            for citation_id in self.citations:
                changes |= project.uncite(citation_id)
            for source_id in self.created_sources:
                changes |= project.delete_source(source_id)
            if self.before:
                changes |= project.update_claim(self.plan.claim_id, restore=True, **self.before)
        return changes

    def redo(self, project) -> Changes:
        self._expect(project, self.before)
        changes = Changes()
        with project.batch():
            for source_id in self.created_sources:
                changes |= project.restore_source(source_id)
            for citation_id in self.citations:
                changes |= project.recite(citation_id)
            changes |= project.update_claim(self.plan.claim_id, restore=True, based_on=self.based_on, **self.applied)
        return changes


def describe(based_on: dict) -> str:
    """``based on the check of 2025-10-24 (where)``: the words the history and the reports use."""
    return timeline.based_on(based_on)


def based_on(project) -> dict[str, dict]:
    """By claim id, where its verdict was last copied from (``based_on`` of its newest ``claim.update`` holding one).

    A copy that was taken back whole (undone: every verdict field it set back to what it
    was before, every citation it made withdrawn) no longer counts. One query over the
    event log for the words ``"based_on"``, then the matching rows decoded.
    """
    copies: dict[str, tuple[dict, dict]] = {}
    rows = project.store.read(
        "SELECT entity_id, CAST(data AS TEXT) FROM events WHERE action = 'claim.update' "
        "AND instr(CAST(data AS TEXT), '\"based_on\"') > 0 ORDER BY seq")
    for claim_id, text in rows:
        try:
            data = json.loads(text)
            value = data.get("based_on")
        except (ValueError, AttributeError, TypeError):
            continue
        if isinstance(value, dict):
            before = data.get("before")
            copies[claim_id] = (value, before if isinstance(before, dict) else {})
    taken_back = _taken_back(project, copies)
    return {claim_id: value for claim_id, (value, _before) in copies.items() if claim_id not in taken_back}


#: The verdict fields a copy sets, as ``claims`` columns.
_COPIED_FIELDS = ("rating", "verdict_summary")


def _taken_back(project, copies: dict[str, tuple[dict, dict]]) -> set[str]:
    """The claims whose copy left nothing behind: fields as they were before it, its citations withdrawn."""
    known = {claim_id: (value, before) for claim_id, (value, before) in copies.items()
             if isinstance(value.get("citations"), list) or set(before) & set(_COPIED_FIELDS)}
    if not known:
        return set()
    ids = sorted(known)
    claims: dict[str, tuple] = {}
    live: set[str] = set()
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" * len(part))
        claims.update((r[0], r[1:]) for r in project.store.read(
            f"SELECT id, {', '.join(_COPIED_FIELDS)} FROM claims WHERE id IN ({marks})", part))
        live.update(r[0] for r in project.store.read(
            f"SELECT id FROM citations WHERE claim_id IN ({marks}) AND deleted_at IS NULL", part))
    out = set()
    for claim_id, (value, before) in known.items():
        now = dict(zip(_COPIED_FIELDS, claims.get(claim_id, ())))
        fields_back = all(now.get(k) == before[k] for k in _COPIED_FIELDS if k in before)
        citations = value.get("citations") or []
        if fields_back and not any(c in live for c in citations if isinstance(c, str)):
            out.add(claim_id)
    return out
