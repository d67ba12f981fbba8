"""People and papers as pickers and completers need them."""

from __future__ import annotations

from sqlalchemy import func, or_, select

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.dto import PaperInfo
from studyapp.core.services import convert


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class LibraryService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def people(self) -> list[str]:
        """Every known person's name, alphabetically."""
        with self.db.transaction() as orm:
            return list(orm.scalars(select(models.Person.name).order_by(models.Person.name)))

    def papers(self, text: str | None = None, *, limit: int = 50) -> list[PaperInfo]:
        """Papers whose title, venue, arXiv id or DOI contain ``text``; newest first."""
        with self.db.transaction() as orm:
            query = select(models.Paper).where(models.Paper.deleted_at.is_(None))
            if text and text.strip():
                pattern = _like(text.strip())
                query = query.where(
                    or_(
                        func.lower(models.Paper.title).like(pattern.lower(), escape="\\"),
                        func.lower(models.Paper.venue).like(pattern.lower(), escape="\\"),
                        models.Paper.arxiv_id.like(pattern, escape="\\"),
                        models.Paper.doi.like(pattern.lower(), escape="\\"),
                    )
                )
            query = query.order_by(models.Paper.year.desc(), models.Paper.id.desc()).limit(limit)
            return [convert.paper_info(paper) for paper in orm.scalars(query)]
