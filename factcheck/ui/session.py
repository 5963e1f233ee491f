"""The open project as the widgets see it: one place that runs commands and broadcasts ``Changes``.

Widgets never write to the project themselves: they call ``session.do(command)`` (or
``undo``/``redo``) and refresh when ``sig_changed`` arrives with the ``Changes`` of a
committed action. Views decide what to refresh from ``changes.what`` and the id sets,
never from the action's name; the view that started an action passes itself as
``initiator`` and can skip refreshing what it already shows. Reads go to
``session.project``, except the changed claims: ``changed_claims`` reads each one once for
every view.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal

from factcheck.core import history
from factcheck.core import model
from factcheck.core.errors import KnownError, NotFound
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
        self._forget_claims()
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
        self._forget_claims()
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

    def take_as_seen(self) -> None:
        """Count what other connections committed so far as seen, without a refresh.

        For a background sync that wrote only its own bookkeeping (the server's cursor),
        which no view shows: refreshing every view for it would cost a large project a
        noticeable pause after each change sent.
        """
        self._data_version = self._read_data_version()
        self.project.forget_cached_settings()  # cheap: the sync may have noted the login's role

    def stop(self) -> None:
        self._poll.stop()

    def do(self, command: history.Command, *, initiator: object = None) -> Changes:
        """Run a command through the undo history; raises ``KnownError`` for the caller to show.

        ``initiator``: the view that started it, stamped on the ``Changes`` broadcast.
        """
        self._forget_claims()
        changes = self.history.do(command)
        return self._announce(changes, initiator)

    def undo(self, *, initiator: object = None) -> Changes:
        self._forget_claims()
        changes = self.history.undo()
        return self._announce(changes, initiator)

    def redo(self, *, initiator: object = None) -> Changes:
        self._forget_claims()
        changes = self.history.redo()
        return self._announce(changes, initiator)

    def _announce(self, changes: Changes, initiator: object) -> Changes:
        if initiator is not None:
            changes = dataclasses.replace(changes, initiator=initiator)
        if changes.event_seq is not None:
            self.sig_changed.emit(changes)
        self.sig_history_changed.emit()
        return changes

    # --- the changed claims, read once for every view ---------------------------------

    def changed_claims(self, claim_ids: Iterable[str]) -> dict[str, model.Claim | None]:
        """These claims as they are now (None: no such claim), each read at most once per action.

        Every view refreshing from one ``Changes`` asks for the same claims: the first asks
        the project, the others get the same objects.
        """
        return {claim_id: self.claim(claim_id) for claim_id in claim_ids}

    def claim(self, claim_id: str) -> model.Claim | None:
        """A claim (None if there is none), read again only if something was written since it was last read.

        What was read stays valid until this session's next action, another window's
        commit seen by the poll, or any write on the connection (``total_changes``).
        """
        conn = self.project.store.conn
        if conn.total_changes != self._claims_mark:
            self._forget_claims()
        try:
            return self._claims[claim_id]
        except KeyError:
            pass
        try:
            claim = self.project.claim(claim_id)
        except NotFound:
            claim = None
        self._claims[claim_id] = claim
        return claim

    def _forget_claims(self) -> None:
        self._claims: dict[str, model.Claim | None] = {}
        self._claims_mark = self.project.store.conn.total_changes
