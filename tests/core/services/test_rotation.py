"""RotationService: member order, absences, and fair "who is next"."""

import datetime as dt

import pytest

from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.rotation import RotationService
from studyapp.core.services.sessions import SessionService

GROUP = "KD 스터디"
MONDAYS = [dt.date(2025, 3, 10) + dt.timedelta(weeks=n) for n in range(6)]


@pytest.fixture
def rotation(database):
    service = RotationService(database)
    service.set_members(GROUP, ["동훈님", "Alice", "Bob"])
    return service


def held(database, day: dt.date, *presenters: str, status: str = "held") -> None:
    session = SessionService(database).create(
        group=GROUP, title=f"{day:%m%d}", date=day, status=status
    )
    for name in presenters:
        PresentationService(database).add(session.id, presenter=name)


def test_members_keep_their_order_and_duplicates_go(rotation):
    assert rotation.members(GROUP) == ["동훈님", "Alice", "Bob"]
    assert rotation.set_members(GROUP, ["Bob", " Alice ", "Bob", "Carol"]) == [
        "Bob",
        "Alice",
        "Carol",
    ]
    assert rotation.members(GROUP) == ["Bob", "Alice", "Carol"]
    with pytest.raises(NotFoundError, match="There is no group 'MUG'"):
        rotation.members("MUG")


def test_nobody_presented_yet_goes_in_member_order(rotation):
    plan = rotation.next_presenters(GROUP, MONDAYS[:4])
    assert plan == [
        (MONDAYS[0], ["동훈님"]),
        (MONDAYS[1], ["Alice"]),
        (MONDAYS[2], ["Bob"]),
        (MONDAYS[3], ["동훈님"]),
    ]


def test_fewest_presentations_first(rotation, database):
    held(database, dt.date(2025, 2, 3), "동훈님", "Alice")
    held(database, dt.date(2025, 2, 10), "동훈님")
    # Counts: 동훈님 2, Alice 1, Bob 0.
    plan = rotation.next_presenters(GROUP, MONDAYS[:4])
    assert [names for _, names in plan] == [["Bob"], ["Alice"], ["Bob"], ["동훈님"]]


def test_ties_go_by_member_order(rotation, database):
    held(database, dt.date(2025, 2, 3), "Bob")
    held(database, dt.date(2025, 2, 10), "Alice")
    held(database, dt.date(2025, 2, 17), "동훈님")
    assert rotation.next_presenters(GROUP, MONDAYS[:3], per_meeting=1) == [
        (MONDAYS[0], ["동훈님"]),
        (MONDAYS[1], ["Alice"]),
        (MONDAYS[2], ["Bob"]),
    ]


def test_other_groups_and_cancelled_sessions_do_not_count(rotation, database):
    held(database, dt.date(2025, 2, 3), "동훈님", status="cancelled")
    other = SessionService(database).create(group="MUG", title="x", date=dt.date(2025, 2, 3))
    PresentationService(database).add(other.id, presenter="동훈님")
    assert rotation.next_presenters(GROUP, MONDAYS[:1]) == [(MONDAYS[0], ["동훈님"])]


def test_absent_people_are_skipped_that_day_only(rotation):
    rotation.set_absent(GROUP, "동훈님", MONDAYS[0])
    plan = rotation.next_presenters(GROUP, MONDAYS[:3])
    assert [names for _, names in plan] == [["Alice"], ["동훈님"], ["Bob"]]
    assert rotation.absences(GROUP) == [("동훈님", MONDAYS[0])]
    rotation.set_absent(GROUP, "동훈님", MONDAYS[0])  # twice is fine
    rotation.set_absent(GROUP, "동훈님", MONDAYS[0], absent=False)
    assert rotation.absences(GROUP) == []


def test_absences_since(rotation):
    rotation.set_absent(GROUP, "Bob", MONDAYS[2])
    rotation.set_absent(GROUP, "Alice", MONDAYS[0])
    rotation.set_absent(GROUP, "동훈님", MONDAYS[2])
    assert rotation.absences(GROUP) == [
        ("Alice", MONDAYS[0]),
        ("Bob", MONDAYS[2]),
        ("동훈님", MONDAYS[2]),
    ]
    assert rotation.absences(GROUP, since=MONDAYS[1]) == [
        ("Bob", MONDAYS[2]),
        ("동훈님", MONDAYS[2]),
    ]


def test_only_members_can_be_absent(rotation):
    with pytest.raises(ValidationError, match="Carol is not a member of KD 스터디"):
        rotation.set_absent(GROUP, "Carol", MONDAYS[0])


def test_several_per_meeting_never_the_same_person_twice(rotation):
    rotation.set_absent(GROUP, "Bob", MONDAYS[1])
    plan = rotation.next_presenters(GROUP, MONDAYS[:3], per_meeting=2)
    assert plan == [
        (MONDAYS[0], ["동훈님", "Alice"]),
        (MONDAYS[1], ["동훈님", "Alice"]),  # only two are there
        (MONDAYS[2], ["Bob", "동훈님"]),
    ]
    crowded = rotation.next_presenters(GROUP, MONDAYS[:1], per_meeting=5)
    assert crowded == [(MONDAYS[0], ["동훈님", "Alice", "Bob"])]


def test_everyone_away_means_nobody(rotation):
    for name in rotation.members(GROUP):
        rotation.set_absent(GROUP, name, MONDAYS[0])
    assert rotation.next_presenters(GROUP, MONDAYS[:1]) == [(MONDAYS[0], [])]


def test_per_meeting_must_be_positive(rotation):
    with pytest.raises(ValidationError, match="at least one presenter"):
        rotation.next_presenters(GROUP, MONDAYS[:1], per_meeting=0)
