"""The review queue in SQL: pages in the order shown, counts, positions, and the same answers as the rules in Python."""

from __future__ import annotations

import random
import shutil
import sqlite3

import pytest

from factcheck.core import model, review_queue, workflow
from factcheck.core.project import Project
from factcheck.core.review_queue import ANY, COLUMNS, Filter, ListQueue, Order, SqlQueue

from ..conftest import imported
from ._plans import plan, scale_statistics, scans

TEXT = ("El ministro dijo que el paro bajó un 4 % el año pasado 📉. La oposición afirmó que subió un 2 %. "
        "Según el INE, la tasa fue del 12,3 % en diciembre. Los sindicatos hablan de «récord» de afiliados. ") * 20
NAMES = ("Ana", "ana", "Álvaro", "zoe", "Zoë", "Émile", "bob", "Bob", "🙂 Equipo", "")


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """A project of 300 claims in every state, over three articles (one deleted), some claims deleted: (path)."""
    rng = random.Random(42)
    path = tmp_path_factory.mktemp("queue") / "queue.factcheck"
    with Project.create(path, user="ana") as p:
        articles = [p.import_article(imported(TEXT, title=title)).created
                    for title in ("Paro en diciembre", "afiliados 2025", "Élite económica")]
        scale = p.scale
        source = p.create_source(title="INE", url="https://ine.example/paro").created
        with p.batch():
            for i in range(300):
                article_id = articles[i % 3]
                version = p.current_version(article_id)
                start = rng.randrange(0, len(version.text) - 60)
                p.user = rng.choice(("ana", "Ana", "eva", "Íñigo"))
                claim_id = p.create_claim(
                    version.id, start, start + rng.randint(10, 50), claimant=rng.choice(NAMES),
                    rating=rng.choice([None] + [r.key for r in scale.ratings]),
                    verdict_summary=rng.choice(("", "Falso según el INE", "FALSO", "engañoso 🙃"))).created
                if rng.random() < 0.7:
                    p.update_claim(claim_id, rating=rng.choice([r.key for r in scale.ratings]),
                                   verdict_summary=rng.choice(("Falso según el INE", "FALSO", "engañoso 🙃")))
                    p.cite(claim_id, source, "contradicts")
                    p.review(claim_id, workflow.SUBMIT)
                    p.user = "eva" if p.user != "eva" else "ana"
                    step = rng.random()
                    if step < 0.3:
                        p.review(claim_id, workflow.APPROVE)
                        if step < 0.1:
                            p.review(claim_id, workflow.PUBLISH)
                    elif step < 0.45:
                        p.review(claim_id, workflow.REQUEST_CHANGES, comment="Más fuentes")
                if rng.random() < 0.05 and p.claim(claim_id).status not in (model.APPROVED, model.PUBLISHED):
                    p.delete_claim(claim_id)
        p.user = "ana"
        p.delete_article(articles[2])
    return path


@pytest.fixture
def project(desk):
    with Project.open(desk, read_only=True) as p:
        yield p


def listed(project) -> ListQueue:
    """The same claims as rows at hand (``ListQueue``): the rules in Python."""
    return ListQueue(project.review_queue_rows(), project.scale)


def walk(queue, f: Filter, order: Order, size: int) -> list[str]:
    """Every claim id the queue lets through, page after page."""
    out, after = [], None
    while True:
        page = queue.page(f, order, after, size)
        out += [row[0] for row, _ in page]
        if len(page) < size:
            return out
        after = page[-1][1]


FILTERS = (
    Filter(), Filter(statuses=None), Filter(statuses=frozenset({model.APPROVED, model.PUBLISHED})),
    Filter(statuses=None, rating=None), Filter(statuses=None, rating="false"), Filter(statuses=None, checker="Íñigo"),
    Filter(statuses=None, words=("falso",)), Filter(statuses=None, words=("según", "ine")),
    Filter(statuses=None, words=("🙃",)), Filter(statuses=None, words=("élite",)), Filter(statuses=frozenset()),
)


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_follow_the_order_shown_as_the_rules_in_python_say(project, column, descending):
    sql, rows = SqlQueue(project), listed(project)
    order = Order(column, descending)
    for f in FILTERS:
        expected = walk(rows, f, order, 10_000)
        assert walk(sql, f, order, 7) == expected, f  # page by page, nothing twice, nothing left out
        assert sql.count(f) == rows.count(f) == len(expected)
    assert sql.total() == rows.total() == len(project.review_queue_rows())


@pytest.mark.parametrize("descending", [False, True])
def test_one_articles_claims_are_sorted_as_the_rules_in_python_say(project, descending):
    """The article filter: one article's claims are few, so they are sorted rather than walked."""
    sql, rows = SqlQueue(project), listed(project)
    article_id = sql.articles()[0][0]
    for column in COLUMNS:
        for statuses in (None, frozenset({model.IN_REVIEW})):
            f, order = Filter(statuses=statuses, article_id=article_id), Order(column, descending)
            expected = walk(rows, f, order, 10_000)
            assert expected and walk(sql, f, order, 7) == expected, (column, statuses)


def test_the_filters_let_through_what_they_name(project):
    sql = SqlQueue(project)
    everything = {r[0]: r for r in project.review_queue_rows()}
    assert {r[0] for r, _ in sql.page(Filter(), Order(), None, 1000)} == \
        {i for i, r in everything.items() if r[7] == model.IN_REVIEW}
    accented = {row[0] for row, _ in sql.page(Filter(statuses=None, words=("élite",)), Order(), None, 1000)}
    assert accented == set()  # that article was deleted: its claims are not in the queue at all
    words = {row[0] for row, _ in sql.page(Filter(statuses=None, words=("falso",)), Order(), None, 1000)}
    assert words == {i for i, r in everything.items() if "falso" in r[9].lower()}  # FALSO too
    assert sql.checkers() == listed(project).checkers() and "Íñigo" in sql.checkers()
    assert [title for _, title in sql.articles()] == ["afiliados 2025", "Paro en diciembre"]


def test_a_claim_knows_its_place(project):
    sql = SqlQueue(project)
    for order in (Order(), Order(review_queue.CLAIMANT, True), Order(review_queue.RATING)):
        ids = walk(sql, Filter(statuses=None), order, 10_000)
        for i in (0, 1, len(ids) // 2, len(ids) - 1):
            assert sql.position(Filter(statuses=None), order, ids[i]) == i
    draft = next(r[0] for r in project.review_queue_rows() if r[7] == model.DRAFT)
    assert sql.position(Filter(), Order(), draft) == -1  # not in review: not among the rows shown


def test_changed_rows_come_with_their_keys_and_whether_they_pass(project):
    sql = SqlQueue(project)
    ids = [r[0] for r in project.review_queue_rows()][:5] + ["gone"]
    found = sql.rows(ids, Filter(), Order())
    assert sorted(row[0] for row, _, _ in found) == sorted(ids[:5])  # the one gone is absent
    for row, key, passing in found:
        assert key[1] == row[0] and passing == (row[7] == model.IN_REVIEW)
        assert passing == review_queue.passes(Filter(), row)


def test_the_queue_reads_pages_through_its_indexes(desk, tmp_path):
    """At a desk's size (statistics scaled up): a page and a count never sort or read the claims whole."""
    path = tmp_path / "big.factcheck"
    shutil.copy(desk, path)
    conn = sqlite3.connect(path)
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    scale_statistics(path)
    with Project.open(path, read_only=True) as p:
        sql = SqlQueue(p)
        seen = []
        p.store.conn.set_trace_callback(seen.append)
        for f in (Filter(), Filter(statuses=None), Filter(statuses=None, rating="false")):
            for column in COLUMNS:  # every order offered walks an index
                first = sql.page(f, Order(column), None, 50)
                sql.page(f, Order(column), first[-1][1], 50)
                sql.page(f, Order(column, descending=True), first[-1][1], 50)
            sql.count(f)
        article_id = sql.articles()[0][0]
        for f in (Filter(rating=None), Filter(checker="ana"), Filter(statuses=None, checker="Íñigo"),
                  Filter(statuses=None, article_id=article_id), Filter(article_id=article_id, rating="false")):
            sql.count(f)  # each through the index of what it names
        sql.checkers()
        p.store.conn.set_trace_callback(None)
        queue = [statement for statement in seen if statement.startswith(("SELECT c.id", "SELECT (SELECT count(*)"))]
        assert len(queue) >= 7 * 3 * 3 + 7  # every page, and the counts
        for statement in queue:
            steps = plan(p.store.conn, statement)
            assert not any("TEMP B-TREE" in step for step in steps), (statement, steps)  # no sort of every claim
            assert all(step.startswith("SEARCH") for step in steps
                       if step.startswith(("SCAN", "SEARCH")) and " c " in f" {step} "), (statement, steps)
        whole = [s for s in seen if any(step.startswith("SCAN claims") for step in plan(p.store.conn, s))]
        # The total alone counts every claim: from the cells of an index's pages, no row read (SQLite's OP_Count)...
        assert whole == [s for s in seen if s.startswith("SELECT (SELECT count(*) FROM claims) ")]
        assert "Count" in [row[1] for row in p.store.read("EXPLAIN SELECT count(*) FROM claims")]
        assert scans(p.store.conn, whole[0].replace("(SELECT count(*) FROM claims) ", "0 ")) == []  # ...the rest: seeks


def test_a_list_queue_takes_in_changed_rows(project):
    rows = listed(project)
    first = project.review_queue_rows()[0]
    changed = first[:7] + (model.APPROVED,) + first[8:]
    rows.update([first[0], "gone"], [changed])
    assert rows.rows([first[0]], Filter(statuses=None), Order())[0][0][7] == model.APPROVED
    assert rows.count(Filter(statuses=None, rating=ANY)) == rows.total()
