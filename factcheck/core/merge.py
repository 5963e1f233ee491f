"""Merge two copies of a project: union of their events by id, three-way merge of their state field by field.

Copies recognise their common past by event ids (``events.py``): the events both hold
are the *base*; each copy's other events are what it did since they parted. Those events
say which fields (*units*: a claim's rating, its anchor, its review status, whether it is
deleted...) each side changed; the tables hold the values each side has now; the base
value of a unit is what the last common event touching it left. Per unit: changed on one
side -> that side's value; changed on both to the same value -> nothing to decide; to
different values -> a ``Conflict`` (unless one side is back at the base value). A row
deleted on one side and edited on the other, or worked on inside (an article's claims or
a new version of it, a claim's comments, citations and tasks, a source's citations), is a
conflict on whether it stays deleted. Rows made on one side only (articles, versions,
claims, sources, citations, comments, corrections, evidence blobs) come in whole;
identical blobs are stored once. Versions of one article added on both sides are numbered
alike in both copies (``version_order``); a claim left on a version that is no longer its
article's current one moves onto it as a new version moves claims, and the merge event
records where.

Review rules hold across copies: an approval (or publication) lapses (back to review, with
a comment saying why) when the verdict that stands is not the one its copy approved, as
does one that breaks the four-eyes rule once both sides' authors are known; public
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

import contextlib
import dataclasses
import hashlib
import json
import pathlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from typing import NoReturn

from factcheck.core import (anchoring, articles, claims, events, handoff, migrations, model, settings, sources,
                            timeline, workflow)
from factcheck.core.errors import Conflict as Changed
from factcheck.core.errors import InvalidInput, KnownError, ProjectReadOnly, ProjectTooNew
from factcheck.core.text import N_, Text
from factcheck.core.units import (_ARTICLE_FIELDS, _CITATION_FIELDS, _CLAIM_DEFAULTS, _SOURCE_DEFAULTS, CREATED,
                                  UNKNOWN, touches)

OURS = "ours"
THEIRS = "theirs"

#: Tables whose rows come in whole when the other side made them, in the order foreign keys need.
NEW_ROWS = ("articles", "versions", "sources", "claims", "citations", "comments", "corrections", "attachments")
_ANCHOR = ("version_id", "start", "end", "exact", "prefix", "suffix", "anchor_state", "anchor_score")
_STATUS = ("status", "submitted_at", "submitted_by", "approved_at", "approved_by", "published_at", "published_by")
#: Units a person can read, named as the app names them (fields: as the history names them).
UNIT_NAMES = {
    **timeline.FIELD_NAMES, **timeline.UNITS,
    "status": N_("review status"), "resolved": N_("resolved"), "done": N_("ticked"), "value": N_("value"),
    "factcheck_url": N_("fact-check URL"),
}
_KIND_NAMES = {"articles": N_("article"), "claims": N_("claim"), "sources": N_("source"), "citations": N_("citation"),
               "comments": N_("comment"), "claim_tasks": N_("task"), "settings": N_("setting"),
               "attachments": N_("attachment")}


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
    #: the SHA-256 of the evidence files to bring in (named by attachments, held there, lacking here)
    their_files: list[str] = dataclasses.field(default_factory=list)
    #: where ``apply`` streams those files from (``_CopyFiles`` or a ``handoff.Received``)
    files_from: object = dataclasses.field(default=None, repr=False)
    new_rows: dict[str, list[dict]] = dataclasses.field(default_factory=dict)  # table -> rows made there only
    #: article id -> the other side's versions of it as (number, id, imported_at), where it brings new ones
    their_versions: dict[str, list[tuple]] = dataclasses.field(default_factory=dict)
    #: article id -> the version current in the other copy, for every article either side added a version to
    their_current: dict[str, str] = dataclasses.field(default_factory=dict)
    #: source id -> the citations its deletion withdrew, for a source whose deletion is a conflict
    withdrawn: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    #: filled by ``apply``: the approvals that lapsed ({"claim", "from", "reason", "comment_id"} each)
    lapsed: list[dict] = dataclasses.field(default_factory=list)
    #: filled by ``apply``: what it wrote, for ``undo``
    journal: Journal | None = None
    #: who the other copy is, for the exchange marks (``handoff``): its last author other than us, or a hand-off's sender
    partner: str = ""

    @property
    def nothing(self) -> bool:
        """True when the other copy holds nothing this one lacks."""
        return not self.incoming and not self.their_files

    @property
    def fast_forward(self) -> bool:
        return bool(self.incoming) and self.ours_only == 0

    def summary(self) -> Text:
        if self.nothing:
            return N_("Nothing to merge: this project already holds everything in {name}.", name=self.other.name)
        if not self.incoming:
            return N_("{n} attached files would come in from {name}: this copy has their attachments but not "
                      "their bytes.", n=len(self.their_files), name=self.other.name)
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
    files: list[str] = dataclasses.field(default_factory=list)  # evidence files it stored


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


# --- units: what an event changed ----------------------------------------------------------


def _key(value: object) -> str:
    """One spelling of a unit's value, for comparing (lists and tuples alike)."""
    return events.canonical(value)


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


def version_order(ours: list[tuple], theirs: list[tuple], *, fast_forward: bool = False) -> list[str]:
    """The ids of one article's versions in the order both copies number them once merged.

    Each copy numbers its versions so that a version comes after every version its author
    held when adding it. The merged order keeps both copies' orders and puts versions they
    do not order (added on both sides since the copies parted) by when they were imported,
    then by id: the same whichever copy is merged into which. A fast-forward keeps the
    other copy's numbering, as it keeps the rest of its state.

    Args:
        ours, theirs: ``(number, id, imported_at)`` of each copy's versions of the article.
    """
    stamp = {version_id: (at, version_id) for _, version_id, at in [*ours, *theirs]}
    if fast_forward:
        chain = [version_id for _, version_id, _ in sorted(theirs)]
        return chain + sorted(set(stamp) - set(chain), key=stamp.__getitem__)
    after: dict[str, set[str]] = {version_id: set() for version_id in stamp}  # the versions each comes after
    for versions in (ours, theirs):
        chain = [version_id for _, version_id, _ in sorted(versions)]
        for before, later in zip(chain, chain[1:]):
            after[later].add(before)
    order: list[str] = []
    placed: set[str] = set()
    while len(order) < len(stamp):
        left = [v for v in stamp if v not in placed]
        ready = [v for v in left if after[v] <= placed] or left  # the copies' orders disagree: by time alone
        first = min(ready, key=stamp.__getitem__)
        order.append(first)
        placed.add(first)
    return order


# --- plan -----------------------------------------------------------------------------------


def plan(project, other_path) -> MergePlan:
    """What merging ``other_path`` (a copy, or a hand-off file) into ``project`` would bring in, and its conflicts.

    Writes nothing to either file.
    """
    other_path = pathlib.Path(other_path)
    if other_path.resolve() == pathlib.Path(project.path).resolve():
        raise MergeRefused(N_("{name} is this project itself; choose a copy of it to merge.", name=other_path.name))
    if other_path.suffix == handoff.SUFFIX and other_path.is_file() and not handoff.is_handoff(other_path):
        handoff.read(other_path)  # not a zip at all (empty, cut short at its start): refused in its words
    if handoff.is_handoff(other_path):
        return _plan(project, _HandoffSide(handoff.read(other_path)), other_path)
    other, tmp = _open_other(project, other_path)
    try:
        return _plan(project, _CopySide(other, other_path), other_path)
    finally:
        other.close()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def plan_received(project, received: handoff.Received, name: str) -> MergePlan:
    """What merging changes already read and checked (a pull from a server: ``sync``) would do."""
    side = _HandoffSide(received)
    side.store = project.store
    return _plan(project, side, pathlib.Path(name))


class _CopySide:
    """The other side of a merge: another copy of the project, opened read-only.

    Only what the copies do not share is read from it: its events this copy lacks (walked
    back from its head to events both hold) and the rows those events name, as a hand-off
    of them would carry (``handoff._rows_for``). What comes in is checked, not the rest of
    the file: each event's id against its content, its parents, and each row taken against
    what its events say (``check_taken``).
    """

    checks_rows = True

    def __init__(self, other, path: pathlib.Path | None = None):
        self.other, self.store = other, other.store
        self.path = pathlib.Path(path) if path is not None else other.path
        self.index: dict[str, dict[str, dict]] = {}

    def check(self, project_id: str | None, store, name: str) -> None:
        """Refuse a file with no history, or one that is not a copy of this project."""
        theirs = events.project_id(self.store)
        if theirs is None:  # a file copied while its changes were still in its journal (-wal)
            raise MergeRefused(N_("{name} holds no history: was it copied while the project was open? Copy it "
                                  "again after closing the project, or send a hand-off (File > Send changes…).",
                                  name=name))
        if theirs != project_id:
            raise MergeRefused(N_("{name} is not a copy of this project: they share no history.", name=name))

    def head(self) -> str:
        return events.head(self.store)

    def incoming(self, store, name: str) -> list[tuple]:
        """Their events this copy lacks, in their order; refused as damaged where one's id is not its content's or
        it names a parent neither copy holds before it."""
        rows = _unshared(self.store, store, self.head())
        ids = {r[1] for r in rows}
        shared = handoff.held(store, {p for r in rows for p in events.parent_ids(r[2]) if p not in ids})
        before: set[str] = set()
        for seq, event_id, parents, at, actor, action, entity, entity_id, data in rows:
            try:
                intact = events.event_id(parents, at, actor, action, entity, entity_id, data) == event_id
            except TypeError:  # a column holds a number or bytes where text belongs
                intact = False
            if not intact:
                _damaged(name, seq, N_("its content does not match its id ({action} by {actor}): the row was "
                                       "altered, or inserted by hand.", action=action, actor=actor))
            _readable(name, seq, data)
            named = events.parent_ids(parents)
            if not named or parents != events.canonical(named) or any(
                    p not in before and p not in shared for p in named):
                _damaged(name, seq, N_("it names a parent event this history does not hold before it ({action} by "
                                       "{actor}): an event was removed, or the row was altered.",
                                       action=action, actor=actor))
            before.add(event_id)
        self.index = _index(handoff._rows_for(self.store, [list(r[1:]) for r in rows])[0])
        return rows

    def ours_only(self, store) -> list[tuple]:
        return _unshared(store, self.store, events.head(store))

    def read_row(self, table: str, row_id: str) -> dict | None:
        return read_row(self.store, table, row_id)

    def rows(self, table: str) -> Iterator[dict]:
        return iter(self.index.get(table, {}).values())

    def blob(self, sha: str) -> tuple | None:
        return self.store.execute("SELECT sha256, mime, size, filename, data FROM blobs WHERE sha256 = ?",
                                  (sha,)).fetchone()

    def has_evidence(self, sha: str) -> bool:
        return self.store.execute("SELECT 1 FROM evidence_files WHERE sha256 = ?", (sha,)).fetchone() is not None

    def files(self) -> _CopyFiles:
        return _CopyFiles(self.path)

    def sender(self, incoming: list[tuple], user: str, name: str) -> str:
        """Who the other copy is, as a partner: the last person other than us who wrote in it, else its file's name."""
        for r in reversed(incoming):
            if r[4] != user and r[5] != "project.merge":
                return r[4]
        return pathlib.Path(name).stem

    def touching(self, store, rows: set[tuple[str, str]], find) -> tuple[list[tuple], list[tuple]]:
        """(the events both copies hold, in this copy's order; every event of the other copy, in its order) that can
        touch ``rows``.

        Found in the other copy, which is open read-only (an ``entity_id`` lookup would leave
        statistics behind in this file when it closes); those this copy holds are then read
        here by id, as this copy wrote them.
        """
        theirs = _touching(self.store, rows, find)
        ids = [r[1] for r in theirs]
        shared = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            shared += store.execute("SELECT seq, id, action, entity_id, data FROM events "
                                    f"WHERE id IN ({', '.join('?' * len(chunk))})", chunk).fetchall()
        return sorted(shared), theirs

    def check_taken(self, taken: dict[tuple[str, str], dict], theirs: list[tuple], name: str) -> None:
        """Refuse the copy when a row the merge takes from it is not what its events left (edited outside factcheck).

        ``theirs``: the other copy's events that can touch those rows, in its order
        (``touching``): its own history of them, as ``replay`` would read it.
        """
        for seq, _, _, _, data in theirs:
            _readable(name, seq, data)
        state = _values(theirs, set(taken))
        for (table, row_id), row in sorted(taken.items()):
            if table == "versions":  # its text against the fingerprint taken at import
                text = row.get("text")
                kind, shown = "articles", row.get("article_id")
                fits = isinstance(text, str) and hashlib.sha256(text.encode("utf-8")).hexdigest() == row.get("sha256")
            else:
                units = state.get((table, row_id), {})
                kind, shown = table, row_id
                fits = CREATED in units and all(_agrees(unit, unit_value(table, unit, row), units[unit])
                                                for unit in _CHECKED[table] if unit in units)
            if not fits:
                raise MergeRefused(N_("{name} cannot be merged: its history is damaged (the {kind} {id} is not what "
                                      "its events say: it was changed outside factcheck).", name=name,
                                      kind=_KIND_NAMES[kind], id=str(shown)[:8]))


class _HandoffSide:
    """The other side of a merge: a hand-off file, read and checked whole (``handoff.read``)."""

    checks_rows = False

    def __init__(self, received: handoff.Received):
        self.received = received
        self.index = _index(received.rows)
        self.lacks: Iterable[str] = []  # this copy's events the sender lacks (``check``: walkable more than once)

    def check(self, project_id: str | None, store, name: str) -> None:
        if project_id is None or self.received.project_id != project_id:
            raise MergeRefused(N_("{name} holds changes of another project, not of this one; nothing was merged.",
                                  name=name))
        if self.received.local_only is not None:
            self.lacks = handoff.check_known(self.received, store)
        else:
            self.lacks = handoff.check_base(self.received, store)

    def head(self) -> str:
        return self.received.head

    def incoming(self, store, name: str) -> list[tuple]:
        have = handoff.held(store, [r[1] for r in self.received.event_rows])
        return [r for r in self.received.event_rows if r[1] not in have]

    def ours_only(self, store) -> list[tuple]:
        return events.rows_by_id(store, self.lacks)

    def read_row(self, table: str, row_id: str) -> dict | None:
        return self.index.get(table, {}).get(row_id)

    def rows(self, table: str) -> Iterator[dict]:
        return iter(self.index.get(table, {}).values())

    def blob(self, sha: str) -> tuple | None:
        return self.received.blob(sha)

    def has_evidence(self, sha: str) -> bool:
        return sha in self.received.evidence_names or sha in self.received.loaded_blobs

    def files(self) -> handoff.Received:
        return self.received

    def sender(self, incoming: list[tuple], user: str, name: str) -> str:
        return self.received.sender

    def touching(self, store, rows: set[tuple[str, str]], find) -> tuple[list[tuple], list[tuple]]:
        """(the events both copies hold that can touch ``rows``, in this copy's order; none: the file is checked)."""
        lacks = set(self.lacks)
        return [r for r in _touching(store, rows, find) if r[1] not in lacks], []


def _index(tables: dict) -> dict[str, dict[str, dict]]:
    """table -> row key -> row, of rows as a hand-off carries them (``{table: [row, ...]}``)."""
    index: dict[str, dict[str, dict]] = {}
    for table, rows in tables.items():
        if not isinstance(rows, list):
            continue
        if table == "claim_tasks":
            index[table] = {f"{r['claim_id']} {r['task_id']}": r for r in rows}
        elif table == "settings":
            index[table] = {r["key"]: r for r in rows}
        elif table not in ("blobs", "evidence"):
            index[table] = {r["id"]: r for r in rows}
    return index


def _damaged(name: str, seq: int, problem: Text) -> NoReturn:
    """Refuse the other copy: an event that would come in is not as it was written (``problem``, at its ``seq``)."""
    raise MergeRefused(N_("{name} cannot be merged: its history is damaged ({problem})", name=name,
                          problem=str(events.Verdict(False, 0, seq, problem))))


def _readable(name: str, seq: int, data: object) -> None:
    """Refuse the other copy when an event's data, which the merge reads, is not a JSON object."""
    try:
        readable = isinstance(json.loads(data), dict)
    except (TypeError, ValueError):
        readable = False
    if not readable:
        _damaged(name, seq, N_("its data is not readable (not JSON): the row was damaged."))


def _unshared(source, other, head: str | None) -> list[tuple]:
    """The events of ``source`` up to ``head`` that ``other`` lacks, in source's order.

    Both logs are whole (every event's parents are in the log before it), so an event both
    hold has only shared events before it: the walk back from the head stops there and
    reads what the copies do not share, not their whole history.
    """
    found: dict[str, tuple] = {}
    seen: set[str] = set()
    frontier = {head} if head else set()
    while frontier:
        seen |= frontier
        rows = events.rows_by_id(source, frontier - handoff.held(other, frontier))
        frontier = set()
        for r in rows:
            found[r[1]] = r
            frontier.update(p for p in events.parent_ids(r[2]) if p not in seen)
    return sorted(found.values())


def _present(store, table: str, ids: list[str]) -> set[str]:
    """Those of ``ids`` that are rows of ``table`` here (looked up by id, 500 at a time)."""
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        found.update(r[0] for r in store.execute(
            f"SELECT id FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
    return found


def _replies_last(comments: list[dict]) -> list[dict]:
    """New comments in an order their table takes them: a reply after the comment it answers (a foreign key)."""
    new = {r["id"] for r in comments}
    placed: set[str] = set()
    ordered: list[dict] = []
    while len(ordered) < len(comments):
        ready = [r for r in comments if r["id"] not in placed and (r.get("parent_id") not in new
                                                                   or r["parent_id"] in placed)]
        for r in ready or [r for r in comments if r["id"] not in placed]:
            placed.add(r["id"])
            ordered.append(r)
    return ordered


def _owners(table: str, row_id: str, find) -> set[str]:
    """The ``entity_id`` of every event that can touch a row: its own, and those of the rows it belongs to.

    ``touches`` names rows other than an event's own entity in these cases only: the
    claim's events touch its citations, comments, tasks and the files attached to its
    citations; a source's deletion withdraws its citations; a new version of an article
    moves its claims; ``project.create`` (the first settings) and ``project.merge`` (any
    unit) have the entity id ''. ``find(table, id)``: the row in either copy.
    """
    if table == "claim_tasks":
        return {row_id.split(" ", 1)[0], ""}
    owners = {row_id, ""}
    row = find(table, row_id)
    if row is not None:
        owners |= {row.get(column) for column in ("claim_id", "source_id", "article_id")}
        citation = find("citations", row["citation_id"]) if table == "attachments" and row.get("citation_id") else None
        if citation is not None:
            owners.add(citation["claim_id"])
    owners.discard(None)
    return owners


def _touching(store, rows: set[tuple[str, str]], find) -> list[tuple]:
    """(seq, id, action, entity_id, data) of the events of ``store`` that can touch ``rows`` ((table, id)), in order.

    Only those are read (``_owners``, through the ``entity_id`` index), not the whole log.
    """
    owners = sorted({owner for table, row_id in rows for owner in _owners(table, row_id, find)})
    found = []
    for i in range(0, len(owners), 500):
        chunk = owners[i:i + 500]
        found += store.execute("SELECT seq, id, action, entity_id, data FROM events "
                               f"WHERE entity_id IN ({', '.join('?' * len(chunk))})", chunk).fetchall()
    return sorted(found)


def _values(found: list[tuple], rows: set[tuple[str, str]]) -> dict[tuple[str, str], dict[str, object]]:
    """(table, id) -> unit -> the value the last of these events (``_touching``'s, in order) that touched it left."""
    values: dict[tuple[str, str], dict[str, object]] = {}
    for _, _, action, entity_id, data in found:
        for table, row_id, unit, value in touches(action, entity_id, json.loads(data)):
            if (table, row_id) in rows:
                values.setdefault((table, row_id), {})[unit] = value
    return values


#: The units of a row taken from another copy that are checked against its events: those ``replay`` checks.
_CHECKED = {
    "articles": (*_ARTICLE_FIELDS, "deleted"),
    "claims": (*_CLAIM_DEFAULTS, "anchor", "status", "deleted"),
    "sources": (*_SOURCE_DEFAULTS, "deleted"),
    "citations": (*_CITATION_FIELDS, "deleted"),
    "attachments": ("note", "deleted"),
}


def _agrees(unit: str, have: object, logged: object) -> bool:
    """Whether a row's value is the one its events left (tags spelled as JSON by older builds, flags as numbers)."""
    if logged is UNKNOWN:  # a claim a new version moved: where to is in the version's event, not the unit's
        return True
    if unit == "tags":
        try:
            have, logged = (json.loads(v) if isinstance(v, str) else v for v in (have, logged))
        except ValueError:
            return False
    elif unit == "confidential":
        have, logged = bool(have), bool(logged)
    return _key(have) == _key(logged)


def _plan(project, side, other_path: pathlib.Path) -> MergePlan:
    # Only what the copies do not share is read: each side's events the other lacks (walked
    # back from its head), the rows they touched, and the shared events that touched those.
    store = project.store
    project_id = events.project_id(store)
    side.check(project_id, store, other_path.name)
    result = MergePlan(other_path, project_id, events.head(store), side.head())
    result.incoming = side.incoming(store, other_path.name)
    result.partner = side.sender(result.incoming, project.user, other_path.name)
    result.files_from = side.files()
    # Attachments here whose bytes did not come with them (a sync leaves large files behind).
    waiting = {r[0] for r in store.execute(
        "SELECT DISTINCT sha256 FROM attachments WHERE sha256 NOT IN (SELECT sha256 FROM evidence_files)")}
    if not result.incoming:
        result.their_files = sorted(sha for sha in waiting if side.has_evidence(sha))
        return result
    ours_only = side.ours_only(store)
    only = {OURS: ours_only, THEIRS: result.incoming}
    result.ours_only = len(ours_only)
    counts: dict[str, int] = {}
    for r in result.incoming:
        kind = r[5].split(".")[0]
        counts[kind] = counts.get(kind, 0) + 1
    result.counts = counts
    their_rows: dict[str, dict[str, dict]] = {}
    cache: dict[tuple[str, str, str], dict | None] = {}

    def row(which: str, table: str, row_id: str) -> dict | None:
        key = (which, table, row_id)
        if key not in cache:
            cache[key] = read_row(store, table, row_id) if which == OURS else side.read_row(table, row_id)
        return cache[key]

    def either(table: str, row_id: str) -> dict | None:
        return row(OURS, table, row_id) or row(THEIRS, table, row_id)

    # Who touched what since the copies parted.
    touched = result.touched
    decoded: dict[str, list[dict]] = {OURS: [], THEIRS: []}
    for side_name, rows in only.items():
        for r in rows:
            data = json.loads(r[8])
            decoded[side_name].append(data)
            for table, row_id, unit, _ in touches(r[5], r[7], data):
                was = touched.get((table, row_id, unit))
                touched[(table, row_id, unit)] = side_name if was in (None, side_name) else "both"
    # A row deleted on one side only while the other side worked inside it: its "deleted" unit may conflict.
    deleted: dict[str, dict[str, set[str]]] = {OURS: {}, THEIRS: {}}  # side -> table -> ids only it deleted/restored
    for (table, row_id, unit), who in touched.items():
        if unit == "deleted" and who in deleted and table in ("articles", "claims", "sources") \
                and (table, row_id, CREATED) not in touched:
            deleted[who].setdefault(table, set()).add(row_id)
    inside: dict[tuple[str, str, str], tuple[str, set[str]]] = {}
    for kept_by, deleter in ((OURS, THEIRS), (THEIRS, OURS)):
        if not deleted[deleter]:
            continue
        for r, data in zip(only[kept_by], decoded[kept_by]):
            for (table, row_id), kind in _inside(r[5], r[6], r[7], data, deleted[deleter], either):
                inside.setdefault((table, row_id, "deleted"), (deleter, set()))[1].add(kind)
    del decoded
    # What the other side left, where it touched something; the rows made there only.
    rows_touched: dict[tuple[str, str], set[str]] = {}
    for (table, row_id, unit), who in touched.items():
        rows_touched.setdefault((table, row_id), set()).add(unit)
        if who != OURS:
            their_rows.setdefault(table, {})[row_id] = row(THEIRS, table, row_id)
    their_versions: dict[str, list[tuple]] = {}
    for table in NEW_ROWS:
        candidates = list(side.rows(table))
        ours_have = _present(store, table, [r["id"] for r in candidates])
        result.new_rows[table] = [r for r in candidates if r["id"] not in ours_have]
        if table == "comments":
            result.new_rows[table] = _replies_last(result.new_rows[table])
        if table == "versions":
            for r in candidates:
                their_versions.setdefault(r["article_id"], []).append((r["number"], r["id"], r["imported_at"]))
    # The base value of units both sides touched: what the last event both copies hold that touched them left.
    # The rows taken from another copy (not a hand-off: checked whole when read) against what its events left.
    both = result.both = {k for k, who in touched.items() if who == "both"}
    taken: dict[tuple[str, str], dict] = {}
    if side.checks_rows:
        taken = {(table, row_id): r for table, rows in their_rows.items() if table in _CHECKED
                 for row_id, r in rows.items() if r is not None}
        taken.update(((table, r["id"]), r) for table in (*_CHECKED, "versions") for r in result.new_rows[table])
    units = {(t, i) for t, i, _ in both | set(inside)}
    shared, theirs = side.touching(store, units | {key for key in taken if key[0] != "versions"}, either)
    if taken:
        side.check_taken(taken, theirs, other_path.name)
    shared = _values(shared, units)
    inside_base: dict[tuple[str, str, str], object] = {}
    for table, row_id, unit in both | set(inside):
        values = shared.get((table, row_id), {})
        if unit in values:
            (result.base if (table, row_id, unit) in both else inside_base)[(table, row_id, unit)] = values[unit]
    # Compare values where both sides touched a unit; a deleted row edited on the other side.
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
        result.conflicts.append(_conflict(table, row_id, unit, base, ours_v, theirs_v,
                                          row(OURS, table, row_id) or row(THEIRS, table, row_id)))
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
            result.conflicts.append(_conflict(table, row_id, "deleted", False, ours_v, theirs_v, kept))
    # Deleted on one side while the other worked inside it: its claims, a new version, comments, citations.
    settled = {c.key for c in result.conflicts}
    for key, (deleter, kinds) in sorted(inside.items()):
        table, row_id, _ = key
        deleter_row = row(deleter, table, row_id)
        if key in settled or deleter_row is None or deleter_row.get("deleted_at") is None:
            continue
        if inside_base.get(key, False) is True:
            continue  # deleted before the copies parted: the other side kept nothing
        ours_v, theirs_v = (True, False) if deleter == OURS else (False, True)
        sentence = _inside_sentence(table, deleter_row, kinds)
        result.conflicts.append(Conflict(table, row_id, "deleted", False, ours_v, theirs_v, sentence))
    # A source deleted on one side, kept on the other: the citations its deletion withdrew.
    for c in result.conflicts:
        if c.table == "sources" and c.field == "deleted":
            deleter = OURS if c.ours else THEIRS
            for r in only[deleter]:
                if r[5] == "source.delete" and r[7] == c.id:
                    result.withdrawn[c.id] = list(json.loads(r[8]).get("citations", ()))
    result.their_rows = their_rows
    # Versions: their numbering where they add some, what was current in their copy.
    new_articles = {r["article_id"] for r in result.new_rows["versions"]}
    result.their_versions = {a: sorted(v) for a, v in their_versions.items() if a in new_articles}
    ours_added: dict[str, set[str]] = {}
    for r in ours_only:
        if r[5] == "article.add_version":
            ours_added.setdefault(r[7], set()).add(json.loads(r[8]).get("version_id"))
    for article_id in sorted(set(ours_added) | set(result.their_versions)):
        if article_id in result.their_versions:
            result.their_current[article_id] = result.their_versions[article_id][-1][1]
            continue
        # They added none: they hold what we hold but the versions we added.
        for (version_id,) in store.execute(
                "SELECT id FROM versions WHERE article_id = ? ORDER BY number DESC", (article_id,)):
            if version_id not in ours_added[article_id]:
                result.their_current[article_id] = version_id
                break
    # The blobs what comes in names (an image their copy no longer uses stays there).
    named = {r.get("original_blob") for r in result.new_rows["versions"]}
    sources_in = [*result.new_rows["sources"], *their_rows.get("sources", {}).values()]
    named |= {r.get("archive_blob") for r in sources_in if r}
    logo = their_rows.get("settings", {}).get("organisation_logo")
    if logo is not None:
        named.add(unit_value("settings", "value", logo))
    result.their_blobs = [b for b in (side.blob(sha) for sha in sorted(s for s in named if isinstance(s, str))
                                      if not store.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (sha,)).fetchone())
                          if b]
    wanted = waiting | {r["sha256"] for r in result.new_rows["attachments"]}
    result.their_files = sorted(sha for sha in wanted if side.has_evidence(sha) and not store.execute(
        "SELECT 1 FROM evidence_files WHERE sha256 = ?", (sha,)).fetchone())
    return result


class _CopyFiles:
    """The evidence files of another copy, read at ``apply`` (the copy itself was closed after planning)."""

    def __init__(self, path: pathlib.Path):
        self.path = path
        self.conn: sqlite3.Connection | None = None

    @contextlib.contextmanager
    def opened(self) -> Iterator[_CopyFiles]:
        try:
            self.conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            self.conn.execute("SELECT 1 FROM evidence_files LIMIT 1")
        except sqlite3.Error:  # moved, or on a drive taken out, since the merge was planned
            if self.conn is not None:
                self.conn.close()
            self.conn = None
            raise self.unreadable() from None
        try:
            yield self
        finally:
            self.conn.close()
            self.conn = None

    def unreadable(self) -> MergeRefused:
        return MergeRefused(N_("{name} can no longer be read (moved, or its drive taken out?), so the files attached "
                               "in it could not be brought in; nothing was merged.", name=self.path.name))

    def evidence(self, sha: str) -> tuple[dict, Iterator[bytes]] | None:
        cursor = self.conn.execute("SELECT id, sha256, size, mime, name, stored_at, stored_by FROM evidence_files "
                                   "WHERE sha256 = ?", (sha,))
        row = cursor.fetchone()
        if row is None:
            return None
        meta = dict(zip([d[0] for d in cursor.description][1:], row[1:]))

        def chunks() -> Iterator[bytes]:
            n = 0
            while True:
                try:
                    found = self.conn.execute(
                        "SELECT CAST(data AS BLOB) FROM evidence_chunks WHERE file_id = ? AND n = ?",
                        (row[0], n)).fetchone()
                except sqlite3.Error:
                    raise self.unreadable() from None
                if found is None:
                    return
                yield bytes(found[0]) if isinstance(found[0], (bytes, memoryview)) else str(found[0]).encode()
                n += 1
        return meta, chunks()


@contextlib.contextmanager
def _files_of(merge_plan: MergePlan) -> Iterator[object]:
    """The plan's source of evidence files, open while a merge stores them."""
    source = merge_plan.files_from
    if hasattr(source, "opened") and merge_plan.their_files:  # opened only when there are files to bring
        with source.opened() as opened:
            yield opened
    else:
        yield source


def _inside(action: str, entity: str, entity_id: str, data: dict, deleted: dict[str, set[str]],
            find) -> Iterator[tuple[tuple[str, str], str]]:
    """((table, id), kind) of the rows in ``deleted`` (table -> ids) an event worked inside of: an article's
    claims or versions, a claim's comments, citations and tasks, a source's citations, files attached to a source
    or a citation (attached or brought back, not removed). ``find(table, id)`` reads a row from either side."""
    if action == "article.add_version":
        if entity_id in deleted.get("articles", ()):
            yield ("articles", entity_id), "versions"
        return
    attached = action in ("attachment.create", "attachment.restore")  # a file put on a source or a citation
    if entity == "source" and attached and entity_id in deleted.get("sources", ()):
        yield ("sources", entity_id), "attached"
    if entity != "claim":
        return
    if deleted.get("articles"):
        claim = find("claims", entity_id)
        if claim is not None and claim["article_id"] in deleted["articles"]:
            yield ("articles", claim["article_id"]), "claims"
    if entity_id in deleted.get("claims", ()) and (action.startswith(("comment.", "citation.", "task.")) or attached):
        yield ("claims", entity_id), "inside"
    if deleted.get("sources") and (action.startswith("citation.") or attached):
        source_id = data.get("source_id")
        if source_id is None:
            citation = find("citations", data.get("citation_id", ""))
            source_id = citation["source_id"] if citation else None
        if source_id in deleted["sources"]:
            yield ("sources", source_id), "attached" if attached else "cited"


def _named(text: object, limit: int = 60) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _inside_sentence(table: str, row: dict, kinds: set[str]) -> Text:
    """Why a row deleted in one copy is a question: what the other copy did inside it."""
    if table == "articles" and "claims" in kinds:
        return N_("The article “{name}” was deleted in one copy while its claims were worked on in the other: "
                  "keep it or delete it.", name=_named(row.get("title")))
    if table == "articles":
        return N_("The article “{name}” was deleted in one copy while a new version of it was added in the other: "
                  "keep it or delete it.", name=_named(row.get("title")))
    if table == "claims":
        return N_("The claim “{name}” was deleted in one copy while its comments, citations or tasks were worked "
                  "on in the other: keep it or delete it.", name=_named(row.get("exact")))
    if "cited" not in kinds:
        return N_("The source “{name}” was deleted in one copy while files were attached to it in the other: keep it "
                  "or delete it.", name=_named(row.get("title") or row.get("url")))
    return N_("The source “{name}” was deleted in one copy while it was cited in the other: keep it or delete it.",
              name=_named(row.get("title") or row.get("url")))


def _show(value: object) -> str:
    if value is UNKNOWN or value is None or value == "" or value == []:
        return N_("empty")
    if isinstance(value, bool):
        return N_("yes") if value else N_("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


#: The column that names a row to a person, by table (an id means nothing to them).
_NAME_COLUMNS = {"articles": ("title",), "claims": ("exact", "statement"), "sources": ("title", "url"),
                 "citations": ("quote", "locator"), "comments": ("body",), "attachments": ("name",),
                 "settings": ("key",)}


def _row_name(table: str, row_id: str, row: dict | None) -> str:
    """The words a row is known by (its quote, title, text), or its short id when it has none."""
    for column in _NAME_COLUMNS.get(table, ()):
        if row and str(row.get(column) or "").strip():
            return _named(row[column])
    return row_id[:8]


def _conflict(table: str, row_id: str, unit: str, base: object, ours: object, theirs: object,
              row: dict | None = None) -> Conflict:
    kind = _KIND_NAMES.get(table, table)
    field = UNIT_NAMES.get(unit, unit.replace("_", " "))
    name = _row_name(table, row_id, row)
    if unit == "deleted":
        sentence = N_("The {kind} “{name}” was deleted in one copy and edited in the other: keep it or delete it.",
                      kind=kind, name=name)
    else:
        sentence = N_("The {field} of the {kind} “{name}” was changed in both copies: here “{ours}”, there “{theirs}” "
                      "(before: “{base}”).", field=field, kind=kind, name=name, ours=_show(ours),
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
    if not merge_plan.incoming:  # only the bytes of attachments this copy already has
        return _apply_files(project, merge_plan)
    with store.transaction():
        if events.head(store) != merge_plan.ours_head:
            raise MergeRefused(N_("This project changed since the merge was planned; plan it again."))
        merged = _Merge(project, merge_plan, resolutions)
        journal = merged.journal
        merged.write_rows()
        merged.write_units()
        merged.one_attachment_per_file()
        merged.withdraw_or_restore_citations()
        merged.reanchor()
        merged.review_rules()
        seq = None
        for r in merge_plan.incoming:
            _, event_id, parents, at, actor, action, entity, entity_id, data = r
            seq = events.adopt(store, at, actor, action, entity, entity_id, data, parents, event_id)
        if not merge_plan.fast_forward:
            seq = events.append(
                store, project.user, "project.merge", "project", "",
                {"other": merge_plan.other.name, "incoming": len(merge_plan.incoming), "counts": merge_plan.counts,
                 "units": list(merged.recorded.values()), "resolved": merged.resolved, "lapsed": merged.lapsed},
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


def _apply_files(project, merge_plan: MergePlan) -> model.Changes:
    """A merge that brings only evidence files (no events): their bytes, for attachments this copy holds."""
    store = project.store
    with store.transaction():
        if events.head(store) != merge_plan.ours_head:
            raise MergeRefused(N_("This project changed since the merge was planned; plan it again."))
        merged = _Merge(project, merge_plan, {})
        merged.write_files()
        merged.journal.head_after = events.head(store)
        sources = frozenset(r[0] for sha in merged.journal.files for r in store.execute(
            "SELECT source_id FROM attachments WHERE sha256 = ?", (sha,)))
    merge_plan.journal = merged.journal
    return model.Changes(action="project.merge", what=model.What.EVIDENCE, sources=sources,
                         event_seq=merged.journal.seq_before if merged.journal.files else None)


class _Merge:
    """The writes of one merge, inside its transaction."""

    def __init__(self, project, merge_plan: MergePlan, resolutions: dict):
        self.project, self.plan, self.store = project, merge_plan, project.store
        self.resolutions = resolutions
        #: (table, id, unit) -> [table, id, unit, value (, anchor columns)] for the merge event
        self.recorded: dict[tuple[str, str, str], list] = {}
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

    def write_files(self) -> None:
        """The evidence files the plan brings, streamed from the other side and checked against their SHA-256."""
        vault = self.project.managers.attachments
        with _files_of(self.plan) as source:
            for sha in self.plan.their_files:
                found = source.evidence(sha) if source is not None else None
                if found is not None and vault.store_chunks(found[0], found[1], where=self.plan.other.name):
                    self.journal.files.append(sha)

    def write_rows(self) -> None:
        self.write_files()
        for sha, mime, size, filename, data in self.plan.their_blobs:
            if not self.store.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (sha,)).fetchone():
                self.journal.blobs.append(sha)
            self.store.execute("INSERT OR IGNORE INTO blobs (sha256, mime, size, filename, data) VALUES (?, ?, ?, ?, ?)",
                               (sha, mime, size, filename, data))
        #: article id -> the version current in this copy before the merge
        self.ours_current = {article_id: self._current(article_id) for article_id in self.plan.their_current}
        numbers, renumbered = self._renumber()
        for table in NEW_ROWS:
            rows = self.plan.new_rows[table]
            if table == "versions":
                rows = [{**r, "number": numbers.get(r["id"], r["number"])} for r in rows]
            for row in rows:
                columns = ", ".join(f'"{c}"' for c in row)
                self.store.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})",
                                   tuple(row.values()))
                self._made(table, row["id"])
                if table == "versions":
                    self.articles.add(row["article_id"])
                else:
                    self._note(table, row["id"] if table not in ("citations", "comments", "corrections")
                               else row["claim_id"])
        for version_id, number in renumbered:
            self.store.execute("UPDATE versions SET number = ? WHERE id = ?", (number, version_id))

    def _current(self, article_id: str) -> str | None:
        found = self.store.execute("SELECT id FROM versions WHERE article_id = ? ORDER BY number DESC LIMIT 1",
                                   (article_id,)).fetchone()
        return found[0] if found else None

    def _renumber(self) -> tuple[dict[str, int], list[tuple[str, int]]]:
        """The number of every version of the articles the other side adds versions to, the same in both copies.

        Returns version id -> number, and this side's versions whose number changes; those
        are moved out of the way here (to minus their new number) and given it once the
        other side's versions are in.
        """
        numbers: dict[str, int] = {}
        renumbered: list[tuple[str, int]] = []
        for article_id, theirs in sorted(self.plan.their_versions.items()):
            ours = self.store.execute("SELECT number, id, imported_at FROM versions WHERE article_id = ? "
                                      "ORDER BY number", (article_id,)).fetchall()
            order = version_order(ours, theirs, fast_forward=self.plan.fast_forward)
            numbers.update((version_id, n) for n, version_id in enumerate(order, 1))
            for number, version_id, _ in ours:
                if numbers[version_id] != number:
                    self._keep("versions", version_id)
                    self.store.execute("UPDATE versions SET number = ? WHERE id = ?",
                                       (-numbers[version_id], version_id))
                    renumbered.append((version_id, numbers[version_id]))
                    self.articles.add(article_id)
        return numbers, renumbered

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
                if table == "claims" and isinstance(choice, str):  # what stands, for the claim's history to say
                    kept = conflict.ours if choice == OURS else conflict.theirs
                    if kept is None or isinstance(kept, (str, int, float, bool, list)):
                        self.resolved[-1]["value"] = kept
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
            elif conflict is not None and unit == "deleted":  # kept there, where nothing else of it changed
                self._set(table, row_id, unit, {"deleted_at": model.now() if conflict.theirs else None})
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
        """Note a unit's merged value in the merge event (read back from the table, as written; the last wins)."""
        row = read_row(self.store, table, row_id)
        value = unit_value(table, unit, row)
        entry = [table, row_id, unit, None if value is UNKNOWN else value]
        if table == "claims" and unit == "anchor" and row is not None:
            entry.append({c: row[c] for c in _ANCHOR})
        self.recorded.pop((table, row_id, unit), None)
        self.recorded[(table, row_id, unit)] = entry

    def one_attachment_per_file(self) -> None:
        """The same file attached to the same source (or citation) in both copies: one attachment stays.

        A copy refuses a file already attached where it is attached again, but two copies
        can each attach it once. The one with the smallest id stays whichever copy merges
        (and at a fast-forward nothing can be doubled), so merges made both ways remove the
        same one and never both.
        """
        for r in self.plan.new_rows.get("attachments", []):
            if r.get("deleted_at") is not None:
                continue
            same = self.store.execute(
                "SELECT id FROM attachments WHERE sha256 = ? AND source_id IS ? AND citation_id IS ? "
                "AND deleted_at IS NULL ORDER BY id", (r["sha256"], r["source_id"], r["citation_id"])).fetchall()
            for (row_id,) in same[1:]:
                self._set("attachments", row_id, "deleted", {"deleted_at": model.now()})
                self._record("attachments", row_id, "deleted")

    def withdraw_or_restore_citations(self) -> None:
        """A source whose deletion was a conflict: deleted, none of its citations stands; kept, those its deletion
        withdrew come back (as ``sources.set_deleted`` does), but where a citation's own deletion was settled."""
        conflicts = {c.key for c in self.plan.conflicts}
        for conflict in self.plan.conflicts:
            if conflict.table != "sources" or conflict.field != "deleted":
                continue
            source = read_row(self.store, "sources", conflict.id)
            if source is None:
                continue
            if source["deleted_at"] is not None:
                citations = [r[0] for r in self.store.execute(
                    "SELECT id FROM citations WHERE source_id = ? AND deleted_at IS NULL ORDER BY id", (conflict.id,))]
                stamp = source["deleted_at"]
            else:
                deleter = OURS if conflict.ours else THEIRS
                citations = [c for c in self.plan.withdrawn.get(conflict.id, ())
                             if self.plan.touched.get(("citations", c, "deleted")) == deleter]
                stamp = None
            for citation_id in citations:
                row = read_row(self.store, "citations", citation_id)
                if row is None or ("citations", citation_id, "deleted") in conflicts or row["source_id"] != conflict.id:
                    continue
                if (row["deleted_at"] is None) != (stamp is None):
                    self._set("citations", citation_id, "deleted", {"deleted_at": stamp})
                    self._record("citations", citation_id, "deleted")

    def reanchor(self) -> None:
        """Claims left on a version that is no longer their article's current one move onto it, as a new version
        moves them (``articles.add_version``): exact or moved where their words are intact, fuzzy where they changed,
        orphaned where they are gone. Only claims that were on the current version of the copy their anchor comes
        from: one put on an older version on purpose stays there."""
        if self.plan.fast_forward:
            return  # their copy is the merged state, as it is: there is no merge event to record more in
        manager = self.project.managers.claims
        texts = self.project.managers.articles
        conflicts = {c.key for c in self.plan.conflicts}
        for article_id in sorted(self.plan.their_current):
            current = self._current(article_id)
            were = {OURS: self.ours_current.get(article_id), THEIRS: self.plan.their_current[article_id]}
            relocators: dict[str, anchoring.Relocator] = {}
            for claim_id, version_id in self.store.execute(
                    "SELECT id, version_id FROM claims WHERE article_id = ? AND version_id != ? "
                    "AND anchor_state != 'orphaned' ORDER BY id", (article_id, current)).fetchall():
                key = ("claims", claim_id, "anchor")
                who = self.plan.touched.get(key)
                if who is None:
                    continue  # neither side moved it since the copies parted
                if who == "both":
                    chose = self.resolutions.get(key) if key in conflicts else None
                    sides = (chose,) if chose in (OURS, THEIRS) else (OURS, THEIRS)
                else:
                    sides = (who,)
                if version_id not in {were[s] for s in sides}:
                    continue
                if version_id not in relocators:
                    relocators[version_id] = anchoring.Relocator(texts.text(version_id), texts.text(current))
                claim = manager.row(claim_id)
                self._keep("claims", claim_id)
                manager.apply_match(claim, current, texts.text(current),
                                    relocators[version_id].locate(claims.selectors(claim)))
                self._record("claims", claim_id, "anchor")
                self.claims.add(claim_id)
                self.articles.add(article_id)

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
            if self.plan.fast_forward:
                continue  # only their side changed: their review stands as they left it (no merge event to record more)
            approver_side = self._approval(claim_id, row)
            row = read_row(self.store, "claims", claim_id)
            approved = self.plan.their_rows.get("claims", {}).get(claim_id) if approver_side == THEIRS else \
                self._before("claims", claim_id)
            # The approval was given to the verdict its copy held: it lapses when another verdict
            # stands. The approval event names the state it signed off; older events do not,
            # and then the verdict its copy held is compared.
            signed = self._approved_state(claim_id, approver_side)
            if signed is not None:
                changed_elsewhere = signed != workflow.verdict_state(row)
            else:
                changed_elsewhere = (approver_side is not None and approved is not None
                                     and _verdict(approved) != _verdict(row))
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
            self._record("claims", claim_id, "status")
            self.claims.add(claim_id)

    def _approved_state(self, claim_id: str, side: str | None) -> str | None:
        """The verdict state the standing approval (or publication) names, from its event; None if unnamed."""
        found = None
        if side == THEIRS:
            for r in reversed(self.plan.incoming):
                if r[7] == claim_id and r[5] in ("claim.approve", "claim.publish"):
                    found = r[8]
                    break
        elif side == OURS:
            row = self.store.execute(
                "SELECT data FROM events WHERE entity_id = ? AND action IN ('claim.approve', 'claim.publish') "
                "ORDER BY seq DESC LIMIT 1", (claim_id,)).fetchone()
            found = row[0] if row else None
        if found is None:
            return None
        try:
            data = json.loads(found if isinstance(found, str) else bytes(found).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
        state = data.get("approved_state") if isinstance(data, dict) else None
        return state if isinstance(state, str) else None

    def _approval(self, claim_id: str, row: dict) -> str | None:
        """Whose approval (or publication) of a claim stands: OURS, THEIRS, None when neither side touched its status.

        When both did, the conflict's resolution says; when both reached the same status, it is
        the approval given to the verdict that stands (the earlier one when both were), and that
        side's review stamps are taken, so that both copies end alike.
        """
        key = ("claims", claim_id, "status")
        who = self.plan.touched.get(key)
        if who != "both":
            return who
        if any(c.key == key for c in self.plan.conflicts):
            choice = self.resolutions.get(key)
            return choice if choice in (OURS, THEIRS) else OURS
        ours, theirs = self._before("claims", claim_id), self.plan.their_rows.get("claims", {}).get(claim_id)
        sides = [(r.get("approved_at") or "", r.get("approved_by") or "", side)
                 for side, r in ((OURS, ours), (THEIRS, theirs)) if r is not None and _verdict(r) == _verdict(row)]
        side = min(sides)[2] if sides else OURS  # none: the verdict that stands is neither approved one
        if side == THEIRS:
            self._set("claims", claim_id, "status", {c: theirs[c] for c in _STATUS})
        return side

    def _before(self, table: str, key: str) -> dict | None:
        """A row of this copy as it was before the merge."""
        if (table, key) in self.journal.before:
            return self.journal.before[(table, key)]
        return None if (table, key) in self._inserted else read_row(self.store, table, key)

    def _verdict_author(self, claim_id: str, row: dict) -> str | None:
        source = self.verdict_from.get(claim_id)
        if source == THEIRS:
            theirs = self.plan.their_rows.get("claims", {}).get(claim_id)
            return theirs["verdict_by"] if theirs else row["verdict_by"]
        if source == "edited":
            return self.project.user
        return row["verdict_by"]


def _verdict(row: dict) -> tuple:
    return tuple(row.get(f) for f in workflow.VERDICT_FIELDS)


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
        if store.execute("SELECT 1 FROM sync_state WHERE key = 'dsn'").fetchone():
            # Its events are, or soon will be, on the desk's server: taken out here, the next
            # pull would bring them back (and a pushed merge is others' history already).
            raise Changed(N_("This project syncs through a server, so a merge cannot be taken back; "
                             "change what needs changing instead."))
        if events.head(store) != journal.head_after:
            raise Changed(N_("The project changed after the merge, so the merge can no longer be undone; "
                             "a backup from before it can be restored (File > Restore from backup…)."))
        store.execute("DELETE FROM events WHERE seq > ?", (journal.seq_before,))
        store.execute("DELETE FROM exchanges WHERE id > ?", (journal.exchanges_before,))
        # Versions it numbered or brought in step aside first, so that each gets its number back.
        for table, key in [*journal.before, *journal.inserted]:
            if table == "versions":
                store.execute("UPDATE versions SET number = -abs(number) WHERE id = ?", (key,))
        # Rows changed go back first: they may point at rows the merge brought in.
        for (table, key), row in journal.before.items():
            _restore(store, table, key, row)
        for table, key in reversed(journal.inserted):
            store.execute(f"DELETE FROM {table} WHERE id = ?", (key,))
        for sha in journal.blobs:
            store.execute("DELETE FROM blobs WHERE sha256 = ?", (sha,))
        for sha in journal.files:
            store.execute("DELETE FROM evidence_files WHERE sha256 = ?", (sha,))  # its chunks go with it
    project.forget_cached_settings()
    project.managers.articles.forget_versions(k for t, k in journal.inserted if t == "versions")
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
