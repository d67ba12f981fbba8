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


def test_update_rewrites_the_line_and_keeps_the_item(database, todos, session_id):
    item = todos.add(session_id, "read the paper")
    updated = todos.update(
        item.id, replace(item.task, text="  read it twice ", assignee="Bob", priority="high")
    )
    assert updated.id == item.id
    assert (updated.task.text, updated.task.assignee) == ("read it twice", "Bob")
    body = SessionService(database).get(session_id).body
    assert "- [ ] Bob: read it twice ⏫" in body.splitlines()
    assert "read the paper" not in body


@pytest.mark.parametrize(
    "task_text",
    [
        "",
        "   ",
        "two\nlines",
        "carriage\rreturn",
        "ends in a field 📅 2025-03-17",  # would read back as a due date
    ],
)
def test_update_refuses_what_its_line_cannot_say(database, todos, session_id, task_text):
    item = todos.add(session_id, "keep me")
    body = SessionService(database).get(session_id).body
    with pytest.raises(ValidationError):
        todos.update(item.id, replace(item.task, text=task_text))
    assert todos.get(item.id) == item  # a refused edit changes nothing
    assert SessionService(database).get(session_id).body == body


def test_update_refuses_an_assignee_the_line_cannot_name(database, todos, session_id):
    item = todos.add(session_id, "keep me")
    with pytest.raises(ValidationError):
        todos.update(item.id, replace(item.task, assignee="x" * 300))
    assert todos.get(item.id) == item


def test_add_trims_line_breaks_around_the_text(database, todos, session_id):
    item = todos.add(session_id, "\r동훈님\n")
    assert item.task.text == "동훈님"
    assert SessionService(database).get(session_id).body.endswith("\n- [ ] 동훈님")


@pytest.mark.parametrize("text", ["a\nb", "a\rb", "  ", "- [ ] "])
def test_add_refuses_what_is_not_one_line_of_text(database, todos, session_id, text):
    with pytest.raises(ValidationError):
        todos.add(session_id, text)
    assert todos.items(session_id=session_id) == []
    assert SessionService(database).get(session_id).body == ""


def test_a_group_list_item_without_a_session_is_ticked_directly(database, todos, session_id):
    from studyapp.core import models

    with database.transaction() as orm:
        group_id = orm.get(models.Session, session_id).group_id
        row = models.ChecklistItem(group_id=group_id, position=0, text="group chore")
        orm.add(row)
        orm.flush()
        item_id = row.id
    done = todos.set_done(item_id, True, today=dt.date(2025, 3, 11))
    assert (done.id, done.task.done, done.task.done_date) == (item_id, True, dt.date(2025, 3, 11))
    assert SessionService(database).get(session_id).body == ""
