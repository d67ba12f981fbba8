"""What a search gives back: hits with a snippet each, a page of them and the total."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

SNIPPET_RADIUS = 40

# The fields of the index, and where a match in each is said to be (``matched_in``).
TITLE, BODY, ATTENDANCE, TAGS = "title", "body", "attendance", "tags"
PAPER, PRESENTER, CHECKLIST, FRONT_MATTER = "paper", "presenter", "checklist", "front_matter"
MATCHED_IN = {
    TITLE: "title",
    BODY: "body",
    ATTENDANCE: "attendance",
    TAGS: "tags",
    PAPER: "paper",
    PRESENTER: "presenter",
    CHECKLIST: "to-do",
    FRONT_MATTER: "front matter",
}


def matched_in(field: str) -> str:
    """Where a hit in ``field`` matched, as results say it ("to-do", "front matter")."""
    return MATCHED_IN.get(field, field)


@dataclass(frozen=True)
class SearchHit:
    session_id: int
    title: str
    date: dt.date
    field: str  # one of MATCHED_IN's keys
    snippet: str
    # Character offsets of the first match in the field's text (for jump-to-match).
    start: int | None = None
    length: int | None = None
    ref_id: int | None = None  # presentation id, or checklist item id

    @property
    def matched_in(self) -> str:
        """Where it matched: title, body, attendance, tags, paper, presenter, to-do or
        front matter."""
        return matched_in(self.field)


class SearchResult(list[SearchHit]):
    """One page of hits (the list itself) and how many sessions match in all."""

    def __init__(
        self, hits: Iterable[SearchHit] = (), total: int = 0, took_ms: float = 0.0
    ) -> None:
        super().__init__(hits)
        self.total = total
        self.took_ms = took_ms

    @property
    def hits(self) -> list[SearchHit]:
        return list(self)


def snippet(text: str, term: str, radius: int = SNIPPET_RADIUS) -> str:
    """The text around the first match of ``term``, the match marked with ``**``."""
    index_ = text.casefold().find(term.casefold())
    if index_ < 0:
        return " ".join(text.split())[: radius * 2]
    return snippet_at(text, index_, len(term), radius)


def snippet_at(text: str, start: int, length: int, radius: int = SNIPPET_RADIUS) -> str:
    """The text around ``text[start:start + length]``, marked with ``**``, on one line."""
    begin, end = max(0, start - radius), min(len(text), start + length + radius)
    before, found, after = (
        text[begin:start],
        text[start : start + length],
        text[start + length : end],
    )
    return " ".join(
        f"{'…' if begin else ''}{before}**{found}**{after}{'…' if end < len(text) else ''}".split()
    )


def flat(text: str) -> str:
    return " ".join(text.split())[: SNIPPET_RADIUS * 2]
