"""A paper's fields checked, matched against the library, and written to its row."""

from __future__ import annotations

import unicodedata
import urllib.parse

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.errors import ValidationError
from studyapp.core.papers.fields import PaperFields
from studyapp.core.papers.identifiers import normalize_arxiv, parse_doi
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
        raise ValidationError(f"The year must be between {MIN_YEAR} and {MAX_YEAR}, not {year}.")
    arxiv_id = None
    if _clean(fields.arxiv_id):
        arxiv_id = normalize_arxiv(_clean(fields.arxiv_id))
        if arxiv_id is None:
            raise ValidationError(f"Not an arXiv id: {_clean(fields.arxiv_id)}")
    doi = None
    if _clean(fields.doi):
        doi = parse_doi(_clean(fields.doi))
        if doi is None:
            raise ValidationError(f"Not a DOI: {_clean(fields.doi)}")
    url = _clean(fields.url) or None
    if url and urllib.parse.urlsplit(url).scheme.lower() not in ("http", "https"):
        raise ValidationError(f"A link must start with http:// or https://: {url}")
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


def create(orm: OrmSession, fields: PaperFields) -> models.Paper:
    # A trashed paper with the same id holds the unique arXiv id / DOI: bring it back.
    row = matching(orm, fields, trashed=True) or models.Paper()
    row.deleted_at = None
    write(orm, row, fields)
    orm.add(row)
    orm.flush()
    return row
