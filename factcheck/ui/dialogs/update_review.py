"""Article > Update from pasted text, and the review of the re-anchored claims after an update.

The review lists the shown article's claims in three groups, read from core
(``reanchoring.review``): claims whose words changed (confirm them, or re-select the
right words in the article), claims whose words are gone (kept under Unanchored) and
claims that kept their words (for information). The checked words and the words there
now are shown side by side, the changed words marked as Compare versions marks them.
The dialog is not modal: it follows the project's changes, and Re-select hides it while
the checker selects words in the article (``version_updates.VersionUpdates`` shows it
again once the claim is anchored).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import anchoring, diffing, model, reanchoring
from factcheck.core.errors import KnownError, NotFound
from factcheck.ui import language, models, screen_fit
from factcheck.ui.article_view import reading_font
from factcheck.ui.dialogs.source_dialog import install_accept_shortcut
from factcheck.ui.dialogs.version_compare import marks

#: The groups, in the order shown: what needs a person first.
FUZZY, ORPHANED, ACCEPTED = "fuzzy", "orphaned", "accepted"
GROUPS = (FUZZY, ORPHANED, ACCEPTED)
#: Longest quote shown in a row of the list (the whole one is in the panes below).
ROW_CHARS = 160


def _one_line(text: str, limit: int = ROW_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _whole_words(context: str, *, at_end: bool) -> str:
    """Context without the word cut in two at its far end (``at_end``: context before the words)."""
    if len(context) < reanchoring.CONTEXT:
        return context  # the start or end of the text: nothing was cut
    if at_end:
        cut = context.find(" ")
        return context[cut + 1:] if 0 <= cut < len(context) - 1 else context
    cut = context.rfind(" ")
    return context[:cut] if cut > 0 else context


class ReviewModel(QAbstractItemModel):
    """The review as a two-level tree: the three groups, and each group's claims (quote, what happened)."""

    GROUP_ID = 0  # internal id of a group row; a claim row's is its group's number + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.review: reanchoring.Review | None = None
        self._items: dict[str, tuple[reanchoring.Item, ...]] = {g: () for g in GROUPS}

    def set_review(self, review: reanchoring.Review | None) -> None:
        self.beginResetModel()
        self.review = review
        self._items = {g: (getattr(review, g) if review else ()) for g in GROUPS}
        self.endResetModel()

    # --- reads for the dialog ----------------------------------------------------------

    def group_of(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        if index.internalId() == self.GROUP_ID:
            return GROUPS[index.row()]
        return GROUPS[index.internalId() - 1]

    def item(self, index: QModelIndex) -> reanchoring.Item | None:
        if not index.isValid() or index.internalId() == self.GROUP_ID:
            return None
        items = self._items[GROUPS[index.internalId() - 1]]
        return items[index.row()] if index.row() < len(items) else None

    def items(self, group: str) -> tuple[reanchoring.Item, ...]:
        return self._items[group]

    def group_index(self, group: str) -> QModelIndex:
        return self.index(GROUPS.index(group), 0)

    def index_of(self, claim_id: str) -> QModelIndex:
        for g, group in enumerate(GROUPS):
            for row, item in enumerate(self._items[group]):
                if item.claim_id == claim_id:
                    return self.index(row, 0, self.index(g, 0))
        return QModelIndex()

    # --- QAbstractItemModel --------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self.GROUP_ID)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == self.GROUP_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, self.GROUP_ID)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        if not parent.isValid():
            return len(GROUPS)
        if parent.column() != 0 or parent.internalId() != self.GROUP_ID:
            return 0
        return len(self._items[GROUPS[parent.row()]])

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 2

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Claim's words"), self.tr("What happened"))[section] if 0 <= section < 2 else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == self.GROUP_ID:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole) and index.column() == 0:
                return self.group_title(GROUPS[index.row()])
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
                return self.group_tip(GROUPS[index.row()])
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        item = self.item(index)
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == 0:
                return "“{}”".format(_one_line(item.old_words))
            return self.what_happened(item)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return item.claim.statement or item.old_words[:500]
        return None

    def group_title(self, group: str) -> str:
        n = models.number(len(self._items[group]))
        if group == FUZZY:
            return self.tr("Words changed: confirm or re-select ({n})").format(n=n)
        if group == ORPHANED:
            return self.tr("Words gone: kept under Unanchored ({n})").format(n=n)
        return self.tr("Kept their words ({n})").format(n=n)

    def group_tip(self, group: str) -> str:
        if group == FUZZY:
            return self.tr("The words under these claims changed: check each, then confirm it or select the right words")
        if group == ORPHANED:
            return self.tr("These claims' words are no longer in the article; they keep their quote and verdict")
        return self.tr("These claims' words are in the new version as they were (in place or moved)")

    def what_happened(self, item: reanchoring.Item) -> str:
        if item.state == anchoring.FUZZY:
            if item.new_words == item.old_words:
                return self.tr("Same words, the text around them changed")
            return self.tr("Words changed")
        if item.state == anchoring.ORPHANED:
            return self.tr("Words gone")
        if item.state == anchoring.MOVED:
            return self.tr("Moved")
        return self.tr("In place")


class WordsView(QPlainTextEdit):
    """A claim's words with some context, read-only, the changed words marked."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setUndoRedoEnabled(False)
        self.setFont(reading_font())
        self.setAccessibleName(name)
        self.setTabChangesFocus(True)

    def show_words(self, prefix: str, words: str, suffix: str, spans: list[tuple[int, int]],
                   marked: QTextCharFormat) -> None:
        """``prefix`` and ``suffix`` dimmed, ``words`` plain with ``spans`` (code points in ``words``) marked."""
        self.clear()
        cursor = QTextCursor(self.document())
        dim, plain = QTextCharFormat(), QTextCharFormat()
        dim.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        plain.setFontWeight(700)
        strong = QTextCharFormat(marked)
        strong.setFontWeight(700)
        prefix, suffix = _whole_words(prefix, at_end=True), _whole_words(suffix, at_end=False)
        if prefix:
            cursor.insertText("…" + " ".join(prefix.split("\n")), dim)
        at = 0
        for start, end in spans:
            if start > at:
                cursor.insertText(words[at:start], plain)
            cursor.insertText(words[start:end], strong)
            at = end
        cursor.insertText(words[at:], plain)
        if suffix:
            cursor.insertText(" ".join(suffix.split("\n")) + "…", dim)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def show_note(self, text: str) -> None:
        self.setPlainText(text)


class UpdateReviewDialog(QDialog):
    """The re-anchored claims of an article, grouped; open it through ``version_updates.VersionUpdates``.

    ``tree`` lists them (``model``), ``old_words`` and ``new_words`` show the selected one's
    checked words and the words there now, ``counts`` sums the groups up. Its buttons ask
    for what the window does: ``sig_confirm_requested``, ``sig_reselect_requested``,
    ``sig_show_requested`` and ``sig_changes_requested``.
    """

    sig_confirm_requested = Signal(str)
    """Confirm the new words under this fuzzy claim."""

    sig_reselect_requested = Signal(str)
    """Let the checker select this claim's words in the article."""

    sig_show_requested = Signal(str)
    """Show this claim in the article."""

    sig_changes_requested = Signal(str)
    """Show what changed between the article's last two versions (its id)."""

    def __init__(self, session, article_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.article_id = article_id
        self.setWindowTitle(self.tr("Review re-anchored claims"))
        self.setModal(False)
        self.setMinimumSize(560, 420)
        screen_fit.fit(self, 940, 640, parent)

        self.heading = QLabel()
        heading_font = self.heading.font()
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.model = ReviewModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Re-anchored claims"))
        self.tree.setAccessibleDescription(self.tr("The article's claims grouped by what the new version did to their words"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 240)

        self.old_label = QLabel(self.tr("Checked words"))
        self.new_label = QLabel(self.tr("Words there now"))
        self.old_words = WordsView(self.tr("Checked words"))
        self.new_words = WordsView(self.tr("Words there now"))
        self.old_label.setBuddy(self.old_words)
        self.new_label.setBuddy(self.new_words)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)

        self.confirm_button = QPushButton(self.tr("&Confirm new words"))
        self.confirm_button.setToolTip(self.tr("Accept the words there now as the claim's quote"))
        self.reselect_button = QPushButton(self.tr("&Re-select in article"))
        self.reselect_button.setToolTip(self.tr(
            "Go to the article to select the claim's words, then anchor the claim to them ({keys})").format(keys=language.keys("Ctrl+R")))
        self.show_button = QPushButton(self.tr("Show in &article"))
        self.show_button.setToolTip(self.tr("Show the claim in the article and the inspector"))
        self.changes_button = QPushButton(self.tr("Show c&hanges…"))
        self.changes_button.setToolTip(self.tr("The previous version and this one side by side, the changed words marked"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        for button in (self.confirm_button, self.reselect_button, self.show_button, self.changes_button):
            button.setAutoDefault(False)

        words = QGridLayout()
        words.addWidget(self.old_label, 0, 0)
        words.addWidget(self.new_label, 0, 1)
        words.addWidget(self.old_words, 1, 0)
        words.addWidget(self.new_words, 1, 1)
        words.setColumnStretch(0, 1)
        words.setColumnStretch(1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.confirm_button)
        actions.addWidget(self.reselect_button)
        actions.addWidget(self.show_button)
        actions.addStretch(1)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(words, 1)
        detail_layout.addWidget(self.note)
        detail_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(detail)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([340, 220])
        bottom = QHBoxLayout()
        bottom.addWidget(self.changes_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.tree.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.tree.activated.connect(self._on_tree_activated)
        self.confirm_button.clicked.connect(lambda: self._emit(self.sig_confirm_requested))
        self.reselect_button.clicked.connect(lambda: self._emit(self.sig_reselect_requested))
        self.show_button.clicked.connect(lambda: self._emit(self.sig_show_requested))
        self.changes_button.clicked.connect(lambda: self.sig_changes_requested.emit(self.article_id))
        session.sig_changed.connect(self._on_session_changed)
        self.reload()
        self.select_first()

    # --- what is shown ----------------------------------------------------------------

    @property
    def review(self) -> reanchoring.Review | None:
        return self.model.review

    def current_item(self) -> reanchoring.Item | None:
        return self.model.item(self.tree.currentIndex())

    def reload(self, keep: str | None = None) -> bool:
        """Read the review again; keep ``keep`` (a claim id) or the current claim selected. False: no article."""
        if keep is None and self.current_item() is not None:
            keep = self.current_item().claim_id
        old_group = self.model.group_of(self.tree.currentIndex())
        old_row = self.tree.currentIndex().row()
        try:
            review = reanchoring.review(self.session.project, self.article_id)
            title = self.session.project.article(self.article_id).title
        except NotFound:
            self.model.set_review(None)
            self._show_item(None)
            return False
        self.model.set_review(review)
        self.tree.expandAll()
        self._show_counts(review, title)
        self.changes_button.setEnabled(review.previous_version_id is not None)
        index = self.model.index_of(keep) if keep else QModelIndex()
        if index.isValid() and self.model.group_of(index) == old_group:
            self.tree.setCurrentIndex(index)
        elif old_group is not None:
            self._select_near(old_group, old_row)
        else:
            self._show_item(None)
        return True

    def _select_near(self, group: str, row: int) -> None:
        """The claim now at ``row`` of ``group`` (the next one after a confirmed claim left it), or the first waiting one."""
        items = self.model.items(group)
        if items and group != ACCEPTED:
            self.tree.setCurrentIndex(self.model.index(min(row, len(items) - 1), 0, self.model.group_index(group)))
        else:
            self.select_first()

    def select_first(self) -> None:
        """Select the first claim that waits for a person (or, when none does, the first one listed)."""
        for group in GROUPS:
            if self.model.items(group):
                self.tree.setCurrentIndex(self.model.index(0, 0, self.model.group_index(group)))
                return
        self.tree.setCurrentIndex(self.model.group_index(FUZZY))
        self._show_item(None)

    def select_claim(self, claim_id: str) -> bool:
        index = self.model.index_of(claim_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        return index.isValid()

    def _show_counts(self, review: reanchoring.Review, title: str) -> None:
        self.heading.setText(self.tr("Version {number} of “{title}”").format(
            number=models.number(review.version_number), title=title or self.tr("Untitled article")))
        if not review.pending:
            waiting = self.tr("Every claim kept its words: nothing to confirm.")
        else:
            waiting = self.tr("To confirm: {fuzzy} · Unanchored: {orphaned}").format(
                fuzzy=models.number(len(review.fuzzy)), orphaned=models.number(len(review.orphaned)))
        kept = self.tr("Kept their words: {kept} ({exact} in place, {moved} moved)").format(
            kept=models.number(len(review.accepted)), exact=models.number(review.exact),
            moved=models.number(review.moved))
        self.counts.setText("\n".join((waiting, kept)))  # two whole sentences, one a line

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_item(self.model.item(current))

    def _show_item(self, item: reanchoring.Item | None) -> None:
        self.confirm_button.setEnabled(item is not None and item.state == anchoring.FUZZY and self._writable())
        self.reselect_button.setEnabled(item is not None and item.state in (anchoring.FUZZY, anchoring.ORPHANED)
                                        and self._writable())
        self.show_button.setEnabled(item is not None)
        if item is None:
            self.old_words.clear()
            self.new_words.clear()
            self.note.setText(self.tr("Choose a claim to see its words before and after."))
            return
        inserted, deleted = marks(self.palette())
        review = self.review
        if item.state == anchoring.ORPHANED:
            self.old_label.setText(self.tr("Checked words (version {number})").format(number=item.version_number))
            self.new_label.setText(self.tr("Version {number}").format(number=review.version_number))
            self.old_words.show_words(item.old_prefix, item.old_words, item.old_suffix, [], deleted)
            self.new_words.show_note(self.tr("These words are not in version {number}.").format(
                number=review.version_number))
            self.note.setText(self.tr("The claim keeps its quote and verdict under Unanchored. If it is still in the "
                                      "article in other words, re-select them."))
            return
        self.old_label.setText(self.tr("Checked words"))
        self.new_label.setText(self.tr("Words there now (version {number})").format(number=item.version_number))
        diff = diffing.word_diff(item.old_words, item.new_words)
        self.old_words.show_words(item.old_prefix, item.old_words, item.old_suffix, diff.deleted, deleted)
        self.new_words.show_words(item.new_prefix, item.new_words, item.new_suffix, diff.inserted, inserted)
        if item.state == anchoring.FUZZY:
            if item.new_words == item.old_words:
                self.note.setText(self.tr("The same words, but the text around them changed: check that they still "
                                          "say what was claimed, then confirm."))
            else:
                self.note.setText(self.tr("The words under the claim changed: confirm them if the claim is still "
                                          "what they say, or re-select the right words."))
        elif item.state == anchoring.MOVED:
            self.note.setText(self.tr("The words are unchanged; they moved to another place in the article."))
        else:
            self.note.setText(self.tr("The words are unchanged and in their place."))

    def _writable(self) -> bool:
        return not self.session.project.read_only

    def _emit(self, signal) -> None:
        item = self.current_item()
        if item is not None:
            signal.emit(item.claim_id)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        """Enter on a claim: show it in the article (a group: open or close it)."""
        item = self.model.item(index)
        if item is not None:
            self.sig_show_requested.emit(item.claim_id)
        else:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    def _on_session_changed(self, changes: model.Changes) -> None:
        What = model.What
        if not self.isVisible() or not changes.what & (What.ANCHORS | What.VERSIONS | What.ARTICLES):
            return  # hidden: read again when shown (``version_updates.VersionUpdates.open_review``)
        if self.article_id not in changes.articles and changes.what != What.EVERYTHING:
            shown = {item.claim_id for group in GROUPS for item in self.model.items(group)}
            if shown.isdisjoint(changes.claims):
                return
        try:
            if not self.reload():
                self.close()
        except KnownError as exc:
            self.note.setText(language.ui(exc))


class PasteVersionDialog(QDialog):
    """The new text of an article, pasted: it becomes the article's newest version. Open it with ``ask``."""

    def __init__(self, parent: QWidget | None = None, article_title: str = "", number: int = 0):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Update from pasted text"))
        screen_fit.fit(self, 640, 520, parent)
        if number:
            intro = self.tr("Paste the article's new text. It becomes version {number} of “{title}”; its claims are "
                            "re-anchored and listed for you to review.").format(number=number, title=article_title)
        else:
            intro = self.tr("Paste the article's new text. It becomes the article's newest version; its claims are "
                            "re-anchored and listed for you to review.")
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("New text"))
        self.text.setPlaceholderText(self.tr("The whole article as it reads now"))
        self.text.setTabChangesFocus(True)
        self.intro.setBuddy(self.text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Update"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._on_text_changed)
        self._on_text_changed()
        install_accept_shortcut(self, self.ok_button)  # Ctrl+Enter from the text box

    def _on_text_changed(self) -> None:
        self.ok_button.setEnabled(bool(self.text.toPlainText().strip()))

    @classmethod
    def ask(cls, parent: QWidget | None, article_title: str, number: int) -> str | None:
        """The pasted text, or None when cancelled."""
        dialog = cls(parent, article_title, number)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text.toPlainText()
