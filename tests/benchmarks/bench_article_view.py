"""Open a 1 MB article with 5,000 claims in the article view; repaint after a rating change."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import resource  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from _corpus import article, claim_spans  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from factcheck.core import history, segments  # noqa: E402
from factcheck.core.project import Project  # noqa: E402
from factcheck.importers import ImportedArticle  # noqa: E402
from factcheck.ui import offsets  # noqa: E402
from factcheck.ui.article_view import ArticleView  # noqa: E402
from factcheck.ui.session import Session  # noqa: E402

RATINGS = (None, "true", "mostly-true", "mixed", "mostly-false", "false", "misleading")


def _blocks_with_formats(view: ArticleView) -> int:
    count, block = 0, view.text_edit.document().firstBlock()
    while block.isValid():
        count += bool(block.layout().formats())
        block = block.next()
    return count


def _blocks_with_claims(view: ArticleView, spans: list[tuple[int, int]]) -> int:
    document = view.text_edit.document()
    numbers = set()
    for start, end in spans:
        first = document.findBlock(start).blockNumber()  # the corpus is BMP-only: code points = UTF-16
        last = document.findBlock(end - 1).blockNumber()
        numbers.update(range(first, last + 1))
    return len(numbers)


def run() -> list[tuple[str, str, str]]:
    app = QApplication.instance() or QApplication([])
    text = article()
    spans = claim_spans(text, 5000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.factcheck"
        with Project.create(path, user="bench") as p:
            article_id = p.import_article(ImportedArticle(
                text=text, title="Benchmark", source_format="text", source_name="bench.txt",
                original=text.encode(), mime="text/plain")).created
            version_id = p.current_version(article_id).id
            for i, (s, e) in enumerate(spans):
                p.create_claim(version_id, s, e, rating=RATINGS[i % len(RATINGS)])
        with Project.open(path, user="bench") as p:
            session = Session(p)
            view = ArticleView(session)
            view.resize(1100, 850)
            view.show()
            app.processEvents()

            opens = []
            for _ in range(5):
                view.show_version(None)
                app.processEvents()
                t0 = time.perf_counter()
                view.show_version(version_id)
                app.processEvents()
                opens.append(time.perf_counter() - t0)
            fully = _blocks_with_formats(view) == _blocks_with_claims(view, spans)
            # The parts of opening that live outside the view, timed alone.
            parts = {}
            claims = p.claims(article_id)
            for label, step in (
                ("project.claims() (core/project.py)", lambda: p.claims(article_id)),
                ("OffsetMap(text) (ui/offsets.py)", lambda: offsets.OffsetMap(p.text(version_id))),
                ("segments() (core/segments.py)", lambda: segments.segments((c.id, c.start, c.end) for c in claims)),
            ):
                times = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    step()
                    times.append(time.perf_counter() - t0)
                parts[label] = statistics.median(times)

            repaints, reformatted = [], 0
            for i in range(20):
                claim = claims[(i * 997) % len(claims)]
                view.show_claim(claim.id)  # on screen, so the repaint really draws it
                app.processEvents()
                new_rating = "false" if claim.rating != "false" else "true"
                block = view.text_edit.document().findBlock(claim.start)
                before = [(r.start, r.length, r.format.background().color().rgba()) for r in block.layout().formats()]
                t0 = time.perf_counter()
                session.do(history.UpdateClaim(claim.id, rating=new_rating))
                view.text_edit.viewport().repaint()
                repaints.append(time.perf_counter() - t0)
                after = [(r.start, r.length, r.format.background().color().rgba()) for r in block.layout().formats()]
                reformatted += before != after
                claims[(i * 997) % len(claims)] = p.claim(claim.id)

            t0 = time.perf_counter()
            view.show_claim(claims[-1].id)
            view.text_edit.viewport().repaint()
            jump_s = time.perf_counter() - t0

            t0 = time.perf_counter()
            view.highlighter.rehighlight()
            app.processEvents()
            rehighlight_s = time.perf_counter() - t0

            t0 = time.perf_counter()
            view.show_find()
            view.find_bar.query_edit.setText("the")
            view.find_bar.sig_query_changed.emit("the")
            app.processEvents()
            find_s = time.perf_counter() - t0
            matches = view.find_bar.count_label.text()

            view.close()
            view.deleteLater()
            app.processEvents()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return [
        ("open 1 MB article, 5,000 claims, fully highlighted, median of 5", f"{statistics.median(opens):.3f} s", "<= 0.5 s"),
        ("  slowest of 5", f"{max(opens):.3f} s", ""),
        ("  every block with claims formatted", "yes" if fully else "NO", ""),
        *((f"  of which {label}", f"{t:.3f} s", "") for label, t in parts.items()),
        ("change a rating -> block re-formatted + repaint, median of 20", f"{statistics.median(repaints) * 1000:.1f} ms", "<= 16 ms"),
        ("  slowest of 20", f"{max(repaints) * 1000:.1f} ms", ""),
        ("  rating changes seen in the block's formats", f"{reformatted} of 20", ""),
        ("show_claim at the end of the article + repaint", f"{jump_s * 1000:.1f} ms", ""),
        ("full rehighlight (rating scale changed)", f"{rehighlight_s * 1000:.0f} ms", ""),
        (f"find 'the' ({matches.split(' of ')[-1]} matches) + first shown", f"{find_s * 1000:.0f} ms", ""),
        ("peak RSS of the benchmark process", f"{peak_mb:.0f} MB", "<= 300 MB"),
    ]
