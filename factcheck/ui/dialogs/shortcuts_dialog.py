"""Help > Keyboard shortcuts: every action of a window that has a shortcut, read from the actions.

Nothing is listed by hand, so the list cannot drift from what the keys do.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factcheck.ui import language, screen_fit


class Shortcut(NamedTuple):
    """One row of the list: what the action does, its keys, where it lives."""

    action: str
    keys: str
    where: str
    sequences: tuple[str, ...]  # the keys, one sequence each


def action_name(action: QAction) -> str:
    """An action's name without its mnemonic or trailing ellipsis ("&Export…" -> "Export")."""
    return action.iconText().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


#: Keys from here on are a media or launcher keyboard's (New, Open, Undo...): not listed.
FIRST_MEDIA_KEY = Qt.Key.Key_Back.value


def _typeable(sequence: QKeySequence) -> bool:
    return not sequence.isEmpty() and sequence[0].key().value < FIRST_MEDIA_KEY


def key_sequences(action: QAction) -> list[str]:
    """The action's key sequences a keyboard has, as the platform writes them, in the action's order."""
    return [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if _typeable(s)]


def keys_text(action: QAction) -> str:
    """The action's key sequences on one line ("Ctrl+Y, Ctrl+Shift+Z")."""
    return ", ".join(key_sequences(action))


def _menu_actions(menu: QMenu, path: str, seen: set[int], rows: list[Shortcut]) -> None:
    for action in menu.actions():
        if action.menu() is not None:
            _menu_actions(action.menu(), f"{path} > {action_name(action)}", seen, rows)
        elif not action.isSeparator() and id(action) not in seen:
            seen.add(id(action))
            if keys_text(action):
                rows.append(Shortcut(action_name(action), keys_text(action), path, tuple(key_sequences(action))))


def _where(action: QAction) -> str:
    """For an action outside the menus: the named widgets it works in."""
    names = []
    for obj in action.associatedObjects():
        name = obj.accessibleName() if isinstance(obj, QWidget) else ""
        if name and name not in names:
            names.append(name)
    return ", ".join(names) or QCoreApplication.translate("ShortcutsDialog", "Window")


def shortcuts(window: QWidget) -> list[Shortcut]:
    """The window's shortcuts: those of its menus in menu order, then those of its panes."""
    rows: list[Shortcut] = []
    seen: set[int] = set()
    menu_bar = getattr(window, "menuBar", None)
    if menu_bar is not None:
        for top in menu_bar().actions():
            if top.menu() is not None:
                _menu_actions(top.menu(), action_name(top), seen, rows)
    for action in window.findChildren(QAction):
        if id(action) in seen or action.menu() is not None or not keys_text(action):
            continue
        seen.add(id(action))
        rows.append(Shortcut(action_name(action), keys_text(action), _where(action), tuple(key_sequences(action))))
    return rows


class ShortcutsDialog(QDialog):
    """A table of the window's shortcuts: action, keys, and the menu or pane it is in."""

    def __init__(self, window: QWidget, parent: QWidget | None = None):
        super().__init__(parent if parent is not None else window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        screen_fit.fit(self, 680, 600, self.parentWidget())
        self.rows = shortcuts(window)
        intro = QLabel(self.tr("{next} and {previous} move between the panes; Tab moves within one, the arrows within a list.").format(
            next=language.keys("F6"), previous=language.keys("Shift+F6")))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys"), self.tr("Where")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for row, shortcut in enumerate(self.rows):
            # One key sequence a line: "Ctrl+Y, Alt+Shift+Backspace" on one line was cut in a narrow column.
            for col, text in enumerate((shortcut.action, "\n".join(shortcut.sequences), shortcut.where)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(self.table.fontMetrics().height() + 8)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a line per key sequence
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, window: QWidget) -> None:
        """Show the list until it is closed."""
        dialog = cls(window)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
