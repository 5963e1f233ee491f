"""No hot query reads a big table whole: each is reached through an index, at any project size.

The statements are the ones the code really runs: every step below (what the window does
on open, on a claim, on each kind of change, merge and hand-off lookups) runs through
``Project`` on a project with some of everything, statistics gathered (``ANALYZE``), and
the SQL is traced; ``EXPLAIN QUERY PLAN`` of each shape must not ``SCAN`` a big table
(``_plans.BIG_TABLES``) except as ``FULL_READS`` lists, each with its reason. Also: the
planner's statistics are refreshed after a migration, after a large change and at close.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from factcheck.core import (
    events,
    handoff,
    history,
    lists,
    merge,
    migrations,
    model,
    reuse,
    review_queue,
    stats,
    store,
    workflow,
)
from factcheck.core.project import Project
from factcheck.sync import client

from ..conftest import imported
from ._plans import Tracer, offending, plan, scale_statistics, scans

TEXT = ("El ministro dijo que el paro bajó un 4 % el año pasado 📉. La oposición afirmó que subió un 2 %. "
        "Según el INE, la tasa fue del 12,3 % en diciembre. Los sindicatos hablan de «récord» de afiliados. ") * 6

#: Statements that read a big table whole on purpose, with the reason. Patterns match the statement as run.
FULL_READS = {
    r"^SELECT DISTINCT sha256 FROM attachments WHERE sha256 NOT IN":
        "a merge asks which attached files are still missing (a walk of the attachments' hash index)",
    r"^SELECT (status|article_id), count\(\*\) FROM claims INDEXED BY claims_(status|article_live) ":
        "the statistics count every claim by status and by article: a walk of a small index alone, no row read",
    r"^SELECT \(SELECT count\(\*\) FROM claims\) - ":
        "the review queue's total: every claim counted from the cells of an index's pages (no row read), less the "
        "deleted ones and those of deleted articles, each through its index",
}


@pytest.fixture
def desk(tmp_path):
    return build_desk(tmp_path)


def build_desk(tmp_path):
    """A project with some of everything, its statistics gathered and scaled up: (path, ids)."""
    path = tmp_path / "desk.factcheck"
    ids: dict[str, object] = {}
    with Project.create(path, user="ana") as p:
        p.set_setting("tasks", [{"id": "origin", "label": "Trace the origin", "required": True},
                                {"id": "expert", "label": "Ask an expert"}])
        articles = [p.import_article(imported(TEXT, title=f"Artículo {i}")).created for i in range(3)]
        sources = [p.create_source(title=f"Fuente {i}", url=f"https://example.org/{i}").created for i in range(20)]
        claims = []
        for a, article_id in enumerate(articles):
            version = p.current_version(article_id)
            for i in range(40):
                start = (i * 37 + a) % (len(version.text) - 60)
                claims.append(p.create_claim(version.id, start, start + 25 + i % 30, claimant=f"Portavoz {i % 7}",
                                             rating="false" if i % 2 else None, verdict_summary="No." if i % 2 else "").created)
        for i, claim_id in enumerate(claims):
            if i % 2:
                p.cite(claim_id, sources[(i // 2) % len(sources)], "contradicts", quote=f"p. {i}")
                p.tick_task(claim_id, "origin")
                p.review(claim_id, workflow.SUBMIT)
            if i % 5 == 0:
                p.add_comment(claim_id, f"¿Fuente? {i} 🙂")
        p.user = "eva"
        for i, claim_id in enumerate(claims):
            if i % 2 and i % 3 == 0:
                p.review(claim_id, workflow.APPROVE)
                if i % 9 == 0:
                    p.review(claim_id, workflow.PUBLISH)
        published = next(c.id for c in p.claims() if c.status == model.PUBLISHED)
        p.update_claim(published, rating="mostly-false", reason="Nuevos datos del INE.")
        for i, source_id in enumerate(sources):
            file = tmp_path / f"captura-{i}.txt"
            file.write_text(f"captura {i} 📷", encoding="utf-8")
            p.attach(file, source_id=source_id, note="archivada")
        p.delete_claim(claims[2])
        ids.update(articles=articles, sources=sources, claims=claims, published=published)
        p.store.optimize(analyze=True)
    scale_statistics(path)  # plan as for a desk's year, not for this sample of it
    return path, ids


def _check(p: Project, tracer: Tracer) -> None:
    problems = offending(p.store.conn, tracer, FULL_READS)
    assert not problems, "hot queries that read a whole table:\n" + "\n".join(problems)


def test_opening_and_reading_a_claim_use_indexes(desk):
    path, ids = desk
    with Project.open(path, user="eva") as p:
        tracer = Tracer()
        with tracer.watching(p.store.conn):
            tracer.step = "open: the article list, the first article and its claims, the review queue"
            p.settings()
            events.head(p.store)
            events.project_id(p.store)
            articles = p.articles()
            for article in articles:
                version = p.current_version(article.id)
                p.text(version.id)
                p.versions(article.id)
                p.page_map(version.id)
                p.claims(article.id)
                p.managers.claims.unsettled(article.id)
            queue = review_queue.SqlQueue(p)
            waiting, since = review_queue.Filter(), review_queue.Order()
            queue.total()
            queue.count(waiting)
            first = queue.page(waiting, since, None, 50)
            queue.page(waiting, since, first[2][1], 50)
            queue.position(waiting, since, first[3][0][0])
            queue.rows([row[0] for row, _ in first[:5]], waiting, since)
            for f in (review_queue.Filter(statuses=None), review_queue.Filter(article_id=articles[1].id),
                      review_queue.Filter(statuses=frozenset({model.APPROVED, model.PUBLISHED}))):
                queue.count(f)
                queue.page(f, since, None, 50)
            queue.checkers()
            tracer.step = "a claim in the inspector: citations, comments, tasks, corrections, history, evidence"
            for claim_id in (ids["published"], ids["claims"][1], ids["claims"][4]):
                claim = p.claim(claim_id)
                for citation in p.citations(claim_id):
                    p.source(citation.source_id)
                    p.attachments(citation_id=citation.id)
                p.comments(claim_id)
                p.corrections(claim_id)
                p.tasks(claim_id)
                p.events(claim_id)
                p.managers.review.available(claim)
            tracer.step = "a source: its claims and its evidence"
            p.source_usage(ids["sources"][0])
            p.attachments(source_id=ids["sources"][0])
            p.claims_with_prefix(ids["claims"][5][:6])
            tracer.step = "the lists, a page at a time: articles, an article's claims, the source library"
            for pager in (lists.ArticlePager(p), lists.ClaimPager(p, articles[0].id),
                          lists.ClaimPager(p, articles[0].id, orphaned=True),
                          *(lists.SourcePager(p, search, column, descending) for search in ("", "fuente")
                            for column in (None, *lists.ORDERS) for descending in (False, True))):
                walk_pages(pager)
            tracer.step = "the review queue in every order"
            for f in (review_queue.Filter(), review_queue.Filter(statuses=None)):
                for column in review_queue.COLUMNS:
                    for descending in (False, True):
                        order = review_queue.Order(column, descending)
                        first = queue.page(f, order, None, 3)
                        queue.page(f, order, first[-1][1], 3)
            tracer.step = "statistics"
            stats.compute(p)
        _check(p, tracer)
        assert len(tracer.statements) > 25  # the steps really ran their queries


def walk_pages(pager, size: int = 3) -> None:
    """A list's count and its first pages, where a row stands and a changed row."""
    pager.count()
    first = pager.page(None, size)
    if first:
        pager.page(first[-1][1], size)
        pager.key_of(pager.row_id(first[0][0]))


def test_each_kind_of_change_uses_indexes(desk, tmp_path):
    path, ids = desk
    claims, sources = ids["claims"], ids["sources"]
    with Project.open(path, user="ana") as p:
        tracer = Tracer()
        with tracer.watching(p.store.conn):
            tracer.step = "claims: make, edit, re-anchor, delete and restore"
            version = p.current_version(ids["articles"][0])
            new = p.create_claim(version.id, 10, 40, claimant="El ministro").created
            p.update_claim(new, statement="El paro bajó un 4 % 📉", rating="false", verdict_summary="No bajó.")
            p.reanchor_claim(new, version.id, 12, 44)
            p.delete_claim(new)
            p.restore_claim(new)
            tracer.step = "citations, comments and tasks"
            cited = p.cite(new, sources[1], "contradicts", quote="p. 12").created
            p.update_citation(cited, note="tabla 3")
            p.uncite(cited)
            p.recite(cited)
            comment = p.add_comment(new, "¿Y la fuente primaria?").created
            p.add_comment(new, "Está en el anexo.", parent_id=comment)
            p.resolve_comment(comment)
            p.tick_task(new, "origin")
            p.tick_task(new, "expert")
            p.tick_task(new, "expert", done=False)
            tracer.step = "review decisions"
            p.review(new, workflow.SUBMIT)
            p.user = "eva"
            p.review(new, workflow.REQUEST_CHANGES, comment="Falta el dato de diciembre.")
            p.user = "ana"
            p.review(new, workflow.SUBMIT)
            p.user = "eva"
            p.managers.review.plan(workflow.APPROVE, [p.claim(new), p.claim(claims[3])])  # the checklist
            p.managers.review.decide(workflow.APPROVE, [new, claims[3], claims[5]])
            p.review(new, workflow.PUBLISH)
            p.update_claim(new, rating="mostly-false", reason="Dato corregido.")
            tracer.step = "sources and evidence"
            source = p.create_source(title="Boletín oficial", url="https://example.org/boe").created
            p.update_source(source, publisher="BOE")
            p.cite(claims[7], source, "supports")
            p.delete_source(source)
            p.restore_source(source)
            file = tmp_path / "acta.txt"
            file.write_text("acta", encoding="utf-8")
            attached = p.attach(file, source_id=source).created
            p.detach(attached)
            p.reattach(attached)
            tracer.step = "articles"
            p.update_article(ids["articles"][1], outlet="El Diario")
            p.add_version(ids["articles"][2], imported(TEXT.replace("4 %", "5 %")))
            tracer.step = "undo and redo"
            past = history.History(p)
            past.do(history.CreateClaim(version.id, 50, 80))
            past.undo()
            past.redo()
            tracer.step = "the verdicts copied from earlier checks (every export asks)"
            reuse.based_on(p)
        _check(p, tracer)


def test_merge_hand_off_and_sync_look_events_up_by_id(desk, tmp_path):
    path, ids = desk
    other = tmp_path / "ben.factcheck"
    shutil.copy(path, other)
    with Project.open(other, user="ben") as theirs:
        theirs.update_claim(ids["claims"][9], notes="Revisado por Ben")
        theirs.add_comment(ids["claims"][9], "Visto 👀")
        theirs.create_source(title="Encuesta de población activa")
        sent = handoff.write(theirs, tmp_path / "ben.factcheck-changes", to="ana")
    with Project.open(path, user="ana") as p:
        p.update_claim(ids["claims"][11], notes="Revisado por Ana")
        tracer = Tracer()
        with tracer.watching(p.store.conn):
            tracer.step = "merge a hand-off file"
            merge.merge(p, sent.path)
            tracer.step = "merge a copy"
            merge.merge(p, other)
            tracer.step = "write a hand-off"
            handoff.write(p, tmp_path / "ana.factcheck-changes", to="ben")
            tracer.step = "the partners and what each lacks"
            handoff.partners(p)
            handoff.lacking(p, to="ben")
            tracer.step = "sync: the events a push sends, with their rows"
            client.link(p, "postgresql://ana@localhost/desk")
            client.pending(p)
            recent = [r[0] for r in p.store.read("SELECT id FROM events WHERE seq > (SELECT max(seq) - 40 FROM events)")]
            client.outgoing(p, recent)
        _check(p, tracer)


def test_a_merge_reads_the_other_copy_through_indexes(desk, tmp_path, monkeypatch):
    """What a merge reads of the other copy (its events we lack, the rows they touched, their history) is looked up."""
    path, ids = desk
    other = tmp_path / "ben.factcheck"
    shutil.copy(path, other)
    with Project.open(other, user="ben") as theirs:
        theirs.update_claim(ids["claims"][8], notes="Revisado por Ben", rating="true")
        theirs.delete_source(ids["sources"][3])
        theirs.cite(ids["claims"][10], ids["sources"][4], "supports")
    tracer = Tracer()
    opened = merge._open_other

    def traced(project, other_path):
        found = opened(project, other_path)
        found[0].store.conn.set_trace_callback(tracer)
        return found

    monkeypatch.setattr(merge, "_open_other", traced)
    with Project.open(path, user="ana") as p:
        p.update_claim(ids["claims"][8], rating="false")
        tracer.step = "plan a merge: what is read of the other copy"
        plan = merge.plan(p, other)
        assert [c.field for c in plan.conflicts] == ["rating"] and plan.base
        _check(p, tracer)  # the copy's schema and statistics are this one's
        assert len(tracer.statements) > 5


def test_a_claim_is_found_by_the_start_of_its_id(desk):
    path, ids = desk
    deleted = ids["claims"][2]
    with Project.open(path, read_only=True) as p:
        assert [c.id for c in p.claims_with_prefix(deleted[:8])] == [deleted]  # deleted claims too
        assert [c.id for c in p.claims_with_prefix(deleted)] == [deleted]
        assert p.claims_with_prefix(deleted + "0") == []
        everything = p.claims_with_prefix("")
        assert len(everything) == len(ids["claims"]) and everything == sorted(everything, key=lambda c: c.id)
        first = {c.id for c in p.claims_with_prefix(deleted[0])}
        assert first == {c for c in ids["claims"] if c.startswith(deleted[0])}


def test_the_rule_finds_a_scan(desk):
    """The check would fail on a hot query that reads a table whole, and on one that sorts a whole table."""
    path, ids = desk
    with Project.open(path, user="ana", read_only=True) as p:
        conn = p.store.conn
        assert scans(conn, "SELECT id FROM claims WHERE claimant = 'Portavoz 1'")
        assert scans(conn, "SELECT id FROM events ORDER BY at DESC LIMIT 1")  # sorted first: every row read
        assert not scans(conn, "SELECT id FROM events ORDER BY seq DESC LIMIT 1")  # the newest event, then stop
        assert not scans(conn, f"SELECT id FROM claims WHERE id = '{ids['claims'][0]}'")
        tracer = Tracer()
        with tracer.watching(conn):
            conn.execute("SELECT count(*) FROM comments WHERE body LIKE '%fuente%'").fetchall()
        assert offending(conn, tracer, FULL_READS)


def test_the_indexes_of_m011_are_what_the_lists_use(desk):
    path, ids = desk
    with Project.open(path, read_only=True) as p:
        conn = p.store.conn
        counts = plan(conn, "SELECT count(*) FROM claims c WHERE c.article_id = 'x' AND c.deleted_at IS NULL")
        assert any("COVERING INDEX claims_article_live" in line for line in counts), counts
        library = plan(conn, "SELECT id FROM sources WHERE deleted_at IS NULL ORDER BY title COLLATE NOCASE, rowid")
        assert not any("TEMP B-TREE" in line for line in library), library
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"claims_article_live", "corrections_claim", "sources_title", "events_based_on"} <= names
        assert "claims_article" not in names  # claims_reading_order starts with article_id


def _without_m011(path) -> None:
    """Take a project back to before m011 (its indexes and statistics gone), as an older build left it."""
    conn = sqlite3.connect(path)
    with conn:
        for name in ("claims_article_live", "corrections_claim", "sources_title", "events_based_on"):
            conn.execute(f"DROP INDEX {name}")
        conn.execute("CREATE INDEX claims_article ON claims(article_id)")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm011_hot_queries'")
        conn.execute("DROP TABLE IF EXISTS sqlite_stat1")
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION - 1}")
    conn.close()


def test_an_upgrade_adds_the_indexes_and_gathers_statistics(desk):
    path, ids = desk
    _without_m011(path)
    with Project.open(path, user="ana") as p:
        stats = dict(p.store.read("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'claims'"))
        assert "claims_article_live" in stats and int(stats["claims_article_live"].split()[0]) > 100
        assert p.verify().ok
        assert len(p.claims()) == len(ids["claims"]) - 1


def _stats(path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            return {}
        return dict(conn.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'claims'"))
    finally:
        conn.close()


def _claims(p: Project, n: int) -> None:
    version = p.current_version(p.articles()[0].id)
    with p.batch():
        for i in range(n):
            p.create_claim(version.id, i % 300, i % 300 + 20)


def test_closing_a_project_refreshes_the_statistics_it_used(tmp_path):
    path = tmp_path / "p.factcheck"
    with Project.create(path, user="ana") as p:
        p.import_article(imported(TEXT))
        _claims(p, 60)
        p.claims(p.articles()[0].id)  # a query the statistics would help
        assert _stats(path) == {}
    assert "claims_article_live" in _stats(path)  # PRAGMA optimize ran at close


def test_a_large_change_refreshes_the_statistics_at_once(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "OPTIMIZE_AFTER_ROWS", 200)
    path = tmp_path / "p.factcheck"
    with Project.create(path, user="ana") as p:
        p.import_article(imported(TEXT))
        _claims(p, 5)  # a small change: no statistics yet
        p.claims(p.articles()[0].id)
        assert _stats(path) == {}
        _claims(p, 80)  # one transaction of many rows: PRAGMA optimize after it
        assert "claims_article_live" in _stats(path)
