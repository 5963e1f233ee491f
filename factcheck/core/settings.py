"""Project settings: a small key/value table, validated, cached, and undone like any edit."""

from __future__ import annotations

import json

from factcheck.core import events, fields, model, ratings
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
    # Where fact-checks are published, e.g. "https://checks.example.org/{article}#claim-{claim}":
    # ClaimReview's url for an article without a published URL of its own.
    "factcheck_url_pattern": "",
    # The organisation's logo: the SHA-256 of an image stored in the project's blobs.
    "organisation_logo": "",
    "report_language": "en",
    # Verification tasks every claim shows as a checklist: [{"id", "label", "required"}].
    "tasks": [],
}
REPORT_LANGUAGES = {"en": "English", "es": "Español"}
URL_PLACEHOLDERS = ("{article}", "{claim}", "{number}")


def clean(key: str, value: object) -> object:
    """The value ``key`` will hold, or ``InvalidInput``."""
    if key not in DEFAULTS:
        raise InvalidInput(f"There is no project setting called {key!r}.")
    if key == "four_eyes":
        if not isinstance(value, bool):
            raise InvalidInput("Four-eyes is either on (true) or off (false).")
        return value
    if key == "tasks":
        return clean_tasks(value)
    if not isinstance(value, str):
        raise InvalidInput(f"The {key.replace('_', ' ')} setting is text.")
    if key == "report_language":
        if value not in REPORT_LANGUAGES:
            raise InvalidInput(f"Reports can be written in: {', '.join(REPORT_LANGUAGES.values())}.")
        return value
    if key == "organisation_logo":
        if value and (len(value) != 64 or any(c not in "0123456789abcdef" for c in value)):
            raise InvalidInput("The logo is stored as the SHA-256 of an image in the project.")
        return value
    if key == "factcheck_url_pattern":
        return url_pattern(value)
    if key == "rating_scale":
        ratings.scale(value)
        return value
    if key == "organisation_url":
        return fields.url(value, "organisation's URL")
    if key == "methodology":
        return fields.text(value, "methodology", strip=False)
    return fields.line(value, key.replace("_", " "))


def url_pattern(value: str) -> str:
    """A fact-check URL pattern: an http(s) URL once its placeholders are filled in."""
    value = fields.line(value, "fact-check URL pattern")
    if not value:
        return ""
    example = value
    for placeholder in URL_PLACEHOLDERS:
        example = example.replace(placeholder, "x")
    if "{" in example or "}" in example:
        raise InvalidInput(
            "The fact-check URL pattern can only use " + ", ".join(URL_PLACEHOLDERS) + " as placeholders."
        )
    fields.url(example, "fact-check URL pattern")
    return value


def clean_tasks(value: object) -> list[dict]:
    """The verification-task template: labels kept in order, ids stable, duplicates refused."""
    if not isinstance(value, list):
        raise InvalidInput("The verification tasks are a list.")
    out: list[dict] = []
    seen_ids, seen_labels = set(), set()
    for item in value:
        if isinstance(item, str):
            item = {"label": item}
        if not isinstance(item, dict):
            raise InvalidInput("Each verification task has a label.")
        label = fields.line(item.get("label", ""), "task", limit=200)
        if not label:
            continue
        if label.casefold() in seen_labels:
            raise InvalidInput(f"The task “{label}” is listed twice.")
        task_id = str(item.get("id") or "") or model.new_id()
        if task_id in seen_ids:
            raise InvalidInput(f"The task “{label}” has the id of another task.")
        seen_ids.add(task_id)
        seen_labels.add(label.casefold())
        out.append({"id": task_id, "label": label, "required": bool(item.get("required", False))})
    return out


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
