"""A group's own to-do list: rows with no session, so no body line to change.

Their status changes as a line's would (``tasks.status_changed``): ✅ and ❌ dates set and
cleared as the plugin sets them, a recurring to-do done gets its next occurrence above it,
and one saying ``🏁 delete`` goes when done.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.dto import ChecklistItemInfo
from studyapp.core.services import convert
from studyapp.core.services.body_rows import ticked_by
from studyapp.core.services.checklist_fields import apply_task
from studyapp.core.task_recurrence import next_occurrence
from studyapp.core.tasks import StatusType, status_changed


def set_status(
    orm: OrmSession,
    item: models.ChecklistItem,
    symbol: str,
    today: dt.date,
    *,
    author: str | None = None,
) -> ChecklistItemInfo | None:
    """The row with status ``symbol``; None when done took it away. ``author`` is recorded
    as who ticked it when it is done now."""
    task = convert.task_fields(item)
    changed = status_changed(task, symbol, today)
    if changed == task:
        return _info(orm, item)
    newly_done = changed.status_type is StatusType.DONE and task.status_type is not StatusType.DONE
    following = next_occurrence(task, today) if newly_done else None
    if following is not None:
        # Above the done one: the rows after it (and it) move down a place.
        orm.execute(
            update(models.ChecklistItem)
            .where(
                models.ChecklistItem.group_id == item.group_id,
                models.ChecklistItem.session_id.is_(None),
                models.ChecklistItem.position >= item.position,
            )
            .values(position=models.ChecklistItem.position + 1)
            .execution_options(synchronize_session="fetch")
        )
        new = models.ChecklistItem(group_id=item.group_id, position=item.position - 1, text="")
        apply_task(orm, new, following)
        orm.add(new)
    if newly_done and task.on_completion == "delete":
        orm.delete(item)
        orm.flush()
        return None
    was_done = bool(item.done)
    apply_task(orm, item, changed)
    item.done_by = ticked_by(bool(item.done), was_done, item.done_by, author)
    orm.flush()
    return _info(orm, item)


def _info(orm: OrmSession, item: models.ChecklistItem) -> ChecklistItemInfo:
    name = orm.scalar(select(models.Group.name).where(models.Group.id == item.group_id))
    return convert.checklist_item_info(item, str(name))
