"""Plain objects services return: frozen, detached from the database, safe on any thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from studyapp.core.papers.fields import BibtexEntry
from studyapp.core.papers.identifiers import details_pending
from studyapp.core.tasks import TaskFields
from studyapp.core.timezones import aware_start


@dataclass(frozen=True)
class GroupInfo:
    id: int
    name: str
    session_count: int = 0
    schedule_rrule: str | None = None
    timezone: str | None = None


@dataclass(frozen=True)
class PaperInfo:
    id: int
    title: str
    authors: tuple[str, ...] = ()
    venue: str | None = None
    year: int | None = None
    url: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    bibtex_key: str | None = None
    abstract: str = ""
    tags: tuple[str, ...] = ()
    bibtex: BibtexEntry | None = None  # the entry a .bib gave, as written there

    @property
    def details_pending(self) -> bool:
        """Only its arXiv id or DOI is known yet; the details are looked up when online."""
        return details_pending(self.title, self.arxiv_id, self.doi)

    @property
    def link(self) -> str | None:
        """The best link to the paper: its URL, else its DOI or arXiv page."""
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.arxiv_id:
            return f"https://arxiv.org/abs/{self.arxiv_id}"
        return None


@dataclass(frozen=True)
class PresentationInfo:
    id: int
    position: int
    presenter: str | None
    paper: PaperInfo | None
    heading_raw: str | None = None  # the heading line in the body
    notes: str = ""  # the lines under the heading (without quotes and the timing line)
    discussion: str = ""  # the block-quoted lines under it, without their "> "
    duration_seconds: int | None = None  # time the slot took, from the slot timer
    timebox_minutes: int | None = None  # the slot's time box; None shows the default


@dataclass(frozen=True)
class ChecklistItemInfo:
    id: int
    session_id: int | None
    group: str
    position: int
    task: TaskFields
    source_line: str | None = None
    session_title: str | None = None
    session_date: dt.date | None = None
    done_by: str | None = None  # the member who ticked it, when recorded


@dataclass(frozen=True)
class SessionSummary:
    id: int
    title: str
    date: dt.date
    start_time: dt.time | None
    timezone: str
    group: str
    kind: str
    status: str

    @property
    def start(self) -> dt.datetime:
        return aware_start(self.date, self.start_time, self.timezone)


@dataclass(frozen=True)
class SessionDetail(SessionSummary):
    tags: tuple[str, ...] = ()
    attendees: tuple[str, ...] = ()
    absentees: tuple[str, ...] = ()
    attendees_raw: str | None = None
    body: str = ""  # the meeting's document, as written
    presentations: tuple[PresentationInfo, ...] = ()
    checklist: tuple[ChecklistItemInfo, ...] = ()
    front_matter_blocks: tuple[tuple[str, str], ...] = ()
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    version: int = 1
    source_path: str | None = None
    attachments: tuple[str, ...] = field(default=())

    def summary(self) -> SessionSummary:
        """Just the list fields, without the (possibly long) body."""
        return SessionSummary(
            id=self.id,
            title=self.title,
            date=self.date,
            start_time=self.start_time,
            timezone=self.timezone,
            group=self.group,
            kind=self.kind,
            status=self.status,
        )
