"""The .ics export: parsed back with icalendar, the same sessions come out."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from studyapp.core.calendar_export import CalendarEvent, Slot, calendar_bytes, describe
from studyapp.core.errors import ExportError, NotFoundError
from studyapp.core.markdown.document import PaperRef
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.rotation import RotationService
from studyapp.core.services.schedules import ScheduleService
from studyapp.core.services.sessions import SessionService

SEOUL = ZoneInfo("Asia/Seoul")
AFTER = dt.datetime(2025, 3, 9, 12, 0, tzinfo=SEOUL)


def events_of(path):
    calendar = Calendar.from_ical(path.read_bytes())
    return calendar, list(calendar.walk("VEVENT"))


@pytest.fixture
def planned(database):
    RotationService(database).set_members("KD 스터디", ["동훈님", "Alice"])
    schedules = ScheduleService(database)
    schedules.set_schedule("KD 스터디", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=19;BYMINUTE=0")
    ids = schedules.plan_sessions("KD 스터디", weeks=2, after=AFTER)
    presentations = PresentationService(database)
    [slot] = presentations.list_for_session(ids[0])
    presentations.update(slot.id, paper=PaperRef(title="UCDR-Adapter", venue="WACV 2025"))
    return ids


def test_round_trip_keeps_summaries_times_and_uids(database, planned, tmp_path):
    sessions = SessionService(database)
    SessionService(database).create(
        group="MUG", title="held already", date=dt.date(2025, 3, 11), status="held"
    )
    SessionService(database).create(
        group="MUG", title="last year", date=dt.date(2024, 3, 11), status="planned"
    )
    target = tmp_path / "meetings.ics"
    count = ScheduleService(database).export_ics(target, after=AFTER)
    assert count == 2
    calendar, events = events_of(target)
    assert str(calendar["VERSION"]) == "2.0"
    assert [str(e["SUMMARY"]) for e in events] == [sessions.get(i).title for i in planned]
    assert [str(e["UID"]) for e in events] == [f"session-{i}@studyapp" for i in planned]
    starts = [e["DTSTART"].dt for e in events]
    assert starts == [
        dt.datetime(2025, 3, 10, 19, 0, tzinfo=SEOUL),
        dt.datetime(2025, 3, 17, 19, 0, tzinfo=SEOUL),
    ]
    assert [e["DTSTART"].params["TZID"] for e in events] == ["Asia/Seoul", "Asia/Seoul"]
    assert [e["DURATION"].dt for e in events] == [dt.timedelta(hours=2)] * 2
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Seoul"]
    assert str(events[0]["DESCRIPTION"]) == ("Presenters: 동훈님\nPapers:\n- UCDR-Adapter (동훈님)")
    assert str(events[1]["DESCRIPTION"]) == "Presenters: Alice"


def test_uids_stay_the_same_on_a_second_export(database, planned, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    service = ScheduleService(database)
    service.export_ics(first, group="KD 스터디", after=AFTER)
    service.export_ics(second, group="KD 스터디", after=AFTER)
    assert [e["UID"] for e in events_of(first)[1]] == [e["UID"] for e in events_of(second)[1]]


def test_group_filter_and_unknown_group(database, planned, tmp_path):
    SessionService(database).create(
        group="MUG", title="MUG meet-up", date=dt.date(2025, 3, 12), status="planned"
    )
    service = ScheduleService(database)
    assert service.export_ics(tmp_path / "mug.ics", group="MUG", after=AFTER) == 1
    [event] = events_of(tmp_path / "mug.ics")[1]
    # No time known: an all-day entry.
    assert event["DTSTART"].dt == dt.date(2025, 3, 12)
    assert event["DTEND"].dt == dt.date(2025, 3, 13)
    with pytest.raises(NotFoundError):
        service.export_ics(tmp_path / "x.ics", group="nobody")
    assert not (tmp_path / "x.ics").exists()


def test_nothing_planned_writes_an_empty_calendar(database, tmp_path):
    target = tmp_path / "empty.ics"
    assert ScheduleService(database).export_ics(target) == 0
    calendar, events = events_of(target)
    assert events == [] and str(calendar["PRODID"]).startswith("-//studyapp//")


def test_unwritable_target_is_an_export_error(database, planned, tmp_path):
    with pytest.raises(ExportError, match="Cannot write to"):
        ScheduleService(database).export_ics(tmp_path / "no" / "such" / "dir" / "a.ics")


def test_fixed_offset_sessions_are_written_in_utc():
    event = CalendarEvent(
        session_id=7,
        title="0310",
        group="g",
        date=dt.date(2025, 3, 10),
        start_time=dt.time(19, 0),
        timezone="+09:00",
        slots=(Slot("Alice", None), Slot(None, "our project update")),
    )
    [parsed] = Calendar.from_ical(calendar_bytes([event])).walk("VEVENT")
    assert parsed["DTSTART"].dt == dt.datetime(2025, 3, 10, 10, 0, tzinfo=dt.UTC)
    assert describe(event.slots) == "Presenters: Alice\nPapers:\n- our project update"
