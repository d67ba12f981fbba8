"""A demo study group to try the app with: written through the services' own helpers.

Dates are relative to today in Seoul, so the demo always looks like last month's work.
Loading it twice adds nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.document.compose import shown_paper
from studyapp.core.document.legacy import LegacyItem, LegacySession, LegacySlot, compose
from studyapp.core.services.checklist_fields import task_from_text
from studyapp.core.services.demo_data import (
    DEMO_GROUP,
    SECOND_GROUP,
    SEOUL,
    Meeting,
    club_meetings,
    kd_meetings,
)
from studyapp.core.services.session_rows import add_session
from studyapp.core.tasks import parse_task_line


@dataclass(frozen=True)
class DemoResult:
    created: bool
    group: str = DEMO_GROUP
    groups: tuple[str, ...] = ()
    sessions: int = 0
    presentations: int = 0
    tasks: int = 0


def _reference_monday(today: dt.date) -> dt.date:
    """The first Monday after today."""
    return today + dt.timedelta(days=7 - today.weekday())


def _body(meeting: Meeting, date: dt.date) -> str:
    """The meeting's document, laid out as a note-taker would: notes, attendance, a
    heading per talk with its notes and quoted discussion, then the to-dos."""
    slots = [
        LegacySlot(
            presenter=slot.presenter,
            paper=shown_paper(slot.paper),
            heading_raw=_titled_heading(slot.presenter, slot.title) if slot.title else None,
            notes=slot.notes,
            discussion=slot.discussion,
            duration_seconds=None,
            timebox_minutes=None,
        )
        for slot in meeting.slots
    ]
    items = []
    for todo in meeting.todos:
        line = _expand(todo, date)
        items.append(LegacyItem(task_from_text(line), line if parse_task_line(line) else None))
    composed = compose(
        LegacySession(
            title=meeting.title,
            notes=meeting.notes,
            attendees=meeting.present,
            absentees=meeting.absent,
            attendees_raw=None,
            slots=slots,
            items=items,
            checklist_heading=None,
        )
    )
    return composed.body


def _titled_heading(presenter: str | None, title: str) -> str:
    return f"## {presenter}: {title}" if presenter else f"## {title}"


def _expand(todo: str, date: dt.date) -> str:
    # "{+N}" / "{-N}" placeholders become real dates so done dates follow the meeting.
    result = todo
    while "{" in result:
        start = result.index("{")
        end = result.index("}", start)
        days = int(result[start + 1 : end])
        result = (
            f"{result[:start]}{(date + dt.timedelta(days=days)).isoformat()}{result[end + 1 :]}"
        )
    return result


def load_demo(database: Database, *, today: dt.date | None = None) -> DemoResult:
    """Create the demo groups unless the demo group already exists.

    All in one transaction: a demo that fails half-way leaves nothing, so loading it
    again creates it whole (a half demo would count as loaded).
    """
    today = today or dt.datetime.now(ZoneInfo(SEOUL)).date()
    # Offsets count from the Monday on or before today: negative ones are past (held),
    # +7 is the coming Monday (planned).
    base = _reference_monday(today) - dt.timedelta(days=7)
    session_count = presentation_count = task_count = 0
    with database.transaction() as orm:
        if orm.scalar(select(models.Group.id).where(models.Group.name == DEMO_GROUP)):
            return DemoResult(created=False)
        for meeting in (*kd_meetings(), *club_meetings()):
            date = base + dt.timedelta(days=meeting.offset_days)
            add_session(
                orm,
                group=meeting.group,
                title=meeting.title,
                date=date,
                start_time=meeting.time,
                timezone=meeting.timezone,
                kind=meeting.kind,
                tags=meeting.tags,
                body=_body(meeting, date),
            )
            session_count += 1
            presentation_count += len(meeting.slots)
            task_count += len(meeting.todos)
    return DemoResult(
        created=True,
        groups=(DEMO_GROUP, SECOND_GROUP),
        sessions=session_count,
        presentations=presentation_count,
        tasks=task_count,
    )
