"""The statistics view: a project's figures at a glance (headline numbers, bar charts) and as CSV.

The figures come from core (``stats.compute``, a few counts from indexes: ~45 ms at
100,000 claims, nothing per claim held in memory). The charts are painted with QPainter rather than QtCharts, which lives
in the large PySide6-Addons wheel. Every chart also says its numbers as text, in its
accessible description, for screen readers. A burst of changes recomputes once.
"""

from __future__ import annotations

import csv
import html
import io
import pathlib
from typing import NamedTuple

from PySide6.QtCore import QEvent, QLocale, QRect, QRectF, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import model, stats
from factcheck.core.errors import KnownError
from factcheck.core.model import What
from factcheck.core.text import N_
from factcheck.exporters import csv as csv_export
from factcheck.ui import language, theme

#: A burst of changes (an import, a bulk approval, typing) recomputes once, this long after the last.
REFRESH_MS = 250
#: What the figures depend on: other changes (citations, sources, tasks, new text) leave them as they are.
RELEVANT = What.ARTICLES | What.ANCHORS | What.CLAIM_FIELDS | What.STATUS | What.COMMENTS | What.SETTINGS
#: Checkers and articles beyond this many are summed up in a line under their chart (the CSV lists all).
MAX_BARS = 15
#: Below this width the charts stand in one column instead of two.
TWO_COLUMNS_WIDTH = 760
CSV_FILTER = N_("CSV files (*.csv);;All files (*)")


def number(value: int) -> str:
    """A count as the user's locale writes it (10,000 / 10.000)."""
    return QLocale().toString(value)


def days_number(days: float | None) -> str:
    """Days with one decimal as the locale writes it ("2.5"); "–" when there is nothing to measure."""
    return "–" if days is None else QLocale().toString(days, "f", 1)


def csv_bytes(figures: stats.Stats) -> bytes:
    """``Stats.rows()`` as CSV, UTF-8 with a byte-order mark like the claims export (so Excel reads it).

    Cells a spreadsheet would take for a formula (an article titled ``=...``) open as text. The
    column headers and section names stay English whatever the app's language: they are data
    for spreadsheets and scripts.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel")
    writer.writerow(("section", "name", "value"))
    writer.writerows([csv_export.cell(v) for v in row] for row in figures.rows())
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


class Bar(NamedTuple):
    label: str
    count: int
    color: str | None = None  # "#rrggbb"; None: the palette's highlight colour
    tip: str = ""  # the tooltip's first line (the full label when the shown one may be cut)


class BarChartWidget(QWidget):
    """Horizontal bars without axes: the label on the left, the count at the end of each bar.

    Bars are as long as the width allows; rows keep one height (squeezed only when the
    widget is too short). The same numbers are the accessible description ("True: 2;
    False: 1"), for screen readers.
    """

    MARGIN = 6
    GAP = 8

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self._bars: list[Bar] = []
        self._more = ""
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a keyboard reaches it, so a screen reader reads it
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def set_bars(self, bars: list[Bar], more: str = "") -> None:
        """Show these bars; ``more``: a line under them (what was left out)."""
        self._bars = list(bars)
        self._more = more
        self.setAccessibleDescription(self.description())
        self.setToolTip("")
        self.updateGeometry()
        self.update()

    def description(self) -> str:
        """The chart's numbers as one sentence."""
        if not self._bars:
            return self.tr("{title}: none.").format(title=self.title)
        item = self.tr("{label}: {count}")
        items = "; ".join(item.format(label=b.label, count=number(b.count)) for b in self._bars)
        text = self.tr("{title}: {items}.").format(title=self.title, items=items)
        return f"{text} {self._more}" if self._more else text

    def tip_text(self, bar: Bar) -> str:
        """A bar's tooltip: its label, then its count and its share of the chart."""
        total = sum(b.count for b in self._bars)
        one = bar.count == 1
        if total:
            line = self.tr("1 claim ({percent}%)") if one else self.tr("{n} claims ({percent}%)")
        else:
            line = self.tr("1 claim") if one else self.tr("{n} claims")
        percent = number(round(100 * bar.count / total)) if total else ""
        return f"{bar.tip or bar.label}\n" + line.format(n=number(bar.count), percent=percent)

    # --- geometry -------------------------------------------------------------------

    def _row_heights(self) -> tuple[int, int]:
        """(smallest, usual) height of a row, from the font."""
        line = self.fontMetrics().height()
        return line + 2, round(line * 1.6)

    def _rows(self) -> int:
        return len(self._bars) + (1 if self._more else 0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(420, 2 * self.MARGIN + self._rows() * self._row_heights()[1])

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(220, self.sizeHint().height())  # in a layout, scroll rather than squeeze the rows

    def _layout(self) -> tuple[int, int, int, int]:
        """(row height, x where bars start, longest bar, label width) for the current size."""
        fm = self.fontMetrics()
        smallest, usual = self._row_heights()
        rows = max(self._rows(), 1)
        row = max(smallest, min(usual, (self.height() - 2 * self.MARGIN) // rows))
        inner = self.width() - 2 * self.MARGIN
        widest = max((fm.horizontalAdvance(b.label) + 2 for b in self._bars), default=0)  # +2: elision rounds
        label_width = max(min(widest, round(inner * 0.42)), min(widest, 48))
        count_width = max((fm.horizontalAdvance(number(b.count)) for b in self._bars), default=0)
        x = self.MARGIN + label_width + self.GAP
        longest = max(inner - label_width - count_width - 2 * self.GAP, 4)
        return row, x, longest, label_width

    def bar_at(self, y: int) -> Bar | None:
        row = self._layout()[0]
        i = (y - self.MARGIN) // row
        return self._bars[i] if y >= self.MARGIN and 0 <= i < len(self._bars) else None

    # --- painting -------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        outline = QColor(text)
        outline.setAlpha(90)  # a dark bar on a dark window still shows its edge
        fm = self.fontMetrics()
        row, x, longest, label_width = self._layout()
        peak = max((b.count for b in self._bars), default=0)
        bar_height = max(round(row * 0.62), fm.height() - 2)
        for i, bar in enumerate(self._bars):
            top = self.MARGIN + i * row
            painter.setPen(text)
            label = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width)
            painter.drawText(QRect(self.MARGIN, top, label_width, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            length = round(longest * bar.count / peak) if peak else 0
            if bar.count and length < 2:
                length = 2  # one claim among thousands still shows
            if length:
                rect = QRectF(x, top + (row - bar_height) / 2, length, bar_height)
                painter.setPen(QPen(outline, 1))
                painter.setBrush(QColor(bar.color) if bar.color else palette.color(QPalette.ColorRole.Highlight))
                painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
            painter.setPen(text)
            painter.drawText(QRect(x + length + self.GAP // 2, top, self.width(), row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, number(bar.count))
        if self._more:
            painter.setPen(muted)
            top = self.MARGIN + len(self._bars) * row
            painter.drawText(QRect(self.MARGIN, top, self.width() - 2 * self.MARGIN, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(self._more, Qt.TextElideMode.ElideRight, self.width() - 2 * self.MARGIN))
        if self.hasFocus():  # where the keyboard is, in every style
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 3, 3)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            bar = self.bar_at(event.pos().y())
            if bar is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), self.tip_text(bar), self)
            return True
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.updateGeometry()
            self.update()
        return super().event(event)


class FigureWidget(QFrame):
    """One headline number with its caption underneath ("5" over "claims")."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = caption
        self.setFrameShape(QFrame.Shape.Box)
        self.setFrameShadow(QFrame.Shadow.Plain)
        self.setForegroundRole(QPalette.ColorRole.Mid)  # the frame's colour, not the text's
        self.value_label = QLabel("–")
        font = QFont(self.value_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value_label.setFont(font)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label = QLabel(caption)
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        self.set_value("–")

    def set_value(self, value: str, tip: str = "") -> None:
        self.value_label.setText(value)
        self.setToolTip(tip)
        name = self.tr("{caption}: {value}").format(caption=self.caption, value=value)
        self.setAccessibleName(name)
        self.value_label.setAccessibleName(name)


class StatsView(QWidget):
    """Headline numbers, four bar charts (rating, status, checker, article) and Export CSV."""

    def __init__(self, session=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = None
        self.figures: stats.Stats | None = None
        self.saved_path: pathlib.Path | None = None  # the last CSV written, for Open and Show in folder
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

        self.headline = {
            "claims": FigureWidget(self.tr("claims")),
            "published": FigureWidget(self.tr("published")),
            "days": FigureWidget(self.tr("median days to publish")),
            "requests": FigureWidget(self.tr("waiting for changes")),
            "comments": FigureWidget(self.tr("open review comments")),
        }
        figures_row = QHBoxLayout()
        figures_row.setSpacing(8)
        for widget in self.headline.values():
            figures_row.addWidget(widget, 1)

        self.charts = {
            "rating": BarChartWidget(self.tr("Claims by rating")),
            "status": BarChartWidget(self.tr("Claims by status")),
            "checker": BarChartWidget(self.tr("Claims by checker")),
            "article": BarChartWidget(self.tr("Claims by article")),
        }
        self._boxes = [self._titled(chart) for chart in self.charts.values()]
        charts_page = QWidget()
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        page_layout = QVBoxLayout(charts_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addLayout(self._grid)
        page_layout.addStretch(1)  # charts packed at the top, the space left below them
        self._columns = 0
        self._arrange(2)
        self.scroll = QScrollArea()
        self.scroll.setWidget(charts_page)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the charts inside take the focus
        self.scroll.setAccessibleName(self.tr("Charts"))

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(24)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.scroll)
        self.pages.addWidget(self.empty_label)

        self.export_button = QPushButton(self.tr("Export &CSV…"))
        self.export_button.setToolTip(self.tr("Save every figure as a CSV file for a spreadsheet"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Export status"))
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.status_label.setWordWrap(True)
        self.status_label.linkActivated.connect(self._on_status_link_activated)
        self.bottom = QHBoxLayout()
        self.bottom.addWidget(self.status_label, 1)
        self.bottom.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addLayout(figures_row)
        layout.addSpacing(6)
        layout.addWidget(self.pages, 1)
        layout.addLayout(self.bottom)
        theme.notifier().sig_changed.connect(self._on_theme_changed)
        self.set_session(session)

    @staticmethod
    def _titled(chart: BarChartWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        title = QLabel(chart.title)
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        title.setBuddy(chart)
        layout.addWidget(title)
        layout.addWidget(chart)
        layout.addStretch(1)
        return box

    def _arrange(self, columns: int) -> None:
        """The charts in a grid of one or two columns."""
        if columns == self._columns:
            return
        self._columns = columns
        for box in self._boxes:
            self._grid.removeWidget(box)
        for i, box in enumerate(self._boxes):
            self._grid.addWidget(box, i // columns, i % columns)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._arrange(2 if event.size().width() >= TWO_COLUMNS_WIDTH else 1)
        super().resizeEvent(event)

    # --- the session ----------------------------------------------------------------

    def set_session(self, session) -> None:
        """Show this session's project (None: no project open): now if shown, else when next shown."""
        if self.session is not None:
            self.session.sig_changed.disconnect(self._on_session_changed)
        self.session = session
        if session is not None:
            session.sig_changed.connect(self._on_session_changed)
        self.status_label.clear()
        self.saved_path = None
        self._stale = True
        self._timer.stop()
        if self.isVisible():
            self.refresh()

    def _on_session_changed(self, changes: model.Changes) -> None:
        if not changes.what & RELEVANT:
            return
        self._stale = True
        if self.isVisible():
            self._timer.start()  # restarted by each change of a burst: one recompute after the last

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_theme_changed(self, _dark: bool) -> None:
        """A switch between light and dark paints the rating bars in the scale's colours for it (no recompute)."""
        if self.figures is not None and self.session is not None and not self._stale:
            self._show(self.figures)

    def refresh(self) -> None:
        """Compute the figures again and show them."""
        self._timer.stop()
        self._stale = False
        self.export_button.setEnabled(self.session is not None)
        if self.session is None:
            self.figures = None
            self._show_empty(self.tr("Open a project to see its statistics."))
            return
        try:
            self.figures = stats.compute(self.session.project)
        except KnownError as exc:
            self.figures = None
            self.export_button.setEnabled(False)
            self._show_empty(language.ui(exc))
            return
        self._show(self.figures)

    def _show_empty(self, sentence: str) -> None:
        for widget in self.headline.values():
            widget.set_value("–")
        for chart in self.charts.values():
            chart.set_bars([])
        self.empty_label.setText(sentence)
        self.pages.setCurrentWidget(self.empty_label)

    def _show(self, figures: stats.Stats) -> None:
        if not figures.claims:
            self._show_empty(self.tr("This project has no claims yet. Select words in an article and press {shortcut} "
                             "to make one; its figures will show here.").format(shortcut=language.keys("Ctrl+E")))
        else:
            self.pages.setCurrentWidget(self.scroll)
        h = self.headline
        h["claims"].set_value(number(figures.claims))
        h["published"].set_value(number(figures.published))
        if figures.days_to_publish_max is not None:
            longest = self.tr("From a claim's creation to its publication. The longest took {days} days.").format(
                days=days_number(figures.days_to_publish_max))
        else:
            longest = self.tr("No claim has been published yet.")
        h["days"].set_value(days_number(figures.days_to_publish_median), longest)
        h["requests"].set_value(number(figures.open_requests),
                                self.tr("Claims an editor sent back, waiting for the changes asked for"))
        h["comments"].set_value(number(figures.open_comments), self.tr("Review comments not marked resolved"))
        if not figures.claims:
            return
        scale = self.session.project.scale
        rating_bars = []
        for key, count in figures.by_rating:  # each rating in its colour for the theme shown (light or dark)
            rating = scale.get(key)
            if key is None:
                rating_bars.append(Bar(self.tr("Not rated"), count, theme.rating_color(None)))
            else:
                color = theme.rating_color(rating) if rating else None
                rating_bars.append(Bar(rating.label if rating else key, count, color,
                                       f"{rating.label}: {rating.description}" if rating else key))
        self.charts["rating"].set_bars(rating_bars)
        self.charts["status"].set_bars([Bar(language.ui(model.STATUS_LABELS.get(s, s)), n)
                                        for s, n in figures.by_status])
        no_name, untitled = self.tr("(no name)"), self.tr("(untitled)")
        checkers = [Bar(name or no_name, n, tip=name or no_name) for name, n in figures.by_checker]
        self.charts["checker"].set_bars(*self._capped(checkers, "checker"))
        articles = [Bar(title or untitled, n, tip=title or untitled) for _, title, n in figures.by_article]
        self.charts["article"].set_bars(*self._capped(articles, "article"))

    def _capped(self, bars: list[Bar], kind: str) -> tuple[list[Bar], str]:
        """The first ``MAX_BARS`` bars, and a line saying what the rest hold (``kind``: "checker" or "article")."""
        if len(bars) <= MAX_BARS:
            return bars, ""
        rest = bars[MAX_BARS:]
        claims = sum(b.count for b in rest)
        # (one more, one claim), (one more, claims), (more, one claim), (more, claims)
        if kind == "checker":
            lines = (self.tr("…and 1 more checker with 1 claim (Export CSV lists them all)."),
                     self.tr("…and 1 more checker with {claims} claims (Export CSV lists them all)."),
                     self.tr("…and {n} more checkers with 1 claim (Export CSV lists them all)."),
                     self.tr("…and {n} more checkers with {claims} claims (Export CSV lists them all)."))
        else:
            lines = (self.tr("…and 1 more article with 1 claim (Export CSV lists them all)."),
                     self.tr("…and 1 more article with {claims} claims (Export CSV lists them all)."),
                     self.tr("…and {n} more articles with 1 claim (Export CSV lists them all)."),
                     self.tr("…and {n} more articles with {claims} claims (Export CSV lists them all)."))
        line = lines[2 * (len(rest) != 1) + (claims != 1)]
        return bars[:MAX_BARS], line.format(n=number(len(rest)), claims=number(claims))

    # --- CSV --------------------------------------------------------------------------

    def ask_path(self, suggested: str) -> str:
        """Where to save the CSV (empty when cancelled); tests replace this."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export statistics"), suggested,
                                              language.ui(CSV_FILTER))
        if path and not pathlib.Path(path).suffix:
            path += ".csv"
        return path

    def export_csv(self) -> pathlib.Path | None:
        """Ask where, write ``Stats.rows()`` there and say where it went; returns the path written."""
        if self.session is None:
            return None
        self.refresh()  # what is written is what the project holds now
        if self.figures is None:
            return None
        project_path = pathlib.Path(self.session.project.path)
        answer = self.ask_path(str(project_path.with_name(f"{project_path.stem}-statistics.csv")))
        if not answer:
            return None
        path = pathlib.Path(answer)
        try:
            path.write_bytes(csv_bytes(self.figures))
        except OSError as exc:
            self.status_label.setText(html.escape(self.tr("Not saved: cannot write {name}: {reason}.").format(
                name=path.name, reason=exc.strerror or exc)))
            return None
        self.status_label.setText(
            self.tr("Saved to {path} · <a href='open'>Open</a> · <a href='folder'>Show in folder</a>").format(
                path=html.escape(str(path))))
        self.saved_path = path
        return path

    def _on_export_clicked(self) -> None:
        self.export_csv()

    def _on_status_link_activated(self, link: str) -> None:
        if self.saved_path is not None:
            target = self.saved_path if link == "open" else self.saved_path.parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


class StatsDialog(QDialog):
    """The statistics view in a window of its own, left open beside the work (not modal)."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModal(False)
        self.view = StatsView(session, self)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        self.view.bottom.addWidget(close)  # one row: what was saved, Export CSV…, Close
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        self.set_session(session)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(900, round(screen.width() * 0.9)), min(640, round(screen.height() * 0.85)))

    def set_session(self, session) -> None:
        """Follow the main window to another project (or to none)."""
        if session is not self.view.session:
            self.view.set_session(session)
        name = pathlib.Path(session.project.path).name if session is not None else ""
        self.setWindowTitle(self.tr("Statistics – {name}").format(name=name) if name else self.tr("Statistics"))
