"""A large pull, page by page: staged in a file beside the project, taken in at the end in one transaction.

A pull of more events than one page (``PAGE``) does not read the server in one call. It
reads pages (``factcheck.pull_page``, ``pull_rows_page``, ``pull_files_page``: keyset pages
of the events, the rows they left and the stored files, each in the order of the server's
counter) into a staging file beside the project (``<name>-pull``, SQLite). Each round is a
short REPEATABLE READ transaction on the server and one transaction in the staging file,
which also records where each of the three streams stands. The project is not touched
meanwhile, so a pull stopped (``Cancelled``), cut off or killed leaves it as it was, and
the next sync goes on from the staging file.

No transaction spans the pages, yet the result is one moment of the server. Events never
change once published, so their pages are stable. A row's body may: a push published
between two rounds moves the rows it touched to its own counter, ahead of where the scan
of rows stands, and the scan meets each row again at its newest place (the later read
replaces the earlier). The pull ends at a round whose snapshot finds all three streams
read up to its counter: the staging file then holds every event up to that counter and
every row as it stood then, what one transaction at that moment would have read.

Taking it in (``take_in``), when this copy holds no event the server lacks (a new laptop;
any copy that only received since its last sync), is a fast-forward: the server's rows
are the merged state. In one transaction the events this copy lacks are adopted in the
server's order (each id checked against its content, each parent held before it), rows
this copy lacks are inserted whole and rows that differ take the server's values (a
claim's ``revision`` is this copy's own counter: it goes up by one), the stored files they
name go in, tasks are ticked as the last event that touched each left them, and the
cursor moves. Nothing of it is held in memory beyond a page. A copy with changes of its
own is merged instead (``received``: the staged pull read back as a ``handoff.Received``
for ``merge.plan_received``, which holds what comes in).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import pathlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator

from factcheck.core import attachments, events, handoff, model
from factcheck.core.errors import Cancelled
from factcheck.core.text import N_
from factcheck.sync import client

#: Events (and rows) a page holds at most, and about how many characters of them (one at least).
PAGE = 2_000
PAGE_CHARS = 4_000_000
#: Stored files a page holds at most, and about how many bytes of them (one at least, whatever its size).
FILES = 100
FILES_BYTES = 16_000_000
#: What ``progress(stage, done, total)`` is told: events received, then events and rows taken in.
RECEIVING = "receiving"
TAKING_IN = "taking in"
#: The staging file is the project's name with this after it.
SUFFIX = "-pull"
#: The tables a pull writes whole rows of, in the order their foreign keys would want (checked at commit).
TABLES = ("settings", "articles", "versions", "sources", "claims", "citations", "comments", "corrections",
          "attachments")
#: Ids looked up at a time (the most an ``IN (...)`` list holds here), and rows taken in at a time.
STEP = 500
#: Characters of events' data or rows' JSON taken in at a time, about (one at least).
CHUNK_CHARS = 1_000_000
#: The project connection's page cache while a pull is taken in, in KiB (SQLite's default is 2,000): rows with
#: random ids land all over a dozen indexes, which a small cache reads again and again from the journal.
CACHE_KB = 32_000

#: The staging file's tables. ``rows`` has a rowid: a claim's JSON (a kilobyte or so) then fits in its page,
#: where keyed by (tbl, key) alone it would take a page of its own.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, parents TEXT NOT NULL,
    at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
    data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rows (tbl TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (tbl, key));
CREATE TABLE IF NOT EXISTS files (sha256 TEXT PRIMARY KEY, mime TEXT NOT NULL, size INTEGER NOT NULL,
    filename TEXT NOT NULL, data BLOB NOT NULL);
"""


def path_of(project) -> pathlib.Path:
    return pathlib.Path(str(project.path) + SUFFIX)


def discard(project) -> None:
    """Remove the staging file of a pull under way, if any (its pull is done, or can no longer go on)."""
    base = path_of(project)
    for extra in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            pathlib.Path(str(base) + extra).unlink()


def discard_taken(project, cursor: int) -> None:
    """Remove a staging file whose pull no longer goes on from this cursor: taken in already (a process killed
    between taking it in and removing it: hundreds of MB beside a desk's project) or begun from another one. One
    begun from this cursor (stopped, killed, or another sync's under way) is kept."""
    path = path_of(project)
    if not path.exists():
        return
    with _opened(path) as stage:
        state = stage.state()
    if state is None or state.get("since") != cursor:
        discard(project)


@dataclasses.dataclass(frozen=True)
class Staged:
    """A pull received whole: the events after ``since`` up to ``counter`` (whose newest is ``head``)."""

    path: pathlib.Path
    since: int
    since_head: str
    counter: int
    head: str


class _Stage:
    """The staging file, open: its tables, and where the pull stands (``state``, one JSON value in ``meta``)."""

    def __init__(self, path: pathlib.Path):
        self.path = path
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = OFF")  # a killed process loses nothing; a power cut: start over
            self.conn.executescript(_SCHEMA)
        except sqlite3.Error:
            self.conn.close()
            raise

    def close(self) -> None:
        self.conn.close()

    def state(self) -> dict | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'state'").fetchone()
        return json.loads(row[0]) if row else None

    def reset(self, begun: dict) -> dict:
        """Empty it, for a pull that begins at ``begun`` (project, since, since_head); the state it starts from.

        Inside ``writing``.
        """
        for table in ("meta", "events", "rows", "files"):
            self.conn.execute(f"DELETE FROM {table}")
        since = begun["since"]
        state = {**begun, "events_at": since, "rows_at": [since, "", ""], "files_at": [since, ""],
                 "counter": since, "head": begun["since_head"]}
        self.keep(state)
        return state

    def keep(self, state: dict) -> None:
        self.conn.execute("INSERT INTO meta (key, value) VALUES ('state', ?) ON CONFLICT(key) DO UPDATE "
                          "SET value = excluded.value", (json.dumps(state),))

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One transaction on the staging file, its write lock taken first (two pulls of a project take turns)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def count(self) -> int:
        """The events and rows ``take_in`` goes through."""
        listed = ", ".join(f"'{table}'" for table in TABLES)
        return (self.conn.execute("SELECT count(*) FROM events").fetchone()[0]
                + self.conn.execute(f"SELECT count(*) FROM rows WHERE tbl IN ({listed})").fetchone()[0])

    def stream(self, sql: str, params: tuple = (), size: int = STEP) -> Iterator[list[tuple]]:
        """The rows of a query in lists of at most ``size``, and of about ``CHUNK_CHARS`` characters of their last
        column (one row at least): an article's versions carry its text."""
        cursor = self.conn.execute(sql, params)
        try:
            found, chars = [], 0
            for row in cursor:
                found.append(row)
                chars += len(row[-1] or "")
                if len(found) >= size or chars >= CHUNK_CHARS:
                    yield found
                    found, chars = [], 0
            if found:
                yield found
        finally:
            cursor.close()

    def holds(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), STEP):
            chunk = ids[i:i + STEP]
            found.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM events WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
        return found


@contextlib.contextmanager
def _opened(path: pathlib.Path) -> Iterator[_Stage]:
    try:
        stage = _Stage(path)
    except sqlite3.DatabaseError:  # damaged (a power cut with nothing flushed): what it held is fetched again
        for extra in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                pathlib.Path(str(path) + extra).unlink()
        stage = _Stage(path)
    try:
        yield stage
    finally:
        stage.close()


# --- receiving ---------------------------------------------------------------------------------------


def receive(conn, project, since: int, since_head: str | None, *, page: int = PAGE, progress=None) -> Staged:
    """Read what the server holds after ``since`` into the staging file, page by page; where it ended.

    Goes on from what the staging file holds when it was filled from the same cursor (a pull
    stopped or killed before). ``progress(RECEIVING, received, total)`` after each round;
    False stops there (``Cancelled``), and the next pull goes on from there.
    """
    project_id = events.project_id(project.store)
    begun = {"project": project_id, "since": since, "since_head": since_head or ""}
    with _opened(path_of(project)) as stage:
        state = stage.state()
        if state is None or {k: state.get(k) for k in begun} != begun:
            with stage.writing():
                stage.reset(begun)
        while True:
            done, state = _round(conn, stage, project_id, page)
            received, total = state["events_at"] - since, state["counter"] - since
            if done:
                if progress is not None:
                    progress(RECEIVING, received, total)
                return Staged(stage.path, since, since_head or "", state["counter"], state["head"])
            if progress is not None and progress(RECEIVING, received, total) is False:
                raise Cancelled(N_("Receiving changes from the sync server stopped after {n} of {total}; the next "
                                   "sync goes on from there.", n=received, total=total))


def _round(conn, stage: _Stage, project_id: str, page: int) -> tuple[bool, dict]:
    """One page of each stream, read in one snapshot of the server and kept in one transaction of the staging file.

    Returns (whether all three were read up to the counter of that snapshot, where the pull stands now).
    A pull that holds events asks again for its last one, to see that the server's history is still the
    one it received (a server restored from a backup is not): if not, it starts over.
    """
    with stage.writing():
        state = stage.state()
        again = state["events_at"] > state["since"]
        found = _read(conn, project_id, state, page, again)
        if again:
            last = stage.conn.execute("SELECT id FROM events WHERE seq = ?", (state["events_at"],)).fetchone()
            if last is None or found["last"] != (state["events_at"], last[0]):
                return False, stage.reset({k: state[k] for k in ("project", "since", "since_head")})
        for r in found["events"]:  # the server checked each id; a copy never takes that on trust
            if events.event_id(*r[2:9]) != r[1]:
                raise client.Refused(N_("The sync server sent an event that does not match its id; nothing was "
                                        "merged."))
        stage.conn.executemany("INSERT INTO events (seq, id, parents, at, actor, action, entity, entity_id, data) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [r[:9] for r in found["events"]])
        stage.conn.executemany("INSERT INTO rows (tbl, key, body) VALUES (?, ?, ?) ON CONFLICT(tbl, key) "
                               "DO UPDATE SET body = excluded.body", [r[1:] for r in found["rows"]])
        stage.conn.executemany("INSERT OR REPLACE INTO files (sha256, mime, size, filename, data) "
                               "VALUES (?, ?, ?, ?, ?)", [r[1:] for r in found["files"]])
        if found["events"]:
            state["events_at"] = found["events"][-1][0]
        if found["rows"]:
            state["rows_at"] = list(found["rows"][-1][:3])
        if found["files"]:
            state["files_at"] = list(found["files"][-1][:2])
        state["counter"], state["head"] = found["counter"], found["head"]
        stage.keep(state)
    return not (found["events"] or found["rows"] or found["files"]), state


def _read(conn, project_id: str, state: dict, page: int, again: bool) -> dict:
    """One page of events, rows and stored files after where the pull stands, and the counter, in one snapshot.

    ``again``: also (seq, id) of the server's event at or after the last one received (``last``), asked for on
    its own so that it never takes a place, or characters, of the page: a page that held only that event again
    would look like the end of the events.
    """
    events_page = ("SELECT seq, id, parents, at, actor, action, entity, entity_id, data "
                   "FROM factcheck.pull_page(%s, %s, %s, %s)")

    def read():
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            who = conn.execute("SELECT counter, head FROM factcheck.whoami(%s)", (project_id,)).fetchone()
            last = conn.execute(events_page, (project_id, state["events_at"] - 1, 1, 1)).fetchone() if again else None
            found = conn.execute(events_page, (project_id, state["events_at"], page, PAGE_CHARS)).fetchall()
            rows = conn.execute("SELECT seq, tbl, key, body::text FROM factcheck.pull_rows_page(%s, %s, %s, %s, %s, "
                                "%s, %s)", (project_id, state["since"], *state["rows_at"], page, PAGE_CHARS)).fetchall()
            files = conn.execute("SELECT seq, sha256, mime, size, filename, data FROM factcheck.pull_files_page(%s, "
                                 "%s, %s, %s, %s, %s)", (project_id, state["since"], *state["files_at"], FILES,
                                                         FILES_BYTES)).fetchall()
            return who, last, found, rows, files

    who, last, found, rows, files = client._call(conn, read)
    if who is None:
        raise client.SyncError(N_("The sync server no longer holds this project."))
    return {"counter": who[0], "head": who[1] or "", "last": last[:2] if last else None, "events": found, "rows": rows,
            "files": [(seq, sha, mime, size, name, bytes(data)) for seq, sha, mime, size, name, data in files]}


# --- taking it in ------------------------------------------------------------------------------------


class _NotFastForward(Exception):
    """This copy holds events the server lacks: the pull is a merge."""


class Gone(Exception):
    """The staging file no longer holds what ``receive`` returned: another sync of the same file (the app's and
    the command line's) took it in and removed it, or began its own. Pull again; nothing was written."""


@contextlib.contextmanager
def _as_received(staged: Staged) -> Iterator[_Stage]:
    """The staging file read in one snapshot, which must be the pull ``receive`` returned (else ``Gone``): a file
    emptied or filled further by another sync meanwhile would move the cursor past what was taken in."""
    with _opened(staged.path) as stage:
        stage.conn.execute("BEGIN")
        try:
            state = stage.state() or {}
            if [state.get(k) for k in ("since", "counter", "head")] != [staged.since, staged.counter, staged.head]:
                raise Gone
            yield stage
        finally:
            stage.conn.execute("ROLLBACK")  # it was only read


@dataclasses.dataclass(frozen=True)
class Taken:
    """What ``take_in`` did: the events adopted, and the ``Changes`` for views (None: nothing was new)."""

    events: int
    changes: model.Changes | None


def take_in(project, staged: Staged, local_only: Callable[[], Iterable[str]], *, name: str, page: int = PAGE,
            progress=None) -> Taken | None:
    """Take a staged pull into the project in one transaction, when it is a fast-forward; None when it is not.

    ``local_only()``: the ids of this copy's events the server may lack (those after what it
    knows the server holds); the pull is a fast-forward when the staging file holds every one.
    ``progress(TAKING_IN, done, total)`` (events and rows, read ``page`` at a time) after each
    ``page`` and at the end; False stops and rolls back (``Cancelled``), and the staging file
    stays for the next sync. The cursor moves in the same transaction (with ``pushed_seq``:
    every event here is on the server now); the staging file is removed after it. ``name``:
    the server, as a damaged evidence file's sentence names where it came from.
    """
    store = project.store
    with _as_received(staged) as stage:
        total, done = stage.count(), [0]

        def step(n: int) -> None:
            before, done[0] = done[0], done[0] + n
            if progress is None or (before // page == done[0] // page and done[0] < total):
                return
            if progress(TAKING_IN, done[0], total) is False:
                raise Cancelled(N_("Taking in the changes received from the sync server stopped; nothing of them "
                                   "was written, and the next sync takes them in."))

        kept = store.execute("PRAGMA cache_size").fetchone()[0]
        store.execute(f"PRAGMA cache_size = -{CACHE_KB}")
        try:
            with store.transaction():
                _fast_forward(stage, local_only())
                store.execute("PRAGMA defer_foreign_keys = ON")  # rows in any order; their keys checked at commit
                adopted, seq = _adopt(store, stage, step, page)
                written = _files(store, stage) + _rows(store, stage, step, page) + _tasks(store, stage)
                written += _evidence(project, stage, name)
                # A fast-forward leaves no event here that the server lacks: the next push walks none of them.
                newest = store.execute("SELECT max(seq) FROM events").fetchone()[0]
                client._set_state(project, cursor=staged.counter, server_head=staged.head, pushed_seq=newest)
        except _NotFastForward:
            return None
        finally:
            store.execute(f"PRAGMA cache_size = {kept}")
    discard(project)
    project.forget_cached_settings()
    if not adopted and not written:
        return Taken(0, None)
    return Taken(adopted, model.Changes(action="project.merge", what=model.What.EVERYTHING, event_seq=seq))


def _fast_forward(stage: _Stage, local_only: Iterable[str]) -> None:
    """Raise ``_NotFastForward`` when one of this copy's events the server may lack is not in the pull."""
    chunk: list[str] = []
    for event_id in local_only:
        chunk.append(event_id)
        if len(chunk) == STEP:
            if len(stage.holds(chunk)) < len(chunk):
                raise _NotFastForward
            chunk = []
    if chunk and len(stage.holds(chunk)) < len(chunk):
        raise _NotFastForward


def _adopt(store, stage: _Stage, step, page: int) -> tuple[int, int | None]:
    """Adopt the staged events this copy lacks, in the server's order; (how many, the last seq written)."""
    adopted, seq = 0, None
    for chunk in stage.stream("SELECT seq, id, parents, at, actor, action, entity, entity_id, data FROM events "
                              "ORDER BY seq", size=page):
        have = handoff.held(store, [r[1] for r in chunk])
        fresh = [r for r in chunk if r[1] not in have]
        named = {p for r in fresh for p in events.parent_ids(r[2])}
        known = handoff.held(store, named)
        for _, event_id, parents, at, actor, action, entity, entity_id, data in fresh:
            if any(p not in known for p in events.parent_ids(parents)):
                raise client.Refused(N_("The sync server sent a change that follows changes it did not send; "
                                        "nothing was merged."))
            try:
                seq = events.adopt(store, at, actor, action, entity, entity_id, data, parents, event_id)
            except ValueError:
                raise client.Refused(N_("The sync server sent an event that does not match its id; nothing was "
                                        "merged.")) from None
            known.add(event_id)
            adopted += 1
        step(len(chunk))
    return adopted, seq


def _columns(store, table: str) -> list[str]:
    return [r[1] for r in store.execute(f"PRAGMA table_info({table})")]


def _rows(store, stage: _Stage, step, page: int) -> int:
    """Every staged row, as the server holds it: inserted where this copy lacks it, else its values where they
    differ (a claim's ``revision``, this copy's own counter, goes up by one instead). How many were written."""
    written = 0
    for table in TABLES:
        columns = _columns(store, table)
        key = "key" if table == "settings" else "id"
        for chunk in stage.stream("SELECT key, body FROM rows WHERE tbl = ? ORDER BY key", (table,), min(page, STEP)):
            theirs = {k: json.loads(body) for k, body in chunk}
            cursor = store.execute(f"SELECT * FROM {table} WHERE {key} IN ({', '.join('?' * len(theirs))})",
                                   list(theirs))
            names = [d[0] for d in cursor.description]
            ours = {r[names.index(key)]: dict(zip(names, r)) for r in cursor}
            new: dict[tuple[str, ...], list[tuple]] = {}  # rows this copy lacks, by the columns they have
            for row_key, row in theirs.items():
                values = {c: row[c] for c in columns if c in row}
                here = ours.get(row_key)
                if here is None:
                    new.setdefault(tuple(values), []).append(tuple(values.values()))
                    continue
                changed = {c: v for c, v in values.items() if c not in (key, "revision") and here[c] != v}
                if changed:
                    sets = ", ".join(f'"{c}" = ?' for c in changed)
                    bump = ", revision = revision + 1" if table == "claims" else ""
                    store.execute(f"UPDATE {table} SET {sets}{bump} WHERE {key} = ?", (*changed.values(), row_key))
                    written += 1
            for names, values in new.items():
                listed = ", ".join(f'"{c}"' for c in names)
                store.executemany(f"INSERT INTO {table} ({listed}) VALUES ({', '.join('?' * len(names))})", values)
                written += len(values)
            step(len(chunk))
    return written


#: Of the staged events, the last that ticked or unticked each task (``claim_id task_id``) or that settled it in a
#: merge, with the staged row of the task: (key, done, at, actor, row).
_LAST_TICKS = """
WITH ticks AS (
    SELECT seq, entity_id || ' ' || json_extract(data, '$.task_id') AS k, json_extract(data, '$.done') AS done,
           at, actor
    FROM events WHERE action = 'task.tick' AND json_valid(data)
    UNION ALL
    SELECT e.seq, json_extract(u.value, '$[1]'), json_extract(u.value, '$[3]'), e.at, e.actor
    FROM events e, json_each(e.data, '$.units') u
    WHERE e.action = 'project.merge' AND json_valid(e.data) AND json_extract(u.value, '$[0]') = 'claim_tasks')
SELECT t.k, t.done, t.at, t.actor, r.body
FROM (SELECT k, done, at, actor, row_number() OVER (PARTITION BY k ORDER BY seq DESC) AS n FROM ticks) t
LEFT JOIN rows r ON r.tbl = 'claim_tasks' AND r.key = t.k
WHERE t.n = 1 AND t.k IS NOT NULL
"""


def _tasks(store, stage: _Stage) -> int:
    """Each task a staged event ticked or unticked (or a merge settled) as the last of them left it.

    Not from the staged rows: an unticked task has no row, and the server keeps the row an
    earlier push sent.
    """
    written = 0
    for chunk in stage.stream(_LAST_TICKS):
        for task_key, done, at, actor, body in chunk:
            claim_id, _, task_id = str(task_key).partition(" ")
            here = store.execute("SELECT done_at, done_by FROM claim_tasks WHERE claim_id = ? AND task_id = ?",
                                 (claim_id, task_id)).fetchone()
            row = (json.loads(body) if body else {"done_at": at, "done_by": actor}) if done else None
            if row is not None and here == (row["done_at"], row["done_by"]) or row is None and here is None:
                continue
            store.execute("DELETE FROM claim_tasks WHERE claim_id = ? AND task_id = ?", (claim_id, task_id))
            if row is not None:
                store.execute("INSERT INTO claim_tasks (claim_id, task_id, done_at, done_by) VALUES (?, ?, ?, ?)",
                              (claim_id, task_id, row["done_at"], row["done_by"]))
            written += 1
    return written


def _files(store, stage: _Stage) -> int:
    """The stored files the staged rows name (originals, archived pages, the logo) that this copy lacks."""
    named = stage.conn.execute(
        "SELECT f.sha256 FROM files f WHERE f.sha256 IN ("
        " SELECT json_extract(body, '$.original_blob') FROM rows WHERE tbl = 'versions'"
        " UNION SELECT json_extract(body, '$.archive_blob') FROM rows WHERE tbl = 'sources'"
        " UNION SELECT json_extract(json_extract(body, '$.value'), '$') FROM rows"
        "  WHERE tbl = 'settings' AND key = 'organisation_logo' AND json_valid(json_extract(body, '$.value')))"
        " ORDER BY f.sha256").fetchall()
    written = 0
    for (sha,) in named:
        if store.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (sha,)).fetchone():
            continue
        found = stage.conn.execute("SELECT sha256, mime, size, filename, data FROM files WHERE sha256 = ?",
                                   (sha,)).fetchone()
        store.execute("INSERT INTO blobs (sha256, mime, size, filename, data) VALUES (?, ?, ?, ?, ?)", found)
        written += 1
    return written


def _evidence(project, stage: _Stage, name: str) -> int:
    """The evidence files of this copy's attachments that came as stored files (each checked as it is stored)."""
    vault = project.managers.attachments
    waiting = [r[0] for r in project.store.execute(
        "SELECT DISTINCT sha256 FROM attachments WHERE sha256 NOT IN (SELECT sha256 FROM evidence_files) "
        "ORDER BY sha256")]
    written = 0
    for sha in waiting:
        found = stage.conn.execute("SELECT mime, filename, data FROM files WHERE sha256 = ?", (sha,)).fetchone()
        if found is None:
            continue
        mime, filename, data = found
        meta = {"sha256": sha, "size": len(data), "mime": mime, "name": filename}
        chunks = (data[i:i + attachments.CHUNK] for i in range(0, len(data), attachments.CHUNK))
        written += vault.store_chunks(meta, chunks, where=name)
    return written


# --- a pull that is a merge ------------------------------------------------------------------------


def received(project, staged: Staged, local_only: Iterable[str]) -> handoff.Received:
    """The staged pull read back whole, for ``merge.plan_received``: a copy with changes of its own merges it."""
    with _as_received(staged) as stage:
        event_rows = [(n, *r) for n, r in enumerate(stage.conn.execute(
            "SELECT id, parents, at, actor, action, entity, entity_id, data FROM events ORDER BY seq"), 1)]
        tables: dict[str, list[dict]] = {}
        for table, body in stage.conn.execute("SELECT tbl, body FROM rows ORDER BY tbl, key"):
            tables.setdefault(table, []).append(json.loads(body))
        loaded = {r[0]: (r[0], r[1], r[2], r[3], bytes(r[4])) for r in stage.conn.execute(
            "SELECT sha256, mime, size, filename, data FROM files")}
    return handoff.Received(
        path=pathlib.Path("server"), project_id=events.project_id(project.store), project_name="", sender="",
        made_at="", head=staged.head, since=[staged.since_head] if staged.since_head else [],
        event_rows=event_rows, rows=tables, blob_names=list(loaded), loaded_blobs=loaded, local_only=local_only)
