"""Choosing the importer: extensions, sniffing, binary and unsupported formats, size limit."""

from __future__ import annotations

import builtins
import io
import os
import pathlib
import re
import sqlite3
import struct
import subprocess
import sys
import time
import zipfile
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.core.errors import ImportRefused
from factcheck.importers import (
    MAX_IMPORT_BYTES,
    ImportedArticle,
    import_bytes,
    import_file,
)

HTML = b"<!DOCTYPE html><html><head><title>Page</title></head><body><p>Hello from a page.</p></body></html>"
MARKDOWN = b"# Heading\n\nSome **bold** text.\n"


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (struct.pack(">I", len(payload)) + kind + payload
                + struct.pack(">I", zlib.crc32(kind + payload)))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def sqlite_bytes(tmp_path) -> bytes:
    path = tmp_path / "db.sqlite"
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("create table t (x)")
    connection.close()
    return path.read_bytes()


# --------------------------------------------------------------------------- routing


@pytest.mark.parametrize("name,data,fmt,mime", [
    ("a.txt", b"Plain *text*", "text", "text/plain"),
    ("a.TEXT", b"Plain *text*", "text", "text/plain"),
    ("a.md", MARKDOWN, "markdown", "text/markdown"),
    ("a.Markdown", MARKDOWN, "markdown", "text/markdown"),
    ("a.html", HTML, "html", "text/html"),
    ("a.HTM", HTML, "html", "text/html"),
    ("a.xhtml", HTML, "html", "text/html"),
    # The extension wins over content when it is known.
    ("page.txt", HTML, "text", "text/plain"),
])
def test_extension_picks_the_importer(name, data, fmt, mime):
    article = import_bytes(data, name)
    assert (article.source_format, article.mime, article.source_name) == (fmt, mime, name)
    assert article.original == data


@pytest.mark.parametrize("data", [
    HTML,
    b"\xef\xbb\xbf\n  <!doctype HTML>\n<html><body><p>Hello from a page.</p></body></html>",
    b"  <html lang=en><body><p>Hello from a page.</p></body></html>",
    b"<!-- saved from url=(0014)about:internet -->\n<html><body><p>Hello from a page.</p></body></html>",
    "\ufeff<!doctype html><html><body><p>Hello from a page.</p></body></html>".encode("utf-16"),
])
@pytest.mark.parametrize("name", ["page", "page.dat", "download.php", ""])
def test_unknown_extension_sniffs_html(data, name):
    article = import_bytes(data, name)
    assert article.source_format == "html"
    assert article.text == "Hello from a page."


@pytest.mark.parametrize("name", ["notes", "notes.log", "README", "x.csv"])
def test_unknown_extension_is_text_otherwise(name):
    article = import_bytes(b"<p> is a tag, but this is a note.\nSecond line", name)
    assert article.source_format == "text"
    assert article.text == "<p> is a tag, but this is a note.\nSecond line"


def test_source_name_is_the_base_name():
    assert import_bytes(b"x", "/home/ana/articles/story.txt").source_name == "story.txt"
    assert import_bytes(b"x", r"C:\Users\ana\story.txt").source_name == "story.txt"


def test_import_file(tmp_path):
    path = tmp_path / "story.md"
    path.write_bytes(MARKDOWN)
    article = import_file(path)
    assert isinstance(article, ImportedArticle)
    assert (article.text, article.title, article.source_name) == (
        "Heading\n\nSome bold text.", "Heading", "story.md")
    assert import_file(str(path)) == article


# --------------------------------------------------------------------------- refusals


def test_png_renamed_txt_is_refused(tmp_path):
    path = tmp_path / "holiday.txt"
    path.write_bytes(png_bytes())
    with pytest.raises(ImportRefused) as info:
        import_file(path)
    assert str(info.value) == "The file “holiday.txt” looks like a PNG image, not a text article."


@pytest.mark.parametrize("data,what", [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(100), "a JPEG image"),
    (b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(20), "a GIF image"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(30), "a WebP image"),
    (b"\x1f\x8b\x08\x00" + bytes(20), "a compressed (gzip) file"),
    (b"\x7fELF\x02\x01\x01" + bytes(50), "a program"),
    (b"ID3\x03\x00\x00\x00\x00\x00" + bytes(50), "an audio file"),
    (b"\x00\x00\x00\x18ftypmp42" + bytes(50), "an audio or video file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50), "an old Microsoft Office file"),
])
@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html", "a"])
def test_known_binary_formats_are_refused_whatever_the_extension(data, what, name):
    with pytest.raises(ImportRefused, match=f"looks like {re.escape(what)}.*not a text article"):
        import_bytes(data, name)


def test_sqlite_database_is_refused(tmp_path):
    with pytest.raises(ImportRefused, match="looks like a database file"):
        import_bytes(sqlite_bytes(tmp_path), "project.txt")


@pytest.mark.parametrize("name", ["report.pdf", "report.txt", "report"])
def test_a_pdf_goes_to_the_pdf_importer_whatever_its_name(name):
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    with pytest.raises(ImportRefused, match="This PDF is incomplete"):
        import_bytes(data, name)


@pytest.mark.parametrize("name", ["letter.docx", "letter.txt", "letter"])
def test_docx_is_told_by_its_bytes_whatever_the_name(name):
    document = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                b'<w:body><w:p><w:r><w:t>Hello from Word.</w:t></w:r></w:p></w:body></w:document>')
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": document})
    article = import_bytes(data, name)
    assert (article.text, article.source_format) == ("Hello from Word.", "docx")


@pytest.mark.parametrize("name", ["notes.rtf", "notes.doc"])
def test_later_formats_are_refused_by_extension_too(name):
    with pytest.raises(ImportRefused, match="cannot be imported"):
        import_bytes(b"Actually plain text.", name)


@pytest.mark.parametrize("name", ["notes.docx", "notes.odt", "notes.epub"])
def test_text_named_like_a_document_is_refused(name):
    with pytest.raises(ImportRefused, match="is named like .* but is not one"):
        import_bytes(b"Actually plain text.", name)


def test_rtf_and_other_zip_files_are_refused():
    with pytest.raises(ImportRefused, match="RTF documents cannot be imported yet"):
        import_bytes(b"{\\rtf1\\ansi Hello}", "a.txt")
    with pytest.raises(ImportRefused, match="ZIP archive"):
        import_bytes(zip_bytes({"a.txt": b"hello"}), "a.txt")
    with pytest.raises(ImportRefused, match="OpenDocument"):
        import_bytes(zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text"}), "a")
    with pytest.raises(ImportRefused, match="ZIP archive"):
        import_bytes(b"PK\x03\x04 truncated", "a.txt")


def test_text_that_merely_starts_like_a_magic_number_is_accepted():
    assert import_bytes(b"BZh, said the man.", "a.txt").text == "BZh, said the man."
    assert import_bytes(b"ID3 tags are metadata.", "a.txt").text == "ID3 tags are metadata."


def test_empty_bytes_are_refused():
    with pytest.raises(ImportRefused, match="The file is empty"):
        import_bytes(b"", "a.html")


def test_missing_file_and_folder_are_refused(tmp_path):
    with pytest.raises(ImportRefused, match="does not exist"):
        import_file(tmp_path / "nope.txt")
    with pytest.raises(ImportRefused, match="is a folder"):
        import_file(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ImportRefused, match="not an ordinary file"):
        import_file(fifo)


def test_100_mb_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as file:
        file.truncate(100 * 1024 * 1024)  # sparse: no disk space, no time

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(builtins, "open", no_open)
    start = time.perf_counter()
    with pytest.raises(ImportRefused) as info:
        import_file(path)
    assert time.perf_counter() - start < 0.5
    limit_mb = MAX_IMPORT_BYTES // (1024 * 1024)
    assert f"up to {limit_mb} MB" in str(info.value)
    assert "100 MB" in str(info.value)


def test_bytes_over_the_limit_are_refused():
    with pytest.raises(ImportRefused, match="too large"):
        import_bytes(b"a" * (MAX_IMPORT_BYTES + 1), "a.txt")


def test_file_just_under_the_limit_is_read(tmp_path):
    path = tmp_path / "big.txt"
    line = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n"
    path.write_bytes(line * (MAX_IMPORT_BYTES // len(line)))
    article = import_file(path)
    assert article.text.startswith("Lorem ipsum")


# --------------------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), name=st.sampled_from(["a.txt", "a.md", "a.html", "a"]))
def test_any_bytes_give_an_article_or_a_refusal(data, name):
    try:
        article = import_bytes(data, name)
    except ImportRefused as refusal:
        assert str(refusal).strip()
        return
    assert article.text.strip()
    assert article.original == data
    assert "\r" not in article.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.text(st.sampled_from("<>/ =\"'!-&;#pdivbr\nx\u00e9\U0001f600"), max_size=300),
       name=st.sampled_from(["a.html", "a.md"]))
def test_markup_soup_gives_an_article_or_a_refusal(body, name):
    try:
        article = import_bytes(body.encode("utf-8"), name)
    except ImportRefused:
        return
    assert article.text.strip()


def test_importing_the_package_does_not_load_the_heavy_extractors():
    code = ("import sys, factcheck.importers; "
            "print(sorted(m for m in ('trafilatura', 'charset_normalizer', 'markdown_it', "
            "'lxml') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=pathlib.Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "[]"
