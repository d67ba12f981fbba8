"""``studyapp copy-to URL``: this database's groups, people, papers, sessions, to-dos and
reading assignments into another (a group moving its SQLite file to the shared server).

Idempotent: what the target has already is known again and left alone, so a second run
copies nothing. Groups and people are known by name, papers by DOI, arXiv id, then title,
sessions by their source file and part, else by group, date and title; an assignment by its
paper, person, session and due date (as the target knows them). A session comes with its
body, rows, revisions and attachments, copied as they are (ticks and talks keep who made
them). Plain ORM, so any engine SQLAlchemy speaks is a target.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.services import lookup

_Row = TypeVar("_Row", bound=models.Base)
_Named = TypeVar("_Named", models.Group, models.Person)  # rows known by their name
KINDS = ("groups", "people", "papers", "sessions", "to-dos", "assignments")


@dataclass
class CopyReport:
    copied: Counter[str] = field(default_factory=Counter)
    known: Counter[str] = field(default_factory=Counter)  # already in the target

    @property
    def nothing_copied(self) -> bool:
        return not any(self.copied.values())


def _values(row: models.Base, *skip: str) -> dict[str, Any]:
    """The row's own columns, without its id and the keys named (pointers to remap)."""
    mapper = row.__mapper__
    return {
        attr.key: getattr(row, attr.key)
        for attr in mapper.column_attrs
        if attr.key not in ("id", *skip)
    }


def _by_name(
    model: type[_Named],
    src: OrmSession,
    dst: OrmSession,
    report: CopyReport,
    kind: str,
) -> dict[int, int]:
    """Each source row's id -> the target's row of the same name, copied when missing."""
    found: dict[int, int] = {}
    for row in src.scalars(select(model).order_by(model.id)):
        there = dst.scalar(select(model).where(model.name == row.name))
        if there is None:
            there = _clone(model, row)
            dst.add(there)
            dst.flush()
            report.copied[kind] += 1
        else:
            report.known[kind] += 1
        found[row.id] = there.id
    return found


def _clone(kind: type[_Row], row: models.Base, *skip: str, **values: Any) -> _Row:
    return kind(**{**_values(row, *skip), **values})


class CopyService:
    def __init__(self, source: Database, target: Database) -> None:
        self.source = source
        self.target = target

    def copy(self) -> CopyReport:
        """Everything the target lacks, in one transaction of the target."""
        report = CopyReport()
        with self.source.transaction() as src, self.target.transaction() as dst:
            groups = self._groups(src, dst, report)
            people = self._people(src, dst, report, groups)
            papers = self._papers(src, dst, report)
            sessions = self._sessions(src, dst, report, groups, people, papers)
            self._group_todos(src, dst, report, groups, people)
            self._assignments(src, dst, report, people, papers, sessions)
        return report

    # -- by name ---------------------------------------------------------------------------

    def _groups(self, src: OrmSession, dst: OrmSession, report: CopyReport) -> dict[int, int]:
        return _by_name(models.Group, src, dst, report, "groups")

    def _people(
        self, src: OrmSession, dst: OrmSession, report: CopyReport, groups: dict[int, int]
    ) -> dict[int, int]:
        found = _by_name(models.Person, src, dst, report, "people")
        for member in src.scalars(select(models.GroupMember)):
            key = (groups[member.group_id], found[member.person_id])
            if dst.get(models.GroupMember, key) is None:
                dst.add(
                    _clone(
                        models.GroupMember,
                        member,
                        "group_id",
                        "person_id",
                        group_id=key[0],
                        person_id=key[1],
                    )
                )
        dst.flush()
        return found

    def _papers(self, src: OrmSession, dst: OrmSession, report: CopyReport) -> dict[int, int]:
        found: dict[int, int] = {}
        for paper in src.scalars(select(models.Paper).order_by(models.Paper.id)):
            there_id = _known_paper(dst, paper)
            if there_id is None:
                there = _clone(models.Paper, paper, tags=lookup.tags(dst, _names(paper.tags)))
                dst.add(there)
                dst.flush()
                there_id = there.id
                report.copied["papers"] += 1
            else:
                report.known["papers"] += 1
            found[paper.id] = there_id
        return found

    # -- sessions --------------------------------------------------------------------------

    def _sessions(
        self,
        src: OrmSession,
        dst: OrmSession,
        report: CopyReport,
        groups: dict[int, int],
        people: dict[int, int],
        papers: dict[int, int],
    ) -> dict[int, int]:
        """Each source session's id -> the target's (copied, or the one known already)."""
        found: dict[int, int] = {}
        for row in src.scalars(select(models.Session).order_by(models.Session.id)):
            group_id = groups[row.group_id]
            there_id = _known_session(dst, row, group_id)
            if there_id is not None:
                found[row.id] = there_id
                report.known["sessions"] += 1
                continue
            copy = _clone(
                models.Session,
                row,
                "group_id",
                group_id=group_id,
                tags=lookup.tags(dst, _names(row.tags)),
            )
            copy.attendance = [
                _clone(
                    models.Attendance, a, "session_id", "person_id", person_id=people[a.person_id]
                )
                for a in row.attendance
            ]
            copy.presentations = [
                _clone(
                    models.Presentation,
                    p,
                    "session_id",
                    "presenter_id",
                    "paper_id",
                    presenter_id=_mapped(people, p.presenter_id),
                    paper_id=_mapped(papers, p.paper_id),
                )
                for p in row.presentations
            ]
            copy.checklist = [_todo(item, group_id, people) for item in row.checklist]
            dst.add(copy)
            dst.flush()
            for kind in (models.NoteRevision, models.Attachment):
                for old in src.scalars(select(kind).where(kind.session_id == row.id)):
                    dst.add(_clone(kind, old, "session_id", session_id=copy.id))
            found[row.id] = copy.id
            report.copied["sessions"] += 1
            report.copied["to-dos"] += len(copy.checklist)
        dst.flush()
        return found

    def _group_todos(
        self,
        src: OrmSession,
        dst: OrmSession,
        report: CopyReport,
        groups: dict[int, int],
        people: dict[int, int],
    ) -> None:
        """A group's own list (no session): a to-do of the same text there is the same."""
        own = select(models.ChecklistItem).where(models.ChecklistItem.session_id.is_(None))
        for item in src.scalars(own.order_by(models.ChecklistItem.id)):
            group_id = groups[item.group_id]
            there = dst.scalar(
                own.where(
                    models.ChecklistItem.group_id == group_id,
                    models.ChecklistItem.text == item.text,
                ).limit(1)
            )
            if there is not None:
                report.known["to-dos"] += 1
                continue
            dst.add(_todo(item, group_id, people))
            report.copied["to-dos"] += 1
        dst.flush()

    def _assignments(
        self,
        src: OrmSession,
        dst: OrmSession,
        report: CopyReport,
        people: dict[int, int],
        papers: dict[int, int],
        sessions: dict[int, int],
    ) -> None:
        """Who reads which paper for which session: one of the same paper, person, session
        and due date in the target is the same assignment (its status there is kept)."""
        assignment = models.ReadingAssignment
        for row in src.scalars(select(assignment).order_by(assignment.id)):
            values = {
                "paper_id": papers[row.paper_id],
                "person_id": people[row.person_id],
                "session_id": _mapped(sessions, row.session_id),
                "due_date": row.due_date,
            }
            same = [
                assignment.paper_id == values["paper_id"],
                assignment.person_id == values["person_id"],
                assignment.session_id.is_(None)
                if values["session_id"] is None
                else assignment.session_id == values["session_id"],
                assignment.due_date.is_(None)
                if row.due_date is None
                else assignment.due_date == row.due_date,
            ]
            if dst.scalar(select(assignment.id).where(*same).limit(1)) is not None:
                report.known["assignments"] += 1
                continue
            dst.add(_clone(assignment, row, *values, **values))
            report.copied["assignments"] += 1
        dst.flush()


def _todo(
    item: models.ChecklistItem, group_id: int, people: dict[int, int]
) -> models.ChecklistItem:
    return _clone(
        models.ChecklistItem,
        item,
        "session_id",
        "group_id",
        "assignee_id",
        group_id=group_id,
        assignee_id=_mapped(people, item.assignee_id),
    )


def _mapped(ids: dict[int, int], old: int | None) -> int | None:
    return None if old is None else ids.get(old)


def _names(tags: list[models.Tag]) -> list[str]:
    return [tag.name for tag in tags]


def _known_paper(dst: OrmSession, paper: models.Paper) -> int | None:
    for column, value in (
        (models.Paper.doi, paper.doi),
        (models.Paper.arxiv_id, paper.arxiv_id),
        (models.Paper.title_key, paper.title_key),
    ):
        if value:
            found = dst.scalar(select(models.Paper.id).where(column == value).limit(1))
            if found is not None:
                return int(found)
    return None


def _known_session(dst: OrmSession, row: models.Session, group_id: int) -> int | None:
    if row.source_path:
        query = select(models.Session.id).where(models.Session.source_path == row.source_path)
        part = models.Session.source_part
        query = query.where(part.is_(None) if row.source_part is None else part == row.source_part)
    else:
        query = select(models.Session.id).where(
            models.Session.group_id == group_id,
            models.Session.date == row.date,
            models.Session.title == row.title,
        )
    found = dst.scalar(query.limit(1))
    return None if found is None else int(found)
