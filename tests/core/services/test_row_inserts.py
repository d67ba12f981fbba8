"""Plain INSERTs on SQLite give the rows SQLAlchemy's own insert gives."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, text

from studyapp.core import models
from studyapp.core.services.row_inserts import RowQueue, insert_one

KST = dt.timezone(dt.timedelta(hours=9))


def _rows(orm, table: str) -> dict[int, dict[str, object]]:
    """Each row by id, its columns by name (a migrated table's column order is its own)."""
    found = orm.execute(text(f"SELECT * FROM {table} ORDER BY id")).mappings()
    return {row["id"]: dict(row) for row in found}


def _group(orm) -> int:
    return insert_one(orm, models.Group, {"name": "KD"})


def _session(group_id: int, **values: object) -> dict[str, object]:
    return {"group_id": group_id, "title": "회의", "date": dt.date(2025, 3, 4)} | values


SESSIONS = [
    {},
    {
        "start_time": dt.time(19, 30),
        "kind": models.SessionKind.PAPER_REVIEW,
        "status": models.SessionStatus.CANCELLED,
        "front_matter": {"format": "yaml", "blocks": [["tags", "- a"]]},
        "body": "# 회의\n\n노트\n- [ ] notes",
        "created_at": dt.datetime(2025, 3, 4, 19, 0, tzinfo=KST),
        "updated_at": dt.datetime(2025, 3, 5, 8, 0, tzinfo=dt.UTC),
        "source_path": None,
    },
]


@pytest.mark.sqlite_only  # SQLite's stored forms
@pytest.mark.parametrize("values", SESSIONS)
def test_a_session_row_matches_sqlalchemys_insert(database, values):
    with database.transaction() as orm:
        group_id = _group(orm)
        plain = insert_one(orm, models.Session, _session(group_id, **values))
        expected = orm.connection().execute(insert(models.Session), _session(group_id, **values))
        reference = expected.inserted_primary_key[0]
        rows = _rows(orm, "sessions")
    clock = {"created_at", "updated_at"} - set(values)
    columns = [c.name for c in models.Session.__table__.c if c.name != "id"]
    assert set(rows[plain]) == {*columns, "id"}
    for name in columns:
        mine, theirs = rows[plain][name], rows[reference][name]
        if name in clock:  # the defaults read the clock: both set, a moment apart
            assert mine is not None and theirs is not None
            assert abs(_parsed(mine) - _parsed(theirs)) < dt.timedelta(seconds=5)
        else:
            assert mine == theirs, name


def _parsed(stored: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stored)


@pytest.mark.sqlite_only  # SQLite's stored forms
def test_queued_rows_go_in_per_table_in_queue_order_with_their_defaults(database):
    with database.transaction() as orm:
        group_id = _group(orm)
        session_id = insert_one(orm, models.Session, _session(group_id))
        queue = RowQueue()
        items = [
            {"session_id": session_id, "group_id": group_id, "position": 0, "text": "a"},
            {
                "session_id": session_id,
                "group_id": group_id,
                "position": 1,
                "text": "b",
                "done": True,
                "due_date": dt.date(2025, 3, 9),
                "priority": models.Priority.HIGH,
            },
            {"session_id": session_id, "group_id": group_id, "position": 2, "text": "c"},
        ]
        queue.extend([(models.ChecklistItem, item) for item in items])
        person_id = insert_one(orm, models.Person, {"name": "민수"})
        queue.extend([(models.Attendance, {"session_id": session_id, "person_id": person_id})])
        queue.write(orm)
        attendance = orm.execute(text("SELECT present, position FROM attendance")).all()
        orm.execute(insert(models.ChecklistItem), [item | {"position": 9} for item in items])
        stored = orm.execute(
            text("SELECT position, text, done, due_date, priority FROM checklist_items ORDER BY id")
        ).all()
    assert [tuple(row) for row in stored[:3]] == [
        (0, "a", False, None, None),
        (1, "b", True, "2025-03-09", "high"),
        (2, "c", False, None, None),
    ]
    assert [tuple(row) for row in attendance] == [(True, 0)]
    # SQLAlchemy's insert of the same rows stores the same values.
    assert [tuple(row)[1:] for row in stored[3:]] == [tuple(row)[1:] for row in stored[:3]]
