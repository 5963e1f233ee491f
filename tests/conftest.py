"""Shared fixtures. Qt runs offscreen: set before any Qt module loads."""

from __future__ import annotations

import gc
import os
import pathlib
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from factcheck.core.project import Project  # noqa: E402
from factcheck.importers import ImportedArticle  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "us-sanctions-petro.txt"


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """``factcheck ARGS`` as a user runs it, in this process: (exit status, stdout, stderr)."""
    from factcheck import cli

    try:
        cli.main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def imported(text: str, title: str = "Test article", name: str = "test.txt") -> ImportedArticle:
    return ImportedArticle(
        text=text, title=title, source_format="text", source_name=name,
        original=text.encode("utf-8"), mime="text/plain",
    )


@pytest.fixture(autouse=True, scope="session")
def _no_collection_on_worker_threads():
    """Cyclic garbage is collected between tests, on the main thread, never by Python's automatic collection.

    Python collects on whichever thread allocates past a threshold. The tests' windows, sessions
    and export runners end in reference cycles, and a collection on a worker (an export, the
    history check, the verdict library) destroyed them there: their timers, stopped from the wrong
    thread, later fired on freed memory in the main thread's event loop (a segfault, depending on
    test order). The app's answer is ``ui/threads.py``'s collector, a UI-thread timer; the tests
    collect at fixed points instead, where no test code or nested event loop is running.
    """
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_between_tests(_no_collection_on_worker_threads):
    """After each test: its windows deleted, then what Python's automatic collection would have collected by now."""
    yield
    _delete_windows()
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            break


def _delete_windows() -> None:
    """Delete the test's windows and dialogs now, while their Python objects are whole.

    pytest-qt closes the widgets a test registered and asks Qt to delete them later, but
    only an event loop deletes them, so windows piled up (over 200 main windows at once in
    three files) and went, with the sessions, timers and models they hold, inside a later
    test's event loop or in a garbage collection. Destroyed by a collection, a window's
    children run Python code (event filters, slots) whose objects the collection has
    already emptied: a segfault in ``QObject::~QObject``. Windows and dialogs made without a
    parent are deleted here too, and anything with a parent goes with them. Popups are left
    to their owners (a completer's list has no parent, and its completer would use it again).
    """
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets is not None else None
    if app is None:
        return
    kinds = sys.modules["PySide6.QtCore"].Qt.WindowType
    for window in app.topLevelWidgets():
        if window.parent() is None and window.windowType() in (kinds.Window, kinds.Dialog):
            window.deleteLater()
    app.sendPostedEvents(None, sys.modules["PySide6.QtCore"].QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _factcheck_home(tmp_path_factory, monkeypatch):
    """Settings, backups and logs go to a throwaway folder, never the real home."""
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    p = Project.create(tmp_path / "test.factcheck", user="ana")
    yield p
    p.close()


@pytest.fixture
def article(project, sample_text):
    """(project, article id, current version) with the sample article imported."""
    article_id = project.import_article(imported(sample_text)).created
    return project, article_id, project.current_version(article_id)
