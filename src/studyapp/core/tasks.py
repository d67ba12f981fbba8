"""Obsidian Tasks lines: ``- [ ] text ⏫ 🔁 every week ➕ 2025-01-01 📅 2025-01-27``.

Fields are read from the end of the line and written back in the order the Tasks plugin
uses. Text that is not a well-formed field (a bad date, an emoji mid-sentence) stays in
the description verbatim. A leading ``Name:`` or trailing-free ``@name`` names the assignee.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

PRIORITY_SIGNS = {"🔺": "highest", "⏫": "high", "🔼": "medium", "🔽": "low", "⏬": "lowest"}
SIGN_OF_PRIORITY = {name: sign for sign, name in PRIORITY_SIGNS.items()}

# Written back in this order, after the description and the priority.
DATE_SIGNS = (
    ("➕", "created_date"),
    ("🛫", "start_date"),
    ("⏳", "scheduled_date"),
    ("📅", "due_date"),
    ("❌", "cancelled_date"),
    ("✅", "done_date"),
)
FIELD_OF_SIGN = dict(DATE_SIGNS)
# Variants people paste from other tools; all read as the canonical sign.
SIGN_ALIASES = {"🗓": "📅", "🗓️": "📅", "📆": "📅", "⌛": "⏳", "✔️": "✅", "✔": "✅"}
RECURRENCE_SIGN = "🔁"

TASK_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<bullet>[-*+]|\d+[.)])[ \t]+\[(?P<status>.)\](?:[ \t]+(?P<body>.*))?$"
)
_DATE = r"(\d{4}-\d{2}-\d{2})"
_ALL_SIGNS = "|".join(re.escape(s) for s in [*FIELD_OF_SIGN, *SIGN_ALIASES])
_FIELD_AT_END = re.compile(rf"(?:^|[ \t]+)({_ALL_SIGNS})\ufe0f?[ \t]*{_DATE}[ \t]*$")
_PRIORITY_AT_END = re.compile(r"(?:^|[ \t]+)(" + "|".join(PRIORITY_SIGNS) + r")\ufe0f?[ \t]*$")
_PRIORITY_ENDS = frozenset([*PRIORITY_SIGNS, "\ufe0f"])
# Tasks rules always start with "every"; a 🔁 followed by anything else is just text.
_RECURRENCE_AT_END = re.compile(
    r"(?:^|[ \t]+)🔁\ufe0f?[ \t]*((?i:every)\b[^🔁📅⏳🛫➕✅❌🔺⏫🔼🔽⏬]*?)[ \t]*$"
)
_NAME_WORD = r"[^\s:,;!?()\[\]#*`\"']{1,20}"
_ASSIGNEE_PREFIX = re.compile(
    rf"^(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{0,2}})[ \t]*:[ \t]+(?P<rest>\S.*)$"
)
_ASSIGNEE_WORDS_TO_SKIP = {
    "note",
    "notes",
    "todo",
    "to do",
    "tip",
    "q",
    "a",
    "re",
    "fyi",
    "참고",
    "메모",
    "질문",
}


@dataclass(frozen=True)
class TaskFields:
    """Everything one Tasks line says; also the plain shape of a checklist item."""

    text: str
    done: bool = False
    priority: str | None = None
    recurrence: str | None = None
    created_date: dt.date | None = None
    start_date: dt.date | None = None
    scheduled_date: dt.date | None = None
    due_date: dt.date | None = None
    cancelled_date: dt.date | None = None
    done_date: dt.date | None = None
    assignee: str | None = None


def _as_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def split_assignee(description: str) -> tuple[str | None, str]:
    """``"Chen: set up the list"`` -> ``("Chen", "set up the list")``."""
    match = _ASSIGNEE_PREFIX.match(description)
    if (
        match
        and match["name"].casefold() not in _ASSIGNEE_WORDS_TO_SKIP
        and not match["name"][0].isdigit()
        and "://" not in description[: match.end("name") + 3]
    ):
        return match["name"], match["rest"]
    return None, description


def parse_task_line(line: str) -> TaskFields | None:
    """The fields of a Tasks line, or None when the line is not a task."""
    match = TASK_LINE.match(line.rstrip("\r\n"))
    if not match:
        return None
    status = match["status"]
    body = (match["body"] or "").rstrip()
    values: dict[str, object] = {}
    while body:
        # Each field regex is tried only where its last character can end the body (which
        # is stripped): searching a long line from every position was most of the parse.
        field = _FIELD_AT_END.search(body) if body[-1].isdecimal() else None
        if field:
            sign = SIGN_ALIASES.get(field[1], field[1])
            name = FIELD_OF_SIGN[sign]
            value = _as_date(field[2])
            if value is not None and name not in values:
                values[name] = value
                body = body[: field.start()].rstrip()
                continue
            break
        priority = _PRIORITY_AT_END.search(body) if body[-1] in _PRIORITY_ENDS else None
        if priority and "priority" not in values:
            values["priority"] = PRIORITY_SIGNS[priority[1]]
            body = body[: priority.start()].rstrip()
            continue
        recurrence = _RECURRENCE_AT_END.search(body) if RECURRENCE_SIGN in body else None
        if recurrence and "recurrence" not in values:
            values["recurrence"] = recurrence[1].strip()
            body = body[: recurrence.start()].rstrip()
            continue
        break
    assignee, text = split_assignee(body)
    return TaskFields(text=text, done=status in "xX", assignee=assignee, **values)  # type: ignore[arg-type]


def format_task_line(task: TaskFields, indent: str = "") -> str:
    """The canonical Tasks line for ``task``; ``parse_task_line`` reads it back equal."""
    parts = [f"{task.assignee}: {task.text}" if task.assignee else task.text]
    if task.priority:
        parts.append(SIGN_OF_PRIORITY[task.priority])
    if task.recurrence:
        parts.append(f"{RECURRENCE_SIGN} {task.recurrence}")
    for sign, name in DATE_SIGNS:
        value = getattr(task, name)
        if value is not None:
            parts.append(f"{sign} {value.isoformat()}")
    body = " ".join(part for part in parts if part)
    return f"{indent}- [{'x' if task.done else ' '}] {body}".rstrip()


def task_line_for(task: TaskFields, source_line: str | None) -> str:
    """The imported line when it still says exactly ``task``, else the canonical line."""
    if source_line is not None:
        parsed = parse_task_line(source_line)
        if parsed is not None and parsed == task:
            return source_line
    return format_task_line(task)


def with_done(task: TaskFields, done: bool, today: dt.date) -> TaskFields:
    """Check or uncheck, stamping or clearing the done date the way Tasks does."""
    return replace(task, done=done, done_date=today if done else None)


_DONE_FIELD = re.compile(r"[ \t]+✅\ufe0f?[ \t]*\d{4}-\d{2}-\d{2}(?=[ \t]|$)")


def with_status(line: str, done: bool, today: dt.date) -> str:
    """``line`` ticked (``[x]`` and ``✅ today`` at its end) or cleared (``[ ]``, its ✅ date
    dropped); the marker, indent and every other field stay as written."""
    match = TASK_LINE.match(line)
    if match is None:
        return line
    if (match["status"] in "xX") == done:
        return line
    status = "x" if done else " "
    ticked = line[: match.start("status")] + status + line[match.end("status") :]
    if done:
        return f"{ticked.rstrip()} ✅ {today.isoformat()}"
    return _DONE_FIELD.sub("", ticked, count=1)
