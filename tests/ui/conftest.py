"""Fixtures for widget tests: a session on a fresh project with the sample article."""

from __future__ import annotations

import pytest

from factcheck.ui.session import Session


@pytest.fixture
def session(article, qapp):
    project, article_id, version = article
    s = Session(project)
    s.article_id = article_id
    s.version = version
    return s


def shown_window(qtbot, project_path, settings_path, user: str = "ana"):
    """The main window on a project file, shown and exposed (its settings in ``settings_path``)."""
    from PySide6.QtCore import QSettings

    from factcheck.ui.main_window import MainWindow

    window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat), user)
    qtbot.add_widget(window)
    assert window.open_project(project_path)
    window.show()
    qtbot.wait_exposed(window)
    return window
