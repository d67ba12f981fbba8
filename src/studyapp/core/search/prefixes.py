"""A query's Latin pieces turned into the whole words the index holds.

A Latin term matches inside words too ("BERT" in "RoBERTa", "ai" in "training"), and a
clause that starts inside a word goes on from its end ("ce로" in "inference로"). FTS5 only
knows whole tokens and their prefixes, so the first Latin piece of a clause is written as
the indexed words that contain it (a clause of that piece alone) or end with it (a piece
follows it). The words come from ``search_words``, which the index writer keeps (FTS5's own
vocabulary, ``fts5vocab``, counts every posting of a word before it names the word:
milliseconds for a common one).

An OR of whole words is also the fast way to look up a prefix: FTS5 answers ``"trans"*``
by merging the posting lists of every matching word before it returns the first row, an OR
is merged lazily. A piece found in too many words ("e", "er") would make an OR of thousands
of them; the clause then scans the texts instead (:func:`phrases.scanned`), which costs
about the same for every piece and is exact. The list holds the words that start with an
ASCII letter or digit, so a piece inside a word like "élan" is found from the word's start
only.
"""

from __future__ import annotations

import dataclasses
import sqlite3

from studyapp.core.search.phrases import Matcher, Plan, scanned
from studyapp.core.search.reader import Reader, SqliteReader

# index.WORDS_TABLE and pg_index.WORDS_TABLE (kept equal by a test; no SQLAlchemy here)
WORDS_TABLE = "search_words"

# More words than this and the texts are scanned: an OR of FTS5 terms costs a few
# microseconds a word and a phrase more, a scan of every text a fixed few tens of ms.
MAX_WORDS = 48
MAX_PHRASES = 24
_ESCAPE = "\\"


def expand(source: Reader | sqlite3.Connection, plan: Plan) -> Plan:
    """``plan`` with each clause's first Latin piece written as the indexed words it
    stands for (or the clause scanned, when those are too many)."""
    reader = SqliteReader(source) if isinstance(source, sqlite3.Connection) else source
    positives = [_expanded(reader, m) for m in plan.positives]
    negatives = [_expanded(reader, m) for m in plan.negatives]
    return Plan(plan.query, positives, negatives)


def scan_latin(plan: Plan) -> Plan:
    """``plan`` for an index without a word list: clauses that may start inside a word are
    scanned for."""
    positives = [scanned(m) if m.infix else m for m in plan.positives]
    negatives = [scanned(m) if m.infix else m for m in plan.negatives]
    return Plan(plan.query, positives, negatives)


def _like(piece: str) -> str:
    for char in (_ESCAPE, "%", "_"):
        piece = piece.replace(char, _ESCAPE + char)
    return piece


_WORDS_LIKE = (
    f"SELECT word FROM {WORDS_TABLE} WHERE word LIKE :pattern ESCAPE '{_ESCAPE}' LIMIT :limit"
)


def _words(reader: Reader, piece: str, alone: bool, limit: int) -> list[str]:
    """Indexed words that contain ``piece`` (``alone``) or end with it, ``limit`` + 1 at most."""
    pattern = "%" + _like(piece) + ("%" if alone else "")
    rows = reader.rows(_WORDS_LIKE, {"pattern": pattern, "limit": limit + 1})
    return [row[0] for row in rows]


def _expanded(reader: Reader, m: Matcher) -> Matcher:
    if m.infix is None or m.fts is None:
        return m
    piece = m.infix
    if not piece.isascii():
        # The word list holds words that start with an ASCII letter or digit only.
        return scanned(m)
    limit = MAX_WORDS if m.alone else MAX_PHRASES
    words = _words(reader, piece, m.alone, limit)
    if len(words) > limit:
        return scanned(m)
    if not words:
        return dataclasses.replace(m, fts=f'"{piece}"')  # matches nothing, quickly
    if m.alone:
        return dataclasses.replace(m, fts="(" + " OR ".join(f'"{word}"' for word in words) + ")")
    # m.fts is '"piece rest…"' (a trailing * for a prefix): the piece becomes each word.
    rest = m.fts[1 + len(piece) :]
    return dataclasses.replace(m, fts="(" + " OR ".join(f'"{word}{rest}' for word in words) + ")")
