"""Article > Properties, and the metadata form an imported file is shown before it is stored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from factcheck import importers
from factcheck.ui.dialogs import import_dialog
from factcheck.ui.dialogs.article_properties import ArticlePropertiesDialog
from factcheck.ui.dialogs.import_dialog import ImportMetadataDialog, PasteDialog
from factcheck.ui.main_window import MainWindow

from ..conftest import SAMPLE

VALUES = {
    "title": "US sanctions Petro",
    "outlet": "The Daily Example",
    "author": "Ana Ruiz",
    "url": "https://daily.example/2025/10/us-sanctions-petro",
    "published_at": "2025-10-24",
    "language": "en",
    "factcheck_url": "https://verificado.example/checks/us-sanctions-petro",
}


@pytest.fixture
def dialog(qtbot, session):
    d = ArticlePropertiesDialog(session, session.article_id)
    qtbot.add_widget(d)
    d.show()
    qtbot.wait_exposed(d)
    return d


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, "ana")
    qtbot.add_widget(w)
    w.errors = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: w.errors.append(message))
    assert w.open_project(tmp_path / "a.factcheck", create=True)
    w.show()
    qtbot.wait_exposed(w)
    return w


def test_every_field_is_saved_and_one_undo_restores_them_all(qtbot, dialog, session):
    before = session.project.article(session.article_id)
    for name, value in VALUES.items():
        dialog.form.edits[name].setText(value)
    assert dialog.ok_button.isEnabled() and not dialog.problem_label.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.saved
    article = session.project.article(session.article_id)
    assert {name: getattr(article, name) for name in VALUES} == VALUES
    assert session.history.undo_label == "Edit article"
    session.undo()
    assert session.project.article(session.article_id) == before
    assert not session.history.can_undo


@pytest.mark.parametrize(("field", "value", "words"), [
    ("url", "javascript:alert(1)", "“javascript:” links are not"),
    ("factcheck_url", "ftp://checks.example/1", "fact-check's published URL"),
    ("published_at", "2025-13-45", "not a date"),
    ("published_at", "24/10/2025", "YYYY-MM-DD"),
])
def test_a_value_core_refuses_is_said_and_disables_save(dialog, field, value, words):
    dialog.form.edits[field].setText(value)
    assert dialog.problem_label.isVisible() and words in dialog.problem_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.form.edits[field].setText("")
    assert dialog.ok_button.isEnabled() and not dialog.problem_label.isVisible()


def test_unchanged_properties_save_nothing(dialog, session):
    dialog.ok_button.click()
    assert not dialog.saved and not session.history.can_undo


def test_article_menu_and_double_click_open_the_shown_articles_properties(qtbot, window, monkeypatch):
    assert not window.article_properties_action.isEnabled()  # no article yet
    window.import_files([str(SAMPLE)])
    (article,) = window.project.articles()
    assert window.article_properties_action.isEnabled()

    def retitle(dialog):
        qtbot.add_widget(dialog)
        dialog.form.edits["title"].setText("US sanctions Petro")
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(ArticlePropertiesDialog, "exec", retitle)
    window.article_properties_action.trigger()
    assert window.project.article(article.id).title == "US sanctions Petro"
    assert window.articles.article_at(0).title == "US sanctions Petro"  # the list shows the new title

    opened = []
    monkeypatch.setattr(ArticlePropertiesDialog, "ask", classmethod(
        lambda cls, session, article_id, parent=None: opened.append(article_id) or False))
    index = window.articles.index(0)
    rect = window.article_list.visualRect(index)
    qtbot.mouseClick(window.article_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.article_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [article.id]
    assert window.article_properties_action in window.article_list.actions()  # its context menu


def test_importing_one_file_shows_what_was_found_and_stores_what_was_corrected(qtbot, window, monkeypatch):
    found = importers.import_file(str(SAMPLE))
    monkeypatch.setattr(MainWindow, "ask_import_paths", lambda self: [str(SAMPLE)])
    shown = {}

    def correct(dialog):
        qtbot.add_widget(dialog)
        shown.update(dialog.form.values())
        dialog.form.edits["title"].setText("US sanctions Petro")
        dialog.form.edits["outlet"].setText("The Daily Example")
        dialog.form.edits["url"].setText("daily.example/petro")
        dialog.form.edits["published_at"].setText("2025-10-24")
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(ImportMetadataDialog, "exec", correct)
    window.import_action.trigger()
    assert shown["title"] == " ".join(found.title.split())  # the importer's title, offered for correction
    (article,) = window.project.articles()
    assert (article.title, article.outlet, article.url, article.published_at) == (
        "US sanctions Petro", "The Daily Example", "https://daily.example/petro", "2025-10-24")
    window.session.undo()
    assert window.project.articles() == []


def test_cancelling_the_form_imports_nothing(qtbot, window, monkeypatch):
    monkeypatch.setattr(MainWindow, "ask_import_paths", lambda self: [str(SAMPLE)])
    monkeypatch.setattr(ImportMetadataDialog, "exec", lambda dialog: ImportMetadataDialog.DialogCode.Rejected)
    window.import_action.trigger()
    assert window.project.articles() == [] and not window.errors


def test_several_files_are_imported_without_asking(window, tmp_path, monkeypatch):
    second = tmp_path / "second.txt"
    second.write_text("A second article. It has two sentences.", encoding="utf-8")
    monkeypatch.setattr(MainWindow, "ask_import_paths", lambda self: [str(SAMPLE), str(second)])
    monkeypatch.setattr(MainWindow, "ask_article_metadata", lambda self, imported: pytest.fail("asked"))
    window.import_action.trigger()
    assert len(window.project.articles()) == 2


def test_the_import_form_refuses_what_core_refuses_and_keeps_only_safe_found_values(qtbot):
    page = importers.ImportedArticle(
        text="Body.", title="  A   page\n title ", source_format="html", source_name="page.html",
        original=b"<html></html>", mime="text/html", url="javascript:alert(1)", published_at="2025-10-24T08:00:00Z",
        outlet="Outlet")
    d = ImportMetadataDialog(page)
    qtbot.add_widget(d)
    assert d.form.values() == {"title": "A page title", "outlet": "Outlet", "author": "", "url": "",
                               "published_at": "2025-10-24T08:00:00Z"}
    assert d.ok_button.isEnabled()
    d.form.edits["published_at"].setText("yesterday")
    assert not d.ok_button.isEnabled() and "not a date" in d.problem_label.text()
    assert import_dialog.problem({"published_at": "2025-10-24"}) == ""


def test_the_paste_form_says_why_a_url_is_refused(qtbot):
    d = PasteDialog()
    qtbot.add_widget(d)
    d.text.setPlainText("Pasted words.")
    assert d.ok_button.isEnabled()
    d.url.setText("ftp://example.org/x")
    assert not d.ok_button.isEnabled() and "“ftp:” links are not" in d.problem_label.text()


def test_the_paste_form_comes_back_with_what_was_pasted(qtbot):
    values = {"text": "Pasted 👍 words.\nSecond paragraph.", "title": "Pasted piece", "outlet": "Blog", "author": "",
              "url": "", "published_at": "2025-10-24"}
    d = PasteDialog(values=values)
    qtbot.add_widget(d)
    assert d.values() == values and d.ok_button.isEnabled()


def test_the_paste_form_opens_ready_for_the_text(qtbot):
    d = PasteDialog()
    qtbot.add_widget(d)
    d.show()
    qtbot.waitExposed(d)
    assert d.focusWidget() is d.text  # Ctrl+V pastes the article into the text, not into Title


def test_pasted_text_is_thrown_away_only_when_the_person_says_so(qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(import_dialog, "confirm_discard", lambda parent: asked.append(parent) or answer)
    d = PasteDialog()
    qtbot.add_widget(d)
    d.show()
    qtbot.waitExposed(d)
    qtbot.keyClick(d.text, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not d.isVisible() and d.result() == QDialog.DialogCode.Rejected and asked == []
    d.show()
    d.text.setPlainText("A long article, pasted under deadline.")
    answer = False
    qtbot.keyClick(d.text, Qt.Key.Key_Escape)
    assert d.isVisible() and asked == [d]  # kept: the text is still there
    assert d.text.toPlainText() == "A long article, pasted under deadline."
    answer = True
    d.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not d.isVisible() and len(asked) == 2
