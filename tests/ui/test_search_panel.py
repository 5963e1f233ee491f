"""Edit > Find in project: type, see the hits, go to one with the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from factcheck.core.project import Project
from factcheck.ui import search_panel
from factcheck.ui.dialogs.source_library import SourceLibraryDialog
from factcheck.ui.dialogs.shortcuts_dialog import shortcuts
from tests.conftest import imported
from tests.ui.conftest import shown_window

TEXT = (
    "Primer párrafo sin nada.\n\n"
    "😀🎉 El ministro dijo en Bogotá que la verificación fue rápida.\n\n"
    "The prices are rising, officials said."
)


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "desk.factcheck"
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported(TEXT, title="Sanciones")).created
        other = p.import_article(imported("Otro texto sin la palabra.", title="Otro")).created
        version = p.current_version(article_id)
        start = TEXT.index("The prices")
        claim = p.create_claim(version.id, start, start + 10, statement="Los precios suben en Cartagena",
                               claimant="Treasury").created
        p.add_comment(claim, "Falta la fuente de Cartagena")
        source = p.create_source(title="Boletín de precios", publisher="DANE").created
    w = shown_window(qtbot, path, tmp_path / "settings.ini")
    w.ids = {"article": article_id, "other": other, "claim": claim, "source": source}
    w.select_article(other)  # the hits are in another article than the one shown
    return w


def find(qtbot, window, text: str):
    """Ctrl+Shift+F, type ``text``, wait for the hits."""
    window.search_dock.find_action.trigger()
    panel = window.search_dock.panel
    assert panel.query_edit.hasFocus()
    panel.query_edit.clear()
    qtbot.keyClicks(panel.query_edit, text)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 or panel.count_label.text() == "Nothing found")
    return panel


def test_the_shortcut_is_free_and_listed(window):
    action = window.search_dock.find_action
    assert action.shortcut() == QKeySequence("Ctrl+Shift+F")
    clashes = [a.text() for a in window.findChildren(type(action))
               if a is not action and QKeySequence("Ctrl+Shift+F") in a.shortcuts()]
    assert clashes == []
    rows = [row for row in shortcuts(window) if row.keys == QKeySequence("Ctrl+Shift+F").toString(
        QKeySequence.SequenceFormat.NativeText)]
    assert [(r.action, r.where) for r in rows] == [("Find in project", "Edit")]


def test_typing_shows_hits_with_the_words_bold(qtbot, window):
    panel = find(qtbot, window, "bogota")
    assert window.search_dock.isVisible()
    hits = panel.model.hits
    assert [h.kind for h in hits] == ["article"]
    html = panel.model.index(0).data(search_panel.HTML_ROLE)
    assert "<b>Bogotá</b>" in html and "Sanciones" in html
    assert panel.count_label.text() == "1 result"


def test_the_result_model_is_a_proper_model(qtbot, qtmodeltester, window):
    panel = find(qtbot, window, "cartagena")
    qtmodeltester.check(panel.model)


def test_enter_jumps_to_the_words_in_the_article_after_emoji(qtbot, window):
    panel = find(qtbot, window, "bogota")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert window.current_article_id() == window.ids["article"]
    start = TEXT.index("Bogotá")
    assert window.view.selected_span() == (start, start + len("Bogotá"))
    assert window.view.text_edit.textCursor().selectedText() == "Bogotá"
    assert panel.query_edit.hasFocus()  # Up and Down go on to the next hit


def test_up_down_and_enter_open_a_claim_and_its_comment(qtbot, window):
    panel = find(qtbot, window, "cartagena")
    kinds = [h.kind for h in panel.model.hits]
    assert sorted(kinds) == ["claim", "comment"]
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Up)
    row = kinds.index("claim")
    for _ in range(row):
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert window.panel.current_claim_id == window.ids["claim"]
    assert window.current_article_id() == window.ids["article"]
    assert window.view._emphasis_id == window.ids["claim"]  # its highlight is shown
    panel.results.setFocus()
    panel.results.setCurrentIndex(panel.model.index(kinds.index("comment")))
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    inspector = window.panel.inspector
    assert inspector.tabs.currentWidget() is inspector.comments


def test_a_source_hit_opens_the_library_on_it(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(SourceLibraryDialog, "exec", lambda self: opened.append(self.selected_id()) or 0)
    panel = find(qtbot, window, "boletin")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert opened == [window.ids["source"]]


def test_filters_narrow_the_hits(qtbot, window):
    panel = find(qtbot, window, "cartagena")
    assert panel.model.rowCount() == 2
    panel.status_box.setCurrentIndex(panel.status_box.findData("approved"))
    assert panel.model.rowCount() == 0 and panel.count_label.text() == "Nothing found"
    panel.status_box.setCurrentIndex(panel.status_box.findData("draft"))
    assert panel.model.rowCount() == 2
    panel.article_box.setCurrentIndex(panel.article_box.findData(window.ids["other"]))
    assert panel.model.rowCount() == 0
    panel.article_box.setCurrentIndex(0)
    panel.status_box.setCurrentIndex(0)
    panel.checker_box.setCurrentIndex(panel.checker_box.findData("ana"))
    assert panel.model.rowCount() == 2


@pytest.mark.parametrize("query", ['"unbalanced', "*", "NEAR(", "-", "AND", "?!", "x" * 10_000, "مرحبا", "😀"])
def test_a_hostile_query_shows_nothing_found_never_a_dialog(qtbot, window, monkeypatch, query):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail("a dialog"))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: pytest.fail("a dialog"))
    window.search_dock.find_action.trigger()
    panel = window.search_dock.panel
    panel.query_edit.setText(query)
    panel.search_now()
    assert panel.model.rowCount() == 0 and panel.count_label.text() == "Nothing found"


def test_an_edit_shows_in_the_hits(qtbot, window):
    panel = find(qtbot, window, "barranquilla")
    assert panel.model.rowCount() == 0
    from factcheck.core import history

    window.session.do(history.UpdateClaim(window.ids["claim"], statement="Precios en Barranquilla"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)


def test_a_hit_for_a_claim_deleted_a_moment_ago_does_not_open_it(qtbot, window):
    from factcheck.core import history

    panel = find(qtbot, window, "cartagena")
    panel.results.setFocus()
    panel.results.setCurrentIndex(panel.model.index([h.kind for h in panel.model.hits].index("claim")))
    window.session.do(history.DeleteClaim(window.ids["claim"]))
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)  # before the pause after the change has run the search
    assert window.panel.current_claim_id != window.ids["claim"]
    assert window.current_article_id() == window.ids["other"]
    assert [h.kind for h in panel.model.hits] == []
    assert panel.count_label.text() == "Nothing found"


def test_opening_a_deleted_claim_from_elsewhere_says_so(qtbot, window):
    from factcheck.core import history

    window.session.do(history.DeleteClaim(window.ids["claim"]))
    window.open_claim(window.ids["claim"])
    assert window.panel.current_claim_id != window.ids["claim"]
    assert "deleted" in window.statusBar().currentMessage()


def test_escape_closes_and_gives_the_article_the_focus(qtbot, window):
    panel = find(qtbot, window, "bogota")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Escape)
    assert not window.search_dock.isVisible()
    assert window.view.text_edit.hasFocus()


def test_closing_the_project_closes_the_search(qtbot, window):
    find(qtbot, window, "bogota")
    window._close_session()
    assert window.search_dock.panel is None and not window.search_dock.find_action.isEnabled()


def test_a_dock_shown_again_by_the_saved_layout_has_its_filters(qtbot, window, tmp_path):
    window.search_dock.find_action.trigger()
    window.close()  # the layout, with the dock open, is saved
    again = shown_window(qtbot, tmp_path / "desk.factcheck", tmp_path / "settings.ini")
    dock = again.search_dock
    qtbot.waitUntil(dock.isVisible)
    panel = dock.panel
    assert panel.status_box.count() > 1 and panel.article_box.count() == 3  # All articles + the two
    assert panel.checker_box.currentText() == "Anyone"
