"""The schema revision this studyapp expects, readable without importing Alembic.

Importing Alembic costs a noticeable part of a second, and at almost every start the database
is already at head. ``SCHEMA_HEAD`` names the newest shipped migration (a test keeps it equal to
Alembic's head), so start-up compares it with ``alembic_version`` in one plain query and only
loads Alembic when a migration is really needed. :func:`ready_sqlite_file` asks the same of a
SQLite file through the sqlite3 module, for commands that read it without SQLAlchemy.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

SCHEMA_HEAD = "0016"
VERSION_TABLE = "alembic_version"
_SQLITE_PREFIX = "sqlite:///"


def is_at_head(engine: Engine) -> bool:
    """True when the database says it is at ``SCHEMA_HEAD``; False when unsure."""
    from sqlalchemy import exc as sa_exc
    from sqlalchemy import text

    try:
        with engine.connect() as connection:
            rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    except sa_exc.DBAPIError:
        return False  # no version table, or unreadable: the full path decides and explains
    return [row[0] for row in rows] == [SCHEMA_HEAD]


def ready_sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL that exists, can be written and is at
    ``SCHEMA_HEAD``, so it can be read as it is; None for anything else (another database,
    URI options, a read-only file, another schema), which the full open path handles."""
    if not url.startswith(_SQLITE_PREFIX) or "?" in url:
        return None
    path = Path(url.removeprefix(_SQLITE_PREFIX))
    name = str(path)
    if not name or name == ":memory:" or not path.is_file():
        return None
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return None  # read-only media: db.py opens those with the right URI
    try:
        connection = sqlite3.connect(path)
        try:
            rows = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return path if [row[0] for row in rows] == [SCHEMA_HEAD] else None
