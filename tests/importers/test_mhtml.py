"""Saved web pages: MHTML files, and pages saved "complete" with their _files folder."""

from __future__ import annotations

import email
import email.policy
import os

import pytest
from click.testing import CliRunner

from factcheck import cli
from factcheck.core.errors import ImportRefused
from factcheck.core.project import Project
from factcheck.importers import _normalize, html, import_bytes, import_file
from factcheck.importers.mhtml import import_mhtml

from . import _web
from ._web import (
    HEADLINE,
    PARAGRAPHS,
    REMOTE_BODY,
    REMOTE_HEAD,
    SPANISH,
    mhtml,
    news_page,
    paragraphs,
    png,
)

URL = "https://gazette.example/news/bridge-budget"
ARTICLE = "\n\n".join(PARAGRAPHS)

no_sockets = _web.no_sockets  # autouse: a test that opens a connection fails


def article_text(imported) -> str:
    return imported.text.removeprefix(HEADLINE + "\n\n")


def chrome_page(**options) -> bytes:
    """A page as Chrome saves it: the page, a style sheet, an image and an ad frame."""
    page = news_page(head=REMOTE_HEAD, body=f"<h1>{HEADLINE}</h1>{paragraphs(PARAGRAPHS)}{REMOTE_BODY}")
    return mhtml([
        {"type": "text/html", "location": URL, "body": page.encode(), "id": "frame-1@mhtml.blink"},
        {"type": "text/css", "location": "https://cdn.example/site.css",
         "body": b"body { background: url(https://cdn.example/bg.png) } @import 'https://cdn.example/x.css';"},
        {"type": "image/png", "location": "https://cdn.example/photo.jpg", "body": png()},
        {"type": "text/html", "location": "https://ads.example/frame", "id": "frame-2@mhtml.blink",
         "body": b"<html><body><p>Advertisement: buy cheap flights to the sun this winter, today only, "
                 b"at prices you will not find anywhere else on the web.</p></body></html>"},
    ], snapshot=URL, subject=HEADLINE, **options)


# --------------------------------------------------------------------------- MHTML


@pytest.mark.parametrize("name", ["page.mhtml", "page.mht", "page"])
def test_a_chrome_mhtml_is_read_from_its_root_page_and_kept(name, no_sockets):
    data = chrome_page()
    imported = import_bytes(data, name)
    assert article_text(imported) == ARTICLE
    assert (imported.source_format, imported.mime, imported.source_name) == ("mhtml", "multipart/related", name)
    assert imported.original == data
    assert imported.url == URL and imported.title == HEADLINE and imported.language == "en"
    for junk in ("Advertisement", "cheap flights", "background", "All rights reserved"):
        assert junk not in imported.text


def test_mhtml_is_told_from_its_headers():
    assert _normalize.sniff_document(chrome_page()) == "MHTML"
    assert _normalize.sniff_document(b"From: someone\nSubject: hello\n\nA plain e-mail.\n") is None
    assert _normalize.sniff_document(b"Title: notes\nMIME-Version: 1.0\nContent-Type: text/plain\n\nx") is None


def test_the_start_parameter_names_the_root_even_when_it_is_not_first():
    frame = {"type": "text/html", "location": "https://ads.example/frame", "id": "ad@x",
             "body": b"<html><body><p>" + b"Advertisement text that is long enough. " * 10 + b"</p></body></html>"}
    root = {"type": "text/html", "location": URL, "id": "root@x", "body": news_page().encode()}
    imported = import_bytes(mhtml([frame, root], start="<root@x>"), "a.mhtml")
    assert article_text(imported) == ARTICLE and "Advertisement" not in imported.text


def test_the_snapshot_location_names_the_root_without_a_start_parameter():
    frame = {"type": "text/html", "location": "https://ads.example/frame",
             "body": b"<html><body><p>" + b"Advertisement text that is long enough. " * 10 + b"</p></body></html>"}
    root = {"type": "text/html", "location": URL, "body": news_page().encode()}
    assert article_text(import_bytes(mhtml([frame, root], snapshot=URL), "a.mhtml")) == ARTICLE


@pytest.mark.parametrize("cte", ["quoted-printable", "base64", "8bit"])
def test_spanish_and_emoji_survive_every_transfer_encoding(cte):
    page = news_page(body=paragraphs(SPANISH), lang="es").encode("utf-8")
    data = mhtml([{"type": "text/html", "location": URL, "body": page, "cte": cte}], snapshot=URL)
    imported = import_bytes(data, "es.mhtml")
    assert imported.text == "\n\n".join(SPANISH) and "📉" in imported.text


@pytest.mark.parametrize("part_charset,meta,encoding", [
    ("utf-8", "utf-8", "cp1252"),  # the part says UTF-8, the bytes are Windows-1252
    ("windows-1252", "windows-1252", "utf-8"),  # says Windows-1252, the bytes are UTF-8
    ("x-no-such-charset", "iso-8859-15", "iso-8859-15"),  # unknown label: the page's meta decides
    ("", "", "cp1252"),  # nothing declared: detected
])
def test_wrong_charsets(part_charset, meta, encoding):
    text = "Ça coûte 5 €, «oui», dit le maire : les travaux débuteront au printemps prochain."
    page = (f"<html><head><meta charset='{meta}'></head><body><article><p>{text}</p></article></body></html>"
            if meta else f"<html><body><article><p>{text}</p></article></body></html>")
    kind = f"text/html; charset={part_charset}" if part_charset else "text/html"
    data = mhtml([{"type": kind, "location": URL, "body": page.encode(encoding)}])
    assert import_bytes(data, "c.mhtml").text == text


def test_a_single_part_mht_is_read():
    page = news_page().encode()
    data = (b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Location: " + URL.encode() + b"\r\n\r\n" + page)
    imported = import_bytes(data, "old.mht")
    assert article_text(imported) == ARTICLE and imported.url == URL


def test_an_mhtml_with_no_html_part_is_one_sentence():
    data = mhtml([{"type": "image/png", "location": "https://cdn.example/a.png", "body": png()},
                  {"type": "text/css", "location": "https://cdn.example/s.css", "body": b"p {}"}])
    with pytest.raises(ImportRefused, match=r"^The saved web page “x.mhtml” holds no HTML page to read"):
        import_bytes(data, "x.mhtml")


@pytest.mark.parametrize("data", [b"just some text, not a saved page", b"\x00\x01binary" * 10, b"Subject: hi\n\nbody"])
def test_a_file_named_mhtml_that_is_not_one_is_one_sentence(data):
    with pytest.raises(ImportRefused) as caught:
        import_bytes(data, "x.mhtml")
    assert "x.mhtml" in str(caught.value) and "\n" not in str(caught.value)


def test_a_truncated_mhtml_reads_what_there_is_and_says_so():
    data = chrome_page()
    root_end = data.index(b"Content-Type: text/css")
    imported = import_mhtml(data[: root_end // 2 + 400], "cut.mhtml")  # in the middle of the page
    assert imported.notices == ("The saved page is cut short (perhaps not fully downloaded): its text "
                                "was read as far as it goes.",)
    assert imported.text.startswith(HEADLINE) and PARAGRAPHS[-1] not in imported.text
    # Cut after the root page: the page is whole, nothing to say.
    assert import_mhtml(data[: root_end + 50], "cut.mhtml").notices == ()
    # Cut inside the headers: one sentence.
    with pytest.raises(ImportRefused, match="is not a saved web page"):
        import_mhtml(data[:60], "cut.mhtml")


# --------------------------------------------------------------------------- page + _files folder


def saved_page(folder, name: str = "bridge.html"):
    """A page saved "complete": bridge.html and bridge_files/ with a style sheet, an image, a
    frame, a file in a subfolder; remote references too."""
    page = folder / name
    files = folder / (page.stem + "_files")
    (files / "sub").mkdir(parents=True)
    (files / "style.css").write_bytes(b"body { background: url(https://cdn.example/bg.png) }")
    (files / "photo.png").write_bytes(png())
    (files / "frame.html").write_bytes(b"<html><body><p>Advertisement frame.</p></body></html>")
    (files / "sub" / "font.woff2").write_bytes(bytes(range(256)))
    page.write_text(news_page(
        head=REMOTE_HEAD + f"<link rel='stylesheet' href='{files.name}/style.css'>"
             f"<link rel='canonical' href='{URL}'>",
        body=f"<h1>{HEADLINE}</h1>{paragraphs(PARAGRAPHS)}<img src='{files.name}/photo.png'>"
             f"<iframe src='{files.name}/frame.html'></iframe>{REMOTE_BODY}"), encoding="utf-8")
    return page, files


def parts_of(original: bytes) -> dict[str, bytes]:
    message = email.message_from_bytes(original, policy=email.policy.default)
    return {part["Content-Location"]: part.get_payload(decode=True) for part in message.iter_parts()}


def test_a_page_with_its_files_folder_keeps_both_in_one_mhtml(tmp_path, no_sockets):
    page, files = saved_page(tmp_path)
    outside = tmp_path / "secret.txt"
    outside.write_text("not part of the page")
    os.symlink(outside, files / "link.txt")  # a link leaving the folder: not followed

    imported = import_file(page)
    assert article_text(imported) == ARTICLE
    assert (imported.source_format, imported.mime, imported.source_name) == ("html", "multipart/related",
                                                                              "bridge.mhtml")
    assert imported.url == URL
    assert imported.notices == ("The page and the 4 files of its folder “bridge_files” are kept together "
                                "as one file, bridge.mhtml.",)
    stored = parts_of(imported.original)
    assert stored[URL] == page.read_bytes()
    base = "https://gazette.example/news/"
    assert stored[base + "bridge_files/style.css"] == (files / "style.css").read_bytes()
    assert stored[base + "bridge_files/photo.png"] == png()
    assert stored[base + "bridge_files/sub/font.woff2"] == bytes(range(256))
    assert len(stored) == 5 and b"not part of the page" not in imported.original

    # The kept file is itself a saved page factcheck reads back the same way.
    again = import_bytes(imported.original, "bridge.mhtml")
    assert again.text == imported.text and again.url == URL


def test_a_saved_page_whose_canonical_address_is_malformed_is_kept_under_its_file_name(tmp_path, no_sockets):
    """``urljoin`` raises ValueError on "https://[..." (not an IPv6 address): the page has no address then."""
    page, files = saved_page(tmp_path)
    page.write_text(page.read_text(encoding="utf-8").replace(URL, "https://[gazette.example/news"), encoding="utf-8")
    imported = import_file(page)
    assert article_text(imported) == ARTICLE and imported.url == ""
    stored = parts_of(imported.original)
    assert stored["file:///bridge.html"] == page.read_bytes() and len(stored) == 5


def test_a_page_without_a_folder_is_plain_html(tmp_path):
    page, files = saved_page(tmp_path)
    files.rename(tmp_path / "elsewhere")
    imported = import_file(page)
    assert (imported.mime, imported.original, imported.notices) == ("text/html", page.read_bytes(), ())


def test_a_folder_over_the_limits_is_left_out_and_the_person_told(tmp_path, monkeypatch):
    monkeypatch.setattr(html, "MAX_SAVED_FILES", 2)
    page, _ = saved_page(tmp_path)
    imported = import_file(page)
    assert article_text(imported) == ARTICLE
    assert parts_of(imported.original) == {URL: page.read_bytes()}
    assert imported.notices == ("The folder “bridge_files” is too large to keep with the page (over 2 files "
                                "or 150 MB): only the page itself is kept, as bridge.mhtml.",)


def test_a_files_folder_that_is_a_link_is_not_followed(tmp_path):
    page, files = saved_page(tmp_path)
    files.rename(tmp_path / "real_files")
    os.symlink(tmp_path / "real_files", files)
    assert import_file(page).mime == "text/html"


# --------------------------------------------------------------------------- command line


@pytest.mark.parametrize("kind,mime", [("folder", "multipart/related"), ("mhtml", "multipart/related"),
                                       ("warc.gz", "application/warc"), ("wacz", "application/wacz")])
def test_cli_imports_saved_pages_and_web_archives(tmp_path, kind, mime):
    archive = _web.warc([_web.response(URL, news_page(head=REMOTE_HEAD, body=f"<h1>{HEADLINE}</h1>"
                                                      f"{paragraphs(PARAGRAPHS)}{REMOTE_BODY}").encode())])
    if kind == "folder":
        path, _ = saved_page(tmp_path)
    else:
        path = tmp_path / f"bridge.{kind}"
        path.write_bytes({"mhtml": chrome_page(), "warc.gz": archive, "wacz": _web.wacz(archive, [URL])}[kind])
    project = tmp_path / "p.factcheck"
    Project.create(project, user="ana").close()
    result = CliRunner().invoke(cli.cli, ["import", str(project), str(path), "--user", "ana"])
    assert result.exit_code == 0, result.output
    with Project.open(project) as opened:
        (article,) = opened.articles()
        assert article.url == URL and article.title == HEADLINE
        assert opened.text(opened.current_version(article.id).id).removeprefix(HEADLINE + "\n\n") == ARTICLE
        (row,) = opened.store.read("SELECT mime FROM blobs")
        assert row[0] == mime


def test_damaged_mhtml_is_read_or_refused_in_one_sentence():
    import random

    rng = random.Random(7)
    base = chrome_page()
    for _ in range(80):
        copy = bytearray(base)
        for _ in range(rng.randint(1, 30)):
            copy[rng.randrange(len(copy))] = rng.randrange(256)
        if rng.random() < 0.3:
            copy = copy[: rng.randrange(1, len(copy))]
        try:
            imported = import_bytes(bytes(copy), "x.mhtml")
        except ImportRefused as exc:
            assert "\n" not in str(exc)
        else:
            assert imported.text
