"""The project file's schema, changed only through migrations recorded in the file.

A project carries ``PRAGMA application_id`` = ``APPLICATION_ID`` (so another program's
SQLite file is recognised as such) and ``PRAGMA user_version`` = the number of
migrations applied. A file whose user_version, or whose recorded migrations, go beyond
this build was written by a newer factcheck and is refused untouched.

Each migration runs in a transaction of its own with the record that it ran (sqlite-utils'
``Migrations``), so a file killed mid-upgrade holds every migration before the one under way
and nothing of that one: the next open goes on from there. No migration may commit on its own
(``sqlite3.Connection.executescript`` would; sqlite-utils' ``Database.executescript`` does not).
``Upgrade`` tells its ``progress`` how far an upgrade is, a step at a time: a migration that
builds several indexes is a generator that yields after each (``steps``), since at 1,000,000
claims each takes seconds to minutes.
"""

from __future__ import annotations

import os
import pathlib
import sqlite3
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from factcheck.core.errors import Cancelled
from factcheck.core.text import N_

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

APPLICATION_ID = 0x46436B31  # "FCk1"
MIGRATION_SET = "factcheck"

#: Why an upgrade stopped when its ``progress`` said so.
STOPPED = N_("The upgrade was stopped: the project is as its last finished step left it, and is upgraded again "
             "the next time it is opened.")

#: Told how far an upgrade is: ``progress(done, total)``, the steps done of the steps in all (a
#: step may be told again while it runs, ``done`` then with the part of it done when known, as
#: 2.25); answering False stops the upgrade (``errors.Cancelled``).
Progress = Callable[[float, int], object]


def steps(n: int):
    """Mark a migration as a generator that yields after each of its ``n`` steps (an upgrade counts them first)."""
    def mark(fn):
        fn.steps = n
        return fn

    return mark


def steps_of(fn) -> int:
    return getattr(fn, "steps", 1)


def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE blobs (
            sha256 TEXT PRIMARY KEY,
            mime TEXT NOT NULL,
            size INTEGER NOT NULL,
            filename TEXT NOT NULL DEFAULT '',
            data BLOB NOT NULL
        );
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            outlet TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            published_at TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE TABLE versions (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            source_format TEXT NOT NULL,
            source_name TEXT NOT NULL DEFAULT '',
            original_blob TEXT REFERENCES blobs(sha256),
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            UNIQUE (article_id, number)
        );
        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            version_id TEXT NOT NULL REFERENCES versions(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            anchor_state TEXT NOT NULL DEFAULT 'exact',
            anchor_score REAL NOT NULL DEFAULT 1.0,
            statement TEXT NOT NULL DEFAULT '',
            claimant TEXT NOT NULL DEFAULT '',
            claim_date TEXT NOT NULL DEFAULT '',
            checkworthiness INTEGER,
            tags TEXT NOT NULL DEFAULT '[]',
            rating TEXT,
            verdict_summary TEXT NOT NULL DEFAULT '',
            rationale TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'draft',
            verdict_by TEXT,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            approved_at TEXT,
            approved_by TEXT,
            deleted_at TEXT,
            revision INTEGER NOT NULL DEFAULT 1,
            CHECK (start >= 0 AND "end" > start)
        );
        CREATE INDEX claims_article ON claims(article_id);
        CREATE INDEX claims_version ON claims(version_id);
        CREATE TABLE sources (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            publisher TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published_at TEXT NOT NULL DEFAULT '',
            accessed_at TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'document',
            reliability TEXT NOT NULL DEFAULT '',
            confidential INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT '',
            archive_blob TEXT REFERENCES blobs(sha256),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE TABLE citations (
            id TEXT PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims(id),
            source_id TEXT NOT NULL REFERENCES sources(id),
            stance TEXT NOT NULL,
            quote TEXT NOT NULL DEFAULT '',
            locator TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX citations_claim ON citations(claim_id);
        CREATE INDEX citations_source ON citations(source_id);
        CREATE TABLE comments (
            id TEXT PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims(id),
            parent_id TEXT REFERENCES comments(id),
            author TEXT NOT NULL,
            created_at TEXT NOT NULL,
            body TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'review',
            resolved_at TEXT,
            resolved_by TEXT
        );
        CREATE INDEX comments_claim ON comments(claim_id);
        CREATE TABLE corrections (
            id TEXT PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims(id),
            at TEXT NOT NULL,
            by TEXT NOT NULL,
            before TEXT NOT NULL,
            after TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            data TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX events_entity ON events(entity_id);
        """
    )
    db["claims"].enable_fts(
        ["exact", "statement", "claimant", "verdict_summary", "rationale", "notes", "tags"],
        fts_version="FTS5",
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )
    db["sources"].enable_fts(
        ["title", "url", "publisher", "author", "notes"],
        fts_version="FTS5",
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )
    db["versions"].enable_fts(
        ["text"], fts_version="FTS5", create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


def m002_claims_in_reading_order(db: Database) -> None:
    # Lets an article's claims come back in reading order without a sort.
    db.execute('CREATE INDEX claims_reading_order ON claims(article_id, start, "end")')


def m003_review_stamps(db: Database) -> None:
    # Who submitted a claim for review and who published it, and when.
    for column in ("submitted_at", "submitted_by", "published_at", "published_by"):
        db.execute(f"ALTER TABLE claims ADD COLUMN {column} TEXT")
    db.execute("CREATE INDEX claims_status ON claims(status)")


def m004_desk(db: Database) -> None:
    # Where the fact-check itself is published (ClaimReview's url), per article.
    db.execute("ALTER TABLE articles ADD COLUMN factcheck_url TEXT NOT NULL DEFAULT ''")
    # A correction is a change of a published verdict, or the retraction of a signed-off one.
    db.execute("ALTER TABLE corrections ADD COLUMN kind TEXT NOT NULL DEFAULT 'correction'")
    # Verification tasks ticked on a claim (the template is the project setting "tasks").
    db.executescript(
        """
        CREATE TABLE claim_tasks (
            claim_id TEXT NOT NULL REFERENCES claims(id),
            task_id TEXT NOT NULL,
            done_at TEXT NOT NULL,
            done_by TEXT NOT NULL,
            PRIMARY KEY (claim_id, task_id)
        ) WITHOUT ROWID;
        """
    )


def m005_event_ids(db: Database) -> None:
    # Each event gets its content address and its parents (the row before): copies of a
    # project recognise their common past by these ids (see core/events.py). Rows keep
    # their old hashes; only rows written from now on hash their id.
    from factcheck.core import events

    db.execute("ALTER TABLE events ADD COLUMN id TEXT")
    db.execute("ALTER TABLE events ADD COLUMN parents TEXT NOT NULL DEFAULT '[]'")
    columns = ("at", "actor", "action", "entity", "entity_id", "data")
    rows = db.execute(
        "SELECT seq, " + ", ".join(f"CAST({c} AS BLOB)" for c in columns) + " FROM events ORDER BY seq"
    ).fetchall()
    updates = []
    prev_id = ""
    for seq, *values in rows:
        # A damaged row (not UTF-8) gets an id too: verify names it as damaged before its id matters.
        texts = [v.decode("utf-8", errors="replace") if isinstance(v, bytes) else str(v) for v in values]
        parents = f'["{prev_id}"]' if prev_id else "[]"
        prev_id = events.event_id(parents, *texts)
        updates.append((prev_id, parents, seq))
    db.conn.executemany("UPDATE events SET id = ?, parents = ? WHERE seq = ?", updates)
    db.execute("CREATE UNIQUE INDEX events_id ON events(id)")


def m006_exchanges(db: Database) -> None:
    # What this copy sent to and received from each partner copy (core/handoff.py): local
    # bookkeeping for the next hand-off, not an event, so it does not travel in merges.
    db.executescript(
        """
        CREATE TABLE exchanges (
            id INTEGER PRIMARY KEY,
            user TEXT NOT NULL,
            partner TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
            head TEXT NOT NULL,
            at TEXT NOT NULL,
            events INTEGER NOT NULL,
            file TEXT NOT NULL
        );
        CREATE INDEX exchanges_partner ON exchanges(user, partner);
        """
    )


def m007_sync_state(db: Database) -> None:
    # Where this copy syncs (a PostgreSQL connection string without its password), how far
    # it has pulled (the server's counter) and the server's newest event then (sync/):
    # local, like exchanges, so a copy of the file does not inherit another laptop's cursor
    # unnoticed (sync checks the head it names is in the file).
    db.execute("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def m008_version_pages(db: Database) -> None:
    # Where each page of a paged original (a PDF) starts in a version's text, and the page
    # labels the document defines: JSON {"starts": [offsets], "labels": [...]}, NULL for an
    # unpaged version. Written once with the version, like its text (core/articles.py).
    db.execute("ALTER TABLE versions ADD COLUMN pages TEXT")


def m009_evidence(db: Database) -> None:
    # The evidence vault (core/attachments.py): each file stored once by its SHA-256, in
    # chunks of 1 MiB so that no file is ever held whole in memory (nor in one SQLite value,
    # which is capped at 1 GB); an attachment links a file to a source, or to one citation of
    # it, with a note. The bytes of an attachment made in another copy may be missing (a sync
    # leaves large files to hand-offs), so ``attachments.sha256`` is not a foreign key.
    db.executescript(
        """
        CREATE TABLE evidence_files (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            mime TEXT NOT NULL,
            name TEXT NOT NULL,
            chunk_size INTEGER NOT NULL,
            stored_at TEXT NOT NULL,
            stored_by TEXT NOT NULL
        );
        CREATE TABLE evidence_chunks (
            file_id INTEGER NOT NULL REFERENCES evidence_files(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (file_id, n)
        );
        CREATE TABLE attachments (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            source_id TEXT NOT NULL REFERENCES sources(id),
            citation_id TEXT REFERENCES citations(id),
            name TEXT NOT NULL,
            mime TEXT NOT NULL,
            size INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            captured_at TEXT NOT NULL,
            captured_by TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX attachments_source ON attachments(source_id);
        CREATE INDEX attachments_citation ON attachments(citation_id);
        CREATE INDEX attachments_sha256 ON attachments(sha256);
        """
    )


def m010_search(db: Database) -> None:
    # Find in project (core/search.py): claims, comments, sources and article text, folded
    # and stemmed in Python into three FTS5 columns (words, Spanish stems, English stems);
    # search_docs says what each index row is. Triggers only mark what changed, whoever
    # writes (folding needs Python, which another connection's trigger cannot call);
    # search.Search.refresh indexes the marked documents again. Statements one by one:
    # executescript would commit the migration's transaction.
    db.conn.execute(
        "CREATE TABLE search_docs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, claim_id TEXT, "
        'article_id TEXT, version_id TEXT, start INTEGER NOT NULL DEFAULT 0, "end" INTEGER NOT NULL DEFAULT 0)')
    db.conn.execute("CREATE INDEX search_docs_ref ON search_docs(kind, ref)")
    db.conn.execute("CREATE VIRTUAL TABLE search_index USING fts5(words, es, en, "
                    "tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")")
    db.conn.execute("CREATE TABLE search_dirty (kind TEXT NOT NULL, ref TEXT NOT NULL, PRIMARY KEY (kind, ref)) "
                    "WITHOUT ROWID")
    marks = (  # table, the columns a document is made of, its kind, the column naming it
        ("claims", "exact, statement, claimant, verdict_summary, rationale, notes, tags", "claim", "id"),
        ("comments", "body, claim_id", "comment", "id"),
        ("sources", "title, url, publisher, author, notes", "source", "id"),
        ("versions", "text, number, article_id", "article", "article_id"),
    )
    for table, columns, kind, key in marks:
        for event, rows in (("INSERT", ("new",)), (f"UPDATE OF {columns}", ("old", "new")), ("DELETE", ("old",))):
            body = " ".join(f"INSERT OR IGNORE INTO search_dirty VALUES ('{kind}', {row}.{key});" for row in rows)
            db.conn.execute(f"CREATE TRIGGER search_{table}_{event.split()[0].lower()} AFTER {event} ON {table} "
                            f"BEGIN {body} END")
    from factcheck.core import search

    search.rebuild(db.conn)


@steps(4)
def m011_hot_queries(db: Database):
    # The indexes the app's lists and lookups need at 100,000 claims and more
    # (tests/core/test_query_plans.py fails when a hot query scans a table). claims_article
    # goes: claims_reading_order starts with article_id; the live claims of an article are
    # then counted from the index alone. Partial index: only the few events whose verdict
    # was copied from an earlier check (reuse.based_on, read by every export). The
    # planner's statistics are refreshed after every upgrade (Project._setup).
    conn = db.conn
    conn.execute("DROP INDEX IF EXISTS claims_article")
    yield conn.execute("CREATE INDEX claims_article_live ON claims(article_id, deleted_at)")
    yield conn.execute("CREATE INDEX corrections_claim ON corrections(claim_id)")
    yield conn.execute("CREATE INDEX sources_title ON sources(title COLLATE NOCASE)")
    yield conn.execute("CREATE INDEX events_based_on ON events(seq) WHERE action = 'claim.update' "
                       "AND instr(CAST(data AS TEXT), '\"based_on\"') > 0")


@steps(3)
def m012_review_queue(db: Database):
    # The review queue reads a page at a time in "waiting since" order, within one status
    # (claims_queue) or across all (claims_waiting), and counts a status from the index
    # alone (article_id is in it). The expression is review_queue._SINCE's, word for word,
    # or SQLite does not use the index (tests/core/test_review_queue.py checks the plans).
    conn = db.conn
    since = ("CASE status WHEN 'in_review' THEN COALESCE(submitted_at, updated_at) "
             "WHEN 'approved' THEN COALESCE(approved_at, updated_at) "
             "WHEN 'published' THEN COALESCE(published_at, updated_at) ELSE updated_at END")
    yield conn.execute(f"CREATE INDEX claims_queue ON claims(status, ({since}), id, article_id) "
                       "WHERE deleted_at IS NULL")
    yield conn.execute(f"CREATE INDEX claims_waiting ON claims(({since}), id, article_id) WHERE deleted_at IS NULL")
    # Its checker filter lists who checked (submitted, else made) a claim: a seek per name.
    yield conn.execute("CREATE INDEX claims_checker ON claims(COALESCE(submitted_by, created_by)) "
                       "WHERE deleted_at IS NULL")


@steps(16)
def m013_paged_lists(db: Database):
    # The app's lists read a page at a time in the order shown (core/lists.py, core/review_queue.py)
    # and the statistics count from indexes (core/stats.py); tests/core/test_query_plans.py and
    # tests/core/test_lists.py check that each statement uses its index. An expression here is the
    # query's, word for word, or SQLite does not use the index.
    conn = db.conn
    live = "WHERE deleted_at IS NULL"
    # The review queue sorted by another column than "waiting since": within one status, a walk of
    # the column's index; across statuses, a merge of those walks (review_queue.SqlQueue.page).
    yield conn.execute(f"CREATE INDEX claims_queue_quote ON claims(status, exact COLLATE NOCASE, id) {live}")
    yield conn.execute(f"CREATE INDEX claims_queue_claimant ON claims(status, claimant COLLATE NOCASE, id) {live}")
    yield conn.execute("CREATE INDEX claims_queue_checker ON claims(status, COALESCE(submitted_by, created_by) "
                       f"COLLATE NOCASE, id) {live}")
    yield conn.execute(f"CREATE INDEX claims_queue_rating ON claims(status, rating, id) {live}")
    yield conn.execute(f"CREATE INDEX claims_queue_article ON claims(status, article_id, id) {live}")
    # Unique (id is): SQLite then knows a walk of it gives each (title, id) once, and needs no sort
    # after it for the claims of each article.
    yield conn.execute(f"CREATE UNIQUE INDEX articles_title ON articles(title COLLATE NOCASE, id) {live}")
    # The article list, in the order articles came in.
    yield conn.execute(f"CREATE INDEX articles_created ON articles(created_at) {live}")
    # An article's unanchored claims (few: their own index, not a walk of the article's claims).
    yield conn.execute("CREATE INDEX claims_orphaned ON claims(article_id, start, \"end\") "
                       "WHERE deleted_at IS NULL AND anchor_state = 'orphaned'")
    # The source library by each column, ties by title (by title alone: sources_title, m011); kinds and
    # reliabilities in the form's order.
    kinds = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(
        ("document", "dataset", "interview", "article", "official statement", "video", "audio", "social media",
         "other")))
    levels = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(("", "high", "medium", "low", "unknown")))
    yield conn.execute("CREATE INDEX sources_publisher ON sources(publisher COLLATE NOCASE, title COLLATE NOCASE) "
                       f"{live}")
    yield conn.execute(f"CREATE INDEX sources_kind ON sources((CASE kind {kinds} ELSE 99 END), "
                       f"title COLLATE NOCASE) {live}")
    yield conn.execute(f"CREATE INDEX sources_reliability ON sources((CASE reliability {levels} ELSE 99 END), "
                       f"title COLLATE NOCASE) {live}")
    yield conn.execute(f"CREATE INDEX sources_confidential ON sources(confidential, title COLLATE NOCASE) {live}")
    # How many claims cite a source, from the index alone; the claims not to count (deleted, or in a
    # deleted article) are few and looked up through claims_deleted and claims_article_live.
    yield conn.execute(f"CREATE INDEX citations_source_live ON citations(source_id, claim_id) {live}")
    yield conn.execute("CREATE INDEX claims_deleted ON claims(id) WHERE deleted_at IS NOT NULL")
    # The statistics: days from draft to published in order (the median is a walk to the middle),
    # and the review comments still open.
    yield conn.execute("CREATE INDEX claims_publish_days ON claims((julianday(published_at) - julianday(created_at)), "
                       "article_id) WHERE deleted_at IS NULL AND published_at IS NOT NULL")
    yield conn.execute("CREATE INDEX comments_open_review ON comments(claim_id) "
                       "WHERE kind = 'review' AND resolved_at IS NULL")


#: Every migration, oldest first. Append only: a name, once released, never changes.
MIGRATIONS = (m001_initial, m002_claims_in_reading_order, m003_review_stamps, m004_desk, m005_event_ids,
              m006_exchanges, m007_sync_state, m008_version_pages, m009_evidence,
              m010_search, m011_hot_queries, m012_review_queue, m013_paged_lists)
SCHEMA_VERSION = len(MIGRATIONS)


def known_names() -> list[str]:
    return [m.__name__ for m in MIGRATIONS]


def migration_set(upgrade: Upgrade | None = None) -> Migrations:
    """The sqlite-utils ``Migrations`` for this build (each migration's steps told to ``upgrade``).

    Built on first use: sqlite-utils takes a few hundred milliseconds to import, which
    opening an up-to-date project (the app's start) does not need to pay.
    """
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for fn in MIGRATIONS:
        migrations(name=fn.__name__)(_Migration(fn, upgrade))
    return migrations


class _Migration:
    """One migration as sqlite-utils runs it (inside its transaction): its steps run, each told to the upgrade."""

    def __init__(self, fn, upgrade: Upgrade | None):
        self.fn, self.upgrade = fn, upgrade
        self.__name__ = fn.__name__

    def __call__(self, db: Database) -> None:
        for _ in self.fn(db) or (None,):
            if self.upgrade is not None:
                self.upgrade.advance()


class Upgrade:
    """Bringing one file up to this build's schema, a step at a time, each told to ``progress``.

    The steps: a copy of the file first (``backup``: an older file's), each pending
    migration's (one, or one per index it builds), then the planner's statistics
    (``gather_statistics``). A step
    that runs long is told again every ``EVERY`` seconds (SQLite's progress handler), so
    the app can stop it midway: the migration under way is rolled back, the ones before it
    stay, and the file opens as it was left.
    """

    #: Seconds between two words of a step that runs long.
    EVERY = 0.2
    #: SQLite virtual machine instructions between two looks at the clock.
    INSTRUCTIONS = 100_000

    def __init__(self, pending: Sequence[str], progress: Progress | None, *, backup: bool):
        self.progress = progress
        self.total = int(backup) + sum(steps_of(fn) for fn in MIGRATIONS if fn.__name__ in pending) + 1
        self.done = 0
        self._told = 0.0  # when progress was last told (time.monotonic)
        self._stopped = False  # progress answered False
        self.indexed: set[str] = set()  # the tables ``apply`` gave an index

    def start(self) -> None:
        """Say that the upgrade begins (step 1)."""
        self._tell()

    def advance(self) -> None:
        """One more step done."""
        self.done += 1
        self._tell()

    def part(self, fraction: float) -> None:
        """How much of the step under way is done (the copy, page by page), told every ``EVERY`` seconds."""
        if time.monotonic() - self._told >= self.EVERY:
            self._tell(fraction)

    def apply(self, db: Database) -> None:
        """The pending migrations, told step by step (a step running long, every ``EVERY`` seconds)."""
        conn = db.conn
        before = _indexes(conn)
        conn.set_progress_handler(self._running, self.INSTRUCTIONS)
        try:
            migration_set(self).apply(db)
        except sqlite3.OperationalError:
            if self._stopped:  # SQLite interrupted the statement under way (``_running``)
                raise Cancelled(STOPPED) from None
            raise
        finally:
            conn.set_progress_handler(None, 0)
        self.indexed = {table for name, table in _indexes(conn).items() if name not in before}

    def gather_statistics(self, conn: sqlite3.Connection) -> None:
        """The planner's statistics of each table given an index, which has none yet: sampled (``PRAGMA
        analysis_limit``), and of those tables alone (at 1,000,000 claims, the search index's tables alone
        took 4 s to count)."""
        from factcheck.core.store import ANALYSIS_LIMIT

        conn.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        for table in sorted(self.indexed):
            conn.execute(f'ANALYZE "{table}"')

    def _tell(self, fraction: float = 0.0) -> None:
        self._told = time.monotonic()
        answer = self.progress(self.done + fraction, self.total) if self.progress is not None else None
        if answer is False and self.done < self.total:  # once all is done, nothing is left to stop
            self._stopped = True
            raise Cancelled(STOPPED)

    def _running(self) -> int:
        """SQLite's progress handler: a step running long is told again; non-zero stops it."""
        if time.monotonic() - self._told < self.EVERY:
            return 0
        try:
            self._tell()
        except Cancelled:
            return 1
        return 0


def _indexes(conn: sqlite3.Connection) -> dict[str, str]:
    """Every index of the file, and its table."""
    return dict(conn.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"))


def outdated(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a project an older factcheck made, which opening it for writing upgrades.

    Read on a read-only connection of its own, in a millisecond; a file that cannot be read
    says no (opening it says why).
    """
    try:
        conn = sqlite3.connect(pathlib.Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    except (sqlite3.Error, OSError):
        return False
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return False
        return 0 < len(pending_names(conn)) < len(MIGRATIONS)
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def pending_names(conn) -> list[str]:
    """Migrations this build knows that the file has not had (plain SQL, no sqlite-utils)."""
    has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone()
    applied = set()
    if has_table:
        applied = {row[0] for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,))}
    return [name for name in known_names() if name not in applied]
