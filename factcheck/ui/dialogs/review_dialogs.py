"""Dialogs of the editorial review: a reason for reopening a verdict, a comment, the checklist,
the retraction of a signed-off verdict, and changed words under one.

Each opens through a ``@classmethod ask(...)`` so tests can replace it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import checks, colours, diffing, model
from factcheck.ui import language, theme

#: The theme colours (``core.colours.ROLES``) of blocking problems and of warnings.
BLOCKING_ROLE, WARNING_ROLE = "error_text", "warning_text"


def _quote(claim: model.Claim | None, limit: int = 70) -> str:
    if claim is None:
        return QCoreApplication.translate("ChecklistDialog", "A claim")
    text = " ".join((claim.statement or claim.exact).split())
    return "“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


def _claim_label(claims: Sequence[model.Claim]) -> QLabel | None:
    """The line that names the one claim a decision is about ("Claim: “…”"), so it is taken on the claim the
    person means; None for several (the dialogs count them)."""
    if len(claims) != 1:
        return None
    label = QLabel(QCoreApplication.translate("ChecklistDialog", "Claim: {quote}").format(quote=_quote(claims[0], 120)))
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName("decision_claim")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class _TextDialog(QDialog):
    """A sentence of explanation, a text box, and OK enabled once something is written."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, ok_text: str, placeholder: str = "",
                 claims: Sequence[model.Claim] = ()):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(480, 260)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(placeholder)
        self.text.setAccessibleName(title.rstrip("…"))
        self.text.setAccessibleDescription(prompt)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.claim_label = _claim_label(claims)
        if self.claim_label is not None:
            layout.addWidget(self.claim_label)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update_ok)
        self._update_ok()
        from factcheck.ui.dialogs.source_dialog import install_accept_shortcut

        install_accept_shortcut(self, self.ok_button)  # Ctrl+Enter from the text, as in the other forms

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.value()))

    def value(self) -> str:
        return self.text.toPlainText().strip()


class ReasonDialog(_TextDialog):
    """Asks why an approved (or published) verdict is being changed."""

    def __init__(self, parent: QWidget | None, what: str, published: bool = False):
        if published:
            prompt = self.tr(
                "This verdict is published. Changing its {what} sends the claim back to review and records "
                "a public correction with your reason, your name and the time."
            )
        else:
            prompt = self.tr(
                "This verdict was already approved. Changing its {what} sends the claim back to review; "
                "say why it changes."
            )
        super().__init__(parent, self.tr("Reason for the change"), prompt.format(what=language.ui(what)),
                         self.tr("Change and send back to review"),
                         self.tr("Why the verdict changes (kept in the history)"))
        self.published = published

    @classmethod
    def ask(cls, parent: QWidget | None, what: str, published: bool = False) -> str | None:
        """The reason, or None when cancelled. ``what``: the field named in the question."""
        dialog = cls(parent, what, published)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class RetractDialog(_TextDialog):
    """Asks why a signed-off verdict is withdrawn, saying plainly that the retraction is public."""

    def __init__(self, parent: QWidget | None, claim: model.Claim, rating_label: str):
        if claim.status == model.PUBLISHED:
            prompt = self.tr(
                "This verdict is published, so deleting the claim retracts it. The retraction is public: "
                "reports print it in their corrections, with the claim's words, the verdict withdrawn, "
                "your reason, your name and the time. It cannot be undone."
            )
        else:
            prompt = self.tr(
                "This verdict was approved, so deleting the claim retracts it. The retraction is public: "
                "reports print it in their corrections, with the claim's words, the verdict withdrawn, "
                "your reason, your name and the time. It cannot be undone."
            )
        super().__init__(parent, self.tr("Retract verdict"), prompt, self.tr("Retract verdict"),
                         self.tr("Why the verdict is withdrawn (printed in reports)"))
        self.resize(520, 320)
        verdict = " ".join(x for x in (rating_label and f"{rating_label}.", claim.verdict_summary.strip()) if x)
        self.verdict = QLabel(self.tr("{claim}\nVerdict: {verdict}").format(
            claim=_quote(claim, 200), verdict=verdict or self.tr("(none)")))
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setStyleSheet("QLabel { padding: 6px; background: palette(alternate-base); }")
        self.verdict.setAccessibleName(self.tr("Verdict to retract"))
        self.text.setAccessibleName(self.tr("Reason for the retraction"))
        self.ok_button.setAccessibleDescription(
            self.tr("Deletes the claim and publishes the retraction; cannot be undone."))
        self.layout().insertWidget(1, self.verdict)

    @classmethod
    def ask(cls, parent: QWidget | None, claim: model.Claim, rating_label: str = "") -> str | None:
        """The reason for the retraction, or None when cancelled."""
        dialog = cls(parent, claim, rating_label)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _mark(palette: QPalette | None = None) -> str:
    """Changed words: bold on the find highlight, painted over the palette's base in its text colour
    (readable in light and dark themes)."""
    palette = palette if palette is not None else QApplication.palette()
    base, text = palette.color(QPalette.ColorRole.Base).name(), palette.color(QPalette.ColorRole.Text).name()
    tint = theme.tint(colours.role("find", theme.is_dark(palette)), colours.FIND_ALPHA, palette)
    background = colours.over(tint.name(), tint.alpha(), base)
    return f'<span style="background-color: {background}; color: {text}; font-weight: 600;">{{}}</span>'


def marked_words(old: str, new: str, palette: QPalette | None = None) -> tuple[str, str]:
    """``old`` and ``new`` as HTML, the words that differ between them marked (the rest escaped).

    The changed words come from core's word diff, as in Compare versions.
    """
    mark = _mark(palette)
    diff = diffing.word_diff(old, new)

    def render(text: str, spans: list[tuple[int, int]]) -> str:
        out, at = [], 0
        for start, end in spans:
            out.append(html.escape(text[at:start]))
            out.append(mark.format(html.escape(text[start:end])))
            at = end
        out.append(html.escape(text[at:]))
        return "".join(out)

    return render(old, diff.deleted), render(new, diff.inserted)


class ConfirmWordsDialog(QDialog):
    """The words a signed-off verdict was given for beside the words now there, changes marked.

    Confirming them sends the claim back to review (and, when it was published, records a
    public correction of its quote): the verdict must be looked at again for the new words.
    """

    def __init__(self, parent: QWidget | None, old: str, new: str, reason: str, published: bool):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Confirm changed words"))
        self.resize(720, 300)
        if published:
            text = self.tr(
                "The words under this published verdict are not the words it was given for. Confirming them makes "
                "them the claim's quote and sends the claim back to review ({reason}), so the verdict is checked "
                "again for the new words. A public correction noting the changed quote is recorded, with your name "
                "and the time."
            )
        else:
            text = self.tr(
                "The words under this approved verdict are not the words it was given for. Confirming them makes "
                "them the claim's quote and sends the claim back to review ({reason}), so the verdict is checked "
                "again for the new words."
            )
        self.explanation = QLabel(text.format(reason=language.ui(reason)))
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        old_html, new_html = marked_words(old, new)
        self.old_words = self._pane(old_html, self.tr("Words the verdict was given for"))
        self.new_words = self._pane(new_html, self.tr("Words now in the article"))
        grid = QGridLayout()
        for column, pane in enumerate((self.old_words, self.new_words)):
            heading = QLabel(pane.accessibleName())
            heading.setStyleSheet("font-weight: 600;")
            heading.setBuddy(pane)
            grid.addWidget(heading, 0, column)
            grid.addWidget(pane, 1, column)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Confirm and send back to review"))
        self.ok_button.setAutoDefault(False)  # Enter keeps the verdict as it is: confirming is a decision
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        cancel.setFocus()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(grid, 1)
        layout.addWidget(self.buttons)

    @staticmethod
    def _pane(text: str, name: str) -> QTextBrowser:
        pane = QTextBrowser()
        pane.setOpenLinks(False)
        pane.setHtml(f'<p style="font-size: 11pt;">{text}</p>')
        pane.setAccessibleName(name)
        pane.setMinimumHeight(110)
        return pane

    @classmethod
    def ask(cls, parent: QWidget | None, old: str, new: str, reason: str, published: bool = False) -> bool:
        """True to confirm the new words (the claim goes back to review), False to leave it as it is."""
        dialog = cls(parent, old, new, reason, published)
        return dialog.exec() == QDialog.DialogCode.Accepted


class CommentDialog(_TextDialog):
    """Asks for a comment (what needs changing, when requesting changes)."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, claims: Sequence[model.Claim] = ()):
        title, prompt = language.ui(title), language.ui(prompt)
        super().__init__(parent, title, prompt, title.rstrip("…"), self.tr("Seen by the checker as a review comment"),
                         claims)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str, claims: Sequence[model.Claim] = ()) -> str | None:
        """The comment, or None when cancelled (``claims``: the claims it is about, named when there is one)."""
        dialog = cls(parent, title, prompt, claims)
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
        action_label = language.ui(action_label)
        self.setWindowTitle(self.tr("Checklist before: {action}").format(action=action_label))
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
            text = self.tr("Every check passed: rating, sources, a one-sentence verdict summary, no open review "
                           "comments, words confirmed.")
        elif not blocked:
            text = self.tr("Nothing blocks this; look at the warnings below.")
        elif single:
            text = self.tr("This claim cannot be approved yet: fix what is marked as blocking.")
        elif clear:
            text = self.tr("%n of {total} claims have blocking problems and will be left as they are; the other "
                           "{clear} can go ahead.", "", len(blocked)).format(total=n, clear=len(clear))
        else:
            text = self.tr("None of these claims can go ahead: each has a blocking problem.")
        self.summary.setText(text)

        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setAccessibleName(self.tr("Findings"))
        bold = QFont()
        bold.setBold(True)
        for finding in ordered:
            item = QListWidgetItem(self._finding_text(finding, single, claims_by_id.get(finding.claim_id)))
            item.setForeground(theme.color(BLOCKING_ROLE if finding.blocking else WARNING_ROLE, self.list.palette()))
            if finding.blocking:
                item.setFont(bold)
            self.list.addItem(item)
        self.list.setVisible(bool(findings))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action_label if not blocked or single else
                               self.tr("{action} ({ready} of {total})").format(action=action_label, ready=len(clear),
                                                                               total=n))
        self.ok_button.setEnabled(bool(clear))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.claim_label = _claim_label(list(claims_by_id.values()))
        if self.claim_label is not None:
            layout.addWidget(self.claim_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        if not findings:
            self.resize(480, 120)

    def _finding_text(self, finding: checks.Finding, single: bool, claim: model.Claim | None) -> str:
        """One line of the list: how serious, which claim ("This claim" when it is the only one), what is wrong."""
        problem = language.ui(finding.message)
        if single:
            text = (self.tr("Blocking: This claim {problem}") if finding.blocking
                    else self.tr("Warning: This claim {problem}"))
            return text.format(problem=problem)
        text = self.tr("Blocking: {claim} {problem}") if finding.blocking else self.tr("Warning: {claim} {problem}")
        return text.format(claim=_quote(claim), problem=problem)

    @classmethod
    def ask(cls, parent: QWidget | None, findings: Sequence[checks.Finding],
            claims_by_id: Mapping[str, model.Claim], action_label: str) -> bool:
        """True to go ahead (with the claims free of blocking findings), False to stop."""
        dialog = cls(parent, findings, claims_by_id, action_label)
        return dialog.exec() == QDialog.DialogCode.Accepted
