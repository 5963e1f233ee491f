"""Shared helpers of the importers: refuse binary files, decode bytes, normalize text.

Decoding order: a byte-order mark decides; then BOM-less UTF-16 recognised by its NUL
pattern; then strict UTF-8; then charset-normalizer restricted to a few single-byte
encodings, with Windows-1252 preferred whenever it reads as plausible text. Anything that
is clearly binary, or that no candidate can make sense of, is refused with one sentence.

Normalizing (``normalize_text``) gives the text every article stores: NFC, ``\\n`` line
ends, no BOM, no control characters other than ``\\n`` and ``\\t``, no trailing spaces,
at most one blank line in a row, no blank lines at either end. It is idempotent.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile
import zlib

from factcheck.core.errors import ImportRefused
from factcheck.core.text import N_, Text

# --------------------------------------------------------------------------- binary sniffing

#: (magic bytes at offset 0, description). Checked in order; the first match wins.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", N_("a PNG image")),
    (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"GIF87a", N_("a GIF image")),
    (b"GIF89a", N_("a GIF image")),
    (b"II*\x00", N_("a TIFF image")),
    (b"MM\x00*", N_("a TIFF image")),
    (b"\x00\x00\x01\x00", N_("an icon file")),
    (b"SQLite format 3\x00", N_("a database file (perhaps a factcheck project)")),
    (b"\x1f\x8b", N_("a compressed (gzip) file")),
    (b"BZh", ""),  # checked more strictly below: plain text may start with "BZh"
    (b"\xfd7zXZ\x00", N_("a compressed (xz) file")),
    (b"(\xb5/\xfd", N_("a compressed (zstd) file")),
    (b"7z\xbc\xaf\x27\x1c", N_("a 7-Zip archive")),
    (b"Rar!\x1a\x07", N_("a RAR archive")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("an old Microsoft Office file (.doc, .xls or .ppt)")),
    (b"\x7fELF", N_("a program")),
    (b"\xca\xfe\xba\xbe", N_("a program")),
    (b"\xcf\xfa\xed\xfe", N_("a program")),
    (b"\x00asm", N_("a program")),
    (b"OggS", N_("an audio or video file")),
    (b"fLaC", N_("an audio file")),
    (b"\x1aE\xdf\xa3", N_("a video file")),
    (b"wOFF", N_("a font file")),
    (b"wOF2", N_("a font file")),
    (b"%!PS", N_("a PostScript file")),
)


def sniff_binary(data: bytes) -> Text | None:
    """What known binary format ``data`` is, as "a PNG image", or None.

    PDF, Word and other office documents are reported by ``sniff_document`` instead,
    because they get a "not supported yet" sentence rather than "not a text article".
    """
    head = data[:64]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            if magic == b"BZh":
                if len(head) >= 10 and head[3:4].isdigit() and head[4:10] == b"1AY&SY":
                    return N_("a compressed (bzip2) file")
                continue
            return what
    if head[:4] == b"RIFF" and len(head) >= 12:
        kind = head[8:12]
        if kind == b"WEBP":
            return N_("a WebP image")
        if kind == b"WAVE":
            return N_("an audio file")
        if kind.startswith(b"AVI"):
            return N_("a video file")
        return N_("a media file")
    if len(head) >= 12 and head[4:8] == b"ftyp":
        if head[8:12] in (b"heic", b"heix", b"mif1", b"avif"):
            return N_("an image file")
        return N_("an audio or video file")
    if head.startswith(b"ID3") and len(head) >= 6 and head[3] < 5 and head[4] == 0:
        return N_("an audio file")
    return None


def sniff_document(data: bytes) -> str | None:
    """The name of a document format that factcheck cannot import yet, or None.

    Returns "PDF", "Word (.docx)", "OpenDocument", "EPUB", "RTF", "Protected Office" (an
    Office file encrypted with a password), "MHTML" (a saved web page), "WARC" (a web
    archive, plain or gzip), "WACZ" (a zipped web archive), or "ZIP" for any other
    ZIP-based file (an archive, a spreadsheet, a presentation, ...).
    """
    head = data[:64]
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF-"):
        return "PDF"
    if head.startswith(b"{\\rtf"):
        return "RTF"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") and "EncryptedPackage".encode("utf-16-le") in data:
        return "Protected Office"  # a password-protected .docx (.xlsx, .pptx) is an OLE file
    web = _sniff_web_archive(data)
    if web:
        return web
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        from factcheck.importers import _zipsafe

        if not _zipsafe.fits(data):  # a directory too large to read: a forged file
            return _zipsafe.kind_from_headers(data)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                mimetype = ""
                if "mimetype" in names:
                    with archive.open("mimetype") as member:
                        mimetype = member.read(100).decode("ascii", "replace")
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError,
                NotImplementedError, RuntimeError):
            return _zipsafe.kind_from_headers(data)  # damaged: named by its first parts
        if "word/document.xml" in names:
            return "Word (.docx)"
        if mimetype.startswith("application/vnd.oasis.opendocument.text"):
            return "OpenDocument"
        if mimetype == "application/epub+zip":
            return "EPUB"
        if "xl/workbook.xml" in names:
            return "Excel"
        if "ppt/presentation.xml" in names:
            return "PowerPoint"
        if ("datapackage.json" in names or "pages/pages.jsonl" in names) and any(
                n.startswith("archive/") and n.lower().endswith((".warc", ".warc.gz")) for n in names):
            return "WACZ"  # a web archive: WARC files, a page list and a manifest
        return "ZIP"
    return None


_MIME_HEADER_LINE = re.compile(rb"^(?:[!-9;-~]+:|[ \t])")


def _sniff_web_archive(data: bytes) -> str | None:
    """"WARC" (plain, or gzip whose first bytes unpack to "WARC/"), "MHTML" (a MIME message
    whose type is multipart/related or text/html, as browsers save pages), or None."""
    if data.startswith(b"WARC/"):
        return "WARC"
    if data.startswith(b"\x1f\x8b"):
        try:
            start = zlib.decompressobj(31).decompress(data[:65536], 16)
        except zlib.error:
            return None
        return "WARC" if start.startswith(b"WARC/") else None
    head = data[:16384]
    end = re.search(rb"\r?\n\r?\n", head)
    if end is None or not head[:1].isalpha():
        return None
    lines = head[:end.start()].splitlines()
    if not all(_MIME_HEADER_LINE.match(line) for line in lines):
        return None
    block = b"\n".join(lines).lower()
    if b"\nmime-version:" not in b"\n" + block:
        return None
    found = re.search(rb"(?:^|\n)content-type:\s*([a-z0-9.+/-]+)", block)
    return "MHTML" if found and found.group(1) in (b"multipart/related", b"text/html") else None


#: What to say for each document format ``sniff_document`` reports.
DOCUMENT_SENTENCES = {
    # Read by their own modules: these are said of a file only named like one.
    "PDF": N_("This file is named like a PDF but is not one: it is damaged, or another kind "
              "of file renamed."),
    "Word (.docx)": N_("This file is named like a Word document (.docx) but is not one: it is "
                       "damaged, or another kind of file renamed."),
    "OpenDocument": N_("This file is named like an OpenDocument text file (.odt) but is not "
                       "one: it is damaged, or another kind of file renamed."),
    "EPUB": N_("This file is named like an e-book (.epub) but is not one: it is damaged, or "
               "another kind of file renamed."),
    "Word (.doc)": N_("Old Word documents (.doc) cannot be imported: open the document in Word "
                      "or LibreOffice, save it as .docx and import that."),
    "RTF": N_("RTF documents cannot be imported yet: save the document as plain text (.txt) "
              "or copy and paste the article text instead."),
    "Excel": N_("This is an Excel spreadsheet, not a text article."),
    "PowerPoint": N_("This is a PowerPoint presentation, not a text article."),
    "ZIP": N_("This is a ZIP archive, not a text article: unpack it and import the article "
              "file inside."),
}


# --------------------------------------------------------------------------- decoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Single-byte encodings charset-normalizer may choose from. Windows-1252 (a superset of
#: Latin-1's printable range) is the default for Western text; Central European and
#: Cyrillic files are recognised only when charset-normalizer sees a language in them.
_CANDIDATES = ["cp1252", "latin_1", "cp1250", "cp1251"]

# C0 controls other than \t \n \v \f \r, and the C1 range a Latin-1 decode can produce.
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def looks_like(name: str, what: Text) -> Text:
    """"The file “x” looks like a PNG image, not a text article." (``what`` from ``sniff_binary``)."""
    if name:
        return N_("The file “{name}” looks like {what}, not a text article.", name=name, what=what)
    return N_("This file looks like {what}, not a text article.", what=what)


def looks_like_utf16(data: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" if BOM-less ``data`` has UTF-16's NUL pattern, else None.

    Text in a Latin script encoded as UTF-16 has a NUL in every other byte (the high byte
    of each ASCII character); 8-bit text and most binary files do not.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:65536]
    half = len(sample) // 2
    nul_even = sample[0::2].count(0)
    nul_odd = sample[1::2].count(0)
    if nul_odd >= 0.3 * half and nul_even <= 0.02 * half:
        return "utf-16-le"
    if nul_even >= 0.3 * half and nul_odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _plausible(text: str, *, legacy: bool = False, western: bool = False) -> bool:
    """Whether a decoded string reads like text rather than decoded binary data.

    Every decoding must be nearly free of control characters. A ``legacy`` decoding (a
    single-byte code page, which turns any bytes into *some* characters) must also be
    mostly letters, digits and spaces, and a ``western`` one mostly ASCII, as Western
    text in Windows-1252 is and random bytes are not.
    """
    sample = text[:100_000]
    n = len(sample)
    if not n:
        return True
    if not legacy:
        return len(_BINARY_CONTROLS.findall(sample)) <= 1 + n // 100
    # A single-byte code page turns any byte into *some* character: real text in one has
    # no control characters at all (bar the DOS end-of-file mark).
    if _BINARY_CONTROLS.search(sample.rstrip("\x1a")):
        return False
    if "\ufffd" in sample:
        return False
    wordish = sum(1 for c in sample if c.isalnum() or c.isspace())
    if wordish < 0.4 * n:
        return False
    if western:
        non_ascii = sum(1 for c in sample if ord(c) > 0x7F)
        if non_ascii > 0.35 * n:
            return False
    return True


def _refuse_binary(name: str) -> ImportRefused:
    if name:
        return ImportRefused(N_("The file “{name}” looks like a binary file, not a text article.", name=name))
    return ImportRefused(N_("This file looks like a binary file, not a text article."))


def decode_bytes(data: bytes, name: str = "", *, declared: str | None = None) -> str:
    """Decode the bytes of a text file to ``str`` (not normalized yet).

    ``declared`` is an encoding the file itself names (an HTML ``<meta charset>``), used
    for bytes that are not valid UTF-8; a BOM wins over it.
    Raises ``ImportRefused`` for empty, binary or undecodable data.
    """
    if not data:
        raise ImportRefused(N_("The file is empty."))
    what = sniff_binary(data)
    if what:
        raise ImportRefused(looks_like(name, what))

    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ImportRefused(
                    N_("The file “{name}” says it is {encoding} text but is damaged or not text.",
                       name=name, encoding=encoding.upper()) if name
                    else N_("This file says it is {encoding} text but is damaged or not text.",
                            encoding=encoding.upper())
                ) from exc

    utf16 = looks_like_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise _refuse_binary(name) from exc
        if not _plausible(text):
            raise _refuse_binary(name)
        return text

    if b"\x00" in data:
        raise _refuse_binary(name)

    # Valid UTF-8 wins even over a declared encoding: non-ASCII text in another encoding
    # is almost never valid UTF-8 by chance, while pages saved as UTF-8 that still
    # declare their original "windows-1252" are common.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _plausible(text):
            raise _refuse_binary(name)
        return text

    if declared:
        text = _decode_declared(data, declared)
        if text is not None:
            if not _plausible(text):
                raise _refuse_binary(name)
            return text

    text = _decode_legacy(data)
    if text is None:
        raise ImportRefused(
            N_("The file “{name}” is not readable text: it is neither UTF-8 nor a known "
               "Western, Central European or Cyrillic encoding.", name=name) if name
            else N_("This file is not readable text: it is neither UTF-8 nor a known "
                    "Western, Central European or Cyrillic encoding.")
        )
    return text


def _decode_declared(data: bytes, declared: str) -> str | None:
    """Decode with an encoding named inside the file, or None to detect it instead."""
    try:
        encoding = codecs.lookup(declared.strip().lower()).name
    except LookupError:
        return None
    # What browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean Windows-1252,
    # and a UTF-16 label inside ASCII-compatible bytes means UTF-8.
    if encoding in ("latin-1", "iso8859-1", "ascii"):
        encoding = "cp1252"
    elif encoding.startswith(("utf-16", "utf-32")):
        encoding = "utf-8"
    if encoding == "utf-8":
        return None  # not valid UTF-8 (tried first): a wrong declaration, detect instead
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return data.decode(encoding, errors="replace")  # what a browser shows
    except LookupError:  # pragma: no cover - codecs.lookup succeeded above
        return None


def _decode_legacy(data: bytes) -> str | None:
    """Decode non-UTF-8 bytes with charset-normalizer and a Windows-1252 preference."""
    import charset_normalizer  # imported here: only needed for non-UTF-8 files

    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None

    matches = list(charset_normalizer.from_bytes(data, cp_isolation=_CANDIDATES))
    if matches:
        best = min(m.chaos for m in matches)
        # charset-normalizer lists equivalent decodings once, under any of the names:
        # prefer Windows-1252 whenever one of the good matches reads the same.
        for match in matches:
            if (
                cp1252 is not None
                and match.chaos <= best + 0.05
                and str(match) == cp1252
                and _plausible(cp1252, legacy=True)
            ):
                return cp1252
        # Another encoding wins only when charset-normalizer recognised a language in it.
        for match in matches:
            if match.encoding != "cp1252" and match.coherence >= 0.3:
                text = str(match)
                if _plausible(text, legacy=True):
                    return text
    if cp1252 is not None and _plausible(cp1252, legacy=True, western=True):
        return cp1252
    for match in matches:
        text = str(match)
        if _plausible(text, legacy=True, western=match.encoding in ("cp1252", "latin_1")):
            return text
    return None


# --------------------------------------------------------------------------- normalizing

# Line ends besides \n: CR LF and CR, and the rarer VT, FF, NEL, LS and PS.
_RARE_LINE_ENDS = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")
# C0 controls other than \t and \n (\r, \v and \f are line ends, replaced before), as bytes:
# in UTF-8 they never occur inside a multi-byte character, so deleting them is safe.
_CONTROL_BYTES = bytes(c for c in range(0x20) if c not in (0x09, 0x0A))
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_source(text: str) -> str:
    """The first half of ``normalize_text``, for sources parsed afterwards (Markdown, where
    trailing spaces mean a line break): no BOM, ``\\n`` line ends, no C0 controls, NFC.

    Written with str/bytes methods rather than regular expressions where it can be:
    they are ten times faster on the multi-megabyte files this must handle.
    """
    # A BOM is only meaningful at the start, but files glued together carry one inside:
    # U+FEFF as "zero-width no-break space" is deprecated (U+2060 replaced it), so all go.
    text = text.replace("\ufeff", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(c in text for c in "\x0b\x0c\x85\u2028\u2029"):
        text = _RARE_LINE_ENDS.sub("\n", text)
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates, only possible in pasted text
        text = _SURROGATES.sub("\ufffd", text)
        encoded = text.encode("utf-8")
    cleaned = encoded.translate(None, _CONTROL_BYTES)
    if len(cleaned) != len(encoded):
        text = cleaned.decode("utf-8")
    return unicodedata.normalize("NFC", text)


def normalize_text(text: str) -> str:
    """The stored form of an article's text (see the module docstring). Idempotent."""
    text = clean_source(text)
    # str.rstrip() strips exactly what a regex \s would: Unicode whitespace.
    text = "\n".join([line.rstrip() for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    # Lines made only of whitespace are empty now, so this strips leading/trailing blanks.
    return text.strip("\n")


def collapse_spaces(text: str) -> str:
    """One paragraph's text on one line: runs of whitespace (also newlines) become one space."""
    return " ".join(text.split())


def trim_title(line: str, limit: int) -> str:
    """``line`` stripped and, if longer than ``limit``, cut at a word boundary with "…"."""
    line = collapse_spaces(line)
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


def first_line_title(text: str, limit: int) -> str:
    """The first non-empty line of ``text``, trimmed to ``limit`` characters."""
    for line in text.split("\n"):
        if line.strip():
            return trim_title(line, limit)
    return ""


def join_blocks(blocks: list[str]) -> str:
    """Blocks (paragraphs, headings, list items) separated by one blank line, normalized."""
    return normalize_text("\n\n".join(b for b in (normalize_text(b) for b in blocks) if b))
