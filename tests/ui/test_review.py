"""Editorial review through the widgets: the inspector's decisions, comments, history, the queue.

Two people work on one project file from two windows ("ana" checks, "ben" edits), the
way two app instances would; the 2-second poll for another window's commits is called
directly (``session.check_external_changes()``) rather than waited for.
"""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from factcheck.core import history, model, workflow
from factcheck.core.project import Project
from factcheck.ui import alerts, review_panel
from factcheck.ui.claim_panel import CommentThreadModel, HistoryModel
from factcheck.ui.dialogs import citation_dialog, review_dialogs
from factcheck.ui.dialogs.review_dialogs import ChecklistDialog
from factcheck.ui.main_window import MainWindow
from factcheck.ui.review_panel import QueueRow, ReviewQueueModel, queue_rows

from ..conftest import SAMPLE, imported
from .test_main_window import SENTENCE, select_words

TEXT = SAMPLE.read_text(encoding="utf-8")
QUOTES = (
    "He’s a guy that is making a lot of drugs.",
    "US aid to Colombia is expected to decrease by at least 20%",
    "the US has destroyed 10 vessels and killed at least 43 people in strikes off the coast of South America",
    "added the country to a list of nations failing to cooperate in the drug war for the first time in almost three decades",
    "every empire is unjust",
)


# --- fixtures ------------------------------------------------------------------------


@pytest.fixture
def said(monkeypatch):
    """Every message the app shows (errors, refusals, integrity warnings), instead of a message box."""
    messages: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: messages.append(str(message)))
    monkeypatch.setattr(alerts, "show_error", lambda parent, exc, title="factcheck": messages.append(str(exc)))
    monkeypatch.setattr(review_panel, "show_message", lambda parent, text, title="factcheck": messages.append(text))
    monkeypatch.setattr(MainWindow, "warn_integrity", lambda self, verdict: messages.append(f"INTEGRITY {verdict}"))
    return messages


@pytest.fixture
def checklist(monkeypatch):
    """The checklist dialog answers OK; what it was shown is recorded."""
    shown: list[tuple[list, dict, str]] = []

    def ask(cls, parent, findings, claims_by_id, action_label):
        shown.append((list(findings), dict(claims_by_id), action_label))
        return True

    monkeypatch.setattr(review_dialogs.ChecklistDialog, "ask", classmethod(ask))
    return shown


@pytest.fixture
def open_window(qtbot, tmp_path, monkeypatch, said):
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path / "home"))

    def make(path, *, user: str, create: bool = False) -> MainWindow:
        settings = QSettings(str(tmp_path / f"settings-{user}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, user)
        qtbot.add_widget(window)
        assert window.open_project(path, create=create), said
        window.show()
        qtbot.wait_exposed(window)
        return window

    return make


def make_claim(p: Project, quote: str, *, ready: bool = True, rating: str = "false", article_id: str | None = None) -> str:
    """A claim on ``quote``; ``ready``: rated, summarised and citing a source (submittable)."""
    article_id = article_id or p.articles()[0].id
    version = p.current_version(article_id)
    start = version.text.index(quote)
    fields = dict(rating=rating, verdict_summary=f"Summary of {quote[:20]}") if ready else {}
    claim_id = p.create_claim(version.id, start, start + len(quote), claimant="Someone", **fields).created
    if ready:
        source = next((s.id for s in p.sources()), None) or p.create_source(title="AP report", kind="article").created
        p.cite(claim_id, source, "contradicts", quote="no evidence")
    return claim_id


def act(p: Project, claim_id: str, *steps: tuple[str, str], comment: str = "") -> None:
    """Take review steps as (who, action), the way the demo builds its states."""
    user = p.user
    for who, action in steps:
        p.user = who
        p.review(claim_id, action, comment=comment if action == workflow.REQUEST_CHANGES else "")
    p.user = user


@pytest.fixture
def path(tmp_path):
    """A project with the sample article and no claims yet."""
    path = tmp_path / "review.factcheck"
    with Project.create(path, user="ana") as p:
        p.import_article(imported(TEXT, title="Sanctions"))
    return path


def n_events(window: MainWindow) -> int:
    return len(window.project.events())


def focus_queue_and_press(qtbot, window: MainWindow, key, modifiers) -> None:
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    window.review_panel.table.setFocus()
    qtbot.wait_until(lambda: window.review_panel.table.hasFocus())
    qtbot.keyClick(window.review_panel.table, key, modifiers)


def queue_ids(window: MainWindow) -> list[str]:
    queue = window.review_panel.model
    return [queue.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(queue.rowCount())]


# --- the round trip ------------------------------------------------------------------


def test_review_round_trip_through_the_widgets(open_window, path, qtbot, monkeypatch, said, checklist):
    with Project.open(path, user="setup") as p:
        source_id = p.create_source(title="AP: no evidence linking Petro", kind="article").created
    ana = open_window(path, user="ana")
    ben = open_window(path, user="ben")

    # Ana (checker) makes a claim, rates it, writes the summary, cites a source, submits.
    select_words(ana, SENTENCE)
    ana.new_claim_action.trigger()
    claim_id = ana.panel.current_claim_id
    inspector = ana.panel.inspector
    assert inspector.status_badge.text() == "Draft"
    # Submitting needs a verdict first: the button says so, in the core's words.
    needs = "Cannot submit for review yet: the claim needs a rating, a verdict summary and at least one cited source."
    assert not inspector.submit_button.isEnabled() and inspector.submit_button.toolTip() == needs
    assert not ana.submit_action.isEnabled() and ana.submit_action.toolTip() == needs
    assert not inspector.approve_button.isEnabled()
    index = inspector.rating.findData("no-evidence")
    inspector.rating.setCurrentIndex(index)
    inspector.rating.activated.emit(index)
    inspector.summary.setFocus()
    qtbot.keyClicks(inspector.summary, "No evidence was provided. It is a claim")  # two sentences: refused
    qtbot.keyClick(inspector.summary, Qt.Key.Key_Return)
    monkeypatch.setattr(citation_dialog.CitationDialog, "ask", classmethod(
        lambda cls, session, parent, claim_id, citation=None: {"source_id": source_id, "stance": "contradicts",
                                                               "quote": "no evidence", "locator": "", "note": ""}))
    inspector.cite_button.click()
    one_sentence = "Cannot submit for review yet: the claim needs a verdict summary of one sentence."
    assert inspector.review_hint.text() == one_sentence
    assert not inspector.submit_button.isEnabled() and inspector.submit_button.toolTip() == one_sentence
    assert not inspector.review(workflow.SUBMIT)  # asked anyway (a shortcut): the core refuses, and says why
    assert said[-1] == one_sentence
    assert ana.project.claim(claim_id).status == model.DRAFT
    inspector.summary.setText("No evidence was provided linking the president to drug trafficking")
    assert inspector.submit_button.isEnabled()  # as typed: clicking saves it first
    assert ana.submit_action.isEnabled()
    inspector.submit_button.click()  # saves the typed summary, then submits
    claim = ana.project.claim(claim_id)
    assert (claim.status, claim.submitted_by) == (model.IN_REVIEW, "ana")
    assert claim.verdict_summary == "No evidence was provided linking the president to drug trafficking"
    assert inspector.status_badge.text() == "In review"
    assert "four-eyes" in inspector.review_hint.text()  # ana wrote it: someone else approves

    # Ben's window notices (the 2 s poll) and his queue lists the claim.
    assert queue_ids(ben) == []
    assert ben.session.check_external_changes()
    assert queue_ids(ben) == [claim_id]
    row = ben.review_panel.model.claim_row(claim_id)
    assert (row.checker, row.status) == ("ana", model.IN_REVIEW)

    # Ben opens it from the queue (Enter) and requests changes with a comment.
    ben.review_panel.table.selectRow(0)
    qtbot.keyClick(ben.review_panel.table, Qt.Key.Key_Return)
    assert ben.panel.current_claim_id == claim_id
    asked = []
    monkeypatch.setattr(review_dialogs.CommentDialog, "ask", classmethod(
        lambda cls, parent, title, prompt, claims=(): asked.append((title, [c.id for c in claims]))
        or "Name the agency that made the accusation."))
    ben.panel.inspector.request_changes_button.click()
    assert asked == [("Request changes", [claim_id])]  # the dialog names the claim it is about
    assert ben.project.claim(claim_id).status == model.CHANGES_REQUESTED
    assert queue_ids(ben) == []  # no longer waiting for an editor

    # Ana sees the comment, fixes the summary, replies, resolves the thread and resubmits.
    ana.session.check_external_changes()
    assert inspector.status_badge.text() == "Changes requested"
    assert inspector.tabs.tabText(inspector.tabs.indexOf(inspector.comments)) == "Comments (1)"
    comments = inspector.comments
    top = comments.model.index(0, 0)
    assert "Name the agency that made the accusation." in top.data()
    assert top.data().startswith("ben · ")
    inspector.summary.setFocus()
    inspector.summary.selectAll()
    qtbot.keyClicks(inspector.summary, "The Treasury provided no evidence linking the president to drug trafficking")
    qtbot.keyClick(inspector.summary, Qt.Key.Key_Return)
    comments.select_comment(top.data(Qt.ItemDataRole.UserRole))
    qtbot.keyClicks(comments.compose, "Done: the Treasury is named.")
    comments.reply_button.click()
    comments.select_comment(top.data(Qt.ItemDataRole.UserRole))
    assert comments.resolve_button.text() == "Resolve"
    comments.resolve_button.click()
    assert all(c.resolved_at for c in ana.project.comments(claim_id))
    assert inspector.tabs.tabText(inspector.tabs.indexOf(inspector.comments)) == "Comments"
    inspector.submit_button.click()
    assert ana.project.claim(claim_id).status == model.IN_REVIEW

    # Ben, the second person, approves from the queue with its shortcut.
    ben.session.check_external_changes()
    assert queue_ids(ben) == [claim_id]
    ben.review_panel.table.selectRow(0)
    assert ben.approve_action.shortcut() == QKeySequence("Ctrl+Shift+A")
    focus_queue_and_press(qtbot, ben, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    findings, claims_by_id, label = checklist[-1]
    assert list(claims_by_id) == [claim_id] and label == "Approve"
    assert not [f for f in findings if f.blocking]
    claim = ben.project.claim(claim_id)
    assert (claim.status, claim.approved_by, claim.verdict_by) == (model.APPROVED, "ben", "ana")
    actions = [e.action for e in ben.project.events(claim_id)]
    assert actions.count("claim.submit") == 2 and actions[-1] == "claim.approve"
    assert "claim.request_changes" in actions
    assert said == ["Cannot submit for review yet: the claim needs a verdict summary of one sentence."]


# --- refusals ------------------------------------------------------------------------


def test_approving_your_own_verdict_is_refused_and_changes_nothing(open_window, path, said, checklist):
    with Project.open(path, user="ana") as p:
        claim_id = make_claim(p, QUOTES[0])
        act(p, claim_id, ("ana", workflow.SUBMIT))
    window = open_window(path, user="ana")
    window.open_claim(claim_id)
    before, events = window.project.claim(claim_id), n_events(window)
    inspector = window.panel.inspector
    four_eyes = "You wrote this verdict, so someone else must approve it (four-eyes rule)."
    assert not inspector.approve_button.isEnabled() and inspector.approve_button.toolTip() == four_eyes
    assert not window.approve_action.isEnabled() and window.approve_action.toolTip() == four_eyes
    assert inspector.request_changes_button.isEnabled()  # the rule is about approving only
    assert not inspector.review(workflow.APPROVE)  # asked anyway: refused before any checklist
    assert said == [four_eyes] and checklist == []
    assert window.project.claim(claim_id) == before
    assert n_events(window) == events
    assert inspector.status_badge.text() == "In review"


def test_approving_a_draft_or_publishing_unapproved_is_refused(open_window, path, said, checklist):
    with Project.open(path, user="ana") as p:
        draft = make_claim(p, QUOTES[0])
        waiting = make_claim(p, QUOTES[1])
        act(p, waiting, ("ana", workflow.SUBMIT))
    window = open_window(path, user="ben")
    events = n_events(window)
    window.open_claim(draft)
    not_in_review = "Cannot approve a claim that is a draft; it must be in review."
    assert not window.panel.inspector.approve_button.isEnabled()
    assert not window.approve_action.isEnabled() and window.approve_action.toolTip() == not_in_review
    window.review(workflow.APPROVE)  # asked anyway: the core refuses with the reason
    assert said[-1] == not_in_review
    assert checklist == []  # nothing to check: it was refused before
    window.open_claim(waiting)
    assert window.approve_action.isEnabled()  # ben did not write this verdict
    not_approved = "Cannot publish a claim that is in review; it must be approved."
    assert not window.panel.inspector.publish_button.isEnabled()
    assert window.panel.inspector.publish_button.toolTip() == not_approved
    window.review(workflow.PUBLISH)
    assert said[-1] == not_approved
    assert window.project.claim(draft).status == model.DRAFT
    assert window.project.claim(waiting).status == model.IN_REVIEW
    assert n_events(window) == events


def test_requesting_changes_needs_a_comment_and_cancel_changes_nothing(open_window, path, said, monkeypatch):
    with Project.open(path, user="ana") as p:
        claim_id = make_claim(p, QUOTES[0])
        act(p, claim_id, ("ana", workflow.SUBMIT))
    window = open_window(path, user="ben")
    window.open_claim(claim_id)
    events = n_events(window)
    monkeypatch.setattr(review_dialogs.CommentDialog, "ask", classmethod(lambda cls, parent, title, prompt, claims=(): None))
    window.request_changes_action.trigger()
    assert window.project.claim(claim_id).status == model.IN_REVIEW and n_events(window) == events
    assert said == []


def test_a_decision_on_a_claim_changed_in_another_window_is_refused(open_window, path, qtbot, said, checklist):
    with Project.open(path, user="ana") as p:
        claim_id = make_claim(p, QUOTES[0])
        act(p, claim_id, ("ana", workflow.SUBMIT))
    ana = open_window(path, user="ana")
    ben = open_window(path, user="ben")
    for window in (ana, ben):
        window.session.stop()  # the change arrives between two polls
        window.open_claim(claim_id)
    shown = ben.project.claim(claim_id)

    # Ana changes the verdict summary after Ben loaded the claim.
    ana_inspector = ana.panel.inspector
    ana_inspector.summary.setFocus()
    ana_inspector.summary.selectAll()
    qtbot.keyClicks(ana_inspector.summary, "A better summary, written by Ana")
    qtbot.keyClick(ana_inspector.summary, Qt.Key.Key_Return)
    assert ana.project.claim(claim_id).revision == shown.revision + 1

    # Ben approves what he saw: refused, and his inspector shows Ana's summary now.
    events = n_events(ben)
    inspector = ben.panel.inspector
    assert inspector.summary.text() == shown.verdict_summary
    inspector.approve_button.click()
    assert "changed elsewhere" in said[-1]
    claim = ben.project.claim(claim_id)
    assert (claim.status, claim.verdict_summary, claim.approved_by) == (model.IN_REVIEW, "A better summary, written by Ana", None)
    assert n_events(ben) == events
    assert inspector.summary.text() == "A better summary, written by Ana"

    # A field edited over a stale claim is not written either, and what was typed is shown back.
    ana_inspector.claimant.setFocus()
    ana_inspector.claimant.selectAll()
    qtbot.keyClicks(ana_inspector.claimant, "Scott Bessent")
    qtbot.keyClick(ana_inspector.claimant, Qt.Key.Key_Return)
    inspector.claimant.setFocus()
    inspector.claimant.selectAll()
    qtbot.keyClicks(inspector.claimant, "Donald Trump")
    qtbot.keyClick(inspector.claimant, Qt.Key.Key_Return)
    assert "changed elsewhere" in said[-1] and "Claimant: Donald Trump" in said[-1]
    assert ben.project.claim(claim_id).claimant == "Scott Bessent"
    assert inspector.claimant.text() == "Scott Bessent"


def test_typing_survives_another_windows_change_unless_it_is_to_the_same_field(open_window, path, said):
    with Project.open(path, user="ana") as p:
        claim_id = make_claim(p, QUOTES[0])
    window = open_window(path, user="ana")
    window.session.stop()
    window.open_claim(claim_id)
    inspector = window.panel.inspector
    inspector.summary.setText("Typed, not saved yet")
    inspector.rationale.setPlainText("Working on it")
    with Project.open(path, user="ben") as other:
        other.update_claim(claim_id, claimant="Ben's claimant")
    assert window.session.check_external_changes()
    assert inspector.claimant.text() == "Ben's claimant"
    assert (inspector.summary.text(), inspector.rationale.toPlainText()) == ("Typed, not saved yet", "Working on it")
    assert inspector.commit_pending()
    claim = window.project.claim(claim_id)
    assert (claim.claimant, claim.verdict_summary, claim.rationale) == ("Ben's claimant", "Typed, not saved yet", "Working on it")

    inspector.summary.setText("Mine, again")
    with Project.open(path, user="ben") as other:
        other.update_claim(claim_id, verdict_summary="Ben's summary")
    window.session.check_external_changes()
    assert "changed elsewhere" in said[-1] and "Verdict summary: Mine, again" in said[-1]
    assert inspector.summary.text() == "Ben's summary" == window.project.claim(claim_id).verdict_summary
    assert len(said) == 1


def test_changing_an_approved_verdict_asks_a_reason_and_reopens_it(open_window, path, monkeypatch, said, qtbot):
    with Project.open(path, user="ana") as p:
        approved = make_claim(p, QUOTES[0], rating="false")
        published = make_claim(p, QUOTES[1], rating="false")
        act(p, approved, ("ana", workflow.SUBMIT), ("ben", workflow.APPROVE))
        act(p, published, ("ana", workflow.SUBMIT), ("ben", workflow.APPROVE), ("ben", workflow.PUBLISH))
    window = open_window(path, user="ana")
    inspector = window.panel.inspector
    asked: list[tuple[str, bool]] = []
    answer: list[str | None] = [None]
    monkeypatch.setattr(review_dialogs.ReasonDialog, "ask", classmethod(
        lambda cls, parent, what, published=False: asked.append((what, published)) or answer[0]))

    def choose_rating(key: str) -> None:
        index = inspector.rating.findData(key)
        inspector.rating.setCurrentIndex(index)
        inspector.rating.activated.emit(index)

    # Cancel: nothing changes, the field shows the saved rating again.
    window.open_claim(approved)
    events = n_events(window)
    choose_rating("true")
    assert asked == [("rating", False)]
    claim = window.project.claim(approved)
    assert (claim.rating, claim.status) == ("false", model.APPROVED)
    assert inspector.rating.currentData() == "false"
    assert n_events(window) == events

    # With a reason: changed and back in review, the reason in the history.
    answer[0] = "The ministry published new figures."
    choose_rating("true")
    claim = window.project.claim(approved)
    assert (claim.rating, claim.status) == ("true", model.IN_REVIEW)
    assert window.project.events(approved)[-1].data["reason"] == "The ministry published new figures."
    assert inspector.status_badge.text() == "In review"

    # A published verdict: the dialog says so, and a public correction is recorded.
    window.open_claim(published)
    inspector.summary.setFocus()
    inspector.summary.selectAll()
    qtbot.keyClicks(inspector.summary, "A corrected summary")
    qtbot.keyClick(inspector.summary, Qt.Key.Key_Return)
    assert asked[-1] == ("verdict summary", True)
    (correction,) = window.project.corrections(published)
    assert correction.reason == "The ministry published new figures." and correction.by == "ana"
    assert window.project.claim(published).status == model.IN_REVIEW
    inspector.tabs.setCurrentWidget(inspector.history_view)
    assert inspector.history.text_at(0).splitlines() == [
        "Edited the claim (reason: The ministry published new figures.); public correction recorded",
        "    verdict summary: “Summary of US aid to Colombia i” → “A corrected summary”",
    ]
    assert said == []


# --- comments and history ------------------------------------------------------------


def test_comments_thread_reply_note_and_resolve(open_window, path, qtbot, said):
    with Project.open(path, user="ana") as p:
        claim_id = make_claim(p, QUOTES[0])
    window = open_window(path, user="ana")
    window.open_claim(claim_id)
    inspector = window.panel.inspector
    comments = inspector.comments
    title = lambda: inspector.tabs.tabText(inspector.tabs.indexOf(comments))  # noqa: E731
    assert not comments.comment_button.isEnabled()  # nothing written yet

    qtbot.keyClicks(comments.compose, "Is the <b>date</b> right?")
    comments.comment_button.click()
    assert comments.compose.toPlainText() == ""
    assert title() == "Comments (1)"
    top = comments.model.index(0, 0)
    assert top.data().endswith("\nIs the <b>date</b> right?")  # plain text, shown as typed

    comments.select_comment(top.data(Qt.ItemDataRole.UserRole))
    qtbot.keyClicks(comments.compose, "Yes, 24 October.")
    comments.reply_button.click()
    top = comments.model.index(0, 0)
    assert comments.model.rowCount(top) == 1
    reply = comments.model.index(0, 0, top)
    assert reply.data().endswith("Yes, 24 October.") and reply.parent() == top
    assert title() == "Comments (2)"

    qtbot.keyClicks(comments.compose, "Call the ministry again")
    comments.note_button.click()
    note = comments.model.index(1, 0)
    assert "private note, never exported" in note.data()
    assert title() == "Comments (2)"  # notes are not review comments

    # Resolve the thread (the comment and its reply), then reopen just the comment.
    comments.select_comment(top.data(Qt.ItemDataRole.UserRole))
    comments.resolve_button.click()
    assert title() == "Comments"
    assert "resolved by ana" in comments.model.index(0, 0).data()
    assert comments.resolve_button.text() == "Reopen"
    comments.resolve_button.click()
    assert title() == "Comments (1)"
    kinds = [(c.kind, c.parent_id is not None, c.resolved_at is not None) for c in window.project.comments(claim_id)]
    assert kinds == [("review", False, False), ("review", True, True), ("note", False, False)]
    assert said == []


def test_history_tab_shows_who_did_what_with_before_and_after(open_window, path, monkeypatch, said, checklist):
    with Project.open(path, user="ana") as p:
        version = p.current_version(p.articles()[0].id)
        start = version.text.index(QUOTES[0])
        claim_id = p.create_claim(version.id, start, start + len(QUOTES[0]), tags=["drugs", "sanctions"]).created
        p.update_claim(claim_id, rating="false")
        p.update_claim(claim_id, tags=["drugs"])
        p.update_claim(claim_id, verdict_summary="No evidence was presented")
        p.cite(claim_id, p.create_source(title="AP report").created, "contradicts")
        act(p, claim_id, ("ana", workflow.SUBMIT), ("ben", workflow.REQUEST_CHANGES), comment="Which date?")
    window = open_window(path, user="ben")
    window.open_claim(claim_id)
    inspector = window.panel.inspector
    assert inspector.history.rowCount() == 0  # loaded when the tab is shown
    inspector.tabs.setCurrentWidget(inspector.history_view)
    history = inspector.history
    whats = [history.text_at(r).splitlines() for r in range(history.rowCount())]
    assert whats == [
        ["Requested changes: Which date?", "    status: In review → Changes requested"],
        ["Submitted for review", "    status: Draft → In review"],
        ["Cited a source: AP report"],
        ["Edited the claim", "    verdict summary: (empty) → “No evidence was presented”"],
        ["Edited the claim", "    tags: drugs, sanctions → drugs"],
        ["Edited the claim", "    rating: Not rated → False"],
        [f"Created the claim: “{QUOTES[0]}”"],
    ]
    who = [history.index(r, 1).data() for r in range(history.rowCount())]
    assert who == ["ben", "ana", "ana", "ana", "ana", "ana", "ana"]
    assert history.index(0, 0).data()  # a local time
    # It follows new events on the claim.
    monkeypatch.setattr(review_dialogs.CommentDialog, "ask", classmethod(lambda cls, parent, title, prompt, claims=(): "x"))
    with Project.open(window.project.path, user="ana") as other:
        other.review(claim_id, workflow.SUBMIT)
    window.session.check_external_changes()
    assert history.text_at(0).startswith("Submitted for review") and history.index(0, 1).data() == "ana"


# --- integrity -----------------------------------------------------------------------


def test_a_project_whose_history_was_edited_opens_with_a_warning(qtbot, open_window, path, said):
    with Project.open(path, user="ana") as p:
        make_claim(p, QUOTES[0])
    conn = sqlite3.connect(path)
    conn.execute("UPDATE events SET actor = 'mallory' WHERE seq = 2")
    conn.commit()
    conn.close()
    window = open_window(path, user="ben")
    assert window.panel.claims.rowCount() == 1  # usable at once: the check runs in the background
    qtbot.waitUntil(lambda: window.history_verdict is not None)
    assert len(said) == 1 and said[0].startswith("INTEGRITY History broken at event 2")
    assert "History check failed" in window.windowTitle()
    assert window.history_label.isVisibleTo(window) and window.history_label.text() == "History check failed"
    assert window.panel.claims.rowCount() == 1  # opened, and usable
    assert window.project is not None and not window.project.read_only


def test_an_intact_project_opens_without_a_warning(qtbot, open_window, path, said):
    window = open_window(path, user="ben")
    qtbot.waitUntil(lambda: window.history_verdict is not None)
    assert said == [] and window.history_verdict.ok
    assert not window.history_label.isVisibleTo(window)
    assert "History check failed" not in window.windowTitle()


# --- the queue -----------------------------------------------------------------------


def test_bulk_approve_approves_others_verdicts_and_lists_the_refused(open_window, path, qtbot, said, checklist):
    with Project.open(path, user="ana") as p:
        ids = [make_claim(p, q) for q in QUOTES[:3]]
        p.user = "ben"
        own = make_claim(p, QUOTES[3])
        p.user = "ana"
        for claim_id in ids[:2]:
            act(p, claim_id, ("ana", workflow.SUBMIT))
        act(p, own, ("ben", workflow.SUBMIT))
        act(p, ids[2], ("ana", workflow.SUBMIT))
    window = open_window(path, user="ben")
    queue = window.review_panel
    assert sorted(queue_ids(window)) == sorted([*ids, own])
    queue.select_claims([ids[0], ids[1], own])
    assert queue.selected_claim_ids() and len(queue.selected_claim_ids()) == 3
    focus_queue_and_press(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    (findings, claims_by_id, label), = checklist
    # Ben's own verdict is refused by the four-eyes rule before the checklist: it lists the other two.
    assert sorted(claims_by_id) == sorted(ids[:2]) and label == "Approve 2 claims"
    statuses = {cid: window.project.claim(cid).status for cid in (*ids, own)}
    assert statuses == {ids[0]: model.APPROVED, ids[1]: model.APPROVED, ids[2]: model.IN_REVIEW, own: model.IN_REVIEW}
    outcome = queue.last_outcome
    assert sorted(outcome.done) == sorted(ids[:2])
    assert outcome.refused == [(own, "You wrote this verdict, so someone else must approve it (four-eyes rule).")]
    (summary,) = said
    assert summary.startswith("Approved 2 claims.") and "Refused (1):" in summary and "four-eyes" in summary
    assert sorted(queue_ids(window)) == sorted([ids[2], own])  # the approved left the "In review" list
    assert [e.actor for e in window.project.events(ids[0]) if e.action == "claim.approve"] == ["ben"]


def test_bulk_approve_skips_claims_the_checklist_blocks(open_window, path, said, checklist):
    with Project.open(path, user="ana") as p:
        ok, open_comment = make_claim(p, QUOTES[0]), make_claim(p, QUOTES[1])
        for claim_id in (ok, open_comment):
            act(p, claim_id, ("ana", workflow.SUBMIT))
        p.add_comment(open_comment, "Check the figure first.")
    window = open_window(path, user="ben")
    window.review_panel.select_claims([ok, open_comment])
    outcome = window.review_panel.decide(workflow.APPROVE)  # the checklist said OK: blocking still blocks
    assert outcome.done == [ok]
    assert outcome.refused == [(open_comment, "Blocked by the checklist: it has 1 unresolved review comment.")]
    assert window.project.claim(open_comment).status == model.IN_REVIEW


def test_checklist_dialog_lists_blocking_first_and_cannot_be_overridden(qtbot, path):
    with Project.open(path, user="ana") as p:
        bad = p.claim(make_claim(p, QUOTES[0], ready=False))
        good = p.claim(make_claim(p, QUOTES[2]))
        from factcheck.core import checks

        findings = checks.check_claims(p, [good, bad])
    dialog = ChecklistDialog(None, findings, {bad.id: bad}, "Approve")
    qtbot.add_widget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert texts[0].startswith("Blocking: This claim")
    assert [t.split(":")[0] for t in texts] == sorted((t.split(":")[0] for t in texts), key=lambda s: s != "Blocking")
    assert not dialog.ok_button.isEnabled()
    both = ChecklistDialog(None, findings, {good.id: good, bad.id: bad}, "Approve 2 claims")
    qtbot.add_widget(both)
    assert both.ok_button.isEnabled() and both.ok_button.text() == "Approve 2 claims (1 of 2)"
    warnings_only = ChecklistDialog(None, [f for f in findings if not f.blocking], {good.id: good}, "Approve")
    qtbot.add_widget(warnings_only)
    assert warnings_only.ok_button.isEnabled()
    # One claim is named at the top, so the decision is taken on the claim the editor means; several are counted.
    statement = " ".join((bad.statement or bad.exact).split())
    assert dialog.claim_label.text() == f"Claim: “{statement[:119]}{'…' if len(statement) > 120 else statement[119:]}”"
    assert both.claim_label is None
    comment = review_dialogs.CommentDialog(None, "Request changes", "What needs changing?", [good])
    qtbot.add_widget(comment)
    assert comment.claim_label.text().startswith("Claim: “" + " ".join((good.statement or good.exact).split())[:40])


def test_queue_lists_every_article_and_filters(open_window, path, qtbot, said):
    with Project.open(path, user="ana") as p:
        other_article = p.import_article(imported(TEXT, title="Second article")).created
        a = make_claim(p, QUOTES[0], rating="false")
        b = make_claim(p, QUOTES[1], rating="true", article_id=other_article)
        p.user = "carla"
        c = make_claim(p, QUOTES[2], rating="true")
        p.user = "ana"
        d = make_claim(p, QUOTES[3], rating="false")
        act(p, a, ("ana", workflow.SUBMIT))
        act(p, b, ("ana", workflow.SUBMIT))
        act(p, c, ("carla", workflow.SUBMIT))
        act(p, d, ("ana", workflow.SUBMIT), ("ben", workflow.REQUEST_CHANGES), comment="More")
        draft = make_claim(p, QUOTES[4], ready=False)
    window = open_window(path, user="ben")
    queue = window.review_panel
    assert sorted(queue_ids(window)) == sorted([a, b, c])  # default: in review, from both articles
    assert queue.count.text() == "3 claims in review"
    queue.set_status_filter(frozenset({model.CHANGES_REQUESTED}))
    assert queue_ids(window) == [d]
    queue.set_status_filter(None)
    assert sorted(queue_ids(window)) == sorted([a, b, c, d, draft])
    queue.set_status_filter(frozenset({model.IN_REVIEW}))
    queue.rating_filter.setCurrentIndex(queue.rating_filter.findData("true"))
    assert sorted(queue_ids(window)) == sorted([b, c])
    queue.checker_filter.setCurrentIndex(queue.checker_filter.findText("carla"))
    assert queue_ids(window) == [c]
    queue.checker_filter.setCurrentIndex(0)
    queue.article_filter.setCurrentIndex(queue.article_filter.findData(other_article))
    assert queue_ids(window) == [b]
    queue.article_filter.setCurrentIndex(0)
    queue.rating_filter.setCurrentIndex(0)
    queue.text_filter.setText("VESSELS killed")
    assert queue_ids(window) == [c]
    queue.text_filter.setText("second article")  # the article's title counts too
    assert queue_ids(window) == [b]
    queue.text_filter.clear()

    # Opening a claim of the other article switches the window to it (double-click, or Open).
    assert window.current_article_id() != other_article
    rect = queue.table.visualRect(queue.model.index(queue.model.row_of(b), 0))
    qtbot.mouseClick(queue.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(queue.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_article_id() == other_article
    assert window.panel.current_claim_id == b
    assert window.panel.inspector.citations.rowCount() == 1  # with its sources
    queue.select_claims([a])
    queue.open_button.click()
    assert window.current_article_id() != other_article and window.panel.current_claim_id == a


def test_queue_sorts_by_waiting_time(qtmodeltester, path):
    with Project.open(path) as p:
        scale = p.scale
    queue = ReviewQueueModel(scale)

    def row(claim_id: str, since: str, status: str = model.IN_REVIEW) -> QueueRow:
        return QueueRow(claim_id, "a", "Article", f"quote {claim_id}", "", "", None, status, "ana", "", since, 1)

    queue.set_rows([row("new", "2025-11-03T10:00:00.000Z"), row("old", "2025-01-02T09:00:00.000Z"),
                    row("mid", "2025-06-30T23:59:59.000Z"), row("done", "2024-01-01T00:00:00.000Z", model.APPROVED)])
    ids = lambda: [queue.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(queue.rowCount())]  # noqa: E731
    assert ids() == ["old", "mid", "new"]  # in review, the longest waiting first
    queue.sort(ReviewQueueModel.SINCE, Qt.SortOrder.DescendingOrder)
    assert ids() == ["new", "mid", "old"]
    assert queue.data(queue.index(0, ReviewQueueModel.SINCE)).endswith("days")
    queue.set_filter(statuses=None)
    assert ids() == ["new", "mid", "old", "done"]
    # A claim whose wait starts again (resubmitted) moves to its place; one approved leaves "In review".
    qtmodeltester.check(queue)  # and keeps watching the row moves below
    queue.apply(["old"], [row("old", "2025-12-01T00:00:00.000Z")])
    assert ids() == ["old", "new", "mid", "done"]
    queue.set_filter(statuses=frozenset({model.IN_REVIEW}))
    queue.apply(["mid", "gone"], [row("mid", "2025-06-30T23:59:59.000Z", model.APPROVED)])
    assert ids() == ["old", "new"] and queue.total() == 4


def test_item_models_pass_the_model_tester(qtmodeltester, path):
    with Project.open(path, user="ana") as p:
        ids = [make_claim(p, q) for q in QUOTES[:3]]
        act(p, ids[0], ("ana", workflow.SUBMIT))
        top = p.add_comment(ids[0], "First").created
        reply = p.add_comment(ids[0], "Reply", parent_id=top).created
        p.add_comment(ids[0], "Reply to the reply", parent_id=reply)
        p.add_comment(ids[0], "A note", kind="note")
        rows = queue_rows(p)
        comments = p.comments(ids[0])
        events = p.events(ids[0])
        scale = p.scale
    queue = ReviewQueueModel(scale)
    qtmodeltester.check(queue)
    queue.set_rows(rows)
    qtmodeltester.check(queue)
    assert queue.rowCount() == 1  # in review
    queue.set_filter(statuses=None)
    qtmodeltester.check(queue)
    assert queue.rowCount() == 3
    queue.sort(ReviewQueueModel.CLAIMANT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(queue)
    thread = CommentThreadModel()
    qtmodeltester.check(thread)
    thread.set_comments(comments)
    qtmodeltester.check(thread)
    assert thread.rowCount() == 2 and thread.rowCount(thread.index(0, 0)) == 1
    history = HistoryModel()
    qtmodeltester.check(history)
    history.set_events(events, scale)
    qtmodeltester.check(history)


# --- read-only -----------------------------------------------------------------------


def test_read_only_project_offers_no_decisions(open_window, path, said, checklist):
    with Project.open(path, user="ana") as p:
        claim_id = make_claim(p, QUOTES[0])
        act(p, claim_id, ("ana", workflow.SUBMIT))
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        window = open_window(path, user="ben")
        assert window.project.read_only
        window.review_panel.select_claims([claim_id])
        window.open_claim(claim_id)
        inspector = window.panel.inspector
        assert not any(b.isEnabled() for b in inspector.review_buttons.values())
        assert not window.review_panel.approve_button.isEnabled()
        assert not window.approve_action.isEnabled() and not window.submit_action.isEnabled()
        assert inspector.summary.isReadOnly() and not inspector.rating.isEnabled()
        assert not inspector.comments.comment_button.isEnabled() and inspector.comments.compose.isReadOnly()
        inspector.commit_pending()
        window.review(workflow.APPROVE)  # the shortcut with nothing enabled: nothing happens
        assert window.review_panel.decide(workflow.APPROVE) is None
        assert not inspector.review(workflow.APPROVE)
        assert window.project.claim(claim_id).status == model.IN_REVIEW
        assert said == [] and checklist == []
        window.close()
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


# --- export --------------------------------------------------------------------------


def test_file_export_runs_the_export_dialog(open_window, path, monkeypatch):
    export_dialog = pytest.importorskip("factcheck.ui.dialogs.export_dialog")
    calls = []
    monkeypatch.setattr(export_dialog, "run_export", lambda session, parent: calls.append((session, parent)))
    window = open_window(path, user="ana")
    assert window.export_action.isEnabled()
    window.export_action.trigger()
    assert calls == [(window.session, window)]


def test_the_queue_keeps_up_with_a_citation_so_deciding_after_it_is_not_refused(open_window, path, said, checklist):
    with Project.open(path, user="ana") as p:
        claim_id = make_claim(p, QUOTES[0])
        act(p, claim_id, ("ana", workflow.SUBMIT))
        source_id = p.create_source(title="Court record").created
    window = open_window(path, user="ben")
    window.session.do(history.Cite(claim_id, source_id, "contradicts"))  # a new revision of the claim
    window.review_panel.select_claims([claim_id])
    outcome = window.review_panel.decide(workflow.APPROVE)
    assert outcome.done == [claim_id] and said == []
    assert window.project.claim(claim_id).status == model.APPROVED


def test_switching_project_during_the_history_check_drops_its_verdict(qtbot, open_window, path, said, tmp_path):
    """The verdict of a project already closed never lands on the next one."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE events SET actor = 'mallory' WHERE seq = 1")
    conn.commit()
    conn.close()
    window = open_window(path, user="ben")
    other = tmp_path / "other.factcheck"
    assert window.open_project(other, create=True)
    qtbot.waitUntil(lambda: window.history_verdict is not None)
    assert window.history_verdict.ok and said == []


def test_ctrl_enter_sends_a_request_for_changes_from_the_text(qtbot):
    dialog = review_dialogs.CommentDialog(None, "Request changes…", "What needs changing?")
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.text.setFocus()
    QTest.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # nothing written yet
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.text, "Cite the Treasury notice")
    QTest.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.value() == "Cite the Treasury notice"


def test_reaching_the_queue_by_keyboard_chooses_its_first_claim(open_window, path, qtbot):
    with Project.open(path, user="ana") as p:
        claim_id = make_claim(p, SENTENCE)
        act(p, claim_id, ("ana", workflow.SUBMIT))
    window = open_window(path, user="bea")
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    table = window.review_panel.table
    assert not table.selectionModel().hasSelection()
    for _ in range(len(window.panes())):
        if table.hasFocus():
            break
        window.cycle_panes(1)
    assert table.hasFocus() and queue_ids(window) == [claim_id]
    assert [i.row() for i in table.selectionModel().selectedRows()] == [0]
    assert window.approve_action.isEnabled()
