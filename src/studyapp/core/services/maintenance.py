"""Backups and health checks of the database (``studyapp backup``, ``studyapp check``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from studyapp.core import paths, pg_check
from studyapp.core.backup import (
    BackupInfo,
    backup_any,
    backup_sqlite,
    default_backup_path,
    list_backups,
    replace_database,
)
from studyapp.core.backup_policy import THINNED_PREFIX, thin_backups
from studyapp.core.db import Database, translate_error
from studyapp.core.errors import DatabaseError

# The automatic backup interval: at start and while the window is open.
AUTO_BACKUP_AGE = dt.timedelta(minutes=30)
NOT_SQLITE_RESTORE = (
    "Only SQLite files can be restored here; restore PostgreSQL with pg_restore "
    '(see "Your data" in the README).'
)

# integrity_check can list thousands of damaged pages; a person needs the first few.
MAX_INTEGRITY_LINES = 20


@dataclass(frozen=True)
class RestoreResult:
    """``saved``: the copy of the replaced database (None when there was no file to save)."""

    database: Path
    backup: Path
    saved: Path | None


@dataclass(frozen=True)
class CheckReport:
    """What ``check`` found: one readable line per problem, none when all is well."""

    problems: tuple[str, ...]
    revision: str | None
    head: str

    @property
    def ok(self) -> bool:
        return not self.problems


def _unused_name(path: Path) -> Path:
    # Two backups within one second get the same default name; never overwrite the first.
    candidate, counter = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{counter}{path.suffix}")
        counter += 1
    return candidate


def _integrity_problems(connection: Connection) -> list[str]:
    rows = [str(row[0]) for row in connection.exec_driver_sql("PRAGMA integrity_check")]
    if rows == ["ok"]:
        return []
    shown = [f"Integrity: {row}" for row in rows[:MAX_INTEGRITY_LINES]]
    if len(rows) > MAX_INTEGRITY_LINES:
        shown.append(f"Integrity: ... and {len(rows) - MAX_INTEGRITY_LINES} more problems.")
    return shown


def _foreign_key_problems(connection: Connection) -> list[str]:
    # Each row: (table, rowid, parent table, foreign key index).
    return [
        f"Broken link: row {rowid} of table {table} points to a missing row of table {parent}."
        for table, rowid, parent, _fk in connection.exec_driver_sql("PRAGMA foreign_key_check")
    ]


def _revision_problem(revision: str | None, head: str) -> str | None:
    if revision == head:
        return None
    if revision is None:
        return f"The database has no schema version (this studyapp expects {head})."
    from studyapp.core.migrate import is_known_revision

    if not is_known_revision(revision):
        return (
            f"The database schema ({revision}) is newer than this studyapp ({head}); "
            "upgrade studyapp."
        )
    return (
        f"The database schema ({revision}) is older than this studyapp ({head}); "
        "opening it with studyapp upgrades it after a backup."
    )


class MaintenanceService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def backup(self, dest: Path | None = None) -> Path:
        """Copy the database; ``dest`` may be a file, a folder, or None (the backups folder)."""
        if dest is None:
            target = _unused_name(default_backup_path())
        elif dest.expanduser().is_dir():
            target = _unused_name(dest.expanduser() / default_backup_path().name)
        else:
            target = dest.expanduser()
        return backup_sqlite(self.db.url, target)

    def is_sqlite_file(self) -> bool:
        """True when the database is a SQLite file (the only kind studyapp backs up itself)."""
        return self.db.path is not None

    def list_backups(self) -> list[BackupInfo]:
        """The backups folder, newest first."""
        return list_backups()

    def auto_backup(
        self, *, min_age: dt.timedelta = AUTO_BACKUP_AGE, now: dt.datetime | None = None
    ) -> Path | None:
        """Back up when the newest automatic backup is older than ``min_age``, then thin.

        Returns the new backup, or None when none was due or the database is not a SQLite
        file (PostgreSQL is backed up with pg_dump, outside studyapp).
        """
        if not self.is_sqlite_file():
            return None
        now = now or dt.datetime.now()
        automatic = [b for b in list_backups() if b.path.name.startswith(THINNED_PREFIX)]
        if automatic and now - automatic[0].created < min_age:
            return None
        made = backup_sqlite(self.db.url, _unused_name(default_backup_path(now)))
        thin_backups(now=now)
        return made

    def restore(self, backup: Path) -> RestoreResult:
        """Replace the database file with ``backup``, saving the current file first.

        The current file is saved even when it is damaged (its raw bytes are copied when
        SQLite cannot read it), as ``pre-restore-<time>.sqlite3`` in the backups folder.
        """
        target = self.db.path
        if target is None:
            if self.db.engine.dialect.name != "sqlite":
                raise DatabaseError(NOT_SQLITE_RESTORE)
            raise DatabaseError("An in-memory database has no file to restore.")
        self.db.dispose()  # no pooled connection may hold the old file open
        saved: Path | None = None
        if target.is_file():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            saved = backup_any(
                target, _unused_name(paths.backups_dir() / f"pre-restore-{stamp}.sqlite3")
            )
        replace_database(backup, target)
        return RestoreResult(database=target, backup=backup.expanduser(), saved=saved)

    def check(self) -> CheckReport:
        """Integrity, foreign keys and schema version, without changing anything (on
        PostgreSQL: every row read, every link followed; see pg_check)."""
        from studyapp.core.migrate import current_revision, head_revision  # Alembic: slow import

        head = head_revision()
        problems: list[str] = []
        revision: str | None = None
        try:
            with self.db.engine.connect() as connection:
                if connection.dialect.name == "sqlite":
                    problems += _integrity_problems(connection)
                    problems += _foreign_key_problems(connection)
                elif connection.dialect.name == "postgresql":
                    problems += pg_check.problems(connection)
            revision = current_revision(self.db)
        except sa_exc.DBAPIError as error:
            # A file too damaged to read is itself the finding.
            problems.append(translate_error(error).message)
        except DatabaseError as error:
            problems.append(error.message)
        else:
            finding = _revision_problem(revision, head)
            if finding is not None:
                problems.append(finding)
        return CheckReport(problems=tuple(problems), revision=revision, head=head)
