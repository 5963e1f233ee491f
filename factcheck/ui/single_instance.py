"""One app per person: a second start hands its project to the running app and ends.

Double-clicking a ``.factcheck`` file while factcheck runs must not start a second
process on the same file without the person knowing. The first app listens on a local
socket (``QLocalServer``: a Unix socket, a named pipe on Windows) named after the app,
the user and ``FACTCHECK_HOME``; a later start connects, sends the project's absolute
path, and exits. The running app then brings forward the window that has that project
open, or opens it in a new window.

A socket left by an app that crashed is found dead (nothing answers) and replaced.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import pathlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from factcheck import APP_ID, paths

#: How long a later start waits for the running app to answer (ms).
CONNECT_MS = 500
#: Longest message read from a socket (a path, JSON-quoted).
MAX_MESSAGE = 64 * 1024


def server_name() -> str:
    """The socket's name: one per app, user and data folder (tests with their own home never meet)."""
    try:
        who = getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises several kinds of error without a login name
        who = "user"
    config, _ = paths.home()
    digest = hashlib.sha256(f"{who}\0{config}".encode("utf-8", "replace")).hexdigest()[:16]
    return f"{APP_ID}-{digest}"


def forward(project: str | None, name: str | None = None) -> bool:
    """Hand ``project`` (None: just show yourself) to a running app; whether one took it."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False
    path = str(pathlib.Path(project).resolve()) if project else ""
    socket.write(json.dumps({"open": path}).encode("utf-8") + b"\n")
    socket.flush()  # usually writes it all at once; waitForBytesWritten is False when nothing is left
    written = socket.bytesToWrite() == 0 or socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return written


class Listener(QObject):
    """The running app's end: ``sig_open(path)`` for each later start ("" to show the app)."""

    sig_open = Signal(str)

    def __init__(self, name: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        """Start listening; a socket left by a crashed app is removed first. False if it cannot."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)  # nothing answered on it (``forward`` failed): a dead one
        return self.server.listen(self.name)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)

    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_MESSAGE:
                socket.abort()
            return
        line = bytes(socket.readLine(MAX_MESSAGE).data())
        try:
            message = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return
        path = message.get("open") if isinstance(message, dict) else None
        if isinstance(path, str) and (not path or os.path.isabs(path)):
            self.sig_open.emit(path)
