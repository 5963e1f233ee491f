"""Web archives: WARC (``.warc``, ``.warc.gz``) and WACZ (``.wacz``), read with warcio.

A web archive holds every HTTP response a capture received: the page, its images, style
sheets, scripts, frames, and on a crawl many pages. The records are read one at a time
(streaming: only the HTML responses are kept, one page at a time, and bounded), and the
article page is picked:

- In a WACZ, the first page ``pages/pages.jsonl`` lists is the page its author captured:
  its response (following the archive's own redirects, at most five) is read.
- Otherwise, among the complete HTML responses with status 200 whose URL is not an asset
  (a ``.js``, ``.css``, ``.json``, image or font address, or a non-web ``urn:``/``about:``
  one), the one with the most article text wins: the most characters in paragraphs
  (``<p>``) of 15 words or more, outside links, held by one element (on a tie, the one
  with more visible text, then the earlier record). Not simply the largest response: a
  video player or an advertising frame, mostly script, is often larger than the
  article, and a section front's teasers are many, but each in a box of its own.

The HTTP body is what warcio gives after undoing chunked transfer and gzip/deflate
content encoding; its charset is the HTTP header's (then the page's ``<meta>``). The
page is then read as any HTML page is (``html.article_from_html``); the URL it was
captured at becomes the article's URL; the archive itself is the version's original.
Nothing is ever fetched.

A truncated archive: the records before the cut are read, and a page among them that
is complete is imported, with a notice saying the archive is cut short; a record cut in
the middle is never used (half a page would pass for the whole). If no complete page
comes before the cut, the archive is refused with one sentence.

Limits: the archive itself (``MAX_DOCUMENT_BYTES``), what it unpacks to
(``MAX_UNPACKED_BYTES``, checked against each record's declared length before it is
unpacked, and against what actually comes out), one page (``MAX_IMPORT_BYTES``). A WACZ
is opened through ``_zipsafe.DocumentZip`` (no name leaving the archive, bounded entry
count, members' declared sizes and ratios checked); its WARC members are streamed.
"""

from __future__ import annotations

import io
import json
import logging
import re
import urllib.parse
import zlib
from dataclasses import dataclass

from factcheck.core.errors import ImportCancelled, ImportRefused
from factcheck.core.text import N_
from factcheck.importers import MAX_IMPORT_BYTES, ImportedArticle

LOGGER = logging.getLogger(__name__)

#: Most bytes the records of one archive may unpack to, together. A capture of one news
#: page with its images is a few MB; a 300 MB .warc.gz of text may unpack to ~1.5 GB.
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
#: Most records looked at.
MAX_RECORDS = 1_000_000
#: Redirects followed from a WACZ's listed page.
MAX_REDIRECTS = 5
#: Largest pages/pages.jsonl read (only its first lines matter).
MAX_PAGES_LIST = 16 * 1024 * 1024

WARC_MIME = "application/warc"
WACZ_MIME = "application/wacz"

#: URL endings of responses that are never the article, whatever type they claim.
_ASSET_EXTENSIONS = frozenset("""
    css js mjs cjs json map xml rss atom txt csv png jpg jpeg gif webp avif svg ico bmp tif
    tiff woff woff2 ttf otf eot mp3 mp4 m4a m4v webm ogg ogv oga wav flac mov avi mkv pdf zip
    gz wasm swf
""".split())
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)
#: Words of a paragraph that counts as article text when picking the page.
_PARAGRAPH_WORDS = 15


class _Cut(Exception):
    """The archive ends (or is damaged) in the middle of a record."""


class _TooLarge(Exception):
    """The archive unpacks to more than ``MAX_UNPACKED_BYTES``."""


class _Stream:
    """A file-like reader over an archive's (unpacked) bytes that notices a cut (EOF inside
    gzip data, a damaged gzip member) instead of raising, and counts what comes out."""

    def __init__(self, inner, budget: list[int]):
        self.inner = inner
        self.budget = budget  # [bytes still allowed], shared by an archive's members
        self.cut = False
        self.position = 0
        self.head = b""  # the first bytes that came out

    def read(self, size: int = -1) -> bytes:
        if self.cut:
            return b""
        try:
            chunk = self.inner.read(size)
        except (EOFError, OSError, zlib.error):  # truncated or damaged gzip data
            self.cut = True
            return b""
        if len(self.head) < 8:
            self.head += chunk[:8 - len(self.head)]
        self.position += len(chunk)
        self.budget[0] -= len(chunk)
        if self.budget[0] < 0:
            raise _TooLarge
        return chunk

    def tell(self) -> int:
        return self.position


class _Gunzip:
    """Concatenated gzip members, unpacked as a stream. Unlike ``gzip.GzipFile``, what was
    unpacked before a cut is returned (then ``cut`` is set), and each step's output is
    bounded, so a gzip bomb is counted as it unpacks."""

    _STEP = 4 * 1024 * 1024

    def __init__(self, raw):
        self.raw = raw
        self.inflater = zlib.decompressobj(31)
        self.input = b""
        self.started = False  # inside a member whose end has not come
        self.done = False
        self.cut = False
        self.buffer = b""
        self.offset = 0

    def _fill(self) -> None:
        while self.offset >= len(self.buffer) and not self.done:
            if self.inflater.unconsumed_tail:
                data = self.inflater.unconsumed_tail
            elif self.input:
                data, self.input = self.input, b""
            else:
                data = self.raw.read(65536)
                if not data:
                    self.cut = self.cut or self.started
                    self.done = True
                    return
            if not self.started:
                while len(data) < 2:
                    more = self.raw.read(65536)
                    if not more:
                        break
                    data += more
                if data[:2] != b"\x1f\x8b":  # the padding some tools write after the last member
                    self.done = True
                    return
                self.started = True
            try:
                out = self.inflater.decompress(data, self._STEP)
            except zlib.error:
                self.cut = self.done = True
                return
            self.buffer, self.offset = out, 0
            if self.inflater.eof:
                self.input = self.inflater.unused_data
                self.inflater = zlib.decompressobj(31)
                self.started = False

    def read(self, size: int = -1) -> bytes:
        size = self._STEP if size is None or size < 0 else size
        self._fill()
        chunk = self.buffer[self.offset:self.offset + size]
        self.offset += len(chunk)
        return chunk


@dataclass
class _Page:
    """An HTML response that may be the article."""

    ordinal: int  # its place among all records of the archive (members in order)
    url: str
    score: tuple[int, int]
    body: bytes | None
    charset: str | None


class _Archive:
    """The HTML pages and redirects of one archive's records (all its WARC members)."""

    def __init__(self, name: str, total: int, progress):
        self.name = name
        self.total = max(total, 1)
        self.progress = progress
        self.budget = [MAX_UNPACKED_BYTES]
        self.pages: list[_Page] = []
        self.redirects: dict[str, str] = {}
        self.records = 0
        self.encoded: set[str] = set()  # content encodings of pages warcio cannot undo
        self.warc = False  # some member starts as a WARC file does
        self.cut = False
        self.done = 0  # raw bytes of earlier members
        self.best: _Page | None = None
        self.wanted: set[str] = set()

    def _report(self, raw_position: int) -> None:
        if self.progress is not None and self.progress(min(self.done + raw_position, self.total), self.total) is False:
            raise ImportCancelled(N_("The import was cancelled."))

    def scan(self, raw, gzipped: bool, *, keep: int | None = None) -> _Page | None:
        """Read one WARC stream's records; with ``keep``, only fetch that record's body."""
        from warcio.archiveiterator import ArchiveIterator

        class Records(ArchiveIterator):
            INC_RECORD = ""  # warcio writes this warning to stderr: we report cuts ourselves

        counted = _Stream(raw, [MAX_UNPACKED_BYTES * 2])  # raw bytes, for progress only
        unpacked = _Gunzip(counted) if gzipped else None
        stream = _Stream(unpacked if gzipped else counted, self.budget)
        found = record = None
        try:
            records = Records(stream, no_record_parse=False)
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    # warcio has read the last record to its end: did the file end first, in
                    # its body or in the headers of one more (``next_line``: their first line)?
                    if (record is not None and getattr(record.raw_stream, "limit", 0) > 0) or records.next_line:
                        self.cut = True
                    break
                ordinal = self.records
                self.records += 1
                if self.records > MAX_RECORDS:
                    break
                if ordinal % 64 == 0:
                    self._report(counted.position)
                if record.length is not None and record.length > self.budget[0]:
                    raise _TooLarge
                if keep is not None:
                    if ordinal == keep:
                        body, charset, complete = self._body(record, stream)
                        found = _Page(ordinal, "", (0, 0), body if complete else None, charset)
                        break
                    continue
                try:
                    self._record(ordinal, record, stream)
                except (ValueError, UnicodeError):  # an address or header that makes no sense
                    LOGGER.debug("web archive record %d skipped", ordinal, exc_info=True)
        except (_TooLarge, ImportCancelled):
            raise
        except Exception:  # noqa: BLE001 - warcio's parse errors: the archive is damaged here
            LOGGER.info("web archive damaged after %d records", self.records, exc_info=True)
            self.cut = True
        if stream.cut or counted.cut or (unpacked is not None and unpacked.cut):
            self.cut = True
        self.warc = self.warc or stream.head.startswith(b"WARC/")
        self.done += counted.position
        return found

    def _record(self, ordinal: int, record, stream: _Stream) -> None:
        url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip()
        kind = record.rec_type
        if kind == "response" and record.http_headers is not None:
            status = record.http_headers.get_statuscode() or ""
            content_type = record.http_headers.get_header("Content-Type") or ""
            if status[:1] == "3":
                location = record.http_headers.get_header("Location")
                if location and url:
                    self.redirects.setdefault(_normal(url), _normal(urllib.parse.urljoin(url, location.strip())))
                return
        elif kind == "resource":
            status, content_type = "200", record.rec_headers.get_header("Content-Type") or ""
        else:
            return
        media = content_type.split(";")[0].strip().lower()
        if status != "200" or not _is_page_url(url) or (media and media not in _HTML_TYPES):
            return
        body, charset, complete = self._body(record, stream)
        if getattr(record.raw_stream, "limit", 0) > 0:
            self.cut = True  # the file ends inside this record
        if not complete or body is None:
            return
        if not media and not re.match(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", body[:4096], re.I | re.S):
            return
        page = _Page(ordinal, url, _score(body, charset), None, charset)
        self.pages.append(page)
        normal = _normal(url)
        if self.best is None or page.score > self.best.score:
            if self.best is not None and _normal(self.best.url) not in self.wanted:
                self.best.body = None
            page.body, self.best = body, page
        if normal in self.wanted and not any(p.body is not None and _normal(p.url) == normal
                                             for p in self.pages if p is not page):
            page.body = body

    def _body(self, record, stream: _Stream) -> tuple[bytes | None, str | None, bool]:
        """(the HTTP body, its charset, whether the record is complete), the body None when
        it is too large or in an encoding warcio does not undo."""
        from warcio.bufferedreaders import BufferedReader

        headers = record.http_headers
        charset = None
        if headers is not None:
            encoding = (headers.get_header("Content-Encoding") or "").strip().lower()
            if encoding and encoding != "identity" and encoding not in BufferedReader.get_supported_decompressors():
                self.encoded.add(encoding[:20])  # e.g. brotli, without its decoder
                while record.raw_stream.read(1024 * 1024):  # to its end: was it complete?
                    pass
                return None, None, False
            match = _CHARSET.search(headers.get_header("Content-Type") or "")
            charset = match.group(1) if match else None
        else:
            match = _CHARSET.search(record.rec_headers.get_header("Content-Type") or "")
            charset = match.group(1) if match else None
        try:
            body = record.content_stream().read(MAX_IMPORT_BYTES + 1)
            raw = record.raw_stream
            while raw.read(1024 * 1024):
                pass
        except (_TooLarge, ImportCancelled):
            raise
        except Exception:  # noqa: BLE001 - a damaged body (chunking, gzip): not this record
            return None, charset, False
        complete = getattr(record.raw_stream, "limit", 0) == 0 and not stream.cut and not getattr(stream.inner, "cut", False)
        if len(body) > MAX_IMPORT_BYTES:
            return None, charset, complete
        return body, charset, complete


def _is_page_url(url: str) -> bool:
    """Whether a URL may be a web page (http(s), not an asset's address)."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:  # "http://[not an IPv6 address": no page's
        return False
    if parts.scheme.lower() not in ("http", "https"):
        return False
    last = parts.path.rsplit("/", 1)[-1]
    extension = last.rsplit(".", 1)[-1].lower() if "." in last else ""
    return extension not in _ASSET_EXTENSIONS


def _normal(url: str) -> str:
    """A URL compared with others: no fragment, scheme and host lower-cased."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return url.strip()
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                                    parts.query, ""))


def _score(body: bytes, charset: str | None) -> tuple[int, int]:
    """(characters of the paragraphs of 15+ words, outside links, that one element holds,
    for the element holding most; all visible characters). One element: an article's
    paragraphs sit together, a section front's teasers each in a box of its own."""
    import lxml.html
    from lxml import etree

    from factcheck.importers import _article_body
    from factcheck.importers.html import decode_html

    try:
        text = decode_html(body, "", declared=charset)
        tree = lxml.html.document_fromstring(text.replace("\x00", ""))
    except (ImportRefused, etree.ParserError, etree.XMLSyntaxError, ValueError):
        return (0, 0)
    held: dict = {}
    try:
        for node in tree.iter("p"):
            words = " ".join(_article_body.words(_outside_links(node)))
            if words.count(" ") + 1 >= _PARAGRAPH_WORDS:
                parent = node.getparent()
                held[parent] = held.get(parent, 0) + len(words)
        visible = len(_article_body.visible_text(tree))
    except RecursionError:
        return (max(held.values(), default=0), 0)
    return (max(held.values(), default=0), visible)


def _outside_links(node) -> str:
    parts = [node.text or ""]
    for child in node.iterchildren():
        if isinstance(child.tag, str) and child.tag.lower() not in ("a", "script", "style"):
            parts.append(" ".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join(parts)


# --------------------------------------------------------------------------- picking the page


def _pick(archive: _Archive, target: str | None) -> tuple[_Page | None, bool]:
    """(the article page, whether it was picked by the WACZ's page list)."""
    if target:
        url, hops = _normal(target), 0
        while hops <= MAX_REDIRECTS:
            page = next((p for p in archive.pages if _normal(p.url) == url), None)
            if page is not None:
                return page, True
            if url not in archive.redirects:
                break
            url, hops = archive.redirects[url], hops + 1
    return archive.best, False


def _article(data: bytes, name: str, archive: _Archive, page: _Page | None, *, listed: bool,
             source_format: str, mime: str, reread) -> ImportedArticle:
    from factcheck.importers.html import article_from_html, decode_html

    if page is None:
        if not archive.records and not archive.warc:
            raise ImportRefused(N_("The file “{name}” is not a web archive (WARC) that factcheck "
                                   "can read: it is damaged, or another kind of file renamed.", name=name))
        if archive.cut:
            raise ImportRefused(N_("The web archive “{name}” is cut short (perhaps not fully "
                                   "downloaded) before any complete web page.", name=name))
        if archive.encoded:
            raise ImportRefused(N_("The web pages in the web archive “{name}” are compressed as "
                                   "“{encoding}”, which factcheck cannot unpack.", name=name,
                                   encoding=", ".join(sorted(archive.encoded))))
        raise ImportRefused(N_("The web archive “{name}” holds no web page (HTML) to read, only "
                               "images, scripts or other files.", name=name))
    body = page.body if page.body is not None else reread(page.ordinal)
    if body is None:
        raise ImportRefused(N_("The web archive “{name}” is cut short (perhaps not fully "
                               "downloaded) before any complete web page.", name=name))
    notices = []
    if archive.cut:
        notices.append(N_("This web archive is cut short (perhaps not fully downloaded): the page "
                          "was read from the complete records before the cut."))
    readable = [p for p in archive.pages if p.score[0] > 0]
    if not listed and len(readable) > 1:
        notices.append(N_("This web archive holds {count} web pages; factcheck read the one with "
                          "the most article text, {url}.", count=len(readable), url=page.url))
    html = decode_html(body, name, declared=page.charset)
    return article_from_html(html, source_name=name, original=data, mime=mime, source_format=source_format,
                             url=page.url, notices=tuple(notices))


# --------------------------------------------------------------------------- WARC


def _gzipped(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def import_warc(data: bytes, name: str, *, password=None, progress=None) -> ImportedArticle:
    """A WARC file (plain or gzip-compressed) as an article (see the module docstring)."""
    archive = _Archive(name, len(data), progress)
    try:
        archive.scan(io.BytesIO(data), _gzipped(data))
        page, _ = _pick(archive, None)

        def reread(ordinal: int) -> bytes | None:
            again = _Archive(name, len(data), None)
            found = again.scan(io.BytesIO(data), _gzipped(data), keep=ordinal)
            return found.body if found else None

        return _article(data, name, archive, page, listed=False, source_format="warc", mime=WARC_MIME,
                        reread=reread)
    except _TooLarge:
        raise ImportRefused(_too_large(name)) from None


def _too_large(name: str):
    return N_("The web archive “{name}” unpacks to more than {limit} GB, more than factcheck reads "
              "(or it is a “zip bomb”).", name=name, limit=MAX_UNPACKED_BYTES // (1024 ** 3))


# --------------------------------------------------------------------------- WACZ


def import_wacz(data: bytes, name: str, *, password=None, progress=None) -> ImportedArticle:
    """A WACZ file (a ZIP of WARC files and a page list) as an article."""
    from factcheck.importers import _zipsafe

    kind = N_("web archive (WACZ)")
    with _zipsafe.DocumentZip(data, kind) as package:
        members = [n for n in package.names()
                   if n.startswith("archive/") and n.lower().endswith((".warc", ".warc.gz"))]
        if not members:
            raise ImportRefused(N_("The file “{name}” is not a web archive (WACZ) that factcheck "
                                   "can read: it holds no WARC files.", name=name))
        target = _first_page(package)
    import zipfile

    try:
        bundle = zipfile.ZipFile(io.BytesIO(data))
        infos = [bundle.getinfo(n) for n in members]
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError) as exc:
        raise _zipsafe.damaged(kind) from exc
    total = sum(info.compress_size for info in infos)
    archive = _Archive(name, total, progress)
    if target:
        archive.wanted.add(_normal(target))

    def members_scan(keep: int | None, into: _Archive):
        for info in infos:
            if info.flag_bits & 0x1:
                raise ImportRefused(_zipsafe.protected(kind))
            if info.file_size > MAX_UNPACKED_BYTES:
                raise _TooLarge
            try:
                with bundle.open(info) as member:
                    head = member.read(2)
                with bundle.open(info) as member:
                    found = into.scan(_Bounded(member, info), head == b"\x1f\x8b", keep=keep)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError,
                    ValueError):  # ValueError: a member's header offset that points before the file's start
                into.cut = True
                found = None
            if found is not None:
                return found
        return None

    try:
        members_scan(None, archive)
        page, listed = _pick(archive, target)

        def reread(ordinal: int) -> bytes | None:
            found = members_scan(ordinal, _Archive(name, total, None))
            return found.body if found else None

        return _article(data, name, archive, page, listed=listed, source_format="wacz", mime=WACZ_MIME,
                        reread=reread)
    except _TooLarge:
        raise ImportRefused(_too_large(name)) from None
    finally:
        bundle.close()


class _Bounded:
    """A ZIP member read no further than its declared size and ``_zipsafe.MAX_RATIO``."""

    def __init__(self, member, info):
        from factcheck.importers import _zipsafe

        self.member = member
        self.limit = min(info.file_size, MAX_UNPACKED_BYTES)
        self.ratio_limit = max(_zipsafe.RATIO_FLOOR, _zipsafe.MAX_RATIO * max(info.compress_size, 1))
        self.read_so_far = 0

    def read(self, size: int = -1) -> bytes:
        size = 1024 * 1024 if size is None or size < 0 else size
        chunk = self.member.read(size)
        self.read_so_far += len(chunk)
        if self.read_so_far > self.limit + 1 or self.read_so_far > self.ratio_limit:
            raise _TooLarge
        return chunk


def _first_page(package) -> str | None:
    """The URL of the first page ``pages/pages.jsonl`` lists, or None."""
    data = package.read("pages/pages.jsonl") if package.has("pages/pages.jsonl") else None
    if not data:
        return None
    for line in data[:MAX_PAGES_LIST].splitlines()[:10_000]:
        try:
            entry = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(entry, dict) and isinstance(entry.get("url"), str) and "format" not in entry:
            url = entry["url"].strip()
            if _is_page_url(url):
                return url
    return None
