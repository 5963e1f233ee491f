"""Where an earlier verdict's review stands: kept by the library, brought up to date by a review decision, and
whether it may be used; which claims never suggest themselves; an unrelated claim sharing a common word."""

from __future__ import annotations

import json

import pytest

from factcheck.core import library, model, reuse
from factcheck.core.library import Library
from factcheck.core.project import Project
from tests.conftest import imported

TEXT = ("The minister said unemployment fell to a record low of 4.1% in October. "
        "Traffic on the old bridge has tripled since 2015, a councillor said.")
UNEMPLOYMENT = "unemployment fell to a record low of 4.1% in October"
BRIDGE = "Traffic on the old bridge has tripled since 2015"


@pytest.fixture
def lib(tmp_path):
    opened = Library.open(tmp_path / "library.sqlite")
    yield opened
    opened.close()


@pytest.fixture
def project(tmp_path):
    """A project with a rated, sourced draft on unemployment and one on the bridge; the second is submitted."""
    with Project.create(tmp_path / "a.factcheck", user="ana") as p:
        version = p.current_version(p.import_article(imported(TEXT)).created)
        for quote, rating, summary in ((UNEMPLOYMENT, "mostly-false", "It was 4.6%; 3.9% in 2019."),
                                       (BRIDGE, "false", "A 12% rise since 2015.")):
            start = TEXT.index(quote)
            claim_id = p.create_claim(version.id, start, start + len(quote)).created
            p.update_claim(claim_id, statement=quote, rating=rating, verdict_summary=summary)
            source_id = p.create_source(title="Official figures", url=f"https://stats.example.org/{start}").created
            p.cite(claim_id, source_id, "contradicts")
            p.review(claim_id, "submit")
    return tmp_path / "a.factcheck"


def claim_of(path, quote: str) -> model.Claim:
    with Project.open(path, read_only=True) as p:
        return next(c for c in p.claims() if c.exact == quote)


def decide(path, quote: str, action: str, *, by: str = "eva", comment: str = "") -> model.Claim:
    """A review decision taken in the project by ``by`` (another editor than the checker: four eyes)."""
    with Project.open(path, user=by) as p:
        claim = next(c for c in p.claims() if c.exact == quote)
        p.review(claim.id, action, comment=comment)
        return p.claim(claim.id)


def entry(lib, claim_id: str) -> library.Match:
    return next(m for m in lib.match(UNEMPLOYMENT, top=5) if m.claim_id == claim_id)


def test_a_review_decision_reaches_the_entry_through_the_incremental_pass(project, lib, monkeypatch):
    """A decision is an event on the claim: the next pass reads that claim alone and its entry says the new status,
    and, once approved or published, the day of it."""
    lib.add(project)
    claim_id = claim_of(project, UNEMPLOYMENT).id
    assert entry(lib, claim_id).status == model.IN_REVIEW

    def whole_pass(*_args, **_kwargs):
        raise AssertionError("a review decision must not need a whole pass")

    monkeypatch.setattr(Library, "_index_project", whole_pass)
    decide(project, UNEMPLOYMENT, "request_changes", comment="The October figure is 4.6%.")
    assert not lib.add_project(project).unchanged
    assert entry(lib, claim_id).status == model.CHANGES_REQUESTED

    with Project.open(project, user="ana") as p:
        p.review(claim_id, "submit")
    approved = decide(project, UNEMPLOYMENT, "approve")
    lib.add_project(project)
    assert (entry(lib, claim_id).status, entry(lib, claim_id).date) == (model.APPROVED, approved.approved_at[:10])
    published = decide(project, UNEMPLOYMENT, "publish")
    lib.add_project(project)
    assert (entry(lib, claim_id).status, entry(lib, claim_id).date) == (model.PUBLISHED, published.published_at[:10])


def test_a_verdict_is_used_only_once_signed_off_or_published_as_a_fact_check(project, lib, tmp_path):
    decide(project, UNEMPLOYMENT, "request_changes", comment="The October figure is 4.6%.")
    lib.add(project)
    sent_back = entry(lib, claim_of(project, UNEMPLOYMENT).id)
    assert reuse.refusal(sent_back) == "An editor asked for changes: its verdict can't be reused."
    in_review = next(m for m in lib.match(BRIDGE) if m.claim_id == claim_of(project, BRIDGE).id)
    assert reuse.refusal(in_review) == "Not approved yet: its verdict can't be reused."
    decide(project, BRIDGE, "approve")
    lib.add_project(project)
    assert reuse.refusal(next(m for m in lib.match(BRIDGE) if m.claim_id == claim_of(project, BRIDGE).id)) is None
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"@type": "ClaimReview", "url": "https://checks.example.org/jobs",
                                "claimReviewed": "The government created 250,000 jobs since January",
                                "author": {"name": "Example Checks"}, "datePublished": "2025-10-24",
                                "reviewRating": {"alternateName": "False"}}), encoding="utf-8")
    lib.add(feed)
    (published,) = lib.match("250,000 jobs created since January")
    assert (published.kind, published.author, published.date) == (library.CLAIMREVIEW, "Example Checks", "2025-10-24")
    assert reuse.refusal(published) is None


def test_an_unrelated_claim_sharing_a_common_word_is_not_suggested(project, lib):
    """The walk: a claim on jobs "since January" was offered the bridge's traffic "since 2015"."""
    lib.add(project)
    assert lib.match("She added that the government had created 250,000 new jobs since January.") == []
    assert [m.statement for m in lib.match("Unemployment fell to a record low")] == [UNEMPLOYMENT]


def test_a_claim_of_the_article_at_the_same_words_is_the_same_check(project, lib, tmp_path):
    """A second claim begun on the same quote is the same check, not an earlier verdict; a claim of the article
    on other words, or one on the same words in another article, is an earlier verdict."""
    with Project.open(project, user="luis") as p:
        first = next(c for c in p.claims() if c.exact == UNEMPLOYMENT)
        twin = p.claim(p.create_claim(first.version_id, first.start, first.end).created)
        elsewhere = p.current_version(p.import_article(imported(TEXT, title="Follow-up")).created)
        start = TEXT.index(UNEMPLOYMENT)
        other_article = p.create_claim(elsewhere.id, start, start + len(UNEMPLOYMENT)).created
        p.update_claim(other_article, statement=UNEMPLOYMENT, rating="false", verdict_summary="It was 4.6%.")
    lib.add(project)
    found = lib.match(UNEMPLOYMENT + ". " + BRIDGE, top=5, exclude=(str(project), twin.id))
    with Project.open(project, read_only=True) as p:
        same = {m.claim_id for m in found if library.same_check(p, twin, m)}
    assert same == {first.id}
    assert {m.claim_id for m in found} - same == {claim_of(project, BRIDGE).id, other_article}
