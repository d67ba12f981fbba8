"""One note's text -> ParsedNote: metadata, presentations, checklist, and the rest as notes.

The hard rule is that nothing is lost: every line of the body ends up verbatim in exactly
one place (the notes, a presentation, its discussion, a task, the attendees line, the
checklist heading) or in a front matter block. Whatever is not understood stays in the
notes, so an odd file becomes a plain note rather than an error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import PurePath

from studyapp.core.dates import find_date, parse_datetime_value, parse_time_text
from studyapp.core.errors import ValidationError
from studyapp.core.markdown.document import (
    FrontMatter,
    ParsedNote,
    ParsedPresentation,
    ParsedTask,
)
from studyapp.core.markdown.frontmatter import (
    front_matter_value,
    guess_kind,
    names_value,
    split_front_matter,
    status_value,
    tags_value,
    text_value,
)
from studyapp.core.markdown.headings import parse_attendees_line, parse_presentation_heading
from studyapp.core.tasks import parse_task_line
from studyapp.core.timezones import tzinfo_for

_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE_OPEN = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_NOTION_ID = re.compile(r"\s+[0-9a-f]{32}$")
# Property lines near the top of Notion exports and plain notes: "Date: March 10, 2025".
_DATE_LINE = re.compile(
    r"^\s*(?:[-*]\s+)?(?:\*\*)?(?P<label>date|meeting date|when|날짜|일시|일자|"
    r"created|created time|생성일)(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*"
    r"(?P<value>.+)$",
    re.IGNORECASE,
)


# The exporter's slot timing line, "⏱ 18:30 / 20:00" (used / time box); read only in that form.
_CLOCK = r"\d{1,2}:[0-5]\d|\d{1,3}:[0-5]\d:[0-5]\d"
_TIMING_LINE = re.compile(
    rf"^⏱\ufe0f?[ \t]+(?P<used>{_CLOCK})[ \t]*/[ \t]*(?P<box>{_CLOCK})[ \t]*$"
)


def parse_timing_line(text: str) -> tuple[int, int] | None:
    """``(duration_seconds, timebox_minutes)`` from a timing line, else None."""
    match = _TIMING_LINE.match(text)
    if match is None:
        return None
    used, box = (_clock_seconds(match[name]) for name in ("used", "box"))
    if box < 60 or box % 60:  # a time box is whole minutes; anything else stays in the notes
        return None
    return used, box // 60


def _clock_seconds(text: str) -> int:
    seconds = 0
    for part in text.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


@dataclass
class _Line:
    text: str
    fenced: bool = False  # inside a code fence (or one of its fence lines)
    level: int = 0  # heading level, 0 for a non-heading
    heading: str = ""  # heading text without the #'s
    role: str = "notes"  # notes, task, attendees, presentation, checklist


def parse_note(
    text: str,
    *,
    file_name: str,
    context_year: int | None = None,
    file_date: dt.date | None = None,
    known_people: Collection[str] = (),
) -> ParsedNote:
    """Everything ``text`` (already normalized by read_note_text) says about one session."""
    try:
        return _parse(text, file_name, context_year, file_date, known_people)
    except Exception:  # a note that trips the parser is still imported, whole
        stem = _stem(file_name)
        return ParsedNote(
            title=stem or "Untitled",
            date=file_date or dt.date.today(),
            date_source="file date",
            notes=text.strip("\n"),
            warnings=["could not read the note's structure; imported it as plain text"],
        )


def _parse(
    text: str,
    file_name: str,
    context_year: int | None,
    file_date: dt.date | None,
    known_people: Collection[str],
) -> ParsedNote:
    front, body, warnings = split_front_matter(text)
    data = front.data
    lines = _scan(body)
    stem = _stem(file_name)

    title, title_source = _title(data, lines, stem)
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
    if created is not None:
        context_year = created.year  # the note's own creation year beats folder or file hints
    note = ParsedNote(
        title=title,
        date=file_date or dt.date.today(),
        front_matter=front,
        warnings=warnings,
        created=created,
        modified=modified,
    )
    _fill_date(note, data, lines, title, title_source, stem, context_year, file_date, created)
    _fill_metadata(note, data)

    _mark_tasks(lines, note)
    _mark_presentations(lines, note, known_people)
    _mark_attendees(lines, note)
    _mark_checklist_heading(lines, note, title_source == "heading")
    note.notes = _join(
        [line.text for line in lines if line.role == "notes"],
        [line.role != "notes" for line in lines],
    )
    note.kind = guess_kind(
        data,
        title,
        note.tags,
        [line.heading for line in lines if line.level],
        bool(note.presentations),
    )
    return note


def _stem(file_name: str) -> str:
    stem = PurePath(file_name).name
    for suffix in (".md", ".markdown", ".txt"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return _NOTION_ID.sub("", stem).strip()


def _scan(body: str) -> list[_Line]:
    """Each body line with its fence state and heading level."""
    lines: list[_Line] = []
    fence: str | None = None
    for raw in body.split("\n"):
        if fence is not None:
            lines.append(_Line(raw, fenced=True))
            stripped = raw.strip()
            if stripped.startswith(fence[0] * len(fence)) and stripped.rstrip(fence[0]) == "":
                fence = None
            continue
        opening = _FENCE_OPEN.match(raw)
        if opening and not (opening["fence"][0] == "`" and "`" in opening["info"]):
            fence = opening["fence"]
            lines.append(_Line(raw, fenced=True))
            continue
        heading = _HEADING.match(raw)
        if heading:
            text = (heading["text"] or "").strip()
            lines.append(_Line(raw, level=len(heading["marks"]), heading=text))
        else:
            lines.append(_Line(raw))
    return lines


def _title(data: dict[str, object], lines: list[_Line], stem: str) -> tuple[str, str]:
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


def _fill_date(
    note: ParsedNote,
    data: dict[str, object],
    lines: list[_Line],
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
    lines: list[_Line],
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


def _top_date_lines(lines: list[_Line]) -> list[re.Match[str]]:
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


def _fill_metadata(note: ParsedNote, data: dict[str, object]) -> None:
    note.group = text_value(front_matter_value(data, "group", "study", "스터디"))
    note.tags = tags_value(front_matter_value(data, "tags", "tag", "keywords"))
    note.status = status_value(front_matter_value(data, "status"))
    attendees = names_value(front_matter_value(data, "attendees", "participants", "참석자"))
    absentees = names_value(front_matter_value(data, "absent", "absentees", "불참"))
    note.attendees, note.absentees = attendees, absentees


def _mark_tasks(lines: list[_Line], note: ParsedNote) -> None:
    for line in lines:
        if line.fenced or line.level:
            continue
        fields = parse_task_line(line.text)
        if fields is not None:
            line.role = "task"
            note.tasks.append(ParsedTask(fields=fields, source_line=line.text))


def _section_end(lines: list[_Line], start: int) -> int:
    """Index of the next heading at the same or a higher level than ``lines[start]``."""
    level = lines[start].level
    for index in range(start + 1, len(lines)):
        other = lines[index]
        if other.level and not other.fenced and other.level <= level:
            return index
    return len(lines)


def _mark_presentations(
    lines: list[_Line], note: ParsedNote, known_people: Collection[str]
) -> None:
    index = 0
    while index < len(lines):
        line = lines[index]
        parsed = None
        if line.level and not line.fenced and line.role == "notes":
            parsed = parse_presentation_heading(line.heading, known_people)
        if parsed is None:
            index += 1
            continue
        end = _section_end(lines, index)
        line.role = "presentation"
        notes: list[str] = []
        removed: list[bool] = []
        discussion: list[str] = []
        gap = False
        section = lines[index + 1 : end]
        quoted = [not x.fenced and x.role == "notes" and x.text.startswith("> ") for x in section]
        timing_at, timing = _timing(section)
        for position, inner in enumerate(section):
            if position == timing_at:
                inner.role = "presentation"
            if inner.role != "notes":
                removed.append(True)
                continue
            inner.role = "presentation"
            # Only "> text" comes back from the exporter unchanged, and a bare ">" only
            # between two of them; a ">text" quote stays in the notes as written.
            bare = (
                inner.text.rstrip() == ">"
                and any(quoted[:position])
                and any(quoted[position + 1 :])
            )
            if not inner.fenced and (quoted[position] or bare):
                removed.append(True)
                if gap and discussion and discussion[-1].strip():
                    discussion.append("")
                discussion.append(inner.text[2:])
                gap = False
            else:
                notes.append(inner.text)
                removed.append(False)
                gap = gap or bool(discussion)
        presenter, paper = parsed
        note.presentations.append(
            ParsedPresentation(
                heading_raw=line.text,
                presenter=presenter,
                paper=paper,
                notes=_join(notes, removed),
                discussion=_join(discussion, []),
                duration_seconds=timing[0] if timing else None,
                timebox_minutes=timing[1] if timing else None,
            )
        )
        index = end


def _timing(section: list[_Line]) -> tuple[int | None, tuple[int, int] | None]:
    """Where the slot's timing line is (only ever its first non-blank line) and its values."""
    position = next((i for i, line in enumerate(section) if line.text.strip()), None)
    if position is None:
        return None, None
    first = section[position]
    if first.fenced or first.level or first.role != "notes":
        return None, None
    timing = parse_timing_line(first.text)
    return (position, timing) if timing else (None, None)


def _mark_attendees(lines: list[_Line], note: ParsedNote) -> None:
    """The first attendees line, unless front matter names other people (then it is notes)."""
    from_front = bool(note.attendees or note.absentees)
    for line in lines:
        if line.role != "notes" or line.fenced or line.level:
            continue
        parsed = parse_attendees_line(line.text)
        if parsed is None:
            continue
        if from_front and (set(parsed[0]), set(parsed[1])) != (
            set(note.attendees),
            set(note.absentees),
        ):
            return
        line.role = "attendees"
        note.attendees, note.absentees = parsed
        note.attendees_raw = line.text
        return


def _mark_checklist_heading(lines: list[_Line], note: ParsedNote, title_is_heading: bool) -> None:
    first_content = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    for index, line in enumerate(lines):
        if not line.level or line.fenced or line.role != "notes":
            continue
        if title_is_heading and index == first_content:
            continue  # the title heading stays in the notes
        section = lines[index + 1 : _section_end(lines, index)]
        if any(inner.role == "task" for inner in section) and all(
            inner.role == "task" or not inner.text.strip() for inner in section
        ):
            line.role = "checklist"
            note.checklist_heading = line.text
            return


def _join(kept: list[str], removed_flags: list[bool]) -> str:
    """Kept lines as text: ends trimmed, blank runs left by removed lines cut to one."""
    if removed_flags:
        kept = _collapse(kept, removed_flags)
    while kept and not kept[0].strip():
        kept = kept[1:]
    while kept and not kept[-1].strip():
        kept = kept[:-1]
    return "\n".join(kept)


def _collapse(kept: list[str], removed_flags: list[bool]) -> list[str]:
    """Rebuild from flags: ``removed_flags`` has one entry per original line, in order."""
    result: list[str] = []
    blanks: list[str] = []
    touched = False
    position = 0
    for removed in removed_flags:
        if removed:
            touched = True
            continue
        text = kept[position]
        position += 1
        if not text.strip():
            blanks.append(text)
            continue
        result += blanks[:1] if touched and blanks else blanks
        blanks, touched = [], False
        result.append(text)
    result += blanks
    return result
