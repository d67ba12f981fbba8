import datetime as dt

import pytest

from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.markdown.document import PaperRef
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService


@pytest.fixture
def sessions(database):
    return SessionService(database)


def test_create_and_read_back(sessions):
    created = sessions.create(
        group="KD 스터디",
        title="  0310   리딩 그룹 ",
        date=dt.date(2025, 3, 10),
        start_time=dt.time(19, 0),
        timezone="Asia/Seoul",
        kind="paper review",
        tags=["review", "#distillation", "review"],
    )
    detail = sessions.get(created.id)
    assert detail.title == "0310 리딩 그룹"
    assert detail.group == "KD 스터디"
    assert detail.kind == "paper review"
    assert detail.status == "held"
    assert detail.tags == ("distillation", "review")
    assert detail.start.isoformat() == "2025-03-10T19:00:00+09:00"


def test_future_session_is_planned(sessions):
    future = dt.date.today() + dt.timedelta(days=7)
    assert sessions.create(group="G", title="Next", date=future).status == "planned"


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_empty_title_is_refused_with_a_message(sessions, title):
    with pytest.raises(ValidationError, match="needs a title"):
        sessions.create(group="G", title=title, date=dt.date(2025, 1, 1))
    assert sessions.count() == 0


def test_title_of_slashes_and_dots_is_kept(sessions):
    created = sessions.create(group="G", title="../../..///", date=dt.date(2025, 1, 1))
    assert sessions.get(created.id).title == "../../..///"


def test_bad_kind_status_timezone(sessions):
    with pytest.raises(ValidationError, match="Unknown kind"):
        sessions.create(group="G", title="x", date=dt.date(2025, 1, 1), kind="party")
    with pytest.raises(ValidationError, match="Unknown status"):
        sessions.create(group="G", title="x", date=dt.date(2025, 1, 1), status="maybe")
    with pytest.raises(ValidationError, match="Unknown time zone"):
        sessions.create(group="G", title="x", date=dt.date(2025, 1, 1), timezone="Mars/Base")


def test_list_newest_first_with_paging_and_filters(sessions):
    for day in (3, 1, 2):
        sessions.create(
            group="A" if day != 2 else "B", title=f"day {day}", date=dt.date(2025, 1, day)
        )
    assert [s.title for s in sessions.list_sessions()] == ["day 3", "day 2", "day 1"]
    assert [s.title for s in sessions.list_sessions(limit=1, offset=1)] == ["day 2"]
    assert [s.title for s in sessions.list_sessions(group="A")] == ["day 3", "day 1"]
    assert [
        s.title
        for s in sessions.list_sessions(since=dt.date(2025, 1, 2), until=dt.date(2025, 1, 2))
    ] == ["day 2"]
    assert {g.name: g.session_count for g in sessions.groups()} == {"A": 2, "B": 1}


def test_notes_versioning_keeps_conflicting_text(database, sessions):
    created = sessions.create(group="G", title="t", date=dt.date(2025, 1, 1))
    v1 = sessions.set_body(created.id, "첫 줄")
    v2 = sessions.set_body(created.id, "첫 줄\n둘째 줄", expected_version=v1)
    assert v2 > v1
    # A stale writer still saves, and the text it replaced survives as a revision.
    sessions.set_body(created.id, "other window", expected_version=v1)
    from sqlalchemy import select

    from studyapp.core import models

    with database.transaction() as orm:
        kept = orm.scalars(select(models.NoteRevision.content)).all()
    assert kept == ["첫 줄", "첫 줄\n둘째 줄"]
    assert sessions.get(created.id).body == "other window"


def test_attendees_can_be_replaced(sessions):
    created = sessions.create(group="G", title="t", date=dt.date(2025, 1, 1))
    sessions.set_attendees(created.id, ["Alice", "민수님"], ["Eve"])
    detail = sessions.set_attendees(created.id, ["민수님", "Bob"], ["Alice"])
    assert detail.attendees == ("민수님", "Bob")
    assert detail.absentees == ("Alice",)
    # The body's one attendance line was rewritten, not a second one added.
    assert detail.body.splitlines() == ["Attendees: 민수님, Bob (absent: Alice)"]
    assert detail.attendees_raw == "Attendees: 민수님, Bob (absent: Alice)"


def test_attendees_line_goes_under_the_title_and_leaves_with_its_blank_line(sessions):
    created = sessions.create(
        group="G", title="t", date=dt.date(2025, 1, 1), body="# 0101\n\n회의 메모"
    )
    detail = sessions.set_attendees(created.id, ["Alice"])
    assert detail.body == "# 0101\n\nAttendees: Alice\n\n회의 메모"
    assert detail.attendees == ("Alice",)
    cleared = sessions.set_attendees(created.id, [])
    assert cleared.body == "# 0101\n\n회의 메모"
    assert (cleared.attendees, cleared.absentees, cleared.attendees_raw) == ((), (), None)


def test_trash_hides_and_restore_brings_back(sessions):
    created = sessions.create(group="G", title="t", date=dt.date(2025, 1, 1))
    sessions.trash(created.id)
    assert sessions.list_sessions() == []
    with pytest.raises(NotFoundError):
        sessions.get(created.id)
    sessions.restore(created.id)
    assert sessions.get(created.id).title == "t"


def test_presentations_add_update_move_remove(database, sessions):
    slots = PresentationService(database)
    session = sessions.create(group="G", title="t", date=dt.date(2025, 1, 1))
    first = slots.add(
        session.id,
        presenter="Alice",
        paper=PaperRef("Scaling Laws for Retrieval", arxiv_id="2501.01234"),
    )
    second = slots.add(session.id, presenter="지호님", title="재현 실험 공유")
    again = slots.add(
        session.id, presenter="Bob", paper=PaperRef("scaling laws for retrieval!")
    )  # same paper, other spelling
    assert again.paper is not None and first.paper is not None
    assert again.paper.id == first.paper.id
    slots.move(again.id, 0)
    # A talk's notes and discussion are the lines under its heading in the body.
    body = sessions.get(session.id).body
    assert second.heading_raw == "## 지호님: 재현 실험 공유"
    sessions.set_body(
        session.id, body.replace(second.heading_raw, f"{second.heading_raw}\n- batch 256\n> 왜?")
    )
    detail = sessions.get(session.id)
    assert [p.presenter for p in detail.presentations] == ["Bob", "Alice", "지호님"]
    assert [p.id for p in detail.presentations] == [again.id, first.id, second.id]
    assert (detail.presentations[2].notes, detail.presentations[2].discussion) == (
        "- batch 256",
        "왜?",
    )
    slots.remove(first.id)
    detail = sessions.get(session.id)
    assert [p.presenter for p in detail.presentations] == ["Bob", "지호님"]
    assert first.heading_raw is not None and first.heading_raw not in detail.body
    assert "- batch 256\n> 왜?" in detail.body


def test_checklist_add_check_carry_over(database, sessions):
    todos = ChecklistService(database)
    old = sessions.create(group="G", title="old", date=dt.date(2025, 1, 1))
    new = sessions.create(group="G", title="new", date=dt.date(2025, 1, 8))
    item = todos.add(old.id, "Chen: set up the reading list ⏫ 📅 2025-01-07")
    assert item.task.assignee == "Chen"
    assert item.task.priority == "high"
    assert item.task.due_date == dt.date(2025, 1, 7)
    assert [c.id for c in todos.carried_over(new.id)] == [item.id]
    done = todos.set_done(item.id, True, today=dt.date(2025, 1, 6))
    assert done.task.done_date == dt.date(2025, 1, 6)
    assert todos.carried_over(new.id) == []
    assert todos.items(open_only=True) == []
    with pytest.raises(ValidationError):
        todos.add(new.id, "   ")


def test_next_slot_follows_the_group_schedule(database, sessions):
    from studyapp.core import models

    sessions.create(group="KD 스터디", title="first", date=dt.date(2025, 3, 3))
    with database.transaction() as orm:
        group = orm.query(models.Group).filter_by(name="KD 스터디").one()
        group.schedule_rrule = "FREQ=WEEKLY;BYDAY=MO;BYHOUR=19;BYMINUTE=0"
        group.timezone = "Asia/Seoul"
    now = dt.datetime(2025, 3, 5, 3, 0, tzinfo=dt.UTC)  # a Wednesday
    assert sessions.next_slot("KD 스터디", now) == (
        dt.date(2025, 3, 10),
        dt.time(19, 0),
        "Asia/Seoul",
    )
    noon = dt.datetime(2025, 3, 5, 12, 0, tzinfo=dt.UTC)  # the same day in every usual zone
    assert sessions.next_slot("No schedule", noon)[:2] == (dt.date(2025, 3, 5), None)


@pytest.mark.parametrize(
    ("present", "absent"),
    [([""], ["누군가"]), (["Alice, Bob"], []), (["Eve (guest)"], []), (["x" * 300], [])],
)
def test_attendees_the_line_cannot_say_are_refused(sessions, present, absent):
    created = sessions.create(group="G", title="t", date=dt.date(2025, 1, 1), body="메모")
    with pytest.raises(ValidationError):
        sessions.set_attendees(created.id, present, absent)
    detail = sessions.get(created.id)
    assert (detail.body, detail.attendees, detail.absentees) == ("메모", (), ())


def test_attendee_names_are_cleaned_before_they_are_written(sessions):
    created = sessions.create(group="G", title="t", date=dt.date(2025, 1, 1))
    detail = sessions.set_attendees(created.id, ["  Alice   Kim "], ["\r동훈님"])
    assert (detail.attendees, detail.absentees) == (("Alice Kim",), ("동훈님",))
    assert detail.body.splitlines()[0] == "Attendees: Alice Kim (absent: 동훈님)"
