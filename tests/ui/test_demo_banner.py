"""The demo says it is a demo, above the article, and how to start one's own project."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from factcheck import demo
from factcheck.core.errors import InvalidInput
from factcheck.core.project import Project
from factcheck.ui.main_window import MainWindow


@pytest.fixture
def demo_path(tmp_path):
    path = tmp_path / "demo.factcheck"
    demo.build(path).close()
    return path


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: pytest.fail(message))
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), demo.CHECKER)
    qtbot.add_widget(w)
    w.resize(1024, 640)
    w.show()
    qtbot.wait_exposed(w)
    return w


def test_the_demo_project_is_marked_as_the_demo_in_its_settings(demo_path, tmp_path):
    with Project.open(demo_path) as p:
        assert p.setting("demo") is True and demo.is_demo(p)
    with Project.create(tmp_path / "own.factcheck", user="ana") as p:
        assert p.setting("demo") is False and not demo.is_demo(p)
        with pytest.raises(InvalidInput):
            p.set_setting("demo", "yes")


def test_a_demo_built_before_the_setting_is_known_by_its_organisation(tmp_path):
    with Project.create(tmp_path / "old-demo.factcheck", user="ana") as p:
        p.set_setting("organisation_name", demo.ORGANISATION)
        assert demo.is_demo(p)


def test_the_banner_shows_above_the_article_on_the_demo_only(window, demo_path, tmp_path):
    assert window.demo_banner.isHidden()  # nothing open
    assert window.open_project(demo_path)
    banner = window.demo_banner
    assert banner.isVisible()
    assert banner.label.text() == "This is the demo project with example data. File > New project starts your own."
    # Above the article, as wide as it, and slim.
    article = window.view.mapTo(window, window.view.rect().topLeft())
    top = banner.mapTo(window, banner.rect().topLeft())
    assert top.y() < article.y() and banner.width() == window.view.width()
    assert banner.height() <= 3 * banner.fontMetrics().height() + 16
    assert window.open_project(tmp_path / "own.factcheck", create=True)
    assert banner.isHidden()


def test_new_project_on_the_banner_runs_file_new_project(window, demo_path, tmp_path, monkeypatch, qtbot):
    assert window.open_project(demo_path)
    asked = []
    monkeypatch.setattr(MainWindow, "ask_save_path", lambda self: asked.append(1) or str(tmp_path / "mine"))
    qtbot.mouseClick(window.demo_banner.new_button, Qt.MouseButton.LeftButton)
    assert asked == [1]
    assert window.project.path == tmp_path / "mine.factcheck"
    assert window.demo_banner.isHidden()


def test_the_banner_can_be_dismissed_and_comes_back_with_the_demo(window, demo_path, tmp_path, qtbot):
    assert window.open_project(demo_path)
    window.demo_banner.close_button.setFocus()
    with qtbot.wait_signal(window.demo_banner.sig_dismissed):
        qtbot.keyClick(window.demo_banner.close_button, Qt.Key.Key_Space)
    assert window.demo_banner.isHidden()
    assert window.view.isVisible()  # the article takes the room back
    assert window.view.text_edit.hasFocus()  # and the keyboard
    assert window.open_project(tmp_path / "own.factcheck", create=True)
    assert window.open_project(demo_path)
    assert window.demo_banner.isVisible()


def test_the_banner_fits_a_1024_pixel_window_without_clipping(window, demo_path):
    assert window.open_project(demo_path)
    banner = window.demo_banner
    for child in (banner.label, banner.new_button, banner.close_button):
        assert child.isVisible() and child.width() >= child.minimumSizeHint().width()
    assert banner.label.height() >= banner.label.heightForWidth(banner.label.width())
