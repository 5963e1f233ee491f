"""The pre-publication checks in batches: the same findings as all claims at once, a cancel that stops,
and memory that does not grow with the number of claims."""

from __future__ import annotations

import tracemalloc

import pytest

from factcheck.core import checks, model
from factcheck.core.errors import Cancelled
from factcheck.core.project import Project

from ..bulk import STATUSES, add_articles


@pytest.fixture
def many(tmp_path):
    """Three articles of 20 claims in every status, some with problems of each kind."""
    p = Project.create(tmp_path / "many.factcheck", user="ana")
    p.set_setting("tasks", [{"id": "t1", "label": "Call the source", "required": False}])
    ids = add_articles(p, 3, 20, statuses=STATUSES)
    claims = p.claims()
    secret = p.create_source(title="Insider", confidential=True).created
    for i, claim in enumerate(claims):
        if i % 3 == 0:
            p.store.conn.execute("UPDATE claims SET rating = NULL, verdict_summary = '' WHERE id = ?", (claim.id,))
        if i % 4 == 1:  # in review
            p.add_comment(claim.id, "Check the date")
        if i % 5 == 0:
            p.cite(claim.id, secret, "supports")
        if i % 7 == 0:
            p.tick_task(claim.id, "t1")
        if i % 11 == 0:
            p.store.conn.execute("UPDATE claims SET anchor_state = 'fuzzy' WHERE id = ?", (claim.id,))
    yield p, ids
    p.close()


@pytest.mark.parametrize("batch", [1, 7, 500])
@pytest.mark.parametrize("confidential", [False, True])
def test_batches_find_what_all_claims_at_once_find(monkeypatch, many, batch, confidential):
    p, ids = many
    wanted = [c for c in p.claims() if c.status in checks.DEFAULT_STATUSES]
    at_once = [f for c in wanted for f in checks.check_claims(p, [c], include_confidential=confidential)]
    monkeypatch.setattr(checks, "BATCH", batch)
    assert checks.check_claims(p, wanted, include_confidential=confidential) == at_once
    assert checks.check_project(p, include_confidential=confidential) == at_once
    assert {f.code for f in at_once} >= {"no-rating", "no-summary", "open-comments", "fuzzy-anchor", "tasks-not-done",
                                        "confidential-exported" if confidential else "confidential"}
    walked = list(checks.iter_project(p, statuses=model.STATUSES))
    assert [c.id for c, _ in walked] == [c.id for c in p.claims()]  # every claim, findings or not, in order
    assert checks.count_project(p, statuses=model.STATUSES) == len(walked) == 60
    one = sorted(ids)[1]
    assert [c.article_id for c, _ in checks.iter_project(p, article_ids=[one, one])] == \
        [c.article_id for c in p.claims(one) if c.status in checks.DEFAULT_STATUSES]


def test_progress_is_asked_after_each_batch_and_false_cancels(monkeypatch, many):
    p, _ = many
    monkeypatch.setattr(checks, "BATCH", 10)
    asked = []
    list(checks.iter_project(p, statuses=model.STATUSES, progress=lambda done, total: asked.append(done)))
    assert asked == [10, 20, 30, 40, 50, 60]
    seen = []
    with pytest.raises(Cancelled, match="The check was cancelled."):
        for claim, _ in checks.iter_project(p, statuses=model.STATUSES, progress=lambda done, total: done < 20):
            seen.append(claim)
    assert len(seen) == 20


def test_memory_does_not_grow_with_the_number_of_claims(monkeypatch, tmp_path):
    monkeypatch.setattr(checks, "BATCH", 50)
    peaks = []
    for n_articles in (2, 8):
        p = Project.create(tmp_path / f"p{n_articles}.factcheck", user="ana")
        add_articles(p, n_articles, 100, statuses=STATUSES)
        list(checks.iter_project(p, statuses=model.STATUSES))  # warm
        tracemalloc.start()
        try:
            found = sum(len(f) for _, f in checks.iter_project(p, statuses=model.STATUSES))
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        assert found  # warnings on long statements at least: the walk did check
        p.close()
    small, large = peaks
    assert large < small * 1.5, f"{small:,} bytes at 200 claims, {large:,} at 800"
