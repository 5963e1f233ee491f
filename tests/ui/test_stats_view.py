"""The statistics view: the project's figures in numbers and bars, kept current, and saved as CSV."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication

from factcheck import demo
from factcheck.core import history, stats
from factcheck.core.project import Project
from factcheck.ui import stats_view
from factcheck.ui.main_window import MainWindow
from factcheck.ui.session import Session
from factcheck.ui.stats_view import Bar, BarChartWidget, StatsView

from ..conftest import imported

LONG_TITLE = "A very long article title about sanctions, drug boats, aid and the relations of two countries " * 2


@pytest.fixture
def demo_session(tmp_path, qapp):
    project = demo.build(tmp_path / "demo.factcheck")
    session = Session(project)
    session.stop()
    yield session
    project.close()


@pytest.fixture
def shown(qtbot):
    """A statistics view on a session, shown at a usual size."""

    def make(session) -> StatsView:
        view = StatsView(session)
        qtbot.add_widget(view)
        view.resize(900, 700)
        view.show()
        qtbot.wait_exposed(view)
        return view

    return make


def headline(view: StatsView) -> dict[str, str]:
    return {key: widget.value_label.text() for key, widget in view.headline.items()}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#1e1f22"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                        (QPalette.ColorRole.Base, "#16171a"), (QPalette.ColorRole.Text, "#e6e6e6"),
                        (QPalette.ColorRole.Button, "#2b2d31"), (QPalette.ColorRole.ButtonText, "#e6e6e6"),
                        (QPalette.ColorRole.Highlight, "#3d7bd9"), (QPalette.ColorRole.PlaceholderText, "#9a9a9a")):
        palette.setColor(role, QColor(color))
    return palette


def test_the_demo_figures_in_numbers_bars_and_words(demo_session, shown):
    view = shown(demo_session)
    assert headline(view) == {"claims": "5", "published": "1", "days": "0.0", "requests": "1", "comments": "1"}
    assert view.headline["claims"].accessibleName() == "claims: 5"
    rating = view.charts["rating"]
    assert [(b.label, b.count) for b in rating.bars()] == [("True", 1), ("Mostly true", 1), ("No evidence", 2),
                                                          ("Not rated", 1)]
    colors = {r.label: r.color for r in demo_session.project.scale.ratings}
    assert [b.color for b in rating.bars()][:3] == [colors["True"], colors["Mostly true"], colors["No evidence"]]
    assert rating.accessibleName() == "Claims by rating"
    assert rating.accessibleDescription() == "Claims by rating: True: 1; Mostly true: 1; No evidence: 2; Not rated: 1."
    assert view.charts["status"].accessibleDescription() == (
        "Claims by status: Draft: 1; In review: 1; Changes requested: 1; Approved: 1; Published: 1.")
    assert view.charts["checker"].accessibleDescription() == "Claims by checker: Ana (checker): 5."
    title = demo_session.project.articles()[0].title
    assert view.charts["article"].accessibleDescription() == f"Claims by article: {title}: 5."
    assert view.pages.currentWidget() is view.scroll


def test_a_new_claim_updates_the_figures_once_after_a_burst(demo_session, shown, qtbot, monkeypatch):
    view = shown(demo_session)
    computed = []
    real = stats.compute
    monkeypatch.setattr(stats_view.stats, "compute", lambda project: computed.append(1) or real(project))
    project = demo_session.project
    version = project.current_version(project.articles()[0].id)
    for start in (0, 40, 80):
        demo_session.do(history.CreateClaim(version.id, start, start + 30))
    qtbot.wait_until(lambda: headline(view)["claims"] == "8")
    assert len(computed) == 1  # three changes, one recompute
    assert ("Not rated", 4) in [(b.label, b.count) for b in view.charts["rating"].bars()]
    assert "Draft: 4" in view.charts["status"].accessibleDescription()


def test_changes_outside_the_figures_recompute_nothing(demo_session, shown):
    view = shown(demo_session)
    demo_session.do(history.CreateSource(title="A report nobody cited yet"))
    assert not view._timer.isActive()
    claim = next(c for c in demo_session.project.claims() if c.status == "draft")
    demo_session.do(history.UpdateClaim(claim.id, rating="false"))
    assert view._timer.isActive()  # a rating changed: recomputed shortly


def test_a_hidden_view_catches_up_when_shown(demo_session, qtbot):
    view = StatsView(demo_session)
    qtbot.add_widget(view)
    project = demo_session.project
    demo_session.do(history.CreateClaim(project.current_version(project.articles()[0].id).id, 0, 30))
    view.show()
    qtbot.wait_exposed(view)
    assert headline(view)["claims"] == "6"


def test_export_csv_writes_every_row_and_says_where(demo_session, shown, tmp_path, monkeypatch):
    view = shown(demo_session)
    target = tmp_path / "out" / "figures.csv"
    target.parent.mkdir()
    asked = []
    monkeypatch.setattr(StatsView, "ask_path", lambda self, suggested: asked.append(suggested) or str(target))
    view.export_button.click()
    assert asked[0].endswith("demo-statistics.csv")
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["section", "name", "value"]
    assert [tuple(r) for r in rows[1:]] == stats.compute(demo_session.project).rows()
    assert ("rating", "no-evidence", "2") in [tuple(r) for r in rows]
    assert str(target) in view.status_label.text() and "Show in folder" in view.status_label.text()
    assert view.saved_path == target


def test_export_csv_keeps_a_formula_title_as_text(session, shown, tmp_path, monkeypatch):
    project = session.project
    project.update_article(session.article_id, title="=HYPERLINK(\"http://evil.example\")")
    project.create_claim(session.version.id, 0, 30)
    view = shown(session)
    target = tmp_path / "figures.csv"
    monkeypatch.setattr(StatsView, "ask_path", lambda self, suggested: str(target))
    view.export_csv()
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    assert ["article", "'=HYPERLINK(\"http://evil.example\")", "1"] in rows


def test_export_csv_to_a_folder_it_cannot_write_says_so(demo_session, shown, tmp_path, monkeypatch):
    view = shown(demo_session)
    monkeypatch.setattr(StatsView, "ask_path", lambda self, suggested: str(tmp_path / "missing" / "x.csv"))
    assert view.export_csv() is None
    assert view.status_label.text().startswith("Not saved: cannot write x.csv")


def test_an_empty_project_shows_a_sentence_not_empty_charts(project, shown, qapp):
    session = Session(project)
    session.stop()
    view = shown(session)
    assert view.pages.currentWidget() is view.empty_label
    assert "no claims yet" in view.empty_label.text()
    assert headline(view)["claims"] == "0" and headline(view)["days"] == "–"
    view.set_session(None)
    assert view.empty_label.text() == "Open a project to see its statistics."
    assert not view.export_button.isEnabled()


@pytest.mark.parametrize("size", [(300, 200), (1600, 900)])
def test_bars_paint_at_small_and_large_sizes(qtbot, size):
    chart = BarChartWidget("Claims by article")
    qtbot.add_widget(chart)
    chart.set_bars([Bar(LONG_TITLE, 40, tip=LONG_TITLE), Bar("Short", 1), Bar("None yet", 0)], more="…and 3 more.")
    chart.resize(*size)
    image = chart.grab().toImage()
    assert (image.width(), image.height()) == (size[0] * image.devicePixelRatio(), size[1] * image.devicePixelRatio())
    assert chart.bar_at(chart.MARGIN + 1).tip == LONG_TITLE  # the elided title's tooltip has it whole
    assert chart.accessibleDescription().endswith("None yet: 0. …and 3 more.")


def test_long_lists_are_cut_with_a_line_saying_what_was_left(session, shown):
    project = session.project
    with project.batch():
        for i in range(stats_view.MAX_BARS + 3):
            article_id = project.import_article(imported("Some words to check here.", title=f"Article {i:02d}")).created
            project.create_claim(project.current_version(article_id).id, 0, 10)
    view = shown(session)
    chart = view.charts["article"]
    assert len(chart.bars()) == stats_view.MAX_BARS
    assert chart.accessibleDescription().endswith("…and 4 more articles with 3 claims (Export CSV lists them all).")


def test_charts_follow_a_dark_palette(demo_session, shown, tmp_path):
    view = shown(demo_session)
    view.grab().save(str(tmp_path / "light.png"))
    view.setPalette(dark_palette())
    chart = view.charts["rating"]
    image = chart.grab().toImage()
    view.grab().save(str(tmp_path / "dark.png"))
    assert image.pixelColor(1, 1) == QColor("#1e1f22")


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))
    monkeypatch.setattr(MainWindow, "warn_integrity", lambda self, verdict: errors.append(str(verdict)))
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), "ana")
    qtbot.add_widget(w)
    w.errors = errors
    return w


def test_view_statistics_opens_a_window_that_follows_the_project(window, tmp_path, qtbot):
    demo.build(tmp_path / "demo.factcheck").close()
    assert not window.stats_action.isEnabled()  # nothing open yet
    assert window.open_project(tmp_path / "demo.factcheck"), window.errors
    window.show()
    assert window.stats_action.shortcut() == QKeySequence("Ctrl+Shift+T")
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.stats_action in view_menu.actions()
    window.stats_action.trigger()
    dialog = window.stats_dialog
    qtbot.wait_exposed(dialog)
    assert not dialog.isModal() and dialog.windowTitle() == "Statistics – demo.factcheck"
    assert headline(dialog.view)["claims"] == "5"

    assert window.open_project(tmp_path / "empty.factcheck", create=True), window.errors
    assert dialog.windowTitle() == "Statistics – empty.factcheck"
    assert headline(dialog.view)["claims"] == "0" and dialog.view.pages.currentWidget() is dialog.view.empty_label
    window.stats_action.trigger()
    assert window.stats_dialog is dialog  # one window, raised again
    window.close()
    QApplication.processEvents()


def test_a_hidden_window_is_not_computed_on_a_project_switch(window, tmp_path, monkeypatch):
    demo.build(tmp_path / "demo.factcheck").close()
    Project.create(tmp_path / "other.factcheck", user="ana").close()
    assert window.open_project(tmp_path / "demo.factcheck")
    window.stats_action.trigger()
    window.stats_dialog.close()
    computed = []
    monkeypatch.setattr(stats_view.stats, "compute", lambda project: computed.append(1))
    assert window.open_project(tmp_path / "other.factcheck")
    assert computed == []
    window.close()
