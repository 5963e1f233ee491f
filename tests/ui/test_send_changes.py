"""File > Send changes…: who for, how many, the file written; the next one to the same partner holds only what came after."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QFileDialog

from factcheck.core import handoff, merge
from factcheck.core.project import Project
from factcheck.ui.dialogs import send_changes
from factcheck.ui.dialogs.send_changes import SendChangesDialog

from ..conftest import imported

TEXT = "The minister said unemployment fell by 4% last year. The opposition said it rose by 2% instead."


@pytest.fixture
def copies(tmp_path):
    a = tmp_path / "desk.factcheck"
    with Project.create(a, user="ana") as p:
        article_id = p.import_article(imported(TEXT)).created
        version = p.current_version(article_id)
        claim_id = p.create_claim(version.id, 4, 30).created
    b = tmp_path / "desk-ben.factcheck"
    shutil.copy(a, b)
    return a, b, claim_id


def save_to(monkeypatch, path):
    asked = []

    def fake(parent, caption, default, filters):
        asked.append(default)
        return str(path) if path else "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return asked


def test_a_first_handoff_to_a_new_partner_sends_everything(qtbot, copies, tmp_path, monkeypatch):
    a, b, claim_id = copies
    with Project.open(b, user="ben") as p:
        p.update_claim(claim_id, rating="false")
        dialog = SendChangesDialog(p)
        qtbot.add_widget(dialog)
        assert dialog.partner.count() == 0 and not dialog.save_button.isEnabled()
        dialog.partner.setEditText("ana")
        assert "new partner" in dialog.last_label.text()
        assert not dialog.what_they_lack.isEnabled()
        n = len(p.events())
        assert dialog.count_label.text() == f"{n} changes will go in the file."
        asked = save_to(monkeypatch, tmp_path / "for-ana")
        dialog.send()
        assert dialog.written is not None and dialog.written.events == n
        # The suggested name: beside the project, after it, the partner and the day.
        assert asked[0].startswith(str(tmp_path / "desk-ben-to-ana-")) and asked[0].endswith(handoff.SUFFIX)
    written = tmp_path / "for-ana.factcheck-changes"
    with Project.open(a, user="ana") as p:
        merge.merge(p, written)
        assert p.claim(claim_id).rating == "false"


def test_the_next_one_holds_only_what_came_after(qtbot, copies, tmp_path, monkeypatch):
    a, b, claim_id = copies
    with Project.open(b, user="ben") as p:
        handoff.write(p, tmp_path / "first.factcheck-changes", to="ana")
        p.update_claim(claim_id, notes="later")
        dialog = SendChangesDialog(p)
        qtbot.add_widget(dialog)
        assert dialog.partner.currentText() == "ana" and dialog.what_they_lack.isChecked()
        assert "Last sent:" in dialog.last_label.text() and "Last received: never" in dialog.last_label.text()
        assert dialog.count_label.text() == "1 change will go in the file."
        dialog.everything.setChecked(True)
        assert dialog.count_label.text() == f"{len(p.events())} changes will go in the file."
        dialog.what_they_lack.setChecked(True)
        save_to(monkeypatch, tmp_path / "second.factcheck-changes")
        dialog.send()
        assert dialog.written.events == 1


def test_cancelling_the_file_dialog_writes_nothing(qtbot, copies, tmp_path, monkeypatch):
    _, b, _ = copies
    with Project.open(b, user="ben") as p:
        dialog = SendChangesDialog(p)
        qtbot.add_widget(dialog)
        dialog.partner.setEditText("ana")
        save_to(monkeypatch, None)
        dialog.send()
        assert dialog.written is None and handoff.partners(p) == []
    assert not list(tmp_path.glob("*" + handoff.SUFFIX))


def test_a_project_file_is_never_overwritten(qtbot, copies, tmp_path, monkeypatch):
    a, b, _ = copies
    errors = []
    monkeypatch.setattr(send_changes.alerts, "show_error", lambda parent, text: errors.append(str(text)))
    target = tmp_path / "taken.factcheck-changes"
    shutil.copy(a, target)
    before = target.read_bytes()
    with Project.open(b, user="ben") as p:
        dialog = SendChangesDialog(p)
        qtbot.add_widget(dialog)
        dialog.partner.setEditText("ana")
        save_to(monkeypatch, target)
        dialog.send()
        assert dialog.written is None
    assert target.read_bytes() == before and "not a hand-off file" in errors[0]


def test_file_send_changes_in_the_window(qtbot, copies, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from ..ui.conftest import shown_window

    _, b, _ = copies
    window = shown_window(qtbot, b, tmp_path / "settings.ini", user="ben")
    assert window.send_changes_action in window.menuBar().actions()[0].menu().actions()
    assert window.send_changes_action.isEnabled()

    def exec_(dialog):
        dialog.partner.setEditText("ana")
        dialog.send()
        return QDialog.DialogCode.Accepted if dialog.written else QDialog.DialogCode.Rejected

    told = []
    monkeypatch.setattr(SendChangesDialog, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    save_to(monkeypatch, tmp_path / "to-ana")
    window.send_changes_action.trigger()
    assert (tmp_path / "to-ana.factcheck-changes").exists()
    assert "for ana saved to" in told[0] and "File > Merge project…" in told[0]
    assert "to-ana.factcheck-changes" in window.statusBar().currentMessage()
    window.close()


def test_the_suggested_name_has_no_runs_of_dashes(tmp_path):
    path = send_changes.suggested_path(tmp_path / "desk.factcheck", "Ana (checker)")
    assert path.name.startswith("desk-to-Ana-checker-") and "--" not in path.name
    assert send_changes.suggested_path(tmp_path / "desk.factcheck", " () ").name.startswith("desk-to-partner-")


def test_when_the_partner_was_sent_everything_save_waits_for_everything(qtbot, copies, tmp_path, monkeypatch):
    """Nothing new for them: no empty file, and the way to send it all again (the last file may be lost)."""
    _, b, _ = copies
    with Project.open(b, user="ben") as p:
        handoff.write(p, tmp_path / "first.factcheck-changes", to="ana")
        dialog = SendChangesDialog(p)
        qtbot.add_widget(dialog)
        assert dialog.partner.currentText() == "ana" and dialog.what_they_lack.isChecked()
        assert dialog.count_label.text() == (
            "Every change was already sent to ana or came from them, so the file would hold none. If the last file "
            "did not reach them, choose Everything.")
        assert not dialog.save_button.isEnabled()
        dialog.everything.setChecked(True)
        assert dialog.save_button.isEnabled()
        assert dialog.count_label.text() == f"{len(p.events())} changes will go in the file."
