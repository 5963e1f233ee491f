"""The form for one source of the library: what it is, where it is, how far to trust it."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import fields, model
from factcheck.core.errors import InvalidInput
from factcheck.core.text import N_
from factcheck.ui import accessible, language, links, screen_fit

#: How each kind of source is named (English; shown through ``language.ui``).
KIND_LABELS = {
    "document": N_("Document"), "dataset": N_("Dataset"), "interview": N_("Interview"), "article": N_("Article"),
    "official statement": N_("Official statement"), "video": N_("Video"), "audio": N_("Audio"),
    "social media": N_("Social media"), "other": N_("Other"),
}
for _kind in model.SOURCE_KINDS:  # a kind added to core without a label here still shows, untranslated
    KIND_LABELS.setdefault(_kind, _kind[:1].upper() + _kind[1:])
RELIABILITY_LABELS = {
    "": N_("Not rated"), "high": N_("High"), "medium": N_("Medium"), "low": N_("Low"), "unknown": N_("Unknown"),
}
CONFIDENTIAL_EXPLANATION = N_("Confidential sources are never exported with their details.")
NEEDS_A_NAME = N_("Give the source a title or a URL.")
#: The URL field's hint: the same in every language.
URL_PLACEHOLDER = "https://…"

#: Single-line text fields of the form, in the order they appear.
_LINE_FIELDS = ("title", "url", "publisher", "author", "published_at", "accessed_at")


def source_label(source: model.Source) -> str:
    """How a source is named in lists and questions: its title, else its URL."""
    return source.title or source.url or QCoreApplication.translate("SourceDialog", "Untitled source")


def install_accept_shortcut(dialog: QDialog, ok_button: QPushButton) -> None:
    """Ctrl+Enter accepts the dialog (when OK is enabled), even from a multi-line field."""

    def accept() -> None:
        if ok_button.isEnabled():
            ok_button.click()

    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), dialog)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(accept)


def url_problem(text: str) -> str:
    """Why core would refuse ``text`` as a source's URL ('' when it keeps it, or it is empty)."""
    try:
        fields.url(text)
    except InvalidInput as exc:
        return language.ui(fields.url_problem(text) or exc)
    return ""


def _combo(labels: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    for value, label in labels.items():
        combo.addItem(language.ui(label), value)
    return combo


class SourceDialog(QDialog):
    """Create or edit a source. Open it with ``SourceDialog.ask``.

    The widgets are attributes (``title_edit``, ``url_edit``, ``kind_combo``...) so tests
    and callers can fill them. Given the ``session``, it shows the source's evidence files
    (``evidence``, an ``EvidencePanel``): attached and removed at once, each an undo step.
    """

    def __init__(self, parent: QWidget | None = None, source: model.Source | None = None, *, session=None):
        super().__init__(parent)
        self.source = source
        self.setWindowTitle(self.tr("Edit source") if source else self.tr("New source"))

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. Annual report 2023"))
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText(URL_PLACEHOLDER)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open this web address in your browser"))
        self.open_button.setAutoDefault(False)
        self.publisher_edit = QLineEdit()
        self.publisher_edit.setPlaceholderText(self.tr("Organisation, outlet or platform"))
        self.author_edit = QLineEdit()
        self.published_edit = QLineEdit()
        self.published_edit.setPlaceholderText(self.tr("YYYY-MM-DD, or as much as is known"))
        self.accessed_edit = QLineEdit()
        self.accessed_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.kind_combo = _combo(KIND_LABELS)
        self.reliability_combo = _combo(RELIABILITY_LABELS)
        self.confidential_check = QCheckBox(self.tr("Confidential"))
        confidential_note = QLabel(language.ui(CONFIDENTIAL_EXPLANATION))
        confidential_note.setWordWrap(True)
        confidential_note.setEnabled(False)  # drawn as secondary text
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(self.tr("How you got it, who to ask, what to watch for…"))
        self.notes_edit.setMinimumHeight(90)

        url_row = QHBoxLayout()
        url_row.setContentsMargins(0, 0, 0, 0)
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(self.open_button)
        confidential_box = QVBoxLayout()
        confidential_box.setContentsMargins(0, 0, 0, 0)
        confidential_box.setSpacing(2)
        confidential_box.addWidget(self.confidential_check)
        confidential_box.addWidget(confidential_note)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&URL:"), url_row)
        form.addRow(self.tr("&Publisher:"), self.publisher_edit)
        form.addRow(self.tr("&Author:"), self.author_edit)
        form.addRow(self.tr("Published &on:"), self.published_edit)
        form.addRow(self.tr("A&ccessed on:"), self.accessed_edit)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Reliability:"), self.reliability_combo)
        form.addRow("", confidential_box)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        url_label = form.labelForField(url_row)
        if isinstance(url_label, QLabel):
            url_label.setBuddy(self.url_edit)  # addRow sets buddies itself only for single widgets
        accessible.name_form_fields(form)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save") if source else self.tr("Add source"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.hint_label = QLabel(language.ui(NEEDS_A_NAME))
        self.hint_label.setEnabled(False)
        self.hint_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.evidence = None
        if session is not None:
            from factcheck.ui.evidence import EvidencePanel

            self.evidence = EvidencePanel(session, self, source_id=source.id if source else None)
            box = QGroupBox(self.tr("E&vidence"))
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(self.evidence)
            layout.addWidget(box, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint_label, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        QWidget.setTabOrder(self.title_edit, self.url_edit)
        QWidget.setTabOrder(self.url_edit, self.open_button)
        QWidget.setTabOrder(self.open_button, self.publisher_edit)
        install_accept_shortcut(self, self.ok_button)
        # Wide enough for the URL and notes; never below what the layout needs (a minimum
        # width set here would replace the layout's own and let the evidence box overlap).
        hint = self.sizeHint()
        screen_fit.fit(self, max(520, hint.width()), hint.height())  # Save and Cancel on a 768 px laptop's screen

        self._fill(source)
        self.title_edit.textChanged.connect(self._on_title_edit_text_changed)
        self.url_edit.textChanged.connect(self._on_url_edit_text_changed)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self._update_buttons()
        self.title_edit.setFocus()

    # --- reading and writing the form -------------------------------------------------

    def _line_edits(self) -> dict[str, QLineEdit]:
        return dict(zip(_LINE_FIELDS, (self.title_edit, self.url_edit, self.publisher_edit, self.author_edit,
                                       self.published_edit, self.accessed_edit)))

    def _fill(self, source: model.Source | None) -> None:
        if source is None:
            self.accessed_edit.setText(datetime.date.today().isoformat())
            return
        for key, edit in self._line_edits().items():
            edit.setText(getattr(source, key))
            edit.setCursorPosition(0)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(source.kind)))
        self.reliability_combo.setCurrentIndex(max(0, self.reliability_combo.findData(source.reliability)))
        self.confidential_check.setChecked(source.confidential)
        self.notes_edit.setPlainText(source.notes)

    def values(self) -> dict[str, object]:
        """Every field as the form shows it now (text stripped, except notes)."""
        out: dict[str, object] = {key: edit.text().strip() for key, edit in self._line_edits().items()}
        out["kind"] = self.kind_combo.currentData()
        out["reliability"] = self.reliability_combo.currentData()
        out["confidential"] = self.confidential_check.isChecked()
        out["notes"] = self.notes_edit.toPlainText()
        return out

    def fields(self) -> dict[str, object]:
        """What to save: for a new source its non-empty fields, for an edit the changed ones."""
        values = self.values()
        if self.source is None:
            notes = values["notes"]
            values["notes"] = notes if str(notes).strip() else ""
            return {k: v for k, v in values.items() if v}
        return {k: v for k, v in values.items() if getattr(self.source, k) != v}

    @classmethod
    def ask(cls, parent: QWidget | None, source: model.Source | None = None, session=None) -> dict | None:
        """Show the form; returns the fields to save, or None when cancelled.

        ``session``: the open project's (by default the parent's), for the evidence files.
        """
        dialog = cls(parent, source, session=session if session is not None else getattr(parent, "session", None))
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.fields()
        finally:
            dialog.deleteLater()

    # --- reactions --------------------------------------------------------------------

    def _update_buttons(self) -> None:
        """OK only for what core will save: a title or a URL, and a URL core keeps."""
        has_name = bool(self.title_edit.text().strip() or self.url_edit.text().strip())
        problem = url_problem(self.url_edit.text())
        self.ok_button.setEnabled(has_name and not problem)
        self.hint_label.setText(problem or language.ui(NEEDS_A_NAME))
        self.hint_label.setVisible(bool(problem) or not has_name)
        self.open_button.setEnabled(links.is_openable(self.url_edit.text()))

    def _on_title_edit_text_changed(self, _text: str) -> None:
        self._update_buttons()

    def _on_url_edit_text_changed(self, _text: str) -> None:
        self._update_buttons()

    def _on_open_button_clicked(self) -> None:
        links.open_url(self.url_edit.text(), self)
