"""Project settings: a small key/value table, validated, cached, and undone like any edit."""

from __future__ import annotations

import json

from factcheck.core import events, fields, ratings
from factcheck.core.entity import Manager
from factcheck.core.errors import InvalidInput
from factcheck.core.model import Changes, What

#: A project's settings and their defaults.
DEFAULTS = {
    "organisation_name": "",
    "organisation_url": "",
    "methodology": "",
    "rating_scale": ratings.DEFAULT_SCALE,
    "four_eyes": True,
}


def clean(key: str, value: object) -> object:
    """The value ``key`` will hold, or ``InvalidInput``."""
    if key not in DEFAULTS:
        raise InvalidInput(f"There is no project setting called {key!r}.")
    if key == "four_eyes":
        if not isinstance(value, bool):
            raise InvalidInput("Four-eyes is either on (true) or off (false).")
        return value
    if not isinstance(value, str):
        raise InvalidInput(f"The {key.replace('_', ' ')} setting is text.")
    if key == "rating_scale":
        ratings.scale(value)
        return value
    if key == "organisation_url":
        return fields.url(value, "organisation's URL")
    if key == "methodology":
        return fields.text(value, "methodology", strip=False)
    return fields.line(value, key.replace("_", " "))


class Settings(Manager):
    def __init__(self, project):
        super().__init__(project)
        self._cache: dict[str, object] | None = None
        self.store.on_rollback(self.forget)

    def forget(self) -> None:
        """Read the settings again next time (another window may have changed them)."""
        self._cache = None

    def all(self) -> dict[str, object]:
        if self._cache is None:
            values = dict(DEFAULTS)
            for key, raw in self.store.read("SELECT key, value FROM settings"):
                try:
                    values[key] = json.loads(raw)
                except ValueError:
                    pass  # a damaged value reads as its default; verify names the file as damaged
            self._cache = values
        return dict(self._cache)

    def get(self, key: str) -> object:
        return self.all().get(key)

    def create_defaults(self) -> None:
        """Write every default (inside the project's creating transaction)."""
        for key, value in DEFAULTS.items():
            self.store.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (key, events.canonical(value)))

    def set(self, key: str, value: object) -> Changes:
        value = clean(key, value)
        with self.store.transaction():
            # Compare with the file, not the cache: another window may have changed it.
            self._cache = None
            before = self.get(key)
            if before == value:
                return Changes(action="settings.update")
            self.store.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, events.canonical(value)),
            )
            seq = self.log("settings.update", "settings", key, {"before": before, "after": value})
            self._cache = None
        return Changes(action="settings.update", what=What.SETTINGS, event_seq=seq)

    @property
    def scale(self) -> ratings.Scale:
        return ratings.scale(str(self.get("rating_scale")))
