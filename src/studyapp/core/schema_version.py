"""The schema revision this studyapp expects, readable without importing Alembic.

Importing Alembic costs a noticeable part of a second, and at almost every start the database
is already at head. ``SCHEMA_HEAD`` names the newest shipped migration (a test keeps it equal to
Alembic's head), so start-up compares it with ``alembic_version`` in one plain query and only
loads Alembic when a migration is really needed.
"""

from __future__ import annotations

from sqlalchemy import exc as sa_exc
from sqlalchemy import text
from sqlalchemy.engine import Engine

SCHEMA_HEAD = "0012"
VERSION_TABLE = "alembic_version"


def is_at_head(engine: Engine) -> bool:
    """True when the database says it is at ``SCHEMA_HEAD``; False when unsure."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    except sa_exc.DBAPIError:
        return False  # no version table, or unreadable: the full path decides and explains
    return [row[0] for row in rows] == [SCHEMA_HEAD]
