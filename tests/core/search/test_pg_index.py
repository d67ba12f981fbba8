"""The PostgreSQL search index: the same tokens as FTS5, found through a GIN index, also in
texts longer than one tsvector holds."""

import datetime as dt
import itertools

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import text

from studyapp.core import migrate
from studyapp.core.search import pg_index
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService


def _make(database, title, body):
    return (
        SessionService(database)
        .create(group="KD 스터디", title=title, date=dt.date(2025, 3, 1), body=body)
        .id
    )


def _ids(database, query):
    return [hit.session_id for hit in SearchService(database).search(query)]


def test_a_long_text_is_found_at_its_end_on_both_engines(database):
    # Past 16,383 tokens and with a word said over 256 times: more than one tsvector holds.
    filler = " ".join(f"단어{n % 50} the" for n in range(12_000))
    sid = _make(database, "긴 노트", f"{filler}\n마지막 문단에 낙타 이야기 knowledge distillation")
    assert _ids(database, '"낙타 이야기"') == [sid]
    assert _ids(database, '"knowledge distillation"') == [sid]
    assert _ids(database, "distil") == [sid]
    assert _ids(database, '"distillation knowledge"') == []


def test_the_search_uses_the_gin_index(database):
    if database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's FTS5 plans are tested in test_index.py")
    _make(database, "회의", "교사 학생 knowledge")
    condition, value = pg_index.clause_sql('"교사"', "q", is_phrase=True)
    vectors = condition.split(" IN (", 1)[1].removesuffix(")")  # the lookup of matching texts
    with database.engine.begin() as connection:
        # A handful of rows: the planner rightly prefers reading them all, or walking the
        # primary key; what is asked here is that the GIN index can answer the condition.
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        connection.exec_driver_sql("SET LOCAL enable_indexscan = off")
        plan = connection.execute(text(f"EXPLAIN {vectors}"), {"q": value}).all()
    assert "ix_search_vectors_tokens" in " ".join(row[0] for row in plan)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('"교사"', "('교사')"),
        ('"교사 사가"', "('교사' <-> '사가')"),
        ('"knowledge distil"*', "('knowledge' <-> 'distil':*)"),
        ('("transformer" OR "transformers")', "( ('transformer') | ('transformers') )"),
        ('"it\'s"', "('it''s')"),
    ],
)
def test_fts5_expressions_become_tsqueries(expression, expected):
    assert pg_index.tsquery(expression) == expected


def test_a_long_text_is_cut_into_overlapping_parts():
    words = [f"w{n}" for n in range(40_000)]
    parts = list(pg_index._parts(words))
    assert all(len(part) <= pg_index.MAX_POSITION for part in parts)
    assert parts[0][0] == "w0" and parts[-1][-1] == "w39999"
    for before, after in itertools.pairwise(parts):
        assert list(before[-pg_index.OVERLAP :]) == list(after[: pg_index.OVERLAP])
    repeated = list(pg_index._parts(["the"] * 600))
    assert [len(part) for part in repeated] == [256, 256, 216]


def test_a_database_from_before_the_index_is_indexed_when_upgraded(database_url, database):
    if database.engine.dialect.name != "postgresql":
        pytest.skip("the vectors are PostgreSQL's")
    from studyapp.core.db import open_database

    sid = _make(database, "회의", "낙타 이야기 RoBERTa")
    with database.engine.begin() as connection:
        # As revision 0013 left it: no vectors (search then scanned every text).
        command.downgrade(migrate.alembic_config(connection), "0013")
        assert not sa.inspect(connection).has_table("search_vectors")
        assert not sa.inspect(connection).has_table("search_words")
    database.dispose()
    upgraded = open_database(database_url)
    try:
        assert _ids(upgraded, "낙타") == [sid]
        assert _ids(upgraded, "야기") == [sid]
        assert _ids(upgraded, "bert") == [sid]  # the word list is back too
        with upgraded.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM search_vectors").scalar()
    finally:
        upgraded.dispose()
