"""Rebuild articles, claims, sources and citations from the event log and compare them with the tables.

The events are the record of every change; the tables are what the app reads. ``verify``
streams the events through ``Replay.apply`` while it checks the hash chain (one pass),
then ``Replay.compare`` names the rows that differ from what their events left: a row
edited, added, removed or un-deleted outside factcheck, or damaged on disk. An article's
text is checked against the fingerprint (SHA-256) taken when it was imported. Fields core
changes without an event of their own (``updated_at``, ``revision``, ``anchor_score``,
review stamps) are not compared.

The rebuilt state is not held in Python: at a million claims it would take gigabytes.
Each table's records live in a table of the connection's temporary database, which
SQLite keeps in a file of its own (``temp_store = FILE``, deleted when closed) behind a
page cache of ``TEMP_CACHE_KB``; the records used last stay in front of it as dicts
(``_Records``, ``KEPT`` a table), since most of a row's events come close together. The
texts of versions are read when a claim needs one, the last few kept (``TEXT_KEPT``).
``compare`` joins each table with its rebuilt twin in SQL and reads back only the rows
that differ, which Python then words. Memory stays flat whatever the project's size; the
temporary file grows with it (about 0.7 KB a claim), and goes when the check ends.

Files written by older builds log less: tags as a JSON string in ``claim.create``, and
no prefix, suffix or anchor state with a new claim, a re-anchor or a moved claim. Those
are recomputed from the version's text (``anchoring.describe``) where that is certain,
and left unchecked where it is not (a quote checked elsewhere and found only fuzzily).
"""

from __future__ import annotations

import collections
import hashlib
import heapq
import json
import sqlite3

from factcheck.core import anchoring, events, model, pages, timeline, workflow
from factcheck.core.text import N_

#: A value the events do not settle (an older file's fuzzy anchor): not compared.
UNKNOWN = object()
#: How many differing rows are named one by one before the rest are counted.
NAMED = 1
#: Records of each table kept in Python, the ones used last, in front of its temporary table.
KEPT = 4_000
#: How many of those are written back at a time when a table keeps too many.
WRITTEN = 1_000
#: Characters of versions' texts kept for the claims being replayed (the texts used last).
TEXT_KEPT = 8_000_000
#: The temporary database's page cache, in KiB (SQLite's default is 2,000): its B-trees'
#: inner pages stay in memory, so a record is found with about one read of the file.
TEMP_CACHE_KB = 32_000

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


# --- the temporary tables -----------------------------------------------------------------

#: Values a temporary table holds as they are; SQLite compares them as Python does (``+a IS +b``).
_PLAIN = frozenset({str, int, type(None)})
#: Blobs stand for what SQLite cannot hold as Python has it (no replayed value is bytes):
_UNKNOWN = b"\x00unknown"  # UNKNOWN
_ABSENT = b"\x00absent"  # a field the record lacks (a citation logged without a stance)
_JSON = b"\x01"  # followed by the JSON of a bool, a list, a dict, NaN, a huge integer, unpaired surrogates


def _stored(value: object) -> object:
    """A replayed value as its temporary table holds it: text, numbers and NULL as they are, anything else a blob."""
    if value is UNKNOWN:
        return _UNKNOWN
    kind = type(value)
    if value is None or (kind is int and -(2 ** 63) <= value < 2 ** 63) or (kind is float and value == value):
        return value
    if kind is str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            pass
        else:
            return value
    return _JSON + json.dumps(value).encode("ascii")


def _storable(key: object) -> bool:
    """Whether an id is text SQLite can hold (every id factcheck writes is)."""
    if not isinstance(key, str):
        return False
    try:
        key.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _loaded(value: object) -> object:
    """A value read back from a temporary table, as it was replayed."""
    if type(value) is not bytes:
        return value
    if value == _UNKNOWN:
        return UNKNOWN
    return json.loads(value[len(_JSON):])


def _raw(column: str) -> str:
    """A column read with text as its UTF-8 bytes (text that is not valid UTF-8 cannot be read as ``str``)."""
    return f"CASE WHEN typeof({column}) = 'text' THEN CAST({column} AS BLOB) ELSE {column} END"


class _Records:
    """One table of the rebuilt state: the records used last as dicts, every other one in a temporary table.

    It answers ``get`` and ``[id] = record`` as the dict it replaces did. A record is a
    dict the handlers change in place: it goes back to the table when ``KEPT`` others were
    used since. A row's place (its rowid) is the order in which the records were first
    made, as a dict's keys would be.
    """

    def __init__(self, conn: sqlite3.Connection, name: str, fields: tuple[str, ...]):
        self.conn = conn
        self.name = f"temp.{name}"
        self.fields = fields
        self._absent = (_ABSENT,) * len(fields)
        self._kept: collections.OrderedDict[str, dict] = collections.OrderedDict()
        self._places: dict[str, int] = {}
        # Records whose id is not text SQLite can hold (a number, unpaired surrogates: only a
        # forged event has one): kept here with their places; no table row can match them.
        self._odd: dict[object, tuple[int, dict]] = {}
        self._made = 0
        self._keeping = True
        columns = ", ".join(f"f{i}" for i in range(len(fields)))
        self.columns = columns
        conn.execute(f"CREATE TEMP TABLE {name} (id TEXT NOT NULL UNIQUE, {columns}, deleted)")
        updates = ", ".join(f"f{i} = excluded.f{i}" for i in range(len(fields)))
        self._upsert = (f"INSERT INTO {self.name} (rowid, id, {columns}, deleted) "
                        f"VALUES ({', '.join('?' * (len(fields) + 3))}) "
                        f"ON CONFLICT (id) DO UPDATE SET {updates}, deleted = excluded.deleted")
        self._select = f"SELECT rowid, {columns}, deleted FROM {self.name} WHERE id = ?"

    def get(self, key: object) -> dict | None:
        record = self._kept.get(key)  # an unhashable key raises TypeError, as a dict's get does
        if record is not None:
            self._kept.move_to_end(key)
            return record
        if self._odd and key in self._odd:
            return self._odd[key][1]
        if not isinstance(key, str):
            return None
        try:
            row = self.conn.execute(self._select, (key,)).fetchone()
        except UnicodeEncodeError:  # text SQLite cannot hold is not in the table
            return None
        if row is None:
            return None
        record = self.record(row[1:])
        if self._keeping:
            self._keep(key, record, row[0])
        return record

    def __setitem__(self, key: object, record: dict) -> None:
        if key in self._kept:  # an unhashable key raises TypeError, as a dict does
            self._kept[key] = record
            self._kept.move_to_end(key)
            return
        self._made += 1  # a new place; a record made again keeps its first one (see ``_upsert``)
        if (self._odd and key in self._odd) or not ((type(key) is str and key.isascii()) or _storable(key)):
            self._odd[key] = (self._odd.get(key, (self._made,))[0], record)
        else:
            self._keep(key, record, self._made)

    def _keep(self, key: str, record: dict, place: int) -> None:
        self._kept[key] = record
        self._places[key] = place
        if len(self._kept) > KEPT:
            self._write([self._row(*self._kept.popitem(last=False)) for _ in range(WRITTEN)])

    def _row(self, key: str, record: dict) -> list:
        values = list(map(record.get, self.fields, self._absent))
        if not _PLAIN.issuperset(map(type, values)):  # rare: written one by one
            values = [v if type(v) in _PLAIN or v is _ABSENT else _stored(v) for v in values]
        return [self._places.pop(key), key, *values, 1 if record["deleted"] else 0]

    def _write(self, rows: list[list]) -> None:
        try:
            self.conn.executemany(self._upsert, rows)
        except (OverflowError, UnicodeEncodeError):  # an integer past 64 bits, text with unpaired surrogates
            self.conn.executemany(self._upsert, [[v if type(v) is bytes else _stored(v) for v in r] for r in rows])

    def record(self, values) -> dict:
        """A record from its temporary row's fields and deleted flag."""
        record = {}
        for field, value in zip(self.fields, values):
            if type(value) is bytes:
                if value == _ABSENT:
                    continue
                value = _loaded(value)
            record[field] = value
        record["deleted"] = bool(values[-1])
        return record

    def absent_from(self, table: str):
        """``(id, record)`` of the records no row of ``table`` has, in the order they were made."""
        written = ((row[0], row[1], self.record(row[2:])) for row in self.conn.execute(
            f"SELECT r.rowid, r.id, {self.columns}, r.deleted FROM {self.name} AS r "
            f"WHERE NOT EXISTS (SELECT 1 FROM main.{table} AS t WHERE t.id = r.id) ORDER BY r.rowid"))
        odd = sorted(((place, key, record) for key, (place, record) in self._odd.items()), key=lambda e: e[0])
        for _, key, record in heapq.merge(written, odd, key=lambda e: e[0]):
            yield key, record

    def finish(self) -> None:
        """Write every kept record to the table, for ``compare``; records read from now on are not kept."""
        self._write([self._row(key, record) for key, record in self._kept.items()])
        self._kept.clear()
        self._keeping = False

    def clear(self) -> None:
        self._kept.clear()
        self._places.clear()
        self._odd.clear()
        self._made = 0
        self._keeping = True
        self.conn.execute(f"DELETE FROM {self.name}")


class _Versions:
    """Every version's article, number, length and fingerprint check in a temporary table; the texts used last.

    Versions never change after import: each is read once here (its SHA-256 checked, one
    text at a time), and its text again when a claim on it is replayed.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._texts: collections.OrderedDict[str, tuple] = collections.OrderedDict()
        self._characters = 0
        conn.execute("CREATE TEMP TABLE replay_versions (id, article_id, number, length, matches)")
        conn.execute("CREATE INDEX temp.replay_versions_id ON replay_versions (id)")
        batch = []
        # The rowid is the version's own: the texts are read back by it, and checked in the table's order.
        for rowid, version_id, article_id, number, stored, sha in conn.execute(
                f"SELECT rowid, {_raw('id')}, {_raw('article_id')}, number, {_raw('text')}, {_raw('sha256')} "
                "FROM versions"):
            raw = stored if isinstance(stored, bytes) else b""
            text = raw.decode("utf-8", errors="replace")
            batch.append((rowid, _text(version_id), _text(article_id), number, len(text),
                          hashlib.sha256(raw).hexdigest() == _text(sha)))
            if len(batch) == 500:
                self._insert(batch)
        self._insert(batch)

    def _insert(self, batch: list[tuple]) -> None:
        self.conn.executemany("INSERT INTO temp.replay_versions (rowid, id, article_id, number, length, matches) "
                              "VALUES (?, ?, ?, ?, ?, ?)", batch)
        batch.clear()

    def get(self, version_id: object) -> tuple | None:
        """``(article_id, number, text)`` of a version, or None."""
        version = self._texts.get(version_id)  # an unhashable id raises TypeError, as a dict's get does
        if version is not None:
            self._texts.move_to_end(version_id)
            return version
        if not isinstance(version_id, str):
            return None
        try:
            row = self.conn.execute("SELECT rowid, article_id, number FROM temp.replay_versions WHERE id = ? "
                                    "ORDER BY rowid DESC LIMIT 1", (version_id,)).fetchone()
        except UnicodeEncodeError:
            return None
        if row is None:
            return None
        stored = self.conn.execute(f"SELECT {_raw('text')} FROM versions WHERE rowid = ?", (row[0],)).fetchone()[0]
        text = (stored if isinstance(stored, bytes) else b"").decode("utf-8", errors="replace")
        version = self._texts[version_id] = (row[1], row[2], text)
        self._characters += len(text)
        while self._characters > TEXT_KEPT and len(self._texts) > 1:
            self._characters -= len(self._texts.popitem(last=False)[1][2])
        return version

    def meta(self, version_id: object) -> tuple | None:
        """``(article_id, number, length of its text)`` of a version, or None."""
        if not isinstance(version_id, str):
            return None
        return self.conn.execute("SELECT article_id, number, length FROM temp.replay_versions WHERE id = ? "
                                 "ORDER BY rowid DESC LIMIT 1", (version_id,)).fetchone()

    def unmatched(self) -> sqlite3.Cursor:
        """``(article_id, number)`` of the versions whose text no longer matches its fingerprint, in table order."""
        return self.conn.execute("SELECT article_id, number FROM temp.replay_versions WHERE NOT matches "
                                 "ORDER BY rowid")


class _Problems:
    """The rows found wrong: the first ``NAMED`` kept as sentences, the rest counted."""

    def __init__(self):
        self.named: list[str] = []
        self.count = 0

    def add(self, problem: str) -> None:
        if len(self.named) < NAMED:
            self.named.append(problem)
        self.count += 1

    def mark(self) -> tuple[int, int]:
        return len(self.named), self.count

    def back_to(self, mark: tuple[int, int]) -> None:
        del self.named[mark[0]:]
        self.count = mark[1]


class Replay:
    """The state the events describe, built one event at a time; ``compare`` checks the tables against it.

    Made inside a transaction of ``store``'s connection (``verify`` opens one): its temporary
    tables go when that transaction is rolled back.
    """

    def __init__(self, store):
        self.store = store
        conn = store.conn
        self.versions = _Versions(conn)
        self.articles = _Records(conn, "replay_articles", ARTICLE_FIELDS)
        self.claims = _Records(conn, "replay_claims", CLAIM_FIELDS)
        self.sources = _Records(conn, "replay_sources", SOURCE_FIELDS)
        self.citations = _Records(conn, "replay_citations", CITATION_FIELDS)
        self.attachments = _Records(conn, "replay_attachments", ATTACHMENT_FIELDS)
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

    def _tables(self) -> tuple[_Records, ...]:
        return self.articles, self.claims, self.sources, self.citations, self.attachments

    def reset(self) -> None:
        """Forget every event applied (the walk starts again)."""
        for table in self._tables():
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
        for records in self._tables():
            records.finish()
        problems = _Problems()
        for article_id, number in self.versions.unmatched():
            problems.add(N_(
                "the text of version {number} of {article} does not match the fingerprint taken when it was "
                "imported: it was edited outside factcheck, or damaged.", number=number,
                article=self._article_label(article_id)))
        for version_id, stored in self.store.conn.execute(
                f"SELECT {_raw('id')}, CAST(pages AS BLOB) FROM versions WHERE pages IS NOT NULL ORDER BY rowid"):
            version = self.versions.meta(_text(version_id))
            stored = _text(stored)
            if version is not None and (isinstance(stored, Garbled) or pages.damaged(stored, version[2])):
                problems.add(N_(
                    "the page starts of version {number} of {article} (where each page of its original begins) do "
                    "not fit its text: they were edited outside factcheck, or damaged.", number=version[1],
                    article=self._article_label(version[0])))
        tables = (
            ("articles", self.articles, self._article_label),
            ("claims", self.claims, self._claim_label),
            ("sources", self.sources, self._source_label),
            ("citations", self.citations, self._citation_label),
            ("attachments", self.attachments, self._attachment_label),
        )
        checked = 0
        for table, records, label in tables:
            checked += self.store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            mark = problems.mark()
            try:
                self._compare_rows(problems, table, records, label, raw=False)
            except sqlite3.Error as exc:
                if not events.decoding_error(exc):
                    raise
                # Some text is not valid UTF-8: read every text value as bytes and decode it here.
                problems.back_to(mark)
                self._compare_rows(problems, table, records, label, raw=True)
            for entity_id, record in records.absent_from(table):
                problems.add(N_("{row} is in the history but not in the table: the row was removed outside "
                                "factcheck.", row=label(entity_id, record)))
        if not problems.count:
            return events.Verdict(True, n_events, entities=checked)
        text = problems.named[0]
        for problem in problems.named[1:NAMED]:
            text = N_("{problems} {problem}", problems=text, problem=problem)
        rest = problems.count - NAMED
        if rest == 1:
            text = N_("{problems} 1 more row differs from the history too.", problems=text)
        elif rest > 1:
            text = N_("{problems} {n} more rows differ from the history too.", problems=text, n=rest)
        return events.Verdict(False, n_events, None, text)

    def _compare_rows(self, problems: _Problems, table: str, records: _Records, label, *, raw: bool) -> None:
        """Name each row of ``table`` that its rebuilt twin does not match, in the table's order.

        SQL picks the rows that may differ: no twin, another deleted flag, or a field whose
        value is not the same (``+a IS +b``: no type conversion, as Python compares; a blob
        in the twin, which only a value SQLite cannot hold makes, is always picked unless it
        is UNKNOWN). Python then compares those rows as read, and words the difference.
        """
        fields = records.fields
        quoted = [f't."{f}"' for f in ("id", *fields)]
        shown = ", ".join(_raw(c) for c in quoted) if raw else ", ".join(quoted)
        same = " AND ".join(
            f"CASE WHEN typeof(r.f{i}) = 'blob' THEN r.f{i} = X'{_UNKNOWN.hex()}' "
            f"ELSE (+{column}) IS (+r.f{i}) COLLATE BINARY END" for i, column in enumerate(quoted[1:]))
        twin = ", ".join(f"r.f{i}" for i in range(len(fields)))
        rows = self.store.conn.execute(
            f"SELECT {shown}, t.deleted_at IS NOT NULL, r.id IS NOT NULL, {twin}, r.deleted "
            f"FROM main.{table} AS t LEFT JOIN {records.name} AS r ON r.id = t.id "
            f"WHERE r.id IS NULL OR r.deleted IS NOT (t.deleted_at IS NOT NULL) OR NOT ({same}) ORDER BY t.rowid")
        n = len(fields)
        for row in rows:
            entity_id = _text(row[0]) if raw else row[0]
            actual = (*(map(_text, row[1:n + 1]) if raw else row[1:n + 1]), bool(row[n + 1]))
            if not row[n + 2]:
                problems.add(N_("{row} is in the table but not in the history: the row was added outside "
                                "factcheck.", row=label(entity_id, None)))
                continue
            record = records.record(row[n + 3:])
            wanted = tuple(map(record.get, fields)) + (record["deleted"],)
            if actual != wanted:
                problem = self._difference(label(entity_id, record), fields, actual, wanted)
                if problem:
                    problems.add(problem)

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



def _text(value: object) -> object:
    if not isinstance(value, bytes):
        return value
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return Garbled(value.decode("utf-8", errors="replace"))




def _temp_on_disk(conn: sqlite3.Connection) -> None:
    """Keep the connection's temporary tables in a file (most builds do already), so the replay's size is not memory's.

    SQLite refuses the change while temporary tables of this connection are in use
    inside a transaction: they then stay where they are.
    """
    if conn.execute("PRAGMA temp_store").fetchone()[0] != 1:
        try:
            conn.execute("PRAGMA temp_store = FILE")
        except sqlite3.OperationalError:
            pass


def verify(store, *, progress=None) -> events.Verdict:
    """The chain, then the state: every article, claim, source and citation as its events left it.

    ``progress(done, total)``: as ``events.verify_chain`` calls it (False cancels).

    Read in one snapshot, so a change another program commits meanwhile is not mistaken
    for a hand edit: the caller's transaction, or one of its own. The rebuilt state lives
    in temporary tables made inside a savepoint and gone with its rollback, so nothing of
    it outlasts the check, whatever the caller's transaction does next. SQLite errors while
    reading (a damaged page) come out as ``KnownError``.
    """
    conn = store.conn
    try:
        _temp_on_disk(conn)
        cache_kb = conn.execute("PRAGMA temp.cache_size").fetchone()[0]
        conn.execute(f"PRAGMA temp.cache_size = -{TEMP_CACHE_KB}")
        conn.execute("SAVEPOINT replay")  # outside a transaction, it opens one: the snapshot
        try:
            state = Replay(store)
            verdict = events.verify_chain(store, state, progress=progress)
            return state.compare(verdict.events) if verdict.ok else verdict
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK TO replay")
                conn.execute("RELEASE replay")
            conn.execute(f"PRAGMA temp.cache_size = {cache_kb or -2000}")  # 0: never set, SQLite's default
    except sqlite3.Error as exc:
        raise store.error(exc) from exc
