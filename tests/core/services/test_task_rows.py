"""To-do rows hold everything their Tasks line says: the status character, 🆔, ⛔, 🏁 and the
block link, whichever way the line came in (typed, imported) and whichever reader asks."""

import datetime as dt

import pytest

from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.imports import ImportService
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService
from studyapp.core.tasks import StatusType, parse_task_line

LINES = [
    "- [/] Bob: slides #talk 🆔 s1 📅 2025-03-17",
    "> - [-] 회의실 예약 ⛔ s1,s2 ❌ 2025-03-09",
    "+ [ ] once 🏁 delete ^once",
    "1. [x] read it ✅ 2025-03-11",
    "- [?] maybe 🏁 keep",
]


@pytest.fixture
def sessions(database):
    return SessionService(database)


@pytest.fixture
def todos(database):
    return ChecklistService(database)


def _check(items):
    assert [item.source_line for item in items] == LINES
    for item in items:
        assert item.task == parse_task_line(item.source_line), item.source_line
    started, cancelled, once, done, maybe = (item.task for item in items)
    assert (started.status_type, started.task_id, started.tags) == (
        StatusType.IN_PROGRESS,
        "s1",
        ("#talk",),
    )
    assert (cancelled.cancelled, cancelled.depends_on) == (True, ("s1", "s2"))
    assert (once.on_completion, once.block_link) == ("delete", "^once")
    assert done.done and done.status_symbol == "x"
    assert (maybe.status_symbol, maybe.status_type, maybe.on_completion) == (
        "?",
        StatusType.TODO,
        "keep",
    )


def test_a_saved_body_gives_rows_with_every_field_to_every_reader(sessions, todos):
    session_id = sessions.create(group="G", title="a", date=dt.date(2025, 3, 10)).id
    sessions.set_body(session_id, "\n".join(LINES))
    _check(todos.items(session_id=session_id))
    _check(sessions.get(session_id).checklist)  # read with plain columns
    [item] = [i for i in todos.items(session_id=session_id) if i.task.task_id]
    assert todos.get(item.id) == item
    later = sessions.create(group="G", title="b", date=dt.date(2025, 3, 17)).id
    carried = todos.carried_over(later)
    assert [i.task for i in carried] == [i.task for i in todos.items(open_only=True)]


def test_an_imported_note_gives_the_same_rows(database, tmp_path, todos):
    note = tmp_path / "2025-03-10 모임.md"
    note.write_text("# 모임\n\n" + "\n".join(LINES) + "\n", encoding="utf-8")
    report = ImportService(database).import_paths([note])
    [outcome] = report.outcomes
    _check(todos.items(session_id=outcome.session_id))


def test_open_means_neither_done_nor_cancelled(database, sessions, todos):
    session_id = sessions.create(group="G", title="a", date=dt.date(2025, 3, 10)).id
    sessions.set_body(
        session_id,
        "\n".join(
            [
                "- [-] 낙타 cancelled without a date",
                "- [ ] 낙타 with a cancelled date ❌ 2025-03-09",
                "- [x] 낙타 done",
                "- [/] 낙타 started",
                "- [?] 낙타 unknown",
            ]
        ),
    )
    open_items = todos.items(open_only=True)
    assert [item.task.text for item in open_items] == ["낙타 started", "낙타 unknown"]
    hits = SearchService(database).search("is:open 낙타")
    assert [hit.session_id for hit in hits] == [session_id]
    empty = sessions.create(group="G", title="b", date=dt.date(2025, 3, 12)).id
    sessions.set_body(empty, "- [-] 낙타 only cancelled here")
    assert [hit.session_id for hit in SearchService(database).search("is:open 낙타")] == [
        session_id
    ]


def test_a_quoted_to_do_under_a_talk_is_a_to_do_and_part_of_its_discussion(sessions, todos):
    # Rows are views of lines: the one line is both, and a tick shows in both.
    session_id = sessions.create(group="G", title="a", date=dt.date(2025, 3, 10)).id
    sessions.set_body(
        session_id,
        "## Alice: Tiny Teachers (CVPR 2024)\n\n"
        "> 왜 작은 모델인가?\n"
        "> - [ ] Alice: 실험 다시 돌리기",
    )
    [item] = todos.items(session_id=session_id)
    [talk] = sessions.get(session_id).presentations
    assert talk.discussion.splitlines() == ["왜 작은 모델인가?", "- [ ] Alice: 실험 다시 돌리기"]
    todos.set_done(item.id, True, today=dt.date(2025, 3, 11))
    [talk] = sessions.get(session_id).presentations
    assert talk.discussion.splitlines()[-1] == "- [x] Alice: 실험 다시 돌리기 ✅ 2025-03-11"
    assert todos.get(item.id).task.done
