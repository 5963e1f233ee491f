"""Events in plain words, for a claim's history (the History tab and ``factcheck history``)."""

from __future__ import annotations

import json
import pathlib

from factcheck.core import model, ratings
from factcheck.core.text import N_

#: How each field is named to a person (history lines, "Undo Edit claim rating").
FIELD_NAMES = {
    "statement": N_("statement"), "claimant": N_("claimant"), "claim_date": N_("claim date"),
    "checkworthiness": N_("check-worthiness"), "tags": N_("tags"), "rating": N_("rating"),
    "verdict_summary": N_("verdict summary"), "rationale": N_("rationale"), "notes": N_("notes"),
    "title": N_("title"), "url": N_("URL"), "publisher": N_("publisher"), "author": N_("author"), "outlet": N_("outlet"),
    "published_at": N_("date"), "accessed_at": N_("accessed date"), "kind": N_("kind"), "reliability": N_("reliability"),
    "confidential": N_("confidential"), "language": N_("language"), "stance": N_("stance"), "quote": N_("passage"),
    "locator": N_("locator"), "note": N_("note"), "status": N_("status"), "exact": N_("quote"),
}
#: What a merge settles besides fields (``merge.UNIT_NAMES`` adds more): a row's life, a claim's place in the text.
UNITS = {"deleted": N_("deleted or kept"), "anchor": N_("quoted words")}
ACTIONS = {
    "project.create": N_("Created the project"),
    "article.import": N_("Imported the article"),
    "article.update": N_("Edited the article"),
    "article.delete": N_("Deleted the article"),
    "article.restore": N_("Restored the article"),
    "article.add_version": N_("Imported a new version of the article"),
    "claim.create": N_("Created the claim"),
    "claim.update": N_("Edited the claim"),
    "claim.delete": N_("Deleted the claim"),
    "claim.restore": N_("Restored the claim"),
    "claim.reanchor": N_("Re-anchored the claim"),
    "claim.submit": N_("Submitted for review"),
    "claim.approve": N_("Approved"),
    "claim.request_changes": N_("Requested changes"),
    "claim.publish": N_("Published"),
    "citation.create": N_("Cited a source"),
    "citation.update": N_("Edited a citation"),
    "citation.delete": N_("Removed a citation"),
    "citation.restore": N_("Restored a citation"),
    "comment.create": N_("Commented"),
    "comment.resolve": N_("Resolved a comment"),
    "comment.reopen": N_("Reopened a comment"),
    "source.create": N_("Added a source"),
    "source.update": N_("Edited a source"),
    "source.delete": N_("Deleted a source"),
    "source.restore": N_("Restored a source"),
    "settings.update": N_("Changed a setting"),
    "task.tick": N_("Ticked a verification task"),
    "project.merge": N_("Merged another copy of the project"),
    "attachment.create": N_("Attached a file"),
    "attachment.delete": N_("Removed an attached file"),
    "attachment.restore": N_("Restored an attached file"),
}


def _value(field: str, value: object, scale: ratings.Scale | None) -> str:
    if field == "rating" and scale is not None:
        rating = scale.get(value) if isinstance(value, str) else None
        return rating.label if rating else (N_("Not rated") if value in (None, "") else str(value))
    if field == "status" and value in model.STATUS_LABELS:
        return model.STATUS_LABELS[value]
    if value in (None, "", []):
        return N_("(empty)")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, str):
        text = " ".join(value.split())
        return f"“{text[:80]}…”" if len(text) > 80 else f"“{text}”"
    return json.dumps(value, ensure_ascii=False)


def changes(event: model.Event, scale: ratings.Scale | None = None, claim_id: str | None = None) -> list[str]:
    """``field: before → after`` lines of an edit (empty for other events and damaged ones); with ``claim_id``, a
    merge's lines are what it decided about that claim (``events.read_claim`` puts such merges in its history)."""
    data = event.data
    if claim_id is not None and event.action == "project.merge" and not event.damaged:
        return _merged(data, claim_id, scale)
    before, after = data.get("before"), data.get("after")
    if not isinstance(before, dict) or not isinstance(after, dict):
        return []
    return [
        N_("{field}: {before} → {after}", field=FIELD_NAMES.get(k, k), before=_value(k, before.get(k), scale),
           after=_value(k, after[k], scale))
        for k in after if k in before and k not in ("version_id",) and before.get(k) != after[k]
    ]


def _merged(data: dict, claim_id: str, scale: ratings.Scale | None) -> list[str]:
    """What a merge decided about one claim: each conflict on it as settled, and its approval if it lapsed. (A claim's
    history showed the other copy's edit last, though the merge had kept another value.)"""
    other = str(data.get("other", ""))
    lines = []
    for r in data.get("resolved") if isinstance(data.get("resolved"), list) else ():
        if not (isinstance(r, dict) and r.get("table") == "claims" and r.get("id") == claim_id):
            continue
        field = str(r.get("field", ""))
        name = FIELD_NAMES.get(field) or UNITS.get(field, field)
        chose, known = r.get("chose"), "value" in r and field not in UNITS
        value = _value(field, r.get("value"), scale) if known else ""
        if chose == "edited" and "value" in r:
            lines.append(N_("{field}: changed in both copies; set to {value}", field=name, value=value))
        elif chose == "theirs":
            lines.append(N_("{field}: changed in both copies; took {value} from {other}", field=name, value=value,
                            other=other) if known and other else
                         N_("{field}: changed in both copies; took the other copy's", field=name))
        elif chose == "ours":
            lines.append(N_("{field}: changed in both copies; kept {value}", field=name, value=value) if known else
                         N_("{field}: changed in both copies; kept the value of the copy merged into", field=name))
    for r in data.get("lapsed") if isinstance(data.get("lapsed"), list) else ():
        if isinstance(r, dict) and r.get("claim") == claim_id:
            lines.append(N_("The approval lapsed: back to review (its comment says why)"))
    return lines


def describe(event: model.Event, scale: ratings.Scale | None = None) -> str:
    """One line: what happened, with the detail a reviewer needs (or which event is damaged, and how)."""
    if event.damaged:
        return N_("Damaged event {seq}: {problem}", seq=event.seq, problem=event.damaged)
    data = event.data
    text = ACTIONS.get(event.action, event.action)
    if event.action == "claim.request_changes" and data.get("comment"):
        text = N_("Requested changes: {comment}", comment=data["comment"])
    elif event.action == "task.tick":
        task = data.get("label", "")
        text = N_("Ticked the task “{task}”", task=task) if data.get("done") else N_("Unticked the task “{task}”", task=task)
    elif event.action == "claim.update" and isinstance(data.get("based_on"), dict):
        text = N_("Used an earlier verdict, {based_on}", based_on=based_on(data["based_on"]))
    elif event.action == "claim.update" and data.get("reason"):
        if data.get("correction_id"):
            text = N_("Edited the claim (reason: {reason}); public correction recorded", reason=data["reason"])
        else:
            text = N_("Edited the claim (reason: {reason})", reason=data["reason"])
    elif event.action == "attachment.create" and isinstance(data.get("after"), dict) and data["after"].get("name"):
        after = data["after"]
        text = N_("Attached “{name}” (SHA-256 {sha})", name=after["name"], sha=str(after.get("sha256", ""))[:12])
    elif event.action in ("attachment.delete", "attachment.restore") and data.get("name"):
        text = (N_("Removed the attached file “{name}”", name=data["name"]) if event.action == "attachment.delete"
                else N_("Restored the attached file “{name}”", name=data["name"]))
    elif event.action == "citation.create" and data.get("source_title"):
        text = N_("Cited a source: {source}", source=data["source_title"])
    elif event.action == "comment.create" and data.get("body"):
        if data.get("kind") == "note":
            text = N_("Private note: {body}", body=data["body"])
        elif data.get("parent_id"):
            text = N_("Replied: {body}", body=data["body"])
        else:
            text = N_("Commented: {body}", body=data["body"])
    elif event.action == "project.merge" and isinstance(data.get("incoming"), int):
        text = N_("Merged {name}: {n} changes came in, {c} conflicts settled, {l} approvals lapsed",
                  name=data.get("other", ""), n=data["incoming"], c=len(data.get("resolved", ())),
                  l=len(data.get("lapsed", ())))
    elif event.action == "claim.create" and isinstance(data.get("after"), dict):
        text = N_("Created the claim: “{quote}”", quote=data["after"].get("exact", ""))
    elif event.action == "claim.delete" and data.get("correction_id"):
        text = _retracted(data.get("retracted_from", ""), data.get("reason", ""))
    elif event.action == "claim.reanchor" and isinstance(data.get("after"), dict) and data["after"].get("exact"):
        quote = data["after"]["exact"]
        if not data.get("reason"):
            text = N_("Re-anchored the claim to “{quote}”", quote=quote)
        elif data.get("correction_id"):
            text = N_("Re-anchored the claim to “{quote}”; sent back to review ({reason}); public correction recorded",
                      quote=quote, reason=data["reason"])
        else:
            text = N_("Re-anchored the claim to “{quote}”; sent back to review ({reason})", quote=quote,
                      reason=data["reason"])
    return text


def based_on(value: dict) -> str:
    """``based on the check of 2025-10-24 (where)``: a verdict copied from an earlier check (``core/reuse.py``)."""
    where = str(value.get("url") or "") or pathlib.PurePath(str(value.get("project") or "")).name \
        or str(value.get("by") or "")
    date = str(value.get("date") or "")
    if date and where:
        return N_("based on the check of {date} ({where})", date=date, where=where)
    if date:
        return N_("based on the check of {date}", date=date)
    return N_("based on an earlier check ({where})", where=where) if where else N_("based on an earlier check")


def _retracted(status: str, reason: object) -> str:
    """A retraction in the history, by the status the verdict was withdrawn from."""
    if status == model.APPROVED:
        return N_("Retracted the approved verdict (reason: {reason}); public retraction recorded", reason=reason)
    if status == model.PUBLISHED:
        return N_("Retracted the published verdict (reason: {reason}); public retraction recorded", reason=reason)
    if status in model.STATUS_LABELS:  # not a signed-off status: a file written by hand
        return N_("Retracted the {status} verdict (reason: {reason}); public retraction recorded",
                  status=model.STATUS_LABELS[status].lower(), reason=reason)
    return N_("Retracted the signed-off verdict (reason: {reason}); public retraction recorded", reason=reason)
