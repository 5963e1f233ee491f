"""The article view: one version of an article, read-only, with its claims highlighted.

The text sits in a ``QPlainTextEdit`` (lazy layout, fast for a 1 MB article) whose
document layout adds reading line and paragraph spacing. A ``QSyntaxHighlighter`` paints
the claims from precomputed flat segments, so a change to one claim re-formats only the
blocks it touches. Everything public counts code points; UTF-16 positions stay inside,
converted only through ``offsets.OffsetMap``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import anchoring, colours, model, segments
from factcheck.core.errors import NotFound
from factcheck.ui import language, models, offsets, theme

#: Reading fonts, best first; the first one installed is used.
READING_FONTS = (
    "Charter", "Iowan Old Style", "Georgia", "Source Serif 4", "Source Serif Pro", "Noto Serif",
    "PT Serif", "DejaVu Serif", "Liberation Serif", "Times New Roman",
)
POINT_SIZE = 12
LINE_HEIGHT = 1.4  # times the font's line height
PARAGRAPH_SPACING = 0.7  # times the font's line height, after each paragraph
MEASURE = 72  # readable line length, in average characters
MIN_SIDE_MARGIN = 24

# Colours come from the rating scale and core.colours, in the variant of the palette in use
# (ui.theme); these names are the light ones.
TINT_ALPHA = colours.TINT_ALPHA  # one claim
TINT_ALPHA_STEP = colours.TINT_ALPHA_STEP  # each further claim covering the same words
TINT_ALPHA_MAX = colours.TINT_ALPHA_MAX
EMPHASIS_ALPHA = colours.EMPHASIS_ALPHA
UNRATED_COLOR = colours.role("unrated", dark=False)  # a claim without a rating yet
WARNING_COLOR = colours.role("fuzzy", dark=False)  # fuzzy anchor: a person must confirm the words
#: Find marks only the matches near the visible part; more than this are left unmarked.
MAX_FIND_MARKS = 2000
MENU_QUOTE_LENGTH = 60


@functools.cache
def reading_font() -> QFont:
    """A serif reading font at ``POINT_SIZE``; the system's serif if none of ours is installed."""
    installed = set(QFontDatabase.families())
    font = QFont()
    for family in READING_FONTS:
        if family in installed:
            font.setFamily(family)
            break
    else:
        font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(POINT_SIZE)
    return font


def _tint(color: str | QColor, alpha: int) -> QColor:
    tinted = QColor(color)
    tinted.setAlpha(alpha)
    return tinted


FIND_MATCH_COLOR = _tint(colours.role("find", dark=False), colours.FIND_ALPHA)


class _ReadingDocumentLayout(QPlainTextDocumentLayout):
    """Plain-text layout with reading line spacing, space after each paragraph (none more
    for a blank line between two), and right-to-left paragraphs aligned right.

    ``QPlainTextDocumentLayout`` ignores ``QTextBlockFormat.lineHeight`` and block margins,
    so the lines of a block are re-spaced the first time its bounding rect is asked for
    after Qt laid it out (Qt always puts the first line at y = 0; ours sits lower).
    Painting, hit-testing and scrolling all go through ``blockBoundingRect``.
    """

    # Qt may ask for a block's rect while the base class is still being built, before
    # __init__ has set these: the defaults keep that call from raising.
    _factor = LINE_HEIGHT
    _gap = 0.0

    def __init__(self, document: QTextDocument, line_height: float, paragraph_spacing: float):
        super().__init__(document)
        self._factor = line_height
        self._gap = paragraph_spacing

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:  # noqa: N802 - Qt override
        rect = super().blockBoundingRect(block)
        layout = block.layout()
        count = layout.lineCount()
        if not count or not block.isVisible():
            return rect
        if block.length() == 1 and self._gap:
            # A blank line (Word and Markdown imports put one between paragraphs): the space
            # after the paragraph above is the gap already; a second one would double it.
            rect.setHeight(0)
            return rect
        if layout.lineAt(0).y() == 0:
            self._space(block, layout, count)
            rect = super().blockBoundingRect(block)
        last = layout.lineAt(count - 1)
        bottom = last.y() + last.height()
        slot_bottom = bottom + (self._factor - 1) * last.height() / 2
        rect.setHeight(rect.height() + round(slot_bottom - bottom) + self._gap)
        return rect

    def _space(self, block: QTextBlock, layout, count: int) -> None:
        if block.textDirection() == Qt.LayoutDirection.RightToLeft:
            # The plain-text layout aligns every block left; a right-to-left paragraph
            # (Arabic, Hebrew) reads from the right edge. Alignment applies when drawn.
            option = layout.textOption()
            option.setAlignment(Qt.AlignmentFlag.AlignRight)
            layout.setTextOption(option)
        y = 0.0
        for i in range(count):
            line = layout.lineAt(i)
            height = line.height()
            line.setPosition(QPointF(line.x(), round(y + (self._factor - 1) * height / 2)))
            y += round(self._factor * height)


class ClaimHighlighter(QSyntaxHighlighter):
    """Paints claim segments onto the blocks Qt asks for.

    The view hands over the flat segments (code points), the text's ``OffsetMap`` and a
    function giving the format of a segment from the claims covering it. Segment bounds
    are converted to UTF-16 once; formats are looked up once per segment and kept until
    ``forget_formats`` says the claims there changed.
    """

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._starts: list[int] = []  # UTF-16
        self._ends: list[int] = []
        self._ids: list[frozenset[str]] = []
        self._formats: list[QTextCharFormat | None] = []
        self._style: Callable[[frozenset[str]], QTextCharFormat] | None = None

    def set_segments(self, segs: list[segments.Segment], offset_map: offsets.OffsetMap,
                     style: Callable[[frozenset[str]], QTextCharFormat]) -> None:
        """Use these segments from the next highlighting on (repaints nothing by itself)."""
        if offset_map.utf16_length == offset_map.length:  # no astral characters: the same offsets
            self._starts = [s.start for s in segs]
            self._ends = [s.end for s in segs]
        else:
            to_utf16 = offset_map.to_utf16
            self._starts = [to_utf16(s.start) for s in segs]
            self._ends = [to_utf16(s.end) for s in segs]
        self._ids = [s.claim_ids for s in segs]
        self._formats = [None] * len(segs)
        self._style = style

    def splice(self, i: int, j: int, new: list[segments.Segment], offset_map: offsets.OffsetMap) -> None:
        """Replace segments ``i:j`` with ``new`` (after a few claims changed)."""
        to_utf16 = offset_map.to_utf16
        self._starts[i:j] = [to_utf16(s.start) for s in new]
        self._ends[i:j] = [to_utf16(s.end) for s in new]
        self._ids[i:j] = [s.claim_ids for s in new]
        self._formats[i:j] = [None] * len(new)

    def forget_formats(self, start: int = 0, end: int | None = None) -> None:
        """The look of claims in UTF-16 ``[start, end)`` changed: look their formats up again."""
        if end is None:
            self._formats = [None] * len(self._ids)
            return
        i = bisect.bisect_right(self._ends, start)
        while i < len(self._starts) and self._starts[i] < end:
            self._formats[i] = None
            i += 1

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        if not self._starts:
            return
        block_start = self.currentBlock().position()
        block_end = block_start + self.currentBlock().length() - 1
        starts, ends, formats = self._starts, self._ends, self._formats
        i = bisect.bisect_right(ends, block_start)
        count = len(starts)
        set_format = self.setFormat
        while i < count:
            start = starts[i]
            if start >= block_end:
                break
            end = ends[i]
            if start < block_start:
                start = block_start
            if end > block_end:
                end = block_end
            fmt = formats[i]
            if fmt is None:
                fmt = formats[i] = self._style(self._ids[i])
            set_format(start - block_start, end - start, fmt)
            i += 1


class _ArticleTextEdit(QPlainTextEdit):
    """The read-only text: reports plain left clicks and outlines the emphasised claim."""

    sig_point_clicked = Signal(QPoint)
    """A left click without dragging a selection, at this viewport position."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.emphasis: tuple[int, int, QColor] | None = None  # UTF-16 span and outline colour
        self._press_pos: QPoint | None = None

    def set_side_margins(self, side: int) -> None:
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._press_pos = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        press, self._press_pos = self._press_pos, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        pos = event.position().toPoint()
        if (pos - press).manhattanLength() < QApplication.startDragDistance() and not self.textCursor().hasSelection():
            self.sig_point_clicked.emit(pos)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.emphasis is not None:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            start, end, color = self.emphasis
            painter.setPen(QPen(color, 1.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in self.span_rects(start, end):
                painter.drawRoundedRect(rect.adjusted(-2, -1, 2, 1), 3, 3)
            painter.end()

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles, one per visible line, covering UTF-16 ``[start, end)``."""
        rects: list[QRectF] = []
        offset = self.contentOffset()
        bottom = self.viewport().height()
        # From the span's first block (or the first one in view), not from the top of the
        # view: each block's geometry is a call into the layout, and a span covers one or two.
        block = self.document().findBlock(start)
        first = self.firstVisibleBlock()
        if not block.isValid() or block.blockNumber() < first.blockNumber():
            block = first
        while block.isValid() and block.position() < end:
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            b_start, b_end = block.position(), block.position() + block.length() - 1
            if b_end >= start and b_start < end and block.isVisible():
                layout = block.layout()
                lo, hi = max(start, b_start) - b_start, min(end, b_end) - b_start
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    l_start, l_end = line.textStart(), line.textStart() + line.textLength()
                    if l_end <= lo or l_start >= hi:
                        continue
                    x1 = line.cursorToX(max(lo, l_start))[0]
                    x2 = line.cursorToX(min(hi, l_end))[0]
                    text = line.naturalTextRect()  # leaves out the spaces a line wraps after
                    left, right = max(min(x1, x2), text.left()), min(max(x1, x2), text.right())
                    if right > left:
                        rects.append(QRectF(left, line.y(), right - left, line.height()).translated(geometry.topLeft()))
            block = block.next()
        return rects


class FindBar(QWidget):
    """Find in the article: a query, previous/next, "3 of 12", close. Escape closes it."""

    sig_query_changed = Signal(str)
    """The user edited the query."""

    sig_next_requested = Signal()
    """The user asked for the next match (Enter or the down button)."""

    sig_previous_requested = Signal()
    """The user asked for the previous match (Shift+Enter or the up button)."""

    sig_closed = Signal()
    """The user closed the bar."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(self.tr("Find in article"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.textEdited.connect(self.sig_query_changed)
        self.previous_button = self._button(
            "▲", self.tr("Previous match ({shortcut})").format(shortcut=language.keys("Shift+Enter")), self.sig_previous_requested)
        self.next_button = self._button("▼", self.tr("Next match ({shortcut})").format(shortcut=language.keys("Enter")),
                                        self.sig_next_requested)
        self.count_label = QLabel(self)
        widest = self._of(models.number(10000), models.number(10000))
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(widest))
        close_button = self._button("✕", self.tr("Close ({shortcut})").format(shortcut=language.keys("Esc")), self.close_bar)
        self.query_edit.setMaximumWidth(self.query_edit.fontMetrics().horizontalAdvance("x") * 48)
        layout.addWidget(self.query_edit, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        layout.addStretch(1)
        layout.addWidget(close_button)

    def _button(self, text: str, tip: str, target) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(target)
        return button

    def _of(self, current: str, total: str) -> str:
        return self.tr("{current} of {total}").format(current=current, total=total)

    def set_count(self, current: int | None, total: int) -> None:
        """Show "3 of 12" (``current`` counts from 1), "No matches", or nothing for no query."""
        if not self.query_edit.text():
            self.count_label.setText("")
        elif not total:
            self.count_label.setText(self.tr("No matches"))
        else:
            self.count_label.setText(self._of(models.number(current or 0), models.number(total)))
        self.previous_button.setEnabled(total > 0)
        self.next_button.setEnabled(total > 0)

    def close_bar(self) -> None:
        self.hide()
        self.sig_closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close_bar()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.sig_previous_requested.emit()
            else:
                self.sig_next_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class _ElidedLabel(QLabel):
    """Plain text on at most ``lines`` lines, cut with an ellipsis where it does not fit; the whole of it is the tooltip.

    ``text()`` stays whole. The header above the article is kept short so a long title
    never leaves a narrow or short window with two lines of article: the title wraps to
    two lines (one cut short says nothing about the article), the line under it keeps one.
    """

    def __init__(self, parent: QWidget | None = None, lines: int = 1):
        super().__init__(parent)
        self._lines = lines
        self.setTextFormat(Qt.TextFormat.PlainText)  # a URL stays text, never a live link
        self.setOpenExternalLinks(False)
        self.setWordWrap(False)
        if lines > 1:
            policy = self.sizePolicy()
            policy.setHeightForWidth(True)
            self.setSizePolicy(policy)

    def set_full_text(self, text: str) -> None:
        self.setText(text)
        self.setToolTip(text)
        self.updateGeometry()

    def shown_lines(self, width: int | None = None) -> list[str]:
        """The lines painted at ``width`` (the label's own by default), the last one cut if need be."""
        width = self.contentsRect().width() if width is None else width
        text = " ".join(self.text().split())
        metrics = self.fontMetrics()
        if self._lines == 1 or width <= 0 or metrics.horizontalAdvance(text) <= width:
            return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0))] if text else []
        layout = QTextLayout(text, self.font())
        layout.beginLayout()
        spans: list[tuple[int, int]] = []  # UTF-16 start and length of each line
        while len(spans) < self._lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        units = text.encode("utf-16-le")  # Qt's positions are UTF-16 code units

        def piece(start: int, end: int | None = None) -> str:
            return units[2 * start:None if end is None else 2 * end].decode("utf-16-le", "replace")

        out = [piece(start, start + length).rstrip() for start, length in spans[:-1]]
        out.append(metrics.elidedText(piece(spans[-1][0]), Qt.TextElideMode.ElideRight, width))
        return out

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return self._lines > 1

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        margins = self.contentsMargins()
        lines = max(1, len(self.shown_lines(width - margins.left() - margins.right())))
        return lines * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._lines > 1 and event.oldSize().width() != event.size().width():
            self.updateGeometry()  # wider or narrower: it may need another number of lines

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        rect = self.contentsRect()
        painter = QPainter(self)
        step = self.fontMetrics().lineSpacing()
        lines = self.shown_lines()
        top = rect.top() + max(0, (rect.height() - step * len(lines)) // 2)
        for i, text in enumerate(lines):
            line_rect = rect.adjusted(0, 0, 0, 0)
            line_rect.setTop(top + i * step)
            line_rect.setHeight(step)
            self.style().drawItemText(painter, line_rect, Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter,
                                      self.palette(), self.isEnabled(), text, self.foregroundRole())


class ArticleView(QWidget):
    """One version of an article with its claims highlighted; selecting text starts a claim."""

    sig_selection_changed = Signal(bool)
    """The user's text selection became non-empty (True) or empty (False)."""

    sig_claims_clicked = Signal(list)
    """The user clicked on highlighted text; claim ids at the point, smallest span first."""

    sig_claim_chosen = Signal(str)
    """The user chose a claim from the "Claims here" context submenu."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._article: model.Article | None = None
        self._version_id: str | None = None
        self._following = False  # showing the article's current version: follow new ones
        self._text = ""
        self._map = offsets.OffsetMap("")
        self._claims: dict[str, model.Claim] = {}  # painted: on this version, not orphaned
        self._known: set[str] = set()  # every claim of the article, painted or not
        self._spans: dict[str, tuple[int, int]] = {}
        self._segments: list[segments.Segment] = []
        self._colors: dict[str, str] = {}
        self._formats: dict[tuple[str, int, bool], QTextCharFormat] = {}
        self._emphasis_id: str | None = None
        self._emphasis_selection: list[QTextEdit.ExtraSelection] = []
        self._find_selections: list[QTextEdit.ExtraSelection] = []
        self._change_selections: list[QTextEdit.ExtraSelection] = []  # mark_changes
        self._matches: list[tuple[int, int]] = []  # code points
        self._match_starts: list[int] = []
        self._match_index: int | None = None
        self._find_anchor = 0
        self._context_actions: list[QAction] = []
        self._has_selection = False
        self._load_scale()

        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        font = reading_font()
        metrics = QFontMetricsF(font)
        self._measure = round(metrics.averageCharWidth() * MEASURE)

        self._header = QWidget(self)
        header_layout = QVBoxLayout(self._header)
        header_layout.setSpacing(4)
        self.title_label = _ElidedLabel(self._header, lines=2)
        title_font = QFont(font)
        title_font.setPointSizeF(POINT_SIZE * 1.75)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.meta_label = self._header_label(self._header)
        self.meta_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # follows light and dark
        header_layout.addWidget(self.title_label)
        header_layout.addWidget(self.meta_label)
        rule = QFrame(self._header)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Plain)
        rule.setForegroundRole(QPalette.ColorRole.Midlight)
        header_layout.addSpacing(4)
        header_layout.addWidget(rule)

        self.text_edit = _ArticleTextEdit(self)
        # Shown while no article is open (a new project's first screen).
        self.text_edit.setPlaceholderText(self.tr(
            "No article is open. Choose one in the Articles list, or bring one in: File > Import article… "
            "(Ctrl+I), File > Paste article… (Ctrl+Shift+V), or drop a file here."))
        self.text_edit.setReadOnly(True)
        self.text_edit.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text_edit.setFrameShape(QFrame.Shape.NoFrame)
        self.text_edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        document = QTextDocument(self.text_edit)
        document.setDocumentLayout(_ReadingDocumentLayout(
            document, LINE_HEIGHT, round(metrics.height() * PARAGRAPH_SPACING)))
        document.setDefaultFont(font)
        document.setDocumentMargin(8)
        self.text_edit.setDocument(document)
        self.text_edit.setFont(font)
        option = document.defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)  # Arabic, Hebrew: right to left
        document.setDefaultTextOption(option)
        self.highlighter = ClaimHighlighter(document)
        theme.notifier().sig_changed.connect(self._on_theme_changed)

        self.find_bar = FindBar(self)
        self.find_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.find_bar)

        self.text_edit.selectionChanged.connect(self._on_text_selection_changed)
        self.text_edit.sig_point_clicked.connect(self._on_text_point_clicked)
        self.text_edit.customContextMenuRequested.connect(self._on_text_context_menu_requested)
        self.text_edit.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        self.find_bar.sig_query_changed.connect(self._on_find_query_changed)
        self.find_bar.sig_next_requested.connect(self._on_find_next_requested)
        self.find_bar.sig_previous_requested.connect(self._on_find_previous_requested)
        self.find_bar.sig_closed.connect(self._on_find_closed)
        session.sig_changed.connect(self._on_session_changed)
        self._update_header()

    @staticmethod
    def _header_label(parent: QWidget) -> _ElidedLabel:
        return _ElidedLabel(parent)

    # --- what is shown ------------------------------------------------------------------

    @property
    def current_version_id(self) -> str | None:
        return self._version_id

    @property
    def article_id(self) -> str | None:
        return self._article.id if self._article else None

    def show_version(self, version_id: str | None) -> None:
        """Show a version's text with its claims highlighted; ``None`` shows nothing."""
        project = self.session.project
        if version_id is None:
            self._article, self._version_id, self._following = None, None, False
            text = ""
        else:
            version = project.version(version_id)
            self._article = project.article(version.article_id)
            self._version_id = version_id
            self._following = version_id == self._article.current_version_id
            text = version.text
        self._text = text
        self._map = offsets.OffsetMap(text)
        self._emphasis_id = None
        self._emphasis_selection = []
        self._find_selections = []
        self._change_selections = []
        self.text_edit.emphasis = None
        self.text_edit.setExtraSelections([])
        if self._article is not None:
            self._set_claims(project.claims(self._article.id))
        else:
            self._set_claims([])
        self._segments = self._compute_segments()
        self.highlighter.set_segments(self._segments, self._map, self._segment_format)
        # The highlighter formats every block as the text goes in, in one pass (it was
        # attached while the document was empty, so no delayed full rehighlight is pending).
        self.text_edit.setPlainText(text)
        self._update_header()
        if self.find_bar.isVisible():
            self._search(self.find_bar.query_edit.text(), 0)

    def _set_claims(self, claims: list[model.Claim]) -> None:
        self._known = {c.id for c in claims}
        painted = [c for c in claims if self._paints(c)]
        self._claims = {c.id: c for c in painted}
        self._spans = {c.id: (c.start, c.end) for c in painted}

    def _paints(self, claim: model.Claim | None) -> bool:
        return (
            claim is not None and self._article is not None and claim.article_id == self._article.id
            and claim.version_id == self._version_id and claim.deleted_at is None
            and claim.anchor_state != anchoring.ORPHANED and 0 <= claim.start < claim.end <= len(self._text)
        )

    def _compute_segments(self) -> list[segments.Segment]:
        return segments.segments((cid, s, e) for cid, (s, e) in self._spans.items())

    def _update_header(self) -> None:
        article = self._article
        if article is None:
            self.title_label.set_full_text("")
            self.meta_label.set_full_text("")
            self._header.setVisible(False)
            return
        self._header.setVisible(True)
        self.title_label.set_full_text(article.title)
        date = models.short_date(article.published_at)  # the date alone, as the locale writes it
        parts = [article.outlet, article.author, date, article.url]
        versions = self.session.project.versions(article.id)
        if len(versions) > 1:
            number = next((v.number for v in versions if v.id == self._version_id), 0)
            parts.append(self.tr("version {number} of {total}").format(
                number=models.number(number), total=models.number(len(versions))))
        self.meta_label.set_full_text(" · ".join(p.strip() for p in parts if p and p.strip()))
        self.meta_label.setVisible(bool(self.meta_label.text()))  # no empty line under the title

    # --- how claims look ------------------------------------------------------------------

    def _load_scale(self) -> None:
        """The rating colours in the variant of the app's palette (light or dark)."""
        self._dark = theme.is_dark()
        self._colors = {r.key: theme.rating_color(r) for r in self.session.project.scale.ratings}
        self._unrated = theme.rating_color(None)
        self._formats = {}

    def _color_of(self, claim: model.Claim) -> str:
        return self._colors.get(claim.rating or "", self._unrated)

    def _on_theme_changed(self, _dark: bool) -> None:
        """A switch between light and dark re-colours the highlights, the emphasis and the matches."""
        self._load_scale()
        if self._segments:
            self.highlighter.forget_formats()
            self.highlighter.rehighlight()
        if self._emphasis_id in self._claims:
            self._apply_emphasis(self._emphasis_id)
        self._mark_matches()

    def _segment_format(self, claim_ids: frozenset[str]) -> QTextCharFormat:
        """The format of text covered by these claims: the innermost claim's colour."""
        claims = self._claims
        if len(claim_ids) == 1:
            (top,) = claim_ids
            claim = claims[top]
            fuzzy = claim.anchor_state == anchoring.FUZZY
        else:
            claim = claims[segments.smallest_first(claim_ids, self._spans)[0]]
            fuzzy = any(claims[c].anchor_state == anchoring.FUZZY for c in claim_ids)
        key = (self._color_of(claim), len(claim_ids), fuzzy)
        fmt = self._formats.get(key)
        if fmt is None:
            color, count, fuzzy = key
            fmt = QTextCharFormat()
            background = theme.tint(color, colours.tint_alpha(count))
            fmt.setBackground(background)
            # The lines stand out 3:1 from the tint they sit on, light or dark.
            if fuzzy:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(theme.line_color(colours.role("fuzzy", self._dark), background))
            elif count > 1:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(theme.line_color(color, background))
            self._formats[key] = fmt
        return fmt

    def _rehighlight_spans(self, spans: Iterable[tuple[int, int]]) -> None:
        """Re-format only the blocks these code-point spans touch."""
        document = self.text_edit.document()
        numbers: set[int] = set()
        to_utf16 = self._map.to_utf16
        for start, end in spans:
            self.highlighter.forget_formats(to_utf16(start), to_utf16(end))
            block = document.findBlock(to_utf16(start))
            last = document.findBlock(to_utf16(max(start, end - 1)))
            while block.isValid():
                numbers.add(block.blockNumber())
                if block == last:
                    break
                block = block.next()
        for number in sorted(numbers):
            self.highlighter.rehighlightBlock(document.findBlockByNumber(number))

    # --- refreshing from Changes ------------------------------------------------------------

    #: What changes how claims are painted: where they sit, their rating (a claim field).
    _PAINTED = model.What.ANCHORS | model.What.CLAIM_FIELDS

    def _on_session_changed(self, changes: model.Changes) -> None:
        if self._article is None:
            return
        What = model.What
        project = self.session.project
        article_id = self._article.id
        ours = article_id in changes.articles
        if changes.what & What.SETTINGS:
            self._load_scale()
            if self._segments:
                self.highlighter.forget_formats()
                self.highlighter.rehighlight()
        if ours and changes.what & What.ARTICLES:  # its metadata, or it was deleted or restored
            try:
                self._article = project.article(article_id)
            except NotFound:
                self.show_version(None)
                return
            self._update_header()
        if ours and changes.what & What.VERSIONS and self._following:
            try:
                current_id = project.current_version(article_id).id
            except NotFound:
                current_id = self._version_id
            if current_id != self._version_id:  # a new version was imported
                scroll = self.text_edit.verticalScrollBar().value()
                self.show_version(current_id)
                self.text_edit.verticalScrollBar().setValue(scroll)
                return
        if not changes.what & self._PAINTED or not changes.claims:
            return
        if not ours and self._known.isdisjoint(changes.claims):
            return
        if len(changes.claims) <= 64:
            updated = {claim_id: claim for claim_id, claim in self.session.changed_claims(changes.claims).items()
                       if claim is None or claim.article_id == article_id or claim_id in self._known}
        else:
            current = {c.id: c for c in project.claims(article_id)}
            updated = {cid: current.get(cid) for cid in self._known | set(current)}
        self._apply_claims(updated)

    def _apply_claims(self, updated: dict[str, model.Claim | None]) -> None:
        """Take in new states of some claims; repaint the blocks of those whose look changed."""
        dirty: list[tuple[int, int]] = []
        spans_changed = False
        for claim_id, claim in updated.items():
            if claim is not None and claim.deleted_at is None:
                self._known.add(claim_id)
            else:
                self._known.discard(claim_id)
            old = self._claims.get(claim_id)
            new = claim if self._paints(claim) else None
            old_span = (old.start, old.end) if old else None
            new_span = (new.start, new.end) if new else None
            if new is None:
                self._claims.pop(claim_id, None)
                self._spans.pop(claim_id, None)
            else:
                self._claims[claim_id] = new
                self._spans[claim_id] = new_span
            if old_span != new_span:
                spans_changed = True
            elif old is None or (old.rating, old.anchor_state) == (new.rating, new.anchor_state):
                continue  # looks the same (e.g. only its statement or sources changed)
            dirty.extend(span for span in (old_span, new_span) if span)
        if spans_changed:
            if len(updated) <= 64 and dirty:
                # Only the stretch the changed claims covered, before and after, is redone.
                lo = min(s for s, _ in dirty)
                hi = max(e for _, e in dirty)
                i, j, fresh = segments.resegment(self._segments, self._spans, lo, hi)
                self._segments[i:j] = fresh
                self.highlighter.splice(i, j, fresh, self._map)
            else:
                self._segments = self._compute_segments()
                self.highlighter.set_segments(self._segments, self._map, self._segment_format)
        if len(dirty) > 400:
            self.highlighter.forget_formats()
            self.highlighter.rehighlight()
        elif dirty:
            self._rehighlight_spans(dirty)
        if self._emphasis_id is not None and self._emphasis_id in updated:
            self._apply_emphasis(self._emphasis_id if self._emphasis_id in self._claims else None)

    # --- selection, clicks and the context menu ------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as ``(start, end)`` code points of the version, or ``None``."""
        cursor = self.text_edit.textCursor()
        if not cursor.hasSelection() or self._version_id is None:
            return None
        start = self._map.from_utf16(cursor.selectionStart())
        end = self._map.from_utf16(cursor.selectionEnd())
        return (start, end) if end > start else None

    def mark_changes(self, spans: list[tuple[int, int]], fmt: QTextCharFormat) -> None:
        """Mark ``spans`` (code points of the shown version: what changed since the previous one) in ``fmt``."""
        selections = []
        document = self.text_edit.document()
        for start, end in spans:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(document)
            selection.cursor.setPosition(self._map.to_utf16(start))
            selection.cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            selection.format = fmt
            selections.append(selection)
        self._change_selections = selections
        self._update_extra_selections()

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points of the shown version) and scroll it into view."""
        start, end = max(0, min(start, len(self._text))), max(0, min(end, len(self._text)))
        cursor = self.text_edit.textCursor()
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.text_edit.setTextCursor(cursor)
        if not self._is_visible(self._map.to_utf16(start), self._map.to_utf16(end)):
            self._center_on(self._map.to_utf16(start))

    def _on_text_selection_changed(self) -> None:
        has = self.text_edit.textCursor().hasSelection()
        if has != self._has_selection:
            self._has_selection = has
            self.sig_selection_changed.emit(has)

    def claims_at_point(self, pos: QPoint) -> list[str]:
        """Claim ids under a viewport position, smallest span first (``[]`` off the text)."""
        offset = self._offset_at_point(pos)
        if offset is None or not self._segments:
            return []
        return segments.smallest_first(segments.claims_at(self._segments, offset), self._spans)

    def _offset_at_point(self, pos: QPoint) -> int | None:
        """The code-point offset of the character under a viewport position, if any."""
        edit = self.text_edit
        block = edit.cursorForPosition(pos).block()
        if not block.isValid():
            return None
        geometry = edit.blockBoundingGeometry(block).translated(edit.contentOffset())
        layout = block.layout()
        x, y = pos.x() - geometry.left(), pos.y() - geometry.top()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            rect = line.naturalTextRect()
            slack = line.height() * (LINE_HEIGHT - 1) / 2
            if rect.top() - slack <= y < rect.bottom() + slack:
                if not rect.left() <= x <= rect.right():
                    return None
                index = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
                if index >= block.length() - 1:
                    return None
                return self._map.from_utf16(block.position() + index)
        return None

    def _on_text_point_clicked(self, pos: QPoint) -> None:
        claim_ids = self.claims_at_point(pos)
        if claim_ids:
            self.sig_claims_clicked.emit(claim_ids)

    def set_context_actions(self, actions: list[QAction]) -> None:
        """Actions the app adds to the right-click menu (e.g. "New claim from selection")."""
        self._context_actions = list(actions)

    def context_menu(self, pos: QPoint) -> QMenu:
        """The right-click menu for a viewport position: copy/select all, the app's actions, claims here."""
        menu = self.text_edit.createStandardContextMenu(pos)
        if self._context_actions:
            menu.addSeparator()
            menu.addActions(self._context_actions)
        claim_ids = self.claims_at_point(pos)
        if claim_ids:
            menu.addSeparator()
            submenu = menu.addMenu(self.tr("Claims here"))
            for claim_id in claim_ids:
                action = submenu.addAction(self._menu_label(self._claims[claim_id]))
                action.triggered.connect(functools.partial(self.sig_claim_chosen.emit, claim_id))
        return menu

    def _menu_label(self, claim: model.Claim) -> str:
        quote = " ".join(claim.exact.split())
        if len(quote) > MENU_QUOTE_LENGTH:
            quote = quote[:MENU_QUOTE_LENGTH - 1].rstrip() + "…"
        rating = self.session.project.scale.get(claim.rating)
        label = f"“{quote}”" + (f" — {rating.label}" if rating else "")
        return label.replace("&", "&&")

    def _on_text_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        menu.exec(self.text_edit.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # --- showing one claim ----------------------------------------------------------------

    def show_claim(self, claim_id: str | None) -> bool:
        """Emphasise a claim, scrolling it to the middle unless it is already in view; ``None`` clears.

        Returns whether the claim is painted in this version (False: only cleared).
        """
        if claim_id is None or claim_id not in self._claims:
            self._apply_emphasis(None)
            return False
        self._apply_emphasis(claim_id)
        start, end = self._spans[claim_id]
        if not self._is_visible(self._map.to_utf16(start), self._map.to_utf16(end)):
            self._center_on(self._map.to_utf16(start))
        return True

    def _is_visible(self, start: int, end: int) -> bool:
        """Whether UTF-16 ``[start, end)`` is wholly inside the viewport already."""
        cursor = QTextCursor(self.text_edit.document())
        cursor.setPosition(start)
        top = self.text_edit.cursorRect(cursor)
        cursor.setPosition(end)
        bottom = self.text_edit.cursorRect(cursor)
        height = self.text_edit.viewport().height()
        return top.top() >= 0 and bottom.bottom() <= height

    def _apply_emphasis(self, claim_id: str | None) -> None:
        self._emphasis_id = claim_id
        if claim_id is None:
            self._emphasis_selection = []
            self.text_edit.emphasis = None
        else:
            claim = self._claims[claim_id]
            start, end = self._map.to_utf16(claim.start), self._map.to_utf16(claim.end)
            color = self._color_of(claim)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text_edit.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            background = theme.tint(color, EMPHASIS_ALPHA)
            selection.format.setBackground(background)
            self._emphasis_selection = [selection]
            # The outline stands out from the tint and from the page around it.
            outline = theme.line_color(theme.line_color(color, background).name(),
                                       QApplication.palette().color(QPalette.ColorRole.Base))
            self.text_edit.emphasis = (start, end, outline)
        self._update_extra_selections()

    def _update_extra_selections(self) -> None:
        self.text_edit.setExtraSelections(self._change_selections + self._find_selections + self._emphasis_selection)
        self.text_edit.viewport().update()

    def _center_on(self, position: int) -> None:
        """Scroll so the line holding UTF-16 ``position`` is in the middle of the viewport."""
        edit = self.text_edit
        document = edit.document()
        block = document.findBlock(position)
        if not block.isValid():
            return
        layout_of = document.documentLayout()
        layout_of.blockBoundingRect(block)
        line = block.layout().lineForTextPosition(position - block.position())
        if not line.isValid():
            return
        half = edit.viewport().height() / 2
        above = line.y() + line.height() / 2  # from the top of ``top`` to the target line
        top, below_top = block, block
        while above < half and top.previous().isValid():
            below_top = top
            top = top.previous()
            above += layout_of.blockBoundingRect(top).height()
        layout = top.layout()
        line_number = 0
        while line_number < layout.lineCount() and above - layout.lineAt(line_number).y() > half:
            line_number += 1
        if line_number >= layout.lineCount():
            top, line_number = below_top, 0
        edit.verticalScrollBar().setValue(top.firstLineNumber() + line_number)

    # --- find -------------------------------------------------------------------------------

    def show_find(self) -> None:
        """Open the find bar (the app binds Ctrl+F here), pre-filled with a short selection."""
        cursor = self.text_edit.textCursor()
        selected = cursor.selectedText()
        self._find_anchor = self._map.from_utf16(cursor.selectionStart())
        if selected and len(selected) <= 100 and "\u2029" not in selected:
            self.find_bar.query_edit.setText(selected)
        self.find_bar.show()
        self.find_bar.query_edit.setFocus()
        self.find_bar.query_edit.selectAll()
        self._search(self.find_bar.query_edit.text(), self._find_anchor)

    def _search(self, query: str, anchor: int) -> None:
        if query and self._text:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            self._matches = [m.span() for m in pattern.finditer(self._text)]
        else:
            self._matches = []
        self._match_starts = [s for s, _ in self._matches]
        if self._matches:
            self._goto_match(bisect.bisect_left(self._match_starts, anchor) % len(self._matches))
        else:
            self._match_index = None
            self.find_bar.set_count(None, 0)
            self._mark_matches()

    def _goto_match(self, index: int) -> None:
        self._match_index = index
        start, end = self._matches[index]
        cursor = QTextCursor(self.text_edit.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        visible = self.text_edit.viewport().rect().contains(self.text_edit.cursorRect(cursor))
        self.text_edit.setTextCursor(cursor)
        if not visible:
            self._center_on(self._map.to_utf16(start))
        self.find_bar.set_count(index + 1, len(self._matches))
        self._mark_matches()

    def _step_match(self, delta: int) -> None:
        if self._matches:
            index = -1 if self._match_index is None and delta > 0 else (self._match_index or 0)
            self._goto_match((index + delta) % len(self._matches))

    def _mark_matches(self) -> None:
        """Lightly mark the matches in and near the visible part of the text."""
        selections = []
        if self._matches and self.find_bar.isVisible():
            find_color = theme.tint(colours.role("find", self._dark), colours.FIND_ALPHA)
            edit = self.text_edit
            first = edit.firstVisibleBlock()
            last = edit.cursorForPosition(QPoint(edit.viewport().width(), edit.viewport().height())).block()
            lo = self._map.from_utf16(first.previous().position() if first.previous().isValid() else 0)
            hi = self._map.from_utf16(last.position() + last.length())
            i = bisect.bisect_left(self._match_starts, lo)
            document = edit.document()
            while i < len(self._matches) and self._matches[i][0] < hi and len(selections) < MAX_FIND_MARKS:
                start, end = self._matches[i]
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                cursor.setPosition(self._map.to_utf16(start))
                cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format.setBackground(find_color)
                selections.append(selection)
                i += 1
        if selections or self._find_selections:
            self._find_selections = selections
            self._update_extra_selections()

    def _on_find_query_changed(self, query: str) -> None:
        self._search(query, self._find_anchor)

    def _on_find_next_requested(self) -> None:
        self._step_match(1)

    def _on_find_previous_requested(self) -> None:
        self._step_match(-1)

    def _on_find_closed(self) -> None:
        self._matches, self._match_starts, self._match_index = [], [], None
        self._mark_matches()
        self.text_edit.setFocus()

    def _on_scroll_value_changed(self, value: int) -> None:
        if self._matches:
            self._mark_matches()
        self._scroll_header(value)

    def _scroll_header(self, value: int) -> None:
        """The header scrolls away with the text: shown at the top, gone once the reader scrolls down.

        It goes only when the article still scrolls without it (more than a header's
        height below the fold), so a text just taller than the window never bounces
        between the two and its last line stays reachable.
        """
        if self._article is None:
            return
        if value == 0:
            self._header.setVisible(True)
            return
        if not self._header.isVisible():
            return
        bar = self.text_edit.verticalScrollBar()
        line = self.text_edit.fontMetrics().lineSpacing() * LINE_HEIGHT
        if bar.maximum() * line > self._header.height() + line:
            self._header.setVisible(False)

    # --- geometry ---------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        scrollbar = self.text_edit.verticalScrollBar().sizeHint().width()
        side = max(MIN_SIDE_MARGIN, (self.width() - scrollbar - self._measure) // 2)
        self.text_edit.set_side_margins(side)
        margin = self.text_edit.document().documentMargin()
        self._header.layout().setContentsMargins(round(side + margin), 12, side + scrollbar, 2)
