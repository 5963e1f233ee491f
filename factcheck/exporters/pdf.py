"""The PDF report: the HTML report's print variant laid out by Qt (no browser, no external tool).

``QTextDocument`` reads a subset of HTML and CSS, so the PDF uses
``report_print.html.j2`` (tables and inline colours) built from the same data as the
HTML report; ``QPdfWriter`` writes it with a real text layer (searchable, copyable) and
page numbers. This is the one module outside ``ui/`` that imports Qt (``QtGui`` only),
and only when a PDF is made. A ``QGuiApplication`` is needed for fonts: one is created
when none runs (offscreen when there is no display).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSize, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QPageLayout, QPageSize, QPdfWriter, QTextDocument

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


def render(report: Report) -> bytes:
    ensure_gui_application()
    context = html_report.context(report)
    document = QTextDocument()
    logo = logo_image(report)
    if logo is not None:
        # QTextDocument reads no data: URIs; the image is a resource of the document instead.
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_RESOURCE), logo)
        # LOGO_HEIGHT high in its own shape, narrower than LOGO_MAX_WIDTH (a wide logo gets lower).
        scale = min(LOGO_HEIGHT / max(1, logo.height()), LOGO_MAX_WIDTH / max(1, logo.width()))
        width, height = (max(1, round(side * scale)) for side in (logo.width(), logo.height()))
        context["print_logo"] = {"src": LOGO_RESOURCE, "width": width, "height": height}
    html = html_report.environment().get_template(html_report.PRINT_TEMPLATE).render(context)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, context["title"])
    document.setHtml(html)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(context["title"])
    writer.setCreator(f"factcheck {__version__}")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(*MARGINS_MM), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    document.print_(writer)
    del writer  # the file is complete once the writer is gone
    buffer.close()
    data = bytes(buffer.data())
    if not data.startswith(b"%PDF"):
        raise BugError("Qt did not produce a PDF")
    return data
