"""File > Send changes…: write a hand-off file of what a partner's copy lacks (``core.handoff``).

The checker picks who the changes are for (a partner this copy exchanged with before, or a
new name), sees how many changes that is, and saves the file, by default beside the
project and named after it, the partner and the day. The partner merges it with File >
Merge project…; the next hand-off to them holds only what came after.
"""

from __future__ import annotations

import datetime
import pathlib

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from factcheck import paths
from factcheck.core import handoff
from factcheck.core.errors import KnownError
from factcheck.ui import alerts, language
from factcheck.ui.models import local_time


def suggested_path(project_path: pathlib.Path, partner: str) -> pathlib.Path:
    """Beside the project: "<project>-to-<partner>-<day>.factcheck-changes", not over an existing file."""
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in partner.strip())
    safe = "-".join(part for part in safe.split("-") if part) or "partner"  # "Ana (checker)" -> "Ana-checker"
    base = f"{project_path.stem}-to-{safe}-{datetime.date.today():%Y-%m-%d}"
    return paths.unused_name(project_path, base, handoff.SUFFIX)


class SendChangesDialog(QDialog):
    """Who the changes are for and how much goes; ``send`` (the Save button) writes the file.

    ``partner`` is an editable combo of earlier partners; ``what_they_lack`` and
    ``everything`` choose the range; ``count_label`` says how many changes will go.
    ``written`` holds the result once saved.
    """

    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.written: handoff.Written | None = None
        self._shown_partner: str | None = None
        self.setWindowTitle(self.tr("Send changes"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "Write the changes another copy of this project lacks to a small file, to send by e-mail or carry on "
            "a USB stick. Its owner merges it with File > Merge project…"))
        intro.setWordWrap(True)
        self.partners = handoff.partners(project)
        self.partner = QComboBox()
        self.partner.setEditable(True)
        self.partner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.partner.setAccessibleName(self.tr("Who the changes are for"))
        for p in self.partners:
            self.partner.addItem(p.name)
        self.partner.lineEdit().setPlaceholderText(self.tr("Their name, e.g. Ana (editor)"))
        if not self.partners:
            self.partner.setEditText("")
        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        self.what_they_lack = QRadioButton(self.tr("&Only what they lack (since your last exchange with them)"))
        self.everything = QRadioButton(self.tr("&Everything (the whole history of the project)"))
        self.range_group = QButtonGroup(self)
        for button in (self.what_they_lack, self.everything):
            self.range_group.addButton(button)
        self.what_they_lack.setChecked(True)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("&For:"), self.partner)
        form.addRow("", self.last_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save as…"))
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.what_they_lack)
        layout.addWidget(self.everything)
        layout.addWidget(self.count_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.partner.currentTextChanged.connect(self._refresh)
        self.range_group.buttonToggled.connect(lambda *_: self._refresh())
        self._refresh()

    def _known(self, name: str) -> handoff.Partner | None:
        return next((p for p in self.partners if p.name == name.strip()), None)

    def _since(self) -> str | None:
        return handoff.START if self.everything.isChecked() else None

    def _refresh(self) -> None:
        name = self.partner.currentText().strip()
        known = self._known(name)
        if known is None:
            self.last_label.setText(self.tr("A new partner: nothing was exchanged with them from this copy yet, "
                                            "so everything goes.") if name else "")
        else:
            self.last_label.setText(self.tr("Last sent: {sent}. Last received: {received}.").format(
                sent=local_time(known.sent_at) if known.sent_at else self.tr("never"),
                received=local_time(known.received_at) if known.received_at else self.tr("never")))
        self.what_they_lack.setEnabled(known is not None)
        if known is None or name != self._shown_partner:  # a new partner gets everything; a known one, what they lack
            self._shown_partner = name
            (self.what_they_lack if known is not None else self.everything).setChecked(True)
        try:
            n = handoff.lacking(self.project, since=self._since(), to=name)
        except KnownError as exc:
            self.count_label.setText(language.ui(exc))
            self.save_button.setEnabled(False)
            return
        if n == 0:  # what was sent may not have arrived: say so, and how to send it all again
            self.count_label.setText(self.tr(
                "Every change was already sent to {name} or came from them, so the file would hold none. If the "
                "last file did not reach them, choose Everything.").format(name=name))
        else:
            self.count_label.setText(self.tr("1 change will go in the file.") if n == 1 else self.tr(
                "{n} changes will go in the file.").format(n=QLocale().toString(n)))
        self.save_button.setEnabled(bool(name) and n > 0)

    def send(self) -> None:
        """Ask where to save, write the file, and close (an error is shown and the dialog stays)."""
        name = self.partner.currentText().strip()
        if not name:
            return
        default = suggested_path(pathlib.Path(self.project.path), name)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the changes for {name}").format(name=name), str(default),
            self.tr("factcheck hand-off files (*{suffix})").format(suffix=handoff.SUFFIX))
        if not chosen:
            return
        path = pathlib.Path(chosen)
        if path.suffix != handoff.SUFFIX:
            path = path.with_name(path.name + handoff.SUFFIX)
        if path.exists() and not handoff.is_handoff(path):
            alerts.show_error(self, self.tr("{name} exists and is not a hand-off file; choose another name.")
                              .format(name=path.name))
            return
        try:
            self.written = handoff.write(self.project, path, since=self._since(), to=name)
        except (KnownError, OSError) as exc:
            alerts.show_error(self, exc if isinstance(exc, KnownError) else self.tr(
                "The file could not be written: {reason}.").format(reason=exc.strerror or str(exc)))
            return
        self.accept()


def run_send_changes(window, project) -> handoff.Written | None:
    """File > Send changes…: the dialog, then a word on what was written (None if cancelled)."""
    dialog = SendChangesDialog(project, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.written is None:
        return None
    written = dialog.written
    if written.events == 1:
        text = QCoreApplication.translate(
            "SendChangesDialog", "1 change for {partner} saved to {path} ({size} kB). Send them this file; they "
            "merge it with File > Merge project….")
    else:
        text = QCoreApplication.translate(
            "SendChangesDialog", "{n} changes for {partner} saved to {path} ({size} kB). Send them this file; they "
            "merge it with File > Merge project….")
    title = QCoreApplication.translate("SendChangesDialog", "Changes saved")
    QMessageBox.information(window, title, text.format(
        n=QLocale().toString(written.events), partner=written.partner, path=str(written.path),
        size=QLocale().toString(max(1, round(written.size / 1024)))))
    return written
