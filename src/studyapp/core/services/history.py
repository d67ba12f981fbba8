"""Note history: earlier texts of a session's body, their differences, restoring one.

Revisions are kept by the services that save a body (``revisions.py``). Old ones are
thinned to one an hour after a day and one a day after a week, never the newest.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.actor import Actor
from studyapp.core.db import Database
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services.body_writes import save_body
from studyapp.core.services.members import author_name
from studyapp.core.services.revisions import (
    BEFORE_RESTORE,
    BODY,
    DEFAULT_INTERVAL,
    EDIT,
    HOURLY_FOR,
    KEEP_ALL_FOR,
    PREVIEW_CHARS,
    keep_revision,
)

DiffKind = Literal["same", "added", "removed"]


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    id: int
    field: str
    created_at: dt.datetime  # aware, UTC
    reason: str
    size: int  # characters
    preview: str  # the first non-empty line, shortened
    author: str | None = None  # who wrote this text; None when nobody was recorded


@dataclass(frozen=True, slots=True)
class DiffLine:
    kind: DiffKind
    text: str


def check_field(field: str) -> None:
    if field != BODY:
        raise ValidationError("Unknown note field {field!r}.", field=field)


def diff(old: str, new: str) -> list[DiffLine]:
    """Every line of both texts in order, marked as kept, added (in ``new``) or removed."""
    old_lines = old.splitlines()
    new_lines = new.splitlines()
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines.extend(DiffLine("same", text) for text in old_lines[i1:i2])
            continue
        lines.extend(DiffLine("removed", text) for text in old_lines[i1:i2])
        lines.extend(DiffLine("added", text) for text in new_lines[j1:j2])
    return lines


def _preview(content: str) -> str:
    line = next((line.strip() for line in content.splitlines() if line.strip()), "")
    return line if len(line) <= PREVIEW_CHARS else line[: PREVIEW_CHARS - 1] + "…"


def _bucket(created: dt.datetime, age: dt.timedelta) -> Hashable | None:
    """The thinning bucket of a revision; None = always kept."""
    if age < KEEP_ALL_FOR:
        return None
    if age < HOURLY_FOR:
        return ("hour", created.replace(minute=0, second=0, microsecond=0))
    return ("day", created.date())


class HistoryService:
    def __init__(self, database: Database, actor: Actor | None = None) -> None:
        self.db = database
        self.actor = actor  # the member whose text ``record`` keeps and who restores

    diff = staticmethod(diff)

    def record(
        self,
        session_id: int,
        field: str,
        content: str,
        *,
        reason: str = EDIT,
        min_interval: dt.timedelta = DEFAULT_INTERVAL,
        now: dt.datetime | None = None,
    ) -> bool:
        """Keep ``content`` as a revision of ``field``; True when one was stored.

        An "edit" is skipped when the field's last revision is newer than ``min_interval``;
        any other reason ("switch", "before restore") is always kept. Text identical to the
        last revision is never stored twice.
        """
        check_field(field)
        with self.db.transaction() as orm:
            session = self._require_session(orm, session_id)
            # The text saved is the body's writer's; any other is this window's own typing.
            if content == session.body:
                author = session.body_author
            else:
                author = author_name(orm, self.actor, session.group_id)
            return keep_revision(
                orm,
                session_id,
                field,
                content,
                reason=reason,
                min_interval=min_interval,
                now=now,
                author=author,
            )

    def revisions(self, session_id: int, field: str = BODY) -> list[RevisionInfo]:
        """The field's revisions, newest first."""
        with self.db.transaction() as orm:
            self._require_session(orm, session_id)
            rows = orm.scalars(
                select(models.NoteRevision)
                .where(
                    models.NoteRevision.session_id == session_id,
                    models.NoteRevision.field == field,
                )
                .order_by(models.NoteRevision.created_at.desc(), models.NoteRevision.id.desc())
            )
            return [
                RevisionInfo(
                    id=row.id,
                    field=row.field,
                    created_at=row.created_at,
                    reason=row.reason,
                    size=len(row.content),
                    preview=_preview(row.content),
                    author=row.author,
                )
                for row in rows
            ]

    def content(self, revision_id: int) -> str:
        with self.db.transaction() as orm:
            return self._load(orm, revision_id).content

    def restore(self, session_id: int, revision_id: int) -> str:
        """Write the revision's text back as the body and return it.

        The text it replaces is kept first (reason "before restore"), so restoring that
        revision undoes the restore. Both in one transaction: a restore that fails leaves
        no "before restore" revision behind.
        """
        with self.db.transaction() as orm:
            revision = self._load(orm, revision_id)
            if revision.session_id != session_id:
                raise NotFoundError(
                    "Session {session_id} has no revision {revision_id}.",
                    session_id=session_id,
                    revision_id=revision_id,
                )
            text = revision.content
            session = orm.get(models.Session, session_id)
            if session is None or session.deleted_at is not None:
                raise NotFoundError("There is no session {session_id}.", session_id=session_id)
            if session.body == text:
                return text
            keep_revision(
                orm,
                session_id,
                BODY,
                session.body,
                reason=BEFORE_RESTORE,
                author=session.body_author,
            )
            save_body(orm, session, text, author=author_name(orm, self.actor, session.group_id))
        return text

    def thin(self, session_id: int | None = None, *, now: dt.datetime | None = None) -> int:
        """Delete surplus old revisions; returns how many were deleted.

        Per field: everything from the last day, the newest of each hour for a week, the
        newest of each day after that; the field's newest revision is always kept.
        """
        moment = now or models.utcnow()
        query = select(
            models.NoteRevision.id,
            models.NoteRevision.session_id,
            models.NoteRevision.field,
            models.NoteRevision.created_at,
        ).order_by(models.NoteRevision.created_at.desc(), models.NoteRevision.id.desc())
        if session_id is not None:
            query = query.where(models.NoteRevision.session_id == session_id)
        with self.db.transaction() as orm:
            newest_seen: set[tuple[int, str]] = set()
            buckets_seen: set[tuple[int, str, Hashable]] = set()
            doomed: list[int] = []
            for row in orm.execute(query):
                key = (row.session_id, row.field)
                bucket = _bucket(row.created_at, moment - row.created_at)
                newest = key not in newest_seen  # rows come newest first
                newest_seen.add(key)
                if bucket is None:
                    continue
                if not newest and (*key, bucket) in buckets_seen:
                    doomed.append(row.id)
                buckets_seen.add((*key, bucket))
            for start in range(0, len(doomed), 500):  # stay under SQLite's variable limit
                chunk = doomed[start : start + 500]
                orm.execute(delete(models.NoteRevision).where(models.NoteRevision.id.in_(chunk)))
            return len(doomed)

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _require_session(orm: OrmSession, session_id: int) -> models.Session:
        session = orm.get(models.Session, session_id)
        if session is None:
            raise NotFoundError("There is no session {session_id}.", session_id=session_id)
        return session

    @staticmethod
    def _load(orm: OrmSession, revision_id: int) -> models.NoteRevision:
        row = orm.get(models.NoteRevision, revision_id)
        if row is None:
            raise NotFoundError(
                "There is no revision {revision_id}; it may have been thinned.",
                revision_id=revision_id,
            )
        return row
