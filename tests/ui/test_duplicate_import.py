"""Importing a file or text the project holds already asks first: open that article, import anyway, or cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent

from factcheck.ui import main_window
from factcheck.ui.main_window import MainWindow

from ..conftest import SAMPLE


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A window on a new project holding the sample article, its questions recorded and answered from ``answers``."""
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(str(message)))
    asked: list[tuple[str, str]] = []
    answers: list[str] = []

    def ask_duplicate(self, name, existing):
        asked.append((name, existing.article_id))
        return answers.pop(0)

    monkeypatch.setattr(MainWindow, "ask_duplicate", ask_duplicate)
    made = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), "ana")
    qtbot.add_widget(made)
    assert made.open_project(tmp_path / "desk.factcheck", create=True)
    made.show()
    qtbot.wait_exposed(made)
    made.first = made.import_files([str(SAMPLE)])[0]
    made.asked, made.answers, made.errors = asked, answers, errors
    return made


def drop(window: MainWindow, *paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))


def other_article(tmp_path, name: str = "other.txt"):
    path = tmp_path / name
    path.write_text("Another article. The minister said unemployment fell.\n", encoding="utf-8")
    return path


def test_open_existing_shows_that_article_and_creates_nothing(window, tmp_path, monkeypatch):
    other = window.import_files([str(other_article(tmp_path))])[0]
    assert window.current_article_id() == other
    monkeypatch.setattr(MainWindow, "ask_article_metadata", lambda self, imported: pytest.fail("asked for metadata"))
    window.answers.append("open")
    assert window.import_files([str(SAMPLE)], ask_metadata=True) == []  # File > Import article, the same file
    assert window.asked == [("us-sanctions-petro.txt", window.first)]
    assert window.current_article_id() == window.first
    assert [a.id for a in window.project.articles()] == [window.first, other]
    assert window.articles.rowCount() == 2 and window.errors == []


def test_import_anyway_makes_a_second_article(window):
    window.answers.append("import")
    created = window.import_files([str(SAMPLE)])
    assert len(created) == 1 and created[0] != window.first
    assert window.current_article_id() == created[0]
    assert window.articles.rowCount() == 2 and len(window.asked) == 1


def test_a_drop_asks_only_about_the_file_already_in_and_cancel_stops_there(window, tmp_path):
    new = other_article(tmp_path)
    window.answers.append("cancel")
    drop(window, new, SAMPLE, other_article(tmp_path, "later.txt"))
    assert window.asked == [("us-sanctions-petro.txt", window.first)]  # once, for the duplicate only
    titles = [a.title for a in window.project.articles()]
    assert len(titles) == 2 and titles[1].startswith("Another article")  # later.txt was not read after Cancel


def test_a_drop_of_a_new_file_imports_without_asking(window, tmp_path):
    drop(window, other_article(tmp_path))
    assert window.asked == [] and window.articles.rowCount() == 2


def test_pasted_text_already_in_asks_and_opens_the_article(window):
    window.answers.append("open")
    values = {"text": SAMPLE.read_text(encoding="utf-8"), "title": "Pasted", "outlet": "", "author": "", "url": "",
              "published_at": ""}
    assert window.import_pasted(values) == window.first  # the article shown for the text
    assert window.asked == [("", window.first)] and window.articles.rowCount() == 1
    assert window.current_article_id() == window.first


def test_cancel_at_the_question_gives_the_pasted_text_back(window, monkeypatch):
    """Cancel at "Already imported" after Paste article: the paste dialog comes back holding what was pasted."""
    pasted = {"text": SAMPLE.read_text(encoding="utf-8"), "title": "Pasted", "outlet": "Diario", "author": "",
              "url": "", "published_at": "2025-10-24"}
    shown: list = []

    def ask(cls, parent=None, values=None):
        shown.append(values)
        return dict(pasted) if len(shown) == 1 else None  # pasted, then Cancel (and Discard) the second time

    monkeypatch.setattr(main_window.PasteDialog, "ask", classmethod(ask))
    window.answers.append("cancel")
    window.paste_action.trigger()
    assert shown == [None, pasted]  # opened again with the text and fields, as they were
    assert window.asked == [("", window.first)] and window.articles.rowCount() == 1


def test_open_existing_after_a_paste_does_not_ask_again(window, monkeypatch):
    shown: list = []
    monkeypatch.setattr(main_window.PasteDialog, "ask", classmethod(
        lambda cls, parent=None, values=None: shown.append(values) or {
            "text": SAMPLE.read_text(encoding="utf-8"), "title": "", "outlet": "", "author": "", "url": "",
            "published_at": ""}))
    window.answers.append("open")
    window.paste_action.trigger()
    assert shown == [None] and window.current_article_id() == window.first and window.articles.rowCount() == 1
