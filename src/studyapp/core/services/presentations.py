"""Presentation slots of a session: presenter, paper, notes, discussion, order."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import selectinload

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.dto import PresentationInfo
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.markdown.document import PaperRef
from studyapp.core.services import assignments, convert, lookup
from studyapp.core.services.history import keep_revision, presentation_field, slot_text_revision
from studyapp.core.services.sessions import load_session, touch_session

_UNSET = object()
MAX_DURATION_SECONDS = 24 * 3600
MAX_TIMEBOX_MINUTES = 600


def _checked_duration(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError("A slot's duration must be zero or more seconds.")
    if value > MAX_DURATION_SECONDS:
        raise ValidationError("A slot cannot last longer than a day.")
    return value


def _checked_timebox(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValidationError("A slot's time box must be at least one minute.")
    if value > MAX_TIMEBOX_MINUTES:
        raise ValidationError(f"A slot's time box can be at most {MAX_TIMEBOX_MINUTES} minutes.")
    return value


class PresentationService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def add(
        self,
        session_id: int,
        *,
        presenter: str | None = None,
        paper: PaperRef | None = None,
        title: str | None = None,
    ) -> PresentationInfo:
        """Append a slot; ``title`` names a slot without a paper ("our project update")."""
        with self.db.transaction() as orm:
            session = load_session(orm, session_id)
            position = orm.scalar(
                select(func.coalesce(func.max(models.Presentation.position), -1)).where(
                    models.Presentation.session_id == session_id
                )
            )
            row = models.Presentation(
                session=session,
                position=int(position or 0) + 1,
                presenter=lookup.person(orm, presenter) if presenter else None,
                paper=lookup.paper(orm, paper) if paper else None,
                heading_raw=f"## {lookup.clean_name(title, 'slot title')}" if title else None,
            )
            orm.add(row)
            touch_session(session)
            assignments.mark_presented_for(orm, row)
            orm.flush()
            return convert.presentation_info(row)

    def update(
        self,
        presentation_id: int,
        *,
        presenter: str | object | None = _UNSET,
        paper: PaperRef | object | None = _UNSET,
        notes: str | None = None,
        discussion: str | None = None,
        duration_seconds: int | object | None = _UNSET,
        timebox_minutes: int | object | None = _UNSET,
    ) -> PresentationInfo:
        """Change what is given; ``None`` clears presenter, paper, duration or time box."""
        duration = _UNSET if duration_seconds is _UNSET else _checked_duration(duration_seconds)
        timebox = _UNSET if timebox_minutes is _UNSET else _checked_timebox(timebox_minutes)
        with self.db.transaction() as orm:
            row = self._load(orm, presentation_id)
            edited = False
            if presenter is not _UNSET:
                row.presenter = lookup.person(orm, str(presenter)) if presenter else None
                row.heading_raw = None  # the imported heading no longer says who presents
                edited = True
            if paper is not _UNSET:
                row.paper = lookup.paper(orm, paper) if isinstance(paper, PaperRef) else None
                row.heading_raw = None
                edited = True
            if notes is not None and notes != row.notes:
                field = presentation_field(row.id, "notes")
                keep_revision(orm, row.session_id, field, row.notes)  # throttled
                row.notes = notes
                edited = True
            if discussion is not None and discussion != row.discussion:
                field = presentation_field(row.id, "discussion")
                keep_revision(orm, row.session_id, field, row.discussion)  # throttled
                row.discussion = discussion
                edited = True
            timed = False
            if duration is not _UNSET and duration != row.duration_seconds:
                row.duration_seconds = duration  # type: ignore[assignment]
                timed = True
            if timebox is not _UNSET and timebox != row.timebox_minutes:
                row.timebox_minutes = timebox  # type: ignore[assignment]
                timed = True
            if edited:
                touch_session(row.session)
                assignments.mark_presented_for(orm, row)
            elif timed:
                # A running timer saves every half minute; bumping the version each time
                # would make every notes save look like a conflicting edit.
                row.session.updated_at = models.utcnow()
            orm.flush()
            return convert.presentation_info(row)

    def list_for_session(self, session_id: int) -> list[PresentationInfo]:
        """The session's slots in order; one query for slots, people and papers."""
        with self.db.transaction() as orm:
            load_session(orm, session_id)
            rows = orm.scalars(
                select(models.Presentation)
                .where(models.Presentation.session_id == session_id)
                .options(selectinload(models.Presentation.paper).selectinload(models.Paper.tags))
                .order_by(models.Presentation.position, models.Presentation.id)
            )
            return [convert.presentation_info(row) for row in rows]

    def remove(self, presentation_id: int) -> None:
        with self.db.transaction() as orm:
            row = self._load(orm, presentation_id)
            kept = slot_text_revision(row, "removed")  # what was typed stays recoverable
            if kept is not None:
                orm.add(kept)
            touch_session(row.session)
            orm.delete(row)

    def move(self, presentation_id: int, new_position: int) -> None:
        with self.db.transaction() as orm:
            row = self._load(orm, presentation_id)
            siblings = list(
                orm.scalars(
                    select(models.Presentation)
                    .where(models.Presentation.session_id == row.session_id)
                    .order_by(models.Presentation.position, models.Presentation.id)
                )
            )
            siblings.remove(row)
            siblings.insert(max(0, min(new_position, len(siblings))), row)
            for position, sibling in enumerate(siblings):
                sibling.position = position
            touch_session(row.session)

    @staticmethod
    def _load(orm: OrmSession, presentation_id: int) -> models.Presentation:
        row = orm.get(models.Presentation, presentation_id)
        if row is None:
            raise NotFoundError(f"There is no presentation {presentation_id}.")
        return row
