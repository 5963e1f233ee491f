"""Claims: made from a selection, edited field by field, deleted and restored, re-anchored.

A signed-off (approved or published) verdict is protected: deleting its claim is a
retraction (a reason, a public correction of kind ``retraction``, refused to whoever may
not approve it), and changing the words under it sends it back to review.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from factcheck.core import events, fields, later, model, review, workflow
from factcheck.core.entity import Manager
from factcheck.core.errors import Conflict, InvalidInput, NotFound
from factcheck.core.model import Changes, What
from factcheck.core.text import N_

anchoring = later.Module("factcheck.core.anchoring")  # making and moving claims: listing them does not load it

COLUMNS = (
    'id, article_id, version_id, start, "end", exact, prefix, suffix, anchor_state, statement, '
    "claimant, claim_date, checkworthiness, tags, rating, verdict_summary, rationale, notes, "
    "status, created_at, created_by, updated_at, updated_by, approved_at, approved_by, "
    "deleted_at, revision, verdict_by, submitted_at, submitted_by, published_at, published_by"
)
_PREFIXED = ", ".join("c." + c.strip() for c in COLUMNS.split(","))
#: Longest statement, claimant... (a statement is a sentence; the limit stops pasted books).
_LINE_LIMIT = 5_000
#: How a refusal names each text field.
_LABELS = {
    "statement": N_("statement"), "claimant": N_("claimant"), "verdict_summary": N_("verdict summary"),
    "rationale": N_("rationale"), "notes": N_("notes"),
}


class RetractionNeeded(InvalidInput):
    """A signed-off verdict was to be deleted without a reason: that is a retraction."""


#: ``model.Claim``'s fields, in ``COLUMNS``' order.
_FIELDS = tuple(f.name for f in dataclasses.fields(model.Claim))


def from_row(row: sqlite3.Row | tuple) -> model.Claim:
    """A claim from a row of ``COLUMNS``.

    Filled in directly rather than through the frozen dataclass's ``__init__``, which sets
    each of its 32 fields through ``object.__setattr__``: that was most of the cost of
    reading a batch of claims (an export of 100,000 reads every claim several times).
    """
    claim = object.__new__(model.Claim)
    values = claim.__dict__
    values.update(zip(_FIELDS, row))
    tags = values["tags"]
    values["tags"] = tuple(json.loads(tags)) if tags and tags != "[]" else ()
    return claim


def clean(values: dict[str, object], scale, *, restore: bool = False) -> dict[str, object]:
    """Claim fields as stored, or ``InvalidInput`` naming the first bad one.

    ``restore``: the values are ones the file held before (an undo puts them back), so
    they are not judged again by rules that may be newer than they are.
    """
    unknown = set(values) - set(model.CLAIM_EDITABLE)
    if unknown:
        raise InvalidInput(N_("Claims have no field {name}.", name=repr(sorted(unknown)[0])))
    out: dict[str, object] = {}
    for key, value in values.items():
        if restore:
            out[key] = events.canonical(list(value or [])) if key == "tags" else value
        elif key == "tags":
            out[key] = events.canonical(fields.tags(value))
        elif key == "rating":
            if value in ("", None):
                out[key] = None
            elif value not in scale:
                raise InvalidInput(N_("{value} is not a rating on the {scale} scale.", value=repr(value), scale=scale.name))
            else:
                out[key] = value
        elif key == "checkworthiness":
            out[key] = fields.checkworthiness(value)
        elif key == "claim_date":
            out[key] = fields.date(value, N_("claim date"))
        elif key in ("rationale", "notes"):
            out[key] = fields.text(value, _LABELS[key], strip=False)
        else:
            out[key] = fields.text(value, _LABELS.get(key, key.replace("_", " ")), limit=_LINE_LIMIT)
    return out


def trim(text: str, start: int, end: int, empty: str) -> tuple[int, int]:
    """A selection in ``text`` without the space around it; ``InvalidInput(empty)`` when nothing is left."""
    if not 0 <= start <= end <= len(text):
        raise InvalidInput(N_("The selection is outside the article's text."))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise InvalidInput(empty)
    return start, end


def selectors(claim: model.Claim) -> anchoring.Selectors:
    return anchoring.Selectors(
        anchoring.TextQuoteSelector(claim.exact, claim.prefix, claim.suffix),
        anchoring.TextPositionSelector(claim.start, claim.end),
    )


def _field(claim: model.Claim, key: str) -> object:
    return events.canonical(list(claim.tags)) if key == "tags" else getattr(claim, key)


class Claims(Manager):
    # --- writes -----------------------------------------------------------------------

    def create(self, version_id: str, start: int, end: int, *,
               checked_quote: anchoring.TextQuoteSelector | None = None, **values: object) -> Changes:
        """Make a claim from ``text[start:end]`` of a version, trimmed of surrounding space.

        ``checked_quote``: for a claim checked elsewhere (imported annotations) whose
        words were found only approximately here: the claim keeps the quote that was
        checked and is ``fuzzy`` until a person confirms the words under it.
        """
        articles = self.project.managers.articles
        text = articles.text(version_id)
        start, end = trim(text, start, end, N_("Select some words of the article to make a claim."))
        values = clean(values, self.project.scale)
        sel = anchoring.describe(text, start, end)
        claim_id = model.new_id()
        now = model.now()
        article_id = articles.article_of_version(version_id)
        row = {
            "id": claim_id, "article_id": article_id, "version_id": version_id, "start": start, "end": end,
            "exact": sel.quote.exact, "prefix": sel.quote.prefix, "suffix": sel.quote.suffix,
            "anchor_state": anchoring.EXACT, "statement": "", "claimant": "", "claim_date": "",
            "checkworthiness": None, "tags": "[]", "rating": None, "verdict_summary": "", "rationale": "",
            "notes": "", "status": model.DRAFT, "created_at": now, "created_by": self.user,
            "updated_at": now, "updated_by": self.user,
        }
        row.update(values)
        if checked_quote is not None and checked_quote.exact and checked_quote.exact != sel.quote.exact:
            row.update(exact=checked_quote.exact, prefix=checked_quote.prefix, suffix=checked_quote.suffix,
                       anchor_state=anchoring.FUZZY)
        if "rating" in values or "verdict_summary" in values:
            row["verdict_by"] = self.user
        columns = ", ".join(f'"{k}"' for k in row)
        with self.store.transaction():
            self.store.execute(f"INSERT INTO claims ({columns}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
            after = {k: row[k] for k in ("version_id", "start", "end", "exact", *values)}
            if "tags" in after:
                after["tags"] = json.loads(after["tags"])
            if row["anchor_state"] != anchoring.EXACT:
                after.update(prefix=row["prefix"], suffix=row["suffix"], anchor_state=row["anchor_state"])
            seq = self.log("claim.create", "claim", claim_id, {"after": after})
        return Changes(action="claim.create", what=What.ANCHORS | What.CLAIM_FIELDS,
                       articles=frozenset({article_id}), claims=frozenset({claim_id}), created=claim_id, event_seq=seq)

    def update(self, claim_id: str, *, expected_revision: int | None = None, reason: str = "",
               restore: bool = False, based_on: dict | None = None, **values: object) -> Changes:
        """Change a claim's editable fields in one step.

        ``based_on``: the earlier check the new verdict was copied from (``core/reuse.py``),
        kept in the event for the history and the report.

        Changing the rating or verdict summary of an approved or published claim sends it
        back to review and needs a ``reason``; for a published claim it also records a
        public correction (before, after, reason, who, when).
        """
        values = clean(values, self.project.scale, restore=restore)
        what = What.CLAIM_FIELDS
        with self.store.transaction():
            before = self.row(claim_id)
            if expected_revision is not None and before.revision != expected_revision:
                raise Conflict(N_("This claim was changed elsewhere since you opened it; reload it and try again."))
            current = {k: _field(before, k) for k in values}
            changed = {k: v for k, v in values.items() if current[k] != v}
            if not changed and not based_on:  # (where a verdict came from is worth an event of its own)
                return Changes(action="claim.update")
            sets = dict(changed)
            sets.update(updated_at=model.now(), updated_by=self.user)
            verdict = {k: v for k, v in changed.items() if k in workflow.VERDICT_FIELDS}
            data: dict = {"based_on": based_on} if based_on else {}
            if verdict:
                sets["verdict_by"] = self.user
                if before.status in (model.APPROVED, model.PUBLISHED):
                    if not reason.strip():
                        raise InvalidInput(N_(
                            "This verdict was already approved: give a reason for changing it (it goes back to review)."
                        ))
                    sets.update(status=model.IN_REVIEW, approved_at=None, approved_by=None)
                    data.update(reason=reason.strip(), reopened_from=before.status)
                    what |= What.STATUS
                    if before.status == model.PUBLISHED:
                        data["correction_id"] = self.project.managers.review.record_correction(
                            claim_id, {k: current[k] for k in verdict}, verdict, reason.strip(), sets["updated_at"])
                        what |= What.COMMENTS
            assignments = ", ".join(f'"{k}" = ?' for k in sets)
            self.store.execute(f"UPDATE claims SET {assignments}, revision = revision + 1 WHERE id = ?",
                               (*sets.values(), claim_id))
            decode = lambda k, v: json.loads(v) if k == "tags" else v  # noqa: E731
            seq = self.log(
                "claim.update", "claim", claim_id,
                {"before": {k: decode(k, current[k]) for k in changed},
                 "after": {k: decode(k, v) for k, v in changed.items()}, **data},
            )
        return Changes(action="claim.update", what=what, articles=frozenset({before.article_id}),
                       claims=frozenset({claim_id}), event_seq=seq)

    def set_deleted(self, claim_id: str, *, deleted: bool, reason: str = "") -> Changes:
        """Hide a claim, or bring it back; deleting a signed-off verdict is a ``retract``ion (``reason``)."""
        action = "claim.delete" if deleted else "claim.restore"
        with self.store.transaction():
            claim = self.row(claim_id)
            if (claim.deleted_at is not None) == deleted:
                return Changes(action=action)
            if review.signed_off(claim):
                if deleted:
                    return self.retract(claim_id, reason)
                raise Conflict(N_("This claim's verdict was retracted; a retraction cannot be undone."))
            self.store.execute("UPDATE claims SET deleted_at = ?, revision = revision + 1 WHERE id = ?",
                               (model.now() if deleted else None, claim_id))
            seq = self.log(action, "claim", claim_id, {"exact": claim.exact})
        return Changes(action=action, what=What.ANCHORS, articles=frozenset({claim.article_id}),
                       claims=frozenset({claim_id}), event_seq=seq)

    def retract(self, claim_id: str, reason: str) -> Changes:
        """Withdraw a signed-off verdict: the claim is deleted and a public retraction recorded.

        A decision, not an edit: it needs a reason, is refused (``TransitionRefused``) to
        whoever may not approve the verdict, and is not undone. The retraction keeps the
        verdict as it stood (rating, summary), the reason, who and when.
        """
        reason = fields.text(reason, N_("reason"), limit=_LINE_LIMIT)
        with self.store.transaction():
            claim = self.row(claim_id)
            if not review.signed_off(claim):
                raise InvalidInput(N_("Only an approved or published verdict is retracted; delete this claim instead."))
            refusal = self.project.managers.review.retraction_refusal(claim)
            if refusal:
                raise workflow.TransitionRefused(refusal)
            if not reason:
                raise RetractionNeeded(
                    N_("This verdict is published: deleting its claim retracts it, which needs a reason "
                       "(the retraction is public).") if claim.status == model.PUBLISHED else
                    N_("This verdict is approved: deleting its claim retracts it, which needs a reason "
                       "(the retraction is public).")
                )
            now = model.now()
            self.store.execute(
                "UPDATE claims SET deleted_at = ?, updated_at = ?, updated_by = ?, revision = revision + 1 WHERE id = ?",
                (now, now, self.user, claim_id),
            )
            correction_id = self.project.managers.review.record_correction(
                claim_id, {"rating": claim.rating, "verdict_summary": claim.verdict_summary}, {"retracted": True},
                reason, now, kind=review.RETRACTION)
            seq = self.log("claim.delete", "claim", claim_id,
                           {"exact": claim.exact, "reason": reason, "retracted_from": claim.status,
                            "correction_id": correction_id})
        return Changes(action="claim.delete", what=What.ANCHORS | What.COMMENTS,
                       articles=frozenset({claim.article_id}), claims=frozenset({claim_id}), event_seq=seq)

    def reanchor(self, claim_id: str, version_id: str, start: int, end: int) -> Changes:
        """Point a claim at words chosen by a person; its quote becomes those words.

        New words under a signed-off verdict send it back to review (see ``_set_anchor``).
        """
        articles = self.project.managers.articles
        text = articles.text(version_id)
        start, end = trim(text, start, end, N_("Select some words of the article to anchor the claim to."))
        sel = anchoring.describe(text, start, end)
        with self.store.transaction():
            claim = self.row(claim_id)
            if articles.article_of_version(version_id) != claim.article_id:
                raise InvalidInput(N_("A claim can only be anchored in its own article."))
            after = {"version_id": version_id, "start": start, "end": end, "exact": sel.quote.exact,
                     "prefix": sel.quote.prefix, "suffix": sel.quote.suffix, "state": anchoring.EXACT}
            return self._set_anchor(claim, after, score=1.0)

    def restore_anchor(self, claim_id: str, before: model.Claim) -> Changes:
        """Put a claim's anchor back as it was in ``before`` (undo of a re-anchor)."""
        with self.store.transaction():
            claim = self.row(claim_id)
            if review.signed_off(claim) and claim.exact != before.exact:
                raise Conflict(N_("This claim's verdict was signed off since this step; it can no longer be undone."))
            after = {"version_id": before.version_id, "start": before.start, "end": before.end, "exact": before.exact,
                     "prefix": before.prefix, "suffix": before.suffix, "state": before.anchor_state}
            return self._set_anchor(claim, after, score=None, reopen=False)

    def reopen_reason(self, claim: model.Claim, version_id: str, start: int, end: int) -> str:
        """Why moving ``claim`` onto these words sends its verdict back to review ('' when it does not)."""
        if not review.signed_off(claim):
            return ""
        number = self.project.managers.articles.version(version_id).number
        if claim.anchor_state == anchoring.FUZZY and (version_id, start, end) == (claim.version_id, claim.start, claim.end):
            return N_("the quoted words changed in version {number}", number=number)
        return N_("the claim was re-anchored to other words in version {number}", number=number)

    def _set_anchor(self, claim: model.Claim, after: dict, score: float | None, *, reopen: bool = True) -> Changes:
        """Write a new anchor; new words under a signed-off verdict send it back to review.

        The claim goes to in review with its approval cleared and the reason in the event;
        a published one also gets a public correction of its quote.
        """
        what = What.ANCHORS
        data: dict = {}
        sets: dict[str, object] = {}
        if reopen and after["exact"] != claim.exact:
            reason = self.reopen_reason(claim, after["version_id"], after["start"], after["end"])
            if reason:
                now = model.now()
                sets = {"status": model.IN_REVIEW, "approved_at": None, "approved_by": None,
                        "updated_at": now, "updated_by": self.user}
                data.update(reason=reason, reopened_from=claim.status)
                what |= What.STATUS
                if claim.status == model.PUBLISHED:
                    data["correction_id"] = self.project.managers.review.record_correction(
                        claim.id, {"exact": claim.exact}, {"exact": after["exact"]}, reason, now)
                    what |= What.COMMENTS
        extra = "".join(f', "{k}" = ?' for k in sets)
        self.store.execute(
            'UPDATE claims SET version_id = ?, start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, '
            f"anchor_state = ?, anchor_score = COALESCE(?, anchor_score){extra}, revision = revision + 1 WHERE id = ?",
            (after["version_id"], after["start"], after["end"], after["exact"], after["prefix"], after["suffix"],
             after["state"], score, *sets.values(), claim.id),
        )
        seq = self.log(
            "claim.reanchor", "claim", claim.id,
            {"before": {"version_id": claim.version_id, "start": claim.start, "end": claim.end,
                        "exact": claim.exact, "state": claim.anchor_state},
             "after": after, **data},
        )
        return Changes(action="claim.reanchor", what=what, articles=frozenset({claim.article_id}),
                       claims=frozenset({claim.id}), event_seq=seq)

    def confirm_anchor(self, claim_id: str) -> Changes:
        """Accept a fuzzy anchor: the words now under the claim become its quote.

        On a signed-off verdict this sends the claim back to review ("the quoted words
        changed in version N"), with a public correction when it was published.
        """
        claim = self.claim(claim_id)
        return self.reanchor(claim_id, claim.version_id, claim.start, claim.end)

    def touch(self, claim_id: str) -> None:
        """Mark a claim changed (a citation of it changed): new revision, who and when."""
        self.store.execute(
            "UPDATE claims SET updated_at = ?, updated_by = ?, revision = revision + 1 WHERE id = ?",
            (model.now(), self.user, claim_id),
        )

    def on_version(self, version_id: str) -> list[model.Claim]:
        """Every claim anchored on a version, deleted ones too (orphaned ones stay behind)."""
        return [from_row(row) for row in self.store.execute(
            f"SELECT {COLUMNS} FROM claims WHERE version_id = ? AND anchor_state != 'orphaned'", (version_id,))]

    def apply_match(self, claim: model.Claim, version_id: str, text: str, match: anchoring.Match | None) -> dict:
        """Move a claim onto a new version where the relocator found it; what moved, for the event."""
        return self.apply_matches([(claim, match)], version_id, text)[claim.id]

    def apply_matches(self, found: Iterable[tuple[model.Claim, anchoring.Match | None]], version_id: str,
                      text: str) -> dict[str, dict]:
        """Move many claims onto a new version at once (one ``executemany`` per kind); what moved, by claim id.

        Orphaned claims stay on their version with their quote; fuzzy ones move but keep
        the quote that was checked (a person confirms the new words); the others take the
        context of their new place.
        """
        orphaned, fuzzy, kept = [], [], []
        moved: dict[str, dict] = {}
        for claim, match in found:
            if match is None:
                orphaned.append((claim.id,))
                result = {"state": anchoring.ORPHANED}
            elif match.state == anchoring.FUZZY:
                fuzzy.append((version_id, match.start, match.end, match.state, match.score, claim.id))
                result = {"state": match.state, "start": match.start, "end": match.end, "score": round(match.score, 3)}
            else:
                prefix = text[max(0, match.start - anchoring.CONTEXT):match.start]  # as anchoring.describe
                suffix = text[match.end:match.end + anchoring.CONTEXT]
                kept.append((version_id, match.start, match.end, prefix, suffix, match.state, claim.id))
                result = {"state": match.state, "start": match.start, "end": match.end, "prefix": prefix, "suffix": suffix}
            result["before"] = {"version_id": claim.version_id, "start": claim.start, "end": claim.end,
                                "state": claim.anchor_state}
            moved[claim.id] = result
        execute_many = self.store.executemany
        execute_many("UPDATE claims SET anchor_state = 'orphaned', anchor_score = 0, revision = revision + 1 "
                     "WHERE id = ?", orphaned)
        execute_many('UPDATE claims SET version_id = ?, start = ?, "end" = ?, anchor_state = ?, anchor_score = ?, '
                     "revision = revision + 1 WHERE id = ?", fuzzy)
        execute_many('UPDATE claims SET version_id = ?, start = ?, "end" = ?, prefix = ?, suffix = ?, anchor_state = ?, '
                     "anchor_score = 1, revision = revision + 1 WHERE id = ?", kept)
        return moved

    # --- reads ------------------------------------------------------------------------

    def row(self, claim_id: str) -> model.Claim:
        """A claim, deleted or not (inside a transaction: raw SQLite errors)."""
        rows = self.store.execute(f"SELECT {COLUMNS} FROM claims WHERE id = ?", (claim_id,)).fetchall()
        if not rows:
            raise NotFound(N_("There is no claim with id {id} in this project.", id=repr(claim_id)))
        return from_row(rows[0])

    def claim(self, claim_id: str) -> model.Claim:
        try:
            return self.row(claim_id)
        except sqlite3.Error as exc:
            raise self.store.error(exc) from exc

    def claims(self, article_id: str | None = None, *, include_deleted: bool = False) -> list[model.Claim]:
        """Claims in reading order (article, then position)."""
        where, params = [], []
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        if not include_deleted:
            where.append("deleted_at IS NULL AND article_id IN (SELECT id FROM articles WHERE deleted_at IS NULL)")
        sql = f"SELECT {COLUMNS} FROM claims"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += ' ORDER BY article_id, start, "end", rowid'
        return [from_row(row) for row in self.store.read(sql, params)]

    def _live(self, article_id: str | None, statuses: Iterable[str] | None, table: str = "") -> tuple[str, list]:
        """The WHERE clause (and its values) of the visible claims, of one article, with these statuses
        (``table``: the claims table's name in the query, "c." say)."""
        where = [f"{table}deleted_at IS NULL"]
        params: list = []
        if article_id is not None:
            where.append(f"{table}article_id = ?")
            params.append(article_id)
        else:
            where.append(f"{table}article_id IN (SELECT id FROM articles WHERE deleted_at IS NULL)")
        if statuses is not None:
            statuses = list(statuses)
            where.append(f"{table}status IN ({', '.join('?' * len(statuses))})")
            params += statuses
        return " AND ".join(where), params

    def stream(self, article_id: str | None = None, statuses: Iterable[str] | None = None, *,
               size: int = 500) -> Iterator[list[model.Claim]]:
        """The visible claims of ``claims()`` (with these statuses), in lists of ``size``, read as they are asked for."""
        where, params = self._live(article_id, statuses)
        sql = f'SELECT {COLUMNS} FROM claims WHERE {where} ORDER BY article_id, start, "end", rowid'
        for rows in self.store.stream(sql, params, size):
            yield [from_row(row) for row in rows]

    def stream_rows(self, article_id: str | None, statuses: Iterable[str] | None, fields: Sequence[str], *,
                    size: int = 500) -> Iterator[list[tuple]]:
        """``stream``'s claims as rows of ``fields`` (``model.Claim``'s names, tags as stored): a reader that needs a
        few columns of each claim reads just those, and makes no ``Claim``."""
        unknown = set(fields) - set(_FIELDS)
        if unknown:
            raise ValueError(f"claims have no column {sorted(unknown)[0]!r}")
        where, params = self._live(article_id, statuses)
        columns = ", ".join(f'"{name}"' for name in fields)
        yield from self.store.stream(f'SELECT {columns} FROM claims WHERE {where} ORDER BY article_id, start, "end", '
                                     "rowid", params, size)

    def count(self, article_id: str | None = None, statuses: Iterable[str] | None = None) -> int:
        """How many claims ``stream`` gives."""
        where, params = self._live(article_id, statuses)
        return self.store.read_one(f"SELECT count(*) FROM claims WHERE {where}", params)[0]

    def status_counts(self) -> dict[str, dict[str, int]]:
        """Article id -> status -> how many visible claims (one aggregate query, not the rows)."""
        where, params = self._live(None, None)
        out: dict[str, dict[str, int]] = {}
        for article_id, status, n in self.store.read(
                f"SELECT article_id, status, count(*) FROM claims WHERE {where} GROUP BY 1, 2", params):
            out.setdefault(article_id, {})[status] = n
        return out

    def paged_spans(self, article_id: str | None = None, statuses: Iterable[str] | None = None, *,
                    limit: int = -1) -> list[tuple]:
        """``(version_id, start, end)`` of ``stream``'s claims on versions with pages (a PDF's), for their pages
        (``limit``: at most that many, ``limit=1`` to ask whether there are any)."""
        where, params = self._live(article_id, statuses, "c.")
        return self.store.read(  # from the (few) paged versions to their claims, by the claims_version index
            f'SELECT c.version_id, c.start, c."end" FROM versions v CROSS JOIN claims c ON c.version_id = v.id '
            f"WHERE v.pages IS NOT NULL AND {where} LIMIT ?", [*params, limit])

    def in_reading_order(self, article_id: str, version_id: str, statuses: Iterable[str], *, in_text: bool,
                         size: int = 500) -> Iterator[list[model.Claim]]:
        """A report's claims of one article, by position, in lists of ``size``: those whose words are in
        ``version_id`` (its current version) and not orphaned (``in_text``), or the others."""
        for rows in self.rows_in_reading_order(article_id, version_id, statuses, _FIELDS, in_text=in_text, size=size):
            yield [from_row(row) for row in rows]

    def rows_in_reading_order(self, article_id: str, version_id: str, statuses: Iterable[str], fields: Sequence[str],
                              *, in_text: bool, size: int = 500) -> Iterator[list[tuple]]:
        """``in_reading_order``'s claims as rows of ``fields`` (``model.Claim``'s names, tags as stored): a
        report that reads a few columns of each claim reads just those, and makes no ``Claim``."""
        unknown = set(fields) - set(_FIELDS)
        if unknown:
            raise ValueError(f"claims have no column {sorted(unknown)[0]!r}")
        where, params = self._live(article_id, statuses)
        test = "version_id = ? AND anchor_state != 'orphaned'"
        where += f" AND {test}" if in_text else f" AND NOT ({test})"
        columns = ", ".join(f'"{name}"' for name in fields)
        sql = f'SELECT {columns} FROM claims WHERE {where} ORDER BY start, "end", rowid'
        yield from self.store.stream(sql, [*params, version_id], size)

    def anchors_in_reading_order(self, article_id: str, version_id: str, statuses: Iterable[str], *,
                                 size: int = 500) -> Iterator[list[tuple[str, int, int, str | None]]]:
        """``(id, start, end, rating)`` of ``in_reading_order``'s ``in_text`` claims, in its order and lists:
        where a report marks their words in the text (four columns read, not a claim's thirty-two)."""
        where, params = self._live(article_id, statuses)
        sql = (f'SELECT id, start, "end", rating FROM claims WHERE {where} AND version_id = ? '
               "AND anchor_state != 'orphaned' ORDER BY start, \"end\", rowid")
        yield from self.store.stream(sql, [*params, version_id], size)

    def reading_counts(self, current: dict[str, str], statuses: Iterable[str], *,
                       only: bool = False) -> dict[str, tuple[int, int, set[str]]]:
        """Article id -> (its visible claims with these statuses, how many of them are in its current text,
        their ratings with ``""`` for none); ``current``: article id -> current version id. Articles without
        such claims are absent. ``only``: count the articles of ``current`` alone (an export of a few of them),
        not every claim in one pass."""
        where, params = self._live(None, statuses)
        if only:
            where += " AND article_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(current)))
        rows = self.store.read(
            f"SELECT article_id, version_id, anchor_state != 'orphaned', COALESCE(rating, ''), count(*) FROM claims "
            f"WHERE {where} GROUP BY 1, 2, 3, 4", params)
        out: dict[str, tuple[int, int, set[str]]] = {}
        for article_id, claim_version, anchored, rating, n in rows:
            total, in_text, ratings = out.get(article_id, (0, 0, set()))
            if anchored and current.get(article_id) == claim_version:
                in_text += n
            ratings.add(rating)
            out[article_id] = (total + n, in_text, ratings)
        return out

    def with_prefix(self, prefix: str) -> list[model.Claim]:
        """Claims, deleted ones too, whose id starts with ``prefix`` (as ``factcheck claims --ids`` prints them).

        A range of the id index (from ``prefix`` to ``prefix`` + U+10FFFF, the last character
        there is), not a read of every claim.
        """
        return [from_row(row) for row in self.store.read(
            f"SELECT {COLUMNS} FROM claims WHERE id >= ? AND id < ? ORDER BY id", (prefix, prefix + "\U0010ffff"))]

    def unsettled(self, article_id: str) -> set[str]:
        """The ids of an article's live claims that are fuzzy or orphaned (waiting for a person)."""
        return {row[0] for row in self.store.read(
            "SELECT id FROM claims WHERE article_id = ? AND deleted_at IS NULL "
            "AND anchor_state IN ('fuzzy', 'orphaned')", (article_id,))}

    def review_queue_rows(self, claim_ids: Iterable[str] | None = None) -> list[tuple]:
        """Light rows for the review queue: every visible claim, or just these claims.

        ``(id, article_id, article_title, quote[:300], statement, claimant, rating, status,
        checker, verdict_summary, waiting_since, revision)``, where the checker is who
        submitted the claim (who made it, before) and ``waiting_since`` the time it
        entered its status. Tuples, not ``Claim``s: 10,000 of them in about 0.1 s.
        """
        since = (
            "CASE c.status WHEN 'in_review' THEN COALESCE(c.submitted_at, c.updated_at) "
            "WHEN 'approved' THEN COALESCE(c.approved_at, c.updated_at) "
            "WHEN 'published' THEN COALESCE(c.published_at, c.updated_at) ELSE c.updated_at END"
        )
        sql = (
            "SELECT c.id, c.article_id, a.title, substr(c.exact, 1, 300), c.statement, c.claimant, c.rating, "
            f"c.status, COALESCE(c.submitted_by, c.created_by), c.verdict_summary, {since}, c.revision "
            "FROM claims c JOIN articles a ON a.id = c.article_id "
            "WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL"
        )
        params: tuple = ()
        if claim_ids is not None:
            params = tuple(claim_ids)
            if not params:
                return []
            sql += f" AND c.id IN ({', '.join('?' * len(params))})"
        return self.store.read(sql, params)

    def search(self, query: str) -> list[model.Claim]:
        """Claims whose quote or any text field matches ``query`` (full-text, prefix words)."""
        fts = fts_query(query)
        if not fts:
            return []
        rows = self.store.read(
            f"SELECT {_PREFIXED} FROM claims c "
            "JOIN claims_fts f ON f.rowid = c.rowid WHERE claims_fts MATCH ? AND c.deleted_at IS NULL "
            "AND c.article_id IN (SELECT id FROM articles WHERE deleted_at IS NULL) ORDER BY rank",
            (fts,),
        )
        return [from_row(row) for row in rows]


def fts_query(text: str) -> str:
    """User words as an FTS5 query of quoted prefix terms: no operator or odd byte gets through."""
    cleaned = "".join(ch for ch in text if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF)
    words = [w.replace('"', "") for w in cleaned.split()]
    return " ".join(f'"{w}"*' for w in words if w)
