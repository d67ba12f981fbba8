"""A session's talks: each a heading of its body, with the lines under it.

Adding, retitling, timing, moving or removing a talk edits the body (``edit_body``); the
rows follow from it. Notes and discussion are simply the text under the heading.
"""

from __future__ import annotations

import functools
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.actor import Actor
from studyapp.core.db import Database, begin_writing
from studyapp.core.document import edits
from studyapp.core.document.compose import shown_paper, talk_heading
from studyapp.core.document.lines import scan_body
from studyapp.core.document.outline import Outline, derive
from studyapp.core.dto import PresentationInfo
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.markdown.document import PaperRef
from studyapp.core.services import convert, lookup, session_details
from studyapp.core.services.body_writes import edit_body
from studyapp.core.services.members import author_name
from studyapp.core.services.session_rows import load_session

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
        raise ValidationError(
            "A slot's time box can be at most {most} minutes.", most=MAX_TIMEBOX_MINUTES
        )
    return value


class PresentationService:
    def __init__(self, database: Database, actor: Actor | None = None) -> None:
        self.db = database
        self.actor = actor  # the member whose writes these are

    def _author(self, orm: OrmSession, session: models.Session) -> str | None:
        return author_name(orm, self.actor, session.group_id)

    def add(
        self,
        session_id: int,
        *,
        presenter: str | None = None,
        paper: PaperRef | None = None,
        title: str | None = None,
    ) -> PresentationInfo:
        """A talk heading after the last talk; ``title`` names a talk without a paper
        ("our project update")."""
        with self.db.transaction() as orm:
            session = load_session(orm, session_id, for_update=True)
            number = len(session.presentations) + 1
            _make_known(orm, presenter)
            if title and title.strip():
                who = f"{presenter.strip()}: " if presenter and presenter.strip() else ""
                if not who:  # "## our project update" alone would not read as a talk
                    who = f"Presentation {number}: "
                heading = f"## {who}{' '.join(title.split())}"
            else:
                heading = talk_heading(presenter, shown_paper(paper), number)
            _check_heading(orm, heading, presenter, None if title and title.strip() else paper)
            edit, outline = edit_body(
                orm,
                session,
                lambda b, o: edits.add_talk(b, o, heading),
                author=self._author(orm, session),
            )
            slot = self._slot_at_line(session, outline, edit.focus if edit else None, heading)
            orm.flush()
            return self._info(orm, slot)

    def heading_for(
        self, presenter: str | None, paper: PaperRef | None, number: int, *, level: int = 2
    ) -> str:
        """The heading a talk of ``presenter`` on ``paper`` is written as, once sure it reads
        back as that talk (the presenter becomes a person the database knows): for a window
        that writes the heading into its own editor."""
        with self.db.transaction() as orm:
            _make_known(orm, presenter)
            heading = talk_heading(presenter, shown_paper(paper), number, level=level)
            _check_heading(orm, heading, presenter, paper)
            return heading

    def update(
        self,
        presentation_id: int,
        *,
        presenter: str | object | None = _UNSET,
        paper: PaperRef | object | None = _UNSET,
        duration_seconds: int | object | None = _UNSET,
        timebox_minutes: int | object | None = _UNSET,
    ) -> PresentationInfo:
        """Change what is given: presenter or paper rewrite the talk's heading, duration and
        time box its ``⏱`` line; ``None`` clears presenter or paper."""
        duration = _UNSET if duration_seconds is _UNSET else _checked_duration(duration_seconds)
        timebox = _UNSET if timebox_minutes is _UNSET else _checked_timebox(timebox_minutes)
        with self.db.transaction() as orm:
            row = self._load(orm, presentation_id)
            session = row.session
            ordinal = list(session.presentations).index(row)
            if presenter is not _UNSET or paper is not _UNSET:
                who = row.presenter.name if row.presenter else None
                if presenter is not _UNSET:
                    who = str(presenter).strip() if presenter else None
                    _make_known(orm, who)
                shown = convert.paper_info(row.paper) if row.paper else None
                if paper is not _UNSET:
                    shown = shown_paper(paper) if isinstance(paper, PaperRef) else None
                level = _level(row.heading_raw)
                heading = talk_heading(who, shown, ordinal + 1, level=level)
                _check_heading(orm, heading, who, paper if isinstance(paper, PaperRef) else None)
                edit_body(
                    orm,
                    session,
                    lambda _b, o: edits.set_talk_heading(o, ordinal, heading),
                    author=self._author(orm, session),
                )
            if duration is not _UNSET or timebox is not _UNSET:
                used = row.duration_seconds if duration is _UNSET else cast(int | None, duration)
                box = row.timebox_minutes if timebox is _UNSET else cast(int | None, timebox)
                if used is None and duration is _UNSET and timebox is not None:
                    used = 0  # a time box lives on the "⏱" line: a talk not yet timed
                edit_body(
                    orm,
                    session,
                    lambda _b, o: edits.set_timing(o, ordinal, used, box),
                    author=self._author(orm, session),
                )
            orm.flush()
            return self._info(orm, list(session.presentations)[ordinal])

    def list_for_session(self, session_id: int) -> list[PresentationInfo]:
        """The session's talks in order, with the text under each heading."""
        detail = None
        with self.db.transaction() as orm:
            load_session(orm, session_id)
            found = session_details.load(orm, [session_id])
            detail = found[0] if found else None
        return list(detail.presentations) if detail else []

    def remove(self, presentation_id: int) -> None:
        """The talk's whole section leaves the body (kept as a revision first)."""
        with self.db.transaction() as orm:
            row = self._load(orm, presentation_id)
            ordinal = list(row.session.presentations).index(row)
            edit_body(
                orm,
                row.session,
                lambda _b, o: _section_removed(o, ordinal),
                reason="removed",
                author=self._author(orm, row.session),
            )

    def move(self, presentation_id: int, new_position: int) -> None:
        """The talk's section moved among the others, one neighbour at a time."""
        with self.db.transaction() as orm:
            row = self._load(orm, presentation_id)
            session = row.session
            ordinal = list(session.presentations).index(row)
            target = max(0, min(new_position, len(session.presentations) - 1))
            while ordinal != target:
                step = 1 if target > ordinal else -1
                edit_body(
                    orm,
                    session,
                    functools.partial(_move_talk, at=ordinal, by=step),
                    author=self._author(orm, session),
                )
                ordinal += step

    def _info(self, orm: OrmSession, row: models.Presentation) -> PresentationInfo:
        found = session_details.load(orm, [row.session_id])
        for info in found[0].presentations if found else ():
            if info.id == row.id:
                return info
        return convert.presentation_info(row)

    @staticmethod
    def _slot_at_line(
        session: models.Session, outline: Outline, line: int | None, heading: str
    ) -> models.Presentation:
        """The talk whose section holds the line the edit points at (its heading)."""
        ordinal = outline.talk_at(line) if line is not None else None
        if ordinal is None or ordinal >= len(session.presentations):
            raise ValidationError("{heading!r} is not read as a talk.", heading=heading)
        return list(session.presentations)[ordinal]

    @staticmethod
    def _load(orm: OrmSession, presentation_id: int) -> models.Presentation:
        """The talk, its session's row locked first (as a save locks it: they take turns)."""
        begin_writing(orm)  # SQLite: the write lock before the first read
        session_id = orm.scalar(
            select(models.Presentation.session_id).where(models.Presentation.id == presentation_id)
        )
        if session_id is not None:
            load_session(orm, session_id, include_deleted=True, for_update=True)
        row = orm.get(models.Presentation, presentation_id, populate_existing=True)
        if row is None:
            raise NotFoundError(
                "There is no presentation {presentation_id}.", presentation_id=presentation_id
            )
        return row


def _check_heading(
    orm: OrmSession, heading: str, presenter: str | None, paper: PaperRef | None
) -> None:
    """A ValidationError unless ``heading`` reads back as a talk of this presenter and
    paper: the body is what is kept, so a heading read otherwise would lose them."""
    people = list(orm.scalars(select(models.Person.name)))
    talks = derive(heading, people).talks
    talk = talks[0] if len(talks) == 1 else None
    problem = talk is None
    if talk is not None and presenter and presenter.strip():
        problem = talk.presenter != lookup.clean_name(presenter, "person's name")
    if talk is not None and paper is not None and paper.title.strip():
        title = lookup.clean_name(paper.title, "paper title")
        problem = problem or talk.paper is None or talk.paper.title != title
    if problem:
        raise ValidationError(
            "{heading!r} would not read back as this talk's heading; write the heading in the "
            "notes instead.",
            heading=heading.lstrip("#").strip(),
        )


def _make_known(orm: OrmSession, presenter: str | None) -> None:
    """The presenter as a person, so the heading naming them reads back as their talk
    ("## 민수: Title" is a talk only when 민수 is someone the database knows)."""
    if presenter and presenter.strip():
        lookup.person(orm, presenter.strip())


def _level(heading: str | None) -> int:
    lines = scan_body(heading or "")
    return lines[0].level or 2


def _move_talk(body: str, outline: Outline, *, at: int, by: int) -> edits.LineEdit | None:
    return edits.move_talk(body, outline, at, by)


def _section_removed(outline: Outline, ordinal: int) -> edits.LineEdit:
    talk = outline.talks[ordinal]
    return edits.LineEdit(talk.line, talk.end, ())
