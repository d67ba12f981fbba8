"""Rows written with plain INSERTs, many a statement, instead of through the ORM.

An import's new sessions, their slots and to-dos were a dozen ORM objects a note, whose
bookkeeping and flushes took most of an import's time. A session goes in at once (its id
is needed); the rows it holds wait in a :class:`RowQueue` for one statement per table.

On SQLite the statements go straight to the driver, with the values converted by the
columns' own types and the columns' Python defaults filled in, as SQLAlchemy would: its
per-row bookkeeping cost more than the inserts themselves. Other databases get
SQLAlchemy's insert.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Column, Dialect, Executable, Table, insert
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import MANYTOONE
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.sql.schema import CallableColumnDefault, ColumnDefault, ScalarElementColumnDefault

from studyapp.core import models

Target = type[models.Base] | Table
QueuedRow = tuple[Target, dict[str, Any]]
Processor = Callable[[Any], Any]


def insert_one(orm: OrmSession, target: Target, row: dict[str, Any]) -> int:
    """Insert one row (columns left out get their defaults); its id."""
    connection = orm.connection()
    if connection.dialect.name == "sqlite":
        statement = _driver_insert(_table(target), tuple(row), connection.dialect)
        (parameters,) = statement.parameters([row])
        row_id: int | None = connection.exec_driver_sql(statement.sql, parameters).lastrowid
    else:
        inserted = connection.execute(_insert(target), row).inserted_primary_key
        row_id = None if inserted is None else inserted[0]
    if row_id is None:
        raise RuntimeError(f"the database gave no id for the new {_table(target).name} row")
    return int(row_id)


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
        driver = connection.dialect.name == "sqlite"
        for target, rows in by_table.items():
            for keys, run in itertools.groupby(rows, key=dict.keys):
                if driver:
                    statement = _driver_insert(_table(target), tuple(keys), connection.dialect)
                    connection.exec_driver_sql(statement.sql, statement.parameters(run))
                else:
                    connection.execute(_insert(target), list(run))
        self._rows.clear()


@functools.cache  # composed once: composing took as long as running it
def _insert(target: Target) -> Executable:
    return insert(target)


def _table(target: Target) -> Table:
    return target if isinstance(target, Table) else cast(Table, target.__table__)


@dataclass(frozen=True)
class _DriverInsert:
    """An INSERT of given columns in the driver's own terms: its SQL, and how rows' values
    become the statement's parameters."""

    sql: str
    keys: tuple[str, ...]  # the rows' columns, in statement order; the defaulted ones follow
    converters: tuple[tuple[int, Processor], ...]  # (index in keys, its type's processor)
    defaults: tuple[tuple[Callable[[], Any], Processor | None], ...]  # left-out columns

    def parameters(self, rows: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
        """Each row's parameters. The defaults are worked out once for all the rows: the
        clock read once, as SQL's CURRENT_TIMESTAMP is, and not twice a row."""
        filled = tuple(
            default() if process is None else process(default())
            for default, process in self.defaults
        )
        found = []
        for row in rows:
            values = [row[key] for key in self.keys]
            for index, process in self.converters:
                values[index] = process(values[index])
            found.append((*values, *filled))
        return found


@functools.cache
def _driver_insert(table: Table, keys: tuple[str, ...], dialect: Dialect) -> _DriverInsert:
    defaulted = [
        column
        for column in table.c
        if column.key not in keys and isinstance(column.default, ColumnDefault)
    ]
    columns = [table.c[key] for key in keys] + defaulted
    processors = [column.type.dialect_impl(dialect).bind_processor(dialect) for column in columns]
    names = ", ".join(dialect.identifier_preparer.quote(column.name) for column in columns)
    marks = ", ".join("?" for _ in columns)
    return _DriverInsert(
        sql=f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({names})"
        f" VALUES ({marks})",
        keys=keys,
        converters=tuple(
            (index, process)
            for index, process in enumerate(processors[: len(keys)])
            if process is not None
        ),
        defaults=tuple(zip(map(_python_default, defaulted), processors[len(keys) :], strict=True)),
    )


def _python_default(column: Column[Any]) -> Callable[[], Any]:
    default = column.default
    if isinstance(default, ScalarElementColumnDefault):
        value = default.arg
        return lambda: value
    if isinstance(default, CallableColumnDefault):
        # SQLAlchemy wraps a default that takes no arguments in one that takes the
        # execution context; ours never read it.
        function = cast(Callable[[None], Any], default.arg)
        return lambda: function(None)
    raise TypeError(f"{column} has a default only SQLAlchemy can compute")


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
