"""Ticking a verification task as an undoable step, and the demo's checklist."""

import pytest

from factcheck.core import history, model
from factcheck.core.errors import Conflict

TEMPLATE = [{"label": "Found the original source", "required": True}, {"label": "Asked the claimant"}]


@pytest.fixture
def tasked(article):
    project, _, version = article
    project.set_setting("tasks", TEMPLATE)
    claim_id = project.create_claim(version.id, 0, 40).created
    return project, claim_id, [t.id for t in project.tasks(claim_id)]


def test_undo_unticks_and_redo_ticks_again(tasked):
    project, claim_id, ids = tasked
    steps = history.History(project)
    steps.do(history.TickTask(claim_id, ids[1]))
    assert project.tasks(claim_id)[1].done and steps.undo_label == "Tick “Asked the claimant”"
    assert steps.undo().what & model.What.TASKS
    assert not project.tasks(claim_id)[1].done
    steps.redo()
    assert project.tasks(claim_id)[1].done_by == "ana"
    assert [e.data["done"] for e in project.events(claim_id) if e.action == "task.tick"] == [True, False, True]


def test_undoing_an_untick_ticks_it_again(tasked):
    project, claim_id, ids = tasked
    project.tick_task(claim_id, ids[0])
    steps = history.History(project)
    steps.do(history.TickTask(claim_id, ids[0], False))
    assert steps.undo_label == "Untick “Found the original source”"
    steps.undo()
    assert project.tasks(claim_id)[0].done


def test_nothing_to_do_is_no_step(tasked):
    project, claim_id, ids = tasked
    steps = history.History(project)
    steps.do(history.TickTask(claim_id, ids[1], False))  # not ticked: nothing to untick
    assert not steps.can_undo


def test_a_box_changed_elsewhere_or_a_task_removed_is_not_undone(tasked):
    project, claim_id, ids = tasked
    steps = history.History(project)
    steps.do(history.TickTask(claim_id, ids[1]))
    project.tick_task(claim_id, ids[1], False)  # someone else unticked it
    with pytest.raises(Conflict, match="elsewhere"):
        steps.undo()
    assert not steps.can_undo  # dropped: the steps below it can still be reached
    steps.do(history.TickTask(claim_id, ids[0]))
    project.set_setting("tasks", [TEMPLATE[1] | {"id": ids[1]}])
    with pytest.raises(Conflict, match="no longer"):
        steps.undo()


def test_the_demo_shows_tasks_ticked_and_its_submitted_claims_have_the_required_ones(tmp_path):
    from factcheck import demo

    with demo.build(tmp_path / "demo.factcheck") as project:
        assert [t["label"] for t in project.setting("tasks")] == [t["label"] for t in demo.TASKS]
        assert any(t.done for c in project.claims() for t in project.tasks(c.id))
        assert any(not t.done for c in project.claims() for t in project.tasks(c.id))
