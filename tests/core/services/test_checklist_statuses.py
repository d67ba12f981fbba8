"""A to-do's status changed through the service: the line as the Tasks plugin writes it, and
the rows following the lines (the ticked to-do keeps its id, a next occurrence is new)."""

import datetime as dt

import pytest

from studyapp.core import models
from studyapp.core.errors import ValidationError
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.sessions import SessionService

TODAY = dt.date(2025, 3, 11)


@pytest.fixture
def todos(database):
    return ChecklistService(database)


@pytest.fixture
def sessions(database):
    return SessionService(database)


@pytest.fixture
def session_id(sessions):
    return sessions.create(group="KD 스터디", title="0310", date=dt.date(2025, 3, 10)).id


def body_lines(sessions, session_id):
    return sessions.get(session_id).body.split("\n")


def with_body(sessions, todos, session_id, *lines):
    sessions.set_body(session_id, "\n".join(lines))
    return todos.items(session_id=session_id)


def test_a_recurring_to_do_done_keeps_its_row_and_its_next_occurrence_is_a_new_one(
    sessions, todos, session_id
):
    before = with_body(
        sessions,
        todos,
        session_id,
        "## 할 일",
        "- [ ] water plants 🔁 every week 📅 2025-03-10 ^w",
        "- [ ] other",
    )
    done = todos.set_done(before[0].id, True, today=TODAY)
    assert done is not None
    assert done.id == before[0].id
    assert (done.task.done, done.task.done_date, done.task.block_link) == (True, TODAY, "^w")
    assert body_lines(sessions, session_id) == [
        "## 할 일",
        "- [ ] water plants 🔁 every week 📅 2025-03-17",
        "- [x] water plants 🔁 every week 📅 2025-03-10 ✅ 2025-03-11 ^w",
        "- [ ] other",
    ]
    after = todos.items(session_id=session_id)
    assert [item.id for item in after][1:] == [before[0].id, before[1].id]
    following = after[0]
    assert following.id not in {item.id for item in before}
    assert (following.task.done, following.task.due_date) == (False, dt.date(2025, 3, 17))
    assert following.source_line == "- [ ] water plants 🔁 every week 📅 2025-03-17"


def test_a_to_do_that_says_delete_goes_when_done(sessions, todos, session_id):
    before = with_body(
        sessions,
        todos,
        session_id,
        "- [ ] once 🏁 delete",
        "- [ ] daily 🔁 every day 🏁 delete 📅 2025-03-10",
        "- [ ] other",
    )
    assert todos.set_done(before[0].id, True, today=TODAY) is None
    assert [item.id for item in todos.items(session_id=session_id)] == [
        before[1].id,
        before[2].id,
    ]
    # A recurring one leaves only its next occurrence, a to-do of its own.
    assert todos.set_done(before[1].id, True, today=TODAY) is None
    after = todos.items(session_id=session_id)
    assert body_lines(sessions, session_id) == [
        "- [ ] daily 🔁 every day 🏁 delete 📅 2025-03-11",
        "- [ ] other",
    ]
    assert after[1].id == before[2].id
    assert after[0].id not in {item.id for item in before}
    assert after[0].task.due_date == dt.date(2025, 3, 11)


@pytest.mark.parametrize(
    ("symbol", "line", "kind"),
    [
        ("/", "- [/] Bob: slides 📅 2025-03-17 #talk", "in_progress"),
        ("-", "- [-] Bob: slides 📅 2025-03-17 #talk ❌ 2025-03-11", "cancelled"),
        ("x", "- [x] Bob: slides 📅 2025-03-17 #talk ✅ 2025-03-11", "done"),
        ("?", "- [?] Bob: slides 📅 2025-03-17 #talk", "todo"),
    ],
)
def test_set_status_writes_the_line_the_plugin_writes(
    sessions, todos, session_id, symbol, line, kind
):
    [item] = with_body(sessions, todos, session_id, "- [ ] Bob: slides 📅 2025-03-17 #talk")
    changed = todos.set_status(item.id, symbol, today=TODAY)
    assert changed is not None and changed.id == item.id
    assert body_lines(sessions, session_id) == [line]
    assert changed.source_line == line
    assert changed.task.status_symbol == symbol
    assert changed.task.status_type.name.lower() == kind
    assert todos.get(item.id) == changed


def test_a_cancelled_to_do_made_a_to_do_again_loses_its_cancelled_date(sessions, todos, session_id):
    [item] = with_body(sessions, todos, session_id, "> - [ ] quoted 🔁 every day 📅 2025-03-10")
    cancelled = todos.set_status(item.id, "-", today=TODAY)
    assert cancelled is not None and cancelled.task.cancelled
    # Cancelling a recurring to-do makes no next occurrence (the plugin's rule: only DONE).
    assert body_lines(sessions, session_id) == [
        "> - [-] quoted 🔁 every day 📅 2025-03-10 ❌ 2025-03-11"
    ]
    assert todos.items(session_id=session_id, open_only=True) == []
    again = todos.set_status(item.id, " ", today=TODAY)
    assert again is not None and again.task.cancelled_date is None
    assert body_lines(sessions, session_id) == ["> - [ ] quoted 🔁 every day 📅 2025-03-10"]
    # Clearing the box of a to-do in progress leaves it in progress.
    todos.set_status(item.id, "/", today=TODAY)
    kept = todos.set_done(item.id, False, today=TODAY)
    assert kept is not None and kept.task.status_symbol == "/"


@pytest.mark.parametrize("symbol", ["", "xx", "\n", "]"])
def test_set_status_refuses_what_is_no_status(sessions, todos, session_id, symbol):
    [item] = with_body(sessions, todos, session_id, "- [ ] a")
    with pytest.raises(ValidationError):
        todos.set_status(item.id, symbol, today=TODAY)
    assert body_lines(sessions, session_id) == ["- [ ] a"]


@pytest.mark.parametrize(
    "typed", ["+ [ ] plus marker", "1. [ ] numbered", "> - [ ] quoted", "* [/] started"]
)
def test_a_whole_tasks_line_typed_in_the_add_box_is_written_as_typed(
    sessions, todos, session_id, typed
):
    added = todos.add(session_id, typed)
    assert added.source_line == typed
    assert body_lines(sessions, session_id)[-1] == typed


def _group_item(database, session_id, text, **fields):
    with database.transaction() as orm:
        group_id = orm.get(models.Session, session_id).group_id
        row = models.ChecklistItem(group_id=group_id, position=0, text=text, **fields)
        orm.add(row)
        orm.flush()
        return row.id


def test_a_group_list_to_do_takes_statuses_as_a_line_would(database, todos, session_id):
    item_id = _group_item(
        database, session_id, "chore", status_symbol="-", cancelled_date=dt.date(2025, 3, 1)
    )
    done = todos.set_done(item_id, True, today=TODAY)
    assert done is not None
    assert (done.task.done, done.task.done_date, done.task.cancelled_date) == (True, TODAY, None)
    started = todos.set_status(item_id, "/", today=TODAY)
    assert started is not None
    assert (started.task.status_symbol, started.task.done_date) == ("/", None)


def test_a_recurring_group_list_to_do_done_gets_its_next_one_above_it(database, todos, session_id):
    other = _group_item(database, session_id, "other")
    item_id = _group_item(
        database, session_id, "tidy", recurrence="every week", due_date=dt.date(2025, 3, 10)
    )
    with database.transaction() as orm:
        orm.get(models.ChecklistItem, item_id).position = 1
    done = todos.set_done(item_id, True, today=TODAY)
    assert done is not None and done.id == item_id and done.task.done
    listed = [item for item in todos.items() if item.session_id is None]
    assert [(item.task.text, item.task.done, item.task.due_date) for item in listed] == [
        ("other", False, None),
        ("tidy", False, dt.date(2025, 3, 17)),
        ("tidy", True, dt.date(2025, 3, 10)),
    ]
    assert [listed[0].id, listed[2].id] == [other, item_id]
    deleted = _group_item(database, session_id, "once", on_completion="delete")
    assert todos.set_done(deleted, True, today=TODAY) is None
    assert deleted not in {item.id for item in todos.items()}


def test_a_status_changed_in_the_text_keeps_the_row_the_line_stood_for(sessions, todos, session_id):
    # The editor's way: the whole text saved, the next occurrence above the ticked line.
    before = with_body(
        sessions, todos, session_id, "- [ ] water 🔁 every week 📅 2025-03-10", "- [ ] other"
    )
    after = with_body(
        sessions,
        todos,
        session_id,
        "- [ ] water 🔁 every week 📅 2025-03-17",
        "- [x] water 🔁 every week 📅 2025-03-10 ✅ 2025-03-11",
        "- [ ] other",
    )
    assert [item.id for item in after][1:] == [item.id for item in before]
    cancelled = with_body(
        sessions,
        todos,
        session_id,
        "- [-] water 🔁 every week 📅 2025-03-17 ❌ 2025-03-11",
        "- [x] water 🔁 every week 📅 2025-03-10 ✅ 2025-03-11",
        "- [ ] other",
    )
    assert [item.id for item in cancelled] == [item.id for item in after]
