"""The project's source library: search, read, add, edit and delete sources, or choose one.

The table reads a page of sources at a time, searched, sorted and counted in SQL
(``core/lists.py``), so a library of thousands opens with its first screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
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

from factcheck.core import history, lists, model
from factcheck.core.errors import KnownError
from factcheck.core.text import N_
from factcheck.ui import accessible, keyboard, language, links, screen_fit
from factcheck.ui.models import PagedRows, number
from factcheck.ui.dialogs.source_dialog import (
    CONFIDENTIAL_EXPLANATION,
    KIND_LABELS,
    RELIABILITY_LABELS,
    SourceDialog,
    source_label,
)

_Index = QModelIndex | QPersistentModelIndex

#: How long typing in a search box waits before searching, in milliseconds.
SEARCH_DELAY_MS = 200
#: The share of the sources table the title keeps at least: titles tell sources apart.
TITLE_SHARE = 1 / 3


def claims_text(n: int) -> str:
    if n == 0:
        return QCoreApplication.translate("SourceLibraryDialog", "Not cited")
    if n == 1:
        return QCoreApplication.translate("SourceLibraryDialog", "1 claim")
    return QCoreApplication.translate("SourceLibraryDialog", "{n} claims").format(n=n)


class SourceTableModel(PagedRows, QAbstractTableModel):
    """Sources as rows, a page at a time: title, publisher, kind, reliability, confidential, and how many
    claims cite each.

    Sorted in SQL (``sort``, as a view's header asks): every column but "Used by" walks an
    index (``core/lists.py``). ``Qt.UserRole`` gives the source id.
    """

    TITLE, PUBLISHER, KIND, RELIABILITY, CONFIDENTIAL, USAGE = range(6)
    HEADERS = (N_("Title"), N_("Publisher"), N_("Kind"), N_("Reliability"), N_("Confidential"), N_("Used by"))
    #: The order each column sorts by.
    ORDERS = (lists.TITLE, lists.PUBLISHER, lists.KIND, lists.RELIABILITY, lists.CONFIDENTIAL, lists.USAGE)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._init_rows()
        self._project = None
        self._search = ""
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)  # -1: the library's own order

    def set_library(self, project, search: str = "", keep: Iterable[str] = ()) -> None:
        """Show ``project``'s sources that ``search`` finds (all when empty), read down to those ``keep`` names."""
        self._project, self._search = project, search
        self._read(keep)

    def set_sources(self, sources: list[model.Source], usage: dict[str, int] | None = None) -> None:
        """Show these sources (rows at hand, not a project's) in the order given; ``usage``: claims citing each."""
        self._project = None
        usage = usage or {}
        order = {s.id: i for i, s in enumerate(sources)}
        self.show(lists.HeldPager([(s, usage.get(s.id, 0)) for s in sources], key=lambda r: (order[r[0].id],),
                                  row_id=lists.SourcePager.row_id))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # noqa: N802 - Qt override
        """Sort by a column (in SQL); -1: the library's own order (by title, or by relevance to a search)."""
        if not -1 <= column < len(self.HEADERS) or (column, order) == self._sort:
            return
        self._sort = (column, order)
        if self._project is not None:
            self._read(())

    def _read(self, keep: Iterable[str]) -> None:
        column, order = self._sort
        pager = lists.SourcePager(self._project, self._search, self.ORDERS[column] if column >= 0 else None,
                                  order == Qt.SortOrder.DescendingOrder)
        self.show(pager, keep)

    def source_at(self, row: int) -> model.Source | None:
        found = self.row_at(row)
        return found[0] if found else None

    def usage(self, source_id: str) -> int:
        row = self.row_of(source_id)
        return self._rows[row][1] if row >= 0 else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return language.ui(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        source, usage = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(source, usage, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.CONFIDENTIAL and source.confidential:
                return language.ui(CONFIDENTIAL_EXPLANATION)
            return "\n".join(x for x in (source.title, source.publisher, source.url) if x)
        if role == Qt.ItemDataRole.UserRole:
            return source.id
        return None

    def _display(self, source: model.Source, usage: int, column: int) -> str:
        if column == self.TITLE:
            return source_label(source)
        if column == self.PUBLISHER:
            return source.publisher
        if column == self.KIND:
            return language.ui(KIND_LABELS.get(source.kind, source.kind))
        if column == self.RELIABILITY:
            return language.ui(RELIABILITY_LABELS.get(source.reliability, source.reliability))
        if column == self.CONFIDENTIAL:
            return self.tr("Confidential") if source.confidential else ""
        if column == self.USAGE:
            return claims_text(usage)
        return ""


def show_error(parent: QWidget, exc: KnownError, title: str = "") -> None:
    """Say why a change to the library was refused (``title`` defaults to "Not saved")."""
    title = title or QCoreApplication.translate("SourceLibraryDialog", "Not saved")
    QMessageBox.warning(parent, title, language.ui(exc))


class SearchKeysFilter(QObject):
    """In a search box, Enter and Down search now and move to the results.

    Without it, Enter in the search box would press the dialog's default button (close it,
    or accept a citation before its passage is filled in).
    """

    def __init__(self, search_edit: QLineEdit, table: QTableView, search_now):
        super().__init__(search_edit)
        self._table, self._search_now = table, search_now
        search_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or event.key() not in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Ctrl+Enter still accepts the dialog
        self._search_now()
        model = self._table.model()
        if model.rowCount():
            if not self._table.selectionModel().hasSelection():
                self._table.selectRow(0)
            self._table.setFocus()
        return True


class SourceDetailsWidget(QScrollArea):
    """Every field of one source as selectable plain text, with a button to open its link."""

    _ROWS = (
        ("title", N_("Title:")), ("url", N_("URL:")), ("publisher", N_("Publisher:")), ("author", N_("Author:")),
        ("published_at", N_("Published on:")), ("accessed_at", N_("Accessed on:")), ("kind", N_("Kind:")),
        ("reliability", N_("Reliability:")), ("confidential", N_("Confidential:")), ("usage", N_("Cited by:")),
        ("created", N_("Added:")), ("notes", N_("Notes:")),
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._url = ""
        #: One read-only, selectable widget per field (``url`` is a line, ``notes`` a text box).
        self.labels: dict[str, QLabel | QLineEdit | QPlainTextEdit] = {}
        self.empty_label = QLabel(self.tr("Select a source to see its details."))
        self.empty_label.setEnabled(False)
        self.empty_label.setWordWrap(True)  # a longer language's sentence was cut at the pane's edge
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_button = QPushButton(self.tr("Open link"))
        self.open_button.setToolTip(self.tr("Open the source's web address in your browser"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._on_open_button_clicked)

        self._fields = QWidget()
        form = QFormLayout(self._fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for key, caption in self._ROWS:
            caption = language.ui(caption)
            if key == "url":
                # A line, not a label: a long URL scrolls instead of being cut, and copies exactly.
                field = QLineEdit()
                field.setReadOnly(True)
                field.setFrame(False)
                field.setStyleSheet("QLineEdit { background: transparent; }")
                row = QHBoxLayout()
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(field, 1)
                row.addWidget(self.open_button)
                form.addRow(caption, row)
            elif key == "notes":
                field = QPlainTextEdit()
                field.setReadOnly(True)
                field.setTabChangesFocus(True)
                field.setMinimumHeight(80)
                form.addRow(caption, field)
            else:
                field = QLabel()
                field.setTextFormat(Qt.TextFormat.PlainText)  # never render a source's text as HTML
                field.setWordWrap(True)
                field.setTextInteractionFlags(
                    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
                field.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                form.addRow(caption, field)
            self.labels[key] = field
        accessible.name_form_fields(form)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, which scroll into view

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.empty_label)
        layout.addWidget(self._fields, 1)
        self.setWidget(inner)
        self.show_source(None)

    def text(self, key: str) -> str:
        """What the pane shows for one field."""
        field = self.labels[key]
        return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()

    def show_source(self, source: model.Source | None, usage: int = 0) -> None:
        self.empty_label.setVisible(source is None)
        self._fields.setVisible(source is not None)
        if source is None:
            self._url = ""
            self.open_button.setEnabled(False)
            return
        self._url = source.url
        texts = {
            "title": source.title or "—", "url": source.url or "—", "publisher": source.publisher or "—",
            "author": source.author or "—", "published_at": source.published_at or "—",
            "accessed_at": source.accessed_at or "—", "kind": language.ui(KIND_LABELS.get(source.kind, source.kind)),
            "reliability": language.ui(RELIABILITY_LABELS.get(source.reliability, source.reliability)),
            "confidential": (self.tr("Yes. {explanation}").format(explanation=language.ui(CONFIDENTIAL_EXPLANATION))
                             if source.confidential else self.tr("No")),
            "usage": claims_text(usage), "notes": source.notes,
            "created": self._added(source.created_at[:10], source.created_by),
        }
        for key, text in texts.items():
            field = self.labels[key]
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(text)
            else:
                field.setText(text)
        url_field = self.labels["url"]
        url_field.setCursorPosition(0)
        url_field.setToolTip(source.url)
        self.open_button.setEnabled(links.is_openable(source.url))

    def _added(self, date: str, name: str) -> str:
        if date and name:
            return self.tr("{date} by {name}").format(date=date, name=name)
        return date or name

    def _on_open_button_clicked(self) -> None:
        links.open_url(self._url, self)


class SourceLibraryDialog(QDialog):
    """The project-wide source library; in ``select_mode`` it also chooses a source.

    Open it with ``exec()`` to manage the library, or ``SourceLibraryDialog.choose`` to pick one.
    """

    sig_source_chosen = Signal(str)
    """The user chose a source (select mode); carries its id."""

    def __init__(self, session, parent: QWidget | None = None, *, select_mode: bool = False):
        super().__init__(parent)
        self.session = session
        self.select_mode = select_mode
        self.chosen_id: str | None = None
        self.setWindowTitle(self.tr("Choose a source") if select_mode else self.tr("Source library"))
        screen_fit.fit(self, 1100, 600, parent)  # roomy, but never wider or taller than the screen it opens on

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search titles, URLs, publishers, authors and notes"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search the source library"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        self.model = SourceTableModel(self)
        self._kept: str | None = None  # the selected source while the model is reset
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Sources"))
        self.table.setTabKeyNavigation(False)
        keyboard.choose_on_focus(self.table)  # Tab to a list of one: that source is chosen (Edit, Delete, Choose)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the library's order until asked
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(SourceTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column in self._FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)

        self.count_label = QLabel()
        self.count_label.setEnabled(False)
        self.details = SourceDetailsWidget()

        self.new_button = QPushButton(self.tr("&New…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.new_button.setToolTip(self.tr("Add a source to the library"))
        self.delete_button.setToolTip(self.tr("Delete the selected source and withdraw its citations"))
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
        self.buttons = QDialogButtonBox()
        if select_mode:
            self.choose_button = self.buttons.addButton(self.tr("&Choose"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.choose_button.setDefault(True)
        else:
            self.choose_button = None
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([770, 330])
        splitter.setChildrenCollapsible(False)

        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        QWidget.setTabOrder(self.search_edit, self.table)

        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        SearchKeysFilter(self.search_edit, self.table, self._search_now)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.modelReset.connect(self._on_model_reset)
        self.model.rowsInserted.connect(self._fit_columns)  # a page read further down may hold wider values
        self.table.viewport().installEventFilter(self)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        session.sig_changed.connect(self._on_session_changed)

        self.refresh()
        self.search_edit.setFocus()

    # --- the table's columns ------------------------------------------------------------

    #: Columns beside the title, each with the most it takes: sized to what they hold.
    _FITTED = {SourceTableModel.PUBLISHER: 130, SourceTableModel.KIND: 150, SourceTableModel.RELIABILITY: 110,
               SourceTableModel.CONFIDENTIAL: 120, SourceTableModel.USAGE: 110}
    #: Given up one by one, in this order, while the title would get less than ``TITLE_SHARE``
    #: (the details beside the table show them for the selected source); a confidential source is marked last.
    _GIVEN_UP = (SourceTableModel.USAGE, SourceTableModel.RELIABILITY, SourceTableModel.CONFIDENTIAL)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self, *_args) -> None:
        """The title takes the stretch and at least ``TITLE_SHARE`` of the width, with no sideways scrolling: the
        other columns are as wide as their header and values (within their most), the least needed given up
        when they do not fit, and the publisher and kind narrowed last."""
        header = self.table.horizontalHeader()
        room = round(self.table.viewport().width() * (1 - TITLE_SHARE))
        for column in self._FITTED:
            self.table.setColumnHidden(column, False)  # a hidden section's header hint is 0
        wanted = {column: min(most, max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column)))
                  for column, most in self._FITTED.items()}
        shown = list(wanted)
        for column in self._GIVEN_UP:
            if sum(wanted[c] for c in shown) <= room:
                break
            shown.remove(column)
        over = sum(wanted[c] for c in shown) - room
        for column in shown[::-1]:  # still too wide: the kind, then the publisher, down to the least
            if over <= 0:
                break
            cut = min(over, wanted[column] - header.minimumSectionSize())
            wanted[column] -= cut
            over -= cut
        for column in wanted:
            self.table.setColumnHidden(column, column not in shown)
            if column in shown:
                header.resizeSection(column, wanted[column])

    # --- reading ----------------------------------------------------------------------

    def refresh(self, select_id: str | None = None) -> None:
        """Read the library's first page again for the current search and order, keeping (or moving to) a
        selection (the pages down to it are read)."""
        search = self.search_edit.text().strip()
        try:
            self.model.set_library(self.session.project, search, keep=[select_id] if select_id else ())
        except KnownError as exc:
            self.model.set_sources([])
            self.count_label.setText(language.ui(exc))
        else:
            n = self.model.count()  # counted in SQL, not the rows read
            if n:
                self.count_label.setText(self.tr("1 source") if n == 1
                                         else self.tr("{n} sources").format(n=number(n)))
            elif search:
                self.count_label.setText(self.tr("No source matches “{search}”.").format(search=search))
            else:
                self.count_label.setText(self.tr("The library is empty: add a source with New…"))
        if select_id is not None:
            self.select(select_id)
        self._update_selection()

    def selected_id(self) -> str | None:
        source = self.selected_source()
        return source.id if source else None

    def selected_source(self) -> model.Source | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.source_at(rows[0].row()) if rows else None

    def select(self, source_id: str) -> bool:
        """Select a source's row (reading the pages down to it); False if it is not shown."""
        row = self.model.fetch_through(source_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index)
        return True

    def _update_selection(self) -> None:
        source = self.selected_source()
        writable = not getattr(self.session.project, "read_only", False)
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and source is not None)
        self.delete_button.setEnabled(writable and source is not None)
        if self.choose_button is not None:
            self.choose_button.setEnabled(source is not None)
        self.details.show_source(source, self.model.usage(source.id) if source else 0)

    # --- asking -----------------------------------------------------------------------

    @classmethod
    def confirm_delete(cls, parent: QWidget | None, title: str, n_claims: int) -> bool:
        """Ask before deleting a cited source; True to delete."""
        if n_claims == 1:
            question = QCoreApplication.translate(
                "SourceLibraryDialog",
                "“{title}” is cited by 1 claim. Delete it and withdraw those citations? (Undo brings them back.)")
        else:
            question = QCoreApplication.translate(
                "SourceLibraryDialog",
                "“{title}” is cited by {n} claims. Delete it and withdraw those citations? (Undo brings them back.)")
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("SourceLibraryDialog", "Delete source"),
            question.format(title=title, n=n_claims),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def choose(cls, session, parent: QWidget | None = None) -> str | None:
        """Let the user pick a source from the library; returns its id, or None when cancelled."""
        dialog = cls(session, parent, select_mode=True)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.chosen_id
        finally:
            dialog.deleteLater()

    # --- changing ---------------------------------------------------------------------

    def _run(self, command: history.Command, *, initiator: object = None) -> model.Changes | None:
        try:
            return self.session.do(command, initiator=initiator)
        except KnownError as exc:
            show_error(self, exc)
            return None

    def new_source(self) -> str | None:
        """Ask for a new source and add it; returns its id."""
        fields = SourceDialog.ask(self, None)
        if not fields:
            return None
        changes = self._run(history.CreateSource(**fields), initiator=self)  # refreshed here, with the new one selected
        if changes is None or changes.created is None:
            return None
        if self.model.row_of(changes.created) < 0 and self.search_edit.text():
            self.search_edit.clear()  # make sure the new source is visible
            self._search_timer.stop()
        self.refresh(select_id=changes.created)
        return changes.created

    def edit_source(self) -> None:
        source = self.selected_source()
        if source is None:
            return
        fields = SourceDialog.ask(self, source)
        if fields:
            self._run(history.UpdateSource(source.id, **fields))

    def delete_source(self) -> None:
        source = self.selected_source()
        if source is None:
            return
        try:
            n_claims = len(self.session.project.source_usage(source.id))
        except KnownError as exc:
            show_error(self, exc, self.tr("Not deleted"))
            return
        if n_claims and not self.confirm_delete(self, source_label(source), n_claims):
            return
        row = self.model.row_of(source.id)
        if self._run(history.DeleteSource(source.id)) is None:
            return
        if self.model.rowCount() and self.selected_source() is None:
            index = self.model.index(min(row, self.model.rowCount() - 1), 0)
            self.select(self.model.data(index, Qt.ItemDataRole.UserRole))

    # --- reactions --------------------------------------------------------------------

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self.refresh()

    def _search_now(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.refresh()

    def _on_table_selection_changed(self, *_args) -> None:
        self._update_selection()

    def _on_model_about_to_be_reset(self) -> None:
        self._kept = self.selected_id()
        if self._kept is not None:
            self.model.wanted = [self._kept]  # read down to it before the reset ends

    def _on_model_reset(self) -> None:
        """A search, a sort or a change read the first page again: select what was selected, if still shown."""
        self._fit_columns()
        kept, self._kept = self._kept, None
        if kept is not None and self.model.row_of(kept) >= 0:
            self.select(kept)

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        if self.select_mode:
            self._on_buttons_accepted()
        elif self.edit_button.isEnabled():
            self.edit_source()

    def _on_new_button_clicked(self) -> None:
        self.new_source()

    def _on_edit_button_clicked(self) -> None:
        self.edit_source()

    def _on_delete_button_clicked(self) -> None:
        self.delete_source()

    def _on_buttons_accepted(self) -> None:
        source_id = self.selected_id()
        if not self.select_mode or source_id is None:
            return
        self.chosen_id = source_id
        self.sig_source_chosen.emit(source_id)
        self.accept()

    #: What the library shows: the sources, and how many visible claims cite each
    #: (a claim or an article deleted or restored changes those counts).
    _SHOWN = model.What.SOURCES | model.What.CITATIONS | model.What.ANCHORS | model.What.ARTICLES

    def _on_session_changed(self, changes: model.Changes) -> None:
        if changes.initiator is not self and changes.what & self._SHOWN:
            self.refresh()
