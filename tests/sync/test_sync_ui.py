"""Sync in the app against a real PostgreSQL: File > Sync settings, live changes, offline, conflicts, refusals.

Two windows on two copies of one project stand for two laptops; the server is the
session's throwaway cluster (``conftest.py``), stopped and started to take the laptops
offline. Retry and debounce intervals are shortened so the suite stays quick.
"""

from __future__ import annotations

import json
import shutil
import threading

import pytest
from PySide6.QtCore import QSettings, Qt

from factcheck.core import events, history, merge, workflow
from factcheck.core.project import Project
from factcheck.sync import client, server
from factcheck.ui import sync_panel
from factcheck.ui.dialogs import merge_dialog
from factcheck.ui.dialogs.sync_settings import PasswordDialog, SyncSettingsDialog
from factcheck.ui.main_window import MainWindow
from factcheck.ui.session import Session
from factcheck.ui.sync_panel import SyncController

from ..conftest import imported

TEXT = "The minister said unemployment fell by 4% last year. The opposition said it rose by 2% instead."
QUOTE = "unemployment fell by 4%"
#: How long a change may take to reach the other window in these tests (the issue asks for 2 s).
LIVE_MS = 5000


@pytest.fixture(autouse=True)
def _quick(monkeypatch):
    """Short waits, no password left over from another test, no real keyring."""
    monkeypatch.setattr(SyncController, "RETRY_MS", 300)
    monkeypatch.setattr(SyncController, "DEBOUNCE_MS", 150)
    monkeypatch.setattr(sync_panel.credentials, "available", lambda: False)
    monkeypatch.setattr(sync_panel.credentials, "get", lambda dsn: None)
    sync_panel.PASSWORDS.clear()
    yield
    sync_panel.PASSWORDS.clear()


class Desk:
    """The test's database as a desk's server: the schema, an editor (ana) and a checker (ben)."""

    def __init__(self, pg_db, project_id: str):
        self.db = pg_db
        self.ana = pg_db.make_role("ana")
        self.ben = pg_db.make_role("ben")
        self.cleo = pg_db.make_role("cleo")  # may log in, member of no project
        with pg_db.connect() as conn:
            server.init(conn)
            for role in (self.ana, self.ben, self.cleo):
                server.add_user(conn, role.name, None)
            server.grant(conn, project_id, self.ana.name, "editor")
            server.grant(conn, project_id, self.ben.name, "checker")

    def dsn(self, role) -> str:
        """The connection string a laptop keeps: no password in it."""
        return client.without_password(role.dsn)

    def counter(self, project_id: str) -> int:
        with self.db.connect() as conn:
            row = conn.execute("SELECT counter FROM factcheck.projects WHERE id = %s", (project_id,)).fetchone()
        return row[0] if row else 0


@pytest.fixture
def copies(tmp_path):
    """(ana's copy, ben's copy, claim id, project id): one project with an article and a claim, copied."""
    a, b = tmp_path / "ana.factcheck", tmp_path / "ben.factcheck"
    with Project.create(a, user="ana") as p:
        version = p.current_version(p.import_article(imported(TEXT)).created)
        start = TEXT.index(QUOTE)
        claim_id = p.create_claim(version.id, start, start + len(QUOTE)).created
        project_id = events.project_id(p.store)
    shutil.copy(a, b)
    return a, b, claim_id, project_id


@pytest.fixture
def desk(pg_db, copies):
    return Desk(pg_db, copies[3])


@pytest.fixture
def open_window(qtbot, tmp_path, monkeypatch):
    """``open_window(path, user)``: a shown window (errors in ``w.errors``, history warnings in ``w.warnings``); at
    the end closed, its threads ended. Nothing modal: offscreen, no one would ever close it, and the test would wait
    for ever (a test that writes an event behind the app's back is found out by the history check in the
    background, sooner or later, as the machine is loaded)."""
    windows = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: self.errors.append(message))
    monkeypatch.setattr(MainWindow, "show_report", lambda self, title, lines: self.reports.append((title, lines)))
    # A modal warning would wait for a click that never comes: the test would hang instead of failing.
    monkeypatch.setattr(MainWindow, "warn_integrity", lambda self, verdict: self.warnings.append(verdict))

    def make(path, user: str) -> MainWindow:
        w = MainWindow(QSettings(str(tmp_path / f"{user}.ini"), QSettings.Format.IniFormat), user)
        w.errors, w.reports, w.warnings = [], [], []
        qtbot.add_widget(w)
        windows.append(w)
        assert w.open_project(path), w.errors
        w.show()
        qtbot.wait_exposed(w)
        return w

    yield make
    threads = [t for w in windows for t in w.sync.threads()]
    for w in windows:
        w.close()
    assert all(not w.sync.threads() for w in windows)
    ours = [t for t in threading.enumerate() if t.name.startswith("factcheck-")]  # a connection test ending
    assert sync_panel.wait_for_threads(threads + ours, 5), [t.name for t in threads + ours if t.is_alive()]


def linked(open_window, qtbot, path, user: str, dsn: str, password: str) -> MainWindow:
    """A window on ``path`` linked to the server, its password given this session, once synced."""
    with Project.open(path, user=user) as p:
        client.link(p, dsn)
    sync_panel.PASSWORDS.remember(dsn, password)
    w = open_window(path, user)
    qtbot.waitUntil(lambda: w.sync.state == sync_panel.SYNCED, timeout=LIVE_MS)
    return w


def both(open_window, qtbot, copies, desk) -> tuple[MainWindow, MainWindow]:
    a, b, _, _ = copies
    wa = linked(open_window, qtbot, a, "ana", desk.dsn(desk.ana), desk.ana.password)
    wb = linked(open_window, qtbot, b, "ben", desk.dsn(desk.ben), desk.ben.password)
    return wa, wb


def rating_shown(window: MainWindow) -> str | None:
    """The rating the window's claim list shows for its one claim."""
    claim = window.panel.claims.claim_at(0)
    return claim.rating if claim else None


# --- linking ---------------------------------------------------------------------------------



def rated_differently_offline(wa, wb, claim_id: str, pg_server, qtbot):
    """Both windows rate one claim differently while the server is down; (the one left with the conflict, the other)."""
    pg_server.stop()
    try:
        qtbot.waitUntil(lambda: wa.sync.state == wb.sync.state == sync_panel.OFFLINE, timeout=LIVE_MS)
        wa.session.do(history.UpdateClaim(claim_id, rating="true"))
        wb.session.do(history.UpdateClaim(claim_id, rating="mostly-false"))
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: sync_panel.CONFLICT in (wa.sync.state, wb.sync.state)
                    and sync_panel.OFFLINE not in (wa.sync.state, wb.sync.state), timeout=LIVE_MS)
    return (wa, wb) if wa.sync.state == sync_panel.CONFLICT else (wb, wa)

def test_linking_through_the_settings_dialog_tests_the_connection_and_syncs(open_window, qtbot, copies, desk,
                                                                             pg_db):
    a, _, _, project_id = copies
    w = open_window(a, "ana")
    assert not w.sync.status.isVisible() and w.sync.threads() == []  # not linked: nothing shown, nothing running
    assert w.sync.sync_now_action.shortcut().toString() == "Ctrl+Shift+Y"
    dialog = SyncSettingsDialog(w)
    qtbot.add_widget(dialog)
    assert not dialog.link_button.isEnabled() and not dialog.unlink_button.isVisibleTo(dialog)
    dialog.host.setText(pg_db.server.host)
    dialog.port.setText(str(pg_db.server.port))
    dialog.database.setText(pg_db.name)
    dialog.user.setText(desk.ana.name)
    dialog._on_edited()

    with qtbot.waitSignal(dialog.sig_tested, timeout=LIVE_MS) as tested:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert tested.args == ["password"]
    assert "asks for a password" in dialog.result_label.text()

    dialog.password.setText("wrong")
    with qtbot.waitSignal(dialog.sig_tested, timeout=LIVE_MS) as tested:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert tested.args == ["password"] and "refused this password" in dialog.result_label.text()

    dialog.password.setText(desk.ana.password)
    with qtbot.waitSignal(dialog.sig_tested, timeout=LIVE_MS) as tested:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert tested.args == ["ok"]
    assert dialog.result_label.text() == f"Connected as {desk.ana.name}: editor on this project."

    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: w.sync.state == sync_panel.SYNCED, timeout=LIVE_MS)
    assert w.sync.status.text() == "Synced" and w.sync.status.isVisible()
    assert desk.ana.name in w.sync.status.toolTip() and "editor" in w.sync.status.toolTip()
    with Project.open(a, read_only=True) as p:
        assert desk.counter(project_id) == len(events.read(p.store))  # the whole history went up
    stored = client.linked_dsn(w.project)
    assert pg_db.name in stored and "password" not in stored
    assert desk.ana.password.encode() not in a.read_bytes()  # the password is never in the project
    assert w.sync.sync_now_action.isEnabled()


def test_the_dialog_says_who_is_not_a_member_and_what_the_editor_runs(open_window, qtbot, copies, desk, pg_db):
    w = open_window(copies[0], "ana")
    dialog = SyncSettingsDialog(w)
    qtbot.add_widget(dialog)
    dialog.mode.setCurrentIndex(dialog.mode.findData("string"))
    dialog.connection_string.setText(desk.cleo.dsn)  # with its password in it: used, never stored
    dialog._on_edited()
    with qtbot.waitSignal(dialog.sig_tested, timeout=LIVE_MS) as tested:
        dialog.test()
    assert tested.args == ["member"]
    assert "not a member of this project" in dialog.result_label.text()
    assert dialog.command.text() == f"factcheck server grant SERVER {copies[3]} {desk.cleo.name} checker"

    dialog.connection_string.setText(pg_db.dsn(desk.ana.name).replace(str(pg_db.server.port), "1"))
    dialog._on_edited()
    with qtbot.waitSignal(dialog.sig_tested, timeout=LIVE_MS) as tested:
        dialog.test()
    assert tested.args == ["error"] and "cannot be reached" in dialog.result_label.text()
    assert dialog.command.isHidden()


def test_the_password_is_asked_when_the_server_wants_one_and_kept_for_the_session(open_window, qtbot, copies,
                                                                                  desk, monkeypatch):
    a = copies[0]
    with Project.open(a, user="ana") as p:
        client.link(p, desk.dsn(desk.ana))
    answers = [None, "wrong", desk.ana.password]  # cancelled when the project opens, then wrong, then right
    asked = []

    def answer(cls, dsn, parent=None, *, refused=False):
        asked.append(refused)
        password = answers.pop(0)
        return (password, False) if password else None

    monkeypatch.setattr(PasswordDialog, "ask", classmethod(answer))
    w = open_window(a, "ana")
    qtbot.waitUntil(lambda: asked == [False], timeout=LIVE_MS)  # asked once, as the project opened
    qtbot.waitUntil(lambda: w.sync.state == sync_panel.PASSWORD and not w.sync.running, timeout=LIVE_MS)
    assert w.sync.status.text() == "Sync: password needed"
    w.sync.request_sync()  # a background sync asks no more: the status bar says it
    qtbot.waitUntil(lambda: not w.sync.running, timeout=LIVE_MS)
    assert asked == [False] and w.sync.state == sync_panel.PASSWORD

    qtbot.mouseClick(w.sync.status, Qt.MouseButton.LeftButton)  # "wrong"
    qtbot.waitUntil(lambda: asked == [False, False, True], timeout=LIVE_MS)  # refused: asked again, saying so
    qtbot.waitUntil(lambda: w.sync.state == sync_panel.SYNCED, timeout=LIVE_MS)
    assert sync_panel.PASSWORDS.given(desk.dsn(desk.ana)) == desk.ana.password
    assert desk.ana.password.encode() not in a.read_bytes()


# --- live, offline, conflicts, refusals ------------------------------------------------------------


def test_an_edit_in_one_window_shows_in_the_other_within_seconds(open_window, qtbot, copies, desk):
    wa, wb = both(open_window, qtbot, copies, desk)
    claim_id = copies[2]
    wa.session.do(history.UpdateClaim(claim_id, rating="false"))
    assert wa.sync.status.text() == "1 change to send"
    qtbot.waitUntil(lambda: rating_shown(wb) == "false", timeout=LIVE_MS)  # LISTEN woke B; its views refreshed
    qtbot.waitUntil(lambda: wa.sync.state == wb.sync.state == sync_panel.SYNCED, timeout=LIVE_MS)
    assert wa.sync.status.text() == wb.sync.status.text() == "Synced"

    wb.session.do(history.AddComment(claim_id, "Checked with the statistics office."))
    qtbot.waitUntil(lambda: [c.body for c in wa.project.comments(claim_id)] ==
                    ["Checked with the statistics office."], timeout=LIVE_MS)
    assert wa.errors == wb.errors == []


def test_sending_a_change_refreshes_no_view(open_window, qtbot, copies, desk, monkeypatch):
    """The sync writes its cursor to the file: bookkeeping that must not cost every view a refresh."""
    monkeypatch.setattr(Session, "POLL_MS", 600_000)  # no poll: only the sync's own doing counts
    wa = linked(open_window, qtbot, copies[0], "ana", desk.dsn(desk.ana), desk.ana.password)
    with qtbot.assertNotEmitted(wa.session.sig_external_change):
        wa.session.do(history.UpdateClaim(copies[2], rating="false"))
        # Synced, and the change is on the server (the state reads Synced until the debounced sync starts).
        qtbot.waitUntil(lambda: wa.sync.state == sync_panel.SYNCED and not wa.sync.running
                        and desk.counter(copies[3]) == len(events.read(wa.project.store)), timeout=LIVE_MS)
        assert not wa.session.check_external_changes()


def test_offline_changes_wait_and_go_up_when_the_server_is_back_without_a_click(open_window, qtbot, copies, desk,
                                                                                   pg_server):
    wa, wb = both(open_window, qtbot, copies, desk)
    claim_id = copies[2]
    pg_server.stop()
    try:
        qtbot.waitUntil(lambda: wa.sync.state == sync_panel.OFFLINE, timeout=LIVE_MS)  # without a change
        assert wa.sync.status.text() == "Offline"
        wa.session.do(history.UpdateClaim(claim_id, rating="false"))
        wa.session.do(history.UpdateClaim(claim_id, claimant="The labour minister"))
        assert wa.sync.status.text() == "Offline: 2 changes waiting"
        qtbot.waitUntil(lambda: not wa.sync.running and wa.sync.state == sync_panel.OFFLINE, timeout=LIVE_MS)
        assert wa.sync.status.text() == "Offline: 2 changes waiting"
        assert "cannot be reached" in wa.sync.status.toolTip()
        assert wa.project.claim(claim_id).rating == "false"  # work goes on locally
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: wa.sync.state == sync_panel.SYNCED, timeout=LIVE_MS)
    qtbot.waitUntil(lambda: rating_shown(wb) == "false" and wb.sync.state == sync_panel.SYNCED, timeout=LIVE_MS)
    assert wb.project.claim(claim_id).claimant == "The labour minister"
    assert wa.sync.status.text() == "Synced"


def test_a_conflict_from_two_offline_copies_is_chosen_once_and_ends_synced_on_both(
        open_window, qtbot, copies, desk, pg_server, monkeypatch):
    wa, wb = both(open_window, qtbot, copies, desk)
    claim_id = copies[2]
    asked = []

    def choose_theirs(plan, parent=None, *, project=None, apply=None):
        asked.append(plan)
        chosen = {c.key: merge.THEIRS for c in plan.conflicts}
        apply(chosen)
        return chosen

    monkeypatch.setattr(merge_dialog.MergeDialog, "ask", choose_theirs)
    loser, winner = rated_differently_offline(wa, wb, claim_id, pg_server, qtbot)
    assert loser.sync.status.text() == "Conflict: choose…" and "1 change was made differently" in \
        loser.sync.status.toolTip()
    assert winner.sync.state == sync_panel.SYNCED
    assert asked == []  # found in the background: it waits for the person

    qtbot.mouseClick(loser.sync.status, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wa.sync.state == wb.sync.state == sync_panel.SYNCED and not loser.sync.running
                    and events.head(wa.project.store) == events.head(wb.project.store), timeout=LIVE_MS)
    assert len(asked) == 1 and len(asked[0].conflicts) == 1
    assert rating_shown(wa) == rating_shown(wb) == winner.project.claim(claim_id).rating  # the winner's value
    assert loser.session.history.can_undo and "Merge" in str(loser.session.history.undo_label)  # one undo step
    with Project.open(copies[0], read_only=True) as p, Project.open(copies[1], read_only=True) as q:
        assert events.head(p.store) == events.head(q.store)  # the same history on both
        assert p.verify().ok and q.verify().ok


def test_a_checkers_approval_is_refused_by_the_server(open_window, qtbot, copies, desk):
    a, b, claim_id, _ = copies
    with Project.open(a, user="ana") as p:  # Ana's verdict, submitted, in both copies
        p.update_claim(claim_id, rating="false", verdict_summary="It rose.")
        p.cite(claim_id, p.create_source(title="Labour force survey").created, "contradicts")
        p.review(claim_id, "submit")
    shutil.copy(a, b)
    wa, wb = both(open_window, qtbot, copies, desk)
    # Ben is a checker on the server: his laptop already refuses him, though four-eyes would allow it.
    with pytest.raises(workflow.TransitionRefused, match="only an editor on the server"):
        wb.session.do(history.Review(claim_id, "approve"))
    # A patched client writes the approval anyway: the server refuses it. (After the check at open, which
    # would rightly find the event without its change of state.)
    qtbot.waitUntil(lambda: wb.history_verdict is not None, timeout=LIVE_MS)
    with wb.project.store.transaction():
        events.append(wb.project.store, "ben", "claim.approve", "claim", claim_id,
                      {"before": {"status": "in_review"}, "after": {"status": "approved"}})
    wb.sync.sync_now()
    qtbot.waitUntil(lambda: wb.sync.state == sync_panel.REFUSED, timeout=LIVE_MS)
    text, tip = wb.sync.status.text(), wb.sync.status.toolTip()
    assert text == "Held back: 1 change waits for an editor"
    assert desk.ben.name in tip and "only an editor may approve" in tip and "Send changes" in tip
    assert not any(e.action == "claim.approve" for e in wa.project.events())  # it never reached Ana
    wa.session.do(history.AddComment(claim_id, "Who approved this?"))  # the others' changes still come in
    qtbot.waitUntil(lambda: any(c.body == "Who approved this?" for c in wb.project.comments(claim_id)),
                    timeout=LIVE_MS)
    assert wb.sync.state == sync_panel.REFUSED


def test_a_plan_gone_stale_under_the_dialog_is_planned_again_and_the_choices_kept(
        open_window, qtbot, copies, desk, pg_server, monkeypatch):
    wa, wb = both(open_window, qtbot, copies, desk)
    claim_id = copies[2]
    loser, winner = rated_differently_offline(wa, wb, claim_id, pg_server, qtbot)
    kept = loser.project.claim(claim_id).rating
    asked = []

    def change_then_choose(plan, parent=None, *, project=None, apply=None):
        asked.append(plan)
        loser.session.do(history.UpdateClaim(claim_id, notes="Call the office."))  # the plan is stale now
        chosen = {c.key: merge.OURS for c in plan.conflicts}
        applied.append(apply(chosen))
        return chosen

    applied = []
    monkeypatch.setattr(merge_dialog.MergeDialog, "ask", change_then_choose)
    loser.sync.sync_now()
    qtbot.waitUntil(lambda: wa.sync.state == wb.sync.state == sync_panel.SYNCED and not loser.sync.running
                    and events.head(wa.project.store) == events.head(wb.project.store), timeout=LIVE_MS)
    assert applied == [None] and len(asked) == 1  # stale: planned again, settled with the same choice unasked
    assert "Merge" in str(loser.session.history.undo_label)
    assert winner.project.claim(claim_id).rating == kept
    assert winner.project.claim(claim_id).notes == "Call the office."


def test_a_long_push_counts_its_batches_and_closing_stops_it_where_the_next_sync_goes_on(
        open_window, qtbot, copies, desk, monkeypatch):
    a, b, claim_id, project_id = copies
    with Project.open(a, user="ana") as p:
        for i in range(30):
            p.update_claim(claim_id, notes=f"Note {i}")
        total = len(p.events())
        client.link(p, desk.dsn(desk.ana))
    sync_panel.PASSWORDS.remember(desk.dsn(desk.ana), desk.ana.password)
    monkeypatch.setattr(client, "BATCH", 5)
    # The push waits after its second batch until the window closes: surely half way.
    closing = threading.Event()
    real_stop, real_push, sent = sync_panel.SyncWorker.stop, client._Push._push, []

    def stop(worker):
        closing.set()
        real_stop(worker)

    def push(sending, events_json, *args):
        number = real_push(sending, events_json, *args)
        sent.append(len(json.loads(events_json)))
        if len(sent) == 2:
            closing.wait(LIVE_MS / 1000)
        return number

    monkeypatch.setattr(sync_panel.SyncWorker, "stop", stop)
    monkeypatch.setattr(client._Push, "_push", push)
    w = open_window(a, "ana")
    qtbot.waitUntil(lambda: w.sync.status.text() == f"Sending changes: 5 of {total}", timeout=LIVE_MS)
    assert "in batches" in w.sync.status.toolTip()
    w.close()
    with desk.db.connect() as conn:
        counter, unfinished = conn.execute("SELECT counter, push_seq - counter FROM factcheck.projects WHERE id = %s",
                                           (project_id,)).fetchone()
    assert (counter, unfinished) == (0, 10)  # two batches held, unpublished
    with Project.open(a, user="ana") as p:
        assert p.verify().ok and client.state(p)["cursor"] == "0" and client.pending(p) == total
    w = open_window(a, "ana")
    qtbot.waitUntil(lambda: w.sync.state == sync_panel.SYNCED, timeout=LIVE_MS)
    assert desk.counter(project_id) == total and sum(sent) == total  # the rest, not all again
    wb = linked(open_window, qtbot, b, "ben", desk.dsn(desk.ben), desk.ben.password)
    assert wb.project.claim(claim_id).notes == "Note 29" and wb.project.verify().ok


def test_a_long_pull_counts_its_pages_and_closing_stops_it_where_the_next_sync_goes_on(
        open_window, qtbot, copies, desk, monkeypatch):
    from factcheck.sync import pull

    a, b, claim_id, project_id = copies
    with Project.open(a, user="ana") as p:
        for i in range(30):
            p.update_claim(claim_id, notes=f"Note {i}")
        total = len(p.events())
        client.link(p, desk.dsn(desk.ana))
        with client.connect(desk.ana.dsn) as conn:
            client.sync(conn, p)
    with Project.open(b, user="ben") as p:
        client.link(p, desk.dsn(desk.ben))
    sync_panel.PASSWORDS.remember(desk.dsn(desk.ben), desk.ben.password)
    monkeypatch.setattr(pull, "PAGE", 5)
    # The pull waits after its second page until the window closes: surely half way.
    closing = threading.Event()
    real_stop, real_read, pages = sync_panel.SyncWorker.stop, pull._read, []

    def stop(worker):
        closing.set()
        real_stop(worker)

    def read(conn, project_id, state, *args):
        pages.append(state["events_at"])  # where each page starts
        found = real_read(conn, project_id, state, *args)
        if len(pages) == 2:
            closing.wait(LIVE_MS / 1000)
        return found

    monkeypatch.setattr(sync_panel.SyncWorker, "stop", stop)
    monkeypatch.setattr(pull, "_read", read)
    w = open_window(b, "ben")
    qtbot.waitUntil(lambda: w.sync.status.text() == f"Receiving changes: 5 of {total}", timeout=LIVE_MS)
    assert "in pages" in w.sync.status.toolTip()
    w.close()
    with Project.open(b, user="ben") as p:
        assert p.verify().ok and client.state(p)["cursor"] == "0" and p.claim(claim_id).notes == ""
        assert pull.path_of(p).exists()
    before = len(pages)
    w = open_window(b, "ben")
    qtbot.waitUntil(lambda: w.sync.state == sync_panel.SYNCED, timeout=LIVE_MS)
    assert w.project.claim(claim_id).notes == "Note 29" and w.project.verify().ok
    assert pages[before] == 10  # on after the two pages received, not from the start
    assert not pull.path_of(w.project).exists()
