"""Hostile ZIP-based documents: truncated, zip bombs, too many entries, zip-slip names,
forged directories, XML entity attacks. Each is refused with one sentence, bounded in
memory, and nothing is ever written to disk."""

from __future__ import annotations

import io
import os
import struct
import tracemalloc
import zipfile
import zlib

import docx
import pytest

from factcheck.core.errors import ImportRefused
from factcheck.core.text import N_, Text
from factcheck.importers import _zipsafe, import_bytes

KIND = N_("Word document")


def word_bytes(text: str = "El paro bajó al 11,7 %.") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A ZIP written by hand: (name, stored bytes, method, declared size, crc) per entry,
    so a test can declare sizes that are not the real ones."""
    out = io.BytesIO()
    directory = io.BytesIO()
    for name, payload, method, size, crc in entries:
        encoded = name.encode("utf-8")
        offset = out.tell()
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0x800, method, 0, 0x21,
                              crc, len(payload), size, len(encoded), 0))
        out.write(encoded)
        out.write(payload)
        directory.write(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0x800, method, 0,
                                    0x21, crc, len(payload), size, len(encoded), 0, 0, 0, 0, 0, offset))
        directory.write(encoded)
    start = out.tell()
    out.write(directory.getvalue())
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                          len(directory.getvalue()), start, 0))
    return out.getvalue()


def deflated_zeros(size: int) -> bytes:
    """``size`` zero bytes, deflated (raw), built without ever holding them: a fully
    flushed deflate block of zeros is the same bytes each time, so it is repeated."""
    block = 1024 * 1024
    assert size % block == 0
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = bytes(block)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    second = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    third = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert second == third
    return first + second * (size // block - 1) + compressor.flush()


def content_types() -> tuple[str, bytes, int, int, int]:
    data = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    return ("[Content_Types].xml", data, 0, len(data), zlib.crc32(data))


def refused(data: bytes, name: str = "report.docx") -> str:
    with pytest.raises(ImportRefused) as caught:
        import_bytes(data, name)
    assert isinstance(caught.value.args[0], Text)
    return str(caught.value)


def peak_memory(call) -> int:
    tracemalloc.start()
    try:
        call()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


# --------------------------------------------------------------------------- truncated


@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.6, 0.95])
@pytest.mark.parametrize("name", ["report.docx", "report"])
def test_a_truncated_word_document_is_refused_as_damaged(fraction, name):
    data = word_bytes()
    sentence = refused(data[: int(len(data) * fraction)], name)
    assert sentence == ("This Word document is damaged (perhaps not fully downloaded or copied) "
                        "and cannot be read.")


def test_a_word_document_cut_a_few_bytes_short_is_refused():
    data = word_bytes()
    for cut in (1, 10, 22, 100):
        assert "damaged" in refused(data[:-cut])


def test_every_single_byte_flip_gives_an_article_or_one_sentence():
    data = bytearray(word_bytes())
    for at in range(0, len(data), max(1, len(data) // 300)):
        damaged = bytearray(data)
        damaged[at] ^= 0xFF
        try:
            import_bytes(bytes(damaged), "report.docx")
        except ImportRefused as refusal:
            assert str(refusal).strip()


# --------------------------------------------------------------------------- zip bombs


def bomb(size: int, declared: int | None = None) -> bytes:
    payload = deflated_zeros(size)
    # The CRC of 2 GB of zeros is not needed: the bomb is refused long before its end.
    return raw_zip([content_types(), ("word/document.xml", payload, 8,
                                      size if declared is None else declared, 0)])


@pytest.mark.parametrize("by", ["size", "ratio"])
def test_a_2_gb_zip_bomb_is_refused_without_inflating_it(by, monkeypatch):
    if by == "size":  # each check alone refuses it
        monkeypatch.setattr(_zipsafe, "MAX_RATIO", 10**9)
    else:
        monkeypatch.setattr(_zipsafe, "MAX_MEMBER_BYTES", 10**12)
        monkeypatch.setattr(_zipsafe, "MAX_TOTAL_BYTES", 10**12)
    data = bomb(2048 * 1024 * 1024)
    assert len(data) < 4 * 1024 * 1024  # 2 GB of zeros deflate to ~2 MB
    sentences = []
    peak = peak_memory(lambda: sentences.append(refused(data)))
    assert "zip bomb" in sentences[0]
    assert peak < 20 * 1024 * 1024  # nothing near the 2 GB (or the 100 MB limit) was held


def test_a_bomb_under_the_size_limit_is_refused_by_its_compression_ratio():
    data = bomb(64 * 1024 * 1024)  # under MAX_MEMBER_BYTES, but 1,000 times compressed
    assert 64 * 1024 * 1024 < _zipsafe.MAX_MEMBER_BYTES
    sentences = []
    peak = peak_memory(lambda: sentences.append(refused(data)))
    assert "zip bomb" in sentences[0]
    assert peak < 4 * 1024 * 1024  # refused on its header: not even a few MB inflated


def test_a_header_that_understates_the_size_is_not_trusted():
    """The header says 1 KB, the stream inflates to 256 MB: reading stops at the declared
    size and the check of the data fails, so only a little is ever inflated."""
    data = bomb(256 * 1024 * 1024, declared=1024)
    peak = peak_memory(lambda: refused(data))
    assert peak < 20 * 1024 * 1024


def test_the_total_of_all_parts_read_is_limited(monkeypatch):
    monkeypatch.setattr(_zipsafe, "MAX_TOTAL_BYTES", 3000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index in range(3):
            archive.writestr(f"part{index}.xml", os.urandom(1200))
    package = _zipsafe.DocumentZip(buffer.getvalue(), KIND)
    package.read("part0.xml")
    package.read("part1.xml")
    with pytest.raises(ImportRefused, match="zip bomb"):
        package.read("part2.xml")


# --------------------------------------------------------------------------- entries


def test_too_many_entries_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        for index in range(_zipsafe.MAX_ENTRIES):
            archive.writestr(f"word/media/{index}.bin", b"")
    assert "too many parts (more than 10,000)" in refused(buffer.getvalue())


def test_a_directory_announcing_millions_of_entries_is_refused_before_zipfile_reads_it(monkeypatch):
    data = bytearray(word_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 60000, 60000)  # entries on this disk, in all

    def no_zipfile(*args, **kwargs):
        raise AssertionError("zipfile was asked to read the directory")

    monkeypatch.setattr(zipfile, "ZipFile", no_zipfile)
    sentence = refused(bytes(data))
    assert "too many parts" in sentence


def test_a_zip64_end_record_is_read():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b"<x/>")
    assert _zipsafe.end_record(buffer.getvalue()) is not None
    assert _zipsafe.fits(buffer.getvalue())


@pytest.mark.parametrize("evil", ["../../evil.txt", "/etc/passwd", "word\\..\\..\\evil.txt",
                                  "C:/Windows/evil.txt", "word/../../evil.txt"])
def test_zip_slip_names_are_refused_and_nothing_is_written(evil, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr(zipfile.ZipInfo(evil), b"pwned")
    sentence = refused(buffer.getvalue())
    assert "points outside the document" in sentence
    assert list(tmp_path.rglob("*")) == []
    assert not os.path.exists(os.path.join(tmp_path.parent, "evil.txt"))


def test_resolve_keeps_references_inside_the_document():
    assert _zipsafe.resolve("OEBPS/content.opf", "text/ch1.xhtml") == "OEBPS/text/ch1.xhtml"
    assert _zipsafe.resolve("OEBPS/text/ch1.xhtml", "../images/a.png") == "OEBPS/images/a.png"
    assert _zipsafe.resolve("word/document.xml", "/word/styles.xml") == "word/styles.xml"
    assert _zipsafe.resolve("word/document.xml", "../customXml/item1.xml") == "customXml/item1.xml"
    for href in ("../../etc/passwd", "../../x", "a\\b", "", "/"):
        assert _zipsafe.resolve("word/document.xml", href) is None


# --------------------------------------------------------------------------- XML


def with_document_xml(xml: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(word_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = xml if info.filename == "word/document.xml" else source.read(info)
            archive.writestr(info.filename, data)
    return buffer.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""


def test_billion_laughs_is_refused_without_expanding_it():
    data = with_document_xml(BILLION_LAUGHS)
    sentences = []
    peak = peak_memory(lambda: sentences.append(refused(data)))
    assert "declares entities or a DTD" in sentences[0]
    assert peak < 20 * 1024 * 1024


def test_an_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>').encode()
    sentence = refused(with_document_xml(xml))
    assert "TOP-SECRET-VALUE" not in sentence
    # Even the parser alone, before the DTD is refused, leaves the entity unexpanded.
    from lxml import etree

    root = etree.fromstring(xml, etree.XMLParser(**_zipsafe._PARSER_OPTIONS))
    assert "TOP-SECRET-VALUE" not in etree.tostring(root).decode()


def test_an_external_dtd_is_not_fetched(monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    xml = (b'<?xml version="1.0"?><!DOCTYPE d SYSTEM "http://198.51.100.7/evil.dtd">'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           b'<w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>')
    assert "declares entities or a DTD" in refused(with_document_xml(xml))


# --------------------------------------------------------------------------- anything else


def test_an_unexpected_error_in_a_reader_becomes_one_sentence(monkeypatch):
    from factcheck.importers import docx as docx_importer

    def broken(*args, **kwargs):
        raise IndexError("a reader's bug or a file nobody foresaw")

    monkeypatch.setattr(docx_importer._Reader, "body", broken)
    assert refused(word_bytes()) == ("This Word document is damaged (perhaps not fully downloaded "
                                     "or copied) and cannot be read.")

    def too_deep(*args, **kwargs):
        raise RecursionError

    monkeypatch.setattr(docx_importer._Reader, "body", too_deep)
    assert refused(word_bytes()) == "This Word document is too deeply nested or too large to read."


def rezipped(data: bytes, name: str, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info)
            archive.writestr(info.filename, change(content) if info.filename == name else content)
    return buffer.getvalue()


def test_mangled_xml_in_any_format_gives_an_article_or_one_sentence():
    import random

    from .test_epub import epub, xhtml
    from .test_odt import odt

    rng = random.Random(42)
    samples = [
        (word_bytes("Uno 😀. " * 20), "word/document.xml", "a.docx"),
        (odt("<text:p>Uno 😀.</text:p><text:list><text:list-item><text:p>dos</text:p></text:list-item></text:list>"),
         "content.xml", "a.odt"),
        (epub([xhtml("<p>Uno 😀.</p><ul><li>dos</li></ul>")]), "OEBPS/content.opf", "a.epub"),
        (epub([xhtml("<p>Uno 😀.</p><ul><li>dos</li></ul>")]), "OEBPS/text/ch 0.xhtml", "b.epub"),
    ]
    for data, part, name in samples:
        for _ in range(40):
            def change(content: bytes) -> bytes:
                at = rng.randrange(len(content))
                how = rng.choice(["cut", "drop", "insert"])
                if how == "cut":
                    return content[:at]
                if how == "drop":
                    return content[:at] + content[at + rng.randrange(1, 40):]
                return content[:at] + rng.choice([b"<", b">", b"&", b"</w:p>", b"<text:p>", b"\x00", b"\xff"]) + content[at:]

            try:
                article = import_bytes(rezipped(data, part, change), name)
            except ImportRefused as refusal:
                assert isinstance(refusal.args[0], Text) and str(refusal).strip()
            else:
                assert article.text.strip()
