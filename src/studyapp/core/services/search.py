"""Plain substring search over sessions, presentations and to-dos.

Case-insensitive for Latin text and exact for Hangul, so "교사" is found inside "교사가".
Every whitespace-separated term must appear somewhere in the same session.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from studyapp.core import models
from studyapp.core.db import Database

SNIPPET_RADIUS = 40


@dataclass(frozen=True)
class SearchHit:
    session_id: int
    title: str
    date: dt.date
    field: str  # title, notes, presentation, discussion, paper, checklist
    snippet: str


def snippet(text: str, term: str, radius: int = SNIPPET_RADIUS) -> str:
    """The text around the first match, the match marked with ``**``."""
    index = text.casefold().find(term.casefold())
    if index < 0:
        return " ".join(text.split())[: radius * 2]
    start, end = max(0, index - radius), min(len(text), index + len(term) + radius)
    before, found, after = (
        text[start:index],
        text[index : index + len(term)],
        text[index + len(term) : end],
    )
    flat = " ".join(
        f"{'…' if start else ''}{before}**{found}**{after}{'…' if end < len(text) else ''}".split()
    )
    return flat


def _terms(query: str) -> list[str]:
    return [t for t in unicodedata.normalize("NFC", query).split() if t]


class SearchService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        terms = _terms(query)
        if not terms:
            return []
        with self.db.transaction() as orm:
            fields = self._field_texts(orm)
        hits: list[tuple[dt.date, int, SearchHit]] = []
        for (session_id, title, date), texts in fields.items():
            haystack = "\n".join(text for _, text in texts).casefold()
            if not all(term.casefold() in haystack for term in terms):
                continue
            for field_name, text in texts:
                if terms[0].casefold() in text.casefold():
                    hits.append(
                        (
                            date,
                            session_id,
                            SearchHit(session_id, title, date, field_name, snippet(text, terms[0])),
                        )
                    )
                    break
        hits.sort(key=lambda hit: (hit[0], hit[1]), reverse=True)
        return [hit for _, _, hit in hits[:limit]]

    @staticmethod
    def _field_texts(orm: OrmSession) -> dict[tuple[int, str, dt.date], list[tuple[str, str]]]:
        live = models.Session.deleted_at.is_(None)
        result: dict[tuple[int, str, dt.date], list[tuple[str, str]]] = {}
        keys: dict[int, tuple[int, str, dt.date]] = {}
        for sid, title, date, notes in orm.execute(
            select(
                models.Session.id, models.Session.title, models.Session.date, models.Session.notes
            ).where(live)
        ):
            keys[sid] = (sid, title, date)
            result[keys[sid]] = [("title", title), ("notes", notes)]
        for sid, notes, discussion, paper_title, heading in orm.execute(
            select(
                models.Presentation.session_id,
                models.Presentation.notes,
                models.Presentation.discussion,
                func.coalesce(models.Paper.title, ""),
                func.coalesce(models.Presentation.heading_raw, ""),
            ).outerjoin(models.Paper, models.Presentation.paper_id == models.Paper.id)
        ):
            if sid in keys:
                result[keys[sid]] += [
                    ("paper", f"{paper_title} {heading}".strip()),
                    ("presentation", notes),
                    ("discussion", discussion),
                ]
        for item_session, text in orm.execute(
            select(models.ChecklistItem.session_id, models.ChecklistItem.text)
        ):
            if item_session is not None and item_session in keys:
                result[keys[item_session]].append(("checklist", text))
        return result
