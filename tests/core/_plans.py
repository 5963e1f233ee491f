"""What SQLite plans to do with each statement a code path runs: for the tests that no hot query scans a table.

``Tracer`` records every statement a connection runs (with its values, as SQLite
expands them) under the name of the step running it, once per shape; ``scans`` asks
``EXPLAIN QUERY PLAN`` of one and names the big tables it would read whole.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3

#: Tables that grow with the project: a query that reads one whole costs more every week.
BIG_TABLES = frozenset({"claims", "events", "citations", "comments", "sources", "versions", "attachments",
                        "corrections", "claim_tasks"})

_KEYWORDS = frozenset({"where", "join", "left", "inner", "cross", "on", "order", "group", "limit", "using",
                       "natural", "union", "except", "intersect", "having", "window", "as", "set", "values"})
_SCAN = re.compile(r"^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?")


def shape(sql: str) -> str:
    """A statement with its values taken out: one entry for every run of the same query."""
    text = " ".join(sql.split())
    text = re.sub(r"'(?:[^']|'')*'", "?", text)
    text = re.sub(r"\b\d+(?:\.\d+)?\b", "?", text)
    return re.sub(r"\?(?:, \?)+", "?…", text)


class Tracer:
    """Every SELECT, UPDATE, DELETE (and WITH) a connection runs, once per shape, by step."""

    def __init__(self) -> None:
        self.step = "start"
        self.statements: dict[str, tuple[str, str]] = {}  # shape -> (step, the statement as run)

    def __call__(self, sql: str) -> None:
        words = sql.split(None, 1)
        if words and words[0].upper() in ("SELECT", "WITH", "UPDATE", "DELETE"):
            self.statements.setdefault(shape(sql), (self.step, sql))

    @contextlib.contextmanager
    def watching(self, conn: sqlite3.Connection):
        conn.set_trace_callback(self)
        try:
            yield self
        finally:
            conn.set_trace_callback(None)


def scale_statistics(path, factor: int = 1_000) -> None:
    """Make SQLite plan for a project as if each of its tables were ``factor`` times larger.

    The statistics ``ANALYZE`` gathered on a small project describe a small project: the
    planner rightly scans a table of twelve rows. Each row count is multiplied; so is
    the number of rows per value of a column with few values (a status, an article
    among three) in a table of 50 rows or more; a column whose values are many (a
    claim's id in its citations) keeps its rows per value, as it does as a desk grows.
    """
    conn = sqlite3.connect(path)
    try:
        with conn:
            for table, index, stat in conn.execute("SELECT tbl, idx, stat FROM sqlite_stat1").fetchall():
                words = stat.split()
                numbers = [int(w) for w in words if w.isdigit()]
                rows = numbers[0]
                scaled = [rows * factor] + [n * factor if rows >= 50 and rows / n <= 10 else n for n in numbers[1:]]
                rest = [w for w in words if not w.isdigit()]
                conn.execute("UPDATE sqlite_stat1 SET stat = ? WHERE tbl = ? AND idx IS ?",
                             (" ".join(map(str, scaled + rest)), table, index))
    finally:
        conn.close()


def plan(conn: sqlite3.Connection, sql: str) -> list[str]:
    return [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]


def _aliases(sql: str) -> dict[str, str]:
    """Alias (or name) -> table, for every table a statement names after FROM, JOIN, UPDATE or INTO."""
    out = {}
    for table, alias in re.findall(r"\b(?:FROM|JOIN|UPDATE|INTO)\s+\"?(\w+)\"?(?:\s+(?:AS\s+)?(\w+))?", sql, re.I):
        out[table] = table
        if alias and alias.lower() not in _KEYWORDS:
            out[alias] = table
    return out


def _partial_indexes(conn: sqlite3.Connection) -> set[str]:
    return {name for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
            if sql and re.search(r"\)\s+WHERE\s", sql, re.I)}


def scans(conn: sqlite3.Connection, sql: str) -> list[str]:
    """The plan's lines that read a big table whole; [] when every big table is reached through an index.

    Two kinds of SCAN line are not reads of a whole table: the walk of a partial index
    (it holds only the rows its WHERE admits), and an ordered walk that stops at a
    LIMIT (the newest event, one page of a list): the statement has ORDER BY and LIMIT
    and the plan sorts nothing for the ORDER BY.
    """
    lines = plan(conn, sql)
    tables = _aliases(sql)
    partial = _partial_indexes(conn)
    paged = (re.search(r"\bORDER BY\b", sql, re.I) and re.search(r"\bLIMIT\b", sql, re.I)
             and not any("TEMP B-TREE FOR ORDER BY" in line for line in lines))
    out = []
    for line in lines:
        found = _SCAN.match(line)
        if not found or tables.get(found.group(1), found.group(1)) not in BIG_TABLES:
            continue
        if found.group(2) in partial or paged:
            continue
        out.append(line)
    return out


def offending(conn: sqlite3.Connection, tracer: Tracer, allowed: dict[str, str]) -> list[str]:
    """A sentence for every traced statement that scans a big table and matches none of ``allowed``'s patterns."""
    out = []
    for step, sql in tracer.statements.values():
        if any(re.search(pattern, sql, re.S) for pattern in allowed):
            continue
        bad = scans(conn, sql)
        if bad:
            out.append(f"[{step}] {' '.join(sql.split())[:400]}\n    plan: {' | '.join(plan(conn, sql))}")
    return out
