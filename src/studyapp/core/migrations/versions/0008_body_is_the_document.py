"""A session's body is one Markdown document; talks, to-dos and attendance derive from it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

Each session's body is composed from the fields kept apart until now (its notes, the slots'
headings, timing, notes and discussion, the to-do heading and lines) in the order the
exporter wrote them, so every line a user had is in it, where their minutes showed it. The
slots and to-dos then point at the lines written for them; the separate text columns go.
Earlier revisions of any of those texts become revisions of the body.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from alembic import op

if TYPE_CHECKING:
    from studyapp.core.document.legacy import LegacySession

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("sessions", sa.Column("body", sa.Text(), nullable=True))
    _compose_bodies(bind)
    op.execute("UPDATE note_revisions SET field = 'body'")
    with op.batch_alter_table("sessions") as batch:
        batch.alter_column("body", existing_type=sa.Text(), nullable=False)
        batch.drop_column("notes")
        batch.drop_column("checklist_heading")
    with op.batch_alter_table("presentations") as batch:
        batch.drop_column("notes")
        batch.drop_column("discussion")
    # Bringing the rows in step takes today's models and services: done once at head.
    from studyapp.core.migrations.at_head import request

    request(bind, "sync_rows")


def downgrade() -> None:
    raise NotImplementedError("The body cannot be split back into separate fields.")


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _compose_bodies(bind: sa.Connection) -> None:
    # Code of today's studyapp, on plain rows: the composition is what the old exporter did.
    from studyapp.core.document.legacy import (
        LegacyItem,
        LegacySession,
        LegacySlot,
        compose,
    )
    from studyapp.core.dto import PaperInfo
    from studyapp.core.tasks import TaskFields

    people = defaultdict(lambda: ([], []))  # type: ignore[var-annotated]
    for session_id, name, present in bind.exec_driver_sql(
        "SELECT a.session_id, p.name, a.present FROM attendance a"
        " JOIN people p ON p.id = a.person_id ORDER BY a.session_id, a.position, a.person_id"
    ):
        people[session_id][0 if present else 1].append(name)
    slots: dict[int, list[tuple[int, LegacySlot]]] = defaultdict(list)
    for row in bind.exec_driver_sql(
        "SELECT s.id, s.session_id, pe.name, pa.id, pa.title, pa.venue, pa.url, pa.doi,"
        " pa.arxiv_id, s.heading_raw, s.notes, s.discussion, s.duration_seconds,"
        " s.timebox_minutes FROM presentations s"
        " LEFT JOIN people pe ON pe.id = s.presenter_id"
        " LEFT JOIN papers pa ON pa.id = s.paper_id ORDER BY s.session_id, s.position, s.id"
    ):
        paper = None
        if row[3] is not None:
            paper = PaperInfo(
                id=row[3], title=row[4] or "", venue=row[5], url=row[6], doi=row[7], arxiv_id=row[8]
            )
        slot = LegacySlot(row[2], paper, row[9], row[10] or "", row[11] or "", row[12], row[13])
        slots[row[1]].append((row[0], slot))
    items: dict[int, list[tuple[int, LegacyItem]]] = defaultdict(list)
    for row in bind.exec_driver_sql(
        "SELECT c.id, c.session_id, c.text, c.done, c.priority, c.recurrence, c.created_date,"
        " c.start_date, c.scheduled_date, c.due_date, c.cancelled_date, c.done_date, pe.name,"
        " c.source_line FROM checklist_items c LEFT JOIN people pe ON pe.id = c.assignee_id"
        " WHERE c.session_id IS NOT NULL ORDER BY c.session_id, c.position, c.id"
    ):
        task = TaskFields(
            text=row[2] or "",
            done=bool(row[3]),
            priority=row[4],
            recurrence=row[5],
            created_date=_date(row[6]),
            start_date=_date(row[7]),
            scheduled_date=_date(row[8]),
            due_date=_date(row[9]),
            cancelled_date=_date(row[10]),
            done_date=_date(row[11]),
            assignee=row[12],
        )
        items[row[1]].append((row[0], LegacyItem(task, row[13])))
    sessions = bind.exec_driver_sql(
        "SELECT id, title, notes, attendees_raw, checklist_heading FROM sessions"
    ).all()
    legacy: dict[int, LegacySession] = {}
    for session_id, title, notes, attendees_raw, checklist_heading in sessions:
        present, absent = people.get(session_id, ([], []))
        own_slots = slots.get(session_id, [])
        own_items = items.get(session_id, [])
        legacy[session_id] = LegacySession(
            title=title or "",
            notes=notes or "",
            attendees=present,
            absentees=absent,
            attendees_raw=attendees_raw,
            slots=[slot for _, slot in own_slots],
            items=[item for _, item in own_items],
            checklist_heading=checklist_heading,
        )
        composed = compose(legacy[session_id])
        bind.execute(
            sa.text("UPDATE sessions SET body = :body WHERE id = :id"),
            {"body": composed.body, "id": session_id},
        )
        for (slot_id, _), heading in zip(own_slots, composed.headings, strict=True):
            bind.execute(
                sa.text("UPDATE presentations SET heading_raw = :h WHERE id = :id"),
                {"h": heading, "id": slot_id},
            )
        for (item_id, _), line in zip(own_items, composed.task_lines, strict=True):
            bind.execute(
                sa.text("UPDATE checklist_items SET source_line = :line WHERE id = :id"),
                {"line": line, "id": item_id},
            )
    slot_ids = {key: [slot_id for slot_id, _ in value] for key, value in slots.items()}
    _revisions_as_bodies(bind, legacy, slot_ids)


def _revisions_as_bodies(
    bind: sa.Connection,
    legacy: dict[int, LegacySession],
    slot_ids: dict[int, list[int]],
) -> None:
    """Each revision held one field's earlier text; it becomes the body as it was with that
    text in its place (the rest as it is now), so restoring it brings back that text where
    it was instead of replacing the whole body with one slot's discussion."""
    from studyapp.core.document.legacy import compose

    revisions = bind.exec_driver_sql(
        "SELECT id, session_id, field, content FROM note_revisions"
    ).all()
    for revision_id, session_id, field, content in revisions:
        session = legacy.get(session_id)
        if session is None:
            continue
        if field == "notes":
            earlier = dataclasses.replace(session, notes=content or "")
        else:
            parts = str(field).split(":")
            if len(parts) != 3 or parts[0] != "presentation" or not parts[1].isdigit():
                continue
            own = slot_ids.get(session_id, [])
            if int(parts[1]) not in own or parts[2] not in ("notes", "discussion"):
                continue  # a slot removed since: its text is kept as it was
            index = own.index(int(parts[1]))
            slot = dataclasses.replace(session.slots[index], **{parts[2]: content or ""})
            earlier = dataclasses.replace(
                session, slots=[*session.slots[:index], slot, *session.slots[index + 1 :]]
            )
        bind.execute(
            sa.text("UPDATE note_revisions SET content = :body WHERE id = :id"),
            {"body": compose(earlier).body, "id": revision_id},
        )
