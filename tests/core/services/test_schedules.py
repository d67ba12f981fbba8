"""ScheduleService: RFC 5545 rules in time zones and across DST, skipped dates, planning."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from studyapp.core import models
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.rotation import RotationService
from studyapp.core.services.schedules import ScheduleService
from studyapp.core.services.sessions import SessionService

GROUP = "KD 스터디"
SEOUL = ZoneInfo("Asia/Seoul")
BERLIN = ZoneInfo("Europe/Berlin")
WEEKLY_MONDAY = "FREQ=WEEKLY;BYDAY=MO;BYHOUR=19;BYMINUTE=0"
# Sunday 2025-03-09, noon in Seoul.
SUNDAY_NOON = dt.datetime(2025, 3, 9, 12, 0, tzinfo=SEOUL)


@pytest.fixture
def schedules(database):
    return ScheduleService(database)


def local(moments):
    return [(m.date(), m.strftime("%H:%M"), m.utcoffset()) for m in moments]


def test_weekly_monday_evening_in_seoul(schedules):
    schedules.set_schedule(GROUP, "RRULE:" + WEEKLY_MONDAY, timezone="Asia/Seoul")
    assert schedules.schedule(GROUP) == (WEEKLY_MONDAY, "Asia/Seoul", [])
    found = schedules.upcoming(GROUP, 3, after=SUNDAY_NOON)
    nine = dt.timedelta(hours=9)
    assert local(found) == [
        (dt.date(2025, 3, 10), "19:00", nine),
        (dt.date(2025, 3, 17), "19:00", nine),
        (dt.date(2025, 3, 24), "19:00", nine),
    ]
    assert all(m.tzinfo == SEOUL for m in found)
    # The same instant given in UTC finds the same meetings.
    assert schedules.upcoming(GROUP, 3, after=SUNDAY_NOON.astimezone(dt.UTC)) == found


def test_a_meeting_that_is_starting_now_still_counts(schedules):
    schedules.set_schedule(GROUP, WEEKLY_MONDAY)
    start = dt.datetime(2025, 3, 10, 19, 0, tzinfo=SEOUL)
    assert schedules.upcoming(GROUP, 1, after=start) == [start]
    assert schedules.upcoming(GROUP, 1, after=start + dt.timedelta(minutes=1))[0].day == 17


def test_every_two_weeks_keeps_its_phase(schedules):
    schedules.set_schedule(GROUP, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=20", timezone="UTC")
    first = schedules.upcoming(GROUP, 4, after=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    assert [m.date() for m in first] == [
        dt.date(2025, 1, 2),
        dt.date(2025, 1, 16),
        dt.date(2025, 1, 30),
        dt.date(2025, 2, 13),
    ]
    # Asking a week later does not shift the fortnight.
    later = schedules.upcoming(GROUP, 2, after=dt.datetime(2025, 1, 8, tzinfo=dt.UTC))
    assert later == first[1:3]


def test_every_two_weeks_from_a_chosen_start(schedules):
    schedules.set_schedule(
        GROUP, "DTSTART:20250109T190000\nRRULE:FREQ=WEEKLY;INTERVAL=2", timezone="Asia/Seoul"
    )
    found = schedules.upcoming(GROUP, 2, after=dt.datetime(2025, 1, 1, tzinfo=SEOUL))
    assert local(found)[0][:2] == (dt.date(2025, 1, 9), "19:00")
    assert found[1].date() == dt.date(2025, 1, 23)


def test_second_thursday_of_the_month(schedules):
    schedules.set_schedule(GROUP, "FREQ=MONTHLY;BYDAY=2TH;BYHOUR=19;BYMINUTE=30")
    found = schedules.upcoming(GROUP, 4, after=dt.datetime(2025, 1, 1, tzinfo=SEOUL))
    assert [m.date() for m in found] == [
        dt.date(2025, 1, 9),
        dt.date(2025, 2, 13),
        dt.date(2025, 3, 13),
        dt.date(2025, 4, 10),
    ]
    assert {m.strftime("%H:%M") for m in found} == {"19:30"}


def test_berlin_evening_stays_at_19_local_across_the_march_switch(schedules):
    schedules.set_schedule(GROUP, "FREQ=WEEKLY;BYDAY=MO;BYHOUR=19", timezone="Europe/Berlin")
    found = schedules.upcoming(GROUP, 3, after=dt.datetime(2025, 3, 20, tzinfo=BERLIN))
    # Summer time starts on Sunday 2025-03-30.
    assert local(found) == [
        (dt.date(2025, 3, 24), "19:00", dt.timedelta(hours=1)),
        (dt.date(2025, 3, 31), "19:00", dt.timedelta(hours=2)),
        (dt.date(2025, 4, 7), "19:00", dt.timedelta(hours=2)),
    ]
    in_utc = [m.astimezone(dt.UTC).strftime("%H:%M") for m in found]
    assert in_utc == ["18:00", "17:00", "17:00"]


def test_skipped_dates_are_left_out(schedules):
    schedules.set_schedule(GROUP, WEEKLY_MONDAY, skipped=[dt.date(2025, 3, 17)])
    schedules.skip(GROUP, dt.date(2025, 3, 24))
    assert schedules.schedule(GROUP)[2] == [dt.date(2025, 3, 17), dt.date(2025, 3, 24)]
    found = schedules.upcoming(GROUP, 2, after=SUNDAY_NOON)
    assert [m.date() for m in found] == [dt.date(2025, 3, 10), dt.date(2025, 3, 31)]
    schedules.skip(GROUP, dt.date(2025, 3, 17), skipped=False)
    found = schedules.upcoming(GROUP, 2, after=SUNDAY_NOON)
    assert [m.date() for m in found] == [dt.date(2025, 3, 10), dt.date(2025, 3, 17)]


def test_session_service_next_slot_still_follows_the_schedule(schedules, database):
    schedules.set_schedule(GROUP, WEEKLY_MONDAY)
    day, time, zone = SessionService(database).next_slot(GROUP, SUNDAY_NOON)
    assert (day, time, zone) == (dt.date(2025, 3, 10), dt.time(19, 0), "Asia/Seoul")


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=YEARLY;BYMONTHDAY=31;BYMONTH=2", "has no meeting in the next five years"),
        ("FREQ=DAILY;BYMONTHDAY=30;BYMONTH=2;COUNT=3", "has no meeting in the next five years"),
        ("FREQ=WEEKLY;UNTIL=20200101T000000", "has no meeting in the next five years"),
        ("FREQ=SOMETIMES", "Not a valid recurrence rule"),
        ("every monday", "Not a valid recurrence rule"),
        ("", "The recurrence rule is empty."),
    ],
)
def test_impossible_or_bad_rule_saves_nothing(schedules, database, rule, message):
    schedules.set_schedule(GROUP, WEEKLY_MONDAY, skipped=[dt.date(2025, 3, 17)])
    with pytest.raises(ValidationError, match=message):
        schedules.set_schedule(GROUP, rule, timezone="UTC")
    assert schedules.schedule(GROUP) == (WEEKLY_MONDAY, "Asia/Seoul", [dt.date(2025, 3, 17)])
    with pytest.raises(ValidationError):
        schedules.set_schedule("새 그룹", rule)
    with database.transaction() as orm:
        assert orm.scalar(select(models.Group).where(models.Group.name == "새 그룹")) is None


def test_unknown_zone_and_unknown_group(schedules):
    with pytest.raises(ValidationError, match="Unknown time zone: Mars/Olympus"):
        schedules.set_schedule(GROUP, WEEKLY_MONDAY, timezone="Mars/Olympus")
    with pytest.raises(NotFoundError, match="There is no group 'MUG'"):
        schedules.upcoming("MUG")
    SessionService(schedules.db).create(group="MUG", title="x", date=dt.date(2025, 1, 1))
    with pytest.raises(ValidationError, match="MUG has no meeting schedule yet"):
        schedules.upcoming("MUG")


def test_plan_creates_planned_sessions_with_presenters_once(schedules, database):
    RotationService(database).set_members(GROUP, ["동훈님", "Alice", "Bob"])
    RotationService(database).set_absent(GROUP, "Alice", dt.date(2025, 3, 17))
    schedules.set_schedule(GROUP, WEEKLY_MONDAY, skipped=[dt.date(2025, 3, 24)])
    existing = SessionService(database).create(
        group=GROUP, title="already there", date=dt.date(2025, 3, 31), status="planned"
    )
    created = schedules.plan_sessions(GROUP, weeks=4, after=SUNDAY_NOON)
    assert len(created) == 2  # 3/10 and 3/17; 3/24 skipped, 3/31 taken

    sessions = SessionService(database)
    details = [sessions.get(session_id) for session_id in created]
    assert [(d.date, d.title) for d in details] == [
        (dt.date(2025, 3, 10), "KD 스터디 2025-03-10"),
        (dt.date(2025, 3, 17), "KD 스터디 2025-03-17"),
    ]
    with database.transaction() as orm:
        rows = [orm.get(models.Session, session_id) for session_id in created]
        assert {row.status for row in rows} == {models.SessionStatus.PLANNED}
        assert {row.kind for row in rows} == {models.SessionKind.PAPER_REVIEW}
        assert {(row.start_time, row.timezone) for row in rows} == {(dt.time(19), "Asia/Seoul")}
    presenters = [
        [p.presenter for p in PresentationService(database).list_for_session(i)] for i in created
    ]
    assert presenters == [["동훈님"], ["Bob"]]  # Alice is away on 3/17

    assert schedules.plan_sessions(GROUP, weeks=4, after=SUNDAY_NOON) == []
    assert existing.id not in created
    more = schedules.plan_sessions(GROUP, weeks=6, after=SUNDAY_NOON, per_meeting=2)
    assert [sessions.get(i).date for i in more] == [dt.date(2025, 4, 7), dt.date(2025, 4, 14)]
    assert [
        [p.presenter for p in PresentationService(database).list_for_session(i)] for i in more
    ] == [["Alice", "동훈님"], ["Bob", "Alice"]]  # Bob first: no turn yet in this plan
    # The planned talks are headings of the body, which the rows were derived from.
    assert sessions.get(more[0]).body == "## Presentation by Alice\n\n## Presentation by 동훈님"


def test_plan_without_a_time_in_the_rule_leaves_the_time_open(schedules, database):
    schedules.set_schedule(GROUP, "FREQ=MONTHLY;BYDAY=2TH", timezone="Asia/Seoul")
    [session_id] = schedules.plan_sessions(
        GROUP, weeks=5, after=dt.datetime(2025, 1, 1, tzinfo=SEOUL)
    )
    with database.transaction() as orm:
        row = orm.get(models.Session, session_id)
        assert (row.date, row.start_time) == (dt.date(2025, 1, 9), None)
        assert row.presentations == []  # no members: no slots
        assert row.body == ""


def test_plan_weeks_are_checked(schedules):
    schedules.set_schedule(GROUP, WEEKLY_MONDAY)
    with pytest.raises(ValidationError, match="Plan between 1 and 104 weeks ahead"):
        schedules.plan_sessions(GROUP, weeks=0)
