"""Pouring Markdown notes into the database, each file all or nothing.

Files are written a batch per transaction (a commit and a search index update for each
file made imports six times slower), each file in a savepoint of its own: a file that
fails leaves nothing behind and takes nothing from the files before it. A batch ends after
a fraction of a second, so other writers never wait long for the database. Its full-text
index and commit are written by SQLite in a second thread while the next files are read
and parsed (import_files.ReadAhead).

Re-importing a file whose content is unchanged does nothing (source path and content hash
are recorded). A file whose content changed replaces its session's content, after keeping
the old body as a revision. A log of several meetings is a session per meeting
(core/markdown/meetings.py), each known by its file and its part (the meeting's date).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.db import (
    Database,
    begin_writing,
    journals_in_memory,
    settle_after_import,
    settle_for_import,
)
from studyapp.core.errors import DatabaseError, StudyappError
from studyapp.core.markdown.document import ParsedNote
from studyapp.core.search import index, sync
from studyapp.core.services import lookup
from studyapp.core.services.import_files import ReadAhead, ReadPart
from studyapp.core.services.import_known import Known, known_as, sessions_known
from studyapp.core.services.import_rows import (
    Origin,
    attachment,
    fill_session,
    insert_new_session,
    keep_old_body,
    replace_images,
)
from studyapp.core.services.import_sources import SourceFile, collect_files
from studyapp.core.services.import_workers import WORKER_FILES, WorkerReader, worker_count
from studyapp.core.services.row_inserts import QueuedRow, RowQueue

DEFAULT_GROUP = "Imported"

# A batch commits after this many files or seconds, whichever comes first.
BATCH_FILES = 200
BATCH_SECONDS = 0.1

Progress = Callable[[int, int, Path], None]


@dataclass
class FileOutcome:
    path: Path
    status: str  # created, updated, unchanged, failed, skipped, would create, would update
    session_id: int | None = None
    part: str | None = None  # which meeting of a log file ("2025-03-10")
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


def _group_name(note: ParsedNote, source: SourceFile, explicit: str | None) -> str:
    if explicit and explicit.strip():
        return explicit.strip()
    if note.group and str(note.group).strip():
        return str(note.group).strip()
    # A folder of notes is usually one group's; a loose file says nothing about its group.
    if source.from_folder and source.folder_name:
        return source.folder_name
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
        split: bool = True,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Import the notes under ``paths``; ``split=False`` keeps a log of several
        meetings as one session."""
        files = collect_files(paths)  # a missing path fails here, before any write
        if group is not None:
            lookup.clean_name(group, "group name")
        batch = _Batch(files, group, dry_run, self.known_people(), progress, cancelled)
        batch.ahead.split = split
        if sum(source.skipped is None for source in files) >= WORKER_FILES:
            batch.ahead = WorkerReader(files, split=split, workers=worker_count())
        try:
            while batch.next < len(files) and not batch.report.cancelled:
                self._import_batch(batch)
        finally:
            batch.ahead.close()
        if batch.next and not dry_run:
            with self.db.transaction() as orm:
                settle_after_import(orm)
        counts = batch.report.counts
        if counts.get("created", 0) + counts.get("updated", 0) >= index.OPTIMIZE_AFTER:
            with self.db.transaction() as orm:
                index.optimize(orm.connection())
            index.compact(self.db.engine)
        if progress is not None and not batch.report.cancelled:
            progress(len(files), len(files), files[-1].shown_path if files else Path())
        return batch.report

    def _import_batch(self, batch: _Batch) -> None:
        """Files from ``batch.next`` on, in one transaction, until the batch is full.

        A database error (locked, disk full) rolls the batch back and fails the import, as
        it would fail every file after it; earlier batches stay committed.
        """
        first = batch.next
        deadline = time.monotonic() + BATCH_SECONDS
        with self.db.transaction() as orm, journals_in_memory(orm):
            if not batch.dry_run:
                settle_for_import(orm)
                begin_writing(orm)
                batch.memory.carry_over(orm)
            while batch.next < len(batch.files) and batch.next - first < BATCH_FILES:
                if batch.next > first and time.monotonic() > deadline:
                    break
                if batch.cancelled is not None and batch.cancelled():
                    batch.report.cancelled = True
                    break
                source = batch.files[batch.next]
                if batch.progress is not None:
                    batch.progress(batch.next, len(batch.files), source.shown_path)
                batch.report.outcomes += self._import_file(orm, batch, source)
                batch.next += 1
            batch.queued.write(orm)
            fts_rows: index.FtsRows = []
            sync.index_now(orm, batch.unindexed, fts_rows, batch.tokens)
            batch.tokens.clear()
            self._finish_reading_ahead(orm, batch, fts_rows)

    @staticmethod
    def _finish_reading_ahead(orm: OrmSession, batch: _Batch, rows: index.FtsRows) -> None:
        """Write the batch's full-text index and commit in another thread while this one
        reads the next files: SQLite releases Python's interpreter lock while it works, so
        the two run at once (a fifth of an import). Nothing else uses the connection
        meanwhile; the block's own commit then finds nothing left to do."""
        if not rows:
            return
        connection = orm.connection()

        def finish() -> None:
            index.write_fts(connection, rows)
            connection.exec_driver_sql("COMMIT")

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-commit") as pool:
            finishing = pool.submit(finish)
            batch.ahead.read_while(
                lambda: not finishing.done(), batch.files, batch.next, batch.people
            )
            finishing.result()  # its error fails the batch here, as if raised in this thread

    def _import_file(self, orm: OrmSession, batch: _Batch, source: SourceFile) -> list[FileOutcome]:
        # Warnings about the file itself (its name, bytes dropped) go with every outcome.
        shown = source.shown_path  # what is shown and stored: readable, whatever named the file
        warnings = [source.warning] if source.warning else []
        if source.skipped is not None:
            return [FileOutcome(shown, "skipped", message=source.skipped, warnings=warnings)]
        read = batch.ahead.take(batch.next, source, batch.people)
        warnings += read.warnings
        if not read.parts:
            status = "skipped" if read.empty else "failed"
            return [FileOutcome(shown, status, message=read.problem, warnings=warnings)]
        orm.flush()  # as an ORM query would, so the plain one below sees every row
        path = str(shown)
        rows = sessions_known(orm, path, [part.digest for part in read.parts])
        outcomes = []
        for place, part in enumerate(read.parts):
            known = known_as(rows, path, part.note.part, part.digest, first=place == 0)
            if known is not None:
                rows.remove(known)  # one session per meeting
            outcome = self._import_one(orm, batch, source, part, known)
            outcome.warnings[:0] = warnings
            outcomes.append(outcome)
        return outcomes

    def _import_one(
        self,
        orm: OrmSession,
        batch: _Batch,
        source: SourceFile,
        part: ReadPart,
        known: Known | None,
    ) -> FileOutcome:
        path, note, digest = source.shown_path, part.note, part.digest
        outcome = FileOutcome(
            path,
            "unchanged",
            part=note.part,
            title=note.title,
            date=note.date,
            warnings=list(note.warnings),
            presentations=len(note.presentations),
            tasks=len(note.tasks),
        )
        if known is not None and known.source_hash == digest:
            outcome.session_id = known.id
            notes = []
            if known.source_path != str(path):
                notes.append(f"same content as {known.source_path}")
            if known.title != note.title:
                # Renamed in studyapp since: the report names the session as it is now.
                outcome.title = known.title
                notes.append(f"renamed since; the file calls it {note.title!r}")
            outcome.message = "; ".join(notes) or None
            return outcome
        if batch.dry_run:
            outcome.status = "would update" if known else "would create"
            outcome.session_id = known.id if known else None
            return outcome
        group = _group_name(note, source, batch.group)
        origin = (str(path), digest, note.part)
        try:
            if known is None:
                session_id, held = self._insert(orm, batch, note, group, origin)
                held += [(models.Attachment, attachment(session_id, i)) for i in part.images]
                if part.body_tokens is not None:
                    batch.tokens[note.body] = part.body_tokens
            else:
                session_id = self._replace(orm, batch, known.id, note, group, origin)
                replace_images(orm, session_id, part.images)
                held = []
        except DatabaseError:
            raise  # a locked or broken database fails the whole import, not one file
        except StudyappError as error:
            batch.memory.clear()  # the rollback may have taken rows it remembers
            return FileOutcome(
                path,
                "failed",
                part=note.part,
                title=note.title,
                date=note.date,
                message=str(error),
            )
        batch.queued.extend(held)
        outcome.session_id = session_id
        outcome.status = "updated" if known else "created"
        for name in (p.presenter for p in note.presentations):
            if name and name not in batch.people:
                batch.people.append(name)
        return outcome

    @staticmethod
    def _insert(
        orm: OrmSession, batch: _Batch, note: ParsedNote, group: str, source: Origin
    ) -> tuple[int, list[QueuedRow]]:
        """A new session: its id, and the rows it holds still to be inserted.

        The note goes in a savepoint of plain SQL: the ORM's own cost a tenth of an import,
        and the ORM holds nothing of the note but the people, groups and tags it made,
        which a failure drops from the session with everything else.
        """
        connection = orm.connection()
        connection.exec_driver_sql("SAVEPOINT import_note")
        try:
            with lookup.remembering(orm, batch.memory), sync.deferred(orm, batch.unindexed):
                session_id, held = insert_new_session(orm, note, group, source)
                sync.sessions_changed(orm, {session_id})
        except StudyappError:
            connection.exec_driver_sql("ROLLBACK TO SAVEPOINT import_note")
            connection.exec_driver_sql("RELEASE SAVEPOINT import_note")
            orm.expunge_all()  # rows made through the ORM are gone with the rollback
            raise
        connection.exec_driver_sql("RELEASE SAVEPOINT import_note")
        return session_id, held

    @staticmethod
    def _replace(
        orm: OrmSession,
        batch: _Batch,
        session_id: int,
        note: ParsedNote,
        group: str,
        source: Origin,
    ) -> int:
        """An imported session replaced by the note's changed content, in an ORM savepoint.

        It runs as it did alone, without remembered lookups or deferred indexing: the
        numbers its texts get in the search index depend on the flushes on the way.
        """
        batch.queued.write(orm)  # the rows of earlier notes take the lower ids
        with orm.begin_nested():
            existing = orm.get(models.Session, session_id)
            if existing is None:
                raise RuntimeError(f"session {session_id} vanished during its import")
            keep_old_body(orm, existing)
            fill_session(orm, existing, note, group)
            existing.source_path, existing.source_hash, existing.source_part = source
            orm.flush()
        return session_id


@dataclass
class _Batch:
    """One import's files, options and progress, carried from batch to batch."""

    files: list[SourceFile]
    group: str | None
    dry_run: bool
    people: list[str]  # known names help the parser; each created note adds its presenters
    progress: Progress | None
    cancelled: Callable[[], bool] | None
    report: ImportReport = field(default_factory=ImportReport)
    next: int = 0  # the first file not yet imported
    memory: lookup.Memory = field(default_factory=lookup.Memory)
    queued: RowQueue = field(default_factory=RowQueue)  # rows of new sessions to insert
    unindexed: set[int] = field(default_factory=set)  # sessions written, index not yet
    tokens: dict[str, str] = field(default_factory=dict)  # their bodies' index texts, if known
    # Files read before their turn: here while the index is written, or by other processes.
    ahead: ReadAhead | WorkerReader = field(default_factory=ReadAhead)
