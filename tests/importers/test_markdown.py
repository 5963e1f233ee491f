"""Markdown import: syntax stripped, structure kept as blocks, front matter as metadata."""

from __future__ import annotations

import pytest

from factcheck.core.errors import ImportRefused
from factcheck.importers import import_bytes
from factcheck.importers.markdown import import_markdown, split_front_matter

ARTICLE = """\
---
title: "Bridge budget: what the council said"
author: Maria Okafor
date: 2024-03-14
url: https://gazette.example/news/bridge-budget
tags: [budget, council]
---

# Council approves *new* bridge budget

The council voted **42 million euros** for the bridge, said [the mayor](https://example.org/mayor "Mayor").
It was a __long__ debate with `inline code` and ~~struck~~ words.\x20\x20
Hard break here.

![A photo of the bridge](https://example.org/bridge.jpg)

> A quoted claim: "every euro will be accounted for".
>
> Second quoted paragraph.

3. Third point
4. Fourth point with _emphasis_
   - nested bullet
   - another one

* Bullet one
* Bullet two

```python
print("code kept")
    indented = 1
```

<div class="note">Raw <b>HTML</b> block<script>alert("x")</script> text</div>

Inline <span>html</span> and <script>evil()</script> gone. Entities: &amp; &eacute; &#169;

| Year | Cost |
|------|------|
| 2022 | 21M  |
| 2024 | 42M  |

***

Setext heading
--------------

Final <https://auto.link/x> paragraph.
"""

EXPECTED_BLOCKS = [
    "Council approves new bridge budget",
    "The council voted 42 million euros for the bridge, said the mayor. It was a long debate"
    " with inline code and struck words.\nHard break here.",
    'A quoted claim: "every euro will be accounted for".',
    "Second quoted paragraph.",
    "3. Third point",
    "4. Fourth point with emphasis",
    "  • nested bullet",
    "  • another one",
    "• Bullet one",
    "• Bullet two",
    'print("code kept")\n    indented = 1',
    "Raw HTML block text",
    "Inline html and gone. Entities: & é ©",
    "Year | Cost\n2022 | 21M\n2024 | 42M",
    "Setext heading",
    "Final https://auto.link/x paragraph.",
]


def test_markdown_formatting_is_stripped_and_blocks_kept():
    data = ARTICLE.encode("utf-8")
    article = import_bytes(data, "story.md")
    assert article.text.split("\n\n") == EXPECTED_BLOCKS
    for syntax in ("**", "__", "~~", "](", "![", "<", ">", "```", "---", "alert", "evil",
                   "example.org", "bridge.jpg", "title:", "A photo"):
        assert syntax not in article.text, syntax
    assert article.source_format == "markdown"
    assert article.mime == "text/markdown"
    assert article.original == data


def test_front_matter_gives_metadata_and_is_not_text():
    article = import_bytes(ARTICLE.encode("utf-8"), "story.md")
    assert article.title == "Bridge budget: what the council said"
    assert article.author == "Maria Okafor"
    assert article.published_at == "2024-03-14"
    assert article.url == "https://gazette.example/news/bridge-budget"
    assert "budget, council" not in article.text


def test_front_matter_parsing_is_minimal_and_forgiving():
    fields, rest = split_front_matter(
        "---\n"
        "Title: 'Quoted title'   \n"
        "authors:\n"
        "  - Ana Silva\n"
        "  - \"Bo Chen\"\n"
        "# a comment\n"
        "published: 2023-01-02T10:00:00Z # first edition\n"
        "canonical_url: https://x.example/a\n"
        "unknown: ignored\n"
        "...\n"
        "Body"
    )
    assert fields == {
        "title": "Quoted title",
        "author": "Ana Silva, Bo Chen",
        "published_at": "2023-01-02T10:00:00Z",
        "url": "https://x.example/a",
    }
    assert rest == "Body"


@pytest.mark.parametrize("source", [
    "---\n\nJust a thematic break.\n\n---\n\nText",     # not YAML inside
    "---\ntitle: never closed\n\nText",                 # no closing line
    "Text first\n---\ntitle: x\n---\n",                 # not at the top
])
def test_text_that_is_not_front_matter_is_left_alone(source):
    fields, rest = split_front_matter(source)
    assert fields == {} and rest == source


def test_title_falls_back_to_first_h1_then_first_line():
    assert import_bytes(b"Intro line\n\n# The Headline\n\nText", "a.md").title == "The Headline"
    assert import_bytes(b"## Sub only\n\nText", "a.md").title == "Sub only"
    assert import_bytes(b"Just **text** here.\n", "a.md").title == "Just text here."


def test_crlf_bom_and_nfd_markdown():
    data = b"\xef\xbb\xbf# Cafe\xcc\x81\r\n\r\nLine *one*\r\nline two\r\n"
    article = import_bytes(data, "a.md")
    assert article.text == "Café\n\nLine one line two"
    assert article.title == "Café"


def test_links_keep_their_text_and_images_are_dropped():
    article = import_markdown(
        b"See [the report][ref] and ![chart](c.png) [**bold link**](http://x.example).\n\n"
        b"[ref]: http://report.example/2024.pdf\n", "a.md")
    assert article.text == "See the report and bold link."


def test_html_only_script_is_dropped_entirely():
    data = b"<script>\ndocument.write('x')\n</script>\n\n<style>p{}</style>\n\nReal text.\n"
    assert import_bytes(data, "a.md").text == "Real text."


@pytest.mark.parametrize("data", [
    b"",
    b"   \n\n",
    b"---\ntitle: Only metadata\n---\n",
    b"![just an image](x.png)\n\n***\n",
    b"<!-- a comment -->\n<div></div>\n",
])
def test_markdown_without_text_is_refused(data):
    with pytest.raises(ImportRefused, match="empty|has no text"):
        import_bytes(data, "a.md")


def test_deeply_nested_markdown_does_not_crash():
    data = (b"> " * 5000) + b"deep\n" + b"- " * 3000 + b"x\n"
    try:
        article = import_bytes(data, "a.md")
    except ImportRefused:
        return
    assert "deep" in article.text


@pytest.mark.parametrize("byline, author", [
    ("By Jane Doe", "Jane Doe"),
    ("Por Juana Pérez", "Juana Pérez"),
    ("*By Jane Doe*", "Jane Doe"),
    ("**Por** Juana Pérez y Luis de la Torre", "Juana Pérez y Luis de la Torre"),
    ("_Por:_ Redacción Economía", "Redacción Economía"),
    ("By J. R. Smith.", "J. R. Smith"),
])
def test_a_byline_under_the_title_gives_the_author_and_stays_in_the_text(byline, author):
    source = f"# Rain record in Medellín\n\n{byline}\n\nThe mayor said it was the wettest October.\n"
    article = import_bytes(source.encode("utf-8"), "story.md")
    assert article.author == author
    plain = import_bytes(source.replace(byline, "A line.").encode("utf-8"), "story.md").text
    assert article.text == plain.replace("A line.", " ".join(byline.replace("*", "").replace("_", "").split()))


@pytest.mark.parametrize("source", [
    "# Title\n\nBy Monday the rain had stopped.\n\nBody.",  # a sentence, not names
    "# Título\n\nPor la mañana llovió en Medellín.\n\nCuerpo.",
    "# Title\n\nBy Jane Doe, March 3, 2024\n\nBody.",  # a date in it: not only names
    "# Title\n\nThe body.\n\nBy Jane Doe",  # not right under the title
    "# Title\n\n- By Jane Doe\n\nBody.",  # a list item
    "By Jane Doe\n\nBody, no heading.",
    "# Title\n\nBy " + " ".join(["Ana"] * 12) + "\n\nBody.",  # too long for a byline
    "# Title\n\nBy Monday\n\nBody.",  # capitalised, but a day
    "# Title\n\nBy The Numbers\n\nBody.",  # a column's name
    "# Título\n\nPor Enero\n\nCuerpo.",
])
def test_no_author_is_made_up_from_other_lines(source):
    assert import_bytes(source.encode("utf-8"), "story.md").author == ""


def test_front_matter_author_wins_over_a_byline():
    source = "---\nauthor: Maria Okafor\n---\n# Title\n\nBy Jane Doe\n\nBody."
    assert import_bytes(source.encode("utf-8"), "story.md").author == "Maria Okafor"
