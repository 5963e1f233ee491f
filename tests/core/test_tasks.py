"""Verification tasks: a project template, ticked per claim with who and when, required ones gate submission."""

import pytest

from factcheck.core import model, workflow
from factcheck.core.errors import InvalidInput

TEMPLATE = [
    {"label": "Found the original source", "required": True},
    {"label": "Asked the claimant"},
    "Checked the figure against the official data",
]


@pytest.fixture
def tasked(article):
    project, article_id, version = article
    project.set_setting("tasks", TEMPLATE)
    claim_id = project.create_claim(version.id, 0, 40, rating="false", verdict_summary="It is false.").created
    source = project.create_source(title="Budget office").created
    project.cite(claim_id, source, "contradicts")
    return project, claim_id


def test_template_keeps_order_ids_and_required(tasked):
    project, claim_id = tasked
    tasks = project.tasks(claim_id)
    assert [t.label for t in tasks] == ["Found the original source", "Asked the claimant",
                                        "Checked the figure against the official data"]
    assert [t.required for t in tasks] == [True, False, False]
    assert not any(t.done for t in tasks)
    project.set_setting("tasks", [{"id": t.id, "label": t.label, "required": t.required} for t in reversed(tasks)])
    assert [t.id for t in project.tasks(claim_id)] == [t.id for t in reversed(tasks)]


def test_ticking_records_who_and_when_and_is_in_the_history(tasked):
    project, claim_id = tasked
    first = project.tasks(claim_id)[0]
    changes = project.tick_task(claim_id, first.id)
    assert changes.what & model.What.TASKS and claim_id in changes.claims
    ticked = project.tasks(claim_id)[0]
    assert ticked.done and ticked.done_by == "ana" and ticked.done_at.endswith("Z")
    assert project.tick_task(claim_id, first.id).event_seq is None  # already ticked: nothing to record
    project.tick_task(claim_id, first.id, done=False)
    assert not project.tasks(claim_id)[0].done
    actions = [(e.action, e.data.get("done")) for e in project.events(claim_id) if e.action == "task.tick"]
    assert actions == [("task.tick", True), ("task.tick", False)]
    assert project.verify().ok


def test_required_tasks_gate_submission(tasked):
    project, claim_id = tasked
    with pytest.raises(workflow.TransitionRefused, match="Found the original source"):
        project.review(claim_id, workflow.SUBMIT)
    project.tick_task(claim_id, project.tasks(claim_id)[0].id)
    project.review(claim_id, workflow.SUBMIT)
    assert project.claim(claim_id).status == model.IN_REVIEW


def test_unknown_task_or_bad_template_is_refused(tasked):
    project, claim_id = tasked
    with pytest.raises(InvalidInput):
        project.tick_task(claim_id, "no-such-task")
    with pytest.raises(InvalidInput, match="twice"):
        project.set_setting("tasks", ["Asked", "asked"])
    with pytest.raises(InvalidInput):
        project.set_setting("tasks", "Asked the claimant")


def test_history_says_which_task_was_ticked(tasked):
    from factcheck.core import timeline

    project, claim_id = tasked
    task = project.tasks(claim_id)[1]
    project.tick_task(claim_id, task.id)
    project.tick_task(claim_id, task.id, done=False)
    lines = [timeline.describe(e) for e in project.events(claim_id) if e.action == "task.tick"]
    assert lines == ["Ticked the task “Asked the claimant”", "Unticked the task “Asked the claimant”"]
