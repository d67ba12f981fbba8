"""A to-do's fields checked and copied onto its row; what a person typed as a to-do."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.errors import ValidationError
from studyapp.core.services import lookup
from studyapp.core.tasks import TaskFields, format_task_line, parse_task_line, read_task_line


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
    item.status_symbol = task.status_symbol
    item.task_id = task.task_id
    item.depends_on = ",".join(task.depends_on) or None
    item.on_completion = task.on_completion
    item.block_link = task.block_link


def checked_status(symbol: str) -> str:
    """``symbol`` when it can stand in a Tasks line's box (one character that keeps the
    line one line and its box a box), else a ValidationError."""
    if len(symbol) != 1 or symbol in "[]\n\r":
        raise ValidationError(
            "{symbol!r} is not a status: use one character, like x, / or -.", symbol=symbol
        )
    return symbol


def task_from_text(line: str) -> TaskFields:
    """What a person typed in the add box: plain text or a whole Tasks line."""
    text = line.strip()
    if "\n" in text or "\r" in text:  # it becomes one line of a body
        raise ValidationError("A to-do is one line of text.")
    # A whole Tasks line as typed: any marker (+, 1.) and a quote ("> - [ ]") are the line's.
    parsed = parse_task_line(text if read_task_line(text) is not None else f"- [ ] {text}")
    if parsed is None or not parsed.text.strip():
        raise ValidationError("A to-do needs some text.")
    return parsed


def task_line_from_text(text: str) -> str:
    """The Tasks line to write for what a person typed in the add box: as typed when it is
    a whole Tasks line, else the canonical line; refused when no line reads back as it."""
    task = task_from_text(text)
    stripped = text.strip()
    line = stripped if parse_task_line(stripped) == task else format_task_line(task)
    if parse_task_line(line) != task:
        raise ValidationError("This to-do cannot be written as a Tasks line as typed.")
    return line


def writable_task(task: TaskFields) -> TaskFields:
    """``task`` as its line in the body will say it (text trimmed, the assignee's name
    cleaned), or a ValidationError when no Tasks line reads back as it: text ending in
    what reads as a field ("… 📅 2025-03-10"), an assignee the line cannot name."""
    text = task.text.strip()
    if not text:
        raise ValidationError("A to-do needs some text.")
    if "\n" in text or "\r" in text:
        raise ValidationError("A to-do is one line of text.")
    assignee = lookup.clean_name(task.assignee, "person's name") if task.assignee else None
    wanted = replace(task, text=text, assignee=assignee)
    if parse_task_line(format_task_line(wanted)) != wanted:
        raise ValidationError(
            "This to-do cannot be written as a Tasks line that reads back the same; "
            "edit its line in the notes instead."
        )
    return wanted
