"""Verification tasks in the inspector: tick and untick, undo, who and when, Submit gated by required tasks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from factcheck.core import history, model
from factcheck.core.project import Project
from factcheck.ui import alerts
from factcheck.ui.claim_panel import ClaimInspector
from factcheck.ui.review_panel import local_time
from factcheck.ui.session import Session

from ..conftest import SAMPLE, imported

TEMPLATE = [
    {"label": "Found the original source", "required": True},
    {"label": "Asked the claimant"},
    {"label": "Checked the figure against the official data"},
]


@pytest.fixture
def said(monkeypatch):
    """Every refusal the widgets show, instead of a message box."""
    messages: list[str] = []
    monkeypatch.setattr(alerts, "show_error", lambda parent, exc, title="factcheck": messages.append(str(exc)))
    return messages


@pytest.fixture
def claim_id(session):
    """A claim ready to submit but for its verification tasks."""
    project = session.project
    project.set_setting("tasks", TEMPLATE)
    made = project.create_claim(session.version.id, 0, 40, rating="false", verdict_summary="It is false.").created
    project.cite(made, project.create_source(title="Budget office").created, "contradicts")
    return made


@pytest.fixture
def inspector(qtbot, session, claim_id, said):
    widget = ClaimInspector(session)
    qtbot.add_widget(widget)
    widget.resize(460, 600)
    widget.show_claim(claim_id)
    widget.tabs.setCurrentWidget(widget.tasks_panel)
    widget.show()
    qtbot.wait_exposed(widget)
    return widget


def task_ids(session, claim_id) -> list[str]:
    return [t.id for t in session.project.tasks(claim_id)]


def tab_text(inspector) -> str:
    return inspector.tabs.tabText(inspector.tabs.indexOf(inspector.tasks_panel))


def test_each_task_is_a_named_checkbox_with_required_marked(inspector):
    panel = inspector.tasks_panel
    assert [row.box.accessibleName() for row in panel.rows] == [t["label"] for t in TEMPLATE]
    assert [row.label.text() for row in panel.rows] == [t["label"] for t in TEMPLATE]
    assert "Required" in panel.rows[0].meta.text() and panel.rows[0].meta.isVisible()
    assert not panel.rows[1].meta.isVisible()  # optional and not done: nothing more to say
    assert not any(row.box.isChecked() for row in panel.rows)
    assert all(row.box.isEnabled() for row in panel.rows)
    assert tab_text(inspector) == "Tasks (0/3)"
    assert not panel.hint.isVisible()


def test_ticking_shows_who_and_when_is_in_the_history_and_undo_unticks(inspector, session, claim_id, qtbot):
    panel = inspector.tasks_panel
    row = panel.rows[1]
    qtbot.mouseClick(row.box, Qt.MouseButton.LeftButton)
    task = session.project.tasks(claim_id)[1]
    assert task.done and task.done_by == "ana"
    assert row.box.isChecked()
    assert row.meta.isVisible() and f"ticked by ana, {local_time(task.done_at)}" in row.meta.text()
    assert tab_text(inspector) == "Tasks (1/3)"
    assert session.history.undo_label == "Tick “Asked the claimant”"

    inspector.tabs.setCurrentWidget(inspector.history_view)
    assert inspector.history.text_at(0) == "Ticked the task “Asked the claimant”"

    session.undo()
    assert not session.project.tasks(claim_id)[1].done
    assert not row.box.isChecked() and "ticked by" not in row.meta.text()
    assert tab_text(inspector) == "Tasks (0/3)"
    assert inspector.history.text_at(0) == "Unticked the task “Asked the claimant”"
    session.redo()
    assert row.box.isChecked() and session.project.tasks(claim_id)[1].done


def test_clicking_the_label_ticks_the_box(inspector, session, claim_id, qtbot):
    row = inspector.tasks_panel.rows[2]
    qtbot.mouseClick(row.label, Qt.MouseButton.LeftButton)
    assert row.box.isChecked() and session.project.tasks(claim_id)[2].done


def test_space_toggles_and_keeps_the_focus(inspector, session, claim_id, qtbot):
    panel = inspector.tasks_panel
    box = panel.rows[0].box
    box.setFocus()
    qtbot.wait_until(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert session.project.tasks(claim_id)[0].done and box.isChecked()
    assert panel.rows[0].box is box and box.hasFocus()  # refreshed in place: the keyboard user stays put
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not session.project.tasks(claim_id)[0].done and not box.isChecked()


def test_submit_is_disabled_with_the_reason_until_the_required_task_is_ticked(inspector, session, claim_id, qtbot):
    submit = inspector.submit_button
    assert not submit.isEnabled()
    assert "Found the original source" in submit.toolTip()
    assert "Found the original source" in inspector.review_hint.text()
    qtbot.mouseClick(inspector.tasks_panel.rows[1].box, Qt.MouseButton.LeftButton)  # an optional one: still not
    assert not submit.isEnabled()
    qtbot.mouseClick(inspector.tasks_panel.rows[0].box, Qt.MouseButton.LeftButton)
    assert submit.isEnabled() and "Found the original source" not in submit.toolTip()
    session.undo()
    assert not submit.isEnabled() and "Found the original source" in submit.toolTip()
    session.redo()
    qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)
    assert session.project.claim(claim_id).status == model.IN_REVIEW


def test_a_template_change_refreshes_the_checklist(inspector, session, claim_id):
    panel = inspector.tasks_panel
    session.project.tick_task(claim_id, task_ids(session, claim_id)[0])
    first = dict(session.project.setting("tasks")[0])
    session.do(history.SetSetting("tasks", [{**first, "label": "Found the first source", "required": False},
                                            {"label": "Called the ministry", "required": True}]))
    assert [row.box.accessibleName() for row in panel.rows] == ["Found the first source", "Called the ministry"]
    assert panel.rows[0].box.isChecked()  # the tick follows the renamed task
    assert "Required" not in panel.rows[0].meta.text() and "Required" in panel.rows[1].meta.text()
    assert tab_text(inspector) == "Tasks (1/2)"
    assert "Called the ministry" in inspector.submit_button.toolTip()

    session.do(history.SetSetting("tasks", []))
    assert panel.rows == []
    assert panel.hint.isVisible() and panel.hint.text() == "No verification tasks: set them in File > Project settings"
    assert tab_text(inspector) == "Tasks"
    assert inspector.submit_button.isEnabled()


def test_only_the_shown_claims_ticks_refresh_it(inspector, session, claim_id, monkeypatch):
    other = session.project.create_claim(session.version.id, 50, 90).created
    asked = task_ids(session, claim_id)[1]
    reads: list[str] = []
    real = session.project.tasks
    monkeypatch.setattr(session.project, "tasks", lambda cid: reads.append(cid) or real(cid))
    session.do(history.TickTask(other, asked))
    assert claim_id not in reads
    session.do(history.TickTask(claim_id, asked))
    assert claim_id in reads and inspector.tasks_panel.rows[1].box.isChecked()


def test_a_refused_tick_is_said_and_the_box_shows_what_is_saved(inspector, session, claim_id, said, qtbot):
    session.project.delete_claim(claim_id)  # elsewhere: this window has not refreshed yet
    box = inspector.tasks_panel.rows[1].box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert said == ["This claim was deleted; restore it first."]
    assert not box.isChecked()


def test_read_only_project_shows_the_boxes_disabled(qtbot, tmp_path, said):
    path = tmp_path / "ro.factcheck"
    with Project.create(path, user="ana") as project:
        project.set_setting("tasks", TEMPLATE)
        version = project.current_version(project.import_article(imported(SAMPLE.read_text(encoding="utf-8"))).created)
        made = project.create_claim(version.id, 0, 40).created
        project.tick_task(made, project.tasks(made)[0].id)
    project = Project.open(path, read_only=True)
    try:
        session = Session(project)
        widget = ClaimInspector(session)
        qtbot.add_widget(widget)
        widget.show_claim(made)
        panel = widget.tasks_panel
        assert len(panel.rows) == 3 and not any(row.box.isEnabled() for row in panel.rows)
        assert panel.rows[0].box.isChecked() and "ticked by ana" in panel.rows[0].meta.text()
        qtbot.mouseClick(panel.rows[1].label, Qt.MouseButton.LeftButton)
        assert not project.tasks(made)[1].done and said == []
        session.stop()
    finally:
        project.close()




def _tab_stop(widget, forward: bool = True):
    """The widget Tab (or Shift+Tab) moves to from ``widget``: visible, enabled, taking focus by Tab."""
    step = (lambda w: w.nextInFocusChain()) if forward else (lambda w: w.previousInFocusChain())
    nxt = step(widget)
    while not (nxt.isVisible() and nxt.isEnabled() and nxt.focusPolicy() & Qt.FocusPolicy.TabFocus):
        nxt = step(nxt)
    return nxt


def test_tab_reaches_the_boxes_in_order_where_the_panel_is_and_leaves_them(inspector, session, qtbot):
    panel = inspector.tasks_panel
    boxes = [row.box for row in panel.rows]
    tab_bar = inspector.tabs.tabBar()
    assert _tab_stop(tab_bar) is boxes[0] and _tab_stop(boxes[0], forward=False) is tab_bar
    assert [_tab_stop(box) for box in boxes[:-1]] == boxes[1:]
    assert not panel.isAncestorOf(_tab_stop(boxes[-1]))  # and out again: no trap
    session.do(history.SetSetting("tasks", [{"label": "Called the ministry"}, {"label": "Read the law"}]))
    boxes = [row.box for row in panel.rows]
    qtbot.wait_until(lambda: all(box.isVisible() for box in boxes))
    assert _tab_stop(boxes[0], forward=False) is inspector.tabs.tabBar()  # rows made again take the same place
    assert _tab_stop(boxes[0]) is boxes[1] and not panel.isAncestorOf(_tab_stop(boxes[1]))
