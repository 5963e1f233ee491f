"""Check that the history in ``events`` is the one factcheck wrote.

Each event's hash covers the previous event's hash and its own content, so editing,
inserting or removing a row breaks the chain at that row. Removing the last events
leaves no gap, so the check also asks that every article, claim and source has the
event that made it. This detects tampering by anyone who does not recompute every later
hash; it is no signature: a determined editor who rewrites the chain from the first
altered row (or removes trailing edits that made nothing) is not caught.
"""

from __future__ import annotations

import dataclasses

from factcheck.core.project import GENESIS_HASH, event_hash


@dataclasses.dataclass(frozen=True)
class Verdict:
    ok: bool
    events: int  # rows checked
    seq: int | None = None  # the first row found wrong (or where one is missing)
    problem: str = ""  # a sentence: what is wrong there

    def __str__(self) -> str:
        if self.ok:
            return f"History intact: {self.events} events, every hash matches."
        return f"History broken at event {self.seq}: {self.problem}"


def verify(project) -> Verdict:
    """Walk the chain in order; report the first row that was altered, inserted or removed."""
    rows = project._conn.execute(
        "SELECT seq, at, actor, action, entity, entity_id, data, prev_hash, hash FROM events ORDER BY seq"
    )
    prev = GENESIS_HASH
    expected = 1
    n = 0
    for seq, at, actor, action, entity, entity_id, data, prev_hash, stored in rows:
        n += 1
        if n == 1 and (seq != 1 or action != "project.create"):
            return Verdict(False, n, 1, "the history does not begin with the project's creation: "
                                        "its first events were removed.")
        if seq > expected:
            return Verdict(False, n, expected, f"event {expected} is missing: it was removed.")
        if event_hash(prev_hash, seq, at, actor, action, entity, entity_id, data) != stored:
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
    made = {
        ("claims", "claim.create"), ("articles", "article.import"), ("sources", "source.create"),
    }
    for table, action in made:
        missing = project._conn.execute(
            f"SELECT count(*) FROM {table} WHERE id NOT IN (SELECT entity_id FROM events WHERE action = ?)", (action,)
        ).fetchone()[0]
        if missing:
            return Verdict(False, n, expected, f"{missing} {table} have no record of being made: "
                                               "events were removed from the end of the history.")
    return Verdict(True, n)
