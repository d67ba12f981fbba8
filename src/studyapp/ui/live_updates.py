"""Another member's save shows in this window within a second (PostgreSQL only).

A thread waits on ``core.live.LiveListener``'s connection; each change reaches the window
as a queued signal. The sidebar row is read again, the to-do panel too when it shows that
session, and the open session's text: with typing not yet saved, the save goes now and core
merges it with the other member's three ways (as any stale save); otherwise the lines the
other member changed are replaced in the editor, the cursor staying where it was.

Presence: opening a session says so to the others, again every :data:`HEARTBEAT_MS`; the
sidebar shows the names of who is in which session and forgets one not heard from within
``live.PRESENCE_TTL_S``. On SQLite none of this runs: the window re-reads on focus.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from studyapp.core import live
from studyapp.core.errors import StudyappError
from studyapp.ui.body_saver import apply_changed_lines
from studyapp.ui.errors_shown import describe

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow

HEARTBEAT_MS = 20_000  # presence said again this often (a notification, not a query)
EXPIRE_CHECK_MS = 5_000


class LiveUpdates(QObject):
    changed = Signal(object)  # a live.Change, delivered on the window's thread
    serverState = Signal(object)  # None: reachable (again); a reason: lost

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.present: dict[str, tuple[int, float]] = {}  # member -> (session, heard at)
        self.reachable = True
        self._listener: live.LiveListener | None = None
        self._thread: threading.Thread | None = None
        engine = window.database.engine
        if engine.dialect.name != "postgresql":
            return
        self.changed.connect(self._apply)
        self.serverState.connect(self._server_state)
        self._listener = live.LiveListener(live.listen_url(engine))
        self._thread = threading.Thread(
            target=self._listener.run,
            args=(self.changed.emit, self.serverState.emit),
            name="studyapp-live",
            daemon=True,
        )
        self._heartbeat = QTimer(self, interval=HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._announce)
        self._expiry = QTimer(self, interval=EXPIRE_CHECK_MS)
        self._expiry.timeout.connect(self._forget_stale)
        window.sessionLoaded.connect(lambda _id: self._announce())
        self._thread.start()
        self._heartbeat.start()
        self._expiry.start()

    @property
    def active(self) -> bool:
        return self._listener is not None

    def stop(self) -> None:
        """At close: stop listening and tell the others this member left."""
        if self._listener is None:
            return
        self._heartbeat.stop()
        self._expiry.stop()
        self._listener.stop()
        self._send(live.LEFT)
        if self._thread is not None:
            self._thread.join(2)
        self._listener = None

    # -- presence ------------------------------------------------------------------------

    def _member(self) -> str | None:
        actor = self.window.actor
        return getattr(actor, "name", None) if actor is not None else None

    def _announce(self) -> None:
        self._send(live.PRESENCE)

    def _send(self, kind: str) -> None:
        if not self.reachable or self.window.server_trouble.down:
            return  # a courtesy never worth waiting for a server that does not answer
        try:
            live.announce(self.window.database.engine, self.window.session_id, self._member(), kind)
        except Exception:  # presence is a courtesy: the next heartbeat says it again
            return

    def _heard_presence(self, change: live.Change) -> None:
        name = change.member or self.tr("someone")
        if change.kind == live.LEFT or change.session_id is None:
            self.present.pop(name, None)
        else:
            self.present[name] = (change.session_id, time.monotonic())
        self._show_presence()

    def _forget_stale(self) -> None:
        now = time.monotonic()
        stale = [n for n, (_s, at) in self.present.items() if now - at > live.PRESENCE_TTL_S]
        for name in stale:
            del self.present[name]
        if stale:
            self._show_presence()

    def _show_presence(self) -> None:
        by_session: dict[int, list[str]] = {}
        for name, (session_id, _at) in sorted(self.present.items()):
            by_session.setdefault(session_id, []).append(name)
        self.window.sidebar.model.set_present(by_session)

    # -- changes ---------------------------------------------------------------------------

    def _apply(self, change: live.Change) -> None:
        try:
            self._apply_change(change)
        except StudyappError as error:
            # The server went away between the notice and the reading of it: said like any
            # other loss; when it is back, the open session is read again in full.
            self.window.server_trouble.lost(describe(error))

    def _apply_change(self, change: live.Change) -> None:
        if change.kind in (live.PRESENCE, live.LEFT):
            if not change.mine:
                self._heard_presence(change)
            return
        if change.mine:
            return  # this window's own save: shown already
        w = self.window
        if change.session_id is None:  # a group's own to-do list
            w.checklist.model.reload()
            return
        if change.kind == live.SESSION and w.sidebar.model.row_of(change.session_id) is None:
            w.sidebar.reload(keep=w.session_id)  # a new session, or one back from the trash
        else:
            w.sidebar.refresh_row(change.session_id)
        if change.session_id == w.session_id:
            self.refresh_open_session(change.version)

    def refresh_open_session(self, version: int | None = None) -> None:
        """Bring the open session up to the stored one, keeping what is being typed."""
        w = self.window
        session_id = w.session_id
        if session_id is None:
            return
        if w.save_queue.pending_value(("body", session_id)) is not None:
            w.flush()  # saved against what it was based on: merged with theirs in core
            w.checklist.model.reload()
            return
        based_on = w.body_saver.based_on(session_id)
        try:
            detail = w.sessions.get(session_id)
        except StudyappError:
            return
        if based_on is not None and based_on[0] >= detail.version and version is not None:
            w.checklist.model.reload()
            return
        if detail.body != w.body_editor.toPlainText():
            w.body_saver.applying = True
            try:
                apply_changed_lines(w.body_editor, detail.body)
            finally:
                w.body_saver.applying = False
            w.meeting.refresh_outline()
        w.body_saver.loaded(session_id, detail.version, detail.body, pending=False)
        w.checklist.model.reload()
        w.sidebar.refresh_row(session_id)

    # -- the server ------------------------------------------------------------------------

    def _server_state(self, reason: object) -> None:
        if reason is None:
            was_lost = not self.reachable
            self.reachable = True
            if was_lost:
                # What happened while away was not heard: read it now, save what waited.
                try:
                    self.window.server_trouble.back()
                    self.window.sidebar.reload(keep=self.window.session_id)
                    self.refresh_open_session()
                    self._announce()
                except StudyappError as error:  # gone again already: the save queue retries
                    self.window.server_trouble.lost(describe(error))
            return
        self.reachable = False
        self.window.server_trouble.lost(str(reason))
