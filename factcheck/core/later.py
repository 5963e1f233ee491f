"""Modules imported when first used: what opening the app does not need is not loaded at its start.

``pdfium = later.Module("pypdfium2")`` stands for the module and imports it on the first
attribute asked for (``pdfium.PdfDocument``); ``later.Attribute("rapidfuzz.distance",
"Indel")`` stands for one object of a module. Every later lookup goes straight to the
module, so a test that replaces an attribute of the module itself is still seen.
"""

from __future__ import annotations

import importlib


class Module:
    """Module ``name``, imported on the first attribute asked of it."""

    def __init__(self, name: str):
        self.__dict__["_name"] = name

    def _load(self):
        module = self.__dict__.get("_module")
        if module is None:
            module = self.__dict__["_module"] = importlib.import_module(self.__dict__["_name"])
        return module

    def __getattr__(self, attr: str):
        return getattr(self._load(), attr)

    def __setattr__(self, attr: str, value) -> None:  # monkeypatching the stand-in patches the module
        setattr(self._load(), attr, value)

    def __delattr__(self, attr: str) -> None:
        delattr(self._load(), attr)


class Attribute:
    """``getattr(module name, attr)``, imported on the first attribute asked of it (then kept)."""

    def __init__(self, name: str, attr: str):
        self._name, self._attr = name, attr

    def __getattr__(self, key: str):
        value = getattr(getattr(importlib.import_module(self._name), self._attr), key)
        setattr(self, key, value)  # the next lookup finds it without coming here
        return value
