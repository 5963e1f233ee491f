"""Projects at a desk's scale (100,000 and 1,000,000 claims) for the benchmarks, built once and cached.

``build_project(n_claims, n_articles)`` returns the path of a project holding
``n_articles`` articles (imported through core) with ``n_claims`` claims spread evenly
over them, 200 sources, a citation on every other claim, and review statuses drawn
30% draft, 20% in review, 40% approved, 10% published. Claims, citations and their
events are written with direct SQL (one transaction per article): each claim gets
its ``claim.create`` event, each citation its ``citation.create``, each status its
``claim.submit`` / ``claim.approve`` / ``claim.publish``, ids and hash chain as
``events.append`` writes them, so ``factcheck verify`` passes on the result.

Projects are cached in ``tests/benchmarks/.cache`` (or ``$FACTCHECK_BENCH_CACHE``),
named by their parameters, ``VERSION`` and the schema version (a new migration means a
new build: a read-only open refuses an older file); a build writes a temporary file and renames
it, so an interrupted build leaves nothing that looks finished. Delete the folder to
build again. Opening a cached project for writing changes it: benchmarks that write
copy it first (``copy_project``).
"""

from __future__ import annotations

import datetime
import os
import pathlib
import random
import shutil
import sqlite3
import sys
import time
import uuid

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from _corpus import article, claim_spans  # noqa: E402

from factcheck.core import anchoring, events, migrations, model, workflow  # noqa: E402
from factcheck.core.project import Project  # noqa: E402
from factcheck.importers import ImportedArticle  # noqa: E402

#: Bump when what a build writes changes, so old cached files are not used.
VERSION = 1
RATINGS = ("true", "mostly-true", "mixed", "mostly-false", "false", "misleading", "no-evidence", "unverifiable")
N_SOURCES = 200
USER = "bench"
EDITOR = "editor"


def cache_dir() -> pathlib.Path:
    folder = pathlib.Path(os.environ.get("FACTCHECK_BENCH_CACHE") or HERE / ".cache")
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n")
    return folder


def build_project(n_claims: int, n_articles: int, *, seed: int = 42, quiet: bool = False) -> pathlib.Path:
    """The path of a cached project of ``n_claims`` claims over ``n_articles`` articles (built if missing)."""
    name = f"scale-v{VERSION}-schema{migrations.SCHEMA_VERSION}-{n_claims}-claims-{n_articles}-articles-{seed}"
    target = cache_dir() / f"{name}.factcheck"
    if target.exists():
        return target
    partial = target.with_name(target.name + ".building")
    for extra in ("", "-wal", "-shm"):
        pathlib.Path(str(partial) + extra).unlink(missing_ok=True)
    t0 = time.perf_counter()
    home = os.environ.get("FACTCHECK_HOME")
    if not home:  # opening for writing makes a daily backup: keep it out of the real home
        os.environ["FACTCHECK_HOME"] = str(cache_dir() / "home")
    try:
        _build(partial, n_claims, n_articles, seed)
    finally:
        if not home:
            del os.environ["FACTCHECK_HOME"]
    os.replace(partial, target)
    if not quiet:
        print(f"built {target.name} in {time.perf_counter() - t0:.0f} s ({target.stat().st_size / 1e6:.0f} MB)",
              file=sys.stderr)
    return target


def copy_project(path: pathlib.Path, folder: pathlib.Path) -> pathlib.Path:
    """A copy of a cached project in ``folder`` (for a benchmark that writes to it)."""
    copy = pathlib.Path(folder) / path.name
    shutil.copyfile(path, copy)
    return copy


class _Log:
    """Events appended in bulk exactly as ``events._insert`` writes them, 1 ms apart from the head on."""

    def __init__(self, conn: sqlite3.Connection):
        seq, prev, head, at = conn.execute("SELECT seq, hash, id, at FROM events ORDER BY seq DESC LIMIT 1").fetchone()
        self.seq, self.prev, self.head = seq, prev, head
        self.moment = datetime.datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ")
        self.rows: list[tuple] = []

    def stamp(self) -> str:
        self.moment += datetime.timedelta(milliseconds=1)
        return self.moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"

    def append(self, actor: str, action: str, entity_id: str, data: dict, at: str | None = None) -> str:
        at = at or self.stamp()
        payload = events.canonical(data)
        parents = events.canonical([self.head])
        new_id = events.event_id(parents, at, actor, action, "claim", entity_id, payload)
        self.seq += 1
        digest = events.chain_hash(self.prev, self.seq, new_id)
        self.rows.append((self.seq, at, actor, action, "claim", entity_id, payload, self.prev, digest, new_id, parents))
        self.prev, self.head = digest, new_id
        return at

    def flush(self, conn: sqlite3.Connection) -> None:
        conn.executemany(
            "INSERT INTO events (seq, at, actor, action, entity, entity_id, data, prev_hash, hash, id, parents) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.rows)
        self.rows = []


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _build(path: pathlib.Path, n_claims: int, n_articles: int, seed: int) -> None:
    rng = random.Random(seed)
    per_article = [n_claims // n_articles + (1 if i < n_claims % n_articles else 0) for i in range(n_articles)]
    with Project.create(path, user=USER) as p:
        conn = p.store.conn
        conn.execute("PRAGMA synchronous = OFF")
        # Random ids land all over the indexes: with SQLite's default 2 MB cache a 1,000,000-claim
        # build spends its time re-reading index pages (an hour, not minutes).
        conn.execute("PRAGMA cache_size = -1000000")
        p.set_setting("organisation_name", "Scale Desk")
        p.set_setting("organisation_url", "https://desk.example.org")
        p.set_setting("factcheck_url_pattern", "https://desk.example.org/checks/{article}#{claim}")
        sources = []
        for i in range(N_SOURCES):
            sources.append(p.create_source(title=f"Source {i}", url=f"https://example.org/source/{i}",
                                           publisher=f"Publisher {i % 17}").created)
        versions = []
        with p.batch():
            for i in range(n_articles):
                text = article(size=max(4_000, per_article[i] * 150), seed=seed + i)
                created = p.import_article(ImportedArticle(
                    text=text, title=f"Article {i}: the minister's claims", source_format="text",
                    source_name=f"article-{i}.txt", original=text.encode(), mime="text/plain"),
                    url=f"https://news.example.org/{i}", outlet="The Daily Example", author="A. Reporter",
                    published_at="2025-10-24").created
                versions.append((created, p.current_version(created)))
        log = _Log(conn)
        deferred = _defer_indexes(conn)
        for i, (article_id, version) in enumerate(versions):
            claims, citations = [], []
            for k, (start, end) in enumerate(claim_spans(version.text, per_article[i], seed=seed + 1000 + i)):
                claims.append(_claim(rng, log, article_id, version, start, end, k, sources, citations))
            conn.execute("BEGIN")
            columns = ", ".join(f'"{c}"' for c in claims[0])
            conn.executemany(f"INSERT INTO claims ({columns}) VALUES ({', '.join('?' * len(claims[0]))})",
                             [tuple(c.values()) for c in claims])
            if citations:
                conn.executemany("INSERT INTO citations (id, claim_id, source_id, stance, quote, locator, note, "
                                 "created_at, created_by) VALUES (?, ?, ?, ?, ?, '', '', ?, ?)", citations)
            log.flush(conn)
            conn.execute("COMMIT")
        _restore_indexes(conn, deferred)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


#: Tables written in bulk and indexed afterwards: an index built by sorting takes seconds where a
#: million inserts of random ids into it take an hour. Their triggers go too (the full-text table,
#: the search index's marks); what those would have written is written at the end.
_BULK_TABLES = ("claims", "citations", "events")


def _defer_indexes(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """Drop the bulk tables' own indexes and triggers; what is needed to make them again."""
    found = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
                         f"AND tbl_name IN {_BULK_TABLES!r} AND sql IS NOT NULL").fetchall()
    conn.execute("BEGIN")
    for kind, name, _ in found:
        conn.execute(f'DROP {kind} "{name}"')
    conn.execute("COMMIT")
    return found


def _restore_indexes(conn: sqlite3.Connection, found: list[tuple[str, str, str]]) -> None:
    """Make the indexes and triggers again, and write what the triggers would have (the search index at close)."""
    conn.execute("BEGIN")
    for _, _, sql in found:
        conn.execute(sql)
    conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")
    conn.execute("INSERT OR IGNORE INTO search_dirty (kind, ref) SELECT 'claim', id FROM claims")
    conn.execute("COMMIT")


def _claim(rng: random.Random, log: _Log, article_id: str, version, start: int, end: int, k: int,
           sources: list[str], citations: list[tuple]) -> dict:
    sel = anchoring.describe(version.text, start, end)
    claim_id = _uuid(rng)
    values = {
        "statement": f"Statement {k}: the minister says the figure is {rng.randint(2, 900)}",
        "claimant": rng.choice(("A. Minister", "B. Senator", "The Treasury", "C. Mayor")),
        "claim_date": "2025-10-24",
        "rating": rng.choice(RATINGS),
        "verdict_summary": f"The figure is {rng.randint(2, 900)}, not what was said.",
        "rationale": "The official statistics say otherwise. " * rng.randint(1, 4),
    }
    created = log.append(USER, "claim.create", claim_id, {"after": {
        "version_id": version.id, "start": start, "end": end, "exact": sel.quote.exact, **values}})
    row = {
        "id": claim_id, "article_id": article_id, "version_id": version.id, "start": start, "end": end,
        "exact": sel.quote.exact, "prefix": sel.quote.prefix, "suffix": sel.quote.suffix,
        "anchor_state": anchoring.EXACT, **values, "checkworthiness": None, "tags": "[]", "notes": "",
        "status": model.DRAFT, "created_at": created, "created_by": USER, "updated_at": created, "updated_by": USER,
        "verdict_by": USER, "revision": 1,
    }
    if k % 2 == 0:
        citation_id = _uuid(rng)
        source_id = rng.choice(sources)
        stance = rng.choice(("supports", "contradicts", "context"))
        at = log.append(USER, "citation.create", claim_id, {
            "citation_id": citation_id, "source_id": source_id, "source_title": "",
            "after": {"stance": stance, "quote": "a passage that says so"}})
        citations.append((citation_id, claim_id, source_id, stance, "a passage that says so", at, USER))
        row.update(updated_at=at, revision=row["revision"] + 1)
    draw = rng.random()
    target = (model.DRAFT if draw < 0.3 else model.IN_REVIEW if draw < 0.5 else
              model.APPROVED if draw < 0.9 else model.PUBLISHED)
    steps = [(workflow.SUBMIT, USER, model.IN_REVIEW), (workflow.APPROVE, EDITOR, model.APPROVED),
             (workflow.PUBLISH, EDITOR, model.PUBLISHED)]
    order = (model.DRAFT, model.IN_REVIEW, model.APPROVED, model.PUBLISHED)
    for action, actor, status in steps[: order.index(target)]:
        data = {"before": {"status": row["status"]}, "after": {"status": status}, "comment": "", "comment_id": None}
        if action in (workflow.APPROVE, workflow.PUBLISH):
            data["approved_state"] = workflow.verdict_state(row)
        at = log.append(actor, f"claim.{action}", claim_id, data)
        row.update(status=status, updated_at=at, updated_by=actor, revision=row["revision"] + 1)
        if action == workflow.SUBMIT:
            row.update(submitted_at=at, submitted_by=actor)
        elif action == workflow.APPROVE:
            row.update(approved_at=at, approved_by=actor)
        else:
            row.update(published_at=at, published_by=actor)
    for key in ("submitted_at", "submitted_by", "approved_at", "approved_by", "published_at", "published_by"):
        row.setdefault(key, None)
    return row


if __name__ == "__main__":
    # python tests/benchmarks/_scale.py 100000 100: build (or find) one and print its path.
    claims_arg = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    articles_arg = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    print(build_project(claims_arg, articles_arg))
