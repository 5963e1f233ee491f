"""Projects on a shared drive: tell a network file system, keep a local copy, merge it back.

SQLite's fast journal (WAL) keeps its index in shared memory, which only connections on
one computer can share, so SQLite documents it as unsafe on network file systems
(https://www.sqlite.org/wal.html). A project whose folder is on NFS, SMB/CIFS, sshfs or
another FUSE mount is therefore opened with the rollback journal (``journal_mode =
DELETE``), which relies on the file system's locks (``Project.open`` asks
``network_filesystem``). Every save then waits for other readers, so the app offers to
work on a local copy instead: ``local_copy`` makes (or refreshes) it in the data folder,
and ``merge_back`` brings its changes into the shared file in one short transaction and
takes back what others did, with ``merge.py``, so both files end with the same history.

``FACTCHECK_NETWORK_DRIVE=1`` treats every project outside factcheck's own data folder
as on a network drive (tests, and file systems the detection misses); ``=0`` treats
every one as local; any other word is taken as the file system's type (``=cifs``).
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import logging
import os
import pathlib
import re
import sqlite3
import sys
from typing import TYPE_CHECKING

from factcheck.core import events
from factcheck.core.errors import KnownError, sentence
from factcheck.core.text import N_

if TYPE_CHECKING:
    from factcheck.core import merge, model

log = logging.getLogger("factcheck")

ENV = "FACTCHECK_NETWORK_DRIVE"
#: Where Linux lists the mounts this process sees; tests point it at a file of their own.
MOUNTINFO = "/proc/self/mountinfo"
PROC_MOUNTS = "/proc/mounts"
#: File system types whose files live on another computer (or behind a FUSE process).
NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb", "ncpfs", "ncp", "afs", "9p", "ceph", "glusterfs", "lustre",
    "davfs", "fuse", "sshfs", "afpfs", "webdav", "osxfuse", "macfuse", "gpfs", "beegfs", "orangefs", "coda",
})
#: Windows' ``GetDriveTypeW`` answer for a network drive.
DRIVE_REMOTE = 4
#: The folder (in the data folder) holding one folder of local copies per shared file.
COPIES = "local-copies"
#: The file beside a local copy that says where it came from.
ORIGIN = "origin.json"


class SharedFileUnreachable(KnownError):
    """The shared file of a local copy cannot be reached or written; the local copy is untouched."""


# --- telling a network file system ---------------------------------------------------------


def is_network_type(fstype: str) -> bool:
    """True for a file system type whose files are on another computer (``nfs4``, ``cifs``, ``fuse.sshfs``...)."""
    fstype = fstype.lower()
    return fstype in NETWORK_TYPES or fstype.startswith("fuse.") or fstype.startswith("nfs")


def _unescape(field: str) -> str:
    """A path as the kernel writes it in the mount table: ``\\040`` is a space, ``\\011`` a tab..."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), field)


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, file system type) of each mount, in order; lines that make no sense are skipped.

    Reads Linux's ``/proc/self/mountinfo`` and ``/proc/mounts`` and the output of macOS's
    ``mount`` (``//u@server/share on /Volumes/share (smbfs, nodev)``).
    """
    found = []
    for line in text.splitlines():
        fields = line.split()
        if " - " in line and len(fields) >= 7 and fields[0].isdigit():  # mountinfo: ... mountpoint opts [tags] - type src
            try:
                dash = fields.index("-", 6)
            except ValueError:
                continue
            if dash + 1 < len(fields):
                found.append((_unescape(fields[4]), fields[dash + 1]))
            continue
        m = re.match(r"^(?P<src>.+?) on (?P<point>/.*?) \((?P<type>[^,()\s]+)[,)]", line)
        if m:  # macOS / BSD
            found.append((m["point"], m["type"]))
            continue
        if len(fields) >= 4 and fields[1].startswith("/"):  # /proc/mounts: src mountpoint type opts dump pass
            found.append((_unescape(fields[1]), fields[2]))
    return found


def filesystem_type(path: str | os.PathLike, mounts_text: str) -> str | None:
    """The type of the file system holding ``path`` (already resolved), by the longest mount point containing it.

    Of two mounts on one point, the later one (on top) counts.
    """
    target = str(path)
    best, best_len = None, -1
    for point, fstype in parse_mounts(mounts_text):
        base = point.rstrip("/") or "/"
        inside = base == "/" or target == base or target.startswith(base + "/")
        if inside and len(base) >= best_len:
            best, best_len = fstype, len(base)
    return best


def _folder(path: str | os.PathLike) -> pathlib.Path:
    """The resolved folder a (possibly not yet existing) file is in."""
    return pathlib.Path(os.path.realpath(os.fspath(path))).parent


def _forced(path: str | os.PathLike) -> str | None | bool:
    """What ``FACTCHECK_NETWORK_DRIVE`` says about ``path``: a type, None (local), or False (nothing)."""
    value = os.environ.get(ENV, "").strip()
    if not value:
        return False
    if value.lower() in ("0", "no", "false", "off"):
        return None
    from factcheck import paths

    data = pathlib.Path(os.path.realpath(paths.home()[1]))
    if data == _folder(path) or data in _folder(path).parents:
        return False  # factcheck's own folder (local copies, backups) keeps its real answer
    return "network" if value.lower() in ("1", "yes", "true", "on") else value


def _linux(path: str | os.PathLike, mounts_text: str | None) -> str | None:
    if mounts_text is None:
        try:
            with open(MOUNTINFO, encoding="utf-8", errors="replace") as f:
                mounts_text = f.read()
        except OSError:
            try:
                with open(PROC_MOUNTS, encoding="utf-8", errors="replace") as f:
                    mounts_text = f.read()
            except OSError:
                return None
    fstype = filesystem_type(_folder(path), mounts_text)
    return fstype if fstype and is_network_type(fstype) else None


def _windows(path: str | os.PathLike) -> str | None:
    import ntpath

    text = ntpath.abspath(os.fspath(path))
    if text.startswith("\\\\?\\"):  # a long path: \\?\UNC\server\share or \\?\C:\...
        text = "\\\\" + text[8:] if text[4:8].upper() == "UNC\\" else text[4:]
    if text.startswith(("\\\\", "//")):
        return "smb"  # \\server\share
    drive = ntpath.splitdrive(text)[0]
    if not drive:
        return None
    import ctypes

    if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE:  # type: ignore[attr-defined]
        return "smb"
    return None


def _macos(path: str | os.PathLike, mounts_text: str | None) -> str | None:
    if mounts_text is None:
        import subprocess  # macOS only: opening a file elsewhere does not import it

        try:
            mounts_text = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5).stdout
        except (OSError, subprocess.SubprocessError):
            return None
    fstype = filesystem_type(_folder(path), mounts_text)
    return fstype if fstype and is_network_type(fstype) else None


def network_filesystem(path: str | os.PathLike, *, mounts_text: str | None = None,
                       platform: str | None = None) -> str | None:
    """The file system's type when ``path``'s folder is on a network or FUSE file system, else None.

    ``mounts_text``: a mount table to read instead of the system's (tests). Never raises:
    what cannot be read counts as local.
    """
    try:
        forced = _forced(path)
        if forced is not False:
            return forced
        platform = platform or sys.platform
        if platform.startswith("win"):
            return _windows(path)
        if platform == "darwin":
            return _macos(path, mounts_text)
        return _linux(path, mounts_text)
    except Exception:  # noqa: BLE001 - an odd path or platform must never stop a project opening
        log.debug("could not tell the file system of %s", path, exc_info=True)
        return None


# --- the local copy --------------------------------------------------------------------


def copies_root() -> pathlib.Path:
    """The folder holding every local copy (``<data folder>/local-copies``)."""
    from factcheck import paths

    return paths.home()[1] / COPIES


def copy_path(shared_path: str | os.PathLike) -> pathlib.Path:
    """Where the local copy of a shared file is (or would be): a folder named by a hash of the shared path."""
    shared = pathlib.Path(os.path.abspath(os.fspath(shared_path)))
    key = hashlib.sha256(str(shared).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return copies_root() / key / shared.name


def existing_copy(shared_path: str | os.PathLike) -> pathlib.Path | None:
    """The local copy of a shared file, when one was made and is still there."""
    path = copy_path(shared_path)
    return path if path.is_file() and origin_of(path) is not None else None


def origin_of(local_path: str | os.PathLike) -> pathlib.Path | None:
    """The shared file a local copy was made from; None for any other file."""
    local = pathlib.Path(local_path)
    try:
        data = json.loads((local.parent / ORIGIN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("copy") != local.name or not isinstance(data.get("origin"), str):
        return None
    return pathlib.Path(data["origin"])


def _record(local: pathlib.Path, shared: pathlib.Path, **values: str) -> None:
    sidecar = local.parent / ORIGIN
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    data.update({"origin": str(shared), "copy": local.name, **values})
    partial = sidecar.with_name(ORIGIN + ".partial")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(partial, sidecar)


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _unreachable(shared: pathlib.Path, reason: object = None) -> SharedFileUnreachable:
    if reason is None:
        return SharedFileUnreachable(N_("The shared file {path} cannot be reached: check that the network drive is "
                                        "connected.", path=str(shared)))
    return SharedFileUnreachable(N_("The shared file {path} cannot be used: {reason}", path=str(shared),
                                    reason=reason))


def _reachable(shared: pathlib.Path) -> None:
    try:
        found = shared.is_file()
    except OSError:
        found = False
    if not found:
        raise _unreachable(shared)


def local_copy(shared_path: str | os.PathLike, *, user: str = "") -> pathlib.Path:
    """The local copy of a shared project, made now or brought up to date with the shared file.

    A new copy is taken with SQLite's backup API (a consistent snapshot). An existing one
    first takes in what others added to the shared file since (unless that conflicts with
    its own unmerged changes: those wait for ``merge_back``, which lets the person choose).
    """
    from factcheck.core import backup, merge
    from factcheck.core.errors import ProjectLocked, ProjectReadOnly
    from factcheck.core.project import Project

    shared = pathlib.Path(os.path.abspath(os.fspath(shared_path)))
    _reachable(shared)
    target = copy_path(shared)
    if target.exists() and origin_of(target) is not None:
        with Project.open(target, user=user) as local:
            try:
                plan = merge.plan(local, shared)
            except merge.MergeRefused:
                if _identity(shared) == _identity(target):
                    raise  # damaged, or from a newer factcheck: the sentence says which
                plan = None  # the shared file is now another project: keep this copy aside, make a new one
            if plan is not None:
                if not plan.nothing and not plan.conflicts:
                    merge.apply(local, plan)
                return target
    try:
        source = Project.open(shared, user=user)
    except (ProjectLocked, ProjectReadOnly):
        source = Project.open(shared, user=user, read_only=True)  # still in use elsewhere: copy what it holds
    with source:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():  # of another project now, or its record lost: kept aside, never deleted
            aside = target.with_name(f"{target.stem}-{_now().replace(':', '')}{target.suffix}")
            os.replace(target, aside)
            log.warning("kept the local copy %s aside as %s", target, aside)
        backup.copy_to(source, target)
    _record(target, shared, copied_at=_now())
    return target


def _identity(path: pathlib.Path) -> str | None:
    """The id of a project file's first event (its identity, shared by its copies); None when unreadable."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute(f"SELECT id FROM events {events.FIRST}").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def unsent(local_path: str | os.PathLike, shared_path: str | os.PathLike) -> int | None:
    """How many changes the local copy holds that the shared file lacks; None when either cannot be read."""
    ids = []
    for path in (local_path, shared_path):
        try:
            conn = sqlite3.connect(pathlib.Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        except sqlite3.Error:
            return None
        try:
            ids.append({r[0] for r in conn.execute("SELECT id FROM events")})
        except sqlite3.Error:
            return None
        finally:
            conn.close()
    return len(ids[0] - ids[1])


# --- merging back ----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class MergedBack:
    """What one merge back did, or (``conflicts``) why it wrote nothing yet."""

    sent: int = 0  # changes of the local copy the shared file took in
    received: int = 0  # changes others made in the shared file that came into the local copy
    #: set when nothing was written: the plan (as seen from the local copy) whose conflicts need a choice
    conflicts: merge.MergePlan | None = None
    changes: model.Changes | None = None  # what changed in the local copy (None when nothing came in)


def _flip(resolutions: dict) -> dict:
    """Resolutions chosen in the local copy (ours = the copy) as the shared file sees them."""
    from factcheck.core import merge

    swap = {merge.OURS: merge.THEIRS, merge.THEIRS: merge.OURS}
    return {key: swap.get(value, value) if isinstance(value, str) else value for key, value in resolutions.items()}


def merge_back(local_project, shared_path: str | os.PathLike, resolutions: dict | None = None) -> MergedBack:
    """Bring the local copy's changes into the shared file, then the shared file's news into the copy.

    On the shared file it is one transaction under SQLite's file lock: plan and apply
    together, so nobody writes in between. With a conflict that ``resolutions`` (keyed as
    ``merge.apply`` wants them, ours being the local copy) does not settle, nothing is
    written and ``conflicts`` holds the plan to show. An unreachable or locked shared file
    raises ``SharedFileUnreachable``; the local copy is then left as it is.
    """
    from factcheck.core import merge
    from factcheck.core.project import Project

    shared = pathlib.Path(os.path.abspath(os.fspath(shared_path)))
    _reachable(shared)
    try:
        target = Project.open(shared, user=local_project.user)
    except KnownError as exc:
        raise _unreachable(shared, sentence(exc)) from None
    flipped = _flip(resolutions or {})
    with target:
        try:
            with target.store.transaction():  # the write lock first: nobody writes between plan and apply
                plan = merge.plan(target, local_project.path)
                settled = all(c.key in flipped for c in plan.conflicts)
                if settled:
                    merge.apply(target, plan, {c.key: flipped[c.key] for c in plan.conflicts})
        except merge.MergeRefused:
            raise
        except KnownError as exc:  # locked, read-only, the drive gone in the middle: nothing was written
            raise _unreachable(shared, sentence(exc)) from None
    if not settled:
        return MergedBack(conflicts=merge.plan(local_project, shared))
    back = merge.plan(local_project, shared)
    received = len(back.incoming) - (1 if plan.incoming and not plan.fast_forward else 0)  # less our merge event
    changes = None
    if back.conflicts:  # someone wrote a conflicting change this very moment: it comes in next time
        received = 0
    elif not back.nothing:
        changes = merge.apply(local_project, back)
    if origin_of(local_project.path) is not None:
        _record(pathlib.Path(local_project.path), shared, merged_at=_now())
    return MergedBack(sent=len(plan.incoming), received=max(received, 0), changes=changes)
