"""Alembic environment: runs on the connection that ``studyapp.core.migrate`` hands over.

Developers may also run ``alembic`` by hand with ``-x url=...``; then an engine is made from
that URL (or the usual ``STUDYAPP_DATABASE_URL`` / default file).
"""

from __future__ import annotations

from typing import Any

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection

from studyapp.core import models
from studyapp.core.search.index import is_fts_table
from studyapp.core.search.pg_index import is_pg_table

config = context.config
target_metadata = models.Base.metadata


def render_item(kind: str, obj: Any, autogen_context: AutogenContext) -> str | bool:
    # Revisions must not import today's models: store UTCDateTime as the plain DateTime it is.
    if kind == "type" and isinstance(obj, models.UTCDateTime):
        return "sa.DateTime()"
    return False


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    # The search tables of one engine (SQLite's FTS5 table and its shadow tables,
    # PostgreSQL's vectors) are made with raw SQL, not by the models.
    return not (type_ == "table" and (is_fts_table(name) or is_pg_table(name)))


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=render_item,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    from studyapp.core.db import make_engine
    from studyapp.core.paths import resolve_database_url

    url = context.get_x_argument(as_dictionary=True).get("url")
    engine = make_engine(resolve_database_url(url))
    try:
        with engine.begin() as own_connection:
            run_on(own_connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("studyapp migrations run online only (they need a database connection).")
run_migrations_online()
