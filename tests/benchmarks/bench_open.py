"""Opening: the app's cold start on the demo, and a 100,000-claim project in the window (1,000,000 with ``--huge``).

``python tests/benchmarks/bench_open.py [--huge]`` (or through ``run.py``;
``FACTCHECK_BENCH_HUGE=1`` there). Each figure is a child process: the app started as a
person starts it (``factcheck open``, offscreen, ``FACTCHECK_QUIT_WHEN_SHOWN``: until the window
has painted) for the cold start, with its CPU time then (read from ``/proc``, on Linux); for the large project, the window opened on a copy of ``_scale.build_project``'s
cached file, first on installations that never verified it (the history, state and files
are then checked in full, in the background, and the day's backup made) and then again
(only what is new since). Each open is timed step by step (the file, each view's first
queries, the first paint), and each figure is the median of several opens; the machine
these run on is shared, so the spread is printed too. Figures are printed, never asserted.
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import _scale  # noqa: E402

SIZES = ((100_000, 100),)
HUGE = ((1_000_000, 1_000),)
STARTS = 7  # cold starts measured (after one not counted)
FIRST_OPENS = 3  # opens on an installation that never verified the project (the last waits for its check)
NEXT_OPENS = 5  # opens after that (the last waits for its check)
PAGES = 60  # pages of the review queue read while scrolling

#: What an open is made of, each timed on the window's thread: (label, module, class or None, function).
#: A name the code no longer has is left out of the breakdown.
STEPS = (
    ("the file opened (Project.open)", "factcheck.core.project", "Project", "open"),
    ("the article view made", "factcheck.ui.article_view", "ArticleView", "__init__"),
    ("the claim panel made", "factcheck.ui.claim_panel", "ClaimPanel", "__init__"),
    ("the verdict library told", "factcheck.ui.similar_claims", "LibraryService", "follow"),
    ("the review queue: its counts and first page", "factcheck.ui.review_panel", "ReviewPanel", "__init__"),
    ("the article list", "factcheck.ui.main_window", "MainWindow", "_reload_articles"),
    ("the first article, its text and claims", "factcheck.ui.main_window", "MainWindow", "_show_article"),
)

WINDOW = textwrap.dedent(
    """
    import functools, importlib, json, os, resource, statistics, sys, threading, time
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from factcheck.ui import app as factcheck_app
    from factcheck.ui.main_window import MainWindow
    factcheck_app.share_python()  # as the app does
    steps = {{}}

    def timed(label, module, owner, name):
        try:
            where = importlib.import_module(module)
            where = getattr(where, owner) if owner else where
            inner = getattr(where, name)
        except (ImportError, AttributeError):
            return

        @functools.wraps(inner)
        def wrapper(*args, **kwargs):
            if threading.current_thread() is not threading.main_thread():  # the history check's own open
                return inner(*args, **kwargs)
            t = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                steps[label] = steps.get(label, 0.0) + time.perf_counter() - t
        setattr(where, name, wrapper)

    for step in {steps!r}:
        timed(*step)
    window = MainWindow(QSettings({ini!r}, QSettings.Format.IniFormat), "eva")
    window.resize(1400, 900)
    t0, cpu0 = time.perf_counter(), time.thread_time()
    window.open_project({project!r})
    t1 = time.perf_counter()
    window.show()
    window.show_review_queue()
    t2 = time.perf_counter()
    app.processEvents()
    window.review_panel.table.viewport().repaint()
    window.view.text_edit.viewport().repaint()
    ready, cpu = time.perf_counter() - t0, time.thread_time() - cpu0
    steps["the rest of open_project"] = t1 - t0 - sum(steps.values())
    steps["shown"] = t2 - t1
    steps["the first paint"] = ready - (t2 - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    model = window.review_panel.model
    print(f"ready {{ready:.3f}} {{peak}} {{model.rowCount()}} {{model.count()}} {{cpu:.3f}}", flush=True)
    print("steps " + json.dumps(steps), flush=True)
    pages = []
    for _ in range({pages}):  # scrolling on: each page read and painted
        if not model.canFetchMore():
            break
        t1 = time.perf_counter()
        model.fetchMore()
        window.review_panel.table.viewport().repaint()
        pages.append(time.perf_counter() - t1)
    if pages:
        print(f"pages {{len(pages)}} {{statistics.median(pages) * 1000:.2f}} {{max(pages) * 1000:.2f}}", flush=True)
    if {wait!r}:
        window._wait_for_history_check()
        app.processEvents()
        verdict = window.history_verdict
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"checked {{time.perf_counter() - t0:.3f}} {{verdict is not None and verdict.ok}} "
              f"{{verdict is not None and verdict.entities > 0}} {{peak}}", flush=True)
    os._exit(0)
    """
)


def _env(home: pathlib.Path) -> dict:
    env = dict(os.environ, FACTCHECK_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               PYTHONPYCACHEPREFIX=str(home.parent / "pycache"))  # bytecode kept outside the checkout
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: the bytecode is there after the first start
    return env


def _cpu_seconds(pid: int) -> float | None:
    """A running process's CPU time so far (user and system), from ``/proc``; None where there is none."""
    try:
        fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cold_starts(tmp: pathlib.Path) -> tuple[list[float], list[float], list[float]]:
    """(process start to the window painted, its CPU time then, to the process ended) for ``STARTS`` starts on the demo."""
    from factcheck import demo

    project = tmp / "demo.factcheck"
    with demo.build(project):
        pass
    env = dict(_env(tmp / "home"), FACTCHECK_QUIT_WHEN_SHOWN="1", FACTCHECK_ONE_APP="0", FACTCHECK_USER="bench")
    shown, cpu, ended = [], [], []
    for i in range(STARTS + 1):
        t0 = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "factcheck", "open", str(project)], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, env=env, text=True)
        line = child.stdout.readline()
        t1 = time.perf_counter()
        used = _cpu_seconds(child.pid)  # read as the line comes: the CPU time to the paint (and the quit's start)
        child.wait()
        child.stdout.close()
        if i and "window shown" in line:
            shown.append(t1 - t0)
            ended.append(time.perf_counter() - t0)
            if used is not None:
                cpu.append(used)
    return shown, cpu, ended


def _window(tmp: pathlib.Path, project: pathlib.Path, home: pathlib.Path, wait: bool) -> dict[str, list[str]]:
    script = WINDOW.format(root=str(ROOT), project=str(project), ini=str(tmp / "settings.ini"), pages=PAGES,
                           steps=STEPS, wait=wait)
    done = subprocess.run([sys.executable, "-c", script], env=_env(home), capture_output=True, text=True, timeout=3600)
    found: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        key, _, rest = line.partition(" ")
        if key:
            found[key] = [rest] if key == "steps" else rest.split()
    return found or {"failed": [(done.stderr.strip().splitlines() or ["?"])[-1][:100]]}


def _spread(values: list[float], unit: str = "s", scale: float = 1.0, digits: int = 2) -> str:
    """The median, and the lowest and highest when there are several."""
    median = f"{statistics.median(values) * scale:.{digits}f} {unit}"
    if len(values) < 2:
        return median
    return f"{median} (median of {len(values)}: {min(values) * scale:.{digits}f}–{max(values) * scale:.{digits}f})"


def _opens(tmp: pathlib.Path, work: pathlib.Path, homes: list[pathlib.Path], size: str, label: str) -> list[tuple]:
    """Open ``work`` once per home (the last waits for the history check) and sum the figures up as rows."""
    found = [_window(tmp, work, home, wait=i == len(homes) - 1) for i, home in enumerate(homes)]
    opened = [f for f in found if "ready" in f]
    if not opened:
        return [(f"{size}: {label}", "failed: " + " ".join(found[-1].get("failed", ["?"])), "")]
    ready = [float(f["ready"][0]) for f in opened]
    peaks = [int(f["ready"][1]) / 1024 for f in opened]
    loaded, count = opened[-1]["ready"][2:4]
    cpu = [float(f["ready"][4]) for f in opened]
    rows = [(f"{size}: {label}: window shown, queue painted", _spread(ready), "<= 0.3 s"),
            (f"{size}:   the window's thread's CPU time to then (the rest: waiting for a core, the disk)", _spread(cpu), ""),
            (f"{size}:   peak memory then", f"{statistics.median(peaks):,.0f} MB", "<= 150 MB")]
    steps = [json.loads(f["steps"][0]) for f in opened if "steps" in f]
    for name in dict.fromkeys(name for s in steps for name in s):
        values = [s[name] for s in steps if name in s]
        rows.append((f"{size}:     {name}", _spread(values, "ms", 1000, 0), ""))
    rows.append((f"{size}:   review queue rows read / in the queue", f"{int(loaded):,} / {int(count):,}", ""))
    pages = [f["pages"] for f in opened if "pages" in f]
    if pages:
        rows.append((f"{size}:   scrolling the queue: a page read and painted",
                     f"median {statistics.median(float(p[1]) for p in pages):.1f} ms, "
                     f"max {max(float(p[2]) for p in pages):.1f} ms", "<= 16 ms"))
    if "checked" in found[-1]:
        after, ok, full, peak_kb = found[-1]["checked"]
        what = "in full (history, state, files)" if full == "True" else "incremental (new events only)"
        rows.append((f"{size}:   history check {what}, in the background",
                     f"{float(after):.2f} s after opening, {'passed' if ok == 'True' else 'FAILED'}, "
                     f"{int(peak_kb) / 1024:,.0f} MB peak", ""))
    return rows


def _cached(n_claims: int, n_articles: int) -> pathlib.Path:
    """``_scale``'s project, built (when not cached) in a child: a child's peak memory counts its parent's at fork."""
    done = subprocess.run([sys.executable, str(HERE / "_scale.py"), str(n_claims), str(n_articles)], check=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True)
    return pathlib.Path(done.stdout.strip().splitlines()[-1])


def run(huge: bool | None = None) -> list[tuple[str, str, str]]:
    if huge is None:
        huge = os.environ.get("FACTCHECK_BENCH_HUGE", "") not in ("", "0")
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="factcheck-open-") as tmp_name:
        tmp = pathlib.Path(tmp_name)
        shown, cpu, ended = cold_starts(tmp)
        rows.append(("cold start on the demo to the window painted", _spread(shown), "<= 0.35 s"))
        if cpu:
            rows.append(("  its CPU time then (the rest: waiting for a core, the disk)", _spread(cpu), ""))
        rows.append(("  the same to the process ended (quit at once)", _spread(ended), ""))
        for n_claims, n_articles in SIZES + (HUGE if huge else ()):
            cached = _cached(n_claims, n_articles)
            size = f"{n_claims:,} claims"
            work = _scale.copy_project(cached, tmp)
            first = [tmp / f"home-{n_claims}-{i}" for i in range(FIRST_OPENS)]
            rows += _opens(tmp, work, first, size, "first open on this installation")
            for home in first[:-1]:  # their day's backups, half made: a copy of the project each
                shutil.rmtree(home, ignore_errors=True)
            rows += _opens(tmp, work, [first[-1]] * NEXT_OPENS, size, "next open")
            shutil.rmtree(first[-1], ignore_errors=True)
            work.unlink()
    return rows


if __name__ == "__main__":
    for row in run(huge=True if "--huge" in sys.argv[1:] else None):
        print("  ".join(row))
