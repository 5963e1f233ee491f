"""Every document importer over damaged copies of a good file: read, or refused in one sentence, never a crash.

The copies are made with a fixed seed, so a failure repeats. Beside flipped, cut, zeroed,
repeated and inserted bytes (what a bad download or copy does), the members of a ZIP
(Word, OpenDocument, EPUB, WACZ) are damaged inside and packed again, and the gzip of a
``.warc.gz`` unpacked, damaged and packed again: a flipped byte in compressed data is
mostly caught by its checksum, and the XML and record parsers behind it would go
untested. The same harness ran 2,000 copies a format while this was written; a few dozen
here keep the suite fast.
"""

from __future__ import annotations

import functools
import gzip
import io
import random
import warnings
import zipfile

import pytest

from factcheck.core.errors import ImportCancelled, ImportRefused
from factcheck.importers import import_bytes

from . import _pdfs, _web

CASES = 60
SPANISH = "¿Cuántos niños? El 11,7 % — «según el INE» 😀👍🏽 Ñandú, pingüino, acción."
#: Pieces of markup, headers and PDF syntax a damaged copy may gain, where a parser is most likely to trip.
TOKENS = [b"<", b">", b"</p>", b'<!DOCTYPE x [<!ENTITY a "aaaa">]>', b"&a;", b"&#0;", b"&#xD800;", b"\x00",
          b"\xff\xfe", b"<w:p>", b"<text:p>", b"]]>", b"<![CDATA[", b'"', b"../../", b"%", b"=?utf-8?b?",
          b"\r\n\r\n", b'Content-Type: multipart/related; boundary="x"\r\n', b"WARC/1.0\r\n",
          b"Content-Length: 99999999\r\n", b"http://[", b"obj", b"endobj", b"stream", b"endstream",
          b"/Length 999999", b"xref", b"trailer"]


@functools.cache
def original(kind: str) -> bytes:
    from . import test_docx, test_epub, test_odt, test_warc

    if kind == "pdf":
        return _pdfs.long_article(2)
    if kind == "docx":
        return test_docx.word_xml(
            test_docx.para(test_docx.run(SPANISH)) + test_docx.para(test_docx.run("Segundo párrafo")),
            {"footnotes": test_docx.notes("footnotes", "Una nota")})
    if kind == "odt":
        return test_odt.odt(f"<text:h>Título</text:h><text:p>{SPANISH}</text:p><text:list><text:list-item>"
                            "<text:p>uno</text:p></text:list-item></text:list>", styles=test_odt.LIST_STYLE)
    if kind == "epub":
        return test_epub.epub([test_epub.xhtml(f"<h1>Capítulo</h1><p>{SPANISH}</p>"),
                               test_epub.xhtml("<p>Dos</p><p>Tres</p>")])
    if kind == "mhtml":
        from .test_mhtml import chrome_page

        return chrome_page()
    if kind == "warc.gz":
        return test_warc.capture(True)
    return _web.wacz(test_warc.capture(True), [test_warc.URL])


def _bytes(rng: random.Random, data: bytes) -> bytes:
    copy = bytearray(data)
    at = rng.randrange(len(copy))
    end = min(len(copy), at + rng.randint(1, 3000))
    kind = rng.randrange(6)
    if kind == 0:
        return bytes(copy[:at])
    if kind == 1:
        for _ in range(rng.randint(1, 20)):
            copy[rng.randrange(len(copy))] = rng.randrange(256)
        return bytes(copy)
    if kind == 2:
        copy[at:end] = bytes(end - at)
    elif kind == 3:
        copy[at:at] = rng.randbytes(rng.randint(1, 500))
    elif kind == 4:
        copy[at:end] = copy[at:end] * rng.randint(2, 50)
    else:
        del copy[at:end]
    return bytes(copy)


def _markup(rng: random.Random, data: bytes) -> bytes:
    copy = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(copy) + 1)
        if rng.random() < 0.5:
            copy[at:at] = rng.choice(TOKENS)
        else:
            del copy[at:at + rng.randint(1, 40)]
    return bytes(copy)


def _member(rng: random.Random, data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    infos = source.infolist()
    target = rng.choice(infos).filename
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        warnings.simplefilter("ignore")  # a duplicate name, on purpose
        for info in infos:
            content = source.read(info)
            if info.filename == target and content:
                content = _markup(rng, content) if rng.random() < 0.7 else _bytes(rng, content)
            name = info.filename
            if rng.random() < 0.03:
                name = rng.choice(["../evil.xml", "/abs.xml", "a\\..\\b", name.upper()])
            out.writestr(name, content)
        if rng.random() < 0.1:
            out.writestr(target, b"dup")
    return buffer.getvalue()


def damaged(kind: str, data: bytes, rng: random.Random) -> bytes:
    if data[:2] == b"PK" and rng.random() < 0.6:
        return _member(rng, data)
    if kind == "warc.gz" and rng.random() < 0.6:
        inner = gzip.decompress(data)
        return gzip.compress(_markup(rng, inner) if rng.random() < 0.6 else _bytes(rng, inner))
    if kind != "pdf" and rng.random() < 0.5:
        return _markup(rng, data)
    return _bytes(rng, data)


@pytest.mark.parametrize("kind", ["pdf", "docx", "odt", "epub", "mhtml", "warc.gz", "wacz"])
def test_damaged_copies_are_read_or_refused_in_one_sentence(kind, no_sockets):
    data = original(kind)
    assert import_bytes(data, f"good.{kind}").text  # the original itself reads
    rng = random.Random(f"hostile {kind}")
    read = refused = 0
    for n in range(CASES):
        copy = damaged(kind, data, rng)
        try:
            import_bytes(copy, f"copy.{kind}")
            read += 1
        except (ImportRefused, ImportCancelled) as exc:
            assert str(exc).strip() and "\n" not in str(exc), (n, str(exc))
            refused += 1
    assert read + refused == CASES


no_sockets = _web.no_sockets  # a parser that reached for the network would fail the test
