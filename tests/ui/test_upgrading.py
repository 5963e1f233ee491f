"""Opening a project an older factcheck made: the upgrade's steps in a dialog, and Stop."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtCore import QSettings

from factcheck.core import migrations, workflow
from factcheck.ui import upgrading
from factcheck.ui.main_window import MainWindow

from ..conftest import imported
from ..core.test_migrations import applied, downgrade

TEXT = "El ministro dijo que el paro bajó un 4 % el año pasado. La oposición afirmó que subió un 2 %. " * 40


@pytest.fixture
def older(tmp_path):
    """A project with claims in review, as factcheck left it before the paged lists' indexes (schema 12)."""
    from factcheck.core.project import Project

    path = tmp_path / "older.factcheck"
    with Project.create(path, user="ana") as p:
        version = p.current_version(p.import_article(imported(TEXT)).created)
        source = p.create_source(title="INE").created
        for i in range(20):
            claim_id = p.create_claim(version.id, i * 20, i * 20 + 15, rating=p.scale.ratings[0].key,
                                      verdict_summary="No.").created
            p.cite(claim_id, source, "contradicts")
            p.review(claim_id, workflow.SUBMIT)
    downgrade(path, 12)
    return path


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    errors = []
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), "eva")
    qtbot.add_widget(window)
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(str(message)))
    window.errors = errors
    return window


def watch_steps(monkeypatch, then=None) -> list[str]:
    """The dialog's words at each step it is told (``then(dialog, done)`` after each)."""
    said = []
    told = upgrading.UpgradeDialog._on_progress

    def on_progress(self, done, total):
        told(self, done, total)
        said.append(self.label.text())
        assert self.isVisible() and self.isModal()
        if then is not None:
            then(self, done)

    monkeypatch.setattr(upgrading.UpgradeDialog, "_on_progress", on_progress)
    return said


def test_an_older_project_opens_after_its_upgrade_shown_step_by_step(window, older, monkeypatch, qtbot):
    assert migrations.outdated(older)
    said = watch_steps(monkeypatch)
    assert window.open_project(older)
    total = 1 + migrations.steps_of(migrations.m013_paged_lists) + 1
    assert said[0] == f"Upgrading older.factcheck for this version of factcheck: step 1 of {total}"
    assert f"Upgrading older.factcheck for this version of factcheck: step {total} of {total}" in said
    assert not migrations.outdated(older) and applied(older) == migrations.known_names()
    window.show()
    qtbot.wait_until(lambda: window.review_panel.model.counted)
    assert window.review_panel.model.count() == 20 and not window.errors


def test_stop_leaves_the_file_as_it_was_and_it_opens_next_time(window, older, monkeypatch):
    clicked = threading.Event()

    def stop(dialog, done):
        if done == 4:
            dialog.stop_button.click()
            clicked.set()

    advance = migrations.Upgrade.advance

    def slowly(upgrade):  # a small project's indexes take milliseconds: the fifth waits for the click
        if upgrade.done == 4:
            clicked.wait(10)
        advance(upgrade)

    monkeypatch.setattr(migrations.Upgrade, "advance", slowly)
    said = watch_steps(monkeypatch, stop)
    assert not window.open_project(older)
    assert said[4].endswith(": step 5 of 18") and said[5:] == ["Stopping the upgrade of older.factcheck…"]
    assert window.project is None and window.errors == [str(migrations.STOPPED)]
    assert "m013_paged_lists" not in applied(older) and migrations.outdated(older)
    conn = sqlite3.connect(older)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    monkeypatch.undo()
    assert window.open_project(older) and not migrations.outdated(older)


def test_a_current_project_opens_without_the_dialog(window, older, monkeypatch):
    window.open_project(older)
    said = watch_steps(monkeypatch)
    assert window.open_project(older) and said == []
