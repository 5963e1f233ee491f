"""Similar claims in the inspector: earlier verdicts shown as the checker types, opened, and used."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from factcheck.core import library
from factcheck.core.project import Project
from factcheck.ui import similar_claims
from tests.conftest import imported
from tests.ui.conftest import shown_window

EARLIER = "The mayor said homicides in Cali fell by half in 2024. Vaccines cause autism, a senator said."
NEW = "Murders in Cali were cut in half last year, according to the mayor. Bananas are blue."


@pytest.fixture
def earlier(tmp_path):
    """An earlier project with a claim checked and approved (only an approved verdict is offered), in the library."""
    path = tmp_path / "earlier.factcheck"
    with Project.create(path, user="ana") as p:
        version = p.current_version(p.import_article(imported(EARLIER)).created)
        quote = "homicides in Cali fell by half in 2024"
        start = EARLIER.index(quote)
        claim_id = p.create_claim(version.id, start, start + len(quote)).created
        p.update_claim(claim_id, statement="Homicides in Cali fell by half in 2024", rating="mostly-false",
                       verdict_summary="They fell by 12%, not by half.")
        source_id = p.create_source(title="Police figures", url="https://police.example.org/2024").created
        p.cite(claim_id, source_id, "contradicts")
        p.review(claim_id, "submit")
        p.user = "eva"  # four eyes: another editor approves
        p.review(claim_id, "approve")
    with library.Library.open() as lib:
        lib.add(path)
    return path, claim_id


@pytest.fixture
def window(qtbot, tmp_path, earlier):
    path = tmp_path / "new.factcheck"
    with Project.create(path, user="luis") as p:
        p.import_article(imported(NEW))
    w = shown_window(qtbot, path, tmp_path / "settings.ini", user="luis")
    similar_claims.service().wait()
    return w


def new_claim(window, quote: str) -> str:
    project = window.project
    article_id = project.articles()[0].id
    version = project.current_version(article_id)
    start = NEW.index(quote)
    from factcheck.core import history

    changes = window.session.do(history.CreateClaim(version.id, start, start + len(quote)))
    window.open_claim(changes.created)
    return changes.created


def shown(similar) -> list[str]:
    return [row.text() for row in similar.rows if not row.isHidden()]


def test_a_new_claim_shows_the_earlier_verdict_and_typing_refreshes_it(qtbot, window):
    similar = window.panel.inspector.similar
    new_claim(window, "Bananas are blue")
    qtbot.wait_until(lambda: similar.status.text() == "No earlier verdict is close to this claim.")
    statement = window.panel.inspector.statement
    statement.setFocus()
    qtbot.keyClicks(statement, "Murders in Cali were cut in half")
    qtbot.wait_until(lambda: bool(shown(similar)) and "They fell by 12%, not by half." in shown(similar)[0])
    row = shown(similar)[0]
    assert "Mostly false" in row and "earlier.factcheck" in row and "ana" in row
    assert "Use this verdict" in row and "Open" in row


def test_the_claim_itself_is_not_its_own_suggestion(qtbot, window):
    similar = window.panel.inspector.similar
    claim_id = new_claim(window, "Murders in Cali were cut in half last year")
    qtbot.wait_until(lambda: bool(shown(similar)))
    window.project.update_claim(claim_id, statement="Homicides in Cali fell by half", rating="false")
    window.session.check_external_changes()
    similar_claims.service().wait()
    similar.set_text("Cali homicides half", now=True)
    qtbot.wait_until(lambda: bool(similar.matches))
    assert all(m.claim_id != claim_id for m in similar.matches)


def test_use_this_verdict_copies_it_as_a_draft_and_the_history_says_so(qtbot, window, earlier):
    similar = window.panel.inspector.similar
    claim_id = new_claim(window, "Murders in Cali were cut in half last year")
    qtbot.wait_until(lambda: bool(shown(similar)))
    similar.rows[0].linkActivated.emit("use:0")
    claim = window.project.claim(claim_id)
    assert (claim.rating, claim.verdict_summary, claim.status) == ("mostly-false", "They fell by 12%, not by half.",
                                                                   "draft")
    assert [window.project.source(c.source_id).url for c in window.project.citations(claim_id)] == [
        "https://police.example.org/2024"]
    inspector = window.panel.inspector
    inspector.tabs.setCurrentWidget(inspector.history_view)
    history = [inspector.history.text_at(r) for r in range(inspector.history.rowCount())]
    assert any("Used an earlier verdict, based on the check of" in line and "earlier.factcheck" in line
               for line in history), history
    window.session.undo()
    assert window.project.claim(claim_id).rating is None


def test_open_shows_another_project_read_only_in_a_new_window(qtbot, window, earlier):
    path, earlier_id = earlier
    similar = window.panel.inspector.similar
    new_claim(window, "Murders in Cali were cut in half last year")
    qtbot.wait_until(lambda: bool(shown(similar)))
    similar.rows[0].linkActivated.emit("open:0")
    other = similar_claims._windows[-1]
    assert other.project.read_only and other.project.path.resolve() == path.resolve()
    assert other.panel.inspector.claim_id == earlier_id
    assert "(read-only)" in other.windowTitle()
    other.close()  # deleted on close, and forgotten
    qtbot.wait_until(lambda: other not in similar_claims._windows)


def test_open_selects_an_earlier_claim_of_the_same_project(qtbot, window):
    first = new_claim(window, "Bananas are blue")
    window.project.update_claim(first, statement="Bananas are blue", rating="false", verdict_summary="They are yellow.")
    window.session.check_external_changes()
    similar_claims.service().wait()
    similar = window.panel.inspector.similar
    new_claim(window, "Murders in Cali were cut in half last year")
    similar.set_text("Are bananas blue?", now=True)
    qtbot.wait_until(lambda: any(m.claim_id == first for m in similar.matches))
    index = next(i for i, m in enumerate(similar.matches) if m.claim_id == first)
    with qtbot.wait_signal(similar.sig_claim_opened):
        similar.rows[index].linkActivated.emit(f"open:{index}")
    assert window.panel.inspector.claim_id == first


def test_typing_never_waits_for_the_library(qtbot, window, monkeypatch):
    """Each key press only restarts a timer: no request is made until typing pauses."""
    similar = window.panel.inspector.similar
    new_claim(window, "Bananas are blue")
    asked = []
    monkeypatch.setattr(similar_claims.service(), "request", lambda text, exclude=None, **_asker: asked.append(text) or -1)
    statement = window.panel.inspector.statement
    statement.setFocus()
    qtbot.keyClicks(statement, "Murders in Cali")
    assert asked == []
    qtbot.wait_until(lambda: asked == ["Murders in Cali"])
    assert similar._timer.interval() == similar_claims.DEBOUNCE_MS


def test_a_library_from_a_newer_factcheck_says_so_and_the_app_works(qtbot, tmp_path, earlier):
    import sqlite3

    with sqlite3.connect(library.default_path()) as conn:
        conn.execute(f"PRAGMA user_version = {library.SCHEMA_VERSION + 1}")
    path = tmp_path / "new.factcheck"
    with Project.create(path, user="luis") as p:
        p.import_article(imported(NEW))
    w = shown_window(qtbot, path, tmp_path / "settings.ini", user="luis")
    similar = w.panel.inspector.similar
    new_claim(w, "Bananas are blue")
    qtbot.wait_until(lambda: "newer version of factcheck" in similar.status.text())
    assert w.project.claims()[0].exact == "Bananas are blue"
    assert similar.matches == []
    assert similar.status.textFormat() != Qt.TextFormat.RichText or "<" not in similar.status.text()


def test_another_claims_suggestions_are_never_shown_while_waiting(qtbot, window, monkeypatch):
    """Until the library answers for the claim now shown, the last claim's suggestions (and
    their Use this verdict links) are gone: a click must not copy a verdict found for another claim."""
    similar = window.panel.inspector.similar
    new_claim(window, "Murders in Cali were cut in half last year")
    qtbot.wait_until(lambda: bool(shown(similar)))
    monkeypatch.setattr(similar_claims.service(), "request", lambda text, exclude=None, **_asker: -1)  # no answer
    new_claim(window, "Bananas are blue")
    assert shown(similar) == [] and similar.matches == []
    similar.rows[0].linkActivated.emit("use:0")
    assert window.project.sources() == []


def test_the_demo_is_never_taken_into_the_verdict_library(qtbot, tmp_path):
    from factcheck import demo

    path = tmp_path / "demo.factcheck"
    demo.build(path).close()
    shown_window(qtbot, path, tmp_path / "settings.ini", user="luis")
    similar_claims.service().wait()
    with library.Library.open() as lib:
        assert not lib.match("Petro drug trafficking sanctions")


def suggested_for_a_new_claim(qtbot, window, first: str) -> tuple[str, int, str]:
    """A new claim typed as a question about ``first``: (its id, ``first``'s row number, that row's text)."""
    similar_claims.service().wait()
    similar = window.panel.inspector.similar
    claim_id = new_claim(window, "Murders in Cali were cut in half last year")
    similar.set_text("Are bananas blue?", now=True)
    qtbot.wait_until(lambda: any(m.claim_id == first for m in similar.matches))
    index = next(i for i, m in enumerate(similar.matches) if m.claim_id == first)
    return claim_id, index, similar.rows[index].text()


def test_an_earlier_claim_nobody_rated_is_said_unrated_and_offers_nothing_to_use(qtbot, window):
    first = new_claim(window, "Bananas are blue")  # no rating, no summary
    claim_id, index, row = suggested_for_a_new_claim(qtbot, window, first)
    assert "Not rated" in row and "no verdict to use" in row
    assert "Use this verdict" not in row and f"use:{index}" not in row
    assert "Open" in row  # the earlier claim can still be looked at
    assert window.project.claim(claim_id).rating is None


def test_an_earlier_summary_without_a_rating_can_still_be_used(qtbot, window, tmp_path):
    """Use this verdict copies the summary and the sources too: a published fact-check with a summary and no
    rating has one to use (a project's claim needs a rating to be approved, so only a feed's can be so)."""
    import json

    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"@type": "ClaimReview", "url": "https://checks.example.org/bananas",
                                "claimReviewed": "Bananas are blue", "reviewBody": "No banana is blue.",
                                "author": {"name": "Example Checks"}, "datePublished": "2025-10-24"}), encoding="utf-8")
    with library.Library.open() as lib:
        lib.add(feed)
    similar = window.panel.inspector.similar
    new_claim(window, "Murders in Cali were cut in half last year")
    similar.set_text("Are bananas blue?", now=True)
    qtbot.wait_until(lambda: any(m.url == "https://checks.example.org/bananas" for m in similar.matches))
    index = next(i for i, m in enumerate(similar.matches) if m.url == "https://checks.example.org/bananas")
    row = similar.rows[index].text()
    assert "Not rated" in row and f"use:{index}" in row and "no verdict to use" not in row


def test_on_the_demo_nothing_suggested_says_the_demo_is_left_out(qtbot, tmp_path):
    from factcheck import demo

    path = tmp_path / "demo.factcheck"
    demo.build(path).close()
    window = shown_window(qtbot, path, tmp_path / "settings.ini", user="luis")
    claim = next(c for c in window.project.claims() if c.rating)
    window.open_claim(claim.id)
    similar = window.panel.inspector.similar
    qtbot.wait_until(lambda: similar.status.isVisibleTo(window) and bool(similar.status.text()))
    assert "demo project is left out of the verdict library" in similar.status.text()
    assert "No earlier verdict" not in similar.status.text()
