"""Who a name in the settings is recorded as: the group's own spelling and its groups."""

import datetime as dt

from studyapp.core.actor import Actor
from studyapp.core.services.members import MemberMatch, who_is
from studyapp.core.services.rotation import RotationService
from studyapp.core.services.sessions import SessionService


def test_a_name_is_matched_to_the_person_the_group_knows(database):
    rotation = RotationService(database)
    rotation.set_members("KD 스터디", ["Alice Kim", "동훈님"])
    rotation.set_members("NLP Reading", ["Alice Kim"])
    assert who_is(database, "  alice   KIM ") == MemberMatch(
        "Alice Kim", ("KD 스터디", "NLP Reading")
    )
    assert who_is(database, "동훈님") == MemberMatch("동훈님", ("KD 스터디",))


def test_an_unknown_or_blank_name_is_nobody_yet(database):
    RotationService(database).set_members("KD 스터디", ["Alice Kim"])
    assert who_is(database, "Bob") is None
    assert who_is(database, "   ") is None
    assert who_is(database, None) is None


def test_a_person_only_named_in_the_notes_is_in_no_group(database):
    sessions = SessionService(database, Actor("x"))
    session = sessions.create(group="KD 스터디", title="0310", date=dt.date(2025, 3, 10))
    sessions.set_body(session.id, "- 참석: 태윤님\n")
    match = who_is(database, "태윤님")
    assert match is not None and match.name == "태윤님"
    assert match.groups in ((), ("KD 스터디",))  # attendance may or may not make a member
