"""Backups go through SQLite's backup API: WAL content included, one self-contained file."""

import datetime as dt
import sqlite3
from contextlib import closing

import pytest

from studyapp.core import paths
from studyapp.core.backup import NOT_SQLITE, backup_sqlite, default_backup_path
from studyapp.core.errors import DatabaseError


@pytest.fixture
def wal_database(tmp_path):
    """A WAL database whose newest rows are still only in the -wal file."""
    path = tmp_path / "live.sqlite3"
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
    connection.execute("PRAGMA wal_autocheckpoint=0")  # keep the rows out of the main file
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    connection.executemany(
        "INSERT INTO notes (text) VALUES (?)", [(f"메모 {n}",) for n in range(200)]
    )
    connection.commit()
    yield path
    connection.close()


def test_backup_contains_rows_that_are_only_in_the_wal(wal_database, tmp_path):
    wal = wal_database.with_name(wal_database.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0

    dest = backup_sqlite(wal_database, tmp_path / "copies" / "backup.sqlite3")

    assert dest == tmp_path / "copies" / "backup.sqlite3"
    with closing(sqlite3.connect(dest)) as copy:
        assert copy.execute("SELECT count(*) FROM notes").fetchone() == (200,)
        assert copy.execute("SELECT text FROM notes WHERE id = 1").fetchone() == ("메모 0",)
        # One file that can be copied anywhere: no -wal beside it.
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not dest.with_name(dest.name + "-wal").exists()
    assert sorted(p.name for p in dest.parent.iterdir()) == ["backup.sqlite3"]


def test_backup_accepts_a_sqlite_url(wal_database, tmp_path):
    dest = backup_sqlite(f"sqlite:///{wal_database}", tmp_path / "b.sqlite3")
    with closing(sqlite3.connect(dest)) as copy:
        assert copy.execute("SELECT count(*) FROM notes").fetchone() == (200,)


def test_backup_replaces_an_older_backup(wal_database, tmp_path):
    dest = tmp_path / "b.sqlite3"
    dest.write_bytes(b"old")
    backup_sqlite(wal_database, dest)
    with closing(sqlite3.connect(dest)) as copy:
        assert copy.execute("SELECT count(*) FROM notes").fetchone() == (200,)


@pytest.mark.parametrize(
    "url", ["postgresql://me@localhost/study", "postgresql+psycopg://me@db.example/study"]
)
def test_non_sqlite_databases_are_refused(url, tmp_path):
    with pytest.raises(DatabaseError) as raised:
        backup_sqlite(url, tmp_path / "b.sqlite3")
    assert str(raised.value) == NOT_SQLITE
    assert "pg_dump" in NOT_SQLITE


def test_in_memory_and_missing_sources_are_refused(tmp_path):
    with pytest.raises(DatabaseError, match="in-memory"):
        backup_sqlite("sqlite://", tmp_path / "b.sqlite3")
    with pytest.raises(DatabaseError, match="no database file"):
        backup_sqlite(tmp_path / "missing.sqlite3", tmp_path / "b.sqlite3")
    assert not (tmp_path / "missing.sqlite3").exists()


def test_damaged_source_leaves_no_partial_file(tmp_path):
    source = tmp_path / "broken.sqlite3"
    source.write_bytes(b"\x00garbage" * 512)
    with pytest.raises(DatabaseError, match="damaged"):
        backup_sqlite(source, tmp_path / "out" / "b.sqlite3")
    assert list((tmp_path / "out").iterdir()) == []


def test_backup_refuses_to_overwrite_its_source_or_a_folder(wal_database, tmp_path):
    with pytest.raises(DatabaseError, match="cannot overwrite"):
        backup_sqlite(wal_database, wal_database)
    with pytest.raises(DatabaseError, match="folder"):
        backup_sqlite(wal_database, tmp_path)


def test_default_backup_path_is_in_the_backups_folder():
    path = default_backup_path(dt.datetime(2025, 3, 10, 19, 5, 9))
    assert path == paths.backups_dir() / "studyapp-20250310-190509.sqlite3"
    assert paths.backups_dir().parent == paths.data_dir()
