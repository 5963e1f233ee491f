"""Verification tasks: the project's template of steps, ticked claim by claim.

The template is the project setting ``tasks`` (``[{"id", "label", "required"}]``); a
claim shows each task as a checkbox, with who ticked it and when. Required tasks must be
ticked before the claim can be submitted for review (``workflow.missing_for_review``).
Ticking and unticking are events (``task.tick``), so the claim's history shows them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from factcheck.core import model
from factcheck.core.entity import Manager
from factcheck.core.errors import InvalidInput
from factcheck.core.model import Changes, What
from factcheck.core.text import N_


@dataclasses.dataclass(frozen=True)
class Task:
    id: str
    label: str
    required: bool
    done_at: str | None = None
    done_by: str | None = None

    @property
    def done(self) -> bool:
        return self.done_at is not None


class Tasks(Manager):
    def template(self) -> list[dict]:
        return list(self.project.setting("tasks") or [])

    def of_claim(self, claim_id: str) -> list[Task]:
        """The template's tasks with this claim's ticks (ticks of tasks since removed are not shown)."""
        done = {r[0]: (r[1], r[2]) for r in self.store.read(
            "SELECT task_id, done_at, done_by FROM claim_tasks WHERE claim_id = ?", (claim_id,))}
        return [Task(t["id"], t["label"], bool(t.get("required")), *done.get(t["id"], (None, None)))
                for t in self.template()]

    def ticked(self, claim_ids: Sequence[str] | None = None) -> dict[str, set[str]]:
        """Claim id -> the ids of the tasks ticked on it, for every claim or these (a batch), in one read."""
        out: dict[str, set[str]] = {}
        sql, params = "SELECT claim_id, task_id FROM claim_tasks", tuple(claim_ids or ())
        if claim_ids is not None:
            if not params:
                return out
            sql += f" WHERE claim_id IN ({', '.join('?' * len(params))})"
        for claim_id, task_id in self.store.read(sql, params):
            out.setdefault(claim_id, set()).add(task_id)
        return out

    def missing_required(self, claim_id: str) -> list[str]:
        """Labels of the required tasks not yet ticked on a claim (inside a transaction too)."""
        required = [t for t in self.template() if t.get("required")]
        if not required:
            return []
        done = {r[0] for r in self.store.execute("SELECT task_id FROM claim_tasks WHERE claim_id = ?", (claim_id,))}
        return [t["label"] for t in required if t["id"] not in done]

    def tick(self, claim_id: str, task_id: str, done: bool = True) -> Changes:
        """Tick (or untick) one task on one claim."""
        task = next((t for t in self.template() if t["id"] == task_id), None)
        if task is None:
            raise InvalidInput(N_("That verification task is no longer in the project's list."))
        with self.store.transaction():
            claim = self.project.managers.claims.row(claim_id)
            if claim.deleted_at:
                raise InvalidInput(N_("This claim was deleted; restore it first."))
            row = self.store.execute("SELECT done_at FROM claim_tasks WHERE claim_id = ? AND task_id = ?",
                                     (claim_id, task_id)).fetchone()
            if (row is not None) == done:
                return Changes(action="task.tick")
            if done:
                self.store.execute("INSERT INTO claim_tasks (claim_id, task_id, done_at, done_by) VALUES (?, ?, ?, ?)",
                                   (claim_id, task_id, model.now(), self.user))
            else:
                self.store.execute("DELETE FROM claim_tasks WHERE claim_id = ? AND task_id = ?", (claim_id, task_id))
            seq = self.log("task.tick", "claim", claim_id, {"task_id": task_id, "label": task["label"], "done": done})
        return Changes(action="task.tick", what=What.TASKS, articles=frozenset({claim.article_id}),
                       claims=frozenset({claim_id}), event_seq=seq)
