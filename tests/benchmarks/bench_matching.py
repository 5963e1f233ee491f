"""Matching quality: MAP@5 and recall@5 of the library's ``match`` against a plain BM25, on a self-made set.

The set (``data/claim_retrieval.json``, made by ``data/make_claim_retrieval.py``) is not a
public benchmark: 2,360 claims in English and Spanish made from 40 hand-written claim
patterns, and 711 queries written from other wordings of the same patterns (paraphrase,
word order, the other language). Read its docstring before quoting a figure.

The floor is BM25 (SQLite FTS5, ``unicode61 remove_diacritics 2``) over each claim and
its verdict summary, the query's words OR-ed. The library gets the same claims as one
ClaimReview feed, through ``Library.add_claimreview``, and answers through ``match``.

AP@5 = sum over the first five of precision-at-k at each relevant answer, divided by
min(relevant, 5); recall@5 = relevant answers in the first five / min(relevant, 5).
Figures are printed, never asserted.

    python tests/benchmarks/bench_matching.py            # the figures
    python tests/benchmarks/bench_matching.py --tune     # a grid over the re-ranking weights, dev half only
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import pathlib
import re
import sqlite3
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE / "data" / "claim_retrieval.json"
sys.path.insert(0, str(HERE.parents[1]))


def load() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def average_precision(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    hits, total = 0, 0.0
    for i, item in enumerate(ranked[:k], 1):
        if item in relevant:
            hits += 1
            total += hits / i
    return total / min(len(relevant), k) if relevant else 0.0


def recall(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    return len(set(ranked[:k]) & relevant) / min(len(relevant), k) if relevant else 0.0


class Baseline:
    """BM25 over claim + summary with FTS5's own tokenizer: the floor."""

    def __init__(self, claims: list[dict]):
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute("CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, body, tokenize='unicode61 remove_diacritics 2')")
        self.conn.executemany("INSERT INTO t VALUES (?, ?)", ((c["id"], f"{c['claim']} {c['summary']}") for c in claims))

    def rank(self, text: str, top: int = 5) -> list[str]:
        words = re.findall(r"\w+", text)
        if not words:
            return []
        query = " OR ".join(f'"{w}"' for w in words)
        return [r[0] for r in self.conn.execute("SELECT id FROM t WHERE t MATCH ? ORDER BY rank LIMIT ?", (query, top))]


def claimreview_feed(claims: list[dict]) -> dict:
    return {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [
        {"@type": "DataFeedItem", "item": [{
            "@type": "ClaimReview", "url": c["url"], "claimReviewed": c["claim"], "reviewBody": c["summary"],
            "author": {"@type": "Organization", "name": "Example checks"}, "datePublished": "2025-01-01",
            "reviewRating": {"@type": "Rating", "alternateName": c["rating"]}}]} for c in claims]}


def evaluate(rank, queries: list[dict]) -> dict[str, tuple[float, float, int]]:
    groups: dict[str, list[tuple[float, float]]] = {}
    for q in queries:
        ranked = rank(q["text"])
        relevant = set(q["relevant"])
        figures = (average_precision(ranked, relevant), recall(ranked, relevant))
        for name in ("all", q["split"], q["kind"], f"{q['kind']} {q['split']}"):
            groups.setdefault(name, []).append(figures)
    return {name: (sum(f[0] for f in v) / len(v), sum(f[1] for f in v) / len(v), len(v)) for name, v in groups.items()}


def build_library(folder: pathlib.Path, claims: list[dict]):
    from factcheck.core.library import Library

    feed = folder / "feed.json"
    feed.write_text(json.dumps(claimreview_feed(claims), ensure_ascii=False), encoding="utf-8")
    library = Library.open(folder / "library.sqlite")
    library.add_claimreview(feed)
    return library


def measure(data: dict) -> tuple[dict, dict, float]:
    claims, queries = data["claims"], data["queries"]
    by_url = {c["url"]: c["id"] for c in claims}
    baseline = Baseline(claims)
    floor = evaluate(baseline.rank, queries)
    with tempfile.TemporaryDirectory() as folder:
        library = build_library(pathlib.Path(folder), claims)
        t0 = time.perf_counter()
        ours = evaluate(lambda text: [by_url[m.url] for m in library.match(text, top=5)], queries)
        per_query = (time.perf_counter() - t0) / len(queries) * 1000
        library.close()
    return floor, ours, per_query


def run() -> list[tuple[str, str, str]]:
    floor, ours, per_query = measure(load())
    rows = []
    for name in ("all", "dev", "test", "same", "cross", "cross test"):
        if name in ours:
            b, o = floor[name], ours[name]
            rows.append((f"MAP@5 / recall@5, {name} ({o[2]} queries): BM25", f"{b[0]:.3f} / {b[1]:.3f}", ""))
            rows.append((f"MAP@5 / recall@5, {name} ({o[2]} queries): match()", f"{o[0]:.3f} / {o[1]:.3f}",
                         "beat BM25" if name == "all" else ""))
    rows.append(("match(): mean time per query (2,360 claims)", f"{per_query:.1f} ms", ""))
    return rows


def tune() -> None:
    """A grid over the re-ranking weights, scored on the development half only."""
    from factcheck.core import matching

    data = load()
    dev = [q for q in data["queries"] if q["split"] == "dev"]
    by_url = {c["url"]: c["id"] for c in data["claims"]}
    with tempfile.TemporaryDirectory() as folder:
        library = build_library(pathlib.Path(folder), data["claims"])
        results = []
        grid = itertools.product((0.2, 0.4), (0.2, 0.4), (0.0, 0.1), (0.1, 0.25), (0.15,), (0.1, 0.2, 0.35))
        for weights in grid:
            matching.WEIGHTS = matching.Weights(*weights)
            figures = evaluate(lambda text: [by_url[m.url] for m in library.match(text, top=5)], dev)["all"]
            results.append((figures[0], weights))
        library.close()
    names = [f.name for f in dataclasses.fields(matching.Weights)]
    for score, weights in sorted(results, reverse=True)[:10]:
        print(f"{score:.4f}  " + " ".join(f"{n}={w}" for n, w in zip(names, weights)))


if __name__ == "__main__":
    if "--tune" in sys.argv:
        tune()
    else:
        for label, value, target in run():
            print(f"{label:<62} {value:<16} {target}")
