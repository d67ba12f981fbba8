"""Sessions in full, read with a few plain queries for one session or a batch of them.

``SessionDetail`` values built straight from result rows: loading a dozen ORM objects a
session cost four times as much, which showed on every session switch and was most of the
time an export spent outside rendering. Collections keep the ORM relationships' orders (tags
by name, the rest by position), ties broken by id as the database's scan gives them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Executable, bindparam, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import BindParameter

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.document.outline import talk_texts
from studyapp.core.dto import ChecklistItemInfo, PaperInfo, PresentationInfo, SessionDetail
from studyapp.core.services.convert import split_ids
from studyapp.core.tasks import TaskFields

BATCH = 200  # sessions a transaction

_S = models.Session
_P = models.Presentation
_C = models.ChecklistItem
_Presenter = aliased(models.Person)
_Assignee = aliased(models.Person)
_IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)


def in_date_order(
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
            page = orm.connection().execute(query.order_by(_S.date, _S.id).limit(BATCH)).all()
            chunk = load(orm, [row.id for row in page])
        yield from chunk
        if len(page) < BATCH:
            return
        last = (page[-1].date, page[-1].id)


def load(orm: OrmSession, session_ids: Sequence[int]) -> list[SessionDetail]:
    """These sessions in full, in this order; ids of missing or trashed ones left out."""
    sessions = {row.id: row for row in _rows(orm, _SESSIONS, session_ids)}
    if not sessions:
        return []
    ids = [session_id for session_id in session_ids if session_id in sessions]
    tags = _by_first(_rows(orm, _SESSION_TAGS, ids))
    attendance = _by_first(_rows(orm, _ATTENDANCE, ids))
    slots = _presentations(orm, ids)
    items: dict[int, list[Any]] = defaultdict(list)  # whole ITEM_COLUMNS rows, for item_info
    for item in _rows(orm, _ITEMS, ids):
        items[item[0]].append(item)
    files = _by_first(_rows(orm, _ATTACHMENTS, ids))
    found = []
    for session_id in ids:
        row = sessions[session_id]
        group = row.group_name
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
                tags=tuple(name for (name,) in tags.get(session_id, ())),
                attendees=tuple(name for name, here in present if here),
                absentees=tuple(name for name, here in present if not here),
                attendees_raw=row.attendees_raw,
                body=row.body,
                presentations=_with_texts(row.body, slots.get(session_id, [])),
                checklist=tuple(
                    item_info(item, group, row.title, row.date)
                    for item in items.get(session_id, ())
                ),
                front_matter_blocks=tuple((str(key), str(raw)) for key, raw in blocks),
                created_at=row.created_at,
                updated_at=row.updated_at,
                version=row.version,
                source_path=row.source_path,
                attachments=tuple(name for (name,) in files.get(session_id, ())),
            )
        )
    return found


# Each statement is composed once and takes its ids as one expanding parameter: composing
# an IN of 200 values cost more than running it.
_SESSIONS = (
    select(
        _S.id,
        _S.title,
        _S.date,
        _S.start_time,
        _S.timezone,
        models.Group.name.label("group_name"),
        _S.kind,
        _S.status,
        _S.body,
        _S.attendees_raw,
        _S.front_matter,
        _S.created_at,
        _S.updated_at,
        _S.version,
        _S.source_path,
    )
    .join(models.Group, _S.group_id == models.Group.id)
    .where(_S.id.in_(_IDS), _S.deleted_at.is_(None))
)
# Tag names by name, as the tags relationships order them.
_SESSION_TAGS = (
    select(models.session_tags.c.session_id, models.Tag.name)
    .join(models.Tag, models.Tag.id == models.session_tags.c.tag_id)
    .where(models.session_tags.c.session_id.in_(_IDS))
    .order_by(models.Tag.name)
)
_PAPER_TAGS = (
    select(models.paper_tags.c.paper_id, models.Tag.name)
    .join(models.Tag, models.Tag.id == models.paper_tags.c.tag_id)
    .where(models.paper_tags.c.paper_id.in_(_IDS))
    .order_by(models.Tag.name)
)
_ATTENDANCE = (
    select(models.Attendance.session_id, models.Person.name, models.Attendance.present)
    .join(models.Person, models.Person.id == models.Attendance.person_id)
    .where(models.Attendance.session_id.in_(_IDS))
    .order_by(models.Attendance.position, models.Attendance.person_id)
)
_SLOTS = (
    select(
        _P.session_id,
        _P.id,
        _P.position,
        _Presenter.name,
        _P.heading_raw,
        _P.duration_seconds,
        _P.timebox_minutes,
        _P.paper_id,
    )
    .outerjoin(_Presenter, _Presenter.id == _P.presenter_id)
    .where(_P.session_id.in_(_IDS))
    .order_by(_P.position, _P.id)
)
_PAPERS = select(
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
).where(models.Paper.id.in_(_IDS))
# A to-do as plain columns, read with ``item_info``; the assignee comes from this join.
ITEM_COLUMNS = (
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
    _Assignee.name,
    _C.source_line,
    _C.status_symbol,
    _C.task_id,
    _C.depends_on,
    _C.on_completion,
    _C.block_link,
    _C.done_by,
)
ASSIGNEE_JOIN = (_Assignee, _Assignee.id == _C.assignee_id)
_ITEMS = (
    select(*ITEM_COLUMNS)
    .outerjoin(*ASSIGNEE_JOIN)
    .where(_C.session_id.in_(_IDS))
    .order_by(_C.position, _C.id)
)
_ATTACHMENTS = (
    select(models.Attachment.session_id, models.Attachment.name)
    .where(models.Attachment.session_id.in_(_IDS))
    .order_by(models.Attachment.id)
)


def _rows(orm: OrmSession, statement: Executable, ids: Iterable[int]) -> list[Any]:
    return list(orm.connection().execute(statement, {"ids": list(ids)}).all())


def _by_first(rows: list[Any]) -> dict[Any, list[tuple[Any, ...]]]:
    """Rows grouped by their first column, the rest of each row kept in order."""
    found: dict[Any, list[tuple[Any, ...]]] = defaultdict(list)
    for first, *rest in rows:
        found[first].append(tuple(rest))
    return found


def _presentations(orm: OrmSession, ids: list[int]) -> dict[int, list[PresentationInfo]]:
    rows = _rows(orm, _SLOTS, ids)
    # Each paper once (sessions of a group present the same papers), shared by its slots.
    papers = _papers(orm, {row[7] for row in rows if row[7] is not None})
    found: dict[int, list[PresentationInfo]] = defaultdict(list)
    for session_id, slot_id, position, presenter, heading, *timing in rows:
        duration, timebox, paper_id = timing
        found[session_id].append(
            PresentationInfo(
                id=slot_id,
                position=position,
                presenter=presenter,
                paper=None if paper_id is None else papers.get(paper_id),
                heading_raw=heading,
                duration_seconds=duration,
                timebox_minutes=timebox,
            )
        )
    return found


def _with_texts(body: str, slots: list[PresentationInfo]) -> tuple[PresentationInfo, ...]:
    """The talks with the lines under their headings in the body."""
    if not slots:
        return ()
    texts = talk_texts(body, [slot.heading_raw for slot in slots])
    return tuple(
        replace(slot, notes=notes, discussion=discussion)
        for slot, (notes, discussion) in zip(slots, texts, strict=True)
    )


def _papers(orm: OrmSession, paper_ids: set[int]) -> dict[int, PaperInfo]:
    if not paper_ids:
        return {}
    tags = _by_first(_rows(orm, _PAPER_TAGS, paper_ids))
    found = {}
    for row in _rows(orm, _PAPERS, paper_ids):
        paper_id, title, authors, venue, year, url, arxiv_id, doi, bibtex_key, abstract = row
        found[paper_id] = PaperInfo(
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
            tags=tuple(name for (name,) in tags.get(paper_id, ())),
        )
    return found


def item_info(
    row: Sequence[Any], group: str, title: str | None, date: dt.date | None
) -> ChecklistItemInfo:
    """A to-do from a row of ``ITEM_COLUMNS``."""
    session_id, item_id, position, text, done, priority, recurrence, created, start = row[:9]
    scheduled, due, cancelled, finished, assignee, source_line = row[9:15]
    symbol, task_id, depends_on, on_completion, block_link, done_by = row[15:21]
    return ChecklistItemInfo(
        id=item_id,
        session_id=session_id,
        group=group,
        position=position,
        task=TaskFields(
            text=text,
            done=done,
            priority=priority.value if priority else None,
            recurrence=recurrence,
            created_date=created,
            start_date=start,
            scheduled_date=scheduled,
            due_date=due,
            cancelled_date=cancelled,
            done_date=finished,
            assignee=assignee,
            status_symbol=symbol,
            task_id=task_id,
            depends_on=split_ids(depends_on),
            on_completion=on_completion,
            block_link=block_link,
        ),
        source_line=source_line,
        session_title=title,
        session_date=date,
        done_by=done_by,
    )
