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

A ``-wal`` journal deleted under an open project is not an error to SQLite: it goes on
committing into the deleted file. So each outermost transaction first checks, with one
``stat``, that the journal is still the one the connection writes to.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pathlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence

from factcheck.core.errors import BugError, NotAProject, ProjectError, ProjectLocked, ProjectReadOnly
from factcheck.core.text import N_

log = logging.getLogger("factcheck")

BUSY_TIMEOUT_MS = 3000
#: Rows ``ANALYZE`` samples per index (``PRAGMA analysis_limit``): SQLite's advice, so refreshing
#: the planner's statistics takes milliseconds however large the project.
ANALYSIS_LIMIT = 400
#: A transaction that changed more rows than this (a merge, a sync, an import of annotations,
#: a bulk decision) is followed by ``PRAGMA optimize``.
OPTIMIZE_AFTER_ROWS = 5_000

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
# The -wal journal is shorter than its index says: deleted under a connection that had
# written to it (the main file was already checked to hold whole pages).
SQLITE_IOERR_SHORT_READ = SQLITE_IOERR | (2 << 8)


def error_code(exc: sqlite3.Error) -> int | None:
    """The extended SQLite result code of an error, when SQLite gave one."""
    return getattr(exc, "sqlite_errorcode", None)


def moved_or_deleted(path: pathlib.Path) -> ProjectError:
    return ProjectError(N_(
        "{name} was moved or deleted while it was open; nothing more can be saved to it. "
        "Close it and open the file where it is now.", name=path.name
    ))


def journal_deleted(path: pathlib.Path) -> ProjectError:
    """The error for a ``-wal`` journal deleted (or replaced by another program's) under an open project."""
    return ProjectError(N_(
        "The journal of {name} ({name}-wal) was deleted while the project was open, so changes "
        "cannot be saved safely; close the project wherever it is open and open it again.", name=path.name
    ))


def describe_error(exc: sqlite3.Error, path: pathlib.Path, *, journal_lost: bool = False,
                   network: str | None = None) -> Exception:
    """The error to raise for ``exc``: a ``KnownError`` sentence, or a ``BugError`` for ours.

    ``sqlite3.InterfaceError``/``ProgrammingError`` (wrong SQL, a closed connection) and
    codes that no user action explains are bugs. ``journal_lost``: the store saw its
    ``-wal`` file deleted or replaced. ``network``: the file is on that network drive (no ``-wal``).
    """
    name = path.name
    code = error_code(exc)
    if code is None:
        # Python's own sqlite3 errors carry no code. One of them is the user's problem:
        # a text value that is not UTF-8, which only a damaged page or a hand edit leaves.
        if isinstance(exc, sqlite3.OperationalError) and "decode" in str(exc).lower():
            return NotAProject(N_("{name} is damaged: some of its text is not readable (not UTF-8).", name=name))
        return BugError(f"unexpected database error on {name}: {type(exc).__name__}: {exc}")
    primary = code & 0xFF
    wal = pathlib.Path(str(path) + "-wal")
    if primary == SQLITE_BUSY:
        return ProjectLocked(N_("{name} is locked by another program; close it there or try again in a moment.", name=name))
    if primary == SQLITE_IOERR and network:  # a drive that went away looks like a deleted file
        return ProjectError(N_("{name} could not be read or written: the network drive ({drive}) did not answer "
                               "or reported an error. Check the connection and try again.", name=name, drive=network))
    if code == SQLITE_READONLY_DBMOVED or (primary in (SQLITE_READONLY, SQLITE_IOERR) and not path.exists()):
        return moved_or_deleted(path)
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return ProjectReadOnly(N_("{name} is read-only; changes cannot be saved to it.", name=name))
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return NotAProject(N_("{name} is damaged: part of the file is not what factcheck wrote.", name=name))
    if primary == SQLITE_FULL:
        return ProjectError(N_("{name} could not be saved: the disk is full. Free some space and try again.", name=name))
    if primary == SQLITE_CANTOPEN:
        return ProjectError(N_("{name} cannot be opened: check that the folder exists and is accessible.", name=name))
    if primary == SQLITE_IOERR:
        if journal_lost or code == SQLITE_IOERR_SHORT_READ or not wal.exists():
            return journal_deleted(path)
        return ProjectError(N_("{name} could not be read or written: the disk reported an error.", name=name))
    if primary == SQLITE_NOMEM:
        return ProjectError(N_("{name} could not be read: the computer ran out of memory.", name=name))
    return BugError(f"unexpected database error on {name} (code {code}): {exc}")


class Store:
    """One open SQLite connection to a project file and its transaction depth."""

    def __init__(self, path: pathlib.Path, conn: sqlite3.Connection, read_only: bool):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._depth = 0
        self._rollback_hooks: list[Callable[[], None]] = []
        #: The network file system the file is on (set by ``Project``): rollback journal, no ``-wal``.
        self.network_drive: str | None = None
        # (device, inode) of the -wal journal this connection writes to, once it exists.
        self._journal = None if read_only else self._journal_id()

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def on_rollback(self, hook: Callable[[], None]) -> None:
        """Call ``hook`` whenever a transaction or savepoint is rolled back (caches forget)."""
        self._rollback_hooks.append(hook)

    def error(self, exc: sqlite3.Error) -> Exception:
        return describe_error(exc, self.path, journal_lost=self._journal_lost(), network=self.network_drive)

    def _journal_stat(self) -> os.stat_result | None:
        try:
            return os.stat(str(self.path) + "-wal")
        except OSError:
            return None

    def _journal_id(self) -> tuple[int, int] | None:
        st = self._journal_stat()
        return None if st is None else (st.st_dev, st.st_ino)

    def _journal_lost(self) -> bool:
        return self._journal is not None and self._journal_id() != self._journal

    def _save_lost_journal(self) -> None:
        """Copy what the deleted journal holds into the project file, while this connection still can.

        Only when nothing else took its place (no file, or the empty one a failed open
        leaves): another program's journal would not match what this connection holds.
        """
        st = self._journal_stat()
        if st is None or st.st_size == 0:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _check_journal(self) -> None:
        """Refuse to write once the ``-wal`` journal was deleted or replaced under us (one stat).

        SQLite does not notice: it goes on committing into the deleted file, which no other
        program sees (another program cannot even open the project) and which is gone for
        good if factcheck is then killed.
        """
        if self._journal_lost():
            if not self.path.exists():  # the whole project went (its folder renamed, the file deleted)
                raise moved_or_deleted(self.path)
            self._save_lost_journal()
            raise journal_deleted(self.path)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work; nests as a SAVEPOINT inside an open transaction."""
        if self.read_only:
            raise ProjectReadOnly(N_("{name} is open read-only; changes cannot be saved.", name=self.path.name))
        conn = self.conn
        if conn is None:
            raise BugError("the project is closed")
        depth = self._depth
        savepoint = f"sp{depth}"
        if depth == 0 and conn.in_transaction:
            # Left open by an interruption between BEGIN and our bookkeeping: nothing of it
            # was acknowledged, so roll it back rather than refuse every later change.
            log.warning("rolling back a transaction left open on %s", self.path.name)
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        if depth == 0:
            self._check_journal()
        else:
            self._check_alive()
        try:
            conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {savepoint}")
        except sqlite3.Error as exc:
            raise self.error(exc) from exc
        if self._journal is None:
            self._journal = self._journal_id()
        changes_before = conn.total_changes
        self._depth = depth + 1
        try:
            yield
        except BaseException as exc:
            self._depth = depth
            self._rollback(conn, depth, savepoint)
            if isinstance(exc, sqlite3.Error):
                raise self.error(exc) from exc
            raise
        self._depth = depth
        try:
            self._check_alive(depth + 1)
            conn.execute("COMMIT" if depth == 0 else f"RELEASE {savepoint}")
        except sqlite3.Error as exc:
            self._rollback(conn, depth, savepoint)
            raise self.error(exc) from exc
        except BaseException:
            self._rollback(conn, depth, savepoint)
            raise
        if depth == 0 and conn.total_changes - changes_before > OPTIMIZE_AFTER_ROWS:
            self.optimize()

    def optimize(self, *, analyze: bool = False) -> None:
        """Refresh the query planner's statistics where they went stale (``PRAGMA optimize``); never raises.

        SQLite's advice: before closing, and after a large change. It analyzes only the
        tables this connection queried whose size changed a lot (or that were never
        analyzed), sampling ``ANALYSIS_LIMIT`` rows per index. ``analyze``: every table
        (after a migration, whose new indexes have no statistics yet).
        """
        if self.read_only or self.conn is None or self._depth or self.conn.in_transaction:
            return
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
            self.conn.execute("ANALYZE" if analyze else "PRAGMA optimize")

    def _check_alive(self, depth: int | None = None) -> None:
        """Inside a transaction, refuse to go on once SQLite has rolled all of it back.

        On a full disk or an I/O error SQLite may abandon the whole transaction, not just
        the statement; a caller that caught the error and went on would otherwise write
        the rest in autocommit: neither all nor nothing.
        """
        if (self._depth if depth is None else depth) > 0 and self.conn is not None and not self.conn.in_transaction:
            raise ProjectError(N_(
                "The change to {name} could not be saved: it was interrupted, and nothing of it "
                "was written. Try again.", name=self.path.name
            ))

    def _rollback(self, conn: sqlite3.Connection | None, depth: int, savepoint: str) -> None:
        if conn is not None and conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                if depth == 0:
                    conn.execute("ROLLBACK")
                else:
                    conn.execute(f"ROLLBACK TO {savepoint}")
                    conn.execute(f"RELEASE {savepoint}")
        for hook in self._rollback_hooks:
            hook()

    def execute(self, sql: str, params: Sequence | dict = ()) -> sqlite3.Cursor:
        """Run one statement inside the open transaction (writes) or on its own (reads)."""
        self._check_alive()
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows) -> sqlite3.Cursor:
        self._check_alive()
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

    def stream(self, sql: str, params: Sequence | dict = (), size: int = 500) -> Iterator[list[tuple]]:
        """The rows of a query in lists of at most ``size``, read as they are asked for (memory flat)."""
        try:
            cursor = self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise self.error(exc) from exc
        try:
            while True:
                try:
                    rows = cursor.fetchmany(size)
                except sqlite3.Error as exc:
                    raise self.error(exc) from exc
                if not rows:
                    return
                yield rows
        finally:
            with contextlib.suppress(sqlite3.Error):  # left unfinished: its connection may be closed by now
                cursor.close()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: every read inside sees the file as it was at the first one.

        For long reads in pieces (an export, a check) while another connection writes: WAL
        lets both go on. Inside an open transaction, or when nesting, it is that one's.
        """
        conn = self.conn
        if conn is None:
            raise BugError("the project is closed")
        if conn.in_transaction or self._depth:
            yield
            return
        try:
            conn.execute("BEGIN DEFERRED")
        except sqlite3.Error as exc:
            raise self.error(exc) from exc
        try:
            yield
        finally:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("COMMIT")

    def data_version(self) -> int | None:
        """SQLite's ``data_version``: it changes when another connection commits."""
        try:
            return self.conn.execute("PRAGMA data_version").fetchone()[0]
        except (sqlite3.Error, AttributeError):
            return None

    def close(self) -> None:
        if self._depth:
            raise BugError("the project was closed in the middle of a change")
        if self.conn is not None:
            if self._journal_lost():
                self._save_lost_journal()
            self.optimize()
            self.conn.close()
            self.conn = None  # type: ignore[assignment]
