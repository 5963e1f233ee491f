"""Light and dark: the colour scheme (system, light or dark), the dark palette, and the
colours widgets paint with, in the variant that matches the palette in use.

Every colour comes from ``core.colours`` or the rating scale, never a literal here or in a
widget, so one test can check them all for contrast. A widget that paints colours of
its own re-colours them on ``notifier().sig_changed``; labels in a named colour follow
through ``set_text_role``.
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QObject, QRectF, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QWidget

from factcheck.core import colours, ratings
from factcheck.core.text import N_

SYSTEM, LIGHT, DARK = "system", "light", "dark"
SCHEMES = (SYSTEM, LIGHT, DARK)
#: View > Colours' choices, shown through ``language.ui`` (marked here, translated when shown).
SCHEME_LABELS = {SYSTEM: N_("Follow the &system"), LIGHT: N_("&Light"), DARK: N_("&Dark")}
SETTINGS_KEY = "view/colour_scheme"

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup
_state: dict = {"scheme": SYSTEM, "style": None, "listening": False, "notifier": None, "announced": None}


# --- which variant ----------------------------------------------------------------------


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (the application's by default) paints a dark window."""
    palette = palette if palette is not None else QApplication.palette()
    key = palette.cacheKey()  # views ask on every paint of every row: remember the answer
    if _dark_cache[0] != key:
        _dark_cache[:] = [key, colours.is_dark(palette.color(_Role.Window).name())]
    return _dark_cache[1]


_dark_cache: list = [None, False]


def rating_color(rating: ratings.Rating | None, palette: QPalette | None = None) -> str:
    """A rating's colour for this palette; the unrated colour for ``None``."""
    dark = is_dark(palette)
    return rating.color_for(dark) if rating is not None else colours.role("unrated", dark)


def color(role: str, palette: QPalette | None = None) -> QColor:
    """A named colour of ``core.colours.ROLES`` for this palette."""
    return QColor(colours.role(role, is_dark(palette)))


def status_color(state: str, palette: QPalette | None = None) -> QColor:
    return QColor(colours.status(state, is_dark(palette)))


def tint(color_name: str, alpha: int, palette: QPalette | None = None) -> QColor:
    """``color_name`` as a translucent highlight behind text, kept readable on this palette.

    The bundled colours pass AA at every alpha in the light and the dark palette; a system
    theme with unusual colours gets a lighter tint instead of unreadable text.
    """
    palette = palette if palette is not None else QApplication.palette()
    base, text = palette.color(_Role.Base).name(), palette.color(_Role.Text).name()
    tinted = QColor(color_name)
    tinted.setAlpha(colours.readable_alpha(color_name, alpha, base, text))
    return tinted


def line_color(color_name: str, background: QColor, palette: QPalette | None = None) -> QColor:
    """A line (underline, outline) in ``color_name``'s hue that stands out from ``background``
    (a translucent background is taken as painted over the palette's base)."""
    palette = palette if palette is not None else QApplication.palette()
    base = palette.color(_Role.Base).name()
    painted = colours.over(background.name(), background.alpha(), base) if background.alpha() < 255 else background.name()
    return QColor(colours.legible(color_name, painted))


# --- the dark palette -------------------------------------------------------------------


def dark_palette() -> QPalette:
    """``core.colours.DARK`` as a QPalette (the Fusion style honours every role)."""
    d = colours.DARK
    palette = QPalette()
    for role, value in (
        (_Role.Window, d.window), (_Role.WindowText, d.window_text), (_Role.Base, d.base),
        (_Role.AlternateBase, d.alternate_base), (_Role.Text, d.text), (_Role.Button, d.button),
        (_Role.ButtonText, d.button_text), (_Role.Highlight, d.highlight),
        (_Role.HighlightedText, d.highlighted_text), (_Role.PlaceholderText, d.placeholder),
        (_Role.Light, d.light), (_Role.Midlight, d.midlight), (_Role.Mid, d.mid), (_Role.Dark, d.dark),
        (_Role.Shadow, d.shadow), (_Role.Link, d.link), (_Role.LinkVisited, d.link_visited),
        (_Role.ToolTipBase, d.tooltip_base), (_Role.ToolTipText, d.tooltip_text),
        (_Role.BrightText, d.bright_text), (_Role.Accent, d.highlight),
    ):
        palette.setColor(role, QColor(value))
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText, _Role.PlaceholderText):
        palette.setColor(_Group.Disabled, role, QColor(d.disabled_text))
    palette.setColor(_Group.Disabled, _Role.Highlight, QColor(d.mid))
    return palette


def indicator_frame_color(palette: QPalette) -> QColor:
    """The frame of a check box or radio button: the palette's mid, lightened to 3:1 against the window."""
    return QColor(colours.legible(palette.color(_Role.Mid).name(), palette.color(_Role.Window).name()))


class DarkFusionStyle(QProxyStyle):
    """Fusion, with check box and radio button frames that show on a dark window.

    Fusion draws those frames in the window colour darkened, whatever the other palette
    roles say: on a dark window an unticked box was all but invisible.
    """

    _INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)

    def __init__(self):
        super().__init__("Fusion")

    def name(self) -> str:
        return self.baseStyle().name()  # still Fusion, for whoever asks which style is in use

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in self._INDICATORS or not is_dark(option.palette):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(indicator_frame_color(option.palette), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            painter.drawRect(rect)
        else:
            painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.restore()


# --- the scheme -------------------------------------------------------------------------


def scheme() -> str:
    """The scheme chosen last: system, light or dark."""
    return _state["scheme"]


def saved_scheme(settings: QSettings) -> str:
    value = str(settings.value(SETTINGS_KEY, SYSTEM) or SYSTEM)
    return value if value in SCHEMES else SYSTEM


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hasattr(hints, "colorScheme") and hints.colorScheme() == Qt.ColorScheme.Dark


def apply_scheme(name: str) -> None:
    """Paint the app light or dark: ``system`` follows the desktop's setting as it changes.

    Dark applies ``dark_palette`` with the Fusion style unless the platform's own palette
    is dark already; light and system-light restore the platform's palette and style.
    Widgets that colour things themselves hear of it through ``notifier().sig_changed``.
    """
    app = QApplication.instance()
    if app is None:
        return
    name = name if name in SCHEMES else SYSTEM
    _state["scheme"] = name
    if _state["style"] is None:
        _state["style"] = app.style().name()
    _listen(app)
    _hint_platform(app, name)
    want_dark = name == DARK or (name == SYSTEM and system_is_dark())
    app.setPalette(QPalette())  # the platform's own palette: dark already on some desktops
    if want_dark and not is_dark(app.palette()):
        if not isinstance(app.style(), DarkFusionStyle):
            app.setStyle(DarkFusionStyle())
        app.setPalette(dark_palette())
    elif not want_dark and app.style().name() != _state["style"]:
        app.setStyle(_state["style"])
        app.setPalette(QPalette())
    _announce()


def _hint_platform(app: QApplication, name: str) -> None:
    """Tell the platform (title bars, native dialogs) the scheme chosen, where Qt can (6.8+)."""
    hints = app.styleHints()
    if not hasattr(hints, "setColorScheme"):
        return
    if name == SYSTEM:
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(Qt.ColorScheme.Dark if name == DARK else Qt.ColorScheme.Light)


def _listen(app: QApplication) -> None:
    if _state["listening"] or not hasattr(app.styleHints(), "colorSchemeChanged"):
        return
    _state["listening"] = True
    app.styleHints().colorSchemeChanged.connect(_on_hints_color_scheme_changed)


def _on_hints_color_scheme_changed(*_args) -> None:
    if _state["scheme"] == SYSTEM:
        apply_scheme(SYSTEM)


# --- telling widgets --------------------------------------------------------------------


class ThemeNotifier(QObject):
    """The one place widgets hear that the app's colours changed.

    A signal, not a ``changeEvent`` override or an event filter per widget: Python code run
    from a widget's own events can run while Qt is painting or destroying it.
    """

    sig_changed = Signal(bool)
    """The application palette changed between light and dark, or its colours did (True: dark)."""


def notifier() -> ThemeNotifier:
    app = QApplication.instance()
    found = _state["notifier"]
    if found is None or not shiboken6.isValid(found) or found.parent() is not app:
        found = _state["notifier"] = ThemeNotifier(app)
    return found


def _announce() -> None:
    palette = QApplication.palette()
    key = tuple(palette.color(role).name() for role in (_Role.Window, _Role.Base, _Role.Text))
    if key == _state["announced"]:
        return
    _state["announced"] = key
    for label in list(_labels):
        if shiboken6.isValid(label):
            _paint_text(label)
    notifier().sig_changed.emit(is_dark(palette))


# --- labels in a named colour -----------------------------------------------------------

_TEXT_ROLE = "factcheck_text_role"
_labels: weakref.WeakSet = weakref.WeakSet()


def set_text_role(widget: QWidget, role: str) -> None:
    """Draw ``widget``'s text in a named colour (``warning_text``, ``error_text``...) that
    follows the theme; an empty role gives the palette's own text colour back."""
    widget.setProperty(_TEXT_ROLE, role)
    _labels.add(widget)
    _paint_text(widget)


def _paint_text(widget: QWidget) -> None:
    role = widget.property(_TEXT_ROLE)
    if role:
        wanted = color(role)
        palette = QPalette(widget.palette())
        if palette.color(_Role.WindowText) == wanted and palette.color(_Role.Text) == wanted:
            return
        palette.setColor(_Role.WindowText, wanted)
        palette.setColor(_Role.Text, wanted)
    else:
        palette = QPalette()  # nothing of its own: everything inherited again
    widget.setPalette(palette)
