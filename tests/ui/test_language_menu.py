"""View > Language: the system's language, English or Español, saved for the next start.

The window keeps its language until factcheck starts again (no live re-translation);
``app.install_language`` reads the saved choice at start.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from factcheck import translation
from factcheck.ui import app, language
from factcheck.ui.main_window import LANGUAGE_KEY, MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def told(monkeypatch):
    """What the window said in information boxes: (title, message)."""
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(MainWindow, "show_information", lambda self, title, message: said.append((title, message)))
    return said


def window_on(qtbot, settings) -> MainWindow:
    window = MainWindow(settings, "Ana")
    qtbot.add_widget(window)
    return window


def view_menu(window: MainWindow):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")


def language_menu(window: MainWindow):
    return next(a.menu() for a in view_menu(window).actions() if a.menu() is not None and a.text() == "&Language")


def system_name() -> str:
    return translation.LANGUAGES.get(QLocale.system().name().split("_")[0].lower(), "English")


def test_the_view_menu_offers_the_system_language_english_and_spanish(qtbot, settings):
    window = window_on(qtbot, settings)
    actions = language_menu(window).actions()
    assert [a.text() for a in actions] == [f"System language ({system_name()})", "English", "Español"]
    assert all(a.isCheckable() for a in actions) and actions[0].actionGroup().isExclusive()
    assert [a.isChecked() for a in actions] == [True, False, False]  # nothing saved: the system's


@pytest.mark.parametrize(("saved", "checked"), [("system", 0), ("en", 1), ("es", 2), ("fr", 0)])
def test_the_saved_language_is_the_one_checked(qtbot, settings, saved, checked):
    settings.setValue(LANGUAGE_KEY, saved)
    window = window_on(qtbot, settings)
    assert [a.isChecked() for a in language_menu(window).actions()] == [i == checked for i in range(3)]


def test_choosing_spanish_saves_it_and_says_it_applies_from_the_next_start(qtbot, settings, told):
    window = window_on(qtbot, settings)
    title_before = window.menuBar().actions()[0].text()
    window.language_actions["es"].trigger()
    assert settings.value(LANGUAGE_KEY) == "es"
    assert window.language_actions["es"].isChecked() and not window.language_actions["system"].isChecked()
    assert told == [("Language", "factcheck will be shown in Español the next time it starts.")]
    assert window.menuBar().actions()[0].text() == title_before == "&File"  # no live re-translation

    window.language_actions["es"].trigger()  # chosen again: nothing new to say
    assert len(told) == 1
    window.language_actions["system"].trigger()
    assert settings.value(LANGUAGE_KEY) == "system"
    assert told[-1][1] == f"factcheck will follow the system's language ({system_name()}) the next time it starts."
    again = window_on(qtbot, settings)  # the next window shows the saved choice
    assert again.language_actions["system"].isChecked()


def test_install_language_installs_the_spanish_catalogue_when_it_is_saved(qapp, settings, monkeypatch):
    monkeypatch.delenv(translation.ENV, raising=False)
    settings.setValue(LANGUAGE_KEY, "es")
    before = QLocale()
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    try:
        assert app.install_language(qapp, settings) == "es"
        assert QLocale().language() == QLocale.Language.Spanish
        assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
    finally:
        for translator in (language.qt_translator("es"), language.app_translator("es")):
            if translator is not None:
                qapp.removeTranslator(translator)
        QLocale.setDefault(before)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"  # other tests stay English


def test_install_language_keeps_english_when_english_is_saved(qapp, settings, monkeypatch):
    monkeypatch.delenv(translation.ENV, raising=False)
    settings.setValue(LANGUAGE_KEY, "en")
    before = QLocale()
    try:
        assert app.install_language(qapp, settings) == "en"
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        QLocale.setDefault(before)


def test_a_first_run_in_spanish_opens_the_spanish_demo(qtbot, settings):
    window = app.make_window(None, user="Ana", settings=settings, language="es")
    qtbot.add_widget(window)
    assert window.project.path.name == "demo-es.factcheck"
    assert window.project.setting("rating_scale") == "es" and window.project.setting("report_language") == "es"
    english = app.make_window(None, user="Ana", settings=QSettings(str(settings.fileName()) + "2", QSettings.Format.IniFormat))
    qtbot.add_widget(english)
    assert english.project.path.name == "demo.factcheck" and english.project.setting("rating_scale") == "default"
