"""Update a 1 MB article carrying 5,000 claims to a new version with 1% of its words edited, to the review list."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from _corpus import article, claim_spans, edit

from factcheck.core import history, reanchoring
from factcheck.core.project import Project
from factcheck.importers import ImportedArticle


def _imported(text: str, name: str) -> ImportedArticle:
    return ImportedArticle(text=text, title="Benchmark", source_format="text", source_name=name,
                           original=text.encode(), mime="text/plain")


def run() -> list[tuple[str, str, str]]:
    text = article()
    spans = claim_spans(text, 5000)
    new_text, _ = edit(text, 0.01)
    totals, adds, reviews, undos = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for attempt in range(3):
            with Project.create(Path(tmp) / f"bench{attempt}.factcheck", user="bench") as p:
                article_id = p.import_article(_imported(text, "v1.txt")).created
                version_id = p.current_version(article_id).id
                with p.batch():
                    for s, e in spans:
                        p.create_claim(version_id, s, e)
                steps = history.History(p)
                t0 = time.perf_counter()
                steps.do(history.AddVersion(article_id, _imported(new_text, "v2.txt")))
                t1 = time.perf_counter()
                review = reanchoring.review(p, article_id)
                t2 = time.perf_counter()
                steps.undo()
                t3 = time.perf_counter()
                adds.append(t1 - t0)
                reviews.append(t2 - t1)
                totals.append(t2 - t0)
                undos.append(t3 - t2)
                assert len(p.versions(article_id)) == 1
    return [
        ("update a 1 MB article, 5,000 claims, 1% edited, to the review list", f"{statistics.median(totals):.2f} s",
         "<= 2 s"),
        ("  add_version (stored, re-anchored, committed)", f"{statistics.median(adds):.2f} s", ""),
        ("  the review model", f"{statistics.median(reviews) * 1000:.0f} ms", ""),
        ("  groups", f"{review.exact} unchanged, {review.moved} moved, {len(review.fuzzy)} fuzzy, "
                     f"{len(review.orphaned)} orphaned", ""),
        ("undo the update (version, events, 5,000 anchors back)", f"{statistics.median(undos):.2f} s", ""),
    ]


if __name__ == "__main__":
    for row in run():
        print(*row, sep="  ")
