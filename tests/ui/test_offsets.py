"""OffsetMap: code points <-> UTF-16 units, checked against Python's own UTF-16 encoder."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.ui.offsets import OffsetMap


def utf16(text: str, index: int) -> int:
    """The UTF-16 offset of code point ``index``, computed independently of OffsetMap."""
    return len(text[:index].encode("utf-16-le")) // 2


TEXTS = {
    "ascii": "The Treasury imposed sanctions on 24 October.",
    "empty": "",
    "thumbs up, skin tone": "Great 👍🏽 news: 👍🏽👍🏽 twice",
    "flag": "Bandera 🇨🇴 de Colombia 🇨🇴",
    "zwj family": "La familia 🧑‍🤝‍🧑 llegó",
    "combining marks": "cafe\u0301 and q\u0301 and x\u0323\u0301 here",
    "arabic": "قال الوزير إن الاقتصاد نما بنسبة ٥٪ هذا العام",
    "hebrew": "השר אמר כי הכלכלה צמחה",
    "mixed rtl and astral": "He said «عالم 😀 שלום» and 𝔸𝔹 then \U0010ffff end",
    "astral at both ends": "😀middle😀",
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_round_trips_against_the_encoder(text):
    offsets = OffsetMap(text)
    assert offsets.length == len(text)
    assert offsets.utf16_length == utf16(text, len(text))
    for i in range(len(text) + 1):
        assert offsets.to_utf16(i) == utf16(text, i), i
        assert offsets.from_utf16(utf16(text, i)) == i, i


def test_emoji_count_twice_in_utf16():
    text = "a👍🏽b"
    offsets = OffsetMap(text)
    assert [offsets.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 5, 6]


@pytest.mark.parametrize(("text", "inside", "char_start"), [
    ("a👍b", 2, 1),  # between the halves of 👍
    ("👍🏽", 1, 0),  # first emoji of two
    ("👍🏽", 3, 1),  # the skin-tone modifier
    ("x🇨🇴y", 2, 1),
    ("x🇨🇴y", 4, 2),
])
def test_from_utf16_inside_a_surrogate_pair_snaps_to_the_char_start(text, inside, char_start):
    offsets = OffsetMap(text)
    assert utf16(text, char_start) < inside < utf16(text, char_start + 1)
    assert offsets.from_utf16(inside) == char_start


_ALPHABET = st.one_of(
    st.characters(codec="utf-8"),  # any code point but lone surrogates, astral ones included
    st.sampled_from(["👍", "🏽", "🇨", "🇴", "\u200d", "\u0301", "א", "ع", "𝔸", "\U0010ffff", "\n"]),
)


@settings(database=None, max_examples=300)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_property_matches_the_encoder_for_any_text(text):
    offsets = OffsetMap(text)
    starts = [utf16(text, i) for i in range(len(text) + 1)]
    assert offsets.utf16_length == starts[-1]
    for i, unit in enumerate(starts):
        assert offsets.to_utf16(i) == unit
    # Every UTF-16 position maps to the code point it is in (a pair's second half: its start).
    i = 0
    for unit in range(starts[-1] + 1):
        while i + 1 < len(starts) and starts[i + 1] <= unit:
            i += 1
        assert offsets.from_utf16(unit) == i, unit
