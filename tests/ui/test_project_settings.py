"""File > Project settings: every setting in one form, refused values said inline, one undo step for all."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage

from factcheck import exporters
from factcheck.core import history
from factcheck.ui.dialogs import project_settings
from factcheck.ui.dialogs.project_settings import ProjectSettingsDialog
from factcheck.ui.main_window import MainWindow

TASKS = [
    {"id": "t-source", "label": "Found the original source", "required": True},
    {"id": "t-claimant", "label": "Asked the claimant", "required": False},
    {"id": "t-data", "label": "Checked the figure against the official data", "required": False},
]


@pytest.fixture
def dialog(qtbot, session):
    d = ProjectSettingsDialog(session, None, session.article_id)
    qtbot.add_widget(d)
    d.show()
    qtbot.wait_exposed(d)
    return d


@pytest.fixture
def logo_png(tmp_path):
    """A 120 x 40 PNG drawn by Qt, as a user's logo file."""
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d4ed8"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


def blob_count(project) -> int:
    return project.store.read_one("SELECT count(*) FROM blobs")[0]


def fill_everything(d: ProjectSettingsDialog) -> None:
    d.name_edit.setText("Verificado Colombia")
    d.url_edit.setText("https://verificado.example")
    d.methodology_edit.setPlainText("We choose claims by reach.\nAn editor approves every verdict.")
    d.scale_combo.setCurrentIndex(d.scale_combo.findData("politifact"))
    d.four_eyes_check.setChecked(False)
    d.credit_check.setChecked(False)
    d.language_combo.setCurrentIndex(d.language_combo.findData("es"))
    d.pattern_edit.setText("https://verificado.example/checks/{article}#claim-{claim}")
    d.tasks_editor.add_button.click()
    d.tasks_editor.table.item(0, 0).setText("Asked the claimant")
    d.tasks_editor.table.item(0, 1).setCheckState(Qt.CheckState.Checked)


def test_every_field_is_saved_and_one_undo_restores_them_all(qtbot, dialog, session):
    before = session.project.settings()
    fill_everything(dialog)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ProjectSettingsDialog.DialogCode.Accepted and dialog.saved
    s = session.project.settings()
    assert (s["organisation_name"], s["organisation_url"]) == ("Verificado Colombia", "https://verificado.example")
    assert s["methodology"] == "We choose claims by reach.\nAn editor approves every verdict."
    assert (s["rating_scale"], s["four_eyes"], s["report_language"]) == ("politifact", False, "es")
    assert s["credit_checkers"] is False
    assert s["factcheck_url_pattern"] == "https://verificado.example/checks/{article}#claim-{claim}"
    assert [(t["label"], t["required"]) for t in s["tasks"]] == [("Asked the claimant", True)]
    assert session.history.undo_label == "Change project settings"
    session.undo()
    assert session.project.settings() == before
    assert not session.history.can_undo


def test_each_report_language_is_named_in_itself_and_the_tooltip_says_reports_follow_it(dialog):
    combo = dialog.language_combo
    assert [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())] == [("en", "English"), ("es", "Español")]
    assert "whatever language the app is shown in" in combo.toolTip() and "inLanguage" in combo.toolTip()


def test_the_live_example_uses_the_article_shown_and_its_first_claim(dialog, session):
    claim_id = session.do(history.CreateClaim(session.version.id, 0, 40)).created
    dialog.pattern_edit.setText("https://checks.example/{article}/{claim}")
    assert dialog.pattern_example.text().endswith(f"https://checks.example/{session.article_id}/{claim_id}")
    dialog.pattern_edit.setText("https://checks.example/{article}")
    assert dialog.pattern_example.text().endswith(f"/{session.article_id}#claim-{claim_id}")
    dialog.pattern_edit.setText("")
    assert "Article > Properties" in dialog.pattern_example.text()


@pytest.mark.parametrize(("pattern", "words"), [
    ("https://checks.example/{slug}", "can only use {article}, {claim}"),
    ("https://checks.example/{article}#claim-{number}", "could later point at another verdict"),
    ("ftp://checks.example/{article}", "“ftp:” links are not"),
    ("{article}", "full web address"),
    ("javascript:alert('{claim}')", "fact-check URL pattern"),
])
def test_a_pattern_core_refuses_is_said_beside_it_and_disables_save(qtbot, dialog, pattern, words):
    dialog.tabs.setCurrentIndex(1)
    dialog.pattern_edit.setText(pattern)
    assert words in dialog.pattern_example.text()
    assert not dialog.ok_button.isEnabled()
    dialog.pattern_edit.setText("https://checks.example/{article}")
    assert dialog.ok_button.isEnabled()


def test_a_refused_url_is_said_on_its_tab_and_named_from_another(dialog):
    dialog.url_edit.setText("javascript:alert(1)")
    assert dialog.url_problem.isVisible() and "javascript:" in dialog.url_problem.text()
    assert not dialog.ok_button.isEnabled()
    assert not dialog.problem_label.isVisible()  # said once, beside the field
    dialog.tabs.setCurrentIndex(2)
    assert dialog.problem_label.isVisible() and dialog.problem_label.text().startswith("Organisation: ")
    dialog.url_edit.setText("https://ok.example")
    assert dialog.ok_button.isEnabled() and not dialog.problem_label.isVisible()


def test_a_logo_is_previewed_stored_once_and_removed(qtbot, dialog, session, logo_png, monkeypatch):
    monkeypatch.setattr(ProjectSettingsDialog, "ask_logo_path", lambda self: str(logo_png))
    assert dialog.logo_preview.text() == "No logo" and not dialog.remove_logo_button.isEnabled()
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    pixmap = dialog.logo_preview.pixmap()
    assert not pixmap.isNull() and pixmap.width() <= project_settings.LOGO_PREVIEW[0]
    assert "PNG image, 120 × 40 pixels" in dialog.logo_note.text()
    assert blob_count(session.project) == 1  # the article's original file; Cancel would store nothing
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    data, mime = session.project.logo()
    assert data == logo_png.read_bytes() and mime == "image/png"
    assert blob_count(session.project) == 2

    again = ProjectSettingsDialog(session)
    qtbot.add_widget(again)
    assert not again.logo_preview.pixmap().isNull() and again.remove_logo_button.isEnabled()
    again.choose_logo(str(logo_png))  # the same image chosen again is not stored twice
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    assert blob_count(session.project) == 2

    third = ProjectSettingsDialog(session)
    qtbot.add_widget(third)
    qtbot.mouseClick(third.remove_logo_button, Qt.MouseButton.LeftButton)
    assert third.logo_preview.text() == "No logo"
    qtbot.mouseClick(third.ok_button, Qt.MouseButton.LeftButton)
    assert session.project.logo() is None
    session.undo()
    assert session.project.logo() == (data, "image/png")


def test_a_file_that_is_not_an_image_is_refused_with_a_sentence(dialog, session, tmp_path):
    fake = tmp_path / "logo.png"
    fake.write_text("<html>not a picture</html>", encoding="utf-8")
    assert not dialog.choose_logo(str(fake))
    assert dialog.logo_note.text() == "The logo must be a PNG, JPEG or SVG image."
    assert dialog.logo_preview.text() == "No logo"
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)  # the right first bytes, no picture
    assert not dialog.choose_logo(str(broken))
    assert "cannot be read as one" in dialog.logo_note.text()
    assert dialog.ok_button.isEnabled()  # the rest of the form can still be saved
    dialog.ok_button.click()
    assert session.project.logo() is None and not session.history.can_undo


def test_task_template_edits_keep_the_ids_of_tasks_they_keep(qtbot, session, qtmodeltester):
    session.do(history.SetSetting("tasks", TASKS))
    d = ProjectSettingsDialog(session)
    qtbot.add_widget(d)
    editor = d.tasks_editor
    qtmodeltester.check(editor.table.model())
    table = editor.table
    assert [table.item(r, 0).text() for r in range(3)] == [t["label"] for t in TASKS]
    assert not editor.rename_button.isEnabled()
    table.selectRow(1)
    editor.rename_button.click()  # opens the editor on the label
    table.item(1, 0).setText("Asked the claimant for their source")
    table.item(1, 1).setCheckState(Qt.CheckState.Checked)
    editor.up_button.click()  # it is now first
    table.selectRow(2)
    editor.remove_button.click()  # the official data task goes
    editor.add_button.click()
    table.item(2, 0).setText("Archived the page")
    assert not editor.down_button.isEnabled() and editor.up_button.isEnabled()
    qtmodeltester.check(table.model())
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    tasks = session.project.setting("tasks")
    assert [(t["id"], t["label"], t["required"]) for t in tasks[:2]] == [
        ("t-claimant", "Asked the claimant for their source", True),
        ("t-source", "Found the original source", True),
    ]
    assert tasks[2]["label"] == "Archived the page" and tasks[2]["id"] not in {t["id"] for t in TASKS}
    session.undo()
    assert session.project.setting("tasks") == TASKS


def test_a_task_listed_twice_is_refused(dialog):
    editor = dialog.tasks_editor
    editor.add_button.click()
    editor.add_button.click()
    assert [editor.table.item(r, 0).text() for r in range(2)] == ["New task", "New task 2"]
    editor.table.item(1, 0).setText("new TASK")
    assert "listed twice" in dialog.problem_label.text() and not dialog.ok_button.isEnabled()
    dialog.tabs.setCurrentIndex(2)
    assert "listed twice" in dialog.tasks_problem.text() and not dialog.problem_label.isVisible()


def test_cancel_saves_nothing(qtbot, dialog, session, logo_png):
    fill_everything(dialog)
    dialog.choose_logo(str(logo_png))
    before = blob_count(session.project)
    dialog.reject()
    assert session.project.setting("organisation_name") == "" and not session.history.can_undo
    assert blob_count(session.project) == before


def test_file_project_settings_then_exports_name_the_organisation_without_warnings(qtbot, tmp_path, monkeypatch):
    """What the dialog sets reaches the HTML report and ClaimReview; no export warns about settings."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, "ana")
    qtbot.add_widget(window)
    assert window.open_project(tmp_path / "e.factcheck", create=True)
    from ..conftest import SAMPLE

    window.import_files([str(SAMPLE)])
    project = window.project
    text = project.text(window.view.current_version_id)
    at = text.index("President Petro has allowed drug cartels")
    claim_id = window.session.do(history.CreateClaim(window.view.current_version_id, at, at + 40)).created
    window.session.do(history.UpdateClaim(claim_id, rating="false", verdict_summary="No record shows it."))
    project.store.conn.execute("UPDATE claims SET status = 'approved', approved_by = 'Eve', "
                               "approved_at = '2025-10-26T09:00:00.000Z' WHERE id = ?", (claim_id,))
    warned_before = exporters.warnings(project, "claimreview")
    assert any("Project settings" in w for w in warned_before)

    def fill_and_save(dialog):
        qtbot.add_widget(dialog)
        dialog.name_edit.setText("Verificado Colombia")
        dialog.url_edit.setText("https://verificado.example")
        dialog.pattern_edit.setText("https://verificado.example/checks/{article}#claim-{claim}")
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(ProjectSettingsDialog, "exec", fill_and_save)
    assert window.project_settings_action.isEnabled()
    window.project_settings_action.trigger()
    assert project.setting("organisation_name") == "Verificado Colombia"

    html = exporters.export(project, "html").decode("utf-8")
    assert "Verificado Colombia" in html and "https://verificado.example" in html
    (review,) = _reviews(exporters.export(project, "claimreview"))
    assert review["author"]["name"] == "Verificado Colombia"
    assert review["author"]["url"].rstrip("/") == "https://verificado.example"
    (claim,) = [c for c in project.claims() if c.status in ("approved", "published")]
    assert review["url"] == f"https://verificado.example/checks/{project.articles()[0].id}#claim-{claim.id}"
    for fmt in ("html", "claimreview"):
        notes = exporters.warnings(project, fmt)
        assert not [w for w in notes if "settings" in w.lower() or "organisation" in w.lower()], notes
    window.close()


def _reviews(data: bytes) -> list[dict]:
    """The ClaimReviews of an export, whether it holds one, a list or a graph."""
    parsed = json.loads(data)
    if isinstance(parsed, dict):
        return parsed.get("@graph", [parsed])
    return parsed

