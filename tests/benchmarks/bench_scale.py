"""A desk's year in one project: issue 14's table at 100,000 claims (and 1,000,000 with ``--huge``).

``python tests/benchmarks/bench_scale.py [--huge] [--no-sync]`` (or through ``run.py``;
``FACTCHECK_BENCH_HUGE=1`` there). The projects come from ``_scale.build_project``: built
once with direct SQL and a valid event chain, then cached (see its docstring).
For each size: opening it in the app (``open_project`` to the window shown and the review
queue painted; the daily backup already made, and once as the day's first open, when the
app makes it in the background with the history check), ``factcheck claims`` (first row, all), ``check --status draft``, CSV and HTML
export of every claim, ``verify``, a merge of two copies that each changed 1,000 claims
(and a hand-off of one copy's changes since they parted, written and merged into the other),
and sync through a throwaway PostgreSQL (the first push of the whole history, then a
sync that sends one change and one that receives it). Every figure is wall time of a
child process with its peak memory (``os.wait4``'s rusage of that child). A child's peak
counts what it inherited at fork (Linux), so this process never reads a project itself:
builds, edits and sync run in children too, and it stays at about 40 MB. Figures are
printed, never asserted.
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import _installed  # noqa: E402
import _scale  # noqa: E402

SIZES = ((100_000, 100),)
HUGE = ((1_000_000, 1_000),)
ALL_STATUSES = ("draft", "in_review", "changes_requested", "approved", "published")
EDITS = 1_000
#: ``factcheck verify`` runs at 100,000 claims (their median time is reported).
VERIFY_RUNS = 3
#: Runs of each export at 100,000 claims (their median wall and CPU times are reported); one at a million.
EXPORT_RUNS = 3
#: Longest a single command may take before it is reported as not finished.
TIMEOUT_S = 3_600
#: Where a build's own daily backups go (opening a project for writing makes one).
HOME_FOR_BUILDS = pathlib.Path(tempfile.gettempdir()) / "factcheck-scale-builds"

APP = textwrap.dedent(
    """
    import os, resource, sys, time
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from factcheck.ui import app as factcheck_app
    from factcheck.ui.main_window import MainWindow
    factcheck_app.share_python()  # as the app does
    window = MainWindow(QSettings({ini!r}, QSettings.Format.IniFormat), "eva")
    window.resize(1400, 900)
    t0 = time.perf_counter()
    window.open_project({project!r})
    window.show()
    window.show_review_queue()
    app.processEvents()
    window.review_panel.table.viewport().repaint()
    window.view.text_edit.viewport().repaint()
    ready = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"ready {{ready:.3f}} {{peak}} {{window.review_panel.model.rowCount()}}", flush=True)
    window._wait_for_history_check()
    app.processEvents()
    verdict = window.history_verdict
    print(f"checked {{time.perf_counter() - t0:.3f}} {{verdict is not None and verdict.ok}}", flush=True)
    os._exit(0)
    """
)


class Run:
    """One child process: wall time, time to a chosen line of output, peak memory, exit code."""

    def __init__(self, args: list[str], env: dict, *, marks=(), timeout: float = TIMEOUT_S):
        self.marks: dict[str, float] = {}
        self.lines: list[str] = []
        with tempfile.TemporaryFile() as err:
            t0 = time.perf_counter()
            child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=err, env=env, text=True, bufsize=1)
            deadline = t0 + timeout
            for line in child.stdout:
                now = time.perf_counter() - t0
                for name, test in marks:
                    if name not in self.marks and test(line, len(self.lines)):
                        self.marks[name] = now
                if len(self.lines) < 50:
                    self.lines.append(line.rstrip("\n"))
                if now + t0 > deadline:
                    child.kill()
                    break
            child.stdout.close()
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            self.seconds = time.perf_counter() - t0
            self.code = child.returncode
            self.peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
            self.cpu_seconds = usage.ru_utime + usage.ru_stime  # what a shared machine slows down least
            err.seek(0)
            self.stderr = err.read().decode("utf-8", "replace")[-2_000:]
        self.timed_out = self.seconds >= timeout


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "factcheck", *args]


def _is_row(line: str, index: int) -> bool:
    """A line of the claims table that is a claim: after the header and any rule under it."""
    stripped = line.strip()
    return index >= 1 and bool(stripped) and set(stripped) - set("-─═|+ ")


def _mb(mb: float) -> str:
    return f"{mb:,.0f} MB"


def _env(home: pathlib.Path) -> dict:
    return _installed.env(FACTCHECK_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))


def run(huge: bool | None = None, sync: bool = True) -> list[tuple[str, str, str]]:
    if huge is None:
        huge = os.environ.get("FACTCHECK_BENCH_HUGE", "") not in ("", "0")
    rows: list[tuple[str, str, str]] = []
    for n_claims, n_articles in SIZES + (HUGE if huge else ()):
        t0 = time.perf_counter()
        HOME_FOR_BUILDS.mkdir(exist_ok=True)
        build = Run([sys.executable, str(HERE / "_scale.py"), str(n_claims), str(n_articles)], _env(HOME_FOR_BUILDS))
        if build.code != 0:
            rows.append((f"{n_claims:,} claims: the project", "could not be built: " + build.stderr[-200:], ""))
            continue
        path = pathlib.Path(build.lines[-1])
        built = time.perf_counter() - t0
        size = f"{n_claims:,} claims"
        rows.append((f"{size}: the project ({n_articles:,} articles)",
                     f"{path.stat().st_size / 1e6:,.0f} MB" + (f", built in {built:.0f} s" if built > 5 else ", cached"),
                     ""))
        with tempfile.TemporaryDirectory(prefix="factcheck-scale-") as tmp_name:
            rows += _measure(pathlib.Path(tmp_name), path, size, n_claims, sync)
    return rows


def _per(n_claims: int, seconds_per_100k: float) -> str:
    return f"<= {seconds_per_100k * n_claims / 100_000:g} s"


def _measure(tmp: pathlib.Path, cached: pathlib.Path, size: str, n_claims: int, sync: bool) -> list[tuple]:
    rows = []
    home = tmp / "home"
    home.mkdir()
    env = _env(home)
    (tmp / "work").mkdir()
    work = _scale.copy_project(cached, tmp / "work")

    def app(label: str) -> None:
        script = APP.format(root=str(ROOT), project=str(work), ini=str(tmp / "settings.ini"))
        done = Run([sys.executable, "-c", script], env, marks=(("ready", lambda line, _: line.startswith("ready")),))
        ready = [line for line in done.lines if line.startswith("ready")]
        checked = [line for line in done.lines if line.startswith("checked")]
        if not ready:
            rows.append((f"{size}: {label}", "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:100], ""))
            return
        _, seconds, peak_kb, queue = ready[0].split()
        rows.append((f"{size}: {label}, window shown and review queue painted",
                     f"{float(seconds):.2f} s, {_mb(int(peak_kb) / 1024)}", "<= 0.3 s, <= 150 MB"))
        rows.append((f"{size}:   the same from a cold start (process start to painted)", f"{done.marks['ready']:.2f} s", ""))
        if checked:
            _, after, ok = checked[0].split()
            rows.append((f"{size}:   history check done in the background ({'passed' if ok == 'True' else 'FAILED'})",
                         f"{float(after):.2f} s, {_mb(done.peak_mb)} peak with it", ""))

    app("first open of the day (daily backup in the background)")
    app("open in the app")

    claims = Run(_cli("claims", str(cached)), env, marks=(("row", _is_row),))
    rows.append((f"{size}: factcheck claims: first row / all",
                 f"{claims.marks.get('row', float('nan')):.2f} s / {claims.seconds:.2f} s, {_mb(claims.peak_mb)}",
                 "<= 0.1 s first row, <= 150 MB"))
    check = Run(_cli("check", str(cached), "--status", "draft"), env)
    rows.append((f"{size}: factcheck check --status draft", f"{check.seconds:.2f} s, {_mb(check.peak_mb)}",
                 _per(n_claims, 1) + ", <= 150 MB"))
    statuses = [arg for s in ALL_STATUSES for arg in ("--status", s)]
    for fmt, label, target in (("csv", "CSV export of every claim", 1), ("html", "HTML report of every claim", 3)):
        out = tmp / f"all.{fmt}"
        runs = []
        for _ in range(EXPORT_RUNS if n_claims <= 100_000 else 1):
            runs.append(Run(_cli("export", str(cached), "-f", fmt, "-o", str(out), *statuses), env))
            written = f", {out.stat().st_size / 1e6:,.0f} MB written" if out.exists() else ", nothing written"
            out.unlink(missing_ok=True)
        wall = sorted(done.seconds for done in runs)[len(runs) // 2]
        cpu = sorted(done.cpu_seconds for done in runs)[len(runs) // 2]
        failed = next((done.code for done in runs if done.code != 0), 0)
        rows.append((f"{size}: {label}" + (f" (median of {len(runs)})" if len(runs) > 1 else ""),
                     f"{wall:.2f} s ({cpu:.2f} s CPU), {_mb(max(done.peak_mb for done in runs))}{written}"
                     + (f" (exit {failed})" if failed else ""), _per(n_claims, target) + ", <= 150 MB"))
    # Three runs at 100,000 claims (the machine may be shared: the median), one at a million (minutes each).
    verifies = [Run(_cli("verify", str(cached)), env) for _ in range(VERIFY_RUNS if n_claims <= 100_000 else 1)]
    verify = sorted(verifies, key=lambda done: done.seconds)[len(verifies) // 2]
    rows.append((f"{size}: factcheck verify (the whole chain and state"
                 + (f", median of {len(verifies)})" if len(verifies) > 1 else ")"),
                 f"{verify.seconds:.2f} s, {_mb(max(done.peak_mb for done in verifies))}"
                 + ("" if verify.code == 0 else f" ({(verify.lines or ['?'])[-1][:60]})"), "<= 150 MB"))
    rows += _merge(tmp, work, size, env)
    if sync:
        rows += _sync(tmp, work, size, env)
    else:
        rows.append((f"{size}: sync", "skipped (--no-sync)", ""))
    return rows


def _edit(path: pathlib.Path, user: str, start: int) -> None:
    """``EDITS`` claims' notes changed in one transaction, from the ``start``-th claim on."""
    from factcheck.core.project import Project

    with Project.open(path, user=user) as p:
        ids = [r[0] for r in p.store.read("SELECT id FROM claims ORDER BY rowid LIMIT ? OFFSET ?", (EDITS, start))]
        with p.batch():
            for claim_id in ids:
                p.update_claim(claim_id, notes=f"Revisado por {user} ✓")


def _child(env: dict, name: str, *args: str) -> Run:
    """``name(*args)`` of this module in a child process (its rows, if any, as JSON on its last line)."""
    return Run([sys.executable, str(pathlib.Path(__file__)), "--child", name, *args], env)


def _merge(tmp: pathlib.Path, work: pathlib.Path, size: str, env: dict) -> list[tuple]:
    """Two copies that each changed ``EDITS`` claims merged; then a hand-off of everything ana's copy did since they
    parted (her changes, ben's, the merge) written, and merged into ben's copy (which holds some of it already)."""
    (tmp / "theirs").mkdir()
    theirs = _scale.copy_project(work, tmp / "theirs")
    conn = sqlite3.connect(f"{work.resolve().as_uri()}?mode=ro", uri=True)  # one row: where the copies part
    parted = conn.execute("SELECT id FROM events WHERE seq = (SELECT max(seq) FROM events)").fetchone()[0]
    conn.close()
    for path, user, start in ((work, "ana", 0), (theirs, "ben", EDITS)):
        edited = _child(env, "_edit", str(path), user, str(start))
        if edited.code != 0:
            return [(f"{size}: merge", "the edits failed: " + edited.stderr[-200:], "")]
    rows = []
    handed = tmp / "theirs" / "since-parting.factcheck-changes"
    steps = (("merge two copies that each changed {n:,} claims", ("merge", str(work), str(theirs), "--user", "ana")),
             ("  a hand-off of ana's copy since they parted ({n:,} claims each side and the merge), written",
              ("handoff", str(work), "-o", str(handed), "--since", parted, "--user", "ana")),
             ("  that hand-off merged into ben's copy", ("merge", str(theirs), str(handed), "--user", "ben")))
    for label, args in steps:
        done = Run(_cli(*args), env)
        result = f"{done.seconds:.1f} s, {_mb(done.peak_mb)}"
        if args[0] == "handoff" and handed.exists():
            result += f", {handed.stat().st_size / 1e6:.1f} MB"
        if done.code != 0:
            result += f" (exit {done.code}: {(done.stderr.strip().splitlines() or ['?'])[-1][:80]})"
        rows.append((f"{size}: {label.format(n=EDITS)}", result, "<= 150 MB"))
    theirs.unlink()
    return rows


def _sync(tmp: pathlib.Path, work: pathlib.Path, size: str, env: dict) -> list[tuple]:
    """Sync through a throwaway PostgreSQL, each step a process of its own (its time and peak memory).

    The first push of the whole history (in batches of ``client.BATCH`` events), then a
    sync that sends one change and one that receives it.
    """
    started = _child(env, "_sync_server", str(work))
    try:
        handed = json.loads(started.lines[-1])
    except (IndexError, ValueError):
        return [(f"{size}: sync", "failed: " + (started.stderr.strip().splitlines() or ["?"])[-1][:100], "")]
    if "skipped" in handed:
        return [(f"{size}: sync", f"skipped: {handed['skipped']}", "")]
    rows = []
    try:
        for step, args in (("_sync_push", (str(work),)), ("_sync_one", (str(tmp), str(work)))):
            done = _child(env, step, json.dumps(handed), *args)
            try:
                found = [tuple(row) for row in json.loads(done.lines[-1])]
            except (IndexError, ValueError):
                rows.append((f"{size}: sync ({step[6:]})",
                             "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:100], ""))
                break
            rows += [(f"{size}: {label}", value, goal) for label, value, goal in found]
            rows.append((f"{size}:   that process's peak memory", _mb(done.peak_mb), "<= 150 MB"))
    finally:
        _child(env, "_sync_stop", json.dumps(handed))
    return rows


def _sync_server(work: str) -> dict:
    """Start a PostgreSQL with factcheck's store and two editors on the project; what the other steps need of it."""
    try:
        import psycopg

        from factcheck.core import events
        from factcheck.core.project import Project
        from factcheck.sync import server
        from tests.sync.conftest import PgServer, find_bindir

        bindir = find_bindir()
    except BaseException as exc:  # noqa: BLE001 - pytest.fail (no PostgreSQL) is a BaseException
        return {"skipped": str(exc).splitlines()[0][:80]}
    with Project.open(work) as p:
        project_id = events.project_id(p.store)
    pg = PgServer(bindir)
    os.environ["PGPASSFILE"] = str(pg.base / "no-pgpass")
    try:
        pg.init()
        pg.first_start()
        with psycopg.connect(pg.superuser_dsn("postgres"), autocommit=True) as conn:
            conn.execute("CREATE DATABASE desk")
        with psycopg.connect(pg.superuser_dsn("desk"), autocommit=True) as conn:
            server.init(conn)
            for name in ("ana", "ben"):
                server.add_user(conn, name, "pw")
                server.grant(conn, project_id, name, "editor", "desk")
    except BaseException:
        pg.destroy()
        raise
    return pg.handed()


def _taken(handed: str):
    from tests.sync.conftest import PgServer

    pg = PgServer.taken(json.loads(handed))
    os.environ["PGPASSFILE"] = str(pg.base / "no-pgpass")
    return pg


def _sync_push(handed: str, work: str) -> list[tuple]:
    """The first push of the whole history, by an editor."""
    from factcheck.core.project import Project
    from factcheck.sync import client

    pg = _taken(handed)
    with Project.open(work, user="ana") as p, client.connect(pg.dsn("desk", "ana", "pw")) as conn:
        n_events = p.store.read_one("SELECT count(*) FROM events")[0]
        client.link(p, pg.dsn("desk", "ana", "pw"))
        t0 = time.perf_counter()
        pushed = client.sync(conn, p).pushed
        seconds = time.perf_counter() - t0
    return [(f"sync: first push of the whole history ({pushed:,} of {n_events:,} events, batches of "
             f"{client.BATCH:,})", f"{seconds:.1f} s", "")]


def _sync_one(handed: str, tmp: str, work: str) -> list[tuple]:
    """One change sent by one laptop and received by another, up to date (its copy of the cursor came along)."""
    from factcheck.core.project import Project
    from factcheck.sync import client

    pg = _taken(handed)
    ben_path = pathlib.Path(tmp) / "ben.factcheck"
    shutil.copyfile(work, ben_path)
    rows = []
    with Project.open(ben_path, user="ben") as ben, client.connect(pg.dsn("desk", "ben", "pw")) as ben_conn, \
            Project.open(work, user="ana") as ana, client.connect(pg.dsn("desk", "ana", "pw")) as ana_conn:
        claim_id = ana.store.read_one("SELECT id FROM claims ORDER BY rowid LIMIT 1")[0]
        ana.update_claim(claim_id, statement="Una frase nueva 🙂")
        t0 = time.perf_counter()
        client.sync(ana_conn, ana)
        rows.append(("sync sending one change", f"{(time.perf_counter() - t0) * 1000:.0f} ms", ""))
        t0 = time.perf_counter()
        pulled = client.sync(ben_conn, ben).pulled
        rows.append((f"sync receiving one change ({pulled} event)", f"{(time.perf_counter() - t0) * 1000:.0f} ms", ""))
    ben_path.unlink()
    return rows


def _sync_stop(handed: str) -> None:
    _taken(handed).destroy()


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:  # one step of the benchmark in a process of its own (see Run)
        name, args = argv[1], argv[2:]
        if name == "_edit":
            _edit(pathlib.Path(args[0]), args[1], int(args[2]))
        elif name in ("_sync_server", "_sync_push", "_sync_one", "_sync_stop"):
            print(json.dumps(globals()[name](*args)))
        return
    rows = run(huge="--huge" in argv, sync="--no-sync" not in argv)
    width = max(len(r[0]) for r in rows)
    vwidth = max(len(r[1]) for r in rows)
    print(f"{'figure'.ljust(width)}  {'measured'.ljust(vwidth)}  goal")
    print(f"{'-' * width}  {'-' * vwidth}  ----")
    for label, value, target in rows:
        print(f"{label.ljust(width)}  {value.ljust(vwidth)}  {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
