"""One note's text -> ParsedNote: its metadata, its body as written, and the structure in it.

The hard rule is that nothing is lost: the body is kept whole, in the order written, and
the front matter block by block. Talks, to-dos and attendance are recognised in the body
(``core/document/outline.py``) without taking anything out of it, so an odd file becomes a
plain note rather than an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from studyapp.core.document.lines import Line, scan_body, split_body
from studyapp.core.document.outline import derive_lines, parse_timing_line
from studyapp.core.markdown.document import ParsedNote, ParsedPresentation, ParsedTask
from studyapp.core.markdown.frontmatter import guess_kind, split_front_matter
from studyapp.core.markdown.jekyll import EMBEDS_KEY, as_written
from studyapp.core.markdown.note_meta import (
    bookkeeping_times,
    fill_date,
    fill_metadata,
    stem_of,
    title_of,
)
from studyapp.core.markdown.text_lines import trim_blank

__all__ = ["parse_note", "parse_note_lines", "parse_timing_line"]


def parse_note(
    text: str,
    *,
    file_name: str,
    context_year: int | None = None,
    file_date: dt.date | None = None,
    known_people: Collection[str] = (),
) -> ParsedNote:
    """Everything ``text`` (already normalized by read_note_text) says about one session."""
    return parse_note_lines(
        text,
        file_name=file_name,
        context_year=context_year,
        file_date=file_date,
        known_people=known_people,
    )[0]


def parse_note_lines(
    text: str,
    *,
    file_name: str,
    context_year: int | None = None,
    file_date: dt.date | None = None,
    known_people: Collection[str] = (),
) -> tuple[ParsedNote, list[Line]]:
    """:func:`parse_note`, and its body's lines as walked (a log's meetings reuse them)."""
    try:
        return _parse(text, file_name, context_year, file_date, known_people)
    except Exception:  # a note that trips the parser is still imported, whole
        stem = stem_of(file_name)
        note = ParsedNote(
            title=stem or "Untitled",
            date=file_date or dt.date.today(),
            date_source="file date",
            body=text.strip("\n"),
            warnings=["could not read the note's structure; imported it as plain text"],
        )
        return note, scan_body(note.body)


def _parse(
    text: str,
    file_name: str,
    context_year: int | None,
    file_date: dt.date | None,
    known_people: Collection[str],
) -> tuple[ParsedNote, list[Line]]:
    front, raw_body, warnings = split_front_matter(text)
    # The body without blank lines at its ends (the gap after the front matter); a blog
    # post studyapp wrote reads back as the note it came from.
    body = "\n".join(trim_blank(split_body(raw_body)))
    embeds = front.data.get(EMBEDS_KEY)
    if not (isinstance(embeds, list) and all(isinstance(e, str) for e in embeds)):
        embeds = []  # not a list studyapp wrote: the block stays the user's
    if embeds:
        front.blocks = [(key, raw) for key, raw in front.blocks if key != EMBEDS_KEY]
        del front.data[EMBEDS_KEY]
    body = as_written(body, embeds)
    data = front.data
    lines = scan_body(body)
    stem = stem_of(file_name)

    title, title_source = title_of(data, lines, stem)
    created, modified = bookkeeping_times(data)
    if created is not None:
        context_year = created.year  # the note's own creation year beats folder or file hints
    note = ParsedNote(
        title=title,
        date=file_date or dt.date.today(),
        front_matter=front,
        warnings=warnings,
        created=created,
        modified=modified,
        body=body,
    )
    fill_date(note, data, lines, title, title_source, stem, context_year, file_date, created)
    fill_metadata(note, data)
    fill_structure(note, lines, known_people)
    return note, lines


def fill_structure(note: ParsedNote, lines: list[Line], known_people: Collection[str]) -> None:
    """The talks, to-dos, attendance and kind the body's ``lines`` show."""
    data = note.front_matter.data
    outline = derive_lines(lines, known_people, with_texts=True)
    note.presentations = [
        ParsedPresentation(
            heading_raw=talk.heading,
            presenter=talk.presenter,
            paper=talk.paper,
            notes=talk.notes,
            discussion=talk.discussion,
            duration_seconds=talk.duration_seconds,
            timebox_minutes=talk.timebox_minutes,
        )
        for talk in outline.talks
    ]
    note.tasks = [ParsedTask(fields=task.fields, source_line=task.text) for task in outline.tasks]
    found = outline.attendance
    from_front = bool(note.attendees or note.absentees)
    # Front matter that names other people wins; the line then is just text.
    if found is not None and (
        not from_front
        or (set(found.attendees), set(found.absentees))
        == (set(note.attendees), set(note.absentees))
    ):
        note.attendees, note.absentees = list(found.attendees), list(found.absentees)
        note.attendees_raw = found.text
    note.kind = guess_kind(
        data,
        note.title,
        note.tags,
        [heading.text for heading in outline.headings],
        bool(note.presentations),
    )
