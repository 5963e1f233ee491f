"""The original page of a PDF article beside its text, the selected claim's words boxed on it.

The boxes come from searching the claim's words in the page's own text layer, letters and
digits only (so line breaks, hyphens, spacing and ligatures do not matter); the importer's
page map (``project.page_map``) only says which page to look on first. PDFium is called with
``import_worker.PDFIUM_LOCK`` held, and never while an import reads a file: the view draws
when the lock is free.
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence, QPainter, QPalette, QPen, QTransform
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import anchoring, later, model
from factcheck.core.errors import KnownError
from factcheck.ui import import_worker, language


#: PDFium, loaded once a PDF's page is shown (not at the app's start).
pdfium = later.Module("pypdfium2")
pdfium_c = later.Module("pypdfium2.raw")

#: QSettings key of View > Show original page.
SETTINGS_KEY = "view/original_page"
SHORTCUT = "Ctrl+Shift+O"
#: Rendered pages kept (per document), for paging back and forth.
KEEP_PAGES = 6
#: How soon to try again while an import holds PDFium (ms).
RETRY_MS = 150
#: The dock's share of the window's width when it first appears, and the claims dock's at most then.
DOCK_SHARE, CLAIMS_SHARE = 0.25, 0.28
#: Narrower than this, a page cannot be read at all.
MIN_WIDTH = 220


def key(text: str) -> str:
    """Text as compared: compatibility forms (ligatures), case folded, letters and digits only."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def occurrences(haystack: str, needle: str) -> int:
    """How many times ``needle`` starts in ``haystack`` (overlaps counted, as ``PdfPages.find`` counts)."""
    count, pos = 0, haystack.find(needle)
    while pos != -1:
        count, pos = count + 1, haystack.find(needle, pos + 1)
    return count


def _merge_lines(rects: list[tuple[float, float, float, float]]) -> list[QRectF]:
    """Character boxes (left, bottom, right, top in PDF units) joined into one box per line."""
    lines: list[list[float]] = []
    for left, bottom, right, top in rects:
        last = lines[-1] if lines else None
        if last and min(top, last[3]) - max(bottom, last[1]) > 0.3 * min(top - bottom, last[3] - last[1]):
            last[:] = [min(last[0], left), min(last[1], bottom), max(last[2], right), max(last[3], top)]
        else:
            lines.append([left, bottom, right, top])
    return [QRectF(QPointF(left, top), QPointF(right, bottom)).normalized() for left, bottom, right, top in lines]


class PdfPages:
    """An opened PDF: its pages' text, where words sit on them, pages rendered. Call it holding ``PDFIUM_LOCK``."""

    def __init__(self, data: bytes, password: str | None = None):
        self._doc = pdfium.PdfDocument(data, password=password)
        self.count = len(self._doc)
        self._keys: dict[int, tuple[str, list[int]]] = {}
        self._rendered: OrderedDict[tuple[int, int], tuple[QImage, QTransform]] = OrderedDict()

    def close(self) -> None:
        self._doc.close()

    def page_key(self, index: int) -> tuple[str, list[int]]:
        """A page's text as ``key`` makes it, with the character index of each of its characters."""
        if index not in self._keys:
            textpage = self._doc[index].get_textpage()
            count = textpage.count_chars()
            text = textpage.get_text_range()
            if len(text) != count:  # a character outside the BMP, or one PDFium leaves out: one at a time
                text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
            textpage.close()
            chars: list[int] = []
            parts: list[str] = []
            for i, ch in enumerate(text):
                for folded in (ch.lower() if ch.isalnum() else "") if ch.isascii() else key(ch):
                    parts.append(folded)
                    chars.append(i)
            self._keys[index] = ("".join(parts), chars)
        return self._keys[index]

    def find(self, needle: str, first: int = 0, nth: int = 0, last: int | None = None) -> dict[int, list[QRectF]]:
        """The boxes (PDF units, by page) of the ``nth`` match of ``needle`` (a ``key``) from page ``first`` on.

        A match may run on to the next page; {} when there is none up to page ``last``.
        """
        if not needle or first >= self.count:
            return {}
        last = self.count - 1 if last is None else min(last, self.count - 1)
        seen = 0
        for page in range(max(first, 0), last + 1):
            text, _chars = self.page_key(page)
            following = self.page_key(page + 1)[0] if page + 1 < self.count else ""
            haystack = text + following[: len(needle) - 1]
            pos = haystack.find(needle)
            while pos != -1 and pos < len(text):
                if seen == nth:
                    return self._boxes(page, pos, len(needle))
                seen += 1
                pos = haystack.find(needle, pos + 1)
        for page in range(max(first, 0), min(last + 1, self.count - 1)):  # split by the next page's header
            text, following = self.page_key(page)[0], self.page_key(page + 1)[0]
            for cut in range(len(needle) - 1, len(needle) // 4, -1):
                if text.endswith(needle[:cut]) and needle[cut:] in following:
                    boxes = self._boxes(page, len(text) - cut, cut)
                    boxes.update(self._boxes(page + 1, following.index(needle[cut:]), len(needle) - cut))
                    return boxes
        return {}

    def _boxes(self, page: int, start: int, length: int) -> dict[int, list[QRectF]]:
        """The line boxes of key characters ``start`` to ``start + length`` from ``page`` on."""
        boxes: dict[int, list[QRectF]] = {}
        while length > 0 and page < self.count:
            _text, chars = self.page_key(page)
            taken = chars[start:start + length]
            if taken:
                textpage = self._doc[page].get_textpage()
                first, count = taken[0], taken[-1] - taken[0] + 1
                boxes[page] = _merge_lines([textpage.get_charbox(i) for i in range(first, first + count)
                                            if not chr(pdfium_c.FPDFText_GetUnicode(textpage, i)).isspace()])
                textpage.close()
            length -= len(taken)
            page, start = page + 1, 0
        return boxes

    def render(self, index: int, width: int) -> tuple[QImage, QTransform]:
        """Page ``index`` rendered ``width`` pixels wide, and the map from PDF units to its pixels."""
        cached = self._rendered.get((index, width))
        if cached is not None:
            self._rendered.move_to_end((index, width))
            return cached
        page = self._doc[index]
        page_width = page.get_width() or 1
        bitmap = page.render(scale=width / page_width, rev_byteorder=True, prefer_bgrx=True, may_draw_forms=False)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888).copy()
        conv = bitmap.get_posconv(page)
        (x0, y0), (x1, y1), (x2, y2) = (conv.to_bitmap(0, 0), conv.to_bitmap(1000, 0), conv.to_bitmap(0, 1000))
        transform = QTransform((x1 - x0) / 1000, (y1 - y0) / 1000, (x2 - x0) / 1000, (y2 - y0) / 1000, x0, y0)
        bitmap.close()
        page.close()
        self._rendered[(index, width)] = image, transform
        while len(self._rendered) > KEEP_PAGES:
            self._rendered.popitem(last=False)
        return image, transform


class PageCanvas(QWidget):
    """One rendered page and the claim's boxes on it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.image: QImage | None = None
        self.boxes: list[QRectF] = []  # in this widget's coordinates

    def set_page(self, image: QImage | None, boxes: list[QRectF]) -> None:
        self.image, self.boxes = image, boxes
        if image is not None:
            self.setFixedSize(image.deviceIndependentSize().toSize())
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.image is None:
            return
        painter = QPainter(self)
        painter.drawImage(0, 0, self.image)
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        fill = QColor(accent)
        fill.setAlpha(60)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(accent, 2))
        painter.setBrush(fill)
        for box in self.boxes:
            painter.drawRoundedRect(box, 2, 2)
        painter.end()


class PageView(QWidget):
    """The shown version's original PDF, one page at a time, fitted to the width, the claim's words boxed."""

    sig_available_changed = Signal(bool)
    """Whether the shown version's original is a PDF (the dock is shown only then)."""

    def __init__(self, session, source: Callable[[], tuple[str | None, str | None]], parent: QWidget | None = None):
        """``source()`` gives the version shown beside and the selected claim's id."""
        super().__init__(parent)
        self.session = session
        self._source = source
        self.available = False
        self._version: model.Version | None = None
        self._pages: PdfPages | None = None
        self._closing: list[PdfPages] = []  # documents to close once PDFium is free
        self._opened = False  # an attempt to open the shown version's original was made
        self._tried_password = False
        self._problem = ""  # why the original cannot be shown, one sentence
        self._locked = False  # the original is encrypted and no password known opens it
        self._claim_id: str | None = None
        self._claim_state: tuple | None = None  # what the boxes were found for
        self._located: tuple | None = None
        self._boxes: dict[int, list[QRectF]] = {}
        self._jump = False
        self.page = 0

        self.previous_button = self._button("◀", self.tr("Previous page"), lambda: self.go_to_page(self.page - 1))
        self.next_button = self._button("▶", self.tr("Next page"), lambda: self.go_to_page(self.page + 1))
        self.page_label = QLabel()
        self.note_label = QLabel()  # the claim's words were not found
        self.note_label.setWordWrap(True)
        self.note_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        self.canvas = PageCanvas()
        self.scroll = QScrollArea()
        self.scroll.setAccessibleName(self.tr("Original page"))
        self.scroll.setAccessibleDescription(self.tr("The article's page as printed, the claim's words boxed"))
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no refit loop
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password_button = QPushButton(self.tr("Enter password…"))
        self.password_button.clicked.connect(self._on_password_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.note_label)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.problem_label, 1)
        layout.addWidget(self.password_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(0)

        self.setMinimumWidth(MIN_WIDTH)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._draw)
        session.sig_changed.connect(self._on_session_changed)
        self._update_widgets()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # --- what is shown ------------------------------------------------------------------

    def sync(self, *, jump: bool = False) -> None:
        """Take the version and claim from the source; ``jump``: go to the claim's page (it was just chosen)."""
        version_id, claim_id = self._source()
        if version_id != (self._version.id if self._version else None):
            self._set_version(version_id)
            jump = True
        self._claim_id = claim_id
        self._claim_state = self._read_claim() if self.available else None
        self._jump = self._jump or jump
        if self.available:
            self._timer.start()

    def _set_version(self, version_id: str | None) -> None:
        try:
            version = self.session.project.version(version_id) if version_id else None
        except KnownError:
            version = None
        if self._pages is not None:
            self._closing.append(self._pages)
        self._version, self._pages, self._opened, self._tried_password = version, None, False, False
        self._problem, self._locked, self._located, self._boxes, self.page = "", False, None, {}, 0
        available = bool(version and version.source_format == "pdf")
        if available != self.available:
            self.available = available
            self.sig_available_changed.emit(available)
        self._update_widgets()

    def _read_claim(self) -> tuple | None:
        """The claim's words and place on the shown version, or None (no claim, or not on it)."""
        if not self._claim_id or self._version is None:
            return None
        try:
            claim = self.session.project.claim(self._claim_id)
        except KnownError:
            return None
        if claim.version_id != self._version.id or claim.deleted_at or claim.anchor_state == anchoring.ORPHANED:
            return None
        return claim.exact, claim.start, claim.end

    def go_to_page(self, index: int) -> None:
        if self._pages is not None and 0 <= index < self._pages.count and index != self.page:
            self.page = index
            self._draw()

    def stop(self) -> None:
        """Close the documents (the project is closing; no import runs then)."""
        self._timer.stop()
        opened = [*self._closing, *([self._pages] if self._pages else [])]
        if opened:  # else PDFium was never loaded: nothing to close, no lock to take
            with import_worker.PDFIUM_LOCK:
                for pages in opened:
                    pages.close()
        self._closing, self._pages = [], None

    # --- drawing, when PDFium is free -------------------------------------------------------

    def _draw(self) -> None:
        if not self.available or not self.isVisible():
            return
        if not import_worker.PDFIUM_LOCK.acquire(blocking=False):
            self._timer.start(RETRY_MS)  # an import is reading a file: draw when it is done
            return
        try:
            while self._closing:
                self._closing.pop().close()
            if not self._opened:
                self._open()
            image, boxes = None, []
            if self._pages is not None:
                if self._located != self._claim_state:
                    self._locate()
                if self._jump and self._boxes:
                    self.page = min(self._boxes)
                width = max(100, self.scroll.viewport().width())
                ratio = self.devicePixelRatioF()
                image, transform = self._pages.render(self.page, round(width * ratio))
                image.setDevicePixelRatio(ratio)
                scale = QTransform.fromScale(1 / ratio, 1 / ratio)
                boxes = [(transform * scale).mapRect(box).adjusted(-2, -2, 2, 2) for box in self._boxes.get(self.page, [])]
        except pdfium.PdfiumError:
            self._fail(self.tr("The original PDF cannot be shown: it is damaged or is not a PDF."))
            image, boxes = None, []
        finally:
            import_worker.PDFIUM_LOCK.release()
        self.canvas.set_page(image, boxes)
        if self._jump and boxes:
            top = min(box.top() for box in boxes)
            QTimer.singleShot(0, self.scroll, lambda: self.scroll.ensureVisible(
                0, round(top), 0, self.scroll.viewport().height() // 3))
        self._jump = False
        self._update_widgets()

    def _open(self) -> None:
        self._opened = True
        version = self._version
        try:
            data = self.session.project.blob(version.original_blob) if version.original_blob else b""
        except KnownError as exc:
            self._fail(language.ui(exc))
            return
        if not data:
            self._fail(self.tr("The original PDF is not stored in this project."))
            return
        try:
            self._pages = PdfPages(data, import_worker.known_password(data))
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
                self._fail(self.tr("The original PDF is protected by a password."))
                self._locked = True
            else:
                self._fail(self.tr("The original PDF cannot be shown: it is damaged or is not a PDF."))
            return
        if self._pages.count == 0:
            self._fail(self.tr("The original PDF has no pages."))

    def _fail(self, sentence: str) -> None:
        if self._pages is not None:
            self._pages.close()
        self._pages, self._problem = None, sentence

    def _locate(self) -> None:
        """Find the claim's words on the pages: first where the page map puts them, else anywhere."""
        self._located, self._boxes = self._claim_state, {}
        if self._claim_state is None:
            return
        exact, start, _end = self._claim_state
        needle, text = key(exact), self._version.text
        hint = self._page_hint(start)
        attempts = [(0, occurrences(key(text[:start]), needle), None), (0, 0, None)]
        if hint is not None:
            page, page_start = hint
            attempts.insert(0, (page, occurrences(key(text[page_start:start]), needle), page + 1))
        for first, nth, last in attempts:
            self._boxes = self._pages.find(needle, first, nth, last)
            if self._boxes:
                return

    def _page_hint(self, offset: int) -> tuple[int, int] | None:
        """(page index, the page's start offset) where the importer's page map puts ``offset``, if it made one."""
        try:
            page_map = self.session.project.page_map(self._version.id)
        except KnownError:
            return None
        if page_map is None:
            return None
        index = page_map.index(offset)
        return index, page_map.starts[index]

    def _on_password_clicked(self) -> None:
        version = self._version
        if version is None or not version.original_blob:
            return
        password = import_worker.ask_password(self, version.source_name, wrong=self._tried_password)
        if password is None:
            return
        self._tried_password = True
        try:
            data = self.session.project.blob(version.original_blob)
        except KnownError:
            return
        with import_worker.PDFIUM_LOCK:
            try:
                PdfPages(data, password).close()
            except pdfium.PdfiumError:
                return
        import_worker.remember_password(data, password)
        self._opened, self._problem, self._locked, self._jump = False, "", False, True
        self._timer.start()

    def _on_session_changed(self, changes: model.Changes) -> None:
        if changes.what & (model.What.ANCHORS | model.What.VERSIONS | model.What.ARTICLES):
            QTimer.singleShot(0, self, self.sync)  # after the article view has taken the change in

    def _update_widgets(self) -> None:
        count = self._pages.count if self._pages is not None else 0
        self.page_label.setText(self.tr("Page {page} of {total}").format(page=self.page + 1, total=count) if count else "")
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page + 1 < count)
        for widget in (self.previous_button, self.next_button, self.page_label, self.scroll):
            widget.setVisible(not self._problem)
        self.problem_label.setText(self._problem)
        self.problem_label.setVisible(bool(self._problem))
        self.password_button.setVisible(self._locked)
        missing = self._claim_state is not None and self._located == self._claim_state and not self._boxes
        self.note_label.setText(self.tr("The claim's words were not found in the PDF's text.") if missing else "")
        self.note_label.setVisible(missing and not self._problem)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.available:
            self._timer.start(60)  # fitted to the new width once the resizing pauses


class PageDock(QDockWidget):
    """The page view's dock and View > Show original page (remembered): shown for PDF originals only."""

    def __init__(self, window: QMainWindow, settings: QSettings, beside: QDockWidget):
        super().__init__(self.tr("Original page"), window)
        self.setObjectName("page")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.settings = settings
        self.view: PageView | None = None
        self._beside = beside
        self._width = 0  # as wide as it was when last hidden (0: not shown yet)
        self.toggle_action = QAction(self.tr("Show &original page"), self)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setChecked(str(settings.value(SETTINGS_KEY, "true")).lower() == "true")
        self.toggle_action.setShortcut(QKeySequence(SHORTCUT))
        tip = self.tr("Beside a PDF article's text, its page as printed, the selected claim's words boxed")
        self.toggle_action.setStatusTip(tip)
        self.toggle_action.setToolTip(tip)
        self.toggle_action.toggled.connect(self._on_toggled)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        window.splitDockWidget(self, beside, Qt.Orientation.Horizontal)  # the page, then the claims
        self.hide()

    def set_session(self, session, source) -> None:
        """Show pages of ``session``'s versions (``source`` as ``PageView`` takes it); None: no project."""
        if self.view is not None:
            self.view.stop()
            self.view.deleteLater()
            self.view = None
        if session is not None:
            self.view = PageView(session, source)
            self.view.sig_available_changed.connect(lambda _available: self.update_visibility())
            self.setWidget(self.view)
        self.update_visibility()

    def sync(self, *, jump: bool = False) -> None:
        if self.view is not None:
            self.view.sync(jump=jump)

    def update_visibility(self) -> None:
        wanted = bool(self.toggle_action.isChecked() and self.view and self.view.available)
        if wanted == self.isVisible() and wanted == (not self.isHidden()):
            return
        window = self.parentWidget()
        placed = not self.isFloating() and isinstance(window, QMainWindow)
        if not wanted and self.isVisible():
            self._width = self.width()  # shown again as wide as the person left it
        self.setVisible(wanted)
        if wanted and placed and self._width:
            window.resizeDocks([self], [self._width], Qt.Orientation.Horizontal)
        elif wanted and placed:  # the first time: a share of the width, some of it the claims'
            beside = self._beside
            window.resizeDocks([self, beside], [round(window.width() * DOCK_SHARE),
                                                min(beside.width(), round(window.width() * CLAIMS_SHARE))],
                               Qt.Orientation.Horizontal)

    def _on_toggled(self, checked: bool) -> None:
        self.settings.setValue(SETTINGS_KEY, "true" if checked else "false")
        self.update_visibility()
