"""The review queue of a large project: one page read at open, more as it scrolls, counts and order from SQL."""

from __future__ import annotations

import random
import shutil
import sqlite3
import uuid

import pytest
from PySide6.QtCore import QEvent, QObject, Qt

from factcheck.core import model, review_queue
from factcheck.core.project import Project
from factcheck.ui.models import number
from factcheck.ui.review_panel import ReviewPanel, ReviewQueueModel
from factcheck.ui.session import Session

from ..conftest import imported

CLAIMS = 20_000
CHECKERS = ("ana", "Ben", "carla", "Íñigo", "zoë")


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """A project of 20,000 claims (rows written with SQL, as a desk's year of merges leaves them): its path."""
    rng = random.Random(42)
    path = tmp_path_factory.mktemp("large") / "large.factcheck"
    text = "El ministro dijo que el paro bajó un 4 % el año pasado 📉. " * 2_000
    with Project.create(path, user="ana") as p:
        articles = [p.import_article(imported(text, title=f"Artículo {i}")).created for i in range(4)]
        versions = {a: p.current_version(a).id for a in articles}
        template = p.create_claim(versions[articles[0]], 0, 20).created
    conn = sqlite3.connect(path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(claims)")]
    row = dict(zip(columns, conn.execute("SELECT * FROM claims WHERE id = ?", (template,)).fetchone()))
    rows = []
    for i in range(CLAIMS):
        article = articles[i % 4]
        day, status = 1 + i % 28, rng.choice((model.IN_REVIEW, model.IN_REVIEW, model.DRAFT, model.APPROVED))
        stamp = f"2025-{1 + i % 12:02d}-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00.000Z"
        start = rng.randrange(0, len(text) - 40)
        rows.append({**row, "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "article_id": article,
                     "version_id": versions[article], "start": start, "end": start + 30, "exact": text[start:start + 30],
                     "claimant": rng.choice(("Ministra", "ministra", "Oposición", "Álvaro", "bob")), "status": status,
                     "submitted_by": rng.choice(CHECKERS) if status != model.DRAFT else None,
                     "submitted_at": stamp if status != model.DRAFT else None, "updated_at": stamp,
                     "approved_at": stamp if status == model.APPROVED else None})
    conn.executemany(f"INSERT INTO claims ({', '.join(map(repr, columns))}) VALUES ({', '.join('?' * len(columns))})",
                     [tuple(r[c] for c in columns) for r in rows])
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def panel(large, tmp_path, qtbot):
    path = tmp_path / "large.factcheck"
    shutil.copy(large, path)
    project = Project.open(path, user="eva")
    session = Session(project)
    widget = ReviewPanel(session)
    qtbot.add_widget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.wait_exposed(widget)
    yield widget
    session.stop()
    project.close()


def sql_ids(project, where: str, order: str, params=()) -> list[str]:
    return [r[0] for r in project.store.read(
        "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.deleted_at IS NULL "
        f"AND a.deleted_at IS NULL {where} ORDER BY {order}", params)]


def shown(panel) -> list[str]:
    return [r.id for r in panel.model.rows]


def test_a_large_queue_opens_with_one_page_and_reads_more_as_it_scrolls(panel, qtbot):
    project, model_ = panel.session.project, panel.model
    waiting = sql_ids(project, "AND c.status = 'in_review'",
                      "COALESCE(c.submitted_at, c.updated_at), c.id")
    assert 5_000 < len(waiting) < CLAIMS
    assert model_.rowCount() <= ReviewQueueModel.PAGE  # what the first screen needs, not the project
    assert shown(panel) == waiting[:model_.rowCount()]  # the longest waiting first
    qtbot.wait_until(lambda: panel.model.counted)  # once the rows are painted
    assert panel.count.text() == f"{number(len(waiting))} claims in review"  # counted in SQL, not from the rows read
    assert model_.total() == CLAIMS + 1
    assert panel.count_tooltip() == f"{number(len(waiting))} shown of the {number(CLAIMS + 1)} claims in the project"

    bar = panel.table.verticalScrollBar()
    for _ in range(3):  # scrolled to the end: the view asks for the next page
        bar.setValue(bar.maximum())
        qtbot.wait(1)
    assert ReviewQueueModel.PAGE < model_.rowCount() < len(waiting)
    assert shown(panel) == waiting[:model_.rowCount()]
    assert panel.count.text() == f"{number(len(waiting))} claims in review"


def test_the_rows_are_painted_before_the_queue_is_counted(large, tmp_path, qtbot):
    """Opening a large project does not wait for the count (a walk of an index as long as the queue)."""
    path = tmp_path / "large.factcheck"
    shutil.copy(large, path)
    project = Project.open(path, user="eva")
    session = Session(project)
    seen = []
    project.store.conn.set_trace_callback(seen.append)
    widget = ReviewPanel(session)
    qtbot.add_widget(widget)

    class Painted(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                seen.append("painted")
            return False

    painted = Painted(widget)
    widget.table.viewport().installEventFilter(painted)
    assert not widget.model.counted and widget.count.text() == ""
    assert widget.model.rowCount() == ReviewQueueModel.PAGE
    widget.show()
    qtbot.wait_until(lambda: widget.model.counted)
    project.store.conn.set_trace_callback(None)
    counts = [i for i, s in enumerate(seen) if s.startswith("SELECT (SELECT count(*)")]
    page = next(i for i, s in enumerate(seen) if s.startswith("SELECT c.id"))
    assert len(counts) == 1 and page < seen.index("painted") < counts[0]
    assert widget.count.text() == f"{number(widget.model.count())} claims in review"
    session.stop()
    project.close()


def test_sort_and_filters_run_in_sql_over_every_claim(panel, qtbot):
    project, model_ = panel.session.project, panel.model
    header = panel.table.horizontalHeader()
    header.setSortIndicator(ReviewQueueModel.CLAIMANT, Qt.SortOrder.DescendingOrder)
    expected = sql_ids(project, "AND c.status = 'in_review'", "c.claimant COLLATE NOCASE DESC, c.id DESC")
    assert shown(panel) == expected[:model_.rowCount()] and model_.rowCount() <= ReviewQueueModel.PAGE

    panel.checker_filter.setCurrentIndex(panel.checker_filter.findText("Íñigo"))
    expected = sql_ids(project, "AND c.status = 'in_review' AND c.submitted_by = ?",
                       "c.claimant COLLATE NOCASE DESC, c.id DESC", ("Íñigo",))
    assert shown(panel) == expected[:model_.rowCount()]
    assert panel.count.text() == f"{number(len(expected))} claims in review"
    assert [panel.checker_filter.itemText(i) for i in range(1, panel.checker_filter.count())] == \
        ["ana", "Ben", "carla", "zoë", "Íñigo"]  # by casefold, as before

    panel.text_filter.setText("MINISTRA")  # words: lower-cased on both sides
    expected = sql_ids(project, "AND c.status = 'in_review' AND c.submitted_by = ? AND lower(c.claimant) = 'ministra'",
                       "c.claimant COLLATE NOCASE DESC, c.id DESC", ("Íñigo",))
    model_.fetch_all()
    assert shown(panel) == expected and model_.count() == len(expected)

    panel.text_filter.clear()
    panel.checker_filter.setCurrentIndex(0)
    panel.set_status_filter(None)
    assert model_.count() == CLAIMS + 1 and model_.rowCount() <= ReviewQueueModel.PAGE


def test_select_all_takes_every_claim_and_a_far_claim_is_read_down_to(panel, qtbot):
    project, model_ = panel.session.project, panel.model
    waiting = sql_ids(project, "AND c.status = 'in_review'", "COALESCE(c.submitted_at, c.updated_at), c.id")
    panel.select_claims([waiting[-3]])  # far down the queue: read down to it, selected, scrolled to
    assert panel.selected_claim_ids() == [waiting[-3]]
    assert model_.rowCount() >= len(waiting) - 2
    panel.table.setFocus()
    panel.table.selectAll()
    assert len(panel.selected_claim_ids()) == len(waiting) == model_.rowCount()


def test_one_changed_claim_moves_one_row_and_reads_one_row(panel, qtbot):
    project, model_ = panel.session.project, panel.model
    first = model_.rows[0]
    resets, statements = [], []
    model_.modelReset.connect(lambda: resets.append(1))
    before = model_.count()
    project.store.conn.set_trace_callback(statements.append)
    changes = project.update_claim(first.id, claimant="Otra persona")  # same status, same place: one row repainted
    panel._on_session_changed(changes)
    project.store.conn.set_trace_callback(None)
    assert model_.rows[0].claimant == "Otra persona" and resets == []
    assert len([s for s in statements if s.startswith("SELECT c.id")]) == 1  # its own row, nothing more

    project.user = "ana"
    changes = project.review(first.id, "request_changes", comment="Falta la fuente")
    panel._on_session_changed(changes)  # it leaves "in review": its row goes, the count follows
    assert first.id not in shown(panel) and resets == [] and model_.count() == before - 1
    assert panel.count.text() == f"{number(before - 1)} claims in review"


def test_the_paged_model_passes_the_model_tester(panel, qtmodeltester):
    model_ = panel.model
    qtmodeltester.check(model_)  # and it keeps watching what follows (one tester: it reads pages itself)
    while model_.canFetchMore():
        model_.fetchMore()
        if model_.rowCount() > 4 * ReviewQueueModel.PAGE:
            break
    model_.sort(ReviewQueueModel.RATING, Qt.SortOrder.AscendingOrder)
    model_.set_filter(statuses=None, checker="Íñigo")
    model_.fetchMore()
    assert model_.rowCount() == min(model_.count(), 2 * ReviewQueueModel.PAGE)
    assert isinstance(model_.queue, review_queue.SqlQueue)
