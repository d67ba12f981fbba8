"""0012 -> 0013: an existing database's index is rebuilt to hold everything a session shows."""

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command

from studyapp.core import migrate
from studyapp.core.db import open_database
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService


def _at_0012_with_an_old_index(path: Path) -> int:
    """A session with tags and attendance, the schema taken back to 0012, and its index
    holding only what 0012's indexed: the title and the body."""
    database = open_database(f"sqlite:///{path}")
    try:
        sessions = SessionService(database)
        session = sessions.create(
            group="G", title="3월 모임", date=dt.date(2025, 3, 10), body="메모만 있음"
        )
        sessions.set_tags(session.id, ["멘토링"])
        with database.engine.connect() as connection:
            command.downgrade(migrate.alembic_config(connection), "0012")
            connection.commit()
    finally:
        database.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
        connection.execute("DELETE FROM search_docs")
        rows = [(session.id << 20, session.id, "title", "3월 모임")]
        rows.append(((session.id << 20) | 1, session.id, "body", "메모만 있음"))
        connection.executemany(
            "INSERT INTO search_docs (id, session_id, field, text) VALUES (?, ?, ?, ?)", rows
        )
        connection.executemany(
            "INSERT INTO search_fts (rowid, tokens) VALUES (?, ?)",
            [(rows[0][0], "3 월모 모임"), (rows[1][0], "메모 모만 있음")],
        )
    return session.id


def test_an_upgraded_database_finds_the_tags_at_once(tmp_path):
    path = tmp_path / "old.sqlite3"
    session_id = _at_0012_with_an_old_index(path)
    database = open_database(f"sqlite:///{path}")
    try:
        [hit] = SearchService(database).search("멘토링")
        assert (hit.session_id, hit.matched_in) == (session_id, "tags")
        assert [hit.matched_in for hit in SearchService(database).search("메모")] == ["body"]
    finally:
        database.dispose()
