"""Undo and redo as named, reversible commands over a ``Project``.

Every edit the app makes goes through ``History.do(command)``. A command knows how to do,
undo and redo itself through ``Project`` methods, so each step is one committed
transaction with its own event: undoing is itself recorded in the history, never a
rewrite of it. Undo refuses (``Conflict``) rather than overwrite a change another window
made in between.
"""

from __future__ import annotations

import abc
import dataclasses

from factcheck.core import articles, model, review, settings, timeline, workflow
from factcheck.core.errors import BugError, Conflict
from factcheck.core.model import Changes
from factcheck.core.text import N_

#: What an edit of many fields, or of one ``field``, is called ("Undo Edit claim rating").
_EDIT_LABELS = {
    "claim": (N_("Edit claim"), lambda field: N_("Edit claim {field}", field=field)),
    "source": (N_("Edit source"), lambda field: N_("Edit source {field}", field=field)),
    "citation": (N_("Edit citation"), lambda field: N_("Edit citation {field}", field=field)),
    "article": (N_("Edit article"), lambda field: N_("Edit article {field}", field=field)),
}
#: A review decision on one claim, and on ``n`` claims.
_REVIEW_LABELS = {
    workflow.SUBMIT: (N_("Submit"), lambda n: N_("Submit {n} claims", n=n)),
    workflow.APPROVE: (N_("Approve"), lambda n: N_("Approve {n} claims", n=n)),
    workflow.REQUEST_CHANGES: (N_("Request changes"), lambda n: N_("Request changes {n} claims", n=n)),
    workflow.PUBLISH: (N_("Publish"), lambda n: N_("Publish {n} claims", n=n)),
}


def _fields_label(what: str, fields: dict) -> str:
    many, one = _EDIT_LABELS[what]
    if len(fields) == 1:
        key = next(iter(fields))
        return one(timeline.FIELD_NAMES.get(key, key))
    return many


def _review_label(action: str, n: int = 1) -> str:
    if action not in _REVIEW_LABELS:  # not a known decision: it is refused when done, named as it came
        label = action.replace("_", " ").capitalize()
        return label if n == 1 else f"{label} {n} claims"
    one, many = _REVIEW_LABELS[action]
    return one if n == 1 else many(n)


class Command(abc.ABC):
    """One user action, usually one that can be undone."""

    label: str = ""
    #: False for actions that are decisions, not edits (review transitions): they are
    #: recorded in the project's history but not put on the undo stack.
    undoable: bool = True

    @abc.abstractmethod
    def do(self, project) -> Changes: ...

    @abc.abstractmethod
    def undo(self, project) -> Changes: ...

    def redo(self, project) -> Changes:
        return self.do(project)


class CreateClaim(Command):
    def __init__(self, version_id: str, start: int, end: int, **fields):
        self.version_id, self.start, self.end, self.fields = version_id, start, end, fields
        self.claim_id: str | None = None
        self.label = N_("New claim")

    def do(self, project) -> Changes:
        changes = project.create_claim(self.version_id, self.start, self.end, **self.fields)
        self.claim_id = changes.created
        return changes

    def undo(self, project) -> Changes:
        return _delete_made(project, self.claim_id)

    def redo(self, project) -> Changes:
        return project.restore_claim(self.claim_id)


def _delete_made(project, claim_id: str) -> Changes:
    """Take back a claim a step made; one whose verdict was signed off since is retracted, not undone."""
    claim = project.claim(claim_id)
    if claim.deleted_at is None and review.signed_off(claim):
        raise Conflict(N_("A claim this step made has a signed-off verdict now; retract it instead of undoing."))
    return project.delete_claim(claim_id)


def _claim_field(claim: model.Claim, field: str) -> object:
    return list(claim.tags) if field == "tags" else getattr(claim, field)


class UpdateClaim(Command):
    """Edit claim fields; ``reason`` is needed to change an approved or published verdict.

    ``expected_revision``: the revision the editor showed; a claim changed elsewhere since
    raises ``Conflict`` instead of being overwritten. Undo and redo check the fields they
    restore still hold what this step left (other steps may have touched the claim in
    between, e.g. a citation); changing a verdict that had been approved is a decision,
    not an edit, and is not undoable.
    """

    def __init__(self, claim_id: str, *, reason: str = "", expected_revision: int | None = None, **fields):
        self.claim_id, self.after, self.reason = claim_id, fields, reason
        self.expected_revision = expected_revision
        self.before: dict = {}
        self.applied: dict = {}
        self.label = _fields_label("claim", fields)

    def do(self, project) -> Changes:
        claim = project.claim(self.claim_id)
        self.before = {k: _claim_field(claim, k) for k in self.after}
        changes = project.update_claim(
            self.claim_id, expected_revision=self.expected_revision, reason=self.reason, **self.after
        )
        now = project.claim(self.claim_id)
        self.applied = {k: _claim_field(now, k) for k in self.after}
        if now.status != claim.status:
            self.undoable = False
        return changes

    def _expect(self, project, values: dict) -> None:
        claim = project.claim(self.claim_id)
        if {k: _claim_field(claim, k) for k in values} != values:
            raise Conflict(N_("This claim was changed elsewhere since this step; it can no longer be undone."))

    def undo(self, project) -> Changes:
        self._expect(project, self.applied)
        return project.update_claim(self.claim_id, restore=True, **self.before)

    def redo(self, project) -> Changes:
        self._expect(project, self.before)
        return project.update_claim(self.claim_id, restore=True, **self.applied)


class DeleteClaim(Command):
    """Delete a claim (undoable); on a signed-off verdict, a retraction with ``reason`` (not undoable)."""

    def __init__(self, claim_id: str, *, reason: str = ""):
        self.claim_id, self.reason = claim_id, reason
        self.label = N_("Delete claim")

    def do(self, project) -> Changes:
        if review.signed_off(project.claim(self.claim_id)):
            self.undoable = False
            self.label = N_("Retract verdict")
        return project.managers.claims.set_deleted(self.claim_id, deleted=True, reason=self.reason)

    def undo(self, project) -> Changes:
        return project.restore_claim(self.claim_id)


class ReanchorClaim(Command):
    """Point a claim at new words (also: confirm a fuzzy anchor, with the same span).

    New words under a signed-off verdict send it back to review: then not undoable.
    """

    def __init__(self, claim_id: str, version_id: str, start: int, end: int, label: str = N_("Re-anchor claim")):
        self.claim_id, self.version_id, self.start, self.end = claim_id, version_id, start, end
        self.before: model.Claim | None = None
        self.label = label

    def do(self, project) -> Changes:
        self.before = project.claim(self.claim_id)
        changes = project.reanchor_claim(self.claim_id, self.version_id, self.start, self.end)
        if changes.what & model.What.STATUS:
            self.undoable = False  # new words under a signed-off verdict sent it back to review: a decision
        return changes

    def undo(self, project) -> Changes:
        return project.restore_anchor(self.claim_id, self.before)


class CreateSource(Command):
    def __init__(self, **fields):
        self.fields = fields
        self.source_id: str | None = None
        self.label = N_("New source")

    def do(self, project) -> Changes:
        changes = project.create_source(**self.fields)
        self.source_id = changes.created
        return changes

    def undo(self, project) -> Changes:
        return project.delete_source(self.source_id)

    def redo(self, project) -> Changes:
        return project.restore_source(self.source_id)


class UpdateSource(Command):
    def __init__(self, source_id: str, **fields):
        self.source_id, self.after = source_id, fields
        self.before: dict = {}
        self.label = _fields_label("source", fields)

    def do(self, project) -> Changes:
        source = project.source(self.source_id)
        self.before = {k: getattr(source, k) for k in self.after}
        return project.update_source(self.source_id, **self.after)

    def undo(self, project) -> Changes:
        return project.update_source(self.source_id, restore=True, **self.before)

    def redo(self, project) -> Changes:
        return project.update_source(self.source_id, restore=True, **self.after)


class DeleteSource(Command):
    def __init__(self, source_id: str):
        self.source_id = source_id
        self.label = N_("Delete source")

    def do(self, project) -> Changes:
        return project.delete_source(self.source_id)

    def undo(self, project) -> Changes:
        return project.restore_source(self.source_id)


class Cite(Command):
    def __init__(self, claim_id: str, source_id: str, stance: str = "supports", **fields):
        self.claim_id, self.source_id, self.stance, self.fields = claim_id, source_id, stance, fields
        self.citation_id: str | None = None
        self.label = N_("Cite source")

    def do(self, project) -> Changes:
        changes = project.cite(self.claim_id, self.source_id, self.stance, **self.fields)
        self.citation_id = changes.created
        return changes

    def undo(self, project) -> Changes:
        return project.uncite(self.citation_id)

    def redo(self, project) -> Changes:
        return project.recite(self.citation_id)


class UpdateCitation(Command):
    def __init__(self, citation_id: str, **fields):
        self.citation_id, self.after = citation_id, fields
        self.before: dict = {}
        self.label = _fields_label("citation", fields)

    def do(self, project) -> Changes:
        citation = project.citation(self.citation_id)
        self.before = {k: getattr(citation, k) for k in self.after}
        return project.update_citation(self.citation_id, **self.after)

    def undo(self, project) -> Changes:
        return project.update_citation(self.citation_id, restore=True, **self.before)

    def redo(self, project) -> Changes:
        return project.update_citation(self.citation_id, restore=True, **self.after)


class Uncite(Command):
    def __init__(self, citation_id: str):
        self.citation_id = citation_id
        self.label = N_("Remove citation")

    def do(self, project) -> Changes:
        return project.uncite(self.citation_id)

    def undo(self, project) -> Changes:
        return project.recite(self.citation_id)


class Attach(Command):
    """Attach a file to a source or a citation: a path (stored now) or the SHA-256 of a file stored already.

    The app stores a large file on a worker first (``Project.store_evidence``), then attaches
    it by hash here, quickly, on the window's connection. Undo removes the attachment (the
    bytes stay); redo brings it back.
    """

    def __init__(self, *, source_id: str | None = None, citation_id: str | None = None, path=None,
                 sha256: str | None = None, name: str | None = None, note: str = ""):
        self.source_id, self.citation_id, self.path, self.sha256 = source_id, citation_id, path, sha256
        self.name, self.note = name, note
        self.attachment_id: str | None = None
        self.label = N_("Attach file")

    def do(self, project) -> Changes:
        changes = project.attach(self.path, sha256=self.sha256, source_id=self.source_id,
                                 citation_id=self.citation_id, note=self.note, name=self.name)
        self.attachment_id = changes.created
        return changes

    def undo(self, project) -> Changes:
        return project.detach(self.attachment_id)

    def redo(self, project) -> Changes:
        return project.reattach(self.attachment_id)


class Detach(Command):
    def __init__(self, attachment_id: str):
        self.attachment_id = attachment_id
        self.label = N_("Remove attached file")

    def do(self, project) -> Changes:
        return project.detach(self.attachment_id)

    def undo(self, project) -> Changes:
        return project.reattach(self.attachment_id)


class ImportArticle(Command):
    def __init__(self, imported, **metadata):
        self.imported, self.metadata = imported, metadata
        self.article_id: str | None = None
        self.label = N_("Import article")

    def do(self, project) -> Changes:
        changes = project.import_article(self.imported, **self.metadata)
        self.article_id = changes.created
        return changes

    def undo(self, project) -> Changes:
        return project.delete_article(self.article_id)

    def redo(self, project) -> Changes:
        return project.restore_article(self.article_id)


class UpdateArticle(Command):
    def __init__(self, article_id: str, **fields):
        self.article_id, self.after = article_id, fields
        self.before: dict = {}
        self.label = _fields_label("article", fields)

    def do(self, project) -> Changes:
        article = project.article(self.article_id)
        self.before = {k: getattr(article, k) for k in self.after}
        return project.update_article(self.article_id, **self.after)

    def undo(self, project) -> Changes:
        return project.update_article(self.article_id, restore=True, **self.before)

    def redo(self, project) -> Changes:
        return project.update_article(self.article_id, restore=True, **self.after)


class AddVersion(Command):
    """A new version of an article from a file or pasted text; its claims re-anchored.

    Undo takes the version back whole (``Project.undo_add_version``) while only the
    review of its claims, itself undone, came after it; redo adds it again. A text the
    same as the current version's adds nothing (``changes.event_seq`` is None).
    """

    def __init__(self, article_id: str, imported, label: str = N_("Update article")):
        self.article_id, self.imported, self.label = article_id, imported, label
        self.journal = None

    def do(self, project) -> Changes:
        self.journal = articles.VersionJournal()
        return project.add_version(self.article_id, self.imported, if_changed=True, journal=self.journal)

    def undo(self, project) -> Changes:
        return project.undo_add_version(self.journal)


class DeleteArticle(Command):
    def __init__(self, article_id: str):
        self.article_id = article_id
        self.label = N_("Delete article")

    def do(self, project) -> Changes:
        return project.delete_article(self.article_id)

    def undo(self, project) -> Changes:
        return project.restore_article(self.article_id)


class Review(Command):
    """A review decision (submit, approve, request changes, publish): not undoable."""

    undoable = False

    def __init__(self, claim_id: str, action: str, *, comment: str = "", expected_revision: int | None = None):
        self.claim_id, self.action, self.comment, self.expected_revision = claim_id, action, comment, expected_revision
        self.label = _review_label(action)

    def do(self, project) -> Changes:
        return project.review(self.claim_id, self.action, comment=self.comment, expected_revision=self.expected_revision)

    def undo(self, project) -> Changes:
        raise BugError("review decisions are not undone")


class AddComment(Command):
    undoable = False

    def __init__(self, claim_id: str, body: str, *, kind: str = "review", parent_id: str | None = None):
        self.claim_id, self.body, self.kind, self.parent_id = claim_id, body, kind, parent_id
        self.label = N_("Add comment")

    def do(self, project) -> Changes:
        return project.add_comment(self.claim_id, self.body, kind=self.kind, parent_id=self.parent_id)

    def undo(self, project) -> Changes:
        raise BugError("comments are not undone")


class ResolveComment(Command):
    def __init__(self, comment_id: str, resolved: bool = True):
        self.comment_id, self.resolved = comment_id, resolved
        self.label = N_("Resolve comment") if resolved else N_("Reopen comment")

    def do(self, project) -> Changes:
        return project.resolve_comment(self.comment_id, self.resolved)

    def undo(self, project) -> Changes:
        return project.resolve_comment(self.comment_id, not self.resolved)


class SetSetting(Command):
    def __init__(self, key: str, value: object, label: str = ""):
        self.key, self.after = key, value
        self.before: object = None
        self.label = label or N_("Change {setting}", setting=settings.NAMES.get(key, key.replace("_", " ")))

    def do(self, project) -> Changes:
        self.before = project.setting(self.key)
        return project.set_setting(self.key, self.after)

    def undo(self, project) -> Changes:
        return project.set_setting(self.key, self.before)

    def redo(self, project) -> Changes:
        return project.set_setting(self.key, self.after)


@dataclasses.dataclass
class History:
    """The undo and redo stacks of one open project."""

    project: object
    limit: int = 1000
    _undo: list[Command] = dataclasses.field(default_factory=list)
    _redo: list[Command] = dataclasses.field(default_factory=list)

    def do(self, command: Command) -> Changes:
        """Run a command; if it changed anything, it becomes the next thing to undo."""
        changes = command.do(self.project)
        if changes.event_seq is not None and command.undoable:
            self._undo.append(command)
            del self._undo[: -self.limit]
            self._redo.clear()
        return changes

    def undo(self) -> Changes:
        if not self._undo:
            return Changes()
        command = self._undo[-1]
        try:
            changes = command.undo(self.project)
        except Conflict:
            self._undo.pop()  # it can never be undone now: let the steps below it be reached
            raise
        self._redo.append(self._undo.pop())
        return changes

    def redo(self) -> Changes:
        if not self._redo:
            return Changes()
        command = self._redo[-1]
        try:
            changes = command.redo(self.project)
        except Conflict:
            self._redo.pop()
            raise
        self._undo.append(self._redo.pop())
        return changes

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""


class ImportAnnotations(Command):
    """An import of many claims with their sources and citations: one transaction, one undo step.

    ``plan`` is ``importers.web_annotation.Plan`` (read here by its shape, core imports no
    importer): ``plan.sources``, field dicts of the sources to create; ``plan.claims``,
    each with ``version_id``, ``start``, ``end``, ``checked_quote``, ``fields`` and
    ``citations`` (``stance``, ``values``, and ``source_id`` or ``new_source``, an index
    into ``plan.sources``). Killed at any moment, the file holds all of it or none of it.
    Undo hides the claims and the sources it made (a source someone has since cited on
    another claim stays); redo brings back exactly what undo hid.
    """

    def __init__(self, plan, label: str = N_("Import annotations")):
        self.plan = plan
        self.label = label
        self.claim_ids: list[str] = []
        self.source_ids: list[str] = []
        self._hidden_claims: list[str] = []
        self._hidden_sources: list[str] = []

    def do(self, project) -> Changes:
        made = _Made("annotations.import")
        claim_ids, source_ids = [], []
        with project.batch():
            for source_fields in self.plan.sources:
                source_ids.append(made.add(project.create_source(**source_fields)).created)
            for planned in self.plan.claims:
                claim_id = made.add(project.create_claim(
                    planned.version_id, planned.start, planned.end, checked_quote=planned.checked_quote,
                    **planned.fields)).created
                claim_ids.append(claim_id)
                for cite in planned.citations:
                    source_id = cite.source_id if cite.new_source is None else source_ids[cite.new_source]
                    made.add(project.cite(claim_id, source_id, cite.stance, **cite.values))
        self.claim_ids, self.source_ids = claim_ids, source_ids
        return made.changes()

    def undo(self, project) -> Changes:
        made = _Made("annotations.undo_import")
        hidden_claims, hidden_sources = [], []
        mine = set(self.claim_ids)
        with project.batch():
            for claim_id in self.claim_ids:
                if made.add(_delete_made(project, claim_id)).event_seq is not None:
                    hidden_claims.append(claim_id)
            for source_id in self.source_ids:
                if set(project.source_usage(source_id)) - mine:
                    continue  # cited on a claim this import did not make: keep it
                if made.add(project.delete_source(source_id)).event_seq is not None:
                    hidden_sources.append(source_id)
        self._hidden_claims, self._hidden_sources = hidden_claims, hidden_sources
        return made.changes()

    def redo(self, project) -> Changes:
        made = _Made("annotations.redo_import")
        with project.batch():
            for source_id in self._hidden_sources:
                made.add(project.restore_source(source_id))
            for claim_id in self._hidden_claims:
                made.add(project.restore_claim(claim_id))
        return made.changes()


class _Made:
    """The ``Changes`` of many steps of one batch, gathered without copying sets at every step."""

    def __init__(self, action: str):
        self.action = action
        self.what = model.What.NOTHING
        self.articles: set[str] = set()
        self.claims: set[str] = set()
        self.sources: set[str] = set()
        self.event_seq: int | None = None

    def add(self, changes: Changes) -> Changes:
        self.what |= changes.what
        self.articles |= changes.articles
        self.claims |= changes.claims
        self.sources |= changes.sources
        if changes.event_seq is not None:
            self.event_seq = changes.event_seq
        return changes

    def changes(self) -> Changes:
        return Changes(action=self.action, what=self.what, articles=frozenset(self.articles),
                       claims=frozenset(self.claims), sources=frozenset(self.sources), event_seq=self.event_seq)


class ReviewMany(Command):
    """One review decision on many claims, in one transaction: not undoable, like ``Review``.

    Each claim the core refuses (workflow, four-eyes, changed elsewhere since
    ``revisions``) is kept in ``outcome.refused`` with its reason; the others are decided.
    ``skip``: claims not to decide on (blocked by the checklist), reported by the caller.
    """

    undoable = False

    def __init__(self, action: str, claim_ids, *, comment: str = "", revisions: dict[str, int] | None = None,
                 skip=()):
        self.action, self.claim_ids, self.comment = action, list(claim_ids), comment
        self.revisions, self.skip = dict(revisions or {}), frozenset(skip)
        self.outcome = None  # core.review.Outcome, once done
        n = len(self.claim_ids)
        self.label = _review_label(action, n)

    def do(self, project) -> Changes:
        self.outcome = project.managers.review.decide(self.action, self.claim_ids, comment=self.comment,
                                                      revisions=self.revisions, skip=self.skip)
        return self.outcome.changes

    def undo(self, project) -> Changes:
        raise BugError("review decisions are not undone")


class SetSettings(Command):
    """Several project settings at once (a settings dialog's OK): one transaction, one undo step.

    ``logo``: an image's bytes to store and make the organisation's logo (see
    ``Project.set_logo``); ``values`` may also hold ``organisation_logo: ""`` to remove it.
    Undo refuses (``Conflict``) when another window has changed one of these settings since.
    """

    def __init__(self, values: dict, *, logo: bytes | None = None, logo_name: str = "",
                 label: str = N_("Change project settings")):
        self.after, self.logo, self.logo_name = dict(values), logo, logo_name
        self.before: dict = {}
        self.label = label

    def _apply(self, project, values: dict, action: str) -> Changes:
        made = _Made(action)
        with project.batch():
            for key, value in values.items():
                made.add(project.set_setting(key, value))
        return made.changes()

    def _expect(self, project, values: dict) -> None:
        project.forget_cached_settings()
        if {k: project.setting(k) for k in values} != values:
            raise Conflict(N_("These project settings were changed elsewhere since this step; it can no longer be undone."))

    def do(self, project) -> Changes:
        made = _Made("settings.update")
        with project.batch():
            project.forget_cached_settings()
            keys = set(self.after) | ({"organisation_logo"} if self.logo is not None else set())
            self.before = {k: project.setting(k) for k in keys}
            after = dict(self.after)
            if self.logo is not None:
                made.add(project.set_logo(self.logo, self.logo_name))
                after["organisation_logo"] = project.setting("organisation_logo")
            made.add(self._apply(project, after, "settings.update"))
            # As stored (new tasks get their ids), and only what changed: what undo expects and redo puts back.
            self.after = {k: v for k in after if (v := project.setting(k)) != self.before[k]}
            self.before = {k: self.before[k] for k in self.after}
        self.logo = None  # stored: redo sets the setting to the same image
        return made.changes()

    def undo(self, project) -> Changes:
        self._expect(project, self.after)
        return self._apply(project, self.before, "settings.undo")

    def redo(self, project) -> Changes:
        self._expect(project, self.before)
        return self._apply(project, self.after, "settings.redo")


class TickTask(Command):
    """Tick (or untick) one verification task on one claim; undo puts the box back as it was.

    Undo and redo refuse (``Conflict``) when the box was ticked or unticked elsewhere since
    this step, or the task has left the project's list. Undoing an untick ticks it again,
    stamped with who undid it and when.
    """

    def __init__(self, claim_id: str, task_id: str, done: bool = True):
        self.claim_id, self.task_id, self.done = claim_id, task_id, done
        self.left: tuple[str | None, str | None] = (None, None)  # (done_at, done_by) as this step left them
        self.label = N_("Tick task") if done else N_("Untick task")

    def _task(self, project):
        task = next((t for t in project.tasks(self.claim_id) if t.id == self.task_id), None)
        if task is None:
            raise Conflict(N_("That verification task is no longer in the project's list; this step can no longer be undone."))
        return task

    def _tick(self, project, done: bool) -> Changes:
        changes = project.tick_task(self.claim_id, self.task_id, done)
        task = self._task(project)
        self.left = (task.done_at, task.done_by)
        return changes

    def do(self, project) -> Changes:
        changes = self._tick(project, self.done)
        label = self._task(project).label
        self.label = N_("Tick “{task}”", task=label) if self.done else N_("Untick “{task}”", task=label)
        return changes

    def _expect(self, project, state: tuple[str | None, str | None]) -> None:
        task = self._task(project)
        if (task.done_at, task.done_by) != state:
            raise Conflict(N_("This task was ticked or unticked elsewhere since this step; it can no longer be undone."))

    def undo(self, project) -> Changes:
        self._expect(project, self.left)
        return self._tick(project, not self.done)

    def redo(self, project) -> Changes:
        self._expect(project, self.left)
        return self._tick(project, self.done)


class Merge(Command):
    """Merge another copy of the project, or a hand-off file (``core.merge``): one transaction, one undo step.

    Undo takes the merge back whole (``merge.undo``: its events leave the end of the
    log, its rows and values go back) while it is still the last thing done; after any
    other change it refuses, as other steps do when the project moved on. Redo merges the
    same plan again.
    """

    def __init__(self, plan, resolutions: dict | None = None):
        self.plan, self.resolutions = plan, dict(resolutions or {})
        self.label = N_("Merge {name}", name=plan.other.name)
        self.journal = None

    def do(self, project) -> Changes:
        from factcheck.core import merge

        changes = merge.apply(project, self.plan, self.resolutions)
        self.journal = self.plan.journal
        return changes

    def undo(self, project) -> Changes:
        from factcheck.core import merge

        return merge.undo(project, self.journal)
