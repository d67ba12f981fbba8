import datetime as dt
from dataclasses import replace

import pytest

from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.sessions import SessionService


@pytest.fixture
def todos(database):
    return ChecklistService(database)


@pytest.fixture
def session_id(database):
    return (
        SessionService(database)
        .create(group="KD 스터디", title="0310", date=dt.date(2025, 3, 10))
        .id
    )


def texts(todos, session_id):
    return [item.task.text for item in todos.items(session_id=session_id)]


def test_get_returns_the_item_with_its_session(todos, session_id):
    added = todos.add(session_id, "지호님: 슬라이드 보내기 🔼 📅 2025-03-17")
    got = todos.get(added.id)
    assert got == added
    assert got.task.assignee == "지호님"
    assert got.task.priority == "medium"
    assert got.session_date == dt.date(2025, 3, 10)
    assert got.group == "KD 스터디"


def test_get_missing_item(todos):
    with pytest.raises(NotFoundError):
        todos.get(12345)


def test_restore_puts_a_removed_item_back_in_place(todos, session_id):
    items = [todos.add(session_id, text) for text in ("one", "two ⏫", "three")]
    todos.remove(items[1].id)
    assert texts(todos, session_id) == ["one", "three"]
    restored = todos.restore(items[1])
    assert restored.id != items[1].id
    assert restored.task == items[1].task
    assert texts(todos, session_id) == ["one", "two", "three"]
    assert [i.position for i in todos.items(session_id=session_id)] == [0, 1, 2]


def test_restore_keeps_done_state_and_source_line(todos, session_id):
    item = todos.add(session_id, "read the paper")
    done = todos.set_done(item.id, True, today=dt.date(2025, 3, 11))
    todos.remove(done.id)
    restored = todos.restore(replace(done, source_line="- [x] read the paper ✅ 2025-03-11"))
    assert restored.task.done
    assert restored.task.done_date == dt.date(2025, 3, 11)
    assert restored.source_line == "- [x] read the paper ✅ 2025-03-11"


def test_restore_into_a_deleted_session_fails_cleanly(database, todos, session_id):
    item = todos.add(session_id, "x")
    todos.remove(item.id)
    SessionService(database).trash(session_id)
    with pytest.raises(NotFoundError):
        todos.restore(item)


def test_restore_needs_a_session(todos, session_id):
    item = todos.add(session_id, "x")
    with pytest.raises(ValidationError):
        todos.restore(replace(item, session_id=None))


def test_move_still_reorders(todos, session_id):
    items = [todos.add(session_id, text) for text in ("a", "b", "c")]
    todos.move(items[0].id, 2)
    assert texts(todos, session_id) == ["b", "c", "a"]
    todos.move(items[0].id, 0)
    assert texts(todos, session_id) == ["a", "b", "c"]
