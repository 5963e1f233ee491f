"""The long lists' cells as painted: what Qt's delegate paints is what ``data`` says, after a row changes and under
another scale too (``bench_lists --frames`` times these paints)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from factcheck.core import history, model, ratings
from factcheck.ui import models
from factcheck.ui.review_panel import QueueRow, ReviewQueueModel

DISPLAY, DECORATION = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole


def row(claim_id: str, *, claimant: str = "Mayor", rating: str | None = "true", quote: str = "") -> QueueRow:
    return QueueRow(claim_id, "a", "Article", quote or f"quote {claim_id}", "", claimant, rating, model.IN_REVIEW,
                    "ana", "", "2025-06-30T23:59:59.000Z", 1)


def painted(table_model, r: int, c: int) -> QStyleOptionViewItem:
    """What Qt's delegate paints a cell from (the roles it asks the model for)."""
    option = QStyleOptionViewItem()
    QStyledItemDelegate().initStyleOption(option, table_model.index(r, c))
    return option


def every_cell_painted_as_data_says(table_model) -> None:
    for r in range(table_model.rowCount()):
        for c in range(table_model.columnCount()):
            index = table_model.index(r, c)
            option = painted(table_model, r, c)
            assert option.text == (index.data(DISPLAY) or "")
            assert option.icon.isNull() == (index.data(DECORATION) is None)


def test_a_queue_row_shows_its_new_values_once_changed(qapp):
    queue = ReviewQueueModel(ratings.scale("default"))
    queue.set_rows([row("x"), row("y")])
    every_cell_painted_as_data_says(queue)  # every cell made and kept
    assert painted(queue, 0, queue.CLAIMANT).text == "Mayor"
    queue.apply(["x"], [row("x", claimant="Governor", rating="false", quote="new words")])
    at = queue.row_of("x")
    assert queue.data(queue.index(at, queue.CLAIMANT)) == painted(queue, at, queue.CLAIMANT).text == "Governor"
    assert painted(queue, at, queue.RATING).text == "False"
    assert painted(queue, at, queue.QUOTE).text == "new words"
    every_cell_painted_as_data_says(queue)


def test_queue_ratings_follow_a_new_scale(qapp):
    queue = ReviewQueueModel(ratings.scale("default"))
    rows = [row("x", rating="mostly-true")]
    queue.set_rows(rows)
    assert painted(queue, 0, queue.RATING).text == "Mostly true"
    queue.set_rows(rows, ratings.scale("politifact"))
    assert painted(queue, 0, queue.RATING).text == queue.data(queue.index(0, queue.RATING)) == "Mostly True"




def test_an_edited_claim_shows_its_new_values_in_the_claim_list(session):
    version = session.version
    a = session.do(history.CreateClaim(version.id, 0, 40, claimant="A", rating="false")).created
    session.do(history.CreateClaim(version.id, 50, 90))
    claims = models.ClaimTableModel(session.project.scale)
    claims.set_article(session.project, session.article_id)
    every_cell_painted_as_data_says(claims)
    assert painted(claims, 0, 1).text == "A"
    session.do(history.UpdateClaim(a, claimant="B", rating="true"))
    claims.apply([a])
    assert claims.data(claims.index(0, 1)) == painted(claims, 0, 1).text == "B"
    assert painted(claims, 0, 2).text == "True"
    every_cell_painted_as_data_says(claims)


def test_claim_list_ratings_follow_a_new_scale(session):
    version = session.version
    a = session.do(history.CreateClaim(version.id, 0, 40, rating="mostly-true")).created
    claims = models.ClaimTableModel(ratings.scale("default"))
    held = [session.project.claim(a)]
    claims.set_claims(held)
    assert painted(claims, 0, 2).text == "Mostly true"
    claims.set_claims(held, ratings.scale("politifact"))
    assert painted(claims, 0, 2).text == claims.data(claims.index(0, 2)) == "Mostly True"
