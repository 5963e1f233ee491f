"""The app under hostile use: a folder as the project, a page of the file damaged while it shows an article."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import QItemSelectionModel, QObject, QSettings, Signal
from PySide6.QtGui import QTextCursor

from factcheck import cli
from factcheck.core.errors import BugError, KnownError, NotAProject
from factcheck.core.project import Project
from factcheck.ui import alerts, app
from factcheck.ui.main_window import MainWindow

from ..conftest import SAMPLE, imported


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path / "home"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("user/name", "ana")
    return settings


@pytest.fixture
def shown(monkeypatch):
    """What the user was told: refusals (one sentence each) and bugs, instead of message boxes."""
    told: dict[str, list[str]] = {"errors": [], "bugs": [], "warnings": []}
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: told["errors"].append(str(message)))
    # The history check runs in the background: when it ends after a test damaged the file,
    # its warning would be a modal box that nobody closes (the run hung on it under load).
    monkeypatch.setattr(MainWindow, "warn_integrity", lambda self, verdict: told["warnings"].append(str(verdict)))
    monkeypatch.setattr(alerts, "show_error", lambda parent, exc, title="": told["errors"].append(str(exc)))
    monkeypatch.setattr(app, "show_bug", lambda message: told["bugs"].append(message))
    monkeypatch.setattr(sys, "excepthook", app.excepthook)  # as app.run installs it
    return told


def test_a_folder_as_the_project_starts_the_app_and_says_so(tmp_path, qtbot, settings, shown):
    folder = tmp_path / "Checks 2025"
    folder.mkdir()
    window = app.make_window(str(folder), settings=settings)
    qtbot.add_widget(window)
    window.show()
    assert shown["errors"] == ["Checks 2025 is a folder, not a factcheck project."]
    assert window.project is None and window.isVisible()
    assert window.new_project_action.isEnabled() and window.open_project_action.isEnabled()


@pytest.mark.parametrize("args", [[], ["open"]])
def test_factcheck_with_a_folder_starts_the_app_on_it(tmp_path, monkeypatch, args):
    folder = tmp_path / "Checks 2025"
    folder.mkdir()
    started = []
    monkeypatch.setattr(app, "run", lambda project, user=None: started.append(project) or 0)
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*args, str(folder)])
    assert exit_info.value.code == 0 and started == [str(folder)]  # not click's usage error


def damage_a_page_of_claims(path) -> None:
    """Overwrite the middle of one leaf page of the claims table, as a failing disk would."""
    conn = sqlite3.connect(path)
    pages = [r[0] for r in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'claims' AND pagetype = 'leaf' ORDER BY pageno")]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    assert len(pages) >= 10
    page = pages[len(pages) // 2]
    with open(path, "r+b") as f:
        f.seek((page - 1) * size + size // 4)
        f.write(b"\xa5" * (size // 2))


def readable(path, claim_id: str) -> bool:
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT * FROM claims WHERE id = ?", (claim_id,)).fetchall()
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


@pytest.fixture
def big_project(tmp_path):
    """An article whose 300 claims span many pages of the file, then a small second article."""
    path = tmp_path / "big.factcheck"
    text = SAMPLE.read_text(encoding="utf-8")
    with Project.create(path, user="ana") as p:
        big = p.import_article(imported(text, title="A big check")).created
        version = p.current_version(big)
        with p.batch():
            for i in range(300):
                at = (i * 37) % (len(text) - 60)
                p.create_claim(version.id, at, at + 30, statement=f"Claim {i}", rationale="Because " * 40)
        small = p.import_article(imported("Aid fell by half in 2024. Exports rose.", title="B small check")).created
        small_version = p.current_version(small)
        healthy = p.create_claim(small_version.id, 0, 24, statement="Aid fell by half in 2024.").created
        big_ids = [c.id for c in p.claims(big)]
    return path, big, small, big_ids, healthy


def select_row(view, row: int) -> None:
    """Make ``row`` current in a list or table, as a click does (its slots run)."""
    view.selectionModel().setCurrentIndex(
        view.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def assert_one_sentence_each(messages: list[str], name: str) -> None:
    assert messages
    for message in messages:
        assert message == f"{name} is damaged: part of the file is not what factcheck wrote."


@pytest.mark.qt_no_exception_capture  # errors in slots reach app.excepthook, as in the app
def test_a_damaged_claims_page_is_one_sentence_and_the_window_stays_usable(qtbot, settings, shown, big_project):
    path, big, small, big_ids, healthy = big_project
    window = MainWindow(settings, "ana")
    qtbot.add_widget(window)
    assert window.open_project(path)
    window.show()
    qtbot.wait_exposed(window)
    window.select_article(big)
    assert window.panel.claims.count() == 300  # counted in SQL; the rows are read a page at a time

    damage_a_page_of_claims(path)
    broken = [i for i in big_ids if not readable(path, i)]
    assert broken and len(broken) < len(big_ids)
    # Another program writes to the file, so the app reads its pages from disk again.
    with sqlite3.connect(path) as other:
        other.execute("""UPDATE settings SET value = '"Checked twice."' WHERE key = 'methodology'""")
    other.close()

    # The checker clicks a claim whose row was on the damaged page, then another article
    # and back (a refresh): never a traceback or a "bug", one sentence when it is said.
    # Its row is shown once the pages down to it are read; when one of them is the damaged
    # page, reading it fails as a scroll would: through the app's excepthook, as Qt hands it on.
    try:
        row = window.panel.claims.fetch_through(broken[0])
    except KnownError:
        sys.excepthook(*sys.exc_info())
        row = -1
    if row >= 0:
        select_row(window.panel.list, row)
    select_row(window.article_list, window.articles.row_of(small))
    assert window.current_article_id() == small and window.panel.claims.rowCount() == 1
    select_row(window.article_list, window.articles.row_of(big))
    assert shown["bugs"] == []
    assert_one_sentence_each(shown["errors"], "big.factcheck")

    # The window still works: the healthy article's claim opens, and a new claim is saved.
    select_row(window.article_list, window.articles.row_of(small))
    select_row(window.panel.list, window.panel.claims.row_of(healthy))
    assert window.panel.current_claim_id == healthy
    cursor = window.view.text_edit.textCursor()
    cursor.setPosition(26)
    cursor.setPosition(38, QTextCursor.MoveMode.KeepAnchor)
    window.view.text_edit.setTextCursor(cursor)
    window.new_claim_action.trigger()
    assert window.panel.claims.rowCount() == 2
    made = window.project.claim(window.panel.current_claim_id)
    assert made.exact == "Exports rose"
    assert shown["bugs"] == []


@pytest.mark.qt_no_exception_capture
def test_a_project_damaged_before_it_opens_still_lets_the_app_start(qtbot, settings, shown, big_project):
    path, big, small, *_ = big_project
    damage_a_page_of_claims(path)
    window = app.make_window(str(path), settings=settings)
    qtbot.add_widget(window)
    window.show()
    assert_one_sentence_each(shown["errors"], "big.factcheck")
    assert shown["bugs"] == []
    # Opening reads what the first screen shows (the review queue a page at a time), not every
    # claim: the project opens, the article on the damaged page says so, and the rest works.
    assert window.project is not None and window.open_project_action.isEnabled()
    select_row(window.article_list, window.articles.row_of(small))
    assert window.current_article_id() == small and window.panel.claims.rowCount() == 1
    assert shown["bugs"] == []


class _Emitter(QObject):
    sig_clicked = Signal()


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("error, bug", [
    (NotAProject("p.factcheck is damaged: part of the file is not what factcheck wrote."), False),
    (BugError("unexpected database error on p.factcheck (code 1): no such column: x"), True),
    (ZeroDivisionError("division by zero"), True),
])
def test_an_error_no_slot_handled_is_a_sentence_or_a_logged_bug(qapp, settings, shown, tmp_path, error, bug):
    emitter = _Emitter()

    def slot():
        raise error

    emitter.sig_clicked.connect(slot)
    emitter.sig_clicked.emit()
    log = tmp_path / "home" / "logs" / "factcheck.log"  # under FACTCHECK_HOME
    if not bug:
        assert shown == {"errors": [str(error)], "bugs": [], "warnings": []}
        assert not log.exists()
        return
    assert shown["errors"] == [] and len(shown["bugs"]) == 1
    message = shown["bugs"][0]
    assert "a bug in factcheck" in message and str(log) in message and "\n" not in message
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and type(error).__name__ in logged and "in slot" in logged
