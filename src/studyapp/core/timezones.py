"""Time zones as users give them: IANA names ("Asia/Seoul") or fixed offsets ("+09:00")."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from studyapp.core.errors import ValidationError

_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?$")


def tzinfo_for(name: str) -> dt.tzinfo:
    """The tzinfo a stored time-zone text stands for; raises ValidationError if unknown."""
    text = name.strip()
    if text.upper() in {"UTC", "Z", "GMT", ""}:
        return dt.UTC
    match = _OFFSET.match(text)
    if match:
        sign = -1 if match[1] == "-" else 1
        delta = dt.timedelta(hours=int(match[2]), minutes=int(match[3] or 0))
        if delta >= dt.timedelta(hours=24):
            raise ValidationError("Unknown time zone: {name}", name=name)
        return dt.timezone(sign * delta)
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError("Unknown time zone: {name}", name=name) from error


def offset_name(offset: dt.timedelta) -> str:
    """``+09:00`` for a nine-hour offset; ``UTC`` for none."""
    if not offset:
        return "UTC"
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def local_timezone_name() -> str:
    """This machine's zone as an offset (IANA names are not portable to read here)."""
    offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta(0)
    return offset_name(offset)


def aware_start(date: dt.date, time: dt.time | None, timezone: str) -> dt.datetime:
    """The meeting's start as an aware datetime; midnight when no time is known."""
    try:
        tz = tzinfo_for(timezone)
    except ValidationError:
        tz = dt.UTC
    return dt.datetime.combine(date, time or dt.time(0, 0), tzinfo=tz)
