"""The statistics view's figures come from the project, by rating, status, checker and article."""

import pytest

from factcheck import demo
from factcheck.core import model, stats

from ..conftest import imported


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


def test_days_to_publish_are_measured_from_creation_and_bad_times_left_out(article):
    project, _, version = article
    ids = [project.create_claim(version.id, start, start + 20).created for start in (0, 30, 60, 90)]
    stamps = [
        ("2025-01-01T00:00:00.000Z", "2025-01-03T12:00:00.000Z"),  # 2.5 days
        ("2025-01-01T00:00:00.000Z", "2025-01-11T00:00:00.000Z"),  # 10 days
        ("2025-01-01T00:00:00.000Z", "not a time"),  # left out
        ("2025-01-05T00:00:00.000Z", "2025-01-04T00:00:00.000Z"),  # a clock set wrong: 0, never negative
    ]
    with project.store.transaction():
        for claim_id, (created, published) in zip(ids, stamps):
            project.store.conn.execute(
                "UPDATE claims SET status = 'published', created_at = ?, published_at = ? WHERE id = ?",
                (created, published, claim_id))
    figures = stats.compute(project)
    assert figures.published == 4
    assert figures.days_to_publish_median == pytest.approx(2.5) and figures.days_to_publish_max == pytest.approx(10)
    assert ("review", "median days from draft to published", "2.5") in figures.rows()


def test_an_article_without_claims_is_listed_with_none(article):
    project, article_id, version = article
    project.create_claim(version.id, 0, 20)
    empty = project.import_article(imported("Nothing checked here yet.", title="Empty")).created
    assert [(a, n) for a, _, n in stats.compute(project).by_article] == [(article_id, 1), (empty, 0)]
