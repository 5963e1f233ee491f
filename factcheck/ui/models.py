"""Qt item models over core reads: articles, claims and citations.

Each is a flat table filled from a list of core dataclasses; views refresh them from
``Changes`` by calling ``set_*`` or ``refresh_rows``. Every model passes
``qtmodeltester.check``.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import functools

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from factcheck import translation
from factcheck.core import model, ratings
from factcheck.core.text import N_
from factcheck.ui import language, theme

_Index = QModelIndex | QPersistentModelIndex

STATUS_LABELS = model.STATUS_LABELS
ANCHOR_LABELS = {
    "exact": "",
    "moved": "",
    "fuzzy": N_("Words changed: confirm"),
    "orphaned": N_("Unanchored"),
}
"""What a claim's tooltip says of its anchor (English; shown through ``language.ui``)."""

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_CLAIM_ROLES = frozenset({_DISPLAY, _DECORATION, _TOOLTIP, int(Qt.ItemDataRole.UserRole)})


def _anchor_icon() -> QIcon:
    """The mark of a claim whose words changed or left the article (the style's warning icon)."""
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if style else QIcon()


@functools.lru_cache(maxsize=256)
def swatch(color: str, size: int = 12) -> QIcon:
    """A small square of colour, for rating decorations (made once per colour: views ask on every paint)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def one_line(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def number(value: int) -> str:
    """A count as the user's locale writes it (10,000 / 10.000)."""
    return QLocale().toString(int(value))


def parse_time(iso: str | None) -> datetime.datetime | None:
    """An ISO time as core writes it (UTC, ``Z``); None when empty or not a time."""
    if not iso:
        return None
    try:
        when = datetime.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=datetime.timezone.utc)


def local_time(when: str | datetime.datetime | None) -> str:
    """A moment (ISO UTC text or an aware datetime) on the user's clock, the way the locale writes it.

    ``QLocale()`` is the default locale the app sets at start: ``11/3/25 2:02 PM`` in
    American English, ``3/11/25 14:02`` in Spanish. The one place the app writes times.
    """
    moment = parse_time(when) if isinstance(when, str) or when is None else when
    if moment is None:
        return ""
    local = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000)).toLocalTime()
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def short_date(text: str) -> str:
    """A date written ``2025-10-24`` (or an ISO time) the way the locale writes dates; other text as it is.

    An article's publication date is what its page said: only its date part is shown,
    never moved to another time zone.
    """
    if len(text) >= 10 and text[4:5] == "-":
        date = QDate.fromString(text[:10], Qt.DateFormat.ISODate)
        if date.isValid():
            return QLocale().toString(date, QLocale.FormatType.ShortFormat)
    return text


class ArticleListModel(QAbstractListModel):
    """The project's articles: title, with outlet and claim count as tooltip."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._articles: list[model.Article] = []

    def set_articles(self, articles: list[model.Article]) -> None:
        self.beginResetModel()
        self._articles = list(articles)
        self.endResetModel()

    def article_at(self, row: int) -> model.Article | None:
        return self._articles[row] if 0 <= row < len(self._articles) else None

    def row_of(self, article_id: str) -> int:
        return next((i for i, a in enumerate(self._articles) if a.id == article_id), -1)

    def set_claim_count(self, article_id: str, n: int) -> None:
        """Show an article's claim count as counted elsewhere (the claim list), without a read."""
        row = self.row_of(article_id)
        if row >= 0 and self._articles[row].claim_count != n:
            self.update_article(dataclasses.replace(self._articles[row], claim_count=n))

    def update_article(self, article: model.Article) -> bool:
        """Show an article's new title or claim count in its row; False if it is not listed."""
        row = self.row_of(article.id)
        if row < 0:
            return False
        if self._articles[row] != article:
            self._articles[row] = article
            self.dataChanged.emit(self.index(row), self.index(row))
        return True

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._articles)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - callable without a parent
        return 0 if parent.isValid() else 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._articles):
            return None
        a = self._articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            claims = self.tr("1 claim") if a.claim_count == 1 else \
                self.tr("{n} claims").format(n=number(a.claim_count))
            outlet = f"{a.outlet} · " if a.outlet else ""
            return f"{a.title}\n{outlet}{claims}"
        if role == Qt.ItemDataRole.ToolTipRole:
            published = short_date(a.published_at) if a.published_at else ""
            return "\n".join(x for x in (a.title, a.outlet, a.author, published, a.url) if x)
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        return None


class ListTableModel(QAbstractTableModel):
    """A flat table over a Python list: rows in ``self._rows``, headers in ``COLUMNS``.

    Headers are English; marked ``N_("...")`` they are shown in the language of the app.
    """

    COLUMNS: tuple[str, ...] = ()
    _rows: list

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return language.ui(self.COLUMNS[section])
        return None


class ClaimTableModel(ListTableModel):
    """Claims of one article in reading order: quote, claimant, rating, status."""

    COLUMNS = (N_("Quote"), N_("Claimant"), N_("Rating"), N_("Status"))

    def __init__(self, scale: ratings.Scale, parent=None):
        super().__init__(parent)
        self._rows: list[model.Claim] = []  # in reading order: (start, end), then as made
        self._by_id: dict[str, model.Claim] = {}
        self._scale = scale
        # Looked up once: the list asks for them on every paint.
        self._not_rated = self.tr("Not rated")
        self._status_labels = {key: language.ui(label) for key, label in STATUS_LABELS.items()}
        self._anchor_labels = {key: language.ui(label) for key, label in ANCHOR_LABELS.items()}

    def set_claims(self, claims: list[model.Claim], scale: ratings.Scale | None = None) -> None:
        self.beginResetModel()
        self._rows = list(claims)
        self._by_id = {c.id: c for c in self._rows}
        if scale is not None:
            self._scale = scale
        self.endResetModel()

    def update_claims(self, claims: list[model.Claim], scale: ratings.Scale | None = None) -> bool:
        """Refresh rows in place when the same claims are in the same order (and scale); else False."""
        if (scale is not None and scale is not self._scale) or [c.id for c in claims] != [c.id for c in self._rows]:
            return False
        for row, (old, new) in enumerate(zip(self._rows, claims)):
            if old != new:
                self._rows[row] = new
                self._by_id[new.id] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        return True

    def apply(self, updated: dict[str, model.Claim | None]) -> None:
        """Take in the new state of a few claims (None: gone from this list), row by row."""
        for claim_id, claim in updated.items():
            row = self.row_of(claim_id)
            if row >= 0 and claim is not None and (claim.start, claim.end) == (self._rows[row].start, self._rows[row].end):
                self._rows[row] = claim
                self._by_id[claim_id] = claim
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                continue
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                del self._by_id[claim_id]
                self.endRemoveRows()
            if claim is not None:
                at = bisect.bisect_right(self._rows, (claim.start, claim.end, claim.created_at),
                                         key=lambda c: (c.start, c.end, c.created_at))
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows.insert(at, claim)
                self._by_id[claim_id] = claim
                self.endInsertRows()

    def claim_at(self, row: int) -> model.Claim | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, claim_id: str) -> int:
        """A claim's row, or -1: found by its position in the text (a row index would be rebuilt after every insert)."""
        claim = self._by_id.get(claim_id)
        if claim is None:
            return -1
        rows = self._rows
        row = bisect.bisect_left(rows, (claim.start, claim.end), key=lambda c: (c.start, c.end))
        while row < len(rows) and (rows[row].start, rows[row].end) == (claim.start, claim.end):
            if rows[row].id == claim_id:
                return row
            row += 1
        return next((i for i, c in enumerate(rows) if c.id == claim_id), -1)  # rows not in reading order

    def claims(self) -> list[model.Claim]:
        return list(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # The list repaints every visible cell after a row is inserted, and a view asks for
        # about ten roles per cell: roles this model has no answer for go first, cheaply.
        if role not in _CLAIM_ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        c = self._rows[row]
        col = index.column()
        if role == _DISPLAY:
            if col == 0:
                return one_line(c.exact, 100)  # the anchor's state is an icon and a tooltip: the quote stays readable
            if col == 1:
                return c.claimant
            if col == 2:
                rating = self._scale.get(c.rating)
                return rating.label if rating else self._not_rated
            if col == 3:
                return self._status_labels.get(c.status, c.status)
            return None
        if role == _DECORATION:
            if col == 0:
                return _anchor_icon() if ANCHOR_LABELS.get(c.anchor_state) else None
            if col != 2:
                return None
            return swatch(theme.rating_color(self._scale.get(c.rating)))  # the palette's variant
        if role == _TOOLTIP:
            mark = self._anchor_labels.get(c.anchor_state, "")
            parts = [mark, c.exact] if mark else [c.exact]
            if c.verdict_summary:
                parts.append(self.tr("Verdict: {summary}").format(summary=c.verdict_summary))
            return "\n\n".join(parts)
        return c.id  # UserRole


class CitationTableModel(ListTableModel):
    """The sources cited on one claim: source, stance, passage, locator."""

    COLUMNS = (N_("Source"), N_("Stance"), N_("Passage"), N_("Locator"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[model.Citation, model.Source]] = []
        self._stances = {"supports": self.tr("supports"), "contradicts": self.tr("contradicts"),
                         "context": self.tr("context")}

    def set_citations(self, rows: list[tuple[model.Citation, model.Source]]) -> None:
        if rows == self._rows:
            return  # the same: no reset, no repaint
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def citation_at(self, row: int) -> model.Citation | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        citation, source = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                title = one_line(source.title or source.url, 60)
                return self.tr("{title} (confidential)").format(title=title) if source.confidential else title
            if col == 1:
                return self._stances.get(citation.stance, citation.stance)
            if col == 2:
                return one_line(citation.quote, 80)
            if col == 3:
                return citation.locator
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (source.title, source.publisher, source.url, citation.quote, citation.note) if x)
        if role == Qt.ItemDataRole.UserRole:
            return citation.id
        return None
