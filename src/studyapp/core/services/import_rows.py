"""One parsed note -> the rows of its session (new, or replacing an imported one)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.errors import StudyappError
from studyapp.core.markdown.document import ParsedNote, ParsedTask
from studyapp.core.services import lookup
from studyapp.core.services.body_rows import attendance_rows, sync_rows
from studyapp.core.services.checklist_fields import apply_task
from studyapp.core.services.fields import clean_timezone, parse_kind, parse_status
from studyapp.core.services.import_images import FoundImage
from studyapp.core.services.revisions import BODY
from studyapp.core.services.row_inserts import QueuedRow, column_values, insert_one
from studyapp.core.services.session_rows import default_status
from studyapp.core.timezones import local_timezone_name, tzinfo_for

# Where a session came from: the file's path, its content's digest, the meeting in it.
Origin = tuple[str, str, str | None]


def keep_old_body(orm: OrmSession, row: models.Session) -> None:
    if row.body.strip():
        orm.add(
            models.NoteRevision(
                session_id=row.id,
                field=BODY,
                content=row.body,
                reason="reimport",
                author=row.body_author,
            )
        )


def fill_session(orm: OrmSession, row: models.Session, note: ParsedNote, group: str) -> None:
    """Write everything the parser understood onto ``row`` (new or being replaced)."""
    row.group = lookup.group(orm, group)
    row.title = _title(note)
    row.date = note.date
    row.start_time = note.start_time
    row.timezone = _timezone(note)
    row.kind = parse_kind(note.kind)
    row.status = _status(note)
    row.body = note.body
    row.body_author = None  # the file's text: no member of the group typed it here
    row.tags = _tags(orm, note)
    row.front_matter = _front_matter(note)
    if note.created is not None:
        row.created_at = _aware(note.created, row.timezone)
    if note.modified is not None:
        row.updated_at = _aware(note.modified, row.timezone)
    orm.flush()
    sync_rows(orm, row)
    if note.attendees_raw is None:  # the front matter names the people, not a body line
        row.attendance = attendance_rows(orm, note.attendees, note.absentees)
        row.attendees_raw = None
    row.version = (row.version or 0) + 1


def insert_new_session(
    orm: OrmSession, note: ParsedNote, group: str, source: Origin
) -> tuple[int, list[QueuedRow]]:
    """What :func:`fill_session` and a flush make of a new session, in plain SQL: its id,
    and the rows it holds, for the caller to queue.

    Lookups run in the same order, so new people, tags and papers get the same ids. No ORM
    objects: their bookkeeping and flushes took most of an import's time. No flush event
    sees the session either: the caller has it indexed.
    """
    group_id = lookup.group(orm, group).id
    timezone = _timezone(note)
    session: dict[str, object] = {
        "group_id": group_id,
        "title": _title(note),
        "date": note.date,
        "start_time": note.start_time,
        "timezone": timezone,
        "kind": parse_kind(note.kind),
        "status": _status(note),
        "body": note.body,
    }
    tags = _tags(orm, note)
    session |= {
        "attendees_raw": note.attendees_raw,
        "front_matter": _front_matter(note),
        "source_path": source[0],
        "source_hash": source[1],
        "source_part": source[2],
        "version": 1,
    }
    if note.created is not None:
        session["created_at"] = _aware(note.created, timezone)
    if note.modified is not None:
        session["updated_at"] = _aware(note.modified, timezone)
    slots = [
        {
            "position": position,
            "presenter_id": lookup.person(orm, slot.presenter).id if slot.presenter else None,
            "paper_id": lookup.paper_id(orm, slot.paper) if slot.paper else None,
            "heading_raw": slot.heading_raw,
            "duration_seconds": slot.duration_seconds,
            "timebox_minutes": slot.timebox_minutes,
        }
        for position, slot in enumerate(note.presentations)
    ]
    items = [_item(orm, group_id, position, task) for position, task in enumerate(note.tasks)]
    # Last, as sync_rows reads them: talks, to-dos, then the attendance line (or front matter).
    attendance = _attendance(orm, note.attendees, note.absentees)
    session_id = insert_one(orm, models.Session, session)
    held: list[QueuedRow] = [
        (models.session_tags, {"session_id": session_id, "tag_id": tag.id}) for tag in tags
    ]
    held += [(models.Attendance, row | {"session_id": session_id}) for row in attendance]
    held += [(models.Presentation, slot | {"session_id": session_id}) for slot in slots]
    held += [(models.ChecklistItem, item | {"session_id": session_id}) for item in items]
    return session_id, held


def _attendance(
    orm: OrmSession, present: Sequence[str], absent: Sequence[str]
) -> list[dict[str, Any]]:
    """The columns of :func:`attendance_rows`' rows, without ORM objects (a tenth of an
    import went into making and reading those)."""
    rows: list[dict[str, Any]] = []
    seen: set[int] = set()
    for flag, names in ((True, present), (False, absent)):
        for name in names:
            person_id = lookup.person(orm, name).id
            if person_id not in seen:
                seen.add(person_id)
                rows.append({"present": flag, "position": len(rows), "person_id": person_id})
    return rows


class _Assigned:
    """Takes the attributes ``apply_task`` assigns to a to-do, without an ORM object."""

    def __init__(self, **values: object) -> None:
        self.__dict__.update(values)


def _item(orm: OrmSession, group_id: int, position: int, task: ParsedTask) -> dict[str, Any]:
    item = _Assigned(
        group_id=group_id, position=position, text=task.fields.text, source_line=task.source_line
    )
    # apply_task only assigns fields, so the same validation and values reach a plain
    # object. An empty "- [ ]" line is still a line the user wrote; keep it as an item.
    apply_task(orm, cast(models.ChecklistItem, item), task.fields, allow_empty=True)
    return column_values(models.ChecklistItem, vars(item))


def _title(note: ParsedNote) -> str:
    return " ".join(note.title.split())[:500] or "Untitled"


def _timezone(note: ParsedNote) -> str:
    try:
        return clean_timezone(note.timezone) if note.timezone else local_timezone_name()
    except StudyappError:
        zone = local_timezone_name()
        note.warnings.append(f"unknown time zone {note.timezone!r}; used {zone}")
        return zone


def _status(note: ParsedNote) -> models.SessionStatus:
    try:
        return parse_status(note.status) if note.status else default_status(note.date)
    except StudyappError:
        return default_status(note.date)


def _tags(orm: OrmSession, note: ParsedNote) -> list[models.Tag]:
    return lookup.tags(orm, [t for t in note.tags if str(t).strip().lstrip("#")])


def _front_matter(note: ParsedNote) -> dict[str, object]:
    return {
        "format": note.front_matter.format,
        "blocks": [[key, raw] for key, raw in note.front_matter.blocks],
    }


def _aware(value: dt.datetime, timezone: str) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=tzinfo_for(timezone))


def attachment(session_id: int, image: FoundImage) -> dict[str, object]:
    return {"session_id": session_id, "name": image.name, "mime": image.mime, "data": image.data}


def replace_images(orm: OrmSession, session_id: int, images: tuple[FoundImage, ...]) -> None:
    """The note's images replace the session's of the same names; images pasted in the
    window since stay."""
    if not images:
        return
    orm.execute(
        delete(models.Attachment).where(
            models.Attachment.session_id == session_id,
            models.Attachment.name.in_([image.name for image in images]),
        )
    )
    orm.execute(insert(models.Attachment), [attachment(session_id, i) for i in images])
