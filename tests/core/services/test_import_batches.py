"""Imports write many files a transaction, each file all or nothing, the index in step."""

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from studyapp.core import models
from studyapp.core.db import begin_writing
from studyapp.core.markdown.document import PaperRef
from studyapp.core.services import imports, lookup
from studyapp.core.services.imports import ImportService
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService


def _note(number: int, *, attendees: str = "Alice, Bob", extra: str = "") -> str:
    return (
        f"---\ntitle: 회의 {number}\ndate: 2025-03-{number:02d}\ntags: [kd, week{number}]\n"
        f"{extra}---\n\n참석자: {attendees}\n\n낙타{number} 이야기\n\n"
        f"## Alice: [Paper {number}](https://arxiv.org/abs/2501.{number:05d})\n\n발표 노트\n\n"
        f"## 할 일\n\n- [ ] Bob: 정리 {number} 📅 2025-04-01\n- [x] 끝난 일 ✅ 2025-03-30\n"
    )


def _write_notes(folder: Path, count: int, bad: set[int] = frozenset()) -> None:
    folder.mkdir(exist_ok=True)
    for number in range(1, count + 1):
        # A name too long to store fails the file after its other people were written.
        extra = f"attendees: [Newcomer{number}, {'Y' * 250}]\n" if number in bad else ""
        (folder / f"2025-03-{number:02d}.md").write_text(_note(number, extra=extra), "utf-8")


def _rows(database) -> dict[str, list[tuple]]:
    """Every table a note reaches, all columns but the ones that read the clock."""
    tables = [
        "sessions",
        "groups",
        "people",
        "tags",
        "papers",
        "presentations",
        "checklist_items",
        "attendance",
        "session_tags",
        "note_revisions",
        "search_docs",
    ]
    found = {}
    with database.transaction() as orm:
        inspector = inspect(orm.connection())
        for table in tables:
            columns = [
                column["name"]
                for column in inspector.get_columns(table)
                if column["name"] not in {"created_at", "updated_at"}
            ]
            query = text(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1, 2")
            found[table] = [tuple(row) for row in orm.execute(query)]
    return found


@pytest.fixture
def one_file_batches(monkeypatch):
    monkeypatch.setattr(imports, "BATCH_FILES", 1)


def test_a_bad_file_loses_nothing_from_the_good_ones_beside_it(tmp_path, database):
    _write_notes(tmp_path / "notes", 5, bad={3})
    report = ImportService(database).import_paths([tmp_path / "notes"])
    assert [o.status for o in report.outcomes] == ["created"] * 2 + ["failed"] + ["created"] * 2
    assert "too long" in (report.outcomes[2].message or "")
    sessions = SessionService(database)
    assert sorted(s.title for s in sessions.list_sessions()) == [
        "회의 1",
        "회의 2",
        "회의 4",
        "회의 5",
    ]
    people = _rows(database)["people"]
    assert "Newcomer3" not in {name for _, name in people}  # rolled back with its file
    search = SearchService(database)
    assert search.search_hits("낙타4").total == 1
    assert search.search_hits("낙타3").total == 0
    assert [hit.title for hit in search.search("낙타5")] == ["회의 5"]


def test_batches_of_one_file_give_the_same_rows(
    tmp_path, database_url, second_database_url, one_file_batches
):
    from studyapp.core.db import open_database

    _write_notes(tmp_path / "notes", 6, bad={2})
    whole = open_database(second_database_url)
    single = open_database(database_url)
    try:
        imports.BATCH_FILES = 1000
        ImportService(whole).import_paths([tmp_path / "notes"])
        imports.BATCH_FILES = 1
        ImportService(single).import_paths([tmp_path / "notes"])
        assert _rows(single) == _rows(whole)
    finally:
        whole.dispose()
        single.dispose()


@pytest.mark.parametrize("sqlite_version", [None, (3, 37, 2)])  # (3, 37): no JSON functions
def test_the_index_matches_a_rebuild_after_imports_and_reimports(
    tmp_path, database, monkeypatch, sqlite_version
):
    import sqlite3

    if sqlite_version is not None:
        monkeypatch.setattr(sqlite3, "sqlite_version_info", sqlite_version)
    folder = tmp_path / "notes"
    _write_notes(folder, 8, bad={5})
    service = ImportService(database)
    service.import_paths([folder])
    note = folder / "2025-03-02.md"
    note.write_text(note.read_text("utf-8").replace("낙타2", "사막여우"), "utf-8")
    (folder / "2025-03-09.md").write_text(_note(9, attendees="Carol"), "utf-8")
    report = service.import_paths([folder])
    assert report.counts == {"unchanged": 6, "updated": 1, "created": 1, "failed": 1}
    before = _rows(database)["search_docs"]
    found = [SearchService(database).search_hits(f"낙타{n}").total for n in range(1, 10)]
    assert found == [1, 0, 1, 1, 0, 1, 1, 1, 1]  # the second note changed, the fifth failed
    SearchService(database).reindex()
    assert sorted(before) == sorted(_rows(database)["search_docs"])
    assert SearchService(database).search_hits("사막여우").total == 1
    assert found == [SearchService(database).search_hits(f"낙타{n}").total for n in range(1, 10)]


def test_cancel_keeps_and_indexes_what_was_imported(tmp_path, database):
    _write_notes(tmp_path / "notes", 4)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    report = ImportService(database).import_paths([tmp_path / "notes"], cancelled=cancelled)
    assert report.cancelled and [o.status for o in report.outcomes] == ["created"] * 2
    assert SessionService(database).count() == 2
    assert SearchService(database).search_hits("낙타2").total == 1


def test_dry_run_in_batches_writes_nothing(tmp_path, database, one_file_batches):
    _write_notes(tmp_path / "notes", 3)
    report = ImportService(database).import_paths([tmp_path / "notes"], dry_run=True)
    assert report.counts == {"would create": 3}
    assert all(not rows for rows in _rows(database).values())


def test_remembered_people_are_checked_again_in_the_next_transaction(database):
    memory = lookup.Memory()
    with database.transaction() as orm, lookup.remembering(orm, memory):
        alice = lookup.person(orm, "Alice")
        bob = lookup.person(orm, "Bob")
    with database.transaction() as orm:  # another program renames Bob in between
        orm.get(models.Person, bob.id).name = "Robert"
    with database.transaction() as orm, lookup.remembering(orm, memory):
        begin_writing(orm)
        memory.carry_over(orm)
        assert lookup.person(orm, "Alice") is alice
        again = lookup.person(orm, "Bob")
        assert again is not bob and again.id != bob.id
        orm.flush()
    with database.transaction() as orm:
        assert orm.scalar(select(func.count()).select_from(models.Person)) == 3


def test_paper_lookup_prefers_arxiv_then_doi_then_the_oldest_title(database):
    with database.transaction() as orm:
        old = lookup.paper(orm, PaperRef(title="Same Title"))
        newer = models.Paper(title="Same Title", title_key=lookup.title_key("Same Title"))
        by_doi = models.Paper(title="Other", title_key="other", doi="10.1/x")
        by_arxiv = models.Paper(title="Third", title_key="third", arxiv_id="2501.00001")
        orm.add_all([newer, by_doi, by_arxiv])
        orm.flush()
        ids = (old.id, by_doi.id, by_arxiv.id)
    for memory in (None, lookup.Memory()):
        with database.transaction() as orm:
            if memory is not None:
                orm.info["studyapp_lookup_memory"] = memory

            def found(**ref: str) -> int:
                return lookup.paper(orm, PaperRef(**ref)).id

            # Each way is asked twice: the second answer may come from memory.
            for _ in range(2):
                assert found(title="same title!") == ids[0]
                assert found(title="Same Title", doi="10.1/X") == ids[1]
                assert found(title="Same Title", arxiv_id="2501.00001") == ids[2]
                assert found(title="Other", arxiv_id="2501.99999") == ids[1]
    with database.transaction() as orm:
        # The title match learned the arXiv id it was asked with.
        assert orm.get(models.Paper, ids[1]).arxiv_id == "2501.99999"


def test_an_import_holds_the_write_lock_for_short_batches(tmp_path, database, monkeypatch):
    monkeypatch.setattr(imports, "BATCH_SECONDS", 0.0)  # every file its own transaction
    _write_notes(tmp_path / "notes", 3)
    commits = []
    from sqlalchemy import event

    event.listen(database.engine, "commit", lambda connection: commits.append(1))
    ImportService(database).import_paths([tmp_path / "notes"])
    assert len(commits) >= 3 + 1  # the known people's read, then a commit a file
    assert SessionService(database).get(1).date == dt.date(2025, 3, 1)


@pytest.mark.sqlite_only  # pysqlite, PRAGMAs, FTS5 writes
def test_files_release_their_savepoints_inside_the_batch_transaction(tmp_path, database):
    # pysqlite opens no transaction before a SAVEPOINT; released first, it would commit
    # the file alone, and the index written at the end of the batch would lag behind.
    from sqlalchemy import event

    still_open = []

    def after(connection, cursor, statement, parameters, context, executemany):
        if statement.startswith("RELEASE SAVEPOINT"):
            still_open.append(connection.connection.dbapi_connection.in_transaction)

    event.listen(database.engine, "after_cursor_execute", after)
    _write_notes(tmp_path / "notes", 3)
    ImportService(database).import_paths([tmp_path / "notes"])
    assert still_open == [True, True, True]


@pytest.mark.sqlite_only  # pysqlite, PRAGMAs, FTS5 writes
def test_savepoint_journals_stay_in_memory_during_an_import_only(tmp_path, database):
    from sqlalchemy import event

    seen = []

    def after(connection, cursor, statement, parameters, context, executemany):
        if statement.startswith("SAVEPOINT"):
            raw = connection.connection.dbapi_connection
            seen.append(raw.execute("PRAGMA temp_store").fetchone()[0])

    event.listen(database.engine, "after_cursor_execute", after)
    # The second file fails: its savepoint rolls back from the journal in memory.
    _write_notes(tmp_path / "notes", 3, bad={2})
    report = ImportService(database).import_paths([tmp_path / "notes"])
    assert [o.status for o in report.outcomes] == ["created", "failed", "created"]
    assert seen == [2, 2, 2]  # MEMORY
    with database.transaction() as orm:
        assert orm.execute(text("PRAGMA temp_store")).scalar() == 0  # back to the default
        titles = orm.scalars(select(models.Session.title).order_by(models.Session.id)).all()
        people = set(orm.scalars(select(models.Person.name)))
    assert titles == ["회의 1", "회의 3"]
    assert "Newcomer2" not in people and {"Alice", "Bob"} <= people


SAMPLES = Path(__file__).parents[2] / "fixtures" / "samples"


def _orm_insert(orm, batch, note, group, source):
    """How a new session was written before it went in as plain INSERTs."""
    from studyapp.core.services.import_rows import fill_session

    with orm.begin_nested():
        row = models.Session()
        fill_session(orm, row, note, group)
        row.source_path, row.source_hash, row.source_part = source
        orm.add(row)
        orm.flush()
    return row.id, []


def test_new_sessions_get_the_rows_the_orm_gave_them(tmp_path, monkeypatch):
    import shutil

    from studyapp.core.db import open_database

    folder = shutil.copytree(SAMPLES, tmp_path / "notes")
    for number in range(1, 6):
        extra = (
            "created: 2025-03-01T10:00:00+09:00\nlast_modified_at: 2025-03-02 11:00:00\n"
            "timezone: Nowhere/Special\n"
            if number % 2
            else "status: cancelled\nkind: mentoring\n"
        )
        note = _note(number, attendees="Alice, 민수 (불참: Bob)", extra=extra)
        note += "- [ ] 🔼 Chen: 반복 🔁 every week ➕ 2025-03-01 ⏳ 2025-03-05\n- [ ] \n"
        (folder / f"2025-03-{number:02d}.md").write_text(note, "utf-8")
    databases = []
    for name in ("plain", "orm"):
        database = open_database(f"sqlite:///{tmp_path / f'{name}.sqlite3'}")
        databases.append(database)
        if name == "orm":
            monkeypatch.setattr(ImportService, "_insert", staticmethod(_orm_insert))
        report = ImportService(database).import_paths([folder], group="KD")
        assert report.failed == []
    try:
        plain, orm = (_rows(database) for database in databases)
        assert plain == orm
        times = [
            _rows_with_times(database)
            for database in databases  # from the notes, not the clock
        ]
        assert times[0] == times[1] and times[0]
    finally:
        for database in databases:
            database.dispose()


def _rows_with_times(database) -> list[tuple]:
    # Only the odd notes give their own times; the others get the clock's.
    with database.transaction() as orm:
        query = text(
            "SELECT id, created_at, updated_at, timezone, kind, status, front_matter,"
            " attendees_raw, body FROM sessions"
            " WHERE title IN ('회의 1', '회의 3', '회의 5')"
        )
        return [tuple(row) for row in orm.execute(query)]


def test_a_failing_replacement_keeps_the_new_notes_before_it(tmp_path, database):
    folder = tmp_path / "notes"
    folder.mkdir()
    changed = folder / "2025-03-09.md"
    changed.write_text(_note(9), "utf-8")
    ImportService(database).import_paths([folder])
    for number in (1, 2):
        (folder / f"2025-03-0{number}.md").write_text(_note(number), "utf-8")
    changed.write_text(_note(9, extra=f"attendees: [Newcomer, {'Y' * 250}]\n"), "utf-8")
    report = ImportService(database).import_paths([folder])
    assert [o.status for o in report.outcomes] == ["created", "created", "failed"]
    sessions = SessionService(database)
    for outcome in report.outcomes[:2]:
        detail = sessions.get(outcome.session_id)
        assert len(detail.checklist) == 2 and len(detail.presentations) == 1
    assert "낙타9" in sessions.get(1).body  # the note as first imported


def _read_everything_ahead(monkeypatch) -> None:
    """Read every later file ahead at each batch's end, however fast its index is written."""
    from studyapp.core.services import import_files

    original = import_files.ReadAhead.read_while

    def read_all(self, busy, files, start, people):
        original(self, lambda: True, files, start, people)

    monkeypatch.setattr(import_files.ReadAhead, "read_while", read_all)


def test_notes_read_ahead_give_the_rows_of_notes_read_in_their_turn(
    tmp_path, monkeypatch, one_file_batches
):
    from studyapp.core.db import open_database

    folder = tmp_path / "notes"
    _write_notes(folder, 2)
    # Zed presents in the third note; the fourth names Zed only the way a known presenter
    # is recognized, so a fourth note read before the third is imported must be read again.
    (folder / "2025-03-03.md").write_text(
        "---\ndate: 2025-03-03\n---\n\n## Zed: Attention Is All You Need\n\n발표 노트\n", "utf-8"
    )
    (folder / "2025-03-04.md").write_text(
        "---\ndate: 2025-03-04\n---\n\n## Transformers by Zed\n\n노트\n", "utf-8"
    )
    (folder / "2025-03-05.md").write_bytes(b"\x00\x01binary")
    found = []
    for name in ("in turn", "ahead"):
        if name == "ahead":
            _read_everything_ahead(monkeypatch)
        database = open_database(f"sqlite:///{tmp_path / f'{name}.sqlite3'}")
        try:
            report = ImportService(database).import_paths([folder])
            found.append(([(o.status, o.message) for o in report.outcomes], _rows(database)))
        finally:
            database.dispose()
    assert found[0] == found[1]
    statuses, rows = found[1]
    assert [status for status, _ in statuses] == ["created"] * 4 + ["failed"]
    presenters = {row[0]: row[1] for row in rows["people"]}
    assert sorted(presenters[row[3]] for row in rows["presentations"] if row[3]) == [
        "Alice",
        "Alice",
        "Zed",
        "Zed",
    ]


@pytest.mark.sqlite_only  # pysqlite, PRAGMAs, FTS5 writes
def test_a_failing_index_write_fails_its_batch_and_keeps_the_ones_before(
    tmp_path, database, monkeypatch, one_file_batches
):
    from sqlalchemy.exc import OperationalError

    from studyapp.core.errors import DatabaseError
    from studyapp.core.search import index

    written = index.write_fts
    calls = []

    def disk_full_on_the_second(connection, rows):
        calls.append(len(rows))
        if len(calls) == 2:
            raise OperationalError("INSERT", {}, Exception("database or disk is full"))
        written(connection, rows)

    monkeypatch.setattr(index, "write_fts", disk_full_on_the_second)
    _write_notes(tmp_path / "notes", 3)
    with pytest.raises(DatabaseError, match="full"):
        ImportService(database).import_paths([tmp_path / "notes"])
    with database.transaction() as orm:
        assert orm.scalars(select(models.Session.title)).all() == ["회의 1"]
    assert SearchService(database).search_hits("낙타1").total == 1
    assert SearchService(database).search_hits("낙타2").total == 0
