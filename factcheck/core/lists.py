"""The app's long lists read a page at a time: the source library, the article list, an article's claims.

A desk's project holds 100,000 claims and more, thousands of sources and articles; a list
shows a screenful. Each list here is a *pager* over one SQL order, as the review queue is
(``review_queue.SqlQueue``): ``page`` reads the rows after the last one shown (keyset
pagination, ``(key) > (the last row's key)``, so a row added or removed above does not
shift what comes next), ``count`` counts in SQL, ``key_of`` says where a row stands (to
read down to a selected one) and ``rows`` reads a few changed rows with their keys, so a
view moves them in place. Every order is total (its last key is a row id) and walks an
index of migration m013 or earlier; ``tests/core/test_lists.py`` checks the plans.

Two orders no index can give are read whole, once per order, as keys only: the source
library by how many claims cite each source (a count per source), and a search of the
library by relevance (FTS5 scores every match before it returns the first). Both are
bounded by the library's size, never by the claims.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from factcheck.core import model
from factcheck.core.claims import COLUMNS as CLAIM_COLUMNS
from factcheck.core.claims import fts_query
from factcheck.core.claims import from_row as claim_from_row
from factcheck.core.review_queue import keyset, nocase
from factcheck.core.sources import SOURCE_COLUMNS, source_from_row

#: A row's place in a list: its sort values, the last of them a row id.
Key = tuple

#: How many ids one ``IN (...)`` list holds (SQLite's default limit on variables is far above).
_CHUNK = 500


def _chunks(ids: Sequence[str]):
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _marks(ids: Sequence) -> str:
    return ", ".join("?" * len(ids))


class Pager:
    """One list in one order: ``count``, ``page``, ``key_of``, ``rows`` (see the module's docstring)."""

    descending = False

    def count(self) -> int:
        raise NotImplementedError

    def page(self, after: Key | None, limit: int) -> list[tuple[object, Key]]:
        """The next ``limit`` rows after ``after`` (None: from the first), each with its key."""
        raise NotImplementedError

    def key_of(self, row_id: str) -> Key | None:
        """Where a row stands in this order; None when the list does not show it."""
        found = self.rows([row_id])
        return found[0][1] if found and found[0][2] else None

    def rows(self, ids: Iterable[str]) -> list[tuple[object, Key, bool]]:
        """These rows now (those gone from the project are absent), their keys, and whether the list shows each."""
        raise NotImplementedError

    def judge(self, rows: dict[str, object]) -> list[tuple[object, Key, bool]]:
        """``rows`` answers, for rows read already (by id; None: gone), without reading them again."""
        raise NotImplementedError

    def sortable(self, key: Key) -> tuple:
        """A key as Python compares it, ascending (text compared as SQLite's ``NOCASE`` does)."""
        return tuple(nocase(v) if isinstance(v, str) else v for v in key)

    @staticmethod
    def row_id(row) -> str:
        return row.id


# --- articles -------------------------------------------------------------------------

_ARTICLE_ROW = (
    "a.id, a.title, a.outlet, a.author, a.url, a.published_at, a.language, a.created_at, "
    "(SELECT v.id FROM versions v WHERE v.article_id = a.id ORDER BY v.number DESC LIMIT 1), "
    "(SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.deleted_at IS NULL), a.factcheck_url"
)
_ARTICLE_KEY = ("a.created_at", "a.rowid")


class ArticlePager(Pager):
    """The project's live articles in the order they came in (``model.Article``, each with its claim count)."""

    def __init__(self, project):
        self.store = project.store

    def count(self) -> int:
        return self.store.read_one("SELECT count(*) FROM articles INDEXED BY articles_created WHERE deleted_at IS NULL")[0]

    def page(self, after: Key | None, limit: int) -> list[tuple[model.Article, Key]]:
        where, params = keyset(_ARTICLE_KEY, after, False) if after is not None else ("", [])
        rows = self.store.read(
            f"SELECT {_ARTICLE_ROW}, {', '.join(_ARTICLE_KEY)} FROM articles a INDEXED BY articles_created "
            f"WHERE a.deleted_at IS NULL{where} ORDER BY {', '.join(_ARTICLE_KEY)} LIMIT ?", [*params, limit])
        return [(model.Article(*r[:-2]), tuple(r[-2:])) for r in rows]

    def rows(self, ids: Iterable[str]) -> list[tuple[model.Article, Key, bool]]:
        out = []
        for chunk in _chunks(list(dict.fromkeys(ids))):
            out += self.store.read(f"SELECT {_ARTICLE_ROW}, {', '.join(_ARTICLE_KEY)}, a.deleted_at IS NULL "
                                   f"FROM articles a WHERE a.id IN ({_marks(chunk)})", chunk)
        return [(model.Article(*r[:-3]), tuple(r[-3:-1]), bool(r[-1])) for r in out]


# --- an article's claims --------------------------------------------------------------

#: Reading order: where the words are, then as made (ties on one span are rare: the index's order is
#: (start, end), and SQLite sorts each run of equal spans, no more).
_CLAIM_KEY = ("start", '"end"', "created_at", "id")


class ClaimPager(Pager):
    """One article's live claims in reading order (position in the text, then as made): those anchored
    in its text, or (``orphaned``) those whose words left it."""

    def __init__(self, project, article_id: str, *, orphaned: bool = False):
        self.store = project.store
        self.article_id = article_id
        self.orphaned = orphaned
        if orphaned:
            self._from = "FROM claims INDEXED BY claims_orphaned WHERE article_id = ? AND deleted_at IS NULL " \
                         "AND anchor_state = 'orphaned'"
        else:
            self._from = "FROM claims INDEXED BY claims_reading_order WHERE article_id = ? AND deleted_at IS NULL " \
                         "AND anchor_state != 'orphaned'"

    def count(self) -> int:
        orphans = self.store.read_one(
            "SELECT count(*) FROM claims INDEXED BY claims_orphaned WHERE article_id = ? AND deleted_at IS NULL "
            "AND anchor_state = 'orphaned'", (self.article_id,))[0]
        if self.orphaned:
            return orphans
        live = self.store.read_one("SELECT count(*) FROM claims INDEXED BY claims_article_live "
                                   "WHERE article_id = ? AND deleted_at IS NULL", (self.article_id,))[0]
        return live - orphans

    def page(self, after: Key | None, limit: int) -> list[tuple[model.Claim, Key]]:
        where, params = keyset(_CLAIM_KEY, after, False) if after is not None else ("", [])
        rows = self.store.read(f"SELECT {CLAIM_COLUMNS}, {', '.join(_CLAIM_KEY)} {self._from}{where} "
                               f"ORDER BY {', '.join(_CLAIM_KEY)} LIMIT ?", [self.article_id, *params, limit])
        return [(claim_from_row(r[:-4]), tuple(r[-4:])) for r in rows]

    def rows(self, ids: Iterable[str]) -> list[tuple[model.Claim, Key, bool]]:
        shown = "anchor_state = 'orphaned'" if self.orphaned else "anchor_state != 'orphaned'"
        out = []
        for chunk in _chunks(list(dict.fromkeys(ids))):
            out += self.store.read(
                f"SELECT {CLAIM_COLUMNS}, {', '.join(_CLAIM_KEY)}, "
                f"(article_id = ? AND deleted_at IS NULL AND {shown}) FROM claims WHERE id IN ({_marks(chunk)})",
                [self.article_id, *chunk])
        return [(claim_from_row(r[:-5]), tuple(r[-5:-1]), bool(r[-1])) for r in out]

    def judge(self, rows: dict[str, model.Claim | None]) -> list[tuple[model.Claim, Key, bool]]:
        return [(c, self.key(c), self.shows(c)) for c in rows.values() if c is not None]

    @staticmethod
    def key(claim: model.Claim) -> Key:
        return claim.start, claim.end, claim.created_at, claim.id

    def shows(self, claim: model.Claim) -> bool:
        return (claim.article_id == self.article_id and claim.deleted_at is None
                and (claim.anchor_state == "orphaned") == self.orphaned)


# --- the source library ---------------------------------------------------------------

#: The library's orders (``SourcePager.column``); None: the library's own (by title, or by relevance to a search).
TITLE, PUBLISHER, KIND, RELIABILITY, CONFIDENTIAL, USAGE = ("title", "publisher", "kind", "reliability",
                                                            "confidential", "usage")
ORDERS = (TITLE, PUBLISHER, KIND, RELIABILITY, CONFIDENTIAL, USAGE)


def _position(column: str, values: Sequence[str]) -> str:
    """A value's place in ``values`` (99 for any other), as the indexes of migration m013 write it."""
    return f"(CASE {column} {' '.join(f'WHEN {chr(39)}{v}{chr(39)} THEN {i}' for i, v in enumerate(values))} ELSE 99 END)"


_TITLE = "s.title COLLATE NOCASE"
#: Each indexed order: its index and its key (ties go by title, then by the order sources came in).
_SOURCE_ORDERS = {
    TITLE: ("sources_title", (_TITLE, "s.rowid")),
    PUBLISHER: ("sources_publisher", ("s.publisher COLLATE NOCASE", _TITLE, "s.rowid")),
    KIND: ("sources_kind", (_position("s.kind", model.SOURCE_KINDS), _TITLE, "s.rowid")),
    RELIABILITY: ("sources_reliability", (_position("s.reliability", model.RELIABILITIES), _TITLE, "s.rowid")),
    CONFIDENTIAL: ("sources_confidential", ("s.confidential", _TITLE, "s.rowid")),
}
_SOURCE_ROW = ", ".join("s." + c.strip() for c in SOURCE_COLUMNS.split(","))
#: The claims a citation does not count for: deleted, or in a deleted article (few; through their indexes).
_DEAD_CLAIMS = ("SELECT id FROM claims INDEXED BY claims_deleted WHERE deleted_at IS NOT NULL UNION ALL "
                "SELECT id FROM claims WHERE deleted_at IS NULL AND article_id IN "
                "(SELECT id FROM articles WHERE deleted_at IS NOT NULL)")
_USAGE = ("SELECT t.source_id, count(DISTINCT t.claim_id) FROM citations t INDEXED BY citations_source_live "
          f"WHERE t.deleted_at IS NULL AND t.claim_id NOT IN ({_DEAD_CLAIMS})")


class SourcePager(Pager):
    """The live sources, optionally those a search finds, in one column's order.

    A row is ``(model.Source, n)``: the source and how many visible claims cite it
    (counted for the page's sources only, from an index).
    """

    def __init__(self, project, search: str = "", column: str | None = None, descending: bool = False):
        self.store = project.store
        self.fts = fts_query(search)
        self.column = column if column is not None or self.fts else TITLE
        self.descending = descending
        self._ranked: list[Key] | None = None  # the orders read whole: every key, in order
        self._ranked_of: dict[str, Key] = {}

    # --- what the list holds ----------------------------------------------------------

    def _match(self) -> tuple[str, list]:
        if not self.fts:
            return "", []
        return " AND s.rowid IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?)", [self.fts]

    def count(self) -> int:
        match, params = self._match()
        return self.store.read_one(
            f"SELECT count(*) FROM sources s INDEXED BY sources_confidential WHERE s.deleted_at IS NULL{match}", params)[0]

    def usage(self, source_ids: Sequence[str]) -> dict[str, int]:
        """How many visible claims cite each of these sources (absent: none)."""
        out: dict[str, int] = {}
        for chunk in _chunks(list(source_ids)):
            out.update(self.store.read(f"{_USAGE} AND t.source_id IN ({_marks(chunk)}) GROUP BY t.source_id", chunk))
        return out

    # --- pages ------------------------------------------------------------------------

    def page(self, after: Key | None, limit: int) -> list[tuple[tuple[model.Source, int], Key]]:
        if self.column in _SOURCE_ORDERS:
            index, key = _SOURCE_ORDERS[self.column]
            match, params = self._match()
            where, more = keyset(key, after, self.descending) if after is not None else ("", [])
            params += more
            direction = " DESC" if self.descending else ""
            rows = self.store.read(
                f"SELECT {_SOURCE_ROW}, {', '.join(key)} FROM sources s INDEXED BY {index} "
                f"WHERE s.deleted_at IS NULL{match}{where} ORDER BY {', '.join(k + direction for k in key)} LIMIT ?",
                [*params, limit])
            found = [(source_from_row(r[:-len(key)]), tuple(r[-len(key):])) for r in rows]
        else:
            ranked = self._rank()  # ascending
            if not self.descending:
                start = 0 if after is None else bisect.bisect_right(ranked, self.sortable(after), key=self.sortable)
                keys = ranked[start:start + limit]
            else:
                end = len(ranked) if after is None else bisect.bisect_left(ranked, self.sortable(after), key=self.sortable)
                keys = ranked[max(0, end - limit):end][::-1]
            by_rowid = self._by_rowid([k[-1] for k in keys])
            found = [(by_rowid[k[-1]], k) for k in keys if k[-1] in by_rowid]
        usage = self.usage([s.id for s, _ in found])
        return [((s, usage.get(s.id, 0)), key) for s, key in found]

    def _by_rowid(self, rowids: Sequence[int]) -> dict[int, model.Source]:
        out = {}
        for chunk in _chunks(list(rowids)):
            for r in self.store.read(f"SELECT s.rowid, {_SOURCE_ROW} FROM sources s WHERE s.rowid IN ({_marks(chunk)})",
                                     chunk):
                out[r[0]] = source_from_row(r[1:])
        return out

    def _rank(self) -> list[Key]:
        """Every key of an order no index gives (relevance, or how many claims cite a source), ascending."""
        if self._ranked is not None:
            return self._ranked
        match, params = self._match()
        if self.column is None:  # by relevance: FTS5's rank (lower is better), then as the sources came in
            rows = self.store.read(
                "SELECT s.id, f.rank, s.rowid FROM sources_fts f JOIN sources s ON s.rowid = f.rowid "
                "WHERE sources_fts MATCH ? AND s.deleted_at IS NULL", [self.fts])
        else:  # USAGE: counted for every source at once, from the index
            counts = dict(self.store.read(f"{_USAGE} GROUP BY t.source_id"))
            rows = [(i, counts.get(i, 0), title, rowid) for i, title, rowid in self.store.read(
                f"SELECT s.id, {_TITLE}, s.rowid FROM sources s INDEXED BY sources_confidential "
                f"WHERE s.deleted_at IS NULL{match}", params)]
        keyed = sorted(((tuple(r[1:]), r[0]) for r in rows), key=lambda kr: self.sortable(kr[0]))
        self._ranked = [k for k, _ in keyed]
        self._ranked_of = {i: k for k, i in keyed}
        return self._ranked

    def key_of(self, row_id: str) -> Key | None:
        if self.column in _SOURCE_ORDERS:
            return super().key_of(row_id)
        self._rank()
        return self._ranked_of.get(row_id)

    def rows(self, ids: Iterable[str]) -> list[tuple[tuple[model.Source, int], Key, bool]]:
        ids = list(dict.fromkeys(ids))
        if self.column not in _SOURCE_ORDERS:
            self._rank()
        match, params = self._match()
        columns = _SOURCE_ORDERS[self.column][1] if self.column in _SOURCE_ORDERS else ("s.rowid",)
        out = []
        for chunk in _chunks(ids):
            out += self.store.read(
                f"SELECT {_SOURCE_ROW}, {', '.join(columns)}, (s.deleted_at IS NULL{match}) FROM sources s "
                f"WHERE s.id IN ({_marks(chunk)})", [*params, *chunk])
        usage = self.usage([r[0] for r in out])
        found = []
        for r in out:
            source = source_from_row(r[:-len(columns) - 1])
            key = tuple(r[-len(columns) - 1:-1]) if self.column in _SOURCE_ORDERS else self._ranked_of.get(source.id)
            found.append(((source, usage.get(source.id, 0)), key, bool(r[-1]) and key is not None))
        return found

    @staticmethod
    def row_id(row) -> str:
        return row[0].id


# --- rows at hand -----------------------------------------------------------------------


class HeldPager(Pager):
    """The same questions over rows held in a list, keyed by ``key(row)`` (ending with a unique value):
    for views shown rows at hand, and as the unpaged reference the tests hold SQL to."""

    def __init__(self, rows: Iterable, key, *, row_id=None, descending: bool = False):
        self._key = key
        if row_id is not None:
            self.row_id = row_id
        self.descending = descending
        self._rows = {self.row_id(r): r for r in rows}
        self._ordered: list[tuple[tuple, object]] | None = None

    def _sorted(self) -> list[tuple[tuple, object]]:
        if self._ordered is None:
            self._ordered = sorted(((self.sortable(self._key(r)), r) for r in self._rows.values()),
                                   key=lambda kr: kr[0])
        return self._ordered

    def count(self) -> int:
        return len(self._rows)

    def page(self, after: Key | None, limit: int) -> list[tuple[object, Key]]:
        ordered = self._sorted()
        marks = [k for k, _ in ordered]
        if not self.descending:
            start = 0 if after is None else bisect.bisect_right(marks, self.sortable(after))
            chosen = ordered[start:start + limit]
        else:
            end = len(ordered) if after is None else bisect.bisect_left(marks, self.sortable(after))
            chosen = ordered[max(0, end - limit):end][::-1]
        return [(r, self._key(r)) for _, r in chosen]

    def rows(self, ids: Iterable[str]) -> list[tuple[object, Key, bool]]:
        return [(r, self._key(r), True) for r in (self._rows.get(i) for i in dict.fromkeys(ids)) if r is not None]

    def judge(self, rows: dict[str, object]) -> list[tuple[object, Key, bool]]:
        """Take in these rows' new state (None: gone), and answer as ``rows`` does."""
        self.update(rows, [r for r in rows.values() if r is not None])
        return [(r, self._key(r), True) for r in rows.values() if r is not None]

    def update(self, ids: Iterable[str], rows: Iterable) -> None:
        """Take in these rows' new state (ids without a row are gone)."""
        fresh = {self.row_id(r): r for r in rows}
        for row_id in ids:
            if row_id in fresh:
                self._rows[row_id] = fresh[row_id]
            else:
                self._rows.pop(row_id, None)
        self._ordered = None
