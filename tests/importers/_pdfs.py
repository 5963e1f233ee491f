"""PDFs the PDF tests and benchmark build for themselves (Qt's QPdfWriter), so the repo carries none.

A page is a list of ``Text(x, y, words, size)`` in millimetres from the top left of an A4
page; ``article_pdf`` lays out wrapped paragraphs with a running header and a page number.
"""

from __future__ import annotations

import dataclasses
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclasses.dataclass(frozen=True)
class Text:
    x: float  # mm from the left edge
    y: float  # mm from the top edge (the text's baseline)
    words: str
    size: float = 11.0  # points
    angle: float = 0.0  # degrees, clockwise on the page, about (x, y)


A4 = (210.0, 297.0)


def _app():
    # A QApplication (not a QGuiApplication): pytest-qt's ``qapp`` in later tests expects one.
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def write(pages: list[list[Text]], *, title: str = "", author: str = "", images: dict[int, object] | None = None) -> bytes:
    """A PDF of ``pages`` (each a list of ``Text``); ``images`` maps a page index to a QImage drawn on it."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    _app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setResolution(300)
    if title:
        writer.setTitle(title)
    if author:
        writer.setCreator(author)  # QPdfWriter has no author field; tests that need one use pypdf
    per_mm = 300 / 25.4
    painter = QPainter(writer)
    try:
        for n, page in enumerate(pages):
            if n:
                writer.newPage()
            if images and n in images:
                painter.drawImage(QRectF(0, 0, A4[0] * per_mm, A4[1] * per_mm), images[n])
            for item in page:
                font = QFont("DejaVu Sans")
                font.setPointSizeF(item.size)
                painter.setFont(font)
                if item.angle:
                    painter.save()
                    painter.translate(item.x * per_mm, item.y * per_mm)
                    painter.rotate(item.angle)
                    painter.drawText(QPointF(0, 0), item.words)
                    painter.restore()
                else:
                    painter.drawText(QPointF(item.x * per_mm, item.y * per_mm), item.words)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def wrap(paragraph: str, width: int) -> list[str]:
    """A paragraph as lines of at most ``width`` characters (words are not split)."""
    lines: list[str] = []
    line = ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def article_pages(paragraphs: list[list[str]], *, header: str = "", numbers: bool = True,
                  first_number: int = 1, top: float = 30.0, line_height: float = 6.0,
                  paragraph_gap: float = 4.0, x: float = 25.0) -> list[list[Text]]:
    """Pages of lines already wrapped (one list of lines per paragraph), one paragraph run after another.

    Each page has ``header`` at the top and its number at the bottom (when asked); a page
    holds 38 lines, so long articles run over many pages.
    """
    pages: list[list[Text]] = []
    page: list[Text] = []
    y = top

    def furniture(n: int) -> list[Text]:
        out = []
        if header:
            out.append(Text(x, 15, header, 9))
        if numbers:
            out.append(Text(100, 285, str(first_number + n), 9))
        return out

    for lines in paragraphs:
        for line in lines:
            if y > 262:
                pages.append(page + furniture(len(pages)))
                page, y = [], top
            page.append(Text(x, y, line))
            y += line_height
        y += paragraph_gap
    if page:
        pages.append(page + furniture(len(pages)))
    return pages


WORDS = ("la producción de petróleo cayó según el informe del ministerio que atribuye caída a las sanciones "
         "y falta inversión en infraestructura gobierno anunció nuevas medidas para reducir inflación durante "
         "primer trimestre año cifras oficiales muestran aumento desempleo regiones rurales donde más afectados "
         "exportaciones crudo hacia Colombia Venezuela Ecuador Perú Bolivia mercado internacional precios "
         "dólares barriles diarios comparación periodo anterior fuentes consultadas confirmaron datos").split()


def paragraph(rng, n_words: int) -> str:
    """A paragraph of made-up Spanish news prose (deterministic with ``rng``), with figures in it."""
    words = []
    for i in range(n_words):
        if i and i % 9 == 0:
            words.append(f"{rng.randint(2, 99)},{rng.randint(0, 9)} %")
        words.append(rng.choice(WORDS))
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def long_article(n_pages: int, *, header: str = "Informe anual · Desinformación") -> bytes:
    """A text PDF of ``n_pages`` pages (about 2,900 characters each) with a running header and page numbers."""
    import random

    rng = random.Random(42)
    paragraphs = [wrap(paragraph(rng, rng.randint(40, 90)), 80) for _ in range(n_pages * 6 + 6)]
    return write(article_pages(paragraphs, header=header)[:n_pages], title="Informe anual")


def raw_pdf(streams: list[str], *, to_unicode: dict[int, str] | None = None) -> bytes:
    """A PDF written by hand: one content stream a page (Helvetica as ``/F1``, A4 in points, y up).

    ``to_unicode`` maps character codes to the UTF-16 hex the text layer gives them (a
    ToUnicode map), so a test can have PDFium read characters outside the BMP (emoji).
    """
    objects: list[str] = []

    def add(body: str) -> int:
        objects.append(body)
        return len(objects)

    extra = ""
    if to_unicode:
        cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def "
                "1 begincodespacerange <00> <FF> endcodespacerange "
                f"{len(to_unicode)} beginbfchar "
                + " ".join(f"<{code:02X}> <{hex_}>" for code, hex_ in to_unicode.items())
                + " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
        extra = f" /ToUnicode {add(f'<< /Length {len(cmap)} >>' + chr(10) + 'stream' + chr(10) + cmap + chr(10) + 'endstream')} 0 R"
    font = add(f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding{extra} >>")
    kids = []
    for stream in streams:
        length = len(stream.encode("latin-1"))
        content = add(f"<< /Length {length} >>\nstream\n{stream}\nendstream")
        kids.append(add(f"<< /Type /Page /Parent @PAGES@ /MediaBox [0 0 595 842] "
                        f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"))
    pages = add("<< /Type /Pages /Kids [" + " ".join(f"{k} 0 R" for k in kids) + f"] /Count {len(kids)} >>")
    catalog = add(f"<< /Type /Catalog /Pages {pages} 0 R >>")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body.replace('@PAGES@', f'{pages} 0 R')}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def with_metadata(data: bytes, *, password: str | None = None, labels: list[tuple] | None = None,
                  **metadata: str) -> bytes:
    """``data`` rewritten by pypdf: document information (``Title="..."``), page labels
    ``[(first, last, style, prefix, start)]`` and encryption (AES-256) with ``password``."""
    import io

    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    if metadata:
        writer.add_metadata({f"/{key}": value for key, value in metadata.items()})
    for first, last, style, prefix, start in labels or ():
        writer.set_page_label(first, last, style=style, prefix=prefix, start=start)
    if password is not None:
        writer.encrypt(password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
