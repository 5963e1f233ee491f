"""Sync through a throwaway PostgreSQL on localhost: first sync of 100,000 events, small pushes and pulls, 20 laptops.

The server is started the way the sync tests start theirs (tests/sync/conftest.py). The
project: 1,000 claims on one article, then 99,000 edits (notes, statements, ratings),
100,000 events in all, pushed by the editor and pulled by a checker's empty-handed copy
(the file as it was before any of those edits).
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

import _corpus
import psycopg

from factcheck.core import events, merge
from factcheck.core.project import Project
from factcheck.importers import ImportedArticle
from factcheck.sync import client, server
from tests.sync.conftest import PgServer, find_bindir

EVENTS = 100_000
CLAIMS = 1_000
CLIENTS = 20
BUSY_SECONDS = 20


def build(tmp: Path) -> tuple[Path, Path, list[str]]:
    seed, big = tmp / "seed.factcheck", tmp / "big.factcheck"
    with Project.create(seed, user="ben") as p, p.batch():
        imported = ImportedArticle(text=_corpus.article(), title="Benchmark", source_format="text",
                                   source_name="bench.txt", original=b"", mime="text/plain")
        version = p.current_version(p.import_article(imported).created)
        claims = [p.create_claim(version.id, s, e).created for s, e in _corpus.claim_spans(version.text, CLAIMS)]
    shutil.copy(seed, big)
    with Project.open(big, user="ben") as p, p.batch():
        for i in range(EVENTS - len(p.events())):
            p.update_claim(claims[i % CLAIMS], notes=f"Note {i}")
    return seed, big, claims


def run() -> list[tuple[str, str, str]]:
    pg = PgServer(find_bindir())
    os.environ["PGPASSFILE"] = str(pg.base / "no-pgpass")
    pg.init()
    pg.first_start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            return _run(pg, Path(tmp))
    finally:
        pg.destroy()


def _run(pg, tmp: Path) -> list[tuple[str, str, str]]:
    seed, big, claims = build(tmp)
    with Project.open(big) as p:
        project_id = events.project_id(p.store)
    with psycopg.connect(pg.superuser_dsn("postgres"), autocommit=True) as conn:
        conn.execute("CREATE DATABASE desk")
    with psycopg.connect(pg.superuser_dsn("desk"), autocommit=True) as conn:
        server.init(conn)
        for name in ["ben", "ana"] + [f"c{i}" for i in range(CLIENTS)]:
            server.add_user(conn, name, "pw")
            server.grant(conn, project_id, name, "editor" if name == "ben" else "checker", "desk")

    def dsn(name):
        return pg.dsn("desk", name, "pw")

    rows = []
    with Project.open(big, user="ben") as p, client.connect(dsn("ben")) as conn:
        client.link(p, dsn("ben"))
        t0 = time.perf_counter()
        pushed = client.sync(conn, p).pushed
        rows.append((f"first sync up: push {pushed:,} events in batches of {client.BATCH:,}",
                     f"{time.perf_counter() - t0:.1f} s", "<= 10 s"))
    ana_path = tmp / "ana.factcheck"
    shutil.copy(seed, ana_path)
    with Project.open(ana_path, user="ana") as p, client.connect(dsn("ana")) as conn:
        client.link(p, dsn("ana"))
        t0 = time.perf_counter()
        pulled = client.sync(conn, p).pulled
        rows.append((f"first sync down: pull and merge {pulled:,} events", f"{time.perf_counter() - t0:.1f} s",
                     "<= 10 s"))
        pushes, pulls = [], []
        with Project.open(big, user="ben") as ben, client.connect(dsn("ben")) as ben_conn:
            for i in range(20):
                p.update_claim(claims[i], statement=f"Statement {i}")
                t0 = time.perf_counter()
                client.sync(conn, p)
                pushes.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                client.sync(ben_conn, ben)
                pulls.append(time.perf_counter() - t0)
        rows.append(("incremental sync pushing one change (median of 20)", f"{statistics.median(pushes) * 1000:.0f} ms",
                     "<= 200 ms"))
        rows.append(("incremental sync pulling one change (median of 20)", f"{statistics.median(pulls) * 1000:.0f} ms",
                     "<= 200 ms"))
    # 20 laptops pushing as fast as they can.
    small = tmp / "small.factcheck"
    with Project.create(small, user="ben") as p:
        article = p.import_article(ImportedArticle(text=_corpus.article()[:20_000], title="t", source_format="text",
                                                   source_name="t.txt", original=b"", mime="text/plain")).created
        version = p.current_version(article)
        few = [p.create_claim(version.id, s, e).created for s, e in _corpus.claim_spans(version.text, 20)]
        small_id = events.project_id(p.store)
    with psycopg.connect(pg.superuser_dsn("desk"), autocommit=True) as conn:
        for name in ["ben"] + [f"c{i}" for i in range(CLIENTS)]:
            server.grant(conn, small_id, name, "editor" if name == "ben" else "checker", "small")
    with Project.open(small, user="ben") as p, client.connect(dsn("ben")) as conn:
        client.link(p, dsn("ben"))
        client.sync(conn, p)
    made, failed = [0] * CLIENTS, []
    stop = time.monotonic() + BUSY_SECONDS

    def laptop(i: int) -> None:
        path = tmp / f"c{i}.factcheck"
        shutil.copy(small, path)
        try:
            with Project.open(path, user=f"c{i}") as p, client.connect(dsn(f"c{i}")) as conn:
                client.link(p, dsn(f"c{i}"))
                while time.monotonic() < stop:
                    p.create_source(title=f"c{i} source {made[i]}")
                    p.update_claim(few[made[i] % len(few)], notes=f"c{i} {made[i]}")
                    made[i] += 1
                    try:
                        client.sync(conn, p, prefer=merge.OURS)
                    except client.SyncError as exc:  # crowded out this time: the next round sends it
                        if "kept pushing" not in str(exc):
                            raise
                for _ in range(30):
                    try:
                        client.sync(conn, p, prefer=merge.OURS)
                        break
                    except client.SyncError:
                        time.sleep(0.1)
        except Exception as exc:  # noqa: BLE001
            failed.append(exc)

    threads = [threading.Thread(target=laptop, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with psycopg.connect(pg.superuser_dsn("desk")) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM factcheck.events WHERE project = %s", (small_id,))]
        titles = {r[0]["title"] for r in conn.execute(
            "SELECT body FROM factcheck.state_rows WHERE project = %s AND tbl = 'sources'", (small_id,))}
    lost = sum(made) - sum(1 for i in range(CLIENTS) for k in range(made[i]) if f"c{i} source {k}" in titles)
    rows.append((f"{CLIENTS} laptops syncing for {BUSY_SECONDS} s: changes made", f"{sum(made) * 2:,}", ""))
    rows.append(("  events on the server / duplicated / sources lost", f"{len(ids):,} / {len(ids) - len(set(ids))} / "
                 f"{lost}", "0 dup, 0 lost"))
    rows.append(("  laptops that failed", str(len(failed)), "0"))
    return rows
