"""The event log: every change as a hash-chained row, read back in plain order, and verified.

Each row's hash covers the previous row's hash and its own content, so editing,
inserting or removing a row breaks the chain at that row. Removing the last events
leaves no gap, so ``verify`` also asks that every article, claim and source has the
event that made it, and rebuilds the state of claims, sources and citations from the
events to compare with the tables (``core/replay.py``): a row edited outside ``events``
is named. This detects tampering by anyone who does not recompute every later hash; it
is no signature.

A row whose ``data`` is not valid UTF-8 or not JSON (a damaged page, a hand edit) is
read as a *damaged* event: it keeps its place in the history with a sentence saying
what is wrong, so ``history``, ``verify`` and the app all name the same event.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json

from factcheck.core import model

GENESIS_HASH = "0" * 64
_COLUMNS = "seq, at, actor, action, entity, entity_id, CAST(data AS BLOB), prev_hash, hash"

# One encoder, built once: json.dumps with non-default options builds a new one per call.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(value: object) -> str:
    """The one JSON spelling of a value: sorted keys, no spaces, UTF-8 kept."""
    return _CANONICAL.encode(value)


def event_hash(prev_hash: str, seq: int, at: str, actor: str, action: str, entity: str, entity_id: str, data: str) -> str:
    """The hash of one events row: it covers the previous row's hash and its own content."""
    content = canonical([prev_hash, seq, at, actor, action, entity, entity_id, data])
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def append(store, user: str, action: str, entity: str, entity_id: str, data: dict) -> int:
    """Append the event of the action under way (inside ``store.transaction()``); its seq."""
    row = store.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS_HASH)
    at = model.now()
    payload = canonical(data)
    digest = event_hash(prev, seq, at, user, action, entity, entity_id, payload)
    store.execute(
        "INSERT INTO events (seq, at, actor, action, entity, entity_id, data, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, user, action, entity, entity_id, payload, prev, digest),
    )
    return seq


def _decode(raw: bytes | None) -> tuple[str | None, dict, str]:
    """(text, data, problem): the row's data as text and as a dict, or what is wrong with it."""
    if raw is None:
        return None, {}, "it has no data."
    try:
        text = bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return None, {}, "its data is not valid text (not UTF-8): the row was damaged."
    try:
        data = json.loads(text)
    except ValueError:
        return text, {}, "its data is not readable (not JSON): the row was damaged."
    if not isinstance(data, dict):
        return text, {}, "its data is not readable (not a JSON object): the row was damaged."
    return text, data, ""


def _event(row: tuple) -> model.Event:
    seq, at, actor, action, entity, entity_id, raw, prev_hash, digest = row
    _, data, problem = _decode(raw)
    return model.Event(seq, at, actor, action, entity, entity_id, data, prev_hash, digest, damaged=problem)


def read(store, entity_id: str | None = None) -> list[model.Event]:
    """Events in order, all of them or those of one entity; damaged rows marked, not raised."""
    if entity_id is None:
        rows = store.read(f"SELECT {_COLUMNS} FROM events ORDER BY seq")
    else:
        rows = store.read(f"SELECT {_COLUMNS} FROM events WHERE entity_id = ? ORDER BY seq", (entity_id,))
    return [_event(r) for r in rows]


def latest(store, entity_id: str, action: str) -> model.Event | None:
    """The newest event of one action on one entity."""
    rows = store.read(
        f"SELECT {_COLUMNS} FROM events WHERE entity_id = ? AND action = ? ORDER BY seq DESC LIMIT 1",
        (entity_id, action),
    )
    return _event(rows[0]) if rows else None


@dataclasses.dataclass(frozen=True)
class Verdict:
    ok: bool
    events: int  # rows checked
    seq: int | None = None  # the first row found wrong (or where one is missing)
    problem: str = ""  # a sentence: what is wrong there
    entities: int = 0  # claims, sources and citations whose state was checked against the events

    def __str__(self) -> str:
        if self.ok:
            state = f"; {self.entities} claims, sources and citations match it" if self.entities else ""
            return f"History intact: {self.events} events, every hash matches{state}."
        if self.seq is None:
            return f"History intact ({self.events} events) but the project's state is not: {self.problem}"
        return f"History broken at event {self.seq}: {self.problem}"


def verify_chain(store) -> Verdict:
    """Walk the chain in order; the first row that was altered, inserted, removed or damaged."""
    rows = store.execute(f"SELECT {_COLUMNS} FROM events ORDER BY seq")
    prev = GENESIS_HASH
    expected = 1
    n = 0
    for seq, at, actor, action, entity, entity_id, raw, prev_hash, stored in rows:
        n += 1
        if n == 1 and (seq != 1 or action != "project.create"):
            return Verdict(False, n, 1, "the history does not begin with the project's creation: "
                                        "its first events were removed.")
        if seq > expected:
            return Verdict(False, n, expected, f"event {expected} is missing: it was removed.")
        text, _, problem = _decode(raw)
        if text is None:
            return Verdict(False, n, seq, f"{problem[:1].upper()}{problem[1:]} ({action} by {actor})")
        if event_hash(prev_hash, seq, at, actor, action, entity, entity_id, text) != stored:
            return Verdict(False, n, seq, f"its content does not match its hash ({action} by {actor}): "
                                          "the row was altered, or inserted by hand.")
        if prev_hash != prev:
            return Verdict(False, n, seq, "it does not follow the event before it: "
                                          "an event was removed, inserted or altered just before it.")
        prev = stored
        expected = seq + 1
    if n == 0:
        return Verdict(False, 0, 1, "the history is empty: every event was removed.")
    # Removing events from the end leaves no gap in the chain; what they made remains.
    made = (("claims", "claim.create"), ("articles", "article.import"), ("sources", "source.create"))
    for table, action in made:
        missing = store.execute(
            f"SELECT count(*) FROM {table} WHERE id NOT IN (SELECT entity_id FROM events WHERE action = ?)", (action,)
        ).fetchone()[0]
        if missing:
            return Verdict(False, n, expected, f"{missing} {table} have no record of being made: "
                                               "events were removed from the end of the history.")
    return Verdict(True, n)


def verify(store) -> Verdict:
    """The chain, then the state: every claim, source and citation as its events left it.

    SQLite errors while reading (a damaged page) come out as ``KnownError``.
    """
    import sqlite3

    from factcheck.core import replay

    try:
        verdict = verify_chain(store)
        if not verdict.ok:
            return verdict
        return replay.compare(store, verdict.events)
    except sqlite3.Error as exc:
        raise store.error(exc) from exc
