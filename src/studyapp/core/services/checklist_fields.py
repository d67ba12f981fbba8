"""A to-do's fields checked and copied onto its row; what a person typed as a to-do."""

from __future__ import annotations

from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.errors import ValidationError
from studyapp.core.services import lookup
from studyapp.core.tasks import TaskFields, parse_task_line


def apply_task(
    orm: OrmSession, item: models.ChecklistItem, task: TaskFields, *, allow_empty: bool = False
) -> None:
    """Copy every field of ``task`` onto the row (validated)."""
    text = task.text.strip()
    if not text and not allow_empty:
        raise ValidationError("A to-do needs some text.")
    if "\n" in text:
        raise ValidationError("A to-do is one line of text.")
    item.text = text
    item.done = task.done
    item.priority = models.Priority(task.priority) if task.priority else None
    item.recurrence = task.recurrence or None
    item.created_date = task.created_date
    item.start_date = task.start_date
    item.scheduled_date = task.scheduled_date
    item.due_date = task.due_date
    item.cancelled_date = task.cancelled_date
    item.done_date = task.done_date
    item.assignee = lookup.person(orm, task.assignee) if task.assignee else None


def task_from_text(line: str) -> TaskFields:
    """What a person typed in the add box: plain text or a whole Tasks line."""
    text = line.strip()
    if "\n" in text or "\r" in text:  # it becomes one line of a body
        raise ValidationError("A to-do is one line of text.")
    parsed = parse_task_line(text if text.startswith(("- [", "* [")) else f"- [ ] {text}")
    if parsed is None or not parsed.text.strip():
        raise ValidationError("A to-do needs some text.")
    return parsed
