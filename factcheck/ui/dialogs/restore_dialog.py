"""File > Restore from backup: pick one of the project's backups and open it as a new file.

``run_restore`` is what the menu action calls: it asks (``RestoreDialog.ask``: the backup,
then where to save the copy), writes the copy with ``core.backup.restore`` (which never
overwrites a file) and opens it through the window's usual open path.
"""

from __future__ import annotations

import pathlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factcheck import paths
from factcheck.core import backup
from factcheck.core.errors import KnownError
from factcheck.ui.models import local_time
from factcheck.ui import language


def suggested_path(project_path: pathlib.Path, chosen: backup.Backup) -> pathlib.Path:
    """Beside the project, named after it and the backup's day, and not an existing file."""
    base = f"{project_path.stem}-restored-{chosen.at.astimezone():%Y-%m-%d}"
    return paths.unused_name(project_path, base, backup.SUFFIX)


class RestoreDialog(QDialog):
    """The current project's backups, newest first. Open it with ``RestoreDialog.ask``.

    ``table`` holds one row per backup (``backups[row]``); ``ok_button`` restores.
    """

    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(620, 420)
        self.project_path = pathlib.Path(project.path)
        self.backups = backup.backups_of(project)
        self.folder = backup.folder(project)
        intro = QLabel(self.tr(
            "Backups of {name}, newest first. The one you choose is saved as a new "
            "file and opened; the project open now stays as it is."
        ).format(name=self.project_path.name))
        intro.setWordWrap(True)
        headers = [self.tr("Made"), self.tr("Reason"), self.tr("Size"), self.tr("Claims")]
        reasons = {backup.DAILY: self.tr("Daily"), backup.PREMIGRATION: self.tr("Before upgrade"),
                   backup.MANUAL: self.tr("Manual")}
        locale = QLocale()
        self.table = QTableWidget(len(self.backups), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, b in enumerate(self.backups):
            claims = backup.claim_count(b.path)
            reason = reasons.get(b.reason) or language.ui(b.label).capitalize()
            cells = (local_time(b.at), reason, language.ui(backup.size_text(b.size)),
                     "?" if claims is None else locale.toString(claims))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(b.path))
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr(
            "There are no backups of this project yet. factcheck makes one the first time each day the "
            "project is opened for changes, and one before a new version of factcheck upgrades the file."
        ))
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self.backups)
        self.table.setVisible(bool(self.backups))
        self.where = QLabel(self.tr("Kept in {folder}").format(folder=self.folder))
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Restore as new file…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.where)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._update_ok)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        if self.backups:
            self.table.selectRow(0)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.selected() is not None)

    def selected(self) -> backup.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    @classmethod
    def ask_path(cls, parent: QWidget | None, suggested: str) -> str:
        """Where to save the restored copy (empty when cancelled); an existing file is refused later, not replaced."""
        path, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("RestoreDialog", "Save the restored copy as"), suggested,
            QCoreApplication.translate("RestoreDialog", "factcheck projects (*{suffix});;All files (*)").format(
                suffix=backup.SUFFIX),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path and not pathlib.Path(path).suffix:
            path += backup.SUFFIX
        return path

    @classmethod
    def ask(cls, project, parent: QWidget | None = None) -> tuple[backup.Backup, str] | None:
        """(the chosen backup, the new file's path), or None when cancelled."""
        dialog = cls(project, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.selected() is None:
            return None
        chosen = dialog.selected()
        path = cls.ask_path(parent, str(suggested_path(dialog.project_path, chosen)))
        return (chosen, path) if path else None


def run_restore(project, parent: QWidget | None, open_project: Callable[[str], bool]) -> str | None:
    """Ask which backup and where, write the copy, open it; returns the new file's path (None if not)."""
    try:
        answer = RestoreDialog.ask(project, parent)
        if answer is None:
            return None
        chosen, path = answer
        backup.restore(chosen.path, path)
    except KnownError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("RestoreDialog", "Not restored"), language.ui(exc))
        return None
    return path if open_project(path) else None
