"""Article > Update from file… / from pasted text…, the review of the re-anchored claims, Anchor claim to selection.

An update reads the new text (``importers``), stores it as the shown article's next
version through the undo history (``history.AddVersion``: one step, undone whole) and
opens the review (``dialogs/update_review.py``). The review's Re-select hides it while
the checker selects the claim's words in the article; Anchor claim to selection (Ctrl+R,
the inspector's Anchor to selection as an action) puts the claim on them and brings the
review back.
"""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPalette, QTextCharFormat
from PySide6.QtWidgets import QFileDialog

from factcheck.core import anchoring, history, later, model
from factcheck.core.errors import ImportCancelled, KnownError, NotFound
from factcheck.core.text import N_
from factcheck.ui import language
from factcheck.ui.claim_panel import ask_words_change

if TYPE_CHECKING:
    from factcheck.ui.dialogs.update_review import UpdateReviewDialog

# Loaded at the first update, review or marked change (the dialogs too, in the methods that open them),
# not for the first window.
importers = later.Module("factcheck.importers")
diffing = later.Module("factcheck.core.diffing")
reanchoring = later.Module("factcheck.core.reanchoring")

#: The shortcut of Anchor claim to selection.
ANCHOR_KEYS = "Ctrl+R"
#: The QSettings key of Article > Mark changes since the previous version.
MARKS_KEY = "view/mark_changes"


class VersionUpdates(QObject):
    """The main window's article updates: their actions, the import, the review dialog."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.review_dialog: UpdateReviewDialog | None = None
        self._reselecting: str | None = None  # the claim whose words the checker is selecting
        self._waiting: tuple[str, set[str]] | None = None  # (article id, its claims waiting for a person)
        self._session = None
        self.update_file_action = QAction(self.tr("&Update from file…"), window)
        self.update_file_action.setStatusTip(self.tr(
            "Make a file the article's newest version (the outlet changed it); its claims are re-anchored for review"))
        self.update_paste_action = QAction(self.tr("Update from pas&ted text…"), window)
        self.update_paste_action.setStatusTip(self.tr(
            "Make pasted text the article's newest version; its claims are re-anchored for review"))
        self.review_action = QAction(self.tr("Re&view re-anchored claims…"), window)
        self.review_action.setStatusTip(self.tr(
            "The claims whose words changed or are gone since the article's last update, to confirm or re-select"))
        self.anchor_action = QAction(self.tr("&Anchor claim to selection"), window)
        self.anchor_action.setShortcut(QKeySequence(ANCHOR_KEYS))
        self.anchor_action.setStatusTip(self.tr("Put the selected claim on the words selected in the article"))
        self.marks_action = QAction(self.tr("&Mark changes since the previous version"), window)
        self.marks_action.setCheckable(True)
        self.marks_action.setChecked(window.settings.value(MARKS_KEY, False, type=bool))
        self.marks_action.setStatusTip(self.tr(
            "Underline the words the outlet added or changed in the shown version (Show changes… has what it removed)"))
        self._marked: str | None = None  # the version whose changes are marked in the article view
        for action in self.actions:
            action.setToolTip(action.statusTip())
        self.update_file_action.triggered.connect(lambda: self.update_from_file())
        self.update_paste_action.triggered.connect(lambda: self.update_from_paste())
        self.review_action.triggered.connect(lambda: self.open_review())
        self.anchor_action.triggered.connect(lambda: self.anchor_to_selection())
        self.marks_action.toggled.connect(self._on_marks_toggled)

    @property
    def actions(self) -> list[QAction]:
        return [self.update_file_action, self.update_paste_action, self.review_action, self.anchor_action,
                self.marks_action]

    # --- state ------------------------------------------------------------------------

    def _writable_article(self) -> str | None:
        """The shown article's id, when it can take a new version."""
        window = self.window
        if window.session is None or window.project.read_only:
            return None
        return window.current_article_id()

    def update_action(self) -> None:
        """Enable the actions for the shown article (the window calls this with its own)."""
        window = self.window
        if window.session is not self._session:
            self._session = window.session
            self._waiting = None
            if self._session is not None:
                self._session.sig_changed.connect(self._on_session_changed)
            if self.review_dialog is not None:
                self.review_dialog.close()
                self.review_dialog.deleteLater()
                self.review_dialog = None
        article_id = self._writable_article()
        self.update_file_action.setEnabled(article_id is not None)
        self.update_paste_action.setEnabled(article_id is not None)
        self.review_action.setEnabled(bool(window.current_article_id()) and self.pending() > 0)
        self.anchor_action.setEnabled(article_id is not None and bool(window.panel and window.panel.current_claim_id))
        self.marks_action.setEnabled(bool(window.view and window.current_article_id()))
        if window.view is not None and self._marked != (window.view.current_version_id if self.marks_action.isChecked()
                                                        else None):
            self.refresh_marks()

    def pending(self) -> int:
        """How many of the shown article's claims wait for a person (fuzzy or orphaned).

        Read once per article; then kept up to date from the claims each change names,
        which the views read anyway (``session.changed_claims``), so a new claim costs no read.
        """
        window = self.window
        article_id = window.current_article_id()
        if window.session is None or not article_id:
            return 0
        if self._waiting is None or self._waiting[0] != article_id:
            try:
                self._waiting = (article_id, reanchoring.waiting(window.project, article_id))
            except KnownError:
                return 0
        return len(self._waiting[1])

    def _on_session_changed(self, changes: model.Changes) -> None:
        What = model.What
        if changes.what & What.VERSIONS and self.marks_action.isChecked():
            QTimer.singleShot(0, self.refresh_marks)  # once the view shows the new version
        if self._waiting is None or not changes.what & (What.ANCHORS | What.VERSIONS | What.ARTICLES):
            return
        if changes.what & (What.VERSIONS | What.ARTICLES) or len(changes.claims) > 64:
            self._waiting = None  # read again when next asked
            return
        article_id, waiting = self._waiting
        for claim_id, claim in self.window.session.changed_claims(changes.claims).items():
            if (claim is not None and claim.article_id == article_id and claim.deleted_at is None
                    and claim.anchor_state in (anchoring.FUZZY, anchoring.ORPHANED)):
                waiting.add(claim_id)
            else:
                waiting.discard(claim_id)

    # --- the changes marked in the article --------------------------------------------

    def _on_marks_toggled(self, on: bool) -> None:
        self.window.settings.setValue(MARKS_KEY, on)
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """Underline in the article view what changed since the previous version (when asked to), or nothing."""
        view = self.window.view
        if view is None or self.window.session is None:
            self._marked = None
            return
        version_id = view.current_version_id if self.marks_action.isChecked() else None
        spans: list[tuple[int, int]] = []
        if version_id is not None:
            project = self.window.project
            try:
                ids = [v.id for v in project.versions(view.article_id)]
                at = ids.index(version_id)
                if at > 0:
                    spans = diffing.word_diff(project.text(ids[at - 1]), project.text(version_id)).inserted
            except (KnownError, ValueError):
                spans = []
        view.mark_changes(spans, self.mark_format())
        self._marked = version_id

    def mark_format(self) -> QTextCharFormat:
        """An underline in the hue Compare versions gives inserted words (no tint: the claims' colours still show)."""
        from factcheck.ui.dialogs.version_compare import INSERTED_HUE, mix

        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        text = self.window.palette().color(QPalette.ColorRole.Text)
        fmt.setUnderlineColor(mix(text, INSERTED_HUE, 0.7))
        return fmt

    # --- updating ---------------------------------------------------------------------

    def update_from_file(self, path: str | None = None) -> model.Changes | None:
        """Article > Update from file: the file (asked for when not given) as the shown article's next version."""
        if self._writable_article() is None:
            return None
        path = path or self.ask_update_path()
        if not path:
            return None
        imported = self.read_file(path)
        if imported is None:
            return None
        return self.update(imported, N_("Update article from file"))

    def update_from_paste(self) -> model.Changes | None:
        """Article > Update from pasted text: the text pasted in a dialog as the shown article's next version."""
        article_id = self._writable_article()
        if article_id is None:
            return None
        project = self.window.project
        try:
            title = project.article(article_id).title
            number = project.current_version(article_id).number + 1
        except KnownError as exc:
            self.window.show_error(exc)
            return None
        text = self.ask_pasted_text(title, number)
        if text is None:
            return None
        try:
            imported = importers.import_pasted(text)
        except KnownError as exc:
            self.window.show_error(exc)
            return None
        return self.update(imported, N_("Update article from pasted text"))

    def read_file(self, path: str):
        """The file as an ``ImportedArticle``, or None (cancelled, no password given, or refused: the refusal shown).

        Read by the window's import worker (progress, Cancel, a password asked for) when it has one.
        """
        runner = getattr(self.window, "importer", None)
        try:
            if runner is not None:
                return None if runner.busy else runner.read(path)
            return importers.import_file(path)
        except ImportCancelled:
            return None
        except KnownError as exc:
            name = pathlib.Path(path).name
            self.window.show_error(self.tr("{name}: {error}").format(name=name, error=language.ui(exc)))
            return None

    def update(self, imported, label: str = N_("Update article")) -> model.Changes | None:
        """Store ``imported`` as the shown article's next version (one undo step) and open the review.

        Text the same as the current version's adds nothing, and the user is told so.
        """
        window = self.window
        article_id = self._writable_article()
        if article_id is None:
            return None
        if window.panel:
            window.panel.inspector.commit_pending()
        try:
            current = window.project.current_version(article_id).number
            changes = window.session.do(history.AddVersion(article_id, imported, label))
        except KnownError as exc:
            window.show_error(exc)
            return None
        if changes.event_seq is None:
            window.show_information(self.tr("Update article"), self.tr(
                "The text is the same as version {number}: nothing changed, so no version was added.").format(
                number=current))
            return changes
        window.statusBar().showMessage(self.tr("Version {number} added; its claims are listed for review.").format(
            number=current + 1), 8000)
        self.open_review(article_id)
        return changes

    # --- the review -------------------------------------------------------------------

    def open_review(self, article_id: str | None = None) -> UpdateReviewDialog | None:
        """Show the review of the shown article's re-anchored claims (the same dialog, brought back)."""
        window = self.window
        article_id = article_id or window.current_article_id()
        if window.session is None or not article_id:
            return None
        dialog = self.review_dialog
        if dialog is not None and dialog.article_id != article_id:
            dialog.close()
            dialog.deleteLater()
            dialog = None
        if dialog is None:
            from factcheck.ui.dialogs.update_review import UpdateReviewDialog

            try:
                dialog = UpdateReviewDialog(window.session, article_id, window)
            except KnownError as exc:
                window.show_error(exc)
                return None
            dialog.sig_confirm_requested.connect(self.confirm)
            dialog.sig_reselect_requested.connect(self.reselect)
            dialog.sig_show_requested.connect(self._on_show_requested)
            dialog.sig_changes_requested.connect(self._on_changes_requested)
            self.review_dialog = dialog
        elif not dialog.isVisible():
            dialog.reload()
        self._reselecting = None
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.tree.setFocus()
        return dialog

    def confirm(self, claim_id: str) -> bool:
        """Accept the words now under a fuzzy claim as its quote (a signed-off verdict: old and new shown first)."""
        window = self.window
        try:
            claim = window.project.claim(claim_id)
            if not ask_words_change(self.review_dialog or window, window.session, claim_id, claim.version_id,
                                    claim.start, claim.end):
                return False
            window.session.do(history.ReanchorClaim(claim_id, claim.version_id, claim.start, claim.end,
                                                    label=N_("Confirm new words")))
        except KnownError as exc:
            window.show_error(exc)
            return False
        return True

    def reselect(self, claim_id: str) -> None:
        """Hide the review and show the claim in the article, its words there now selected, for the checker to correct."""
        window = self.window
        try:
            claim = window.project.claim(claim_id)
        except NotFound as exc:
            window.show_error(exc)
            return
        if self.review_dialog is not None:
            self.review_dialog.hide()
        self._reselecting = claim_id
        window.open_claim(claim_id)
        view = window.view
        if view is None:
            return
        if claim.anchor_state == anchoring.FUZZY and claim.version_id == view.current_version_id:
            view.select_span(claim.start, claim.end)
        window.activateWindow()
        view.text_edit.setFocus()
        keys = self.anchor_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        window.statusBar().showMessage(self.tr(
            "Select the claim's words in the article, then press {keys} (Article > Anchor claim to selection).").format(
            keys=keys))

    def anchor_to_selection(self) -> bool:
        """Put the claim selected in the claim list on the words selected in the article."""
        window = self.window
        view, panel = window.view, window.panel
        if self._writable_article() is None or view is None or panel is None:
            return False
        claim_id = panel.current_claim_id
        if not claim_id:
            window.statusBar().showMessage(self.tr("Select a claim first, in the claim list."), 6000)
            return False
        span = view.selected_span()
        if span is None:
            window.statusBar().showMessage(self.tr("Select the claim's words in the article first."), 6000)
            return False
        try:
            if not ask_words_change(window, window.session, claim_id, view.current_version_id, *span):
                return False
            window.session.do(history.ReanchorClaim(claim_id, view.current_version_id, *span))
        except KnownError as exc:
            window.show_error(exc)
            return False
        window.statusBar().showMessage(self.tr("The claim is anchored to the selected words."), 6000)
        if self._reselecting == claim_id:
            self.open_review()
        return True

    def _on_show_requested(self, claim_id: str) -> None:
        self.window.open_claim(claim_id)

    def _on_changes_requested(self, article_id: str) -> None:
        from factcheck.ui.dialogs.version_compare import VersionCompareDialog

        VersionCompareDialog.ask(self.window.session, article_id, self.review_dialog or self.window)

    # --- what tests replace -------------------------------------------------------------

    def ask_update_path(self) -> str:
        return QFileDialog.getOpenFileName(self.window, self.tr("Update article from file"), "", self.file_filter())[0]

    def file_filter(self) -> str:
        patterns = " ".join(f"*{ext}" for ext in importable_extensions())
        return self.tr("Articles ({patterns});;All files (*)").format(patterns=patterns)

    def ask_pasted_text(self, title: str, number: int) -> str | None:
        from factcheck.ui.dialogs.update_review import PasteVersionDialog

        return PasteVersionDialog.ask(self.window, title, number)


def importable_extensions() -> list[str]:
    """The file name extensions the importers read (by name; a file of another name is sniffed)."""
    found = set(getattr(importers, "_EXTENSIONS", {})) | set(getattr(importers, "_DOCUMENT_EXTENSIONS", {}))
    return sorted(found)
