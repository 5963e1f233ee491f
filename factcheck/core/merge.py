"""Merge two copies of a project: union of their events by id, three-way merge of their state field by field.

Copies recognise their common past by event ids (``events.py``): the events both hold
are the *base*; each copy's other events are what it did since they parted. Those events
say which fields (*units*: a claim's rating, its anchor, its review status, whether it is
deleted...) each side changed; the tables hold the values each side has now; the base
value of a unit is what the last common event touching it left. Per unit: changed on one
side -> that side's value; changed on both to the same value -> nothing to decide; to
different values -> a ``Conflict`` (unless one side is back at the base value). A row
deleted on one side and edited on the other is a conflict on whether it stays deleted.
Rows made on one side only (articles, versions, claims, sources, citations, comments,
corrections, evidence blobs) come in whole; identical blobs are stored once.

Review rules hold across copies: an approval (or publication) of a verdict the other
side changed since the copies parted lapses (back to review, with a comment saying why),
as does one that breaks the four-eyes rule once both sides' authors are known; public
corrections of either side stay.

``plan`` reads both files and writes nothing. ``apply`` writes in one transaction: the
rows and values, their events copied as they are (ids, parents, authors, times), then
one ``project.merge`` event whose parents are both heads and whose data lists every unit
both sides touched, with the value chosen. Replaying the log in local order (ours, then
theirs, then the merge event) gives the merged state, so ``verify`` passes after a merge.
Merging the same copy again brings in nothing; when only the other side changed, its
events are simply added (no merge event), as git fast-forwards.
"""

from __future__ import annotations

import dataclasses
import json
import pathlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator

from factcheck.core import articles, claims, events, handoff, migrations, model, settings, sources, timeline, workflow
from factcheck.core.errors import Conflict as Changed
from factcheck.core.errors import InvalidInput, KnownError, ProjectReadOnly, ProjectTooNew
from factcheck.core.text import N_, Text

OURS = "ours"
THEIRS = "theirs"
UNKNOWN = object()
CREATED = "*"

#: Tables whose rows come in whole when the other side made them, in the order foreign keys need.
NEW_ROWS = ("articles", "versions", "sources", "claims", "citations", "comments", "corrections")
_CLAIM_DEFAULTS = {"statement": "", "claimant": "", "claim_date": "", "checkworthiness": None, "tags": [],
                   "rating": None, "verdict_summary": "", "rationale": "", "notes": ""}
_SOURCE_DEFAULTS = {"title": "", "url": "", "publisher": "", "author": "", "published_at": "", "accessed_at": "",
                    "kind": "document", "reliability": "", "confidential": False, "notes": ""}
_CITATION_FIELDS = ("stance", "quote", "locator", "note")
_ARTICLE_FIELDS = ("title", "outlet", "author", "url", "published_at", "language", "factcheck_url")
_ANCHOR = ("version_id", "start", "end", "exact", "prefix", "suffix", "anchor_state", "anchor_score")
_STATUS = ("status", "submitted_at", "submitted_by", "approved_at", "approved_by", "published_at", "published_by")
#: Units a person can read, named as the app names them (fields: as the history names them).
UNIT_NAMES = {
    **timeline.FIELD_NAMES, "deleted": N_("deleted or kept"), "anchor": N_("quoted words"),
    "status": N_("review status"), "resolved": N_("resolved"), "done": N_("ticked"), "value": N_("value"),
    "factcheck_url": N_("fact-check URL"),
}
_KIND_NAMES = {"articles": N_("article"), "claims": N_("claim"), "sources": N_("source"), "citations": N_("citation"),
               "comments": N_("comment"), "claim_tasks": N_("task"), "settings": N_("setting")}


class MergeRefused(KnownError):
    """The other file cannot be merged into this project; the message says why."""


@dataclasses.dataclass(frozen=True)
class Conflict:
    """One unit both sides changed to different values: for the user to pick."""

    table: str
    id: str
    field: str
    base: object
    ours: object
    theirs: object
    sentence: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.table, self.id, self.field)


@dataclasses.dataclass
class MergePlan:
    """What merging ``other`` would do, read from both files before anything is written."""

    other: pathlib.Path
    project_id: str
    ours_head: str
    theirs_head: str
    incoming: list[tuple] = dataclasses.field(default_factory=list)  # their event rows we lack, in their order
    counts: dict[str, int] = dataclasses.field(default_factory=dict)  # what comes in, by kind
    conflicts: list[Conflict] = dataclasses.field(default_factory=list)
    ours_only: int = 0  # events only this copy holds
    #: (table, id, unit) -> OURS/THEIRS/"both": who changed it since the copies parted
    touched: dict[tuple[str, str, str], str] = dataclasses.field(default_factory=dict)
    base: dict[tuple[str, str, str], object] = dataclasses.field(default_factory=dict)
    #: units both sides touched (whatever was decided): the merge event records their values for replay
    both: set[tuple[str, str, str]] = dataclasses.field(default_factory=set)
    their_rows: dict[str, dict[str, dict]] = dataclasses.field(default_factory=dict)  # table -> id -> row
    their_blobs: list[tuple] = dataclasses.field(default_factory=list)  # blobs this copy lacks
    new_rows: dict[str, list[dict]] = dataclasses.field(default_factory=dict)  # table -> rows made there only
    #: filled by ``apply``: the approvals that lapsed ({"claim", "from", "reason", "comment_id"} each)
    lapsed: list[dict] = dataclasses.field(default_factory=list)
    #: filled by ``apply``: what it wrote, for ``undo``
    journal: Journal | None = None
    #: who the other copy is, for the exchange marks (``handoff``): its last author other than us, or a hand-off's sender
    partner: str = ""

    @property
    def nothing(self) -> bool:
        """True when the other copy holds nothing this one lacks."""
        return not self.incoming

    @property
    def fast_forward(self) -> bool:
        return bool(self.incoming) and self.ours_only == 0

    def summary(self) -> Text:
        if self.nothing:
            return N_("Nothing to merge: this project already holds everything in {name}.", name=self.other.name)
        parts = ", ".join(f"{n} {kind}" for kind, n in sorted(self.counts.items()))
        return N_("{n} changes would come in from {name} ({parts}); {c} conflicts.", n=len(self.incoming),
                  name=self.other.name, parts=parts, c=len(self.conflicts))


@dataclasses.dataclass
class Journal:
    """What one merge wrote, so that it can be taken back whole while nothing was done after it."""

    seq_before: int
    exchanges_before: int
    head_after: str = ""
    #: (table, key) -> the row before the merge first changed it (None: there was none)
    before: dict[tuple[str, str], dict | None] = dataclasses.field(default_factory=dict)
    inserted: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    blobs: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class Edited:
    """A resolution that is neither side's value: what the person typed."""

    value: object


# --- reading the other copy -------------------------------------------------------------


def _open_other(project, path: pathlib.Path) -> tuple:
    """The other copy opened read-only (an older file is upgraded in a temporary copy, never in place)."""
    from factcheck.core.project import Project

    try:
        return Project.open(path, user=project.user, read_only=True), None
    except ProjectTooNew:
        raise MergeRefused(N_("{name} was saved by a newer version of factcheck; update factcheck to merge it.",
                              name=path.name)) from None
    except ProjectReadOnly:
        pass  # an older file: it needs its migrations, which a read-only open cannot run
    tmp = tempfile.mkdtemp(prefix="factcheck-merge-")
    copy = pathlib.Path(tmp) / path.name
    src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(copy)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    try:
        # Upgraded here rather than by a writable open, which would also back the copy up.
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            from sqlite_utils import Database

            migrations.migration_set().apply(Database(conn))
            conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION}")
        finally:
            conn.close()
        return Project.open(copy, user=project.user, read_only=True), tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _event_rows(store) -> list[tuple]:
    """(seq, id, parents, at, actor, action, entity, entity_id, data text) of every event, in order."""
    return store.execute(
        "SELECT seq, id, parents, at, actor, action, entity, entity_id, data FROM events ORDER BY seq").fetchall()


# --- units: what an event changed ----------------------------------------------------------


def _key(value: object) -> str:
    """One spelling of a unit's value, for comparing (lists and tuples alike)."""
    return events.canonical(value)


def _created(table: str, row_id: str, defaults: dict, after: dict):
    """The units of a row made whole by one event: it exists, each field as made, not deleted."""
    yield table, row_id, CREATED, None
    for field, default in defaults.items():
        yield table, row_id, field, after.get(field, default)
    yield table, row_id, "deleted", False


def touches(action: str, entity_id: str, data: dict) -> Iterator[tuple[str, str, str, object]]:
    """(table, row id, unit, value it left or UNKNOWN) for every unit an event changed."""
    after = data.get("after") if isinstance(data.get("after"), dict) else {}
    if action == "project.create":
        for key, value in (data.get("settings") or {}).items():
            yield "settings", key, "value", value
    elif action == "settings.update":
        yield "settings", entity_id, "value", data.get("after")
    elif action == "project.merge":
        for entry in data.get("units", ()):
            yield entry[0], entry[1], entry[2], entry[3]
    elif action == "article.import":
        yield from _created("articles", entity_id, dict.fromkeys(_ARTICLE_FIELDS, ""), after)
    elif action == "article.update":
        for field, value in after.items():
            yield "articles", entity_id, field, value
    elif action in ("article.delete", "article.restore"):
        yield "articles", entity_id, "deleted", action == "article.delete"
    elif action == "article.add_version":
        for claim_id in data.get("claims", {}):
            yield "claims", claim_id, "anchor", UNKNOWN
    elif action == "claim.create":
        yield "claims", entity_id, CREATED, None
        for field, default in _CLAIM_DEFAULTS.items():
            yield "claims", entity_id, field, after.get(field, default)
        yield "claims", entity_id, "anchor", [after.get(k) for k in ("version_id", "start", "end", "exact")]
        yield "claims", entity_id, "status", model.DRAFT
        yield "claims", entity_id, "deleted", False
    elif action == "claim.update":
        for field, value in after.items():
            yield "claims", entity_id, field, value
        if data.get("reopened_from"):
            yield "claims", entity_id, "status", model.IN_REVIEW
    elif action in ("claim.delete", "claim.restore"):
        yield "claims", entity_id, "deleted", action == "claim.delete"
    elif action == "claim.reanchor":
        yield "claims", entity_id, "anchor", [after.get(k) for k in ("version_id", "start", "end", "exact")]
        if data.get("reopened_from"):
            yield "claims", entity_id, "status", model.IN_REVIEW
    elif action.startswith("claim.") and action[6:] in workflow.TRANSITIONS:
        yield "claims", entity_id, "status", after.get("status", UNKNOWN)
    elif action in ("comment.resolve", "comment.reopen"):
        yield "comments", data["comment_id"], "resolved", action == "comment.resolve"
    elif action == "task.tick":
        yield "claim_tasks", f"{entity_id} {data['task_id']}", "done", bool(data.get("done"))
    elif action == "source.create":
        yield from _created("sources", entity_id, _SOURCE_DEFAULTS, after)
    elif action == "source.update":
        for field, value in after.items():
            yield "sources", entity_id, field, value
    elif action in ("source.delete", "source.restore"):
        deleted = action == "source.delete"
        yield "sources", entity_id, "deleted", deleted
        for citation_id in data.get("citations", ()):
            yield "citations", citation_id, "deleted", deleted
    elif action == "citation.create":
        citation_id = data["citation_id"]
        yield from _created("citations", citation_id, dict.fromkeys(_CITATION_FIELDS, ""), after)
    elif action == "citation.update":
        for field, value in after.items():
            yield "citations", data["citation_id"], field, value
    elif action in ("citation.delete", "citation.restore"):
        yield "citations", data["citation_id"], "deleted", action == "citation.delete"


def _columns(table: str, unit: str) -> tuple[str, ...]:
    if unit == "deleted":
        return ("deleted_at",)
    if table == "claims" and unit == "anchor":
        return _ANCHOR
    if table == "claims" and unit == "status":
        return _STATUS
    if table == "comments" and unit == "resolved":
        return ("resolved_at", "resolved_by")
    if table == "claim_tasks":
        return ("done_at", "done_by")
    if table == "settings":
        return ("value",)
    return (unit,)


def unit_value(table: str, unit: str, row: dict | None) -> object:
    """A unit's value as ``touches`` spells it, read from a table row (None: the row does not exist)."""
    if table == "claim_tasks":
        return row is not None
    if row is None:
        return UNKNOWN
    if unit == "deleted":
        return row["deleted_at"] is not None
    if table == "claims" and unit == "anchor":
        return [row["version_id"], row["start"], row["end"], row["exact"]]
    if table == "claims" and unit == "status":
        return row["status"]
    if table == "comments" and unit == "resolved":
        return row["resolved_at"] is not None
    if table == "settings":
        return json.loads(row["value"])
    value = row.get(unit)
    if unit == "tags" and isinstance(value, str):
        return json.loads(value)
    if unit == "confidential":
        return bool(value)
    return value


def read_row(store, table: str, row_id: str) -> dict | None:
    if table == "claim_tasks":
        claim_id, task_id = row_id.split(" ", 1)
        sql, params = "SELECT * FROM claim_tasks WHERE claim_id = ? AND task_id = ?", (claim_id, task_id)
    elif table == "settings":
        sql, params = "SELECT * FROM settings WHERE key = ?", (row_id,)
    else:
        sql, params = f"SELECT * FROM {table} WHERE id = ?", (row_id,)
    cursor = store.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row))


# --- plan -----------------------------------------------------------------------------------


def plan(project, other_path) -> MergePlan:
    """What merging ``other_path`` (a copy, or a hand-off file) into ``project`` would bring in, and its conflicts.

    Writes nothing to either file.
    """
    other_path = pathlib.Path(other_path)
    if other_path.resolve() == pathlib.Path(project.path).resolve():
        raise MergeRefused(N_("{name} is this project itself; choose a copy of it to merge.", name=other_path.name))
    if handoff.is_handoff(other_path):
        return _plan(project, _HandoffSide(handoff.read(other_path)), other_path)
    other, tmp = _open_other(project, other_path)
    try:
        return _plan(project, _CopySide(other), other_path)
    finally:
        other.close()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


class _CopySide:
    """The other side of a merge: another copy of the project, opened read-only."""

    def __init__(self, other):
        self.other, self.store = other, other.store

    def event_rows(self) -> list[tuple]:
        return _event_rows(self.store)

    def check(self, ours_rows: list[tuple], theirs_rows: list[tuple], name: str) -> set[str]:
        """Refuse what cannot be merged; the ids of every event the other side holds."""
        if not ours_rows or not theirs_rows or ours_rows[0][1] != theirs_rows[0][1]:
            raise MergeRefused(N_("{name} is not a copy of this project: they share no history.", name=name))
        verdict = self.other.verify()
        if not verdict.ok:
            raise MergeRefused(N_("{name} cannot be merged: its history is damaged ({problem})",
                                  name=name, problem=str(verdict)))
        return {r[1] for r in theirs_rows}

    def head(self, theirs_rows: list[tuple]) -> str:
        return theirs_rows[-1][1]

    def read_row(self, table: str, row_id: str) -> dict | None:
        return read_row(self.store, table, row_id)

    def rows(self, table: str) -> Iterator[dict]:
        cursor = self.store.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        return (dict(zip(names, r)) for r in cursor)

    def blob_names(self) -> list[str]:
        return [r[0] for r in self.store.execute("SELECT sha256 FROM blobs")]

    def blob(self, sha: str) -> tuple | None:
        return self.store.execute("SELECT sha256, mime, size, filename, data FROM blobs WHERE sha256 = ?",
                                  (sha,)).fetchone()

    def sender(self, incoming: list[tuple], user: str, name: str) -> str:
        """Who the other copy is, as a partner: the last person other than us who wrote in it, else its file's name."""
        for r in reversed(incoming):
            if r[4] != user and r[5] != "project.merge":
                return r[4]
        return pathlib.Path(name).stem


class _HandoffSide:
    """The other side of a merge: a hand-off file, read and checked (``handoff.read``)."""

    def __init__(self, received: handoff.Received):
        self.received = received
        self.index: dict[str, dict[str, dict]] = {}
        for table, rows in received.rows.items():
            if not isinstance(rows, list):
                continue
            if table == "claim_tasks":
                self.index[table] = {f"{r['claim_id']} {r['task_id']}": r for r in rows}
            elif table == "settings":
                self.index[table] = {r["key"]: r for r in rows}
            elif table != "blobs":
                self.index[table] = {r["id"]: r for r in rows}

    def event_rows(self) -> list[tuple]:
        return self.received.event_rows

    def check(self, ours_rows: list[tuple], theirs_rows: list[tuple], name: str) -> set[str]:
        if not ours_rows or self.received.project_id != ours_rows[0][1]:
            raise MergeRefused(N_("{name} holds changes of another project, not of this one; nothing was merged.",
                                  name=name))
        parents = {r[1]: events.parent_ids(r[2]) for r in ours_rows}
        return handoff.check_base(self.received, parents)

    def head(self, theirs_rows: list[tuple]) -> str:
        return self.received.head

    def read_row(self, table: str, row_id: str) -> dict | None:
        return self.index.get(table, {}).get(row_id)

    def rows(self, table: str) -> Iterator[dict]:
        return iter(self.index.get(table, {}).values())

    def blob_names(self) -> list[str]:
        return list(self.received.blob_names)

    def blob(self, sha: str) -> tuple | None:
        return self.received.blob(sha)

    def sender(self, incoming: list[tuple], user: str, name: str) -> str:
        return self.received.sender


def _plan(project, side, other_path: pathlib.Path) -> MergePlan:
    ours_rows = _event_rows(project.store)
    theirs_rows = side.event_rows()
    theirs_ids = side.check(ours_rows, theirs_rows, other_path.name)
    ours_ids = {r[1] for r in ours_rows}
    result = MergePlan(other_path, ours_rows[0][1], ours_rows[-1][1], side.head(theirs_rows))
    result.incoming = [r for r in theirs_rows if r[1] not in ours_ids]
    result.partner = side.sender(result.incoming, project.user, other_path.name)
    if not result.incoming:
        return result
    ours_only = [r for r in ours_rows if r[1] not in theirs_ids]
    result.ours_only = len(ours_only)
    counts: dict[str, int] = {}
    for r in result.incoming:
        kind = r[5].split(".")[0]
        counts[kind] = counts.get(kind, 0) + 1
    result.counts = counts
    # Who touched what since the copies parted.
    touched = result.touched
    for side_name, rows in ((OURS, ours_only), (THEIRS, result.incoming)):
        for r in rows:
            for table, row_id, unit, _ in touches(r[5], r[7], json.loads(r[8])):
                was = touched.get((table, row_id, unit))
                touched[(table, row_id, unit)] = side_name if was in (None, side_name) else "both"
    # The base value of units both sides touched: what the last common event touching them left.
    both = result.both = {k for k, who in touched.items() if who == "both"}
    if both:
        for r in ours_rows:
            if r[1] in theirs_ids:
                for table, row_id, unit, value in touches(r[5], r[7], json.loads(r[8])):
                    if (table, row_id, unit) in both:
                        result.base[(table, row_id, unit)] = value
    # Compare values where both sides touched a unit; a deleted row edited on the other side.
    their_rows: dict[str, dict[str, dict]] = {}
    cache: dict[tuple[str, str, str], dict | None] = {}

    def row(which: str, table: str, row_id: str) -> dict | None:
        key = (which, table, row_id)
        if key not in cache:
            cache[key] = read_row(project.store, table, row_id) if which == OURS else side.read_row(table, row_id)
        return cache[key]

    rows_touched: dict[tuple[str, str], set[str]] = {}
    for (table, row_id, unit), who in touched.items():
        rows_touched.setdefault((table, row_id), set()).add(unit)
        if who != OURS:  # what the other side left, where it touched something
            their_rows.setdefault(table, {})[row_id] = row(THEIRS, table, row_id)
    for (table, row_id, unit), who in sorted(touched.items()):
        if who != "both" or unit == CREATED:
            continue
        ours_v = unit_value(table, unit, row(OURS, table, row_id))
        theirs_v = unit_value(table, unit, row(THEIRS, table, row_id))
        if _key(ours_v) == _key(theirs_v):
            continue
        base = result.base.get((table, row_id, unit), UNKNOWN)
        if base is not UNKNOWN and _key(base) == _key(ours_v):
            touched[(table, row_id, unit)] = THEIRS  # ours is back where it was: theirs stands
            continue
        if base is not UNKNOWN and _key(base) == _key(theirs_v):
            touched[(table, row_id, unit)] = OURS
            continue
        result.conflicts.append(_conflict(table, row_id, unit, base, ours_v, theirs_v))
    # Deleted on one side, edited on the other.
    for (table, row_id), units in rows_touched.items():
        who = touched.get((table, row_id, "deleted"))
        if who not in (OURS, THEIRS) or CREATED in units:
            continue
        deleter_row = row(who, table, row_id)
        other_side = THEIRS if who == OURS else OURS
        if deleter_row is None or deleter_row.get("deleted_at") is None:
            continue
        edited = [u for u in units if u != "deleted" and touched[(table, row_id, u)] in (other_side, "both")]
        kept = row(other_side, table, row_id)
        if edited and kept is not None and kept.get("deleted_at") is None:
            ours_v, theirs_v = (True, False) if who == OURS else (False, True)
            result.conflicts.append(_conflict(table, row_id, "deleted", False, ours_v, theirs_v))
    result.their_rows = their_rows
    for table in NEW_ROWS:
        ours_have = {r[0] for r in project.store.execute(f"SELECT id FROM {table}")}
        result.new_rows[table] = [r for r in side.rows(table) if r["id"] not in ours_have]
    have = {r[0] for r in project.store.execute("SELECT sha256 FROM blobs")}
    result.their_blobs = [b for b in (side.blob(sha) for sha in side.blob_names() if sha not in have) if b]
    return result


def _show(value: object) -> str:
    if value is UNKNOWN or value is None or value == "" or value == []:
        return N_("empty")
    if isinstance(value, bool):
        return N_("yes") if value else N_("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _conflict(table: str, row_id: str, unit: str, base: object, ours: object, theirs: object) -> Conflict:
    kind = _KIND_NAMES.get(table, table)
    field = UNIT_NAMES.get(unit, unit.replace("_", " "))
    if unit == "deleted":
        sentence = N_("The {kind} {id} was deleted in one copy and edited in the other: keep it or delete it.",
                      kind=kind, id=row_id[:8])
    else:
        sentence = N_("The {field} of {kind} {id} was changed in both copies: here “{ours}”, there “{theirs}” "
                      "(before: “{base}”).", field=field, kind=kind, id=row_id[:8], ours=_show(ours),
                      theirs=_show(theirs), base=_show(base))
    return Conflict(table, row_id, unit, None if base is UNKNOWN else base, ours, theirs, sentence)


# --- apply ----------------------------------------------------------------------------------


def apply(project, merge_plan: MergePlan, resolutions: dict | None = None):
    """Carry out a plan in one transaction; ``resolutions``: conflict key -> OURS, THEIRS or ``Edited``.

    Refuses (``MergeRefused``) while a conflict has no resolution, or when either file
    changed since the plan was made.
    """
    resolutions = dict(resolutions or {})
    unresolved = [c for c in merge_plan.conflicts if c.key not in resolutions]
    if unresolved:
        raise MergeRefused(N_("{n} conflicts need a choice before merging; the first: {sentence}",
                              n=len(unresolved), sentence=unresolved[0].sentence))
    if merge_plan.nothing:
        return model.Changes(action="project.merge")
    store = project.store
    with store.transaction():
        if events.head(store) != merge_plan.ours_head:
            raise MergeRefused(N_("This project changed since the merge was planned; plan it again."))
        merged = _Merge(project, merge_plan, resolutions)
        journal = merged.journal
        merged.write_rows()
        merged.write_units()
        merged.review_rules()
        seq = None
        for r in merge_plan.incoming:
            _, event_id, parents, at, actor, action, entity, entity_id, data = r
            seq = events.adopt(store, at, actor, action, entity, entity_id, data, parents, event_id)
        if not merge_plan.fast_forward:
            seq = events.append(
                store, project.user, "project.merge", "project", "",
                {"other": merge_plan.other.name, "incoming": len(merge_plan.incoming), "counts": merge_plan.counts,
                 "units": merged.recorded, "resolved": merged.resolved, "lapsed": merged.lapsed},
                parents=[merge_plan.ours_head, merge_plan.theirs_head])
        handoff.record(project, merge_plan.partner, handoff.RECEIVED, merge_plan.theirs_head,
                       len(merge_plan.incoming), merge_plan.other.name)
        journal.head_after = events.head(store)
    merge_plan.lapsed = list(merged.lapsed)
    merge_plan.journal = journal
    project.forget_cached_settings()
    return model.Changes(action="project.merge", what=model.What.EVERYTHING, event_seq=seq,
                         articles=frozenset(merged.articles), claims=frozenset(merged.claims),
                         sources=frozenset(merged.sources))


class _Merge:
    """The writes of one merge, inside its transaction."""

    def __init__(self, project, merge_plan: MergePlan, resolutions: dict):
        self.project, self.plan, self.store = project, merge_plan, project.store
        self.resolutions = resolutions
        self.recorded: list[list] = []  # [table, id, unit, value] for the merge event
        self.resolved: list[dict] = []
        self.lapsed: list[dict] = []
        self.articles: set[str] = set()
        self.claims: set[str] = set()
        self.sources: set[str] = set()
        #: claim id -> who the merged verdict (rating, summary) came from: OURS, THEIRS or the merging user
        self.verdict_from: dict[str, str] = {}
        self.status_from: dict[str, str] = {}
        self.journal = Journal(
            self.store.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0],
            self.store.execute("SELECT coalesce(max(id), 0) FROM exchanges").fetchone()[0])
        self._inserted: set[tuple[str, str]] = set()

    def _keep(self, table: str, key: str) -> None:
        """Note a row as it was before this merge first changes it (for ``undo``)."""
        if (table, key) not in self.journal.before and (table, key) not in self._inserted:
            self.journal.before[(table, key)] = read_row(self.store, table, key)

    def _made(self, table: str, key: str) -> None:
        self.journal.inserted.append((table, key))
        self._inserted.add((table, key))

    def write_rows(self) -> None:
        for sha, mime, size, filename, data in self.plan.their_blobs:
            if not self.store.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (sha,)).fetchone():
                self.journal.blobs.append(sha)
            self.store.execute("INSERT OR IGNORE INTO blobs (sha256, mime, size, filename, data) VALUES (?, ?, ?, ?, ?)",
                               (sha, mime, size, filename, data))
        for table in NEW_ROWS:
            rows = self.plan.new_rows[table]
            if table == "versions":
                rows = [self._numbered(r) for r in rows]
            for row in rows:
                columns = ", ".join(f'"{c}"' for c in row)
                self.store.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})",
                                   tuple(row.values()))
                self._made(table, row["id"])
                self._note(table, row["id"] if table not in ("citations", "comments", "corrections")
                           else row["claim_id"])

    def _numbered(self, row: dict) -> dict:
        """A version from the other side, numbered after this side's when both added one to the article."""
        taken = self.store.execute("SELECT 1 FROM versions WHERE article_id = ? AND number = ?",
                                   (row["article_id"], row["number"])).fetchone()
        if taken:
            top = self.store.execute("SELECT max(number) FROM versions WHERE article_id = ?",
                                     (row["article_id"],)).fetchone()[0]
            row = {**row, "number": top + 1}
        return row

    def _note(self, table: str, row_id: str) -> None:
        if table in ("articles", "versions"):
            self.articles.add(row_id if table == "articles" else "")
        elif table in ("claims", "citations", "comments", "corrections", "claim_tasks"):
            self.claims.add(row_id.split(" ")[0])
        elif table == "sources":
            self.sources.add(row_id)

    def write_units(self) -> None:
        conflicts = {c.key: c for c in self.plan.conflicts}
        for (table, row_id, unit), who in sorted(self.plan.touched.items()):
            key = (table, row_id, unit)
            conflict = conflicts.get(key)
            if unit == CREATED:
                continue
            if who == OURS and conflict is None:
                if key in self.plan.both:  # back at its base on their side: ours stands, replay must know
                    self._record(table, row_id, unit)
                continue
            if conflict is not None:
                choice = self.resolutions[key]
                self.resolved.append({"table": table, "id": row_id, "field": unit,
                                      "chose": choice if isinstance(choice, str) else "edited"})
                if choice == OURS:
                    self._record(table, row_id, unit)
                    if unit in ("rating", "verdict_summary"):
                        self.verdict_from[row_id] = OURS
                    continue
                if isinstance(choice, Edited):
                    self._set(table, row_id, unit, {_columns(table, unit)[0]: self._typed(table, row_id, unit, choice.value)})
                    self.resolved[-1]["value"] = choice.value
                    if unit in ("rating", "verdict_summary"):
                        self.verdict_from[row_id] = "edited"
                    self._record(table, row_id, unit)
                    continue
            elif who == "both":  # same value on both sides: nothing to write, but replay must know
                self._record(table, row_id, unit)
                continue
            theirs = self.plan.their_rows.get(table, {}).get(row_id)
            if table == "claim_tasks":
                self._tick(row_id, theirs)
            elif theirs is not None:
                self._set(table, row_id, unit, {c: theirs[c] for c in _columns(table, unit)})
            if table == "claims" and unit in ("rating", "verdict_summary"):
                self.verdict_from.setdefault(row_id, THEIRS)
            if table == "claims" and unit == "status":
                self.status_from[row_id] = THEIRS
            if key in self.plan.both or conflict is not None:
                self._record(table, row_id, unit)

    def _typed(self, table: str, row_id: str, unit: str, value: object) -> object:
        """A value a person typed to settle a conflict, validated as the field's own editor would, as stored."""
        if unit == "deleted":
            return model.now() if value else None
        if table == "claims" and unit in model.CLAIM_EDITABLE:
            return claims.clean({unit: value}, self.project.scale)[unit]
        if table == "sources" and unit in model.SOURCE_EDITABLE:
            return sources.clean_source({unit: value})[unit]
        if table == "citations" and unit in model.CITATION_EDITABLE:
            return sources.clean_citation({unit: value})[unit]
        if table == "articles" and unit in _ARTICLE_FIELDS:
            return articles.clean({unit: value})[unit]
        if table == "settings":
            return events.canonical(settings.clean(row_id, value))
        raise InvalidInput(N_("Pick one copy's {field}: it cannot be typed in.",
                              field=UNIT_NAMES.get(unit, unit.replace("_", " "))))

    def _set(self, table: str, row_id: str, unit: str, values: dict) -> None:
        self._keep(table, row_id)
        if table == "settings":
            self.store.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (row_id, values["value"]))
            return
        exists = self.store.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if not exists:
            return
        sets = ", ".join(f'"{c}" = ?' for c in values)
        params: tuple = (*values.values(),)
        theirs = self.plan.their_rows.get(table, {}).get(row_id)
        extra = ""
        if table == "claims":  # a new revision; who and when: the later of the two sides
            extra = (", revision = revision + 1, updated_by = CASE WHEN ? > updated_at THEN ? ELSE updated_by END, "
                     "updated_at = max(updated_at, ?)")
            stamp = theirs["updated_at"] if theirs else ""
            params += (stamp, theirs["updated_by"] if theirs else "", stamp)
        elif table == "sources" and theirs:
            extra = ", updated_at = max(updated_at, ?)"
            params += (theirs["updated_at"],)
        self.store.execute(f"UPDATE {table} SET {sets}{extra} WHERE id = ?", (*params, row_id))
        self._note(table, row_id)

    def _tick(self, row_id: str, theirs: dict | None) -> None:
        claim_id, task_id = row_id.split(" ", 1)
        self._keep("claim_tasks", row_id)
        self.store.execute("DELETE FROM claim_tasks WHERE claim_id = ? AND task_id = ?", (claim_id, task_id))
        if theirs is not None:
            self.store.execute("INSERT INTO claim_tasks (claim_id, task_id, done_at, done_by) VALUES (?, ?, ?, ?)",
                               (claim_id, task_id, theirs["done_at"], theirs["done_by"]))
        self._note("claim_tasks", row_id)

    def _record(self, table: str, row_id: str, unit: str) -> None:
        """Note a unit's merged value in the merge event (read back from the table, as written)."""
        row = read_row(self.store, table, row_id)
        value = unit_value(table, unit, row)
        entry = [table, row_id, unit, None if value is UNKNOWN else value]
        if table == "claims" and unit == "anchor" and row is not None:
            entry.append({c: row[c] for c in _ANCHOR})
        self.recorded.append(entry)

    def review_rules(self) -> None:
        """Approvals of a verdict the other side changed lapse; four-eyes over both sides' authors."""
        four_eyes = bool(self.project.setting("four_eyes"))
        touched = self.plan.touched
        claim_ids = {row_id for (table, row_id, unit) in touched if table == "claims"}
        for claim_id in sorted(claim_ids):
            row = read_row(self.store, "claims", claim_id)
            if row is None:
                continue
            author = self._verdict_author(claim_id, row)
            if author != row["verdict_by"]:  # who wrote the verdict that stands: four-eyes looks at both sides
                self._keep("claims", claim_id)
                self.store.execute("UPDATE claims SET verdict_by = ? WHERE id = ?", (author, claim_id))
            if row["status"] not in (model.APPROVED, model.PUBLISHED):
                continue
            status_side = touched.get(("claims", claim_id, "status"))
            verdict_sides = {touched.get(("claims", claim_id, f)) for f in workflow.VERDICT_FIELDS} - {None}
            approver_side = THEIRS if status_side == THEIRS else OURS if status_side == OURS else None
            changed_elsewhere = approver_side is not None and any(s != approver_side for s in verdict_sides)
            if self.plan.fast_forward:
                continue  # only their side changed: their review stands as they left it (no merge event to record more)
            breaks_four_eyes = four_eyes and author is not None and author == row["approved_by"]
            if not changed_elsewhere and not breaks_four_eyes:
                continue
            if changed_elsewhere:
                reason = N_("The approval by {approver} lapsed when copies were merged: the verdict was changed in "
                            "the other copy since.", approver=row["approved_by"] or "?")
            else:
                reason = N_("The approval by {approver} lapsed when copies were merged: {approver} also wrote the "
                            "verdict (four-eyes rule).", approver=row["approved_by"] or "?")
            now = model.now()
            self._keep("claims", claim_id)
            self.store.execute(
                "UPDATE claims SET status = ?, approved_at = NULL, approved_by = NULL, updated_at = ?, updated_by = ?, "
                "revision = revision + 1 WHERE id = ?", (model.IN_REVIEW, now, self.project.user, claim_id))
            comment_id = model.new_id()
            self.store.execute(
                "INSERT INTO comments (id, claim_id, parent_id, author, created_at, body, kind) "
                "VALUES (?, ?, NULL, ?, ?, ?, 'review')", (comment_id, claim_id, self.project.user, now, str(reason)))
            self._made("comments", comment_id)
            self.lapsed.append({"claim": claim_id, "from": row["status"], "reason": reason,
                                "comment_id": comment_id})
            self.recorded = [e for e in self.recorded if e[:3] != ["claims", claim_id, "status"]]
            self.recorded.append(["claims", claim_id, "status", model.IN_REVIEW])
            self.claims.add(claim_id)

    def _verdict_author(self, claim_id: str, row: dict) -> str | None:
        source = self.verdict_from.get(claim_id)
        if source == THEIRS:
            theirs = self.plan.their_rows.get("claims", {}).get(claim_id)
            return theirs["verdict_by"] if theirs else row["verdict_by"]
        if source == "edited":
            return self.project.user
        return row["verdict_by"]


def undo(project, journal: Journal) -> model.Changes:
    """Take a merge back whole, in one transaction: its events, rows, values and blobs, as if it never happened.

    Only while it is the last thing done to the project (``Conflict`` otherwise): then
    nothing was built on it, and removing its events from the end of the log leaves the
    history as it was before. The other copy still holds everything, so merging it again
    brings it all back. Undoing by new events that reverse each change instead would, at
    the next merge, carry those reversals to the other copy as if its author's work had
    been undone there.
    """
    store = project.store
    with store.transaction():
        if events.head(store) != journal.head_after:
            raise Changed(N_("The project changed after the merge, so the merge can no longer be undone; "
                             "a backup from before it can be restored (File > Restore from backup…)."))
        store.execute("DELETE FROM events WHERE seq > ?", (journal.seq_before,))
        store.execute("DELETE FROM exchanges WHERE id > ?", (journal.exchanges_before,))
        # Rows changed go back first: they may point at rows the merge brought in.
        for (table, key), row in journal.before.items():
            _restore(store, table, key, row)
        for table, key in reversed(journal.inserted):
            store.execute(f"DELETE FROM {table} WHERE id = ?", (key,))
        for sha in journal.blobs:
            store.execute("DELETE FROM blobs WHERE sha256 = ?", (sha,))
    project.forget_cached_settings()
    touched = {(t, k.split(" ")[0]) for t, k in [*journal.before, *journal.inserted]}
    return model.Changes(
        action="project.merge", what=model.What.EVERYTHING, event_seq=journal.seq_before,
        articles=frozenset(k for t, k in touched if t == "articles"),
        claims=frozenset(k for t, k in touched if t in ("claims", "claim_tasks")),
        sources=frozenset(k for t, k in touched if t == "sources"))


def _restore(store, table: str, key: str, row: dict | None) -> None:
    if table == "claim_tasks":
        claim_id, task_id = key.split(" ", 1)
        store.execute("DELETE FROM claim_tasks WHERE claim_id = ? AND task_id = ?", (claim_id, task_id))
    elif table == "settings":
        store.execute("DELETE FROM settings WHERE key = ?", (key,))
    elif row is None:
        store.execute(f"DELETE FROM {table} WHERE id = ?", (key,))
        return
    if row is None:
        return
    if table in ("claim_tasks", "settings"):
        store.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                      tuple(row.values()))
        return
    sets = ", ".join(f'"{c}" = ?' for c in row if c != "id")
    store.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*(v for c, v in row.items() if c != "id"), key))


def merge(project, other_path, resolutions: dict | None = None, *, prefer: str | None = None):
    """Plan and apply in one go; ``prefer`` (OURS/THEIRS) settles every conflict the same way."""
    merge_plan = plan(project, other_path)
    if prefer is not None:
        resolutions = {**{c.key: prefer for c in merge_plan.conflicts}, **(resolutions or {})}
    return merge_plan, apply(project, merge_plan, resolutions)
