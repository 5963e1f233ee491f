"""The main window: articles (left), the article (centre), claims and inspector (right), review queue (below)."""

from __future__ import annotations

import pathlib

from PySide6.QtCore import QByteArray, QSettings, Qt, QTime
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from factcheck import importers
from factcheck.core import events, history, model, workflow
from factcheck.core.errors import KnownError, NotFound
from factcheck.core.project import SUFFIX, Project
from factcheck.ui import models
from factcheck.ui.article_view import ArticleView
from factcheck.ui.claim_panel import ClaimPanel
from factcheck.ui.dialogs.import_dialog import NameDialog, PasteDialog
from factcheck.ui.review_panel import ReviewPanel
from factcheck.ui.session import Session

MAX_RECENT = 8
IMPORT_FILTER = "Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml);;All files (*)"
PROJECT_FILTER = f"factcheck projects (*{SUFFIX});;All files (*)"
ANNOTATIONS_FILTER = "Web Annotation files (*.jsonld *.json);;All files (*)"
#: Lines of a report shown at once; the rest are under Show Details.
MAX_REPORT_LINES = 25


class MainWindow(QMainWindow):
    """One window on one open project."""

    def __init__(self, settings: QSettings, user: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.user = user
        self.session: Session | None = None
        self.view: ArticleView | None = None
        self.panel: ClaimPanel | None = None
        self.review_panel: ReviewPanel | None = None
        self.history_verdict: events.Verdict | None = None
        self.setWindowTitle("factcheck")
        self.setAcceptDrops(True)
        self.resize(1400, 860)

        self.articles = models.ArticleListModel(self)
        self.article_list = QListView()
        self.article_list.setModel(self.articles)
        self.article_list.setWordWrap(True)
        self.article_list.setSpacing(2)
        self.article_list.selectionModel().currentRowChanged.connect(self._on_article_list_current)
        self.articles_dock = QDockWidget("Articles", self)
        self.articles_dock.setObjectName("articles")
        self.articles_dock.setWidget(self.article_list)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.articles_dock)
        self.claims_dock = QDockWidget("Claims", self)
        self.claims_dock.setObjectName("claims")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.claims_dock)
        self.review_dock = QDockWidget("Review", self)
        self.review_dock.setObjectName("review")
        self.review_dock.setWidget(self._review_placeholder())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.review_dock)
        self.placeholder = QLabel("Open a project (File > Open project) or create one (File > New project).")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.placeholder)

        self.saved_label = QLabel()
        self.history_label = QLabel("History check failed")
        self.history_label.setStyleSheet("color: #b91c1c; font-weight: 600;")
        self.history_label.hide()
        self.statusBar().addPermanentWidget(self.history_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._queue_focused = False
        self._make_actions()
        self._make_menus()
        self._restore_layout()
        self._update_actions()
        QApplication.instance().focusChanged.connect(self._on_app_focus_changed)

    # --- actions and menus ------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.new_project_action = self._action("&New project…", self._on_new_project, K.New)
        self.open_project_action = self._action("&Open project…", self._on_open_project, K.Open)
        self.import_action = self._action("&Import article…", self._on_import_file, "Ctrl+I",
                                          "Import a text, Markdown or saved web page file")
        self.paste_action = self._action("&Paste article…", self._on_paste_article, "Ctrl+Shift+V",
                                         "Import pasted text as a new article")
        self.import_annotations_action = self._action(
            "Import &annotations…", self._on_import_annotations, None,
            "Import claims from a W3C Web Annotation file (one undo removes them all)")
        self.quit_action = self._action("&Quit", self.close, K.Quit)
        self.undo_action = self._action("&Undo", self._on_undo, K.Undo)
        self.redo_action = self._action("&Redo", self._on_redo, K.Redo)
        self.find_action = self._action("&Find in article…", self._on_find, K.Find)
        self.new_claim_action = self._action("New &claim from selection", self.new_claim_from_selection, "Ctrl+E",
                                             "Make a claim from the words selected in the article")
        self.delete_claim_action = self._action("&Delete claim", self._on_delete_claim, None, "Delete the selected claim (undo brings it back)")
        self.library_action = self._action("Source &library…", self._on_source_library, "Ctrl+L")
        self.export_action = self._action("&Export…", self._on_export, None, "Export reports of the project's verdicts")
        self.restore_action = self._action("Res&tore from backup…", self._on_restore_backup, None,
                                           "Open one of the project's backups as a new file")
        self.submit_action = self._action("&Submit for review", lambda: self.review(workflow.SUBMIT), None,
                                          "Send the claim's verdict to an editor")
        self.approve_action = self._action("&Approve", lambda: self.review(workflow.APPROVE), "Ctrl+Shift+A",
                                           "Approve the claim, or the claims selected in the review queue, after the checklist")
        self.request_changes_action = self._action("Request &changes…", lambda: self.review(workflow.REQUEST_CHANGES),
                                                   "Ctrl+Shift+R", "Send the verdict back to its checker with a comment")
        self.publish_action = self._action("&Publish", lambda: self.review(workflow.PUBLISH), None,
                                           "Mark the approved verdict as published")
        self.show_review_action = self._action("Show review &queue", self.show_review_queue, None,
                                               "Claims waiting for a decision, across every article")
        self.name_action = self._action("Your &name…", self._on_change_name)
        self.about_action = self._action("&About factcheck", self._on_about)
        self.review_actions = {workflow.SUBMIT: self.submit_action, workflow.APPROVE: self.approve_action,
                               workflow.REQUEST_CHANGES: self.request_changes_action, workflow.PUBLISH: self.publish_action}
        self._review_tips = {name: action.toolTip() for name, action in self.review_actions.items()}

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_project_action)
        file_menu.addAction(self.open_project_action)
        self.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.paste_action)
        file_menu.addAction(self.import_annotations_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.new_claim_action)
        edit_menu.addAction(self.delete_claim_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.name_action)
        sources_menu = bar.addMenu("&Sources")
        sources_menu.addAction(self.library_action)
        review_menu = bar.addMenu("&Review")
        for action in (self.submit_action, self.approve_action, self.request_changes_action, self.publish_action):
            review_menu.addAction(action)
        review_menu.addSeparator()
        review_menu.addAction(self.show_review_action)
        review_menu.setToolTipsVisible(True)  # a refused decision says why
        self.review_menu = review_menu
        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.articles_dock.toggleViewAction())
        view_menu.addAction(self.claims_dock.toggleViewAction())
        view_menu.addAction(self.review_dock.toggleViewAction())
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_claim_action, None, self.import_action, self.paste_action, None,
                       self.library_action, None, self.undo_action, self.redo_action):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self._fill_recent_menu()

    def _update_actions(self) -> None:
        has_project = self.session is not None
        for action in (self.import_action, self.paste_action, self.library_action, self.find_action):
            action.setEnabled(has_project)
        self.import_annotations_action.setEnabled(has_project and not self.project.read_only)
        has_selection = bool(self.view and self.view.selected_span())
        self.new_claim_action.setEnabled(has_project and has_selection)
        self.delete_claim_action.setEnabled(bool(self.panel and self.panel.current_claim_id))
        self._update_review_actions()
        self.show_review_action.setEnabled(has_project)
        self.export_action.setEnabled(has_project)
        self.restore_action.setEnabled(has_project)
        hist = self.session.history if self.session else None
        self.undo_action.setEnabled(bool(hist and hist.can_undo))
        self.redo_action.setEnabled(bool(hist and hist.can_redo))
        self.undo_action.setText(f"&Undo {hist.undo_label}" if hist and hist.can_undo else "&Undo")
        self.redo_action.setText(f"&Redo {hist.redo_label}" if hist and hist.can_redo else "&Redo")

    def _update_review_actions(self) -> None:
        """Enable the Review menu's decisions for what they apply to, each refusal with the core's reason.

        With the review queue focused and claims selected there, they apply to those
        (the core sorts them out, one by one); otherwise to the claim in the inspector,
        as ``review.available`` says.
        """
        writable = self.session is not None and not self.project.read_only
        inspector = self.panel.inspector if self.panel else None
        shown = bool(inspector and inspector.claim_id)
        queued = bool(self.review_panel and self.review_panel.table.selectionModel().hasSelection())
        self._queue_focused = self._queue_has_focus()
        for name, action in self.review_actions.items():
            if not writable:
                enabled, tip = False, self._review_tips[name]
            elif queued and (self._queue_focused or not shown):
                enabled, tip = True, f"{self._review_tips[name]} (the claims selected in the review queue)"
            elif shown:
                reason = inspector.availability.get(name, "")
                enabled, tip = not reason, reason or self._review_tips[name]
            else:
                enabled, tip = False, "Select a claim first, in the claim list or the review queue."
            action.setEnabled(enabled)
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def _on_app_focus_changed(self, old, new) -> None:
        """The Review menu's decisions follow the focus between the queue and the inspector."""
        if self.review_panel is not None and self._queue_has_focus() != self._queue_focused:
            self._update_review_actions()

    # --- the project ------------------------------------------------------------------

    @property
    def project(self) -> Project | None:
        return self.session.project if self.session else None

    def open_project(self, path: str | pathlib.Path, *, create: bool = False) -> bool:
        """Open (or create) a project; on failure say why and keep what was open."""
        try:
            project = Project.create(path, user=self.user) if create else Project.open(path, user=self.user)
        except KnownError as exc:
            self.show_error(str(exc))
            return False
        try:
            return self._show_project(project, path)
        except KnownError as exc:  # it opened, but the views cannot read it (a damaged page)
            if self.project is project:
                self._close_session()
            else:
                project.close()
            self.setWindowTitle("factcheck")
            self._update_actions()
            self.show_error(str(exc))
            return False

    def _show_project(self, project: Project, path: str | pathlib.Path) -> bool:
        """Close what was open and build the views on ``project``."""
        self._close_session()
        self.session = Session(project, self)
        self.session.sig_changed.connect(self._on_session_changed)
        self.session.sig_history_changed.connect(self._update_actions)
        self.view = ArticleView(self.session)
        self.view.set_context_actions([self.new_claim_action])
        self.view.sig_selection_changed.connect(lambda _has: self._update_actions())
        self.view.sig_claims_clicked.connect(self._on_view_claims_clicked)
        self.view.sig_claim_chosen.connect(self._on_view_claim_chosen)
        self.panel = ClaimPanel(self.session)
        self.panel.sig_claim_selected.connect(self._on_panel_claim_selected)
        self.panel.sig_count_changed.connect(self.articles.set_claim_count)
        self.panel.inspector.sig_confirm_requested.connect(self._on_confirm_anchor)
        self.panel.inspector.sig_reanchor_requested.connect(self._on_reanchor)
        self.panel.inspector.sig_reviewed.connect(self._on_inspector_reviewed)
        self.panel.inspector.sig_review_changed.connect(self._update_review_actions)
        self.review_panel = ReviewPanel(self.session)
        self.review_panel.sig_claim_opened.connect(self.open_claim)
        self.review_panel.sig_selection_changed.connect(self._update_actions)
        self.setCentralWidget(self.view)
        self.claims_dock.setWidget(self.panel)
        self.review_dock.setWidget(self.review_panel)
        self.setWindowTitle(f"{pathlib.Path(path).name} – factcheck")
        if project.read_only:
            self.setWindowTitle(self.windowTitle() + " (read-only)")
        self._remember_recent(str(pathlib.Path(path).resolve()))
        self._reload_articles()
        if self.articles.rowCount() > 0:
            self.select_article(self.articles.article_at(0).id)
        self.saved_label.setText("Read-only" if project.read_only else "")
        self._update_actions()
        self._check_history(project)
        for warning in project.open_warnings:  # a failed automatic backup: say so, keep working
            self.statusBar().showMessage(warning, 30_000)
        return True

    def _check_history(self, project: Project) -> None:
        """Verify the hash chain of the project's history; warn (never refuse) when it is broken."""
        try:
            verdict = project.verify()
        except KnownError as exc:  # a damaged page in the history: the sentence says so
            verdict = events.Verdict(False, 0, 1, f"the history could not be read: {exc}")
        self.history_verdict = verdict
        self.history_label.setVisible(not verdict.ok)
        self.history_label.setToolTip(str(verdict))
        if not verdict.ok:
            self.setWindowTitle(self.windowTitle() + " – History check failed")
            self.warn_integrity(verdict)

    def warn_integrity(self, verdict: events.Verdict) -> None:
        """Say once, when the project opens, that its history was edited outside factcheck."""
        if verdict.seq is None:  # the history is whole; some rows differ from it
            consequence = ("part of the project was changed outside factcheck: what it holds there differs from "
                           "its recorded history, so check those verdicts before publishing them.")
        else:
            consequence = ("its history of changes was edited outside factcheck: from that event on, the record "
                           "of who changed what cannot be trusted.")
        QMessageBox.warning(
            self, "History check failed",
            f"{verdict}\n\nThe project is open and can be used as usual, but {consequence}",
        )

    def _close_session(self) -> None:
        if self.session is None:
            return
        if self.panel is not None:
            self.panel.inspector.commit_pending()
        self.session.stop()
        self.session.project.close()
        self.session.deleteLater()
        self.session = None
        self.setCentralWidget(QLabel())
        self.review_dock.setWidget(self._review_placeholder())
        for widget in (self.view, self.panel, self.review_panel):
            if widget is not None:
                widget.deleteLater()
        self.view = self.panel = self.review_panel = None
        self.history_verdict = None
        self.history_label.hide()
        self.articles.set_articles([])

    @staticmethod
    def _review_placeholder() -> QLabel:
        label = QLabel("Open a project to see the claims waiting for review.")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _reload_articles(self) -> None:
        current = self.current_article_id()
        self.articles.set_articles(self.project.articles() if self.project else [])
        if current and self.articles.row_of(current) >= 0:
            self.article_list.selectionModel().blockSignals(True)
            self.article_list.setCurrentIndex(self.articles.index(self.articles.row_of(current)))
            self.article_list.selectionModel().blockSignals(False)

    def current_article_id(self) -> str | None:
        return self.view.article_id if self.view else None

    def select_article(self, article_id: str | None) -> None:
        row = self.articles.row_of(article_id) if article_id else -1
        if row >= 0 and self.article_list.currentIndex().row() != row:
            self.article_list.setCurrentIndex(self.articles.index(row))  # -> _on_article_list_current
            return
        self._show_article(article_id)

    def _show_article(self, article_id: str | None) -> None:
        if not self.view or not self.panel:
            return
        version_id = self.project.current_version(article_id).id if article_id else None
        self.view.show_version(version_id)
        self.panel.set_article(article_id)
        self._update_actions()

    def _on_article_list_current(self, current, previous) -> None:
        article = self.articles.article_at(current.row()) if current.isValid() else None
        if article and article.id != self.current_article_id():
            self._show_article(article.id)

    # --- claims -----------------------------------------------------------------------

    def new_claim_from_selection(self) -> str | None:
        """Make a claim of the selected words and open the inspector on it."""
        if not self.view or not self.session:
            return None
        span = self.view.selected_span()
        if span is None:
            self.statusBar().showMessage("Select the claim's words in the article first.", 4000)
            return None
        try:
            claim_id = self.session.do(history.CreateClaim(self.view.current_version_id, *span), initiator=self).created
        except KnownError as exc:
            self.show_error(str(exc))
            return None
        self.panel.select_claim(claim_id)
        self.view.show_claim(claim_id)
        self.panel.inspector.statement.setFocus()
        self._update_actions()
        return claim_id

    def _on_view_claims_clicked(self, claim_ids: list) -> None:
        if claim_ids:
            self._show_claim(claim_ids[0])

    def _on_view_claim_chosen(self, claim_id: str) -> None:
        self._show_claim(claim_id)

    def _show_claim(self, claim_id: str) -> None:
        self.panel.select_claim(claim_id)
        self.view.show_claim(claim_id)
        self._update_actions()

    def open_claim(self, claim_id: str) -> None:
        """Show a claim from anywhere in the project: its article, the claim in it, the inspector."""
        if not self.project or not self.panel:
            return
        try:
            claim = self.project.claim(claim_id)
        except KnownError as exc:
            self.show_error(str(exc))
            return
        if claim.article_id != self.current_article_id():
            self.select_article(claim.article_id)
        self._show_claim(claim_id)
        self.claims_dock.show()
        self.claims_dock.raise_()

    # --- review -----------------------------------------------------------------------

    def _queue_has_focus(self) -> bool:
        focus = self.focusWidget()
        return bool(self.review_panel and focus is not None
                    and (focus is self.review_panel or self.review_panel.isAncestorOf(focus)))

    def review(self, action: str) -> None:
        """A review decision from the Review menu or its shortcut.

        It applies to the claims selected in the review queue when the queue has the
        focus (several at once: bulk approve), otherwise to the claim in the inspector.
        """
        if not self.session or not self.panel or self.project.read_only:
            return
        if self._queue_has_focus() and self.review_panel.selected_claim_ids():
            self.review_panel.decide(action)
        elif self.panel.current_claim_id:
            self.panel.inspector.review(action)
        else:
            self.statusBar().showMessage("Select a claim first, in the claim list or the review queue.", 4000)
        self._update_actions()

    def _on_inspector_reviewed(self, action: str, claim_id: str) -> None:
        done = {workflow.SUBMIT: "Submitted for review", workflow.APPROVE: "Approved",
                workflow.REQUEST_CHANGES: "Sent back with your comment", workflow.PUBLISH: "Published"}[action]
        self.statusBar().showMessage(done, 4000)

    def show_review_queue(self) -> None:
        self.review_dock.show()
        self.review_dock.raise_()
        if self.review_panel:
            self.review_panel.table.setFocus()

    def _on_restore_backup(self) -> None:
        from factcheck.ui.dialogs.restore_dialog import run_restore

        if self.session:
            run_restore(self.project, self, self.open_project)

    def _on_export(self) -> None:
        if not self.session:
            return
        if self.panel:
            self.panel.inspector.commit_pending()
        try:
            from factcheck.ui.dialogs.export_dialog import run_export
        except ModuleNotFoundError as exc:
            if exc.name != "factcheck.ui.dialogs.export_dialog":
                raise
            self.show_error("Export is not available in this build of factcheck.")
            return
        run_export(self.session, self)

    def _on_panel_claim_selected(self, claim_id) -> None:
        if self.view:
            self.view.show_claim(claim_id)
        self._update_actions()

    def _on_delete_claim(self) -> None:
        if self.panel:
            self.panel.delete_selected()

    def _on_confirm_anchor(self, claim_id: str) -> None:
        claim = self.project.claim(claim_id)
        self._do(history.ReanchorClaim(claim_id, claim.version_id, claim.start, claim.end, label="Confirm new words"))

    def _on_reanchor(self, claim_id: str) -> None:
        span = self.view.selected_span() if self.view else None
        if span is None:
            self.show_error("Select the claim's words in the article first, then click Anchor to selection.")
            return
        self._do(history.ReanchorClaim(claim_id, self.view.current_version_id, *span))

    # --- importing --------------------------------------------------------------------

    def import_files(self, paths: list[str]) -> list[str]:
        """Import each file as an article; refused files are reported, the rest kept."""
        if not self.session:
            return []
        created, refused = [], []
        for path in paths:
            try:
                imported = importers.import_file(path)
                created.append(self.session.do(history.ImportArticle(imported)).created)
            except KnownError as exc:
                refused.append(f"{pathlib.Path(path).name}: {exc}")
            except OSError as exc:
                refused.append(f"{pathlib.Path(path).name}: {exc.strerror or exc}")
        if refused:
            self.show_error("Not imported:\n" + "\n".join(refused))
        if created:
            self.select_article(created[-1])
        return created

    def import_pasted(self, values: dict[str, str]) -> str | None:
        if not self.session:
            return None
        try:
            text = values.pop("text")
            imported = importers.import_pasted(text, **values)
            article_id = self.session.do(history.ImportArticle(imported)).created
        except KnownError as exc:
            self.show_error(str(exc))
            return None
        self.select_article(article_id)
        return article_id

    def import_annotations(self, path: str):
        """Import a Web Annotation file as one step (one undo removes it all) and show its report."""
        if not self.session:
            return None
        from factcheck.importers import web_annotation

        if self.panel:
            self.panel.inspector.commit_pending()
        name = pathlib.Path(path).name
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan = web_annotation.plan(self.project, web_annotation.parse(pathlib.Path(path).read_bytes()))
            command = history.ImportAnnotations(plan)
            self.session.do(command)
        except KnownError as exc:
            error = f"{name}: {exc}"
        except OSError as exc:
            error = f"Cannot read {name}: {exc.strerror or exc}."
        else:
            error = ""
        finally:
            QApplication.restoreOverrideCursor()
        if error:
            self.show_error(error)
            return None
        report = plan.report(command.claim_ids, len(command.source_ids))
        if report.imported:
            self.select_article(self.project.claim(report.imported[0]).article_id)
        self.show_report("Import annotations", report.lines())
        return report

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.session and event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.import_files(paths)

    # --- slots ------------------------------------------------------------------------

    def _do(self, command: history.Command) -> None:
        try:
            self.session.do(command)
        except KnownError as exc:
            self.show_error(str(exc))

    def _on_session_changed(self, changes: model.Changes) -> None:
        self.saved_label.setText(f"Saved {QTime.currentTime().toString('HH:mm:ss')}")
        # The article list shows titles and claim counts: edits inside a claim change neither.
        if changes.what & model.What.ANCHORS and not changes.what & model.What.ARTICLES:
            # Claims made, deleted or restored: the claim list counts the shown article's.
            self._update_claim_counts(changes.articles - {self.current_article_id()})
        elif changes.what & model.What.ARTICLES:
            self._reload_articles()
            current = self.current_article_id()
            if current and self.articles.row_of(current) < 0:
                first = self.articles.article_at(0)
                self.select_article(first.id if first else None)
            elif current is None and self.articles.rowCount():
                self.select_article(self.articles.article_at(0).id)
        self._update_actions()

    def _update_claim_counts(self, article_ids) -> None:
        """Read just these articles again (their claim counts), not the whole list."""
        for article_id in article_ids:
            if self.articles.row_of(article_id) < 0:
                continue  # not listed (a deleted article): nothing to show
            try:
                self.articles.update_article(self.project.article(article_id))
            except NotFound:
                continue
            except KnownError as exc:
                self.statusBar().showMessage(str(exc), 8000)
                return

    def _on_undo(self) -> None:
        if self.panel:
            self.panel.inspector.commit_pending()
        try:
            if self.session:
                self.session.undo()
        except KnownError as exc:
            self.show_error(str(exc))

    def _on_redo(self) -> None:
        try:
            if self.session:
                self.session.redo()
        except KnownError as exc:
            self.show_error(str(exc))

    def _on_find(self) -> None:
        if self.view:
            self.view.show_find()

    def _on_new_project(self) -> None:
        path = self.ask_save_path()
        if path:
            if not pathlib.Path(path).suffix:
                path += SUFFIX
            self.open_project(path, create=True)

    def _on_open_project(self) -> None:
        path = self.ask_open_path()
        if path:
            self.open_project(path)

    def _on_import_file(self) -> None:
        paths = self.ask_import_paths()
        if paths:
            self.import_files(paths)

    def _on_paste_article(self) -> None:
        values = PasteDialog.ask(self)
        if values:
            self.import_pasted(values)

    def _on_import_annotations(self) -> None:
        path = self.ask_annotations_path()
        if path:
            self.import_annotations(path)

    def _on_source_library(self) -> None:
        from factcheck.ui.dialogs.source_library import SourceLibraryDialog

        if self.session:
            SourceLibraryDialog(self.session, self).exec()

    def _on_change_name(self) -> None:
        name = NameDialog.ask(self.user, self)
        if name and name != self.user:
            self.user = name
            self.settings.setValue("user/name", name)
            if self.project:
                self.project.user = name
            if self.panel and self.panel.current_claim_id:
                self.panel.inspector.show_claim(self.panel.current_claim_id)  # what this person may decide on it

    def _on_about(self) -> None:
        from factcheck import __version__

        QMessageBox.about(self, "About factcheck", f"factcheck {__version__}\nAn offline workbench for fact-checkers.")

    # --- file dialogs (class methods so tests can replace them) --------------------------

    def ask_open_path(self) -> str:
        return QFileDialog.getOpenFileName(self, "Open project", "", PROJECT_FILTER)[0]

    def ask_save_path(self) -> str:
        return QFileDialog.getSaveFileName(self, "New project", "", PROJECT_FILTER)[0]

    def ask_import_paths(self) -> list[str]:
        return QFileDialog.getOpenFileNames(self, "Import article", "", IMPORT_FILTER)[0]

    def ask_annotations_path(self) -> str:
        return QFileDialog.getOpenFileName(self, "Import annotations", "", ANNOTATIONS_FILTER)[0]

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, "factcheck", message)

    def show_report(self, title: str, lines: list[str]) -> None:
        """A report of several lines, as plain text; a long one shows its start, the rest under Show Details."""
        shown = lines[:MAX_REPORT_LINES]
        if len(lines) > len(shown):
            shown.append(f"… and {len(lines) - len(shown)} more lines (Show Details…).")
        box = QMessageBox(QMessageBox.Icon.Information, title, "\n".join(shown), QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if len(lines) > MAX_REPORT_LINES:
            box.setDetailedText("\n".join(lines))
        box.exec()

    # --- settings ---------------------------------------------------------------------

    def _remember_recent(self, path: str) -> None:
        recent = [p for p in self.recent_projects() if p != path]
        self.settings.setValue("projects/recent", [path, *recent][:MAX_RECENT])
        self.settings.setValue("projects/last", path)
        self._fill_recent_menu()

    def recent_projects(self) -> list[str]:
        value = self.settings.value("projects/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or []]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_projects()
        for path in recent:
            action = self.recent_menu.addAction(pathlib.Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(bool(recent))

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        else:
            self.resizeDocks([self.articles_dock, self.claims_dock], [250, 580], Qt.Orientation.Horizontal)
            self.resizeDocks([self.review_dock], [210], Qt.Orientation.Vertical)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        self._close_session()
        event.accept()
        app = QApplication.instance()
        if app is not None:
            app.processEvents()
