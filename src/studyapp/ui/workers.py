"""Running one slow service call off the GUI thread, with progress and a cancel flag.

A ``BackgroundJob`` owns a ``QThread`` for the length of one call. The work function gets a
``JobControl`` to report progress and to ask whether the user cancelled; everything it
reports reaches the GUI thread through queued signals. The job's owner must call
``shutdown()`` before it goes away (dialogs do so when they close), so no thread outlives
the window that started it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from studyapp.core.errors import StudyappError
from studyapp.ui.errors_shown import describe

_log = logging.getLogger(__name__)


class JobControl:
    """What the work function sees: a progress reporter and a thread-safe cancel flag."""

    def __init__(self, report: Callable[[int, int, str], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, label: str = "") -> None:
        """``done`` of ``total`` steps (``total`` < 0: unknown), ``label`` names the step."""
        self._report(done, total, label)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Thread(QThread):
    # Emitted from the worker thread; BackgroundJob receives them queued on the GUI thread.
    reported = Signal(int, int, str)
    returned = Signal(object)
    raised = Signal(object)

    def __init__(self, work: Callable[[JobControl], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.control = JobControl(self.reported.emit)

    def run(self) -> None:
        try:
            result = self._work(self.control)
        except StudyappError as error:
            self.raised.emit(error)
        except Exception as error:  # a bug must still end the job with a message, not hang it
            _log.exception("background job failed")
            self.raised.emit(error)
        else:
            self.returned.emit(result)


class BackgroundJob(QObject):
    """One call of ``work(control)`` on its own thread; results come back as signals.

    ``progress``, then exactly one of ``succeeded``/``failed``, then ``finished`` are all
    emitted on the GUI thread. By the time ``finished`` is emitted the thread has ended.
    """

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, work: Callable[[JobControl], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = _Thread(work, self)
        queued = Qt.ConnectionType.QueuedConnection
        self._thread.reported.connect(self._on_reported, queued)
        self._thread.returned.connect(self._on_returned, queued)
        self._thread.raised.connect(self._on_raised, queued)
        self._started = False
        self._done = False
        app = QCoreApplication.instance()
        if app is not None:  # a job still running at exit must not abort the process
            app.aboutToQuit.connect(self.shutdown)

    def start(self) -> None:
        if self._started:
            raise RuntimeError("a BackgroundJob runs once; make a new one")
        self._started = True
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next check; it may still finish what it is doing."""
        self._thread.control.cancel()

    def is_cancelled(self) -> bool:
        return self._thread.control.cancelled()

    def is_running(self) -> bool:
        """Started and its result not yet delivered."""
        return self._started and not self._done

    def wait(self, msecs: int = -1) -> bool:
        """Block until the thread has ended (True) or ``msecs`` passed (False)."""
        if not self._started:
            return True
        return self._thread.wait() if msecs < 0 else self._thread.wait(msecs)

    @Slot()
    def shutdown(self) -> None:
        """Cancel and wait for the thread: call before the owner goes away."""
        self.cancel()
        self.wait()

    @Slot(int, int, str)
    def _on_reported(self, done: int, total: int, label: str) -> None:
        if not self._done:
            self.progress.emit(done, total, label)

    @Slot(object)
    def _on_returned(self, result: object) -> None:
        self._finish()
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_raised(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, StudyappError):
            message = describe(error)
        else:
            detail = str(error) or type(error).__name__
            message = self.tr("Something went wrong: {detail}").format(detail=detail)
        self.failed.emit(message)
        self.finished.emit()

    def _finish(self) -> None:
        # The result is the thread's last act, so this wait is only for run() to return.
        self._thread.wait()
        self._done = True
