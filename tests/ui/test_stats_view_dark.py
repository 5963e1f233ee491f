"""The statistics view in dark mode: rating bars take the scale's dark colours when the theme switches."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from factcheck import demo
from factcheck.ui import theme
from factcheck.ui.session import Session
from factcheck.ui.stats_view import StatsView


@pytest.fixture(autouse=True)
def _back_to_the_system_scheme(qapp, qtbot):
    yield
    theme.apply_scheme(theme.SYSTEM)
    qtbot.waitUntil(lambda: not theme.is_dark())
    QApplication.processEvents()


@pytest.fixture
def view(tmp_path, qtbot):
    project = demo.build(tmp_path / "demo.factcheck")
    session = Session(project)
    session.stop()
    widget = StatsView(session)
    qtbot.add_widget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.wait_exposed(widget)
    yield widget
    project.close()


def painted(chart) -> set[str]:
    image = chart.grab().toImage()
    return {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}


def rating_colours(view, dark: bool) -> list[str]:
    scale = view.session.project.scale
    out = []
    for key, _ in view.figures.by_rating:
        rating = scale.get(key) if key is not None else None
        out.append(rating.color_for(dark) if rating is not None else theme.rating_color(None))
    return out


def test_rating_bars_switch_to_the_dark_colours_and_back(view, qtbot, tmp_path):
    chart = view.charts["rating"]
    light = rating_colours(view, False)
    assert [b.color for b in chart.bars()] == light
    view.grab().save(str(tmp_path / "light.png"))

    theme.apply_scheme(theme.DARK)
    qtbot.waitUntil(lambda: theme.is_dark())
    dark = rating_colours(view, True)
    assert dark != light  # the scale has a dark variant
    qtbot.waitUntil(lambda: [b.color for b in chart.bars()] == dark)
    qtbot.waitUntil(lambda: theme.is_dark(chart.palette()))  # the widgets' palettes follow a moment later
    view.grab().save(str(tmp_path / "dark.png"))
    colours_painted = painted(chart)
    changed = [c for c, old in zip(dark, light) if c != old]
    assert any(QColor(c).name() in colours_painted for c in changed)

    theme.apply_scheme(theme.LIGHT)
    qtbot.waitUntil(lambda: [b.color for b in chart.bars()] == rating_colours(view, False))
