"""Anchor a claim to the words it quotes, and find those words again in changed text.

A claim is anchored by two W3C Web Annotation selectors: a ``TextQuoteSelector`` (the
exact words with 32 characters of context either side) and a ``TextPositionSelector``
(code-point offsets). ``locate`` finds the words again in a text that may have changed:

1. the old position, if the exact quote is still there with its context;
2. every exact occurrence of the quote, scored by how well its context agrees and how
   close it is to the old position (this also picks the right one of duplicate quotes);
3. approximate search (edlib, bit-parallel edit distance) allowing errors up to half
   the quote's length.

The score is the Hypothesis client's ``(50*quote + 20*prefix + 20*suffix +
2*position) / 92``; unlike it, a candidate must reach ``MIN_SCORE`` and a short quote
needs its context, so a deleted sentence is not "found" on unrelated words.

When the previous text is at hand (a new version of an article), ``Relocator`` maps the
offsets through a diff of the two texts first: words the diff carried over unchanged
are ``exact``/``moved`` at once, and only claims that touch an edit are searched.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from factcheck.core import later

CONTEXT = 32
MIN_SCORE = 0.70
#: An exact quote whose context agrees at least this well keeps state exact/moved.
CONTEXT_AGREES = 0.75
#: Quotes shorter than this need their context to agree before they may move.
SHORT_QUOTE = 20

EXACT = "exact"
MOVED = "moved"
FUZZY = "fuzzy"
ORPHANED = "orphaned"
STATES = (EXACT, MOVED, FUZZY, ORPHANED)


#: edlib and rapidfuzz's distances, imported when first used: opening a project re-anchors nothing.
edlib = later.Module("edlib")
Indel = later.Attribute("rapidfuzz.distance", "Indel")
Levenshtein = later.Attribute("rapidfuzz.distance", "Levenshtein")


@dataclasses.dataclass(frozen=True)
class TextQuoteSelector:
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclasses.dataclass(frozen=True)
class TextPositionSelector:
    start: int
    end: int


@dataclasses.dataclass(frozen=True)
class Selectors:
    quote: TextQuoteSelector
    position: TextPositionSelector


@dataclasses.dataclass(frozen=True)
class Match:
    start: int
    end: int
    score: float
    state: str


def describe(text: str, start: int, end: int) -> Selectors:
    """Selectors for ``text[start:end]`` (code-point offsets)."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"bad span {start}..{end} for a text of {len(text)} characters")
    return Selectors(
        TextQuoteSelector(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT) : start],
            suffix=text[end : end + CONTEXT],
        ),
        TextPositionSelector(start, end),
    )


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return Levenshtein.normalized_similarity(a, b)


def _context_scores(text: str, start: int, end: int, quote: TextQuoteSelector) -> tuple[float, float]:
    # Compare the stored context with the text that now stands beside the candidate.
    # The candidate's context is cut to the stored length: at the start of the text
    # a short stored prefix is a full agreement, not a penalty.
    # An empty stored prefix (suffix) means the quote began (ended) the text: it agrees
    # only with a candidate at that edge, not with any place at all.
    if quote.prefix:
        prefix_score = _similarity(quote.prefix, text[max(0, start - len(quote.prefix)) : start])
    else:
        prefix_score = 1.0 if start == 0 else 0.0
    if quote.suffix:
        suffix_score = _similarity(quote.suffix, text[end : end + len(quote.suffix)])
    else:
        suffix_score = 1.0 if end == len(text) else 0.0
    return prefix_score, suffix_score


def _edges_agree(text: str, start: int, end: int, quote: TextQuoteSelector) -> bool:
    """The characters just outside the match are the ones stored beside the quote.

    Without this, "10 percent" would stay exact inside "100 percent".
    """
    before = text[start - 1 : start] if start > 0 else ""
    after = text[end : end + 1]
    return before == quote.prefix[-1:] and after == quote.suffix[:1]


def _score(quote_sim: float, prefix: float, suffix: float, start: int, hint: int, length: int) -> float:
    position = 1.0 - min(1.0, abs(start - hint) / max(1, length))
    return (50 * quote_sim + 20 * prefix + 20 * suffix + 2 * position) / 92


class _EncodedText:
    """A text mapped to at most 255 byte codes, so edlib can search it.

    edlib accepts an alphabet of 256 symbols. The text's most frequent characters get
    their own code; rarer ones share code 255, which only makes the search a little
    more lenient: every candidate is re-scored on the real characters afterwards.
    """

    OTHER = 255

    def __init__(self, text: str):
        self.text = text
        common = [c for c, _ in Counter(text).most_common(self.OTHER - 1)]
        self.codes = {c: i + 1 for i, c in enumerate(common)}  # 0 is "never in the text"
        if len(common) < len(set(text)):
            table = {ord(c): self.OTHER for c in set(text)}
        else:
            table = {}
        table.update({ord(c): code for c, code in self.codes.items()})
        self.data = text.translate(table).encode("latin-1") if text else b""
        self._has_other = len(common) < len(set(text))

    def encode_query(self, query: str) -> bytes:
        other = self.OTHER if self._has_other else 0
        return bytes(self.codes.get(c, other) for c in query)


_encoded_cache: list[_EncodedText] = []


def _encoded(text: str) -> _EncodedText:
    for enc in _encoded_cache:
        if enc.text is text:
            return enc
    enc = _EncodedText(text)
    _encoded_cache[:] = [enc] + _encoded_cache[:1]
    return enc


def _approximate(text: str, quote: TextQuoteSelector, lo: int, hi: int, max_errors: int) -> list[tuple[int, int, int]]:
    """Spans ``(start, end, errors)`` in ``text[lo:hi]`` within ``max_errors`` of the quote."""
    enc = _encoded(text)
    query = enc.encode_query(quote.exact)
    target = enc.data[lo:hi]
    if not query or len(target) == 0:
        return []
    result = edlib.align(query, target, mode="HW", task="locations", k=max_errors)
    if result["editDistance"] < 0:
        return []
    spans = []
    for s, e in result["locations"][:50]:
        if s is None:
            s = max(0, e + 1 - len(query))
        spans.append((lo + s, lo + e + 1, result["editDistance"]))
    return spans


def _best(candidates: Iterable[tuple[int, int]], text: str, quote: TextQuoteSelector, hint: int) -> tuple[float, int, int, float, float] | None:
    best = None
    for start, end in candidates:
        found = text[start:end]
        quote_sim = 1.0 if found == quote.exact else 1.0 - Levenshtein.distance(quote.exact, found) / len(quote.exact)
        prefix, suffix = _context_scores(text, start, end, quote)
        score = _score(quote_sim, prefix, suffix, start, hint, len(text))
        if best is None or score > best[0]:
            best = (score, start, end, quote_sim, (prefix + suffix) / 2)
    return best


def _acceptable(quote: TextQuoteSelector, quote_sim: float, context: float, score: float) -> bool:
    if score < MIN_SCORE or quote_sim < 0.5:
        return False
    if len(quote.exact) < SHORT_QUOTE and (quote.prefix or quote.suffix) and context < 0.5:
        return False
    return True


def locate(text: str, selectors: Selectors, *, hint: int | None = None) -> Match | None:
    """Find the claim's words in ``text``; ``None`` when nothing is good enough.

    Args:
        hint: where the words are expected now (e.g. the old start mapped through a
            diff); defaults to the stored position.
    """
    quote, position = selectors.quote, selectors.position
    exact = quote.exact
    if not exact:
        return None
    if hint is None:
        hint = position.start

    # 1. Still at the stored position with its context.
    if text[position.start : position.end] == exact and _edges_agree(text, position.start, position.end, quote):
        prefix, suffix = _context_scores(text, position.start, position.end, quote)
        if (prefix + suffix) / 2 >= CONTEXT_AGREES:
            return Match(position.start, position.end, 1.0, EXACT)

    # 2. Every exact occurrence, scored by context and distance.
    occurrences = []
    at = text.find(exact)
    while at >= 0 and len(occurrences) < 1000:
        occurrences.append((at, at + len(exact)))
        at = text.find(exact, at + 1)
    best = _best(occurrences, text, quote, hint)
    if best is not None:
        score, start, end, quote_sim, context = best
        if context >= CONTEXT_AGREES and score >= MIN_SCORE and _edges_agree(text, start, end, quote):
            same = (start, end) == (position.start, position.end)
            return Match(start, end, score, EXACT if same else MOVED)
        if _acceptable(quote, quote_sim, context, score):
            return Match(start, end, score, FUZZY)

    # 3. Approximate: near the expected place first, then the whole text.
    max_errors = len(exact) // 2
    if max_errors == 0:
        return None
    window = 4 * len(exact) + 2 * CONTEXT
    lo, hi = max(0, hint - window), min(len(text), hint + len(exact) + window)
    found = None
    for a, b in ((lo, hi), (0, len(text))):
        spans = _approximate(text, quote, a, b, max_errors)
        best = _best(((s, e) for s, e, _ in spans), text, quote, hint)
        if best is not None and _acceptable(quote, best[3], best[4], best[0]):
            found = best
            break
        if (a, b) == (0, len(text)):
            break
    if found is None:
        return None
    score, start, end, _, _ = found
    return Match(start, end, score, FUZZY)


# --- Relocation through a diff -------------------------------------------------------

_PIECE = re.compile(r"[^\n.!?]*(?:[.!?]+|\n|$)")
_MAX_PIECE = 400


def _pieces(text: str) -> list[str]:
    """Cut text into content-defined pieces (sentences and lines) for a fast diff."""
    out = []
    for m in _PIECE.finditer(text):
        piece = m.group()
        if not piece:
            continue
        while len(piece) > _MAX_PIECE:  # very long runs without punctuation: cut at spaces
            cut = piece.rfind(" ", 0, _MAX_PIECE)
            cut = _MAX_PIECE if cut <= 0 else cut + 1
            out.append(piece[:cut])
            piece = piece[cut:]
        out.append(piece)
    return out


def _equal_blocks(old: str, new: str) -> list[tuple[int, int, int]]:
    """``(old_start, new_start, length)`` of the runs the two texts share, in order."""
    a, b = _pieces(old), _pieces(new)
    a_at = [0]
    for p in a:
        a_at.append(a_at[-1] + len(p))
    b_at = [0]
    for p in b:
        b_at.append(b_at[-1] + len(p))
    blocks: list[tuple[int, int, int]] = []

    def add(o: int, n: int, length: int) -> None:
        if length <= 0:
            return
        if blocks and blocks[-1][0] + blocks[-1][2] == o and blocks[-1][1] + blocks[-1][2] == n:
            o0, n0, l0 = blocks[-1]
            blocks[-1] = (o0, n0, l0 + length)
        else:
            blocks.append((o, n, length))

    def changed(o1: int, o2: int, n1: int, n2: int) -> None:
        # A changed stretch: diff it character by character when that stays cheap.
        if o2 > o1 and n2 > n1 and (o2 - o1) * (n2 - n1) <= 4_000_000:
            for op in Indel.opcodes(old[o1:o2], new[n1:n2]):
                if op.tag == "equal":
                    add(o1 + op.src_start, n1 + op.dest_start, op.src_end - op.src_start)

    # Indel (LCS) over the pieces, bit-parallel in rapidfuzz: a few ms for 1 MB.
    pending: list[int] | None = None  # [i1, i2, j1, j2] of the run of non-equal pieces
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            if pending:
                changed(a_at[pending[0]], a_at[pending[1]], b_at[pending[2]], b_at[pending[3]])
                pending = None
            add(a_at[op.src_start], b_at[op.dest_start], a_at[op.src_end] - a_at[op.src_start])
        elif pending is None:
            pending = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        else:
            pending[1], pending[3] = op.src_end, op.dest_end
    if pending:
        changed(a_at[pending[0]], a_at[pending[1]], b_at[pending[2]], b_at[pending[3]])
    return blocks


class Relocator:
    """Re-anchors many claims from ``old`` text to ``new`` text, diffing them once."""

    def __init__(self, old: str, new: str):
        self.old = old
        self.new = new
        self.blocks = _equal_blocks(old, new)
        self._starts = [o for o, _, _ in self.blocks]

    def _block_at(self, pos: int) -> int:
        return bisect.bisect_right(self._starts, pos) - 1

    def map_span(self, start: int, end: int) -> tuple[int, int, bool]:
        """Map ``[start, end)`` to the new text; the flag says it was carried over intact."""
        i = self._block_at(start)
        if i >= 0:
            o, n, length = self.blocks[i]
            if start < o + length:
                if end <= o + length:
                    return n + start - o, n + end - o, True
                new_start = n + start - o
            else:  # start fell in a deleted or replaced stretch: its replacement begins here
                new_start = n + length
        else:
            new_start = 0
        j = bisect.bisect_left(self._starts, end) - 1
        if j >= 0:
            o, n, length = self.blocks[j]
            new_end = n + end - o if end <= o + length else (
                self.blocks[j + 1][1] if j + 1 < len(self.blocks) else len(self.new)
            )
        else:
            new_end = 0
        return new_start, max(new_start, new_end), False

    def locate(self, selectors: Selectors) -> Match | None:
        """Where the claim's words are in the new text, or ``None`` (orphaned)."""
        position = selectors.position
        quote = selectors.quote
        start, end, intact = self.map_span(position.start, position.end)
        if intact and self.new[start:end] == quote.exact and _edges_agree(self.new, start, end, quote):
            prefix, suffix = _context_scores(self.new, start, end, quote)
            if (prefix + suffix) / 2 >= CONTEXT_AGREES:
                state = EXACT if (start, end) == (position.start, position.end) else MOVED
                return Match(start, end, 1.0, state)
        # The words were edited: score the mapped stretch, search only if it is poor.
        if end > start:
            found = self.new[start:end]
            quote_sim = 1.0 - Levenshtein.distance(quote.exact, found) / max(len(quote.exact), len(found))
            prefix, suffix = _context_scores(self.new, start, end, quote)
            score = _score(quote_sim, prefix, suffix, start, start, len(self.new))
            if _acceptable(quote, quote_sim, (prefix + suffix) / 2, score):
                return Match(start, end, score, FUZZY)
        moved = Selectors(quote, TextPositionSelector(start, max(end, start + len(quote.exact))))
        match = locate(self.new, moved, hint=start)
        if match is not None and match.state == EXACT:
            # The quote and its context are intact but the diff lost track of them
            # (e.g. a moved paragraph): it is still the same words, at a new place.
            state = EXACT if (match.start, match.end) == (position.start, position.end) else MOVED
            match = dataclasses.replace(match, state=state)
        return match


def relocate_all(old: str, new: str, anchors: Sequence[Selectors]) -> list[Match | None]:
    """``Relocator(old, new).locate`` for each anchor."""
    relocator = Relocator(old, new)
    return [relocator.locate(a) for a in anchors]
