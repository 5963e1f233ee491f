"""The window's own queries, traced while it opens a project and works on it, use indexes (no table read whole).

The same rule as ``tests/core/test_query_plans.py`` (and its list of reads that are
whole on purpose), on every statement the window's connection runs: opening the project,
another article, a claim in the inspector with its tabs, a new claim from a selection, a
review decision, the review queue's filters. The history check reads everything on its
own connection, in the background: it is not traced.
"""

from __future__ import annotations

import contextlib
import threading

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor

from factcheck.core import store as store_module
from factcheck.core import workflow
from factcheck.ui import review_panel
from factcheck.ui.dialogs import review_dialogs
from factcheck.ui.main_window import MainWindow

from ..core._plans import Tracer, offending
from ..core.test_query_plans import FULL_READS, build_desk


@pytest.fixture
def trace_ui_connections(monkeypatch):
    """Call it to trace, from then on, every connection the UI thread opens; it returns the ``Tracer``."""
    tracer = Tracer()
    opened = []
    real_init = store_module.Store.__init__

    def init(self, path, conn, read_only):
        real_init(self, path, conn, read_only)
        if threading.current_thread() is threading.main_thread():
            conn.set_trace_callback(tracer)
            opened.append(conn)

    def start() -> Tracer:
        monkeypatch.setattr(store_module.Store, "__init__", init)
        return tracer

    yield start
    for conn in opened:
        with contextlib.suppress(Exception):  # closed already
            conn.set_trace_callback(None)


def test_the_window_reads_through_indexes(qtbot, tmp_path, monkeypatch, trace_ui_connections):
    path, ids = build_desk(tmp_path)
    traced = trace_ui_connections()
    messages = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: messages.append(str(message)))
    monkeypatch.setattr(review_panel, "show_message", lambda parent, text, title="factcheck": messages.append(text))
    monkeypatch.setattr(review_dialogs.ChecklistDialog, "ask", classmethod(lambda cls, *args: True))
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), "eva")
    qtbot.add_widget(window)
    traced.step = "open the project"
    assert window.open_project(path)
    window.show()
    window.show_review_queue()
    qtbot.wait_exposed(window)
    traced.step = "another article"
    window.select_article(ids["articles"][1])
    traced.step = "a claim in the inspector, its tabs one by one"
    window.open_claim(ids["published"])
    inspector = window.panel.inspector
    for i in range(inspector.tabs.count()):
        inspector.tabs.setCurrentIndex(i)
        qtbot.wait(1)
    traced.step = "a new claim from a selection"
    cursor = window.view.text_edit.textCursor()
    cursor.setPosition(5)
    cursor.setPosition(40, QTextCursor.MoveMode.KeepAnchor)
    window.view.text_edit.setTextCursor(cursor)
    window.new_claim_action.trigger()
    new = window.panel.current_claim_id
    assert new and new not in ids["claims"]
    traced.step = "a review decision in the inspector"
    window.open_claim(ids["claims"][1])  # submitted by ana: eva may decide
    inspector.review(workflow.APPROVE)
    traced.step = "the review queue's filters"
    window.review_panel.model.set_filter(statuses=None)
    window.review_panel.model.set_filter(article_id=ids["articles"][0])
    window.project.store.conn.set_trace_callback(None)
    assert not messages, messages
    problems = offending(window.project.store.conn, traced, FULL_READS)
    assert not problems, "the window reads a whole table:\n" + "\n".join(problems)
    assert len(traced.statements) > 20
