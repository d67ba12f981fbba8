"""A group's meeting schedule as an RFC 5545 recurrence rule (python-dateutil)."""

from __future__ import annotations

import datetime as dt

from dateutil.rrule import rrulestr

from studyapp.core.errors import ValidationError
from studyapp.core.timezones import tzinfo_for


def next_meeting(rule: str, timezone: str, after: dt.datetime) -> dt.datetime | None:
    """The first meeting of ``rule`` at or after ``after``, in the group's zone."""
    zone = tzinfo_for(timezone)
    local_after = after.astimezone(zone).replace(tzinfo=None)
    start = local_after.replace(hour=0, minute=0, second=0, microsecond=0)
    try:
        recurrence = rrulestr(rule, dtstart=start - dt.timedelta(days=400), ignoretz=True)
    except (ValueError, TypeError) as error:
        raise ValidationError(f"Not a valid recurrence rule: {rule} ({error})") from None
    found = recurrence.after(local_after, inc=True)
    return None if found is None else found.replace(tzinfo=zone)
