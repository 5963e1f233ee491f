"""Rebuild articles, claims, sources and citations from the event log and compare them with the tables.

The events are the record of every change; the tables are what the app reads. ``verify``
streams the events through ``Replay.apply`` while it checks the hash chain (one pass),
then ``Replay.compare`` reads each table once and names the rows that differ from what
their events left: a row edited, added, removed or un-deleted outside factcheck, or
damaged on disk. An article's text is checked against the fingerprint (SHA-256) taken
when it was imported. Fields core changes without an event of their own
(``updated_at``, ``revision``, ``anchor_score``, review stamps) are not compared.

Files written by older builds log less: tags as a JSON string in ``claim.create``, and
no prefix, suffix or anchor state with a new claim, a re-anchor or a moved claim. Those
are recomputed from the version's text (``anchoring.describe``) where that is certain,
and left unchecked where it is not (a quote checked elsewhere and found only fuzzily).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from factcheck.core import anchoring, events, model, pages, timeline, workflow
from factcheck.core.text import N_

#: A value the events do not settle (an older file's fuzzy anchor): not compared.
UNKNOWN = object()
#: How many differing rows are named one by one before the rest are counted.
NAMED = 1

ARTICLE_FIELDS = ("title", "outlet", "author", "url", "published_at", "language", "factcheck_url")
CLAIM_FIELDS = (
    "article_id", "version_id", "start", "end", "exact", "prefix", "suffix", "anchor_state",
    "statement", "claimant", "claim_date", "checkworthiness", "tags", "rating", "verdict_summary",
    "rationale", "notes", "status",
)
SOURCE_FIELDS = (
    "title", "url", "publisher", "author", "published_at", "accessed_at", "kind", "reliability",
    "confidential", "notes",
)
CITATION_FIELDS = ("claim_id", "source_id", "stance", "quote", "locator", "note")
ATTACHMENT_FIELDS = ("sha256", "source_id", "citation_id", "name", "mime", "size", "note")

_CLAIM_DEFAULTS = {
    "statement": "", "claimant": "", "claim_date": "", "checkworthiness": None, "tags": "[]", "rating": None,
    "verdict_summary": "", "rationale": "", "notes": "", "status": model.DRAFT,
}
_SOURCE_DEFAULTS = {
    "title": "", "url": "", "publisher": "", "author": "", "published_at": "", "accessed_at": "",
    "kind": "document", "reliability": "", "confidential": 0, "notes": "",
}
_CITATION_DEFAULTS = {"quote": "", "locator": "", "note": ""}
_EDITABLE_CLAIM = frozenset(model.CLAIM_EDITABLE)

_NAMES = {
    **timeline.FIELD_NAMES, "exact": N_("quote"), "prefix": N_("text before the quote"),
    "suffix": N_("text after the quote"), "anchor_state": N_("anchor state"), "version_id": N_("version"),
    "article_id": N_("article"), "start": N_("start offset"), "end": N_("end offset"), "claim_id": N_("claim"),
    "source_id": N_("source"), "quote": N_("passage"), "citation_id": N_("citation"), "sha256": N_("SHA-256"),
    "name": N_("file name"), "mime": N_("file type"), "size": N_("size"),
}
_PLURAL = frozenset({"tags", "notes"})


class Garbled(str):
    """A table value that is not valid UTF-8, read with replacement characters."""


class Replay:
    """The state the events describe, built one event at a time; ``compare`` checks the tables against it."""

    def __init__(self, store):
        self.store = store
        self.articles: dict[str, dict] = {}
        self.claims: dict[str, dict] = {}
        self.sources: dict[str, dict] = {}
        self.citations: dict[str, dict] = {}
        self.attachments: dict[str, dict] = {}
        # Versions never change after import: read once, for their texts and the claims' articles.
        self.versions: dict[str, tuple] = {}  # id -> (article_id, number, text, fingerprint matches)
        for version_id, article_id, number, text, matches in _versions(store):
            self.versions[version_id] = (article_id, number, text, matches)
        self._handlers = {
            "article.import": self._article_import,
            "article.update": self._article_update,
            "article.delete": self._deleter(self.articles, True),
            "article.restore": self._deleter(self.articles, False),
            "article.add_version": self._add_version,
            "claim.create": self._claim_create,
            "claim.update": self._claim_update,
            "claim.delete": self._deleter(self.claims, True),
            "claim.restore": self._deleter(self.claims, False),
            "claim.reanchor": self._claim_reanchor,
            "source.create": self._source_create,
            "source.update": self._updater(self.sources),
            "source.delete": self._source_deleted(True),
            "source.restore": self._source_deleted(False),
            "citation.create": self._citation_create,
            "citation.update": self._citation_update,
            "citation.delete": self._citation_deleted(True),
            "citation.restore": self._citation_deleted(False),
            "project.merge": self._merge,
            "attachment.create": self._attachment_create,
            "attachment.delete": self._attachment_deleted(True),
            "attachment.restore": self._attachment_deleted(False),
        }
        for action in workflow.TRANSITIONS:
            self._handlers[f"claim.{action}"] = self._claim_status

    def reset(self) -> None:
        """Forget every event applied (the walk starts again)."""
        for table in (self.articles, self.claims, self.sources, self.citations, self.attachments):
            table.clear()

    # --- applying events ------------------------------------------------------------

    def apply(self, action: str, entity_id: str, data: dict) -> None:
        """Apply one event; raises ``KeyError``/``TypeError``/... when its data has not the shape its action logs."""
        handler = self._handlers.get(action)
        if handler is not None:
            handler(entity_id, data)

    @staticmethod
    def _deleter(table: dict, deleted: bool):
        def handle(entity_id: str, data: dict) -> None:
            record = table.get(entity_id)
            if record is not None:
                record["deleted"] = deleted
        return handle

    @staticmethod
    def _updater(table: dict):
        def handle(entity_id: str, data: dict) -> None:
            record = table.get(entity_id)
            if record is not None:
                record.update(data["after"])
        return handle

    def _article_import(self, article_id: str, data: dict) -> None:
        after = data["after"]
        self.articles[article_id] = {**{k: after.get(k, "") for k in ARTICLE_FIELDS}, "deleted": False}

    def _article_update(self, article_id: str, data: dict) -> None:
        record = self.articles.get(article_id)
        if record is not None:
            record.update({k: v for k, v in data["after"].items() if k in ARTICLE_FIELDS})

    def _add_version(self, article_id: str, data: dict) -> None:
        version_id = data["version_id"]
        for claim_id, moved in data.get("claims", {}).items():
            record = self.claims.get(claim_id)
            if record is None:
                continue
            state = moved["state"]
            record["anchor_state"] = state
            if state == anchoring.ORPHANED:
                continue  # it stays on the version it was on, with its quote
            record.update(version_id=version_id, start=moved["start"], end=moved["end"])
            if state != anchoring.FUZZY:  # a fuzzy claim keeps the quote that was checked, and its context
                self._context(record, moved)

    def _context(self, record: dict, logged: dict) -> None:
        """The prefix and suffix an event logged, or those of the version's text when it did not."""
        if "prefix" in logged and "suffix" in logged:
            record["prefix"], record["suffix"] = logged["prefix"], logged["suffix"]
        else:
            record["prefix"], record["suffix"] = self._surroundings(record) or (UNKNOWN, UNKNOWN)

    def _surroundings(self, record: dict) -> tuple[str, str] | None:
        """The context ``anchoring.describe`` gives a claim's quote, when the version's words there are that quote."""
        version = self.versions.get(record["version_id"])
        start, end = record["start"], record["end"]
        if version is None or not isinstance(start, int) or not isinstance(end, int):
            return None
        text = version[2]
        if not 0 <= start < end <= len(text) or text[start:end] != record["exact"]:
            return None
        # As anchoring.describe, without building its selectors (this runs once per claim).
        return text[max(0, start - anchoring.CONTEXT):start], text[end:end + anchoring.CONTEXT]

    def _claim_create(self, claim_id: str, data: dict) -> None:
        after = data["after"]
        record = dict(_CLAIM_DEFAULTS)
        record.update((k, v) for k, v in after.items() if k in _EDITABLE_CLAIM)
        if not isinstance(record["tags"], str):
            record["tags"] = events.canonical(record["tags"])
        version_id = after["version_id"]
        version = self.versions.get(version_id)
        record.update(
            article_id=version[0] if version else UNKNOWN, version_id=version_id, start=after["start"],
            end=after["end"], exact=after["exact"], deleted=False,
        )
        if "anchor_state" in after:  # logged when the claim did not start exact
            record["anchor_state"] = after["anchor_state"]
            record["prefix"], record["suffix"] = after.get("prefix", UNKNOWN), after.get("suffix", UNKNOWN)
        else:
            context = self._surroundings(record)
            if context is not None:
                record.update(anchor_state=anchoring.EXACT, prefix=context[0], suffix=context[1])
            else:
                # An older file's claim whose checked quote was found only approximately.
                record.update(anchor_state=anchoring.FUZZY if version else UNKNOWN, prefix=UNKNOWN, suffix=UNKNOWN)
        self.claims[claim_id] = record

    def _claim_update(self, claim_id: str, data: dict) -> None:
        record = self.claims.get(claim_id)
        if record is None:
            return
        for key, value in data["after"].items():
            if key in _EDITABLE_CLAIM:
                record[key] = events.canonical(value) if key == "tags" and not isinstance(value, str) else value
        if data.get("reopened_from"):
            record["status"] = model.IN_REVIEW

    def _claim_reanchor(self, claim_id: str, data: dict) -> None:
        record = self.claims.get(claim_id)
        if record is None:
            return
        after = data["after"]
        record.update(version_id=after["version_id"], start=after["start"], end=after["end"], exact=after["exact"],
                      anchor_state=after.get("state", anchoring.EXACT))
        self._context(record, after)
        if data.get("reopened_from"):  # new words under a signed-off verdict sent it back to review
            record["status"] = model.IN_REVIEW

    def _claim_status(self, claim_id: str, data: dict) -> None:
        record = self.claims.get(claim_id)
        if record is not None:
            record["status"] = data["after"]["status"]

    def _source_create(self, source_id: str, data: dict) -> None:
        self.sources[source_id] = {**_SOURCE_DEFAULTS, **data["after"], "deleted": False}

    def _source_deleted(self, deleted: bool):
        def handle(source_id: str, data: dict) -> None:
            record = self.sources.get(source_id)
            if record is not None:
                record["deleted"] = deleted
            # Deleting a source withdraws its citations; restoring it brings back exactly those.
            for citation_id in data.get("citations", ()):
                citation = self.citations.get(citation_id)
                if citation is not None:
                    citation["deleted"] = deleted
        return handle

    def _citation_create(self, claim_id: str, data: dict) -> None:
        self.citations[data["citation_id"]] = {
            **_CITATION_DEFAULTS, **data["after"], "claim_id": claim_id, "source_id": data["source_id"],
            "deleted": False,
        }

    def _citation_update(self, claim_id: str, data: dict) -> None:
        record = self.citations.get(data["citation_id"])
        if record is not None:
            record.update(data["after"])

    def _citation_deleted(self, deleted: bool):
        def handle(claim_id: str, data: dict) -> None:
            record = self.citations.get(data["citation_id"])
            if record is not None:
                record["deleted"] = deleted
        return handle

    def _attachment_create(self, entity_id: str, data: dict) -> None:
        after = data["after"]
        self.attachments[data["attachment_id"]] = {
            **{k: after[k] for k in ("sha256", "name", "mime", "size")}, "note": after.get("note", ""),
            "source_id": data["source_id"], "citation_id": data.get("citation_id"), "deleted": False,
        }

    def _attachment_deleted(self, deleted: bool):
        def handle(entity_id: str, data: dict) -> None:
            record = self.attachments.get(data["attachment_id"])
            if record is not None:
                record["deleted"] = deleted
        return handle

    def _merge(self, entity_id: str, data: dict) -> None:
        """A merge of two copies: the values it chose where both had changed a field (``merge.py``)."""
        tables = {"articles": self.articles, "claims": self.claims, "sources": self.sources,
                  "citations": self.citations, "attachments": self.attachments}
        for entry in data["units"]:
            table, row_id, unit, value = entry[:4]
            record = tables.get(table, {}).get(row_id)
            if record is None:
                continue
            if unit == "deleted":
                record["deleted"] = bool(value)
            elif table == "claims" and unit == "anchor":
                if len(entry) > 4:
                    record.update({k: v for k, v in entry[4].items() if k != "anchor_score"})
                else:
                    record.update(zip(("version_id", "start", "end", "exact"), value))
            elif unit == "tags":
                record[unit] = events.canonical(value)
            elif unit in record:
                record[unit] = value

    # --- comparing with the tables -----------------------------------------------------

    def compare(self, n_events: int) -> events.Verdict:
        """Every row of the tables against what its events left: ok, or the rows that differ, named."""
        problems: list[str] = []
        for version_id, (article_id, number, _, matches) in self.versions.items():
            if not matches:
                problems.append(N_(
                    "the text of version {number} of {article} does not match the fingerprint taken when it was "
                    "imported: it was edited outside factcheck, or damaged.", number=number,
                    article=self._article_label(article_id)))
        for version_id, stored in self.store.execute(
                "SELECT id, CAST(pages AS BLOB) FROM versions WHERE pages IS NOT NULL").fetchall():
            version = self.versions.get(_text(version_id))
            stored = _text(stored)
            if version is not None and (isinstance(stored, Garbled) or pages.damaged(stored, len(version[2]))):
                problems.append(N_(
                    "the page starts of version {number} of {article} (where each page of its original begins) do "
                    "not fit its text: they were edited outside factcheck, or damaged.", number=version[1],
                    article=self._article_label(version[0])))
        checked = 0
        tables = (
            ("articles", ARTICLE_FIELDS, self.articles, self._article_label),
            ("claims", CLAIM_FIELDS, self.claims, self._claim_label),
            ("sources", SOURCE_FIELDS, self.sources, self._source_label),
            ("citations", CITATION_FIELDS, self.citations, self._citation_label),
            ("attachments", ATTACHMENT_FIELDS, self.attachments, self._attachment_label),
        )
        for table, fields, expected, label in tables:
            seen = set()
            for row in _rows(self.store, table, fields):
                entity_id = row[0]
                seen.add(entity_id)
                checked += 1
                actual = row[1:]
                record = expected.get(entity_id)
                if record is None:
                    problems.append(N_("{row} is in the table but not in the history: the row was added outside "
                                       "factcheck.", row=label(entity_id, None)))
                    continue
                wanted = tuple(map(record.get, fields)) + (record["deleted"],)
                if actual != wanted:
                    problem = self._difference(label(entity_id, record), fields, actual, wanted)
                    if problem:
                        problems.append(problem)
            for entity_id, record in expected.items():
                if entity_id not in seen:
                    problems.append(N_("{row} is in the history but not in the table: the row was removed outside "
                                       "factcheck.", row=label(entity_id, record)))
        if not problems:
            return events.Verdict(True, n_events, entities=checked)
        text = problems[0]
        for problem in problems[1:NAMED]:
            text = N_("{problems} {problem}", problems=text, problem=problem)
        rest = len(problems) - NAMED
        if rest == 1:
            text = N_("{problems} 1 more row differs from the history too.", problems=text)
        elif rest > 1:
            text = N_("{problems} {n} more rows differ from the history too.", problems=text, n=rest)
        return events.Verdict(False, n_events, None, text)

    def _difference(self, label: str, fields: tuple[str, ...], actual: tuple, wanted: tuple) -> str:
        """A sentence naming how a row differs from its history ('' when it does not, once read alike)."""
        differing = [
            (field, have, want) for field, have, want in zip(fields, actual, wanted)
            if want is not UNKNOWN and not _same(field, have, want)
        ]
        deleted, should_be = actual[-1], wanted[-1]
        if not differing and deleted == should_be:
            return ""
        if deleted != should_be:
            first = (N_("in the table it is deleted, but its history says it is not") if deleted else
                     N_("in the table it is not deleted, but its history says it was deleted"))
        else:
            field, have, want = differing.pop(0)
            name = _NAMES.get(field, field.replace("_", " "))
            plural = field in _PLURAL
            if field == "confidential":
                first = (N_("in the table it is confidential, but its history says it is not") if have else
                         N_("in the table it is not confidential, but its history says it is"))
            elif isinstance(have, Garbled):
                first = (N_("its {field} in the table are damaged (not valid text): its history says {want}",
                            field=name, want=self._show(field, want)) if plural else
                         N_("its {field} in the table is damaged (not valid text): its history says {want}",
                            field=name, want=self._show(field, want)))
            else:
                shown_have, shown_want = self._show(field, have), self._show(field, want)
                first = (N_("its {field} in the table are {have} but its history says {want}", field=name,
                            have=shown_have, want=shown_want) if plural else
                         N_("its {field} in the table is {have} but its history says {want}", field=name,
                            have=shown_have, want=shown_want))
                if shown_have == shown_want:
                    first = N_("{difference} (they differ in spacing or invisible characters)", difference=first)
        others = [_NAMES.get(f, f.replace("_", " ")) for f, _, _ in differing]
        if others:
            alone = len(differing) == 1 and differing[0][0] not in _PLURAL
            if alone:
                first = N_("{difference} (its {fields} differs too)", difference=first, fields=workflow.and_list(others))
            else:
                first = N_("{difference} (its {fields} differ too)", difference=first, fields=workflow.and_list(others))
        return N_("{row}: {difference}: the row was edited outside factcheck.", row=label, difference=first)

    def _show(self, field: str, value: object) -> str:
        if field == "version_id":
            version = self.versions.get(value)
            return N_("version {number}", number=version[1]) if version else N_("an unknown version ({id})", id=_short(value))
        if field in ("article_id", "claim_id", "source_id", "citation_id"):
            return _short(value) if isinstance(value, str) else repr(value)
        if field == "tags" and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return f"“{value[:80]}”"
        if field == "status" and value in model.STATUS_LABELS:
            return N_("“{status}”", status=model.STATUS_LABELS[value])
        if value is None or value == "" or value == []:
            return N_("empty")
        if isinstance(value, list):
            return "“" + ", ".join(str(v) for v in value) + "”"
        if isinstance(value, str):
            text = " ".join(value.split())
            return f"“{text[:80]}…”" if len(text) > 80 else f"“{text}”"
        return str(value)

    # --- names of rows ----------------------------------------------------------------

    def _article_label(self, article_id: str, record: dict | None = None) -> str:
        record = record or self.articles.get(article_id)
        title = record.get("title") if record else ""
        if title:
            return N_("article {id} ({title})", id=_short(article_id), title=_quoted(title))
        return N_("article {id}", id=_short(article_id))

    def _claim_label(self, claim_id: str, record: dict | None) -> str:
        quote = record.get("exact") if record else ""
        if isinstance(quote, str) and quote:
            return N_("claim {id} ({quote})", id=_short(claim_id), quote=_quoted(quote))
        return N_("claim {id}", id=_short(claim_id))

    def _source_label(self, source_id: str, record: dict | None) -> str:
        record = record or self.sources.get(source_id)
        title = (record.get("title") or record.get("url")) if record else ""
        if title:
            return N_("source {id} ({title})", id=_short(source_id), title=_quoted(title))
        return N_("source {id}", id=_short(source_id))

    def _citation_label(self, citation_id: str, record: dict | None) -> str:
        if record is None:
            return N_("citation {id}", id=_short(citation_id))
        source = self.sources.get(record["source_id"])
        title = (source.get("title") or source.get("url")) if source else ""
        cited = _quoted(title) if title else N_("source {id}", id=_short(record["source_id"]))
        return N_("citation {id} (of {source} on claim {claim})", id=_short(citation_id), source=cited,
                  claim=_short(record["claim_id"]))


    def _attachment_label(self, attachment_id: str, record: dict | None) -> str:
        name = record.get("name") if record else ""
        if isinstance(name, str) and name:
            return N_("attachment {id} ({name})", id=_short(attachment_id), name=_quoted(name))
        return N_("attachment {id}", id=_short(attachment_id))


# --- helpers ----------------------------------------------------------------------------


def _short(entity_id: object) -> str:
    """The first 8 characters of an id: enough to tell rows apart, and what ``factcheck history`` accepts."""
    return str(entity_id)[:8]


def _quoted(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


def _same(field: str, have: object, want: object) -> bool:
    """Equal once read alike: tags as lists (older builds spelled the JSON differently), flags as bools."""
    if have == want:
        return True
    if field == "tags" and isinstance(have, str) and isinstance(want, str):
        try:
            return json.loads(have) == json.loads(want)
        except ValueError:
            return False
    if field == "confidential":
        return bool(have) == bool(want)
    return False


def _rows(store, table: str, fields: tuple[str, ...]) -> list[tuple]:
    """``(id, *fields, deleted)`` of every row of a table, in one query; undecodable text comes back ``Garbled``."""
    columns = ", ".join(f'"{f}"' for f in fields)
    try:
        rows = store.execute(f'SELECT id, {columns}, deleted_at IS NOT NULL FROM {table}').fetchall()
    except sqlite3.Error as exc:
        if not events.decoding_error(exc):
            raise
    else:
        return [(*row[:-1], bool(row[-1])) for row in rows]
    # Some text is not valid UTF-8: read every text value as bytes and decode it here.
    raw = ", ".join(f'CASE WHEN typeof("{f}") = \'text\' THEN CAST("{f}" AS BLOB) ELSE "{f}" END'
                    for f in ("id", *fields))
    out = []
    for row in store.execute(f"SELECT {raw}, deleted_at IS NOT NULL FROM {table}"):
        out.append((*(_text(v) for v in row[:-1]), bool(row[-1])))
    return out


def _text(value: object) -> object:
    if not isinstance(value, bytes):
        return value
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return Garbled(value.decode("utf-8", errors="replace"))


def _versions(store) -> list[tuple]:
    """``(id, article_id, number, text, fingerprint matches)`` of every version, in one query."""
    sql = "SELECT id, article_id, number, text, sha256 FROM versions"
    try:
        rows = store.execute(sql).fetchall()
    except sqlite3.Error as exc:
        if not events.decoding_error(exc):
            raise
        # Some text is not valid UTF-8 (a damaged page): read it as bytes, and fingerprint those.
        rows = [tuple(_text(v) if k != 3 else v for k, v in enumerate(row)) for row in store.execute(
            "SELECT CAST(id AS BLOB), CAST(article_id AS BLOB), number, CAST(text AS BLOB), CAST(sha256 AS BLOB) "
            "FROM versions")]
    out = []
    for version_id, article_id, number, text, sha in rows:
        raw = text.encode("utf-8") if isinstance(text, str) else bytes(text or b"")
        if not isinstance(text, str):
            text = raw.decode("utf-8", errors="replace")
        out.append((version_id, article_id, number, text, hashlib.sha256(raw).hexdigest() == sha))
    return out


def verify(store, *, progress=None) -> events.Verdict:
    """The chain, then the state: every article, claim, source and citation as its events left it.

    ``progress(done, total)``: as ``events.verify_chain`` calls it (False cancels).

    Read in one snapshot, so a change another program commits meanwhile is not mistaken
    for a hand edit. SQLite errors while reading (a damaged page) come out as ``KnownError``.
    """
    conn = store.conn
    snapshot = not conn.in_transaction
    try:
        if snapshot:
            conn.execute("BEGIN")
        try:
            state = Replay(store)
            verdict = events.verify_chain(store, state, progress=progress)
            return state.compare(verdict.events) if verdict.ok else verdict
        finally:
            if snapshot and conn.in_transaction:
                conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        raise store.error(exc) from exc
