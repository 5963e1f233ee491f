"""What an event changed, in *units*: a claim's rating, its anchor, its review status, whether a row is deleted...

``touches`` reads one event into (table, row id, unit, the value it left). The merge
(``merge.py``) compares the units each side changed since two copies parted, and a
hand-off (``handoff.py``) finds from them which rows it must carry. Kept apart from both
so that neither imports the other for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.core import model, workflow

UNKNOWN = object()
CREATED = "*"

_CLAIM_DEFAULTS = {"statement": "", "claimant": "", "claim_date": "", "checkworthiness": None, "tags": [],
                   "rating": None, "verdict_summary": "", "rationale": "", "notes": ""}
_SOURCE_DEFAULTS = {"title": "", "url": "", "publisher": "", "author": "", "published_at": "", "accessed_at": "",
                    "kind": "document", "reliability": "", "confidential": False, "notes": ""}
_CITATION_FIELDS = ("stance", "quote", "locator", "note")
_ARTICLE_FIELDS = ("title", "outlet", "author", "url", "published_at", "language", "factcheck_url")


def _created(table: str, row_id: str, defaults: dict, after: dict):
    """The units of a row made whole by one event: it exists, each field as made, not deleted."""
    yield table, row_id, CREATED, None
    for field, default in defaults.items():
        yield table, row_id, field, after.get(field, default)
    yield table, row_id, "deleted", False


def touches(action: str, entity_id: str, data: dict) -> Iterator[tuple[str, str, str, object]]:
    """(table, row id, unit, value it left or UNKNOWN) for every unit an event changed."""
    after = data.get("after") if isinstance(data.get("after"), dict) else {}
    if action == "project.create":
        for key, value in (data.get("settings") or {}).items():
            yield "settings", key, "value", value
    elif action == "settings.update":
        yield "settings", entity_id, "value", data.get("after")
    elif action == "project.merge":
        for entry in data.get("units", ()):
            yield entry[0], entry[1], entry[2], entry[3]
    elif action == "article.import":
        yield from _created("articles", entity_id, dict.fromkeys(_ARTICLE_FIELDS, ""), after)
    elif action == "article.update":
        for field, value in after.items():
            yield "articles", entity_id, field, value
    elif action in ("article.delete", "article.restore"):
        yield "articles", entity_id, "deleted", action == "article.delete"
    elif action == "article.add_version":
        for claim_id in data.get("claims", {}):
            yield "claims", claim_id, "anchor", UNKNOWN
    elif action == "claim.create":
        yield "claims", entity_id, CREATED, None
        for field, default in _CLAIM_DEFAULTS.items():
            yield "claims", entity_id, field, after.get(field, default)
        yield "claims", entity_id, "anchor", [after.get(k) for k in ("version_id", "start", "end", "exact")]
        yield "claims", entity_id, "status", model.DRAFT
        yield "claims", entity_id, "deleted", False
    elif action == "claim.update":
        for field, value in after.items():
            yield "claims", entity_id, field, value
        if data.get("reopened_from"):
            yield "claims", entity_id, "status", model.IN_REVIEW
    elif action in ("claim.delete", "claim.restore"):
        yield "claims", entity_id, "deleted", action == "claim.delete"
    elif action == "claim.reanchor":
        yield "claims", entity_id, "anchor", [after.get(k) for k in ("version_id", "start", "end", "exact")]
        if data.get("reopened_from"):
            yield "claims", entity_id, "status", model.IN_REVIEW
    elif action.startswith("claim.") and action[6:] in workflow.TRANSITIONS:
        yield "claims", entity_id, "status", after.get("status", UNKNOWN)
    elif action in ("comment.resolve", "comment.reopen"):
        yield "comments", data["comment_id"], "resolved", action == "comment.resolve"
    elif action == "task.tick":
        yield "claim_tasks", f"{entity_id} {data['task_id']}", "done", bool(data.get("done"))
    elif action == "source.create":
        yield from _created("sources", entity_id, _SOURCE_DEFAULTS, after)
    elif action == "source.update":
        for field, value in after.items():
            yield "sources", entity_id, field, value
    elif action in ("source.delete", "source.restore"):
        deleted = action == "source.delete"
        yield "sources", entity_id, "deleted", deleted
        for citation_id in data.get("citations", ()):
            yield "citations", citation_id, "deleted", deleted
    elif action == "citation.create":
        citation_id = data["citation_id"]
        yield from _created("citations", citation_id, dict.fromkeys(_CITATION_FIELDS, ""), after)
    elif action == "citation.update":
        for field, value in after.items():
            yield "citations", data["citation_id"], field, value
    elif action in ("citation.delete", "citation.restore"):
        yield "citations", data["citation_id"], "deleted", action == "citation.delete"
    elif action == "attachment.create":
        yield from _created("attachments", data["attachment_id"], {"note": ""}, after)
    elif action in ("attachment.delete", "attachment.restore"):
        yield "attachments", data["attachment_id"], "deleted", action == "attachment.delete"
