"""Plain objects -> JSON-ready dicts and aligned text; no database, no printing."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the dto module loads the tasks and papers packages
    from studyapp.core.dto import ChecklistItemInfo, PaperInfo, SessionDetail, SessionSummary

Json = dict[str, Any]


def dumps(value: Any, indent: int | None = 2) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


# -- JSON shapes -----------------------------------------------------------------------------


def summary_json(summary: SessionSummary) -> Json:
    return {
        "id": summary.id,
        "title": summary.title,
        "date": iso(summary.date),
        "group": summary.group,
        "kind": summary.kind,
    }


def paper_json(paper: PaperInfo | None) -> Json | None:
    if paper is None:
        return None
    return {
        "title": paper.title,
        "venue": paper.venue,
        "year": paper.year,
        "arxiv_id": paper.arxiv_id,
        "doi": paper.doi,
        "url": paper.url,
    }


def checklist_json(item: ChecklistItemInfo) -> Json:
    """A to-do as its Tasks line reads (``id`` is the to-do's own; ``task_id`` its 🆔)."""
    task = item.task
    return {
        "id": item.id,
        "text": task.text,
        "done": task.done,
        "status": task.status_symbol,
        "status_type": task.status_type.value.lower(),
        "done_date": iso(task.done_date),
        "due_date": iso(task.due_date),
        "scheduled_date": iso(task.scheduled_date),
        "start_date": iso(task.start_date),
        "created_date": iso(task.created_date),
        "cancelled_date": iso(task.cancelled_date),
        "priority": task.priority,
        "recurrence": task.recurrence,
        "assignee": task.assignee,
        "tags": list(task.tags),
        "task_id": task.task_id,
        "depends_on": list(task.depends_on),
        "on_completion": task.on_completion,
        "block_link": task.block_link,
        "line": item.source_line,
    }


def todo_json(item: ChecklistItemInfo) -> Json:
    return {
        **checklist_json(item),
        "session_id": item.session_id,
        "session_title": item.session_title,
        "session_date": iso(item.session_date),
        "done_by": item.done_by,
    }


def detail_json(detail: SessionDetail) -> Json:
    return {
        "id": detail.id,
        "title": detail.title,
        "date": iso(detail.date),
        "start": detail.start.isoformat(),
        "group": detail.group,
        "kind": detail.kind,
        "status": detail.status,
        "tags": list(detail.tags),
        "attendees": list(detail.attendees),
        "absentees": list(detail.absentees),
        "body": detail.body,
        "presentations": [
            {
                "order": order,
                "presenter": slot.presenter,
                "paper": paper_json(slot.paper),
                "notes": slot.notes,
                "discussion": slot.discussion,
            }
            for order, slot in enumerate(detail.presentations, start=1)
        ],
        "checklist": [checklist_json(item) for item in detail.checklist],
    }


# -- text ------------------------------------------------------------------------------------


def display_width(text: str) -> int:
    """Columns a terminal uses: wide and full-width characters (Hangul, CJK) take two."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Aligned columns; the last column is not padded so lines carry no trailing blanks."""
    widths = [display_width(name) for name in header]
    for row in rows:
        for column, cell in enumerate(row):
            widths[column] = max(widths[column], display_width(cell))
    lines = []
    for row in (header, *rows):
        cells = [pad(cell, widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return lines


def session_table(summaries: Sequence[SessionSummary]) -> list[str]:
    rows = [(str(s.id), s.date.isoformat(), s.group, s.kind, s.title) for s in summaries]
    return table(("ID", "DATE", "GROUP", "KIND", "TITLE"), rows)


def join_and(items: Sequence[str]) -> str:
    """``title, authors and year``."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def todo_line(item: ChecklistItemInfo, *, with_session: bool = True) -> str:
    """``#12  [/] Bob: slides  due 2025-03-17  @Bob — #3 2025-03-10 0310``: its id first, for
    ``studyapp todo done 12``; the box shows the status as the line has it."""
    task = item.task
    parts = [f"#{item.id}", f"[{task.status_symbol}] {task.text}"]
    if task.priority:
        parts.append(f"({task.priority})")
    if task.recurrence:
        parts.append(f"🔁 {task.recurrence}")
    if task.due_date:
        parts.append(f"due {task.due_date.isoformat()}")
    if task.done and task.done_date:
        parts.append(f"done {task.done_date.isoformat()}")
    if task.cancelled and task.cancelled_date:
        parts.append(f"cancelled {task.cancelled_date.isoformat()}")
    if task.assignee:
        parts.append(f"@{task.assignee}")
    if with_session and item.session_id is not None:
        when = iso(item.session_date) or ""
        parts.append(f"— session #{item.session_id} {when} {item.session_title or ''}".rstrip())
    return "  ".join(parts)


def detail_text(detail: SessionDetail) -> list[str]:
    """A readable summary of one session for the terminal."""
    when = detail.date.isoformat()
    if detail.start_time is not None:  # a date-only session has no "00:00" to show
        when = f"{detail.start.strftime('%Y-%m-%d %H:%M')} ({detail.timezone})"
    lines = [
        f"#{detail.id}  {detail.title}",
        f"{when}  ·  {detail.group}  ·  {detail.kind}  ·  {detail.status}",
    ]
    if detail.tags:
        lines.append("Tags: " + ", ".join(detail.tags))
    if detail.attendees:
        lines.append("Attendees: " + ", ".join(detail.attendees))
    if detail.absentees:
        lines.append("Absent: " + ", ".join(detail.absentees))
    for order, slot in enumerate(detail.presentations, start=1):
        lines += ["", f"{order}. {slot.presenter or '(no presenter)'}"]
        if slot.paper is not None:
            paper = slot.paper
            venue = f" ({paper.venue})" if paper.venue else ""
            lines.append(f"   Paper: {paper.title}{venue}")
            if paper.link:
                lines.append(f"   Link:  {paper.link}")
        elif slot.heading_raw:
            lines.append(f"   {slot.heading_raw.lstrip('#').strip()}")
    if detail.checklist:
        lines += ["", "To-dos:"]
        lines += [f"  {todo_line(item, with_session=False)}" for item in detail.checklist]
    if detail.body.strip():
        lines += ["", *detail.body.split("\n")]
    return lines
