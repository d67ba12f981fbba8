"""Full-text search over titles, bodies, papers, presenters and to-dos.

On SQLite the texts are indexed by FTS5 (see :mod:`studyapp.core.search`): any two or more
Hangul syllables are found wherever they stand, also inside longer words, and English words
match case-insensitively by prefix. A query of one Hangul syllable scans the stored texts
instead (correct, slower). Every term must occur somewhere in a session.

PostgreSQL has no FTS table: the same tokens are in a GIN-indexed tsvector, which finds the
same sessions, ranked with ``ts_rank`` in place of bm25 (``search/pg_index.py``).

Three questions, each answered without ranking what is not shown: :meth:`search` (the best
page, ranked as ``search/ranking.py`` says, with the exact total), :meth:`count`, and
:meth:`search_all` (every match newest first, one statement: ``search/matching.py``).
On SQLite every query goes through the sqlite3 module (``search/reader.py``);
:meth:`SearchService.for_sqlite_file` opens a file that way without loading SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyapp.core.errors import DatabaseError
from studyapp.core.search import matching, pg_index, prefixes, ranking
from studyapp.core.search.hits import SNIPPET_RADIUS, SearchHit, SearchResult, snippet, snippet_at
from studyapp.core.search.phrases import Plan, plan_for
from studyapp.core.search.reader import Params, Reader, SqliteReader

if TYPE_CHECKING:
    from studyapp.core.db import Database

__all__ = [
    "SNIPPET_RADIUS",
    "SearchHit",
    "SearchResult",
    "SearchService",
    "snippet",
    "snippet_at",
]
BUSY_TIMEOUT_S = 5.0  # as db.BUSY_TIMEOUT_MS: wait this long for a writer to finish
_HAS_FTS = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_fts'"


class SearchService:
    def __init__(self, database: Database | None, *, sqlite_file: Path | None = None) -> None:
        self.db = database
        self._file = sqlite_file

    @classmethod
    def for_sqlite_file(cls, path: Path) -> SearchService:
        """A service reading ``path`` through the sqlite3 module alone (no SQLAlchemy).

        For a file already at this studyapp's schema (see ``schema_version``): whoever
        opens it otherwise migrates it first.
        """
        return cls(None, sqlite_file=path)

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> SearchResult:
        """The best ``limit`` sessions for ``query`` (one hit each) and how many match in
        all; ValidationError on a bad filter."""
        started = time.perf_counter()
        plan = plan_for(query)
        if plan.is_empty:
            return SearchResult([], 0, _ms(started))
        with self._reader() as (reader, fts):
            plan = _expanded(reader, plan, fts)
            total = matching.count(reader, plan, fts)
            wanted = offset + limit
            found, ranked = ranking.matches(reader, plan, fts, wanted)
            newest = ranking.newest_date(reader)
            page = ranking.order(found, ranked.scores, wanted, newest)[offset:]
            hits = ranking.hits(reader, plan, fts, ranked, page, found)
        return SearchResult(hits, total, _ms(started))

    def search_hits(self, query: str, *, limit: int = 50, offset: int = 0) -> SearchResult:
        """:meth:`search` with the window's former default of 50 hits."""
        return self.search(query, limit=limit, offset=offset)

    def count(self, query: str) -> int:
        """How many sessions match ``query``, counted without ranking any."""
        plan = plan_for(query)
        if plan.is_empty:
            return 0
        with self._reader() as (reader, fts):
            return matching.count(reader, _expanded(reader, plan, fts), fts)

    def search_all(self, query: str) -> Iterator[SearchHit]:
        """Every session that matches, newest first (by date, then id), read as it goes;
        each hit is the session's title (field ``title``, no snippet)."""
        plan = plan_for(query)
        if plan.is_empty:
            return
        with self._reader() as (reader, fts):
            plan = _expanded(reader, plan, fts)
            for session_id, date, title in matching.every(reader, plan, fts):
                yield SearchHit(session_id, title, date, "title", title)

    def reindex(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Rebuild the whole index; the number of sessions indexed.

        Runs in one transaction: when ``cancelled`` returns True the old index stays as it
        was and 0 is returned.
        """
        from studyapp.core.search import index

        try:
            with self._database().transaction() as orm:
                outcome = index.rebuild(orm.connection(), progress, cancelled)
                if outcome is None:
                    raise _Cancelled
        except _Cancelled:
            return 0
        index.compact(self._database().engine)  # the old index's pages, freed
        return outcome

    def _database(self) -> Database:
        if self.db is None:
            raise DatabaseError("This search reads the file only; open the database to write.")
        return self.db

    @contextmanager
    def _reader(self) -> Iterator[tuple[Reader, bool]]:
        """A reader of one read transaction, and whether the FTS index is there."""
        if self._file is not None:
            with _sqlite_file(self._file) as own:
                light = SqliteReader(own)
                yield light, bool(light.rows(_HAS_FTS))
            return
        with self._database().transaction() as orm:
            connection = orm.connection()
            if connection.dialect.name == "sqlite":
                driver = connection.connection.driver_connection
                assert isinstance(driver, sqlite3.Connection)
                reader = SqliteReader(driver)
                yield reader, bool(reader.rows(_HAS_FTS))
            else:
                yield _AlchemyReader(connection), False


@contextmanager
def _sqlite_file(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as error:
        raise DatabaseError("The database file cannot be opened: {reason}", reason=error) from None
    try:
        connection.execute("BEGIN")  # one snapshot for every statement of the answer
        yield connection
    except sqlite3.OperationalError as error:
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseError(
                "The database is locked by another program; close it and try again."
            ) from error
        raise DatabaseError("Database error: {reason}", reason=error) from error
    finally:
        with contextlib.suppress(sqlite3.Error):
            connection.rollback()
        connection.close()


class _AlchemyReader:
    """The same reads through SQLAlchemy, for databases other than SQLite."""

    sqlite = False

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def rows(self, sql: str, params: Params | None = None) -> list[tuple[Any, ...]]:
        from sqlalchemy import bindparam, text

        values = dict(params or {})
        statement = text(sql).bindparams(
            *(bindparam(k, expanding=True) for k, v in values.items() if isinstance(v, list))
        )
        return [tuple(row) for row in self.connection.execute(statement, values)]

    def stream(self, sql: str, params: Params | None = None) -> Iterator[tuple[Any, ...]]:
        yield from self.rows(sql, params)


def _expanded(reader: Reader, plan: Plan, fts: bool) -> Plan:
    if fts and isinstance(reader, SqliteReader):
        return prefixes.expand(reader, plan)
    if not any(m.infix for m in (*plan.positives, *plan.negatives)):
        return plan
    if (
        not reader.sqlite
        and isinstance(reader, _AlchemyReader)
        and pg_index.has_words(reader.connection)
    ):
        return prefixes.expand(reader, plan)
    # No word list (a database mid-migration): a term that may start inside a word is
    # scanned for.
    return prefixes.scan_latin(plan)


class _Cancelled(Exception):
    """Raised inside the rebuild's transaction so that it rolls back."""


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000
