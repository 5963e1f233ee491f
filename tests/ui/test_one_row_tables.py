"""A list reached by the keyboard selects the row it highlights, so a list of one (which no arrow key can
select) is usable; and a decision's key that cannot act says why in the status bar instead of nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from factcheck.core import history, model, workflow
from factcheck.core.project import Project
from factcheck.ui.dialogs.citation_dialog import CitationDialog
from factcheck.ui.dialogs.source_library import SourceLibraryDialog

from ..conftest import SAMPLE, imported
from .test_review import QUOTES, act, checklist, make_claim, open_window, path, said  # noqa: F401 - fixtures

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
SENTENCE = "President Petro has allowed drug cartels to flourish and refused to stop this activity"


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key where the focus is, through the window's shortcuts, as the keyboard sends it."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def active(qtbot, window) -> None:
    window.show()
    qtbot.wait_exposed(window)
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.wait_until(widget.hasFocus)


def selected_rows(view) -> list[int]:
    return sorted(index.row() for index in view.selectionModel().selectedRows())


# --- the review queue -------------------------------------------------------------------


def _one_waiting(open_window, path, qtbot):  # noqa: F811 - the fixture imported above
    """Ben's window: one claim of Ana's in review (the queue's only row), the inspector on one sent back."""
    with Project.open(path, user="ana") as p:
        waiting, sent_back = make_claim(p, QUOTES[0]), make_claim(p, QUOTES[1])
        act(p, waiting, ("ana", workflow.SUBMIT))
        act(p, sent_back, ("ana", workflow.SUBMIT), ("ben", workflow.REQUEST_CHANGES), comment="Cite it.")
    window = open_window(path, user="ben")
    active(qtbot, window)
    window.review_panel.set_status_filter(frozenset({model.IN_REVIEW}))
    window.open_claim(sent_back)
    assert window.review_panel.model.rowCount() == 1 and not window.approve_action.isEnabled()
    return window, waiting


def test_shift_f6_to_a_one_row_queue_chooses_it_and_ctrl_shift_a_approves(open_window, path, qtbot, said,
                                                                          checklist):  # noqa: F811
    window, waiting = _one_waiting(open_window, path, qtbot)
    focus(qtbot, window.article_list)
    press(qtbot, Qt.Key.Key_F6, SHIFT)  # Shift held: Qt's own row selection extended from nowhere
    table = window.review_panel.table
    assert QApplication.focusWidget() is table
    assert selected_rows(table) == [0] and window.review_panel.selected_claim_ids() == [waiting]
    assert window.approve_action.isEnabled()
    press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    assert window.project.claim(waiting).status == model.APPROVED, said


def test_shift_tab_into_a_one_row_queue_chooses_it(open_window, path, qtbot, said):  # noqa: F811
    window, waiting = _one_waiting(open_window, path, qtbot)
    table = window.review_panel.table
    for _ in range(40):  # back from the inspector's fields, through the panes, to the queue
        if QApplication.focusWidget() is table:
            break
        press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is table
    assert window.review_panel.selected_claim_ids() == [waiting] and window.review_panel.approve_button.isEnabled()


def test_a_decisions_key_that_cannot_act_says_why_in_the_status_bar(open_window, path, qtbot, said):  # noqa: F811
    with Project.open(path, user="ana") as p:
        own = make_claim(p, QUOTES[0])
        act(p, own, ("ana", workflow.SUBMIT))
    window = open_window(path, user="ana")
    active(qtbot, window)
    focus(qtbot, window.article_list)
    assert window.panel.current_claim_id is None and not window.approve_action.isEnabled()
    press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)  # nothing chosen anywhere
    assert window.statusBar().currentMessage() == "Select a claim first, in the claim list or the review queue."
    window.open_claim(own)  # her own verdict: four-eyes
    assert not window.approve_action.isEnabled()
    press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    assert window.statusBar().currentMessage() == window.approve_action.statusTip()
    assert "four-eyes" in window.statusBar().currentMessage()
    assert window.project.claim(own).status == model.IN_REVIEW


# --- the claim list -----------------------------------------------------------------------


def test_tab_into_a_one_claim_list_marks_the_claim_the_inspector_shows(open_window, path, qtbot, said):  # noqa: F811
    with Project.open(path, user="ana") as p:
        claim_id = make_claim(p, QUOTES[0])
    window = open_window(path, user="ana")
    active(qtbot, window)
    window.panel.select_claim(None)
    focus(qtbot, window.view.text_edit)
    press(qtbot, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.panel.list
    assert selected_rows(window.panel.list) == [0] and window.panel.current_claim_id == claim_id


def test_back_to_the_claim_list_from_an_unanchored_claim_the_inspector_follows_the_row_marked(open_window, tmp_path,
                                                                                               qtbot, said):  # noqa: F811
    path = tmp_path / "o.factcheck"
    with Project.create(path, user="ana") as p:
        text = SAMPLE.read_text(encoding="utf-8")
        article_id = p.import_article(imported(text)).created
        v = p.current_version(article_id)
        ids = [p.create_claim(v.id, text.index(q), text.index(q) + len(q)).created for q in (SENTENCE, "Gringos go home.")]
        p.add_version(article_id, imported(text.replace(" Gringos go home.", "")))
    anchored, unanchored = ids
    window = open_window(path, user="ana")
    active(qtbot, window)
    window.panel.select_claim(anchored)
    window.panel.orphans.selectRow(0)  # chosen in the other list: the claim list keeps its highlighted row only
    assert window.panel.current_claim_id == unanchored and selected_rows(window.panel.list) == []
    focus(qtbot, window.view.text_edit)
    press(qtbot, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.panel.list
    assert selected_rows(window.panel.list) == [0] and window.panel.current_claim_id == anchored  # Delete acts on it


# --- dialogs -------------------------------------------------------------------------------


def _one_source(session) -> tuple[str, str]:
    source_id = session.do(history.CreateSource(title="National Statistics Office", kind="document")).created
    claim_id = session.do(history.CreateClaim(session.version.id, 0, 40)).created
    return source_id, claim_id


def test_tab_to_a_one_source_list_enables_cite_source(qtbot, session):
    source_id, claim_id = _one_source(session)
    dialog = CitationDialog(session, claim_id=claim_id)
    qtbot.add_widget(dialog)
    active(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.search_edit and not dialog.ok_button.isEnabled()
    assert dialog.ok_button.toolTip() == "Choose a source in the list first"
    for _ in range(5):  # the search box, New source…, the list
        if QApplication.focusWidget() is dialog.table:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert selected_rows(dialog.table) == [0] and dialog.selected_source_id() == source_id
    assert dialog.ok_button.isEnabled() and dialog.ok_button.toolTip() == ""


def test_shift_tab_back_to_a_one_source_list_enables_cite_source(qtbot, session):
    source_id, claim_id = _one_source(session)
    dialog = CitationDialog(session, claim_id=claim_id)
    qtbot.add_widget(dialog)
    active(qtbot, dialog)
    focus(qtbot, dialog.stance_buttons["supports"])
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is dialog.table
    assert dialog.selected_source_id() == source_id and dialog.ok_button.isEnabled()


def test_a_click_still_chooses_its_own_row(qtbot, session):
    session.do(history.CreateSource(title="A first source", kind="document"))
    session.do(history.CreateSource(title="B second source", kind="document"))
    claim_id = session.do(history.CreateClaim(session.version.id, 0, 40)).created
    dialog = CitationDialog(session, claim_id=claim_id)
    qtbot.add_widget(dialog)
    active(qtbot, dialog)
    second = dialog.table.visualRect(dialog.model.index(1, 0)).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert selected_rows(dialog.table) == [1]


def test_tab_to_a_one_source_library_enables_choose_edit_and_delete(qtbot, session):
    source_id, _claim_id = _one_source(session)
    dialog = SourceLibraryDialog(session, select_mode=True)
    qtbot.add_widget(dialog)
    active(qtbot, dialog)
    assert not dialog.choose_button.isEnabled()
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.table
    assert dialog.selected_id() == source_id
    assert dialog.choose_button.isEnabled() and dialog.edit_button.isEnabled() and dialog.delete_button.isEnabled()


def test_a_decisions_key_in_a_read_only_project_says_it_is_read_only(open_window, path, qtbot, said):  # noqa: F811
    with Project.open(path, user="ana") as p:
        waiting = make_claim(p, QUOTES[0])
        act(p, waiting, ("ana", workflow.SUBMIT))
    window = open_window(path, user="ben")
    assert window.open_project(path, read_only=True) and window.project.read_only
    active(qtbot, window)
    window.open_claim(waiting)
    press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    assert window.statusBar().currentMessage() == "The project is open read-only: no decision can be written to it."
    assert window.project.claim(waiting).status == model.IN_REVIEW
