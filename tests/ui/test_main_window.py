"""A whole check driven through the widgets, and the window's must-survive cases."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from factcheck.core import history, migrations, model, workflow
from factcheck.core.project import Project
from factcheck.ui import alerts, app, main_window
from factcheck.ui.dialogs import citation_dialog, source_dialog
from factcheck.ui.dialogs.citation_dialog import CitationDialog
from factcheck.ui.main_window import MainWindow

from factcheck.core.errors import NotAProject

from ..conftest import SAMPLE, imported

SENTENCE = "President Petro has allowed drug cartels to flourish and refused to stop this activity"


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def select_words(window: MainWindow, words: str, nth: int = 0) -> tuple[int, int]:
    """Select ``words`` in the article view the way a mouse drag would (Qt positions)."""
    text = window.project.text(window.view.current_version_id)
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    cursor = window.view.text_edit.textCursor()
    cursor.setPosition(utf16(text, start))
    cursor.setPosition(utf16(text, start + len(words)), QTextCursor.MoveMode.KeepAnchor)
    window.view.text_edit.setTextCursor(cursor)
    return start, start + len(words)


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path / "home"))
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_window(qtbot, settings, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))

    def make(path, *, create=False, user="ana") -> MainWindow:
        window = MainWindow(settings, user)
        qtbot.add_widget(window)
        window.errors = errors
        assert window.open_project(path, create=create), errors
        window.show()
        qtbot.wait_exposed(window)
        return window

    return make


def test_a_new_claims_statement_is_in_view_when_it_takes_the_typing(open_window, tmp_path, qtbot):
    """The inspector kept the scroll of the claim shown before: at 1024 x 700, after Ctrl+E the statement had the
    focus but was out of sight (a keyboard-only walk typed into it unseen)."""
    window = open_window(tmp_path / "k.factcheck", create=True)
    window.resize(1024, 700)
    window.import_files([str(SAMPLE)])
    select_words(window, SENTENCE)
    window.new_claim_action.trigger()
    inspector = window.panel.inspector
    bar = inspector.claim_scroll.verticalScrollBar()
    qtbot.wait_until(lambda: bar.maximum() > 0)  # the fields are taller than the room they have
    inspector.tabs.setCurrentWidget(inspector.history_view)
    bar.setValue(bar.maximum())  # as the last claim was left, scrolled down to its rationale
    select_words(window, "refused to stop this activity")
    window.new_claim_action.trigger()
    assert inspector.tabs.currentWidget() is inspector.claim_scroll and inspector.statement.hasFocus()
    viewport = inspector.claim_scroll.viewport()
    top = inspector.statement.mapTo(viewport, QPoint(0, 0)).y()
    assert 0 <= top and top + inspector.statement.height() <= viewport.height()


def test_a_whole_check_through_the_widgets(open_window, tmp_path, qtbot, monkeypatch):
    path = tmp_path / "check.factcheck"
    window = open_window(path, create=True)

    # Import the sample article by dropping the file on the window.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLE))])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert window.articles.rowCount() == 1
    assert window.view.current_version_id is not None

    # Select a sentence and make a claim of it.
    start, end = select_words(window, SENTENCE)
    assert window.new_claim_action.isEnabled()
    window.new_claim_action.trigger()
    claim_id = window.panel.current_claim_id
    assert claim_id is not None
    claim = window.project.claim(claim_id)
    assert claim.exact == SENTENCE and (claim.start, claim.end) == (start, end)
    assert window.panel.claims.rowCount() == 1

    inspector = window.panel.inspector
    # Claimant: typed, saved on Enter.
    inspector.claimant.setFocus()
    qtbot.keyClicks(inspector.claimant, "Scott Bessent")
    qtbot.keyClick(inspector.claimant, Qt.Key.Key_Return)
    # Rating: chosen from the scale.
    index = inspector.rating.findData("no-evidence")
    inspector.rating.setCurrentIndex(index)
    inspector.rating.activated.emit(index)
    # Verdict summary.
    inspector.summary.setFocus()
    qtbot.keyClicks(inspector.summary, "No evidence was provided linking the president to drug trafficking")
    qtbot.keyClick(inspector.summary, Qt.Key.Key_Return)
    claim = window.project.claim(claim_id)
    assert (claim.claimant, claim.rating) == ("Scott Bessent", "no-evidence")
    assert claim.verdict_summary.startswith("No evidence was provided")
    assert window.saved_label.text().startswith("Saved")

    # Add a source from inside the citation dialog and cite it as contradicting.
    monkeypatch.setattr(source_dialog.SourceDialog, "ask", classmethod(
        lambda cls, parent, source=None: {"title": "AP: no evidence linking Petro", "url": "https://apnews.com/x",
                                          "publisher": "Associated Press", "kind": "article"}))

    def fill_citation(cls, session, parent, claim_id, citation=None):
        dialog = CitationDialog(session, parent, claim_id=claim_id, citation=citation)
        qtbot.add_widget(dialog)
        dialog.new_source_button.click()
        dialog.set_stance("contradicts")
        qtbot.keyClicks(dialog.quote_edit, "has provided no evidence directly linking")
        qtbot.keyClicks(dialog.locator_edit, "para 4")
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return dialog.result_fields()

    monkeypatch.setattr(citation_dialog.CitationDialog, "ask", classmethod(fill_citation))
    inspector.cite_button.click()
    assert inspector.citations.rowCount() == 1
    (citation,) = window.project.citations(claim_id)
    assert (citation.stance, citation.locator) == ("contradicts", "para 4")

    # Start typing a rationale and close the window mid-edit: the text must be in the file.
    inspector.rationale.setFocus()
    qtbot.keyClicks(inspector.rationale, "Treasury gave no evidence.")
    window.close()

    again = open_window(path, user="ben")
    assert again.articles.rowCount() == 1
    assert again.panel.claims.rowCount() == 1
    claim = again.project.claim(claim_id)
    assert claim.claimant == "Scott Bessent" and claim.rating == "no-evidence"
    assert claim.rationale == "Treasury gave no evidence."
    source = again.project.source(citation.source_id)
    assert source.title == "AP: no evidence linking Petro" and source.publisher == "Associated Press"
    assert [c.stance for c in again.project.citations(claim_id)] == ["contradicts"]
    # Selecting it in the list shows it in the inspector.
    again.panel.list.selectRow(0)
    assert again.panel.inspector.claimant.text() == "Scott Bessent"
    assert again.errors == []


def test_undo_and_redo_from_the_edit_menu(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "u.factcheck", create=True)
    window.import_files([str(SAMPLE)])
    select_words(window, SENTENCE)
    window.new_claim_action.trigger()
    claim_id = window.panel.current_claim_id
    inspector = window.panel.inspector
    inspector.claimant.setFocus()
    qtbot.keyClicks(inspector.claimant, "Bessent")
    qtbot.keyClick(inspector.claimant, Qt.Key.Key_Return)
    assert window.undo_action.text() == "&Undo Edit claim claimant"
    window.undo_action.trigger()
    assert window.project.claim(claim_id).claimant == ""
    assert inspector.claimant.text() == ""
    assert window.redo_action.text() == "&Redo Edit claim claimant"
    window.redo_action.trigger()
    assert inspector.claimant.text() == "Bessent"
    window.undo_action.trigger()
    window.undo_action.trigger()  # the claim itself
    assert window.project.claims() == []
    assert window.panel.claims.rowCount() == 0
    window.redo_action.trigger()
    assert window.panel.claims.rowCount() == 1


def test_delete_claim_asks_nothing_and_undo_restores(open_window, tmp_path):
    window = open_window(tmp_path / "d.factcheck", create=True)
    window.import_files([str(SAMPLE)])
    select_words(window, SENTENCE)
    window.new_claim_action.trigger()
    window.delete_claim_action.trigger()
    assert window.project.claims() == [] and window.panel.claims.rowCount() == 0
    said = window.statusBar().currentMessage()
    assert "Deleted" in said and SENTENCE[:20] in said and "Ctrl+Z" in said  # nothing asked: it says how to undo
    window.undo_action.trigger()
    assert window.panel.claims.rowCount() == 1


def test_ctrl_e_without_selected_words_says_what_it_needs(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "e.factcheck", create=True)
    window.import_files([str(SAMPLE)])
    cursor = window.view.text_edit.textCursor()
    cursor.clearSelection()
    window.view.text_edit.setTextCursor(cursor)
    window.view.text_edit.setFocus()
    qtbot.keyClick(window.view.text_edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.project.claims() == []
    assert "Select the claim's words" in window.statusBar().currentMessage()


def test_a_new_article_shown_while_typing_in_the_inspector_keeps_the_focus_out_of_the_review_filters(
        open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "f.factcheck", create=True)
    window.show()
    window.activateWindow()
    window.import_files([str(SAMPLE)])
    select_words(window, SENTENCE)
    window.new_claim_action.trigger()
    claimant = window.panel.inspector.claimant
    claimant.setFocus()
    qtbot.keyClicks(claimant, "Bess")
    assert claimant.hasFocus()
    other = tmp_path / "other.txt"
    other.write_text("Another article, imported while a claim is being written.\n", encoding="utf-8")
    window.import_files([str(other)])  # another article comes in and is shown
    focus = QApplication.focusWidget()
    assert focus is not None and not window.review_panel.isAncestorOf(focus)
    assert focus is window.view.text_edit
    qtbot.keyClick(focus, Qt.Key.Key_A)  # a key typed now changes no filter
    assert window.review_panel.status_filter.currentIndex() == 0


def test_clicking_a_highlight_selects_its_claim(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "c.factcheck", create=True)
    window.import_files([str(SAMPLE)])
    select_words(window, SENTENCE)
    outer = window.new_claim_action.trigger() or window.panel.current_claim_id
    select_words(window, "drug cartels")
    window.new_claim_action.trigger()
    inner = window.panel.current_claim_id
    window.panel.select_claim(None)
    text = window.project.text(window.view.current_version_id)
    pos = text.index("drug cartels") + 3
    cursor = window.view.text_edit.textCursor()
    cursor.setPosition(utf16(text, pos))
    rect = window.view.text_edit.cursorRect(cursor)
    qtbot.mouseClick(window.view.text_edit.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(2, 0))
    assert window.panel.current_claim_id == inner
    assert outer != inner


def test_a_project_that_fails_to_open_leaves_the_current_one(open_window, tmp_path, settings):
    window = open_window(tmp_path / "ok.factcheck", create=True)
    window.import_files([str(SAMPLE)])
    bad = tmp_path / "bad.factcheck"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for path in (bad, other, tmp_path / "missing.factcheck"):
        assert not window.open_project(path)
    assert len(window.errors) == 3 and "not a factcheck project" in window.errors[0]
    assert window.articles.rowCount() == 1 and window.project.path.name == "ok.factcheck"


def test_import_errors_are_shown_and_nothing_half_imported(open_window, tmp_path):
    window = open_window(tmp_path / "i.factcheck", create=True)
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    created = window.import_files([str(png), str(SAMPLE), str(empty)])
    assert len(created) == 1 and window.articles.rowCount() == 1
    assert "photo.txt" in window.errors[-1] and "empty.txt" in window.errors[-1]


def test_paste_article(open_window, tmp_path, monkeypatch):
    window = open_window(tmp_path / "p.factcheck", create=True)
    monkeypatch.setattr(main_window.PasteDialog, "ask", classmethod(lambda cls, parent=None, values=None: {
        "text": "Pasted 👍 words.\nSecond paragraph.", "title": "Pasted piece", "outlet": "Blog",
        "author": "", "url": "", "published_at": "2025-10-24"}))
    window.paste_action.trigger()
    (article,) = window.project.articles()
    assert (article.title, article.outlet, article.published_at) == ("Pasted piece", "Blog", "2025-10-24")


def test_unanchored_claims_are_listed_not_dropped(open_window, tmp_path):
    path = tmp_path / "o.factcheck"
    with Project.create(path) as p:
        from ..conftest import imported

        text = SAMPLE.read_text(encoding="utf-8")
        article_id = p.import_article(imported(text)).created
        v = p.current_version(article_id)
        start = text.index("Gringos go home.")
        p.create_claim(v.id, start, start + len("Gringos go home."), claimant="Benedetti")
        p.add_version(article_id, imported(text.replace(" Gringos go home.", "")))
    window = open_window(path)
    assert window.panel.claims.rowCount() == 0
    assert window.panel.unanchored.rowCount() == 1
    assert not window.panel.orphans_box.isHidden()
    assert "Gringos go home." in window.panel.unanchored.data(window.panel.unanchored.index(0, 0))
    # Re-anchor it to words chosen by hand.
    window.panel.orphans.selectRow(0)
    claim_id = window.panel.current_claim_id
    select_words(window, "every empire is unjust")
    window.panel.inspector.reanchor_button.click()
    assert window.project.claim(claim_id).anchor_state == "exact"
    assert window.panel.claims.rowCount() == 1 and window.panel.unanchored.rowCount() == 0


def test_emoji_and_rtl_selection_makes_exact_claims(open_window, tmp_path):
    window = open_window(tmp_path / "e.factcheck", create=True)
    text = "Intro 👍🏽 words 🇨🇴. The café (q\u0301) said «ثلاثة أيام» and עברית 🧑‍🤝‍🧑 end."
    window.import_pasted({"text": text, "title": "Unicode", "outlet": "", "author": "", "url": "", "published_at": ""})
    for quote in ("words 🇨🇴", "«ثلاثة أيام»", "עברית 🧑‍🤝‍🧑", "(q\u0301)"):
        select_words(window, quote)
        window.new_claim_action.trigger()
        claim = window.project.claim(window.panel.current_claim_id)
        assert claim.exact == quote


def test_first_run_opens_the_demo_and_asks_the_name_once(tmp_path, monkeypatch, qtbot):
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path / "home"))
    asked = []
    monkeypatch.setattr(app.NameDialog, "ask", classmethod(lambda cls, default, parent=None: asked.append(default) or "Ana Checker"))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = app.make_window(None, settings=settings)
    qtbot.add_widget(window)
    assert asked and window.user == "Ana Checker"
    assert window.project.path == tmp_path / "home" / "data" / "demo.factcheck"
    assert window.panel.claims.rowCount() >= 4
    window.close()
    second = app.make_window(None, settings=settings)
    qtbot.add_widget(second)
    assert len(asked) == 1  # not asked again
    assert second.project.path.name == "demo.factcheck"
    second.close()


def test_layout_and_recent_projects_are_remembered(open_window, tmp_path, settings, qtbot):
    window = open_window(tmp_path / "r.factcheck", create=True)
    window.claims_dock.hide()
    window.close()
    assert window.recent_projects()[0].endswith("r.factcheck")
    again = MainWindow(settings, "ana")
    qtbot.add_widget(again)
    assert again.recent_menu.actions()[0].text() == "r.factcheck"
    assert again.claims_dock.isHidden()


def test_history_is_per_project_and_undo_conflicts_are_reported(open_window, tmp_path):
    window = open_window(tmp_path / "h.factcheck", create=True)
    window.import_files([str(SAMPLE)])
    select_words(window, SENTENCE)
    window.new_claim_action.trigger()
    claim_id = window.panel.current_claim_id
    window.session.do(history.UpdateClaim(claim_id, rating="false"))
    with Project.open(window.project.path, user="ben") as other:
        other.update_claim(claim_id, rating="true")
    window.undo_action.trigger()
    assert "changed elsewhere" in window.errors[-1]
    assert window.project.claim(claim_id).rating == "true"


def test_the_inspector_hints_and_refuses_in_the_cores_words(open_window, tmp_path, qtbot, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(alerts, "show_error", lambda parent, exc, title="factcheck": told.append(str(exc)))
    window = open_window(tmp_path / "hints.factcheck", create=True)
    window.import_files([str(SAMPLE)])
    select_words(window, SENTENCE)
    window.new_claim_action.trigger()
    claim_id = window.panel.current_claim_id
    inspector = window.panel.inspector

    # "U.S." is an abbreviation, not the end of a sentence: no hint, as at submission.
    inspector.summary.setText("The U.S. cut aid.")
    assert inspector.summary_hint.isHidden()
    inspector.summary.setText("The U.S. cut aid. It did so in May.")
    assert inspector.summary_hint.text() == "The verdict summary should be one sentence."

    # A date that is not one: hinted while typing, refused by the core on saving, nothing stored.
    inspector.claim_date.setFocus()
    qtbot.keyClicks(inspector.claim_date, "last Tuesday")
    assert inspector.date_hint.text() == "Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY)."
    qtbot.keyClick(inspector.claim_date, Qt.Key.Key_Return)
    assert told == ["The claim date “last Tuesday” is not a date. Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY)."]
    assert window.project.claim(claim_id).claim_date == "" and inspector.claim_date.text() == ""
    inspector.claim_date.setText("2025-02-30")
    assert inspector.date_hint.text() == "2025-02-30 is not a date on the calendar."
    inspector.claim_date.setText("2025-10-24")
    assert inspector.date_hint.isHidden()
    qtbot.keyClick(inspector.claim_date, Qt.Key.Key_Return)
    assert window.project.claim(claim_id).claim_date == "2025-10-24"


def test_review_menu_follows_the_claim_and_says_why_a_decision_is_closed(open_window, tmp_path):
    window = open_window(tmp_path / "menu.factcheck", create=True)
    window.import_files([str(SAMPLE)])
    assert not window.approve_action.isEnabled()
    assert window.approve_action.toolTip() == "Select a claim first, in the claim list or the review queue."
    assert window.review_menu.toolTipsVisible()
    select_words(window, SENTENCE)
    window.new_claim_action.trigger()
    claim_id = window.panel.current_claim_id
    assert not window.submit_action.isEnabled()
    assert window.submit_action.toolTip().startswith("Cannot submit for review yet: the claim needs a rating")
    assert window.approve_action.toolTip() == "Cannot approve a claim that is a draft; it must be in review."
    source_id = window.project.create_source(title="AP").created
    window.session.do(history.Cite(claim_id, source_id, "contradicts"))
    window.session.do(history.UpdateClaim(claim_id, rating="false", verdict_summary="It is false."))
    assert window.submit_action.isEnabled()  # followed the change, with no click in between
    window.submit_action.trigger()
    assert window.project.claim(claim_id).status == model.IN_REVIEW
    assert not window.approve_action.isEnabled()
    assert window.approve_action.toolTip() == "You wrote this verdict, so someone else must approve it (four-eyes rule)."
    assert window.request_changes_action.isEnabled()
    window.session.do(history.SetSetting("four_eyes", False))
    assert window.approve_action.isEnabled()
    assert window.approve_action.toolTip() == window._review_tips[workflow.APPROVE]


def test_save_a_copy_writes_everything_while_the_project_is_open(open_window, tmp_path, monkeypatch):
    path = tmp_path / "open.factcheck"
    window = open_window(path, create=True)
    window.session.do(history.ImportArticle(imported("Words of the article.")))
    # Copying the file itself now may leave out what is still in its write-ahead log.
    target = tmp_path / "mailed.factcheck"
    monkeypatch.setattr(MainWindow, "ask_copy_path", lambda self, suggested: str(target.with_suffix("")))
    window.save_copy_action.trigger()
    assert target.exists() and "mailed.factcheck" in window.statusBar().currentMessage()
    copy = Project.open(target, user="bob", read_only=True)
    try:
        assert [a.title for a in copy.articles()] == ["Test article"]
    finally:
        copy.close()
    window.save_copy_action.trigger()  # never over an existing file
    assert any("mailed.factcheck" in e for e in window.errors)
    # A file left with no tables (what copying an open project's file alone can give) says what to do.
    bare = tmp_path / "bare.factcheck"
    with sqlite3.connect(bare) as conn:
        conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")  # the header, no tables
    with pytest.raises(NotAProject, match="Save a copy"):
        Project.open(bare, user="bob", read_only=True)


def test_a_new_project_says_how_to_bring_an_article_in(open_window, tmp_path):
    window = open_window(tmp_path / "new.factcheck", create=True)
    hint = window.view.text_edit.placeholderText()
    assert "Import article" in hint and "Ctrl+I" in hint and window.view.text_edit.toPlainText() == ""
