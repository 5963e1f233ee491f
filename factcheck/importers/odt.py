"""OpenDocument text (.odt) importer: the text of content.xml, with all changes accepted.

The package is read through ``_zipsafe`` (limits, no DTDs or entities). Blocks as in the
Word importer: paragraphs and headings; list items with their marker ("•", "1.", "a)"),
two spaces a level; tables one line per row, cells joined by " | "; text in frames
(text boxes) after their paragraph; notes marked where they are cited ("[1]", with the
label LibreOffice wrote) and written at the end.

Tracked changes: ODF keeps the deleted text in a ``text:tracked-changes`` region at the
start of the body and only a marker where it was; inserted text sits in the body between
two markers. Dropping that region therefore gives the text with every change accepted,
and the user is told. Comments (``office:annotation``) never enter the text; the user is
told there were some. Title, author and language come from meta.xml; its dates say when
the file was saved, so ``published_at`` stays empty.
"""

from __future__ import annotations

import re

from factcheck.core.errors import ImportCancelled, ImportRefused
from factcheck.core.text import N_
from factcheck.importers import ImportedArticle
from factcheck.importers import _zipsafe
from factcheck.importers._normalize import collapse_spaces, first_line_title, join_blocks, normalize_text, trim_title
from factcheck.importers.docx import COMMENTS, TRACKED_CHANGES

MIME = "application/vnd.oasis.opendocument.text"
TITLE_LIMIT = 200
KIND = N_("OpenDocument text file")

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"

#: Inline elements whose content is never shown as text.
_SKIP_INLINE = frozenset({
    f"{_OFFICE}annotation", f"{_OFFICE}annotation-end", f"{_TEXT}change", f"{_TEXT}change-start",
    f"{_TEXT}change-end", f"{_TEXT}bookmark", f"{_TEXT}bookmark-start", f"{_TEXT}bookmark-end",
    f"{_TEXT}reference-mark", f"{_TEXT}reference-mark-start", f"{_TEXT}reference-mark-end",
    f"{_TEXT}soft-page-break", f"{_TEXT}alphabetical-index-mark", f"{_TEXT}toc-mark",
    f"{_TEXT}user-index-mark", f"{_TEXT}hidden-text", f"{_TEXT}hidden-paragraph",
    "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}title",
    "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}desc",
})
#: Most repeated empty-cell or row copies written out (ODF compresses runs of them).
_MAX_REPEAT = 100
_MAX_DEPTH = 40
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def import_odt(data: bytes, name: str, *, password=None, progress=None) -> ImportedArticle:
    """An OpenDocument text file's bytes as an article (see the module docstring)."""
    with _zipsafe.refusing(KIND):
        return _read(data, name, progress)


def _read(data: bytes, name: str, progress) -> ImportedArticle:
    _report(progress, 0, 2)
    with _zipsafe.DocumentZip(data, KIND) as package:
        manifest = package.read("META-INF/manifest.xml")
        if manifest is not None:
            root = _zipsafe.parse_xml(manifest, KIND)
            if next(root.iter(f"{_MANIFEST}encryption-data"), None) is not None:
                raise ImportRefused(_zipsafe.protected(KIND))
        content = package.read("content.xml")
        if content is None:
            raise _zipsafe.damaged(KIND)
        root = _zipsafe.parse_xml(content, KIND)
        styles_data = package.read("styles.xml")
        styles = _zipsafe.parse_xml(styles_data, KIND) if styles_data is not None else None
        meta_data = package.read("meta.xml")
        meta = _metadata(meta_data)
    _report(progress, 1, 2)

    reader = _Reader(_list_styles(root, styles), _title_styles(root, styles))
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is not None:
        reader.body(body)
    blocks = reader.finish()
    text = join_blocks(blocks)
    if not text:
        raise ImportRefused(N_("The OpenDocument text file has no text."))
    title = meta.get("title", "")
    title = trim_title(title or reader.title, TITLE_LIMIT) if (title or reader.title) \
        else first_line_title(text, TITLE_LIMIT)
    notices = ((TRACKED_CHANGES,) if reader.tracked else ()) + ((COMMENTS,) if reader.comments else ())
    _report(progress, 2, 2)
    return ImportedArticle(
        text=text,
        title=title,
        source_format="odt",
        source_name=name,
        original=bytes(data),
        mime=MIME,
        author=meta.get("author", "")[:200],
        language=meta.get("language", "")[:35],
        notices=notices,
    )


def _report(progress, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise ImportCancelled(N_("The import was cancelled."))


def _metadata(data: bytes | None) -> dict[str, str]:
    if data is None:
        return {}
    try:
        root = _zipsafe.parse_xml(data, KIND)
    except ImportRefused:
        return {}  # damaged metadata is no reason to refuse the text
    found = {}
    for key, tags in (("title", [f"{_DC}title"]), ("author", [f"{_META}initial-creator", f"{_DC}creator"]),
                      ("language", [f"{_DC}language"])):
        for tag in tags:
            node = next(root.iter(tag), None)
            value = collapse_spaces(normalize_text(node.text or "")) if node is not None else ""
            if value:
                found[key] = value
                break
    return found


def _style_elements(content, styles, tag: str):
    for root in (styles, content):  # content.xml's automatic styles after the shared ones
        if root is not None:
            yield from root.iter(tag)


def _list_styles(content, styles) -> dict[str, dict[int, tuple[str, str, str, int]]]:
    """List style name -> level (1-based) -> (format or "bullet", prefix, suffix, start)."""
    found: dict[str, dict[int, tuple[str, str, str, int]]] = {}
    for style in _style_elements(content, styles, f"{_TEXT}list-style"):
        levels = {}
        for level in style:
            number = _int(level.get(f"{_TEXT}level"), 1)
            if level.tag == f"{_TEXT}list-level-style-number":
                levels[number] = (level.get(f"{_STYLE}num-format") or "",
                                  level.get(f"{_STYLE}num-prefix") or "",
                                  level.get(f"{_STYLE}num-suffix") or "",
                                  _int(level.get(f"{_TEXT}start-value"), 1))
            elif level.tag == f"{_TEXT}list-level-style-bullet":
                levels[number] = ("bullet", "", "", 1)
        found[style.get(f"{_STYLE}name") or ""] = levels
    return found


def _title_styles(content, styles) -> set[str]:
    """Names of paragraph styles that are, or derive from, the "Title" style."""
    parents = {}
    for style in _style_elements(content, styles, f"{_STYLE}style"):
        parents[style.get(f"{_STYLE}name") or ""] = style.get(f"{_STYLE}parent-style-name") or ""
    titles = set()
    for name in parents:
        current, seen = name, set()
        while current and current not in seen and len(seen) < 20:
            if current == "Title":
                titles.add(name)
                break
            seen.add(current)
            current = parents.get(current, "")
    return titles | {"Title"}


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _number(value: int, fmt: str) -> str:
    from factcheck.importers.docx import _format_number

    return _format_number(value, {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
                                  "I": "upperRoman"}.get(fmt, "decimal"))


class _Reader:
    def __init__(self, list_styles, title_styles):
        self.list_styles = list_styles
        self.title_styles = title_styles
        self.blocks: list[str] = []
        self.notes: list[tuple[bool, str]] = []  # (is an endnote, block)
        self.title = ""
        self.tracked = False
        self.comments = False
        self._deferred: list[str] = []
        self._counters: dict[str, list[int]] = {}

    def finish(self) -> list[str]:
        self._flush()
        return (self.blocks + [block for endnote, block in self.notes if not endnote]
                + [block for endnote, block in self.notes if endnote])

    def _flush(self) -> None:
        self.blocks.extend(self._deferred)
        self._deferred = []

    # ---------------------------------------------------------------- blocks

    def body(self, element, depth: int = 0) -> None:
        if depth > _MAX_DEPTH:
            return
        for child in element:
            tag = child.tag
            if tag in (f"{_TEXT}p", f"{_TEXT}h"):
                self.paragraph(child, depth)
            elif tag == f"{_TEXT}list":
                self.list(child, depth, 0, child.get(f"{_TEXT}style-name") or "")
            elif tag == f"{_TABLE}table":
                table = self.table(child, depth)
                if table:
                    self.blocks.append(table)
                self._flush()
            elif tag == f"{_TEXT}tracked-changes":
                if next(child.iter(f"{_TEXT}insertion", f"{_TEXT}deletion"), None) is not None:
                    self.tracked = True  # the deleted text lives here: never read
            elif tag in (f"{_TEXT}section", f"{_TEXT}index-body", f"{_TEXT}table-of-content",
                         f"{_TEXT}illustration-index", f"{_TEXT}table-index", f"{_TEXT}object-index",
                         f"{_TEXT}user-index", f"{_TEXT}alphabetical-index", f"{_TEXT}bibliography",
                         f"{_TEXT}index-title", f"{_TABLE}table-header-rows"):
                self.body(child, depth + 1)
            elif tag == f"{_DRAW}frame":
                self._frame(child, depth)
                self._flush()

    def paragraph(self, p, depth: int, prefix: str = "") -> None:
        text = self.inline(p, depth).strip()
        if text:
            if not self.title and depth == 0 and not prefix and (
                    p.get(f"{_TEXT}style-name") in self.title_styles
                    or (p.tag == f"{_TEXT}h" and p.get(f"{_TEXT}outline-level", "1") == "1")):
                self.title = collapse_spaces(text)
            self.blocks.append(prefix + text)
        self._flush()

    def list(self, element, depth: int, level: int, style: str) -> None:
        style = element.get(f"{_TEXT}style-name") or style
        levels = self.list_styles.get(style, {})
        fmt, before, after, start = levels.get(level + 1, ("bullet", "", "", 1))
        key = f"{style}/{level}"
        if level == 0 and element.get(f"{_TEXT}continue-numbering") != "true" \
                and not element.get(f"{_TEXT}continue-list"):
            for stale in [k for k in self._counters if k.startswith(f"{style}/")]:
                del self._counters[stale]
        elif level > 0:
            self._counters.pop(key, None)  # a nested list starts again
        for item in element:
            if item.tag not in (f"{_TEXT}list-item", f"{_TEXT}list-header"):
                continue
            counter = self._counters.get(key, [start - 1])
            override = item.get(f"{_TEXT}start-value")
            if override is not None:
                counter = [_int(override, start) - 1]
            first = True
            for child in item:
                if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
                    marker = ""
                    if first and item.tag == f"{_TEXT}list-item":
                        if fmt == "bullet":
                            marker = "• "
                        elif fmt:
                            counter[0] += 1
                            marker = f"{before}{_number(counter[0], fmt)}{after} "
                    indent = "  " * min(level, 8)
                    self.paragraph(child, depth + 1, indent + marker if marker else indent)
                    first = False
                elif child.tag == f"{_TEXT}list":
                    self._counters[key] = counter
                    self.list(child, depth + 1, level + 1, style)
                    first = False
            self._counters[key] = counter

    def table(self, table, depth: int) -> str:
        if depth > _MAX_DEPTH:
            return ""
        lines: list[str] = []
        for row in self._rows(table):
            cells = []
            for cell in row:
                if cell.tag == f"{_TABLE}covered-table-cell":
                    cells.append("")
                elif cell.tag == f"{_TABLE}table-cell":
                    text = self._cell_text(cell, depth + 1)
                    repeat = _int(cell.get(f"{_TABLE}number-columns-repeated"), 1)
                    cells.extend([text] * max(1, min(repeat, _MAX_REPEAT if text else 1)))
            while cells and not cells[-1]:
                cells.pop()
            if any(cells):
                line = " | ".join(cells)
                repeat = _int(row.get(f"{_TABLE}number-rows-repeated"), 1)
                lines.extend([line] * max(1, min(repeat, _MAX_REPEAT)))
        return "\n".join(lines)

    def _rows(self, element):
        for child in element:
            if child.tag == f"{_TABLE}table-row":
                yield child
            elif child.tag in (f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group"):
                yield from self._rows(child)

    def _cell_text(self, cell, depth: int) -> str:
        saved, saved_deferred = self.blocks, self._deferred
        self.blocks, self._deferred = [], []
        self.body(cell, depth)
        self._flush()
        found = self.blocks
        self.blocks, self._deferred = saved, saved_deferred
        return " ".join(collapse_spaces(block) for block in found if block.strip())

    def _frame(self, frame, depth: int) -> None:
        """The paragraphs of a text box, kept to be written after the current paragraph."""
        for box in frame.iter(f"{_DRAW}text-box"):
            saved, saved_deferred = self.blocks, self._deferred
            self.blocks, self._deferred = [], []
            self.body(box, depth + 1)
            self._flush()
            found = self.blocks
            self.blocks, self._deferred = saved, saved_deferred
            self._deferred.extend(found)
            break  # a frame holds one text box; nested ones are read by body()

    # ---------------------------------------------------------------- inline

    def inline(self, element, depth: int) -> str:
        parts: list[str] = []
        self._inline(element, parts, depth)
        return "".join(parts)

    def _inline(self, element, parts: list[str], depth: int) -> None:
        if element.text:
            parts.append(collapse_whitespace(element.text))
        for child in element:
            tag = child.tag
            if isinstance(tag, str):
                if tag == f"{_TEXT}s":
                    parts.append(" " * max(1, min(_int(child.get(f"{_TEXT}c"), 1), 100)))
                elif tag == f"{_TEXT}tab":
                    parts.append("\t")
                elif tag == f"{_TEXT}line-break":
                    parts.append("\n")
                elif tag == f"{_TEXT}note":
                    self._note(child, parts, depth)
                elif tag == f"{_OFFICE}annotation":
                    self.comments = True
                elif tag in (f"{_TEXT}change", f"{_TEXT}change-start"):
                    self.tracked = True
                elif tag in _SKIP_INLINE:
                    pass
                elif tag == f"{_DRAW}frame":
                    self._frame(child, depth)
                elif tag.startswith(_DRAW) and tag != f"{_DRAW}a":
                    pass  # shapes and images; frames are read above
                elif tag == f"{_TEXT}ruby":
                    base = child.find(f"{_TEXT}ruby-base")
                    if base is not None:
                        self._inline(base, parts, depth)
                else:  # spans, links, fields (page number, date...), meta
                    self._inline(child, parts, depth)
            if child.tail:
                parts.append(collapse_whitespace(child.tail))

    def _note(self, note, parts: list[str], depth: int) -> None:
        citation = note.find(f"{_TEXT}note-citation")
        label = collapse_spaces("".join(citation.itertext())) if citation is not None else ""
        label = label or str(len(self.notes) + 1)
        parts.append(f"[{label}]")
        body = note.find(f"{_TEXT}note-body")
        if body is None or depth > _MAX_DEPTH:
            return
        saved, saved_deferred = self.blocks, self._deferred
        self.blocks, self._deferred = [], []
        self.body(body, depth + 1)
        self._flush()
        found = self.blocks
        self.blocks, self._deferred = saved, saved_deferred
        text = "\n".join(block for block in found if block.strip()).strip()
        if text:
            self.notes.append((note.get(f"{_TEXT}note-class") == "endnote", f"[{label}] {text}"))


def collapse_whitespace(text: str) -> str:
    """ODF character data: a run of spaces, tabs and newlines is one space (``text:s``,
    ``text:tab`` and ``text:line-break`` say where the others are)."""
    return _XML_SPACE.sub(" ", text)
