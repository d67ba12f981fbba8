"""Backups of a database on a real PostgreSQL server: pg_dump archives written, listed,
checked and restored with the server's own programs."""

import json
import os
import shutil
import subprocess

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from studyapp.core import models, paths
from studyapp.core.backup_catalog import read_manifest
from studyapp.core.db import open_database
from studyapp.core.errors import DatabaseError
from studyapp.core.services.demo import load_demo
from studyapp.core.services.maintenance import MaintenanceService
from studyapp.core.services.server_backup import ServerBackups
from studyapp.core.services.sessions import SessionService

pytestmark = pytest.mark.skipif(
    shutil.which("pg_dump") is None and not os.environ.get("STUDYAPP_REQUIRE_POSTGRES"),
    reason="PostgreSQL's client programs (pg_dump, pg_restore) are not installed",
)


@pytest.fixture
def server_url(postgres_server):
    url = postgres_server.new_database()
    yield url
    postgres_server.drop(url)


@pytest.fixture
def filled(server_url):
    """A group's database: the demo's sessions, papers and to-dos, earlier versions of a
    note, and a picture kept with a session."""
    database = open_database(server_url)
    load_demo(database)
    with database.transaction() as orm:
        session = orm.query(models.Session).order_by(models.Session.id).first()
        first = {"session_id": session.id}
        orm.add(models.NoteRevision(**first, content="## 동훈님 논문\n첫 메모", author="동훈님"))
        orm.add(models.NoteRevision(**first, content="## 동훈님 논문\n둘째 메모"))
        orm.add(
            models.Attachment(**first, name="보드.png", mime="image/png", data=bytes(range(256)))
        )
    yield database
    database.dispose()


def everything(url: str) -> dict[str, list[str]]:
    """Every row of every table, as JSON text, sorted; and where each sequence stands."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            tables = connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
            rows = {
                table: sorted(
                    connection.execute(
                        text(f'SELECT row_to_json(t)::text FROM "{table}" t')
                    ).scalars()
                )
                for table in tables
            }
            sequences = connection.execute(
                text("SELECT sequencename, last_value FROM pg_sequences ORDER BY 1")
            ).all()
    finally:
        engine.dispose()
    rows["(sequences)"] = [json.dumps([name, value]) for name, value in sequences]
    return rows


def sessions_in(url: str) -> int:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM sessions")).scalar_one()
    finally:
        engine.dispose()


def change_everything(database) -> None:
    """What a bad evening does: notes rewritten, a to-do and a paper gone, a session trashed."""
    service = SessionService(database)
    first = service.list_sessions()[0]
    service.save_body(first.id, "전부 지워졌다")
    with database.transaction() as orm:
        orm.query(models.ChecklistItem).filter(models.ChecklistItem.id == 1).delete()
        orm.query(models.ReadingAssignment).delete()
        paper = orm.query(models.Paper).order_by(models.Paper.id).first()
        orm.delete(paper)
    service.trash(service.list_sessions()[-1].id)


def test_backup_writes_a_verified_archive_named_for_the_database(filled, server_url):
    made = MaintenanceService(filled).backup()
    assert made.parent == paths.backups_dir()
    assert made.suffix == ".dump"
    assert made.read_bytes().startswith(b"PGDMP")
    entry = read_manifest()[made.name]
    assert entry.sessions == sessions_in(server_url) == 8
    assert entry.verified and entry.size == made.stat().st_size
    assert MaintenanceService(filled).list_backups()[0].path == made
    # Listed by name alone, without the server: the folder is all it reads.
    name = made.name.rsplit("-", 2)[0]
    assert name.startswith("studyapp_test_") and len(name.rsplit("-", 1)[1]) == 8
    # No owners or grants in it: it restores under another role.
    listed = subprocess.run(["pg_restore", "--list", made], capture_output=True, text=True)
    assert " ACL " not in listed.stdout


def test_backup_into_a_folder_or_to_a_file(filled, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    first = MaintenanceService(filled).backup(folder)
    second = MaintenanceService(filled).backup(folder)
    assert first.parent == second.parent == folder and first != second
    assert first.suffix == ".dump"
    named = MaintenanceService(filled).backup(tmp_path / "before-the-trip.dump")
    assert named == tmp_path / "before-the-trip.dump" and named.stat().st_size > 0
    assert read_manifest(folder) == {}  # the manifest is the backups folder's


def test_restore_brings_every_row_back_exactly(filled, server_url):
    before = everything(server_url)
    archive = MaintenanceService(filled).backup()
    change_everything(filled)
    assert everything(server_url) != before

    result = MaintenanceService(filled).restore(archive)

    assert everything(server_url) == before
    assert result.saved is not None and result.saved.name.startswith("pre-restore-")
    # The evening's changes are in the pre-restore archive: a restore can be undone.
    assert read_manifest()[result.saved.name].sessions == 8
    assert result.saved in [info.path for info in MaintenanceService(filled).list_backups()]
    reopened = open_database(server_url)
    try:
        assert SessionService(reopened).list_sessions()
    finally:
        reopened.dispose()


def test_a_restore_can_be_undone_with_the_pre_restore_archive(filled, server_url):
    archive = MaintenanceService(filled).backup()
    change_everything(filled)
    changed = everything(server_url)
    saved = MaintenanceService(filled).restore(archive).saved
    MaintenanceService(filled).restore(saved)
    assert everything(server_url) == changed


def test_a_damaged_archive_is_refused_and_nothing_changes(filled, server_url, tmp_path):
    archive = MaintenanceService(filled).backup()
    change_everything(filled)
    changed = everything(server_url)
    data = archive.read_bytes()
    truncated = tmp_path / "truncated.dump"
    truncated.write_bytes(data[: len(data) * 9 // 10])  # its table of contents still reads
    garbage = tmp_path / "garbage.dump"
    garbage.write_bytes(b"PGDMP" + bytes(5000))
    notes = tmp_path / "notes.dump"
    notes.write_text("# not an archive", encoding="utf-8")
    for bad, reason in (
        (truncated, "the archive is damaged"),
        (garbage, "pg_restore cannot read it"),
        (notes, "not a pg_dump archive"),
    ):
        with pytest.raises(DatabaseError, match=reason):
            MaintenanceService(filled).restore(bad)
    assert everything(server_url) == changed
    assert not list(paths.backups_dir().glob("pre-restore-*"))  # refused before saving


def test_a_sqlite_backup_is_refused_by_a_server_database(filled, server_url, tmp_path):
    file_db = open_database(f"sqlite:///{tmp_path / 'mine.sqlite3'}")
    load_demo(file_db)
    copy = MaintenanceService(file_db).backup(tmp_path / "mine-backup.sqlite3")
    file_db.dispose()
    before = everything(server_url)
    with pytest.raises(DatabaseError, match="is a backup of a SQLite file"):
        MaintenanceService(filled).restore(copy)
    assert everything(server_url) == before


def test_a_server_archive_is_refused_by_a_sqlite_file(filled, tmp_path):
    archive = MaintenanceService(filled).backup()
    file_db = open_database(f"sqlite:///{tmp_path / 'mine.sqlite3'}")
    try:
        with pytest.raises(DatabaseError, match="is a pg_dump archive"):
            MaintenanceService(file_db).restore(archive)
    finally:
        file_db.dispose()


def test_a_restore_that_fails_midway_leaves_the_database_as_it_was(filled, server_url):
    archive = MaintenanceService(filled).backup()
    change_everything(filled)
    # The server's administrator made a report on the sessions table: the restore drops and
    # recreates that table, which the view forbids, after other tables were already replaced.
    admin = create_engine(server_url, poolclass=NullPool)
    with admin.begin() as connection:
        connection.execute(text("CREATE VIEW term_report AS SELECT title FROM sessions"))
    admin.dispose()
    try:
        changed = everything(server_url)
        with pytest.raises(DatabaseError, match=r"nothing was changed.*cannot drop table") as info:
            MaintenanceService(filled).restore(archive)
        assert "term_report depends on table" in str(info.value)
        assert everything(server_url) == changed
    finally:
        admin = create_engine(server_url, poolclass=NullPool)
        with admin.begin() as connection:  # the next test's database is this one, emptied
            connection.execute(text("DROP VIEW term_report"))
        admin.dispose()


def test_an_archive_from_a_newer_studyapp_is_refused(filled, server_url, postgres_server):
    other = postgres_server.new_database(migrated=False)
    try:
        newer = open_database(other)
        with newer.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        newer.dispose()
        newer = open_database(other, migrate=False)
        archive = ServerBackups(newer).backup()
        newer.dispose()
    finally:
        postgres_server.drop(other)
    before = everything(server_url)
    with pytest.raises(DatabaseError, match="made by a newer studyapp"):
        MaintenanceService(filled).restore(archive)
    assert everything(server_url) == before


def test_restore_into_a_new_empty_database(filled, server_url, postgres_server):
    archive = MaintenanceService(filled).backup()
    before = everything(server_url)
    empty = postgres_server.new_database(migrated=False)
    try:
        database = open_database(empty, migrate=False)
        result = MaintenanceService(database).restore(archive)
        database.dispose()
        assert result.saved is None  # there was nothing to save
        assert everything(empty) == before
    finally:
        postgres_server.drop(empty)


def test_pg_dump_missing_says_what_to_install_and_writes_nothing(filled, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DatabaseError, match=r"pg_dump was not found.*postgresql-client") as info:
        MaintenanceService(filled).backup()
    assert "version 15 or newer" in str(info.value)  # the scratch server is PostgreSQL 15
    assert not paths.backups_dir().exists() or not any(paths.backups_dir().iterdir())


def test_a_pg_dump_the_server_refuses_says_why_and_leaves_no_file(filled, server_url, tmp_path):
    # A member whose role may read the sessions but not the papers: pg_dump is refused.
    role = f"reader_{os.getpid()}"
    admin = create_engine(server_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN"))
        connection.execute(text(f"GRANT SELECT ON sessions, alembic_version TO {role}"))
    member = open_database(make_url(server_url).set(username=role).render_as_string(False))
    try:
        with pytest.raises(DatabaseError, match=r"pg_dump failed: .*permission denied") as info:
            MaintenanceService(member).backup(tmp_path / "out.dump")
        assert "\n" not in str(info.value)
        assert list(tmp_path.iterdir()) == []  # no archive, no partial file
    finally:
        member.dispose()
        with admin.connect() as connection:
            connection.execute(text(f"DROP OWNED BY {role}"))
            connection.execute(text(f"DROP ROLE {role}"))
        admin.dispose()


def test_no_automatic_archive_before_a_write_on_a_server(filled):
    assert MaintenanceService(filled).backup_before_writing() is None
    assert MaintenanceService(filled).auto_backup() is None
    assert not paths.backups_dir().exists() or not list(paths.backups_dir().glob("*.dump"))
