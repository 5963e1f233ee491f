"""Which language people read, and the catalogue that turns English into it.

One catalogue for everything: ``resources/translations/factcheck_es.ts`` (edited by
translators, kept current by ``scripts/translations.py``) compiled to ``factcheck_es.qm``.
The app installs it with ``QTranslator``; reports ask it directly (``report_text``), so a
Spanish report can be written from an English app or from the command line.

Contexts: widgets translate with ``self.tr`` (the class name is the context); sentences
from core and reports are marked ``N_`` (``factcheck.core.text``) and live in the empty
context.
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


def catalogue_path(language: str):
    return resources.path("translations", f"factcheck_{language}.qm")


@functools.lru_cache(maxsize=None)
def _translator(language: str):
    """A loaded ``QTranslator`` for ``language``, or None for English or a missing file."""
    if language == "en":
        return None
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not translator.load(str(catalogue_path(language))):
        return None
    return translator


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


def localise(text: Any, translate: Callable[[str], str]) -> str:
    """``text`` in the language of ``translate`` (template in, sentence out).

    A ``Text`` is translated by its template and its values are localised in turn;
    any other value is shown as it is (a file name, a quote, a number).
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
    translator = _translator(language)

    def T_(template: str, /, **values: Any) -> str:  # noqa: N802 - the marker lupdate is told about
        text = Text(template, values)
        if translator is None:
            return str(text)
        return localise(text, lambda source: translator.translate("", source))

    return T_


def app_translator(language: str):
    """factcheck's catalogue for ``language``, to install in the app (None for English)."""
    return _translator(language)


@functools.lru_cache(maxsize=None)
def qt_translator(language: str):
    """Qt's own catalogue (standard buttons, file and colour dialogs), if PySide6 ships it."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(f"qtbase_{language}", folder) else None


def app_translate(source: str) -> str:
    """The installed catalogue's translation of a core template (the app side)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("", source)


def ui(text: Any) -> str:
    """A core sentence or error in the language the app is shown in."""
    return localise(text, app_translate)
