"""A group's meeting schedule as an RFC 5545 recurrence rule (python-dateutil).

Occurrences are computed in the group's local wall-clock time and only then given the zone,
so a 19:00 meeting stays at 19:00 local across a daylight-saving change.

A rule without its own ``DTSTART`` is anchored at a fixed Monday (:data:`ANCHOR`), so the
phase of "every two weeks" never depends on when the question is asked. A rule may carry a
``DTSTART`` line to choose the phase; its time of day is used when the rule has no BYHOUR.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator

from dateutil.rrule import rrule, rrulestr

from studyapp.core.errors import ValidationError
from studyapp.core.timezones import tzinfo_for

ANCHOR = dt.datetime(2024, 1, 1)  # a Monday, midnight
HORIZON = dt.timedelta(days=5 * 366)  # a rule must meet at least once within this
_MAX_RULE_LENGTH = 1000


def normalize_rule(rule: str) -> str:
    """The rule text as stored: trimmed lines, without an ``RRULE:`` prefix on a lone rule."""
    lines = [line.strip() for line in rule.strip().splitlines() if line.strip()]
    if len(lines) == 1 and lines[0].upper().startswith("RRULE:"):
        return lines[0][len("RRULE:") :].strip()
    return "\n".join(lines)


def parse_rule(rule: str) -> rrule:
    """The dateutil rule for ``rule`` (naive, local wall-clock); ValidationError if bad."""
    text = normalize_rule(rule)
    if not text:
        raise ValidationError("The recurrence rule is empty.")
    if len(text) > _MAX_RULE_LENGTH:
        raise ValidationError("The recurrence rule is too long.")
    has_start = "DTSTART" in text.upper()
    try:
        if has_start:
            parsed = rrulestr(text, ignoretz=True)
        else:
            parsed = rrulestr(text, dtstart=ANCHOR, ignoretz=True)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise ValidationError(
            "Not a valid recurrence rule: {text} ({error})", text=text, error=error
        ) from None
    if not isinstance(parsed, rrule):
        # EXDATE/RDATE lines make a set; skipped dates are kept apart instead.
        raise ValidationError(
            "Not a valid recurrence rule: {text} (give one RRULE, optionally with DTSTART)",
            text=text,
        )
    return parsed


def _fields(recurrence: rrule, name: str) -> set[int] | None:
    value = getattr(recurrence, name, None)  # parsed BY* parts; dateutil has no public getters
    if not value:
        return None
    return {item[0] if isinstance(item, tuple) else int(item) for item in value}


def _may_meet_on(recurrence: rrule, day: dt.date) -> bool:
    """Whether ``day`` passes the rule's date filters (week numbers and BYSETPOS not checked)."""
    months = _fields(recurrence, "_bymonth")
    if months is not None and day.month not in months:
        return False
    month_days = _fields(recurrence, "_bymonthday") or set()
    from_end = _fields(recurrence, "_bynmonthday") or set()
    if month_days or from_end:
        following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        month_length = (following - dt.timedelta(days=1)).day
        if day.day not in month_days and day.day - month_length - 1 not in from_end:
            return False
    weekdays = (_fields(recurrence, "_byweekday") or set()) | (
        _fields(recurrence, "_bynweekday") or set()
    )
    if weekdays and day.weekday() not in weekdays:
        return False
    year_days = _fields(recurrence, "_byyearday")
    if year_days is not None:
        number = day.timetuple().tm_yday
        year_length = 366 if dt.date(day.year, 12, 31).timetuple().tm_yday == 366 else 365
        if number not in year_days and number - year_length - 1 not in year_days:
            return False
    return True


def _never_meets(recurrence: rrule, start: dt.date, within: dt.timedelta) -> bool:
    # dateutil looks up to the year 9999 for a day that never comes (February 31), which
    # takes seconds; checking the date filters day by day over the window takes a millisecond.
    return not any(
        _may_meet_on(recurrence, start + dt.timedelta(days=offset))
        for offset in range(within.days + 1)
    )


def _bounded(recurrence: rrule, until: dt.datetime) -> rrule | None:
    """The rule cut off at ``until``; None when it never meets before then."""
    # dateutil has no public getters for these.
    own_until: dt.datetime | None = getattr(recurrence, "_until", None)
    own_count: int | None = getattr(recurrence, "_count", None)
    own_start: dt.datetime = getattr(recurrence, "_dtstart", ANCHOR)
    if own_until is not None and own_until < until:
        return recurrence
    if own_count is None:
        return recurrence.replace(until=until)
    # UNTIL and COUNT cannot go together: probe without the count first; a rule that meets
    # at all repeats regularly, so the counted search then ends by itself.
    probe = recurrence.replace(count=None, until=until)
    if probe.after(own_start, inc=True) is None:
        return None
    return recurrence


def has_time_of_day(rule: str) -> bool:
    """Whether the rule (or its DTSTART) says at what time the meetings start."""
    upper = normalize_rule(rule).upper()
    if "BYHOUR" in upper:
        return True
    for line in upper.splitlines():
        if line.startswith("DTSTART") and "T" in line.rsplit(":", 1)[-1]:
            return True
    return False


def occurrences(
    rule: str,
    timezone: str,
    after: dt.datetime,
    *,
    skipped: Collection[dt.date] = (),
    within: dt.timedelta = HORIZON,
) -> Iterator[dt.datetime]:
    """Meetings at or after ``after`` (aware), in the group's zone, skipped dates left out."""
    zone = tzinfo_for(timezone)
    recurrence = parse_rule(rule)
    local_after = after.astimezone(zone).replace(tzinfo=None)
    if _never_meets(recurrence, local_after.date(), within):
        return
    bounded = _bounded(recurrence, local_after + within)
    if bounded is None:
        return
    skipped_days = set(skipped)
    for found in bounded.xafter(local_after, inc=True):
        if found > local_after + within:
            return
        if found.date() in skipped_days:
            continue
        yield found.replace(tzinfo=zone)


def check_rule(rule: str, timezone: str, now: dt.datetime | None = None) -> None:
    """Raise ValidationError unless the rule meets at least once in the next five years."""
    moment = now or dt.datetime.now(dt.UTC)
    if next(occurrences(rule, timezone, moment), None) is None:
        raise ValidationError(
            "The recurrence rule {rule} has no meeting in the next five years.",
            rule=normalize_rule(rule),
        )


def next_meeting(
    rule: str, timezone: str, after: dt.datetime, skipped: Collection[dt.date] = ()
) -> dt.datetime | None:
    """The first meeting of ``rule`` at or after ``after``, in the group's zone."""
    return next(occurrences(rule, timezone, after, skipped=skipped), None)
