"""File > Restore from backup: the list of backups, the new file, and the restored copy opened."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import QDateTime, QLocale, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from factcheck.core import backup
from factcheck.core.project import Project
from factcheck.ui.dialogs import restore_dialog
from factcheck.ui.dialogs.restore_dialog import RestoreDialog
from factcheck.ui.main_window import MainWindow

from ..conftest import imported

UTC = datetime.timezone.utc
WEEK_AGO = datetime.datetime.now(UTC).replace(microsecond=0) - datetime.timedelta(days=7)


def add_claim(project, words: str) -> None:
    article = project.articles()[0]
    version = project.current_version(article.id)
    at = version.text.index(words)
    project.create_claim(version.id, at, at + len(words))


@pytest.fixture
def project_path(tmp_path):
    """A project backed up a week ago with one claim, and again today with two."""
    path = tmp_path / "desk.factcheck"
    with Project.create(path, user="ana") as p:
        p.import_article(imported("The minister said the budget doubled. Officials denied it on Monday."))
        add_claim(p, "the budget doubled")
        backup.make(p, backup.MANUAL, now=WEEK_AGO)
        add_claim(p, "Officials denied it")
        backup.make(p, backup.MANUAL)
    return path


@pytest.fixture
def window(qtbot, tmp_path, project_path, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), "ana")
    qtbot.add_widget(w)
    w.errors = errors
    assert w.open_project(project_path), errors
    w.show()
    qtbot.wait_exposed(w)
    return w


def cells(dialog, row):
    return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]


def choose(qtbot, row):
    """A stand-in for ``RestoreDialog.exec``: pick ``row`` and press Restore."""
    def fake_exec(d):
        qtbot.add_widget(d)
        d.table.selectRow(row)
        qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
        return d.result()

    return fake_exec


def test_the_dialog_lists_backups_newest_first_in_local_time(qtbot, window):
    dialog = RestoreDialog(window.project)
    qtbot.add_widget(dialog)
    assert dialog.table.rowCount() == 2
    newest, older = cells(dialog, 0), cells(dialog, 1)
    assert newest[1:] == ["Manual", newest[2], "2"] and older[1] == "Manual" and older[3] == "1"
    local = QDateTime.fromSecsSinceEpoch(int(WEEK_AGO.timestamp()))  # the user's clock, the user's locale
    assert older[0] == QLocale().toString(local, QLocale.FormatType.ShortFormat)
    assert newest[2].endswith("KB")
    assert dialog.selected() == dialog.backups[0] and dialog.ok_button.isEnabled()
    assert str(backup.folder(window.project)) in dialog.where.text()


def test_a_project_without_backups_says_so_and_offers_nothing(qtbot, tmp_path):
    with Project.create(tmp_path / "fresh.factcheck", user="ana") as p:
        dialog = RestoreDialog(p)
        qtbot.add_widget(dialog)
        assert dialog.table.rowCount() == 0 and not dialog.ok_button.isEnabled()
        assert "no backups of this project yet" in dialog.empty.text()
        assert not dialog.empty.isHidden()


def test_ask_returns_the_backup_and_the_new_path(qtbot, monkeypatch, window, tmp_path):
    asked = []
    monkeypatch.setattr(RestoreDialog, "exec", choose(qtbot, 1))
    monkeypatch.setattr(RestoreDialog, "ask_path", classmethod(lambda cls, parent, suggested: asked.append(suggested) or "x"))
    chosen, path = RestoreDialog.ask(window.project)
    assert chosen.at == WEEK_AGO and path == "x"
    assert asked == [str(tmp_path / f"desk-restored-{WEEK_AGO.astimezone():%Y-%m-%d}.factcheck")]


def test_cancelling_either_question_restores_nothing(monkeypatch, window, tmp_path):
    monkeypatch.setattr(RestoreDialog, "exec", lambda d: RestoreDialog.DialogCode.Rejected)
    assert RestoreDialog.ask(window.project) is None
    monkeypatch.setattr(RestoreDialog, "exec", lambda d: RestoreDialog.DialogCode.Accepted)
    monkeypatch.setattr(RestoreDialog, "ask_path", classmethod(lambda cls, parent, suggested: ""))
    assert RestoreDialog.ask(window.project) is None
    assert sorted(p.name for p in tmp_path.glob("*.factcheck")) == ["desk.factcheck"]


def test_file_restore_opens_the_older_backup_as_a_new_project(qtbot, monkeypatch, window, project_path, tmp_path):
    target = tmp_path / "last-week.factcheck"
    monkeypatch.setattr(RestoreDialog, "exec", choose(qtbot, 1))
    monkeypatch.setattr(RestoreDialog, "ask_path", classmethod(lambda cls, parent, suggested: str(target)))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.restore_action in file_menu.actions() and window.restore_action.isEnabled()
    window.restore_action.trigger()
    assert window.errors == []
    assert window.project.path == target and not window.project.read_only
    assert [c.exact for c in window.project.claims()] == ["the budget doubled"]
    assert window.claims_dock.widget().isVisible()
    assert window.windowTitle().startswith("last-week.factcheck")
    with Project.open(project_path, read_only=True) as original:  # the project it came from is as it was
        assert len(original.claims()) == 2


def test_restoring_over_an_existing_file_is_refused(qtbot, monkeypatch, window, project_path, tmp_path):
    taken = tmp_path / "taken.factcheck"
    taken.write_bytes(b"mine")
    monkeypatch.setattr(RestoreDialog, "exec", choose(qtbot, 0))
    monkeypatch.setattr(RestoreDialog, "ask_path", classmethod(lambda cls, parent, suggested: str(taken)))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    assert restore_dialog.run_restore(window.project, window, window.open_project) is None
    assert taken.read_bytes() == b"mine"
    assert len(warned) == 1 and "taken.factcheck already exists" in warned[0]
    assert window.project.path == project_path


def test_a_failed_automatic_backup_is_shown_and_the_project_opens(qtbot, window, project_path, monkeypatch):
    monkeypatch.setattr(backup, "due", lambda *a, **k: True)
    monkeypatch.setattr(backup, "_write", lambda *a, **k: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    assert window.open_project(project_path)  # the backup is made on the history check's thread
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("No automatic backup of desk.factcheck"))
    assert window.project.path == project_path and window.errors == []


def test_an_unreadable_backup_folder_is_one_sentence_not_a_crash(monkeypatch, window, project_path):
    folder = backup.folder(window.project)
    for b in folder.iterdir():
        b.unlink()
    folder.rmdir()
    folder.write_text("a file where the folder was")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    window.restore_action.trigger()
    assert warned == [f"The backup folder {folder} cannot be read (not a directory)."]
    assert window.project.path == project_path
