"""A project on a network drive in the main window: ask how to open it, work on a local copy, merge it back.

Core picks the journal (``core/drives.py``: no WAL on a network file system). Here the
window asks once per open whether to work on a local copy (recommended) or on the drive,
names the local copy in its title, gives File > Merge back to shared file, and merges the
copy back before its project closes (another project opened, the window closed). A merge
back that fails never loses work: the person may keep the window open, or close it and
find the local copy offered again the next time the shared file is opened.
"""

from __future__ import annotations

import contextlib
import pathlib
from collections.abc import Iterator

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from factcheck.core import drives
from factcheck.core.errors import KnownError
from factcheck.ui import language

#: The answers of ``SharedDrive.ask_where``; None is Cancel.
LOCAL, ON_DRIVE = "local", "drive"
#: How long the status bar keeps the outcome of a merge back (ms).
MESSAGE_MS = 20_000


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while a copy or a merge back talks to the network drive."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class SharedDrive(QObject):
    """The main window's part in projects on a network drive (its questions are methods tests replace)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.merge_back_action = QAction(self.tr("Merge &back to shared file"), window)
        tip = self.tr("Send this local copy's changes to the shared file on the network drive and take in "
                      "what others changed there")
        self.merge_back_action.setStatusTip(tip)
        self.merge_back_action.setToolTip(tip)
        self.merge_back_action.setEnabled(False)
        self.merge_back_action.triggered.connect(self._on_merge_back_triggered)
        self._known: tuple[object, pathlib.Path | None] = (None, None)  # (project, its origin), read once per project
        self.cancelled = False  # the last merge back stopped because the person cancelled the conflicts' dialog

    # --- state ------------------------------------------------------------------------

    def origin(self) -> pathlib.Path | None:
        """The shared file the open project is a local copy of; None when it is no local copy."""
        project = self.window.project
        if project is None or project.closed:
            return None
        if self._known[0] is not project:
            self._known = (project, drives.origin_of(project.path))
        return self._known[1]

    def update_action(self) -> None:
        project = self.window.project
        self.merge_back_action.setEnabled(self.origin() is not None and not project.read_only)

    # --- opening ----------------------------------------------------------------------

    def where_to_open(self, path: str | pathlib.Path) -> pathlib.Path | None:
        """The file to open for ``path``: itself, its local copy (made or refreshed now), or None (cancelled)."""
        path = pathlib.Path(path)
        if drives.origin_of(path) is not None:
            return path  # a local copy, opened as itself
        fstype = drives.network_filesystem(path)
        if fstype is None or not path.is_file():
            return path
        existing = drives.existing_copy(path)
        waiting = (drives.unsent(existing, path) or 0) if existing is not None else 0
        choice = self.ask_where(path, fstype, waiting)
        if choice == ON_DRIVE:
            return path
        if choice != LOCAL:
            return None
        try:
            with _busy():
                return drives.local_copy(path, user=self.window.user)
        except KnownError as exc:
            self.window.show_error(exc)
            return None
        except OSError as exc:  # the data folder full or not writable: a sentence, not a crash
            self.window.show_error(self._os_error(exc))
            return None

    def opened(self) -> None:
        """Name a local copy in the window's title, and say where a project on the drive is."""
        project = self.window.project
        origin = self.origin()
        self.update_action()
        if project is None:
            return
        if origin is not None:
            self.window.setWindowTitle(self.tr("{name} – local copy of {origin} – factcheck").format(
                name=project.path.name, origin=str(origin)))
            # Short enough for the status bar at 1,024 px beside "Saved" and the user's name (Spanish too).
            self.window.statusBar().showMessage(self.tr(
                "Local copy of {name}: your changes go back to it when you close the project.").format(
                name=origin.name), MESSAGE_MS)
        elif project.network_drive:
            self.window.statusBar().showMessage(self.tr(
                "{name} is on a network drive ({drive}): each save waits until nobody else is reading it.").format(
                name=project.path.name, drive=project.network_drive), MESSAGE_MS)

    # --- merging back -----------------------------------------------------------------

    def _on_merge_back_triggered(self) -> None:
        reason = self.merge_back()
        if reason is not None and self.cancelled:  # the person's own choice: no alarm, a line in the status bar
            self.window.statusBar().showMessage(reason, MESSAGE_MS)
        elif reason is not None:
            self.window.show_error(self.tr("{reason}\n\nYour changes are safe in the local copy; try again later "
                                           "(File > Merge back to shared file).").format(reason=reason))

    def merge_back(self, *, closing: bool = False) -> str | None:
        """Merge the open local copy back into its shared file; None when done, else why not (a sentence)."""
        project, origin = self.window.project, self.origin()
        self.cancelled = False
        if origin is None:
            return None
        if self.window.panel is not None:
            self.window.panel.inspector.commit_pending()  # a field being typed in belongs in what is sent
        resolutions = None
        while True:
            try:
                with _busy():
                    result = drives.merge_back(project, origin, resolutions)
            except KnownError as exc:
                return language.ui(exc)
            except OSError as exc:  # at close too: the window must still close or stay, never crash
                return self._os_error(exc)
            if result.conflicts is None:
                break
            resolutions = self.ask_resolutions(result.conflicts)
            if resolutions is None:
                self.cancelled = True
                return self.tr("The merge back was cancelled: the conflicts still need a choice.")
        if result.changes is not None and not closing and self.window.session is not None:
            self.window.session.sig_changed.emit(result.changes)  # others' work, in every view
        if result.sent == 0 and result.received == 0:
            merged = self.tr("Nothing to merge back: the local copy and {name} hold the same changes.")
        elif result.sent == 1:
            merged = self.tr("Merged back 1 change to {name}; {received} came in from others.")
        else:
            merged = self.tr("Merged back {sent} changes to {name}; {received} came in from others.")
        self.window.statusBar().showMessage(
            merged.format(sent=result.sent, name=origin.name, received=result.received), MESSAGE_MS)
        return None

    def before_close(self) -> bool:
        """Merge a local copy back before its project closes; False: keep it open (the merge back failed, and the
        person chose to stay)."""
        if self.origin() is None or self.window.project.read_only:
            return True
        reason = self.merge_back(closing=True)
        return reason is None or not self.ask_keep_open(reason)

    # --- questions (tests replace these) ------------------------------------------------

    def ask_where(self, path: pathlib.Path, fstype: str, waiting: int) -> str | None:
        """Work on a local copy (``LOCAL``), on the drive (``ON_DRIVE``), or not at all (None)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Project on a network drive"),
                          self.tr("{name} is on a network drive ({drive}). SQLite's fast journal cannot be used "
                                  "there safely.").format(name=path.name, drive=fstype), parent=self.window)
        details = [self.tr("Work on a local copy (recommended): your changes are merged back when you close the "
                           "project or choose File > Merge back to shared file."),
                   self.tr("Open it on the drive: slower; safe, but others wait while you save.")]
        if waiting:
            details.append(self.tr("Changes in your local copy not yet merged back: {n}. Work on the local copy "
                                   "to send them.").format(n=waiting))
        box.setInformativeText("\n\n".join(details))
        local = box.addButton(self.tr("Work on a local copy"), QMessageBox.ButtonRole.AcceptRole)
        drive = box.addButton(self.tr("Open on the drive"), QMessageBox.ButtonRole.ActionRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(local)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return LOCAL if clicked is local else ON_DRIVE if clicked is drive else None

    def ask_resolutions(self, plan) -> dict | None:
        """The person's choice for each conflict (``merge.apply``'s resolutions), or None when cancelled."""
        from factcheck.ui.dialogs.merge_dialog import MergeDialog

        # "Here" is the local copy (the open project), "there" the shared file: the dialog names them so.
        return MergeDialog.ask(plan, self.window, project=self.window.project, shared=True)

    def _os_error(self, exc: OSError) -> str:
        """An operating system error met while copying or merging back, as one sentence."""
        return self.tr("The local copy could not be made or updated: {reason}.").format(
            reason=exc.strerror or str(exc))

    def ask_keep_open(self, reason: str) -> bool:
        """After a failed merge back at closing: True to keep the project open, False to close it anyway."""
        origin = self.origin()
        name = origin.name if origin is not None else ""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not merged back"),
                          self.tr("Your changes were not merged back to {name}.").format(name=name), parent=self.window)
        box.setInformativeText(self.tr("{reason}\n\nThey are safe in the local copy: the next time you open {name}, "
                                       "work on the local copy and they are merged back when you close it.").format(
                                           reason=reason, name=name))
        keep = box.addButton(self.tr("Keep it open"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(self.tr("Close anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is keep
