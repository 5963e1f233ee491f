"""The review queue: claims awaiting a decision across every article, and review decisions.

The queue reads one light row per claim (``queue_rows``, one SQL query) rather than
whole ``Claim`` objects: ``Project.claims()`` + ``articles()`` take about three times as
long on 10,000 claims. Filtering and sorting happen inside ``ReviewQueueModel``, in
Python list operations, instead of in a ``QSortFilterProxyModel``: a proxy calls back
into Python once per row for every filter change (``filterAcceptsRow``), and that call
alone costs 25-60 ms over 10,000 rows, more than a filter change may take in all.

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
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck import translation
from factcheck.core import history, model, ratings, workflow
from factcheck.core.errors import KnownError
from factcheck.core.model import What
from factcheck.core.text import N_
from factcheck.ui import accessible, language, models, theme
from factcheck.ui.models import local_time, number, parse_time  # noqa: F401 - local_time is used here and by the panels
from factcheck.ui.dialogs import review_dialogs
from factcheck.ui.session import Session

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
                                                  prompt)
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


ANY = object()  # a filter that takes every value


@dataclasses.dataclass(frozen=True)
class QueueFilter:
    """Which claims the queue shows; the default is the claims waiting for an editor."""

    statuses: frozenset[str] | None = frozenset({model.IN_REVIEW})  # None: every status
    rating: object = ANY  # a rating key, None (not rated) or ANY
    checker: str | None = None
    article_id: str | None = None
    words: tuple[str, ...] = ()


class ReviewQueueModel(models.ListTableModel):
    """Every visible claim as a ``QueueRow``; shows those that pass ``filter``, sorted.

    Filter and sort changes rebuild the shown list in Python (a few milliseconds for
    10,000 claims); a decision on a few claims updates just their rows.
    """

    COLUMNS = (N_("Quote"), N_("Article"), N_("Claimant"), N_("Rating"), N_("Checker"), N_("Status"),
               N_("Waiting since"))
    QUOTE, ARTICLE, CLAIMANT, RATING, CHECKER, STATUS, SINCE = range(7)

    def __init__(self, scale: ratings.Scale, parent=None):
        super().__init__(parent)
        self._all: dict[str, QueueRow] = {}  # every claim, by id
        self._all_sorted: list[QueueRow] | None = None  # every claim in the current order (made on demand)
        self._rows: list[QueueRow] = []  # the ones shown, in order
        self._row_index: dict[str, int] | None = None  # id -> shown row (made on demand)
        self._words: dict[str, str] = {}  # id -> searchable text, made on the first word search
        self._scale = scale
        self._icons: dict[tuple[str | None, str], object] = {}  # by rating and colour (light, dark)
        self.filter = QueueFilter()
        self._sort: tuple[int, Qt.SortOrder] = (self.SINCE, Qt.SortOrder.AscendingOrder)
        self._now = datetime.datetime.now(datetime.timezone.utc)
        # Looked up once: a view asks for them on every paint.
        self._not_rated = self.tr("Not rated")
        self._status_labels = {key: language.ui(label) for key, label in models.STATUS_LABELS.items()}

    # --- reading ----------------------------------------------------------------------

    @property
    def rows(self) -> list[QueueRow]:
        """The rows shown, in order."""
        return self._rows

    def all_rows(self) -> list[QueueRow]:
        """Every claim's row, shown or filtered out."""
        return list(self._all.values())

    def total(self) -> int:
        return len(self._all)

    def row_at(self, row: int) -> QueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def _row_of(self) -> dict[str, int]:
        if self._row_index is None:
            self._row_index = {r.id: i for i, r in enumerate(self._rows)}
        return self._row_index

    def row_of(self, claim_id: str) -> int:
        """The shown row of a claim, or -1 (filtered out, or not in the project)."""
        return self._row_of.get(claim_id, -1)

    def claim_row(self, claim_id: str) -> QueueRow | None:
        """A claim's row whether it is shown or not."""
        return self._all.get(claim_id)

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
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

    def _key(self, column: int):
        if column == self.RATING:
            order = {r.key: i for i, r in enumerate(self._scale.ratings)}
            return lambda r: order.get(r.rating, len(order))
        if column == self.STATUS:
            order = {s: i for i, s in enumerate(model.STATUSES)}
            return lambda r: order.get(r.status, 99)
        if column == self.ARTICLE:
            return lambda r: r.article_title.casefold()
        if column == self.QUOTE:
            return lambda r: r.quote.casefold()
        if column == self.CLAIMANT:
            return lambda r: r.claimant.casefold()
        if column == self.CHECKER:
            return lambda r: r.checker.casefold()
        return lambda r: r.since or ""

    def _passing(self, rows: Iterable[QueueRow]) -> list[QueueRow]:
        """The rows the filter lets through, one list comprehension per active criterion."""
        f = self.filter
        out = list(rows)
        if f.statuses is not None:
            statuses = f.statuses
            out = [r for r in out if r.status in statuses]
        if f.rating is not ANY:
            rating = f.rating
            out = [r for r in out if r.rating == rating]
        if f.checker is not None:
            checker = f.checker
            out = [r for r in out if r.checker == checker]
        if f.article_id is not None:
            article_id = f.article_id
            out = [r for r in out if r.article_id == article_id]
        if f.words:
            if len(self._words) != len(self._all):
                self._words = {r.id: r.words() for r in self._all.values()}
            words = self._words
            for word in f.words:
                out = [r for r in out if word in words[r.id]]
        return out

    def _ordered(self, rows: list[QueueRow]) -> list[QueueRow]:
        column, order = self._sort
        return sorted(rows, key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def _sorted_all(self) -> list[QueueRow]:
        """Every row in the current order: filtering it keeps the order, so a filter change sorts nothing."""
        if self._all_sorted is None:
            self._all_sorted = self._ordered(list(self._all.values()))
        return self._all_sorted

    def _show(self, rows: list[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._row_index = None
        self.endResetModel()

    def set_rows(self, rows: Iterable[QueueRow], scale: ratings.Scale | None = None) -> None:
        """Every claim's row (the whole queue read again)."""
        if scale is not None:
            self._scale = scale
            self._icons.clear()
        self._all = {r.id: r for r in rows}
        self._all_sorted = None
        self._words = {}
        self._now = datetime.datetime.now(datetime.timezone.utc)
        self._show(self._passing(self._sorted_all()))

    def set_filter(self, **values) -> bool:
        """Change some of the filter's criteria (``QueueFilter`` fields, or ``text``); True if it changed."""
        if "text" in values:
            values["words"] = tuple(values.pop("text").lower().split())
        new = dataclasses.replace(self.filter, **values)
        if new == self.filter:
            return False
        self.filter = new
        self._show(self._passing(self._sorted_all()))
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the shown rows; "Waiting since" ascending puts the longest waiting first."""
        if not 0 <= column < len(self.COLUMNS):
            column = self.SINCE
        self._sort = (column, order)
        self._all_sorted = None
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        keep = [(self._rows[i.row()].id if 0 <= i.row() < len(self._rows) else None, i.column()) for i in persistent]
        self._rows = self._ordered(self._rows)
        self._row_index = None
        self.changePersistentIndexList(
            persistent,
            [self.index(self._row_of[cid], col) if cid in self._row_of else QModelIndex() for cid, col in keep],
        )
        self.layoutChanged.emit()

    # --- a few claims changed ---------------------------------------------------------

    def apply(self, claim_ids: Iterable[str], rows: list[QueueRow]) -> None:
        """Take in the new rows of some claims (ids without a row left the project), row by row."""
        fresh = {r.id: r for r in rows}
        self._all_sorted = None
        key = self._key(self._sort[0])
        descending = self._sort[1] == Qt.SortOrder.DescendingOrder
        for claim_id in claim_ids:
            new = fresh.get(claim_id)
            if new is None:
                self._all.pop(claim_id, None)
            else:
                self._all[claim_id] = new
            self._words.pop(claim_id, None)
            if new is not None and self._words:
                self._words[claim_id] = new.words()
            shown = self._row_of.get(claim_id, -1)
            passes = new is not None and bool(self._passing([new]))
            if shown >= 0 and passes and key(new) == key(self._rows[shown]):
                self._rows[shown] = new
                self.dataChanged.emit(self.index(shown, 0), self.index(shown, len(self.COLUMNS) - 1))
                continue
            if shown >= 0:
                self.beginRemoveRows(QModelIndex(), shown, shown)
                del self._rows[shown]
                self._row_index = None
                self.endRemoveRows()
            if passes:
                k = key(new)
                at = next((i for i, r in enumerate(self._rows) if (key(r) < k if descending else k < key(r))),
                          len(self._rows))
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows.insert(at, new)
                self._row_index = None
                self.endInsertRows()


STATUS_FILTERS = (
    (model.STATUS_LABELS[model.IN_REVIEW], frozenset({model.IN_REVIEW})),
    (model.STATUS_LABELS[model.CHANGES_REQUESTED], frozenset({model.CHANGES_REQUESTED})),
    (model.STATUS_LABELS[model.APPROVED], frozenset({model.APPROVED})),
    (model.STATUS_LABELS[model.PUBLISHED], frozenset({model.PUBLISHED})),
    (model.STATUS_LABELS[model.DRAFT], frozenset({model.DRAFT})),
    (N_("All statuses"), None),
)
"""The review state filter's choices (English; shown through ``language.ui``)."""


class ReviewPanel(QWidget):
    """The review queue: filters above a table of claims from every article."""

    sig_claim_opened = Signal(str)
    """The user opened a claim (double-click or Enter): show it in its article."""

    sig_selection_changed = Signal()
    """The selected claims changed (the Review menu's actions follow them)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.last_outcome: ReviewOutcome | None = None
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
        self.article_filter.setMaximumWidth(260)
        self.article_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.article_filter.setMinimumContentsLength(14)
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Filter by words…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setAccessibleName(self.tr("Filter by words"))
        self.text_filter.setMinimumWidth(100)
        # The filters may shrink below their labels (elided) so the queue fits a 1,024-px window.
        for combo in (self.status_filter, self.rating_filter, self.checker_filter, self.article_filter):
            combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance("x") * 8 + 24)
        self.count = QLabel()
        self.note = QLabel()
        theme.set_text_role(self.note, "muted_text")
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Show the claim in its article (Enter, or double-click)"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setToolTip(self.tr("Approve the selected claims after the checklist ({shortcut})")
                                       .format(shortcut="Ctrl+Shift+A"))
        self.request_changes_button = QPushButton(self.tr("Request changes…"))
        self.request_changes_button.setToolTip(self.tr("Send the selected claims back with a comment ({shortcut})")
                                               .format(shortcut="Ctrl+Shift+R"))

        self.table = QTableView()
        self.table.setModel(self.model)
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

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for widget, name in ((self.status_filter, self.tr("Review state filter")),
                             (self.rating_filter, self.tr("Rating filter")),
                             (self.checker_filter, self.tr("Checker filter")),
                             (self.article_filter, self.tr("Article filter"))):
            filters.addWidget(accessible.hidden_label(widget, name))  # names it for a screen reader; shows nothing
            filters.addWidget(widget)
        filters.addWidget(self.text_filter, 1)
        filters.addWidget(self.count)
        filters.addSpacing(8)
        for button in (self.open_button, self.approve_button, self.request_changes_button):
            filters.addWidget(button)
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
        self.text_filter.textChanged.connect(self._on_filters_changed)
        self.table.activated.connect(self._on_table_activated)  # Enter, or double-click (the platform's way)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.open_button.clicked.connect(self.open_current)
        self.approve_button.clicked.connect(lambda: self.decide(workflow.APPROVE))
        self.request_changes_button.clicked.connect(lambda: self.decide(workflow.REQUEST_CHANGES))
        session.sig_changed.connect(self._on_session_changed)
        theme.notifier().sig_changed.connect(self._on_theme_changed)
        self.reload()

    # --- contents ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read the whole queue again (keeping the selection and the filters)."""
        project = self.session.project
        selected = self.selected_claim_ids()
        rows = queue_rows(project)
        self.model.set_rows(rows, project.scale)
        self._fill_filter_choices(rows, project.scale)
        self.select_claims(selected)
        self._update_count()

    def _fill_filter_choices(self, rows: list[QueueRow], scale: ratings.Scale) -> None:
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
        checkers = sorted({r.checker for r in rows if r.checker}, key=str.casefold)
        refill(self.checker_filter, self.tr("Any checker"), [(name, name) for name in checkers])
        articles = {r.article_id: r.article_title for r in rows}
        ordered = sorted(articles.items(), key=lambda kv: kv[1].casefold())
        refill(self.article_filter, self.tr("All articles"),
               [(models.one_line(title, 60), aid) for aid, title in ordered])
        self._on_filters_changed()  # a chosen checker or article that is gone: back to "any"

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
        selected = self.selected_claim_ids()
        changed = self.model.set_filter(
            statuses=self.status_filter.currentData(),
            rating=choice(self.rating_filter),
            checker=None if checker is ANY else checker,
            article_id=None if article is ANY else article,
            text=self.text_filter.text(),
        )
        if changed and selected:
            self.select_claims(selected)
        self._update_count()

    def set_status_filter(self, statuses: frozenset[str] | None) -> None:
        """Show claims in these states (None: every state)."""
        index = next((i for i in range(self.status_filter.count()) if self.status_filter.itemData(i) == statuses), -1)
        if index < 0:
            raise ValueError(f"no status filter for {statuses!r}")
        self.status_filter.setCurrentIndex(index)

    def _update_count(self, *args) -> None:
        shown, total = self.model.rowCount(), self.model.total()
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
        if total == 1:
            tip = self.tr("{shown} shown of the 1 claim in the project")
        else:
            tip = self.tr("{shown} shown of the {total} claims in the project")
        self.count.setToolTip(tip.format(shown=number(shown), total=number(total)))
        self._update_buttons()

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

    def select_claims(self, claim_ids: Sequence[str]) -> None:
        """Select these claims where they are shown (the first becomes current)."""
        rows = [self.model.row_of(claim_id) for claim_id in claim_ids]
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
        self.table.scrollTo(first)
        self._update_buttons()

    def _on_selection_changed(self, *args) -> None:
        self._update_buttons()
        self.sig_selection_changed.emit()

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
        self.note.setText(text)
        self.note.setVisible(bool(text))

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
                rows = queue_rows(self.session.project, changes.claims)
            except KnownError:
                return
            self.model.apply(changes.claims, rows)
            known = {self.checker_filter.itemData(i) for i in range(self.checker_filter.count())}
            if any(r.checker not in known for r in rows):
                self._fill_filter_choices(self.model.all_rows(), self.session.project.scale)
            self._update_count()
