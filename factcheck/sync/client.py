"""A project's working copy, synced through the desk's PostgreSQL: pull and merge, then push.

Sync is merge with a shared log. **Pull** reads, in one REPEATABLE READ transaction (one
moment of the server), the events after this copy's cursor, the rows they left and the
files they stored: exactly what a hand-off file carries (``core.handoff.Received``), so
``core.merge`` merges them as it merges a copy, conflicts and review rules included.
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

import base64
import dataclasses
import json
import pathlib
import random
import time

from factcheck.core import events, later
from factcheck.core.errors import KnownError
from factcheck.core.text import N_, Text

#: Loaded when a sync runs: the app's start only asks whether a project is linked.
handoff = later.Module("factcheck.core.handoff")
merge = later.Module("factcheck.core.merge")

#: SQLSTATEs ``schema.sql`` raises.
BEHIND = "FC409"
FORBIDDEN = "FC403"
MALFORMED = "FC422"
TOO_LARGE = "FC413"
#: How many times ``sync`` pulls again when another copy pushed in between (with a random
#: wait that grows each time, so copies that collided do not collide again in step).
RETRIES = 12
#: The largest evidence file a push carries (it travels whole, in one call); larger ones go by hand-off or merge.
EVIDENCE_LIMIT = 32 * 1000 * 1000
CHANNEL = "factcheck"


class SyncError(KnownError):
    """Syncing failed; the project is as it was before the step that failed."""


class Offline(SyncError):
    """The server cannot be reached: work goes on locally and is pushed later."""


class Behind(SyncError):
    """Another copy pushed since this one pulled: pull, merge and push again."""


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
    return kept


def unlink(project) -> None:
    _set_state(project, dsn=None, cursor=None, server_head=None, pushed_seq=None, role=None)
    project.forget_cached_settings()


def linked_dsn(project) -> str | None:
    return state(project).get("dsn")


def _cursor(project) -> tuple[int, str | None]:
    st = state(project)
    head = st.get("server_head")
    if head and not project.store.execute("SELECT 1 FROM events WHERE id = ?", (head,)).fetchone():
        return 0, None  # a cursor naming an event this file lacks (a copied or restored file): start over
    return int(st.get("cursor") or 0), head


def _local_only(project) -> tuple[list[str], int]:
    """(ids of the events the server lacks, in log order; the newest seq looked at).

    Every event up to ``pushed_seq`` (the newest seq when a push last went through) is on
    the server, so only the events after it are walked: those that are not ancestors of
    the server's head are this copy's own. A sync of a large project thus reads its recent
    events, not its whole log.
    """
    _, head = _cursor(project)
    st = state(project)
    since = int(st.get("pushed_seq") or 0) if head else 0
    rows = project.store.execute("SELECT seq, id, parents FROM events WHERE seq > ? ORDER BY seq", (since,)).fetchall()
    parents = {r[1]: events.parent_ids(r[2]) for r in rows}
    have = handoff.ancestors(parents, [head] if head else [])
    return [r[1] for r in rows if r[1] not in have], (rows[-1][0] if rows else since)


def pending(project) -> int:
    """Local events the server has not got yet (as far as this copy knows)."""
    return len(_local_only(project)[0])


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
    if isinstance(exc, psycopg.OperationalError):
        return Offline(N_("The connection to the sync server was lost: {reason}", reason=_first_line(exc)))
    if code == "42883" or code == "3F000":  # function or schema missing
        return SyncError(N_("The server has no factcheck store yet: run factcheck server init on it first."))
    return SyncError(N_("The sync server reported an error: {reason}", reason=_first_line(exc)))


def _refusal(exc) -> Refused:
    """The server's refusal in the user's language: its rule by name, with who and which event."""
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
    return Refused(N_("The sync server refused the changes: {reason}.", reason=reason), code=rule, event_id=event_id)


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
    """What came from the server after the cursor, as a hand-off carries it, and the counter it ends at."""

    received: handoff.Received | None
    counter: int
    head: str | None


def fetch(conn, project) -> Pulled:
    """Read what the server has after this copy's cursor (one moment of the server); writes nothing."""
    project_id = events.project_id(project.store)
    cursor, head = _cursor(project)

    def read():
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            rows = conn.execute("SELECT * FROM factcheck.pull_events(%s, %s)", (project_id, cursor)).fetchall()
            if not rows:
                return rows, [], []
            state_rows = conn.execute("SELECT * FROM factcheck.pull_rows(%s, %s)", (project_id, cursor)).fetchall()
            blobs = conn.execute("SELECT * FROM factcheck.pull_blobs(%s, %s)", (project_id, cursor)).fetchall()
            return rows, state_rows, blobs

    rows, state_rows, blobs = _call(conn, read)
    if not rows:
        return Pulled(None, cursor, head)
    tables: dict[str, list[dict]] = {}
    for table, _key, body in state_rows:
        tables.setdefault(table, []).append(body)
    event_rows = [(n, r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]) for n, r in enumerate(rows, 1)]
    for r in event_rows:  # the server checked each id; a copy never takes that on trust
        if events.event_id(*r[2:9]) != r[1]:
            raise Refused(N_("The sync server sent an event that does not match its id; nothing was merged."))
    loaded = {b[0]: (b[0], b[1], b[2], b[3], bytes(b[4])) for b in blobs}
    received = handoff.Received(
        path=pathlib.Path("server"), project_id=project_id, project_name="", sender="", made_at="", head=rows[-1][1],
        since=[head] if head else [], event_rows=event_rows, rows=tables, blob_names=list(loaded),
        loaded_blobs=loaded, local_only=set(_local_only(project)[0]))
    return Pulled(received, rows[-1][0], rows[-1][1])


def plan_pull(project, pulled: Pulled, server_name: str) -> merge.MergePlan:
    return merge.plan_received(project, pulled.received, server_name)


def settle(project, pulled: Pulled, plan: merge.MergePlan | None) -> None:
    """After the pull was merged (or held nothing new), move the cursor to where it ended."""
    _set_state(project, cursor=pulled.counter, server_head=pulled.head)


# --- push ------------------------------------------------------------------------------------------


def _row_key(table: str, row: dict) -> str:
    if table == "claim_tasks":
        return f"{row['claim_id']} {row['task_id']}"
    if table == "settings":
        return row["key"]
    return row["id"]


def outgoing(project, wanted: list[str]) -> tuple[list[list], list[list], list[list]]:
    """(events, rows, files) of the ``wanted`` events (those the server lacks), in the shape ``factcheck.push`` takes."""
    rows = handoff._event_rows(project.store, wanted)
    if not rows:
        return [], [], []
    tables, blob_shas = handoff._rows_for(project.store, rows)
    out_rows = [[table, _row_key(table, row), row] for table, found in tables.items() for row in found]
    files = []
    for sha in sorted(blob_shas):
        for mime, size, filename, data in project.store.execute(
                "SELECT mime, size, filename, data FROM blobs WHERE sha256 = ?", (sha,)):
            files.append([sha, mime, size, filename, base64.b64encode(bytes(data)).decode("ascii")])
    # Evidence files go up as stored files too, whole (a push is one call), up to EVIDENCE_LIMIT each;
    # larger ones reach other copies by hand-off or merge (the attachment arrives without its bytes).
    for meta in handoff.evidence_rows(project.store, tables):
        if meta["size"] <= EVIDENCE_LIMIT:
            data = b"".join(project.managers.attachments.chunks(meta["sha256"]))
            files.append([meta["sha256"], meta["mime"], meta["size"], meta["name"],
                          base64.b64encode(data).decode("ascii")])
    return rows, out_rows, files


def push(conn, project) -> int:
    """Send what the server lacks on top of the cursor; the number of events sent.

    Raises ``SyncError`` (another copy pushed first: pull, merge, push again), ``Refused``
    or ``Offline``; the project file is not changed unless the push committed.
    """
    from psycopg.types.json import Jsonb

    cursor, head = _cursor(project)
    wanted, newest = _local_only(project)  # one read: ``newest`` never names an event not looked at
    sent, rows, files = outgoing(project, wanted)
    if not sent:
        if head:  # every event up to the newest is on the server: later walks start after it
            _set_state(project, pushed_seq=newest, held=None)
        return 0
    project_id = events.project_id(project.store)

    def send():
        with conn.transaction():
            return conn.execute("SELECT factcheck.push(%s, %s, %s, %s, %s, %s)",
                                (project_id, project.path.stem, cursor, Jsonb(sent), Jsonb(rows),
                                 Jsonb(files))).fetchone()[0]

    try:
        counter = _call(conn, send)
    except Refused as refusal:
        if refusal.event_id not in wanted:
            raise
        return _hold_back(conn, project, refusal, wanted, cursor, project_id)
    # The server's head is now our newest event (the last one sent), its counter ``counter``.
    _set_state(project, cursor=counter, server_head=sent[-1][0], pushed_seq=newest, held=None)
    return len(sent)


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


def _hold_back(conn, project, refusal: Refused, wanted: list[str], cursor: int, project_id: str) -> int:
    """Push the events before the refused one; keep it and those after it here, and say how they can go up.

    An event's descendants cannot go up without it (the server holds no event whose
    parent it lacks), and the log is not rewritten (a hand-off may already have carried
    these events to another copy). The rows that go with the events sent are this copy's
    rows now, so the events sent stop before the first one that touches a row a waiting
    event touched too: the server never receives a waiting event's effect through a row.
    The waiting events go up by themselves once the refused one is on the server, as
    the sentence tells (an editor syncs it).
    """
    at = wanted.index(refusal.event_id)
    waiting_rows = handoff._event_rows(project.store, wanted[at:])
    blocked = _touched_rows(waiting_rows)
    before = handoff._event_rows(project.store, wanted[:at])
    ready: list[str] = []
    for row in before:
        if _touched_rows([row]) & blocked:
            break
        ready.append(row[0])
    sent = 0
    if ready:
        from psycopg.types.json import Jsonb

        events_, rows, files = outgoing(project, ready)

        def send():
            with conn.transaction():
                return conn.execute("SELECT factcheck.push(%s, %s, %s, %s, %s, %s)",
                                    (project_id, project.path.stem, cursor, Jsonb(events_), Jsonb(rows),
                                     Jsonb(files))).fetchone()[0]

        counter = _call(conn, send)
        last_seq = project.store.execute("SELECT seq FROM events WHERE id = ?", (ready[-1],)).fetchone()[0]
        _set_state(project, cursor=counter, server_head=ready[-1], pushed_seq=last_seq)
        sent = len(ready)
    waiting = len(wanted) - sent
    refused = next(r for r in waiting_rows if r[0] == refusal.event_id)
    actor, action = refused[3], refused[4]
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
         prefer: str | None = None, apply=None) -> Outcome:
    """Pull and merge, then push; again while another copy pushes in between (at most ``RETRIES`` times).

    A pull with conflicts and no ``resolutions``/``prefer`` stops before writing anything
    and returns the plan in ``Outcome.conflicts``. ``apply(plan, resolutions)`` carries out
    a merge (the app passes its undo history's; by default ``merge.apply``).
    """
    apply = apply or (lambda plan, chosen: merge.apply(project, plan, chosen))
    outcome = Outcome()
    _remember_role(conn, project)
    for attempt in range(RETRIES):
        if attempt:
            time.sleep(random.uniform(0, 0.02 * 2 ** min(attempt, 6)))
        pulled = fetch(conn, project)
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
            outcome.pushed += push(conn, project)
            return outcome
        except Behind:
            continue  # another copy pushed first: pull again
    raise SyncError(N_("Other copies kept pushing while this one tried; try again in a moment."))


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

