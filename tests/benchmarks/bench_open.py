"""Opening: the app's cold start on the demo, and a 100,000-claim project in the window (1,000,000 with ``--huge``).

``python tests/benchmarks/bench_open.py [--huge]`` (or through ``run.py``;
``FACTCHECK_BENCH_HUGE=1`` there). Each figure is a child process: the app started as a
person starts it (``factcheck open``, offscreen, ``FACTCHECK_QUIT_WHEN_SHOWN``) for the
cold start; for the large project, the window opened on a copy of ``_scale.build_project``'s
cached file, first on an installation that never verified it (the history, state and files
are checked in full, in the background) and again (only what is new since). Figures are
printed, never asserted.
"""

from __future__ import annotations

import os
import pathlib
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
PAGES = 60  # pages of the review queue read while scrolling

WINDOW = textwrap.dedent(
    """
    import os, resource, statistics, sys, time
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from factcheck.ui.main_window import MainWindow
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
    model = window.review_panel.model
    print(f"ready {{ready:.3f}} {{peak}} {{model.rowCount()}} {{model.count()}}", flush=True)
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


def cold_starts(tmp: pathlib.Path) -> tuple[list[float], list[float]]:
    """(process start to the window shown, to the process ended) for ``STARTS`` starts on the demo."""
    from factcheck import demo

    project = tmp / "demo.factcheck"
    with demo.build(project):
        pass
    env = dict(_env(tmp / "home"), FACTCHECK_QUIT_WHEN_SHOWN="1", FACTCHECK_ONE_APP="0", FACTCHECK_USER="bench")
    shown, ended = [], []
    for i in range(STARTS + 1):
        t0 = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "factcheck", "open", str(project)], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, env=env, text=True)
        line = child.stdout.readline()
        t1 = time.perf_counter()
        child.wait()
        child.stdout.close()
        if i and "window shown" in line:
            shown.append(t1 - t0)
            ended.append(time.perf_counter() - t0)
    return shown, ended


def _window(tmp: pathlib.Path, project: pathlib.Path, home: pathlib.Path) -> dict[str, list[str]]:
    script = WINDOW.format(root=str(ROOT), project=str(project), ini=str(tmp / "settings.ini"), pages=PAGES)
    done = subprocess.run([sys.executable, "-c", script], env=_env(home), capture_output=True, text=True, timeout=3600)
    return {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines() if line.strip()} or \
        {"failed": [(done.stderr.strip().splitlines() or ["?"])[-1][:100]]}


def run(huge: bool | None = None) -> list[tuple[str, str, str]]:
    if huge is None:
        huge = os.environ.get("FACTCHECK_BENCH_HUGE", "") not in ("", "0")
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="factcheck-open-") as tmp_name:
        tmp = pathlib.Path(tmp_name)
        shown, ended = cold_starts(tmp)
        rows.append((f"cold start on the demo to the window shown (median of {len(shown)})",
                     f"{statistics.median(shown):.2f} s (min {min(shown):.2f})", "<= 0.35 s"))
        rows.append(("  the same to the process ended (quit at once)", f"{statistics.median(ended):.2f} s", ""))
        for n_claims, n_articles in SIZES + (HUGE if huge else ()):
            cached = _scale.build_project(n_claims, n_articles)
            size = f"{n_claims:,} claims"
            work = _scale.copy_project(cached, tmp)
            home = tmp / f"home-{n_claims}"
            for label in ("first open on this installation", "next open"):
                found = _window(tmp, work, home)
                if "ready" not in found:
                    rows.append((f"{size}: {label}", "failed: " + " ".join(found.get("failed", ["?"])), ""))
                    continue
                seconds, peak_kb, loaded, count = found["ready"]
                rows.append((f"{size}: {label}: window shown, queue painted",
                             f"{float(seconds):.2f} s, {int(peak_kb) / 1024:,.0f} MB peak", "<= 0.3 s, <= 150 MB"))
                rows.append((f"{size}:   review queue rows read / in the queue", f"{int(loaded):,} / {int(count):,}", ""))
                if "pages" in found:
                    n, median, worst = found["pages"]
                    rows.append((f"{size}:   scrolling the queue: a page read and painted (of {n})",
                                 f"median {float(median):.1f} ms, max {float(worst):.1f} ms", "<= 16 ms"))
                if "checked" in found:
                    after, ok, full, peak_kb = found["checked"]
                    what = "in full (history, state, files)" if full == "True" else "incremental (new events only)"
                    rows.append((f"{size}:   history check {what}, in the background",
                                 f"{float(after):.2f} s after opening, {'passed' if ok == 'True' else 'FAILED'}, "
                                 f"{int(peak_kb) / 1024:,.0f} MB peak", ""))
            work.unlink()
    return rows


if __name__ == "__main__":
    for row in run(huge=True if "--huge" in sys.argv[1:] else None):
        print("  ".join(row))
