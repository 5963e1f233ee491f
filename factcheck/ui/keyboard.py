"""What the keys do where Qt's defaults leave a keyboard user guessing.

- Ctrl+Z in a field whose text is saved as you go (the inspector's): the field's own
  unsaved typing first, then the window's Edit > Undo (``hand_undo_to_window``). Qt's
  line and text edits claim Ctrl+Z for their own undo stack even when it is empty, so the
  window's Undo never heard it and nothing happened.
- A list reached by the keyboard selects its highlighted row (``choose_on_focus``): Qt
  gives it a current row but no selection, and in a list of one no arrow key can select it.
- A disabled action's shortcut says why in the status bar (``say_why_disabled``): Qt
  swallows it silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TextField = QLineEdit | QPlainTextEdit | QTextEdit

_Key = QKeySequence.StandardKey


# --- fields: their own typing, then the window's undo ----------------------------------


def has_own_step(field: TextField, undo: bool = True) -> bool:
    """Whether the field holds typing of its own to undo (``undo``) or redo."""
    if isinstance(field, QLineEdit):
        return field.isUndoAvailable() if undo else field.isRedoAvailable()
    document = field.document()
    return document.isUndoAvailable() if undo else document.isRedoAvailable()


def forget_typing(field: TextField) -> None:
    """What the field holds now is saved: its own undo steps go, so Ctrl+Z there undoes the saved step.

    The cursor and selection stay where they were (a line edit has no call that only
    empties its undo stack: its text is set again, to the same text).
    """
    if not (has_own_step(field, True) or has_own_step(field, False)):
        return
    if not isinstance(field, QLineEdit):
        field.document().clearUndoRedoStacks()
        return
    cursor, start, length = field.cursorPosition(), field.selectionStart(), field.selectionLength()
    blocked = field.blockSignals(True)
    try:
        field.setText(field.text())
        if length:
            anchor = start + length if cursor == start else start
            field.setSelection(anchor, cursor - anchor)
        else:
            field.setCursorPosition(cursor)
    finally:
        field.blockSignals(blocked)


class _UndoHandOff(QObject):
    """Lets Undo and Redo through to the window's shortcuts when the field has no step of its own."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, TextField):
            for key, undo in ((_Key.Undo, True), (_Key.Redo, False)):
                if event.matches(key) and not has_own_step(watched, undo):
                    event.ignore()  # not claimed: the window's Edit > Undo (or Redo) takes the key
                    return True
        return False


def hand_undo_to_window(*fields: TextField) -> None:
    """Ctrl+Z (and every Redo key) in these fields: their own typing first, else the window's Edit > Undo.

    For fields saved as they are typed: once saved (``forget_typing``), a step of the
    session's history holds the change, and Ctrl+Z there must undo it, as Edit > Undo
    would. Through the window's own shortcut: exactly what choosing the menu item does.
    """
    for field in fields:
        field.installEventFilter(_UndoHandOff(field))


# --- lists: the highlighted row is the chosen one ---------------------------------------


def choose_current(view: QAbstractItemView) -> bool:
    """Nothing selected: select the highlighted row (the first when none is); True if one was.

    Selected with explicit flags, not as a click or an arrow key would: Qt reads the
    modifier keys held, and with Shift held (Shift+Tab, Shift+F6) it extended from an
    anchor that did not exist and selected nothing.
    """
    model, selection = view.model(), view.selectionModel()
    if model is None or selection is None or selection.hasSelection() or not model.rowCount(view.rootIndex()):
        return False
    current = view.currentIndex()
    index = current if current.isValid() else model.index(0, 0, view.rootIndex())
    flags = QItemSelectionModel.SelectionFlag
    selection.setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
    return True


class _ChooseOnFocus(QObject):
    """Before the view's own focus handling: the row it would highlight is selected too."""

    def __init__(self, view: QAbstractItemView, chosen: Callable[[QAbstractItemView], None] | None):
        super().__init__(view)
        self._chosen = chosen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusIn and event.reason() != Qt.FocusReason.MouseFocusReason \
                and isinstance(watched, QAbstractItemView):  # a click chooses its own row
            if choose_current(watched) and self._chosen is not None:
                self._chosen(watched)
        return False


def choose_on_focus(*views: QAbstractItemView, chosen: Callable[[QAbstractItemView], None] | None = None) -> None:
    """Reached by Tab, F6 or a shortcut with nothing selected, these lists select the highlighted row.

    What is seen is then what a button or a key acts on: Cite source, Approve, Delete.
    ``chosen(view)``: called when a row was selected so, for a view whose current row
    (not its selection) says what is shown elsewhere.
    """
    for view in views:
        view.installEventFilter(_ChooseOnFocus(view, chosen))


# --- actions: a shortcut that cannot act says why ---------------------------------------


def say_why_disabled(actions: Iterable[QAction], show: Callable[[str], None]) -> None:
    """While an action is disabled, its shortcut calls ``show`` with the action's status tip (its reason).

    Qt drops the key of a disabled action without a word: a keyboard user saw nothing
    happen and could not tell why. A twin shortcut, enabled only while the action is not,
    says it; the two are never enabled at once, so neither makes the key ambiguous.
    """
    for action in actions:
        parent = action.parent()
        if not isinstance(parent, QWidget):
            continue
        for keys in action.shortcuts():
            twin = QShortcut(keys, parent)
            twin.setContext(action.shortcutContext())
            twin.setEnabled(not action.isEnabled())
            twin.activated.connect(lambda a=action: show(a.statusTip() or a.toolTip()))
            action.enabledChanged.connect(lambda enabled, t=twin: t.setEnabled(not enabled))
