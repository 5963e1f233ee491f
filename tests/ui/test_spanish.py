"""The app walked in Spanish: no English left in the window or any dialog.

The static tests (``tests/test_translations.py``) prove every marked string has a Spanish
translation; this one proves the marks are used at run time. With the Spanish catalogue
installed it builds the main window on the demo project and every dialog of
``factcheck.ui``, reads every text a person sees (menus, actions, buttons, labels, titles,
tooltips, placeholders, table headers, accessible names), and fails on
- a text equal to an English source string of the catalogue whose translation differs
  (a string marked in the code but shown without passing through the catalogue), or
- interface text (not the article's or the user's data) with English function words.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QDialog, QGroupBox, QLabel, QLineEdit, QMenu, QPlainTextEdit,
    QTableView, QTabWidget, QTextEdit, QTreeView, QWidget,
)

from factcheck import demo
from factcheck.ui import language
from tests.test_translations import TS
from tests.ui.conftest import shown_window
from tests.ui.test_accessibility import _arguments, dialog_classes

ENGLISH = re.compile(r"\b(the|and|of|to|is|are|with|this|that|from|for|your|you|was|has|have|will|can|cannot|only)\b", re.I)


def _english_sources() -> tuple[set[str], list[re.Pattern]]:
    """English texts of the catalogue that Spanish shows differently: exact ones and templates."""
    exact, templates = set(), []
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        forms = [f.text or "" for f in message.iter("numerusform")] or [message.findtext("translation") or ""]
        if not re.search(r"[A-Za-z]{3}", source) or source in forms:
            continue
        plain = source.replace("&", "")
        if re.search(r"\{[a-z_]*\}|%L?n|%\d", plain):
            if len(re.findall(r"[A-Za-z]", re.sub(r"\{[a-z_]*\}|%L?n|%\d", "", plain))) < 8:
                continue  # "{first}, {rest}", "{a} and {b}": too little of its own to tell a language by
            pattern = re.escape(plain)
            pattern = re.sub(r"\\\{[a-z_]*\\\}|%L?n|%\d", ".+", pattern)
            templates.append(re.compile(f"^{pattern}$", re.S))
        else:
            exact.add(plain)
    return exact, templates


@pytest.fixture
def spanish(qapp):
    assert language.app_translator("es") is not None, "resources/translations/factcheck_es.qm is missing"
    installed = language.install(qapp, "es")
    before = QLocale()
    QLocale.setDefault(QLocale("es_ES"))
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def _texts(root: QWidget) -> list[tuple[str, str, bool]]:
    """(where, text, is_interface) for what ``root`` shows; data-bearing views are left out."""
    found = []

    def add(where: str, text: str, interface: bool = True) -> None:
        if text and re.search(r"[A-Za-z]{3}", text):
            found.append((where, text, interface))

    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        name = type(widget).__name__
        # A window's title may name the project or an article (data): only catalogue strings count there.
        add(f"{name}.windowTitle", widget.windowTitle() if widget.isWindow() else "", interface=False)
        add(f"{name}.toolTip", widget.toolTip(), interface=not isinstance(widget, QLabel))
        add(f"{name}.accessibleName", widget.accessibleName())
        if isinstance(widget, QLabel):
            add(f"QLabel {widget.objectName()}", widget.text(), interface=False)
        elif isinstance(widget, QAbstractButton):
            add(f"{name}.text", widget.text())
        elif isinstance(widget, QGroupBox):
            add("QGroupBox.title", widget.title())
        elif isinstance(widget, QMenu):
            add("QMenu.title", widget.title())
        elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            add(f"{name}.placeholderText", widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add("QTabWidget.tabText", widget.tabText(i))
                add("QTabWidget.tabToolTip", widget.tabToolTip(i))
        elif isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:  # lists have no header
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                add(f"{name} header", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        elif isinstance(widget, QComboBox) and "rating" not in widget.objectName().lower():
            for i in range(widget.count()):
                add("QComboBox item", widget.itemText(i), interface=False)
    for action in root.findChildren(QAction):
        add("QAction.text", action.text())
        add("QAction.toolTip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
        add("QAction.statusTip", action.statusTip())
    return found


def untranslated(root: QWidget) -> list[str]:
    exact, templates = _english_sources()
    wrong = []
    for where, text, interface in _texts(root):
        plain = text.replace("&", "")
        if plain in exact or any(t.match(plain) for t in templates):
            wrong.append(f"{where}: {text!r} (in the catalogue, shown in English)")
        elif interface and ENGLISH.search(re.sub(r"\S*/\S*", "", plain)):  # paths are data
            wrong.append(f"{where}: {text!r} (English words)")
    return sorted(set(wrong))


@pytest.fixture
def window(tmp_path, qtbot, spanish):
    demo.build(tmp_path / "demo.factcheck", language="es").close()  # the data in Spanish too, as a Spanish desk has it
    return shown_window(qtbot, tmp_path / "demo.factcheck", tmp_path / "s.ini")


def test_the_catalogue_changes_what_the_app_says(spanish):
    assert QCoreApplication.translate("MainWindow", "&File") != "&File"


def test_the_main_window_speaks_spanish(window):
    window.open_claim(window.project.claims()[0].id)
    window.find_action.trigger()
    assert untranslated(window) == []


@pytest.mark.parametrize("dialog_class", dialog_classes(), ids=lambda cls: cls.__name__)
def test_every_dialog_speaks_spanish(dialog_class, window, qtbot):
    import inspect

    arguments = _arguments(window.project, window)
    # What callers pass is theirs to translate: give the dialogs Spanish, as the window does.
    arguments.update(action_label="Aprobar", title="Pedir cambios", prompt="¿Qué hay que cambiar?", ok_text="Enviar")
    parameters = list(inspect.signature(dialog_class.__init__).parameters.values())[1:]
    kwargs = {p.name: arguments[p.name] for p in parameters if p.name in arguments}
    dialog = dialog_class(**kwargs)
    qtbot.add_widget(dialog)
    assert untranslated(dialog) == [], dialog_class.__name__


def test_tooltips_name_keys_as_the_menus_do(window):
    """A tooltip names a key combination in the person's language, as the menus and the list of shortcuts do
    (Control+Mayúsculas+A), not in English (Ctrl+Shift+A)."""
    window.open_claim(window.project.claims()[0].id)
    window.find_action.trigger()
    tips = [text for where, text, _ in _texts(window) if where.endswith("toolTip")]
    assert [t for t in tips if re.search(r"\b(Ctrl|Shift|Enter|Up|Down)\b", t)] == []
    assert any("(Control+Mayúsculas+A)" in t for t in tips) and any("(Mayúsculas+Intro)" in t for t in tips)
