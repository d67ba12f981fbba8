"""A large folder is read and parsed by worker processes: the same rows, outcomes and
search results as files read one by one in this process."""

import shutil
from pathlib import Path

import pytest

from studyapp.core.db import open_database
from studyapp.core.services import import_workers, imports
from studyapp.core.services.import_files import collect_files, read_note
from studyapp.core.services.import_workers import WorkerReader, still_holds
from studyapp.core.services.imports import ImportService
from studyapp.core.services.search import SearchService

from .test_import_batches import _note, _rows

FIXTURES = Path(__file__).parents[2] / "fixtures"
QUERIES = ["낙타", "Alice", "Zed", "정리", "kd", "slide", "Attention", "회의", "참석"]


def _varied_folder(folder: Path) -> Path:
    """Notes of every kind the importer reads: front matter, attendance lines, talks,
    to-dos, a log of several meetings with an image, odd and damaged files."""
    shutil.copytree(FIXTURES / "samples", folder)
    shutil.copy(FIXTURES / "logs" / "kd-study-log-2025-spring.md", folder)
    shutil.copy(FIXTURES / "logs" / "slide-0317.png", folder)
    for number in range(1, 6):
        attendees = "Alice, 민수 (불참: Bob)" if number % 2 else "Alice, Bob"
        note = _note(number, attendees=attendees)
        (folder / f"2025-03-{number:02d}.md").write_text(note, "utf-8")
    # Zed presents in one note; a later one names Zed only as a known presenter is named,
    # so a worker that parsed it before Zed was known must not be believed.
    (folder / "2025-03-06.md").write_text(
        "---\ndate: 2025-03-06\n---\n\n## Zed: Attention Is All You Need\n\n발표 노트\n", "utf-8"
    )
    (folder / "2025-03-07.md").write_text(
        "---\ndate: 2025-03-07\n---\n\n## Transformers by Zed\n\n노트\n", "utf-8"
    )
    (folder / "2025-03-08.md").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    (folder / "2025-03-09.md").write_text("  \n\n", "utf-8")
    broken = "# 깨진 파일\n\n낙타 \udcff".encode("utf-8", "surrogateescape")
    (folder / "2025-03-10.md").write_bytes(broken)  # not UTF-8
    unclosed = "---\ntitle: [unclosed\n---\n\n## Alice: Paper\n"
    (folder / "2025-03-11.md").write_text(unclosed, "utf-8")
    too_long = _note(12, extra=f"attendees: [{'Y' * 250}]\n")  # fails in the database
    (folder / "2025-03-12.md").write_text(too_long, "utf-8")
    return folder


def _imported(folder: Path, database_path: Path) -> tuple[list[tuple], dict, dict]:
    database = open_database(f"sqlite:///{database_path}")
    try:
        report = ImportService(database).import_paths([folder])
        outcomes = [
            (o.path.name, o.status, o.part, o.title, o.date, o.message, o.warnings)
            for o in report.outcomes
        ]
        search = SearchService(database)
        found = {query: [hit.session_id for hit in search.search_all(query)] for query in QUERIES}
        rows = _rows(database)
        with database.transaction() as orm:
            rows["attachments"] = [
                tuple(row)
                for row in orm.connection().exec_driver_sql(
                    "SELECT session_id, name, mime, data FROM attachments ORDER BY 1, 2"
                )
            ]
        return outcomes, rows, found
    finally:
        database.dispose()


@pytest.mark.sqlite_only  # the rows compared are the same on PostgreSQL; the workers too
def test_worker_processes_give_what_reading_here_gives(tmp_path, monkeypatch):
    folder = _varied_folder(tmp_path / "notes")
    monkeypatch.setattr(imports, "WORKER_FILES", 10**9)
    here = _imported(folder, tmp_path / "here.sqlite3")
    monkeypatch.setattr(imports, "WORKER_FILES", 0)
    monkeypatch.setattr(import_workers, "CHUNK_FILES", 3)  # several chunks in flight
    workers = _imported(folder, tmp_path / "workers.sqlite3")
    assert workers == here
    outcomes, rows, found = workers
    statuses = {name: status for name, status, *_ in outcomes}
    assert statuses["2025-03-08.md"] == "failed" and statuses["2025-03-09.md"] == "skipped"
    assert statuses["2025-03-12.md"] == "failed"
    assert sum(name.startswith("kd-study-log") for name, *_ in outcomes) > 2  # its meetings
    assert rows["attachments"] and all(found.values())


def test_a_note_parsed_before_someone_new_was_known_is_read_again_if_it_names_them(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.md").write_text("## Transformers by Zed\n\n노트\n", "utf-8")
    (folder / "b.md").write_text("## Transformers by Alice\n\n노트\n", "utf-8")
    named, other = collect_files([folder])
    people = ["Bob"]
    early = read_note(named, people)
    assert early.parts[0].note.presentations == []
    assert still_holds(early, people)
    people.append("Zed")
    assert not still_holds(early, people)
    assert still_holds(read_note(other, people[:1]), people)  # Zed is not in its heading


def test_files_a_broken_worker_held_are_read_here(tmp_path, monkeypatch):
    folder = tmp_path / "notes"
    folder.mkdir()
    for number in range(1, 9):
        (folder / f"2025-03-{number:02d}.md").write_text(_note(number), "utf-8")
    files = collect_files([folder])
    monkeypatch.setattr(import_workers, "CHUNK_FILES", 2)
    reader = WorkerReader(files, split=True, workers=1)
    try:
        assert reader.take(0, files[0], []).parts  # the worker is up
        pool = reader._pool
        assert pool is not None
        for process in list(pool._processes.values()):
            process.kill()
        titles = [reader.take(place, files[place], []).parts[0].note.title for place in range(8)]
    finally:
        reader.close()
    assert titles == [f"회의 {number}" for number in range(1, 9)]


@pytest.mark.sqlite_only  # PRAGMAs
def test_an_import_runs_with_a_larger_cache_and_fewer_checkpoints_then_puts_them_back(
    tmp_path, database
):
    from sqlalchemy import event, text

    seen = []

    def after(connection, cursor, statement, parameters, context, executemany):
        if statement.startswith("SAVEPOINT"):
            raw = connection.connection.dbapi_connection
            seen.append(
                (
                    raw.execute("PRAGMA cache_size").fetchone()[0],
                    raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0],
                )
            )

    event.listen(database.engine, "after_cursor_execute", after)
    folder = tmp_path / "notes"
    folder.mkdir()
    for number in range(1, 3):
        (folder / f"2025-03-{number:02d}.md").write_text(_note(number), "utf-8")
    report = ImportService(database).import_paths([folder])
    assert [o.status for o in report.outcomes] == ["created", "created"]
    assert seen and set(seen) == {(-16_000, 10_000)}
    with database.transaction() as orm:
        assert orm.execute(text("PRAGMA cache_size")).scalar() == -2000
        assert orm.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 1000
