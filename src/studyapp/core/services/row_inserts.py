"""New sessions built as ORM objects, written with plain INSERTs, many rows a statement.

An import fills each new session, its slots and to-dos as ORM objects (with the same code
that replaces an imported session) but never adds them to the ORM session: its unit of work
spent about a millisecond a row, most of an import's time. Their column values go out as
INSERTs instead; the session at once (its id is needed), the rows it holds queued for one
statement per table per batch of notes.
"""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import MANYTOONE
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models

Target = type[models.Base] | Table
QueuedRow = tuple[Target, dict[str, Any]]


def insert_session(orm: OrmSession, row: models.Session) -> tuple[int, list[QueuedRow]]:
    """Insert ``row`` (filled, never added to ``orm``); its id and the rows it holds.

    No flush event sees these rows: the caller has the session indexed, after
    :meth:`RowQueue.write` has written the rest.
    """
    inserted = orm.connection().execute(insert(models.Session), values(row)).inserted_primary_key
    if inserted is None:
        raise RuntimeError("the database gave no id for the new session")
    session_id = int(inserted[0])
    held: list[QueuedRow] = [
        (models.session_tags, {"session_id": session_id, "tag_id": tag.id}) for tag in row.tags
    ]
    for children in (row.attendance, row.presentations, row.checklist):
        held += [(type(child), values(child) | {"session_id": session_id}) for child in children]
    return session_id, held


class RowQueue:
    """Rows waiting for their INSERT, in the order they were queued."""

    def __init__(self) -> None:
        self._rows: list[QueuedRow] = []

    def extend(self, rows: list[QueuedRow]) -> None:
        self._rows += rows

    def write(self, orm: OrmSession) -> None:
        """Insert every queued row. Runs of one table go in one statement, in queue order,
        so ids come out as row-by-row inserts would give them; call it before anything else
        inserts into those tables."""
        connection = orm.connection()
        runs = itertools.groupby(self._rows, key=lambda queued: (queued[0], queued[1].keys()))
        for (target, _keys), run in runs:
            connection.execute(insert(target), [row for _, row in run])
        self._rows.clear()


def values(obj: object) -> dict[str, Any]:
    """The column values set on a transient ORM row, by column name, its many-to-one
    targets as their ids; columns never set are left out, for their defaults."""
    mapper = sa_inspect(type(obj))
    state = vars(obj)
    found = {
        attr.columns[0].name: state[attr.key] for attr in mapper.column_attrs if attr.key in state
    }
    for relation in mapper.relationships:
        if relation.direction is not MANYTOONE or relation.key not in state:
            continue
        target = state[relation.key]
        for local, remote in relation.local_remote_pairs:
            found[local.name] = None if target is None else _attribute_of(target, remote)
    return found


def _attribute_of(obj: object, column: Any) -> object:
    return getattr(obj, sa_inspect(type(obj)).get_property_by_column(column).key)
