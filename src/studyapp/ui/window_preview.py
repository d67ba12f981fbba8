"""When the main window's preview tab renders: only while it is shown, a moment after
typing stops, and after a session switch has painted (the page itself is made by a worker
process, but reading the minutes out and setting the "Rendering…" page took a frame)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTabWidget

from studyapp.core.dto import SessionDetail
from studyapp.core.errors import StudyappError
from studyapp.core.services.attachments import AttachmentService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.images import image_data
from studyapp.ui.preview import PreviewBrowser

PREVIEW_DELAY_MS = 400


class PreviewDuty(QObject):
    def __init__(
        self,
        preview: PreviewBrowser,
        tabs: QTabWidget,
        sessions: SessionService,
        images: AttachmentService,
        session_id: Callable[[], int | None],
        flush: Callable[[], object],
    ) -> None:
        super().__init__(preview)
        self._preview = preview
        self._tabs = tabs
        self._sessions = sessions
        self._session_id = session_id
        self._flush = flush
        self._images = images
        preview.image_source = self._image_data  # the open session's pasted images
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._opened: SessionDetail | None = None
        self._after_switch = QTimer(self, singleShot=True, interval=0)
        self._after_switch.timeout.connect(self._show_opened)

    def shown(self) -> bool:
        return self._tabs.currentWidget() is self._preview

    def schedule(self) -> None:
        """Something shown changed: render again once typing pauses (if it is shown)."""
        if self.shown():
            self._timer.start()

    def opened(self, detail: SessionDetail | None) -> None:
        """A session was opened: render it after the switch has painted, if shown."""
        if self.shown():
            self._preview.show_waiting(detail)  # never the session before meanwhile
            self._opened = detail
            self._after_switch.start()

    def _show_opened(self) -> None:
        detail, self._opened = self._opened, None
        if self.shown() and (detail.id if detail else None) == self._session_id():
            self._preview.show_session(detail)

    def _image_data(self, name: str) -> bytes | None:
        session_id = self._session_id()
        return None if session_id is None else image_data(self._images, session_id, name)

    def refresh(self, detail: SessionDetail | None = None) -> None:
        """Render the open session now (when shown, or when ``detail`` is given)."""
        if not self.shown() and detail is None:
            return
        session_id = self._session_id()
        if detail is None and session_id is not None:
            self._flush()
            try:
                detail = self._sessions.get(session_id)
            except StudyappError:
                detail = None
        self._preview.show_session(detail)
