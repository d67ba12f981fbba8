"""Reading a Tasks line the way the plugin's emoji format does (its DefaultTaskSerializer).

The fields sit at the end of the line, after the description, in any order and mixed with
tags; they are taken off the end one at a time until none is left, each kind tried in the
plugin's own order, so a field repeated keeps its leftmost value. Tags found among them go
to the end of the description; a block link (``^abc``) after everything is kept apart.
Besides the fields, the reader notes where each one stands, so a writer can change one
field without touching the rest of the line.

Where the plugin would take text that is not a well-formed field off the line and lose it
(a date like 2025-02-30, ``🔁`` not followed by an "every" rule, ``🏁`` with a word other
than keep or delete) it is left in the description here, as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from studyapp.core.tasks.fields import PRIORITY_SIGNS, TaskFields, read_fields, split_assignee
from studyapp.core.tasks.statuses import is_done

# Indentation may hold "> " of block quotes and callouts, at any depth; the plugin reads
# "-", "*", "+", "1." and "1)" markers. The box is to be followed by white space (or
# nothing), as Obsidian draws a check box only then.
TASK_LINE = re.compile(
    r"^(?P<indent>[\s>]*)(?P<bullet>[-*+]|[0-9]+[.)]) +\[(?P<status>.)\](?:[ \t]+(?P<body>.*))?$"
)
_BLOCK_LINK = re.compile(r" \^[a-zA-Z0-9-]+$")
_DATE = "\ufe0f? *([0-9]{4}-[0-9]{2}-[0-9]{2})$"
_ID = "[a-zA-Z0-9_-]+"
_EVERY = re.compile(r"every", re.IGNORECASE)

FieldValue = str | dt.date | tuple[str, ...] | bool


@dataclass(slots=True)
class Token:
    """One field or tag at the end of a line, placed by its offsets in the line."""

    kind: str  # a TaskFields field name, or "tag"
    start: int  # its sign (or its "#")
    end: int
    value_start: int  # its value (a priority's value is its sign)
    value_end: int


@dataclass(slots=True)
class TaskLine:
    line: str
    fields: TaskFields
    status_at: int  # the status character between the brackets
    box_end: int  # just past the "]"
    description_start: int
    description_end: int  # where the description gives way to the fields
    content_end: int  # past the last field or tag: where fields are added
    block_link_span: tuple[int, int] | None  # from the end of the content to past "^abc"
    tokens: tuple[Token, ...]  # right to left, as read

    def effective(self, kind: str) -> Token | None:
        """The token whose value the plugin keeps for ``kind``: the leftmost."""
        found = None
        for token in self.tokens:
            if token.kind == kind:
                found = token
        return found


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _rule(text: str) -> str | None:
    # The plugin's rules are rrule wording, which always starts with "every".
    rule = text.strip()
    return rule if _EVERY.match(rule) else None


def _on_completion(text: str) -> str | None:
    value = text.lower()
    return value if value in ("keep", "delete") else None


def _ids(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.replace(" ", "").split(",") if part)


_Reader = tuple[str, str, re.Pattern[str], Callable[[str], FieldValue | None]]

# The plugin's DefaultTaskSerializer.deserialize order. Each pattern is the plugin's, ending
# the text; no value can hold its sign, so a match can only start at the sign's last use.
_READERS: tuple[_Reader, ...] = (
    ("priority", "🔺⏫🔼🔽⏬", re.compile("(🔺|⏫|🔼|🔽|⏬)\ufe0f?$"), PRIORITY_SIGNS.get),
    ("done_date", "✅", re.compile("✅" + _DATE), _date),
    ("cancelled_date", "❌", re.compile("❌" + _DATE), _date),
    ("due_date", "📅📆🗓", re.compile("(?:📅|📆|🗓)" + _DATE), _date),
    ("scheduled_date", "⏳⌛", re.compile("(?:⏳|⌛)" + _DATE), _date),
    ("start_date", "🛫", re.compile("🛫" + _DATE), _date),
    ("created_date", "➕", re.compile("➕" + _DATE), _date),
    ("recurrence", "🔁", re.compile("🔁\ufe0f? *([a-zA-Z0-9, !]+)$"), _rule),
    ("on_completion", "🏁", re.compile("🏁\ufe0f? *([a-zA-Z]+)$"), _on_completion),
    # After the start or white space, which the reader checks.
    ("tag", "#", re.compile(r"(#[^ !@#$%^&*(),.?\":{}|<>]+)$"), str),
    ("task_id", "🆔", re.compile(f"🆔\ufe0f? *({_ID})$"), str),
    ("depends_on", "⛔", re.compile(f"⛔\ufe0f? *({_ID}(?: *, *{_ID} *)*)$"), _ids),
)
_ANY_SIGN = re.compile("[" + "".join(reader[1] for reader in _READERS) + "]")
_KIND_OF_SIGN = {sign: reader[0] for reader in _READERS for sign in reader[1]}
_MAX_RUNS = 21  # the plugin gives up after as many passes


def read_task_line(line: str) -> TaskLine | None:
    """The line's fields and where each stands, or None when it is not a task line."""
    match = TASK_LINE.match(line)
    if match is None:
        return None
    box_end = match.end("status") + 1
    stripped_end = len(line.rstrip())
    body = line[box_end:stripped_end].lstrip()  # white space of any kind, as JS trim() does
    body_start = stripped_end - len(body)
    end = len(body)
    block_link = None
    if "^" in body:
        link = _BLOCK_LINK.search(body)
        if link is not None:
            block_link = link.group()[1:]
            end = _trimmed(body, link.start())
    content_end = end
    values: dict[str, FieldValue] = {}
    tokens: list[Token] = []
    tags: list[str] = []
    # Where each kind's signs are, found once: most lines hold two or three kinds of field
    # at most, and only those are tried, each at the last of its signs left.
    spots: dict[str, list[int]] = {}
    for sign in _ANY_SIGN.finditer(body, 0, end):
        spots.setdefault(_KIND_OF_SIGN[sign[0]], []).append(sign.start())
    readers = [reader for reader in _READERS if reader[0] in spots] if spots else []
    for _run in range(_MAX_RUNS if readers else 0):
        matched = False
        for kind, _signs, pattern, convert in readers:
            places = spots[kind]
            while places and places[-1] >= end:
                places.pop()
            if not places:
                continue
            at = places[-1]
            if kind == "tag" and at > 0 and not body[at - 1].isspace():
                continue
            found = pattern.match(body, at, end)
            if found is None:
                continue
            value = convert(found[1])
            if value is None:
                continue
            start = found.start()
            value_span = found.span() if kind == "priority" else found.span(1)
            tokens.append(
                Token(
                    kind,
                    body_start + start,
                    body_start + found.end(),
                    body_start + value_span[0],
                    body_start + value_span[1],
                )
            )
            if kind == "tag":
                tags.insert(0, found[1].strip())
            else:
                values[kind] = value
            end = _trimmed(body, start)
            matched = True
        if not matched:
            break
    description = body[:end]
    if tags:
        description = f"{description} {' '.join(tags)}" if description else " ".join(tags)
    assignee, text = split_assignee(description)
    status = match["status"]
    values["text"] = text
    if is_done(status):
        values["done"] = True
    if status != " ":
        values["status_symbol"] = status
    if assignee is not None:
        values["assignee"] = assignee
    if block_link is not None:
        values["block_link"] = block_link
    fields = read_fields(values)
    return TaskLine(
        line=line,
        fields=fields,
        status_at=match.start("status"),
        box_end=box_end,
        description_start=body_start,
        description_end=body_start + end,
        content_end=box_end if not body else body_start + content_end,
        block_link_span=None if block_link is None else (body_start + content_end, stripped_end),
        tokens=tuple(tokens),
    )


def _trimmed(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def parse_task_line(line: str) -> TaskFields | None:
    """The fields of a Tasks line, or None when the line is not a task."""
    read = read_task_line(line.rstrip("\r\n"))
    return None if read is None else read.fields
