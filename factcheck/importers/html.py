"""HTML importer: the main text and metadata of a saved web page, via trafilatura.

trafilatura is only ever given the page as a string (never a URL), so nothing is fetched:
its extraction works on the parsed tree, and links, images and iframes stay unfollowed.
Navigation, headers and footers outside the article, asides, forms, iframes and embedded
objects are pruned before extraction (trafilatura itself drops scripts and styles), and
reader comments are excluded. trafilatura's output tree is
turned into blocks (paragraphs, headings, list items, quotes, table rows) separated by a
blank line. ``_article_body.choose`` then takes a second opinion (readability-lxml, the
page's JSON-LD ``articleBody``) where trafilatura's text looks cut short or polluted.

If trafilatura finds no article, a very simple page (a body with a few paragraphs) is
read directly with lxml; anything else is refused.

Metadata comes first from what the page declares (``_page_metadata``: JSON-LD, Open
Graph, meta tags, the canonical link), then from trafilatura's own reading.

A page saved "complete" (``page.html`` beside a ``page_files`` folder) is read by
``import_saved_page``: the text from the page, and the page and its folder kept together
as one MHTML file, the version's original. Saved pages (MHTML) and web archives (WARC,
WACZ) are unpacked by ``mhtml.py`` and ``warc.py`` and read by ``article_from_html``.
"""

from __future__ import annotations

import codecs
import dataclasses
import functools
import logging
import os
import re
import stat
from datetime import datetime

from factcheck.core.errors import BugError, ImportCancelled, ImportRefused
from factcheck.core.text import N_
from factcheck.importers import MAX_IMPORT_BYTES, ImportedArticle, _article_body, _page_metadata
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
    "//*[@hidden]",  # not shown: a reader never saw it (trafilatura drops display:none itself)
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


def decode_html(data: bytes, source_name: str = "", declared: str | None = None) -> str:
    """An HTML file's bytes as a string: BOM, then valid UTF-8, then the charset given from
    outside (``declared``: an HTTP header, a MIME part's) if Python knows it, then the
    page's own ``<meta>``, then detection."""
    if declared:
        try:
            codecs.lookup(declared.strip())
        except (LookupError, ValueError):
            declared = None
    return decode_bytes(data, source_name, declared=declared or _declared_encoding(data))


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
    return article_from_html(html, source_name=source_name, original=bytes(data), mime="text/html",
                             source_format="html")


def article_from_html(
    html: str,
    *,
    source_name: str,
    original: bytes,
    mime: str,
    source_format: str,
    url: str = "",
    title: str = "",
    notices: tuple = (),
) -> ImportedArticle:
    """A decoded page as an article. ``url`` (where an archive captured the page) wins over
    the page's own; ``title`` (a saved page's subject) is used when the page has none."""
    html = _XML_DECLARATION.sub("", html, count=1)
    html = html.replace("\x00", "")  # lxml stops at a NUL
    if not html.strip():
        raise ImportRefused(N_("The file is empty."))

    document = _extract(html)
    blocks: list[str] = []
    if document is not None and document.body is not None:
        _tree_blocks(document.body, blocks)

    tree = _parse(html)
    page_title = _page_title(tree)
    try:
        page = _page_metadata.read(tree)
    except (RecursionError, ValueError, TypeError):  # a tree lxml built but we cannot walk
        LOGGER.warning("page metadata could not be read", exc_info=True)
        page = _page_metadata.PageMetadata()
    if tree is not None:
        try:
            blocks, _ = _article_body.choose(blocks, html=html, tree=tree, claimed=page.article_body)
        except RecursionError:
            pass  # trafilatura's blocks stand
    text = join_blocks(blocks)
    if not text:
        text = join_blocks(_fallback_blocks(tree))  # changes the tree: read it last
    if not text:
        raise ImportRefused(_NO_TEXT)

    def meta(name: str) -> str:
        value = getattr(document, name, None) if document is not None else None
        return collapse_spaces(normalize_text(value)) if isinstance(value, str) else ""

    title = page.title or meta("title") or page_title or collapse_spaces(normalize_text(title))
    title = trim_title(title, TITLE_LIMIT) if title else first_line_title(text, TITLE_LIMIT)
    return ImportedArticle(
        text=text,
        title=title,
        source_format=source_format,
        source_name=source_name,
        original=original,
        mime=mime,
        author=page.author or meta("author"),
        outlet=page.outlet or meta("sitename"),
        url=url or page.url or meta("url"),
        published_at=page.published_at or meta("date"),
        language=page.language or meta("language"),
        notices=tuple(notices),
    )


# --------------------------------------------------------------------------- "Save page as… complete"

#: Extensions of pages that may have a ``<stem>_files`` folder beside them.
SAVED_PAGE_EXTENSIONS = (".html", ".htm", ".xhtml")
#: Most files, and most bytes, of a page's folder kept with it; a larger folder is left
#: out (the page alone is kept, and the person told). Browsers save a few dozen files.
MAX_SAVED_FILES = 2000
MAX_SAVED_BYTES = 150 * 1024 * 1024
#: How deep the folder's subfolders are followed.
_MAX_SAVED_DEPTH = 8


def saved_page_folder(path) -> str | None:
    """The ``<stem>_files`` folder a browser saved beside the page ``path``, or None.

    A symbolic link is not followed: the folder must be a real one beside the page.
    """
    path = os.fspath(path)
    stem, extension = os.path.splitext(path)
    if extension.lower() not in SAVED_PAGE_EXTENSIONS:
        return None
    folder = stem + "_files"
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    return folder if stat.S_ISDIR(info.st_mode) else None


def _folder_files(folder: str) -> tuple[list[tuple[str, str]], bool]:
    """The regular files under ``folder`` as (path relative to the page, full path), sorted,
    and whether the folder is within the limits. Links and special files are left out."""
    base = os.path.basename(folder)
    found: list[tuple[str, str]] = []
    total = 0
    stack = [(folder, base, 0)]
    while stack:
        directory, relative, depth = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            name = f"{relative}/{entry.name}"
            try:
                if entry.is_symlink():
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if depth < _MAX_SAVED_DEPTH:
                        stack.append((entry.path, name, depth + 1))
                    continue
                if not entry.is_file(follow_symlinks=False):
                    continue
                total += entry.stat(follow_symlinks=False).st_size
            except OSError:
                continue
            found.append((name, entry.path))
            if len(found) > MAX_SAVED_FILES or total > MAX_SAVED_BYTES:
                return [], False
    found.sort()
    return found, True


def import_saved_page(data: bytes, name: str, folder: str, *, progress=None) -> ImportedArticle:
    """A page saved with its ``_files`` folder: the page's text and metadata, with the page
    and the folder's files kept together as one MHTML file (nothing is fetched)."""
    from factcheck.importers import mhtml

    article = import_html(data, name)
    files, within = _folder_files(folder)
    folder_name = os.path.basename(folder)
    stem = os.path.splitext(name)[0]
    parts: list[tuple[str, bytes]] = []
    done, total = 0, len(files)
    for relative, full in files:
        if progress is not None and progress(done, total) is False:
            raise ImportCancelled(N_("The import was cancelled."))
        try:
            with open(full, "rb") as file:
                content = file.read(MAX_SAVED_BYTES + 1)
        except OSError:
            continue  # a file that went away or cannot be read: the rest is kept
        parts.append((relative, content))
        done += 1
    if progress is not None and progress(total, total) is False:
        raise ImportCancelled(N_("The import was cancelled."))
    original = mhtml.write(name, data, parts, url=article.url, title=article.title)
    if within and not parts:
        notice = N_("The page is kept as {name}; its folder “{folder}” holds no files.",
                    folder=folder_name, name=stem + ".mhtml")
    elif within and len(parts) == 1:
        notice = N_("The page and the file of its folder “{folder}” are kept together as one file, "
                    "{name}.", folder=folder_name, name=stem + ".mhtml")
    elif within:
        notice = N_("The page and the {count} files of its folder “{folder}” are kept together as "
                    "one file, {name}.", count=len(parts), folder=folder_name, name=stem + ".mhtml")
    else:
        notice = N_("The folder “{folder}” is too large to keep with the page (over {files} files "
                    "or {size} MB): only the page itself is kept, as {name}.", folder=folder_name,
                    files=f"{MAX_SAVED_FILES:,}", size=MAX_SAVED_BYTES // (1024 * 1024),
                    name=stem + ".mhtml")
    return dataclasses.replace(article, original=original, mime=mhtml.MIME, source_name=stem + ".mhtml",
                               notices=(*article.notices, notice))
