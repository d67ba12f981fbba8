"""Backups and restore of a database on a PostgreSQL server (``studyapp backup`` and
``restore`` with a ``postgresql://`` URL): pg_dump archives named and recorded as a file's
backups are (``<database>-<hash>-<time>.dump``, the manifest), restored with pg_restore.

Only on request: a shared server is backed up by whoever runs it, so nothing here runs
before each write or on a timer (see ``MaintenanceService.backup_before_writing``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy import text
from sqlalchemy.engine import Connection

from studyapp.core import paths, pg_archive
from studyapp.core.backup import BackupInfo
from studyapp.core.backup_catalog import (
    record_backup,
    server_archive_path,
    server_backups_of,
    server_identity,
    session_count,
    unused_name,
)
from studyapp.core.connection import shown_url
from studyapp.core.db import Database, translate_error
from studyapp.core.errors import DatabaseError, Message


@dataclass(frozen=True)
class ServerRestore:
    """``saved``: the archive of the database as it was (None when it had no tables)."""

    database: str  # the URL, password hidden
    backup: Path
    saved: Path | None
    sessions: int


@dataclass(frozen=True)
class _Snapshot:
    sessions: int | None  # None: no studyapp tables yet
    server_major: int


def _has_tables(connection: Connection) -> bool:
    return bool(connection.execute(text("SELECT to_regclass('sessions') IS NOT NULL")).scalar())


class ServerBackups:
    def __init__(self, database: Database) -> None:
        self.db = database
        self._login = pg_archive.server_login(database.url)

    def list_backups(self) -> list[BackupInfo]:
        return server_backups_of(self.db.url)

    def backup(self, dest: Path | None = None) -> Path:
        """An archive of the database: in the backups folder (None), into a folder, or at a
        file; checked after writing, and recorded with its session count in the folder's
        manifest when it is in the backups folder."""
        if dest is None:
            target = server_archive_path(self.db.url)
        elif dest.expanduser().is_dir():
            target = server_archive_path(self.db.url, dest.expanduser())
        else:
            target = dest.expanduser()
        made, sessions = self._dump(target, required=True)
        assert made is not None  # required: no tables is an error, not None
        if made.parent.resolve() == paths.backups_dir().resolve():
            record_backup(made, server_identity(self.db.url), sessions, verified=True)
        return made

    def _dump(self, target: Path, *, required: bool) -> tuple[Path | None, int | None]:
        """pg_dump of exactly what one transaction sees, and that transaction's session
        count (None when the database has no studyapp tables and ``required`` is False)."""
        try:
            with self.db.engine.connect() as connection:
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
                with connection.begin():
                    major = (
                        int(connection.execute(text("SHOW server_version_num")).scalar_one())
                        // 10000
                    )
                    # Found before anything is written: nothing half-made to clean up.
                    pg_archive.find_program("pg_dump", major)
                    pg_archive.find_program("pg_restore", major)
                    if not _has_tables(connection):
                        if required:
                            raise DatabaseError(
                                "There is nothing to back up: {database} has no studyapp tables.",
                                database=shown_url(self.db.url),
                            )
                        return None, None
                    snapshot = str(
                        connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
                    )
                    sessions = int(
                        connection.execute(text("SELECT count(*) FROM sessions")).scalar_one()
                    )
                    pg_archive.dump(self._login, target, snapshot=snapshot, server_major=major)
        except sa_exc.DBAPIError as error:
            raise translate_error(error) from error
        return target, sessions

    def restore(self, archive: Path) -> ServerRestore:
        """Put ``archive`` in place of the database's tables, saving them first.

        The archive is checked before anything changes (a pg_dump archive of studyapp's
        tables, read through, from this studyapp's schema or an older one); the database as
        it was is kept as ``pre-restore-<time>.dump`` in the backups folder; the restore is
        one transaction, so a failure leaves the database as it was.
        """
        archive = archive.expanduser()
        if not archive.is_file():
            raise DatabaseError("There is no backup file at {backup}.", backup=archive)
        kind = pg_archive.file_kind(archive)
        if kind == "sqlite":
            raise DatabaseError(
                "{path} is a backup of a SQLite file; a database on a PostgreSQL server is "
                "restored from a pg_dump archive (.dump). To bring a file's notes to the "
                "server, restore it into a file and use studyapp copy-to.",
                path=archive,
            )
        if kind != "postgresql":
            raise DatabaseError(
                "{not_ours} (not a pg_dump archive).",
                not_ours=Message("{path} is not a studyapp backup", path=archive),
            )
        pg_archive.check_archive(archive)
        revision = pg_archive.archive_revision(archive)
        self._refuse_newer(archive, revision)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        saved, sessions_before = self._dump(
            unused_name(paths.backups_dir() / f"pre-restore-{stamp}{pg_archive.ARCHIVE_SUFFIX}"),
            required=False,
        )
        if saved is not None:
            record_backup(saved, server_identity(self.db.url), sessions_before, verified=True)
        self.db.dispose()  # our pooled connections hold no locks, but need not linger
        pg_archive.restore(self._login, archive)
        return ServerRestore(
            database=shown_url(self.db.url),
            backup=archive,
            saved=saved,
            sessions=self._check_restored(archive, revision, saved),
        )

    def _refuse_newer(self, archive: Path, revision: str | None) -> None:
        from studyapp.core.migrate import is_known_revision  # Alembic: only when restoring

        if revision is None:
            raise DatabaseError(
                "{not_ours}: it records no schema version.",
                not_ours=Message("{path} is not a studyapp backup", path=archive),
            )
        if not is_known_revision(revision):
            raise DatabaseError(
                "{path} was made by a newer studyapp (schema {revision}); upgrade studyapp to "
                "restore it.",
                path=archive,
                revision=revision,
            )

    def _sessions(self) -> int:
        try:
            with self.db.engine.connect() as connection:
                return int(connection.execute(text("SELECT count(*) FROM sessions")).scalar_one())
        except sa_exc.DBAPIError as error:
            raise translate_error(error) from error

    def _check_restored(self, archive: Path, revision: str | None, saved: Path | None) -> int:
        """The restored database's schema version and session count, as the archive and its
        manifest entry say they should be."""
        try:
            with self.db.engine.connect() as connection:
                found = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        except sa_exc.DBAPIError as error:
            raise translate_error(error) from error
        sessions = self._sessions()
        expected = session_count(archive.name, archive.parent)
        wrong_schema = [row[0] for row in found] != [revision]
        if wrong_schema or (expected is not None and expected != sessions):
            before = (
                Message("It was not saved first.")
                if saved is None
                else Message("The database as it was is in {path}.", path=saved)
            )
            raise DatabaseError(
                "The restored database does not match the backup ({sessions} sessions, schema "
                "{found}; the backup recorded {expected} sessions, schema {revision}). {before}",
                sessions=sessions,
                found=", ".join(str(row[0]) for row in found) or "none",
                expected="?" if expected is None else expected,
                revision=revision,
                before=before,
            )
        return sessions
