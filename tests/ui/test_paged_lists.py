"""The article list, an article's claims, the source library and the review queue's sorts, a page at a time.

Each list is shown in its view with a small page on a project of a few hundred rows: it
opens with one page, reads more as the view scrolls, counts from SQL, keeps its
selection through a live change, and lists the rows in the order an unpaged read gives.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView

from factcheck.core import history, lists, model, review_queue, workflow
from factcheck.core.project import Project
from factcheck.core.review_queue import nocase
from factcheck.ui import models
from factcheck.ui.claim_panel import ClaimPanel
from factcheck.ui.dialogs.source_library import SourceLibraryDialog, SourceTableModel
from factcheck.ui.review_panel import ReviewPanel, ReviewQueueModel
from factcheck.ui.session import Session

from ..conftest import imported

PAGE = 16
N_ARTICLES, N_CLAIMS, N_SOURCES = 60, 300, 200
TEXT = " ".join(f"Frase {i}: el paro bajó un {i} % según el informe {i * 7}." for i in range(400))


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """60 articles, 300 claims on the first (a third in review), 200 sources: (path, big article id)."""
    rng = random.Random(11)
    path = tmp_path_factory.mktemp("paged") / "paged.factcheck"
    with Project.create(path, user="ana") as p:
        with p.batch():
            articles = [p.import_article(imported(TEXT if i == 0 else f"Texto {i}.", title=f"Artículo {i:02d}")).created
                        for i in range(N_ARTICLES)]
            sources = [p.create_source(title=f"{rng.choice(('Acta', 'informe', 'Ñu'))} {i:03d}",
                                       publisher=rng.choice(("INE", "ine", "Éxito", "Banco", "")),
                                       kind=rng.choice(model.SOURCE_KINDS)).created for i in range(N_SOURCES)]
            version = p.current_version(articles[0])
            scale = [r.key for r in p.scale.ratings]
            for i in range(N_CLAIMS):
                start = rng.randrange(0, len(version.text) - 40)
                rating = rng.choice(scale)
                claim_id = p.create_claim(version.id, start, start + 25, rating=rating, verdict_summary="No.",
                                          claimant=rng.choice(("Ministra", "ministra", "Álvaro", "bob"))).created
                p.cite(claim_id, rng.choice(sources), "contradicts")
                if i % 3 == 0:
                    p.user = rng.choice(("ana", "Ben", "íñigo"))
                    p.review(claim_id, workflow.SUBMIT)
                    p.user = "ana"
    return path, articles[0]


@pytest.fixture
def session(desk, tmp_path, monkeypatch):
    for cls in (models.ArticleListModel, models.ClaimTableModel, SourceTableModel, ReviewQueueModel):
        monkeypatch.setattr(cls, "PAGE", PAGE)
    path = tmp_path / "paged.factcheck"
    path.write_bytes(desk[0].read_bytes())
    project = Project.open(path, user="eva")
    session = Session(project)
    yield session
    session.stop()
    project.close()


def read_all(model) -> None:
    while model.canFetchMore():
        model.fetchMore()


def scroll_reads_more(qtbot, view) -> None:
    """The view scrolled to its end asks for the next page."""
    model = view.model()
    before = model.rowCount()
    assert before == PAGE < model.count()
    view.scrollToBottom()
    qtbot.wait_until(lambda: model.rowCount() > before)


# --- the article list ----------------------------------------------------------------------


def test_the_article_list_opens_with_a_page_and_reads_more_as_it_scrolls(session, qtbot, qtmodeltester):
    articles = models.ArticleListModel()
    view = QListView()
    qtbot.add_widget(view)
    view.setModel(articles)
    view.resize(300, 200)
    articles.set_project(session.project)
    view.show()
    qtbot.wait_exposed(view)
    assert articles.count() == N_ARTICLES  # counted in SQL
    scroll_reads_more(qtbot, view)
    read_all(articles)
    shown = [articles.article_at(r).id for r in range(articles.rowCount())]
    assert shown == [a.id for a in session.project.articles()]  # the unpaged order
    qtmodeltester.check(articles)


def test_the_article_list_reads_down_to_the_article_shown(session):
    articles = models.ArticleListModel()
    last = session.project.articles()[-1]
    articles.set_project(session.project, keep=[last.id])
    assert articles.row_of(last.id) == N_ARTICLES - 1 and articles.article_at(N_ARTICLES - 1) == last
    assert articles.fetch_through("no such article") == -1


# --- an article's claims -------------------------------------------------------------------


@pytest.fixture
def panel(session, desk, qtbot):
    widget = ClaimPanel(session)
    qtbot.add_widget(widget)
    widget.resize(700, 900)
    widget.show()
    qtbot.wait_exposed(widget)
    widget.set_article(desk[1])
    return widget


def test_the_claim_list_reads_pages_as_it_scrolls_in_reading_order(panel, qtbot, qtmodeltester):
    claims = panel.claims
    assert claims.count() == N_CLAIMS and panel.count.text() == f"{N_CLAIMS} claims"
    scroll_reads_more(qtbot, panel.list)
    read_all(claims)
    expected = sorted(panel.session.project.claims(panel.article_id), key=lambda c: (c.start, c.end, c.created_at, c.id))
    assert [c.id for c in claims.claims()] == [c.id for c in expected]
    qtmodeltester.check(claims)


def test_a_claim_far_down_is_read_down_to_and_stays_selected_through_a_change(panel):
    project = panel.session.project
    far = sorted(project.claims(panel.article_id), key=lambda c: (c.start, c.end, c.created_at, c.id))[N_CLAIMS // 2]
    panel.select_claim(far.id)
    row = panel.claims.row_of(far.id)
    assert row >= 0 and panel.list.selectionModel().isRowSelected(row)
    assert panel.claims.rowCount() < N_CLAIMS  # only down to it
    panel.session.do(history.UpdateClaim(far.id, claimant="Otra persona"))
    row = panel.claims.row_of(far.id)
    assert panel.claims.claim_at(row).claimant == "Otra persona"
    assert panel.list.selectionModel().isRowSelected(row) and panel.current_claim_id == far.id


def test_a_new_and_a_deleted_claim_change_the_rows_and_the_count(panel):
    project = panel.session.project
    version = project.current_version(panel.article_id)
    before = panel.claims.rowCount()
    made = panel.session.do(history.CreateClaim(version.id, 0, 12)).created  # first in reading order: read already
    assert panel.claims.row_of(made) == 0 and panel.claims.rowCount() == before + 1
    assert panel.claims.count() == N_CLAIMS + 1
    panel.session.do(history.DeleteClaim(made))
    assert panel.claims.row_of(made) == -1 and panel.claims.count() == N_CLAIMS


# --- the source library --------------------------------------------------------------------


@pytest.fixture
def library(session, qtbot):
    dialog = SourceLibraryDialog(session)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    return dialog


def shown_ids(dialog) -> list[str]:
    read_all(dialog.model)
    return [dialog.model.source_at(r).id for r in range(dialog.model.rowCount())]


def test_the_library_opens_with_a_page_and_counts_in_sql(library, qtbot, qtmodeltester):
    assert library.count_label.text() == f"{N_SOURCES} sources"
    scroll_reads_more(qtbot, library.table)
    assert shown_ids(library) == [s.id for s in library.session.project.sources()]
    qtmodeltester.check(library.model)


@pytest.mark.parametrize("column", range(6))
def test_a_header_sorts_the_library_as_the_unpaged_list_says(library, qtbot, column):
    project = library.session.project
    usage = project.source_usage_counts()
    value = (lambda s: s.title, lambda s: nocase(s.publisher), lambda s: model.SOURCE_KINDS.index(s.kind),
             lambda s: model.RELIABILITIES.index(s.reliability), lambda s: int(s.confidential),
             lambda s: usage.get(s.id, 0))[column]
    expected = [s.id for s in sorted(project.sources(), key=lambda s: (value(s), nocase(s.title)))]
    chosen = expected[len(expected) // 2]
    library.select(chosen)
    library.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
    assert library.selected_id() == chosen  # read down to it and selected again
    assert shown_ids(library) == expected
    library.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    assert shown_ids(library) == expected[::-1] and library.selected_id() == chosen


def test_search_as_you_type_and_a_live_change_keep_the_selection(library, qtbot):
    project = library.session.project
    informe = [s.id for s in project.sources("informe")]
    qtbot.keyClicks(library.search_edit, "informe")
    qtbot.wait_until(lambda: library.count_label.text() == f"{len(informe)} sources")
    assert sorted(shown_ids(library)) == sorted(informe)
    chosen = informe[-1]
    library.select(chosen)
    library.session.do(history.UpdateSource(chosen, publisher="Otra editorial"))  # another view's change: read again
    assert library.selected_id() == chosen
    assert library.details.text("publisher") == "Otra editorial"


# --- the review queue's sorts ----------------------------------------------------------------


@pytest.mark.parametrize("column", range(7))
def test_every_sort_of_the_queue_reads_pages_in_the_unpaged_order(session, qtbot, column):
    panel = ReviewPanel(session)
    qtbot.add_widget(panel)
    panel.set_status_filter(None)
    reference = review_queue.ListQueue(session.project.review_queue_rows(), session.project.scale)
    chosen = panel.model.rows[5].id
    panel.select_claims([chosen])
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        panel.table.sortByColumn(column, order)
        assert panel.selected_claim_ids() == [chosen]  # read down to it and selected again
        assert panel.model.count() == N_CLAIMS
        panel.model.fetch_all()
        wanted = review_queue.Order(review_queue.COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        expected = [row[0] for row, _ in reference.page(review_queue.Filter(statuses=None), wanted, None, 10_000)]
        assert [r.id for r in panel.model.rows] == expected
