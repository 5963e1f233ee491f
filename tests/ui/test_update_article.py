"""Article > Update from file / from pasted text, and the review of the re-anchored claims."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor

from factcheck.core import anchoring
from factcheck.core.project import Project
from factcheck.ui.dialogs import update_review, version_compare
from factcheck.ui.dialogs.update_review import ACCEPTED, FUZZY, ORPHANED, PasteVersionDialog, UpdateReviewDialog
from factcheck.ui.main_window import MainWindow

from ..conftest import imported

V1 = ("Intro 😀 words, señor. US aid to Colombia is expected to decrease by at least 20%.\n\n"
      "The ministry said nothing. Gringos go home. The officials left early in the morning, and the café stayed "
      "open all night.")
V2 = "A note 🇨🇴 on top.\n\n" + V1.replace("decrease", "drop").replace(" Gringos go home.", "")
KEPT, EDITED, GONE = ("the café stayed open all night", "US aid to Colombia is expected to decrease by at least 20%",
                      "Gringos go home.")


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """The window on an article with a kept, an edited and a gone claim; ``window.ids`` names them."""
    path = tmp_path / "u.factcheck"
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported(V1, title="Aid cut")).created
        version = p.current_version(article_id)
        ids = {name: p.create_claim(version.id, V1.index(w), V1.index(w) + len(w)).created
               for name, w in (("kept", KEPT), ("edited", EDITED), ("gone", GONE))}
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: told.append(("error", str(message))))
    monkeypatch.setattr(MainWindow, "show_information", lambda self, title, message: told.append(("info", message)))
    w = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), "ana")
    qtbot.add_widget(w)
    assert w.open_project(path)
    w.show()
    qtbot.wait_exposed(w)
    w.ids, w.told, w.article_id = ids, told, article_id
    return w


def paste(window, monkeypatch, text: str):
    monkeypatch.setattr(window.versions, "ask_pasted_text", lambda title, number: text)
    window.versions.update_paste_action.trigger()
    return window.versions.review_dialog


def claim_ids(dialog: UpdateReviewDialog, group: str) -> list[str]:
    return [item.claim_id for item in dialog.model.items(group)]


def test_the_menu_offers_the_updates_for_the_shown_article(window):
    article_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Article")
    texts = [a.text() for a in article_menu.actions()]
    assert {"&Update from file…", "Update from pas&ted text…", "Re&view re-anchored claims…",
            "&Anchor claim to selection"} <= set(texts)
    assert window.versions.update_paste_action.isEnabled() and window.versions.update_file_action.isEnabled()
    assert not window.versions.review_action.isEnabled()  # nothing waits for review yet
    window.select_article(None)
    window._update_actions()
    assert not window.versions.update_paste_action.isEnabled()


def test_pasted_text_makes_the_next_version_and_the_review_shows_the_three_groups(window, monkeypatch, qtmodeltester):
    dialog = paste(window, monkeypatch, V2)
    project = window.project
    assert [v.number for v in project.versions(window.article_id)] == [1, 2]
    assert window.view.current_version_id == project.current_version(window.article_id).id
    assert dialog is not None and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    ids = window.ids
    assert claim_ids(dialog, FUZZY) == [ids["edited"]]
    assert claim_ids(dialog, ORPHANED) == [ids["gone"]]
    assert claim_ids(dialog, ACCEPTED) == [ids["kept"]]
    model = dialog.model
    assert [model.data(model.index(g, 0)) for g in range(3)] == [
        "Words changed: confirm or re-select (1)", "Words gone: kept under Unanchored (1)", "Kept their words (1)"]
    assert dialog.heading.text() == "Version 2 of “Aid cut”"
    assert dialog.counts.text() == "To confirm: 1 · Unanchored: 1\nKept their words: 1 (0 in place, 1 moved)"
    # The first claim that waits is shown: old and new words side by side, the changed word marked.
    assert dialog.current_item().claim_id == ids["edited"]
    assert EDITED in dialog.old_words.toPlainText()
    assert EDITED.replace("decrease", "drop") in dialog.new_words.toPlainText()
    assert "señor." in dialog.new_words.toPlainText()  # its context, after the emoji
    assert dialog.confirm_button.isEnabled() and dialog.reselect_button.isEnabled()
    # The orphan: its words and where they were; nothing in the new version; it stays under Unanchored.
    dialog.select_claim(ids["gone"])
    assert GONE in dialog.old_words.toPlainText() and not dialog.confirm_button.isEnabled()
    assert dialog.new_words.toPlainText() == "These words are not in version 2."
    assert window.panel.unanchored.rowCount() == 1
    # The kept claim is for information only.
    dialog.select_claim(ids["kept"])
    assert not dialog.confirm_button.isEnabled() and not dialog.reselect_button.isEnabled()
    assert dialog.model.data(dialog.tree.currentIndex().siblingAtColumn(1)) == "Moved"
    assert window.versions.review_action.isEnabled()


def test_confirm_moves_the_claim_to_the_kept_group_and_undo_brings_it_back(window, monkeypatch):
    dialog = paste(window, monkeypatch, V2)
    edited = window.ids["edited"]
    dialog.confirm_button.click()
    claim = window.project.claim(edited)
    assert (claim.anchor_state, claim.exact) == (anchoring.EXACT, EDITED.replace("decrease", "drop"))
    assert edited in claim_ids(dialog, ACCEPTED) and claim_ids(dialog, FUZZY) == []
    assert dialog.current_item().claim_id == window.ids["gone"]  # on to the next claim that waits
    assert window.undo_action.text() == "&Undo Confirm new words"
    window.undo_action.trigger()
    assert window.project.claim(edited).anchor_state == anchoring.FUZZY
    assert claim_ids(dialog, FUZZY) == [edited]


def test_reselect_hides_the_review_selects_the_words_and_ctrl_r_anchors_the_claim(window, monkeypatch, qtbot):
    dialog = paste(window, monkeypatch, V2)
    edited = window.ids["edited"]
    dialog.reselect_button.click()
    assert not dialog.isVisible()
    claim = window.project.claim(edited)
    view = window.view
    assert view.selected_span() == (claim.start, claim.end)
    assert view.text_edit.textCursor().selectedText() == EDITED.replace("decrease", "drop")  # UTF-16 after emoji
    assert window.panel.current_claim_id == edited
    assert "Ctrl+R" in window.statusBar().currentMessage()
    # The checker takes only the words up to "drop", then presses Ctrl+R.
    cursor = view.text_edit.textCursor()
    cursor.setPosition(cursor.selectionStart())
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor,
                        len("US aid to Colombia is expected to drop"))
    view.text_edit.setTextCursor(cursor)
    view.text_edit.setFocus()
    qtbot.keyClick(view.text_edit, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    claim = window.project.claim(edited)
    assert (claim.anchor_state, claim.exact) == (anchoring.EXACT, "US aid to Colombia is expected to drop")
    assert dialog.isVisible() and edited in claim_ids(dialog, ACCEPTED)
    assert window.undo_action.text() == "&Undo Re-anchor claim"


def test_an_orphan_reselected_by_hand_leaves_unanchored(window, monkeypatch):
    dialog = paste(window, monkeypatch, V2)
    gone = window.ids["gone"]
    dialog.select_claim(gone)
    dialog.reselect_button.click()
    assert window.panel.current_claim_id == gone and window.view.selected_span() is None
    text = window.project.current_version(window.article_id).text
    start = text.index("The ministry said nothing.")
    cursor = window.view.text_edit.textCursor()
    offsets = window.view._map
    cursor.setPosition(offsets.to_utf16(start))
    cursor.setPosition(offsets.to_utf16(start + len("The ministry said nothing.")), QTextCursor.MoveMode.KeepAnchor)
    window.view.text_edit.setTextCursor(cursor)
    window.versions.anchor_action.trigger()
    assert window.project.claim(gone).exact == "The ministry said nothing."
    assert claim_ids(dialog, ORPHANED) == [] and window.panel.unanchored.rowCount() == 0
    assert window.versions.pending() == 1 and window.versions.review_action.isEnabled()  # the edited one waits
    # The claim moved from the Unanchored box to the list: it stays selected there and in the inspector.
    assert window.panel.current_claim_id == gone and not window.panel.inspector.body.isHidden()
    assert window.panel.claims.claim_at(window.panel.list.currentIndex().row()).id == gone


def test_the_review_is_keyboard_usable(window, monkeypatch, qtbot):
    dialog = paste(window, monkeypatch, V2)
    assert dialog.tree.hasFocus() or dialog.focusWidget() is dialog.tree
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Down)  # the edited claim -> the orphan group's row
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Down)
    assert dialog.current_item().claim_id == window.ids["gone"]
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)  # Enter: show it in the article and the inspector
    assert window.panel.current_claim_id == window.ids["gone"]
    assert dialog.confirm_button.text() == "&Confirm new words" and dialog.reselect_button.text() == "&Re-select in article"


def test_undo_takes_the_update_back_and_redo_makes_it_again(window, monkeypatch):
    dialog = paste(window, monkeypatch, V2)
    project = window.project
    assert window.undo_action.text() == "&Undo Update article from pasted text"
    window.undo_action.trigger()
    assert [v.number for v in project.versions(window.article_id)] == [1]
    assert window.view.text_edit.toPlainText() == V1
    assert all(project.claim(i).anchor_state == anchoring.EXACT for i in window.ids.values())
    assert claim_ids(dialog, FUZZY) == claim_ids(dialog, ORPHANED) == []
    assert project.verify().ok
    window.redo_action.trigger()
    assert [v.number for v in project.versions(window.article_id)] == [1, 2]
    assert claim_ids(dialog, FUZZY) == [window.ids["edited"]]


def test_reopened_while_claims_wait(window, monkeypatch):
    dialog = paste(window, monkeypatch, V2)
    dialog.close()
    assert window.versions.review_action.isEnabled()
    window.versions.review_action.trigger()
    assert window.versions.review_dialog is dialog and dialog.isVisible()
    assert claim_ids(dialog, FUZZY) == [window.ids["edited"]]


def test_show_changes_compares_the_two_versions(window, monkeypatch, qtbot):
    dialog = paste(window, monkeypatch, V2)
    shown = []

    def ask(cls, session, article_id, parent=None):
        compare = version_compare.VersionCompareDialog(session, article_id, parent)
        qtbot.add_widget(compare)
        shown.append(compare)

    monkeypatch.setattr(version_compare.VersionCompareDialog, "ask", classmethod(ask))
    dialog.changes_button.click()
    (compare,) = shown
    assert compare.old_view.toPlainText() == V1 and compare.new_view.toPlainText() == V2
    assert compare.old_combo.currentText().startswith("Version 1") and compare.new_combo.currentText().startswith("Version 2")


def test_update_from_file_reads_any_importable_file(window, tmp_path, monkeypatch):
    page = tmp_path / "v2.html"
    page.write_text("<!doctype html><html><head><title>Aid cut</title></head><body><article>"
                    + "".join(f"<p>{p}</p>" for p in V2.split("\n\n")) + "</article></body></html>", encoding="utf-8")
    monkeypatch.setattr(window.versions, "ask_update_path", lambda: str(page))
    window.versions.update_file_action.trigger()
    version = window.project.current_version(window.article_id)
    assert version.number == 2 and version.source_name == "v2.html" and "drop by at least 20%" in version.text
    assert window.versions.review_dialog.isVisible()
    assert "*.html" in window.versions.file_filter() and "*.txt" in window.versions.file_filter()


def test_a_file_that_cannot_be_imported_is_one_sentence_and_nothing_is_stored(window, tmp_path):
    picture = tmp_path / "photo.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    events = window.project.store.read("SELECT count(*) FROM events")
    assert window.versions.update_from_file(str(picture)) is None
    ((kind, message),) = window.told
    assert kind == "error" and message.startswith("photo.txt: ") and message.count("\n") == 0
    assert window.project.store.read("SELECT count(*) FROM events") == events
    assert len(window.project.versions(window.article_id)) == 1 and window.versions.review_dialog is None


def test_the_same_text_again_says_nothing_changed(window, monkeypatch):
    events = window.project.store.read("SELECT count(*) FROM events")
    assert paste(window, monkeypatch, V1 + "\n") is None
    assert window.told == [("info", "The text is the same as version 1: nothing changed, so no version was added.")]
    assert window.project.store.read("SELECT count(*) FROM events") == events
    assert not window.session.history.can_undo


def test_an_article_deleted_meanwhile_is_refused(window, monkeypatch):
    with Project.open(window.project.path, user="ben") as other:  # another window deletes it
        other.delete_article(window.article_id)
    events = window.project.store.read("SELECT count(*) FROM events")
    monkeypatch.setattr(window.versions, "ask_pasted_text", lambda title, number: V2)
    window.versions.update(imported(V2))
    ((kind, message),) = window.told
    assert kind == "error" and message.startswith("There is no article with id")
    assert window.project.store.read("SELECT count(*) FROM events") == events


def test_pasted_dialog_takes_text_with_emoji(qtbot):
    dialog = PasteVersionDialog(None, "Aid cut", 2)
    qtbot.add_widget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.text.setPlainText(V2)
    assert dialog.ok_button.isEnabled() and "version 2 of “Aid cut”" in dialog.intro.text()
    assert dialog.text.toPlainText() == V2
    dialog.show()
    with qtbot.wait_active(dialog):
        dialog.activateWindow()
    dialog.text.setFocus()
    with qtbot.wait_signal(dialog.accepted):  # Ctrl+Enter from the text box
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_context_is_cut_at_whole_words():
    assert update_review._whole_words("ording to the Associated Press, ", at_end=True) == "to the Associated Press, "
    assert update_review._whole_words(", with the fiscal year that ende", at_end=False) == ", with the fiscal year that"
    assert update_review._whole_words("Intro ", at_end=True) == "Intro "  # the start of the text: nothing cut


def test_the_article_view_can_underline_what_changed_since_the_previous_version(window, monkeypatch, qtbot):
    paste(window, monkeypatch, V2).close()
    view = window.view

    def marked() -> list[str]:
        return [s.cursor.selectedText() for s in view.text_edit.extraSelections()
                if s.format.underlineStyle() == s.format.UnderlineStyle.DashUnderline]

    assert marked() == []  # off unless asked for
    window.versions.marks_action.trigger()
    assert marked() == ["A note 🇨🇴 on top.", "drop"]  # the words the outlet added or changed, after an emoji
    assert window.settings.value("view/mark_changes", type=bool)
    window.undo_action.trigger()  # back on version 1: nothing before it to compare with
    qtbot.waitUntil(lambda: view.text_edit.toPlainText() == V1 and marked() == [])
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: marked() == ["A note 🇨🇴 on top.", "drop"])
    window.versions.marks_action.trigger()
    assert marked() == []  # switched off
