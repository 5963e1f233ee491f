"""Articles and their versions: import, metadata, delete/restore, and new versions that re-anchor claims."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import unicodedata
from collections.abc import Iterable

from factcheck.core import anchoring, claims, events, fields, model, pages
from factcheck.core.entity import Manager
from factcheck.core.errors import BugError, Conflict, InvalidInput, NotFound
from factcheck.core.model import Changes, What
from factcheck.core.text import N_

EDITABLE = ("title", "outlet", "author", "url", "published_at", "language", "factcheck_url")
_IMPORTED = ("title", "outlet", "author", "url", "published_at", "language")
_ARTICLE_COLUMNS = (
    "a.id, a.title, a.outlet, a.author, a.url, a.published_at, a.language, a.created_at, "
    "(SELECT v.id FROM versions v WHERE v.article_id = a.id ORDER BY v.number DESC LIMIT 1), "
    "(SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.deleted_at IS NULL), a.factcheck_url"
)
#: How a refusal names each one-line field.
_LABELS = {
    "title": N_("article's title"), "outlet": N_("article's outlet"), "author": N_("article's author"),
    "language": N_("article's language"),
}
_DATE_LABEL = N_("article's date")


def clean(values: dict[str, object], *, restore: bool = False) -> dict[str, str]:
    """Article metadata as stored: one line each, an http(s) URL, a calendar date.

    ``restore``: values the file held before (an undo), not judged again.
    """
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise InvalidInput(N_("Articles have no field {name}.", name=repr(sorted(unknown)[0])))
    out = {}
    for key, value in values.items():
        if restore:
            out[key] = str(value or "")
        elif key == "url":
            out[key] = fields.url(value, N_("article's URL"))
        elif key == "factcheck_url":
            out[key] = fields.url(value, N_("fact-check's published URL"))
        elif key == "published_at":
            out[key] = _published(value)
        else:
            out[key] = fields.line(value, _LABELS.get(key, key))
    return out


def _published(value: object) -> str:
    """A publication date: a calendar date, or an ISO date-time an importer found (kept as given)."""
    text = fields.line(value, _DATE_LABEL, limit=64)
    if len(text) > 10:
        try:
            datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise InvalidInput(N_("The article's date “{value}” is not a date. Write it as YYYY-MM-DD.",
                                  value=text[:40])) from None
        if not text[:4].isdigit() or not text.isascii():
            raise InvalidInput(N_("The article's date “{value}” is not a date. Write it as YYYY-MM-DD.", value=text[:40]))
        return text
    return fields.date(text, _DATE_LABEL)



def content_keys(imported) -> tuple[str, str | None]:
    """(SHA-256 of the text as it would be stored, of the original bytes or None): what ``already_imported``
    matches a file or pasted text by, and what tells two files of one import apart."""
    text_sha = hashlib.sha256(_stored_text(imported.text).encode("utf-8")).hexdigest()
    return text_sha, hashlib.sha256(imported.original).hexdigest() if imported.original else None

class Articles(Manager):
    def __init__(self, project):
        super().__init__(project)
        self._texts: dict[str, str] = {}
        self.store.on_rollback(self._texts.clear)  # a rolled-back version's text must not linger
        self._pages: dict[str, pages.PageMap | None] = {}
        self.store.on_rollback(self._pages.clear)

    # --- writes -----------------------------------------------------------------------

    def _store_blob(self, data: bytes, mime: str, filename: str) -> str:
        digest = hashlib.sha256(data).hexdigest()
        self.store.execute(
            "INSERT OR IGNORE INTO blobs (sha256, mime, size, filename, data) VALUES (?, ?, ?, ?, ?)",
            (digest, mime, len(data), filename, data),
        )
        return digest

    def _insert_version(self, article_id: str, number: int, imported) -> str:
        if not imported.text.strip():
            raise InvalidInput(N_("The article has no text."))
        text = _stored_text(imported.text)
        blob = self._store_blob(imported.original, imported.mime, imported.source_name) if imported.original else None
        version_id = model.new_id()
        page_map = pages.encode(getattr(imported, "pages", ()), getattr(imported, "page_labels", ()), len(text))
        self.store.execute(
            "INSERT INTO versions (id, article_id, number, text, sha256, source_format, source_name, "
            "original_blob, imported_at, imported_by, pages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                version_id, article_id, number, text, hashlib.sha256(text.encode("utf-8")).hexdigest(),
                imported.source_format, imported.source_name, blob, events.stamp(self.store), self.user, page_map,
            ),
        )
        self._texts[version_id] = text
        return version_id

    def import_article(self, imported, **metadata: str) -> Changes:
        """Store an ``importers.ImportedArticle`` as a new article (its version 1).

        ``metadata`` (title, outlet, author, url, published_at, language, factcheck_url)
        overrides what the importer found. What the importer found is kept where valid (a page's
        ``javascript:`` link is dropped); what a person typed is validated.
        """
        found = {**found_metadata(imported), "factcheck_url": ""}
        unknown = set(metadata) - set(found)
        if unknown:
            raise BugError(f"unknown article fields: {sorted(unknown)}")
        found.update(clean({k: v for k, v in metadata.items() if v is not None}))
        if not found["title"].strip():
            found["title"] = imported.source_name or "Untitled article"
        article_id = model.new_id()
        now = model.now()
        with self.store.transaction():
            self.store.execute(
                "INSERT INTO articles (id, title, outlet, author, url, published_at, language, factcheck_url, "
                "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, *(found[k] for k in EDITABLE), now, self.user),
            )
            version_id = self._insert_version(article_id, 1, imported)
            seq = self.log(
                "article.import", "article", article_id,
                {"after": found, "version_id": version_id, "source_name": imported.source_name,
                 "source_format": imported.source_format},
            )
        return Changes(action="article.import", what=What.ARTICLES | What.VERSIONS,
                       articles=frozenset({article_id}), versions=frozenset({version_id}),
                       created=article_id, event_seq=seq)

    def update(self, article_id: str, *, restore: bool = False, **values: object) -> Changes:
        values = clean(values, restore=restore)
        with self.store.transaction():
            before = self.article(article_id)
            changed = {k: v for k, v in values.items() if getattr(before, k) != v}
            if not changed:
                return Changes(action="article.update")
            sets = ", ".join(f"{k} = ?" for k in changed)
            self.store.execute(f"UPDATE articles SET {sets} WHERE id = ?", (*changed.values(), article_id))
            seq = self.log(
                "article.update", "article", article_id,
                {"before": {k: getattr(before, k) for k in changed}, "after": changed},
            )
        return Changes(action="article.update", what=What.ARTICLES, articles=frozenset({article_id}), event_seq=seq)

    def set_deleted(self, article_id: str, *, deleted: bool) -> Changes:
        action = "article.delete" if deleted else "article.restore"
        with self.store.transaction():
            row = self.store.execute("SELECT title, deleted_at FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise NotFound(N_("There is no article with id {id} in this project.", id=repr(article_id)))
            if (row[1] is not None) == deleted:
                return Changes(action=action)
            self.store.execute("UPDATE articles SET deleted_at = ? WHERE id = ?", (model.now() if deleted else None, article_id))
            seq = self.log(action, "article", article_id, {"title": row[0]})
        return Changes(action=action, what=What.ARTICLES | What.ANCHORS, articles=frozenset({article_id}), event_seq=seq)

    def add_version(self, article_id: str, imported, *, if_changed: bool = False,
                    journal: VersionJournal | None = None) -> Changes:
        """Store a new version of an article and re-anchor its claims onto it.

        Claims whose words survive keep state exact/moved; edited words become fuzzy
        (a person must confirm); claims whose words are gone become orphaned and keep
        their quote and their old version, waiting to be re-anchored by hand.

        ``if_changed``: a text the same as the current version's adds nothing (the
        ``Changes`` carry no event), so an update run again is harmless. ``journal``: filled
        with what was written, for ``undo_add_version``.
        """
        claims_ = self.project.managers.claims
        with self.store.transaction():
            self.article(article_id)  # a deleted article takes no new versions
            current = self.current_version(article_id)
            if if_changed and _stored_text(imported.text) == current.text:
                return Changes(action="article.add_version", versions=frozenset({current.id}))
            old_text = current.text
            # Every claim on the current version, deleted ones too (a restore must find
            # them on the text they belong to), read inside the transaction.
            on_version = claims_.on_version(current.id)
            if journal is not None:
                journal.begin(self.store, article_id, current.id, imported)
            version_id = self._insert_version(article_id, current.number + 1, imported)
            new_text = self._texts[version_id]
            relocator = anchoring.Relocator(old_text, new_text)
            moved = claims_.apply_matches(((c, relocator.locate(claims.selectors(c))) for c in on_version),
                                          version_id, new_text)
            seq = self.log(
                "article.add_version", "article", article_id,
                {"version_id": version_id, "number": current.number + 1, "source_name": imported.source_name,
                 "claims": moved},
            )
            if journal is not None:
                journal.end(self.store, version_id, seq)
        return Changes(
            action="article.add_version", what=What.VERSIONS | What.ANCHORS | What.ARTICLES,
            articles=frozenset({article_id}), versions=frozenset({version_id}),
            claims=frozenset(moved), created=version_id, event_seq=seq,
        )

    def undo_add_version(self, journal: VersionJournal) -> Changes:
        """Take a new version back whole: its event, its row, its original, the claims' anchors as they were.

        As ``merge.undo`` does, and for the same reason, by removing its events from the
        end of the log rather than by writing reversing ones. Only while nothing but the
        review of its claims (re-anchors, each undone since) followed it, and it never
        left this copy (no hand-off written or read since, no sync server): otherwise
        ``Conflict``.
        """
        store = self.store
        with store.transaction():
            if store.execute("SELECT 1 FROM sync_state WHERE key = 'dsn'").fetchone():
                raise Conflict(N_("This project syncs through a server, so a new version cannot be taken back; "
                                  "add the right text as a newer version instead."))
            row = store.execute("SELECT id FROM events WHERE seq = ?", (journal.seq,)).fetchone()
            exchanged = store.execute("SELECT COALESCE(max(id), 0) FROM exchanges").fetchone()[0]
            if row is None or row[0] != journal.event_id or exchanged != journal.exchanges_before:
                raise Conflict(N_("This version was sent to or merged with another copy since, so it can no longer "
                                  "be undone; add the right text as a newer version instead."))
            later = store.execute("SELECT action, entity_id FROM events WHERE seq > ?", (journal.seq,)).fetchall()
            now = journal.anchors(store)
            if any(a != "claim.reanchor" or e not in journal.after for a, e in later) or now != journal.after:
                raise Conflict(N_("The article or its claims changed after this version was added, so it can no "
                                  "longer be undone; add the right text as a newer version instead."))
            store.execute("DELETE FROM events WHERE seq >= ?", (journal.seq,))
            store.executemany(
                'UPDATE claims SET version_id = ?, start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, '
                "anchor_state = ?, anchor_score = ?, revision = ? WHERE id = ?",
                [(*values, claim_id) for claim_id, values in journal.before.items()])
            store.execute("DELETE FROM versions WHERE id = ?", (journal.version_id,))
            if journal.blob:
                store.execute("DELETE FROM blobs WHERE sha256 = ? AND NOT EXISTS "
                              "(SELECT 1 FROM versions WHERE original_blob = ?)", (journal.blob, journal.blob))
        self.forget_versions([journal.version_id])
        return Changes(
            action="article.add_version", what=What.VERSIONS | What.ANCHORS | What.ARTICLES,
            articles=frozenset({journal.article_id}), versions=frozenset({journal.version_id}),
            claims=frozenset(journal.before), event_seq=journal.seq - 1,
        )

    # --- reads ------------------------------------------------------------------------

    def articles(self) -> list[model.Article]:
        rows = self.store.read(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.deleted_at IS NULL ORDER BY a.created_at, a.rowid"
        )
        return [model.Article(*row) for row in rows]

    def article(self, article_id: str) -> model.Article:
        rows = self.store.read(f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.id = ? AND a.deleted_at IS NULL",
                               (article_id,))
        if not rows:
            raise NotFound(N_("There is no article with id {id} in this project.", id=repr(article_id)))
        return model.Article(*rows[0])

    def versions(self, article_id: str) -> list[model.Version]:
        rows = self.store.read(
            "SELECT id, article_id, number, '', sha256, source_format, source_name, original_blob, imported_at, "
            "imported_by FROM versions WHERE article_id = ? ORDER BY number",
            (article_id,),
        )
        return [model.Version(*row) for row in rows]

    def version(self, version_id: str) -> model.Version:
        row = self.store.read_one(
            "SELECT id, article_id, number, sha256, source_format, source_name, original_blob, imported_at, "
            "imported_by, pages FROM versions WHERE id = ?",
            (version_id,),
        )
        if row is None:
            raise NotFound(N_("There is no article version with id {id}.", id=repr(version_id)))
        text = self.text(version_id)
        if version_id not in self._pages:  # read with the row: the inspector asks for it next
            self._pages[version_id] = pages.decode(row[9], len(text)) if row[9] else None
        return model.Version(row[0], row[1], row[2], text, *row[3:9])

    def already_imported(self, imported) -> list[model.Version]:
        """The versions of live articles that hold ``imported`` already: its original bytes, or its text as stored.

        Asked before a file or pasted text becomes a new article, so that the same article
        is not checked in two copies whose claims never meet. The text is compared as
        stored (NFC, ``\\n`` line ends), so a ``.txt`` and the same words pasted match. One
        version per article, its first such, oldest article first; deleted articles are
        not counted (their claims are out of sight).

        There is no index on ``versions.sha256`` or ``original_blob``: this reads every
        version row, about 40 ms over the 1,000 versions (150 MB of text) of the largest
        benchmark project, warm, which an import can afford.
        """
        text_sha, original_sha = content_keys(imported)
        rows = self.store.read(
            "SELECT v.id, v.article_id, v.number, '', v.sha256, v.source_format, v.source_name, v.original_blob, "
            "v.imported_at, v.imported_by FROM versions v JOIN articles a ON a.id = v.article_id "
            "WHERE a.deleted_at IS NULL AND (v.sha256 = ? OR v.original_blob = ?) "
            "ORDER BY a.created_at, a.rowid, v.number",
            (text_sha, original_sha),
        )
        found: dict[str, model.Version] = {}
        for row in rows:
            found.setdefault(row[1], model.Version(*row))
        return list(found.values())

    def article_of_version(self, version_id: str) -> str:
        row = self.store.read_one("SELECT article_id FROM versions WHERE id = ?", (version_id,))
        if row is None:
            raise NotFound(N_("There is no article version with id {id}.", id=repr(version_id)))
        return row[0]

    def forget_versions(self, version_ids: Iterable[str]) -> None:
        """Drop what is cached of versions taken out of the project (an undone import or merge)."""
        for version_id in version_ids:
            self._texts.pop(version_id, None)
            self._pages.pop(version_id, None)

    def text(self, version_id: str, *, keep: bool = True) -> str:
        """A version's text (cached: versions never change; ``keep=False``: not kept, for a stream of many)."""
        text = self._texts.get(version_id)
        if text is None:
            row = self.store.read_one("SELECT text FROM versions WHERE id = ?", (version_id,))
            if row is None:
                raise NotFound(N_("There is no article version with id {id}.", id=repr(version_id)))
            text = row[0]
            if keep:
                self._texts[version_id] = text
        return text

    def current_version(self, article_id: str) -> model.Version:
        row = self.store.read_one("SELECT id FROM versions WHERE article_id = ? ORDER BY number DESC LIMIT 1", (article_id,))
        if row is None:
            raise NotFound(N_("There is no article with id {id} in this project.", id=repr(article_id)))
        return self.version(row[0])

    def page_map(self, version_id: str) -> pages.PageMap | None:
        """Where each page of the version's original starts, and its label; None when it has no pages (cached)."""
        if version_id not in self._pages:
            # The text's length from SQL (characters): a stream of many versions keeps no text.
            row = self.store.read_one("SELECT pages, length(text) FROM versions WHERE id = ?", (version_id,))
            if row is None:
                raise NotFound(N_("There is no article version with id {id}.", id=repr(version_id)))
            self._pages[version_id] = pages.decode(row[0], row[1]) if row[0] else None
        return self._pages[version_id]

    def page_of(self, version_id: str, offset: int) -> str | None:
        """The label of the page ("12") holding the character at ``offset`` of a version, None when it has no pages."""
        page_map = self.page_map(version_id)
        return page_map.page_of(offset) if page_map else None

    def blob(self, sha256: str) -> bytes:
        row = self.store.read_one("SELECT data FROM blobs WHERE sha256 = ?", (sha256,))
        if row is None:
            raise NotFound(N_("The original file is not stored in this project."))
        return row[0]


def _stored_text(text: str) -> str:
    """A version's text as stored: NFC, "\\n" line ends."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


@dataclasses.dataclass
class VersionJournal:
    """What one new version wrote (``add_version(journal=...)``), so ``undo_add_version`` can take it back.

    Kept in memory by the undo step (``history.AddVersion``), as a merge keeps its ``Journal``.
    """

    article_id: str = ""
    version_id: str = ""
    seq: int = 0  # the add_version event's
    event_id: str = ""
    exchanges_before: int = 0
    blob: str | None = None  # the original file, when this version stored it first
    #: claim id -> its anchor columns (``_BEFORE``) before the version was added
    before: dict[str, tuple] = dataclasses.field(default_factory=dict)
    #: claim id -> its anchor and status (``_LEFT``) as the version left them
    after: dict[str, tuple] = dataclasses.field(default_factory=dict)

    _BEFORE = 'version_id, start, "end", exact, prefix, suffix, anchor_state, anchor_score, revision'
    _LEFT = 'version_id, start, "end", exact, prefix, suffix, anchor_state, status, deleted_at'

    def begin(self, store, article_id: str, current_id: str, imported) -> None:
        self.article_id = article_id
        self.exchanges_before = store.execute("SELECT COALESCE(max(id), 0) FROM exchanges").fetchone()[0]
        rows = store.execute(f"SELECT id, {self._BEFORE} FROM claims WHERE version_id = ? AND anchor_state != 'orphaned'",
                             (current_id,)).fetchall()
        self.before = {row[0]: tuple(row[1:]) for row in rows}
        self.blob = None
        if imported.original:
            digest = hashlib.sha256(imported.original).hexdigest()
            if store.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (digest,)).fetchone() is None:
                self.blob = digest

    def end(self, store, version_id: str, seq: int) -> None:
        self.version_id, self.seq = version_id, seq
        self.event_id = store.execute("SELECT id FROM events WHERE seq = ?", (seq,)).fetchone()[0]
        self.after = self.anchors(store)

    def anchors(self, store) -> dict[str, tuple]:
        """The journal's claims' anchors and status as they are now."""
        rows = store.execute(f"SELECT id, {self._LEFT} FROM claims WHERE article_id = ?", (self.article_id,))
        return {row[0]: tuple(row[1:]) for row in rows if row[0] in self.before}


def found_metadata(imported) -> dict[str, str]:
    """What an importer found, as an article keeps it: a page's unsafe link or odd date left out."""
    return {
        "title": _found(imported.title), "outlet": _found(imported.outlet), "author": _found(imported.author),
        "url": fields.safe_url(imported.url),
        "published_at": imported.published_at if not _bad_date(imported.published_at) else "",
        "language": _found(imported.language),
    }


def _found(value: str) -> str:
    """Metadata an importer found: one line, cut to the field's limit (a page's odd title never refuses it)."""
    return unicodedata.normalize("NFC", " ".join(str(value or "").replace("\x00", "").split()))[: fields.MAX_LINE]


def _bad_date(value: str) -> bool:
    try:
        _published(value)
    except InvalidInput:
        return True
    return False
