"""The verdict library: every claim of the projects a checker opened or added, and published fact-checks.

One SQLite file of its own (``library.sqlite`` in the data folder, or ``--library PATH``),
with its own ``application_id``, ``user_version`` and migrations. It is an index: every
entry can be rebuilt from where it came from. A file beside it
(``library-sources.json``) names those sources, so a damaged library is set aside and
rebuilt from them (projects read again, ClaimReview files read again where they still
are) with one sentence saying so. A library from a newer factcheck is refused, never
changed; one another window is writing is waited for briefly, then read-only.

Sources are projects (indexed claim by claim: statement, quote, claimant, rating with its
label and 0..1 value, verdict summary, date, status, the project's path and identity, the
claim's id) and ClaimReview files (``claimreview_feed``: its URL, author, date). A project
is re-read only when its head event changed, and then only the claims the events since
touched (``_touched_since``); a project file that is gone is marked
*missing* and its entries kept. Entries are indexed by ``matching.analyze`` into an FTS5
table; ``match`` ranks them for a new claim (``matching.rerank``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import pathlib
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence

from factcheck.core import claimreview_feed, matching, model
from factcheck.core.errors import KnownError
from factcheck.core.text import N_

APPLICATION_ID = 0x46436C62  # "FClb"
NAME = "library.sqlite"
#: How long a write waits for another window's write to finish before giving up (ms).
BUSY_TIMEOUT_MS = 1500
#: Candidates FTS5 hands to the re-ranking.
CANDIDATES = 60
#: The lowest ``matching.rerank`` score suggested: below it a candidate shares only a common word or two (on the
#: matching benchmark no right answer scored under 0.139; "since" alone brought a bridge's traffic to a claim on jobs
#: at 0.09).
MIN_SCORE = 0.1
#: Claims (or entries) read, analysed and written per transaction when a project is indexed or re-analysed
#: (a few MB of rows; fewer commits write the key index's pages fewer times).
BATCH = 2000
#: Events since the last pass above which the next pass reads the project whole rather than what they touched.
TOUCHED_MOST = 100_000
#: Claims the app may write (``put_claims``) between two passes before the next pass reads the project whole.
WRITTEN_KEPT = 20_000
#: Share of the entries this connection may change before the word counts are taken again, and the fewest rows.
COUNTS_DRIFT = 0.01
DRIFT_ROWS = 1_000
#: Token counts kept between queries (a few MB at most) before they are counted afresh.
FREQUENCIES_KEPT = 20_000
#: Column weights of bm25 (terms, bigrams, prefixes).
BM25_WEIGHTS = (1.0, 0.6, 0.35)
PROJECT = "project"
CLAIMREVIEW = "claimreview"
FEED_SUFFIXES = (".json", ".jsonld", ".json-ld")


class LibraryError(KnownError):
    """The library file cannot be used (damaged beyond rebuilding, another program's file)."""


class LibraryLocked(LibraryError):
    """Another factcheck is writing to the library."""


class LibraryTooNew(LibraryError):
    """The library was written by a newer factcheck."""


FeedRefused = claimreview_feed.FeedRefused


def _script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (``executescript`` would commit the open transaction first)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def _schema_v1(conn: sqlite3.Connection) -> None:
    _script(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            path TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL DEFAULT '',
            project_id TEXT,
            head TEXT,
            missing INTEGER NOT NULL DEFAULT 0,
            added_at TEXT NOT NULL,
            scanned_at TEXT NOT NULL
        );
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            statement TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL DEFAULT '',
            claimant TEXT NOT NULL DEFAULT '',
            claim_date TEXT NOT NULL DEFAULT '',
            rating TEXT NOT NULL DEFAULT '',
            rating_key TEXT NOT NULL DEFAULT '',
            rating_value REAL,
            summary TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            raw TEXT,
            digest TEXT NOT NULL DEFAULT '',
            terms TEXT NOT NULL DEFAULT '',
            bigrams TEXT NOT NULL DEFAULT '',
            prefixes TEXT NOT NULL DEFAULT '',
            folded TEXT NOT NULL DEFAULT '',
            entities TEXT NOT NULL DEFAULT '',
            UNIQUE (source_id, key)
        );
        CREATE VIRTUAL TABLE entries_fts USING fts5(
            terms, bigrams, prefixes, content='entries', content_rowid='id',
            tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
        );
        CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN
            INSERT INTO entries_fts(entries_fts, rowid, terms, bigrams, prefixes)
            VALUES ('delete', old.id, old.terms, old.bigrams, old.prefixes);
        END;
        CREATE TRIGGER entries_au AFTER UPDATE OF terms, bigrams, prefixes ON entries BEGIN
            INSERT INTO entries_fts(entries_fts, rowid, terms, bigrams, prefixes)
            VALUES ('delete', old.id, old.terms, old.bigrams, old.prefixes);
            INSERT INTO entries_fts(rowid, terms, bigrams, prefixes) VALUES (new.id, new.terms, new.bigrams, new.prefixes);
        END;
        CREATE VIRTUAL TABLE entries_vocab USING fts5vocab(entries_fts, 'col');
        """
    )


#: The library's migrations, in order; ``user_version`` is how many were applied. Append only.
MIGRATIONS = (_schema_v1,)
SCHEMA_VERSION = len(MIGRATIONS)


def default_path() -> pathlib.Path:
    from factcheck import paths

    return paths.home()[1] / NAME


@dataclasses.dataclass(frozen=True)
class Match:
    """One earlier verdict found for a claim, with where it came from."""

    score: float
    kind: str  # "project" or "claimreview"
    statement: str
    quote: str
    claimant: str
    rating: str  # the label, as the scale or the fact-checker named it
    rating_key: str  # the project scale's key ('' for ClaimReview)
    rating_value: float | None  # 0 (worst) .. 1 (best), when known
    summary: str
    date: str
    status: str
    author: str  # who checked it: the checker, or the fact-checker that published it
    title: str  # the article's title (projects)
    url: str
    source_path: str  # the project file, or the ClaimReview file
    project_id: str
    claim_id: str  # the project's claim id ('' for ClaimReview)
    missing: bool  # the project file is gone

    @property
    def label(self) -> str:
        return self.statement or self.quote


@dataclasses.dataclass(frozen=True)
class AddResult:
    kind: str
    path: str
    entries: int  # claims or ClaimReviews held for it now
    unchanged: bool = False  # a project whose history had not moved: nothing was read
    dropped_urls: int = 0
    skipped: int = 0  # items naming no claim


@dataclasses.dataclass(frozen=True)
class SourceInfo:
    kind: str
    path: str
    name: str
    entries: int
    missing: bool
    scanned_at: str


@dataclasses.dataclass(frozen=True)
class Info:
    path: str
    read_only: bool
    sources: tuple[SourceInfo, ...]

    def count(self, kind: str) -> int:
        return sum(s.entries for s in self.sources if s.kind == kind)

    def files(self, kind: str) -> int:
        return sum(1 for s in self.sources if s.kind == kind)

    @property
    def missing(self) -> list[SourceInfo]:
        return [s for s in self.sources if s.missing]


def _looks_damaged(exc: sqlite3.Error) -> bool:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    return code in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


def _busy(exc: sqlite3.Error) -> bool:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    return code in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED


class Library:
    """One open library file. Not shared between threads: each thread opens its own."""

    def __init__(self, path: pathlib.Path, conn: sqlite3.Connection, read_only: bool):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        #: Sentences about what happened while opening (rebuilt after damage, read-only because busy).
        self.notices: list[str] = []
        self._documents: int | None = None
        #: In how many entries each token asked for occurs (0: none), while the library is as it was counted.
        self._frequencies: dict[str, int] = {}
        self._data_version: int | None = None
        #: Rows this connection changed since the counts were taken (see ``_counts_after``).
        self._drift = 0

    # --- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, read_only: bool = False) -> Library:
        """Open (or create) the library; a damaged one is set aside and rebuilt.

        ``LibraryTooNew`` for a newer factcheck's library; when another window holds the
        write lock past ``BUSY_TIMEOUT_MS``, the library opens read-only with a notice.
        """
        path = pathlib.Path(path) if path is not None else default_path()
        if path.is_dir():
            raise LibraryError(N_("{name} is a folder, not a factcheck library.", name=path.name))
        try:
            return cls._open(path, read_only)
        except _Damaged:
            pass
        if not cls._was_library(path):  # a file mistaken for the library is left as it is
            raise LibraryError(N_("{name} is not a factcheck library (it is another program's or a project's file).",
                                  name=path.name))
        aside = cls._set_aside(path)
        library = cls._open(path, read_only=False)
        library.notices.append(library._rebuild(aside))
        return library

    @classmethod
    def _open(cls, path: pathlib.Path, read_only: bool) -> Library:
        exists = path.exists() and path.stat().st_size > 0
        if not exists and read_only:
            conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            _schema_v1(conn)
            return cls(path, conn, True)
        if not exists:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(N_("The library cannot be created in {folder} ({error}).", folder=str(path.parent),
                                      error=str(exc.strerror or exc))) from None
        elif not cls._header_ok(path):
            raise _Damaged()
        uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "")
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as exc:
            raise cls._error(exc, path) from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            library = cls._check(path, conn, read_only)
            return library
        except BaseException:
            conn.close()
            raise

    @staticmethod
    def _was_library(path: pathlib.Path) -> bool:
        """Whether a file that does not open as a library was one: the app's own, one with the
        list of sources a library writes beside it, or one whose header still names it."""
        sources = path.with_name(path.stem + "-sources.json")
        if path.resolve() == default_path().resolve() or sources.exists():
            return True
        try:
            with path.open("rb") as f:
                header = f.read(100)
        except OSError:
            return False
        return header.startswith(b"SQLite format 3\x00") and header[68:72] == APPLICATION_ID.to_bytes(4, "big")

    @staticmethod
    def _header_ok(path: pathlib.Path) -> bool:
        try:
            with path.open("rb") as f:
                header = f.read(100)
            size = path.stat().st_size
        except OSError as exc:
            raise LibraryError(N_("The library {name} cannot be read ({error}).", name=path.name,
                                  error=str(exc.strerror or exc))) from None
        if not header.startswith(b"SQLite format 3\x00") or len(header) < 100:
            return False
        page = int.from_bytes(header[16:18], "big")
        page = 65536 if page == 1 else page
        return page >= 512 and size % page == 0

    @classmethod
    def _check(cls, path: pathlib.Path, conn: sqlite3.Connection, read_only: bool) -> Library:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.Error as exc:
            if _looks_damaged(exc):
                raise _Damaged() from None
            raise cls._error(exc, path) from None
        if tables and app_id != APPLICATION_ID:
            raise LibraryError(N_("{name} is not a factcheck library (it is another program's or a project's file).",
                                  name=path.name))
        if version > SCHEMA_VERSION:
            raise LibraryTooNew(N_("The library {name} was written by a newer version of factcheck; update factcheck "
                                   "to use it (similar claims are not shown meanwhile).", name=path.name))
        library = cls(path, conn, read_only)
        if version < SCHEMA_VERSION or not read_only:
            if read_only:
                raise LibraryError(N_("The library {name} is from an older factcheck and is read-only here.",
                                      name=path.name))
            try:
                library._migrate(version)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            except sqlite3.Error as exc:
                if _looks_damaged(exc):
                    raise _Damaged() from None
                if not _busy(exc):
                    raise cls._error(exc, path) from None
                if version < SCHEMA_VERSION:
                    raise LibraryLocked(N_("The library {name} is being changed by another factcheck; try again in "
                                           "a moment.", name=path.name)) from None
                library.read_only = True
                library.notices.append(N_("The library {name} is busy in another factcheck window: it is read here "
                                          "without being brought up to date.", name=path.name))
        try:  # a damaged page shows on the first read of each table
            for table in ("sources", "entries", "entries_fts"):
                conn.execute(f"SELECT * FROM {table} LIMIT 1").fetchall()
            library._check_analyzer()
        except sqlite3.Error as exc:
            if _looks_damaged(exc):
                raise _Damaged() from None
            raise cls._error(exc, path) from None
        return library

    def _migrate(self, version: int) -> None:
        if version >= SCHEMA_VERSION:
            return
        with self._write():
            current = self.conn.execute("PRAGMA user_version").fetchone()[0]
            for step in MIGRATIONS[current:]:
                step(self.conn)
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('analyzer', ?)", (str(matching.ANALYZER_VERSION),))

    def _check_analyzer(self) -> None:
        """Re-index every entry when this build analyses text differently from the one that indexed it.

        ``BATCH`` entries a transaction, in id order; a re-index cut short goes on where it stopped.
        """
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'analyzer'").fetchone()
        if row and row[0] == str(matching.ANALYZER_VERSION) or self.read_only:
            return
        progress = f"reanalysed:{matching.ANALYZER_VERSION}"  # the last entry done, when cut short
        after = self._meta(progress) or 0
        while True:
            with self._write():
                rows = self.conn.execute("SELECT id, statement, quote, summary, title FROM entries WHERE id > ? "
                                         "ORDER BY id LIMIT ?", (after, BATCH)).fetchall()
                if not rows:
                    self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('analyzer', ?)",
                                      (str(matching.ANALYZER_VERSION),))
                    self.conn.execute("DELETE FROM meta WHERE key LIKE 'reanalysed:%'")  # an older one cut short too
                    return
                self.conn.executemany(
                    "UPDATE entries SET terms = ?, bigrams = ?, prefixes = ?, folded = ?, entities = ? WHERE id = ?",
                    ((*_index(s, q, su, t), i) for i, s, q, su, t in rows))
                after = rows[-1][0]
                self._set_meta(progress, after)

    @staticmethod
    def _error(exc: sqlite3.Error, path: pathlib.Path) -> KnownError:
        if _busy(exc):
            return LibraryLocked(N_("The library {name} is being changed by another factcheck; try again in a moment.",
                                    name=path.name))
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (8, 3):  # READONLY, PERM
            return LibraryError(N_("The library {name} is read-only; it cannot be brought up to date.", name=path.name))
        if code == 13:
            return LibraryError(N_("The library {name} could not be written: the disk is full.", name=path.name))
        return LibraryError(N_("The library {name} could not be used ({error}).", name=path.name, error=str(exc)))

    @staticmethod
    def _set_aside(path: pathlib.Path) -> pathlib.Path:
        from factcheck import paths

        aside = paths.unused_name(path, path.name + ".damaged", "")
        try:
            os.replace(path, aside)
            for extra in ("-wal", "-shm"):
                with contextlib.suppress(OSError):
                    pathlib.Path(str(path) + extra).unlink()
        except OSError as exc:
            raise LibraryError(N_("The library {name} is damaged and could not be set aside ({error}).", name=path.name,
                                  error=str(exc.strerror or exc))) from None
        return aside

    def _rebuild(self, aside: pathlib.Path) -> str:
        """Add again every source the damaged library held; the sentence that says what happened."""
        known = self._read_sources_file()
        projects = files = gone = 0
        for kind, where in known:
            try:
                if kind == PROJECT:
                    self.add_project(where)
                    projects += 1
                elif pathlib.Path(where).exists():
                    self.add_claimreview(where)
                    files += 1
                else:
                    gone += 1
            except KnownError:
                if kind == PROJECT:
                    self._note_missing_project(where)
                    projects += 1
                else:
                    gone += 1
        if gone:
            return N_("The library was damaged: it was set aside as {aside} and rebuilt from {projects} projects and "
                      "{files} ClaimReview files; {gone} ClaimReview files are gone and must be added again.",
                      aside=aside.name, projects=projects, files=files, gone=gone)
        return N_("The library was damaged: it was set aside as {aside} and rebuilt from {projects} projects and "
                  "{files} ClaimReview files.", aside=aside.name, projects=projects, files=files)

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(sqlite3.Error):
                if not self.read_only:
                    self.conn.execute("PRAGMA optimize")
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction (BEGIN IMMEDIATE: the write lock first, waiting briefly for another window)."""
        if self.read_only:
            raise LibraryLocked(N_("The library {name} is open read-only here (another factcheck is using it); try "
                                   "again in a moment.", name=self.path.name))
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._error(exc, self.path) from None
        before = self.conn.total_changes
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc, self.path) from None
            raise
        finally:
            self._counts_after(self.conn.total_changes - before)

    def _counts_after(self, changed: int) -> None:
        """After this connection's write of ``changed`` rows: the counts stay while the library has barely moved.

        The counts only weigh words (how rare a word is), so a few entries written, as the
        app writes one claim's change, leave them as good as they were, and the next search
        after an edit does not count its words again (2 s at 1,000,000 entries). A word
        counted in no entry is asked again (it may be in one now). Past ``COUNTS_DRIFT`` of
        the entries (``DRIFT_ROWS`` at least; rows of the index's own tables included), or
        after another connection's write (``_check_counts``), everything is counted afresh.
        """
        self._drift += changed
        if self._documents is None or self._drift > max(DRIFT_ROWS, self._documents * COUNTS_DRIFT):
            self._forget_counts()
            return
        for token in [t for t, n in self._frequencies.items() if not n]:
            del self._frequencies[token]

    def _forget_counts(self) -> None:
        self._documents = None
        self._frequencies.clear()
        self._drift = 0

    def _check_counts(self) -> None:
        """Forget the counts of entries and tokens when another connection (window, command) wrote since."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self._data_version = version
            self._forget_counts()

    def _source(self, kind: str, path: str, **values) -> int:
        now = model.now()
        row = self.conn.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
        if row:
            sets = ", ".join(f"{k} = ?" for k in values)
            self.conn.execute(f"UPDATE sources SET kind = ?, scanned_at = ?{', ' if sets else ''}{sets} WHERE id = ?",
                              (kind, now, *values.values(), row[0]))
            return row[0]
        columns = ["kind", "path", "added_at", "scanned_at", *values]
        cur = self.conn.execute(f"INSERT INTO sources ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                                (kind, path, now, now, *values.values()))
        return cur.lastrowid

    def add(self, path: str | os.PathLike) -> list[AddResult]:
        """A project, a ClaimReview file, or a folder of ClaimReview files (``.json``, ``.jsonld``)."""
        path = pathlib.Path(path)
        if path.is_dir():
            return self.add_claimreview(path)
        if not path.exists():
            raise LibraryError(N_("{name} does not exist.", name=path.name))
        with path.open("rb") as f:
            header = f.read(16)
        if header.startswith(b"SQLite format 3"):
            return [self.add_project(path)]
        return self.add_claimreview(path)

    # --- projects -----------------------------------------------------------------------

    def add_project(self, path: str | os.PathLike) -> AddResult:
        """Index a project's claims (again only when its history moved since the last time).

        A batch of ``BATCH`` claims at a time, each its own transaction, so memory stays the
        same whatever the project's size and another window waits at most for one batch's
        inserts. Claims whose row is as indexed are not analysed or written again, and a
        pass cut short (the app closed) goes on after its last batch next time, while the
        project's head has not moved.
        """
        from factcheck.core import events

        where = str(pathlib.Path(path).resolve())
        with _read_project(pathlib.Path(where)) as project:
            head = events.head(project.store)
            row = self.conn.execute("SELECT id, head, missing FROM sources WHERE path = ?", (where,)).fetchone()
            written = set(self._meta(_written_key(row[0])) or ()) if row else set()
            if row and row[1] == head and not row[2] and not written:
                return AddResult(PROJECT, where, self._count(row[0]), unchanged=True)
            touched = _touched_since(project, row[1]) if row and not row[2] else None
            if touched is not None and self._meta(_progress_key(row[0])) is None:
                claim_ids, article_ids = touched
                count = self._index_touched(row[0], project, head, claim_ids | written, article_ids, written)
            else:
                project_id = events.project_id(project.store)
                with self._write():  # no head until the pass is whole: one cut short is read again
                    source = self._source(PROJECT, where, name=pathlib.Path(where).stem, project_id=project_id,
                                          head=None, missing=0)
                count = self._index_project(source, project, head, written)
        self._write_sources_file()
        return AddResult(PROJECT, where, count)

    def _index_touched(self, source: int, project, head: str | None, claim_ids: set[str],
                       article_ids: set[str], written: set[str] = frozenset()) -> int:
        """Bring up to date only the claims the events since the last pass touched (and those of touched articles).

        Each batch is its own transaction and the head is written last, so a pass cut short
        is simply done again from the same head next time. ``written``: the claims the app
        wrote since (``put_claims``), among ``claim_ids``, forgotten with the head stored.
        """
        from factcheck.core import claims

        for article_id in sorted(article_ids):
            claim_ids |= {r[0] for r in project.store.read("SELECT id FROM claims WHERE article_id = ?", (article_id,))}
        articles = project_articles(project)
        keys = sorted(claim_ids)
        gone: list[tuple[int, str]] = []
        for at in range(0, len(keys), BATCH):
            chunk = keys[at:at + BATCH]
            found = project.store.read(f"SELECT {claims.COLUMNS} FROM claims WHERE id IN (SELECT value FROM json_each(?))",
                                       (json.dumps(chunk),))
            rows = project_rows(project, [claims.from_row(r) for r in found], articles)
            changed = self._changed(source, rows)  # analysed before the write lock is taken
            live = {row["key"] for row in rows}
            gone += [(source, k) for k in chunk if k not in live]
            with self._write():
                _upsert(self.conn, changed)
        with self._write():
            # Removed last, so new entries are numbered the same whatever the batch (never in an id just freed).
            self.conn.executemany("DELETE FROM entries WHERE source_id = ? AND key = ?", gone)
            self.conn.execute("UPDATE sources SET head = ? WHERE id = ?", (head, source))
            self._forget_written(source, written)
        return self._count(source)

    def _index_project(self, source: int, project, head: str | None, written: set[str] = frozenset()) -> int:
        """Bring a source's entries in line with the project's live claims, batch by batch; how many it holds.

        ``written``: the claims the app wrote since the last pass (``put_claims``), read
        again with the rest and forgotten with the head stored.
        """
        from factcheck.core import events

        progress = _progress_key(source)
        done = self._meta(progress)
        after, seen = (tuple(done["after"]), done["seen"]) if done and done["head"] == head else (None, 0)
        articles = project_articles(project)
        for claims, last in _batches(_live_claims(project, sorted(articles), after)):
            rows = project_rows(project, claims, articles)
            seen += len(rows)
            changed = self._changed(source, rows)  # analysed before the write lock is taken
            with self._write():
                _upsert(self.conn, changed)
                self._set_meta(progress, {"head": head, "after": last, "seen": seen})
        moved = events.head(project.store) != head  # a claim may have been read twice, or missed
        if moved or self._count(source) != seen:
            self._forget_deleted(source, project)
        with self._write():
            self.conn.execute("UPDATE sources SET head = ? WHERE id = ?", (head, source))
            self.conn.execute("DELETE FROM meta WHERE key = ?", (progress,))
            self._forget_written(source, written)
        return self._count(source)

    def _forget_written(self, source: int, handled: set[str]) -> None:
        """Drop from the claims the app wrote since the last pass those this pass read (inside a write)."""
        left = set(self._meta(_written_key(source)) or ()) - handled
        if left:
            self._set_meta(_written_key(source), sorted(left))
        else:
            self.conn.execute("DELETE FROM meta WHERE key = ?", (_written_key(source),))

    def _forget_deleted(self, source: int, project) -> None:
        """Remove the entries of claims the project no longer shows: its keys in order, a batch at a time."""
        after = ""
        while True:
            keys = [r[0] for r in self.conn.execute(
                "SELECT key FROM entries WHERE source_id = ? AND key > ? ORDER BY key LIMIT ?", (source, after, BATCH))]
            if not keys:
                return
            live = {r[0] for r in project.store.read(
                f"SELECT id FROM claims WHERE id IN (SELECT value FROM json_each(?)) AND {_LIVE}", (json.dumps(keys),))}
            gone = [(source, k) for k in keys if k not in live]
            if gone:
                with self._write():
                    self.conn.executemany("DELETE FROM entries WHERE source_id = ? AND key = ?", gone)
            after = keys[-1]

    def put_claims(self, path: str | os.PathLike, project_id: str | None, head: str | None, rows: Sequence[dict],
                   gone: Iterable[str] = ()) -> None:
        """Bring some claims of an open project up to date (the app, after a change); ``gone``: claim ids deleted.

        ``head`` None: the project's head is not known here, so the head last indexed stays
        and these claims are noted (``meta``, ``written:<source>``): the next ``add_project``
        reads them again with what the events since that head touched, even when the file's
        head is that head again (an older copy put back over it), so the entries never stay
        ahead of the file. Past ``WRITTEN_KEPT`` of them, the head is dropped instead: the
        next pass reads the project whole.
        """
        where = str(pathlib.Path(path).resolve())
        known = {k: v for k, v in (("project_id", project_id), ("head", head)) if v is not None}
        with self._write():
            source = self._source(PROJECT, where, name=pathlib.Path(where).stem, missing=0, **known)
            _upsert(self.conn, self._changed(source, rows))
            gone = list(gone)
            if gone:
                self.conn.executemany("DELETE FROM entries WHERE source_id = ? AND key = ?", ((source, g) for g in gone))
            if head is None:
                written = set(self._meta(_written_key(source)) or ()) | {row["key"] for row in rows} | set(gone)
                if len(written) > WRITTEN_KEPT:
                    self.conn.execute("UPDATE sources SET head = NULL WHERE id = ?", (source,))
                    self.conn.execute("DELETE FROM meta WHERE key = ?", (_written_key(source),))
                else:
                    self._set_meta(_written_key(source), sorted(written))
        self._write_sources_file()

    def _changed(self, source: int, rows: Sequence[dict]) -> list[tuple]:
        """The entries of the rows whose digest differs from the entry indexed for them (new ones included)."""
        keys = json.dumps([row["key"] for row in rows])
        indexed = dict(self.conn.execute(
            "SELECT key, digest FROM entries WHERE source_id = ? AND key IN (SELECT value FROM json_each(?))",
            (source, keys)))
        changed = []
        for row in rows:
            digest = _digest(row)
            if indexed.get(row["key"]) != digest:
                changed.append(_entry(source, row, digest))
        return changed

    def _count(self, source: int) -> int:
        return self.conn.execute("SELECT count(*) FROM entries WHERE source_id = ?", (source,)).fetchone()[0]

    def _meta(self, key: str):
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def _set_meta(self, key: str, value) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))

    def _note_missing_project(self, where: str) -> None:
        with self._write():
            self._source(PROJECT, where, name=pathlib.Path(where).stem, missing=1)

    def refresh(self) -> list[AddResult]:
        """Every known project re-read if it changed; those whose file is gone marked missing (kept)."""
        results = []
        for path, missing in self.conn.execute("SELECT path, missing FROM sources WHERE kind = ?", (PROJECT,)).fetchall():
            if not pathlib.Path(path).exists():
                if not missing and not self.read_only:
                    with self._write():
                        self.conn.execute("UPDATE sources SET missing = 1 WHERE path = ?", (path,))
                continue
            if self.read_only:
                continue
            try:
                results.append(self.add_project(path))
            except LibraryLocked:
                raise
            except KnownError:
                continue  # a project that cannot be read now (locked, damaged) keeps its entries as they were
        return results

    def mark_missing(self) -> int:
        """Mark the projects whose file is gone (and unmark those back); how many are missing."""
        rows = self.conn.execute("SELECT id, path, missing FROM sources WHERE kind = ?", (PROJECT,)).fetchall()
        flips = [(int(not pathlib.Path(p).exists()), i) for i, p, m in rows if m != (not pathlib.Path(p).exists())]
        if flips and not self.read_only:
            with contextlib.suppress(LibraryLocked), self._write():
                self.conn.executemany("UPDATE sources SET missing = ? WHERE id = ?", flips)
        return sum(1 for _, p, _m in rows if not pathlib.Path(p).exists())

    # --- ClaimReview --------------------------------------------------------------------

    def add_claimreview(self, path: str | os.PathLike) -> list[AddResult]:
        """A ClaimReview file (each one transaction: all of it or, refused, nothing), or every one in a folder.

        In a folder, a file that is not JSON is refused (``FeedRefused``) after the others
        were added; the error names it.
        """
        path = pathlib.Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FEED_SUFFIXES)
            if not files:
                raise FeedRefused(N_("{name} holds no ClaimReview files (.json, .jsonld).", name=path.name))
            results, refused = [], []
            for file in files:
                try:
                    results.extend(self.add_claimreview(file))
                except FeedRefused as exc:
                    refused.append(exc)
            if refused:
                raise FeedRefused(refused[0].args[0]) from refused[0]
            return results
        where = str(path.resolve())
        dropped = skipped = 0
        try:
            stream = path.open("rb")
        except OSError as exc:
            raise FeedRefused(N_("{name} cannot be read ({error}).", name=path.name, error=str(exc.strerror or exc))) from None
        with stream, self._write():
            source = self._source(CLAIMREVIEW, where, name=path.name, missing=0)
            self.conn.execute("DELETE FROM entries WHERE source_id = ?", (source,))
            batch: list[tuple] = []
            for item in claimreview_feed.items(stream, path.name):
                found = claimreview_feed.review(item)
                if found is None:
                    skipped += 1
                    continue
                dropped += found.dropped_url
                row = {
                    "key": found.key, "url": found.url, "statement": found.statement, "quote": "",
                    "claimant": found.claimant, "claim_date": found.claim_date, "rating": found.rating,
                    "rating_key": "", "rating_value": found.rating_value, "summary": found.summary,
                    "date": found.date, "status": model.PUBLISHED, "author": found.author, "title": "",
                    "language": found.language, "raw": json.dumps(item, ensure_ascii=False, separators=(",", ":")),
                }
                batch.append(_entry(source, row, ""))  # a file is read again whole: no digest to compare
                if len(batch) >= 2000:
                    _upsert(self.conn, batch, first_wins=True)
                    batch = []
            _upsert(self.conn, batch, first_wins=True)
            kept = self._count(source)
        self._write_sources_file()
        return [AddResult(CLAIMREVIEW, where, kept, dropped_urls=dropped, skipped=skipped)]

    # --- removing, information ----------------------------------------------------------

    def remove(self, path: str | os.PathLike | None = None, *, missing: bool = False) -> int:
        """Forget a source (a project or ClaimReview file), or every missing project; how many were forgotten."""
        if missing:
            self.mark_missing()
            ids = [r[0] for r in self.conn.execute("SELECT id FROM sources WHERE missing = 1")]
        else:
            where = str(pathlib.Path(path).resolve())
            ids = [r[0] for r in self.conn.execute("SELECT id FROM sources WHERE path = ? OR path = ?",
                                                   (where, str(path)))]
            if not ids:
                raise LibraryError(N_("{name} is not in the library.", name=pathlib.Path(path).name))
        with self._write():
            for source in ids:
                self.conn.execute("DELETE FROM entries WHERE source_id = ?", (source,))
                self.conn.execute("DELETE FROM sources WHERE id = ?", (source,))
                self.conn.execute("DELETE FROM meta WHERE key IN (?, ?)", (_progress_key(source), _written_key(source)))
        self._write_sources_file()
        return len(ids)

    def info(self) -> Info:
        self.mark_missing()
        rows = self.conn.execute(
            "SELECT s.kind, s.path, s.name, (SELECT count(*) FROM entries e WHERE e.source_id = s.id), s.missing, "
            "s.scanned_at FROM sources s ORDER BY s.kind DESC, s.path").fetchall()
        return Info(str(self.path), self.read_only,
                    tuple(SourceInfo(k, p, n, c, bool(m), at) for k, p, n, c, m, at in rows))

    def __len__(self) -> int:
        if self._documents is None:
            self._documents = self.conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        return self._documents

    def _sources_file(self) -> pathlib.Path:
        return self.path.with_name(self.path.stem + "-sources.json")

    def _write_sources_file(self) -> None:
        """Name every source beside the library, so a damaged library can be rebuilt from them."""
        if self.read_only:
            return
        rows = self.conn.execute("SELECT kind, path FROM sources ORDER BY id").fetchall()
        target = self._sources_file()
        partial = target.with_name(target.name + ".partial")
        with contextlib.suppress(OSError):
            partial.write_text(json.dumps({"sources": [{"kind": k, "path": p} for k, p in rows]}, ensure_ascii=False,
                                          indent=1), encoding="utf-8")
            os.replace(partial, target)

    def _read_sources_file(self) -> list[tuple[str, str]]:
        try:
            data = json.loads(self._sources_file().read_text(encoding="utf-8"))
            return [(s["kind"], s["path"]) for s in data["sources"]
                    if s.get("kind") in (PROJECT, CLAIMREVIEW) and isinstance(s.get("path"), str)]
        except (OSError, ValueError, KeyError, TypeError):
            return []

    # --- matching -----------------------------------------------------------------------

    def match(self, text: str, top: int = 5, *, exclude: tuple[str, str] | None = None) -> list[Match]:
        """The earlier verdicts closest to ``text``, best first (at most ``top``), none scoring under ``MIN_SCORE``.

        ``exclude``: (project path, claim id) of the claim being written, never its own match.
        Any text is taken as words: FTS5 syntax, punctuation alone or 10,000 characters
        never raise.
        """
        if top <= 0 or not text or not text.strip():
            return []
        query = matching.analyze(text, query=True)
        groups = matching.query_terms(query)
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        try:
            self._check_counts()
            frequency = self._frequency(groups)
            expression = matching.fts_query(*matching.selective(groups, frequency, len(self)))
            if not expression:
                return []
            hits = self.conn.execute(
                f"SELECT rowid, bm25(entries_fts, {weights}) AS r FROM entries_fts WHERE entries_fts MATCH ? "
                "ORDER BY r LIMIT ?", (expression, CANDIDATES + top)).fetchall()
            if not hits:
                return []
            ids = [h[0] for h in hits]
            rows = {r[0]: r for r in self.conn.execute(
                f"SELECT e.id, {_MATCH_COLUMNS} FROM entries e JOIN sources s ON s.id = e.source_id "
                f"WHERE e.id IN ({', '.join('?' * len(ids))})", ids)}
        except sqlite3.Error as exc:
            raise self._error(exc, self.path) from None
        candidates = []
        for rowid, bm25 in hits:
            row = rows.get(rowid)
            if row is None:
                continue
            terms_text, prefixes_text, folded, entities = row[-4:]
            numbers = frozenset(t for t in terms_text.split() if t.isdigit())
            analysis = matching.Analysis(tuple(terms_text.split()), (), tuple(prefixes_text.split()), numbers, folded,
                                         frozenset(entities.split()))
            candidates.append(matching.Candidate(rowid, bm25, analysis))
        ranked = matching.rerank(query, candidates, len(self), frequency)
        out: list[Match] = []
        seen: dict[tuple, int] = {}  # where in ``out`` each claim or fact-check is
        excluded = self._identity(exclude) if exclude else None
        for score, rowid in ranked:
            if score < MIN_SCORE:
                break
            found = _match(rows[rowid], score)
            if found.kind == PROJECT:
                same: tuple = (found.project_id or found.source_path, found.claim_id)
            else:  # a fact-check is its URL, else what it says (as its key in one file)
                same = (CLAIMREVIEW, found.url) if found.url else (
                    CLAIMREVIEW, found.statement, found.rating, found.author, found.date)
            if same == excluded or (found.source_path, found.claim_id) == excluded:
                continue  # the claim being written, read from its file or from a copy of it
            if same in seen:  # a copy of the same project, or the same fact-check in two files
                if out[seen[same]].missing and not found.missing:
                    out[seen[same]] = found  # a project moved: shown from where it is now
                continue
            seen[same] = len(out)
            out.append(found)
        return out[:top]

    def _identity(self, exclude: tuple[str, str]) -> tuple[str, str]:
        """(project id or path, claim id) of a claim of the project at this path, as ``match`` compares them."""
        where = str(pathlib.Path(exclude[0]).resolve())
        row = self.conn.execute("SELECT project_id FROM sources WHERE path = ?", (where,)).fetchone()
        return (row[0] if row and row[0] else where, exclude[1])

    def _frequency(self, groups: Sequence[Sequence[str]]) -> dict[str, int]:
        """In how many entries each token occurs (those in none left out): terms as they are, bigrams as
        ``b:``, prefixes as ``p:``.

        FTS5 counts a token by reading its whole list of entries (a word in every claim: the
        whole index), so counts are kept until the library changes: the words a checker
        types again, or a batch of queries shares, are counted once.
        """
        known = self._frequencies
        if len(known) > FREQUENCIES_KEPT:
            known.clear()
        for column, tokens, mark in zip(("terms", "bigrams", "prefixes"), groups, ("", "b:", "p:")):
            asked = [t for t in dict.fromkeys(tokens) if mark + t not in known]
            if asked:
                found = dict(self.conn.execute("SELECT term, doc FROM entries_vocab WHERE col = ? AND term IN "
                                               f"({', '.join('?' * len(asked))})", (column, *asked)))
                known.update((mark + t, found.get(t, 0)) for t in asked)
        return {mark + t: known[mark + t] for tokens, mark in zip(groups, ("", "b:", "p:")) for t in tokens
                if known[mark + t]}


class _Damaged(Exception):
    """The file is not a whole SQLite database: set it aside and rebuild."""


_MATCH_COLUMNS = (
    "s.kind, e.statement, e.quote, e.claimant, e.rating, e.rating_key, e.rating_value, e.summary, e.date, e.status, "
    "e.author, e.title, e.url, s.path, COALESCE(s.project_id, ''), e.key, s.missing, e.terms, e.prefixes, e.folded, "
    "e.entities"
)


def _match(row: tuple, score: float) -> Match:
    (_id, kind, statement, quote, claimant, rating, rating_key, rating_value, summary, date, status, author, title, url,
     path, project_id, key, missing, *_index_columns) = row
    return Match(score=round(score, 4), kind=kind, statement=statement, quote=quote, claimant=claimant, rating=rating,
                 rating_key=rating_key, rating_value=rating_value, summary=summary, date=date, status=status,
                 author=author, title=title, url=url, source_path=path, project_id=project_id,
                 claim_id=key if kind == PROJECT else "", missing=bool(missing))


_ENTRY_COLUMNS = ("source_id", "key", "url", "statement", "quote", "claimant", "claim_date", "rating", "rating_key",
                  "rating_value", "summary", "date", "status", "author", "title", "language", "raw", "digest",
                  "terms", "bigrams", "prefixes", "folded", "entities")
_INSERT = f"INSERT INTO entries ({', '.join(_ENTRY_COLUMNS)}) VALUES ({', '.join('?' * len(_ENTRY_COLUMNS))}) "
_UPSERT = _INSERT + "ON CONFLICT (source_id, key) DO UPDATE SET " + ", ".join(
    f"{c} = excluded.{c}" for c in _ENTRY_COLUMNS[2:])
_INSERT_NEW = _INSERT + "ON CONFLICT (source_id, key) DO NOTHING"
#: A live claim of a live article (``claims`` as the project's queries name it).
_LIVE = "deleted_at IS NULL AND article_id IN (SELECT id FROM articles WHERE deleted_at IS NULL)"


def _upsert(conn: sqlite3.Connection, entries: list[tuple], *, first_wins: bool = False) -> None:
    """Insert or update entries (``first_wins``: a key already there is kept as it is); new ones then go
    into the FTS5 index in one statement.

    (Updated ones are re-indexed by the ``entries_au`` trigger. New rows are numbered past
    the largest id, and indexing them in bulk is three times faster than a trigger per row.)
    """
    if entries:
        last = conn.execute("SELECT COALESCE(max(id), 0) FROM entries").fetchone()[0]
        conn.executemany(_INSERT_NEW if first_wins else _UPSERT, entries)
        conn.execute("INSERT INTO entries_fts(rowid, terms, bigrams, prefixes) SELECT id, terms, bigrams, prefixes "
                     "FROM entries WHERE id > ?", (last,))


def _index(statement: str, quote: str, summary: str, title: str) -> tuple[str, str, str, str, str]:
    """The FTS5 columns, the folded text and the names and numbers of an entry (statement, quote; summary's terms)."""
    claim = statement if not quote or quote == statement else f"{statement}\n{quote}" if statement else quote
    analysis = matching.analyze(claim)
    terms, bigrams, prefixes = matching.index_columns(analysis)
    if summary:
        extra = matching.analyze(summary)
        terms = f"{terms} {' '.join(extra.terms)}"
    return terms, bigrams, prefixes, analysis.folded, " ".join(sorted(analysis.entities))


def _digest(row: dict) -> str:
    return hashlib.sha1(json.dumps([row.get(c) for c in _ENTRY_COLUMNS[2:17]], ensure_ascii=False, default=str)
                        .encode()).hexdigest()


def _entry(source: int, row: dict, digest: str) -> tuple:
    indexed = _index(row.get("statement", ""), row.get("quote", ""), row.get("summary", ""), row.get("title", ""))
    values = [source] + [row.get(c, "" if c not in ("rating_value", "raw") else None) for c in _ENTRY_COLUMNS[1:17]]
    return (*values, digest, *indexed)


@contextlib.contextmanager
def _read_project(path: pathlib.Path) -> Iterator:
    """A project opened read-only; one made by an older factcheck is read from an upgraded temporary copy."""
    from factcheck.core import migrations
    from factcheck.core.errors import ProjectReadOnly
    from factcheck.core.project import Project

    try:
        project = Project.open(path, read_only=True)
    except ProjectReadOnly:
        project = None  # an older file: it needs its migrations, which a read-only open cannot run
    if project is not None:
        with project:
            yield project
        return
    with tempfile.TemporaryDirectory(prefix="factcheck-library-") as tmp:
        copy = pathlib.Path(tmp) / path.name
        src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(copy)
            with dst:
                src.backup(dst)
            dst.close()
        finally:
            src.close()
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            from sqlite_utils import Database

            migrations.migration_set().apply(Database(conn))
            conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION}")
        finally:
            conn.close()
        with Project.open(copy, read_only=True) as project:
            yield project


def project_articles(project) -> dict[str, model.Article]:
    """The live articles by id with what the library's rows take of them (title, language, fact-check
    URL): one light read, no claim counted (``project.articles()`` counts every article's claims)."""
    rows = project.store.read("SELECT id, title, outlet, author, url, published_at, language, created_at, "
                              "factcheck_url FROM articles WHERE deleted_at IS NULL")
    return {r[0]: model.Article(*r[:8], factcheck_url=r[8]) for r in rows}


def project_rows(project, claims: Iterable, articles: dict | None = None) -> list[dict]:
    """The library's rows for these ``model.Claim``s of a project (deleted ones and those of deleted articles left out).

    ``articles`` (by id) saves reading the article list again. Plain dicts, safe to hand
    to another thread.
    """
    scale = project.scale
    if articles is None:
        articles = project_articles(project)
    rows = []
    for c in claims:
        article = articles.get(c.article_id) if c is not None else None
        if article is None or c.deleted_at is not None:
            continue
        rating = scale.get(c.rating)
        value = None
        if rating is not None and rating.value is not None and scale.best != scale.worst:
            value = (rating.value - scale.worst) / (scale.best - scale.worst)
        rows.append({
            "key": c.id, "url": article.factcheck_url or "", "statement": c.statement,
            "quote": c.exact, "claimant": c.claimant, "claim_date": c.claim_date,
            "rating": rating.label if rating else (c.rating or ""), "rating_key": c.rating or "",
            "rating_value": value, "summary": c.verdict_summary,
            "date": _verdict_date(c), "status": c.status,
            "author": c.verdict_by or c.created_by or "", "title": article.title,
            "language": article.language, "raw": None,
        })
    return rows


def _verdict_date(claim: model.Claim) -> str:
    """The day an entry carries: when its verdict was published or approved, if it stands so now; else its last change.

    (A verdict reopened after publication keeps its ``published_at``: that day is not
    this verdict's.)
    """
    signed_off = {model.PUBLISHED: claim.published_at, model.APPROVED: claim.approved_at}.get(claim.status)
    return (signed_off or claim.updated_at or "")[:10]


def same_check(project, claim: model.Claim, match: Match) -> bool:
    """Whether ``match`` is another claim of ``claim``'s article on the same words: one check begun twice, not an
    earlier verdict, so never suggested for it.

    Only a match quoting the same words is read (its row, by id), so showing a claim
    never reads its article's claims. Claim ids are UUIDs: one found in this project is
    this project's claim, whichever copy of it the library read it from.
    """
    if match.kind != PROJECT or match.quote != claim.exact:
        return False
    try:
        return project.claim(match.claim_id).article_id == claim.article_id
    except KnownError:
        return False  # another project's claim


def _live_claims(project, article_ids: Sequence[str], after: Sequence | None) -> Iterator[tuple[model.Claim, list]]:
    """The live claims of these live articles in reading order (article, position), each with its place
    ``[article id, start, end, rowid]``, from the one after ``after``.

    Read by keyset ``BATCH`` at a time, one short query each: no read stays open on the
    project while the library is written, and no query skips rows it has read (OFFSET).
    """
    from factcheck.core import claims

    for article_id in article_ids:
        if after is not None and article_id < after[0]:
            continue
        position = tuple(after[1:]) if after is not None and article_id == after[0] else (-1, -1, -1)
        while True:
            rows = project.store.read(
                f'SELECT start, "end", rowid, {claims.COLUMNS} FROM claims WHERE article_id = ? AND deleted_at IS NULL '
                'AND (start, "end", rowid) > (?, ?, ?) ORDER BY start, "end", rowid LIMIT ?',
                (article_id, *position, BATCH))
            for row in rows:
                yield claims.from_row(row[3:]), [article_id, *row[:3]]
            if len(rows) < BATCH:
                break
            position = rows[-1][:3]


def _touched_since(project, head: str | None) -> tuple[set[str], set[str]] | None:
    """The claims and the articles the events after ``head`` touched; None when only a whole pass will do.

    A whole pass: no head yet, a head no longer in the history (a merge undone, an older
    copy restored), more than ``TOUCHED_MOST`` events since (their ids would be held at
    once), or an event that may change rows of claims it does not name (the
    settings, whose rating scale gives the labels; a merge, which re-anchors and applies
    review rules; anything not known here). Sources, their citations and files are not in
    the library's rows.
    """
    if head is None:
        return None
    found = project.store.read("SELECT seq FROM events WHERE id = ?", (head,))
    if not found:
        return None
    since = project.store.read("SELECT count(*) FROM events WHERE seq > ?", (found[0][0],))[0][0]
    if since > TOUCHED_MOST:  # a year of work since: the whole pass, a batch at a time, holds less
        return None
    claims, articles = set(), set()
    for entity, entity_id in project.store.read("SELECT DISTINCT entity, entity_id FROM events WHERE seq > ?",
                                                (found[0][0],)):
        if entity == "claim":
            claims.add(entity_id)
        elif entity == "article":
            articles.add(entity_id)
        elif entity != "source":
            return None
    return claims, articles


def _batches(claims: Iterable[tuple[model.Claim, list]]) -> Iterator[tuple[list[model.Claim], list]]:
    """``_live_claims`` in lists of ``BATCH``, each with the place of its last claim."""
    batch: list[model.Claim] = []
    last: list = []
    for claim, last in claims:
        batch.append(claim)
        if len(batch) >= BATCH:
            yield batch, last
            batch = []
    if batch:
        yield batch, last


def _written_key(source: int) -> str:
    """The ``meta`` key of the claims the app wrote (``put_claims``) since the source's last pass."""
    return f"written:{source}"


def _progress_key(source: int) -> str:
    """The ``meta`` key of a project pass not yet whole: its head, the place it reached, the claims seen."""
    return f"indexing:{source}"
