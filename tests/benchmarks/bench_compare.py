"""Comparing two versions of a 1 MB article: the word diff in core, and the dialog shown and painted."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from _corpus import article, edit


def run() -> list[tuple[str, str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from factcheck import importers
    from factcheck.core import diffing
    from factcheck.core.project import Project
    from factcheck.ui.dialogs.version_compare import VersionCompareDialog
    from factcheck.ui.session import Session

    app = QApplication.instance() or QApplication([])
    old = article(1_000_000)
    rows = []
    for fraction in (0.01, 0.1):
        new, _ = edit(old, fraction)
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            diff = diffing.word_diff(old, new)
            times.append(time.perf_counter() - t0)
        rows.append((f"word diff, 1 MB, {fraction:.0%} of words edited ({len(diff.changes):,} changes)",
                     f"{statistics.median(times) * 1000:.0f} ms", "well under 1 s"))
    new, _ = edit(old, 0.01)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "compare.factcheck"
        with Project.create(path, user="bench") as p:
            article_id = p.import_article(importers.import_pasted(old, title="Long")).created
            p.add_version(article_id, importers.import_pasted(new))
        project = Project.open(path, user="bench", read_only=True)
        session = Session(project)
        session.stop()
        try:
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                dialog = VersionCompareDialog(session, article_id)
                dialog.resize(1100, 720)
                dialog.grab()  # laid out and painted once
                times.append(time.perf_counter() - t0)
                dialog.deleteLater()
                app.processEvents()
        finally:
            project.close()
    rows.append(("Compare versions dialog on 1 MB, 1% edited: read, diff, show, paint",
                 f"{statistics.median(times) * 1000:.0f} ms", "well under 1 s"))
    return rows
