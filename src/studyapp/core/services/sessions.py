"""Sessions and groups: listing, reading, creating, editing, trashing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, select

from studyapp.core import models
from studyapp.core.actor import Actor
from studyapp.core.db import Database
from studyapp.core.document.compose import attendance_line, attendance_matches
from studyapp.core.document.edits import set_attendance
from studyapp.core.document.outline import Outline, derive
from studyapp.core.dto import GroupInfo, SessionDetail, SessionSummary
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.schedule import next_meeting
from studyapp.core.services import convert, lookup, session_details
from studyapp.core.services.body_rows import outline_of
from studyapp.core.services.body_writes import (
    SavedBody,
    attendance_removed,
    edit_body,
    save_body,
    touch_session,
)
from studyapp.core.services.fields import (
    clean_timezone,
    clean_title,
    parse_kind,
    parse_status,
)
from studyapp.core.services.members import author_name
from studyapp.core.services.session_rows import add_session, load_session
from studyapp.core.timezones import local_timezone_name, tzinfo_for


def _filtered(
    query: Select[Any],
    *,
    group: str | None,
    since: dt.date | None,
    until: dt.date | None,
) -> Select[Any]:
    query = query.where(models.Session.deleted_at.is_(None))
    if group is not None:
        query = query.join(models.Group, models.Session.group_id == models.Group.id).where(
            models.Group.name == group.strip()
        )
    if since is not None:
        query = query.where(models.Session.date >= since)
    if until is not None:
        query = query.where(models.Session.date <= until)
    return query


NEWEST_FIRST = (
    models.Session.date.desc(),
    models.Session.start_time.desc(),
    models.Session.id.desc(),
)


class SessionService:
    def __init__(self, database: Database, actor: Actor | None = None) -> None:
        self.db = database
        self.actor = actor  # the member whose writes these are

    # -- reading ---------------------------------------------------------------------------

    def groups(self) -> list[GroupInfo]:
        with self.db.transaction() as orm:
            counts = (
                select(models.Session.group_id, func.count().label("n"))
                .where(models.Session.deleted_at.is_(None))
                .group_by(models.Session.group_id)
                .subquery()
            )
            rows = orm.execute(
                select(models.Group, func.coalesce(counts.c.n, 0))
                .outerjoin(counts, counts.c.group_id == models.Group.id)
                .order_by(models.Group.name)
            ).all()
            return [
                GroupInfo(
                    id=g.id,
                    name=g.name,
                    session_count=n,
                    schedule_rrule=g.schedule_rrule,
                    timezone=g.timezone,
                )
                for g, n in rows
            ]

    def require_group(self, name: str) -> None:
        with self.db.transaction() as orm:
            if orm.scalar(select(models.Group.id).where(models.Group.name == name.strip())) is None:
                raise NotFoundError("There is no group named {name!r}.", name=name)

    def list_sessions(
        self,
        *,
        text: str | None = None,
        group: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[SessionSummary]:
        """Sessions newest first; ``limit``/``offset`` page through long lists."""
        with self.db.transaction() as orm:
            query = _filtered(select(models.Session), group=group, since=since, until=until)
            if text and text.strip():
                # Case-insensitive for Latin titles; Hangul has no case.
                pattern = "%" + text.strip().lower().replace("%", "").replace("_", "") + "%"
                query = query.where(func.lower(models.Session.title).like(pattern))
            query = query.order_by(*NEWEST_FIRST).offset(offset).limit(limit)
            return [convert.session_summary(row) for row in orm.scalars(query)]

    def count(
        self,
        *,
        group: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> int:
        with self.db.transaction() as orm:
            query = _filtered(
                select(func.count(models.Session.id)), group=group, since=since, until=until
            )
            return int(orm.scalar(query) or 0)

    def get(self, session_id: int) -> SessionDetail:
        with self.db.transaction() as orm:
            found = session_details.load(orm, [session_id])
        if not found:
            raise NotFoundError("There is no session {session_id}.", session_id=session_id)
        return found[0]

    def next_slot(
        self, group: str, now: dt.datetime | None = None
    ) -> tuple[dt.date, dt.time | None, str]:
        """Date, time and zone for a group's next meeting: from its schedule, else today."""
        moment = now or dt.datetime.now(dt.UTC)
        with self.db.transaction() as orm:
            row = orm.scalar(select(models.Group).where(models.Group.name == group.strip()))
            rule = row.schedule_rrule if row else None
            zone = (row.timezone if row else None) or local_timezone_name()
            skipped = [dt.date.fromisoformat(day) for day in (row.schedule_skipped if row else [])]
        if rule:
            found = next_meeting(rule, zone, moment, skipped=skipped)
            if found is not None:
                return found.date(), found.time().replace(tzinfo=None), zone
        return moment.astimezone(tzinfo_for(zone)).date(), None, zone

    # -- writing ---------------------------------------------------------------------------

    def create(
        self,
        *,
        group: str,
        title: str,
        date: dt.date,
        start_time: dt.time | None = None,
        timezone: str | None = None,
        kind: str = "other",
        status: str | None = None,
        tags: Sequence[str] = (),
        body: str = "",
    ) -> SessionDetail:
        with self.db.transaction() as orm:
            session_id = add_session(
                orm,
                group=group,
                title=title,
                date=date,
                start_time=start_time,
                timezone=timezone,
                kind=kind,
                status=status,
                tags=tags,
                body=body,
                actor=self.actor,
            ).id
        return self.get(session_id)

    def rename(self, session_id: int, title: str) -> SessionDetail:
        with self.db.transaction() as orm:
            row = load_session(orm, session_id)
            row.title = clean_title(title)
            touch_session(row)
        return self.get(session_id)

    def update(
        self,
        session_id: int,
        *,
        date: dt.date | None = None,
        start_time: dt.time | bool | None = False,
        timezone: str | None = None,
        kind: str | None = None,
        status: str | None = None,
        group: str | None = None,
    ) -> SessionDetail:
        """Change the given fields; ``start_time=None`` clears the time, ``False`` leaves it."""
        with self.db.transaction() as orm:
            row = load_session(orm, session_id)
            if date is not None:
                row.date = date
            if start_time is not False:
                row.start_time = start_time if isinstance(start_time, dt.time) else None
            if timezone is not None:
                row.timezone = clean_timezone(timezone)
            if kind is not None:
                row.kind = parse_kind(kind)
            if status is not None:
                row.status = parse_status(status)
            if group is not None:
                row.group = lookup.group(orm, group)
            touch_session(row)
        return self.get(session_id)

    def set_body(
        self,
        session_id: int,
        body: str,
        *,
        expected_version: int | None = None,
        base_text: str | None = None,
    ) -> int:
        """Save the session's document and the rows derived from it; returns the version."""
        return self.save_body(
            session_id, body, expected_version=expected_version, base_text=base_text
        ).version

    def save_body(
        self,
        session_id: int,
        body: str,
        *,
        expected_version: int | None = None,
        base_text: str | None = None,
    ) -> SavedBody:
        """Save the session's document and the rows derived from it.

        ``expected_version`` and ``base_text`` are the version and text the writer loaded
        (or last saved). When another writer changed the text since, the two are merged if
        their changes touch different lines; otherwise ``body`` is saved and the other
        text kept as a "conflict" revision. The result says which, and the text stored.
        """
        with self.db.transaction() as orm:
            row = load_session(orm, session_id, for_update=True)
            author = author_name(orm, self.actor, row.group_id)
            return save_body(
                orm,
                row,
                body,
                expected_version=expected_version,
                base_text=base_text,
                author=author,
            )

    def outline(self, session_id: int, body: str) -> Outline:
        """The structure of ``body`` as a save of it would derive it (the people and talks
        the database knows), so a window's edit lands on the line a save counts."""
        with self.db.transaction() as orm:
            row = load_session(orm, session_id)
            known_people = list(orm.scalars(select(models.Person.name)))
            known_talks = [slot.heading_raw for slot in row.presentations if slot.heading_raw]
        return derive(body, known_people, known_talks)

    def set_tags(self, session_id: int, tags: Sequence[str]) -> SessionDetail:
        with self.db.transaction() as orm:
            row = load_session(orm, session_id)
            row.tags = lookup.tags(orm, list(tags))
            touch_session(row)
        return self.get(session_id)

    def set_attendees(
        self, session_id: int, present: Sequence[str], absent: Sequence[str] = ()
    ) -> SessionDetail:
        """The body's attendance line says these people (added under the title if none)."""
        present = [lookup.clean_name(name, "person's name") for name in present]
        absent = [lookup.clean_name(name, "person's name") for name in absent]
        line = attendance_line(present, absent)
        if line and not attendance_matches(line, present, absent):
            raise ValidationError(
                "These names cannot be written in an attendance line that reads back the "
                "same (a comma or a bracket in a name); edit the line in the notes instead."
            )
        with self.db.transaction() as orm:
            row = load_session(orm, session_id)
            author = author_name(orm, self.actor, row.group_id)
            if line:
                edit_body(
                    orm,
                    row,
                    lambda body, outline: set_attendance(body, outline, line),
                    author=author,
                )
            else:
                outline = outline_of(orm, row)
                if outline.attendance is not None:
                    edit_body(orm, row, attendance_removed, author=author)
                row.attendance = []
                row.attendees_raw = None
            touch_session(row)
        return self.get(session_id)

    def trash(self, session_id: int) -> None:
        with self.db.transaction() as orm:
            row = load_session(orm, session_id)
            row.deleted_at = models.utcnow()
            touch_session(row)

    def restore(self, session_id: int) -> None:
        with self.db.transaction() as orm:
            row = load_session(orm, session_id, include_deleted=True)
            row.deleted_at = None
            touch_session(row)

    def switcher_entries(self) -> list[SessionSummary]:
        """Every session newest first, read as plain columns (no ORM objects): the quick
        switcher loads all of them each time it opens."""
        with self.db.transaction() as orm:
            rows = orm.execute(
                select(
                    models.Session.id,
                    models.Session.title,
                    models.Session.date,
                    models.Session.start_time,
                    models.Session.timezone,
                    models.Group.name,
                    models.Session.kind,
                    models.Session.status,
                )
                .join(models.Group, models.Session.group_id == models.Group.id)
                .where(models.Session.deleted_at.is_(None))
                .order_by(*NEWEST_FIRST)
            ).all()
            return [
                SessionSummary(
                    id=id_,
                    title=title,
                    date=date,
                    start_time=start_time,
                    timezone=timezone,
                    group=group,
                    kind=kind.value,
                    status=status.value,
                )
                for id_, title, date, start_time, timezone, group, kind, status in rows
            ]
