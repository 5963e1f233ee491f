"""The claim panel: the article's claims, the unanchored ones, and the inspector.

The inspector saves as the checker types: a line field when it loses focus or on Enter,
a choice when it is settled on (picked in the list, or stepped to with the arrows and
left or confirmed with Enter), a long text a moment after typing stops (and at once when
focus leaves, another claim is selected or the window closes). Each save is one
undoable step through the session, and carries the revision the inspector showed, so a
claim changed in another window is reloaded instead of overwritten.

Above its tabs (Claim, Tasks, Comments, History) the inspector shows where the claim stands in
review and the decisions the workflow allows from there.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import checks, colours, fields, history, model, ratings, review, timeline, workflow
from factcheck.core.errors import Conflict, KnownError, NotFound
from factcheck.core.model import What
from factcheck.ui import accessible, alerts, evidence, keyboard, language, models, review_panel, similar_claims, tasks_panel
from factcheck.ui import theme
from factcheck.ui.review_panel import local_time
from factcheck.ui.session import Session

_Index = QModelIndex | QPersistentModelIndex

STATEMENT_LIMIT = checks.STATEMENT_LIMIT
#: Claims with more changed ids than this are refreshed by reading the article's claims again.
INCREMENTAL_LIMIT = 64
#: The claimant column's width in the claim lists (px), a fifth of the list within these.
_CLAIMANT_WIDTH = (70, 160)
#: The rating and status columns' widths (px) where the list has room for them.
_OTHER_WIDTHS = (110, 80)
#: The stance and locator columns' widths (px) in the inspector's Sources table, where it has room for them.
_CITED_WIDTHS = ((1, 80), (3, 70))
#: Rows of claims the list keeps when the splitter or the window squeezes it (the inspector scrolls).
MIN_CLAIM_ROWS = 4


def _join(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return QCoreApplication.translate("ClaimInspector", "{items} and {last}").format(
        items=", ".join(items[:-1]), last=items[-1])


# --- history ---------------------------------------------------------------------------


def _field_name(key: str) -> str:
    """How a field is named to a person, in the app's language."""
    return language.ui(timeline.FIELD_NAMES.get(key, key.replace("_", " ")))


class HistoryModel(models.ListTableModel):
    """A claim's events, newest first: when (local time), who, what (with before → after).

    The words are ``core.timeline``'s, the same as ``factcheck history`` prints.
    """

    COLUMNS = ("When", "Who", "What")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[model.Event, str, list[str]]] = []

    def set_events(self, events: list[model.Event], scale: ratings.Scale, claim_id: str | None = None) -> None:
        """``events``: a claim's history (``Project.claim_history``), its merges told as what they decided about it."""
        self.beginResetModel()
        self._rows = [(e, language.ui(timeline.describe(e, scale)),
                       [language.ui(line) for line in timeline.changes(e, scale, claim_id)]) for e in reversed(events)]
        self.endResetModel()

    def event_at(self, row: int) -> model.Event | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def text_at(self, row: int) -> str:
        """The "what" of a row, headline and details, as shown."""
        _, headline, details = self._rows[row]
        return "\n".join([headline, *("    " + d for d in details)])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        event, headline, details = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return local_time(event.at)
            if col == 1:
                return event.actor
            if col == 2:
                return self.text_at(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{time} (event {seq})").format(time=event.at, seq=event.seq) if col == 0 else None
        if role == Qt.ItemDataRole.UserRole:
            return event.seq
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return (self.tr("When"), self.tr("Who"), self.tr("What"))[section]
        return None


# --- comments --------------------------------------------------------------------------


class CommentThreadModel(QAbstractItemModel):
    """A claim's comments as threads: replies are children of what they answer."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._comments: list[model.Comment] = []
        self._children: dict[int, list[int]] = {-1: []}
        self._parent_of: list[int] = []
        self._row_in_parent: list[int] = []

    def set_comments(self, comments: list[model.Comment]) -> None:
        """Comments in thread order (``Project.comments``): a parent before its replies."""
        if comments == self._comments:
            return  # the same: no reset, no repaint
        self.beginResetModel()
        self._comments = list(comments)
        position = {c.id: i for i, c in enumerate(self._comments)}
        self._children, self._parent_of, self._row_in_parent = {-1: []}, [], []
        for i, comment in enumerate(self._comments):
            parent = position.get(comment.parent_id, -1) if comment.parent_id else -1
            if parent >= i:
                parent = -1
            siblings = self._children.setdefault(parent, [])
            self._parent_of.append(parent)
            self._row_in_parent.append(len(siblings))
            siblings.append(i)
        self.endResetModel()

    def comments(self) -> list[model.Comment]:
        return list(self._comments)

    def comment_at(self, index: _Index) -> model.Comment | None:
        if not index.isValid() or not 0 < index.internalId() <= len(self._comments):
            return None
        return self._comments[index.internalId() - 1]

    def index_of(self, comment_id: str) -> QModelIndex:
        for i, comment in enumerate(self._comments):
            if comment.id == comment_id:
                return self.createIndex(self._row_in_parent[i], 0, i + 1)
        return QModelIndex()

    def descendants(self, comment_id: str) -> list[model.Comment]:
        """The replies under a comment, and theirs."""
        start = next((i for i, c in enumerate(self._comments) if c.id == comment_id), None)
        out: list[model.Comment] = []
        stack = list(self._children.get(start, [])) if start is not None else []
        while stack:
            i = stack.pop()
            out.append(self._comments[i])
            stack.extend(self._children.get(i, []))
        return out

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        siblings = self._children.get(parent.internalId() - 1 if parent.isValid() else -1, [])
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row] + 1)

    def parent(self, *args):  # noqa: D401 - both QObject.parent() and QAbstractItemModel.parent(index)
        if not args:
            return super().parent()
        index = args[0]
        if not index.isValid() or not 0 < index.internalId() <= len(self._comments):
            return QModelIndex()
        parent = self._parent_of[index.internalId() - 1]
        if parent < 0:
            return QModelIndex()
        return self.createIndex(self._row_in_parent[parent], 0, parent + 1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        if parent.isValid():
            if parent.column() != 0:
                return 0
            return len(self._children.get(parent.internalId() - 1, []))
        return len(self._children.get(-1, []))

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        comment = self.comment_at(index)
        if comment is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            head = [comment.author, local_time(comment.created_at)]
            if comment.kind == "note":
                head.append(self.tr("private note, never exported"))
            if comment.resolved_at:
                head.append(self.tr("resolved by {who}").format(who=comment.resolved_by) if comment.resolved_by
                            else self.tr("resolved"))
            return " · ".join(head) + "\n" + comment.body
        if role == Qt.ItemDataRole.ForegroundRole and comment.resolved_at:
            return theme.color("resolved_text")
        if role == Qt.ItemDataRole.BackgroundRole and comment.kind == "note":
            return theme.color("note_background")
        if role == Qt.ItemDataRole.ToolTipRole:
            if comment.resolved_at:
                return self.tr("{created}\nResolved {resolved}").format(created=comment.created_at, resolved=comment.resolved_at)
            return f"{comment.created_at}"
        if role == Qt.ItemDataRole.UserRole:
            return comment.id
        return None


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their word-wrapped text at the view's current width."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt override
        view = self.parent()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        indent = view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))
        width = max(80, view.viewport().width() - indent - 16)
        rect = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(width, rect.height() + 10)


class _CommentTree(QTreeView):
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.doItemsLayout()  # wrapped rows change height with the width


class CommentsWidget(QWidget):
    """A claim's review comments and private notes: read, add, reply, resolve and reopen."""

    sig_count_changed = Signal(int)
    """The number of unresolved review comments on the shown claim changed."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.claim_id: str | None = None
        self.model = CommentThreadModel(self)
        self.tree = _CommentTree()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setIndentation(22)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(self.tr("Comments"))
        self.tree.setTabKeyNavigation(False)
        keyboard.choose_on_focus(self.tree)  # reached by Tab, the highlighted comment is the one Reply and Resolve act on
        self.empty = QLabel(self.tr("No comments yet."))
        theme.set_text_role(self.empty, "muted_text")
        self.resolve_button = QPushButton(self.tr("Resolve"))
        self.resolve_button.setToolTip(self.tr("Mark the selected comment and its replies as dealt with (or reopen it)"))
        self.compose = QPlainTextEdit()
        self.compose.setPlaceholderText(self.tr("Write a review comment, a reply, or a private note…"))
        self.compose.setTabChangesFocus(True)
        self.compose.setAccessibleName(self.tr("New comment"))
        self.compose.setFixedHeight(self.compose.fontMetrics().lineSpacing() * 3 + 14)
        self.comment_button = QPushButton(self.tr("Comment"))
        self.comment_button.setToolTip(self.tr("Add a review comment: the team sees it, and approval waits until it is resolved"))
        self.reply_button = QPushButton(self.tr("Reply"))
        self.reply_button.setToolTip(self.tr("Answer the selected comment"))
        self.note_button = QPushButton(self.tr("Private note"))
        self.note_button.setToolTip(self.tr("A note for yourself: marked “private note, never exported”"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.comment_button)
        buttons.addWidget(self.note_button)
        buttons.addStretch()
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.compose)
        layout.addLayout(buttons)
        self.compose.textChanged.connect(self._update_buttons)
        self.tree.selectionModel().selectionChanged.connect(self._update_buttons)
        self.comment_button.clicked.connect(lambda: self.add("review"))
        self.note_button.clicked.connect(lambda: self.add("note"))
        self.reply_button.clicked.connect(self.reply)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self._update_buttons()

    @property
    def writable(self) -> bool:
        return not self.session.project.read_only

    def unresolved_count(self) -> int:
        return sum(1 for c in self.model.comments() if c.kind == "review" and c.resolved_at is None)

    def set_claim(self, claim_id: str | None) -> None:
        """Show a claim's comments (keeping the selected one selected)."""
        selected = self.selected_comment()
        self.claim_id = claim_id
        comments = self.session.project.comments(claim_id) if claim_id else []
        self.model.set_comments(comments)
        if comments:
            self.tree.expandAll()
        self.empty.setVisible(not comments)
        if selected is not None and claim_id == selected.claim_id:
            self.select_comment(selected.id)
        self._update_buttons()
        self.sig_count_changed.emit(self.unresolved_count())

    def selected_comment(self) -> model.Comment | None:
        rows = self.tree.selectionModel().selectedRows() if self.tree.selectionModel() else []
        return self.model.comment_at(rows[0]) if rows else None

    def select_comment(self, comment_id: str) -> None:
        index = self.model.index_of(comment_id)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(index)

    def _update_buttons(self, *args) -> None:
        has_text = bool(self.compose.toPlainText().strip())
        selected = self.selected_comment()
        writable = self.writable and self.claim_id is not None
        self.compose.setReadOnly(not writable)
        self.comment_button.setEnabled(writable and has_text)
        self.note_button.setEnabled(writable and has_text)
        self.reply_button.setEnabled(writable and has_text and selected is not None)
        self.resolve_button.setEnabled(writable and selected is not None)
        self.resolve_button.setText(self.tr("Reopen") if selected is not None and selected.resolved_at else self.tr("Resolve"))

    def _post(self, body: str, kind: str, parent_id: str | None) -> str | None:
        if not self.claim_id:
            return None
        try:
            created = self.session.do(history.AddComment(self.claim_id, body, kind=kind, parent_id=parent_id)).created
        except KnownError as exc:
            alerts.show_error(self, exc)
            return None
        self.compose.clear()
        if created:
            self.select_comment(created)
        return created

    def add(self, kind: str = "review") -> str | None:
        """Post what is written as a review comment or a private note (``kind="note"``)."""
        return self._post(self.compose.toPlainText(), kind, None)

    def reply(self) -> str | None:
        """Post what is written as a reply to the selected comment (of the same kind)."""
        parent = self.selected_comment()
        if parent is None:
            return None
        return self._post(self.compose.toPlainText(), parent.kind, parent.id)

    def toggle_resolved(self) -> None:
        """Resolve the selected comment with its open replies, or reopen it if resolved."""
        comment = self.selected_comment()
        if comment is None:
            return
        resolve = comment.resolved_at is None
        targets = [comment] + ([c for c in self.model.descendants(comment.id) if c.resolved_at is None] if resolve else [])
        try:
            for target in targets:
                self.session.do(history.ResolveComment(target.id, resolve))
        except KnownError as exc:
            alerts.show_error(self, exc)
        self.select_comment(comment.id)


class ChoiceComboBox(QComboBox):
    """A combo box whose choice counts once the user settles on it, not at every step.

    Picked in the popup, it counts at once. Stepped through with the popup closed (arrow
    keys, typing, the wheel), it counts on Enter or when the focus leaves: arrowing past
    five ratings to reach the sixth records one change, not six.
    """

    sig_chosen = Signal(int)
    """The user settled on the item at this index."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stepping = False  # inside a key press or wheel turn on the closed combo
        self.pending = False  # an item was stepped to and not yet settled on
        self.activated.connect(self._on_activated)

    def _on_activated(self, index: int) -> None:
        if self._stepping and not self.view().isVisible():
            self.pending = True
        else:
            self.pending = False
            self.sig_chosen.emit(index)

    def settle(self) -> None:
        """Count the item stepped to, if any (Enter, focus out, or the owner saving everything)."""
        if self.pending:
            self.pending = False
            self.sig_chosen.emit(self.currentIndex())

    def set_quietly(self, index: int) -> None:
        """Show ``index`` as saved: no signal, nothing pending."""
        self.pending = False
        with QSignalBlocker(self):
            self.setCurrentIndex(index)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.pending:
            self.settle()
        self._stepping = True
        try:
            super().keyPressEvent(event)
        finally:
            self._stepping = False

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._stepping = True
        try:
            super().wheelEvent(event)
        finally:
            self._stepping = False

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.settle()


class _OneLineLabel(QLabel):
    """Plain text on one line, cut with an ellipsis where the panel is narrow; the whole of it is the tooltip.

    The review trail ("Verdict by…; submitted by…; approved by…") took four lines of a
    1,024-px window's inspector, above the fields being edited; the History tab has it all.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the panel

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)  # a screen reader reads it whole
        self._elide()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.contentsRect().width()))


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

    sig_reviewed = Signal(str, str)
    """A review decision (action, claim id) was taken from the inspector."""

    sig_review_changed = Signal()
    """The review decisions open on the shown claim (``availability``) changed."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.claim_id: str | None = None
        self._claim: model.Claim | None = None
        #: Review action -> '' when the user may take it on the shown claim now, else the core's reason.
        self.availability: dict[str, str] = {}
        self._asking = False  # a dialog about a change is open: do not save meanwhile
        self._history_stale = True
        self._loaded_claim: str | None = None
        self._loaded: dict[str, str] = {}  # text fields as last loaded, to tell what is being typed
        self._saving: frozenset[str] = frozenset()  # fields being saved right now (their new value is ours)

        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        quote_font = self.quote.font()
        quote_font.setItalic(True)
        self.quote.setFont(quote_font)
        self.quote.setMargin(4)
        self.quote.setAutoFillBackground(True)  # a palette role, not a style sheet: it follows light and dark
        self.quote.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        # "p. 12": where the quote is in a paged original (a PDF); hidden for other articles.
        self.page_label = QLabel()
        self.page_label.setToolTip(self.tr("The page of the original file where the quoted words are"))
        theme.set_text_role(self.page_label, "muted_text")
        self.anchor_note = QLabel()
        self.anchor_note.setWordWrap(True)
        theme.set_text_role(self.anchor_note, "warning_text")
        self.confirm_button = QPushButton(self.tr("Confirm new words"))
        self.confirm_button.setToolTip(self.tr("The article changed under this claim: accept the highlighted words as its quote."))
        self.reanchor_button = QPushButton(self.tr("Anchor to selection"))
        self.reanchor_button.setToolTip(self.tr("Select the claim's words in the article, then click here."))
        anchor_row = QHBoxLayout()
        anchor_row.addWidget(self.confirm_button)
        anchor_row.addWidget(self.reanchor_button)
        anchor_row.addStretch()

        self.statement = QLineEdit()
        self.statement.setPlaceholderText(self.tr("The claim as checked, in a short sentence"))
        self.statement_hint = QLabel()
        theme.set_text_role(self.statement_hint, "warning_text")
        self.statement_hint.setWordWrap(True)
        self.claimant = QLineEdit()
        self.claimant.setPlaceholderText(self.tr("Who made the claim"))
        self.claim_date = QLineEdit()
        self.claim_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.date_hint = QLabel()
        theme.set_text_role(self.date_hint, "warning_text")
        self.checkworthiness = ChoiceComboBox()
        self.checkworthiness.addItem(self.tr("Not set"), None)
        for n, label in ((1, self.tr("1 (low)")), (2, "2"), (3, "3"), (4, "4"), (5, self.tr("5 (high)"))):
            self.checkworthiness.addItem(label, n)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma, separated, tags"))
        self.rating = ChoiceComboBox()
        self.rating.setObjectName("rating")  # its items are the project's scale: data, not interface text
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(self.tr("One sentence: what the evidence shows"))
        self.summary_hint = QLabel()
        theme.set_text_role(self.summary_hint, "warning_text")
        self.rationale = _PlainText()
        self.rationale.setPlaceholderText(self.tr("How the verdict was reached"))
        self.notes = _PlainText()
        self.notes.setPlaceholderText(self.tr("Private working notes"))
        for box, height in ((self.rationale, 130), (self.notes, 80)):
            box.setTabChangesFocus(True)
            box.setMinimumHeight(60)
            box.setMaximumHeight(height)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Statement"), self.statement)
        form.addRow("", self.statement_hint)
        form.addRow(self.tr("Claimant"), self.claimant)
        form.addRow(self.tr("Claim date"), self.claim_date)
        form.addRow("", self.date_hint)
        form.addRow(self.tr("Check-worthiness"), self.checkworthiness)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Rating"), self.rating)
        form.addRow(self.tr("Verdict summary"), self.summary)
        form.addRow("", self.summary_hint)
        form.addRow(self.tr("Rationale"), self.rationale)
        form.addRow(self.tr("Notes"), self.notes)
        accessible.name_form_fields(form)  # "Rating", not the rating shown ("Not rated")
        self.rating.setAccessibleDescription(self.tr("The verdict, from the project's rating scale"))
        self.summary.setAccessibleDescription(self.tr("One sentence: what the evidence shows"))

        self.citations = evidence.CitedFilesModel(self)  # with each row's evidence files counted
        self.citation_view = QTableView()
        self.citation_view.setModel(self.citations)
        self.citation_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.citation_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.citation_view.verticalHeader().hide()
        citation_header = self.citation_view.horizontalHeader()
        citation_header.setStretchLastSection(False)
        for col, width in _CITED_WIDTHS:  # stance and locator are short; source and passage share the rest
            citation_header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            citation_header.resizeSection(col, width)
        for col in (0, 2):
            citation_header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        citation_header.setSectionResizeMode(self.citations.FILES, QHeaderView.ResizeMode.ResizeToContents)
        self.citation_view.viewport().installEventFilter(self)
        self.citation_view.setMinimumHeight(90)
        self.citation_view.setAccessibleName(self.tr("Sources cited"))
        self.citation_view.setTabKeyNavigation(False)  # Tab moves on; the arrows move within
        keyboard.choose_on_focus(self.citation_view)  # the highlighted citation is the one Edit and Remove act on
        self.cite_button = QPushButton(self.tr("Cite source…"))
        self.edit_citation_button = QPushButton(self.tr("Edit…"))
        self.remove_citation_button = QPushButton(self.tr("Remove"))
        self.library_button = QPushButton(self.tr("Source library…"))
        buttons = QHBoxLayout()
        for b in (self.cite_button, self.edit_citation_button, self.remove_citation_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.library_button)
        sources_box = QGroupBox(self.tr("Sources"))
        sources_layout = QVBoxLayout(sources_box)
        sources_layout.addWidget(self.citation_view)
        sources_layout.addLayout(buttons)

        # Review: where the claim stands, and the decisions open from there.
        self.status_badge = QLabel()
        self.status_badge.setTextFormat(Qt.TextFormat.PlainText)
        self.review_info = _OneLineLabel()
        theme.set_text_role(self.review_info, "muted_text")
        self.review_hint = QLabel()
        self.review_hint.setWordWrap(True)
        self.review_hint.setTextFormat(Qt.TextFormat.PlainText)
        theme.set_text_role(self.review_hint, "warning_text")
        self.submit_button = QPushButton(self.tr("Submit for review"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.request_changes_button = QPushButton(self.tr("Request changes…"))
        self.publish_button = QPushButton(self.tr("Publish"))
        self.review_buttons = {
            workflow.SUBMIT: self.submit_button, workflow.APPROVE: self.approve_button,
            workflow.REQUEST_CHANGES: self.request_changes_button, workflow.PUBLISH: self.publish_button,
        }
        self.submit_button.setToolTip(self.tr("Send the verdict to an editor: needs a rating, a one-sentence summary, "
                                              "a source and the required tasks"))
        self.approve_button.setToolTip(self.tr("Approve the verdict after the checklist ({keys}); not your own").format(
            keys=language.keys("Ctrl+Shift+A")))
        self.request_changes_button.setToolTip(self.tr("Send it back to the checker with a comment ({keys})").format(
            keys=language.keys("Ctrl+Shift+R")))
        self.publish_button.setToolTip(self.tr("Mark the approved verdict as published"))
        self._review_tips = {action: button.toolTip() for action, button in self.review_buttons.items()}
        # Buttons may shrink to their words (the style's 80-px floor made the inspector too wide for 1,024 px).
        for button in (*self.review_buttons.values(), self.cite_button, self.edit_citation_button,
                       self.remove_citation_button, self.library_button):
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 16)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_badge)
        status_row.addWidget(self.review_info, 1)
        review_row = QHBoxLayout()
        for button in self.review_buttons.values():
            review_row.addWidget(button)
        review_row.addStretch()
        review_box = QWidget()
        review_layout = QVBoxLayout(review_box)
        review_layout.setContentsMargins(0, 2, 0, 2)
        review_layout.setSpacing(3)
        review_layout.addLayout(status_row)
        review_layout.addWidget(self.review_hint)
        review_layout.addLayout(review_row)

        self.claim_page = QWidget()
        claim_layout = QVBoxLayout(self.claim_page)
        claim_layout.setContentsMargins(2, 6, 2, 2)
        claim_layout.addLayout(form)
        claim_layout.addWidget(sources_box)
        self.similar = similar_claims.SimilarClaims(session)  # earlier verdicts from the library
        claim_layout.addWidget(self.similar)
        claim_layout.addStretch()
        # Only the long form scrolls: the comments and the history fill the tab's height.
        self.claim_scroll = QScrollArea()
        self.claim_scroll.setWidgetResizable(True)
        self.claim_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.claim_scroll.setWidget(self.claim_page)
        # It scrolls up and down, never sideways: the tab is as wide as the form's fields need.
        self.claim_scroll.setMinimumWidth(self.claim_page.minimumSizeHint().width()
                                          + self.claim_scroll.verticalScrollBar().sizeHint().width())
        self.claim_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, which scroll into view
        self.comments = CommentsWidget(session)
        self.tasks_panel = tasks_panel.TasksPanel(session)
        self.history = HistoryModel(self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.verticalHeader().hide()
        self.history_view.setWordWrap(True)
        self.history_view.setShowGrid(False)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setAccessibleName(self.tr("Claim history"))
        self.history_view.setTabKeyNavigation(False)
        history_header = self.history_view.horizontalHeader()
        history_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        history_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        history_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        history_header.resizeSection(0, 125)
        history_header.resizeSection(1, 110)
        history_header.sectionResized.connect(lambda *a: self.history_view.resizeRowsToContents())
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Claim details"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.claim_scroll, self.tr("Claim"))
        self.tabs.addTab(self.tasks_panel, self.tr("Tasks"))
        self.tabs.addTab(self.comments, self.tr("Comments"))
        self.tabs.addTab(self.history_view, self.tr("History"))

        self.empty = QLabel(self.tr("Select a claim, or select words in the article and press {keys} to make one.").format(
            keys=language.keys("Ctrl+E")))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.quote)
        body.addWidget(self.page_label)
        body.addWidget(self.anchor_note)
        body.addLayout(anchor_row)
        body.addWidget(review_box)
        body.addWidget(self.tabs, 1)
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
            edit.installEventFilter(self)  # Escape puts the saved value back (``_revert_line``); resizes: ``_tip_line``
            edit.textChanged.connect(lambda _text, e=edit: self._tip_line(e))
        # Ctrl+Z: the field's unsaved typing, else Edit > Undo (``_load`` forgets typing once saved).
        keyboard.hand_undo_to_window(*self._line_fields.values(), self.rationale, self.notes)
        for edit in (self.statement, self.claim_date, self.summary):
            edit.textChanged.connect(self._update_hints)
        self.statement.textEdited.connect(lambda text: self.similar.set_text(text))
        self.summary.textChanged.connect(self._update_review_state)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(800)
        self._text_timer.timeout.connect(self.commit_pending)
        for box in (self.rationale, self.notes):
            box.textChanged.connect(self._text_timer.start)
            box.sig_focus_lost.connect(self.commit_pending)
        self.rating.sig_chosen.connect(self._on_rating_chosen)
        self.checkworthiness.sig_chosen.connect(self._on_checkworthiness_chosen)
        self.confirm_button.clicked.connect(lambda: self.claim_id and self.sig_confirm_requested.emit(self.claim_id))
        self.reanchor_button.clicked.connect(lambda: self.claim_id and self.sig_reanchor_requested.emit(self.claim_id))
        self.cite_button.clicked.connect(self._on_cite_clicked)
        self.edit_citation_button.clicked.connect(self._on_edit_citation_clicked)
        self.remove_citation_button.clicked.connect(self._on_remove_citation_clicked)
        self.library_button.clicked.connect(self._on_library_clicked)
        self.citation_view.doubleClicked.connect(self._on_edit_citation_clicked)
        self.citation_view.selectionModel().selectionChanged.connect(self._update_citation_buttons)
        for action, button in self.review_buttons.items():
            button.clicked.connect(lambda checked=False, a=action: self.review(a))
        self.comments.sig_count_changed.connect(self._on_comments_count_changed)
        self.tasks_panel.sig_progress_changed.connect(self._on_tasks_progress_changed)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        session.sig_changed.connect(self._on_session_changed)
        theme.notifier().sig_changed.connect(self._on_theme_changed)
        self._fill_ratings()
        self._apply_read_only()
        self.show_claim(None)

    @property
    def writable(self) -> bool:
        return not self.session.project.read_only

    def _apply_read_only(self) -> None:
        """A read-only project: fields can be read and copied, nothing offers to change."""
        read_only = not self.writable
        for edit in self._line_fields.values():
            edit.setReadOnly(read_only)
        for box in (self.rationale, self.notes):
            box.setReadOnly(read_only)
        for widget in (self.rating, self.checkworthiness, self.cite_button, self.confirm_button, self.reanchor_button):
            widget.setEnabled(not read_only)

    # --- showing ----------------------------------------------------------------------

    def _fill_ratings(self) -> None:
        with QSignalBlocker(self.rating):
            self.rating.clear()
            self.rating.addItem(models.swatch(theme.rating_color(None)), self.tr("Not rated"), None)
            for r in self.session.project.scale.ratings:
                self.rating.addItem(models.swatch(theme.rating_color(r)), r.label, r.key)
                self.rating.setItemData(self.rating.count() - 1, r.description, Qt.ItemDataRole.ToolTipRole)

    #: What a change of each kind makes the inspector read again, besides the claim itself.
    _CITATIONS = What.CITATIONS | What.SOURCES | What.EVIDENCE
    _COMMENTS = What.COMMENTS

    def show_claim(self, claim_id: str | None, *, keep_edits: bool = True, parts: What = What.EVERYTHING) -> None:
        """Show a claim's fields (saving what was being typed in the previous one).

        Showing the same claim again (it changed) keeps what is being typed in a field
        nobody else changed; ``keep_edits=False`` puts every field back to what is saved.
        ``parts``: what changed, when the same claim is shown again: its citations and
        comments are read again only if they did.
        """
        if claim_id != self.claim_id:
            self.commit_pending()
            parts = What.EVERYTHING
        self.claim_id = claim_id
        self._claim = None
        if claim_id is not None:
            try:
                self._claim = self.session.claim(claim_id)
            except NotFound:
                self._claim = None
            except KnownError as exc:  # a damaged page, a lost lock: say it, show nothing stale
                self._claim = None
                alerts.show_error(self, exc)
            if self._claim is None:
                self.claim_id = None
        self.empty.setVisible(self._claim is None)
        self.body.setVisible(self._claim is not None)
        self.similar.set_claim(self._claim)
        if self._claim is not None:
            self._load(self._claim, keep_edits, parts)
        else:
            self.comments.set_claim(None)
            self.tasks_panel.set_claim(None)
            self.history.set_events([], self.session.project.scale)
            self._set_availability({})

    def _load(self, c: model.Claim, keep_edits: bool = True, parts: What = What.EVERYTHING) -> None:
        values = {
            "statement": c.statement, "claimant": c.claimant, "claim_date": c.claim_date,
            "tags": ", ".join(c.tags), "verdict_summary": c.verdict_summary,
            "rationale": c.rationale, "notes": c.notes,
        }
        same_claim = keep_edits and self._loaded_claim == c.id
        lost = []
        widgets = [(f, e, e.text) for f, e in self._line_fields.items()]
        widgets += [("rationale", self.rationale, self.rationale.toPlainText), ("notes", self.notes, self.notes.toPlainText)]
        for field, widget, text in widgets:
            typed, before, now = text(), self._loaded.get(field), values[field]
            if same_claim and typed != before and field not in self._saving:  # being typed, not saved yet
                if now == before:
                    continue  # changed nowhere else: keep the typing
                lost.append(f"{_field_name(field).capitalize()}: {typed}")
            self._loaded[field] = now
            if typed != now:
                with QSignalBlocker(widget):  # setting the text empties the field's own undo stack
                    if isinstance(widget, QLineEdit):
                        widget.setText(now)
                        widget.setCursorPosition(0)  # show the start of a long value
                    else:
                        widget.setPlainText(now)
            else:
                keyboard.forget_typing(widget)  # saved: Ctrl+Z there now undoes the saved step, as Edit > Undo does
        self._loaded_claim = c.id
        for combo, value in ((self.rating, c.rating), (self.checkworthiness, c.checkworthiness)):
            if not (same_claim and combo.pending):  # a choice being stepped to stays until it is settled
                combo.set_quietly(max(0, combo.findData(value)))
        self.quote.setText(f"“{c.exact}”")
        page_map = self.session.project.page_map(c.version_id)
        page = page_map.span(c.start, c.end) if page_map else ""
        self.page_label.setText((self.tr("pp. {page}") if "–" in page else self.tr("p. {page}")).format(page=page))
        self.page_label.setVisible(bool(page))
        state_notes = {
            "fuzzy": self.tr("The article changed under this claim: check that the highlighted words are still what was "
                             "claimed, then confirm."),
            "orphaned": self.tr("Unanchored: the quoted words are no longer in the article. Select where the claim now is "
                                "and anchor it."),
        }
        self.anchor_note.setText(state_notes.get(c.anchor_state, ""))
        self.anchor_note.setVisible(c.anchor_state in state_notes)
        self.confirm_button.setVisible(c.anchor_state == "fuzzy")
        self.reanchor_button.setVisible(c.anchor_state in ("fuzzy", "orphaned"))
        self._update_hints()
        if parts & self._CITATIONS:
            self._load_citations()
        if parts & self._COMMENTS:
            self.comments.set_claim(c.id)
        self.tasks_panel.set_claim(c.id)  # the same claim again: the panel refreshes itself on its changes
        self._load_review(c)
        self._history_stale = True
        if self.tabs.currentWidget() is self.history_view:
            self._load_history()
        if lost:
            alerts.show_error(self, self.tr("This claim was changed elsewhere while you were typing; it now shows what was "
                                            "saved there. What you wrote was not saved:\n\n{lost}").format(lost="\n".join(lost)))

    def _load_citations(self) -> None:
        """The claim's citations with their sources (each cited source read, not the whole library)."""
        project = self.session.project
        rows = []
        if self.claim_id:
            for citation in project.citations(self.claim_id):
                try:
                    rows.append((citation, project.source(citation.source_id)))
                except NotFound:
                    continue
        self.citations.set_citations(rows)
        self.citations.count_files(project)
        self._update_citation_buttons()

    def _update_citation_buttons(self, *args) -> None:
        selected = bool(self.citation_view.selectionModel().selectedRows()) and self.writable
        self.edit_citation_button.setEnabled(selected)
        self.remove_citation_button.setEnabled(selected)

    def _style_badge(self, status: str) -> None:
        """The badge in its state's colour, in the variant of the app's palette."""
        color = theme.status_color(status).name()
        style = (f"QLabel {{ background: {color}; color: {colours.BADGE_TEXT}; border-radius: 4px; "
                 "padding: 2px 8px; font-weight: 600; }")
        if self.status_badge.styleSheet() != style:  # restyling costs a fraction of a millisecond each time
            self.status_badge.setStyleSheet(style)

    def _on_theme_changed(self, _dark: bool) -> None:
        """Light to dark or back: the badge and the rating swatches take the new variant."""
        if self._claim is not None:
            self._style_badge(self._claim.status)
        for i in range(self.rating.count()):
            rating = self.session.project.scale.get(self.rating.itemData(i))
            self.rating.setItemIcon(i, models.swatch(theme.rating_color(rating)))

    def _load_review(self, c: model.Claim) -> None:
        """The status badge, who did what when, what is missing, and the decisions open now."""
        project = self.session.project
        self.status_badge.setText(language.ui(models.STATUS_LABELS.get(c.status, c.status)))
        self._style_badge(c.status)
        # Clauses joined by "; ", the first capitalised: each one translated whole.
        info = [self.tr("Verdict by {who}").format(who=workflow.claim_verdict_author(c))] if c.rating or c.verdict_summary else []
        if c.status != model.DRAFT and c.submitted_by:
            info.append(self.tr("submitted by {who}, {when}").format(who=c.submitted_by, when=local_time(c.submitted_at)))
        if c.status in (model.APPROVED, model.PUBLISHED) and c.approved_by:
            info.append(self.tr("approved by {who}, {when}").format(who=c.approved_by, when=local_time(c.approved_at)))
        if c.status == model.PUBLISHED and c.published_by:
            info.append(self.tr("published by {who}, {when}").format(who=c.published_by, when=local_time(c.published_at)))
        # Only a published verdict is ever corrected: a claim never published has no corrections to count.
        corrections = len(project.corrections(c.id)) if c.published_at else 0
        if corrections:
            # The template is picked here, as English needs it ("1 public correction"); %n is filled by Qt.
            info.append(self.tr("1 public correction") if corrections == 1 else self.tr("%n public corrections", "", corrections))
        text = "; ".join(info)
        self.review_info.set_full_text(text[:1].upper() + text[1:])
        self._update_review_state()

    def _pending(self) -> model.Claim | None:
        """The shown claim as it will be once the verdict summary being typed is saved.

        Clicking a decision saves what is typed first, so the buttons follow the typing:
        Submit opens as soon as the summary typed is one the core takes.
        """
        c = self._claim
        if c is None:
            return None
        typed = self.summary.text().strip()
        if typed == c.verdict_summary.strip():
            return c
        return dataclasses.replace(c, verdict_summary=typed, verdict_by=self.session.project.user)

    def _update_review_state(self) -> None:
        """Ask the core which decisions are open on the claim (as typed), and say why the next one is not."""
        c = self._pending()
        if c is None:
            return
        try:
            available = self.session.project.managers.review.available(c)
        except KnownError:
            available = {action: self.tr("The project could not be read; try again.") for action in self.review_buttons}
        # The hint: why the next step in the workflow cannot be taken yet, in the core's words.
        hint = ""
        if c.status in (model.DRAFT, model.CHANGES_REQUESTED):
            hint = available[workflow.SUBMIT]
            if c.status == model.CHANGES_REQUESTED:
                open_comments = self.comments.unresolved_count()
                if open_comments:
                    hint = self.tr("Changes were requested: see Comments ({n} open). {reason}").format(
                        n=open_comments, reason=language.ui(hint)).strip()
        elif c.status == model.IN_REVIEW:
            hint = available[workflow.APPROVE]
        self.review_hint.setText(language.ui(hint))
        self.review_hint.setVisible(bool(hint))
        self._set_availability(available)

    def _set_availability(self, available: dict[str, str]) -> None:
        """Enable each review button the core allows now; a refused one says why in its tooltip."""
        if not self.writable and available:
            available = {action: self.tr("This project is open read-only.") for action in available}
        for action, button in self.review_buttons.items():
            reason = available.get(action, "")  # the core's reason, translated where it is shown
            button.setEnabled(bool(available) and not reason)
            button.setToolTip(language.ui(reason) if reason else self._review_tips[action])
        if available != self.availability:
            self.availability = available
            self.sig_review_changed.emit()

    def _load_history(self) -> None:
        project = self.session.project
        self.history.set_events(project.claim_history(self.claim_id) if self.claim_id else [], project.scale,
                                self.claim_id)
        self.history_view.resizeRowsToContents()
        self._history_stale = False

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.history_view and self._history_stale:
            self._load_history()

    def _on_tasks_progress_changed(self, done: int, total: int) -> None:
        text = self.tr("Tasks ({done}/{total})").format(done=done, total=total) if total else self.tr("Tasks")
        index = self.tabs.indexOf(self.tasks_panel)
        if self.tabs.tabText(index) != text:
            self.tabs.setTabText(index, text)

    def _on_comments_count_changed(self, n: int) -> None:
        text = self.tr("Comments ({n})").format(n=n) if n else self.tr("Comments")
        index = self.tabs.indexOf(self.comments)
        if self.tabs.tabText(index) != text:  # setting the same text lays the tab bar out again
            self.tabs.setTabText(index, text)

    # --- review -----------------------------------------------------------------------

    def review(self, action: str) -> bool:
        """Take a review decision on the shown claim (saving what is typed first).

        A refusal (workflow, four-eyes, checklist, a change made elsewhere) is shown with
        its reason and the claim reloaded.
        """
        if self._claim is None or self.claim_id is None or not self.writable:
            return False
        if not self.commit_pending() or self._claim is None:
            return False
        claim_id = self.claim_id
        outcome = review_panel.review_claims(self.session, self, action, [self._claim], initiator=self)
        if outcome.cancelled:
            return False
        if outcome.refused:
            alerts.show_error(self, outcome.refused[0][1])
            self.show_claim(claim_id, keep_edits=False)
            return False
        self.sig_reviewed.emit(action, claim_id)
        return True

    def _update_hints(self) -> None:
        n = len(self.statement.text())
        self.statement_hint.setText(
            self.tr("{n} characters: statements over {limit} are cut short in search results (ClaimReview).").format(
                n=n, limit=STATEMENT_LIMIT) if n > STATEMENT_LIMIT else ""
        )
        self.statement_hint.setVisible(n > STATEMENT_LIMIT)
        for hint, problem in ((self.summary_hint, fields.summary_problem(self.summary.text())),
                              (self.date_hint, fields.date_problem(self.claim_date.text()))):
            hint.setText(language.ui(problem))
            hint.setVisible(bool(problem))

    # --- saving -----------------------------------------------------------------------

    def _save(self, **fields) -> bool:
        """Save fields of the shown claim as one undoable step; False if it was not saved.

        Changing the verdict (rating, summary) of an approved or published claim asks for
        a reason first; Cancel puts the saved value back.
        """
        if self.claim_id is None or self._claim is None:
            return False
        claim = self._claim
        reason = ""
        verdict = [k for k in fields if k in workflow.VERDICT_FIELDS]
        if verdict and claim.status in (model.APPROVED, model.PUBLISHED):
            from factcheck.ui.dialogs.review_dialogs import ReasonDialog

            self._asking = True
            try:
                reason = ReasonDialog.ask(self, _join([_field_name(k) for k in verdict]),
                                          published=claim.status == model.PUBLISHED) or ""
            finally:
                self._asking = False
            if not reason.strip():
                self.show_claim(self.claim_id, keep_edits=False)  # Cancel: the field shows the saved value again
                return False
        self._saving = frozenset(fields)
        try:
            self.session.do(history.UpdateClaim(self.claim_id, reason=reason.strip(), expected_revision=claim.revision,
                                                **fields))
            return True
        except Conflict as exc:
            self._saving = frozenset()
            lost = [f"{_field_name(k).capitalize()}: {v}" for k, v in fields.items() if isinstance(v, str) and v.strip()]
            if lost:
                message = self.tr("{problem}\n\nIt now shows what was saved there. What you wrote was not saved:\n\n{lost}").format(
                    problem=language.ui(exc), lost="\n".join(lost))
            else:
                message = self.tr("{problem}\n\nIt now shows what was saved there.").format(problem=language.ui(exc))
            alerts.show_error(self, message)
            self.show_claim(self.claim_id, keep_edits=False)
            return False
        except KnownError as exc:
            self._saving = frozenset()
            alerts.show_error(self, exc)
            self.show_claim(self.claim_id, keep_edits=False)
            return False
        finally:
            self._saving = frozenset()

    def _commit_line(self, field: str) -> bool:
        if self._asking:
            return False
        if self._claim is None or not self.writable:
            return True
        text = self._line_fields[field].text()
        current = ", ".join(self._claim.tags) if field == "tags" else getattr(self._claim, field)
        if text.strip() != current.strip():  # the core checks the value (a date, say) and says what is wrong
            return self._save(**{field: text})
        return True

    def edit_statement(self) -> None:
        """Type the statement next: its tab shown, the field focused and scrolled into view. (Focus alone left the
        scroll of the claim shown before: at 1024 x 700 a new claim's statement was typed in out of sight.)"""
        self.tabs.setCurrentWidget(self.claim_scroll)
        self.statement.setFocus()
        self.claim_scroll.ensureWidgetVisible(self.statement)

    def commit_pending(self) -> bool:
        """Save whatever is typed but not yet saved (line fields and long texts).

        Returns False when something could not be saved (or a question about it is open).
        """
        self._text_timer.stop()
        if self._asking:
            return False
        if self._claim is None or not self.writable:
            return True
        for combo in (self.rating, self.checkworthiness):
            combo.settle()  # a choice stepped to with the keys counts now
            if self._claim is None:
                return True
        ok = True
        for field in self._line_fields:
            ok = self._commit_line(field) and ok
            if self._claim is None:
                return ok
        for field, box in (("rationale", self.rationale), ("notes", self.notes)):
            if self._claim is not None and box.toPlainText() != getattr(self._claim, field):
                ok = self._save(**{field: box.toPlainText()}) and ok
        return ok

    def _on_rating_chosen(self, index: int) -> None:
        if self._claim is not None and not self._asking and self.rating.itemData(index) != self._claim.rating:
            self._save(rating=self.rating.itemData(index))

    def _on_checkworthiness_chosen(self, index: int) -> None:
        if self._claim is not None and not self._asking and self.checkworthiness.itemData(index) != self._claim.checkworthiness:
            self._save(checkworthiness=self.checkworthiness.itemData(index))

    def _revert_line(self, edit: QLineEdit) -> bool:
        """Escape in a line field: what is typed there gives way to the saved value, nothing saved; False if none was typed."""
        field = next((f for f, e in self._line_fields.items() if e is edit), None)
        if field is None or self._claim is None or edit.isReadOnly() or edit.text() == self._loaded.get(field):
            return False
        edit.setText(self._loaded.get(field, ""))
        edit.setCursorPosition(0)
        if edit is self.statement:
            self.similar.set_text(edit.text(), now=True)  # suggestions for the statement as saved
        return True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """Escape in a line field puts back its saved value (``_revert_line``); a resized one says whether its
        text is cut (``_tip_line``). In a narrow Sources table the stance and locator narrow, so the source and
        passage stay the widest."""
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier and isinstance(watched, QLineEdit):
            if self._revert_line(watched):
                return True  # the key was used; an Escape with nothing typed goes on (a dialog's Cancel)
        if event.type() == QEvent.Type.Resize and isinstance(watched, QLineEdit):
            self._tip_line(watched)
        if event.type() == QEvent.Type.Resize and watched is self.citation_view.viewport():
            header = self.citation_view.horizontalHeader()
            most = (watched.width() - header.sectionSize(self.citations.FILES)) // 4
            for col, width in _CITED_WIDTHS:
                header.resizeSection(col, max(header.minimumSectionSize(), min(width, most)))
        return super().eventFilter(watched, event)

    @staticmethod
    def _tip_line(edit: QLineEdit) -> None:
        """A line field too narrow for its text (a statement in a 1,024-px window) shows it whole as its tooltip."""
        room = edit.width() - 2 * edit.style().pixelMetric(edit.style().PixelMetric.PM_DefaultFrameWidth) - 8
        edit.setToolTip(edit.text() if edit.fontMetrics().horizontalAdvance(edit.text()) > room else "")

    def _on_session_changed(self, changes: model.Changes) -> None:
        if changes.what & What.SETTINGS:
            self._fill_ratings()
            if self.claim_id:
                self.show_claim(self.claim_id)  # the scale, the four-eyes rule: everything may look different
        elif self.claim_id and self.claim_id in changes.claims:
            self.show_claim(self.claim_id, parts=changes.what)
        elif self.claim_id and changes.what & What.EVIDENCE and changes.sources & self.citations.source_ids():
            self.citations.count_files(self.session.project)  # a file attached to a source this claim cites

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
            alerts.show_error(self, exc)

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
                alerts.show_error(self, exc)

    def _on_remove_citation_clicked(self) -> None:
        citation = self._selected_citation()
        if citation is not None:
            try:
                self.session.do(history.Uncite(citation.id))
            except KnownError as exc:
                alerts.show_error(self, exc)

    def _on_library_clicked(self) -> None:
        from factcheck.ui.dialogs.source_library import SourceLibraryDialog

        dialog = SourceLibraryDialog(self.session, self)
        dialog.exec()


def ask_words_change(parent: QWidget, session: Session, claim_id: str, version_id: str, start: int, end: int) -> bool:
    """True to put a claim on these words; a signed-off verdict only after old and new were seen side by side.

    The core decides whether the change sends the verdict back to review, and why.
    """
    project = session.project
    claim = project.claim(claim_id)
    new = project.text(version_id)[start:end].strip()
    reason = project.managers.claims.reopen_reason(claim, version_id, start, end)
    if not reason or new == claim.exact:
        return True
    from factcheck.ui.dialogs.review_dialogs import ConfirmWordsDialog

    return ConfirmWordsDialog.ask(parent, claim.exact, new, language.ui(reason), published=claim.status == model.PUBLISHED)


class _TallScroll(QScrollArea):
    """The claim list and inspector, scrolled up and down as one when the window is too short for them.

    Its least height is at most ``MAX_MIN_HEIGHT``, so a claim with a note about changed words,
    unanchored claims below the list and the comments tab never push the window past a
    1,024 x 640 screen; its least width is the contents', so nothing is clipped sideways.
    """

    MAX_MIN_HEIGHT = 320

    def __init__(self, inner: QWidget):
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(inner)
        inner.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the contents' least size changed: so did ours
        return super().eventFilter(watched, event)

    def _bar(self) -> int:
        return self.verticalScrollBar().sizeHint().width()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        inner = self.widget().minimumSizeHint()
        return QSize(inner.width() + self._bar(), min(inner.height(), self.MAX_MIN_HEIGHT))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        inner = self.widget().sizeHint()
        return QSize(inner.width() + self._bar(), inner.height())


class ClaimPanel(QWidget):
    """The claims of the shown article (anchored, then unanchored) above the inspector."""

    sig_claim_selected = Signal(object)
    """The user selected a claim in a list (its id), or cleared the selection (None)."""

    sig_count_changed = Signal(str, int)
    """The shown article's claims were counted again (article id, number of claims)."""

    sig_status = Signal(str)
    """A sentence for the window's status bar (what was just done, and how to take it back)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.article_id: str | None = None
        scale = session.project.scale
        self.claims = models.ClaimTableModel(scale, self)
        self.unanchored = models.ClaimTableModel(scale, self)
        self.list = self._table(self.claims)
        self.orphans = self._table(self.unanchored)
        self.list.setAccessibleName(self.tr("Claims"))
        self.list.setAccessibleDescription(self.tr("The claims in the shown article, in the order of the text"))
        self.orphans.setAccessibleName(self.tr("Unanchored claims"))
        self.orphans_box = QGroupBox(self.tr("Unanchored"))
        self.orphans_box.setToolTip(self.tr("Claims whose words are no longer in the article. They keep their quote and verdict."))
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
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.inspector)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([260, 640])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        rows = self.list.verticalHeader().defaultSectionSize() * MIN_CLAIM_ROWS
        self.list.setMinimumHeight(rows + self.list.horizontalHeader().sizeHint().height() + 2 * self.list.frameWidth())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = _TallScroll(splitter)
        layout.addWidget(self.scroll)

        self.delete_action = QAction(self.tr("Delete claim"), self)
        self.delete_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Delete))
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
        # The quote alone takes the spare width (two stretched columns split it evenly, so the
        # quote was the narrowest); the claimant gets a fifth of the width, within bounds.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, _CLAIMANT_WIDTH[0]), (2, _OTHER_WIDTHS[0]), (3, _OTHER_WIDTHS[1])):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        view.viewport().installEventFilter(self)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.setTabKeyNavigation(False)  # Tab moves on to the next pane; the arrows move within
        keyboard.choose_on_focus(view, chosen=self._on_list_chosen)  # the claim the inspector shows is the one marked
        return view

    def eventFilter(self, watched, event) -> bool:
        """Size the claimant column to a share of a list's width as the list is resized; in a narrow list the
        claimant, rating and status narrow together so the quote keeps a third of it and nothing scrolls sideways
        (a narrow Spanish list opened scrolled, its header reading "agmen")."""
        if event.type() == QEvent.Type.Resize:
            for view in (getattr(self, "list", None), getattr(self, "orphans", None)):
                if view is not None and watched is view.viewport():
                    low, high = _CLAIMANT_WIDTH
                    width, header = view.viewport().width(), view.horizontalHeader()
                    widths = [max(low, min(high, width // 5)), *_OTHER_WIDTHS]
                    room = width - width // 3
                    if sum(widths) > room:
                        widths = [max(header.minimumSectionSize(), w * room // sum(widths)) for w in widths]
                    for col, column_width in enumerate(widths, start=1):
                        header.resizeSection(col, column_width)
        return super().eventFilter(watched, event)

    @property
    def current_claim_id(self) -> str | None:
        return self.inspector.claim_id

    def set_article(self, article_id: str | None) -> None:
        self.article_id = article_id
        self._reload()
        self.select_claim(None)

    def _reload(self) -> None:
        """Read both lists' first pages again (and down to the claim shown); counts from SQL."""
        project = self.session.project
        keep = [self.current_claim_id] if self.current_claim_id else []
        self.claims.set_article(project, self.article_id, keep=keep)
        self.unanchored.set_article(project, self.article_id, orphaned=True, keep=keep)
        self._show_counts()

    def _show_counts(self) -> None:
        n_orphans = self.unanchored.count()
        self.orphans_box.setVisible(bool(n_orphans))
        self.orphans_box.setTitle(self.tr("Unanchored ({n})").format(n=n_orphans))
        self._show_count(self.claims.count() + n_orphans)

    def _show_count(self, n: int) -> None:
        if self.article_id is None:
            self.count.setText(self.tr("No article open"))
            return
        # The template is picked here, as English needs it ("1 claim"); %n is filled by Qt.
        self.count.setText(self.tr("1 claim") if n == 1 else self.tr("%n claims", "", n))
        self.sig_count_changed.emit(self.article_id, n)

    def select_claim(self, claim_id: str | None) -> None:
        """Select a claim in its list and show it in the inspector."""
        self._select_row(claim_id, scroll=True)
        self.inspector.show_claim(claim_id)

    def _select_row(self, claim_id: str | None, *, scroll: bool) -> None:
        for view, table_model in ((self.list, self.claims), (self.orphans, self.unanchored)):
            # A claim chosen elsewhere may be further down than the pages read: read down to it.
            row = (table_model.fetch_through(claim_id) if scroll else table_model.row_of(claim_id)) if claim_id else -1
            selection = view.selectionModel()
            with QSignalBlocker(selection):
                if row >= 0:
                    index = table_model.index(row, 0)
                    if selection.currentIndex().row() != row or not selection.isRowSelected(row):
                        selection.setCurrentIndex(
                            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                        )
                    if scroll:
                        view.scrollTo(index)
                elif selection.hasSelection() or selection.currentIndex().isValid():
                    view.clearSelection()
                    selection.setCurrentIndex(table_model.index(-1, -1), QItemSelectionModel.SelectionFlag.NoUpdate)

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

    def _on_list_chosen(self, view: QTableView) -> None:
        """Focus selected the list's highlighted row: the inspector shows that claim, if it showed another
        (one chosen in the other list), so Delete acts on the claim marked."""
        claim = view.model().claim_at(view.currentIndex().row())
        if claim is not None and claim.id != self.current_claim_id:
            self._on_list_current(view, view.currentIndex())

    def delete_selected(self) -> None:
        """Delete the selected claim (no question: undo brings it back).

        A signed-off verdict is retracted instead: refused with the core's reason to whoever
        may not, else after asking the reason, which reports print.
        """
        claim_id = self.current_claim_id
        if not claim_id:
            return
        try:
            project = self.session.project
            claim = project.claim(claim_id)
            reason = ""
            if review.signed_off(claim):
                refusal = project.managers.review.retraction_refusal(claim)
                if refusal:
                    alerts.show_error(self, refusal)
                    return
                from factcheck.ui.dialogs.review_dialogs import RetractDialog

                rating = project.scale.get(claim.rating)
                reason = RetractDialog.ask(self, claim, rating.label if rating else "")
                if reason is None:
                    return
            self.session.do(history.DeleteClaim(claim_id, reason=reason), initiator=self)
        except KnownError as exc:
            alerts.show_error(self, exc)
            return
        self.select_claim(None)
        self.sig_claim_selected.emit(None)
        quote = models.one_line(claim.exact, 60)
        if reason:
            self.sig_status.emit(self.tr("Retracted the verdict on “{quote}”.").format(quote=quote))
        else:  # nothing was asked: say what went, and how to bring it back
            undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
            self.sig_status.emit(self.tr("Deleted the claim “{quote}” ({keys} brings it back).").format(
                quote=quote, keys=undo))

    def _apply(self, claim_ids: frozenset[str]) -> None:
        """Refresh just these claims' rows (a claim made, edited, deleted or restored)."""
        try:
            claims = self.session.changed_claims(claim_ids)  # read once for every view
        except KnownError:
            claims = dict.fromkeys(claim_ids)
        self.claims.apply(claim_ids, claims)
        self.unanchored.apply(claim_ids, claims)
        self._show_counts()

    #: What the lists show: the quote and where it sits, claimant, rating, status.
    _ROWS = What.ANCHORS | What.CLAIM_FIELDS | What.STATUS

    def _on_session_changed(self, changes: model.Changes) -> None:
        what = changes.what
        ours = self.article_id is not None and self.article_id in changes.articles
        whole = bool(what & What.SETTINGS) or (ours and bool(what & (What.VERSIONS | What.ARTICLES)))
        rows = bool(what & self._ROWS) and bool(changes.claims)
        if not (whole or rows):
            return
        current = self.current_claim_id
        # Rows coming and going move the views' current rows: that is not the user choosing
        # another claim (a claim re-anchored moves from Unanchored to the list and stays shown).
        with QSignalBlocker(self.list.selectionModel()), QSignalBlocker(self.orphans.selectionModel()):
            if whole or len(changes.claims) > INCREMENTAL_LIMIT:
                self._reload()
            else:
                self._apply(changes.claims)
        if current and self.claims.row_of(current) < 0 and self.unanchored.row_of(current) < 0:
            self.select_claim(None)  # deleted, or moved to another article
        elif current:
            self._select_row(current, scroll=False)  # its row may have moved; the inspector refreshes itself
