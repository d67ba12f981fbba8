"""A body composed from the fields older versions stored apart, in their export order.

Used once, by the migration that made the body the truth: the session's own notes (title
heading first, then the attendance line), each slot (heading, timing line, notes, quoted
discussion), then the to-do heading and lines. This is exactly what those versions
exported, so nothing a user had moves or goes missing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from studyapp.core.document.compose import attendance_line, attendance_matches, talk_heading
from studyapp.core.document.language import mostly_hangul
from studyapp.core.dto import PaperInfo
from studyapp.core.markdown.clock import timing_line
from studyapp.core.markdown.text_lines import split_lines, trim_blank, verbatim
from studyapp.core.tasks import TaskFields, task_line_for

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LegacySlot:
    presenter: str | None
    paper: PaperInfo | None
    heading_raw: str | None
    notes: str
    discussion: str
    duration_seconds: int | None
    timebox_minutes: int | None


@dataclass(frozen=True)
class LegacyItem:
    task: TaskFields
    source_line: str | None


@dataclass(frozen=True)
class LegacySession:
    title: str
    notes: str
    attendees: Sequence[str]
    absentees: Sequence[str]
    attendees_raw: str | None
    slots: Sequence[LegacySlot]  # in position order
    items: Sequence[LegacyItem]  # in position order
    checklist_heading: str | None


@dataclass(frozen=True)
class ComposedBody:
    body: str
    headings: tuple[str, ...]  # each slot's heading line as written into the body
    task_lines: tuple[str, ...]  # each to-do's line as written into the body


def compose(session: LegacySession) -> ComposedBody:
    notes = split_lines(verbatim(session.notes))
    split = 1 if notes[0].startswith(("# ", " # ", "  # ", "   # ")) else 0
    blocks = [
        "\n".join(notes[:split]),
        _attendance(session),
        "\n".join(trim_blank(notes[split:])),
    ]
    headings = []
    for number, slot in enumerate(session.slots, start=1):
        heading = verbatim(slot.heading_raw) if slot.heading_raw else ""
        heading = heading or talk_heading(slot.presenter, slot.paper, number)
        headings.append(heading)
        blocks += [
            heading,
            timing_line(slot.duration_seconds, slot.timebox_minutes),
            verbatim(slot.notes),
            _quoted(slot.discussion),
        ]
    lines = tuple(task_line_for(item.task, item.source_line) for item in session.items)
    blocks.append(_checklist(session, lines))
    body = "\n\n".join(block for block in blocks if block)
    return ComposedBody(body, tuple(headings), lines)


def _attendance(session: LegacySession) -> str:
    raw = session.attendees_raw
    if raw is not None and attendance_matches(raw, session.attendees, session.absentees):
        return verbatim(raw)
    return attendance_line(session.attendees, session.absentees)


def _quoted(text: str) -> str:
    lines = trim_blank(split_lines(text))
    return "\n".join(f"> {line}" if line.strip() else ">" for line in lines)


def _checklist(session: LegacySession, lines: tuple[str, ...]) -> str:
    heading = session.checklist_heading
    if not lines and heading is None:
        return ""
    if heading is None or not heading.strip():
        sample = "\n".join(
            [
                session.notes,
                *(item.task.text for item in session.items),
                *(f"{slot.notes}\n{slot.discussion}" for slot in session.slots),
            ]
        )
        # The old exporter's test for "any word at all", so the same heading is chosen.
        hangul = mostly_hangul(sample if _WORD.search(sample) else session.title)
        heading = "## 할 일" if hangul else "## Action items"
    return "\n\n".join(part for part in (verbatim(heading), "\n".join(lines)) if part)
