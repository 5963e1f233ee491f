"""Hand-off files: the changes another copy lacks, as one small file to e-mail or carry on a USB stick.

A hand-off file (``.factcheck-changes``) is a zip of:

- ``manifest.json``: the format and its version, the project's id and name, who wrote
  it and when, the sender's head, the events it was made *since* (ids the receiver is
  taken to hold already), and the SHA-256 and size of every other member;
- ``events.jsonl``: one event a line, ``[id, parents, at, actor, action, entity,
  entity_id, data]``, in the sender's order (parents before children);
- ``rows.json``: the sender's current rows of everything those events touched, as
  ``{table: [row, ...]}``: their claims with their citations, comments, corrections and
  ticked tasks, their articles with their versions, their sources with the citations of
  them, and every setting;
- ``blobs/<sha256>``: the stored files those rows name (article originals, archived
  pages, the logo);
- ``evidence/<sha256>``: the evidence files the attachments among those rows name,
  stored uncompressed and streamed in and out chunk by chunk (``rows.json`` lists them as
  ``evidence``); their SHA-256 is checked as a merge stores them. A hand-off carrying
  attachments is version 2, which older builds refuse rather than half-merge.

Merging one works as merging a copy (``merge.plan`` reads either): the sender's history
is the file's events plus their ancestors, which the receiver must already hold. Read,
the file is checked whole before anything is planned: its manifest, each member's hash
and size, each event's id against its content, the project. Anything wrong (a truncated
file, one edited by hand, another project's) refuses the whole file with one sentence.

Marks: which partner has what is kept per partner in the project's ``exchanges`` table
(local bookkeeping, not an event: it says what this copy sent and received, and does not
travel in merges). A hand-off to a partner holds what that partner lacks: every event
that is not an ancestor of the last head sent to them or received from them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import heapq
import json
import os
import pathlib
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterable, Iterator

from factcheck.core import attachments, events, model, units
from factcheck.core.errors import InvalidInput, KnownError
from factcheck.core.text import N_

SUFFIX = ".factcheck-changes"
#: The name a hand-off has while it is written (renamed to its own once whole).
_PARTIAL = ".handoff-partial-"
FORMAT = "factcheck-changes"
#: The newest version this build reads and writes (2: with attachments and evidence files).
VERSION = 2
MAGIC = b"PK\x03\x04"
SENT = "sent"
RECEIVED = "received"
#: ``--since`` value meaning the whole history.
START = "start"
#: The largest hand-off member read whole (a hand-off of a year's desk is far smaller).
_MAX_MEMBER = 2 * 1024**3


class HandoffRefused(KnownError):
    """The file is not a hand-off this project can take; the message says why, in one sentence."""


@dataclasses.dataclass(frozen=True)
class Written:
    """What ``write`` put in a hand-off file."""

    path: pathlib.Path
    events: int
    size: int
    partner: str
    since: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Partner:
    """A copy this one exchanged changes with, named by the person who works on it."""

    name: str
    sent_at: str | None
    received_at: str | None
    lacks: int  # events this copy holds that the partner, as far as is known, does not


@dataclasses.dataclass
class Received:
    """A hand-off file read and checked: what ``merge.plan`` needs of the other side."""

    path: pathlib.Path
    project_id: str
    project_name: str
    sender: str
    made_at: str
    head: str
    since: list[str]
    event_rows: list[tuple]  # (n, id, parents, at, actor, action, entity, entity_id, data) as merge reads them
    rows: dict[str, list[dict]]
    blob_names: list[str]
    _zip_path: pathlib.Path | None = dataclasses.field(repr=False, default=None)
    #: sha256 -> (sha256, mime, size, filename, data) already in memory (a pull from a server)
    loaded_blobs: dict[str, tuple] = dataclasses.field(repr=False, default_factory=dict)
    #: the receiver's events the sender lacks, when the receiver knows them (a sync keeps
    #: track): then the sender's history need not be walked from the receiver's whole log.
    #: Their ids, walked each time they are iterated (never all held: a laptop's unsent work may be large)
    local_only: Iterable[str] | None = dataclasses.field(repr=False, default=None)
    #: the SHA-256 of the evidence files the file carries (``evidence/<sha256>`` members)
    evidence_names: list[str] = dataclasses.field(default_factory=list)

    def blob(self, sha: str) -> tuple | None:
        """(sha256, mime, size, filename, data) of a blob the file carries, read and checked now."""
        if sha in self.loaded_blobs:
            return self.loaded_blobs[sha]
        if sha not in self.blob_names or self._zip_path is None:
            return None
        meta = next((b for b in self.rows.get("blobs", ()) if b["sha256"] == sha), None)
        with zipfile.ZipFile(self._zip_path) as archive:
            data = archive.read(f"blobs/{sha}")
        if hashlib.sha256(data).hexdigest() != sha or meta is None:
            raise _edited(self.path)
        return sha, meta["mime"], meta["size"], meta["filename"], data

    def evidence(self, sha: str) -> tuple[dict, Iterator[bytes]] | None:
        """(its metadata, its bytes streamed in chunks) of an evidence file this carries, or None.

        The bytes are not checked here: ``attachments.store_chunks`` checks them as it stores them.
        """
        if sha in self.loaded_blobs:  # a pull: the server sent it whole, as a stored file
            _, mime, _size, filename, data = self.loaded_blobs[sha]
            meta = {"sha256": sha, "size": len(data), "mime": mime, "name": filename}
            return meta, (data[i:i + attachments.CHUNK] for i in range(0, len(data), attachments.CHUNK))
        if sha not in self.evidence_names or self._zip_path is None:
            return None
        meta = next((r for r in self.rows.get("evidence", ()) if isinstance(r, dict) and r.get("sha256") == sha),
                    None)
        if meta is None:
            raise _edited(self.path)
        return meta, self._stream(f"evidence/{sha}")

    def _stream(self, member: str) -> Iterator[bytes]:
        try:
            with zipfile.ZipFile(self._zip_path) as archive, archive.open(member) as f:
                while True:
                    piece = f.read(attachments.CHUNK)
                    if not piece:
                        return
                    yield piece
        except (zipfile.BadZipFile, EOFError, zlib.error, OSError, ValueError, KeyError):
            raise _truncated(self.path) from None


def is_handoff(path: str | os.PathLike) -> bool:
    """True when the file starts as a zip does (a project starts "SQLite format 3")."""
    if not os.path.isfile(path):  # reading a named pipe would wait for a writer
        return False
    try:
        with open(path, "rb") as f:
            return f.read(4) == MAGIC
    except OSError:
        return False


# --- the history graph ------------------------------------------------------------------------


#: Events read at once around the walk's newest event: a parent is mostly the event just before its child.
_NEAR = 256


class _Log:
    """Events' (seq, id, parents) looked up by id, the log read a range of ``seq`` at a time near the walk."""

    def __init__(self, store):
        self.store = store
        self.near: dict[str, tuple[int, str, str]] = {}

    def rows(self, ids: Iterable[str], below: int | None = None) -> list[tuple[int, str, str]]:
        """(seq, id, parents) of those of ``ids`` the log holds; ``below``: the seq of the event that names them."""
        ids = list(dict.fromkeys(ids))
        missing = [i for i in ids if i not in self.near]
        if missing and below is not None:  # its parents are usually just before it: one read for many steps
            self.near = {r[1]: r for r in self.store.execute(
                "SELECT seq, id, parents FROM events WHERE seq < ? AND seq >= ?", (below, below - _NEAR))}
            missing = [i for i in ids if i not in self.near]
        found = [self.near.pop(i) for i in ids if i in self.near]
        for i in range(0, len(missing), 500):
            chunk = missing[i:i + 500]
            found += self.store.execute(
                f"SELECT seq, id, parents FROM events WHERE id IN ({', '.join('?' * len(chunk))})", chunk).fetchall()
        return found


def unsent(store, marks: Iterable[str], heads: Iterable[str] | None = None) -> list[tuple[int, str, str]]:
    """(seq, id, parents) of the events before ``heads`` (default: the head) that are neither ``marks`` nor before
    one, in log order: what a partner who holds the marks lacks.

    A parent always comes before its child in a log, so walking back from the heads and the
    marks together, newest first by ``seq``, settles each event before its parents are
    reached; the walk stops once only events before a mark are left. It reads the events
    between the marks and the heads, not the whole history (marks it does not hold are
    ignored, as ``ancestors`` ignores them).
    """
    log = _Log(store)
    heads = [events.head(store)] if heads is None else list(heads)
    before_mark: dict[str, bool] = {}  # every event queued: whether it is a mark or before one
    queue: list[tuple[int, str, str]] = []  # (-seq, id, parents): newest first
    pending = 0  # queued events not known to be before a mark: the walk ends when none is left

    def add(ids: Iterable[str], marked: bool, below: int | None = None) -> None:
        nonlocal pending
        fresh = []
        for event_id in ids:
            if event_id not in before_mark:
                fresh.append(event_id)
            elif marked and not before_mark[event_id]:  # still queued: a parent comes after its children
                before_mark[event_id] = True
                pending -= 1
        for seq, event_id, parents in log.rows(fresh, below):
            if event_id not in before_mark:
                before_mark[event_id] = marked
                pending += not marked
                heapq.heappush(queue, (-seq, event_id, parents))

    add(marks, True)
    add([h for h in heads if h], False)
    found = []
    while pending:
        seq, event_id, parents = heapq.heappop(queue)
        marked = before_mark[event_id]
        if not marked:
            pending -= 1
            found.append((-seq, event_id, parents))
        add(events.parent_ids(parents), marked, -seq)
    found.reverse()
    return found


def ancestors(parents: dict[str, list[str]], heads: Iterable[str]) -> set[str]:
    """The given events and every event before them in the graph (those ``parents`` knows)."""
    seen: set[str] = set()
    stack = [h for h in heads if h in parents]
    while stack:
        event_id = stack.pop()
        if event_id in seen:
            continue
        seen.add(event_id)
        stack.extend(p for p in parents.get(event_id, ()) if p not in seen)
    return seen


# --- marks: who has what ----------------------------------------------------------------------------


def _marks(project, partner: str) -> dict[str, tuple[str, str]]:
    """direction -> (head, at) of the last exchange with ``partner`` recorded by this user."""
    rows = project.store.execute(
        "SELECT direction, head, at FROM exchanges WHERE user = ? AND partner = ? ORDER BY id",
        (project.user, partner)).fetchall()
    return {direction: (head, at) for direction, head, at in rows}


def record(project, partner: str, direction: str, head: str, n_events: int, file: str = "") -> None:
    """Note an exchange with ``partner`` (inside a transaction or not)."""
    partner = partner.strip()
    if not partner or not head:
        return
    with project.store.transaction():
        project.store.execute(
            "INSERT INTO exchanges (user, partner, direction, head, at, events, file) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (project.user, partner, direction, head, model.now(), n_events, file))


def partners(project) -> list[Partner]:
    """Every partner this user exchanged with from this copy, with how much each lacks now; newest first."""
    names = [r[0] for r in project.store.execute(
        "SELECT partner FROM exchanges WHERE user = ? GROUP BY partner ORDER BY max(id) DESC", (project.user,))]
    found = []
    for name in names:
        marks = _marks(project, name)
        found.append(Partner(name, marks.get(SENT, (None, None))[1], marks.get(RECEIVED, (None, None))[1],
                             len(unsent(project.store, [head for head, _ in marks.values()]))))
    return found


def since_ids(project, mark: str | None) -> list[str]:
    """The events a hand-off is made since: a partner's name, an event id (or its start), or ``start``.

    ``None`` or ``start``: nothing (the hand-off holds the whole history).
    """
    mark = (mark or "").strip()
    if not mark or mark.lower() == START:
        return []
    marks = _marks(project, mark)
    if marks:
        return sorted({head for head, _ in marks.values()})
    if len(mark) >= 6 and all(c in "0123456789abcdef" for c in mark.lower()):
        found = [r[0] for r in project.store.execute(
            "SELECT id FROM events WHERE id >= ? AND id < ? LIMIT 2", (mark.lower(), mark.lower() + "g"))]
        if len(found) == 1:
            return found
        if len(found) > 1:
            raise InvalidInput(N_("{mark} is the start of more than one event id; give more of it.", mark=mark))
    raise InvalidInput(N_("{mark} is neither a partner this copy exchanged with nor an event of its history; "
                          "give a partner's name, an event id or “start”.", mark=mark))


# --- writing ------------------------------------------------------------------------------------------


def write(project, path: str | os.PathLike, *, since: str | None = None, to: str = "") -> Written:
    """Write the changes a partner lacks to ``path`` (atomically: a whole file or none).

    ``since``: a mark for ``since_ids``; by default the marks of ``to`` (the partner the
    file is for), else the whole history. ``to`` is recorded as sent, so the next hand-off
    to them starts where this one ends.
    """
    path = pathlib.Path(path)
    to = (to or "").strip()
    base, wanted = _wanted(project, since, to)
    rows = _event_rows(project.store, wanted)
    head = events.head(project.store)
    tables, blob_shas = _rows_for(project.store, rows)
    blob_meta = [dict(zip(("sha256", "mime", "size", "filename"), r)) for sha in sorted(blob_shas)
                 for r in project.store.execute("SELECT sha256, mime, size, filename FROM blobs WHERE sha256 = ?",
                                                (sha,))]
    tables["blobs"] = blob_meta
    evidence_meta = evidence_rows(project.store, tables)
    if evidence_meta:
        tables["evidence"] = evidence_meta
    members: dict[str, bytes] = {
        "events.jsonl": "".join(events.canonical(list(r)) + "\n" for r in rows).encode("utf-8"),
        "rows.json": events.canonical(tables).encode("utf-8"),
    }
    manifest = {
        "format": FORMAT, "version": VERSION if tables.get("attachments") or _paged(tables) else 1,
        "project": events.project_id(project.store), "name": project.path.stem,
        "from": project.user, "made_at": model.now(), "head": head, "since": base, "events": len(rows),
        "members": {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                    for name, data in members.items()},
    }
    for meta in blob_meta:
        manifest["members"][f"blobs/{meta['sha256']}"] = {"sha256": meta["sha256"], "size": meta["size"]}
    for meta in evidence_meta:
        manifest["members"][f"evidence/{meta['sha256']}"] = {"sha256": meta["sha256"], "size": meta["size"]}
    manifest["digest"] = _digest(manifest)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _sweep(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=_PARTIAL, dir=path.parent)
    except OSError as exc:
        raise HandoffRefused(N_("{name} cannot be written there: {reason}.", name=path.name,
                                reason=exc.strerror or str(exc))) from None
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False))
            for name, data in members.items():
                archive.writestr(name, data)
            for meta in blob_meta:
                data = project.store.execute("SELECT data FROM blobs WHERE sha256 = ?", (meta["sha256"],)).fetchone()[0]
                archive.writestr(f"blobs/{meta['sha256']}", bytes(data))
            for meta in evidence_meta:  # streamed, uncompressed (recordings and PDFs do not shrink)
                info = zipfile.ZipInfo(f"evidence/{meta['sha256']}", date_time=time.localtime()[:6])
                info.compress_type = zipfile.ZIP_STORED
                info.file_size = meta["size"]
                with archive.open(info, "w") as member:
                    project.managers.attachments.write_to(meta["sha256"], member, name=meta["name"])
            archive.close()
            raw.flush()
            os.fsync(raw.fileno())  # on the stick before it gets its name
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as any file the user saves (mkstemp makes it private)
        os.replace(tmp, path)
    except OSError as exc:
        pathlib.Path(tmp).unlink(missing_ok=True)
        raise HandoffRefused(N_("{name} could not be written: {reason}.", name=path.name,
                                reason=exc.strerror or str(exc))) from None
    except BaseException:
        pathlib.Path(tmp).unlink(missing_ok=True)
        raise
    if to:
        record(project, to, SENT, head, len(rows), path.name)
    return Written(path, len(rows), path.stat().st_size, to, tuple(base))


def _wanted(project, since: str | None, to: str) -> tuple[list[str], list[str]]:
    """(the marks, the ids to send, in log order) for a hand-off."""
    base = since_ids(project, since if since is not None else (to if to and _marks(project, to) else None))
    if not base:  # the whole history: read in order, no walk
        return base, [r[0] for r in project.store.execute("SELECT id FROM events ORDER BY seq")]
    return base, [event_id for _, event_id, _ in unsent(project.store, base)]


def lacking(project, *, since: str | None = None, to: str = "") -> int:
    """How many changes ``write`` with these arguments would put in the file."""
    return len(_wanted(project, since, (to or "").strip())[1])


def _sweep(folder: pathlib.Path) -> None:
    """Remove hand-offs left half-written by a writer that was killed (older than ten minutes)."""
    try:
        for stale in folder.glob(_PARTIAL + "*"):
            if time.time() - stale.stat().st_mtime > 600:
                stale.unlink(missing_ok=True)
    except OSError:
        pass


def _paged(tables: dict) -> bool:
    """Whether the rows carry a version's page starts (m008), which older builds cannot store: version 2 then."""
    return any(row.get("pages") for row in tables.get("versions", ()))


def _event_rows(store, wanted: list[str]) -> list[list]:
    """[id, parents, at, actor, action, entity, entity_id, data] of the wanted events, in log order."""
    return [list(r[1:]) for r in events.rows_by_id(store, wanted)]


def _rows_for(store, rows: list[list]) -> tuple[dict[str, list[dict]], set[str]]:
    """The sender's rows a receiver needs to merge these events, and the blobs they name.

    A row made since the receiver's marks was made by one of these events, which names it
    or its claim; so are rows changed since. Articles and their versions come only with
    article events (a claim's article, if not new, the receiver has).
    """
    claims: set[str] = set()
    articles: set[str] = set()
    sources: set[str] = set()
    citations: set[str] = set()
    comments: set[str] = set()
    attached: set[str] = set()
    for _, _, _, _, action, entity, entity_id, data in rows:
        mentioned = [(entity + "s", entity_id)]
        try:
            decoded = json.loads(data)
        except ValueError:
            decoded = {}
        if isinstance(decoded, dict):
            mentioned += [(t, i) for t, i, _, _ in units.touches(action, entity_id, decoded)]
        for table, row_id in mentioned:
            if table == "claim_tasks":
                claims.add(row_id.split(" ")[0])
            else:
                {"claims": claims, "articles": articles, "sources": sources, "citations": citations,
                 "comments": comments, "attachments": attached}.get(table, set()).add(row_id)
    out: dict[str, list[dict]] = {}

    def select(table: str, column: str, ids: Iterable[str]) -> list[dict]:
        ids = sorted(set(ids))
        found = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            cursor = store.execute(f"SELECT * FROM {table} WHERE {column} IN ({', '.join('?' * len(chunk))})", chunk)
            names = [d[0] for d in cursor.description]
            found += [dict(zip(names, r)) for r in cursor]
        return found

    # Rows named by id lead to their claims and sources; claims to their articles.
    claims |= {r["claim_id"] for r in select("citations", "id", citations)}
    claims |= {r["claim_id"] for r in select("comments", "id", comments)}
    out["claims"] = select("claims", "id", claims)
    out["citations"] = {r["id"]: r for r in select("citations", "claim_id", claims) +
                        select("citations", "source_id", sources) + select("citations", "id", citations)}
    out["citations"] = list(out["citations"].values())
    sources |= {r["source_id"] for r in out["citations"]}
    out["sources"] = select("sources", "id", sources)
    out["articles"] = select("articles", "id", articles)
    out["versions"] = select("versions", "article_id", articles)
    out["comments"] = select("comments", "claim_id", claims)
    out["corrections"] = select("corrections", "claim_id", claims)
    out["claim_tasks"] = select("claim_tasks", "claim_id", claims)
    out["attachments"] = select("attachments", "id", attached)
    cursor = store.execute("SELECT * FROM settings")
    out["settings"] = [dict(zip([d[0] for d in cursor.description], r)) for r in cursor]
    blobs = {r["original_blob"] for r in out["versions"] if r.get("original_blob")}
    blobs |= {r["archive_blob"] for r in out["sources"] if r.get("archive_blob")}
    for row in out["settings"]:
        if row["key"] == "organisation_logo":
            try:
                value = json.loads(row["value"])
            except ValueError:
                value = None
            if isinstance(value, str) and value:
                blobs.add(value)
    return out, blobs


def evidence_rows(store, tables: dict[str, list[dict]]) -> list[dict]:
    """The evidence files the attachments among ``tables`` name that this copy holds: their metadata."""
    shas = sorted({r["sha256"] for r in tables.get("attachments", ()) if r.get("sha256")})
    found = []
    for sha in shas:
        cursor = store.execute("SELECT sha256, size, mime, name, stored_at, stored_by FROM evidence_files "
                               "WHERE sha256 = ?", (sha,))
        found += [dict(zip([d[0] for d in cursor.description], r)) for r in cursor]
    return found


# --- reading ------------------------------------------------------------------------------------------


def _digest(manifest: dict) -> str:
    """The manifest's own checksum: over its canonical JSON without this field."""
    return hashlib.sha256(events.canonical({k: v for k, v in manifest.items() if k != "digest"})
                          .encode("utf-8")).hexdigest()


def _edited(path: pathlib.Path) -> HandoffRefused:
    return HandoffRefused(N_("{name} was changed after it was written (its content does not match its "
                             "checksums), so nothing was merged: ask the sender for it again.", name=path.name))


def _truncated(path: pathlib.Path) -> HandoffRefused:
    return HandoffRefused(N_("{name} is incomplete or damaged (cut short when it was copied or sent?), so "
                             "nothing was merged: ask the sender for it again.", name=path.name))


def read(path: str | os.PathLike) -> Received:
    """Read and check a hand-off file whole; ``HandoffRefused`` (one sentence) if anything is wrong."""
    path = pathlib.Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise _truncated(path) from None
    except OSError as exc:
        raise HandoffRefused(N_("{name} cannot be read: {reason}.", name=path.name,
                                reason=exc.strerror or str(exc))) from None
    with archive:
        if "manifest.json" not in archive.namelist():
            raise HandoffRefused(N_("{name} is not a factcheck hand-off file.", name=path.name))
        try:
            manifest = json.loads(_member(archive, "manifest.json", path))
        except ValueError:
            raise _edited(path) from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise HandoffRefused(N_("{name} is not a factcheck hand-off file.", name=path.name))
        if not isinstance(manifest.get("version"), int) or manifest["version"] > VERSION:
            raise HandoffRefused(N_("{name} was written by a newer version of factcheck; update factcheck to "
                                    "merge it.", name=path.name))
        if manifest.get("digest") != _digest(manifest):
            raise _edited(path)
        listed = manifest.get("members")
        if not isinstance(listed, dict) or set(listed) | {"manifest.json"} != set(archive.namelist()):
            raise _edited(path)
        texts = {}
        for name in ("events.jsonl", "rows.json"):
            data = _member(archive, name, path)
            if hashlib.sha256(data).hexdigest() != listed[name].get("sha256"):
                raise _edited(path)
            texts[name] = data
        blob_names = [n[len("blobs/"):] for n in listed if n.startswith("blobs/")]
        evidence_names = [n[len("evidence/"):] for n in listed if n.startswith("evidence/")]
    try:
        rows_text = texts["rows.json"].decode("utf-8")
        rows = json.loads(rows_text)
        event_lines = [json.loads(line) for line in texts["events.jsonl"].decode("utf-8").splitlines() if line]
        fields = (manifest["project"], manifest["head"], manifest["from"], manifest["made_at"], manifest["name"])
        since = list(manifest["since"])
    except (ValueError, KeyError, TypeError):
        raise _edited(path) from None
    if not all(isinstance(v, str) for v in fields) or not isinstance(rows, dict):
        raise _edited(path)
    event_rows = []
    seen: set[str] = set()
    for n, line in enumerate(event_lines, 1):
        if not isinstance(line, list) or len(line) != 8 or not all(isinstance(v, str) for v in line):
            raise _edited(path)
        event_id, parents, at, actor, action, entity, entity_id, data = line
        if events.event_id(parents, at, actor, action, entity, entity_id, data) != event_id:
            raise _edited(path)
        seen.add(event_id)
        event_rows.append((n, event_id, parents, at, actor, action, entity, entity_id, data))
    return Received(path, fields[0], fields[4], fields[2], fields[3], fields[1], since, event_rows, rows,
                    blob_names, path, evidence_names=evidence_names)


def _member(archive: zipfile.ZipFile, name: str, path: pathlib.Path) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise _edited(path) from None
    if info.file_size > _MAX_MEMBER:
        raise _edited(path)
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, EOFError, zlib.error, OSError, ValueError):
        # A CRC that does not match, a member cut short: the file was damaged or cut.
        raise _truncated(path) from None


def held(store, ids: Iterable[str]) -> set[str]:
    """Those of ``ids`` that this log holds (looked up by id, 500 at a time)."""
    ids = list(dict.fromkeys(ids))
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        found.update(r[0] for r in store.execute(
            f"SELECT id FROM events WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
    return found


def _builds_on(received: Received) -> tuple[set[str], set[str]]:
    """(the file's events, the events it builds on: its marks and its events' parents it does not hold)."""
    in_file = {r[1] for r in received.event_rows}
    needed = set(received.since)
    for r in received.event_rows:
        needed.update(p for p in events.parent_ids(r[2]) if p not in in_file)
    return in_file, needed


def _not_received_yet(received: Received) -> HandoffRefused:
    return HandoffRefused(N_(
        "{name} builds on changes this copy has not received yet; merge the earlier hand-off from {sender} "
        "first, or ask {sender} for a hand-off of everything (factcheck handoff --since start).",
        name=received.path.name, sender=received.sender or "?"))


class _Lacking:
    """The receiver's local-only events that are not in the file, walked (in log order) each time they are asked for."""

    def __init__(self, local_only: Iterable[str], in_file: set[str]):
        self.local_only, self.in_file = local_only, in_file

    def __iter__(self) -> Iterator[str]:
        return (event_id for event_id in self.local_only if event_id not in self.in_file)


def check_known(received: Received, store) -> Iterable[str]:
    """``check_base`` for a receiver that knows its local-only events: only the file's outside parents are looked up.

    The ids are not read here: a merge that finds nothing coming in never walks them.
    """
    in_file, needed = _builds_on(received)
    if needed - held(store, needed):
        raise _not_received_yet(received)
    # An event pushed whose reply was lost comes back in the file: it is the sender's too.
    return _Lacking(received.local_only or (), in_file)


def check_base(received: Received, store) -> list[str]:
    """The ids of this copy's events that the sender lacks, in log order.

    The sender's history is the file's events and the events they build on (which this copy
    must hold, else the file is refused, as one that builds on an earlier hand-off not merged
    yet) with everything before those; what this copy holds besides is found by walking back
    from its head to there (``unsent``), not by reading its whole history.
    """
    in_file, needed = _builds_on(received)
    if not received.event_rows:
        needed.add(received.head)
    have = held(store, needed | in_file)
    if needed - have - in_file:
        raise _not_received_yet(received)
    return [event_id for _, event_id, _ in unsent(store, (needed - in_file) | (in_file & have))]
