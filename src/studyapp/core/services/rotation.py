"""Presenter rotation: a group's members in order, and who presents at the next meetings.

The members are the people the group agreed on, in their order, then everyone else who
presented or attended one of its meetings, in the order they first came: a group whose
notes were imported has its members without anyone typing them. Someone taken off the list
stays off (``GroupMember.removed``).

Fair means: over the meetings planned, nobody presents twice before everyone present has
presented once. Within that, whoever has presented least in the group's sessions goes first;
among equals the member order decides (it is the rotation order people agreed on), then
whoever has waited longest. People who said they will be away that day are passed over,
and are first in line at the next meeting they attend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, union_all
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
        raise NotFoundError("There is no group {name!r}.", name=clean)
    return row


def _participants(orm: OrmSession, group_id: int) -> list[int]:
    """Everyone who presented or attended a (not trashed) meeting of the group, by the
    date they first came, then by who was named first."""
    live = (models.Session.group_id == group_id, models.Session.deleted_at.is_(None))
    presented = (
        select(
            models.Presentation.presenter_id.label("person_id"),
            models.Session.date.label("day"),
            models.Presentation.session_id.label("session_id"),
        )
        .join(models.Session, models.Session.id == models.Presentation.session_id)
        .where(*live, models.Presentation.presenter_id.is_not(None))
    )
    attended = (
        select(
            models.Attendance.person_id.label("person_id"),
            models.Session.date.label("day"),
            models.Attendance.session_id.label("session_id"),
        )
        .join(models.Session, models.Session.id == models.Attendance.session_id)
        .where(*live)
    )
    both = union_all(presented, attended).subquery()
    rows = orm.execute(
        select(both.c.person_id, func.min(both.c.day), func.min(both.c.session_id))
        .group_by(both.c.person_id)
        .order_by(func.min(both.c.day), func.min(both.c.session_id), both.c.person_id)
    )
    return [person_id for person_id, _day, _session in rows]


def member_ids(orm: OrmSession, group: models.Group) -> list[int]:
    """The group's members in rotation order: those set by hand, then everyone else who
    came, except who was taken off."""
    chosen = [m.person_id for m in group.members if not m.removed]
    known = {m.person_id for m in group.members}
    return chosen + [pid for pid in _participants(orm, group.id) if pid not in known]


@dataclass
class Standing:
    person_id: int
    name: str
    position: int
    count: int  # presentations so far in the group's sessions
    last: dt.date | None
    planned: int = 0  # turns given in the plan being made

    def key(self) -> tuple[int, int, int, dt.date]:
        return (self.planned, self.count, self.position, self.last or dt.date.min)


def _names(orm: OrmSession, ids: Collection[int]) -> dict[int, str]:
    query = select(models.Person.id, models.Person.name).where(models.Person.id.in_(ids))
    return {person_id: name for person_id, name in orm.execute(query)}


def _standings(orm: OrmSession, group: models.Group) -> list[Standing]:
    """Each member's presentations so far in the group's (not cancelled) sessions."""
    ids = member_ids(orm, group)
    names = _names(orm, ids)
    standings = {pid: Standing(pid, names[pid], index, 0, None) for index, pid in enumerate(ids)}
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
    return list(standings.values())


def _absent_on(orm: OrmSession, group_id: int, days: Sequence[dt.date]) -> set[tuple[int, dt.date]]:
    if not days:
        return set()
    rows = orm.execute(
        select(models.Absence.person_id, models.Absence.date).where(
            models.Absence.group_id == group_id, models.Absence.date.in_(set(days))
        )
    )
    return {(person_id, day) for person_id, day in rows}


def fair_turns(
    standings: Sequence[Standing],
    meetings: Sequence[dt.date],
    absent: Collection[tuple[int, dt.date]],
    per_meeting: int,
) -> list[list[Standing]]:
    """Who presents at each of ``meetings``: fewest turns in this plan first, then fewest
    presentations so far, member order, longest wait. ``standings`` count the turns given."""
    plan: list[list[Standing]] = []
    for day in meetings:
        present = [s for s in standings if (s.person_id, day) not in absent]
        chosen = sorted(present, key=Standing.key)[:per_meeting]
        for standing in chosen:
            standing.planned += 1
            standing.last = max(day, standing.last or day)
        plan.append(chosen)
    return plan


def plan_presenters(
    orm: OrmSession, group: models.Group, meetings: Sequence[dt.date], per_meeting: int
) -> list[tuple[dt.date, list[str]]]:
    """Inside the caller's transaction: presenters for each meeting, in the order given."""
    if per_meeting < 1:
        raise ValidationError("A meeting needs at least one presenter slot.")
    standings = _standings(orm, group)
    absent = _absent_on(orm, group.id, meetings)
    turns = fair_turns(standings, meetings, absent, per_meeting)
    return [(day, [s.name for s in chosen]) for day, chosen in zip(meetings, turns, strict=True)]


class RotationService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def set_members(self, group: str, names: Sequence[str]) -> list[str]:
        """The group's members are ``names``, in this order (new people are added); everyone
        else who was a member, or came to a meeting, is taken off until named again."""
        cleaned: list[str] = []
        for raw in names:
            name = lookup.clean_name(raw, "member's name")
            if name not in cleaned:
                cleaned.append(name)
        with self.db.transaction() as orm:
            row = lookup.group(orm, group)
            people = [lookup.person(orm, name) for name in cleaned]
            orm.flush()
            listed = {person.id for person in people}
            known = [m.person_id for m in row.members] + _participants(orm, row.id)
            left = [pid for pid in dict.fromkeys(known) if pid not in listed]
            row.members.clear()
            orm.flush()  # the old rows go first: the same person may come back
            for position, person in enumerate(people):
                row.members.append(models.GroupMember(person=person, position=position))
            for position, person_id in enumerate(left, start=len(people)):
                row.members.append(
                    models.GroupMember(person_id=person_id, position=position, removed=True)
                )
        return cleaned

    def members(self, group: str) -> list[str]:
        with self.db.transaction() as orm:
            row = find_group(orm, group)
            ids = member_ids(orm, row)
            names = _names(orm, ids)
            return [names[pid] for pid in ids]

    def set_absent(self, group: str, person: str, day: dt.date, absent: bool = True) -> None:
        with self.db.transaction() as orm:
            row = find_group(orm, group)
            name = lookup.clean_name(person, "person's name")
            person_id = orm.scalar(select(models.Person.id).where(models.Person.name == name))
            if person_id is None or person_id not in member_ids(orm, row):
                raise ValidationError(
                    "{name} is not a member of {group}.", name=name, group=row.name
                )
            existing = orm.scalar(
                select(models.Absence).where(
                    models.Absence.group_id == row.id,
                    models.Absence.person_id == person_id,
                    models.Absence.date == day,
                )
            )
            if absent and existing is None:
                orm.add(models.Absence(group_id=row.id, person_id=person_id, date=day))
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
