"""The app's lists a page at a time (core/lists.py), and the statistics from indexes (core/stats.py).

Every pager is walked page by page with a small page and compared with the same list
worked out in Python from the project's plain reads; the statements they run are planned
on statistics scaled to a desk's year and must sort nothing nor read a big table whole.
"""

from __future__ import annotations

import random
import shutil
import statistics

import pytest

from factcheck.core import lists, model, stats, workflow
from factcheck.core.project import Project
from factcheck.core.review_queue import nocase

from ..conftest import imported
from ._plans import Tracer, plan, scale_statistics, scans

_WORDS = random.Random(3)
#: Sentences with no words in common beyond a few: a claim on one that goes finds no other to move to.
SENTENCES = [" ".join("".join(_WORDS.choice("abcdefghijklmnñopqrstuvwxyzáé") for _ in range(_WORDS.randint(3, 9)))
                      for _ in range(12)).capitalize() + "." for _ in range(80)]
TEXT = " ".join(SENTENCES)
PUBLISHERS = ("INE", "ine", "Banco de España", "Éxito SA", "zeta", "", "Álvaro y asociados")


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """Three articles (one deleted), 300 claims (some deleted, some left unanchored), 60 sources cited: the path."""
    rng = random.Random(7)
    path = tmp_path_factory.mktemp("lists") / "lists.factcheck"
    with Project.create(path, user="ana") as p:
        articles = [p.import_article(imported(TEXT, title=t)).created for t in ("Paro", "afiliados", "Élite")]
        sources = []
        for i in range(60):
            sources.append(p.create_source(
                title=f"{rng.choice(('Informe', 'informe', 'Ñu', 'Acta', 'acta'))} {i:02d}",
                url=f"https://example.org/{i}", publisher=rng.choice(PUBLISHERS),
                kind=rng.choice(model.SOURCE_KINDS), reliability=rng.choice(model.RELIABILITIES),
                confidential=rng.random() < 0.3, notes="fuente primaria" if i % 4 == 0 else "").created)
        scale = p.scale
        with p.batch():
            for i in range(300):
                article_id = articles[i % 3]
                version = p.current_version(article_id)
                start = rng.randrange(0, len(version.text) - 40)
                rating = rng.choice([None] + [r.key for r in scale.ratings])
                claim_id = p.create_claim(version.id, start, start + rng.choice((12, 20, 30)), rating=rating,
                                          verdict_summary="No bajó." if rating else "").created
                cited = rng.sample(sources, rng.randint(0, 3))
                for source_id in cited:
                    p.cite(claim_id, source_id, "supports")
                if rng.random() < 0.2:
                    p.add_comment(claim_id, "¿Fuente?")
                if rating and cited and rng.random() < 0.7:
                    p.user = rng.choice(("ana", "íñigo"))
                    p.review(claim_id, workflow.SUBMIT)
                    p.user = "eva"
                    if rng.random() < 0.5:
                        p.review(claim_id, workflow.APPROVE)
                        if rng.random() < 0.5:
                            p.review(claim_id, workflow.PUBLISH)
                    p.user = "ana"
                if rng.random() < 0.05 and p.claim(claim_id).status not in (model.APPROVED, model.PUBLISHED):
                    p.delete_claim(claim_id)
        # A new version without a third of the sentences: the claims on them lose their words.
        p.add_version(articles[0], imported(" ".join(s for i, s in enumerate(SENTENCES) if i % 3)))
        p.delete_source(sources[5])
        p.delete_article(articles[2])
    return path


@pytest.fixture
def project(desk):
    with Project.open(desk, read_only=True) as p:
        yield p


def walk(pager: lists.Pager, size: int) -> list:
    """Every row of a list, page after page, as ids."""
    out, after = [], None
    while True:
        page = pager.page(after, size)
        out += [pager.row_id(row) for row, _ in page]
        if len(page) < size:
            return out
        after = page[-1][1]


# --- the article list and an article's claims ----------------------------------------------


def test_the_article_list_comes_in_pages_in_the_order_articles_came(project):
    pager = lists.ArticlePager(project)
    expected = [a.id for a in project.articles()]
    assert walk(pager, 1) == expected and pager.count() == len(expected) == 2
    first = pager.page(None, 1)[0][0]
    assert first == project.article(first.id)  # the same row, claim count and current version included
    assert pager.key_of(expected[1]) == pager.page(None, 2)[1][1]


@pytest.mark.parametrize("orphaned", [False, True])
def test_an_articles_claims_come_in_reading_order_page_by_page(project, orphaned):
    for article in project.articles():
        pager = lists.ClaimPager(project, article.id, orphaned=orphaned)
        claims = [c for c in project.claims(article.id) if (c.anchor_state == "orphaned") == orphaned]
        expected = [c.id for c in sorted(claims, key=lists.ClaimPager.key)]
        assert walk(pager, 7) == expected and pager.count() == len(expected)
    article_id = project.articles()[0].id
    assert lists.ClaimPager(project, article_id, orphaned=True).count() > 0  # the new version left some


def test_a_changed_claim_is_judged_without_a_read(project):
    article_id = project.articles()[0].id
    anchored = lists.ClaimPager(project, article_id)
    claim = anchored.page(None, 1)[0][0]
    seen = []
    project.store.conn.set_trace_callback(seen.append)
    judged = anchored.judge({claim.id: claim, "gone": None})
    project.store.conn.set_trace_callback(None)
    assert seen == [] and judged == [(claim, lists.ClaimPager.key(claim), True)]
    assert anchored.rows([claim.id]) == judged  # the same answer as read from the file
    orphan = lists.ClaimPager(project, article_id, orphaned=True)
    assert orphan.judge({claim.id: claim})[0][2] is False and orphan.key_of(claim.id) is None


# --- the source library --------------------------------------------------------------------


def reference(project, search: str, column: str | None) -> list[str]:
    """The library in ``column``'s order worked out in Python (titles are unique: the last tie-break)."""
    sources = project.sources(search)
    if column is None:
        return [s.id for s in sources]  # by title, or by relevance: as the plain read gives them
    usage = project.source_usage_counts()
    value = {
        lists.TITLE: lambda s: (),
        lists.PUBLISHER: lambda s: (nocase(s.publisher),),
        lists.KIND: lambda s: (model.SOURCE_KINDS.index(s.kind),),
        lists.RELIABILITY: lambda s: (model.RELIABILITIES.index(s.reliability),),
        lists.CONFIDENTIAL: lambda s: (int(s.confidential),),
        lists.USAGE: lambda s: (usage.get(s.id, 0),),
    }[column]
    return [s.id for s in sorted(sources, key=lambda s: (*value(s), nocase(s.title)))]


@pytest.mark.parametrize("column", [None, *lists.ORDERS])
@pytest.mark.parametrize("search", ["", "informe", "fuente primaria"])
def test_the_library_comes_in_pages_in_each_order(project, column, search):
    expected = reference(project, search, column)
    for descending in (False, True):
        pager = lists.SourcePager(project, search, column, descending)
        found = walk(pager, 7)
        if column is None and search:  # by relevance: FTS5's order, ties by the order sources came in
            assert sorted(found) == sorted(expected)
        else:
            want = expected[::-1] if descending else expected
            assert found == want, (column, search, descending)
        assert pager.count() == len(expected)
    assert expected or search


def test_the_library_counts_the_claims_citing_each_source_on_its_page(project):
    counts = project.source_usage_counts()  # visible claims only: not deleted, not in a deleted article
    pager = lists.SourcePager(project, column=lists.USAGE, descending=True)
    rows = pager.page(None, 100)
    assert {source.id: n for (source, n), _ in rows if n} == counts
    assert rows[0][0][1] == max(counts.values())
    assert pager.key_of(rows[3][0][0].id) == rows[3][1]


def test_a_deleted_source_is_not_listed(project):
    deleted = next(s for s in project.sources(include_deleted=True) if s.deleted_at)
    for column in (None, lists.TITLE, lists.USAGE):
        pager = lists.SourcePager(project, column=column)
        assert deleted.id not in walk(pager, 50) and pager.key_of(deleted.id) is None


# --- plans ---------------------------------------------------------------------------------


def test_every_page_walks_an_index(desk, tmp_path):
    """At a desk's size (statistics scaled up): no page sorts, none reads a big table whole."""
    path = tmp_path / "big.factcheck"
    shutil.copy(desk, path)
    with Project.open(path, user="ana") as p:
        p.store.optimize(analyze=True)
    scale_statistics(path)
    with Project.open(path, read_only=True) as p:
        tracer = Tracer()
        article_id = p.articles()[0].id
        with tracer.watching(p.store.conn):
            pagers = [lists.ArticlePager(p), lists.ClaimPager(p, article_id),
                      lists.ClaimPager(p, article_id, orphaned=True)]
            pagers += [lists.SourcePager(p, search, column, descending) for search in ("", "informe")
                       for column in (lists.TITLE, lists.PUBLISHER, lists.KIND, lists.RELIABILITY, lists.CONFIDENTIAL)
                       for descending in (False, True)]
            for pager in pagers:
                pager.count()
                first = pager.page(None, 3)
                assert first
                pager.page(first[-1][1], 3)
        assert len(tracer.statements) > 20
        for _, sql in tracer.statements.values():
            if "sources_fts" in sql and "MATCH" not in sql:
                continue  # FTS5's own reads of its tables
            steps = plan(p.store.conn, sql)
            assert not any("TEMP B-TREE FOR ORDER BY" in step for step in steps), (sql, steps)
            assert not scans(p.store.conn, sql), (sql, steps)


# --- statistics ------------------------------------------------------------------------------


def test_statistics_count_what_the_plain_reads_hold(project):
    """Counted from indexes, less the claims of deleted articles: the same figures as counting claims in Python."""
    figures = stats.compute(project)
    claims = project.claims()  # live claims of live articles
    assert figures.claims == len(claims) and figures.claims < 300
    assert dict(figures.by_status) == {s: sum(c.status == s for c in claims) for s in model.STATUSES}
    ratings = {}
    for c in claims:
        ratings[c.rating] = ratings.get(c.rating, 0) + 1
    assert dict(figures.by_rating) == ratings
    checkers = {}
    for c in claims:
        who = c.submitted_by or c.created_by
        checkers[who] = checkers.get(who, 0) + 1
    assert figures.by_checker == sorted(checkers.items(), key=lambda wn: (-wn[1], wn[0]))
    assert {a: n for a, _, n in figures.by_article} == {a.id: a.claim_count for a in project.articles()}
    published = [c for c in claims if c.published_at]
    days = [max(0.0, (model_time(c.published_at) - model_time(c.created_at)) / 86400) for c in published]
    assert figures.days_to_publish_median == pytest.approx(statistics.median(days), abs=1e-6)
    assert figures.days_to_publish_max == pytest.approx(max(days), abs=1e-6)
    live = {c.id for c in claims}
    open_comments = sum(1 for c in claims for m in project.comments(c.id)
                        if m.kind == "review" and m.resolved_at is None and c.id in live)
    assert figures.open_comments == open_comments > 0


def model_time(iso: str) -> float:
    import datetime

    return datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def test_statistics_read_no_claim_row_but_the_few_they_need(desk, tmp_path):
    path = tmp_path / "big.factcheck"
    shutil.copy(desk, path)
    with Project.open(path, user="ana") as p:
        p.store.optimize(analyze=True)
    scale_statistics(path)
    with Project.open(path, read_only=True) as p:
        tracer = Tracer()
        with tracer.watching(p.store.conn):
            stats.compute(p)
        for _, sql in tracer.statements.values():
            steps = plan(p.store.conn, sql)
            assert not any("TEMP B-TREE" in s and "GROUP BY" in s and "INDEXED BY claims_article_live" not in sql
                           and "claims_deleted" not in sql for s in steps), (sql, steps)
            assert all("USING" in s for s in steps if s.startswith("SCAN claims")), (sql, steps)
