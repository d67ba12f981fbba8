"""A log of several meetings in one file: where each meeting starts, and its date.

People keep a study group's minutes in one growing note, a dated heading per meeting
(``# 0303 KD 스터디``, ``# 0310 MUG``, ``## 2025-03-10``). The meetings are the headings of
one level that carry dates, at least two of them; each runs to the next one. A year-less
date takes the year of the meeting before it, rolling over December -> January (or back,
in a log kept newest first).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from itertools import pairwise

from studyapp.core.dates import find_date
from studyapp.core.document.lines import Line, scan_body
from studyapp.core.markdown.document import ParsedNote
from studyapp.core.markdown.note_meta import fill_metadata
from studyapp.core.markdown.parser import fill_structure, parse_note_lines
from studyapp.core.markdown.text_lines import trim_blank

# Headings deeper than this are a meeting's own sections, never meetings.
DEEPEST_MEETING_LEVEL = 3
# A year-less date this far before the meeting above it is in the next year.
_ROLLOVER = dt.timedelta(days=60)
# A line that may be a heading of a meeting (its level at most DEEPEST_MEETING_LEVEL).
_HEADINGS = re.compile(r"^ {0,3}#{1,3}[ \t]", re.MULTILINE)


@dataclass(frozen=True)
class MeetingSection:
    """Lines ``start``..``end`` (exclusive) of the body, from a dated heading on."""

    start: int
    end: int
    heading: str
    date: dt.date
    matched: str  # the date as written in the heading
    year_inferred: bool
    key: str  # stable within the file: the date, "-2" for its second meeting that day


def meeting_sections(lines: list[Line], context_year: int | None) -> list[MeetingSection]:
    """The dated sections of a log, in file order; ``[]`` when the note is one meeting."""
    for level in range(1, DEEPEST_MEETING_LEVEL + 1):
        dated = _dated_headings(lines, level, context_year)
        if len({date for _, date, _, _ in dated}) >= 2:
            return _sections(lines, _rolled_over(dated))
    return []


_Dated = tuple[int, dt.date, str, bool]  # line, date, matched text, year inferred


def _dated_headings(lines: list[Line], level: int, context_year: int | None) -> list[_Dated]:
    found: list[_Dated] = []
    for number, line in enumerate(lines):
        if line.level != level or line.fenced:
            continue
        date = find_date(line.heading, context_year=context_year or dt.date.today().year)
        if date is not None:
            found.append((number, date.date, date.matched, date.year_inferred))
    return found


def _rolled_over(dated: list[_Dated]) -> list[_Dated]:
    """Year-less dates moved into the year the order of the log implies."""
    # The log's direction from its short steps: a long one may be the turn of the year.
    steps = [
        later[1] >= earlier[1]
        for earlier, later in pairwise(dated)
        if abs(later[1] - earlier[1]) < _ROLLOVER
    ]
    ascending = steps.count(True) >= steps.count(False)
    out: list[_Dated] = []
    for number, date, matched, inferred in dated:
        if inferred and out:
            before = out[-1][1]
            date = _same_day_in(date, before.year)
            if ascending and date < before - _ROLLOVER:
                date = _same_day_in(date, before.year + 1)
            elif not ascending and date > before + _ROLLOVER:
                date = _same_day_in(date, before.year - 1)
        out.append((number, date, matched, inferred))
    return out


def _same_day_in(date: dt.date, year: int) -> dt.date:
    try:
        return date.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return date.replace(year=year, day=28)


def _sections(lines: list[Line], dated: list[_Dated]) -> list[MeetingSection]:
    sections: list[MeetingSection] = []
    seen: dict[dt.date, int] = {}
    for place, (number, date, matched, inferred) in enumerate(dated):
        end = dated[place + 1][0] if place + 1 < len(dated) else len(lines)
        seen[date] = seen.get(date, 0) + 1
        key = date.isoformat() if seen[date] == 1 else f"{date.isoformat()}-{seen[date]}"
        heading = lines[number].heading.strip()
        sections.append(MeetingSection(number, end, heading, date, matched, inferred, key))
    return sections


def heading_is_only_a_date(section: MeetingSection) -> bool:
    """``## 2025-03-10``: a heading that says nothing but its date."""
    rest = section.heading.replace(section.matched, " ", 1)
    return not any(char.isalnum() for char in rest)


def parse_meetings(
    text: str,
    *,
    file_name: str,
    context_year: int | None = None,
    file_date: dt.date | None = None,
    known_people: Collection[str] = (),
    split: bool = True,
) -> list[ParsedNote]:
    """The note in ``text`` as one ParsedNote per meeting it records (one for most notes).

    Text before the first meeting is a note of its own when the note has an earlier date
    of its own (a log's cover page, created the day before), else the first meeting's.
    """
    note, lines = parse_note_lines(
        text,
        file_name=file_name,
        context_year=context_year,
        file_date=file_date,
        known_people=known_people,
    )
    if not split or len(_HEADINGS.findall(note.body)) < 2:
        return [note]  # most notes: fewer than two headings a meeting could start at
    own = _own_date(note)
    sections = meeting_sections(lines, own.year if own else context_year)
    if not sections:
        return [note]
    parts: list[ParsedNote] = []
    first = sections[0]
    start = 0
    if _has_own_text(lines[: first.start], note.title) and own is not None and own < first.date:
        cover = _part(note, lines, 0, first.start, known_people)
        cover.title, cover.date, cover.part = note.title, own, "cover"
        parts.append(cover)
        start = first.start
    for place, section in enumerate(sections):
        part = _part(note, lines, start if place == 0 else section.start, section.end, known_people)
        part.title = section.heading
        if heading_is_only_a_date(section):
            part.title = f"{note.title} {section.heading}"
        part.date, part.date_source, part.part = section.date, "heading", section.key
        part.start_time = note.start_time if section.date == note.date else None
        if section.year_inferred:
            part.warnings.append(
                f"{section.matched}: no year in the date; took {section.date.year} from the log"
            )
        parts.append(part)
    # What was said of the whole file (a front matter problem, say) is said once.
    parts[0].warnings[:0] = [w for w in note.warnings if "no year in the date" not in w]
    return parts


def _own_date(note: ParsedNote) -> dt.date | None:
    """The date the note gives itself, not one of its meetings' (nor its file's)."""
    if note.date_source in {"front matter", "title", "permalink", "file name"}:
        return note.date
    return note.created.date() if note.created is not None else None


def _has_own_text(lines: list[Line], title: str) -> bool:
    """More than the note's title (a heading or a first line) before its first meeting."""
    return any(
        line.text.strip() and (line.heading if line.level else line.text).strip() != title.strip()
        for line in lines
    )


def _part(
    note: ParsedNote, lines: list[Line], start: int, end: int, known_people: Collection[str]
) -> ParsedNote:
    """The note's lines ``start``..``end`` as a note of their own, with the note's metadata."""
    body_lines = trim_blank([line.text for line in lines[start:end]])
    part = ParsedNote(
        title=note.title,
        date=note.date,
        timezone=note.timezone,
        status=note.status,
        group=note.group,
        tags=list(note.tags),
        body="\n".join(body_lines),
        front_matter=note.front_matter,
        created=note.created,
        modified=note.modified,
    )
    fill_metadata(part, note.front_matter.data)
    fill_structure(part, scan_body(part.body), known_people)
    return part
