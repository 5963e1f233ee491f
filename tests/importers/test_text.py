"""Plain-text import: decoding, normalization, refusals, pasted text."""

from __future__ import annotations

import codecs
import random
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.core.errors import ImportRefused
from factcheck.importers import (
    MAX_IMPORT_BYTES,
    ImportedArticle,
    import_bytes,
    import_file,
    import_pasted,
)
from factcheck.importers._normalize import normalize_text
from factcheck.importers.text import import_text


def text_of(data: bytes, name: str = "article.txt") -> str:
    return import_bytes(data, name).text


# --------------------------------------------------------------------------- refusals


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ImportRefused, match="The file is empty"):
        import_file(path)


@pytest.mark.parametrize("data", [b"   ", b"\n\n\n", b" \t \r\n \r \n", b"\xef\xbb\xbf  \n",
                                  "\u00a0\u3000\n".encode("utf-8"), b"\x01 \n"])
def test_whitespace_only_file_is_refused(tmp_path, data):
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    with pytest.raises(ImportRefused, match="has no text"):
        import_file(path)


def test_nul_bytes_in_8bit_text_are_refused():
    with pytest.raises(ImportRefused, match="binary file, not a text article"):
        import_bytes(b"Hello\x00world, this is \x00 not text\x00\x00 at all", "a.txt")


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("size", [16, 64, 1000, 20_000])
def test_random_garbage_bytes_are_refused(seed, size):
    data = random.Random(seed * 1000 + size).randbytes(size)
    with pytest.raises(ImportRefused):
        import_bytes(data, "garbage.txt")


@pytest.mark.parametrize("seed", range(20))
def test_random_garbage_without_nul_bytes_is_refused(seed):
    # No NUL to give it away: charset detection and the plausibility checks must.
    data = bytes(b or 0x41 for b in random.Random(seed).randbytes(3000))
    with pytest.raises(ImportRefused, match="not readable text|binary"):
        import_bytes(data, "garbage.txt")


def test_binary_controls_in_valid_utf8_are_refused():
    data = bytes(range(1, 32)) * 20 + b"some words"
    with pytest.raises(ImportRefused, match="binary"):
        import_bytes(data, "weird.txt")


def test_broken_utf16_with_bom_is_refused():
    data = codecs.BOM_UTF16_LE + "Hello".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    with pytest.raises(ImportRefused, match="damaged or not text"):
        import_bytes(data, "a.txt")


# --------------------------------------------------------------------------- decoding


def test_plain_utf8_article():
    data = "Headline here\n\nFirst paragraph.\nSecond line.\n".encode("utf-8")
    article = import_bytes(data, "/some/folder/story.txt")
    assert article == ImportedArticle(
        text="Headline here\n\nFirst paragraph.\nSecond line.",
        title="Headline here",
        source_format="text",
        source_name="story.txt",
        original=data,
        mime="text/plain",
    )


def test_invalid_utf8_that_is_cp1252_decodes_as_cp1252():
    assert text_of(b"caf\xe9 cr\xe8me") == "café crème"


def test_cp1252_punctuation():
    data = "\u201cHello\u201d \u2014 it\u2019s \u20ac5\u2026".encode("cp1252")
    assert text_of(data) == "“Hello” — it’s €5…"


def test_latin1():
    sentence = "Grüße aus München: schöne Straßen, Œuvre à la française, ¿qué tal?"
    data = sentence.replace("Œ", "O").encode("latin-1")
    assert text_of(data) == sentence.replace("Œ", "O")


def test_longer_cp1252_french_text():
    sentence = "Le président a déclaré que l’économie française était « en très bonne santé ». "
    data = (sentence * 40).encode("cp1252")
    assert text_of(data) == (sentence * 40).strip()


def test_cyrillic_cp1251_is_recognised():
    sentence = "Президент заявил, что экономика страны находится в очень хорошем состоянии. "
    data = (sentence * 10).encode("cp1251")
    assert text_of(data) == (sentence * 10).strip()


def test_polish_cp1250_is_recognised():
    sentence = ("Prezydent powiedział, że gospodarka jest w bardzo dobrej kondycji, mimo że "
                "krytycy twierdzą inaczej. Źródła podają różne dane. ")
    data = (sentence * 10).encode("cp1250")
    assert text_of(data) == (sentence * 10).strip()


def test_utf8_bom_is_stripped():
    article = import_bytes(codecs.BOM_UTF8 + "Überschrift\nText".encode("utf-8"), "a.txt")
    assert article.text == "Überschrift\nText"
    assert article.title == "Überschrift"
    assert not article.text.startswith("\ufeff")


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE),
                                          ("utf-32-le", codecs.BOM_UTF32_LE),
                                          ("utf-32-be", codecs.BOM_UTF32_BE)])
def test_utf16_and_utf32_with_bom(encoding, bom):
    text = "Titre accentué\r\n\r\nLe texte: مرحبا, שלום, 😀."
    assert text_of(bom + text.encode(encoding)) == "Titre accentué\n\nLe texte: مرحبا, שלום, 😀."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_pattern(encoding):
    text = "A plain English article.\nWith a second line and an é.\n"
    assert text_of(text.encode(encoding)) == text.strip()


def test_crlf_and_cr_line_ends():
    assert text_of(b"one\r\ntwo\r\n\r\nthree\r\n") == "one\ntwo\n\nthree"
    assert text_of(b"one\rtwo\r\rthree\r") == "one\ntwo\n\nthree"
    assert text_of(b"mixed\r\nends\rhere\nok") == "mixed\nends\nhere\nok"


def test_nfd_is_normalized_to_nfc():
    text = text_of("Cafe\u0301 e\u0301te\u0301 A\u030a".encode("utf-8"))
    assert text == "Café été Å"
    assert text == unicodedata.normalize("NFC", text)


def test_emoji_combining_marks_and_rtl_text_are_preserved_exactly():
    samples = [
        "Emoji: 😀 👩🏽‍💻 🇺🇦 ❤️ 1️⃣",
        "Combining without precomposed form: q̇ x̃ n̈ ज़ क्षि",
        "Arabic: قال الرئيس إن الاقتصاد في حالة جيدة جداً.",
        "Hebrew: הנשיא אמר שהכלכלה במצב טוב מאוד.",
        "Mixed: \u200fשלום\u200e hello \u202bمرحبا\u202c world",
    ]
    text = "\n".join(samples)
    assert unicodedata.normalize("NFC", text) == text
    assert text_of(text.encode("utf-8")) == text


def test_control_characters_are_removed_tabs_kept():
    # A few stray controls in real text are dropped (DEL is not C0: it stays).
    filler = b" A long enough line of ordinary words." * 8
    assert text_of(b"a\x01b and c\td\x7fe\x1b." + filler) == (
        "ab and c\td\x7fe." + filler.decode())
    # Form feeds (page breaks from PDF-to-text tools) end a line rather than join words.
    assert text_of(b"end of page one.\x0cPage two") == "end of page one.\nPage two"


def test_trailing_spaces_and_blank_line_runs():
    data = b"\n\n  \n  Indented title   \nline two\t \n\n\n\n\nafter gap  \n \n\n"
    assert text_of(data) == "  Indented title\nline two\n\nafter gap"


def test_title_is_first_non_empty_line_trimmed_to_120_characters():
    long_line = "word " * 60
    article = import_bytes(f"\n\n   \n{long_line}\nbody".encode(), "a.txt")
    assert len(article.title) <= 120
    assert article.title.startswith("word word")
    assert article.title.endswith("…")
    assert article.text.startswith(long_line.strip())


def test_original_bytes_are_kept_exactly():
    data = b"\xef\xbb\xbfline one\r\nline two \r\n\r\n\r\n"
    article = import_bytes(data, "x.txt")
    assert article.original == data
    assert article.text == "line one\nline two"


def test_one_megabyte_imports_quickly():
    line = "The quick brown fox jumps over the lazy dog, said the résumé — 42 times. 😀\n"
    data = (line * (1024 * 1024 // len(line.encode()))).encode("utf-8")
    assert len(data) > 1_000_000
    start = time.perf_counter()
    article = import_bytes(data, "big.txt")
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0, elapsed
    assert article.text.count("\n") == data.count(b"\n") - 1


def test_one_megabyte_cp1252_imports_quickly():
    line = "Le président a déclaré: « l’économie va très bien ». "
    data = (line * (1024 * 1024 // len(line))).encode("cp1252")
    start = time.perf_counter()
    article = import_bytes(data, "big.txt")
    assert time.perf_counter() - start < 1.0
    assert article.text.startswith("Le président a déclaré: « l’économie")


def test_import_text_directly():
    article = import_text(b"Hello\n", "h.txt")
    assert (article.text, article.title, article.mime) == ("Hello", "Hello", "text/plain")


# --------------------------------------------------------------------------- pasted text


def test_pasted_text():
    text = "  \r\nFirst line of the pasted article that goes on and on and on and on, well past eighty characters\r\nbody e\u0301\n"
    article = import_pasted(text, author=" Ana ", outlet="Daily", url="https://x.example/a",
                            published_at="2024-05-01")
    assert article.text.startswith("First line")
    assert article.text.endswith("body é")
    assert article.source_format == "text"
    assert article.source_name == "pasted text"
    assert article.mime == "text/plain"
    assert article.original == text.encode("utf-8")
    assert len(article.title) <= 80 and article.title.startswith("First line of the pasted")
    assert (article.author, article.outlet, article.url, article.published_at) == (
        "Ana", "Daily", "https://x.example/a", "2024-05-01")


def test_pasted_text_with_a_title():
    article = import_pasted("Body only.", title="  My   title ")
    assert article.title == "My title"


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n\t", "\x00\x01"])
def test_empty_pasted_text_is_refused(text):
    with pytest.raises(ImportRefused, match="pasted text is empty"):
        import_pasted(text)


def test_huge_pasted_text_is_refused():
    with pytest.raises(ImportRefused, match="pasted text is too large"):
        import_pasted("a" * (MAX_IMPORT_BYTES + 1))


def test_pasted_lone_surrogate_does_not_crash():
    article = import_pasted("bad \ud800 char")
    assert article.text == "bad \ufffd char"


printable = st.characters(blacklist_categories=("Cs", "Cc"))
whitespace_heavy = st.one_of(printable, st.sampled_from(["\n", "\r", "\r\n", "\t", " ", "\u00a0",
                                                         "e\u0301", "\u0301", "\ufeff"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(whitespace_heavy, max_size=120).map("".join))
def test_pasted_text_is_nfc_without_cr_and_idempotent(text):
    if not normalize_text(text).strip():
        with pytest.raises(ImportRefused):
            import_pasted(text)
        return
    result = import_pasted(text).text
    assert unicodedata.is_normalized("NFC", result)
    assert "\r" not in result
    assert import_pasted(result).text == result


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_normalize_text_is_idempotent_on_any_text(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert not any(c in once for c in "\r\x00\x0b\x0c")
