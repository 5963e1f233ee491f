"""Open a ZIP-based document (Word, OpenDocument, EPUB) without trusting it.

Nothing is ever extracted to disk: members are read into memory by name, so a name such
as ``../../.bashrc`` could do no harm, and it is refused anyway, since no real document
holds one. Before ``zipfile`` is asked to read the central directory, its end record is
checked, so a file claiming millions of entries is refused unread. Each member is read in
bounded chunks while counting what comes out: the sizes a header declares are never
trusted, and a member that inflates past its limit, or far more than any document's
XML does, is refused at that point, before the rest is decompressed. XML is parsed by
``parse_xml``: no DTD loaded, no entity expanded, no network, libxml2's default limits.

Every failure is an ``ImportRefused`` with one sentence naming the kind of document.
"""

from __future__ import annotations

import contextlib
import io
import logging
import posixpath
import re
import struct
import zipfile
import zlib

from factcheck.core.errors import BugError, ImportCancelled, ImportRefused
from factcheck.core.text import N_, Text

LOGGER = logging.getLogger(__name__)

# --------------------------------------------------------------------------- limits
# The numbers leave a wide margin over real documents while keeping a hostile file's cost
# small. For scale: Word writes about 1 KB of XML per short paragraph, so 1,000 pages of
# text make a document.xml of a few MB (10-20 MB with heavy formatting); python-docx's
# package holds 17 parts; an EPUB holds one part per chapter, image and font.

#: Most entries a document may list: Word files hold a few dozen, EPUBs a few hundred;
#: 10,000 leaves room for a book of scanned pages while keeping the directory zipfile
#: builds in memory small (a ZipInfo is ~0.5 KB).
MAX_ENTRIES = 10_000
#: Largest central directory (bytes), checked before zipfile reads it: 10,000 entries with
#: long names and extra fields stay well under it.
MAX_DIRECTORY_BYTES = 8 * 1024 * 1024
#: Most bytes one member may inflate to: five times the largest document.xml we expect,
#: and what lxml then holds as a tree is several times this.
MAX_MEMBER_BYTES = 100 * 1024 * 1024
#: Most bytes all members read from one file may inflate to, together (an EPUB's chapters).
MAX_TOTAL_BYTES = 250 * 1024 * 1024
#: Highest compression ratio accepted once a member has inflated past ``RATIO_FLOOR``.
#: Office and EPUB XML deflates 5-30 times (python-docx's styles.xml 29, a 300-page
#: document of one paragraph repeated 92); deflate's ceiling, reached by runs of zeros,
#: is ~1,030, which is what zip bombs are made of. Apache POI's default refuses an entry
#: past 100; 200, and only past 1 MB, is laxer for real documents.
MAX_RATIO = 200
#: Small members are not held to ``MAX_RATIO``: a 1 MB part does no harm whatever it is.
RATIO_FLOOR = 1024 * 1024
#: How much is inflated at a time.
CHUNK = 256 * 1024

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
#: An end record is 22 bytes plus a comment of up to 65,535.
_EOCD_SEARCH = 22 + 65535


class DocumentZip:
    """A ZIP-based document opened for reading members by name (see the module docstring).

    Args:
        data: the file's bytes.
        kind: how sentences name the document, e.g. ``N_("Word document")``.
    """

    def __init__(self, data: bytes, kind: Text):
        self.kind = kind
        self.read_total = 0
        found = end_record(data)
        if found is None:
            raise self.damaged()
        entries, directory = found
        if entries > MAX_ENTRIES or directory > MAX_DIRECTORY_BYTES:
            raise self._too_many()
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
                KeyError, IndexError, struct.error, UnicodeDecodeError, NotImplementedError) as exc:
            raise self.damaged() from exc
        if len(infos) > MAX_ENTRIES:
            raise self._too_many()
        for info in infos:
            if not _safe_name(info.filename):
                raise ImportRefused(N_(
                    "This {kind} is damaged or forged: it holds a part named “{part}”, which "
                    "points outside the document.", kind=kind, part=_shown(info.filename)))
        self._infos = {info.filename: info for info in infos}

    # ---------------------------------------------------------------- sentences

    def damaged(self) -> ImportRefused:
        return damaged(self.kind)

    def _too_many(self) -> ImportRefused:
        return ImportRefused(N_(
            "This {kind} holds too many parts (more than {limit}) to be a real document.",
            kind=self.kind, limit=f"{MAX_ENTRIES:,}"))

    def _too_large(self) -> ImportRefused:
        return ImportRefused(N_(
            "This {kind} holds more text than factcheck reads (over {limit} MB once "
            "unpacked), or is a “zip bomb”.", kind=self.kind,
            limit=f"{MAX_MEMBER_BYTES // (1024 * 1024)}"))

    # ---------------------------------------------------------------- reading

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes | None:
        """A member's bytes, or None if there is no such member; refused past the limits."""
        info = self._infos.get(name)
        if info is None:
            return None
        if info.flag_bits & 0x1:
            raise ImportRefused(protected(self.kind))
        # What the header declares is checked first (a zip bomb usually says what it is),
        # then what actually comes out, chunk by chunk (a forged header may lie).
        if info.file_size > MAX_MEMBER_BYTES or self.read_total + info.file_size > MAX_TOTAL_BYTES:
            raise self._too_large()
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise self._too_large()
        budget = min(MAX_MEMBER_BYTES, MAX_TOTAL_BYTES - self.read_total)
        compressed = max(info.compress_size, 1)
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as member:
                while True:
                    chunk = member.read(CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > budget or (size > RATIO_FLOOR and size > MAX_RATIO * compressed):
                        raise self._too_large()
                    chunks.append(chunk)
        except ImportRefused:
            raise
        except RuntimeError as exc:  # "File is encrypted, password required"
            raise ImportRefused(protected(self.kind)) from exc
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, struct.error,
                NotImplementedError, LookupError, MemoryError) as exc:
            raise self.damaged() from exc
        self.read_total += size
        return b"".join(chunks)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> DocumentZip:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def end_record(data: bytes) -> tuple[int, int] | None:
    """(entries, central directory bytes) as the end record announces them (ZIP64 too),
    read without zipfile, or None if there is no sound end record."""
    start = data.rfind(_EOCD, max(0, len(data) - _EOCD_SEARCH))
    if start < 0 or len(data) - start < 22:
        return None
    (_, _, _, _, entries, directory, offset, _) = struct.unpack("<4sHHHHIIH", data[start:start + 22])
    if entries == 0xFFFF or directory == 0xFFFFFFFF or offset == 0xFFFFFFFF:
        locator = start - 20
        if locator < 0 or data[locator:locator + 4] != _ZIP64_LOCATOR:
            return None
        (record,) = struct.unpack("<Q", data[locator + 8:locator + 16])
        if record + 56 > len(data) or data[record:record + 4] != _ZIP64_EOCD:
            return None
        entries, directory = struct.unpack("<QQ", data[record + 32:record + 48])
    if directory > len(data):
        return None
    return entries, directory


def fits(data: bytes) -> bool:
    """Whether zipfile may be asked to read this file's directory (a sound end record
    announcing at most ``MAX_ENTRIES`` entries in at most ``MAX_DIRECTORY_BYTES``)."""
    found = end_record(data)
    return found is not None and found[0] <= MAX_ENTRIES and found[1] <= MAX_DIRECTORY_BYTES


def kind_from_headers(data: bytes) -> str:
    """What a ZIP-based document that zipfile cannot or should not open is, as
    ``_normalize.sniff_document`` names it, from its first local headers: ODF and EPUB
    store their "mimetype" first and uncompressed; a Word file names its word/ parts."""
    if data.startswith(b"PK\x03\x04") and len(data) >= 30:
        name_length, extra_length = struct.unpack("<HH", data[26:30])
        if data[30:30 + name_length] == b"mimetype":
            start = 30 + name_length + extra_length
            mimetype = data[start:start + 60]
            if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
                return "OpenDocument"
            if mimetype.startswith(b"application/epub+zip"):
                return "EPUB"
    if b"word/document.xml" in data:
        return "Word (.docx)"
    return "ZIP"


@contextlib.contextmanager
def refusing(kind: Text):
    """Turn anything unexpected that a hostile file makes the reader raise into a refusal
    (logged, since it may also be a bug of ours), never a traceback."""
    try:
        yield
    except (ImportRefused, ImportCancelled, BugError):
        raise
    except (RecursionError, MemoryError) as exc:
        raise ImportRefused(N_("This {kind} is too deeply nested or too large to read.", kind=kind)) from exc
    except Exception as exc:
        LOGGER.warning("reading a %s failed", kind, exc_info=True)
        raise damaged(kind) from exc


def damaged(kind: Text) -> ImportRefused:
    """The refusal of a truncated or corrupt document."""
    return ImportRefused(N_("This {kind} is damaged (perhaps not fully downloaded or copied) and "
                            "cannot be read.", kind=kind))


def protected(kind: Text) -> Text:
    """The sentence for a document protected with a password."""
    return N_("This {kind} is protected with a password, which factcheck cannot open: open it, "
              "save a copy without the password and import that copy.", kind=kind)


def _safe_name(name: str) -> bool:
    """Whether a member name is a plain relative path inside the document."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return False
    if len(name) > 1 and name[1] == ":":  # a Windows drive, "C:..."
        return False
    return ".." not in name.split("/")


def _shown(name: str) -> str:
    """A member name as a sentence shows it: printable, and not too long."""
    name = "".join(c if c.isprintable() else "?" for c in name)
    return name if len(name) <= 80 else name[:79] + "…"


def resolve(base: str, href: str) -> str | None:
    """The member name ``href`` points to (relative to the member ``base``, or to the root
    if it starts with "/"; already unquoted), or None if it leaves the document."""
    if not href or "\\" in href or "\x00" in href:
        return None
    path = href.lstrip("/") if href.startswith("/") else posixpath.join(posixpath.dirname(base), href)
    joined = posixpath.normpath(path)
    if joined in (".", "/") or not _safe_name(joined):
        return None
    return joined


# --------------------------------------------------------------------------- XML

_PARSER_OPTIONS = dict(
    resolve_entities=False,  # &lol9; stays a reference: no billion laughs, no file reads
    load_dtd=False,
    no_network=True,
    huge_tree=False,  # libxml2's limits: depth 256, text nodes of at most 10 MB
    dtd_validation=False,
    remove_pis=True,
    collect_ids=False,
)


_DOCTYPE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*<!DOCTYPE", re.S)


def parse_xml(data: bytes, kind: Text):
    """The root element of an XML part, parsed without DTDs or entities.

    A part that declares a DTD is refused: OOXML and ODF parts never carry one, so it is
    either forged (an entity bomb, an external entity) or not the document it says.
    """
    from lxml import etree

    forged = ImportRefused(N_("This {kind} is damaged or forged: its XML declares entities or a "
                              "DTD, which real documents never do.", kind=kind))
    if _DOCTYPE.match(data):
        raise forged  # refused unparsed (a UTF-16 part is caught by the check below)
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise damaged(kind) from exc
    if root is None:
        raise damaged(kind)
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise forged
    return root
