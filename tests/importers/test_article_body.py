"""The second opinion on trafilatura's article text: boilerplate, cut articles, JSON-LD bodies."""

from __future__ import annotations

import json

import pytest

from factcheck.importers import _article_body, import_bytes

from . import _web
from ._web import HEADLINE, PARAGRAPHS, SPANISH, news_page, paragraphs

ARTICLE = "\n\n".join(PARAGRAPHS)

no_sockets = _web.no_sockets  # autouse: a test that opens a connection fails


def body_of(html: str) -> str:
    return import_bytes(html.encode(), "page.html").text.removeprefix(HEADLINE + "\n\n")


@pytest.fixture
def trafilatura_alone(monkeypatch):
    """Import as trafilatura alone would: no boilerplate rule, no readability, no JSON-LD."""
    monkeypatch.setattr(_article_body, "drop_boilerplate", lambda blocks: list(blocks))
    monkeypatch.setattr(_article_body, "readability_blocks", lambda html: [])
    monkeypatch.setattr(_article_body, "agrees", lambda claimed, visible: False)


NEWSLETTER = ("<div class='box'><h3>Get our morning briefing</h3>"
              "<p>Sign up to receive the day's top stories straight to your inbox every morning.</p>"
              "<p>Enter your email address below. You can unsubscribe at any time.</p></div>")
RELATED = ("<p><strong>Related stories</strong></p><p><a href='/a'>Old bridge closed for repairs</a></p>"
           "<p><a href='/b'>Budget row deepens as opposition walks out</a></p>")
POLLUTED = news_page(body=f"<h1>{HEADLINE}</h1>{paragraphs(PARAGRAPHS[:3])}{NEWSLETTER}"
                          f"{paragraphs(PARAGRAPHS[3:5])}{RELATED}{paragraphs(PARAGRAPHS[5:])}")


def test_trafilatura_keeps_newsletter_and_related_blocks_on_this_page(trafilatura_alone):
    text = body_of(POLLUTED)
    assert "inbox" in text and "Related stories" in text  # the pollution the rule is for


def test_newsletter_and_related_blocks_are_dropped():
    assert body_of(POLLUTED) == ARTICLE


def test_spanish_boilerplate_is_dropped_too():
    page = news_page(body=f"{paragraphs(SPANISH[:1])}<p><b>Noticias relacionadas</b></p>"
                          "<p><a href='/x'>El paro baja en marzo</a></p>"
                          "<p>Suscríbete a nuestro boletín y recibe las noticias en tu bandeja de entrada.</p>"
                          f"{paragraphs(SPANISH[1:])}", lang="es")
    assert body_of(page) == "\n\n".join(SPANISH)


def test_a_short_real_paragraph_is_not_boilerplate():
    blocks = ["Subscribers rose by a third.", PARAGRAPHS[0], "Read more: why it matters", "Short one.",
              PARAGRAPHS[1]]
    assert _article_body.drop_boilerplate(blocks) == ["Subscribers rose by a third.", PARAGRAPHS[0], PARAGRAPHS[1]]


# A subscriber's saved page: the paywalled part in a container trafilatura prunes.
CUT = news_page(body=f"<h1>{HEADLINE}</h1>{paragraphs(PARAGRAPHS[:2])}"
                     f"<div id='premium-content'>{paragraphs(PARAGRAPHS[2:])}</div>")


def test_trafilatura_cuts_this_article_short(trafilatura_alone):
    assert body_of(CUT) == "\n\n".join(PARAGRAPHS[:2])


def test_readability_restores_the_cut_article_with_the_headline():
    imported = import_bytes(CUT.encode(), "page.html")
    assert imported.text == HEADLINE + "\n\n" + ARTICLE


def test_a_paragraph_trafilatura_drops_in_the_middle_is_restored():
    page = news_page(body=f"<h1>{HEADLINE}</h1>{paragraphs(PARAGRAPHS[:2])}"
                          f"<div class='article-bottom'>{paragraphs(PARAGRAPHS[2:3])}</div>"
                          f"{paragraphs(PARAGRAPHS[3:])}")
    assert body_of(page) == ARTICLE


def test_readability_is_not_taken_for_a_longer_text_that_does_not_hold_trafilatura_s():
    first = PARAGRAPHS[:3]
    assert not _article_body.extends(first, PARAGRAPHS[3:] + ["Something else entirely with many words " * 5])
    assert not _article_body.extends(first, first)  # the same text: nothing added
    assert _article_body.extends(first, first + PARAGRAPHS[3:])


def json_ld(body: str) -> str:
    return ("<script type='application/ld+json'>"
            + json.dumps({"@type": "NewsArticle", "headline": HEADLINE, "articleBody": body}) + "</script>")


def test_a_json_ld_body_that_agrees_with_the_page_restores_a_cut_article(monkeypatch):
    monkeypatch.setattr(_article_body, "readability_blocks", lambda html: [])  # JSON-LD alone must do it
    page = news_page(head=json_ld("\n".join(PARAGRAPHS)),
                     body=f"<h1>{HEADLINE}</h1>{paragraphs(PARAGRAPHS[:2])}"
                          f"<div id='premium-content'>{paragraphs(PARAGRAPHS[2:])}</div>")
    assert body_of(page) == ARTICLE


LIE = ("The minister admitted that the bridge contract was awarded without any tender at all. "
       "Officials confirmed that the money had been moved to an offshore account in March. ")


def test_a_json_ld_body_that_disagrees_with_the_page_is_ignored(monkeypatch):
    monkeypatch.setattr(_article_body, "readability_blocks", lambda html: [])
    claimed = " ".join(PARAGRAPHS) + " " + LIE * 4  # the article plus an injection
    page = news_page(head=json_ld(claimed),
                     body=f"<h1>{HEADLINE}</h1>{paragraphs(PARAGRAPHS[:2])}"
                          f"<div id='premium-content'>{paragraphs(PARAGRAPHS[2:])}</div>")
    # Not believed, it does not even pick which of the page's blocks are the article:
    # trafilatura's (cut) text stands, and nothing of the JSON-LD's own comes in.
    assert body_of(page) == "\n\n".join(PARAGRAPHS[:2])


def test_readability_still_restores_a_page_whose_json_ld_body_lies():
    page = news_page(head=json_ld(LIE * 3),
                     body=f"<h1>{HEADLINE}</h1>{paragraphs(PARAGRAPHS[:2])}"
                          f"<div id='premium-content'>{paragraphs(PARAGRAPHS[2:])}</div>")
    assert body_of(page) == ARTICLE


def test_text_hidden_on_the_page_does_not_make_a_json_ld_body_agree(monkeypatch):
    monkeypatch.setattr(_article_body, "readability_blocks", lambda html: [])
    page = news_page(head=json_ld(" ".join(PARAGRAPHS) + " " + LIE),
                     body=f"<h1>{HEADLINE}</h1>{paragraphs(PARAGRAPHS[:2])}"
                          f"<div id='premium-content'>{paragraphs(PARAGRAPHS[2:])}</div>"
                          f"<div style='display: none'><p>{LIE}</p></div><p hidden>{LIE}</p>"
                          f"<script>var s = {json.dumps(LIE)};</script>")
    text = body_of(page)
    assert text == "\n\n".join(PARAGRAPHS[:2])  # the body was not believed: trafilatura's stands
    assert "offshore" not in text


def test_agreement_is_counted_in_sentences():
    visible = " ".join(PARAGRAPHS)
    assert _article_body.agrees(" ".join(PARAGRAPHS[:4]), visible)
    assert not _article_body.agrees(" ".join(PARAGRAPHS[:2]) + " " + LIE * 2, visible)
    assert not _article_body.agrees("Too short.", visible)


def test_page_blocks_are_the_visible_text():
    import lxml.html

    tree = lxml.html.document_fromstring(
        "<html><body><p>One <b>bold</b> line<br>and a second</p><div>Loose text<br><br>after a gap</div>"
        "<ul><li>First</li><li><p>Second</p></li></ul><table><tr><td>a</td><td>b</td></tr></table>"
        "<script>no</script><p style='visibility:hidden'>hidden</p><!-- comment -->tail</body></html>")
    assert _article_body.page_blocks(tree.find("body")) == [
        "One bold line\nand a second", "Loose text", "after a gap", "• First", "• Second", "a b", "tail"]


def test_a_deeply_nested_tree_does_not_exhaust_the_stack():
    from lxml import etree

    root = node = etree.Element("html")
    for _ in range(5000):  # deeper than Python's recursion limit (lxml's HTML parser stops at 255)
        node = etree.SubElement(node, "div")
    etree.SubElement(node, "p").text = "Deep text."
    assert _article_body.page_blocks(root) == ["Deep text."]
