"""Rows in step with a session's body: talks, to-dos and attendance recognised in it.

Called on every save of a body and by the importer. Rows keep their ids across edits as
far as they can be matched: a talk by its heading line (then by the most similar heading),
a to-do by its line (then by the most similar text), so a retyped heading keeps its timer,
its assignment link and its place in other views.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.document.outline import AttendanceAt, Outline, Talk, TaskAt, derive
from studyapp.core.markdown.document import PaperRef
from studyapp.core.services import lookup
from studyapp.core.services.checklist_fields import apply_task
from studyapp.core.tasks import with_status_symbol
from studyapp.core.tasks.statuses import TODO

# A paper made from a heading this recently, used by nothing else, follows that heading as
# it is typed, instead of leaving one library entry per pause ("Atten", "Attention is").
FRESH_PAPER = dt.timedelta(minutes=10)
_SIMILAR = 0.6
_ANY_DAY = dt.date(2000, 1, 1)  # never written: a line made a to-do loses its dates
_MAX_COMPARISONS = 4000

_Old = TypeVar("_Old")
_New = TypeVar("_New")


def outline_of(orm: OrmSession, row: models.Session, body: str | None = None) -> Outline:
    """The structure of the row's body (or of ``body``), with the people and talks the
    database knows; plain queries, so the talk rows are not loaded for it."""
    known_people = list(orm.scalars(select(models.Person.name)))
    known_talks = [heading for heading, *_ in _talk_rows(orm, row.id) if heading]
    return derive(row.body if body is None else body, known_people, known_talks)


def rows_say(orm: OrmSession, row: models.Session, outline: Outline) -> bool:
    """Whether the session's rows already stand for exactly the outline's lines: then a
    save of the body (most saves: prose typed between headings) has no rows to change."""
    talks = [(t.heading, t.duration_seconds, t.timebox_minutes) for t in outline.talks]
    if talks != [tuple(found) for found in _talk_rows(orm, row.id)]:
        return False
    tasks = orm.scalars(
        select(models.ChecklistItem.source_line)
        .where(models.ChecklistItem.session_id == row.id)
        .order_by(models.ChecklistItem.position, models.ChecklistItem.id)
    ).all()
    if [task.text for task in outline.tasks] != list(tasks):
        return False
    line = outline.attendance.text if outline.attendance is not None else None
    return line == row.attendees_raw  # None and None: no line, rows of their own (if any)


def _talk_rows(orm: OrmSession, session_id: int) -> list[Any]:
    return list(
        orm.execute(
            select(
                models.Presentation.heading_raw,
                models.Presentation.duration_seconds,
                models.Presentation.timebox_minutes,
            )
            .where(models.Presentation.session_id == session_id)
            .order_by(models.Presentation.position, models.Presentation.id)
        ).all()
    )


def sync_rows(
    orm: OrmSession,
    row: models.Session,
    outline: Outline | None = None,
    *,
    continued: Mapping[object, str | None] | None = None,
    author: str | None = None,
) -> Outline:
    """Make the session's presentations, to-dos and attendance say what its body says.

    ``continued`` maps a talk or to-do row to the line that now stands for it (a heading or
    a Tasks line rewritten in place by a panel), so it keeps its id however much the line
    changed ("- [ ] a" ticked to "- [x] a ✅ 2025-03-10" is not much alike as text); to
    None when its line went, so no other line takes it over (a to-do done that says
    ``🏁 delete`` is not its next occurrence). ``author`` is recorded as who added a new
    talk and who ticked a to-do done now.
    """
    outline = outline if outline is not None else outline_of(orm, row)
    lines = continued or {}
    with orm.no_autoflush:  # a half-built row must not be flushed by a lookup's query
        _sync_talks(orm, row, outline.talks, lines, author)
        _sync_tasks(orm, row, outline.tasks, lines, author)
        _sync_attendance(orm, row, outline.attendance)
    return outline


def pair(
    old: Sequence[_Old],
    new: Sequence[_New],
    old_key: Callable[[_Old], str],
    new_key: Callable[[_New], str],
    *,
    also: Sequence[tuple[Callable[[_Old], str], Callable[[_New], str]]] = (),
) -> list[int | None]:
    """For each new item, the index of the old one it continues, else None: equal keys
    first (in order; then equal keys of each pair in ``also``), then the most similar
    remaining key."""
    taken: set[int] = set()
    result: list[int | None] = [None] * len(new)
    for old_stage, new_stage in ((old_key, new_key), *also):
        by_key: dict[str, list[int]] = {}
        for index, old_item in enumerate(old):
            if index not in taken:
                by_key.setdefault(old_stage(old_item), []).append(index)
        for index, new_item in enumerate(new):
            if result[index] is not None:
                continue
            candidates = by_key.get(new_stage(new_item))
            if candidates:
                found = candidates.pop(0)
                result[index] = found
                taken.add(found)
    left = [i for i in range(len(old)) if i not in taken]
    unmatched = [i for i, found in enumerate(result) if found is None]
    if not left or not unmatched or len(left) * len(unmatched) > _MAX_COMPARISONS:
        return result
    for index in unmatched:
        text = new_key(new[index])
        best, best_ratio = None, _SIMILAR
        for candidate in left:
            ratio = difflib.SequenceMatcher(None, old_key(old[candidate]), text).ratio()
            if ratio >= best_ratio:
                best, best_ratio = candidate, ratio
        if best is not None:
            result[index] = best
            left.remove(best)
    return result


def _sync_talks(
    orm: OrmSession,
    row: models.Session,
    talks: Sequence[Talk],
    continued: Mapping[object, str | None],
    author: str | None,
) -> None:
    old = _left(row.presentations, continued)
    matches = pair(
        old,
        talks,
        lambda p: (continued.get(p) or p.heading_raw or "").strip(),
        lambda t: t.heading.strip(),
    )
    kept: list[models.Presentation] = []
    for position, (talk, found) in enumerate(zip(talks, matches, strict=True)):
        slot = old[found] if found is not None else models.Presentation(added_by=author)
        changed = found is None or slot.heading_raw != talk.heading
        slot.position = position
        slot.heading_raw = talk.heading
        if changed:
            slot.presenter = lookup.person(orm, talk.presenter) if talk.presenter else None
            _set_paper(orm, slot, talk.paper)
        slot.duration_seconds = talk.duration_seconds
        slot.timebox_minutes = talk.timebox_minutes
        kept.append(slot)
        if changed:
            mark_presented_for(orm, slot)
    gone_papers = [slot.paper for slot in old if slot not in kept and slot.paper is not None]
    row.presentations = kept  # the talks left out go with the collection (delete-orphan)
    if gone_papers:
        orm.flush()
        for paper in gone_papers:
            _drop_if_typing_leftover(orm, paper)


def _set_paper(orm: OrmSession, slot: models.Presentation, ref: PaperRef | None) -> None:
    old = slot.paper
    if ref is None:
        slot.paper = None
    elif (
        old is not None
        and _follows_typing(orm, old, slot)
        and lookup.title_key(ref.title) not in _existing_title_keys(orm, ref, old.id)
    ):
        old.title = ref.title
        old.title_key = lookup.title_key(ref.title)
        old.venue = ref.venue
        old.year = ref.year
        old.url = ref.url
        return
    else:
        slot.paper = lookup.paper(orm, ref)
    if old is not None and old is not slot.paper:
        orm.flush()
        _drop_if_typing_leftover(orm, old)


def _existing_title_keys(orm: OrmSession, ref: PaperRef, own_id: int) -> set[str]:
    key = lookup.title_key(ref.title)
    found = orm.scalar(
        select(models.Paper.id).where(models.Paper.title_key == key, models.Paper.id != own_id)
    )
    return {key} if found is not None else set()


def _bare_and_fresh(paper: models.Paper) -> bool:
    fresh = paper.created_at is not None and models.utcnow() - paper.created_at < FRESH_PAPER
    bare = not (paper.arxiv_id or paper.doi or paper.bibtex_key or paper.abstract or paper.authors)
    return fresh and bare and paper.deleted_at is None


def _uses(orm: OrmSession, paper_id: int) -> int:
    slots = orm.scalar(
        select(func.count())
        .select_from(models.Presentation)
        .where(models.Presentation.paper_id == paper_id)
    )
    reading = orm.scalar(
        select(func.count())
        .select_from(models.ReadingAssignment)
        .where(models.ReadingAssignment.paper_id == paper_id)
    )
    return int(slots or 0) + int(reading or 0)


def _follows_typing(orm: OrmSession, paper: models.Paper, slot: models.Presentation) -> bool:
    if not _bare_and_fresh(paper):
        return False
    orm.flush()
    return _uses(orm, paper.id) <= (1 if slot.id is not None else 0)


def _drop_if_typing_leftover(orm: OrmSession, paper: models.Paper) -> None:
    if _bare_and_fresh(paper) and _uses(orm, paper.id) == 0:
        orm.delete(paper)


def _sync_tasks(
    orm: OrmSession,
    row: models.Session,
    tasks: Sequence[TaskAt],
    continued: Mapping[object, str | None],
    author: str | None,
) -> None:
    old = _left(row.checklist, continued)

    def line_of(item: models.ChecklistItem) -> str:
        return continued.get(item) or item.source_line or item.text

    # The same line, else the same line but for its status (a box ticked in the editor
    # changes "[ ]" and adds "✅ date"; the next occurrence of a recurring to-do written
    # above it has the same text, not the same dates), else the same to-do text, else the
    # most similar line.
    matches = pair(
        old,
        tasks,
        line_of,
        lambda t: t.text,
        also=[
            (lambda i: _status_free(line_of(i)), lambda t: _status_free(t.text)),
            (lambda i: i.text, lambda t: t.fields.text.strip()),
        ],
    )
    kept: list[models.ChecklistItem] = []
    for position, (task, found) in enumerate(zip(tasks, matches, strict=True)):
        item = old[found] if found is not None else models.ChecklistItem(text="")
        item.position = position
        item.group_id = row.group.id if row.group is not None else row.group_id
        if item.source_line != task.text or found is None:
            was_done = found is not None and bool(item.done)
            item.source_line = task.text
            # An empty "- [ ]" line is still a line the user wrote; keep it as an item.
            apply_task(orm, item, task.fields, allow_empty=True)
            item.done_by = ticked_by(bool(item.done), was_done, item.done_by, author)
        kept.append(item)
    row.checklist = kept  # the to-dos left out go with the collection (delete-orphan)


def ticked_by(done: bool, was_done: bool, before: str | None, author: str | None) -> str | None:
    """Who ticked a to-do: whoever made it done now; kept while it stays done."""
    if not done:
        return None
    return before if was_done else author


def _status_free(line: str) -> str:
    """The line as a to-do that is not done or cancelled: "[ ]" without ✅ and ❌ dates."""
    return with_status_symbol(line, TODO, _ANY_DAY)


def _left(rows: Sequence[_Old], continued: Mapping[object, str | None]) -> list[_Old]:
    """The rows that may stand for a line of the new text: all but those whose line went."""
    return [row for row in rows if row not in continued or continued[row] is not None]


def _sync_attendance(orm: OrmSession, row: models.Session, found: AttendanceAt | None) -> None:
    if found is None:
        if row.attendees_raw is not None:  # the line the rows came from is gone
            row.attendance = []
            row.attendees_raw = None
        return
    if found.text == row.attendees_raw:
        return
    row.attendance = attendance_rows(orm, found.attendees, found.absentees)
    row.attendees_raw = found.text


def attendance_rows(
    orm: OrmSession, present: Sequence[str], absent: Sequence[str]
) -> list[models.Attendance]:
    rows: list[models.Attendance] = []
    seen: set[int] = set()
    for flag, names in ((True, present), (False, absent)):
        for name in names:
            person = lookup.person(orm, name)
            if person.id in seen:
                continue
            seen.add(person.id)
            rows.append(models.Attendance(person=person, present=flag, position=len(rows)))
    return rows


def mark_presented_for(orm: OrmSession, presentation: models.Presentation) -> int:
    """Inside the caller's transaction: the presenter's assignments of the slot's paper are
    now presented. Returns how many changed."""
    if presentation.presenter is None or presentation.paper is None:
        return 0
    rows = orm.scalars(
        select(models.ReadingAssignment).where(
            models.ReadingAssignment.paper_id == presentation.paper.id,
            models.ReadingAssignment.person_id == presentation.presenter.id,
            models.ReadingAssignment.status != models.AssignmentStatus.PRESENTED,
        )
    ).all()
    for row in rows:
        row.status = models.AssignmentStatus.PRESENTED
    return len(rows)
