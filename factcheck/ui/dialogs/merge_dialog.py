"""File > Merge project: what another copy of the project would bring in, and a choice for each conflict.

The plan comes from ``core.merge.plan``, read before anything is written; this dialog shows
it and collects one resolution per conflict: keep this copy's value, take the other copy's,
or type one. Whoever opened it applies them (``history.Merge``); given ``apply``, the
dialog does so itself when Merge is pressed and stays open when core refuses a typed value.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import merge, model, settings
from factcheck.core.errors import KnownError
from factcheck.ui import accessible, alerts, language, theme
from factcheck.ui.dialogs.import_dialog import StartShownLineEdit

#: Characters of a value shown in a cell (the whole value is in its tooltip), and of the words that name a claim.
VALUE_LIMIT, NAME_LIMIT = 160, 70
#: Units whose value is not typed in: pick one copy's (core refuses a typed one).
UNTYPED = {"deleted", "anchor", "status", "resolved", "done"}
TYPED_TABLES = {"claims", "sources", "citations", "articles", "settings"}


def shortened(text: str, limit: int) -> str:
    """``text`` on one line, cut at ``limit`` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def unbroken(name: str) -> str:
    """A file name that a wrapping label never breaks inside (a line break fell after the hyphen of
    "demo-copy.factcheck"): its hyphens and spaces become their non-breaking forms; long ones are shortened."""
    return shortened(name, NAME_LIMIT // 2).replace("-", "\u2011").replace(" ", "\u00a0")


def quoted(text: str) -> str:
    return QCoreApplication.translate("MergeDialog", "“{text}”").format(text=text)


def value_text(conflict: merge.Conflict, value: object, scale=None) -> str:
    """A unit's value as a person reads it: yes/no, ratings by label, lists joined, "(empty)"."""
    unit = conflict.field
    if unit == "deleted":
        if value:
            return QCoreApplication.translate("MergeDialog", "deleted")
        return QCoreApplication.translate("MergeDialog", "kept")
    if unit == "rating" and value in (None, ""):
        return QCoreApplication.translate("MergeDialog", "Not rated")
    if value is None or value is merge.UNKNOWN or value == "" or value == []:
        return QCoreApplication.translate("MergeDialog", "(empty)")
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("MergeDialog", "yes")
        return QCoreApplication.translate("MergeDialog", "no")
    if unit == "rating" and scale is not None:
        rating = scale.get(value)
        return rating.label if rating else str(value)
    if unit == "status" and value in model.STATUS_LABELS:
        return language.ui(model.STATUS_LABELS[value])
    if unit == "anchor" and isinstance(value, list) and len(value) == 4:
        return quoted(str(value[3]))
    if isinstance(value, list):
        return ", ".join(str(v.get("label", v)) if isinstance(v, dict) else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def typed_text(conflict: merge.Conflict, value: object) -> str:
    """A value as it is typed back in (tags comma-separated, nothing for empty)."""
    if value is None or value is merge.UNKNOWN:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def can_type(conflict: merge.Conflict) -> bool:
    """Whether a value can be typed for this conflict (core refuses one for the others)."""
    if conflict.field in UNTYPED or conflict.table not in TYPED_TABLES:
        return False
    values = (conflict.ours, conflict.theirs)
    if conflict.field == "tags":
        return True
    return not any(isinstance(v, (bool, dict, list)) for v in values)


class ConflictChoice:
    """The choice of one conflict's row: Keep here / Take there / Edit, and the value typed (or rating picked)."""

    def __init__(self, conflict: merge.Conflict, scale=None):
        self.conflict = conflict
        self.group = QButtonGroup()
        self.group.setExclusive(True)
        self.ours_button = QRadioButton(QCoreApplication.translate("MergeDialog", "Keep here"))
        self.theirs_button = QRadioButton(QCoreApplication.translate("MergeDialog", "Take there"))
        self.group.addButton(self.ours_button)
        self.group.addButton(self.theirs_button)
        self.edit_button: QRadioButton | None = None
        self.editor: QLineEdit | QComboBox | None = None
        self.editor_label: QLabel | None = None
        if can_type(conflict):
            self.edit_button = QRadioButton(QCoreApplication.translate("MergeDialog", "Edit:"))
            self.group.addButton(self.edit_button)
            if conflict.field == "rating" and scale is not None:
                combo = QComboBox()
                combo.setObjectName("rating")  # its items are the project's scale: data, not interface text
                combo.addItem(QCoreApplication.translate("MergeDialog", "Not rated"), None)
                for rating in scale.ratings:
                    combo.addItem(rating.label, rating.key)
                current = combo.findData(conflict.ours)
                combo.setCurrentIndex(max(current, 0))
                combo.activated.connect(lambda _index: self.edit_button.setChecked(True))
                self.editor = combo
            else:
                edit = StartShownLineEdit(typed_text(conflict, conflict.ours))
                edit.setCursorPosition(0)  # the start of a long value, not its end
                edit.setPlaceholderText(QCoreApplication.translate("MergeDialog", "Type a value"))
                edit.textEdited.connect(lambda _text: self.edit_button.setChecked(True))
                self.editor = edit
            self.edit_button.clicked.connect(self._on_edit_button_clicked)

    def _on_edit_button_clicked(self) -> None:
        """Edit chosen by hand: on to the value, to type it."""
        if self.editor is not None:
            if isinstance(self.editor, QLineEdit):
                self.editor.selectAll()
            self.editor.setFocus()

    def buttons(self) -> list[QAbstractButton]:
        return [b for b in (self.ours_button, self.theirs_button, self.edit_button) if b is not None]

    def chosen(self) -> object:
        """OURS, THEIRS, ``merge.Edited(value)``, or None while nothing is chosen."""
        if self.ours_button.isChecked():
            return merge.OURS
        if self.theirs_button.isChecked():
            return merge.THEIRS
        if self.edit_button is not None and self.edit_button.isChecked():
            if isinstance(self.editor, QComboBox):
                return merge.Edited(self.editor.currentData())
            return merge.Edited(self.editor.text())
        return None


class MergeDialog(QDialog):
    """What merging another copy would bring in, and a choice for each conflict. Open it with ``MergeDialog.ask``.

    ``choices`` holds one ``ConflictChoice`` per conflict, in the plan's order; ``merge_button``
    merges (disabled, saying how many are left, until each conflict has a choice).
    ``project``: this copy, to name claims by their words and ratings by their labels (without
    it, the other copy's rows name them). ``apply``: called with the resolutions when Merge is
    pressed; a ``KnownError`` it raises is shown and the dialog stays open. ``shared``: this copy
    is the local copy of ``plan.other``, a shared file it is merged back to (the words say so).
    """

    def __init__(self, plan: merge.MergePlan, parent: QWidget | None = None, *, project=None,
                 apply: Callable[[dict], object] | None = None, shared: bool = False):
        super().__init__(parent)
        self.plan, self.project, self._apply, self.shared = plan, project, apply, shared
        self._versions: dict[str, tuple[int, str] | None] = {}  # version id -> (number, imported by), for anchors
        self.setWindowTitle(self.tr("Merge back to {name}").format(name=plan.other.name) if shared
                            else self.tr("Merge {name}").format(name=plan.other.name))
        scale = project.scale if project is not None else None
        self.choices = [ConflictChoice(c, scale) for c in plan.conflicts]
        for choice in self.choices:
            choice.group.setParent(self)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        layout.addWidget(self.summary_label)
        self.buttons = QDialogButtonBox()
        self.merge_button: QPushButton | None = None
        self.keep_all_button = self.take_all_button = None
        if plan.nothing:
            self.summary_label.setText(language.ui(plan.summary()))
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            self.buttons.rejected.connect(self.reject)
            layout.addStretch(1)
            layout.addWidget(self.buttons)
            self.setMinimumWidth(420)
            self.resize(self.sizeHint().expandedTo(QSize(480, 0)))
            return
        self.setMinimumSize(560, 360)
        n = len(plan.incoming)
        if shared:
            summary = (self.tr("1 change would come in from the shared file {name}.") if n == 1
                       else self.tr("%n changes would come in from the shared file {name}.", "", n))
        else:
            summary = (self.tr("1 change would come in from {name}.") if n == 1
                       else self.tr("%n changes would come in from {name}.", "", n))
        self.summary_label.setText(summary.format(name=plan.other.name))
        self.kinds_label = QLabel(self.kinds_text())
        self.kinds_label.setWordWrap(True)
        layout.addWidget(self.kinds_label)
        if plan.fast_forward:
            sides = self.tr("Only the other copy changed since they parted: its changes are added as they are.")
        elif shared:  # the local copy's own changes are what a merge back sends
            sides = (self.tr("Your local copy holds 1 change the shared file does not have; it goes to the shared "
                             "file.") if plan.ours_only == 1
                     else self.tr("Your local copy holds %n changes the shared file does not have; they go to the "
                                  "shared file.", "", plan.ours_only))
        else:
            sides = (self.tr("This copy holds 1 change the other copy does not have; it stays.")
                     if plan.ours_only == 1
                     else self.tr("This copy holds %n changes the other copy does not have; they stay.", "",
                                  plan.ours_only))
        self.sides_label = QLabel(sides)
        self.sides_label.setWordWrap(True)
        layout.addWidget(self.sides_label)
        layout.addSpacing(6)
        n = len(plan.conflicts)
        if n:
            intro = (self.tr("1 conflict: changed differently in both copies. Keep the value here, take the one "
                             "there, or type another.") if n == 1 else
                     self.tr("%n conflicts: changed differently in both copies. For each, keep the value here, take "
                             "the one there, or type another.", "", n))
        else:
            intro = self.tr("No conflicts: nothing was changed differently in both copies.")
        self.conflicts_label = QLabel(intro)
        self.conflicts_label.setWordWrap(True)
        layout.addWidget(self.conflicts_label)
        if n:
            self.keep_all_button = QPushButton(self.tr("Keep all &here"))
            self.take_all_button = QPushButton(self.tr("Take all &there"))
            for button in (self.keep_all_button, self.take_all_button):
                button.setAutoDefault(False)
            self.keep_all_button.clicked.connect(self._on_keep_all_button_clicked)
            self.take_all_button.clicked.connect(self._on_take_all_button_clicked)
            bulk = QHBoxLayout()
            bulk.addWidget(self.keep_all_button)
            bulk.addWidget(self.take_all_button)
            bulk.addStretch(1)
            layout.addLayout(bulk)
            layout.addWidget(self._conflict_table(), 1)
        else:
            layout.addStretch(1)
        self.note_label = QLabel(self.tr("Nothing is written to either file until you press Merge."))
        self.note_label.setWordWrap(True)
        theme.set_text_role(self.note_label, "muted_text")
        layout.addWidget(self.note_label)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setDefault(True)
        # Enter must never cancel a merge the user was choosing for: only Merge answers it.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for choice in self.choices:
            choice.group.buttonToggled.connect(self._on_choice_toggled)
        self._update_merge_button()
        self._fit(parent)

    # --- building -----------------------------------------------------------------------

    def kinds_text(self) -> str:
        """What comes in, by kind, in words: "3 changes to claims, 1 change to sources and 2 comments"."""
        # One template for one and one for more, as English needs them; %n is filled by Qt.
        phrases = {
            "article": lambda k: (self.tr("1 change to articles") if k == 1
                                  else self.tr("%n changes to articles", "", k)),
            "claim": lambda k: self.tr("1 change to claims") if k == 1 else self.tr("%n changes to claims", "", k),
            "citation": lambda k: (self.tr("1 change to citations") if k == 1
                                   else self.tr("%n changes to citations", "", k)),
            "source": lambda k: self.tr("1 change to sources") if k == 1 else self.tr("%n changes to sources", "", k),
            "comment": lambda k: (self.tr("1 change to comments") if k == 1
                                  else self.tr("%n changes to comments", "", k)),
            "task": lambda k: (self.tr("1 change to verification tasks") if k == 1
                               else self.tr("%n changes to verification tasks", "", k)),
            "settings": lambda k: (self.tr("1 change to project settings") if k == 1
                                   else self.tr("%n changes to project settings", "", k)),
            "project": lambda k: self.tr("1 earlier merge") if k == 1 else self.tr("%n earlier merges", "", k),
        }
        parts = []
        for kind in phrases:
            if self.plan.counts.get(kind):
                parts.append(phrases[kind](self.plan.counts[kind]))
        other = sum(k for kind, k in self.plan.counts.items() if kind not in phrases)
        if other:
            parts.append(self.tr("1 other change") if other == 1 else self.tr("%n other changes", "", other))
        return QLocale().createSeparatedList(parts) if parts else ""

    def _conflict_table(self) -> QScrollArea:
        """The conflicts side by side, one row each: what, before, here, there, typed."""
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        if self.shared:
            here, there = self.tr("Here (your local copy)"), self.tr("There (the shared file)")
        else:
            here, there = self.tr("Here (this copy)"), self.tr("There ({name})").format(name=unbroken(self.plan.other.name))
        headers = [self.tr("What"), self.tr("Before"), here, there, self.tr("Or type a value")]
        for column, text in enumerate(headers):
            label = QLabel(text)
            label.setWordWrap(True)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(label, 0, column)
        self.rows: list[dict[str, QLabel]] = []
        row = 1
        for choice in self.choices:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            grid.addWidget(line, row, 0, 1, len(headers))
            row += 1
            self._add_conflict_row(grid, row, choice)
            row += 1
        grid.setRowStretch(row, 1)
        for column, stretch in enumerate((3, 2, 3, 3, 3)):
            grid.setColumnStretch(column, stretch)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the choices inside, not the frame
        self.scroll = scroll
        return scroll

    def _add_conflict_row(self, grid: QGridLayout, row: int, choice: ConflictChoice) -> None:
        conflict = choice.conflict
        what, named = self.describe(conflict)
        sentence = language.ui(conflict.sentence)
        markup = f"<b>{html.escape(what)}</b>" + (f"<br>{html.escape(named)}" if named else "")  # tags, no words
        what_label = QLabel(markup)
        what_label.setTextFormat(Qt.TextFormat.RichText)
        what_label.setWordWrap(True)
        what_label.setToolTip(sentence)
        scale = self.project.scale if self.project is not None else None
        cells = {"what": what_label}
        for name, value in (("base", conflict.base), ("ours", conflict.ours), ("theirs", conflict.theirs)):
            if conflict.field == "anchor" and isinstance(value, list) and len(value) == 4:
                full = self.anchor_text(value)
            else:
                full = value_text(conflict, value, scale)
            label = QLabel(shortened(full, VALUE_LIMIT))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setToolTip(full if len(full) > VALUE_LIMIT else sentence)
            if name == "base":
                theme.set_text_role(label, "muted_text")
            cells[name] = label
        self.rows.append(cells)
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(what_label, row, 0, top)
        grid.addWidget(cells["base"], row, 1, top)
        for column, (label, button) in enumerate(((cells["ours"], choice.ours_button),
                                                  (cells["theirs"], choice.theirs_button)), start=2):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(label)
            box.addWidget(button)
            box.addStretch(1)
            grid.addLayout(box, row, column)
        # What a screen reader says on each choice: which conflict it settles and the value it keeps.
        choice.ours_button.setAccessibleDescription(self.tr("{what}: keep {value}").format(
            what=what, value=cells["ours"].text()))
        choice.theirs_button.setAccessibleDescription(self.tr("{what}: take {value}").format(
            what=what, value=cells["theirs"].text()))
        box = QVBoxLayout()
        box.setSpacing(2)
        if choice.edit_button is not None:
            box.addWidget(choice.edit_button)
            name = self.tr("Typed value for {what}").format(what=what)
            if isinstance(choice.editor, QComboBox):
                choice.editor_label = accessible.hidden_label(choice.editor, name)
                box.addWidget(choice.editor_label)
            else:
                choice.editor.setAccessibleName(name)
            box.addWidget(choice.editor)
        else:
            untyped = QLabel(self.tr("(pick one copy's)"))
            untyped.setToolTip(self.tr("This cannot be typed in: keep the value here or take the one there."))
            theme.set_text_role(untyped, "muted_text")
            box.addWidget(untyped)
        box.addStretch(1)
        grid.addLayout(box, row, 4)

    def describe(self, conflict: merge.Conflict) -> tuple[str, str]:
        """(what it is: "Claim: rating", the words that identify it: the claim's quote, a source's title...)."""
        if conflict.table == "settings":
            field = language.ui(settings.NAMES.get(conflict.id, conflict.id.replace("_", " ")))
        else:
            field = language.ui(merge.UNIT_NAMES.get(conflict.field, conflict.field.replace("_", " ")))
        kinds = {
            "claims": self.tr("Claim: {field}"), "sources": self.tr("Source: {field}"),
            "articles": self.tr("Article: {field}"), "citations": self.tr("Citation: {field}"),
            "comments": self.tr("Comment: {field}"), "claim_tasks": self.tr("Verification task: {field}"),
            "settings": self.tr("Project setting: {field}"),
        }
        what = kinds.get(conflict.table, "{field}").format(field=field)
        return what, self._name_of(conflict.table, conflict.id)

    def anchor_text(self, anchor: list) -> str:
        """Quoted words and the version they stand in: both copies may quote the same words in different versions."""
        words = quoted(str(anchor[3]))
        version_id = str(anchor[0])
        if version_id not in self._versions:  # read once: a version row holds the article's whole text
            row = self._row("versions", version_id)
            self._versions[version_id] = (row["number"], row["imported_by"]) if row else None
        if self._versions[version_id] is None:
            return words
        number, who = self._versions[version_id]
        return self.tr("{words} in version {number} (imported by {who})").format(
            words=words, number=QLocale().toString(int(number)), who=who)

    def _row(self, table: str, row_id: str) -> dict | None:
        """A row as this copy holds it (the other copy's when this one has none or no project was given)."""
        found = None
        if self.project is not None:
            try:
                found = merge.read_row(self.project.store, table, row_id)
            except KnownError:
                found = None
        if found is None:
            found = next((r for r in self.plan.new_rows.get(table, ()) if r.get("id") == row_id), None)
        return found or self.plan.their_rows.get(table, {}).get(row_id)

    def _name_of(self, table: str, row_id: str) -> str:
        """The words a person recognises a row by ('' when there are none)."""
        if table == "claim_tasks":
            table, row_id = "claims", row_id.split(" ", 1)[0]
        row = self._row(table, row_id) if table in ("claims", "sources", "articles", "citations", "comments") else None
        if row is None:
            return ""
        if table == "claims":
            words = row.get("exact") or row.get("statement") or ""
            return quoted(shortened(words, NAME_LIMIT)) if words else ""
        if table == "sources":
            return shortened(row.get("title") or row.get("url") or "", NAME_LIMIT)
        if table == "articles":
            return shortened(row.get("title") or "", NAME_LIMIT)
        if table == "citations":
            source = self._row("sources", row.get("source_id") or "")
            claim = self._name_of("claims", row.get("claim_id") or "")
            title = shortened(source.get("title") or "", NAME_LIMIT // 2) if source else ""
            return self.tr("{source}, cited for {claim}").format(source=title, claim=claim) if title and claim \
                else title or claim
        if table == "comments":
            return quoted(shortened(row.get("body") or "", NAME_LIMIT))
        return ""

    def _fit(self, parent: QWidget | None) -> None:
        """A first size that shows the table, within the screen the dialog opens on."""
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else QSize(1024, 640)
        width = min(980, room.width() - 40)
        rows_height = sum(72 for _ in self.choices)
        height = min(max(420, 260 + rows_height), room.height() - 60)
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))

    # --- choosing -----------------------------------------------------------------------

    def left(self) -> int:
        """Conflicts still without a choice."""
        return sum(1 for c in self.choices if c.chosen() is None)

    def resolutions(self) -> dict:
        """Conflict key -> ``merge.OURS``, ``merge.THEIRS`` or ``merge.Edited(value)``, for each conflict chosen."""
        out = {}
        for choice in self.choices:
            chosen = choice.chosen()
            if chosen is not None:
                out[choice.conflict.key] = chosen
        return out

    def choose_all(self, side: str) -> None:
        """Keep every value here (``merge.OURS``) or take every one there (``merge.THEIRS``)."""
        for choice in self.choices:
            (choice.ours_button if side == merge.OURS else choice.theirs_button).setChecked(True)

    def _update_merge_button(self) -> None:
        if self.merge_button is None:
            return
        left = self.left()
        self.merge_button.setEnabled(left == 0)
        self.merge_button.setDefault(left == 0)  # Enter merges once every conflict has its choice
        if left:
            self.merge_button.setText(self.tr("&Merge (1 conflict left)") if left == 1 else
                                      self.tr("&Merge (%n conflicts left)", "", left))
        else:
            self.merge_button.setText(self.tr("&Merge"))

    def _on_choice_toggled(self, _button, _checked: bool) -> None:
        self._update_merge_button()
        self._mark_chosen()

    def _mark_chosen(self) -> None:
        """The value each row keeps, in bold: the eye finds what the merge will write."""
        for choice, cells in zip(self.choices, self.rows):
            chosen = choice.chosen()
            for side, label in ((merge.OURS, cells["ours"]), (merge.THEIRS, cells["theirs"])):
                font = label.font()
                if font.bold() != (chosen == side):
                    font.setBold(chosen == side)
                    label.setFont(font)

    def _on_keep_all_button_clicked(self) -> None:
        self.choose_all(merge.OURS)

    def _on_take_all_button_clicked(self) -> None:
        self.choose_all(merge.THEIRS)

    def accept(self) -> None:
        """Merge: every conflict needs a choice; with ``apply``, a refusal is shown and the dialog stays open."""
        if self.plan.nothing or self.left():
            return
        if self._apply is not None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._apply(self.resolutions())
            except KnownError as exc:
                QApplication.restoreOverrideCursor()
                alerts.show_error(self, exc, self.tr("Not merged"))
                return
            except BaseException:
                QApplication.restoreOverrideCursor()  # a bug is reported by the app; the cursor must not stay busy
                raise
            QApplication.restoreOverrideCursor()
        super().accept()

    @classmethod
    def ask(cls, plan: merge.MergePlan, parent: QWidget | None = None, *, project=None,
            apply: Callable[[dict], object] | None = None, shared: bool = False) -> dict | None:
        """Show the plan; the resolutions chosen (after ``apply`` ran, if given), or None when closed or cancelled."""
        dialog = cls(plan, parent, project=project, apply=apply, shared=shared)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.resolutions()
        finally:
            dialog.deleteLater()
