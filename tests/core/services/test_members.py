"""Members: revisions, ticked to-dos and added talks name who wrote, ticked or added them."""

import datetime as dt

import pytest
from sqlalchemy import select

from studyapp.core import models
from studyapp.core.actor import Actor, default_actor, os_user_name
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.history import HistoryService
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.rotation import RotationService
from studyapp.core.services.sessions import SessionService

ALICE = Actor("Alice")
DONGHUN = Actor("동훈님")


@pytest.fixture
def session_id(database):
    return (
        SessionService(database)
        .create(group="KD 스터디", title="0310", date=dt.date(2025, 3, 10))
        .id
    )


def revisions(database, session_id):
    return HistoryService(database).revisions(session_id)


def test_a_revision_names_who_wrote_the_text_it_keeps(database, session_id):
    SessionService(database, ALICE).set_body(session_id, "Alice의 첫 메모")
    SessionService(database, DONGHUN).set_body(session_id, "동훈님이 고친 메모")

    [kept] = revisions(database, session_id)
    assert HistoryService(database).content(kept.id) == "Alice의 첫 메모"
    assert kept.author == "Alice"


def test_another_members_text_is_kept_even_within_the_typing_interval(database, session_id):
    alice = SessionService(database, ALICE)
    alice.set_body(session_id, "one")
    alice.set_body(session_id, "one two")  # "one" kept: the first revision
    alice.set_body(session_id, "one two!")  # the same writer, seconds later: throttled
    SessionService(database, DONGHUN).set_body(session_id, "one two three")
    SessionService(database, ALICE).set_body(session_id, "one two three four")

    found = [
        (HistoryService(database).content(r.id), r.author) for r in revisions(database, session_id)
    ]
    assert found == [("one two three", "동훈님"), ("one two!", "Alice"), ("one", "Alice")]


def test_the_name_is_spelled_as_the_group_writes_it(database, session_id):
    RotationService(database).set_members("KD 스터디", ["Alice"])
    SessionService(database, Actor("alice")).set_body(session_id, "first")
    SessionService(database, DONGHUN).set_body(session_id, "second")
    assert [r.author for r in revisions(database, session_id)] == ["Alice"]


def test_a_switch_keeps_the_windows_own_typing_under_its_name(database, session_id):
    SessionService(database, ALICE).set_body(session_id, "saved by Alice")
    history = HistoryService(database, DONGHUN)
    assert history.record(session_id, "body", "saved by Alice", reason="switch")
    assert history.record(session_id, "body", "typed by 동훈님, not saved", reason="switch")
    assert [r.author for r in revisions(database, session_id)] == ["동훈님", "Alice"]


def test_a_restore_names_the_restorer_as_the_bodys_writer(database, session_id):
    SessionService(database, ALICE).set_body(session_id, "version A")
    SessionService(database, ALICE).set_body(session_id, "")
    old = next(r for r in revisions(database, session_id) if r.reason == "edit")
    HistoryService(database, DONGHUN).restore(session_id, old.id)
    with database.transaction() as orm:
        assert orm.get(models.Session, session_id).body_author == "동훈님"


def test_ticking_a_todo_records_who_ticked_it(database, session_id):
    item = ChecklistService(database, ALICE).add(session_id, "슬라이드 공유")
    assert item.done_by is None
    ticked = ChecklistService(database, DONGHUN).set_done(item.id, True, today=dt.date(2025, 3, 11))
    assert ticked.done_by == "동훈님"
    # Editing a done to-do's text keeps who ticked it; clearing it forgets them.
    assert ChecklistService(database, ALICE).get(item.id).done_by == "동훈님"
    assert SessionService(database).get(session_id).checklist[0].done_by == "동훈님"
    cleared = ChecklistService(database, ALICE).set_done(item.id, False)
    assert cleared.done_by is None


def test_a_box_ticked_by_typing_in_the_body_is_recorded(database, session_id):
    sessions = SessionService(database, ALICE)
    sessions.set_body(session_id, "## To-do\n- [ ] 논문 읽기\n- [ ] 코드 정리\n")
    SessionService(database, DONGHUN).set_body(
        session_id, "## To-do\n- [x] 논문 읽기 ✅ 2025-03-11\n- [ ] 코드 정리\n"
    )
    items = ChecklistService(database).items(session_id=session_id)
    assert [(i.task.text, i.done_by) for i in items] == [
        ("논문 읽기", "동훈님"),
        ("코드 정리", None),
    ]


def test_a_group_lists_own_todo_records_who_ticked_it(database, session_id):
    with database.transaction() as orm:
        group_id = orm.scalar(select(models.Group.id))
        orm.add(models.ChecklistItem(group_id=group_id, text="회의실 예약", position=0))
    [item] = [i for i in ChecklistService(database).items() if i.session_id is None]
    ticked = ChecklistService(database, ALICE).set_done(item.id, True, today=dt.date(2025, 3, 11))
    assert ticked.done_by == "Alice"


def test_a_talk_added_records_who_added_it(database, session_id):
    PresentationService(database, DONGHUN).add(session_id, presenter="민수", title="진행 상황")
    SessionService(database, ALICE).set_body(
        session_id,
        SessionService(database).get(session_id).body + "\n## Alice: Attention Is All You Need\n",
    )
    with database.transaction() as orm:
        talks = orm.scalars(
            select(models.Presentation.added_by).order_by(models.Presentation.position)
        ).all()
    assert talks == ["동훈님", "Alice"]


def test_without_an_actor_nothing_is_recorded(database, session_id):
    SessionService(database).set_body(session_id, "anonymous")
    SessionService(database).set_body(session_id, "still anonymous")
    assert [r.author for r in revisions(database, session_id)] == [None]


def test_the_default_actor_is_the_settings_name_else_the_computer_user(monkeypatch):
    assert default_actor("  동훈님  ") == Actor("동훈님")
    monkeypatch.setenv("USER", "jdoe")
    monkeypatch.setenv("LOGNAME", "jdoe")
    assert default_actor("") == Actor.named(os_user_name())
    assert Actor.named("   ") is None
