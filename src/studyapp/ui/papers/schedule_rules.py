"""The schedule presets the dialog offers, as RFC 5545 RRULE text and back."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKLY, BIWEEKLY, MONTHLY, ADVANCED = "weekly", "biweekly", "monthly", "advanced"
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
NTHS = (1, 2, 3, 4, -1)  # -1: the last one of the month

_PART = re.compile(r"^[A-Z]+=[A-Z0-9,+-]+$")


@dataclass(frozen=True)
class Preset:
    kind: str
    weekday: int = 0  # 0 = Monday
    time: dt.time = dt.time(19, 0)
    nth: int = 1


def build_rule(preset: Preset) -> str:
    day = DAYS[preset.weekday]
    at = f"BYHOUR={preset.time.hour};BYMINUTE={preset.time.minute}"
    if preset.kind == BIWEEKLY:
        return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={day};{at}"
    if preset.kind == MONTHLY:
        return f"FREQ=MONTHLY;BYDAY={preset.nth}{day};{at}"
    return f"FREQ=WEEKLY;BYDAY={day};{at}"


def parse_rule(rule: str) -> Preset | None:
    """The preset ``rule`` was built from, or None for any other rule (shown as advanced)."""
    text = rule.strip().removeprefix("RRULE:")
    parts = [part for part in text.split(";") if part]
    if not parts or not all(_PART.match(part) for part in parts):
        return None
    fields = dict(part.split("=", 1) for part in parts)
    try:
        at = dt.time(int(fields.pop("BYHOUR", "0")), int(fields.pop("BYMINUTE", "0")))
    except ValueError:
        return None
    freq, byday = fields.pop("FREQ", ""), fields.pop("BYDAY", "")
    interval = fields.pop("INTERVAL", "1")
    if fields:
        return None
    match = re.fullmatch(r"([+-]?\d)?([A-Z]{2})", byday)
    if match is None or match.group(2) not in DAYS:
        return None
    weekday = DAYS.index(match.group(2))
    nth = int(match.group(1)) if match.group(1) else None
    if freq == "WEEKLY" and nth is None and interval in ("1", "2"):
        return Preset(BIWEEKLY if interval == "2" else WEEKLY, weekday, at)
    if freq == "MONTHLY" and nth in NTHS and interval == "1":
        return Preset(MONTHLY, weekday, at, nth)
    return None
