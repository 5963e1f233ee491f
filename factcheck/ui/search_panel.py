"""Edit > Find in project (Ctrl+Shift+F): one query over claims, comments, sources and article text.

``SearchDock`` is the dock (beside the review queue) and its action; ``SearchPanel`` the query
box, the filters and the results, searched as the person types (``core.search``: about 10 ms
on 5,000 claims and a 1 MB article, so on the UI thread, after a short pause in typing).
Up and Down move through the results from the query box, Enter opens one: a claim in the
inspector with its highlight, a comment on its claim's Comments tab, an article's passage
selected in the article, a source in the source library. Escape closes the dock.

The filters wrap onto a second row when the dock is narrow (``FlowLayout``): one row of
them in Spanish was wider than a 1,024-pixel screen. The dock shares the bottom area with
the review queue; closing it gives that area back the height it had before it opened.

Core gives offsets in code points; ``ArticleView.select_span`` converts them to Qt's UTF-16
(``ui/offsets.py``), so nothing here counts UTF-16.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractListModel, QDate, QEvent, QModelIndex, QObject, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QAction, QKeySequence, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListView,
    QMainWindow,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import model, search
from factcheck.core.errors import KnownError
from factcheck.ui import language, models

SHORTCUT = "Ctrl+Shift+F"
#: The pause in typing after which the query runs (ms).
SEARCH_DELAY_MS = 150
#: Hits shown at most.
LIMIT = 100
#: The dock's height the first time it opens, as a share of the window's (the window caps docks at 0.4).
DOCK_SHARE = 0.38
#: Characters a filter's box shows at least (the list it opens shows its choices whole).
FILTER_CHARS = 8
ARTICLE_CHARS = 14
#: An ``HIT_ROLE`` item holds the ``search.Hit``; ``HTML_ROLE`` its two lines as rich text.
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2


class SearchResultModel(QAbstractListModel):
    """The hits of the last search, best first: what each is, where, and its words marked."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.hits: list[search.Hit] = []
        self._kinds = {search.CLAIM: self.tr("Claim"), search.COMMENT: self.tr("Comment"),
                       search.SOURCE: self.tr("Source"), search.ARTICLE: self.tr("Article text")}
        self._fields = {
            "statement": self.tr("statement"), "exact": self.tr("quote"), "verdict_summary": self.tr("verdict summary"),
            "rationale": self.tr("rationale"), "claimant": self.tr("claimant"), "tags": self.tr("tags"),
            "notes": self.tr("notes"), "body": self.tr("comment"), "title": self.tr("title"),
            "publisher": self.tr("publisher"), "author": self.tr("author"), "url": self.tr("URL"), "text": self.tr("text"),
        }
        self._statuses = {key: language.ui(label) for key, label in models.STATUS_LABELS.items()}

    def set_hits(self, hits: list[search.Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{self.where(hit)}\n{hit.snippet_text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.title
        if role == HTML_ROLE:
            snippet = "".join(f"<b>{html.escape(text)}</b>" if marked else html.escape(text)
                              for text, marked in hit.snippet)
            return f"<span style='font-size:small'>{html.escape(self.where(hit))}</span><br>{snippet}"
        if role == HIT_ROLE:
            return hit
        return None

    def where(self, hit: search.Hit) -> str:
        """The first line of a hit: what it is and where it is."""
        kind = self._kinds.get(hit.kind, hit.kind)
        field = self._fields.get(hit.field, hit.field)
        if hit.kind == search.ARTICLE:
            return (self.tr("{kind} · {article} · page {page}").format(kind=kind, article=hit.title, page=hit.page)
                    if hit.page else self.tr("{kind} · {article}").format(kind=kind, article=hit.title))
        shown = hit.snippet_text.strip("… ")
        said = not hit.title or shown in hit.title or hit.title in shown  # the snippet already says which one
        if hit.kind == search.SOURCE:
            return (self.tr("{kind} · {field}").format(kind=kind, field=field) if said else
                    self.tr("{kind} · {title} · {field}").format(kind=kind, title=_shorten(hit.title, 90), field=field))
        status = self._statuses.get(hit.status or "", hit.status or "")
        if said:
            return self.tr("{kind} · {field} · {status} · {article}").format(
                kind=kind, field=field, status=status, article=_shorten(hit.context, 80))
        return self.tr("{kind} · {title} · {field} · {status} · {article}").format(
            kind=kind, title=_shorten(hit.title, 90), field=field, status=status, article=_shorten(hit.context, 60))


def _key(hit: search.Hit | None) -> tuple | None:
    """What makes a hit the same one after the search runs again."""
    return None if hit is None else (hit.kind, hit.id, hit.start)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class SnippetDelegate(QStyledItemDelegate):
    """A hit as two lines of rich text: where (small), then its words with the matches in bold."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        document.setHtml(index.data(HTML_ROLE) or "")
        view = self.parent()
        document.setTextWidth(max(120, (view.viewport().width() if view is not None else option.rect.width()) - 4))
        return document

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(group, role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt override
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2)


class _ResultList(QListView):
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.doItemsLayout()  # wrapped rows change height with the width


class FlowLayout(QLayout):
    """Items left to right, on as many rows as the width needs; a row's spare width goes to the items
    that can grow (horizontally Expanding), so a wide dock shows one row of wide boxes."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12, row_spacing: int = 4):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing, self._row_spacing = spacing, row_spacing

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """As narrow as the widest item; one row high (the layout above asks ``heightForWidth`` for the rest)."""
        shown = self._shown()
        return self._with_margins(QSize(max((i.minimumSize().width() for i in shown), default=0),
                                        max((i.sizeHint().height() for i in shown), default=0)))

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            need = item.sizeHint().width()
            if rows[-1] and used + self._spacing + need > width:
                rows.append([])
                used = 0
            used += (self._spacing if rows[-1] else 0) + need
            rows[-1].append(item)
        return [row for row in rows if row]

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in ``rect`` (or only measure): the height the rows take."""
        area = self.contentsRect() if place else rect.marginsRemoved(self.contentsMargins())
        y = area.y()
        for n, row in enumerate(self._rows(area.width())):
            if n:
                y += self._row_spacing
            hints = [i.sizeHint().width() for i in row]
            spare = area.width() - sum(hints) - self._spacing * (len(row) - 1)
            growing = [k for k, i in enumerate(row) if i.widget() is not None
                       and i.widget().sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Expanding]
            height = max(i.sizeHint().height() for i in row)
            x = area.x()
            for k, item in enumerate(row):
                width = hints[k] + (spare // len(growing) if spare > 0 and k in growing else 0)
                width = max(item.minimumSize().width(), min(width, area.right() + 1 - x))
                if place:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + self._spacing
            y += height
        return y - area.y() + self.contentsMargins().top() + self.contentsMargins().bottom()


class _FilterBox(QComboBox):
    """A filter's choices: ``chars`` characters wide at least, so the filters fit a narrow dock in any
    language; where there is room, as wide as its longest choice (``fit_choices``; the article's
    titles are long: its list shows them whole). One QComboBox policy gives both sizes the same
    width, the longest choice's: a row of them in Spanish was wider than a 1,024-pixel screen."""

    def __init__(self, chars: int, *, fit_choices: bool = True):
        super().__init__()
        self.fit_choices = fit_choices
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(chars)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()  # ``chars`` wide
        if not self.fit_choices:
            return hint
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        return QSize(hint.width() + max(0, widest - metrics.horizontalAdvance("x") * self.minimumContentsLength()),
                     hint.height())


class _DateFilter(QDateEdit):
    """A date, or none ("any"): the lowest date stands for none."""

    NONE = QDate(2000, 1, 1)

    def __init__(self, special: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.NONE)
        self.setSpecialValueText(special)
        self.setDate(self.NONE)

    def iso(self) -> str | None:
        return None if self.date() == self.NONE else self.date().toString("yyyy-MM-dd")


class SearchPanel(QWidget):
    """The query, its filters and the hits of one session's project."""

    sig_hit_opened = Signal(object)
    """Enter (or a double click) on a hit: carries the ``search.Hit`` to go to."""

    sig_close_requested = Signal()
    """Escape: the panel should close."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(self.tr('Find in claims, comments, sources and article text ("phrase", word*)'))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setAccessibleName(self.tr("Find in project"))
        self.status_box = self._combo(self.tr("Status"))
        self.rating_box = self._combo(self.tr("Rating"))
        self.checker_box = self._combo(self.tr("Checker"))
        self.article_box = self._combo(self.tr("Article"), _FilterBox(ARTICLE_CHARS, fit_choices=False))
        self.since_edit = _DateFilter(self.tr("any date"))
        self.since_edit.setAccessibleName(self.tr("Changed on or after"))
        self.until_edit = _DateFilter(self.tr("any date"))
        self.until_edit.setAccessibleName(self.tr("Changed on or before"))
        self.model = SearchResultModel(self)
        self.results = _ResultList()
        self.results.setModel(self.model)
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.setUniformItemSizes(False)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAccessibleName(self.tr("Search results"))
        self.count_label = QLabel()
        self.count_label.setEnabled(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)

        filters = FlowLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for label, widget in ((self.tr("Status:"), self.status_box), (self.tr("Rating:"), self.rating_box),
                              (self.tr("Checker:"), self.checker_box), (self.tr("Article:"), self.article_box),
                              (self.tr("Since:"), self.since_edit), (self.tr("Until:"), self.until_edit)):
            filters.addWidget(self._labelled(label, widget))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.query_edit, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)

        self.query_edit.textChanged.connect(self._on_query_edit_text_changed)
        self._timer.timeout.connect(self.search_now)
        for box in (self.status_box, self.rating_box, self.checker_box, self.article_box):
            box.currentIndexChanged.connect(self._on_filter_changed)
        self.since_edit.dateChanged.connect(self._on_filter_changed)
        self.until_edit.dateChanged.connect(self._on_filter_changed)
        self.results.activated.connect(self._on_results_activated)
        self.query_edit.installEventFilter(self)
        self.results.installEventFilter(self)
        session.sig_changed.connect(self._on_session_changed)
        self.count_label.setText(self.tr("Type to search"))

    def _combo(self, name: str, box: QComboBox | None = None) -> QComboBox:
        box = box or _FilterBox(FILTER_CHARS)
        box.setAccessibleName(name)
        box.setToolTip(name)
        return box

    @staticmethod
    def _labelled(label: str, field: QWidget) -> QWidget:
        """A filter and its label, kept together on one row of the filters."""
        pair = QWidget()
        layout = QHBoxLayout(pair)
        layout.setContentsMargins(0, 0, 0, 0)
        buddy = QLabel(label)
        buddy.setBuddy(field)  # names the box for a screen reader
        layout.addWidget(buddy)
        layout.addWidget(field, 1)
        grows = isinstance(field, _FilterBox) and not field.fit_choices  # the article's titles take the spare width
        pair.setSizePolicy(QSizePolicy.Policy.Expanding if grows else QSizePolicy.Policy.Preferred,
                           QSizePolicy.Policy.Fixed)
        return pair

    # --- filters ---------------------------------------------------------------------------

    def fill_filters(self) -> None:
        """The filters' choices from the project (its scale, checkers and articles), keeping what was chosen."""
        project = self.session.project
        try:
            ratings = [(r.key, r.label) for r in project.scale.ratings]
            checkers = [(name, name) for name in project.checkers()]
            articles = [(a.id, _shorten(a.title or a.id, 60)) for a in project.articles()]
        except KnownError:
            return
        statuses = [(key, language.ui(label)) for key, label in models.STATUS_LABELS.items()]
        for box, anything, choices in (
                (self.status_box, self.tr("Any status"), statuses), (self.rating_box, self.tr("Any rating"), ratings),
                (self.checker_box, self.tr("Anyone"), checkers), (self.article_box, self.tr("All articles"), articles)):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(anything, None)
            for key, label in choices:
                box.addItem(label, key)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
            box.blockSignals(False)
            box.updateGeometry()  # its width follows its choices (``_FilterBox``)

    def filters(self) -> dict:
        return {"status": self.status_box.currentData(), "rating": self.rating_box.currentData(),
                "checker": self.checker_box.currentData(), "article_id": self.article_box.currentData(),
                "since": self.since_edit.iso(), "until": self.until_edit.iso()}

    # --- searching -------------------------------------------------------------------------

    def start(self, text: str | None = None) -> None:
        """Focus the query (with ``text``, when given), all of it selected, and search."""
        if text:
            self.query_edit.setText(text)
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()
        if self.query_edit.text().strip():
            self.search_now()

    def search_now(self) -> None:
        """Run the query now (the timer runs it after a pause in typing)."""
        self._timer.stop()
        query = self.query_edit.text()
        keep = self.current_hit()
        if not query.strip():
            self.model.set_hits([])
            self.count_label.setText(self.tr("Type to search"))
            return
        try:
            hits = self.session.project.search(query, limit=LIMIT, prefix_last=True, **self.filters())
        except KnownError as exc:
            self.model.set_hits([])
            self.count_label.setText(language.ui(exc))
            return
        self.model.set_hits(hits)
        if not hits:
            self.count_label.setText(self.tr("Nothing found"))
        elif len(hits) >= LIMIT:
            self.count_label.setText(self.tr("The first {n} results").format(n=LIMIT))
        else:
            self.count_label.setText(self.tr("1 result") if len(hits) == 1 else self.tr("%n results", "", len(hits)))
        row = next((i for i, h in enumerate(hits) if keep and _key(h) == _key(keep)), 0 if hits else -1)
        if row >= 0:
            self.results.setCurrentIndex(self.model.index(row))

    def current_hit(self) -> search.Hit | None:
        index = self.results.currentIndex()
        return index.data(HIT_ROLE) if index.isValid() else None

    def open_current(self) -> None:
        """Go to the current hit; hits read before the latest change are read again first.

        A hit whose claim was just deleted (or whose words changed) then opens nothing,
        rather than a deleted claim or another hit in its row.
        """
        if self._timer.isActive():
            stale = _key(self.current_hit())
            self.search_now()
            if stale is not None and _key(self.current_hit()) != stale:
                return
        hit = self.current_hit()
        if hit is None and self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0))
            hit = self.current_hit()
        if hit is not None:
            self.sig_hit_opened.emit(hit)

    def step(self, delta: int) -> None:
        """Move the current hit up or down (from the query box too)."""
        count = self.model.rowCount()
        if not count:
            return
        row = self.results.currentIndex().row()
        row = 0 if row < 0 else max(0, min(count - 1, row + delta))
        self.results.setCurrentIndex(self.model.index(row))

    # --- keys and signals ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.sig_close_requested.emit()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.query_edit and self._timer.isActive():
                self.search_now()
            self.open_current()
            return True
        if watched is self.query_edit and key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown,
                                                   Qt.Key.Key_PageUp):
            if self._timer.isActive():
                self.search_now()
            page = max(1, self.results.viewport().height() // 60)
            self.step({Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: page,
                       Qt.Key.Key_PageUp: -page}[key])
            return True
        return False

    def _on_query_edit_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_filter_changed(self, *_args) -> None:
        self.search_now()

    def _on_results_activated(self, index: QModelIndex) -> None:
        self.results.setCurrentIndex(index)
        self.open_current()

    def _on_session_changed(self, changes: model.Changes) -> None:
        """What was found may have changed: search again (after the usual pause), and refill the filters.

        Hidden, it reads nothing: the dock refills the filters when it opens.
        """
        if not self.isVisible():
            return
        if changes.what & (model.What.ARTICLES | model.What.STATUS | model.What.ANCHORS | model.What.SETTINGS):
            self.fill_filters()
        if self.query_edit.text().strip():
            self._timer.start()


class SearchDock(QDockWidget):
    """The Find in project dock, its action (Ctrl+Shift+F), and going to what a hit names."""

    def __init__(self, window: QMainWindow, beside: QDockWidget):
        super().__init__(self.tr("Find in project"), window)
        self.setObjectName("search")
        self.window_ = window
        self.panel: SearchPanel | None = None
        self.find_action = QAction(self.tr("Find in &project…"), self)
        self.find_action.setShortcut(QKeySequence(SHORTCUT))
        tip = self.tr("Search every claim, comment, source and article of the project")
        self.find_action.setStatusTip(tip)
        self.find_action.setToolTip(tip)
        self.find_action.setEnabled(False)
        self.find_action.triggered.connect(self.open)
        # Shown again by a restored window layout, not by ``open``: its filters still need their choices.
        self.visibilityChanged.connect(self._on_visibility_changed)
        self.beside = beside
        self._height: int | None = None  # as the person last left it open
        self._beside_height: int | None = None  # the bottom area's height before the dock opened
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        window.tabifyDockWidget(beside, self)
        self.hide()

    def set_session(self, session) -> None:
        """Search ``session``'s project; None: no project (the dock closes)."""
        if self.panel is not None:
            self.panel.deleteLater()
            self.panel = None
        if session is not None:
            self.panel = SearchPanel(session)
            self.panel.sig_hit_opened.connect(self._on_panel_hit_opened)
            self.panel.sig_close_requested.connect(self.close_search)
            self.setWidget(self.panel)
        else:
            self.setWidget(QWidget())
            self.hide()
        self.find_action.setEnabled(session is not None)

    def open(self) -> None:
        """Show the dock in front, the query focused (pre-filled with a short selection of the article)."""
        if self.panel is None:
            return
        window = self.window_
        opening = self.isHidden()
        if opening:
            self._beside_height = self.beside.height() if self._shares_area() and self.beside.isVisible() else None
        self.show()
        self.raise_()
        if opening and self._across():
            # Room for a few hits the first time, then as tall as the person last left it; once the
            # window has laid out the shown dock and its filled filters (a size given sooner is lost).
            height = self._height or max(self.height(), round(window.height() * DOCK_SHARE))
            QTimer.singleShot(0, lambda: self._grow_to(height))
        view = getattr(window, "view", None)
        span = view.selected_span() if view is not None else None
        text = None
        if span and span[1] - span[0] <= 100:
            words = self.panel.session.project.text(view.current_version_id)[span[0]:span[1]]
            text = " ".join(words.split()) or None
        self.panel.fill_filters()
        self.panel.start(text)

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self.panel is not None and self.panel.status_box.count() == 0:
            self.panel.fill_filters()

    def _grow_to(self, height: int) -> None:
        """Make the open dock this tall (the tab bar of the area it shares takes a part of what the area gets)."""
        if not self.isVisible():
            return
        window = self.window_
        window.layout().activate()  # the tab bar of the area is shown now
        tabs = next((bar.height() for bar in window.findChildren(QTabBar)
                     if bar.parent() is window and bar.isVisible()
                     and any(bar.tabText(i) == self.windowTitle() for i in range(bar.count()))), 0)
        window.resizeDocks([self], [height + tabs], Qt.Orientation.Vertical)

    def _across(self) -> bool:
        """Whether the dock lies across the window (above or below the article), not floating."""
        return not self.isFloating() and self.window_.dockWidgetArea(self) in (
            Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.TopDockWidgetArea)

    def _shares_area(self) -> bool:
        """Whether the dock it was put beside (the review queue) is in the same area, as a tab beside it."""
        return self._across() and not self.beside.isFloating() and \
            self.window_.dockWidgetArea(self.beside) == self.window_.dockWidgetArea(self)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Closed (Escape, its close button, the project closed; not another tab brought to the front): the
        area it shares gives the article back the height it had before the dock opened."""
        super().hideEvent(event)
        if not self.isHidden():
            return
        if self._across() and self.panel is not None:
            self._height = self.height()
        before, self._beside_height = self._beside_height, None
        if before is not None and self._shares_area() and self.beside.isVisible():
            QTimer.singleShot(0, lambda: self.beside.isVisible() and self.window_.resizeDocks(
                [self.beside], [before], Qt.Orientation.Vertical))

    def close_search(self) -> None:
        self.hide()
        view = getattr(self.window_, "view", None)
        if view is not None:
            view.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_panel_hit_opened(self, hit: search.Hit) -> None:
        """Go to a hit; the focus stays in the results, so Up and Down go on to the next."""
        window = self.window_
        focus = QApplication.focusWidget()
        if hit.kind in (search.CLAIM, search.COMMENT) and hit.claim_id:
            window.open_claim(hit.claim_id)
            panel = getattr(window, "panel", None)
            if panel is not None:
                inspector = panel.inspector
                inspector.tabs.setCurrentWidget(inspector.comments if hit.kind == search.COMMENT
                                                else inspector.claim_scroll)
        elif hit.kind == search.ARTICLE and hit.article_id:
            window.select_article(hit.article_id)
            view = window.view
            if view is not None and view.current_version_id == hit.version_id and hit.start is not None:
                view.select_span(hit.start, hit.end)
        elif hit.kind == search.SOURCE:
            self.open_source(hit.id)
        if focus is not None and self.panel is not None and (focus is self.panel or self.panel.isAncestorOf(focus)):
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_source(self, source_id: str) -> None:
        """The source library, the source selected (a dialog: tests replace ``SourceLibraryDialog.exec``)."""
        from factcheck.ui.dialogs.source_library import SourceLibraryDialog

        if self.panel is None:
            return
        dialog = SourceLibraryDialog(self.panel.session, self.window_)
        dialog.select(source_id)
        dialog.exec()
        dialog.deleteLater()
