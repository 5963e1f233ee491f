"""Find in project against a fact-checker's real material: pasted social-media text, broken
accents, and the index kept in step with the words it points at."""

from __future__ import annotations

import random
import sqlite3
import unicodedata

import pytest

from factcheck.core import search, textsearch
from factcheck.core.errors import InvalidInput
from tests.conftest import imported

#: Words as people paste them: accents composed and not, "bold" letters from social media,
#: ligatures, full-width forms, Turkish dotted I, Greek final sigma, digits of other scripts.
POOL = ["Bogotá", "bogota", "BOGOTÁ", unicodedata.normalize("NFD", "Bogotá"), "𝐁𝐨𝐠𝐨𝐭𝐚", "𝗕𝗢𝗚𝗢𝗧𝗔", "niño", "Niños",
        "verificación", "verificaciones", "permitió", "permitieron", "rising", "rises", "😀", "🇨🇴", "¿Quién?",
        "¡ñandú!", "İstanbul", "ISTANBUL", "straße", "STRASSE", "ﬁn", "fin", "naïve_x", "ministro", "de", "la",
        "مرحبا", "\u202e", "שלום", "Ǆemal", "džemal", "Ⅻ", "xii", "١٢٣", "x²", "ＡＢＣ", "abc", "Ὀδυσσεύς", "ΣΊΣΥΦΟΣ",
        "σισυφος", "\u0301", "a\u0301\u0301", "\ue000", "_", "caña", "cana"]


def test_bold_letters_from_social_media_fold_to_plain_words():
    """"𝐁𝐑𝐄𝐀𝐊𝐈𝐍𝐆" is how posts shout: it must read as "breaking", in lower case, like the
    index's own tokenizer reads it, or the hit is found but its words are never marked."""
    assert textsearch.fold("𝐁𝐨𝐠𝐨𝐭𝐚") == "bogota"
    assert textsearch.fold("𝗕𝗥𝗘𝗔𝗞𝗜𝗡𝗚") == "breaking"
    assert textsearch.folded_words("𝐁𝐑𝐄𝐀𝐊𝐈𝐍𝐆: 𝘌𝘭 𝘮𝘪𝘯𝘪𝘴𝘵𝘳𝘰") == ["breaking", "el", "ministro"]


def test_a_lone_combining_mark_is_no_word():
    """A detached accent (text copied from a PDF) is not an empty word: an empty query word
    would make FTS5 match nothing at all."""
    assert textsearch.words("a \u0301\u0301 b") == [(0, 1, "a"), (5, 6, "b")]
    assert search.parse("bogota \u0301") == (search.Term("word", ("bogota",)),)


def test_bold_words_of_a_post_are_found_and_marked(project):
    text = "Hilo viral:\n\n🚨 𝐁𝐑𝐄𝐀𝐊𝐈𝐍𝐆 El ministro dijo en 𝐁𝐨𝐠𝐨𝐭𝐚 que todo era falso."
    project.import_article(imported(text, title="Post"))
    for query, words in (("breaking", "𝐁𝐑𝐄𝐀𝐊𝐈𝐍𝐆"), ("bogota", "𝐁𝐨𝐠𝐨𝐭𝐚"), ("𝐁𝐨𝐠𝐨𝐭𝐚", "𝐁𝐨𝐠𝐨𝐭𝐚")):
        hit = next(h for h in project.search(query) if h.kind == "article")
        assert text[hit.start:hit.end] == words
        assert (words, True) in hit.snippet


@pytest.mark.parametrize("seed", range(3))
def test_the_index_and_the_matcher_agree_on_every_document(seed):
    """The same rules twice (FTS5 over the index's columns; ``Matcher`` for snippets and for
    documents not indexed yet) must find the same documents: an index-only hit shows no
    words and jumps nowhere, a matcher-only one differs by whether the file could be written."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE search_index USING fts5(words, es, en, "
                 "tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")")
    rng = random.Random(seed)
    texts = [" ".join(rng.choice(POOL) for _ in range(rng.randint(1, 8))) for _ in range(300)]
    for rowid, text in enumerate(texts):
        doc = search._Doc("claim", str(rowid), (("notes", text),))
        conn.execute("INSERT INTO search_index (rowid, words, es, en) VALUES (?, ?, ?, ?)",
                     (rowid, *search._columns(doc)))
    for _ in range(300):
        query = " ".join(rng.choice(POOL) for _ in range(rng.randint(1, 3)))
        query = f'"{query}"' if rng.random() < 0.3 else query + ("*" if rng.random() < 0.2 else "")
        terms = search.parse(query, prefix_last=rng.random() < 0.5)
        if not terms:
            continue
        indexed = {r[0] for r in conn.execute("SELECT rowid FROM search_index WHERE search_index MATCH ?",
                                              (search.fts_expression(terms),))}
        matcher = search.Matcher(terms)
        matched = {rowid for rowid, text in enumerate(texts) if matcher.matches([text])}
        assert indexed == matched, (query, [texts[i] for i in sorted(indexed ^ matched)][:3])


def test_a_rating_the_scale_lacks_is_said_not_searched(project):
    """`--rating Falso` (the label, not the key) finding "nothing" would read as an answer."""
    project.import_article(imported("El ministro dijo que sí."))
    with pytest.raises(InvalidInput, match="not a rating on the"):
        project.search("ministro", rating="Falso")
    assert project.search("ministro", rating="false") == []


def test_a_quoted_passage_longer_than_the_word_limit_is_searched_by_its_first_words(project):
    """A checker pastes the whole quote between quotes: its first words, still in order, are searched."""
    sentence = " ".join(f"palabra{i}" for i in range(45))
    text = f"Primero.\n\nDijo: {sentence}. Fin."
    project.import_article(imported(text))
    (term,) = search.parse(f'"{sentence}"')
    assert term.kind == "phrase" and len(term.words) == search.MAX_TERMS
    hit = next(h for h in project.search(f'"{sentence}"') if h.kind == "article")
    assert text[hit.start:hit.end] == " ".join(sentence.split()[:search.MAX_TERMS])
    assert search.parse(f'uno "{sentence}"')[1].words == tuple(sentence.split()[:search.MAX_TERMS - 1])
