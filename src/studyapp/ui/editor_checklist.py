"""The to-do service as the window uses it: the open session's to-dos change in its editor.

A to-do of the open session is a line of the text being edited; changing it behind the
editor's back would be overwritten by the next keystroke. So ticking, adding, editing,
moving and removing one go through :class:`BodyBridge`; other sessions' to-dos (carried
over) are changed in the database as before.
"""

from __future__ import annotations

import datetime as dt

from studyapp.core.actor import Actor
from studyapp.core.db import Database
from studyapp.core.document import edits
from studyapp.core.dto import ChecklistItemInfo
from studyapp.core.errors import NotFoundError
from studyapp.core.services.checklist import ChecklistService, refuse_stale_text
from studyapp.core.services.checklist_fields import (
    checked_status,
    task_line_from_text,
    writable_task,
)
from studyapp.core.tasks import TaskFields, task_line_for
from studyapp.ui.body_bridge import BodyBridge


class EditorChecklist(ChecklistService):
    def __init__(self, database: Database, bridge: BodyBridge, actor: Actor | None = None) -> None:
        super().__init__(database, actor)
        self.bridge = bridge

    def _open(self, session_id: int | None) -> bool:
        return session_id is not None and session_id == self.bridge.session_id

    def _ordinal(self, item_id: int) -> int | None:
        """The to-do's place among the open session's to-dos, or None when not one of them."""
        self.bridge.save()  # what is typed first, so rows and text agree
        item = self.get(item_id)
        if not self._open(item.session_id):
            return None
        own = self.items(session_id=item.session_id)
        return next(i for i, other in enumerate(own) if other.id == item_id)

    def _at(self, session_id: int, edit: edits.LineEdit | None) -> ChecklistItemInfo:
        outline = self.bridge.outline()
        if edit is None or outline is None:
            raise NotFoundError("The to-do was not written.")
        ordinal = next(i for i, task in enumerate(outline.tasks) if task.line == edit.focus)
        return self.items(session_id=session_id)[ordinal]

    def add(self, session_id: int, text: str) -> ChecklistItemInfo:
        if not self._open(session_id):
            return super().add(session_id, text)
        line = task_line_from_text(text)
        edit = self.bridge.apply(lambda body, outline: edits.add_task(body, outline, line))
        return self._at(session_id, edit)

    def restore(self, removed: ChecklistItemInfo) -> ChecklistItemInfo:
        if not self._open(removed.session_id) or removed.session_id is None:
            return super().restore(removed)
        line = task_line_for(removed.task, removed.source_line)
        edit = self.bridge.apply(
            lambda body, outline: edits.insert_task(body, outline, removed.position, line)
        )
        return self._at(removed.session_id, edit)

    def update(
        self, item_id: int, task: TaskFields, *, based_on: str | None = None
    ) -> ChecklistItemInfo:
        ordinal = self._ordinal(item_id)
        if ordinal is None:
            return super().update(item_id, task, based_on=based_on)
        # Its text as saved now (what is typed included): refused as the service refuses it.
        refuse_stale_text(self.get(item_id).task.text, task.text, based_on)
        wanted = writable_task(task)  # refused as the service refuses it
        self.bridge.apply(lambda _body, outline: edits.rewrite_task(outline, ordinal, wanted))
        return self._nth(ordinal)

    def set_done(
        self, item_id: int, done: bool, *, today: dt.date | None = None
    ) -> ChecklistItemInfo | None:
        ordinal = self._ordinal(item_id)
        if ordinal is None:
            return super().set_done(item_id, done, today=today)
        when = today or dt.date.today()
        edit = self.bridge.apply(
            lambda _body, outline: edits.tick_task(outline, ordinal, done, when)
        )
        return self._focused(edit, ordinal)

    def set_status(
        self, item_id: int, symbol: str, *, today: dt.date | None = None
    ) -> ChecklistItemInfo | None:
        ordinal = self._ordinal(item_id)
        if ordinal is None:
            return super().set_status(item_id, symbol, today=today)
        checked_status(symbol)  # refused as the service refuses it
        when = today or dt.date.today()
        edit = self.bridge.apply(
            lambda _body, outline: edits.set_task_status(outline, ordinal, symbol, when)
        )
        return self._focused(edit, ordinal)

    def remove(self, item_id: int) -> None:
        ordinal = self._ordinal(item_id)
        if ordinal is None:
            super().remove(item_id)
            return
        self.bridge.apply(lambda _body, outline: edits.remove_task(outline, ordinal))

    def move(self, item_id: int, new_position: int) -> None:
        ordinal = self._ordinal(item_id)
        if ordinal is None:
            super().move(item_id, new_position)
            return
        self.bridge.apply(
            lambda body, outline: edits.move_task(body, outline, ordinal, new_position)
        )

    def _nth(self, ordinal: int) -> ChecklistItemInfo:
        session_id = self.bridge.session_id
        assert session_id is not None
        return self.items(session_id=session_id)[ordinal]

    def _focused(self, edit: edits.LineEdit | None, ordinal: int) -> ChecklistItemInfo | None:
        """The to-do on the edit's focus line (a recurring one done is below its next
        occurrence); None when it went. No edit (a read-only editor): as it was."""
        if edit is None:
            return self._nth(ordinal)
        if edit.focus is None:
            return None
        session_id = self.bridge.session_id
        assert session_id is not None
        return self._at(session_id, edit)
