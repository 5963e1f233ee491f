"""File > Import annotations…: the report is shown, and one Ctrl+Z removes the whole import."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from factcheck.ui.main_window import MainWindow

from ..importers.test_web_annotation import SOURCES, article_project, big_file

N = 200
SHOW_REPORT = MainWindow.show_report  # the real one: the fixture replaces it


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A window on a project holding the article of a file of 200 annotations; reports and errors are kept."""
    text, data = big_file(N, random.Random(42))
    (tmp_path / "annotations.jsonld").write_bytes(data)
    article_project(tmp_path / "a.factcheck", text).close()
    reports: list[list[str]] = []
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_report", lambda self, title, lines: reports.append(lines))
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))
    monkeypatch.setattr(MainWindow, "ask_annotations_path", lambda self: str(tmp_path / "annotations.jsonld"))
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), "ana")
    qtbot.add_widget(w)
    assert w.open_project(tmp_path / "a.factcheck"), errors
    w.show()
    qtbot.wait_exposed(w)
    w.reports, w.errors = reports, errors
    return w


def counts(w: MainWindow) -> tuple[int, int, int]:
    c = w.project.counts()
    return c["claims"], c["sources"], c["citations"]


def test_import_annotations_shows_the_report_and_one_undo_removes_it_all(window, qtbot):
    assert window.import_annotations_action in window.menuBar().actions()[0].menu().actions()
    window.import_annotations_action.trigger()
    assert window.errors == []
    (lines,) = window.reports
    assert lines[0] == f"Imported {N} claims from {N} annotations; {SOURCES} sources added to the library."
    claims, sources, citations = counts(window)
    assert (claims, sources) == (N, SOURCES) and citations >= N
    assert window.panel.claims.count() == N
    assert window.undo_action.text() == "&Undo Import annotations"
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    window.undo_action.trigger()
    assert counts(window) == (0, 0, 0)
    assert window.panel.claims.rowCount() == 0
    assert not window.undo_action.isEnabled()
    window.redo_action.trigger()
    assert counts(window) == (claims, sources, citations)
    assert window.panel.claims.count() == N
    assert window.project.verify().ok


def test_a_file_that_is_not_annotations_is_refused_and_nothing_changes(window, tmp_path, monkeypatch):
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": "world"}')
    monkeypatch.setattr(MainWindow, "ask_annotations_path", lambda self: str(bad))
    window.import_annotations_action.trigger()
    assert window.errors == ["notes.json: This is not a W3C Web Annotation file: it holds no AnnotationCollection, "
                             "AnnotationPage or Annotation."]
    assert window.reports == [] and counts(window) == (0, 0, 0) and not window.undo_action.isEnabled()


def test_a_long_report_shows_its_start_as_plain_text(window, qtbot, monkeypatch):
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    lines = ["Imported 0 claims from 40 annotations.", "Skipped 40:"] + [f"  #{i}: <b>not</b> found." for i in range(40)]
    SHOW_REPORT(window, "Import annotations", lines)
    (box,) = shown
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text().splitlines()[-1] == "… and 17 more lines (Show Details…)."
    assert box.detailedText() == "\n".join(lines)
