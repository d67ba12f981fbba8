"""The index stores a body once (the session's) and still deletes exactly what it indexed."""

import datetime as dt

from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService
from studyapp.core.services.trash import TrashService


def _vocabulary(database) -> set[str]:
    with database.engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # the words of the GIN-indexed vectors
            rows = connection.exec_driver_sql(
                "SELECT word FROM ts_stat('SELECT tokens FROM search_vectors')"
            )
            return {row[0] for row in rows}
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, search_fts, 'row')"
        )
        return {row[0] for row in connection.exec_driver_sql("SELECT term FROM temp.vocab")}


def test_a_body_is_stored_once_and_read_through_the_view(database):
    sessions = SessionService(database)
    session = sessions.create(group="G", title="모임", date=dt.date(2025, 3, 10), body="낙타 사막")
    with database.engine.connect() as connection:
        stored = connection.exec_driver_sql(
            "SELECT text FROM search_texts WHERE field = 'body'"
        ).all()
        shown = connection.exec_driver_sql(
            "SELECT text FROM search_docs WHERE field = 'body'"
        ).all()
    assert stored == [(None,)] and shown == [("낙타 사막",)]
    [hit] = SearchService(database).search("사막")
    assert (hit.session_id, hit.snippet) == (session.id, "낙타 **사막**")


def test_a_body_changed_or_deleted_leaves_no_token_behind(database):
    sessions = SessionService(database)
    session = sessions.create(group="G", title="모임", date=dt.date(2025, 3, 10), body="낙타 사막")
    sessions.set_body(session.id, "고래 바다")
    sessions.set_body(session.id, "고래 바다 그리고 산")
    words = _vocabulary(database)
    assert "낙타" not in words and "사막" not in words and {"고래", "바다", "산"} <= words
    assert SearchService(database).search("낙타") == []
    trash = TrashService(database)
    sessions.trash(session.id)
    trash.empty(older_than_days=None)
    assert not {"고래", "바다", "모임"} & _vocabulary(database)
