"""The PDF report: the HTML report's print variant laid out by Qt (no browser, no external tool).

``QTextDocument`` reads a subset of HTML and CSS, so the PDF uses
``report_print.html.j2`` (tables and inline colours) built from the same data as the
HTML report; ``QPdfWriter`` writes it with a real text layer (searchable, copyable) and
page numbers. This is the one module outside ``ui/`` that imports Qt (``QtGui`` only),
and only when a PDF is made. A ``QGuiApplication`` is needed for fonts: one is created
when none runs (offscreen when there is no display).

The report is laid out a piece at a time (``_Pages``), so memory follows one piece, not the
report: the template marks where a piece may end (``CUT`` before each card, ``PAGE`` before a
heading that starts a page), and a piece of about ``PIECE`` characters is laid out as its own
``QTextDocument``, paginated as ``QTextDocument.print_`` paginates (the same page, margins and
page numbers), and drawn on the pages the piece before left off: a piece that goes on from
the middle of a page starts with an empty line as tall as what is above it. Claims are
counted as the template writes them, so progress and Cancel work as in the other formats.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import BinaryIO

from markupsafe import Markup
from PySide6.QtCore import QBuffer, QByteArray, QFile, QFileDevice, QIODevice, QMarginsF, QRectF, QSize, QSizeF, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QImageReader,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from factcheck import __version__
from factcheck.core.errors import BugError
from factcheck.exporters import html_report
from factcheck.exporters._data import Report

#: Page margins in millimetres: left, top, right, bottom.
MARGINS_MM = (15.0, 15.0, 15.0, 16.0)
_app: QGuiApplication | None = None  # kept alive when this module made it
#: The name the print template gives the logo; the document holds the image under it.
LOGO_RESOURCE = "factcheck-logo.png"
#: The logo's height in the document's pixels (about 1 cm on the page), and its widest width.
LOGO_HEIGHT = 40
LOGO_MAX_WIDTH = 240
#: A stream reads its claims as ``_data.ReportClaim``s: the print template uses no other field of a claim.
REPORT_CLAIMS = True


def ensure_gui_application() -> None:
    """Make sure a ``QGuiApplication`` exists (fonts and text layout need one)."""
    global _app
    app = QGuiApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise BugError("a PDF needs a QGuiApplication, but a QCoreApplication is running")
        return
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform not in ("win32", "darwin") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "factcheck"])


def logo_image(report: Report) -> QImage | None:
    """The report's logo as a picture sharp enough to print, or None (no logo, or one Qt cannot read).

    An SVG is drawn by Qt's SVG renderer, which runs no script, at several times its
    printed height.
    """
    if report.logo is None:
        return None
    data, mime = report.logo
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, b"svg" if mime == "image/svg+xml" else b"")
    size = reader.size()
    if mime == "image/svg+xml" and size.isValid() and size.height() > 0:
        height = LOGO_HEIGHT * 8
        reader.setScaledSize(QSize(max(1, round(size.width() * height / size.height())), height))
    image = reader.read()
    return None if image.isNull() else image


#: Where a piece of the report may end: before a card, and before a heading that starts a new page.
CUT = "<!--cut-->"
PAGE = "<!--page-->"
#: Characters of HTML laid out at once (about a hundred cards: memory stays flat, Qt's layout stays quick).
PIECE = 200_000
#: What QTextDocument.print_ gives a document without a page size: 2 cm margins at 96 dots an inch,
#: inside the writer's own margins, and the page number at the foot.
_SOURCE_DPI = 96
_MARGIN = int(2 / 2.54 * _SOURCE_DPI)  # whole dots, as Qt rounds them


def _writer(device: QIODevice, title: str) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setTitle(title)
    writer.setCreator(f"factcheck {__version__}")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(*MARGINS_MM), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    return writer


class _Pages:
    """Pieces of the print HTML laid out one after another on a ``QPdfWriter``'s pages, as ``print_`` would."""

    def __init__(self, writer: QPdfWriter, title: str, logo: QImage | None):
        self.writer, self.title, self.logo = writer, title, logo
        self.painter = QPainter()
        if not self.painter.begin(writer):
            raise BugError("Qt could not start a PDF")
        self.body = QSizeF(writer.width(), writer.height())
        self.scale = writer.logicalDpiY() / _SOURCE_DPI
        self.pages = 0  # pages begun
        self.used = 0.0  # how far down the current page the last piece reached (device units)

    def add(self, html: str, *, new_page: bool) -> None:
        """Lay out one piece (a whole HTML document) and draw it: on a new page, or where the last one ended."""
        going_on = bool(self.pages and not new_page and self.used)
        breaks = bool(new_page and self.pages)
        document = self._document(html, going_on=going_on, breaks=breaks)
        layout = document.documentLayout()
        height = self.body.height()
        # A piece that breaks the page leaves the page of its empty first block empty: not drawn.
        skip = 1 if breaks and layout.blockBoundingRect(document.firstBlock().next()).top() >= height else 0
        for index in range(skip, document.pageCount()):
            begun = index > skip or not going_on
            if begun and self.pages and not self.writer.newPage():
                raise BugError("Qt could not add a page to the PDF")
            self._draw(layout, index * height)
            if begun:
                self.pages += 1
                self._number(document)
        self.used = layout.blockBoundingRect(document.lastBlock()).bottom() - (document.pageCount() - 1) * height

    def _document(self, html: str, *, going_on: bool, breaks: bool) -> QTextDocument:
        """The piece as a document paginated as ``print_`` paginates, ready to draw.

        ``going_on``: it starts with a line as tall as what the last piece left above it on the page.
        ``breaks``: it starts with a heading that breaks the page; as a document's first block that
        heading would lose its top margin, so an empty block goes before it.
        """
        if going_on:
            html = html.replace("<body>", '<body><p style="margin: 0">&#160;</p>', 1)
        document = QTextDocument()
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, self.title)
        if self.logo is not None:
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_RESOURCE), self.logo)
        document.setHtml(html)
        document.documentLayout().setPaintDevice(self.writer)
        frame = document.rootFrame().frameFormat()
        for side in (frame.setLeftMargin, frame.setRightMargin, frame.setTopMargin, frame.setBottomMargin):
            side(_MARGIN)
        document.rootFrame().setFrameFormat(frame)
        if breaks:
            QTextCursor(document).insertBlock()
            QTextCursor(document.firstBlock()).setBlockFormat(QTextBlockFormat())
        if going_on:
            block = QTextBlockFormat(document.firstBlock().blockFormat())
            block.setTopMargin(0)
            block.setBottomMargin(0)
            block.setLineHeight(max(1.0, (self.used - _MARGIN * self.scale) / self.scale),
                                QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            QTextCursor(document.firstBlock()).setBlockFormat(block)
        document.setPageSize(self.body)
        return document

    def _number(self, document: QTextDocument) -> None:
        """The page's number at its foot, where ``print_`` puts it."""
        self.painter.save()
        font = QFont(document.defaultFont())
        self.painter.setFont(font)
        number = str(self.pages)
        metrics = QFontMetrics(font, self.writer)
        x = self.body.width() - _MARGIN * self.scale - self.painter.fontMetrics().horizontalAdvance(number)
        y = self.body.height() - _MARGIN * self.scale + metrics.ascent() + 5 * self.writer.logicalDpiY() / 72
        self.painter.drawText(round(x), round(y), number)
        self.painter.restore()

    def _draw(self, layout, top: float) -> None:
        view = QRectF(0, top, self.body.width(), self.body.height())
        self.painter.save()
        self.painter.translate(0, -top)
        self.painter.setClipRect(view)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = view
        context.palette.setColor(QPalette.ColorRole.Text, QColor("black"))
        layout.draw(self.painter, context)
        self.painter.restore()

    def close(self) -> None:
        self.painter.end()


def _pieces(report: Report, context: dict) -> Iterator[tuple[str, bool]]:
    """The print HTML in pieces, each a whole document, with whether it starts a new page."""
    head = None
    pending: list[str] = []
    size = 0
    new_page = True
    for part in html_report.environment().get_template(html_report.PRINT_TEMPLATE).generate(context):
        if part in (CUT, PAGE) and (part == PAGE or size >= PIECE):
            text = "".join(pending)
            if head is None:
                head = text[: text.index("<body>") + len("<body>")] + "\n"
                text = text[len(head):]
            yield head + text + "</body></html>", new_page
            pending.clear()
            size, new_page = 0, part == PAGE
            continue
        pending.append(part)
        size += len(part)
    text = "".join(pending)
    yield (text if head is None else head + text), new_page


def write(report: Report, out: BinaryIO) -> None:
    """The PDF into ``out`` (a binary file, written by Qt through its descriptor), laid out a piece at a time."""
    out.flush()
    file = QFile()
    if not file.open(out.fileno(), QIODevice.OpenModeFlag.WriteOnly, QFileDevice.FileHandleFlag.DontCloseHandle):
        raise BugError(f"Qt could not write the PDF: {file.errorString()}")
    try:
        _write(report, file)
    finally:
        file.close()


def render(report: Report) -> bytes:
    """The PDF in memory (a small report: ``write`` puts a big one straight into its file)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    _write(report, buffer)
    buffer.close()
    data = bytes(buffer.data())
    if not data.startswith(b"%PDF"):
        raise BugError("Qt did not produce a PDF")
    return data


def _write(report: Report, device: QIODevice) -> None:
    ensure_gui_application()
    context = html_report.context(report)
    context["cut"], context["page"] = Markup(CUT), Markup(PAGE)
    logo = logo_image(report)
    if logo is not None:
        # QTextDocument reads no data: URIs; the image is a resource of the document instead.
        # LOGO_HEIGHT high in its own shape, narrower than LOGO_MAX_WIDTH (a wide logo gets lower).
        scale = min(LOGO_HEIGHT / max(1, logo.height()), LOGO_MAX_WIDTH / max(1, logo.width()))
        width, height = (max(1, round(side * scale)) for side in (logo.width(), logo.height()))
        context["print_logo"] = {"src": LOGO_RESOURCE, "width": width, "height": height}
    writer = _writer(device, context["title"])
    pages = _Pages(writer, context["title"], logo)
    try:
        for html, new_page in _pieces(report, context):
            pages.add(html, new_page=new_page)
    finally:
        pages.close()
        del pages, writer  # the file is complete once the writer is gone
