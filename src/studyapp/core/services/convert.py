"""ORM rows -> the plain objects of ``core.dto``; the only place that knows both shapes."""

from __future__ import annotations

from studyapp.core import models
from studyapp.core.dto import (
    ChecklistItemInfo,
    PaperInfo,
    PresentationInfo,
    SessionSummary,
)
from studyapp.core.papers.fields import BibtexEntry
from studyapp.core.tasks import TaskFields


def paper_info(paper: models.Paper) -> PaperInfo:
    return PaperInfo(
        id=paper.id,
        title=paper.title,
        authors=tuple(paper.authors or ()),
        venue=paper.venue,
        year=paper.year,
        url=paper.url,
        arxiv_id=paper.arxiv_id,
        doi=paper.doi,
        bibtex_key=paper.bibtex_key,
        abstract=paper.abstract or "",
        tags=tuple(tag.name for tag in paper.tags),
        bibtex=BibtexEntry.from_json(paper.bibtex),
    )


def task_fields(item: models.ChecklistItem) -> TaskFields:
    return TaskFields(
        text=item.text,
        done=item.done,
        priority=item.priority.value if item.priority else None,
        recurrence=item.recurrence,
        created_date=item.created_date,
        start_date=item.start_date,
        scheduled_date=item.scheduled_date,
        due_date=item.due_date,
        cancelled_date=item.cancelled_date,
        done_date=item.done_date,
        assignee=item.assignee.name if item.assignee else None,
        status_symbol=item.status_symbol,
        task_id=item.task_id,
        depends_on=split_ids(item.depends_on),
        on_completion=item.on_completion,
        block_link=item.block_link,
    )


def split_ids(joined: str | None) -> tuple[str, ...]:
    """A ``depends_on`` column (ids comma-joined) as the tuple TaskFields holds."""
    return tuple(joined.split(",")) if joined else ()


def checklist_item_info(item: models.ChecklistItem, group_name: str) -> ChecklistItemInfo:
    session = item.session
    return ChecklistItemInfo(
        id=item.id,
        session_id=item.session_id,
        group=group_name,
        position=item.position,
        task=task_fields(item),
        source_line=item.source_line,
        session_title=session.title if session else None,
        session_date=session.date if session else None,
        done_by=item.done_by,
    )


def session_summary(row: models.Session) -> SessionSummary:
    return SessionSummary(
        id=row.id,
        title=row.title,
        date=row.date,
        start_time=row.start_time,
        timezone=row.timezone,
        group=row.group.name,
        kind=row.kind.value,
        status=row.status.value,
    )


def presentation_info(row: models.Presentation) -> PresentationInfo:
    return PresentationInfo(
        id=row.id,
        position=row.position,
        presenter=row.presenter.name if row.presenter else None,
        paper=paper_info(row.paper) if row.paper else None,
        heading_raw=row.heading_raw,
        duration_seconds=row.duration_seconds,
        timebox_minutes=row.timebox_minutes,
    )
