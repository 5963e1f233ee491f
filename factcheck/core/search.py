"""Search in a project: claims, comments, sources and article text in one query.

The index (migration ``m010``) is an FTS5 table, ``search_index``, of words already
folded and stemmed here in Python (``core/textsearch.py``), three columns per document:
``words`` (each word folded: prefix queries and exact words), ``es`` (its Spanish stem)
and ``en`` (its English stem). A query word matches any of the three, so "bogota" finds
"Bogotá", "verificaciones" finds "verificación" and "rises" finds "rising", whatever the
language of the text. ``search_docs`` says what each row is: a claim (quote, statement,
claimant, verdict summary, rationale, notes, tags), a comment, a source (title, URL,
publisher, author, notes) or a chunk of an article's current text (a few paragraphs,
with their offsets, so a hit says where in a 1 MB article to go).

The index is kept current by triggers that only mark what changed (``search_dirty``:
kind and id), whoever writes: a manager, a merge, a hand-off, a sync, an undo, another
program. Folding and stemming need Python, which a trigger on another connection (the
sqlite3 shell, a sync thread) cannot call, so the marked documents are indexed again by
``Search.refresh``: before each search and when the project closes. Where the file cannot
be written (read-only, or locked by another writer), the marked documents are left out of
the index's answer and matched here directly instead, with the same rules.

A query is plain words, "phrases in quotes" and prefixes (``verific*``). Everything else
is taken as words: FTS5's own syntax (``NEAR``, ``AND``, ``-``, ``^``, ``:``) never reaches
it, and an unbalanced quote, a lone ``*``, emoji or punctuation are simply not words.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence

from factcheck.core import fields, textsearch
from factcheck.core.entity import Manager
from factcheck.core.errors import InvalidInput, KnownError
from factcheck.core.text import N_

CLAIM, COMMENT, SOURCE, ARTICLE = "claim", "comment", "source", "article"
KINDS = (CLAIM, COMMENT, SOURCE, ARTICLE)
#: A claim's text fields, in the order a snippet prefers them when they match alike.
CLAIM_FIELDS = ("statement", "exact", "verdict_summary", "rationale", "claimant", "tags", "notes")
SOURCE_FIELDS = ("title", "publisher", "author", "notes", "url")
#: Words of a query taken at most (a pasted paragraph is searched by its first words).
MAX_TERMS = 32
#: Characters of a query read at most (10,000 characters of paste cost nothing more).
MAX_QUERY = 2_000
#: Article text is indexed in chunks of whole paragraphs of about this many characters...
CHUNK_TARGET = 1_000
#: ...a paragraph longer than this is cut between words (at a space where it has one).
CHUNK_MAX = 2_000
#: A snippet's length in characters (before its ellipses).
SNIPPET_CHARS = 160
#: Put between a document's fields, so a phrase never runs from one field into the next:
#: a private-use character, which FTS5 keeps as a word and no query word can be.
FIELD_BREAK = "\ue000"
DEFAULT_LIMIT = 50
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})


# --- queries -----------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Term:
    """One part of a query: a word, a prefix (``verific*``), a phrase, or a word still being typed."""

    kind: str  # "word", "prefix", "phrase", "partial" (the word, or words it begins)
    words: tuple[str, ...]  # folded


def parse(query: str, *, prefix_last: bool = False) -> tuple[Term, ...]:
    """A query's terms: "quoted phrases", ``prefix*`` words and plain words, never an error.

    ``prefix_last``: the last plain word may still be being typed (search as you type),
    so it also matches the words it begins.
    """
    query = query[:MAX_QUERY].translate(_QUOTES)
    parts = query.split('"')
    if len(parts) % 2 == 0:  # an unbalanced quote: the last one is not a quote
        parts[-2:] = [parts[-2] + " " + parts[-1]]
    terms: list[Term] = []
    for i, part in enumerate(parts):
        if i % 2:
            phrase = tuple(w for _s, _e, w in textsearch.words(part))
            if phrase:
                terms.append(Term("phrase" if len(phrase) > 1 else "word", phrase))
            continue
        for start, end, word in textsearch.words(part):
            terms.append(Term("prefix" if part[end:end + 1] == "*" else "word", (word,)))
    if prefix_last and terms and terms[-1].kind == "word" and len(terms[-1].words[0]) > 1 \
            and not query.rstrip().endswith('"') and query[-1:].strip():
        terms[-1] = Term("partial", terms[-1].words)
    unique: list[Term] = []
    count = 0
    for term in terms:
        room = MAX_TERMS - count
        if room <= 0:
            break
        if len(term.words) > room:  # a long quoted passage: its first words, still in order
            term = Term("phrase" if room > 1 else "word", term.words[:room])
        count += len(term.words)
        if term not in unique:
            unique.append(term)
    return tuple(unique)


def _quoted(words: Iterable[str]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def fts_expression(terms: Sequence[Term]) -> str:
    """The FTS5 expression of ``terms`` over ``search_index`` (every term must match)."""
    parts = []
    for term in terms:
        if term.kind == "prefix":
            parts.append(f"words : {_quoted(term.words)}*")
            continue
        es = [textsearch.stem_es(w) for w in term.words]
        en = [textsearch.stem_en(w) for w in term.words]
        alternatives = [f"words : {_quoted(term.words)}", f"es : {_quoted(es)}", f"en : {_quoted(en)}"]
        if term.kind == "partial":
            alternatives.append(f"words : {_quoted(term.words)}*")
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


class Matcher:
    """Finds a query's terms in a text by the index's own rules: for snippets, and for
    documents the index does not hold yet."""

    def __init__(self, terms: Sequence[Term]):
        self.terms = tuple(terms)
        self._stems = [([textsearch.stem_es(w) for w in t.words], [textsearch.stem_en(w) for w in t.words])
                       for t in self.terms]
        #: Per term, whether a folded word matches its (first) word: each word is judged once.
        self._memo: list[dict[str, bool]] = [{} for _ in self.terms]

    def _first_matches(self, index: int, word: str) -> bool:
        memo = self._memo[index]
        ok = memo.get(word)
        if ok is None:
            term = self.terms[index]
            first = term.words[0]
            if term.kind == "prefix":
                ok = word.startswith(first)
            else:
                es, en = self._stems[index]
                ok = (word == first or textsearch.stem_es(word) == es[0] or textsearch.stem_en(word) == en[0]
                      or (term.kind == "partial" and word.startswith(first)))
            memo[word] = ok
        return ok

    def spans(self, text: str) -> list[tuple[int, int, int]]:
        """``(start, end, term)`` of every match in ``text``, in order (code points)."""
        tokens = textsearch.words(text)
        found: list[tuple[int, int, int]] = []
        for index, term in enumerate(self.terms):
            n = len(term.words)
            if n == 1:
                found += [(s, e, index) for s, e, w in tokens if self._first_matches(index, w)]
                continue
            es, en = self._stems[index]
            for i in range(len(tokens) - n + 1):
                if not self._first_matches(index, tokens[i][2]):
                    continue
                window = [t[2] for t in tokens[i:i + n]]
                if (window == list(term.words) or [textsearch.stem_es(w) for w in window] == es
                        or [textsearch.stem_en(w) for w in window] == en):
                    found.append((tokens[i][0], tokens[i + n - 1][1], index))
        found.sort()
        return found

    def matches(self, texts: Iterable[str]) -> bool:
        """Whether every term is found in one of ``texts`` (a document's fields)."""
        missing = set(range(len(self.terms)))
        for text in texts:
            missing -= {t for _s, _e, t in self.spans(text)}
            if not missing:
                return True
        return not missing


# --- results -----------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Hit:
    """One result, and where to go for it.

    ``kind``: ``claim``, ``comment``, ``source`` or ``article`` (a passage of an article's
    current text); ``id``: the claim's, comment's, source's or article's id. An article hit
    has ``version_id`` and the code-point span ``start``-``end`` of the first matched words
    in that version's text; a claim or comment hit has ``claim_id``. ``snippet`` is the
    matched field's text around the match as ``(text, matched)`` pieces.
    """

    kind: str
    id: str
    score: float
    snippet: tuple[tuple[str, bool], ...]
    field: str  # which field the snippet comes from: "statement", "exact", "body", "title", "text"...
    title: str = ""  # what the hit is: the claim's statement or quote, the source's title, the article's title
    context: str = ""  # where it is: the claim's article, the source's publisher
    claim_id: str | None = None
    article_id: str | None = None
    version_id: str | None = None
    start: int | None = None
    end: int | None = None
    status: str | None = None  # claims and comments: the claim's review status
    rating: str | None = None
    page: str | None = None  # article hits in a paged original: the page label

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _marked in self.snippet)

    def as_json(self) -> dict:
        """The hit as plain JSON values; ``marks`` are the matched spans of ``snippet``."""
        marks, at = [], 0
        for text, marked in self.snippet:
            if marked:
                marks.append([at, at + len(text)])
            at += len(text)
        out = {k: v for k, v in dataclasses.asdict(self).items() if k != "snippet" and v is not None}
        out.update(snippet=self.snippet_text, marks=marks)
        return out


def snippet(text: str, spans: Sequence[tuple[int, int, int]], width: int = SNIPPET_CHARS) -> tuple[tuple[str, bool], ...]:
    """``text`` around its first match, about ``width`` characters, matches marked, space folded."""
    lo = max(0, spans[0][0] - width // 4) if spans and len(text) > width else 0
    hi = min(len(text), lo + width)
    if spans and spans[0][1] > hi:  # a long phrase: show it whole
        hi = spans[0][1]
    if lo > 0:  # start and end on whole words
        space = text.find(" ", lo, spans[0][0] if spans else hi)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", max(lo, spans[0][1] if spans else lo), hi)
        hi = space if space > lo else hi
    pieces: list[tuple[str, bool]] = []
    at = lo
    for start, end, _term in spans:
        if start < at or end > hi:
            continue
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < hi:
        pieces.append((text[at:hi], False))
    cleaned = [(re.sub(r"\s+", " ", t), m) for t, m in pieces]
    if cleaned:
        first, marked = cleaned[0]
        cleaned[0] = (("…" if lo > 0 else "") + (first.lstrip() if not marked else first), marked)
        last, marked = cleaned[-1]
        cleaned[-1] = ((last.rstrip() if not marked else last) + ("…" if hi < len(text) else ""), marked)
    return tuple((t, m) for t, m in cleaned if t)


def _cut(text: str, start: int) -> int:
    """Where to cut a paragraph longer than ``CHUNK_MAX`` that begins at ``start``.

    At the last space in its second half; failing that (Chinese or Japanese, written
    without spaces) after the last character that is not part of a word, such as a full
    stop; failing both, at ``CHUNK_MAX``.
    """
    lo, hi = start + CHUNK_MAX // 2, start + CHUNK_MAX
    cut = text.rfind(" ", lo, hi)
    if cut > start:
        return cut
    # A word that ends before the window's last character is followed by a non-word one.
    ends = [lo + e for _s, e, _w in textsearch.words(text[lo:hi + 1]) if lo + e <= hi]
    return ends[-1] if ends else hi


def chunks(text: str) -> list[tuple[int, int]]:
    """An article's text as spans of whole paragraphs of about ``CHUNK_TARGET`` characters."""
    pieces: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while end - start > CHUNK_MAX:
            cut = _cut(text, start)
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        if out and end - out[-1][0] <= CHUNK_TARGET:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


# --- the index ---------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class _Doc:
    """One row of the index, with the texts it holds."""

    kind: str
    ref: str
    fields: tuple[tuple[str, str], ...]
    claim_id: str | None = None
    article_id: str | None = None
    version_id: str | None = None
    start: int = 0
    end: int = 0


def _claim_fields(row: Sequence) -> tuple[tuple[str, str], ...]:
    values = dict(zip(CLAIM_FIELDS, row))
    tags = values.get("tags") or "[]"
    try:
        values["tags"] = " ".join(json.loads(tags)) if tags != "[]" else ""
    except (ValueError, TypeError):
        values["tags"] = str(tags)
    return tuple((k, str(values[k] or "")) for k in CLAIM_FIELDS)


def _chunked(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _load(conn: sqlite3.Connection, kind: str, refs: Sequence[str] | None) -> list[_Doc]:
    """The documents of ``refs`` (every one of ``kind`` when None) as they stand now."""
    claim_columns = ", ".join(f'c."{c}"' for c in CLAIM_FIELDS)
    sql = {
        CLAIM: f"SELECT c.id, c.article_id, {claim_columns} FROM claims c",
        COMMENT: "SELECT m.id, m.claim_id, c.article_id, m.body FROM comments m JOIN claims c ON c.id = m.claim_id",
        SOURCE: "SELECT s.id, " + ", ".join(f"s.{c}" for c in SOURCE_FIELDS) + " FROM sources s",
        ARTICLE: ("SELECT v.article_id, v.id, v.text FROM versions v WHERE v.number = "
                  "(SELECT max(number) FROM versions w WHERE w.article_id = v.article_id)"),
    }[kind]
    key = {CLAIM: "c.id", COMMENT: "m.id", SOURCE: "s.id", ARTICLE: "v.article_id"}[kind]
    rows: list[tuple] = []
    if refs is None:
        rows = conn.execute(sql).fetchall()
    else:
        for part in _chunked(list(refs)):
            rows += conn.execute(f"{sql} {'AND' if 'WHERE' in sql else 'WHERE'} {key} IN "
                                 f"({', '.join('?' * len(part))})", tuple(part)).fetchall()
    docs: list[_Doc] = []
    for row in rows:
        if kind == CLAIM:
            docs.append(_Doc(CLAIM, row[0], _claim_fields(row[2:]), claim_id=row[0], article_id=row[1]))
        elif kind == COMMENT:
            docs.append(_Doc(COMMENT, row[0], (("body", row[3] or ""),), claim_id=row[1], article_id=row[2]))
        elif kind == SOURCE:
            docs.append(_Doc(SOURCE, row[0], tuple((k, str(v or "")) for k, v in zip(SOURCE_FIELDS, row[1:]))))
        else:
            article_id, version_id, text = row
            for start, end in chunks(text):
                docs.append(_Doc(ARTICLE, article_id, (("text", text[start:end]),), article_id=article_id,
                                 version_id=version_id, start=start, end=end))
    return docs


def _columns(doc: _Doc) -> tuple[str, str, str]:
    """A document's three indexed columns: folded words, Spanish stems, English stems."""
    words: list[str] = []
    for _name, text in doc.fields:
        if words:
            words.append(FIELD_BREAK)
        words += textsearch.folded_words(text)
    stem_es, stem_en = textsearch.stem_es, textsearch.stem_en
    return (" ".join(words), " ".join(w if w == FIELD_BREAK else stem_es(w) for w in words),
            " ".join(w if w == FIELD_BREAK else stem_en(w) for w in words))


def _write(conn: sqlite3.Connection, docs: Iterable[_Doc]) -> None:
    for doc in docs:
        cursor = conn.execute(
            'INSERT INTO search_docs (kind, ref, claim_id, article_id, version_id, start, "end") '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc.kind, doc.ref, doc.claim_id, doc.article_id, doc.version_id, doc.start, doc.end))
        conn.execute("INSERT INTO search_index (rowid, words, es, en) VALUES (?, ?, ?, ?)",
                     (cursor.lastrowid, *_columns(doc)))


def _forget(conn: sqlite3.Connection, kind: str, refs: Sequence[str]) -> None:
    for part in _chunked(list(refs)):
        marks = ", ".join("?" * len(part))
        conn.execute(f"DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_docs WHERE kind = ? "
                     f"AND ref IN ({marks}))", (kind, *part))
        conn.execute(f"DELETE FROM search_docs WHERE kind = ? AND ref IN ({marks})", (kind, *part))


def _pending(conn: sqlite3.Connection) -> dict[str, list[str]]:
    pending: dict[str, list[str]] = {}
    for kind, ref in conn.execute("SELECT kind, ref FROM search_dirty"):
        pending.setdefault(kind, []).append(ref)
    return pending


#: Documents marked in ``search_dirty`` indexed at a time: after a first pull from the sync server every one of
#: a project's is marked (1,000,000 claims), and loading them at once took gigabytes.
PENDING_BATCH = 2_000
#: Articles among them loaded at a time: an article is its whole text (a desk's 1,000 articles were 150 MB of
#: text, read at once with its chunks the whole process of a first pull took 433 MB; a 500-page report is a few MB).
ARTICLES_AT_ONCE = 4
#: Every document of a kind, as ``search_dirty`` marks it: what ``rebuild`` indexes (what ``_load`` finds).
_EVERY = {
    CLAIM: "SELECT id FROM claims",
    COMMENT: "SELECT m.id FROM comments m JOIN claims c ON c.id = m.claim_id",
    SOURCE: "SELECT id FROM sources",
    ARTICLE: "SELECT DISTINCT article_id FROM versions",
}


def index_pending(conn: sqlite3.Connection) -> int:
    """Index again every document marked in ``search_dirty``, ``PENDING_BATCH`` at a time (articles
    ``ARTICLES_AT_ONCE`` at a time); how many were marked.

    Call inside a transaction (a manager's, or a migration's).
    """
    marked, after = 0, ("", "")
    while rows := conn.execute("SELECT kind, ref FROM search_dirty WHERE (kind, ref) > (?, ?) ORDER BY kind, ref "
                               "LIMIT ?", (*after, PENDING_BATCH)).fetchall():
        for kind in dict.fromkeys(kind for kind, _ in rows):
            if kind in KINDS:
                refs = [ref for k, ref in rows if k == kind]
                # Every old document of the batch first, then the new ones: a delete between two writes makes
                # FTS5 flush what it holds, and an article at a time took 60% more CPU than the batch at once.
                _forget(conn, kind, refs)
                step = ARTICLES_AT_ONCE if kind == ARTICLE else len(refs)
                for i in range(0, len(refs), step):
                    _write(conn, _load(conn, kind, refs[i:i + step]))
        marked += len(rows)
        after = rows[-1]
    conn.execute("DELETE FROM search_dirty")
    return marked


def rebuild(conn: sqlite3.Connection) -> None:
    """The whole index again from the tables (a migration; a damaged index): every document marked, then indexed
    as ``index_pending`` indexes them, a batch at a time (a project's whole text and claims at once took
    gigabytes at a desk's scale)."""
    conn.execute("DELETE FROM search_index")
    conn.execute("DELETE FROM search_docs")
    conn.execute("DELETE FROM search_dirty")
    for kind in KINDS:
        conn.execute(f"INSERT OR IGNORE INTO search_dirty (kind, ref) SELECT ?, * FROM ({_EVERY[kind]})", (kind,))
    index_pending(conn)
    conn.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")


# --- the manager -------------------------------------------------------------------------------

class Search(Manager):
    """Search the project; keep the index current (``refresh``)."""

    def refresh(self) -> bool:
        """Index what changed since the last look; False when the file could not be written now."""
        store = self.store
        if store.conn is None or not store.read_one("SELECT EXISTS (SELECT 1 FROM search_dirty)")[0]:
            return True
        if store.read_only:
            return False
        try:
            with store.transaction():
                index_pending(store.conn)
        except KnownError:  # locked by another writer, a full disk: search what is indexed
            return False
        return True

    def search(self, query: str, *, status: str | None = None, rating: str | None = None,
               checker: str | None = None, article_id: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = DEFAULT_LIMIT, prefix_last: bool = False) -> list[Hit]:
        """The best ``limit`` hits of ``query``, best first, with the filters applied.

        ``status``, ``rating`` and ``checker`` (who submitted the claim, else who made it)
        keep claims and their comments only; ``article_id`` keeps that article's claims,
        comments and text and the sources its claims cite; ``since``/``until`` (YYYY-MM-DD,
        YYYY-MM or YYYY, inclusive) compare the last change of a claim or source, the date
        of a comment, the import of an article's text.
        """
        since = fields.date(since or "", N_("start date")) or None
        until = fields.date(until or "", N_("end date")) or None
        scale = self.project.scale
        if rating and rating not in scale:  # a label or a typo would otherwise read as "nothing found"
            raise InvalidInput(N_("{value} is not a rating on the {scale} scale.", value=repr(rating),
                                  scale=scale.name))
        terms = parse(query, prefix_last=prefix_last)
        if not terms or limit <= 0:
            return []
        self.refresh()
        filters = {"status": status, "rating": rating, "checker": checker, "article": article_id,
                   "since": since, "until": until}
        pending = _pending(self.store.conn) if self.store.conn is not None else {}
        rows = self._query(fts_expression(terms), filters, limit, exclude_pending=bool(pending))
        matcher = Matcher(terms)
        if pending:  # not indexed yet (a read-only or locked file): matched here
            rows = sorted(rows + self._match_pending(pending, matcher, filters), key=lambda r: r[-1])[:limit]
        return self._hits(rows, matcher)

    # --- the query ----------------------------------------------------------------------------

    #: What a search reads of each row, from the documents ``d`` and the tables they name.
    _COLUMNS = 'SELECT d.kind, d.ref, d.claim_id, d.article_id, d.version_id, d.start, d."end", '
    _JOINS = (
        " LEFT JOIN claims c ON c.id = d.claim_id "
        "LEFT JOIN articles a ON a.id = d.article_id "
        "LEFT JOIN sources s ON d.kind = 'source' AND s.id = d.ref "
        "LEFT JOIN comments m ON d.kind = 'comment' AND m.id = d.ref "
        "LEFT JOIN versions v ON d.kind = 'article' AND v.id = d.version_id "
    )

    def _where(self, filters: dict) -> tuple[list[str], list]:
        where = [
            "(d.article_id IS NULL OR (a.id IS NOT NULL AND a.deleted_at IS NULL))",
            "(d.claim_id IS NULL OR (c.id IS NOT NULL AND c.deleted_at IS NULL))",
            "(d.kind != 'source' OR (s.id IS NOT NULL AND s.deleted_at IS NULL))",
        ]
        params: list = []
        for key, column in (("status", "c.status"), ("rating", "c.rating"),
                            ("checker", "COALESCE(c.submitted_by, c.created_by)")):
            if filters[key]:
                where.append(f"d.claim_id IS NOT NULL AND {column} = ?")
                params.append(filters[key])
        if filters["article"]:
            where.append("(d.article_id = ? OR (d.kind = 'source' AND EXISTS (SELECT 1 FROM citations ci "
                         "JOIN claims cc ON cc.id = ci.claim_id WHERE ci.source_id = d.ref AND ci.deleted_at IS NULL "
                         "AND cc.deleted_at IS NULL AND cc.article_id = ?)))")
            params += [filters["article"], filters["article"]]
        when = ("(CASE d.kind WHEN 'claim' THEN c.updated_at WHEN 'comment' THEN m.created_at "
                "WHEN 'source' THEN s.updated_at ELSE v.imported_at END)")
        if filters["since"]:
            where.append(f"substr({when}, 1, length(?)) >= ?")
            params += [filters["since"], filters["since"]]
        if filters["until"]:
            where.append(f"substr({when}, 1, length(?)) <= ?")
            params += [filters["until"], filters["until"]]
        return where, params

    def _query(self, expression: str, filters: dict, limit: int, *, exclude_pending: bool) -> list[tuple]:
        """The best ``limit`` rows: first among the best few of the index (what is deleted or
        filtered out is rare without filters), then, if that left too few, among all."""
        where, params = self._where(filters)
        if exclude_pending:
            where.append("NOT EXISTS (SELECT 1 FROM search_dirty x WHERE x.kind = d.kind AND x.ref = d.ref)")
        ranked = "SELECT rowid AS id, bm25(search_index) AS score FROM search_index WHERE search_index MATCH ?"
        outer = (self._COLUMNS + "hits.score FROM hits JOIN search_docs d ON d.id = hits.id" + self._JOINS
                 + "WHERE " + " AND ".join(where) + " ORDER BY 8 LIMIT ?")
        wanted = 2 * limit + 20
        best = self.store.read(f"WITH hits AS ({ranked} ORDER BY score LIMIT ?) {outer}",
                               [expression, wanted, *params, limit])
        if len(best) >= limit or not self.store.read_one(
                f"SELECT EXISTS ({ranked} LIMIT 1 OFFSET ?)", [expression, wanted])[0]:
            return best
        return self.store.read(f"WITH hits AS ({ranked}) {outer}", [expression, *params, limit])

    def _match_pending(self, pending: dict[str, list[str]], matcher: Matcher, filters: dict) -> list[tuple]:
        """Rows (as ``_query`` gives them) of the marked documents that match, read and matched here."""
        conn = self.store.conn
        found: list[_Doc] = []
        for kind, refs in pending.items():
            if kind in KINDS:
                found += [doc for doc in _load(conn, kind, refs) if matcher.matches(text for _n, text in doc.fields)]
        if not found:
            return []
        # The filters and what is deleted, by the same SQL over these documents alone.
        where, params = self._where(filters)
        rows: list[tuple] = []
        for start in range(0, len(found), 1_000):
            part = found[start:start + 1_000]
            values = ", ".join("(?, ?, ?, ?, ?, ?, ?)" for _ in part)
            flat = [v for doc in part
                    for v in (doc.kind, doc.ref, doc.claim_id, doc.article_id, doc.version_id, doc.start, doc.end)]
            sql = (f'WITH d(kind, ref, claim_id, article_id, version_id, start, "end") AS (VALUES {values}) '
                   + self._COLUMNS + "0.0 FROM d" + self._JOINS + "WHERE " + " AND ".join(where))
            rows += self.store.read(sql, [*flat, *params])
        return rows

    # --- hits ---------------------------------------------------------------------------------

    def _hits(self, rows: list[tuple], matcher: Matcher) -> list[Hit]:
        by_kind: dict[str, set[str]] = {}
        for kind, ref, *_rest in rows:
            by_kind.setdefault(kind, set()).add(ref)
        conn = self.store.conn
        try:
            claims = {r[0]: r[1:] for r in self._rows(
                "SELECT id, statement, exact, status, rating, article_id FROM claims", {
                    *by_kind.get(CLAIM, ()), *(cid for k, _r, cid, *_x in rows if k == COMMENT and cid)})}
            articles = {r[0]: r[1] for r in self._rows("SELECT id, title FROM articles",
                                                        {r[3] for r in rows if r[3]})}
            docs = {(d.kind, d.ref): d for kind in (CLAIM, COMMENT, SOURCE)
                    for d in (_load(conn, kind, sorted(by_kind[kind])) if kind in by_kind else ())}
            texts = {vid: self.project.managers.articles.text(vid) for vid in {r[4] for r in rows if r[0] == ARTICLE}}
        except sqlite3.Error as exc:
            raise self.store.error(exc) from exc
        hits = []
        for kind, ref, claim_id, article_id, version_id, start, end, score in rows:
            context = articles.get(article_id, "") if article_id else ""
            claim = claims.get(claim_id) if claim_id else None
            extra: dict = {}
            if claim is not None:
                extra.update(status=claim[2], rating=claim[3])
            if kind == ARTICLE:
                text = texts.get(version_id, "")[start:end]
                spans = matcher.spans(text)
                field, shown = "text", snippet(text, spans)
                if spans:
                    extra.update(start=start + spans[0][0], end=start + spans[0][1])
                    extra["page"] = self.project.page_of(version_id, extra["start"])
                else:
                    extra.update(start=start, end=start)
                title, context = context, ""
            else:
                doc = docs.get((kind, ref))
                if doc is None:
                    continue
                field, shown = _best_field(doc.fields, matcher)
                if kind == SOURCE:
                    values = dict(doc.fields)
                    title, context = values["title"] or values["url"], values["publisher"]
                else:
                    title = " ".join((claim[0] or claim[1]).split()) if claim else ""
            hits.append(Hit(kind=kind, id=ref, score=score, snippet=shown, field=field, title=title,
                            context=context, claim_id=claim_id, article_id=article_id, version_id=version_id,
                            **extra))
        return hits

    def _rows(self, sql: str, ids: set[str]) -> list[tuple]:
        rows: list[tuple] = []
        for part in _chunked(sorted(ids)):
            rows += self.store.conn.execute(f"{sql} WHERE id IN ({', '.join('?' * len(part))})", tuple(part)).fetchall()
        return rows

    # --- what the filters offer -------------------------------------------------------------

    def checkers(self) -> list[str]:
        """Everyone who checked a live claim (submitted it, else made it), by name."""
        return [r[0] for r in self.store.read(
            "SELECT DISTINCT COALESCE(submitted_by, created_by) AS who FROM claims WHERE deleted_at IS NULL "
            "ORDER BY who COLLATE NOCASE")]


def _best_field(doc_fields: Sequence[tuple[str, str]], matcher: Matcher) -> tuple[str, tuple[tuple[str, bool], ...]]:
    """The field that matches most terms (then most often, then first), and its snippet."""
    best = None
    for order, (name, text) in enumerate(doc_fields):
        if not text:
            continue
        spans = matcher.spans(text)
        rank = (len({t for _s, _e, t in spans}), len(spans), -order)
        if best is None or rank > best[0]:
            best = (rank, name, text, spans)
    if best is None:
        return doc_fields[0][0] if doc_fields else "", ()
    _rank, name, text, spans = best
    return name, snippet(text, spans)
