"""Writing Tasks lines: a new line in the plugin's own layout, or an old line changed only
where its fields changed.

A line the user wrote keeps its marker, indentation, quote prefix, spacing, tags, block
link and field order: a changed field's value is replaced where it stands, a removed field
goes with the white space before it, and a new field is added after the last one (before
the block link). Ticking a box changes its status character and the ✅ (or ❌) date only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from studyapp.core.tasks.fields import (
    DEPENDS_ON_SIGN,
    ID_SIGN,
    ON_COMPLETION_SIGN,
    RECURRENCE_SIGN,
    SIGN_OF_PRIORITY,
    TaskFields,
    description_of,
)
from studyapp.core.tasks.reading import TaskLine, Token, read_task_line
from studyapp.core.tasks.statuses import DONE, TODO, StatusType, is_done, status_type

# The order the plugin writes fields in after the description (its TaskLayoutComponent).
FIELD_ORDER = (
    "task_id",
    "depends_on",
    "priority",
    "recurrence",
    "on_completion",
    "created_date",
    "start_date",
    "scheduled_date",
    "due_date",
    "cancelled_date",
    "done_date",
)
_SIGN_OF_FIELD = {
    "task_id": ID_SIGN,
    "depends_on": DEPENDS_ON_SIGN,
    "recurrence": RECURRENCE_SIGN,
    "on_completion": ON_COMPLETION_SIGN,
    "created_date": "➕",
    "start_date": "🛫",
    "scheduled_date": "⏳",
    "due_date": "📅",
    "cancelled_date": "❌",
    "done_date": "✅",
}
# Fields a caller may not know of (a to-do's row keeps none of them): left as the line
# has them unless the caller names a value.
_KEPT_UNLESS_GIVEN = ("task_id", "depends_on", "on_completion", "block_link")

Value = object
Splice = tuple[int, int, str]


def _value_text(kind: str, value: Value) -> str:
    if kind == "priority":
        return SIGN_OF_PRIORITY[str(value)]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ",".join(value)
    return str(value)


def _field_text(kind: str, value: Value) -> str:
    if kind == "priority":
        return _value_text(kind, value)
    return f"{_SIGN_OF_FIELD[kind]} {_value_text(kind, value)}"


def _absent(value: Value) -> bool:
    return value is None or value == ()


def _body(task: TaskFields) -> str:
    parts = [description_of(task)]
    for kind in FIELD_ORDER:
        value = getattr(task, kind)
        if not _absent(value):
            parts.append(_field_text(kind, value))
    if task.block_link:
        parts.append(task.block_link)
    return " ".join(part for part in parts if part)


def format_task_line(task: TaskFields, indent: str = "") -> str:
    """The line the plugin would write for ``task``; ``parse_task_line`` reads it back equal."""
    return f"{indent}- [{task.status_symbol}] {_body(task)}".rstrip()


# -- changing a line in place ---------------------------------------------------------------


def _splice(line: str, edits: list[Splice]) -> str:
    if not edits:
        return line
    out: list[str] = []
    cursor = 0
    # Stable: at one offset, edits go in the order they were listed.
    for start, end, text in sorted(edits, key=lambda edit: edit[0]):
        out.append(line[cursor:start])
        out.append(text)
        cursor = max(cursor, end)
    out.append(line[cursor:])
    return "".join(out)


def _removal(read: TaskLine, token: Token) -> Splice:
    """The token and the white space before it (back to the description, if there is one)."""
    has_description = read.description_end > read.description_start
    floor = read.description_end if has_description else read.box_end
    start = token.start
    while start > floor and read.line[start - 1].isspace():
        start -= 1
    return (start, token.end, "")


def _description_edits(read: TaskLine, description: str) -> list[Splice]:
    """The description replaced, tags the reader moved from among the fields left where
    they are while the new description still ends with them."""
    line = read.line
    tags = [token for token in read.tokens if token.kind == "tag"]
    edits: list[Splice] = []
    part = description
    if tags:
        suffix = " ".join(line[t.start : t.end].strip() for t in reversed(tags))
        if description == suffix:
            part = ""
        elif description.endswith(" " + suffix):
            part = description[: -len(suffix) - 1]
        else:
            edits.extend(_removal(read, token) for token in tags)
    start, end = read.description_start, read.description_end
    if start == end:  # there was none: the new one goes right after the box
        if part:
            edits.insert(0, (read.box_end, read.box_end, " " + part))
    elif part:
        edits.insert(0, (start, end, part))
    else:
        edits.insert(0, (read.box_end, end, ""))
    return edits


def edit_task_line(
    read: TaskLine,
    changes: Mapping[str, Value],
    *,
    status: str | None = None,
    description: str | None = None,
) -> str:
    """``read``'s line with the fields in ``changes`` set where they stand (None or ()
    removes one, a new one goes after the last; ``"block_link"`` is one of them too), its
    status character and its description replaced; every other character kept."""
    line = read.line
    edits: list[Splice] = []
    if status is not None and status != read.fields.status_symbol:
        edits.append((read.status_at, read.status_at + 1, status))
    if description is not None:
        edits.extend(_description_edits(read, description))
    added: list[str] = []
    for kind in FIELD_ORDER:
        if kind not in changes:
            continue
        value = changes[kind]
        if _absent(value):
            edits.extend(_removal(read, t) for t in read.tokens if t.kind == kind)
            continue
        token = read.effective(kind)
        if token is None:
            added.append(" " + _field_text(kind, value))
        elif line[token.value_start : token.value_end] != _value_text(kind, value):
            edits.append((token.value_start, token.value_end, _value_text(kind, value)))
    link = changes.get("block_link", read.fields.block_link)
    span = read.block_link_span
    if link and span is None:
        added.append(f" {link}")
    if added:
        edits.append((read.content_end, read.content_end, "".join(added)))
    if span is not None and link != read.fields.block_link:  # listed after what goes before
        edits.append((span[0], span[1], f" {link}" if link else ""))
    return _splice(line, edits)


def status_changed(task: TaskFields, symbol: str, today: dt.date) -> TaskFields:
    """``task`` with status ``symbol``, its ✅ and ❌ dates as the plugin sets them (both of
    its settings for them are on by default): today's on entering DONE or CANCELLED, kept
    while staying in it, gone on leaving it."""
    if task.status_symbol == symbol:
        return task
    old, new = task.status_type, status_type(symbol)

    def dated(current: dt.date | None, wanted: StatusType) -> dt.date | None:
        if new is not wanted:
            return None
        return current if old is wanted else today

    return replace(
        task,
        done=is_done(symbol),
        status_symbol=symbol,
        done_date=dated(task.done_date, StatusType.DONE),
        cancelled_date=dated(task.cancelled_date, StatusType.CANCELLED),
    )


def with_status_symbol(line: str, symbol: str, today: dt.date) -> str:
    """``line`` with status ``symbol`` (``x`` done, `` `` to do, ``/`` in progress, ``-``
    cancelled, …) and its ✅/❌ date set or cleared to match; nothing else changes."""
    read = read_task_line(line)
    if read is None or read.fields.status_symbol == symbol:
        return line
    wanted = status_changed(read.fields, symbol, today)
    changes = {
        kind: getattr(wanted, kind)
        for kind in ("done_date", "cancelled_date")
        if getattr(wanted, kind) != getattr(read.fields, kind)
    }
    return checked_edit(read, edit_task_line(read, changes, status=symbol), wanted)


def with_status(line: str, done: bool, today: dt.date) -> str:
    """``line`` ticked (``[x]`` and ``✅ today``) or cleared (``[ ]``, its ✅ date dropped);
    a line already so is returned as it is (an in-progress or cancelled one stays)."""
    read = read_task_line(line)
    if read is None or read.fields.done == done:
        return line
    return with_status_symbol(line, DONE if done else TODO, today)


def with_done(task: TaskFields, done: bool, today: dt.date) -> TaskFields:
    """Check or uncheck, stamping or clearing the done date (and clearing a cancelled
    date) the way Tasks does; a task already so is returned as it is."""
    if task.done == done:
        return task
    return status_changed(task, DONE if done else TODO, today)


def rewrite_task_line(line: str, fields: TaskFields) -> str:
    """``line`` changed to say ``fields``, changing only the fields that differ.

    The id, depends-on, on-completion and block link of the line stay unless ``fields``
    names one (a caller that does not know them leaves them at their defaults); so does
    a status character like ``/`` or ``-`` while ``done`` is unchanged. A line that is not
    a task gives the plugin's line for ``fields``.
    """
    read = read_task_line(line)
    if read is None:
        return format_task_line(fields)
    old = read.fields
    changes: dict[str, Value] = {}
    for kind in (*FIELD_ORDER, "block_link"):
        value = getattr(fields, kind)
        if value != getattr(old, kind) and (kind not in _KEPT_UNLESS_GIVEN or not _absent(value)):
            changes[kind] = value
    symbol = old.status_symbol
    if fields.done != old.done or fields.status_symbol != (DONE if fields.done else TODO):
        symbol = fields.status_symbol
    description = description_of(fields)
    rewritten = edit_task_line(
        read,
        changes,
        status=symbol,
        description=None if description == description_of(old) else description,
    )
    wanted = replace(
        fields,
        status_symbol=symbol,
        **{
            name: getattr(old, name)
            for name in _KEPT_UNLESS_GIVEN
            if _absent(getattr(fields, name))
        },
    )
    return checked_edit(read, rewritten, wanted)


def checked_edit(read: TaskLine, edited: str, wanted: TaskFields) -> str:
    """``edited`` when it reads as ``wanted``; else the plugin's layout of ``wanted`` after
    the line's own marker, indentation and quote prefix. An edit in place can read back
    otherwise: new text ending in what reads as a field, or a field added after a tag
    that has a sign glued to it ("#x⏫" is a tag once something follows it)."""
    found = read_task_line(edited)
    if found is not None and found.fields == wanted:
        return edited
    prefix = read.line[: read.status_at - 1]
    return f"{prefix}[{wanted.status_symbol}] {_body(wanted)}".rstrip()


def task_line_for(task: TaskFields, source_line: str | None) -> str:
    """The imported line changed only where it no longer says ``task``; else the plugin's
    line for it."""
    return format_task_line(task) if source_line is None else rewrite_task_line(source_line, task)
