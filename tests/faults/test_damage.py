"""Damage found before it spreads: the check, the command line, and backups that refuse it.

Each kind of damage the issue reproduced, made on a real file: 8 KB of random bytes in the
middle, 64 bytes in a session's row (SQLite's quick check passes), a file emptied to 0 bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import studyapp
from studyapp.core.backup_catalog import backups_of
from studyapp.core.db import open_database
from studyapp.core.errors import DatabaseError
from studyapp.core.services.damage import check_file
from studyapp.core.services.maintenance import MaintenanceService
from studyapp.core.services.recovery import inspect_file
from studyapp.core.services.sessions import SessionService

from .conftest import (
    damage_header,
    damage_middle,
    damage_small,
    damage_truncated,
    quick_check,
    session_titles,
)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m studyapp ARGS`` in a second process, with this checkout's package."""
    source = str(Path(studyapp.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": source}
    env.pop("STUDYAPP_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "studyapp", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def backed_up(path: Path) -> Path:
    database = open_database(f"sqlite:///{path}")
    try:
        return MaintenanceService(database).backup()
    finally:
        database.dispose()


# -- the check -------------------------------------------------------------------------------


def test_a_sound_file_passes_and_every_session_is_read(built):
    report = check_file(built())
    assert not report.damaged and report.complete and not report.emptied
    assert report.sessions == 120


def test_random_bytes_in_the_middle_are_damage(built):
    path = built()
    damage_middle(path)
    report = check_file(path)
    assert report.damaged
    assert quick_check(path) != "ok"


def test_small_damage_in_a_row_is_found_where_quick_check_sees_none(built):
    path = built()
    damage_small(path)
    assert quick_check(path) == "ok"  # SQLite's own check misses it
    report = check_file(path)
    assert report.damaged
    assert "table sessions" in report.summary() and "UTF-8" in report.summary()


def test_a_budget_checks_what_fits_and_says_it_was_not_complete(built):
    path = built()
    assert not check_file(path, budget=0.0).complete
    assert check_file(path, budget=60.0).complete


def test_an_emptied_file_is_damage_only_when_its_backups_hold_sessions(built, tmp_path):
    new = tmp_path / "new.sqlite3"
    new.write_bytes(b"")
    assert not inspect_file(new).damaged  # nothing was ever there: a new database
    path = built()
    backup = backed_up(path)
    path.write_bytes(b"")
    inspection = inspect_file(path)
    assert inspection.damaged and inspection.emptied
    assert inspection.backup is not None and inspection.backup.path == backup
    assert "is empty, but its backup" in inspection.message()


# -- backups refuse damage -------------------------------------------------------------------


@pytest.mark.parametrize("damage", [damage_middle, damage_small, lambda p: p.write_bytes(b"")])
def test_the_automatic_backup_refuses_a_damaged_file_and_the_good_one_stays_newest(built, damage):
    path = built()
    good = backed_up(path)
    damage(path)
    database = open_database(f"sqlite:///{path}", migrate=False)
    try:
        service = MaintenanceService(database)
        with pytest.raises(DatabaseError, match="Backup refused"):
            service.auto_backup(min_age=dt.timedelta(0))
        with pytest.raises(DatabaseError, match="Backup refused"):
            service.backup()
    finally:
        database.dispose()
    assert [info.path for info in backups_of(path)] == [good]
    assert inspect_file(path).backup is not None
    assert inspect_file(path).backup.path == good  # type: ignore[union-attr]


# -- the command line ------------------------------------------------------------------------


@pytest.mark.parametrize("damage", [damage_middle, damage_small])
def test_list_exits_1_with_one_line_naming_the_damage_and_the_backup(built, damage):
    path = built()
    good = backed_up(path)
    damage(path)
    for command in ("list", "export"):
        extra = [str(path.parent / "out")] if command == "export" else []
        done = run("--database", path, command, *extra)
        assert done.returncode == 1, done.stdout
        lines = done.stderr.splitlines()
        assert len(lines) == 1, done.stderr
        assert f"The database {path} is damaged" in lines[0]
        assert f"The newest good backup is {good}" in lines[0]
        assert "Traceback" not in done.stderr


def test_check_prints_one_line_per_kind_of_damage(built):
    path = built()
    assert run("--database", path, "check").stdout.startswith("ok")
    damage_small(path)
    done = run("--database", path, "check")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Rows that cannot be read: table sessions")


def test_an_emptied_file_is_reported_and_never_backed_up(built):
    path = built()
    good = backed_up(path)
    path.write_bytes(b"")
    done = run("--database", path, "list")
    assert done.returncode == 1
    assert "is empty, but its backup" in done.stderr and str(good) in done.stderr
    assert path.stat().st_size == 0  # not made into a new database either
    assert run("--database", path, "backup").returncode == 1
    assert [info.path for info in backups_of(path)] == [good]
    restored = run("--database", path, "restore", good, "--yes")
    assert restored.returncode == 0, restored.stderr
    assert len(session_titles(path)) == 120  # every session back
    assert run("--database", path, "check").returncode == 0


def test_import_backs_up_first_when_the_newest_backup_is_old(built, tmp_path):
    path = built()
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2025-03-10-meeting.md").write_text("# 3월 회의\n\n- [ ] 슬라이드\n", "utf-8")
    skipped = run("--database", path, "import", notes, "--no-backup")
    assert skipped.returncode == 0, skipped.stderr
    assert backups_of(path) == [] and "backed up" not in skipped.stderr
    (notes / "2025-03-17-meeting.md").write_text("# 다음 회의\n", "utf-8")
    done = run("--database", path, "import", notes)
    assert done.returncode == 0, done.stderr
    [backup] = backups_of(path)
    assert f"backed up to {backup.path}" in done.stderr.splitlines()
    assert len(session_titles(backup.path)) == 121  # the state before this import
    again = run("--database", path, "import", notes)  # a backup from seconds ago is enough
    assert "backed up" not in again.stderr and len(backups_of(path)) == 1


@pytest.mark.parametrize("damage", [damage_header, damage_truncated], ids=["header", "truncated"])
def test_a_zeroed_header_or_a_truncated_file_is_refused_and_its_backup_restores_it(built, damage):
    path = built()
    good = backed_up(path)
    damage(path)
    assert inspect_file(path).damaged
    done = run("--database", path, "list")
    assert done.returncode == 1, done.stdout
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    check = run("--database", path, "check")
    assert check.returncode == 1 and check.stdout.strip(), check.stderr
    assert all(len(line) < 300 for line in check.stdout.splitlines())
    assert run("--database", path, "backup").returncode == 1
    assert [info.path for info in backups_of(path)] == [good]
    restored = run("--database", path, "restore", good, "--yes")
    assert restored.returncode == 0, restored.stderr
    assert len(session_titles(path)) == 120  # every session back
    assert run("--database", path, "check").returncode == 0


def test_a_check_in_the_window_process_leaves_its_locks_to_its_connections(built, tmp_path):
    # POSIX locks belong to the process: a descriptor of the file opened and closed beside
    # SQLite's dropped the open connections' locks, and the next process to close the
    # database deleted its WAL under them ("disk I/O error" on the next write).
    path = built()
    database = open_database(f"sqlite:///{path}")
    try:
        service = SessionService(database)
        [first, *_] = service.list_sessions()
        assert not check_file(path).damaged
        note = tmp_path / "2025-03-10.md"
        note.write_text("# 다른 쓰기\n\n내용\n", "utf-8")
        assert run("--database", path, "--no-backup", "import", note).returncode == 0
        assert path.with_name(path.name + "-wal").exists()
        service.save_body(first.id, "여전히 저장됨\n")
        assert service.get(first.id).body == "여전히 저장됨\n"
    finally:
        database.dispose()
