"""Colours that read in light and dark themes: WCAG contrast, tints, the palettes' colours.

Pure: the UI turns these hex strings into ``QColor`` and ``QPalette``; tests check every
rating colour against the palettes here without a display. Reports keep the light colours.
"""

from __future__ import annotations

import colorsys
import dataclasses

#: WCAG 2.x level AA for normal text.
AA = 4.5

#: Highlight tints, as alpha over the text's background (0..255): one claim, each further
#: claim over the same words (up to the maximum), and the claim being shown.
TINT_ALPHA = 70
TINT_ALPHA_STEP = 50
TINT_ALPHA_MAX = 170
EMPHASIS_ALPHA = 150
FIND_ALPHA = 150

RGB = tuple[int, int, int]


def parse(color: str) -> RGB:
    """``"#rrggbb"`` or ``"#rgb"`` as 0..255 channels."""
    digits = color.strip().lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(rgb: RGB) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def relative_luminance(color: str) -> float:
    """WCAG 2.x relative luminance: 0 for black, 1 for white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = parse(color)
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two opaque colours, 1 (same) to 21 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    light, dark = max(la, lb), min(la, lb)
    return (light + 0.05) / (dark + 0.05)


def over(color: str, alpha: int, under: str) -> str:
    """``color`` at ``alpha`` (0..255) painted over the opaque ``under``, as painted on screen."""
    share = alpha / 255
    return to_hex(tuple(u + (c - u) * share for c, u in zip(parse(color), parse(under))))


def lightness(color: str) -> float:
    """HSL lightness, 0..1 (what decides whether a background is dark)."""
    rgb = parse(color)
    return (max(rgb) + min(rgb)) / 2 / 255


def is_dark(background: str) -> bool:
    """Whether a window background is dark, so text on it is light."""
    return lightness(background) < 0.5


def tint_alpha(count: int) -> int:
    """The tint of words covered by ``count`` claims: deeper with each overlapping claim."""
    return min(TINT_ALPHA_MAX, TINT_ALPHA + TINT_ALPHA_STEP * (max(1, count) - 1))


#: Every alpha a claim's colour is painted at behind text: the overlap tints and the emphasis.
PAINTED_ALPHAS = tuple(sorted({tint_alpha(n) for n in range(1, 10)} | {EMPHASIS_ALPHA}))


def worst_contrast(color: str, base: str, text: str, alphas=PAINTED_ALPHAS) -> float:
    """The lowest contrast of ``text`` over ``color`` tinted at each alpha over ``base``."""
    return min(contrast(text, over(color, a, base)) for a in alphas)


def readable_alpha(color: str, alpha: int, base: str, text: str, minimum: float = AA) -> int:
    """``alpha``, lowered if need be so ``text`` keeps ``minimum`` contrast over the tint.

    The bundled colours pass at every alpha in the palettes below; this keeps a system
    theme with unusual text and base colours readable too.
    """
    if contrast(text, base) < minimum:
        return alpha  # the theme itself is below the bar: a tint cannot fix it
    while alpha > 0 and contrast(text, over(color, alpha, base)) < minimum:
        alpha -= 5
    return max(alpha, 0)


def legible(color: str, background: str, minimum: float = 3.0) -> str:
    """``color``, or the nearest shade of its hue that stands out ``minimum``:1 from ``background``.

    For lines and marks (underlines, outlines; WCAG asks 3:1 of them): darker on a light
    background, lighter on a dark one.
    """
    if contrast(color, background) >= minimum:
        return color
    r, g, b = (c / 255 for c in parse(color))
    hue, light, saturation = colorsys.rgb_to_hls(r, g, b)
    step = -0.02 if lightness(background) >= 0.5 else 0.02
    while 0 <= light + step <= 1:
        light += step
        candidate = to_hex(tuple(c * 255 for c in colorsys.hls_to_rgb(hue, light, saturation)))
        if contrast(candidate, background) >= minimum:
            return candidate
    return "#000000" if step < 0 else "#ffffff"


def dark_variant(color: str, base: str | None = None, text: str | None = None) -> str:
    """A darker, calmer shade of ``color``'s hue that light text reads over at every tint.

    The fallback for a rating without ``color_dark``: same hue, the lightest shade that
    keeps AA (with a margin) over the dark palette's base at every painted alpha.
    """
    base = base or DARK.base
    text = text or DARK.text
    r, g, b = (c / 255 for c in parse(color))
    hue, light, saturation = colorsys.rgb_to_hls(r, g, b)
    saturation = min(saturation, 0.7)
    light = 0.6
    while light > 0.05:
        candidate = to_hex(tuple(c * 255 for c in colorsys.hls_to_rgb(hue, light, saturation)))
        if worst_contrast(candidate, base, text) >= AA + 0.3:
            return candidate
        light -= 0.01
    return to_hex(tuple(c * 255 for c in colorsys.hls_to_rgb(hue, 0.05, saturation)))


@dataclasses.dataclass(frozen=True)
class Palette:
    """The colours of a theme's palette that matter here, plus the dark one the app applies."""

    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    placeholder: str
    light: str
    midlight: str
    mid: str
    dark: str
    shadow: str
    link: str
    link_visited: str
    tooltip_base: str
    tooltip_text: str
    bright_text: str
    disabled_text: str

    @property
    def is_dark(self) -> bool:
        return is_dark(self.window)


#: Qt's Fusion light palette: the reference the light colours are checked against.
LIGHT = Palette(
    window="#efefef", window_text="#000000", base="#ffffff", alternate_base="#f7f7f7", text="#000000",
    button="#efefef", button_text="#000000", highlight="#308cc6", highlighted_text="#ffffff",
    placeholder="#5f5f5f", light="#ffffff", midlight="#cacaca", mid="#b8b8b8", dark="#9f9f9f",
    shadow="#767676", link="#0000ff", link_visited="#ff00ff", tooltip_base="#ffffdc", tooltip_text="#000000",
    bright_text="#ffffff", disabled_text="#8c8c8c",
)

#: The dark palette the app applies (with the Fusion style) when dark is chosen.
DARK = Palette(
    window="#2a2a2a", window_text="#e6e6e6", base="#1e1e1e", alternate_base="#262626", text="#e6e6e6",
    button="#333333", button_text="#e6e6e6", highlight="#2f6fb3", highlighted_text="#ffffff",
    placeholder="#a0a0a0", light="#4a4a4a", midlight="#3c3c3c", mid="#555555", dark="#151515",
    shadow="#0a0a0a", link="#7ab8ff", link_visited="#c8a2ff", tooltip_base="#3a3a3a", tooltip_text="#e6e6e6",
    bright_text="#ff8a80", disabled_text="#7c7c7c",
)

#: Named colours the UI paints with, (light, dark). Text roles read over the window or
#: base colour; ``find`` and ``unrated`` are tints behind text like a rating's colour.
ROLES: dict[str, tuple[str, str]] = {
    "unrated": ("#78909c", "#56646b"),  # a claim without a rating yet
    "fuzzy": ("#bf360c", "#ffab40"),  # the wavy underline: a person must confirm the words
    "find": ("#ffd54f", "#8a6d00"),  # find matches
    "warning_text": ("#a34a08", "#fbbf24"),
    "error_text": ("#b91c1c", "#ff8a80"),
    "muted_text": ("#4b5563", "#b0b7c0"),
    "resolved_text": ("#5f6673", "#9ca3af"),
    "note_background": ("#fef9c3", "#3d3814"),  # a private note in a comment thread
}

#: Review-state badge backgrounds, (light, dark); the badge's text is white.
STATUS: dict[str, tuple[str, str]] = {
    "draft": ("#6b7280", "#5b616b"),
    "in_review": ("#2563eb", "#1d4ed8"),
    "changes_requested": ("#c2410c", "#b23c0b"),
    "approved": ("#15803d", "#166534"),
    "published": ("#6d28d9", "#5b21b6"),
}
BADGE_TEXT = "#ffffff"


def role(name: str, dark: bool) -> str:
    """A named colour in the light or dark variant."""
    light_color, dark_color = ROLES[name]
    return dark_color if dark else light_color


def status(state: str, dark: bool) -> str:
    """A review state's badge colour (draft's for an unknown state)."""
    light_color, dark_color = STATUS.get(state, STATUS["draft"])
    return dark_color if dark else light_color
