"""Worker threads beside Qt: cyclic garbage freed on the UI thread only, and voices that stop speaking."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from factcheck.ui import threads


class _Voice(threads.Voice):
    sig_said = Signal(int)


@pytest.fixture
def collector(qapp):
    """The app's collector (``app.run`` installs it), for this test only: the test session collects between tests,
    with automatic collection off, so it is turned on first (else nothing would be collected anywhere, and the
    test could not fail), and left as it was found."""
    enabled = gc.isenabled()
    gc.enable()
    threads.collect_on_ui_thread(qapp)
    yield
    (gc.enable if enabled else gc.disable)()
    qapp.findChild(QObject, "factcheck-collector").deleteLater()


def test_qt_objects_in_garbage_are_freed_on_the_ui_thread_whoever_allocates(qtbot, collector):
    """A worker's allocations would have Python collect on the worker, destroying there a Qt object that only a
    collection frees (the crash: its timers, stopped from the wrong thread, fire later on the UI thread)."""
    destroyed_on: list[str] = []
    gc.collect()
    cyclic = QObject()
    cyclic.itself = cyclic  # only a collection frees it
    cyclic.destroyed.connect(lambda *_: destroyed_on.append(threading.current_thread().name),
                             Qt.ConnectionType.DirectConnection)
    alive = weakref.ref(cyclic)
    del cyclic

    made: list[list] = []
    worker = threading.Thread(target=lambda: made.extend([] for _ in range(200_000)), name="worker")
    worker.start()  # far past every generation's threshold: Python would collect on the worker
    worker.join()
    assert alive() is not None and destroyed_on == []  # the worker's allocations freed nothing
    qtbot.wait_until(lambda: alive() is None, timeout=5000)  # the UI thread's collector did, as it was due
    assert destroyed_on == [threading.main_thread().name]


def test_a_hushed_voice_says_nothing_from_any_thread(qtbot):
    heard: list[int] = []
    voice = _Voice()
    voice.sig_said.connect(heard.append, Qt.ConnectionType.QueuedConnection)
    said = []
    worker = threading.Thread(target=lambda: said.append(voice.say("sig_said", 1)))
    worker.start()
    worker.join()
    qtbot.wait_until(lambda: heard == [1])
    voice.hush()
    worker = threading.Thread(target=lambda: said.append(voice.say("sig_said", 2)))
    worker.start()
    worker.join()
    qtbot.wait(50)
    assert said == [True, False] and heard == [1] and voice.hushed


def test_a_voice_deleted_with_its_parent_says_nothing_and_raises_nothing(qapp):
    import shiboken6

    parent = QObject()
    voice = _Voice(parent)
    shiboken6.delete(parent)
    assert voice.say("sig_said", 1) is False and voice.hushed
