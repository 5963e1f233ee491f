"""Upgrading a desk's year to this build's schema, step by step (issue 14).

``python tests/benchmarks/bench_upgrade.py [claims articles]`` (default 100,000 over 100).
The cached project of ``_scale.build_project`` is copied and made to look as factcheck 12
left it (the indexes of migration m013 dropped, the migration forgotten); it is then opened
for writing, as the app and every writing command do, with a ``progress`` that notes when
each step starts. Printed: each step's wall and CPU time (the copy made before the upgrade
and its check, each index, the planner's statistics) and the whole open. The copy of the
file and the backup each take the project's size on disk (7 GB at 1,000,000 claims): both
are deleted at the end. Figures are printed, never asserted; the machine may be shared.
"""

from __future__ import annotations

import os
import pathlib
import sqlite3
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import _scale  # noqa: E402


def downgrade(path: pathlib.Path) -> list[str]:
    """Drop what m013 built and forget it ran: the file as schema 12 left it. Returns the index names."""
    from factcheck.core import migrations

    made = []

    class Recorder:
        def execute(self, sql, *args):
            made.append(sql.split(" ON ")[0].split()[-1])

    class Db:
        conn = Recorder()

    for _ in migrations.m013_paged_lists(Db()):
        pass
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for name in made:
        conn.execute(f"DROP INDEX {name}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm013_paged_lists'")
    conn.execute("COMMIT")
    conn.execute("PRAGMA user_version = 12")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return made


def main(n_claims: int, n_articles: int) -> None:
    from factcheck.core.project import Project

    cached = _scale.build_project(n_claims, n_articles)
    with tempfile.TemporaryDirectory(prefix="bench-upgrade-", dir=os.environ.get("BENCH_TMP")) as tmp:
        os.environ["FACTCHECK_HOME"] = str(pathlib.Path(tmp) / "home")
        path = _scale.copy_project(cached, pathlib.Path(tmp))
        names = downgrade(path)
        size = path.stat().st_size
        steps = ["the copy made first (written, then checked)", *names, "the planner's statistics"]
        marks: list[tuple[int, float, float]] = []

        def progress(done: float, total: int) -> bool:
            if not marks or marks[-1][0] != int(done):  # a step begins (the copy also tells its part done)
                marks.append((int(done), time.perf_counter(), time.process_time()))
            return True

        wall, cpu = time.perf_counter(), time.process_time()
        Project.open(path, progress=progress).close()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{path.name} ({size / 1e9:.1f} GB): {n_claims:,} claims over {n_articles:,} articles, from schema 12")
        for (done, w0, c0), (_, w1, c1) in zip(marks, marks[1:]):
            print(f"  step {done + 1:>2} of {len(steps)}  {steps[done]:<44} wall {w1 - w0:7.2f} s  CPU {c1 - c0:7.2f} s")
        print(f"  the whole open{'':<48} wall {wall:7.2f} s  CPU {cpu:7.2f} s", flush=True)


if __name__ == "__main__":
    claims_arg = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    articles_arg = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    main(claims_arg, articles_arg)
