"""The open project as the widgets see it: one place that runs commands and broadcasts ``Changes``.

Widgets never write to the project themselves: they call ``session.do(command)`` (or
``undo``/``redo``) and refresh when ``sig_changed`` arrives with the ``Changes`` of a
committed action. Reads go straight to ``session.project``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from factcheck.core import history
from factcheck.core.errors import KnownError
from factcheck.core import model
from factcheck.core.model import Changes
from factcheck.core.project import Project


class Session(QObject):
    sig_changed = Signal(object)
    """A committed action changed the project; carries its ``Changes``."""

    sig_history_changed = Signal()
    """The undo/redo stacks changed (labels in the Edit menu need a refresh)."""

    sig_external_change = Signal()
    """Another program or window committed changes to the project file."""

    #: How often to look for changes made by another window (ms).
    POLL_MS = 2000

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.history = history.History(project)
        self._data_version = self._read_data_version()
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self.check_external_changes)
        self._poll.start()

    def _read_data_version(self) -> int | None:
        return self.project.store.data_version()

    def check_external_changes(self) -> bool:
        """If another connection committed since the last look, refresh every view."""
        version = self._read_data_version()
        if version is None or version == self._data_version:
            return False
        self._data_version = version
        project = self.project
        try:
            everything = Changes(
                action="external",
                what=model.What.EVERYTHING,
                articles=frozenset(a.id for a in project.articles()),
                claims=frozenset(c.id for c in project.claims(include_deleted=True)),
                sources=frozenset(s.id for s in project.sources(include_deleted=True)),
            )
            project.forget_cached_settings()
        except KnownError:
            return False
        self.sig_external_change.emit()
        self.sig_changed.emit(everything)
        return True

    def stop(self) -> None:
        self._poll.stop()

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
