"""Opening a project an older factcheck made: the upgrade on a thread, its steps in a dialog.

An upgrade copies the file, then builds this version's indexes over every claim: minutes
for a desk's year of 1,000,000 claims, during which the window could not appear. So the
file is upgraded on a thread of its own while ``UpgradeDialog`` says which step it is at
(``migrations.Upgrade``), and Stop ends it within a moment: the step under way is rolled
back, the file stays as its last finished step left it, and the next open upgrades it again.
"""

from __future__ import annotations

import os
import pathlib
import threading

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from factcheck.core import migrations
from factcheck.core.project import Project
from factcheck.ui.models import number


def open_project(parent: QWidget | None, path: str | os.PathLike, *, user: str, read_only: bool = False) -> Project:
    """``Project.open`` as the window opens a file (its day's backup left to the caller), upgraded in view.

    Raises what ``Project.open`` raises; ``errors.Cancelled`` when the upgrade was stopped.
    """
    if read_only or not migrations.outdated(path):
        return Project.open(path, user=user, read_only=read_only, daily_backup=False)
    return UpgradeDialog(pathlib.Path(path).name, parent).run(path, user)


class _Bridge(QObject):
    """Carries the upgrade's words from its thread to the dialog's (queued signals)."""

    sig_progress = Signal(float, int)
    """Steps done (with the part of the step under way, when known), of steps in all."""

    sig_finished = Signal()
    """The upgrade ended (opened, failed or stopped)."""


class UpgradeDialog(QDialog):
    """"Upgrading … step 3 of 18", a bar, and Stop, while ``run`` upgrades a file on a thread of its own."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self._stop = threading.Event()
        self.setWindowTitle(self.tr("Upgrading {name}").format(name=name))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.label = QLabel(self.tr("Upgrading {name} for this version of factcheck…").format(name=name))
        self.label.setWordWrap(True)
        why = QLabel(self.tr("This version of factcheck adds indexes to the project file so that it stays fast. "
                             "A large project takes a few minutes; Stop leaves the file as its last finished step "
                             "left it."))
        why.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Upgrade progress"))
        self.bar.setRange(0, 0)  # busy until the first step is told
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(why)
        layout.addWidget(self.bar)
        layout.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 60)

    def run(self, path: str | os.PathLike, user: str) -> Project:
        """Open (and upgrade) ``path`` on a thread while this dialog is shown; the project, or what it raised."""
        bridge = _Bridge()
        bridge.sig_progress.connect(self._on_progress)
        outcome: list = []

        def progress(done: float, total: int) -> bool:
            bridge.sig_progress.emit(done, total)
            return not self._stop.is_set()

        def work() -> None:
            try:
                outcome.append(Project.open(path, user=user, daily_backup=False, progress=progress))
            except BaseException as exc:  # noqa: BLE001 - raised again on the window's thread
                outcome.append(exc)
            finally:
                bridge.sig_finished.emit()

        loop = QEventLoop()
        bridge.sig_finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        thread = threading.Thread(target=work, name="upgrade", daemon=True)
        self.show()
        thread.start()
        loop.exec()
        thread.join()
        self.hide()
        self.deleteLater()
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    def _on_progress(self, done: float, total: int) -> None:
        if self._stop.is_set():
            return
        self.bar.setRange(0, total * 100)
        self.bar.setValue(round(done * 100))
        self.label.setText(self.tr("Upgrading {name} for this version of factcheck: step {n} of {total}").format(
            name=self.name, n=number(min(int(done) + 1, total)), total=number(total)))

    def reject(self) -> None:
        """Stop (or Esc, or the window's close button): the upgrade stops at once; the dialog waits for it."""
        if not self._stop.is_set():
            self._stop.set()
            self.stop_button.setEnabled(False)
            self.label.setText(self.tr("Stopping the upgrade of {name}…").format(name=self.name))
