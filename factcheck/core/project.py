"""The project file: open and create it, and the facade every reader and writer uses.

``Project`` is what the UI, the CLI, importers and exporters hold. It owns the
``Store`` (the connection and its one ``transaction()``) and one manager per entity
(``project.managers.articles``, ``.claims``, ``.sources``, ``.review``, ``.settings``),
each with the SQL of its own tables and the rules that guard them; its methods are thin
calls into those managers, kept so callers need not know which manager does what.

Every change is one transaction with its hash-chained event rows, and returns
``Changes`` once committed. ``project.batch()`` makes many changes one transaction: all
of them reach the disk, or none.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pathlib
import sqlite3
import stat
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

# Here only what opening a file needs. Each manager's module is imported when the manager is first
# asked for (``Managers``); backup (a caller's daily copy, a migration's) and replay (``verify``) when
# used: ``factcheck claims`` then prints its first rows, and the app shows its first window, without
# waiting for the search index's, the evidence vault's or the sources' code.
from factcheck.core import drives, events, migrations, model, store
from factcheck.core.errors import (
    NotAProject,
    ProjectError,
    ProjectLocked,
    ProjectTooNew,
    UpgradeNeeded,
)
from factcheck.core.store import BUSY_TIMEOUT_MS, Store, describe_error
from factcheck.core.text import N_

if TYPE_CHECKING:
    from factcheck.core import (
        anchoring, articles, attachments, claims, pages, ratings, review, search, settings, sources, tasks,
    )
    from factcheck.core.model import Changes

SUFFIX = ".factcheck"
SQLITE_HEADER = b"SQLite format 3\x00"


class Managers:
    """One manager per entity; each holds its tables' SQL and rules.

    A manager is made, and its module imported, the first time it is asked for: a command
    that lists claims never loads the search index's or the evidence vault's code.
    """

    def __init__(self, project: Project):
        self._project = project

    @functools.cached_property
    def settings(self) -> settings.Settings:
        from factcheck.core.settings import Settings

        return Settings(self._project)

    @functools.cached_property
    def articles(self) -> articles.Articles:
        from factcheck.core.articles import Articles

        return Articles(self._project)

    @functools.cached_property
    def claims(self) -> claims.Claims:
        from factcheck.core.claims import Claims

        return Claims(self._project)

    @functools.cached_property
    def sources(self) -> sources.Sources:
        from factcheck.core.sources import Sources

        return Sources(self._project)

    @functools.cached_property
    def review(self) -> review.Review:
        from factcheck.core.review import Review

        return Review(self._project)

    @functools.cached_property
    def tasks(self) -> tasks.Tasks:
        from factcheck.core.tasks import Tasks

        return Tasks(self._project)

    @functools.cached_property
    def attachments(self) -> attachments.Attachments:
        from factcheck.core.attachments import Attachments

        return Attachments(self._project)

    @functools.cached_property
    def search(self) -> search.Search:
        from factcheck.core.search import Search

        return Search(self._project)


def _looks_read_only(path: pathlib.Path) -> bool:
    """True when the file denies writing, including to root (no write bit set at all)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not os.access(path, os.W_OK) or not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _check_file(path: pathlib.Path) -> None:
    """Refuse, before SQLite sees it, what is plainly not a whole project file."""
    if not path.exists():
        raise ProjectError(N_("{name} does not exist.", name=path.name))
    if path.is_dir():
        raise NotAProject(N_("{name} is a folder, not a factcheck project.", name=str(path.resolve().name or path)))
    if not path.is_file():  # a named pipe or a device: reading it could wait for ever
        raise NotAProject(N_("{name} is not a file (a pipe or a device?), not a factcheck project.", name=path.name))
    try:
        with path.open("rb") as f:
            header = f.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise ProjectError(N_("{name} cannot be read ({error}).", name=path.name, error=str(exc.strerror))) from None
    if size == 0:
        raise NotAProject(N_("{name} is empty: it is not a factcheck project.", name=path.name))
    cut_short = NotAProject(
        N_("{name} is damaged: the file was cut short (it holds 1 byte).", name=path.name) if size == 1 else
        N_("{name} is damaged: the file was cut short (it holds {size} bytes).", name=path.name, size=f"{size:,}"))
    if len(header) < len(SQLITE_HEADER) and SQLITE_HEADER.startswith(header):
        raise cut_short
    if not header.startswith(SQLITE_HEADER):
        raise NotAProject(N_("{name} is not a factcheck project.", name=path.name))
    # A whole SQLite file is a whole number of pages; anything else lost its end.
    page_size = int.from_bytes(header[16:18], "big") if len(header) >= 18 else 0
    page_size = 65536 if page_size == 1 else page_size
    if len(header) < 100 or page_size < 512 or size % page_size:
        raise cut_short


class Project:
    """One open ``*.factcheck`` file."""

    def __init__(self, path: pathlib.Path, conn: sqlite3.Connection, user: str, read_only: bool):
        self.path = path
        self.user = user
        self.read_only = read_only
        self.store = Store(path, conn, read_only)
        self._merges = events.MergesByClaim()  # which merges name which claims, read once (``claim_history``)
        self._db = None
        #: What went wrong while opening without stopping it (an automatic backup that failed).
        self.open_warnings: list[str] = []
        #: The network file system the file is on ("cifs", "nfs4"...), which rules out WAL; None on a local disk.
        self.network_drive: str | None = None
        self.managers = Managers(self)

    @property
    def db(self):
        """The file as an sqlite-utils ``Database`` (imported on first use: it is slow to import)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.store.conn)
        return self._db

    # --- opening and closing ---------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike, *, user: str = "") -> Project:
        """Create a new, empty project file; refuses to overwrite an existing file."""
        from factcheck.core.settings import DEFAULTS

        path = pathlib.Path(path)
        if path.exists():
            raise ProjectError(N_("{name} already exists; choose another name or open it.", name=path.name))
        if not path.parent.is_dir():
            raise ProjectError(N_("Cannot create {name}: the folder {folder} does not exist.", name=path.name,
                                  folder=str(path.parent)))
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise describe_error(exc, path) from None
        try:
            conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
            project = cls._setup(path, conn, user or _default_user(), read_only=False)
            with project.store.transaction():
                project.managers.settings.create_defaults()
                # A fresh id in the first event: its id is the project's identity, shared only by copies.
                events.append(project.store, project.user, "project.create", "project", "",
                              {"settings": DEFAULTS, "project": model.new_id()})
            return project
        except BaseException:
            conn.close()
            with contextlib.suppress(OSError):
                for extra in ("", "-wal", "-shm"):
                    pathlib.Path(str(path) + extra).unlink()
            raise

    @classmethod
    def open(cls, path: str | os.PathLike, *, user: str = "", read_only: bool = False,
             daily_backup: bool = True, progress: migrations.Progress | None = None) -> Project:
        """Open an existing project; upgrades older files, refuses newer, foreign or damaged ones.

        A file that denies writing is opened read-only: reads work, changes raise
        ``ProjectReadOnly``. ``daily_backup``: make the day's first backup now (False: the
        caller makes it, as the app does on a worker thread with ``backup.daily``).
        ``progress``: told how far an upgrade is (``migrations.Upgrade``; minutes for a desk's
        year), and may stop it (``Cancelled``).
        """
        path = pathlib.Path(path)
        _check_file(path)
        read_only = read_only or _looks_read_only(path)
        uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "?mode=rw")
        conn = None
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA application_id").fetchone()
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()  # a lingering failed connection would block the next open of the file
            code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
            if not read_only or code not in (store.SQLITE_READONLY, store.SQLITE_CANTOPEN):
                raise describe_error(exc, path) from None
            # A WAL file on a read-only disk cannot get its shared-memory file: read it as
            # immutable (nobody can be writing to a read-only disk anyway).
            try:
                conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, check_same_thread=False)
            except sqlite3.Error as exc2:
                raise describe_error(exc2, path) from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cls._check_identity(conn, path)
            project = cls._setup(path, conn, user or _default_user(), read_only=read_only, progress=progress)
            if not read_only and daily_backup:
                from factcheck.core import backup

                project.open_warnings += backup.daily(project)
            return project
        except sqlite3.Error as exc:
            conn.close()
            raise describe_error(exc, path) from None
        except BaseException:
            conn.close()
            raise

    @staticmethod
    def _check_identity(conn: sqlite3.Connection, path: pathlib.Path) -> None:
        """Refuse another program's SQLite file and files from a newer factcheck, writing nothing."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != migrations.APPLICATION_ID:
            raise NotAProject(N_("{name} is an SQLite database of another program, not a factcheck project.", name=path.name))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        applied = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (migrations.MIGRATION_SET,)
            )
        } if conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone() else set()
        if version > migrations.SCHEMA_VERSION or applied - set(migrations.known_names()):
            raise ProjectTooNew(
                N_("{name} was saved by a newer version of factcheck; update factcheck to open it.", name=path.name)
            )

    @classmethod
    def _setup(cls, path: pathlib.Path, conn: sqlite3.Connection, user: str, read_only: bool,
               progress: migrations.Progress | None = None) -> Project:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        network = drives.network_filesystem(path)
        if not read_only:
            # WAL's index is memory shared on one computer: on a network drive, the rollback
            # journal and the file system's locks (drives.py says why).
            wanted = "delete" if network else "wal"
            try:
                mode = conn.execute(f"PRAGMA journal_mode = {wanted}").fetchone()[0]
            except sqlite3.OperationalError as exc:  # leaving WAL needs the file to itself
                if not network or (store.error_code(exc) or 0) & 0xFF != store.SQLITE_BUSY:
                    raise
                mode = "wal"
            if mode.lower() != wanted:
                raise ProjectLocked(N_(
                    "{name} is open elsewhere in a mode a network drive cannot share safely; close it everywhere, "
                    "then open it again.", name=path.name) if network else
                    N_("{name} is in use by another program; close it there first.", name=path.name))
            # FULL: a commit reaches the disk before the app says "Saved", so a power cut
            # cannot take back an annotation the checker saw saved.
            conn.execute("PRAGMA synchronous = FULL")
        # sqlite-utils turns this on for every Database it wraps; keep the file's
        # triggers behaving the same whether or not it has been imported.
        conn.execute("PRAGMA recursive_triggers = on")
        project = cls(path, conn, user, read_only)
        project.network_drive = project.store.network_drive = network
        pending = migrations.pending_names(conn)
        if pending:
            if read_only and len(pending) == len(migrations.MIGRATIONS):  # no tables at all
                raise NotAProject(N_(
                    "{name} holds no project yet: a copy of a project's file taken while factcheck had it open "
                    "can be left empty. Copy an open project with File > Save a copy to file… (or factcheck backup "
                    "--output) instead.", name=path.name))
            if read_only:
                raise UpgradeNeeded(N_(
                    "{name} is read-only and was made by an older factcheck; make it writable so it can be upgraded.",
                    name=path.name))
            older = len(pending) < len(migrations.MIGRATIONS)  # a new file has nothing to lose: no copy
            upgrade = migrations.Upgrade(pending, progress, backup=older)
            upgrade.start()
            if older:
                from factcheck.core import backup

                project.open_warnings += backup.before_migration(project, progress=upgrade.part)
                upgrade.advance()
            upgrade.apply(project.db)
            conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION}")
            upgrade.gather_statistics(conn)  # new indexes have no statistics yet
            upgrade.advance()
        return project

    def close(self) -> None:
        if not self.read_only and self.store.conn is not None and not self.store.in_transaction:
            with contextlib.suppress(Exception):  # the index catches up at the next search anyway
                self.managers.search.refresh()
        self.store.close()

    @property
    def closed(self) -> bool:
        return self.store.conn is None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions and history ------------------------------------------------------

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Make every change inside one transaction: committed together or not at all."""
        with self.store.transaction():
            yield

    def events(self, entity_id: str | None = None) -> list[model.Event]:
        return events.read(self.store, entity_id)

    def claim_history(self, claim_id: str) -> list[model.Event]:
        """The claim's events with the merges that decided something about it (``events.read_claim``)."""
        return events.read_claim(self.store, claim_id, self._merges)

    def event_batches(self, entity_id: str | None = None, size: int = 500) -> Iterator[list[model.Event]]:
        """``events()`` in lists of at most ``size``, read as they are asked for (a history of 100,000 events)."""
        return events.stream(self.store, entity_id, size)

    def verify(self, *, files: bool = True) -> events.Verdict:
        """The hash chain, then every claim, source and citation against what its events say.

        ``files``: then every stored evidence file against its SHA-256 (a merge checks the
        files it takes as they come in, and passes False for the other copy).
        """
        from factcheck.core import replay

        verdict = replay.verify(self.store)
        if verdict.ok and files:
            verdict = self.managers.attachments.verify(verdict)
        return verdict

    def counts(self) -> dict[str, int]:
        """How many of each thing the project holds (for ``factcheck info``)."""
        queries = {
            "articles": "SELECT count(*) FROM articles WHERE deleted_at IS NULL",
            "versions": "SELECT count(*) FROM versions",
            "claims": "SELECT count(*) FROM claims WHERE deleted_at IS NULL",
            "sources": "SELECT count(*) FROM sources WHERE deleted_at IS NULL",
            "citations": "SELECT count(*) FROM citations WHERE deleted_at IS NULL",
            "events": "SELECT count(*) FROM events",
        }
        return {k: self.store.read(q)[0][0] for k, q in queries.items()}

    # --- settings ---------------------------------------------------------------------

    def settings(self) -> dict[str, object]:
        return self.managers.settings.all()

    def setting(self, key: str) -> object:
        return self.managers.settings.get(key)

    def set_setting(self, key: str, value: object) -> Changes:
        return self.managers.settings.set(key, value)

    def set_logo(self, image: bytes | str | os.PathLike | None, filename: str = "") -> Changes:
        """Make a PNG, JPEG or SVG image (bytes or a path; None: none) the organisation's logo."""
        return self.managers.settings.set_logo(image, filename)

    def logo(self) -> tuple[bytes, str] | None:
        """The organisation's logo as (bytes, MIME type), or None."""
        return self.managers.settings.logo()

    def forget_cached_settings(self) -> None:
        """Read settings from the file again (another window may have changed them)."""
        self.managers.settings.forget()

    @property
    def scale(self) -> ratings.Scale:
        return self.managers.settings.scale

    # --- articles and versions --------------------------------------------------------

    def import_article(self, imported, **metadata: str) -> Changes:
        return self.managers.articles.import_article(imported, **metadata)

    def already_imported(self, imported) -> list[model.Version]:
        """Live articles' versions with the same original bytes or text as ``imported`` (see ``Articles``)."""
        return self.managers.articles.already_imported(imported)

    def update_article(self, article_id: str, *, restore: bool = False, **values: str) -> Changes:
        return self.managers.articles.update(article_id, restore=restore, **values)

    def delete_article(self, article_id: str) -> Changes:
        """Hide an article with its claims; ``restore_article`` brings both back."""
        return self.managers.articles.set_deleted(article_id, deleted=True)

    def restore_article(self, article_id: str) -> Changes:
        return self.managers.articles.set_deleted(article_id, deleted=False)

    def add_version(self, article_id: str, imported, *, if_changed: bool = False, journal=None) -> Changes:
        """A new version of an article, its claims re-anchored (see ``Articles.add_version``)."""
        return self.managers.articles.add_version(article_id, imported, if_changed=if_changed, journal=journal)

    def undo_add_version(self, journal) -> Changes:
        """Take back the version an ``add_version(journal=...)`` added, while nothing was built on it."""
        return self.managers.articles.undo_add_version(journal)

    def articles(self) -> list[model.Article]:
        return self.managers.articles.articles()

    def article(self, article_id: str) -> model.Article:
        return self.managers.articles.article(article_id)

    def versions(self, article_id: str) -> list[model.Version]:
        return self.managers.articles.versions(article_id)

    def version(self, version_id: str) -> model.Version:
        return self.managers.articles.version(version_id)

    def text(self, version_id: str) -> str:
        return self.managers.articles.text(version_id)

    def current_version(self, article_id: str) -> model.Version:
        return self.managers.articles.current_version(article_id)

    def page_map(self, version_id: str) -> pages.PageMap | None:
        """Where each page of a paged original (a PDF) starts in the version's text; None when unpaged."""
        return self.managers.articles.page_map(version_id)

    def page_of(self, version_id: str, offset: int) -> str | None:
        """The page label ("12") of the character at ``offset`` of a version; None when it has no pages."""
        return self.managers.articles.page_of(version_id, offset)

    def blob(self, sha256: str) -> bytes:
        return self.managers.articles.blob(sha256)

    # --- claims -----------------------------------------------------------------------

    def create_claim(self, version_id: str, start: int, end: int, *,
                     checked_quote: anchoring.TextQuoteSelector | None = None, **values: object) -> Changes:
        return self.managers.claims.create(version_id, start, end, checked_quote=checked_quote, **values)

    def update_claim(self, claim_id: str, *, expected_revision: int | None = None, reason: str = "",
                     restore: bool = False, based_on: dict | None = None, **values: object) -> Changes:
        """Edit claim fields; ``restore`` puts back values the file held before (undo), unjudged.

        ``based_on``: where a verdict copied from an earlier check came from (see ``core/reuse.py``).
        """
        return self.managers.claims.update(claim_id, expected_revision=expected_revision, reason=reason,
                                           restore=restore, based_on=based_on, **values)

    def delete_claim(self, claim_id: str) -> Changes:
        """Hide a claim; ``restore_claim`` brings it back with everything attached."""
        return self.managers.claims.set_deleted(claim_id, deleted=True)

    def restore_claim(self, claim_id: str) -> Changes:
        return self.managers.claims.set_deleted(claim_id, deleted=False)

    def reanchor_claim(self, claim_id: str, version_id: str, start: int, end: int) -> Changes:
        return self.managers.claims.reanchor(claim_id, version_id, start, end)

    def restore_anchor(self, claim_id: str, before: model.Claim) -> Changes:
        return self.managers.claims.restore_anchor(claim_id, before)

    def confirm_anchor(self, claim_id: str) -> Changes:
        return self.managers.claims.confirm_anchor(claim_id)

    def claim(self, claim_id: str) -> model.Claim:
        return self.managers.claims.claim(claim_id)

    def claims(self, article_id: str | None = None, *, include_deleted: bool = False) -> list[model.Claim]:
        return self.managers.claims.claims(article_id, include_deleted=include_deleted)

    def claims_with_prefix(self, prefix: str) -> list[model.Claim]:
        """Claims (deleted ones too) whose id starts with ``prefix``: what the command line accepts for a claim."""
        return self.managers.claims.with_prefix(prefix)

    def review_queue_rows(self, claim_ids: Iterable[str] | None = None) -> list[tuple]:
        return self.managers.claims.review_queue_rows(claim_ids)

    def search_claims(self, query: str) -> list[model.Claim]:
        return self.managers.claims.search(query)

    def search(self, query: str, **filters) -> list[search.Hit]:
        """Find in project: claims, comments, sources and article text (see ``Search.search``)."""
        return self.managers.search.search(query, **filters)

    def checkers(self) -> list[str]:
        """Everyone who checked a live claim, for the search's filter."""
        return self.managers.search.checkers()

    # --- review -------------------------------------------------------------------------

    def review(self, claim_id: str, action: str, *, comment: str = "", expected_revision: int | None = None) -> Changes:
        """Move a claim through the review workflow; ``workflow.TransitionRefused`` says why not."""
        return self.managers.review.transition(claim_id, action, comment=comment, expected_revision=expected_revision)

    def add_comment(self, claim_id: str, body: str, *, kind: str = "review", parent_id: str | None = None) -> Changes:
        return self.managers.review.add_comment(claim_id, body, kind=kind, parent_id=parent_id)

    def resolve_comment(self, comment_id: str, resolved: bool = True) -> Changes:
        return self.managers.review.resolve_comment(comment_id, resolved)

    def comments(self, claim_id: str | None = None) -> list[model.Comment]:
        return self.managers.review.comments(claim_id)

    def corrections(self, claim_id: str | None = None) -> list[model.Correction]:
        return self.managers.review.corrections(claim_id)

    # --- verification tasks -------------------------------------------------------------

    def tasks(self, claim_id: str) -> list:
        """The project's verification tasks as ticked on one claim (``tasks.Task``)."""
        return self.managers.tasks.of_claim(claim_id)

    def tick_task(self, claim_id: str, task_id: str, done: bool = True) -> Changes:
        return self.managers.tasks.tick(claim_id, task_id, done)

    # --- sources and citations --------------------------------------------------------

    def create_source(self, **values: object) -> Changes:
        return self.managers.sources.create(**values)

    def update_source(self, source_id: str, *, restore: bool = False, **values: object) -> Changes:
        return self.managers.sources.update(source_id, restore=restore, **values)

    def delete_source(self, source_id: str) -> Changes:
        """Hide a source and withdraw its citations; ``restore_source`` undoes both."""
        return self.managers.sources.set_deleted(source_id, deleted=True)

    def restore_source(self, source_id: str) -> Changes:
        return self.managers.sources.set_deleted(source_id, deleted=False)

    def source(self, source_id: str) -> model.Source:
        return self.managers.sources.source(source_id)

    def sources(self, search: str = "", *, include_deleted: bool = False) -> list[model.Source]:
        return self.managers.sources.sources(search, include_deleted=include_deleted)

    def source_usage(self, source_id: str) -> list[str]:
        return self.managers.sources.usage(source_id)

    def source_usage_counts(self) -> dict[str, int]:
        return self.managers.sources.usage_counts()

    def cite(self, claim_id: str, source_id: str, stance: str = "supports", **values: object) -> Changes:
        return self.managers.sources.cite(claim_id, source_id, stance, **values)

    def update_citation(self, citation_id: str, *, restore: bool = False, **values: object) -> Changes:
        return self.managers.sources.update_citation(citation_id, restore=restore, **values)

    def uncite(self, citation_id: str) -> Changes:
        """Withdraw a citation (kept in the file; ``recite`` undoes it)."""
        return self.managers.sources.set_citation_deleted(citation_id, deleted=True)

    def recite(self, citation_id: str) -> Changes:
        return self.managers.sources.set_citation_deleted(citation_id, deleted=False)

    def citation(self, citation_id: str) -> model.Citation:
        return self.managers.sources.citation(citation_id)

    def citations(self, claim_id: str | None = None) -> list[model.Citation]:
        return self.managers.sources.citations(claim_id)

    # --- the evidence vault -----------------------------------------------------------

    def attach(self, path: str | os.PathLike | None = None, *, sha256: str | None = None,
               source_id: str | None = None, citation_id: str | None = None, note: str = "",
               name: str | None = None, progress=None) -> Changes:
        """Attach a file (a path, streamed in; or the SHA-256 of one stored already) to a source or a citation."""
        return self.managers.attachments.attach(path, sha256=sha256, source_id=source_id, citation_id=citation_id,
                                                note=note, name=name, progress=progress)

    def store_evidence(self, path: str | os.PathLike, *, progress=None) -> model.EvidenceFile:
        """Store a file in the vault without attaching it yet (no event): ``attach(sha256=...)`` then."""
        return self.managers.attachments.store_file(path, progress=progress)

    def detach(self, attachment_id: str) -> Changes:
        """Remove an attachment; its bytes stay, and ``reattach`` brings it back."""
        return self.managers.attachments.set_deleted(attachment_id, deleted=True)

    def reattach(self, attachment_id: str) -> Changes:
        return self.managers.attachments.set_deleted(attachment_id, deleted=False)

    def attachment(self, attachment_id: str) -> model.Attachment:
        return self.managers.attachments.attachment(attachment_id)

    def attachments(self, *, source_id: str | None = None, citation_id: str | None = None,
                    include_deleted: bool = False) -> list[model.Attachment]:
        return self.managers.attachments.attachments(source_id=source_id, citation_id=citation_id,
                                                     include_deleted=include_deleted)

    def evidence_file(self, sha256: str) -> model.EvidenceFile | None:
        return self.managers.attachments.file(sha256)

    def evidence_chunks(self, sha256: str):
        """A stored file's bytes, streamed one chunk at a time."""
        return self.managers.attachments.chunks(sha256)

    def export_to_temp(self, sha256: str, name: str | None = None) -> pathlib.Path:
        """A read-only temporary copy of a stored file, for the system's viewer (removed at exit)."""
        return self.managers.attachments.export_to_temp(sha256, name)


def _default_user() -> str:
    import getpass

    try:
        return getpass.getuser() or "unknown"
    except Exception:  # noqa: BLE001 - getuser raises various errors when no name is set
        return "unknown"
