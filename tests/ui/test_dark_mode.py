"""Light and dark: switching re-colours the highlights, badges and swatches; text stays readable.

The window runs on the demo project; View > Colours switches the scheme as a user would.
No colour is written into the UI code: a scan of ``factcheck/ui`` fails on colour literals.
"""

from __future__ import annotations

import ast
import pathlib
import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from factcheck import demo
from factcheck.core import colours
from factcheck.ui import theme
from factcheck.ui.main_window import MainWindow

UI = pathlib.Path(__file__).resolve().parents[2] / "factcheck" / "ui"
PETRO = "President Petro has allowed drug cartels to flourish and refused to stop this activity"


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


@pytest.fixture(autouse=True)
def _back_to_the_system_scheme(qapp, qtbot):
    """Every test leaves the app as it found it: the system's (light, offscreen) palette."""
    yield
    theme.apply_scheme(theme.SYSTEM)
    qtbot.waitUntil(lambda: not theme.is_dark())
    QApplication.processEvents()


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path / "home"))
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, tmp_path, settings):
    path = tmp_path / "demo.factcheck"
    demo.build(path).close()
    w = MainWindow(settings, "ana")
    qtbot.add_widget(w)
    w.resize(1400, 900)
    assert w.open_project(path)
    w.show()
    qtbot.wait_exposed(w)
    return w


def claim_with(window: MainWindow, words: str):
    return next(c for c in window.project.claims() if words in c.exact)


def char_format_at(window: MainWindow, pos16: int) -> QTextCharFormat | None:
    """The highlighter's format at UTF-16 ``pos16`` (what the article view paints there)."""
    block = window.view.text_edit.document().findBlock(pos16)
    rel = pos16 - block.position()
    for fr in block.layout().formats():
        if fr.start <= rel < fr.start + fr.length:
            return QTextCharFormat(fr.format)
    return None


def choose(window: MainWindow, qtbot, scheme: str) -> None:
    """View > Colours > (scheme), then wait until the widgets have the new palette."""
    window.scheme_actions[scheme].trigger()
    dark = scheme == theme.DARK
    qtbot.waitUntil(lambda: theme.is_dark(window.view.text_edit.viewport().palette()) == dark)


def icon_color(icon) -> str:
    return icon.pixmap(12, 12).toImage().pixelColor(6, 6).name()


def painted_at(window: MainWindow, pos16: int):
    """The colour on screen in the middle of the (inkless) space at UTF-16 ``pos16``."""
    edit = window.view.text_edit
    cursor = QTextCursor(edit.document())
    cursor.setPosition(pos16)
    left = edit.cursorRect(cursor)
    cursor.setPosition(pos16 + 1)
    right = edit.cursorRect(cursor)
    assert left.top() == right.top(), "the space must not end a line"
    image = edit.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    x, y = (left.center().x() + right.center().x()) / 2, left.center().y()
    return image.pixelColor(int(x * ratio), int(y * ratio))


# --- switching --------------------------------------------------------------------------


def test_dark_recolours_the_highlights_from_the_scales_dark_colours(window, qtbot):
    claim = claim_with(window, "the US has destroyed")
    rating = window.project.scale.get(claim.rating)
    text = window.project.text(window.view.current_version_id)
    pos = utf16(text, claim.start)
    assert char_format_at(window, pos).background().color().name() == rating.color

    choose(window, qtbot, theme.DARK)
    fmt = char_format_at(window, pos)
    assert fmt.background().color().name() == rating.color_dark
    assert fmt.background().color().alpha() == colours.TINT_ALPHA

    choose(window, qtbot, theme.LIGHT)
    assert char_format_at(window, pos).background().color().name() == rating.color


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK])
def test_the_shown_claim_is_painted_readable(window, qtbot, scheme):
    """Measured on the screen: the tint as painted over the page, against the text colour."""
    claim = claim_with(window, PETRO)
    window.panel.select_claim(claim.id)
    window.view.show_claim(claim.id)
    choose(window, qtbot, scheme)
    text = window.project.text(window.view.current_version_id)
    space = claim.start + claim.exact.index(" drug")
    palette = window.view.text_edit.viewport().palette()
    base, ink = palette.color(QPalette.ColorRole.Base).name(), palette.color(QPalette.ColorRole.Text).name()
    qtbot.waitUntil(lambda: painted_at(window, utf16(text, space)).name() != base)
    painted = painted_at(window, utf16(text, space)).name()

    rating = window.project.scale.get(claim.rating)
    expected = colours.over(rating.color_for(scheme == theme.DARK), colours.EMPHASIS_ALPHA, base)
    assert all(abs(a - b) <= 2 for a, b in zip(colours.parse(painted), colours.parse(expected))), (painted, expected)
    assert colours.contrast(ink, painted) >= colours.AA


def test_overlaps_and_fuzzy_claims_keep_visible_lines_in_the_dark(window, qtbot):
    from factcheck.core import history

    text = window.project.text(window.view.current_version_id)
    version = window.view.current_version_id
    outer = "the United States Treasury on October 24"
    start = text.index(outer)
    window.session.do(history.CreateClaim(version, start, start + len(outer), rating="false"))
    window.session.do(history.CreateClaim(version, start + 4, start + 17, rating="mixed"))
    choose(window, qtbot, theme.DARK)
    base = QApplication.palette().color(QPalette.ColorRole.Base).name()
    overlap = char_format_at(window, utf16(text, start + 5))
    single = char_format_at(window, utf16(text, start + 1))
    assert overlap.background().color().alpha() > single.background().color().alpha()
    assert overlap.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    tint = overlap.background().color()
    painted = colours.over(tint.name(), tint.alpha(), base)
    assert colours.contrast(overlap.underlineColor().name(), painted) >= 3.0


def test_the_badge_swatches_and_hints_follow(window, qtbot):
    claim = claim_with(window, PETRO)  # published, rated "no evidence", in the queue's scale
    rating = window.project.scale.get(claim.rating)
    window.panel.select_claim(claim.id)
    inspector = window.panel.inspector
    claims = window.panel.claims
    row = claims.row_of(claim.id)
    rating_column = next(c for c in range(claims.columnCount()) if claims.headerData(c, Qt.Orientation.Horizontal) == "Rating")

    def swatches() -> tuple[str, str]:
        table = icon_color(claims.data(claims.index(row, rating_column), Qt.ItemDataRole.DecorationRole))
        combo = icon_color(inspector.rating.itemIcon(inspector.rating.findData(rating.key)))
        return table, combo

    assert colours.status(claim.status, dark=False) in inspector.status_badge.styleSheet()
    assert swatches() == (rating.color, rating.color)
    warning = inspector.review_hint.palette().color(QPalette.ColorRole.WindowText).name()
    assert warning == colours.role("warning_text", dark=False)

    choose(window, qtbot, theme.DARK)
    assert colours.status(claim.status, dark=True) in inspector.status_badge.styleSheet()
    assert swatches() == (rating.color_dark, rating.color_dark)
    qtbot.waitUntil(lambda: inspector.review_hint.palette().color(QPalette.ColorRole.WindowText).name()
                    == colours.role("warning_text", dark=True))
    assert theme.is_dark(inspector.review_hint.palette())  # the rest of its palette is the dark one

    queue = window.review_panel.model
    in_review = next(c for c in window.project.claims() if c.status == "in_review")
    queue_row = queue.row_of(in_review.id)
    icon = queue.data(queue.index(queue_row, queue.RATING), Qt.ItemDataRole.DecorationRole)
    assert icon_color(icon) == window.project.scale.get(in_review.rating).color_dark


def test_the_choice_is_saved_and_offered_checked_next_time(window, qtbot, settings):
    assert window.scheme_actions[theme.SYSTEM].isChecked()
    choose(window, qtbot, theme.DARK)
    assert settings.value(theme.SETTINGS_KEY) == theme.DARK
    assert QApplication.style().name().lower() == "fusion"
    again = MainWindow(settings, "ana")
    qtbot.add_widget(again)
    assert again.scheme_actions[theme.DARK].isChecked()
    assert not again.scheme_actions[theme.SYSTEM].isChecked()


def test_the_system_setting_is_followed_as_it_changes(window, qtbot, monkeypatch):
    hints = QApplication.styleHints()
    with monkeypatch.context() as m:  # the desktop switching as Qt would report it
        theme.apply_scheme(theme.SYSTEM)
        m.setattr(theme, "system_is_dark", lambda: True)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        qtbot.waitUntil(lambda: theme.is_dark(window.view.palette()))
        m.setattr(theme, "system_is_dark", lambda: False)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        qtbot.waitUntil(lambda: not theme.is_dark(window.view.palette()))
        # A scheme chosen in the View menu wins over the system's.
        window.scheme_actions[theme.LIGHT].trigger()
        m.setattr(theme, "system_is_dark", lambda: True)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        QApplication.processEvents()
        assert not theme.is_dark()


def test_reports_keep_their_print_colours_in_the_dark(window, qtbot):
    """A PDF made while the app is dark is the PDF made in the light: paper is white."""
    import zlib

    from factcheck.exporters import _data, pdf

    def colour_operators(data: bytes) -> set[bytes]:
        found = set()
        for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
            try:
                found |= set(re.findall(rb"(?:[\d.]+ ){3}(?:scn|SCN)\b", zlib.decompress(stream.rstrip(b"\r\n"))))
            except zlib.error:
                continue
        return found

    report = _data.gather(window.project, _data.Selection(statuses=frozenset({"draft", "in_review", "approved", "published"})))
    light = colour_operators(pdf.render(report))
    choose(window, qtbot, theme.DARK)
    assert light and colour_operators(pdf.render(report)) == light


# --- no colour written into the UI ------------------------------------------------------

HEX = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
CSS_COLOUR = re.compile(r"\b(?:rgba?|hsla?)\s*\(")
GLOBAL_COLOURS = {"white", "black", "red", "darkRed", "green", "darkGreen", "blue", "darkBlue", "cyan",
                  "darkCyan", "magenta", "darkMagenta", "yellow", "darkYellow", "gray", "darkGray",
                  "lightGray", "transparent", "GlobalColor"}


def colour_literals(source: str) -> list[tuple[int, str]]:
    """Where ``source`` writes a colour: '#rrggbb' or rgb() in a string, QColor(...) of
    constants, Qt.GlobalColor."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if HEX.search(node.value) or CSS_COLOUR.search(node.value):
                found.append((node.lineno, node.value))
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
            if (name == "QColor" or owner == "QColor") and node.args and all(isinstance(a, ast.Constant) for a in node.args):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Attribute) and node.attr in GLOBAL_COLOURS:
            value = node.value
            if isinstance(value, ast.Name) and value.id == "Qt" or isinstance(value, ast.Attribute) and value.attr == "GlobalColor":
                found.append((node.lineno, ast.unparse(node)))
    return found


def test_the_scan_finds_colour_literals():
    source = 'a = QColor("#ff0000")\nb = QColor(1, 2, 3)\nc = "color: #abc;"\nd = Qt.white\ne = "rgba(0,0,0,1)"\nf = QColor(x)\n'
    assert sorted(line for line, _ in colour_literals(source)) == [1, 1, 2, 3, 4, 5]


def test_no_colour_is_written_into_the_ui():
    too_many = {}
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(UI).as_posix()
        found = colour_literals(path.read_text(encoding="utf-8"))
        # A QColor("#...") counts once, not as a call and a string.
        lines = sorted({line for line, _ in found})
        if lines:
            too_many[relative] = found
    assert not too_many, f"colours written into the UI (use core.colours or the rating scale): {too_many}"
