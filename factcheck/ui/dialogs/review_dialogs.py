"""Dialogs of the editorial review: a reason for reopening a verdict, a comment, the checklist.

Each opens through a ``@classmethod ask(...)`` so tests can replace it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import checks, model

BLOCKING_COLOR = "#b91c1c"
WARNING_COLOR = "#b45309"


def _quote(claim: model.Claim | None, limit: int = 70) -> str:
    if claim is None:
        return "A claim"
    text = " ".join((claim.statement or claim.exact).split())
    return "“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


class _TextDialog(QDialog):
    """A sentence of explanation, a text box, and OK enabled once something is written."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, ok_text: str, placeholder: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(480, 260)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(placeholder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.value()))

    def value(self) -> str:
        return self.text.toPlainText().strip()


class ReasonDialog(_TextDialog):
    """Asks why an approved (or published) verdict is being changed."""

    def __init__(self, parent: QWidget | None, what: str, published: bool = False):
        prompt = (
            f"This verdict was already approved. Changing its {what} sends the claim back to review; "
            "say why it changes."
        )
        if published:
            prompt = (
                f"This verdict is published. Changing its {what} sends the claim back to review and records "
                "a public correction with your reason, your name and the time."
            )
        super().__init__(parent, "Reason for the change", prompt, "Change and send back to review",
                         "Why the verdict changes (kept in the history)")
        self.published = published

    @classmethod
    def ask(cls, parent: QWidget | None, what: str, published: bool = False) -> str | None:
        """The reason, or None when cancelled. ``what``: the field named in the question."""
        dialog = cls(parent, what, published)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class CommentDialog(_TextDialog):
    """Asks for a comment (what needs changing, when requesting changes)."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str):
        super().__init__(parent, title, prompt, title.rstrip("…"), "Seen by the checker as a review comment")

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str) -> str | None:
        """The comment, or None when cancelled."""
        dialog = cls(parent, title, prompt)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ChecklistDialog(QDialog):
    """The pre-publication checks for the claims about to be approved or published.

    Blocking findings are listed first and cannot be overridden: a claim with one is not
    approved. Warnings are listed after them and do not stop anything. The button
    proceeds with the claims that have no blocking finding, and is disabled when none has.
    """

    def __init__(self, parent: QWidget | None, findings: Sequence[checks.Finding],
                 claims_by_id: Mapping[str, model.Claim], action_label: str):
        super().__init__(parent)
        self.setWindowTitle(f"Checklist before: {action_label}")
        self.resize(620, 380)
        ordered = sorted(findings, key=lambda f: not f.blocking)  # stable: claim order kept
        blocked = {f.claim_id for f in findings if f.blocking}
        clear = [cid for cid in claims_by_id if cid not in blocked]
        self.blocked_ids = blocked
        single = len(claims_by_id) == 1

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        n = len(claims_by_id)
        if not findings:
            text = "Every check passed: rating, sources, a one-sentence verdict summary, no open review comments, words confirmed."
        elif not blocked:
            text = "Nothing blocks this; look at the warnings below."
        elif single:
            text = "This claim cannot be approved yet: fix what is marked as blocking."
        elif clear:
            text = f"{len(blocked)} of {n} claims have blocking problems and will be left as they are; the other {len(clear)} can go ahead."
        else:
            text = "None of these claims can go ahead: each has a blocking problem."
        self.summary.setText(text)

        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        bold = QFont()
        bold.setBold(True)
        for finding in ordered:
            who = "This claim" if single else _quote(claims_by_id.get(finding.claim_id))
            label = "Blocking" if finding.blocking else "Warning"
            item = QListWidgetItem(f"{label}: {who} {finding.message}")
            item.setForeground(QColor(BLOCKING_COLOR if finding.blocking else WARNING_COLOR))
            if finding.blocking:
                item.setFont(bold)
            self.list.addItem(item)
        self.list.setVisible(bool(findings))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action_label if not blocked or single else f"{action_label} ({len(clear)} of {n})")
        self.ok_button.setEnabled(bool(clear))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        if not findings:
            self.resize(480, 120)

    @classmethod
    def ask(cls, parent: QWidget | None, findings: Sequence[checks.Finding],
            claims_by_id: Mapping[str, model.Claim], action_label: str) -> bool:
        """True to go ahead (with the claims free of blocking findings), False to stop."""
        dialog = cls(parent, findings, claims_by_id, action_label)
        return dialog.exec() == QDialog.DialogCode.Accepted
