"""Nothing cut off on a small screen: dialogs within the screen, the source library's titles, the
shortcuts' keys, a file name in the merge dialog's header, the claim list's columns (English and Spanish)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QLabel

from factcheck import demo
from factcheck.core import merge
from factcheck.core.project import Project
from factcheck.ui.dialogs.merge_dialog import MergeDialog
from factcheck.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from factcheck.ui.dialogs.source_library import SourceLibraryDialog, SourceTableModel
from factcheck.ui.dialogs.update_review import UpdateReviewDialog
from factcheck.ui.dialogs.version_compare import VersionCompareDialog
from factcheck.ui.session import Session
from tests.conftest import imported
from tests.ui.conftest import shown_window
from tests.ui.test_spanish import spanish  # noqa: F401 - a fixture

TEXT = "The minister said unemployment fell by 4% last year. The opposition said it rose by 2% instead."


@pytest.fixture
def demo_session(tmp_path, qapp):
    project = demo.build(tmp_path / "demo.factcheck")
    yield Session(project)
    project.close()


@pytest.fixture
def spanish_window(spanish, tmp_path, qtbot):  # noqa: F811
    demo.build(tmp_path / "demo-es.factcheck", language="es").close()
    window = shown_window(qtbot, tmp_path / "demo-es.factcheck", tmp_path / "s.ini")
    window.resize(1024, 700)
    return window


def room() -> tuple[int, int]:
    screen = QGuiApplication.primaryScreen().availableGeometry()
    return screen.width(), screen.height()


# --- dialogs within the screen ----------------------------------------------------------------------


def test_compare_versions_and_the_reanchoring_review_fit_the_screen(qtbot, project):
    article_id = project.import_article(imported(TEXT, title="Jobs")).created
    project.add_version(article_id, imported(TEXT.replace("4%", "5%")))
    session = Session(project)
    width, height = room()
    for dialog in (VersionCompareDialog(session, article_id), UpdateReviewDialog(session, article_id)):
        qtbot.add_widget(dialog)
        assert dialog.width() <= width and dialog.height() <= height, type(dialog).__name__
        assert dialog.width() >= min(width - 100, 900)  # still roomy: the screen's width, near enough


# --- the source library -------------------------------------------------------------------------------


def shown_library(qtbot, session) -> SourceLibraryDialog:
    dialog = SourceLibraryDialog(session)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    qtbot.wait(50)
    return dialog


def test_the_source_library_gives_the_title_the_room_and_never_scrolls_sideways(qtbot, demo_session):
    demo_session.project.create_source(title="Treasury sanctions list: entry for Gustavo Petro", publisher="OFAC")
    dialog = shown_library(qtbot, demo_session)
    table, header = dialog.table, dialog.table.horizontalHeader()
    shown = [c for c in range(dialog.model.columnCount()) if not table.isColumnHidden(c)]
    title = table.columnWidth(SourceTableModel.TITLE)
    assert title >= table.viewport().width() / 3
    assert all(title >= table.columnWidth(c) for c in shown)
    assert table.horizontalScrollBar().maximum() == 0
    for column in shown[1:]:  # every other column shown whole, its header too ("Confidential" was cut)
        assert table.columnWidth(column) >= header.sectionSizeHint(column), dialog.model.headerData(
            column, Qt.Orientation.Horizontal)
    # The two "Treasury sanctions…" sources can be told apart in the list.
    titles = [dialog.model.index(r, SourceTableModel.TITLE).data() for r in range(dialog.model.rowCount())]
    treasury = [t for t in titles if t.startswith("Treasury sanction")]
    assert len(treasury) == 2
    font = QFontMetrics(table.font())
    shown_texts = {font.elidedText(t, Qt.TextElideMode.ElideRight, title - 8) for t in treasury}
    assert len(shown_texts) == 2


def test_a_library_widened_again_shows_every_column_whole(qtbot, demo_session):
    dialog = shown_library(qtbot, demo_session)
    dialog.resize(640, 600)  # narrow: some columns are given up
    qtbot.wait(50)
    assert any(dialog.table.isColumnHidden(c) for c in range(dialog.model.columnCount()))
    dialog.resize(1400, 600)
    qtbot.wait(50)
    table, header = dialog.table, dialog.table.horizontalHeader()
    assert not any(table.isColumnHidden(c) for c in range(dialog.model.columnCount()))
    assert all(table.columnWidth(c) >= header.sectionSizeHint(c) for c in range(1, dialog.model.columnCount()))
    assert table.horizontalScrollBar().maximum() == 0


def test_the_library_s_empty_details_wrap_in_spanish(qtbot, spanish_window):
    dialog = shown_library(qtbot, spanish_window.session)
    details = dialog.details
    assert details.empty_label.isVisible() and details.empty_label.text().startswith("Seleccione")
    assert details.widget().width() <= details.viewport().width()


# --- the keyboard shortcuts ----------------------------------------------------------------------------


def test_every_key_sequence_shows_whole_in_spanish(qtbot, spanish_window):
    dialog = ShortcutsDialog(spanish_window)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    table = dialog.table
    font = QFontMetrics(table.font())
    assert table.horizontalScrollBar().maximum() == 0
    redo = next(row for row, shortcut in enumerate(dialog.rows) if ", " in shortcut.keys)  # two sequences
    for row, shortcut in enumerate(dialog.rows):
        lines = table.item(row, 1).text().split("\n")
        assert ", ".join(lines) == shortcut.keys
        assert max(font.horizontalAdvance(line) for line in lines) <= table.columnWidth(1), lines
        assert table.rowHeight(row) >= len(lines) * font.height()
        for column in (0, 2):
            assert font.horizontalAdvance(table.item(row, column).text()) <= table.columnWidth(column), \
                table.item(row, column).text()
    assert table.rowHeight(redo) > table.rowHeight(0)


# --- a file name in the merge dialog's header ------------------------------------------------------------


def test_the_merge_dialog_never_breaks_a_file_name(qtbot, tmp_path):
    here, there = tmp_path / "demo.factcheck", tmp_path / "demo-copy.factcheck"
    with Project.create(here, user="ana") as p:
        version = p.current_version(p.import_article(imported(TEXT)).created)
        claim_id = p.create_claim(version.id, 4, 12, claimant="The minister").created
    shutil.copy(here, there)
    with Project.open(there, user="ben") as p:
        p.update_claim(claim_id, claimant="Associated Press (copy)")
    with Project.open(here, user="ana") as p:
        p.update_claim(claim_id, claimant="AP (edited here)")
        dialog = MergeDialog(merge.plan(p, there), project=p)
        qtbot.add_widget(dialog)
        dialog.resize(760, 420)
        dialog.show()
        qtbot.wait_exposed(dialog)
        header = next(label for label in dialog.findChildren(QLabel)
                      if "copy.factcheck" in label.text() and "(" in label.text())
        name = header.text()[header.text().index("("):]
        assert QFontMetrics(header.font()).horizontalAdvance(name) <= header.width(), header.text()


# --- the claim list in a narrow dock ----------------------------------------------------------------------


@pytest.mark.parametrize("width", [320, 350])
def test_a_narrow_spanish_claim_list_keeps_its_quote_and_never_scrolls_sideways(qtbot, spanish_window, width):
    window = spanish_window
    window.resizeDocks([window.claims_dock], [width], Qt.Orientation.Horizontal)
    qtbot.wait_until(lambda: window.claims_dock.width() == width)  # no claim open: nothing widens the dock
    qtbot.wait(50)
    claims = window.panel.list
    claims.scrollTo(claims.model().index(0, 3))  # the status of the first claim, the rightmost column
    assert claims.horizontalScrollBar().maximum() == 0 and claims.horizontalScrollBar().value() == 0
    assert claims.columnWidth(0) >= claims.viewport().width() // 3 - 1
    assert claims.horizontalHeader().sectionViewportPosition(0) == 0
