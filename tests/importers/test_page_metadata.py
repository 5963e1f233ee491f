"""What a page declares about itself: JSON-LD, Open Graph, meta tags, canonical link, hostile JSON-LD."""

from __future__ import annotations

import json

import lxml.html
import pytest

from factcheck.importers import _page_metadata, import_bytes

from . import _web
from ._web import HEADLINE, PARAGRAPHS, news_page

no_sockets = _web.no_sockets  # autouse: a test that opens a connection fails


def read(head: str, html_attrs: str = ""):
    return _page_metadata.read(lxml.html.document_fromstring(
        f"<html{html_attrs}><head>{head}</head><body><p>x</p></body></html>"))


def ld(value) -> str:
    return f"<script type='application/ld+json'>{json.dumps(value)}</script>"


NEWS = {
    "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge budget approved",
    "author": [{"@type": "Person", "name": "Maria Okafor"}, {"@type": "Person", "name": "Sam Lee"}],
    "datePublished": "2024-03-14T09:30:00+01:00", "inLanguage": "en-GB",
    "publisher": {"@type": "NewsMediaOrganization", "name": "The Riverside Gazette"},
    "url": "https://gazette.example/ld-url", "articleBody": "The body.",
}


def test_json_ld_news_article():
    found = read(ld(NEWS))
    assert (found.title, found.author, found.published_at, found.outlet, found.url, found.language,
            found.article_body) == ("Bridge budget approved", "Maria Okafor, Sam Lee", "2024-03-14",
                                    "The Riverside Gazette", "https://gazette.example/ld-url", "en-GB", "The body.")


def test_json_ld_in_a_graph_with_other_objects_and_typed_as_a_list_or_url():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Gazette", "url": "https://gazette.example/"},
        {"@type": "Organization", "name": "Not the author"},
        {"@type": ["ReportageNewsArticle", "https://schema.org/Thing"], "headline": "From the graph",
         "author": {"@type": "Person", "name": "Ana Ruiz"}, "mainEntityOfPage": {"@id": "https://g.example/a"},
         "publisher": "Gazette Media", "articleBody": "Graph body."},
    ]}
    found = read(ld(graph))
    assert (found.title, found.author, found.outlet, found.url, found.article_body) == (
        "From the graph", "Ana Ruiz", "Gazette Media", "https://g.example/a", "Graph body.")


def test_a_news_type_is_preferred_to_a_generic_article():
    found = read(ld({"@type": "Article", "headline": "Generic"}) + ld({"@type": "schema:NewsArticle", "headline": "News"}))
    assert found.title == "News"


def test_open_graph_and_meta_tags():
    found = read("<meta property='og:title' content='OG title'><meta name='author' content='Eva Braun'>"
                 "<meta property='article:author' content='https://facebook.com/eva'>"
                 "<meta property='og:site_name' content='OG Site'><meta property='og:url' content='https://og.example/x'>"
                 "<meta property='article:published_time' content='2021-07-08T10:00:00Z'>"
                 "<meta name='description' content='What it is about.'><meta property='og:locale' content='de_DE'>")
    assert (found.title, found.author, found.outlet, found.url, found.published_at, found.description,
            found.language) == ("OG title", "Eva Braun", "OG Site", "https://og.example/x", "2021-07-08",
                                "What it is about.", "de-DE")


def test_precedence_json_ld_then_open_graph_canonical_first_for_the_address():
    found = read(ld(NEWS) + "<meta property='og:title' content='OG title'>"
                 "<meta property='og:url' content='https://og.example/x'>"
                 "<link rel='canonical' href='https://gazette.example/canonical'>"
                 "<meta name='author' content='Meta Author'>", html_attrs=" lang='en'")
    assert found.title == "Bridge budget approved" and found.author == "Maria Okafor, Sam Lee"
    assert found.url == "https://gazette.example/canonical"  # the publisher's own address
    assert found.language == "en"  # what the markup says the text is in


def test_only_web_addresses_are_taken():
    found = read("<link rel='canonical' href='javascript:alert(1)'><meta property='og:url' content='/relative'>")
    assert found.url == ""


@pytest.mark.parametrize("script", [
    "{not json",
    "[" * 100_000 + "]" * 100_000,  # nested too deep for the parser
    json.dumps({"@type": "NewsArticle", "headline": "x" * 10, "padding": "y" * 3_000_000}),  # too large
    json.dumps({"@type": "NewsArticle", "headline": {"a": 1}, "author": 42, "datePublished": ["soon"],
                "publisher": [None, 3], "url": 7, "inLanguage": {"x": 1}, "articleBody": {"text": "no"}}),
    json.dumps({"@type": 5, "@graph": "not a list"}),
    json.dumps([[[[[[[[[[[[[[[[[[[[{"@type": "NewsArticle", "headline": "Deep"}]]]]]]]]]]]]]]]]]]]]),
    json.dumps({"@type": "NewsArticle", "author": [{"name": f"Author {n}"} for n in range(100_000)]}),
    json.dumps({"@type": "NewsArticle", "datePublished": "2024-13-45", "headline": "<b>Bold</b> &amp; co"}),
])
def test_hostile_json_ld_never_crashes_the_import(script):
    data = news_page(head=f"<script type='application/ld+json'>{script}</script>").encode()
    imported = import_bytes(data, "hostile.html")
    assert PARAGRAPHS[0] in imported.text
    assert imported.title  # something sensible, never a crash
    found = read(f"<script type='application/ld+json'>{script}</script>")
    assert len(found.author) < 1000 and found.published_at == ""


def test_tags_and_entities_in_json_ld_are_text():
    found = read(ld({"@type": "NewsArticle", "headline": "<b>Bold</b> &amp; co", "articleBody": "<p>One</p><p>Two</p>"}))
    assert found.title == "Bold & co" and found.article_body == "One Two"


def test_the_import_uses_page_metadata_first():
    data = news_page(head=ld(NEWS) + "<meta property='og:title' content='OG title'>").encode()
    imported = import_bytes(data, "p.html")
    assert (imported.title, imported.author, imported.outlet, imported.published_at) == (
        "Bridge budget approved", "Maria Okafor, Sam Lee", "The Riverside Gazette", "2024-03-14")
    assert imported.text.startswith(HEADLINE + "\n\n")  # the page's <h1>; the title is JSON-LD's
    assert imported.text.endswith(PARAGRAPHS[-1])
