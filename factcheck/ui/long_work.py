"""A window's long work on a worker thread: the window keeps painting, and after half a second a progress dialog
with Cancel says how far it is.

Reading a file to import, storing a large evidence file and writing an export each run this way: the work is
a ``Job`` (a thread that keeps its result or its error), and a ``Runner`` waits for it. For the first
``SHOW_AFTER_MS`` the window paints but user input waits: most work ends by then, and a dialog that flashes
up and away is worse than none. After that a window-modal progress dialog takes the job's last report every
``POLL_MS`` (a busy bar until the job knows how much there is); its Cancel, or Esc, asks the job to stop at
its next report. ``Runner.wait_for`` returns once the thread has ended, so the caller reads the result, or
raises the error again, on the window's thread, where SQLite writes and widgets live.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

#: How long work runs before its progress dialog appears (ms), and how often the dialog takes its figures.
SHOW_AFTER_MS = 500
POLL_MS = 100
#: The dialog's bar counts in thousandths: a job may count bytes, past what a progress bar's int holds.
STEPS = 1000


class Job(QThread):
    """One piece of long work (``work``), run once on a worker thread; its result or its error is kept."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.result = None
        self.error: BaseException | None = None
        self.done, self.total = 0, 0  # the work's last progress report
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> bool:
        """What the work reports to: False once cancelled (the work stops there)."""
        self.done, self.total = done, total
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            self.result = self.work()
        except Exception as exc:  # noqa: BLE001 - raised again on the UI thread
            self.error = exc

    def work(self):
        """The work itself, on the worker thread, reporting to ``progress``; returns the result."""
        raise NotImplementedError


class Runner(QObject):
    """Waits for a window's jobs, one at a time, with the progress dialog (see the module's docstring)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker: Job | None = None
        self.dialog: QProgressDialog | None = None  # shown while a long job runs

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def wait_for(self, worker: Job, title: str, label: str) -> None:
        """Start ``worker`` and return once it has ended, cancelled or not (its result or error is on it).

        ``title`` and ``label`` are the progress dialog's, should the work outlast ``SHOW_AFTER_MS``.
        """
        self.worker = worker
        loop = QEventLoop()
        worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        poll = QTimer(self, interval=POLL_MS)
        poll.timeout.connect(self._show_progress)
        try:
            worker.start()
            QTimer.singleShot(SHOW_AFTER_MS, loop.quit)
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            if not worker.isFinished():
                self.dialog = self._progress_dialog(title, label)
                self._show_progress()
                poll.start()
                while not worker.isFinished():
                    loop.exec()
            worker.wait()
        finally:
            poll.stop()
            poll.deleteLater()
            if self.dialog is not None:
                self.dialog.hide()  # not close(): closing it is a Cancel
                self.dialog.deleteLater()
                self.dialog = None
            self.worker = None
            worker.deleteLater()

    def _progress_dialog(self, title: str, label: str) -> QProgressDialog:
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        dialog = QProgressDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setRange(0, 0)  # busy until the job says how much there is
        dialog.canceled.connect(self._on_dialog_canceled)
        dialog.show()
        return dialog

    def _on_dialog_canceled(self) -> None:
        self.cancel()
        if self.dialog is not None:
            #: The progress dialog's label once Cancel is pressed, until the job stops at its next report.
            self.dialog.setLabelText(QCoreApplication.translate("Runner", "Cancelling…"))

    def _show_progress(self) -> bool:
        """The job's last report on the dialog; False when there is none to show (no dialog, no total yet, cancelled)."""
        worker, dialog = self.worker, self.dialog
        if worker is None or dialog is None or worker.cancelled or not worker.total:
            return False
        if dialog.maximum() != STEPS:
            dialog.setRange(0, STEPS)
        dialog.setValue(round(STEPS * min(worker.done, worker.total) / worker.total))
        return True
