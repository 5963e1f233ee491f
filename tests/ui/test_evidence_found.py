"""Evidence a person attached can be found: the status bar says what went where, the inspector's Sources
table counts each row's files, and the dialogs of a source or citation not saved yet say how to attach."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from factcheck.core import history
from factcheck.core.project import Project
from factcheck.ui import evidence
from factcheck.ui.dialogs.citation_dialog import CitationDialog
from factcheck.ui.dialogs.source_dialog import SourceDialog
from tests.conftest import imported
from tests.ui.conftest import shown_window


@pytest.fixture
def errors(monkeypatch):
    said = []
    monkeypatch.setattr(evidence, "show_error", lambda parent, exc: said.append(str(exc)))
    return said


@pytest.fixture
def window(qtbot, tmp_path, errors):
    path = tmp_path / "p.factcheck"
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported("The minister said exports fell by 12% in 2023.")).created
        claim_id = p.create_claim(p.current_version(article_id).id, 4, 30).created
        source_id = p.create_source(title="Customs bulletin").created
        citation_id = p.cite(claim_id, source_id).created
    w = shown_window(qtbot, path, tmp_path / "settings.ini")
    w.open_claim(claim_id)
    w.ids = {"claim": claim_id, "source": source_id, "citation": citation_id}
    return w


def files_cell(window):
    table = window.panel.inspector.citations
    return table.index(0, table.FILES)


def test_file_attach_evidence_says_which_file_went_where(window, tmp_path, monkeypatch):
    memo = tmp_path / "memo.txt"
    memo.write_text("memo")
    monkeypatch.setattr(evidence, "ask_files", lambda parent: [str(memo)])
    window.attach_evidence_action.trigger()
    message = window.statusBar().currentMessage()
    assert "memo.txt" in message and "Customs bulletin" in message


def test_the_sources_table_counts_the_files_of_the_source_and_of_the_citation(window, tmp_path, monkeypatch, qtbot):
    inspector = window.panel.inspector
    header = inspector.citations.headerData(inspector.citations.FILES, Qt.Orientation.Horizontal)
    assert header == "Files" and not inspector.citation_view.isColumnHidden(inspector.citations.FILES)
    assert files_cell(window).data() == ""
    memo = tmp_path / "memo.txt"
    memo.write_text("memo")
    monkeypatch.setattr(evidence, "ask_files", lambda parent: [str(memo)])
    window.attach_evidence_action.trigger()  # to the source: the claim itself did not change
    assert files_cell(window).data() == "1"
    call = tmp_path / "call.txt"
    call.write_text("Confirmed by phone.")
    window.session.do(history.Attach(citation_id=window.ids["citation"], path=str(call)))
    assert files_cell(window).data() == "2"
    tip = files_cell(window).data(Qt.ItemDataRole.ToolTipRole)
    assert "memo.txt" in tip and "call.txt" in tip
    view = inspector.citation_view
    assert view.columnWidth(inspector.citations.FILES) >= view.horizontalHeader().sectionSizeHint(inspector.citations.FILES)
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert files_cell(window).data() == ""


def test_unsaved_dialogs_say_how_to_attach_files_once_saved(qtbot, window):
    session = window.session
    source = SourceDialog(None, None, session=session)
    citation = CitationDialog(session, claim_id=window.ids["claim"])
    for dialog in (source, citation):
        qtbot.add_widget(dialog)
    said_source, said_citation = source.evidence.hint_label.text(), citation.evidence.hint_label.text()
    assert "Save it first" not in said_source + said_citation  # saving closes the dialog: that led nowhere
    assert "File > Attach evidence…" in said_source and "Source library…" in said_source
    assert "Edit…" in said_citation and "Sources" in said_citation
    for text, action in ((said_source, window.attach_evidence_action), (said_source, window.library_action)):
        assert action.text().replace("&", "") in text  # the menu entries as the menus name them
