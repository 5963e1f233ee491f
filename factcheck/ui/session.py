"""The open project as the widgets see it: one place that runs commands and broadcasts ``Changes``.

Widgets never write to the project themselves: they call ``session.do(command)`` (or
``undo``/``redo``) and refresh when ``sig_changed`` arrives with the ``Changes`` of a
committed action. Reads go straight to ``session.project``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from factcheck.core import history
from factcheck.core.model import Changes
from factcheck.core.project import Project


class Session(QObject):
    sig_changed = Signal(object)
    """A committed action changed the project; carries its ``Changes``."""

    sig_history_changed = Signal()
    """The undo/redo stacks changed (labels in the Edit menu need a refresh)."""

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.history = history.History(project)

    def do(self, command: history.Command) -> Changes:
        """Run a command through the undo history; raises ``KnownError`` for the caller to show."""
        changes = self.history.do(command)
        self._announce(changes)
        return changes

    def undo(self) -> Changes:
        changes = self.history.undo()
        self._announce(changes)
        return changes

    def redo(self) -> Changes:
        changes = self.history.redo()
        self._announce(changes)
        return changes

    def _announce(self, changes: Changes) -> None:
        if changes.event_seq is not None:
            self.sig_changed.emit(changes)
        self.sig_history_changed.emit()
