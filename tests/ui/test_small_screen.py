"""A 1,024-pixel-wide, 640- to 768-pixel-high screen: the docks keep the claims usable, Find in project
gives back what it took, and nothing grows the window past the screen, in English or Spanish."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from factcheck import demo
from factcheck.ui.main_window import REVIEW_SHARE, MainWindow
from tests.ui.test_spanish import spanish  # noqa: F401 - a fixture


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo_path(tmp_path):
    path = tmp_path / "demo.factcheck"
    demo.build(path).close()
    return path


@pytest.fixture
def make_window(qtbot, settings, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))

    def make(path, width, height) -> MainWindow:
        window = MainWindow(settings, "ana")
        qtbot.add_widget(window)
        window.resize(width, height)
        assert window.open_project(path), errors
        window.show()
        qtbot.wait_exposed(window)
        return window

    return make


def open_first_claim(window: MainWindow, qtbot) -> None:
    window.panel.select_claim(window.project.claims(window.current_article_id())[0].id)
    qtbot.wait_until(lambda: window.panel.inspector.claim_scroll.isVisible())
    qtbot.wait(50)


def rows_seen(window: MainWindow) -> float:
    """Rows of the claim list a person sees: its part inside the claim dock's scrolled area."""
    claims = window.panel.list
    seen = claims.viewport().visibleRegion().boundingRect().height()
    return seen / claims.verticalHeader().defaultSectionSize()


def bottom_in_view(field: QWidget, scroll) -> bool:
    """Whether ``field`` is whole inside the scroll area's viewport as it is scrolled now."""
    top = field.mapTo(scroll.viewport(), QPoint(0, 0)).y()
    return top >= 0 and top + field.height() <= scroll.viewport().height()


# --- Find in project gives the bottom area back ------------------------------------------------------


@pytest.mark.parametrize("how", ["escape", "close button"])
def test_closing_find_gives_the_bottom_area_back_its_height(make_window, demo_path, qtbot, how):
    window = make_window(demo_path, 1024, 640)
    review, article = window.review_dock.height(), window.view.height()
    dock = window.search_dock
    dock.find_action.trigger()
    qtbot.wait_until(lambda: dock.height() > review + 40)  # room for a few hits
    if how == "escape":
        qtbot.keyClick(dock.panel.query_edit, Qt.Key.Key_Escape)
    else:
        dock.close()
    qtbot.wait_until(lambda: window.review_dock.height() == review)
    assert window.view.height() == article


def test_find_opens_again_as_tall_as_it_was_left(make_window, demo_path, qtbot):
    window = make_window(demo_path, 1024, 700)
    dock = window.search_dock
    dock.find_action.trigger()
    qtbot.wait_until(lambda: dock.height() > 200)
    opened = dock.height()
    window.resizeDocks([dock], [opened], Qt.Orientation.Vertical)  # the person makes it shorter (a tab bar is above)
    qtbot.wait_until(lambda: dock.height() < opened)
    left = dock.height()
    dock.close_search()
    qtbot.wait_until(lambda: not dock.isVisible())
    dock.find_action.trigger()
    qtbot.wait_until(lambda: dock.height() == left)


def test_after_find_the_claim_list_stays_in_view_while_tabbing_through_the_inspector(make_window, demo_path,
                                                                                      qtbot):
    window = make_window(demo_path, 1024, 700)
    open_first_claim(window, qtbot)
    window.search_dock.find_action.trigger()
    window.search_dock.close_search()
    qtbot.wait(100)
    inspector = window.panel.inspector
    inspector.statement.setFocus()
    for _ in range(8):  # claimant, date, check-worthiness, tags, rating, summary...
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.wait(20)
        assert rows_seen(window) >= 3, QApplication.focusWidget().accessibleName()


def test_a_saved_layout_with_a_tall_bottom_dock_is_brought_back_to_its_share(make_window, settings, demo_path,
                                                                             qtbot):
    window = make_window(demo_path, 1024, 640)
    default = window.review_dock.height()
    window.resizeDocks([window.review_dock], [250], Qt.Orientation.Vertical)
    qtbot.wait_until(lambda: window.review_dock.height() >= 240)
    window.close()
    settings.remove("window/geometry")  # the offscreen screen is smaller than the window: keep 1,024 x 640

    again = make_window(demo_path, 1024, 640)
    qtbot.wait(50)
    assert again.review_dock.height() == default


def test_a_saved_layout_with_a_bottom_dock_of_a_sensible_height_is_kept(make_window, settings, demo_path, qtbot):
    window = make_window(demo_path, 1400, 900)
    window.resizeDocks([window.review_dock], [230], Qt.Orientation.Vertical)
    qtbot.wait_until(lambda: window.review_dock.height() == 230)
    window.close()
    settings.remove("window/geometry")

    again = make_window(demo_path, 1400, 900)
    qtbot.wait(50)
    assert again.review_dock.height() == 230


# --- first sizes on a small screen -----------------------------------------------------------------


@pytest.mark.parametrize("height", [700, 768])
def test_on_a_short_screen_the_claims_get_the_height(make_window, demo_path, qtbot, height):
    window = make_window(demo_path, 1024, height)
    open_first_claim(window, qtbot)
    inspector = window.panel.inspector
    assert rows_seen(window) >= 4
    assert window.panel.scroll.verticalScrollBar().maximum() == 0  # the claim dock itself does not scroll
    assert bottom_in_view(inspector.rating, inspector.claim_scroll)
    if height >= 768:
        assert bottom_in_view(inspector.summary, inspector.claim_scroll)
    assert window.review_panel.isVisible() and window.review_dock.height() >= window.review_dock.minimumSizeHint().height()


def test_a_larger_screen_keeps_its_share_for_the_review_queue(make_window, demo_path):
    window = make_window(demo_path, 1400, 900)
    assert window.review_dock.height() == round(900 * REVIEW_SHARE)


# --- Find in project fits the screen's width ---------------------------------------------------------


def test_find_in_project_fits_a_1024_px_screen(make_window, demo_path, qtbot):
    window = make_window(demo_path, 1024, 640)
    window.search_dock.find_action.trigger()
    qtbot.wait_until(window.search_dock.isVisible)
    assert window.search_dock.panel.minimumSizeHint().width() <= 600
    assert window.minimumSizeHint().width() <= 1024 and window.width() == 1024


def test_find_in_project_fits_a_1024_px_screen_in_spanish(spanish, make_window, tmp_path, qtbot):  # noqa: F811
    path = tmp_path / "demo-es.factcheck"
    demo.build(path, language="es").close()
    window = make_window(path, 1024, 640)
    window.search_dock.find_action.trigger()
    panel = window.search_dock.panel
    qtbot.wait_until(window.search_dock.isVisible)
    qtbot.wait(100)  # the filters' choices are read as it opens: the boxes' widths follow
    assert panel.status_box.itemText(0) != "Any status"  # the catalogue is in use
    assert window.minimumSizeHint().width() <= 1024 and window.width() == 1024
    # Every filter is whole in the panel, on as many rows as it takes.
    for box in (panel.status_box, panel.rating_box, panel.checker_box, panel.article_box, panel.since_edit,
                panel.until_edit):
        corner = box.mapTo(panel, QPoint(0, 0))
        assert corner.x() >= 0 and corner.x() + box.width() <= panel.width(), box.accessibleName()
        assert box.width() >= box.minimumSizeHint().width(), box.accessibleName()
        assert corner.y() + box.height() <= panel.results.mapTo(panel, QPoint(0, 0)).y(), box.accessibleName()
    for box in (panel.status_box, panel.rating_box, panel.checker_box):  # room enough: the choice shows whole
        assert box.width() >= box.sizeHint().width() > box.minimumSizeHint().width(), box.accessibleName()
