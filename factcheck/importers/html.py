"""HTML importer: the main text and metadata of a saved web page, via trafilatura.

trafilatura is only ever given the page as a string (never a URL), so nothing is fetched:
its extraction works on the parsed tree, and links, images and iframes stay unfollowed.
Navigation, headers and footers outside the article, asides, forms, iframes and embedded
objects are pruned before extraction (trafilatura itself drops scripts and styles), and
reader comments are excluded. trafilatura's output tree is
turned into blocks (paragraphs, headings, list items, quotes, table rows) separated by a
blank line.

If trafilatura finds no article, a very simple page (a body with a few paragraphs) is
read directly with lxml; anything else is refused.
"""

from __future__ import annotations

import functools
import logging
import re
from datetime import datetime

from factcheck.core.errors import BugError, ImportRefused
from factcheck.core.text import N_
from factcheck.importers import MAX_IMPORT_BYTES, ImportedArticle
from factcheck.importers._normalize import (
    collapse_spaces,
    decode_bytes,
    first_line_title,
    join_blocks,
    normalize_text,
    trim_title,
)

LOGGER = logging.getLogger(__name__)

TITLE_LIMIT = 200

_NO_TEXT = N_("The web page has no article text that factcheck can find.")

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_WHITESPACE = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*\?>", re.I)

#: Never article text, removed from the tree before trafilatura sees it.
_PRUNE_XPATHS = [
    "//nav",
    "//footer",
    "//aside",
    "//header[not(ancestor::article) and not(ancestor::main)]",
    "//form",
    "//iframe",
    "//frame",
    "//object",
    "//embed",
    "//noscript",
    "//template",
    "//svg",
    "//button",
    "//*[@role='navigation' or @role='contentinfo' or @role='complementary' or @role='search']",
]

#: Removed from the tree in the lxml fallback (script and style too: their text is code).
_FALLBACK_DROP = (
    "nav", "header", "footer", "aside", "script", "style", "noscript", "template", "iframe",
    "frame", "object", "embed", "form", "svg", "button", "select", "textarea", "head",
)
_FALLBACK_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")
#: The fallback only reads pages this simple (elements in the body).
_FALLBACK_MAX_ELEMENTS = 300


def _declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML file names for itself (XML declaration or ``<meta>``), if any."""
    head = data[:8192]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match:
        return match.group(1).decode("ascii", "replace")
    return None


def decode_html(data: bytes, source_name: str = "") -> str:
    """An HTML file's bytes as a string: BOM, then the page's own charset, then detection."""
    return decode_bytes(data, source_name, declared=_declared_encoding(data))


@functools.cache
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    # Our own limit applies (trafilatura's default, 20 MB decimal, is a little lower).
    config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_IMPORT_BYTES + 1))
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def _trafilatura():
    try:
        import trafilatura

        # Its extraction notes ("discarding data: None") would reach the user's
        # terminal through logging's last-resort handler; our own errors say enough.
        for name in ("trafilatura", "htmldate", "courlan", "justext"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    except ImportError as exc:  # a broken installation, not the user's fault
        raise BugError(f"The HTML extractor (trafilatura) cannot be loaded: {exc}") from exc
    return trafilatura


def _element_text(element) -> str:
    """Text of a trafilatura output element: ``<lb/>`` is a line break, other whitespace
    (the page source's own line wrapping) is one space."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.text:
            parts.append(_WHITESPACE.sub(" ", node.text))
        for child in node:
            if child.tag == "lb":
                parts.append("\n")
            elif isinstance(child.tag, str) and child.tag != "graphic":
                walk(child)
            if child.tail:
                parts.append(_WHITESPACE.sub(" ", child.tail))

    walk(element)
    lines = (collapse_spaces(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


#: trafilatura output elements that are blocks of their own when found inside another.
_CONTAINERS = frozenset({"p", "list", "quote", "head", "table", "code"})


def _tree_blocks(body, blocks: list[str], depth: int = 0) -> None:
    """Append the blocks of trafilatura's output tree (``Document.body``) to ``blocks``."""
    if body.text and body.text.strip():  # a page whose text is not in any block element
        blocks.append(collapse_spaces(body.text))
    for element in body:
        tag = element.tag
        if not isinstance(tag, str):  # comments, processing instructions
            continue
        if tag == "list":
            ordered = (element.get("rend") or "").lower() in ("ol", "ordered")
            number = 1
            for item in element:
                if item.tag != "item":
                    continue
                nested = [child for child in item if child.tag == "list"]
                for child in nested:
                    item.remove(child)  # written below, after the item's own text
                text = _element_text(item)
                if text:
                    marker = f"{number}. " if ordered else "• "
                    blocks.append("  " * depth + marker + text)
                    number += 1
                for child in nested:
                    wrapper = child.makeelement("div", {})
                    wrapper.append(child)
                    _tree_blocks(wrapper, blocks, depth + 1)
        elif tag == "table":
            lines = []
            for row in element.iter("row"):
                cells = [_element_text(cell).replace("\n", " ")
                         for cell in row if cell.tag == "cell"]
                if any(cells):
                    lines.append(" | ".join(cells))
            if lines:
                blocks.append("\n".join(lines))
        elif tag == "quote" and any(child.tag in _CONTAINERS for child in element):
            _tree_blocks(element, blocks, depth)
        elif tag == "code":
            code = "".join(element.itertext()).strip("\n")
            if code.strip():
                blocks.append(code)
        elif tag == "graphic":
            continue
        elif tag == "div" or (tag not in ("p", "head", "quote") and len(element)
                              and all(child.tag in _CONTAINERS for child in element)):
            _tree_blocks(element, blocks, depth)
        else:
            text = _element_text(element)
            if text:
                blocks.append(text)
        if element.tail and element.tail.strip():
            blocks.append(collapse_spaces(element.tail))


def _parse(html: str):
    """lxml's tree of the page, or None if lxml cannot make one."""
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _fallback_blocks(tree) -> list[str]:
    """Blocks of a very simple page read with lxml, or [] if it is not that simple."""
    if tree is None:
        return []
    body = tree.find("body")
    if body is None:
        body = tree
    elements = sum(1 for node in body.iter() if isinstance(node.tag, str))
    if elements > _FALLBACK_MAX_ELEMENTS:
        return []
    for node in list(body.iter(*_FALLBACK_DROP)):
        if node.getparent() is not None:
            node.drop_tree()
    blocks = []
    for node in body.iter(*_FALLBACK_BLOCKS):
        if any(parent.tag in _FALLBACK_BLOCKS for parent in node.iterancestors()):
            continue  # read with its outermost block
        if not _text_outside_links(node).strip():
            continue  # a link (or a list of them) is navigation, not article text
        if node.tag == "pre":
            text = node.text_content().strip("\n")
        else:
            text = _html_text(node)
        if node.tag == "li" and text:
            text = "• " + text
        if text.strip():
            blocks.append(text)
    return blocks


def _text_outside_links(node) -> str:
    parts = [node.text or ""] if node.tag != "a" else []
    for child in node:
        if isinstance(child.tag, str) and child.tag != "a":
            parts.append(_text_outside_links(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _html_text(node) -> str:
    """Text of an lxml HTML element on one line per ``<br>``, spaces collapsed."""
    parts: list[str] = []

    def walk(element) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            if isinstance(child.tag, str):
                if child.tag == "br":
                    parts.append("\n")
                elif child.tag in _FALLBACK_BLOCKS:
                    parts.append("\n")
                    walk(child)
                    parts.append("\n")
                else:
                    walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(node)
    lines = (collapse_spaces(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _page_language(tree) -> str:
    if tree is None:
        return ""
    lang = (tree.get("lang") or tree.get("xml:lang")
            or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or "")
    if not lang:
        for meta in tree.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language":
                lang = meta.get("content") or ""
                break
    return collapse_spaces(lang.split(",")[0])[:35]


def _page_title(tree) -> str:
    if tree is None:
        return ""
    for tag in ("title", "h1"):
        node = tree.find(f".//{tag}")
        if node is not None:
            text = collapse_spaces(node.text_content())
            if text:
                return text
    return ""


def _extract(html: str):
    """trafilatura's Document for the page, or None when it finds no text."""
    trafilatura = _trafilatura()
    try:
        return trafilatura.bare_extraction(
            html,
            url=None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            favor_precision=True,
            prune_xpath=_PRUNE_XPATHS,
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": datetime.now().astimezone().strftime("%Y-%m-%d"),
            },
            config=_config(),
        )
    except (RecursionError, MemoryError):
        raise ImportRefused(N_("The web page is too deeply nested or too large to read.")) from None
    except Exception as exc:  # trafilatura/lxml errors on malformed input
        LOGGER.warning("trafilatura failed on a page", exc_info=True)
        raise ImportRefused(N_("The web page could not be read: its HTML is too damaged.")) from exc


def import_html(data: bytes, source_name: str) -> ImportedArticle:
    """A saved web page's bytes as an article (see the module docstring)."""
    html = decode_html(data, source_name)
    html = _XML_DECLARATION.sub("", html, count=1)
    html = html.replace("\x00", "")  # lxml stops at a NUL
    if not html.strip():
        raise ImportRefused(N_("The file is empty."))

    document = _extract(html)
    blocks: list[str] = []
    if document is not None and document.body is not None:
        _tree_blocks(document.body, blocks)
    text = join_blocks(blocks)

    tree = _parse(html)
    language, page_title = _page_language(tree), _page_title(tree)
    if not text:
        text = join_blocks(_fallback_blocks(tree))  # changes the tree: read it last
    if not text:
        raise ImportRefused(_NO_TEXT)

    def meta(name: str) -> str:
        value = getattr(document, name, None) if document is not None else None
        return collapse_spaces(normalize_text(value)) if isinstance(value, str) else ""

    title = meta("title") or page_title
    title = trim_title(title, TITLE_LIMIT) if title else first_line_title(text, TITLE_LIMIT)
    return ImportedArticle(
        text=text,
        title=title,
        source_format="html",
        source_name=source_name,
        original=bytes(data),
        mime="text/html",
        author=meta("author"),
        outlet=meta("sitename"),
        url=meta("url"),
        published_at=meta("date"),
        language=language or meta("language"),
    )
