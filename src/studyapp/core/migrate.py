"""Schema migrations with Alembic, run at every start by :func:`studyapp.core.db.open_database`.

The migration scripts ship inside the package (``core/migrations``), so no ``alembic.ini`` is
needed: the Alembic configuration is built here. Before a SQLite file that already holds data
is migrated it is copied aside with SQLite's backup API. A database from a newer studyapp is
refused rather than guessed at.

Developers add a revision with ``python -m studyapp.core.migrate new "what changed"``: it
compares the models with a scratch database at head and writes ``versions/NNNN_<slug>.py``.
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util.exc import CommandError
from sqlalchemy import exc as sa_exc
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from studyapp.core import models, paths
from studyapp.core.backup import backup_sqlite
from studyapp.core.backup_catalog import record_backup
from studyapp.core.db import Database, translate_error
from studyapp.core.errors import DatabaseError
from studyapp.core.migrations import at_head
from studyapp.core.schema_version import VERSION_TABLE

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

NEWER_DATABASE = (
    "This database was written by a newer version of studyapp; upgrade studyapp to open it."
)
UNVERSIONED_DATABASE = (
    "This database has studyapp's tables but no record of their schema version, so studyapp "
    "will not guess how to upgrade it; restore it from a backup."
)


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic configuration, built in code; ``env.py`` runs on ``connection``."""
    config = Config()
    # Config values go through ConfigParser interpolation: a literal '%' must be doubled.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    # Parsed once per process: the shipped revisions cannot change while it runs.
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    if head is None:
        raise RuntimeError(f"no migration scripts found in {MIGRATIONS_DIR}")
    return head


def is_known_revision(revision: str) -> bool:
    # Exact ids only: Alembic would also accept a unique prefix ("00" for "0001").
    try:
        return revision in {script.revision for script in _scripts().walk_revisions()}
    except (CommandError, ResolutionError):
        return False


@contextmanager
def _readable_errors() -> Iterator[None]:
    """Driver errors (a garbage file, a locked database) become one readable line."""
    try:
        yield
    except sa_exc.DBAPIError as error:
        raise translate_error(error) from error
    except sqlite3.Error as error:
        raise translate_error(error) from error


@dataclass(frozen=True)
class SchemaState:
    revision: str | None
    tables: frozenset[str]

    @property
    def has_our_tables(self) -> bool:
        return not self.tables.isdisjoint(models.Base.metadata.tables)


def _read_state(connection: Connection) -> SchemaState:
    revision = MigrationContext.configure(connection).get_current_revision()
    tables = frozenset(inspect(connection).get_table_names()) - {VERSION_TABLE}
    return SchemaState(revision, tables)


def _refuse_unusable(state: SchemaState) -> None:
    if state.revision is not None and not is_known_revision(state.revision):
        raise DatabaseError(NEWER_DATABASE)
    if state.revision is None and state.has_our_tables:
        raise DatabaseError(UNVERSIONED_DATABASE)


def current_revision(database: Database) -> str | None:
    """The Alembic revision the database is at; None for a database never migrated."""
    with _readable_errors(), database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def pre_migration_backup_path(revision: str | None, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = paths.backups_dir() / f"pre-migration-{revision or 'none'}-{stamp}"
    candidate = base.with_suffix(".sqlite3")
    counter = 2
    while candidate.exists():  # two upgrades within one second must not overwrite
        candidate = base.with_name(f"{base.name}-{counter}.sqlite3")
        counter += 1
    return candidate


def upgrade_to_head(database: Database) -> None:
    """Bring the schema to the newest revision; quick no-op when it is already there."""
    head = head_revision()
    with _readable_errors(), database.engine.connect() as connection:
        # The common case, at every start: one small query, then done.
        if MigrationContext.configure(connection).get_current_revision() == head:
            return
        state = _read_state(connection)
    _refuse_unusable(state)
    if database.path is not None and state.tables:
        saved = backup_sqlite(database.path, pre_migration_backup_path(state.revision))
        record_backup(saved, database.path, None, verified=False)  # it belongs to this file
    with _readable_errors():
        _run_upgrade(database, head)


def _begin_sqlite_migration(connection: Connection) -> None:
    # The sqlite3 module neither BEGINs before DDL nor lets PRAGMA foreign_keys change inside
    # a transaction; take over: foreign keys off (batch mode drops and re-creates tables,
    # which would otherwise fire ON DELETE CASCADE), then one write-locked transaction, so a
    # failed step leaves the file as it was.
    driver = connection.connection.driver_connection
    if isinstance(driver, sqlite3.Connection):
        driver.isolation_level = None
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    # Batch mode renames a rebuilt table into place; the search_docs view names sessions,
    # and a view naming a table that is, for a moment, gone would fail the rename.
    connection.exec_driver_sql("PRAGMA legacy_alter_table=ON")
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _end_sqlite_migration(connection: Connection) -> None:
    # Connections are pooled (an in-memory database is one connection for good): hand this
    # one back as every other connection is, or close it when that cannot be done.
    driver = connection.connection.driver_connection
    try:
        if isinstance(driver, sqlite3.Connection):
            driver.isolation_level = "DEFERRED"  # what "" (the default) means: a plain BEGIN
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.exec_driver_sql("PRAGMA legacy_alter_table=OFF")
    except (sqlite3.Error, sa_exc.DBAPIError):
        connection.invalidate()


def _run_upgrade(database: Database, head: str) -> None:
    steps: list[str] = []
    with database.engine.connect() as connection:
        is_sqlite = connection.dialect.name == "sqlite"
        if is_sqlite:
            _begin_sqlite_migration(connection)
        try:
            # Read again under the write lock: another studyapp may have just migrated it.
            state = _read_state(connection)
            if state.revision != head:
                _refuse_unusable(state)
                command.upgrade(alembic_config(connection), "head")
                steps = at_head.run_pending(connection)
                if is_sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise DatabaseError(
                        "Upgrading the database would leave broken links between rows; "
                        "nothing was changed. Run `studyapp check` for details."
                    )
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        finally:
            if is_sqlite:
                _end_sqlite_migration(connection)
    if "search_index" in steps:
        from studyapp.core.search.index import compact

        compact(database.engine)  # the rebuilt index's old pages, given back


def new_revision(message: str) -> Path:
    """Write a revision from the difference between the models and the current head."""
    scripts = ScriptDirectory.from_config(alembic_config())
    heads = scripts.get_heads()
    rev_id = f"{int(heads[0]) + 1:04d}" if heads else "0001"
    with tempfile.TemporaryDirectory() as folder:
        database = Database.connect(f"sqlite:///{Path(folder) / 'scratch.sqlite3'}")
        try:
            with database.engine.begin() as connection:
                config = alembic_config(connection)
                if heads:
                    command.upgrade(config, "head")
                command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
        finally:
            database.dispose()
    _scripts.cache_clear()
    written = ScriptDirectory.from_config(alembic_config()).get_revision(rev_id)
    if written is None:
        raise RuntimeError(f"revision {rev_id} was not written")
    return Path(written.path)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "new":
        print('usage: python -m studyapp.core.migrate new "what changed"', file=sys.stderr)
        return 2
    print(new_revision(argv[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
