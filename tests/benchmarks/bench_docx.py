"""Importing a 300-page Word document (made with python-docx: paragraphs, headings, lists and
a table every few pages), a 200-chapter EPUB, and refusing a 2 GB zip bomb."""

from __future__ import annotations

import io
import statistics
import time

import docx

from tests.importers.test_epub import epub, xhtml  # run.py puts the repository on sys.path
from tests.importers.test_zipsafe import bomb

from factcheck.importers import import_bytes

PAGES = 300
PARAGRAPH = ("El paro registrado bajó en 2024 hasta el 11,7 %, según la Encuesta de Población Activa "
             "del INE, aunque la tasa juvenil siguió por encima del 26 % en varias comunidades 😀.")


def long_word(pages: int) -> bytes:
    document = docx.Document()
    for page in range(pages):
        document.add_heading(f"Sección {page + 1}", 2)
        for _ in range(5):
            document.add_paragraph(PARAGRAPH)
        document.add_paragraph("Un punto de la lista", style="List Bullet")
        if page % 5 == 0:
            table = document.add_table(rows=6, cols=4)
            for row in table.rows:
                for cell in row.cells:
                    cell.text = "11,7 %"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def median_time(call, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        call()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run() -> list[tuple[str, str, str]]:
    word = long_word(PAGES)
    article = import_bytes(word, "informe.docx")
    word_time = median_time(lambda: import_bytes(word, "informe.docx"))
    book = epub([xhtml("".join(f"<h2>Capítulo {n}</h2>" + f"<p>{PARAGRAPH}</p>" * 30)) for n in range(200)])
    book_article = import_bytes(book, "libro.epub")
    book_time = median_time(lambda: import_bytes(book, "libro.epub"))
    data = bomb(2048 * 1024 * 1024)

    def refuse() -> None:
        try:
            import_bytes(data, "bomba.docx")
        except Exception:
            pass

    bomb_time = median_time(refuse)
    return [
        (f"Word import, {PAGES} pages ({len(word) / 1e3:.0f} kB, {len(article.text) / 1e3:.0f} k characters)",
         f"{word_time:.2f} s", ""),
        (f"EPUB import, 200 chapters ({len(book) / 1e3:.0f} kB, {len(book_article.text) / 1e3:.0f} k characters)",
         f"{book_time:.2f} s", ""),
        ("refusing a 2 GB zip bomb (.docx)", f"{bomb_time * 1000:.1f} ms", ""),
    ]


if __name__ == "__main__":
    for row in run():
        print(*row, sep="  ")
