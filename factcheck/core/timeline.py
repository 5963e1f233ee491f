"""Events in plain words, for a claim's history (the History tab and ``factcheck history``)."""

from __future__ import annotations

import json

from factcheck.core import model, ratings

#: How each field is named to a person (history lines, "Undo Edit claim rating").
FIELD_NAMES = {
    "statement": "statement", "claimant": "claimant", "claim_date": "claim date",
    "checkworthiness": "check-worthiness", "tags": "tags", "rating": "rating",
    "verdict_summary": "verdict summary", "rationale": "rationale", "notes": "notes",
    "title": "title", "url": "URL", "publisher": "publisher", "author": "author", "outlet": "outlet",
    "published_at": "date", "accessed_at": "accessed date", "kind": "kind", "reliability": "reliability",
    "confidential": "confidential", "language": "language", "stance": "stance", "quote": "passage",
    "locator": "locator", "note": "note", "status": "status", "exact": "quote",
}
ACTIONS = {
    "project.create": "Created the project",
    "article.import": "Imported the article",
    "article.update": "Edited the article",
    "article.delete": "Deleted the article",
    "article.restore": "Restored the article",
    "article.add_version": "Imported a new version of the article",
    "claim.create": "Created the claim",
    "claim.update": "Edited the claim",
    "claim.delete": "Deleted the claim",
    "claim.restore": "Restored the claim",
    "claim.reanchor": "Re-anchored the claim",
    "claim.submit": "Submitted for review",
    "claim.approve": "Approved",
    "claim.request_changes": "Requested changes",
    "claim.publish": "Published",
    "citation.create": "Cited a source",
    "citation.update": "Edited a citation",
    "citation.delete": "Removed a citation",
    "citation.restore": "Restored a citation",
    "comment.create": "Commented",
    "comment.resolve": "Resolved a comment",
    "comment.reopen": "Reopened a comment",
    "source.create": "Added a source",
    "source.update": "Edited a source",
    "source.delete": "Deleted a source",
    "source.restore": "Restored a source",
    "settings.update": "Changed a setting",
    "task.tick": "Ticked a verification task",
}


def _value(field: str, value: object, scale: ratings.Scale | None) -> str:
    if field == "rating" and scale is not None:
        rating = scale.get(value) if isinstance(value, str) else None
        return rating.label if rating else ("Not rated" if value in (None, "") else str(value))
    if field == "status" and value in model.STATUS_LABELS:
        return model.STATUS_LABELS[value]
    if value in (None, "", []):
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, str):
        text = " ".join(value.split())
        return f"“{text[:80]}…”" if len(text) > 80 else f"“{text}”"
    return json.dumps(value, ensure_ascii=False)


def changes(event: model.Event, scale: ratings.Scale | None = None) -> list[str]:
    """``field: before → after`` lines of an edit (empty for other events and damaged ones)."""
    data = event.data
    before, after = data.get("before"), data.get("after")
    if not isinstance(before, dict) or not isinstance(after, dict):
        return []
    return [
        f"{FIELD_NAMES.get(k, k)}: {_value(k, before.get(k), scale)} → {_value(k, after[k], scale)}"
        for k in after if k in before and k not in ("version_id",) and before.get(k) != after[k]
    ]


def describe(event: model.Event, scale: ratings.Scale | None = None) -> str:
    """One line: what happened, with the detail a reviewer needs (or which event is damaged, and how)."""
    if event.damaged:
        return f"Damaged event {event.seq}: {event.damaged}"
    data = event.data
    text = ACTIONS.get(event.action, event.action)
    if event.action == "claim.request_changes" and data.get("comment"):
        text += f": {data['comment']}"
    elif event.action == "task.tick":
        text = ("Ticked" if data.get("done") else "Unticked") + f" the task “{data.get('label', '')}”"
    elif event.action == "claim.update" and data.get("reason"):
        text += f" (reason: {data['reason']})"
        if data.get("correction_id"):
            text += "; public correction recorded"
    elif event.action == "citation.create" and data.get("source_title"):
        text += f": {data['source_title']}"
    elif event.action == "comment.create" and data.get("body"):
        kind = "Private note" if data.get("kind") == "note" else ("Replied" if data.get("parent_id") else "Commented")
        text = f"{kind}: {data['body']}"
    elif event.action == "claim.create" and isinstance(data.get("after"), dict):
        text += f": “{data['after'].get('exact', '')}”"
    elif event.action == "claim.delete" and data.get("correction_id"):
        status = model.STATUS_LABELS.get(data.get("retracted_from", ""), "signed-off").lower()
        text = f"Retracted the {status} verdict (reason: {data.get('reason', '')}); public retraction recorded"
    elif event.action == "claim.reanchor" and isinstance(data.get("after"), dict) and data["after"].get("exact"):
        text += f" to “{data['after']['exact']}”"
        if data.get("reason"):
            text += f"; sent back to review ({data['reason']})"
            if data.get("correction_id"):
                text += "; public correction recorded"
    return text
