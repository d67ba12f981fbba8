"""The search index on PostgreSQL: the same tokens as SQLite's FTS5 index, in a GIN index.

SQLite's FTS5 table stores :func:`tokens.index_text` of each text; here the same token list
becomes a ``tsvector`` in ``search_vectors`` (created by migration 0014, PostgreSQL only),
one row per part of a ``search_texts`` row, and a query's FTS5 phrase becomes a ``tsquery``
of the same tokens with ``<->`` between them. So a query finds the same texts on both
engines: Hangul runs as bigrams anywhere in a word, Latin words by prefix.

The vector is written out by hand rather than made by ``to_tsvector``: PostgreSQL's parser
would split the tokens again by its own rules, and whether it sees Hangul as letters depends
on the server's locale. A tsvector keeps at most 256 positions of one word and none past
16,383, so a long text is stored as several parts that overlap by :data:`OVERLAP` tokens;
a phrase of up to that many tokens is found wherever it stands.

``search_words`` (migration 0016) lists the indexed words that start with an ASCII letter
or digit, as SQLite's table of that name does, so a Latin term is written as the words that
contain it the same way on both engines (``prefixes``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from studyapp.core.search import tokens

if TYPE_CHECKING:  # the query side (matching, ranking) loads without SQLAlchemy
    from sqlalchemy.engine import Connection

    from studyapp.core.search.reader import Reader

VECTORS_TABLE = "search_vectors"
CREATE_VECTORS = (
    f"CREATE TABLE {VECTORS_TABLE} ("
    " doc_id BIGINT NOT NULL REFERENCES search_texts(id) ON DELETE CASCADE,"
    " part INTEGER NOT NULL,"
    " tokens TSVECTOR NOT NULL,"
    f" CONSTRAINT pk_{VECTORS_TABLE} PRIMARY KEY (doc_id, part))"
)
CREATE_GIN = f"CREATE INDEX ix_{VECTORS_TABLE}_tokens ON {VECTORS_TABLE} USING gin (tokens)"
WORDS_TABLE = "search_words"  # prefixes.WORDS_TABLE, index.WORDS_TABLE

MAX_POSITION = 16_383  # PostgreSQL's largest tsvector position
MAX_OCCURRENCES = 256  # positions it keeps of one word in one vector
MAX_PART_BYTES = 900_000  # a tsvector holds at most 1 MB
OVERLAP = 64  # tokens shared by two parts, so a phrase across the cut is still found
# PostgreSQL refuses a word over 2047 bytes; 500 characters are at most 2000 bytes. The
# query side cuts its words the same way, so a long word still finds itself.
MAX_WORD_CHARS = 500
_INSERT = (
    f"INSERT INTO {VECTORS_TABLE} (doc_id, part, tokens)"
    " VALUES (%(doc_id)s, %(part)s, CAST(%(tokens)s AS tsvector))"
)
_CHECKED = "studyapp_search_vectors"
_WORDS_CHECKED = "studyapp_search_words"
# Only added to, as on SQLite: a word no text holds any more matches nothing. One statement
# a batch; sorted, so two writers lock the same words in the same order.
_INSERT_WORDS = (
    f"INSERT INTO {WORDS_TABLE} (word) SELECT unnest(CAST(%(words)s AS text[]))"
    " ON CONFLICT DO NOTHING"
)
_ASCII_WORD_START = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")
_FTS_PART = re.compile(r'"((?:[^"]|"")*)"(\*?)|(\bOR\b)|(\bAND\b)|(\bNOT\b)|([()])')


def is_pg_table(name: str | None) -> bool:
    """True for the tables made outside the models (kept out of schema comparisons)."""
    return name in (VECTORS_TABLE, WORDS_TABLE)


def has_vectors(connection: Connection) -> bool:
    """Whether this PostgreSQL database has the vectors table (not while migrating to it);
    remembered per connection, as a database at head keeps it."""
    info = connection.connection.info
    if not info.get(_CHECKED):
        found = connection.exec_driver_sql(
            "SELECT to_regclass(%(name)s) IS NOT NULL", {"name": VECTORS_TABLE}
        ).scalar()
        if not found:
            return False
        info[_CHECKED] = True
    return True


def has_words(connection: Connection) -> bool:
    """Whether this PostgreSQL database has the word list (from migration 0016 on)."""
    info = connection.connection.info
    if not info.get(_WORDS_CHECKED):
        found = connection.exec_driver_sql(
            "SELECT to_regclass(%(name)s) IS NOT NULL", {"name": WORDS_TABLE}
        ).scalar()
        if not found:
            return False
        info[_WORDS_CHECKED] = True
    return True


def _word(token: str) -> str:
    word = token[:MAX_WORD_CHARS]
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _parts(words: Sequence[str]) -> Iterator[Sequence[str]]:
    """Runs of ``words`` each of which fits one tsvector, overlapping by OVERLAP."""
    start = 0
    while start < len(words):
        counts: dict[str, int] = {}
        size = 0
        end = start
        while end < len(words) and end - start < MAX_POSITION:
            word = words[end]
            seen = counts.get(word, 0)
            if seen == MAX_OCCURRENCES:
                break
            if not seen:
                size += len(word.encode()) + 8
            size += 2
            if size > MAX_PART_BYTES:
                break
            counts[word] = seen + 1
            end += 1
        yield words[start:end]
        if end >= len(words):
            return
        start = max(end - OVERLAP, start + 1)


def vector(words: Sequence[str]) -> str:
    """The tsvector literal of one part: each word with its positions (from 1)."""
    positions: dict[str, list[str]] = {}
    for number, word in enumerate(words, start=1):
        positions.setdefault(word, []).append(str(number))
    return " ".join(f"{_word(word)}:{','.join(found)}" for word, found in positions.items())


def write_vectors(connection: Connection, rows: Sequence[tuple[int, str]]) -> None:
    """Index (text id, text) rows just inserted into ``search_texts`` (a body's text is
    the session's, handed in here: the row itself holds NULL)."""
    values = []
    latin: set[str] = set()
    for doc_id, text in rows:
        words = [word[:MAX_WORD_CHARS] for word in tokens.index_text(text).split()]
        latin.update(word for word in words if word[0] in _ASCII_WORD_START)
        for part, run in enumerate(_parts(words)):
            values.append({"doc_id": doc_id, "part": part, "tokens": vector(run)})
    if values:
        connection.exec_driver_sql(_INSERT, values)
    if latin and has_words(connection):
        connection.exec_driver_sql(_INSERT_WORDS, {"words": sorted(latin)})


def tsquery(expression: str) -> str:
    """An FTS5 expression as :func:`index.matcher` and ``prefixes`` write it (quoted
    phrases, a trailing ``*`` for a prefix, OR, AND, NOT, parentheses) as a tsquery."""
    out: list[str] = []
    for match in _FTS_PART.finditer(expression):
        phrase, star, or_, and_, not_, paren = match.groups()
        if phrase is not None:
            words = phrase.replace('""', '"').split()
            if not words:
                continue
            lexemes = [_word(word) for word in words]
            if star:
                lexemes[-1] += ":*"
            if out and out[-1] not in ("|", "&", "& !", "("):
                out.append("&")  # FTS5 reads juxtaposed phrases as AND
            out.append("(" + " <-> ".join(lexemes) + ")")
        elif or_:
            out.append("|")
        elif and_:
            out.append("&")
        elif not_:
            out.append("& !")
        elif paren == "(":
            if out and out[-1] not in ("|", "&", "& !", "("):
                out.append("&")
            out.append("(")
        else:
            out.append(")")
    return " ".join(out)


def clause_sql(needle_or_expression: str, name: str, *, is_phrase: bool) -> tuple[str, str]:
    """The WHERE condition on ``search_docs d`` for one clause, and the value of ``:name``:
    the GIN index for a phrase, a scan for a lone Hangul syllable (as on SQLite)."""
    if is_phrase:
        return (
            f"d.id IN (SELECT v.doc_id FROM {VECTORS_TABLE} v"
            f" WHERE v.tokens @@ CAST(:{name} AS tsquery))",
            tsquery(needle_or_expression),
        )
    escaped = needle_or_expression.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"d.text ILIKE :{name} ESCAPE '\\'", f"%{escaped}%"


# The newest matching texts first, then scored: ranking every match of a common word would
# cost more than the search. Negated, as FTS5's rank is (lower is better). Normalized by
# 1 + log(length) (flag 1): as bm25 does, a short text (a title, who attended) that holds
# the word outranks a long body that holds it as often.
_RANKED = (
    "SELECT doc_id, -ts_rank(tokens, CAST(:query AS tsquery), 1) FROM ("
    f" SELECT doc_id, tokens FROM {VECTORS_TABLE}"
    " WHERE tokens @@ CAST(:query AS tsquery) ORDER BY doc_id DESC LIMIT :cap) newest"
)


def ranked(reader: Reader, expression: str, cap: int) -> list[tuple[int, float]]:
    """(text id, rank) of the ``cap`` newest texts matching the FTS5 ``expression``,
    the rank lower for a better match, as FTS5's ``rank`` column."""
    rows = reader.rows(_RANKED, {"query": tsquery(expression), "cap": cap})
    return [(row[0], row[1]) for row in rows]


def matching_ids(shift: int) -> str:
    """The ids of the texts of sessions ``:page`` whose vectors match ``:expr`` (a tsquery),
    unscored: for a session of the page the ranked newest texts left out."""
    return (
        f"SELECT DISTINCT doc_id FROM {VECTORS_TABLE}"
        f" WHERE tokens @@ CAST(:expr AS tsquery) AND (doc_id >> {shift}) IN :page"
    )
