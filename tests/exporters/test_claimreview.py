"""ClaimReview JSON-LD: the schema.org shape search engines read, checked with a JSON-LD processor."""

from __future__ import annotations

import json
import time

import pytest

from factcheck import exporters
from factcheck.core import model
from factcheck.exporters import claimreview

from factcheck.core.errors import InvalidInput

from .conftest import APPROVED_AT, ARTICLE_URL, FACTCHECK_URL, HOSTILE, approve, expand

SCHEMA = "http://schema.org/"


def reviews(project, **selection):
    return json.loads(exporters.export(project, "claimreview", exporters.Selection(**selection)))


def by_claim(project, data):
    ids = {c.id: c for c in project.claims()}
    return {ids[r["url"].split("#claim-")[1]]: r for r in data}


def test_one_claimreview_per_claim_with_the_guidance_fields(demo_project):
    p = demo_project
    data = reviews(p)
    assert len(data) == len(p.claims())
    found = by_claim(p, data)
    petro = next(c for c in found if "drug cartels to flourish" in c.exact)
    r = found[petro]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    # url is where the fact-check is published; the checked article is the claim's appearance.
    assert r["url"] == f"{FACTCHECK_URL}#claim-{petro.id}"
    assert r["claimReviewed"] == petro.statement
    assert r["datePublished"] == APPROVED_AT[:10]
    assert r["author"] == {"@type": "Organization", "name": "Demo Newsroom (example data)",
                           "url": "https://checkers.example.org/"}
    item = r["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Scott Bessent, US Treasury Secretary"}
    assert item["datePublished"] == "2025-10-24"
    assert item["appearance"]["url"] == ARTICLE_URL and item["firstAppearance"] == item["appearance"]
    # "No evidence" has no number on the scale: a label only.
    assert r["reviewRating"] == {"@type": "Rating", "alternateName": "No evidence", "ratingExplanation": petro.verdict_summary}


def test_published_claims_are_dated_by_publication(demo_project):
    claim = demo_project.claims()[0]
    approve(demo_project, [claim.id], status="published", at="2025-11-02T08:00:00.000Z")
    found = by_claim(demo_project, reviews(demo_project))
    assert found[demo_project.claim(claim.id)]["datePublished"] == "2025-11-02"


def test_numeric_ratings_carry_value_best_and_worst(demo_project):
    found = by_claim(demo_project, reviews(demo_project))
    strikes = next(c for c in found if "destroyed 10 vessels" in c.exact)
    rating = found[strikes]["reviewRating"]
    assert (rating["alternateName"], rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == ("True", 5, 5, 1)
    aid = next(c for c in found if "US aid to Colombia" in c.exact)
    assert found[aid]["reviewRating"]["ratingValue"] == 4
    assert found[aid]["itemReviewed"]["author"]["@type"] == "Organization"  # Associated Press
    assert found[strikes]["itemReviewed"]["author"] == {"@type": "Organization", "name": "AFP"}


def test_a_json_ld_processor_reads_every_field(demo_project):
    expanded = expand(reviews(demo_project))
    assert len(expanded) == len(demo_project.claims())
    for node in expanded:
        assert node["@type"] == [SCHEMA + "ClaimReview"]
        for key in ("url", "claimReviewed", "author", "datePublished", "itemReviewed"):
            assert SCHEMA + key in node, key
        item = node[SCHEMA + "itemReviewed"][0]
        assert item["@type"] == [SCHEMA + "Claim"]
        assert SCHEMA + "appearance" in item and SCHEMA + "firstAppearance" in item
    rated = [n for n in expanded if SCHEMA + "reviewRating" in n]
    assert rated
    for node in rated:
        rating = node[SCHEMA + "reviewRating"][0]
        assert rating["@type"] == [SCHEMA + "Rating"]
        assert rating[SCHEMA + "alternateName"][0]["@value"]
        assert rating[SCHEMA + "ratingExplanation"][0]["@value"]


def test_without_a_factcheck_url_the_pattern_is_used_and_unapproved_dates_are_today(sample_project):
    p, article_id, version = sample_project
    p.set_setting("organisation_name", "Desk")
    p.set_setting("organisation_url", "https://desk.example/")
    start = version.text.index("President Petro has allowed")
    claim_id = p.create_claim(version.id, start, start + 40, rating="false", verdict_summary="Wrong.").created
    (r,) = reviews(p, statuses=model.STATUSES)
    assert "url" not in r  # neither a fact-check URL nor a pattern: no url rather than a wrong one
    every = exporters.Selection(statuses=model.STATUSES)
    (warning,) = [w for w in exporters.warnings(p, "claimreview", every) if "no url" in w]
    assert "Article > Properties" in warning and "Project settings" in warning
    p.set_setting("factcheck_url_pattern", "https://desk.example/checks/{article}/{claim}")
    (r,) = reviews(p, statuses=model.STATUSES)
    assert r["url"] == f"https://desk.example/checks/{article_id}/{claim_id}"
    assert not any("no url" in w for w in exporters.warnings(p, "claimreview", every))
    p.set_setting("factcheck_url_pattern", "https://desk.example/checks/{article}")
    (r,) = reviews(p, statuses=model.STATUSES)
    assert r["url"] == f"https://desk.example/checks/{article_id}#claim-{claim_id}"
    assert r["datePublished"] == model.now()[:10]
    assert r["claimReviewed"] == version.text[start:start + 40]  # no statement: the quote
    assert "appearance" in r["itemReviewed"] and "url" not in r["itemReviewed"]["appearance"]
    assert r["reviewRating"]["ratingValue"] == 1


def test_the_pattern_takes_only_known_placeholders(project):
    with pytest.raises(InvalidInput):
        project.set_setting("factcheck_url_pattern", "https://desk.example/{slug}")
    with pytest.raises(InvalidInput):
        project.set_setting("factcheck_url_pattern", "javascript:alert('{claim}')")


def test_warnings_for_long_claims_and_rating_words(sample_project):
    p, article_id, version = sample_project
    text = version.text
    at = text.index("President Petro")

    def claim(statement):
        return p.create_claim(version.id, at, at + 30, statement=statement, rating="mixed").created

    long_one = claim("A" * 40 + " " + "b" * 40)
    false_word = claim("The FALSE claim that sanctions work")
    mostly_true = claim("It is mostly   true that aid fell")
    innocent = claim("Falsehoods and untrue statements abound")
    approve(p)
    warnings = claimreview.warnings(p, exporters.Selection())
    numbers = {c.id: i for i, c in enumerate(p.claims(article_id), start=1)}
    assert any(w.startswith(f"Claim {numbers[long_one]}: the claim reviewed is 81 characters long") for w in warnings)
    assert any(f"Claim {numbers[false_word]}" in w and "“False”" in w for w in warnings)
    assert any(f"Claim {numbers[mostly_true]}" in w and "“Mostly true”" in w for w in warnings)
    assert not any(f"Claim {numbers[innocent]}:" in w for w in warnings)
    # No fact-check URL and no pattern: said once.
    assert sum("have no url" in w for w in warnings) == 1
    assert exporters.warnings(p, "claimreview") == warnings
    # No organisation's name: the author would be "Unnamed organisation", said once; named, nothing said.
    assert sum("name no author" in w for w in warnings) == 1
    p.set_setting("organisation_name", "La Silla Vacía")
    assert not any("name no author" in w for w in claimreview.warnings(p, exporters.Selection()))


def urls(data) -> list[str]:
    """Every ``url`` value anywhere in the JSON."""
    if isinstance(data, dict):
        return [v for k, v in data.items() if k == "url"] + [u for v in data.values() for u in urls(v)]
    if isinstance(data, list):
        return [u for v in data for u in urls(v)]
    return []


def plant_urls(project, url: str) -> None:
    """Give the articles and the organisation ``url`` the way a file from before core refused it would."""
    project.store.conn.execute("UPDATE articles SET url = ?, factcheck_url = ?", (url, url))
    project.store.conn.execute("UPDATE settings SET value = ? WHERE key IN ('organisation_url', 'factcheck_url_pattern')",
                               (json.dumps(url),))
    project.managers.settings.forget()




#: Script and other non-web URLs, in the disguises browsers see through.
SCRIPT_URLS = [
    "javascript:alert(1)", "\tJavaScript:alert(2)", "  JAVASCRIPT:alert(3)", "java\tscript:alert(4)",
    "\x01javascript:alert(5)", "vbscript:msgbox(6)", " VBScript:msgbox(7)",
    "data:text/html,<script>alert(8)</script>", "\tDATA:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd",
]


def test_hostile_text_is_kept_exactly(hostile_project):
    data = reviews(hostile_project)
    assert {r["claimReviewed"] for r in data} == set(HOSTILE)
    assert {r["itemReviewed"]["author"]["name"] for r in data} == set(HOSTILE)
    # The article's javascript: URL (kept in a file from before core refused it) is not where
    # a ClaimReview may point: no url at all, and the script nowhere in the output.
    assert urls(data) == []
    assert "javascript" not in exporters.export(hostile_project, "claimreview").decode("utf-8").lower()


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_no_script_url_reaches_a_url_field(demo_project, url):
    plant_urls(demo_project, url)
    out = exporters.export(demo_project, "claimreview").decode("utf-8")
    data = json.loads(out)
    assert data and urls(data) == []
    for scheme in ("javascript", "vbscript", "data:", "file:"):
        assert scheme not in out.lower()
    # A web URL next to it is still used: the pattern's, when the article's is refused.
    demo_project.set_setting("organisation_url", "https://checkers.example.org/")
    demo_project.set_setting("factcheck_url_pattern", "https://checkers.example.org/checks/{claim}")
    data = reviews(demo_project)
    assert urls(data) and all(u.startswith("https://checkers.example.org/") for u in urls(data))
    assert sum("/checks/" in u for u in urls(data)) == len(data)


def test_five_thousand_reviews_are_quick(sample_project):
    p, article_id, version = sample_project
    at = version.text.index("President Petro")
    for _ in range(200):
        p.create_claim(version.id, at, at + 30, statement="s", rating="true", verdict_summary="v")
    approve(p)
    report = exporters._data.gather(p, exporters.Selection())
    t0 = time.perf_counter()
    claimreview.render(report)
    assert time.perf_counter() - t0 < 0.5  # 200 claims: far below the 5,000-claim budget


@pytest.mark.parametrize("name,kind", [
    ("Scott Bessent, US Treasury Secretary", "Person"),
    ("Donald Trump", "Person"),
    ("AFP", "Organization"),
    ("Associated Press", "Organization"),
    ("Ministry of Health", "Organization"),
    ("The White House", "Organization"),
    ("María José García", "Person"),
])
def test_claimant_type(name, kind):
    assert claimreview._claimant_type(name) == kind
