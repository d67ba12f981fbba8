"""Papers known only by their id, looked up again until their details are in.

An arXiv id or DOI added offline (or with ``--no-fetch``) is kept as a paper whose title is
its id (``PaperInfo.details_pending``). ``studyapp paper refresh`` and the window (now and
then, on a worker thread) ask arXiv and Crossref again and fill in what they answer, never
changing a field that has a value. A service that does not answer is not asked about the
next papers of the same round: offline, each would wait for its own timeout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import or_, select

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.dto import PaperInfo
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.papers.fields import PaperFields
from studyapp.core.papers.metadata import MetadataError, MetadataFetcher, MetadataUnavailable
from studyapp.core.services import convert, paper_rows
from studyapp.core.services.papers import PaperService


@dataclass(frozen=True)
class Filled:
    paper: PaperInfo  # as it is now
    fields: tuple[str, ...]  # the names of the fields filled in ("title", "authors", ...)


@dataclass(frozen=True)
class RefreshReport:
    filled: tuple[Filled, ...] = ()
    # Still pending, with the reason: the service did not answer (tried again later)...
    unanswered: tuple[tuple[PaperInfo, str], ...] = ()
    # ...or it answered that there is no such paper (the id was mistyped).
    unknown: tuple[tuple[PaperInfo, str], ...] = ()


def service_of(paper: PaperInfo) -> str:
    """Who is asked about ``paper``: arXiv for an arXiv id, else Crossref."""
    return "arXiv" if paper.arxiv_id else "Crossref"


class PendingPapers:
    def __init__(self, database: Database, *, fetcher: MetadataFetcher | None = None) -> None:
        self.db = database
        self.papers = PaperService(database, fetcher=fetcher)

    def waiting(self) -> list[PaperInfo]:
        """Papers whose details are still to be looked up, oldest first."""
        with self.db.transaction() as orm:
            rows = orm.scalars(
                select(models.Paper)
                .where(
                    models.Paper.deleted_at.is_(None),
                    or_(models.Paper.title.like("arXiv:%"), models.Paper.title.like("doi:%")),
                )
                .order_by(models.Paper.id)
            )
            found = [convert.paper_info(row) for row in rows]
        return [paper for paper in found if paper.details_pending]

    def fetch(self, paper: PaperInfo) -> PaperFields:
        """The details arXiv or Crossref has for ``paper`` (network; MetadataError)."""
        return self.papers.lookup(paper.arxiv_id or paper.doi or "")

    def fill_in(self, paper_id: int, fields: PaperFields) -> Filled:
        """The paper's empty fields filled from ``fields``; what it has stays."""
        checked = paper_rows.validated(fields)
        with self.db.transaction() as orm:
            row = orm.get(models.Paper, paper_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("There is no paper #{paper_id}.", paper_id=paper_id)
            names = paper_rows.fill_empty(orm, row, checked)
            orm.flush()
            return Filled(convert.paper_info(row), names)

    def refresh(self, *, stop: Callable[[], bool] | None = None) -> RefreshReport:
        """Look up every waiting paper once; ``stop()`` ends the round between papers."""
        filled: list[Filled] = []
        unanswered: list[tuple[PaperInfo, str]] = []
        unknown: list[tuple[PaperInfo, str]] = []
        silent: dict[str, str] = {}  # service -> why it did not answer this round
        for paper in self.waiting():
            if stop is not None and stop():
                break
            service = service_of(paper)
            if service in silent:
                unanswered.append((paper, silent[service]))
                continue
            try:
                fields = self.fetch(paper)
            except MetadataUnavailable as error:
                silent[service] = error.brief
                unanswered.append((paper, error.brief))
                continue
            except MetadataError as error:
                unknown.append((paper, error.brief))
                continue
            try:
                filled.append(self.fill_in(paper.id, fields))
            except NotFoundError:
                continue  # trashed meanwhile
            except ValidationError as error:
                unknown.append((paper, str(error)))
        return RefreshReport(tuple(filled), tuple(unanswered), tuple(unknown))
