"""Signed-off verdicts in the window: Delete retracts them with a public reason; changed words are shown side by side.

Ana wrote the verdicts; Ben approved and published them (four-eyes on, the default).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from factcheck import exporters
from factcheck.core import model, workflow
from factcheck.core.project import Project
from factcheck.ui import alerts
from factcheck.ui.dialogs import review_dialogs
from factcheck.ui.main_window import MainWindow

from ..conftest import SAMPLE, imported

TEXT = SAMPLE.read_text(encoding="utf-8")
PUBLISHED = "US aid to Colombia is expected to decrease by at least 20%"
DRAFT = "every empire is unjust"
REFUSAL = "You wrote this verdict, so someone else must retract it (four-eyes rule)."


@pytest.fixture
def said(monkeypatch):
    """Every message the app shows, instead of a message box."""
    messages: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: messages.append(str(message)))
    monkeypatch.setattr(alerts, "show_error", lambda parent, exc, title="factcheck": messages.append(str(exc)))
    return messages


@pytest.fixture
def path(tmp_path):
    """The sample article with a published verdict (Ana's, approved by Ben) and a draft."""
    path = tmp_path / "protected.factcheck"
    with Project.create(path, user="ana") as p:
        version = p.current_version(p.import_article(imported(TEXT, title="Sanctions")).created)
        start = version.text.index(PUBLISHED)
        claim_id = p.create_claim(version.id, start, start + len(PUBLISHED), rating="false",
                                  verdict_summary="The request cuts aid by a fifth.").created
        p.cite(claim_id, p.create_source(title="Budget request", kind="document").created, "contradicts")
        p.review(claim_id, workflow.SUBMIT)
        p.user = "ben"
        p.review(claim_id, workflow.APPROVE)
        p.review(claim_id, workflow.PUBLISH)
        start = version.text.index(DRAFT)
        p.create_claim(version.id, start, start + len(DRAFT))
    return path


@pytest.fixture
def open_window(qtbot, tmp_path, said, path):
    """A window on the project as one user (opened in the test, after any change a fixture made)."""

    def make(user: str) -> MainWindow:
        settings = QSettings(str(tmp_path / f"settings-{user}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, user)
        qtbot.add_widget(window)
        assert window.open_project(path), said
        window.show()
        qtbot.wait_exposed(window)
        return window

    return make


def claim_on(window: MainWindow, quote: str) -> str:
    return next(c.id for c in window.project.claims(include_deleted=True) if c.exact.startswith(quote[:20]))


def press_delete(qtbot, window: MainWindow) -> None:
    """The Delete key in the claim list, as a person presses it."""
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    window.panel.list.setFocus()
    qtbot.wait_until(lambda: window.panel.list.hasFocus())
    qtbot.keyClick(window.panel.list, Qt.Key.Key_Delete)


@pytest.fixture
def asked(monkeypatch):
    """The retraction dialog's questions; it answers ``answer[0]`` (None: cancelled)."""
    questions: list[tuple[str, str]] = []
    answer: list[str | None] = [None]

    def ask(cls, parent, claim, rating_label=""):
        questions.append((claim.id, rating_label))
        return answer[0]

    monkeypatch.setattr(review_dialogs.RetractDialog, "ask", classmethod(ask))
    return questions, answer


def test_delete_key_on_a_published_claim_asks_a_reason_and_cancel_deletes_nothing(open_window, qtbot, asked, said):
    questions, answer = asked
    ben = open_window("ben")
    claim_id = claim_on(ben, PUBLISHED)
    ben.open_claim(claim_id)
    n_events = len(ben.project.events())

    press_delete(qtbot, ben)  # cancelled
    assert questions == [(claim_id, "False")]
    assert ben.project.claim(claim_id).deleted_at is None and len(ben.project.events()) == n_events
    assert ben.panel.claims.row_of(claim_id) >= 0

    answer[0] = "The budget line was misread: the cut is 25%."
    ben.delete_claim_action.trigger()  # the Edit menu takes the same path
    assert len(questions) == 2
    assert ben.project.claim(claim_id).deleted_at and ben.panel.claims.row_of(claim_id) < 0
    (fix,) = ben.project.corrections(claim_id)
    assert (fix.kind, fix.by, fix.reason) == ("retraction", "ben", answer[0])
    assert not ben.undo_action.isEnabled()  # a decision, not an edit
    assert said == []

    # The report's corrections section lists it, with the quote and the reason.
    html = exporters.export(ben.project, "html").decode("utf-8")
    assert f"verdict retracted</strong> on the claim <q dir=\"auto\">{PUBLISHED}</q>" in html
    assert answer[0] in html


def test_the_verdict_author_is_refused_with_the_sentence(open_window, qtbot, asked, said):
    questions, answer = asked
    answer[0] = "should never be asked"
    ana = open_window("ana")
    claim_id = claim_on(ana, PUBLISHED)
    ana.open_claim(claim_id)
    press_delete(qtbot, ana)
    assert said == [REFUSAL] and questions == []
    assert ana.project.claim(claim_id).deleted_at is None and ana.project.corrections(claim_id) == []


def test_a_draft_is_deleted_at_once_and_undone(open_window, qtbot, asked, said):
    questions, _ = asked
    ana = open_window("ana")
    claim_id = claim_on(ana, DRAFT)
    ana.open_claim(claim_id)
    press_delete(qtbot, ana)
    assert questions == [] and ana.project.claim(claim_id).deleted_at
    ana.undo_action.trigger()
    assert ana.project.claim(claim_id).deleted_at is None and said == []


def test_retract_dialog_says_it_is_public_and_needs_a_reason(qtbot, path):
    with Project.open(path) as p:
        claim = p.claim(next(c.id for c in p.claims() if c.status == model.PUBLISHED))
    dialog = review_dialogs.RetractDialog(None, claim, "False")
    qtbot.add_widget(dialog)
    assert dialog.windowTitle() == "Retract verdict" and "The retraction is public" in dialog.prompt.text()
    assert "cannot be undone" in dialog.prompt.text()
    assert PUBLISHED in dialog.verdict.text() and "False. The request cuts aid by a fifth." in dialog.verdict.text()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.text, "Misread")
    assert dialog.ok_button.isEnabled() and dialog.value() == "Misread"


# --- changed words -----------------------------------------------------------------------


@pytest.fixture
def changed(path):
    """A new version changed "at least 20%" to "at least 25%" under the published verdict."""
    with Project.open(path, user="ana") as p:
        article_id = p.articles()[0].id
        p.add_version(article_id, imported(TEXT.replace("at least 20%", "at least 25%"), name="v2.txt"))
    return path


def test_confirming_changed_words_shows_both_and_sends_the_verdict_back_to_review(open_window, changed, monkeypatch, said):
    shown: list[tuple] = []
    answer = [False]
    monkeypatch.setattr(review_dialogs.ConfirmWordsDialog, "ask", classmethod(
        lambda cls, parent, old, new, reason, published=False: shown.append((old, new, reason, published)) or answer[0]))
    ben = open_window("ben")
    claim_id = claim_on(ben, PUBLISHED)
    ben.open_claim(claim_id)
    inspector = ben.panel.inspector
    assert inspector.confirm_button.isVisibleTo(ben)

    inspector.confirm_button.click()  # cancelled: nothing changes
    new = PUBLISHED.replace("20%", "25%")
    assert shown == [(PUBLISHED, new, "the quoted words changed in version 2", True)]
    assert ben.project.claim(claim_id).status == model.PUBLISHED and ben.project.corrections(claim_id) == []

    answer[0] = True
    inspector.confirm_button.click()
    claim = ben.project.claim(claim_id)
    assert (claim.exact, claim.status, claim.approved_by) == (new, model.IN_REVIEW, None)
    assert inspector.status_badge.text() == "In review"
    (fix,) = ben.project.corrections(claim_id)
    assert fix.kind == "correction" and fix.reason == "the quoted words changed in version 2"
    assert said == []
    # The report no longer prints the old verdict under the new words: the claim is not signed off.
    with pytest.raises(exporters.NothingToExport):
        exporters.export(ben.project, "html")


def test_confirm_words_dialog_marks_the_changed_words(qtbot):
    old, new = PUBLISHED, PUBLISHED.replace("20%", "25%")
    dialog = review_dialogs.ConfirmWordsDialog(None, old, new, "the quoted words changed in version 2", True)
    qtbot.add_widget(dialog)
    assert dialog.old_words.toPlainText().strip() == old and dialog.new_words.toPlainText().strip() == new
    left, right = review_dialogs.marked_words(old, new)
    assert left.endswith('font-weight: 600;">20</span>%') and 'least <span style="background-color: #' in left
    assert right.count("<span") == 1 and ">25</span>" in right
    assert "public correction" in dialog.explanation.text() and "back to review" in dialog.ok_button.text()
    assert dialog.old_words.accessibleName() and dialog.new_words.accessibleName()
