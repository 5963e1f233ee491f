"""Word (.docx) importer: the document's text as Word shows it with all changes accepted.

The parts are read through ``_zipsafe`` (limits on size, entries and compression; no
DTDs or entities) and walked with lxml rather than python-docx, which reads every part of
the package into memory and has no notion of tracked changes, fields or text boxes.

What becomes text, in document order, one block (paragraph) each:
- paragraphs and headings; list items with the marker Word shows ("•", "1.", "a)"),
  indented two spaces a level; soft line breaks stay line breaks;
- tables: one line per row, cells joined by " | " (as the HTML importer writes them), so
  a label and its figure stay on one line and a claim can quote them together;
- text boxes, after the paragraph they are anchored in (Word draws them beside it);
- footnotes and endnotes: a mark "[1]" (endnotes "[i]", as Word numbers them) where the
  note is referenced, and the notes themselves at the end, "[1] text", so a claim that
  relies on a footnote can quote it; headers and footers are left out (running text).

Tracked changes are accepted: insertions kept, deletions dropped, moved text once (where
it was moved to), a deleted paragraph mark joins two paragraphs; the user is told (a
notice). Comments, hidden text, field codes and deleted text never enter the text; the
user is told when there were comments. Formatting changes alone do not alter the text
and are not mentioned.

Metadata comes from the core properties: title and author (not a program's or template's
placeholder). The file's created and modified dates are when a file was saved, not when
an article was published, so ``published_at`` stays empty.
"""

from __future__ import annotations

import re

from factcheck.core.errors import ImportCancelled, ImportRefused
from factcheck.core.text import N_
from factcheck.importers import ImportedArticle
from factcheck.importers import _zipsafe
from factcheck.importers._normalize import collapse_spaces, first_line_title, join_blocks, normalize_text, trim_title

MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TITLE_LIMIT = 200

KIND = N_("Word document")

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"

#: OLE2 compound file: what Word writes for a password-protected .docx (and old .doc).
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream of an encrypted OOXML package, as its name is stored (UTF-16).
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

#: Authors that are a program's or a template's default, not a person.
_PLACEHOLDER_AUTHORS = frozenset({
    "python-docx", "microsoft office user", "usuario de microsoft office", "windows user",
    "usuario de windows", "user", "usuario", "admin", "administrator", "administrador",
    "author", "autor", "unknown", "desconocido",
})

#: Most nested tables/text boxes followed (libxml2 already caps the XML depth at 256).
_MAX_DEPTH = 40

TRACKED_CHANGES = N_("This document has tracked changes; factcheck imported the text with all "
                     "changes accepted.")
COMMENTS = N_("This document has comments; factcheck left them out of the article text.")


def import_docx(data: bytes, name: str, *, password=None, progress=None) -> ImportedArticle:
    """A Word document's bytes as an article (see the module docstring)."""
    with _zipsafe.refusing(KIND):
        return _read(data, name, progress)


def _read(data: bytes, name: str, progress) -> ImportedArticle:
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_PACKAGE in data:
            raise ImportRefused(_zipsafe.protected(KIND))
        raise ImportRefused(N_("This is an old Word document (.doc), which factcheck cannot read: "
                               "open it in Word or LibreOffice, save it as .docx and import that."))
    _report(progress, 0, 3)
    with _zipsafe.DocumentZip(data, KIND) as package:
        main = _main_part(package)
        if main is None:
            raise ImportRefused(N_("This file is not a Word document: it has no main text."))
        root = _zipsafe.parse_xml(package.read(main), KIND)
        ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else _W
        if ns not in (_W, _W_STRICT):
            raise ImportRefused(N_("This file is not a Word document: it has no main text."))
        related = _related_parts(package, main)
        reader = _Reader(ns, _styles(package, related.get("styles"), ns),
                         _numbering(package, related.get("numbering"), ns))
        notes = {kind: _notes(package, related.get(kind), ns, kind) for kind in ("footnotes", "endnotes")}
        reader.notes = notes
        _report(progress, 1, 3)
        body = root.find(f"{{{ns}}}body")
        if body is not None:
            reader.body(body)
        blocks = reader.finish()
        comments = reader.comments or _has_comments(package, related.get("comments"), ns)
        properties = _core_properties(package)
    _report(progress, 2, 3)

    text = join_blocks(blocks)
    if not text:
        raise ImportRefused(N_("The Word document has no text."))
    title = collapse_spaces(normalize_text(properties.get("title", "")))
    title = trim_title(title or reader.title, TITLE_LIMIT) if (title or reader.title) \
        else first_line_title(text, TITLE_LIMIT)
    author = collapse_spaces(normalize_text(properties.get("creator", "")))
    if author.lower() in _PLACEHOLDER_AUTHORS:
        author = ""
    tracked = reader.tracked or any(note.tracked for note in notes.values() if note)
    notices = ((TRACKED_CHANGES,) if tracked else ()) + ((COMMENTS,) if comments else ())
    _report(progress, 3, 3)
    return ImportedArticle(
        text=text,
        title=title,
        source_format="docx",
        source_name=name,
        original=bytes(data),
        mime=MIME,
        author=author[:200],
        language=collapse_spaces(properties.get("language", ""))[:35],
        notices=notices,
    )


def import_protected(data: bytes, name: str, *, password=None, progress=None) -> ImportedArticle:
    """Refuse an Office file encrypted with a password (an OLE file holding an
    "EncryptedPackage"), naming it a Word document when its name says so."""
    if name.lower().endswith((".docx", ".docm", ".dotx")):
        raise ImportRefused(_zipsafe.protected(KIND))
    raise ImportRefused(_zipsafe.protected(N_("Office document")))


def _report(progress, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise ImportCancelled(N_("The import was cancelled."))


# --------------------------------------------------------------------------- package


def _relationships(package: _zipsafe.DocumentZip, part: str) -> list[tuple[str, str]]:
    """(type, member name) of the internal relationships of ``part`` ("" for the package)."""
    folder, _, base = part.rpartition("/")
    rels_name = f"{folder + '/' if folder else ''}_rels/{base}.rels"
    data = package.read(rels_name)
    if data is None:
        return []
    found = []
    for rel in _zipsafe.parse_xml(data, KIND).iter(f"{{{_RELS}}}Relationship"):
        if (rel.get("TargetMode") or "").lower() == "external":
            continue
        target = _zipsafe.resolve(part or "x", _unquote(rel.get("Target") or ""))
        if target:
            found.append((rel.get("Type") or "", target))
    return found


def _unquote(href: str) -> str:
    from urllib.parse import unquote

    return unquote(href)


def _main_part(package: _zipsafe.DocumentZip) -> str | None:
    for kind, target in _relationships(package, ""):
        if kind.endswith("/officeDocument") and package.has(target):
            return target
    return "word/document.xml" if package.has("word/document.xml") else None


def _related_parts(package: _zipsafe.DocumentZip, main: str) -> dict[str, str]:
    """The main part's styles, numbering, footnotes, endnotes and comments parts."""
    wanted = ("styles", "numbering", "footnotes", "endnotes", "comments")
    parts = {}
    for kind, target in _relationships(package, main):
        last = kind.rsplit("/", 1)[-1]
        if last in wanted and last not in parts:
            parts[last] = target
    return parts


def _core_properties(package: _zipsafe.DocumentZip) -> dict[str, str]:
    name = "docProps/core.xml"
    for kind, target in _relationships(package, ""):
        if kind.endswith("/core-properties") or kind.endswith("/metadata/core-properties"):
            name = target
    data = package.read(name)
    if data is None:
        return {}
    try:
        root = _zipsafe.parse_xml(data, KIND)
    except ImportRefused:
        return {}  # damaged metadata is no reason to refuse the text
    found = {}
    for key, tag in (("title", f"{{{_DC}}}title"), ("creator", f"{{{_DC}}}creator"),
                     ("language", f"{{{_DC}}}language")):
        node = root.find(tag)
        if node is not None and node.text:
            found[key] = node.text
    return found


class _Style:
    __slots__ = ("name", "based_on", "num_id", "level", "outline")

    def __init__(self, name, based_on, num_id, level, outline):
        self.name, self.based_on, self.num_id, self.level, self.outline = name, based_on, num_id, level, outline


def _styles(package, part: str | None, ns: str) -> dict[str, _Style]:
    data = package.read(part or "word/styles.xml")
    if data is None:
        return {}
    w = f"{{{ns}}}"
    styles = {}
    for style in _zipsafe.parse_xml(data, KIND).iter(f"{w}style"):
        if style.get(f"{w}type") != "paragraph":
            continue
        name = style.find(f"{w}name")
        based = style.find(f"{w}basedOn")
        num_id = style.find(f"{w}pPr/{w}numPr/{w}numId")
        level = style.find(f"{w}pPr/{w}numPr/{w}ilvl")
        outline = style.find(f"{w}pPr/{w}outlineLvl")
        styles[style.get(f"{w}styleId") or ""] = _Style(
            (name.get(f"{w}val") or "").lower() if name is not None else "",
            based.get(f"{w}val") if based is not None else None,
            num_id.get(f"{w}val") if num_id is not None else None,
            _int(level.get(f"{w}val")) if level is not None else None,
            _int(outline.get(f"{w}val")) if outline is not None else None,
        )
    return styles


def _int(value, default: int | None = None) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


class _Numbering:
    """numbering.xml: for each list (numId) and level, the number format, text and start."""

    def __init__(self):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}

    def level(self, num_id: str, level: int) -> tuple[str, str, int] | None:
        return self.levels.get(num_id, {}).get(level)


def _numbering(package, part: str | None, ns: str) -> _Numbering:
    numbering = _Numbering()
    data = package.read(part or "word/numbering.xml")
    if data is None:
        return numbering
    w = f"{{{ns}}}"
    root = _zipsafe.parse_xml(data, KIND)

    def levels_of(parent) -> dict[int, tuple[str, str, int]]:
        found = {}
        for lvl in parent.iter(f"{w}lvl"):
            ilvl = _int(lvl.get(f"{w}ilvl"), 0)
            fmt = lvl.find(f"{w}numFmt")
            text = lvl.find(f"{w}lvlText")
            start = lvl.find(f"{w}start")
            found[ilvl] = (
                fmt.get(f"{w}val") if fmt is not None else "decimal",
                text.get(f"{w}val") if text is not None else f"%{ilvl + 1}.",
                _int(start.get(f"{w}val"), 1) if start is not None else 1,
            )
        return found

    abstract = {node.get(f"{w}abstractNumId"): levels_of(node) for node in root.iter(f"{w}abstractNum")}
    for num in root.iter(f"{w}num"):
        ref = num.find(f"{w}abstractNumId")
        levels = dict(abstract.get(ref.get(f"{w}val") if ref is not None else None, {}))
        for override in num.iter(f"{w}lvlOverride"):
            ilvl = _int(override.get(f"{w}ilvl"), 0)
            start = override.find(f"{w}startOverride")
            if ilvl in levels and start is not None:
                fmt, text, _ = levels[ilvl]
                levels[ilvl] = (fmt, text, _int(start.get(f"{w}val"), 1))
        numbering.levels[num.get(f"{w}numId") or ""] = levels
    return numbering


class _Notes:
    """The footnotes (or endnotes) part: each note's blocks by id, read on demand."""

    def __init__(self, elements: dict[str, object], tracked: bool):
        self.elements = elements
        self.tracked = tracked
        self.order: list[str] = []  # ids in the order the body references them


def _notes(package, part: str | None, ns: str, kind: str) -> _Notes | None:
    data = package.read(part) if part else None
    if data is None:
        return None
    w = f"{{{ns}}}"
    root = _zipsafe.parse_xml(data, KIND)
    tag = f"{w}{kind[:-1]}"  # footnote / endnote
    elements = {}
    for note in root.iter(tag):
        if note.get(f"{w}type") in (None, "normal"):
            elements[note.get(f"{w}id") or ""] = note
    return _Notes(elements, _has_tracked(root, ns))


def _has_comments(package, part: str | None, ns: str) -> bool:
    data = package.read(part) if part else None
    if data is None:
        return False
    try:
        root = _zipsafe.parse_xml(data, KIND)
    except ImportRefused:
        return True  # there is a comments part; its contents are never used
    return next(root.iter(f"{{{ns}}}comment"), None) is not None


def _has_tracked(root, ns: str) -> bool:
    w = f"{{{ns}}}"
    return next(root.iter(f"{w}ins", f"{w}del", f"{w}moveFrom", f"{w}moveTo", f"{w}cellIns",
                          f"{w}cellDel"), None) is not None


# --------------------------------------------------------------------------- the text


def _roman(number: int) -> str:
    if number <= 0 or number >= 4000:
        return str(number)
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    if number <= 0:
        return str(number)
    # Word's letter numbering: a..z, then aa..zz, aaa...
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _format_number(number: int, fmt: str) -> str:
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


_LEVEL_REFERENCE = re.compile(r"%([1-9])")


class _Reader:
    """Walks the body (and the notes it references), collecting blocks."""

    def __init__(self, ns: str, styles: dict[str, _Style], numbering: _Numbering):
        self.w = f"{{{ns}}}"
        self.ns = ns
        self.styles = styles
        self.numbering = numbering
        self.notes: dict[str, _Notes | None] = {}
        self.blocks: list[str] = []
        self.title = ""
        self.tracked = False
        self.comments = False
        self._counters: dict[str, list[int | None]] = {}
        self._carry = ""  # a paragraph whose mark was deleted: joins the next one
        self._deferred: list[str] = []  # text boxes of the paragraph being read

    # ---------------------------------------------------------------- blocks

    def body(self, element, depth: int = 0) -> None:
        w = self.w
        for child in element:
            tag = child.tag
            if tag == f"{w}p":
                self.paragraph(child, depth)
            elif tag == f"{w}tbl":
                self._flush_carry()
                table = self.table(child, depth)
                if table:
                    self.blocks.append(table)
                self._flush_deferred()
            elif tag == f"{w}sdt":
                content = child.find(f"{w}sdtContent")
                if content is not None:
                    self.body(content, depth)
            elif tag in (f"{w}customXml", f"{w}ins", f"{w}moveTo"):
                self.tracked |= tag != f"{w}customXml"
                self.body(child, depth)
            elif tag in (f"{w}del", f"{w}moveFrom"):
                self.tracked = True
            elif tag == f"{{{_MC}}}AlternateContent":
                chosen = _choice(child)
                if chosen is not None:
                    self.body(chosen, depth)
        self._flush_carry()

    def finish(self) -> list[str]:
        """The body's blocks followed by the notes it referenced."""
        self._flush_carry()
        for kind, mark in (("footnotes", str), ("endnotes", _roman)):
            notes = self.notes.get(kind)
            if not notes:
                continue
            for number, note_id in enumerate(notes.order, 1):
                element = notes.elements.get(note_id)
                if element is None:
                    continue
                saved, self.blocks = self.blocks, []
                self.body(element, 1)
                self._flush_carry()
                note_blocks, self.blocks = self.blocks, saved
                text = "\n".join(block for block in note_blocks if block.strip())
                if text.strip():
                    self.blocks.append(f"[{mark(number)}] {text.strip()}")
        return self.blocks

    def _flush_carry(self) -> None:
        if self._carry.strip():
            self.blocks.append(self._carry.strip())
        self._carry = ""
        self._flush_deferred()

    def _flush_deferred(self) -> None:
        if self._deferred:
            self.blocks.extend(self._deferred)
            self._deferred = []

    def _style(self, style_id: str | None) -> list[_Style]:
        """The style and those it is based on, nearest first."""
        chain = []
        seen = set()
        while style_id and style_id not in seen and len(chain) < 20:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                break
            chain.append(style)
            style_id = style.based_on
        return chain

    def paragraph(self, p, depth: int) -> None:
        w = self.w
        ppr = p.find(f"{w}pPr")
        style_id = None
        num_id = level = outline = None
        mark_deleted = False
        if ppr is not None:
            node = ppr.find(f"{w}pStyle")
            style_id = node.get(f"{w}val") if node is not None else None
            node = ppr.find(f"{w}numPr/{w}numId")
            num_id = node.get(f"{w}val") if node is not None else None
            node = ppr.find(f"{w}numPr/{w}ilvl")
            level = _int(node.get(f"{w}val")) if node is not None else None
            node = ppr.find(f"{w}outlineLvl")
            outline = _int(node.get(f"{w}val")) if node is not None else None
            rpr = ppr.find(f"{w}rPr")
            if rpr is not None:
                if rpr.find(f"{w}ins") is not None:
                    self.tracked = True
                if rpr.find(f"{w}del") is not None or rpr.find(f"{w}moveFrom") is not None:
                    self.tracked = mark_deleted = True
        chain = self._style(style_id)
        for style in chain:
            if num_id is None and style.num_id is not None:
                num_id = style.num_id
                level = style.level if level is None else level
            if outline is None and style.outline is not None:
                outline = style.outline
        name = chain[0].name if chain else ""

        text = self.inline(p, depth)
        if self._carry:
            text = self._carry + text
            self._carry = ""
        if mark_deleted:
            self._carry = text
            return
        stripped = text.strip()
        if not stripped:
            self._flush_deferred()
            return
        if not self.title and depth == 0 and (name == "title" or (outline == 0 or name == "heading 1")):
            self.title = collapse_spaces(stripped)
        marker = self._marker(num_id, level or 0) if num_id not in (None, "0") else None
        if marker is not None:
            stripped = "  " * min(level or 0, 8) + (f"{marker} " if marker else "") + stripped
        self.blocks.append(stripped)
        self._flush_deferred()

    def _marker(self, num_id: str, level: int) -> str | None:
        """The list marker Word shows for the next item of list ``num_id`` at ``level``."""
        level = max(0, min(level, 8))
        levels = self.numbering.levels.get(num_id)
        if levels is None:
            return None
        fmt, _, start = levels.get(level, ("decimal", "", 1))
        if fmt == "bullet":
            return "•"
        if fmt == "none":
            return ""
        counters = self._counters.setdefault(num_id, [None] * 9)
        counters[level] = (counters[level] if counters[level] is not None else start - 1) + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = None
        _, template, _ = levels.get(level, ("decimal", f"%{level + 1}.", 1))

        def number(match) -> str:
            at = int(match.group(1)) - 1
            at_fmt, _, at_start = levels.get(at, ("decimal", "", 1))
            value = counters[at] if counters[at] is not None else at_start
            return _format_number(value, at_fmt if at_fmt not in ("bullet", "none") else "decimal")

        return _LEVEL_REFERENCE.sub(number, template).strip() or _format_number(counters[level], fmt) + "."

    def table(self, tbl, depth: int) -> str:
        """A table as one line per row, cells joined by " | "."""
        w = self.w
        if depth > _MAX_DEPTH:
            return ""
        lines = []
        for row in self._children(tbl, f"{w}tr"):
            trpr = row.find(f"{w}trPr")
            if trpr is not None:
                if trpr.find(f"{w}ins") is not None:
                    self.tracked = True
                if trpr.find(f"{w}del") is not None:
                    self.tracked = True
                    continue
            cells = []
            for cell in self._children(row, f"{w}tc"):
                tcpr = cell.find(f"{w}tcPr")
                if tcpr is not None:
                    if tcpr.find(f"{w}cellDel") is not None:
                        self.tracked = True
                        continue
                    merge = tcpr.find(f"{w}vMerge")
                    if merge is not None and merge.get(f"{w}val") != "restart":
                        cells.append("")  # the merged cell's text is in the row above
                        continue
                cells.append(self._cell_text(cell, depth + 1))
            if any(cells):
                lines.append(" | ".join(cells))
        return "\n".join(lines)

    def _children(self, element, tag: str):
        """Direct children with ``tag``, looking through content controls and custom XML."""
        w = self.w
        for child in element:
            if child.tag == tag:
                yield child
            elif child.tag == f"{w}sdt":
                content = child.find(f"{w}sdtContent")
                if content is not None:
                    yield from self._children(content, tag)
            elif child.tag == f"{w}customXml":
                yield from self._children(child, tag)

    def _cell_text(self, cell, depth: int) -> str:
        saved_blocks, saved_carry, saved_deferred = self.blocks, self._carry, self._deferred
        self.blocks, self._carry, self._deferred = [], "", []
        self.body(cell, depth)
        self._flush_carry()
        parts = self.blocks
        self.blocks, self._carry, self._deferred = saved_blocks, saved_carry, saved_deferred
        return " ".join(collapse_spaces(part) for part in parts if part.strip())

    # ---------------------------------------------------------------- runs

    def inline(self, element, depth: int) -> str:
        parts: list[str] = []
        self._inline(element, parts, depth)
        return "".join(parts)

    def _inline(self, element, parts: list[str], depth: int) -> None:
        w = self.w
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == f"{w}r":
                self._run(child, parts, depth)
            elif tag in (f"{w}ins", f"{w}moveTo"):
                self.tracked = True
                self._inline(child, parts, depth)
            elif tag in (f"{w}del", f"{w}moveFrom"):
                self.tracked = True
            elif tag in (f"{w}hyperlink", f"{w}smartTag", f"{w}customXml", f"{w}fldSimple",
                         f"{w}dir", f"{w}bdo"):
                self._inline(child, parts, depth)
            elif tag == f"{w}sdt":
                content = child.find(f"{w}sdtContent")
                if content is not None:
                    self._inline(content, parts, depth)
            elif tag == f"{{{_MC}}}AlternateContent":
                chosen = _choice(child)
                if chosen is not None:
                    self._inline(chosen, parts, depth)
            elif tag in (f"{{{_M}}}oMath", f"{{{_M}}}oMathPara"):
                parts.append("".join(node.text or "" for node in child.iter(f"{{{_M}}}t")))

    def _run(self, run, parts: list[str], depth: int) -> None:
        w = self.w
        rpr = run.find(f"{w}rPr")
        if rpr is not None:
            vanish = rpr.find(f"{w}vanish")
            if vanish is not None and vanish.get(f"{w}val") not in ("0", "false", "off"):
                return  # hidden text: Word does not show it
        for child in run:
            tag = child.tag
            if tag == f"{w}t":
                parts.append(child.text or "")
            elif tag in (f"{w}tab", f"{w}ptab"):
                parts.append("\t")
            elif tag in (f"{w}br", f"{w}cr"):
                parts.append("\n")
            elif tag == f"{w}noBreakHyphen":
                parts.append("-")
            elif tag == f"{w}commentReference":
                self.comments = True
            elif tag in (f"{w}footnoteReference", f"{w}endnoteReference"):
                self._note_reference(child, parts)
            elif tag in (f"{w}footnoteRef", f"{w}endnoteRef"):
                parts.append("")  # the note's own number: written as "[n]" before it
            elif tag in (f"{w}drawing", f"{w}pict", f"{w}object", f"{{{_MC}}}AlternateContent"):
                self._text_boxes(child, depth)

    def _note_reference(self, reference, parts: list[str]) -> None:
        w = self.w
        kind = "footnotes" if reference.tag == f"{w}footnoteReference" else "endnotes"
        notes = self.notes.get(kind)
        note_id = reference.get(f"{w}id") or ""
        if not notes or note_id not in notes.elements:
            return
        if note_id not in notes.order:
            notes.order.append(note_id)
        number = notes.order.index(note_id) + 1
        parts.append(f"[{number if kind == 'footnotes' else _roman(number)}]")

    def _text_boxes(self, element, depth: int) -> None:
        """Paragraphs of the text boxes in a drawing, kept to be written after the paragraph."""
        if depth > _MAX_DEPTH:
            return
        w = self.w
        if element.tag == f"{{{_MC}}}AlternateContent":
            element = _choice(element)
            if element is None:
                return
        seen = set()
        for box in element.iter(f"{w}txbxContent"):
            if any(id(parent) in seen for parent in box.iterancestors(f"{w}txbxContent")):
                continue  # read with the box it is in
            seen.add(id(box))
            saved_blocks, saved_carry, saved_deferred = self.blocks, self._carry, self._deferred
            self.blocks, self._carry, self._deferred = [], "", []
            self.body(box, depth + 1)
            self._flush_carry()
            found = self.blocks
            self.blocks, self._carry, self._deferred = saved_blocks, saved_carry, saved_deferred
            self._deferred.extend(found)


def _choice(alternate):
    """The branch of ``mc:AlternateContent`` to read: the first Choice, else the Fallback
    (never both: they hold the same content twice)."""
    for child in alternate:
        if child.tag == f"{{{_MC}}}Choice":
            return child
    for child in alternate:
        if child.tag == f"{{{_MC}}}Fallback":
            return child
    return None
