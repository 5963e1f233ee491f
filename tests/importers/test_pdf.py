"""PDF import: reading order, paragraphs, hyphens, running headers, pages, and the files that must not get in
(encrypted, scanned, truncated, not a PDF at all, no pages), each told in one sentence."""

from __future__ import annotations

import gc
import random
import threading

import pytest

from factcheck.core.errors import ImportCancelled, ImportRefused, PasswordRequired
from factcheck.core.project import Project
from factcheck.importers import import_bytes, import_file, pdf

from . import _pdfs
from ._pdfs import Text


def expected_text(paragraphs: list[list[str]], pages: list[list[Text]]) -> str:
    """The article's paragraphs as far as ``pages`` hold them (lines in 11 pt are body text)."""
    body = [t.words for page in pages for t in page if t.size == 11.0]
    out, n = [], 0
    for lines in paragraphs:
        taken = lines[: len(body) - n]
        if not taken:
            break
        out.append(" ".join(taken))
        n += len(taken)
    return "\n\n".join(out)


@pytest.fixture(scope="module")
def article():
    """(pdf bytes, the text it must give, its pages): eight pages with a running header and page numbers."""
    rng = random.Random(42)
    paragraphs = [_pdfs.wrap(_pdfs.paragraph(rng, rng.randint(40, 90)), 80) for _ in range(40)]
    pages = _pdfs.article_pages(paragraphs, header="Informe anual · Desinformación")[:8]
    return _pdfs.write(pages), expected_text(paragraphs, pages), pages


def test_a_text_pdf_gives_its_paragraphs_without_headers_and_page_numbers(article):
    data, expected, pages = article
    got = pdf.import_pdf(data, "informe.pdf")
    assert got.text == expected
    assert "Informe anual" not in got.text and "\n8\n" not in got.text
    assert got.notices == (pdf.HEADERS_LEFT_OUT,)
    assert got.source_format == "pdf" and got.mime == "application/pdf" and got.original == data
    assert got.page_labels == ()
    # Each page starts at its first body line, also where a paragraph runs on over the break.
    assert len(got.pages) == 8 and got.pages[0] == 0
    for start, page in zip(got.pages, pages):
        first = next(t.words for t in page if t.size == 11.0)
        assert got.text[start:start + len(first)] == first
    assert any(got.text[start - 1] == " " for start in got.pages[1:])  # a paragraph over a page break


def test_a_single_page_keeps_what_only_repeats_on_other_pages():
    page = [Text(25, 15, "Informe anual"), Text(25, 40, "Un solo párrafo."), Text(100, 285, "1")]
    got = pdf.import_pdf(_pdfs.write([page]), "uno.pdf")
    assert got.text == "Informe anual\n\nUn solo párrafo.\n\n1"
    assert got.notices == ()


def test_hyphens_at_line_ends_join_words_and_keep_real_hyphens():
    page = [Text(20, 40, "La falta de infor-"), Text(20, 46, "mación sobre la frontera Colombia-"),
            Text(20, 52, "Venezuela en el periodo 2019-"), Text(20, 58, "2020 preocupa a la ONU -"),
            Text(20, 64, "según dijo.")]
    got = pdf.import_pdf(_pdfs.write([page]), "guiones.pdf")
    assert got.text == ("La falta de información sobre la frontera Colombia-Venezuela en el periodo 2019-2020 "
                        "preocupa a la ONU - según dijo.")


def two_columns():
    rng = random.Random(7)
    left = [_pdfs.paragraph(rng, 50) for _ in range(3)]
    right = [_pdfs.paragraph(rng, 50) for _ in range(3)]

    def column(paragraphs, x, y=40.0):
        out = []
        for paragraph in paragraphs:
            for line in _pdfs.wrap(paragraph, 38):
                out.append(Text(x, y, line, 10))
                y += 5
            y += 4
        return out

    title = Text(20, 25, "Un título que cruza las dos columnas de la página", 16)
    note = Text(20, 280, "Una nota al pie que también cruza el medio de la página entera", 8)
    return title, column(left, 20), column(right, 112), note, "\n\n".join([title.words, *left, *right, note.words])


@pytest.mark.parametrize("order", ["by column", "row by row", "bottom up"])
def test_columns_are_read_one_after_the_other_whatever_order_the_file_draws_them_in(order):
    title, left, right, note, expected = two_columns()
    if order == "by column":
        drawn = [title, *left, *right, note]
    elif order == "row by row":
        drawn = [title, *(t for pair in zip(left, right) for t in pair), *left[len(right):], *right[len(left):], note]
    else:
        drawn = list(reversed([title, *left, *right, note]))
    assert pdf.import_pdf(_pdfs.write([drawn]), "columnas.pdf").text == expected


def test_a_table_is_read_row_by_row_not_as_columns():
    rows = [("Año", "Producción"), ("2019", "1.000.000 barriles"), ("2020", "750.000 barriles"),
            ("2021", "600.000 barriles"), ("2022", "650.000 barriles")]
    page = [Text(x, 40 + 6 * n, cell) for n, row in enumerate(rows) for x, cell in zip((20, 100), row)]
    got = pdf.import_pdf(_pdfs.write([page]), "tabla.pdf")
    assert got.text.split("\n\n")[0].startswith("Año Producción 2019 1.000.000 barriles 2020")


def test_text_turned_in_the_margin_stands_apart_and_a_diagonal_watermark_is_left_out():
    rng = random.Random(5)
    paragraphs = [_pdfs.wrap(_pdfs.paragraph(rng, 40), 70) for _ in range(3)]
    page = _pdfs.article_pages(paragraphs, numbers=False)[0]
    stamp = Text(12, 200, "arXiv:2401.12345v1 [cs.CL] 3 Jan 2024", 10, angle=-90)
    watermark = Text(60, 200, "BORRADOR", 60, angle=-45)
    got = pdf.import_pdf(_pdfs.write([[page[0], stamp, *page[1:], watermark]]), "sello.pdf")
    assert got.text == "\n\n".join([*(" ".join(lines) for lines in paragraphs), stamp.words])
    assert got.notices == (pdf.SLANTED_LEFT_OUT,)


@pytest.mark.parametrize("angle", [90, 180, -90])
def test_a_page_drawn_turned_reads_in_its_own_direction(angle):
    """A landscape table or page drawn turned on a portrait page: its lines, read as they run."""
    rng = random.Random(6)
    paragraphs = [_pdfs.wrap(_pdfs.paragraph(rng, 40), 60) for _ in range(2)]
    lines, y = [], 0.0
    for paragraph in paragraphs:
        for line in paragraph:
            lines.append((y, line))
            y += 6
        y += 4
    origin = {90: (150, 40), 180: (180, 250), -90: (40, 250)}[angle]
    unit = {90: (-1, 0), 180: (0, -1), -90: (1, 0)}[angle]  # where the next line goes, in mm
    page = [Text(origin[0] + unit[0] * dy, origin[1] + unit[1] * dy, line, angle=angle) for dy, line in lines]
    got = pdf.import_pdf(_pdfs.write([page]), "girada.pdf")
    assert got.text == "\n\n".join(" ".join(lines) for lines in paragraphs)


def test_emoji_and_spanish_text_and_page_starts_in_code_points():
    data = _pdfs.raw_pdf(["BT /F1 12 Tf 72 700 Td (Risa A y m\xe1s.) Tj ET",
                          "BT /F1 12 Tf 72 700 Td (Segunda p\xe1gina A.) Tj ET"], to_unicode={0x41: "D83DDE00"})
    got = pdf.import_pdf(data, "risa.pdf")
    assert got.text == "Risa 😀 y más.\n\nSegunda página 😀."
    assert got.pages == (0, got.text.index("Segunda"))


def test_title_author_and_page_labels_come_from_the_pdf(article):
    data = _pdfs.with_metadata(article[0], Title="Informe anual 2024", Author="Ana Pérez",
                               labels=[(0, 1, "/r", None, 1), (2, 7, "/D", "A-", 1)])
    got = pdf.import_pdf(data, "informe.pdf")
    assert (got.title, got.author) == ("Informe anual 2024", "Ana Pérez")
    assert got.page_labels == ("i", "ii", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6")


@pytest.mark.parametrize("title", ["", "Microsoft Word - informe_final.docx", "untitled"])
def test_without_a_real_title_the_first_line_is_the_title(title):
    data = _pdfs.write([[Text(20, 40, "La producción cayó un 30 %", 16), Text(20, 60, "Texto del artículo.")]])
    if title:
        data = _pdfs.with_metadata(data, Title=title)
    assert pdf.import_pdf(data, "a.pdf").title == "La producción cayó un 30 %"


# --------------------------------------------------------------------------- what must not get in


def test_an_encrypted_pdf_asks_for_its_password(article):
    data = _pdfs.with_metadata(article[0], password="contraseña")
    with pytest.raises(PasswordRequired) as asked:
        import_bytes(data, "secreto.pdf")
    assert str(asked.value) == "This PDF is protected by a password." and not asked.value.wrong
    with pytest.raises(PasswordRequired) as wrong:
        import_bytes(data, "secreto.pdf", password="clave")
    assert str(wrong.value) == "The password does not open this PDF." and wrong.value.wrong
    assert import_bytes(data, "secreto.pdf", password="contraseña").text == article[1]


def image(width=400, height=560):
    from PySide6.QtGui import QColor, QImage, QPainter

    _pdfs._app()  # painting text needs the application's fonts
    picture = QImage(width, height, QImage.Format.Format_RGB32)
    picture.fill(QColor("white"))
    painter = QPainter(picture)
    painter.drawText(40, 40, "Texto escaneado")  # pixels, not a text layer
    painter.end()
    return picture


def test_a_scanned_pdf_without_a_text_layer_is_refused_with_what_to_do():
    data = _pdfs.write([[], []], images={0: image(), 1: image()})
    with pytest.raises(ImportRefused, match=r"^This PDF has no text layer; run OCR first \(") as refused:
        pdf.import_pdf(data, "escaneado.pdf")
    assert not isinstance(refused.value, PasswordRequired)


def test_a_scanned_page_among_text_pages_is_noticed():
    data = _pdfs.write([[Text(20, 40, "Primera página.")], [], [Text(20, 40, "Tercera página.")]], images={1: image()})
    got = pdf.import_pdf(data, "mixto.pdf")
    assert got.text == "Primera página.\n\nTercera página."
    assert got.pages == (0, len("Primera página.\n\n"), len("Primera página.\n\n"))
    assert str(got.notices[-1]).startswith("Page 2 is a scanned image without a text layer")


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9, 0.999])
def test_a_truncated_pdf_is_refused_in_one_sentence(article, cut):
    data = article[0]
    with pytest.raises(ImportRefused) as refused:
        import_bytes(data[: int(len(data) * cut)], "cortado.pdf")
    assert str(refused.value) == str(pdf.TRUNCATED)


def test_random_bytes_named_pdf_are_refused_in_one_sentence():
    noise = random.Random(3).randbytes(50_000)
    with pytest.raises(ImportRefused, match="named like a PDF but is not one"):
        import_bytes(noise, "informe.pdf")
    with pytest.raises(ImportRefused) as refused:  # a PDF's first bytes, then noise
        import_bytes(b"%PDF-1.7\n" + noise + b"\n%%EOF\n", "informe.pdf")
    assert str(refused.value) == str(pdf.DAMAGED)


def test_a_pdf_without_pages_is_refused_in_one_sentence(article):
    import io

    import pypdf

    out = io.BytesIO()
    pypdf.PdfWriter().write(out)
    # PDFium keeps its last error when it refuses a PDF without pages: an earlier file's must not show.
    with pytest.raises(PasswordRequired):
        import_bytes(_pdfs.with_metadata(article[0], password="contraseña"), "secreto.pdf")
    with pytest.raises(ImportRefused, match="^This PDF has no pages.$"):
        import_bytes(out.getvalue(), "vacio.pdf")
    with pytest.raises(PasswordRequired):
        import_bytes(_pdfs.with_metadata(article[0], password="contraseña"), "secreto.pdf")
    with pytest.raises(ImportRefused) as refused:
        import_bytes(b"%PDF-1.7\n" + b"x" * 100 + b"\n%%EOF\n", "roto.pdf")
    assert str(refused.value) == str(pdf.DAMAGED)


def test_anything_unexpected_inside_the_reader_becomes_one_sentence(article, monkeypatch):
    monkeypatch.setattr(pdf, "_lines", lambda glyphs: 1 / 0)
    with pytest.raises(ImportRefused) as refused:
        pdf.import_pdf(article[0], "informe.pdf")
    assert str(refused.value) == str(pdf.DAMAGED)


# --------------------------------------------------------------------------- long files, threads, leaks


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "largo.pdf"
    path.write_bytes(_pdfs.long_article(300))
    return path


def test_a_300_page_pdf_reports_progress_page_by_page(long_pdf):
    calls = []
    got = import_file(long_pdf, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(n, 300) for n in range(1, 301)]
    assert len(got.pages) == 300 and list(got.pages) == sorted(set(got.pages))


def test_cancelling_a_long_import_stores_nothing(long_pdf, tmp_path):
    calls = []

    def progress(done, total):
        calls.append(done)
        return done < 10

    with Project.create(tmp_path / "p.factcheck", user="ana") as project:
        with pytest.raises(ImportCancelled):
            project.import_article(import_file(long_pdf, progress=progress))
        assert calls == list(range(1, 11))
        assert project.articles() == [] and project.store.execute("SELECT count(*) FROM blobs").fetchone()[0] == 0


@pytest.fixture
def closes(monkeypatch):
    """How every PDFium object was closed: explicitly (or by its parent), or only by the garbage collector."""
    from pypdfium2.internal import bases

    seen = []
    original = bases._close_template

    def spy(info, owner):
        seen.append((owner.type.__name__, info.state.name))
        return original(info, owner)

    monkeypatch.setattr(bases, "_close_template", spy)
    return seen


@pytest.mark.parametrize("how", ["imported", "cancelled", "broken", "wrong password"])
def test_every_pdfium_object_is_closed_even_when_the_import_fails(article, closes, monkeypatch, how):
    data = article[0]
    if how == "wrong password":
        data = _pdfs.with_metadata(data, password="contraseña")
    if how == "broken":
        monkeypatch.setattr(pdf, "_lines", lambda glyphs: 1 / 0)
    try:
        pdf.import_pdf(data, "informe.pdf", password="clave" if how == "wrong password" else None,
                       progress=(lambda done, total: done < 3) if how == "cancelled" else None)
    except (ImportRefused, ImportCancelled):
        pass
    gc.collect()
    assert closes or how == "wrong password"
    assert {kind for kind, _ in closes} <= {"PdfDocument", "PdfPage", "PdfTextPage"}
    assert all(state in ("EXPLICIT", "BYPARENT") for _, state in closes), closes


def test_pdfium_is_called_only_while_holding_the_lock(article):
    """Another thread (the page view) holding the lock keeps an import waiting, and the other way round."""
    started = threading.Event()
    result = []

    def run():
        result.append(pdf.import_pdf(article[0], "informe.pdf", progress=lambda done, total: started.set()))

    with pdf.PDFIUM_LOCK:
        worker = threading.Thread(target=run)
        worker.start()
        assert not started.wait(0.3)  # no page read while the lock is held elsewhere
    assert started.wait(30)
    worker.join(30)
    assert result and result[0].text == article[1]


def test_a_claim_on_a_pdf_knows_its_page(article, tmp_path):
    data = _pdfs.with_metadata(article[0], labels=[(0, 7, "/D", None, 11)])
    got = import_bytes(data, "informe.pdf")
    with Project.create(tmp_path / "p.factcheck", user="ana") as project:
        version = project.current_version(project.import_article(got).created)
        start = got.pages[3] + 5
        claim = project.claim(project.create_claim(version.id, start, start + 20).created)
        assert project.page_of(version.id, claim.start) == "14"
        assert project.verify().ok


def test_page_starts_stay_right_when_normalizing_joins_characters_across_a_page_break():
    """A soft hyphen at a page's end, the next page starting with a combining accent: NFC makes one character."""
    def page(text):
        return pdf._Page(800, 0, [pdf._Line(50, 700, 300, 712, 12, text, 0)], False)

    got = pdf._article(b"%PDF-", "a.pdf", [page("Un cafe\xad"), page("\u0301s con leche."), page("Fin.")], {}, [])
    assert got.text == "Un cafés con leche.\n\nFin."
    assert got.pages == (0, len("Un café"), len("Un cafés con leche.\n\n"))
