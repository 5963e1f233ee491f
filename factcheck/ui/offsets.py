"""The one place that converts between core offsets (code points) and Qt's (UTF-16 units).

Python indexes a ``str`` by code point; Qt counts UTF-16 code units, so every character
outside the Basic Multilingual Plane (most emoji) counts twice in Qt. A ``QTextDocument``
built with ``setPlainText(text)`` has the same positions as the UTF-16 form of ``text``
(each ``\\n`` becomes one block separator).
"""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Maps offsets of one text between code points and UTF-16 units."""

    def __init__(self, text: str):
        self.length = len(text)
        # Code-point offsets of the astral characters (two UTF-16 units each).
        # A regex scan: a Python loop over a 1 MB text costs ~0.2 s, this ~10 ms.
        self._astral: list[int] = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_utf16 = [i + n for n, i in enumerate(self._astral)]
        self.utf16_length = self.length + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """Code-point offset -> UTF-16 offset."""
        return offset + bisect.bisect_left(self._astral, offset)

    def from_utf16(self, offset: int) -> int:
        """UTF-16 offset -> code-point offset (inside a surrogate pair: the pair's start)."""
        # Astral characters that start before ``offset``; one inside a pair counts, so
        # an offset between the two halves snaps back to the character's start.
        return offset - bisect.bisect_right(self._astral_utf16, offset - 1)
