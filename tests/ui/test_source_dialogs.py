"""The source library, the source form, the citation dialog and safe link opening."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog

from factcheck.core import fields, history
from factcheck.ui import links
from factcheck.ui.dialogs.citation_dialog import CitationDialog
from factcheck.ui.dialogs.source_dialog import SourceDialog
from factcheck.ui.dialogs.source_library import SourceLibraryDialog, SourceTableModel


# --- helpers -------------------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch):
    """Records every URL handed to the desktop instead of opening a browser."""
    calls: list[str] = []

    def fake_open(url):
        calls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake_open)
    return calls


@pytest.fixture
def library(session):
    """Three sources, one of them cited by one claim; returns a dict of their ids."""
    claim_id = session.do(history.CreateClaim(session.version.id, 0, 60)).created
    ids = {
        "treasury": session.do(history.CreateSource(
            title="Venezuela-related sanctions", url="https://home.treasury.gov/venezuela",
            publisher="U.S. Department of the Treasury", kind="official statement", reliability="high")).created,
        "interview": session.do(history.CreateSource(
            title="Interview with an oil engineer", kind="interview", confidential=True)).created,
        "dataset": session.do(history.CreateSource(
            url="https://example.org/oil-exports.csv", publisher="OPEC", kind="dataset")).created,
        "claim": claim_id,
    }
    session.do(history.Cite(claim_id, ids["treasury"], "supports", quote="licence"))
    return ids


def accept_with(monkeypatch, qtbot, cls, fill):
    """Replace ``cls.exec`` so that ``ask`` fills the real dialog and clicks its OK button."""

    def fake_exec(dialog):
        qtbot.add_widget(dialog)
        dialog.show()
        fill(dialog)
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(cls, "exec", fake_exec)


def click_row(qtbot, view, row: int, double: bool = False) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    if double:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def shown_titles(dialog) -> list[str]:
    model = dialog.table.model()
    return [model.data(model.index(r, SourceTableModel.TITLE)) for r in range(model.rowCount())]


def make_library_dialog(qtbot, session, **kwargs) -> SourceLibraryDialog:
    dialog = SourceLibraryDialog(session, **kwargs)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def make_citation_dialog(qtbot, session, claim_id, citation=None) -> CitationDialog:
    dialog = CitationDialog(session, claim_id=claim_id, citation=citation)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


# --- the table model -----------------------------------------------------------------


def test_source_table_model_passes_modeltester_empty_and_filled(qtmodeltester, session, library):
    model = SourceTableModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.source_at(0) is None and model.row_of(library["treasury"]) == -1

    sources = session.project.sources()
    model.set_sources(sources, {library["treasury"]: 1})
    qtmodeltester.check(model)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)

    assert model.rowCount() == 3 and model.columnCount() == 6
    row = model.row_of(library["treasury"])
    assert model.source_at(row).id == library["treasury"]
    shown = [model.data(model.index(row, c)) for c in range(model.columnCount())]
    assert shown == ["Venezuela-related sanctions", "U.S. Department of the Treasury", "Official statement",
                     "High", "", "1 claim"]
    interview = model.row_of(library["interview"])
    assert model.data(model.index(interview, SourceTableModel.CONFIDENTIAL)) == "Confidential"
    assert model.data(model.index(interview, SourceTableModel.RELIABILITY)) == "Not rated"
    assert model.data(model.index(interview, SourceTableModel.USAGE)) == "Not cited"
    dataset = model.row_of(library["dataset"])  # no title: named by its URL
    assert model.data(model.index(dataset, SourceTableModel.TITLE)) == "https://example.org/oil-exports.csv"
    assert model.data(model.index(dataset, 0), Qt.ItemDataRole.UserRole) == library["dataset"]

    model.set_sources([], {})
    qtmodeltester.check(model)
    assert model.rowCount() == 0


# --- the source form -----------------------------------------------------------------


def test_new_source_form_returns_the_filled_fields(qtbot, monkeypatch):
    def fill(dialog):
        qtbot.keyClicks(dialog.title_edit, "  Budget 2024  ")
        qtbot.keyClicks(dialog.url_edit, "https://gov.example/budget.pdf")
        qtbot.keyClicks(dialog.publisher_edit, "Ministry of Finance")
        qtbot.keyClicks(dialog.published_edit, "2024-03-01")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("Document"))
        dialog.reliability_combo.setCurrentIndex(dialog.reliability_combo.findText("High"))
        dialog.confidential_check.setFocus()
        qtbot.keyClick(dialog.confidential_check, Qt.Key.Key_Space)
        qtbot.keyClicks(dialog.notes_edit, "Page 12 has the table.")

    accept_with(monkeypatch, qtbot, SourceDialog, fill)
    assert SourceDialog.ask(None) == {
        "title": "Budget 2024",
        "url": "https://gov.example/budget.pdf",
        "publisher": "Ministry of Finance",
        "published_at": "2024-03-01",
        "accessed_at": datetime.date.today().isoformat(),
        "kind": "document",
        "reliability": "high",
        "confidential": True,
        "notes": "Page 12 has the table.",
    }


def test_edit_source_form_returns_only_changed_fields(qtbot, monkeypatch, session, library):
    source = session.project.source(library["treasury"])

    def fill(dialog):
        assert dialog.title_edit.text() == "Venezuela-related sanctions"
        assert dialog.reliability_combo.currentText() == "High"
        dialog.publisher_edit.clear()
        qtbot.keyClicks(dialog.publisher_edit, "OFAC")
        dialog.reliability_combo.setCurrentIndex(dialog.reliability_combo.findText("Not rated"))

    accept_with(monkeypatch, qtbot, SourceDialog, fill)
    assert SourceDialog.ask(None, source) == {"publisher": "OFAC", "reliability": ""}


def test_source_form_cancel_returns_none(monkeypatch):
    monkeypatch.setattr(SourceDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert SourceDialog.ask(None) is None


def test_source_form_needs_a_title_or_url(qtbot):
    dialog = SourceDialog()
    qtbot.add_widget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.publisher_edit, "Reuters")
    qtbot.keyClicks(dialog.title_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.url_edit, "https://reuters.com/x")
    assert dialog.ok_button.isEnabled()
    dialog.url_edit.clear()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.title_edit, "Wire story")
    assert dialog.ok_button.isEnabled()


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "  JavaScript:alert(1)", "java\tscript:alert(1)", "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>", "file:///etc/passwd",
])
def test_source_form_refuses_a_script_url_before_saving(qtbot, url):
    dialog = SourceDialog()
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title_edit, "Leaked memo")
    assert dialog.ok_button.isEnabled()
    dialog.url_edit.setText(url)
    # Core's reason, shown where the user looks, and OK off: nothing fails on save.
    assert not dialog.ok_button.isEnabled()
    assert dialog.hint_label.isVisible() and "http" in dialog.hint_label.text()
    assert dialog.hint_label.text() == fields.url_problem(url)
    dialog.url_edit.setText("example.org/memo")  # core keeps it (as https://example.org/memo)
    assert dialog.ok_button.isEnabled() and not dialog.hint_label.isVisible()


def test_source_form_open_button_only_for_web_links(qtbot, opened):
    dialog = SourceDialog()
    qtbot.add_widget(dialog)
    qtbot.keyClicks(dialog.url_edit, "javascript:alert(1)")
    assert not dialog.open_button.isEnabled()
    dialog.open_button.click()  # a disabled button does nothing even when clicked
    assert opened == []
    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, "https://example.org/report")
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == ["https://example.org/report"]


# --- links -----------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)",
    "file:///etc/passwd", "FILE://C:/Windows/win.ini", "data:text/html,<script>alert(1)</script>",
    "", "   ", None, "example.org/page", "/relative/path", "//example.org/x", "http://", "https:example.org",
    "ftp://example.org/file", "https://exa\nmple.org",
])
def test_open_url_refuses_anything_but_web_links(opened, url):
    assert links.is_openable(url) is False
    assert links.open_url(url) is False
    assert opened == []


@pytest.mark.parametrize("url", ["https://example.org/a?b=1#c", "HTTP://EXAMPLE.ORG", "  https://example.org/x  "])
def test_open_url_opens_web_links(opened, url):
    assert links.is_openable(url)
    assert links.open_url(url) is True
    assert len(opened) == 1 and opened[0].lower().startswith("http")


# --- the library ---------------------------------------------------------------------


def test_library_search_narrows_the_table(qtbot, session, library):
    dialog = make_library_dialog(qtbot, session)
    assert len(shown_titles(dialog)) == 3
    qtbot.keyClicks(dialog.search_edit, "treas")
    qtbot.wait_until(lambda: shown_titles(dialog) == ["Venezuela-related sanctions"])
    dialog.search_edit.clear()
    qtbot.wait_until(lambda: len(shown_titles(dialog)) == 3)
    qtbot.keyClicks(dialog.search_edit, "no such words")
    qtbot.wait_until(lambda: shown_titles(dialog) == [])
    assert "No source matches" in dialog.count_label.text()


def test_library_new_creates_a_source_and_shows_it(qtbot, monkeypatch, session, library):
    monkeypatch.setattr(SourceDialog, "ask", classmethod(
        lambda cls, parent, source=None: {"title": "Central bank bulletin", "kind": "document"}))
    dialog = make_library_dialog(qtbot, session)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    created = [s for s in session.project.sources() if s.title == "Central bank bulletin"]
    assert len(created) == 1
    assert "Central bank bulletin" in shown_titles(dialog)
    assert dialog.selected_id() == created[0].id
    assert dialog.details.text("title") == "Central bank bulletin"


def test_library_edit_changes_the_selected_source(qtbot, monkeypatch, session, library):
    seen = []

    def fake_ask(cls, parent, source=None):
        seen.append(source.id)
        return {"title": "Venezuela sanctions (OFAC)"}

    monkeypatch.setattr(SourceDialog, "ask", classmethod(fake_ask))
    dialog = make_library_dialog(qtbot, session)
    assert not dialog.edit_button.isEnabled()
    click_row(qtbot, dialog.table, shown_titles(dialog).index("Venezuela-related sanctions"))
    assert dialog.selected_id() == library["treasury"]
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert seen == [library["treasury"]]
    assert session.project.source(library["treasury"]).title == "Venezuela sanctions (OFAC)"
    assert "Venezuela sanctions (OFAC)" in shown_titles(dialog)
    assert dialog.selected_id() == library["treasury"]  # still selected after the refresh


def test_library_details_show_every_field_and_open_only_web_links(qtbot, session, library, opened):
    evil = session.do(history.CreateSource(title="<b>Leaked memo</b>")).created
    # Core refuses script URLs; a file from before it did may still hold one.
    session.project.store.conn.execute("UPDATE sources SET url = 'javascript:alert(1)' WHERE id = ?", (evil,))
    dialog = make_library_dialog(qtbot, session)
    dialog.select(library["treasury"])
    assert dialog.details.text("publisher") == "U.S. Department of the Treasury"
    assert dialog.details.text("reliability") == "High"
    assert dialog.details.text("usage") == "1 claim"
    assert dialog.details.open_button.isEnabled()
    qtbot.mouseClick(dialog.details.open_button, Qt.MouseButton.LeftButton)
    assert opened == ["https://home.treasury.gov/venezuela"]

    dialog.select(evil)
    assert dialog.details.text("title") == "<b>Leaked memo</b>"
    assert dialog.details.labels["title"].textFormat() == Qt.TextFormat.PlainText
    assert not dialog.details.open_button.isEnabled()
    dialog.details.open_button.click()
    assert opened == ["https://home.treasury.gov/venezuela"]


def test_deleting_an_uncited_source_asks_nothing(qtbot, monkeypatch, session, library):
    asked = []
    monkeypatch.setattr(SourceLibraryDialog, "confirm_delete",
                        classmethod(lambda cls, parent, title, n: asked.append(title) or False))
    dialog = make_library_dialog(qtbot, session)
    dialog.select(library["interview"])
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert asked == []
    assert library["interview"] not in {s.id for s in session.project.sources()}
    assert "Interview with an oil engineer" not in shown_titles(dialog)


def test_deleting_a_cited_source_asks_and_undo_brings_citations_back(qtbot, monkeypatch, session, library):
    answers, asked = [False, True], []
    monkeypatch.setattr(SourceLibraryDialog, "confirm_delete",
                        classmethod(lambda cls, parent, title, n: asked.append((title, n)) or answers.pop(0)))
    dialog = make_library_dialog(qtbot, session)
    dialog.select(library["treasury"])

    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)  # answered No
    assert asked == [("Venezuela-related sanctions", 1)]
    assert library["treasury"] in {s.id for s in session.project.sources()}
    assert len(session.project.citations(library["claim"])) == 1

    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)  # answered Yes
    assert len(asked) == 2
    assert library["treasury"] not in {s.id for s in session.project.sources()}
    assert session.project.citations(library["claim"]) == []
    assert "Venezuela-related sanctions" not in shown_titles(dialog)

    with qtbot.wait_signal(session.sig_changed):
        session.undo()
    assert [c.source_id for c in session.project.citations(library["claim"])] == [library["treasury"]]
    assert "Venezuela-related sanctions" in shown_titles(dialog)


def test_choose_mode_returns_the_double_clicked_source(qtbot, monkeypatch, session, library):
    def fake_exec(dialog):
        qtbot.add_widget(dialog)
        dialog.show()
        assert not dialog.choose_button.isEnabled()
        with qtbot.wait_signal(dialog.sig_source_chosen) as blocker:
            click_row(qtbot, dialog.table, shown_titles(dialog).index("Interview with an oil engineer"), double=True)
        assert blocker.args == [library["interview"]]
        return dialog.result()

    monkeypatch.setattr(SourceLibraryDialog, "exec", fake_exec)
    assert SourceLibraryDialog.choose(session, None) == library["interview"]
    monkeypatch.setattr(SourceLibraryDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert SourceLibraryDialog.choose(session, None) is None


# --- citing --------------------------------------------------------------------------


def test_cite_dialog_picks_a_source_through_the_filter(qtbot, monkeypatch, session, library):
    def fill(dialog):
        assert not dialog.ok_button.isEnabled()  # no source chosen yet
        qtbot.keyClicks(dialog.search_edit, "oil engineer")
        qtbot.wait_until(lambda: dialog.model.rowCount() == 1)
        click_row(qtbot, dialog.table, 0)
        qtbot.mouseClick(dialog.stance_buttons["contradicts"], Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.quote_edit, "Exports never stopped.")
        qtbot.keyClicks(dialog.locator_edit, "03:14")
        qtbot.keyClicks(dialog.note_edit, "Off the record")

    accept_with(monkeypatch, qtbot, CitationDialog, fill)
    assert CitationDialog.ask(session, None, library["claim"]) == {
        "source_id": library["interview"], "stance": "contradicts", "quote": "Exports never stopped.",
        "locator": "03:14", "note": "Off the record",
    }


def test_cite_dialog_ok_needs_a_source(qtbot, session, library):
    dialog = make_citation_dialog(qtbot, session, library["claim"])
    assert not dialog.ok_button.isEnabled()
    dialog.select_source(library["dataset"])
    assert dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.search_edit, "treasury")  # the chosen source is filtered out
    qtbot.wait_until(lambda: dialog.model.rowCount() == 1)
    assert not dialog.ok_button.isEnabled()


def test_new_source_from_cite_dialog_adds_one_source_and_selects_it(qtbot, monkeypatch, session, library):
    monkeypatch.setattr(SourceDialog, "ask", classmethod(
        lambda cls, parent, source=None: {"title": "Port authority records", "kind": "dataset"}))
    dialog = make_citation_dialog(qtbot, session, library["claim"])
    qtbot.keyClicks(dialog.search_edit, "treasury")  # the new source does not match this search
    qtbot.wait_until(lambda: dialog.model.rowCount() == 1)
    before = {s.id for s in session.project.sources()}
    with qtbot.wait_signal(dialog.sig_source_selected) as blocker:
        qtbot.mouseClick(dialog.new_source_button, Qt.MouseButton.LeftButton)
    added = {s.id for s in session.project.sources()} - before
    assert len(added) == 1
    new_id = added.pop()
    assert session.project.source(new_id).title == "Port authority records"
    assert blocker.args == [new_id]
    assert dialog.selected_source_id() == new_id
    assert dialog.ok_button.isEnabled()
    assert dialog.result_fields()["source_id"] == new_id


def test_edit_citation_keeps_the_source_and_returns_changed_fields(qtbot, monkeypatch, session, library):
    citation = session.project.citations(library["claim"])[0]

    def fill(dialog):
        assert dialog.table is None  # the source is fixed
        assert "Venezuela-related sanctions" in dialog.source_label.text()
        assert dialog.quote_edit.toPlainText() == "licence"
        assert dialog.stance_buttons["supports"].isChecked()
        qtbot.mouseClick(dialog.stance_buttons["context"], Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.locator_edit, "p. 3")

    accept_with(monkeypatch, qtbot, CitationDialog, fill)
    assert CitationDialog.ask(session, None, library["claim"], citation) == {"stance": "context", "locator": "p. 3"}

    accept_with(monkeypatch, qtbot, CitationDialog, lambda dialog: None)
    assert CitationDialog.ask(session, None, library["claim"], citation) == {}


def test_ctrl_enter_accepts_from_the_quoted_passage(qtbot, session, library):
    dialog = make_citation_dialog(qtbot, session, library["claim"])
    dialog.select_source(library["treasury"])
    with qtbot.wait_active(dialog):
        dialog.activateWindow()
    dialog.quote_edit.setFocus()
    qtbot.keyClicks(dialog.quote_edit, "text")
    with qtbot.wait_signal(dialog.accepted):
        qtbot.keyClick(dialog.quote_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result_fields()["quote"] == "text"



def test_enter_in_a_search_box_searches_instead_of_closing(qtbot, session, library):
    library_dialog = make_library_dialog(qtbot, session)
    qtbot.keyClicks(library_dialog.search_edit, "opec")
    qtbot.keyClick(library_dialog.search_edit, Qt.Key.Key_Return)
    assert library_dialog.isVisible() and library_dialog.result() == 0
    assert library_dialog.selected_id() == library["dataset"]  # searched at once, first result selected

    cite = make_citation_dialog(qtbot, session, library["claim"])
    cite.select_source(library["treasury"])
    qtbot.keyClicks(cite.search_edit, "treasury")
    qtbot.keyClick(cite.search_edit, Qt.Key.Key_Return)
    assert cite.isVisible() and cite.result() == 0  # not accepted with an empty passage
    assert cite.selected_source_id() == library["treasury"]


# --- fitting a small screen -------------------------------------------------------------


def _fits(dialog) -> None:
    """Shown at its own size, the dialog is at least what its layout needs and fits 1,024 x 700."""
    dialog.show()
    need = dialog.layout().totalMinimumSize()
    assert dialog.width() >= need.width() and dialog.height() >= need.height()
    assert dialog.width() <= 1024 and dialog.height() <= 700
    assert dialog.minimumSizeHint().height() <= 700


def test_new_source_dialog_fits_and_keeps_its_layout_with_the_evidence_hint(qtbot, session):
    dialog = SourceDialog(None, session=session)
    qtbot.add_widget(dialog)
    _fits(dialog)
    # Not saved yet: the evidence box only says how to attach files (no empty list or preview to overlap).
    assert not dialog.evidence.list.isVisible() and not dialog.evidence.preview.isVisible()
    assert dialog.evidence.hint_label.isVisible()


def test_cite_dialog_fits_a_700_pixel_screen(qtbot, session, library):
    dialog = make_citation_dialog(qtbot, session, library["claim"])
    _fits(dialog)


def test_evidence_preview_appears_only_with_files(qtbot, session, library, tmp_path):
    from factcheck.ui.evidence import EvidencePanel

    panel = EvidencePanel(session, source_id=library["treasury"])
    qtbot.add_widget(panel)
    panel.show()
    assert panel.list.isVisible() and not panel.preview.isVisible()
    image = tmp_path / "shot.png"
    image.write_bytes(bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                                    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"))
    panel.attach([str(image)])
    qtbot.wait_until(lambda: panel.preview.isVisible())
