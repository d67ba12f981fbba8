"""Data steps a revision asks for, run by today's code once the schema is at head.

A revision that needs the ORM and the services (bringing rows in step with the bodies, as a
save does) cannot run them in its own turn: today's models map columns that later revisions
add, so a query from there would name columns the tables do not have yet. Such a revision
records the step by name (:func:`request`); :func:`run_pending` runs it after the last
revision, in the same transaction, and forgets it.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

_TABLE = "studyapp_pending_steps"


def request(bind: sa.Connection, name: str) -> None:
    bind.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {_TABLE} (name VARCHAR(80) PRIMARY KEY)")
    bind.execute(sa.text(f"DELETE FROM {_TABLE} WHERE name = :name"), {"name": name})
    bind.execute(sa.text(f"INSERT INTO {_TABLE} (name) VALUES (:name)"), {"name": name})


def run_pending(bind: sa.Connection) -> list[str]:
    """Run the steps asked for; their names."""
    if not sa.inspect(bind).has_table(_TABLE):
        return []
    names = [row[0] for row in bind.execute(sa.text(f"SELECT name FROM {_TABLE} ORDER BY name"))]
    for name in names:
        STEPS[name](bind)
    bind.exec_driver_sql(f"DROP TABLE {_TABLE}")
    return names


def sync_rows_with_bodies(bind: sa.Connection) -> None:
    """Rows of a body that says more than its rows did (a Tasks line typed into the notes
    became a to-do only with revision 0008) are brought in step, as a save would; then the
    search index is filled from what the rows say now."""
    from sqlalchemy.orm import Session as OrmSession

    from studyapp.core import models
    from studyapp.core.document.lines import split_body
    from studyapp.core.markdown.clock import timing_line
    from studyapp.core.search.index import rebuild
    from studyapp.core.services.body_rows import outline_of, sync_rows

    orm = OrmSession(bind=bind, autoflush=False)
    try:
        for row in orm.scalars(sa.select(models.Session)):
            outline = outline_of(orm, row)
            slots = [slot.heading_raw for slot in row.presentations]
            tasks = [item.source_line for item in row.checklist]
            attendance = outline.attendance.text if outline.attendance else None
            if (
                [talk.heading for talk in outline.talks] == slots
                and [task.text for task in outline.tasks] == tasks
                and (attendance is None or attendance == row.attendees_raw)
            ):
                continue
            timing = {
                slot.id: (slot.duration_seconds, slot.timebox_minutes) for slot in row.presentations
            }
            sync_rows(orm, row, outline)
            # A slot's timing line shows only a timed slot, and a default time box as 20:00:
            # where the body shows what the row held, the row's own values stay (a time box
            # set before the talk started, no time box of its own).
            lines = split_body(row.body)
            for slot, talk in zip(row.presentations, outline.talks, strict=True):
                if slot.id not in timing:
                    continue
                duration, timebox = timing[slot.id]
                written = "" if talk.timing_at is None else lines[talk.timing_at]
                if written == timing_line(duration, timebox):
                    slot.duration_seconds = duration
                    slot.timebox_minutes = timebox
            orm.flush()
    finally:
        orm.close()
    # The tokenizer is code, not schema: the index is filled with today's (plain SQL only).
    rebuild(bind)


def rebuild_search_index(bind: sa.Connection) -> None:
    """Index every session with today's texts (what the index holds changed)."""
    from studyapp.core.search.index import rebuild

    rebuild(bind)


STEPS: dict[str, Callable[[sa.Connection], None]] = {
    "search_index": rebuild_search_index,
    "sync_rows": sync_rows_with_bodies,
}
