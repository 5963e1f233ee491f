"""Markdown importer: render to plain text by walking markdown-it tokens.

No Markdown syntax survives: emphasis markers go, links keep their text (not the URL),
images are dropped, code is kept as text, list items start with "• " or their number,
raw HTML loses its tags (and script/style content entirely). Paragraphs, headings, list
items, quotes, code blocks and tables each become one block; blocks are separated by a
blank line. A YAML front matter block gives title/author/date/url and is not text. Without one, a
byline ("By Jane Doe", "Por Juana Pérez", emphasis or not) alone on the line right under
the first H1 gives the author; the line stays in the text as written.
"""

from __future__ import annotations

import re

from factcheck.core.errors import ImportRefused
from factcheck.core.text import N_
from factcheck.importers import ImportedArticle
from factcheck.importers._normalize import (
    clean_source,
    collapse_spaces,
    decode_bytes,
    first_line_title,
    join_blocks,
    trim_title,
)

TITLE_LIMIT = 120

_FRONT_MATTER_KEYS = {
    "title": "title",
    "headline": "title",
    "author": "author",
    "authors": "author",
    "by": "author",
    "byline": "author",
    "date": "published_at",
    "published": "published_at",
    "published_at": "published_at",
    "publishdate": "published_at",
    "pubdate": "published_at",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "canonical_url": "url",
    "canonicalurl": "url",
    "source": "url",
    "outlet": "outlet",
    "publication": "outlet",
    "site": "outlet",
    "sitename": "outlet",
    "site_name": "outlet",
    "lang": "language",
    "language": "language",
}

#: A byline: "By" or "Por" (a colon allowed) and the rest of its line.
_BYLINE = re.compile(r"^(?:by|por)(?:\s*:\s*|\s+)(\S.*)$", re.IGNORECASE)
#: A byline's longest name list, in characters and in words.
BYLINE_CHARS, BYLINE_WORDS = 80, 10
#: Lower-case words a list of names may hold between capitalised ones (English, Spanish, particles).
_NAME_JOINERS = frozenset("and & y e de del la las los da das do dos di van von der den le du".split())
#: Capitalised words that open a "By …" line that is not a byline ("By Monday", "By The Numbers", "Por España"
#: is left to the checker): days, months, articles and the like, English and Spanish.
_NOT_NAMES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december today tomorrow yesterday the a an this that these those
lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre
setiembre octubre noviembre diciembre hoy mañana ayer el la los las un una unos unas este esta estos estas""".split())

_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_LIST_ITEM = re.compile(r"^\s+-\s+(.*)$|^-\s+(.*)$")

# Raw HTML whose content is never text.
_SKIP_CONTENT_TAGS = ("script", "style", "iframe", "object", "embed", "template", "noscript",
                      "svg", "math", "textarea", "select", "head", "title")
_BLOCK_TAGS = frozenset(
    "p div li ul ol tr table h1 h2 h3 h4 h5 h6 blockquote section article header footer "
    "main aside nav figure figcaption pre dl dt dd hr details summary".split()
)
_HTML_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)\s*>")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``---`` YAML block from normalized text: (fields, rest).

    Minimal on purpose: ``key: value`` lines (quotes removed) and ``- item`` lists under
    a key with no value (joined with ", "). Unknown keys are ignored. Text that does not
    start with a closed ``---`` block is returned whole with no fields.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    end = None
    for index in range(1, min(len(lines), 200)):
        if lines[index].strip() in ("---", "..."):
            end = index
            break
    if end is None:
        return {}, text
    # Only YAML-looking lines: otherwise the "---" were thematic breaks, not front matter.
    content = [line for line in lines[1:end] if line.strip() and not line.lstrip().startswith("#")]
    if not content or not all(_KEY_VALUE.match(l) or _LIST_ITEM.match(l) for l in content):
        return {}, text
    if not _KEY_VALUE.match(content[0]):
        return {}, text
    fields: dict[str, str] = {}
    key = ""
    items: list[str] = []

    def flush() -> None:
        if key and items and key not in fields:
            fields[key] = ", ".join(items)

    for line in lines[1:end]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LIST_ITEM.match(line)
        if item and key:
            items.append(_unquote(item.group(1) or item.group(2) or ""))
            continue
        match = _KEY_VALUE.match(line)
        if not match:
            continue
        flush()
        name = match.group(1).lower()
        key = _FRONT_MATTER_KEYS.get(name, "")
        items = []
        value = _unquote(match.group(2))
        if key and value and key not in fields:
            if value.startswith("[") and value.endswith("]"):
                value = ", ".join(_unquote(v) for v in value[1:-1].split(",") if v.strip())
            fields[key] = value
    flush()
    return fields, "\n".join(lines[end + 1:])


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    elif " #" in value:  # a YAML comment after an unquoted value
        value = value.split(" #", 1)[0].rstrip()
    return collapse_spaces(value)


def byline_author(line: str) -> str:
    """The names of a byline line ("By Jane Doe", "Por: Juana Pérez y Luis Gil"), or "" for any other line.

    Conservative, since a wrong author is worse than none: a short line of capitalised
    words (initials, hyphens and apostrophes allowed), joined only by commas and the
    words of ``_NAME_JOINERS``; a date, a figure or a lower-case word ("By Monday the
    rain had stopped") makes it not a byline.
    """
    match = _BYLINE.match(line.strip())
    if not match or "\n" in line:
        return ""
    names = match.group(1).strip()
    if names.endswith(".") and not re.search(r"(?:^|\s)\w\.$", names):  # a full stop, not an initial's
        names = names[:-1].rstrip()
    words = names.split()
    if not words or len(names) > BYLINE_CHARS or len(words) > BYLINE_WORDS:
        return ""

    def is_name(word: str) -> bool:
        word = word.removesuffix(",")
        return bool(word) and word[0].isupper() and all(c.isalpha() or c in ".-'’" for c in word)

    if not (is_name(words[0]) and is_name(words[-1])) or words[0].removesuffix(",").casefold() in _NOT_NAMES:
        return ""
    return names if all(is_name(w) or w in _NAME_JOINERS for w in words) else ""


def _html_to_blocks(html: str) -> list[str]:
    """The text of a raw HTML block, one string per paragraph-like element.

    Tags are dropped; comments and the content of script, style and similar elements are
    dropped entirely; entities are decoded.
    """
    from html import unescape

    html = re.sub(r"<!--.*?(?:-->|$)", " ", html, flags=re.S)
    out: list[str] = []
    skipping: str | None = None
    position = 0
    for match in _HTML_TAG.finditer(html):
        if skipping is None:
            out.append(html[position:match.start()].replace("\n", " "))
        closing, tag, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        position = match.end()
        if skipping is not None:
            if closing and tag == skipping:
                skipping = None
            continue
        if not closing and not self_closing and tag in _SKIP_CONTENT_TAGS:
            skipping = tag
        elif tag == "br":
            out.append("\n")
        elif tag in _BLOCK_TAGS:
            out.append("\n\n")
    if skipping is None:
        out.append(html[position:].replace("\n", " "))
    # A tag cut by the end of the block (``<a href=...`` without ``>``) is not text either.
    text = re.sub(r"<[a-zA-Z/!][^>]*$", "", "".join(out))
    return [unescape(block) for block in text.split("\n\n")]


class _Renderer:
    """Turns markdown-it's token stream into a list of plain-text blocks."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.first_h1 = ""
        #: The paragraph right under the first H1, as text (a byline's place), and whether it may still come.
        self.under_h1 = ""
        self._in_title = self._under_h1_next = False
        # One entry per open list: [ordered, next number].
        self.lists: list[list[int | bool]] = []
        self.pending_marker = ""
        self.table_rows: list[list[str]] | None = None

    # -- inline ------------------------------------------------------------------------
    def inline(self, children) -> str:
        parts: list[str] = []
        skipping: str | None = None  # inside inline <script>...</script> and the like
        for token in children or ():
            kind = token.type
            if skipping is not None:
                if kind == "html_inline":
                    match = _HTML_TAG.match(token.content.strip())
                    if match and match.group(1) and match.group(2).lower() == skipping:
                        skipping = None
                continue
            if kind == "text" or kind == "code_inline":
                parts.append(token.content)
            elif kind == "softbreak":
                parts.append(" ")
            elif kind == "hardbreak":
                parts.append("\n")
            elif kind == "image":
                continue  # images are dropped, alt text included
            elif kind == "html_inline":
                match = _HTML_TAG.match(token.content.strip())
                if match:
                    tag = match.group(2).lower()
                    if not match.group(1) and tag in _SKIP_CONTENT_TAGS and not match.group(3):
                        skipping = tag
                    elif tag == "br":
                        parts.append("\n")
            # link_open/close, em, strong, s: markup only, nothing to write
        return "".join(parts)

    # -- blocks ------------------------------------------------------------------------
    def add(self, text: str) -> None:
        lines = [collapse_spaces(line) for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if not text:
            return
        if self.pending_marker:
            indent = "  " * (len(self.lists) - 1)
            text = indent + self.pending_marker + text
            self.pending_marker = ""
        self.blocks.append(text)

    def render(self, tokens) -> list[str]:
        heading: str | None = None
        for token in tokens:
            kind = token.type
            if self._under_h1_next and kind not in ("paragraph_open", "inline"):
                self._under_h1_next = False  # a list, a quote, a table...: not a byline's place
            if kind == "heading_open":
                heading = token.tag
            elif kind == "heading_close":
                self._under_h1_next, self._in_title = self._in_title, False
                heading = None
            elif kind == "inline":
                text = self.inline(token.children)
                if self.table_rows is not None:
                    if self.table_rows:
                        self.table_rows[-1].append(collapse_spaces(text))
                    continue
                if heading == "h1" and not self.first_h1:
                    self.first_h1 = collapse_spaces(text)
                    self._in_title = bool(self.first_h1)  # the title's heading: a byline may come next
                elif self._under_h1_next and heading is None:
                    self.under_h1 = text
                self._under_h1_next = False
                self.add(text)
            elif kind in ("bullet_list_open", "ordered_list_open"):
                ordered = kind == "ordered_list_open"
                start = token.attrs.get("start", 1) if ordered else 1
                try:
                    number = int(start)
                except (TypeError, ValueError):
                    number = 1
                self.lists.append([ordered, number])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                if self.lists:
                    self.lists.pop()
                self.pending_marker = ""
            elif kind == "list_item_open":
                if self.lists:
                    ordered, number = self.lists[-1]
                    if ordered:
                        self.pending_marker = f"{number}. "
                        self.lists[-1][1] = int(number) + 1
                    else:
                        self.pending_marker = "• "
            elif kind == "list_item_close":
                self.pending_marker = ""
            elif kind in ("fence", "code_block"):
                code = token.content.rstrip("\n")
                if code.strip():
                    if self.pending_marker:
                        self.add(code.split("\n", 1)[0])
                        code = code.split("\n", 1)[1] if "\n" in code else ""
                    if code.strip():
                        self.blocks.append(code)
            elif kind == "html_block":
                for block in _html_to_blocks(token.content):
                    self.add(block)
            elif kind == "table_open":
                self.table_rows = []
            elif kind == "tr_open" and self.table_rows is not None:
                self.table_rows.append([])
            elif kind == "table_close":
                rows = self.table_rows or []
                self.table_rows = None
                lines = [" | ".join(cell for cell in row) for row in rows if any(row)]
                if lines:
                    self.blocks.append("\n".join(lines))
            # paragraph_open/close, blockquote_open/close, hr: structure only
        return self.blocks


def _markdown_parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def render_markdown(source: str) -> tuple[list[str], str, str]:
    """Plain-text blocks of a Markdown source, the text of its first H1 (or ""), and the author its byline names (or "")."""
    renderer = _Renderer()
    try:
        tokens = _markdown_parser().parse(source)
        blocks = renderer.render(tokens)
    except RecursionError as exc:  # pathological nesting ("> > > > ..." thousands deep)
        raise ImportRefused(N_("The Markdown file is nested too deeply to be read.")) from exc
    return blocks, renderer.first_h1, byline_author(renderer.under_h1)


def import_markdown(data: bytes, source_name: str) -> ImportedArticle:
    """A Markdown file's bytes as an article (see the module docstring)."""
    source = clean_source(decode_bytes(data, source_name))
    fields, body = split_front_matter(source)
    blocks, first_h1, byline = render_markdown(body)
    text = join_blocks(blocks)
    if not text.strip():
        raise ImportRefused(N_("The Markdown file “{name}” has no text.", name=source_name) if source_name
                            else N_("The Markdown file has no text."))
    title = fields.get("title") or first_h1
    title = trim_title(title, TITLE_LIMIT) if title else first_line_title(text, TITLE_LIMIT)
    return ImportedArticle(
        text=text,
        title=title,
        source_format="markdown",
        source_name=source_name,
        original=bytes(data),
        mime="text/markdown",
        author=fields.get("author") or byline,
        outlet=fields.get("outlet", ""),
        url=fields.get("url", ""),
        published_at=fields.get("published_at", ""),
        language=fields.get("language", ""),
    )
