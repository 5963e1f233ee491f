"""HTML import: main text only, metadata, charsets, no network, refusals."""

from __future__ import annotations

import codecs
import pathlib
import socket

import pytest

from factcheck.core.errors import ImportRefused
from factcheck.importers import import_bytes, import_file
from factcheck.importers.html import import_html

DATA = pathlib.Path(__file__).parent / "data"

NEWS_PARAGRAPHS = [
    "The city council voted on Tuesday to approve a budget of 42 million euros for the new "
    "pedestrian bridge over the river, ending a debate that lasted almost two years.",
    "Supporters said the bridge would cut walking times between the two halves of the old "
    "town by more than fifteen minutes, and would reduce car traffic on the main road.",
    "Opponents argued that the cost had doubled since the first estimate in 2022, and asked "
    "for an independent review of the construction contract before any work begins.",
    "The mayor said construction should start next spring and last about eighteen months, "
    "adding that “every euro will be accounted for in public.”",
    "A final vote on the contract itself is expected at the council’s meeting in May.",
]

CLAIM = ("The minister said unemployment fell to 4.1 percent in the last quarter, the lowest "
         "figure since records began in 1971, according to the statistics office.")
CAVEAT = ("Economists cautioned that the figure excluded people who had stopped looking for "
          "work, and that part-time jobs made up most of the growth.")
BODY = f"<p>{CLAIM}</p>\n<p>{CAVEAT}</p>"


def page(body: str, head: str = "", html_attrs: str = "") -> bytes:
    return (f"<!DOCTYPE html><html{html_attrs}><head><meta charset='utf-8'>{head}</head>"
            f"<body>{body}</body></html>").encode("utf-8")


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection or resolve a name fails the test."""
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


# --------------------------------------------------------------------------- main text


def test_saved_news_page_gives_only_the_article_paragraphs(no_network):
    article = import_file(DATA / "news_page.html")
    blocks = article.text.split("\n\n")
    # trafilatura keeps the article's own headline as its first block.
    assert blocks in (NEWS_PARAGRAPHS, ["Council approves new bridge budget", *NEWS_PARAGRAPHS])
    for boilerplate in ("Riverside Gazette", "Subscribe", "Sport", "Weather", "Related stories",
                        "Old bridge closed", "Budget row", "Comments", "waste of money",
                        "Finally!", "river_fan_99", "Advertisement", "cheap flights",
                        "All rights reserved", "Privacy", "dataLayer", "tracking",
                        "font-family", "http", "By Maria Okafor"):
        assert boilerplate not in article.text, boilerplate
    assert article.source_format == "html"
    assert article.mime == "text/html"
    assert article.source_name == "news_page.html"
    assert article.original == (DATA / "news_page.html").read_bytes()


def test_saved_news_page_metadata():
    article = import_file(DATA / "news_page.html")
    assert article.title == "Council approves new bridge budget"
    assert article.author == "Maria Okafor"
    assert article.published_at == "2024-03-14"
    assert article.url == "https://gazette.example/news/bridge-budget"
    assert article.outlet == "The Riverside Gazette"
    assert article.language == "en-GB"


def test_script_iframe_and_remote_images_give_clean_text_and_no_network(no_network):
    data = page(
        "<script>alert(1)</script>"
        "<iframe src='http://evil.example/frame'></iframe>"
        "<img src='http://evil.example/pixel.png' onerror='alert(2)'>"
        f"<article><p>{CLAIM}<script>document.write('injected')</script></p>"
        "<img src='https://cdn.example/photo.jpg' alt='A photo'>"
        f"<p onclick='alert(3)'>{CAVEAT}</p></article>"
        "<noscript>Enable JavaScript</noscript>"
        "<object data='http://evil.example/flash.swf'>Flash fallback</object>"
        "<style>p { color: red }</style>",
        head="<script src='http://evil.example/x.js'></script>"
             "<link rel='stylesheet' href='http://evil.example/s.css'>"
             "<meta http-equiv='refresh' content='0; url=http://evil.example/'>",
    )
    article = import_bytes(data, "page.html")
    assert article.text == f"{CLAIM}\n\n{CAVEAT}"
    for bad in ("alert", "injected", "evil", "http", "Enable JavaScript", "Flash", "color",
                "A photo", "<", ">"):
        assert bad not in article.text, bad


def test_metadata_from_plain_meta_tags_and_canonical_link():
    data = page(
        f"<article><h1>Jobs figure disputed</h1>{BODY}</article>",
        head="<title>Jobs figure disputed | Daily Example</title>"
             "<meta name='author' content='Sam Lee'>"
             "<meta property='og:site_name' content='Daily Example'>"
             "<meta property='article:published_time' content='2022-05-06T10:00:00Z'>"
             "<link rel='canonical' href='https://daily.example/jobs'>",
        html_attrs=" lang='en'",
    )
    article = import_bytes(data, "jobs.html")
    assert article.title == "Jobs figure disputed"
    assert article.author == "Sam Lee"
    assert article.outlet == "Daily Example"
    assert article.published_at == "2022-05-06"
    assert article.url == "https://daily.example/jobs"
    assert article.language == "en"
    assert CLAIM in article.text


def test_metadata_from_open_graph_and_json_ld():
    og = page(
        f"<div class='article-body'>{BODY}</div>",
        head="<meta property='og:title' content='OG Title'>"
             "<meta property='og:url' content='https://og.example/x'>"
             "<meta property='og:site_name' content='OG Site'>"
             "<meta property='article:author' content='Eva Braun'>"
             "<meta property='article:published_time' content='2021-07-08'>",
        html_attrs=" lang='de-DE'",
    )
    article = import_bytes(og, "og.html")
    assert (article.title, article.url, article.outlet, article.author, article.published_at,
            article.language) == ("OG Title", "https://og.example/x", "OG Site", "Eva Braun",
                                  "2021-07-08", "de-DE")

    json_ld = page(
        f"<article>{BODY}</article>",
        head='<title>Chômage : le chiffre contesté - Le Quotidien</title>'
             '<script type="application/ld+json">{"@context": "https://schema.org",'
             '"@type": "NewsArticle", "headline": "Chômage : le chiffre contesté",'
             '"author": {"@type": "Person", "name": "Jean Dupont"},'
             '"datePublished": "2023-11-02T08:00:00+01:00",'
             '"publisher": {"@type": "Organization", "name": "Le Quotidien"}}</script>',
        html_attrs=" lang='fr'",
    )
    article = import_bytes(json_ld, "ld.html")
    assert (article.title, article.author, article.outlet, article.published_at,
            article.language) == ("Chômage : le chiffre contesté", "Jean Dupont",
                                  "Le Quotidien", "2023-11-02", "fr")


def test_page_without_metadata_gets_a_title_from_its_text():
    article = import_bytes(page(f"<article>{BODY}</article>"), "bare.html")
    assert article.title.startswith("The minister said unemployment")
    assert (article.author, article.url, article.published_at) == ("", "", "")


def test_structure_lists_quotes_tables_and_line_breaks():
    data = page(
        f"<article><h2>Key numbers</h2><p>{CLAIM}<br>Second line of the same paragraph.</p>"
        "<ul><li>The first listed point is long enough to count as article text.</li>"
        "<li>The second listed point is also long enough to be kept as text.</li></ul>"
        f"<blockquote><p>“We will publish every figure,” the minister told parliament.</p>"
        "</blockquote>"
        "<table><tr><th>Year</th><th>Rate</th></tr><tr><td>2023</td><td>4.1%</td></tr></table>"
        f"<p>{CAVEAT}</p></article>"
    )
    blocks = import_bytes(data, "s.html").text.split("\n\n")
    assert f"{CLAIM}\nSecond line of the same paragraph." in blocks
    assert "• The first listed point is long enough to count as article text." in blocks
    assert "• The second listed point is also long enough to be kept as text." in blocks
    assert "“We will publish every figure,” the minister told parliament." in blocks
    assert "Year | Rate\n2023 | 4.1%" in blocks
    assert blocks[-1] == CAVEAT


def test_source_line_wrapping_inside_a_paragraph_is_one_space():
    data = page("<article><p>" + CLAIM.replace(" ", "\n      ", 5) + "</p>\n<p>"
                + CAVEAT + "</p></article>")
    assert import_bytes(data, "w.html").text == f"{CLAIM}\n\n{CAVEAT}"


def test_entities_and_nfd_are_normalized():
    data = page("<article><p>Caf&eacute; &amp; cre\u0300me &#8212; " + CLAIM + "</p></article>")
    assert import_bytes(data, "e.html").text == f"Café & crème — {CLAIM}"


# --------------------------------------------------------------------------- simple pages


def test_very_simple_pages_are_read():
    assert import_bytes(b"<html><body><p>Hello world.</p></body></html>", "a.html").text == (
        "Hello world.")
    assert import_bytes(b"<p>Short one.</p><p>Short two.</p>", "a.html").text == (
        "Short one.\n\nShort two.")


def test_lxml_fallback_reads_a_page_trafilatura_finds_nothing_in():
    data = b"<html><body><ul><li>one</li><li>two</li></ul><nav><p>Menu</p></nav></body></html>"
    assert import_bytes(data, "list.html").text == "• one\n\n• two"


@pytest.mark.parametrize("data", [
    b"<html><body></body></html>",
    b"<html><head><title>Only a title</title></head><body>  </body></html>",
    b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    b"<footer><p>(c) 2024 Example</p></footer></body></html>",
    b"<html><body><header><p>Site name</p></header><aside><p>Related</p></aside></body></html>",
    b"<html><body><img src='http://x.example/a.png'><script>var x = 'text';</script>"
    b"<style>p {}</style></body></html>",
    b"<html><body><div class='menu'><a href='/'>Home</a> <a href='/a'>About us</a>"
    b" <a href='/c'>Contact</a></div></body></html>",
    b"<html><body><ul><li><a href='/'>Home</a></li><li><a href='/a'>About</a></li></ul>"
    b"</body></html>",
    b"<html><body><form><input name=q><button>Search</button></form></body></html>",
    b"<!-- only a comment -->",
])
def test_page_without_article_text_is_refused(data, no_network):
    with pytest.raises(ImportRefused, match="has no article text|is empty"):
        import_bytes(data, "empty.html")


# --------------------------------------------------------------------------- charsets


def test_meta_charset_is_honoured():
    text = "Über die Straße: “Zitat” – Grüße"
    data = (f"<html><head><meta charset='windows-1252'></head><body><p>{text}</p></body></html>"
            ).encode("cp1252")
    assert import_bytes(data, "a.html").text == text


def test_http_equiv_charset_is_honoured():
    text = "Президент заявил, что экономика растёт."
    data = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>"
            f"</head><body><p>{text}</p></body></html>").encode("cp1251")
    assert import_bytes(data, "a.html").text == text


def test_iso_8859_1_label_means_windows_1252():
    data = ("<html><head><meta charset=ISO-8859-1></head><body><p>“Smart” quotes cost €5"
            "</p></body></html>").encode("cp1252")
    assert import_bytes(data, "a.html").text == "“Smart” quotes cost €5"


def test_wrong_utf8_declaration_falls_back_to_detection():
    data = "<html><head><meta charset=utf-8></head><body><p>caf\u00e9 cr\u00e8me</p></body></html>"
    assert import_bytes(data.encode("cp1252"), "a.html").text == "café crème"


def test_valid_utf8_wins_over_a_stale_meta_charset():
    data = ("<html><head><meta charset='windows-1252'></head><body><p>Ça coûte 5 € — «oui»</p>"
            "</body></html>").encode("utf-8")
    assert import_bytes(data, "a.html").text == "Ça coûte 5 € — «oui»"


def test_bom_wins_over_meta_charset():
    data = codecs.BOM_UTF8 + (
        "<html><head><meta charset='iso-8859-1'></head><body><p>naïve — ok</p></body></html>"
    ).encode("utf-8")
    assert import_bytes(data, "a.html").text == "naïve — ok"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_html(encoding):
    data = f"<html><body><p>{CLAIM} مرحبا</p></body></html>".encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert import_bytes(data, "a.html").text == f"{CLAIM} مرحبا"


def test_xhtml_with_xml_encoding_declaration():
    data = ("<?xml version='1.0' encoding='iso-8859-15'?>\n"
            "<html xmlns='http://www.w3.org/1999/xhtml' xml:lang='fr'><head><title>T</title>"
            "</head><body><p>Coût : 5 €, déjà payé.</p></body></html>").encode("iso-8859-15")
    article = import_bytes(data, "a.xhtml")
    assert article.text == "Coût : 5 €, déjà payé."
    assert article.language == "fr"


# --------------------------------------------------------------------------- robustness


def test_deeply_nested_html_is_read_or_refused():
    data = ("<div>" * 5000 + f"<p>{CLAIM}</p>" + "</div>" * 5000).encode()
    try:
        article = import_bytes(data, "deep.html")
    except ImportRefused:
        return
    assert CLAIM in article.text


def test_import_html_directly():
    article = import_html(page(f"<article>{BODY}</article>"), "p.html")
    assert article.text == f"{CLAIM}\n\n{CAVEAT}"
