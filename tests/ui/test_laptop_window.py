"""The main window on a laptop (1,024 x 700, 1,366 x 768) and wider (1,400 x 900), in English and Spanish:
the review queue's filters show their choices whole, the inspector's review trail keeps to one line, a
cut field shows its text as its tooltip, the article list shows its headlines whole, and a wide window's room
goes to the claims, not the article's margins."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

from factcheck import demo
from factcheck.core.project import Project
from factcheck.ui.main_window import CLAIMS_SHARE, MainWindow
from tests.conftest import imported
from tests.ui.test_layout import LONG_TITLE
from tests.ui.test_small_screen import open_first_claim
from tests.ui.test_spanish import spanish  # noqa: F401 - a fixture

SIZES = [(1024, 700), (1366, 768), (1400, 900)]


@pytest.fixture(params=["en", "es"])
def language(request):
    if request.param == "es":
        request.getfixturevalue("spanish")
    return request.param


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))

    def make(width: int, height: int, language: str = "en") -> MainWindow:
        path = tmp_path / f"demo-{language}.factcheck"
        if not path.exists():
            demo.build(path, language=language).close()
        window = MainWindow(QSettings(str(tmp_path / f"{width}.ini"), QSettings.Format.IniFormat), "ana")
        qtbot.add_widget(window)
        window.resize(width, height)
        assert window.open_project(path), errors
        window.show()
        qtbot.wait_exposed(window)
        qtbot.wait(50)  # the docks make room for what their contents need once laid out
        return window

    return make


def text_room(box: QComboBox) -> int:
    """The width a combo box paints its current item's text in (its frame, arrow and icon left out)."""
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                       QStyle.SubControl.SC_ComboBoxEditField, box)
    icon = box.iconSize().width() + 4 if not box.itemIcon(box.currentIndex()).isNull() else 0
    return field.width() - icon


# --- the review queue's filters ------------------------------------------------------------------


@pytest.mark.parametrize("width, height", SIZES)
def test_every_filter_shows_each_of_its_choices_whole(make_window, qtbot, language, width, height):
    window = make_window(width, height, language)
    panel = window.review_panel
    if language == "es":
        assert panel.checker_filter.itemText(0) != "Any checker"  # the catalogue is in use
    filters = (panel.status_filter, panel.rating_filter, panel.checker_filter, panel.article_filter)
    table_top = panel.table.mapTo(panel, QPoint(0, 0)).y()
    for box in filters:
        corner = box.mapTo(panel, QPoint(0, 0))
        assert corner.x() >= 0 and corner.x() + box.width() <= panel.width(), box.accessibleName()
        assert corner.y() + box.height() <= table_top, box.accessibleName()  # wrapped above the table, not over it
        if box is not panel.article_filter:  # a long headline may be cut there (its tooltip has it whole)
            assert box.width() >= box.sizeHint().width(), box.accessibleName()
        for index in range(box.count() if box is not panel.article_filter else 1):
            box.setCurrentIndex(index)
            assert box.fontMetrics().horizontalAdvance(box.currentText()) <= text_room(box), box.currentText()
        box.setCurrentIndex(0)
    for button in (panel.open_button, panel.approve_button, panel.request_changes_button, panel.text_filter):
        corner = button.mapTo(panel, QPoint(0, 0))
        assert corner.x() + button.width() <= panel.width() and corner.y() + button.height() <= table_top


def test_wrapped_filters_leave_the_queue_its_rows(make_window, qtbot):
    wide = make_window(1400, 900)
    narrow = make_window(1024, 700)
    def top(window, widget):
        return widget.mapTo(window.review_panel, QPoint(0, 0)).y()

    narrow_panel, wide_panel = narrow.review_panel, wide.review_panel
    assert top(narrow, narrow_panel.approve_button) > top(narrow, narrow_panel.status_filter)  # a second row
    assert top(wide, wide_panel.approve_button) <= top(wide, wide_panel.status_filter) + 4  # one row where it fits
    table = narrow.review_panel.table
    assert table.viewport().height() >= 2 * table.verticalHeader().defaultSectionSize()


def test_the_article_filter_lists_headlines_whole(make_window, qtbot):
    window = make_window(1024, 700)
    box = window.review_panel.article_filter
    title = window.project.articles()[0].title
    assert box.itemData(1, Qt.ItemDataRole.ToolTipRole) == title  # whole, where the list cuts it at 60 characters
    view = box.view()
    assert view.minimumWidth() >= box.fontMetrics().horizontalAdvance(box.itemText(1))
    box.setCurrentIndex(1)
    assert box.toolTip() == title  # the box may cut the chosen headline


# --- the inspector -------------------------------------------------------------------------------


@pytest.mark.parametrize("width, height", [(1024, 700), (1366, 768)])
def test_the_review_trail_keeps_to_one_line_and_the_verdict_summary_is_in_view(make_window, qtbot, language, width,
                                                                                 height):
    window = make_window(width, height, language)
    open_first_claim(window, qtbot)  # a published claim: verdict, submitted, approved, published
    inspector = window.panel.inspector
    trail = inspector.review_info
    assert trail.height() <= trail.fontMetrics().lineSpacing() * 1.5 + 2 * trail.margin() + 4
    assert trail.toolTip() == trail.full_text() and ";" in trail.full_text()
    scroll = inspector.claim_scroll
    top = inspector.summary.mapTo(scroll.viewport(), QPoint(0, 0)).y()
    assert 0 <= top and top + inspector.summary.height() <= scroll.viewport().height()


def test_a_cut_line_field_shows_its_text_as_its_tooltip(make_window, qtbot):
    window = make_window(1024, 700)
    open_first_claim(window, qtbot)
    statement = window.panel.inspector.statement
    long = "Petro has allowed drug cartels to flourish in Colombia and refused to act against them for years"
    statement.setText(long)
    assert statement.fontMetrics().horizontalAdvance(long) > statement.width()
    assert statement.toolTip() == long
    statement.setText("Short")
    assert statement.toolTip() == ""


# --- where a wide window's room goes -------------------------------------------------------------


def test_a_wide_window_gives_the_claims_what_the_article_cannot_use(make_window, qtbot):
    window = make_window(1400, 900)
    reading = window._reading_width()
    assert window.claims_dock.width() > round(1400 * CLAIMS_SHARE)
    assert window.view.width() >= reading - 4  # the article keeps its reading width


def test_widening_the_window_widens_the_claims_and_narrowing_it_spares_the_article_list(make_window, qtbot):
    window = make_window(1024, 700)
    claims, articles = window.claims_dock.width(), window.articles_dock.width()
    window.resize(1400, 900)
    qtbot.wait_until(lambda: window.claims_dock.width() > claims + 100)
    assert window.articles_dock.width() == articles
    window.resize(1920, 1000)
    qtbot.wait_until(lambda: window.claims_dock.width() >= round(1920 * 0.4) - 2)
    window.resize(1024, 700)
    qtbot.wait_until(lambda: window.claims_dock.width() <= round(1024 * 0.4))
    assert window.articles_dock.width() >= articles - 2  # not squeezed to give the claims their width


def test_narrowing_a_little_keeps_the_widths_the_person_chose(make_window, qtbot):
    window = make_window(1400, 900)
    chosen = window.claims_dock.width() + 25  # dragged wider by hand, under its cap
    window.resizeDocks([window.claims_dock], [chosen], Qt.Orientation.Horizontal)
    qtbot.wait_until(lambda: abs(window.claims_dock.width() - chosen) <= 2)
    articles = window.articles_dock.width()
    window.resize(1380, 900)  # the article gives up the room: nothing to start again
    qtbot.wait(50)
    assert abs(window.claims_dock.width() - chosen) <= 2 and abs(window.articles_dock.width() - articles) <= 2


# --- the article list ----------------------------------------------------------------------------


def test_the_article_list_shows_each_headline_and_its_count_whole(make_window, qtbot, tmp_path):
    demo.build(tmp_path / "demo-en.factcheck").close()
    with Project.open(tmp_path / "demo-en.factcheck", user="ana") as project:
        for title in (LONG_TITLE, "Senado aprueba en primer debate la reforma laboral con cambios a las horas extra"):
            project.import_article(imported("One sentence. Another one.", title=title))
    window = make_window(1024, 700)
    view = window.article_list
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    for row in range(window.articles.rowCount()):
        index = window.articles.index(row, 0)
        shown = view.visualRect(index).intersected(view.viewport().rect())  # the row as painted, clipped by the list
        text = index.data()
        needed = view.fontMetrics().boundingRect(QRect(0, 0, shown.width() - 2 * margin, 0),
                                                 Qt.TextFlag.TextWordWrap, text).height()
        assert shown.height() >= needed, text
