"""A successful export says where the file went, and Open / Show in folder open it (never in tests)."""

from __future__ import annotations

import pathlib

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from factcheck import exporters
from factcheck.core import history
from factcheck.ui.dialogs import export_dialog
from factcheck.ui.dialogs.export_dialog import ExportDialog, ExportedMessageBox

@pytest.fixture
def opened(monkeypatch):
    """What would have been opened on the desktop (nothing is)."""
    urls: list[QUrl] = []

    def fake_open(url):
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake_open)
    return urls


@pytest.fixture
def approved_claim(session):
    text = session.version.text
    at = text.index("President Petro has allowed drug cartels")
    claim_id = session.do(history.CreateClaim(session.version.id, at, at + 40)).created
    session.project.store.conn.execute(
        "UPDATE claims SET status = 'approved', approved_at = '2025-10-26T09:00:00.000Z', approved_by = 'Eve' WHERE id = ?",
        (claim_id,))
    return claim_id


def exporting(monkeypatch, target, fmt="markdown"):
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, s, p=None: (fmt, exporters.Selection(), str(target))))


@pytest.mark.parametrize("choice", ["open", "folder"])
def test_open_and_show_in_folder_open_the_file_or_its_folder(monkeypatch, session, approved_claim, tmp_path, opened,
                                                             choice):
    target = tmp_path / "report.md"
    exporting(monkeypatch, target)
    told = []
    monkeypatch.setattr(ExportedMessageBox, "ask", classmethod(lambda cls, parent, done: told.append(done) or choice))
    assert export_dialog.run_export(session) == str(target)
    assert [d.path for d in told] == [target] and told[0].claim_count == 1
    wanted = target if choice == "open" else tmp_path
    assert [pathlib.Path(u.toLocalFile()) for u in opened] == [wanted]


def test_close_opens_nothing(monkeypatch, session, approved_claim, tmp_path, opened):
    exporting(monkeypatch, tmp_path / "report.md")
    monkeypatch.setattr(ExportedMessageBox, "ask", classmethod(lambda cls, parent, done: None))
    assert export_dialog.run_export(session)
    assert opened == []


def test_a_failed_export_shows_no_message_of_success(monkeypatch, session, tmp_path, opened):
    exporting(monkeypatch, tmp_path / "report.md")  # no approved claims: nothing to export
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    monkeypatch.setattr(ExportedMessageBox, "ask", classmethod(lambda cls, parent, done: pytest.fail("told of success")))
    assert export_dialog.run_export(session) is None


def test_the_message_names_the_file_its_folder_and_what_was_written(qtbot, tmp_path, opened):
    done = exporters.Exported(tmp_path / "desk-report.html", 3, 1, ("Claim 1 has no rating.",))
    box = ExportedMessageBox(done)
    qtbot.add_widget(box)
    assert box.windowTitle() == "Exported, with warnings"
    assert box.text().startswith(f"Wrote 3 claims from 1 article to\ndesk-report.html\nin {tmp_path}\n\n")
    assert "Worth a look:\n\nClaim 1 has no rating." in box.text()
    assert [b.text() for b in (box.open_button, box.folder_button)] == ["Open", "Show in folder"]
    assert box.defaultButton() is box.close_button and box.escapeButton() is box.close_button
    box.show()
    qtbot.wait_exposed(box)
    box.folder_button.click()
    assert box.choice() == ExportedMessageBox.FOLDER
    assert opened == []  # clicking chooses; only run_export opens


def test_one_claim_no_warnings_reads_in_the_singular(qtbot, tmp_path):
    box = ExportedMessageBox(exporters.Exported(tmp_path / "a.csv", 1, 1))
    qtbot.add_widget(box)
    assert box.windowTitle() == "Exported"
    assert box.text() == f"Wrote 1 claim from 1 article to\na.csv\nin {tmp_path}"


def test_a_desktop_without_a_program_for_it_is_told_so(monkeypatch, tmp_path):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    assert not export_dialog.reveal(tmp_path / "r.pdf", ExportedMessageBox.OPEN)
    assert not export_dialog.reveal(tmp_path / "r.pdf", ExportedMessageBox.FOLDER)
    assert warned == ["No program could be started to open r.pdf.",
                      f"No program could be started to open the folder {tmp_path}."]


def test_the_main_window_says_where_the_export_went_in_the_status_bar(monkeypatch, qtbot, tmp_path, opened):
    from PySide6.QtCore import QSettings

    from factcheck import demo
    from factcheck.ui.main_window import MainWindow

    path = tmp_path / "demo.factcheck"
    demo.build(path).close()
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), demo.CHECKER)
    qtbot.add_widget(window)
    assert window.open_project(path)
    target = tmp_path / "demo.md"
    exporting(monkeypatch, target)
    monkeypatch.setattr(ExportedMessageBox, "ask", classmethod(lambda cls, parent, done: None))
    window.export_action.trigger()
    assert target.exists()
    assert window.statusBar().currentMessage() == f"Exported to {target}"
