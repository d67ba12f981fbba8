"""0014 -> 0015: an existing database's texts get ids 13 bits apart and lose their session
column; it searches as before, and takes no more room for it."""

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic import command

from studyapp.core import migrate
from studyapp.core.db import open_database
from studyapp.core.search import index
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService

QUERIES = ("낙타", "사막을", "교사", "transformer", "멘토링", "할 일", "오아시스", "바다")


def _answers(database) -> dict[str, list[tuple[int, str]]]:
    search = SearchService(database)
    return {q: sorted((h.session_id, h.matched_in) for h in search.search(q)) for q in QUERIES}


def _columns(database) -> set[str]:
    with database.engine.connect() as connection:
        return {column["name"] for column in sa.inspect(connection).get_columns("search_texts")}


def _ids(database) -> list[int]:
    with database.engine.connect() as connection:
        return [row[0] for row in connection.exec_driver_sql("SELECT id FROM search_texts")]


@pytest.mark.empty_database
def test_a_database_at_0014_upgrades_and_searches_the_same(database, database_url):
    sessions = SessionService(database)
    made = []
    for n in range(3):
        session = sessions.create(
            group="KD 스터디",
            title=f"{n}회 모임",
            date=dt.date(2025, 3, 10 + n),
            body=f"낙타는 사막을 건넌다 {n}\n교사-학생 transformer를\n- [ ] 오아시스 찾기 {n}\n",
        )
        sessions.set_tags(session.id, ["멘토링"])
        made.append(session.id)
    sessions.set_body(made[1], "바다 이야기\n- [ ] 할 일 하나\n")  # a body changed since
    before = _answers(database)
    with database.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0014")
    database.dispose()
    old = open_database(database_url, migrate=False)
    try:
        assert "session_id" in _columns(old)
        assert {text_id >> 20 for text_id in _ids(old)} == set(made)  # the old numbering
    finally:
        old.dispose()
    upgraded = open_database(database_url)
    try:
        assert migrate.current_revision(upgraded) == "0015"
        assert "session_id" not in _columns(upgraded)
        with upgraded.engine.connect() as connection:
            kinds = connection.exec_driver_sql("SELECT DISTINCT field FROM search_texts").all()
        assert {type(row[0]) for row in kinds} == {int}
        assert {text_id >> index.SHIFT for text_id in _ids(upgraded)} == set(made)
        assert _answers(upgraded) == before and before["낙타"] and before["할 일"]
        # The index still follows changes: a body edited, a to-do ticked, a session gone.
        sessions = SessionService(upgraded)
        sessions.set_body(made[0], "고래 바다")
        [item] = ChecklistService(upgraded).items(session_id=made[2])
        ChecklistService(upgraded).set_done(item.id, True)
        sessions.trash(made[2])
        found = _answers(upgraded)
        assert found["바다"] == [(made[0], "body"), (made[1], "body")]
        assert found["낙타"] == [] and found["오아시스"] == []
    finally:
        upgraded.dispose()
