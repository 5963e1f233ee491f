"""A project's working copy, synced through the desk's PostgreSQL: pull and merge, then push.

Sync is merge with a shared log. **Pull** reads, in one REPEATABLE READ transaction (one
moment of the server), the events after this copy's cursor, the rows they left and the
files they stored: exactly what a hand-off file carries (``core.handoff.Received``), so
``core.merge`` merges them as it merges a copy, conflicts and review rules included. A
pull of more than a page of events goes page by page through a staging file instead
(``pull.py``), and is taken in at the end in one transaction.
**Push** sends the events the server lacks (every local event that is not an ancestor of
the server's head at the cursor), with the rows they touched and the files those name,
through ``factcheck.push``, which appends them only on top of the counter this copy last
pulled; if another copy pushed first it refuses, and ``sync`` pulls, merges and pushes
again. The cursor is the server's per-project counter, taken with ``SELECT ... FOR
UPDATE`` in the push, so commit order is cursor order: a pull never skips a push that
committed late.

The link (``sync_state`` in the project file, not an event): the connection string
without its password, the server's counter this copy has merged, and the server's head
then. Passwords are never stored in the project: libpq's own means (``PGPASSWORD``,
``~/.pgpass``, a service file) or the system keyring (``credentials.py``) supply them.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import json
import pathlib
import random
import time
from collections.abc import Iterator

from factcheck.core import events, later
from factcheck.core.errors import Cancelled, KnownError
from factcheck.core.text import N_, Text

#: Loaded when a sync runs: the app's start only asks whether a project is linked.
handoff = later.Module("factcheck.core.handoff")
merge = later.Module("factcheck.core.merge")
pull = later.Module("factcheck.sync.pull")

#: SQLSTATEs ``schema.sql`` raises.
BEHIND = "FC409"
BUSY = "FC423"
FORBIDDEN = "FC403"
MALFORMED = "FC422"
TOO_LARGE = "FC413"
#: How many times ``sync`` pulls again when another copy pushed in between (with a random
#: wait that grows each time, so copies that collided do not collide again in step).
RETRIES = 12
#: The largest evidence file a push carries (whole, in a call of its own); larger ones go by hand-off or merge.
EVIDENCE_LIMIT = 32 * 1000 * 1000
CHANNEL = "factcheck"


class SyncError(KnownError):
    """Syncing failed; the project is as it was before the step that failed."""


class Offline(SyncError):
    """The server cannot be reached: work goes on locally and is pushed later."""


class Behind(SyncError):
    """Another copy pushed since this one pulled: pull, merge and push again."""


class Busy(SyncError):
    """Another login's push is under way (a project's first, or a large one): this copy syncs once it is published."""


class Refused(SyncError):
    """The server refused what this copy sent (a rule it enforces, or a malformed event).

    ``code``: the server's name for the rule (``REASONS``); ``event_id``: the event it
    refused, when it names one.
    """

    def __init__(self, text, *, code: str = "", event_id: str | None = None):
        super().__init__(text)
        self.code = code
        self.event_id = event_id


#: Why the server refuses, by the name ``schema.sql`` gives each rule in its errors' HINT
#: (its own messages are English and for the server's log; these are translated).
REASONS = {
    "not-member": N_("{user} is not a member of this project on the sync server (an editor adds members with "
                     "factcheck server grant)"),
    "seed-editor": N_("an editor puts a project on the server first, with its history; then checkers sync it"),
    "seeding": N_("{user} is putting this project on the server with its history, and this copy syncs once that "
                  "is done"),
    "busy": N_("{user} is sending a large set of changes, and this copy syncs once they are in"),
    "checker-signoff": N_("{user} is a checker on this project, and only an editor may approve or publish a verdict"),
    "approval-state": N_("an approval does not name the verdict it approved (it was written by another program)"),
    "status-outside-review": N_("a review status may change only through review"),
    "merge-approval": N_("a merge may keep only approvals that an editor made on this server"),
    "four-eyes": N_("{user} last changed this verdict, so someone else must approve it (four-eyes rule)"),
    "append-only": N_("the server's history is append-only"),
    "too-large": N_("a change is larger than the server accepts"),
    "bad-id": N_("a change does not match its id: it was altered after it was made"),
    "malformed": N_("a change is not well formed"),
    "unknown-parent": N_("a change follows changes the server does not hold"),
    "other-project": N_("a change belongs to another project"),
    "bad-file": N_("a stored file does not match its SHA-256"),
}


@dataclasses.dataclass
class Outcome:
    """What one ``sync`` did."""

    pulled: int = 0  # events that came in
    pushed: int = 0  # events that went up
    conflicts: merge.MergePlan | None = None  # a pull that needs choices: nothing was merged or pushed
    lapsed: list = dataclasses.field(default_factory=list)  # approvals that lapsed in the merge
    changes: object = None  # the merge's ``Changes`` (for the app to refresh), if anything came in


# --- the link in the project file ------------------------------------------------------------


def without_password(dsn: str) -> str:
    """The connection string to keep: everything but a password."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    try:
        parts = conninfo_to_dict(dsn)
    except Exception as exc:  # psycopg.ProgrammingError: not a connection string
        raise SyncError(N_("This is not a PostgreSQL connection string: {reason}", reason=str(exc))) from None
    parts.pop("password", None)
    return make_conninfo(**{k: v for k, v in parts.items() if v is not None})


def state(project) -> dict[str, str]:
    return dict(project.store.execute("SELECT key, value FROM sync_state").fetchall())


def _set_state(project, **values) -> None:
    with project.store.transaction():
        for key, value in values.items():
            if value is None:
                project.store.execute("DELETE FROM sync_state WHERE key = ?", (key,))
            else:
                project.store.execute("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, str(value)))


def link(project, dsn: str) -> str:
    """Remember where this project syncs (the password left out); returns what was stored.

    A new server starts from nothing: the cursor goes back to 0 and the first sync pushes
    the whole history (the server keeps each event once).
    """
    kept = without_password(dsn)
    _set_state(project, dsn=kept, cursor=0, server_head=None, pushed_seq=None, role=None)
    pull.discard(project)
    return kept


def unlink(project) -> None:
    _set_state(project, dsn=None, cursor=None, server_head=None, pushed_seq=None, role=None)
    pull.discard(project)
    project.forget_cached_settings()


def linked_dsn(project) -> str | None:
    return state(project).get("dsn")


def _cursor(project) -> tuple[int, str | None]:
    st = state(project)
    head = st.get("server_head")
    if head and not project.store.execute("SELECT 1 FROM events WHERE id = ?", (head,)).fetchone():
        return 0, None  # a cursor naming an event this file lacks (a copied or restored file): start over
    return int(st.get("cursor") or 0), head


@dataclasses.dataclass
class Unsent:
    """This copy's events the server lacks, found without holding the log: every event after
    ``since`` but the runs ``held`` ((first seq, last seq), in order) that are ancestors of the
    server's head as this copy last saw it (events a pull brought in, say)."""

    since: int
    held: list[tuple[int, int]]

    def contains(self, seq: int) -> bool:
        return seq > self.since and not any(first <= seq <= last for first, last in self.held)

    def _ranges(self, after: int, until: int | None) -> Iterator[tuple[int, int | None]]:
        """(after, last) seq ranges holding only unsent events (last None: to the end), the held runs left out."""
        at = max(after, self.since)
        for first, last in self.held:
            if last <= at:
                continue
            if first > at + 1:
                yield at, first - 1
            at = last
        yield at, None

    def rows(self, store, after: int, limit: int, until: int | None = None,
             columns: str = "seq, id, parents, at, actor, action, entity, entity_id, data") -> list[tuple]:
        """Up to ``limit`` of them after seq ``after`` (and up to ``until``), in log order."""
        found: list[tuple] = []
        for at, last in self._ranges(after, until):
            if until is not None:
                last = until if last is None else min(last, until)
            if last is not None and last <= at:
                continue
            found += store.read(f"SELECT {columns} FROM events WHERE seq > ?{'' if last is None else ' AND seq <= ?'} "
                                "ORDER BY seq LIMIT ?", (at, *(() if last is None else (last,)), limit - len(found)))
            if len(found) >= limit:
                break
        return found

    def count(self, store, until: int | None = None) -> int:
        """How many there are (up to ``until``)."""
        last = until if until is not None else store.read_one("SELECT coalesce(max(seq), 0) FROM events")[0]
        after = store.read_one("SELECT count(*) FROM events WHERE seq > ? AND seq <= ?", (self.since, last))[0]
        return after - sum(min(hi, last) - lo + 1 for lo, hi in self.held if lo <= last)


def unsent(project) -> Unsent:
    """Which events the server lacks: those after ``pushed_seq`` that are not ancestors of the server's head.

    Every event up to ``pushed_seq`` (the newest seq when a push last went through) is on
    the server, so only the events after it are walked, newest first, from the newest
    ancestor of the head not found yet (the events after it cannot be ancestors), keeping
    the ids still to be found: a few at any time, however long the walk.
    """
    _, head = _cursor(project)
    if not head:
        return Unsent(0, [])
    store = project.store
    since = int(state(project).get("pushed_seq") or 0)
    wanted, runs = {head}, []
    while wanted:
        top = store.read_one(f"SELECT max(seq) FROM events WHERE id IN ({', '.join('?' * len(wanted))})",
                             list(wanted))[0]
        if top is None or top <= since:
            break
        for seq, event_id, parents in store.read("SELECT seq, id, parents FROM events WHERE seq > ? AND seq <= ? "
                                                 "ORDER BY seq DESC LIMIT 4096", (since, top)):
            if event_id in wanted:
                wanted.discard(event_id)
                wanted.update(events.parent_ids(parents))
                if runs and runs[-1][0] == seq + 1:
                    runs[-1] = (seq, runs[-1][1])
                else:
                    runs.append((seq, seq))
    return Unsent(since, runs[::-1])


class _LocalOnly:
    """The ids of this copy's events the server lacks (as far as it knows), walked in log order each time they are
    asked for: never all held at once (``handoff.Received.local_only``)."""

    def __init__(self, project):
        self.project = project

    def __iter__(self) -> Iterator[str]:
        walk, after = unsent(self.project), 0
        while rows := walk.rows(self.project.store, after, 4096, columns="seq, id"):
            yield from (r[1] for r in rows)
            after = rows[-1][0]


def pending(project) -> int:
    """Local events the server has not got yet (as far as this copy knows)."""
    return unsent(project).count(project.store)


# --- talking to the server -------------------------------------------------------------------------


def connect(dsn: str, password: str | None = None, *, timeout: int = 5):
    """A connection to the desk's server, or ``Offline`` with the reason in one sentence."""
    import psycopg

    try:
        return psycopg.connect(dsn, password=password, connect_timeout=timeout, application_name="factcheck")
    except psycopg.OperationalError as exc:
        raise Offline(N_("The sync server cannot be reached: {reason}", reason=_first_line(exc))) from None
    except psycopg.ProgrammingError as exc:
        raise SyncError(N_("This is not a PostgreSQL connection string: {reason}", reason=_first_line(exc))) from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _server_error(exc) -> SyncError:
    """A server error as one sentence: dropped connections are ``Offline``, rules ``Refused``."""
    import psycopg

    code = getattr(exc, "sqlstate", None)
    if code == BEHIND:
        return Behind(N_("Another copy pushed first; pull again."))
    if code in (FORBIDDEN, MALFORMED, TOO_LARGE, "FC405"):
        return _refusal(exc)
    if code == BUSY:
        return Busy(N_("The sync server is busy: {reason}.", reason=_reason(exc)[1]))
    if isinstance(exc, psycopg.OperationalError):
        return Offline(N_("The connection to the sync server was lost: {reason}", reason=_first_line(exc)))
    if code == "3F000":  # no factcheck schema
        return SyncError(N_("The server has no factcheck store yet: run factcheck server init on it first."))
    if code == "42883":  # a function this version calls is missing: the schema is older
        return SyncError(N_("The sync server's factcheck store is older than this factcheck: run factcheck server "
                            "init on it to upgrade it."))
    return SyncError(N_("The sync server reported an error: {reason}", reason=_first_line(exc)))


def _refusal(exc) -> Refused:
    """The server's refusal in the user's language: its rule by name, with who and which event."""
    rule, reason, event_id = _reason(exc)
    return Refused(N_("The sync server refused the changes: {reason}.", reason=reason), code=rule, event_id=event_id)


def _reason(exc) -> tuple[str, object, str | None]:
    """(the rule the server named, its sentence with who, the event it names) of a server error."""
    diag = getattr(exc, "diag", None)
    rule = getattr(diag, "message_hint", None) or ""
    try:
        detail = json.loads(getattr(diag, "message_detail", None) or "{}")
    except ValueError:
        detail = {}
    if not isinstance(detail, dict):
        detail = {}
    user = str(detail.get("user") or "?")
    event_id = detail.get("event") if isinstance(detail.get("event"), str) else None
    if rule in REASONS:
        reason = Text(REASONS[rule].template, {"user": user})
    else:  # a newer server's rule: its own words
        reason = getattr(diag, "message_primary", None) or _first_line(exc)
    return rule, reason, event_id


def _call(conn, fn):
    import psycopg

    try:
        return fn()
    except psycopg.Error as exc:
        try:
            conn.rollback()
        except psycopg.Error:
            pass
        raise _server_error(exc) from None


def whoami(conn, project_id: str) -> tuple[str, str | None, int, str | None] | None:
    """(server user, role on the project or None, the server's counter, its head); None if the server lacks it."""
    row = _call(conn, lambda: conn.execute("SELECT * FROM factcheck.whoami(%s)", (project_id,)).fetchone())
    conn.rollback()
    return row


def _remember_role(conn, project) -> None:
    """Keep this login's role on the project (the review rules ask it: only editors sign off)."""
    found = whoami(conn, events.project_id(project.store))
    role = (found[1] if found else None) or "none"
    if state(project).get("role") != role:
        _set_state(project, role=role)
        project.forget_cached_settings()  # the review rules read it with the settings


# --- pull -------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Pulled:
    """What came from the server after the cursor, and the counter it ends at: as a hand-off carries it
    (``received``), or, for a pull of more than a page, staged in a file beside the project (``staged``)."""

    received: handoff.Received | None
    counter: int
    head: str | None
    staged: pull.Staged | None = None


def fetch(conn, project, *, page: int | None = None, progress=None) -> Pulled:
    """Read what the server has after this copy's cursor (one moment of the server); writes nothing to the project.

    A copy that already holds the server's head holds everything before it too (a laptop
    given a copy of an up-to-date file): nothing is read, and only the cursor moves (unless
    files of its attachments are missing, which the pull may bring). More than ``page``
    events (``pull.PAGE`` by default) are read page by page into a staging file beside the
    project (``pull.receive``; a pull stopped or killed before goes on from there), with
    ``progress(pull.RECEIVING, received, total)``; fewer, in one call, as they always were.
    """
    project_id = events.project_id(project.store)
    cursor, head = _cursor(project)
    store = project.store
    page = page or pull.PAGE
    pull.discard_taken(project, cursor)

    def held(found) -> bool:
        """Whether (role, counter, head) is a member's view of a server whose history this copy holds."""
        return bool(found and found[0] and found[1] > cursor
                    and store.read_one("SELECT 1 FROM events WHERE id = ?", (found[2],))
                    and not store.read_one("SELECT 1 FROM attachments WHERE sha256 NOT IN "
                                           "(SELECT sha256 FROM evidence_files) LIMIT 1"))

    def read():
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            found = conn.execute("SELECT role, counter, head FROM factcheck.whoami(%s)", (project_id,)).fetchone()
            if held(found):
                return found[1:], [], [], []
            if found and found[0] and found[1] - cursor > page:
                return None, None, [], []  # a large pull: page by page
            rows = conn.execute("SELECT * FROM factcheck.pull_events(%s, %s)", (project_id, cursor)).fetchall()
            if not rows:
                return None, rows, [], []
            state_rows = conn.execute("SELECT * FROM factcheck.pull_rows(%s, %s)", (project_id, cursor)).fetchall()
            blobs = conn.execute("SELECT * FROM factcheck.pull_blobs(%s, %s)", (project_id, cursor)).fetchall()
            return None, rows, state_rows, blobs

    holding, rows, state_rows, blobs = _call(conn, read)
    if holding:
        return Pulled(None, holding[0], holding[1])
    if rows is None:
        staged = pull.receive(conn, project, cursor, head, page=page, progress=progress)
        return Pulled(None, staged.counter, staged.head, staged)
    if not rows:
        return Pulled(None, cursor, head)
    event_rows = [(n, r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]) for n, r in enumerate(rows, 1)]
    unticked = _unticked(event_rows)
    tables: dict[str, list[dict]] = {}
    for table, key, body in state_rows:
        if table != "claim_tasks" or key not in unticked:
            tables.setdefault(table, []).append(body)
    for r in event_rows:  # the server checked each id; a copy never takes that on trust
        if events.event_id(*r[2:9]) != r[1]:
            raise Refused(N_("The sync server sent an event that does not match its id; nothing was merged."))
    loaded = {b[0]: (b[0], b[1], b[2], b[3], bytes(b[4])) for b in blobs}
    received = handoff.Received(
        path=pathlib.Path("server"), project_id=project_id, project_name="", sender="", made_at="", head=rows[-1][1],
        since=[head] if head else [], event_rows=event_rows, rows=tables, blob_names=list(loaded),
        loaded_blobs=loaded, local_only=_LocalOnly(project))
    return Pulled(received, rows[-1][0], rows[-1][1])


def _unticked(event_rows: list[tuple]) -> set[str]:
    """The tasks (``claim_id task_id``) these events leave unticked: the server still holds the row an earlier
    push sent for each (an unticked task has none to send), which must not tick it again here."""
    from factcheck.core import units

    done: dict[str, bool] = {}
    for r in event_rows:
        if r[5] in ("task.tick", "project.merge"):
            try:
                data = json.loads(r[8])
            except ValueError:
                continue
            if isinstance(data, dict):
                done.update((key, bool(value)) for table, key, _, value in units.touches(r[5], r[7], data)
                            if table == "claim_tasks")
    return {key for key, ticked in done.items() if not ticked}


def plan_pull(project, pulled: Pulled, server_name: str) -> merge.MergePlan:
    return merge.plan_received(project, pulled.received, server_name)


def settle(project, pulled: Pulled, plan: merge.MergePlan | None) -> None:
    """After the pull was merged (or held nothing new), move the cursor to where it ended (a staged pull is done)."""
    _set_state(project, cursor=pulled.counter, server_head=pulled.head)
    pull.discard(project)


# --- push ------------------------------------------------------------------------------------------

#: Events per batch of a push, at most. Each batch is one call and one transaction on the server,
#: so neither the laptop nor the server holds a whole history at once (a project's first push
#: brings millions of events); the server publishes the push with its last batch.
BATCH = 2_000
#: A batch's JSON (events and rows) stays under about this many characters (a single event's may exceed it).
BATCH_CHARS = 4_000_000
#: Events whose rows are read at a time while a batch is made, at most: from one, doubled while their rows are
#: small, halved when they are not (an article's versions carry its text, a source all its citations).
STEP = 512


def _row_key(table: str, row: dict) -> str:
    if table == "claim_tasks":
        return f"{row['claim_id']} {row['task_id']}"
    if table == "settings":
        return row["key"]
    return row["id"]


def outgoing(project, wanted: list[str]) -> tuple[list[list], list[list], list[str], list[dict]]:
    """(events, rows, stored files' SHA-256, evidence files) of the ``wanted`` events, as a push sends them."""
    return _outgoing(project, handoff._event_rows(project.store, wanted))


def _outgoing(project, sent: list[list]) -> tuple[list[list], list[list], list[str], list[dict]]:
    if not sent:
        return [], [], [], []
    tables, blob_shas = handoff._rows_for(project.store, sent)
    rows = [[table, _row_key(table, row), row] for table, found in tables.items() for row in found]
    # Evidence files go up as stored files, whole, up to EVIDENCE_LIMIT each; larger ones reach
    # other copies by hand-off or merge (the attachment arrives without its bytes).
    evidence = [meta for meta in handoff.evidence_rows(project.store, tables) if meta["size"] <= EVIDENCE_LIMIT]
    return sent, rows, sorted(blob_shas), evidence


@dataclasses.dataclass
class Batch:
    """Events a push sends in one call, with their rows, read in one snapshot of the file."""

    count: int
    last_id: str | None
    last_seq: int
    events_json: str
    rows_json: str
    blobs: list[str]  # SHA-256 of the stored files the rows name (originals, archived pages, the logo)
    evidence: list[dict]  # the evidence files the rows name
    final: bool  # nothing the server lacks comes after it (up to where the push stops)
    newest: int  # the newest seq of the file then


def _newest(store) -> int:
    return store.read_one("SELECT coalesce(max(seq), 0) FROM events")[0]


def _read_batch(project, walk: Unsent, after: int, size: int, until: int | None, step: list[int]) -> Batch:
    """Up to ``size`` unsent events after seq ``after`` and what goes with them, up to ``BATCH_CHARS`` of JSON.

    Read ``step[0]`` events at a time (``step``: one number, kept from batch to batch and
    changed here, see ``STEP``), in one snapshot, so the rows hold no change of an event
    that is not in the batch or before it; ``final`` says, in that same snapshot, that
    nothing the server lacks follows.
    """
    store = project.store
    event_pieces: list[str] = []  # the JSON of each step's events, without its brackets
    row_pieces: list[str] = []  # and of its rows
    keys: set[tuple[str, str]] = set()  # the rows in the batch (read in one snapshot: each once is enough)
    blobs: set[str] = set()
    evidence: dict[str, dict] = {}
    count, chars, last_id, last_seq = 0, 0, None, after
    with store.snapshot():
        while count < size:
            found = walk.rows(store, last_seq, min(step[0], size - count), until)
            if not found:
                break
            sent, found_rows, shas, files = _outgoing(project, [list(r[1:]) for r in found])
            new_rows = [r for r in found_rows if (r[0], r[1]) not in keys]
            more_events, more_rows = json.dumps(sent)[1:-1], json.dumps(new_rows)[1:-1]
            more = len(more_events) + len(more_rows)
            if more > BATCH_CHARS // 4 and len(found) > 1:
                step[0] = max(1, len(found) // 2)  # large rows: fewer events at a time
            elif more < BATCH_CHARS // 16:
                step[0] = min(step[0] * 2, STEP)  # small rows: more at a time
            if chars + more > BATCH_CHARS and count:
                break  # the batch is full: these go first in the next one
            if more > BATCH_CHARS and len(found) > 1:
                continue
            event_pieces.append(more_events)
            if more_rows:
                row_pieces.append(more_rows)
            keys.update((r[0], r[1]) for r in new_rows)
            blobs.update(shas)
            evidence.update((meta["sha256"], meta) for meta in files)
            count, chars = count + len(found), chars + more
            last_id, last_seq = found[-1][1], found[-1][0]
        final = not walk.rows(store, last_seq, 1, until, columns="seq")
        newest = _newest(store)
    return Batch(count, last_id, last_seq, "[" + ",".join(event_pieces) + "]", "[" + ",".join(row_pieces) + "]",
                 sorted(blobs), list(evidence.values()), final, newest)


class _Push:
    """One push, batch by batch, as this login's unfinished push on the server (``factcheck.push_state``).

    ``after``: the last event the unfinished push holds (None: none yet; the next call begins
    one, and the server discards any earlier one of this login's).
    """

    def __init__(self, conn, project, cursor: int):
        self.conn, self.project, self.cursor = conn, project, cursor
        self.project_id = events.project_id(project.store)
        self.after: str | None = None
        self.after_seq = 0
        self.held = 0  # events the unfinished push holds
        self.files: set[str] = set()  # stored files sent in it

    def resume(self, walk: Unsent, until: int | None = None) -> None:
        """Go on from where this login's unfinished push stands, if it holds this copy's events (a push cut short)."""
        conn = self.conn
        row = _call(conn, lambda: conn.execute("SELECT head, held FROM factcheck.push_state(%s)",
                                               (self.project_id,)).fetchone())
        conn.rollback()
        if not row or not row[1]:
            return
        found = self.project.store.read_one("SELECT seq FROM events WHERE id = ?", (row[0],))
        if found and walk.contains(found[0]) and (until is None or found[0] <= until):
            self.after, self.after_seq, self.held = row[0], found[0], row[1]

    def restart(self) -> None:
        """Begin again with the next call (what the unfinished push holds is discarded then)."""
        self.after, self.after_seq, self.held, self.files = None, 0, 0, set()

    def run(self, walk: Unsent, *, batch: int, total: int, progress=None, until: int | None = None) -> int:
        """Send the unsent events (up to seq ``until``) in batches, publish them, move the cursor; how many went.

        While the server takes one batch (on a thread of its own, waiting on the socket), the
        next is read from the file: the laptop's work and the server's overlap.
        """
        step = [1]
        with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="factcheck-push") as server:
            found = _read_batch(self.project, walk, self.after_seq, batch, until, step)
            while True:
                files = [sha for sha in found.blobs if sha not in self.files]
                evidence = [meta for meta in found.evidence if meta["sha256"] not in self.files]
                publish = found.final and not files and not evidence
                call = server.submit(self._push, found.events_json, found.rows_json, publish, self.after)
                upcoming = None if found.final else _read_batch(self.project, walk, found.last_seq, batch, until, step)
                counter = call.result()
                if found.count:
                    self.after, self.after_seq = found.last_id, found.last_seq
                    self.held += found.count
                self._send_files(files, evidence)
                if found.final:
                    if not publish:
                        counter = self._push("[]", "[]", True, self.after)
                    break
                if progress is not None and progress(self.held, total) is False:
                    raise Cancelled(N_("Sending changes to the sync server stopped after {n} of {total}; the next "
                                       "sync goes on from there.", n=self.held, total=total))
                found = upcoming
        if progress is not None:
            progress(self.held, total)
        _set_state(self.project, cursor=counter, server_head=self.after,
                   pushed_seq=found.newest if until is None else until, held=None)
        return self.held

    def _send_files(self, blobs: list[str], evidence: list[dict]) -> None:
        """The stored files a batch's rows name, one call each, after the batch (a file's bytes travel as they are)."""
        store = self.project.store
        for sha in blobs:
            found = store.read_one("SELECT mime, filename, data FROM blobs WHERE sha256 = ?", (sha,))
            if found is not None:
                self._file(sha, found[0], found[1], bytes(found[2]))
        for meta in evidence:
            data = b"".join(self.project.managers.attachments.chunks(meta["sha256"]))
            self._file(meta["sha256"], meta["mime"], meta["name"], data)
            del data

    def discard(self) -> None:
        """Take back this login's unfinished push (nothing of it is published)."""
        self.restart()
        self._push("[]", "[]", True, None)

    def _push(self, events_json: str, rows_json: str, final: bool, after: str | None) -> int:
        conn = self.conn

        def call():
            with conn.transaction():
                return conn.execute("SELECT factcheck.push(%s, %s, %s, %s, %s::jsonb, %s::jsonb, %s)",
                                    (self.project_id, self.project.path.stem, self.cursor, after, events_json,
                                     rows_json, final)).fetchone()[0]

        return _call(conn, call)

    def _file(self, sha: str, mime: str, name: str, data: bytes) -> None:
        conn = self.conn

        def call():
            with conn.transaction():
                conn.execute("SELECT factcheck.push_file(%s, %s, %s, %s, %s, %s, %b)",
                             (self.project_id, self.cursor, self.after, sha, mime, name, data))

        _call(conn, call)
        self.files.add(sha)


def push(conn, project, *, batch: int | None = None, progress=None) -> int:
    """Send what the server lacks on top of the cursor, in batches; the number of events the push published.

    ``batch``: events per call (``BATCH`` by default). ``progress(sent, total)`` is called
    after each batch; False stops the push there
    (``Cancelled``): the server keeps the batches sent, unpublished, and the next push of
    this login goes on after them (as after a push cut short by a lost connection or a
    killed laptop). Raises ``Behind`` (another copy pushed first: pull, merge, push
    again), ``Busy``, ``Refused`` or ``Offline``; the project file is not changed until
    the push is published.
    """
    cursor, head = _cursor(project)
    walk = unsent(project)
    store = project.store
    with store.snapshot():
        newest = _newest(store)
        total = walk.count(store, newest)
    if not total:
        if head:  # every event up to the newest is on the server: later walks start after it
            _set_state(project, pushed_seq=newest, held=None)
        return 0
    batch = batch or BATCH
    sending = _Push(conn, project, cursor)
    sending.resume(walk)
    try:
        return sending.run(walk, batch=batch, total=total, progress=progress)
    except Refused as refusal:
        return _hold_back(project, refusal, walk, sending, batch)


class HeldBack(Refused):
    """The server refused one of this copy's events: those before it went up, it and the rest wait.

    ``sent``: how many went up; ``waiting``: how many wait (the refused one and every
    later one, which were written on it).
    """

    def __init__(self, text, *, refusal: Refused, sent: int, waiting: int):
        super().__init__(text, code=refusal.code, event_id=refusal.event_id)
        self.sent = sent
        self.waiting = waiting


def _touched_rows(rows: list[list]) -> set[tuple[str, str]]:
    from factcheck.core import units

    out = set()
    for _, _, _, _, action, entity, entity_id, data in rows:
        out.add((entity + "s", entity_id))
        try:
            decoded = json.loads(data)
        except ValueError:
            continue
        if isinstance(decoded, dict):
            out.update((table, row_id) for table, row_id, _, _ in units.touches(action, entity_id, decoded))
    return out


def _hold_back(project, refusal: Refused, walk: Unsent, sending: _Push, batch: int) -> int:
    """Push the events before the refused one; keep it and those after it here, and say how they can go up.

    An event's descendants cannot go up without it (the server holds no event whose
    parent it lacks), and the log is not rewritten (a hand-off may already have carried
    these events to another copy). The rows that go with the events sent are this copy's
    rows now, so the events sent stop before the first one that touches a row a waiting
    event touched too: the server never receives a waiting event's effect through a row.
    Batches already in the unfinished push past that point are taken back. The waiting
    events go up by themselves once the refused one is on the server, as the sentence
    tells (an editor syncs it).
    """
    store = project.store
    found = store.read_one("SELECT seq, actor, action FROM events WHERE id = ?", (refusal.event_id or "",))
    if found is None or not walk.contains(found[0]):
        raise refusal
    at, actor, action = found
    blocked, after = set(), at - 1
    while rows := walk.rows(store, after, 4096):
        blocked |= _touched_rows([list(r[1:]) for r in rows])
        after = rows[-1][0]
    until, after = at - 1, 0
    while rows := walk.rows(store, after, 4096, until):
        hit = next((r[0] for r in rows if _touched_rows([list(r[1:])]) & blocked), None)
        if hit is not None:
            until = hit - 1
            break
        after = rows[-1][0]
    total = walk.count(store)
    ready = walk.count(store, until) if until > walk.since else 0
    if sending.after_seq > until:
        sending.restart()
    sent = 0
    if ready:
        sent = sending.run(walk, batch=batch, total=ready, until=until)
    elif sending.after is not None:
        sending.discard()
    waiting = total - sent
    _set_state(project, held=refusal.event_id)
    approval = refusal.code in ("checker-signoff", "merge-approval") and action in (
        "claim.approve", "claim.publish", "project.merge") and actor != project.user  # someone else's approval
    if approval and waiting == 1:
        text = N_("1 change waits on this laptop: an approval by {actor}, and the sync server takes approvals only "
                  "from an editor. It goes up by itself once an editor syncs it: {actor} from their own laptop, or "
                  "any editor of the desk after merging a hand-off of this copy (File > Send changes…).",
                  actor=actor or "?")
    elif approval:
        text = N_("{n} changes wait on this laptop: they follow an approval by {actor}, and the sync server takes "
                  "approvals only from an editor. They go up by themselves once an editor syncs that approval: "
                  "{actor} from their own laptop, or any editor of the desk after merging a hand-off of this copy "
                  "(File > Send changes…).", n=waiting, actor=actor or "?")
    elif waiting == 1:
        text = N_("1 change waits on this laptop. {refusal} Send a hand-off of this copy to an editor of the desk "
                  "(File > Send changes…), who can merge it and decide what goes to the server.",
                  refusal=refusal.args[0])
    else:
        text = N_("{n} changes wait on this laptop. {refusal} Send a hand-off of this copy to an editor of the desk "
                  "(File > Send changes…), who can merge it and decide what goes to the server.",
                  n=waiting, refusal=refusal.args[0])
    raise HeldBack(text, refusal=refusal, sent=sent, waiting=waiting)


# --- both ------------------------------------------------------------------------------------------


def sync(conn, project, *, server_name: str = "server", resolutions: dict | None = None,
         prefer: str | None = None, apply=None, batch: int | None = None, progress=None, page: int | None = None,
         pulling=None) -> Outcome:
    """Pull and merge, then push; again while another copy pushes in between (at most ``RETRIES`` times).

    A pull with conflicts and no ``resolutions``/``prefer`` stops before writing anything
    and returns the plan in ``Outcome.conflicts``. ``apply(plan, resolutions)`` carries out
    a merge (the app passes its undo history's; by default ``merge.apply``). ``batch`` and
    ``progress``: as ``push`` takes them; ``page`` and ``pulling(stage, done, total)``: as
    ``fetch`` and ``pull.take_in`` take them (a pull of more than a page; False stops it,
    and the next sync goes on from there).
    """
    apply = apply or (lambda plan, chosen: merge.apply(project, plan, chosen))
    outcome = Outcome()
    _remember_role(conn, project)
    for attempt in range(RETRIES):
        if attempt:
            time.sleep(random.uniform(0, 0.02 * 2 ** min(attempt, 6)))
        pulled = fetch(conn, project, page=page, progress=pulling)
        if pulled.staged is not None:
            pulled = _take_in(project, pulled, outcome, server_name, page, pulling)
            if pulled is None:
                continue  # another sync of this file took in what came: pull again
        if pulled.received is None and pulled.counter != _cursor(project)[0]:
            settle(project, pulled, None)  # the copy held all of it already
        if pulled.received is not None:
            plan = plan_pull(project, pulled, server_name)
            chosen = dict(resolutions or {})
            if prefer is not None:
                chosen = {**{c.key: prefer for c in plan.conflicts}, **chosen}
            if any(c.key not in chosen for c in plan.conflicts):
                outcome.conflicts = plan
                return outcome
            if not plan.nothing:
                outcome.changes = apply(plan, chosen)
                outcome.pulled += len(plan.incoming)
                outcome.lapsed += plan.lapsed
            settle(project, pulled, plan)
            resolutions = None  # the choices were for this pull's conflicts
        try:
            outcome.pushed += push(conn, project, batch=batch, progress=progress)
            return outcome
        except Behind:
            continue  # another copy pushed first: pull again
    raise SyncError(N_("Other copies kept pushing while this one tried; try again in a moment."))


def _take_in(project, pulled: Pulled, outcome: Outcome, server_name: str, page: int | None,
             progress) -> Pulled | None:
    """A staged pull taken in as a fast-forward (the cursor moved with it), else read back to be merged; None when
    the staging file no longer holds it (``pull.Gone``)."""
    try:
        taken = pull.take_in(project, pulled.staged, lambda: _LocalOnly(project), name=server_name,
                             page=page or pull.PAGE, progress=progress)
        if taken is None:  # this copy has changes of its own: a merge
            return dataclasses.replace(pulled, received=pull.received(project, pulled.staged, _LocalOnly(project)))
    except pull.Gone:
        return None
    outcome.pulled += taken.events
    if taken.changes is not None:
        outcome.changes = taken.changes
    return Pulled(None, pulled.counter, pulled.head)


def wait_for_news(conn, timeout: float) -> list[tuple[str, int]]:
    """Block up to ``timeout`` seconds for other copies' pushes; (project id, counter) of each notice.

    The connection must have run ``LISTEN factcheck`` in autocommit mode.
    """
    found = []
    for notice in conn.notifies(timeout=timeout, stop_after=1):
        project_id, _, counter = notice.payload.partition(" ")
        found.append((project_id, int(counter or 0)))
    return found


def listen(dsn: str, password: str | None = None):
    """A connection of its own that hears every push on the server (``wait_for_news``)."""
    import psycopg

    try:
        conn = psycopg.connect(dsn, password=password, autocommit=True, connect_timeout=5,
                               application_name="factcheck-listen")
        conn.execute(f"LISTEN {CHANNEL}")
    except psycopg.OperationalError as exc:
        raise Offline(N_("The sync server cannot be reached: {reason}", reason=_first_line(exc))) from None
    return conn

