"""The event log: every change as a hash-chained row, read back in plain order, and verified.

Each row's hash covers the previous row's hash and its own content, so editing,
inserting or removing a row breaks the chain at that row. Removing the last events
leaves no gap, so ``verify_chain`` also asks that every article, claim and source has
the event that made it, and hands each event to a ``replay.Replay`` walking beside it,
which rebuilds articles, claims, sources and citations to compare with the tables
(``replay.verify`` runs both): a row edited outside ``events`` is named. This detects tampering by anyone who does not recompute
every later hash; it is no signature.

Every event has an **id**, its content address: sha256 over the canonical JSON of
``[parents, at, actor, action, entity, entity_id, data]``, and **parents**, the ids of the
events it was written on (the newest one; a merge has two). The events form a graph, as
commits do in git, and two copies of a project recognise their common past by these ids
(``merge.py``); the id of the first event (``project.create``) is the project's identity.

The local chain (``seq``, ``prev_hash``, ``hash``) stays: it is this file's tamper chain.
A row written since ids exist hashes ``[prev_hash, seq, id]`` (``chain_hash``; the id
covers the content). Rows written before (``event_hash``, over the content) got their id
and parents from the upgrade (migration ``m005``), parents being the row before. The walk
tells them apart by the hash itself: it reads rows as old until the first whose hash is
not an old hash, and from there on every row must be new. An old row's id and parents
are fixed by its content and its place (the row before), so they add nothing to forge;
a new row's hash covers its id. ``verify`` checks each id against its content and that
every parent is an event earlier in this file.

A row whose ``data`` is not valid UTF-8 or not JSON (a damaged page, a hand edit), or
whose other text is not valid UTF-8, is read as a *damaged* event: it keeps its place
in the history with a sentence saying what is wrong, so ``history``, ``verify`` and the
app all name the same event.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import sqlite3

from factcheck.core import model
from factcheck.core.text import N_, Text

GENESIS_HASH = "0" * 64
_COLUMNS = "seq, at, actor, action, entity, entity_id, CAST(data AS BLOB), prev_hash, hash, id, parents"
#: The newest and the first event, found by their seq (the rowid) whatever the planner's statistics say:
#: ``ORDER BY seq DESC LIMIT 1`` may be planned as a sort of the whole log (tests/core/test_query_plans.py).
NEWEST = "WHERE seq = (SELECT max(seq) FROM events)"
FIRST = "WHERE seq = (SELECT min(seq) FROM events)"
_TEXT_COLUMNS = ("at", "actor", "action", "entity", "entity_id", "data", "prev_hash", "hash", "id", "parents")
#: The same columns with every text one read as bytes: for rows SQLite holds that are not valid UTF-8.
_RAW_COLUMNS = "seq, " + ", ".join(f"CAST({c} AS BLOB)" for c in _TEXT_COLUMNS)

# One encoder, built once: json.dumps with non-default options builds a new one per call.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
# How _CANONICAL spells one string (ensure_ascii=False), and one decoder for every row's data.
_json_string = json.encoder.encode_basestring
_DECODER = json.JSONDecoder()


def canonical(value: object) -> str:
    """The one JSON spelling of a value: sorted keys, no spaces, UTF-8 kept."""
    return _CANONICAL.encode(value)


def event_hash(prev_hash: str, seq: int, at: str, actor: str, action: str, entity: str, entity_id: str, data: str) -> str:
    """The hash of one events row written before events had ids: the previous row's hash and the row's content.

    The content is ``canonical([prev_hash, seq, at, actor, action, entity, entity_id, data])``,
    spelled out string by string: ``verify`` hashes every row, and this is twice as fast.
    A value that is not text raises ``TypeError``.
    """
    if type(seq) is not int:
        content = canonical([prev_hash, seq, at, actor, action, entity, entity_id, data])
    else:
        q = _json_string
        content = f"[{q(prev_hash)},{seq},{q(at)},{q(actor)},{q(action)},{q(entity)},{q(entity_id)},{q(data)}]"
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def event_id(parents: str, at: str, actor: str, action: str, entity: str, entity_id: str, data: str) -> str:
    """An event's id: its content address, the same in every copy that holds it (as git's).

    ``sha256(canonical([parents, at, actor, action, entity, entity_id, data]))`` where
    ``parents`` is the stored JSON list (canonical, spliced in as is) and ``data`` the
    stored JSON text. A value that is not text raises ``TypeError``.
    """
    q = _json_string
    content = f"[{parents},{q(at)},{q(actor)},{q(action)},{q(entity)},{q(entity_id)},{q(data)}]"
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def chain_hash(prev_hash: str, seq: int, event_id_: str) -> str:
    """The local chain's hash of a row written since events have ids: the previous hash, the seq and the id.

    The id covers the content, so this short hash covers it too. Spelled
    ``["prev_hash",seq,"id"]`` (the canonical JSON of hex text, without escaping: every
    value is hashed exactly as spelled, which is all a chain needs).
    """
    return hashlib.sha256(f'["{prev_hash}",{seq:d},"{event_id_}"]'.encode("utf-8")).hexdigest()


_HEX_ID = re.compile(r"[0-9a-f]{64}")


def parent_ids(text: str | None) -> list[str]:
    """The ids a stored ``parents`` value lists ([] when it is not a JSON list of text)."""
    if not text or text == "[]":
        return []
    # What this code writes: ids of hex digits, spelled '["id"]' or '["id","id"]'. Read
    # without a JSON parser (a sync walks every event's parents); anything else is parsed.
    if text.startswith('["') and text.endswith('"]') and '\\' not in text:
        found = text[2:-2].split('","')
        if all(_HEX_ID.fullmatch(v) for v in found):
            return found
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def rows_by_id(store, ids) -> list[tuple]:
    """(seq, id, parents, at, actor, action, entity, entity_id, data) of these events, in log order."""
    ids = list(ids)
    found = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        found += store.execute("SELECT seq, id, parents, at, actor, action, entity, entity_id, data FROM events "
                               f"WHERE id IN ({', '.join('?' * len(chunk))})", chunk).fetchall()
    return sorted(found)


def head(store) -> str | None:
    """The id of the newest event: the one head of the history (a merge joins two heads into one event)."""
    row = store.execute(f"SELECT id FROM events {NEWEST}").fetchone()
    return row[0] if row else None


def project_id(store) -> str | None:
    """The project's identity: the id of its first event (``project.create``), shared by every copy of it."""
    row = store.execute(f"SELECT id FROM events {FIRST}").fetchone()
    return row[0] if row else None


_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\Z")


def stamp(store, parents: list[str] | None = None) -> str:
    """The time of an event written now on ``parents`` (default: the head): a hybrid logical clock.

    It is this laptop's clock, unless an event it is written on says later: then one
    millisecond after that event. So an event always comes after everything it was
    written on, whatever the clocks of the laptops involved say, and a laptop whose clock
    is wrong (a year ahead, or behind) cannot put its events before what they answered.
    Where two copies did things neither knew of, their order is the stamps' and then the
    ids': the same in every copy. Stamps another copy wrote that are not times are
    ignored. Changes that record a time of their own (an approval, a version's import)
    take this one, so that a tie between copies is broken the same way.
    """
    if parents is None:
        rows = store.execute(f"SELECT at FROM events {NEWEST}").fetchall()
    elif parents:
        marks = ",".join("?" * len(parents))
        rows = store.execute(f"SELECT at FROM events WHERE id IN ({marks})", list(parents)).fetchall()
    else:
        rows = []
    return _after([at for (at,) in rows])


def _after(stamps) -> str:
    """This laptop's time, or 1 ms after the latest of ``stamps`` (those that are times) if that is later."""
    now = model.now()
    latest = max((at for at in stamps if isinstance(at, str) and _STAMP.match(at)), default=None)
    if latest is None or latest < now:
        return now
    import datetime

    moment = datetime.datetime.strptime(latest, "%Y-%m-%dT%H:%M:%S.%fZ") + datetime.timedelta(milliseconds=1)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def append(store, user: str, action: str, entity: str, entity_id: str, data: dict, *,
           parents: list[str] | None = None) -> int:
    """Append the event of the action under way (inside ``store.transaction()``); its seq.

    ``parents``: the heads it was written on; by default the newest event (the one head).
    Its time is ``stamp``'s: never before the events it was written on.
    """
    payload = canonical(data)
    return _insert(store, None, user, action, entity, entity_id, payload, parents)


def adopt(store, at: str, actor: str, action: str, entity: str, entity_id: str, data: str, parents: str,
          expected_id: str) -> int:
    """Copy another copy's event into this log as it is (time, author, data text, parents); its seq.

    Refuses (``ValueError``) an event whose content does not give ``expected_id``.
    """
    if event_id(parents, at, actor, action, entity, entity_id, data) != expected_id:
        raise ValueError(f"event {expected_id} does not match its content")
    return _insert(store, at, actor, action, entity, entity_id, data, parent_ids(parents), parents_text=parents)


def _insert(store, at: str | None, actor: str, action: str, entity: str, entity_id: str, payload: str,
            parents: list[str] | None, parents_text: str | None = None) -> int:
    """Write one event row; ``at`` None: stamped now by the hybrid clock (``stamp``), in the same read."""
    row = store.execute(f"SELECT seq, hash, id, at FROM events {NEWEST}").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS_HASH)
    if at is None:
        at = _after([row[3]] if row else []) if parents is None else stamp(store, parents)
    if parents is None:
        parents = [row[2]] if row else []
    if parents_text is None:
        parents_text = canonical(list(parents))
    new_id = event_id(parents_text, at, actor, action, entity, entity_id, payload)
    store.execute(
        "INSERT INTO events (seq, at, actor, action, entity, entity_id, data, prev_hash, hash, id, parents) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, actor, action, entity, entity_id, payload, prev, chain_hash(prev, seq, new_id), new_id, parents_text),
    )
    return seq


def _decode(raw: bytes | None) -> tuple[str | None, dict, str]:
    """(text, data, problem): the row's data as text and as a dict, or what is wrong with it."""
    if raw is None:
        return None, {}, N_("it has no data.")
    try:
        text = bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return None, {}, N_("its data is not valid text (not UTF-8): the row was damaged.")
    try:
        data, end = _DECODER.raw_decode(text)  # what json.loads does, less its checks for spaces around
        if end != len(text):
            data = json.loads(text)
    except ValueError:
        try:
            data = json.loads(text)
        except ValueError:
            return text, {}, N_("its data is not readable (not JSON): the row was damaged.")
    if not isinstance(data, dict):
        return text, {}, N_("its data is not readable (not a JSON object): the row was damaged.")
    return text, data, ""


_NAMES = {"at": N_("time"), "actor": N_("user name"), "action": N_("action"), "entity": N_("subject"),
          "entity_id": N_("subject"), "id": N_("id"), "parents": N_("list of parents"),
          "prev_hash": N_("link to the event before"), "hash": N_("hash")}
#: The problems above at the start of a sentence (``_sentence`` capitalises them): listed for the catalogue.
_AT_START = (
    N_("It has no data."), N_("Its data is not valid text (not UTF-8): the row was damaged."),
    N_("Its data is not readable (not JSON): the row was damaged."),
    N_("Its data is not readable (not a JSON object): the row was damaged."),
    N_("Its {column} is not valid text (not UTF-8): the row was damaged."),
)


def _texts(row: tuple) -> tuple[tuple, str]:
    """A row read with ``_RAW_COLUMNS`` as ``_COLUMNS`` reads it, and what is wrong with its text (or '')."""
    values = list(row)
    problem = ""
    for i, column in enumerate(_TEXT_COLUMNS, start=1):
        value = values[i]
        if column == "data" or not isinstance(value, bytes):
            continue
        try:
            values[i] = value.decode("utf-8")
        except UnicodeDecodeError:
            values[i] = value.decode("utf-8", errors="replace")
            problem = problem or N_("its {column} is not valid text (not UTF-8): the row was damaged.",
                                    column=_NAMES[column])
    return tuple(values), problem


def decoding_error(exc: sqlite3.Error) -> bool:
    """Text SQLite holds that Python cannot decode (not valid UTF-8): no SQLite error code comes with it."""
    return isinstance(exc, sqlite3.OperationalError) and getattr(exc, "sqlite_errorcode", None) is None


def _select(store, tail: str, params: tuple = ()) -> list[tuple]:
    """Event rows (``_COLUMNS`` order); a row whose text is not valid UTF-8 does not stop the others."""
    try:
        try:
            return store.execute(f"SELECT {_COLUMNS} FROM events {tail}", params).fetchall()
        except sqlite3.Error as exc:
            if not decoding_error(exc):
                raise
            return store.execute(f"SELECT {_RAW_COLUMNS} FROM events {tail}", params).fetchall()
    except sqlite3.Error as exc:
        raise store.error(exc) from exc


def _event(row: tuple) -> model.Event:
    row, bad = _texts(row)
    seq, at, actor, action, entity, entity_id, raw, prev_hash, digest, event_id_, parents = row
    _, data, problem = _decode(raw)
    return model.Event(seq, at, actor, action, entity, entity_id, data, prev_hash, digest, damaged=bad or problem,
                       id=event_id_ or "", parents=tuple(parent_ids(parents)))


def read(store, entity_id: str | None = None) -> list[model.Event]:
    """Events in order, all of them or those of one entity; damaged rows marked, not raised."""
    if entity_id is None:
        rows = _select(store, "ORDER BY seq")
    else:
        rows = _select(store, "WHERE entity_id = ? ORDER BY seq", (entity_id,))
    return [_event(r) for r in rows]


def read_claim(store, claim_id: str, merges: MergesByClaim | None = None) -> list[model.Event]:
    """A claim's history: its events, and the merges that settled a conflict on it or let its approval lapse (a merge
    is one event of the project, which names the claim in its data only), in the log's order. ``merges``: what a
    project has read of its merges already (read here otherwise)."""
    mine = _select(store, "WHERE entity_id = ? ORDER BY seq", (claim_id,))
    seqs = (merges or MergesByClaim()).seqs(store, claim_id)
    found = _select(store, f"WHERE seq IN ({', '.join('?' * len(seqs))})", tuple(seqs)) if seqs else []
    return sorted(map(_event, [*mine, *found]), key=lambda e: e.seq)


class MergesByClaim:
    """Which merge events decided something about which claims: each merge read once, then only the new ones.

    A desk that syncs all day makes a merge whenever both sides changed, and a claim's
    history is read each time a claim is shown with its History tab open: reading every
    merge's data there would cost more with every merge the project holds. The log only
    grows, except when an undone merge cuts it back: the last merge read is checked by its
    id, and everything is read again if it is gone (an event's id is the hash of its
    content and parents, so the same id there means the same log up to it).
    """

    def __init__(self):
        self.by_claim: dict[str, list[int]] = {}
        self.last: tuple[int, str] | None = None  # (seq, id) of the last merge read

    def seqs(self, store, claim_id: str) -> list[int]:
        if self.last is not None:
            row = store.execute("SELECT id FROM events WHERE seq = ?", (self.last[0],)).fetchone()
            if row is None or row[0] != self.last[1]:
                self.by_claim, self.last = {}, None
        after = self.last[0] if self.last else 0
        for row in _select(store, "WHERE entity_id = '' AND action = 'project.merge' AND seq > ? ORDER BY seq", (after,)):
            event = _event(row)
            for named in _claims_named(event.data):
                self.by_claim.setdefault(named, []).append(event.seq)
            self.last = (event.seq, event.id)
        return list(self.by_claim.get(claim_id, ()))


def _claims_named(data: dict) -> set[str]:
    """The claims a merge's data names: a conflict settled on one, or its approval lapsed."""
    resolved = data.get("resolved") if isinstance(data.get("resolved"), list) else []
    lapsed = data.get("lapsed") if isinstance(data.get("lapsed"), list) else []
    return ({r["id"] for r in resolved if isinstance(r, dict) and r.get("table") == "claims" and isinstance(r.get("id"), str)}
            | {r["claim"] for r in lapsed if isinstance(r, dict) and isinstance(r.get("claim"), str)})


def stream(store, entity_id: str | None = None, size: int = 500):
    """``read`` in lists of at most ``size`` events, each read as it is asked for (by ``seq``: memory flat)."""
    after = 0
    while True:
        if entity_id is None:
            rows = _select(store, "WHERE seq > ? ORDER BY seq LIMIT ?", (after, size))
        else:
            rows = _select(store, "WHERE entity_id = ? AND seq > ? ORDER BY seq LIMIT ?", (entity_id, after, size))
        if not rows:
            return
        yield [_event(r) for r in rows]
        after = rows[-1][0]


def latest(store, entity_id: str, action: str) -> model.Event | None:
    """The newest event of one action on one entity."""
    rows = _select(store, "WHERE entity_id = ? AND action = ? ORDER BY seq DESC LIMIT 1", (entity_id, action))
    return _event(rows[0]) if rows else None


@dataclasses.dataclass(frozen=True)
class Verdict:
    ok: bool
    events: int  # rows checked
    seq: int | None = None  # the first row found wrong (or where one is missing); None: the state is wrong
    problem: str = ""  # a sentence: what is wrong there
    entities: int = 0  # articles, claims, sources and citations whose state was checked against the events

    def __str__(self) -> str:
        if self.ok:
            if self.entities:
                return N_("History intact: {events} events, every hash matches; {entities} articles, claims, sources "
                          "and citations match it.", events=self.events, entities=self.entities)
            return N_("History intact: {events} events, every hash matches.", events=self.events)
        if self.seq is None:
            return N_("History intact ({events} events) but the project's state is not: {problem}",
                      events=self.events, problem=self.problem)
        return N_("History broken at event {seq}: {problem}", seq=self.seq, problem=self.problem)


def _sentence(problem: str, action: str, actor: str) -> str:
    if isinstance(problem, Text):  # the same sentence starting with a capital (see ``_AT_START``)
        problem = Text(problem.template[:1].upper() + problem.template[1:], problem.values)
    else:
        problem = problem[:1].upper() + problem[1:]
    return N_("{problem} ({action} by {actor})", problem=problem, action=action, actor=actor)


#: Rows of a table with no event that made them: (one, ``n``).
_UNMADE = {
    "claims": (N_("1 claim has no record of being made: events were removed from the end of the history, or the "
                  "rows were added outside factcheck."),
               lambda n: N_("{n} claims have no record of being made: events were removed from the end of the "
                            "history, or the rows were added outside factcheck.", n=n)),
    "articles": (N_("1 article has no record of being made: events were removed from the end of the history, or "
                    "the rows were added outside factcheck."),
                 lambda n: N_("{n} articles have no record of being made: events were removed from the end of the "
                              "history, or the rows were added outside factcheck.", n=n)),
    "sources": (N_("1 source has no record of being made: events were removed from the end of the history, or the "
                   "rows were added outside factcheck."),
                lambda n: N_("{n} sources have no record of being made: events were removed from the end of the "
                             "history, or the rows were added outside factcheck.", n=n)),
}


@dataclasses.dataclass(frozen=True)
class Checked:
    """A row already verified (by this installation): a walk may start after it (``verify_chain(after=...)``)."""

    seq: int
    hash: str
    id: str


#: How many rows a walk reads between two calls of its ``progress``.
PROGRESS_ROWS = 2048


def verify_chain(store, replay=None, *, after: Checked | None = None, progress=None) -> Verdict:
    """Walk the chain in order; the first row that was altered, inserted, removed or damaged.

    ``replay`` (a ``replay.Replay``) is given every event as the walk passes it, so the
    state is rebuilt in the same single pass. ``after``: walk only the rows after this one,
    which the caller checked before and found unchanged (its row still holds that hash; see
    ``core/verified.py``); the verdict counts every event. ``progress(done, total)`` is
    called every ``PROGRESS_ROWS`` rows; returning False stops the walk (``Cancelled``).
    """
    try:
        return _walk(store, _COLUMNS, replay, after, progress)
    except sqlite3.Error as exc:
        if not decoding_error(exc):
            raise
    # A row holds text that is not valid UTF-8: walk again reading text as bytes, to name it.
    if replay is not None:
        replay.reset()
    return _walk(store, _RAW_COLUMNS, replay, after, progress)


def _earlier(store, event_id_: str, seq: int) -> bool:
    """Whether ``event_id_`` is an event before ``seq`` in this file (one look-up in the index of ids).

    A walk asks this rather than keep the ids it passed: a million events' ids would take
    hundreds of MB, and only a merge's second parent, or another copy's event, needs it.
    """
    try:
        return store.execute("SELECT 1 FROM events WHERE id = ? AND seq < ?", (event_id_, seq)).fetchone() is not None
    except UnicodeEncodeError:  # unpaired surrogates: no stored id is that text
        return False


def _walk(store, columns: str, replay, after: Checked | None = None, progress=None) -> Verdict:
    from factcheck.core.errors import Cancelled

    total = (store.execute("SELECT max(seq) FROM events").fetchone()[0] or 0) if progress is not None else 0
    raw_text = columns is _RAW_COLUMNS
    prev = GENESIS_HASH
    prev_id = ""
    legacy = True  # rows hashed before events had ids come first; the first row hashed with its id ends them
    expected = 1
    n = 0
    if after is not None:
        # Start after a row found unchanged: it is the row before, and whether it was hashed
        # before ids says whether old rows may still follow.
        first = store.execute(f"SELECT {columns} FROM events WHERE seq = ?", (after.seq,)).fetchone()
        if raw_text and first is not None:
            first, _ = _texts(first)
        if first is None or (first[8], first[9]) != (after.hash, after.id):
            raise ValueError("the row to start after is not the one checked before")
        seq, at, actor, action, entity, entity_id, raw, prev_hash, stored, stored_id, parents = first
        text, _, _ = _decode(raw)
        try:
            legacy = text is not None and event_hash(prev_hash, seq, at, actor, action, entity, entity_id,
                                                     text) == stored
        except TypeError:
            legacy = False
        prev, prev_id, expected, n = stored, stored_id, after.seq + 1, after.seq
        rows = store.execute(f"SELECT {columns} FROM events WHERE seq > ? ORDER BY seq", (after.seq,))
    else:
        rows = store.execute(f"SELECT {columns} FROM events ORDER BY seq")
    bad = ""
    for row in rows:
        if raw_text:
            row, bad = _texts(row)
        seq, at, actor, action, entity, entity_id, raw, prev_hash, stored, stored_id, parents = row
        n += 1
        if progress is not None and n % PROGRESS_ROWS == 0 and progress(n, max(total, n)) is False:
            raise Cancelled(N_("The check of the history was cancelled."))
        if n == 1 and (seq != 1 or action != "project.create"):
            return Verdict(False, n, 1, N_("the history does not begin with the project's creation: "
                                           "its first events were removed."))
        if seq > expected:
            return Verdict(False, n, expected, N_("event {seq} is missing: it was removed.", seq=expected))
        text, data, problem = _decode(raw)
        if bad or text is None:
            return Verdict(False, n, seq, _sentence(bad or problem, action, actor))
        try:
            if legacy and event_hash(prev_hash, seq, at, actor, action, entity, entity_id, text) != stored:
                legacy = False
            digest = stored if legacy else chain_hash(prev_hash, seq, stored_id)
            own_id = event_id(parents, at, actor, action, entity, entity_id, text)
        except TypeError:  # a column holds a number or bytes where text belongs
            return Verdict(False, n, seq, N_("part of it is not text: the row was altered, or inserted by hand."))
        if own_id != stored_id:
            return Verdict(False, n, seq, N_("its content does not match its id ({action} by {actor}): "
                                             "the row was altered, or inserted by hand.", action=action, actor=actor))
        if digest != stored:
            return Verdict(False, n, seq, N_("its content does not match its hash ({action} by {actor}): "
                                             "the row was altered, or inserted by hand.", action=action, actor=actor))
        # A row hashed before ids has the parents the upgrade gave it: the row before, nothing else.
        if parents != (f'["{prev_id}"]' if prev_id else "[]"):
            if legacy:
                return Verdict(False, n, seq, N_("its list of parents is not the event before it ({action} by "
                                                 "{actor}): the row was altered.", action=action, actor=actor))
            missing = [p for p in parent_ids(parents) if not _earlier(store, p, seq)]
            if missing or parents != canonical(parent_ids(parents)) or (n > 1 and not parent_ids(parents)):
                return Verdict(False, n, seq, N_("it names a parent event this history does not hold before it "
                                                 "({action} by {actor}): an event was removed, or the row was "
                                                 "altered.", action=action, actor=actor))
        prev_id = stored_id
        if prev_hash != prev:
            return Verdict(False, n, seq, N_("it does not follow the event before it: "
                                             "an event was removed, inserted or altered just before it."))
        if problem:  # not JSON, yet its hash matches: written so by hand, hash and all
            return Verdict(False, n, seq, _sentence(problem, action, actor))
        if replay is not None:
            try:
                replay.apply(action, entity_id, data)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                return Verdict(False, n, seq, N_("its data does not hold what its action logs ({action} by {actor}): "
                                                 "the row was altered, or written by hand.", action=action, actor=actor))
        prev = stored
        expected = seq + 1
    if n == 0:
        return Verdict(False, 0, 1, N_("the history is empty: every event was removed."))
    # Removing events from the end leaves no gap in the chain; what they made remains.
    made = (("claims", "claim", "claim.create"), ("articles", "article", "article.import"),
            ("sources", "source", "source.create"))
    for table, noun, action in made:
        missing = store.execute(
            f"SELECT count(*) FROM {table} WHERE id NOT IN (SELECT entity_id FROM events WHERE action = ?)", (action,)
        ).fetchone()[0]
        if missing:
            return Verdict(False, n, expected, _UNMADE[table][0] if missing == 1 else _UNMADE[table][1](missing))
    return Verdict(True, n)
