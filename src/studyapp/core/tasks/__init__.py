"""Obsidian Tasks lines: ``- [ ] text ⏫ 🔁 every week ➕ 2025-01-01 📅 2025-01-27``.

Read as the plugin's emoji format reads them (:mod:`.reading`), and written back changing
only what changed (:mod:`.writing`). A leading ``Name:`` in the description names the
person the to-do is for: this project's own convention on top of the plugin's format.
"""

from studyapp.core.tasks.fields import (
    _ASSIGNEE_WORDS_TO_SKIP,
    DATE_SIGNS,
    DEPENDS_ON_SIGN,
    FIELD_OF_SIGN,
    ID_SIGN,
    ON_COMPLETION_SIGN,
    PRIORITY_SIGNS,
    RECURRENCE_SIGN,
    SIGN_ALIASES,
    SIGN_OF_PRIORITY,
    TaskFields,
    description_of,
    split_assignee,
)
from studyapp.core.tasks.reading import TASK_LINE, TaskLine, Token, parse_task_line, read_task_line
from studyapp.core.tasks.statuses import (
    StatusType,
    is_done,
    next_status_symbol,
    status_type,
)
from studyapp.core.tasks.writing import (
    FIELD_ORDER,
    checked_edit,
    edit_task_line,
    format_task_line,
    rewrite_task_line,
    status_changed,
    task_line_for,
    with_done,
    with_status,
    with_status_symbol,
)

__all__ = [
    "DATE_SIGNS",
    "DEPENDS_ON_SIGN",
    "FIELD_OF_SIGN",
    "FIELD_ORDER",
    "ID_SIGN",
    "ON_COMPLETION_SIGN",
    "PRIORITY_SIGNS",
    "RECURRENCE_SIGN",
    "SIGN_ALIASES",
    "SIGN_OF_PRIORITY",
    "TASK_LINE",
    "_ASSIGNEE_WORDS_TO_SKIP",
    "StatusType",
    "TaskFields",
    "TaskLine",
    "Token",
    "checked_edit",
    "description_of",
    "edit_task_line",
    "format_task_line",
    "is_done",
    "next_status_symbol",
    "parse_task_line",
    "read_task_line",
    "rewrite_task_line",
    "split_assignee",
    "status_changed",
    "status_type",
    "task_line_for",
    "with_done",
    "with_status",
    "with_status_symbol",
]
