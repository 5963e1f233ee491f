"""What a project holds, as plain frozen dataclasses returned by ``Project`` reads.

Ids are UUID4 text; times are ISO-8601 UTC ending in ``Z``; offsets are code points
into the version's normalized text.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import uuid

from factcheck.core.text import N_

# Review statuses of a claim (see core/workflow.py for the transitions).
DRAFT = "draft"
IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"
APPROVED = "approved"
PUBLISHED = "published"
STATUSES = (DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, PUBLISHED)
STATUS_LABELS = {
    DRAFT: N_("Draft"), IN_REVIEW: N_("In review"), CHANGES_REQUESTED: N_("Changes requested"),
    APPROVED: N_("Approved"), PUBLISHED: N_("Published"),
}

STANCES = ("supports", "contradicts", "context")
SOURCE_KINDS = ("document", "dataset", "interview", "article", "official statement", "video", "audio", "social media", "other")
RELIABILITIES = ("", "high", "medium", "low", "unknown")


def new_id() -> str:
    return str(uuid.uuid4())


def now() -> str:
    """The current UTC time, ISO-8601 with milliseconds and ``Z``."""
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@dataclasses.dataclass(frozen=True)
class Article:
    id: str
    title: str
    outlet: str
    author: str
    url: str
    published_at: str
    language: str
    created_at: str
    current_version_id: str | None = None
    claim_count: int = 0
    factcheck_url: str = ""  # where the fact-check of this article is published


@dataclasses.dataclass(frozen=True)
class Version:
    id: str
    article_id: str
    number: int
    text: str
    sha256: str
    source_format: str
    source_name: str
    original_blob: str | None
    imported_at: str
    imported_by: str


@dataclasses.dataclass(frozen=True)
class Claim:
    id: str
    article_id: str
    version_id: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    anchor_state: str
    statement: str
    claimant: str
    claim_date: str
    checkworthiness: int | None
    tags: tuple[str, ...]
    rating: str | None
    verdict_summary: str
    rationale: str
    notes: str
    status: str
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str
    approved_at: str | None
    approved_by: str | None
    deleted_at: str | None = None
    revision: int = 1
    verdict_by: str | None = None  # who last changed the rating or verdict summary
    submitted_at: str | None = None
    submitted_by: str | None = None
    published_at: str | None = None
    published_by: str | None = None


#: Claim fields a user edits directly (``Project.update_claim``).
CLAIM_EDITABLE = (
    "statement", "claimant", "claim_date", "checkworthiness", "tags", "rating",
    "verdict_summary", "rationale", "notes",
)


@dataclasses.dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    publisher: str
    author: str
    published_at: str
    accessed_at: str
    kind: str
    reliability: str
    confidential: bool
    notes: str
    archive_blob: str | None
    created_at: str
    created_by: str
    deleted_at: str | None = None


SOURCE_EDITABLE = (
    "title", "url", "publisher", "author", "published_at", "accessed_at", "kind",
    "reliability", "confidential", "notes",
)


@dataclasses.dataclass(frozen=True)
class Citation:
    id: str
    claim_id: str
    source_id: str
    stance: str
    quote: str
    locator: str
    note: str
    created_at: str
    created_by: str


CITATION_EDITABLE = ("stance", "quote", "locator", "note")


@dataclasses.dataclass(frozen=True)
class EvidenceFile:
    """A file of the evidence vault, stored once by its SHA-256 (see core/attachments.py)."""

    sha256: str
    size: int
    mime: str
    name: str  # the name it had when it was first stored
    stored_at: str
    stored_by: str


@dataclasses.dataclass(frozen=True)
class Attachment:
    """A stored file attached to a source, or to one citation of it, with an optional note."""

    id: str
    sha256: str
    source_id: str  # the source; for a citation's attachment, the cited source
    citation_id: str | None  # None: attached to the source itself
    name: str
    mime: str
    size: int
    note: str
    captured_at: str
    captured_by: str
    deleted_at: str | None = None
    claim_id: str | None = None  # the citation's claim
    stored: bool = True  # False: the bytes are not in this copy (a sync leaves large files to hand-offs and merges)


@dataclasses.dataclass(frozen=True)
class Comment:
    id: str
    claim_id: str
    parent_id: str | None
    author: str
    created_at: str
    body: str
    kind: str  # "note" (private) or "review"
    resolved_at: str | None
    resolved_by: str | None


@dataclasses.dataclass(frozen=True)
class Correction:
    id: str
    claim_id: str
    at: str
    by: str
    before: str
    after: str
    reason: str
    kind: str = "correction"  # or "retraction": a signed-off verdict withdrawn


@dataclasses.dataclass(frozen=True)
class Event:
    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    data: dict
    prev_hash: str
    hash: str
    damaged: str = ""  # a sentence when the row's data cannot be read (see core/events.py)
    id: str = ""  # content address: what copies of the project recognise it by (see core/events.py)
    parents: tuple[str, ...] = ()  # the ids of the events it was written on (two for a merge)


class What(enum.Flag):
    """What kind of thing an action changed: views refresh on these, never on action names."""

    NOTHING = 0
    ARTICLES = enum.auto()  # articles added, deleted, restored, or their metadata
    VERSIONS = enum.auto()  # an article's text changed (a new version)
    ANCHORS = enum.auto()  # where claims sit in the text: made, deleted, restored, re-anchored
    CLAIM_FIELDS = enum.auto()  # statement, claimant, rating, summary, tags, ...
    STATUS = enum.auto()  # review status and its stamps
    CITATIONS = enum.auto()
    COMMENTS = enum.auto()  # comments and corrections
    SOURCES = enum.auto()  # the source library
    SETTINGS = enum.auto()
    TASKS = enum.auto()  # verification tasks ticked on claims
    EVIDENCE = enum.auto()  # files attached to sources and citations
    EVERYTHING = (ARTICLES | VERSIONS | ANCHORS | CLAIM_FIELDS | STATUS | CITATIONS | COMMENTS | SOURCES | SETTINGS
                  | TASKS | EVIDENCE)


@dataclasses.dataclass(frozen=True)
class Changes:
    """What one committed action changed, for views to refresh.

    ``what`` says which kinds of thing changed; the id sets say which ones. ``created``
    is the id of the entity the action made, when it made one. ``initiator`` is the
    object (a view) that started the action, set by the UI session, so that view can
    skip refreshing what it already shows. ``action`` names the event for people and
    logs; views never test it.
    """

    action: str = ""
    what: What = What.NOTHING
    articles: frozenset[str] = frozenset()
    versions: frozenset[str] = frozenset()  # versions added (an article's text changed)
    claims: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    created: str | None = None
    event_seq: int | None = None
    initiator: object = dataclasses.field(default=None, compare=False)

    @property
    def settings(self) -> bool:
        return bool(self.what & What.SETTINGS)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            action=self.action or other.action,
            what=self.what | other.what,
            articles=self.articles | other.articles,
            versions=self.versions | other.versions,
            claims=self.claims | other.claims,
            sources=self.sources | other.sources,
            created=self.created or other.created,
            event_seq=max(filter(None, (self.event_seq, other.event_seq)), default=None),
            initiator=self.initiator or other.initiator,
        )
