"""Status characters and what they mean, as the Tasks plugin's default statuses say.

The plugin knows ``' '`` (to do), ``'x'`` (done), ``'/'`` (in progress) and ``'-'``
(cancelled) out of the box; any other character is an "unknown" status of type TODO whose
next status is ``'x'``. ``'X'`` is read as done too: that is the conventional meaning the
plugin gives it (``Status.getTypeForUnknownSymbol``) and how Obsidian draws it.
"""

from __future__ import annotations

import enum


class StatusType(enum.Enum):
    TODO = "TODO"
    IN_PROGRESS = "IN_PROGRESS"
    ON_HOLD = "ON_HOLD"
    DONE = "DONE"
    CANCELLED = "CANCELLED"
    NON_TASK = "NON_TASK"


TODO = " "
DONE = "x"
IN_PROGRESS = "/"
CANCELLED = "-"

_TYPE_OF = {
    TODO: StatusType.TODO,
    DONE: StatusType.DONE,
    "X": StatusType.DONE,
    IN_PROGRESS: StatusType.IN_PROGRESS,
    CANCELLED: StatusType.CANCELLED,
}
# Where a click on the box takes each status (the plugin's "next status symbol").
_NEXT = {TODO: DONE, DONE: TODO, "X": TODO, IN_PROGRESS: DONE, CANCELLED: TODO}


def status_type(symbol: str) -> StatusType:
    return _TYPE_OF.get(symbol, StatusType.TODO)


def next_status_symbol(symbol: str) -> str:
    """The status a click on the box gives: done after to-do, to-do after done."""
    return _NEXT.get(symbol, DONE)


def is_done(symbol: str) -> bool:
    return _TYPE_OF.get(symbol) is StatusType.DONE
