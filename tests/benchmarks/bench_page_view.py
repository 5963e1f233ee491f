"""Open the page view of a 20-page PDF article on a claim near its end; turn a page."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtWidgets import QApplication  # noqa: E402

from factcheck.core.project import Project  # noqa: E402
from factcheck.importers.pdf import import_pdf  # noqa: E402
from factcheck.ui.page_view import PageView  # noqa: E402
from factcheck.ui.session import Session  # noqa: E402
from tests.importers._pdfs import long_article  # noqa: E402


def _open(app, session, version_id: str, claim_id: str) -> tuple[float, PageView]:
    """Seconds from asking for the view to the claim's page painted, boxes found."""
    t0 = time.perf_counter()
    view = PageView(session, lambda: (version_id, claim_id))
    view.resize(480, 800)
    view.show()
    view.sync(jump=True)
    view._draw()  # what the view's zero timer runs
    view.canvas.repaint()
    app.processEvents()
    return time.perf_counter() - t0, view


def run() -> list[tuple[str, str, str]]:
    app = QApplication.instance() or QApplication([])
    imported = import_pdf(long_article(20), "report.pdf")
    with tempfile.TemporaryDirectory() as tmp, Project.create(Path(tmp) / "bench.factcheck", user="bench") as p:
        article_id = p.import_article(imported).created
        version = p.current_version(article_id)
        start = imported.pages[17] + 400 if len(imported.pages) > 17 else len(version.text) // 2
        start = version.text.index(" ", start) + 1
        claim_id = p.create_claim(version.id, start, start + 80).created
        session = Session(p)
        opens, pages, found = [], [], set()
        for _ in range(5):
            seconds, view = _open(app, session, version.id, claim_id)
            opens.append(seconds)
            found.add((view.page, len(view.canvas.boxes)))
            t0 = time.perf_counter()
            view.go_to_page(view.page - 1)
            view.canvas.repaint()
            pages.append(time.perf_counter() - t0)
            view.stop()
            view.deleteLater()
            app.processEvents()
        p.page_map = lambda version_id: None  # as for a PDF imported without one: every page searched
        unmapped = []
        for _ in range(5):
            seconds, view = _open(app, session, version.id, claim_id)
            unmapped.append(seconds)
            found.add((view.page, len(view.canvas.boxes)))
            view.stop()
            view.deleteLater()
            app.processEvents()
        ((page, boxes),) = found
        return [
            (f"open on a claim, page {page + 1} of 20 (page map), median of 5", f"{statistics.median(opens) * 1000:.0f} ms",
             "<= 300 ms"),
            ("  the same, no page map (pages searched from the first)", f"{statistics.median(unmapped) * 1000:.0f} ms",
             "<= 300 ms"),
            ("  boxes drawn around the claim's words", str(boxes), ">= 1"),
            ("turn to the previous page, median of 5", f"{statistics.median(pages) * 1000:.0f} ms", ""),
        ]


if __name__ == "__main__":
    for row in run():
        print(*row, sep="  ")
