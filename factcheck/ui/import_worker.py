"""Reading a file into an article off the UI thread: progress after half a second, Cancel, passwords.

Only the parsing runs on the worker thread; the caller stores the result on the UI thread's
connection (SQLite writes stay there). While a file is read the window keeps painting: user
input waits for the first half second, then a window-modal progress dialog offers Cancel
(``long_work``'s, with the pages read of a PDF).
"""

from __future__ import annotations

import hashlib
import pathlib

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from factcheck.core import later
from factcheck.core.errors import ImportCancelled, PasswordRequired
from factcheck.core.text import N_
from factcheck.ui import long_work

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


class ImportWorker(long_work.Job):
    """Runs ``importers.import_file`` once."""

    def __init__(self, path: str, password: str | None, parent: QObject | None = None):
        super().__init__(parent)
        self.path, self.password = path, password

    def work(self) -> importers.ImportedArticle:
        return importers.import_file(self.path, password=self.password, progress=self.progress)


class ImportRunner(long_work.Runner):
    """Reads files for a window, one at a time, asking for passwords as needed."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._paged = False

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
        worker = ImportWorker(path, password, self)
        self._paged = _is_pdf(path)  # its progress counts pages (other formats count parts, files...)
        self.wait_for(worker, QCoreApplication.translate("ImportRunner", "Importing {name}").format(name=name),
                      QCoreApplication.translate("ImportRunner", "Reading {name}…").format(name=name))
        if worker.error is not None:
            raise worker.error
        if worker.cancelled:  # cancelled after the importer's last progress report: nothing is kept
            raise ImportCancelled(N_("The import was cancelled."))
        return worker.result

    def _show_progress(self) -> bool:
        if not super()._show_progress():
            return False
        if self._paged:
            worker = self.worker
            self.dialog.setLabelText(QCoreApplication.translate("ImportRunner", "Reading page {page} of {total}…").format(
                page=min(worker.done + 1, worker.total), total=worker.total))
        return True


def _is_pdf(path: str) -> bool:
    """Whether a file is a PDF, by its first bytes (or its name, when it cannot be read)."""
    try:
        with open(path, "rb") as file:
            return b"%PDF-" in file.read(1024)
    except OSError:
        return path.lower().endswith(".pdf")
