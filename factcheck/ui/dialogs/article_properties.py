"""An article's properties: its title, outlet, author, URL, date, language and the fact-check's published URL."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from factcheck.core import history
from factcheck.core.errors import KnownError
from factcheck.ui.dialogs.import_dialog import ALL_FIELDS, ArticleMetadataForm, _problem_label
from factcheck.ui.dialogs.source_dialog import install_accept_shortcut
from factcheck.ui import language


class ArticlePropertiesDialog(QDialog):
    """Edit an article's metadata; OK saves every changed field as one undo step.

    Core judges each field as it is typed (``articles.clean``): its sentence shows under
    the form and OK stays disabled until the fields are ones core keeps.
    """

    def __init__(self, session, article_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.article_id = session, article_id
        self.article = session.project.article(article_id)
        self.saved = False  # True once OK has saved a change
        self.setWindowTitle(self.tr("Article properties"))
        self.setMinimumWidth(560)
        self.form = ArticleMetadataForm(ALL_FIELDS)
        self.form.set_values({name: getattr(self.article, name) for name in ALL_FIELDS})
        note = QLabel(self.tr("The fact-check URL is the page where your fact-check of this article is published; "
                              "ClaimReview exports use it as their url."))
        note.setWordWrap(True)
        note.setEnabled(False)  # drawn as secondary text
        self.problem_label = _problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(note)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        install_accept_shortcut(self, self.ok_button)
        if session.project.read_only:
            self.problem_label.setText(self.tr("The project is read-only: the properties cannot be changed."))
            self.problem_label.show()
        self.form.sig_edited.connect(self._on_form_edited)
        self._on_form_edited()
        self.form.edits["title"].setFocus()

    def changed(self) -> dict[str, str]:
        """The fields whose text differs from what the article holds."""
        return {k: v for k, v in self.form.values().items() if getattr(self.article, k) != v}

    def _on_form_edited(self) -> None:
        if self.session.project.read_only:
            self.ok_button.setEnabled(False)
            return
        problem = language.ui(self.form.problem())
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        """Save the changed fields (one step); a refusal is shown in the dialog, which stays open."""
        changed = self.changed()
        if changed:
            try:
                command = history.UpdateArticle(self.article_id, **changed)
                self.saved = self.session.do(command, initiator=self).event_seq is not None
            except KnownError as exc:
                self.problem_label.setText(language.ui(exc))
                self.problem_label.show()
                return
        super().accept()

    @classmethod
    def ask(cls, session, article_id: str, parent: QWidget | None = None) -> bool:
        """Show the properties of an article; True when something was saved."""
        dialog = cls(session, article_id, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved
        finally:
            dialog.deleteLater()
