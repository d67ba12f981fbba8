"""Full-text search over titles, bodies, papers, presenters and to-dos.

On SQLite the texts are indexed by FTS5 (see :mod:`studyapp.core.search`): any two or more
Hangul syllables are found wherever they stand, also inside longer words, and English words
match case-insensitively by prefix. A query of one Hangul syllable scans the stored texts
instead (correct, slower). Every term must occur somewhere in a session.

PostgreSQL has no FTS table: the same tokens are in a GIN-indexed tsvector, which finds the
same sessions, ranked with ``ts_rank`` in place of bm25 (``search/pg_index.py``).

Ranking: bm25 of the matching texts (titles count double), summed per session, raised by
up to half for recent sessions (measured back from the newest live session). To stay fast
when a term is in every note, only the :data:`RANK_CAP` matching texts of the highest
session ids (the latest written) are scored; the other matches follow by date. When the
scored sessions fill the page, only sessions from the lowest scored id up are read
(:func:`_matches`), and English prefixes are looked up as whole words (``prefixes``).
"""

from __future__ import annotations

import datetime as dt
import heapq
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import TextClause

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.search import index, matching, pg_index, prefixes
from studyapp.core.search.matching import Plan
from studyapp.core.search.query import parse_query
from studyapp.core.search.tokens import locate

SNIPPET_RADIUS = 40
RANK_CAP = 300  # scored texts: a few hundred sessions, ~2 ms of bm25 for a word in every note
RECENCY_WEIGHT = 0.5
HALF_LIFE_DAYS = 365.0
TITLE_WEIGHT = 2.0
FIELD_ORDER = ("title", "body", "paper", "presenter", "checklist")


@dataclass(frozen=True)
class SearchHit:
    session_id: int
    title: str
    date: dt.date
    field: str  # title, body, paper, presenter, checklist
    snippet: str
    # Character offsets of the first match in the field's text (for jump-to-match).
    start: int | None = None
    length: int | None = None
    ref_id: int | None = None  # presentation id, or checklist item id


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0  # matching sessions, of which ``hits`` is one page
    took_ms: float = 0.0


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


@dataclass
class _Doc:
    id: int
    session_id: int
    field: str
    ref_id: int | None
    text: str
    score: float = 0.0


class SearchService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        """The best ``limit`` sessions for ``query``, one hit each."""
        return self.search_hits(query, limit=limit, exact_total=False).hits

    def search_hits(
        self, query: str, *, limit: int = 50, offset: int = 0, exact_total: bool = True
    ) -> SearchResult:
        """One page of hits plus how many sessions match; ValidationError on a bad filter.

        Without ``exact_total`` the count may stop at the sessions read to fill the page,
        which saves reading every match of a word that is in every note.
        """
        started = time.perf_counter()
        parsed = parse_query(query)
        plan = matching.Plan(
            parsed,
            [m for c in parsed.terms if (m := index.matcher(c.text, exact=c.exact))],
            [m for c in parsed.excluded if (m := index.matcher(c.text, exact=c.exact))],
        )
        if not plan.positives and not parsed.has_filters:
            return SearchResult([], 0, _ms(started))
        with self.db.transaction() as orm:
            connection = orm.connection()
            fts = index.has_fts(connection)
            if fts:
                plan = prefixes.expand(connection, plan)
            wanted = offset + limit
            found, ranking = _matches(connection, plan, fts, wanted, exact_total)
            page = _order(found, ranking.scores, wanted, _newest_date(connection))[offset:]
            hits = _hits(connection, plan, fts, ranking, page, found)
        return SearchResult(hits, len(found), _ms(started))

    def reindex(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Rebuild the whole index; the number of sessions indexed.

        Runs in one transaction: when ``cancelled`` returns True the old index stays as it
        was and 0 is returned.
        """
        try:
            with self.db.transaction() as orm:
                outcome = index.rebuild(orm.connection(), progress, cancelled)
                if outcome is None:
                    raise _Cancelled
        except _Cancelled:
            return 0
        return outcome


class _Cancelled(Exception):
    """Raised inside the rebuild's transaction so that it rolls back."""


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


# -- ranking -------------------------------------------------------------------------------


def _rank_expression(plan: Plan) -> str | None:
    phrases = [m.fts for m in plan.positives if m.fts is not None]
    return " OR ".join(phrases) if phrases else None


@dataclass
class _Ranking:
    scores: dict[int, float] = field(default_factory=dict)  # per session
    docs: dict[int, list[tuple[int, float]]] = field(default_factory=dict)  # (rowid, score)


_RANKED = "SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?"


def _relevance(connection: Connection, plan: Plan, fts: bool) -> _Ranking:
    """bm25-based relevance per session over the RANK_CAP newest matching texts."""
    ranking = _Ranking()
    expression = _rank_expression(plan)
    if expression is None:
        return ranking
    # Scoring costs about 1-2 µs a row; rowids grow with time, so the newest are kept.
    # Plain tuples from the driver: result rows cost more than the scoring itself here.
    driver = connection.connection.driver_connection
    assert driver is not None  # an open connection
    if not fts:  # PostgreSQL: ts_rank of the same newest texts in place of bm25
        rows = pg_index.ranked(connection, expression, RANK_CAP)
    else:
        rows = driver.execute(_RANKED, (expression, RANK_CAP)).fetchall()
    scores, docs = ranking.scores, ranking.docs
    shift, title_bits = index.SHIFT, (1 << index.SHIFT) - 1
    for rowid, rank in rows:
        session_id = rowid >> shift
        gain = -rank * TITLE_WEIGHT if not rowid & title_bits else -rank
        scores[session_id] = scores.get(session_id, 0.0) + gain
        if session_id in docs:
            docs[session_id].append((rowid, gain))
        else:
            docs[session_id] = [(rowid, gain)]
    return ranking


def _matches(
    connection: Connection, plan: Plan, fts: bool, wanted: int, exact_total: bool
) -> tuple[dict[int, dt.date], _Ranking]:
    """The matching sessions (id -> date) and the ranking of the scored ones.

    The scored sessions are the highest session ids. When ``wanted`` of them match, no
    session below the lowest of them can reach the page (unscored ones follow by date), so
    only the sessions from there up are read: a few instead of every session.
    """
    ranking = _relevance(connection, plan, fts)
    if not exact_total and ranking.scores:
        tail = matching.candidates(connection, plan, fts, floor=min(ranking.scores))
        if sum(1 for session_id in ranking.scores if session_id in tail) >= wanted:
            return tail, ranking
    return matching.candidates(connection, plan, fts), ranking


_NEWEST_DATE = select(func.max(models.Session.date)).where(models.Session.deleted_at.is_(None))


def _newest_date(connection: Connection) -> dt.date | None:
    """The newest live session's date: recency is measured back from it (an index read)."""
    return connection.execute(_NEWEST_DATE).scalar()


def _order(
    found: dict[int, dt.date], scores: dict[int, float], wanted: int, newest: dt.date | None
) -> list[int]:
    """The first ``wanted`` session ids: scored ones by score, then the rest newest first."""
    if not found:
        return []
    newest = newest or max(found.values())

    def key(session_id: int) -> tuple[float, dt.date, int]:
        date = found[session_id]
        freshness = 0.5 ** ((newest - date).days / HALF_LIFE_DAYS)
        return scores[session_id] * (1 + RECENCY_WEIGHT * freshness), date, session_id

    ranked = sorted((sid for sid in scores if sid in found), key=key, reverse=True)
    if len(ranked) >= wanted:
        return ranked[:wanted]
    rest = (sid for sid in found if sid not in scores)
    by_date = heapq.nlargest(wanted - len(ranked), rest, key=lambda sid: (found[sid], sid))
    return ranked + by_date


# -- the hits of one page ------------------------------------------------------------------


def _page_docs(
    connection: Connection, plan: Plan, fts: bool, ranking: _Ranking, page: Sequence[int]
) -> list[_Doc]:
    """The texts of the page's sessions that contain a term (or, with no terms, titles)."""
    params: dict[str, object] = {"page": list(page)}
    restrict = matching.doc_filter(plan)
    docs: list[_Doc] = []
    expression = _rank_expression(plan) if fts else None
    if expression is not None:
        docs += _best_fts_docs(connection, plan, ranking, restrict, page)
    scans = [m for m in plan.positives if m.fts is None or not fts]
    if scans:
        wheres = []
        for number, m in enumerate(scans):
            sql, params[f"s{number}"] = matching.clause_sql(m, f"s{number}", fts, "")
            wheres.append(sql.split(" WHERE ", 1)[1])
        sql = (
            "SELECT d.id, d.session_id, d.field, d.ref_id, d.text FROM search_docs d"
            f" WHERE d.session_id IN :page AND ({' OR '.join(wheres)}){restrict}"
        )
        docs += [_Doc(*row) for row in connection.execute(_expanding(sql), params)]
    if not plan.positives:
        sql = (
            "SELECT d.id, d.session_id, d.field, d.ref_id, d.text FROM search_docs d"
            " WHERE d.session_id IN :page" + (restrict or " AND d.field = 'title'")
        )
        docs += [_Doc(*row) for row in connection.execute(_expanding(sql), params)]
    return docs


def _expanding(sql: str, name: str = "page") -> TextClause:
    return text(sql).bindparams(bindparam(name, expanding=True))


def _best_fts_docs(
    connection: Connection,
    plan: Plan,
    ranking: _Ranking,
    restrict: str,
    page: Sequence[int],
) -> list[_Doc]:
    """Per session of the page, its best text that matches (the ranked one when known)."""
    expression = _rank_expression(plan)
    allowed: set[int] | None = None
    if restrict:
        allowed = {
            row[0]
            for row in connection.execute(
                _expanding(f"SELECT d.id FROM search_docs d WHERE d.session_id IN :page{restrict}"),
                {"page": list(page)},
            )
        }
    chosen: dict[int, tuple[int, float]] = {}
    for session_id in page:
        docs = ranking.docs.get(session_id, [])
        usable = [(score, rowid) for rowid, score in docs if allowed is None or rowid in allowed]
        if usable:
            score, rowid = max(usable)
            chosen[session_id] = (rowid, score)
    missing = [sid for sid in page if sid not in chosen]
    if missing and expression is not None:
        # One pass over the matches, no scoring (bm25 setup costs ~1 ms per statement).
        rows = connection.execute(
            _expanding(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH :expr"
                f" AND (rowid >> {index.SHIFT}) IN :page"
            ),
            {"expr": expression, "page": missing},
        )
        for (rowid,) in rows:
            session_id = rowid >> index.SHIFT
            if allowed is not None and rowid not in allowed:
                continue
            if session_id not in chosen or rowid < chosen[session_id][0]:
                chosen[session_id] = (rowid, 0.0)
    if not chosen:
        return []
    scores = dict(chosen.values())
    rows = connection.execute(
        _expanding(
            "SELECT d.id, d.session_id, d.field, d.ref_id, d.text FROM search_docs d"
            " WHERE d.id IN :ids",
            "ids",
        ),
        {"ids": list(scores)},
    )
    return [_Doc(row[0], row[1], row[2], row[3], row[4], scores[row[0]]) for row in rows]


def _flat(text_: str) -> str:
    return " ".join(text_.split())[: SNIPPET_RADIUS * 2]


def _best(docs: list[_Doc]) -> _Doc:
    def key(doc: _Doc) -> tuple[float, int, int]:
        order = FIELD_ORDER.index(doc.field) if doc.field in FIELD_ORDER else len(FIELD_ORDER)
        return -doc.score, order, doc.id

    return min(docs, key=key)


def _hits(
    connection: Connection,
    plan: Plan,
    fts: bool,
    ranking: _Ranking,
    page: Sequence[int],
    found: dict[int, dt.date],
) -> list[SearchHit]:
    titles = dict(
        connection.execute(
            select(models.Session.id, models.Session.title).where(models.Session.id.in_(page))
        ).all()
    )
    by_session: dict[int, list[_Doc]] = {}
    for doc in _page_docs(connection, plan, fts, ranking, page) if page else []:
        by_session.setdefault(doc.session_id, []).append(doc)
    hits = []
    for session_id in page:
        title, date = titles.get(session_id, ""), found[session_id]
        docs = by_session.get(session_id)
        if not docs:
            hits.append(SearchHit(session_id, title, date, "title", _flat(title)))
            continue
        doc = _best(docs)
        span = locate(doc.text, [m.pattern for m in plan.positives])
        if span is None:
            hits.append(
                SearchHit(
                    session_id, title, date, doc.field, _flat(doc.text), None, None, doc.ref_id
                )
            )
            continue
        start, length = span
        hits.append(
            SearchHit(
                session_id,
                title,
                date,
                doc.field,
                snippet_at(doc.text, start, length),
                start,
                length,
                doc.ref_id,
            )
        )
    return hits
