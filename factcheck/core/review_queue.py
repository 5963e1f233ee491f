"""The review queue's rows: filtered, sorted and counted in SQL, read a page at a time.

A desk's project holds 100,000 claims and more; the queue shows a screenful. So the
queue never reads every claim: ``page`` reads the next rows after the last one shown
(keyset pagination: ``(sort key, id) > (the last row's)`` in the order shown, so a claim
added or removed above does not shift what comes next), ``count`` and ``total`` count in
SQL, ``position`` says where a claim stands (to select it), and ``rows`` reads a few
changed claims with their sort keys, so a view can move them in place.

The order is total: the sort key, then the claim's id. Text sorts compare as SQLite's
``NOCASE`` does (ASCII letters folded, then code points); rating and status sort by their
place in the scale and the workflow (a rating no longer on the scale after those, by its
key; within a status, longest waiting first); the article sort keeps each article's claims
together (title, then the article); "waiting since" is when the claim entered its status.

Every order is read through an index (migrations m012 and m013), never by sorting the
claims that pass: within one status, a walk of the column's index ``(status, column,
id)``; across statuses, a merge of those walks in one statement (SQLite's ``MERGE (UNION
ALL)`` reads each only as far as the page needs); the rating, status and article orders
walk their values one after the other (the ratings of the scale, the statuses of the
workflow, the articles by title), each in id order. Two filters change that: one
article's claims are few, so they are sorted (bounded by the article); and the checker,
rating and word filters are applied while walking the order's index (each page reads as
many rows as it takes to find a page of those that pass). "All statuses" lists the
statuses of the workflow, the only ones a claim can be in.
The word filter looks for every word (lower-cased, as Python lowers) in the quote's first
300 characters, the statement, claimant, verdict summary, article title and checker.

``ListQueue`` answers the same questions over rows held in a list, with the same rules in
Python: for views built from rows at hand, and for the tests that hold SQL to those rules.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Sequence

from factcheck.core import model, ratings

#: A filter value that takes every value.
ANY = "*any*"

#: The columns a queue sorts by (``Order.column``).
QUOTE, ARTICLE, CLAIMANT, RATING, CHECKER, STATUS, SINCE = ("quote", "article", "claimant", "rating", "checker",
                                                            "status", "since")
COLUMNS = (QUOTE, ARTICLE, CLAIMANT, RATING, CHECKER, STATUS, SINCE)
#: How many characters of a claim's quote a row carries (and the word filter searches).
QUOTE_CHARS = 300

_SINCE = ("CASE c.status WHEN 'in_review' THEN COALESCE(c.submitted_at, c.updated_at) "
          "WHEN 'approved' THEN COALESCE(c.approved_at, c.updated_at) "
          "WHEN 'published' THEN COALESCE(c.published_at, c.updated_at) ELSE c.updated_at END")
_CHECKER = "COALESCE(c.submitted_by, c.created_by)"
_ROW = (f"c.id, c.article_id, a.title, substr(c.exact, 1, {QUOTE_CHARS}), c.statement, c.claimant, c.rating, "
        f"c.status, {_CHECKER}, c.verdict_summary, {_SINCE}, c.revision")
_FROM = ("FROM claims c JOIN articles a ON a.id = c.article_id "
         "WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL")
#: The same, walking an index of migration m012 (named: the planner's statistics may say otherwise on a
#: small or young file, and a sort of every claim at each page is what the index is there to spare).
_BY_STATUS = _FROM.replace("FROM claims c ", "FROM claims c INDEXED BY claims_queue ")
#: The index each order walks (m012, m013): within a status, by the column, then id.
_INDEXES = {QUOTE: "claims_queue_quote", CLAIMANT: "claims_queue_claimant", CHECKER: "claims_queue_checker",
            RATING: "claims_queue_rating", ARTICLE: "claims_queue_article", STATUS: "claims_queue",
            SINCE: "claims_queue"}
#: For counting: the live claims of deleted articles, which no count takes in (few: a seek per deleted article),
#: taken off a count of every live claim rather than looked for at each claim counted.
_OF_DEAD_ARTICLES = ("FROM claims c INDEXED BY claims_article_live WHERE c.deleted_at IS NULL "
                     "AND c.article_id IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)")
_WORDS = (f"substr(c.exact, 1, {QUOTE_CHARS}) || char(10) || c.statement || char(10) || c.claimant || char(10) || "
          f"c.verdict_summary || char(10) || a.title || char(10) || {_CHECKER}")
_LOWER = "factcheck_lower"  # Python's str.lower, for words that are not plain ASCII


@dataclasses.dataclass(frozen=True)
class Filter:
    """Which claims the queue shows; the default is the claims waiting for an editor."""

    statuses: frozenset[str] | None = frozenset({model.IN_REVIEW})  # None: every status
    rating: object = ANY  # a rating key, None (not rated) or ANY
    checker: str | None = None
    article_id: str | None = None
    words: tuple[str, ...] = ()  # lower-cased words, every one of which must be found


@dataclasses.dataclass(frozen=True)
class Order:
    """The column sorted by, and which way; ties go by the claim's id (the same way)."""

    column: str = SINCE
    descending: bool = False


#: (id, article_id, article_title, quote, statement, claimant, rating, status, checker, summary, since, revision)
Row = tuple
#: A row's place in an order: (its sort key, its claim's id).
Key = tuple


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def nocase(text: str) -> str:
    """Text as SQLite's ``NOCASE`` compares it: ASCII capitals folded, every other character as it is."""
    return text.translate(_ASCII_LOWER)


def sortable(order: Order, key: Key) -> tuple:
    """A key as Python compares it, ascending (whatever ``descending``)."""
    value, claim_id = key
    if order.column in (QUOTE, CLAIMANT, CHECKER) and isinstance(value, str):
        value = nocase(value)
    elif order.column == ARTICLE:
        value = (nocase(value[0]), value[1])
    return value, claim_id


def keyset(columns: Sequence[str], key: Sequence, descending: bool) -> tuple[str, list]:
    """`` AND ...`` the rows after ``key`` (values of ``columns``, the last a unique one) in an order, and its values.

    A range of the first column, then the rest compared: SQLite turns a row value compared
    whole into a range of an index only when no column has a collation of its own.
    """
    more = "<" if descending else ">"
    first, rest = columns[0], columns[1:]
    if not rest:
        return f" AND {first} {more} ?", [key[0]]
    sql = f" AND {first} {more}= ? AND ({first} {more} ? OR ({', '.join(rest)}) {more} ({', '.join('?' * len(rest))}))"
    return sql, [key[0], key[0], *key[1:]]


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def passes(f: Filter, r: Sequence) -> bool:
    """Whether ``f`` lets row ``r`` through (the rule ``SqlQueue`` applies in SQL)."""
    if f.statuses is not None and r[7] not in f.statuses:
        return False
    if f.rating != ANY and r[6] != f.rating:
        return False
    if f.checker is not None and r[8] != f.checker:
        return False
    if f.article_id is not None and r[1] != f.article_id:
        return False
    if f.words:
        text = "\n".join((r[3], r[4], r[5], r[9], r[2], r[8])).lower()
        return all(word in text for word in f.words)
    return True


class SqlQueue:
    """The queue of one open project, answered by SQL (one statement a question)."""

    def __init__(self, project):
        self.project = project

    @property
    def scale(self) -> ratings.Scale:
        return self.project.scale

    def _key(self, order: Order) -> list[str]:
        """The SQL of an order's sort value (one column, or the parts of a value that is a tuple)."""
        column = order.column
        if column == QUOTE:
            return ["c.exact COLLATE NOCASE"]
        if column == ARTICLE:
            return ["a.title COLLATE NOCASE", "a.id"]
        if column == CLAIMANT:
            return ["c.claimant COLLATE NOCASE"]
        if column == CHECKER:
            return [f"{_CHECKER} COLLATE NOCASE"]
        if column == RATING:
            keys = [r.key for r in self.scale.ratings]
            cases = " ".join(f"WHEN {_quoted(k)} THEN {i}" for i, k in enumerate(keys))
            return [f"CASE c.rating {cases} ELSE {len(keys)} END" if keys else "0", "COALESCE(c.rating, '')"]
        if column == STATUS:
            cases = " ".join(f"WHEN {_quoted(s)} THEN {i}" for i, s in enumerate(model.STATUSES))
            return [f"CASE c.status {cases} ELSE 99 END", _SINCE]
        return [_SINCE]

    @staticmethod
    def _value(parts: Sequence):
        return parts[0] if len(parts) == 1 else tuple(parts)

    def _where(self, f: Filter) -> tuple[str, list]:
        sql, params = "", []
        if f.statuses is not None:
            statuses = sorted(f.statuses)
            sql += f" AND c.status IN ({', '.join('?' * len(statuses))})" if statuses else " AND 0"
            params += statuses
        if f.rating is None:
            sql += " AND c.rating IS NULL"
        elif f.rating != ANY:
            sql += " AND c.rating = ?"
            params.append(f.rating)
        if f.checker is not None:
            sql += f" AND {_CHECKER} = ?"
            params.append(f.checker)
        if f.article_id is not None:
            sql += " AND c.article_id = ?"
            params.append(f.article_id)
        for word in f.words:
            if word.isascii():  # SQLite's lower() folds ASCII only: enough for an ASCII word
                sql += f" AND instr(lower({_WORDS}), ?) > 0"
            else:
                _lower_function(self.project.store.conn)
                sql += f" AND instr({_LOWER}({_WORDS}), ?) > 0"
            params.append(word)
        return sql, params

    def total(self) -> int:
        """Every claim the queue could show (live claims of live articles).

        Every claim, counted from the pages of the table's smallest index (SQLite's count of
        a b-tree: no row read), less the deleted ones (their partial index) and the live
        claims of deleted articles: a fraction of a millisecond at 1,000,000 claims.
        """
        return self.project.store.read_one(
            "SELECT (SELECT count(*) FROM claims) "
            "- (SELECT count(*) FROM claims INDEXED BY claims_deleted WHERE deleted_at IS NOT NULL) "
            f"- (SELECT count(*) {_OF_DEAD_ARTICLES})")[0]

    def count(self, f: Filter) -> int:
        """The claims ``f`` lets through, less those of deleted articles: a walk of the claims the index that
        holds the filter's article or rating (else its checker, else its statuses) finds for it."""
        if f == Filter(statuses=None):
            return self.total()
        if f.statuses is not None and not f.statuses:
            return 0
        if f.words:  # they look at the article's title: the row is read
            where, params = self._where(f)
            index = _BY_STATUS if f.statuses else _FROM
            return self.project.store.read_one(f"SELECT count(*) {index}{where}", params)[0]
        if f.article_id is not None or f.rating != ANY:  # (status, article or rating): every status is sought
            index = "claims_queue_article" if f.article_id is not None else "claims_queue_rating"
            f = f if f.statuses is not None else dataclasses.replace(f, statuses=frozenset(model.STATUSES))
        else:  # a checker's claims are compared with their name as is (the queue's checker index folds case)
            index = "claims_checker" if f.checker is not None and f.statuses is None else "claims_queue"
        where, params = self._where(f)
        return self.project.store.read_one(
            f"SELECT (SELECT count(*) FROM claims c INDEXED BY {index} WHERE c.deleted_at IS NULL{where}) "
            f"- (SELECT count(*) {_OF_DEAD_ARTICLES}{where})", [*params, *params])[0]

    def page(self, f: Filter, order: Order, after: Key | None, limit: int) -> list[tuple[Row, Key]]:
        """The next ``limit`` rows after ``after`` (None: from the first), with their keys."""
        if f.statuses is not None and not f.statuses:
            return []
        width = len(self._key(order))
        out: list[tuple[Row, Key]] = []
        for sql, params in self._walks(f, order, after):
            rows = self.project.store.read(f"{sql} LIMIT ?", [*params, limit - len(out)])
            out += [(tuple(r[:12]), (self._value(r[12:12 + width]), r[0])) for r in rows]
            if len(out) >= limit:
                break
        return out

    def position(self, f: Filter, order: Order, claim_id: str) -> int:
        """Where a claim stands among the rows ``f`` lets through, in ``order`` (0 first); -1 if it is not one.

        A count of the rows before it: a walk of the rows the filter lets through (a view reads
        down to a claim by its key instead, ``rows``).
        """
        found = self.rows([claim_id], f, order)
        if not found or not found[0][2]:
            return -1
        value, _ = found[0][1]
        key = self._key(order)
        values = list(value) if len(key) > 1 else [value]
        where, params = self._where(f)
        before, more = keyset([*key, "c.id"], [*values, claim_id], not order.descending)
        return self.project.store.read_one(f"SELECT count(*) {_FROM}{where}{before}", [*params, *more])[0]

    # --- how each order is read -------------------------------------------------------

    def _walks(self, f: Filter, order: Order, after: Key | None):
        """The statements that read the rows after ``after``, in order, each to be run until a page is full.

        One statement for an order of a text or a time; for rating, status and article, one
        per value of theirs from ``after``'s on (each value's claims in id order, or by
        waiting time within a status).
        """
        key = self._key(order)
        statuses = sorted(f.statuses) if f.statuses is not None else list(model.STATUSES)
        if f.article_id is not None:
            yield self._sorted_article(f, order, key, after)
            return
        column = order.column
        if column not in (RATING, STATUS, ARTICLE):
            cols = [key[0], "c.id"]
            yield self._merge(f, order, statuses, cols, [(13, column != SINCE), (1, False)],
                              after and [after[0], after[1]], [])
            return
        if column == STATUS:
            values = [((i, s), s) for i, s in enumerate(model.STATUSES) if s in statuses]
        elif column == RATING:
            values = self._rating_values(f, statuses)
        else:
            values = self._article_values(order, after)
        if order.descending:
            values.reverse()
        mark = None if after is None else sortable(order, (self._bucket(order, after[0]), ""))[0]
        for value, arg in values:
            here = sortable(order, (value, ""))[0]
            if mark is not None and (here < mark if not order.descending else here > mark):
                continue  # before the last row read
            inner = after is not None and here == mark
            if column == STATUS:
                yield self._merge(f, order, [arg], [_SINCE, "c.id"], [(14, False), (1, False)],
                                  inner and [after[0][1], after[1]], [])
            else:
                condition = ("c.rating IS NULL", []) if column == RATING and arg is None else \
                    ("c.rating = ?" if column == RATING else "c.article_id = ?", [arg])
                yield self._merge(f, order, statuses, ["c.id"], [(1, False)], inner and [after[1]], [condition])

    @staticmethod
    def _bucket(order: Order, value):
        """The value of the order a row's sort value belongs to (a status's place, without the time)."""
        return (value[0], model.STATUSES[value[0]] if value[0] < len(model.STATUSES) else "") \
            if order.column == STATUS else value

    def _merge(self, f: Filter, order: Order, statuses: Sequence[str], cols: list[str],
               positions: list[tuple[int, bool]], after: list | None, conditions: list[tuple[str, list]]):
        """One statement: for each status, the walk of the order's index from ``after`` (values of
        ``cols``), merged in order by the result columns ``positions`` (number, compared as text)."""
        where, params = self._where(dataclasses.replace(f, statuses=None))
        for sql, values in conditions:
            where += f" AND {sql}"
            params += values
        if after:
            more, values = keyset(cols, after, order.descending)
            where += more
            params += values
        index = _INDEXES[order.column]
        key = ", ".join(self._key(order))
        direction = " DESC" if order.descending else ""
        arms, arm_params = [], []
        for status in statuses:
            arms.append(f"SELECT {_ROW}, {key} {_FROM.replace('FROM claims c ', f'FROM claims c INDEXED BY {index} ')}"
                        f" AND c.status = ?{where}")
            arm_params += [status, *params]
        if len(arms) == 1:
            ordering = ", ".join(f"{c}{direction}" for c in cols)
        else:
            ordering = ", ".join(f"{n}{' COLLATE NOCASE' if text else ''}{direction}" for n, text in positions)
        return " UNION ALL ".join(arms) + f" ORDER BY {ordering}", arm_params

    def _sorted_article(self, f: Filter, order: Order, key: list[str], after: Key | None):
        """One article's claims in ``order``: sorted, as no index gives every order within an article
        (bounded by the article's claims)."""
        where, params = self._where(f)
        if after is not None:
            values = list(after[0]) if len(key) > 1 else [after[0]]
            more, extra = keyset([*key, "c.id"], [*values, after[1]], order.descending)
            where += more
            params += extra
        index = "claims_queue_article" if f.statuses is not None and len(f.statuses) == 1 else "claims_article_live"
        direction = " DESC" if order.descending else ""
        ordering = ", ".join(f"{c}{direction}" for c in [*key, "c.id"])
        return (f"SELECT {_ROW}, {', '.join(key)} {_FROM.replace('FROM claims c ', f'FROM claims c INDEXED BY {index} ')}"
                f"{where} ORDER BY {ordering}", params)

    def _rating_values(self, f: Filter, statuses: Sequence[str]) -> list[tuple[tuple, str | None]]:
        """The ratings in the order shown: the scale's, then none, then any key no longer on the scale."""
        keys = [r.key for r in self.scale.ratings]
        n = len(keys)
        values = [((i, k), k) for i, k in enumerate(keys)] + [((n, ""), None)]
        values += [((n, k), k) for k in self._rating_keys(statuses) if k not in keys]
        if f.rating != ANY:
            values = [v for v in values if v[1] == f.rating]
        return values

    def _rating_keys(self, statuses: Sequence[str]) -> list[str]:
        """Every rating key of a live claim in these statuses: one index seek per key and status."""
        found: set[str] = set()
        for status in statuses:
            found.update(r[0] for r in self.project.store.read(
                "WITH RECURSIVE k(v) AS (SELECT min(rating) FROM claims INDEXED BY claims_queue_rating "
                "WHERE status = ? AND deleted_at IS NULL AND rating IS NOT NULL UNION ALL "
                "SELECT (SELECT min(rating) FROM claims INDEXED BY claims_queue_rating WHERE status = ? "
                "AND deleted_at IS NULL AND rating > k.v) FROM k WHERE k.v IS NOT NULL) "
                "SELECT v FROM k WHERE v IS NOT NULL", (status, status)))
        return sorted(found)

    def _article_values(self, order: Order, after: Key | None) -> list[tuple[tuple, str]]:
        """The live articles by title (then id), ascending, from ``after``'s article on in the order shown."""
        where, params = "", []
        if after is not None:
            more, less = ("<", "<=") if order.descending else (">", ">=")
            where = (f" AND title COLLATE NOCASE {less} ? AND (title COLLATE NOCASE {more} ? OR id {less} ?)")
            params = [after[0][0], after[0][0], after[0][1]]
        rows = self.project.store.read(
            f"SELECT title, id FROM articles INDEXED BY articles_title WHERE deleted_at IS NULL{where} "
            "ORDER BY title COLLATE NOCASE, id", params)
        return [((title, article_id), article_id) for title, article_id in rows]

    def rows(self, claim_ids: Iterable[str], f: Filter, order: Order) -> list[tuple[Row, Key, bool]]:
        """These claims' rows now (those gone are absent), their keys, and whether ``f`` lets each through."""
        ids = list(dict.fromkeys(claim_ids))
        key = self._key(order)
        where, params = self._where(f)
        out = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            out += self.project.store.read(
                f"SELECT {_ROW}, {', '.join(key)}, (1{where}) {_FROM} AND c.id IN ({', '.join('?' * len(chunk))})",
                [*params, *chunk])
        width = len(key)
        return [(tuple(r[:12]), (self._value(r[12:12 + width]), r[0]), bool(r[-1])) for r in out]

    def checkers(self) -> list[str]:
        """Everyone who checked (submitted, else made) a live claim, by name: one index seek per name."""
        names = [r[0] for r in self.project.store.read(
            f"WITH RECURSIVE who(name) AS (SELECT min({_CHECKER}) FROM claims c WHERE c.deleted_at IS NULL "
            f"UNION ALL SELECT (SELECT min({_CHECKER}) FROM claims c WHERE c.deleted_at IS NULL AND {_CHECKER} > "
            "who.name) FROM who WHERE who.name IS NOT NULL) SELECT name FROM who WHERE name IS NOT NULL")]
        return sorted(names, key=lambda name: (name.casefold(), name))

    def articles(self) -> list[tuple[str, str]]:
        """(id, title) of every live article, by title."""
        rows = self.project.store.read("SELECT id, title FROM articles WHERE deleted_at IS NULL")
        return sorted(((i, t) for i, t in rows), key=lambda it: it[1].casefold())


def _lower_function(conn) -> None:
    """Python's ``str.lower`` as an SQL function on ``conn`` (registering it again costs microseconds)."""
    conn.create_function(_LOWER, 1, _lower, deterministic=True)


def _lower(text):
    return text.lower() if isinstance(text, str) else text


class ListQueue:
    """The same questions over rows held in a list (``Row`` tuples), by the same rules."""

    def __init__(self, rows: Iterable[Sequence], scale: ratings.Scale):
        self._rows: dict[str, tuple] = {r[0]: tuple(r) for r in rows}
        self.scale = scale

    def update(self, claim_ids: Iterable[str], rows: Iterable[Sequence]) -> None:
        """Take in these claims' new rows (ids without one are gone)."""
        fresh = {r[0]: tuple(r) for r in rows}
        for claim_id in claim_ids:
            if claim_id in fresh:
                self._rows[claim_id] = fresh[claim_id]
            else:
                self._rows.pop(claim_id, None)

    def _value(self, order: Order, r: tuple):
        column = order.column
        if column == QUOTE:
            return r[3]
        if column == ARTICLE:
            return r[2], r[1]
        if column == CLAIMANT:
            return r[5]
        if column == CHECKER:
            return r[8]
        if column == RATING:
            keys = [x.key for x in self.scale.ratings]
            return keys.index(r[6]) if r[6] in keys else len(keys), r[6] or ""
        if column == STATUS:
            return model.STATUSES.index(r[7]) if r[7] in model.STATUSES else 99, r[10] or ""
        return r[10] or ""

    def passes(self, f: Filter, r: tuple) -> bool:
        return passes(f, r)

    def _ordered(self, f: Filter, order: Order) -> list[tuple[tuple, tuple]]:
        keyed = [(sortable(order, (self._value(order, r), r[0])), r) for r in self._rows.values() if self.passes(f, r)]
        keyed.sort(key=lambda kr: kr[0], reverse=order.descending)
        return keyed

    def total(self) -> int:
        return len(self._rows)

    def count(self, f: Filter) -> int:
        return sum(1 for r in self._rows.values() if self.passes(f, r))

    def page(self, f: Filter, order: Order, after: Key | None, limit: int) -> list[tuple[Row, Key]]:
        keyed = self._ordered(f, order)
        start = 0
        if after is not None:
            mark = sortable(order, after)
            keys = [k for k, _ in keyed]
            if order.descending:
                start = len(keys) - bisect.bisect_left(keys[::-1], mark)
            else:
                start = bisect.bisect_right(keys, mark)
        return [(r, (self._value(order, r), r[0])) for _, r in keyed[start:start + limit]]

    def position(self, f: Filter, order: Order, claim_id: str) -> int:
        return next((i for i, (_, r) in enumerate(self._ordered(f, order)) if r[0] == claim_id), -1)

    def rows(self, claim_ids: Iterable[str], f: Filter, order: Order) -> list[tuple[Row, Key, bool]]:
        return [(r, (self._value(order, r), r[0]), self.passes(f, r))
                for r in (self._rows.get(i) for i in dict.fromkeys(claim_ids)) if r is not None]

    def checkers(self) -> list[str]:
        return sorted({r[8] for r in self._rows.values() if r[8]}, key=lambda name: (name.casefold(), name))

    def articles(self) -> list[tuple[str, str]]:
        titles = {r[1]: r[2] for r in self._rows.values()}
        return sorted(titles.items(), key=lambda kv: kv[1].casefold())
