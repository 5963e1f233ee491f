"""Rewriting a project's events as a program other than factcheck would: for tests of what ``verify`` finds."""

from __future__ import annotations

import sqlite3

from factcheck.core import events


def rechain(conn: sqlite3.Connection, data: dict[int, str], *, legacy: bool = False) -> None:
    """Give some events new data text and recompute every id, parent and hash after them, as a forger would.

    ``legacy``: hash every row as builds before event ids did (``events.event_hash``).
    """
    rows = conn.execute("SELECT seq, at, actor, action, entity, entity_id, data FROM events ORDER BY seq").fetchall()
    prev, prev_id = events.GENESIS_HASH, ""
    for seq, at, actor, action, entity, entity_id, text in rows:
        text = data.get(seq, text)
        parents = f'["{prev_id}"]' if prev_id else "[]"
        new_id = events.event_id(parents, at, actor, action, entity, entity_id, text)
        digest = (events.event_hash(prev, seq, at, actor, action, entity, entity_id, text) if legacy
                  else events.chain_hash(prev, seq, new_id))
        conn.execute("UPDATE events SET data = ?, prev_hash = ?, hash = ?, id = ?, parents = ? WHERE seq = ?",
                     (text, prev, digest, new_id, parents, seq))
        prev, prev_id = digest, new_id
