"""EPUB importer: the book's chapters in reading order, as text.

META-INF/container.xml names the package document (OPF); its spine gives the reading
order of the XHTML chapters, its metadata the title, authors, language, publisher (as
the outlet) and publication date. Every part is read through ``_zipsafe``; the OPF and
container with its hardened XML parser, the chapters with lxml's HTML parser (no
network, no DTD: XHTML's named entities such as ``&nbsp;`` still read, and entity
declarations are ignored, so nothing is expanded).

Each chapter becomes blocks the way a simple web page does in the HTML importer:
paragraphs, headings, list items ("•", "1."), table rows ("a | b"), ``<br>`` as a line
break. A book's own table of contents (the EPUB 3 navigation document, ``<nav>``) is left
out. Chapters outside the linear reading order (pop-up notes and the like) come last.
A book protected with DRM (its chapters encrypted) is refused with a sentence.
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import unquote, urldefrag

from factcheck.core.errors import ImportCancelled, ImportRefused
from factcheck.core.text import N_
from factcheck.importers import ImportedArticle
from factcheck.importers import _zipsafe
from factcheck.importers._normalize import collapse_spaces, first_line_title, join_blocks, normalize_text, trim_title

MIME = "application/epub+zip"
TITLE_LIMIT = 200
KIND = N_("e-book (EPUB)")

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_ENC = "{http://www.w3.org/2001/04/xmlenc#}"

#: Font obfuscation (IDPF, Adobe) "encrypts" fonts, never text: no reason to refuse.
_FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
_CHAPTER_TYPES = ("application/xhtml+xml", "text/html", "application/xml", "text/xml")

_BLOCKS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "figcaption",
    "caption", "address", "div", "section", "article", "main", "header", "footer", "aside",
    "figure", "ul", "ol", "dl", "table", "hr", "body", "center", "details", "summary", "tr",
    "hgroup", "epub:switch", "epub:default",
})
_SKIP = frozenset({
    "script", "style", "head", "nav", "noscript", "template", "svg", "iframe", "object",
    "embed", "button", "form", "select", "textarea", "rt", "rp", "title", "epub:case",
})
_DOCTYPE = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", re.I | re.S)
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*\?>", re.I)
_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MAX_DEPTH = 200


def import_epub(data: bytes, name: str, *, password=None, progress=None) -> ImportedArticle:
    """An EPUB's bytes as an article (see the module docstring)."""
    with _zipsafe.refusing(KIND):
        return _read(data, name, progress)


def _read(data: bytes, name: str, progress) -> ImportedArticle:
    with _zipsafe.DocumentZip(data, KIND) as package:
        container = package.read("META-INF/container.xml")
        if container is None:
            raise _zipsafe.damaged(KIND)
        rootfile = next(_zipsafe.parse_xml(container, KIND).iter(f"{_CONTAINER}rootfile"), None)
        opf_name = _zipsafe.resolve("", unquote(rootfile.get("full-path") or "")) if rootfile is not None else None
        opf_data = package.read(opf_name) if opf_name else None
        if opf_data is None:
            raise _zipsafe.damaged(KIND)
        opf = _zipsafe.parse_xml(opf_data, KIND)
        chapters = _spine(opf, opf_name)
        encrypted = _encrypted(package)
        if any(chapter in encrypted for chapter in chapters):
            raise ImportRefused(N_("This e-book is protected against copying (DRM), so factcheck "
                                   "cannot read its text."))
        blocks: list[str] = []
        for done, chapter in enumerate(chapters):
            _report(progress, done, len(chapters))
            content = package.read(chapter)
            if content is not None:
                blocks.extend(_chapter_blocks(content))
        _report(progress, len(chapters), len(chapters))

    text = join_blocks(blocks)
    if not text:
        raise ImportRefused(N_("The e-book has no text."))
    meta = _metadata(opf)
    title = meta.get("title", "")
    return ImportedArticle(
        text=text,
        title=trim_title(title, TITLE_LIMIT) if title else first_line_title(text, TITLE_LIMIT),
        source_format="epub",
        source_name=name,
        original=bytes(data),
        mime=MIME,
        author=meta.get("author", "")[:200],
        outlet=meta.get("publisher", "")[:200],
        published_at=meta.get("date", ""),
        language=meta.get("language", "")[:35],
    )


def _report(progress, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise ImportCancelled(N_("The import was cancelled."))


# --------------------------------------------------------------------------- package


def _spine(opf, opf_name: str) -> list[str]:
    """Member names of the chapters: the linear spine in order, then the rest of it."""
    manifest = {}
    for item in opf.iter(f"{_OPF}item"):
        media = (item.get("media-type") or "").lower()
        properties = (item.get("properties") or "").split()
        if media not in _CHAPTER_TYPES or "nav" in properties:
            continue
        href = urldefrag(item.get("href") or "")[0]
        target = _zipsafe.resolve(opf_name, unquote(href))
        if target:
            manifest[item.get("id") or ""] = target
    linear, other = [], []
    for ref in opf.iter(f"{_OPF}itemref"):
        target = manifest.get(ref.get("idref") or "")
        if target and target not in linear and target not in other:
            (other if ref.get("linear") == "no" else linear).append(target)
    return linear + other


def _encrypted(package: _zipsafe.DocumentZip) -> set[str]:
    """Members that META-INF/encryption.xml says are encrypted (fonts' obfuscation aside)."""
    data = package.read("META-INF/encryption.xml")
    if data is None:
        return set()
    found = set()
    for encrypted in _zipsafe.parse_xml(data, KIND).iter(f"{_ENC}EncryptedData"):
        method = encrypted.find(f"{_ENC}EncryptionMethod")
        if method is not None and method.get("Algorithm") in _FONT_OBFUSCATION:
            continue
        for reference in encrypted.iter(f"{_ENC}CipherReference"):
            target = _zipsafe.resolve("", unquote(reference.get("URI") or ""))
            if target:
                found.add(target)
    return found


def _metadata(opf) -> dict[str, str]:
    metadata = opf.find(f"{_OPF}metadata")
    if metadata is None:
        return {}

    def values(tag: str) -> list[str]:
        found = []
        for node in metadata.iter(f"{_DC}{tag}"):
            value = collapse_spaces(normalize_text("".join(node.itertext())))
            if value:
                found.append(value)
        return found

    found = {}
    for key in ("title", "language", "publisher"):
        first = values(key)
        if first:
            found[key] = first[0]
    authors = values("creator")
    if authors:
        found["author"] = ", ".join(authors[:5])
    dates = [node for node in metadata.iter(f"{_DC}date")]
    dates.sort(key=lambda node: node.get(f"{_OPF}event") not in (None, "publication"))
    for node in dates:
        match = _DATE.match((node.text or "").strip())
        if match:
            found["date"] = match.group(0)  # YYYY, YYYY-MM or YYYY-MM-DD: the book's publication
            break
    return found


# --------------------------------------------------------------------------- chapters


def _decode(data: bytes) -> str:
    """A chapter's text: EPUB requires UTF-8 or UTF-16; an encoding it declares is honoured."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _ENCODING.match(data)
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("utf-8", errors="replace")


def _chapter_blocks(data: bytes) -> list[str]:
    import lxml.html
    from lxml import etree

    text = _decode(data)
    text = _DOCTYPE.sub("", text, count=1)  # entity declarations in it would show as text
    text = _XML_DECLARATION.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        return []
    parser = lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True,
                                  remove_pis=True, default_doctype=False)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return []
    body = tree.find("body")
    blocks: list[str] = []
    _walk(body if body is not None else tree, blocks, 0)
    return blocks


def _tag(element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _walk(element, blocks: list[str], depth: int) -> None:
    """Append the blocks of a block element (see the module docstring)."""
    tag = _tag(element)
    if tag in _SKIP or depth > _MAX_DEPTH:
        return
    if tag in ("ul", "ol"):
        _list(element, blocks, 0)
    elif tag == "table":
        rows = []
        for row in element.iter("tr"):
            cells = [_inline(cell).replace("\n", " ") for cell in row if _tag(cell) in ("td", "th")]
            if any(cells):
                rows.append(" | ".join(cells))
        if rows:
            blocks.append("\n".join(rows))
    elif tag == "pre":
        text = element.text_content().strip("\n")
        if text.strip():
            blocks.append(text)
    elif any(_tag(child) in _BLOCKS for child in element):
        _mixed(element, blocks, depth)
    else:
        text = _inline(element)
        if text:
            blocks.append(text)


def _mixed(element, blocks: list[str], depth: int) -> None:
    """A block holding blocks: its loose inline text between them is a block of its own."""
    loose = [element.text or ""]

    def flush() -> None:
        text = _lines("".join(loose))
        if text:
            blocks.append(text)
        loose.clear()

    for child in element:
        tag = _tag(child)
        if tag in _BLOCKS:
            flush()
            _walk(child, blocks, depth + 1)
        elif tag == "br":
            loose.append("\n")
        elif tag and tag not in _SKIP:
            loose.append(_inline_raw(child))
        loose.append(child.tail or "")
    flush()


def _list(element, blocks: list[str], level: int) -> None:
    ordered = _tag(element) == "ol"
    try:
        number = int(element.get("start") or 1)
    except ValueError:
        number = 1
    indent = "  " * min(level, 8)
    for item in element:
        if _tag(item) != "li":
            continue
        nested = [child for child in item if _tag(child) in ("ul", "ol")]
        for child in nested:
            item.remove(child)  # written below, after the item's own text
        text = _inline(item)
        if text:
            marker = f"{number}. " if ordered else "• "
            blocks.append(indent + marker + text.replace("\n", "\n" + indent))
            number += 1
        for child in nested:
            if level < _MAX_DEPTH:
                _list(child, blocks, level + 1)


def _inline_raw(element) -> str:
    """Text of an element as it runs, ``<br>`` and nested blocks as line breaks."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            tag = _tag(child)
            if tag == "br":
                parts.append("\n")
            elif tag in _SKIP or not tag:
                pass
            elif tag in _BLOCKS:
                parts.append("\n")
                walk(child)
                parts.append("\n")
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)


def _inline(element) -> str:
    return _lines(_inline_raw(element))


def _lines(text: str) -> str:
    """Lines with spaces collapsed, empty ones dropped."""
    lines = (collapse_spaces(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
