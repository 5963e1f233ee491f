"""One locator for the files in ``resources/``: source tree, installed wheel or frozen app."""

from __future__ import annotations

import pathlib
import sys


def root() -> pathlib.Path:
    """The folder holding ``ratings/``, ``samples/``, ``templates/``, ``icons/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return pathlib.Path(frozen) / "resources"
    source = pathlib.Path(__file__).resolve().parents[2] / "resources"
    if (source / "ratings").is_dir():
        return source
    import importlib.resources  # an installed wheel only: slow to import, not needed from a checkout

    return pathlib.Path(str(importlib.resources.files("factcheck.resources")))


def path(*parts: str) -> pathlib.Path:
    """A file or folder below ``resources/``."""
    return root().joinpath(*parts)
