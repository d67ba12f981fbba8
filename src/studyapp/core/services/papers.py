"""The papers library: add by arXiv id, DOI or BibTeX, catch duplicates, list, export.

Network lookups happen outside any database transaction (they may take seconds); a batch
of BibTeX entries is added in one transaction so a bad entry leaves nothing half-added.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import selectinload

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.dto import PaperInfo
from studyapp.core.errors import ImportFileError, NotFoundError, ValidationError
from studyapp.core.papers.fields import PaperFields
from studyapp.core.papers.identifiers import (
    normalize_arxiv,
    parse_arxiv,
    parse_doi,
    placeholder_title,
)
from studyapp.core.papers.metadata import MetadataError, MetadataFetcher, MetadataUnavailable
from studyapp.core.papers.reading_list import Assigned, ListedPaper, Presented, render_reading_list
from studyapp.core.services import convert, lookup, paper_rows

__all__ = [
    "AddResult",
    "DuplicatePaperError",
    "MetadataError",
    "MetadataUnavailable",
    "PaperFields",
    "PaperRow",
    "PaperService",
]

_ARXIV_DOI_PREFIX = "10.48550/arxiv."  # arXiv's own DOIs live at DataCite, not Crossref


@dataclass(frozen=True)
class PaperRow:
    paper: PaperInfo
    times_presented: int
    last_presented: dt.date | None


@dataclass(frozen=True)
class AddResult:
    created: tuple[PaperInfo, ...]
    duplicates: tuple[PaperInfo, ...]
    warnings: tuple[str, ...]
    # Papers already in the library whose empty fields were filled: (id, field names).
    filled: tuple[tuple[int, tuple[str, ...]], ...] = ()
    # Why an id was kept without its details (the network did not answer); None otherwise.
    pending_because: str | None = None

    def filled_in(self, paper_id: int) -> tuple[str, ...]:
        return next((names for pid, names in self.filled if pid == paper_id), ())


class DuplicatePaperError(ValidationError):
    code = "duplicate"

    def __init__(self, existing: PaperInfo) -> None:
        super().__init__(
            "Already in the library: #{id} {title}", id=existing.id, title=existing.title
        )
        self.existing = existing


def _unrecognized(text: str) -> ValidationError:
    shown = " ".join(text.split())
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    return ValidationError("Not an arXiv id, DOI or BibTeX entry: {text}", text=shown or "(empty)")


def _incomplete(paper: PaperInfo) -> bool:
    """Worth a lookup: the paper lacks what a lookup gives."""
    return paper.details_pending or not paper.authors or paper.year is None


def _placeholder(text: str) -> PaperFields | None:
    """Fields holding just the id in ``text``, for adding without a network lookup."""
    arxiv = parse_arxiv(text)
    doi = parse_doi(text) if arxiv is None else None
    if doi is not None and doi.startswith(_ARXIV_DOI_PREFIX):
        arxiv = parse_arxiv(doi[len(_ARXIV_DOI_PREFIX) :])
    if arxiv is not None:
        return PaperFields(title=placeholder_title(arxiv.id, None) or "", arxiv_id=arxiv.id)
    if doi is not None:
        return PaperFields(title=placeholder_title(None, doi) or "", doi=doi)
    return None


class PaperService:
    def __init__(self, database: Database, *, fetcher: MetadataFetcher | None = None) -> None:
        self.db = database
        self.fetcher = fetcher or MetadataFetcher()

    # -- reading input ---------------------------------------------------------------------

    def lookup(self, text: str) -> PaperFields:
        """Fields for an arXiv id/URL, a DOI/URL (network) or a BibTeX entry (first one)."""
        from studyapp.core.papers import bibtex  # bibtexparser loads on first use

        text = text.strip()
        arxiv = parse_arxiv(text)
        if arxiv is not None:
            return self.fetcher.arxiv(arxiv.id)
        doi = parse_doi(text)
        if doi is not None:
            if doi.startswith(_ARXIV_DOI_PREFIX):
                arxiv_id = normalize_arxiv(doi[len(_ARXIV_DOI_PREFIX) :])
                if arxiv_id:
                    return self.fetcher.arxiv(arxiv_id)
            return self.fetcher.crossref(doi)
        if bibtex.looks_like_bibtex(text):
            return bibtex.parse_bibtex(text)[0]
        raise _unrecognized(text)

    def id_only(self, text: str) -> PaperFields | None:
        """The fields of a paper known by the arXiv id or DOI in ``text`` alone (its details
        pending), or None when ``text`` names neither."""
        return _placeholder(text.strip())

    def parse_bibtex(self, text: str) -> list[PaperFields]:
        from studyapp.core.papers import bibtex  # bibtexparser loads on first use

        return bibtex.parse_bibtex(text)

    # -- writing ---------------------------------------------------------------------------

    def find_duplicate(self, fields: PaperFields) -> PaperInfo | None:
        checked = paper_rows.validated(fields)
        with self.db.transaction() as orm:
            found = paper_rows.matching(orm, checked)
            return convert.paper_info(found) if found else None

    def add(self, fields: PaperFields) -> PaperInfo:
        checked = paper_rows.validated(fields)
        with self.db.transaction() as orm:
            existing = paper_rows.matching(orm, checked)
            if existing is not None:
                raise DuplicatePaperError(convert.paper_info(existing))
            return convert.paper_info(paper_rows.create(orm, checked))

    def add_many(self, many: list[PaperFields]) -> AddResult:
        """Each new paper created; each known one reported, its empty fields filled from
        what is given (never a field that has a value); all in one transaction."""
        checked = [paper_rows.validated(fields) for fields in many]
        created: list[PaperInfo] = []
        duplicates: list[PaperInfo] = []
        warnings: list[str] = []
        filled: list[tuple[int, tuple[str, ...]]] = []
        with self.db.transaction() as orm:
            for fields in checked:
                existing = paper_rows.matching(orm, fields)
                if existing is None:
                    created.append(convert.paper_info(paper_rows.create(orm, fields)))
                    continue
                same_id = (fields.arxiv_id and existing.arxiv_id == fields.arxiv_id) or (
                    fields.doi and existing.doi == fields.doi
                )
                if same_id or existing.title_key == lookup.title_key(fields.title):
                    names = paper_rows.fill_empty(orm, existing, fields)
                    if names:
                        orm.flush()
                        filled.append((existing.id, names))
                duplicates.append(convert.paper_info(existing))
                if not same_id:
                    warnings.append(
                        f"{fields.title!r} has the same title as #{existing.id}; not added"
                    )
        return AddResult(tuple(created), tuple(duplicates), tuple(warnings), tuple(filled))

    def add_from_text(self, text: str, *, fetch: bool = True) -> AddResult:
        """An arXiv id, DOI or URL, or BibTeX entries.

        An id's details are fetched unless ``fetch`` is False; when the network does not
        answer, the id is kept with its details pending (``pending_because`` says why) and
        :class:`~studyapp.core.services.paper_details.PendingPapers` looks them up later.
        """
        from studyapp.core.papers import bibtex  # bibtexparser loads on first use

        text = text.strip()
        if bibtex.looks_like_bibtex(text) and _placeholder(text) is None:
            return self.add_many(bibtex.parse_bibtex(text))
        known = _placeholder(text)
        if known is None:
            raise _unrecognized(text)
        existing = self.find_duplicate(known)
        # Known with its details already? Then no network request is needed.
        if existing is not None and (not fetch or not _incomplete(existing)):
            return AddResult((), (existing,), ())
        if not fetch:
            return self.add_many([known])
        try:
            fields = self.lookup(text)
        except MetadataUnavailable as error:
            kept = self.add_many([known])
            return replace(kept, pending_because=error.brief)
        except MetadataError as error:
            if existing is None:
                raise
            return AddResult((), (existing,), (error.brief,))
        return self.add_many([fields])

    def add_from_file(self, path: Path) -> AddResult:
        from studyapp.core.papers import bibtex  # bibtexparser loads on first use

        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise ImportFileError(
                "Cannot read {path}: {reason}", path=path, reason=error.strerror or error
            ) from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("latin-1")  # old .bib files from Western tools
        try:
            return self.add_many(bibtex.parse_bibtex(text))
        except ValidationError as error:
            raise ValidationError("{name}: {error}", name=Path(path).name, error=error) from None

    def update(self, paper_id: int, fields: PaperFields) -> PaperInfo:
        checked = paper_rows.validated(fields)
        with self.db.transaction() as orm:
            row = self._load(orm, paper_id)
            existing = paper_rows.matching(orm, checked)
            if existing is not None and existing.id != row.id:
                raise DuplicatePaperError(convert.paper_info(existing))
            paper_rows.write(orm, row, checked)
            orm.flush()
            return convert.paper_info(row)

    def get(self, paper_id: int) -> PaperInfo:
        with self.db.transaction() as orm:
            return convert.paper_info(self._load(orm, paper_id))

    @staticmethod
    def _load(orm: OrmSession, paper_id: int) -> models.Paper:
        row = orm.get(models.Paper, paper_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("There is no paper #{paper_id}.", paper_id=paper_id)
        return row

    # -- listing ---------------------------------------------------------------------------

    def _papers(self, orm: OrmSession, group: str | None) -> list[models.Paper]:
        query = select(models.Paper).where(models.Paper.deleted_at.is_(None))
        if group is not None:
            group_id = orm.scalar(select(models.Group.id).where(models.Group.name == group.strip()))
            if group_id is None:
                raise NotFoundError("There is no group named {group!r}.", group=group)
            presented = (
                select(models.Presentation.paper_id)
                .join(models.Session, models.Session.id == models.Presentation.session_id)
                .where(models.Session.group_id == group_id, models.Session.deleted_at.is_(None))
            )
            query = query.where(models.Paper.id.in_(presented))
        query = query.order_by(models.Paper.year.desc().nulls_last(), models.Paper.id.desc())
        return list(orm.scalars(query.options(selectinload(models.Paper.tags))))

    @staticmethod
    def _presentations(orm: OrmSession, ids: list[int]) -> dict[int, list[Presented]]:
        """Who presented each paper when: sessions not trashed, not cancelled, not ahead."""
        rows = orm.execute(
            select(models.Presentation.paper_id, models.Person.name, models.Session.date)
            .join(models.Session, models.Session.id == models.Presentation.session_id)
            .outerjoin(models.Person, models.Person.id == models.Presentation.presenter_id)
            .where(
                models.Presentation.paper_id.in_(ids),
                models.Session.deleted_at.is_(None),
                models.Session.status != models.SessionStatus.CANCELLED,
                models.Session.date <= dt.date.today(),
            )
        )
        found: dict[int, list[Presented]] = defaultdict(list)
        for paper_id, name, date in rows:
            if paper_id is not None:
                found[paper_id].append(Presented(name, date))
        return found

    def rows(self, text: str | None = None, *, group: str | None = None) -> list[PaperRow]:
        """The library table; ``text`` filters title, authors, venue, tags and ids."""
        needle = unicodedata.normalize("NFC", text or "").strip().casefold()
        with self.db.transaction() as orm:
            papers = [convert.paper_info(p) for p in self._papers(orm, group)]
            if needle:
                papers = [p for p in papers if needle in _haystack(p)]
            presented = self._presentations(orm, [p.id for p in papers])
        return [
            PaperRow(
                paper=paper,
                times_presented=len(presented.get(paper.id, ())),
                last_presented=max((p.date for p in presented.get(paper.id, ())), default=None),
            )
            for paper in papers
        ]

    # -- exports ---------------------------------------------------------------------------

    def bibtex(self, *, group: str | None = None) -> str:
        from studyapp.core.papers import bibtex_out  # bibtexparser loads on first use

        papers = sorted((row.paper for row in self.rows(group=group)), key=lambda p: p.id)
        return bibtex_out.write_bibtex(papers)

    def export_bibtex(self, path: Path, *, group: str | None = None) -> int:
        from studyapp.core.atomic_files import write_atomically
        from studyapp.core.papers import bibtex_out  # bibtexparser loads on first use

        papers = sorted((row.paper for row in self.rows(group=group)), key=lambda p: p.id)
        write_atomically(Path(path), bibtex_out.write_bibtex(papers))
        return len(papers)

    def reading_list_markdown(self, *, group: str | None = None) -> str:
        with self.db.transaction() as orm:
            papers = self._papers(orm, group)
            ids = [p.id for p in papers]
            presented = self._presentations(orm, ids)
            assigned = _assignments(orm, ids)
            items = [
                ListedPaper(
                    paper=convert.paper_info(p),
                    presented=tuple(presented.get(p.id, ())),
                    assignments=tuple(assigned.get(p.id, ())),
                )
                for p in papers
            ]
        return render_reading_list(items, group=group)


def _haystack(paper: PaperInfo) -> str:
    parts = [paper.title, paper.venue or "", str(paper.year or ""), *paper.authors, *paper.tags]
    parts += [paper.arxiv_id or "", paper.doi or ""]
    return unicodedata.normalize("NFC", "\n".join(parts)).casefold()


def _assignments(orm: OrmSession, ids: list[int]) -> dict[int, list[Assigned]]:
    rows = orm.execute(
        select(
            models.ReadingAssignment.paper_id,
            models.Person.name,
            models.ReadingAssignment.status,
            models.ReadingAssignment.due_date,
            models.Session.date,
        )
        .join(models.Person, models.Person.id == models.ReadingAssignment.person_id)
        .outerjoin(models.Session, models.Session.id == models.ReadingAssignment.session_id)
        .where(
            models.ReadingAssignment.paper_id.in_(ids),
            or_(models.Session.id.is_(None), models.Session.deleted_at.is_(None)),
        )
        .order_by(func.coalesce(models.ReadingAssignment.due_date, models.Session.date))
    )
    found: dict[int, list[Assigned]] = defaultdict(list)
    for paper_id, name, status, due, session_date in rows:
        found[paper_id].append(Assigned(name, str(status.value), due, session_date))
    return found
