"""The best sessions of a query, with the hit (field and snippet) that shows each.

Ranking: bm25 of the matching texts (titles count double), summed per session, raised by
up to half for recent sessions (measured back from the newest live session). To stay fast
when a term is in every note, only the :data:`RANK_CAP` matching texts of the highest
session ids (the latest written) are scored; the other matches follow by date. When the
scored sessions fill the page, only sessions from the lowest scored id up are read
(:func:`matches`). On PostgreSQL ``ts_rank`` of the same tokens scores in place of bm25
(``pg_index``).
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from studyapp.core.search import matching, pg_index
from studyapp.core.search.hits import SearchHit, flat, snippet_at
from studyapp.core.search.phrases import Plan
from studyapp.core.search.reader import Reader, as_date
from studyapp.core.search.tokens import locate

RANK_CAP = 300  # scored texts: a few hundred sessions, ~2 ms of bm25 for a word in every note
RECENCY_WEIGHT = 0.5
HALF_LIFE_DAYS = 365.0
TITLE_WEIGHT = 2.0
FIELD_ORDER = ("title", "body", "paper", "presenter", "checklist")
SHIFT = matching.SHIFT
_TITLE_BITS = (1 << SHIFT) - 1


@dataclass
class _Doc:
    id: int
    session_id: int
    field: str
    ref_id: int | None
    text: str
    score: float = 0.0


@dataclass
class Ranking:
    scores: dict[int, float] = field(default_factory=dict)  # per session
    docs: dict[int, list[tuple[int, float]]] = field(default_factory=dict)  # (rowid, score)


def rank_expression(plan: Plan) -> str | None:
    phrases = [m.fts for m in plan.positives if m.fts is not None]
    return " OR ".join(phrases) if phrases else None


_RANKED = (
    "SELECT rowid, rank FROM search_fts WHERE search_fts MATCH :expr ORDER BY rowid DESC LIMIT :cap"
)
_NEWEST = "SELECT rowid FROM search_fts WHERE search_fts MATCH :expr ORDER BY rowid DESC LIMIT :cap"
_RANKED_FROM = (
    "SELECT rowid, rank FROM search_fts WHERE search_fts MATCH :expr AND rowid >= :low"
    " ORDER BY rowid DESC LIMIT :cap"
)
LOOSE_CAP = 8 * RANK_CAP  # rows the loose expression may score to reach the newest matches
_PHRASE = re.compile(r'"([^"]*)"(\*?)')


def loose_expression(expression: str) -> str:
    """``expression`` with each phrase of several tokens as an AND of its tokens."""

    def loosen(match: re.Match[str]) -> str:
        words = match.group(1).split()
        if len(words) < 2:
            return match.group()
        return "(" + " AND ".join(f'"{word}"' for word in words) + match.group(2) + ")"

    return _PHRASE.sub(loosen, expression)


def _scored_sqlite(reader: Reader, expression: str) -> list[tuple[int, float]]:
    """(rowid, bm25) of the RANK_CAP newest texts that match ``expression``.

    bm25 first counts, for each phrase, the rows it matches in the whole index: for a
    phrase of several tokens (Hangul bigrams: "트랜스포머" is four) that checks positions
    in every row holding them all, 8-13 ms for a word in every note. So the newest
    matches are found without scoring and scored by the same expression with each phrase
    loosened to an AND of its tokens (per-token counts cost little): the same texts,
    ranked by their tokens.
    """
    loose = loose_expression(expression)
    if loose == expression:
        return reader.rows(_RANKED, {"expr": expression, "cap": RANK_CAP})
    newest = reader.rows(_NEWEST, {"expr": expression, "cap": RANK_CAP})
    if not newest:
        return []
    wanted = {row[0] for row in newest}
    # Texts holding the tokens apart are skipped; LOOSE_CAP bounds them when the tokens are
    # common and the phrase rare (the oldest of the newest then stay unscored: by date).
    params = {"expr": loose, "low": newest[-1][0], "cap": LOOSE_CAP}
    return [(rowid, rank) for rowid, rank in reader.rows(_RANKED_FROM, params) if rowid in wanted]


def relevance(reader: Reader, plan: Plan, fts: bool) -> Ranking:
    """bm25-based relevance per session over the RANK_CAP newest matching texts."""
    ranking = Ranking()
    # Without FTS5 on SQLite (a file mid-migration) sessions go by date; PostgreSQL scores
    # the same phrases with ts_rank.
    expression = rank_expression(plan) if fts or not reader.sqlite else None
    if expression is None:
        return ranking
    # Scoring costs about 1-2 µs a row; rowids grow with time, so the newest are kept.
    scores, docs = ranking.scores, ranking.docs
    if fts:
        rows = _scored_sqlite(reader, expression)
    else:
        rows = pg_index.ranked(reader, expression, RANK_CAP)
    for rowid, rank in rows:
        session_id = rowid >> SHIFT
        gain = -rank * TITLE_WEIGHT if not rowid & _TITLE_BITS else -rank
        scores[session_id] = scores.get(session_id, 0.0) + gain
        if session_id in docs:
            docs[session_id].append((rowid, gain))
        else:
            docs[session_id] = [(rowid, gain)]
    return ranking


def matches(
    reader: Reader, plan: Plan, fts: bool, wanted: int
) -> tuple[dict[int, dt.date], Ranking]:
    """Matching sessions (id -> date) enough to fill ``wanted``, and the ranking.

    The scored sessions are the highest session ids. When ``wanted`` of them match, no
    session below the lowest of them can reach the page (unscored ones follow by date), so
    only the sessions from there up are read: a few instead of every session.
    """
    ranking = relevance(reader, plan, fts)
    if ranking.scores:
        tail = matching.candidates(reader, plan, fts, floor=min(ranking.scores))
        if sum(1 for session_id in ranking.scores if session_id in tail) >= wanted:
            return tail, ranking
    return matching.candidates(reader, plan, fts), ranking


def newest_date(reader: Reader) -> dt.date | None:
    """The newest live session's date: recency is measured back from it (an index read)."""
    found = reader.rows("SELECT max(date) FROM sessions WHERE deleted_at IS NULL")
    return as_date(found[0][0]) if found and found[0][0] is not None else None


def order(
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

_DOC_COLUMNS = "SELECT d.id, d.session_id, d.field, d.ref_id, d.text FROM search_docs d"
_PAGE_DOCS = f"SELECT d.id, d.session_id, d.field, d.ref_id, d.text FROM {matching.PAGE_TEXTS}"


def _page_docs(
    reader: Reader, plan: Plan, fts: bool, ranking: Ranking, page: Sequence[int]
) -> list[_Doc]:
    """The texts of the page's sessions that contain a term (or, with no terms, titles)."""
    params: dict[str, object] = {"page": list(page)}
    restrict = matching.doc_filter(plan)
    docs: list[_Doc] = []
    indexed = fts or not reader.sqlite  # FTS5, or PostgreSQL's vectors
    if indexed and rank_expression(plan) is not None:
        docs += _best_fts_docs(reader, plan, ranking, restrict, page)
    scans = [m for m in plan.positives if m.fts is None or not indexed]
    if scans:
        wheres = []
        for number, m in enumerate(scans):
            sql, params[f"s{number}"] = matching.clause_sql(m, f"s{number}", fts, "")
            wheres.append(sql.split(" WHERE ", 1)[1])
        sql = f"{_PAGE_DOCS} AND ({' OR '.join(wheres)}){restrict}"
        docs += [_Doc(*row) for row in reader.rows(sql, params)]
    if not plan.positives:
        sql = _PAGE_DOCS + (restrict or " AND d.field = 'title'")
        docs += [_Doc(*row) for row in reader.rows(sql, params)]
    return docs


def _best_fts_docs(
    reader: Reader, plan: Plan, ranking: Ranking, restrict: str, page: Sequence[int]
) -> list[_Doc]:
    """Per session of the page, its best text that matches (the ranked one when known)."""
    expression = rank_expression(plan)
    allowed: set[int] | None = None
    if restrict:
        sql = f"SELECT d.id FROM {matching.PAGE_TEXTS}{restrict}"
        allowed = {row[0] for row in reader.rows(sql, {"page": list(page)})}
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
        if reader.sqlite:
            sql = (
                "SELECT rowid FROM search_fts WHERE search_fts MATCH :expr"
                f" AND (rowid >> {SHIFT}) IN :page"
            )
            value = expression
        else:
            sql, value = pg_index.matching_ids(SHIFT), pg_index.tsquery(expression)
        for (rowid,) in reader.rows(sql, {"expr": value, "page": missing}):
            session_id = rowid >> SHIFT
            if allowed is not None and rowid not in allowed:
                continue
            if session_id not in chosen or rowid < chosen[session_id][0]:
                chosen[session_id] = (rowid, 0.0)
    if not chosen:
        return []
    scores = dict(chosen.values())
    rows = reader.rows(f"{_DOC_COLUMNS} WHERE d.id IN :ids", {"ids": list(scores)})
    return [_Doc(row[0], row[1], row[2], row[3], row[4], scores[row[0]]) for row in rows]


def _best(docs: list[_Doc]) -> _Doc:
    def key(doc: _Doc) -> tuple[float, int, int]:
        order = FIELD_ORDER.index(doc.field) if doc.field in FIELD_ORDER else len(FIELD_ORDER)
        return -doc.score, order, doc.id

    return min(docs, key=key)


def hits(
    reader: Reader,
    plan: Plan,
    fts: bool,
    ranking: Ranking,
    page: Sequence[int],
    dates: dict[int, dt.date],
) -> list[SearchHit]:
    """One hit per session of ``page``: its best matching text, the match marked."""
    if not page:
        return []
    titles = dict(
        reader.rows("SELECT id, title FROM sessions WHERE id IN :page", {"page": list(page)})
    )
    by_session: dict[int, list[_Doc]] = {}
    for doc in _page_docs(reader, plan, fts, ranking, page):
        by_session.setdefault(doc.session_id, []).append(doc)
    found = []
    for session_id in page:
        title, date = titles.get(session_id) or "", dates[session_id]
        docs = by_session.get(session_id)
        if not docs:
            found.append(SearchHit(session_id, title, date, "title", flat(title)))
            continue
        doc = _best(docs)
        span = locate(doc.text, [m.pattern for m in plan.positives])
        if span is None:
            found.append(
                SearchHit(
                    session_id, title, date, doc.field, flat(doc.text), None, None, doc.ref_id
                )
            )
            continue
        start, length = span
        snippet = snippet_at(doc.text, start, length)
        found.append(
            SearchHit(session_id, title, date, doc.field, snippet, start, length, doc.ref_id)
        )
    return found
