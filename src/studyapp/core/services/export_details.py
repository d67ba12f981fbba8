"""Sessions in full for an export, read with a few plain queries per batch of sessions.

The same ``SessionDetail`` values that ``convert.session_detail`` makes of ORM rows, built
straight from result rows: loading a dozen ORM objects a session was most of the time an
export spent outside rendering. Collections keep the ORM relationships' orders (tags by
name, the rest by position), ties broken by id as the database's scan gives them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import aliased

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.dto import ChecklistItemInfo, PaperInfo, PresentationInfo, SessionDetail
from studyapp.core.tasks import TaskFields

BATCH = 200  # sessions a transaction

_S = models.Session
_P = models.Presentation
_C = models.ChecklistItem
_Presenter = aliased(models.Person)
_Assignee = aliased(models.Person)


def details(
    database: Database,
    *,
    group: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Iterator[SessionDetail]:
    """Every matching live session in full, oldest first (by date, then id)."""
    last: tuple[dt.date, int] | None = None
    while True:
        with database.transaction() as orm:
            query = select(_S.id, _S.date).where(_S.deleted_at.is_(None))
            if group is not None:
                query = query.join(models.Group, _S.group_id == models.Group.id).where(
                    models.Group.name == group.strip()
                )
            if since is not None:
                query = query.where(_S.date >= since)
            if until is not None:
                query = query.where(_S.date <= until)
            if last is not None:
                query = query.where(
                    (_S.date > last[0]) | ((_S.date == last[0]) & (_S.id > last[1]))
                )
            page = orm.execute(query.order_by(_S.date, _S.id).limit(BATCH)).all()
            chunk = load(orm, [row.id for row in page])
        yield from chunk
        if len(chunk) < BATCH:
            return
        last = (page[-1].date, page[-1].id)


def load(orm: OrmSession, session_ids: Sequence[int]) -> list[SessionDetail]:
    """These sessions in full, in this order."""
    if not session_ids:
        return []
    ids = list(session_ids)
    sessions = {row.id: row for row in orm.execute(select(*_SESSION).where(_S.id.in_(ids)))}
    groups = _groups(orm, {row.group_id for row in sessions.values()})
    tags = _names_by(orm, models.session_tags.c.session_id, ids)
    attendance = _attendance(orm, ids)
    slots = _presentations(orm, ids)
    items = _checklist(orm, ids)
    files = _attachments(orm, ids)
    found = []
    for session_id in ids:
        row = sessions[session_id]
        group = groups[row.group_id]
        present = attendance.get(session_id, [])
        blocks = row.front_matter.get("blocks", []) if row.front_matter else []
        found.append(
            SessionDetail(
                id=row.id,
                title=row.title,
                date=row.date,
                start_time=row.start_time,
                timezone=row.timezone,
                group=group,
                kind=row.kind.value,
                status=row.status.value,
                tags=tuple(tags.get(session_id, ())),
                attendees=tuple(name for name, here in present if here),
                absentees=tuple(name for name, here in present if not here),
                attendees_raw=row.attendees_raw,
                notes=row.notes,
                presentations=tuple(slots.get(session_id, ())),
                checklist=tuple(
                    _item_info(item, group, row.title, row.date)
                    for item in items.get(session_id, ())
                ),
                checklist_heading=row.checklist_heading,
                front_matter_blocks=tuple((str(key), str(raw)) for key, raw in blocks),
                created_at=row.created_at,
                updated_at=row.updated_at,
                version=row.version,
                source_path=row.source_path,
                attachments=tuple(files.get(session_id, ())),
            )
        )
    return found


_SESSION = (
    _S.id,
    _S.title,
    _S.date,
    _S.start_time,
    _S.timezone,
    _S.group_id,
    _S.kind,
    _S.status,
    _S.notes,
    _S.attendees_raw,
    _S.checklist_heading,
    _S.front_matter,
    _S.created_at,
    _S.updated_at,
    _S.version,
    _S.source_path,
)


def _groups(orm: OrmSession, group_ids: Iterable[int]) -> dict[int, str]:
    query = select(models.Group.id, models.Group.name).where(models.Group.id.in_(group_ids))
    return {group_id: name for group_id, name in orm.execute(query)}


def _names_by(
    orm: OrmSession, owner: ColumnElement[int], owner_ids: Iterable[int]
) -> dict[int, list[str]]:
    """Tag names of sessions (or papers), by name, as their ``tags`` relationships."""
    link = owner.table
    query = (
        select(owner, models.Tag.name)
        .join(models.Tag, models.Tag.id == link.c.tag_id)
        .where(owner.in_(list(owner_ids)))
        .order_by(models.Tag.name)
    )
    found: dict[int, list[str]] = defaultdict(list)
    for owner_id, name in orm.execute(query):
        found[owner_id].append(name)
    return found


def _attendance(orm: OrmSession, ids: list[int]) -> dict[int, list[tuple[str, bool]]]:
    query = (
        select(models.Attendance.session_id, models.Person.name, models.Attendance.present)
        .join(models.Person, models.Person.id == models.Attendance.person_id)
        .where(models.Attendance.session_id.in_(ids))
        .order_by(models.Attendance.position, models.Attendance.person_id)
    )
    found: dict[int, list[tuple[str, bool]]] = defaultdict(list)
    for session_id, name, present in orm.execute(query):
        found[session_id].append((name, present))
    return found


_PAPER = (
    models.Paper.id,
    models.Paper.title,
    models.Paper.authors,
    models.Paper.venue,
    models.Paper.year,
    models.Paper.url,
    models.Paper.arxiv_id,
    models.Paper.doi,
    models.Paper.bibtex_key,
    models.Paper.abstract,
)


def _presentations(orm: OrmSession, ids: list[int]) -> dict[int, list[PresentationInfo]]:
    query = (
        select(
            _P.session_id,
            _P.id,
            _P.position,
            _Presenter.name,
            _P.heading_raw,
            _P.notes,
            _P.discussion,
            _P.duration_seconds,
            _P.timebox_minutes,
            *_PAPER,
        )
        .outerjoin(_Presenter, _Presenter.id == _P.presenter_id)
        .outerjoin(models.Paper, models.Paper.id == _P.paper_id)
        .where(_P.session_id.in_(ids))
        .order_by(_P.position, _P.id)
    )
    rows = orm.execute(query).all()
    paper_ids = {row[9] for row in rows if row[9] is not None}
    paper_tags = _names_by(orm, models.paper_tags.c.paper_id, paper_ids) if paper_ids else {}
    found: dict[int, list[PresentationInfo]] = defaultdict(list)
    for row in rows:
        found[row[0]].append(
            PresentationInfo(
                id=row[1],
                position=row[2],
                presenter=row[3],
                paper=None if row[9] is None else _paper_info(row[9:], paper_tags),
                heading_raw=row[4],
                notes=row[5],
                discussion=row[6],
                duration_seconds=row[7],
                timebox_minutes=row[8],
            )
        )
    return found


def _paper_info(row: Sequence[Any], tags: dict[int, list[str]]) -> PaperInfo:
    paper_id, title, authors, venue, year, url, arxiv_id, doi, bibtex_key, abstract = row
    return PaperInfo(
        id=paper_id,
        title=title,
        authors=tuple(authors or ()),
        venue=venue,
        year=year,
        url=url,
        arxiv_id=arxiv_id,
        doi=doi,
        bibtex_key=bibtex_key,
        abstract=abstract or "",
        tags=tuple(tags.get(paper_id, ())),
    )


def _checklist(orm: OrmSession, ids: list[int]) -> dict[int, list[Any]]:  # result rows
    query = (
        select(
            _C.session_id,
            _C.id,
            _C.position,
            _C.text,
            _C.done,
            _C.priority,
            _C.recurrence,
            _C.created_date,
            _C.start_date,
            _C.scheduled_date,
            _C.due_date,
            _C.cancelled_date,
            _C.done_date,
            _Assignee.name.label("assignee"),
            _C.source_line,
        )
        .outerjoin(_Assignee, _Assignee.id == _C.assignee_id)
        .where(_C.session_id.in_(ids))
        .order_by(_C.position, _C.id)
    )
    found: dict[int, list[Any]] = defaultdict(list)
    for row in orm.execute(query):
        found[row.session_id].append(row)
    return found


def _item_info(row: Any, group: str, title: str, date: dt.date) -> ChecklistItemInfo:
    return ChecklistItemInfo(
        id=row.id,
        session_id=row.session_id,
        group=group,
        position=row.position,
        task=TaskFields(
            text=row.text,
            done=row.done,
            priority=row.priority.value if row.priority else None,
            recurrence=row.recurrence,
            created_date=row.created_date,
            start_date=row.start_date,
            scheduled_date=row.scheduled_date,
            due_date=row.due_date,
            cancelled_date=row.cancelled_date,
            done_date=row.done_date,
            assignee=row.assignee,
        ),
        source_line=row.source_line,
        session_title=title,
        session_date=date,
    )


def _attachments(orm: OrmSession, ids: list[int]) -> dict[int, list[str]]:
    """The image file names of each session, without loading the images."""
    query = (
        select(models.Attachment.session_id, models.Attachment.name)
        .where(models.Attachment.session_id.in_(ids))
        .order_by(models.Attachment.id)
    )
    found: dict[int, list[str]] = defaultdict(list)
    for session_id, name in orm.execute(query):
        found[session_id].append(name)
    return found
