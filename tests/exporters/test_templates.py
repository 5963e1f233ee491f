"""The report templates hold no words: every word a report shows comes from ``html_report.labels``
(or a sentence ``context`` makes), in the report's language."""

from __future__ import annotations

import re

import pytest
from jinja2 import nodes

from factcheck.core import resources
from factcheck.exporters import html_report

TEMPLATES = (html_report.TEMPLATE, html_report.PRINT_TEMPLATE)


def words_in(source: str) -> list[str]:
    """Words of 3+ letters in a template's own text (not in tags, attributes, CSS or expressions)."""
    tree = html_report.environment().parse(source)
    # Expressions and statements become a NUL: a tag cut by {% if %} is still one tag.
    text = "\0".join(node.data for node in tree.find_all(nodes.TemplateData))
    text = re.sub(r"<style\b.*?</style>", " ", text, flags=re.S | re.I)
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"&(?:[a-zA-Z]+|#\d+);", " ", text)
    found = re.findall(r"[A-Za-z]{3,}", text)
    # Strings in expressions ({{ x or "Not rated" }}) are shown too; those compared with are not.
    compared = {id(c) for node in tree.find_all(nodes.Compare) for c in node.find_all(nodes.Const)}
    for const in tree.find_all(nodes.Const):
        if isinstance(const.value, str) and id(const) not in compared:
            found += re.findall(r"[A-Za-z]{3,}", const.value)
    return found


@pytest.mark.parametrize("name", TEMPLATES)
def test_a_template_holds_no_english(name):
    source = resources.path("templates", name).read_text(encoding="utf-8")
    assert words_in(source) == []


def test_the_check_finds_words_between_tags_and_not_in_markup():
    assert words_in('<p class="meta">Report made {{ today }}</p>') == ["Report", "made"]
    assert words_in('<style>body { font-family: Georgia; }</style><a href="#x"{% if y %} title="t"{% endif %}>'
                    "{{ labels.claim }}</a>&nbsp;") == []
    assert words_in("{% if x %}<b>Verdict</b>{% else %}Why{% endif %}") == ["Verdict", "Why"]
    assert words_in("{{ c.rating_label or 'Not rated' }}{% if c.state == 'fuzzy' %}{% endif %}") == ["Not", "rated"]


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_label_a_template_uses_exists(name):
    source = resources.path("templates", name).read_text(encoding="utf-8")
    used = set(re.findall(r"\blabels\.(\w+)", source))
    assert used and used <= set(html_report.labels())
