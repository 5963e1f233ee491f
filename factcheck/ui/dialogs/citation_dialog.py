"""Cite a library source on a claim: which source, what it says about the claim, and where."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import history, model
from factcheck.core.errors import KnownError
from factcheck.core.text import N_
from factcheck.ui import accessible, keyboard, language
from factcheck.ui.dialogs.source_dialog import SourceDialog, install_accept_shortcut, source_label
from factcheck.ui.dialogs.source_library import (
    SEARCH_DELAY_MS,
    SearchKeysFilter,
    SourceTableModel,
    show_error,
)

STANCE_LABELS = {
    "supports": N_("Supports the claim"), "contradicts": N_("Contradicts the claim"), "context": N_("Gives context"),
}

#: The citation fields the dialog edits, besides the source.
_TEXT_FIELDS = ("quote", "locator", "note")


def _elide(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CitationDialog(QDialog):
    """Pick a library source and say how it bears on a claim. Open it with ``CitationDialog.ask``.

    For a new citation the source is chosen from the library (or added to it); for an edit
    the source is fixed and only stance, passage, locator and note change.
    """

    sig_source_selected = Signal(str)
    """The source picked in the list changed; carries its id ("" for none)."""

    def __init__(
        self, session, parent: QWidget | None = None, *, claim_id: str, citation: model.Citation | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.claim_id = claim_id
        self.citation = citation
        self._last_selected = ""
        self.setWindowTitle(self.tr("Edit citation") if citation else self.tr("Cite a source"))
        self.setMinimumWidth(680)

        claim_label = QLabel()
        claim_label.setTextFormat(Qt.TextFormat.PlainText)
        claim_label.setWordWrap(True)
        claim_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        try:
            claim_label.setText(self.tr("Claim: “{quote}”").format(quote=_elide(session.project.claim(claim_id).exact)))
        except KnownError:
            claim_label.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        # Source: chosen from the library for a new citation, fixed for an edit.
        self.search_edit: QLineEdit | None = None
        self.table: QTableView | None = None
        self.new_source_button: QPushButton | None = None
        self.model = SourceTableModel(self)
        if citation is None:
            self.search_edit = QLineEdit()
            self.search_edit.setPlaceholderText(self.tr("Search the source library"))
            self.search_edit.setClearButtonEnabled(True)
            self.search_edit.setAccessibleName(self.tr("Search the source library"))
            self.new_source_button = QPushButton(self.tr("New &source…"))
            self.new_source_button.setToolTip(self.tr("Add a source to the library and cite it"))
            self.new_source_button.setAutoDefault(False)
            self.table = QTableView()
            self.table.setModel(self.model)
            self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.table.setWordWrap(False)
            self.table.verticalHeader().hide()
            self.table.setMinimumHeight(170)
            self.table.setAccessibleName(self.tr("Sources"))
            self.table.setTabKeyNavigation(False)
            keyboard.choose_on_focus(self.table)  # Tab to a list of one: that source is chosen, and Cite source is on
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(SourceTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(SourceTableModel.PUBLISHER, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(SourceTableModel.PUBLISHER, 110)
            for column in (SourceTableModel.KIND, SourceTableModel.USAGE):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            for column in (SourceTableModel.RELIABILITY, SourceTableModel.CONFIDENTIAL):
                self.table.setColumnHidden(column, True)
            self.empty_label = QLabel()
            self.empty_label.setEnabled(False)
            search_row = QHBoxLayout()
            search_row.setContentsMargins(0, 0, 0, 0)
            search_row.addWidget(self.search_edit, 1)
            search_row.addWidget(self.new_source_button)
            source_box = QVBoxLayout()
            source_box.setContentsMargins(0, 0, 0, 0)
            source_box.addLayout(search_row)
            source_box.addWidget(self.table)
            source_box.addWidget(self.empty_label)
            form.addRow(self.tr("Source:"), source_box)
            source_caption = form.labelForField(source_box)
            if isinstance(source_caption, QLabel):
                source_caption.setText(self.tr("S&ource:"))
                source_caption.setBuddy(self.search_edit)
            self._search_timer = QTimer(self)
            self._search_timer.setSingleShot(True)
            self._search_timer.setInterval(SEARCH_DELAY_MS)
        else:
            self.source_label = QLabel()
            self.source_label.setTextFormat(Qt.TextFormat.PlainText)
            self.source_label.setWordWrap(True)
            self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            try:
                source = session.project.source(citation.source_id)
                self.source_label.setText(" · ".join(x for x in (source_label(source), source.publisher) if x))
            except KnownError:
                self.source_label.setText(self.tr("(source no longer in the library)"))
            form.addRow(self.tr("Source:"), self.source_label)

        # What the source says about the claim.
        self.stance_group = QButtonGroup(self)
        self.stance_buttons: dict[str, QRadioButton] = {}
        stance_row = QHBoxLayout()
        stance_row.setContentsMargins(0, 0, 0, 0)
        for i, (stance, label) in enumerate(STANCE_LABELS.items()):
            button = QRadioButton(language.ui(label))
            self.stance_group.addButton(button, i)
            self.stance_buttons[stance] = button
            stance_row.addWidget(button)
        stance_row.addStretch(1)
        form.addRow(self.tr("Stance:"), stance_row)

        self.quote_edit = QPlainTextEdit()
        self.quote_edit.setTabChangesFocus(True)
        self.quote_edit.setPlaceholderText(self.tr("The words of the source that matter, copied exactly"))
        self.quote_edit.setMinimumHeight(90)
        self.locator_edit = QLineEdit()
        self.locator_edit.setPlaceholderText(self.tr("Where in the source: p. 12, 03:14, table 2…"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("Anything a reviewer should know about this citation"))
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 14)
        form.addRow(self.tr("&Quoted passage:"), self.quote_edit)
        form.addRow(self.tr("&Locator:"), self.locator_edit)
        form.addRow(self.tr("N&ote:"), self.note_edit)
        accessible.name_form_fields(form)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save") if citation else self.tr("Cite source"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(claim_label)
        layout.addSpacing(6)
        layout.addLayout(form, 1)
        # The citation's own evidence files (a screenshot of the passage, a recording of the call).
        from factcheck.ui.evidence import EvidencePanel

        self.evidence = EvidencePanel(session, self, citation_id=citation.id if citation else None, for_citation=True)
        evidence_box = QGroupBox(self.tr("E&vidence"))
        QVBoxLayout(evidence_box).addWidget(self.evidence)
        layout.addWidget(evidence_box)
        layout.addWidget(self.buttons)
        install_accept_shortcut(self, self.ok_button)

        self._fill(citation)
        if self.table is not None:
            self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
            self._search_timer.timeout.connect(self._on_search_timer_timeout)
            SearchKeysFilter(self.search_edit, self.table, self._search_now)
            self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
            self.table.doubleClicked.connect(self._on_table_double_clicked)
            self.new_source_button.clicked.connect(self._on_new_source_button_clicked)
            self.new_source_button.setEnabled(not getattr(session.project, "read_only", False))
            session.sig_changed.connect(self._on_session_changed)
            self.refresh()
            self.search_edit.setFocus()
        else:
            self.quote_edit.setFocus()
        self._update_ok()

    # --- reading and writing the form -------------------------------------------------

    def _fill(self, citation: model.Citation | None) -> None:
        self.stance_buttons[citation.stance if citation else model.STANCES[0]].setChecked(True)
        if citation is not None:
            self.quote_edit.setPlainText(citation.quote)
            self.locator_edit.setText(citation.locator)
            self.note_edit.setPlainText(citation.note)

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read the library for the current search, keeping (or moving to) a selection."""
        if self.table is None:
            return
        keep = select_id or self.selected_source_id()
        search = self.search_edit.text().strip()
        try:  # the first page, and the pages down to the source kept (core/lists.py)
            self.model.set_library(self.session.project, search, keep=[keep] if keep else ())
        except KnownError as exc:
            self.model.set_sources([])
            self.empty_label.setText(language.ui(exc))
        else:
            if self.model.count():
                self.empty_label.setText("")
            elif search:
                self.empty_label.setText(
                    self.tr("No source matches “{search}”. Add it with New source…").format(search=search))
            else:
                self.empty_label.setText(self.tr("The library is empty. Add a source with New source…"))
        self.empty_label.setVisible(bool(self.empty_label.text()))
        if keep:
            self.select_source(keep)
        self._on_table_selection_changed()

    def select_source(self, source_id: str) -> bool:
        """Select a source in the list; False if the current search does not show it."""
        row = self.model.fetch_through(source_id) if self.table is not None else -1
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected_source_id(self) -> str | None:
        if self.citation is not None:
            return self.citation.source_id
        rows = self.table.selectionModel().selectedRows()
        source = self.model.source_at(rows[0].row()) if rows else None
        return source.id if source else None

    def stance(self) -> str:
        return next((s for s, b in self.stance_buttons.items() if b.isChecked()), model.STANCES[0])

    def set_stance(self, stance: str) -> None:
        self.stance_buttons[stance].setChecked(True)

    def values(self) -> dict[str, str]:
        """The citation as the form shows it (outer spaces trimmed)."""
        return {
            "stance": self.stance(),
            "quote": self.quote_edit.toPlainText().strip(),
            "locator": self.locator_edit.text().strip(),
            "note": self.note_edit.toPlainText().strip(),
        }

    def result_fields(self) -> dict[str, str]:
        """A new citation: source and every field; an edit: only the changed fields (maybe none)."""
        values = self.values()
        if self.citation is None:
            return {"source_id": self.selected_source_id() or "", **values}
        return {k: v for k, v in values.items() if getattr(self.citation, k) != v}

    @classmethod
    def ask(cls, session, parent: QWidget | None, claim_id: str, citation: model.Citation | None = None) -> dict | None:
        """Show the dialog; returns the citation's fields (for an edit, the changed ones) or None when cancelled."""
        dialog = cls(session, parent, claim_id=claim_id, citation=citation)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.result_fields()
        finally:
            dialog.deleteLater()

    # --- reactions --------------------------------------------------------------------

    def _update_ok(self) -> None:
        chosen = self.selected_source_id() is not None
        self.ok_button.setEnabled(chosen)
        self.ok_button.setToolTip("" if chosen else self.tr("Choose a source in the list first"))

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self.refresh()

    def _search_now(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.refresh()

    def _on_table_selection_changed(self, *_args) -> None:
        self._update_ok()
        selected = self.selected_source_id() or ""
        if selected != self._last_selected:
            self._last_selected = selected
            self.sig_source_selected.emit(selected)

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self.quote_edit.setFocus()

    def _on_new_source_button_clicked(self) -> None:
        fields = SourceDialog.ask(self, None)
        if not fields:
            return
        try:
            changes = self.session.do(history.CreateSource(**fields), initiator=self)  # refreshed below
        except KnownError as exc:
            show_error(self, exc)
            return
        if changes.created is None:
            return
        if self.model.row_of(changes.created) < 0:
            self._search_timer.stop()
            self.search_edit.blockSignals(True)
            self.search_edit.clear()  # the new source may not match the search: show the whole library
            self.search_edit.blockSignals(False)
        self.refresh(select_id=changes.created)
        self.quote_edit.setFocus()

    def _on_session_changed(self, changes: model.Changes) -> None:
        if changes.initiator is not self and changes.what & (model.What.SOURCES | model.What.CITATIONS):
            self.refresh()
