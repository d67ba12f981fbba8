"""Backups belong to their database: named, listed, recorded and thinned per database file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from studyapp.core import paths
from studyapp.core.backup import backup_sqlite, list_backups, verify_backup
from studyapp.core.backup_catalog import (
    automatic_backup_path,
    backup_key,
    backups_of,
    read_manifest,
)
from studyapp.core.backup_policy import thin_backups
from studyapp.core.db import open_database
from studyapp.core.errors import DatabaseError
from studyapp.core.services.maintenance import MaintenanceService
from studyapp.core.services.sessions import SessionService

NOW = dt.datetime(2025, 3, 12, 12, 0)


def make_database(path: Path, sessions: int = 1) -> Path:
    database = open_database(f"sqlite:///{path}")
    try:
        for number in range(sessions):
            SessionService(database).create(
                group="G", title=f"회의 {number}", date=dt.date(2025, 3, 10)
            )
    finally:
        database.dispose()
    return path


@pytest.fixture
def two(tmp_path) -> tuple[Path, Path]:
    """The default database and ``--database lab.db``, both with sessions."""
    default = make_database(paths.default_database_path(), sessions=2)
    lab = make_database(tmp_path / "elsewhere" / "lab.db", sessions=3)
    return default, lab


def service(path: Path) -> MaintenanceService:
    return MaintenanceService(open_database(f"sqlite:///{path}"))


def test_names_carry_the_database_name_and_its_paths_hash(two):
    default, lab = two
    made = automatic_backup_path(lab, dt.datetime(2026, 12, 6, 10, 15))
    assert made.parent == paths.backups_dir()
    assert made.name.startswith("lab-") and made.name.endswith("-20261206-101500.sqlite3")
    assert backup_key(lab) != backup_key(lab.with_name("other") / "lab.db")
    assert backup_key(default).startswith("studyapp-")


def test_two_databases_keep_their_backups_apart_with_a_manifest(two):
    default, lab = two
    lab_service, default_service = service(lab), service(default)
    try:
        lab_backup = lab_service.backup()
        default_backup = default_service.backup()
        assert lab_service.list_backups()[0].path == lab_backup
        assert [b.path for b in backups_of(lab)] == [lab_backup]
        assert [b.path for b in backups_of(default)] == [default_backup]
    finally:
        lab_service.db.dispose()
        default_service.db.dispose()
    manifest = json.loads((paths.backups_dir() / "manifest.json").read_text("utf-8"))
    entry = manifest["backups"][lab_backup.name]
    assert entry["database"] == str(lab.resolve())
    assert entry["sessions"] == 3 and entry["verified"] is True
    assert entry["size"] == lab_backup.stat().st_size and entry["created"]
    assert read_manifest()[default_backup.name].sessions == 2


def test_old_style_backups_count_as_the_default_databases(two):
    default, lab = two
    old = backup_sqlite(default, paths.backups_dir() / "studyapp-20250101-090000.sqlite3")
    assert [b.path for b in backups_of(default)] == [old]
    assert backups_of(lab) == []


def test_thinning_one_database_never_touches_the_others(two):
    default, lab = two
    for day in (4, 5, 6):  # one ISO week, five weeks ago: one a week is kept
        for path in (default, lab):
            backup_sqlite(path, automatic_backup_path(path, dt.datetime(2025, 2, day, 9)))
    deleted = thin_backups(now=NOW, database=lab)
    assert {p.name.split("-")[0] for p in deleted} == {"lab"} and len(deleted) == 2
    assert len(backups_of(default)) == 3 and len(backups_of(lab)) == 1
    thin_backups(now=NOW, database=default)
    assert len(backups_of(default)) == 1
    assert len(list_backups()) == 2


def test_a_backup_that_fails_verification_is_removed_and_reported(tmp_path):
    path = make_database(tmp_path / "lab.db")
    copy = backup_sqlite(path, automatic_backup_path(path))
    assert verify_backup(copy) == 1
    data = bytearray(copy.read_bytes())
    data[0:16] = b"not SQLite, now "  # as a disk that garbled the write would leave it
    copy.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="failed verification and was removed"):
        verify_backup(copy)
    assert not copy.exists()
    assert backups_of(path) == []


def test_pre_restore_copies_belong_to_their_database(two, tmp_path):
    default, lab = two
    lab_service = service(lab)
    try:
        first = lab_service.backup()
        result = lab_service.restore(first)
    finally:
        lab_service.db.dispose()
    assert result.saved is not None and result.saved.name.startswith("pre-restore-")
    assert {b.path for b in backups_of(lab)} == {first, result.saved}
    assert backups_of(default) == []


def test_a_stop_request_during_the_check_makes_no_backup(tmp_path):
    # The window closing while its automatic backup checks a large file: nothing is copied
    # that was not checked, and the window need not wait for the whole check.
    path = make_database(tmp_path / "lab.db")
    lab = service(path)
    try:
        assert lab.auto_backup(stop=lambda: True) is None
        assert backups_of(path) == []
        assert lab.auto_backup() is not None
    finally:
        lab.db.dispose()
