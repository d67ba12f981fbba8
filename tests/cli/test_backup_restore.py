"""`studyapp backup --list`, `studyapp restore` and `studyapp trash`."""

import datetime as dt
import io
import sqlite3
from contextlib import closing

import pytest

from studyapp.core import paths
from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService


def session_titles(db_path) -> list[str]:
    with closing(sqlite3.connect(db_path)) as connection:
        rows = connection.execute("SELECT title FROM sessions WHERE deleted_at IS NULL")
        return sorted(row[0] for row in rows)


def add_session(db_path, title: str) -> int:
    database = open_database(f"sqlite:///{db_path}")
    try:
        return SessionService(database).create(group="G", title=title, date=dt.date(2025, 3, 10)).id
    finally:
        database.dispose()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_backup_list_newest_first_path_first(cli, demo, db_path):
    first = cli("backup", paths.backups_dir() / "studyapp-20250101-090000.sqlite3")
    second = cli("backup")
    assert first.code == 0 and second.code == 0

    listed = cli("backup", "--list")

    assert listed.code == 0, listed.err
    lines = listed.out.splitlines()
    assert [line.split("\t")[0] for line in lines] == [second.out.strip(), first.out.strip()]
    _path, when, size = lines[1].split("\t")
    assert when == "2025-01-01 09:00:00"
    assert size.endswith("KB") or size.endswith("MB")


def test_backup_list_when_there_are_none(cli, db_path):
    result = cli("backup", "--list")
    assert result.code == 0 and result.out == ""
    assert "No backups" in result.err


def test_backup_list_refuses_a_destination_too(cli, demo):
    result = cli("backup", "somewhere", "--list")
    assert result.code == 1
    assert "either" in result.err


def test_restore_brings_the_backup_back_and_saves_the_current_file(cli, db_path):
    add_session(db_path, "before")
    backup = cli("backup").out.strip()
    add_session(db_path, "after the backup")

    result = cli("restore", backup, "--yes")

    assert result.code == 0, result.err
    assert session_titles(db_path) == ["before"]
    saved = next(paths.backups_dir().glob("pre-restore-*.sqlite3"))
    assert f"Saved the previous database as {saved}" in result.out
    assert session_titles(saved) == ["after the backup", "before"]
    assert not db_path.with_name(db_path.name + "-wal").exists()
    # The restored database opens and migrates as usual.
    assert cli("list").code == 0


def test_restore_saves_even_a_corrupted_database(cli, db_path):
    add_session(db_path, "good")
    backup = cli("backup").out.strip()
    garbage = b"this is not SQLite at all " * 100
    db_path.write_bytes(garbage)

    result = cli("restore", backup, "--yes")

    assert result.code == 0, result.err
    assert session_titles(db_path) == ["good"]
    # Kept under a name that is never listed or offered as a backup.
    saved = next(paths.backups_dir().glob("*-damaged-*.sqlite3"))
    assert saved.read_bytes() == garbage
    assert f"Saved the previous database as {saved}" in result.out
    assert list(paths.backups_dir().glob("pre-restore-*")) == []


def test_restore_without_a_terminal_needs_yes(cli, db_path, monkeypatch):
    add_session(db_path, "kept")
    backup = cli("backup").out.strip()
    add_session(db_path, "also kept")
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # a pipe, not a person

    result = cli("restore", backup)

    assert result.code == 1
    assert "--yes" in result.err
    assert session_titles(db_path) == ["also kept", "kept"]


@pytest.mark.parametrize(("answer", "code", "titles"), [("y\n", 0, ["a"]), ("\n", 1, ["a", "b"])])
def test_restore_asks_on_a_terminal(cli, db_path, monkeypatch, answer, code, titles):
    add_session(db_path, "a")
    backup = cli("backup").out.strip()
    add_session(db_path, "b")
    monkeypatch.setattr("sys.stdin", FakeTerminal(answer))

    result = cli("restore", backup)

    assert result.code == code
    assert f"Replace {db_path} with {backup}? [y/N]" in result.out
    assert session_titles(db_path) == titles


def test_restore_refuses_a_file_that_is_not_a_backup(cli, db_path, tmp_path):
    add_session(db_path, "safe")
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"garbage" * 1000)
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE t (x)")

    for path, reason in ((bogus, "not a studyapp backup"), (other, "no studyapp tables")):
        result = cli("restore", path, "--yes")
        assert result.code == 1
        assert reason in result.err
        assert len(result.err.splitlines()) == 1
    assert session_titles(db_path) == ["safe"]
    missing = cli("restore", tmp_path / "missing.sqlite3", "--yes")
    assert missing.code == 1 and "no backup file" in missing.err


def test_restore_of_another_kind_of_server_is_refused_before_connecting(cli):
    url = "mysql+pymysql://someone@localhost/study"
    result = cli("restore", "dump.sql", "--yes", "--database", url, database=None)
    assert result.code == 1
    assert "Only SQLite files and PostgreSQL databases" in result.err


def test_trash_list_restore_and_empty(cli, db_path):
    keep = add_session(db_path, "지난 주 리딩")
    gone = add_session(db_path, "취소된 모임")
    database = open_database(f"sqlite:///{db_path}")
    try:
        SessionService(database).trash(keep)
        SessionService(database).trash(gone)
    finally:
        database.dispose()

    listed = cli("trash")
    assert listed.code == 0
    assert "지난 주 리딩" in listed.out and "취소된 모임" in listed.out
    assert all(line.startswith("session") for line in listed.out.splitlines())

    assert cli("trash", "--restore", "session", str(keep)).code == 0
    assert session_titles(db_path) == ["지난 주 리딩"]

    assert "Deleted 0 items" in cli("trash", "--empty").out  # trashed just now
    assert "Deleted 1 item " in cli("trash", "--empty", "--all").out
    assert cli("trash").out.strip() == "The trash is empty."


def test_trash_usage_errors(cli, demo):
    assert cli("trash", "--all").code == 1
    bad_kind = cli("trash", "--restore", "group", "1")
    assert bad_kind.code == 1 and "session or paper" in bad_kind.err
    bad_id = cli("trash", "--restore", "session", "x")
    assert bad_id.code == 1 and "number" in bad_id.err
    missing = cli("trash", "--restore", "session", "9999")
    assert missing.code == 1 and "9999" in missing.err
