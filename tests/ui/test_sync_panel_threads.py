"""The sync threads and their window: a sync stuck on an unreachable server when the project closes ends
alone, and says nothing more to the window it served."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from factcheck.core.errors import KnownError
from factcheck.core.project import Project
from factcheck.sync import client
from factcheck.ui import sync_panel
from factcheck.ui.sync_panel import SyncController
from tests.conftest import imported
from tests.ui.conftest import shown_window


@pytest.fixture
def stuck(monkeypatch):
    """(connecting, release): every connection to the server hangs until released, then finds it offline."""
    connecting, release = threading.Event(), threading.Event()

    def connect(dsn, password=None, **kwargs):
        connecting.set()
        release.wait(10)
        raise client.Offline("the server cannot be reached")

    def listen(dsn, password=None):
        raise KnownError("the server cannot be reached")

    monkeypatch.setattr(sync_panel.client, "connect", connect)
    monkeypatch.setattr(sync_panel.client, "listen", listen)
    monkeypatch.setattr(sync_panel.credentials, "get", lambda dsn: None)
    monkeypatch.setattr(SyncController, "STOP_WAIT_S", 0.05)
    yield connecting, release
    release.set()


@pytest.fixture
def linked(tmp_path):
    path = tmp_path / "linked.factcheck"
    with Project.create(path, user="ana") as p:
        p.import_article(imported("The minister said unemployment fell by 4% last year."))
        client.link(p, "host=127.0.0.1 port=9 dbname=desk user=ana")
    return path


def test_a_sync_stuck_when_its_project_closes_ends_alone_and_says_nothing(qtbot, tmp_path, linked, stuck):
    connecting, release = stuck
    w = shown_window(qtbot, linked, tmp_path / "settings.ini")
    qtbot.wait_until(connecting.is_set)
    relay, threads = w.sync.relay, w.sync.threads()
    heard: list = []
    for name in ("sig_progress", "sig_sending", "sig_receiving", "sig_reported", "sig_news", "sig_listener_lost"):
        getattr(relay, name).connect(lambda *args, name=name: heard.append(name), Qt.ConnectionType.DirectConnection)
    w.close()  # waits STOP_WAIT_S for the sync, then leaves it to finish
    assert any(t.is_alive() for t in threads) and w.sync.relay is None
    release.set()
    assert sync_panel.wait_for_threads(threads, 5)
    assert heard == []  # its report went nowhere: the project it was for is closed
