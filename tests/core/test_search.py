"""Find in project: folding, stemming, phrases, prefixes, hostile queries, filters, and an index kept current."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from factcheck.core import history, merge, migrations, search, textsearch
from factcheck.core.errors import InvalidInput
from factcheck.core.project import Project
from tests.conftest import imported

TEXT = (
    "😀 El ministro dijo en Bogotá que la verificación de los datos fue rápida.\n\n"
    "The prices are rising fast, officials said on Tuesday.\n\n"
    "مرحبا بالعالم: las autoridades permitieron el ingreso."
)


@pytest.fixture
def desk(project):
    """(project, ids): an article, two claims, a comment and a source."""
    article_id = project.import_article(imported(TEXT, title="Sanciones")).created
    version = project.current_version(article_id)
    start = TEXT.index("El ministro")
    claim = project.create_claim(version.id, start, start + 11, statement="Las verificaciones de Bogotá",
                                 claimant="Gustavo Petro", verdict_summary="Es falso.", tags=["drogas"]).created
    start = TEXT.index("The prices")
    other = project.create_claim(version.id, start, start + 24, statement="Prices rose in March",
                                 claimant="Treasury").created
    project.add_comment(claim, "Revisar las cifras del DANE")
    source = project.create_source(title="Informe anual", url="https://dane.gov.co/informe", publisher="DANE",
                                   notes="Cifras de empleo")
    return project, {"article": article_id, "version": version.id, "claim": claim, "other": other,
                     "source": source.created}


def kinds(hits) -> set[tuple[str, str]]:
    return {(h.kind, h.id) for h in hits}


def ids(hits) -> set[str]:
    return {h.id for h in hits}


# --- words, folding and stems ------------------------------------------------------------------

def test_words_are_folded_with_their_offsets_in_code_points():
    text = "😀 Bogotá, STRASSE Straße ﬁn naïve_x"
    found = textsearch.words(text)
    assert [w for _s, _e, w in found] == ["bogota", "strasse", "strasse", "fin", "naive", "x"]
    assert [text[s:e] for s, e, _w in found] == ["Bogotá", "STRASSE", "Straße", "ﬁn", "naïve", "x"]


@pytest.mark.parametrize(("word", "stem"), [
    ("verificaciones", "verif"), ("verificación", "verif"), ("rápidamente", "rapid"), ("nacionalidad", "nacional"),
    ("creativamente", "creativ"), ("dándole", "dandol"), ("haciéndolo", "hac"), ("arguyendo", "argu"),
    ("averigüemos", "averig"), ("carteles", "cartel"), ("permitió", "permit"), ("permitieron", "permit"),
    ("biología", "biolog"), ("revoluciones", "revolu"), ("casi", "casi"),
])
def test_spanish_stems_are_snowballs(word, stem):
    assert textsearch.stem_es(textsearch.fold(word)) == stem


@pytest.mark.parametrize(("word", "stem"), [
    ("rising", "rise"), ("rises", "rise"), ("rose", "rose"), ("cartels", "cartel"), ("checked", "check"),
    ("verified", "verifi"), ("verifies", "verifi"), ("hopping", "hop"), ("hoping", "hope"), ("cries", "cri"),
    ("ties", "tie"), ("caresses", "caress"), ("quickly", "quick"), ("agreed", "agree"), ("skies", "sky"),
    ("news", "news"), ("gas", "gas"),
])
def test_english_stems_are_porter2s_inflections(word, stem):
    assert textsearch.stem_en(word) == stem


# --- queries -------------------------------------------------------------------------------------

def test_case_and_diacritics_are_folded(desk):
    project, ids_ = desk
    for query in ("bogota", "BOGOTA", "Bogotá", "bOgOtÁ"):
        assert ("claim", ids_["claim"]) in kinds(project.search(query)), query
        assert ("article", ids_["article"]) in kinds(project.search(query)), query


def test_spanish_and_english_stems_meet(desk):
    project, ids_ = desk
    assert ("article", ids_["article"]) in kinds(project.search("verificaciones"))  # the text says verificación
    assert ("claim", ids_["claim"]) in kinds(project.search("verificación"))  # the statement says verificaciones
    assert ("article", ids_["article"]) in kinds(project.search("permitió"))  # the text says permitieron
    assert ("article", ids_["article"]) in kinds(project.search("rises"))  # the text says rising
    assert ("claim", ids_["other"]) in kinds(project.search("price"))  # the statement says Prices
    assert ("article", ids_["article"]) not in kinds(project.search("rose"))  # no stemmer knows rose is rise


def test_phrases_keep_their_order(desk):
    project, ids_ = desk
    assert ("article", ids_["article"]) in kinds(project.search('"prices are rising"'))
    assert ("article", ids_["article"]) in kinds(project.search('"price are rises"'))  # stems, in order
    assert project.search('"rising are prices"') == []
    assert ("article", ids_["article"]) in kinds(project.search('“prices are rising”'))  # typographic quotes


def test_a_phrase_never_runs_from_one_field_into_the_next(desk):
    project, ids_ = desk
    # The statement ends with "Bogotá", the quote begins with "El": adjacent only across fields.
    assert ("claim", ids_["claim"]) in kinds(project.search("bogota el"))
    assert ("claim", ids_["claim"]) not in kinds(project.search('"bogota el"'))


def test_prefixes(desk):
    project, ids_ = desk
    assert ("claim", ids_["claim"]) in kinds(project.search("verific*"))
    assert ("claim", ids_["claim"]) in kinds(project.search("gust*"))
    assert project.search("gust") == []
    assert project.search("gust", prefix_last=True)  # the word still being typed


@pytest.mark.parametrize(("query", "found"), [
    ('"bogota', True), ('bogota"', True), ('"', False), ('""', False), ('"""', False), ("*", False), ("**", False),
    ("bogota*", True), ("bogota*x", False), ("NEAR", False), ("NEAR(bogota ministro, 2)", False), ("-bogota", True),
    ("bogota -", True), ("AND", False), ("bogota AND", False), ("OR", False), ("NOT bogota", False),
    ("^bogota", True), ("bogota:", True), ("ministro:bogota", True), ("{words}: bogota", False), ("(bogota", True),
    ("bogota)", True), ("!!!", False), ("¿?¡!…", False), ("... --- ***", False), ("😀", False), ("😀 bogota", True),
    ("مرحبا", True), ("\u202ebogota\u202c", True), ("\ud800bogota", True), ("bogota\x00", True), ("\t\n", False),
    ("", False),
])
def test_a_hostile_query_is_plain_words(desk, query, found):
    """FTS5's syntax is never FTS5's: "NEAR", "AND", "NOT" are words that must be there too."""
    project, ids_ = desk
    assert (("article", ids_["article"]) in kinds(project.search(query))) is found


def test_fts_words_are_searched_as_words(desk):
    project, ids_ = desk
    claim = ids_["claim"]
    project.update_claim(claim, notes="NEAR AND OR NOT are words here")
    assert ("claim", claim) in kinds(project.search("near and or not"))
    assert ("claim", claim) in kinds(project.search('"NEAR AND"'))


def test_a_query_of_10000_characters_searches_its_first_words(desk):
    project, ids_ = desk
    assert ("article", ids_["article"]) in kinds(project.search(TEXT[:200] * 60))
    assert project.search("x" * 10_000) == []
    assert project.search("bogota " + "?" * 10_000)


def test_right_to_left_words_are_found(desk):
    project, ids_ = desk
    hits = [h for h in project.search("بالعالم") if h.kind == "article"]
    assert hits and TEXT[hits[0].start:hits[0].end] == "بالعالم"


def test_an_article_hit_says_where_its_words_are_after_an_emoji(desk):
    project, ids_ = desk
    hit = next(h for h in project.search("bogota") if h.kind == "article")
    assert hit.version_id == ids_["version"]
    assert TEXT[hit.start:hit.end] == "Bogotá"
    assert ("Bogotá", True) in hit.snippet
    hit = next(h for h in project.search('"rising fast"') if h.kind == "article")
    assert TEXT[hit.start:hit.end] == "rising fast"


def test_hits_name_what_they_are(desk):
    project, ids_ = desk
    hits = {h.kind: h for h in project.search("dane")}
    assert set(hits) == {"comment", "source"}
    assert hits["comment"].claim_id == ids_["claim"] and hits["comment"].title == "Las verificaciones de Bogotá"
    assert hits["comment"].context == "Sanciones" and hits["comment"].field == "body"
    assert hits["source"].id == ids_["source"] and hits["source"].title == "Informe anual"
    assert hits["source"].field == "publisher"
    claim_hit = next(h for h in project.search("petro") if h.kind == "claim")
    assert claim_hit.field == "claimant" and claim_hit.status == "draft" and claim_hit.article_id == ids_["article"]
    assert [piece for piece in claim_hit.snippet if piece[1]] == [("Petro", True)]
    tag_hit = project.search("drogas")[0]
    assert (tag_hit.kind, tag_hit.field) == ("claim", "tags")
    as_json = claim_hit.as_json()
    marked = [as_json["snippet"][s:e] for s, e in as_json["marks"]]
    assert marked == ["Petro"]


def test_a_1mb_article_is_found_to_its_last_words(project):
    text = "\n".join(f"Párrafo {i} 🙂 sobre el presupuesto nacional y sus cifras." for i in range(18_000))
    text += "\nAl final, la palabra escondida zanahoria."
    assert len(text) > 1_000_000
    project.import_article(imported(text))
    hits = project.search("zanahoria")
    assert len(hits) == 1 and text[hits[0].start:hits[0].end] == "zanahoria"
    assert len(project.search("presupuesto", limit=500)) == 500


def test_limit_and_empty_queries(desk):
    project, _ = desk
    assert len(project.search("bogota", limit=1)) == 1
    assert project.search("bogota", limit=0) == []
    assert project.search("   ") == []


# --- filters -------------------------------------------------------------------------------------

def test_claim_filters_keep_claims_and_their_comments(desk):
    project, ids_ = desk
    hits = project.search("bogota dane", status="draft")  # the claim matches bogota, its comment dane: neither all
    assert hits == []
    assert kinds(project.search("dane", status="draft")) == {("comment", project.comments(ids_["claim"])[0].id)}
    assert ids(project.search("bogota", status="draft")) == {ids_["claim"]}
    assert project.search("bogota", status="approved") == []
    project.update_claim(ids_["claim"], rating="false")
    assert ids(project.search("bogota", rating="false")) == {ids_["claim"]}
    assert project.search("bogota", rating="true") == []
    assert ids(project.search("bogota", checker="ana")) == {ids_["claim"]}
    assert project.search("bogota", checker="ben") == []
    assert project.checkers() == ["ana"]


def test_article_filter_keeps_its_claims_text_and_cited_sources(desk):
    project, ids_ = desk
    other = project.import_article(imported("Otro artículo sobre el DANE y Bogotá.", title="Otro")).created
    assert {h.article_id for h in project.search("bogota", article_id=ids_["article"])} == {ids_["article"]}
    assert {h.kind for h in project.search("dane", article_id=other)} == {"article"}
    project.cite(ids_["claim"], ids_["source"])
    assert ("source", ids_["source"]) in kinds(project.search("dane", article_id=ids_["article"]))
    assert ("source", ids_["source"]) not in kinds(project.search("dane", article_id=other))


def test_date_filters(desk):
    project, ids_ = desk
    project.store.conn.execute("UPDATE claims SET updated_at = '2024-03-05T10:00:00.000Z' WHERE id = ?", (ids_["claim"],))
    assert ("claim", ids_["claim"]) in kinds(project.search("bogota", since="2024-03-05", until="2024-03-05"))
    assert ("claim", ids_["claim"]) in kinds(project.search("bogota", since="2024", until="2024-03"))
    assert ("claim", ids_["claim"]) not in kinds(project.search("bogota", since="2024-03-06"))
    assert ("claim", ids_["claim"]) not in kinds(project.search("bogota", until="2024-03-04"))
    assert ("article", ids_["article"]) in kinds(project.search("bogota", since="2025"))  # imported now
    with pytest.raises(InvalidInput):
        project.search("bogota", since="yesterday")


# --- an index kept current -----------------------------------------------------------------------

def test_edits_deletes_and_restores_reach_the_index(desk):
    project, ids_ = desk
    project.update_claim(ids_["claim"], statement="Un enunciado sobre Medellín")
    assert ("claim", ids_["claim"]) in kinds(project.search("medellin"))
    assert ("claim", ids_["claim"]) not in kinds(project.search("verificaciones"))
    project.delete_claim(ids_["claim"])
    assert project.search("medellin") == []
    assert {h.kind for h in project.search("cifras dane")} == {"source"}  # the deleted claim's comment is gone
    project.restore_claim(ids_["claim"])
    assert ("claim", ids_["claim"]) in kinds(project.search("medellin"))
    project.update_source(ids_["source"], title="Boletín trimestral")
    assert ("source", ids_["source"]) in kinds(project.search("boletin"))
    project.delete_source(ids_["source"])
    assert project.search("boletin") == []
    project.delete_article(ids_["article"])
    assert project.search("bogota") == []
    project.restore_article(ids_["article"])
    assert ("article", ids_["article"]) in kinds(project.search("bogota"))


def test_undo_and_redo_reach_the_index(desk):
    project, ids_ = desk
    steps = history.History(project)
    steps.do(history.UpdateClaim(ids_["claim"], statement="Cartagena"))
    assert ids(project.search("cartagena")) == {ids_["claim"]}
    steps.undo()
    assert project.search("cartagena") == []
    assert ("claim", ids_["claim"]) in kinds(project.search("verificaciones"))
    steps.redo()
    assert ids(project.search("cartagena")) == {ids_["claim"]}


def test_a_new_version_replaces_the_text_searched(desk):
    project, ids_ = desk
    steps = history.History(project)
    steps.do(history.AddVersion(ids_["article"], imported(TEXT.replace("Bogotá", "Cali"))))
    hits = [h for h in project.search("cali") if h.kind == "article"]
    assert hits and hits[0].version_id == project.current_version(ids_["article"]).id
    assert ("article", ids_["article"]) not in kinds(project.search("bogota"))
    steps.undo()
    assert ("article", ids_["article"]) in kinds(project.search("bogota"))
    assert project.search("cali") == []


def test_a_merge_and_its_undo_reach_the_index(desk, tmp_path):
    project, ids_ = desk
    project.close()
    theirs = tmp_path / "theirs.factcheck"
    shutil.copy(project.path, theirs)
    with Project.open(theirs, user="ben") as p:
        p.update_claim(ids_["other"], statement="Inflación en Barranquilla")
        p.create_source(title="Banco de la República")
    with Project.open(project.path, user="ana") as p:
        assert p.search("barranquilla") == []
        steps = history.History(p)
        steps.do(history.Merge(merge.plan(p, theirs)))
        assert ids(p.search("barranquilla")) == {ids_["other"]}
        assert [h.kind for h in p.search("banco republica")] == ["source"]
        steps.undo()
        assert p.search("barranquilla") == [] and p.search("banco republica") == []


def test_another_programs_writes_are_found(desk):
    project, ids_ = desk
    path = project.path
    project.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE claims SET statement = 'Escrito por otro programa en Pasto' WHERE id = ?", (ids_["claim"],))
    conn.commit()
    conn.close()
    with Project.open(path, read_only=True) as p:  # cannot index: matched directly, the old words gone
        assert ids(p.search("pasto")) == {ids_["claim"]}
        assert ("claim", ids_["claim"]) not in kinds(p.search("verificaciones"))
        assert ids(p.search("pasto", status="approved")) == set()
        assert p.store.read_one("SELECT count(*) FROM search_dirty")[0] == 1
    with Project.open(path) as p:
        assert ids(p.search("pasto")) == {ids_["claim"]}
        assert p.store.read_one("SELECT count(*) FROM search_dirty")[0] == 0


def test_closing_indexes_what_changed(desk):
    project, ids_ = desk
    project.search("bogota")
    project.update_claim(ids_["claim"], statement="Popayán")
    assert project.store.read_one("SELECT count(*) FROM search_dirty")[0] == 1
    path = project.path
    project.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM search_dirty").fetchone()[0] == 0
    conn.close()


def test_everything_marked_at_once_is_indexed_a_batch_at_a_time(desk, monkeypatch):
    project, ids_ = desk  # a first pull from the sync server marks a whole project
    for start in (0, 20, 40):
        project.create_claim(ids_["version"], start, start + 10)
    project.search("bogota")
    with project.store.transaction():
        project.store.execute("INSERT OR IGNORE INTO search_dirty (kind, ref) SELECT 'claim', id FROM claims")
        project.store.execute("INSERT OR IGNORE INTO search_dirty (kind, ref) SELECT 'comment', id FROM comments")
        project.store.execute("INSERT OR IGNORE INTO search_dirty (kind, ref) SELECT 'source', id FROM sources")
        project.store.execute("INSERT OR IGNORE INTO search_dirty (kind, ref) SELECT 'article', id FROM articles")
        project.store.execute("UPDATE claims SET statement = 'Escrito en Pasto' WHERE id = ?", (ids_["other"],))
    real, loaded = search._load, []

    def load(conn, kind, refs):
        loaded.append(len(refs))
        return real(conn, kind, refs)

    monkeypatch.setattr(search, "PENDING_BATCH", 2)
    monkeypatch.setattr(search, "_load", load)
    assert search.index_pending(project.store.conn) == 8
    assert sum(loaded) == 8 and max(loaded) <= 2
    assert kinds(project.search("pasto")) == {("claim", ids_["other"])}
    assert ids_["claim"] in ids(project.search("bogota")) and ids(project.search("dane")) >= {ids_["source"]}
    assert project.store.read_one("SELECT count(*) FROM search_dirty")[0] == 0


def test_articles_are_loaded_a_few_at_a_time_and_a_rebuild_finds_what_the_last_index_found(desk, monkeypatch):
    """An article is its whole text: a batch of 2,000 of a desk's articles was 150 MB held at once."""
    project, ids_ = desk
    for n in range(5):
        project.import_article(imported(f"Artículo {n}: el DANE publicó cifras de Pasto y Bogotá.", title=f"A{n}"))
    queries = ("bogota", "dane", "pasto", "cifras")
    before = {q: kinds(project.search(q)) for q in queries}
    real, loaded = search._load, []

    def load(conn, kind, refs):
        loaded.append((kind, len(refs)))
        return real(conn, kind, refs)

    monkeypatch.setattr(search, "ARTICLES_AT_ONCE", 2)
    monkeypatch.setattr(search, "_load", load)
    with project.store.transaction():
        search.rebuild(project.store.conn)
    articles = [n for kind, n in loaded if kind == "article"]
    assert sum(articles) == len(project.articles()) == 6 and max(articles) == 2
    assert {q: kinds(project.search(q)) for q in queries} == before
    assert project.store.read_one("SELECT count(*) FROM search_dirty")[0] == 0


def test_the_migration_builds_the_index_of_an_older_project(desk):
    project, ids_ = desk
    path = project.path
    project.close()
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for table in ("search_index", "search_docs", "search_dirty"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_search'")
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    with Project.open(path) as p:
        assert ("claim", ids_["claim"]) in kinds(p.search("verificaciones"))
        assert ("article", ids_["article"]) in kinds(p.search("bogota"))
        assert ("source", ids_["source"]) in kinds(p.search("dane"))
        assert "m010_search" not in migrations.pending_names(p.store.conn)
        p.update_claim(ids_["claim"], statement="Neiva")  # and the triggers keep it current
        assert ids(p.search("neiva")) == {ids_["claim"]}


def test_the_index_is_not_part_of_the_history(desk):
    project, ids_ = desk
    events = len(project.events())
    project.update_claim(ids_["claim"], statement="Tunja")
    project.search("tunja")  # indexes the change: no event of its own
    assert len(project.events()) == events + 1
    assert project.verify().ok


def test_snippets_mark_the_words_and_fold_space():
    text = "Uno dos tres.\n\nEl   ministro dijo en Bogotá que sí."
    matcher = search.Matcher(search.parse("bogota ministro"))
    pieces = search.snippet(text, matcher.spans(text), width=60)
    assert [t for t, marked in pieces if marked] == ["ministro", "Bogotá"]
    assert "\n" not in "".join(t for t, _m in pieces) and "  " not in "".join(t for t, _m in pieces)


def test_a_long_paragraph_without_spaces_is_cut_between_words():
    sentence = "总统说制裁是合理的事。"  # one word as the index sees it, then a full stop: 11 characters
    text = sentence * 500
    spans = search.chunks(text)
    assert len(spans) > 1 and all(end - start <= search.CHUNK_MAX for start, end in spans)
    words = {(s, e) for s, e, _w in textsearch.words(text)}
    cut_words = [(s, e) for s, e in words for _start, end in spans[:-1] if s < end < e]
    assert cut_words == []
    assert "".join(text[s:e] for s, e in spans) == text


def test_chunks_are_whole_paragraphs():
    text = "\n".join("a" * 300 for _ in range(10)) + "\n" + "palabra " * 600
    spans = search.chunks(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip("\n"))
    assert all(end - start <= search.CHUNK_MAX for start, end in spans)
    assert all(b[0] >= a[1] for a, b in zip(spans, spans[1:]))
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(" ", "")
