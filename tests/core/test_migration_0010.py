"""0009 -> 0010: to-do rows keep the status character, id, depends-on, on-completion and block
link their line says."""

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import select

from studyapp.core import migrate, models
from studyapp.core.db import open_database
from studyapp.core.schema_version import SCHEMA_HEAD
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.sessions import SessionService
from studyapp.core.tasks import parse_task_line

FIXTURE_0007 = Path(__file__).parents[1] / "fixtures" / "db" / "studyapp-0007.sqlite3"

LINES = [
    "- [ ] plain",
    "- [x] done ✅ 2025-03-11",
    "- [X] done in capitals",
    "> - [/] started in a quote 🆔 abc ⛔ x1,y2 ^blk",
    "1. [-] dropped 🏁 delete ❌ 2025-03-09",
    "* [?] unknown status 🏁 keep",
]


def _columns(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[1] for row in connection.execute("PRAGMA table_info(checklist_items)")}


def _at_0009(path: Path) -> None:
    """Rows written by today's code, then the schema taken back to 0009 (its columns go)."""
    database = open_database(f"sqlite:///{path}")
    try:
        sessions = SessionService(database)
        session = sessions.create(group="G", title="t", date=dt.date(2025, 3, 10))
        sessions.set_body(session.id, "\n".join(LINES))
        with database.transaction() as orm:
            group_id = orm.get(models.Session, session.id).group_id
            for text, done, cancelled in (
                ("group done", True, None),
                ("group cancelled", False, dt.date(2025, 3, 1)),
                ("group open", False, None),
            ):
                orm.add(
                    models.ChecklistItem(
                        group_id=group_id, text=text, done=done, cancelled_date=cancelled
                    )
                )
        with database.engine.connect() as connection:
            command.downgrade(migrate.alembic_config(connection), "0009")
            connection.commit()
    finally:
        database.dispose()


def test_0010_reads_the_new_fields_from_each_line(tmp_path):
    path = tmp_path / "old.sqlite3"
    _at_0009(path)
    assert "status_symbol" not in _columns(path)
    database = open_database(f"sqlite:///{path}")
    try:
        assert migrate.current_revision(database) == SCHEMA_HEAD
        items = ChecklistService(database).items()
    finally:
        database.dispose()
    by_line = {item.source_line: item.task for item in items if item.source_line}
    assert list(by_line) == LINES
    for line, task in by_line.items():
        assert task == parse_task_line(line), line
    quoted = by_line[LINES[3]]
    assert (quoted.status_symbol, quoted.task_id, quoted.depends_on, quoted.block_link) == (
        "/",
        "abc",
        ("x1", "y2"),
        "^blk",
    )
    assert by_line[LINES[4]].on_completion == "delete" and by_line[LINES[4]].cancelled
    group = {item.task.text: item.task.status_symbol for item in items if not item.source_line}
    assert group == {"group done": "x", "group cancelled": "-", "group open": " "}


def test_0007_rows_migrated_to_head_say_what_their_lines_say(tmp_path):
    path = tmp_path / "old-0007.sqlite3"
    shutil.copyfile(FIXTURE_0007, path)
    database = open_database(f"sqlite:///{path}")
    try:
        with database.transaction() as orm:
            rows = orm.scalars(
                select(models.ChecklistItem).where(models.ChecklistItem.source_line.isnot(None))
            ).all()
            assert rows
            for row in rows:
                read = parse_task_line(row.source_line)
                assert read is not None
                assert (row.status_symbol, row.done) == (read.status_symbol, read.done), row.id
    finally:
        database.dispose()
