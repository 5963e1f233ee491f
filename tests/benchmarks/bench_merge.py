"""Merging two copies of a project that each made 10,000 changes since they parted.

The base: a 1 MB article with 1,000 claims. Since parting, one copy edited claim notes
and made 500 claims and 100 sources; the other edited statements and ratings and cited
sources. No conflicts (different fields), so the figure is the merge itself.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import _corpus

from factcheck.core import merge
from factcheck.core.project import Project
from factcheck.importers import ImportedArticle

EACH = 10_000
CLAIMS = 1_000
RATINGS = ("true", "false", "mostly-false", "misleading")


def build(tmp: Path) -> tuple[Path, Path]:
    text = _corpus.article()
    a, b = tmp / "checker.factcheck", tmp / "editor.factcheck"
    with Project.create(a, user="ana") as p, p.batch():
        imported = ImportedArticle(text=text, title="Benchmark", source_format="text", source_name="bench.txt",
                                   original=b"", mime="text/plain")
        version = p.current_version(p.import_article(imported).created)
        spans = list(_corpus.claim_spans(version.text, CLAIMS + 500))
        claims = [p.create_claim(version.id, s, e).created for s, e in spans[:CLAIMS]]
        sources = [p.create_source(title=f"Source {i}").created for i in range(50)]
    shutil.copy(a, b)
    with Project.open(a, user="ana") as p, p.batch():
        for s, e in spans[CLAIMS:]:
            p.create_claim(version.id, s, e)
        for i in range(100):
            p.create_source(title=f"New source {i}")
        for i in range(EACH - 600):
            p.update_claim(claims[i % CLAIMS], notes=f"Note {i}")
    with Project.open(b, user="ben") as p, p.batch():
        for i in range(EACH - 2_000):
            p.update_claim(claims[i % CLAIMS], statement=f"Statement {i}", rating=RATINGS[i % 4])
        for i in range(2_000):
            p.cite(claims[i % CLAIMS], sources[i % 50], "supports")
    return a, b


def run() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        a, b = build(Path(tmp))
        with Project.open(a, user="ana") as p:
            t0 = time.perf_counter()
            plan = merge.plan(p, b)
            t1 = time.perf_counter()
            merge.apply(p, plan)
            t2 = time.perf_counter()
            ok = p.verify().ok
            n = len(plan.incoming)
    return [
        (f"merge two copies, {EACH:,} changes each since parting", f"{t2 - t0:.2f} s", "<= 2 s"),
        (f"  plan (the events not shared, the rows they touched, checked; {n:,} events in)", f"{t1 - t0:.2f} s", ""),
        ("  apply (one transaction)", f"{t2 - t1:.2f} s", ""),
        ("  verify after", "intact" if ok else "BROKEN", ""),
    ]
