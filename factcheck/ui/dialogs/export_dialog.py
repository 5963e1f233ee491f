"""File > Export: choose a format, the articles and the review statuses, then where to save.

``run_export`` is what the menu action calls: it asks (``ExportDialog.ask``), writes the
file with ``exporters.export_to_file`` on a worker thread with a connection of its own to
the project file (``ExportRunner``: the window keeps painting; after half a second a
progress dialog whose Cancel leaves no file), shows any ``KnownError`` as a warning and,
once written, says where the file went with Open and Show in folder (``ExportedMessageBox.ask``).
"""

from __future__ import annotations

import pathlib
import re
from collections import Counter

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from factcheck import exporters
from factcheck.core import model
from factcheck.core.errors import Cancelled, KnownError
from factcheck.core.text import N_
from factcheck.ui import language, long_work, theme

#: Review statuses by name, shown through ``language.ui``.
STATUS_LABELS = {
    model.DRAFT: N_("Draft"),
    model.IN_REVIEW: N_("In review"),
    model.CHANGES_REQUESTED: N_("Changes requested"),
    model.APPROVED: N_("Approved"),
    model.PUBLISHED: N_("Published"),
}
#: File dialog filters by format, shown through ``language.ui``.
_FILTERS = {
    "html": N_("HTML report (*.html)"),
    "pdf": "PDF (*.pdf)",
    "claimreview": "JSON-LD (*.jsonld *.json)",
    "webannotation": "JSON-LD (*.jsonld *.json)",
    "csv": "CSV (*.csv)",
    "markdown": "Markdown (*.md)",
    exporters.EVIDENCE: N_("Zip archive (*.zip)"),
}


def _extension(fmt: str) -> str:
    return ".zip" if fmt == exporters.EVIDENCE else exporters.EXTENSIONS[fmt]


#: Where the window's settings keep the last export's format and statuses.
LAST_FORMAT_KEY, LAST_STATUSES_KEY = "export/format", "export/statuses"
#: The least width of the message that says where an export went.
MESSAGE_WIDTH = 560


def _slug(text: str) -> str:
    words = re.findall(r"\w+", text.lower())[:6]
    return "-".join(words) or "factcheck"


class ExportDialog(QDialog):
    """What to export. Open it with ``ExportDialog.ask``.

    The widgets are attributes (``format_combo``, ``article_list``, ``status_boxes``,
    ``confidential_box``) so tests and callers can set them.
    """

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        project = session.project
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(520)

        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(self.tr("Format"))
        for fmt, label in exporters.LABELS.items():
            self.format_combo.addItem(language.ui(label), fmt)
        self.format_combo.addItem(self.tr("Evidence files (a zip with their SHA-256 sums)"), exporters.EVIDENCE)
        self.format_combo.currentIndexChanged.connect(self._update)
        # The evidence zip's files for the last choice of articles: (that choice, (files, withheld)).
        self._evidence: tuple[tuple, tuple[list, int]] | None = None

        self.article_list = QListWidget()
        self.article_list.setMinimumHeight(120)
        self.article_list.setAccessibleName(self.tr("Articles to export"))
        self.article_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.article_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        # How many claims of each status each article has: counted in SQL, not by reading every claim.
        self._counts: dict[str, Counter] = {
            article_id: Counter(by_status) for article_id, by_status in project.managers.claims.status_counts().items()}
        for article in project.articles():
            item = QListWidgetItem(article.title or self.tr("Untitled article"))
            item.setData(Qt.ItemDataRole.UserRole, article.id)
            item.setToolTip("\n".join(x for x in (article.title, article.outlet, article.published_at, article.url) if x))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.article_list.addItem(item)
        self.all_button = QPushButton(self.tr("All"))
        self.none_button = QPushButton(self.tr("None"))
        for button in (self.all_button, self.none_button):
            button.setAutoDefault(False)
        self.all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))

        self.status_boxes: dict[str, QCheckBox] = {}
        self.status_box = QGroupBox(self.tr("Claims with the status"))
        statuses = QHBoxLayout()
        for status, label in STATUS_LABELS.items():
            box = QCheckBox(language.ui(label))
            box.setChecked(status in exporters.DEFAULT_STATUSES)
            box.toggled.connect(self._update)
            self.status_boxes[status] = box
            statuses.addWidget(box)
        statuses.addStretch(1)

        self.confidential_box = QCheckBox(self.tr("Include confidential sources (internal use only)"))
        self.confidential_warning = QLabel(self.tr(
            "The file will name confidential sources and quote them. Use it inside the newsroom only: "
            "never publish it or send it to anyone outside."))
        self.confidential_warning.setWordWrap(True)
        theme.set_text_role(self.confidential_warning, "error_text")
        self.confidential_warning.setVisible(False)
        self.confidential_box.toggled.connect(self.confidential_warning.setVisible)
        self.confidential_box.toggled.connect(self._update)

        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format_combo)
        articles_box = QGroupBox(self.tr("Articles"))
        articles_layout = QVBoxLayout(articles_box)
        articles_layout.addWidget(self.article_list)
        row = QHBoxLayout()
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        articles_layout.addLayout(row)
        status_box = self.status_box
        status_box.setLayout(statuses)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(articles_box, 1)
        layout.addWidget(status_box)
        layout.addWidget(self.confidential_box)
        layout.addWidget(self.confidential_warning)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self.article_list.itemChanged.connect(self._update)
        self._update()

    def restore(self, settings: QSettings) -> None:
        """Start from the format and statuses of the last export (a desk's usual file). Confidential sources are
        never carried over: each export that names them is chosen anew."""
        index = self.format_combo.findData(settings.value(LAST_FORMAT_KEY, ""))
        if index >= 0:
            self.format_combo.setCurrentIndex(index)
        saved = settings.value(LAST_STATUSES_KEY)
        statuses = {saved} if isinstance(saved, str) else set(saved or ())
        if statuses & set(self.status_boxes):
            for status, box in self.status_boxes.items():
                box.setChecked(status in statuses)

    def remember(self, settings: QSettings) -> None:
        settings.setValue(LAST_FORMAT_KEY, self.fmt())
        settings.setValue(LAST_STATUSES_KEY, [s for s, box in self.status_boxes.items() if box.isChecked()])

    def _check_all(self, state: Qt.CheckState) -> None:
        for i in range(self.article_list.count()):
            self.article_list.item(i).setCheckState(state)

    def fmt(self) -> str:
        return self.format_combo.currentData()

    def selection(self) -> exporters.Selection:
        ids = []
        for i in range(self.article_list.count()):
            item = self.article_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        statuses = tuple(s for s, box in self.status_boxes.items() if box.isChecked())
        return exporters.Selection(
            article_ids=tuple(ids), statuses=statuses, include_confidential=self.confidential_box.isChecked()
        )

    def claim_count(self) -> int:
        selection = self.selection()
        return sum(
            self._counts.get(article_id, Counter())[status]
            for article_id in selection.article_ids or ()
            for status in selection.statuses
        )

    def _update(self, *_args) -> None:
        selection = self.selection()
        n = self.claim_count()
        chosen = selection.article_ids or ()
        # The articles the export will hold: chosen ones with a claim of the chosen statuses.
        articles = sum(1 for a in chosen if any(self._counts.get(a, Counter())[s] for s in selection.statuses))
        evidence = self.fmt() == exporters.EVIDENCE
        self.status_box.setEnabled(not evidence)  # the evidence zip holds every claim's files, whatever its status
        if evidence:
            self._update_evidence(selection)
            return
        if not chosen:
            text = self.tr("Choose at least one article.")
        elif not selection.statuses:
            text = self.tr("Choose at least one status.")
        elif not n:
            text = self.tr("No claims in the chosen articles have these statuses: nothing to export.")
        elif n == 1:
            text = (self.tr("1 claim from 1 article will be exported.") if articles == 1 else
                    self.tr("1 claim from {articles} articles will be exported.").format(articles=articles))
        else:
            text = (self.tr("{n} claims from 1 article will be exported.").format(n=n) if articles == 1 else
                    self.tr("{n} claims from {articles} articles will be exported.").format(n=n, articles=articles))
        self.summary.setText(text)
        self.ok_button.setEnabled(n > 0)

    def _update_evidence(self, selection: exporters.Selection) -> None:
        from factcheck.core import attachments
        from factcheck.exporters import evidence

        if not selection.article_ids:
            self.summary.setText(self.tr("Choose at least one article."))
            self.ok_button.setEnabled(False)
            return
        stored: list = []
        key = (selection.article_ids, selection.include_confidential)
        try:  # read once a choice of articles (a large project's claims take a moment to walk)
            if self._evidence is None or self._evidence[0] != key:
                self._evidence = (key, evidence.chosen(self.session.project, selection))
            found, withheld = self._evidence[1]
        except KnownError as exc:
            text = language.ui(exc)
        else:
            stored = [a for a in found if a.stored]
            size = language.ui(attachments.size_text(sum(a.size for a in stored)))
            text = (self.tr("No evidence files are attached to these articles' claims: nothing to export.")
                    if not stored else
                    self.tr("1 evidence file ({size}) will be exported, with its SHA-256 sum.").format(size=size)
                    if len(stored) == 1 else
                    self.tr("{n} evidence files ({size}) will be exported, with their SHA-256 sums.").format(
                        n=len(stored), size=size))
            if withheld:
                text += " " + self.tr("Files of {n} confidential source(s) are left out.").format(n=withheld)
        self.summary.setText(text)
        self.ok_button.setEnabled(bool(stored))

    def default_file_name(self) -> str:
        selection = self.selection()
        titles = {
            self.article_list.item(i).data(Qt.ItemDataRole.UserRole): self.article_list.item(i).text()
            for i in range(self.article_list.count())
        }
        ids = selection.article_ids or ()
        stem = _slug(titles[ids[0]]) if len(ids) == 1 else _slug(pathlib.Path(self.session.project.path).stem)
        suffix = {"webannotation": ".annotations", "claimreview": ".claimreview", exporters.EVIDENCE: ".evidence"}.get(
            self.fmt(), "")
        return stem + suffix + _extension(self.fmt())

    @classmethod
    def ask_path(cls, parent: QWidget | None, fmt: str, suggested: str) -> str:
        """Where to save (empty when cancelled)."""
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ExportDialog", "Export to"), suggested,
                                              language.ui(_FILTERS[fmt]))
        if path and not pathlib.Path(path).suffix:
            path += _extension(fmt)
        return path

    @classmethod
    def ask(cls, session, parent: QWidget | None = None) -> tuple[str, exporters.Selection, str] | None:
        """(format, selection, path), or None when cancelled. The last export's format and statuses are the
        starting point, kept in the window's settings (``parent.settings``, when it has them)."""
        dialog = cls(session, parent)
        settings = getattr(parent, "settings", None)
        if isinstance(settings, QSettings):
            dialog.restore(settings)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        folder = pathlib.Path(session.project.path).parent
        path = cls.ask_path(parent, dialog.fmt(), str(folder / dialog.default_file_name()))
        if not path:
            return None
        if isinstance(settings, QSettings):  # an export on its way: the next one starts from its choices
            dialog.remember(settings)
        return dialog.fmt(), dialog.selection(), path


class ExportedMessageBox(QMessageBox):
    """Says where an export went, with Open and Show in folder. Open it with ``ask``."""

    OPEN, FOLDER = "open", "folder"

    def __init__(self, done: exporters.Exported, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("Exported, with warnings") if done.warnings else self.tr("Exported"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(self.describe(done))
        self.open_button = self.addButton(self.tr("Open"), QMessageBox.ButtonRole.ActionRole)
        self.folder_button = self.addButton(self.tr("Show in folder"), QMessageBox.ButtonRole.ActionRole)
        self.open_button.setToolTip(
            self.tr("Open {name} with the program your system uses for it").format(name=done.path.name))
        self.folder_button.setToolTip(self.tr("Open the folder {folder}").format(folder=done.path.parent))
        self.close_button = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.close_button)
        self.setEscapeButton(self.close_button)
        grid = self.layout()  # wide enough that a file name and its folder keep to one line each
        grid.addItem(QSpacerItem(MESSAGE_WIDTH, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum),
                     grid.rowCount(), 0, 1, grid.columnCount())

    @staticmethod
    def describe(done: exporters.Exported) -> str:
        """What was written and where, then any warnings worth a look (the first ten)."""
        if not hasattr(done, "claim_count"):  # the evidence zip (``evidence.Written``)
            from factcheck.core import attachments

            template = (QCoreApplication.translate(
                "ExportedMessageBox", "Wrote 1 evidence file ({size}), with SHA256SUMS, to\n{file}\nin {folder}")
                if done.files == 1 else QCoreApplication.translate(
                "ExportedMessageBox", "Wrote {files} evidence files ({size}), with SHA256SUMS, to\n{file}\nin {folder}"))
            text = template.format(files=done.files, size=language.ui(attachments.size_text(done.size)),
                                   file=done.path.name, folder=done.path.parent)
            return ExportedMessageBox._with_warnings(text, done.warnings)
        n, articles = done.claim_count, done.article_count
        if n == 1 and articles == 1:
            template = QCoreApplication.translate("ExportedMessageBox", "Wrote 1 claim from 1 article to\n{file}\nin {folder}")
        elif n == 1:
            template = QCoreApplication.translate("ExportedMessageBox",
                                                  "Wrote 1 claim from {articles} articles to\n{file}\nin {folder}")
        elif articles == 1:
            template = QCoreApplication.translate("ExportedMessageBox",
                                                  "Wrote {n} claims from 1 article to\n{file}\nin {folder}")
        else:
            template = QCoreApplication.translate("ExportedMessageBox",
                                                  "Wrote {n} claims from {articles} articles to\n{file}\nin {folder}")
        text = template.format(n=n, articles=articles, file=done.path.name, folder=done.path.parent)
        return ExportedMessageBox._with_warnings(text, done.warnings)

    @staticmethod
    def _with_warnings(text: str, warnings) -> str:
        if warnings:
            shown = "\n\n".join(language.ui(warning) for warning in warnings[:10])
            more = len(warnings) - 10
            if more > 0:
                shown += "\n\n" + QCoreApplication.translate("ExportedMessageBox", "…and {n} more.").format(n=more)
            text += "\n\n" + QCoreApplication.translate("ExportedMessageBox", "Worth a look:\n\n{warnings}").format(
                warnings=shown)
        return text

    def choice(self) -> str | None:
        """``OPEN``, ``FOLDER`` or None (closed), by the button clicked."""
        clicked = self.clickedButton()
        return self.OPEN if clicked is self.open_button else self.FOLDER if clicked is self.folder_button else None

    @classmethod
    def ask(cls, parent: QWidget | None, done: exporters.Exported) -> str | None:
        """Show the message; returns ``OPEN``, ``FOLDER`` or None."""
        box = cls(done, parent)
        box.exec()
        return box.choice()


def reveal(path: str | pathlib.Path, choice: str | None, parent: QWidget | None = None) -> bool:
    """Open the exported file (``OPEN``) or its folder (``FOLDER``) on the desktop; says so when it cannot."""
    if choice not in (ExportedMessageBox.OPEN, ExportedMessageBox.FOLDER):
        return False
    target = pathlib.Path(path) if choice == ExportedMessageBox.OPEN else pathlib.Path(path).parent
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
        return True
    if choice == ExportedMessageBox.OPEN:
        text = QCoreApplication.translate("ExportedMessageBox", "No program could be started to open {name}.").format(
            name=target.name)
    else:
        text = QCoreApplication.translate("ExportedMessageBox",
                                          "No program could be started to open the folder {folder}.").format(folder=target)
    QMessageBox.warning(parent, QCoreApplication.translate("ExportedMessageBox", "Not opened"), text)
    return False


class ExportWorker(long_work.Job):
    """Writes one export through a connection of its own to the project file (read-only). ``cancel`` makes the
    export stop at its next batch of claims, leaving no file."""

    def __init__(self, project_path, user: str, fmt: str, selection: exporters.Selection, path: str,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.project_path, self.user, self.fmt, self.selection, self.path = project_path, user, fmt, selection, path

    def work(self) -> exporters.Exported:
        from factcheck.core.project import Project

        # Its own connection (SQLite's WAL lets the window's go on); one read transaction inside.
        with Project.open(self.project_path, user=self.user, read_only=True) as project:
            return exporters.export_to_file(project, self.fmt, self.selection, self.path, progress=self.progress)


class ExportRunner(long_work.Runner):
    """Runs an export for a window on a worker: the window paints; after half a second, progress and Cancel."""

    def export(self, project, fmt: str, selection: exporters.Selection, path: str) -> exporters.Exported:
        """What was written (``Cancelled`` when the person cancels; a ``KnownError`` when it fails)."""
        worker = ExportWorker(project.path, project.user, fmt, selection, path, self)
        self.wait_for(worker, self.tr("Export"), self.tr("Writing {name}…").format(name=pathlib.Path(path).name))
        if worker.error is not None:
            raise worker.error
        if worker.result is None:
            raise Cancelled(N_("The export was cancelled; nothing was written."))
        return worker.result


def run_export(session, parent: QWidget | None = None) -> str | None:
    """Ask what to export and where, write it (on a worker, with progress and Cancel) and say where it went;
    returns the path written (None if not)."""
    answer = ExportDialog.ask(session, parent)
    if answer is None:
        return None
    fmt, selection, path = answer
    try:
        done = ExportRunner(parent).export(session.project, fmt, selection, path)
    except Cancelled:
        return None  # the person asked for it; nothing was written
    except KnownError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("ExportDialog", "Not exported"), language.ui(exc))
        return None
    reveal(done.path, ExportedMessageBox.ask(parent, done), parent)
    return str(done.path)
