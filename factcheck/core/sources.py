"""The source library and citations: which source a claim cites, with what stance and passage."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from factcheck.core import events, fields, model
from factcheck.core.claims import fts_query
from factcheck.core.entity import Manager
from factcheck.core.errors import InvalidInput, NotFound
from factcheck.core.model import Changes, What
from factcheck.core.text import N_

SOURCE_COLUMNS = (
    "id, title, url, publisher, author, published_at, accessed_at, kind, reliability, "
    "confidential, notes, archive_blob, created_at, created_by, deleted_at"
)
CITATION_COLUMNS = "id, claim_id, source_id, stance, quote, locator, note, created_at, created_by"
#: How a refusal names each text field of a source, and of a citation.
_SOURCE_LABELS = {
    "title": N_("source's title"), "publisher": N_("source's publisher"), "author": N_("source's author"),
    "published_at": N_("source's published at"), "accessed_at": N_("source's accessed at"),
}
_CITATION_LABELS = {
    "stance": N_("citation's stance"), "quote": N_("citation's quote"), "locator": N_("citation's locator"),
    "note": N_("citation's note"),
}
_LIVE_CITATIONS = (
    "FROM citations c JOIN claims k ON k.id = c.claim_id JOIN articles a ON a.id = k.article_id "
    "WHERE c.deleted_at IS NULL AND k.deleted_at IS NULL AND a.deleted_at IS NULL"
)


def source_from_row(row) -> model.Source:
    values = list(row)
    values[9] = bool(values[9])
    return model.Source(*values)


def clean_source(values: dict[str, object], *, restore: bool = False) -> dict[str, object]:
    """Source fields as stored; ``restore``: values the file held before (undo), not judged again."""
    unknown = set(values) - set(model.SOURCE_EDITABLE)
    if unknown:
        raise InvalidInput(N_("Sources have no field {name}.", name=repr(sorted(unknown)[0])))
    out: dict[str, object] = {}
    for key, value in values.items():
        if key == "confidential":
            out[key] = 1 if value else 0
        elif restore:
            out[key] = value
        elif key == "kind":
            if value not in model.SOURCE_KINDS:
                raise InvalidInput(N_("{value} is not a kind of source; use one of: {kinds}.", value=repr(value),
                                      kinds=", ".join(model.SOURCE_KINDS)))
            out[key] = value
        elif key == "reliability":
            if value not in model.RELIABILITIES:
                raise InvalidInput(N_("Reliability is one of: {values}.", values=", ".join(r for r in model.RELIABILITIES if r)))
            out[key] = value
        elif key == "url":
            out[key] = fields.url(value, N_("source's URL"))
        elif key == "notes":
            out[key] = fields.text(value, N_("source's notes"), strip=False)
        else:
            out[key] = fields.text(value, _SOURCE_LABELS.get(key, key), limit=fields.MAX_LINE)
    return out


def clean_citation(values: dict[str, object], *, restore: bool = False) -> dict[str, object]:
    unknown = set(values) - set(model.CITATION_EDITABLE)
    if unknown:
        raise InvalidInput(N_("Citations have no field {name}.", name=repr(sorted(unknown)[0])))
    out = {}
    for key, value in values.items():
        if restore:
            out[key] = value
            continue
        if key == "stance" and value not in model.STANCES:
            raise InvalidInput(N_("A source's stance is one of: {stances}.", stances=", ".join(model.STANCES)))
        out[key] = fields.text(value, _CITATION_LABELS.get(key, key))
    return out


class Sources(Manager):
    # --- sources ----------------------------------------------------------------------

    def create(self, **values: object) -> Changes:
        values = clean_source(values)
        if not str(values.get("title", "")).strip() and not str(values.get("url", "")).strip():
            raise InvalidInput(N_("A source needs a title or a URL."))
        source_id = model.new_id()
        now = model.now()
        row = {"id": source_id, "created_at": now, "created_by": self.user, "updated_at": now, **values}
        with self.store.transaction():
            self.store.execute(f"INSERT INTO sources ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                               tuple(row.values()))
            seq = self.log("source.create", "source", source_id, {"after": values})
        return Changes(action="source.create", what=What.SOURCES, sources=frozenset({source_id}),
                       created=source_id, event_seq=seq)

    def update(self, source_id: str, *, restore: bool = False, **values: object) -> Changes:
        values = clean_source(values, restore=restore)
        with self.store.transaction():
            before = self.row(source_id)
            current = {k: int(before.confidential) if k == "confidential" else getattr(before, k) for k in values}
            changed = {k: v for k, v in values.items() if current[k] != v}
            if not changed:
                return Changes(action="source.update")
            assignments = ", ".join(f"{k} = ?" for k in changed)
            self.store.execute(f"UPDATE sources SET {assignments}, updated_at = ? WHERE id = ?",
                               (*changed.values(), model.now(), source_id))
            seq = self.log("source.update", "source", source_id,
                           {"before": {k: current[k] for k in changed}, "after": changed})
            claims = self._citing_claims(source_id)
        return Changes(action="source.update", what=What.SOURCES | What.CITATIONS, sources=frozenset({source_id}),
                       claims=claims, event_seq=seq)

    def set_deleted(self, source_id: str, *, deleted: bool) -> Changes:
        """Hide a source and withdraw its citations, or bring back exactly those citations."""
        action = "source.delete" if deleted else "source.restore"
        with self.store.transaction():
            source = self.row(source_id)
            if (source.deleted_at is not None) == deleted:
                return Changes(action=action)
            stamp = model.now() if deleted else None
            self.store.execute("UPDATE sources SET deleted_at = ? WHERE id = ?", (stamp, source_id))
            if deleted:
                cited = [r[0] for r in self.store.execute(
                    "SELECT id FROM citations WHERE source_id = ? AND deleted_at IS NULL", (source_id,))]
                self.store.execute(
                    "UPDATE citations SET deleted_at = ? WHERE source_id = ? AND deleted_at IS NULL", (stamp, source_id))
            else:
                # Exactly the citations the deletion withdrew, as its event recorded them.
                event = events.latest(self.store, source_id, "source.delete")
                cited = event.data.get("citations", []) if event else []
                self.store.executemany("UPDATE citations SET deleted_at = NULL WHERE id = ? AND source_id = ?",
                                       [(c, source_id) for c in cited])
            seq = self.log(action, "source", source_id, {"title": source.title, "citations": cited})
            claims = frozenset(r[0] for r in self.store.execute(
                "SELECT DISTINCT claim_id FROM citations WHERE source_id = ?", (source_id,)))
        return Changes(action=action, what=What.SOURCES | What.CITATIONS, sources=frozenset({source_id}),
                       claims=claims, event_seq=seq)

    def row(self, source_id: str) -> model.Source:
        rows = self.store.execute(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE id = ?", (source_id,)).fetchall()
        if not rows:
            raise NotFound(N_("There is no source with id {id} in this project.", id=repr(source_id)))
        return source_from_row(rows[0])

    def _citing_claims(self, source_id: str) -> frozenset[str]:
        return frozenset(r[0] for r in self.store.execute(
            "SELECT DISTINCT claim_id FROM citations WHERE source_id = ? AND deleted_at IS NULL", (source_id,)))

    def source(self, source_id: str) -> model.Source:
        try:
            return self.row(source_id)
        except sqlite3.Error as exc:
            raise self.store.error(exc) from exc

    def sources(self, search: str = "", *, include_deleted: bool = False) -> list[model.Source]:
        """The project's source library, optionally filtered by a full-text search."""
        deleted = "" if include_deleted else " AND s.deleted_at IS NULL"
        columns = ", ".join("s." + c.strip() for c in SOURCE_COLUMNS.split(","))
        fts = fts_query(search)
        if fts:
            rows = self.store.read(
                f"SELECT {columns} FROM sources s JOIN sources_fts f ON f.rowid = s.rowid "
                f"WHERE sources_fts MATCH ?{deleted} ORDER BY rank", (fts,))
        else:
            rows = self.store.read(
                f"SELECT {columns} FROM sources s WHERE 1{deleted} ORDER BY s.title COLLATE NOCASE, s.rowid")
        return [source_from_row(row) for row in rows]

    def usage(self, source_id: str) -> list[str]:
        """Ids of the claims (visible ones: not deleted, nor in a deleted article) that cite a source."""
        return [r[0] for r in self.store.read(f"SELECT DISTINCT c.claim_id {_LIVE_CITATIONS} AND c.source_id = ?",
                                              (source_id,))]

    def usage_counts(self) -> dict[str, int]:
        """How many visible claims cite each source (sources cited by none are absent)."""
        return dict(self.store.read(f"SELECT c.source_id, count(DISTINCT c.claim_id) {_LIVE_CITATIONS} GROUP BY c.source_id"))

    def count_cited(self, claim_id: str) -> int:
        """How many citations in force a claim has to sources not deleted (inside a transaction)."""
        return self.store.execute(
            "SELECT count(*) FROM citations c JOIN sources s ON s.id = c.source_id "
            "WHERE c.claim_id = ? AND c.deleted_at IS NULL AND s.deleted_at IS NULL", (claim_id,)
        ).fetchone()[0]

    # --- citations --------------------------------------------------------------------

    def cite(self, claim_id: str, source_id: str, stance: str = "supports", **values: object) -> Changes:
        """Cite a source on a claim with a stance, the quoted passage and a locator."""
        values = clean_citation({"stance": stance, **values})
        citation_id = model.new_id()
        claims = self.project.managers.claims
        with self.store.transaction():
            claim = claims.row(claim_id)
            source = self.row(source_id)
            if source.deleted_at:
                raise InvalidInput(N_("That source was deleted; restore it before citing it."))
            row = {"id": citation_id, "claim_id": claim_id, "source_id": source_id, "quote": "", "locator": "",
                   "note": "", **values, "created_at": model.now(), "created_by": self.user}
            self.store.execute(f"INSERT INTO citations ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                               tuple(row.values()))
            claims.touch(claim_id)
            seq = self.log("citation.create", "claim", claim_id, {"citation_id": citation_id, "source_id": source_id,
                                                                   "source_title": source.title, "after": values})
        return Changes(action="citation.create", what=What.CITATIONS, articles=frozenset({claim.article_id}),
                       claims=frozenset({claim_id}), sources=frozenset({source_id}), created=citation_id, event_seq=seq)

    def update_citation(self, citation_id: str, *, restore: bool = False, **values: object) -> Changes:
        values = clean_citation(values, restore=restore)
        with self.store.transaction():
            before = self.citation_row(citation_id)
            changed = {k: v for k, v in values.items() if getattr(before, k) != v}
            if not changed:
                return Changes(action="citation.update")
            self.store.execute(f"UPDATE citations SET {', '.join(f'{k} = ?' for k in changed)} WHERE id = ?",
                               (*changed.values(), citation_id))
            self.project.managers.claims.touch(before.claim_id)
            seq = self.log("citation.update", "claim", before.claim_id, {
                "citation_id": citation_id, "before": {k: getattr(before, k) for k in changed}, "after": changed})
        return Changes(action="citation.update", what=What.CITATIONS, claims=frozenset({before.claim_id}),
                       sources=frozenset({before.source_id}), event_seq=seq)

    def set_citation_deleted(self, citation_id: str, *, deleted: bool) -> Changes:
        action = "citation.delete" if deleted else "citation.restore"
        with self.store.transaction():
            citation = self.citation_row(citation_id)
            is_deleted = self.store.execute("SELECT deleted_at FROM citations WHERE id = ?", (citation_id,)).fetchone()[0]
            if (is_deleted is not None) == deleted:
                return Changes(action=action)
            self.store.execute("UPDATE citations SET deleted_at = ? WHERE id = ?",
                               (model.now() if deleted else None, citation_id))
            self.project.managers.claims.touch(citation.claim_id)
            seq = self.log(action, "claim", citation.claim_id,
                           {"citation_id": citation_id, "source_id": citation.source_id})
        return Changes(action=action, what=What.CITATIONS, claims=frozenset({citation.claim_id}),
                       sources=frozenset({citation.source_id}), event_seq=seq)

    def citation_row(self, citation_id: str) -> model.Citation:
        rows = self.store.execute(f"SELECT {CITATION_COLUMNS} FROM citations WHERE id = ?", (citation_id,)).fetchall()
        if not rows:
            raise NotFound(N_("There is no citation with id {id} in this project.", id=repr(citation_id)))
        return model.Citation(*rows[0])

    def citation(self, citation_id: str) -> model.Citation:
        try:
            return self.citation_row(citation_id)
        except sqlite3.Error as exc:
            raise self.store.error(exc) from exc

    def citations_of(self, claim_ids: Sequence[str]) -> list[model.Citation]:
        """Citations in force of these claims (at most a few hundred: a batch of a stream), in ``citations()`` order."""
        if not claim_ids:
            return []
        rows = self.store.read(
            f"SELECT {CITATION_COLUMNS} FROM citations WHERE claim_id IN ({', '.join('?' * len(claim_ids))}) "
            "AND deleted_at IS NULL ORDER BY created_at, rowid", tuple(claim_ids))
        return [model.Citation(*row) for row in rows]

    def sources_by_id(self, source_ids: Iterable[str]) -> dict[str, model.Source]:
        """These sources, deleted or not, by id (those that do not exist are absent)."""
        ids = tuple(source_ids)
        if not ids:
            return {}
        rows = self.store.read(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE id IN ({', '.join('?' * len(ids))})", ids)
        return {row[0]: source_from_row(row) for row in rows}

    def citations(self, claim_id: str | None = None) -> list[model.Citation]:
        """Citations in force, of one claim or of all claims."""
        if claim_id is None:
            rows = self.store.read(
                f"SELECT {CITATION_COLUMNS} FROM citations WHERE deleted_at IS NULL ORDER BY created_at, rowid")
        else:
            rows = self.store.read(
                f"SELECT {CITATION_COLUMNS} FROM citations WHERE claim_id = ? AND deleted_at IS NULL "
                "ORDER BY created_at, rowid", (claim_id,))
        return [model.Citation(*row) for row in rows]
