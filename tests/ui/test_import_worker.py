"""Importing off the UI thread: the window runs meanwhile, Cancel stores nothing, encrypted files ask a password."""

from __future__ import annotations

import io
import threading
import time

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QPushButton

from factcheck import importers
from factcheck.core.errors import ImportCancelled
from factcheck.core.text import N_
from factcheck.ui import import_worker, long_work
from factcheck.ui.main_window import MainWindow

from ..conftest import SAMPLE
from ..importers._pdfs import article_pages, wrap, write

PARAGRAPHS = [wrap(f"Paragraph {n}: the minister said exports fell by {n} % in España 👍 last year.", 70)
              for n in range(1, 40)]


@pytest.fixture
def pdf_file(tmp_path, monkeypatch):
    """A three-page PDF article on disk, with PDF import registered (as the PDF importer does)."""
    monkeypatch.setitem(importers._DOCUMENTS, "PDF", importers._DOCUMENTS.get("PDF", ("factcheck.importers.pdf", "import_pdf")))
    path = tmp_path / "report.pdf"
    path.write_bytes(write(article_pages(PARAGRAPHS)))
    return path


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    errors: list = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))
    monkeypatch.setattr(long_work, "SHOW_AFTER_MS", 30)
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), "ana")
    qtbot.add_widget(w)
    assert w.open_project(tmp_path / "w.factcheck", create=True)
    w.show()
    qtbot.wait_exposed(w)
    w.errors = errors
    return w


def test_a_pdf_is_read_on_a_worker_while_the_event_loop_runs(window, pdf_file, monkeypatch):
    real = importers.import_file
    ui_thread = threading.get_ident()
    seen = {}
    ticked = threading.Event()

    def slow(path, *, password=None, progress=None):
        seen["thread"] = threading.get_ident()
        seen["ticked"] = ticked.wait(5)  # set by a timer of the UI thread: only if its loop runs
        return real(path, password=password, progress=progress)

    monkeypatch.setattr(importers, "import_file", slow)
    QTimer.singleShot(10, ticked.set)
    created = window.import_files([str(pdf_file)])
    assert seen == {"thread": seen["thread"], "ticked": True} and seen["thread"] != ui_thread
    assert not window.errors, window.errors
    (article,) = window.project.articles()
    assert created == [article.id] and window.current_article_id() == article.id
    assert "by 39 % in España last year" in window.project.text(window.view.current_version_id)
    assert window.project.current_version(article.id).source_format == "pdf"
    assert not window.errors and not window.importer.busy


def pages_until_cancelled(total: int, read: list):
    def fake(path, *, password=None, progress=None):
        for page in range(total):
            time.sleep(0.005)
            read.append(page)
            if progress(page + 1, total) is False:
                raise ImportCancelled(N_("The import was cancelled."))
        return importers.ImportedArticle(text="Words.", title="T", source_format="text", source_name="t.txt",
                                         original=b"Words.", mime="text/plain")

    return fake


def test_cancel_in_the_progress_dialog_stores_nothing_and_says_nothing(window, pdf_file, monkeypatch, qtbot):
    read: list[int] = []
    monkeypatch.setattr(importers, "import_file", pages_until_cancelled(2000, read))
    shown = []

    def click_cancel():
        dialog = window.importer.dialog
        if dialog is None or not dialog.isVisible() or "Reading page" not in dialog.labelText():
            QTimer.singleShot(20, click_cancel)
            return
        shown.append((dialog.labelText(), dialog.windowTitle(), dialog.maximum()))
        next(b for b in dialog.findChildren(QPushButton)).click()

    QTimer.singleShot(20, click_cancel)
    assert window.import_files([str(pdf_file), str(SAMPLE)], ask_metadata=True) == []
    (label, title, maximum), = shown
    assert label.startswith("Reading page ") and label.endswith(" of 2000…") and maximum == long_work.STEPS
    assert title == "Importing report.pdf"
    assert window.project.articles() == [] and window.errors == []
    assert 0 < len(read) < 2000  # the worker stopped at the next page
    assert window.importer.dialog is None and not window.importer.busy


def test_a_cancel_the_importer_never_hears_of_still_stores_nothing(window, monkeypatch, qtbot):
    def quiet(path, *, password=None, progress=None):  # never reports progress
        time.sleep(0.3)
        return importers.ImportedArticle(text="Words.", title="T", source_format="text", source_name="t.txt",
                                         original=b"Words.", mime="text/plain")

    monkeypatch.setattr(importers, "import_file", quiet)
    labels = []

    def escape():
        labels.append(window.importer.dialog.labelText())
        qtbot.keyClick(window.importer.dialog, Qt.Key.Key_Escape)  # Esc is Cancel

    QTimer.singleShot(150, escape)
    assert window.import_files([str(SAMPLE)]) == []
    assert labels == [f"Reading {SAMPLE.name}…"]  # no pages to count in a text file
    assert window.project.articles() == [] and window.errors == []


def encrypted(pdf: bytes, password: str) -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        writer.add_page(page)
    writer.encrypt(password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def locked_pdf(pdf_file):
    pdf_file.write_bytes(encrypted(pdf_file.read_bytes(), "clave"))
    return pdf_file


def answering(monkeypatch, answers: list):
    asked = []
    replies = iter(answers)

    def ask(parent, name, *, wrong):
        asked.append((name, wrong))
        return next(replies)

    monkeypatch.setattr(import_worker, "ask_password", ask)
    return asked


def test_an_encrypted_pdf_asks_for_its_password_again_when_wrong(window, locked_pdf, monkeypatch):
    asked = answering(monkeypatch, ["nope", "clave"])
    created = window.import_files([str(locked_pdf)])
    assert asked == [("report.pdf", False), ("report.pdf", True)]
    assert len(created) == 1 and "España" in window.project.text(window.view.current_version_id)
    assert not window.errors
    assert import_worker.known_password(locked_pdf.read_bytes()) == "clave"  # the page view opens it too
    window.page_dock.view._draw()
    assert window.page_dock.isVisible() and window.page_dock.view.canvas.image is not None


def test_cancelling_the_password_skips_that_file_quietly(window, locked_pdf, monkeypatch):
    asked = answering(monkeypatch, [None])
    created = window.import_files([str(locked_pdf), str(SAMPLE)])
    assert asked == [("report.pdf", False)]
    assert [a.id for a in window.project.articles()] == created and len(created) == 1
    assert window.project.current_version(created[0]).source_format == "text"
    assert not window.errors


def test_what_the_importer_noticed_is_shown_after_the_import(window, monkeypatch):
    def noticing(path, *, password=None, progress=None):
        return importers.ImportedArticle(
            text="Words.", title="T", source_format="docx", source_name="t.docx", original=b"PK", mime="application/zip",
            notices=(N_("Tracked changes were accepted."),))

    monkeypatch.setattr(importers, "import_file", noticing)
    assert window.import_files([str(SAMPLE)])
    assert window.statusBar().currentMessage() == f"{SAMPLE.name}: Tracked changes were accepted."


def test_closing_the_window_during_an_import_cancels_it_first(window, monkeypatch, qtbot):
    read: list[int] = []
    monkeypatch.setattr(importers, "import_file", pages_until_cancelled(2000, read))
    QTimer.singleShot(100, window.close)
    assert window.import_files([str(SAMPLE)]) == []
    assert 0 < len(read) < 2000 and window.project.articles() == []
    qtbot.wait_until(lambda: not window.isVisible())


def test_a_300_page_pdf_shows_its_pages_read_and_cancel_stops_it(window, pdf_file, qtbot):
    from ..importers._pdfs import long_article

    pdf_file.write_bytes(long_article(300))
    seen, ticks = [], []
    ticker = QTimer(window, interval=20)
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start()

    def cancel_after_some_pages():
        worker, dialog = window.importer.worker, window.importer.dialog
        # Cancel only once the window's timer has ticked during the import: were the window
        # blocked, the 300 pages would be read before this could happen.
        if (dialog is None or worker is None or worker.done < 10 or len(ticks) < 4
                or "Reading page" not in dialog.labelText()):
            QTimer.singleShot(20, cancel_after_some_pages)
            return
        seen.append((dialog.labelText(), worker))
        dialog.findChild(QPushButton).click()

    QTimer.singleShot(20, cancel_after_some_pages)
    assert window.import_files([str(pdf_file)]) == []
    ticker.stop()
    (label, worker), = seen
    assert label.endswith(" of 300…") and len(ticks) > 3  # the window's timers ran throughout
    assert worker.done < 300  # the importer stopped at the next page
    assert window.project.articles() == [] and window.errors == []
