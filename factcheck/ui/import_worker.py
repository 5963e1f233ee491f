"""Reading a file into an article off the UI thread: progress after half a second, Cancel, passwords.

Only the parsing runs on the worker thread; the caller stores the result on the UI thread's
connection (SQLite writes stay there). While a file is read the window keeps painting: user
input waits for the first half second, then a window-modal progress dialog offers Cancel.
"""

from __future__ import annotations

import hashlib
import pathlib
import threading

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer
from PySide6.QtWidgets import QInputDialog, QLineEdit, QProgressDialog, QWidget

from factcheck.core import later
from factcheck.core.errors import ImportCancelled, PasswordRequired
from factcheck.core.text import N_

importers = later.Module("factcheck.importers")  # at the first file read, not for the first window


def __getattr__(name: str):
    """``PDFIUM_LOCK``: PDFium must not be called from two threads at once (whatever the document).

    The PDF importer holds it page by page, so the page view (which draws only when it can
    take it) can draw between two pages of a long import. One lock for the whole app: the
    importer's, looked up when first asked for, so the window's start does not load the PDF
    importer and PDFium.
    """
    if name == "PDFIUM_LOCK":
        from factcheck.importers import pdf

        return pdf.PDFIUM_LOCK
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: How long a file is read before the progress dialog appears (ms).
SHOW_AFTER_MS = 500
#: How often the progress dialog takes the worker's latest figures (ms).
POLL_MS = 100
#: Passwords that opened documents in this session, by the SHA-256 of the document's bytes,
#: so the page view can show an encrypted original. Kept in memory only, never written.
_passwords: dict[str, str] = {}


def known_password(data: bytes) -> str | None:
    """The password that opened these bytes in this session, if one did."""
    return _passwords.get(hashlib.sha256(data).hexdigest())


def remember_password(data: bytes, password: str) -> None:
    _passwords[hashlib.sha256(data).hexdigest()] = password


def ask_password(parent: QWidget | None, name: str, *, wrong: bool) -> str | None:
    """The password of an encrypted file, typed unseen; None when the person cancels (tests replace this)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("ImportRunner", "Password"))
    if wrong:
        label = QCoreApplication.translate("ImportRunner", "That password did not open “{name}”. Try again:")
    else:
        label = QCoreApplication.translate("ImportRunner", "“{name}” is protected by a password. Enter it to open the file:")
    dialog.setLabelText(label.format(name=name))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    try:
        return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class ImportWorker(QThread):
    """Runs ``importers.import_file`` once; the result or the error is kept for the UI thread."""

    def __init__(self, path: str, password: str | None, parent: QObject | None = None):
        super().__init__(parent)
        self.path, self.password = path, password
        self.result: importers.ImportedArticle | None = None
        self.error: Exception | None = None
        self.done, self.total = 0, 0  # the importer's last progress report
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.done, self.total = done, total
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            self.result = importers.import_file(self.path, password=self.password, progress=self._progress)
        except Exception as exc:  # noqa: BLE001 - raised again on the UI thread
            self.error = exc


class ImportRunner(QObject):
    """Reads files for a window, one at a time, asking for passwords as needed."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.worker: ImportWorker | None = None
        self.dialog: QProgressDialog | None = None  # shown while a long read runs
        self._paged = False

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def read(self, path: str) -> importers.ImportedArticle | None:
        """The file as an article, read on a worker thread; None when a password was asked for and not given.

        Raises the importer's ``KnownError`` (``ImportCancelled`` when the person cancelled).
        """
        name = pathlib.Path(path).name
        password = None
        while True:
            try:
                imported = self._run(path, name, password)
            except PasswordRequired as exc:
                password = ask_password(self.parent(), name, wrong=exc.wrong or password is not None)
                if password is None:
                    return None
                continue
            if password is not None:
                remember_password(imported.original, password)
            return imported

    def _run(self, path: str, name: str, password: str | None) -> importers.ImportedArticle:
        worker = self.worker = ImportWorker(path, password, self)
        self._paged = _is_pdf(path)  # its progress counts pages (other formats count parts, files...)
        loop = QEventLoop()
        worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        poll = QTimer(self, interval=POLL_MS)
        poll.timeout.connect(self._show_progress)
        try:
            worker.start()
            # The first half second: the window paints, user input waits (most files are read by then).
            QTimer.singleShot(SHOW_AFTER_MS, loop.quit)
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            if not worker.isFinished():
                self.dialog = self._progress_dialog(name)
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
        if worker.error is not None:
            raise worker.error
        if worker.cancelled:  # cancelled after the importer's last progress report: nothing is kept
            raise ImportCancelled(N_("The import was cancelled."))
        return worker.result

    def _progress_dialog(self, name: str) -> QProgressDialog:
        dialog = QProgressDialog(self.parent())
        dialog.setWindowTitle(QCoreApplication.translate("ImportRunner", "Importing {name}").format(name=name))
        dialog.setLabelText(QCoreApplication.translate("ImportRunner", "Reading {name}…").format(name=name))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setRange(0, 0)  # busy until the importer says how much there is
        dialog.canceled.connect(self._on_dialog_canceled)
        dialog.show()
        return dialog

    def _on_dialog_canceled(self) -> None:
        self.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(QCoreApplication.translate("ImportRunner", "Cancelling…"))

    def _show_progress(self) -> None:
        worker, dialog = self.worker, self.dialog
        if worker is None or dialog is None or worker.cancelled or not worker.total:
            return
        if dialog.maximum() != worker.total:
            dialog.setRange(0, worker.total)
        dialog.setValue(min(worker.done, worker.total))
        if self._paged:
            dialog.setLabelText(QCoreApplication.translate("ImportRunner", "Reading page {page} of {total}…").format(
                page=min(worker.done + 1, worker.total), total=worker.total))


def _is_pdf(path: str) -> bool:
    """Whether a file is a PDF, by its first bytes (or its name, when it cannot be read)."""
    try:
        with open(path, "rb") as file:
            return b"%PDF-" in file.read(1024)
    except OSError:
        return path.lower().endswith(".pdf")
