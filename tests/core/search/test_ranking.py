"""Ranking a phrase of several tokens: the newest matches scored by their tokens, so bm25
never counts the phrase's positions over the whole index."""

import datetime as dt

import pytest

from studyapp.core.search import ranking
from studyapp.core.search.reader import SqliteReader
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService


@pytest.mark.parametrize(
    ("expression", "loose"),
    [
        ('"트랜 랜스 스포 포머"', '("트랜" AND "랜스" AND "스포" AND "포머")'),
        ('"chelsea fin"*', '("chelsea" AND "fin"*)'),
        (
            '("transformer" OR "transformers") OR "교사"',
            '("transformer" OR "transformers") OR "교사"',
        ),
        ('"강화 화학" OR "ab"*', '("강화" AND "화학") OR "ab"*'),
    ],
)
def test_loose_expression_ands_the_tokens_of_each_phrase(expression, loose):
    assert ranking.loose_expression(expression) == loose


@pytest.fixture
def notes(database):
    service = SessionService(database)

    def make(title: str, body: str, day: int) -> int:
        return service.create(group="g", title=title, date=dt.date(2025, 3, day), body=body).id

    return {
        "once": make("모임 1", "트랜스포머 이야기 " + "기타 내용 " * 20, 1),
        "many": make("모임 2", "트랜스포머 트랜스포머 트랜스포머 정리 " + "기타 내용 " * 20, 2),
        "apart": make(
            "모임 3", "트랜스 이야기, 스포 포머 " + "기타 내용 " * 20, 3
        ),  # every bigram, apart
        "title": make("트랜스포머 세미나", "내용 없음", 4),
    }


@pytest.mark.sqlite_only  # FTS5's bm25
def test_a_hangul_phrase_is_ranked_by_its_tokens_on_its_own_matches(database, notes, monkeypatch):
    statements: list[tuple[str, dict]] = []
    rows = SqliteReader.rows

    def recorded(self, sql, params=None):
        statements.append((sql, dict(params or {})))
        return rows(self, sql, params)

    monkeypatch.setattr(SqliteReader, "rows", recorded)
    result = SearchService(database).search("트랜스포머")
    assert [hit.session_id for hit in result] == [notes["title"], notes["many"], notes["once"]]
    assert result.total == 3  # the bigrams apart are no match
    scoring = [params for sql, params in statements if "rank FROM search_fts" in sql]
    assert scoring and all('"트랜 랜스' not in str(params["expr"]) for params in scoring)


@pytest.mark.sqlite_only  # FTS5's bm25
def test_rare_phrase_of_common_tokens_scores_what_the_cap_reaches(database, notes, monkeypatch):
    monkeypatch.setattr(ranking, "LOOSE_CAP", 1)  # only the newest text with all the tokens
    result = SearchService(database).search("트랜스포머")
    # The title is scored; the older matches follow by date, none is lost.
    assert [hit.session_id for hit in result] == [notes["title"], notes["many"], notes["once"]]
