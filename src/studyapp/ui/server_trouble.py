"""The group's server out of reach: said plainly, nothing typed is lost, typing never waits.

Mid-meeting (the live listener lost its connection, or a save found the server gone): the
banner names the server and the reason, and says that typing goes on. From then on the
window knows the server is away: a save of the note goes to the spool file only
(``core/spool.py``; ``BodySaver.offline``), other pending writes wait in the save queue
(``SaveQueue.hold``), the outline is not asked of the server, and anything else that would
reach it from the window's thread (a timer's chore, a click) fails at once
(``connection.hold_connections``), so nothing waits for a connection timing out. A probe
on a thread of its own asks the server every few seconds (backing off up to
:data:`PROBE_MAX_S`); when it answers (or the live listener is back), what waited is saved
in order, through the merge with whatever another member saved meanwhile, and the banner
goes. A window that opens the database again saves the spool first, so even closing the
window while the server was away loses nothing.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from studyapp.core import spool
from studyapp.core.connection import check_connection, hold_connections, shown_url
from studyapp.core.errors import StudyappError
from studyapp.ui.body_saver import server_away
from studyapp.ui.errors_shown import describe

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow

PROBE_FIRST_S = 0.5  # the first look after the server went away
PROBE_MAX_S = 3.0  # the longest pause between two looks
PROBE_TIMEOUT_S = 2  # one look at a server that does not answer gives up after this


class ServerTrouble(QObject):
    _answered = Signal()  # the probe reached the server (sent from the probe's thread)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.url: str | None = None
        self.showing = False
        self.down = False  # a save or the listener found the server away; not back yet
        self._reason = ""
        self._probe: _Probe | None = None
        self._probe_url = ""
        if window.database.engine.dialect.name == "postgresql":
            self.url = shown_url(str(window.database.url))
            self._probe_url = window.database.engine.url.render_as_string(hide_password=False)
            window.body_saver.spool_url = self.url
            window.body_saver.unreachable.connect(self.lost)
            window.save_queue.hold = self._hold
            # After the save status has said "not saved": the banner says why, as here.
            window.save_queue.failed.connect(self._failed_while_down)
            self._answered.connect(self.back)

    def lost(self, reason: str) -> None:
        """The server cannot be reached: say which and why, keep the typing going."""
        if self.url is None:
            return
        if not self.down:
            self.down = True
            hold_connections(self.window.database, reason)
            self.window.body_saver.set_offline(True)
            self.window.bridge.offline = True
        self.showing = True
        self._reason = reason
        self._show_banner()
        if self._probe is None:
            self._probe = _Probe(self._probe_url, self._answered.emit)

    def back(self) -> None:
        """The server answers again: save what waited, in order, and clear the banner."""
        self._stop_probe()
        if self.down:
            self.down = False
            hold_connections(self.window.database, None)
            self.window.body_saver.set_offline(False)
            self.window.bridge.offline = False
        if self.showing:
            self.showing = False
            self.window.banner.hide()
        # The queue's text first: the newest typing, saved against what it was based on
        # (and taken off the spool); then what the spool holds besides (a closed window's).
        self.window.flush()
        if not self.down:  # gone again already: the probe looks again
            self.replay()
        if not self.down and self.window.session_id is not None:
            self.window.meeting.refresh_outline()

    def replay(self) -> int:
        """Save the spooled text of this database (typed while the server was down)."""
        if self.url is None:
            return 0
        sessions = self.window.sessions

        def save(entry: spool.Spooled) -> None:
            sessions.save_body(
                entry.session_id, entry.text, expected_version=entry.version, base_text=entry.base
            )

        try:
            return spool.replay(self.url, save)
        except StudyappError as error:
            self.window.statusBar().showMessage(describe(error), 8000)
            return 0

    def stop(self) -> None:
        """At close: no more looks at the server."""
        self._stop_probe()

    def _stop_probe(self) -> None:
        if self._probe is not None:
            self._probe.stop()
            self._probe = None

    def _hold(self, key: Hashable) -> StudyappError | None:
        """While the server is away, every write but the note's (spooled) waits."""
        if self.down and not (isinstance(key, tuple) and key[:1] == ("body",)):
            return server_away()
        return None

    def _failed_while_down(self, _message: str) -> None:
        if self.down:
            self._show_banner()
            self.window.save_label.setText(self.tr("Kept on this computer"))

    def _show_banner(self) -> None:
        banner = self.window.banner
        banner.setText(
            self.tr(
                "The server {server} cannot be reached ({reason}). Keep typing: your text is"
                " kept on this computer and saved when the server is back."
            ).format(server=self.url, reason=self._reason)
        )
        banner.show()


class _Probe:
    """Looks at the server on a thread of its own until it answers; the window never waits."""

    def __init__(self, url: str, answered: Callable[[], None]) -> None:
        self._stopped = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(url, answered), name="studyapp-probe", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()

    def _run(self, url: str, answered: Callable[[], None]) -> None:
        delay = PROBE_FIRST_S
        while not self._stopped.wait(delay):
            if check_connection(url, timeout_s=PROBE_TIMEOUT_S).ok:
                if not self._stopped.is_set():
                    with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                        answered()
                return
            delay = min(delay * 2, PROBE_MAX_S)
