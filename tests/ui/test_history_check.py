"""The history check at open: from this installation's last verified head, in a thread, never blocking."""

from __future__ import annotations

import gc
import sqlite3
import threading
import weakref

import pytest
from PySide6.QtCore import QSettings

from factcheck.core import events, verified
from factcheck.core.project import Project
from factcheck.ui.main_window import MainWindow

from ..conftest import SAMPLE, imported


@pytest.fixture
def said(monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: messages.append(str(message)))
    monkeypatch.setattr(MainWindow, "warn_integrity", lambda self, verdict: messages.append(f"INTEGRITY {verdict}"))
    return messages


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "desk.factcheck"
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported(SAMPLE.read_text(encoding="utf-8"))).created
        version = p.current_version(article_id)
        for i in range(5):
            p.create_claim(version.id, i * 40, i * 40 + 30, claimant=f"Portavoz {i} 🗣️")
    return path


@pytest.fixture
def window(qtbot, tmp_path, said):
    made: list[MainWindow] = []

    def open_(path) -> MainWindow:
        w = MainWindow(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat), "ben")
        qtbot.add_widget(w)
        made.append(w)
        assert w.open_project(path)
        return w

    yield open_
    for w in made:
        w.close()


def checked(qtbot, w: MainWindow) -> events.Verdict:
    qtbot.waitUntil(lambda: w.history_verdict is not None, timeout=10_000)
    return w.history_verdict


def test_the_first_open_checks_in_full_and_says_so_then_the_next_checks_only_what_is_new(qtbot, window, path, said,
                                                                                         monkeypatch):
    monkeypatch.setattr(MainWindow, "SAY_CHECKED_AFTER_S", 0.0)  # as if it had taken long: it says so
    w = window(path)
    verdict = checked(qtbot, w)
    assert verdict.ok and verdict.entities > 0 and said == []
    assert "whole history was checked" in w.statusBar().currentMessage()
    w.close()
    with Project.open(path, read_only=True) as p:
        mark = verified.load(events.project_id(p.store), p.path)
        assert mark is not None and mark.seq == events.verify_chain(p.store).events

    with Project.open(path, user="ana") as p:  # work done elsewhere (the command line, another window)
        p.update_claim(p.claims()[0].id, rating="false")
    w = window(path)
    verdict = checked(qtbot, w)
    assert verdict.ok and verdict.entities == 0  # the new event walked; the state is left to the full check
    assert "whole history" not in w.statusBar().currentMessage() and said == []


def test_an_edit_after_a_verified_open_is_found_at_the_next_open(qtbot, window, path, said):
    w = window(path)
    assert checked(qtbot, w).ok
    w.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE events SET actor = 'mallory' WHERE seq = 3")  # an old event, its hash left alone
    conn.commit()
    conn.close()
    w = window(path)
    assert w.panel.claims.rowCount() == 5  # usable at once
    verdict = checked(qtbot, w)
    assert not verdict.ok and verdict.seq == 3
    assert said and said[0].startswith("INTEGRITY History broken at event 3")
    assert w.history_label.isVisibleTo(w) and "History check failed" in w.windowTitle()


def test_a_rewritten_tail_is_checked_in_full_with_its_warning(qtbot, window, path, said):
    w = window(path)
    assert checked(qtbot, w).ok
    w.close()
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)")  # the head this computer checked
    conn.commit()
    conn.close()
    w = window(path)
    verdict = checked(qtbot, w)
    assert not verdict.ok and "no record of being made" in verdict.problem
    assert said and said[0].startswith("INTEGRITY")


def test_closing_the_project_stops_a_long_check(qtbot, window, path, said, monkeypatch):
    started, stopped = threading.Event(), threading.Event()

    def slow(project, *, progress=None, **kwargs):
        started.set()
        while progress(0, 1):  # a check that would go on for long: stops when asked to
            pass
        stopped.set()
        from factcheck.core.errors import Cancelled

        raise Cancelled("stopped")

    monkeypatch.setattr(verified, "check", slow)
    w = window(path)
    qtbot.waitUntil(started.is_set)
    w.close()  # returns once the check has stopped
    assert stopped.is_set() and w.history_verdict is None and said == []


def test_the_check_starts_once_the_window_is_painted(qtbot, window, path, monkeypatch):
    """Its Python work would otherwise take turns with the window's first queries and paint."""
    monkeypatch.setattr(MainWindow, "CHECK_AT_LATEST_MS", 60_000)
    w = window(path)
    assert w._history_thread is None  # opened, its views filled: nothing checked yet
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w._history_thread is not None)
    assert checked(qtbot, w).ok


def test_a_window_never_painted_still_checks(qtbot, window, path, monkeypatch):
    monkeypatch.setattr(MainWindow, "CHECK_AT_LATEST_MS", 50)
    w = window(path)  # never shown (a window that starts minimised)
    assert checked(qtbot, w).ok


def test_a_long_check_says_how_far_it_is_then_goes(qtbot, window, path, monkeypatch):
    go_on = threading.Event()
    real = verified.check

    def slow(project, *, progress=None, **kwargs):
        progress(1, 4)
        go_on.wait(10)
        return real(project, progress=progress, **kwargs)

    monkeypatch.setattr(verified, "check", slow)
    monkeypatch.setattr(MainWindow, "SAY_CHECKED_AFTER_S", 0.0)
    w = window(path)
    w.show()
    qtbot.waitUntil(lambda: w.checking_label.text() == "Checking the history… 25%")  # after the day's backup
    assert w.checking_label.isVisibleTo(w)
    assert "keep working" in w.checking_label.toolTip().lower()
    go_on.set()
    assert checked(qtbot, w).ok
    assert not w.checking_label.isVisibleTo(w) and not w.history_label.isVisibleTo(w)


def test_a_long_backup_says_so_and_closing_does_not_wait_for_it(qtbot, window, path, monkeypatch):
    """The day's backup of a desk's year takes minutes and cannot stop halfway: the window neither hides it nor
    waits for it to close."""
    from factcheck.core import backup

    copying, done, finished = threading.Event(), threading.Event(), threading.Event()

    def daily(project, **kwargs):
        copying.set()
        done.wait(10)
        finished.set()
        return []

    monkeypatch.setattr(backup, "daily", daily)
    monkeypatch.setattr(MainWindow, "SAY_CHECKED_AFTER_S", 0.0)
    w = window(path)
    w.show()
    qtbot.waitUntil(lambda: copying.is_set() and w.checking_label.isVisibleTo(w))  # said as the copy starts
    assert w.checking_label.text() == "Making the day's backup of the project…"
    w.close()
    assert not finished.is_set() and w.history_verdict is None  # closed with the copy still under way
    done.set()
    assert finished.wait(5)


def test_a_window_closed_during_its_backup_goes_at_once_and_the_thread_ends_unheard(qtbot, tmp_path, path, said,
                                                                                    monkeypatch):
    """The backup's thread holds nothing of the window: closed and deleted, the window is freed while the copy
    goes on, and the thread then ends without a word to it (nor an error in the thread)."""
    from factcheck.core import backup

    copying, done = threading.Event(), threading.Event()

    def daily(project, **kwargs):
        copying.set()
        done.wait(10)
        return ["a warning nobody is left to read"]

    monkeypatch.setattr(backup, "daily", daily)
    monkeypatch.setattr(MainWindow, "SAY_CHECKED_AFTER_S", 0.0)
    w = MainWindow(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat), "ben")
    assert w.open_project(path)
    w.show()
    qtbot.waitUntil(copying.is_set)
    thread = w._history_thread
    w.close()
    w.deleteLater()
    alive = weakref.ref(w)
    del w
    qtbot.waitUntil(lambda: gc.collect() >= 0 and alive() is None)  # freed with the copy still under way
    assert thread.is_alive()
    done.set()
    thread.join(5)
    qtbot.wait(50)  # anything it said would arrive now
    assert not thread.is_alive() and said == []


def test_a_window_deleted_while_its_check_reports_progress(qtbot, tmp_path, path, said, monkeypatch):
    """Closed and deleted mid-check, with the thread telling how far it is as fast as it can: it stops, and
    nothing it said reaches the window that is gone."""
    reports = threading.Event()

    def chatty(project, *, progress=None, **kwargs):
        while progress(1, 2):
            reports.set()
        from factcheck.core.errors import Cancelled

        raise Cancelled("stopped")

    monkeypatch.setattr(verified, "check", chatty)
    monkeypatch.setattr(MainWindow, "SAY_CHECKED_AFTER_S", 0.0)
    w = MainWindow(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat), "ben")
    assert w.open_project(path)
    w.show()
    qtbot.waitUntil(lambda: reports.is_set() and w.checking_label.isVisibleTo(w))
    thread = w._history_thread
    w.close()
    w.deleteLater()
    del w
    gc.collect()
    qtbot.wait(50)
    assert not thread.is_alive() and said == []


def test_a_quick_check_says_nothing_while_it_runs(qtbot, window, path):
    w = window(path)
    assert checked(qtbot, w).ok
    assert w.checking_label.text() == "" and not w.checking_label.isVisibleTo(w)


def test_the_days_first_backup_is_made_off_the_window_thread(qtbot, window, path, monkeypatch):
    from factcheck.core import backup

    made_on = []
    real = backup.daily

    def daily(project, **kwargs):
        made_on.append((threading.current_thread().name, project.read_only))
        return real(project, **kwargs)

    monkeypatch.setattr(backup, "daily", daily)
    w = window(path)
    assert checked(qtbot, w).ok
    assert made_on == [("history-check", True)]  # on the check's thread, from its read-only connection
    assert [b.reason for b in backup.backups_of(w.project)] == [backup.DAILY]
    w.close()
    made_on.clear()
    w = window(path)  # the same day: no second copy
    assert checked(qtbot, w).ok
    assert [b.reason for b in backup.backups_of(w.project)] == [backup.DAILY]
