"""PDF importer (PDFium through pypdfium2): the text layer in reading order, with its pages.

PDFium gives every character of a page with its box; the layout is rebuilt from those
boxes, by rules simple enough to say in a sentence each:

- **Lines.** Words (runs of characters PDFium puts no white space between) whose vertical
  middle lies inside the band of the line being built join it: at its end, or at its start
  when they end where it begins (drawn right to left). A word more than one em to the right
  of the line's end (a column gutter), or anywhere else, starts a new line segment. A space
  goes between two words where PDFium put one, or where they stand a quarter em apart.
- **Direction.** A page is read in the direction most of its text runs (a landscape table
  drawn turned on a portrait page reads as a landscape page); text turned a quarter from
  that (a stamp up the margin) is read on its own, after the page, as its own paragraph;
  text at any other angle (a diagonal watermark) is left out, and the user is told. Turned
  text is put in order by position alone: PDFium's order and spaces are unreliable there.
- **Reading order.** Lines are read top to bottom; segments on the same row left to right,
  joined by a space. A page is split into columns when a vertical gutter (at least 0.8 em
  wide) has at least three lines of at least 8 em on each side, side by side, with few
  lines crossing it there: then the left column is read before the right one, between the
  lines that cross the gutter (a title, a footer), and each column is split again the same
  way (three columns). The order the file draws its text in only breaks ties, so text
  drawn bottom-up or column rows drawn across the page still come out in reading order.
- **Paragraphs.** A new paragraph starts where the space between two lines is at least a
  third more than the column's usual line spacing, where the type size changes by more than
  15 %, where a line is indented after lines that were not, and, in justified text, after a
  line that ends early with a full stop. At a column or page break the paragraph goes on
  when the line before does not end a sentence or the next one starts in lower case.
- **Hyphens.** A line that ends with a hyphen after a letter or digit is joined to the next
  without a space; the hyphen is dropped when it follows a letter and the next line starts
  with a lower-case letter ("infor-" "mation" -> "information") and kept otherwise
  ("Colombia-" "Venezuela" -> "Colombia-Venezuela", "2019-" "2020" -> "2019-2020"). Soft
  hyphens are always dropped.
- **Running headers, footers and page numbers.** A line in the top or bottom tenth of a
  page is left out when the same line stands in the same band of at least three pages (two
  in documents of two or three pages); lines of up to 50 characters are compared with
  every number read as "#" (page numbers, "Page 3 of 12", roman numerals). The user is told.

Page starts (code points into the final text) and the labels the PDF defines for its
pages ("iv", "A-3") come back on the ``ImportedArticle``. The title and author come from
the document information, unless they are a program's placeholder or a file name (then
the first line is the title).

PDFium is not thread-safe: every call into pypdfium2, here and anywhere else in the app
(the page view renders with it too), must hold ``PDFIUM_LOCK``. The importer takes it
page by page, so a page view in the main thread can draw while an import runs in a worker
thread. Every PDFium object is closed explicitly, also when the import fails or is
cancelled.
"""

from __future__ import annotations

import array
import bisect
import ctypes
import math
import re
import statistics
import sys
import threading
import unicodedata

from factcheck.core.errors import ImportCancelled, ImportRefused, KnownError, PasswordRequired
from factcheck.core.text import N_
from factcheck.importers import ImportedArticle, MAX_IMPORT_BYTES
from factcheck.importers._normalize import first_line_title, normalize_text, trim_title

#: Held around every call into pypdfium2/PDFium, which may not run in two threads at once.
PDFIUM_LOCK = threading.RLock()

MIME = "application/pdf"
TITLE_LIMIT = 200

HEADERS_LEFT_OUT = N_("Running headers, footers and page numbers were left out of the text.")
SLANTED_LEFT_OUT = N_("Text set at a slant (a watermark, say) was left out of the text.")
PROTECTED = N_("This PDF is protected by a password.")
WRONG_PASSWORD = N_("The password does not open this PDF.")
NO_TEXT = N_("This PDF has no text layer; run OCR first (text recognition, for example with OCRmyPDF or the "
             "scanner's software), then import the PDF it makes.")
DAMAGED = N_("This PDF is damaged and cannot be read.")
TRUNCATED = N_("This PDF is incomplete (cut short while it was downloaded or copied?): get the file again.")
CANCELLED = N_("The import was cancelled.")
NO_PAGES = N_("This PDF has no pages.")

#: Terminal punctuation: a line ending with one of these (after closing quotes and brackets) ends a sentence.
_SENTENCE_END = frozenset(".!?…:")
_CLOSERS = "\"'”’»)]"
_HYPHENS = frozenset("-\u2010")
_PLACEHOLDER_TITLE = re.compile(
    r"^(untitled|sin t[ií]tulo|document\d*|documento\d*|title|t[ií]tulo|presentation|presentaci[oó]n)$"
    r"|\.(docx?|odt|rtf|txt|pdf|indd|qxd|pages|tex|xlsx?|pptx?|html?)$"
    r"|^microsoft (word|powerpoint|excel) - ",
    re.IGNORECASE)
_PLACEHOLDER_AUTHORS = frozenset({
    "user", "usuario", "admin", "administrator", "administrador", "author", "autor", "unknown",
    "desconocido", "microsoft office user", "usuario de microsoft office", "windows user", "usuario de windows",
})
_NO_PAGES = re.compile(rb"/Count\s+0(?![0-9.])")
_SOME_PAGES = re.compile(rb"/Count\s+[1-9]")
#: A run of characters without white space or a line break between them, in PDFium's text.
_WORD = re.compile("[^\t\n\r \u2000-\u200a\u3000]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Controls and unmapped glyphs carry no text; 0x02 is PDFium's mark for a hyphen it took for
#: one at the end of a line.
_CONTROLS = {**{c: None for c in (*range(0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF)}, 0x02: "-"}
_ROMAN = re.compile(r"^[ivxlcdm]+$")
_DIGITS = re.compile(r"\d+")

#: A line break PDFium put between two characters: a space only if they stand apart.
_MAYBE = "maybe"

#: Share of the page height, at the top and at the bottom, where running headers and footers stand.
BAND = 0.10
#: Longest running header or footer compared with its numbers read as "#" ("Page 3 of 12", "Report 2024 | 17"):
#: longer lines are compared as they are, so that body lines that differ only in their figures are kept.
SHORT = 50


class _Line:
    """A line (or a segment of one) on a page: its box in PDF units (y up), its type size, its text."""

    __slots__ = ("x0", "y0", "x1", "y1", "em", "text", "order")

    def __init__(self, x0, y0, x1, y1, em, text, order):
        self.x0, self.y0, self.x1, self.y1, self.em, self.text, self.order = x0, y0, x1, y1, em, text, order

    @property
    def mid(self) -> float:
        return (self.y0 + self.y1) / 2

    def __repr__(self) -> str:  # pragma: no cover - for debugging
        return f"<{self.text[:30]!r} x={self.x0:.0f}-{self.x1:.0f} y={self.y0:.0f}-{self.y1:.0f}>"


class _Page:
    """A page's lines in the frame of its main text (upright), and the lines set in another direction."""

    __slots__ = ("top", "bottom", "lines", "aside", "images", "slanted")

    def __init__(self, top: float, bottom: float, lines: list[_Line], images: bool, aside=(), slanted=False):
        self.top, self.bottom, self.lines, self.images = top, bottom, lines, images
        self.aside: list[list[_Line]] = list(aside)  # text turned a quarter from the main text's, as flows
        self.slanted = slanted  # text at an angle (a watermark) was left out


# --------------------------------------------------------------------------- entry point


def import_pdf(data: bytes, name: str, *, password: str | None = None, progress=None) -> ImportedArticle:
    """A PDF's bytes as an article (see the module docstring).

    Raises ``PasswordRequired`` for an encrypted PDF without the right password,
    ``ImportCancelled`` when ``progress(done, total)`` returns False, and ``ImportRefused``
    with one sentence for anything else it cannot read.
    """
    data = bytes(data)
    complete = b"%%EOF" in data[-1024:]
    try:
        pages, info, labels = _read(data, password, progress, complete)
        return _article(data, name, pages, info, labels)
    except KnownError:
        raise
    except Exception as exc:  # a hostile or broken file: a sentence, never a traceback
        raise ImportRefused(DAMAGED if complete else TRUNCATED) from exc


def _read(data: bytes, password: str | None, progress, complete: bool):
    """Every page's lines, the document information and the page labels, read through PDFium."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data, password=password)
        except pdfium.PdfiumError as exc:
            raise _refusal(getattr(exc, "err_code", None), data, password, complete) from None
    try:
        with PDFIUM_LOCK:
            total = len(document)
            try:  # odd metadata or page labels never cost the text
                info = document.get_metadata_dict(skip_empty=True)
            except Exception:  # noqa: BLE001
                info = {}
            try:
                labels = [document.get_page_label(i) for i in range(total)]
            except Exception:  # noqa: BLE001
                labels = []
        if total == 0:
            raise ImportRefused(NO_PAGES)
        pages = []
        for index in range(total):
            with PDFIUM_LOCK:
                glyphs, box, images = _read_page(document, index)
            pages.append(_page(glyphs, box, images))
            if progress is not None and progress(index + 1, total) is False:
                raise ImportCancelled(CANCELLED)
    finally:
        with PDFIUM_LOCK:
            document.close()
    if not any(labels):
        labels = []
    return pages, info, labels


def _refusal(code, data: bytes, password: str | None, complete: bool) -> ImportRefused:
    """Why PDFium could not open a PDF, in a sentence.

    PDFium's last error is not reset by a load that fails without one (a PDF without
    pages), so it may be an earlier file's: each reason is checked against the bytes too.
    """
    import pypdfium2.raw as raw

    encrypted = b"/Encrypt" in data
    if code == raw.FPDF_ERR_PASSWORD and encrypted:
        return PasswordRequired(WRONG_PASSWORD, wrong=True) if password else PasswordRequired(PROTECTED)
    if code == raw.FPDF_ERR_SECURITY and encrypted:
        return ImportRefused(N_("This PDF is protected in a way factcheck cannot open."))
    if complete and _NO_PAGES.search(data) and not _SOME_PAGES.search(data):
        return ImportRefused(NO_PAGES)
    return ImportRefused(DAMAGED if complete else TRUNCATED)


def _read_page(document, index: int) -> tuple[list[tuple], tuple, bool]:
    """A page's words (see ``_glyphs``) in drawing order; its box (left, bottom, right, top); whether it
    holds an image (asked only of pages without text). Call with ``PDFIUM_LOCK`` held."""
    import pypdfium2.raw as raw

    page = document[index]
    try:
        box = tuple(page.get_bbox())
        textpage = page.get_textpage()
        try:
            glyphs = _glyphs(raw, textpage.raw)
        finally:
            textpage.close()
        images = False
        if not glyphs:
            images = any(True for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
    finally:
        page.close()
    return glyphs, box, images


def _glyphs(raw, textpage) -> list[tuple]:
    """The page's words ``(text, left, bottom, right, top, space before, quarter)`` in drawing order.

    ``quarter`` is the direction of the text in quarter turns as PDFium gives it (0: upright;
    1, 2, 3: turned 90°, 180°, 270° clockwise), None for text set at any other angle.

    A word is a run of characters PDFium put no white space or line break between; its box
    is that of its first and last characters (two calls into PDFium instead of one a
    character), unless those do not stand on one line, when each character is read.
    """
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    buffer = ctypes.create_string_buffer(count * 2 + 2)
    written = raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    if written - 1 == count:
        units = array.array("H", buffer.raw[: count * 2])
        if sys.byteorder == "big":
            units.byteswap()
    else:  # PDFium left out or added characters: ask one by one
        units = [raw.FPDFText_GetUnicode(textpage, k) & 0xFFFF for k in range(count)]
    page = "".join(map(chr, units))  # one character a UTF-16 unit, so indexes are PDFium's
    surrogates = _SURROGATE.search(page) is not None
    box = raw.FPDFText_GetLooseCharBox
    angle = raw.FPDFText_GetCharAngle
    first, last = raw.FS_RECTF(), raw.FS_RECTF()
    out = []
    end = 0
    space: object = False
    for match in _WORD.finditer(page):
        a, b = match.span()
        between = page[end:a]
        end = b
        if between:
            # PDFium's own line breaks are only a guess (lines are rebuilt from the boxes): a space
            # there where the gap says so; a space character always.
            space = True if between.strip("\r\n") else (space or _MAYBE)
        quarter = _quarter(angle(textpage, a))
        if not (box(textpage, a, first) and box(textpage, b - 1, last)) or quarter != 0:
            space = _characters(box, textpage, page, a, b, space, out, surrogates, quarter)
            continue
        left, top, bottom = first.left, first.top, first.bottom
        right = last.right
        middle = (last.top + last.bottom) / 2
        height = top - bottom
        if not (height > 0.01 and bottom <= middle <= top and left - height <= right
                and right - left <= (b - a + 1) * 2 * height and math.isfinite(left + right + top + bottom)):
            space = _characters(box, textpage, page, a, b, space, out, surrogates, quarter)
            continue
        text = match.group()
        if surrogates:
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").replace("\ufffd", "")
        text = text.translate(_CONTROLS)
        if not text:
            continue
        out.append((text, left, min(bottom, last.bottom), max(right, first.right), max(top, last.top), space, 0))
        space = False
    return out


def _quarter(angle: float) -> int | None:
    """PDFium's angle of a character (radians, clockwise) as quarter turns, None when it is no multiple of 90°."""
    if not (angle >= 0 and math.isfinite(angle)):  # -1: PDFium could not tell
        return 0
    turns = angle / (math.pi / 2)
    quarter = round(turns)
    return quarter % 4 if abs(turns - quarter) < 0.03 else None


def _characters(box, textpage, page: str, a: int, b: int, space, out: list, surrogates: bool, quarter):
    """A word's characters one by one, each with its own box (see ``_glyphs``); the space left pending."""
    import pypdfium2.raw as raw

    rect = raw.FS_RECTF()
    k = a
    while k < b:
        index = k
        char = page[k]
        k += 1
        if surrogates and "\ud800" <= char < "\udc00":
            if k < b and "\udc00" <= page[k] < "\ue000":
                char = (char + page[k]).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
                k += 1
            else:
                continue
        char = char.translate(_CONTROLS)
        if not char or "\ud800" <= char < "\ue000":
            continue
        if not box(textpage, index, rect):
            continue
        left, top, right, bottom = rect.left, rect.top, rect.right, rect.bottom
        if not (top - bottom > 0.01 and math.isfinite(left + right + top + bottom)):
            continue
        out.append((char, left, bottom, right, top, space, quarter))
        space = False
    return space


# --------------------------------------------------------------------------- layout


def _upright(quarter: int, left: float, bottom: float, right: float, top: float) -> tuple:
    """A box in the frame where text turned ``quarter`` quarters (clockwise) reads upright, left to right."""
    if quarter == 1:
        return -top, left, -bottom, right
    if quarter == 2:
        return -right, -top, -left, -bottom
    if quarter == 3:
        return bottom, -right, top, -left
    return left, bottom, right, top


def _page(glyphs: list[tuple], box: tuple, images: bool) -> _Page:
    """A page's words as lines, in the frame of its main text's direction (a landscape page drawn turned
    on a portrait one reads as such); text in the other directions as flows of its own; text at an angle
    that is no quarter turn (a diagonal watermark) left out."""
    by_quarter: dict[int | None, list[tuple]] = {}
    for glyph in glyphs:
        by_quarter.setdefault(glyph[6], []).append(glyph)
    turned = [q for q in by_quarter if q is not None]
    main = max(turned, key=lambda q: sum(len(g[0]) for g in by_quarter[q])) if turned else 0
    aside = []
    for quarter in sorted(turned):
        upright = [(g[0], *_upright(quarter, *g[1:5]), g[5]) for g in by_quarter[quarter]]
        if quarter:
            upright = _by_position(upright)
        if quarter == main:
            lines = _lines(upright)
        else:
            aside.extend(_flows(_lines(upright)))
    _, bottom, _, top = _upright(main, *box)
    return _Page(top, bottom, lines if turned else [], images, aside, slanted=None in by_quarter)


def _by_position(glyphs: list[tuple]) -> list[tuple]:
    """Characters of turned text in reading order by their boxes alone, a space where they stand apart.

    PDFium's order and guessed spaces are unreliable for text that is not upright, so rows
    are taken top to bottom (a character whose middle lies in the row's band belongs to it),
    each left to right.
    """
    ordered = sorted(glyphs, key=lambda g: -(g[2] + g[4]) / 2)
    rows: list[list[tuple]] = []
    for glyph in ordered:
        middle = (glyph[2] + glyph[4]) / 2
        if rows and rows[-1][0][2] <= middle <= rows[-1][0][4]:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    out = []
    for row in rows:
        row.sort(key=lambda g: g[1])
        right = None
        for text, left, bottom, right_, top, _ in row:
            space = right is not None and left - right > 0.15 * (top - bottom)
            out.append((text, left, bottom, right_, top, space))
            right = right_
    return out


def _lines(glyphs: list[tuple]) -> list[_Line]:
    """Words (or characters) in drawing order as line segments (see "Lines" in the module docstring)."""
    lines: list[_Line] = []
    parts: list[str] = []
    x0 = y0 = x1 = y1 = em = 0.0
    for char, left, bottom, right, top, space in glyphs:
        height = top - bottom
        middle = (top + bottom) / 2
        if parts and y0 <= middle <= y1 and x1 - em <= left <= x1 + em:
            gap = left - x1
            if (space is True and gap > -0.5 * em) or gap > (0.1 if space else 0.25) * em:
                parts.append(" ")
            parts.append(char)
            x1 = max(x1, right)
            if height > em:
                em = height
            continue
        if parts and y0 <= middle <= y1 and left < x0 and x0 - em <= right <= x0 + 0.25 * em:
            # Drawn right to left (text turned upside down, say): it goes before the line.
            gap = x0 - right
            if (space is True and gap > -0.5 * em) or gap > (0.1 if space else 0.25) * em:
                parts.insert(0, " ")
            parts.insert(0, char)
            x0 = left
            if height > em:
                em = height
            continue
        if parts:
            lines.append(_Line(x0, y0, x1, y1, em, "".join(parts), len(lines)))
        parts = [char]
        x0, y0, x1, y1, em = left, bottom, right, top, height
    if parts:
        lines.append(_Line(x0, y0, x1, y1, em, "".join(parts), len(lines)))
    for line in lines:
        line.text = _clean(line.text)
    return [line for line in lines if line.text]


def _clean(text: str) -> str:
    """A line's text as articles store text: NFC, no byte-order marks, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text.replace("\ufeff", "")).split())


def _median(values: list[float], default: float) -> float:
    return statistics.median(values) if values else default


def _rows(lines: list[_Line]) -> list[_Line]:
    """Lines top to bottom; segments on one row (their middles inside each other's band) joined left to right."""
    ordered = sorted(lines, key=lambda line: (-line.mid, line.x0, line.order))
    out: list[_Line] = []
    row: list[_Line] = []
    for line in ordered:
        if row and (row[0].y0 <= line.mid <= row[0].y1 or line.y0 <= row[0].mid <= line.y1):
            row.append(line)
            continue
        if row:
            out.append(_merge(row))
        row = [line]
    if row:
        out.append(_merge(row))
    return out


def _merge(row: list[_Line]) -> _Line:
    if len(row) == 1:
        return row[0]
    row.sort(key=lambda line: (line.x0, line.order))
    return _Line(min(s.x0 for s in row), min(s.y0 for s in row), max(s.x1 for s in row), max(s.y1 for s in row),
                 max(s.em for s in row), " ".join(s.text for s in row), min(s.order for s in row))


def _flows(lines: list[_Line], depth: int = 0) -> list[list[_Line]]:
    """A page's (or a column's) lines as flows read one after another: columns, and what crosses them."""
    if depth < 3 and len(lines) >= 6:
        gutter = _gutter(lines)
        if gutter is not None:
            left = [line for line in lines if line.x1 <= gutter]
            right = [line for line in lines if line.x0 >= gutter]
            crossing = sorted((line for line in lines if line.x1 > gutter > line.x0),
                              key=lambda line: (-line.mid, line.order))
            flows: list[list[_Line]] = []
            done: set[int] = set()

            def above(limit: float) -> None:
                """The columns' lines above ``limit`` not read yet: left column, then right."""
                for side in (left, right):
                    band = [line for line in side if line.mid > limit and id(line) not in done]
                    done.update(id(line) for line in band)
                    if band:
                        flows.extend(_flows(band, depth + 1))

            for line in crossing:
                before = len(flows)
                above(line.mid)
                if len(flows) == before and flows and flows[-1] and flows[-1][-1] in crossing:
                    flows[-1].append(line)  # crossing lines one after another: one flow
                else:
                    flows.append([line])
            above(-math.inf)
            return flows
    return [_rows(lines)] if lines else []


def _gutter(lines: list[_Line]) -> float | None:
    """The x of a gutter between two columns of ``lines`` (see "Reading order"), or None."""
    em = _median([line.em for line in lines], 10.0)
    starts = sorted(line.x0 for line in lines)
    ends = sorted(line.x1 for line in lines)
    n = len(lines)
    best = None
    tried = set()
    for end in ends:
        x = end + 0.4 * em
        bucket = round(x / (0.5 * em))
        if bucket in tried:
            continue
        tried.add(bucket)
        n_left = bisect.bisect_right(ends, x)
        n_right = n - bisect.bisect_left(starts, x)
        if n_left < 3 or n_right < 3:
            continue
        left = [line for line in lines if line.x1 <= x]
        right = [line for line in lines if line.x0 >= x]
        if min(line.x0 for line in right) - max(line.x1 for line in left) < 0.8 * em:
            continue
        if _median([line.x1 - line.x0 for line in left], 0) < 8 * em:
            continue
        if _median([line.x1 - line.x0 for line in right], 0) < 8 * em:
            continue
        low = max(min(line.y0 for line in left), min(line.y0 for line in right))
        high = min(max(line.y1 for line in left), max(line.y1 for line in right))
        if high <= low:
            continue
        side_by_side = [sum(1 for line in side if low <= line.mid <= high) for side in (left, right)]
        if min(side_by_side) < 2:
            continue
        crossing = sum(1 for line in lines if line.x1 > x > line.x0 and low <= line.mid <= high)
        if crossing > 0.2 * sum(side_by_side):
            continue
        score = (len(left) + len(right), min(line.x0 for line in right) - max(line.x1 for line in left))
        if best is None or score > best[0]:
            best = (score, (max(line.x1 for line in left) + min(line.x0 for line in right)) / 2)
    return best[1] if best else None


# --------------------------------------------------------------------------- running headers


def _furniture_key(text: str) -> str:
    """What running headers have in common: the text; for a short line, with every number as "#"."""
    if len(text) > SHORT:
        return text
    words = []
    for word in text.lower().split():
        words.append("#" if _ROMAN.match(word) else _DIGITS.sub("#", word))
    return " ".join(words)


def _leave_out_furniture(pages: list[_Page]) -> bool:
    """Remove running headers, footers and page numbers (see the module docstring); whether any were."""
    counts: dict[tuple[str, str], int] = {}
    candidates: list[list[tuple[_Line, tuple[str, str]]]] = []
    for page in pages:
        height = page.top - page.bottom
        found = []
        if height > 0:
            for line in page.lines:
                if line.mid >= page.top - BAND * height:
                    found.append((line, ("top", _furniture_key(line.text))))
                elif line.mid <= page.bottom + BAND * height:
                    found.append((line, ("bottom", _furniture_key(line.text))))
        candidates.append(found)
        for key in {key for _, key in found}:
            counts[key] = counts.get(key, 0) + 1
    needed = min(3, max(2, len(pages) - 1))
    removed = False
    for page, found in zip(pages, candidates):
        drop = {id(line) for line, key in found if counts[key] >= needed}
        if drop:
            page.lines = [line for line in page.lines if id(line) not in drop]
            removed = True
    return removed


# --------------------------------------------------------------------------- paragraphs


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def _join(before: str, after: str) -> tuple[str, str]:
    """How two lines of one paragraph join: (the first line as it ends, the separator)."""
    last = before[-1]
    if last == "\xad":
        return before[:-1], ""
    if last in _HYPHENS and len(before) >= 2 and before[-2].isalnum():
        if before[-2].isalpha() and after[:1].islower():
            return before[:-1], ""
        return before, ""
    return before, " "


def _breaks(flow: list[_Line]) -> list[bool]:
    """For each line of a flow after the first: whether it starts a new paragraph."""
    if len(flow) < 2:
        return []
    pitches = [a.y0 - b.y0 for a, b in zip(flow, flow[1:]) if 0 < a.y0 - b.y0 < 3 * a.em]
    pitch = _median(pitches, 0.0)
    left = min(line.x0 for line in flow)
    right = max(line.x1 for line in flow)
    em = _median([line.em for line in flow], 10.0)
    justified = len(flow) >= 3 and sum(1 for line in flow if line.x1 >= right - em) >= 0.6 * len(flow)
    indented = sum(1 for line in flow if line.x0 > left + em)
    out = []
    for a, b in zip(flow, flow[1:]):
        gap = a.y0 - b.y0
        new = (
            abs(a.em - b.em) > 0.15 * max(a.em, b.em)
            or gap <= 0
            or (pitch and gap > 1.3 * pitch)
            or (not pitch and gap > 2.5 * em)
            or (b.x0 > left + em and a.x0 <= left + 0.5 * em and indented <= len(flow) / 2)
            or (justified and a.x1 < right - 3 * em and _ends_sentence(a.text))
        )
        out.append(bool(new))
    return out


def _goes_on(before: _Line, after: _Line) -> bool:
    """Across a column or page break: whether the paragraph goes on (see "Paragraphs")."""
    if abs(before.em - after.em) > 0.15 * max(before.em, after.em):
        return False
    return not _ends_sentence(before.text) or after.text[:1].islower()


def _text(pages: list[_Page]) -> tuple[str, list[int]]:
    """The article's text and where each page starts in it."""
    out: list[str] = []
    size = 0
    starts: list[int] = []
    previous: _Line | None = None
    pending: list[int] = []  # pages whose start is the next character written

    def write(piece: str) -> None:
        nonlocal size
        out.append(piece)
        size += len(piece)

    apart = False  # the last flow written stands apart (text turned aside): what follows starts anew
    for page in pages:
        pending.append(len(starts))
        starts.append(size)
        flows = [(flow, False) for flow in _flows(page.lines)] + [(flow, True) for flow in page.aside]
        for flow, aside in flows:
            first = previous is not None and (aside or apart or not _goes_on(previous, flow[0]))
            apart = aside
            breaks = [first, *_breaks(flow)]
            for line, new in zip(flow, breaks):
                if previous is None:
                    separator = ""
                elif new:
                    separator = "\n\n"
                else:
                    if out:
                        kept, separator = _join(out[-1], line.text)
                        size -= len(out[-1]) - len(kept)
                        out[-1] = kept
                write(separator)
                for n in pending:
                    starts[n] = size
                pending.clear()
                write(line.text)
                previous = line
    for n in pending:  # pages without text at the end
        starts[n] = size
    return "".join(out), starts


# --------------------------------------------------------------------------- the article


def _article(data: bytes, name: str, pages: list[_Page], info: dict, labels: list[str]) -> ImportedArticle:
    if not any(page.lines or page.aside for page in pages):
        raise ImportRefused(NO_TEXT)
    notices = []
    if _leave_out_furniture(pages):
        notices.append(HEADERS_LEFT_OUT)
    if any(page.slanted for page in pages):
        notices.append(SLANTED_LEFT_OUT)
    scanned = [n for n, page in enumerate(pages, 1) if not page.lines and not page.aside and page.images]
    text, starts = _text(pages)
    normalized = normalize_text(text)
    if normalized != text:  # only where a line began with a combining mark, or the like
        starts = [len(normalize_text(text[:start] + "\x00x")) - 1 if start else 0 for start in starts]
        text = normalized
        starts = [min(start, len(text)) for start in starts]
        for i in range(1, len(starts)):
            starts[i] = max(starts[i], starts[i - 1])
    if not text:
        raise ImportRefused(NO_TEXT)
    if len(text.encode("utf-8")) > MAX_IMPORT_BYTES:
        raise ImportRefused(N_("The text of this PDF is too long to be one article (more than {limit} MB): split "
                               "the PDF and import the part with the article.",
                               limit=f"{MAX_IMPORT_BYTES / (1024 * 1024):.0f}"))
    if scanned:
        shown = (labels[scanned[0] - 1] if labels else "") or str(scanned[0])
        notices.append(
            N_("Page {page} is a scanned image without a text layer, so its words are not in the text: run OCR on "
               "the PDF to import them.", page=shown) if len(scanned) == 1 else
            N_("{n} pages are scanned images without a text layer, so their words are not in the text: run OCR on "
               "the PDF to import them.", n=len(scanned)))
    title = " ".join(str(info.get("Title", "")).split())
    if not title or _PLACEHOLDER_TITLE.search(title):
        title = first_line_title(text, TITLE_LIMIT)
    else:
        title = trim_title(unicodedata.normalize("NFC", title), TITLE_LIMIT)
    author = " ".join(str(info.get("Author", "")).split())
    if author.lower() in _PLACEHOLDER_AUTHORS:
        author = ""
    return ImportedArticle(
        text=text,
        title=title,
        source_format="pdf",
        source_name=name,
        original=data,
        mime=MIME,
        author=unicodedata.normalize("NFC", author)[:200],
        pages=tuple(starts),
        page_labels=tuple(labels),
        notices=tuple(notices),
    )
