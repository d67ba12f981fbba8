"""Presenter rotation: a group's members in order, and who presents at the next meetings.

Fair means: whoever has presented least in the group's sessions goes first; among equals the
member order decides (it is the rotation order people agreed on), then whoever has waited
longest. People who said they will be away that day are passed over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services import lookup


def find_group(orm: OrmSession, name: str) -> models.Group:
    """The group called ``name``; NotFoundError rather than creating it."""
    clean = lookup.clean_name(name, "group name")
    row = orm.scalar(select(models.Group).where(models.Group.name == clean))
    if row is None:
        raise NotFoundError(f"There is no group {clean!r}.")
    return row


@dataclass
class _Standing:
    name: str
    position: int
    count: int
    last: dt.date | None

    def key(self) -> tuple[int, int, dt.date]:
        return (self.count, self.position, self.last or dt.date.min)


def _standings(orm: OrmSession, group: models.Group) -> dict[int, _Standing]:
    """Each member's presentations so far in the group's (not cancelled) sessions."""
    standings = {
        member.person_id: _Standing(member.person.name, index, 0, None)
        for index, member in enumerate(group.members)
    }
    rows = orm.execute(
        select(
            models.Presentation.presenter_id,
            func.count(models.Presentation.id),
            func.max(models.Session.date),
        )
        .join(models.Session, models.Session.id == models.Presentation.session_id)
        .where(
            models.Session.group_id == group.id,
            models.Session.deleted_at.is_(None),
            models.Session.status != models.SessionStatus.CANCELLED,
            models.Presentation.presenter_id.in_(standings),
        )
        .group_by(models.Presentation.presenter_id)
    )
    for person_id, count, last in rows:
        if person_id is not None:
            standings[person_id].count = count
            standings[person_id].last = last
    return standings


def _absent_on(orm: OrmSession, group_id: int, days: Sequence[dt.date]) -> set[tuple[int, dt.date]]:
    if not days:
        return set()
    rows = orm.execute(
        select(models.Absence.person_id, models.Absence.date).where(
            models.Absence.group_id == group_id, models.Absence.date.in_(set(days))
        )
    )
    return {(person_id, day) for person_id, day in rows}


def plan_presenters(
    orm: OrmSession, group: models.Group, meetings: Sequence[dt.date], per_meeting: int
) -> list[tuple[dt.date, list[str]]]:
    """Inside the caller's transaction: presenters for each meeting, in the order given."""
    if per_meeting < 1:
        raise ValidationError("A meeting needs at least one presenter slot.")
    standings = _standings(orm, group)
    absent = _absent_on(orm, group.id, meetings)
    plan: list[tuple[dt.date, list[str]]] = []
    for day in meetings:
        present = [pid for pid in standings if (pid, day) not in absent]
        chosen = sorted(present, key=lambda pid: standings[pid].key())[:per_meeting]
        for pid in chosen:
            # Planned turns count, so the next meeting goes to someone else.
            standings[pid].count += 1
            standings[pid].last = max(day, standings[pid].last or day)
        plan.append((day, [standings[pid].name for pid in chosen]))
    return plan


class RotationService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def set_members(self, group: str, names: Sequence[str]) -> list[str]:
        """Replace the group's members with ``names`` in this order; new people are added."""
        cleaned: list[str] = []
        for raw in names:
            name = lookup.clean_name(raw, "member's name")
            if name not in cleaned:
                cleaned.append(name)
        with self.db.transaction() as orm:
            row = lookup.group(orm, group)
            people = [lookup.person(orm, name) for name in cleaned]
            row.members.clear()
            orm.flush()  # the old rows go first: the same person may come back
            for position, person in enumerate(people):
                row.members.append(models.GroupMember(person=person, position=position))
        return cleaned

    def members(self, group: str) -> list[str]:
        with self.db.transaction() as orm:
            return [member.person.name for member in find_group(orm, group).members]

    def set_absent(self, group: str, person: str, day: dt.date, absent: bool = True) -> None:
        with self.db.transaction() as orm:
            row = find_group(orm, group)
            name = lookup.clean_name(person, "person's name")
            member = next((m for m in row.members if m.person.name == name), None)
            if member is None:
                raise ValidationError(f"{name} is not a member of {row.name}.")
            existing = orm.scalar(
                select(models.Absence).where(
                    models.Absence.group_id == row.id,
                    models.Absence.person_id == member.person_id,
                    models.Absence.date == day,
                )
            )
            if absent and existing is None:
                orm.add(models.Absence(group_id=row.id, person_id=member.person_id, date=day))
            elif not absent and existing is not None:
                orm.delete(existing)

    def absences(self, group: str, *, since: dt.date | None = None) -> list[tuple[str, dt.date]]:
        """Who is away when, by date then name."""
        with self.db.transaction() as orm:
            row = find_group(orm, group)
            query = select(models.Absence).where(models.Absence.group_id == row.id)
            if since is not None:
                query = query.where(models.Absence.date >= since)
            result = [(absence.person.name, absence.date) for absence in orm.scalars(query)]
        return sorted(result, key=lambda item: (item[1], item[0]))

    def next_presenters(
        self, group: str, meetings: Sequence[dt.date], per_meeting: int = 1
    ) -> list[tuple[dt.date, list[str]]]:
        """Presenters for each of ``meetings``; fewer than ``per_meeting`` if too few are in."""
        with self.db.transaction() as orm:
            return plan_presenters(orm, find_group(orm, group), meetings, per_meeting)
