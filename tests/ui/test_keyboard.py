"""Keyboard use: every standard shortcut, keys for review and export, F6 between the panes,
Tab without traps, a choice that counts once, and a whole check done without the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from factcheck.core import history, model
from factcheck.ui.dialogs import citation_dialog, review_dialogs, shortcuts_dialog
from factcheck.ui.dialogs.citation_dialog import CitationDialog
from factcheck.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from factcheck.ui.main_window import MainWindow

from ..conftest import SAMPLE

SENTENCE = "President Petro has allowed drug cartels to flourish and refused to stop this activity"
NONE, CTRL, SHIFT = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def keys(action) -> list[str]:
    return [s.toString(QKeySequence.SequenceFormat.PortableText) for s in action.shortcuts()]


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_window(qtbot, settings, monkeypatch):
    """A shown, active window on a project (a new one gets the sample article)."""
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))

    def make(path, *, create=False, user="ana") -> MainWindow:
        window = MainWindow(settings, user)
        qtbot.add_widget(window)
        window.errors = errors
        assert window.open_project(path, create=create), errors
        if create:
            window.import_files([str(SAMPLE)])
        window.resize(1400, 900)
        window.show()
        qtbot.wait_exposed(window)
        window.activateWindow()
        qtbot.wait_until(lambda: QApplication.activeWindow() is window)
        return window

    return make


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot, key, modifier=NONE, times: int = 1) -> None:
    """Press a key where the focus is, as the keyboard would."""
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def pane_of(window: MainWindow, widget: QWidget | None) -> str | None:
    """Which pane a widget is in, by the names a user knows them by."""
    panes = {"articles": window.article_list, "article": window.view, "inspector": window.panel.inspector,
             "claims": window.panel.list.parentWidget(), "review queue": window.review_panel}
    for name, pane in panes.items():
        if widget is not None and (widget is pane or pane.isAncestorOf(widget)):
            return name
    return None


def with_claim(window: MainWindow) -> str:
    """Make a claim of the sentence and show it (so the inspector is a pane too)."""
    text = window.project.text(window.view.current_version_id)
    start = text.index(SENTENCE)
    claim_id = window.session.do(history.CreateClaim(window.view.current_version_id, start, start + len(SENTENCE))).created
    window.panel.select_claim(claim_id)
    return claim_id


# --- shortcuts -------------------------------------------------------------------------


def test_standard_actions_answer_every_binding_of_the_platform(open_window, tmp_path):
    window = open_window(tmp_path / "s.factcheck", create=True)
    K = QKeySequence.StandardKey
    for action, standard in ((window.undo_action, K.Undo), (window.redo_action, K.Redo), (window.find_action, K.Find),
                             (window.new_project_action, K.New), (window.open_project_action, K.Open),
                             (window.find_next_action, K.FindNext), (window.find_previous_action, K.FindPrevious)):
        assert action.shortcuts() == QKeySequence.keyBindings(standard), action.text()
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= set(keys(window.redo_action))
    assert "Ctrl+Q" in keys(window.quit_action)  # Linux's list for Quit is empty
    assert window.panel.delete_action.shortcuts() == QKeySequence.keyBindings(K.Delete)


def test_ctrl_shift_z_and_ctrl_y_both_redo(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "r.factcheck", create=True)
    claim_id = with_claim(window)
    window.panel.list.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.project.claims() == []
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [c.id for c in window.project.claims()] == [claim_id]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert [c.id for c in window.project.claims()] == [claim_id]


def test_review_export_and_pane_actions_have_shortcuts_and_none_is_shared(open_window, tmp_path):
    window = open_window(tmp_path / "k.factcheck", create=True)
    expected = {window.submit_action: "Ctrl+Shift+S", window.approve_action: "Ctrl+Shift+A",
                window.request_changes_action: "Ctrl+Shift+R", window.publish_action: "Ctrl+Shift+P",
                window.export_action: "Ctrl+Shift+E", window.next_pane_action: "F6",
                window.previous_pane_action: "Shift+F6", window.new_claim_action: "Ctrl+E"}
    for action, key in expected.items():
        assert keys(action) == [key], action.text()
    # Two actions on one key: Qt runs neither. Every window shortcut is someone's alone.
    owners: dict[str, str] = {}
    for action in window.findChildren(type(window.undo_action)):
        if action.shortcutContext() != Qt.ShortcutContext.WindowShortcut:
            continue
        for key in keys(action):
            assert key not in owners or owners[key] == action.text(), f"{key}: {owners.get(key)} and {action.text()}"
            owners[key] = action.text()


def test_the_shortcuts_list_is_made_from_the_actions(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "h.factcheck", create=True)
    dialog = ShortcutsDialog(window)
    qtbot.add_widget(dialog)
    listed = {(row.action, row.keys) for row in dialog.rows}
    for action in window.findChildren(type(window.undo_action)):
        if action.shortcuts() and action.menu() is None:
            assert (shortcuts_dialog.action_name(action), shortcuts_dialog.keys_text(action)) in listed, action.text()
    by_action = {row.action: row for row in dialog.rows}
    redo_keys = by_action["Redo"].keys.split(", ")
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= set(redo_keys) and "Redo" not in redo_keys  # not a media keyboard's key
    assert by_action["Quit"].keys == "Ctrl+Q"
    assert by_action["Approve"].where == "Review" and by_action["Next pane"].keys == "F6"
    assert by_action["Delete claim"].keys == "Del"  # in the claim list, not a menu
    assert dialog.table.rowCount() == len(dialog.rows)
    assert window.shortcuts_action in window.menuBar().actions()[-1].menu().actions()


# --- panes and Tab ---------------------------------------------------------------------


def test_f6_and_shift_f6_cycle_the_panes(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "f.factcheck", create=True)
    with_claim(window)
    window.article_list.setFocus()
    order = ["articles"]
    for _ in range(5):
        press(qtbot, Qt.Key.Key_F6)
        order.append(pane_of(window, focused()))
    assert order == ["articles", "article", "claims", "inspector", "review queue", "articles"]
    assert focused() is window.article_list
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert pane_of(window, focused()) == "review queue"
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert focused() is window.panel.inspector.statement
    # A hidden pane is passed over.
    window.review_dock.hide()
    press(qtbot, Qt.Key.Key_F6)
    assert focused() is window.article_list


def test_tab_walks_every_pane_and_comes_back_around(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "t.factcheck", create=True)
    with_claim(window)
    window.review_panel.table.selectRow(0)
    start = window.article_list
    start.setFocus()
    reached, previous = [], start
    for _ in range(200):
        press(qtbot, Qt.Key.Key_Tab)
        now = focused()
        assert now is not None and now is not previous, f"Tab stuck on {type(previous).__name__} {previous.accessibleName()!r}"
        reached.append(pane_of(window, now))
        previous = now
        if now is start:
            break
    else:
        pytest.fail("Tab never came back to the article list")
    assert {"articles", "article", "claims", "inspector", "review queue"} <= set(reached)
    # And back the other way.
    for _ in range(200):
        press(qtbot, Qt.Key.Key_Backtab, SHIFT)
        if focused() is start:
            break
    else:
        pytest.fail("Shift+Tab never came back to the article list")


# --- combos ----------------------------------------------------------------------------


def test_arrowing_through_ratings_records_one_change(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "c.factcheck", create=True)
    claim_id = with_claim(window)
    inspector = window.panel.inspector
    before = len(window.project.events(claim_id))
    inspector.rating.setFocus()
    press(qtbot, Qt.Key.Key_Down, times=5)
    assert window.project.claim(claim_id).rating is None  # nothing saved while stepping
    assert len(window.project.events(claim_id)) == before
    press(qtbot, Qt.Key.Key_Tab)  # leaving the combo settles the choice
    assert focused() is inspector.summary
    assert window.project.claim(claim_id).rating == inspector.rating.itemData(5)
    assert len(window.project.events(claim_id)) == before + 1
    assert window.undo_action.text().startswith("&Undo")
    # Enter settles too; picking in the popup counts at once.
    inspector.checkworthiness.setFocus()
    press(qtbot, Qt.Key.Key_Down, times=3)
    press(qtbot, Qt.Key.Key_Return)
    assert window.project.claim(claim_id).checkworthiness == 3
    assert len(window.project.events(claim_id)) == before + 2
    inspector.rating.setCurrentIndex(1)
    inspector.rating.activated.emit(1)
    assert window.project.claim(claim_id).rating == inspector.rating.itemData(1)


# --- a whole check -----------------------------------------------------------------------


def test_a_whole_check_by_keyboard_then_approved_by_another_user(open_window, tmp_path, qtbot, monkeypatch):
    path = tmp_path / "k.factcheck"
    window = open_window(path, create=True)
    window.session.do(history.CreateSource(title="AP: no evidence linking Petro", publisher="Associated Press",
                                           url="https://apnews.com/x", kind="article"))

    # Find the sentence, then select it word by word with Shift+arrows.
    window.article_list.setFocus()
    press(qtbot, Qt.Key.Key_F6)
    assert focused() is window.view.text_edit
    press(qtbot, Qt.Key.Key_F, CTRL)
    head = SENTENCE[:30]
    type_text(qtbot, head)
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is window.view.text_edit
    press(qtbot, Qt.Key.Key_Right, SHIFT, times=len(SENTENCE) - len(head))

    # Ctrl+E: the claim, and the statement field to type in.
    press(qtbot, Qt.Key.Key_E, CTRL)
    claim_id = window.panel.current_claim_id
    assert claim_id and window.project.claim(claim_id).exact == SENTENCE
    inspector = window.panel.inspector
    assert focused() is inspector.statement
    type_text(qtbot, "Petro has allowed drug cartels to flourish")

    # Tab to the rating, choose one with the arrows; Tab on to the summary.
    press(qtbot, Qt.Key.Key_Tab, times=5)
    assert focused() is inspector.rating
    wanted = inspector.rating.findData("false") if inspector.rating.findData("false") > 0 else 3
    press(qtbot, Qt.Key.Key_Down, times=wanted)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is inspector.summary
    type_text(qtbot, "No evidence was provided linking the president to drug trafficking.")

    # Tab to "Cite source…", Space; the dialog is worked with the keys too.
    def cite_by_keyboard(cls, session, parent, claim_id, citation=None):
        dialog = CitationDialog(session, parent, claim_id=claim_id, citation=citation)
        qtbot.add_widget(dialog)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
        qtbot.keyClicks(dialog.quote_edit, "has provided no evidence")
        return dialog.result_fields()

    monkeypatch.setattr(citation_dialog.CitationDialog, "ask", classmethod(cite_by_keyboard))
    for _ in range(30):
        if focused() is inspector.cite_button:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is inspector.cite_button
    press(qtbot, Qt.Key.Key_Space)
    assert len(window.project.citations(claim_id)) == 1

    # Submit by its shortcut.
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    claim = window.project.claim(claim_id)
    assert claim.status == model.IN_REVIEW, window.errors
    assert claim.statement == "Petro has allowed drug cartels to flourish"
    assert claim.rating == inspector.rating.itemData(wanted) and claim.verdict_summary.startswith("No evidence")
    # Her own verdict: Approve is off, and says why, before any checklist.
    assert not window.approve_action.isEnabled()
    assert "four-eyes" in window.approve_action.toolTip()
    window.close()

    # Another user approves it from the review queue, by the keyboard.
    monkeypatch.setattr(review_dialogs.ChecklistDialog, "ask", classmethod(lambda cls, *args, **kw: True))
    editor = open_window(path, user="ben")
    editor.article_list.setFocus()
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert focused() is editor.review_panel.table
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Space)
    assert editor.review_panel.selected_claim_ids() == [claim_id]
    assert editor.approve_action.isEnabled()
    press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    claim = editor.project.claim(claim_id)
    assert (claim.status, claim.approved_by) == (model.APPROVED, "ben"), editor.errors
