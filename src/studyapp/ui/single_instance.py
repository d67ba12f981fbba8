"""One window per database: a second launch on the same database raises the first instead.

Two windows writing the same notes would overwrite each other's edits, so the first launch
listens on a local socket named after the database; later launches knock and quit.
"""

from __future__ import annotations

import getpass
import hashlib
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 500
WRITE_TIMEOUT_MS = 1000
MESSAGE = b"activate\n"


def server_name(key: str) -> str:
    """A short, file-name-safe socket name for ``key``, private to the current user."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (containers): the key alone still works
        user = ""
    digest = hashlib.sha256(f"{user}\0{key}".encode()).hexdigest()
    return f"studyapp-{digest[:32]}"


class SingleInstance(QObject):
    """Decides whether this launch owns ``key`` (a resolved database URL).

    ``is_primary()`` knocks on the socket of an earlier launch; when one answers it is told
    to come to the front and this launch should quit. Otherwise this launch starts listening
    and emits :attr:`activationRequested` whenever a later one knocks.
    """

    activationRequested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(key)
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def is_primary(self) -> bool:
        if self._server is not None:
            return True
        if self._knock():
            return False
        # No socket options: with them Qt silently renames its socket over an existing file,
        # and the explicit check below is what keeps a live instance's socket intact.
        server = QLocalServer(self)
        if not server.listen(self.name):
            if server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
                # Another launch may have started listening a moment ago; ask once more
                # before treating the socket file as left behind by a crash.
                if self._knock():
                    return False
                QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                # Without the guard the app still works; refusing to start would be worse.
                log.warning("cannot listen on %s: %s", self.name, server.errorString())
                server.deleteLater()
                return True
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening (the socket file goes away); later launches become primary."""
        for socket in list(self._buffers):
            socket.abort()
            socket.deleteLater()
        self._buffers.clear()
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _knock(self) -> bool:
        """Tell a running instance to activate; False when nobody answers."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(MESSAGE)
        socket.waitForBytesWritten(WRITE_TIMEOUT_MS)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(WRITE_TIMEOUT_MS)
        return True

    def _accept(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._closed(s))
            self._read(socket)  # the knock may have arrived before the connection was taken

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if MESSAGE.strip() in data:
            self._drop(socket)
            self.activationRequested.emit()
        else:
            self._buffers[socket] = data[-64:]  # only a short message is expected

    def _closed(self, socket: QLocalSocket) -> None:
        self._read(socket)  # whatever arrived just before the knocker hung up
        self._drop(socket)

    def _drop(self, socket: QLocalSocket) -> None:
        if self._buffers.pop(socket, None) is not None:
            socket.disconnectFromServer()
            socket.deleteLater()
