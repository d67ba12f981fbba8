"""Fuzzy matching for the quick switcher: subsequences, Hangul initials (초성), dates.

A query is split on spaces into terms; a candidate matches when every term matches, in any
order. Each term is compiled once into a few regular expressions (the matching itself runs in
the ``re`` engine, which keeps 10,000 candidates per keystroke cheap in pure Python):

* every query character is a *unit*: a Latin letter matches itself case-insensitively, a
  consonant jamo (ㄹ) matches any syllable starting with it (리, 라...), and the last
  character, which an input method may still be composing, also matches what it can grow
  into (교 -> 굣, 굣 -> 교사, 고 -> 과);
* a term that reads as a date (``2025-03-10``, ``250310``, ``0310``, ``3/10``) is one unit
  matching the date in any of those spellings.

Scores reward prefix, word-start and consecutive matches, and are deterministic. Positions
index the NFC form of the candidate (:func:`display_text`), which is what a view should draw.
"""

from __future__ import annotations

import functools
import heapq
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

# -- Hangul tables (Unicode 3.12 conjoining jamo algorithm) ----------------------------------

S_BASE = 0xAC00
S_COUNT = 11172
PER_INITIAL = 588  # 21 medials x 28 finals
PER_MEDIAL = 28
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = "_ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"  # index 0: no final
# A compound final splits when a vowel follows (닭 + ㅏ -> 달가).
SPLIT_FINAL = {
    "ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ",
    "ㄽ": "ㄹㅅ", "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ",
}  # fmt: skip
GROW_FINAL = {"ㄱ": "ㄳ", "ㄴ": "ㄵㄶ", "ㄹ": "ㄺㄻㄼㄽㄾㄿㅀ", "ㅂ": "ㅄ"}
GROW_MEDIAL = {"ㅗ": "ㅘㅙㅚ", "ㅜ": "ㅝㅞㅟ", "ㅡ": "ㅢ"}

# Conjoining jamo left over after NFC (a lone initial typed on macOS) -> compatibility jamo,
# one character for one, so positions stay aligned.
_TO_COMPAT = {
    **{0x1100 + i: c for i, c in enumerate(INITIALS)},
    **{0x1161 + i: c for i, c in enumerate(MEDIALS)},
    **{0x11A8 + i: c for i, c in enumerate(FINALS[1:])},
}


def _syllable(initial: int, medial: int, final: int = 0) -> str:
    return chr(S_BASE + initial * PER_INITIAL + medial * PER_MEDIAL + final)


def _range(first: str, count: int) -> str:
    return f"{first}-{chr(ord(first) + count - 1)}"


def _initial_class(consonant: str) -> str:
    """Regex class: the jamo itself or any syllable that starts with it."""
    start = chr(S_BASE + INITIALS.index(consonant) * PER_INITIAL)
    return f"[{consonant}{_range(start, PER_INITIAL)}]"


# -- folding ---------------------------------------------------------------------------------


def display_text(text: str) -> str:
    """The form positions refer to: NFC, so NFD input (macOS file names) lines up."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """NFC, lower case, compatibility jamo; always as long as :func:`display_text`."""
    text = display_text(text)
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ".lower() is two characters: fold one at a time
        lowered = "".join(low if len(low := c.lower()) == 1 else c for c in text)
    return lowered.translate(_TO_COMPAT)


# -- compiling a query -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    pattern: str  # regex without capturing groups
    exact: str  # the character typed; a looser match scores a little less ("" = no preference)
    weight: int = 1  # characters of the query this unit stands for


def _char_unit(char: str, *, last: bool) -> _Unit:
    code = ord(char) - S_BASE
    if 0 <= code < S_COUNT:
        if not last:
            return _Unit(re.escape(char), char)
        initial, rest = divmod(code, PER_INITIAL)
        medial, final = divmod(rest, PER_MEDIAL)
        if final == 0:
            # Still composing: 교 may become 굣, 고 may become 과.
            medials = [medial] + [MEDIALS.index(m) for m in GROW_MEDIAL.get(MEDIALS[medial], "")]
            spans = "".join(_range(_syllable(initial, m), PER_MEDIAL) for m in medials)
            return _Unit(f"[{spans}]", char)
        ending = FINALS[final]
        same = char + "".join(
            _syllable(initial, medial, FINALS.index(f)) for f in GROW_FINAL.get(ending, "")
        )
        options = [f"[{same}]"]
        # The final may still move to the next syllable: 굣 -> 교사, 닭 -> 달가.
        if ending in INITIALS:
            options.append(_syllable(initial, medial) + _initial_class(ending))
        if ending in SPLIT_FINAL:
            stay, move = SPLIT_FINAL[ending][0], SPLIT_FINAL[ending][1]
            options.append(_syllable(initial, medial, FINALS.index(stay)) + _initial_class(move))
        return _Unit("(?:" + "|".join(options) + ")", char)
    if char in INITIALS:
        return _Unit(_initial_class(char), "")
    if char in MEDIALS:
        medial = MEDIALS.index(char)
        spans = "".join(_range(_syllable(i, medial), PER_MEDIAL) for i in range(len(INITIALS)))
        return _Unit(f"[{char}{spans}]", "")
    return _Unit(re.escape(char), char)


_SEP = "[-./]?"
_DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})(?:[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})|(?P<mm>\d\d)(?P<dd>\d\d))"),
    re.compile(r"(?P<y>\d\d)(?:[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})|(?P<mm>\d\d)(?P<dd>\d\d))"),
    re.compile(r"(?:(?P<m>\d{1,2})[-./](?P<d>\d{1,2})|(?P<mm>\d\d)(?P<dd>\d\d))"),
)


def _date_unit(term: str) -> _Unit | None:
    """One unit matching the date in ``term`` in any usual spelling, or None."""
    for form in _DATE_FORMS:
        found = form.fullmatch(term)
        if found is None:
            continue
        parts = found.groupdict()
        month, day = int(parts["m"] or parts["mm"]), int(parts["d"] or parts["dd"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        year = parts.get("y")
        if year is None:
            head = f"(?:{month:02d}|(?<!\\d){month})" if month < 10 else f"{month}"
        else:
            short = year[-2:]
            years = f"(?:{year}|{short})" if len(year) == 4 else f"(?:\\d\\d)?{short}"
            head = f"(?<!\\d){years}{_SEP}0?{month}"
        tail = f"(?:{day:02d}|{day})(?!\\d)" if day < 10 else f"{day}(?!\\d)"
        return _Unit(f"{head}{_SEP}{tail}", "", weight=len(term))
    return None


_NOT_AFTER_ALNUM = r"(?<![^\W_])"

CHAR = 1.0  # each query character matched
RUN = 1.5  # a unit right after the previous one
WORD_START = 2.0  # the first unit at the start of a word
INNER_START = 1.0  # a later unit at a word start: less than a run, so "read" beats "r-e-a-d"
PREFIX = 1.0  # the first unit at the very start of the candidate
LOOSE = 0.25  # matched what a composing syllable may become, not the syllable itself
GAP = 0.05  # per character skipped between the first and last unit
MAX_GAP = 1.5
LEAD = 0.01  # per character before the first unit
MAX_LEAD = 0.5
LENGTH = 0.001  # shorter candidates first among equals


class _Plan:
    """One reading of a term, compiled into the regexes tried from best to loosest.

    Scores of contiguous runs are mostly constant per plan, so they are computed once here:
    the broad one-letter queries, where nearly every candidate matches, stay cheap.
    """

    def __init__(self, units: Sequence[_Unit], *, numeric: bool = False) -> None:
        self.units = tuple(units)
        groups = [f"({unit.pattern})" for unit in units]
        # Digits scattered over other numbers mean nothing; "031" may only skip the
        # separators of "03-10".
        self.subsequence = re.compile(("[-./:\\s]?" if numeric else ".*?").join(groups), re.S)
        self.word_run = re.compile(_NOT_AFTER_ALNUM + "".join(groups))
        self.run = re.compile("".join(groups))
        self.acronym = (  # initials of words: "vrg"
            re.compile(".*?".join(_NOT_AFTER_ALNUM + g for g in groups), re.S)
            if len(groups) > 1 and not numeric
            else None
        )
        self.base = sum(u.weight * CHAR + (u.weight - 1) * RUN for u in units)
        # Inside a run, a unit is at a word start only after a separator the query typed.
        inner_starts = sum(1 for prev in units[:-1] if prev.exact and not prev.exact.isalnum())
        self.run_base = self.base + RUN * (len(units) - 1) + INNER_START * inner_starts
        last = units[-1]
        # Only the last character can be loosened (still composing).
        self.loose = (
            (len(units), last.exact)
            if last.exact and last.pattern != re.escape(last.exact)
            else None
        )

    def _penalties(self, found: re.Match[str], first: int) -> float:
        penalty = LEAD * first
        if penalty > MAX_LEAD:
            penalty = MAX_LEAD
        if self.loose is not None:
            group, exact = self.loose
            if found.group(group) != exact:
                penalty += LOOSE
        return penalty

    def _spread(self, found: re.Match[str], key: str) -> float:
        """Score of a match whose units may be apart (acronym, subsequence)."""
        score = self.base
        previous_end = -1
        matched = 0
        for start, end in found.regs[1:]:
            if start == 0 or not key[start - 1].isalnum():
                score += INNER_START if matched else WORD_START
            if start == previous_end:
                score += RUN
            previous_end = end
            matched += end - start
        first = found.start(1)
        if first == 0:
            score += PREFIX
        gap = GAP * (previous_end - first - matched)
        score -= gap if gap < MAX_GAP else MAX_GAP
        return score - self._penalties(found, first)

    def match(self, key: str) -> tuple[float, re.Match[str]] | None:
        """The best score and the match behind it (its groups are the units' spans)."""
        loosest = self.subsequence.search(key)
        if loosest is None:  # most candidates stop at this one search
            return None
        found = self.word_run.search(key)
        if found is not None:  # nothing scores better than a run at a word start
            first = found.start()
            score = self.run_base + WORD_START + (PREFIX if first == 0 else 0.0)
            return score - self._penalties(found, first), found
        best: tuple[float, re.Match[str]] | None = None
        if self.acronym is not None:
            found = self.acronym.search(key)
            if found is not None:
                best = self._spread(found, key), found
        # One unit: the subsequence is already the first run.
        found = loosest if len(self.units) == 1 else self.run.search(key)
        if found is not None:  # not at a word start, or word_run would have found it
            score = self.run_base - self._penalties(found, found.start())
            if best is None or score > best[0]:
                best = score, found
        return best if best is not None else (self._spread(loosest, key), loosest)


def _compile_term(term: str, *, last: bool) -> tuple[_Plan, ...]:
    units = [_char_unit(c, last=last and i == len(term) - 1) for i, c in enumerate(term)]
    numeric = all(c.isdigit() or c in "-./:" for c in term)
    plain = _Plan(units, numeric=numeric)
    date = _date_unit(term)
    return (plain,) if date is None else (_Plan([date]), plain)


@functools.lru_cache(maxsize=128)
def _compile(query: str) -> tuple[tuple[_Plan, ...], ...]:
    terms = fold(query).split()
    return tuple(
        _compile_term(term, last=i == len(terms) - 1 and not query[-1:].isspace())
        for i, term in enumerate(terms)
    )


def _match(
    terms: tuple[tuple[_Plan, ...], ...], key: str
) -> tuple[float, list[re.Match[str]]] | None:
    total = -LENGTH * len(key)
    matches: list[re.Match[str]] = []
    for plans in terms:
        best: tuple[float, re.Match[str]] | None = None
        for plan in plans:  # a date reading first; spelled-out digits only when it fails
            best = plan.match(key)
            if best is not None:
                break
        if best is None:
            return None
        total += best[0]
        matches.append(best[1])
    return total, matches


def _positions(matches: re.Match[str] | Iterable[re.Match[str]]) -> tuple[int, ...]:
    """Matched character indexes; computed only for the hits that are shown."""
    if isinstance(matches, re.Match):
        matches = (matches,)
    return tuple(
        sorted({i for found in matches for start, end in found.regs[1:] for i in range(start, end)})
    )


# -- public API ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FuzzyMatch:
    score: float
    positions: tuple[int, ...]  # indexes into display_text(candidate), ascending


@dataclass(frozen=True)
class FuzzyHit(Generic[T]):
    item: T
    text: str  # display_text of the item's key: what ``positions`` index
    score: float
    positions: tuple[int, ...]


def fuzzy_match(query: str, candidate: str) -> FuzzyMatch | None:
    """Score and matched positions, or None when ``candidate`` does not match."""
    terms = _compile(query)
    if not terms:
        return FuzzyMatch(0.0, ())
    result = _match(terms, fold(candidate))
    if result is None:
        return None
    return FuzzyMatch(result[0], _positions(result[1]))


def fuzzy_score(query: str, candidate: str) -> float | None:
    """How well ``candidate`` matches ``query`` (higher is better), None when it does not."""
    found = fuzzy_match(query, candidate)
    return None if found is None else found.score


class FuzzyIndex(Generic[T]):
    """Items with their folded keys computed once, searched again on every keystroke."""

    def __init__(self, items: Iterable[T], key: Callable[[T], str]) -> None:
        self._items = list(items)
        self._texts = [display_text(key(item)) for item in self._items]
        self._keys = [fold(text) for text in self._texts]

    def __len__(self) -> int:
        return len(self._items)

    def search(self, query: str, limit: int = 50) -> list[FuzzyHit[T]]:
        """The best ``limit`` hits, best first; an empty query keeps the items' own order."""
        terms = _compile(query)
        if not terms:
            return [
                FuzzyHit(item, text, 0.0, ())
                for item, text in zip(self._items[:limit], self._texts, strict=False)
            ]
        scored: list[tuple[float, int, re.Match[str] | list[re.Match[str]]]] = []
        if len(terms) == 1 and len(terms[0]) == 1:  # the usual case, without _match's loop
            match = terms[0][0].match
            for index, key in enumerate(self._keys):
                result = match(key)
                if result is not None:
                    scored.append((LENGTH * len(key) - result[0], index, result[1]))
        else:
            for index, key in enumerate(self._keys):
                both = _match(terms, key)
                if both is not None:
                    scored.append((-both[0], index, both[1]))
        # (score, index) is unique, so ties keep the items' order and never shuffle.
        best = heapq.nsmallest(limit, scored)
        return [
            FuzzyHit(self._items[i], self._texts[i], -negative, _positions(matches))
            for negative, i, matches in best
        ]


def rank(
    query: str, items: Iterable[T], key: Callable[[T], str], limit: int = 50
) -> list[FuzzyHit[T]]:
    """One-off search; keep a :class:`FuzzyIndex` to search the same items repeatedly."""
    return FuzzyIndex(items, key).search(query, limit)
