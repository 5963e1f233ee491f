"""The pages of a paged original (a PDF): where each starts in a version's text, and its label.

Stored with the version (``versions.pages``, migration m008) as canonical JSON
``{"labels": [...], "starts": [...]}``, NULL for an unpaged version; written once with the
version's row, so it travels wherever the row goes (merges, hand-offs, sync, backups).
``starts`` are code-point offsets, one per page, the first 0, never decreasing (a page
without text starts where the next one does); ``labels`` are the page labels the document
defines ("iv", "A-3"), one per page, or empty when pages are simply numbered from 1.
"""

from __future__ import annotations

import bisect
import dataclasses
import json

from factcheck.core import events
from factcheck.core.errors import BugError


@dataclasses.dataclass(frozen=True)
class PageMap:
    starts: tuple[int, ...]
    labels: tuple[str, ...] = ()

    def index(self, offset: int) -> int:
        """The page (0-based) holding the character at ``offset``."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def label(self, index: int) -> str:
        """How a page is named: its label where the document defines one, else its number from 1."""
        if self.labels and self.labels[index]:
            return self.labels[index]
        return str(index + 1)

    def page_of(self, offset: int) -> str:
        """The label of the page holding the character at ``offset`` ("12")."""
        return self.label(self.index(offset))

    def span(self, start: int, end: int) -> str:
        """The page, or the pages ("12–13"), a span of text lies on."""
        first, last = self.index(start), self.index(max(start, end - 1))
        return self.label(first) if first == last else f"{self.label(first)}–{self.label(last)}"


def problem(starts, labels, length: int) -> str | None:
    """Why a page map does not fit a text of ``length`` code points, or None when it does."""
    if not isinstance(starts, (list, tuple)) or not isinstance(labels, (list, tuple)):
        return "not lists"
    if not starts:
        return "no pages"
    if not all(type(s) is int for s in starts) or not all(isinstance(label, str) for label in labels):
        return "not offsets and labels"
    if starts[0] != 0 or any(b < a for a, b in zip(starts, starts[1:])) or starts[-1] > length:
        return "offsets out of order or outside the text"
    if labels and len(labels) != len(starts):
        return "not one label a page"
    return None


def encode(starts, labels, length: int) -> str | None:
    """The stored form of an importer's page starts and labels (None: not paged)."""
    starts, labels = list(starts or ()), list(labels or ())
    if not starts:
        return None
    why = problem(starts, labels, length)
    if why:
        raise BugError(f"an importer's page map does not fit its text ({why}): {starts[:5]}…")
    return events.canonical({"labels": labels, "starts": starts})


def decode(stored: str | None, length: int) -> PageMap | None:
    """A stored page map, or None: not paged, or damaged (``verify`` names a damaged one)."""
    if not stored:
        return None
    try:
        value = json.loads(stored)
        starts, labels = value["starts"], value["labels"]
    except (ValueError, TypeError, KeyError):
        return None
    if problem(starts, labels, length):
        return None
    return PageMap(tuple(starts), tuple(labels))


def damaged(stored: object, length: int) -> bool:
    """Whether a stored page map is there but unreadable or does not fit its text."""
    if stored is None:
        return False
    if not isinstance(stored, str):
        return True
    return decode(stored, length) is None
