"""Copies of a SQLite database made with SQLite's online backup API.

A plain file copy of a WAL database can miss the newest commits (they live in the ``-wal``
file) or catch a page half-written; the backup API reads a consistent snapshot instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from studyapp.core import paths
from studyapp.core.db import sqlite_path, translate_error
from studyapp.core.errors import DatabaseError

NOT_SQLITE = (
    "Backups of non-SQLite databases: use your server's own tools (for PostgreSQL, pg_dump)."
)


def default_backup_path(now: dt.datetime | None = None) -> Path:
    """``<backups>/studyapp-YYYYmmdd-HHMMSS.sqlite3``, in local time."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return paths.backups_dir() / f"studyapp-{stamp}.sqlite3"


def source_file(source_url_or_path: str | Path) -> Path:
    """The database file behind a URL or a path; refuses anything that is not a SQLite file."""
    if isinstance(source_url_or_path, Path) or "://" not in source_url_or_path:
        return Path(source_url_or_path).expanduser()
    url = str(source_url_or_path)
    try:
        backend = make_url(url).get_backend_name()
    except Exception as error:  # ArgumentError and friends: the text is no URL at all
        raise DatabaseError(f"Not a database URL: {url!r}.") from error
    if backend != "sqlite":
        raise DatabaseError(NOT_SQLITE)
    path = sqlite_path(url)
    if path is None:
        raise DatabaseError("An in-memory database has no file to back up.")
    return path


def _open_existing(path: Path) -> sqlite3.Connection:
    # mode=rw: a missing source must be an error, not a new empty database.
    uri = f"{path.resolve().as_uri()}?mode=rw"
    return sqlite3.connect(uri, uri=True, timeout=5.0)


def backup_sqlite(source_url_or_path: str | Path, dest: Path) -> Path:
    """Copy the database to ``dest`` (a file path) and return ``dest``.

    The copy is written under a temporary name and renamed, so ``dest`` is never a partial
    file; it uses the rollback journal, so it is one self-contained file.
    """
    source = source_file(source_url_or_path)
    if not source.is_file():
        raise DatabaseError(f"There is no database file at {source}.")
    dest = Path(dest).expanduser()
    if dest.is_dir():
        raise DatabaseError(f"{dest} is a folder; give a file name for the backup.")
    if dest.exists() and dest.resolve() == source.resolve():
        raise DatabaseError("A backup cannot overwrite the database it copies.")
    temporary = dest.with_name(f".{dest.name}.{os.getpid()}.part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)  # left over from a crash: sqlite3 would reuse it
        with (
            contextlib.closing(_open_existing(source)) as src,
            contextlib.closing(sqlite3.connect(temporary)) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        os.replace(temporary, dest)
    except sqlite3.Error as error:
        raise translate_error(error) from error
    except OSError as error:
        reason = error.strerror or str(error)
        raise DatabaseError(f"Cannot write the backup to {dest}: {reason}.") from error
    finally:
        temporary.unlink(missing_ok=True)
    return dest
