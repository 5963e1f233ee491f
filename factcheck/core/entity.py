"""The base of the per-entity managers (``Project.articles_``, ``claims_``, ...).

A manager holds the SQL of its own tables and the rules that guard them. It reaches the
file only through the public ``Store`` and appends events through ``core.events``; what
it needs of another entity it asks of that entity's manager through the project.
"""

from __future__ import annotations

from factcheck.core import events


class Manager:
    def __init__(self, project):
        self.project = project
        self.store = project.store

    @property
    def user(self) -> str:
        return self.project.user

    def log(self, action: str, entity: str, entity_id: str, data: dict) -> int:
        """Append the event of the action under way; call inside ``store.transaction()``."""
        return events.append(self.store, self.project.user, action, entity, entity_id, data)
