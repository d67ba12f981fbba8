"""Presentation slots of a session: presenter, paper, notes, discussion, order."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.dto import PresentationInfo
from studyapp.core.errors import NotFoundError
from studyapp.core.markdown.document import PaperRef
from studyapp.core.services import convert, lookup
from studyapp.core.services.sessions import load_session, touch_session

_UNSET = object()


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
    ) -> PresentationInfo:
        with self.db.transaction() as orm:
            row = self._load(orm, presentation_id)
            if presenter is not _UNSET:
                row.presenter = lookup.person(orm, str(presenter)) if presenter else None
                row.heading_raw = None  # the imported heading no longer says who presents
            if paper is not _UNSET:
                row.paper = lookup.paper(orm, paper) if isinstance(paper, PaperRef) else None
                row.heading_raw = None
            if notes is not None and notes != row.notes:
                row.notes = notes
            if discussion is not None and discussion != row.discussion:
                row.discussion = discussion
            touch_session(row.session)
            orm.flush()
            return convert.presentation_info(row)

    def remove(self, presentation_id: int) -> None:
        with self.db.transaction() as orm:
            row = self._load(orm, presentation_id)
            if row.notes.strip() or row.discussion.strip():
                # Keep what was typed in the slot recoverable.
                orm.add(
                    models.NoteRevision(
                        session_id=row.session_id,
                        field=f"presentation:{row.id}:notes",
                        content=f"{row.notes}\n\n{row.discussion}".strip(),
                        reason="removed",
                    )
                )
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
