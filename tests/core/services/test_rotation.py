"""RotationService: member order, absences, and fair "who is next"."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.rotation import RotationService, Standing, fair_turns
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
    # Counts: 동훈님 2, Alice 1, Bob 0: fewest first, and nobody twice before everyone once.
    plan = rotation.next_presenters(GROUP, MONDAYS[:4])
    assert [names for _, names in plan] == [["Bob"], ["Alice"], ["동훈님"], ["Bob"]]


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


# -- members from the meetings, and fairness over the weeks planned ---------------------------

SEEDS = "seeds"


def _meeting(database, day, presenters, present=(), absent=()):
    session = SessionService(database).create(group=SEEDS, title=f"{day:%m%d}", date=day)
    for name in presenters:
        PresentationService(database).add(session.id, presenter=name)
    if present or absent:
        SessionService(database).set_attendees(session.id, list(present), list(absent))


def test_who_presented_or_attended_is_a_member_in_the_order_they_came(database):
    _meeting(database, dt.date(2025, 1, 6), ["정훈님", "Alice"], present=["지은", "Alice"])
    _meeting(database, dt.date(2025, 1, 13), ["Bob"], absent=["Carol"])
    _meeting(database, dt.date(2025, 1, 20), ["Alice", "Dan"])
    rotation = RotationService(database)
    assert rotation.members(SEEDS) == ["정훈님", "Alice", "지은", "Bob", "Carol", "Dan"]
    # Carol, away that day, is still one of the group: she can say she will be away again.
    rotation.set_absent(SEEDS, "Carol", MONDAYS[0])


def test_a_member_taken_off_stays_off_and_newcomers_join(database):
    _meeting(database, dt.date(2025, 1, 6), ["정훈님", "Alice", "Bob"])
    rotation = RotationService(database)
    rotation.set_members(SEEDS, ["Bob", "정훈님"])
    assert rotation.members(SEEDS) == ["Bob", "정훈님"]
    with pytest.raises(ValidationError, match="Alice is not a member of seeds"):
        rotation.set_absent(SEEDS, "Alice", MONDAYS[0])
    _meeting(database, dt.date(2025, 1, 13), ["Alice", "Eve"])
    assert rotation.members(SEEDS) == ["Bob", "정훈님", "Eve"]  # Alice was taken off
    rotation.set_members(SEEDS, ["Bob", "정훈님", "Eve", "Alice"])
    assert rotation.members(SEEDS) == ["Bob", "정훈님", "Eve", "Alice"]


def test_six_weeks_give_everyone_a_turn_before_anyone_a_second(database):
    # Alice has never presented and 정훈님 presented the most: the old rule gave Alice two
    # of six turns while 정훈님 waited.
    for week, presenters in enumerate([["정훈님"], ["정훈님", "Bob"], ["Carol", "Dan"]]):
        _meeting(database, dt.date(2025, 1, 6) + dt.timedelta(weeks=week), presenters)
    rotation = RotationService(database)
    rotation.set_members(SEEDS, ["Alice", "Bob", "Carol", "Dan", "정훈님"])
    plan = [names for _, names in rotation.next_presenters(SEEDS, MONDAYS)]
    first_round = [names[0] for names in plan[:5]]
    assert sorted(first_round) == sorted(rotation.members(SEEDS))
    assert first_round[0] == "Alice" and first_round[-1] == "정훈님"  # fewest first
    assert plan[5] == ["Alice"]  # the second round starts again at the fewest


def _check_fair(members, meetings, absent, per_meeting, plan):
    """Every meeting: as many as there are slots and people; nobody chosen has had more turns
    in this plan than someone there who was passed over; among equals, fewer talks first."""
    turns = {m.person_id: 0 for m in members}
    history = {m.person_id: m.count for m in members}
    for day, chosen in zip(meetings, plan, strict=True):
        present = {m.person_id for m in members if (m.person_id, day) not in absent}
        picked = [s.person_id for s in chosen]
        assert len(set(picked)) == len(picked)
        assert set(picked) <= present
        assert len(picked) == min(per_meeting, len(present))
        for passed in present - set(picked):
            for person in picked:
                assert turns[person] <= turns[passed]
                if turns[person] == turns[passed]:
                    assert history[person] <= history[passed]
        for person in picked:
            turns[person] += 1
    if not absent:
        counts = list(turns.values())
        assert max(counts) - min(counts) <= 1


@settings(max_examples=300, deadline=None)
@given(
    counts=st.lists(st.integers(0, 6), min_size=1, max_size=8),
    weeks=st.integers(1, 14),
    per_meeting=st.integers(1, 3),
    away=st.sets(st.tuples(st.integers(0, 7), st.integers(0, 13)), max_size=12),
)
def test_fair_turns_over_random_groups(counts, weeks, per_meeting, away):
    members = [
        Standing(person_id=n, name=f"p{n}", position=n, count=c, last=None)
        for n, c in enumerate(counts)
    ]
    meetings = [dt.date(2025, 3, 10) + dt.timedelta(weeks=w) for w in range(weeks)]
    absent = {(n, meetings[w]) for n, w in away if n < len(counts) and w < weeks}
    plan = fair_turns([Standing(**vars(m)) for m in members], meetings, absent, per_meeting)
    _check_fair(members, meetings, absent, per_meeting, plan)


@settings(max_examples=15, deadline=None)
@given(
    history=st.lists(st.lists(st.integers(0, 5), max_size=2), min_size=1, max_size=5),
    absences=st.sets(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=4),
)
def test_the_planned_weeks_are_fair_in_a_real_group(tmp_path_factory, history, absences):
    from studyapp.core.db import open_database

    names = ["정훈님", "Alice", "Bob", "민수", "Carol", "Dan"]
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('rot') / 'r.sqlite3'}")
    try:
        for week, presenters in enumerate(history):
            day = dt.date(2025, 1, 6) + dt.timedelta(weeks=week)
            _meeting(database, day, [names[n] for n in dict.fromkeys(presenters)])
        rotation = RotationService(database)
        members = rotation.members(SEEDS)
        away = set()
        for who, week in absences:
            if who < len(members):
                rotation.set_absent(SEEDS, members[who], MONDAYS[week])
                away.add((members[who], MONDAYS[week]))
        plan = [names for _, names in rotation.next_presenters(SEEDS, MONDAYS)]
        given_turns = dict.fromkeys(members, 0)
        for day, chosen in zip(MONDAYS, plan, strict=True):
            there = [m for m in members if (m, day) not in away]
            assert len(chosen) == (1 if there else 0)
            for person in chosen:
                assert all(given_turns[person] <= given_turns[m] for m in there)
                given_turns[person] += 1
        if not away and members:
            assert max(given_turns.values()) - min(given_turns.values()) <= 1
    finally:
        database.dispose()
