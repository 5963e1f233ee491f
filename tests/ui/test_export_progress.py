"""File > Export runs on a worker with a connection of its own: the window keeps working, a progress
dialog with Cancel appears when it takes a while, and a cancel or an error leaves no file."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from factcheck import exporters
from factcheck.core import model
from factcheck.ui import long_work
from factcheck.ui.dialogs import export_dialog
from factcheck.ui.dialogs.export_dialog import ExportDialog, ExportedMessageBox

from ..bulk import STATUSES, add_articles

EVERY_STATUS = exporters.Selection(statuses=model.STATUSES)


@pytest.fixture
def window(qtbot):
    w = QWidget()
    qtbot.add_widget(w)
    w.show()
    return w


@pytest.fixture
def desk(session):
    add_articles(session.project, 2, 20, statuses=STATUSES)
    return session


@pytest.fixture
def held(monkeypatch):
    """The worker stops at its first progress report until the test lets it go (or cancels)."""
    go = threading.Event()
    threads = []
    real = export_dialog.ExportWorker.progress

    def waiting(self, done, total):
        threads.append(QThread.currentThread())
        go.wait(10)
        return real(self, done, total)

    monkeypatch.setattr(export_dialog.ExportWorker, "progress", waiting)
    monkeypatch.setattr(long_work, "SHOW_AFTER_MS", 0)
    go.threads = threads
    return go


def exporting(monkeypatch, fmt, path, selection=EVERY_STATUS):
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, s, p=None: (fmt, selection, str(path))))
    told = []
    monkeypatch.setattr(ExportedMessageBox, "ask", classmethod(lambda cls, parent, done: told.append(done)))
    return told


def progress_dialog(window) -> QProgressDialog | None:
    found = window.findChildren(QProgressDialog)
    return found[0] if found and found[0].isVisible() else None


@pytest.mark.parametrize("fmt", ["csv", "html", "pdf"])
def test_the_export_runs_on_a_worker_while_the_window_keeps_working(monkeypatch, qtbot, window, desk, held, tmp_path,
                                                                  fmt):
    target = tmp_path / f"report.{fmt}"
    told = exporting(monkeypatch, fmt, target)
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    seen = []

    def look():  # the worker is held: the window's own timers still run, and a dialog shows progress
        seen.append((len(ticks), progress_dialog(window) is not None))
        if len(ticks) < 5:
            QTimer.singleShot(20, look)
        else:
            held.set()

    QTimer.singleShot(20, look)
    assert export_dialog.run_export(desk, window) == str(target)
    timer.stop()
    assert seen[-1][0] >= 5 and seen[-1][1]
    assert held.threads and all(t is not window.thread() for t in held.threads)
    assert target.stat().st_size > 0 and told and told[0].claim_count == 40
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("report")) == [f"report.{fmt}"]


@pytest.mark.parametrize("fmt", ["markdown", "evidence"])
def test_cancel_leaves_no_file_and_the_old_one_as_it_was(monkeypatch, qtbot, window, desk, held, tmp_path, fmt):
    if fmt == "evidence":
        evidence = tmp_path / "call.txt"
        evidence.write_text("what was said")
        desk.project.attach(evidence, source_id=desk.project.sources()[0].id)
    target = tmp_path / "report.out"
    target.write_bytes(b"yesterday's report")
    told = exporting(monkeypatch, fmt, target)

    def cancel():
        dialog = progress_dialog(window)
        if dialog is None:
            QTimer.singleShot(10, cancel)
            return
        dialog.canceled.emit()  # what its Cancel button (or Escape) does
        assert dialog.labelText() == "Cancelling…"
        held.set()

    QTimer.singleShot(10, cancel)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args))
    assert export_dialog.run_export(desk, window) is None
    assert told == [] and warned == []  # cancelled on purpose: nothing to tell
    assert target.read_bytes() == b"yesterday's report"
    assert sorted(p.name for p in tmp_path.iterdir() if "report" in p.name) == ["report.out"]
    assert progress_dialog(window) is None


def test_an_error_on_the_worker_is_shown_and_leaves_nothing(monkeypatch, qtbot, window, desk, tmp_path):
    from factcheck.exporters import csv

    def broken(report, out):
        out.write("half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(csv, "write", broken)
    exporting(monkeypatch, "csv", tmp_path / "report.csv")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    assert export_dialog.run_export(desk, window) is None
    assert warned == ["Cannot write report.csv: no space left on device."]
    assert [p.name for p in tmp_path.iterdir() if "report" in p.name] == []


def test_the_dialog_counts_claims_without_reading_them(monkeypatch, qtbot, desk):
    monkeypatch.setattr(type(desk.project), "claims", lambda *a, **k: pytest.fail("every claim read"))
    dialog = ExportDialog(desk)
    qtbot.add_widget(dialog)
    for box in dialog.status_boxes.values():
        box.setChecked(True)
    assert dialog.claim_count() == 40
    assert dialog.summary.text() == "40 claims from 2 articles will be exported."  # the session's own article has none
