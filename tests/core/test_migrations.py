"""Alembic at start-up: head matches the models, backups before a real migration, refusals."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select, text

from studyapp.core import migrate, models, paths
from studyapp.core.db import open_database
from studyapp.core.errors import DatabaseError
from studyapp.core.schema_version import SCHEMA_HEAD
from studyapp.core.search.index import is_fts_table
from studyapp.core.search.pg_index import is_pg_table
from studyapp.core.services.search import SearchService

# Each test migrates its own database (on SQLite a file not yet made).
pytestmark = pytest.mark.empty_database

# Made once at revision 0001 with real rows through the models; never regenerate it, it
# stands for a file an older studyapp left on a user's disk.
FIXTURE_0001 = Path(__file__).parents[1] / "fixtures" / "db" / "studyapp-0001.sqlite3"


def backups() -> list[Path]:
    folder = paths.backups_dir()
    return sorted(folder.glob("*.sqlite3")) if folder.exists() else []  # not manifest.json


def copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE_0001, target)
    return target


def include_name(name, type_, parent_names):
    return not (type_ == "table" and (is_fts_table(name) or is_pg_table(name)))


def test_head_matches_the_models(database):
    with database.engine.connect() as connection:
        # The search tables of each engine are made with raw SQL and are not models.
        opts = {"compare_type": True, "include_name": include_name}
        context = MigrationContext.configure(connection, opts=opts)
        differences = compare_metadata(context, models.Base.metadata)
    assert differences == []


def test_new_database_is_at_head_without_a_backup(database):
    assert migrate.current_revision(database) == migrate.head_revision()
    assert backups() == []


def test_the_fast_head_check_names_the_newest_migration():
    # Start-up trusts SCHEMA_HEAD to skip Alembic; a new migration must move it too.
    assert migrate.head_revision() == SCHEMA_HEAD


def test_opening_a_database_at_head_does_not_load_alembic(database_url):
    open_database(database_url).dispose()
    probe = (
        "import sys; from studyapp.core.db import open_database; "
        f"open_database({database_url!r}).dispose(); print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_reopening_at_head_does_nothing(database_url):
    open_database(database_url).dispose()
    again = open_database(database_url)
    try:
        assert migrate.current_revision(again) == migrate.head_revision()
    finally:
        again.dispose()
    assert backups() == []


def test_committed_0001_database_opens_with_its_data(tmp_path):
    database = open_database(f"sqlite:///{copy_fixture(tmp_path)}")
    try:
        assert migrate.current_revision(database) == migrate.head_revision()
        with database.transaction() as orm:
            session = orm.scalars(select(models.Session)).one()
            assert session.title == "0310 리딩 그룹"
            assert session.group.name == "KD 스터디"
            assert [p.presenter.name for p in session.presentations if p.presenter] == [
                "동훈님",
                "Alice",
            ]
            assert session.presentations[0].paper.venue == "WACV 2025"
            assert [item.text for item in session.checklist] == ["논문 읽기"]
    finally:
        database.dispose()


def test_an_upgraded_database_finds_english_prefixes_at_once(tmp_path):
    # The 0001 file gets its index from 0004 and its word list from 0007's backfill.
    database = open_database(f"sqlite:///{copy_fixture(tmp_path)}")
    try:
        with database.engine.connect() as connection:
            words = {row[0] for row in connection.exec_driver_sql("SELECT word FROM search_words")}
        assert "alice" in words
        hits = SearchService(database).search("Ali")
        assert [hit.title for hit in hits] == ["0310 리딩 그룹"]
    finally:
        database.dispose()


@pytest.fixture
def extra_revision(tmp_path, monkeypatch):
    """Ship a copy of the migrations plus a revision "test" on top of head, written by the test."""
    head = migrate.head_revision()
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    migrate._scripts.cache_clear()

    def write(upgrade_body: str) -> None:
        source = textwrap.dedent("""\
            import sqlalchemy as sa
            from alembic import op

            revision = "test"
            down_revision = "{head}"
            branch_labels = None
            depends_on = None


            def upgrade():
            {body}


            def downgrade():
                pass
            """).format(head=head, body=textwrap.indent(textwrap.dedent(upgrade_body), "    "))
        (folder / "versions" / "9999_test.py").write_text(source, encoding="utf-8")
        migrate._scripts.cache_clear()

    yield write
    migrate._scripts.cache_clear()


def test_migration_backs_up_first_and_keeps_every_row(tmp_path, extra_revision):
    # Batch mode rebuilds the sessions table; with foreign keys on, dropping the old table
    # would cascade-delete every presentation and to-do.
    extra_revision("""
        with op.batch_alter_table("sessions", recreate="always") as batch_op:
            batch_op.add_column(sa.Column("location", sa.Text(), nullable=True))
    """)
    path = copy_fixture(tmp_path)
    database = open_database(f"sqlite:///{path}")
    try:
        assert migrate.current_revision(database) == "test"
    finally:
        database.dispose()

    [backup] = backups()
    assert backup.name.startswith("pre-migration-0001-")
    assert backup.suffix == ".sqlite3"
    assert _rows(backup, "presentations") == 2
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert _rows(path, "presentations") == 2
    assert _rows(path, "checklist_items") == 2
    assert _rows(path, "attendance") == 2
    with sqlite3.connect(path) as new:
        columns = [row[1] for row in new.execute("PRAGMA table_info(sessions)")]
        assert "location" in columns
        assert new.execute("PRAGMA foreign_key_check").fetchall() == []


def test_failed_migration_leaves_the_file_as_it_was(tmp_path, extra_revision):
    extra_revision("""
        op.add_column("people", sa.Column("email", sa.Text(), nullable=True))
        raise RuntimeError("step two failed")
    """)
    path = copy_fixture(tmp_path)
    with pytest.raises(RuntimeError, match="step two failed"):
        open_database(f"sqlite:///{path}")
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        columns = [row[1] for row in connection.execute("PRAGMA table_info(people)")]
        assert "email" not in columns
    assert len(backups()) == 1


def _rows(path: Path, table: str) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.parametrize("unknown", ["9999", "00"])  # "00" would prefix-match 0001 in Alembic
def test_newer_database_is_refused(database_url, database, unknown):
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": unknown})
    database.dispose()
    with pytest.raises(DatabaseError) as raised:
        open_database(database_url)
    assert str(raised.value) == (
        "This database was written by a newer version of studyapp; upgrade studyapp to open it."
    )
    assert backups() == []


def test_our_tables_without_a_version_are_refused(tmp_path):
    path = tmp_path / "unversioned.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    models.Base.metadata.create_all(engine)
    engine.dispose()
    with pytest.raises(DatabaseError, match="no record of their schema version"):
        open_database(f"sqlite:///{path}")


def test_other_tables_are_backed_up_and_kept(tmp_path):
    path = tmp_path / "shared.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE bookmarks (url TEXT)")
        connection.execute("INSERT INTO bookmarks VALUES ('https://arxiv.org')")
    database = open_database(f"sqlite:///{path}")
    database.dispose()
    [backup] = backups()
    assert backup.name.startswith("pre-migration-none-")
    assert _rows(path, "bookmarks") == 1
    assert _rows(path, "sessions") == 0


@pytest.mark.parametrize("content", [os.urandom(4096), b"not a database\n" * 100])
def test_garbage_file_is_a_readable_error(tmp_path, content):
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as raised:
        open_database(f"sqlite:///{path}")
    assert "damaged" in str(raised.value)
    assert path.read_bytes() == content


def test_pre_migration_backup_names_do_not_collide(tmp_path):
    import datetime as dt

    moment = dt.datetime(2025, 3, 10, 19, 0, 5)
    first = migrate.pre_migration_backup_path("0001", moment)
    assert first.name == "pre-migration-0001-20250310-190005.sqlite3"
    first.parent.mkdir(parents=True)
    first.write_bytes(b"")
    second = migrate.pre_migration_backup_path("0001", moment)
    assert second != first
    assert second.parent == paths.backups_dir()


def test_after_a_migration_pooled_connections_still_roll_back(database_url):
    # The migration runs its connection in autocommit; that connection must not be reused.
    database = open_database(database_url)
    try:
        with pytest.raises(RuntimeError), database.transaction() as orm:
            orm.add(models.Group(name="rolled back"))
            orm.flush()
            raise RuntimeError
        with database.transaction() as orm:
            assert orm.scalars(select(models.Group.name)).all() == []
            if database.engine.dialect.name == "sqlite":
                assert orm.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        database.dispose()


def test_an_in_memory_database_keeps_its_tables_after_migrating():
    database = open_database("sqlite://")
    try:
        with database.transaction() as orm:
            orm.add(models.Group(name="메모리"))
        with database.transaction() as orm:
            assert orm.scalars(select(models.Group.name)).all() == ["메모리"]
            assert orm.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        database.dispose()


# -- 0007 -> 0008: the body is composed from the fields kept apart until then ---------------

# Made once by make_studyapp_0007.py with the code of 899b347^ (schema 0007): imports and
# edits through that version's CLI and services. The JSON holds what that version exported
# for each session (render_body, "jekyll"). Never regenerate either.
FIXTURE_0007 = FIXTURE_0001.with_name("studyapp-0007.sqlite3")
BODIES_0007 = FIXTURE_0001.with_name("studyapp-0007-bodies.json")
SLOT_COLUMNS = "id, session_id, presenter_id, paper_id, duration_seconds, timebox_minutes"
# Everything a to-do row said except its line, which 0008 sets to the line written for it.
ITEM_COLUMNS = (
    "id, session_id, group_id, text, done, done_date, due_date, scheduled_date, start_date,"
    " created_date, cancelled_date, priority, recurrence, assignee_id, created_at"
)


def _fixture_rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


@pytest.fixture
def migrated_0007(tmp_path):
    path = tmp_path / "old-0007.sqlite3"
    shutil.copyfile(FIXTURE_0007, path)
    database = open_database(f"sqlite:///{path}")
    yield database, path
    database.dispose()


def test_0007_fixture_is_what_it_stands_for():
    assert _fixture_rows(FIXTURE_0007, "SELECT version_num FROM alembic_version") == [("0007",)]
    assert FIXTURE_0007.stat().st_size < 300_000
    counts = {
        table: _fixture_rows(FIXTURE_0007, f"SELECT count(*) FROM {table}")[0][0]
        for table in ("sessions", "presentations", "checklist_items", "note_revisions")
    }
    assert counts == {
        "sessions": 9,
        "presentations": 12,
        "checklist_items": 20,
        "note_revisions": 7,
    }


def test_0007_bodies_are_what_the_old_version_exported(migrated_0007):
    from studyapp.core.markdown.exporter import render_body
    from studyapp.core.services.sessions import SessionService

    database, _ = migrated_0007
    assert migrate.current_revision(database) == SCHEMA_HEAD
    [backup] = backups()
    assert backup.name.startswith("pre-migration-0007-")
    recorded = json.loads(BODIES_0007.read_text(encoding="utf-8"))
    with database.transaction() as orm:
        rows = orm.execute(
            select(models.Session.id, models.Session.body, models.Session.deleted_at)
        )
        bodies = {str(row.id): (row.body, row.deleted_at) for row in rows}
    assert sorted(bodies) == sorted(recorded)
    trashed = [key for key, (_, deleted_at) in bodies.items() if deleted_at is not None]
    assert len(trashed) == 1  # the trashed session has its body too
    for key, old in recorded.items():
        body = bodies[key][0]
        assert (f"{body}\n" if body else "") == old, f"session {key}"
        if key not in trashed:
            assert render_body(SessionService(database).get(int(key)), "html") == old


def test_0007_talks_and_to_dos_keep_their_ids_fields_and_order(migrated_0007):
    _, path = migrated_0007
    for table, columns in (("presentations", SLOT_COLUMNS), ("checklist_items", ITEM_COLUMNS)):
        before = _fixture_rows(FIXTURE_0007, f"SELECT {columns} FROM {table} ORDER BY id")
        after = _fixture_rows(path, f"SELECT {columns} FROM {table} ORDER BY id")
        assert after == before, table
        order = f"SELECT session_id, id FROM {table} ORDER BY session_id, position, id"
        assert _fixture_rows(path, order) == _fixture_rows(FIXTURE_0007, order), table
    attendance = "SELECT session_id, person_id, present FROM attendance ORDER BY 1, 2"
    assert _fixture_rows(path, attendance) == _fixture_rows(FIXTURE_0007, attendance)
    for table in ("papers", "reading_assignments", "tags", "session_tags", "attachments"):
        # The columns the table had then: later revisions add their own.
        old_columns = [row[1] for row in _fixture_rows(FIXTURE_0007, f"PRAGMA table_info({table})")]
        everything = f"SELECT {', '.join(old_columns)} FROM {table} ORDER BY 1"
        assert _fixture_rows(path, everything) == _fixture_rows(FIXTURE_0007, everything), table


def test_0007_rows_line_up_with_the_body(migrated_0007):
    from studyapp.core.document.outline import derive

    database, _ = migrated_0007
    with database.transaction() as orm:
        people = list(orm.scalars(select(models.Person.name)))
        sessions = orm.scalars(select(models.Session).order_by(models.Session.id)).all()
        assert sessions
        for session in sessions:
            headings = [slot.heading_raw for slot in session.presentations]
            outline = derive(session.body, people, [h for h in headings if h])
            assert [talk.heading for talk in outline.talks] == headings, session.id
            assert [task.text for task in outline.tasks] == [
                item.source_line for item in session.checklist
            ], session.id
            for talk, slot in zip(outline.talks, session.presentations, strict=True):
                if talk.timing_at is not None:
                    assert talk.duration_seconds == slot.duration_seconds
                    assert talk.timebox_minutes == (slot.timebox_minutes or 20)
            if session.attendees_raw is not None:
                assert outline.attendance is not None
                assert outline.attendance.text == session.attendees_raw
            present = sorted(a.person.name for a in session.attendance if a.present)
            absent = sorted(a.person.name for a in session.attendance if not a.present)
            if outline.attendance is not None:
                assert sorted(outline.attendance.attendees) == present
                assert sorted(outline.attendance.absentees) == absent


def test_0007_revisions_become_revisions_of_the_body(migrated_0007):
    from studyapp.core.document.outline import derive
    from studyapp.core.services.history import HistoryService

    database, path = migrated_0007
    before = _fixture_rows(
        FIXTURE_0007, "SELECT id, session_id, field, content FROM note_revisions"
    )
    after = {
        row[0]: row[1:]
        for row in _fixture_rows(path, "SELECT id, session_id, field, content FROM note_revisions")
    }
    assert sorted(after) == [row[0] for row in before]
    for revision_id, session_id, field, content in before:
        session, new_field, body = after[revision_id]
        assert (session, new_field) == (session_id, "body")
        # The body as it was with that text in place: the text is in it, the talks too.
        if field == "notes":
            lines = [line for line in content.splitlines() if line.strip()]
            assert all(line in body.splitlines() for line in lines), revision_id
        else:
            _, slot_id, part = field.split(":")
            [(heading,)] = _fixture_rows(
                path, f"SELECT heading_raw FROM presentations WHERE id = {int(slot_id)}"
            )
            [talk] = [
                talk
                for talk in derive(body, (), [heading], with_texts=True).talks
                if talk.heading == heading
            ]
            assert getattr(talk, part) == content.strip(), revision_id
    english = _fixture_rows(path, "SELECT id FROM sessions WHERE title = 'Paper club 0317'")[0][0]
    history = HistoryService(database)
    revisions = history.revisions(english)
    assert len(revisions) == 5
    # Restoring a revision that was one discussion's text keeps every talk and to-do.
    older = next(r for r in revisions if "older discussion" in history.content(r.id))
    slots = _fixture_rows(path, f"SELECT id FROM presentations WHERE session_id = {english}")
    items = _fixture_rows(path, f"SELECT id FROM checklist_items WHERE session_id = {english}")
    history.restore(english, older.id)
    assert (
        _fixture_rows(path, f"SELECT id FROM presentations WHERE session_id = {english}") == slots
    )
    assert _fixture_rows(path, f"SELECT id FROM checklist_items WHERE session_id = {english}") == (
        items
    )


def test_0007_search_finds_a_word_only_in_a_discussion(migrated_0007):
    database, _ = migrated_0007
    elsewhere = "SELECT notes FROM sessions UNION ALL SELECT notes FROM presentations"
    assert "zanzibarite" not in "".join(row[0] for row in _fixture_rows(FIXTURE_0007, elsewhere))
    hits = SearchService(database).search("zanzibarite")
    assert [(hit.title, hit.field) for hit in hits] == [("Paper club 0317", "body")]
    # A word only in an earlier revision of that discussion is not in the body.
    assert SearchService(database).search("quokkaverse") == []


def test_0007_migrated_database_passes_the_check(migrated_0007, capsys):
    from studyapp.cli import main

    database, path = migrated_0007
    database.dispose()
    capsys.readouterr()
    assert main(["check", "--database", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"ok (revision {SCHEMA_HEAD})"
