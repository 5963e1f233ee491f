"""The app's language: Qt's translators for it, and core's sentences shown in it.

``factcheck.translation`` chooses the language and holds what needs no Qt; this module
loads the compiled catalogue (``factcheck_es.qm``) and Qt's own (``qtbase_es``: standard
buttons, file dialogs) as ``QTranslator``s, and ``ui()`` shows a core ``Text`` or a
``KnownError`` through whichever is installed.
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from factcheck import translation


@functools.lru_cache(maxsize=None)
def app_translator(language: str) -> QTranslator | None:
    """factcheck's catalogue for ``language``, to install in the app (None for English or a missing file)."""
    if language == "en":
        return None
    translator = QTranslator()
    return translator if translator.load(str(translation.catalogue_path(language))) else None


@functools.lru_cache(maxsize=None)
def qt_translator(language: str) -> QTranslator | None:
    """Qt's own catalogue (standard buttons, file and colour dialogs), if PySide6 ships it."""
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(f"qtbase_{language}", folder) else None


def keys(portable: str) -> str:
    """A key combination as the person's system and language name it ("Ctrl+Shift+A" is "Control+Mayúsculas+A" in
    Spanish, and ⇧⌘A on a Mac), as menus and the list of shortcuts show it."""
    from PySide6.QtGui import QKeySequence

    return QKeySequence(portable).toString(QKeySequence.SequenceFormat.NativeText)


def _core(source: str) -> str:
    return QCoreApplication.translate("", source)


def ui(text: Any) -> str:
    """A core sentence or error in the language the app is shown in (plain text as it is)."""
    return translation.localise(text, _core)


def install(app: QCoreApplication, code: str) -> list[QTranslator]:
    """Install Qt's and factcheck's catalogues for ``code`` in ``app``; the translators installed."""
    installed = [t for t in (qt_translator(code), app_translator(code)) if t is not None]
    for translator in installed:
        app.installTranslator(translator)
    return installed
