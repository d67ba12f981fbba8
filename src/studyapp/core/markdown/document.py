"""What the parser understands of one note file; plain data, no database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from studyapp.core.tasks import TaskFields


@dataclass(frozen=True)
class PaperRef:
    """A paper as a note names it; matched to the library on import."""

    title: str
    venue: str | None = None
    year: int | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = None


@dataclass
class ParsedPresentation:
    heading_raw: (
        str  # the whole heading line as written, "## 민수님 논문 - Tiny Teachers (CVPR 2024)"
    )
    presenter: str | None
    paper: PaperRef | None
    notes: str = ""  # the lines under the heading
    discussion: str = ""  # block-quoted lines under it, without their "> "
    # From a "⏱ 18:30 / 20:00" line right under the heading (time used / time box).
    duration_seconds: int | None = None
    timebox_minutes: int | None = None


@dataclass
class ParsedTask:
    fields: TaskFields
    source_line: str


@dataclass
class FrontMatter:
    """Front matter as written: ``blocks`` keeps each top-level key with its raw lines."""

    format: str = "none"  # "yaml", "json" or "none"
    data: dict[str, object] = field(default_factory=dict)
    blocks: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ParsedNote:
    title: str
    date: dt.date
    start_time: dt.time | None = None
    timezone: str | None = None
    date_source: str = "file name"  # "front matter", "title", "file name", "heading", "file date"
    kind: str = "other"  # a SessionKind value
    status: str | None = None  # a SessionStatus value, or None to decide from the date
    group: str | None = None
    tags: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    absentees: list[str] = field(default_factory=list)
    attendees_raw: str | None = None
    body: str = ""  # the note after its front matter, as written
    presentations: list[ParsedPresentation] = field(default_factory=list)
    tasks: list[ParsedTask] = field(default_factory=list)
    front_matter: FrontMatter = field(default_factory=FrontMatter)
    created: dt.datetime | None = None
    modified: dt.datetime | None = None
    warnings: list[str] = field(default_factory=list)
    # Which meeting of a log this is ("2025-03-10"); None for a note that is one meeting.
    part: str | None = None
