"""The body walk: fences, headings, presentations and discussion, tasks, attendees, checklist."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from studyapp.core.markdown.attendees import parse_attendees_line
from studyapp.core.markdown.document import ParsedNote, ParsedPresentation, ParsedTask
from studyapp.core.markdown.headings import parse_presentation_heading
from studyapp.core.tasks import parse_task_line

_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE_OPEN = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_MARKUP_STARTS = frozenset("#`~")  # the first non-blank character of a heading or a fence

# The exporter's slot timing line, "⏱ 18:30 / 20:00" (used / time box); read only in that form.
_CLOCK = r"\d{1,2}:[0-5]\d|\d{1,3}:[0-5]\d:[0-5]\d"
_TIMING_LINE = re.compile(
    rf"^⏱\ufe0f?[ \t]+(?P<used>{_CLOCK})[ \t]*/[ \t]*(?P<box>{_CLOCK})[ \t]*$"
)


def parse_timing_line(text: str) -> tuple[int, int] | None:
    """``(duration_seconds, timebox_minutes)`` from a timing line, else None."""
    match = _TIMING_LINE.match(text)
    if match is None:
        return None
    used, box = (_clock_seconds(match[name]) for name in ("used", "box"))
    if box < 60 or box % 60:  # a time box is whole minutes; anything else stays in the notes
        return None
    return used, box // 60


def _clock_seconds(text: str) -> int:
    seconds = 0
    for part in text.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


@dataclass
class Line:
    text: str
    fenced: bool = False  # inside a code fence (or one of its fence lines)
    level: int = 0  # heading level, 0 for a non-heading
    heading: str = ""  # heading text without the #'s
    role: str = "notes"  # notes, task, attendees, presentation, checklist


def scan_body(body: str) -> list[Line]:
    """Each body line with its fence state and heading level."""
    lines: list[Line] = []
    fence: str | None = None
    for raw in body.split("\n"):
        if fence is not None:
            lines.append(Line(raw, fenced=True))
            stripped = raw.strip()
            if stripped.startswith(fence[0] * len(fence)) and stripped.rstrip(fence[0]) == "":
                fence = None
            continue
        if raw.lstrip(" \t")[:1] not in _MARKUP_STARTS:  # most lines: neither regex can match
            lines.append(Line(raw))
            continue
        opening = _FENCE_OPEN.match(raw)
        if opening and not (opening["fence"][0] == "`" and "`" in opening["info"]):
            fence = opening["fence"]
            lines.append(Line(raw, fenced=True))
            continue
        heading = _HEADING.match(raw)
        if heading:
            text = (heading["text"] or "").strip()
            lines.append(Line(raw, level=len(heading["marks"]), heading=text))
        else:
            lines.append(Line(raw))
    return lines


def mark_tasks(lines: list[Line], note: ParsedNote) -> None:
    for line in lines:
        if line.fenced or line.level or "[" not in line.text:  # a task line has "[ ]"
            continue
        fields = parse_task_line(line.text)
        if fields is not None:
            line.role = "task"
            note.tasks.append(ParsedTask(fields=fields, source_line=line.text))


def _section_end(lines: list[Line], start: int) -> int:
    """Index of the next heading at the same or a higher level than ``lines[start]``."""
    level = lines[start].level
    for index in range(start + 1, len(lines)):
        other = lines[index]
        if other.level and not other.fenced and other.level <= level:
            return index
    return len(lines)


def mark_presentations(lines: list[Line], note: ParsedNote, known_people: Collection[str]) -> None:
    index = 0
    while index < len(lines):
        line = lines[index]
        parsed = None
        if line.level and not line.fenced and line.role == "notes":
            parsed = parse_presentation_heading(line.heading, known_people)
        if parsed is None:
            index += 1
            continue
        end = _section_end(lines, index)
        line.role = "presentation"
        notes: list[str] = []
        removed: list[bool] = []
        discussion: list[str] = []
        gap = False
        section = lines[index + 1 : end]
        # Only lines the exporter writes back the same: "> " + text (with a non-blank, unpadded
        # end), and a bare ">" between two of them; anything else stays in the notes.
        quoted = [
            not x.fenced
            and x.role == "notes"
            and x.text.startswith("> ")
            and x.text[2:].strip() != ""
            and x.text == x.text.rstrip()
            for x in section
        ]
        timing_at, timing = _timing(section)
        for position, inner in enumerate(section):
            if position == timing_at:
                inner.role = "presentation"
            if inner.role != "notes":
                removed.append(True)
                continue
            inner.role = "presentation"
            # Only "> text" comes back from the exporter unchanged, and a bare ">" only
            # between two of them; a ">text" quote stays in the notes as written.
            bare = inner.text == ">" and any(quoted[:position]) and any(quoted[position + 1 :])
            if not inner.fenced and (quoted[position] or bare):
                removed.append(True)
                if gap and discussion and discussion[-1].strip():
                    discussion.append("")
                discussion.append(inner.text[2:])
                gap = False
            else:
                notes.append(inner.text)
                removed.append(False)
                gap = gap or bool(discussion)
        presenter, paper = parsed
        note.presentations.append(
            ParsedPresentation(
                heading_raw=line.text,
                presenter=presenter,
                paper=paper,
                notes=join_kept(notes, removed),
                discussion=join_kept(discussion, []),
                duration_seconds=timing[0] if timing else None,
                timebox_minutes=timing[1] if timing else None,
            )
        )
        index = end


def _timing(section: list[Line]) -> tuple[int | None, tuple[int, int] | None]:
    """Where the slot's timing line is (only ever its first non-blank line) and its values."""
    position = next((i for i, line in enumerate(section) if line.text.strip()), None)
    if position is None:
        return None, None
    first = section[position]
    if first.fenced or first.level or first.role != "notes":
        return None, None
    timing = parse_timing_line(first.text)
    return (position, timing) if timing else (None, None)


def mark_attendees(lines: list[Line], note: ParsedNote) -> None:
    """The first attendees line, unless front matter names other people (then it is notes)."""
    from_front = bool(note.attendees or note.absentees)
    for line in lines:
        if line.role != "notes" or line.fenced or line.level:
            continue
        if ":" not in line.text and "：" not in line.text:  # "Attendees:" needs its colon
            continue
        parsed = parse_attendees_line(line.text)
        if parsed is None:
            continue
        if from_front and (set(parsed[0]), set(parsed[1])) != (
            set(note.attendees),
            set(note.absentees),
        ):
            return
        line.role = "attendees"
        note.attendees, note.absentees = parsed
        note.attendees_raw = line.text
        return


def mark_checklist_heading(lines: list[Line], note: ParsedNote, title_is_heading: bool) -> None:
    first_content = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    for index, line in enumerate(lines):
        if not line.level or line.fenced or line.role != "notes":
            continue
        if title_is_heading and index == first_content:
            continue  # the title heading stays in the notes
        section = lines[index + 1 : _section_end(lines, index)]
        if any(inner.role == "task" for inner in section) and all(
            inner.role == "task" or not inner.text.strip() for inner in section
        ):
            line.role = "checklist"
            note.checklist_heading = line.text
            return


def join_kept(kept: list[str], removed_flags: list[bool]) -> str:
    """Kept lines as text: ends trimmed, blank runs left by removed lines cut to one."""
    if removed_flags:
        kept = _collapse(kept, removed_flags)
    while kept and not kept[0].strip():
        kept = kept[1:]
    while kept and not kept[-1].strip():
        kept = kept[:-1]
    return "\n".join(kept)


def _collapse(kept: list[str], removed_flags: list[bool]) -> list[str]:
    """Rebuild from flags: ``removed_flags`` has one entry per original line, in order."""
    result: list[str] = []
    blanks: list[str] = []
    touched = False
    position = 0
    for removed in removed_flags:
        if removed:
            touched = True
            continue
        text = kept[position]
        position += 1
        if not text.strip():
            blanks.append(text)
            continue
        result += blanks[:1] if touched and blanks else blanks
        blanks, touched = [], False
        result.append(text)
    result += blanks
    return result
