"""Dialogs for bringing articles in: pasted text with its metadata, and the user's name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class PasteDialog(QDialog):
    """Paste an article's text and say where it came from."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Paste article")
        self.resize(640, 560)
        self.title = QLineEdit()
        self.title.setPlaceholderText("Default: the first line of the text")
        self.outlet = QLineEdit()
        self.author = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…  (kept as text, never opened)")
        self.date = QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Paste the article's text here")
        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Outlet", self.outlet)
        form.addRow("Author", self.author)
        form.addRow("URL", self.url)
        form.addRow("Published", self.date)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Text"))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text.toPlainText().strip()))

    def values(self) -> dict[str, str]:
        return {
            "text": self.text.toPlainText(),
            "title": self.title.text().strip(),
            "outlet": self.outlet.text().strip(),
            "author": self.author.text().strip(),
            "url": self.url.text().strip(),
            "published_at": self.date.text().strip(),
        }

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> dict[str, str] | None:
        """The pasted text and metadata, or None when cancelled."""
        dialog = cls(parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class NameDialog(QDialog):
    """Asks once for the name written on every change the user makes."""

    def __init__(self, default: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Your name")
        self.name = QLineEdit(default)
        self.name.selectAll()
        explanation = QLabel(
            "factcheck writes your name on every change you make, so editors can see who checked "
            "what. You can change it later in Edit > Your name."
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.name)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, default: str, parent: QWidget | None = None) -> str:
        dialog = cls(default, parent)
        dialog.exec()
        return " ".join(dialog.name.text().split()) or default
