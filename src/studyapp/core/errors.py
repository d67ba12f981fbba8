"""Typed errors the core raises; each carries one line a person can read.

The message is a template and its arguments (``ValidationError("Unknown note field
{field!r}.", field=name)``): ``str(error)`` is the English line the CLI and logs show, and
the window translates the template (``ui/errors_shown.describe``). Templates are literal
strings, so the window's translation catalogue can list them all (``ui/core_messages.py``).
``code`` lets callers branch without parsing text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def fill(template: str, params: Mapping[str, Any]) -> str:
    """``template`` with its arguments; a template given no arguments is the text itself
    (it may hold braces of its own)."""
    return template.format(**params) if params else template


class Message:
    """A line a person reads, kept as template and arguments so that it can be translated
    where it is shown. An argument may be a Message or an error itself."""

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: Any) -> None:
        self.template = template
        self.params: dict[str, Any] = params

    def __str__(self) -> str:
        return fill(self.template, self.params)

    def __repr__(self) -> str:
        return f"Message({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Message):
            return (self.template, self.params) == (other.template, other.params)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.template)


class StudyappError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, template: str, /, **params: Any) -> None:
        self.template = template
        self.params: dict[str, Any] = params
        self.message = fill(template, params)
        super().__init__(self.message)

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
