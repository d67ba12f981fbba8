"""A user action is one transaction: a failure part-way leaves nothing of its first steps.

Each test makes a later step of an action fail (a disk filling up, say) and checks that the
database holds nothing the action wrote before it.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from studyapp.core import models
from studyapp.core.errors import DatabaseError
from studyapp.core.services import body_writes, schedules, session_rows
from studyapp.core.services.demo import load_demo
from studyapp.core.services.history import HistoryService
from studyapp.core.services.rotation import RotationService
from studyapp.core.services.schedules import ScheduleService
from studyapp.core.services.sessions import SessionService

T0 = dt.datetime(2025, 3, 10, 19, 0, tzinfo=dt.UTC)
GROUP = "KD 스터디"
WEEKLY_MONDAY = "FREQ=WEEKLY;BYDAY=MO;BYHOUR=19;BYMINUTE=0"
SUNDAY_NOON = dt.datetime(2025, 3, 9, 12, 0, tzinfo=ZoneInfo("Asia/Seoul"))
DISK_FULL = "The disk is full; free some space and try again."


def fail(*_args, **_kwargs):
    raise DatabaseError(DISK_FULL)


def count(database, model) -> int:
    with database.transaction() as orm:
        return int(orm.scalar(select(func.count()).select_from(model)) or 0)


def test_a_restore_that_fails_leaves_no_before_restore_revision(database, monkeypatch):
    sessions = SessionService(database)
    history = HistoryService(database)
    session_id = sessions.create(group=GROUP, title="0310", date=dt.date(2025, 3, 10)).id
    history.record(session_id, "body", "version A", now=T0)
    sessions.set_body(session_id, "version B")
    [a] = history.revisions(session_id)
    # Writing the restored text fails (its outline is derived first thing).
    monkeypatch.setattr(body_writes, "outline_of", fail)

    with pytest.raises(DatabaseError):
        history.restore(session_id, a.id)

    monkeypatch.undo()
    assert [info.reason for info in history.revisions(session_id)] == ["edit"]
    assert sessions.get(session_id).body == "version B"
    # Nothing half-done stands in the way of restoring again.
    assert history.restore(session_id, a.id) == "version A"
    assert [info.reason for info in history.revisions(session_id)] == ["before restore", "edit"]


def test_a_schedule_whose_planning_fails_is_not_kept(database, monkeypatch):
    RotationService(database).set_members(GROUP, ["동훈님", "Alice"])
    service = ScheduleService(database)
    monkeypatch.setattr(schedules, "sync_rows", fail)

    with pytest.raises(DatabaseError):
        service.set_schedule(GROUP, WEEKLY_MONDAY, plan_weeks=4, after=SUNDAY_NOON)

    assert service.schedule(GROUP) == (None, None, [])
    assert count(database, models.Session) == 0
    monkeypatch.undo()
    created = service.set_schedule(GROUP, WEEKLY_MONDAY, plan_weeks=4, after=SUNDAY_NOON)
    assert len(created) == 4
    assert service.schedule(GROUP)[0] == WEEKLY_MONDAY


def test_a_schedule_without_planning_plans_nothing(database):
    service = ScheduleService(database)
    assert service.set_schedule(GROUP, WEEKLY_MONDAY) == []
    assert count(database, models.Session) == 0
    with pytest.raises(Exception, match="Plan between 1 and"):
        service.set_schedule(GROUP, WEEKLY_MONDAY, plan_weeks=0)


def test_a_demo_that_fails_part_way_leaves_nothing_and_loads_whole_later(database, monkeypatch):
    real_sync_rows = session_rows.sync_rows
    calls = []

    def fails_on_the_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise DatabaseError(DISK_FULL)
        return real_sync_rows(*args, **kwargs)

    monkeypatch.setattr(session_rows, "sync_rows", fails_on_the_third)
    with pytest.raises(DatabaseError):
        load_demo(database)

    assert count(database, models.Session) == 0
    assert count(database, models.Group) == 0
    monkeypatch.undo()
    result = load_demo(database)
    assert result.created
    assert count(database, models.Session) == result.sessions
    assert not load_demo(database).created
