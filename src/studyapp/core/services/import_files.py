"""Note files: finding them, and reading and parsing one, ahead of its turn if need be.

An import reads the next files while SQLite builds the last batch's search index in
another thread (see imports.py): what is read ahead waits here until its turn.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from studyapp.core.errors import ImportFileError
from studyapp.core.markdown.document import ParsedNote
from studyapp.core.markdown.meetings import parse_meetings
from studyapp.core.markdown.reading import content_hash, read_note_file
from studyapp.core.services.import_images import FoundImage, ImageFinder, images_digest
from studyapp.core.services.import_sources import SourceFile, collect_files

__all__ = ["ReadAhead", "ReadNote", "ReadPart", "SourceFile", "collect_files", "read_note"]

_YEAR_IN_PATH = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")
EMPTY_FILE = "the file is empty: nothing to import"
# At most this many files, of this many characters in all, wait read for their turn. A file
# larger than what is left is read in its turn only: the characters are few of the bytes
# a parsed note holds (its text, body and lines), and a batch's index is in memory meanwhile.
READ_AHEAD_FILES = 200
READ_AHEAD_CHARS = 4_000_000


def context_year(source: SourceFile, file_date: dt.date | None) -> int | None:
    """A year for dates written without one: a year in the file's name or folders, else the
    file's own year (``file_date``, from :func:`_file_date`)."""
    relative = (
        source.path.relative_to(source.root)
        if source.path.is_relative_to(source.root)
        else Path(source.path.name)
    )
    # The file's own name first ("kd-log-2025.md"), then its folders, nearest first.
    for part in reversed((source.folder_name, *relative.parts)):
        match = _YEAR_IN_PATH.search(part)
        if match:
            return int(match[1])
    return file_date.year if file_date is not None else None


def _file_date(path: Path) -> dt.date | None:
    try:
        return dt.date.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


@dataclass(frozen=True)
class ReadPart:
    """One meeting of a file (most files are one): its note, the digest that identifies its
    content, and the images it embeds."""

    note: ParsedNote
    digest: str
    images: tuple[FoundImage, ...] = ()
    body_tokens: str | None = None  # the body's search index text, when worked out already


@dataclass(frozen=True)
class ReadNote:
    """One file read and parsed into its meetings, or why it could not be read."""

    parts: tuple[ReadPart, ...] = ()
    problem: str | None = None  # the file could not be read (no parts then)
    people_known: int = 0  # how many people the parser knew of
    size: int = 0  # characters (and image bytes) read
    warnings: tuple[str, ...] = ()  # of reading the file (NUL bytes dropped)
    empty: bool = False  # nothing in it but white space: skipped, not a blank session


def read_note(
    source: SourceFile,
    people: list[str],
    *,
    split: bool = True,
    finder: ImageFinder | None = None,
) -> ReadNote:
    path = source.path
    if source.skipped is not None:
        return ReadNote(problem=source.skipped, people_known=len(people))
    try:
        read = read_note_file(path)
    except ImportFileError as error:
        # The outcome already names the file; keep the reason only.
        return ReadNote(problem=str(error).removeprefix(f"{path.name}: "), people_known=len(people))
    text = read.text
    if not text.strip():
        return ReadNote(problem=EMPTY_FILE, empty=True, people_known=len(people))
    file_date = _file_date(path)  # one stat serves both
    notes = parse_meetings(
        text,
        file_name=source.shown_path.name,
        context_year=context_year(source, file_date),
        file_date=file_date,
        known_people=people,
        split=split,
    )
    finder = finder or ImageFinder()
    parts = []
    for note in notes:
        images = finder.images(note.body, path, source.root)
        digest = content_hash(text) if note.part is None else part_hash(note)
        if images:  # an image found (or changed) since the last import changes the note
            digest = content_hash(f"{digest}\x00{images_digest(images)}")
        parts.append(ReadPart(note, digest, images))
    size = len(text) + sum(len(image.data) for part in parts for image in part.images)
    return ReadNote(tuple(parts), None, len(people), size, read.warnings)


def part_hash(note: ParsedNote) -> str:
    """What identifies one meeting of a log: its place, its text and the file's front matter
    (a change in another meeting of the file leaves it unchanged)."""
    front = "\n".join(f"{key}\n{raw}" for key, raw in note.front_matter.blocks)
    return content_hash(f"{note.part}\x00{front}\x00{note.body}")


class ReadAhead:
    """Files read before their turn, by their place in the import's list."""

    def __init__(self, *, split: bool = True) -> None:
        self._read: dict[int, ReadNote] = {}
        self._size = 0  # characters of the files waiting
        self.split = split
        self.finder = ImageFinder()

    def read_while(
        self, busy: Callable[[], bool], files: Sequence[SourceFile], start: int, people: list[str]
    ) -> None:
        """Read files from ``start`` on, one at a time, until ``busy()`` says stop (or a
        batch's worth is waiting)."""
        place = start
        while place < len(files) and busy():
            if place not in self._read and files[place].skipped is None:  # never opened
                if (
                    len(self._read) >= READ_AHEAD_FILES
                    or self._size + files[place].size > READ_AHEAD_CHARS
                ):
                    return
                try:
                    read = read_note(files[place], people, split=self.split, finder=self.finder)
                except Exception:
                    # Not this batch's file: let it fail in its own turn, as it would have.
                    return
                self._read[place] = read
                self._size += read.size
            place += 1

    def close(self) -> None:
        self._read.clear()

    def take(self, place: int, source: SourceFile, people: list[str]) -> ReadNote:
        """The file at ``place``, read now unless it was read ahead knowing the same people
        (the list only grows: a presenter of a note just imported is known to the next)."""
        read = self._read.pop(place, None)
        self._size -= read.size if read is not None else 0
        if read is not None and read.people_known == len(people):
            return read
        return read_note(source, people, split=self.split, finder=self.finder)
