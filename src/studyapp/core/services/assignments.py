"""Reading assignments: who reads or presents which paper, for which session or by when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services import lookup
from studyapp.core.services.body_rows import mark_presented_for
from studyapp.core.services.session_rows import load_session

Status = models.AssignmentStatus
# Finished one way or another: never overdue, hidden when closed ones are left out.
CLOSED = frozenset({Status.DONE, Status.PRESENTED, Status.DROPPED})
OPEN = frozenset({Status.ASSIGNED, Status.READING})


@dataclass(frozen=True)
class AssignmentInfo:
    id: int
    paper_id: int
    paper_title: str
    person: str
    status: str  # assigned | reading | done | presented | dropped
    due_date: dt.date | None
    session_id: int | None
    session_title: str | None
    session_date: dt.date | None
    overdue: bool  # not finished and its date (due date, else the session's) is past

    @property
    def date(self) -> dt.date | None:
        """The date it is due: the due date, else the session's date."""
        return self.due_date or self.session_date


def parse_assignment_status(status: str) -> models.AssignmentStatus:
    try:
        return Status(status.strip().lower())
    except ValueError:
        valid = ", ".join(s.value for s in Status)
        raise ValidationError(
            "Unknown assignment status {status!r}; use one of: {valid}.", status=status, valid=valid
        ) from None


def _info(
    row: models.ReadingAssignment, session: models.Session | None, today: dt.date
) -> AssignmentInfo:
    session_date = session.date if session is not None else None
    due = row.due_date or session_date
    return AssignmentInfo(
        id=row.id,
        paper_id=row.paper_id,
        paper_title=row.paper.title,
        person=row.person.name,
        status=row.status.value,
        due_date=row.due_date,
        session_id=row.session_id,
        session_title=session.title if session is not None else None,
        session_date=session_date,
        overdue=row.status not in CLOSED and due is not None and due < today,
    )


def _query() -> Select[models.ReadingAssignment, models.Session]:
    return (
        select(models.ReadingAssignment, models.Session)
        .join(models.Paper, models.Paper.id == models.ReadingAssignment.paper_id)
        .outerjoin(models.Session, models.Session.id == models.ReadingAssignment.session_id)
        .where(models.Paper.deleted_at.is_(None))
    )


class AssignmentService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def assign(
        self,
        paper_id: int,
        person: str,
        *,
        session_id: int | None = None,
        due: dt.date | None = None,
    ) -> tuple[AssignmentInfo, bool]:
        """A new assignment, and whether ``person`` was added to the people list for it."""
        name = lookup.clean_name(person, "person's name")
        with self.db.transaction() as orm:
            paper = orm.get(models.Paper, paper_id)
            if paper is None or paper.deleted_at is not None:
                raise NotFoundError("There is no paper {paper_id}.", paper_id=paper_id)
            session = load_session(orm, session_id) if session_id is not None else None
            known = orm.scalar(select(models.Person).where(models.Person.name == name))
            someone = known or lookup.person(orm, name)
            duplicate = orm.scalar(
                select(models.ReadingAssignment.id).where(
                    models.ReadingAssignment.paper_id == paper_id,
                    models.ReadingAssignment.person_id == someone.id,
                    models.ReadingAssignment.session_id.is_(None)
                    if session_id is None
                    else models.ReadingAssignment.session_id == session_id,
                    models.ReadingAssignment.due_date.is_(None)
                    if due is None
                    else models.ReadingAssignment.due_date == due,
                    models.ReadingAssignment.status.in_(OPEN),
                )
            )
            if duplicate is not None:
                raise ValidationError(
                    "{name} already has {title!r} to read (assignment {duplicate}).",
                    name=name,
                    title=paper.title,
                    duplicate=duplicate,
                )
            row = models.ReadingAssignment(
                paper=paper, person=someone, session_id=session_id, due_date=due
            )
            orm.add(row)
            orm.flush()
            return _info(row, session, dt.date.today()), known is None

    def set_status(self, assignment_id: int, status: str) -> AssignmentInfo:
        value = parse_assignment_status(status)
        with self.db.transaction() as orm:
            row = self._load(orm, assignment_id)
            row.status = value
            orm.flush()
            session = orm.get(models.Session, row.session_id) if row.session_id else None
            return _info(row, session, dt.date.today())

    def remove(self, assignment_id: int) -> None:
        with self.db.transaction() as orm:
            orm.delete(self._load(orm, assignment_id))

    def list(
        self,
        *,
        person: str | None = None,
        session_id: int | None = None,
        overdue_only: bool = False,
        include_closed: bool = True,
        today: dt.date | None = None,
    ) -> list[AssignmentInfo]:
        """Overdue ones first, then by date (undated last), then in the order given."""
        day = today or dt.date.today()
        query = _query()
        if person is not None:
            query = query.join(
                models.Person, models.Person.id == models.ReadingAssignment.person_id
            ).where(models.Person.name == lookup.clean_name(person, "person's name"))
        if session_id is not None:
            query = query.where(models.ReadingAssignment.session_id == session_id)
        if not include_closed or overdue_only:
            query = query.where(models.ReadingAssignment.status.not_in(CLOSED))
        with self.db.transaction() as orm:
            infos = [_info(row, session, day) for row, session in orm.execute(query)]
        if overdue_only:
            infos = [info for info in infos if info.overdue]
        return sorted(
            infos,
            key=lambda info: (
                not info.overdue,
                info.date is None,
                info.date or dt.date.min,
                info.id,
            ),
        )

    def mark_presented(self, session_id: int) -> int:
        """Assignments matching a (presenter, paper) of the session become presented."""
        with self.db.transaction() as orm:
            session = load_session(orm, session_id)
            return sum(mark_presented_for(orm, slot) for slot in session.presentations)

    @staticmethod
    def _load(orm: OrmSession, assignment_id: int) -> models.ReadingAssignment:
        row = orm.get(models.ReadingAssignment, assignment_id)
        if row is None:
            raise NotFoundError(
                "There is no reading assignment {assignment_id}.", assignment_id=assignment_id
            )
        return row
