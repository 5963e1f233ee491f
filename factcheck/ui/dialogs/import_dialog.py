"""Dialogs for bringing articles in: the article metadata form, pasted text, an imported file, the user's name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck import translation
from factcheck.core import articles
from factcheck.core.errors import InvalidInput
from factcheck.core.text import N_
from factcheck.ui import language, theme

#: The metadata an import offers to set, in the order the form shows it.
IMPORT_FIELDS = ("title", "outlet", "author", "url", "published_at")
#: Every field of an article the properties dialog edits.
ALL_FIELDS = (*IMPORT_FIELDS, "language", "factcheck_url")
#: Captions, accessible names and hints of the fields (English; shown through ``language.ui``).
_LABELS = {
    "title": N_("&Title:"), "outlet": N_("&Outlet:"), "author": N_("&Author:"), "url": N_("&URL:"),
    "published_at": N_("&Published on:"), "language": N_("&Language:"), "factcheck_url": N_("&Fact-check URL:"),
}
_ACCESSIBLE = {
    "title": N_("Title"), "outlet": N_("Outlet"), "author": N_("Author"), "url": N_("Article URL"),
    "published_at": N_("Published on"), "language": N_("Language"), "factcheck_url": N_("Published fact-check URL"),
}
_PLACEHOLDERS = {
    "outlet": N_("Newspaper, site or broadcaster"),
    "url": N_("https://…  (kept as text, never opened)"),
    "published_at": N_("YYYY-MM-DD"),
    "language": N_("e.g. en, es"),
    "factcheck_url": N_("https://…  where your fact-check of this article is published"),
}


class StartShownLineEdit(QLineEdit):
    """A line edit that, focused with its text selected, shows the start of a long value, not its end."""

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        text = self.text()
        if text and self.selectedText() == text:
            self.setSelection(len(text), -len(text))


def problem(values: dict[str, str]) -> str:
    """Why core would refuse these article fields ('' when it keeps them)."""
    try:
        articles.clean(values)
    except InvalidInput as exc:
        return language.ui(exc)
    return ""


class ArticleMetadataForm(QWidget):
    """Title, outlet, author, URL and date of an article (and, for its properties, language and fact-check URL).

    The widgets are in ``edits`` by field name, so dialogs and tests can fill them.
    """

    sig_edited = Signal()
    """A field's text changed."""

    def __init__(self, field_names=IMPORT_FIELDS, parent: QWidget | None = None):
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in field_names:
            edit = StartShownLineEdit()
            edit.setAccessibleName(language.ui(_ACCESSIBLE[name]))
            edit.setPlaceholderText(language.ui(_PLACEHOLDERS.get(name, "")))
            edit.textChanged.connect(self.sig_edited)
            self.edits[name] = edit
            form.addRow(language.ui(_LABELS[name]), edit)

    def set_values(self, values: dict[str, str]) -> None:
        for name, edit in self.edits.items():
            if name in values:
                edit.setText(str(values[name] or ""))
                edit.setCursorPosition(0)

    def values(self) -> dict[str, str]:
        """Every field as shown, stripped."""
        return {name: edit.text().strip() for name, edit in self.edits.items()}

    def problem(self) -> str:
        return problem(self.values())


def _problem_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    theme.set_text_role(label, "error_text")
    label.setAccessibleName(QCoreApplication.translate("ArticleMetadataForm", "Problem"))
    label.hide()
    return label


class PasteDialog(QDialog):
    """Paste an article's text and say where it came from (``values``: what was pasted before, to go on from)."""

    def __init__(self, parent: QWidget | None = None, values: dict[str, str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste article"))
        self.resize(640, 560)
        self.form = ArticleMetadataForm()
        edits = self.form.edits
        self.title, self.outlet, self.author, self.url, self.date = (
            edits["title"], edits["outlet"], edits["author"], edits["url"], edits["published_at"])
        self.title.setPlaceholderText(self.tr("Default: the first line of the text"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Article text"))
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("Paste the article's text here"))
        self.problem_label = _problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        text_label = QLabel(self.tr("Te&xt"))
        text_label.setBuddy(self.text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(text_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        if values:
            self.form.set_values(values)
            self.text.setPlainText(values.get("text", ""))
        self.text.textChanged.connect(self._update_ok)
        self.form.sig_edited.connect(self._update_ok)
        self._update_ok()
        self.text.setFocus()  # the person came to paste: Ctrl+V puts the article where it belongs, not in Title

    def reject(self) -> None:
        """Cancel, Esc or closing: a pasted text is only thrown away once the person says so."""
        if self.text.toPlainText().strip() and not confirm_discard(self):
            return
        super().reject()

    def _update_ok(self) -> None:
        problem_text = self.form.problem()
        self.problem_label.setText(problem_text)
        self.problem_label.setVisible(bool(problem_text))
        self.ok_button.setEnabled(bool(self.text.toPlainText().strip()) and not problem_text)

    def values(self) -> dict[str, str]:
        return {"text": self.text.toPlainText(), **self.form.values()}

    @classmethod
    def ask(cls, parent: QWidget | None = None, values: dict[str, str] | None = None) -> dict[str, str] | None:
        """The pasted text and metadata (starting from ``values``), or None when cancelled."""
        dialog = cls(parent, values)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def confirm_discard(parent: QWidget) -> bool:
    """Whether to throw away the text pasted so far (tests replace this)."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("PasteDialog", "Paste article"),
        QCoreApplication.translate("PasteDialog", "Discard the pasted text? It has not been imported."),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Discard


def found_metadata(imported) -> dict[str, str]:
    """What an importer found, as core keeps it, for the form's fields."""
    found = articles.found_metadata(imported)
    return {key: found[key] for key in ("title", "outlet", "author", "url", "published_at")}


class ImportMetadataDialog(QDialog):
    """Say where an imported file's article came from, starting from what the importer found."""

    def __init__(self, imported, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import article"))
        self.setMinimumWidth(560)
        self.found = found_metadata(imported)
        intro = QLabel(self.tr("Importing <b>{name}</b>. Check what was found in the file and fill in what is missing; "
                               "you can change it later in Article &gt; Properties.").format(
                                   name=_escape(imported.source_name)))
        intro.setWordWrap(True)
        self.form = ArticleMetadataForm()
        self.form.set_values(self.found)
        self.form.edits["title"].setPlaceholderText(self.tr("Default: {name}").format(name=imported.source_name))
        self.problem_label = _problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.form.sig_edited.connect(self._update_ok)
        self._update_ok()
        self.form.edits["title"].setFocus()

    def _update_ok(self) -> None:
        problem_text = self.form.problem()
        self.problem_label.setText(problem_text)
        self.problem_label.setVisible(bool(problem_text))
        self.ok_button.setEnabled(not problem_text)

    def metadata(self) -> dict[str, str]:
        """The fields to store (an emptied title falls back to the file's name in core)."""
        return self.form.values()

    @classmethod
    def ask(cls, imported, parent: QWidget | None = None) -> dict[str, str] | None:
        """The metadata to import ``imported`` with, or None when cancelled."""
        dialog = cls(imported, parent)
        try:
            return dialog.metadata() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class NameDialog(QDialog):
    """Asks for the name written on every change the user makes: once at the first start, and from Edit > Your name."""

    #: Wide enough for a full name and the explanation in a few lines.
    MIN_WIDTH = 420

    def __init__(self, default: str, parent: QWidget | None = None, *, changing: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your name"))
        self.setMinimumWidth(self.MIN_WIDTH)
        self.name = QLineEdit(default)
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.selectAll()
        if changing:
            text = self.tr("factcheck writes this name on every change you make from now on. "
                           "Changes already made keep the name they were made in.")
        else:
            text = self.tr("factcheck writes your name on every change you make, so editors can see who checked "
                           "what. You can change it later in Edit > Your name.")
        explanation = QLabel(text)
        explanation.setWordWrap(True)
        # The first start needs a name to go on; a change can be called off (Cancel, Esc), changing nothing.
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | (
            QDialogButtonBox.StandardButton.Cancel if changing else QDialogButtonBox.StandardButton.NoButton))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        ok.setEnabled(bool(default.strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.name)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, default: str, parent: QWidget | None = None, *, changing: bool = False) -> str | None:
        """The name typed (spaces tidied); at the first start, ``default`` if none was typed or Esc pressed (the
        dialog says where to change it). None: a change was cancelled."""
        dialog = cls(default, parent, changing=changing)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None if changing else default
            return " ".join(dialog.name.text().split()) or (None if changing else default)
        finally:
            dialog.deleteLater()
