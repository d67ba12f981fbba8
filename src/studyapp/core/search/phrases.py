"""A parsed query's clauses as FTS5 phrases (or substrings to scan), and the plan of them.

Loads without SQLAlchemy: the command line's search reads the index with the sqlite3
module alone (see sqlite_query.py), so its start-up stays short.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from studyapp.core.search import tokens
from studyapp.core.search.query import SearchQuery, parse_query


@dataclass(frozen=True)
class Matcher:
    """How one clause is looked up: an FTS5 phrase, or a substring scan of ``needle``.

    ``fts`` as written here finds a Latin word only where it starts; ``infix`` is the
    clause's first Latin piece, which may also stand inside an indexed word (``prefixes``
    writes it as those words, or turns the clause into a scan). A scan of ``needle`` ignores
    ASCII case when ``folded``.
    """

    fts: str | None
    needle: str
    pattern: re.Pattern[str]
    infix: str | None = None
    alone: bool = True  # the clause is the infix piece alone (no piece follows it)
    folded: bool = False


@dataclass
class Plan:
    """A parsed query with each clause turned into a Matcher."""

    query: SearchQuery
    positives: list[Matcher]
    negatives: list[Matcher]

    @property
    def is_empty(self) -> bool:
        """Nothing to look for: no clause with a letter or digit, and no filter."""
        return not self.positives and not self.query.has_filters


def plan_for(text: str) -> Plan:
    """``text`` as typed, read and turned into matchers; ValidationError on a bad filter."""
    parsed = parse_query(text)
    return Plan(
        parsed,
        [m for c in parsed.terms if (m := matcher(c.text, exact=c.exact))],
        [m for c in parsed.excluded if (m := matcher(c.text, exact=c.exact))],
    )


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
    fts = '"' + " ".join(found) + '"' + ("*" if prefix else "")
    if exact or parts[0].cjk:
        return Matcher(fts, needle, pattern)
    # The first piece may end a longer word ("BERT" in "RoBERTa", "ce" in "inference로").
    return Matcher(fts, needle, pattern, parts[0].text, len(parts) == 1)


def scanned(m: Matcher) -> Matcher:
    """``m`` looked up by scanning the texts for the clause as typed, ignoring ASCII case."""
    return Matcher(None, m.needle.lower(), m.pattern, folded=True)


def _pattern(parts: Sequence[tokens.Piece], exact: bool) -> re.Pattern[str]:
    body = r"[\W_]*".join(re.escape(part.text) for part in parts)
    word_char = rf"[^\W_{tokens.CJK_CHARS}]"
    # A quoted clause keeps whole words: it starts at a word's start, ends at a word's end.
    before = rf"(?<!{word_char})" if exact and not parts[0].cjk else ""
    after = rf"(?!{word_char})" if exact and not parts[-1].cjk else ""
    return re.compile(before + body + after)
