"""A hand-off file of 1,000 changes: its size, the time to write it, and to merge it in.

The project: a 1 MB article with 1,000 claims and 50 sources, shared by two copies. Then
the checker makes 1,000 changes (statements and ratings edited, 100 claims made, 200
citations) and hands them to the editor, whose copy is as it was when they parted.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import _corpus

from factcheck.core import handoff, merge
from factcheck.core.project import Project
from factcheck.importers import ImportedArticle

CHANGES = 1_000
CLAIMS = 1_000
RATINGS = ("true", "false", "mostly-false", "misleading")


def build(tmp: Path) -> tuple[Path, Path]:
    a, b = tmp / "checker.factcheck", tmp / "editor.factcheck"
    with Project.create(a, user="ana") as p, p.batch():
        imported = ImportedArticle(text=_corpus.article(), title="Benchmark", source_format="text",
                                   source_name="bench.txt", original=b"", mime="text/plain")
        version = p.current_version(p.import_article(imported).created)
        spans = list(_corpus.claim_spans(version.text, CLAIMS + 100))
        claims = [p.create_claim(version.id, s, e).created for s, e in spans[:CLAIMS]]
        sources = [p.create_source(title=f"Source {i}").created for i in range(50)]
    shutil.copy(a, b)
    with Project.open(a, user="ana") as p, p.batch():
        handoff.record(p, "ben", handoff.SENT, p.events()[-1].id, 0)  # ben holds the copy as it was
        for s, e in spans[CLAIMS:]:
            p.create_claim(version.id, s, e)
        for i in range(200):
            p.cite(claims[i * 5], sources[i % 50], "supports", note=f"Page {i}")
        for i in range(CHANGES - 300):
            p.update_claim(claims[i % CLAIMS], statement=f"Statement {i}", rating=RATINGS[i % 4])
    return a, b


def run() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        a, b = build(Path(tmp))
        out = Path(tmp) / "to-ben.factcheck-changes"
        with Project.open(a, user="ana") as p:
            t0 = time.perf_counter()
            written = handoff.write(p, out, to="ben")
            t1 = time.perf_counter()
        with Project.open(b, user="ben") as p:
            t2 = time.perf_counter()
            plan = merge.plan(p, out)
            merge.apply(p, plan)
            t3 = time.perf_counter()
            ok = p.verify().ok
    return [
        (f"hand-off file of {written.events:,} changes: size", f"{written.size / 1e6:.2f} MB", "<= 1 MB"),
        ("  written in", f"{t1 - t0:.2f} s", "<= 0.3 s"),
        ("  read, checked and merged into the other copy", f"{t3 - t2:.2f} s", ""),
        ("  verify after", "intact" if ok else "BROKEN", ""),
    ]
