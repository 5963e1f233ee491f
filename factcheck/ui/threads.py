"""Worker threads beside Qt: garbage collected on the UI thread, and a voice that never speaks into a dead object.

Python runs a cyclic garbage collection in whichever thread happens to allocate when a
generation's count passes its threshold: the verdict library's worker, the history check,
a sync, an import or export on a ``QThread``. A collection frees the objects caught in
reference cycles, and with them any Qt object whose Python side owns it (made in Python
without a parent: a session, a ``QEventLoop``, a worker, a timer). Destroyed on a worker
thread, such an object cannot stop its timers ("Timers cannot be stopped from another
thread"), and the UI thread's event loop later fires a timer of a freed object: the app
crashes on the UI thread, in its event loop, long after the collection. So once the app
has its ``QApplication``, ``collect_on_ui_thread`` turns Python's automatic collection off
and the UI thread collects instead, every ``COLLECT_EVERY_MS``, the generations Python
would have collected by then (the same thresholds).

``Voice`` is how a worker thread talks to the window: queued signals on an object made and
owned on the UI thread, which its owner ``hush``es before it lets the object go (the
project closes, the app quits). Saying and hushing take one lock, so once ``hush``
returns no thread is emitting and none will, however long the thread itself goes on (a
backup that cannot stop halfway, a connection stuck on an unreachable server).
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

#: How often the UI thread collects what Python's automatic collection would have (ms).
COLLECT_EVERY_MS = 500


def collect_due() -> int:
    """Collect, on the calling thread, the oldest generation whose count passed its threshold; how many objects went.

    Collecting a generation also collects the younger ones and counts one more collection
    of the next, as Python's own collection does.
    """
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            return gc.collect(generation)
    return 0


class _Collector(QObject):
    """The UI thread's timer that stands in for Python's automatic collection (a child of the application)."""

    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self.setObjectName("factcheck-collector")
        self._timer = QTimer(self)
        self._timer.setInterval(COLLECT_EVERY_MS)
        self._timer.timeout.connect(collect_due)
        self._timer.start()


def collect_on_ui_thread(app: QCoreApplication) -> None:
    """From now on, cyclic garbage is collected on ``app``'s thread only (see the module's docstring); once per app."""
    if app.findChild(_Collector, "factcheck-collector") is None:
        _Collector(app)
    gc.disable()


class Voice(QObject):
    """Signals a worker thread emits and the UI thread receives (queued); silent once hushed or deleted.

    Subclasses declare the signals. Made on the UI thread with a Qt parent there, so that a
    worker dropping its last reference never destroys it on the worker's thread.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._lock = threading.RLock()
        self._open = True

    def say(self, signal: str, *args) -> bool:
        """Emit ``signal`` with ``args`` (from any thread); False, and nothing emitted, once hushed."""
        with self._lock:
            if not self._open:
                return False
            try:
                getattr(self, signal).emit(*args)
            except RuntimeError:  # its C++ side was deleted without a hush (its parent went first)
                self._open = False
                return False
            return True

    def hush(self) -> None:
        """No more signals from any thread: waits for one being emitted now, if any."""
        with self._lock:
            self._open = False

    @property
    def hushed(self) -> bool:
        return not self._open
