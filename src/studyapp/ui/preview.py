"""The rendered minutes, with the session's own images resolved from the database.

Notes are rendered in a worker process (core/markdown/render_worker.py), never on the GUI
thread: the window stays responsive whatever a note holds. The newest request wins; an
older one's result is dropped, and a render that takes longer than ``time_limit_ms`` is
ended with its process, the preview saying so.
"""

from __future__ import annotations

import html
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, QProcess, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from studyapp.core.dto import SessionDetail

WORKER = "studyapp.core.markdown.render_worker"
TIME_LIMIT_MS = 5000
# A newer request does not wait longer than this for an older render to finish: the older
# one's process is ended and a fresh one renders the newer note.
STALE_AFTER_MS = 1000


class PreviewRenderer(QObject):
    """Renders Markdown in a worker process, one request at a time."""

    rendered = Signal(int, str)  # request number, sanitized HTML
    failed = Signal(int, str)  # request number, "slow" or why the note could not be rendered

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.time_limit_ms = TIME_LIMIT_MS
        self._process: QProcess | None = None
        self._buffer = bytearray()
        self._latest = 0
        self._pending: dict[str, Any] | None = None
        self._running: int | None = None  # the request the process is rendering
        self._clock = QElapsedTimer()
        self._limit = QTimer(self, singleShot=True)
        self._limit.timeout.connect(self._too_slow)

    def render(self, text: str, images: Iterable[str]) -> int:
        """Ask for ``text`` rendered; returns the request's number (signals carry it)."""
        self._latest += 1
        self._pending = {"id": self._latest, "text": text, "images": list(images)}
        if self._running is None:
            self._send_pending()
        else:  # the render under way is no longer wanted: a moment more, not its whole time
            left = min(self.time_limit_ms, STALE_AFTER_MS) - self._clock.elapsed()
            self._limit.start(max(0, left))
        return self._latest

    def is_busy(self) -> bool:
        return self._running is not None or self._pending is not None

    def shutdown(self) -> None:
        self._pending = None
        self._stop_process()

    def _send_pending(self) -> None:
        request, self._pending = self._pending, None
        if request is None:
            return
        process = self._process or self._start_process()
        data = json.dumps(request).encode("ascii")
        process.write(b"%d\n%s" % (len(data), data))
        self._running = int(request["id"])
        self._clock.start()
        self._limit.start(self.time_limit_ms)

    def _start_process(self) -> QProcess:
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(["-m", WORKER])
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._ended)
        process.errorOccurred.connect(self._error)
        self._buffer.clear()
        self._process = process
        process.start()
        return process

    def _stop_process(self) -> None:
        self._limit.stop()
        self._running = None
        process, self._process = self._process, None
        if process is None:
            return
        for signal in (process.readyReadStandardOutput, process.finished, process.errorOccurred):
            signal.disconnect()
        process.kill()
        process.waitForFinished(2000)
        process.deleteLater()

    @Slot()
    def _read(self) -> None:
        if self._process is None:
            return
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        while (reply := self._take_reply()) is not None:
            self._limit.stop()
            self._running = None
            number = int(reply.get("id", 0))
            if number == self._latest:  # an older request's result is dropped
                if "html" in reply:
                    self.rendered.emit(number, str(reply["html"]))
                else:
                    self.failed.emit(number, str(reply.get("error", "")))
            self._send_pending()

    def _take_reply(self) -> dict[str, Any] | None:
        header, newline, rest = bytes(self._buffer).partition(b"\n")
        if not newline:
            return None
        try:
            size = int(header)
            if len(rest) < size:
                return None
            reply = json.loads(rest[:size].decode("ascii"))
        except ValueError:  # not the worker speaking: start afresh
            self._buffer.clear()
            return {"id": self._running or 0, "error": self.tr("the renderer stopped")}
        del self._buffer[: len(header) + 1 + size]
        return reply if isinstance(reply, dict) else {}

    @Slot()
    def _too_slow(self) -> None:
        number = self._running
        self._stop_process()
        if number == self._latest:
            self.failed.emit(number, "slow")
        self._send_pending()

    @Slot()
    def _ended(self) -> None:
        self._lost(self.tr("the renderer stopped"))

    @Slot(QProcess.ProcessError)
    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._lost(self.tr("the renderer could not start"))

    def _lost(self, reason: str) -> None:
        number = self._running
        self._stop_process()
        if number is not None and number == self._latest:
            self.failed.emit(number, reason)
        self._send_pending()


class PreviewBrowser(QTextBrowser):
    rendered = Signal()  # the newest session's page (or what stopped it) is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenExternalLinks(True)
        # Reads an image kept with the shown session by its file name (None: not ours).
        self.image_source: Callable[[str], bytes | None] | None = None
        self.renderer = PreviewRenderer(self)
        self.renderer.rendered.connect(self._show_rendered)
        self.renderer.failed.connect(self._show_failure)
        self._request: int | None = None
        self._session_id: int | None = None
        self._header = ""

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        name = url.toString() if isinstance(url, QUrl) else url
        if (
            kind == QTextDocument.ResourceType.ImageResource.value
            and self.image_source
            and "/" not in name
            and ":" not in name
        ):
            data = self.image_source(name)
            if data:
                return QImage.fromData(data)
        return super().loadResource(kind, url)

    def show_session(self, detail: SessionDetail | None) -> None:
        """Render the session as its exported minutes (in the worker), keeping the scroll
        position when it is the session already shown."""
        if not self.show_waiting(detail) or detail is None:
            return
        # Python-Markdown loads on the first preview, not at every start.
        from studyapp.core.markdown.exporter import render_body

        # The note as written (a blog post's body names its images by their blog address).
        self._request = self.renderer.render(render_body(detail, "html"), detail.attachments)

    def show_waiting(self, detail: SessionDetail | None) -> bool:
        """The session's title and "Rendering…" in place of another session's page (cheap:
        the page itself may follow a moment later). False when there is nothing to show."""
        if detail is None:
            self._request = self._session_id = None
            self.clear()
            return False
        meta = " · ".join((detail.date.isoformat(), detail.group, detail.kind, detail.status))
        self._header = f"<h1>{html.escape(detail.title)}</h1><p><i>{html.escape(meta)}</i></p>"
        if detail.id != self._session_id:  # never another session's page meanwhile
            self._session_id = detail.id
            self._request = None  # a page of the session before is not shown when it comes
            waiting = html.escape(self.tr("Rendering…"))
            self.setHtml(f"{self._header}<p><i>{waiting}</i></p>")
        return True

    def is_rendering(self) -> bool:
        return self._request is not None

    def shutdown(self) -> None:
        self._request = None
        self.renderer.shutdown()

    @Slot(int, str)
    def _show_rendered(self, number: int, fragment: str) -> None:
        if number == self._request:
            self._show(fragment)

    @Slot(int, str)
    def _show_failure(self, number: int, reason: str) -> None:
        if number != self._request:
            return
        if reason == "slow":
            message = self.tr(
                "This note takes too long to show here; the Session tab has it as written."
            )
        else:
            message = self.tr(
                "This note cannot be shown here ({reason}); the Session tab has it as written."
            ).format(reason=reason)
        self._show(f"<p><i>{html.escape(message)}</i></p>")

    def _show(self, fragment: str) -> None:
        self._request = None
        scroll = self.verticalScrollBar().value()
        self.setHtml(self._header + fragment)
        self.verticalScrollBar().setValue(scroll)
        self.rendered.emit()
