import pytest

from factcheck.core import history
from factcheck.core.errors import Conflict
from factcheck.core.project import Project

from ..conftest import imported


@pytest.fixture
def hist(article):
    project, article_id, version = article
    h = history.History(project)
    h.version = version
    h.article_id = article_id
    return h


def test_create_claim_undo_redo(hist):
    p = hist.project
    hist.do(history.CreateClaim(hist.version.id, 0, 40, claimant="X"))
    (claim,) = p.claims()
    assert hist.undo_label == "New claim"
    hist.undo()
    assert p.claims() == []
    assert hist.redo_label == "New claim"
    hist.redo()
    assert [c.id for c in p.claims()] == [claim.id]
    assert p.claim(claim.id).claimant == "X"


@pytest.mark.parametrize(
    "field, value",
    [("rating", "false"), ("verdict_summary", "No evidence."), ("claimant", "Bessent"), ("tags", ["a", "b"]),
     ("checkworthiness", 3), ("statement", "S"), ("rationale", "Long\ntext"), ("notes", "n"), ("claim_date", "2025-10-24")],
)
def test_update_claim_undo_redo_each_field(hist, field, value):
    p = hist.project
    claim_id = hist.do(history.CreateClaim(hist.version.id, 0, 40)).created
    before = getattr(p.claim(claim_id), field)
    hist.do(history.UpdateClaim(claim_id, **{field: value}))
    after = getattr(p.claim(claim_id), field)
    assert after != before
    assert hist.undo_label.startswith("Edit claim")
    hist.undo()
    assert getattr(p.claim(claim_id), field) == before
    hist.redo()
    assert getattr(p.claim(claim_id), field) == after


def test_delete_claim_undo(hist):
    p = hist.project
    claim_id = hist.do(history.CreateClaim(hist.version.id, 0, 40)).created
    hist.do(history.DeleteClaim(claim_id))
    assert p.claims() == []
    hist.undo()
    assert [c.id for c in p.claims()] == [claim_id]


def test_sources_and_citations_undo_redo(hist):
    p = hist.project
    claim_id = hist.do(history.CreateClaim(hist.version.id, 0, 40)).created
    source_id = hist.do(history.CreateSource(title="AP")).created
    citation_id = hist.do(history.Cite(claim_id, source_id, "contradicts", quote="q")).created
    hist.do(history.UpdateCitation(citation_id, locator="p. 3"))
    hist.do(history.UpdateSource(source_id, publisher="Associated Press"))
    hist.do(history.Uncite(citation_id))
    assert p.citations(claim_id) == []
    hist.undo()  # uncite
    assert p.citations(claim_id)[0].locator == "p. 3"
    hist.undo()  # update source
    assert p.source(source_id).publisher == ""
    hist.undo()  # update citation
    assert p.citations(claim_id)[0].locator == ""
    hist.undo()  # cite
    assert p.citations(claim_id) == []
    hist.undo()  # create source
    assert p.sources() == []
    hist.redo()
    hist.redo()
    assert len(p.citations(claim_id)) == 1
    hist.do(history.DeleteSource(source_id))
    assert p.citations(claim_id) == [] and p.sources() == []
    hist.undo()
    assert len(p.citations(claim_id)) == 1


def test_import_article_undo(hist):
    p = hist.project
    article_id = hist.do(history.ImportArticle(imported("Another article."))).created
    assert len(p.articles()) == 2
    hist.undo()
    assert [a.id for a in p.articles()] == [hist.article_id]
    hist.redo()
    assert article_id in [a.id for a in p.articles()]
    hist.do(history.UpdateArticle(article_id, title="Renamed"))
    hist.undo()
    assert p.article(article_id).title == "Test article"


def test_reanchor_undo(hist):
    p = hist.project
    claim_id = hist.do(history.CreateClaim(hist.version.id, 0, 40)).created
    before = p.claim(claim_id)
    hist.do(history.ReanchorClaim(claim_id, hist.version.id, 50, 90))
    assert p.claim(claim_id).start == 50
    hist.undo()
    after_undo = p.claim(claim_id)
    assert (after_undo.start, after_undo.end, after_undo.exact) == (before.start, before.end, before.exact)


def test_a_change_that_changes_nothing_is_not_undoable(hist):
    claim_id = hist.do(history.CreateClaim(hist.version.id, 0, 40)).created
    hist.do(history.UpdateClaim(claim_id, claimant=""))
    assert hist.undo_label == "New claim"


def test_new_action_clears_redo(hist):
    claim_id = hist.do(history.CreateClaim(hist.version.id, 0, 40)).created
    hist.do(history.UpdateClaim(claim_id, claimant="A"))
    hist.undo()
    assert hist.can_redo
    hist.do(history.UpdateClaim(claim_id, notes="n"))
    assert not hist.can_redo


def test_undo_refuses_to_overwrite_another_windows_change(hist):
    p = hist.project
    claim_id = hist.do(history.CreateClaim(hist.version.id, 0, 40)).created
    hist.do(history.UpdateClaim(claim_id, rating="false"))
    with Project.open(p.path, user="ben") as other:
        other.update_claim(claim_id, rating="true")
    with pytest.raises(Conflict):
        hist.undo()
    assert p.claim(claim_id).rating == "true"
    assert hist.undo_label == "New claim"  # the stale step is dropped; the ones below stay reachable


def test_every_undo_is_logged(hist):
    p = hist.project
    claim_id = hist.do(history.CreateClaim(hist.version.id, 0, 40)).created
    n = len(p.events())
    hist.undo()
    hist.redo()
    assert [e.action for e in p.events(claim_id)][-2:] == ["claim.delete", "claim.restore"]
    assert len(p.events()) == n + 2


def test_setting_undo(hist):
    p = hist.project
    hist.do(history.SetSetting("rating_scale", "politifact"))
    assert p.scale.key == "politifact"
    hist.undo()
    assert p.scale.key == "default"
    hist.redo()
    assert p.scale.key == "politifact"


def test_review_decisions_are_not_undoable_but_edits_around_them_are(hist):
    from factcheck.core.workflow import SUBMIT

    p = hist.project
    claim_id = hist.do(history.CreateClaim(hist.version.id, 0, 40, rating="unverifiable", verdict_summary="Unknown.")).created
    hist.do(history.Review(claim_id, SUBMIT))
    assert p.claim(claim_id).status == "in_review"
    assert hist.undo_label == "New claim"
    hist.do(history.AddComment(claim_id, "Looks fine"))
    assert hist.undo_label == "New claim"
    comment_id = p.comments(claim_id)[0].id
    hist.do(history.ResolveComment(comment_id))
    hist.undo()
    assert p.comments(claim_id)[0].resolved_at is None


def test_update_with_reason_reopens_approved_verdict(hist):
    from factcheck.core.workflow import APPROVE, SUBMIT

    p = hist.project
    claim_id = hist.do(history.CreateClaim(hist.version.id, 0, 40, rating="unverifiable", verdict_summary="Unknown.")).created
    hist.do(history.Review(claim_id, SUBMIT))
    p.user = "ben"
    hist.do(history.Review(claim_id, APPROVE))
    hist.do(history.UpdateClaim(claim_id, rating="false", reason="New records"))
    assert p.claim(claim_id).status == "in_review"


def test_undo_is_not_stuck_after_a_citation_touched_the_claim(hist):
    p = hist.project
    claim_id = hist.do(history.CreateClaim(hist.version.id, 0, 40)).created
    hist.do(history.UpdateClaim(claim_id, statement="S"))
    source_id = hist.do(history.CreateSource(title="AP")).created
    hist.do(history.Cite(claim_id, source_id))
    hist.undo()  # cite
    hist.undo()  # source
    hist.undo()  # statement: the revision moved, the field did not
    assert p.claim(claim_id).statement == ""


def test_changing_a_published_verdict_is_not_undoable(hist):
    from factcheck.core.workflow import APPROVE, PUBLISH, SUBMIT

    p = hist.project
    claim_id = hist.do(history.CreateClaim(hist.version.id, 0, 40, rating="unverifiable", verdict_summary="Unknown.")).created
    hist.do(history.Review(claim_id, SUBMIT))
    p.user = "ben"
    hist.do(history.Review(claim_id, APPROVE))
    hist.do(history.Review(claim_id, PUBLISH))
    hist.do(history.UpdateClaim(claim_id, rating="false", reason="New records"))
    assert len(p.corrections(claim_id)) == 1
    assert hist.undo_label == "New claim"  # the correction stands


def test_undo_puts_back_values_older_rules_accepted(article):
    """A value an older factcheck stored ("last Tuesday") is not refused when an undo restores it."""
    from factcheck.core import history as history_module

    project, _, version = article
    claim_id = project.create_claim(version.id, 0, 20).created
    project.store.conn.execute("UPDATE claims SET claim_date = 'last Tuesday' WHERE id = ?", (claim_id,))
    steps = history_module.History(project)
    steps.do(history_module.UpdateClaim(claim_id, claim_date="2025-10-21"))
    steps.do(history_module.UpdateClaim(claim_id, claimant="Ana"))
    steps.undo()
    steps.undo()
    assert project.claim(claim_id).claim_date == "last Tuesday"
    steps.redo()
    assert project.claim(claim_id).claim_date == "2025-10-21"
