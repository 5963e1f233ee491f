"""Article > Compare versions: two versions of an article side by side, the changed words marked.

The words are compared in core (``diffing.word_diff``, code points); this dialog only
converts the spans to Qt's positions (``ui/offsets.py``) and paints them. Both texts are
read-only: an old version is a record of what was published, never edited.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QLocale, Qt
from PySide6.QtGui import QColor, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import colours, diffing, model
from factcheck.ui import language, offsets, screen_fit
from factcheck.ui.article_view import reading_font

#: The hues that tint the palette's base colour behind inserted and deleted words: the theme's
#: green of approval and red of errors, in their saturated (light) variants, since ``mix``
#: keeps the theme's own lightness.
INSERTED_HUE = QColor(colours.status("approved", dark=False))
DELETED_HUE = QColor(colours.role("error_text", dark=False))
#: How much of the hue goes into the tint (the rest is the palette's base colour), on a
#: light base and on a dark one (where a weak tint is hard to see); more for the change
#: Previous/Next shows.
TINT_SHARE, CURRENT_SHARE = (0.28, 0.42), (0.5, 0.6)


def mix(base: QColor, hue: QColor, share: float) -> QColor:
    """``share`` of ``hue`` over ``base``: a tint that keeps the theme's lightness (light or dark)."""
    return QColor.fromRgbF(*(b + (h - b) * share for b, h in zip(base.getRgbF()[:3], hue.getRgbF()[:3])))


def marks(palette: QPalette, shares: tuple[float, float] = TINT_SHARE) -> tuple[QTextCharFormat, QTextCharFormat]:
    """The formats of inserted words (tinted, underlined) and deleted ones (tinted, struck out).

    Colours come from the palette (its base and text), so they read in light and dark
    themes alike; the underline and strike-out say the same without colour. ``shares``:
    how strong the tint is on a light and on a dark base (``CURRENT_SHARE`` for the change
    Previous/Next shows).
    """
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    share = shares[1] if base.lightnessF() < 0.5 else shares[0]
    inserted, deleted = QTextCharFormat(), QTextCharFormat()
    inserted.setBackground(mix(base, INSERTED_HUE, share))
    inserted.setForeground(text)
    inserted.setFontUnderline(True)
    inserted.setUnderlineColor(mix(text, INSERTED_HUE, 0.6))
    deleted.setBackground(mix(base, DELETED_HUE, share))
    deleted.setForeground(text)
    deleted.setFontStrikeOut(True)
    return inserted, deleted


class SpanHighlighter(QSyntaxHighlighter):
    """Paints sorted, non-overlapping spans (Qt positions) of a document in one format."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._spans: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._format = QTextCharFormat()

    def set_spans(self, spans: list[tuple[int, int]], fmt: QTextCharFormat) -> None:
        self._spans, self._starts, self._format = spans, [s for s, _ in spans], fmt

    def set_format(self, fmt: QTextCharFormat) -> None:
        self._format = fmt
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        block = self.currentBlock()
        first, last = block.position(), block.position() + block.length()
        i = max(bisect.bisect_right(self._starts, first) - 1, 0)
        while i < len(self._spans) and self._spans[i][0] < last:
            start, end = self._spans[i]
            if end > first:
                self.setFormat(max(start, first) - first, min(end, last) - max(start, first), self._format)
            i += 1


class VersionTextView(QPlainTextEdit):
    """One version's text, read-only, in the reading font, with its changed words marked."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(reading_font())
        self.setAccessibleName(name)
        self.setTabChangesFocus(True)
        self.highlighter = SpanHighlighter(self.document())
        self.map = offsets.OffsetMap("")
        self.spans: list[tuple[int, int]] = []  # code points, as core gave them
        self.current_format = QTextCharFormat()

    def show_text(self, text: str, spans: list[tuple[int, int]], fmt: QTextCharFormat,
                  current: QTextCharFormat) -> None:
        """Show ``text`` with ``spans`` (code points) marked in ``fmt``; ``current`` marks the change shown."""
        self.map = offsets.OffsetMap(text)
        self.spans = spans
        self.current_format = current
        self.setExtraSelections([])
        self.highlighter.set_spans([(self.map.to_utf16(s), self.map.to_utf16(e)) for s, e in spans], fmt)
        self.setPlainText(text)  # the highlighter formats each block as it goes in

    def set_formats(self, fmt: QTextCharFormat, current: QTextCharFormat) -> None:
        """Repaint the marks in new formats (the theme changed)."""
        self.current_format = current  # the change shown takes it when shown again
        self.highlighter.set_format(fmt)

    def reveal(self, start: int, end: int) -> None:
        """Put the cursor at ``start`` (code points), scroll to it and outline ``[start, end)`` as the current change."""
        cursor = self.textCursor()
        cursor.setPosition(self.map.to_utf16(start))
        self.setTextCursor(cursor)
        self.centerCursor()
        selections = []
        if end > start:
            current = QTextEdit.ExtraSelection()
            current.cursor = QTextCursor(self.document())
            current.cursor.setPosition(self.map.to_utf16(start))
            current.cursor.setPosition(self.map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            current.format = self.current_format
            selections.append(current)
        self.setExtraSelections(selections)


def local_date(iso: str) -> str:
    """The day of an ISO-8601 UTC time as the user's clock and locale show it (short format)."""
    at = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
    if not at.isValid():
        return iso[:10]
    return QLocale().toString(at.toLocalTime().date(), QLocale.FormatType.ShortFormat)


def version_label(version: model.Version) -> str:
    """How a version is named in the pickers: its number, when and by whom it came in, from which file."""
    parts = [QCoreApplication.translate("VersionCompareDialog", "Version {number}").format(number=version.number),
             local_date(version.imported_at)]
    if version.imported_by:
        parts.append(version.imported_by)
    if version.source_name:
        parts.append(version.source_name)
    return " · ".join(parts)


class VersionCompareDialog(QDialog):
    """Two versions of one article side by side. Open it with ``VersionCompareDialog.ask``.

    ``old_combo`` and ``new_combo`` pick the versions (the one before the latest and the
    latest, at first); ``old_view`` shows deleted words struck out, ``new_view`` inserted
    ones underlined, both tinted; ``summary`` counts them; ``diff`` is core's answer.
    """

    def __init__(self, session, article_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.article_id = article_id
        project = session.project
        article = project.article(article_id)
        self.versions = project.versions(article_id)
        self.diff = diffing.Diff(())
        self.current_change = -1
        self.setWindowTitle(self.tr("Compare versions – {title}").format(title=article.title or self.tr("Untitled article")))
        self.setMinimumSize(640, 420)
        screen_fit.fit(self, 1100, 720, parent)

        self.old_combo, self.new_combo = QComboBox(), QComboBox()
        for combo, name in ((self.old_combo, self.tr("Old version")), (self.new_combo, self.tr("New version"))):
            for version in self.versions:
                combo.addItem(version_label(version), version.id)
            combo.setAccessibleName(name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(20)
        self.old_combo.setCurrentIndex(max(len(self.versions) - 2, 0))
        self.new_combo.setCurrentIndex(len(self.versions) - 1)
        self.old_view = VersionTextView(self.tr("Old version's text"))
        self.new_view = VersionTextView(self.tr("New version's text"))

        inserted, deleted = marks(self.palette())
        self.inserted_key = QLabel(" {} ".format(self.tr("Inserted")))
        self.deleted_key = QLabel(" {} ".format(self.tr("Deleted")))
        self.legend = QLabel(self.tr("Marked:"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.previous_button = QPushButton(self.tr("Previous change"))
        self.next_button = QPushButton(self.tr("Next change"))
        self.previous_button.setToolTip(
            self.tr("Show the change before this one in both versions ({keys})").format(keys=language.keys("Alt+Up")))
        self.next_button.setToolTip(self.tr("Show the next change in both versions ({keys})").format(keys=language.keys("Alt+Down")))
        self.previous_button.setShortcut("Alt+Up")
        self.next_button.setShortcut("Alt+Down")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        for button in (self.previous_button, self.next_button):
            button.setAutoDefault(False)

        old_label, new_label = QLabel(self.tr("&Old")), QLabel(self.tr("&New"))
        old_label.setBuddy(self.old_combo)
        new_label.setBuddy(self.new_combo)
        grid = QGridLayout()
        for column, (label, combo, view) in enumerate(((old_label, self.old_combo, self.old_view),
                                                       (new_label, self.new_combo, self.new_view))):
            row = QHBoxLayout()
            row.addWidget(label)
            row.addWidget(combo, 1)
            grid.addLayout(row, 0, column)
            grid.addWidget(view, 1, column)
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend)
        bottom.addWidget(self.inserted_key)
        bottom.addWidget(self.deleted_key)
        bottom.addSpacing(12)
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.previous_button)
        bottom.addWidget(self.next_button)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addLayout(bottom)
        self._paint_legend(inserted, deleted)

        self.old_combo.currentIndexChanged.connect(self._on_combo_changed)
        self.new_combo.currentIndexChanged.connect(self._on_combo_changed)
        self.previous_button.clicked.connect(self._on_previous_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.compare()

    def _paint_legend(self, inserted: QTextCharFormat, deleted: QTextCharFormat) -> None:
        """The legend's keys in the very colours and lines of the marks."""
        for label, fmt, line in ((self.inserted_key, inserted, "underline"), (self.deleted_key, deleted, "line-through")):
            label.setStyleSheet(
                f"background: {fmt.background().color().name()}; color: {fmt.foreground().color().name()};"
                f" text-decoration: {line}; padding: 1px 4px;")
        self.inserted_key.setAccessibleName(self.tr("Inserted words: tinted and underlined"))
        self.deleted_key.setAccessibleName(self.tr("Deleted words: tinted and struck out"))

    def compare(self) -> None:
        """Read the two chosen versions, diff them in core and show them marked."""
        project = self.session.project
        old = project.version(self.old_combo.currentData())
        new = project.version(self.new_combo.currentData())
        self.diff = diffing.word_diff(old.text, new.text)
        (inserted, deleted), (inserted_now, deleted_now) = marks(self.palette()), marks(self.palette(), CURRENT_SHARE)
        self.old_view.show_text(old.text, self.diff.deleted, deleted, deleted_now)
        self.new_view.show_text(new.text, self.diff.inserted, inserted, inserted_now)
        if old.id == new.id:
            self.summary.setText(self.tr("Both sides show version {number}: choose another to compare.").format(
                number=old.number))
        else:
            if old.number < new.number:
                template = self.tr("From version {old} to {new}: {changes}")
            else:
                template = self.tr("From version {old} to {new} (the newer on the left): {changes}")
            self.summary.setText(template.format(old=old.number, new=new.number,
                                                 changes=language.ui(self.diff.summary())))
        self.current_change = -1
        has_changes = bool(self.diff.changes)
        self.previous_button.setEnabled(has_changes)
        self.next_button.setEnabled(has_changes)
        if has_changes:
            self.show_change(0)

    def show_change(self, index: int) -> None:
        """Select change ``index`` in both versions and scroll each to it."""
        if not self.diff.changes:
            return
        self.current_change = index % len(self.diff.changes)
        change = self.diff.changes[self.current_change]
        self.old_view.reveal(change.old_start, change.old_end)
        self.new_view.reveal(change.new_start, change.new_end)

    def _on_combo_changed(self, _index: int) -> None:
        self.compare()

    def _on_previous_clicked(self) -> None:
        self.show_change(self.current_change - 1)

    def _on_next_clicked(self) -> None:
        self.show_change(self.current_change + 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """A theme switch (light to dark) repaints the marks from the new palette."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "new_view"):
            (inserted, deleted), (inserted_now, deleted_now) = marks(self.palette()), marks(self.palette(), CURRENT_SHARE)
            self.new_view.set_formats(inserted, inserted_now)
            self.old_view.set_formats(deleted, deleted_now)
            self._paint_legend(inserted, deleted)
            self.show_change(self.current_change)

    @classmethod
    def ask(cls, session, article_id: str, parent: QWidget | None = None) -> None:
        """Show the article's versions compared (modal; nothing to return: it changes nothing)."""
        cls(session, article_id, parent).exec()
