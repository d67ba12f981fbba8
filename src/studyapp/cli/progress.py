"""One updating progress line on a terminal; silent when stderr is a pipe or a file."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TextIO

# Redrawing more often than this only costs time on slow terminals.
MIN_INTERVAL_S = 0.1


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class ProgressLine:
    """``Importing 120/1000 …`` redrawn in place with a carriage return."""

    def __init__(self, stream: TextIO, verb: str, *, enabled: bool | None = None) -> None:
        self.stream = stream
        self.verb = verb
        self.enabled = is_terminal(stream) if enabled is None else enabled
        self._last = 0.0
        self._shown = False

    def update(self, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        finished = total is not None and done >= total
        if not finished and now - self._last < MIN_INTERVAL_S:
            return
        self._last = now
        count = f"{done}/{total}" if total is not None else str(done)
        self.stream.write(f"\r\x1b[K{self.verb} {count} …")
        self.stream.flush()
        self._shown = True

    def for_import(self, done: int, total: int, _path: Path) -> None:
        self.update(done, total)

    def clear(self) -> None:
        """Erase the line so the results print on a clean one."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.clear()
