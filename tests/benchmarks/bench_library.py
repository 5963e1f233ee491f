"""The verdict library: 100,000 claims built from a ClaimReview feed, queries, a 5,000-claim project, suggestions.

Claims are made from the self-made matching set's 2,360 claims (``data/claim_retrieval.json``)
with other people, places and numbers drawn in, so the vocabulary is a fact-check desk's,
not random words: a worst case for the index (most claims share most words).
Figures are printed, never asserted.
"""

from __future__ import annotations

import json
import pathlib
import random
import statistics
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

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


def run() -> list[tuple[str, str, str]]:
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


if __name__ == "__main__":
    for label, value, target in run():
        print(f"{label:<70} {value:<10} {target}")
