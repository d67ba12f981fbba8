"""Find-or-create helpers that share the caller's transaction."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Executable, bindparam, or_, select
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


_MEMORY = "studyapp_lookup_memory"
_Row = TypeVar("_Row", models.Person, models.Group, models.Tag, models.Paper)
_Named = TypeVar("_Named", models.Person, models.Group, models.Tag)
_BY_NAME = {
    kind: select(kind).where(kind.name == bindparam("name"))
    for kind in (models.Person, models.Group, models.Tag)
}
_CARRIED_AT_MOST = 5000  # remembered rows of one kind checked again for the next transaction


class Memory:
    """Rows looked up, by what they were looked up by: see :func:`remembering`."""

    def __init__(self) -> None:
        self._rows: dict[tuple[type[object], str], object] = {}

    def get(self, kind: type[_Row], key: str) -> _Row | None:
        row = self._rows.get((kind, key))
        return row if isinstance(row, kind) else None

    def put(self, kind: type[_Row], key: str, row: _Row) -> None:
        self._rows[(kind, key)] = row

    def clear(self) -> None:
        self._rows.clear()

    def carry_over(self, orm: OrmSession) -> None:
        """Before a new transaction: keep the people, groups and tags still named as they
        were (attached to ``orm``), and forget the rest and every paper. In between, another
        program may have renamed or deleted any of them, or changed a paper's details."""
        kept: dict[tuple[type[object], str], object] = {}
        for kind in _BY_NAME:
            rows = {key: row for (k, key), row in self._rows.items() if isinstance(row, kind)}
            if not rows or len(rows) > _CARRIED_AT_MOST:
                continue
            names = {row.id: key for key, row in rows.items()}
            current = orm.connection().execute(select(kind.id, kind.name).where(kind.id.in_(names)))
            for row_id, name in current:
                if names[row_id] == name:
                    orm.add(rows[name])
                    kept[(kind, name)] = rows[name]
        self._rows = kept


@contextmanager
def remembering(orm: OrmSession, memory: Memory) -> Iterator[None]:
    """Inside this block, people, groups, tags and papers are looked up once, in ``memory``.

    An import asks for the same few names thousands of times, each a query and an autoflush.
    Only for writers that delete none of these rows; clear ``memory`` after a rollback to a
    savepoint, which may have taken rows it holds, and call :meth:`Memory.carry_over` in
    each new transaction.
    """
    orm.info[_MEMORY] = memory
    try:
        yield
    finally:
        orm.info.pop(_MEMORY, None)


def _memory(orm: OrmSession) -> Memory | None:
    memory = orm.info.get(_MEMORY)
    return memory if isinstance(memory, Memory) else None


def _named(orm: OrmSession, kind: type[_Named], name: str) -> _Named:
    memory = _memory(orm)
    found = memory.get(kind, name) if memory is not None else None
    if found is not None:
        return found
    row = orm.scalar(_BY_NAME[kind], {"name": name})
    found = row if isinstance(row, kind) else None
    if found is None:
        found = kind(name=name)
        orm.add(found)
        orm.flush()
    if memory is not None:
        memory.put(kind, name, found)
    return found


def person(orm: OrmSession, name: str) -> models.Person:
    return _named(orm, models.Person, clean_name(name, "person's name"))


def group(orm: OrmSession, name: str) -> models.Group:
    return _named(orm, models.Group, clean_name(name, "group name"))


def tags(orm: OrmSession, names: list[str] | tuple[str, ...]) -> list[models.Tag]:
    result: list[models.Tag] = []
    seen: set[str] = set()
    for raw in names:
        name = clean_name(str(raw).lstrip("#"), "tag")
        if name in seen:
            continue
        seen.add(name)
        result.append(_named(orm, models.Tag, name))
    return result


def paper(orm: OrmSession, ref: PaperRef) -> models.Paper:
    """The library's paper for ``ref`` (by arXiv id, DOI, then title), created if new."""
    memory = _memory(orm)
    doi = ref.doi.lower() if ref.doi else None
    key = title_key(ref.title)
    ways = [(what, value) for what, value in (("arxiv", ref.arxiv_id), ("doi", doi)) if value]
    if key:
        ways.append(("title", key))
    # Only the first way can be answered from memory: a later one counts only when the
    # earlier ones find nothing, which only the database can tell.
    found = _remembered_paper(memory, *ways[0]) if ways else None
    by_title = found is not None and ways[0][0] == "title"
    if found is None and ways:
        found, how = _find_paper(orm, ways)
        by_title = how == "title"
    if found is None:
        found = models.Paper(title=clean_name(ref.title, "paper title"), title_key=key)
        orm.add(found)
        by_title = bool(key)
    # Fill what the library does not know yet; never overwrite what a user entered.
    changed = _set(found, "venue", found.venue or ref.venue)
    changed |= _set(found, "year", found.year or ref.year)
    changed |= _set(found, "url", found.url or ref.url)
    if ref.arxiv_id and not found.arxiv_id:
        changed |= _set(found, "arxiv_id", ref.arxiv_id)
    if doi and not found.doi:
        changed |= _set(found, "doi", doi)
    if changed or found.id is None:
        orm.flush()
    if memory is not None:
        # Unique columns always find this paper again; a title finds the oldest paper of
        # that title, which this one is when it was found or made by title.
        remembered = [("arxiv", found.arxiv_id), ("doi", found.doi)]
        if by_title:
            remembered.append(("title", key))
        for what, value in remembered:
            if value:
                memory.put(models.Paper, f"{what} {value}", found)
    return found


_PAPER_COLUMNS = {
    "arxiv": models.Paper.arxiv_id,
    "doi": models.Paper.doi,
    "title": models.Paper.title_key,
}


@functools.cache
def _paper_query(ways: tuple[str, ...]) -> Executable:
    matches = (_PAPER_COLUMNS[what] == bindparam(what) for what in ways)
    return (
        select(models.Paper.id, *_PAPER_COLUMNS.values())
        .where(or_(*matches))
        .order_by(models.Paper.id)
    )


def _find_paper(
    orm: OrmSession, ways: list[tuple[str, str]]
) -> tuple[models.Paper | None, str | None]:
    """The paper the first of ``ways`` finds (a title: the oldest of that title), and which
    way found it. One plain query for all of them, the row loaded only when found."""
    if orm.autoflush:
        orm.flush()  # what an ORM query would do first
    query = _paper_query(tuple(what for what, _ in ways))
    candidates = orm.connection().execute(query, dict(ways)).all()
    position = {"arxiv": 1, "doi": 2, "title": 3}
    for what, value in ways:
        for candidate in candidates:
            if candidate[position[what]] == value:
                return orm.get(models.Paper, candidate[0]), what
    return None, None


def _remembered_paper(memory: Memory | None, what: str, value: str) -> models.Paper | None:
    return memory.get(models.Paper, f"{what} {value}") if memory is not None else None


def _set(paper: models.Paper, name: str, value: object) -> bool:
    """Set one attribute when it differs (an equal value would only cost a flush)."""
    if getattr(paper, name) == value:
        return False
    setattr(paper, name, value)
    return True
