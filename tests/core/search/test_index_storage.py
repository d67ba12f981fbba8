"""The index stores a body once (the session's) and still deletes exactly what it indexed."""

import datetime as dt

from studyapp.core.search import index, numbering
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
        body = numbering.FIELD_CODES["body"]
        stored = connection.exec_driver_sql(
            f"SELECT text FROM search_texts WHERE field = {body}"
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


def test_a_sessions_texts_are_numbered_close_to_the_next_sessions(database):
    """FTS5 stores a word's documents as differences of rowids: one session's texts lie
    within 2^13 ids of the next's (a difference of two bytes), and no column repeats the
    session beside the id."""
    sessions = SessionService(database)
    first, second = (
        sessions.create(group="G", title=f"모임 {n}", date=dt.date(2025, 3, 10 + n), body="낙타")
        for n in range(2)
    )
    with database.engine.connect() as connection:
        ids = dict(
            connection.exec_driver_sql(
                "SELECT id, session_id FROM search_docs WHERE field = 'body'"
            ).all()
        )
        columns = connection.exec_driver_sql("SELECT * FROM search_texts").keys()
        fields = connection.exec_driver_sql("SELECT DISTINCT field FROM search_texts").all()
    assert sorted(ids.values()) == [first.id, second.id]
    assert max(ids) - min(ids) == (second.id - first.id) << index.SHIFT == 1 << 13
    assert "session_id" not in columns
    # The field as a number, one byte a text; the view names it.
    assert sorted(row[0] for row in fields) == sorted(
        numbering.FIELD_CODES[f] for f in ("title", "body")
    )


def test_texts_past_the_last_number_are_folded_and_still_found(database, monkeypatch):
    monkeypatch.setattr(numbering, "MAX_TEXTS", 4)
    sessions = SessionService(database)
    tasks = "".join(f"- [ ] 할일{n} 낙타{n}\n" for n in range(6))
    session = sessions.create(group="G", title="모임", date=dt.date(2025, 3, 10), body=tasks)
    search = SearchService(database)
    for n in range(6):
        assert [hit.session_id for hit in search.search(f"낙타{n}")] == [session.id]
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM search_texts").scalar() == 4
    sessions.set_body(session.id, tasks.replace("낙타5", "고래5"))
    assert search.search("낙타5") == [] and len(search.search("고래5")) == 1


def test_a_first_import_stores_no_revision_and_a_reimport_keeps_what_it_replaced(
    database, tmp_path
):
    """A body imported the first time has nothing to go back to: no revision repeats it.
    Importing a changed file again keeps the text it replaces ("reimport")."""
    from studyapp.core.services.imports import ImportService

    note = tmp_path / "2025-03-10 모임.md"
    note.write_text("# 모임\n\n낙타 사막\n", "utf-8")
    imports = ImportService(database)
    assert imports.import_paths([tmp_path]).counts == {"created": 1}

    def revisions() -> list[tuple[str, str]]:
        with database.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT reason, content FROM note_revisions")
            return [(reason, content) for reason, content in rows]

    assert revisions() == []
    note.write_text("# 모임\n\n고래 바다\n", "utf-8")
    assert imports.import_paths([tmp_path]).counts == {"updated": 1}
    [(reason, content)] = revisions()
    assert reason == "reimport" and "낙타 사막" in content
