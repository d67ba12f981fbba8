"""Is the database damaged, and which backup brings it back?

Start-up (the window and every command that reads the database) asks :func:`inspect`. A file
that fails the damage check, or an emptied one (0 bytes, no tables, not a row) whose backups
hold sessions, is damaged: the window opens it read-only and offers the newest good backup,
the command line stops with one line naming both. The window keeps only its dialogs; the
SQLite work is here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from studyapp.core.backup import BackupInfo, copy_raw, replace_database
from studyapp.core.backup_catalog import backups_of, read_manifest
from studyapp.core.db import Database, sqlite_path
from studyapp.core.errors import DatabaseError, StudyappError
from studyapp.core.services.damage import STARTUP_BUDGET, DamageReport, check_file


@dataclass(frozen=True)
class GoodBackup:
    """A backup that reads as a sound studyapp database, with its session count."""

    info: BackupInfo
    sessions: int

    @property
    def path(self) -> Path:
        return self.info.path

    def when(self) -> str:
        return self.info.created.strftime("%Y-%m-%d %H:%M")


def _good(info: BackupInfo, recorded: dict[str, tuple[bool, int | None]]) -> GoodBackup | None:
    verified, sessions = recorded.get(info.path.name, (False, None))
    if verified and sessions is not None:
        return GoodBackup(info, sessions)
    # Made before backups were verified (it may be a copy of a damaged file): read it now.
    report = check_file(info.path, budget=STARTUP_BUDGET)
    if report.damaged or not info.path.is_file():
        return None
    return GoodBackup(info, report.sessions)


def newest_good_backup(database: Path, *, with_sessions: bool = False) -> GoodBackup | None:
    """The newest backup of ``database`` that is sound (holding sessions, if asked)."""
    try:
        candidates = backups_of(database)
    except StudyappError:
        return None  # an unreadable backups folder offers nothing
    recorded = (
        {
            name: (entry.verified, entry.sessions)
            for name, entry in read_manifest(candidates[0].path.parent).items()
        }
        if candidates
        else {}
    )
    for info in candidates:
        good = _good(info, recorded)
        if good is not None and (good.sessions > 0 or not with_sessions):
            return good
    return None


def _best_backup(database: Path) -> GoodBackup | None:
    # One with sessions beats a newer empty one (a copy of an emptied file, say).
    return newest_good_backup(database, with_sessions=True) or newest_good_backup(database)


@dataclass(frozen=True)
class Inspection:
    """The damage check of one database file, and the backup to offer when it is damaged."""

    path: Path
    report: DamageReport
    backup: GoodBackup | None

    @property
    def emptied(self) -> bool:
        """Empty, while a backup holds sessions: lost, not new."""
        return (
            self.report.emptied
            and not self.report.damaged
            and self.backup is not None
            and self.backup.sessions > 0
        )

    @property
    def damaged(self) -> bool:
        return self.report.damaged or self.emptied

    def reason(self) -> str:
        """What is wrong, in one line (empty when nothing is)."""
        if self.emptied and self.backup is not None:
            return (
                f"The database {self.path} is empty, but its backup from {self.backup.when()} "
                f"holds {self.backup.sessions} sessions."
            )
        if self.report.damaged:
            return f"The database {self.path} is damaged: {self.report.summary()}"
        return ""

    def message(self) -> str:
        """The reason and the way out, in one line, for the command line."""
        if not self.damaged:
            return ""
        if self.backup is None:
            return f"{self.reason()} No good backup of it was found."
        return (
            f"{self.reason()} The newest good backup is {self.backup.path} ({self.backup.when()})."
        )


class DamagedDatabaseError(DatabaseError):
    """The database failed the damage check; ``inspection`` says how and what to restore."""

    code = "damaged"

    def __init__(self, inspection: Inspection) -> None:
        super().__init__("{damage}", damage=inspection.message())
        self.inspection = inspection


def inspect_file(
    path: Path, *, budget: float | None = STARTUP_BUDGET, stop: Callable[[], bool] | None = None
) -> Inspection:
    """Check the file at ``path``; looks for a backup only when something is wrong."""
    report = check_file(path, budget=budget, stop=stop)
    backup = _best_backup(path) if report.damaged or report.emptied else None
    return Inspection(path=path, report=report, backup=backup)


def inspect(url: str, *, budget: float | None = STARTUP_BUDGET) -> Inspection | None:
    """Check the database at ``url``; None for one that is no SQLite file (yet)."""
    try:
        path = sqlite_path(url)
    except Exception:  # no URL at all: opening it says so in its own words
        return None
    if path is None or not path.is_file():
        return None
    return inspect_file(path, budget=budget)


def refuse_damaged(url: str, *, budget: float | None = STARTUP_BUDGET) -> None:
    """Raise :class:`DamagedDatabaseError` when the database at ``url`` is damaged."""
    inspection = inspect(url, budget=budget)
    if inspection is not None and inspection.damaged:
        raise DamagedDatabaseError(inspection)


def restore_over_damaged(backup: Path, database: Path, now: dt.datetime | None = None) -> Path:
    """Put ``backup`` in place of ``database``; returns where the damaged file was kept.

    The damaged file goes beside the database as ``<name>.damaged-<time>`` (with its -wal),
    never into the backups folder, where it could pass for a backup.
    """
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = database.with_name(f"{database.name}.damaged-{stamp}")
    if database.exists():
        copy_raw(database, kept)  # its -wal too: what is left may still be read
    replace_database(backup, database)
    return kept


def cannot_write(database: Database) -> bool:
    """True when changes to ``database`` cannot be saved (read-only file, disk or folder;
    on a server, a role that may only read, found when it was opened)."""
    path = database.path
    if path is None:
        return database.read_only is not None
    if database.read_only is not None:
        return True
    if path.is_file() and not os.access(path, os.W_OK):
        return True
    try:
        raw = database.engine.raw_connection()
    except Exception:  # cannot even connect: start-up reports that elsewhere
        return False
    try:
        cursor = raw.cursor()
        try:
            # A rolled-back header write: fails only when SQLite opened the file read-only.
            cursor.execute("BEGIN IMMEDIATE")
            version = cursor.execute("PRAGMA user_version").fetchone()[0]
            cursor.execute(f"PRAGMA user_version = {int(version)}")
        finally:
            with contextlib.suppress(sqlite3.Error):
                cursor.execute("ROLLBACK")
            cursor.close()
    except sqlite3.OperationalError as error:
        text = str(error).lower()
        return "readonly" in text or "read-only" in text
    except sqlite3.Error:
        return False
    finally:
        raw.close()
    return False
