"""The search index: one row per searchable text, plus an FTS5 index of its tokens.

``search_texts`` keeps each field's text as written (snippets and match offsets come from
it), except the body, which is the session's own ``body`` column: its row holds NULL, and
the ``search_docs`` view reads every text, the body from the session. ``search_fts`` is a
contentless FTS5 table whose rowid is the text's id and whose one column holds
:func:`tokens.index_text` of that text. Contentless means a delete must hand FTS5 the same
tokens again, which re-tokenizing the text indexed gives: for a body changed or deleted
since, triggers on ``sessions`` keep the indexed text in ``search_stale`` until the index
has caught up (in the same transaction).

On PostgreSQL the same tokens go to a GIN-indexed ``tsvector`` instead (``pg_index``); a
deleted ``search_texts`` row takes its vectors with it (ON DELETE CASCADE). With no stale
bodies kept there, a body's row is written again on every save, so its vectors follow.
Everything here is plain SQL on a Connection, so the migration can build the index too.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.elements import BindParameter

from studyapp.core.search import pg_index, tokens
from studyapp.core.search.hits import BODY
from studyapp.core.search.numbering import FIELD_CODES, SHIFT, doc_id, folded, id_ranges
from studyapp.core.search.numbering import is_title_id as is_title_id

# Query clauses as FTS5 phrases: phrases.py, which loads without SQLAlchemy.
from studyapp.core.search.phrases import Matcher, matcher  # noqa: F401

# What the index holds is texts.py's; named here too, where callers have always found it.
from studyapp.core.search.texts import Doc as Doc
from studyapp.core.search.texts import documents as documents

DOCS_TABLE = "search_docs"  # a view: every text, the body read from its session
TEXTS_TABLE = "search_texts"
STALE_TABLE = "search_stale"  # bodies as indexed, changed or deleted since
FTS_TABLE = "search_fts"
# Indexed words that start with an ASCII letter or digit, for English prefix terms
# (see prefixes.py). Only added to: a word no text holds any more matches nothing.
WORDS_TABLE = "search_words"
# FTS5 keeps its data in shadow tables named after the virtual table.
FTS_TABLES = frozenset(
    {
        FTS_TABLE,
        WORDS_TABLE,
        STALE_TABLE,
        *(f"{FTS_TABLE}_{suffix}" for suffix in ("data", "idx", "docsize", "config")),
    }
)
# A whole token of an FTS row that starts with an ASCII letter or digit (ASCII \b: a
# third faster here; a non-ASCII word may then yield a stray tail, which matches nothing).
_LATIN_WORD = re.compile(r"(?a)\b[0-9a-z][^ ]*")
_LONG_TEXT = 1_000_000  # characters of index text: a note of hundreds of kilobytes
CREATE_FTS = f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(tokens, content='', tokenize='ascii')"
BATCH = 400  # sessions per statement batch while rebuilding
_RANGES_A_STATEMENT = 200  # ORed conditions a statement (SQLite limits expression depth)
FtsRows = list[tuple[int, str]]  # (rowid, index text)
_WRITE_FTS = (
    f"INSERT INTO {FTS_TABLE}(rowid, tokens) SELECT CAST(key AS INTEGER), value FROM json_each(?)"
)


def is_fts_table(name: str | None) -> bool:
    """True for the FTS5 table and its shadow tables (kept out of schema comparisons)."""
    return name in FTS_TABLES


def sqlite_index_tables(connection: Connection) -> frozenset[str]:
    """Which of the SQLite-only tables (FTS, word list) exist: none on PostgreSQL, and no
    word list while migration 0004 fills the index."""
    if connection.dialect.name != "sqlite":
        return frozenset()
    rows = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
        (FTS_TABLE, WORDS_TABLE),
    )
    return frozenset(row[0] for row in rows)


def has_fts(connection: Connection) -> bool:
    return FTS_TABLE in sqlite_index_tables(connection)


def has_docs_table(connection: Connection) -> bool:
    if connection.dialect.name == "sqlite":
        query = f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{TEXTS_TABLE}'"
        return connection.exec_driver_sql(query).first() is not None
    from sqlalchemy import inspect

    return bool(inspect(connection).has_table(TEXTS_TABLE))


# The body as indexed, kept when it changes or its session goes: only the first change
# since the index caught up counts, and only a body the index holds.
_KEEP_BODY = (
    f"INSERT OR IGNORE INTO {STALE_TABLE} (session_id, text) SELECT old.id, old.body"
    f" WHERE EXISTS (SELECT 1 FROM {TEXTS_TABLE} t WHERE t.id >= old.id << {SHIFT}"
    f" AND t.id < (old.id + 1) << {SHIFT} AND t.text IS NULL);"
)
_STALE_TRACKING = (
    f"CREATE TABLE IF NOT EXISTS {STALE_TABLE} (session_id INTEGER PRIMARY KEY, text TEXT)",
    "CREATE TRIGGER IF NOT EXISTS search_body_changed BEFORE UPDATE OF body ON sessions"
    f" WHEN old.body IS NOT new.body BEGIN {_KEEP_BODY} END",
    f"CREATE TRIGGER IF NOT EXISTS search_body_deleted BEFORE DELETE ON sessions"
    f" BEGIN {_KEEP_BODY} END",
)


def track_stale_bodies(connection: Connection) -> None:
    """Make the table and triggers that keep an indexed body until its tokens are deleted
    (SQLite with FTS only; a migration that rebuilds ``sessions`` drops its triggers)."""
    if not has_fts(connection):
        return
    found = connection.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE name IN"
        f" ('{STALE_TABLE}', 'search_body_changed', 'search_body_deleted')"
    ).scalar()
    if found != len(_STALE_TRACKING):
        for statement in _STALE_TRACKING:
            connection.exec_driver_sql(statement)


def _in(column: str) -> str:
    return f"{column} IN :ids"


def _key(doc: Doc) -> tuple[int, str, int | None, str]:
    return doc.session_id, doc.field, doc.ref_id, doc.text


def replace_documents(
    connection: Connection,
    session_ids: Iterable[int],
    fts_rows: FtsRows | None = None,
    known_tokens: Mapping[str, str] | None = None,
) -> None:
    """Make the index hold exactly the current texts of these sessions (gone ones: nothing).

    Unchanged texts are left alone, so saving one note re-tokenizes only that note.
    ``fts_rows``: the new FTS rows are added there, for the caller to write with
    :func:`write_fts` before anything else touches the index, instead of written here.
    ``known_tokens``: :func:`tokens.index_text` of some texts, worked out already (an
    import's worker processes tokenize the bodies they parse).
    """
    wanted_ids = sorted(set(session_ids))
    if not wanted_ids:
        return
    tables = sqlite_index_tables(connection)
    fts, words = FTS_TABLE in tables, WORDS_TABLE in tables
    ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
    # The text each row was indexed from: a body changed since is the one kept aside.
    indexed_text = (
        f"COALESCE(t.text, (SELECT st.text FROM {STALE_TABLE} st"
        " WHERE st.session_id = d.session_id), d.text)"
        if fts
        # PostgreSQL: the body as indexed is not kept, so its row never counts as unchanged.
        else "CASE WHEN t.text IS NULL THEN NULL ELSE d.text END"
    )
    ranges = id_ranges(wanted_ids)
    old: list[Any] = []
    for start in range(0, len(ranges), _RANGES_A_STATEMENT):
        chunk = ranges[start : start + _RANGES_A_STATEMENT]
        # The id ranges walk the primary key (the id says the session: no column for it).
        where = " OR ".join(f"t.id BETWEEN :a{n} AND :b{n}" for n in range(len(chunk)))
        bounds = {
            f"{end}{n}": value
            for n, pair in enumerate(chunk)
            for end, value in zip("ab", pair, strict=True)
        }
        old += connection.execute(
            text(
                f"SELECT d.id, d.session_id, d.field, d.ref_id, {indexed_text}"
                f" FROM {DOCS_TABLE} d JOIN {TEXTS_TABLE} t ON t.id = d.id WHERE {where}"
            ),
            bounds,
        ).all()
    current = folded(documents(connection, wanted_ids))
    if fts:
        connection.execute(
            text(f"DELETE FROM {STALE_TABLE} WHERE {_in('session_id')}").bindparams(ids),
            {"ids": wanted_ids},
        )
    if not old:  # new sessions (an import): nothing to compare with
        _insert(connection, current, fts, words=words, fts_rows=fts_rows, known=known_tokens)
        return
    keep = {_key(doc) for doc in current}
    old_keys = {row[0]: (row[1], row[2], row[3], row[4]) for row in old}
    stale = [(doc_id, key[3]) for doc_id, key in old_keys.items() if key not in keep]
    present = {key for key in old_keys.values() if key in keep}
    _delete(connection, stale, fts)
    kept = [doc_id for doc_id, key in old_keys.items() if key in keep]
    fresh = [doc for doc in current if _key(doc) not in present]
    _insert(connection, fresh, fts, kept, words=words, fts_rows=fts_rows, known=known_tokens)


def _delete(connection: Connection, rows: Sequence[tuple[int, str]], fts: bool) -> None:
    if not rows:
        return
    if fts:
        connection.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, tokens) VALUES ('delete', ?, ?)",
            [(doc_id, tokens.index_text(body)) for doc_id, body in rows],
        )
    connection.execute(
        text(f"DELETE FROM {TEXTS_TABLE} WHERE {_in('id')}").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"ids": [doc_id for doc_id, _ in rows]},
    )


def _insert(
    connection: Connection,
    docs: Sequence[Doc],
    fts: bool,
    taken: Iterable[int] = (),
    *,
    words: bool,
    fts_rows: FtsRows | None = None,
    known: Mapping[str, str] | None = None,
) -> None:
    """Add ``docs``; their ids are ``session_id << SHIFT | n`` with n not in ``taken``;
    ``words``: add their Latin words to the word list too; ``fts_rows``, ``known``: see
    :func:`replace_documents` (its ``known_tokens``)."""
    if not docs:
        return
    used = set(taken)
    counters: dict[int, int] = {}
    rows = []
    for doc in docs:
        # The title is always number 0, so ranking can weigh it without reading the row.
        n = 0 if doc.field == "title" else counters.get(doc.session_id, 1)
        while doc_id(doc.session_id, n) in used:
            n += 1
        used.add(doc_id(doc.session_id, n))
        if doc.field != "title":
            counters[doc.session_id] = n + 1
        rows.append((doc_id(doc.session_id, n), doc.field, doc.ref_id, doc.text))
    columns = "id, field, ref_id, text"
    # The body is the session's: a second copy was a third of the database.
    stored = [
        (row[0], FIELD_CODES[row[1]], row[2], None if row[1] == BODY else row[3]) for row in rows
    ]
    if fts:
        # SQLite: straight to the driver, which is cheaper by a few microseconds a row.
        connection.exec_driver_sql(
            f"INSERT INTO {TEXTS_TABLE} ({columns}) VALUES (?, ?, ?, ?)", stored
        )
        known = known or {}
        indexed = [
            (row[0], known[row[3]] if row[3] in known else tokens.index_text(row[3]))
            for row in rows
        ]
        if fts_rows is None:
            write_fts(connection, indexed)
        else:
            fts_rows += indexed
        if words:
            latin: set[str] = set()
            for _, line in indexed:
                if len(line) <= _LONG_TEXT:
                    latin.update(_LATIN_WORD.findall(line))
                else:  # a list of every word of a long note would be its size many times
                    latin.update(map(re.Match.group, _LATIN_WORD.finditer(line)))
            if latin:
                connection.exec_driver_sql(
                    f"INSERT OR IGNORE INTO {WORDS_TABLE}(word) VALUES (?)", [(w,) for w in latin]
                )
        return
    connection.execute(
        text(f"INSERT INTO {TEXTS_TABLE} ({columns}) VALUES (:id, :field, :ref_id, :text)"),
        [
            {"id": id_, "field": field, "ref_id": ref, "text": body}
            for id_, field, ref, body in stored
        ],
    )
    if connection.dialect.name == "postgresql" and pg_index.has_vectors(connection):
        pg_index.write_vectors(connection, [(row[0], row[3]) for row in rows])


def write_fts(connection: Connection, rows: FtsRows) -> None:
    """Add (rowid, index text) rows to the FTS table in one statement.

    One statement, so SQLite builds the index of all of them without taking Python's
    interpreter lock between rows: an import's other thread keeps working meanwhile.
    """
    if not rows:
        return
    insert = f"INSERT INTO {FTS_TABLE}(rowid, tokens) VALUES (?, ?)"
    if sqlite3.sqlite_version_info < (3, 38):  # JSON functions built in from 3.38 on
        connection.exec_driver_sql(insert, rows)
        return
    # A long text goes as it is: in JSON it would be copied three more times at once.
    long = [row for row in rows if len(row[1]) > _LONG_TEXT]
    if long:
        connection.exec_driver_sql(insert, long)
        rows = [row for row in rows if len(row[1]) <= _LONG_TEXT]
    if rows:
        connection.exec_driver_sql(_WRITE_FTS, (json.dumps(dict(rows), ensure_ascii=False),))


# Sessions written by one import past which the index is optimized after it.
OPTIMIZE_AFTER = 500


def optimize(connection: Connection) -> None:
    """Merge the full-text index into one segment (FTS5's ``optimize``): a large import
    leaves hundreds of them, and every query reads each one."""
    if FTS_TABLE in sqlite_index_tables(connection):
        connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")


def compact(engine: Engine) -> None:
    """Give the pages a large import or a rebuild left free back to the disk (SQLite's
    ``VACUUM``), outside any transaction.

    ``optimize`` writes the merged index anew and frees the old segments: after an import
    of 10,000 notes, 6 MB of the file (a fifteenth) was free pages, and the tables' pages
    were a tenth empty. Rewriting a file that size takes a second or two.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM")
        # VACUUM goes through the write-ahead log, which would otherwise stay the file's size.
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def rebuild(
    connection: Connection,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int | None:
    """Index every session from scratch, oldest first; None when ``cancelled`` said so."""
    tables = sqlite_index_tables(connection)
    fts, words = FTS_TABLE in tables, WORDS_TABLE in tables
    if fts:
        connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")
        track_stale_bodies(connection)
        connection.exec_driver_sql(f"DELETE FROM {STALE_TABLE}")
    if words:
        connection.exec_driver_sql(f"DELETE FROM {WORDS_TABLE}")  # only the words still used
    connection.exec_driver_sql(f"DELETE FROM {TEXTS_TABLE}")
    session_ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM sessions")]
    total = len(session_ids)
    if progress is not None:
        progress(0, total)
    for start in range(0, total, BATCH):
        if cancelled is not None and cancelled():
            return None
        batch = session_ids[start : start + BATCH]
        _insert(connection, folded(documents(connection, batch)), fts, words=words)
        if progress is not None:
            progress(min(start + BATCH, total), total)
    return total
