"""Find-or-create helpers that share the caller's transaction."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.errors import ValidationError
from studyapp.core.markdown.document import PaperRef


def clean_name(name: str, what: str = "name") -> str:
    text = unicodedata.normalize("NFC", name).strip()
    text = re.sub(r"\s+", " ", text)
    if not text:
        raise ValidationError(f"The {what} cannot be empty.")
    if len(text) > 200:
        raise ValidationError(f"The {what} is too long (at most 200 characters).")
    return text


def title_key(title: str) -> str:
    """Casefolded letters and digits only: catches the same title written differently."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def person(orm: OrmSession, name: str) -> models.Person:
    name = clean_name(name, "person's name")
    found = orm.scalar(select(models.Person).where(models.Person.name == name))
    if found is None:
        found = models.Person(name=name)
        orm.add(found)
        orm.flush()
    return found


def group(orm: OrmSession, name: str) -> models.Group:
    name = clean_name(name, "group name")
    found = orm.scalar(select(models.Group).where(models.Group.name == name))
    if found is None:
        found = models.Group(name=name)
        orm.add(found)
        orm.flush()
    return found


def tags(orm: OrmSession, names: list[str] | tuple[str, ...]) -> list[models.Tag]:
    result: list[models.Tag] = []
    seen: set[str] = set()
    for raw in names:
        name = clean_name(str(raw).lstrip("#"), "tag")
        if name in seen:
            continue
        seen.add(name)
        found = orm.scalar(select(models.Tag).where(models.Tag.name == name))
        if found is None:
            found = models.Tag(name=name)
            orm.add(found)
            orm.flush()
        result.append(found)
    return result


def paper(orm: OrmSession, ref: PaperRef) -> models.Paper:
    """The library's paper for ``ref`` (by arXiv id, DOI, then title), created if new."""
    found: models.Paper | None = None
    if ref.arxiv_id:
        found = orm.scalar(select(models.Paper).where(models.Paper.arxiv_id == ref.arxiv_id))
    if found is None and ref.doi:
        found = orm.scalar(select(models.Paper).where(models.Paper.doi == ref.doi.lower()))
    key = title_key(ref.title)
    if found is None and key:
        found = orm.scalars(select(models.Paper).where(models.Paper.title_key == key)).first()
    if found is None:
        found = models.Paper(title=clean_name(ref.title, "paper title"), title_key=key)
        orm.add(found)
    # Fill what the library does not know yet; never overwrite what a user entered.
    found.venue = found.venue or ref.venue
    found.year = found.year or ref.year
    found.url = found.url or ref.url
    if ref.arxiv_id and not found.arxiv_id:
        found.arxiv_id = ref.arxiv_id
    if ref.doi and not found.doi:
        found.doi = ref.doi.lower()
    orm.flush()
    return found
