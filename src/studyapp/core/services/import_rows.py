"""One parsed note -> the rows of its session (new, or replacing an imported one)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.errors import StudyappError
from studyapp.core.markdown.document import ParsedNote
from studyapp.core.services import lookup
from studyapp.core.services.checklist import apply_task
from studyapp.core.services.fields import clean_timezone, parse_kind, parse_status
from studyapp.core.services.sessions import attendance_rows, default_status
from studyapp.core.timezones import local_timezone_name, tzinfo_for


def keep_old_notes(orm: OrmSession, row: models.Session) -> None:
    if row.notes.strip():
        orm.add(
            models.NoteRevision(
                session_id=row.id, field="notes", content=row.notes, reason="reimport"
            )
        )
    for slot in row.presentations:
        if slot.notes.strip() or slot.discussion.strip():
            orm.add(
                models.NoteRevision(
                    session_id=row.id,
                    field=f"presentation:{slot.id}:notes",
                    content=f"{slot.notes}\n\n{slot.discussion}".strip(),
                    reason="reimport",
                )
            )


def fill_session(orm: OrmSession, row: models.Session, note: ParsedNote, group: str) -> None:
    """Write everything the parser understood onto ``row`` (new or being replaced)."""
    row.group = lookup.group(orm, group)
    row.title = " ".join(note.title.split())[:500] or "Untitled"
    row.date = note.date
    row.start_time = note.start_time
    try:
        row.timezone = clean_timezone(note.timezone) if note.timezone else local_timezone_name()
    except StudyappError:
        row.timezone = local_timezone_name()
        note.warnings.append(f"unknown time zone {note.timezone!r}; used {row.timezone}")
    row.kind = parse_kind(note.kind)
    try:
        row.status = parse_status(note.status) if note.status else default_status(note.date)
    except StudyappError:
        row.status = default_status(note.date)
    row.notes = note.notes
    row.tags = lookup.tags(orm, [t for t in note.tags if str(t).strip().lstrip("#")])
    row.attendance = attendance_rows(orm, note.attendees, note.absentees)
    row.attendees_raw = note.attendees_raw
    row.checklist_heading = note.checklist_heading
    row.front_matter = {
        "format": note.front_matter.format,
        "blocks": [[key, raw] for key, raw in note.front_matter.blocks],
    }
    if note.created is not None:
        row.created_at = _aware(note.created, row.timezone)
    if note.modified is not None:
        row.updated_at = _aware(note.modified, row.timezone)
    row.presentations = [
        models.Presentation(
            position=position,
            presenter=lookup.person(orm, slot.presenter) if slot.presenter else None,
            paper=lookup.paper(orm, slot.paper) if slot.paper else None,
            heading_raw=slot.heading_raw,
            notes=slot.notes,
            discussion=slot.discussion,
            duration_seconds=slot.duration_seconds,
            timebox_minutes=slot.timebox_minutes,
        )
        for position, slot in enumerate(note.presentations)
    ]
    orm.flush()
    items = []
    for position, task in enumerate(note.tasks):
        item = models.ChecklistItem(
            group_id=row.group.id,
            position=position,
            text=task.fields.text,
            source_line=task.source_line,
        )
        # An empty "- [ ]" line is still a line the user wrote; keep it as an item.
        apply_task(orm, item, task.fields, allow_empty=True)
        items.append(item)
    row.checklist = items
    row.version = (row.version or 0) + 1


def _aware(value: dt.datetime, timezone: str) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=tzinfo_for(timezone))
