"""MaintenanceService: backups where people expect them, checks that name each problem."""

import datetime as dt
import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import func, select

from studyapp.core import models, paths
from studyapp.core.db import Database
from studyapp.core.migrate import head_revision
from studyapp.core.services.maintenance import CheckReport, MaintenanceService


@pytest.fixture
def filled(database):
    with database.transaction() as orm:
        group = models.Group(name="KD 스터디")
        session = models.Session(
            group=group,
            title="0310 리딩 그룹",
            date=dt.date(2025, 3, 10),
            body="## 동훈님 논문\n메모",
        )
        session.presentations = [models.Presentation(heading_raw="## 동훈님 논문")]
        orm.add(session)
    return database


def _count(path, table):
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.sqlite_only  # backups are SQLite copies
def test_backup_to_the_backups_folder_by_default(filled):
    path = MaintenanceService(filled).backup()
    assert path.parent == paths.backups_dir()
    assert path.name.startswith("studyapp-") and path.suffix == ".sqlite3"
    assert _count(path, "presentations") == 1


@pytest.mark.sqlite_only
def test_backup_into_a_folder_uses_the_default_name(filled, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    first = MaintenanceService(filled).backup(folder)
    second = MaintenanceService(filled).backup(folder)
    assert first.parent == second.parent == folder
    assert first != second  # two backups in one second keep both
    assert first.name.startswith("studyapp-")
    assert _count(second, "sessions") == 1


@pytest.mark.sqlite_only
def test_backup_to_a_file(filled, tmp_path):
    dest = tmp_path / "before-the-big-import.sqlite3"
    assert MaintenanceService(filled).backup(dest) == dest
    assert _count(dest, "sessions") == 1


@pytest.mark.sqlite_only
def test_backup_includes_rows_still_in_the_wal(filled, tmp_path):
    # The service's own engine keeps WAL on; a second open connection keeps rows in the -wal.
    path = filled.path
    with closing(sqlite3.connect(path)) as holder:
        holder.execute("PRAGMA wal_autocheckpoint=0")
        holder.execute("INSERT INTO tags (name) VALUES ('distillation')")
        holder.commit()
        dest = MaintenanceService(filled).backup(tmp_path / "b.sqlite3")
    assert _count(dest, "tags") == 1


def test_check_on_a_healthy_database(filled):
    report = MaintenanceService(filled).check()
    assert report == CheckReport(problems=(), revision=head_revision(), head=head_revision())
    assert report.ok


def test_check_reports_a_broken_foreign_key(filled):
    orphan = (
        "INSERT INTO presentations (session_id, position, created_at, updated_at) "
        "VALUES (999, 0, '2025-03-10 00:00:00', '2025-03-10 00:00:00')"
    )
    if filled.path is not None:
        with closing(sqlite3.connect(filled.path)) as connection:
            connection.execute("PRAGMA foreign_keys=OFF")
            connection.execute(orphan)
            connection.commit()
    else:
        with filled.engine.begin() as connection:
            # PostgreSQL checks keys by triggers; the replica role skips them.
            connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
            connection.exec_driver_sql(orphan)
    report = MaintenanceService(filled).check()
    assert not report.ok
    [problem] = report.problems
    assert "presentations" in problem and "sessions" in problem
    assert "\n" not in problem
    with filled.transaction() as orm:
        assert orm.scalar(select(func.count()).select_from(models.Presentation)) == 2


def test_check_reports_a_missing_or_newer_schema_version(filled):
    with filled.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    report = MaintenanceService(filled).check()
    assert report.revision == "9999"
    assert any("newer" in problem for problem in report.problems)

    with filled.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM alembic_version")
    report = MaintenanceService(filled).check()
    assert report.revision is None
    assert report.problems == (
        f"The database has no schema version (this studyapp expects {head_revision()}).",
    )


def test_check_on_a_damaged_file_reports_instead_of_raising(tmp_path):
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"\x13garbage" * 1024)
    database = Database.connect(f"sqlite:///{path}")
    try:
        report = MaintenanceService(database).check()
    finally:
        database.dispose()
    assert not report.ok
    assert any("damaged" in problem for problem in report.problems)
