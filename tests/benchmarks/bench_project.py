"""Create 5,000 claims one transaction each on a 1 MB article; open the project and list them."""

from __future__ import annotations

import gc
import statistics
import tempfile
import time
from pathlib import Path

from _corpus import article, claim_spans

from factcheck.core.project import Project
from factcheck.importers import ImportedArticle


def run() -> list[tuple[str, str, str]]:
    text = article()
    spans = claim_spans(text, 5000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.factcheck"
        with Project.create(path, user="bench") as p:
            t0 = time.perf_counter()
            article_id = p.import_article(ImportedArticle(
                text=text, title="Benchmark", source_format="text", source_name="bench.txt",
                original=text.encode(), mime="text/plain")).created
            import_s = time.perf_counter() - t0
            version_id = p.current_version(article_id).id
            times = []
            for s, e in spans:
                t0 = time.perf_counter()
                p.create_claim(version_id, s, e)
                times.append(time.perf_counter() - t0)
        size_mb = path.stat().st_size / 1e6
        gc.collect()
        opens = []
        for _ in range(5):
            t0 = time.perf_counter()
            with Project.open(path) as p:
                claims = p.claims(article_id)
                p.text(version_id)
            opens.append(time.perf_counter() - t0)
        assert len(claims) == 5000
    return [
        ("store a 1 MB article (import_article)", f"{import_s * 1000:.0f} ms", ""),
        ("create one claim (commit included), median", f"{statistics.median(times) * 1000:.2f} ms", "<= 2 ms"),
        ("  95th percentile", f"{sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms", ""),
        ("open project (1 MB, 5,000 claims) + load all claims", f"{statistics.median(opens):.3f} s", "<= 0.3 s"),
        ("  project file size", f"{size_mb:.1f} MB", ""),
    ]
