"""The evidence files of a source or a citation, in its dialog: attach, drop, paste, open, remove, preview.

``EvidencePanel`` lists what ``Project.attachments`` returns and writes only through
``session.do`` (``history.Attach``, ``history.Detach``), so every step is undoable and the
other views hear of it. A file larger than ``LARGE`` is stored on a worker thread with a
connection of its own (``StoreRunner``: a progress dialog with Cancel after half a second,
the window keeps painting); it is then attached by its SHA-256 on the window's connection.

``CitedFilesModel`` is the inspector's table of a claim's sources with how many files each
holds, and File > Attach evidence… (``attach_to_claims_source``) says in the status bar what
it attached and where: a file attached is seen where the person looks next.

Opening a file writes a read-only temporary copy (``Project.export_to_temp``) and hands
it to the system's viewer. The preview shows images (scaled as they are read), the first
page of a PDF (pypdfium2) and saved pages as text in ``OfflineBrowser``, a text browser
that loads nothing a page names: no image, stylesheet or link is ever fetched.
"""

from __future__ import annotations

import datetime
import itertools
import pathlib

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QImageReader, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import history, later, model
from factcheck.core.errors import ImportCancelled, KnownError
from factcheck.core.text import N_
from factcheck.ui import language, long_work, models

attachments = later.Module("factcheck.core.attachments")  # on the first file attached or listed, not with the inspector

#: Files larger than this are stored on a worker thread, with progress and Cancel.
LARGE = 16 * 1000 * 1000
#: What the preview reads at most: an image, a PDF (its first page), the start of a text or page.
PREVIEW_IMAGE_BYTES = 50 * 1000 * 1000
PREVIEW_PDF_BYTES = 200 * 1000 * 1000
PREVIEW_TEXT_BYTES = 2 * 1024 * 1024
PREVIEW_MHTML_BYTES = 20 * 1000 * 1000
_TEXT_TYPES = ("application/json", "application/xml", "image/svg+xml")
#: Characters of a source's title that the status bar's "Attached…" keeps, so the message fits a narrow window.
SOURCE_CHARS = 50


def screenshot_name(when: datetime.datetime | None = None) -> str:
    """The name a pasted screenshot gets: "Screenshot 2024-05-01 10.42.png" (local time)."""
    when = when or datetime.datetime.now()
    return f"Screenshot {when:%Y-%m-%d %H.%M}.png"


# --- storing large files on a worker -------------------------------------------------------------


class StoreWorker(long_work.Job):
    """Stores one file in the vault through a connection of its own."""

    def __init__(self, project_path, user: str, path: str, parent: QObject | None = None):
        super().__init__(parent)
        self.project_path, self.user, self.path = project_path, user, path

    def work(self) -> model.EvidenceFile:
        from factcheck.core.project import Project

        with Project.open(self.project_path, user=self.user) as project:
            return project.store_evidence(self.path, progress=self.progress)


class StoreRunner(long_work.Runner):
    """Stores a large file for a window on a worker: the window paints; after half a second, progress and Cancel."""

    def store(self, project, path: str) -> model.EvidenceFile:
        """The stored file (``ImportCancelled`` when the person cancels; a ``KnownError`` when it is refused)."""
        name = pathlib.Path(path).name
        worker = StoreWorker(project.path, project.user, path, self)
        self.wait_for(worker, self.tr("Attaching {name}").format(name=name), self.tr("Storing {name}…").format(name=name))
        if worker.error is not None:
            raise worker.error
        if worker.cancelled or worker.result is None:
            raise ImportCancelled(N_("Storing {name} was cancelled; nothing was attached.", name=name))
        return worker.result


# --- attaching --------------------------------------------------------------------------------------


def show_error(parent: QWidget | None, exc) -> None:
    """Say why a file was not attached, opened or removed (tests replace this)."""
    QMessageBox.warning(parent, QCoreApplication.translate("EvidencePanel", "Evidence"), language.ui(exc))


def ask_files(parent: QWidget | None) -> list[str]:
    """Files to attach, from a file dialog (tests replace this)."""
    return QFileDialog.getOpenFileNames(parent, QCoreApplication.translate("EvidencePanel", "Attach evidence"), "",
                                        QCoreApplication.translate("EvidencePanel", "All files (*)"))[0]


def attach_paths(session, parent: QWidget | None, paths, *, source_id: str | None = None,
                 citation_id: str | None = None, names: dict[str, str] | None = None,
                 initiator: object = None) -> list[str]:
    """Attach files, one undoable step each; large ones are stored on a worker first. The ids made.

    A refused file (missing, too large, attached already...) is said and the others go on.
    """
    made = []
    for path in paths:
        path = str(path)
        name = (names or {}).get(path)
        try:
            size = attachments.checked_size(path)
            if size > LARGE:
                stored = StoreRunner(parent).store(session.project, path)
                command = history.Attach(source_id=source_id, citation_id=citation_id, sha256=stored.sha256,
                                         name=name or pathlib.Path(path).name)
            else:
                command = history.Attach(source_id=source_id, citation_id=citation_id, path=path, name=name)
            changes = session.do(command, initiator=initiator)
        except ImportCancelled:
            continue
        except KnownError as exc:
            show_error(parent, exc)
            continue
        if changes.created:
            made.append(changes.created)
    return made


def choose_source(parent: QWidget | None, labels: list[str]) -> int | None:
    """Which of a claim's sources to attach to (index), or None when cancelled (tests replace this)."""
    label, ok = QInputDialog.getItem(
        parent, QCoreApplication.translate("EvidencePanel", "Attach evidence"),
        QCoreApplication.translate("EvidencePanel", "The claim cites several sources. Attach the files to:"),
        labels, 0, False)
    return labels.index(label) if ok and label in labels else None


def attach_to_claims_source(session, parent: QWidget | None, claim_id: str | None) -> list[str]:
    """File > Attach evidence…: files for the source the selected claim cites (asked when it cites several)."""
    if not claim_id:
        return []
    project = session.project
    try:
        cited = []
        for citation in project.citations(claim_id):
            source = project.source(citation.source_id)
            if source.deleted_at is None and source.id not in {s.id for s in cited}:
                cited.append(source)
    except KnownError as exc:
        show_error(parent, exc)
        return []
    if not cited:
        show_error(parent, N_("This claim cites no source yet. Cite one first: evidence is kept with a source."))
        return []
    index = 0 if len(cited) == 1 else choose_source(parent, [s.title or s.url for s in cited])
    if index is None:
        return []
    paths = ask_files(parent)
    made = attach_paths(session, parent, paths, source_id=cited[index].id) if paths else []
    if made:
        say_attached(parent, [session.project.attachment(a).name for a in made], cited[index].title or cited[index].url)
    return made


def say_attached(parent: QWidget | None, names: list[str], source: str) -> None:
    """Tell the window's status bar which files went where (nothing else shows it at once)."""
    window = parent.window() if parent is not None else None
    if not isinstance(window, QMainWindow):
        return
    source = source if len(source) <= SOURCE_CHARS else source[:SOURCE_CHARS - 1].rstrip() + "…"
    if len(names) == 1:
        text = QCoreApplication.translate("EvidencePanel", "Attached {file} to the source “{source}”.").format(
            file=names[0], source=source)
    else:
        text = QCoreApplication.translate("EvidencePanel", "Attached {n} files to the source “{source}”: {files}.").format(
            n=len(names), files=", ".join(names), source=source)
    window.statusBar().showMessage(text, 15_000)


class CitedFilesModel(models.CitationTableModel):
    """A claim's sources cited (``CitationTableModel``) and, last, how many evidence files each row holds:
    the source's own and the citation's, named in its tooltip. Without it nothing in the inspector
    showed that File > Attach evidence… had put a file anywhere."""

    COLUMNS = (*models.CitationTableModel.COLUMNS, N_("Files"))
    FILES = len(models.CitationTableModel.COLUMNS)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._files: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # citation id -> (source's, its own)

    def source_ids(self) -> set[str]:
        """The sources of the rows shown."""
        return {source.id for _citation, source in self._rows}

    def count_files(self, project) -> None:
        """Read the rows' files again, all in one query."""
        rows = self._rows
        citations = [citation.id for citation, _source in rows]
        found = project.managers.attachments.of_owners(sorted(self.source_ids()), citations) if rows else []
        files = {citation.id: (tuple(a.name for a in found if a.citation_id is None and a.source_id == source.id),
                               tuple(a.name for a in found if a.citation_id == citation.id))
                 for citation, source in rows}
        if files != self._files:
            self._files = files
            if rows:
                self.dataChanged.emit(self.index(0, self.FILES), self.index(len(rows) - 1, self.FILES))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if section == self.FILES and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Evidence files kept with the source and with this citation")
        return super().headerData(section, orientation, role)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not (index.isValid() and index.column() == self.FILES and 0 <= index.row() < len(self._rows)):
            return super().data(index, role)
        citation = self._rows[index.row()][0]
        own, cited = self._files.get(citation.id, ((), ()))
        n = len(own) + len(cited)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(n) if n else ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("1 file") if n == 1 else self.tr("{n} files").format(n=n)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self.tr("The source's: {files}").format(files=", ".join(own))] if own else []
            lines += [self.tr("This citation's: {files}").format(files=", ".join(cited))] if cited else []
            return "\n".join(lines) or self.tr("No evidence files yet (File > Attach evidence…)")
        if role == Qt.ItemDataRole.UserRole:
            return citation.id
        return None


def open_in_viewer(path: pathlib.Path) -> bool:
    """Hand a file to the system's viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# --- the preview ------------------------------------------------------------------------------------


class OfflineBrowser(QTextBrowser):
    """A text browser for saved pages that fetches nothing: every resource a page names stays unloaded."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        #: Every resource a page asked for (none was loaded): for tests, and to say so.
        self.refused: list[QUrl] = []

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 - Qt's name
        self.refused.append(QUrl(url))
        return None


def _decode(data: bytes, charset: str | None = None) -> str:
    for encoding in (charset, "utf-8", "cp1252"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


def _mhtml_html(data: bytes) -> str | None:
    """The page of a saved MHTML file (its first HTML part), or None."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            return _decode(payload, part.get_content_charset())
    return None


class EvidencePanel(QWidget):
    """The evidence files of one source (``source_id``) or one citation (``citation_id``).

    With neither (a source or citation not saved yet) it only says how to attach files once it is
    saved (``for_citation``: the sentence for a citation). The dialog holding it closes when it saves,
    so that sentence names the places that take files afterwards.
    """

    sig_attached = Signal(list)
    """Files were attached from this panel; carries the new attachments' ids."""

    def __init__(self, session, parent: QWidget | None = None, *, source_id: str | None = None,
                 citation_id: str | None = None, for_citation: bool = False):
        super().__init__(parent)
        self.session = session
        self.source_id, self.citation_id = source_id, citation_id
        self.for_citation = for_citation
        self._shown: list[model.Attachment] = []
        self._preview_for: str | None = None

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Evidence files"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumHeight(70)
        self.list.setAcceptDrops(True)
        self.list.viewport().setAcceptDrops(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.attach_button = QPushButton(self.tr("Attac&h…"))
        self.attach_button.setToolTip(self.tr("Attach files kept as evidence (or drop them on the list)"))
        self.paste_button = QPushButton(self.tr("Paste scr&eenshot"))
        self.paste_button.setToolTip(self.tr("Attach the picture on the clipboard as a PNG file"))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open a read-only copy in the program your system uses for it"))
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.setToolTip(self.tr("Remove the file from this list (Undo brings it back)"))
        for button in (self.attach_button, self.paste_button, self.open_button, self.remove_button):
            button.setAutoDefault(False)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setEnabled(False)

        self.preview = QStackedWidget()
        self.preview.setMinimumSize(QSize(220, 160))
        self.preview_message = QLabel()
        self.preview_message.setWordWrap(True)
        self.preview_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_message.setEnabled(False)
        self.preview_image = QLabel()
        self.preview_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_image.setAccessibleName(self.tr("Preview"))
        # A page drawn for the preview never sizes the dialog (a PDF's portrait page made a source's dialog 1,040 px
        # tall, its buttons off a laptop's screen): the picture is fitted to the room it is given instead.
        self.preview_image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._picture: QImage | None = None  # the preview's picture as read or drawn, before it is fitted
        self.preview_text = OfflineBrowser()
        self.preview_text.setAccessibleName(self.tr("Preview"))
        for widget in (self.preview_message, self.preview_image, self.preview_text):
            self.preview.addWidget(widget)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.attach_button, self.paste_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        left.addWidget(self.hint_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 3)
        layout.addWidget(self.preview, 2)

        for keys, slot in ((QKeySequence.StandardKey.Paste, self.paste_screenshot),
                           (QKeySequence.StandardKey.Delete, self.remove_selected)):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.attach_button.clicked.connect(self._on_attach_button_clicked)
        self.paste_button.clicked.connect(self.paste_screenshot)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(self._on_list_item_selection_changed)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.viewport().installEventFilter(self)
        self.preview.installEventFilter(self)
        session.sig_changed.connect(self._on_session_changed)
        self.refresh()

    # --- what it shows ------------------------------------------------------------------

    @property
    def target(self) -> dict[str, str]:
        """Where files go: {"source_id": ...} or {"citation_id": ...} (empty: nowhere yet)."""
        if self.citation_id:
            return {"citation_id": self.citation_id}
        return {"source_id": self.source_id} if self.source_id else {}

    @property
    def writable(self) -> bool:
        return bool(self.target) and not getattr(self.session.project, "read_only", False)

    def attachments(self) -> list[model.Attachment]:
        return list(self._shown)

    def _on_source(self) -> str:
        """For a citation's panel: where its source's own files are, if it has any ('' otherwise). File > Attach
        evidence… puts files on the source, and a citation's panel saying only "No files yet" read as if it had failed."""
        if not (self.for_citation and self.citation_id):
            return ""
        try:
            source_id = self.session.project.citation(self.citation_id).source_id
            n = len(self.session.project.attachments(source_id=source_id))
        except KnownError:
            return ""
        if not n:
            return ""
        return (self.tr("Its source has a file of its own: Sources > Source library… > Edit… shows it.") if n == 1
                else self.tr("Its source has {n} files of its own: Sources > Source library… > Edit… shows them.")
                .format(n=n))

    def refresh(self, select_id: str | None = None) -> None:
        keep = select_id or (self.selected().id if self.selected() else None)
        try:
            self._shown = self.session.project.attachments(**self.target) if self.target else []
        except KnownError as exc:
            self._shown = []
            self.hint_label.setText(language.ui(exc))
        self.list.clear()
        for a in self._shown:
            text = self.tr("{name} · {size}").format(name=a.name, size=language.ui(attachments.size_text(a.size)))
            if not a.stored:
                text = self.tr("{file} (not in this copy)").format(file=text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            tip = [self.tr("SHA-256: {sha}").format(sha=a.sha256), self.tr("Type: {mime}").format(mime=a.mime),
                   self.tr("Attached by {who} on {when}").format(who=a.captured_by, when=a.captured_at[:16].replace(
                       "T", " "))]
            if a.note:
                tip.append(self.tr("Note: {note}").format(note=a.note))
            item.setToolTip("\n".join(tip))
            self.list.addItem(item)
        if not self.target and self.for_citation:
            self.hint_label.setText(self.tr(
                "Once it is saved, select it in the claim's Sources table and press Edit… to attach its files "
                "(the source's own: File > Attach evidence…)."))
        elif not self.target:
            self.hint_label.setText(self.tr(
                "Once it is added, attach its files from Sources > Source library… > Edit…, or with File > Attach "
                "evidence… on a claim that cites it."))
        elif not self._shown:
            self.hint_label.setText(" ".join(filter(None, (self.tr(
                "No files yet. Attach PDFs, screenshots, saved pages or recordings: drop them here, or paste a "
                "screenshot."), self._on_source()))))
        else:
            self.hint_label.setText(" ".join(filter(None, (self.tr(
                "Kept in the project with their SHA-256; attaching takes effect at once (Edit > Undo takes it back)."),
                self._on_source()))))
        row = next((i for i, a in enumerate(self._shown) if a.id == keep), 0 if self._shown else -1)
        if row >= 0:
            self.list.setCurrentRow(row)
        self._update_buttons()
        self._show_preview()

    def selected(self) -> model.Attachment | None:
        items = self.list.selectedItems()
        row = self.list.row(items[0]) if items else -1
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        for button in (self.attach_button, self.paste_button):
            button.setEnabled(self.writable)
        self.list.setEnabled(bool(self.target))
        self.open_button.setEnabled(bool(chosen and chosen.stored))
        self.remove_button.setEnabled(bool(chosen) and self.writable)
        self._fit_to_contents()

    def _fit_to_contents(self) -> None:
        """Show only what can be used: a row not saved yet gets the hint alone, a list without
        files no preview (so a dialog holding the panel stays small enough for a 700 px screen)."""
        saved = bool(self.target)
        for widget in (self.list, self.attach_button, self.paste_button, self.open_button, self.remove_button):
            widget.setVisible(saved)
        self.preview.setVisible(bool(self._shown))

    # --- actions ------------------------------------------------------------------------

    def attach(self, paths, names: dict[str, str] | None = None) -> list[str]:
        """Attach files here (see ``attach_paths``); the new attachments' ids."""
        if not self.writable or not paths:
            return []
        made = attach_paths(self.session, self, paths, names=names, initiator=self, **self.target)
        self.refresh(select_id=made[-1] if made else None)
        if made:
            self.sig_attached.emit(made)
        return made

    def paste_screenshot(self) -> list[str]:
        """Attach the clipboard's picture as "Screenshot YYYY-MM-DD HH.MM.png" (or the files it holds)."""
        if not self.writable:
            return []
        clipboard = QGuiApplication.clipboard()
        data = clipboard.mimeData()
        if data is not None and data.hasImage():
            return self._attach_image(clipboard.image())
        files = [u.toLocalFile() for u in (data.urls() if data is not None else []) if u.isLocalFile()]
        if files:
            return self.attach(files)
        show_error(self, N_("The clipboard holds no picture or file to attach."))
        return []

    def _attach_image(self, image: QImage) -> list[str]:
        if image.isNull():
            show_error(self, N_("The clipboard holds no picture or file to attach."))
            return []
        name = screenshot_name()
        folder = attachments.session_folder() / "pasted"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{datetime.datetime.now():%Y%m%d-%H%M%S-%f}.png"
        if not image.save(str(path), "PNG"):
            show_error(self, N_("The picture could not be saved as a PNG file."))
            return []
        try:
            return self.attach([str(path)], names={str(path): name})
        finally:
            path.unlink(missing_ok=True)

    def open_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            path = self.session.project.export_to_temp(chosen.sha256, chosen.name)
        except KnownError as exc:
            show_error(self, exc)
            return
        if not open_in_viewer(path):
            show_error(self, N_("No program on this computer opens {name}; it is kept in the project all the same.",
                                name=chosen.name))

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.writable:
            return
        try:
            self.session.do(history.Detach(chosen.id), initiator=self)
        except KnownError as exc:
            show_error(self, exc)
        self.refresh()

    # --- reactions ----------------------------------------------------------------------

    def _on_attach_button_clicked(self) -> None:
        paths = ask_files(self)
        if paths:
            self.attach(paths)

    def _on_list_item_selection_changed(self) -> None:
        self._update_buttons()
        self._show_preview()

    def _on_session_changed(self, changes: model.Changes) -> None:
        if changes.initiator is self or not changes.what & model.What.EVIDENCE:
            return
        if self.target and (self.source_id in changes.sources or changes.what == model.What.EVERYTHING
                            or self.citation_id):
            self.refresh()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if watched is self.preview and kind == event.Type.Resize and self._picture is not None:
            self._show_picture()  # the dialog was laid out or resized: the picture fits its new room
        if watched is self.list.viewport() and kind in (event.Type.DragEnter, event.Type.DragMove):
            data = event.mimeData()
            if self.writable and (data.hasUrls() or data.hasImage()):
                event.acceptProposedAction()
                return True
        if watched is self.list.viewport() and kind == event.Type.Drop:
            self.drop(event.mimeData())
            event.acceptProposedAction()
            return True
        return super().eventFilter(watched, event)

    def drop(self, data) -> list[str]:
        """Attach what was dropped: files, or a picture dragged from another program."""
        if not self.writable:
            return []
        files = [u.toLocalFile() for u in data.urls() if u.isLocalFile()] if data.hasUrls() else []
        if files:
            return self.attach(files)
        if data.hasImage():
            return self._attach_image(QImage(data.imageData()))
        return []

    # --- the preview --------------------------------------------------------------------

    def _message(self, text: str) -> None:
        self._picture = None
        self.preview_message.setText(text)
        self.preview.setCurrentWidget(self.preview_message)

    def _show_picture(self, image: QImage | None = None) -> None:
        """Show ``image`` (or the picture shown, again) whole in the preview: scaled down to fit, never up."""
        if image is not None:
            self._picture = image
        room = self._fit()
        picture = self._picture
        if picture.width() > room.width() or picture.height() > room.height():
            picture = picture.scaled(room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.preview_image.setPixmap(QPixmap.fromImage(picture))
        self.preview.setCurrentWidget(self.preview_image)

    def _show_preview(self) -> None:
        chosen = self.selected()
        self._preview_for = chosen.id if chosen else None
        if chosen is None:
            self._message(self.tr("Select a file to see it here."))
            return
        if not chosen.stored:
            self._message(self.tr("This file is not in this copy of the project yet: merge the copy it was attached "
                                  "in, or ask for a hand-off."))
            return
        mime = chosen.mime
        try:
            if mime.startswith("image/") and mime != "image/svg+xml":
                self._preview_image(chosen)
            elif mime == "application/pdf":
                self._preview_pdf(chosen)
            elif mime.startswith("text/") or mime in _TEXT_TYPES or mime == "multipart/related":
                self._preview_page(chosen)
            else:
                self._message(self.tr("No preview for this kind of file ({mime}). Open shows it.").format(mime=mime))
        except KnownError as exc:
            self._message(language.ui(exc))

    def _fit(self) -> QSize:
        size = self.preview.size()
        return QSize(max(200, size.width() - 8), max(150, size.height() - 8))

    def _preview_image(self, chosen: model.Attachment) -> None:
        if chosen.size > PREVIEW_IMAGE_BYTES:
            self._message(self.tr("Too large to preview. Open shows it."))
            return
        path = self.session.project.export_to_temp(chosen.sha256, chosen.name)
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():  # read it scaled: a 40-megapixel photo is not decoded whole for a thumbnail
            reader.setScaledSize(size.scaled(self._fit(), Qt.AspectRatioMode.KeepAspectRatio).boundedTo(size))
        image = reader.read()
        if image.isNull():
            self._message(self.tr("This picture cannot be shown here. Open shows it."))
            return
        self._show_picture(image)

    def _preview_pdf(self, chosen: model.Attachment) -> None:
        if chosen.size > PREVIEW_PDF_BYTES:
            self._message(self.tr("Too large to preview. Open shows it."))
            return
        import pypdfium2 as pdfium

        from factcheck.ui.import_worker import PDFIUM_LOCK

        path = self.session.project.export_to_temp(chosen.sha256, chosen.name)
        if not PDFIUM_LOCK.acquire(timeout=0.5):  # a PDF is being imported meanwhile
            self._message(self.tr("The preview will show once the import under way ends."))
            return
        try:
            document = pdfium.PdfDocument(str(path))
            try:
                page = document[0]
                width = self._fit().width()
                bitmap = page.render(scale=width / (page.get_width() or 1), rev_byteorder=True, prefer_bgrx=True,
                                     may_draw_forms=False)
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGBX8888).copy()
                bitmap.close()
                page.close()
            finally:
                document.close()
        except pdfium.PdfiumError:
            self._message(self.tr("This PDF cannot be shown here (damaged, or protected by a password). "
                                  "Open shows it."))
            return
        finally:
            PDFIUM_LOCK.release()
        self._show_picture(image)

    def _read_start(self, chosen: model.Attachment, limit: int) -> bytes:
        """The first ``limit`` bytes of a stored file (read chunk by chunk, never the rest)."""
        pieces = []
        got = 0
        for chunk in itertools.takewhile(lambda _c: got < limit, self.session.project.evidence_chunks(chosen.sha256)):
            pieces.append(chunk)
            got += len(chunk)
        return b"".join(pieces)[:limit]

    def _preview_page(self, chosen: model.Attachment) -> None:
        self.preview_text.refused.clear()
        if chosen.mime == "multipart/related":
            if chosen.size > PREVIEW_MHTML_BYTES:
                self._message(self.tr("Too large to preview. Open shows it."))
                return
            page = _mhtml_html(self._read_start(chosen, PREVIEW_MHTML_BYTES))
            if page is None:
                self._message(self.tr("This saved page holds no HTML to show. Open shows it."))
                return
            self.preview_text.setHtml(page)
        else:
            data = self._read_start(chosen, PREVIEW_TEXT_BYTES)
            if chosen.mime == "text/html":
                self.preview_text.setHtml(_decode(data))
            else:
                self.preview_text.setPlainText(_decode(data))
        self._picture = None
        self.preview.setCurrentWidget(self.preview_text)
