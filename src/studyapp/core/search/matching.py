"""Which sessions a query matches: SQL over the search tables and the sessions.

Every positive clause is a set of session ids (INTERSECT), every excluded one is taken away
(EXCEPT); filters are plain conditions on the sessions. On SQLite a clause is an FTS5
phrase, or ``instr`` over the texts for one Hangul syllable or a Latin piece found in too many
words (see prefixes); on PostgreSQL a tsquery of the same tokens (see pg_index), or ILIKE.

Counting and listing every match never rank: :func:`count` counts the distinct sessions of
the FTS matches (joining the sessions only for filters), :func:`every` reads them all in
date order (newest first) in one statement, walking the date index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from studyapp.core.search import pg_index
from studyapp.core.search.phrases import Matcher, Plan
from studyapp.core.search.reader import Reader, as_date

SHIFT = 13  # index.SHIFT: a text's rowid is its session id shifted left (a test keeps it)
# A to-do still open, as the to-do list counts one: neither done nor cancelled.
OPEN_TODO = "NOT done AND status_symbol <> '-' AND cancelled_date IS NULL"
TRASHED = "SELECT id FROM sessions WHERE deleted_at IS NOT NULL"

# The texts of the sessions in ``:page`` (a list), each session's id range walked on the
# primary key: d.session_id is worked out from the id, so a condition on it reads every text.
PAGE_TEXTS = (
    f"sessions p JOIN search_docs d ON d.id BETWEEN CAST(p.id AS BIGINT) << {SHIFT}"
    f" AND ((CAST(p.id AS BIGINT) + 1) << {SHIFT}) - 1 WHERE p.id IN :page"
)

PageRow = tuple[int, dt.date, str]  # session id, date, title


def doc_filter(plan: Plan) -> str:
    if not plan.query.open_todos:
        return ""
    return (
        " AND d.field = 'checklist' AND d.ref_id IN"
        f" (SELECT id FROM checklist_items WHERE {OPEN_TODO})"
    )


def clause_sql(m: Matcher, name: str, fts: bool, restrict: str, floor: int = 0) -> tuple[str, str]:
    """SQL giving the session ids of texts that contain ``m``, and the value of ``:name``.

    ``floor``: only sessions with at least this id (FTS5 seeks straight to that rowid).
    """
    rowids = f" AND f.rowid >= {floor << SHIFT}" if floor else ""
    # On the id (the primary key): d.session_id is worked out from it, so not indexed.
    docs = f" AND d.id >= {floor << SHIFT}" if floor else ""
    if fts and m.fts is not None and not restrict:
        # The rowid tells the session; reading the large search_docs rows would cost more.
        return (
            f"SELECT f.rowid >> {SHIFT} AS session_id FROM search_fts f"
            f" WHERE search_fts MATCH :{name}{rowids}",
            m.fts,
        )
    if fts and m.fts is not None:
        return (
            "SELECT d.session_id FROM search_fts f JOIN search_docs d ON d.id = f.rowid"
            f" WHERE search_fts MATCH :{name}{rowids}{restrict}",
            m.fts,
        )
    if fts and m.folded:
        # A Latin needle: LIKE ignores ASCII case, and scans three times as fast as
        # instr(lower(text)).
        return (
            "SELECT d.session_id FROM search_docs d"
            f" WHERE d.text LIKE :{name} ESCAPE '/'{docs}{restrict}",
            f"%{_escaped(m.needle, '/')}%",
        )
    if fts:
        return (
            "SELECT d.session_id FROM search_docs d"
            f" WHERE instr(d.text, :{name}) > 0{docs}{restrict}",
            m.needle,
        )
    # PostgreSQL: the same tokens in a GIN index (pg_index), a lone syllable scanned.
    if m.fts is not None:
        condition, value = pg_index.clause_sql(m.fts, name, is_phrase=True)
    else:
        condition, value = pg_index.clause_sql(m.needle, name, is_phrase=False)
    return f"SELECT d.session_id FROM search_docs d WHERE {condition}{docs}{restrict}", value


def _escaped(value: str, escape: str) -> str:
    for char in (escape, "%", "_"):
        value = value.replace(char, escape + char)
    return value


def matched_ids(plan: Plan, fts: bool, floor: int = 0) -> tuple[str, dict[str, object]] | None:
    """A SELECT of the distinct session ids the clauses allow (None: no clause at all)."""
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
    excluded = []
    for number, m in enumerate(plan.negatives):
        sql, params[f"n{number}"] = clause_sql(m, f"n{number}", fts, "", floor)
        excluded.append(sql)
    if not parts and not excluded:
        return None
    if not parts:
        parts.append("SELECT id AS session_id FROM sessions")
    compound = " INTERSECT ".join(parts)
    if excluded:
        compound += " EXCEPT " + " EXCEPT ".join(excluded)
    return compound, params


def filters(plan: Plan) -> tuple[list[str], dict[str, object]]:
    """Conditions on ``sessions s`` for the query's filters, and their parameters."""
    q = plan.query
    conditions: list[str] = []
    params: dict[str, object] = {}

    def contains(name: str, value: str) -> str:
        params[name] = f"%{_escaped(value.lower(), '/')}%"
        return f"LIKE :{name} ESCAPE '/'"

    if q.group is not None:
        like = contains("f_group", q.group)
        conditions.append(f"s.group_id IN (SELECT id FROM groups WHERE lower(name) {like})")
    if q.kind is not None:
        conditions.append("s.kind = :f_kind")
        params["f_kind"] = q.kind
    if q.before is not None:
        conditions.append("s.date < :f_before")
        params["f_before"] = q.before
    if q.after is not None:
        conditions.append("s.date > :f_after")
        params["f_after"] = q.after
    if q.presenter is not None:
        like = contains("f_presenter", q.presenter)
        conditions.append(
            "EXISTS (SELECT 1 FROM presentations sp JOIN people pe ON pe.id = sp.presenter_id"
            f" WHERE sp.session_id = s.id AND lower(pe.name) {like})"
        )
    if q.paper is not None:
        like = contains("f_paper", q.paper)
        conditions.append(
            "EXISTS (SELECT 1 FROM presentations sp JOIN papers pa ON pa.id = sp.paper_id"
            f" WHERE sp.session_id = s.id AND lower(pa.title) {like})"
        )
    return conditions, params


def _sessions_where(
    plan: Plan, fts: bool, sqlite: bool, floor: int = 0
) -> tuple[str, dict[str, object]]:
    """FROM and WHERE of the live sessions that match, walking the date index on SQLite."""
    conditions, params = filters(plan)
    ids = matched_ids(plan, fts, floor)
    if ids is not None:
        conditions.insert(0, f"s.id IN ({ids[0]})")
        params.update(ids[1])
    if floor:
        conditions.append(f"s.id >= {int(floor)}")
    if sqlite:
        # Dates and ids come from the covering index; the large session rows stay unread.
        source = "sessions s INDEXED BY ix_sessions_date_id"
        conditions.append(f"s.id NOT IN ({TRASHED})")
    else:
        source = "sessions s"
        conditions.append("s.deleted_at IS NULL")
    return f" FROM {source} WHERE " + " AND ".join(conditions), params


def candidates(reader: Reader, plan: Plan, fts: bool, floor: int = 0) -> dict[int, dt.date]:
    """session id -> date of every live session that matches (with an id >= ``floor``)."""
    where, params = _sessions_where(plan, fts, reader.sqlite, floor)
    return {sid: as_date(date) for sid, date in reader.rows("SELECT s.id, s.date" + where, params)}


def count(reader: Reader, plan: Plan, fts: bool) -> int:
    """How many live sessions match, exactly; no ranking, no session rows unless filtered."""
    ids = matched_ids(plan, fts)
    if ids is not None and not plan.query.has_filters:
        sql, params = ids
        counted = (
            f"SELECT count(DISTINCT m.session_id) FROM ({sql}) m"
            f" WHERE m.session_id NOT IN ({TRASHED})"
        )
        return int(reader.rows(counted, params)[0][0])
    where, params = _sessions_where(plan, fts, reader.sqlite)
    return int(reader.rows("SELECT count(*)" + where, params)[0][0])


def every(reader: Reader, plan: Plan, fts: bool) -> Iterator[PageRow]:
    """Every match newest first (by date, then id), in one statement read as it goes.

    The matching ids are found once and the rows come off the date index in order: pages
    of their own would look the ids up again for each page.
    """
    where, params = _sessions_where(plan, fts, reader.sqlite)
    sql = f"SELECT s.id, s.date, s.title{where} ORDER BY s.date DESC, s.id DESC"
    for sid, date, title in reader.stream(sql, params):
        yield sid, as_date(date), title or ""
