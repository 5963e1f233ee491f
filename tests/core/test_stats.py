"""The statistics view's figures come from the project, by rating, status, checker and article."""

from factcheck import demo
from factcheck.core import model, stats


def test_demo_figures(tmp_path):
    p = demo.build(tmp_path / "demo.factcheck")
    figures = stats.compute(p)
    assert figures.claims == len(p.claims()) == 5
    assert dict(figures.by_status) == {s: 1 for s in model.STATUSES}
    assert sum(n for _, n in figures.by_rating) == 5
    assert [key for key, _ in figures.by_rating][-1] is None  # "not rated" comes last
    assert figures.by_checker[0][1] == 5
    assert figures.published == 1 and figures.days_to_publish_median is not None
    assert figures.open_requests == 1 and figures.open_comments >= 1
    rows = figures.rows()
    assert ("total", "claims", "5") in rows and all(len(r) == 3 for r in rows)
    p.close()


def test_deleted_claims_and_articles_are_not_counted(article):
    project, article_id, version = article
    kept = project.create_claim(version.id, 0, 20).created
    gone = project.create_claim(version.id, 30, 50).created
    project.delete_claim(gone)
    assert stats.compute(project).claims == 1
    project.delete_article(article_id)
    assert stats.compute(project).claims == 0 and stats.compute(project).by_article == []
    assert kept
