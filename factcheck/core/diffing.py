"""Which words changed between two versions of an article, as spans in code points.

``word_diff(old, new)`` compares words and punctuation, never spacing: a text reflowed
into other lines or paragraphs shows no change. A 1 MB article is compared in steps, so
it stays fast: paragraphs first, then the sentences of the paragraphs that differ, then
the words of the sentences that differ (each step an LCS diff, bit-parallel in rapidfuzz).
"""

from __future__ import annotations

import dataclasses
import re


from factcheck.core.text import N_

INSERT, DELETE, REPLACE = "insert", "delete", "replace"

_WORDS = re.compile(r"\w+|[^\w\s]")
_WORD_RUNS = re.compile(r"\w+")
_PARAGRAPHS = re.compile(r"[^\n]+")
_SENTENCES = re.compile(r"[^.!?…]+(?:[.!?…]+[\"'”’»)\]]*)?|[.!?…]+[\"'”’»)\]]*")
_LEVELS = (_PARAGRAPHS, _SENTENCES, _WORDS)
#: The largest word-by-word comparison (old words x new words) made at once; a longer
#: changed stretch is compared sentence by sentence first, and one still too long is
#: marked as replaced whole.
MAX_WORD_CELLS = 25_000_000


@dataclasses.dataclass(frozen=True)
class Change:
    """One changed stretch: ``old[old_start:old_end]`` became ``new[new_start:new_end]``.

    An insertion has an empty old span (where it goes in the old text), a deletion an
    empty new span. Offsets are code points, as everywhere in core.
    """

    tag: str
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    words_deleted: int = 0
    words_inserted: int = 0


@dataclasses.dataclass(frozen=True)
class Diff:
    """The changes from one text to another, in order."""

    changes: tuple[Change, ...]

    @property
    def deleted(self) -> list[tuple[int, int]]:
        """Spans of the old text that are gone (deleted or replaced)."""
        return [(c.old_start, c.old_end) for c in self.changes if c.old_end > c.old_start]

    @property
    def inserted(self) -> list[tuple[int, int]]:
        """Spans of the new text that are new (inserted or replacing)."""
        return [(c.new_start, c.new_end) for c in self.changes if c.new_end > c.new_start]

    @property
    def words_deleted(self) -> int:
        return sum(c.words_deleted for c in self.changes)

    @property
    def words_inserted(self) -> int:
        return sum(c.words_inserted for c in self.changes)

    def summary(self) -> str:
        """One line for people: how many changes, how many words each way."""
        if not self.changes:
            return N_("No words changed.")
        n, inserted, deleted = len(self.changes), self.words_inserted, self.words_deleted
        ins = N_("1 word inserted") if inserted == 1 else N_("{n} words inserted", n=inserted)
        dels = N_("1 word deleted") if deleted == 1 else N_("{n} words deleted", n=deleted)
        if inserted and deleted:
            details = N_("{inserted}, {deleted}", inserted=ins, deleted=dels)
        else:
            details = ins if inserted else dels if deleted else N_("punctuation only")
        return N_("1 change: {details}.", details=details) if n == 1 else N_("{n} changes: {details}.", n=n, details=details)


def _units(pattern: re.Pattern, text: str, start: int, end: int) -> tuple[list[str], list[tuple[int, int]]]:
    """The units (paragraphs, sentences or words) of ``text[start:end]``: keys to compare, spans."""
    if pattern is _WORDS:  # a word or a sign holds no spaces: nothing to trim
        found = list(pattern.finditer(text, start, end))
        return [m.group() for m in found], [m.span() for m in found]
    keys, spans = [], []
    for m in pattern.finditer(text, start, end):
        unit = m.group()
        key = " ".join(unit.split())
        if key:  # compared without its spacing; its span without the spaces around it
            keys.append(key)
            spans.append((m.start() + len(unit) - len(unit.lstrip()), m.end() - len(unit) + len(unit.rstrip())))
    return keys, spans


class _Differ:
    """Walks down from paragraphs to words, only where the coarser units differ, collecting changes."""

    def __init__(self, old: str, new: str):
        self.old, self.new = old, new
        self.changes: list[Change] = []

    def add(self, tag: str, o1: int, o2: int, n1: int, n2: int) -> None:
        deleted = sum(1 for _ in _WORD_RUNS.finditer(self.old, o1, o2))
        inserted = sum(1 for _ in _WORD_RUNS.finditer(self.new, n1, n2))
        self.changes.append(Change(tag, o1, o2, n1, n2, deleted, inserted))

    def compare(self, level: int, o1: int, o2: int, n1: int, n2: int) -> None:
        """Diff ``old[o1:o2]`` with ``new[n1:n2]`` at ``level`` (0 paragraphs, 1 sentences, 2 words)."""
        pattern = _LEVELS[level]
        a, a_spans = _units(pattern, self.old, o1, o2)
        b, b_spans = _units(pattern, self.new, n1, n2)
        if level < 2 and len(a) * len(b) <= 1 and (o2 - o1) + (n2 - n1) < 20_000:
            level, pattern = 2, _WORDS  # one unit against one: straight to the words
            a, a_spans = _units(pattern, self.old, o1, o2)
            b, b_spans = _units(pattern, self.new, n1, n2)
        if level == 2 and len(a) * len(b) > MAX_WORD_CELLS:
            self._whole(a_spans, b_spans, o1, n1)
            return
        from rapidfuzz.distance import Indel  # here: the app's start compares nothing

        pending: list[int] | None = None  # [i1, i2, j1, j2]: a run of unequal units
        for op in Indel.opcodes(a, b):
            if op.tag == "equal":
                if pending:
                    self._changed(level, a_spans, b_spans, *pending, o1, n1)
                    pending = None
            elif pending is None:
                pending = [op.src_start, op.src_end, op.dest_start, op.dest_end]
            else:
                pending[1], pending[3] = op.src_end, op.dest_end
        if pending:
            self._changed(level, a_spans, b_spans, *pending, o1, n1)

    def _changed(self, level, a_spans, b_spans, i1, i2, j1, j2, o1, n1) -> None:
        o_start, o_end = _cover(a_spans, i1, i2, o1)
        n_start, n_end = _cover(b_spans, j1, j2, n1)
        if level < 2 and i2 > i1 and j2 > j1:
            self.compare(level + 1, o_start, o_end, n_start, n_end)
        else:
            tag = REPLACE if i2 > i1 and j2 > j1 else (DELETE if i2 > i1 else INSERT)
            self.add(tag, o_start, o_end, n_start, n_end)

    def _whole(self, a_spans, b_spans, o1, n1) -> None:
        o_start, o_end = _cover(a_spans, 0, len(a_spans), o1)
        n_start, n_end = _cover(b_spans, 0, len(b_spans), n1)
        if o_end > o_start or n_end > n_start:
            tag = REPLACE if o_end > o_start and n_end > n_start else (DELETE if o_end > o_start else INSERT)
            self.add(tag, o_start, o_end, n_start, n_end)


def _cover(spans: list[tuple[int, int]], i1: int, i2: int, fallback: int) -> tuple[int, int]:
    """The stretch from unit ``i1`` to unit ``i2 - 1``; an empty run sits where unit ``i1`` starts."""
    if i2 > i1:
        return spans[i1][0], spans[i2 - 1][1]
    if i1 < len(spans):
        return spans[i1][0], spans[i1][0]
    at = spans[-1][1] if spans else fallback
    return at, at


def word_diff(old: str, new: str) -> Diff:
    """The words and punctuation that changed from ``old`` to ``new``, in order.

    Words deleted and inserted at the same place (nothing equal between them) are one
    ``replace``.
    """
    if _WORDS.findall(old) == _WORDS.findall(new):
        # Only the spacing differs: a reflow. (Compared paragraph by paragraph first, words
        # moved across a paragraph break would otherwise show as deleted and inserted.)
        return Diff(())
    differ = _Differ(old, new)
    differ.compare(0, 0, len(old), 0, len(new))
    return Diff(tuple(differ.changes))
