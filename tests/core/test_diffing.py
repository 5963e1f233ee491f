"""Word diff between two versions: what a reader would call the changed words, as code-point spans."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.core import diffing
from factcheck.core.diffing import DELETE, INSERT, REPLACE

OLD = "US aid to Colombia is expected to decrease by at least 20%. Petro said no.\n\nThe ministry was silent."


def marked(diff, old, new):
    return [(c.tag, old[c.old_start:c.old_end], new[c.new_start:c.new_end]) for c in diff.changes]


def test_identical_texts_have_no_changes():
    diff = diffing.word_diff(OLD, OLD)
    assert diff.changes == () and diff.summary() == "No words changed."


def test_a_changed_figure_and_a_changed_word_are_marked_alone():
    new = OLD.replace("decrease", "fall").replace("20%", "25%")
    diff = diffing.word_diff(OLD, new)
    assert marked(diff, OLD, new) == [(REPLACE, "decrease", "fall"), (REPLACE, "20", "25")]
    assert diff.deleted == [(OLD.index("decrease"), OLD.index("decrease") + 8), (OLD.index("20"), OLD.index("20") + 2)]
    assert diff.summary() == "2 changes: 2 words inserted, 2 words deleted."


def test_insertions_and_deletions_of_whole_sentences_and_paragraphs():
    new = OLD.replace(" Petro said no.", "") + "\n\nA new paragraph, added later."
    diff = diffing.word_diff(OLD, new)
    assert marked(diff, OLD, new) == [(DELETE, "Petro said no.", ""), (INSERT, "", "A new paragraph, added later.")]
    deletion, insertion = diff.changes
    assert deletion.new_start == deletion.new_end == new.index("\n\nThe ministry")  # where it was
    assert insertion.old_start == insertion.old_end == len(OLD)
    assert (insertion.words_inserted, deletion.words_deleted) == (5, 3)
    assert diff.summary() == "2 changes: 5 words inserted, 3 words deleted."


def test_reflowed_spacing_and_line_breaks_are_not_changes():
    new = OLD.replace("\n\n", " ").replace(" is ", "  is\n")
    assert diffing.word_diff(OLD, new).changes == ()


def test_punctuation_alone_is_a_change():
    new = OLD.replace("said no.", "said no!")
    diff = diffing.word_diff(OLD, new)
    assert marked(diff, OLD, new) == [(REPLACE, ".", "!")]
    assert diff.summary() == "1 change: punctuation only."


def test_spans_are_code_points_even_after_emoji():
    old = "😀 Prices 🚀 rose by 5% 🎉 in May."
    new = "😀 Prices 🚀 rose by 7% 🎉 in June."
    diff = diffing.word_diff(old, new)
    assert marked(diff, old, new) == [(REPLACE, "5", "7"), (REPLACE, "May", "June")]
    assert diff.changes[1].old_start == old.index("May")  # a str index: code points


def test_one_side_empty():
    assert marked(diffing.word_diff("", "Hello world."), "", "Hello world.") == [(INSERT, "", "Hello world.")]
    assert marked(diffing.word_diff("Hello world.", "  \n"), "Hello world.", "  \n") == [(DELETE, "Hello world.", "")]
    assert diffing.word_diff("", "").changes == ()


def test_a_stretch_too_long_to_compare_word_by_word_is_replaced_whole(monkeypatch):
    monkeypatch.setattr(diffing, "MAX_WORD_CELLS", 4)
    old, new = "one two three", "four five six"
    assert marked(diffing.word_diff(old, new), old, new) == [(REPLACE, "one two three", "four five six")]


TOKEN = re.compile(r"\w+|[^\w\s]")
words = st.lists(st.sampled_from(["a", "b", "cat", "dog", ".", ",", "é", "😀", "\n", "\n\n", "  ", "!"]), max_size=40)


def _outside(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The tokens of ``text`` not inside any span."""
    kept = []
    for m in TOKEN.finditer(text):
        if not any(s <= m.start() and m.end() <= e for s, e in spans):
            kept.append(m.group())
    return kept


@settings(max_examples=300, deadline=None)
@given(words, words)
def test_what_is_not_marked_is_the_same_in_both_and_spans_are_in_order(a, b):
    old, new = " ".join(a), " ".join(b)
    diff = diffing.word_diff(old, new)
    assert _outside(old, diff.deleted) == _outside(new, diff.inserted)
    last_old = last_new = 0
    for c in diff.changes:
        assert last_old <= c.old_start <= c.old_end <= len(old) and last_new <= c.new_start <= c.new_end <= len(new)
        assert (c.tag == INSERT) == (c.old_start == c.old_end) and (c.tag == DELETE) == (c.new_start == c.new_end)
        last_old, last_new = c.old_end, c.new_end
        for text, s, e in ((old, c.old_start, c.old_end), (new, c.new_start, c.new_end)):
            assert text[s:e] == text[s:e].strip()  # a mark starts and ends on a word or a sign
    if old.split() == new.split():
        assert diff.changes == ()


def test_words_moved_across_a_paragraph_break_are_no_change():
    # Found by the property above: paragraphs compared first split the same words differently.
    assert diffing.word_diff("a a \n a", "a \n a a").changes == ()
