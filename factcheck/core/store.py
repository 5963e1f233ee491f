"""The project file's connection: pragmas, the one ``transaction()``, and SQLite errors in plain words.

Every write goes through ``Store.transaction()``. The outermost call takes the write
lock with ``BEGIN IMMEDIATE`` and commits at its end; a call inside an open transaction
becomes a ``SAVEPOINT``, so a many-step action (an import of 1,000 annotations, a bulk
approval) is still one transaction: all of it reaches the disk, or none of it.

Why ``BEGIN IMMEDIATE`` rather than a deferred BEGIN (sqlite-utils' ``atomic()``): two
app instances may work on one file. A deferred transaction reads the head of the event
chain and only then asks for the write lock, and fails if the other instance wrote in
between; an immediate one takes the lock first (waiting up to ``BUSY_TIMEOUT_MS``), so
the chain is always extended from its true head.

SQLite errors are sorted by ``sqlite_errorcode``, never by their message: the user's
problems (locked, read-only, full disk, damaged file, a journal deleted under us) become
one ``KnownError`` sentence; anything else is a ``BugError`` carrying the original.
"""

from __future__ import annotations

import contextlib
import pathlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence

from factcheck.core.errors import BugError, NotAProject, ProjectError, ProjectLocked, ProjectReadOnly

BUSY_TIMEOUT_MS = 3000

# Primary result codes (https://www.sqlite.org/rescode.html); the extended code's low
# byte is its primary code.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
# Extended codes with a story of their own.
SQLITE_READONLY_DBMOVED = SQLITE_READONLY | (4 << 8)
SQLITE_IOERR_DELETE = SQLITE_IOERR | (10 << 8)


def error_code(exc: sqlite3.Error) -> int | None:
    """The extended SQLite result code of an error, when SQLite gave one."""
    return getattr(exc, "sqlite_errorcode", None)


def describe_error(exc: sqlite3.Error, path: pathlib.Path) -> Exception:
    """The error to raise for ``exc``: a ``KnownError`` sentence, or a ``BugError`` for ours.

    ``sqlite3.InterfaceError``/``ProgrammingError`` (wrong SQL, a closed connection) and
    codes that no user action explains are bugs.
    """
    name = path.name
    code = error_code(exc)
    if code is None:
        return BugError(f"unexpected database error on {name}: {type(exc).__name__}: {exc}")
    primary = code & 0xFF
    wal = pathlib.Path(str(path) + "-wal")
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return ProjectLocked(f"{name} is locked by another program; close it there or try again in a moment.")
    if code == SQLITE_READONLY_DBMOVED or (primary in (SQLITE_READONLY, SQLITE_IOERR) and not path.exists()):
        return ProjectError(
            f"{name} was moved or deleted while it was open; nothing more can be saved to it. "
            "Close it and open the file where it is now."
        )
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return ProjectReadOnly(f"{name} is read-only; changes cannot be saved to it.")
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return NotAProject(f"{name} is damaged: part of the file is not what factcheck wrote.")
    if primary == SQLITE_FULL:
        return ProjectError(f"{name} could not be saved: the disk is full. Free some space and try again.")
    if primary == SQLITE_CANTOPEN:
        return ProjectError(f"{name} cannot be opened: check that the folder exists and is accessible.")
    if primary == SQLITE_IOERR:
        if not wal.exists():
            return ProjectError(
                f"The journal of {name} ({wal.name}) was deleted while the project was open, so the "
                "last change could not be saved. Close the project and open it again."
            )
        return ProjectError(f"{name} could not be read or written: the disk reported an error.")
    if primary == SQLITE_NOMEM:
        return ProjectError(f"{name} could not be read: the computer ran out of memory.")
    return BugError(f"unexpected database error on {name} (code {code}): {exc}")


class Store:
    """One open SQLite connection to a project file and its transaction depth."""

    def __init__(self, path: pathlib.Path, conn: sqlite3.Connection, read_only: bool):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._depth = 0
        self._rollback_hooks: list[Callable[[], None]] = []

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def on_rollback(self, hook: Callable[[], None]) -> None:
        """Call ``hook`` whenever a transaction or savepoint is rolled back (caches forget)."""
        self._rollback_hooks.append(hook)

    def error(self, exc: sqlite3.Error) -> Exception:
        return describe_error(exc, self.path)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work; nests as a SAVEPOINT inside an open transaction."""
        if self.read_only:
            raise ProjectReadOnly(f"{self.path.name} is open read-only; changes cannot be saved.")
        conn = self.conn
        if conn is None:
            raise BugError("the project is closed")
        depth = self._depth
        savepoint = f"sp{depth}"
        if depth == 0 and conn.in_transaction:
            raise BugError("a transaction was opened outside the store")
        try:
            conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {savepoint}")
        except sqlite3.Error as exc:
            raise self.error(exc) from exc
        self._depth = depth + 1
        try:
            yield
        except BaseException as exc:
            self._depth = depth
            self._rollback(depth, savepoint)
            if isinstance(exc, sqlite3.Error):
                raise self.error(exc) from exc
            raise
        self._depth = depth
        try:
            conn.execute("COMMIT" if depth == 0 else f"RELEASE {savepoint}")
        except sqlite3.Error as exc:
            self._rollback(depth, savepoint)
            raise self.error(exc) from exc

    def _rollback(self, depth: int, savepoint: str) -> None:
        with contextlib.suppress(sqlite3.Error):
            if depth == 0:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO {savepoint}")
                self.conn.execute(f"RELEASE {savepoint}")
        for hook in self._rollback_hooks:
            hook()

    def execute(self, sql: str, params: Sequence | dict = ()) -> sqlite3.Cursor:
        """Run one statement inside the open transaction (writes) or on its own (reads)."""
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    def read(self, sql: str, params: Sequence | dict = ()) -> list[tuple]:
        """All rows of a query; SQLite errors come out as ``KnownError``/``BugError``."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self.error(exc) from exc

    def read_one(self, sql: str, params: Sequence | dict = ()) -> tuple | None:
        rows = self.read(sql, params)
        return rows[0] if rows else None

    def data_version(self) -> int | None:
        """SQLite's ``data_version``: it changes when another connection commits."""
        try:
            return self.conn.execute("PRAGMA data_version").fetchone()[0]
        except (sqlite3.Error, AttributeError):
            return None

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(sqlite3.Error):
                if not self.read_only:
                    self.conn.execute("PRAGMA optimize")
            self.conn.close()
            self.conn = None  # type: ignore[assignment]
