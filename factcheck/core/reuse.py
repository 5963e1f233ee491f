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
from factcheck.core.errors import InvalidInput, KnownError
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


def plan(project, claim_id: str, match) -> Plan:
    """What "Use this verdict" would copy from ``match`` (a ``library.Match``) into the claim."""
    claim = project.claim(claim_id)
    if claim.status not in (model.DRAFT, model.CHANGES_REQUESTED):
        raise InvalidInput(N_("Only a claim still being written takes an earlier verdict; this one is already in "
                              "review or signed off."))
    rating, fits = _rating(project, match)
    sources: list[SourceCopy] = []
    if match.kind == "project":
        sources = _project_sources(project, match)
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


def _project_sources(project, match) -> list[SourceCopy]:
    """The earlier claim's cited sources, read from its project (this one, or the other file read-only)."""
    from factcheck.core.project import Project

    same = pathlib.Path(match.source_path).resolve() == pathlib.Path(project.path).resolve()
    try:
        other = project if same else Project.open(match.source_path, read_only=True)
    except KnownError:
        return []  # the file is gone or cannot be read now: the rating and summary still come
    try:
        out = []
        for citation in other.citations(match.claim_id):
            source = other.source(citation.source_id)
            if source.deleted_at is not None:
                continue
            values = {k: getattr(source, k) for k in ("title", "url", "publisher", "author", "published_at",
                                                      "accessed_at", "kind", "reliability", "confidential", "notes")}
            out.append(SourceCopy(values, citation.stance, citation.quote, citation.locator))
        return out
    except KnownError:
        return []
    finally:
        if not same:
            other.close()


class UseVerdict(history.Command):
    """Copy an earlier verdict into a claim: rating (when the scale has it), summary, sources; one undoable step."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.label = N_("Use an earlier verdict")
        self.before: dict = {}
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
            changes |= project.update_claim(p.claim_id, based_on=p.based_on, **values)
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
        return changes

    def undo(self, project) -> Changes:
        changes = Changes()
        with project.batch():
            for citation_id in self.citations:
                changes |= project.uncite(citation_id)
            for source_id in self.created_sources:
                changes |= project.delete_source(source_id)
            if self.before:
                changes |= project.update_claim(self.plan.claim_id, restore=True, **self.before)
        return changes


def describe(based_on: dict) -> str:
    """``based on the check of 2025-10-24 (where)``: the words the history and the reports use."""
    return timeline.based_on(based_on)


def based_on(project) -> dict[str, dict]:
    """By claim id, where its verdict was last copied from (``based_on`` of its newest ``claim.update`` holding one).

    One query over the event log for the words ``"based_on"``, then the matching rows decoded.
    """
    out: dict[str, dict] = {}
    rows = project.store.read(
        "SELECT entity_id, CAST(data AS TEXT) FROM events WHERE action = 'claim.update' "
        "AND instr(CAST(data AS TEXT), '\"based_on\"') > 0 ORDER BY seq")
    for claim_id, text in rows:
        try:
            value = json.loads(text).get("based_on")
        except (ValueError, AttributeError, TypeError):
            continue
        if isinstance(value, dict):
            out[claim_id] = value
    return out
