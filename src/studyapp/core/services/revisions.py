"""Keeping earlier texts of a session's body, inside the caller's transaction.

A revision holds the text *being replaced*. While someone types, at most one is kept every
few minutes; a session switch or a restore always keeps one. Below the services that save
text, so each of them and the history service can use it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models

BODY = "body"  # the one text a session has
DEFAULT_INTERVAL = dt.timedelta(minutes=3)
KEEP_ALL_FOR = dt.timedelta(days=1)
HOURLY_FOR = dt.timedelta(days=7)
PREVIEW_CHARS = 80
# Only typing is throttled; these are kept whenever the text differs from the last one.
EDIT = "edit"
SWITCH = "switch"
BEFORE_RESTORE = "before restore"


def keep_revision(
    orm: OrmSession,
    session_id: int,
    field: str,
    content: str,
    *,
    reason: str = EDIT,
    min_interval: dt.timedelta = DEFAULT_INTERVAL,
    now: dt.datetime | None = None,
    author: str | None = None,
) -> bool:
    """Add a revision inside the caller's transaction; True when one was added.

    ``author`` is who wrote ``content`` (None when nobody was recorded).

    Blank text is not kept (nothing to lose), except before a restore, so that a restore
    over an empty note can still be undone.
    """
    if not content.strip() and reason != BEFORE_RESTORE:
        return False
    moment = now or models.utcnow()
    last = orm.execute(
        select(models.NoteRevision.content, models.NoteRevision.created_at)
        .where(models.NoteRevision.session_id == session_id, models.NoteRevision.field == field)
        .order_by(models.NoteRevision.created_at.desc(), models.NoteRevision.id.desc())
        .limit(1)
    ).first()
    if last is not None:
        if last.content == content:
            return False
        if reason == EDIT and moment - last.created_at < min_interval:
            return False
    orm.add(
        models.NoteRevision(
            session_id=session_id,
            field=field,
            content=content,
            reason=reason,
            created_at=moment,
            author=author,
        )
    )
    return True
