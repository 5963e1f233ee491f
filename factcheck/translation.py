"""Which language people read, and the catalogue that turns English into it (no Qt here).

One catalogue for everything: ``resources/translations/factcheck_es.ts`` (edited by
translators, kept current by ``scripts/translations.py``), compiled to ``factcheck_es.qm``
for the app. The app installs the ``.qm`` with ``QTranslator`` (``factcheck/ui/language.py``,
the only place Qt loads it). Reports, written from the app or the command line in the
project's language, read the ``.ts`` itself: its core context (sentences marked ``N_`` in
core and ``T_`` in exporters) is a plain dictionary, so exporters never need Qt.

Contexts: widgets translate with ``self.tr`` (the class name is the context); sentences
from core and reports live in the empty context.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any

from factcheck.core import resources
from factcheck.core.text import Text

LANGUAGES = {"en": "English", "es": "Español"}
"""Languages the app and the reports can be read in, by code, named in themselves."""

ENV = "FACTCHECK_LANG"


def catalogue_path(language: str, suffix: str = ".qm"):
    """The compiled catalogue the app loads (``.qm``) or its source (``.ts``)."""
    return resources.path("translations", f"factcheck_{language}{suffix}")


@functools.lru_cache(maxsize=None)
def core_catalogue(language: str) -> dict[str, str] | None:
    """English template -> translation for core and report sentences; None without a catalogue.

    Read from the ``.ts`` once per language (a few milliseconds), only when a report
    or a test asks for a language other than English.
    """
    if language == "en":
        return None
    import xml.etree.ElementTree as ET  # only here: the app's start does not read the catalogue this way

    try:
        root = ET.parse(catalogue_path(language, ".ts")).getroot()
    except (OSError, ET.ParseError):
        return None
    table = {}
    for context in root.iter("context"):
        if context.findtext("name"):
            continue  # a widget's context: the app's business, through Qt
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") is None:
                table[message.findtext("source") or ""] = translation.text
    return table


def choose(setting: str | None, system: str) -> str:
    """The language to show: ``FACTCHECK_LANG``, then the user's setting, then the system's.

    ``setting`` is "system" (or empty) to follow ``system`` (a locale name such as
    "es_CO"); anything not in ``LANGUAGES`` falls back to English.
    """
    for wanted in (os.environ.get(ENV, ""), setting or "", system):
        code = wanted.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
        if wanted and wanted != "system" and code:
            return code if code in LANGUAGES else "en"
    return "en"


def localise(text: Any, translate: Callable[[str], str | None]) -> str:
    """``text`` in the language of ``translate`` (template in, sentence out).

    A ``Text`` is translated by its template and its values are localised in turn;
    any other value is shown as it is (a file name, a quote, a number). An exception
    is shown by the sentence it was raised with.
    """
    if isinstance(text, BaseException):
        text = text.args[0] if len(text.args) == 1 else str(text)
    if not isinstance(text, Text):
        return str(text)
    values = {key: localise(value, translate) if isinstance(value, Text) else value for key, value in text.values.items()}
    template = translate(text.template) or text.template
    try:
        return template.format(**values) if values else template
    except (KeyError, IndexError, ValueError):
        # A broken translation must never hide the sentence: fall back to English.
        return text.template.format(**values) if values else text.template


def report_text(language: str) -> Callable[..., str]:
    """``T_(template, **values)`` for reports written in ``language``.

    Exporters name the result ``T_`` so ``pyside6-lupdate`` finds their templates.
    """
    table = core_catalogue(language)

    def T_(template: str, /, **values: Any) -> str:  # noqa: N802 - the marker lupdate is told about
        text = Text(template, values)
        return str(text) if table is None else localise(text, table.get)

    return T_
