"""To-dos: a session's own and a group's still-open ones."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import selectinload

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.dto import ChecklistItemInfo
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services import convert, lookup, session_details
from studyapp.core.services.sessions import load_session
from studyapp.core.tasks import TaskFields, parse_task_line


def apply_task(
    orm: OrmSession, item: models.ChecklistItem, task: TaskFields, *, allow_empty: bool = False
) -> None:
    """Copy every field of ``task`` onto the row (validated)."""
    text = task.text.strip()
    if not text and not allow_empty:
        raise ValidationError("A to-do needs some text.")
    if "\n" in text:
        raise ValidationError("A to-do is one line of text.")
    item.text = text
    item.done = task.done
    item.priority = models.Priority(task.priority) if task.priority else None
    item.recurrence = task.recurrence or None
    item.created_date = task.created_date
    item.start_date = task.start_date
    item.scheduled_date = task.scheduled_date
    item.due_date = task.due_date
    item.cancelled_date = task.cancelled_date
    item.done_date = task.done_date
    item.assignee = lookup.person(orm, task.assignee) if task.assignee else None


def task_from_text(line: str) -> TaskFields:
    """What a person typed in the add box: plain text or a whole Tasks line."""
    parsed = parse_task_line(line if line.lstrip().startswith(("- [", "* [")) else f"- [ ] {line}")
    if parsed is None or not parsed.text.strip():
        raise ValidationError("A to-do needs some text.")
    return parsed


class ChecklistService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def items(
        self, *, open_only: bool = False, session_id: int | None = None, group: str | None = None
    ) -> list[ChecklistItemInfo]:
        """To-dos oldest session first, in checklist order."""
        with self.db.transaction() as orm:
            query = (
                select(models.ChecklistItem, models.Group.name)
                .join(models.Group, models.ChecklistItem.group_id == models.Group.id)
                .outerjoin(models.Session, models.ChecklistItem.session_id == models.Session.id)
                .where(models.Session.deleted_at.is_(None))
                .options(selectinload(models.ChecklistItem.session))
            )
            if open_only:
                query = query.where(
                    models.ChecklistItem.done.is_(False),
                    models.ChecklistItem.cancelled_date.is_(None),
                )
            if session_id is not None:
                query = query.where(models.ChecklistItem.session_id == session_id)
            if group is not None:
                query = query.where(models.Group.name == group)
            query = query.order_by(
                models.Session.date,
                models.ChecklistItem.session_id,
                models.ChecklistItem.position,
                models.ChecklistItem.id,
            )
            return [convert.checklist_item_info(item, name) for item, name in orm.execute(query)]

    def carried_over(
        self, session_id: int, *, newest: int | None = None
    ) -> list[ChecklistItemInfo]:
        """Open to-dos of the group's earlier sessions, oldest first.

        ``newest`` keeps only that many of the most recent ones: a group that never ticks its
        to-dos off collects thousands over the years, and a session switch must stay instant.
        The query walks the group's sessions newest first on an index, so a limit stops it early.
        """
        with self.db.transaction() as orm:
            key = orm.execute(_SESSION_KEY, {"session_id": session_id}).first()
            if key is None:
                raise NotFoundError(f"There is no session {session_id}.")
            group_id, date, group_name = key
            params = {"group_id": group_id, "date": date}
            if newest is None:
                rows = orm.connection().execute(_CARRIED_OVER, params).all()
            else:
                params["newest"] = newest
                rows = orm.connection().execute(_NEWEST_CARRIED_OVER, params).all()
            return [_carried_item(row, group_name) for row in reversed(rows)]

    def add(self, session_id: int, text: str) -> ChecklistItemInfo:
        task = task_from_text(text)
        with self.db.transaction() as orm:
            session = load_session(orm, session_id)
            position = orm.scalar(
                select(func.coalesce(func.max(models.ChecklistItem.position), -1)).where(
                    models.ChecklistItem.session_id == session_id
                )
            )
            item = models.ChecklistItem(
                session=session,
                group_id=session.group_id,
                position=int(position or 0) + 1,
                text=task.text,
            )
            orm.add(item)
            apply_task(orm, item, task)
            orm.flush()
            return convert.checklist_item_info(item, session.group.name)

    def get(self, item_id: int) -> ChecklistItemInfo:
        with self.db.transaction() as orm:
            item = self._load(orm, item_id)
            return convert.checklist_item_info(item, _group_name(orm, item))

    def restore(self, removed: ChecklistItemInfo) -> ChecklistItemInfo:
        """Put back a removed to-do (undo): same session, fields and place in the list."""
        if removed.session_id is None:
            raise ValidationError("Only a session's to-do can be put back.")
        with self.db.transaction() as orm:
            session = load_session(orm, removed.session_id)
            item = models.ChecklistItem(
                session=session,
                group_id=session.group_id,
                position=0,
                text=removed.task.text,
                source_line=removed.source_line,
            )
            orm.add(item)
            apply_task(orm, item, removed.task)
            orm.flush()
            _reorder(orm, item, removed.position)
            return convert.checklist_item_info(item, session.group.name)

    def update(self, item_id: int, task: TaskFields) -> ChecklistItemInfo:
        with self.db.transaction() as orm:
            item = self._load(orm, item_id)
            apply_task(orm, item, task)
            orm.flush()
            return convert.checklist_item_info(item, _group_name(orm, item))

    def set_done(
        self, item_id: int, done: bool, *, today: dt.date | None = None
    ) -> ChecklistItemInfo:
        with self.db.transaction() as orm:
            item = self._load(orm, item_id)
            task = convert.task_fields(item)
            when = today or dt.date.today()
            apply_task(orm, item, replace(task, done=done, done_date=when if done else None))
            orm.flush()
            return convert.checklist_item_info(item, _group_name(orm, item))

    def remove(self, item_id: int) -> None:
        with self.db.transaction() as orm:
            orm.delete(self._load(orm, item_id))

    def move(self, item_id: int, new_position: int) -> None:
        """Reorder within the item's session."""
        with self.db.transaction() as orm:
            _reorder(orm, self._load(orm, item_id), new_position)

    @staticmethod
    def _load(orm: OrmSession, item_id: int) -> models.ChecklistItem:
        item = orm.get(models.ChecklistItem, item_id)
        if item is None:
            raise NotFoundError(f"There is no to-do {item_id}.")
        return item


def _reorder(orm: OrmSession, item: models.ChecklistItem, new_position: int) -> None:
    """Put ``item`` at ``new_position`` among its session's to-dos, numbering them 0, 1, ..."""
    siblings = list(
        orm.scalars(
            select(models.ChecklistItem)
            .where(models.ChecklistItem.session_id == item.session_id)
            .order_by(models.ChecklistItem.position, models.ChecklistItem.id)
        )
    )
    if item in siblings:
        siblings.remove(item)
    siblings.insert(max(0, min(new_position, len(siblings))), item)
    for position, row in enumerate(siblings):
        row.position = position


def _carried_item(row: Any, group: str) -> ChecklistItemInfo:
    """A row of ``ITEM_COLUMNS`` followed by its session's title and date."""
    return session_details.item_info(row, group, row[-2], row[-1])


def _group_name(orm: OrmSession, item: models.ChecklistItem) -> str:
    return str(orm.scalar(select(models.Group.name).where(models.Group.id == item.group_id)))


# Built once: composing a statement costs more Python than running it on an index.
# Three columns of the session, not its row with the notes.
_SESSION_KEY = (
    select(models.Session.group_id, models.Session.date, models.Group.name)
    .join(models.Group, models.Session.group_id == models.Group.id)
    .where(models.Session.id == bindparam("session_id"), models.Session.deleted_at.is_(None))
)
# Plain columns, not ORM rows: building a few dozen objects was most of a switch's wait here.
_CARRIED_OVER = (
    select(*session_details.ITEM_COLUMNS, models.Session.title, models.Session.date)
    .join(models.Session, models.ChecklistItem.session_id == models.Session.id)
    .outerjoin(*session_details.ASSIGNEE_JOIN)
    .where(
        models.Session.group_id == bindparam("group_id"),
        models.Session.date < bindparam("date"),
        models.Session.deleted_at.is_(None),
        models.ChecklistItem.group_id == bindparam("group_id"),
        models.ChecklistItem.done.is_(False),
        models.ChecklistItem.cancelled_date.is_(None),
    )
    .order_by(
        models.Session.date.desc(),
        models.Session.id.desc(),
        models.ChecklistItem.position.desc(),
        models.ChecklistItem.id.desc(),
    )
)
_NEWEST_CARRIED_OVER = _CARRIED_OVER.limit(bindparam("newest"))
