"""The verdict library: 100,000 claims built from a ClaimReview feed, queries, a 5,000-claim project, suggestions,
and the desk's year: the cached 100,000-claim project (1,000,000 with ``--huge`` or ``FACTCHECK_BENCH_HUGE=1``)
added with ``factcheck library add``.

Claims are made from the self-made matching set's 2,360 claims (``data/claim_retrieval.json``)
with other people, places and numbers drawn in, so the vocabulary is a fact-check desk's,
not random words: a worst case for the index (most claims share most words).
A scale project is indexed in a child process (``os.wait4``'s rusage: wall, CPU, peak
memory): added, added again unchanged, cut short halfway and added again (it goes on
from its last batch), and at 100,000 added again after one claim changed (in a copy).
Figures are printed, never asserted.
"""

from __future__ import annotations

import json
import os
import pathlib
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

N_FEED = 100_000
N_PROJECT = 5_000


def _claims(n: int, seed: int = 42) -> list[str]:
    data = json.loads((HERE / "data" / "claim_retrieval.json").read_text(encoding="utf-8"))
    texts = [c["claim"] for c in data["claims"]]
    names = ["Rojas", "Peña", "Acosta", "Mora", "Silva", "Navarro", "Lozano", "Prieto", "Serrano", "Molina"]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text = rng.choice(texts)
        out.append(f"{text} {rng.choice(names)} {rng.randint(1, 999)} #{i}")
    return out


def _feed(path: pathlib.Path, texts: list[str]) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write('{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [')
        for i, text in enumerate(texts):
            item = {"@type": "ClaimReview", "url": f"https://checks.example.org/{i}", "claimReviewed": text,
                    "author": {"@type": "Organization", "name": "Example Checks"}, "datePublished": "2025-10-24",
                    "reviewRating": {"@type": "Rating", "alternateName": "False"}}
            f.write(("," if i else "") + json.dumps({"@type": "DataFeedItem", "item": [item]}, ensure_ascii=False))
        f.write("]}")


def _project(path: pathlib.Path, texts: list[str]) -> None:
    """A project of ``len(texts)`` claims, each on its own sentence of one article, rated and summarised."""
    from factcheck.core.project import Project
    from factcheck.importers import ImportedArticle

    body = "\n\n".join(texts)
    with Project.create(path, user="bench") as p:
        with p.batch():
            article_id = p.import_article(ImportedArticle(text=body, title="Benchmark", source_format="text",
                                                          source_name="bench.txt", original=body.encode(),
                                                          mime="text/plain")).created
            version = p.current_version(article_id)
            start = 0
            for i, text in enumerate(texts):
                p.create_claim(version.id, start, start + len(text), statement=text, rating="false",
                               verdict_summary=f"Official figures do not support it ({i}).")
                start += len(text) + 2


def run(huge: bool | None = None) -> list[tuple[str, str, str]]:
    if huge is None:
        huge = os.environ.get("FACTCHECK_BENCH_HUGE", "") not in ("", "0")
    return _feed_and_project() + _scale(huge)


def _feed_and_project() -> list[tuple[str, str, str]]:
    from factcheck.core.library import Library

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        texts = _claims(N_FEED)
        feed = tmp / "feed.json"
        _feed(feed, texts)
        size = feed.stat().st_size / 1e6
        with Library.open(tmp / "library.sqlite") as lib:
            t0 = time.perf_counter()
            lib.add_claimreview(feed)
            build = time.perf_counter() - t0
            rows.append((f"library of {N_FEED:,} ClaimReviews ({size:.0f} MB feed): build", f"{build:.1f} s", "<= 5 s"))
            rng = random.Random(7)
            queries = [t.rsplit(" ", 3)[0] for t in rng.sample(texts, 300)]
            times = []
            for q in queries:
                t0 = time.perf_counter()
                lib.match(q)
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            rows.append(("query (300 claims as asked): median", f"{statistics.median(times):.1f} ms", ""))
            rows.append(("query: p95", f"{times[int(len(times) * 0.95)]:.1f} ms", "<= 30 ms"))
            project = tmp / "p.factcheck"
            _project(project, _claims(N_PROJECT, seed=3))
            t0 = time.perf_counter()
            lib.add_project(project)
            added = time.perf_counter() - t0
            rows.append((f"adding a {N_PROJECT:,}-claim project (to the 100,000)", f"{added:.2f} s", "<= 1 s"))
            t0 = time.perf_counter()
            lib.add_project(project)
            rows.append(("adding it again, unchanged", f"{(time.perf_counter() - t0) * 1000:.0f} ms", ""))
        rows.extend(_suggestions(tmp))
    return rows


def _suggestions(tmp: pathlib.Path) -> list[tuple[str, str, str]]:
    """From the last key press to the suggestions shown, in the app's widget (offscreen), 5,000 claims."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    before = os.environ.get("FACTCHECK_HOME")
    os.environ["FACTCHECK_HOME"] = str(tmp / "home")
    try:
        return _suggestion_times(tmp)
    finally:
        if before is None:
            os.environ.pop("FACTCHECK_HOME", None)
        else:
            os.environ["FACTCHECK_HOME"] = before


def _suggestion_times(tmp: pathlib.Path) -> list[tuple[str, str, str]]:
    from PySide6.QtWidgets import QApplication

    from factcheck.core.library import Library
    from factcheck.core.project import Project
    from factcheck.ui import similar_claims
    from factcheck.ui.session import Session

    app = QApplication.instance() or QApplication([])
    project_path = tmp / "p.factcheck"
    with Library.open() as lib:
        lib.add_project(project_path)
    project = Project.open(project_path, user="bench")
    session = Session(project)
    widget = similar_claims.SimilarClaims(session)
    claim = project.claims()[0]
    widget.set_claim(claim)
    times = []
    for text in _claims(40, seed=11):
        widget.set_text(text.rsplit(" ", 3)[0])  # the last key press
        t0 = time.perf_counter()
        while widget._timer.isActive() or widget.answered != widget._asked:
            app.processEvents()
        times.append((time.perf_counter() - t0) * 1000)
    session.stop()
    project.close()
    times.sort()
    return [("suggestions after the last key press (debounce 60 ms + match): median",
             f"{statistics.median(times):.0f} ms", ""),
            ("suggestions after the last key press: p95", f"{times[int(len(times) * 0.95)]:.0f} ms", "<= 100 ms")]


class _Child:
    """``factcheck ARGS`` in a process of its own: wall time, CPU time (user + system), peak memory, exit code."""

    def __init__(self, args: list[str], home: pathlib.Path, *, stop_after: float | None = None):
        env = dict(os.environ, FACTCHECK_HOME=str(home), PYTHONPATH=str(HERE.parents[1]))
        t0 = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "factcheck", *args], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
        if stop_after is not None:
            try:
                child.wait(stop_after)
            except subprocess.TimeoutExpired:
                child.send_signal(signal.SIGKILL)  # as a machine that went down would
        self.output = child.stdout.read()
        child.stdout.close()
        _, status, usage = os.wait4(child.pid, 0)
        self.seconds = time.perf_counter() - t0
        self.cpu = usage.ru_utime + usage.ru_stime
        self.peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
        self.code = os.waitstatus_to_exitcode(status)

    def figures(self) -> str:
        return f"{self.seconds:.1f} s (CPU {self.cpu:.1f} s), {self.peak_mb:,.0f} MB"


def _scale(huge: bool) -> list[tuple[str, str, str]]:
    """The cached scale projects added to a library of their own, in children (memory: <= 150 MB)."""
    import _scale as scale

    rows = []
    sizes = ((100_000, 100),) + (((1_000_000, 1_000),) if huge else ())
    for n_claims, n_articles in sizes:
        project = scale.build_project(n_claims, n_articles)
        with tempfile.TemporaryDirectory(prefix="factcheck-bench-library-") as tmp:
            tmp = pathlib.Path(tmp)
            lib = tmp / "library.sqlite"
            add = ["library", "add", str(project), "--library", str(lib)]
            label = f"{n_claims:,}-claim project"
            first = _Child(add, tmp)
            rows.append((f"{label}: added (wall, CPU, peak)", first.figures(), "<= 150 MB"))
            again = _Child(add, tmp)
            rows.append((f"{label}: added again, unchanged", again.figures(), ""))
            rows.extend(_queries(lib, label))
            lib.unlink()
            cut = _Child(add, tmp, stop_after=first.seconds / 2)
            held = sqlite3.connect(lib).execute("SELECT count(*) FROM entries").fetchone()[0]
            resumed = _Child(add, tmp)
            rows.append((f"{label}: killed halfway ({held:,} claims kept), then added", resumed.figures(), ""))
            if n_claims <= 100_000:
                rows.append((f"{label}: added again after one claim changed", _changed(project, tmp).figures(), ""))
    return rows


def _queries(lib: pathlib.Path, label: str) -> list[tuple[str, str, str]]:
    """Queries on the library a scale project made (its own claims' words, as asked)."""
    from factcheck.core.library import Library

    with Library.open(lib, read_only=True) as opened:
        rng = random.Random(7)
        top = opened.conn.execute("SELECT max(id) FROM entries").fetchone()[0]
        texts = [opened.conn.execute("SELECT statement FROM entries WHERE id = ?", (rng.randint(1, top),)).fetchone()[0]
                 for _ in range(100)]
        times = []
        for text in texts:
            t0 = time.perf_counter()
            opened.match(" ".join(text.split()[:8]))
            times.append((time.perf_counter() - t0) * 1000)
        opened._forget_counts()  # as after a write: the next query counts entries and its tokens again
        t0 = time.perf_counter()
        opened.match(" ".join(texts[0].split()[:8]))
        recount = (time.perf_counter() - t0) * 1000
    times.sort()
    return [(f"{label}: query median / p95", f"{statistics.median(times):.1f} / {times[94]:.1f} ms", "<= 30 ms"),
            (f"{label}: first query after a write", f"{recount:.1f} ms", "")]


def _changed(project: pathlib.Path, tmp: pathlib.Path) -> _Child:
    """The project copied, one claim changed, added again (to the library that holds the original's copy)."""
    import _scale as scale

    from factcheck.core.project import Project

    copy = scale.copy_project(project, tmp)
    lib = tmp / "library.sqlite"
    _Child(["library", "add", str(copy), "--library", str(lib)], tmp)
    with Project.open(copy, user="bench") as p:
        (claim_id,) = p.store.read_one("SELECT id FROM claims WHERE deleted_at IS NULL LIMIT 1")
        p.update_claim(claim_id, statement="The harbour of Valparaíso closed for a week in 2024")
    return _Child(["library", "add", str(copy), "--library", str(lib)], tmp)


if __name__ == "__main__":
    for label, value, target in run(huge="--huge" in sys.argv or None):
        print(f"{label:<70} {value:<10} {target}")
