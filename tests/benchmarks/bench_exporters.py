"""Exports of a 1 MB article with 5,000 checked claims, and the PDF of the demo project."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from _corpus import article, claim_spans

from factcheck import demo, exporters
from factcheck.core.project import Project
from factcheck.exporters import _data
from factcheck.importers import ImportedArticle
from factcheck.importers import web_annotation

RATINGS = ("true", "mostly-true", "mixed", "mostly-false", "false", "misleading", "no-evidence", "unverifiable")


def _median(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _timed(fn, repeat: int = 3) -> str:
    """Median wall and CPU time of ``fn``: on a shared machine the CPU time is the steadier figure."""
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return f"{statistics.median(walls):.3f} s ({statistics.median(cpus):.3f} s CPU)"


def _big_project(path: Path) -> Project:
    rng = random.Random(42)
    text = article()
    p = Project.create(path, user="bench")
    p.store.conn.execute("PRAGMA synchronous = OFF")  # building the fixture faster; not measured
    article_id = p.import_article(ImportedArticle(
        text=text, title="Benchmark", source_format="text", source_name="bench.txt",
        original=text.encode(), mime="text/plain"), url="https://news.example.org/bench").created
    version_id = p.current_version(article_id).id
    sources = [p.create_source(title=f"Source {i}", url=f"https://example.org/{i}", publisher="Publisher").created
               for i in range(50)]
    for i, (s, e) in enumerate(claim_spans(text, 5000)):
        claim_id = p.create_claim(
            version_id, s, e, statement=f"Statement number {i} about the economy", claimant="A. Minister",
            claim_date="2025-10-24", rating=rng.choice(RATINGS), verdict_summary=f"Verdict summary number {i}.",
            rationale="Because the figures say otherwise. " * 3,
        ).created
        if i % 2 == 0:
            p.cite(claim_id, rng.choice(sources), rng.choice(("supports", "contradicts", "context")), quote="a passage")
    p.store.conn.execute("UPDATE claims SET status = 'approved', approved_at = '2025-10-26T09:00:00.000Z', approved_by = 'Eve'")
    return p


def run() -> list[tuple[str, str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        with _big_project(Path(tmp) / "big.factcheck") as p:
            selection = exporters.Selection()
            gather = _timed(lambda: _data.gather(p, selection))
            html = _timed(lambda: exporters.export(p, "html", selection))
            size = len(exporters.export(p, "html", selection)) / 1e6
            claimreview = _timed(lambda: exporters.export(p, "claimreview", selection))
            annotations = _timed(lambda: exporters.export(p, "webannotation", selection))
            csv = _timed(lambda: exporters.export(p, "csv", selection))
            markdown = _timed(lambda: exporters.export(p, "markdown", selection))
            data = exporters.export(p, "webannotation", selection)

            def plan():
                # Against the same project every claim is a duplicate: it is still found and anchored first.
                web_annotation.plan(p, web_annotation.parse(data))

            planning = _median(plan, repeat=1)
        rows += [
            ("gather 5,000 claims of a 1 MB article (shared by every format)", gather, ""),
            ("HTML report, 1 MB article, 5,000 claims", html, "<= 1.5 s"),
            ("  its size", f"{size:.1f} MB", ""),
            ("ClaimReview JSON-LD, 5,000 claims", claimreview, "<= 0.5 s"),
            ("Web Annotation JSON-LD, 5,000 claims", annotations, ""),
            ("CSV, 5,000 claims", csv, ""),
            ("Markdown, 5,000 claims", markdown, ""),
            ("Web Annotation import: read + re-anchor 5,000 annotations", f"{planning:.3f} s", ""),
        ]
        path = Path(tmp) / "demo.factcheck"
        with demo.build(path) as d:
            d.store.conn.execute("UPDATE claims SET status = 'approved'")
            from factcheck.exporters import pdf

            pdf.ensure_gui_application()  # Qt start-up is not the PDF's cost
            first = _median(lambda: exporters.export(d, "pdf"), repeat=1)
            again = _median(lambda: exporters.export(d, "pdf"))
        rows += [
            ("PDF of the demo project (first, fonts loaded)", f"{first:.3f} s", "<= 3 s"),
            ("PDF of the demo project (again)", f"{again:.3f} s", ""),
        ]
    return rows
