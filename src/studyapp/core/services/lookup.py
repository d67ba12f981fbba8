"""Find-or-create helpers that share the caller's transaction."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Executable, bindparam, func, or_, select, update
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.errors import Message, ValidationError
from studyapp.core.markdown.document import PaperRef
from studyapp.core.search import sync
from studyapp.core.services.row_inserts import insert_one

# What a value is called in the messages below, translated with them where shown.
_CALLED = {
    "name": Message("name"),
    "group name": Message("group name"),
    "member's name": Message("member's name"),
    "person's name": Message("person's name"),
    "paper title": Message("paper title"),
    "title": Message("title"),
    "tag": Message("tag"),
}


def clean_name(name: str, what: str = "name") -> str:
    called = _CALLED.get(what, what)
    text = unicodedata.normalize("NFC", name).strip()
    text = re.sub(r"\s+", " ", text)
    if not text:
        raise ValidationError("The {what} cannot be empty.", what=called)
    if len(text) > 200:
        raise ValidationError("The {what} is too long (at most 200 characters).", what=called)
    return text


def title_key(title: str) -> str:
    """Casefolded letters and digits only: catches the same title written differently."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return "".join(ch for ch in text if ch.isalnum())


_MEMORY = "studyapp_lookup_memory"
_Row = TypeVar("_Row", models.Person, models.Group, models.Tag, "_PaperRow")
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
        were (attached to ``orm``) and the papers whose details are unchanged, and forget
        the rest. In between, another program may have renamed or deleted any of them, or
        changed a paper's details."""
        kept = self._papers_unchanged(orm)
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

    def _papers_unchanged(self, orm: OrmSession) -> dict[tuple[type[object], str], object]:
        """The remembered papers whose rows still hold what was remembered; one remembered
        by title only while it is still the oldest paper of that title."""
        papers = {key: row for (k, key), row in self._rows.items() if isinstance(row, _PaperRow)}
        if not papers or len(papers) > _CARRIED_AT_MOST:
            return {}
        ids = {row.id for row in papers.values()}
        current = {
            values[0]: _PaperRow(*values)
            for values in orm.connection().execute(
                select(*_PAPER_FIELDS).where(models.Paper.id.in_(ids))
            )
        }
        titles = {key.removeprefix("title ") for key in papers if key.startswith("title ")}
        oldest: dict[str, int] = {}
        if titles:
            query = (
                select(models.Paper.title_key, func.min(models.Paper.id))
                .where(models.Paper.title_key.in_(titles))
                .group_by(models.Paper.title_key)
            )
            oldest = {key: first for key, first in orm.connection().execute(query)}
        kept: dict[tuple[type[object], str], object] = {}
        for key, row in papers.items():
            if current.get(row.id) != row:
                continue
            if key.startswith("title ") and oldest.get(key.removeprefix("title ")) != row.id:
                continue
            kept[(_PaperRow, key)] = row
        return kept


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
    found = orm.get(models.Paper, paper_id(orm, ref))
    if found is None:
        raise RuntimeError("a paper just found or made is gone")
    return found


@dataclass
class _PaperRow:
    """What finding and completing a paper needs of its row."""

    id: int
    arxiv_id: str | None
    doi: str | None
    title_key: str
    venue: str | None
    year: int | None
    url: str | None


_PAPER_WAYS = {
    "arxiv": models.Paper.arxiv_id,
    "doi": models.Paper.doi,
    "title": models.Paper.title_key,
}
_PAPER_FIELDS = (
    models.Paper.id,
    models.Paper.arxiv_id,
    models.Paper.doi,
    models.Paper.title_key,
    models.Paper.venue,
    models.Paper.year,
    models.Paper.url,
)


def paper_id(orm: OrmSession, ref: PaperRef) -> int:
    """The id of :func:`paper`'s paper, in plain SQL: an import's new sessions need only the
    id, and a flush for every paper made was a good part of an import's time."""
    memory = _memory(orm)
    doi = ref.doi.lower() if ref.doi else None
    key = title_key(ref.title)
    ways = [(what, value) for what, value in (("arxiv", ref.arxiv_id), ("doi", doi)) if value]
    if key:
        ways.append(("title", key))
    # Only the first way can be answered from memory: a later one counts only when the
    # earlier ones find nothing, which only the database can tell.
    found = _remembered_paper(memory, *ways[0]) if ways else None
    how = ways[0][0] if found is not None else None
    if found is None and ways:
        found, how = _find_paper(orm, ways)
    if found is None:
        found, how = _make_paper(orm, ref, key, doi), "title" if key else None
    else:
        # Fill what the library does not know yet; never overwrite what a user entered.
        wanted = {"venue": ref.venue, "year": ref.year, "url": ref.url}
        changes: dict[str, object] = {
            name: value
            for name, value in wanted.items()
            if not getattr(found, name) and getattr(found, name) != value
        }
        if ref.arxiv_id and not found.arxiv_id:
            changes["arxiv_id"] = ref.arxiv_id
        if doi and not found.doi:
            changes["doi"] = doi
        if changes:
            _update_paper(orm, found, changes)
    if memory is not None:
        # Unique columns always find this paper again; a title finds the oldest paper of
        # that title, which this one is when it was found or made by title.
        remembered = [("arxiv", found.arxiv_id), ("doi", found.doi)]
        if how == "title":
            remembered.append(("title", key))
        for what, value in remembered:
            if value:
                memory.put(_PaperRow, f"{what} {value}", found)
    return found.id


def _make_paper(orm: OrmSession, ref: PaperRef, key: str, doi: str | None) -> _PaperRow:
    row = _PaperRow(0, ref.arxiv_id or None, doi, key, ref.venue, ref.year, ref.url)
    values = vars(row) | {"title": clean_name(ref.title, "paper title")}
    del values["id"]
    row.id = insert_one(orm, models.Paper, values)
    return row


def _update_paper(orm: OrmSession, row: _PaperRow, changes: dict[str, object]) -> None:
    orm.connection().execute(update(models.Paper).where(models.Paper.id == row.id).values(changes))
    for name, value in changes.items():
        setattr(row, name, value)
    # A loaded Paper would still show the old values (and updated_at), so it reloads them.
    loaded = orm.identity_map.get(OrmSession.identity_key(models.Paper, row.id))
    if loaded is not None:
        orm.expire(loaded, [*changes, "updated_at"])
    sync.papers_changed(orm, {row.id})


@functools.cache
def _paper_query(ways: tuple[str, ...]) -> Executable:
    matches = (_PAPER_WAYS[what] == bindparam(what) for what in ways)
    return select(*_PAPER_FIELDS).where(or_(*matches)).order_by(models.Paper.id)


def _find_paper(
    orm: OrmSession, ways: list[tuple[str, str]]
) -> tuple[_PaperRow | None, str | None]:
    """The paper the first of ``ways`` finds (a title: the oldest of that title), and which
    way found it; one query for all of them."""
    if orm.autoflush:
        orm.flush()  # what an ORM query would do first
    query = _paper_query(tuple(what for what, _ in ways))
    candidates = [_PaperRow(*row) for row in orm.connection().execute(query, dict(ways))]
    for what, value in ways:
        column = _PAPER_WAYS[what].key
        for candidate in candidates:
            if getattr(candidate, column) == value:
                return candidate, what
    return None, None


def _remembered_paper(memory: Memory | None, what: str, value: str) -> _PaperRow | None:
    return memory.get(_PaperRow, f"{what} {value}") if memory is not None else None
