"""Rolling backups of a project, made with SQLite's online backup API, and restoring one to a new file.

A copy of a live WAL database taken with a file copy can miss the changes still in its
``-wal`` file or catch a page half-written; ``sqlite3.Connection.backup`` copies a
consistent snapshot while others keep working. Each backup is written under a temporary
name, checked (``PRAGMA quick_check``), and only then renamed into place.

Where: ``<data folder>/backups/<stem>-<identity>/`` (the data folder is
``$FACTCHECK_HOME/data`` when that is set). The identity comes from the project's first
event, so a renamed or moved project keeps its folder; copies of one project (a restored
backup, say) share it. A file is named ``<stem>-<UTC time>-<reason>.factcheck``.

When: before every migration (``premigration``), at most once a day when a project is
opened for writing (``daily``), and on request (``manual``). The newest ``KEEP[reason]``
of each reason are kept; older ones are deleted. Automatic backups never stop work: a
failure is logged and returned as a warning sentence.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import hashlib
import logging
import os
import pathlib
import re
import sqlite3
import time
from typing import TYPE_CHECKING

from factcheck.core import events, migrations
from factcheck.core.errors import KnownError, sentence
from factcheck.core.text import N_

if TYPE_CHECKING:
    from factcheck.core.project import Project

log = logging.getLogger("factcheck")

DAILY, PREMIGRATION, MANUAL = "daily", "premigration", "manual"
#: How many backups of each reason are kept per project; older ones are deleted.
KEEP = {DAILY: 7, PREMIGRATION: 4, MANUAL: 10}
REASON_LABELS = {DAILY: N_("daily"), PREMIGRATION: N_("before upgrade"), MANUAL: N_("manual")}
SUFFIX = ".factcheck"
_STAMP = "%Y-%m-%dT%H%M%SZ"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<at>\d{4}-\d\d-\d\dT\d{6}Z)-(?P<reason>daily|premigration|manual)(?:-(?P<n>\d+))?\.factcheck$"
)
#: A temporary file older than this is left over from a crash and may be deleted.
_STALE_TMP_S = 3600
#: Pages copied between two words of a copy's progress (16 MB of 4 KiB pages).
PAGES = 4096


class BackupError(KnownError):
    """A backup or a restore could not be made, or a backup file is not sound."""


@dataclasses.dataclass(frozen=True)
class Backup:
    """One backup file of a project."""

    path: pathlib.Path
    at: datetime.datetime  # when it was made, UTC
    reason: str
    size: int
    stem: str  # the name of the project file it was made from
    n: int = 1  # tells apart backups made in the same second

    @property
    def label(self) -> str:
        return REASON_LABELS[self.reason]


# --- where ---------------------------------------------------------------------------


def root() -> pathlib.Path:
    """The folder holding every project's backup folder."""
    from factcheck import paths

    return paths.home()[1] / "backups"


def identity(project: Project) -> str:
    """A stable id of the project: the SHA-256 of its first event's hash (of its path when it has none)."""
    try:
        row = project.store.conn.execute(f"SELECT hash FROM events {events.FIRST}").fetchone()
    except sqlite3.Error:
        row = None
    seed = row[0] if row and isinstance(row[0], str) else str(project.path.resolve())
    return hashlib.sha256(seed.encode("utf-8", "replace")).hexdigest()[:16]


def _safe_stem(stem: str) -> str:
    return re.sub(r"[^\w.-]+", "_", stem).strip("._-")[:60] or "project"


def folder(project: Project, *, base: pathlib.Path | None = None) -> pathlib.Path:
    """The project's backup folder (which may not exist yet); found by identity, so renames keep it."""
    base = base or root()
    ident = identity(project)
    with contextlib.suppress(OSError):
        found = sorted(p for p in base.glob(f"*-{ident}") if p.is_dir())
        if found:
            return found[0]
    return base / f"{_safe_stem(project.path.stem)}-{ident}"


# --- listing -------------------------------------------------------------------------


def parse(path: pathlib.Path) -> Backup | None:
    """The backup a file name describes, or None for any other file."""
    m = _NAME.match(path.name)
    if not m:
        return None
    try:
        at = datetime.datetime.strptime(m["at"], _STAMP).replace(tzinfo=datetime.timezone.utc)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path, at, m["reason"], size, m["stem"], int(m["n"] or 1))


def in_folder(where: pathlib.Path) -> list[Backup]:
    """The backups in one folder, newest first (an absent folder has none)."""
    try:
        entries = list(where.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise BackupError(N_("The backup folder {folder} cannot be read ({why}).", folder=str(where), why=_why(exc))) from None
    found = [b for b in map(parse, entries) if b is not None]
    return sorted(found, key=lambda b: (b.at, b.n), reverse=True)


def backups_of(project: Project, *, base: pathlib.Path | None = None) -> list[Backup]:
    """The project's backups, newest first."""
    return in_folder(folder(project, base=base))


def claim_count(path: pathlib.Path) -> int | None:
    """How many claims a backup holds, or None when it cannot be read."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return conn.execute("SELECT count(*) FROM claims WHERE deleted_at IS NULL").fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def size_text(size: int) -> str:
    """A file size for people: 812 KB, 8.0 MB."""
    if size < 1000 * 1000:
        return N_("{size} KB", size=max(1, round(size / 1000)))
    if size < 1000 * 1000 * 1000:
        return N_("{size} MB", size=f"{size / 1e6:.1f}")
    return N_("{size} GB", size=f"{size / 1e9:.1f}")


# --- making --------------------------------------------------------------------------


def make(project: Project, reason: str = MANUAL, *, base: pathlib.Path | None = None,
         now: datetime.datetime | None = None, progress=None) -> Backup:
    """Back up the open project into its rolling set, check the copy, then prune old ones.

    Raises ``BackupError`` when the copy cannot be written or does not check out.
    ``progress(fraction)``: told how much of the file is copied (what it raises stops the copy).
    """
    if reason not in KEEP:
        raise ValueError(f"unknown backup reason {reason!r}")
    now = (now or datetime.datetime.now(datetime.timezone.utc)).astimezone(datetime.timezone.utc)
    where = folder(project, base=base)
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(N_("The backup folder {folder} cannot be created ({why}).", folder=str(where), why=_why(exc))) from None
    stem = _safe_stem(project.path.stem)
    stamp = now.strftime(_STAMP)
    n = 1
    while True:
        name = f"{stem}-{stamp}-{reason}{'' if n == 1 else f'-{n}'}{SUFFIX}"
        if not (where / name).exists():
            break
        n += 1
    target = where / name
    _write(project.store.conn, target, project.path.name, replace=True, progress=progress)
    made = Backup(target, now.replace(microsecond=0), reason, target.stat().st_size, stem, n)
    prune(where)
    return made


def copy_to(project: Project, target: str | os.PathLike) -> pathlib.Path:
    """Back up the open project to a file of the user's choosing; refuses to overwrite one."""
    target = _new_file(target)
    _write(project.store.conn, target, project.path.name, replace=False)
    return target


def restore(source: str | os.PathLike, target: str | os.PathLike) -> pathlib.Path:
    """Copy a backup (or any project file) to a new file, checked; never overwrites a file."""
    source = pathlib.Path(source)
    target = _new_file(target)
    if not source.exists():
        raise BackupError(N_("{name} does not exist.", name=source.name))
    if not source.is_file():
        raise BackupError(N_("{name} is not a file that can be restored.", name=source.name))
    check(source)
    try:
        conn = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(N_("{name} cannot be read ({error}).", name=source.name, error=str(exc))) from None
    try:
        _write(conn, target, source.name, replace=False)
    finally:
        conn.close()
    return target


def check(path: pathlib.Path) -> None:
    """Raise ``BackupError`` unless ``path`` is a whole factcheck project (``PRAGMA quick_check``)."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(N_("{name} cannot be read ({error}).", name=path.name, error=str(exc))) from None
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != migrations.APPLICATION_ID:
            raise BackupError(N_("{name} is not a factcheck project.", name=path.name))
        verdict = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.Error as exc:
        raise BackupError(N_("{name} is damaged ({error}).", name=path.name, error=str(exc))) from None
    finally:
        conn.close()
    if verdict != ["ok"]:
        raise BackupError(N_("{name} is damaged: {error}", name=path.name, error=verdict[0]))


def prune(where: pathlib.Path) -> list[pathlib.Path]:
    """Delete all but the newest ``KEEP[reason]`` backups of each reason, and stale temporary files."""
    seen: dict[str, int] = {}
    removed = []
    for b in in_folder(where):
        seen[b.reason] = seen.get(b.reason, 0) + 1
        if seen[b.reason] > KEEP[b.reason]:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    with contextlib.suppress(OSError):
        for tmp in where.glob(".*.tmp*"):
            if time.time() - tmp.stat().st_mtime > _STALE_TMP_S:
                tmp.unlink()
    return removed


# --- automatic backups: never stop the open ------------------------------------------


def due(project: Project, *, base: pathlib.Path | None = None, now: datetime.datetime | None = None) -> bool:
    """True when no backup of the project was made today (local time)."""
    today = (now or datetime.datetime.now(datetime.timezone.utc)).astimezone().date()
    return not any(b.at.astimezone().date() == today for b in backups_of(project, base=base))


def daily(project: Project, *, base: pathlib.Path | None = None, now: datetime.datetime | None = None) -> list[str]:
    """The day's first backup of a project opened for writing; returns warnings, never raises."""
    return _safely(project, lambda: due(project, base=base, now=now) and make(project, DAILY, base=base, now=now))


def before_migration(project: Project, *, base: pathlib.Path | None = None, progress=None) -> list[str]:
    """A copy of the project as it was, before a migration changes its tables; returns warnings.

    ``progress(fraction)``: as ``make``'s.
    """
    return _safely(project, lambda: make(project, PREMIGRATION, base=base, progress=progress))


def _safely(project: Project, action) -> list[str]:
    """Run an automatic backup; a failure becomes a warning sentence (bugs also go to the log)."""
    name = project.path.name
    try:
        action()
    except KnownError as exc:
        warning = N_("No automatic backup of {name} was made: {reason}", name=name, reason=sentence(exc))
    except OSError as exc:  # the backup folder is unreadable, not a folder, on a full disk...
        if exc.filename:
            warning = N_("No automatic backup of {name} was made: {why} ({file}).", name=name, why=_why(exc),
                         file=str(exc.filename))
        else:
            warning = N_("No automatic backup of {name} was made: {why}.", name=name, why=_why(exc))
    except Exception as exc:  # noqa: BLE001 - a backup must never stop the user opening their work
        from factcheck import paths

        warning = N_("No automatic backup of {name} was made: {reason}", name=name, reason=paths.log_bug(exc))
    else:
        return []
    log.info("%s", warning)
    return [warning]


# --- writing one copy ----------------------------------------------------------------


def _why(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _exists(name: str) -> str:
    return N_("{name} already exists; a backup or restored copy is never written over a file, so choose a new name.",
              name=name)


def _not_backed_up(name: str, folder: pathlib.Path, error: object) -> str:
    return N_("{name} could not be backed up to {folder} ({error}).", name=name, folder=str(folder), error=str(error))


def _new_file(target: str | os.PathLike) -> pathlib.Path:
    target = pathlib.Path(target)
    if target.exists() or target.is_symlink():
        raise BackupError(_exists(name=target.name))
    if not target.parent.is_dir():
        raise BackupError(N_("Cannot write {name}: the folder {folder} does not exist.", name=target.name,
                             folder=str(target.parent)))
    return target


def _write(source: sqlite3.Connection, target: pathlib.Path, name: str, *, replace: bool, progress=None) -> None:
    """Copy ``source`` to ``target`` through a checked temporary file; ``replace=False`` never overwrites.

    ``progress(fraction)``: told after each ``PAGES`` pages copied (else the file is copied in one step).
    """
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        try:
            dest = sqlite3.connect(tmp, isolation_level=None)
        except sqlite3.Error as exc:
            raise BackupError(_not_backed_up(name=name, folder=target.parent, error=exc)) from None
        try:
            # No syncing page by page: the whole file is synced once below, before it gets its name.
            dest.execute("PRAGMA synchronous = OFF")
            if progress is None:
                source.backup(dest)
            else:
                source.backup(dest, pages=PAGES, progress=lambda _, left, pages: progress(1 - left / max(pages, 1)))
            # The copy carries the source's WAL flag; a backup is one self-contained file.
            dest.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.Error as exc:
            raise BackupError(_not_backed_up(name=name, folder=target.parent, error=exc)) from None
        finally:
            dest.close()
        try:
            _sync(tmp)
        except OSError as exc:
            raise BackupError(_not_backed_up(name=name, folder=target.parent, error=_why(exc))) from None
        try:
            check(tmp)
        except BackupError as exc:
            raise BackupError(N_("The backup of {name} did not check out, so it was not kept: {reason}", name=name,
                                 reason=sentence(exc))) from None
        try:
            if replace:
                os.replace(tmp, target)
            else:
                _link_new(tmp, target)
        except OSError as exc:
            raise BackupError(_not_backed_up(name=name, folder=target.parent, error=_why(exc))) from None
    finally:
        for extra in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                pathlib.Path(str(tmp) + extra).unlink()


def _sync(path: pathlib.Path) -> None:
    """Make sure the file's bytes are on the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _link_new(tmp: pathlib.Path, target: pathlib.Path) -> None:
    """Move ``tmp`` to ``target`` only if ``target`` does not exist, even if it appeared a moment ago."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise BackupError(_exists(name=target.name)) from None
    except OSError:  # a file system without hard links
        if target.exists():
            raise BackupError(_exists(name=target.name)) from None
        os.replace(tmp, target)
