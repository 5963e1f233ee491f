"""Similar claims while you work: the closest earlier verdicts from the library, in the claim inspector.

``LibraryService`` owns the verdict library for the whole app on one worker thread (a
``threading.Thread`` with its own library connection, which speaks only through a
``threads.Voice`` and is stopped when the app quits): it adds a project when a window
opens it, re-indexes the claims a change touched (read on the UI thread from the
session's ``Changes``, written on the worker), and answers match requests. Requests are
numbered and name who asks; the worker answers only each asker's newest waiting one (and
does everything else in the order asked), and the widget drops any answer older than its
last request and hides another claim's while it waits, so typing never waits and never
sees stale suggestions.

``SimilarClaims`` sits in the inspector under the claim's fields. When a claim is shown
(a new one: its quote) or its statement is edited, it asks for matches 60 ms after the
last key press. Each suggestion says the rating, summary, where its review stands (a
project's claim: its status, and the day it was approved or published) or who published
it and when (a ClaimReview), who checked it and where, with two links: Open (the claim in
this project, the other project read-only in a new window, or the published fact-check)
and Use this verdict (``core/reuse.py``), offered only for a verdict an editor signed off
or a published fact-check; for any other the row says why not.
"""

from __future__ import annotations

import atexit
import collections
import html
import pathlib
import queue
import threading
import urllib.parse

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from factcheck.core import library, model, reuse
from factcheck.core.errors import KnownError
from factcheck.demo import is_demo
from factcheck.ui import alerts, language, links, theme, threads
from factcheck.ui.session import Session

#: Suggestions shown.
TOP = 3
#: Suggestions asked for beyond ``TOP``, for the claims of the same article on the same words left out.
SPARE = 2
#: Quiet time after the last key press before asking (ms).
DEBOUNCE_MS = 60
#: Changes that alter what the library holds for a claim.
_INDEXED = model.What.CLAIM_FIELDS | model.What.ANCHORS | model.What.STATUS | model.What.ARTICLES


#: How long quitting the app waits for the library's job under way before leaving it to end alone (s).
STOP_WAIT_S = 2.0
#: The request that ends the worker.
_STOP = ("stop", 0, "", "", None)


class _WorkerVoice(threads.Voice):
    """What the library's thread says; the service passes it on (the thread holds this, never the service)."""

    sig_matched = Signal(int, object)
    """``LibraryService.sig_matched``, said on the worker."""

    sig_notice = Signal(object)
    """``LibraryService.sig_notice``, said on the worker."""

    sig_indexed = Signal(str)
    """``LibraryService.sig_indexed``, said on the worker."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        #: Why the library cannot be used now (too new, damaged beyond rebuilding), or None: set by the thread.
        self.failure: object = None


class LibraryService(QObject):
    """The library on a worker thread: projects added and kept current, matches answered."""

    sig_matched = Signal(int, object)
    """A match request was answered: (its number, a list of ``library.Match``)."""

    sig_notice = Signal(object)
    """Something about the library the user should know (rebuilt, busy, too new): a sentence."""

    sig_indexed = Signal(str)
    """A project's claims reached the library (its path)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._queue: queue.Queue = queue.Queue()
        self._token = 0
        self._voice = _WorkerVoice(self)
        for name in ("sig_matched", "sig_notice", "sig_indexed"):
            getattr(self._voice, name).connect(getattr(self, name), Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=_serve, args=(self._queue, self._voice), name="verdict-library",
                                        daemon=True)
        self._thread.start()
        requests, voice = self._queue, self._voice  # not self: gone by then
        self.destroyed.connect(lambda *_: (voice.hush(), requests.put(_STOP)))  # deleted unstopped: the worker ends

    @property
    def failure(self) -> object:
        """Why the library cannot be used now (too new, damaged beyond rebuilding), or None."""
        return self._voice.failure

    # --- the UI thread's side -----------------------------------------------------------

    def request(self, text: str, exclude: tuple[str, str] | None = None, *, asker: object = None) -> int:
        """Ask for the matches of ``text``; the answer comes through ``sig_matched`` with the number returned.

        ``asker`` (any key: one per widget) names who asks: only the newest waiting question
        of each asker is answered, so one window typing never leaves another's unanswered.
        """
        self._token += 1
        self._queue.put(("match", self._token, str(library.default_path()), text, (exclude, asker)))
        return self._token

    def add_project(self, path: str | pathlib.Path) -> None:
        self._queue.put(("add", 0, str(library.default_path()), str(path), None))

    def follow(self, session: Session) -> None:
        """Index the session's project and keep it current after each change.

        Opening costs the window nothing: the worker reads the project (nothing when its head
        has not moved), and the articles' titles and URLs that a change's rows take are read
        after the first paint, in one light read that counts no claim.
        """
        self.add_project(session.project.path)
        articles: dict[str, model.Article] = {}
        QTimer.singleShot(0, self, lambda: self._read_articles(session, articles))
        session.sig_changed.connect(lambda changes: self._on_session_changed(session, changes, articles))

    @staticmethod
    def _read_articles(session: Session, articles: dict) -> None:
        if articles or session.project.closed:
            return
        try:
            articles.update(library.project_articles(session.project))
        except KnownError:
            return  # read again when a change needs them

    def _on_session_changed(self, session: Session, changes: model.Changes, articles: dict) -> None:
        """Send the changed claims (read once for every view by the session) to the worker."""
        if not changes.what & _INDEXED or session.project.closed:
            return
        project = session.project
        if changes.what & model.What.ARTICLES or len(changes.claims) > 500:
            articles.clear()  # titles may have changed: read again when next needed
            self.add_project(project.path)  # whole articles came and went, or another window wrote
            return
        self._read_articles(session, articles)
        try:
            claims = session.changed_claims(changes.claims)
        except KnownError:
            return
        rows = library.project_rows(project, [c for c in claims.values() if c is not None], articles)
        kept = {row["key"] for row in rows}
        gone = [claim_id for claim_id in claims if claim_id not in kept]
        self._queue.put(("put", 0, str(library.default_path()), str(project.path), (None, None, rows, gone)))

    def wait(self, timeout: float = 10.0) -> None:
        """Block until the worker has done everything asked so far (tests)."""
        if not self._thread.is_alive():
            return
        done = threading.Event()
        self._queue.put(("sync", 0, "", "", done))
        done.wait(timeout)

    def stop(self, timeout: float = STOP_WAIT_S) -> bool:
        """Silence the worker at once, and let it end after the job under way (waited for up to ``timeout`` s).

        Whether it ended. The app quitting stops the service before Qt goes: a worker still
        indexing then says nothing more, whatever becomes of the objects it spoke through.
        """
        self._voice.hush()
        self._queue.put(_STOP)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()


def _serve(requests: queue.Queue, voice: _WorkerVoice) -> None:
    """The worker thread: the service's requests in the order asked, each asker's newest question only."""
    lib: library.Library | None = None
    where = ""
    waiting: collections.deque = collections.deque()  # taken off the queue, in the order asked
    try:
        while True:
            if not waiting:
                waiting.append(requests.get())
            while True:
                try:
                    waiting.append(requests.get_nowait())
                except queue.Empty:
                    break
            item = waiting.popleft()
            if item[0] == "match" and any(w[0] == "match" and w[4][1] == item[4][1] for w in waiting):
                continue  # its asker asked again since: only the newest question is worth answering
            kind, token, path, arg, extra = item
            if kind == "stop":
                return
            if kind == "sync":
                extra.set()
                continue
            if path != where:  # another data folder (tests), or the first request
                if lib is not None:
                    lib.close()
                lib, where = _open_library(path, voice), path
            _serve_one(lib, kind, token, arg, extra, voice)
    finally:
        if lib is not None:
            lib.close()


def _open_library(path: str, voice: _WorkerVoice) -> library.Library | None:
    voice.failure = None
    try:
        lib = library.Library.open(path)
    except KnownError as exc:
        voice.failure = exc.args[0] if exc.args else str(exc)
    except Exception as exc:  # noqa: BLE001 - a bug here must not take the app's thread down
        from factcheck import paths

        voice.failure = paths.log_bug(exc)
    else:
        for notice in lib.notices:
            voice.say("sig_notice", notice)
        return lib
    voice.say("sig_notice", voice.failure)
    return None


def _serve_one(lib: library.Library | None, kind: str, token: int, arg: str, extra, voice: _WorkerVoice) -> None:
    """One request: a question is always answered (no match when the library cannot be used)."""
    try:
        if kind == "match":
            voice.say("sig_matched", token, [] if lib is None else lib.match(arg, top=TOP + SPARE, exclude=extra[0]))
        elif lib is None:
            return
        elif kind == "add":
            lib.add_project(arg)
            voice.say("sig_indexed", arg)
        elif kind == "put":
            project_id, head, rows, gone = extra
            lib.put_claims(arg, project_id, head, rows, gone)
            voice.say("sig_indexed", arg)
    except library.LibraryError as exc:
        voice.say("sig_notice", exc.args[0] if exc.args else str(exc))
        if kind == "match":
            voice.say("sig_matched", token, [])
    except KnownError:
        if kind == "match":  # a project that cannot be read now is simply not indexed
            voice.say("sig_matched", token, [])
    except Exception as exc:  # noqa: BLE001 - logged as ours; the app goes on without suggestions
        from factcheck import paths

        paths.log_bug(exc)
        if kind == "match":
            voice.say("sig_matched", token, [])


_service: LibraryService | None = None


def service() -> LibraryService:
    """The app's one library service (made on first use, a child of the application; stopped when it quits)."""
    global _service
    if _service is None:
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        _service = LibraryService(app)
        app.aboutToQuit.connect(_stop_service)
        atexit.register(_stop_service)  # an app never quit (tests): still before Qt's own cleanup
    return _service


def _stop_service() -> None:
    if _service is not None:
        _service.stop()


def follow(session: Session) -> None:
    """Add a window's project to the library and keep it current."""
    service().follow(session)


class SimilarClaims(QWidget):
    """The closest earlier verdicts for the claim in the inspector, with Open and Use this verdict."""

    sig_claim_opened = Signal(str)
    """The user opened an earlier claim of this same project (its id)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.claim: model.Claim | None = None
        self.matches: list[library.Match] = []
        self._text = ""
        self._asked = 0
        #: The number of the last request whose answer is shown.
        self.answered = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._ask)
        self.title = QLabel(self.tr("Checked before?"))
        bold = self.title.font()
        bold.setWeight(bold.Weight.DemiBold)
        self.title.setFont(bold)
        self.status = QLabel()
        self.status.setWordWrap(True)
        theme.set_text_role(self.status, "muted_text")
        self.rows: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        for i in range(TOP):
            row = QLabel()
            row.setWordWrap(True)
            row.setTextFormat(Qt.TextFormat.RichText)
            row.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
            row.linkActivated.connect(self._on_link_activated)
            row.setAccessibleName(self.tr("Earlier verdict {n}").format(n=i + 1))
            row.hide()
            self.rows.append(row)
            layout.addWidget(row)
        self.setAccessibleName(self.tr("Similar earlier verdicts"))
        svc = service()
        svc.sig_matched.connect(self._on_matched)
        svc.sig_notice.connect(self._on_notice)
        self.hide()

    # --- what to ask ------------------------------------------------------------------

    def set_claim(self, claim: model.Claim | None) -> None:
        """Show suggestions for this claim (its statement, else its quote); None hides them."""
        same = claim is not None and self.claim is not None and claim.id == self.claim.id
        self.claim = claim
        self.setVisible(claim is not None)
        if claim is None:
            self._timer.stop()
            self._text = ""
            return
        text = claim.statement.strip() or claim.exact
        if not same:  # another claim's suggestions, and their links, go until this one's come
            self.matches = []
            self.status.hide()
            for row in self.rows:
                row.hide()
        if not same or text != self._text:
            self.set_text(text, now=not same)

    def set_text(self, text: str, *, now: bool = False) -> None:
        """The statement as it is being typed: ask again once typing pauses."""
        if self.claim is None:
            return
        self._text = text.strip() or self.claim.exact
        if now:
            self._timer.stop()
            self._ask()
        else:
            self._timer.start()

    def _ask(self) -> None:
        if self.claim is None:
            return
        self._asked = service().request(self._text, (str(self.session.project.path), self.claim.id), asker=id(self))

    def _on_matched(self, token: int, found: list) -> None:
        if token != self._asked:
            return  # an answer to an older question (the text changed since)
        self.matches = [m for m in found
                        if self.claim is None or not library.same_check(self.session.project, self.claim, m)][:TOP]
        self._render()
        self.answered = token

    def _on_notice(self, text: object) -> None:
        self.status.setText(language.ui(text))
        self.status.setVisible(True)

    # --- showing ----------------------------------------------------------------------

    def _render(self) -> None:
        failure = service().failure
        if failure is not None:
            self.status.setText(language.ui(failure))
        else:
            self.status.setText("" if self.matches else self._none_found())
        self.status.setVisible(not self.matches or failure is not None)
        for i, row in enumerate(self.rows):
            if i < len(self.matches):
                m = self.matches[i]
                row.setText(self._row_html(i, m))
                row.setAccessibleDescription(" ".join(x for x in (m.rating, m.label, m.summary, self._standing(m),
                                                                  self._refusal(m)) if x))
                row.show()
            else:
                row.hide()

    def _none_found(self) -> str:
        """Why nothing is suggested: on the demo, that its own claims are left out of the library on purpose."""
        if is_demo(self.session.project):
            return self.tr("The demo project is left out of the verdict library (its verdicts are examples), "
                           "so its own claims are never suggested here.")
        return self.tr("No earlier verdict is close to this claim.")

    def _row_html(self, i: int, m: library.Match) -> str:
        e = html.escape
        rating = m.rating or self.tr("Not rated")
        scale_rating = self.session.project.scale.get(m.rating_key) if m.kind == library.PROJECT else None
        color = theme.rating_color(scale_rating, self.palette()) if scale_rating else theme.rating_color(None)
        statement = " ".join(m.label.split())
        statement = statement if len(statement) <= 200 else statement[:199] + "…"
        parts = [f'<b style="color:{color}">{e(rating)}</b> <span dir="auto">{e(statement)}</span>']
        if m.summary:
            summary = " ".join(m.summary.split())
            parts.append(f'<br><span dir="auto">{e(summary[:240])}</span>')
        where = self._where(m)
        if m.kind == library.PROJECT:  # where its review stands first: an unapproved verdict looks it
            facts = " · ".join(x for x in (f"<b>{e(self._standing(m))}</b>", e(m.author), e(where)) if x)
        else:  # a published fact-check: whose, and when
            facts = " · ".join(e(x) for x in (", ".join(x for x in (m.author, m.date) if x), where) if x)
        open_text = self.tr("Open") if m.kind == library.PROJECT or m.url else ""
        if not self._may_use():
            use_html = ""
        elif not (m.rating or m.summary):  # an earlier claim with no verdict: nothing to take from it
            use_html = e(self.tr("no verdict to use"))
        elif self._refusal(m):
            use_html = f"<i>{e(self._refusal(m))}</i>"
        else:
            use_html = f'<a href="use:{i}">{e(self.tr("Use this verdict"))}</a>'
        links_html = " · ".join(x for x in (
            f'<a href="open:{i}">{e(open_text)}</a>' if open_text and not m.missing else "",
            use_html,
        ) if x)
        parts.append(f"<br><small>{facts}{' · ' if facts and links_html else ''}{links_html}</small>")
        return "".join(parts)

    def _standing(self, m: library.Match) -> str:
        """A project's claim: its review status, with the day when approved or published; '' for a ClaimReview."""
        if m.kind != library.PROJECT:
            return ""
        status = language.ui(model.STATUS_LABELS.get(m.status, m.status))
        if m.status in reuse.REUSABLE and m.date:
            return self.tr("{status} on {date}").format(status=status, date=m.date)
        return status

    @staticmethod
    def _refusal(m: library.Match) -> str:
        """Why this verdict cannot be used yet, in the app's language ('' when it can)."""
        reason = reuse.refusal(m)
        return language.ui(reason) if reason else ""

    def _may_use(self) -> bool:
        """Only a claim still being written takes an earlier verdict (``reuse.plan`` says so too)."""
        return (not self.session.project.read_only and self.claim is not None
                and self.claim.status in (model.DRAFT, model.CHANGES_REQUESTED))

    def _where(self, m: library.Match) -> str:
        if m.kind != library.PROJECT:
            host = urllib.parse.urlsplit(m.url).hostname if m.url else ""
            return host or pathlib.Path(m.source_path).name
        name = pathlib.Path(m.source_path).name
        if pathlib.Path(m.source_path) == pathlib.Path(self.session.project.path).resolve():
            return self.tr("this project")
        if m.missing:
            return self.tr("{name} (the file is gone)").format(name=name)
        return name

    # --- acting -----------------------------------------------------------------------

    def _on_link_activated(self, link: str) -> None:
        what, _, index = link.partition(":")
        if not index.isdigit() or int(index) >= len(self.matches):
            return
        match = self.matches[int(index)]
        if what == "open":
            self.open_match(match)
        elif what == "use":
            self.use_match(match)

    def open_match(self, match: library.Match) -> None:
        """The claim in this project, its project read-only in a new window, or the published fact-check."""
        if match.kind != library.PROJECT:
            links.open_url(match.url, self)
            return
        if pathlib.Path(match.source_path) == pathlib.Path(self.session.project.path).resolve():
            self.sig_claim_opened.emit(match.claim_id)
            return
        if not pathlib.Path(match.source_path).exists():
            self.status.setText(self.tr("{name} is no longer where it was ({path}).").format(
                name=pathlib.Path(match.source_path).name, path=match.source_path))
            self.status.show()
            return
        open_read_only(self.window(), match.source_path, match.claim_id)

    def use_match(self, match: library.Match) -> bool:
        """Copy the earlier verdict into this claim as one undoable step; say what could not come."""
        if self.claim is None:
            return False
        if self._refusal(match):  # never offered as a link; refused here for any other way in too
            self.status.setText(self._refusal(match))
            self.status.show()
            return False
        try:
            plan = reuse.plan(self.session.project, self.claim.id, match)
            self.session.do(reuse.UseVerdict(plan), initiator=self)
        except KnownError as exc:
            alerts.show_error(self, exc)
            return False
        if not plan.rating_fits:
            self.status.setText(self.tr("The rating “{rating}” is not on this project's scale: choose the rating "
                                        "yourself.").format(rating=plan.rating_label))
        else:
            self.status.setText(self.tr("Verdict copied from the earlier check; it is a draft until you submit it."))
        self.status.show()
        return True


def open_read_only(window: QWidget, path: str, claim_id: str):
    """Another project opened read-only in a new window, showing one of its claims; the window (None on failure)."""
    from factcheck.ui.main_window import MainWindow

    settings = getattr(window, "settings", None)
    user = getattr(window, "user", "")
    if settings is None:
        from factcheck.ui.app import app_settings

        settings = app_settings()
    other = MainWindow(settings, user)
    other.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if not other.open_project(path, read_only=True):
        other.close()
        return None
    other.show()
    other.open_claim(claim_id)
    _windows.append(other)
    other.destroyed.connect(lambda *_: _windows.remove(other) if other in _windows else None)
    return other


#: Windows opened on other projects (kept alive while shown).
_windows: list[QWidget] = []
