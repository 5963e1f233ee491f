import json

import pytest

from factcheck.core import ratings, resources
from factcheck.core.errors import KnownError


def test_bundled_scales_load():
    scales = ratings.scales()
    assert {"default", "politifact", "washington-post"} <= set(scales)
    default = scales["default"]
    labels = [r.label for r in default.ratings]
    assert labels[:5] == ["True", "Mostly true", "Mixed", "Mostly false", "False"]
    assert {"Misleading", "No evidence", "Unverifiable"} <= set(labels)


@pytest.mark.parametrize("file", sorted(p.name for p in resources.path("ratings").glob("*.json")))
def test_every_rating_is_complete(file):
    data = json.loads(resources.path("ratings", file).read_text(encoding="utf-8"))
    for r in data["ratings"]:
        assert r["label"] and r["description"]
        assert r["color"].startswith("#") and len(r["color"]) == 7
        assert r["value"] is None or 1 <= r["value"] <= 5
        assert isinstance(r["needs_source"], bool)


def test_unverifiable_needs_no_source():
    assert ratings.scale("default").get("unverifiable").needs_source is False
    assert ratings.scale("default").get("false").needs_source is True


def test_unknown_scale_is_a_known_error():
    with pytest.raises(KnownError, match="no rating scale"):
        ratings.scale("stars")


def test_a_spanish_scale_ships_with_claimreview_values():
    from factcheck.core import ratings as ratings_module

    scale = ratings_module.scale("es")
    labels = [r.label for r in scale.ratings]
    assert labels == ["Verdadero", "Verdadero, pero…", "Discutible", "Exagerado", "Engañoso", "Falso",
                      "Insostenible", "Inchequeable"]
    assert scale.get("verdadero").value == 5 and scale.get("falso").value == 1
    assert scale.get("inchequeable").value is None and not scale.get("inchequeable").needs_source
