"""Published fact-checks in: ClaimReview JSON-LD read one item at a time, in bounded memory.

Fact-checkers publish ClaimReview as a single object, an array, a JSON-LD ``@graph``, or
a DataCommons feed (``{"dataFeedElement": [{"item": [ClaimReview, ...]}, ...]}``). A feed
of 100,000 items is tens of megabytes: ``items`` walks the top level itself and decodes
one element at a time with ``json.JSONDecoder.raw_decode`` from a window of the file, so
memory holds one item, not the whole file.

``review`` turns one ClaimReview into the fields the library indexes, tolerating any
missing field: HTML in ``claimReviewed`` becomes its text, control characters go, dates
not on the calendar are left out, and only http(s) URLs a project can keep are kept
(``fields.safe_url``, at most ``fields.MAX_LINE`` characters); another URL is dropped and
counted: "Use this verdict" (``core/reuse.py``) then has nothing a project would refuse.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import html
import json
import re
from collections.abc import Iterator
from typing import IO

from factcheck.core import fields
from factcheck.core.errors import KnownError
from factcheck.core.text import N_

CHUNK = 1 << 20
#: Keys whose array holds the items (or feed elements holding them).
_CONTAINERS = ("dataFeedElement", "@graph", "itemListElement", "item", "claimReview", "ClaimReview")
_MAX_DEPTH = 6
#: A tag holds no "<": so "< 5% <b>" strips only "<b>", and each "<" is scanned past once (linear).
_TAG = re.compile(r"<[^<>]*>")
#: Control characters (a NUL from a broken export): no field of a project takes them.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Names (author, claimant) kept at most: a source's publisher is one line.
_NAME_LIMIT = 300


class FeedRefused(KnownError):
    """A ClaimReview file that cannot be read (not JSON, not UTF-8): nothing of it is added."""


class _Reader:
    """A sliding window over a text stream, with the decoder's position in it."""

    def __init__(self, stream: IO[bytes], name: str):
        self.stream = stream
        self.name = name
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.json = json.JSONDecoder()

    def refused(self) -> FeedRefused:
        return FeedRefused(N_("{name} is not a ClaimReview JSON file: it is not valid JSON.", name=self.name))

    def more(self) -> bool:
        if self.eof:
            return False
        data = self.stream.read(CHUNK)
        try:
            text = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError:
            raise FeedRefused(N_("{name} is not a ClaimReview JSON file: it is not UTF-8 text.", name=self.name)) from None
        if not data:
            self.eof = True
        self.buf = self.buf[self.pos:] + text
        self.pos = 0
        return bool(data) or bool(text)

    def peek(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise self.refused()
        self.pos += 1

    def value(self):
        """Decode one whole JSON value at the current position, reading more of the file as needed."""
        self.peek()
        while True:
            try:
                value, end = self.json.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                # Cut off by the window's end: read on. Anything else is not JSON.
                if not self.eof and exc.pos >= len(self.buf) - 64:
                    self.more()
                    continue
                if not self.eof and len(self.buf) - self.pos < 64 * CHUNK:
                    self.more()
                    continue
                raise self.refused() from None
            if end >= len(self.buf) and not self.eof and isinstance(value, (int, float)):
                self.more()  # a number cut by the window's end would read short
                continue
            self.pos = end
            return value


def items(stream: IO[bytes], name: str) -> Iterator[dict]:
    """Every ClaimReview object in the file, in order; ``FeedRefused`` when it is not JSON.

    The caller adds them inside one transaction, so a file refused half-way leaves nothing.
    """
    reader = _Reader(stream, name)
    first = reader.peek()
    if first == "":
        raise FeedRefused(N_("{name} is empty: there is no ClaimReview in it.", name=name))
    yield from _walk(reader, 0)
    if reader.peek() != "":
        raise reader.refused()


def _walk(reader: _Reader, depth: int) -> Iterator[dict]:
    """The ClaimReviews of the value at the reader's position.

    The top-level object is read key by key, and arrays (the top level, or under a
    container key such as ``dataFeedElement`` or ``@graph``) element by element; each
    element is decoded whole and searched in memory.
    """
    char = reader.peek()
    if char == "[":
        reader.pos += 1
        if reader.peek() == "]":
            reader.pos += 1
            return
        while True:
            yield from _find(reader.value(), depth + 1)
            char = reader.peek()
            reader.pos += 1
            if char == "]":
                return
            if char != ",":
                raise reader.refused()
    elif char == "{" and depth == 0:
        reader.pos += 1
        node: dict = {}
        if reader.peek() == "}":
            reader.pos += 1
            return
        while True:
            key = reader.value()
            if not isinstance(key, str):
                raise reader.refused()
            reader.expect(":")
            if key in _CONTAINERS and reader.peek() == "[":
                yield from _walk(reader, depth + 1)
            else:
                node[key] = reader.value()
            char = reader.peek()
            reader.pos += 1
            if char == "}":
                break
            if char != ",":
                raise reader.refused()
        yield from _find(node, depth)
    else:
        yield from _find(reader.value(), depth)


def _find(value, depth: int) -> Iterator[dict]:
    """The ClaimReviews in a decoded value: itself, or inside its container keys and lists."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for element in value:
            yield from _find(element, depth + 1)
    elif isinstance(value, dict):
        if _is_claimreview(value):
            yield value
            return
        for key in _CONTAINERS:
            if key in value:
                yield from _find(value[key], depth + 1)


def _is_claimreview(node: dict) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "ClaimReview" for k in kinds)


def _first(value):
    while isinstance(value, list):
        value = value[0] if value else None
    return value


def _text(value, limit: int = 5000) -> str:
    """Plain text of a JSON value: HTML tags removed, entities decoded, spaces collapsed."""
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return ""
    if "<" in value or "&" in value:
        value = html.unescape(_TAG.sub(" ", value))
    return " ".join(_CONTROLS.sub(" ", value).split())[:limit]


def _name(value) -> str:
    value = _first(value)
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("alternateName") or "", _NAME_LIMIT)
    return _text(value, _NAME_LIMIT)


def _date(value) -> str:
    """The day of a date or date-time ("2025-10-24T08:00:00Z"); '' when it is not one on the calendar."""
    text = _text(value, 40)
    match = re.match(r"\d{4}-\d\d-\d\d", text)
    return match.group() if match and not fields.date_problem(match.group()) else ""


def _number(value) -> float | None:
    value = _first(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            return None
    return None


@dataclasses.dataclass(frozen=True)
class Review:
    """One ClaimReview as the library keeps it."""

    key: str  # its URL, or a digest of its content when it has none
    url: str
    statement: str
    claimant: str
    claim_date: str
    rating: str
    rating_value: float | None  # 0 (worst) .. 1 (best) when the review says its scale
    summary: str
    date: str
    author: str
    language: str
    dropped_url: bool  # it named a URL that is not http(s), which was dropped


def review(item: dict) -> Review | None:
    """The fields of one ClaimReview, or None when it names no claim at all."""
    statement = _text(item.get("claimReviewed"))
    reviewed = _first(item.get("itemReviewed"))
    reviewed = reviewed if isinstance(reviewed, dict) else {}
    if not statement:
        statement = _text(reviewed.get("name") or reviewed.get("text") or item.get("name") or item.get("headline"))
    if not statement:
        return None
    raw_url = _first(item.get("url")) or _first(item.get("@id")) or ""
    raw_url = raw_url.strip() if isinstance(raw_url, str) else ""
    url = raw_url if raw_url and len(raw_url) <= fields.MAX_LINE and fields.safe_url(raw_url) else ""
    rating = _first(item.get("reviewRating"))
    label = _text(rating, 200) if isinstance(rating, str) else ""  # "reviewRating": "False", as some feeds write it
    rating = rating if isinstance(rating, dict) else {}
    label = _text(rating.get("alternateName") or rating.get("name") or "", 200) or label
    value, best, worst = (_number(rating.get(k)) for k in ("ratingValue", "bestRating", "worstRating"))
    normalized = None
    if value is not None and best is not None and worst is not None and best != worst:
        normalized = min(1.0, max(0.0, (value - worst) / (best - worst)))
    # The verdict in a sentence: Google's fact-check markup (and factcheck's own export) puts it in the rating's
    # ratingExplanation; other feeds write a review body or a description.
    summary = _text(item.get("reviewBody") or item.get("description") or rating.get("ratingExplanation")
                    or rating.get("description") or "")
    author = _name(item.get("author")) or _name(item.get("publisher"))
    claimant = _name(reviewed.get("author"))
    claim_date = _date(reviewed.get("datePublished") or reviewed.get("dateCreated"))
    language = _text(item.get("inLanguage"), 20)
    if isinstance(_first(item.get("inLanguage")), dict):
        language = _text(_first(item.get("inLanguage")).get("alternateName") or "", 20)
    key = url or "sha256:" + hashlib.sha256(
        json.dumps([statement, label, author, _date(item.get("datePublished"))], ensure_ascii=False).encode()).hexdigest()
    return Review(key=key, url=url, statement=statement, claimant=claimant, claim_date=claim_date, rating=label,
                  rating_value=normalized, summary=summary, date=_date(item.get("datePublished")), author=author,
                  language=language, dropped_url=bool(raw_url) and not url)
