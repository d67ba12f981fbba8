"""Writing a session's body: saving typed text, and a panel's edit of a line or section.

Both bring the talks, to-dos and attendance rows in step with the text (``body_rows``) in
the caller's transaction, and keep the text they replace as a revision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.document.edits import LineEdit
from studyapp.core.document.lines import split_body
from studyapp.core.document.merging import merge_texts
from studyapp.core.document.outline import Outline
from studyapp.core.services.body_rows import outline_of, rows_say, sync_rows
from studyapp.core.services.revisions import BODY, DEFAULT_INTERVAL, EDIT, keep_revision

# What a save did with another writer's change made since the text it was based on.
SAVED, MERGED, CONFLICT = "saved", "merged", "conflict"


@dataclass(frozen=True)
class SavedBody:
    version: int
    outline: Outline | None  # the saved text's structure; None when the text was unchanged
    rows_changed: bool  # talks, to-dos or attendance rows changed with it
    text: str = ""  # the text now stored: the one sent, or it merged with another writer's
    outcome: str = SAVED  # SAVED, MERGED (both changes kept) or CONFLICT (theirs a revision)
    theirs: str | None = None  # the other writer's text, when it was merged or set aside


def save_body(
    orm: OrmSession,
    row: models.Session,
    body: str,
    *,
    expected_version: int | None = None,
    base_text: str | None = None,
    author: str | None = None,
) -> SavedBody:
    """Write ``body`` and the rows derived from it, inside the caller's transaction;
    ``author`` is the member writing it.

    ``expected_version`` and ``base_text`` say what the writer's text was based on. When
    another writer changed the text since, it is never simply overwritten: changes to
    different lines are merged (theirs kept as a "merged" revision); overlapping ones keep
    ``body`` and theirs as a "conflict" revision.
    """
    outcome, theirs = SAVED, None
    stale = expected_version is not None and expected_version != row.version
    if stale and row.body != body and (base_text is None or row.body != base_text):
        theirs = row.body
        merged = None if base_text is None else merge_texts(base_text, body, theirs)
        if merged is not None and merged.clean:
            outcome, body = MERGED, merged.text
        else:
            outcome = CONFLICT
        if theirs.strip() and body != theirs:
            # Unthrottled: this text was never in the writer's hands.
            orm.add(
                models.NoteRevision(
                    session_id=row.id,
                    field=BODY,
                    content=theirs,
                    reason=outcome,
                    author=row.body_author,
                )
            )
    if row.body == body:
        return SavedBody(row.version, None, False, body, outcome, theirs)
    _keep_replaced(orm, row, author, EDIT)  # throttled: one every few minutes
    outline = outline_of(orm, row, body)
    row.body = body
    row.body_author = author
    changed = not rows_say(orm, row, outline)
    if changed:
        sync_rows(orm, row, outline, author=author)
    touch_session(row)
    return SavedBody(row.version, outline, changed, body, outcome, theirs)


def touch_session(row: models.Session) -> None:
    row.version = (row.version or 0) + 1
    row.updated_at = models.utcnow()


def edit_body(
    orm: OrmSession,
    row: models.Session,
    make_edit: Callable[[str, Outline], LineEdit | None],
    *,
    reason: str = EDIT,
    author: str | None = None,
) -> tuple[LineEdit | None, Outline]:
    """Apply the edit ``make_edit`` makes of the row's body, then bring its rows in step.

    A panel's change to the structure is a change to the text, so the body stays the
    truth. The text being replaced is kept as a revision: throttled as typing is, unless
    ``reason`` says why (then always).
    """
    outline = outline_of(orm, row)
    edit = make_edit(row.body, outline)
    if edit is None:
        return None, outline
    new_body = edit.apply(row.body)
    if new_body == row.body:
        return edit, outline
    _keep_replaced(orm, row, author, reason)
    continued = _rewritten_in_place(row, outline, edit)
    row.body = new_body
    row.body_author = author
    outline = sync_rows(orm, row, continued=continued, author=author)
    touch_session(row)
    return edit, outline


def _keep_replaced(orm: OrmSession, row: models.Session, author: str | None, reason: str) -> None:
    """Keep the body about to be replaced, named after who wrote it. Another member's text
    is always kept, not throttled: the history must show each member's last words."""
    other_writer = row.body_author is not None and row.body_author != author
    keep_revision(
        orm,
        row.id,
        BODY,
        row.body,
        reason=reason,
        author=row.body_author,
        min_interval=dt.timedelta(0) if other_writer else DEFAULT_INTERVAL,
    )


def _rewritten_in_place(
    row: models.Session, outline: Outline, edit: LineEdit
) -> dict[object, str | None]:
    """The talk or to-do whose line the edit rewrites (a heading retitled, a box ticked),
    with the line that now stands for it: that row goes on, however little the lines look
    alike. An edit of one line may write more lines (a recurring to-do done gets its next
    occurrence above it): the row goes on as the focus line, and the others are new rows.
    With no focus the line went (``🏁 delete``), and so does its row (None)."""
    if edit.end - edit.start != 1:
        return {}
    line = edit.start
    new_line: str | None = None
    if edit.focus is not None:
        if not 0 <= edit.focus - line < len(edit.lines):
            return {}
        new_line = edit.lines[edit.focus - line]
    talks, items = list(row.presentations), list(row.checklist)
    for ordinal, talk in enumerate(outline.talks):
        if talk.line == line and ordinal < len(talks):
            slot = talks[ordinal]
            if (slot.heading_raw or "").strip() == talk.heading.strip():
                return {slot: new_line}
    for ordinal, task in enumerate(outline.tasks):
        if task.line == line and ordinal < len(items):
            item = items[ordinal]
            if (item.source_line or item.text) == task.text:
                return {item: new_line}
    return {}


def attendance_removed(body: str, outline: Outline) -> LineEdit | None:
    """The attendance line taken out, with the blank line that set it apart from the text
    after it when nothing but a blank line (or the top) is before it."""
    if outline.attendance is None:
        return None
    at = outline.attendance.line
    lines = split_body(body)
    end = at + 1
    apart_before = at == 0 or not lines[at - 1].strip()
    if apart_before and end < len(lines) and not lines[end].strip():
        end += 1
    return LineEdit(at, end, ())
