"""PresentationService: slot listing, timer fields, and their trip through the minutes."""

import datetime as dt

import pytest
from sqlalchemy import inspect, select

from studyapp.core import models
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.markdown.document import PaperRef
from studyapp.core.markdown.exporter import render_markdown
from studyapp.core.markdown.parser import parse_note
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService


@pytest.fixture
def sessions(database):
    return SessionService(database)


@pytest.fixture
def service(database):
    return PresentationService(database)


@pytest.fixture
def session_id(sessions):
    return sessions.create(group="KD 스터디", title="0310", date=dt.date(2025, 3, 10)).id


def test_migrated_schema_has_the_timer_columns_and_attachments(database):
    inspector = inspect(database.engine)
    columns = {column["name"] for column in inspector.get_columns("presentations")}
    assert {"duration_seconds", "timebox_minutes"} <= columns
    attachment_columns = {column["name"] for column in inspector.get_columns("attachments")}
    assert attachment_columns == {"id", "session_id", "name", "mime", "data", "created_at"}
    assert [index["column_names"] for index in inspector.get_indexes("attachments")] == [
        ["session_id"]
    ]


def test_attachments_go_with_their_session(database, sessions, session_id):
    with database.transaction() as orm:
        orm.add(
            models.Attachment(
                session_id=session_id,
                name="slide-20250310-190312.png",
                mime="image/png",
                data=b"\x89PNG\r\n",
            )
        )
    with database.transaction() as orm:
        stored = orm.scalars(select(models.Attachment)).one()
        assert stored.data == b"\x89PNG\r\n"
        assert stored.created_at.tzinfo is not None
        orm.delete(orm.get(models.Session, session_id))
    with database.transaction() as orm:
        assert orm.scalars(select(models.Attachment)).all() == []


def test_list_for_session_in_order(service, session_id):
    first = service.add(
        session_id, presenter="민수님", paper=PaperRef("Tiny Teachers", "CVPR 2024")
    )
    second = service.add(session_id, presenter="Alice")
    service.move(second.id, 0)
    listed = service.list_for_session(session_id)
    assert [slot.id for slot in listed] == [second.id, first.id]
    assert listed[1].paper is not None and listed[1].paper.venue == "CVPR 2024"
    assert listed[0].duration_seconds is None and listed[0].timebox_minutes is None


def test_list_for_a_missing_session(service):
    with pytest.raises(NotFoundError):
        service.list_for_session(999)


def test_update_duration_and_timebox(service, sessions, session_id):
    slot = service.add(session_id, presenter="A")
    version = sessions.get(session_id).version
    updated = service.update(slot.id, duration_seconds=1110, timebox_minutes=25)
    assert (updated.duration_seconds, updated.timebox_minutes) == (1110, 25)
    assert updated.presenter == "A"  # untouched fields stay
    # Timer saves do not count as edits that could conflict with the notes.
    assert sessions.get(session_id).version == version
    cleared = service.update(slot.id, duration_seconds=None)
    assert (cleared.duration_seconds, cleared.timebox_minutes) == (None, 25)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"duration_seconds": -1}, "zero or more"),
        ({"duration_seconds": 2 * 24 * 3600}, "longer than a day"),
        ({"timebox_minutes": 0}, "at least one minute"),
        ({"timebox_minutes": 10_000}, "at most 600"),
    ],
)
def test_bad_timer_values_are_refused(service, session_id, changes, message):
    slot = service.add(session_id)
    with pytest.raises(ValidationError, match=message):
        service.update(slot.id, **changes)


def test_duration_round_trips_through_the_minutes(service, sessions, session_id):
    slot = service.add(session_id, presenter="Alice", paper=PaperRef("Tiny Teachers", "CVPR 2024"))
    service.update(slot.id, notes="first point", duration_seconds=18 * 60 + 30, timebox_minutes=20)
    untimed = service.add(session_id, presenter="Bob")
    service.update(untimed.id, notes="second")
    text = render_markdown(sessions.get(session_id))
    assert "⏱ 18:30 / 20:00" in text
    note = parse_note(text, file_name="2025-03-10-0310.md")
    timed, plain = note.presentations
    assert (timed.duration_seconds, timed.timebox_minutes) == (1110, 20)
    assert timed.notes == "first point"  # the timing line is not copied into the notes
    assert (plain.duration_seconds, plain.notes) == (None, "second")
