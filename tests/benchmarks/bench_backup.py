"""A backup of an 8 MB project (SQLite's backup API, checked with quick_check), and the daily check on open."""

from __future__ import annotations

import datetime
import os
import statistics
import tempfile
import time
from pathlib import Path

from _corpus import article, claim_spans

from factcheck.core import backup
from factcheck.core.project import Project
from factcheck.importers import ImportedArticle

TARGET_MB = 8.0


def build(path: Path) -> None:
    """Articles of 0.5 MB with 500 claims each until the file holds 8 MB."""
    with Project.create(path, user="bench") as p:
        seed = 42
        while path.stat().st_size / 1e6 < TARGET_MB:
            text = article(500_000, seed=seed)
            with p.batch():
                article_id = p.import_article(ImportedArticle(
                    text=text, title=f"Article {seed}", source_format="text", source_name="bench.txt",
                    original=text.encode(), mime="text/plain")).created
                version_id = p.current_version(article_id).id
                for s, e in claim_spans(text, 500):
                    p.create_claim(version_id, s, e)
            p.store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            seed += 1


def run() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ.setdefault("FACTCHECK_HOME", str(tmp / "home"))  # never the real home (run.py sets one)
        path = tmp / "big.factcheck"
        build(path)
        size_mb = path.stat().st_size / 1e6
        times = []
        with Project.open(path, read_only=True) as p:
            now = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
            for i in range(7):
                t0 = time.perf_counter()
                made = backup.make(p, backup.MANUAL, now=now + datetime.timedelta(minutes=i))
                times.append(time.perf_counter() - t0)
            claims = backup.claim_count(made.path)
        opens, checks = [], []
        for _ in range(5):
            t0 = time.perf_counter()
            with Project.open(path) as p:  # today's daily backup exists after the first open
                opens.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                backup.due(p)
                checks.append(time.perf_counter() - t0)
    return [
        (f"backup of a {size_mb:.1f} MB project, checked, median of 7", f"{statistics.median(times):.3f} s", "<= 0.2 s"),
        ("  slowest", f"{max(times):.3f} s", ""),
        ("  claims in the backup", f"{claims:,}", ""),
        ("  first writable open of the day (makes the daily backup)", f"{opens[0]:.3f} s", ""),
        ("  later writable open (a backup exists today), median", f"{statistics.median(opens[1:]) * 1000:.1f} ms", ""),
        ("  the daily check alone, median", f"{statistics.median(checks) * 1000:.2f} ms", "~0"),
    ]


if __name__ == "__main__":
    for row in run():
        print(*row, sep="  ")
