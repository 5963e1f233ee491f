"""Ctrl+Z in the inspector's fields: the field's unsaved typing first, then Edit > Undo, as a text field does
everywhere (Qt's fields took the key for their own, empty, undo stack, and the app's Undo never heard it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from factcheck.core.project import Project

from .test_review import QUOTES, make_claim, open_window, path, said  # noqa: F401 - fixtures

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def shown(open_window, path, qtbot):  # noqa: F811 - the fixture imported above
    """Ana's active window showing a claim whose claimant is "Someone": (window, claim id)."""
    with Project.open(path, user="ana") as p:
        claim_id = make_claim(p, QUOTES[0])
    window = open_window(path, user="ana")
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    window.open_claim(claim_id)
    return window, claim_id


def focus(qtbot, field) -> None:
    field.setFocus()
    qtbot.wait_until(field.hasFocus)


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key where the focus is, through the window's shortcuts, as the keyboard sends it."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def retype(qtbot, field, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_ctrl_z_in_an_empty_field_undoes_the_last_saved_edit(shown, qtbot):
    window, claim_id = shown
    inspector = window.panel.inspector
    focus(qtbot, inspector.claimant)
    retype(qtbot, inspector.claimant, "Associated Press")
    press(qtbot, Qt.Key.Key_Tab)  # saved; on to the claim date, empty
    assert window.project.claim(claim_id).claimant == "Associated Press"
    assert QApplication.focusWidget() is inspector.claim_date and inspector.claim_date.text() == ""
    assert window.undo_action.text() == "&Undo Edit claim claimant"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.project.claim(claim_id).claimant == "Someone"
    assert inspector.claimant.text() == "Someone"  # the field shows what undo restored
    assert QApplication.focusWidget() is inspector.claim_date


def test_ctrl_z_after_enter_undoes_the_saved_value_and_redo_brings_it_back(shown, qtbot):
    window, claim_id = shown
    field = window.panel.inspector.claim_date
    focus(qtbot, field)
    qtbot.keyClicks(field, "2025-10-24")
    press(qtbot, Qt.Key.Key_Return)  # saved; the cursor stays in the field
    assert window.project.claim(claim_id).claim_date == "2025-10-24"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.project.claim(claim_id).claim_date == "" and field.text() == ""
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.project.claim(claim_id).claim_date == "2025-10-24" and field.text() == "2025-10-24"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    press(qtbot, Qt.Key.Key_Y, CTRL)  # the other Redo key
    assert window.project.claim(claim_id).claim_date == "2025-10-24" and field.text() == "2025-10-24"


def test_typing_then_ctrl_z_undoes_only_the_typing_then_the_saved_edit(shown, qtbot):
    window, claim_id = shown
    inspector = window.panel.inspector
    focus(qtbot, inspector.claimant)
    retype(qtbot, inspector.claimant, "Associated Press")
    press(qtbot, Qt.Key.Key_Return)  # saved
    events = len(window.project.events())
    qtbot.keyClicks(inspector.claimant, " and AFP")  # typed, not saved
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert inspector.claimant.text() == "Associated Press"  # the typing went, nothing else
    assert window.project.claim(claim_id).claimant == "Associated Press"
    assert len(window.project.events()) == events
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)  # the field's own redo: the typing is back, still not saved
    assert inspector.claimant.text() == "Associated Press and AFP"
    assert window.project.claim(claim_id).claimant == "Associated Press"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    press(qtbot, Qt.Key.Key_Z, CTRL)  # nothing of its own left: the saved edit is undone
    assert window.project.claim(claim_id).claimant == "Someone" and inspector.claimant.text() == "Someone"


@pytest.mark.parametrize("name", ["rationale", "notes"])
def test_the_long_texts_undo_their_typing_then_the_saved_text(shown, qtbot, name):
    window, claim_id = shown
    inspector = window.panel.inspector
    box = getattr(inspector, name)
    inspector._text_timer.setInterval(60_000)  # saved when the focus leaves, or when asked: not in between
    focus(qtbot, box)
    qtbot.keyClicks(box, "First draft.")
    inspector.commit_pending()  # what a pause in typing does
    assert getattr(window.project.claim(claim_id), name) == "First draft."
    qtbot.keyClicks(box, " More")
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert box.toPlainText() == "First draft."  # only the typing since it was saved
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert getattr(window.project.claim(claim_id), name) == "" and box.toPlainText() == ""
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert getattr(window.project.claim(claim_id), name) == "First draft." and box.toPlainText() == "First draft."


def test_a_field_keeps_its_cursor_when_its_typing_is_saved(shown, qtbot):
    window, _claim_id = shown
    field = window.panel.inspector.statement
    focus(qtbot, field)
    qtbot.keyClicks(field, "Petro makes drugs")
    field.setCursorPosition(6)
    press(qtbot, Qt.Key.Key_Return)
    assert not field.isUndoAvailable() and field.cursorPosition() == 6
