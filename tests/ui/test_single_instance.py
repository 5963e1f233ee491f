"""One app per person: a second start hands its project over; the running app shows it."""

from __future__ import annotations

import uuid

from PySide6.QtNetwork import QLocalServer

from factcheck.core.project import Project
from factcheck.ui import app, single_instance

from ..conftest import imported


def _name() -> str:
    return f"factcheck-test-{uuid.uuid4().hex[:12]}"


def test_a_second_start_hands_its_project_to_the_running_app(qtbot, tmp_path):
    name = _name()
    listener = single_instance.Listener(name)
    assert listener.listen()
    with qtbot.waitSignal(listener.sig_open, timeout=3000) as got:
        assert single_instance.forward(str(tmp_path / "other.factcheck"), name)
    assert got.args == [str((tmp_path / "other.factcheck").resolve())]
    with qtbot.waitSignal(listener.sig_open, timeout=3000) as got:
        assert single_instance.forward(None, name)  # no project: just show the app
    assert got.args == [""]
    listener.server.close()


def test_nothing_listening_means_this_start_is_the_app(qapp):
    assert not single_instance.forward("x.factcheck", _name())


def test_a_socket_left_by_a_crashed_app_is_replaced(qapp):
    name = _name()
    dead = QLocalServer()
    assert dead.listen(name)
    dead.close()  # on Unix a crash leaves the file; listen() must not fail on it
    listener = single_instance.Listener(name)
    assert listener.listen()
    listener.server.close()


def test_garbage_on_the_socket_opens_nothing(qtbot):
    from PySide6.QtNetwork import QLocalSocket

    name = _name()
    listener = single_instance.Listener(name)
    assert listener.listen()
    seen = []
    listener.sig_open.connect(seen.append)
    for junk in (b"not json\n", b'{"open": "relative/path"}\n', b'["open"]\n', b"\xff\xfe\n"):
        socket = QLocalSocket()
        socket.connectToServer(name)
        assert socket.waitForConnected(1000)
        socket.write(junk)
        socket.flush()
        socket.waitForBytesWritten(1000)
        qtbot.wait(50)
        socket.disconnectFromServer()
    qtbot.wait(100)
    assert seen == []
    listener.server.close()


def test_the_running_app_brings_forward_the_window_that_has_the_project_or_opens_a_new_one(qtbot, tmp_path,
                                                                                          monkeypatch):
    first, second = tmp_path / "first.factcheck", tmp_path / "second.factcheck"
    for path in (first, second):
        with Project.create(path, user="ana") as p:
            p.import_article(imported("Some words to check."))
    window = app.make_window(str(first), "ana")
    qtbot.add_widget(window)
    window.show()
    windows = [window]
    app.show_project(str(first), windows, "ana", "en")
    assert windows == [window]  # already open: no second window on the same file
    app.show_project(str(second), windows, "ana", "en")
    assert len(windows) == 2 and windows[1].project.path.resolve() == second.resolve()
    qtbot.add_widget(windows[1])
    assert windows[1].isVisible()
