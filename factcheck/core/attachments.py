"""The evidence vault: files attached to a source or to one citation of it, stored once, streamed in and out.

**Storage.** A file is stored once per project, addressed by its SHA-256, in
``evidence_files`` (size, MIME type, the name it came with, when and by whom it was
stored) and ``evidence_chunks`` (its bytes in chunks of ``CHUNK`` = 1 MiB). Storing reads
the file chunk by chunk, hashing and inserting as it goes, so a 500 MB recording never
sits whole in memory; reading back (``chunks``, ``write_to``, ``export_to_temp``, the
evidence export, hand-offs and merges) streams the same way. Files above ``MAX_BYTES``
(2 GB) are refused from their size alone, before a byte is read.

Attachments do not share the older ``blobs`` table (an article version's original file,
a source's archived page, the logo). ``blobs.data`` holds a whole file in one value, read
whole by its readers (importers' originals, hand-offs, the sync server's ``bytea``), and
one SQLite value is capped at 1 GB; a vault of recordings needs chunks. So the same PDF
imported as an article and attached as evidence is stored twice; that is rare and cheap
next to changing every reader of ``blobs`` to stream.

**Attachments.** An ``attachments`` row links a stored file to a source (``citation_id``
NULL) or to one citation (``source_id`` is then the cited source), with its name, type,
size and an optional note; it is made and removed by events (``attachment.create``,
``attachment.delete``, ``attachment.restore``), on the source's history, or on the claim's
for a citation's file, so undo, replay, merges and hand-offs carry them as they carry
citations. Removing one keeps the bytes (undo brings it back). A claim's revision is not
bumped by its citations' files: they are not the verdict, and an edit under way in the
inspector must not be refused for them.

**Integrity.** ``damaged_files`` re-reads every stored file and names those whose bytes
no longer give their SHA-256 (``Project.verify`` reports them). A copy of the project that
synced through a server may hold an attachment without its bytes (large files travel by
hand-off or merge): it is listed as not stored in this copy, and is not a fault.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import mimetypes
import os
import pathlib
import shutil
import sqlite3
import stat
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO

from factcheck.core import fields, model
from factcheck.core.entity import Manager
from factcheck.core.errors import BugError, ImportCancelled, InvalidInput, KnownError, NotFound
from factcheck.core.model import Changes, What
from factcheck.core.text import N_, Text

#: The largest file the vault takes (decimal, as sizes are shown: 2 GB).
MAX_BYTES = 2_000_000_000
#: The size of one stored chunk.
CHUNK = 1024 * 1024
#: How many bytes of a file's start are looked at to tell its type.
_HEAD = 8192

Progress = Callable[[int, int], object]


class EvidenceDamaged(KnownError):
    """A stored file's bytes no longer match their SHA-256; the message names it."""


class _AlreadyStored(Exception):
    """Raised inside the savepoint of a write whose bytes turned out to be stored already."""

    def __init__(self, found: model.EvidenceFile):
        super().__init__(found.sha256)
        self.found = found


# --- names and types --------------------------------------------------------------------------

_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_UNSAFE = set('<>:"|?*\x7f')


def _shorten(name: str, limit: int) -> str:
    """``name`` cut to ``limit`` characters, its extension kept."""
    if len(name) <= limit:
        return name
    stem, dot, ext = name.rpartition(".")
    ext = (dot + ext)[:20] if dot and stem else ""
    return name[: limit - len(ext)].rstrip(" .") + ext


def clean_name(name: str) -> str:
    """A file's name as the vault keeps it: one line in NFC, at most 255 characters ("file" if empty)."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in name)
    name = " ".join(name.split())
    return _shorten(name, 255) or "file"


def safe_name(name: str) -> str:
    """One path component safe to write on any system: no folders, no ``..``, no reserved names.

    The last part of ``name`` after any ``/`` or ``\\``, with control characters and
    ``<>:"|?*`` replaced by ``_``, leading and trailing dots and spaces removed, a Windows
    device name (``CON``, ``LPT1``...) prefixed with ``_``, and at most 200 characters and
    200 bytes of UTF-8 (a name of 255 bytes is the most most systems take) with the extension kept.
    """
    name = clean_name(name).replace("\\", "/").split("/")[-1]
    name = "".join("_" if c in _UNSAFE or ord(c) < 32 else c for c in name).strip(" .")
    if not name:
        return "file"
    stem = name.rpartition(".")[0] or name
    if stem.split(".")[0].upper() in _RESERVED:
        name = "_" + name
    return _fit_bytes(_shorten(name, 200), 200)


def _fit_bytes(name: str, limit: int) -> str:
    """``name`` cut to at most ``limit`` bytes of UTF-8, its extension kept: file systems count bytes (255 at most)."""
    if len(name.encode("utf-8")) <= limit:
        return name
    stem, dot, ext = name.rpartition(".")
    ext = (dot + ext) if dot and stem and len((dot + ext).encode("utf-8")) <= 40 else ""
    stem = name[: len(name) - len(ext)]
    room = limit - len(ext.encode("utf-8"))
    return stem.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(" .") + ext


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2).ext``, ``name (3).ext``... the first not in ``taken`` (compared case-blind)."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, dot, ext = name, "", ""
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem} ({n}){dot}{ext}"
    taken.add(candidate.casefold())
    return candidate


#: Types ``mimetypes`` may not know on every system, by how the name ends.
_EXTENSIONS = {
    ".warc": "application/warc", ".warc.gz": "application/warc", ".wacz": "application/wacz",
    ".mhtml": "multipart/related", ".mht": "multipart/related", ".md": "text/markdown", ".webp": "image/webp",
    ".heic": "image/heic", ".m4a": "audio/mp4", ".opus": "audio/ogg", ".mkv": "video/x-matroska",
    ".webm": "video/webm", ".epub": "application/epub+zip", ".flac": "audio/flac",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text", ".ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def _by_extension(name: str) -> str:
    lower = name.lower()
    for ending in sorted(_EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ending):
            return _EXTENSIONS[ending]
    guessed, _ = mimetypes.guess_type(lower, strict=False)
    return guessed or ""


def _by_signature(head: bytes) -> str:
    """The type a file's first bytes prove ('' when they prove none)."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}[head[8:12]]
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1"):
            return "image/heic"
        if brand == b"M4A ":
            return "audio/mp4"
        return "video/quicktime" if brand == b"qt  " else "video/mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm" if b"webm" in head[:64] else "video/x-matroska"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"ID3"):
        return "audio/mpeg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith(b"WARC/"):
        return "application/warc"
    if head.startswith(b"{\\rtf"):
        return "application/rtf"
    if head.startswith(b"PK\x03\x04"):
        # ODF and EPUB name their type in a first, uncompressed member called "mimetype".
        if head[30:38] == b"mimetype":
            declared = head[38:38 + 80].split(b"PK")[0].decode("ascii", "replace").strip()
            if "/" in declared and declared.isprintable():
                return declared
        return "application/zip"
    if head.startswith(b"\x1f\x8b"):
        return "application/gzip"
    return ""


def _textual(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # a character cut at the end of the sample
    return True


def sniff(head: bytes, name: str) -> str:
    """A file's MIME type from its first bytes and its name.

    The bytes decide when they prove a type (a PNG named ``.pdf`` is a PNG); the name
    refines a container (a ``.docx`` or ``.wacz`` is a zip, a ``.warc.gz`` a gzip) and a
    text file (``.csv``, ``.json``); text that starts as HTML, SVG or a saved MHTML page is
    that; other text is ``text/plain``; anything else is ``application/octet-stream``.
    """
    signed = _by_signature(head)
    named = _by_extension(name)
    if signed:
        container = signed in ("application/zip", "application/gzip")
        if container and named and named not in ("application/zip", "application/gzip"):
            return named
        return signed
    if _textual(head):
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
        if start.startswith((b"<!doctype html", b"<html")) or (b"<html" in start and b"<head" in start):
            return "text/html" if not named.endswith("xml") else named
        if b"<svg" in head[:2048].lower() and (start.startswith(b"<?xml") or start.startswith(b"<svg")):
            return "image/svg+xml"
        if start.startswith((b"mime-version:", b"from:")) and b"multipart/related" in head.lower():
            return "multipart/related"
        if named.startswith("text/") or named in ("application/json", "application/xml", "image/svg+xml",
                                                  "application/javascript"):
            return named
        return "text/plain"
    return named if named and not named.startswith("text/") else "application/octet-stream"


# --- the manager ------------------------------------------------------------------------------

_COLUMNS = (
    "a.id, a.sha256, a.source_id, a.citation_id, a.name, a.mime, a.size, a.note, a.captured_at, a.captured_by, "
    "a.deleted_at, c.claim_id, f.id IS NOT NULL"
)
_FROM = (
    "FROM attachments a LEFT JOIN citations c ON c.id = a.citation_id "
    "LEFT JOIN evidence_files f ON f.sha256 = a.sha256"
)
_FILE_COLUMNS = "sha256, size, mime, name, stored_at, stored_by"


def _attachment(row) -> model.Attachment:
    return model.Attachment(*row[:12], stored=bool(row[12]))


def _refused(path: pathlib.Path, exc: OSError) -> InvalidInput:
    if isinstance(exc, FileNotFoundError):
        return InvalidInput(N_("{name} does not exist.", name=path.name or str(path)))
    if isinstance(exc, IsADirectoryError):
        return InvalidInput(N_("{name} is a folder; attach the files in it one by one.", name=path.name))
    if isinstance(exc, PermissionError):
        return InvalidInput(N_("{name} cannot be read: permission denied.", name=path.name))
    return InvalidInput(N_("{name} cannot be read: {reason}.", name=path.name,
                           reason=(exc.strerror or str(exc)).rstrip(".").lower()))


def size_text(size: int) -> str:
    """A size for people (812 KB, 8.0 MB, 1.2 GB)."""
    from factcheck.core import backup

    return backup.size_text(size)


def checked_size(path: str | os.PathLike) -> int:
    """The size of a file the vault can take; refuses, before reading it, one that is missing, a folder, or too large."""
    path = pathlib.Path(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise _refused(path, exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise InvalidInput(N_("{name} is a folder; attach the files in it one by one.", name=path.name))
    if not stat.S_ISREG(st.st_mode):
        raise InvalidInput(N_("{name} is not a regular file, so it cannot be attached.", name=path.name))
    if st.st_size > MAX_BYTES:
        raise InvalidInput(N_(
            "{name} is {size}, over the evidence vault's limit of 2 GB: attach a shorter excerpt, or a note saying "
            "where the whole file is kept.", name=path.name, size=size_text(st.st_size)))
    if st.st_size == 0:
        raise InvalidInput(N_("{name} is empty: there is nothing to attach.", name=path.name))
    return st.st_size


def _fill(f: BinaryIO, view: memoryview) -> int:
    """Read into ``view`` until it is full or the file ends; how many bytes came."""
    got = 0
    while got < len(view):
        n = f.readinto(view[got:])
        if not n:
            break
        got += n
    return got


def _chunks_of(path: pathlib.Path, size: int) -> Iterator[memoryview]:
    """The file's bytes, one reused buffer of ``CHUNK`` at a time; refuses a file that grew past the limit."""
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    done = 0
    try:
        with open(path, "rb", buffering=0) as f:
            while True:
                got = _fill(f, view)
                if not got:
                    return
                done += got
                if done > MAX_BYTES:
                    raise InvalidInput(N_(
                        "{name} grew past the evidence vault's limit of 2 GB while it was read; nothing was stored.",
                        name=path.name))
                yield view[:got]
    except OSError as exc:
        raise _refused(path, exc) from None


def _cancelled(name: str) -> ImportCancelled:
    return ImportCancelled(N_("Storing {name} was cancelled; nothing was attached.", name=name))


def _as_bytes(value: object) -> bytes:
    """A chunk as stored; a value edited by hand into text or a number is read as its text."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    return str(value).encode("utf-8", "replace")


class Attachments(Manager):
    # --- storing ----------------------------------------------------------------------

    def store_file(self, path: str | os.PathLike, *, progress: Progress | None = None) -> model.EvidenceFile:
        """Store a file in the vault (or find it stored already: same bytes, same SHA-256); writes no event.

        ``progress(done, total)`` is called after each chunk; it returns False to cancel
        (``ImportCancelled``, nothing stored). Refused before reading: a missing file, a
        folder, a file over ``MAX_BYTES``.
        """
        path = pathlib.Path(path)
        size = checked_size(path)
        name = clean_name(path.name)
        with self.store.transaction():
            total = size
            if self.store.execute("SELECT 1 FROM evidence_files WHERE size = ? LIMIT 1", (size,)).fetchone():
                # Maybe these very bytes: hash first, and store nothing if so.
                total = 2 * size
                digest = hashlib.sha256()
                done = 0
                for chunk in _chunks_of(path, size):
                    digest.update(chunk)
                    done += len(chunk)
                    if progress is not None and progress(done, total) is False:
                        raise _cancelled(name)
                found = self.file(digest.hexdigest())
                if found is not None:
                    return found
            try:
                with self.store.transaction():
                    return self._write(path, name, size, total, progress)
            except _AlreadyStored as same:  # stored meanwhile, or the file changed between the two reads
                return same.found

    def _write(self, path: pathlib.Path, name: str, size: int, total: int, progress: Progress | None):
        placeholder = "pending " + model.new_id()
        file_id = self.store.execute(
            "INSERT INTO evidence_files (sha256, size, mime, name, chunk_size, stored_at, stored_by) "
            "VALUES (?, 0, '', ?, ?, ?, ?)", (placeholder, name, CHUNK, model.now(), self.user)).lastrowid
        digest = hashlib.sha256()
        head = b""
        done = 0
        offset = total - size
        for n, chunk in enumerate(_chunks_of(path, size)):
            if n == 0:
                head = bytes(chunk[:_HEAD])
            digest.update(chunk)
            self.store.execute("INSERT INTO evidence_chunks (file_id, n, data) VALUES (?, ?, ?)", (file_id, n, chunk))
            done += len(chunk)
            if progress is not None and progress(offset + min(done, size), total) is False:
                raise _cancelled(name)
        if not done:
            raise InvalidInput(N_("{name} is empty: there is nothing to attach.", name=path.name))
        sha = digest.hexdigest()
        found = self.file(sha)
        if found is not None:
            raise _AlreadyStored(found)
        self.store.execute("UPDATE evidence_files SET sha256 = ?, size = ?, mime = ? WHERE id = ?",
                           (sha, done, sniff(head, name), file_id))
        return self.file(sha)

    def store_chunks(self, meta: dict, chunks, *, where: str) -> bool:
        """Store a file another copy sends (a merge, a hand-off, a pull), checking its SHA-256 as it streams in.

        ``meta``: sha256, size, mime, name, stored_at, stored_by. Returns False when the
        vault holds it already. Raises ``EvidenceDamaged`` (naming ``where`` the file came
        from) when the bytes do not give their SHA-256; call inside a transaction, which
        then rolls the chunks back.
        """
        sha = str(meta["sha256"])
        if self.file(sha) is not None:
            return False
        file_id = self.store.execute(
            "INSERT INTO evidence_files (sha256, size, mime, name, chunk_size, stored_at, stored_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sha, int(meta.get("size") or 0), str(meta.get("mime") or "application/octet-stream"),
             clean_name(str(meta.get("name") or "")), CHUNK, str(meta.get("stored_at") or model.now()),
             str(meta.get("stored_by") or self.user))).lastrowid
        digest = hashlib.sha256()
        done = n = 0
        pending = bytearray()
        for piece in chunks:
            pending += piece
            digest.update(piece)
            done += len(piece)
            while len(pending) >= CHUNK:
                self.store.execute("INSERT INTO evidence_chunks (file_id, n, data) VALUES (?, ?, ?)",
                                   (file_id, n, bytes(pending[:CHUNK])))
                del pending[:CHUNK]
                n += 1
        if pending:
            self.store.execute("INSERT INTO evidence_chunks (file_id, n, data) VALUES (?, ?, ?)",
                               (file_id, n, bytes(pending)))
        if digest.hexdigest() != sha or done != int(meta.get("size") or 0):
            raise EvidenceDamaged(N_(
                "The attached file “{name}” in {where} does not match its SHA-256: it was damaged or changed on the "
                "way; nothing was merged.", name=clean_name(str(meta.get("name") or sha[:12])), where=where))
        return True

    # --- attaching --------------------------------------------------------------------

    def attach(self, path: str | os.PathLike | None = None, *, sha256: str | None = None,
               source_id: str | None = None, citation_id: str | None = None, note: str = "",
               name: str | None = None, progress: Progress | None = None) -> Changes:
        """Attach a file (a path, stored now; or ``sha256``, stored already) to a source or to one citation.

        One transaction with its event: stored and attached, or neither. Refuses a deleted
        source or citation, and the same file attached to the same place twice.
        """
        if (source_id is None) == (citation_id is None) or (path is None) == (sha256 is None):
            raise BugError("attach takes a path or a sha256, and a source or a citation")
        note = fields.text(note, N_("attachment's note"))
        with self.store.transaction():
            claim_id = None
            if citation_id is not None:
                citation = self.project.managers.sources.citation_row(citation_id)
                if self.store.execute("SELECT deleted_at FROM citations WHERE id = ?", (citation_id,)).fetchone()[0]:
                    raise InvalidInput(N_("That citation was removed; restore it before attaching files to it."))
                source_id, claim_id = citation.source_id, citation.claim_id
            source = self.project.managers.sources.row(source_id)
            if source.deleted_at:
                raise InvalidInput(N_("That source was deleted; restore it before attaching files to it."))
            if path is not None:
                stored = self.store_file(path, progress=progress)
                label = clean_name(name or pathlib.Path(path).name)
            else:
                stored = self.file(sha256)
                if stored is None:
                    raise NotFound(N_("That file is not stored in this project."))
                label = clean_name(name or stored.name)
            place = "citation_id = ?" if citation_id else "citation_id IS NULL AND source_id = ?"
            if self.store.execute(f"SELECT 1 FROM attachments WHERE sha256 = ? AND {place} AND deleted_at IS NULL",
                                  (stored.sha256, citation_id or source_id)).fetchone():
                raise InvalidInput(
                    N_("“{name}” is already attached to this citation.", name=label) if citation_id else
                    N_("“{name}” is already attached to this source.", name=label))
            attachment_id = model.new_id()
            after = {"sha256": stored.sha256, "name": label, "mime": stored.mime, "size": stored.size, "note": note}
            self.store.execute(
                "INSERT INTO attachments (id, sha256, source_id, citation_id, name, mime, size, note, captured_at, "
                "captured_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (attachment_id, stored.sha256, source_id, citation_id, label, stored.mime, stored.size, note,
                 model.now(), self.user))
            data = {"attachment_id": attachment_id, "source_id": source_id, "source_title": source.title,
                    "after": after}
            if citation_id is not None:
                data["citation_id"] = citation_id
                seq = self.log("attachment.create", "claim", claim_id, data)
            else:
                seq = self.log("attachment.create", "source", source_id, data)
        return self._changes("attachment.create", source_id, claim_id, seq, created=attachment_id)

    def set_deleted(self, attachment_id: str, *, deleted: bool) -> Changes:
        """Remove an attachment (its bytes stay, for undo), or bring it back."""
        action = "attachment.delete" if deleted else "attachment.restore"
        with self.store.transaction():
            attachment = self.row(attachment_id)
            if (attachment.deleted_at is not None) == deleted:
                return Changes(action=action)
            self.store.execute("UPDATE attachments SET deleted_at = ? WHERE id = ?",
                               (model.now() if deleted else None, attachment_id))
            data = {"attachment_id": attachment_id, "name": attachment.name, "sha256": attachment.sha256}
            if attachment.citation_id is not None:
                data["citation_id"] = attachment.citation_id
                seq = self.log(action, "claim", attachment.claim_id, data)
            else:
                seq = self.log(action, "source", attachment.source_id, data)
        return self._changes(action, attachment.source_id, attachment.claim_id, seq)

    @staticmethod
    def _changes(action: str, source_id: str, claim_id: str | None, seq: int, created: str | None = None) -> Changes:
        return Changes(action=action, what=What.EVIDENCE, sources=frozenset({source_id}),
                       claims=frozenset({claim_id} if claim_id else ()), created=created, event_seq=seq)

    # --- reading ----------------------------------------------------------------------

    def row(self, attachment_id: str) -> model.Attachment:
        rows = self.store.execute(f"SELECT {_COLUMNS} {_FROM} WHERE a.id = ?", (attachment_id,)).fetchall()
        if not rows:
            raise NotFound(N_("There is no attachment with id {id} in this project.", id=repr(attachment_id)))
        return _attachment(rows[0])

    def attachment(self, attachment_id: str) -> model.Attachment:
        try:
            return self.row(attachment_id)
        except sqlite3.Error as exc:
            raise self.store.error(exc) from exc

    def attachments(self, *, source_id: str | None = None, citation_id: str | None = None,
                    include_deleted: bool = False) -> list[model.Attachment]:
        """Attachments in the order they were made: a source's own (``source_id``), one citation's, or all.

        All: those of sources and citations in force (``include_deleted``: every one).
        """
        where, params = [], []
        if citation_id is not None:
            where.append("a.citation_id = ?")
            params.append(citation_id)
        elif source_id is not None:
            where.append("a.source_id = ? AND a.citation_id IS NULL")
            params.append(source_id)
        if not include_deleted:
            where.append("a.deleted_at IS NULL")
            if source_id is None and citation_id is None:
                where.append("(a.citation_id IS NULL OR c.deleted_at IS NULL) AND NOT EXISTS "
                             "(SELECT 1 FROM sources s WHERE s.id = a.source_id AND s.deleted_at IS NOT NULL)")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.store.read(f"SELECT {_COLUMNS} {_FROM} {clause} ORDER BY a.captured_at, a.rowid", tuple(params))
        return [_attachment(r) for r in rows]

    def of_owners(self, source_ids: Sequence[str], citation_ids: Sequence[str]) -> list[model.Attachment]:
        """What ``attachments()`` gives of these sources' own files and these citations' (a batch of a stream)."""
        if not source_ids and not citation_ids:
            return []
        owner = []
        if citation_ids:
            owner.append(f"a.citation_id IN ({', '.join('?' * len(citation_ids))})")
        if source_ids:
            owner.append(f"(a.citation_id IS NULL AND a.source_id IN ({', '.join('?' * len(source_ids))}))")
        rows = self.store.read(
            f"SELECT {_COLUMNS} {_FROM} WHERE ({' OR '.join(owner)}) AND a.deleted_at IS NULL "
            "AND (a.citation_id IS NULL OR c.deleted_at IS NULL) AND NOT EXISTS "
            "(SELECT 1 FROM sources s WHERE s.id = a.source_id AND s.deleted_at IS NOT NULL) "
            "ORDER BY a.captured_at, a.rowid", (*citation_ids, *source_ids))
        return [_attachment(r) for r in rows]

    def counts(self) -> dict[str, int]:
        """How many attachments in force each source has, its citations' included (sources with none are absent)."""
        return dict(self.store.read(
            "SELECT a.source_id, count(*) FROM attachments a LEFT JOIN citations c ON c.id = a.citation_id "
            "WHERE a.deleted_at IS NULL AND (a.citation_id IS NULL OR c.deleted_at IS NULL) GROUP BY a.source_id"))

    def file(self, sha256: str | None) -> model.EvidenceFile | None:
        """The stored file with this SHA-256, or None."""
        row = self.store.execute(f"SELECT {_FILE_COLUMNS} FROM evidence_files WHERE sha256 = ?",
                                 (sha256,)).fetchone()
        return model.EvidenceFile(*row) if row else None

    def _file_id(self, sha256: str) -> int:
        row = self.store.read_one("SELECT id FROM evidence_files WHERE sha256 = ?", (sha256,))
        if row is None:
            raise NotFound(N_("This file is not stored in this copy of the project: it was attached in another copy "
                              "and has not come here yet (merge that copy, or ask for a hand-off)."))
        return row[0]

    def chunks(self, sha256: str) -> Iterator[bytes]:
        """A stored file's bytes, one chunk at a time (each read on its own: no statement stays open between)."""
        file_id = self._file_id(sha256)
        n = 0
        while True:
            row = self.store.read_one("SELECT CAST(data AS BLOB) FROM evidence_chunks WHERE file_id = ? AND n = ?",
                                      (file_id, n))
            if row is None:
                return
            yield _as_bytes(row[0])
            n += 1

    def write_to(self, sha256: str, out: BinaryIO, *, name: str = "") -> int:
        """Stream a stored file into ``out``, checking its SHA-256; its size. ``EvidenceDamaged`` when it does not match."""
        digest = hashlib.sha256()
        size = 0
        for chunk in self.chunks(sha256):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
        if digest.hexdigest() != sha256:
            raise self._damaged(sha256, name)
        return size

    def _damaged(self, sha256: str, name: str = "") -> EvidenceDamaged:
        stored = self.file(sha256)
        return EvidenceDamaged(N_(
            "The stored copy of “{name}” is damaged: its bytes no longer match their SHA-256 ({sha}). Run "
            "factcheck verify, and attach the original again if you still have it.",
            name=name or (stored.name if stored else sha256[:12]), sha=sha256[:12]))

    def export_to_temp(self, sha256: str, name: str | None = None) -> pathlib.Path:
        """A read-only copy (mode 0o400) of a stored file in this session's temporary folder, for a viewer.

        The folder is removed when the program exits. The copy is checked against its
        SHA-256 as it is written; a damaged one raises ``EvidenceDamaged`` and is not kept.
        """
        stored = self.file(sha256)
        if stored is None:
            self._file_id(sha256)  # raises the sentence for a file not in this copy
        filename = safe_name(name or stored.name)
        folder = session_folder() / sha256[:16]
        target = folder / filename
        if target.is_file() and target.stat().st_size == stored.size:
            return target
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as out:
                self.write_to(sha256, out, name=filename)
            os.chmod(tmp, 0o400)
            os.replace(tmp, target)
        except OSError as exc:
            raise KnownError(N_("A copy of {name} could not be written for viewing: {reason}.", name=filename,
                                reason=(exc.strerror or str(exc)).rstrip(".").lower())) from None
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return target

    # --- integrity --------------------------------------------------------------------

    def damaged_files(self) -> list[str]:
        """The SHA-256 of every stored file whose bytes (or size, or run of chunks) no longer match it."""
        found = []
        for file_id, sha, size in self.store.execute(  # a file at a time, however many the vault holds
                "SELECT id, sha256, size FROM evidence_files ORDER BY id"):
            digest = hashlib.sha256()
            total = expected = 0
            gap = False
            for n, data in self.store.execute(
                    "SELECT n, CAST(data AS BLOB) FROM evidence_chunks WHERE file_id = ? ORDER BY n", (file_id,)):
                gap = gap or n != expected
                piece = _as_bytes(data)
                digest.update(piece)
                total += len(piece)
                expected += 1
            if gap or total != size or digest.hexdigest() != sha:
                found.append(sha)
        return found

    def verify(self, verdict):
        """``verdict`` (an intact history and state), or one naming the attachments whose stored bytes no longer match."""
        from factcheck.core import events

        damaged = self.damaged_files()
        if not damaged:
            return verdict
        problems: list[Text] = []
        for sha in damaged:
            users = self.store.execute(
                "SELECT a.name, s.title, s.url, a.citation_id, c.claim_id FROM attachments a "
                "JOIN sources s ON s.id = a.source_id LEFT JOIN citations c ON c.id = a.citation_id "
                "WHERE a.sha256 = ? ORDER BY a.captured_at", (sha,)).fetchall()
            if not users:
                problems.append(N_("a stored file that nothing is attached to ({sha}) no longer matches its SHA-256: "
                                   "it was changed outside factcheck, or damaged.", sha=sha[:12]))
                continue
            name, title, url, citation_id, claim_id = users[0]
            where = (N_("a citation of “{source}” on claim {claim}", source=title or url, claim=(claim_id or "")[:8])
                     if citation_id else N_("the source “{source}”", source=title or url))
            problems.append(N_("the file “{name}” attached to {where} no longer matches its SHA-256 ({sha}): its "
                               "stored bytes were changed outside factcheck, or damaged.", name=name, where=where,
                               sha=sha[:12]))
        text = problems[0]
        if len(problems) == 2:
            text = N_("{problem} 1 more stored file does not match either.", problem=text)
        elif len(problems) > 2:
            text = N_("{problem} {n} more stored files do not match either.", problem=text, n=len(problems) - 1)
        return events.Verdict(False, verdict.events, None, text, verdict.entities)


# --- this session's temporary folder ------------------------------------------------------------

_session: dict[str, pathlib.Path] = {}


def session_folder() -> pathlib.Path:
    """A private temporary folder for this run's read-only copies; removed when the program exits."""
    folder = _session.get("folder")
    if folder is None or not folder.is_dir():
        folder = pathlib.Path(tempfile.mkdtemp(prefix="factcheck-evidence-"))
        _session["folder"] = folder
        atexit.register(remove_session_folder, folder)
    return folder


def remove_session_folder(folder: pathlib.Path | None = None) -> None:
    """Remove the temporary folder of read-only copies (made writable first: Windows will not delete them)."""
    folder = folder or _session.get("folder")
    if folder is None:
        return

    def writable(func, path, _exc) -> None:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700)
            func(path)

    for root, dirs, files in os.walk(folder):
        for entry in (*dirs, *files):
            with contextlib.suppress(OSError):
                os.chmod(os.path.join(root, entry), 0o700)
    shutil.rmtree(folder, onerror=writable)
    if _session.get("folder") == folder:
        _session.pop("folder")
