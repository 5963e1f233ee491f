"""File > Project settings: the organisation, its logo and methodology, verdicts, reports and verification tasks."""

from __future__ import annotations

import pathlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from factcheck import translation
from factcheck.core import history, ratings, settings
from factcheck.core.errors import KnownError
from factcheck.ui import language, theme
from factcheck.ui.dialogs.source_dialog import install_accept_shortcut

LOGO_PREVIEW = (220, 80)
URL_PLACEHOLDER = "https://…"  # not words: the same in every language
_EXAMPLE_ARTICLE, _EXAMPLE_CLAIM = "0193f2c4a1b27c3e9d5a6b7c8d9e0f1a", "0193f2c4a1b27c3e9d5a6b7c8d9e0f2b"


def _red(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    theme.set_text_role(label, "error_text")
    label.hide()
    return label


class TaskTemplateEditor(QWidget):
    """The verification tasks every claim shows: add, rename, remove, reorder, mark required before Submit.

    Each row keeps its task's id, so ticks made on claims follow a renamed or moved task.
    """

    sig_edited = Signal()
    """A task was added, renamed, removed, moved or (un)marked required."""

    LABEL, REQUIRED = 0, 1

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("Verification tasks"))
        self.table.setHorizontalHeaderLabels([self.tr("Task"), self.tr("Required before Submit")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.LABEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.REQUIRED, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(self.tr("&Add"))
        self.rename_button = QPushButton(self.tr("Re&name"))
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_tasks(self, tasks: list[dict]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for task in tasks:
            self._append(task.get("label", ""), bool(task.get("required")), str(task.get("id") or ""))
        self.table.blockSignals(False)
        self._update_buttons()

    def tasks(self) -> list[dict]:
        """The template as shown: ``{"id", "label", "required"}``, a new task's id empty (core gives one)."""
        out = []
        for row in range(self.table.rowCount()):
            label, required = self.table.item(row, self.LABEL), self.table.item(row, self.REQUIRED)
            out.append({"id": label.data(Qt.ItemDataRole.UserRole) or "", "label": label.text().strip(),
                        "required": required.checkState() == Qt.CheckState.Checked})
        return out

    def _append(self, label: str, required: bool, task_id: str = "") -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, task_id)
        item.setToolTip(self.tr("Double-click or press F2 to rename"))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        check.setCheckState(Qt.CheckState.Checked if required else Qt.CheckState.Unchecked)
        check.setToolTip(self.tr("A claim cannot be submitted for review until this task is ticked"))
        self.table.setItem(row, self.LABEL, item)
        self.table.setItem(row, self.REQUIRED, check)
        return row

    def _current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_buttons(self) -> None:
        row = self._current_row()
        for button in (self.rename_button, self.remove_button):
            button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.table.rowCount() - 1)

    def _on_add_button_clicked(self) -> None:
        labels = {t["label"].casefold() for t in self.tasks()}
        label, n = self.tr("New task"), 1
        while label.casefold() in labels:
            n += 1
            label = self.tr("New task {n}").format(n=n)
        self.table.blockSignals(True)
        row = self._append(label, False)
        self.table.blockSignals(False)
        self.table.selectRow(row)
        self.table.setCurrentCell(row, self.LABEL)
        self.table.editItem(self.table.item(row, self.LABEL))
        self.sig_edited.emit()

    def _on_rename_button_clicked(self) -> None:
        row = self._current_row()
        if row >= 0:
            self.table.setCurrentCell(row, self.LABEL)
            self.table.editItem(self.table.item(row, self.LABEL))

    def _on_remove_button_clicked(self) -> None:
        row = self._current_row()
        if row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.selectRow(min(row, self.table.rowCount() - 1))
        self._update_buttons()
        self.sig_edited.emit()

    def _move(self, step: int) -> None:
        row = self._current_row()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        self.table.blockSignals(True)
        for column in (self.LABEL, self.REQUIRED):
            a, b = self.table.takeItem(row, column), self.table.takeItem(target, column)
            self.table.setItem(row, column, b)
            self.table.setItem(target, column, a)
        self.table.blockSignals(False)
        self.table.selectRow(target)
        self._update_buttons()
        self.sig_edited.emit()

    def _on_table_item_changed(self, _item) -> None:
        self.sig_edited.emit()


class ProjectSettingsDialog(QDialog):
    """Every project setting in one form; OK saves what changed as one undo step.

    Core judges each changed value as it is typed (``settings.clean``): its sentence
    shows beside the field (and under the tabs when the field is on another tab), and
    OK stays disabled until every value is one core keeps. Open it with ``ask``.
    """

    def __init__(self, session, parent: QWidget | None = None, article_id: str | None = None):
        super().__init__(parent)
        self.session = session
        self.project = session.project
        self.stored = self.project.settings()
        self.example_article_id = article_id
        self._example: tuple[str, str, str] | None = None
        self._logo: bytes | None = None  # a newly chosen image, stored on OK
        self._logo_name = ""
        self._logo_removed = False
        self.saved = False  # True once OK has saved a change
        self.setWindowTitle(self.tr("Project settings"))
        self.setMinimumWidth(600)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Project settings sections"))
        self.tabs.addTab(self._organisation_tab(), self.tr("&Organisation"))
        self.tabs.addTab(self._verdicts_tab(), self.tr("&Verdicts and reports"))
        self.tabs.addTab(self._tasks_tab(), self.tr("Verification &tasks"))
        self._tab_of = {"organisation_name": 0, "organisation_url": 0, "methodology": 0, "rating_scale": 1,
                        "four_eyes": 1, "credit_checkers": 1, "report_language": 1, "factcheck_url_pattern": 1, "tasks": 2}

        self.problem_label = _red(QLabel())
        self.problem_label.setAccessibleName(self.tr("Problem"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        install_accept_shortcut(self, self.ok_button)

        self._fill()
        for edit in (self.name_edit, self.url_edit, self.pattern_edit):
            edit.textChanged.connect(self._update)
        self.methodology_edit.textChanged.connect(self._update)
        for combo in (self.scale_combo, self.language_combo):
            combo.currentIndexChanged.connect(self._update)
        self.four_eyes_check.toggled.connect(self._update)
        self.credit_check.toggled.connect(self._update)
        self.tasks_editor.sig_edited.connect(self._update)
        self.tabs.currentChanged.connect(self._update)
        self.choose_logo_button.clicked.connect(self._on_choose_logo_button_clicked)
        self.remove_logo_button.clicked.connect(self._on_remove_logo_button_clicked)
        self._update()
        self.name_edit.setFocus()

    # --- building ---------------------------------------------------------------------

    def _organisation_tab(self) -> QWidget:
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Organisation name"))
        self.name_edit.setPlaceholderText(self.tr("Shown on reports and as ClaimReview's author"))
        self.url_edit = QLineEdit()
        self.url_edit.setAccessibleName(self.tr("Organisation URL"))
        self.url_edit.setPlaceholderText(URL_PLACEHOLDER)
        self.url_problem = _red(QLabel())
        self.logo_preview = QLabel()
        self.logo_preview.setAccessibleName(self.tr("Logo preview"))
        self.logo_preview.setFixedSize(*LOGO_PREVIEW)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.choose_logo_button = QPushButton(self.tr("&Choose image…"))
        self.choose_logo_button.setAutoDefault(False)
        self.choose_logo_button.setToolTip(
            self.tr("A PNG, JPEG or SVG image of at most {size} MB").format(size=settings.LOGO_MAX_BYTES // 1024 // 1024))
        self.remove_logo_button = QPushButton(self.tr("&Remove"))
        self.remove_logo_button.setAutoDefault(False)
        self.remove_logo_button.setToolTip(self.tr("Reports are made without a logo"))
        self.logo_note = QLabel()
        self.logo_note.setWordWrap(True)
        self.logo_note.setAccessibleName(self.tr("Logo"))
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addLayout(logo_buttons)
        logo_row.addWidget(self.logo_note, 1)
        self.methodology_edit = QPlainTextEdit()
        self.methodology_edit.setAccessibleName(self.tr("Methodology"))
        self.methodology_edit.setTabChangesFocus(True)
        self.methodology_edit.setPlaceholderText(self.tr("How you choose claims, rate them and correct mistakes; "
                                                         "printed in reports"))
        self.methodology_problem = _red(QLabel())

        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&URL:"), self.url_edit)
        form.addRow("", self.url_problem)
        form.addRow(self.tr("Logo:"), logo_row)
        form.addRow(self.tr("&Methodology:"), self.methodology_edit)
        form.addRow("", self.methodology_problem)
        return page

    def _verdicts_tab(self) -> QWidget:
        self.scale_combo = QComboBox()
        self.scale_combo.setAccessibleName(self.tr("Rating scale"))
        for key, scale in ratings.scales().items():
            self.scale_combo.addItem(scale.name, key)
            self.scale_combo.setItemData(self.scale_combo.count() - 1, scale.description, Qt.ItemDataRole.ToolTipRole)
        self.four_eyes_check = QCheckBox(self.tr("&Four-eyes: a verdict is approved by someone other than its checker"))
        self.four_eyes_check.setAccessibleName(self.tr("Four-eyes"))
        self.credit_check = QCheckBox(self.tr("&Credit checkers in reports (“Checked by …”)"))
        self.credit_check.setAccessibleName(self.tr("Credit checkers in reports"))
        self.credit_check.setToolTip(self.tr(
            "The HTML, PDF and Markdown reports name who checked each claim: who submitted it for review, else who "
            "made it. Turn it off if your checkers are not named in public; the CSV keeps its checked_by column."))
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Report language"))
        self.language_combo.setToolTip(self.tr(
            "Reports (HTML, PDF and Markdown) and ClaimReview's inLanguage are written in this language, "
            "whatever language the app is shown in."))
        for code, name in translation.LANGUAGES.items():  # each language named in itself
            if code in settings.REPORT_LANGUAGES:
                self.language_combo.addItem(name, code)
        self.pattern_edit = QLineEdit()
        self.pattern_edit.setAccessibleName(self.tr("Fact-check URL pattern"))
        self.pattern_edit.setPlaceholderText(self.tr("https://example.org/fact-checks/{article}#claim-{claim}"))
        hint = QLabel(self.tr(
            "Where your fact-checks are published: ClaimReview's url for an article without a "
            "fact-check URL of its own. Placeholders: {article} the article's id, {claim} the claim's id "
            "(ids never change, so a published URL keeps naming the same verdict); without {claim}, "
            "#claim-<id> is added."))
        hint.setWordWrap(True)
        hint.setEnabled(False)  # drawn as secondary text
        self.pattern_example = QLabel()
        self.pattern_example.setWordWrap(True)
        self.pattern_example.setAccessibleName(self.tr("Example fact-check URL"))
        self.pattern_example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Rating &scale:"), self.scale_combo)
        form.addRow("", self.four_eyes_check)
        form.addRow("", self.credit_check)
        form.addRow(self.tr("Report &language:"), self.language_combo)
        pattern_box = QVBoxLayout()
        pattern_box.setContentsMargins(0, 0, 0, 0)
        pattern_box.setSpacing(4)
        pattern_box.addWidget(self.pattern_edit)
        pattern_box.addWidget(self.pattern_example)
        pattern_box.addWidget(hint)
        form.addRow(self.tr("Fact-check &URLs:"), pattern_box)
        label = form.labelForField(pattern_box)
        if isinstance(label, QLabel):
            label.setBuddy(self.pattern_edit)  # addRow sets buddies itself only for single widgets
        return page

    def _tasks_tab(self) -> QWidget:
        intro = QLabel(self.tr("Every claim shows these tasks as a checklist. A required task must be ticked before "
                               "the claim can be submitted for review. Renaming a task keeps the ticks made on claims."))
        intro.setWordWrap(True)
        self.tasks_editor = TaskTemplateEditor()
        self.tasks_problem = _red(QLabel())
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.tasks_editor, 1)
        layout.addWidget(self.tasks_problem)
        return page

    def _fill(self) -> None:
        s = self.stored
        self.name_edit.setText(str(s["organisation_name"]))
        self.url_edit.setText(str(s["organisation_url"]))
        self.methodology_edit.setPlainText(str(s["methodology"]))
        self.scale_combo.setCurrentIndex(max(0, self.scale_combo.findData(s["rating_scale"])))
        self.four_eyes_check.setChecked(bool(s["four_eyes"]))
        self.credit_check.setChecked(s.get("credit_checkers") is not False)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(s["report_language"])))
        self.pattern_edit.setText(str(s["factcheck_url_pattern"]))
        self.tasks_editor.set_tasks(list(s["tasks"] or []))
        logo = self.project.logo()
        if logo is not None:
            self._show_logo(logo[0], logo[1])
        else:
            self._show_logo(None)

    # --- reading the form -------------------------------------------------------------

    def values(self) -> dict[str, object]:
        """Every setting as the form shows it now (the logo aside)."""
        return {
            "organisation_name": self.name_edit.text().strip(),
            "organisation_url": self.url_edit.text().strip(),
            "methodology": self.methodology_edit.toPlainText(),
            "rating_scale": self.scale_combo.currentData(),
            "four_eyes": self.four_eyes_check.isChecked(),
            "credit_checkers": self.credit_check.isChecked(),
            "report_language": self.language_combo.currentData(),
            "factcheck_url_pattern": self.pattern_edit.text().strip(),
            "tasks": self.tasks_editor.tasks(),
        }

    def changed(self) -> dict[str, object]:
        """The settings to save: those the form shows differently, and a removed logo."""
        out = {k: v for k, v in self.values().items() if v != self.stored.get(k)}
        if self._logo_removed and self.stored["organisation_logo"]:
            out["organisation_logo"] = ""
        return out

    def problems(self) -> dict[str, str]:
        """Core's sentence for each changed setting it would refuse."""
        out = {}
        for key, value in self.changed().items():
            try:
                settings.clean(key, value)
            except KnownError as exc:
                out[key] = language.ui(exc)
        return out

    # --- reactions --------------------------------------------------------------------

    def _update(self) -> None:
        problems = self.problems()
        inline = {"organisation_url": self.url_problem, "methodology": self.methodology_problem,
                  "tasks": self.tasks_problem}
        for key, label in inline.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        self._update_example(problems.get("factcheck_url_pattern", ""))
        here = self.tabs.currentIndex()
        beside_field = {*inline, "factcheck_url_pattern"}
        elsewhere = [(key, text) for key, text in problems.items()
                     if key not in beside_field or self._tab_of.get(key) != here]
        if self.project.read_only:
            elsewhere = [("", self.tr("The project is read-only: its settings cannot be changed."))]
        if elsewhere:
            key, text = elsewhere[0]
            tab = self._tab_of.get(key)
            if tab is not None and tab != here:
                text = self.tr("{tab}: {problem}").format(tab=self.tabs.tabText(tab).replace("&", ""), problem=text)
            self.problem_label.setText(text)
        self.problem_label.setVisible(bool(elsewhere))
        self.ok_button.setEnabled(not problems and not self.project.read_only)
        self.remove_logo_button.setEnabled(self._logo is not None or
                                           (bool(self.stored["organisation_logo"]) and not self._logo_removed))

    def _update_example(self, problem: str) -> None:
        pattern = self.pattern_edit.text().strip()
        label = self.pattern_example
        if problem:
            theme.set_text_role(label, "error_text")
            label.setText(problem)
            return
        theme.set_text_role(label, "")
        if not pattern:
            label.setText(self.tr("No pattern: each article needs its own fact-check URL (Article > Properties), "
                                  "or ClaimReview exports have no url."))
            return
        article_id, claim_id, whose = self._example_ids()
        url = settings.fill_url_pattern(pattern, article_id, claim_id)
        label.setText(whose.format(url=url))

    def _example_ids(self) -> tuple[str, str, str]:
        """Ids for the live example: the current article and its first claim (read once per dialog)."""
        if self._example is None:
            self._example = self._read_example_ids()
        return self._example

    def _read_example_ids(self) -> tuple[str, str, str]:
        """The article's id, a claim's id and the sentence that shows the URL (its ``{url}`` to fill)."""
        if self.example_article_id:
            try:
                article = self.project.article(self.example_article_id)
                claims = self.project.claims(self.example_article_id)
            except KnownError:
                pass
            else:
                if claims:
                    return article.id, claims[0].id, self.tr("Claim 1 of the article shown: {url}")
                return article.id, _EXAMPLE_CLAIM, self.tr("A claim of the article shown: {url}")
        return _EXAMPLE_ARTICLE, _EXAMPLE_CLAIM, self.tr("For example: {url}")

    def _show_logo(self, data: bytes | None, mime: str = "") -> bool:
        """Preview an image (None: no logo); False if Qt cannot draw it."""
        if data is None:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo"))
            self.logo_note.setText(self.tr("A PNG, JPEG or SVG image of at most {size} MB.").format(
                size=settings.LOGO_MAX_BYTES // 1024 // 1024))
            theme.set_text_role(self.logo_note, "")
            return True
        pixmap = QPixmap()
        if not pixmap.loadFromData(data) or pixmap.isNull():
            return False
        width, height = LOGO_PREVIEW
        self.logo_preview.setPixmap(pixmap.scaled(width - 8, height - 8, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))
        kind = settings.LOGO_TYPES.get(mime, "")
        self.logo_note.setText(self.tr("{kind} image, {width} × {height} pixels, {size} KB.").format(
            kind=kind, width=pixmap.width(), height=pixmap.height(), size=max(1, round(len(data) / 1024))))
        theme.set_text_role(self.logo_note, "")
        return True

    def ask_logo_path(self) -> str:
        """The image file chosen as logo ('' when cancelled); tests replace it."""
        return QFileDialog.getOpenFileName(self, self.tr("Choose the organisation's logo"), "",
                                           self.tr("Images (*.png *.jpg *.jpeg *.svg);;All files (*)"))[0]

    def choose_logo(self, path: str) -> bool:
        """Check and preview an image file as the new logo (stored on OK); a refusal is shown beside it."""
        name = pathlib.Path(path).name
        try:
            data = settings.read_logo(path)
            mime = settings.logo_type(data)
        except KnownError as exc:
            self._logo_refused(language.ui(exc))
            return False
        if not self._show_logo(data, mime):
            self._logo_refused(self.tr("{name} looks like an image but cannot be read as one; save it again as PNG.")
                               .format(name=name))
            return False
        self._logo, self._logo_name, self._logo_removed = data, name, False
        self._update()
        return True

    def _logo_refused(self, sentence: str) -> None:
        self.logo_note.setText(sentence)
        theme.set_text_role(self.logo_note, "error_text")

    def _on_choose_logo_button_clicked(self) -> None:
        path = self.ask_logo_path()
        if path:
            self.choose_logo(path)

    def _on_remove_logo_button_clicked(self) -> None:
        self._logo, self._logo_name, self._logo_removed = None, "", True
        self._show_logo(None)
        self._update()

    # --- saving -----------------------------------------------------------------------

    def accept(self) -> None:
        """Save every changed setting and the chosen logo as one step; a refusal keeps the dialog open."""
        values = self.changed()
        if values or self._logo is not None:
            command = history.SetSettings(values, logo=self._logo, logo_name=self._logo_name)
            try:
                self.saved = self.session.do(command, initiator=self).event_seq is not None
            except KnownError as exc:
                self.problem_label.setText(language.ui(exc))
                self.problem_label.show()
                return
        super().accept()

    @classmethod
    def ask(cls, session, parent: QWidget | None = None, article_id: str | None = None) -> bool:
        """Show the project's settings; True when something was saved."""
        dialog = cls(session, parent, article_id)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved
        finally:
            dialog.deleteLater()
