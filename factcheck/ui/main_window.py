"""The main window: articles (left), the article (centre), claims and inspector (right), review queue (below)."""

from __future__ import annotations

import pathlib
import threading
import time

from PySide6.QtCore import QByteArray, QEvent, QLocale, QSettings, QSize, Qt, QTime, QTimer, Signal, qVersion
from PySide6.QtGui import (QAction, QActionGroup, QCloseEvent, QColor, QDragEnterEvent, QDropEvent, QFontMetricsF, QKeySequence,
                           QPainter, QPalette)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from factcheck import paths, translation
from factcheck.demo import is_demo
from factcheck.core import events, history, model, workflow
from factcheck.core.errors import ImportCancelled, KnownError, NotFound
from factcheck.core.project import SUFFIX, Project
from factcheck.core.text import N_
from factcheck.ui import import_worker, language, models, page_view, search_panel, shared_drive, sync_panel, theme, version_updates
from factcheck.ui import keyboard, similar_claims, threads, upgrading
from factcheck.ui.article_view import MEASURE, MIN_SIDE_MARGIN, ArticleView, reading_font
from factcheck.ui.claim_panel import ClaimPanel, ask_words_change
from factcheck.ui.dialogs.import_dialog import ImportMetadataDialog, NameDialog, PasteDialog
from factcheck.ui.review_panel import ReviewPanel
from factcheck.ui.session import Session

MAX_RECENT = 8
#: The QSettings key of View > Language: "system", or a code of ``translation.LANGUAGES``.
LANGUAGE_KEY = "ui/language"
#: Lines of a report shown at once; the rest are under Show Details.
MAX_REPORT_LINES = 25
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a widget's size
#: The docks' first widths, as shares of the window's width (the article gets the rest),
#: and the review queue's first height, as a share of its height.
ARTICLES_SHARE, CLAIMS_SHARE, REVIEW_SHARE = 0.15, 0.36, 0.2
#: A side dock never takes more of the width, nor the review queue more of the height.
MAX_DOCK_SHARE = 0.4
#: A saved or kept layout is used only if it leaves the article this share of the width.
MIN_ARTICLE_SHARE = 0.3
#: A window shorter than this is on a small screen: the review queue starts at its least height, so the
#: claim list and the inspector (rating, verdict summary) get the rest.
SMALL_HEIGHT = 800
#: A saved layout whose dock above or below the article is taller than this share of the window's height
#: (as Find in project left the review queue) starts with that dock at its first height.
MAX_SAVED_ACROSS_SHARE = 0.3
#: The article's width below which no layout may squeeze it.
MIN_ARTICLE_WIDTH = 320


def _sentence(exc: BaseException):
    """An error's sentence as core wrote it (a ``Text`` stays one, so it can still be translated)."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)


class _ArticleRowDelegate(QStyledItemDelegate):
    """The article list's rows a few pixels apart. ``QListView.setSpacing`` did it, but it paints the text
    narrower than it measures it, so a headline that just fitted lost its last line (and the claim count)."""

    GAP = 4

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        return super().sizeHint(option, index) + QSize(0, self.GAP)


class DemoBannerFrame(QFrame):
    """A slim notice above the article: the open project is the demo, and how to start one's own."""

    sig_new_project_requested = Signal()
    """New project… was clicked: the same as File > New project."""

    sig_dismissed = Signal()
    """The notice was closed (it stays hidden until the demo is opened again)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demo-banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Demo project notice"))
        self.label = QLabel(self.tr("This is the demo project with example data. File > New project starts your own."))
        self.label.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New project…"))
        self.new_button.setAccessibleName(self.tr("New project"))
        self.new_button.setToolTip(self.tr("Start a project of your own (File > New project)"))
        self.new_button.clicked.connect(self.sig_new_project_requested)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Hide this notice"))
        self.close_button.setAccessibleName(self.tr("Hide the demo notice"))
        self.close_button.clicked.connect(self._on_close_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 3, 3, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.new_button)
        layout.addWidget(self.close_button)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        """A wash of the palette's highlight over its window colour, from the palette of the moment
        (so a switch to a dark theme darkens it too), under the frame."""
        palette = self.palette()
        window, accent = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Highlight)
        wash = QColor.fromRgbF(*(w + (a - w) * 0.16 for w, a in zip(window.getRgbF()[:3], accent.getRgbF()[:3])))
        painter = QPainter(self)
        painter.fillRect(self.rect(), wash)
        painter.end()
        super().paintEvent(event)

    def _on_close_clicked(self) -> None:
        self.hide()
        self.sig_dismissed.emit()


class HistoryVoice(threads.Voice):
    """What one history check's thread tells its window (a child of the window, hushed when the check is dropped)."""

    sig_backed_up = Signal(object, object)
    """The day's first backup, made in the background after opening, is done: (its token, warnings to show)."""

    sig_checked = Signal(object, object, bool)
    """The background check of an opened project's history finished: (its token, the verdict, whether it was a
    full check long enough to say when it is done)."""

    sig_progress = Signal(object, float)
    """The background history check went on: (its token, the share of it done, from 0 to 1; ``BACKING_UP`` while
    the day's backup is made, before the check)."""


class _HistoryCheck:
    """One history check's thread (``MainWindow._check_history``): the day's backup, then the check.

    It knows the project by its path and speaks only through its voice: never the window
    (which may be closed and gone before a backup ends) nor the window's connection.
    """

    def __init__(self, path, user: str, backup_due: bool, token: object, stop: threading.Event,
                 backing_up: threading.Event, voice: HistoryVoice, say_after_s: float):
        self.path, self.user, self.backup_due, self.token = path, user, backup_due, token
        self.stop, self.backing_up, self.voice, self.say_after_s = stop, backing_up, voice, say_after_s
        self._said_at = time.monotonic() + say_after_s  # when the status bar is next told how far it is

    def progress(self, done: int, total: int) -> bool:
        if time.monotonic() >= self._said_at:
            self._said_at = time.monotonic() + 0.25
            self.voice.say("sig_progress", self.token, done / total if total else 0.0)
        time.sleep(0)  # between chunks of rows, let the window's thread have Python
        return not self.stop.is_set()

    def run(self) -> None:
        from factcheck.core import verified
        from factcheck.core.errors import Cancelled

        full, started = True, time.monotonic()
        try:
            with Project.open(self.path, read_only=True, user=self.user) as copy:
                from factcheck.core import backup

                if self.backup_due and backup.due(copy):  # first: the day's copy of the work, whatever the check finds
                    self.backing_up.set()
                    self.voice.say("sig_progress", self.token, MainWindow.BACKING_UP)
                    warnings = backup.daily(copy)
                    self.backing_up.clear()
                    if self.stop.is_set():  # the window did not wait for the copy to end: nobody waits for a check
                        return
                    self.voice.say("sig_backed_up", self.token, warnings)
                outcome = verified.check(copy, progress=self.progress)
            verdict = outcome.verdict
            full = outcome.full and time.monotonic() - started >= self.say_after_s
        except Cancelled:  # the project was closed meanwhile: nobody waits for this verdict
            return
        except KnownError as exc:  # a damaged page in the history: the sentence says so
            verdict = events.Verdict(False, 0, 1, N_("the history could not be read: {error}", error=_sentence(exc)))
        except Exception as exc:  # noqa: BLE001 - a bug in the check must not pass for a clean history
            from factcheck import paths

            paths.log_bug(exc)
            verdict = events.Verdict(False, 0, 1, N_("the check itself failed ({error}); see the log.",
                                                     error=type(exc).__name__))
        self.voice.say("sig_checked", self.token, verdict, full)


class MainWindow(QMainWindow):
    """One window on one open project."""

    #: ``HistoryVoice.sig_progress``'s share while the day's backup is made (no share of it is known).
    BACKING_UP = -1.0

    #: A history check that takes longer than this (seconds) shows how far it is, and says when it is done.
    SAY_CHECKED_AFTER_S = 1.0
    #: The history check starts once the opened project is painted, or after this long (ms) at the latest.
    CHECK_AT_LATEST_MS = 500
    #: How long closing the project waits for the history check to stop (s); then it ends alone, unheard.
    STOP_WAIT_S = 5.0

    def __init__(self, settings: QSettings, user: str, parent: QWidget | None = None, *, session_only: bool = False):
        """``session_only``: ``user`` was given for this run (--user, FACTCHECK_USER), not saved."""
        super().__init__(parent)
        self._history_thread: threading.Thread | None = None
        self._history_voice: HistoryVoice | None = None  # the thread's only way to the window
        self._history_token: object = None
        self._history_stop = threading.Event()
        self._history_pending: tuple[Project, bool] | None = None  # (opened project, backup due): a check to start
        self._history_backing_up = threading.Event()  # the check's thread is making the day's backup
        self._backup_due = False
        self.settings = settings
        self.user = user
        self.user_session_only = session_only
        self.session: Session | None = None
        self.view: ArticleView | None = None
        self.panel: ClaimPanel | None = None
        self.review_panel: ReviewPanel | None = None
        self.history_verdict: events.Verdict | None = None
        self.stats_dialog = None  # the statistics window, made when first asked for
        self.shown_versions = 0  # how many versions the shown article has (Compare versions needs two)
        self.setWindowTitle("factcheck")
        self.setAcceptDrops(True)
        self.resize(1400, 860)

        self.articles = models.ArticleListModel(self)
        self.article_list = QListView()
        self.article_list.setModel(self.articles)
        self.article_list.setWordWrap(True)
        self.article_list.setResizeMode(QListView.ResizeMode.Adjust)  # headlines wrap again at the dock's width, never cut
        self.article_list.setItemDelegate(_ArticleRowDelegate(self.article_list))
        self.article_list.setLayoutMode(QListView.LayoutMode.Batched)  # a desk's 1,000 articles: laid out as needed
        self.article_list.setAccessibleName(self.tr("Articles"))
        self.article_list.setAccessibleDescription(self.tr("The project's articles; the chosen one is shown with its claims"))
        self.article_list.selectionModel().currentRowChanged.connect(self._on_article_list_current)
        keyboard.choose_on_focus(self.article_list)  # reached by Tab or F6: the article shown is the one marked
        self.article_list.doubleClicked.connect(self._on_article_list_double_clicked)
        self.article_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.articles_dock = QDockWidget(self.tr("Articles"), self)
        self.articles_dock.setObjectName("articles")
        self.articles_dock.setWidget(self.article_list)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.articles_dock)
        self.claims_dock = QDockWidget(self.tr("Claims"), self)
        self.claims_dock.setObjectName("claims")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.claims_dock)
        self.review_dock = QDockWidget(self.tr("Review"), self)
        self.review_dock.setObjectName("review")
        self.review_dock.setWidget(self._review_placeholder())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.review_dock)
        self.placeholder = QLabel(self.tr("Open a project (File > Open project) or create one (File > New project)."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        # One central widget for good: replacing it made the dock layout hand the article's
        # width to the docks (68 px left after File > New project). Views come and go inside.
        self.centre = QStackedWidget()
        self.centre.setMinimumWidth(MIN_ARTICLE_WIDTH)
        self.centre.addWidget(self.placeholder)
        self.demo_banner = DemoBannerFrame()  # shown above the article while the demo is open
        self.demo_banner.hide()
        self.demo_banner.sig_new_project_requested.connect(lambda: self.new_project_action.trigger())
        self.demo_banner.sig_dismissed.connect(lambda: self.view and self.view.text_edit.setFocus())
        centre_box = QWidget()
        centre_layout = QVBoxLayout(centre_box)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.demo_banner)
        centre_layout.addWidget(self.centre, 1)
        self.setCentralWidget(centre_box)
        for dock in (self.articles_dock, self.claims_dock, self.review_dock):
            dock.dockLocationChanged.connect(self._cap_docks)
            dock.topLevelChanged.connect(self._cap_docks)
        self._laid_out = False  # the first show sets the docks' sizes from the window's
        self._fitted_for: tuple = ()  # the docks' contents' minimum sizes last made room for

        self.saved_label = QLabel()
        self.history_label = QLabel(self.tr("History check failed"))
        bold = self.history_label.font()
        bold.setWeight(bold.Weight.DemiBold)
        self.history_label.setFont(bold)
        theme.set_text_role(self.history_label, "error_text")
        self.history_label.hide()
        self.checking_label = QLabel()  # "Checking the history… 40%" while a long check (or the day's backup) runs
        self.checking_label.setToolTip(self.tr(
            "In the background, factcheck makes the day's first backup of the project, then checks its recorded "
            "history: all of it the first time this computer opens the file and once a day, otherwise what changed "
            "since. Keep working; you will be told if something is wrong."))
        theme.set_text_role(self.checking_label, "muted_text")
        self.checking_label.hide()
        self.statusBar().addPermanentWidget(self.checking_label)
        self.statusBar().addPermanentWidget(self.history_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.user_label = QLabel()  # who is working: every change is written in this name
        self.statusBar().addPermanentWidget(self.user_label)
        self._show_user()
        self._queue_focused = False
        self.shared_drive = shared_drive.SharedDrive(self)  # a project on a network drive: its local copy
        self.sync = sync_panel.SyncController(self)  # a project linked to the desk's server: its syncs
        self.versions = version_updates.VersionUpdates(self)  # Article > Update from file/pasted text, the review
        self.importer = import_worker.ImportRunner(self)  # reads files on a worker thread
        self.page_dock = page_view.PageDock(self, settings, self.claims_dock)  # a PDF's page beside its text
        self.search_dock = search_panel.SearchDock(self, self.review_dock)  # Edit > Find in project
        self.statusBar().insertPermanentWidget(2, self.sync.status)  # after "Saved", before "Working as"
        self._make_actions()
        self._make_menus()
        self._restore_layout()
        self.page_dock.update_visibility()  # as the shown version and View > Show original page say
        self._update_actions()
        QApplication.instance().focusChanged.connect(self._on_app_focus_changed)

    # --- actions and menus ------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        """A window action; a ``StandardKey`` brings every binding the platform has for it."""
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(QKeySequence.keyBindings(shortcut))
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.new_project_action = self._action(self.tr("&New project…"), self._on_new_project, K.New)
        self.open_project_action = self._action(self.tr("&Open project…"), self._on_open_project, K.Open)
        self.import_action = self._action(self.tr("&Import article…"), self._on_import_file, "Ctrl+I",
                                          self.tr("Import a text, Markdown or saved web page file"))
        self.paste_action = self._action(self.tr("&Paste article…"), self._on_paste_article, "Ctrl+Shift+V",
                                         self.tr("Import pasted text as a new article"))
        self.import_annotations_action = self._action(
            self.tr("Import &annotations…"), self._on_import_annotations, None,
            self.tr("Import claims from a W3C Web Annotation file (one undo removes them all)"))
        self.attach_evidence_action = self._action(
            self.tr("Attach e&vidence…"), self._on_attach_evidence, None,
            self.tr("Keep files (PDFs, screenshots, saved pages, recordings) with the source the selected claim cites"))
        self.merge_action = self._action(
            self.tr("&Merge project…"), self._on_merge_project, None,
            self.tr("Bring in the work of another copy of this project, choosing where both copies changed"))
        self.send_changes_action = self._action(
            self.tr("Send &changes…"), self._on_send_changes, None,
            self.tr("Write what another copy of this project lacks to a small file, to e-mail or carry"))
        self.save_copy_action = self._action(
            self.tr("Save a copy to &file…"), self._on_save_copy, None,
            self.tr("Write a complete, checked copy of the open project to a new file (copying the project's file "
                    "while it is open can leave out the latest changes)"))
        # Linux has no standard binding for Quit: Ctrl+Q, as its desktops do.
        self.quit_action = self._action(self.tr("&Quit"), self.close, K.Quit if QKeySequence.keyBindings(K.Quit) else "Ctrl+Q")
        self.undo_action = self._action(self.tr("&Undo"), self._on_undo, K.Undo)
        self.redo_action = self._action(self.tr("&Redo"), self._on_redo, K.Redo)
        for action, name in ((self.undo_action, self.tr("Undo")), (self.redo_action, self.tr("Redo"))):
            action.setIconText(name)  # their text names the step; Help > Keyboard shortcuts, the action
        self.find_action = self._action(self.tr("&Find in article…"), self._on_find, K.Find)
        self.find_next_action = self._action(self.tr("Find &next"), lambda: self._on_find_step(True), K.FindNext)
        self.find_previous_action = self._action(self.tr("Find pre&vious"), lambda: self._on_find_step(False), K.FindPrevious)
        self.new_claim_action = self._action(self.tr("New &claim from selection"), self.new_claim_from_selection, "Ctrl+E",
                                             self.tr("Make a claim from the words selected in the article"))
        self.delete_claim_action = self._action(self.tr("&Delete claim"), self._on_delete_claim, None, self.tr(
            "Delete the selected claim (undo brings it back); a signed-off verdict is retracted, with a reason"))
        self.library_action = self._action(self.tr("Source &library…"), self._on_source_library, "Ctrl+L")
        self.export_action = self._action(self.tr("&Export…"), self._on_export, "Ctrl+Shift+E",
                                          self.tr("Export reports of the project's verdicts"))
        self.restore_action = self._action(self.tr("Res&tore from backup…"), self._on_restore_backup, None,
                                           self.tr("Open one of the project's backups as a new file"))
        self.submit_action = self._action(self.tr("&Submit for review"), lambda: self.review(workflow.SUBMIT), "Ctrl+Shift+S",
                                          self.tr("Send the claim's verdict to an editor"))
        self.approve_action = self._action(self.tr("&Approve"), lambda: self.review(workflow.APPROVE), "Ctrl+Shift+A",
                                           self.tr("Approve the claim, or the claims selected in the review queue, after the checklist"))
        self.request_changes_action = self._action(self.tr("Request &changes…"), lambda: self.review(workflow.REQUEST_CHANGES),
                                                   "Ctrl+Shift+R", self.tr("Send the verdict back to its checker with a comment"))
        self.publish_action = self._action(self.tr("&Publish"), lambda: self.review(workflow.PUBLISH), "Ctrl+Shift+P",
                                           self.tr("Mark the approved verdict as published"))
        self.show_review_action = self._action(self.tr("Show review &queue"), self.show_review_queue, None,
                                               self.tr("Claims waiting for a decision, across every article"))
        self.name_action = self._action(self.tr("Your na&me…"), self._on_change_name)
        self.about_action = self._action(self.tr("&About factcheck"), self._on_about)
        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts"), self._on_shortcuts, K.HelpContents,
                                             self.tr("Every shortcut of the app, from its actions"))
        self.next_pane_action = self._action(self.tr("Next &pane"), lambda: self.cycle_panes(1), "F6",
                                             self.tr("Articles, article, claims, inspector, review queue"))
        self.previous_pane_action = self._action(self.tr("Previous pa&ne"), lambda: self.cycle_panes(-1), "Shift+F6",
                                                 self.tr("Review queue, inspector, claims, article, articles"))
        self.project_settings_action = self._action(
            self.tr("Project &settings…"), self._on_project_settings, None,
            self.tr("The organisation, its logo and methodology, the rating scale, four-eyes, fact-check URLs, "
                    "report language and verification tasks"))
        self.article_properties_action = self._action(
            self.tr("&Properties…"), self._on_article_properties, None,
            self.tr("The article's title, outlet, author, URL, date, language and published fact-check URL"))
        self.article_list.addAction(self.article_properties_action)
        self.compare_versions_action = self._action(
            self.tr("&Compare versions…"), self._on_compare_versions, None,
            self.tr("Two versions of the article side by side, the changed words marked (an article with more than one)"))
        self.stats_action = self._action(self.tr("S&tatistics…"), self._on_statistics, "Ctrl+Shift+T",
                                         self.tr("Claims by rating, status, checker and article; days to publish; open requests"))
        self.review_actions = {workflow.SUBMIT: self.submit_action, workflow.APPROVE: self.approve_action,
                               workflow.REQUEST_CHANGES: self.request_changes_action, workflow.PUBLISH: self.publish_action}
        self._review_tips = {name: action.toolTip() for name, action in self.review_actions.items()}
        # A decision's key while it cannot be taken: the status bar gives the reason (``_update_review_actions``).
        keyboard.say_why_disabled(self.review_actions.values(), lambda text: self.statusBar().showMessage(text, 8000))

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_project_action)
        file_menu.addAction(self.open_project_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.paste_action)
        file_menu.addAction(self.attach_evidence_action)
        file_menu.addAction(self.import_annotations_action)
        file_menu.addAction(self.merge_action)
        file_menu.addAction(self.send_changes_action)
        file_menu.addAction(self.save_copy_action)
        file_menu.addSeparator()
        file_menu.addAction(self.sync.sync_now_action)
        file_menu.addAction(self.sync.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.restore_action)
        file_menu.addAction(self.shared_drive.merge_back_action)
        file_menu.addSeparator()
        file_menu.addAction(self.project_settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.find_next_action)
        edit_menu.addAction(self.find_previous_action)
        edit_menu.addAction(self.search_dock.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.new_claim_action)
        edit_menu.addAction(self.delete_claim_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.name_action)
        article_menu = bar.addMenu(self.tr("&Article"))
        article_menu.addAction(self.article_properties_action)
        article_menu.addAction(self.compare_versions_action)
        article_menu.addSeparator()
        article_menu.addActions(self.versions.actions)
        sources_menu = bar.addMenu(self.tr("&Sources"))
        sources_menu.addAction(self.library_action)
        review_menu = bar.addMenu(self.tr("&Review"))
        for action in (self.submit_action, self.approve_action, self.request_changes_action, self.publish_action):
            review_menu.addAction(action)
        review_menu.addSeparator()
        review_menu.addAction(self.show_review_action)
        review_menu.setToolTipsVisible(True)  # a refused decision says why
        self.review_menu = review_menu
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.articles_dock.toggleViewAction())
        view_menu.addAction(self.claims_dock.toggleViewAction())
        view_menu.addAction(self.review_dock.toggleViewAction())
        view_menu.addAction(self.page_dock.toggle_action)
        view_menu.addSeparator()
        view_menu.addAction(self.next_pane_action)
        view_menu.addAction(self.previous_pane_action)
        view_menu.addSeparator()
        view_menu.addAction(self.stats_action)
        view_menu.addSeparator()
        self._add_scheme_menu(view_menu)
        self._add_language_menu(view_menu)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("Main"))
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
        for action in (self.import_action, self.paste_action, self.library_action, self.find_action,
                       self.find_next_action, self.find_previous_action):
            action.setEnabled(has_project)
        self.import_annotations_action.setEnabled(has_project and not self.project.read_only)
        self.merge_action.setEnabled(has_project and not self.project.read_only)
        self.send_changes_action.setEnabled(has_project and not self.project.read_only)
        self.save_copy_action.setEnabled(has_project)
        # Enabled while an article is shown, words selected or not: Ctrl+E without a selection
        # then says what it needs (a disabled action's shortcut does nothing at all).
        self.new_claim_action.setEnabled(bool(has_project and not self.project.read_only and self.view
                                              and self.view.current_version_id))
        self.delete_claim_action.setEnabled(bool(self.panel and self.panel.current_claim_id))
        self.attach_evidence_action.setEnabled(bool(has_project and not self.project.read_only and self.panel
                                                    and self.panel.current_claim_id))
        self._update_review_actions()
        self.show_review_action.setEnabled(has_project)
        self.export_action.setEnabled(has_project)
        self.restore_action.setEnabled(has_project)
        self.project_settings_action.setEnabled(has_project)
        self.shared_drive.update_action()
        self.sync.update_action()
        self.article_properties_action.setEnabled(bool(has_project and self.current_article_id()))
        self.compare_versions_action.setEnabled(bool(has_project and self.current_article_id()) and self.shown_versions > 1)
        self.versions.update_action()
        self.stats_action.setEnabled(has_project)
        hist = self.session.history if self.session else None
        self.undo_action.setEnabled(bool(hist and hist.can_undo))
        self.redo_action.setEnabled(bool(hist and hist.can_redo))
        self.undo_action.setText(self.tr("&Undo {action}").format(action=language.ui(hist.undo_label))
                                 if hist and hist.can_undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo {action}").format(action=language.ui(hist.redo_label))
                                 if hist and hist.can_redo else self.tr("&Redo"))

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
            if self.session is None:  # the tip is also what its key says while it cannot act
                enabled, tip = False, self.tr("Open a project (File > Open project) or create one (File > New project).")
            elif not writable:
                enabled, tip = False, self.tr("The project is open read-only: no decision can be written to it.")
            elif queued and (self._queue_focused or not shown):
                enabled, tip = True, self.tr("{action} (the claims selected in the review queue)").format(
                    action=self._review_tips[name])
            elif shown:
                reason = inspector.availability.get(name, "")
                enabled, tip = not reason, language.ui(reason) if reason else self._review_tips[name]
            else:
                enabled, tip = False, self.tr("Select a claim first, in the claim list or the review queue.")
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

    def open_project(self, path: str | pathlib.Path, *, create: bool = False, read_only: bool = False) -> bool:
        """Open (or create) a project; on failure say why and keep what was open.

        ``read_only``: to look, not change (an earlier check opened from similar claims).
        """
        if not self.shared_drive.before_close():  # a local copy open now is merged back first
            return False
        target = path if create or read_only else self.shared_drive.where_to_open(path)  # network drive: ask how
        if target is None:
            return False
        try:
            project = Project.create(path, user=self.user) if create else \
                upgrading.open_project(self, target, user=self.user, read_only=read_only)  # an older file: in view
        except KnownError as exc:
            self.show_error(language.ui(exc))
            return False
        # The day's first backup: made by the history check's thread (seconds for a large file), not here.
        self._backup_due = not create and not project.read_only
        try:
            shown = self._show_project(project, path)
            self.shared_drive.opened()
            return shown
        except KnownError as exc:  # it opened, but the views cannot read it (a damaged page)
            if self.project is project:
                self._close_session()
            else:
                project.close()
            self.setWindowTitle("factcheck")
            self._update_actions()
            self.show_error(language.ui(exc))
            return False

    def _show_project(self, project: Project, path: str | pathlib.Path) -> bool:
        """Close what was open and build the views on ``project``."""
        docks = self._dock_sizes()  # the new project's views are shown in the same places
        self._close_session()
        self.session = Session(project, self)
        self.session.sig_changed.connect(self._on_session_changed)
        self.session.sig_history_changed.connect(self._update_actions)
        self.view = ArticleView(self.session)
        self._name_article_view(self.view)
        self.view.set_context_actions([self.new_claim_action])
        self.view.sig_selection_changed.connect(lambda _has: self._update_actions())
        self.view.sig_claims_clicked.connect(self._on_view_claims_clicked)
        self.view.sig_claim_chosen.connect(self._on_view_claim_chosen)
        self.panel = ClaimPanel(self.session)
        self.panel.sig_claim_selected.connect(self._on_panel_claim_selected)
        self.panel.sig_count_changed.connect(self.articles.set_claim_count)
        self.panel.sig_status.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.panel.inspector.sig_confirm_requested.connect(self._on_confirm_anchor)
        self.panel.inspector.sig_reanchor_requested.connect(self._on_reanchor)
        self.panel.inspector.sig_reviewed.connect(self._on_inspector_reviewed)
        self.panel.inspector.sig_review_changed.connect(self._update_review_actions)
        self.panel.inspector.similar.sig_claim_opened.connect(self.open_claim)  # an earlier check in this project
        if not is_demo(project):  # its example verdicts are not earlier checks of the desk's
            similar_claims.follow(self.session)  # the verdict library indexes this project and keeps it current
        self.review_panel = ReviewPanel(self.session)
        self.review_panel.sig_claim_opened.connect(self.open_claim)
        self.review_panel.sig_selection_changed.connect(self._update_actions)
        self.review_panel.sig_claim_chosen.connect(self._on_queue_claim_chosen)
        self.centre.addWidget(self.view)
        self.centre.setCurrentWidget(self.view)
        self.claims_dock.setWidget(self.panel)
        self.review_dock.setWidget(self.review_panel)
        self.search_dock.set_session(self.session)
        self.page_dock.set_session(self.session, lambda: (self.view and self.view.current_version_id,
                                                          self.panel and self.panel.current_claim_id))
        if docks is not None:
            self._resize_docks(docks)
        self._ensure_article_room()
        if self.stats_dialog is not None:
            self.stats_dialog.set_session(self.session)
        name = pathlib.Path(path).name
        self.setWindowTitle(self.tr("{name} – factcheck (read-only)").format(name=name) if project.read_only
                            else self.tr("{name} – factcheck").format(name=name))
        self._remember_recent(str(pathlib.Path(path).resolve()))
        self._reload_articles()
        if self.articles.rowCount() > 0:
            self.select_article(self.articles.article_at(0).id)
        self.saved_label.setText(self.tr("Read-only") if project.read_only else "")
        self.demo_banner.setVisible(is_demo(project))
        self._update_actions()
        self.sync.attach()
        self._check_history(project)
        for warning in project.open_warnings:  # a failed automatic backup: say so, keep working
            self.statusBar().showMessage(language.ui(warning), 30_000)
        return True

    def _check_history(self, project: Project) -> None:
        """Verify the project's history in the background once its first screen is painted; warn, never refuse.

        From where this installation last verified it (``core/verified.py``): the events
        since then, on a read-only connection of its own in a thread, while the window is
        already usable. With nothing to start from (first open here, a changed history, a
        day since the last full check) the whole history, its state and its files: minutes
        for a desk's year, so the status bar shows how far it is and says when it is done.
        The verdict arrives through the check's ``HistoryVoice``; closing the project stops the
        check. The same thread first makes the day's first backup of a project opened for
        writing (``backup.daily``: a copy of the whole file), whose warnings arrive the same
        way. The thread holds nothing of the window but that voice, hushed when the check is
        dropped, so a window closed during a backup it does not wait for goes at once.

        The thread starts after the window's next paint (``event``), or ``CHECK_AT_LATEST_MS``
        after opening for a window not painted (minimised): started with the window's first
        queries, its Python work would take turns with theirs and paint the window later.
        """
        self._wait_for_history_check(cancel=True)
        self._history_pending = (project, self._backup_due)
        self._backup_due = False
        QTimer.singleShot(self.CHECK_AT_LATEST_MS, self._start_history_check)

    def _start_history_check(self) -> None:
        """Start the check ``_check_history`` left waiting (if it still waits, for the project still open)."""
        if self._history_pending is None:
            return
        (project, backup_due), self._history_pending = self._history_pending, None
        if project is not self.project:
            return
        self._drop_history_voice()
        token, stop, backing_up = object(), threading.Event(), threading.Event()
        self._history_token, self._history_stop, self._history_backing_up = token, stop, backing_up
        voice = self._history_voice = HistoryVoice(self)
        voice.sig_progress.connect(self._on_history_progress, Qt.ConnectionType.QueuedConnection)
        voice.sig_backed_up.connect(self._on_backed_up, Qt.ConnectionType.QueuedConnection)
        voice.sig_checked.connect(self._on_history_checked, Qt.ConnectionType.QueuedConnection)
        check = _HistoryCheck(project.path, project.user, backup_due, token, stop, backing_up, voice,
                              self.SAY_CHECKED_AFTER_S)
        self._history_thread = threading.Thread(target=check.run, name="history-check", daemon=True)
        self._history_thread.start()

    def _drop_history_voice(self) -> None:
        """Silence the last check's thread for good (it may go on alone: a backup) and let its voice go."""
        voice, self._history_voice = self._history_voice, None
        if voice is not None:
            voice.hush()
            voice.deleteLater()

    def _wait_for_history_check(self, *, cancel: bool = False) -> None:
        """Let the history check finish (started now if it waits for a paint), or (``cancel``) stop it first.

        The day's backup cannot be stopped halfway (minutes for a desk's year): a cancel does
        not wait for it, and its thread ends alone once the copy is made, on its own read-only
        connection (a copy cut short by quitting the app is removed by a later backup). A
        check stops at its next chunk of rows; a cancel waits ``STOP_WAIT_S`` at most for that.
        """
        if cancel:
            self._history_pending = None
            self._history_stop.set()
            self._drop_history_voice()
        else:
            self._start_history_check()
        thread = self._history_thread
        if thread is not None:
            if not cancel:
                thread.join()
            elif not self._history_backing_up.is_set():
                thread.join(self.STOP_WAIT_S)
            self._history_thread = None

    def _on_backed_up(self, token: object, warnings: list) -> None:
        if token is self._history_token and self.session is not None:
            for warning in warnings:  # a failed automatic backup: say so, keep working
                self.statusBar().showMessage(language.ui(warning), 30_000)

    def _on_history_progress(self, token: object, share: float) -> None:
        if token is not self._history_token or self.session is None:
            return
        if share == self.BACKING_UP:  # said only if it takes long, as the check is
            QTimer.singleShot(round(self.SAY_CHECKED_AFTER_S * 1000), self, lambda: self._say_backing_up(token))
            return
        self.checking_label.setText(self.tr("Checking the history… {percent}%").format(
            percent=QLocale().toString(int(share * 100))))
        self.checking_label.show()

    def _say_backing_up(self, token: object) -> None:
        if token is self._history_token and self._history_backing_up.is_set() and self.session is not None:
            self.checking_label.setText(self.tr("Making the day's backup of the project…"))
            self.checking_label.show()

    def _on_history_checked(self, token: object, verdict: events.Verdict, full: bool = False) -> None:
        if token is not self._history_token or self.session is None:
            return  # the project it checked was closed meanwhile
        self._history_token = None
        self.history_verdict = verdict
        self.checking_label.hide()
        if full and verdict.ok and not self.statusBar().currentMessage():  # seconds when large: say it is done
            self.statusBar().showMessage(self.tr("The whole history was checked: {verdict}").format(
                verdict=language.ui(str(verdict))), 10_000)
        self.history_label.setVisible(not verdict.ok)
        self.history_label.setToolTip(language.ui(str(verdict)))
        if not verdict.ok:
            self.setWindowTitle(self.tr("{title} – History check failed").format(title=self.windowTitle()))
            self.warn_integrity(verdict)

    def warn_integrity(self, verdict: events.Verdict) -> None:
        """Say once, when the project opens, that its history was edited outside factcheck."""
        if verdict.seq is None:  # the history is whole; some rows differ from it
            text = self.tr("{verdict}\n\nThe project is open and can be used as usual, but part of the project was "
                           "changed outside factcheck: what it holds there differs from its recorded history, so "
                           "check those verdicts before publishing them.")
        else:
            text = self.tr("{verdict}\n\nThe project is open and can be used as usual, but its history of changes "
                           "was edited outside factcheck: from that event on, the record of who changed what cannot "
                           "be trusted.")
        QMessageBox.warning(self, self.tr("History check failed"), text.format(verdict=language.ui(str(verdict))))

    def _name_article_view(self, view: ArticleView) -> None:
        """What a screen reader calls the article and its find bar (their symbols say nothing)."""
        view.text_edit.setAccessibleName(self.tr("Article"))
        view.text_edit.setAccessibleDescription(self.tr(
            "The article's text: select a claim's words and press {keys}").format(keys=language.keys("Ctrl+E")))
        bar = view.find_bar
        bar.query_edit.setAccessibleName(self.tr("Find in article"))
        bar.previous_button.setAccessibleName(self.tr("Previous match"))
        bar.next_button.setAccessibleName(self.tr("Next match"))
        for button in bar.findChildren(QToolButton):
            if not button.accessibleName():
                button.setAccessibleName(button.toolTip().split(" (")[0] or self.tr("Close"))  # ✕: "Close"

    def _close_session(self) -> None:
        if self.session is None:
            return
        if self.panel is not None:
            self.panel.inspector.commit_pending()
        focused = QApplication.focusWidget()
        if focused is not None and any(w is not None and (w is focused or w.isAncestorOf(focused))
                                       for w in (self.view, self.panel, self.review_panel, self.demo_banner)):
            # Else, as they hide, the focus moves on into a view of the closing project (the
            # claim list), which then reads from the closed file.
            focused.clearFocus()
        self._wait_for_history_check(cancel=True)
        self.sync.detach()  # its threads stop before the file closes
        self.session.stop()
        self.session.project.close()
        self.session.deleteLater()
        self.session = None
        self.demo_banner.hide()
        self.centre.setCurrentWidget(self.placeholder)
        if self.view is not None:
            self.centre.removeWidget(self.view)
        self.review_dock.setWidget(self._review_placeholder())
        self.page_dock.set_session(None, None)
        self.search_dock.set_session(None)
        for widget in (self.view, self.panel, self.review_panel):
            if widget is not None:
                widget.deleteLater()
        self.view = self.panel = self.review_panel = None
        self.history_verdict = None
        self.history_label.hide()
        self.checking_label.hide()
        self.articles.set_project(None)
        if self.stats_dialog is not None:
            self.stats_dialog.set_session(None)

    def _review_placeholder(self) -> QLabel:
        label = QLabel(self.tr("Open a project to see the claims waiting for review."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _reload_articles(self) -> None:
        current = self.current_article_id()
        self.articles.set_project(self.project, keep=[current] if current else ())  # a page, down to the one shown
        if current and self.articles.row_of(current) >= 0:
            self.article_list.selectionModel().blockSignals(True)
            self.article_list.setCurrentIndex(self.articles.index(self.articles.row_of(current)))
            self.article_list.selectionModel().blockSignals(False)

    def current_article_id(self) -> str | None:
        return self.view.article_id if self.view else None

    def select_article(self, article_id: str | None) -> None:
        row = self.articles.fetch_through(article_id) if article_id else -1
        if row >= 0 and self.article_list.currentIndex().row() != row:
            self.article_list.setCurrentIndex(self.articles.index(row))  # -> _on_article_list_current
            return
        self._show_article(article_id)

    def _show_article(self, article_id: str | None) -> None:
        if not self.view or not self.panel:
            return
        focus = QApplication.focusWidget()
        in_panel = focus is not None and self.panel.isAncestorOf(focus)
        version_id = self.project.current_version(article_id).id if article_id else None
        self.view.show_version(version_id)
        self.panel.set_article(article_id)
        self.page_dock.sync(jump=True)
        self.shown_versions = len(self.project.versions(article_id)) if article_id else 0
        self._update_actions()
        if in_panel:
            self._keep_focus_in_reading(focus)

    def _keep_focus_in_reading(self, was: QWidget) -> None:
        """The claim pane's field that had the focus went with the article: Qt would hand the
        focus on to the next widget, a review filter that the next key typed would change.
        The claim list keeps it if it had it; otherwise the article's text takes it."""
        now = QApplication.focusWidget()
        if now is not None and now is was and now.isVisible() and now.isEnabled():
            return
        if was is self.panel.list and self.panel.list.isVisible():
            self.panel.list.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.view.isVisible():
            self.view.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_article_list_current(self, current, previous) -> None:
        article = self.articles.article_at(current.row()) if current.isValid() else None
        if article and article.id != self.current_article_id():
            self._show_article(article.id)

    def _on_article_list_double_clicked(self, index) -> None:
        article = self.articles.article_at(index.row()) if index.isValid() else None
        if article:
            self.select_article(article.id)
            self._on_article_properties()

    def _on_article_properties(self) -> None:
        """Article > Properties: the shown article's metadata, saved as one undo step."""
        from factcheck.ui.dialogs.article_properties import ArticlePropertiesDialog

        if self.session and self.current_article_id():
            ArticlePropertiesDialog.ask(self.session, self.current_article_id(), self)

    def _on_compare_versions(self) -> None:
        """Article > Compare versions: the shown article's last two versions (or any two) side by side."""
        from factcheck.ui.dialogs.version_compare import VersionCompareDialog

        if self.session and self.current_article_id():
            VersionCompareDialog.ask(self.session, self.current_article_id(), self)

    def _on_project_settings(self) -> None:
        """File > Project settings: every project setting, saved as one undo step."""
        from factcheck.ui.dialogs.project_settings import ProjectSettingsDialog

        if self.session:
            if self.panel:
                self.panel.inspector.commit_pending()
            ProjectSettingsDialog.ask(self.session, self, self.current_article_id())

    # --- claims -----------------------------------------------------------------------

    def new_claim_from_selection(self) -> str | None:
        """Make a claim of the selected words and open the inspector on it."""
        if not self.view or not self.session:
            return None
        span = self.view.selected_span()
        if span is None:
            self.statusBar().showMessage(self.tr("Select the claim's words in the article first."), 4000)
            return None
        try:
            claim_id = self.session.do(history.CreateClaim(self.view.current_version_id, *span), initiator=self).created
        except KnownError as exc:
            self.show_error(language.ui(exc))
            return None
        self.panel.select_claim(claim_id)
        self.view.show_claim(claim_id)
        self.page_dock.sync(jump=True)
        self.panel.inspector.edit_statement()
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
        self.page_dock.sync(jump=True)
        self._update_actions()

    def open_claim(self, claim_id: str) -> None:
        """Show a claim from anywhere in the project: its article, the claim in it, the inspector."""
        if not self.project or not self.panel:
            return
        try:
            claim = self.project.claim(claim_id)
        except KnownError as exc:
            self.show_error(language.ui(exc))
            return
        if claim.deleted_at is not None:  # a list read before the delete still names it
            self.statusBar().showMessage(self.tr("That claim has been deleted."), 6000)
            return
        if claim.article_id != self.current_article_id():
            self.select_article(claim.article_id)
        self._show_claim(claim_id)
        self.claims_dock.show()
        self.claims_dock.raise_()

    def _on_queue_claim_chosen(self, claim_id: str) -> None:
        """One claim selected in the review queue: the inspector shows it (the focus stays in the queue)."""
        if self.panel and self.panel.current_claim_id != claim_id:
            self.open_claim(claim_id)

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
            self.statusBar().showMessage(self.tr("Select a claim first, in the claim list or the review queue."), 4000)
        self._update_actions()

    def _on_inspector_reviewed(self, action: str, claim_id: str) -> None:
        done = {workflow.SUBMIT: self.tr("Submitted for review"), workflow.APPROVE: self.tr("Approved"),
                workflow.REQUEST_CHANGES: self.tr("Sent back with your comment"), workflow.PUBLISH: self.tr("Published")}[action]
        self.statusBar().showMessage(done, 4000)

    def show_review_queue(self) -> None:
        self.review_dock.show()
        self.review_dock.raise_()
        if self.review_panel:
            self.review_panel.table.setFocus()
            self.review_panel.table.choose_highlighted()  # focused already, or not until the window is active

    def _on_restore_backup(self) -> None:
        from factcheck.ui.dialogs.restore_dialog import run_restore

        if self.session:
            run_restore(self.project, self, self.open_project)

    def _on_save_copy(self) -> None:
        if not self.session:
            return
        if self.panel:
            self.panel.inspector.commit_pending()
        path = self.ask_copy_path(str(self.project.path.with_name(self.project.path.stem + " copy.factcheck")))
        if not path:
            return
        from factcheck.core import backup

        if not pathlib.Path(path).suffix:
            path += backup.SUFFIX
        try:
            written = backup.copy_to(self.project, path)
        except KnownError as exc:
            self.show_error(language.ui(exc))
            return
        self.statusBar().showMessage(self.tr("Saved a complete copy to {path}").format(path=written), 10_000)

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
            self.show_error(self.tr("Export is not available in this build of factcheck."))
            return
        written = run_export(self.session, self)
        if written:
            self.statusBar().showMessage(self.tr("Exported to {path}").format(path=written), 10_000)

    def _on_panel_claim_selected(self, claim_id) -> None:
        if self.view:
            self.view.show_claim(claim_id)
        self.page_dock.sync(jump=True)
        self._update_actions()

    def _on_delete_claim(self) -> None:
        if self.panel:
            self.panel.delete_selected()

    def _on_confirm_anchor(self, claim_id: str) -> None:
        claim = self.project.claim(claim_id)
        if not ask_words_change(self, self.session, claim_id, claim.version_id, claim.start, claim.end):
            return
        self._do(history.ReanchorClaim(claim_id, claim.version_id, claim.start, claim.end, label=N_("Confirm new words")))

    def _on_reanchor(self, claim_id: str) -> None:
        span = self.view.selected_span() if self.view else None
        if span is None:
            self.show_error(self.tr("Select the claim's words in the article first, then click Anchor to selection."))
            return
        if not ask_words_change(self, self.session, claim_id, self.view.current_version_id, *span):
            return
        self._do(history.ReanchorClaim(claim_id, self.view.current_version_id, *span))

    # --- importing --------------------------------------------------------------------

    def import_files(self, paths: list[str], *, ask_metadata: bool = False) -> list[str]:
        """Import each file as an article; refused files are reported, the rest kept.

        ``ask_metadata`` (File > Import article): one file's title, outlet, author, URL and
        date are shown in a form, filled with what the importer found, before it is stored
        (Cancel imports nothing). Several files, or a drop, are imported as found; Article >
        Properties edits them afterwards. A file the project holds already is asked about
        first, file by file (``ask_duplicate``): open the article it is in, import it anyway,
        or cancel (the rest is not read).
        """
        if not self.session or self.importer.busy:
            return []
        session, created, refused, notices, shown = self.session, [], [], [], None
        for path in paths:
            try:
                imported = self.importer.read(path)  # on a worker thread; Cancel and passwords there
                if imported is None or self.session is not session:
                    continue  # its password was not given, or the project was closed meanwhile
                instead = self._existing_instead(imported, pathlib.Path(path).name)
                if instead == "":
                    break  # cancelled: nothing more is read, as when a read is cancelled
                if instead:
                    shown = instead
                    continue
                metadata: dict[str, str] | None = {}
                if ask_metadata and len(paths) == 1:
                    metadata = self.ask_article_metadata(imported)
                    if metadata is None:
                        return []
                shown = self.session.do(history.ImportArticle(imported, **metadata)).created
                created.append(shown)
                if imported.notices:
                    notices.append(self.tr("{name}: {notices}").format(
                        name=pathlib.Path(path).name, notices=" ".join(language.ui(n) for n in imported.notices)))
            except ImportCancelled:
                break  # the person cancelled: nothing more is read, nothing said
            except KnownError as exc:
                refused.append(self.tr("{name}: {error}").format(name=pathlib.Path(path).name, error=language.ui(exc)))
            except OSError as exc:
                refused.append(self.tr("{name}: {error}").format(name=pathlib.Path(path).name, error=exc.strerror or exc))
        if notices:  # how the text was read (tracked changes accepted, ...)
            self.statusBar().showMessage("  ".join(notices), 30_000)
        if refused:
            self.show_error(self.tr("Not imported:\n{files}").format(files="\n".join(refused)))
        if shown:
            self.select_article(shown)
        return created

    def import_pasted(self, values: dict[str, str]) -> str | None:
        """Store pasted text as a new article and show it; text the project holds already is asked about first.

        The article shown for the text: the new one, or the one that holds it already when the person chose
        to open it; None when nothing was imported or opened (Cancel, or refused).
        """
        if not self.session:
            return None
        from factcheck import importers

        try:
            fields = dict(values)
            imported = importers.import_pasted(fields.pop("text"), **fields)
            instead = self._existing_instead(imported, "")
            if instead is not None:
                if instead:
                    self.select_article(instead)
                return instead or None
            article_id = self.session.do(history.ImportArticle(imported)).created
        except KnownError as exc:
            self.show_error(language.ui(exc))
            return None
        self.select_article(article_id)
        return article_id

    def _existing_instead(self, imported, name: str) -> str | None:
        """None to import ``imported``; else it is in the project already: the article to show instead, "" if cancelled."""
        existing = self.project.already_imported(imported)
        if not existing:
            return None
        answer = self.ask_duplicate(name, existing[0])
        if answer == "import":
            return None
        return existing[0].article_id if answer == "open" else ""

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
            error = self.tr("{name}: {error}").format(name=name, error=language.ui(exc))
        except OSError as exc:
            error = self.tr("Cannot read {name}: {error}.").format(name=name, error=exc.strerror or exc)
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
        self.show_report(self.tr("Import annotations"), report.lines())
        return report

    def _on_send_changes(self) -> None:
        """File > Send changes…: a hand-off file of what a partner's copy lacks."""
        if not self.session or self.project.read_only:
            return
        from factcheck.ui.dialogs.send_changes import run_send_changes

        if self.panel:
            self.panel.inspector.commit_pending()
        written = run_send_changes(self, self.project)
        if written is not None:
            self.statusBar().showMessage(self.tr("Changes for {partner} saved to {name}.").format(
                partner=written.partner, name=written.path.name), 10_000)

    def merge_project(self, path: str):
        """Merge another copy of this project (or a hand-off file) as one step: plan, choose, apply.

        Returns the applied ``merge.MergePlan`` (its ``lapsed`` filled), or None when refused,
        cancelled or there was nothing to merge.
        """
        if not self.session or self.project.read_only:
            return None
        from factcheck.core import merge
        from factcheck.ui.dialogs.merge_dialog import MergeDialog

        if self.panel:
            self.panel.inspector.commit_pending()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan, error = merge.plan(self.project, path), None
        except KnownError as exc:
            plan, error = None, exc
        finally:
            QApplication.restoreOverrideCursor()
        if plan is None:
            self.show_error(error)
            return None
        resolutions = MergeDialog.ask(plan, self, project=self.project,
                                      apply=lambda chosen: self.session.do(history.Merge(plan, chosen)))
        if resolutions is None or plan.nothing:
            return None
        n = len(plan.incoming)
        merged = self.tr("Merged 1 change from {name}.") if n == 1 else self.tr("Merged %n changes from {name}.", "", n)
        self.statusBar().showMessage(merged.format(name=plan.other.name), 10_000)
        if plan.lapsed:
            self.show_report(self.tr("Approvals lapsed"), self.lapsed_lines(plan.lapsed))
        return plan

    def lapsed_lines(self, lapsed: list[dict]) -> list[str]:
        """The approvals a merge sent back to review, one line each: the claim's words, what it was, why."""
        lines = [self.tr("The merge sent 1 signed-off verdict back to review:") if len(lapsed) == 1 else
                 self.tr("The merge sent %n signed-off verdicts back to review:", "", len(lapsed))]
        for entry in lapsed:
            try:
                claim = self.project.claim(entry["claim"])
                words = claim.exact or claim.statement
            except KnownError:
                words = entry["claim"][:8]
            was = model.STATUS_LABELS.get(entry.get("from"), entry.get("from", ""))
            lines.append(self.tr("• “{words}” (was {status}): {reason}").format(
                words=words if len(words) <= 80 else words[:79] + "…", status=language.ui(was).lower(),
                reason=language.ui(entry.get("reason", ""))))
        return lines

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
            self.show_error(language.ui(exc))

    def _on_session_changed(self, changes: model.Changes) -> None:
        self.saved_label.setText(self.tr("Saved {time}").format(
            time=QLocale().toString(QTime.currentTime(), "HH:mm:ss")))
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
        if changes.what & model.What.VERSIONS and self.current_article_id() in changes.articles:
            self.shown_versions = len(self.project.versions(self.current_article_id()))
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
                self.statusBar().showMessage(language.ui(exc), 8000)
                return

    def _on_undo(self) -> None:
        if self.panel:
            self.panel.inspector.commit_pending()
        try:
            if self.session:
                self.session.undo()
        except KnownError as exc:
            self.show_error(language.ui(exc))

    def _on_redo(self) -> None:
        try:
            if self.session:
                self.session.redo()
        except KnownError as exc:
            self.show_error(language.ui(exc))

    def _on_find(self) -> None:
        if self.view:
            self.view.show_find()

    def _on_find_step(self, forward: bool) -> None:
        """F3 / Shift+F3: the next or previous match (opening the find bar first if it is closed)."""
        if not self.view:
            return
        if not self.view.find_bar.isVisible():
            self.view.show_find()
        elif forward:
            self.view.find_bar.sig_next_requested.emit()
        else:
            self.view.find_bar.sig_previous_requested.emit()

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
            self.import_files(paths, ask_metadata=True)

    def _on_paste_article(self) -> None:
        """Paste an article; when it is not imported after all (Cancel at "Already imported", or refused), the
        dialog comes back with the text and fields as they were: a long paste is never lost to one answer."""
        values = PasteDialog.ask(self)
        while values and self.session and self.import_pasted(values) is None:
            values = PasteDialog.ask(self, values)

    def _on_attach_evidence(self) -> None:
        from factcheck.ui import evidence

        if self.session and self.panel:
            evidence.attach_to_claims_source(self.session, self, self.panel.current_claim_id)

    def _on_import_annotations(self) -> None:
        path = self.ask_annotations_path()
        if path:
            self.import_annotations(path)

    def _on_merge_project(self) -> None:
        path = self.ask_merge_path()
        if path:
            self.merge_project(path)

    def _on_source_library(self) -> None:
        from factcheck.ui.dialogs.source_library import SourceLibraryDialog

        if self.session:
            SourceLibraryDialog(self.session, self).exec()

    def _on_change_name(self) -> None:
        """Change the saved name (later sessions write as it) and work as it from now on."""
        name = NameDialog.ask(self.user, self, changing=True)
        if not name:  # cancelled: the saved name and who is working stay as they were
            return
        paths.save_user(name)  # shared with the command line
        self.user_session_only = False
        if name != self.user:
            self.user = name
            if self.project:
                self.project.user = name
            if self.panel and self.panel.current_claim_id:
                self.panel.inspector.show_claim(self.panel.current_claim_id)  # what this person may decide on it
        self._show_user()
        self._update_actions()

    def _show_user(self) -> None:
        """The status bar says who is working: every change is written in this name."""
        text = self.tr("Working as {name}").format(name=self.user)
        tip = self.tr("Every change is recorded in this name. Edit > Your name… changes it.")
        if self.user_session_only:
            text = self.tr("Working as {name} (this session only)").format(name=self.user)
            tip = self.tr("Given with --user or FACTCHECK_USER for this run; the saved name is unchanged. "
                          "Edit > Your name… changes the saved name.")
        self.user_label.setText(text)
        self.user_label.setToolTip(tip)

    def _on_shortcuts(self) -> None:
        from factcheck.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog.ask(self)

    # --- panes (F6) -------------------------------------------------------------------

    def panes(self) -> list[tuple[QWidget, QWidget]]:
        """The panes F6 moves between, in order: (the pane, the widget it gives the focus to).

        Only those that can take the focus now: shown, and (the inspector) showing a claim.
        """
        panes: list[tuple[QWidget, QWidget | None]] = [(self.article_list, self.article_list)]
        if self.view and self.panel and self.review_panel:
            inspector = self.panel.inspector
            first_field = next((w for w in (inspector.statement, inspector.tabs) if w.isVisibleTo(self) and w.isEnabled()), None)
            panes += [(self.view, self.view.text_edit), (self.panel.list.parentWidget(), self.panel.list),
                      (inspector, first_field), (self.review_panel, self.review_panel.table)]
        return [(pane, target) for pane, target in panes if target is not None and target.isVisibleTo(self)]

    def cycle_panes(self, step: int) -> None:
        """Move the focus to the next pane (F6) or the previous one (Shift+F6), round and round."""
        panes = self.panes()
        if not panes:
            return
        focus = QApplication.focusWidget()
        current = next((i for i, (pane, _) in enumerate(panes)
                        if focus is not None and (focus is pane or pane.isAncestorOf(focus))), None)
        index = 0 if current is None and step > 0 else ((current if current is not None else 0) + step) % len(panes)
        panes[index][1].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_statistics(self) -> None:
        """Open the statistics window beside the work (one per main window, kept while it is closed)."""
        from factcheck.ui.stats_view import StatsDialog

        if not self.session:
            return
        if self.stats_dialog is None:
            self.stats_dialog = StatsDialog(self.session, self)
        self.stats_dialog.show()
        self.stats_dialog.raise_()
        self.stats_dialog.activateWindow()

    def _on_about(self) -> None:
        QMessageBox.about(self, self.tr("About factcheck"), self.about_text())

    def about_text(self) -> str:
        """Help > About's words: the version, the commit it was built from, and what it runs on."""
        import platform

        import PySide6

        from factcheck import build_info

        found = build_info.info()
        commit = found["commit"] or self.tr("unknown")
        lines = [self.tr("factcheck {version}").format(version=found["version"]),
                 self.tr("An offline workbench for fact-checkers."), "",
                 self.tr("Built from commit {commit}").format(commit=commit)]
        if found["built"]:
            lines.append(self.tr("Built on {date}").format(date=found["built"]))
        lines.append(self.tr("Python {python}, Qt {qt} (PySide6 {pyside})").format(
            python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__))
        return "\n".join(lines)

    # --- file dialogs (class methods so tests can replace them) --------------------------

    def ask_open_path(self) -> str:
        return QFileDialog.getOpenFileName(self, self.tr("Open project"), "", self._project_filter())[0]

    def ask_save_path(self) -> str:
        return QFileDialog.getSaveFileName(self, self.tr("New project"), "", self._project_filter())[0]

    def ask_copy_path(self, suggested: str) -> str:
        """Where to write a copy of the project (empty when cancelled); an existing file is refused, not replaced."""
        path = QFileDialog.getSaveFileName(self, self.tr("Save a copy of the project"), suggested, self._project_filter(),
                                           options=QFileDialog.Option.DontConfirmOverwrite)[0]
        return path

    def ask_import_paths(self) -> list[str]:
        patterns = " ".join(f"*{ext}" for ext in version_updates.importable_extensions())  # PDF, Word, ... too
        return QFileDialog.getOpenFileNames(
            self, self.tr("Import article"), "", self.tr("Articles ({patterns});;All files (*)").format(patterns=patterns))[0]

    def ask_article_metadata(self, imported) -> dict[str, str] | None:
        """The metadata to import one file with (what its importer found, as corrected), or None."""
        return ImportMetadataDialog.ask(imported, self)

    def ask_duplicate(self, name: str, existing: model.Version) -> str:
        """"open", "import" or "cancel": what to do with a file (``name``, "" for pasted text) the project has already.

        ``existing``: the version that holds it. Opening its article is the default, the safe
        choice: a second copy would split the article's claims between two copies.
        """
        title = self.project.article(existing.article_id).title
        said = (self.tr("“{name}” is already in this project.").format(name=name) if name
                else self.tr("This text is already in this project."))
        said += "\n\n" + self.tr(
            "It was imported on {when} as the article “{title}”. Importing it again makes a second, separate "
            "copy: claims marked on one copy do not show on the other.").format(
                when=models.local_time(existing.imported_at), title=title)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Already imported"), said,
                          QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        again = box.addButton(self.tr("Import as a new article"), QMessageBox.ButtonRole.ActionRole)
        opened = box.addButton(self.tr("Open the existing article"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(opened)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        try:
            box.exec()
            clicked = box.clickedButton()
            return "open" if clicked is opened else "import" if clicked is again else "cancel"
        finally:
            box.deleteLater()

    def ask_annotations_path(self) -> str:
        return QFileDialog.getOpenFileName(self, self.tr("Import annotations"), "",
                                           self.tr("Web Annotation files (*.jsonld *.json);;All files (*)"))[0]

    def ask_merge_path(self) -> str:
        folder = str(pathlib.Path(self.project.path).parent) if self.session else ""
        return QFileDialog.getOpenFileName(
            self, self.tr("Merge project"), folder,
            self.tr("factcheck projects and hand-off files (*.factcheck *.factcheck-changes);;All files (*)"))[0]

    def _project_filter(self) -> str:
        return self.tr("factcheck projects (*{suffix});;All files (*)").format(suffix=SUFFIX)

    def show_error(self, message) -> None:
        """Say what went wrong: ``message`` is a sentence, a core ``Text`` or a ``KnownError``, shown in the app's language."""
        QMessageBox.warning(self, "factcheck", language.ui(message))

    def show_information(self, title: str, message: str) -> None:
        """An information box (tests replace this)."""
        QMessageBox.information(self, title, message)

    def show_report(self, title: str, lines: list[str]) -> None:
        """A report of several lines, as plain text; a long one shows its start, the rest under Show Details."""
        lines = [language.ui(line) for line in lines]
        shown = lines[:MAX_REPORT_LINES]
        if len(lines) > len(shown):
            shown.append(self.tr("… and %n more lines (Show Details…).", "", len(lines) - len(shown)))
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

    def _add_scheme_menu(self, view_menu) -> None:
        """View > Colours: follow the system's light or dark setting, or choose one (saved)."""
        labels = {name: language.ui(theme.SCHEME_LABELS[name]) for name in theme.SCHEMES}
        self.scheme_actions = self._add_choices(view_menu.addMenu(self.tr("&Colours")), labels,
                                                theme.saved_scheme(self.settings), self._on_scheme_chosen)

    def _add_choices(self, menu, labels: dict[str, str], chosen: str, slot) -> dict[str, QAction]:
        """One checkable action per choice, exclusive, ``chosen`` checked; ``slot(key)`` when one is chosen."""
        group = QActionGroup(self)
        actions = {}
        for key, label in labels.items():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(key == chosen)
            action.triggered.connect(lambda _checked=False, key=key: slot(key))
            group.addAction(action)
            actions[key] = action
        return actions

    def _on_scheme_chosen(self, name: str) -> None:
        self.settings.setValue(theme.SETTINGS_KEY, name)
        theme.apply_scheme(name)

    @staticmethod
    def system_language_name() -> str:
        """The system's language as ``translation.LANGUAGES`` names it (in itself); English for any other."""
        code = QLocale.system().name().split("_")[0].lower()
        return translation.LANGUAGES.get(code, translation.LANGUAGES["en"])

    def saved_language(self) -> str:
        """View > Language as saved: "system", or a code of ``translation.LANGUAGES``."""
        value = str(self.settings.value(LANGUAGE_KEY, "system") or "system")
        return value if value in translation.LANGUAGES else "system"

    def _add_language_menu(self, view_menu) -> None:
        """View > Language: the system's, or one of ``translation.LANGUAGES`` (saved; used from the next start)."""
        self.language_menu = view_menu.addMenu(self.tr("&Language"))
        labels = {"system": self.tr("System language ({language})").format(language=self.system_language_name()),
                  **translation.LANGUAGES}  # each language named in itself
        self.language_actions = self._add_choices(self.language_menu, labels, self.saved_language(),
                                                  self._on_language_chosen)

    def _on_language_chosen(self, code: str) -> None:
        """Save the language; the window keeps its texts until factcheck starts again."""
        if code == self.saved_language():
            return
        self.settings.setValue(LANGUAGE_KEY, code)
        self.settings.sync()
        if code == "system":
            message = self.tr("factcheck will follow the system's language ({language}) the next time it starts.")
            language = self.system_language_name()
        else:
            message = self.tr("factcheck will be shown in {language} the next time it starts.")
            language = translation.LANGUAGES[code]
        self.show_information(self.tr("Language"), message.format(language=language))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_projects()
        for path in recent:
            action = self.recent_menu.addAction(pathlib.Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(bool(recent))

    def _restore_layout(self) -> None:
        """The window's last geometry and docks; the first show checks that they leave the article room."""
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._state_restored = isinstance(state, QByteArray) and self.restoreState(state)

    # --- layout: the article is the stretch area, the docks have shares ----------------------

    def _placed_docks(self) -> list[tuple[QDockWidget, bool]]:
        """The docks laid out in the window, each with True for a side (left, right) area."""
        side = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        return [(dock, self.dockWidgetArea(dock) in side)
                for dock in (self.articles_dock, self.claims_dock, self.review_dock)
                if not dock.isFloating() and not dock.isHidden()]

    def _dock_sizes(self) -> dict[QDockWidget, int] | None:
        """Each placed dock's width (side) or height (top, bottom) as shown; None before the first show."""
        if not self._laid_out:
            return None
        return {dock: dock.width() if side else dock.height() for dock, side in self._placed_docks()}

    def _resize_docks(self, sizes: dict[QDockWidget, int]) -> None:
        """Give placed docks these sizes now (the article takes what is left)."""
        placed = dict(self._placed_docks())
        for orientation, is_side in ((Qt.Orientation.Horizontal, True), (Qt.Orientation.Vertical, False)):
            docks = [dock for dock in sizes if placed.get(dock) is is_side]
            if docks:
                self.resizeDocks(docks, [sizes[dock] for dock in docks], orientation)
        self.layout().activate()

    def _reset_docks(self, sides_only: bool = False) -> None:
        """The docks' first sizes: shares of the window's width and height, the article the rest; the claims
        dock also takes what the article would have beyond its reading width (a 1,400-px window's room)."""
        shares = {self.articles_dock: ARTICLES_SHARE, self.claims_dock: CLAIMS_SHARE, self.review_dock: ARTICLES_SHARE}
        sizes = {dock: round(self.width() * shares[dock]) if side else self._first_height(dock)
                 for dock, side in self._placed_docks() if side or not sides_only}
        if dict(self._placed_docks()).get(self.claims_dock):
            separators = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, self)
            spare = (self.width() - sizes.get(self.articles_dock, 0) - sizes[self.claims_dock] - separators
                     - self._reading_width())
            sizes[self.claims_dock] += max(0, min(spare, self._claims_cap() - sizes[self.claims_dock]))
        self._resize_docks(sizes)

    def _reading_width(self) -> int:
        """The article's width at which its lines reach their readable measure: a wider article only gets margins."""
        measure = QFontMetricsF(reading_font()).averageCharWidth() * MEASURE
        return round(measure) + 2 * MIN_SIDE_MARGIN + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def _claims_cap(self) -> int:
        return round(self.width() * MAX_DOCK_SHARE)

    def _widen_claims(self) -> None:
        """The width the article has beyond its reading width goes to the claims dock (up to its share):
        a window made wider gives its room to the claim being worked on, not to the article's margins."""
        if not dict(self._placed_docks()).get(self.claims_dock):
            return
        spare = self.centre.width() - self._reading_width()
        width = min(self._claims_cap(), self.claims_dock.width() + spare)
        if spare > 0 and width > self.claims_dock.width():
            self._resize_docks({self.claims_dock: width})

    def _first_height(self, dock: QDockWidget) -> int:
        """A dock's first height above or below the article: a share of the window's; on a small screen its least."""
        if self.height() < SMALL_HEIGHT:
            return dock.minimumSizeHint().height()
        return round(self.height() * REVIEW_SHARE)

    def _ensure_claims_room(self) -> None:
        """A restored dock above or below the article taller than its share goes back to its first height."""
        tall = {dock: self._first_height(dock) for dock, side in self._placed_docks()
                if not side and dock.height() > MAX_SAVED_ACROSS_SHARE * self.height()}
        if tall:
            self._resize_docks(tall)

    def _ensure_article_room(self) -> None:
        """Back to the first sizes when the docks leave the article less than its share of the width."""
        if self._laid_out and self.centre.width() < max(MIN_ARTICLE_WIDTH, MIN_ARTICLE_SHARE * self.width()):
            self._reset_docks()

    def _cap_docks(self, *_args) -> None:
        """No dock takes more than its share: of the width at a side, of the height above or below."""
        for dock in (self.articles_dock, self.claims_dock, self.review_dock):
            width = height = QWIDGETSIZE_MAX
            placed = not dock.isFloating() and self.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea
            side = self.dockWidgetArea(dock) in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
            need = dock.widget().minimumSizeHint() if dock.widget() else dock.minimumSizeHint()  # never below it
            if placed and side:
                width = max(need.width(), round(self.width() * MAX_DOCK_SHARE))
            elif placed:
                height = max(need.height(), round(self.height() * MAX_DOCK_SHARE))
            dock.setMaximumSize(width, height)

    def event(self, event) -> bool:
        """After each layout pass, room for a dock whose contents grew (see ``_fit_docks``); after a paint, the
        history check that waits for it (``_check_history``)."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self._laid_out:
            self._fit_docks()
        elif self._history_pending is not None and event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Paint):
            QTimer.singleShot(0, self._start_history_check)  # once this paint is done
        return handled

    def _fit_docks(self) -> None:
        """A dock whose contents now need more room (a claim shown in the inspector) gets it at once.

        Qt's dock layout otherwise keeps the old size, clipping the contents, until the
        window is next resized. Each new need is met once (a window too small for it stays so).
        """
        placed = self._placed_docks()
        needs = tuple((dock.widget().minimumSizeHint() if dock.widget() else dock.minimumSizeHint()).toTuple()
                      for dock, _side in placed)
        if needs == self._fitted_for:
            return
        self._fitted_for = needs
        grow = {}
        for (dock, side), (need_w, need_h) in zip(placed, needs):
            shown = dock.widget().size() if dock.widget() else dock.size()
            if side and need_w > shown.width():
                grow[dock] = dock.width() + need_w - shown.width()
            elif not side and need_h > shown.height():
                grow[dock] = dock.height() + need_h - shown.height()
        if grow:
            self._cap_docks()
            self._resize_docks(grow)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._laid_out:  # the window's size is known now: the docks get theirs
            self._laid_out = True
            self._cap_docks()
            self.layout().activate()
            if not self._state_restored:
                self._reset_docks()
            self._ensure_article_room()
            self._ensure_claims_room()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._cap_docks()
        if self._laid_out and 0 < event.oldSize().width() < event.size().width():
            self._widen_claims()
        elif self._laid_out and event.size().width() < event.oldSize().width() and self._articles_squeezed():
            self._reset_docks(sides_only=True)  # Qt squeezed the article list to leave the claims their width

    def _articles_squeezed(self) -> bool:
        """Whether narrowing the window took the article list to under two thirds of its share while the claims
        dock kept more than its own: then the side docks start again from their shares. Widths the person chose
        otherwise are left as they are."""
        return (self.articles_dock.isVisible() and not self.articles_dock.isFloating()
                and self.articles_dock.width() < round(self.width() * ARTICLES_SHARE) * 2 // 3
                and self.claims_dock.width() > max(round(self.width() * CLAIMS_SHARE),
                                                   self.claims_dock.minimumSizeHint().width()))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.importer.busy:  # a file is being read: stop it, then close
            self.importer.cancel()
            QTimer.singleShot(100, self.close)
            event.ignore()
            return
        if not self.shared_drive.before_close():  # the merge back failed and the person stays
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        self._close_session()
        event.accept()
        app = QApplication.instance()
        if app is not None:
            app.processEvents()
