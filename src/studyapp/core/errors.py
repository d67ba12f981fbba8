"""Typed errors the core raises; each carries one line a person can read.

The UI and the CLI show ``str(error)`` as is; ``code`` lets callers branch without
parsing text.
"""

from __future__ import annotations


class StudyappError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(StudyappError):
    """A value a user gave is not acceptable (empty title, impossible date...)."""

    code = "invalid"


class NotFoundError(StudyappError):
    """The thing asked for does not exist (or is in the trash)."""

    code = "not-found"


class StaleWriteError(StudyappError):
    """What a change was based on was changed by someone else meanwhile; nothing was written."""

    code = "stale"


class ImportFileError(StudyappError):
    """A file could not be imported (binary, unreadable, undecodable)."""

    code = "import-failed"


class ExportError(StudyappError):
    """Export could not write its files (unwritable folder, full disk...)."""

    code = "export-failed"


class DatabaseError(StudyappError):
    """The database cannot be used (locked, corrupted, read-only, too new)."""

    code = "database"


class DatabaseLockedError(DatabaseError):
    code = "locked"
