"""AssignmentService: assigning papers, statuses, overdue ones first, presented when presented."""

import datetime as dt

import pytest
from sqlalchemy import select

from studyapp.core import models
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.markdown.document import PaperRef
from studyapp.core.services.assignments import AssignmentService
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService

TODAY = dt.date(2025, 3, 12)


def add_paper(database, title: str, arxiv_id: str | None = None) -> int:
    with database.transaction() as orm:
        paper = models.Paper(title=title, title_key=title.casefold(), arxiv_id=arxiv_id)
        orm.add(paper)
        orm.flush()
        return paper.id


@pytest.fixture
def service(database):
    return AssignmentService(database)


@pytest.fixture
def paper_id(database):
    return add_paper(database, "UCDR-Adapter", "2412.10745")


@pytest.fixture
def session_id(database):
    return (
        SessionService(database)
        .create(group="KD 스터디", title="0310 리딩 그룹", date=dt.date(2025, 3, 10))
        .id
    )


def test_assign_creates_the_person_once(service, paper_id, session_id):
    info, created = service.assign(paper_id, " 동훈님 ", session_id=session_id)
    assert created is True
    assert (info.person, info.paper_title, info.status) == ("동훈님", "UCDR-Adapter", "assigned")
    assert (info.session_id, info.session_title) == (session_id, "0310 리딩 그룹")
    assert info.session_date == dt.date(2025, 3, 10)
    _, created_again = service.assign(paper_id, "동훈님", due=dt.date(2025, 3, 20))
    assert created_again is False


def test_identical_open_assignment_is_refused(service, paper_id, database):
    service.assign(paper_id, "Alice", due=dt.date(2025, 3, 20))
    with pytest.raises(ValidationError, match="Alice already has 'UCDR-Adapter'"):
        service.assign(paper_id, "Alice", due=dt.date(2025, 3, 20))
    with database.transaction() as orm:
        assert len(orm.scalars(select(models.ReadingAssignment)).all()) == 1


def test_a_dropped_assignment_can_be_given_again(service, paper_id):
    info, _ = service.assign(paper_id, "Alice")
    service.set_status(info.id, "dropped")
    again, _ = service.assign(paper_id, "Alice")
    assert again.id != info.id


@pytest.mark.parametrize(
    ("kwargs", "error", "text"),
    [
        ({"paper_id": 999, "person": "Alice"}, NotFoundError, "There is no paper 999."),
        ({"person": "   "}, ValidationError, "The person's name cannot be empty."),
        ({"person": "Alice", "session_id": 999}, NotFoundError, "There is no session 999."),
    ],
)
def test_bad_input_is_a_readable_error_and_creates_nothing(
    service, paper_id, database, kwargs, error, text
):
    arguments = {"paper_id": paper_id, **kwargs}
    with pytest.raises(error) as raised:
        service.assign(arguments.pop("paper_id"), arguments.pop("person"), **arguments)
    assert str(raised.value) == text
    with database.transaction() as orm:
        assert orm.scalars(select(models.ReadingAssignment)).all() == []
        assert orm.scalars(select(models.Person)).all() == []


def test_unknown_status_names_the_valid_ones(service, paper_id):
    info, _ = service.assign(paper_id, "Alice")
    with pytest.raises(ValidationError) as raised:
        service.set_status(info.id, "finished")
    assert str(raised.value) == (
        "Unknown assignment status 'finished'; use one of: "
        "assigned, reading, done, presented, dropped."
    )
    assert service.set_status(info.id, " Reading ").status == "reading"
    with pytest.raises(NotFoundError, match="no reading assignment 999"):
        service.set_status(999, "done")


def test_overdue_ones_come_first_then_by_date(service, database, session_id):
    first = add_paper(database, "First")
    second = add_paper(database, "Second")
    third = add_paper(database, "Third")
    undated, _ = service.assign(first, "Alice")
    later, _ = service.assign(second, "Bob", due=dt.date(2025, 3, 30))
    past_session, _ = service.assign(third, "Bob", session_id=session_id)
    past_due, _ = service.assign(first, "Bob", due=dt.date(2025, 3, 1))
    done, _ = service.assign(second, "Alice", due=dt.date(2025, 2, 1))
    service.set_status(done.id, "done")

    listed = service.list(today=TODAY)
    assert [a.id for a in listed] == [past_due.id, past_session.id, done.id, later.id, undated.id]
    assert [a.overdue for a in listed] == [True, True, False, False, False]
    assert [a.id for a in service.list(overdue_only=True, today=TODAY)] == [
        past_due.id,
        past_session.id,
    ]
    assert done.id not in [a.id for a in service.list(include_closed=False, today=TODAY)]
    assert [a.paper_title for a in service.list(person="Alice", today=TODAY)] == [
        "Second",
        "First",
    ]
    assert [a.id for a in service.list(session_id=session_id, today=TODAY)] == [past_session.id]


def test_recording_the_presentation_marks_the_assignment_presented(
    service, database, paper_id, session_id
):
    other_paper = add_paper(database, "Another paper")
    mine, _ = service.assign(paper_id, "동훈님", session_id=session_id)
    someone_else, _ = service.assign(paper_id, "Alice", session_id=session_id)
    other, _ = service.assign(other_paper, "동훈님", session_id=session_id)
    presentations = PresentationService(database)
    slot = presentations.add(session_id, presenter="동훈님")
    assert service.list()[0].status == "assigned"  # no paper on the slot yet

    presentations.update(slot.id, paper=PaperRef(title="UCDR-Adapter", arxiv_id="2412.10745"))
    statuses = {a.id: a.status for a in service.list()}
    assert statuses == {mine.id: "presented", someone_else.id: "assigned", other.id: "assigned"}
    assert service.list(overdue_only=True, today=TODAY) == [
        a for a in service.list(today=TODAY) if a.id in (someone_else.id, other.id)
    ]


def test_mark_presented_counts_matches(service, database, paper_id, session_id):
    info, _ = service.assign(paper_id, "Alice")
    with database.transaction() as orm:
        orm.add(
            models.Presentation(
                session_id=session_id,
                presenter=orm.scalar(select(models.Person).where(models.Person.name == "Alice")),
                paper_id=paper_id,
            )
        )
    assert service.mark_presented(session_id) == 1
    assert service.mark_presented(session_id) == 0
    assert service.set_status(info.id, "presented").status == "presented"


def test_remove(service, paper_id):
    info, _ = service.assign(paper_id, "Alice")
    service.remove(info.id)
    assert service.list() == []
    with pytest.raises(NotFoundError):
        service.remove(info.id)
