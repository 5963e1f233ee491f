"""The statistics view over 10,000 claims in 100 articles: compute the figures, paint the charts."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from _corpus import article

N_ARTICLES = 100
N_CLAIMS = 10_000
CHECKERS = [f"checker {i}" for i in range(12)]


def build(path: Path) -> None:
    """10,000 claims made through core in one ``project.batch()``; review stamps then set by SQL.

    The figure is about reading: walking 10,000 claims through submit, approve and
    publish would only make the build slower.
    """
    from factcheck import importers
    from factcheck.core import model
    from factcheck.core.project import Project

    rng = random.Random(42)
    text = article(24_000)
    per_article = N_CLAIMS // N_ARTICLES
    with Project.create(path, user="bench") as p:
        ratings = [r.key for r in p.scale.ratings] + [None]
        with p.batch():
            for a in range(N_ARTICLES):
                imported = importers.ImportedArticle(
                    text=text, title=f"Article {a}: {' '.join(rng.sample(text.split()[:400], 8))}",
                    source_format="text", source_name=f"{a}.txt", original=text.encode(), mime="text/plain")
                version = p.current_version(p.import_article(imported).created)
                for i in range(per_article):
                    p.user = rng.choice(CHECKERS)
                    start = i * 200 + rng.randint(0, 50)
                    rating = rng.choice(ratings)
                    p.create_claim(version.id, start, start + rng.randint(30, 140),
                                   **({"rating": rating} if rating else {}))
        rows = []
        for (claim_id,) in p.store.read("SELECT id FROM claims"):
            status = rng.choices(model.STATUSES, (30, 30, 10, 10, 20))[0]
            published = (f"2025-{rng.randint(2, 12):02d}-{rng.randint(1, 28):02d}T12:00:00.000Z"
                         if status == model.PUBLISHED else None)
            rows.append((status, published, claim_id))
        with p.store.transaction():
            p.store.conn.executemany(
                "UPDATE claims SET status = ?, published_at = ?, created_at = '2025-01-01T09:00:00.000Z' "
                "WHERE id = ?", rows)


def run() -> list[tuple[str, str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from factcheck.core import stats
    from factcheck.core.project import Project
    from factcheck.ui import stats_view
    from factcheck.ui.session import Session

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stats.factcheck"
        t0 = time.perf_counter()
        build(path)
        build_s = time.perf_counter() - t0
        project = Project.open(path, user="editor")
        session = Session(project)
        session.stop()
        try:
            computes, firsts, refreshes = [], [], []
            for _ in range(5):
                t0 = time.perf_counter()
                stats.compute(project)
                computes.append(time.perf_counter() - t0)
            for _ in range(5):
                t0 = time.perf_counter()
                view = stats_view.StatsView(session)
                view.resize(900, 700)
                view.refresh()
                view.grab()  # lays out and paints every chart once
                firsts.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                view.refresh()
                view.grab()
                refreshes.append(time.perf_counter() - t0)
                view.deleteLater()
                app.processEvents()
            assert view.figures.claims == N_CLAIMS
        finally:
            session.deleteLater()
            project.close()
    ms = lambda values: f"{statistics.median(values) * 1000:.0f} ms"  # noqa: E731
    return [
        (f"build {N_CLAIMS:,} claims in {N_ARTICLES} articles (project.batch)", f"{build_s:.1f} s", ""),
        ("stats.compute over 10,000 claims", ms(computes), ""),
        ("statistics view: compute + first paint", ms(firsts), "<= 0.2 s"),
        ("statistics view: refresh + repaint", ms(refreshes), ""),
    ]
