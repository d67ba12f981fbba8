"""Backups and health checks of the database (``studyapp backup``, ``studyapp check``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select

from studyapp.core import paths, pg_check
from studyapp.core.backup import (
    BackupInfo,
    backup_sqlite,
    copy_raw,
    replace_database,
    source_file,
    verify_backup,
)
from studyapp.core.backup_catalog import (
    automatic_backup_path,
    backups_of,
    damaged_copy_path,
    record_backup,
    unused_name,
)
from studyapp.core.backup_policy import thin_backups
from studyapp.core.db import Database, translate_error
from studyapp.core.errors import DatabaseError
from studyapp.core.models import Session
from studyapp.core.services.recovery import inspect_file
from studyapp.core.services.server_backup import ServerBackups

# The automatic backup interval: at start and while the window is open.
AUTO_BACKUP_AGE = dt.timedelta(minutes=30)
NOT_SQLITE_RESTORE = (
    "Only SQLite files and PostgreSQL databases can be restored here; use your server's own tools."
)


@dataclass(frozen=True)
class RestoreResult:
    """``saved``: the copy of the replaced database (None when there was nothing to save);
    ``database``: the file, or a server database's URL with its password hidden."""

    database: Path | str
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

    def _sound_file(
        self,
        *,
        budget: float | None,
        checked: bool = False,
        stop: Callable[[], bool] | None = None,
    ) -> Path | None:
        """The database file, once the damage check passed (``checked``: the caller just
        ran it): a damaged file is never copied where a good backup is (or would be).
        None when ``stop`` asked to end the check before it was through."""
        source = source_file(self.db.url)  # refuses PostgreSQL and in-memory databases
        if not source.is_file():
            raise DatabaseError("There is no database file at {path}.", path=source)
        if checked:
            return source
        inspection = inspect_file(source, budget=budget, stop=stop)
        if stop is not None and stop():
            return None
        if inspection.damaged:
            newest = inspection.backup
            if newest is None:
                raise DatabaseError(
                    "Backup refused: {reason} A damaged file is never copied over a good backup.",
                    reason=inspection.reason(),
                )
            raise DatabaseError(
                "Backup refused: {reason} A damaged file is never copied over a good "
                "backup. The newest good backup is {path}.",
                reason=inspection.reason(),
                path=newest.path,
            )
        return source

    def _verified(self, made: Path, source: Path) -> Path:
        """Verify a copy just made (removed when it fails) and note it in the manifest."""
        sessions = verify_backup(made)
        if made.parent.resolve() == paths.backups_dir().resolve():
            record_backup(made, source, sessions, verified=True)
        return made

    def backup(self, dest: Path | None = None) -> Path:
        """Copy the database; ``dest`` may be a file, a folder, or None (the backups folder).

        Refused when the database fails the damage check; the copy is verified after it is
        written. A PostgreSQL database is written as a pg_dump archive (``server_backup``).
        """
        if self.on_server():
            return ServerBackups(self.db).backup(dest)
        source = self._sound_file(budget=None)
        assert source is not None  # only a stop request makes it None
        if dest is None:
            target = automatic_backup_path(source)
        elif dest.expanduser().is_dir():
            target = unused_name(dest.expanduser() / automatic_backup_path(source).name)
        else:
            target = dest.expanduser()
        return self._verified(backup_sqlite(self.db.url, target), source)

    def on_server(self) -> bool:
        """True for a database on a PostgreSQL server (backed up as pg_dump archives)."""
        return self.db.engine.dialect.name == "postgresql"

    def is_sqlite_file(self) -> bool:
        """True when the database is a SQLite file (the only kind studyapp backs up itself)."""
        return self.db.path is not None

    def list_backups(self) -> list[BackupInfo]:
        """This database's backups, newest first."""
        if self.on_server():
            return ServerBackups(self.db).list_backups()
        path = self.db.path
        return [] if path is None else backups_of(path)

    def backup_due(
        self, *, min_age: dt.timedelta = AUTO_BACKUP_AGE, now: dt.datetime | None = None
    ) -> bool:
        """True when the newest backup of this database is older than ``min_age``."""
        path = self.db.path
        if path is None or not path.is_file():
            return False
        newest = backups_of(path)
        return not newest or (now or dt.datetime.now()) - newest[0].created >= min_age

    def auto_backup(
        self,
        *,
        min_age: dt.timedelta = AUTO_BACKUP_AGE,
        now: dt.datetime | None = None,
        budget: float | None = None,
        already_checked: bool = False,
        stop: Callable[[], bool] | None = None,
    ) -> Path | None:
        """Back up when the newest backup of this database is older than ``min_age``, then
        thin this database's automatic backups.

        Returns the new backup, or None when none was due or the database is not a SQLite
        file (PostgreSQL is backed up with pg_dump, outside studyapp). A damaged database
        is refused with a ``DatabaseError``. ``stop``: True ends the check before the copy,
        and no copy is made (the window closing).
        """
        now = now or dt.datetime.now()
        if not self.is_sqlite_file() or not self.backup_due(min_age=min_age, now=now):
            return None
        source = self._sound_file(budget=budget, checked=already_checked, stop=stop)
        if source is None:
            return None
        made = self._verified(
            backup_sqlite(self.db.url, automatic_backup_path(source, now)), source
        )
        thin_backups(now=now, database=source)
        return made

    def backup_before_writing(self, *, min_age: dt.timedelta = AUTO_BACKUP_AGE) -> Path | None:
        """The command line's backup before a command that writes: made when the newest
        backup of this database is older than ``min_age`` and there is something to lose
        (a database without sessions is not copied). The start-up check has run already.

        Never on a PostgreSQL server: it is shared and backed up by whoever runs it (a
        pg_dump before every member's command would only slow the group down); ``studyapp
        backup`` makes an archive when someone wants one."""
        if self.on_server() or self.db.read_only is not None:
            return None  # read-only: the write is refused anyway; a copy would only delay it
        if not self.backup_due(min_age=min_age) or self._session_count() == 0:
            return None
        return self.auto_backup(min_age=min_age, already_checked=True)

    def _session_count(self) -> int:
        with self.db.engine.connect() as connection:
            try:
                return int(
                    connection.execute(select(func.count()).select_from(Session)).scalar_one()
                )
            except sa_exc.DBAPIError:
                return 0  # no tables yet: a new database

    def restore(self, backup: Path) -> RestoreResult:
        """Replace the database file with ``backup``, saving the current file first (a
        PostgreSQL database: its tables from a pg_dump archive, see ``server_backup``).

        A sound current file is kept as a verified ``pre-restore-<time>.sqlite3`` backup; a
        damaged one (its raw bytes when SQLite cannot read it) as
        ``<name>-<hash>-damaged-<time>.sqlite3``, which is never listed or offered as a backup.
        """
        target = self.db.path
        if target is None:
            if self.on_server():
                restored = ServerBackups(self.db).restore(backup)
                return RestoreResult(restored.database, restored.backup, restored.saved)
            if self.db.engine.dialect.name != "sqlite":
                raise DatabaseError(NOT_SQLITE_RESTORE)
            raise DatabaseError("An in-memory database has no file to restore.")
        self.db.dispose()  # no pooled connection may hold the old file open
        saved: Path | None = None
        if target.is_file():
            saved = self._save_before_restore(target)
        replace_database(backup, target)
        return RestoreResult(database=target, backup=backup.expanduser(), saved=saved)

    def _save_before_restore(self, target: Path) -> Path:
        if not inspect_file(target, budget=None).damaged:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            dest = unused_name(paths.backups_dir() / f"pre-restore-{stamp}.sqlite3")
            try:
                return self._verified(backup_sqlite(target, dest), target)
            except DatabaseError:
                pass  # unreadable after all: its bytes are kept below
        return copy_raw(target, damaged_copy_path(target))

    def check(self) -> CheckReport:
        """The damage check read in full (SQLite: integrity, foreign keys, every row as the
        app reads it, an emptied file) and the schema version, without changing anything.
        One line per kind of damage."""
        from studyapp.core.migrate import current_revision, head_revision  # Alembic: slow import

        head = head_revision()
        path = self.db.path
        problems: list[str] = []
        if path is not None and path.is_file():
            inspection = inspect_file(path, budget=None)
            if inspection.damaged:
                problems = list(inspection.report.problems) or [inspection.reason()]
                return CheckReport(problems=tuple(problems), revision=None, head=head)
        revision: str | None = None
        try:
            if self.db.engine.dialect.name == "postgresql":
                with self.db.engine.connect() as connection:
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
