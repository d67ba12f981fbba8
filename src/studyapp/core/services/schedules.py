"""A group's meeting schedule: the rule, skipped dates, upcoming meetings, planned sessions
for them with the rotation's presenters, and an .ics file of what is planned."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import selectinload

from studyapp.core import models
from studyapp.core.atomic_files import write_atomically
from studyapp.core.calendar_export import CalendarEvent, Slot, calendar_bytes
from studyapp.core.db import Database
from studyapp.core.document.compose import talk_heading
from studyapp.core.errors import ValidationError
from studyapp.core.schedule import check_rule, has_time_of_day, normalize_rule, occurrences
from studyapp.core.services import lookup
from studyapp.core.services.body_rows import sync_rows
from studyapp.core.services.fields import clean_timezone
from studyapp.core.services.rotation import find_group, plan_presenters

MAX_UPCOMING = 500
MAX_PLAN_WEEKS = 104


def _skipped_dates(row: models.Group) -> list[dt.date]:
    days: set[dt.date] = set()
    for text in row.schedule_skipped or []:
        try:
            days.add(dt.date.fromisoformat(text))
        except (TypeError, ValueError):
            continue  # a hand-edited value; ignoring it only means a meeting is not skipped
    return sorted(days)


def _store_skipped(row: models.Group, days: Sequence[dt.date]) -> None:
    # A new list, so SQLAlchemy sees the JSON column change.
    row.schedule_skipped = [day.isoformat() for day in sorted(set(days))]


def _rule_of(row: models.Group) -> tuple[str, str]:
    if not row.schedule_rrule:
        raise ValidationError("{group} has no meeting schedule yet.", group=row.name)
    return row.schedule_rrule, row.timezone or "UTC"


def _moment(after: dt.datetime | None) -> dt.datetime:
    if after is not None and after.tzinfo is None:
        raise ValidationError("The time to look from needs a time zone.")
    return after or dt.datetime.now(dt.UTC)


# The headings studyapp writes for a talk that names no paper ("## Presentation by Alice",
# "## Presentation 2"): they say nothing the presenter does not.
_PLACEHOLDER_HEADING = re.compile(r"^Presentation(?: \d+| by .+)$")


def _slot(presentation: models.Presentation) -> Slot:
    paper = presentation.paper.title if presentation.paper else None
    heading = (presentation.heading_raw or "").lstrip("#").strip() or None
    if heading is not None and _PLACEHOLDER_HEADING.match(heading):
        heading = None
    return Slot(presentation.presenter.name if presentation.presenter else None, paper or heading)


class ScheduleService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def set_schedule(
        self,
        group: str,
        rule: str,
        *,
        timezone: str = "Asia/Seoul",
        skipped: Sequence[dt.date] = (),
        plan_weeks: int | None = None,
        after: dt.datetime | None = None,
    ) -> list[int]:
        """Replace the group's schedule (rule, zone and skipped dates) after checking it.

        With ``plan_weeks``, also plan sessions for its meetings of those weeks (see
        :meth:`plan_sessions`) in the same transaction: when planning fails, the schedule
        is not kept either. The ids of the planned sessions.
        """
        zone = clean_timezone(timezone)
        check_rule(rule, zone)  # before the transaction: nothing is saved when it fails
        if plan_weeks is not None:
            _check_weeks(plan_weeks)
        moment = _moment(after)
        with self.db.transaction() as orm:
            row = lookup.group(orm, group)
            row.schedule_rrule = normalize_rule(rule)
            row.timezone = zone
            _store_skipped(row, skipped)
            if plan_weeks is None:
                return []
            orm.flush()
            return _plan(orm, row, plan_weeks, 1, moment)

    def clear_schedule(self, group: str) -> None:
        with self.db.transaction() as orm:
            row = find_group(orm, group)
            row.schedule_rrule = None
            _store_skipped(row, [])

    def skip(self, group: str, day: dt.date, skipped: bool = True) -> None:
        with self.db.transaction() as orm:
            row = find_group(orm, group)
            days = set(_skipped_dates(row))
            if skipped:
                days.add(day)
            else:
                days.discard(day)
            _store_skipped(row, sorted(days))

    def schedule(self, group: str) -> tuple[str | None, str | None, list[dt.date]]:
        """The rule, its time zone and the skipped dates."""
        with self.db.transaction() as orm:
            row = find_group(orm, group)
            return row.schedule_rrule, row.timezone, _skipped_dates(row)

    def upcoming(
        self, group: str, count: int = 8, *, after: dt.datetime | None = None
    ) -> list[dt.datetime]:
        """The next ``count`` meetings at or after ``after`` (default now), in the group's zone."""
        with self.db.transaction() as orm:
            row = find_group(orm, group)
            rule, zone = _rule_of(row)
            skipped = _skipped_dates(row)
        found = occurrences(rule, zone, _moment(after), skipped=skipped)
        return list(itertools.islice(found, max(0, min(count, MAX_UPCOMING))))

    def plan_sessions(
        self,
        group: str,
        *,
        weeks: int = 4,
        per_meeting: int = 1,
        after: dt.datetime | None = None,
    ) -> list[int]:
        """Planned sessions for the meetings of the next ``weeks`` that have none yet."""
        _check_weeks(weeks)
        moment = _moment(after)
        with self.db.transaction() as orm:
            return _plan(orm, find_group(orm, group), weeks, per_meeting, moment)

    def export_ics(
        self, path: Path, *, group: str | None = None, after: dt.datetime | None = None
    ) -> int:
        """Write the planned sessions from ``after`` (default today) on as an .ics file."""
        # The local calendar day: early morning in Seoul is still the previous day in UTC.
        since = _moment(after).date() if after is not None else dt.date.today()
        with self.db.transaction() as orm:
            query = (
                select(models.Session)
                .options(selectinload(models.Session.presentations))
                .where(
                    models.Session.deleted_at.is_(None),
                    models.Session.status == models.SessionStatus.PLANNED,
                    models.Session.date >= since,
                )
                .order_by(models.Session.date, models.Session.start_time, models.Session.id)
            )
            if group is not None:
                query = query.where(models.Session.group_id == find_group(orm, group).id)
            events = [
                CalendarEvent(
                    session_id=session.id,
                    title=session.title,
                    group=session.group.name,
                    date=session.date,
                    start_time=session.start_time,
                    timezone=session.timezone,
                    slots=tuple(_slot(slot) for slot in session.presentations),
                )
                for session in orm.scalars(query)
            ]
        write_atomically(Path(path), calendar_bytes(events))
        return len(events)


def _check_weeks(weeks: int) -> None:
    if not 1 <= weeks <= MAX_PLAN_WEEKS:
        raise ValidationError("Plan between 1 and {most} weeks ahead.", most=MAX_PLAN_WEEKS)


def _plan(
    orm: OrmSession, row: models.Group, weeks: int, per_meeting: int, moment: dt.datetime
) -> list[int]:
    """Planned sessions for the group's meetings of the next ``weeks`` that have none yet,
    inside the caller's transaction."""
    rule, zone = _rule_of(row)
    meetings = list(
        occurrences(
            rule,
            zone,
            moment,
            skipped=_skipped_dates(row),
            within=dt.timedelta(weeks=weeks),
        )
    )
    taken = set(
        orm.scalars(
            select(models.Session.date).where(
                models.Session.group_id == row.id,
                models.Session.deleted_at.is_(None),
                models.Session.date.in_({meeting.date() for meeting in meetings}),
            )
        )
    )
    meetings = [meeting for meeting in meetings if meeting.date() not in taken]
    meetings = list({meeting.date(): meeting for meeting in meetings}.values())
    presenters = plan_presenters(orm, row, [meeting.date() for meeting in meetings], per_meeting)
    timed = has_time_of_day(rule)
    created: list[models.Session] = []
    for meeting, (_day, names) in zip(meetings, presenters, strict=True):
        # The talks are headings of the body; their rows are derived from it.
        headings = [talk_heading(name, None, number) for number, name in enumerate(names, 1)]
        session = models.Session(
            group=row,
            title=f"{row.name} {meeting.date().isoformat()}",
            date=meeting.date(),
            start_time=meeting.time() if timed else None,
            timezone=zone,
            kind=models.SessionKind.PAPER_REVIEW,
            status=models.SessionStatus.PLANNED,
            body="\n\n".join(headings),
        )
        orm.add(session)
        orm.flush()
        sync_rows(orm, session)
        created.append(session)
    orm.flush()
    return [session.id for session in created]
