"""Text to search tokens, the same way for notes and for queries (pure functions).

Korean is agglutinative ("교사" hides inside "교사가", "교사-학생", "교사를"), so a run of
Hangul (and of Han or kana, which behave alike) becomes overlapping two-character tokens:
"교사가" -> "교사 사가". Any two or more syllables of a query are then a phrase of the same
bigrams, found wherever they stand. A lone syllable becomes a one-character token. Other
letters and digits form words, casefolded; prefixes are left to FTS5 prefix queries.
Everything is NFKC-normalized first, so decomposed (NFD) Hangul and full-width Latin match.

SQLite's Python module cannot register an FTS5 tokenizer, so this runs in Python and the
index stores the tokens joined by spaces (FTS5's ``ascii`` tokenizer splits them back).
Changing what this module produces needs a ``reindex``: the index deletes entries by
re-tokenizing the stored text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Hangul syllables and compatibility jamo, CJK ideographs (incl. extension A and
# compatibility), hiragana and katakana.
CJK_CHARS = "\u3131-\u318e\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff"
_PIECE_PATTERN = rf"(?P<cjk>[{CJK_CHARS}]+)|(?P<word>[^\W_{CJK_CHARS}]+)"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    # Compiled on first use: the Unicode classes take a noticeable part of start-up.
    return re.compile(pattern)


_JAMO_FOLLOWERS = range(0x1160, 0x1200)  # medial vowels and final consonants (NFD Hangul)
_LATE_JAMO = range(0xD7B0, 0xD800)


@dataclass(frozen=True)
class Piece:
    """One run of the normalized text: a CJK run or a word."""

    text: str
    cjk: bool


def normalize(text: str) -> str:
    """NFKC and casefold: the form every comparison uses."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


def pieces(normalized: str) -> list[Piece]:
    """CJK runs and words of already normalized text, in order."""
    pieces_of = _compiled(_PIECE_PATTERN).finditer
    return [Piece(match.group(), match.lastgroup == "cjk") for match in pieces_of(normalized)]


def piece_tokens(piece: Piece) -> list[str]:
    if not piece.cjk or len(piece.text) == 1:
        return [piece.text]
    run = piece.text
    return [run[i : i + 2] for i in range(len(run) - 1)]


# Every token of normalized text in one C-level scan, the same as pieces() + piece_tokens():
# the lookahead captures a bigram (a CJK char with another after it), a lone CJK char or a
# whole word, and the match then steps over one CJK char or that word. The last char of a
# longer CJK run captures nothing. Indexing spent most of its time building Piece objects.
_TOKEN_PATTERN = (
    rf"(?=([{CJK_CHARS}][{CJK_CHARS}]|(?<![{CJK_CHARS}])[{CJK_CHARS}]|[^\W_{CJK_CHARS}]+))"
    rf"(?:[{CJK_CHARS}]|[^\W_{CJK_CHARS}]+)"
)


def tokens(text: str) -> list[str]:
    """The index tokens of ``text``."""
    return _compiled(_TOKEN_PATTERN).findall(normalize(text))


# Texts up to this long are remembered (a long note's save asks twice); a longer one is
# rare, and remembering it would keep megabytes alive long after its import.
_REMEMBERED_CHARS = 500_000
# Normalized text is tokenized this many characters at a time: a list of every token of a
# 10 MB note (3 million Hangul bigrams) took over 300 MB before it was joined.
_CHUNK_CHARS = 1 << 16


def index_text(text: str) -> str:
    """What the FTS table stores for ``text``: its tokens joined by spaces.

    Remembered for the last few texts: saving a long note hands FTS5 the tokens of the text
    saved a moment ago (to delete them) and of the new one, so each is worked out once.
    """
    if len(text) > _REMEMBERED_CHARS:
        return _joined_tokens(text)
    return _remembered_index_text(text)


@functools.lru_cache(maxsize=8)
def _remembered_index_text(text: str) -> str:
    return _joined_tokens(text)


def _joined_tokens(text: str) -> str:
    """``" ".join(tokens(text))``, a chunk of the text at a time (the same string)."""
    normalized = normalize(text)
    findall = _compiled(_TOKEN_PATTERN).findall
    if len(normalized) <= _CHUNK_CHARS:
        return " ".join(findall(normalized))
    joined: list[str] = []
    start = 0
    while start < len(normalized):
        end, restart = _cut(normalized, start)
        # With a start position the pattern's look-behind still sees the text before it,
        # and an end position hides what follows: each token is found in exactly one chunk.
        chunk = " ".join(findall(normalized, start, end))
        if chunk:
            joined.append(chunk)
        start = restart
    return " ".join(joined)


def _cut(text: str, start: int) -> tuple[int, int]:
    """Where the chunk from ``start`` ends and the next one starts: after a space, or, in a
    run of CJK characters, one character on (the bigram across the cut is the next
    chunk's); a long word is never cut."""
    target = start + _CHUNK_CHARS
    if target >= len(text):
        return len(text), len(text)
    space = max(text.rfind(" ", start + 1, target), text.rfind("\n", start + 1, target))
    if space > start + _CHUNK_CHARS // 2:
        return space, space
    cjk = _compiled(f"[{CJK_CHARS}]").fullmatch
    if cjk(text[target - 1]) and cjk(text[target]):
        return target + 1, target
    after = _compiled(r"\s").search(text, target)
    end = after.start() if after is not None else len(text)
    return end, end


def _is_starter(char: str) -> bool:
    # A character that never merges with the one before it under normalization.
    code = ord(char)
    return (
        unicodedata.combining(char) == 0
        and unicodedata.category(char) not in ("Mn", "Mc", "Me")
        and code not in _JAMO_FOLLOWERS
        and code not in _LATE_JAMO
    )


def normalized_offsets(text: str, upto: int | None = None) -> tuple[str, list[int] | None]:
    """``normalize(text)`` and, when positions moved, where each normalized char came from.

    The list maps a normalized index to an index of ``text`` (one entry more at the end);
    None means the positions are the same. ``upto`` stops the map early (normalized index).
    """
    folded = normalize(text)
    if len(folded) == len(text) and (text.isascii() or unicodedata.is_normalized("NFKC", text)):
        # casefold never shortens a character, so equal length means one-to-one.
        return folded, None
    mapping: list[int] = []
    start = 0
    limit = len(folded) if upto is None else upto
    for index in range(1, len(text) + 1):
        if index < len(text) and not _is_starter(text[index]):
            continue
        mapping.extend([start] * len(normalize(text[start:index])))
        start = index
        if len(mapping) > limit:
            break
    mapping.append(len(text) if start >= len(text) else start)
    return folded, mapping


def locate(text: str, patterns: Sequence[re.Pattern[str]]) -> tuple[int, int] | None:
    """(start, length) in ``text`` of the earliest match of any pattern over its normalized form."""
    if not patterns:
        return None
    folded = normalize(text)
    best: tuple[int, int] | None = None
    for pattern in patterns:
        match = pattern.search(folded)
        if match is not None and (best is None or match.start() < best[0]):
            best = (match.start(), match.end())
    if best is None:
        return None
    _, mapping = normalized_offsets(text, upto=best[1])
    if mapping is None:
        return best[0], best[1] - best[0]
    start, end = mapping[best[0]], mapping[min(best[1], len(mapping) - 1)]
    return start, max(end - start, 1)
