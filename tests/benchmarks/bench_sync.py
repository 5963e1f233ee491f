"""Sync through a throwaway PostgreSQL on localhost: first sync of 100,000 events, small pushes and pulls, 20 laptops.

The server is started the way the sync tests start theirs (tests/sync/conftest.py). The
project: 1,000 claims on one article, then 99,000 edits (notes, statements, ratings),
100,000 events in all, pushed by the editor and pulled by a checker's empty-handed copy
(the file as it was before any of those edits).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
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
    watcher = pg.watch()
    try:
        pg.init()
        pg.first_start()
        with tempfile.TemporaryDirectory() as tmp:
            return _run(pg, Path(tmp))
    finally:
        pg.destroy()
        watcher.stdin.close()


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


# --- a new laptop's first pull of a project at a desk's scale -----------------------------------------------
#
# ``python tests/benchmarks/bench_sync.py --first-pull 100000 [--runs 3]``: the cached scale project
# (``_scale.build_project``) pushed by an editor to a throwaway PostgreSQL, then pulled ``--runs`` times by a
# new laptop whose file holds only the project's first event. Each step runs in a child process of its own:
# its wall time, CPU time (user + system) and peak memory come from ``os.wait4``'s rusage of that child.

SCALE = {100_000: 100, 1_000_000: 1_000}


def _step(env: dict, name: str, *args: str) -> tuple[dict, float, float, float]:
    """(the step's JSON result, wall s, CPU s, peak MB) of ``name(*args)`` run in a child process."""
    import subprocess

    began = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen([sys.executable, str(Path(__file__)), "--child", name, *args], env=env,
                                 stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - began
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            raise RuntimeError(f"{name} failed ({child.returncode}):\n{err.read().decode()[-3_000:]}")
        result = json.loads(out.read().decode().strip().splitlines()[-1])
    return result, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _seed(scale: Path, seed: Path) -> None:
    """A new laptop's file: the project's first event (its identity) and nothing else."""
    import sqlite3

    with Project.create(seed, user="ana"):
        pass
    source = sqlite3.connect(f"{scale.resolve().as_uri()}?mode=ro", uri=True)
    first = source.execute("SELECT seq, at, actor, action, entity, entity_id, data, prev_hash, hash, id, parents "
                           "FROM events WHERE seq = 1").fetchone()
    source.close()
    conn = sqlite3.connect(seed)
    with conn:
        conn.execute("DELETE FROM events")
        conn.execute("INSERT INTO events (seq, at, actor, action, entity, entity_id, data, prev_hash, hash, id, "
                     "parents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", first)
    conn.close()


def first_pull(n_claims: int, runs: int) -> list[tuple[str, str, str]]:
    import _scale

    scale = _scale.build_project(n_claims, SCALE[n_claims])
    pg = PgServer(find_bindir())
    rows = []
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-pull-") as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ, FACTCHECK_HOME=str(tmp / "home"), PGPASSFILE=str(pg.base / "no-pgpass"),
                   PYTHONPATH=str(Path(__file__).resolve().parents[2]))
        watcher = pg.watch()
        try:
            pg.init()
            pg.first_start()
            with Project.open(scale, read_only=True) as p:
                project_id = events.project_id(p.store)
            with psycopg.connect(pg.superuser_dsn("postgres"), autocommit=True) as conn:
                conn.execute("CREATE DATABASE desk")
            with psycopg.connect(pg.superuser_dsn("desk"), autocommit=True) as conn:
                server.init(conn)
                for name in ("ben", "ana"):
                    server.add_user(conn, name, "pw")
                    server.grant(conn, project_id, name, "editor" if name == "ben" else "checker", "desk")
            handed = json.dumps(pg.handed())
            pushed = _scale.copy_project(scale, tmp)
            result, wall, cpu, peak = _step(env, "_push_scale", handed, str(pushed))
            rows.append((f"{n_claims:,} claims: first push ({result['events']:,} events)",
                         f"{wall:.0f} s wall, {cpu:.0f} s CPU, {peak:.0f} MB", ""))
            print(*rows[-1], sep="  |  ", file=sys.stderr, flush=True)
            pushed.unlink()
            pulls = []
            for run in range(runs):
                seed = tmp / f"new-laptop-{run}.factcheck"
                _seed(scale, seed)
                pulls.append(_step(env, "_pull_scale", handed, str(seed)))
                print(f"pull {run + 1}: {pulls[-1][1]:.0f} s wall, {pulls[-1][2]:.0f} s CPU, {pulls[-1][3]:.0f} MB, "
                      f"{pulls[-1][0]}", file=sys.stderr, flush=True)
                if run < runs - 1:
                    seed.unlink()
            walls = sorted(p[1] for p in pulls)
            cpus = sorted(p[2] for p in pulls)
            peaks = sorted(p[3] for p in pulls)
            syncs = sorted(p[0]["seconds"] for p in pulls)
            sync_peaks = sorted(p[0]["peak_mb"] for p in pulls)
            rows.append((f"{n_claims:,} claims: first pull of a new laptop ({pulls[0][0]['pulled']:,} events, "
                         f"median of {runs}): the sync", f"{syncs[runs // 2]:.0f} s, {sync_peaks[runs // 2]} MB "
                         f"(max {sync_peaks[-1]} MB)", "<= 150 MB"))
            rows.append(("  the whole process (closing the project indexes what came for search)",
                         f"{walls[runs // 2]:.0f} s wall, {cpus[runs // 2]:.0f} s CPU, {peaks[runs // 2]:.0f} MB "
                         f"(max {peaks[-1]:.0f} MB)", "<= 150 MB"))
            checked, wall, cpu, peak = _step(env, "_verify_scale", str(seed))
            rows.append(("  the pulled copy: verify, and its claims", f"{checked['ok']}, {checked['claims']:,} "
                         f"claims ({wall:.0f} s)", "True"))
        finally:
            pg.destroy()
            watcher.stdin.close()
    return rows


def _push_scale(handed: str, path: str) -> dict:
    pg = PgServer.taken(json.loads(handed))
    with Project.open(path, user="ben") as p, client.connect(pg.dsn("desk", "ben", "pw")) as conn:
        client.link(p, pg.dsn("desk", "ben", "pw"))
        return {"events": client.sync(conn, p).pushed}


def _pull_scale(handed: str, path: str) -> dict:
    """The sync, timed and its peak memory taken before the project closes (closing indexes for search what came)."""
    import resource

    pg = PgServer.taken(json.loads(handed))
    with Project.open(path, user="ana") as p, client.connect(pg.dsn("desk", "ana", "pw")) as conn:
        client.link(p, pg.dsn("desk", "ana", "pw"))
        began = time.perf_counter()
        pulled = client.sync(conn, p).pulled
        return {"pulled": pulled, "seconds": round(time.perf_counter() - began, 1),
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def _verify_scale(path: str) -> dict:
    with Project.open(path, user="ana", read_only=True) as p:
        return {"ok": p.verify().ok, "claims": p.store.read_one("SELECT count(*) FROM claims")[0]}


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(globals()[argv[1]](*argv[2:])))
        return
    if argv[:1] == ["--first-pull"]:
        runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
        rows = first_pull(int(argv[1]), runs)
    else:
        rows = run()
    for label, value, target in rows:
        print(f"{label}  |  {value}  |  {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
