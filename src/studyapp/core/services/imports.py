"""Pouring Markdown notes into the database: one transaction per file.

Re-importing a file whose content is unchanged does nothing (source path and content hash
are recorded). A file whose content changed replaces its session's content, after keeping
the old notes as a revision.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.errors import DatabaseError, ImportFileError, StudyappError
from studyapp.core.markdown.document import ParsedNote
from studyapp.core.markdown.parser import parse_note
from studyapp.core.markdown.reading import NOTE_SUFFIXES, content_hash, read_note_text
from studyapp.core.services import lookup
from studyapp.core.services.checklist import apply_task
from studyapp.core.services.fields import clean_timezone, parse_kind, parse_status
from studyapp.core.services.sessions import attendance_rows, default_status
from studyapp.core.timezones import local_timezone_name, tzinfo_for

DEFAULT_GROUP = "Imported"
_SKIPPED_FOLDERS = {".git", ".obsidian", ".trash", ".github", "node_modules", "_site", ".venv"}
_YEAR_IN_PATH = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")

Progress = Callable[[int, int, Path], None]


@dataclass
class FileOutcome:
    path: Path
    status: str  # created, updated, unchanged, failed, would create, would update
    session_id: int | None = None
    title: str | None = None
    date: dt.date | None = None
    message: str | None = None
    warnings: list[str] = field(default_factory=list)
    presentations: int = 0
    tasks: int = 0


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def counts(self) -> dict[str, int]:
        result: dict[str, int] = {}
        for outcome in self.outcomes:
            result[outcome.status] = result.get(outcome.status, 0) + 1
        return result


@dataclass(frozen=True)
class SourceFile:
    path: Path
    root: Path  # the folder the user named, or the file's own folder
    from_folder: bool = False  # found by walking a folder the user named


def collect_files(paths: Sequence[Path]) -> list[SourceFile]:
    """Every note file under ``paths``; a named file is taken whatever its suffix."""
    found: list[SourceFile] = []
    for given in paths:
        path = Path(given).expanduser()
        if not path.exists():
            raise ImportFileError(f"No such file or folder: {given}")
        if path.is_file():
            found.append(SourceFile(path.resolve(), path.resolve().parent))
            continue
        root = path.resolve()
        for folder, subfolders, files in os.walk(root):
            subfolders[:] = sorted(
                d for d in subfolders if d not in _SKIPPED_FOLDERS and not d.startswith(".")
            )
            for name in sorted(files):
                if name.lower().endswith(NOTE_SUFFIXES) and not name.startswith("."):
                    found.append(SourceFile(Path(folder) / name, root, from_folder=True))
    unique: dict[Path, SourceFile] = {}
    for item in found:
        unique.setdefault(item.path, item)
    return list(unique.values())


def context_year(source: SourceFile) -> int | None:
    """A year for dates written without one: a year folder, else the file's own year."""
    relative = (
        source.path.relative_to(source.root)
        if source.path.is_relative_to(source.root)
        else Path(source.path.name)
    )
    for part in reversed((source.root.name, *relative.parts[:-1])):
        match = _YEAR_IN_PATH.search(part)
        if match:
            return int(match[1])
    try:
        return dt.date.fromtimestamp(source.path.stat().st_mtime).year
    except OSError:
        return None


def _file_date(path: Path) -> dt.date | None:
    try:
        return dt.date.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


def _group_name(note: ParsedNote, source: SourceFile, explicit: str | None) -> str:
    if explicit and explicit.strip():
        return explicit.strip()
    if note.group and str(note.group).strip():
        return str(note.group).strip()
    # A folder of notes is usually one group's; a loose file says nothing about its group.
    if source.from_folder and source.root.name:
        return source.root.name
    return DEFAULT_GROUP


class ImportService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def known_people(self) -> list[str]:
        with self.db.transaction() as orm:
            return list(orm.scalars(select(models.Person.name)))

    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        group: str | None = None,
        dry_run: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        files = collect_files(paths)  # a missing path fails here, before any write
        if group is not None:
            lookup.clean_name(group, "group name")
        people = self.known_people()
        report = ImportReport()
        for index, source in enumerate(files):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            if progress is not None:
                progress(index, len(files), source.path)
            outcome = self._import_one(source, group, dry_run, people)
            report.outcomes.append(outcome)
        if progress is not None and not report.cancelled:
            progress(len(files), len(files), files[-1].path if files else Path())
        return report

    def _import_one(
        self, source: SourceFile, group: str | None, dry_run: bool, people: list[str]
    ) -> FileOutcome:
        path = source.path
        try:
            text = read_note_text(path)
        except ImportFileError as error:
            # The outcome already names the file; keep the reason only.
            return FileOutcome(path, "failed", message=str(error).removeprefix(f"{path.name}: "))
        digest = content_hash(text)
        note = parse_note(
            text,
            file_name=path.name,
            context_year=context_year(source),
            file_date=_file_date(path),
            known_people=people,
        )
        outcome = FileOutcome(
            path,
            "unchanged",
            title=note.title,
            date=note.date,
            warnings=list(note.warnings),
            presentations=len(note.presentations),
            tasks=len(note.tasks),
        )
        try:
            with self.db.transaction() as orm:
                existing = orm.scalar(
                    select(models.Session)
                    .where(
                        or_(
                            models.Session.source_path == str(path),
                            models.Session.source_hash == digest,
                        )
                    )
                    .order_by((models.Session.source_hash == digest).desc())
                )
                if existing is not None and existing.source_hash == digest:
                    outcome.session_id = existing.id
                    if existing.source_path != str(path):
                        outcome.message = f"same content as {existing.source_path}"
                    return outcome
                if dry_run:
                    outcome.status = "would update" if existing else "would create"
                    outcome.session_id = existing.id if existing else None
                    return outcome
                row = existing or models.Session()
                if existing is not None:
                    _keep_old_notes(orm, existing)
                _fill_session(orm, row, note, _group_name(note, source, group))
                row.source_path, row.source_hash = str(path), digest
                if existing is None:
                    orm.add(row)
                orm.flush()
                outcome.session_id = row.id
                outcome.status = "updated" if existing else "created"
        except DatabaseError:
            raise  # a locked or broken database fails the whole import, not one file
        except StudyappError as error:
            return FileOutcome(path, "failed", title=note.title, date=note.date, message=str(error))
        for name in (p.presenter for p in note.presentations):
            if name and name not in people:
                people.append(name)
        return outcome


def _keep_old_notes(orm: OrmSession, row: models.Session) -> None:
    if row.notes.strip():
        orm.add(
            models.NoteRevision(
                session_id=row.id, field="notes", content=row.notes, reason="reimport"
            )
        )
    for slot in row.presentations:
        if slot.notes.strip() or slot.discussion.strip():
            orm.add(
                models.NoteRevision(
                    session_id=row.id,
                    field=f"presentation:{slot.id}:notes",
                    content=f"{slot.notes}\n\n{slot.discussion}".strip(),
                    reason="reimport",
                )
            )


def _fill_session(orm: OrmSession, row: models.Session, note: ParsedNote, group: str) -> None:
    """Write everything the parser understood onto ``row`` (new or being replaced)."""
    row.group = lookup.group(orm, group)
    row.title = " ".join(note.title.split())[:500] or "Untitled"
    row.date = note.date
    row.start_time = note.start_time
    try:
        row.timezone = clean_timezone(note.timezone) if note.timezone else local_timezone_name()
    except StudyappError:
        row.timezone = local_timezone_name()
        note.warnings.append(f"unknown time zone {note.timezone!r}; used {row.timezone}")
    row.kind = parse_kind(note.kind)
    try:
        row.status = parse_status(note.status) if note.status else default_status(note.date)
    except StudyappError:
        row.status = default_status(note.date)
    row.notes = note.notes
    row.tags = lookup.tags(orm, [t for t in note.tags if str(t).strip().lstrip("#")])
    row.attendance = attendance_rows(orm, note.attendees, note.absentees)
    row.attendees_raw = note.attendees_raw
    row.checklist_heading = note.checklist_heading
    row.front_matter = {
        "format": note.front_matter.format,
        "blocks": [[key, raw] for key, raw in note.front_matter.blocks],
    }
    if note.created is not None:
        row.created_at = _aware(note.created, row.timezone)
    if note.modified is not None:
        row.updated_at = _aware(note.modified, row.timezone)
    row.presentations = [
        models.Presentation(
            position=position,
            presenter=lookup.person(orm, slot.presenter) if slot.presenter else None,
            paper=lookup.paper(orm, slot.paper) if slot.paper else None,
            heading_raw=slot.heading_raw,
            notes=slot.notes,
            discussion=slot.discussion,
            duration_seconds=slot.duration_seconds,
            timebox_minutes=slot.timebox_minutes,
        )
        for position, slot in enumerate(note.presentations)
    ]
    orm.flush()
    items = []
    for position, task in enumerate(note.tasks):
        item = models.ChecklistItem(
            group_id=row.group.id,
            position=position,
            text=task.fields.text,
            source_line=task.source_line,
        )
        # An empty "- [ ]" line is still a line the user wrote; keep it as an item.
        apply_task(orm, item, task.fields, allow_empty=True)
        items.append(item)
    row.checklist = items
    row.version = (row.version or 0) + 1


def _aware(value: dt.datetime, timezone: str) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=tzinfo_for(timezone))
