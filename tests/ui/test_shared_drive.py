"""A project on a network drive in the window: asked once, a local copy named in the title, merged back at close."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from factcheck.core import drives, history, merge
from factcheck.core.project import Project
from factcheck.ui import shared_drive
from factcheck.ui.main_window import MainWindow

from ..conftest import imported

TEXT = "The minister said unemployment fell by 4% last year. The opposition said it rose by 2% instead."


@pytest.fixture
def shared(monkeypatch, tmp_path):
    """(path of a project on a "cifs" drive, its claim's id)."""
    monkeypatch.setenv(drives.ENV, "cifs")
    path = tmp_path / "share" / "desk.factcheck"
    path.parent.mkdir()
    with Project.create(path, user="ben") as p:
        article_id = p.import_article(imported(TEXT)).created
        claim_id = p.create_claim(p.current_version(article_id).id, 4, 30).created
    return path, claim_id


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """The main window, its questions answered by ``window.answers`` and recorded in ``window.asked``."""
    errors: list = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), "ana")
    qtbot.add_widget(w)
    w.errors, w.asked, w.answers = errors, [], {"where": shared_drive.LOCAL, "keep_open": False}

    def ask_where(path, fstype, waiting):
        w.asked.append(("where", path.name, fstype, waiting))
        return w.answers["where"]

    def ask_keep_open(reason):
        w.asked.append(("keep_open", reason))
        return w.answers["keep_open"]

    w.shared_drive.ask_where = ask_where
    w.shared_drive.ask_keep_open = ask_keep_open
    w.show()
    qtbot.wait_exposed(w)
    return w


def test_opening_a_project_on_a_network_drive_asks_and_opens_a_local_copy(window, shared):
    path, claim_id = shared
    assert window.open_project(path)
    assert window.asked == [("where", "desk.factcheck", "cifs", 0)]
    local = window.project.path
    assert local != path and drives.origin_of(local) == path.resolve()
    assert window.project.network_drive is None  # the copy is on the local disk: WAL as usual
    assert window.windowTitle() == f"desk.factcheck – local copy of {path.resolve()} – factcheck"
    assert window.shared_drive.merge_back_action.isEnabled()
    assert window.recent_projects()[0] == str(path.resolve())  # the shared file, offered again next time
    # An edit, then closing the window merges it back into the shared file.
    window.session.do(history.UpdateClaim(claim_id, notes="Call the statistics office."))
    with Project.open(path, read_only=True) as p:
        assert p.claim(claim_id).notes == ""
    window.close()
    assert not window.isVisible() and window.project is None
    with Project.open(path, read_only=True) as p:
        assert p.claim(claim_id).notes == "Call the statistics office." and p.verify().ok
    assert window.errors == [] and window.asked == [("where", "desk.factcheck", "cifs", 0)]


def test_merge_back_sends_mine_and_shows_others_work(window, shared):
    path, claim_id = shared
    window.open_project(path)
    window.open_claim(claim_id)
    window.session.do(history.UpdateClaim(claim_id, notes="Mine."))
    with Project.open(path, user="ben") as p:  # a colleague, on the drive
        p.update_claim(claim_id, claimant="The minister")
    window.shared_drive.merge_back_action.trigger()
    assert window.statusBar().currentMessage() == (
        "Merged back 1 change to desk.factcheck; 1 came in from others.")
    assert window.project.claim(claim_id).claimant == "The minister"
    assert window.panel.inspector.claimant.text() == "The minister"  # the views show it at once
    with Project.open(path, read_only=True) as p:
        assert p.claim(claim_id).notes == "Mine."


def test_a_conflict_asks_for_a_choice_before_anything_is_written(window, shared):
    path, claim_id = shared
    window.open_project(path)
    window.session.do(history.UpdateClaim(claim_id, rating="true"))
    with Project.open(path, user="ben") as p:
        p.update_claim(claim_id, rating="false")
    shown = []

    def ask_resolutions(plan):
        shown.append([(c.ours, c.theirs) for c in plan.conflicts])
        return {c.key: merge.THEIRS for c in plan.conflicts}  # take the shared file's value

    window.shared_drive.ask_resolutions = ask_resolutions
    window.shared_drive.merge_back_action.trigger()
    assert shown == [[("true", "false")]]
    assert window.project.claim(claim_id).rating == "false"
    with Project.open(path, read_only=True) as p:
        assert p.claim(claim_id).rating == "false" and p.verify().ok


def test_a_failed_merge_back_at_close_keeps_the_window_or_the_local_copy(window, shared):
    path, claim_id = shared
    window.open_project(path)
    local = window.project.path
    window.session.do(history.UpdateClaim(claim_id, notes="Not sent yet."))
    path.parent.rename(path.parent.with_name("unplugged"))  # the drive went away
    window.answers["keep_open"] = True
    window.close()
    assert window.isVisible() and window.project is not None
    assert "cannot be reached" in window.asked[-1][1]
    window.answers["keep_open"] = False
    window.close()
    assert not window.isVisible() and local.exists()
    # The drive is back: the next open offers the local copy again, with its change waiting.
    path.parent.with_name("unplugged").rename(path.parent)
    window.answers["keep_open"] = True
    assert window.open_project(path)
    assert window.asked[-1] == ("where", "desk.factcheck", "cifs", 1)
    assert window.project.path == local and window.project.claim(claim_id).notes == "Not sent yet."


def test_open_on_the_drive_or_cancel(window, shared):
    path, _ = shared
    window.answers["where"] = None
    assert not window.open_project(path) and window.project is None
    window.answers["where"] = shared_drive.ON_DRIVE
    assert window.open_project(path)
    assert window.project.path == path and window.project.network_drive == "cifs"
    assert window.project.store.read_one("PRAGMA journal_mode")[0] == "delete"
    assert not window.shared_drive.merge_back_action.isEnabled()
    assert "is on a network drive (cifs)" in window.statusBar().currentMessage()
    assert drives.existing_copy(path) is None


def test_the_question_offers_three_ways(window, shared, qtbot, monkeypatch):
    """The real question box: its words and buttons (answered by a timer, as a person would)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    path, _ = shared
    seen = {}

    def answer():
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen["text"] = box.text()
        seen["informative"] = box.informativeText()
        seen["buttons"] = [b.text() for b in box.buttons()]
        next(b for b in box.buttons() if b.text() == "Open on the drive").click()

    QTimer.singleShot(0, answer)
    question = shared_drive.SharedDrive.ask_where
    assert question(window.shared_drive, path, "cifs", 2) == shared_drive.ON_DRIVE
    assert seen["text"] == ("desk.factcheck is on a network drive (cifs). SQLite's fast journal cannot be used "
                            "there safely.")
    assert "Work on a local copy (recommended)" in seen["informative"] and "not yet merged back: 2" in seen["informative"]
    assert set(seen["buttons"]) == {"Work on a local copy", "Open on the drive", "Cancel"}


def test_conflicts_are_shown_in_the_merge_dialog_with_the_local_copy_as_here(window, shared, monkeypatch):
    from factcheck.ui.dialogs.merge_dialog import MergeDialog

    path, claim_id = shared
    window.open_project(path)
    window.session.do(history.UpdateClaim(claim_id, rating="true"))
    with Project.open(path, user="ben") as p:
        p.update_claim(claim_id, rating="false")
    asked = []

    def ask(plan, parent=None, *, project=None, apply=None, shared=False):
        asked.append((plan.other.name, project is window.project, shared, [c.ours for c in plan.conflicts]))
        return None  # cancelled

    monkeypatch.setattr(MergeDialog, "ask", ask)
    window.shared_drive.merge_back_action.trigger()
    assert asked == [("desk.factcheck", True, True, ["true"])]  # worded as a merge back to the shared file
    assert window.errors == [] and "cancelled" in window.statusBar().currentMessage()
    with Project.open(path, read_only=True) as p:
        assert p.claim(claim_id).rating == "false"  # nothing was written


def test_a_local_copy_that_cannot_be_written_is_one_sentence(window, shared, monkeypatch):
    """The data folder full (or not writable) while copying: said in a sentence, nothing opened, no crash."""
    import errno

    path, _ = shared

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(drives, "local_copy", full)
    assert not window.open_project(path) and window.project is None
    assert window.errors == ["The local copy could not be made or updated: No space left on device."]


def test_an_os_error_while_merging_back_at_close_asks_instead_of_crashing(window, shared, monkeypatch):
    import errno

    path, claim_id = shared
    window.open_project(path)
    window.session.do(history.UpdateClaim(claim_id, notes="Not sent yet."))

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    merge_back = drives.merge_back
    monkeypatch.setattr(drives, "merge_back", denied)
    window.answers["keep_open"] = True
    window.close()
    assert window.isVisible() and window.project is not None
    assert window.asked[-1] == ("keep_open", "The local copy could not be made or updated: Permission denied.")
    monkeypatch.setattr(drives, "merge_back", merge_back)  # the drive writable again: the close goes through
    window.close()
    assert not window.isVisible()
    with Project.open(path, read_only=True) as p:
        assert p.claim(claim_id).notes == "Not sent yet."


def test_merging_back_nothing_says_so(window, shared):
    path, _ = shared
    window.open_project(path)
    window.shared_drive.merge_back_action.trigger()
    assert window.statusBar().currentMessage() == (
        "Nothing to merge back: the local copy and desk.factcheck hold the same changes.")
    assert window.errors == []


def test_the_local_copy_message_is_whole_in_the_status_bar_at_1024_px(window, shared, qtbot):
    from PySide6.QtWidgets import QSizeGrip, QWidget

    path, claim_id = shared
    window.resize(1024, 640)
    window.open_project(path)
    window.session.do(history.UpdateClaim(claim_id, notes="Saved now."))  # "Saved" takes its room too
    window.shared_drive.opened()
    qtbot.wait(10)
    bar = window.statusBar()
    message = bar.currentMessage()
    assert message == "Local copy of desk.factcheck: your changes go back to it when you close the project."
    taken = sum(w.width() for w in bar.findChildren(QWidget) if w.parent() is bar and w.isVisible()
                and not isinstance(w, QSizeGrip) and w.width() < bar.width() // 2)
    assert bar.fontMetrics().horizontalAdvance(message) < bar.width() - taken - 20
