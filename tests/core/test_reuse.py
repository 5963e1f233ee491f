"""Use this verdict: an earlier check's rating, summary and sources copied into a draft, saying where from."""

from __future__ import annotations

import json

import pytest

from factcheck.core import history, library, reuse, timeline
from factcheck.core.errors import Conflict, InvalidInput
from factcheck.core.project import Project
from factcheck.exporters import _data, markdown
from tests.conftest import imported

EARLIER = "The mayor said homicides in Cali fell by half in 2024."
NEW = "Cali cut its murders in half last year, the mayor claims."


@pytest.fixture
def setup(tmp_path):
    earlier_path, new_path = tmp_path / "earlier.factcheck", tmp_path / "new.factcheck"
    with Project.create(earlier_path, user="ana") as p:
        version = p.current_version(p.import_article(imported(EARLIER)).created)
        claim_id = p.create_claim(version.id, 0, len(EARLIER)).created
        p.update_claim(claim_id, statement="Homicides in Cali fell by half in 2024", rating="mostly-false",
                       verdict_summary="They fell by 12%, not by half.")
        source_id = p.create_source(title="Police homicide figures 2024", url="https://police.example.org/2024",
                                    publisher="National Police").created
        p.cite(claim_id, source_id, "contradicts", quote="a 12% fall", locator="table 3")
        p.review(claim_id, "submit")
        p.user = "ben"  # an editor signs it off: only a verdict that went through review is reused
        p.review(claim_id, "approve")
    lib = library.Library.open(tmp_path / "library.sqlite")
    lib.add(earlier_path)
    project = Project.create(new_path, user="luis")
    version = project.current_version(project.import_article(imported(NEW)).created)
    new_claim = project.create_claim(version.id, 0, len(NEW)).created
    yield project, new_claim, lib, claim_id
    project.close()
    lib.close()


def test_use_this_verdict_copies_rating_summary_and_sources_and_records_where_from(setup):
    project, claim_id, lib, earlier_id = setup
    (match,) = lib.match(NEW, top=1)
    assert match.claim_id == earlier_id
    plan = reuse.plan(project, claim_id, match)
    assert plan.rating == "mostly-false" and plan.rating_fits
    stack = history.History(project)
    stack.do(reuse.UseVerdict(plan))
    claim = project.claim(claim_id)
    assert (claim.rating, claim.verdict_summary, claim.status) == ("mostly-false", "They fell by 12%, not by half.",
                                                                   "draft")
    (citation,) = project.citations(claim_id)
    source = project.source(citation.source_id)
    assert (source.url, citation.stance, citation.quote, citation.locator) == (
        "https://police.example.org/2024", "contradicts", "a 12% fall", "table 3")
    event = [e for e in project.events(claim_id) if e.action == "claim.update"][-1]
    based_on = event.data["based_on"]
    assert based_on["claim"] == earlier_id and based_on["project"].endswith("earlier.factcheck")
    date = based_on["date"]
    assert timeline.describe(event, project.scale) == \
        f"Used an earlier verdict, based on the check of {date} (earlier.factcheck)"
    project.review(claim_id, "submit")
    report = _data.gather(project, _data.Selection(statuses=("in_review",)))
    assert report.articles[0].claims[0].based_on == f"Based on the check of {date} (earlier.factcheck)"
    assert f"Based on the check of {date}" in markdown.render(report).decode()


def test_undo_takes_all_of_it_back(setup):
    project, claim_id, lib, _ = setup
    stack = history.History(project)
    stack.do(reuse.UseVerdict(reuse.plan(project, claim_id, lib.match(NEW, top=1)[0])))
    stack.undo()
    claim = project.claim(claim_id)
    assert (claim.rating, claim.verdict_summary) == (None, "")
    assert project.citations(claim_id) == [] and project.sources() == []


def test_a_rating_the_scale_lacks_is_said_not_guessed(setup, tmp_path):
    project, claim_id, lib, _ = setup
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"@type": "ClaimReview", "url": "https://checks.example.org/cali",
                                "claimReviewed": "Cali halved its homicides in 2024",
                                "author": {"name": "Example Checks"}, "datePublished": "2025-10-24",
                                "reviewRating": {"alternateName": "Exaggerated"}}), encoding="utf-8")
    lib.add(feed)
    match = next(m for m in lib.match(NEW) if m.kind == "claimreview")
    plan = reuse.plan(project, claim_id, match)
    assert plan.rating is None and not plan.rating_fits and plan.rating_label == "Exaggerated"
    history.History(project).do(reuse.UseVerdict(plan))
    assert project.claim(claim_id).rating is None
    (citation,) = project.citations(claim_id)
    assert project.source(citation.source_id).url == "https://checks.example.org/cali"
    report_line = reuse.describe(reuse.based_on(project)[claim_id])
    assert report_line == "based on the check of 2025-10-24 (https://checks.example.org/cali)"


def test_a_signed_off_claim_does_not_take_an_earlier_verdict(setup):
    project, claim_id, lib, _ = setup
    project.update_claim(claim_id, rating="false", verdict_summary="No.")
    project.cite(claim_id, project.create_source(title="A source", url="https://example.org/a").created)
    project.review(claim_id, "submit")
    with pytest.raises(InvalidInput, match="still being written"):
        reuse.plan(project, claim_id, lib.match(NEW, top=1)[0])


def test_an_undone_verdict_is_no_longer_said_to_be_based_on_the_check(setup):
    """Undo takes the copy back: the reports must not go on saying "based on the check of…"."""
    project, claim_id, lib, _ = setup
    stack = history.History(project)
    stack.do(reuse.UseVerdict(reuse.plan(project, claim_id, lib.match(NEW, top=1)[0])))
    assert claim_id in reuse.based_on(project)
    stack.undo()
    assert reuse.based_on(project) == {}
    report = _data.gather(project, _data.Selection(statuses=("draft",)))
    assert report.articles[0].claims[0].based_on == ""
    stack.redo()
    assert claim_id in reuse.based_on(project)


def test_an_undone_copy_of_sources_alone_is_taken_back_too(setup, tmp_path):
    """A fact-check whose rating the scale lacks and that has no summary copies only its source."""
    project, claim_id, lib, _ = setup
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"@type": "ClaimReview", "url": "https://checks.example.org/cali",
                                "claimReviewed": "Cali halved its homicides in 2024", "datePublished": "2025-10-24",
                                "reviewRating": {"alternateName": "Exaggerated"}}), encoding="utf-8")
    lib.add(feed)
    match = next(m for m in lib.match(NEW) if m.kind == "claimreview")
    stack = history.History(project)
    stack.do(reuse.UseVerdict(reuse.plan(project, claim_id, match)))
    assert claim_id in reuse.based_on(project)
    stack.undo()
    assert reuse.based_on(project) == {}


def test_redo_brings_back_the_same_sources_and_citations(setup):
    """Undo, redo, undo, redo...: the copied source comes back, never a new copy of it each time."""
    project, claim_id, lib, _ = setup
    stack = history.History(project)
    stack.do(reuse.UseVerdict(reuse.plan(project, claim_id, lib.match(NEW, top=1)[0])))
    (source,) = project.sources()
    (citation,) = project.citations(claim_id)
    for _ in range(3):
        stack.undo()
        assert project.sources() == [] and project.citations(claim_id) == []
        stack.redo()
    assert [s.id for s in project.sources(include_deleted=True)] == [source.id]
    assert [c.id for c in project.citations(claim_id)] == [citation.id]
    claim = project.claim(claim_id)
    assert (claim.rating, claim.verdict_summary) == ("mostly-false", "They fell by 12%, not by half.")
    assert project.verify().ok


def test_undo_refuses_to_overwrite_a_verdict_changed_since(setup):
    """Like every edit's undo: a rating another window set since is not silently put back."""
    project, claim_id, lib, _ = setup
    stack = history.History(project)
    stack.do(reuse.UseVerdict(reuse.plan(project, claim_id, lib.match(NEW, top=1)[0])))
    project.update_claim(claim_id, rating="false")  # another window, not this stack
    with pytest.raises(Conflict):
        stack.undo()
    assert project.claim(claim_id).rating == "false"


def test_a_fact_check_with_hostile_fields_can_still_be_used(setup, tmp_path):
    """A NUL in its text, a 3,000-character URL, a 3,000-character author, a date not on the
    calendar: the feed keeps what a project can keep, so Use this verdict never fails on it."""
    project, claim_id, lib, _ = setup
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([{
        "@type": "ClaimReview", "url": "https://checks.example.org/" + "a" * 3000,
        "claimReviewed": "Cali halved its homicides\u0000 in 2024", "author": {"name": "Example " * 400},
        "datePublished": "2025-13-45", "reviewBody": "They fell by 12%\u0000.",
        "reviewRating": {"alternateName": "Mostly false"}}]), encoding="utf-8")
    lib.add(feed)
    match = next(m for m in lib.match(NEW) if m.kind == "claimreview")
    assert match.date == "" and match.url == "" and "\x00" not in match.statement + match.summary
    history.History(project).do(reuse.UseVerdict(reuse.plan(project, claim_id, match)))
    claim = project.claim(claim_id)
    assert (claim.rating, claim.verdict_summary) == ("mostly-false", "They fell by 12% .")


def test_a_verdict_nobody_approved_is_not_reused(setup, tmp_path):
    project, claim_id, lib, _ = setup
    draft_path = tmp_path / "draft.factcheck"
    with Project.create(draft_path, user="ana") as p:
        version = p.current_version(p.import_article(imported(EARLIER)).created)
        draft = p.create_claim(version.id, 0, len(EARLIER)).created
        p.update_claim(draft, statement="Homicides in Cali fell by half in 2024", rating="false",
                       verdict_summary="A draft nobody signed off.")
    lib.add(draft_path)
    match = next(m for m in lib.match(NEW) if m.claim_id == draft)
    with pytest.raises(InvalidInput, match="Not approved yet"):
        reuse.plan(project, claim_id, match)
    assert project.claim(claim_id).rating is None  # nothing copied


def test_a_verdict_reopened_since_the_library_read_it_is_not_reused(setup, tmp_path):
    project, claim_id, lib, earlier_id = setup
    match = next(m for m in lib.match(NEW) if m.claim_id == earlier_id)
    assert match.status == "approved"  # as the library last read it
    with Project.open(tmp_path / "earlier.factcheck", user="ana") as p:  # its verdict changes: back to review
        p.update_claim(earlier_id, verdict_summary="They fell by 14%, not by half.", reason="New police figures")
        assert p.claim(earlier_id).status == "in_review"
    with pytest.raises(InvalidInput, match="Not approved yet"):
        reuse.plan(project, claim_id, match)
    assert project.claim(claim_id).rating is None


def test_a_verdict_approved_since_the_library_read_it_is_reused(setup, tmp_path):
    project, claim_id, lib, earlier_id = setup
    earlier = tmp_path / "earlier.factcheck"
    with Project.open(earlier, user="ana") as p:  # reopened, and read so by the library ...
        p.update_claim(earlier_id, verdict_summary="They fell by 14%, not by half.", reason="New police figures")
    lib.add(earlier)
    match = next(m for m in lib.match(NEW) if m.claim_id == earlier_id)
    assert match.status == "in_review"
    with Project.open(earlier, user="ben") as p:  # ... then signed off again, which the library has not read
        p.review(earlier_id, "approve")
    plan = reuse.plan(project, claim_id, match)
    assert plan.summary == "They fell by 14%, not by half."
