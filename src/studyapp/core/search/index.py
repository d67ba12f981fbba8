"""The search index: one row per searchable text, plus an FTS5 index of its tokens.

``search_docs`` keeps each field's text as written (snippets and match offsets come from
it); ``search_fts`` is a contentless FTS5 table whose rowid is ``search_docs.id`` and whose
one column holds :func:`tokens.index_text` of that text. Contentless means a delete must
hand FTS5 the same tokens again, which re-tokenizing the stored text gives.

On PostgreSQL the same tokens go to a GIN-indexed ``tsvector`` instead (``pg_index``); a
deleted ``search_docs`` row takes its vectors with it (ON DELETE CASCADE).
Everything here is plain SQL on a Connection, so the migration can build the index too.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import BindParameter

from studyapp.core.search import pg_index, tokens

DOCS_TABLE = "search_docs"
FTS_TABLE = "search_fts"
# Indexed words that start with an ASCII letter or digit, for English prefix terms
# (see prefixes.py). Only added to: a word no text holds any more matches nothing.
WORDS_TABLE = "search_words"
# FTS5 keeps its data in shadow tables named after the virtual table.
FTS_TABLES = frozenset(
    {
        FTS_TABLE,
        WORDS_TABLE,
        *(f"{FTS_TABLE}_{suffix}" for suffix in ("data", "idx", "docsize", "config")),
    }
)
# A whole token of an FTS row that starts with an ASCII letter or digit (ASCII \b: a
# third faster here; a non-ASCII word may then yield a stray tail, which matches nothing).
_LATIN_WORD = re.compile(r"(?a)\b[0-9a-z][^ ]*")
_LONG_TEXT = 1_000_000  # characters of index text: a note of hundreds of kilobytes
CREATE_FTS = f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(tokens, content='', tokenize='ascii')"
BATCH = 400  # sessions per statement batch while rebuilding
FtsRows = list[tuple[int, str]]  # (rowid, index text)
_WRITE_FTS = (
    f"INSERT INTO {FTS_TABLE}(rowid, tokens) SELECT CAST(key AS INTEGER), value FROM json_each(?)"
)
# A text's id is its session id shifted left plus a small number, so the FTS rowid alone
# tells the session (no lookup in the large search_docs rows) and a session's texts are
# one rowid range. Numbers are reused, so a session never runs out of them.
SHIFT = 20


def doc_id(session_id: int, n: int) -> int:
    return (session_id << SHIFT) | n


def is_title_id(rowid: int) -> bool:
    return rowid & ((1 << SHIFT) - 1) == 0


def is_fts_table(name: str | None) -> bool:
    """True for the FTS5 table and its shadow tables (kept out of schema comparisons)."""
    return name in FTS_TABLES


@dataclass(frozen=True)
class Doc:
    session_id: int
    field: str  # title, body, presenter, paper, checklist
    ref_id: int | None  # presentation id, or checklist item id
    text: str


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
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_docs'"
        return connection.exec_driver_sql(query).first() is not None
    from sqlalchemy import inspect

    return bool(inspect(connection).has_table(DOCS_TABLE))


def _in(column: str) -> str:
    return f"{column} IN :ids"


def documents(connection: Connection, session_ids: Sequence[int]) -> list[Doc]:
    """Every searchable text of these sessions, read with plain SQL."""
    if not session_ids:
        return []
    ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
    docs: list[Doc] = []
    sessions = text(f"SELECT id, title, body FROM sessions WHERE {_in('id')}").bindparams(ids)
    for sid, title, body in connection.execute(sessions, {"ids": list(session_ids)}):
        docs += [Doc(sid, "title", None, title or ""), Doc(sid, "body", None, body or "")]
    slots = text(
        "SELECT p.id, p.session_id, p.heading_raw, pe.name, pa.title, pa.abstract"
        " FROM presentations p"
        " LEFT JOIN people pe ON pe.id = p.presenter_id"
        " LEFT JOIN papers pa ON pa.id = p.paper_id"
        f" WHERE {_in('p.session_id')} ORDER BY p.session_id, p.position, p.id"
    ).bindparams(ids)
    for pid, sid, heading, presenter, title, abstract in connection.execute(
        slots, {"ids": list(session_ids)}
    ):
        # The heading and the talk's notes are in the body; the paper adds its own words.
        parts = [title if not heading or not title or title not in heading else None, abstract]
        docs += [
            Doc(sid, "paper", pid, "\n".join(part for part in parts if part)),
            Doc(sid, "presenter", pid, presenter or ""),
        ]
    items = text(
        "SELECT id, session_id, text FROM checklist_items"
        f" WHERE {_in('session_id')} ORDER BY session_id, position, id"
    ).bindparams(ids)
    for item_id, sid, item_text in connection.execute(items, {"ids": list(session_ids)}):
        docs.append(Doc(sid, "checklist", item_id, item_text or ""))
    return [doc for doc in docs if doc.text.strip()]


def _key(doc: Doc) -> tuple[int, str, int | None, str]:
    return doc.session_id, doc.field, doc.ref_id, doc.text


def replace_documents(
    connection: Connection, session_ids: Iterable[int], fts_rows: FtsRows | None = None
) -> None:
    """Make the index hold exactly the current texts of these sessions (gone ones: nothing).

    Unchanged texts are left alone, so saving one note re-tokenizes only that note.
    ``fts_rows``: the new FTS rows are added there, for the caller to write with
    :func:`write_fts` before anything else touches the index, instead of written here.
    """
    wanted_ids = sorted(set(session_ids))
    if not wanted_ids:
        return
    tables = sqlite_index_tables(connection)
    fts, words = FTS_TABLE in tables, WORDS_TABLE in tables
    ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
    old = connection.execute(
        text(
            f"SELECT id, session_id, field, ref_id, text FROM {DOCS_TABLE}"
            f" WHERE {_in('session_id')}"
        ).bindparams(ids),
        {"ids": wanted_ids},
    ).all()
    current = documents(connection, wanted_ids)
    if not old:  # new sessions (an import): nothing to compare with
        _insert(connection, current, fts, words=words, fts_rows=fts_rows)
        return
    keep = {_key(doc) for doc in current}
    old_keys = {row[0]: (row[1], row[2], row[3], row[4]) for row in old}
    stale = [(doc_id, key[3]) for doc_id, key in old_keys.items() if key not in keep]
    present = {key for key in old_keys.values() if key in keep}
    _delete(connection, stale, fts)
    kept = [doc_id for doc_id, key in old_keys.items() if key in keep]
    fresh = [doc for doc in current if _key(doc) not in present]
    _insert(connection, fresh, fts, kept, words=words, fts_rows=fts_rows)


def _delete(connection: Connection, rows: Sequence[tuple[int, str]], fts: bool) -> None:
    if not rows:
        return
    if fts:
        connection.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, tokens) VALUES ('delete', ?, ?)",
            [(doc_id, tokens.index_text(body)) for doc_id, body in rows],
        )
    connection.execute(
        text(f"DELETE FROM {DOCS_TABLE} WHERE {_in('id')}").bindparams(
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
) -> None:
    """Add ``docs``; their ids are ``session_id << SHIFT | n`` with n not in ``taken``;
    ``words``: add their Latin words to the word list too; ``fts_rows``: see
    :func:`replace_documents`."""
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
        rows.append((doc_id(doc.session_id, n), doc.session_id, doc.field, doc.ref_id, doc.text))
    columns = "id, session_id, field, ref_id, text"
    if fts:
        # SQLite: straight to the driver, which is cheaper by a few microseconds a row.
        connection.exec_driver_sql(
            f"INSERT INTO {DOCS_TABLE} ({columns}) VALUES (?, ?, ?, ?, ?)", rows
        )
        indexed = [(row[0], tokens.index_text(row[4])) for row in rows]
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
        text(
            f"INSERT INTO {DOCS_TABLE} ({columns})"
            " VALUES (:id, :session_id, :field, :ref_id, :text)"
        ),
        [
            {"id": id_, "session_id": session, "field": field, "ref_id": ref, "text": body}
            for id_, session, field, ref, body in rows
        ],
    )
    if connection.dialect.name == "postgresql" and pg_index.has_vectors(connection):
        pg_index.write_vectors(connection, [(row[0], row[4]) for row in rows])


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
    if words:
        connection.exec_driver_sql(f"DELETE FROM {WORDS_TABLE}")  # only the words still used
    connection.exec_driver_sql(f"DELETE FROM {DOCS_TABLE}")
    session_ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM sessions")]
    total = len(session_ids)
    if progress is not None:
        progress(0, total)
    for start in range(0, total, BATCH):
        if cancelled is not None and cancelled():
            return None
        batch = session_ids[start : start + BATCH]
        _insert(connection, documents(connection, batch), fts, words=words)
        if progress is not None:
            progress(min(start + BATCH, total), total)
    return total


# -- turning a query clause into an FTS5 expression ------------------------------------------


@dataclass(frozen=True)
class Matcher:
    """How one clause is looked up: an FTS5 phrase, or a substring scan for one syllable."""

    fts: str | None
    needle: str
    pattern: re.Pattern[str]


def matcher(clause: str, *, exact: bool = False) -> Matcher | None:
    """None when the clause has no letters or digits at all ("--", "…")."""
    normalized = tokens.normalize(clause)
    parts = tokens.pieces(normalized)
    if not parts:
        return None
    pattern = _pattern(parts, exact)
    needle = unicodedata.normalize("NFC", clause).strip()
    if len(parts) == 1 and parts[0].cjk and len(parts[0].text) == 1:
        return Matcher(None, parts[0].text, pattern)
    found: list[str] = []
    for index, part in enumerate(parts):
        if index == 0 and part.cjk and len(part.text) == 1:
            # A leading lone syllable may end a longer run ("학교가AI"): not a token there.
            continue
        found += tokens.piece_tokens(part)
    last = parts[-1]
    prefix = (not last.cjk and not exact) or (last.cjk and len(last.text) == 1)
    return Matcher('"' + " ".join(found) + '"' + ("*" if prefix else ""), needle, pattern)


def _pattern(parts: Sequence[tokens.Piece], exact: bool) -> re.Pattern[str]:
    body = r"[\W_]*".join(re.escape(part.text) for part in parts)
    word_char = rf"[^\W_{tokens.CJK_CHARS}]"
    before = "" if parts[0].cjk else rf"(?<!{word_char})"
    after = rf"(?!{word_char})" if exact and not parts[-1].cjk else ""
    return re.compile(before + body + after)
