"""Looking up, now and then, the details of papers kept by their id alone.

A round reads which papers wait (one quick query on the GUI thread), asks arXiv and Crossref
on a worker thread, and fills each answer in on the GUI thread, where every other write of
the window happens. The worker only talks to the network: it is a daemon thread that the
window never waits for, so closing while offline does not hang on a timeout; an answer that
arrives after the window closed is dropped.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QWidget

from studyapp.core.db import Database
from studyapp.core.dto import PaperInfo
from studyapp.core.errors import StudyappError
from studyapp.core.papers.fields import PaperFields
from studyapp.core.papers.metadata import MetadataError, MetadataFetcher, MetadataUnavailable
from studyapp.core.services.paper_details import PendingPapers, service_of

FIRST_DELAY_MS = 3000  # after the window is up
INTERVAL_MS = 5 * 60 * 1000


class PendingLookups(QObject):
    """``filled(paper_id, fields)`` after a paper's details were filled in;
    ``roundFinished(filled, unanswered)`` after each round."""

    filled = Signal(int, object)
    roundFinished = Signal(int, int)
    # From the worker thread; queued to this object's (the GUI) thread.
    _answered = Signal(int, object)
    _round_done = Signal(int, int, object)

    def __init__(
        self,
        database: Database,
        parent: QObject | None = None,
        *,
        fetcher: MetadataFetcher | None = None,
    ) -> None:
        super().__init__(parent)
        self._pending = PendingPapers(database, fetcher=fetcher)
        self._running = False
        self._stopped = threading.Event()
        self._unknown: set[int] = set()  # "no such paper": not asked again while open
        self._filled_this_round = 0
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.check_now)
        self._answered.connect(self._fill_in)
        self._round_done.connect(self._finish_round)

    def start(self, first_delay_ms: int = FIRST_DELAY_MS) -> None:
        """A round soon, then one every few minutes."""
        self._stopped.clear()
        QTimer.singleShot(first_delay_ms, self, self.check_now)
        self._timer.start()

    def stop(self) -> None:
        """No more rounds; a round under way delivers nothing more."""
        self._stopped.set()
        self._timer.stop()

    def is_running(self) -> bool:
        return self._running

    def _window_closed(self) -> bool:
        # A closed window has given its database up: nothing more is read or written.
        owner = self.parent()
        return isinstance(owner, QWidget) and not owner.window().isVisible()

    @Slot()
    def check_now(self) -> bool:
        """Start a round unless one is running or nothing waits; True when one started."""
        if self._running or self._stopped.is_set() or self._window_closed():
            return False
        try:
            waiting = [p for p in self._pending.waiting() if p.id not in self._unknown]
        except StudyappError:
            return False  # the database is busy or gone: the next round tries again
        if not waiting:
            return False
        self._running = True
        self._filled_this_round = 0
        threading.Thread(
            target=self._ask, args=(waiting,), name="paper-lookups", daemon=True
        ).start()
        return True

    # -- the worker thread -----------------------------------------------------------------

    def _ask(self, waiting: list[PaperInfo]) -> None:
        silent: set[str] = set()  # a service that did not answer is not asked again
        unanswered = 0
        unknown: list[int] = []
        for paper in waiting:
            if self._stopped.is_set():
                break
            service = service_of(paper)
            if service in silent:
                unanswered += 1
                continue
            try:
                fields = self._pending.fetch(paper)
            except MetadataUnavailable:
                silent.add(service)
                unanswered += 1
                continue
            except MetadataError:
                unknown.append(paper.id)
                continue
            self._emit(self._answered, paper.id, fields)
        self._emit(self._round_done, len(waiting), unanswered, tuple(unknown))

    def _emit(self, signal: SignalInstance, *values: object) -> None:
        if self._stopped.is_set():
            return
        # Deleted with its window (RuntimeError): nobody is listening any more.
        with contextlib.suppress(RuntimeError):
            signal.emit(*values)

    # -- back on the GUI thread ------------------------------------------------------------

    @Slot(int, object)
    def _fill_in(self, paper_id: int, fields: object) -> None:
        if self._stopped.is_set() or self._window_closed() or not isinstance(fields, PaperFields):
            return
        try:
            done = self._pending.fill_in(paper_id, fields)
        except StudyappError:
            return  # trashed meanwhile, or the database is busy: asked again next round
        if done.fields:
            self._filled_this_round += 1
            self.filled.emit(paper_id, done.fields)

    @Slot(int, int, object)
    def _finish_round(self, _asked: int, unanswered: int, unknown: object) -> None:
        self._running = False
        if isinstance(unknown, tuple):
            self._unknown.update(unknown)
        if not self._stopped.is_set():
            self.roundFinished.emit(self._filled_this_round, unanswered)
