"""A slot's time: the clock the window's timer shows and the line the minutes write.

Apart from the exporter so the window's slot timer can start without loading it (and YAML).
"""

from __future__ import annotations

DEFAULT_TIMEBOX_MINUTES = 20  # what a slot without its own time box is measured against


def format_clock(seconds: int) -> str:
    """``18:30``; ``1:05:07`` from an hour on."""
    minutes, secs = divmod(max(0, int(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def timing_line(duration_seconds: int | None, timebox_minutes: int | None) -> str:
    """``⏱ 18:30 / 20:00`` (time used / time box), or ``""`` for a slot never timed."""
    if duration_seconds is None:
        return ""
    box = DEFAULT_TIMEBOX_MINUTES if timebox_minutes is None else timebox_minutes
    return f"⏱ {format_clock(duration_seconds)} / {format_clock(box * 60)}"
