"""Saved web pages in one file (MHTML, ``.mhtml``/``.mht``): read them, and write them.

An MHTML file is a MIME message (RFC 2557): headers, then the page and each of its
images, style sheets and frames as a part of a ``multipart/related`` body. The standard
library's email parser reads the headers (the message's and each part's); the parts are
found by their boundary with ``bytes.find``, so a 100 MB page full of images is not
turned into strings, and only the page itself is decoded.

The page read is the message's root: the part the ``start`` parameter names by its
Content-ID, else the HTML part whose Content-Location is the page's saved address
(Chrome's ``Snapshot-Content-Location``), else the first HTML part (RFC 2557's default;
iframes come after it). Its transfer encoding (base64, quoted-printable) is undone and
its charset used as an HTTP header's would be (``html.decode_html``), then it is read as
any HTML page is (``html.article_from_html``). Nothing it references is fetched: the
other parts are not even decoded. The MHTML file itself is the version's original.

``write`` makes such a file from a page saved "complete" with its ``_files`` folder.
"""

from __future__ import annotations

import base64
import binascii
import email.errors
import email.header
import email.parser
import email.policy
import email.utils
import hashlib
import mimetypes
import quopri
import re
import urllib.parse

from factcheck.core.errors import ImportCancelled, ImportRefused
from factcheck.core.text import N_
from factcheck.importers import ImportedArticle

#: The MIME type the original is stored with.
MIME = "multipart/related"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Longest header block read (the message's or a part's).
MAX_HEADER_BYTES = 64 * 1024
#: Most parts looked at; a page with more is read from the first ones.
MAX_PARTS = 20_000
#: How deep multiparts inside multiparts are followed.
MAX_NESTING = 4

_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_LINE_END = re.compile(rb"\r?\n")
_HTTP = re.compile(r"^https?://[^\s/]+", re.I)


class _Part:
    """One MIME part: its parsed headers and where its body lies in the file."""

    def __init__(self, headers, start: int, end: int, last: bool = True):
        self.headers = headers
        self.start = start
        self.end = end
        self.last = last  # the last part of its multipart

    @property
    def content_type(self) -> str:
        return self.headers.get_content_type()

    @property
    def content_id(self) -> str:
        return _header(self.headers, "Content-ID").strip("<>").strip()

    @property
    def location(self) -> str:
        return _header(self.headers, "Content-Location")


def _header(headers, name: str) -> str:
    """A header's value as text ('' if absent); 8-bit bytes in it do not stop the reading."""
    value = headers.get(name)
    if value is None:
        return ""
    try:
        return str(value).strip()
    except (UnicodeError, LookupError, ValueError):
        return ""


def import_mhtml(data: bytes, name: str, *, password=None, progress=None) -> ImportedArticle:
    """A saved web page (MHTML) as an article (see the module docstring)."""
    from factcheck.importers import html

    if progress is not None and progress(0, 1) is False:
        raise ImportCancelled(N_("The import was cancelled."))
    top = _header_block(data, 0, len(data))
    if top is None or not top[0].get("Content-Type"):
        raise ImportRefused(_not_mhtml(name))
    headers, body = top
    cut = False
    if headers.get_content_maintype() == "multipart":
        root, cut = _root(data, headers, body, len(data), depth=0, saved_at=_saved_at(headers))
    elif headers.get_content_type() in _HTML_TYPES:  # a single-part .mht
        root = _Part(headers, body, len(data))
    else:
        raise ImportRefused(_not_mhtml(name))
    if root is None:
        raise ImportRefused(N_("The saved web page “{name}” holds no HTML page to read, only "
                               "images, style sheets or other files.", name=name))

    payload = _decode(data[root.start:root.end], root.headers)
    try:
        charset = root.headers.get_content_charset()
    except (LookupError, ValueError, TypeError):
        charset = None
    page = html.decode_html(payload, name, declared=charset)
    url = next((u for u in (_saved_at(headers), root.location, _header(headers, "Content-Location"))
                if _HTTP.match(u or "")), "")
    notices = (N_("The saved page is cut short (perhaps not fully downloaded): its text was read as "
                  "far as it goes."),) if cut else ()
    article = html.article_from_html(page, source_name=name, original=bytes(data), mime=MIME,
                                     source_format="mhtml", url=url, title=_subject(headers),
                                     notices=notices)
    if progress is not None:
        progress(1, 1)
    return article


def _not_mhtml(name: str):
    return N_("The file “{name}” is not a saved web page (MHTML) that factcheck can read: it "
              "is damaged, or another kind of file renamed.", name=name)


def _header_block(data: bytes, start: int, end: int):
    """(headers, where the body starts) of the header block at ``start``, or None."""
    empty = _LINE_END.match(data, start, end)
    if empty:  # no headers: a text/plain part whose body starts on the next line
        return email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(b""), empty.end()
    found = _BLANK_LINE.search(data, start, min(end, start + MAX_HEADER_BYTES))
    if found is None:
        return None
    block = data[start:found.start()]
    first = block.split(b"\n", 1)[0]
    if not re.match(rb"^[!-9;-~]+:", first):  # the first line is not a header
        return None
    try:
        headers = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(block + b"\n")
    except (ValueError, TypeError, LookupError):
        return None
    return headers, found.end()


def _saved_at(headers) -> str:
    return _header(headers, "Snapshot-Content-Location")


def _subject(headers) -> str:
    subject = _header(headers, "Subject")
    try:
        return str(email.header.make_header(email.header.decode_header(subject)))
    except (LookupError, ValueError, UnicodeError, email.errors.HeaderParseError):
        return str(subject)


def _root(data: bytes, headers, start: int, end: int, *, depth: int, saved_at: str):
    """(the root HTML part of a multipart body, whether the body is cut short)."""
    boundary = headers.get_param("boundary")
    if not isinstance(boundary, str) or not boundary or depth > MAX_NESTING:
        return None, False
    spans, closed = _split(data, start, end, boundary.encode("ascii", "replace"))
    parts = []
    for number, (part_start, part_end) in enumerate(spans, 1):
        block = _header_block(data, part_start, part_end)
        if block is not None:
            parts.append(_Part(block[0], block[1], part_end, last=number == len(spans)))
    html_parts = [p for p in parts if p.content_type in _HTML_TYPES]
    wanted = headers.get_param("start")
    root = None
    if isinstance(wanted, str) and wanted.strip("<> "):
        root = next((p for p in parts if p.content_id == wanted.strip().strip("<>").strip()), None)
        if root is not None and root.content_type.startswith("multipart/"):
            return _root(data, root.headers, root.start, root.end, depth=depth + 1, saved_at=saved_at)
    if root is None and saved_at:
        root = next((p for p in html_parts if p.location == saved_at), None)
    if root is None and html_parts:
        root = html_parts[0]
    if root is None:
        for part in parts:
            if part.headers.get_content_maintype() == "multipart":
                root, cut = _root(data, part.headers, part.start, part.end, depth=depth + 1,
                                  saved_at=saved_at)
                if root is not None:
                    return root, cut or (not closed and part.last)
        return None, not closed
    return root, (not closed and root.last)


def _split(data: bytes, start: int, end: int, boundary: bytes) -> tuple[list[tuple[int, int]], bool]:
    """The spans of a multipart body's parts, and whether the closing delimiter was found."""
    delimiter = b"--" + boundary

    def find(position: int) -> int:
        while True:
            at = data.find(delimiter, position, end)
            if at < 0:
                return -1
            after = data[at + len(delimiter):at + len(delimiter) + 2]
            if (at == start or data[at - 1] == 0x0A) and (
                    not after or after == b"--" or after[:1] in (b" ", b"\t", b"\r", b"\n")):
                return at
            position = at + 1

    spans: list[tuple[int, int]] = []
    at = find(start)
    while at >= 0 and len(spans) < MAX_PARTS:
        after = at + len(delimiter)
        if data.startswith(b"--", after):
            return spans, True
        line_end = data.find(b"\n", after, end)
        if line_end < 0:
            return spans, False
        part_start = line_end + 1
        following = find(part_start)
        if following < 0:
            spans.append((part_start, end))
            return spans, False
        part_end = following - 1  # the line end before the delimiter belongs to it
        if part_end > part_start and data[part_end - 1] == 0x0D:
            part_end -= 1
        spans.append((part_start, max(part_start, part_end)))
        at = following
    return spans, len(spans) >= MAX_PARTS


def _decode(raw: bytes, headers) -> bytes:
    """A part's body with its transfer encoding undone (as far as it can be)."""
    encoding = _header(headers, "Content-Transfer-Encoding").lower()
    if encoding == "base64":
        letters = re.sub(rb"[^A-Za-z0-9+/]", b"", raw)
        try:
            return binascii.a2b_base64(letters[: len(letters) // 4 * 4])
        except binascii.Error:
            return b""
    if encoding == "quoted-printable":
        return quopri.decodestring(raw)
    return raw


# --------------------------------------------------------------------------- writing


def write(page_name: str, page: bytes, files: list[tuple[str, bytes]], *, url: str = "", title: str = "") -> bytes:
    """An MHTML file holding ``page`` (its root) and ``files`` ((path relative to the page,
    bytes)), each part base64 so its bytes come back exactly."""
    try:
        base = url if _HTTP.match(url or "") and urllib.parse.urlsplit(url) else ""
    except ValueError:  # "https://[example.org/": urljoin would raise below
        base = ""
    base = base or "file:///" + urllib.parse.quote(page_name)
    boundary = "----=_factcheck_" + hashlib.sha256(page).hexdigest()[:24]  # "-" never occurs in base64
    subject = email.header.Header(title or page_name, "utf-8", maxlinelen=998).encode(linesep="\r\n")
    head = [
        "From: <Saved by factcheck>",
        f"Snapshot-Content-Location: {base}",
        f"Subject: {subject}",
        f"Date: {email.utils.formatdate(localtime=True)}",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        '\tstart="<page@factcheck>";',
        f'\tboundary="{boundary}"',
        "",
        "",
    ]
    chunks = ["\r\n".join(head).encode("utf-8")]

    def part(content_type: str, content_id: str, location: str, content: bytes) -> None:
        chunks.append(
            (f"--{boundary}\r\nContent-Type: {content_type}\r\nContent-ID: <{content_id}>\r\n"
             f"Content-Transfer-Encoding: base64\r\nContent-Location: {location}\r\n\r\n").encode("utf-8"))
        chunks.append(base64.encodebytes(content).replace(b"\n", b"\r\n"))
        chunks.append(b"\r\n")

    part("text/html", "page@factcheck", base, page)
    for number, (relative, content) in enumerate(files, 1):
        kind = mimetypes.guess_type(relative, strict=False)[0] or "application/octet-stream"
        part(kind, f"file-{number}@factcheck", urllib.parse.urljoin(base, urllib.parse.quote(relative)), content)
    chunks.append(f"--{boundary}--\r\n".encode("ascii"))
    return b"".join(chunks)
