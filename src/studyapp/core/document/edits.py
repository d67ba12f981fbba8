"""Rewriting a body for the panels: a to-do ticked, a talk's heading, a section moved.

Every edit is a :class:`LineEdit`, a run of lines replaced by others, so the window can
apply it to its editor as one undoable step and a service can apply it to the stored text.
Lines the edit does not name are never touched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from studyapp.core.document.language import mostly_hangul
from studyapp.core.document.lines import split_body
from studyapp.core.document.outline import Outline, TaskAt
from studyapp.core.markdown.clock import timing_line
from studyapp.core.task_recurrence import status_lines
from studyapp.core.tasks import TaskFields, task_line_for
from studyapp.core.tasks.statuses import DONE, TODO


@dataclass(frozen=True)
class LineEdit:
    start: int  # first line replaced
    end: int  # one past the last line replaced (== start: an insertion)
    lines: tuple[str, ...]  # what takes their place
    focus: int | None = None  # the line to show afterwards, counted in the new text

    def apply(self, body: str) -> str:
        lines = split_body(body)
        lines[self.start : self.end] = self.lines
        return "\n".join(lines)


def _task(outline: Outline, ordinal: int) -> TaskAt:
    if not 0 <= ordinal < len(outline.tasks):
        raise IndexError(f"the body has no to-do {ordinal}")
    return outline.tasks[ordinal]


def tick_task(outline: Outline, ordinal: int, done: bool, today: dt.date) -> LineEdit:
    """The to-do's line with its box ticked (and ``✅ today``) or cleared, else unchanged
    (an in-progress or cancelled to-do stays so when "cleared")."""
    task = _task(outline, ordinal)
    if task.fields.done == done:
        return LineEdit(task.line, task.line + 1, (task.text,), task.line)
    return set_task_status(outline, ordinal, DONE if done else TODO, today)


def set_task_status(outline: Outline, ordinal: int, symbol: str, today: dt.date) -> LineEdit:
    """The to-do's line with status ``symbol`` (``x``, `` ``, ``/``, ``-``, …) and its ✅ or
    ❌ date to match.

    A recurring to-do done gets its next occurrence on a new line above it, as the Tasks
    plugin writes it (one edit, so one undo step); one saying ``🏁 delete`` goes. The
    focus is the changed line where it now is, None when it went.
    """
    task = _task(outline, ordinal)
    lines, at = status_lines(task.text, symbol, today)
    return LineEdit(task.line, task.line + 1, lines, None if at is None else task.line + at)


def rewrite_task(outline: Outline, ordinal: int, fields: TaskFields) -> LineEdit:
    """The to-do's line saying ``fields``: changed only where the fields changed."""
    task = _task(outline, ordinal)
    line = task_line_for(fields, task.text)
    return LineEdit(task.line, task.line + 1, (line,), task.line)


def remove_task(outline: Outline, ordinal: int) -> LineEdit:
    task = _task(outline, ordinal)
    return LineEdit(task.line, task.line + 1, ())


def move_task(body: str, outline: Outline, ordinal: int, new_ordinal: int) -> LineEdit:
    """The to-do's line moved to where the to-do at ``new_ordinal`` is now."""
    task = _task(outline, ordinal)
    target = _task(outline, max(0, min(new_ordinal, len(outline.tasks) - 1)))
    return move_line(body, task.line, target.line)


def move_line(body: str, source: int, target: int) -> LineEdit:
    """Line ``source`` taken out and put at ``target`` (the other lines close up)."""
    lines = split_body(body)
    low, high = sorted((source, target))
    span = lines[low : high + 1]
    moved = span.pop(source - low)
    span.insert(target - low, moved)
    return LineEdit(low, high + 1, tuple(span), target)


def add_task(body: str, outline: Outline, line: str) -> LineEdit:
    """``line`` appended to the session's to-do list: after the last to-do of its to-do
    section, else after the last to-do, else under a new ``## To-dos`` heading at the end."""
    if outline.tasks:
        section = outline.todo_heading
        after = outline.tasks[-1].line + 1
        if section is not None:
            # Only the to-dos right under that heading (it has some), up to the next heading.
            following = [h.line for h in outline.headings if h.line > section]
            limit = following[0] if following else outline.line_count
            after = max(t.line for t in outline.tasks if section < t.line < limit) + 1
        # Indented like the to-do it follows, so it joins that list at the same depth.
        before = next(t for t in outline.tasks if t.line == after - 1)
        return LineEdit(after, after, (_indent(before.text) + line.lstrip(" \t"),), after)
    heading = "## 할 일" if mostly_hangul(body) else "## To-dos"
    return _append_block(body, (heading, "", line))


def insert_task(body: str, outline: Outline, ordinal: int, line: str) -> LineEdit:
    """``line`` put where the to-do at ``ordinal`` is now (after the last one past the end)."""
    if 0 <= ordinal < len(outline.tasks):
        at = outline.tasks[ordinal].line
        return LineEdit(at, at, (line,), at)
    return add_task(body, outline, line)


def _indent(text: str) -> str:
    return text[: len(text) - len(text.lstrip(" \t"))]


def _append_block(body: str, block: tuple[str, ...]) -> LineEdit:
    """``block`` at the end of the body, one blank line after the text before it."""
    lines = split_body(body)
    end = len(lines)
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    lead = ("",) if end else ()
    new = (*lead, *block)
    return LineEdit(end, len(lines), new, end + len(new) - 1)


def set_talk_heading(outline: Outline, ordinal: int, heading: str) -> LineEdit:
    talk = outline.talks[ordinal]
    return LineEdit(talk.line, talk.line + 1, (heading,), talk.line)


def add_talk(body: str, outline: Outline, heading: str) -> LineEdit:
    """A new talk heading after the last talk's section, else before the to-do section,
    else at the end."""
    lines = split_body(body)
    if outline.talks:
        end = outline.talks[-1].end
        while end > outline.talks[-1].line + 1 and not lines[end - 1].strip():
            end -= 1
        # One blank line on each side: the one after the heading is kept if already there.
        gap = () if end < len(lines) and not lines[end].strip() else ("",)
        return LineEdit(end, end, ("", heading, *gap), end + 1)
    if outline.todo_heading is not None:
        at = outline.todo_heading
        return LineEdit(at, at, (heading, ""), at)
    block = _append_block(body, (heading, ""))  # and a line to type on
    return LineEdit(block.start, block.end, block.lines, block.start + len(block.lines) - 2)


def move_talk(body: str, outline: Outline, ordinal: int, delta: int) -> LineEdit | None:
    """The talk's whole section swapped with its neighbour's; None at either end."""
    other = ordinal + delta
    if not (0 <= ordinal < len(outline.talks) and 0 <= other < len(outline.talks)):
        return None
    first, second = sorted((ordinal, other))
    a, b = outline.talks[first], outline.talks[second]
    lines = split_body(body)
    a_core, a_gap = _core_and_gap(lines[a.line : a.end])
    b_core, b_gap = _core_and_gap(lines[b.line : b.end])
    middle = lines[a.end : b.line]
    region = [*b_core, *a_gap, *middle, *a_core, *b_gap]
    if not a_gap and not middle:  # keep a blank line between the two sections
        region = [*b_core, "", *a_core, *b_gap]
    moved_first = delta < 0  # the talk moved up now starts the region
    focus = a.line if moved_first else a.line + len(region) - len(a_core) - len(b_gap)
    return LineEdit(a.line, b.end, tuple(region), focus)


def _core_and_gap(section: list[str]) -> tuple[list[str], list[str]]:
    end = len(section)
    while end > 1 and not section[end - 1].strip():
        end -= 1
    return section[:end], section[end:]


def set_timing(
    outline: Outline, ordinal: int, seconds: int | None, timebox_minutes: int | None
) -> LineEdit | None:
    """The talk's ``⏱ used / box`` line right under its heading, replaced or added; with
    no ``seconds`` (never timed) the line goes (None: there was none)."""
    talk = outline.talks[ordinal]
    if seconds is None:
        at = talk.timing_at
        return None if at is None else LineEdit(at, at + 1, ())
    line = timing_line(seconds, timebox_minutes)
    if talk.timing_at is not None:
        return LineEdit(talk.timing_at, talk.timing_at + 1, (line,), talk.timing_at)
    return LineEdit(talk.line + 1, talk.line + 1, (line,), talk.line + 1)


def set_attendance(body: str, outline: Outline, line: str) -> LineEdit:
    """The attendance line replaced, or added under the title heading (else at the top)."""
    if outline.attendance is not None:
        at = outline.attendance.line
        return LineEdit(at, at + 1, (line,), at)
    lines = split_body(body)
    first = next((i for i, text in enumerate(lines) if text.strip()), None)
    if first is not None and first in {h.line for h in outline.headings if h.level == 1}:
        return LineEdit(first + 1, first + 1, ("", line), first + 2)
    tail = ("",) if first is not None else ()
    return LineEdit(0, 0, (line, *tail), 0)
