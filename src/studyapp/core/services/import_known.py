"""The sessions a file was imported as before: by its path, or by its meetings' contents."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models

# The sessions a file was imported as before, by its path or its meetings' contents.
_KNOWN = select(
    models.Session.id,
    models.Session.source_path,
    models.Session.source_hash,
    models.Session.source_part,
    models.Session.title,
).where(
    or_(
        models.Session.source_path == bindparam("path"),
        models.Session.source_hash.in_(bindparam("digests", expanding=True)),
    )
)


def sessions_known(orm: OrmSession, path: str, digests: list[str]) -> list[Known]:
    connection = orm.connection()
    if connection.dialect.name != "sqlite":
        return [
            Known(*row) for row in connection.execute(_KNOWN, {"path": path, "digests": digests})
        ]
    # The same query straight to the driver: SQLAlchemy's work cost more than the query's.
    marks = ", ".join("?" * len(digests))
    query = (
        "SELECT sessions.id, sessions.source_path, sessions.source_hash, sessions.source_part,"
        " sessions.title FROM sessions WHERE sessions.source_path = ?"
        f" OR sessions.source_hash IN ({marks})"
    )
    return [Known(*row) for row in connection.exec_driver_sql(query, (path, *digests))]


class Known(NamedTuple):
    id: int
    source_path: str | None
    source_hash: str | None
    source_part: str | None
    title: str  # what the session is called now (it may have been renamed since)


def known_as(
    rows: list[Known], path: str, part: str | None, digest: str, *, first: bool
) -> Known | None:
    """The session a note (or one meeting of a log) was imported as before: the same
    content first, else the same file and part; a log's first meeting also takes the
    session its whole file was imported as before logs were split."""
    for row in rows:
        if row.source_hash == digest:
            return row
    for row in rows:
        if row.source_path == path and row.source_part == part:
            return row
    if first and part is not None:
        for row in rows:
            if row.source_path == path and row.source_part is None:
                return row
    return None
