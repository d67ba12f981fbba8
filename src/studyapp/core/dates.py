"""Finding the meeting date in titles, file names and headings; reading front matter dates.

People write dates every way: ``2025-03-10``, ``250217``, ``0310``, ``3월 10일``,
``Mar 10, 2025``. Numbers that are not dates are everywhere too (``Day 052``,
``300 epoch``, ``arXiv 2501.01234``, ``v1.12.3``), so every candidate is validated, checked
against the words around it, and the most explicit one wins.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from studyapp.core.timezones import offset_name


def _split(words: str) -> list[str]:
    return words.split()


@dataclass(frozen=True)
class DateFound:
    date: dt.date
    year_inferred: bool
    matched: str
    # A bare ``0310`` or ``3/10``: a date in a title, too weak to trust in running text.
    bare: bool = False


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    date: dt.date
    inferred: bool
    rank: int  # how explicit the form is; higher wins


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_YEAR4 = r"(?:19|20)\d{2}"
# Things that contain digit runs but are never dates; blanked out before searching.
_NOT_DATES = re.compile(
    r"https?://\S+|www\.\S+|\b10\.\d{4,9}/\S+|\barxiv\s*[:.]?\s*\d{4}\.\d{4,5}(?:v\d+)?"
    r"|(?<![\d.])\d{4}\.\d{5}(?:v\d+)?(?![\d.])|\b[vV](?:er(?:sion)?)?\s?\d+(?:\.\d+)+"
    r"|\d+(?:\.\d+){3,}|\d{1,2}:\d{2}(?::\d{2})?",
    re.IGNORECASE,
)
_FORMS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"(?<![\d.])(?P<year>{_YEAR4})(?P<sep>[-./])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})"
            r"(?!\d|\.\d)"
        ),
        "ymd",
    ),
    (
        re.compile(
            rf"(?<![\d.])(?P<year>{_YEAR4})\.\s+(?P<m>\d{{1,2}})\.\s+(?P<d>\d{{1,2}})\.?(?!\d)"
        ),
        "ymd",
    ),
    (re.compile(rf"(?<!\d)(?P<year>{_YEAR4})(?P<m>\d{{2}})(?P<d>\d{{2}})(?!\d)"), "ymd8"),
    (
        re.compile(
            r"(?<!\d)(?:(?P<year>\d{4}|\d{2})\s*년\s*)?(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"
        ),
        "korean",
    ),
    (
        re.compile(
            rf"(?<![a-z]){_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])"
            rf"(?:,?\s+(?P<year>{_YEAR4})(?!\d))?",
            re.IGNORECASE,
        ),
        "english",
    ),
    (
        re.compile(
            rf"(?<![\d.a-z])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
            rf"(?:,?\s+(?P<year>{_YEAR4})(?!\d))?",
            re.IGNORECASE,
        ),
        "english",
    ),
    (
        re.compile(
            r"(?<![\d.])(?P<year>\d{2})(?P<sep>[-./])(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?!\d|\.\d)"
        ),
        "yy",
    ),
    (re.compile(r"(?<![\d.])(?P<year>\d{2})(?P<m>\d{2})(?P<d>\d{2})(?!\d|\.\d)"), "yy"),
    (re.compile(r"(?<![\d./])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/]|\.\d)"), "md"),
    (re.compile(r"(?<![\d.])(?P<m>\d{2})(?P<d>\d{2})(?!\d|\.\d)"), "md"),
]
# Words right before a bare number that make it a count or an index, not a date.
_WORDS_BEFORE = frozenset(
    _split("""
day days week weeks wk batch batches bs epoch epochs step steps iter iters iteration lr no
room page pages p pp ch chap chapter lecture lec ep episode part session vol volume v ver
version rev id issue pr top rank seed dim size layer layers res resolution gpu gpus run
problem exercise q task item figure fig table eq equation line lines sec section 제 총 약
""")
)
# Words right after a bare number that make it a quantity.
_WORDS_AFTER = frozenset(
    _split("""
epoch epochs step steps token tokens iter iters iteration iterations sample samples image
images px pixel pixels dim dims param params parameters word words k m b x ms s sec fps gb mb
kb tb hours hour minutes min mins days points pts times lines pages questions problems of
""")
)
_KOREAN_UNITS = "개명번회차기위점원장쪽시분초등년월일호권줄"
_NEAR = 80  # characters either side of a bare number that can say what it counts
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*$")
_WORD_AFTER = re.compile(r"^\s*([^\W\d_]+)")


def find_date(text: str, *, context_year: int | None) -> DateFound | None:
    """The most explicit valid date written in ``text``; year-less ones take ``context_year``."""
    masked = _NOT_DATES.sub(lambda match: " " * len(match[0]), text)
    candidates: list[_Candidate] = []
    for pattern, form in _FORMS:
        for match in pattern.finditer(masked):
            candidate = _candidate(match, form, masked, context_year)
            if candidate is not None:
                candidates.append(candidate)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c.rank, c.end - c.start, -c.start))
    return DateFound(best.date, best.inferred, text[best.start : best.end].strip(), best.rank <= 1)


def _candidate(
    match: re.Match[str], form: str, text: str, context_year: int | None
) -> _Candidate | None:
    groups = match.groupdict()
    year_text = groups.get("year")
    if form == "english":
        month = _MONTHS[groups["month"].lower().rstrip(".")[:3]]
        if not year_text and not groups["month"][0].isupper():
            return None  # "may 5" in a sentence is not a date; "May 5" in a title is
    else:
        month = int(groups["m"])
    day = int(groups["d"])
    rank = {"ymd": 5, "ymd8": 4, "korean": 2, "english": 2, "yy": 3, "md": 1}[form]
    inferred = False
    if year_text is None:
        if context_year is None:
            return None
        year, inferred = context_year, True
    elif len(year_text) == 2:
        year = 2000 + int(year_text) if int(year_text) < 70 else 1900 + int(year_text)
    else:
        year = int(year_text)
        rank = max(rank, 5)
    if form == "korean" and year_text is not None and len(year_text) == 2:
        rank = 3
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if form in {"yy", "md"} and not _plausible_context(text, match.start(), match.end()):
        return None
    return _Candidate(match.start(), match.end(), date, inferred, rank)


def _plausible_context(text: str, start: int, end: int) -> bool:
    """False when the words around a bare number say it is a count, an index or a size."""
    # The words next to it are enough; copying all the text around every number of a note
    # written on one line took minutes.
    before, after = text[max(0, start - _NEAR) : start], text[end : end + _NEAR]
    if before and ((before[-1].isascii() and before[-1].isalpha()) or before[-1] in "#$€£¥×^"):
        return False
    if len(before) >= 2 and before[-1] in "+-*/" and before[-2].isdigit():
        return False  # arithmetic, a range or a fraction, not a name part
    if after and (
        (after[0].isascii() and after[0].isalpha())
        or after[0] in "%×+"
        or after[0] in _KOREAN_UNITS
    ):
        return False
    word = _WORD_BEFORE.search(before)
    if word and word[1].casefold() in _WORDS_BEFORE:
        return False
    word = _WORD_AFTER.match(after)
    return not (word and word[1].casefold() in _WORDS_AFTER)


_ISO = re.compile(
    r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:(?:[Tt]|\s+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$"
)
_TIME = re.compile(
    r"(?<![\d:])(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?![\d:])\s*(?P<ampm>[ap]\.?m\.?)?",
    re.IGNORECASE,
)
_KOREAN_TIME = re.compile(
    r"(?P<ampm>오전|오후)?\s*(?P<H>\d{1,2})\s*시(?:\s*(?P<M>\d{1,2})\s*분|\s*반)?"
)
_TZ_AT_END = re.compile(r"(?:\s|^|(?<=\d))(?P<tz>Z|UTC|GMT|KST|[+-]\d{2}:?\d{2})\s*$")


def parse_datetime_value(value: object) -> tuple[dt.date, dt.time | None, str | None] | None:
    """A front matter date value as ``(date, time or None, time zone text or None)``."""
    if isinstance(value, dt.datetime):
        zone = _zone_text(value)
        return value.date(), value.time().replace(microsecond=0), zone
    if isinstance(value, dt.date):
        return value, None, None
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    match = _ISO.match(text)
    if match:
        try:
            date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return None
        time = _time_of(match["H"], match["M"], match["S"]) if match["H"] else None
        return date, time, _tz_text(match["tz"]) if match["tz"] else None
    found = find_date(text, context_year=None)
    if found is None:
        return None
    rest = text.replace(found.matched, " ", 1)
    zone_match = _TZ_AT_END.search(rest)
    zone = _tz_text(zone_match["tz"]) if zone_match else None
    return found.date, parse_time_text(rest), zone


def parse_time_text(text: str) -> dt.time | None:
    """``19:05``, ``7:05 PM``, ``오후 7시 5분``; None when no clock time is written."""
    match = _TIME.search(text)
    if match:
        hour = int(match["H"])
        ampm = (match["ampm"] or "").lower().replace(".", "")
        if ampm and not 1 <= hour <= 12:
            return None
        if ampm == "pm" and hour != 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        return _time_of(str(hour), match["M"], match["S"])
    korean = _KOREAN_TIME.search(text)
    if korean:
        hour = int(korean["H"])
        if korean["ampm"] == "오후" and hour < 12:
            hour += 12
        minute = korean["M"] or ("30" if korean[0].endswith("반") else "0")
        return _time_of(str(hour), minute, None)
    return None


def _time_of(hour: str, minute: str, second: str | None) -> dt.time | None:
    try:
        return dt.time(int(hour), int(minute), int(second or 0))
    except ValueError:
        return None


def _tz_text(text: str) -> str | None:
    upper = text.upper()
    if upper in {"Z", "UTC", "GMT"}:
        return "UTC"
    if upper == "KST":
        return "+09:00"
    match = re.match(r"^([+-])(\d{1,2}):?(\d{2})?$", text)
    if not match:
        return None
    delta = dt.timedelta(hours=int(match[2]), minutes=int(match[3] or 0))
    if delta >= dt.timedelta(hours=24):
        return None
    return offset_name(-delta if match[1] == "-" else delta)


def _zone_text(value: dt.datetime) -> str | None:
    if value.tzinfo is None:
        return None
    key = getattr(value.tzinfo, "key", None)
    if isinstance(key, str):
        return key
    offset = value.utcoffset()
    return offset_name(offset) if offset is not None else None
