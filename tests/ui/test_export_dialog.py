"""File > Export: the dialog's choices, what ``ask`` returns, and ``run_export`` writing or warning."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from factcheck import exporters
from factcheck.core import history
from factcheck.ui.dialogs import export_dialog
from factcheck.ui.dialogs.export_dialog import ExportDialog

from ..conftest import imported


def approve(project, claim_ids, status="approved"):
    project.store.conn.executemany(
        "UPDATE claims SET status = ?, approved_at = '2025-10-26T09:00:00.000Z', approved_by = 'Eve' WHERE id = ?",
        [(status, c) for c in claim_ids],
    )


@pytest.fixture
def checked(session):
    """Three claims on the sample article: one approved, one published, one draft; plus a second article."""
    text = session.version.text
    ids = []
    for words in ("President Petro has allowed drug cartels", "imposed sweeping sanctions", "Interior Minister"):
        at = text.index(words)
        ids.append(session.do(history.CreateClaim(session.version.id, at, at + len(words))).created)
    approve(session.project, [ids[0]])
    approve(session.project, [ids[1]], status="published")
    session.project.import_article(imported("Another article with nothing checked yet.", title="Second"))
    return ids


@pytest.fixture
def dialog(qtbot, session, checked):
    d = ExportDialog(session)
    qtbot.add_widget(d)
    return d


def checked_articles(d):
    return [d.article_list.item(i).checkState() == Qt.CheckState.Checked for i in range(d.article_list.count())]


def test_defaults_all_articles_approved_and_published_no_confidential(dialog):
    assert dialog.fmt() == "html"
    assert checked_articles(dialog) == [True, True]
    assert {s for s, box in dialog.status_boxes.items() if box.isChecked()} == {"approved", "published"}
    assert not dialog.confidential_box.isChecked()
    assert dialog.confidential_warning.isHidden()
    assert dialog.summary.text() == "2 claims from 1 article will be exported."  # "Second" holds none
    assert dialog.ok_button.isEnabled()
    selection = dialog.selection()
    assert selection.statuses == ("approved", "published") and not selection.include_confidential
    assert len(selection.article_ids) == 2


def test_the_summary_follows_the_choices_and_nothing_to_export_disables_export(qtbot, dialog, session):
    dialog.status_boxes["draft"].setChecked(True)
    assert dialog.summary.text() == "3 claims from 1 article will be exported."
    dialog.none_button.click()
    assert dialog.summary.text() == "Choose at least one article."
    assert not dialog.ok_button.isEnabled()
    dialog.article_list.item(1).setCheckState(Qt.CheckState.Checked)  # "Second": no claims
    assert "nothing to export" in dialog.summary.text() and not dialog.ok_button.isEnabled()
    dialog.all_button.click()
    for box in dialog.status_boxes.values():
        box.setChecked(False)
    assert dialog.summary.text() == "Choose at least one status." and not dialog.ok_button.isEnabled()


def test_confidential_checkbox_shows_its_warning(qtbot, dialog):
    dialog.show()
    dialog.confidential_box.setChecked(True)
    assert dialog.confidential_warning.isVisible()
    assert "never publish" in dialog.confidential_warning.text()
    assert dialog.selection().include_confidential


def test_ask_returns_format_selection_and_path(qtbot, monkeypatch, session, checked, tmp_path):
    def fake_exec(d):
        qtbot.add_widget(d)
        d.format_combo.setCurrentIndex(d.format_combo.findData("csv"))
        d.article_list.item(1).setCheckState(Qt.CheckState.Unchecked)
        qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
        return d.result()

    asked = {}

    def fake_path(parent, fmt, suggested):
        asked.update(fmt=fmt, suggested=suggested)
        return str(tmp_path / "claims.csv")

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(ExportDialog, "ask_path", staticmethod(fake_path))
    fmt, selection, path = ExportDialog.ask(session)
    assert fmt == "csv" and path == str(tmp_path / "claims.csv")
    assert selection.article_ids == (session.article_id,)
    assert asked["fmt"] == "csv" and asked["suggested"].endswith(".csv")


def test_ask_returns_none_when_cancelled(monkeypatch, session, checked):
    monkeypatch.setattr(ExportDialog, "exec", lambda d: ExportDialog.DialogCode.Rejected)
    assert ExportDialog.ask(session) is None
    monkeypatch.setattr(ExportDialog, "exec", lambda d: ExportDialog.DialogCode.Accepted)
    monkeypatch.setattr(ExportDialog, "ask_path", staticmethod(lambda parent, fmt, suggested: ""))
    assert ExportDialog.ask(session) is None


def test_run_export_writes_the_file(monkeypatch, session, checked, tmp_path):
    target = tmp_path / "report.html"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, s, p=None: ("html", exporters.Selection(), str(target))))
    shown = []
    monkeypatch.setattr(export_dialog.ExportedMessageBox, "ask",
                        classmethod(lambda cls, parent, done: shown.append(done)))
    assert export_dialog.run_export(session) == str(target)
    assert b"President Petro has allowed drug cartels" in target.read_bytes()
    assert shown and shown[0].path == target
    text = export_dialog.ExportedMessageBox.describe(shown[0])
    assert "Worth a look" in text  # the claims have no rating: ClaimReview says so


def test_run_export_shows_a_known_error_and_writes_nothing(monkeypatch, session, checked, tmp_path):
    target = tmp_path / "missing" / "report.pdf"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, s, p=None: ("pdf", exporters.Selection(), str(target))))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    assert export_dialog.run_export(session) is None
    assert warned == [f"Cannot write report.pdf: the folder {target.parent} does not exist."]
    assert not target.parent.exists()


def test_run_export_of_nothing_says_so(monkeypatch, session, tmp_path):
    target = tmp_path / "report.md"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, s, p=None: ("markdown", exporters.Selection(), str(target))))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    assert export_dialog.run_export(session) is None
    assert warned == ["Nothing to export: no claims in this project have the status approved or published."]
    assert not target.exists()


def test_the_evidence_zip_is_offered_and_says_what_it_holds(qtbot, monkeypatch, session, checked, tmp_path):
    import zipfile

    from factcheck.ui.dialogs import export_dialog

    source_id = session.project.create_source(title="Treasury notice").created
    session.project.cite(checked[0], source_id, "supports")
    shot = tmp_path / "notice.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 100)
    session.project.attach(shot, source_id=source_id)
    d = ExportDialog(session)
    qtbot.add_widget(d)
    d.format_combo.setCurrentIndex(d.format_combo.findData(exporters.EVIDENCE))
    assert d.summary.text() == "1 evidence file (1 KB) will be exported, with its SHA-256 sum."
    assert not d.status_box.isEnabled() and d.ok_button.isEnabled()
    assert d.default_file_name().endswith(".evidence.zip")
    d.article_list.item(0).setCheckState(Qt.CheckState.Unchecked)  # "Second" alone: no files
    assert "nothing to export" in d.summary.text() and not d.ok_button.isEnabled()
    # Through File > Export: the zip is written and the message counts its files.
    target = tmp_path / "evidence.zip"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(
        lambda cls, s, p=None: (exporters.EVIDENCE, exporters.Selection(), str(target))))
    told = []
    monkeypatch.setattr(export_dialog.ExportedMessageBox, "ask", classmethod(lambda cls, parent, done: told.append(done)))
    export_dialog.run_export(session, None)
    assert "notice.png" in " ".join(zipfile.ZipFile(target).namelist())
    assert export_dialog.ExportedMessageBox.describe(told[0]).startswith("Wrote 1 evidence file (1 KB), with SHA256SUMS")


def test_the_next_export_starts_from_the_last_format_and_statuses_not_its_confidential_choice(monkeypatch, session,
                                                                                             checked, tmp_path):
    class Window(QWidget):  # what the dialog reads of its window: its settings
        def __init__(self):
            super().__init__()
            self.settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)

    window = Window()
    opened = []

    def choose(d):
        opened.append((d.fmt(), {s for s, box in d.status_boxes.items() if box.isChecked()}, d.confidential_box.isChecked()))
        d.format_combo.setCurrentIndex(d.format_combo.findData("csv"))
        for status, box in d.status_boxes.items():
            box.setChecked(status in ("draft", "in_review"))
        d.confidential_box.setChecked(True)
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", choose)
    monkeypatch.setattr(ExportDialog, "ask_path", staticmethod(lambda parent, fmt, suggested: str(tmp_path / "x.csv")))
    ExportDialog.ask(session, window)
    ExportDialog.ask(session, window)
    assert opened[0] == ("html", set(exporters.DEFAULT_STATUSES), False)
    assert opened[1] == ("csv", {"draft", "in_review"}, False)  # confidential sources: chosen anew each time

    def choose_markdown(d):
        d.format_combo.setCurrentIndex(d.format_combo.findData("markdown"))
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", choose_markdown)
    monkeypatch.setattr(ExportDialog, "ask_path", staticmethod(lambda parent, fmt, suggested: ""))
    assert ExportDialog.ask(session, window) is None  # no file chosen: no export, and nothing remembered
    assert window.settings.value(export_dialog.LAST_FORMAT_KEY) == "csv"
    monkeypatch.setattr(ExportDialog, "exec", lambda d: ExportDialog.DialogCode.Rejected)
    window.settings.setValue(export_dialog.LAST_FORMAT_KEY, "no-such-format")
    assert ExportDialog.ask(session, window) is None  # an unknown saved format is ignored, not an error
    window.deleteLater()
