"""To-dos: a session's own and a group's still-open ones.

A session's to-do is a Tasks line of its body: every change here is a change to that line
(``edit_body``), and the row follows from the body.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import selectinload

from studyapp.core import models
from studyapp.core.actor import Actor
from studyapp.core.db import Database, begin_writing
from studyapp.core.document.edits import (
    LineEdit,
    add_task,
    insert_task,
    move_task,
    remove_task,
    rewrite_task,
    set_task_status,
)
from studyapp.core.document.outline import Outline
from studyapp.core.dto import ChecklistItemInfo
from studyapp.core.errors import NotFoundError, StaleWriteError, ValidationError
from studyapp.core.services import convert, group_list, session_details
from studyapp.core.services.body_writes import edit_body
from studyapp.core.services.checklist_fields import (
    apply_task,
    checked_status,
    task_line_from_text,
    writable_task,
)
from studyapp.core.services.members import author_name
from studyapp.core.services.session_rows import load_session
from studyapp.core.tasks import TaskFields, task_line_for
from studyapp.core.tasks.statuses import CANCELLED, DONE, TODO


class ChecklistService:
    def __init__(self, database: Database, actor: Actor | None = None) -> None:
        self.db = database
        self.actor = actor  # the member whose writes (and ticks) these are

    def _author(self, orm: OrmSession, group_id: int) -> str | None:
        return author_name(orm, self.actor, group_id)

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
                query = query.where(*_OPEN)
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
                raise NotFoundError("There is no session {session_id}.", session_id=session_id)
            group_id, date, group_name = key
            params = {"group_id": group_id, "date": date}
            if newest is None:
                rows = orm.connection().execute(_CARRIED_OVER, params).all()
            else:
                params["newest"] = newest
                rows = orm.connection().execute(_NEWEST_CARRIED_OVER, params).all()
            return [_carried_item(row, group_name) for row in reversed(rows)]

    def add(self, session_id: int, text: str) -> ChecklistItemInfo:
        """A Tasks line appended to the session's to-do list in its body."""
        line = task_line_from_text(text)
        with self.db.transaction() as orm:
            session = load_session(orm, session_id, for_update=True)
            edit, outline = edit_body(
                orm,
                session,
                lambda body, o: add_task(body, o, line),
                author=self._author(orm, session.group_id),
            )
            return self._item_at_line(orm, session, outline, edit)

    def get(self, item_id: int) -> ChecklistItemInfo:
        with self.db.transaction() as orm:
            item = self._load(orm, item_id)
            return convert.checklist_item_info(item, _group_name(orm, item))

    def restore(self, removed: ChecklistItemInfo) -> ChecklistItemInfo:
        """Put back a removed to-do (undo): its line, at its place among the to-dos."""
        if removed.session_id is None:
            raise ValidationError("Only a session's to-do can be put back.")
        line = task_line_for(removed.task, removed.source_line)
        with self.db.transaction() as orm:
            session = load_session(orm, removed.session_id, for_update=True)
            edit, outline = edit_body(
                orm,
                session,
                lambda body, o: insert_task(body, o, removed.position, line),
                author=self._author(orm, session.group_id),
            )
            return self._item_at_line(orm, session, outline, edit)

    def update(
        self, item_id: int, task: TaskFields, *, based_on: str | None = None
    ) -> ChecklistItemInfo:
        """Write the to-do's fields. ``based_on`` is its text as the editor showed it: when
        someone changed that text meanwhile, the edit is refused rather than replace it."""
        with self.db.transaction() as orm:
            item = self._load(orm, item_id)
            refuse_stale_text(item.text, task.text, based_on)
            if item.session is None:  # a group's own list has no body
                apply_task(orm, item, task)
            else:
                ordinal = self._ordinal(item)
                wanted = writable_task(task)
                edit_body(
                    orm,
                    item.session,
                    lambda _b, o: rewrite_task(o, ordinal, wanted),
                    author=self._author(orm, item.group_id),
                )
            orm.flush()
            return convert.checklist_item_info(item, _group_name(orm, item))

    def set_done(
        self, item_id: int, done: bool, *, today: dt.date | None = None
    ) -> ChecklistItemInfo | None:
        """Tick or clear the to-do: its line in the body changes in place (✅ date). A
        recurring to-do done gets its next occurrence, a new to-do, above it. The to-do as it
        is now; None when done took it away (``🏁 delete``). Clearing leaves an in-progress
        or cancelled to-do as it is."""
        with self.db.transaction() as orm:
            item = self._load(orm, item_id)
            if item.done == done:
                return convert.checklist_item_info(item, _group_name(orm, item))
            return self._set_status(orm, item, DONE if done else TODO, today or dt.date.today())

    def set_status(
        self, item_id: int, symbol: str, *, today: dt.date | None = None
    ) -> ChecklistItemInfo | None:
        """Give the to-do status ``symbol``: ``x`` done, `` `` to do, ``/`` in progress, ``-``
        cancelled (``❌ today``), or any other character; as :meth:`set_done` does."""
        checked_status(symbol)
        with self.db.transaction() as orm:
            item = self._load(orm, item_id)
            return self._set_status(orm, item, symbol, today or dt.date.today())

    def _set_status(
        self, orm: OrmSession, item: models.ChecklistItem, symbol: str, today: dt.date
    ) -> ChecklistItemInfo | None:
        session = item.session
        author = self._author(orm, item.group_id)
        if session is None:  # a group's own list has no body
            return group_list.set_status(orm, item, symbol, today, author=author)
        ordinal = self._ordinal(item)
        edit, outline = edit_body(
            orm,
            session,
            lambda _b, o: set_task_status(o, ordinal, symbol, today),
            author=author,
        )
        return self._item_at_focus(orm, session, outline, edit)

    def remove(self, item_id: int) -> None:
        with self.db.transaction() as orm:
            item = self._load(orm, item_id)
            if item.session is None:
                orm.delete(item)
                return
            ordinal = self._ordinal(item)
            edit_body(
                orm,
                item.session,
                lambda _b, o: remove_task(o, ordinal),
                author=self._author(orm, item.group_id),
            )

    def move(self, item_id: int, new_position: int) -> None:
        """Reorder within the item's session: its line moves in the body."""
        with self.db.transaction() as orm:
            item = self._load(orm, item_id)
            if item.session is None:
                return
            ordinal = self._ordinal(item)
            edit_body(
                orm,
                item.session,
                lambda b, o: move_task(b, o, ordinal, new_position),
                author=self._author(orm, item.group_id),
            )

    @staticmethod
    def _ordinal(item: models.ChecklistItem) -> int:
        session = item.session
        assert session is not None
        return list(session.checklist).index(item)

    @classmethod
    def _item_at_line(
        cls, orm: OrmSession, session: models.Session, outline: Outline, edit: LineEdit | None
    ) -> ChecklistItemInfo:
        found = cls._item_at_focus(orm, session, outline, edit)
        if found is None:
            raise ValidationError("The to-do's line was not read back as a to-do.")
        return found

    @staticmethod
    def _item_at_focus(
        orm: OrmSession, session: models.Session, outline: Outline, edit: LineEdit | None
    ) -> ChecklistItemInfo | None:
        """The to-do on the edit's focus line; None when there is none."""
        orm.flush()
        line = edit.focus if edit is not None else None
        ordinal = next((i for i, t in enumerate(outline.tasks) if t.line == line), None)
        items = list(session.checklist)
        if ordinal is None or ordinal >= len(items):
            return None
        return convert.checklist_item_info(items[ordinal], session.group.name)

    @staticmethod
    def _load(orm: OrmSession, item_id: int) -> models.ChecklistItem:
        """The to-do, its session's row locked first (see ``load_session``): a tick or an
        edit and a save of the same body take turns, each reading the other's result."""
        begin_writing(orm)  # SQLite: the write lock before the first read
        session_id = orm.scalar(
            select(models.ChecklistItem.session_id).where(models.ChecklistItem.id == item_id)
        )
        if session_id is not None:
            load_session(orm, session_id, include_deleted=True, for_update=True)
            item = orm.get(models.ChecklistItem, item_id, populate_existing=True)
        else:  # a group's own list: the to-do's own row
            item = orm.get(
                models.ChecklistItem,
                item_id,
                with_for_update={"of": models.ChecklistItem},
                populate_existing=True,
            )
        if item is None:
            raise NotFoundError("There is no to-do {item_id}.", item_id=item_id)
        return item


def _carried_item(row: Any, group: str) -> ChecklistItemInfo:
    """A row of ``ITEM_COLUMNS`` followed by its session's title and date."""
    return session_details.item_info(row, group, row[-2], row[-1])


def _group_name(orm: OrmSession, item: models.ChecklistItem) -> str:
    return str(orm.scalar(select(models.Group.name).where(models.Group.id == item.group_id)))


# Neither done nor cancelled: a "[-]" line, or one with a ❌ date (as rows said before
# they kept the status).
_OPEN = (
    models.ChecklistItem.done.is_(False),
    models.ChecklistItem.status_symbol != CANCELLED,
    models.ChecklistItem.cancelled_date.is_(None),
)
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
        *_OPEN,
    )
    .order_by(
        models.Session.date.desc(),
        models.Session.id.desc(),
        models.ChecklistItem.position.desc(),
        models.ChecklistItem.id.desc(),
    )
)
_NEWEST_CARRIED_OVER = _CARRIED_OVER.limit(bindparam("newest"))


def refuse_stale_text(current: str, wanted: str, based_on: str | None) -> None:
    """Raise when an edit based on ``based_on`` would replace text changed since."""
    if based_on is None or current in (based_on, wanted):
        return
    raise StaleWriteError(
        "This to-do was changed elsewhere while you edited it (it now says “{current}”); "
        "your edit was not saved. Edit it again from what it says now.",
        current=current,
    )
