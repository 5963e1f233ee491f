"""Deterministic articles, claims and edits for the benchmarks."""

from __future__ import annotations

import random

WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which but have "
    "an they you were her she there one all we their been has would when if more will no out so said what "
    "up its about into than them can only other new some could time these two may then do first any my now "
    "such like our over man me even most made after also did many before must through back years where much "
    "your way well down should because each just those people how too little state good very make world "
    "still own see men work long get here between both life being under never day same another know while "
    "last might us great old year off come since against go came right used take three president minister "
    "treasury sanctions cocaine cartel evidence report government colombia washington bogotá policy aid "
    "military vessels strikes court lawyer statement official analysts alliance tariffs migrants café "
    "naïve señor Zürich São Paulo 2025 2024 43 230 700 20% million billion"
).split()


def article(size: int = 1_000_000, seed: int = 42) -> str:
    """About ``size`` characters of sentences in paragraphs of 3-8 sentences."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(6, 28))]
            words[0] = words[0].capitalize()
            sentences.append(" ".join(words) + rng.choice(".....?!"))
        paragraph = " ".join(sentences)
        parts.append(paragraph)
        total += len(paragraph) + 1
    return "\n".join(parts)


def word_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, ch in enumerate(text):
        if ch.isspace():
            if start is not None:
                spans.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        spans.append((start, len(text)))
    return spans


def claim_spans(text: str, count: int, seed: int = 7) -> list[tuple[int, int]]:
    """``count`` spans of 4-30 whole words."""
    rng = random.Random(seed)
    words = word_spans(text)
    out = []
    for _ in range(count):
        i = rng.randrange(len(words) - 31)
        j = i + rng.randint(3, 29)
        out.append((words[i][0], words[j][1]))
    return out


def edit(text: str, fraction: float = 0.01, seed: int = 99) -> tuple[str, list[int]]:
    """Replace, delete or insert ``fraction`` of the words.

    Returns the new text and, for each old character, its new offset (-1 if deleted or
    replaced), so a benchmark knows where every claim truly went.
    """
    rng = random.Random(seed)
    words = word_spans(text)
    chosen = sorted(rng.sample(range(len(words)), int(len(words) * fraction)))
    new_parts: list[str] = []
    where = [-1] * len(text)
    pos = 0  # old offset copied up to
    out_len = 0
    for w in chosen:
        s, e = words[w]
        # copy unchanged text [pos, s)
        for k in range(pos, s):
            where[k] = out_len + (k - pos)
        new_parts.append(text[pos:s])
        out_len += s - pos
        op = rng.random()
        if op < 0.6:  # replace the word
            word = rng.choice(WORDS) + "x"
            new_parts.append(word)
            out_len += len(word)
            pos = e
        elif op < 0.8:  # delete the word and the space after it
            pos = min(len(text), e + 1)
        else:  # insert a word before it
            word = rng.choice(WORDS) + "y "
            new_parts.append(word)
            out_len += len(word)
            pos = s
    for k in range(pos, len(text)):
        where[k] = out_len + (k - pos)
    new_parts.append(text[pos:])
    return "".join(new_parts), where


def true_span(where: list[int], start: int, end: int) -> tuple[int, int] | None:
    """Where ``[start, end)`` went: from its first to its last surviving character."""
    kept = [where[k] for k in range(start, end) if where[k] >= 0]
    if not kept:
        return None
    return kept[0], kept[-1] + 1
