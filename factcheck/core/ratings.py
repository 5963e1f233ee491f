"""Rating scales: the newsroom's verdict labels, loaded from ``resources/ratings/*.json``."""

from __future__ import annotations

import dataclasses
import functools
import json

from factcheck.core import colours, resources
from factcheck.core.errors import KnownError
from factcheck.core.text import N_

DEFAULT_SCALE = "default"


@dataclasses.dataclass(frozen=True)
class Rating:
    key: str
    label: str
    description: str
    color: str  # "#rrggbb", for light themes and every report
    value: int | None  # ClaimReview ratingValue: 1 worst .. 5 best; None if not numeric
    needs_source: bool
    color_dark: str = ""  # "#rrggbb" for dark themes; derived from ``color`` when a scale has none

    def __post_init__(self):
        if not self.color_dark:
            object.__setattr__(self, "color_dark", colours.dark_variant(self.color))

    def color_for(self, dark: bool) -> str:
        """The colour to paint with on a dark or a light background."""
        return self.color_dark if dark else self.color


@dataclasses.dataclass(frozen=True)
class Scale:
    key: str
    name: str
    description: str
    ratings: tuple[Rating, ...]
    worst: int = 1
    best: int = 5

    def get(self, key: str | None) -> Rating | None:
        return next((r for r in self.ratings if r.key == key), None) if key else None

    def __contains__(self, key: object) -> bool:
        return any(r.key == key for r in self.ratings)


def _parse(data: dict) -> Scale:
    ratings = tuple(
        Rating(
            key=r["key"],
            label=r["label"],
            description=r.get("description", ""),
            color=r["color"],
            value=r.get("value"),
            needs_source=bool(r.get("needs_source", True)),
            color_dark=r.get("color_dark", ""),
        )
        for r in data["ratings"]
    )
    keys = [r.key for r in ratings]
    if len(set(keys)) != len(keys):
        raise ValueError(f"duplicate rating keys in scale {data['key']!r}")
    for r in ratings:
        for color in (r.color, r.color_dark):
            colours.parse(color)  # raises ValueError on anything but #rgb / #rrggbb
        if r.value is not None and not 1 <= r.value <= 5:
            raise ValueError(f"rating {r.key!r}: value must be 1..5 or null")
    return Scale(data["key"], data["name"], data.get("description", ""), ratings)


@functools.cache
def scales() -> dict[str, Scale]:
    """Every bundled scale by key."""
    out = {}
    for file in sorted(resources.path("ratings").glob("*.json")):
        scale = _parse(json.loads(file.read_text(encoding="utf-8")))
        out[scale.key] = scale
    return out


def scale(key: str) -> Scale:
    try:
        return scales()[key]
    except KeyError:
        raise KnownError(N_("There is no rating scale called {name}; choose one of: {scales}.", name=repr(key),
                            scales=", ".join(scales()))) from None
