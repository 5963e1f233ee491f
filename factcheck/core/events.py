"""The event log: every change as a hash-chained row, read back in plain order, and verified.

Each row's hash covers the previous row's hash and its own content, so editing,
inserting or removing a row breaks the chain at that row. Removing the last events
leaves no gap, so ``verify_chain`` also asks that every article, claim and source has
the event that made it, and hands each event to a ``replay.Replay`` walking beside it,
which rebuilds articles, claims, sources and citations to compare with the tables
(``replay.verify`` runs both): a row edited outside ``events`` is named. This detects tampering by anyone who does not recompute
every later hash; it is no signature.

A row whose ``data`` is not valid UTF-8 or not JSON (a damaged page, a hand edit), or
whose other text is not valid UTF-8, is read as a *damaged* event: it keeps its place
in the history with a sentence saying what is wrong, so ``history``, ``verify`` and the
app all name the same event.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3

from factcheck.core import model

GENESIS_HASH = "0" * 64
_COLUMNS = "seq, at, actor, action, entity, entity_id, CAST(data AS BLOB), prev_hash, hash"
_TEXT_COLUMNS = ("at", "actor", "action", "entity", "entity_id", "data", "prev_hash", "hash")
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
    """The hash of one events row: it covers the previous row's hash and its own content.

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
        data, end = _DECODER.raw_decode(text)  # what json.loads does, less its checks for spaces around
        if end != len(text):
            data = json.loads(text)
    except ValueError:
        try:
            data = json.loads(text)
        except ValueError:
            return text, {}, "its data is not readable (not JSON): the row was damaged."
    if not isinstance(data, dict):
        return text, {}, "its data is not readable (not a JSON object): the row was damaged."
    return text, data, ""


_NAMES = {"at": "time", "actor": "user name", "action": "action", "entity": "subject", "entity_id": "subject",
          "prev_hash": "link to the event before", "hash": "hash"}


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
            problem = problem or f"its {_NAMES[column]} is not valid text (not UTF-8): the row was damaged."
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
    seq, at, actor, action, entity, entity_id, raw, prev_hash, digest = row
    _, data, problem = _decode(raw)
    return model.Event(seq, at, actor, action, entity, entity_id, data, prev_hash, digest, damaged=bad or problem)


def read(store, entity_id: str | None = None) -> list[model.Event]:
    """Events in order, all of them or those of one entity; damaged rows marked, not raised."""
    if entity_id is None:
        rows = _select(store, "ORDER BY seq")
    else:
        rows = _select(store, "WHERE entity_id = ? ORDER BY seq", (entity_id,))
    return [_event(r) for r in rows]


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
            state = f"; {self.entities} articles, claims, sources and citations match it" if self.entities else ""
            return f"History intact: {self.events} events, every hash matches{state}."
        if self.seq is None:
            return f"History intact ({self.events} events) but the project's state is not: {self.problem}"
        return f"History broken at event {self.seq}: {self.problem}"


def _sentence(problem: str, action: str, actor: str) -> str:
    return f"{problem[:1].upper()}{problem[1:]} ({action} by {actor})"


def verify_chain(store, replay=None) -> Verdict:
    """Walk the chain in order; the first row that was altered, inserted, removed or damaged.

    ``replay`` (a ``replay.Replay``) is given every event as the walk passes it, so the
    state is rebuilt in the same single pass.
    """
    try:
        return _walk(store, _COLUMNS, replay)
    except sqlite3.Error as exc:
        if not decoding_error(exc):
            raise
    # A row holds text that is not valid UTF-8: walk again reading text as bytes, to name it.
    if replay is not None:
        replay.reset()
    return _walk(store, _RAW_COLUMNS, replay)


def _walk(store, columns: str, replay) -> Verdict:
    rows = store.execute(f"SELECT {columns} FROM events ORDER BY seq")
    raw_text = columns is _RAW_COLUMNS
    prev = GENESIS_HASH
    expected = 1
    n = 0
    bad = ""
    for row in rows:
        if raw_text:
            row, bad = _texts(row)
        seq, at, actor, action, entity, entity_id, raw, prev_hash, stored = row
        n += 1
        if n == 1 and (seq != 1 or action != "project.create"):
            return Verdict(False, n, 1, "the history does not begin with the project's creation: "
                                        "its first events were removed.")
        if seq > expected:
            return Verdict(False, n, expected, f"event {expected} is missing: it was removed.")
        text, data, problem = _decode(raw)
        if bad or text is None:
            return Verdict(False, n, seq, _sentence(bad or problem, action, actor))
        try:
            digest = event_hash(prev_hash, seq, at, actor, action, entity, entity_id, text)
        except TypeError:  # a column holds a number or bytes where text belongs
            return Verdict(False, n, seq, "part of it is not text: the row was altered, or inserted by hand.")
        if digest != stored:
            return Verdict(False, n, seq, f"its content does not match its hash ({action} by {actor}): "
                                          "the row was altered, or inserted by hand.")
        if prev_hash != prev:
            return Verdict(False, n, seq, "it does not follow the event before it: "
                                          "an event was removed, inserted or altered just before it.")
        if problem:  # not JSON, yet its hash matches: written so by hand, hash and all
            return Verdict(False, n, seq, _sentence(problem, action, actor))
        if replay is not None:
            try:
                replay.apply(action, entity_id, data)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                return Verdict(False, n, seq, f"its data does not hold what its action logs ({action} by {actor}): "
                                              "the row was altered, or written by hand.")
        prev = stored
        expected = seq + 1
    if n == 0:
        return Verdict(False, 0, 1, "the history is empty: every event was removed.")
    # Removing events from the end leaves no gap in the chain; what they made remains.
    made = (("claims", "claim", "claim.create"), ("articles", "article", "article.import"),
            ("sources", "source", "source.create"))
    for table, noun, action in made:
        missing = store.execute(
            f"SELECT count(*) FROM {table} WHERE id NOT IN (SELECT entity_id FROM events WHERE action = ?)", (action,)
        ).fetchone()[0]
        if missing:
            what = f"1 {noun} has" if missing == 1 else f"{missing} {table} have"
            return Verdict(False, n, expected, f"{what} no record of being made: events were removed from the end "
                                               "of the history, or the rows were added outside factcheck.")
    return Verdict(True, n)
