"""Which sessions a parsed query matches: SQL over the search tables and the sessions.

Every positive clause is a set of session ids (INTERSECT), every excluded one is taken away
(EXCEPT); filters are plain conditions on the sessions. On SQLite a clause is an FTS5
phrase, or ``instr`` over the texts for one Hangul syllable; on PostgreSQL a tsquery of the
same tokens (see pg_index), or ILIKE for one syllable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Integer, column, exists, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.elements import ColumnElement

from studyapp.core import models
from studyapp.core.search import index, pg_index
from studyapp.core.search.query import SearchQuery

# A to-do still open, as the to-do list counts one: neither done nor cancelled.
OPEN_TODO = "NOT done AND status_symbol <> '-' AND cancelled_date IS NULL"


@dataclass
class Plan:
    """A parsed query with each clause turned into a Matcher."""

    query: SearchQuery
    positives: list[index.Matcher]
    negatives: list[index.Matcher]


def doc_filter(plan: Plan) -> str:
    if not plan.query.open_todos:
        return ""
    return (
        " AND d.field = 'checklist' AND d.ref_id IN"
        f" (SELECT id FROM checklist_items WHERE {OPEN_TODO})"
    )


def clause_sql(
    m: index.Matcher, name: str, fts: bool, restrict: str, floor: int = 0
) -> tuple[str, str]:
    """SQL giving the session ids of texts that contain ``m``, and the value of ``:name``.

    ``floor``: only sessions with at least this id (FTS5 seeks straight to that rowid).
    """
    rowids = f" AND f.rowid >= {floor << index.SHIFT}" if floor else ""
    docs = f" AND d.session_id >= {floor}" if floor else ""
    if fts and m.fts is not None and not restrict:
        # The rowid tells the session; reading the large search_docs rows would cost more.
        return (
            f"SELECT f.rowid >> {index.SHIFT} FROM search_fts f"
            f" WHERE search_fts MATCH :{name}{rowids}",
            (m.fts),
        )
    if fts and m.fts is not None:
        return (
            "SELECT d.session_id FROM search_fts f JOIN search_docs d ON d.id = f.rowid"
            f" WHERE search_fts MATCH :{name}{rowids}{restrict}",
            m.fts,
        )
    if fts:
        return (
            "SELECT d.session_id FROM search_docs d"
            f" WHERE instr(d.text, :{name}) > 0{docs}{restrict}",
            (m.needle),
        )
    # PostgreSQL: the same tokens in a GIN index (pg_index), a lone syllable scanned.
    if m.fts is not None:
        condition, value = pg_index.clause_sql(m.fts, name, is_phrase=True)
    else:
        condition, value = pg_index.clause_sql(m.needle, name, is_phrase=False)
    return f"SELECT d.session_id FROM search_docs d WHERE {condition}{docs}{restrict}", value


def _contains(column_: InstrumentedAttribute[str], value: str) -> ColumnElement[bool]:
    return func.lower(column_).contains(value.lower(), autoescape=True)


def candidates(connection: Connection, plan: Plan, fts: bool, floor: int = 0) -> dict[int, dt.date]:
    """session id -> date of every live session that matches (with an id >= ``floor``)."""
    params: dict[str, object] = {}
    parts: list[str] = []
    restrict = doc_filter(plan)
    for number, m in enumerate(plan.positives):
        sql, params[f"p{number}"] = clause_sql(m, f"p{number}", fts, restrict, floor)
        parts.append(sql)
    if not parts and plan.query.open_todos:
        parts.append(
            f"SELECT session_id FROM checklist_items WHERE {OPEN_TODO} AND session_id IS NOT NULL"
        )
    compound = " INTERSECT ".join(parts)
    excluded = []
    for number, m in enumerate(plan.negatives):
        sql, params[f"n{number}"] = clause_sql(m, f"n{number}", fts, "", floor)
        excluded.append(sql)
    if excluded and not compound:
        compound = "SELECT id FROM sessions"
    if excluded:
        compound += " EXCEPT " + " EXCEPT ".join(excluded)
    s = models.Session
    query = select(s.id, s.date)
    if fts:
        # Dates and ids come from the covering index; the large session rows stay unread.
        trashed = select(models.Session.id).where(models.Session.deleted_at.is_not(None))
        query = query.with_hint(s, "INDEXED BY ix_sessions_date_id", "sqlite")
        query = query.where(s.id.not_in(trashed.scalar_subquery()))
    else:
        query = query.where(s.deleted_at.is_(None))
    if floor:
        query = query.where(s.id >= floor)
    if compound:
        ids = text(compound).bindparams(**params).columns(column("session_id", Integer))
        query = query.where(s.id.in_(ids))
    for condition in _filters(plan.query):
        query = query.where(condition)
    return dict(connection.execute(query).all())  # fetchall: one call, not one a row


def _filters(q: SearchQuery) -> list[ColumnElement[bool]]:
    s, slot = models.Session, models.Presentation
    conditions: list[ColumnElement[bool]] = []
    if q.group is not None:
        group = select(models.Group.id).where(_contains(models.Group.name, q.group))
        conditions.append(s.group_id.in_(group))
    if q.kind is not None:
        conditions.append(s.kind == models.SessionKind(q.kind))
    if q.before is not None:
        conditions.append(s.date < q.before)
    if q.after is not None:
        conditions.append(s.date > q.after)
    if q.presenter is not None:
        conditions.append(
            exists().where(
                slot.session_id == s.id,
                slot.presenter_id == models.Person.id,
                _contains(models.Person.name, q.presenter),
            )
        )
    if q.paper is not None:
        conditions.append(
            exists().where(
                slot.session_id == s.id,
                slot.paper_id == models.Paper.id,
                _contains(models.Paper.title, q.paper),
            )
        )
    return conditions
