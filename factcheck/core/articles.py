"""Articles and their versions: import, metadata, delete/restore, and new versions that re-anchor claims."""

from __future__ import annotations

import datetime
import hashlib
import unicodedata

from factcheck.core import anchoring, claims, events, fields, model
from factcheck.core.entity import Manager
from factcheck.core.errors import BugError, InvalidInput, NotFound
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


class Articles(Manager):
    def __init__(self, project):
        super().__init__(project)
        self._texts: dict[str, str] = {}
        self.store.on_rollback(self._texts.clear)  # a rolled-back version's text must not linger

    # --- writes -----------------------------------------------------------------------

    def _store_blob(self, data: bytes, mime: str, filename: str) -> str:
        digest = hashlib.sha256(data).hexdigest()
        self.store.execute(
            "INSERT OR IGNORE INTO blobs (sha256, mime, size, filename, data) VALUES (?, ?, ?, ?, ?)",
            (digest, mime, len(data), filename, data),
        )
        return digest

    def _insert_version(self, article_id: str, number: int, imported) -> str:
        text = imported.text
        if not text.strip():
            raise InvalidInput(N_("The article has no text."))
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        blob = self._store_blob(imported.original, imported.mime, imported.source_name) if imported.original else None
        version_id = model.new_id()
        self.store.execute(
            "INSERT INTO versions (id, article_id, number, text, sha256, source_format, source_name, "
            "original_blob, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                version_id, article_id, number, text, hashlib.sha256(text.encode("utf-8")).hexdigest(),
                imported.source_format, imported.source_name, blob, events.stamp(self.store), self.user,
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

    def add_version(self, article_id: str, imported) -> Changes:
        """Store a new version of an article and re-anchor its claims onto it.

        Claims whose words survive keep state exact/moved; edited words become fuzzy
        (a person must confirm); claims whose words are gone become orphaned and keep
        their quote and their old version, waiting to be re-anchored by hand.
        """
        claims_ = self.project.managers.claims
        with self.store.transaction():
            self.article(article_id)  # a deleted article takes no new versions
            current = self.current_version(article_id)
            old_text = current.text
            # Every claim on the current version, deleted ones too (a restore must find
            # them on the text they belong to), read inside the transaction.
            on_version = claims_.on_version(current.id)
            version_id = self._insert_version(article_id, current.number + 1, imported)
            new_text = self._texts[version_id]
            relocator = anchoring.Relocator(old_text, new_text)
            moved = {}
            for claim in on_version:
                match = relocator.locate(claims.selectors(claim))
                moved[claim.id] = claims_.apply_match(claim, version_id, new_text, match)
            seq = self.log(
                "article.add_version", "article", article_id,
                {"version_id": version_id, "number": current.number + 1, "source_name": imported.source_name,
                 "claims": moved},
            )
        return Changes(
            action="article.add_version", what=What.VERSIONS | What.ANCHORS | What.ARTICLES,
            articles=frozenset({article_id}), versions=frozenset({version_id}),
            claims=frozenset(moved), created=version_id, event_seq=seq,
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
            "imported_by FROM versions WHERE id = ?",
            (version_id,),
        )
        if row is None:
            raise NotFound(N_("There is no article version with id {id}.", id=repr(version_id)))
        return model.Version(row[0], row[1], row[2], self.text(version_id), *row[3:])

    def article_of_version(self, version_id: str) -> str:
        row = self.store.read_one("SELECT article_id FROM versions WHERE id = ?", (version_id,))
        if row is None:
            raise NotFound(N_("There is no article version with id {id}.", id=repr(version_id)))
        return row[0]

    def text(self, version_id: str) -> str:
        """A version's text (cached: versions never change)."""
        text = self._texts.get(version_id)
        if text is None:
            row = self.store.read_one("SELECT text FROM versions WHERE id = ?", (version_id,))
            if row is None:
                raise NotFound(N_("There is no article version with id {id}.", id=repr(version_id)))
            text = self._texts[version_id] = row[0]
        return text

    def current_version(self, article_id: str) -> model.Version:
        row = self.store.read_one("SELECT id FROM versions WHERE article_id = ? ORDER BY number DESC LIMIT 1", (article_id,))
        if row is None:
            raise NotFound(N_("There is no article with id {id} in this project.", id=repr(article_id)))
        return self.version(row[0])

    def blob(self, sha256: str) -> bytes:
        row = self.store.read_one("SELECT data FROM blobs WHERE sha256 = ?", (sha256,))
        if row is None:
            raise NotFound(N_("The original file is not stored in this project."))
        return row[0]


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
