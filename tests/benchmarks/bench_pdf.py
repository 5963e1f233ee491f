"""Importing a 300-page text PDF (made with Qt's QPdfWriter): the whole read, PDFium's part of it, and
storing the result with its page map; then page_of over every claim-sized span."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.importers import _pdfs  # noqa: E402  (run.py puts the repository on sys.path)

from factcheck.core.project import Project  # noqa: E402
from factcheck.importers import pdf  # noqa: E402

PAGES = 300


def run() -> list[tuple[str, str, str]]:
    data = _pdfs.long_article(PAGES)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        got = pdf.import_pdf(data, "informe.pdf")
        times.append(time.perf_counter() - t0)
    assert len(got.pages) == PAGES
    # PDFium alone: open each page and its text page, nothing else.
    import pypdfium2 as pdfium

    t0 = time.perf_counter()
    document = pdfium.PdfDocument(data)
    for index in range(len(document)):
        page = document[index]
        page.get_textpage().close()
        page.close()
    document.close()
    pdfium_only = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("FACTCHECK_HOME", str(Path(tmp) / "home"))
        with Project.create(Path(tmp) / "p.factcheck", user="bench") as project:
            t0 = time.perf_counter()
            version = project.current_version(project.import_article(got).created)
            stored = time.perf_counter() - t0
            t0 = time.perf_counter()
            step = max(1, len(got.text) // 5000)
            for offset in range(0, len(got.text), step):
                project.page_of(version.id, offset)
            lookups = (time.perf_counter() - t0) / len(range(0, len(got.text), step))
    return [
        (f"PDF import, {PAGES} pages ({len(data) / 1e6:.1f} MB, {len(got.text) / 1e3:.0f} k characters)",
         f"{statistics.median(times):.2f} s", "<= 5 s"),
        ("  of which PDFium opening pages and text pages", f"{pdfium_only:.2f} s", ""),
        ("storing it as an article (text, original, page map)", f"{stored * 1000:.0f} ms", ""),
        ("page_of, one offset", f"{lookups * 1e6:.1f} µs", ""),
    ]


if __name__ == "__main__":
    for row in run():
        print(*row, sep="  ")
