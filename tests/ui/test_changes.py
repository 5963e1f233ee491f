"""Views refresh from what an action changed (``Changes.what`` and ids), reading each changed
claim once; the view that started an action gets it back as ``initiator``."""

from __future__ import annotations

import ast
import pathlib
import re

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor

from factcheck import demo
from factcheck.core import history, model, workflow
from factcheck.core.model import Changes, What
from factcheck.core.project import Project
from factcheck.ui import review_panel
from factcheck.ui.claim_panel import ClaimPanel
from factcheck.ui.dialogs.source_dialog import SourceDialog
from factcheck.ui.dialogs.source_library import SourceLibraryDialog
from factcheck.ui.main_window import MainWindow

UI = pathlib.Path(__file__).resolve().parents[2] / "factcheck" / "ui"


def selects(project) -> list[str]:
    """Every SELECT the project's connection runs from now on, with its values."""
    seen: list[str] = []

    def trace(sql: str) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            seen.append(" ".join(sql.split()))

    project.store.conn.set_trace_callback(trace)
    return seen


def whole_table(sql: str, table: str) -> bool:
    """A read of every row of ``table`` (no lookup by id): the source library, the article list."""
    return bool(re.search(rf"\bFROM {table}\b", sql)) and not re.search(r"\bWHERE (\w+\.)?id = ", sql)


@pytest.fixture
def demo_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: pytest.fail(message))
    path = tmp_path / "demo.factcheck"
    demo.build(path).close()
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), demo.CHECKER)
    qtbot.add_widget(window)
    assert window.open_project(path)
    window.show()
    qtbot.wait_exposed(window)
    return window


def select(window: MainWindow, words: str) -> None:
    text = window.project.text(window.view.current_version_id)
    start = text.index(words)
    cursor = window.view.text_edit.textCursor()
    cursor.setPosition(window.view._map.to_utf16(start))
    cursor.setPosition(window.view._map.to_utf16(start + len(words)), QTextCursor.MoveMode.KeepAnchor)
    window.view.text_edit.setTextCursor(cursor)


# --- reads -----------------------------------------------------------------------------


def test_a_new_claim_reads_itself_once_and_not_the_source_library_or_the_article_list(demo_window):
    window = demo_window
    select(window, "Gringos go home.")
    seen = selects(window.project)
    window.new_claim_action.trigger()
    window.project.store.conn.set_trace_callback(None)
    claim_id = window.panel.current_claim_id
    assert claim_id and window.view.show_claim(claim_id)  # made, listed, painted, in the inspector
    assert window.panel.claims.row_of(claim_id) >= 0 and window.review_panel.model.claim_row(claim_id)
    assert window.articles.article_at(0).claim_count == len(window.project.claims(window.current_article_id()))
    assert not [sql for sql in seen if whole_table(sql, "sources")], "the source library was read"
    assert not [sql for sql in seen if whole_table(sql, "articles")], "the article list was read"
    assert not [sql for sql in seen if "FROM claims WHERE article_id" in sql], "the article's claims were read"
    assert len([sql for sql in seen if "FROM claims WHERE id" in sql and claim_id in sql]) == 1
    assert len(seen) <= 10, "\n".join(seen)  # 11 in the views alone before views read what changed


def test_a_review_decision_reads_neither_the_articles_nor_their_texts_nor_the_library(demo_window, monkeypatch):
    window = demo_window
    waiting = next(c for c in window.project.claims() if c.status == model.IN_REVIEW)
    window.project.user = demo.EDITOR
    window.open_claim(waiting.id)
    monkeypatch.setattr(review_panel.review_dialogs.CommentDialog, "ask",
                        classmethod(lambda cls, parent, title, prompt, claims=(): "Name the fiscal year."))
    seen = selects(window.project)
    assert window.panel.inspector.review(workflow.REQUEST_CHANGES)
    window.project.store.conn.set_trace_callback(None)
    assert window.project.claim(waiting.id).status == model.CHANGES_REQUESTED
    assert window.panel.inspector.status_badge.text() == "Changes requested"
    assert window.panel.inspector.comments.model.rowCount() == 1
    assert not [sql for sql in seen if whole_table(sql, "articles") or "FROM versions" in sql]
    assert not [sql for sql in seen if whole_table(sql, "sources") or "FROM claims WHERE article_id" in sql]


def test_bulk_approval_is_one_change_for_the_views(demo_window, monkeypatch):
    window = demo_window
    ids = []
    with Project.open(window.project.path, user=demo.CHECKER) as other:  # another window's checker
        version = other.current_version(window.current_article_id())
        for words in ("Gringos go home.", "every empire is unjust"):
            start = version.text.index(words)
            claim_id = other.create_claim(version.id, start, start + len(words), rating="false",
                                          verdict_summary="It is false.").created
            other.cite(claim_id, other.sources()[0].id, "contradicts")
            for task in other.tasks(claim_id):  # the demo's required verification task
                if task.required:
                    other.tick_task(claim_id, task.id)
            other.review(claim_id, workflow.SUBMIT)
            ids.append(claim_id)
    assert window.session.check_external_changes()
    window.project.user = demo.EDITOR
    monkeypatch.setattr(review_panel.review_dialogs.ChecklistDialog, "ask",
                        classmethod(lambda cls, parent, findings, claims_by_id, label: True))
    seen: list[Changes] = []
    window.session.sig_changed.connect(seen.append)
    window.review_panel.select_claims(ids)
    outcome = window.review_panel.decide(workflow.APPROVE)
    assert sorted(outcome.done) == sorted(ids)
    (changes,) = seen
    assert changes.what == What.STATUS and changes.claims == frozenset(ids)
    assert changes.initiator is window.review_panel
    assert all(window.panel.claims.claim_at(window.panel.claims.row_of(c)).status == model.APPROVED for c in ids)


# --- initiator -------------------------------------------------------------------------


def test_the_view_that_started_an_action_gets_it_back(session):
    seen: list[Changes] = []
    session.sig_changed.connect(seen.append)
    view = object()
    changes = session.do(history.CreateClaim(session.version.id, 0, 40), initiator=view)
    assert changes.initiator is view and seen[-1].initiator is view
    assert seen[-1].what == What.ANCHORS | What.CLAIM_FIELDS and seen[-1].claims == {changes.created}
    session.undo(initiator=view)
    assert seen[-1].initiator is view and seen[-1].what == What.ANCHORS
    session.redo()
    assert seen[-1].initiator is None
    assert len(seen) == 3


def test_a_new_source_made_in_the_library_reads_the_library_once(qtbot, session, monkeypatch):
    monkeypatch.setattr(SourceDialog, "ask", classmethod(lambda cls, parent, source=None: {"title": "Bulletin"}))
    dialog = SourceLibraryDialog(session)
    qtbot.add_widget(dialog)
    seen = selects(session.project)
    source_id = dialog.new_source()
    assert dialog.selected_id() == source_id
    pages = [sql for sql in seen if whole_table(sql, "sources") and " LIMIT " in sql]
    assert len(pages) == 1  # its first page, not once more for its own change


def test_views_refresh_on_what_changed_not_on_the_action_name(qtbot, session):
    panel = ClaimPanel(session)
    qtbot.add_widget(panel)
    panel.set_article(session.article_id)
    claim_id = session.do(history.CreateClaim(session.version.id, 0, 40)).created
    session.project.update_claim(claim_id, claimant="Gustavo Petro")  # written behind the session's back

    seen = selects(session.project)
    session.sig_changed.emit(Changes(action="claim.update", what=What.NOTHING, claims=frozenset({claim_id}),
                                     event_seq=1))
    assert seen == [] and panel.claims.claim_at(0).claimant == ""  # nothing said to have changed: nothing read

    session.sig_changed.emit(Changes(action="anything at all", what=What.CLAIM_FIELDS, claims=frozenset({claim_id}),
                                     event_seq=1))
    assert panel.claims.claim_at(0).claimant == "Gustavo Petro"
    assert len([sql for sql in seen if "FROM claims WHERE id" in sql]) == 1


# --- no view tests an action's name ----------------------------------------------------


def _changes_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Names in a function bound to a ``Changes``: parameters annotated so, or named ``changes``."""
    names = set()
    for arg in function.args.args + function.args.kwonlyargs:
        if arg.arg == "changes" or (arg.annotation is not None and "Changes" in ast.unparse(arg.annotation)):
            names.add(arg.arg)
    for node in ast.walk(function):
        if isinstance(node, ast.AnnAssign) and "Changes" in ast.unparse(node.annotation):
            names.add(ast.unparse(node.target))
        if isinstance(node, ast.Name) and node.id == "changes":
            names.add("changes")
    return names


def test_no_view_decides_on_an_actions_name():
    offences = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            names = _changes_names(function)
            for node in ast.walk(function):
                if (isinstance(node, ast.Attribute) and node.attr == "action"
                        and isinstance(node.value, ast.Name) and node.value.id in names):
                    offences.append(f"{path.relative_to(UI.parent.parent)}:{node.lineno} {function.name}")
    assert offences == [], "views decide on changes.what, never on changes.action"
