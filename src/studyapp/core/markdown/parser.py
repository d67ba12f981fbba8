"""One note's text -> ParsedNote: metadata, presentations, checklist, and the rest as notes.

The hard rule is that nothing is lost: every line of the body ends up verbatim in exactly
one place (the notes, a presentation, its discussion, a task, the attendees line, the
checklist heading) or in a front matter block. Whatever is not understood stays in the
notes, so an odd file becomes a plain note rather than an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from studyapp.core.markdown.document import ParsedNote
from studyapp.core.markdown.frontmatter import guess_kind, split_front_matter
from studyapp.core.markdown.note_meta import (
    bookkeeping_times,
    fill_date,
    fill_metadata,
    stem_of,
    title_of,
)
from studyapp.core.markdown.sections import (
    join_kept,
    mark_attendees,
    mark_checklist_heading,
    mark_presentations,
    mark_tasks,
    parse_timing_line,
    scan_body,
)

__all__ = ["parse_note", "parse_timing_line"]


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
        stem = stem_of(file_name)
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
    )
    fill_date(note, data, lines, title, title_source, stem, context_year, file_date, created)
    fill_metadata(note, data)

    mark_tasks(lines, note)
    mark_presentations(lines, note, known_people)
    mark_attendees(lines, note)
    mark_checklist_heading(lines, note, title_source == "heading")
    note.notes = join_kept(
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
