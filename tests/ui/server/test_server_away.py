"""The group's server goes away mid-meeting: the window says so, every keystroke is kept
(on this computer until the server is back, then saved in order) and typing never waits.

Two ways of going away: the server stopped (its socket gone: every connection refused at
once), and a server that does not answer (a listener in its place that never replies, as
on a network that drops the packets: every connection waits for its timeout)."""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from sqlalchemy.engine import make_url

from studyapp.core import spool
from studyapp.core.connection import shown_url
from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService

NOTE = "# 모임\n\n메모\n\n토론\n"
LONGEST_PAUSE_MS = 300  # no keystroke waits longer than this once the server is known away


class _Server:
    """Stops and starts the server behind ``url``, as scripts/postgres.sh made it (its data
    in ``data`` beside the socket, run as ``postgres`` when root); while stopped, a
    listener that never answers may take its socket."""

    def __init__(self, url: str) -> None:
        self.folder = Path(str(make_url(url).query.get("host") or ""))
        if not (self.folder / "data" / "postmaster.opts").is_file():
            pytest.skip("the server is not one scripts/postgres.sh started")
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        pg_bin = os.environ.get("PG_BIN", "")
        self.pg_ctl = str(Path(pg_bin) / "pg_ctl") if pg_bin else str(bins[-1] if bins else "")
        self.pg_ctl = self.pg_ctl or "pg_ctl"
        # The options it was started with: a plain start would listen elsewhere.
        opts = shlex.split((self.folder / "data" / "postmaster.opts").read_text())[1:]
        at = opts.index("-D")
        self.options = shlex.join(opts[:at] + opts[at + 2 :])
        self._silent: socket.socket | None = None
        self._held: list[socket.socket] = []
        self._accepting: threading.Thread | None = None

    def _pg_ctl(self, *args: str) -> None:
        command = [self.pg_ctl, "-D", str(self.folder / "data"), "-w", "-t", "60", *args]
        if os.getuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=90)

    def stop(self, *, silent: bool) -> None:
        self._pg_ctl("-m", "fast", "stop")
        if silent:
            self._silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self._silent.bind(str(self.folder / ".s.PGSQL.5432"))
            self._silent.listen(64)
            self._silent.settimeout(0.1)
            self._accepting = threading.Thread(target=self._hold_connections, daemon=True)
            self._accepting.start()

    def _hold_connections(self) -> None:
        while self._silent is not None:
            try:
                connection, _ = self._silent.accept()
            except OSError:  # the timeout, or the listener closed
                continue
            self._held.append(connection)  # never answered, never closed until the end

    def start(self) -> None:
        if self._silent is not None:
            listener, self._silent = self._silent, None
            if self._accepting is not None:
                self._accepting.join(5)
            listener.close()
            for connection in self._held:
                connection.close()
            (self.folder / ".s.PGSQL.5432").unlink(missing_ok=True)
        self._pg_ctl("-l", str(self.folder / "server.log"), "-o", self.options, "start")


def _stored_body(url: str, session_id: int) -> str:
    database = open_database(url)
    try:
        return SessionService(database).get(session_id).body
    finally:
        database.dispose()


def _go_to_end_of_line(editor, line_text: str) -> None:
    editor.setFocus()
    block = editor.document().begin()
    while block.isValid() and block.text() != line_text:
        block = block.next()
    assert block.isValid(), line_text
    cursor = editor.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    editor.setTextCursor(cursor)


@pytest.mark.parametrize("away", ["stopped", "silent"])
def test_typing_never_waits_while_the_server_is_away_and_nothing_is_lost(
    qtbot, window, pg_url, session_id, away
):
    editor = window.body_editor
    _go_to_end_of_line(editor, "메모")
    typed = " start"
    qtbot.keyClicks(editor, typed)
    assert window.flush()

    # A timer ticking every 50 ms: a gap between two ticks is the event loop held up.
    gaps: list[tuple[float, bool]] = []  # (ms, the banner said so before the gap)
    last = [time.monotonic(), False]

    def tick() -> None:
        now = time.monotonic()
        gaps.append(((now - last[0]) * 1000, bool(last[1])))
        last[:] = [now, window.banner.isVisible()]

    ticker = QTimer(interval=50)
    ticker.timeout.connect(tick)
    ticker.start()
    server = _Server(pg_url)
    server.stop(silent=away == "silent")
    try:
        started = time.monotonic()
        n = 0
        while time.monotonic() - started < 7:  # several seconds of typing, word by word
            chunk = f" w{n}"
            qtbot.keyClicks(editor, chunk)
            typed += chunk
            n += 1
            qtbot.wait(100)
        waits = [round(ms) for ms, known in gaps if known and ms > LONGEST_PAUSE_MS]
        assert waits == [], f"the window stalled {waits} ms while the server was away"
        assert sum(known for _ms, known in gaps) > 50  # it was known away most of the time
        assert window.server_trouble.down
        assert window.banner.isVisible()
        assert "cannot be reached" in window.banner.text()
        assert shown_url(pg_url) in window.banner.text()
        # Saving now (as closing the window does) answers at once, and every keystroke is
        # on this computer, should the window close now.
        asked = time.monotonic()
        assert not window.flush()
        assert time.monotonic() - asked < LONGEST_PAUSE_MS / 1000
        kept = spool.waiting(shown_url(pg_url))
        assert [entry.text for entry in kept] == [editor.toPlainText()]
    finally:
        ticker.stop()
        server.start()

    # Within seconds of the server answering, all of it is saved, in order, and said so.
    qtbot.waitUntil(
        lambda: not window.server_trouble.down and window.banner.isHidden(), timeout=8000
    )
    assert not window.save_queue.has_pending()
    assert _stored_body(pg_url, session_id) == NOTE.replace("메모\n", f"메모{typed}\n")
    assert spool.waiting(shown_url(pg_url)) == []
    assert window.conflict_notice.isHidden()
