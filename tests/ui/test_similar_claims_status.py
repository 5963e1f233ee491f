"""Checked before? says where each earlier verdict's review stands, and offers Use this verdict only for one an
editor signed off or a published fact-check; for the others it says why not."""

from __future__ import annotations

import html
import json

import pytest

from factcheck.core import library, model
from factcheck.core.project import Project
from factcheck.ui import similar_claims
from tests.conftest import imported
from tests.ui.conftest import shown_window

EARLIER = ("The mayor said homicides in Cali fell by half in 2024. "
           "The minister said unemployment fell to a record low of 4.1% in October.")
HOMICIDES = "homicides in Cali fell by half in 2024"
UNEMPLOYMENT = "unemployment fell to a record low of 4.1% in October"
NEW = "Murders in Cali were cut in half last year, according to the mayor."


@pytest.fixture
def earlier(tmp_path):
    """An earlier project: the homicides verdict approved, the unemployment one sent back; and a fact-check feed."""
    path = tmp_path / "earlier.factcheck"
    ids = {}
    with Project.create(path, user="ana") as p:
        version = p.current_version(p.import_article(imported(EARLIER)).created)
        for quote, summary in ((HOMICIDES, "They fell by 12%, not by half."),
                               (UNEMPLOYMENT, "The official October figure is 4.6%.")):
            start = EARLIER.index(quote)
            claim_id = p.create_claim(version.id, start, start + len(quote)).created
            p.update_claim(claim_id, statement=quote, rating="mostly-false", verdict_summary=summary)
            p.cite(claim_id, p.create_source(title="Figures", url=f"https://stats.example.org/{start}").created,
                   "contradicts")
            p.review(claim_id, "submit")
            ids[quote] = claim_id
        p.user = "eva"
        p.review(ids[HOMICIDES], "approve")
        p.review(ids[UNEMPLOYMENT], "request_changes", comment="The October figure is 4.6%.")
        approved_on = p.claim(ids[HOMICIDES]).approved_at[:10]
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"@type": "ClaimReview", "url": "https://checks.example.org/bananas",
                                "claimReviewed": "Bananas are blue", "reviewBody": "They are yellow.",
                                "author": {"name": "Example Checks"}, "datePublished": "2025-10-24",
                                "reviewRating": {"alternateName": "False"}}), encoding="utf-8")
    with library.Library.open() as lib:
        lib.add(path)
        lib.add(feed)
    return ids, approved_on


@pytest.fixture
def window(qtbot, tmp_path, earlier):
    path = tmp_path / "new.factcheck"
    with Project.create(path, user="luis") as p:
        p.import_article(imported(NEW))
    w = shown_window(qtbot, path, tmp_path / "settings.ini", user="luis")
    similar_claims.service().wait()
    project = w.project
    version = project.current_version(project.articles()[0].id)
    from factcheck.core import history

    w.open_claim(w.session.do(history.CreateClaim(version.id, 0, len(NEW))).created)
    return w


def suggested(qtbot, window, text: str, found) -> tuple[library.Match, str]:
    """Type ``text`` as the statement; the first suggestion ``found`` accepts, and its row (as read)."""
    similar = window.panel.inspector.similar
    similar.set_text(text, now=True)
    qtbot.wait_until(lambda: any(found(m) for m in similar.matches))
    index = next(i for i, m in enumerate(similar.matches) if found(m))
    return similar.matches[index], html.unescape(similar.rows[index].text())


def test_an_approved_verdict_says_so_with_its_day_and_may_be_used(qtbot, window, earlier):
    ids, approved_on = earlier
    match, row = suggested(qtbot, window, "Homicides in Cali fell by half", lambda m: m.claim_id == ids[HOMICIDES])
    assert f"Approved on {approved_on}" in row and "Use this verdict" in row and "can't be reused" not in row


def test_a_verdict_sent_back_says_so_and_offers_no_use(qtbot, window, earlier):
    """The walk: an editor's "changes requested" was offered, unmarked, with Use this verdict."""
    ids, _ = earlier
    match, row = suggested(qtbot, window, "Unemployment fell to a record low in October",
                           lambda m: m.claim_id == ids[UNEMPLOYMENT])
    assert "Changes requested" in row and "An editor asked for changes: its verdict can't be reused." in row
    assert "Use this verdict" not in row and "use:" not in row
    similar = window.panel.inspector.similar
    assert not similar.use_match(match)  # nor by any other way in
    claim = window.project.claim(window.panel.inspector.claim_id)
    assert (claim.rating, claim.verdict_summary, window.project.sources()) == (None, "", [])
    assert similar.status.text() == "An editor asked for changes: its verdict can't be reused."


def test_a_published_fact_check_says_whose_and_when_and_may_be_used(qtbot, window):
    match, row = suggested(qtbot, window, "Are bananas blue?", lambda m: m.kind == library.CLAIMREVIEW)
    assert "Example Checks, 2025-10-24" in row and "checks.example.org" in row and "Use this verdict" in row


def test_a_decision_on_a_claim_of_this_project_changes_its_suggestion(qtbot, window):
    """A colleague's claim, in review, is approved while the checker writes another: its row goes from
    "In review" with no use to "Approved on ..." with Use this verdict."""
    path = window.project.path
    with Project.open(path, user="mia") as colleague:
        version = colleague.current_version(colleague.articles()[0].id)
        start = NEW.index("the mayor")
        first = colleague.create_claim(version.id, start, len(NEW) - 1).created
        colleague.update_claim(first, statement="The mayor spoke", rating="false", verdict_summary="He did not.")
        colleague.cite(first, colleague.create_source(title="Minutes", url="https://council.example.org/1").created,
                       "contradicts")
        colleague.review(first, "submit")
    window.session.check_external_changes()
    _, row = suggested(qtbot, window, "Did the mayor speak?", lambda m: m.claim_id == first)
    assert "In review" in row and "Not approved yet: its verdict can't be reused." in row and "use:" not in row
    with Project.open(path, user="eva") as editor:
        editor.review(first, "approve")
    window.session.check_external_changes()
    _, row = suggested(qtbot, window, "Did the mayor really speak?",
                       lambda m: m.claim_id == first and m.status == model.APPROVED)
    assert "Approved on" in row and "Use this verdict" in row


def test_a_claim_of_the_same_article_on_the_same_words_is_not_suggested(qtbot, window, monkeypatch):
    """A colleague began the same check (the same quote of this article): it is not an earlier verdict."""
    with Project.open(window.project.path, user="mia") as colleague:
        version = colleague.current_version(colleague.articles()[0].id)
        twin = colleague.create_claim(version.id, 0, len(NEW)).created
        colleague.update_claim(twin, statement="Murders in Cali were cut in half", rating="false",
                               verdict_summary="They fell by 12%.")
    window.session.check_external_changes()
    similar = window.panel.inspector.similar
    answers = []  # what the library answered, before the panel drops anything
    real = type(similar)._on_matched
    monkeypatch.setattr(type(similar), "_on_matched",
                        lambda self, token, found: (answers.append([m.claim_id for m in found]),
                                                    real(self, token, found)))
    similar.set_text("Murders in Cali were cut in half", now=True)
    qtbot.wait_until(lambda: similar.answered == similar._asked and bool(similar.matches))
    assert twin in answers[-1]  # the library found the colleague's claim ...
    assert [m.claim_id for m in similar.matches if m.claim_id == twin] == []  # ... and the panel left it out
    assert any(m.statement == HOMICIDES for m in similar.matches)  # the earlier project's verdict still is
