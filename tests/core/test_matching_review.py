"""Matching against text as it arrives: decomposed accents (copied on a Mac, extracted from a PDF)."""

from __future__ import annotations

import unicodedata

import pytest

from factcheck.core import matching

SPANISH = "La vacunación de los niños en Bogotá causó autismo, según el ministro"


def test_decomposed_accents_read_as_the_composed_words():
    """"vacunación" written as "vacunacio" + U+0301 + "n" is one word, not "vacunacio" and "n"."""
    decomposed = unicodedata.normalize("NFD", SPANISH)
    assert matching.analyze(decomposed) == matching.analyze(SPANISH)


@pytest.mark.parametrize("text", ["\u0301", "\u0301\u0301 vacunas", "a\u0301\u0301", "𝐕𝐀𝐂𝐔𝐍𝐀𝐒 causan autismo"])
def test_stray_marks_and_bold_letters_never_raise(text):
    assert isinstance(matching.analyze(text, query=True), matching.Analysis)
