"""``factcheck verify`` (hash chain plus the state rebuilt from the events) on a history of 100,000 events.

The history is written through the core API, as the app writes it: a 1 MB article,
5,000 claims made with their fields, 60,000 edits of them, 250 sources, 10,000
citations and 24,749 edits of those citations. The time is ``Project.verify`` in this
process (median of 3); the peak memory is that of ``factcheck verify`` run as a process of
its own (``os.wait4``'s rusage), since this one built the project. ``bench_scale`` gives
both for 100,000 and 1,000,000 claims.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _corpus

from factcheck.core.project import Project
from factcheck.importers import ImportedArticle

EVENTS = 100_000
CLAIMS, CLAIM_EDITS, SOURCES, CITATIONS = 5_000, 60_000, 250, 10_000
#: project.create and article.import come first; citation edits fill the rest.
CITATION_EDITS = EVENTS - 2 - CLAIMS - CLAIM_EDITS - SOURCES - CITATIONS
STANCES = ("supports", "contradicts", "context")


def build(path: Path) -> None:
    rng = random.Random(42)
    text = _corpus.article()
    with Project.create(path, user="bench") as p:
        with p.batch():
            imported = ImportedArticle(text=text, title="Benchmark", source_format="text", source_name="bench.txt",
                                       original=b"", mime="text/plain")
            version = p.current_version(p.import_article(imported).created)
            claims = [
                p.create_claim(version.id, start, end, claimant=f"Person {i}", tags=["bench"]).created
                for i, (start, end) in enumerate(_corpus.claim_spans(version.text, CLAIMS))
            ]
            for i in range(CLAIM_EDITS):
                field = ("statement", "verdict_summary", "rationale", "notes")[i % 4]
                p.update_claim(claims[i % CLAIMS], **{field: f"Edit {i} of the {field}."})
            sources = [p.create_source(title=f"Source {i}", url=f"https://example.org/{i}").created
                       for i in range(SOURCES)]
            citations = [p.cite(rng.choice(claims), rng.choice(sources), rng.choice(STANCES), quote=f"passage {i}").created
                         for i in range(CITATIONS)]
            for i in range(CITATION_EDITS):
                p.update_citation(citations[i % CITATIONS], locator=f"p. {i}")


def run() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.factcheck"
        build(path)
        with Project.open(path) as p:
            n = p.store.execute("SELECT count(*) FROM events").fetchone()[0]
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                verdict = p.verify()
                times.append(time.perf_counter() - t0)
        peak_mb = _peak_mb([sys.executable, "-m", "factcheck", "verify", str(path)], Path(tmp) / "home")
    return [
        (f"verify chain + state, {n:,} events (median of 3)", f"{statistics.median(times):.2f} s", "<= 2 s"),
        ("  factcheck verify's peak memory (a process of its own)", f"{peak_mb:,.0f} MB", "<= 150 MB"),
        ("  verdict", "intact" if verdict.ok else str(verdict), ""),
    ]


def _peak_mb(args: list[str], home: Path) -> float:
    """The peak resident memory of a child process running ``args``, in MB."""
    env = dict(os.environ, FACTCHECK_HOME=str(home))
    child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_maxrss / 1024  # kilobytes on Linux
