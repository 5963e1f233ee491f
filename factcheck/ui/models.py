"""Qt item models over core reads: articles, claims and citations.

The article list and an article's claims read a page at a time from a ``core/lists.py``
pager (``PagedRows``, which the review queue's model in ``review_panel`` is too), so a
desk's project opens them as fast as a small one; views refresh them from ``Changes``
(``apply`` for a few rows, ``show`` to read again). The citations of a claim are a short
list held whole. Every model passes ``qtmodeltester.check``.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import functools
from collections.abc import Iterable

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
from factcheck.core import lists, model, ratings
from factcheck.core.errors import KnownError
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


class PagedRows:
    """A flat model's rows read from a ``lists.Pager`` a page at a time (a mixin for Qt item models).

    The view asks for more as it scrolls (``canFetchMore``/``fetchMore``); ``count`` is the
    pager's, counted in SQL, not the rows read. ``show`` reads the first page again (a reset)
    and reads down to the rows to keep selected; ``apply`` moves a few changed rows to their
    places, or out, and leaves one that now falls after the rows read for ``fetchMore``.
    A list whose count walks an index as long as the list (the review queue) is shown with
    ``count_later``: its rows first, counted when ``count`` is first asked (``counted``).
    """

    #: Rows read at a time: a screenful and more.
    PAGE = 128

    def _init_rows(self) -> None:
        self._pager: lists.Pager | None = None
        self._rows: list = []  # the rows read so far, in order
        self._keys: list[tuple] = []  # each read row's place in the order
        self._count: int | None = 0  # None: not counted yet
        self._done = True  # every row has been read
        self._fetching = False  # a page is being inserted
        self._row_index: dict[str, int] | None = None  # id -> row (made on demand)
        #: Rows to read down to when the rows are read again: a view's selection, set as it hears
        #: ``modelAboutToBeReset``, to select again once the reset is over.
        self.wanted: list[str] = []

    @property
    def pager(self) -> lists.Pager | None:
        return self._pager

    def show(self, pager: lists.Pager | None, keep: Iterable[str] = (), *, count_later: bool = False) -> None:
        """Show ``pager``'s rows from the first page, read down to the rows ``keep`` names.

        ``count_later``: the rows without their count, unless the first page is all of them.
        """
        self.beginResetModel()
        keep = [*keep, *self.wanted]
        self.wanted = []
        try:
            self._pager = pager
            self._rows, self._keys, self._row_index = [], [], None
            self._count, self._done = 0, True
            if pager is not None:
                self._count = None if count_later else pager.count()
                self._done = False
                self._take(pager.page(None, self.PAGE), self.PAGE)
                if self._done and self._count is None:
                    self._count = len(self._rows)
                marks = [key for _, key, shown in pager.rows(keep) if shown] if keep and not self._done else []
                if marks:
                    deepest = max(marks, key=self._in_order)
                    while not self._done and self._in_order(self._keys[-1]) < self._in_order(deepest):
                        self._take(pager.page(self._keys[-1], self.PAGE), self.PAGE)
        finally:
            self._fetching = True  # a view asking for more while the reset is announced waits for its next layout
            try:
                self.endResetModel()
            finally:
                self._fetching = False

    def _in_order(self, key: tuple) -> tuple:
        """A key as Python compares it in the order shown (ascending or not)."""
        mark = self._pager.sortable(key)
        return Reversed(mark) if self._pager.descending else mark

    def _take(self, page: list, limit: int) -> None:
        for row, key in page:
            self._rows.append(row)
            self._keys.append(key)
        self._done = len(page) < limit or (self._count is not None and len(self._rows) >= self._count)

    @property
    def counted(self) -> bool:
        """Whether ``count`` is known (``show`` with ``count_later`` leaves it until asked)."""
        return self._count is not None

    def count(self) -> int:
        """Every row of the list, read or not yet (counted now if it was left for later)."""
        if self._count is None:
            self._count = self._pager.count()
            self._done = self._done or len(self._rows) >= self._count
        return self._count

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: str | None) -> int:
        """The row showing ``row_id``, or -1 (not in the list, or not read yet)."""
        if self._row_index is None:
            self._row_index = {self._pager.row_id(r): i for i, r in enumerate(self._rows)} if self._pager else {}
        return self._row_index.get(row_id, -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt override
        return not parent.isValid() and not self._done and not self._fetching

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt override
        """The next page, after the last row read (a view asking again while it is inserted gets nothing)."""
        if parent.isValid() or self._done or self._fetching:
            return
        try:
            page = self._pager.page(self._keys[-1] if self._keys else None, self.PAGE)
        except KnownError:
            self._done = True  # said once (the app's excepthook), not at every scroll
            raise
        if not page:
            self._done = True
            return
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._take(page, self.PAGE)
            self._row_index = None
            self.endInsertRows()
        finally:
            self._fetching = False

    def fetch_through(self, row_id: str) -> int:
        """Read pages down to ``row_id`` (if the list shows it); its row, or -1."""
        row = self.row_of(row_id)
        if row >= 0 or self._done or self._pager is None:
            return row
        key = self._pager.key_of(row_id)
        if key is None:
            return -1
        while self.canFetchMore() and self._in_order(self._keys[-1]) < self._in_order(key):
            self.fetchMore()
        return self.row_of(row_id)

    def apply(self, ids: Iterable[str], rows: dict | None = None, *, created: str | None = None) -> None:
        """Take in the new state of a few rows, each moved to its place, or out of the list.

        ``rows``: their new state read already (by id; None: gone), else they are read.
        ``created``: a row just made (it was nowhere before: nothing to count out).
        """
        if self._pager is None:
            return
        ids = list(dict.fromkeys(ids))
        found = self._pager.rows(ids) if rows is None else self._pager.judge(rows)
        fresh = {self._pager.row_id(r): (r, key, shown) for r, key, shown in found}
        last = self.columnCount() - 1
        recount = False
        for row_id in ids:
            new, key, shown = fresh.get(row_id, (None, None, False))
            at = self.row_of(row_id)
            if not self._counted(row_id, at, new, shown, row_id == created):
                recount = True  # it may be among the rows not read yet: count again below
            if at >= 0 and shown and key == self._keys[at]:
                self._rows[at] = new
                self.dataChanged.emit(self.index(at, 0), self.index(at, last))
                continue
            if at >= 0:
                self.beginRemoveRows(QModelIndex(), at, at)
                del self._rows[at]
                del self._keys[at]
                self._row_index = None
                self.endRemoveRows()
            if shown:
                place = self._place(key)
                if place is not None:
                    self.beginInsertRows(QModelIndex(), place, place)
                    self._rows.insert(place, new)
                    self._keys.insert(place, key)
                    self._row_index = None
                    self.endInsertRows()
        if recount:
            self._recount()

    def _counted(self, row_id: str, at: int, new, shown: bool, created: bool) -> bool:
        """Count a changed row in or out (``at``: its row before, -1 for none; ``shown``: the list shows it now);
        False when only counting again can tell (it may be among the rows not read yet)."""
        if at < 0 and not self._done and not created:
            return False
        if self._count is not None:  # else counted later, with the change
            self._count += shown - (at >= 0)
        return True

    def _recount(self) -> None:
        if self._count is not None:
            self._count = self._pager.count()

    def _place(self, key: tuple) -> int | None:
        """Where a row with ``key`` goes among the rows read; None when it comes after them (not read yet)."""
        at = bisect.bisect_right([self._in_order(k) for k in self._keys], self._in_order(key))
        return at if at < len(self._keys) or self._done else None


@functools.total_ordering
class Reversed:
    """A key compared the other way round (for an order shown descending)."""

    __slots__ = ("mark",)

    def __init__(self, mark: tuple):
        self.mark = mark

    def __eq__(self, other) -> bool:
        return self.mark == other.mark

    def __lt__(self, other) -> bool:
        return self.mark > other.mark


class ArticleListModel(PagedRows, QAbstractListModel):
    """The project's articles, a page at a time: title, with outlet and claim count as tooltip."""

    PAGE = 64

    def __init__(self, parent=None):
        super().__init__(parent)
        self._init_rows()

    def set_project(self, project, keep: Iterable[str] = ()) -> None:
        """Show ``project``'s articles (None: none), read down to the ones ``keep`` names."""
        self.show(lists.ArticlePager(project) if project is not None else None, keep)

    def article_at(self, row: int) -> model.Article | None:
        return self.row_at(row)

    def set_claim_count(self, article_id: str, n: int) -> None:
        """Show an article's claim count as counted elsewhere (the claim list), without a read."""
        row = self.row_of(article_id)
        if row >= 0 and self._rows[row].claim_count != n:
            self.update_article(dataclasses.replace(self._rows[row], claim_count=n))

    def update_article(self, article: model.Article) -> bool:
        """Show an article's new title or claim count in its row; False if it is not listed."""
        row = self.row_of(article.id)
        if row < 0:
            return False
        if self._rows[row] != article:
            self._rows[row] = article
            self.dataChanged.emit(self.index(row), self.index(row))
        return True

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - callable without a parent
        return 0 if parent.isValid() else 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
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


class ClaimTableModel(PagedRows, ListTableModel):
    """Claims of one article in reading order, a page at a time: quote, claimant, rating, status."""

    COLUMNS = (N_("Quote"), N_("Claimant"), N_("Rating"), N_("Status"))

    def __init__(self, scale: ratings.Scale, parent=None):
        super().__init__(parent)
        self._init_rows()
        self._scale = scale
        # Looked up once: the list asks for them on every paint.
        self._not_rated = self.tr("Not rated")
        self._status_labels = {key: language.ui(label) for key, label in STATUS_LABELS.items()}
        self._anchor_labels = {key: language.ui(label) for key, label in ANCHOR_LABELS.items()}

    def set_article(self, project, article_id: str | None, *, orphaned: bool = False,
                    keep: Iterable[str] = ()) -> None:
        """Show an article's claims (anchored ones, or ``orphaned``) from ``project``, in its scale."""
        if project is not None:
            self._scale = project.scale
        pager = lists.ClaimPager(project, article_id, orphaned=orphaned) if project and article_id else None
        self.show(pager, keep)

    def set_claims(self, claims: list[model.Claim], scale: ratings.Scale | None = None) -> None:
        """Show these claims (rows at hand, not a project's), in reading order."""
        if scale is not None:
            self._scale = scale
        self.show(lists.HeldPager(claims, key=lists.ClaimPager.key))

    def claim_at(self, row: int) -> model.Claim | None:
        return self.row_at(row)

    def claims(self) -> list[model.Claim]:
        """The claims read so far, in order."""
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
