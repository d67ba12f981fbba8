"""A session's row inside the caller's transaction: read (locked for a write), added, and
the status a new one starts with. The services that write a session share these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.actor import Actor
from studyapp.core.db import STATEMENT_TIMEOUT_MS, begin_writing
from studyapp.core.errors import NotFoundError
from studyapp.core.services import lookup
from studyapp.core.services.body_rows import sync_rows
from studyapp.core.services.fields import clean_timezone, clean_title, parse_kind, parse_status
from studyapp.core.services.members import author_name


def load_session(
    orm: OrmSession, session_id: int, *, include_deleted: bool = False, for_update: bool = False
) -> models.Session:
    """The session's row; ``for_update``: locked until the transaction ends and read as
    last committed, so a write that compares versions compares with the newest.

    On PostgreSQL this is ``SELECT ... FOR UPDATE``: two members saving at once take turns
    between the version check and the write. SQLite renders no FOR UPDATE: there the
    transaction takes the file's write lock before reading (``begin_writing``).
    """
    if for_update:
        begin_writing(orm)
        if orm.get_bind().dialect.name == "postgresql":
            # A save waits seconds at most for a lock or a slow server, then is retried.
            orm.execute(text(f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}"))
        row = orm.get(
            models.Session,
            session_id,
            with_for_update={"of": models.Session},  # not the eagerly joined rows
            populate_existing=True,
        )
    else:
        row = orm.get(models.Session, session_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError("There is no session {session_id}.", session_id=session_id)
    return row


def add_session(
    orm: OrmSession,
    *,
    group: str,
    title: str,
    date: dt.date,
    start_time: dt.time | None = None,
    timezone: str | None = None,
    kind: str = "other",
    status: str | None = None,
    tags: Sequence[str] = (),
    body: str = "",
    actor: Actor | None = None,
) -> models.Session:
    """A new session and the rows its body says, inside the caller's transaction (so an
    action that creates several creates all or none); ``actor`` wrote the body."""
    row = models.Session(
        group=lookup.group(orm, group),
        title=clean_title(title),
        date=date,
        start_time=start_time,
        timezone=clean_timezone(timezone),
        kind=parse_kind(kind),
        status=parse_status(status) if status else default_status(date),
        body=body,
        tags=lookup.tags(orm, list(tags)),
    )
    orm.add(row)
    orm.flush()
    if body:
        row.body_author = author_name(orm, actor, row.group_id)
        sync_rows(orm, row, author=row.body_author)
    return row


def default_status(date: dt.date) -> models.SessionStatus:
    return models.SessionStatus.PLANNED if date > dt.date.today() else models.SessionStatus.HELD
