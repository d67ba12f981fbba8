"""Recurring to-dos: what a done ``🔁`` task leaves behind, as the Tasks plugin does it.

Done (not cancelled), a task with a rule gets a new occurrence written above it: the same
line with status `` ``, its start, scheduled and due dates moved to the rule's next date,
and no ✅/❌ date, id, depends-on or block link (they belong to the one done); the created
date goes too, as with the plugin's default settings. The next date follows the due date
(else the scheduled, else the start date) and the other dates keep their distance to it;
"when done" counts from the day it is done instead. ``🏁 delete`` removes the done line.

The rule's wording is the plugin's own wording (read by :mod:`.tasks.rule_wording`); the
new line keeps it as written, where the plugin would write rrule's rewording of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from dateutil import rrule

from studyapp.core.tasks import (
    StatusType,
    TaskFields,
    checked_edit,
    edit_task_line,
    next_status_symbol,
    read_task_line,
    status_type,
    with_status_symbol,
)
from studyapp.core.tasks.rule_wording import Rule, RuleOptions, read_rule
from studyapp.core.tasks.statuses import DONE, TODO

# What the new occurrence changes of the line it is made from.
_RENEWED = (
    "start_date",
    "scheduled_date",
    "due_date",
    "done_date",
    "cancelled_date",
    "created_date",
    "task_id",
    "depends_on",
    "block_link",
)
_DAYS_BACK = 31  # enough to step back from any day of a month to one every month has


def next_reference_date(rule: Rule, reference: dt.date | None, today: dt.date) -> dt.date | None:
    """The rule's next date after ``reference`` (after ``today`` when done, or with no
    reference date), or None when the rule has no more."""
    base = today if rule.when_done or reference is None else reference
    after = dt.datetime.combine(base, dt.time.max)
    options = rule.options
    found = options.rule(dt.datetime.combine(base, dt.time())).after(after)
    # Plain "every month" from the 31st would jump past a short month, "every year" from
    # 29 February past three years: the plugin steps back a day at a time until it does not.
    if options.freq == rrule.MONTHLY and not (options.bymonthday or options.byweekday):
        if not options.bymonth or options.interval != 1:
            found = _not_skipping(options, after, found, _months_apart)
    elif options.freq == rrule.YEARLY and (not options.bymonth or options.interval != 1):
        found = _not_skipping(options, after, found, _years_apart)
    return None if found is None else found.date()


def _months_apart(start: dt.datetime, end: dt.datetime) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def _years_apart(start: dt.datetime, end: dt.datetime) -> int:
    return end.year - start.year


def _not_skipping(
    options: RuleOptions,
    after: dt.datetime,
    found: dt.datetime | None,
    apart: Callable[[dt.datetime, dt.datetime], int],
) -> dt.datetime | None:
    for _ in range(_DAYS_BACK):
        if found is None or apart(after, found) <= options.interval:
            break
        after -= dt.timedelta(days=1)
        start = dt.datetime.combine(after.date(), dt.time())
        found = options.rule(start).after(after)
    return found


def next_occurrence(
    fields: TaskFields, today: dt.date, *, set_created_date: bool = False
) -> TaskFields | None:
    """The task that follows ``fields`` done ``today``, or None (no rule it can read, or the
    rule has ended). ``set_created_date`` stamps ``➕ today`` on it (the plugin's setting
    for this is off by default)."""
    rule = read_rule(fields.recurrence) if fields.recurrence else None
    if rule is None:
        return None
    reference = fields.due_date or fields.scheduled_date or fields.start_date
    following = next_reference_date(rule, reference, today)
    if following is None:
        return None

    def moved(date: dt.date | None) -> dt.date | None:
        if date is None or reference is None:
            return None
        return following + (date - reference)

    return replace(
        fields,
        done=False,
        status_symbol=TODO,
        start_date=moved(fields.start_date),
        scheduled_date=moved(fields.scheduled_date),
        due_date=moved(fields.due_date),
        done_date=None,
        cancelled_date=None,
        created_date=today if set_created_date else None,
        task_id=None,
        depends_on=(),
        block_link=None,
    )


def next_occurrence_line(
    line: str, today: dt.date, *, set_created_date: bool = False
) -> str | None:
    """The line of the task that follows the one on ``line``: ``line`` with its status,
    dates, id, depends-on and block link changed where they stand, and nothing else."""
    read = read_task_line(line)
    if read is None:
        return None
    following = next_occurrence(read.fields, today, set_created_date=set_created_date)
    if following is None:
        return None
    changes: dict[str, object] = {kind: getattr(following, kind) for kind in _RENEWED}
    edited = edit_task_line(read, changes, status=following.status_symbol)
    return checked_edit(read, edited, following)


def status_lines(
    line: str, symbol: str, today: dt.date, *, set_created_date: bool = False
) -> tuple[tuple[str, ...], int | None]:
    """The lines that take ``line``'s place when its status becomes ``symbol``, and where
    among them the line itself now is (None when it went).

    That is the line so changed, after the next occurrence when it is a recurring task
    newly done, and without itself when it says ``🏁 delete``. Only DONE makes a next
    occurrence, as the plugin's ``isCompleted()`` says: a cancelled task does not recur.
    """
    read = read_task_line(line)
    if read is None or read.fields.status_symbol == symbol:
        return (line,), 0
    changed = with_status_symbol(line, symbol, today)
    newly_done = status_type(symbol) is StatusType.DONE
    if not newly_done or read.fields.status_type is StatusType.DONE:
        return (changed,), 0
    following = None
    if read.fields.recurrence:
        following = next_occurrence_line(line, today, set_created_date=set_created_date)
    above = () if following is None else (following,)
    if read.fields.on_completion == "delete":
        return above, None
    return (*above, changed), len(above)


def lines_with_status(
    line: str, symbol: str, today: dt.date, *, set_created_date: bool = False
) -> tuple[str, ...]:
    """The lines of :func:`status_lines`, without where the changed one is."""
    return status_lines(line, symbol, today, set_created_date=set_created_date)[0]


def ticked_lines(line: str, done: bool, today: dt.date) -> tuple[str, ...]:
    """:func:`lines_with_status` for a tick (``x``) or an untick (`` ``) of the box; a line
    already so stays as it is."""
    read = read_task_line(line)
    if read is None or read.fields.done == done:
        return (line,)
    return lines_with_status(line, DONE if done else TODO, today)


def toggled_lines(line: str, today: dt.date) -> tuple[str, ...]:
    """:func:`lines_with_status` for a click on the box: the status after the line's own."""
    read = read_task_line(line)
    if read is None:
        return (line,)
    return lines_with_status(line, next_status_symbol(read.fields.status_symbol), today)
