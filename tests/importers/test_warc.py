"""Web archives (WARC, .warc.gz, WACZ): the article page picked, nothing fetched, damage survived."""

from __future__ import annotations

import io
import zipfile
import zlib

import pytest

from factcheck.core.errors import ImportCancelled, ImportRefused
from factcheck.importers import _normalize, import_bytes, import_file, warc
from factcheck.importers.warc import import_warc

from . import _web
from ._web import (
    HEADLINE,
    PARAGRAPHS,
    REMOTE_BODY,
    REMOTE_HEAD,
    chunked_gzip,
    news_page,
    paragraphs,
    response,
    wacz,
)
from ._web import warc as make_warc

URL = "https://gazette.example/news/bridge-budget"
ARTICLE = "\n\n".join(PARAGRAPHS)

no_sockets = _web.no_sockets  # autouse: a test that opens a connection fails


def capture(gz: bool = True) -> bytes:
    """One page as a browser captures it: the page, its style sheet, image, script and an ad frame."""
    page = news_page(head=REMOTE_HEAD, body=f"<h1>{HEADLINE}</h1>{paragraphs(PARAGRAPHS)}{REMOTE_BODY}")
    return make_warc([
        response(URL, page.encode()),
        response("https://cdn.example/site.css", b"body { background: url(https://cdn.example/bg.png) }", "text/css"),
        response("https://cdn.example/photo.jpg", b"\xff\xd8\xff" + bytes(500), "image/jpeg"),
        response("https://tracker.example/t.js", b"fetch('https://tracker.example/beacon')", "application/javascript"),
        # An advertising frame: HTML, and larger than the article, but all script.
        response("https://ads.example/frame", b"<html><body><script>" + b"var a=1;" * 20000
                 + b"</script><p>Advertisement</p></body></html>"),
    ], gz=gz)


def article_text(imported) -> str:
    return imported.text.removeprefix(HEADLINE + "\n\n")


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize("gz,name", [(True, "capture.warc.gz"), (False, "capture.warc")])
def test_the_article_page_of_a_capture_is_read_and_the_archive_kept(gz, name, no_sockets):
    data = capture(gz)
    imported = import_bytes(data, name)
    assert article_text(imported) == ARTICLE
    assert (imported.source_format, imported.mime, imported.source_name) == ("warc", "application/warc", name)
    assert imported.original == data
    assert imported.url == URL  # the captured address
    assert imported.title == HEADLINE
    assert imported.notices == ()  # one readable page: nothing to say
    for junk in ("Advertisement", "var a", "Gazette. All rights", "beacon"):
        assert junk not in imported.text


def test_the_kind_is_told_from_the_bytes_whatever_the_name():
    assert _normalize.sniff_document(capture(True)) == "WARC"
    assert _normalize.sniff_document(capture(False)) == "WARC"
    assert import_bytes(capture(True), "download").source_format == "warc"
    assert _normalize.sniff_document(zlib.compress(b"WARC/1.0")) is None  # zlib, not gzip
    import gzip

    assert _normalize.sniff_document(gzip.compress(b"just some text")) is None


def test_import_file_reads_a_warc_gz(tmp_path):
    path = tmp_path / "capture.warc.gz"
    path.write_bytes(capture())
    assert article_text(import_file(path)) == ARTICLE


def test_captured_url_wins_over_the_canonical_link():
    page = news_page(head="<link rel='canonical' href='https://gazette.example/canonical'>")
    imported = import_bytes(make_warc([response("https://gazette.example/amp/x", page.encode())]), "a.warc")
    assert imported.url == "https://gazette.example/amp/x"


def test_chunked_and_gzip_http_bodies_are_undone():
    page = news_page().encode()
    data = make_warc([response(URL, chunked_gzip(page), headers=[("Transfer-Encoding", "chunked"),
                                                                   ("Content-Encoding", "gzip")])])
    assert article_text(import_bytes(data, "a.warc.gz")) == ARTICLE


def test_the_http_charset_decodes_a_page_without_meta():
    text = "Über die Straße: „Zitat“ – Grüße aus Köln, sagte der Bürgermeister am Dienstag in der Stadt."
    page = f"<html><body><article><p>{text}</p></article></body></html>".encode("cp1252")
    data = make_warc([response(URL, page, "text/html; charset=windows-1252")])
    assert import_bytes(data, "a.warc").text == text


def test_a_resource_record_page_is_read():
    data = make_warc([{"kind": "resource", "url": URL, "body": news_page().encode(), "type": "text/html"}])
    assert article_text(import_bytes(data, "a.warc")) == ARTICLE


def test_the_page_with_most_article_text_wins_and_the_person_is_told():
    # A section front: more paragraph text than the article, each teaser in its own box.
    front = news_page(body="".join(f"<div class='teaser'><h3><a href='/n{n}'>Headline {n}</a></h3>"
                                   f"<p>{PARAGRAPHS[n % 6]}</p></div>" for n in range(40)))
    data = make_warc([
        response("https://gazette.example/", front.encode()),  # a section front, larger
        response(URL, news_page().encode()),
        response("https://gazette.example/about", news_page(body="<p>About us.</p>").encode()),
    ])
    imported = import_bytes(data, "crawl.warc.gz")
    assert article_text(imported) == ARTICLE and imported.url == URL
    assert imported.notices == (f"This web archive holds 2 web pages; factcheck read the one with the most "
                                f"article text, {URL}.",)


def test_redirects_errors_assets_and_revisits_are_not_the_page():
    data = make_warc([
        response("https://gazette.example/old", b"", status="301 Moved", headers=[("Location", URL)]),
        response("https://gazette.example/missing", news_page(body=paragraphs(PARAGRAPHS * 2)).encode(),
                 status="404 Not Found"),
        response("https://cdn.example/app.js", news_page(body=paragraphs(PARAGRAPHS * 2)).encode()),
        response(URL, news_page().encode()),
    ])
    imported = import_bytes(data, "a.warc.gz")
    assert imported.url == URL and article_text(imported) == ARTICLE


def test_an_archive_with_no_html_page_is_one_sentence():
    data = make_warc([response("https://cdn.example/photo.jpg", b"\xff\xd8\xff" + bytes(50), "image/jpeg"),
                      response("https://cdn.example/site.css", b"p {}", "text/css")])
    with pytest.raises(ImportRefused, match=r"^The web archive “a.warc.gz” holds no web page \(HTML\) to read"):
        import_bytes(data, "a.warc.gz")


@pytest.mark.parametrize("data", [b"hello, this is not an archive", b"WARC/1.0\r\ngarbage\r\n\r\n" + bytes(40)])
def test_a_file_named_warc_that_is_not_one_is_one_sentence(data):
    with pytest.raises(ImportRefused, match=r"“x.warc”") as caught:
        import_bytes(data, "x.warc")
    assert str(caught.value).count(".") <= 3 and "\n" not in str(caught.value)


# --------------------------------------------------------------------------- truncated


def record_ends(data: bytes) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(io.BytesIO(data))
    ends = []
    for _ in records:
        ends.append(records.get_record_offset() + records.get_record_length())
    return ends


@pytest.mark.parametrize("gz", [True, False])
def test_a_truncated_archive_keeps_the_complete_page_before_the_cut(gz):
    data = capture(gz)
    ends = record_ends(data)  # warcinfo, the page, the style sheet, ...
    imported = import_bytes(data[: ends[2] + 40], "cut.warc.gz" if gz else "cut.warc")
    assert article_text(imported) == ARTICLE
    assert imported.notices == ("This web archive is cut short (perhaps not fully downloaded): the page was "
                                "read from the complete records before the cut.",)


@pytest.mark.parametrize("gz", [True, False])
def test_a_page_cut_in_the_middle_is_never_read(gz):
    data = capture(gz)
    ends = record_ends(data)
    name = "cut.warc.gz" if gz else "cut.warc"
    for cut in (ends[0] + 200, (ends[0] + ends[1]) // 2, ends[1] - 40):
        with pytest.raises(ImportRefused, match=r"^The web archive “cut.warc(.gz)?” is cut short \(perhaps not "
                                                r"fully downloaded\) before any complete web page\.$"):
            import_bytes(data[:cut], name)


def test_a_warc_gz_cut_in_its_first_bytes_is_one_sentence():
    data = capture()
    for cut in (2, 11, 40, 120):
        with pytest.raises(ImportRefused) as caught:
            import_bytes(data[:cut], "cut.warc.gz")
        assert "\n" not in str(caught.value)


# --------------------------------------------------------------------------- limits


def test_an_archive_that_unpacks_too_far_is_refused(monkeypatch):
    monkeypatch.setattr(warc, "MAX_UNPACKED_BYTES", 2 * 1024 * 1024)
    bomb = make_warc([response(URL, news_page().encode()),
                      response("https://cdn.example/zeros.bin", bytes(8 * 1024 * 1024), "application/octet-stream")])
    assert len(bomb) < 100_000
    with pytest.raises(ImportRefused, match=r"unpacks to more than"):
        import_bytes(bomb, "bomb.warc.gz")


def test_progress_is_reported_and_cancel_works():
    calls = []
    import_warc(capture(), "a.warc.gz", progress=lambda done, total: calls.append((done, total)) or True)
    assert calls and all(0 <= done <= total for done, total in calls)
    with pytest.raises(ImportCancelled):
        import_warc(capture(), "a.warc.gz", progress=lambda done, total: False)


# --------------------------------------------------------------------------- WACZ


def test_wacz_reads_the_first_listed_page_following_redirects(no_sockets):
    longer = news_page(body=paragraphs(PARAGRAPHS * 3))
    archive = make_warc([
        response("https://gazette.example/other", longer.encode()),  # more text, but not listed first
        response("https://gazette.example/short", b"", status="302 Found",
                 headers=[("Location", "/news/bridge-budget")]),
        response(URL, news_page(head=REMOTE_HEAD).encode()),
    ])
    data = wacz(archive, ["https://gazette.example/short", "https://gazette.example/other"])
    assert _normalize.sniff_document(data) == "WACZ"
    imported = import_bytes(data, "capture.wacz")
    assert article_text(imported) == ARTICLE
    assert (imported.url, imported.source_format, imported.mime) == (URL, "wacz", "application/wacz")
    assert imported.original == data and imported.notices == ()


def test_wacz_without_a_usable_page_list_picks_by_text():
    archive = make_warc([response("https://cdn.example/x.css", b"p{}", "text/css"),
                         response(URL, news_page().encode())], gz=False)
    imported = import_bytes(wacz(archive, ["https://gazette.example/not-captured"],
                                 archive_name="archive/data.warc"), "a.wacz")
    assert article_text(imported) == ARTICLE


def test_a_plain_zip_is_not_a_wacz():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("archive/notes.txt", "x")
    assert _normalize.sniff_document(buffer.getvalue()) == "ZIP"


def test_wacz_with_a_zip_slip_name_is_refused():
    data = wacz(make_warc([response(URL, news_page().encode())]), [URL],
                extra={"../../../home/user/.bashrc": b"echo owned"})
    with pytest.raises(ImportRefused, match=r"points outside the document"):
        import_bytes(data, "slip.wacz")


def test_wacz_zip_bomb_is_refused():
    bomb = b"WARC/1.0\r\n" + bytes(40 * 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("archive/data.warc", bomb, compress_type=zipfile.ZIP_DEFLATED)
        package.writestr("datapackage.json", "{}")
    data = buffer.getvalue()
    assert len(data) < 200_000
    with pytest.raises(ImportRefused, match=r"zip bomb|unpacks to more than|too large"):
        import_bytes(data, "bomb.wacz")


def test_a_truncated_wacz_is_one_sentence():
    data = wacz(make_warc([response(URL, news_page().encode())]), [URL])
    with pytest.raises(ImportRefused, match=r"damaged"):
        import_bytes(data[: len(data) // 2], "cut.wacz")


def test_a_wacz_whose_directory_points_before_the_file_start_is_one_sentence():
    """The end record's directory offset forged 10 bytes too far: zipfile then seeks before the start (ValueError)."""
    import struct

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("archive/data.warc.gz", make_warc([response(URL, news_page().encode())]))
    data = bytearray(buffer.getvalue())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<I", data, end + 16, struct.unpack_from("<I", data, end + 16)[0] + 10)
    with pytest.raises(ImportRefused, match=r"damaged"):
        import_bytes(bytes(data), "forged.wacz")


def test_a_wacz_page_list_with_a_malformed_address_is_passed_over():
    """``urlsplit`` raises ValueError on "http://[..." (not an IPv6 address): that line is skipped, not a crash."""
    data = wacz(make_warc([response(URL, news_page(body=paragraphs(PARAGRAPHS)).encode())]),
                ["http://[gazette.example/news", URL])
    assert article_text(import_bytes(data, "pages.wacz")) == ARTICLE


def test_wacz_without_warc_files_is_one_sentence():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("datapackage.json", "{}")
        package.writestr("pages/pages.jsonl", "{}\n")
    with pytest.raises(ImportRefused, match=r"holds no WARC files"):
        import_bytes(buffer.getvalue(), "empty.wacz")


# --------------------------------------------------------------------------- damage of any kind


def damaged_copies(data: bytes, count: int, seed: int):
    import random

    rng = random.Random(seed)
    for _ in range(count):
        copy = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            at = rng.randrange(len(copy))
            copy[at] = rng.randrange(256)
        if rng.random() < 0.3:
            copy = copy[: rng.randrange(1, len(copy))]
        yield bytes(copy)


@pytest.mark.parametrize("kind", ["warc.gz", "warc", "wacz"])
def test_damaged_archives_are_read_or_refused_in_one_sentence(kind):
    base = capture(kind != "warc")
    if kind == "wacz":
        base = wacz(base, [URL])
    for copy in damaged_copies(base, 60, seed={"warc.gz": 1, "warc": 2, "wacz": 3}[kind]):
        try:
            imported = import_bytes(copy, f"x.{kind}")
        except ImportRefused as exc:
            assert "\n" not in str(exc) and str(exc).endswith(".")
        else:
            assert imported.text


def test_the_socket_guard_catches_a_connection(no_sockets):
    import socket

    with pytest.raises(AssertionError, match="network access attempted"):
        socket.create_connection(("gazette.example", 80))
    no_sockets.clear()  # the attempt was this test's own


def test_pages_in_an_encoding_warcio_cannot_undo_are_named():
    data = make_warc([response(URL, b"\x1b\x00\x00\x00 brotli bytes", headers=[("Content-Encoding", "br")])])
    with pytest.raises(ImportRefused, match=r"compressed as “br”, which factcheck cannot unpack"):
        import_bytes(data, "a.warc.gz")


def test_a_record_with_a_senseless_address_is_skipped_not_fatal():
    data = make_warc([response("http://[not-an-address/x", news_page(body=paragraphs(PARAGRAPHS * 2)).encode()),
                      response(URL, news_page().encode())])
    assert import_bytes(data, "a.warc.gz").url == URL
