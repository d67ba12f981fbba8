"""A paper's fields checked, matched against the library, and written to its row."""

from __future__ import annotations

import unicodedata
import urllib.parse

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.errors import ValidationError
from studyapp.core.papers.fields import PaperFields
from studyapp.core.papers.identifiers import details_pending, normalize_arxiv, parse_doi
from studyapp.core.services import lookup

MIN_YEAR, MAX_YEAR = 1900, 2100


def _clean(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def validated(fields: PaperFields) -> PaperFields:
    """``fields`` cleaned up, ids normalized; ValidationError naming the first bad value."""
    title = _clean(fields.title)
    if not title:
        raise ValidationError("A paper needs a title.")
    if len(title) > 1000:
        raise ValidationError("The title is too long (at most 1000 characters).")
    year = fields.year
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            "The year must be between {first} and {last}, not {year}.",
            first=MIN_YEAR,
            last=MAX_YEAR,
            year=year,
        )
    arxiv_id = None
    if _clean(fields.arxiv_id):
        arxiv_id = normalize_arxiv(_clean(fields.arxiv_id))
        if arxiv_id is None:
            raise ValidationError("Not an arXiv id: {text}", text=_clean(fields.arxiv_id))
    doi = None
    if _clean(fields.doi):
        doi = parse_doi(_clean(fields.doi))
        if doi is None:
            raise ValidationError("Not a DOI: {text}", text=_clean(fields.doi))
    url = _clean(fields.url) or None
    if url and urllib.parse.urlsplit(url).scheme.lower() not in ("http", "https"):
        raise ValidationError("A link must start with http:// or https://: {url}", url=url)
    tags = tuple(dict.fromkeys(t for t in (_clean(t).lstrip("#") for t in fields.tags) if t))
    return PaperFields(
        title=title,
        authors=tuple(a for a in (_clean(a) for a in fields.authors) if a),
        venue=_clean(fields.venue) or None,
        year=year,
        url=url,
        arxiv_id=arxiv_id,
        doi=doi,
        bibtex_key=_clean(fields.bibtex_key).replace(" ", "") or None,
        abstract=(fields.abstract or "").strip(),
        tags=tags,
        bibtex=fields.bibtex,
    )


def matching(orm: OrmSession, fields: PaperFields, *, trashed: bool = False) -> models.Paper | None:
    """The paper ``fields`` (already validated) duplicates: by arXiv id, DOI, then title."""
    alive = models.Paper.deleted_at.isnot(None) if trashed else models.Paper.deleted_at.is_(None)
    for column, value in (
        (models.Paper.arxiv_id, fields.arxiv_id),
        (models.Paper.doi, fields.doi),
        (models.Paper.title_key, lookup.title_key(fields.title) if not trashed else None),
    ):
        if value:
            found = orm.scalars(
                select(models.Paper).where(column == value, alive).order_by(models.Paper.id)
            ).first()
            if found is not None:
                return found
    return None


def write(orm: OrmSession, row: models.Paper, fields: PaperFields) -> None:
    row.title = fields.title
    row.title_key = lookup.title_key(fields.title)
    row.authors = list(fields.authors)
    row.venue = fields.venue
    row.year = fields.year
    row.url = fields.url
    row.arxiv_id = fields.arxiv_id
    row.doi = fields.doi
    row.bibtex_key = fields.bibtex_key
    row.abstract = fields.abstract
    row.tags = lookup.tags(orm, fields.tags)
    if fields.bibtex is not None:  # a form knows nothing of it: the entry stays
        row.bibtex = fields.bibtex.to_json()


def _no_venue(venue: str | None) -> bool:
    # "arXiv" is where a preprint is (what a lookup says before publication), not a venue
    # anyone typed: a .bib naming the conference fills it in.
    return not venue or venue.casefold() == "arxiv"


def _taken(
    orm: OrmSession, column: InstrumentedAttribute[str | None], value: str, row: models.Paper
) -> bool:
    other = orm.scalar(select(models.Paper.id).where(column == value, models.Paper.id != row.id))
    return other is not None


def fill_empty(orm: OrmSession, row: models.Paper, fields: PaperFields) -> tuple[str, ...]:
    """Fill the row's empty fields from ``fields`` (validated), never changing one that has
    a value: what someone typed stays. The names of the fields filled, in form order."""
    filled: list[str] = []
    if details_pending(row.title, row.arxiv_id, row.doi) and not details_pending(
        fields.title, fields.arxiv_id, fields.doi
    ):
        row.title = fields.title
        row.title_key = lookup.title_key(fields.title)
        filled.append("title")
    if not row.authors and fields.authors:
        row.authors = list(fields.authors)
        filled.append("authors")
    if _no_venue(row.venue) and not _no_venue(fields.venue):
        row.venue = fields.venue
        filled.append("venue")
    elif not row.venue and fields.venue:
        row.venue = fields.venue  # "arXiv" where nothing was: quietly, as a lookup sets it
    if row.year is None and fields.year is not None:
        row.year = fields.year
        filled.append("year")
    if not row.url and fields.url:
        row.url = fields.url
        filled.append("link")
    # An id another paper holds would break the library's uniqueness: left out.
    arxiv_id, doi = fields.arxiv_id, fields.doi
    if not row.arxiv_id and arxiv_id and not _taken(orm, models.Paper.arxiv_id, arxiv_id, row):
        row.arxiv_id = arxiv_id
        filled.append("arXiv id")
    if not row.doi and doi and not _taken(orm, models.Paper.doi, doi, row):
        row.doi = fields.doi
        filled.append("DOI")
    if not row.abstract and fields.abstract:
        row.abstract = fields.abstract
        filled.append("abstract")
    if not row.tags and fields.tags:
        row.tags = lookup.tags(orm, fields.tags)
        filled.append("tags")
    if row.bibtex is None and fields.bibtex is not None:
        row.bibtex = fields.bibtex.to_json()
        if not row.bibtex_key and fields.bibtex_key:
            row.bibtex_key = fields.bibtex_key
        filled.append("BibTeX entry")
    elif not row.bibtex_key and fields.bibtex_key:
        row.bibtex_key = fields.bibtex_key
        filled.append("BibTeX key")
    return tuple(filled)


def create(orm: OrmSession, fields: PaperFields) -> models.Paper:
    # A trashed paper with the same id holds the unique arXiv id / DOI: bring it back.
    row = matching(orm, fields, trashed=True) or models.Paper()
    row.deleted_at = None
    write(orm, row, fields)
    orm.add(row)
    orm.flush()
    return row
