"""What a body says as structure: talks, to-dos, the attendance line, its headings.

A talk is a heading that announces a presentation (``## 동훈님 논문 - Title (WACV 2025)``);
its notes and discussion are the lines under it up to the next heading of the same or a
higher level. A to-do is a Tasks line anywhere outside code; the first attendance line
outside a talk is the session's attendance. Nothing is taken out of the text: the outline
only points at lines, so the body stays exactly as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from studyapp.core.document.lines import Line, scan_body, section_end
from studyapp.core.markdown.attendees import parse_attendees_line
from studyapp.core.markdown.document import PaperRef
from studyapp.core.markdown.headings import parse_presentation_heading
from studyapp.core.markdown.text_lines import trim_blank
from studyapp.core.tasks import TaskFields, parse_task_line

# The slot timer's line, "⏱ 18:30 / 20:00" (used / time box); read only in that form.
_CLOCK = r"\d{1,2}:[0-5]\d|\d{1,3}:[0-5]\d:[0-5]\d"
_TIMING_LINE = re.compile(
    rf"^⏱\ufe0f?[ \t]+(?P<used>{_CLOCK})[ \t]*/[ \t]*(?P<box>{_CLOCK})[ \t]*$"
)


@dataclass(frozen=True)
class Talk:
    line: int  # index of the heading among the body's lines
    end: int  # one past the last line of its section
    heading: str  # the heading line as written
    level: int
    presenter: str | None
    paper: PaperRef | None
    notes: str  # the lines under the heading, without the timing line and the quotes
    discussion: str  # the block-quoted lines under the heading, without their "> "
    duration_seconds: int | None = None
    timebox_minutes: int | None = None
    timing_at: int | None = None  # index of the "⏱" line right under the heading


@dataclass(frozen=True)
class TaskAt:
    line: int
    text: str  # the line as written
    fields: TaskFields


@dataclass(frozen=True)
class AttendanceAt:
    line: int
    text: str
    attendees: tuple[str, ...]
    absentees: tuple[str, ...]


@dataclass(frozen=True)
class HeadingAt:
    line: int
    level: int
    text: str  # without the #'s


@dataclass(frozen=True)
class Outline:
    talks: tuple[Talk, ...] = ()
    tasks: tuple[TaskAt, ...] = ()
    attendance: AttendanceAt | None = None
    headings: tuple[HeadingAt, ...] = ()
    # The heading whose section holds to-dos only ("## 할 일"): new to-dos go there.
    todo_heading: int | None = None
    line_count: int = 1

    def talk_at(self, line: int) -> int | None:
        """The index of the talk whose section holds ``line``, else None."""
        for index, talk in enumerate(self.talks):
            if talk.line <= line < talk.end:
                return index
        return None


def parse_timing_line(text: str) -> tuple[int, int] | None:
    """``(duration_seconds, timebox_minutes)`` from a timing line, else None."""
    match = _TIMING_LINE.match(text)
    if match is None:
        return None
    used, box = (_clock_seconds(match[name]) for name in ("used", "box"))
    if box < 60 or box % 60:  # a time box is whole minutes; anything else stays plain text
        return None
    return used, box // 60


def _clock_seconds(text: str) -> int:
    seconds = 0
    for part in text.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


def derive(
    body: str,
    known_people: Collection[str] = (),
    known_talks: Collection[str] = (),
    *,
    with_texts: bool = False,
) -> Outline:
    """The structure of ``body``; ``known_talks`` are heading lines already known as talks
    (kept as talks even when they name no presenter the parser recognises). Each talk's
    notes and discussion are read only ``with_texts`` (rows and the outline need none)."""
    return derive_lines(scan_body(body), known_people, known_talks, with_texts=with_texts)


def derive_lines(
    lines: list[Line],
    known_people: Collection[str] = (),
    known_talks: Collection[str] = (),
    *,
    with_texts: bool = False,
) -> Outline:
    """:func:`derive` of a body already walked by ``scan_body`` (the parser walks it once
    for its title and dates too); marks the lines' roles."""
    tasks = _tasks(lines)
    listed = _attendance_lines(lines)
    # People named in the note's own attendance lines are known when reading its headings.
    people = tuple(sorted(set(known_people) | _attending(listed)))
    talks = _talks(lines, people, frozenset(h.strip() for h in known_talks), with_texts)
    return Outline(
        talks=talks,
        tasks=tasks,
        attendance=_attendance(lines, listed),
        headings=tuple(
            HeadingAt(i, line.level, line.heading)
            for i, line in enumerate(lines)
            if line.level and not line.fenced
        ),
        todo_heading=_todo_heading(lines),
        line_count=len(lines),
    )


def _tasks(lines: list[Line]) -> tuple[TaskAt, ...]:
    found = []
    for index, line in enumerate(lines):
        if line.fenced or line.level or "[" not in line.text:  # a task line has "[ ]"
            continue
        fields = _task_fields(line.text)
        if fields is not None:
            line.role = "task"
            found.append(TaskAt(index, line.text, fields))
    return tuple(found)


# A document is derived again on every save and every pause in typing: its headings and task
# lines mostly have not changed, and reading them was most of the time (a 200 KB log). A line
# longer than this is read afresh each time, so the caches never keep a large note alive.
_REMEMBERED_CHARS = 1000


def _task_fields(text: str) -> TaskFields | None:
    if len(text) > _REMEMBERED_CHARS:
        return parse_task_line(text)
    return _remembered_task_fields(text)


@functools.lru_cache(maxsize=8192)
def _remembered_task_fields(text: str) -> TaskFields | None:
    return parse_task_line(text)


def _talk_heading(
    heading: str, known_people: tuple[str, ...]
) -> tuple[str | None, PaperRef | None] | None:
    if len(heading) > _REMEMBERED_CHARS:
        return parse_presentation_heading(heading, known_people)
    return _remembered_talk_heading(heading, known_people)


@functools.lru_cache(maxsize=4096)
def _remembered_talk_heading(
    heading: str, known_people: tuple[str, ...]
) -> tuple[str | None, PaperRef | None] | None:
    return parse_presentation_heading(heading, known_people)


def _talks(
    lines: list[Line], known_people: tuple[str, ...], known_talks: frozenset[str], texts: bool
) -> tuple[Talk, ...]:
    talks: list[Talk] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        parsed = None
        if line.level and not line.fenced:
            parsed = _talk_heading(line.heading, known_people)
            if parsed is None and line.text.strip() in known_talks:
                parsed = (None, None)
        if parsed is None:
            index += 1
            continue
        end = section_end(lines, index)
        line.role = "talk"
        for inner in range(index + 1, end):  # an attendance line in a talk is its notes
            if lines[inner].role == "text" and ":" in lines[inner].text:
                lines[inner].role = "talk"
        talks.append(_talk(lines, index, end, *parsed, texts=texts))
        index = end
    return tuple(talks)


def _talk(
    lines: list[Line],
    start: int,
    end: int,
    presenter: str | None,
    paper: PaperRef | None,
    *,
    texts: bool = True,
) -> Talk:
    timing_at, timing = _timing(lines, start + 1, end)
    notes: list[str] = []
    discussion: list[str] = []
    for index in range(start + 1, end if texts else start + 1):
        inner = lines[index]
        if index == timing_at:
            continue
        if not inner.fenced and inner.text.startswith(">"):
            quoted = inner.text[1:]
            discussion.append(quoted[1:] if quoted.startswith(" ") else quoted)
        else:
            notes.append(inner.text)
    return Talk(
        line=start,
        end=end,
        heading=lines[start].text,
        level=lines[start].level,
        presenter=presenter,
        paper=paper,
        notes="\n".join(trim_blank(notes)),
        discussion="\n".join(trim_blank(discussion)),
        duration_seconds=timing[0] if timing else None,
        timebox_minutes=timing[1] if timing else None,
        timing_at=timing_at,
    )


def _timing(lines: list[Line], start: int, end: int) -> tuple[int | None, tuple[int, int] | None]:
    """Where the talk's timing line is (only ever its first non-blank line) and its values."""
    position = next((i for i in range(start, end) if lines[i].text.strip()), None)
    if position is None or lines[position].fenced or lines[position].level:
        return None, None
    timing = parse_timing_line(lines[position].text)
    return (position, timing) if timing else (None, None)


_Listed = list[tuple[int, tuple[list[str], list[str]]]]  # line, (attendees, absentees)


def _attendance_lines(lines: list[Line]) -> _Listed:
    """Every line outside code and headings that reads as an attendance line, read once."""
    found: _Listed = []
    for index, line in enumerate(lines):
        if line.fenced or line.level or (":" not in line.text and "：" not in line.text):
            continue  # "Attendees:" needs its colon
        parsed = parse_attendees_line(line.text)
        if parsed is not None:
            found.append((index, parsed))
    return found


def _attending(listed: _Listed) -> set[str]:
    names: set[str] = set()
    for _, (present, absent) in listed:
        names.update(present)
        names.update(absent)
    return names


def _attendance(lines: list[Line], listed: _Listed) -> AttendanceAt | None:
    """The first attendance line that is not a to-do or part of a talk."""
    for index, (present, absent) in listed:
        line = lines[index]
        if line.role == "text":
            line.role = "attendees"
            return AttendanceAt(index, line.text, tuple(present), tuple(absent))
    return None


def _todo_heading(lines: list[Line]) -> int | None:
    first = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    for index, line in enumerate(lines):
        if not line.level or line.fenced or line.role != "text":
            continue
        if index == first and line.level == 1:
            continue  # the title heading: a talk added "before the to-dos" goes under it
        section = lines[index + 1 : section_end(lines, index)]
        if any(inner.role == "task" for inner in section) and all(
            inner.role == "task" or not inner.text.strip() for inner in section
        ):
            return index
    return None


def talk_texts(body: str, headings: Sequence[str | None]) -> list[tuple[str, str]]:
    """``(notes, discussion)`` under each of these talk headings, found in order; cheaper
    than :func:`derive` (no heading is parsed), for reading a session's talks."""
    lines = scan_body(body)
    found: list[tuple[str, str]] = []
    start = 0
    for heading in headings:
        wanted = (heading or "").strip()
        index = next(
            (
                i
                for i in range(start, len(lines))
                if lines[i].level and lines[i].text.strip() == wanted
            ),
            None,
        )
        if index is None:
            found.append(("", ""))
            continue
        talk = _talk(lines, index, section_end(lines, index), None, None)
        found.append((talk.notes, talk.discussion))
        start = talk.end
    return found
