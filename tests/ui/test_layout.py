"""The article is the window's stretch area: the docks keep to their shares through new
projects, imports, project switches and saved layouts, from 1,024 x 640 up."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QDockWidget, QLabel, QMainWindow, QStyle, QStyleOptionButton

from factcheck import demo
from factcheck.core import colours, history
from factcheck.core import project as project_module
from factcheck.ui import models, theme
from factcheck.ui.main_window import MIN_ARTICLE_WIDTH, MainWindow

from ..conftest import SAMPLE, imported

LONG_TITLE = ("In a move that has sent shockwaves through diplomatic circles across the Americas, the United States "
              "Treasury on October 24, 2025, imposed sweeping sanctions on Colombian President Gustavo Petro, his "
              "wife, their eldest son and the Interior Minister, a rupture in the decades-old alliance")


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

    def make(path=None, width=1400, height=900) -> MainWindow:
        window = MainWindow(settings, "ana")
        qtbot.add_widget(window)
        window.resize(width, height)
        if path is not None:
            assert window.open_project(path), errors
        window.show()
        qtbot.wait_exposed(window)
        return window

    return make


def article_share(window: MainWindow) -> float:
    return window.view.width() / window.width()


def wait_for_room(qtbot, window: MainWindow, share: float = 0.4) -> None:
    qtbot.wait_until(lambda: window.view is not None and article_share(window) >= share, timeout=2000)


def new_project(window: MainWindow, path, monkeypatch) -> None:
    """File > New project, the file dialog answered with ``path``."""
    monkeypatch.setattr(window, "ask_save_path", lambda: str(path))
    window.new_project_action.trigger()
    assert window.project is not None and window.project.path.name == path.name


def test_new_project_and_an_import_leave_the_article_its_share(make_window, demo_path, tmp_path, qtbot, monkeypatch):
    window = make_window(demo_path)
    wait_for_room(qtbot, window)

    new_project(window, tmp_path / "mine.factcheck", monkeypatch)
    wait_for_room(qtbot, window)
    assert window.articles_dock.width() <= 0.4 * window.width()
    assert window.claims_dock.width() <= 0.4 * window.width()

    assert window.import_files([str(SAMPLE)])
    wait_for_room(qtbot, window)
    assert window.view.text_edit.viewport().width() > window.view.width() / 2


def test_switching_projects_keeps_the_docks_where_they_were(make_window, demo_path, tmp_path, qtbot, monkeypatch):
    window = make_window(demo_path)
    window.resizeDocks([window.claims_dock], [450], Qt.Orientation.Horizontal)
    qtbot.wait_until(lambda: window.claims_dock.width() == 450)
    widths = (window.articles_dock.width(), window.claims_dock.width())

    new_project(window, tmp_path / "mine.factcheck", monkeypatch)
    wait_for_room(qtbot, window)
    assert window.open_project(demo_path)
    wait_for_room(qtbot, window)
    assert (window.articles_dock.width(), window.claims_dock.width()) == widths


def starving_state(qtbot) -> bytes:
    """A saved layout as the bug left it: both side docks 660 px wide in a 1,400-px window."""
    other = QMainWindow()
    qtbot.add_widget(other)
    other.setCentralWidget(QLabel())
    docks = {}
    for name, area in (("articles", Qt.DockWidgetArea.LeftDockWidgetArea), ("claims", Qt.DockWidgetArea.RightDockWidgetArea),
                       ("review", Qt.DockWidgetArea.BottomDockWidgetArea)):
        docks[name] = QDockWidget(name, other)
        docks[name].setObjectName(name)
        docks[name].setWidget(QLabel(name))
        other.addDockWidget(area, docks[name])
    other.resize(1400, 900)
    other.show()
    qtbot.wait_exposed(other)
    other.resizeDocks([docks["articles"], docks["claims"]], [660, 660], Qt.Orientation.Horizontal)
    qtbot.wait_until(lambda: other.centralWidget().width() < 100)
    return other.saveState()


def test_a_saved_layout_that_starved_the_article_gives_way_to_the_defaults(make_window, settings, demo_path, qtbot):
    settings.setValue("window/state", starving_state(qtbot))
    window = make_window(demo_path)
    wait_for_room(qtbot, window)
    assert window.view.width() >= MIN_ARTICLE_WIDTH


def test_a_saved_layout_that_leaves_room_is_kept(make_window, settings, demo_path, qtbot):
    window = make_window(demo_path)
    window.resizeDocks([window.claims_dock], [430], Qt.Orientation.Horizontal)
    qtbot.wait_until(lambda: window.claims_dock.width() == 430)
    window.close()
    # The offscreen screen is 800 px wide: a restored geometry would shrink the window, and
    # its docks with it, before the test widens it again.
    settings.remove("window/geometry")

    again = make_window(demo_path)
    assert again.claims_dock.width() == 430


def test_the_window_fits_a_1024_px_screen(make_window, demo_path):
    window = make_window(demo_path)
    window.panel.select_claim(window.project.claims(window.current_article_id())[0].id)
    assert window.panel.current_claim_id
    assert window.minimumSizeHint().width() <= 1000


def test_at_1024_by_640_every_pane_shows_and_every_field_can_be_reached(make_window, demo_path, qtbot):
    window = make_window(demo_path, 1024, 640)
    window.panel.select_claim(window.project.claims(window.current_article_id())[0].id)
    inspector = window.panel.inspector
    qtbot.wait_until(lambda: window.panel.width() >= window.panel.minimumSizeHint().width())

    for pane in (window.view, window.article_list, window.panel, window.review_panel):
        assert pane.isVisible() and pane.width() > 0 and pane.height() > 0
    assert window.view.width() >= MIN_ARTICLE_WIDTH
    assert window.claims_dock.width() <= 0.4 * window.width() + 1
    viewport = inspector.claim_scroll.viewport()
    scroll_bar = inspector.claim_scroll.verticalScrollBar()
    for field in (inspector.statement, inspector.claimant, inspector.claim_date, inspector.rating,
                  inspector.summary, inspector.rationale, inspector.notes):
        scroll_bar.setValue(field.mapTo(inspector.claim_page, QPoint(0, 0)).y())  # scroll to the field
        top_left = field.mapTo(viewport, QPoint(0, 0))
        shown = min(top_left.y() + field.height(), viewport.height()) - top_left.y()
        assert top_left.y() >= 0 and shown >= min(field.height(), viewport.height()), field.accessibleName()
        assert 0 <= top_left.x() and top_left.x() + field.width() <= viewport.width(), field.accessibleName()


def test_a_long_title_takes_two_lines_at_most_with_the_whole_in_its_tooltip(make_window, tmp_path, qtbot):
    window = make_window(None, 1024, 640)
    assert window.open_project(tmp_path / "long.factcheck", create=True)
    url = "https://example.org/news/" + "very-long-path-" * 12
    article_id = window.session.do(history.ImportArticle(
        imported("One paragraph.\n\nAnother.", title=LONG_TITLE), outlet="Example Wire", url=url)).created
    window.select_article(article_id)
    view = window.view
    qtbot.wait_until(lambda: view.title_label.isVisible() and view.title_label.height() > 0)

    title_line = QFontMetrics(view.title_label.font()).lineSpacing()
    assert view.title_label.text() == LONG_TITLE
    assert view.title_label.toolTip() == LONG_TITLE
    assert 2 * title_line <= view.title_label.height() < 3 * title_line
    assert view.meta_label.text().endswith(url) and view.meta_label.toolTip() == view.meta_label.text()
    assert view.meta_label.height() < 2 * QFontMetrics(view.meta_label.font()).lineSpacing()
    # The header (title, byline, rule) is at most about three title lines; the rest is the article.
    assert view._header.height() <= 3.5 * title_line
    assert view.text_edit.height() >= view.height() - 3.5 * title_line


# --- the claim lists: the quote takes the spare width, four rows at least; dark check boxes ---


@pytest.mark.parametrize("size", [(1024, 640), (1400, 900), (2560, 1440)])
def test_the_quote_is_the_widest_column_of_the_claim_list_and_the_sources_cited(make_window, demo_path, qtbot, size):
    window = make_window(demo_path, *size)
    claim = next(c for c in window.project.claims(window.current_article_id()) if window.project.citations(c.id))
    window.panel.select_claim(claim.id)
    claims = window.panel.list
    qtbot.wait_until(lambda: claims.columnWidth(0) > max(claims.columnWidth(c) for c in (1, 2, 3)))
    # The quote takes whatever the other columns leave: no gap on the right, no scroll bar.
    used = sum(claims.columnWidth(c) for c in range(4))
    assert abs(used - claims.viewport().width()) <= 1
    cited = window.panel.inspector.citation_view
    for text_column in (0, 2):  # source and passage take what stance and locator leave
        assert cited.columnWidth(text_column) >= max(cited.columnWidth(1), cited.columnWidth(3))


def test_a_claim_whose_words_changed_keeps_its_whole_quote_with_an_icon_and_a_tooltip(qtmodeltester, demo_path):
    proj = project_module.Project.open(demo_path, read_only=True)
    claim, scale = proj.claims()[0], proj.scale
    proj.close()
    fuzzy = dataclasses.replace(claim, anchor_state="fuzzy", id="0")  # on the same words, listed first
    table = models.ClaimTableModel(scale)
    table.set_claims([fuzzy, claim])
    qtmodeltester.check(table)
    quote = table.index(0, 0)
    assert table.data(quote) == table.data(table.index(1, 0))  # no "[Words changed…" before the quote
    assert not table.data(quote, Qt.ItemDataRole.DecorationRole).isNull()
    assert table.data(table.index(1, 0), Qt.ItemDataRole.DecorationRole) is None
    assert table.data(quote, Qt.ItemDataRole.ToolTipRole).startswith("Words changed")


def test_at_1024_by_640_the_claim_list_keeps_four_rows_however_the_splitter_is_dragged(make_window, demo_path, qtbot):
    window = make_window(demo_path, 1024, 640)
    claims = window.panel.list
    window.panel.splitter.setSizes([0, 10_000])  # the inspector pulled all the way up
    rows = 4 * claims.verticalHeader().defaultSectionSize()
    qtbot.wait_until(lambda: claims.viewport().height() >= rows)
    assert claims.isVisible()


def test_an_unticked_check_box_has_a_visible_frame_in_the_dark(qapp, qtbot):
    theme.apply_scheme(theme.DARK)
    try:
        box = QCheckBox("Checked the figure against the official data")
        qtbot.add_widget(box)
        box.show()
        qtbot.wait_exposed(box)
        image = box.grab().toImage()
        window_colour = box.palette().color(QPalette.ColorRole.Window).name()
        indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, _check_box_option(box), box)
        row = indicator.center().y()
        frame = [image.pixelColor(x, row).name() for x in range(indicator.left(), indicator.center().x())]
        assert max(colours.contrast(c, window_colour) for c in frame) >= 3.0, frame
        assert QApplication.style().name().lower() == "fusion"
    finally:
        theme.apply_scheme(theme.SYSTEM)


def _check_box_option(box: QCheckBox) -> QStyleOptionButton:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return option


def test_a_claim_with_changed_words_and_unanchored_claims_never_grow_the_window_past_640(make_window, tmp_path, qtbot):
    """The inspector's note about changed words, the Unanchored box and the comments tab fit 1,024 x 640."""
    first = ("US aid to Colombia is expected to decrease by at least 20%. The ministry said nothing. "
             "Gringos go home. The officials left early, and the café stayed open all night.")
    path = tmp_path / "changed.factcheck"
    with project_module.Project.create(path, user="ana") as p:
        article_id = p.import_article(imported(first, title="Aid cut")).created
        version = p.current_version(article_id)
        words = ("US aid to Colombia is expected to decrease by at least 20%", "Gringos go home.", "The ministry said")
        ids = [p.create_claim(version.id, first.index(w), first.index(w) + len(w)).created for w in words]
        p.add_version(article_id, imported(first.replace("decrease", "drop").replace("Gringos go home. ", "")
                                           .replace("The ministry said nothing. ", "")))
        assert [p.claim(i).anchor_state for i in ids[:2]] == ["fuzzy", "orphaned"]
    window = make_window(path, 1024, 640)
    window.panel.select_claim(ids[0])
    window.panel.inspector.tabs.setCurrentWidget(window.panel.inspector.comments)
    qtbot.wait(50)
    assert window.panel.orphans_box.isVisible() and window.panel.inspector.anchor_note.isVisible()
    assert window.minimumSizeHint().height() <= 640
    assert window.height() <= 640
