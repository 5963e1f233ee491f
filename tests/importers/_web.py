"""Saved web pages and web archives built by the tests themselves (warcio, zipfile, MIME).

Importing this module into a test module brings ``no_sockets``, an autouse fixture that
fails the test on any attempt to open a connection or resolve a name.
"""

from __future__ import annotations

import base64
import gzip
import io
import json
import quopri
import socket
import zipfile

import pytest

# --------------------------------------------------------------------------- text

PARAGRAPHS = [
    "The city council voted on Tuesday to approve a budget of 42 million euros for the new "
    "pedestrian bridge over the river, ending a debate that lasted almost two years.",
    "Supporters said the bridge would cut walking times between the two halves of the old town "
    "by more than fifteen minutes, and would reduce car traffic on the main road.",
    "Opponents argued that the cost had doubled since the first estimate in 2022, and asked for "
    "an independent review of the construction contract before any work begins.",
    "The mayor said construction should start next spring and last about eighteen months, "
    "adding that every euro would be accounted for in public.",
    "An engineering report published in January found that the old bridge needed repairs "
    "costing at least nine million euros, a figure the opposition disputes.",
    "A final vote on the contract itself is expected at the council's meeting in May, when the "
    "three bids will be made public for the first time.",
]
HEADLINE = "Council approves new bridge budget"

SPANISH = [
    "El Gobierno aseguró el martes que el desempleo bajó al 11,2 % en el último trimestre, la "
    "cifra más baja desde 2008, según el instituto de estadística 📉.",
    "Los economistas advirtieron que la cifra no incluye a quienes dejaron de buscar trabajo y "
    "que el empleo a tiempo parcial explica la mayor parte del aumento.",
]


def paragraphs(texts) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def news_page(body: str = "", *, head: str = "", title: str = HEADLINE, lang: str = "en",
              charset: str = "utf-8") -> str:
    """A news page with site chrome around ``body`` (the article's paragraphs by default)."""
    body = body or f"<h1>{title}</h1>" + paragraphs(PARAGRAPHS)
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='{charset}'><title>{title} | "
            f"The Riverside Gazette</title>{head}</head><body>"
            "<header><a href='/'>The Riverside Gazette</a></header>"
            "<nav><a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
            f"<main><article>{body}</article></main>"
            "<footer><p>© 2024 The Riverside Gazette. All rights reserved.</p></footer>"
            "</body></html>")


#: Everything a page may reference remotely: if any were fetched, the socket guard fails.
REMOTE_HEAD = ("<link rel='stylesheet' href='https://cdn.example/site.css'>"
               "<script src='https://tracker.example/t.js'></script>"
               "<style>@import url('https://cdn.example/more.css'); "
               "body { background: url(https://cdn.example/bg.png) }</style>")
REMOTE_BODY = ("<img src='https://cdn.example/photo.jpg' alt=''>"
               "<iframe src='https://ads.example/frame'></iframe>"
               "<script>fetch('https://tracker.example/beacon')</script>")


# --------------------------------------------------------------------------- no network


@pytest.fixture(autouse=True)
def no_sockets(monkeypatch):
    """Any attempt to connect or to resolve a name fails the test."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == []


# --------------------------------------------------------------------------- WARC / WACZ


def response(url: str, body: bytes, content_type: str = "text/html; charset=utf-8", *,
             status: str = "200 OK", headers: list[tuple[str, str]] = ()) -> dict:
    return {"url": url, "body": body, "type": content_type, "status": status, "headers": list(headers)}


def warc(records: list[dict], *, gz: bool = True, warcinfo: bool = True) -> bytes:
    """A WARC file of HTTP responses (and a warcinfo record first, as capture tools write)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    if warcinfo:
        writer.write_record(writer.create_warcinfo_record("capture.warc", {"software": "tests"}))
    for record in records:
        if record.get("kind") == "resource":
            writer.write_record(writer.create_warc_record(
                record["url"], "resource", payload=io.BytesIO(record["body"]), length=len(record["body"]),
                warc_content_type=record["type"]))
            continue
        headers = [("Content-Type", record["type"]), *record["headers"]]
        if not any(name.lower() in ("transfer-encoding", "content-length") for name, _ in headers):
            headers.append(("Content-Length", str(len(record["body"]))))
        http = StatusAndHeaders(record["status"], headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            record["url"], "response", payload=io.BytesIO(record["body"]), length=len(record["body"]),
            http_headers=http))
    return buffer.getvalue()


def chunked_gzip(body: bytes) -> bytes:
    """``body`` gzip-compressed and sent in HTTP/1.1 chunks, as a server may."""
    packed = gzip.compress(body)
    out = b""
    for start in range(0, len(packed), 100):
        piece = packed[start:start + 100]
        out += f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def wacz(archive: bytes, pages: list[str], *, extra: dict[str, bytes] | None = None,
         archive_name: str = "archive/data.warc.gz") -> bytes:
    """A WACZ: the WARC, the page list, a datapackage.json."""
    lines = [json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"})]
    lines += [json.dumps({"id": str(n), "url": url, "ts": "2024-03-14T09:30:00Z", "title": "Page"})
              for n, url in enumerate(pages)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(archive_name, archive, compress_type=zipfile.ZIP_STORED)
        package.writestr("pages/pages.jsonl", "\n".join(lines) + "\n")
        package.writestr("datapackage.json", json.dumps({"profile": "data-package", "wacz_version": "1.1.1",
                                                         "resources": []}))
        for name, content in (extra or {}).items():
            package.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# --------------------------------------------------------------------------- MHTML


def mhtml(parts: list[dict], *, snapshot: str = "", subject: str = "A saved page",
          start: str = "", boundary: str = "----MultipartBoundary--tests----", close: bool = True) -> bytes:
    """An MHTML file as Chrome writes one. Each part: ``type``, ``body`` (bytes),
    ``location``, optional ``cte`` ("quoted-printable", "base64", "8bit"), ``id``."""
    head = ["From: <Saved by Blink>"]
    if snapshot:
        head.append(f"Snapshot-Content-Location: {snapshot}")
    head += [f"Subject: {subject}", "Date: Thu, 14 Mar 2024 09:30:00 -0000", "MIME-Version: 1.0",
             "Content-Type: multipart/related;", '\ttype="text/html";']
    if start:
        head.append(f'\tstart="{start}";')
    head += [f'\tboundary="{boundary}"', "", ""]
    out = "\r\n".join(head).encode()
    for part in parts:
        cte = part.get("cte", "quoted-printable" if part["type"].startswith("text/") else "base64")
        lines = [f"--{boundary}", f"Content-Type: {part['type']}"]
        if part.get("id"):
            lines.append(f"Content-ID: <{part['id']}>")
        lines += [f"Content-Transfer-Encoding: {cte}", f"Content-Location: {part['location']}", "", ""]
        body = part["body"]
        if cte == "quoted-printable":
            body = quopri.encodestring(body).replace(b"\n", b"\r\n")
        elif cte == "base64":
            body = base64.encodebytes(body).replace(b"\n", b"\r\n")
        out += "\r\n".join(lines).encode() + body + b"\r\n"
    if close:
        out += f"--{boundary}--\r\n".encode()
    return out


def png() -> bytes:
    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
