"""A database on read-only media (a mounted disk, a folder that cannot be written) opens for
reading: the window says changes cannot be saved, the read commands work, and a write
command fails with one line.

The folder is seen through a read-only bind mount as root (who ignores permission bits),
else made read-only: the ``read_only_view`` fixture of tests/conftest.py.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp import app
from studyapp.core import paths
from studyapp.core.backup import backup_sqlite
from studyapp.core.db import open_database
from studyapp.core.errors import DatabaseError
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService

NAME = "notes.sqlite3"


def _fill(folder: Path) -> None:
    database = open_database(f"sqlite:///{folder / NAME}")
    try:
        sessions = SessionService(database)
        day = dt.date(2025, 3, 10)
        sessions.create(group="KD", title="첫 모임", date=day, body="낙타 이야기\n- [ ] 발표")
        sessions.create(group="KD", title="둘째 모임", date=day, body="교사-학생 증류")
    finally:
        database.dispose()


@pytest.fixture
def read_only(tmp_path: Path, read_only_view) -> tuple[Path, str]:
    """(the database file, why it cannot be written), with nothing beside it: no -wal or
    -shm file, which SQLite cannot create there."""
    disk = tmp_path / "disk"
    disk.mkdir()
    _fill(disk)
    assert sorted(p.name for p in disk.iterdir()) == [NAME]  # closed cleanly
    view, why = read_only_view(disk)
    return view / NAME, why


def test_a_database_on_read_only_media_opens_for_reading(read_only) -> None:
    path, why = read_only
    database = open_database(f"sqlite:///{path}")
    try:
        assert database.read_only == why
        sessions = SessionService(database)
        assert sorted(s.title for s in sessions.list_sessions()) == ["둘째 모임", "첫 모임"]
        assert [hit.title for hit in SearchService(database).search_hits("낙타").hits] == [
            "첫 모임"
        ]
        with pytest.raises(DatabaseError) as refused:
            sessions.create(group="KD", title="셋째", date=dt.date(2025, 3, 17))
        assert str(refused.value) == f"The database is read-only ({why}); changes cannot be saved."
        backup = backup_sqlite(f"sqlite:///{path}", path.parents[1] / "copy.sqlite3")
        with sqlite3.connect(backup) as copy:
            assert copy.execute("SELECT count(*) FROM sessions").fetchone() == (2,)
    finally:
        database.dispose()
    assert sorted(p.name for p in path.parent.iterdir()) == [NAME]  # nothing written there


def test_the_window_opens_read_only_with_a_banner(qtbot, read_only, monkeypatch) -> None:
    path, _why = read_only
    monkeypatch.setenv("XDG_CONFIG_HOME", str(paths.data_dir() / "config"))
    window = app.create_main_window(f"sqlite:///{path}")
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.sidebar.current_session_id() is not None  # the notes can be read
        assert (
            "낙타" in window.body_editor.toPlainText() or "교사" in window.body_editor.toPlainText()
        )
        assert not window.banner.isHidden()
        assert "changes are not saved" in window.banner.text()
        assert window.body_editor.isReadOnly()
        assert not window.actions_.import_action.isEnabled()
    finally:
        window.close()


def _studyapp(path: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, STUDYAPP_DATA_DIR=str(tmp_path / "data"))
    command = [sys.executable, "-m", "studyapp", "--database", str(path), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def test_read_commands_work_and_a_write_fails_with_one_line(read_only, tmp_path) -> None:
    path, why = read_only
    listed = _studyapp(path, tmp_path, "list")
    assert listed.returncode == 0, listed.stderr
    assert "첫 모임" in listed.stdout and "둘째 모임" in listed.stdout
    shown = _studyapp(path, tmp_path, "show", "1")
    assert shown.returncode == 0 and "낙타 이야기" in shown.stdout
    found = _studyapp(path, tmp_path, "search", "증류")
    assert found.returncode == 0 and "둘째 모임" in found.stdout
    exported = _studyapp(path, tmp_path, "export", str(tmp_path / "out"))
    assert exported.returncode == 0, exported.stderr
    assert len(list((tmp_path / "out").glob("*.md"))) == 2

    note = tmp_path / "2025-03-17.md"
    note.write_text("# 셋째 모임\n", encoding="utf-8")
    for write in (["import", str(note)], ["reindex"]):
        refused = _studyapp(path, tmp_path, *write)
        assert refused.returncode == 1, write
        assert refused.stderr.splitlines() == [
            f"studyapp: The database is read-only ({why}); changes cannot be saved."
        ], write
    assert "셋째" not in _studyapp(path, tmp_path, "list").stdout


def test_a_read_only_database_of_an_older_schema_says_it_cannot_be_upgraded_there(
    read_only,
) -> None:
    path, why = read_only
    source = path.parents[1] / "disk" / NAME  # the view shows this very file
    folder_mode = source.parent.stat().st_mode
    source.parent.chmod(0o755)  # for the moment it takes to make it look older
    try:
        with sqlite3.connect(source) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '0008'")
        connection.close()
    finally:
        source.parent.chmod(folder_mode)
    with pytest.raises(DatabaseError) as refused:
        open_database(f"sqlite:///{path}")
    assert str(refused.value) == (
        f"The database is read-only ({why}) and was made by an older studyapp, whose schema "
        "cannot be changed there; copy it to a folder you can write to and open the copy."
    )
    assert not paths.backups_dir().exists()  # no migration began: nothing was backed up
