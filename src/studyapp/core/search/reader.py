"""Plain SQL through one small interface, so the query path runs with or without SQLAlchemy.

On SQLite the search reads through the sqlite3 module itself (:class:`SqliteReader`): the
window hands it the connection of its transaction, the command line a connection of its
own, opened without loading SQLAlchemy at all. Other databases go through SQLAlchemy
(``services/search.py``). SQL is written with ``:name`` parameters; a list value stands
for ``(v1, v2, ...)``, as SQLAlchemy's expanding parameters do.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator, Mapping
from typing import Any, Protocol

Params = Mapping[str, object]
_NAME = re.compile(r":([A-Za-z_][A-Za-z0-9_]*)")


class Reader(Protocol):
    sqlite: bool

    def rows(self, sql: str, params: Params | None = None) -> list[tuple[Any, ...]]: ...

    def stream(self, sql: str, params: Params | None = None) -> Iterator[tuple[Any, ...]]: ...


class SqliteReader:
    """A sqlite3 connection read with ``:name`` parameters, lists expanded, dates as text."""

    sqlite = True

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def rows(self, sql: str, params: Params | None = None) -> list[tuple[Any, ...]]:
        return self.connection.execute(*_expanded(sql, params or {})).fetchall()

    def stream(self, sql: str, params: Params | None = None) -> Iterator[tuple[Any, ...]]:
        cursor = self.connection.execute(*_expanded(sql, params or {}))
        while batch := cursor.fetchmany(500):
            yield from batch


def _expanded(sql: str, params: Params) -> tuple[str, dict[str, object]]:
    values: dict[str, object] = {}
    for name, value in params.items():
        if isinstance(value, list | tuple):
            values.update((f"{name}_{n}", item) for n, item in enumerate(value))
        else:
            values[name] = value.isoformat() if isinstance(value, dt.date) else value

    def place(match: re.Match[str]) -> str:
        name = match.group(1)
        value = params.get(name)
        if isinstance(value, list | tuple):
            return "(" + ", ".join(f":{name}_{n}" for n in range(len(value))) + ")"
        return match.group()

    return _NAME.sub(place, sql), values


def as_date(value: object) -> dt.date:
    """A date column's value: text on SQLite, a date elsewhere."""
    if type(value) is str:  # SQLite's, asked first: every match reads thousands of them
        return dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
