"""The one place that makes engines and database sessions.

SQLite gets WAL, ``foreign_keys=ON`` and a busy timeout at every connect. Each user action
opens one short transaction through :meth:`Database.transaction`.

A database that cannot be written (on a read-only disk or in a folder that cannot be
written, where SQLite cannot make its -wal and -shm files) is opened read-only, as a URI
with ``mode=ro`` (and ``immutable=1`` when those files are not there): it can be read, and
:attr:`Database.read_only` says why it cannot be written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool, StaticPool

from studyapp.core.errors import DatabaseError, DatabaseLockedError, Message
from studyapp.core.schema_version import SCHEMA_HEAD, VERSION_TABLE, is_at_head

BUSY_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 3  # PostgreSQL: seconds to reach the server before saying it is down
# PostgreSQL: a connection whose server went silent (a laptop off the lab's network) fails
# within seconds rather than after the system's TCP retransmissions (minutes): a write
# unanswered for 5 s, an idle connection probed after 10 s.
SERVER_LINK = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "tcp_user_timeout": 5000,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
}
STATEMENT_TIMEOUT_MS = 10_000  # PostgreSQL: the longest a save may wait (a lock, a slow server)


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        # A read-only file cannot switch journal mode; it still opens for reading.
        with contextlib.suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory ones."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    if database.startswith("file:"):  # a URI filename: "file:/path?mode=ro"
        database = database.removeprefix("file:").split("?", 1)[0]
    return Path(database)


def read_only_reason(url: str) -> str | None:
    """Why the SQLite database at ``url`` can only be read, or None when it can be written
    (or is not a SQLite file that exists yet)."""
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return None
    query = make_url(url).query
    if query.get("mode") == "ro" or query.get("immutable") == "1":
        return "it was opened read-only"
    return file_read_only_reason(path)


def file_read_only_reason(path: Path) -> str | None:
    """Why the SQLite file at ``path`` cannot be written, or None."""
    folder = path.parent
    with contextlib.suppress(OSError, AttributeError):  # statvfs: not on Windows
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on a read-only disk"
    if not os.access(folder, os.W_OK):
        return "its folder cannot be written"
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    return None


def read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` read-only. Where SQLite cannot make the -wal and -shm
    files it reads a WAL database with, the file is opened as immutable (nothing else can
    write it there either); the ones it finds, it reads."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal_files = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    if not os.access(path.parent, os.W_OK) and not all(f.exists() for f in wal_files):
        uri += "&immutable=1"
    return uri


def _read_only_engine(path: Path) -> Engine:
    uri = read_only_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )

    engine = create_engine(URL.create("sqlite"), creator=connect, poolclass=QueuePool)
    event.listen(engine, "connect", _sqlite_on_connect)
    return engine


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    try:
        parsed = make_url(url)
    except sa_exc.ArgumentError:
        raise DatabaseError("Not a database URL: {url}", url=url) from None
    if parsed.get_backend_name() != "sqlite":
        backend = parsed.get_backend_name()
        if parsed.drivername in ("postgresql", "postgres"):
            # SQLAlchemy's default PostgreSQL driver is psycopg2; studyapp ships psycopg 3.
            parsed = parsed.set(drivername="postgresql+psycopg")
        # A server that does not answer fails a connection in seconds, not minutes: the
        # window says so and keeps the typing (see ui/server_trouble.py).
        connect_args = dict(SERVER_LINK) if backend == "postgresql" else {}
        try:
            return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
        except sa_exc.NoSuchModuleError:
            raise DatabaseError(
                "Unknown database type {driver!r} in the URL.", driver=parsed.drivername
            ) from None
        except ImportError as error:
            hint = ' (pip install "studyapp[postgres]")' if backend == "postgresql" else ""
            raise DatabaseError(
                "The {backend} driver is not installed: {module}{hint}.",
                backend=backend,
                module=error.name or error,
                hint=hint,
            ) from None
    path = sqlite_path(url)
    if read_only and path is not None and path.is_file():
        return _read_only_engine(path)
    if path is None:
        # One shared connection, or every checkout would see a new empty database.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        if path.is_dir():
            # SQLite would only say "unable to open database file".
            raise DatabaseError(
                "{path} is a folder, not a database file; name a file, such as {example}",
                path=path,
                example=path / "studyapp.sqlite3",
            )
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        # Pooled: a new SQLite connection re-reads the whole schema and runs the pragmas
        # below, a millisecond or more that every short transaction would otherwise pay.
        engine = create_engine(
            url,
            poolclass=QueuePool,
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        )
    event.listen(engine, "connect", _sqlite_on_connect)
    return engine


def begin_writing(orm: OrmSession) -> None:
    """Open the SQLite transaction now, with the write lock (waiting up to the busy timeout).

    The sqlite3 module opens a transaction only at the first INSERT, UPDATE or DELETE, so a
    SAVEPOINT issued before one would start a transaction of its own and its RELEASE would
    commit. Taking the lock first also spares a writer that has read already from failing
    at once on a busy database. Call it first thing in a :meth:`Database.transaction` block.
    """
    connection = orm.connection()
    raw = connection.connection.dbapi_connection
    if isinstance(raw, sqlite3.Connection) and not raw.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def journals_in_memory(orm: OrmSession) -> Iterator[None]:
    """SQLite keeps statement journals in memory within this block, not in temporary files.

    A savepoint's journal holds the old content of every page changed inside it; an import,
    which writes each note in a savepoint of its own, wrote twice its database's size to
    temporary files. In memory it is a few pages a note. Not for every connection: sorts
    too large for memory spill to temporary files as well, and must stay on disk.
    """
    connection = orm.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql("PRAGMA temp_store=MEMORY")
    try:
        yield
    finally:
        # A broken connection is not reused, so there is nothing to put back on it.
        with contextlib.suppress(sa_exc.SQLAlchemyError):
            connection.exec_driver_sql("PRAGMA temp_store=DEFAULT")


# An import's page cache: FTS5 merging its segments reread the same pages many times.
IMPORT_CACHE_KIB = 16_000
# WAL pages between checkpoints during an import: fewer checkpoints write each page once.
IMPORT_CHECKPOINT_PAGES = 10_000


def settle_for_import(orm: OrmSession) -> None:
    """Settings for an import's connection, until :func:`settle_after_import`: a larger page
    cache and fewer WAL checkpoints. Both are as safe as the defaults (every commit is in
    the WAL, fully written or not at all); only memory and the WAL's size grow."""
    connection = orm.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
        connection.exec_driver_sql(f"PRAGMA wal_autocheckpoint={IMPORT_CHECKPOINT_PAGES}")


def settle_after_import(orm: OrmSession) -> None:
    """Back to SQLite's defaults, the WAL checkpointed as it would have been."""
    connection = orm.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA cache_size=-2000")
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint=1000")


def translate_error(error: Exception, read_only: str | None = None) -> DatabaseError:
    """Turn a driver error into one line a person can act on; ``read_only`` is why the
    database was opened read-only, if it was."""
    text = str(getattr(error, "orig", error)).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            "The database is locked by another program; close it and try again."
        )
    if read_only is not None and ("readonly" in text or "read-only" in text):
        return DatabaseError(
            "The database is read-only ({read_only}); changes cannot be saved.", read_only=read_only
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseError("The database file is read-only; changes cannot be saved.")
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return DatabaseError("The database file is damaged; restore it from a backup.")
    if "disk" in text and ("full" in text or "i/o" in text):
        return DatabaseError("The disk is full; free some space and try again.")
    if "unable to open" in text:
        return DatabaseError("The database file cannot be opened; check the path and permissions.")
    return DatabaseError(
        "Database error: {detail}", detail=str(getattr(error, "orig", error)).strip()
    )


def as_database_error(error: BaseException) -> DatabaseError | None:
    """A driver error that escaped a service, as one readable line; None for any other
    error. Callers above core (the command line) never name the driver's exceptions."""
    if isinstance(error, sa_exc.DBAPIError | sqlite3.Error):
        return translate_error(error)
    return None


@dataclass
class Database:
    """An engine plus its session factory; services receive one of these."""

    url: str
    engine: Engine
    factory: sessionmaker[OrmSession]
    read_only: str | None = None  # why it was opened read-only ("it is on a read-only disk")
    damaged: bool = False  # opened read-only because it failed the damage check

    @classmethod
    def connect(cls, url: str, *, read_only: str | None = None) -> Database:
        """``read_only``: open read-only for this reason even where the file can be written."""
        reason = read_only or read_only_reason(url)
        engine = make_engine(url, read_only=reason is not None)
        factory = sessionmaker(engine, expire_on_commit=False)
        if engine.dialect.name == "postgresql":
            from studyapp.core.live import send_changes_at_commit

            send_changes_at_commit(factory)
        return cls(url=url, engine=engine, factory=factory, read_only=reason)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @contextmanager
    def transaction(self) -> Iterator[OrmSession]:
        """One short unit of work: commits on success, rolls back on any error."""
        try:
            with self.factory.begin() as orm_session:
                yield orm_session
        except sa_exc.OperationalError as error:
            raise translate_error(error, self.read_only) from error
        except sa_exc.DatabaseError as error:
            if isinstance(error, sa_exc.IntegrityError):
                raise
            raise translate_error(error, self.read_only) from error

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, migrate: bool = True, damaged: bool = False) -> Database:
    """Connect and bring the schema to the newest version (backing the file up first).

    ``damaged``: the file failed the damage check; it is opened read-only, as it is.
    """
    database = Database.connect(url, read_only="it is damaged" if damaged else None)
    database.damaged = damaged
    at_head = not migrate or is_at_head(database.engine)
    if not at_head and database.read_only is not None:
        problem = _cannot_migrate(database)
        database.dispose()
        raise problem
    if at_head and database.engine.dialect.name == "postgresql":
        database.read_only = _server_read_only(database)
    if not at_head:
        from studyapp.core.migrate import upgrade_to_head  # Alembic only when needed

        try:
            upgrade_to_head(database)
        except sa_exc.DBAPIError as error:
            database.dispose()
            raise translate_error(error) from error
        except Exception:
            database.dispose()
            raise
    return database


def _server_read_only(database: Database) -> str | None:
    """Why this PostgreSQL role can only read the group's notes (a role given SELECT only),
    or None when it may write them."""
    with database.engine.connect() as connection:
        may_write = connection.exec_driver_sql(
            # No tables yet (a restore into a new database): nothing to refuse.
            "SELECT coalesce(has_table_privilege(current_user, to_regclass('sessions'), "
            "'UPDATE'), true)"
        ).scalar()
    if may_write:
        return None
    return "the server lets {user} read the notes, not change them".format(
        user=database.engine.url.username or "this user"
    )


def _cannot_migrate(database: Database) -> DatabaseError:
    """Why a read-only database not at the expected schema cannot be opened."""
    try:
        with database.engine.connect() as connection:
            found = connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").all()
    except sa_exc.DBAPIError as error:
        return translate_error(error, database.read_only)
    version = found[0][0] if found else ""
    made_by = Message("a newer") if version > SCHEMA_HEAD else Message("an older")
    return DatabaseError(
        "The database is read-only ({reason}) and was made by {made_by} studyapp, whose schema "
        "cannot be changed there; copy it to a folder you can write to and open the copy.",
        reason=database.read_only,
        made_by=made_by,
    )
