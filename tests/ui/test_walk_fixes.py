"""Fixes from a new user's walk through the app: what the screen shows is what the next key acts on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from factcheck.core import model, workflow
from factcheck.core.project import Project

from .test_review import QUOTES, act, checklist, make_claim, open_window, path, queue_ids, said  # noqa: F401 - fixtures


def _current_and_selected(window) -> tuple[int, list[int]]:
    table = window.review_panel.table
    return table.currentIndex().row(), sorted(i.row() for i in table.selectionModel().selectedRows())


def _queue_shown(open_window, path, qtbot, claims: int):
    """Ben's window on ``claims`` claims Ana submitted, active, its review queue shown; (window, claim ids)."""
    with Project.open(path, user="ana") as p:
        ids = [make_claim(p, q) for q in QUOTES[:claims]]
        for claim_id in ids:
            act(p, claim_id, ("ana", workflow.SUBMIT))
    window = open_window(path, user="ben")
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    window.show_review_queue()
    return window, ids


def test_show_review_queue_selects_the_row_it_highlights(open_window, path, qtbot, said, checklist):
    window, _ids = _queue_shown(open_window, path, qtbot, 3)
    assert _current_and_selected(window) == (0, [0])
    first = queue_ids(window)[0]
    window.approve_action.trigger()  # the queue has the focus: its selected claim
    assert window.project.claim(first).status == model.APPROVED
    # The approved claim left the list: the row now highlighted is the one selected, and showing
    # the queue again (it has the focus already) changes neither.
    window.show_review_queue()
    current, selected = _current_and_selected(window)
    assert current >= 0 and selected == [current]
    assert window.review_panel.approve_button.isEnabled() and window.approve_action.isEnabled()
    assert window.panel.current_claim_id == queue_ids(window)[current]  # the inspector follows the selection


def test_the_inspector_follows_a_claim_chosen_in_the_queue(open_window, path, qtbot, said):
    window, _ids = _queue_shown(open_window, path, qtbot, 2)
    shown = queue_ids(window)
    assert window.panel.current_claim_id == shown[0] and window.review_panel.table.hasFocus()
    qtbot.keyClick(window.review_panel.table, Qt.Key.Key_Down)
    assert window.review_panel.selected_claim_ids() == [shown[1]]
    assert window.panel.current_claim_id == shown[1] and window.review_panel.table.hasFocus()
    window.review_panel.select_claims(shown)  # several: the inspector keeps the one it shows
    assert window.panel.current_claim_id == shown[1]


def test_the_queue_never_pulls_the_inspector_away_from_work_elsewhere(open_window, path, qtbot, said, checklist):
    window, ids = _queue_shown(open_window, path, qtbot, 3)
    chosen = window.review_panel.selected_claim_ids()[0]
    assert window.panel.current_claim_id == chosen
    other = next(c for c in ids if c != chosen)
    window.panel.list.setFocus()  # back to the claim list, another claim
    qtbot.wait_until(window.panel.list.hasFocus)
    window.panel.select_claim(other)
    window.review_panel.reload()  # an article renamed, say: the queue keeps its selection
    assert window.review_panel.selected_claim_ids() == [chosen] and window.panel.current_claim_id == other
    window.panel.inspector.review(workflow.APPROVE)  # decided in the inspector: it stays on that claim
    assert window.project.claim(other).status == model.APPROVED
    assert window.panel.current_claim_id == other
    assert window.panel.inspector.status_badge.text() == "Approved"


def test_a_decisions_note_goes_and_the_inspector_tells_the_claims_status(open_window, path, qtbot, said, checklist,
                                                                         monkeypatch):
    from factcheck.ui import review_panel
    from factcheck.ui.dialogs import review_dialogs

    with Project.open(path, user="ana") as p:
        approved, sent_back = make_claim(p, QUOTES[0]), make_claim(p, QUOTES[1])
        for claim_id in (approved, sent_back):
            act(p, claim_id, ("ana", workflow.SUBMIT))
    window = open_window(path, user="ben")
    window.open_claim(approved)
    window.approve_action.trigger()  # from the inspector: the status bar says "Approved"
    assert window.panel.inspector.status_badge.text() == "Approved"
    monkeypatch.setattr(review_panel.ReviewPanel, "NOTE_MS", 200)
    monkeypatch.setattr(review_dialogs.CommentDialog, "ask", classmethod(lambda cls, parent, title, prompt, claims=(): "Cite it."))
    window.show_review_queue()
    assert window.review_panel.selected_claim_ids() == [sent_back]
    window.request_changes_action.trigger()
    assert window.project.claim(sent_back).status == model.CHANGES_REQUESTED
    note = window.review_panel.note
    assert note.isVisible() and note.text() == "Requested changes on 1 claim."
    # The inspector shows the claim sent back, with the status it has now.
    assert window.panel.current_claim_id == sent_back
    assert window.panel.inspector.status_badge.text() == "Changes requested"
    qtbot.wait_until(lambda: not note.isVisible())  # the note is gone, as a status message goes
    assert note.text() == ""


def test_escape_in_a_line_field_puts_back_the_saved_value_and_saves_nothing(open_window, path, qtbot, said):
    with Project.open(path, user="ana") as p:
        claim_id = make_claim(p, QUOTES[0])
        p.update_claim(claim_id, statement="Petro makes drugs")
    window = open_window(path, user="ana")
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    window.open_claim(claim_id)
    inspector = window.panel.inspector
    events = len(window.project.events())
    for field, saved in ((inspector.statement, "Petro makes drugs"), (inspector.claimant, "Someone")):
        field.setFocus()
        qtbot.wait_until(field.hasFocus)
        field.selectAll()
        qtbot.keyClicks(field, "Something else entirely")
        qtbot.keyClick(field, Qt.Key.Key_Escape)
        assert field.text() == saved
        inspector.summary.setFocus()  # leaving the field saves what it shows: nothing changed
        qtbot.wait_until(inspector.summary.hasFocus)
    claim = window.project.claim(claim_id)
    assert (claim.statement, claim.claimant) == ("Petro makes drugs", "Someone")
    assert len(window.project.events()) == events
