import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.core import anchoring
from factcheck.core.anchoring import EXACT, FUZZY, MOVED, describe, locate, relocate_all


def span_of(text: str, quote: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


def test_describe_takes_32_characters_of_context(sample_text):
    start, end = span_of(sample_text, "President Petro has allowed drug cartels to flourish")
    sel = describe(sample_text, start, end)
    assert sel.quote.exact == "President Petro has allowed drug cartels to flourish"
    assert sel.quote.prefix == sample_text[start - 32 : start]
    assert sel.quote.suffix == sample_text[end : end + 32]
    assert (sel.position.start, sel.position.end) == (start, end)


def test_describe_at_the_edges_of_the_text():
    sel = describe("Hello world", 0, 5)
    assert (sel.quote.prefix, sel.quote.suffix) == ("", " world")
    with pytest.raises(ValueError):
        describe("abc", 2, 2)


def test_unchanged_text_is_exact(sample_text):
    start, end = span_of(sample_text, "freeze any American assets they may hold")
    match = locate(sample_text, describe(sample_text, start, end))
    assert (match.start, match.end, match.state) == (start, end, EXACT)


def test_text_inserted_before_moves_the_claim(sample_text):
    start, end = span_of(sample_text, "freeze any American assets they may hold")
    sel = describe(sample_text, start, end)
    new = "EDITOR'S NOTE: updated.\n" + sample_text
    match = locate(new, sel)
    assert match.state == MOVED
    assert new[match.start : match.end] == sel.quote.exact
    assert match.start == start + len("EDITOR'S NOTE: updated.\n")


def test_duplicate_quotes_are_told_apart_by_context():
    text = (
        "The minister said the figures were wrong. Later the opposition replied.\n"
        "In a second interview the minister said the figures were wrong again, citing a report."
    )
    second = span_of(text, "the figures were wrong", nth=1)
    sel = describe(text, *second)
    new = "Breaking: " + text.replace("Later the opposition replied.", "The opposition replied at length.")
    match = locate(new, sel)
    assert match.state in (EXACT, MOVED)
    assert match.start == span_of(new, "the figures were wrong", nth=1)[0]


def test_edited_words_are_fuzzy_and_need_confirmation(sample_text):
    quote = "US aid to Colombia is expected to decrease by at least 20%"
    start, end = span_of(sample_text, quote)
    sel = describe(sample_text, start, end)
    new = sample_text.replace(quote, "US aid to Colombia is expected to fall by at least 20%")
    match = locate(new, sel)
    assert match.state == FUZZY
    assert new[match.start : match.end] == "US aid to Colombia is expected to fall by at least 20%"


def test_deleted_sentence_is_not_found_elsewhere(sample_text):
    quote = "Gringos go home."
    start, end = span_of(sample_text, quote)
    sel = describe(sample_text, start, end)
    assert locate(sample_text.replace(quote, ""), sel) is None


def test_short_quote_does_not_jump_to_unrelated_words():
    text = "Officials said the deal was done. Petro denied it. The deal was signed in May."
    start, end = span_of(text, "Petro")
    sel = describe(text, start, end)
    new = "Officials said the deal was done. The deal was signed in May by Pedro."
    assert locate(new, sel) is None


def test_deleted_quote_with_copy_elsewhere_is_not_exact():
    text = "Intro paragraph about something.\nHe said: we will win.\nOther things happened.\nFinal words."
    start, end = span_of(text, "we will win")
    sel = describe(text, start, end)
    new = "Intro paragraph about something.\nOther things happened.\nA rival later mocked 'we will win' loudly."
    match = locate(new, sel)
    assert match is None or match.state == FUZZY


UNICODE_TEXT = (
    "Intro 👍🏽 text. The café owner (e\u0301 combining) said: «ثلاثة أيام» and עברית here. "
    "Then 🇨🇴 flags 🧑‍🤝‍🧑 and more words follow to the end."
)


@pytest.mark.parametrize("quote", ["👍🏽 text", "«ثلاثة أيام»", "e\u0301 combining", "🇨🇴 flags 🧑‍🤝‍🧑", "עברית"])
def test_offsets_are_exact_with_emoji_combining_marks_and_rtl(quote):
    start, end = span_of(UNICODE_TEXT, quote)
    sel = describe(UNICODE_TEXT, start, end)
    assert sel.quote.exact == quote
    new = "🎉🎉 " + UNICODE_TEXT
    match = locate(new, sel)
    assert new[match.start : match.end] == quote
    assert match.start == start + 3


def test_relocate_through_a_diff(sample_text):
    quotes = [
        "President Petro has allowed drug cartels to flourish",
        "US aid to Colombia is expected to decrease by at least 20%",
        "Gringos go home.",
        "We do not kneel.",
    ]
    anchors = [describe(sample_text, *span_of(sample_text, q)) for q in quotes]
    new = ("Update: corrected.\n" + sample_text).replace("decrease", "drop").replace(" Gringos go home.", "")
    moved, aid, gringos, kneel = relocate_all(sample_text, new, anchors)
    assert moved.state == MOVED and new[moved.start : moved.end] == quotes[0]
    assert aid.state == FUZZY and new[aid.start : aid.end] == "US aid to Colombia is expected to drop by at least 20%"
    assert gringos is None
    assert kneel.state == MOVED and new[kneel.start : kneel.end] == quotes[3]


def test_relocate_a_moved_paragraph_keeps_exact_words(sample_text):
    paragraphs = sample_text.split("\n")
    quote = "We do not kneel. We will not step back."
    anchor = describe(sample_text, *span_of(sample_text, quote))
    idx = next(i for i, p in enumerate(paragraphs) if quote in p)
    moved_para = paragraphs.pop(idx)
    new = "\n".join(paragraphs + [moved_para])
    (match,) = relocate_all(sample_text, new, [anchor])
    assert match.state == MOVED
    assert new[match.start : match.end] == quote


def test_text_without_any_newline_or_punctuation_still_diffs():
    rng = random.Random(1)
    words = [rng.choice(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]) + str(i) for i in range(3000)]
    text = " ".join(words)
    start, end = span_of(text, " ".join(words[1500:1510]))
    anchor = describe(text, start, end)
    new = text.replace(words[10], "changed")
    (match,) = relocate_all(text, new, [anchor])
    assert new[match.start : match.end] == anchor.quote.exact


def test_text_with_many_distinct_characters_is_searchable():
    # More than 255 distinct characters: edlib's alphabet is shared by the rare ones.
    alphabet = "".join(chr(0x4E00 + i) for i in range(600))
    rng = random.Random(3)
    text = "".join(rng.choice(alphabet) for _ in range(5000))
    start, end = 2000, 2040
    sel = describe(text, start, end)
    edited = text[:2010] + "Z" + text[2011:]
    match = locate(edited, sel)
    assert match is not None and match.state == FUZZY
    assert abs(match.start - start) <= 1 and abs(match.end - end) <= 1


@settings(max_examples=60, deadline=None)
@given(
    st.text(min_size=40, max_size=300),
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=1, max_value=40),
    st.text(max_size=20),
)
def test_exact_quote_is_found_after_text_is_prepended(text, at, length, prefix):
    start = at % (len(text) - 1)
    end = min(len(text), start + length)
    sel = describe(text, start, end)
    new = prefix + text
    match = locate(new, sel)
    # Wherever it lands, it lands on the quoted characters.
    assert match is not None
    if match.state in (EXACT, MOVED):
        assert new[match.start : match.end] == sel.quote.exact


def test_states_are_the_documented_ones():
    assert anchoring.STATES == ("exact", "moved", "fuzzy", "orphaned")


def test_a_number_that_grew_is_not_exact():
    old = "The unemployment rate was 10 percent last year."
    new = "The unemployment rate was 100 percent last year."
    start, end = span_of(old, "rate was 10")
    sel = describe(old, start, end)
    for match in (locate(new, sel), relocate_all(old, new, [sel])[0]):
        assert match is None or match.state == FUZZY


def test_relocation_does_not_trust_a_stray_equal_run():
    old = "Taxes rose 5% in the year to March, the ministry said."
    new = "Spending fell 5% in the year to March, the ministry said."
    start, end = span_of(old, "Taxes rose 5%")
    (match,) = relocate_all(old, new, [describe(old, start, end)])
    assert match is None or match.state == FUZZY


def test_a_quote_at_the_start_does_not_match_anywhere():
    old = "Crime fell 20% in the capital, officials said on Monday."
    new = "Critics: Crime fell 20% in a rival city, they said."
    sel = describe(old, 0, len("Crime fell 20%"))
    match = locate(new, sel)
    assert match is None or match.state == FUZZY
    assert locate(old, sel).state == EXACT
