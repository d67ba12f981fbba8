"""The trash: trashed sessions and papers, restored or deleted for good.

Trashing only sets ``deleted_at``; a session's presentations, to-dos, assignments and
attachments stay where they are, hidden with it, so restoring brings all of them back.
Emptying deletes the rows; the database's cascades remove what hangs off them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services.body_writes import touch_session

TrashKind = Literal["session", "paper"]
KINDS: tuple[TrashKind, ...] = ("session", "paper")
# Trashed things older than this go when the trash is emptied with the default.
KEEP_DAYS = 30


@dataclass(frozen=True)
class TrashItem:
    """One trashed thing. ``deleted_at`` is UTC; ``detail`` says where it came from."""

    kind: TrashKind
    id: int
    title: str
    deleted_at: dt.datetime
    detail: str = ""


def parse_kind(text: str) -> TrashKind:
    """``"session"``/``"paper"`` (plurals accepted); anything else is a readable error."""
    cleaned = text.strip().lower().removesuffix("s")
    for kind in KINDS:
        if cleaned == kind:
            return kind
    raise ValidationError("Unknown kind {text!r}: use session or paper.", text=text)


def _as_utc(value: dt.datetime) -> dt.datetime:
    # The column type returns aware UTC; stay safe should a backend hand back a naive one.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _cutoff(older_than_days: int | None) -> dt.datetime | None:
    if older_than_days is None:
        return None
    if older_than_days < 0:
        raise ValidationError("The number of days cannot be negative.")
    return models.utcnow() - dt.timedelta(days=older_than_days)


class TrashService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def items(self) -> list[TrashItem]:
        """Everything in the trash, most recently trashed first."""
        with self.db.transaction() as orm:
            sessions = orm.scalars(
                select(models.Session).where(models.Session.deleted_at.is_not(None))
            )
            found = [
                TrashItem(
                    "session",
                    row.id,
                    row.title,
                    _as_utc(row.deleted_at),
                    f"{row.group.name} · {row.date.isoformat()}",
                )
                for row in sessions
                if row.deleted_at is not None
            ]
            papers = orm.scalars(select(models.Paper).where(models.Paper.deleted_at.is_not(None)))
            found += [
                TrashItem(
                    "paper",
                    row.id,
                    row.title,
                    _as_utc(row.deleted_at),
                    " ".join(part for part in (row.venue or "", str(row.year or "")) if part),
                )
                for row in papers
                if row.deleted_at is not None
            ]
        found.sort(key=lambda item: (item.deleted_at, item.kind, item.id), reverse=True)
        return found

    def count(self) -> int:
        return len(self.items())

    # -- moving in and out ---------------------------------------------------------------

    def trash_paper(self, paper_id: int) -> None:
        """Hide a paper from the library; the sessions that presented it keep the link."""
        with self.db.transaction() as orm:
            row = orm.get(models.Paper, paper_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("There is no paper {paper_id}.", paper_id=paper_id)
            row.deleted_at = models.utcnow()

    def restore_paper(self, paper_id: int) -> None:
        self.restore("paper", paper_id)

    def restore(self, kind: TrashKind | str, item_id: int) -> None:
        """Bring a trashed session (with everything in it) or paper back."""
        kind = parse_kind(kind)
        with self.db.transaction() as orm:
            if kind == "session":
                session = orm.get(models.Session, item_id)
                if session is None or session.deleted_at is None:
                    raise NotFoundError(
                        "There is no session {item_id} in the trash.", item_id=item_id
                    )
                session.deleted_at = None
                touch_session(session)
            else:
                paper = orm.get(models.Paper, item_id)
                if paper is None or paper.deleted_at is None:
                    raise NotFoundError(
                        "There is no paper {item_id} in the trash.", item_id=item_id
                    )
                paper.deleted_at = None

    # -- deleting for good ---------------------------------------------------------------

    def empty(self, *, older_than_days: int | None = KEEP_DAYS) -> int:
        """Delete for good what was trashed more than ``older_than_days`` ago (None: all).

        Returns how many sessions and papers were deleted.
        """
        cutoff = _cutoff(older_than_days)
        with self.db.transaction() as orm:
            return self._delete(orm, models.Session, cutoff) + self._delete(
                orm, models.Paper, cutoff
            )

    def delete(self, kind: TrashKind | str, item_id: int) -> None:
        """Delete one trashed thing for good."""
        kind = parse_kind(kind)
        with self.db.transaction() as orm:
            row: models.Session | models.Paper | None = (
                orm.get(models.Session, item_id)
                if kind == "session"
                else orm.get(models.Paper, item_id)
            )
            if row is None or row.deleted_at is None:
                raise NotFoundError(
                    "There is no {kind} {item_id} in the trash.", kind=kind, item_id=item_id
                )
            orm.delete(row)

    @staticmethod
    def _delete(
        orm: OrmSession,
        model: type[models.Session] | type[models.Paper],
        cutoff: dt.datetime | None,
    ) -> int:
        query = select(model).where(model.deleted_at.is_not(None))
        if cutoff is not None:
            query = query.where(model.deleted_at < cutoff)
        rows = list(orm.scalars(query))
        for row in rows:
            # Through the ORM: a session's presentations, to-dos and attendance go with it.
            orm.delete(row)
        return len(rows)
