"""Every colour behind or in text reads at WCAG AA (4.5:1), in the light and the dark palette.

Highlights are translucent: what a reader sees is the tint painted over the page's base
colour, so each rating's colour is composited at every alpha the article view uses (one
claim, overlaps, the claim being shown) before its contrast with the text is measured.
"""

from __future__ import annotations

import colorsys
import json

import pytest

from factcheck.core import colours, ratings, resources
from factcheck.core.colours import AA, DARK, LIGHT

SCALE_FILES = sorted(resources.path("ratings").glob("*.json"))
RATINGS = [(scale.key, r) for scale in ratings.scales().values() for r in scale.ratings]
RATING_IDS = [f"{key}:{r.key}" for key, r in RATINGS]


def hue(color: str) -> float:
    r, g, b = (c / 255 for c in colours.parse(color))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


def hue_distance(a: str, b: str) -> float:
    d = abs(hue(a) - hue(b)) % 360
    return min(d, 360 - d)


# --- the formula ------------------------------------------------------------------------


@pytest.mark.parametrize("fg, bg, expected", [
    ("#000000", "#ffffff", 21.0),
    ("#ffffff", "#000000", 21.0),  # the order does not matter
    ("#777777", "#ffffff", 4.48),  # the classic grey that just fails AA
    ("#767676", "#ffffff", 4.54),  # ... and the one that just passes
    ("#777", "#fff", 4.48),  # short hex
    ("#ff0000", "#ffffff", 4.0),
    ("#336699", "#336699", 1.0),
])
def test_contrast_of_known_pairs(fg, bg, expected):
    assert colours.contrast(fg, bg) == pytest.approx(expected, abs=0.01)


def test_relative_luminance_ends_and_middle():
    assert colours.relative_luminance("#000000") == 0
    assert colours.relative_luminance("#ffffff") == pytest.approx(1)
    assert colours.relative_luminance("#808080") == pytest.approx(0.2159, abs=1e-4)
    # green weighs most, blue least
    assert colours.relative_luminance("#00ff00") > colours.relative_luminance("#ff0000") > colours.relative_luminance("#0000ff")


def test_over_composites_like_a_painter():
    assert colours.over("#ff0000", 0, "#ffffff") == "#ffffff"
    assert colours.over("#ff0000", 255, "#ffffff") == "#ff0000"
    assert colours.over("#000000", 70, "#ffffff") == "#b9b9b9"  # 255 * (1 - 70/255)


def test_parse_refuses_what_is_not_a_colour():
    with pytest.raises(ValueError):
        colours.parse("red")


def test_dark_is_decided_by_the_window_colour():
    assert not colours.is_dark(LIGHT.window) and not LIGHT.is_dark
    assert colours.is_dark(DARK.window) and DARK.is_dark


# --- every rating, light and dark -------------------------------------------------------


@pytest.mark.parametrize("scale_key, rating", RATINGS, ids=RATING_IDS)
def test_highlighted_text_keeps_aa_in_the_light_palette(scale_key, rating):
    for alpha in colours.PAINTED_ALPHAS:
        painted = colours.over(rating.color, alpha, LIGHT.base)
        ratio = colours.contrast(LIGHT.text, painted)
        assert ratio >= AA, f"{scale_key}:{rating.key} {rating.color} at alpha {alpha}: {ratio:.2f}:1"


@pytest.mark.parametrize("scale_key, rating", RATINGS, ids=RATING_IDS)
def test_highlighted_text_keeps_aa_in_the_dark_palette(scale_key, rating):
    for alpha in colours.PAINTED_ALPHAS:
        painted = colours.over(rating.color_dark, alpha, DARK.base)
        ratio = colours.contrast(DARK.text, painted)
        assert ratio >= AA, f"{scale_key}:{rating.key} {rating.color_dark} at alpha {alpha}: {ratio:.2f}:1"


@pytest.mark.parametrize("scale_key, rating", RATINGS, ids=RATING_IDS)
def test_the_dark_variant_is_the_same_hue(scale_key, rating):
    assert hue_distance(rating.color, rating.color_dark) <= 12, (rating.color, rating.color_dark)


@pytest.mark.parametrize("file", SCALE_FILES, ids=lambda p: p.name)
def test_every_bundled_rating_names_its_dark_colour(file):
    for r in json.loads(file.read_text(encoding="utf-8"))["ratings"]:
        assert "color_dark" in r, (
            f'{file.name}: rating {r["key"]!r} has no "color_dark" '
            f"(colours.dark_variant({r['color']!r}) = {colours.dark_variant(r['color'])!r} would do)")
        assert colours.parse(r["color_dark"])


@pytest.mark.parametrize("role", ["unrated", "find"])
def test_tints_of_named_colours_keep_aa(role):
    for palette, dark in ((LIGHT, False), (DARK, True)):
        color = colours.role(role, dark)
        alphas = (colours.FIND_ALPHA,) if role == "find" else colours.PAINTED_ALPHAS
        assert colours.worst_contrast(color, palette.base, palette.text, alphas) >= AA, (role, dark)


def test_overlaps_deepen_the_tint_up_to_the_cap():
    assert [colours.tint_alpha(n) for n in (1, 2, 3, 4, 9)] == [70, 120, 170, 170, 170]
    assert max(colours.PAINTED_ALPHAS) == colours.TINT_ALPHA_MAX


# --- lines on the tints: underlines and outlines stand out 3:1 --------------------------


@pytest.mark.parametrize("scale_key, rating", RATINGS, ids=RATING_IDS)
def test_fuzzy_and_overlap_underlines_stand_out_from_every_tint(scale_key, rating):
    for palette, dark, color in ((LIGHT, False, rating.color), (DARK, True, rating.color_dark)):
        for alpha in colours.PAINTED_ALPHAS:
            painted = colours.over(color, alpha, palette.base)
            for line in (colours.role("fuzzy", dark), color):
                assert colours.contrast(colours.legible(line, painted), painted) >= 3.0


def test_legible_keeps_a_colour_that_already_stands_out_and_moves_one_that_does_not():
    assert colours.legible("#000000", "#ffffff") == "#000000"
    darker = colours.legible("#ffab40", "#ffffff")
    assert colours.contrast(darker, "#ffffff") >= 3.0
    assert hue_distance(darker, "#ffab40") <= 5
    lighter = colours.legible("#1b4d1e", DARK.base)
    assert colours.contrast(lighter, DARK.base) >= 3.0
    assert colours.lightness(lighter) > colours.lightness("#1b4d1e")


# --- derived dark colours, text colours, badges, the dark palette -----------------------


@pytest.mark.parametrize("color", ["#ffeb3b", "#00bcd4", "#7f0000", "#ffffff", "#9e9e9e", "#e91e63"])
def test_a_scale_without_dark_colours_gets_readable_ones(color):
    derived = colours.dark_variant(color)
    assert colours.worst_contrast(derived, DARK.base, DARK.text) >= AA
    if colours.parse(color) != (255, 255, 255) and max(colours.parse(color)) != min(colours.parse(color)):
        assert hue_distance(color, derived) <= 12


def test_a_rating_without_color_dark_derives_it():
    scale = ratings._parse({"key": "t", "name": "T", "ratings": [
        {"key": "a", "label": "A", "color": "#ffeb3b"},
        {"key": "b", "label": "B", "color": "#2e7d32", "color_dark": "#388e3c"},
    ]})
    a, b = scale.ratings
    assert a.color_dark == colours.dark_variant("#ffeb3b")
    assert b.color_dark == "#388e3c"
    assert a.color_for(dark=False) == "#ffeb3b" and a.color_for(dark=True) == a.color_dark


def test_a_bad_dark_colour_is_refused():
    with pytest.raises(ValueError):
        ratings._parse({"key": "t", "name": "T", "ratings": [
            {"key": "a", "label": "A", "color": "#ffeb3b", "color_dark": "dark yellow"}]})


@pytest.mark.parametrize("role", [r for r in colours.ROLES if r.endswith("_text")])
def test_text_colours_keep_aa_on_window_base_and_notes(role):
    for palette, dark in ((LIGHT, False), (DARK, True)):
        color = colours.role(role, dark)
        for background in (palette.window, palette.base, palette.alternate_base, colours.role("note_background", dark)):
            assert colours.contrast(color, background) >= AA, (role, dark, background)


def test_text_on_a_private_note_keeps_aa():
    for palette, dark in ((LIGHT, False), (DARK, True)):
        assert colours.contrast(palette.text, colours.role("note_background", dark)) >= AA


@pytest.mark.parametrize("state", sorted(colours.STATUS))
def test_status_badges_keep_aa(state):
    for dark in (False, True):
        assert colours.contrast(colours.BADGE_TEXT, colours.status(state, dark)) >= AA


@pytest.mark.parametrize("fg, bg", [
    ("text", "base"), ("text", "alternate_base"), ("window_text", "window"), ("button_text", "button"),
    ("highlighted_text", "highlight"), ("tooltip_text", "tooltip_base"), ("placeholder", "base"),
    ("link", "base"), ("link_visited", "base"),
])
def test_the_dark_palette_reads(fg, bg):
    assert colours.contrast(getattr(DARK, fg), getattr(DARK, bg)) >= AA


def test_readable_alpha_lightens_a_tint_only_when_the_theme_needs_it():
    # The bundled palettes need nothing.
    assert colours.readable_alpha("#2e7d32", 170, LIGHT.base, LIGHT.text) == 170
    # A system theme with grey text: the tint is lightened until the text reads.
    alpha = colours.readable_alpha("#2e7d32", 170, "#ffffff", "#555555")
    assert alpha < 170
    assert colours.contrast("#555555", colours.over("#2e7d32", alpha, "#ffffff")) >= AA
    # A theme already below the bar without any tint: nothing a tint can do.
    assert colours.readable_alpha("#2e7d32", 170, "#ffffff", "#777777") == 170
