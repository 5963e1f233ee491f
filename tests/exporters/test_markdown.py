"""Markdown: the article with a footnote per claim; user text never becomes markup."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from factcheck import exporters
from factcheck.exporters import markdown

from .conftest import HOSTILE, LONG_WORD, parse_html, text_of

RENDERER = MarkdownIt("commonmark", {"html": True}).use(footnote_plugin)


def render(project, **selection):
    md = exporters.export(project, "markdown", exporters.Selection(**selection)).decode("utf-8")
    return md, parse_html(RENDERER.render(md))


def test_article_with_claims_as_footnotes(demo_project):
    md, doc = render(demo_project)
    claims = demo_project.claims()
    refs = [a for a in doc.iter("sup") if (a.get("class") or "") == "footnote-ref"]
    items = [li for li in doc.iter("li") if (li.get("class") or "") == "footnote-item"]
    assert len(refs) == len(items) == len(claims)
    body = text_of(doc.find("body"))
    text = demo_project.current_version(demo_project.articles()[0].id).text
    for paragraph in filter(None, text.split("\n")):
        assert paragraph[:60] in body
    notes = [text_of(li) for li in items]
    for claim, note in zip(claims, notes):
        assert claim.exact in note
    petro = next(n for n in notes if "drug cartels to flourish" in n)
    assert "Claim 1: No evidence." in petro and "Scott Bessent" in petro
    assert "Contradicts: US sanctions Colombian President Petro" in petro
    assert "Confidential source" in petro and "foreign ministry official" not in md
    assert md.startswith("# Fact-check: US sanctions Colombian President Petro")


def test_hostile_text_is_escaped_and_reads_back(hostile_project):
    md, doc = render(hostile_project)
    for tag in ("script", "textarea", "img", "b"):
        assert not list(doc.iter(tag)), tag
    body = re.sub(r"\s+", " ", text_of(doc.find("body")))
    for text in HOSTILE:
        assert re.sub(r"\s+", " ", text) in body, text[:40]
    assert "{{" not in md and "{%" not in md  # templating site generators see no tags
    assert "\\" not in body  # every escape was consumed: no stray backslash shows
    assert "javascript:" not in "".join(a.get("href") or "" for a in doc.iter("a"))


@pytest.mark.parametrize("text", HOSTILE + [
    "# not a heading", "> not a quote", "- not a list", "1. not a list", "+ nor this", "=== nor this",
    "[a link](https://example.org)", "![img](x.png)", "*not emphasis*", "`not code`", "&lt;entity&gt;",
    "a | table | row", "<https://autolink.example>", "~~strike~~", "    four spaces", "\\*backslash\\*",
])
def test_escape_round_trips_through_a_renderer(text):
    html = MarkdownIt("commonmark", {"html": True}).render(markdown.escape(text))
    doc = parse_html(html)
    body = doc.find("body")
    assert [el.tag for el in body] == ["p"], html
    assert text_of(body).strip() == text.strip()


def test_long_words_survive(hostile_project):
    md, _ = render(hostile_project)
    assert LONG_WORD in md
