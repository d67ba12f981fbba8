"""Keeps the search index in step with every write, inside the same transaction.

Listens to every ORM flush: the sessions whose texts may have changed (a session, its
tags, one of its presentations, to-dos or attendance rows, a paper or person it shows) are
re-indexed on the flush's own connection, so the index commits or rolls back with the
change. Services need no calls.
Registered on import; ``studyapp.core.models`` imports this module.

A bulk writer may collect the sessions of many flushes in :func:`deferred` and index them
all at once with :func:`index_now` before it commits.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import UOWTransaction

from studyapp.core import models
from studyapp.core.search import index

# Engines known to have the search table; a database still being migrated has none yet.
_READY: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()
_PENDING = "studyapp_search_pending"
_DEFERRED = "studyapp_search_deferred"


def _old_and_new(obj: Any, attribute: str) -> set[int]:
    history = inspect(obj).attrs[attribute].history
    values = {*history.added, *history.unchanged, *history.deleted}
    return {value for value in values if isinstance(value, int)}


def _sessions_showing(
    orm: OrmSession, column: str, ids: Iterable[int], table: str = "presentations"
) -> set[int]:
    wanted = sorted(set(ids))
    if not wanted:
        return set()
    from sqlalchemy import bindparam

    query = text(f"SELECT DISTINCT session_id FROM {table} WHERE {column} IN :ids")
    rows = orm.connection().execute(
        query.bindparams(bindparam("ids", expanding=True)), {"ids": wanted}
    )
    return {row[0] for row in rows}


@event.listens_for(OrmSession, "before_flush")
def _before_flush(orm: OrmSession, _context: UOWTransaction, _instances: object) -> None:
    # Before any write: the triggers that keep a changed body's indexed text must exist.
    if not _ready(orm):
        return
    # Presentations lose their paper or presenter when those rows go, so ask now.
    papers = [obj.id for obj in orm.deleted if isinstance(obj, models.Paper)]
    people = [obj.id for obj in orm.deleted if isinstance(obj, models.Person)]
    if papers or people:
        pending: set[int] = orm.info.setdefault(_PENDING, set())
        pending |= _sessions_showing(orm, "paper_id", papers)
        pending |= _sessions_showing(orm, "presenter_id", people)
        pending |= _sessions_showing(orm, "person_id", people, "attendance")


def _touched(orm: OrmSession) -> set[int]:
    sessions: set[int] = set(orm.info.pop(_PENDING, set()))
    papers: set[int] = set()
    people: set[int] = set()
    dirty = [obj for obj in orm.dirty if orm.is_modified(obj, include_collections=False)]
    # A session whose tags changed is dirty by its collection alone.
    changed = [*dirty, *(obj for obj in orm.dirty if isinstance(obj, models.Session))]
    for obj in (*orm.new, *changed, *orm.deleted):
        if isinstance(obj, models.Session):
            if obj.id is not None:
                sessions.add(obj.id)
        elif isinstance(obj, (models.Presentation, models.ChecklistItem, models.Attendance)):
            sessions |= _old_and_new(obj, "session_id")
        elif isinstance(obj, models.Paper) and obj in dirty:
            papers.add(obj.id)
        elif isinstance(obj, models.Person) and obj in dirty:
            people.add(obj.id)
    sessions |= _sessions_showing(orm, "paper_id", papers)
    sessions |= _sessions_showing(orm, "presenter_id", people)
    sessions |= _sessions_showing(orm, "person_id", people, "attendance")
    return sessions


def _ready(orm: OrmSession) -> bool:
    connection = orm.connection()
    engine = connection.engine
    if _READY.get(engine):
        return True
    ready = index.has_docs_table(connection)
    if ready:
        index.track_stale_bodies(connection)
        _READY[engine] = True
    return ready


@contextmanager
def deferred(orm: OrmSession, pending: set[int]) -> Iterator[None]:
    """Flushes inside this block add the sessions they touch to ``pending`` instead of
    indexing them; the caller must hand ``pending`` to :func:`index_now` before committing.

    Indexing a thousand imported notes together costs a few statements instead of a few
    thousand.
    """
    orm.info[_DEFERRED] = pending
    try:
        yield
    finally:
        orm.info.pop(_DEFERRED, None)


def index_now(
    orm: OrmSession,
    sessions: set[int],
    fts_rows: index.FtsRows | None = None,
    known_tokens: Mapping[str, str] | None = None,
) -> None:
    """Flush, then make the index hold the current texts of ``sessions`` (emptied);
    ``fts_rows``, ``known_tokens``: see :func:`index.replace_documents`."""
    orm.flush()
    wanted = set(sessions)
    sessions.clear()
    if wanted and _ready(orm):
        index.replace_documents(orm.connection(), wanted, fts_rows, known_tokens)


def sessions_changed(orm: OrmSession, sessions: Iterable[int]) -> None:
    """Index sessions written with plain SQL, which no flush sees, as a flush would."""
    changed = set(sessions)
    pending: set[int] | None = orm.info.get(_DEFERRED)
    if pending is not None:
        pending |= changed
    elif changed and _ready(orm):
        index.replace_documents(orm.connection(), changed)


def papers_changed(orm: OrmSession, papers: Iterable[int]) -> None:
    """Index the sessions that show papers changed with plain SQL."""
    sessions_changed(orm, _sessions_showing(orm, "paper_id", papers))


@event.listens_for(OrmSession, "after_flush")
def _after_flush(orm: OrmSession, _context: UOWTransaction) -> None:
    sessions = _touched(orm)
    pending: set[int] | None = orm.info.get(_DEFERRED)
    if pending is not None:
        pending |= sessions
    elif sessions and _ready(orm):
        index.replace_documents(orm.connection(), sessions)


@event.listens_for(OrmSession, "after_rollback")
def _after_rollback(orm: OrmSession) -> None:
    orm.info.pop(_PENDING, None)
