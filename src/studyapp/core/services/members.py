"""The name a write is recorded under: the actor, matched to a person the group knows.

"alice" typed in the settings is recorded as "Alice" when the group has an Alice, so the
history and the to-do panel name people as the rest of the notes do.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.actor import Actor
from studyapp.core.db import Database


@dataclass(frozen=True, slots=True)
class MemberMatch:
    """Who a name in the settings is in this database: the person's own spelling and the
    groups they are a member of (none for a person only named in notes)."""

    name: str
    groups: tuple[str, ...]


def who_is(database: Database, name: str | None) -> MemberMatch | None:
    """The person a window writing as ``name`` is recorded as; None when no person of that
    name is known yet (writes then carry the name as typed)."""
    actor = Actor.named(name)
    if actor is None:
        return None
    with database.transaction() as orm:
        recorded = author_name(orm, actor)
        known = orm.scalar(select(models.Person.id).where(models.Person.name == recorded))
        if recorded is None or known is None:
            return None
        return MemberMatch(recorded, tuple(member_of(orm, Actor(recorded))))


def author_name(orm: OrmSession, actor: Actor | None, group_id: int | None = None) -> str | None:
    """The recorded name for ``actor``: a person's own spelling when one matches (a member of
    ``group_id`` first), else the actor's name; None without an actor."""
    if actor is None:
        return None
    exact = orm.scalar(select(models.Person.name).where(models.Person.name == actor.name))
    if exact is not None:
        return exact
    # Names are few; a case-insensitive scan of them is cheaper than a second index.
    query = select(models.Person.name).where(func.lower(models.Person.name) == actor.name.lower())
    if group_id is not None:
        member = orm.scalar(
            query.join(models.GroupMember, models.GroupMember.person_id == models.Person.id)
            .where(models.GroupMember.group_id == group_id)
            .limit(1)
        )
        if member is not None:
            return member
    return orm.scalar(query.order_by(models.Person.id).limit(1)) or actor.name


def member_of(orm: OrmSession, actor: Actor) -> list[str]:
    """The groups in which a person of the actor's name is a member, by name."""
    return list(
        orm.scalars(
            select(models.Group.name)
            .join(models.GroupMember, models.GroupMember.group_id == models.Group.id)
            .join(models.Person, models.GroupMember.person_id == models.Person.id)
            .where(func.lower(models.Person.name) == actor.name.lower())
            .order_by(models.Group.name)
        )
    )
