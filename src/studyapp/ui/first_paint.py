"""Work a window does not need for its first picture, run once that picture is on screen.

A backup's check of the whole file, thinning old revisions and the papers' network lookups
all start on the GUI thread; done before the first paint, each made the window appear later.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Runs the work given to :meth:`add` once ``window`` (or a widget in it) has painted,
    in the order given; work added after that runs at the next turn of the event loop."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._pending: list[Callable[[], object]] = []
        self.painted = False
        # The window's own events only (a filter on the application slowed every event of
        # it): its update request is the pass that paints it and every widget in it.
        window.installEventFilter(self)

    def add(self, work: Callable[[], object]) -> None:
        if self.painted:
            QTimer.singleShot(0, self, work)
        else:
            self._pending.append(work)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.painted
            and watched is self._window
            and event.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest)
        ):
            self.painted = True
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after this paint pass has finished
        return False

    def _run(self) -> None:
        pending, self._pending = self._pending, []
        if not self._window.isVisible():
            return  # closed already: what would have run has nothing left to run on
        for work in pending:
            work()
