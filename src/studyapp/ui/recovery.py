"""What start-up does when the database is damaged or cannot be written.

A damaged file is never overwritten in place: it is renamed to ``<name>.damaged-<time>``
beside the restored copy, so a person (or a recovery tool) can still read what is left.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from studyapp.core.backup import BackupInfo, copy_raw, list_backups, replace_database
from studyapp.core.db import Database, sqlite_path
from studyapp.core.errors import StudyappError
from studyapp.ui.errors_shown import describe

_CONTEXT = "recovery"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def newest_backup() -> BackupInfo | None:
    """The most recent backup in the backups folder, or None when there is none."""
    try:
        found = list_backups()
    except StudyappError:
        return None  # an unreadable backups folder offers nothing; start-up reports the rest
    return found[0] if found else None


def is_damaged(path: Path) -> bool:
    """True when SQLite cannot read ``path`` as a sound database (not when it is only busy)."""
    if not path.is_file():
        return False
    try:
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
        ) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError:
        return False  # locked or unreadable for now: restoring would not help
    except sqlite3.DatabaseError:
        return True  # "file is not a database", "malformed"
    return rows != [("ok",)]


def restore_backup(backup: Path, database_file: Path, now: dt.datetime | None = None) -> Path:
    """Put ``backup`` in place of ``database_file``; returns where the damaged file went."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = database_file.with_name(f"{database_file.name}.damaged-{stamp}")
    if database_file.exists():
        copy_raw(database_file, kept)  # its -wal too: what is left may still be read
    replace_database(backup, database_file)
    return kept


def offer_backup(parent: QWidget | None, error: Exception, database_url: str) -> str | None:
    """Ask to restore the newest backup over a damaged database; the URL to open, or None.

    None when the file is not damaged, there is no backup, or the person says no; the caller
    then shows its own message about ``error``.
    """
    path = sqlite_path(database_url)
    backup = newest_backup()
    if path is None or backup is None or not is_damaged(path):
        return None
    when = backup.created.strftime("%Y-%m-%d %H:%M")
    answer = QMessageBox.question(
        parent,
        _tr("studyapp"),
        _tr(
            "The database cannot be opened:\n{reason}\n\nRestore the backup from {time}?\n"
            "The damaged file is kept beside it."
        ).format(reason=describe(error), time=when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        restore_backup(backup.path, path)
    except StudyappError as failure:
        QMessageBox.critical(parent, _tr("studyapp"), str(failure))
        return None
    return database_url


def read_only_reason(database: Database) -> str | None:
    """Why changes to ``database`` cannot be saved, or None when they can."""
    path = database.path
    message = _tr("The database is read-only: you can read your notes, but changes are not saved.")
    if path is None:
        # A server: a role allowed to read only (found at open); else memory.
        return message if database.read_only is not None else None
    if database.read_only is not None or (path.is_file() and not os.access(path, os.W_OK)):
        return message  # a read-only disk or folder, or the file itself
    try:
        raw = database.engine.raw_connection()
    except Exception:  # cannot even connect: start-up reports that elsewhere
        return None
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
        return message if "readonly" in text or "read-only" in text else None
    except sqlite3.Error:
        return None
    finally:
        raw.close()
    return None
