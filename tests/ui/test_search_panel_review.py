"""Find in project's jump to the words, against text full of emoji and an article that changed
under the hits: the selection lands on the words found, or nowhere, never on other words."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt

from factcheck.core import history
from factcheck.core.project import Project
from tests.conftest import imported
from tests.ui.conftest import shown_window

#: Paragraphs of posts: flags, families joined by ZWJ, skin tones, bold letters, decomposed accents.
POSTS = "\n\n".join(
    f"Publicación {i} 🇨🇴👨‍👩‍👧‍👦👍🏽 𝐁𝐑𝐄𝐀𝐊𝐈𝐍𝐆: {unicodedata.normalize('NFD', 'el niño llegó a Bogotá')} 🎉"
    for i in range(60))
TEXT = POSTS + "\n\nAl final el alcalde de Cartagena habló. 😀 Y luego el gobernador de Cartagena."


def find(qtbot, window, text: str):
    window.search_dock.find_action.trigger()
    panel = window.search_dock.panel
    panel.query_edit.setText(text)
    panel.search_now()
    return panel


def test_the_jump_lands_on_the_words_after_thousands_of_emoji(qtbot, tmp_path):
    path = tmp_path / "posts.factcheck"
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported(TEXT, title="Posts")).created
        p.import_article(imported("Otro texto.", title="Otro"))
    window = shown_window(qtbot, path, tmp_path / "settings.ini")
    panel = find(qtbot, window, '"gobernador de cartagena"')
    (hit,) = panel.model.hits
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert window.current_article_id() == article_id
    assert window.view.text_edit.textCursor().selectedText() == "gobernador de Cartagena"
    panel = find(qtbot, window, "breaking")
    panel.results.setCurrentIndex(panel.model.index(panel.model.rowCount() - 1))
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert window.view.text_edit.textCursor().selectedText() == "𝐁𝐑𝐄𝐀𝐊𝐈𝐍𝐆"
    panel = find(qtbot, window, "nino")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert unicodedata.normalize("NFC", window.view.text_edit.textCursor().selectedText()) == "niño"


def test_a_hit_from_before_a_new_version_never_selects_other_words(qtbot, tmp_path):
    """Enter pressed before the hits caught up with a new version: the old offsets must not
    be applied to the new text (they would select whatever words now stand there)."""
    path = tmp_path / "desk.factcheck"
    text = "El alcalde de Cartagena habló ayer."
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported(text, title="Nota")).created
    window = shown_window(qtbot, path, tmp_path / "settings.ini")
    panel = find(qtbot, window, "cartagena")
    window.session.do(history.AddVersion(article_id, imported("Nuevo párrafo primero.\n\n" + text, title="Nota")))
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    selected = window.view.text_edit.textCursor().selectedText()
    assert selected in ("", "Cartagena")
