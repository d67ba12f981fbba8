"""Rows written with plain INSERTs, many a statement, instead of through the ORM.

An import's new sessions, their slots and to-dos were a dozen ORM objects a note, whose
bookkeeping and flushes took most of an import's time. A session goes in at once (its id
is needed); the rows it holds wait in a :class:`RowQueue` for one statement per table.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

from sqlalchemy import Executable, Table, insert
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import MANYTOONE
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models

Target = type[models.Base] | Table
QueuedRow = tuple[Target, dict[str, Any]]


def insert_one(orm: OrmSession, target: type[models.Base], row: dict[str, Any]) -> int:
    """Insert one row (columns left out get their defaults); its id."""
    inserted = orm.connection().execute(_insert(target), row).inserted_primary_key
    if inserted is None:
        raise RuntimeError(f"the database gave no id for the new {target.__name__} row")
    return int(inserted[0])


class RowQueue:
    """Rows waiting for their INSERT, in the order they were queued."""

    def __init__(self) -> None:
        self._rows: list[QueuedRow] = []

    def extend(self, rows: list[QueuedRow]) -> None:
        self._rows += rows

    def write(self, orm: OrmSession) -> None:
        """Insert every queued row: a statement per table (and set of columns), each table's
        rows in queue order, so ids come out as row-by-row inserts would give them. Call it
        before anything else inserts into these tables."""
        by_table: dict[Target, list[dict[str, Any]]] = {}
        for target, row in self._rows:
            by_table.setdefault(target, []).append(row)
        connection = orm.connection()
        for target, rows in by_table.items():
            for _keys, run in itertools.groupby(rows, key=dict.keys):
                connection.execute(_insert(target), list(run))
        self._rows.clear()


@functools.cache  # composed once: composing took as long as running it
def _insert(target: Target) -> Executable:
    return insert(target)


def values(obj: models.Base) -> dict[str, Any]:
    """The column values set on a transient ORM row; see :func:`column_values`."""
    return column_values(type(obj), vars(obj))


def column_values(model: type[models.Base], attributes: dict[str, Any]) -> dict[str, Any]:
    """Attribute values of a ``model`` row by column name, its many-to-one targets as their
    ids; columns never set are left out, for their defaults."""
    columns, relations = _layout(model)
    found = {column: attributes[key] for key, column in columns if key in attributes}
    for key, pairs in relations:
        if key in attributes:
            target = attributes[key]
            for local, remote in pairs:
                found[local] = None if target is None else getattr(target, remote)
    return found


@functools.cache
def _layout(
    model: type[models.Base],
) -> tuple[list[tuple[str, str]], list[tuple[str, list[tuple[str, str]]]]]:
    """A model's (attribute, column) pairs, and its many-to-one relations with the
    (column, attribute of the target) pairs they set: asked once, not once a row."""
    mapper = sa_inspect(model)
    columns = [(attr.key, attr.columns[0].name) for attr in mapper.column_attrs]
    relations = [
        (
            relation.key,
            [
                (local.name, relation.mapper.get_property_by_column(remote).key)
                for local, remote in relation.local_remote_pairs
            ],
        )
        for relation in mapper.relationships
        if relation.direction is MANYTOONE
    ]
    return columns, relations
