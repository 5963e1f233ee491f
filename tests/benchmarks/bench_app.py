"""The desktop app: cold start on the demo project, and making a claim from a selection."""

from __future__ import annotations

import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

import _installed
from _corpus import article, claim_spans

ROOT = pathlib.Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from PySide6.QtCore import QSettings
    app = QApplication([])
    from factcheck.ui import app as ui_app
    window = ui_app.make_window({project!r}, user="bench", settings=QSettings({ini!r}, QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    window.view.text_edit.viewport().repaint()
    print("ready", flush=True)
    """
)


def cold_start(project: pathlib.Path, tmp: pathlib.Path) -> float:
    script = CHILD.format(root=str(ROOT), project=str(project), ini=str(tmp / "s.ini"))
    env = _installed.env(QT_QPA_PLATFORM="offscreen", FACTCHECK_HOME=str(tmp / "home"))
    t0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    line = child.stdout.readline()
    elapsed = time.perf_counter() - t0
    child.kill()
    child.wait()
    child.stdout.close()
    assert line.strip() == "ready", line
    return elapsed


def run() -> list[tuple[str, str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from factcheck import demo
    from factcheck.core.project import Project
    from factcheck.importers import ImportedArticle
    from factcheck.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = pathlib.Path(tmp_name)
        demo_path = tmp / "demo.factcheck"
        demo.build(demo_path).close()
        starts = [cold_start(demo_path, tmp) for _ in range(3)]
        rows.append(("cold start to a painted window on the demo, without the command line (median of 3)",
                     f"{statistics.median(starts):.2f} s", "<= 0.35 s"))

        text = article()
        big = tmp / "big.factcheck"
        with Project.create(big) as p:
            article_id = p.import_article(ImportedArticle(text=text, title="Big", source_format="text",
                                                          source_name="big.txt", original=b"", mime="text/plain")).created
            version_id = p.current_version(article_id).id
            for s, e in claim_spans(text, 5000):
                p.create_claim(version_id, s, e)
        window = MainWindow(QSettings(str(tmp / "w.ini"), QSettings.Format.IniFormat), "bench")
        window.resize(1400, 900)
        t0 = time.perf_counter()
        window.open_project(big)
        window.show()
        app.processEvents()
        window.view.text_edit.viewport().repaint()
        rows.append(("open a 1 MB article with 5,000 claims in the window", f"{time.perf_counter() - t0:.2f} s", ""))
        times = []
        for i, (s, e) in enumerate(claim_spans(text, 20, seed=11)):
            cursor = window.view.text_edit.textCursor()
            cursor.setPosition(window.view._map.to_utf16(s))
            cursor.setPosition(window.view._map.to_utf16(e), QTextCursor.MoveMode.KeepAnchor)
            window.view.text_edit.setTextCursor(cursor)
            app.processEvents()
            t0 = time.perf_counter()
            window.new_claim_action.trigger()
            window.view.text_edit.viewport().repaint()
            times.append(time.perf_counter() - t0)
        rows.append(("new claim from selection, committed and painted (median of 20)", f"{statistics.median(times) * 1000:.1f} ms", "<= 10 ms"))
        rows.append(("  slowest of 20", f"{max(times) * 1000:.1f} ms", ""))
        switches = []
        for _ in range(3):
            window.open_project(demo_path)
            app.processEvents()
            t0 = time.perf_counter()
            window.open_project(big)
            app.processEvents()
            window.view.text_edit.viewport().repaint()
            switches.append(time.perf_counter() - t0)
        rows.append(("switch project: demo to a 1 MB / 5,000-claim one, shown (median of 3)",
                     f"{statistics.median(switches):.2f} s", "<= 0.5 s"))
        window.close()
    return rows
