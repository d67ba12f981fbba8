"""A reading-list Markdown page from plain data: no database here, so it is easy to test."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from studyapp.core.dto import PaperInfo

STATUS_ORDER = ("assigned", "reading", "done", "presented", "dropped")
_STATUS_HEADINGS = {
    "assigned": "Assigned",
    "reading": "Reading",
    "done": "Read",
    "presented": "Presented",
    "dropped": "Dropped",
}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


@dataclass(frozen=True)
class Presented:
    presenter: str | None
    date: dt.date


@dataclass(frozen=True)
class Assigned:
    person: str
    status: str
    due_date: dt.date | None
    session_date: dt.date | None


@dataclass(frozen=True)
class ListedPaper:
    paper: PaperInfo
    presented: tuple[Presented, ...] = ()
    assignments: tuple[Assigned, ...] = ()


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _title(paper: PaperInfo) -> str:
    title = _escape(paper.title)
    link = paper.link
    return f"[{title}](<{link}>)" if link else title


def _where(paper: PaperInfo) -> str:
    venue = paper.venue or ""
    year = str(paper.year) if paper.year and str(paper.year) not in venue else ""
    text = " ".join(part for part in (venue, year) if part)
    return f" ({_escape(text)})" if text else ""


def _presented(item: ListedPaper) -> str:
    if not item.presented:
        return ""
    who = ", ".join(
        f"{_escape(p.presenter) if p.presenter else 'someone'} on {p.date.isoformat()}"
        for p in sorted(item.presented, key=lambda p: p.date)
    )
    return f" — presented by {who}"


def _line(item: ListedPaper, assignment: Assigned | None = None) -> str:
    line = f"- {_title(item.paper)}{_where(item.paper)}"
    if item.paper.authors:
        line += f", {_escape(', '.join(item.paper.authors))}"
    if assignment is not None:
        when = assignment.due_date or assignment.session_date
        line += f" — {_escape(assignment.person)}"
        if when is not None:
            line += f" (due {when.isoformat()})" if assignment.due_date else f" ({when})"
    return line + _presented(item)


def render_reading_list(items: Sequence[ListedPaper], *, group: str | None = None) -> str:
    """Papers by assignment status when any paper has assignments, else by year."""
    heading = f"# Reading list — {_escape(group)}" if group else "# Reading list"
    lines = [heading, ""]
    if not items:
        lines.append("No papers yet.")
        return "\n".join(lines) + "\n"
    if any(item.assignments for item in items):
        for status in STATUS_ORDER:
            rows = [(item, a) for item in items for a in item.assignments if a.status == status]
            if not rows:
                continue
            lines += [f"## {_STATUS_HEADINGS[status]}", ""]
            lines += [_line(item, a) for item, a in rows]
            lines.append("")
        unassigned = [item for item in items if not item.assignments]
        if unassigned:
            lines += ["## Not assigned", ""]
            lines += [_line(item) for item in unassigned]
            lines.append("")
    else:
        years = sorted({item.paper.year for item in items}, key=lambda y: -(y or 0))
        for year in years:
            lines += [f"## {year}" if year else "## Year unknown", ""]
            lines += [_line(item) for item in items if item.paper.year == year]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
