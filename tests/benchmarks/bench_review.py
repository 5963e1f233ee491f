"""The review queue over 10,000 claims in 200 articles: open it, filter it, refresh it."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from _corpus import article

N_ARTICLES = 200
N_CLAIMS = 10_000
CHECKERS = [f"checker {i}" for i in range(12)]


def build(path: Path) -> None:
    """10,000 claims, most in review, written with direct SQL in one transaction (seconds, not minutes)."""
    from factcheck.core import model
    from factcheck.core.project import Project

    rng = random.Random(42)
    text = article(12_000)
    per_article = N_CLAIMS // N_ARTICLES
    with Project.create(path, user="bench") as p:
        ratings = [r.key for r in p.scale.ratings] + [None]
        conn = p.store.conn
        conn.execute("BEGIN IMMEDIATE")
        for a in range(N_ARTICLES):
            article_id, version_id = model.new_id(), model.new_id()
            now = model.now()
            conn.execute("INSERT INTO articles (id, title, outlet, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                         (article_id, f"Article {a}: {' '.join(rng.sample(text.split()[:400], 6))}", "Wire", now, "bench"))
            conn.execute("INSERT INTO versions (id, article_id, number, text, sha256, source_format, imported_at, imported_by) "
                         "VALUES (?, ?, 1, ?, '', 'text', ?, 'bench')", (version_id, article_id, text, now))
            rows = []
            for i in range(per_article):
                start = i * 200 + rng.randint(0, 50)
                end = start + rng.randint(30, 140)
                status = rng.choices(model.STATUSES, (5, 80, 5, 5, 5))[0]
                checker = rng.choice(CHECKERS)
                submitted = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00.000Z"
                rows.append((
                    model.new_id(), article_id, version_id, start, end, text[start:end], f"Claimant {rng.randint(1, 80)}",
                    rng.choice(ratings), "A one-sentence verdict summary", status, now, checker, now, checker,
                    submitted if status != model.DRAFT else None, checker if status != model.DRAFT else None, checker,
                ))
            conn.executemany(
                'INSERT INTO claims (id, article_id, version_id, start, "end", exact, claimant, rating, verdict_summary, '
                "status, created_at, created_by, updated_at, updated_by, submitted_at, submitted_by, verdict_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")


def run() -> list[tuple[str, str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtWidgets import QApplication

    from factcheck.core import model
    from factcheck.core.model import Changes
    from factcheck.core.project import Project
    from factcheck.ui import review_panel
    from factcheck.ui.session import Session

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "queue.factcheck"
        t0 = time.perf_counter()
        build(path)
        build_s = time.perf_counter() - t0
        project = Project.open(path, user="editor")
        session = Session(project)
        session.stop()
        try:
            reads, whole = [], []
            for _ in range(5):
                t0 = time.perf_counter()
                rows = review_panel.queue_rows(project)
                reads.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                project.claims()
                project.articles()
                whole.append(time.perf_counter() - t0)
            assert len(rows) == N_CLAIMS

            opens = []
            for _ in range(5):
                t0 = time.perf_counter()
                panel = review_panel.ReviewPanel(session)
                panel.resize(1400, 300)
                panel.show()
                app.processEvents()
                opens.append(time.perf_counter() - t0)
                shown = panel.model.rowCount()
                panel.close()
                panel.deleteLater()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone: no longer refreshed
            panel = review_panel.ReviewPanel(session)
            panel.resize(1400, 300)
            panel.show()
            app.processEvents()

            def timed(change) -> float:
                times = []
                for _ in range(7):
                    t0 = time.perf_counter()
                    change()
                    app.processEvents()
                    times.append(time.perf_counter() - t0)
                return statistics.median(times)

            status_ms = timed(lambda: panel.set_status_filter(
                None if panel.status_filter.currentData() is not None else frozenset({model.IN_REVIEW}))) * 1000
            checker_index = panel.checker_filter.findText(CHECKERS[3])
            checker_ms = timed(lambda: panel.checker_filter.setCurrentIndex(
                0 if panel.checker_filter.currentIndex() else checker_index)) * 1000
            panel.checker_filter.setCurrentIndex(0)
            words = iter(["vessels", "", "president minister", "", "cartel", ""] * 3)
            text_ms = timed(lambda: panel.text_filter.setText(next(words))) * 1000
            panel.text_filter.clear()
            orders = iter([Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder] * 4)
            sort_ms = timed(lambda: panel.table.sortByColumn(review_panel.ReviewQueueModel.SINCE, next(orders))) * 1000

            # One claim decided: the queue takes in that row only.
            claim_id = panel.model.rows[0].id
            one_ms = timed(lambda: session.sig_changed.emit(Changes(action="claim.approve", what=model.What.STATUS,
                                                                    claims=frozenset({claim_id}), event_seq=1))) * 1000
            # Another window committed: the whole queue is read again.
            external_ms = timed(lambda: session.sig_changed.emit(Changes(action="external", what=model.What.EVERYTHING))) * 1000
        finally:
            session.stop()
            project.close()
    return [
        ("build 10,000 claims in 200 articles (direct SQL)", f"{build_s:.1f} s", ""),
        ("queue_rows: the queue's one read", f"{statistics.median(reads) * 1000:.0f} ms", ""),
        ("  for comparison: project.claims() + articles()", f"{statistics.median(whole) * 1000:.0f} ms", ""),
        (f"open the queue (model filled, {shown:,} in review shown)", f"{statistics.median(opens):.3f} s", "<= 0.3 s"),
        ("filter: status In review <-> All", f"{status_ms:.1f} ms", "<= 50 ms"),
        ("filter: checker", f"{checker_ms:.1f} ms", "<= 50 ms"),
        ("filter: words", f"{text_ms:.1f} ms", "<= 50 ms"),
        ("sort by waiting time (reverse)", f"{sort_ms:.1f} ms", ""),
        ("refresh after one decision (one row)", f"{one_ms:.1f} ms", ""),
        ("refresh after another window's change (all rows)", f"{external_ms:.0f} ms", ""),
    ]
