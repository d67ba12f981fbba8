"""A note's title, date, start time, time zone and front matter metadata."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import PurePath
from urllib.parse import unquote

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
    if machine_named(stem):
        return _title_of_unnamed(data, lines, position)
    return _title_from_stem(stem), "file name"


# Names a program gave the file, not a person: "000_ea40f3b2", "3f2a9c1e-77d0".
_MACHINE_NAME = re.compile(r"^(?=.*\d)(?=.*[a-f])[0-9a-f_-]{6,}$", re.IGNORECASE)


def machine_named(stem: str) -> bool:
    return bool(_MACHINE_NAME.match(stem))


def permalink_of(data: dict[str, object]) -> str:
    """The note's published path (``/4-projects/semantic-seg/24-11-26/``), or ``""``."""
    value = front_matter_value(data, "permalink", "dg-permalink", "slug", "url", "path")
    return value.strip() if isinstance(value, str) else ""


def _title_of_unnamed(
    data: dict[str, object], lines: list[Line], first: int | None
) -> tuple[str, str]:
    """A title for a note saved under a generated file name: the last part of its
    permalink (the name the note had where it was published), its first heading, or the
    start of its first line."""
    parts = [part for part in unquote(permalink_of(data)).split("/") if part.strip()]
    if parts:
        return _title_from_stem(parts[-1].strip()), "permalink"
    heading = next((line.heading for line in lines if line.level and not line.fenced), "")
    if heading.strip():
        return heading.strip(), "heading"
    if first is not None:
        text = lines[first].text.strip().lstrip("#>-*+ ").strip()
        return text[:60].rstrip() or "Untitled", "first line"
    return "Untitled", "file name"


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
        _date_from_text(
            note,
            lines,
            title,
            title_source,
            stem,
            context_year,
            file_date,
            created,
            permalink_of(data),
        )
    _fill_time(note, data, created, note.modified)


def _date_from_text(
    note: ParsedNote,
    lines: list[Line],
    title: str,
    title_source: str,
    stem: str,
    context_year: int | None,
    file_date: dt.date | None,
    created: dt.datetime | None,
    permalink: str,
) -> None:
    first_heading = next((line.heading for line in lines if line.level and not line.fenced), "")
    places: list[tuple[str, str, bool]] = []  # (text, source, bare dates trusted)
    if title_source not in {"file name", "permalink"}:
        places.append((title, "title", True))
    if permalink:
        places.append((permalink, "permalink", False))
    if not machine_named(stem):
        places.append((stem, "file name", True))
    places.append((first_heading, "heading", True))
    places += [(match["value"], "body", True) for match in _top_date_lines(lines)]
    # Prose near the top: "2023년 11월 24일" on a note's third line, "240425_Trend".
    places += [(text, "body", False) for text in _opening_lines(lines)]
    for place, source, bare_ok in places:
        found = find_date(_start_of(place), context_year=context_year) if place else None
        if found is not None and (bare_ok or not found.bare):
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
    year = next((int(m[1]) for place, _, _ in places if (m := _YEAR.search(place or ""))), None)
    note.date_source = "file date"
    if file_date is not None:
        note.date = file_date
        known = f"only the year {year} is in the note" if year else "no date found in the note"
        note.warnings.append(f"{known}; dated it from the file's time, {file_date.isoformat()}")
    elif year is not None:
        note.warnings.append(
            f"only the year {year} is in the note; dated it today, {note.date.isoformat()}"
        )
    else:
        note.warnings.append("no date found in the note; used today's date")


_YEAR = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")
OPENING_LINES = 5
# A note's date stands near the start of its line; a note written as one line of megabytes
# took seconds a search for dates in all of it.
DATE_SEARCH_CHARS = 400


def _start_of(place: str) -> str:
    if len(place) <= DATE_SEARCH_CHARS:
        return place
    return place[:DATE_SEARCH_CHARS].rsplit(None, 1)[0]  # not half a date at the cut


def _opening_lines(lines: list[Line]) -> list[str]:
    """The first few written lines of the body, headings without their marks."""
    found: list[str] = []
    for line in lines:
        if len(found) == OPENING_LINES:
            break
        if line.fenced or not line.text.strip():
            continue
        found.append(line.heading if line.level else line.text)
    return found


def _top_date_lines(lines: list[Line]) -> list[re.Match[str]]:
    """``Date: ...`` property lines among the first few lines of the body."""
    found = []
    for line in itertools.islice((line for line in lines if line.text.strip()), 12):
        match = None if line.fenced or line.level else _DATE_LINE.match(line.text)
        if match:
            found.append(match)
    # A meeting date beats the page's creation date when both are written.
    return sorted(found, key=lambda m: m["label"].casefold().startswith(("created", "생성")))


def _fill_time(
    note: ParsedNote,
    data: dict[str, object],
    created: dt.datetime | None,
    modified: dt.datetime | None,
) -> None:
    time_value = front_matter_value(data, "time", "start_time", "start", "시간")
    if note.start_time is None and time_value is not None:
        note.start_time = _time_value(time_value, note.front_matter)
    zone = text_value(front_matter_value(data, "timezone", "time_zone", "tz"))
    if zone:
        note.timezone = zone
    if created is not None and created.date() == note.date and note.start_time is None:
        note.start_time = created.time().replace(microsecond=0, tzinfo=None)
    # The zone the note was written in ("+09:00"), not this machine's.
    for stamp in (created, modified):
        if note.timezone is None and stamp is not None and stamp.tzinfo is not None:
            parsed = parse_datetime_value(stamp)
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
