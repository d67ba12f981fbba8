"""A note's title, date, start time, time zone and front matter metadata."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from studyapp.core.dates import find_date, parse_datetime_value, parse_time_text
from studyapp.core.document.lines import Line
from studyapp.core.errors import ValidationError
from studyapp.core.markdown.document import FrontMatter, ParsedNote
from studyapp.core.markdown.frontmatter import (
    front_matter_value,
    names_value,
    status_value,
    tags_value,
    text_value,
)
from studyapp.core.timezones import tzinfo_for

_NOTION_ID = re.compile(r"\s+[0-9a-f]{32}$")
# Property lines near the top of Notion exports and plain notes: "Date: March 10, 2025".
_DATE_LINE = re.compile(
    r"^\s*(?:[-*]\s+)?(?:\*\*)?(?P<label>date|meeting date|when|날짜|일시|일자|"
    r"created|created time|생성일)(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*"
    r"(?P<value>.+)$",
    re.IGNORECASE,
)


def bookkeeping_times(data: dict[str, object]) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The note's created and last-modified times from front matter, when it names them."""
    created = _as_datetime(
        front_matter_value(
            data,
            "created_at",
            "created",
            "date created",
            "date_created",
            "created_date",
            "creation date",
        )
    )
    modified = _as_datetime(
        front_matter_value(
            data,
            "last_modified_at",
            "modified",
            "updated",
            "updated_at",
            "last_modified",
            "date modified",
            "lastmod",
            "last_modified_time",
            "last edited time",
        )
    )
    return created, modified


def stem_of(file_name: str) -> str:
    stem = PurePath(file_name).name
    for suffix in (".md", ".markdown", ".txt"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return _NOTION_ID.sub("", stem).strip()


def title_of(data: dict[str, object], lines: list[Line], stem: str) -> tuple[str, str]:
    value = text_value(front_matter_value(data, "title"))
    if value:
        return value, "front matter"
    position = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    if position is not None:
        first = lines[position]
        if first.level == 1 and first.heading:
            return first.heading, "heading"
        following = lines[position + 1].text if position + 1 < len(lines) else ""
        if (
            not first.level
            and not first.fenced
            and not following.strip()
            and _TITLE_LINE.match(first.text.strip())
        ):
            # Plain-text notes open with their title on a line of its own.
            return first.text.strip(), "first line"
    return _title_from_stem(stem), "file name"


# Short, not a list item, quote, table, link or sentence: "2024 추계 학술대회 메모".
_TITLE_LINE = re.compile(r"^(?![-*+>|!\[<]|\d+[.)]\s)(?=.*\w).{1,80}(?<![.!?。:;,])$")


_JEKYLL_DATE_PREFIX = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}[-_ ]+(?=\S)")


def _title_from_stem(stem: str) -> str:
    """ "2025-03-10-reading-group" -> "reading group"; a bare date stays as it is."""
    rest = _JEKYLL_DATE_PREFIX.sub("", stem)
    if rest != stem and " " not in rest:
        rest = re.sub(r"[-_]+", " ", rest).strip()
    return rest or stem or "Untitled"


def fill_date(
    note: ParsedNote,
    data: dict[str, object],
    lines: list[Line],
    title: str,
    title_source: str,
    stem: str,
    context_year: int | None,
    file_date: dt.date | None,
    created: dt.datetime | None,
) -> None:
    raw_date = front_matter_value(data, "date", "meeting_date", "session_date", "날짜")
    if raw_date is not None:
        parsed = parse_datetime_value(raw_date)
        if parsed is not None:
            note.date, note.start_time, note.timezone = parsed
            note.date_source = "front matter"
        else:
            note.warnings.append(f"front matter date {raw_date!r} is not a date; looked elsewhere")
            raw_date = None
    if raw_date is None:
        _date_from_text(note, lines, title, title_source, stem, context_year, file_date, created)
    _fill_time(note, data, created)


def _date_from_text(
    note: ParsedNote,
    lines: list[Line],
    title: str,
    title_source: str,
    stem: str,
    context_year: int | None,
    file_date: dt.date | None,
    created: dt.datetime | None,
) -> None:
    first_heading = next((line.heading for line in lines if line.level and not line.fenced), "")
    places: list[tuple[str, str]] = []
    if title_source != "file name":
        places.append((title, "title"))
    places += [(stem, "file name"), (first_heading, "heading")]
    places += [(match["value"], "body") for match in _top_date_lines(lines)]
    for place, source in places:
        found = find_date(place, context_year=context_year) if place else None
        if found is not None:
            note.date, note.date_source = found.date, source
            if found.year_inferred:
                note.warnings.append(
                    f"{found.matched}: no year in the date; "
                    f"assumed {found.date.year} from the note's context"
                )
            return
    if created is not None:
        note.date, note.date_source = created.date(), "front matter"
        return
    year = next((int(m[1]) for place, _ in places if (m := _YEAR.search(place or ""))), None)
    if year is not None and (file_date is None or file_date.year != year):
        month = next(
            (
                month
                for words, month in _SEASONS
                if words.search(" ".join(place for place, _ in places if place))
            ),
            1,
        )
        note.date, note.date_source = dt.date(year, month, 1), "year"
        note.warnings.append(
            f"only the year {year} is in the note; dated it {note.date.isoformat()}"
        )
        return
    note.date_source = "file date"
    if file_date is not None:
        note.date = file_date
        note.warnings.append("no date found in the note; used the file's date")
    else:
        note.warnings.append("no date found in the note; used today's date")


_YEAR = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")
# Conference seasons as Korean and English notes name them; the first month of each.
_SEASONS = (
    (re.compile(r"춘계|봄|spring", re.IGNORECASE), 3),
    (re.compile(r"하계|여름|summer", re.IGNORECASE), 6),
    (re.compile(r"추계|가을|fall|autumn", re.IGNORECASE), 9),
    (re.compile(r"동계|겨울|winter", re.IGNORECASE), 12),
)


def _top_date_lines(lines: list[Line]) -> list[re.Match[str]]:
    """``Date: ...`` property lines among the first few lines of the body."""
    found = []
    for line in [line for line in lines if line.text.strip()][:12]:
        match = None if line.fenced or line.level else _DATE_LINE.match(line.text)
        if match:
            found.append(match)
    # A meeting date beats the page's creation date when both are written.
    return sorted(found, key=lambda m: m["label"].casefold().startswith(("created", "생성")))


def _fill_time(note: ParsedNote, data: dict[str, object], created: dt.datetime | None) -> None:
    time_value = front_matter_value(data, "time", "start_time", "start", "시간")
    if note.start_time is None and time_value is not None:
        note.start_time = _time_value(time_value, note.front_matter)
    zone = text_value(front_matter_value(data, "timezone", "time_zone", "tz"))
    if zone:
        note.timezone = zone
    if created is not None and created.date() == note.date:
        if note.start_time is None:
            note.start_time = created.time().replace(microsecond=0, tzinfo=None)
        if note.timezone is None and created.tzinfo is not None:
            parsed = parse_datetime_value(created)
            note.timezone = parsed[2] if parsed else None


def _time_value(value: object, front: FrontMatter) -> dt.time | None:
    if isinstance(value, dt.datetime):
        return value.time().replace(microsecond=0, tzinfo=None)
    if isinstance(value, dt.time):
        return value.replace(tzinfo=None)
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads "19:05" as a base-60 integer; the raw line still says what was meant.
        raw = next(
            (
                block
                for key, block in front.blocks
                if key.casefold() in {"time", "start_time", "start", "시간"}
            ),
            "",
        )
        return parse_time_text(raw.partition(":")[2])
    return parse_time_text(str(value)) if isinstance(value, str) else None


def _as_datetime(value: object) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    parsed = parse_datetime_value(value)
    if parsed is None:
        return None
    date, time, zone = parsed
    tz: dt.tzinfo | None = None
    if zone:
        try:
            tz = tzinfo_for(zone)
        except ValidationError:
            tz = None  # an unknown zone only loses the offset
    return dt.datetime.combine(date, time or dt.time(0, 0), tzinfo=tz)


def fill_metadata(note: ParsedNote, data: dict[str, object]) -> None:
    note.group = text_value(front_matter_value(data, "group", "study", "스터디"))
    note.tags = tags_value(front_matter_value(data, "tags", "tag", "keywords"))
    note.status = status_value(front_matter_value(data, "status"))
    attendees = names_value(front_matter_value(data, "attendees", "participants", "참석자"))
    absentees = names_value(front_matter_value(data, "absent", "absentees", "불참"))
    note.attendees, note.absentees = attendees, absentees
