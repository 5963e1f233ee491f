"""Project settings: a small key/value table, validated, cached, and undone like any edit."""

from __future__ import annotations

import hashlib
import json
import os
import pathlib
import re

from factcheck.core import events, fields, model, ratings
from factcheck.core.entity import Manager
from factcheck.core.errors import InvalidInput, KnownError, NotFound
from factcheck.core.model import Changes, What
from factcheck.core.text import N_

#: A project's settings and their defaults.
DEFAULTS = {
    "organisation_name": "",
    "organisation_url": "",
    "methodology": "",
    "rating_scale": ratings.DEFAULT_SCALE,
    "four_eyes": True,
    # Reports name who checked each claim ("Checked by …"): a desk whose checkers are not named in public turns it off.
    "credit_checkers": True,
    # Where fact-checks are published, e.g. "https://checks.example.org/{article}#claim-{claim}":
    # ClaimReview's url for an article without a published URL of its own.
    "factcheck_url_pattern": "",
    # The organisation's logo: the SHA-256 of an image stored in the project's blobs.
    "organisation_logo": "",
    "report_language": "en",
    # Verification tasks every claim shows as a checklist: [{"id", "label", "required"}].
    "tasks": [],
    # The bundled demo project (written by factcheck.demo): the app says it holds example data.
    "demo": False,
}
#: How each setting is named to a person ("Undo Change report language", refusals).
NAMES = {
    "organisation_name": N_("organisation name"), "organisation_url": N_("organisation url"),
    "methodology": N_("methodology"), "rating_scale": N_("rating scale"), "four_eyes": N_("four eyes"),
    "credit_checkers": N_("credit checkers"),
    "factcheck_url_pattern": N_("factcheck url pattern"), "organisation_logo": N_("organisation logo"),
    "report_language": N_("report language"), "tasks": N_("tasks"), "demo": N_("demo"),
}
REPORT_LANGUAGES = {"en": "English", "es": "Español"}
URL_PLACEHOLDERS = ("{article}", "{claim}")

#: The largest logo accepted: a report embeds it in every page it writes.
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/svg+xml": "SVG"}
_SVG_HEAD = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+svg[^>\[]*>\s*)?"
    rb"(?:<!--.*?-->\s*)*<svg[\s>]", re.S | re.I)
_SVG_ACTIVE = re.compile(rb"""<script|<!ENTITY|<foreignObject|\son[a-z]+\s*=\s*["']|javascript:""", re.I)


def clean(key: str, value: object) -> object:
    """The value ``key`` will hold, or ``InvalidInput``."""
    if key not in DEFAULTS:
        raise InvalidInput(N_("There is no project setting called {name}.", name=repr(key)))
    if key == "four_eyes":
        if not isinstance(value, bool):
            raise InvalidInput(N_("Four-eyes is either on (true) or off (false)."))
        return value
    if key == "credit_checkers":
        if not isinstance(value, bool):
            raise InvalidInput(N_("Crediting checkers in reports is either on (true) or off (false)."))
        return value
    if key == "demo":
        if not isinstance(value, bool):
            raise InvalidInput(N_("The demo setting is either on (true) or off (false)."))
        return value
    if key == "tasks":
        return clean_tasks(value)
    if not isinstance(value, str):
        raise InvalidInput(N_("The {setting} setting is text.", setting=NAMES.get(key, key.replace("_", " "))))
    if key == "report_language":
        if value not in REPORT_LANGUAGES:
            raise InvalidInput(N_("Reports can be written in: {languages}.", languages=", ".join(REPORT_LANGUAGES.values())))
        return value
    if key == "organisation_logo":
        if value and (len(value) != 64 or any(c not in "0123456789abcdef" for c in value)):
            raise InvalidInput(N_("The logo is stored as the SHA-256 of an image in the project."))
        return value
    if key == "factcheck_url_pattern":
        return url_pattern(value)
    if key == "rating_scale":
        ratings.scale(value)
        return value
    if key == "organisation_url":
        return fields.url(value, N_("organisation's URL"))
    if key == "methodology":
        return fields.text(value, N_("methodology"), strip=False)
    return fields.line(value, NAMES.get(key, key.replace("_", " ")))


_PATTERN = N_("fact-check URL pattern")


def url_pattern(value: str) -> str:
    """A fact-check URL pattern: an http(s) URL once its placeholders are filled in."""
    value = fields.line(value, _PATTERN)
    if not value:
        return ""
    if "{number}" in value:
        raise InvalidInput(N_(
            "A claim's number changes as claims are added or chosen for export, so a published URL made "
            "with {number} could later point at another verdict; use {claim}, the claim's id, instead."
        ))
    example = value
    for placeholder in URL_PLACEHOLDERS:
        example = example.replace(placeholder, "x")
    if "{" in example or "}" in example:
        raise InvalidInput(N_("The fact-check URL pattern can only use {placeholders} as placeholders.",
                              placeholders=", ".join(URL_PLACEHOLDERS)))
    if fields.url(example, _PATTERN) != example:
        value = "https://" + value  # "checks.example.org/{article}": what everyone means, as fields.url reads it
    return value


def fill_url_pattern(pattern: str, article_id: str, claim_id: str) -> str:
    """The published URL of one claim's fact-check from the pattern ('' without a pattern).

    Only ids go in, so a URL once published keeps naming the same verdict. A pattern
    without ``{claim}`` gets ``#claim-<id>`` so each claim's review has a URL of its own.
    """
    if not pattern:
        return ""
    url = pattern.replace("{article}", article_id).replace("{claim}", claim_id)
    if "{claim}" not in pattern:
        url = url.split("#", 1)[0] + f"#claim-{claim_id}"
    return url


def logo_type(data: bytes) -> str:
    """The MIME type of a logo by its first bytes (PNG, JPEG or SVG), or ``InvalidInput``.

    An SVG with scripts, event handlers or entity declarations is refused: a logo is
    shown in reports and must be a picture, nothing else.
    """
    if not data:
        raise InvalidInput(N_("The logo file is empty."))
    if len(data) > LOGO_MAX_BYTES:
        raise InvalidInput(N_("The logo is {size} MB; the limit is {limit} MB.",
                              size=f"{len(data) / 1024 / 1024:.1f}", limit=LOGO_MAX_BYTES // 1024 // 1024))
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if _SVG_HEAD.match(data[:4096]):
        if _SVG_ACTIVE.search(data):
            raise InvalidInput(N_("The SVG logo contains scripts or embedded content; save it as a plain picture."))
        return "image/svg+xml"
    raise InvalidInput(N_("The logo must be a PNG, JPEG or SVG image."))


def read_logo(path: str | os.PathLike) -> bytes:
    """An image file's bytes, checked as a logo (type and size) before it is read whole."""
    path = pathlib.Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InvalidInput(N_("{name} is a folder, not an image.", name=path.name))
        if size > LOGO_MAX_BYTES:
            raise InvalidInput(N_("{name} is {size} MB; a logo can be at most {limit} MB.", name=path.name,
                                  size=f"{size / 1024 / 1024:.1f}", limit=LOGO_MAX_BYTES // 1024 // 1024))
        with path.open("rb") as file:
            data = file.read(LOGO_MAX_BYTES + 1)
    except OSError as exc:
        raise KnownError(N_("Cannot read {name}: {error}.", name=path.name, error=str(exc.strerror or exc))) from None
    logo_type(data)
    return data


def clean_tasks(value: object) -> list[dict]:
    """The verification-task template: labels kept in order, ids stable, duplicates refused."""
    if not isinstance(value, list):
        raise InvalidInput(N_("The verification tasks are a list."))
    out: list[dict] = []
    seen_ids, seen_labels = set(), set()
    for item in value:
        if isinstance(item, str):
            item = {"label": item}
        if not isinstance(item, dict):
            raise InvalidInput(N_("Each verification task has a label."))
        label = fields.line(item.get("label", ""), N_("task"), limit=200)
        if not label:
            continue
        if label.casefold() in seen_labels:
            raise InvalidInput(N_("The task “{label}” is listed twice.", label=label))
        task_id = str(item.get("id") or "") or model.new_id()
        if task_id in seen_ids:
            raise InvalidInput(N_("The task “{label}” has the id of another task.", label=label))
        seen_ids.add(task_id)
        seen_labels.add(label.casefold())
        out.append({"id": task_id, "label": label, "required": bool(item.get("required", False))})
    return out


class Settings(Manager):
    def __init__(self, project):
        super().__init__(project)
        self._cache: dict[str, object] | None = None
        self._sync_role: str | None = None
        self.store.on_rollback(self.forget)

    def forget(self) -> None:
        """Read the settings again next time (another window may have changed them)."""
        self._cache = None

    def all(self) -> dict[str, object]:
        return dict(self._values())

    def _values(self) -> dict[str, object]:
        """The cached settings, read from the file when needed (callers must not change them)."""
        if self._cache is None:
            values = dict(DEFAULTS)
            self._sync_role = None
            # The login's role on the sync server comes in the same read: the review rules ask it as often.
            for key, raw in self.store.read("SELECT key, value FROM settings UNION ALL "
                                            "SELECT '', value FROM sync_state WHERE key = 'role'"):
                if key == "":
                    self._sync_role = raw
                    continue
                try:
                    values[key] = json.loads(raw)
                except ValueError:
                    pass  # a damaged value reads as its default; verify names the file as damaged
            self._cache = values
        return self._cache

    def get(self, key: str) -> object:
        return self._values().get(key)

    def sync_role(self) -> str | None:
        """This login's role on the project's sync server ("editor", "checker", "none"), None when it does not sync."""
        self._values()
        return self._sync_role

    def create_defaults(self) -> None:
        """Write every default (inside the project's creating transaction)."""
        for key, value in DEFAULTS.items():
            self.store.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (key, events.canonical(value)))

    def set(self, key: str, value: object) -> Changes:
        value = clean(key, value)
        with self.store.transaction():
            if key == "organisation_logo" and value and self.store.read_one(
                    "SELECT 1 FROM blobs WHERE sha256 = ? AND mime IN (?, ?, ?)", (value, *LOGO_TYPES)) is None:
                raise NotFound(N_("That logo is not stored in this project; choose the image file again."))
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

    def set_logo(self, image: bytes | str | os.PathLike | None, filename: str = "") -> Changes:
        """Make an image the organisation's logo (None: no logo).

        The image (a PNG, JPEG or SVG of at most ``LOGO_MAX_BYTES``, checked by its bytes)
        is stored once in the project's blobs by its SHA-256; the setting
        ``organisation_logo`` names it. A path is read here; bytes are taken as they are.
        """
        if image is None:
            return self.set("organisation_logo", "")
        if not isinstance(image, bytes):
            filename = filename or pathlib.Path(image).name
            image = read_logo(image)
        mime = logo_type(image)
        filename = fields.line(filename, N_("logo's file name"), limit=255)
        digest = hashlib.sha256(image).hexdigest()
        with self.store.transaction():
            self.store.execute(
                "INSERT OR IGNORE INTO blobs (sha256, mime, size, filename, data) VALUES (?, ?, ?, ?, ?)",
                (digest, mime, len(image), filename, image),
            )
            return self.set("organisation_logo", digest)

    def logo(self) -> tuple[bytes, str] | None:
        """The organisation's logo as (bytes, MIME type), or None when there is none."""
        digest = self.get("organisation_logo")
        if not digest:
            return None
        row = self.store.read_one("SELECT data, mime FROM blobs WHERE sha256 = ?", (digest,))
        return (bytes(row[0]), row[1]) if row else None

    @property
    def scale(self) -> ratings.Scale:
        return ratings.scale(str(self.get("rating_scale")))
