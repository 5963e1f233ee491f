"""A claim's verification tasks as a checklist: the project's template, ticked claim by claim.

Each task is a checkbox named by its label, marked when the template requires it before
Submit, with who ticked it and when. Ticking is one undoable step through the session;
the core records it in the claim's history and decides what Submit still needs.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import history, model
from factcheck.core.errors import KnownError
from factcheck.core.model import What
from factcheck.ui import alerts
from factcheck.ui.review_panel import local_time
from factcheck.ui.session import Session


def _dim(label: QLabel) -> QLabel:
    """Secondary text in the palette's placeholder colour (readable in light and dark themes)."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class _TaskLabel(QLabel):
    """A task's label, word-wrapped beside its checkbox; clicking it clicks the box."""

    sig_clicked = Signal()
    """The label was clicked with the left button."""

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.sig_clicked.emit()


class _TaskRow:
    """The widgets of one task: checkbox, label, and the line saying required / who ticked it when."""

    def __init__(self, task, on_clicked):
        self.task_id = task.id
        self.box = QCheckBox()
        self.box.setAccessibleName(task.label)
        self.label = _TaskLabel(task.label)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setBuddy(self.box)
        self.meta = QLabel()  # who ticked it and when: full contrast, not a dimmed aside
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.box.clicked.connect(lambda checked: on_clicked(self.task_id, checked))
        self.label.sig_clicked.connect(lambda: self.box.isEnabled() and self.box.click())

    def show(self, task, enabled: bool) -> None:
        self.box.setChecked(task.done)
        self.box.setEnabled(enabled)
        self.label.setEnabled(enabled)
        translate = QCoreApplication.translate
        who, when = task.done_by, local_time(task.done_at) if task.done else ""
        parts = []
        if task.required:
            parts.append(translate("TasksPanel", "<b>Required</b>") if task.done
                         else translate("TasksPanel", "<b>Required</b> before Submit"))
        if task.done:
            parts.append(html.escape(translate("TasksPanel", "ticked by {who}, {when}").format(who=who, when=when)))
        self.meta.setText(" · ".join(parts))
        self.meta.setVisible(bool(parts))
        if task.required and task.done:
            description = translate("TasksPanel", "Required before Submit. Ticked by {who}, {when}.").format(who=who, when=when)
        elif task.required:
            description = translate("TasksPanel", "Required before Submit.")
        elif task.done:
            description = translate("TasksPanel", "Ticked by {who}, {when}.").format(who=who, when=when)
        else:
            description = ""
        self.box.setAccessibleDescription(description)
        self.box.setToolTip(description)


class TasksPanel(QWidget):
    """The shown claim's verification tasks as checkboxes (disabled in a read-only project)."""

    sig_progress_changed = Signal(int, int)
    """The shown claim's tasks were read again: (ticked, total)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.claim_id: str | None = None
        self.tasks: list = []
        self.rows: list[_TaskRow] = []
        self._shape: list[tuple] = []  # (id, label, required) of the tasks the rows were built for

        self.hint = _dim(QLabel(self.tr("No verification tasks: set them in File > Project settings")))
        self.hint.setWordWrap(True)
        self.required_hint = _dim(QLabel(
            self.tr("Tasks marked Required must be ticked before the claim can be submitted for review.")))
        self.required_hint.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(4, 8, 4, 4)
        page_layout.addWidget(self.hint)
        page_layout.addLayout(self.grid)
        page_layout.addSpacing(6)
        page_layout.addWidget(self.required_hint)
        page_layout.addStretch()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(page)
        self.setAccessibleName(self.tr("Verification tasks"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        session.sig_changed.connect(self._on_session_changed)
        self._load()

    @property
    def writable(self) -> bool:
        return not self.session.project.read_only

    def set_claim(self, claim_id: str | None, *, force: bool = False) -> None:
        """Show a claim's tasks; the same claim again is read only with ``force`` (changes refresh it)."""
        if claim_id == self.claim_id and not force:
            return
        self.claim_id = claim_id
        self._load()

    def _load(self) -> None:
        tasks = []
        if self.claim_id is not None:
            try:
                tasks = self.session.project.tasks(self.claim_id)
            except KnownError as exc:
                alerts.show_error(self, exc)
        self.tasks = tasks
        shape = [(t.id, t.label, t.required) for t in tasks]
        if shape != self._shape:
            self._build(tasks)
            self._shape = shape
        claim = self.session.claim(self.claim_id) if self.claim_id else None
        enabled = self.writable and claim is not None and not claim.deleted_at
        for row, task in zip(self.rows, tasks):
            row.show(task, enabled)
        self.hint.setVisible(self.claim_id is not None and not tasks)
        self.required_hint.setVisible(any(t.required for t in tasks))
        self.sig_progress_changed.emit(sum(t.done for t in tasks), len(tasks))

    def _build(self, tasks: list) -> None:
        """Make one row per task, keeping the keyboard focus on the same task."""
        focused = next((row.task_id for row in self.rows if row.box.hasFocus()), None)
        for row in self.rows:
            for widget in (row.box, row.label, row.meta):
                self.grid.removeWidget(widget)
                widget.setParent(None)
                widget.deleteLater()
        self.rows = []
        for i, task in enumerate(tasks):
            row = _TaskRow(task, self._on_box_clicked)
            self.grid.addWidget(row.box, 2 * i, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(row.label, 2 * i, 1)
            self.grid.addWidget(row.meta, 2 * i + 1, 1)
            self.rows.append(row)
        for row in self.rows:
            if row.task_id == focused:
                row.box.setFocus()
        previous = self._focus_anchor()
        for row in self.rows if previous is not None else ():
            QWidget.setTabOrder(previous, row.box)
            previous = row.box

    def _focus_anchor(self) -> QWidget | None:
        """The last widget Tab stops at before this panel.

        Boxes made after the window join the end of its focus chain; put after this
        widget, Tab reaches them where the panel is (from the inspector's tab bar).
        """
        widget = self.previousInFocusChain()
        while widget is not None and widget is not self.window():
            if widget is not self and not self.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return widget
            widget = widget.previousInFocusChain()
        return None

    def box(self, task_id: str) -> QCheckBox | None:
        """The checkbox of a task (None when the template has no such task)."""
        return next((row.box for row in self.rows if row.task_id == task_id), None)

    def _on_box_clicked(self, task_id: str, checked: bool) -> None:
        if self.claim_id is None:
            return
        try:
            self.session.do(history.TickTask(self.claim_id, task_id, checked), initiator=self)
        except KnownError as exc:
            alerts.show_error(self, exc)
            self._load()  # the box shows what is saved again

    def _on_session_changed(self, changes: model.Changes) -> None:
        if self.claim_id is None:
            return
        if changes.what & What.SETTINGS or (changes.what & What.TASKS and self.claim_id in changes.claims):
            self._load()
