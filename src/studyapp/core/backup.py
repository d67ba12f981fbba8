"""Copies of a SQLite database made with SQLite's online backup API.

A plain file copy of a WAL database can miss the newest commits (they live in the ``-wal``
file) or catch a page half-written; the backup API reads a consistent snapshot instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from studyapp.core import paths
from studyapp.core.db import file_read_only_reason, read_only_uri, sqlite_path, translate_error
from studyapp.core.errors import DatabaseError, Message
from studyapp.core.pg_archive import file_kind

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
        raise DatabaseError("Not a database URL: {url!r}.", url=url) from error
    if backend != "sqlite":
        raise DatabaseError(NOT_SQLITE)
    path = sqlite_path(url)
    if path is None:
        raise DatabaseError("An in-memory database has no file to back up.")
    return path


def _open_existing(path: Path) -> sqlite3.Connection:
    # mode=rw: a missing source must be an error, not a new empty database. One that cannot
    # be written (a read-only disk) is copied all the same.
    uri = f"{path.resolve().as_uri()}?mode=rw"
    if path.is_file() and file_read_only_reason(path) is not None:
        uri = read_only_uri(path)
    return sqlite3.connect(uri, uri=True, timeout=5.0)


def backup_sqlite(source_url_or_path: str | Path, dest: Path) -> Path:
    """Copy the database to ``dest`` (a file path) and return ``dest``.

    The copy is written under a temporary name and renamed, so ``dest`` is never a partial
    file; it uses the rollback journal, so it is one self-contained file.
    """
    source = source_file(source_url_or_path)
    if not source.is_file():
        raise DatabaseError("There is no database file at {source}.", source=source)
    dest = Path(dest).expanduser()
    if dest.is_dir():
        raise DatabaseError("{dest} is a folder; give a file name for the backup.", dest=dest)
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
        raise DatabaseError(
            "Cannot write the backup to {dest}: {reason}.", dest=dest, reason=reason
        ) from error
    finally:
        temporary.unlink(missing_ok=True)
    return dest


# -- listing, raw copies and restoring -------------------------------------------------------

BACKUP_SUFFIX = ".sqlite3"
# A damaged database set aside ("lab-3f9a2c1e-damaged-20250310-190312.sqlite3"): never a backup.
DAMAGED_MARK = "-damaged-"
# "studyapp-20250310-190312.sqlite3", "pre-migration-0002-20250310-190312-2.sqlite3"
_STAMP = re.compile(r"(\d{8}-\d{6})(?:-\d+)?$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: ``created`` is local time, read from the name when it carries one."""

    path: Path
    created: dt.datetime
    size: int


def backup_time(path: Path) -> dt.datetime:
    """When a backup was made: the stamp in its name, else the file's modification time."""
    match = _STAMP.search(path.stem)
    if match is not None:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    return dt.datetime.fromtimestamp(path.stat().st_mtime)


def list_backups(folder: Path | None = None, suffix: str = BACKUP_SUFFIX) -> list[BackupInfo]:
    """Every ``*.sqlite3`` (or ``suffix``: ``.dump`` for server archives) in the backups
    folder but damaged files set aside, newest first; none when the folder does not exist."""
    folder = paths.backups_dir() if folder is None else folder
    found: list[BackupInfo] = []
    try:
        candidates = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as error:
        raise DatabaseError(
            "Cannot read the backups folder {folder}: {reason}.",
            folder=folder,
            reason=error.strerror,
        ) from None
    for path in candidates:
        if path.suffix != suffix or path.name.startswith(".") or not path.is_file():
            continue
        if DAMAGED_MARK in path.stem:
            continue
        with contextlib.suppress(OSError):  # deleted while we looked: not a backup any more
            found.append(BackupInfo(path, backup_time(path), path.stat().st_size))
    found.sort(key=lambda info: (info.created, info.path.name), reverse=True)
    return found


def copy_raw(source: Path, dest: Path) -> Path:
    """Copy the file's bytes (and its ``-wal`` beside it): for a file SQLite cannot read."""
    temporary = dest.with_name(f".{dest.name}.{os.getpid()}.part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, temporary)
        os.replace(temporary, dest)
        wal = source.with_name(source.name + "-wal")
        if wal.is_file():  # committed rows not yet in the main file: keep them too
            shutil.copyfile(wal, dest.with_name(dest.name + "-wal"))
    except OSError as error:
        reason = error.strerror or str(error)
        raise DatabaseError(
            "Cannot copy {source} to {dest}: {reason}.", source=source, dest=dest, reason=reason
        ) from error
    finally:
        temporary.unlink(missing_ok=True)
    return dest


def backup_any(source: Path, dest: Path) -> Path:
    """A backup that never gives up on a damaged file: the backup API, else the raw bytes."""
    try:
        return backup_sqlite(source, dest)
    except DatabaseError:
        if not source.is_file():
            raise
        return copy_raw(source, dest)


def _check_backup(path: Path) -> None:
    """Refuse a file that is not a readable studyapp database before it replaces anything."""
    not_ours = Message("{path} is not a studyapp backup", path=path)
    if file_kind(path) == "postgresql":
        raise DatabaseError(
            "{path} is a pg_dump archive of a PostgreSQL database; a SQLite file is restored "
            "from a .sqlite3 backup. Restore the archive into a PostgreSQL database "
            "(studyapp --database postgresql://... restore).",
            path=path,
        )
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=5.0)) as connection:
            rows = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
            has_sessions = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'"
            ).fetchone()
    except sqlite3.Error as error:
        raise DatabaseError(
            "{not_ours} (SQLite cannot read it: {error}).", not_ours=not_ours, error=error
        ) from error
    if rows != ["ok"]:
        raise DatabaseError(
            "{not_ours}: the file is damaged ({result}).", not_ours=not_ours, result=rows[0]
        )
    if has_sessions is None:
        raise DatabaseError("{not_ours}: it has no studyapp tables.", not_ours=not_ours)


def verify_backup(path: Path) -> int:
    """Open a backup just written, check it and count its sessions; returns the count.

    A copy that fails (unreadable, damaged, not a studyapp database) is removed and a
    ``DatabaseError`` says why: a bad copy must never sit in the folder as a backup.
    """
    try:
        _check_backup(path)
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=5.0)) as connection:
            count = int(connection.execute("SELECT count(*) FROM sessions").fetchone()[0])
    except (DatabaseError, sqlite3.Error) as error:
        path.unlink(missing_ok=True)
        path.with_name(path.name + "-wal").unlink(missing_ok=True)
        reason = error.message if isinstance(error, DatabaseError) else str(error)
        raise DatabaseError(
            "The backup {path} failed verification and was removed: {reason}",
            path=path,
            reason=reason,
        ) from error
    return count


def replace_database(backup: Path, target: Path) -> None:
    """Put a copy of ``backup`` in place of the database file ``target``, atomically.

    The copy is checked and written beside ``target`` first; the old ``-wal``/``-shm`` files
    go before the rename, since SQLite would replay an old WAL onto the new file.
    """
    backup = backup.expanduser()
    if not backup.is_file():
        raise DatabaseError("There is no backup file at {backup}.", backup=backup)
    if target.exists() and backup.resolve() == target.resolve():
        raise DatabaseError("That file is the database itself, not a backup of it.")
    _check_backup(backup)
    staged = target.with_name(f".{target.name}.restore.part")
    try:
        backup_sqlite(backup, staged)
        for suffix in ("-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        os.replace(staged, target)
    except OSError as error:
        reason = error.strerror or str(error)
        raise DatabaseError(
            "Cannot replace {target}: {reason}.", target=target, reason=reason
        ) from error
    finally:
        staged.unlink(missing_ok=True)
