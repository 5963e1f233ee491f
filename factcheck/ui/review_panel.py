"""The review queue: claims awaiting a decision across every article, and review decisions.

The queue reads a page of light rows at a time (``core/review_queue.py``): filtered,
sorted and counted in SQL, the next page read as the table scrolls (``fetchMore``), so a
project of 100,000 claims opens its queue as fast as one of a hundred. Not a
``QSortFilterProxyModel``: a proxy needs every row loaded and calls back into Python once
per row for every filter change.

``review_claims`` is the one path for a decision, from the queue (one or many claims) or
the inspector (one). The rules are the core's (``project.managers.review``): its plan
refuses what the workflow or the four-eyes rule does not allow and runs the
pre-publication checklist over the rest; this module only shows the checklist, asks the
comment for a change request, and has the core decide on every claim in one transaction,
passing the revision the user saw so a claim changed elsewhere is not decided on blindly.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import history, later, lists, model, ratings, review_queue, workflow
from factcheck.core.errors import KnownError
from factcheck.core.model import What
from factcheck.core.text import N_
from factcheck.ui import accessible, keyboard, language, models, search_panel, theme
from factcheck.ui.models import local_time, number, parse_time  # noqa: F401 - local_time is used here and by the panels
from factcheck.ui.session import Session

review_dialogs = later.Module("factcheck.ui.dialogs.review_dialogs")  # opened on a review, not for the first window

_Index = QModelIndex | QPersistentModelIndex

#: Claims with more changed ids than this are refreshed by reading the whole queue again.
INCREMENTAL_LIMIT = 64

def show_message(parent: QWidget | None, text: str, title: str = "factcheck") -> None:
    """Tell the user why a decision was refused (tests replace this)."""
    QMessageBox.warning(parent, title, text)


class QueueRow(NamedTuple):
    """What the queue shows of one claim (a tuple: 10,000 of them are made in milliseconds)."""

    id: str
    article_id: str
    article_title: str
    quote: str
    statement: str
    claimant: str
    rating: str | None
    status: str
    checker: str  # who submitted it (who made it, before it was submitted)
    summary: str
    since: str  # ISO time the claim has been waiting since, for its status
    revision: int

    def words(self) -> str:
        """The lower-case text the word filter searches."""
        return "\n".join((self.quote, self.statement, self.claimant, self.summary, self.article_title,
                          self.checker)).lower()


def queue_rows(project, claim_ids: Iterable[str] | None = None) -> list[QueueRow]:
    """One row per visible claim (every status), or just these claims' rows (gone ones absent).

    One light read in core (``Project.review_queue_rows``): 10,000 rows in ~0.1 s.
    """
    rows = project.review_queue_rows(claim_ids)
    return list(map(QueueRow._make, rows))


def age_text(iso: str, now: datetime.datetime | None = None) -> str:
    """How long ago an ISO time was, in a few characters ("3 days", "5 h", "12 min")."""
    when = parse_time(iso)
    if when is None:
        return ""
    seconds = ((now or datetime.datetime.now(datetime.timezone.utc)) - when).total_seconds()
    if seconds < 60:
        return QCoreApplication.translate("ReviewQueueModel", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("ReviewQueueModel", "{n} min").format(n=number(seconds // 60))
    if seconds < 86400:
        return QCoreApplication.translate("ReviewQueueModel", "{n} h").format(n=number(seconds // 3600))
    days = int(seconds // 86400)
    if days == 1:
        return QCoreApplication.translate("ReviewQueueModel", "1 day")
    return QCoreApplication.translate("ReviewQueueModel", "{n} days").format(n=number(days))


def quote_of(claim_or_row, limit: int = 60) -> str:
    text = " ".join((getattr(claim_or_row, "statement", "") or getattr(claim_or_row, "exact", "")
                     or getattr(claim_or_row, "quote", "")).split())
    return "“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


# --- decisions -----------------------------------------------------------------------


@dataclasses.dataclass
class ReviewOutcome:
    """What became of a decision over some claims."""

    action: str
    done: list[str] = dataclasses.field(default_factory=list)
    refused: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (claim id, reason)
    cancelled: bool = False

    def summary(self, claims_by_id: dict[str, model.Claim]) -> str:
        """A few lines: what was done, and each refusal with its reason (in the language shown)."""
        n = len(self.done)
        one = n == 1
        translate = QCoreApplication.translate
        if self.action == workflow.SUBMIT:
            done = translate("ReviewOutcome", "Submitted 1 claim.") if one else \
                translate("ReviewOutcome", "Submitted {n} claims.")
        elif self.action == workflow.APPROVE:
            done = translate("ReviewOutcome", "Approved 1 claim.") if one else \
                translate("ReviewOutcome", "Approved {n} claims.")
        elif self.action == workflow.REQUEST_CHANGES:
            done = translate("ReviewOutcome", "Requested changes on 1 claim.") if one else \
                translate("ReviewOutcome", "Requested changes on {n} claims.")
        else:
            done = translate("ReviewOutcome", "Published 1 claim.") if one else \
                translate("ReviewOutcome", "Published {n} claims.")
        lines = [done.format(n=number(n))]
        if self.refused:
            lines.append("")
            lines.append(translate("ReviewOutcome", "Refused ({n}):").format(n=number(len(self.refused))))
            for claim_id, reason in self.refused:
                claim = claims_by_id.get(claim_id)
                if claim:
                    line = translate("ReviewOutcome", "• {quote}: {reason}").format(
                        quote=quote_of(claim), reason=language.ui(reason))
                else:
                    line = translate("ReviewOutcome", "• A claim: {reason}").format(reason=language.ui(reason))
                lines.append(line)
        return "\n".join(lines)


ACTION_LABELS = {
    workflow.SUBMIT: N_("Submit for review"), workflow.APPROVE: N_("Approve"),
    workflow.REQUEST_CHANGES: N_("Request changes"), workflow.PUBLISH: N_("Publish"),
}
"""Each decision's name (English; ``language.ui`` shows it in the language shown)."""


def action_label(action: str, n: int = 1) -> str:
    """A decision's name for ``n`` claims, in the language shown ("Approve", "Approve 3 claims")."""
    if n == 1:
        return language.ui(ACTION_LABELS[action])
    translate = QCoreApplication.translate
    template = {
        workflow.SUBMIT: translate("ReviewPanel", "Submit for review {n} claims"),
        workflow.APPROVE: translate("ReviewPanel", "Approve {n} claims"),
        workflow.REQUEST_CHANGES: translate("ReviewPanel", "Request changes {n} claims"),
        workflow.PUBLISH: translate("ReviewPanel", "Publish {n} claims"),
    }[action]
    return template.format(n=number(n))


def reason_of(exc: BaseException) -> str:
    """A refusal's reason from a core error, keeping its template (``str(exc)`` would lose it)."""
    if len(exc.args) == 1 and isinstance(exc.args[0], str):
        return exc.args[0]
    return str(exc)


def review_claims(session: Session, parent: QWidget | None, action: str, claims: Sequence[model.Claim],
                  revisions: dict[str, int] | None = None, *, initiator: object = None) -> ReviewOutcome:
    """Take one review decision on each claim; never raises for a refusal, reports it.

    The core plans first: claims the workflow or the four-eyes rule refuses are reported
    and never shown in the checklist. Before approving or publishing, the checklist runs
    over the rest, and a claim with a blocking finding is not decided on. Requesting
    changes asks one comment for all of them. The decision itself is one transaction.

    Args:
        revisions: claim id -> the revision the user saw (default: each claim's own).
        initiator: the view that asked, passed on with the ``Changes``.
    """
    outcome = ReviewOutcome(action)
    if not claims:
        return outcome
    try:
        plan = session.project.managers.review.plan(action, claims)
    except KnownError as exc:
        outcome.refused = [(c.id, reason_of(exc)) for c in claims]
        return outcome
    outcome.refused = list(plan.refused)
    if not plan.ready:
        return outcome
    ready = set(plan.ready)
    comment = ""
    if plan.needs_checklist:
        claims_by_id = {c.id: c for c in claims if c.id in ready}
        n = len(claims_by_id)
        label = action_label(action, n)
        if not review_dialogs.ChecklistDialog.ask(parent, plan.findings, claims_by_id, label):
            outcome.cancelled = True
            return outcome
    elif plan.needs_comment:
        n = len(plan.ready)
        translate = QCoreApplication.translate
        prompt = (translate("ReviewPanel", "What needs changing? The checker sees this as a review comment.")
                  if n == 1 else
                  translate("ReviewPanel", "What needs changing? Each of the {n} claims gets this review comment.")
                  .format(n=number(n)))
        answer = review_dialogs.CommentDialog.ask(parent, language.ui(ACTION_LABELS[workflow.REQUEST_CHANGES]),
                                                  prompt, [c for c in claims if c.id in ready])
        if not answer or not answer.strip():
            outcome.cancelled = True
            return outcome
        comment = answer.strip()
    blocked = plan.blocked()
    outcome.refused.extend((claim_id, blocked[claim_id]) for claim_id in plan.ready if claim_id in blocked)
    revisions = revisions or {}
    seen = {c.id: revisions.get(c.id, c.revision) for c in claims if c.id in ready}
    command = history.ReviewMany(action, plan.ready, comment=comment, revisions=seen, skip=blocked)
    try:
        session.do(command, initiator=initiator)
    except KnownError as exc:  # the file could not be written: nothing was decided
        outcome.refused.extend((claim_id, reason_of(exc)) for claim_id in plan.ready if claim_id not in blocked)
        return outcome
    outcome.done = list(command.outcome.done)
    outcome.refused.extend(command.outcome.refused)
    return outcome


# --- the queue's models --------------------------------------------------------------


ANY = review_queue.ANY  # a filter that takes every value
QueueFilter = review_queue.Filter
"""Which claims the queue shows; the default is the claims waiting for an editor."""


#: The roles the queue's model answers.
_QUEUE_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                                          Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
                                          Qt.ItemDataRole.UserRole))


class _QueuePager(lists.Pager):
    """A queue through one filter, in one order: the list ``PagedRows`` pages (its rows made ``QueueRow``)."""

    def __init__(self, queue, f: review_queue.Filter, order: review_queue.Order):
        self.queue, self.filter, self.order = queue, f, order
        self.descending = order.descending

    def count(self) -> int:
        return self.queue.count(self.filter)

    def page(self, after: review_queue.Key | None, limit: int) -> list[tuple[QueueRow, review_queue.Key]]:
        return [(QueueRow._make(r), key) for r, key in self.queue.page(self.filter, self.order, after, limit)]

    def rows(self, ids: Iterable[str]) -> list[tuple[QueueRow, review_queue.Key, bool]]:
        return [(QueueRow._make(r), key, passing) for r, key, passing in self.queue.rows(ids, self.filter, self.order)]

    def sortable(self, key: review_queue.Key) -> tuple:
        return review_queue.sortable(self.order, key)


class ReviewQueueModel(models.PagedRows, models.ListTableModel):
    """The claims that pass ``filter``, sorted, read from a ``review_queue`` a page at a time (``PagedRows``).

    The view asks for more rows as it scrolls; counts come from the queue, not from the
    rows read. A change to a few claims moves just their rows; a filter or sort change
    reads the first page again. ``set_project`` reads a project's queue through SQL (its
    count left for later: ``counted``); ``set_rows`` shows rows at hand (``review_queue.ListQueue``).
    """

    COLUMNS = (N_("Quote"), N_("Article"), N_("Claimant"), N_("Rating"), N_("Checker"), N_("Status"),
               N_("Waiting since"))
    QUOTE, ARTICLE, CLAIMANT, RATING, CHECKER, STATUS, SINCE = range(7)

    def __init__(self, scale: ratings.Scale, parent=None):
        super().__init__(parent)
        self._init_rows()
        self._scale = scale
        self._queue = review_queue.ListQueue([], scale)
        self._total: int | None = 0  # how many claims the queue holds (None: not counted since the last read)
        self._known: dict[str, QueueRow | None] = {}  # every claim's row read so far (None: gone)
        self._icons: dict[tuple[str | None, str], object] = {}  # by rating and colour (light, dark)
        self.filter = QueueFilter()
        self._sort: tuple[int, Qt.SortOrder] = (self.SINCE, Qt.SortOrder.AscendingOrder)
        self._now = datetime.datetime.now(datetime.timezone.utc)
        # Looked up once: a view asks for them on every paint.
        self._not_rated = self.tr("Not rated")
        self._status_labels = {key: language.ui(label) for key, label in models.STATUS_LABELS.items()}

    # --- where the rows come from ------------------------------------------------------

    def set_project(self, project, *, count_later: bool = False) -> None:
        """Show ``project``'s queue (read again from the start); ``count_later``: its rows before its count."""
        self._scale = project.scale
        self._icons.clear()
        self._queue = review_queue.SqlQueue(project)
        self._known = {}
        self._read_first(count_later=count_later)

    def set_rows(self, rows: Iterable[QueueRow], scale: ratings.Scale | None = None) -> None:
        """Show these rows (every claim's), not a project's."""
        if scale is not None:
            self._scale = scale
            self._icons.clear()
        self._queue = review_queue.ListQueue(rows, self._scale)
        self._known = {}
        self._read_first()

    @property
    def queue(self):
        """Where the rows come from (``review_queue.SqlQueue`` or ``ListQueue``)."""
        return self._queue

    def _order(self) -> review_queue.Order:
        column, order = self._sort
        return review_queue.Order(review_queue.COLUMNS[column], order == Qt.SortOrder.DescendingOrder)

    def _read_first(self, *, count_later: bool = False) -> None:
        """The first page for the filter and order now (a reset), and down to the claims in ``wanted``."""
        self._now = datetime.datetime.now(datetime.timezone.utc)
        self._total = None  # counted when asked for (a tooltip): the first screen does not show it
        self.show(_QueuePager(self._queue, self.filter, self._order()), count_later=count_later)

    def _take(self, page: list, limit: int) -> None:
        super()._take(page, limit)
        self._known.update((r.id, r) for r, _ in page)

    # --- reading ----------------------------------------------------------------------

    @property
    def rows(self) -> list[QueueRow]:
        """The rows read so far, in order (the first ``rowCount()`` of ``count()``)."""
        return self._rows

    def total(self) -> int:
        """Every claim in the queue, shown or filtered out."""
        if self._total is None:
            self._total = self._queue.total()
        return self._total

    def claim_row(self, claim_id: str) -> QueueRow | None:
        """A claim's row whether it is shown or not (read if this model has not seen it)."""
        if claim_id not in self._known:
            found = self._queue.rows([claim_id], self.filter, self._order())
            self._known[claim_id] = QueueRow._make(found[0][0]) if found else None
        return self._known[claim_id]

    def fetch_all(self) -> None:
        """Read every row that passes the filter (select all, a decision on all of them)."""
        while self.canFetchMore():
            self.fetchMore()

    def _rating_label(self, key: str | None) -> str:
        rating = self._scale.get(key)
        return rating.label if rating else self._not_rated

    def _icon(self, key: str | None):
        rating = self._scale.get(key)
        color = theme.rating_color(rating)  # the variant of the palette in use
        icon = self._icons.get((key, color))
        if icon is None:
            icon = self._icons[(key, color)] = models.swatch(color)
        return icon

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # A view asks about ten roles of every visible cell at each paint: those without an answer go first.
        if role not in _QUEUE_ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.QUOTE:
                return models.one_line(r.quote, 100)
            if col == self.ARTICLE:
                return models.one_line(r.article_title, 60)
            if col == self.CLAIMANT:
                return r.claimant
            if col == self.RATING:
                return self._rating_label(r.rating)
            if col == self.CHECKER:
                return r.checker
            if col == self.STATUS:
                return self._status_labels.get(r.status, r.status)
            if col == self.SINCE:
                return age_text(r.since, self._now)
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == self.RATING:
            return self._icon(r.rating)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.SINCE:
                return self.tr("Waiting since {time}").format(time=local_time(r.since))
            if col == self.ARTICLE:
                return r.article_title
            parts = [r.quote]
            if r.summary:
                parts.append(self.tr("Verdict: {summary}").format(summary=r.summary))
            return "\n\n".join(parts)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.SINCE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None

    # --- filtering and sorting -------------------------------------------------------

    def set_filter(self, **values) -> bool:
        """Change some of the filter's criteria (``QueueFilter`` fields, or ``text``); True if it changed."""
        if "text" in values:
            values["words"] = tuple(values.pop("text").lower().split())
        new = dataclasses.replace(self.filter, **values)
        if new == self.filter:
            return False
        self.filter = new
        self._read_first()
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows (in SQL); "Waiting since" ascending puts the longest waiting first."""
        if not 0 <= column < len(self.COLUMNS):
            column = self.SINCE
        if (column, order) == self._sort and self._rows:
            return
        self._sort = (column, order)
        self._read_first()

    # --- a few claims changed ---------------------------------------------------------

    def apply(self, claim_ids: Iterable[str], rows: Iterable[QueueRow] | None = None, *,
              created: str | None = None) -> None:
        """Take in the new state of some claims (ids without a row left the project), row by row.

        Each moves to its place among the rows read, or leaves them; one that now falls
        after the last row read is left for ``fetchMore``. ``rows``: their new rows, for a
        queue of rows at hand (a project's queue reads them itself). ``created``: a claim
        just made (no earlier row to count out).
        """
        ids = list(dict.fromkeys(claim_ids))
        if rows is not None:
            self._queue.update(ids, list(rows))
        super().apply(ids, created=created)

    def _counted(self, row_id: str, at: int, new, shown: bool, created: bool) -> bool:
        """By the claim's row before the change, if this model read it (shown or not)."""
        known = row_id in self._known or created
        old = self._known.get(row_id)
        self._known[row_id] = new
        if not known:
            return False  # its row before the change was never read: count again
        if self._total is not None:
            self._total += (new is not None) - (old is not None)
        if self._count is not None:
            self._count += shown - (old is not None and review_queue.passes(self.filter, old))
        return True

    def _recount(self) -> None:
        self._total = None
        super()._recount()


STATUS_FILTERS = (
    (model.STATUS_LABELS[model.IN_REVIEW], frozenset({model.IN_REVIEW})),
    (model.STATUS_LABELS[model.CHANGES_REQUESTED], frozenset({model.CHANGES_REQUESTED})),
    (model.STATUS_LABELS[model.APPROVED], frozenset({model.APPROVED})),
    (model.STATUS_LABELS[model.PUBLISHED], frozenset({model.PUBLISHED})),
    (model.STATUS_LABELS[model.DRAFT], frozenset({model.DRAFT})),
    (N_("All statuses"), None),
)
"""The review state filter's choices (English; shown through ``language.ui``)."""


class QueueTable(QTableView):
    """The queue's table: Select all (Ctrl+A) reads every page first, so a decision on all takes them all."""

    def selectAll(self) -> None:  # noqa: N802 - Qt override
        model = self.model()
        if isinstance(model, ReviewQueueModel):
            model.fetch_all()
        super().selectAll()

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Reached by anything but a click (which chooses its own row): the highlighted claim is chosen, so Approve acts on it."""
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.choose_highlighted()

    def choose_highlighted(self) -> None:
        """Nothing selected: select the highlighted row (the first when none is), so what is seen is what a key acts on.

        Qt keeps a current row apart from the selection: focus alone, or the selected
        claim leaving the list after a decision, highlights a row nothing applies to.
        """
        if keyboard.choose_current(self):  # not ``selectRow``: with Shift held (Shift+F6) it selected nothing
            return
        model = self.model()
        if model is not None and not model.rowCount() and self.currentIndex().isValid():
            self.selectionModel().clearCurrentIndex()


class ReviewPanel(QWidget):
    """The review queue: filters above a table of claims from every article."""

    #: The latest the queue is counted after it is read, for a panel whose rows are not painted (milliseconds).
    COUNT_AT_LATEST_MS = 500

    sig_claim_opened = Signal(str)
    """The user opened a claim (double-click or Enter): show it in its article."""

    sig_selection_changed = Signal()
    """The selected claims changed (the Review menu's actions follow them)."""

    sig_claim_chosen = Signal(str)
    """One claim is selected now: the inspector shows it, as for a claim chosen in the claim list."""

    #: How long the line under the queue saying what a decision did stays (milliseconds, as the status bar's).
    NOTE_MS = 10_000

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.last_outcome: ReviewOutcome | None = None
        self._kept: list[str] = []  # the selection while the model is reset
        self.model = ReviewQueueModel(session.project.scale, self)

        self.status_filter = QComboBox()
        for label, statuses in STATUS_FILTERS:
            self.status_filter.addItem(language.ui(label), statuses)
        self.status_filter.setToolTip(self.tr("Which review state to list"))
        self.rating_filter = QComboBox()
        self.rating_filter.setToolTip(self.tr("Only claims with this rating"))
        self.checker_filter = QComboBox()
        self.checker_filter.setToolTip(self.tr("Only claims submitted (or made) by this person"))
        self.article_filter = QComboBox()
        self.article_filter.setToolTip(self.tr("Only claims in this article"))
        self.article_filter.setMaximumWidth(260)  # a long headline is cut here; its tooltip and the list show it whole
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Filter by words…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setAccessibleName(self.tr("Filter by words"))
        self.text_filter.setMinimumWidth(100)
        # Each filter is as wide as its longest choice, in any language: the row wraps (``FlowLayout``) rather
        # than cut "Any checker" to fit a 1,024-px window.
        for combo in (self.status_filter, self.rating_filter, self.checker_filter, self.article_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.text_filter.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # a row's spare width
        self.count = QLabel()
        self.count.installEventFilter(self)  # its tooltip counts every claim: only when asked for
        self.note = QLabel()
        theme.set_text_role(self.note, "muted_text")
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.timeout.connect(lambda: self._show_note(""))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Show the claim in its article ({keys}, or double-click)").format(
            keys=language.keys("Enter")))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setToolTip(self.tr("Approve the selected claims after the checklist ({shortcut})")
                                       .format(shortcut=language.keys("Ctrl+Shift+A")))
        self.request_changes_button = QPushButton(self.tr("Request changes…"))
        self.request_changes_button.setToolTip(self.tr("Send the selected claims back with a comment ({shortcut})")
                                               .format(shortcut=language.keys("Ctrl+Shift+R")))

        self.table = QueueTable()
        self.table.setModel(self.model)
        self.table.viewport().installEventFilter(self)  # its first paint: then the queue is counted
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ReviewQueueModel.QUOTE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((ReviewQueueModel.ARTICLE, 180), (ReviewQueueModel.CLAIMANT, 140), (ReviewQueueModel.RATING, 110),
                           (ReviewQueueModel.CHECKER, 110), (ReviewQueueModel.STATUS, 120), (ReviewQueueModel.SINCE, 100)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setSortIndicator(ReviewQueueModel.SINCE, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAccessibleName(self.tr("Review queue"))
        self.table.setAccessibleDescription(
            self.tr("Claims waiting for a decision, across every article; Enter opens one"))
        self.table.setTabKeyNavigation(False)  # Tab moves on; the arrows move within

        actions = QWidget()  # the count and the decisions wrap together, never one button alone
        actions_layout = QHBoxLayout(actions)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        actions_layout.addWidget(self.count)
        actions_layout.addSpacing(8)
        for button in (self.open_button, self.approve_button, self.request_changes_button):
            actions_layout.addWidget(button)
        # One row where the dock is wide enough, two (or more) where it is not.
        filters = search_panel.FlowLayout(spacing=6, row_spacing=2)
        for widget, name in ((self.status_filter, self.tr("Review state filter")),
                             (self.rating_filter, self.tr("Rating filter")),
                             (self.checker_filter, self.tr("Checker filter")),
                             (self.article_filter, self.tr("Article filter"))):
            filters.addWidget(accessible.hidden_label(widget, name))  # names it for a screen reader; shows nothing
            filters.addWidget(widget)
        filters.addWidget(self.text_filter)
        filters.addWidget(actions)
        self._filters = filters
        self._filter_rows_height = 0  # the filters' height beyond one row, as the panel's least height last said
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.note.hide()

        self.status_filter.currentIndexChanged.connect(self._on_filters_changed)
        self.rating_filter.currentIndexChanged.connect(self._on_filters_changed)
        self.checker_filter.currentIndexChanged.connect(self._on_filters_changed)
        self.article_filter.currentIndexChanged.connect(self._on_filters_changed)
        self.article_filter.currentIndexChanged.connect(self._tip_article_filter)
        self.text_filter.textChanged.connect(self._on_filters_changed)
        self.table.activated.connect(self._on_table_activated)  # Enter, or double-click (the platform's way)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self.model.rowsRemoved.connect(self._on_rows_removed)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.modelReset.connect(self._on_model_reset)
        self.model.modelReset.connect(self._update_count)
        self.open_button.clicked.connect(self.open_current)
        self.approve_button.clicked.connect(lambda: self.decide(workflow.APPROVE))
        self.request_changes_button.clicked.connect(lambda: self.decide(workflow.REQUEST_CHANGES))
        session.sig_changed.connect(self._on_session_changed)
        theme.notifier().sig_changed.connect(self._on_theme_changed)
        self.reload()

    # --- size: the filters' rows --------------------------------------------------------

    def _extra_filter_rows_height(self) -> int:
        """How much taller than one row the filters are at the panel's width (0 where they fit one row, or
        before the panel is shown: its width is not the dock's yet)."""
        if not self.isVisible():
            return 0
        margins = self.layout().contentsMargins()
        width = self.width() - margins.left() - margins.right()
        return max(0, self._filters.heightForWidth(width) - self._filters.minimumSize().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The least size with the filters on as many rows as the width needs: the dock makes room for them all
        (a layout's own least counts one row), so wrapping never takes the table's rows."""
        hint = super().minimumSizeHint()
        return QSize(hint.width(), hint.height() + self._extra_filter_rows_height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._ask_for_filter_rows()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._ask_for_filter_rows()  # laid out while hidden: its rows count from now

    def _ask_for_filter_rows(self) -> None:
        extra = self._extra_filter_rows_height()
        if extra != self._filter_rows_height:  # the filters wrapped or unwrapped: the dock asks again
            self._filter_rows_height = extra
            self.updateGeometry()

    # --- contents ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read the queue again from its first page (keeping the selection and the filters).

        Its count (a walk of an index as long as the queue: 10-20 ms at 1,000,000 claims)
        comes once the rows are painted (``eventFilter``), or ``COUNT_AT_LATEST_MS`` after
        for a panel not painted: opening a project does not wait for it.
        """
        project = self.session.project
        self.model.set_project(project, count_later=True)
        self._fill_filter_choices(project.scale)
        self._update_count()
        if not self.model.counted:
            QTimer.singleShot(self.COUNT_AT_LATEST_MS, self, self._count_now)

    def _count_now(self) -> None:
        """Count the queue, if it still waits for it (for the project still open), and say how many."""
        if not self.model.counted and not self.session.project.closed:
            self.model.count()
            self._update_count()

    def _fill_filter_choices(self, scale: ratings.Scale) -> None:
        def refill(combo: QComboBox, any_label: str, choices: list[tuple[str, object]]) -> None:
            current = combo.currentData() if combo.currentIndex() > 0 else ANY
            with_signals_blocked = combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_label, ANY)
            for label, value in choices:
                combo.addItem(label, value)
            index = next((i for i in range(1, combo.count()) if combo.itemData(i) == current), 0)
            combo.setCurrentIndex(index)
            combo.blockSignals(with_signals_blocked)

        refill(self.rating_filter, self.tr("Any rating"),
               [(self.tr("Not rated"), None)] + [(r.label, r.key) for r in scale.ratings])
        self._paint_rating_filter(scale)
        checkers = [name for name in self.model.queue.checkers() if name]
        refill(self.checker_filter, self.tr("Any checker"), [(name, name) for name in checkers])
        articles = self.model.queue.articles()
        refill(self.article_filter, self.tr("All articles"), [(models.one_line(title, 60), aid) for aid, title in articles])
        self._show_whole_headlines(articles)
        self._on_filters_changed()  # a chosen checker or article that is gone: back to "any"

    def _show_whole_headlines(self, articles: list[tuple[str, str]]) -> None:
        """The article filter's list as wide as its headlines (the box itself stays narrow), each whole as its tooltip."""
        for i, (_aid, title) in enumerate(articles, start=1):
            self.article_filter.setItemData(i, title, Qt.ItemDataRole.ToolTipRole)
        metrics = self.article_filter.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.article_filter.itemText(i)) for i in range(self.article_filter.count())),
                     default=0)
        view = self.article_filter.view()
        view.setMinimumWidth(widest + 2 * metrics.averageCharWidth() + view.verticalScrollBar().sizeHint().width())
        self._tip_article_filter(self.article_filter.currentIndex())

    def _tip_article_filter(self, index: int) -> None:
        """The chosen article's whole headline as the filter's tooltip (the box may cut it); else what it does."""
        headline = self.article_filter.itemData(index, Qt.ItemDataRole.ToolTipRole) if index > 0 else None
        self.article_filter.setToolTip(headline or self.tr("Only claims in this article"))

    def _paint_rating_filter(self, scale: ratings.Scale) -> None:
        """The rating filter's swatches, in the variant of the palette in use."""
        for i, r in enumerate(scale.ratings, start=2):
            self.rating_filter.setItemIcon(i, models.swatch(theme.rating_color(r)))

    def _on_theme_changed(self, _dark: bool) -> None:
        """Light to dark or back: the filter's swatches follow (the table's repaint on their own)."""
        self._paint_rating_filter(self.session.project.scale)

    def _on_filters_changed(self, *args) -> None:
        def choice(combo: QComboBox):
            return ANY if combo.currentIndex() <= 0 else combo.currentData()

        checker = choice(self.checker_filter)
        article = choice(self.article_filter)
        self.model.set_filter(  # the selection is kept (``_on_model_reset``)
            statuses=self.status_filter.currentData(),
            rating=choice(self.rating_filter),
            checker=None if checker is ANY else checker,
            article_id=None if article is ANY else article,
            text=self.text_filter.text(),
        )
        self._update_count()

    def set_status_filter(self, statuses: frozenset[str] | None) -> None:
        """Show claims in these states (None: every state)."""
        index = next((i for i in range(self.status_filter.count()) if self.status_filter.itemData(i) == statuses), -1)
        if index < 0:
            raise ValueError(f"no status filter for {statuses!r}")
        self.status_filter.setCurrentIndex(index)

    def _update_count(self, *args) -> None:
        if not self.model.counted:  # said once counted (``reload``); until then the count before stays
            self._update_buttons()
            return
        shown = self.model.count()  # counted by the queue, not the rows read
        statuses = self.status_filter.currentData()
        status = next(iter(statuses)) if statuses is not None and len(statuses) == 1 else None
        one = shown == 1
        if status == model.IN_REVIEW:
            text = self.tr("1 claim in review") if one else self.tr("{n} claims in review")
        elif status == model.CHANGES_REQUESTED:
            text = self.tr("1 claim with changes requested") if one else self.tr("{n} claims with changes requested")
        elif status == model.APPROVED:
            text = self.tr("1 claim approved") if one else self.tr("{n} claims approved")
        elif status == model.PUBLISHED:
            text = self.tr("1 claim published") if one else self.tr("{n} claims published")
        elif status == model.DRAFT:
            text = self.tr("1 claim in draft") if one else self.tr("{n} claims in draft")
        else:
            text = self.tr("1 claim") if one else self.tr("{n} claims")
        self.count.setText(text.format(n=number(shown)))
        self._update_buttons()

    def count_tooltip(self) -> str:
        """How many are shown of how many in the project (counted when the tooltip is asked for)."""
        shown, total = self.model.count(), self.model.total()
        if total == 1:
            tip = self.tr("{shown} shown of the 1 claim in the project")
        else:
            tip = self.tr("{shown} shown of the {total} claims in the project")
        return tip.format(shown=number(shown), total=number(total))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.count and event.type() == QEvent.Type.ToolTip:
            self.count.setToolTip(self.count_tooltip())
        elif event.type() == QEvent.Type.Paint and not self.model.counted and watched is self.table.viewport():
            QTimer.singleShot(0, self, self._count_now)  # once these rows are painted
        return super().eventFilter(watched, event)

    def _update_buttons(self) -> None:
        writable = not self.session.project.read_only
        selected = self.table.selectionModel().hasSelection()
        self.open_button.setEnabled(selected)
        self.approve_button.setEnabled(writable and selected)
        self.request_changes_button.setEnabled(writable and selected)

    # --- selection --------------------------------------------------------------------

    def selected_claim_ids(self) -> list[str]:
        """The selected claims, in the order shown."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].id for r in rows if r < len(self.model.rows)]

    def select_claims(self, claim_ids: Sequence[str], *, scroll: bool = True) -> None:
        """Select these claims where they are shown, reading the pages down to them (the first becomes current).

        ``scroll``: to the first now; else once the events of the moment are handled (from
        inside a model reset, where scrolling to the end would read the next page within it).
        """
        rows = [self.model.fetch_through(claim_id) for claim_id in claim_ids]
        rows = [r for r in rows if r >= 0]
        selection = self.table.selectionModel()
        if not rows:
            selection.clear()
            self._update_buttons()
            return
        ranges = QItemSelection()
        last = self.model.columnCount() - 1
        start = prev = None
        for r in sorted(rows) + [None]:
            if start is not None and (r is None or r != prev + 1):
                ranges.select(self.model.index(start, 0), self.model.index(prev, last))
                start = None
            if r is not None and start is None:
                start = r
            prev = r
        first = self.model.index(rows[0], 0)
        selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.select(ranges, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if scroll:
            self.table.scrollTo(first)
        else:
            claim_id = self.model.rows[rows[0]].id
            QTimer.singleShot(0, self, lambda: self._scroll_to(claim_id))
        self._update_buttons()

    def _scroll_to(self, claim_id: str) -> None:
        row = self.model.row_of(claim_id)
        if row >= 0:
            self.table.scrollTo(self.model.index(row, 0))

    def _on_model_about_to_be_reset(self) -> None:
        self._kept = self.selected_claim_ids()
        self.model.wanted = list(self._kept)  # read down to them before the reset ends

    def _on_model_reset(self) -> None:
        """A filter, a sort or a reload read the first page again: select what was selected and still shown."""
        kept, self._kept = self._kept, []
        if kept:
            self.select_claims([claim_id for claim_id in kept if self.model.row_of(claim_id) >= 0], scroll=False)

    def _in_queue(self) -> bool:
        """Whether the person works in the queue: its table has the window's focus (or will, once the window is active)."""
        return self.table.window().focusWidget() is self.table

    def _on_rows_removed(self, *args) -> None:
        """A decided claim left the list and Qt highlighted its neighbour: working in the queue, that one is chosen.

        Elsewhere (a decision in the inspector) nothing is: the table's next focus chooses it.
        """
        if self._in_queue() and self.table.currentIndex().isValid():
            self.table.choose_highlighted()

    def _on_selection_changed(self, *args) -> None:
        self._update_buttons()
        self.sig_selection_changed.emit()
        ids = self.selected_claim_ids()
        if len(ids) == 1 and self._in_queue():  # not a reload keeping the selection while the work is elsewhere
            self.sig_claim_chosen.emit(ids[0])

    def _on_table_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.sig_claim_opened.emit(row.id)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            ids = self.selected_claim_ids()
            if ids:
                self.sig_claim_opened.emit(ids[0])
            return
        self._on_table_activated(index)

    # --- decisions --------------------------------------------------------------------

    def decide(self, action: str) -> ReviewOutcome | None:
        """Take ``action`` on every selected claim; refusals are listed with their reasons."""
        ids = self.selected_claim_ids()
        if self.session.project.read_only:
            return None
        if not ids:
            self._show_note(self.tr("Select one or more claims in the queue first."))
            return None
        project = self.session.project
        claims, revisions = [], {}
        outcome_missing = []
        for claim_id in ids:
            try:
                claims.append(project.claim(claim_id))
            except KnownError as exc:
                outcome_missing.append((claim_id, reason_of(exc)))
                continue
            row = self.model.claim_row(claim_id)
            revisions[claim_id] = row.revision if row is not None else claims[-1].revision
        outcome = review_claims(self.session, self, action, claims, revisions, initiator=self)
        outcome.refused.extend(outcome_missing)
        self.last_outcome = outcome
        if outcome.cancelled:
            return outcome
        claims_by_id = {c.id: c for c in claims}
        if outcome.refused and len(ids) == 1:
            show_message(self, language.ui(outcome.refused[0][1]))
        elif outcome.refused:
            show_message(self, outcome.summary(claims_by_id),
                         self.tr("{action}: some claims refused").format(action=action_label(action)))
        self._show_note(outcome.summary(claims_by_id).splitlines()[0] if outcome.done else "")
        return outcome

    def _show_note(self, text: str) -> None:
        """Say what a decision did under the queue, for ``NOTE_MS``: a later look must not read it as now."""
        self.note.setText(text)
        self.note.setVisible(bool(text))
        if text:
            self._note_timer.start(self.NOTE_MS)
        else:
            self._note_timer.stop()

    # --- refreshing -------------------------------------------------------------------

    #: What changes the queue's rows: a claim made, deleted or moved, its fields, its status,
    #: and its citations (they give the claim a new revision, which a decision checks).
    _ROWS = What.ANCHORS | What.CLAIM_FIELDS | What.STATUS | What.CITATIONS
    #: What changes every row or the filters' choices: article titles, texts, the rating scale.
    _WHOLE = What.ARTICLES | What.VERSIONS | What.SETTINGS

    def _on_session_changed(self, changes: model.Changes) -> None:
        if changes.what & self._WHOLE or (changes.what & self._ROWS and len(changes.claims) > INCREMENTAL_LIMIT):
            self.reload()
        elif changes.what & self._ROWS and changes.claims:
            try:
                self.model.apply(changes.claims, created=changes.created)
            except KnownError:
                return
            known = {self.checker_filter.itemData(i) for i in range(self.checker_filter.count())}
            rows = [self.model.claim_row(claim_id) for claim_id in changes.claims]
            if any(r is not None and r.checker and r.checker not in known for r in rows):
                self._fill_filter_choices(self.session.project.scale)
            self._update_count()
