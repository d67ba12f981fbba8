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
    assert updated.id == slot.id
    # The timer's result is a line of the body under the heading: an edit like any other.
    detail = sessions.get(session_id)
    assert detail.body.splitlines()[:2] == ["## Presentation by A", "⏱ 18:30 / 25:00"]
    assert detail.version > version
    again = service.update(slot.id, duration_seconds=1200)
    assert (again.duration_seconds, again.timebox_minutes) == (1200, 25)
    assert sessions.get(session_id).body.count("⏱") == 1  # the line is replaced in place
    cleared = service.update(slot.id, duration_seconds=None)
    assert (cleared.duration_seconds, cleared.timebox_minutes) == (None, None)
    assert "⏱" not in sessions.get(session_id).body


def test_a_time_box_alone_is_kept_with_no_time_used(service, sessions, session_id):
    slot = service.add(session_id, presenter="A")
    boxed = service.update(slot.id, timebox_minutes=15)
    assert (boxed.duration_seconds, boxed.timebox_minutes) == (0, 15)
    assert "⏱ 00:00 / 15:00" in sessions.get(session_id).body


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
    service.update(slot.id, duration_seconds=18 * 60 + 30, timebox_minutes=20)
    untimed = service.add(session_id, presenter="Bob")
    body = sessions.get(session_id).body
    heading = "## Presentation by Bob"
    assert heading in body
    body = body.replace("⏱ 18:30 / 20:00", "⏱ 18:30 / 20:00\nfirst point")
    sessions.set_body(session_id, body.replace(heading, f"{heading}\nsecond"))
    [timed_info, untimed_info] = service.list_for_session(session_id)
    assert [timed_info.id, untimed_info.id] == [slot.id, untimed.id]
    assert (timed_info.notes, untimed_info.notes) == ("first point", "second")
    text = render_markdown(sessions.get(session_id))
    assert "⏱ 18:30 / 20:00" in text
    note = parse_note(text, file_name="2025-03-10-0310.md")
    timed, plain = note.presentations
    assert (timed.duration_seconds, timed.timebox_minutes) == (1110, 20)
    assert timed.notes == "first point"  # the timing line is not copied into the notes
    assert (plain.duration_seconds, plain.notes) == (None, "second")


def test_presenter_and_paper_are_written_into_the_heading(service, sessions, session_id):
    slot = service.add(session_id, presenter="민수", paper=PaperRef("Tiny Teachers", "CVPR 2024"))
    # "민수" has no "님": the heading reads as their talk because 민수 is now a known person.
    assert slot.heading_raw == "## 민수: Tiny Teachers (CVPR 2024)"
    assert (slot.presenter, slot.paper and slot.paper.title) == ("민수", "Tiny Teachers")
    untitled = service.add(session_id, title="우리 프로젝트 공유")
    assert untitled.heading_raw == "## Presentation 2: 우리 프로젝트 공유"
    assert sessions.get(session_id).body.split("\n") == [
        "## 민수: Tiny Teachers (CVPR 2024)",
        "",
        "## Presentation 2: 우리 프로젝트 공유",
        "",  # a line to type on
    ]


@pytest.mark.parametrize(
    ("presenter", "paper"),
    [
        ("- [ ]", "- [ ]"),  # the heading would not name this presenter and paper
        ("🙂", "🙂"),  # not read as a talk at all
        ("x" * 300, "Title"),  # too long a name
    ],
)
def test_a_heading_that_would_not_read_back_is_refused(
    service, sessions, session_id, presenter, paper
):
    slot = service.add(session_id, presenter="Alice", paper=PaperRef("Tiny Teachers"))
    body = sessions.get(session_id).body
    with pytest.raises(ValidationError):
        service.update(slot.id, presenter=presenter, paper=PaperRef(paper))
    with pytest.raises(ValidationError):
        service.add(session_id, presenter=presenter, paper=PaperRef(paper))
    assert sessions.get(session_id).body == body  # nothing was written
    assert [s.id for s in service.list_for_session(session_id)] == [slot.id]
