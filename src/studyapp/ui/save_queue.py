"""Debounced saving that never drops text.

Widgets mark what changed with a reader (the current value, read at save time) and a
writer (a service call). About a second after the last change, or at once on ``flush()``,
every pending value is written. A failed write keeps the value it read, so the widget may
move on to another session while the write is retried every few seconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from studyapp.core.errors import StudyappError
from studyapp.ui.errors_shown import describe

DEBOUNCE_MS = 800
RETRY_MS = 3000
# Someone typing without a pause is still saved at least this often.
MAX_WAIT_MS = 1000


@dataclass
class _Pending:
    read: Callable[[], Any]
    write: Callable[[Any], None]


class SaveQueue(QObject):
    saving = Signal()
    saved = Signal(dt.datetime)
    failed = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        retry_ms: int = RETRY_MS,
    ) -> None:
        super().__init__(parent)
        self._pending: dict[Hashable, _Pending] = {}
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._debounce.timeout.connect(self.flush)
        self._retry = QTimer(self, singleShot=True, interval=retry_ms)
        self._retry.timeout.connect(self.flush)
        self._longest = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._longest.timeout.connect(self.flush)
        self._flushing = False
        # Why the write of a key must wait now (the server away), or None: it is kept, as
        # a failed write is, and tried again later.
        self.hold: Callable[[Hashable], StudyappError | None] | None = None

    def mark(self, key: Hashable, read: Callable[[], Any], write: Callable[[Any], None]) -> None:
        """``key`` changed; save ``read()`` through ``write`` soon."""
        self._pending[key] = _Pending(read, write)
        self._debounce.start()
        if not self._longest.isActive():
            self._longest.start()
        self.saving.emit()

    def has_pending(self) -> bool:
        return bool(self._pending)

    def pending_value(self, key: Hashable) -> Any | None:
        """The unsaved value for ``key`` (newer than the database's), if any."""
        job = self._pending.get(key)
        return None if job is None else job.read()

    def flush(self) -> bool:
        """Write everything pending now; True when nothing is left unsaved."""
        if self._flushing or not self._pending:
            return not self._pending
        self._flushing = True
        self._debounce.stop()
        self._longest.stop()
        error: StudyappError | None = None
        try:
            for key, job in list(self._pending.items()):
                value = job.read()
                try:
                    waits = self.hold(key) if self.hold is not None else None
                    if waits is not None:
                        raise waits
                    job.write(value)
                except StudyappError as failure:
                    error = failure
                    # Freeze the value: the widget may show other text by the retry.
                    self._pending[key] = _Pending(lambda v=value: v, job.write)
                else:
                    if self._pending.get(key) is job:
                        del self._pending[key]
        finally:
            self._flushing = False
        if error is not None:
            self._retry.start()
            self.failed.emit(describe(error))
            return False
        self._retry.stop()
        self.saved.emit(dt.datetime.now())
        return True

    def stop(self) -> None:
        """Stop the timers (at close, after the last flush)."""
        self._debounce.stop()
        self._longest.stop()
        self._retry.stop()
