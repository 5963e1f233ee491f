"""Sync in the main window: the work off the UI thread, the status bar's word on it, File > Sync now.

A linked project (``sync.client.link``) syncs by itself while it is open. Two threads per
window do the network's waiting, so an offline laptop never freezes the window:

- ``SyncWorker`` opens its own connection to the project file (WAL lets it write while the
  window reads; each write takes the lock first with ``BEGIN IMMEDIATE``) and its own to
  the server, and runs ``client.sync`` when asked, one sync at a time; what it came to
  (a ``Report``) reaches the window through a queued signal, and so does each batch of a
  long push and each page of a long pull (the status bar counts them). Stopped (the
  project closes), it ends a long push after the batch under way, a long pull after the
  page under way (or before what came in is taken in); the next sync goes on from there.
- ``NewsListener`` holds a ``LISTEN`` connection and wakes the window when another copy
  pushed to this project; it waits in short steps so it stops at once.

``SyncController`` (the window's part) asks for a sync after the window's own changes
(debounced), when the listener hears news, every ``RETRY_MS`` while offline, and on File >
Sync now; refreshes the views when a sync brought something in; shows the state in the
status bar; and settles conflicts on the UI thread, through the merge dialog and the undo
history (``history.Merge``), before syncing again to push the merge.
"""

from __future__ import annotations

import dataclasses
import logging
import pathlib
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from factcheck import paths
from factcheck.core import events, history, later
from factcheck.core.errors import KnownError
from factcheck.core.project import Project
from factcheck.sync import client, credentials
from factcheck.ui import language, theme, threads

log = logging.getLogger("factcheck")
#: Loaded when a sync brings conflicts, not at every start.
merge = later.Module("factcheck.core.merge")

#: What a sync came to (``Report.kind``), and the states the status bar shows.
SYNCED, CONFLICT, OFFLINE, PASSWORD, REFUSED, FAILED, UNAVAILABLE, BUG = (
    "synced", "conflict", "offline", "password", "refused", "failed", "unavailable", "bug")
#: A long push under way, batch by batch (a state of the status bar, not a ``Report`` kind).
SENDING = "sending"
#: A long pull under way, page by page, then taken in (a state of the status bar, not a ``Report`` kind).
RECEIVING = "receiving"
#: Characters of a refusal shown in the status bar (the whole sentence is in its tooltip).
STATUS_LIMIT = 80


def server_name(dsn: str) -> str:
    """What the app calls a server: the service's name, or "database@host"."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(dsn)
    except Exception:  # noqa: BLE001 - not a connection string: the link refuses it elsewhere
        return "server"
    if parts.get("service"):
        return str(parts["service"])
    host = str(parts.get("host") or "localhost")
    if host.startswith("/"):  # a Unix socket's folder
        host = "localhost"
    return f"{parts.get('dbname') or parts.get('user') or 'factcheck'}@{host.split(',')[0]}"


def sync_available() -> bool:
    """Whether this installation can talk to PostgreSQL (the ``psycopg`` package).

    Found, not imported: psycopg takes a tenth of a second to import, which a window on a
    project that does not sync should not pay. A sync imports it when it connects.
    """
    import importlib.util

    try:
        return importlib.util.find_spec("psycopg") is not None
    except (ImportError, ValueError):
        return False


class Passwords:
    """Passwords typed in this run of the app, per connection string (without its password); never written.

    Shared by every window, so a server asks once per session; the system keyring, when
    there is one, keeps those the person chose to keep (``credentials``).
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._given: dict[str, str] = {}

    def remember(self, dsn: str, password: str) -> None:
        with self._lock:
            self._given[dsn] = password

    def forget(self, dsn: str) -> None:
        with self._lock:
            self._given.pop(dsn, None)

    def given(self, dsn: str) -> str | None:
        with self._lock:
            return self._given.get(dsn)

    def clear(self) -> None:
        with self._lock:
            self._given.clear()

    def for_connecting(self, dsn: str) -> str | None:
        """The password to try: one given this session, else the keyring's; None lets libpq find its own."""
        return self.given(dsn) or credentials.get(dsn)


PASSWORDS = Passwords()


@dataclasses.dataclass
class Report:
    """What one sync attempt came to, made in the worker and read on the UI thread."""

    kind: str
    outcome: client.Outcome | None = None
    pending: int = 0  # local changes the server lacks, counted after the attempt
    counter: int = 0  # the server's counter this copy has merged up to
    reason: object = None  # the sentence (a core Text or KnownError) of a failure
    who: tuple[str, str | None] | None = None  # (server user, role on this project) once connected
    tried_password: bool = False  # a password was given and the server still asked for one

    @property
    def brought_in(self) -> bool:
        """Whether the file changed in a way the views show (a merge), not only the sync's own bookkeeping."""
        return bool(self.outcome is not None and (self.outcome.changes is not None or self.outcome.pulled))


class Relay(threads.Voice):
    """The threads' voice: signals emitted in a worker thread, delivered queued on the UI thread.

    One per attachment (one open project), made on the UI thread as the controller's child
    and hushed when the project closes, so a thread left to finish after it (stuck
    connecting) speaks to nobody; each signal also carries the attachment's token.
    """

    sig_progress = Signal(object, int)
    """A sync started: (token, the local changes it has to send)."""

    sig_sending = Signal(object, int, int)
    """A push of more than one batch went one batch further: (token, changes sent, changes to send)."""

    sig_receiving = Signal(object, str, int, int)
    """A pull of more than one page went a page further: (token, ``pull.RECEIVING`` or ``pull.TAKING_IN``, done,
    total)."""

    sig_reported = Signal(object, object)
    """A sync ended: (token, its ``Report``)."""

    sig_news = Signal(object, int)
    """(token, the server's counter): another copy pushed to this project; -1: the listener (re)connected."""

    sig_listener_lost = Signal(object)
    """(token): the listening connection dropped (the server went away)."""


_STOP = object()


class SyncWorker(threading.Thread):
    """One linked project's syncs, one at a time, on a connection of its own to the file and to the server."""

    def __init__(self, path: pathlib.Path, user: Callable[[], str], dsn: str, relay: Relay, token: object,
                 passwords: Passwords = PASSWORDS):
        """``user``: who is working now (Edit > Your name… may change it): a merge's event is written in that name."""
        super().__init__(name=f"factcheck-sync {path.name}", daemon=True)
        self.path, self.user, self.dsn = path, user, dsn
        self.server_name = server_name(dsn)
        self.relay, self.token, self.passwords = relay, token, passwords
        self._requests: queue.Queue = queue.Queue()
        self._project: Project | None = None
        self._conn = None
        self._who: tuple[str, str | None] | None = None
        self._tried_password = False
        self._stopping = threading.Event()

    def request(self) -> None:
        """Sync once more (the UI asks only while no sync runs)."""
        self._requests.put(True)

    def stop(self) -> None:
        """Finish the sync under way (a long push: its current batch), then close both connections and end."""
        self._stopping.set()
        self._requests.put(_STOP)

    def run(self) -> None:
        try:
            while self._requests.get() is not _STOP:
                self.relay.say("sig_reported", self.token, self._sync())
        finally:
            self._drop_connection()
            if self._project is not None:
                self._project.close()
                self._project = None

    # --- one sync -------------------------------------------------------------------------

    def _sync(self) -> Report:
        pending = 0
        try:
            if self._project is None:
                self._project = Project.open(self.path, user=self.user())
            project = self._project
            project.user = self.user()
            pending = client.pending(project)
            self.relay.say("sig_progress", self.token, pending)
            outcome = self._sync_on_a_live_connection(project)
            state = client.state(project)
            return Report(CONFLICT if outcome.conflicts is not None else SYNCED, outcome=outcome,
                          pending=client.pending(project), counter=int(state.get("cursor") or 0), who=self._who)
        except client.Offline as exc:
            self._drop_connection()
            kind = PASSWORD if credentials.needs_password(exc) else OFFLINE
            return Report(kind, pending=pending, reason=exc, who=self._who, tried_password=self._tried_password)
        except client.Refused as exc:
            return Report(REFUSED, pending=self._pending(pending), reason=exc, who=self._who)
        except KnownError as exc:  # another sync error, or the project file's (locked, damaged)
            return Report(FAILED, pending=self._pending(pending), reason=exc, who=self._who)
        except ImportError:  # no psycopg in this installation
            return Report(UNAVAILABLE, pending=pending)
        except Exception as exc:  # noqa: BLE001 - ours: logged, and the window says so
            self._drop_connection()
            return Report(BUG, pending=pending, reason=paths.log_bug(exc))

    def _sync_on_a_live_connection(self, project: Project) -> client.Outcome:
        """``client.sync``; a connection kept from before that died meanwhile (a server restart) is made again once."""
        kept = self._conn is not None
        try:
            return client.sync(self._connect(project), project, server_name=self.server_name,
                               progress=self._sending, pulling=self._receiving)
        except client.Offline:
            self._drop_connection()
            if not kept:
                raise
        return client.sync(self._connect(project), project, server_name=self.server_name, progress=self._sending,
                           pulling=self._receiving)

    def _sending(self, sent: int, total: int) -> bool:
        """A batch of a push went up: say so when there are several; False (stop there) once the project closes."""
        if total > client.BATCH:
            self.relay.say("sig_sending", self.token, sent, total)
        return not self._stopping.is_set()

    def _receiving(self, stage: str, done: int, total: int) -> bool:
        """A page of a long pull came in, or part of it was taken in: say so; False (stop there) once the project
        closes (what came in waits beside the project for the next sync)."""
        self.relay.say("sig_receiving", self.token, stage, done, total)
        return not self._stopping.is_set()

    def _connect(self, project: Project):
        if self._conn is not None and not self._conn.closed and not getattr(self._conn, "broken", False):
            return self._conn
        self._drop_connection()
        password = self.passwords.for_connecting(self.dsn)
        self._tried_password = password is not None
        conn = client.connect(self.dsn, password)
        try:
            found = client.whoami(conn, events.project_id(project.store))
        except client.SyncError:
            conn.close()
            raise
        self._who = (str(found[0]), found[1]) if found else None
        self._conn = conn
        return conn

    def _pending(self, fallback: int) -> int:
        try:
            return client.pending(self._project) if self._project is not None else fallback
        except KnownError:
            return fallback

    def _drop_connection(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - a dead connection closes as it can
                pass


class NewsListener(threading.Thread):
    """Listens on the server for other copies' pushes to one project; reconnects every ``retry_s`` while offline."""

    #: Seconds one wait for news lasts: how long ``stop`` may take to be noticed.
    WAIT_S = 0.25

    def __init__(self, dsn: str, project_id: str, relay: Relay, token: object, retry_s: float,
                 passwords: Passwords = PASSWORDS):
        super().__init__(name=f"factcheck-listen {project_id[:8]}", daemon=True)
        self.dsn, self.project_id, self.relay, self.token, self.retry_s = dsn, project_id, relay, token, retry_s
        self.passwords = passwords
        self._stopping = threading.Event()

    def stop(self) -> None:
        self._stopping.set()

    def run(self) -> None:
        conn = None
        try:
            while not self._stopping.is_set():
                if conn is None:
                    try:
                        conn = client.listen(self.dsn, self.passwords.for_connecting(self.dsn))
                    except (KnownError, ImportError):
                        self._stopping.wait(self.retry_s)
                        continue
                    self.relay.say("sig_news", self.token, -1)  # listening (again): what was pushed meanwhile is worth a sync
                try:
                    news = client.wait_for_news(conn, self.WAIT_S)
                except Exception as exc:  # noqa: BLE001 - psycopg.Error: the server went away
                    log.info("sync: stopped listening: %s", exc)
                    conn = self._close(conn)
                    if not self._stopping.is_set():
                        self.relay.say("sig_listener_lost", self.token)
                    continue
                for project_id, counter in news:
                    if project_id == self.project_id:
                        self.relay.say("sig_news", self.token, counter)
        finally:
            self._close(conn)

    @staticmethod
    def _close(conn) -> None:
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001
                pass
        return None


class SyncStatusLabel(QLabel):
    """The status bar's word on sync, in the colour of its state; a click syncs now (or settles a conflict)."""

    sig_clicked = Signal()
    """The label was clicked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setContentsMargins(6, 0, 6, 0)  # apart from "Saved" and "Working as"

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit()
            event.accept()
            return
        super().mousePressEvent(event)


class SyncController(QObject):
    """The main window's part in sync: its actions, its status, its threads (see the module's docstring)."""

    sig_state_changed = Signal(str)
    """The sync state shown in the status bar changed (a ``Report`` kind, or "syncing", "pending", "sending",
    "receiving")."""

    #: After the window's own change, wait this long for the next before syncing (ms).
    DEBOUNCE_MS = 750
    #: While offline (or after a failure), try again this often (ms); the listener too.
    RETRY_MS = 20_000
    #: A sync taking longer than this says "Syncing…" (ms); a quick one goes straight to its outcome.
    SLOW_MS = 400
    #: How long closing the project waits for a sync under way before leaving it to finish alone (s).
    STOP_WAIT_S = 1.5

    def __init__(self, window, passwords: Passwords = PASSWORDS):
        super().__init__(window)
        self.window = window
        self.passwords = passwords
        self.settings_action = QAction(self.tr("S&ync settings…"), window)
        tip = self.tr("Link this project to the desk's PostgreSQL server, so it syncs with the other copies")
        self.settings_action.setStatusTip(tip)
        self.settings_action.setToolTip(tip)
        self.settings_action.triggered.connect(self._on_settings_triggered)
        self.sync_now_action = QAction(self.tr("Sync no&w"), window)
        self.sync_now_action.setShortcut("Ctrl+Shift+Y")
        tip = self.tr("Send this copy's changes to the sync server and take in the other copies' (a conflict: "
                      "choose what to keep)")
        self.sync_now_action.setStatusTip(tip)
        self.sync_now_action.setToolTip(tip)
        self.sync_now_action.triggered.connect(self.sync_now)
        self.status = SyncStatusLabel()
        self.status.setObjectName("sync-status")
        self.status.sig_clicked.connect(self._on_status_clicked)
        self.status.hide()
        self._debounce = self._timer(self.DEBOUNCE_MS, self.request_sync)
        self._retry = self._timer(self.RETRY_MS, self.request_sync)
        self._slow = self._timer(self.SLOW_MS, self._on_slow_timeout)
        self._reset()

    def _new_relay(self) -> Relay:
        """The voice of one attachment's threads (``detach`` hushes it)."""
        relay = Relay(self)
        relay.sig_progress.connect(self._on_worker_progress, Qt.ConnectionType.QueuedConnection)
        relay.sig_sending.connect(self._on_worker_sending, Qt.ConnectionType.QueuedConnection)
        relay.sig_receiving.connect(self._on_worker_receiving, Qt.ConnectionType.QueuedConnection)
        relay.sig_reported.connect(self._on_worker_reported, Qt.ConnectionType.QueuedConnection)
        relay.sig_news.connect(self._on_listener_news, Qt.ConnectionType.QueuedConnection)
        relay.sig_listener_lost.connect(self._on_listener_lost, Qt.ConnectionType.QueuedConnection)
        return relay

    def _timer(self, interval: int, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def _reset(self) -> None:
        """Nothing linked, nothing running: the state before a project is attached."""
        self.dsn: str | None = None
        self.worker: SyncWorker | None = None
        self.listener: NewsListener | None = None
        self.relay: Relay | None = None  # the threads' voice
        self._token: object = None  # this attachment's: the threads' signals carry it
        self._session = None
        self.running = False  # a sync is under way in the worker
        self._again = False  # another was asked for meanwhile
        self._ask = False  # the person asked (Sync now, a click): a conflict opens the dialog at once
        self._asking = False  # the merge dialog or the password question is open
        self.state = ""
        self.report: Report | None = None  # the last sync's
        self.pending = 0  # local changes the server lacks, as last counted plus the window's since
        self.sending = (0, 0)  # a long push under way: (changes sent, changes to send)
        self.receiving = ("", 0, 0)  # a long pull under way: (its stage, done, total)
        self.counter = 0  # the server's counter this copy merged, as last reported
        self.plan: merge.MergePlan | None = None  # the conflicts waiting for a choice
        #: choices made for a plan that was stale when applied: conflict key -> (ours, theirs, choice)
        self._remembered: dict = {}
        self._password_asked = False  # asked once since the project opened: later, the status bar says so
        self._seen_head: str | None = None  # the newest event the window's views have shown
        self.synced_at: QTime | None = None

    # --- the window's project ----------------------------------------------------------------

    @property
    def project(self):
        return self.window.project

    def attach(self) -> None:
        """The window shows a project: if it is linked (and writable), start syncing it."""
        self.detach()
        project = self.project
        if project is None or project.read_only:
            self.update_action()
            return
        try:
            dsn = client.linked_dsn(project)
        except KnownError:  # a file without the sync table cannot be linked: nothing to do
            dsn = None
        if dsn:
            self._start(dsn)
        self.update_action()

    def _start(self, dsn: str) -> None:
        project, session = self.project, self.window.session
        self.dsn = dsn
        self._session = session
        self._seen_head = events.head(project.store)
        session.sig_changed.connect(self._on_session_changed)
        token = self._token = object()
        if not sync_available():
            self._show(UNAVAILABLE)
            return
        relay = self.relay = self._new_relay()
        self.worker = SyncWorker(project.path, lambda: project.user, dsn, relay, token, self.passwords)
        self.worker.start()
        self.listener = NewsListener(dsn, events.project_id(project.store), relay, token,
                                     self.RETRY_MS / 1000, self.passwords)
        self.listener.start()
        self._show("syncing")  # until the first sync says how it stands
        self.request_sync()

    def detach(self) -> None:
        """Before the project closes: stop the threads (a sync under way finishes first, briefly) and forget it all."""
        for timer in (self._debounce, self._retry, self._slow):
            timer.stop()
        if self._session is not None:
            try:
                self._session.sig_changed.disconnect(self._on_session_changed)
            except (RuntimeError, TypeError):
                pass
        if self.relay is not None:  # a thread left to finish below says nothing more
            self.relay.hush()
            self.relay.deleteLater()
        for thread in (self.listener, self.worker):
            if thread is not None:
                thread.stop()
        for thread in (self.listener, self.worker):
            if thread is not None:
                thread.join(self.STOP_WAIT_S)
                if thread.is_alive():  # stuck connecting to an unreachable server: it ends alone, on its own files
                    log.info("sync: %s still busy at close; left to finish", thread.name)
        self._reset()
        self.status.hide()
        self.update_action()

    def threads(self) -> list[threading.Thread]:
        return [t for t in (self.worker, self.listener) if t is not None]

    # --- linking (the settings dialog calls these) ------------------------------------------------

    def link(self, dsn: str, password: str | None = None, keep: bool = False) -> str:
        """Link the open project to ``dsn`` (refused: ``KnownError``) and start syncing; what was stored."""
        project = self.project
        kept = client.without_password(dsn)
        password = password or self._password_in(dsn)
        if password:
            self.remember_password(kept, password, keep)
        self.detach()  # no sync writes the old link's cursor after the new one is stored
        if kept != client.linked_dsn(project):
            kept = client.link(project, dsn)
        self._start(kept)
        self.update_action()
        return kept

    def unlink(self) -> None:
        self.detach()
        if self.project is not None:
            client.unlink(self.project)
        self.update_action()

    def remember_password(self, dsn: str, password: str, keep: bool) -> bool:
        """Use ``password`` for ``dsn`` this session, and keep it in the keyring if asked; whether it was kept."""
        self.passwords.remember(dsn, password)
        return credentials.keep(dsn, password) if keep else False

    @staticmethod
    def _password_in(dsn: str) -> str | None:
        from psycopg.conninfo import conninfo_to_dict

        try:
            return conninfo_to_dict(dsn).get("password") or None
        except Exception:  # noqa: BLE001 - client.without_password says what is wrong with it
            return None

    # --- asking for a sync ---------------------------------------------------------------------

    def update_action(self) -> None:
        project = self.project
        writable = project is not None and not project.read_only
        self.settings_action.setEnabled(writable and sync_available())
        self.sync_now_action.setEnabled(writable and self.worker is not None)

    def sync_now(self) -> None:
        """File > Sync now: sync at once; a conflict found opens the merge dialog; a password is asked."""
        if self.worker is None:
            if self.project is not None and not self.project.read_only:
                self._on_settings_triggered()
            return
        if self.state == PASSWORD:
            self._ask_password()
            return
        if self.window.panel is not None:
            self.window.panel.inspector.commit_pending()  # what is being typed goes too
        self._ask = True
        self.request_sync()

    def request_sync(self) -> None:
        """Sync when the worker is free (at once if it is); asks made meanwhile are one more sync."""
        if self.worker is None:
            return
        self._debounce.stop()
        if self.running or self._asking:
            self._again = True
            return
        self._retry.stop()
        self.running = True
        self._slow.start()
        self.worker.request()

    def _on_session_changed(self, changes) -> None:
        """The window committed a change: count it, and sync once the person pauses."""
        self._seen_head = self._head()
        if changes.event_seq is None:
            return  # nothing written, or another connection's (this worker's own): nothing of ours to send
        self.pending += 1
        if self.state in (SYNCED, "pending", "syncing"):
            self._show("pending")
        else:
            self._show(self.state)  # offline, conflict...: the count in its words grows
        self._debounce.start()

    def _head(self) -> str | None:
        try:
            return events.head(self.project.store) if self.project is not None else None
        except KnownError:
            return None

    def _on_listener_news(self, token: object, counter: int) -> None:
        if token is not self._token:
            return
        if counter < 0 or counter > self.counter:  # not our own push coming back
            self.request_sync()

    def _on_listener_lost(self, token: object) -> None:
        if token is self._token:
            self.request_sync()  # says Offline at once, rather than Synced until the next change

    def _on_worker_progress(self, token: object, pending: int) -> None:
        if token is self._token:
            self.pending = pending

    def _on_worker_sending(self, token: object, sent: int, total: int) -> None:
        if token is self._token and self.running:
            self.sending = (sent, total)
            self._show(SENDING)

    def _on_worker_receiving(self, token: object, stage: str, done: int, total: int) -> None:
        if token is self._token and self.running:
            self.receiving = (stage, done, total)
            self._show(RECEIVING)

    def _on_slow_timeout(self) -> None:
        if self.running and self.state not in (CONFLICT, REFUSED, PASSWORD, SENDING, RECEIVING):
            self._show("syncing")

    # --- what a sync came to -------------------------------------------------------------------

    def _on_worker_reported(self, token: object, report: Report) -> None:
        if token is not self._token:
            return  # from a project closed since
        self.running = False
        self._slow.stop()
        self.report = report
        ask, self._ask = self._ask, False
        session = self.window.session
        if session is not None:
            if report.brought_in or self._head() != self._seen_head:
                session.check_external_changes()  # the views now, not at the next poll
            else:  # only the sync's own bookkeeping (its cursor) was written: no view shows it
                session.take_as_seen()
        self.pending = report.pending
        if report.kind in (SYNCED, CONFLICT):
            self.counter = report.counter
        if report.kind == SYNCED:
            self.plan = None
            self._remembered = {}
            self.synced_at = QTime.currentTime()
            if report.outcome is not None and report.outcome.lapsed:
                self._say_lapsed(report.outcome.lapsed)
        elif report.kind == CONFLICT:
            self.plan = report.outcome.conflicts
        if report.kind in (OFFLINE, FAILED):
            self._retry.start(self.RETRY_MS)
        if report.kind == PASSWORD and report.tried_password:
            self.passwords.forget(self.dsn)  # the server refused it: ask again
        self._show(report.kind)
        if report.kind == CONFLICT and (ask or self._covered(self.plan)):
            QTimer.singleShot(0, self.settle_conflicts)
        elif report.kind == PASSWORD and (ask or not self._password_asked):
            QTimer.singleShot(0, self._ask_password)  # once when the project opens, then when asked
        elif self._again:
            self._again = False
            self.request_sync()

    def _say_lapsed(self, lapsed: list[dict]) -> None:
        n = len(lapsed)
        text = (self.tr("Sync: 1 signed-off verdict went back to review (changed in another copy).") if n == 1 else
                self.tr("Sync: {n} signed-off verdicts went back to review (changed in another copy).").format(
                    n=QLocale().toString(n)))
        self.window.statusBar().showMessage(text, 30_000)

    # --- conflicts -------------------------------------------------------------------------

    def _covered(self, plan: merge.MergePlan | None) -> bool:
        """Whether choices made for a plan that went stale settle every conflict of this one, as they were."""
        if plan is None or not self._remembered:
            return False
        return all(self._remembered.get(c.key, (None, None, None))[:2] == (c.ours, c.theirs) for c in plan.conflicts)

    def settle_conflicts(self) -> None:
        """Show the conflicts (the choices applied as one undo step), then sync again to send the merge."""
        plan, window = self.plan, self.window
        if plan is None or window.session is None or self._asking:
            return
        stale = []

        def apply(chosen: dict):
            project = window.project
            if events.head(project.store) != plan.ours_head:
                stale.append(chosen)  # changed since it was planned: plan again, these choices kept
                return None
            try:
                return window.session.do(history.Merge(plan, chosen))
            except merge.MergeRefused:
                if events.head(project.store) != plan.ours_head:
                    stale.append(chosen)
                    return None
                raise

        if self._covered(plan):
            chosen = {c.key: self._remembered[c.key][2] for c in plan.conflicts}
            try:
                apply(chosen)
            except KnownError as exc:
                window.show_error(exc)
                chosen = None
        else:
            from factcheck.ui.dialogs.merge_dialog import MergeDialog

            if window.panel is not None:
                window.panel.inspector.commit_pending()
            self._asking = True
            try:
                chosen = MergeDialog.ask(plan, window, project=window.project, apply=apply)
            finally:
                self._asking = False
        if self.worker is None:  # the project closed meanwhile
            return
        if chosen is None:  # cancelled: the conflict waits (and nothing more is sent) until chosen
            self._again = False
            self._show(CONFLICT)
            return
        if stale:
            self._remembered = {c.key: (c.ours, c.theirs, stale[0][c.key]) for c in plan.conflicts
                                if c.key in stale[0]}
            self._ask = True
        else:
            self._remembered = {}
            self.plan = None
            self.pending += 1  # the merge, to send
            n = len(plan.incoming)
            window.statusBar().showMessage(
                self.tr("Merged 1 change from the sync server.") if n == 1 else
                self.tr("Merged {n} changes from the sync server.").format(n=QLocale().toString(n)), 10_000)
            if plan.lapsed:
                window.show_report(self.tr("Approvals lapsed"), window.lapsed_lines(plan.lapsed))
        self._again = False
        self.request_sync()

    # --- the password -------------------------------------------------------------------------

    def _ask_password(self) -> None:
        from factcheck.ui.dialogs.sync_settings import PasswordDialog

        if self.dsn is None or self._asking:
            return
        refused = bool(self.report and self.report.tried_password)
        self._password_asked = True
        self._asking = True
        try:
            answer = PasswordDialog.ask(self.dsn, self.window, refused=refused)
        finally:
            self._asking = False
        if self.worker is None:
            return
        if answer is None:
            self._again = False
            return
        password, keep = answer
        self.remember_password(self.dsn, password, keep)
        self._again = False
        self._ask = True
        self.request_sync()

    # --- the status bar --------------------------------------------------------------------

    def _on_status_clicked(self) -> None:
        if self.state == CONFLICT:
            self.sync_now()  # a fresh plan (this copy may have changed since), then the dialog
        elif self.state == PASSWORD:
            self._ask_password()
        else:
            self.sync_now()

    def _show(self, state: str) -> None:
        """Put ``state`` in the status bar, in words, with what it means in the tooltip."""
        self.state = state
        text, tip, role = self.describe(state)
        self.status.setText(text)
        self.status.setToolTip(tip)
        self.status.setAccessibleName(self.tr("Sync: {state}").format(state=text))
        theme.set_text_role(self.status, role)
        font = self.status.font()
        if font.bold() != (role == "error_text"):  # a conflict or a refusal: seen at a glance
            font.setBold(role == "error_text")
            self.status.setFont(font)
        self.status.setVisible(bool(text))
        self.sig_state_changed.emit(state)

    def _changes(self, n: int) -> str:
        return self.tr("1 change") if n == 1 else self.tr("{n} changes").format(n=QLocale().toString(n))

    @staticmethod
    def _server_words(error) -> str:
        """The server's own reason inside a refusal ("ben is a checker on this project: ..."), '' if none."""
        text = error.args[0] if isinstance(error, BaseException) and len(error.args) == 1 else error
        values = getattr(text, "values", None)
        reason = values.get("reason") if isinstance(values, dict) else None
        return language.ui(reason).rstrip(".") + "." if reason else ""

    def describe(self, state: str) -> tuple[str, str, str]:
        """(the status bar's words, the tooltip, the colour role) for a state."""
        report, n = self.report, max(self.pending, 0)
        reason = language.ui(report.reason) if report is not None and report.reason is not None else ""
        server = server_name(self.dsn) if self.dsn else ""
        who = ""
        if report is not None and report.who:
            user, role = report.who
            who = (self.tr("as {user} (editor)") if role == "editor" else
                   self.tr("as {user} (checker)") if role == "checker" else
                   self.tr("as {user} (not a member of this project)")).format(user=user)
        if state == SYNCED:
            at = QLocale().toString(self.synced_at, "HH:mm:ss") if self.synced_at else ""
            tip = self.tr("Synced with {server} {who} at {time}. Changes go up and come in by themselves while "
                          "you are online.").format(server=server, who=who, time=at)
            return self.tr("Synced"), " ".join(tip.split()), ""
        if state == "syncing":
            return self.tr("Syncing…"), self.tr("Talking to {server}…").format(server=server), ""
        if state == SENDING:
            sent, total = self.sending
            text = self.tr("Sending changes: {sent} of {total}").format(
                sent=QLocale().toString(sent), total=QLocale().toString(total))
            tip = self.tr("This copy's changes go up to {server} in batches, and the other copies see them once "
                          "the last is in. If the sync stops, the next one goes on from where it stopped.").format(
                server=server)
            return text, " ".join(tip.split()), ""
        if state == RECEIVING:
            stage, done, total = self.receiving
            numbers = {"done": QLocale().toString(done), "total": QLocale().toString(total)}
            if stage == client.pull.TAKING_IN:
                text = self.tr("Taking in changes: {done} of {total}").format(**numbers)
            else:
                text = self.tr("Receiving changes: {done} of {total}").format(**numbers)
            tip = self.tr("The other copies' changes come from {server} in pages and are taken in at the end, all "
                          "at once. If the sync stops, the next one goes on from where it stopped.").format(
                server=server)
            return text, " ".join(tip.split()), ""
        if state == "pending":
            text = (self.tr("1 change to send") if n == 1 else
                    self.tr("{n} changes to send").format(n=QLocale().toString(n)))
            return text, self.tr("They go to {server} in a moment.").format(server=server), ""
        if state == OFFLINE:
            text = (self.tr("Offline") if n == 0 else
                    self.tr("Offline: 1 change waiting") if n == 1 else
                    self.tr("Offline: {n} changes waiting").format(n=QLocale().toString(n)))
            tip = self.tr("{reason}\nWork on as usual: your changes are kept here and sent when {server} can be "
                          "reached again (tried every {seconds} s, or File > Sync now).").format(
                reason=reason, server=server, seconds=QLocale().toString(max(1, round(self.RETRY_MS / 1000))))
            return text, tip, "warning_text"
        if state == CONFLICT:
            count = len(self.plan.conflicts) if self.plan is not None else 0
            tip = (self.tr("1 change was made differently here and in another copy: click here, or File > Sync "
                           "now, to choose what to keep. Until then nothing more is sent.") if count == 1 else
                   self.tr("{n} changes were made differently here and in another copy: click here, or File > "
                           "Sync now, to choose what to keep. Until then nothing more is sent.").format(
                       n=QLocale().toString(count)))
            return self.tr("Conflict: choose…"), tip, "error_text"
        if state == REFUSED and isinstance(report.reason, client.HeldBack):
            # What was before the refused change went up; the sentence says how the rest can.
            waiting = report.reason.waiting
            text = (self.tr("Held back: 1 change waits for an editor") if waiting == 1 else
                    self.tr("Held back: {n} changes wait for an editor").format(n=QLocale().toString(waiting)))
            return text, reason, "warning_text"
        if state == REFUSED:
            text = self.tr("Refused: {reason}").format(reason=self._server_words(report.reason) or reason)
            shown = text if len(text) <= STATUS_LIMIT else text[:STATUS_LIMIT - 1].rstrip() + "…"
            tip = self.tr("{reason}\nThe other copies' changes still come in; this copy's wait here "
                          "({changes}).").format(reason=reason, changes=self._changes(n))
            return shown, tip, "error_text"
        if state == PASSWORD:
            return (self.tr("Sync: password needed"),
                    self.tr("{server} asks for a password: click here, or File > Sync now, to type it.").format(
                        server=server), "warning_text")
        if state == FAILED:
            text = self.tr("Not synced: {reason}").format(reason=reason)
            shown = text if len(text) <= STATUS_LIMIT else text[:STATUS_LIMIT - 1].rstrip() + "…"
            return shown, self.tr("{reason}\nTried again every {seconds} s.").format(
                reason=reason, seconds=QLocale().toString(max(1, round(self.RETRY_MS / 1000)))), "warning_text"
        if state == UNAVAILABLE:
            return (self.tr("Not synced"),
                    self.tr("This installation of factcheck cannot sync: the psycopg package is missing."),
                    "warning_text")
        if state == BUG:
            return self.tr("Not synced: factcheck failed"), reason, "error_text"
        return "", "", ""

    # --- File > Sync settings -----------------------------------------------------------------

    def _on_settings_triggered(self) -> None:
        from factcheck.ui.dialogs.sync_settings import SyncSettingsDialog

        if self.project is None or self.project.read_only:
            return
        SyncSettingsDialog.ask(self.window)


def wait_for_threads(threads: list[threading.Thread], timeout: float) -> bool:
    """Join ``threads`` within ``timeout`` seconds in all; whether every one ended (for tests and the walk)."""
    import time

    end = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, end - time.monotonic()))
    return not any(t.is_alive() for t in threads)

