"""The claim panel: the article's claims, the unanchored ones, and the inspector.

The inspector saves as the checker types: a line field when it loses focus or on Enter,
a choice when it is made, a long text a moment after typing stops (and at once when
focus leaves, another claim is selected or the window closes). Each save is one
undoable step through the session.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import history, model
from factcheck.core.errors import KnownError
from factcheck.ui import models
from factcheck.ui.session import Session

STATEMENT_LIMIT = 75
_DATE = re.compile(r"^(\d{4})(-\d{2}(-\d{2})?)?$")


def show_error(parent: QWidget, exc: KnownError, title: str = "factcheck") -> None:
    QMessageBox.warning(parent, title, str(exc))


class _PlainText(QPlainTextEdit):
    """A multi-line field that reports losing focus (so its text can be saved at once)."""

    sig_focus_lost = Signal()
    """Focus left the field."""

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.sig_focus_lost.emit()


class ClaimInspector(QWidget):
    """Edits every field of one claim; empty when no claim is selected."""

    sig_confirm_requested = Signal(str)
    """The user asked to accept the changed words under a fuzzy claim."""

    sig_reanchor_requested = Signal(str)
    """The user asked to anchor the claim to the words selected in the article."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.claim_id: str | None = None
        self._claim: model.Claim | None = None

        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setStyleSheet("QLabel { font-style: italic; padding: 4px; background: palette(alternate-base); }")
        self.anchor_note = QLabel()
        self.anchor_note.setWordWrap(True)
        self.anchor_note.setStyleSheet("color: #b45309;")
        self.confirm_button = QPushButton("Confirm new words")
        self.confirm_button.setToolTip("The article changed under this claim: accept the highlighted words as its quote.")
        self.reanchor_button = QPushButton("Anchor to selection")
        self.reanchor_button.setToolTip("Select the claim's words in the article, then click here.")
        anchor_row = QHBoxLayout()
        anchor_row.addWidget(self.confirm_button)
        anchor_row.addWidget(self.reanchor_button)
        anchor_row.addStretch()

        self.statement = QLineEdit()
        self.statement.setPlaceholderText("The claim as checked, in a short sentence")
        self.statement_hint = QLabel()
        self.statement_hint.setStyleSheet("color: #b45309;")
        self.statement_hint.setWordWrap(True)
        self.claimant = QLineEdit()
        self.claimant.setPlaceholderText("Who made the claim")
        self.claim_date = QLineEdit()
        self.claim_date.setPlaceholderText("YYYY-MM-DD")
        self.checkworthiness = QComboBox()
        self.checkworthiness.addItem("Not set", None)
        for n, label in ((1, "1 (low)"), (2, "2"), (3, "3"), (4, "4"), (5, "5 (high)")):
            self.checkworthiness.addItem(label, n)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("comma, separated, tags")
        self.rating = QComboBox()
        self.summary = QLineEdit()
        self.summary.setPlaceholderText("One sentence: what the evidence shows")
        self.summary_hint = QLabel()
        self.summary_hint.setStyleSheet("color: #b45309;")
        self.rationale = _PlainText()
        self.rationale.setPlaceholderText("How the verdict was reached")
        self.notes = _PlainText()
        self.notes.setPlaceholderText("Private working notes")
        for box, height in ((self.rationale, 130), (self.notes, 80)):
            box.setTabChangesFocus(True)
            box.setMinimumHeight(60)
            box.setMaximumHeight(height)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Statement", self.statement)
        form.addRow("", self.statement_hint)
        form.addRow("Claimant", self.claimant)
        form.addRow("Claim date", self.claim_date)
        form.addRow("Check-worthiness", self.checkworthiness)
        form.addRow("Tags", self.tags)
        form.addRow("Rating", self.rating)
        form.addRow("Verdict summary", self.summary)
        form.addRow("", self.summary_hint)
        form.addRow("Rationale", self.rationale)
        form.addRow("Notes", self.notes)

        self.citations = models.CitationTableModel(self)
        self.citation_view = QTableView()
        self.citation_view.setModel(self.citations)
        self.citation_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.citation_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.citation_view.verticalHeader().hide()
        self.citation_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.citation_view.setMinimumHeight(90)
        self.cite_button = QPushButton("Cite source…")
        self.edit_citation_button = QPushButton("Edit…")
        self.remove_citation_button = QPushButton("Remove")
        self.library_button = QPushButton("Source library…")
        buttons = QHBoxLayout()
        for b in (self.cite_button, self.edit_citation_button, self.remove_citation_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.library_button)
        sources_box = QGroupBox("Sources")
        sources_layout = QVBoxLayout(sources_box)
        sources_layout.addWidget(self.citation_view)
        sources_layout.addLayout(buttons)

        self.empty = QLabel("Select a claim, or select words in the article and press Ctrl+E to make one.")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.quote)
        body.addWidget(self.anchor_note)
        body.addLayout(anchor_row)
        body.addLayout(form)
        body.addWidget(sources_box)
        body.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.body)

        self._line_fields = {
            "statement": self.statement, "claimant": self.claimant, "claim_date": self.claim_date,
            "tags": self.tags, "verdict_summary": self.summary,
        }
        for field, edit in self._line_fields.items():
            edit.editingFinished.connect(lambda f=field: self._commit_line(f))
        self.statement.textChanged.connect(self._update_hints)
        self.summary.textChanged.connect(self._update_hints)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(800)
        self._text_timer.timeout.connect(self.commit_pending)
        for box in (self.rationale, self.notes):
            box.textChanged.connect(self._text_timer.start)
            box.sig_focus_lost.connect(self.commit_pending)
        self.rating.activated.connect(self._on_rating_activated)
        self.checkworthiness.activated.connect(self._on_checkworthiness_activated)
        self.confirm_button.clicked.connect(lambda: self.claim_id and self.sig_confirm_requested.emit(self.claim_id))
        self.reanchor_button.clicked.connect(lambda: self.claim_id and self.sig_reanchor_requested.emit(self.claim_id))
        self.cite_button.clicked.connect(self._on_cite_clicked)
        self.edit_citation_button.clicked.connect(self._on_edit_citation_clicked)
        self.remove_citation_button.clicked.connect(self._on_remove_citation_clicked)
        self.library_button.clicked.connect(self._on_library_clicked)
        self.citation_view.doubleClicked.connect(self._on_edit_citation_clicked)
        self.citation_view.selectionModel().selectionChanged.connect(self._update_citation_buttons)
        session.sig_changed.connect(self._on_session_changed)
        self._fill_ratings()
        self.show_claim(None)

    # --- showing ----------------------------------------------------------------------

    def _fill_ratings(self) -> None:
        with QSignalBlocker(self.rating):
            self.rating.clear()
            self.rating.addItem(models.swatch(models.UNRATED_COLOR), "Not rated", None)
            for r in self.session.project.scale.ratings:
                self.rating.addItem(models.swatch(r.color), r.label, r.key)
                self.rating.setItemData(self.rating.count() - 1, r.description, Qt.ItemDataRole.ToolTipRole)

    def show_claim(self, claim_id: str | None) -> None:
        """Show a claim's fields (saving what was being typed in the previous one)."""
        if claim_id != self.claim_id:
            self.commit_pending()
        self.claim_id = claim_id
        self._claim = None
        if claim_id is not None:
            try:
                self._claim = self.session.project.claim(claim_id)
            except KnownError:
                self.claim_id = None
        self.empty.setVisible(self._claim is None)
        self.body.setVisible(self._claim is not None)
        if self._claim is not None:
            self._load(self._claim)

    def _load(self, c: model.Claim) -> None:
        values = {
            "statement": c.statement, "claimant": c.claimant, "claim_date": c.claim_date,
            "tags": ", ".join(c.tags), "verdict_summary": c.verdict_summary,
        }
        for field, edit in self._line_fields.items():
            if edit.text() != values[field]:
                with QSignalBlocker(edit):
                    edit.setText(values[field])
                    edit.setCursorPosition(0)  # show the start of a long value
        for box, value in ((self.rationale, c.rationale), (self.notes, c.notes)):
            if box.toPlainText() != value:
                with QSignalBlocker(box):
                    box.setPlainText(value)
        with QSignalBlocker(self.rating):
            self.rating.setCurrentIndex(max(0, self.rating.findData(c.rating)))
        with QSignalBlocker(self.checkworthiness):
            self.checkworthiness.setCurrentIndex(max(0, self.checkworthiness.findData(c.checkworthiness)))
        self.quote.setText(f"“{c.exact}”")
        state_notes = {
            "fuzzy": "The article changed under this claim: check that the highlighted words are still what was claimed, then confirm.",
            "orphaned": "Unanchored: the quoted words are no longer in the article. Select where the claim now is and anchor it.",
        }
        self.anchor_note.setText(state_notes.get(c.anchor_state, ""))
        self.anchor_note.setVisible(c.anchor_state in state_notes)
        self.confirm_button.setVisible(c.anchor_state == "fuzzy")
        self.reanchor_button.setVisible(c.anchor_state in ("fuzzy", "orphaned"))
        self._update_hints()
        self._load_citations()

    def _load_citations(self) -> None:
        project = self.session.project
        rows = []
        if self.claim_id:
            sources = {s.id: s for s in project.sources(include_deleted=True)}
            rows = [(c, sources[c.source_id]) for c in project.citations(self.claim_id) if c.source_id in sources]
        self.citations.set_citations(rows)
        self._update_citation_buttons()

    def _update_citation_buttons(self, *args) -> None:
        selected = bool(self.citation_view.selectionModel().selectedRows())
        self.edit_citation_button.setEnabled(selected)
        self.remove_citation_button.setEnabled(selected)

    def _update_hints(self) -> None:
        n = len(self.statement.text())
        self.statement_hint.setText(
            f"{n} characters: statements over {STATEMENT_LIMIT} are cut short in search results (ClaimReview)." if n > STATEMENT_LIMIT else ""
        )
        self.statement_hint.setVisible(n > STATEMENT_LIMIT)
        summary = self.summary.text().strip()
        several = len(re.findall(r"[.!?](\s|$)", summary)) > 1
        self.summary_hint.setText("The verdict summary should be one sentence." if several else "")
        self.summary_hint.setVisible(several)

    # --- saving -----------------------------------------------------------------------

    def _save(self, **fields) -> bool:
        if self.claim_id is None:
            return False
        try:
            self.session.do(history.UpdateClaim(self.claim_id, **fields))
            return True
        except KnownError as exc:
            show_error(self, exc)
            self.show_claim(self.claim_id)
            return False

    def _commit_line(self, field: str) -> None:
        if self._claim is None:
            return
        text = self._line_fields[field].text()
        current = ", ".join(self._claim.tags) if field == "tags" else getattr(self._claim, field)
        if field == "claim_date" and text.strip() and not _DATE.match(text.strip()):
            QMessageBox.warning(self, "factcheck", "Write the claim date as YYYY-MM-DD (or YYYY-MM, or YYYY).")
            self._line_fields[field].setText(current)
            return
        if text.strip() != current.strip():
            self._save(**{field: text})

    def commit_pending(self) -> None:
        """Save whatever is typed but not yet saved (line fields and long texts)."""
        self._text_timer.stop()
        if self._claim is None:
            return
        for field in self._line_fields:
            self._commit_line(field)
        if self._claim is None:
            return
        for field, box in (("rationale", self.rationale), ("notes", self.notes)):
            if self._claim is not None and box.toPlainText() != getattr(self._claim, field):
                self._save(**{field: box.toPlainText()})

    def _on_rating_activated(self, index: int) -> None:
        if self._claim is not None and self.rating.itemData(index) != self._claim.rating:
            self._save(rating=self.rating.itemData(index))

    def _on_checkworthiness_activated(self, index: int) -> None:
        if self._claim is not None and self.checkworthiness.itemData(index) != self._claim.checkworthiness:
            self._save(checkworthiness=self.checkworthiness.itemData(index))

    def _on_session_changed(self, changes: model.Changes) -> None:
        if changes.settings:
            self._fill_ratings()
        if self.claim_id and (self.claim_id in changes.claims or changes.sources or changes.settings):
            self.show_claim(self.claim_id)

    # --- citations --------------------------------------------------------------------

    def _selected_citation(self) -> model.Citation | None:
        rows = self.citation_view.selectionModel().selectedRows()
        return self.citations.citation_at(rows[0].row()) if rows else None

    def _on_cite_clicked(self) -> None:
        from factcheck.ui.dialogs.citation_dialog import CitationDialog

        if not self.claim_id:
            return
        result = CitationDialog.ask(self.session, self, self.claim_id)
        if not result:
            return
        fields = dict(result)
        source_id = fields.pop("source_id")
        stance = fields.pop("stance", "supports")
        try:
            self.session.do(history.Cite(self.claim_id, source_id, stance, **fields))
        except KnownError as exc:
            show_error(self, exc)

    def _on_edit_citation_clicked(self, *args) -> None:
        from factcheck.ui.dialogs.citation_dialog import CitationDialog

        citation = self._selected_citation()
        if citation is None or not self.claim_id:
            return
        result = CitationDialog.ask(self.session, self, self.claim_id, citation)
        if not result:
            return
        fields = {k: v for k, v in result.items() if k != "source_id"}
        if fields:
            try:
                self.session.do(history.UpdateCitation(citation.id, **fields))
            except KnownError as exc:
                show_error(self, exc)

    def _on_remove_citation_clicked(self) -> None:
        citation = self._selected_citation()
        if citation is not None:
            try:
                self.session.do(history.Uncite(citation.id))
            except KnownError as exc:
                show_error(self, exc)

    def _on_library_clicked(self) -> None:
        from factcheck.ui.dialogs.source_library import SourceLibraryDialog

        dialog = SourceLibraryDialog(self.session, self)
        dialog.exec()


class ClaimPanel(QWidget):
    """The claims of the shown article (anchored, then unanchored) above the inspector."""

    sig_claim_selected = Signal(object)
    """The user selected a claim in a list (its id), or cleared the selection (None)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.article_id: str | None = None
        scale = session.project.scale
        self.claims = models.ClaimTableModel(scale, self)
        self.unanchored = models.ClaimTableModel(scale, self)
        self.list = self._table(self.claims)
        self.orphans = self._table(self.unanchored)
        self.orphans_box = QGroupBox("Unanchored")
        self.orphans_box.setToolTip("Claims whose words are no longer in the article. They keep their quote and verdict.")
        box_layout = QVBoxLayout(self.orphans_box)
        box_layout.setContentsMargins(2, 2, 2, 2)
        box_layout.addWidget(self.orphans)
        self.count = QLabel()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.count)
        top_layout.addWidget(self.list, 3)
        top_layout.addWidget(self.orphans_box, 1)

        self.inspector = ClaimInspector(session)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.inspector)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([260, 640])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.delete_action = QAction("Delete claim", self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        for view in (self.list, self.orphans):
            view.addAction(self.delete_action)
            view.selectionModel().currentRowChanged.connect(lambda cur, prev, v=view: self._on_list_current(v, cur))
        session.sig_changed.connect(self._on_session_changed)
        self.set_article(None)

    def _table(self, table_model: models.ClaimTableModel) -> QTableView:
        view = QTableView()
        view.setModel(table_model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        # Fixed row heights and column widths: sizing to contents would read every row
        # of a 5,000-claim article on each change.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 150), (2, 110), (3, 80)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return view

    @property
    def current_claim_id(self) -> str | None:
        return self.inspector.claim_id

    def set_article(self, article_id: str | None) -> None:
        self.article_id = article_id
        self._reload()
        self.select_claim(None)

    def _reload(self) -> None:
        project = self.session.project
        claims = project.claims(self.article_id) if self.article_id else []
        anchored = [c for c in claims if c.anchor_state != "orphaned"]
        orphaned = [c for c in claims if c.anchor_state == "orphaned"]
        scale = project.scale
        if not self.claims.update_claims(anchored):
            self.claims.set_claims(anchored, scale)
        if not self.unanchored.update_claims(orphaned):
            self.unanchored.set_claims(orphaned, scale)
        self.orphans_box.setVisible(bool(orphaned))
        self.orphans_box.setTitle(f"Unanchored ({len(orphaned)})")
        n = len(claims)
        self.count.setText(f"{n} claim" + ("" if n == 1 else "s") if self.article_id else "No article open")

    def select_claim(self, claim_id: str | None) -> None:
        """Select a claim in its list and show it in the inspector."""
        for view, table_model in ((self.list, self.claims), (self.orphans, self.unanchored)):
            row = table_model.row_of(claim_id) if claim_id else -1
            with QSignalBlocker(view.selectionModel()):
                if row >= 0:
                    index = table_model.index(row, 0)
                    view.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                    )
                    view.scrollTo(index)
                else:
                    view.clearSelection()
                    view.selectionModel().setCurrentIndex(table_model.index(-1, -1), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.inspector.show_claim(claim_id)

    def _on_list_current(self, view: QTableView, current) -> None:
        table_model = view.model()
        claim = table_model.claim_at(current.row()) if current.isValid() else None
        claim_id = claim.id if claim else None
        other = self.orphans if view is self.list else self.list
        if claim_id:
            with QSignalBlocker(other.selectionModel()):
                other.clearSelection()
        self.inspector.show_claim(claim_id)
        self.sig_claim_selected.emit(claim_id)

    def delete_selected(self) -> None:
        """Delete the selected claim (no question: undo brings it back)."""
        claim_id = self.current_claim_id
        if not claim_id:
            return
        try:
            self.session.do(history.DeleteClaim(claim_id))
        except KnownError as exc:
            show_error(self, exc)
            return
        self.select_claim(None)
        self.sig_claim_selected.emit(None)

    def _apply(self, claim_ids: frozenset[str]) -> None:
        """Refresh just these claims' rows (a claim made, edited, deleted or restored)."""
        project = self.session.project
        anchored: dict[str, model.Claim | None] = {}
        orphaned: dict[str, model.Claim | None] = {}
        for claim_id in claim_ids:
            try:
                claim = project.claim(claim_id)
            except KnownError:
                claim = None
            if claim is None or claim.deleted_at or claim.article_id != self.article_id:
                anchored[claim_id] = orphaned[claim_id] = None
            elif claim.anchor_state == "orphaned":
                anchored[claim_id], orphaned[claim_id] = None, claim
            else:
                anchored[claim_id], orphaned[claim_id] = claim, None
        self.claims.apply(anchored)
        self.unanchored.apply(orphaned)
        n_orphans = self.unanchored.rowCount()
        self.orphans_box.setVisible(bool(n_orphans))
        self.orphans_box.setTitle(f"Unanchored ({n_orphans})")
        n = self.claims.rowCount() + n_orphans
        self.count.setText(f"{n} claim" + ("" if n == 1 else "s"))

    def _on_session_changed(self, changes: model.Changes) -> None:
        if changes.settings or changes.claims or (self.article_id and self.article_id in changes.articles):
            current = self.current_claim_id
            if changes.claims and len(changes.claims) <= 64 and not (changes.settings or changes.versions):
                self._apply(changes.claims)
            else:
                self._reload()
            if current and self.claims.row_of(current) < 0 and self.unanchored.row_of(current) < 0:
                self.select_claim(None)
            elif current:
                self.select_claim(current)
