"""``studyapp check`` on PostgreSQL: what SQLite's integrity and foreign key checks tell.

PostgreSQL keeps its own pages consistent and enforces foreign keys, so the questions that
are left are whether every row can still be read (a damaged page fails the read) and
whether a link was left broken where a key was added NOT VALID or the constraint was
dropped by hand; both are asked of the tables studyapp's models describe.
"""

from __future__ import annotations

from sqlalchemy import exc as sa_exc
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from studyapp.core import models


def _quoted(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def unreadable_tables(connection: Connection) -> list[str]:
    """A line for each table whose rows cannot all be read."""
    problems = []
    present = set(inspect(connection).get_table_names())
    for table in models.Base.metadata.sorted_tables:
        if table.name not in present:
            problems.append(f"Missing table: {table.name}.")
            continue
        try:
            with connection.begin_nested():
                # Every column of every row: a damaged page or TOAST value fails here.
                connection.exec_driver_sql(
                    f"SELECT count(*) FROM {_quoted(connection, table.name)} t"
                    " WHERE t::text IS NULL"
                ).scalar()
        except sa_exc.DBAPIError as error:
            problems.append(f"Unreadable table {table.name}: {str(error.orig).strip()}")
    return problems


def broken_links(connection: Connection) -> list[str]:
    """A line for each foreign key some rows break, as SQLite's foreign_key_check tells."""
    problems = []
    present = set(inspect(connection).get_table_names())
    for table in models.Base.metadata.sorted_tables:
        if table.name not in present:
            continue
        for key in table.foreign_key_constraints:
            parent = key.referred_table.name
            pairs = list(zip(key.column_keys, [e.column.name for e in key.elements], strict=True))
            child_cols = " AND ".join(f"c.{_quoted(connection, c)} IS NOT NULL" for c, _ in pairs)
            joined = " AND ".join(
                f"p.{_quoted(connection, p)} = c.{_quoted(connection, c)}" for c, p in pairs
            )
            # A row is named by its primary key: "row 7", or "row (3, 5)" in a link table.
            keys = ", ".join(f"c.{_quoted(connection, c.name)}" for c in table.primary_key)
            rows = connection.exec_driver_sql(
                f"SELECT {keys} FROM {_quoted(connection, table.name)} c WHERE {child_cols}"
                f" AND NOT EXISTS (SELECT 1 FROM {_quoted(connection, parent)} p WHERE {joined})"
                f" ORDER BY {keys} LIMIT 20"
            ).all()
            problems += [
                f"Broken link: row {row[0] if len(row) == 1 else tuple(row)} of table "
                f"{table.name} points to a missing row of table {parent}."
                for row in rows
            ]
    return problems


def problems(connection: Connection) -> list[str]:
    return unreadable_tables(connection) + broken_links(connection)
