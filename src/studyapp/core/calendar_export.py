"""Upcoming sessions as an iCalendar (RFC 5545) file, built with the icalendar library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from studyapp import __version__
from studyapp.core.errors import ValidationError
from studyapp.core.timezones import tzinfo_for

DEFAULT_DURATION = dt.timedelta(hours=2)
PRODID = f"-//studyapp//studyapp {__version__}//EN"


@dataclass(frozen=True)
class Slot:
    presenter: str | None
    paper: str | None  # the paper's title, or the slot's own title


@dataclass(frozen=True)
class CalendarEvent:
    session_id: int
    title: str
    group: str
    date: dt.date
    start_time: dt.time | None
    timezone: str
    slots: tuple[Slot, ...] = ()
    duration: dt.timedelta | None = None


def event_uid(session_id: int) -> str:
    """Stable per session, so a calendar that imports the file again updates, not duplicates."""
    return f"session-{session_id}@studyapp"


def describe(slots: Sequence[Slot]) -> str:
    presenters = list(dict.fromkeys(slot.presenter for slot in slots if slot.presenter))
    lines = [f"Presenters: {', '.join(presenters)}"] if presenters else []
    papers = [slot for slot in slots if slot.paper]
    if papers:
        lines.append("Papers:")
        lines += [
            f"- {slot.paper} ({slot.presenter})" if slot.presenter else f"- {slot.paper}"
            for slot in papers
        ]
    return "\n".join(lines)


def _start(event: CalendarEvent) -> dt.datetime:
    try:
        zone = tzinfo_for(event.timezone)
    except ValidationError:
        zone = dt.UTC
    start = dt.datetime.combine(event.date, event.start_time or dt.time(0), tzinfo=zone)
    if isinstance(zone, ZoneInfo):
        return start  # written with its TZID and a VTIMEZONE
    # A fixed offset has no TZID a calendar program knows; UTC says the same instant.
    return start.astimezone(dt.UTC)


def build_calendar(
    events: Sequence[CalendarEvent], *, stamp: dt.datetime | None = None
) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    now = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    for item in events:
        vevent = Event()
        vevent.add("uid", event_uid(item.session_id))
        vevent.add("dtstamp", now)
        vevent.add("summary", item.title)
        if item.start_time is None:
            # No time known: an all-day entry rather than a made-up midnight meeting.
            vevent.add("dtstart", item.date)
            vevent.add("dtend", item.date + dt.timedelta(days=1))
        else:
            vevent.add("dtstart", _start(item))
            vevent.add("duration", item.duration or DEFAULT_DURATION)
        description = describe(item.slots)
        if description:
            vevent.add("description", description)
        vevent.add("categories", [item.group])
        calendar.add_component(vevent)
    if events:
        first = min(item.date for item in events)
        last = max(item.date for item in events)
        calendar.add_missing_timezones(
            first_date=first - dt.timedelta(days=366), last_date=last + dt.timedelta(days=366)
        )
    return calendar


def calendar_bytes(events: Sequence[CalendarEvent], *, stamp: dt.datetime | None = None) -> bytes:
    data: bytes = build_calendar(events, stamp=stamp).to_ical()
    return data
