"""Find in project over 5,000 claims and a 1 MB article: query time, index upkeep, the migration's build."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from _corpus import WORDS, article, claim_spans

from factcheck.core import search
from factcheck.core.project import Project
from factcheck.importers import ImportedArticle

QUERIES = (
    "cartel",  # in most paragraphs and claims: the worst case for ranking
    "bogota",  # folded: the text says Bogotá
    "sanctions treasury",
    "verificaciones",  # stemmed: the claims say "verificación"
    '"cocaine cartel"',
    "pres*",
    "migrants court lawyer",
    "señor zürich",
    "nothingmatchesthis",
)
REPEAT = 20


def build(path: Path) -> tuple[str, float]:
    """The project, its claims made in one transaction; returns the article id and the import's index time."""
    rng = random.Random(42)
    text = article()
    with Project.create(path, user="bench") as p:
        t0 = time.perf_counter()
        article_id = p.import_article(ImportedArticle(
            text=text, title="Benchmark", source_format="text", source_name="bench.txt",
            original=text.encode(), mime="text/plain")).created
        p.managers.search.refresh()
        index_s = time.perf_counter() - t0
        version_id = p.current_version(article_id).id
        with p.batch():
            for i, (s, e) in enumerate(claim_spans(text, 5000)):
                words = " ".join(rng.choice(WORDS) for _ in range(12))
                p.create_claim(version_id, s, e, statement=f"La verificación {i}: {words}",
                               claimant=rng.choice(("Petro", "Rubio", "Bessent", "Sarmiento")),
                               verdict_summary=" ".join(rng.choice(WORDS) for _ in range(15)) + ".",
                               tags=[rng.choice(("drugs", "economy", "diplomacy"))])
            for i in range(200):
                p.create_source(title=" ".join(rng.choice(WORDS) for _ in range(6)), publisher="Wire",
                                url=f"https://example.org/{i}")
        p.managers.search.refresh()
    return article_id, index_s


def run() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.factcheck"
        article_id, index_s = build(path)
        with Project.open(path, user="bench") as p:
            p.search("warm up")
            times, counts = [], {}
            for query in QUERIES:
                for _ in range(REPEAT):
                    t0 = time.perf_counter()
                    hits = p.search(query)
                    times.append(time.perf_counter() - t0)
                counts[query] = len(hits)
            filtered = []
            for _ in range(REPEAT):
                t0 = time.perf_counter()
                p.search("cartel", status="draft", since="2020-01-01", article_id=article_id)
                filtered.append(time.perf_counter() - t0)
            typing = []
            for _ in range(REPEAT):
                for n in range(2, len("sanctions") + 1):
                    t0 = time.perf_counter()
                    p.search("treasury " + "sanctions"[:n], prefix_last=True)
                    typing.append(time.perf_counter() - t0)
            claim = p.claims(article_id)[0]
            t0 = time.perf_counter()
            p.update_claim(claim.id, statement="Una verificación nueva")
            hits = p.search("nueva")
            edit_s = time.perf_counter() - t0
            assert any(h.id == claim.id for h in hits)
            conn = p.store.conn
            t0 = time.perf_counter()
            with p.store.transaction():
                search.rebuild(conn)
            rebuild_s = time.perf_counter() - t0
            pages = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%'").fetchone()[0] \
                if conn.execute("SELECT 1 FROM pragma_module_list WHERE name = 'dbstat'").fetchone() else None
        size_mb = path.stat().st_size / 1e6

    def ms(values: list[float], q: float) -> str:
        return f"{sorted(values)[min(len(values) - 1, int(len(values) * q))] * 1000:.1f} ms"

    rows = [
        ("query, median over the queries below", f"{statistics.median(times) * 1000:.1f} ms", "<= 20 ms"),
        ("  95th percentile", ms(times, 0.95), "<= 20 ms"),
        ("  slowest", ms(times, 1.0), ""),
        ("query with status, date and article filters, median", f"{statistics.median(filtered) * 1000:.1f} ms", ""),
        ("search as you type (last word a prefix), 95th percentile", ms(typing, 0.95), ""),
        ("edit a claim, then search (the index catches up)", f"{edit_s * 1000:.1f} ms", ""),
        ("index a 1 MB article (import + refresh)", f"{index_s * 1000:.0f} ms", ""),
        ("build the whole index (migration m010)", f"{rebuild_s:.2f} s", ""),
        ("  project file size", f"{size_mb:.1f} MB", ""),
    ]
    if pages:
        rows.append(("  of which the search index", f"{pages / 1e6:.1f} MB", ""))
    rows += [(f"  hits for {q!r}", str(n), "") for q, n in counts.items()]
    return rows


if __name__ == "__main__":
    for row in run():
        print(*row, sep="  ")
