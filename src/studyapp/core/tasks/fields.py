"""What one Tasks line says, and the signs the plugin's emoji format writes it with."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from studyapp.core.tasks.statuses import DONE, TODO, StatusType, is_done, status_type

PRIORITY_SIGNS = {"🔺": "highest", "⏫": "high", "🔼": "medium", "🔽": "low", "⏬": "lowest"}
SIGN_OF_PRIORITY = {name: sign for sign, name in PRIORITY_SIGNS.items()}

# The plugin's own order of the date fields when it writes a line.
DATE_SIGNS = (
    ("➕", "created_date"),
    ("🛫", "start_date"),
    ("⏳", "scheduled_date"),
    ("📅", "due_date"),
    ("❌", "cancelled_date"),
    ("✅", "done_date"),
)
FIELD_OF_SIGN = dict(DATE_SIGNS)
# Other signs the plugin reads as the same field (it writes only the canonical one).
SIGN_ALIASES = {"📆": "📅", "🗓": "📅", "⌛": "⏳"}
RECURRENCE_SIGN = "🔁"
ON_COMPLETION_SIGN = "🏁"
ID_SIGN = "🆔"
DEPENDS_ON_SIGN = "⛔"
ON_COMPLETION_VALUES = ("keep", "delete")

# The plugin's tag: "#" at the start or after white space, up to one of these characters.
HASHTAG = re.compile(r"(?:^|\s)(#[^ !@#$%^&*(),.?\":{}|<>]+)")

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
    """Everything one Tasks line says; also the plain shape of a checklist item.

    ``done`` means the status is of type DONE and decides it: a ``status_symbol`` that
    disagrees with ``done`` (``replace(task, done=True)`` of a ``[/]`` task) becomes the
    plain ``x`` or space. ``text`` is the plugin's description (tags found among the fields
    are moved to its end, as the plugin does) without the ``Name:`` of the assignee.
    """

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
    status_symbol: str = TODO
    task_id: str | None = None
    depends_on: tuple[str, ...] = ()
    on_completion: str | None = None  # "keep" or "delete"
    block_link: str | None = None  # "^abc", written at the very end of the line

    def __post_init__(self) -> None:
        if is_done(self.status_symbol) != self.done:
            object.__setattr__(self, "status_symbol", DONE if self.done else TODO)

    @property
    def status_type(self) -> StatusType:
        return status_type(self.status_symbol)

    @property
    def cancelled(self) -> bool:
        return self.status_type is StatusType.CANCELLED

    @property
    def tags(self) -> tuple[str, ...]:
        """The ``#tags`` of the description, in order, as the plugin lists them."""
        if "#" not in self.text:
            return ()
        return tuple(tag.strip() for tag in HASHTAG.findall(self.text))


def read_fields(values: Mapping[str, object]) -> TaskFields:
    """TaskFields holding ``values`` (which agree on ``done`` and the status) and the
    defaults for the rest; the reader's shortcut past ``__init__``, the larger part of a
    line's reading otherwise. Every default is a class attribute (none is a factory)."""
    task = object.__new__(TaskFields)
    task.__dict__.update(values)
    return task


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


def description_of(task: TaskFields) -> str:
    """The description as the line writes it: the assignee's ``Name:`` and the text."""
    return f"{task.assignee}: {task.text}" if task.assignee else task.text
