"""English prefix terms turned into the whole words the index holds.

FTS5 answers a prefix query (``"transformer"*``) by merging the posting lists of every
matching word into one list before it returns the first row: for a word that is in every
note that costs tens of milliseconds, and the ranking's ``LIMIT`` cannot stop it early. An
OR of the words themselves is merged lazily and costs almost nothing. The words come from
``search_words``, which the index writer keeps (FTS5's own vocabulary, ``fts5vocab``, counts
every posting of a word before it names the word: milliseconds for a common one).
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3

from studyapp.core.search.phrases import Matcher, Plan

WORDS_TABLE = "search_words"  # index.WORDS_TABLE (kept equal by a test; no SQLAlchemy here)

# A short prefix ("a") may stand for thousands of words; FTS5's own prefix merge is then
# the better plan.
MAX_WORDS = 24
_SINGLE_PREFIX = re.compile(r'^"([0-9a-z]+)"\*$')  # one ASCII word, as matcher() writes it


def expand(connection: sqlite3.Connection, plan: Plan) -> Plan:
    """``plan`` with each one-word prefix term written as an OR of the indexed words."""
    positives = [_expanded(connection, m) for m in plan.positives]
    negatives = [_expanded(connection, m) for m in plan.negatives]
    return Plan(plan.query, positives, negatives)


def _expanded(connection: sqlite3.Connection, m: Matcher) -> Matcher:
    match = _SINGLE_PREFIX.match(m.fts or "")
    if match is None:
        return m
    prefix = match.group(1)
    words = [
        row[0]
        for row in connection.execute(
            f"SELECT word FROM {WORDS_TABLE} WHERE word >= ? AND word < ? LIMIT ?",
            (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1), MAX_WORDS + 1),
        )
    ]
    if len(words) > MAX_WORDS:
        return m
    if not words:
        return dataclasses.replace(m, fts=f'"{prefix}"')  # matches nothing, quickly
    return dataclasses.replace(m, fts="(" + " OR ".join(f'"{word}"' for word in words) + ")")
