"""``studyapp copy-to URL``: a group's database into another, twice, nothing doubled."""

import datetime as dt
import importlib.util
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

import studyapp
from studyapp.core import models
from studyapp.core.actor import Actor
from studyapp.core.db import open_database
from studyapp.core.services.assignments import AssignmentService
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.history import HistoryService
from studyapp.core.services.sessions import SessionService

TABLES = (
    models.Group,
    models.Person,
    models.GroupMember,
    models.Paper,
    models.Session,
    models.Presentation,
    models.ChecklistItem,
    models.Attendance,
    models.NoteRevision,
    models.Attachment,
    models.Tag,
    models.ReadingAssignment,
)


def counts(url: str) -> dict[str, int]:
    database = open_database(url)
    try:
        with database.transaction() as orm:
            return {
                kind.__tablename__: orm.scalar(select(func.count()).select_from(kind))
                for kind in TABLES
            }
    finally:
        database.dispose()


@pytest.fixture
def source(cli, demo, db_path):
    """The demo group, plus a to-do ticked and a note written by a member."""
    database = open_database(f"sqlite:///{db_path}")
    try:
        sessions = SessionService(database, Actor("동훈님"))
        newest = sessions.list_sessions(limit=1)[0].id
        sessions.set_body(newest, sessions.get(newest).body + "\n동훈님의 메모\n")
        todo = ChecklistService(database).items(open_only=True)[0]
        ChecklistService(database, Actor("Alice")).set_done(todo.id, True)
        with database.transaction() as orm:
            papers = list(orm.scalars(select(models.Paper.id).order_by(models.Paper.id)))
        assignments = AssignmentService(database)
        assignments.assign(papers[0], "Alice", session_id=newest)
        assignments.assign(papers[0], "민수", due=dt.date(2025, 4, 1))  # a new person
        assignments.assign(papers[-1], "Alice", due=dt.date(2025, 4, 8))
    finally:
        database.dispose()
    return f"sqlite:///{db_path}"


def test_copies_everything_once_and_a_second_run_adds_nothing(cli, source, tmp_path):
    target = tmp_path / "shared.sqlite3"
    first = cli("copy-to", str(target))
    assert first.code == 0, first.err
    assert first.out.startswith("Copied ")
    copied, original = counts(f"sqlite:///{target}"), counts(source)
    assert copied == original

    second = cli("copy-to", str(target))
    assert second.code == 0, second.err
    assert second.out.startswith("Nothing to copy")
    assert counts(f"sqlite:///{target}") == original


def test_what_a_member_did_and_the_history_come_along(cli, source, tmp_path):
    target = tmp_path / "shared.sqlite3"
    assert cli("copy-to", str(target)).code == 0
    database = open_database(f"sqlite:///{target}")
    try:
        done = [i for i in ChecklistService(database).items() if i.done_by]
        assert [i.done_by for i in done] == ["Alice"]
        newest = SessionService(database).list_sessions(limit=1)[0].id
        assert "동훈님의 메모" in SessionService(database).get(newest).body
        assert HistoryService(database).revisions(newest)
    finally:
        database.dispose()


def test_papers_and_people_already_there_are_not_doubled(cli, source, tmp_path):
    target_url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    target = open_database(target_url)
    try:
        with target.transaction() as orm:
            orm.add(models.Person(name="Alice"))
            orig = open_database(source)
            try:
                with orig.transaction() as src:
                    paper = src.scalars(select(models.Paper)).first()
                    orm.add(models.Paper(title=paper.title, title_key=paper.title_key))
            finally:
                orig.dispose()
    finally:
        target.dispose()
    result = cli("copy-to", target_url)
    assert result.code == 0, result.err
    assert "were there already" in result.out
    assert counts(target_url)["people"] == counts(source)["people"]
    assert counts(target_url)["papers"] == counts(source)["papers"]


@pytest.mark.skipif(
    not os.environ.get("STUDYAPP_TEST_POSTGRES_URL"), reason="STUDYAPP_TEST_POSTGRES_URL not set"
)
def test_copies_to_a_postgresql_server(cli, source):
    url = os.environ["STUDYAPP_TEST_POSTGRES_URL"]
    before = counts(url)
    assert cli("copy-to", url).code == 0
    after_first = counts(url)
    assert cli("copy-to", url).out.startswith("Nothing to copy")
    assert counts(url) == after_first
    assert after_first["sessions"] - before["sessions"] <= counts(source)["sessions"]


def _assignments(url: str) -> list[tuple[str, str, str | None, dt.date | None, str]]:
    """Who reads which paper for which session, as the rows' own ids cannot say it."""
    database = open_database(url)
    try:
        return sorted(
            (a.paper_title, a.person, a.session_title, a.due_date, a.status)
            for a in AssignmentService(database).list()
        )
    finally:
        database.dispose()


def test_reading_assignments_come_along_once(cli, source, tmp_path):
    target = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    assert cli("copy-to", target).code == 0
    assert len(_assignments(source)) == 3
    assert _assignments(target) == _assignments(source)
    second = cli("copy-to", target)
    assert second.out.startswith("Nothing to copy"), second.out
    assert counts(target)["reading_assignments"] == 3


def test_reading_assignments_reach_a_postgresql_server_once(cli, source, postgres_server):
    target = postgres_server.new_database()
    try:
        first = cli("copy-to", target)
        assert first.code == 0, first.err
        assert "3 reading assignments" in first.out
        assert _assignments(target) == _assignments(source)
        assert cli("copy-to", target).out.startswith("Nothing to copy")
        assert counts(target) == counts(source)
    finally:
        postgres_server.drop(target)


def _copy_to_in_a_process(target: str, tmp_path) -> subprocess.CompletedProcess[str]:
    source = str(Path(studyapp.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": source, "STUDYAPP_DATA_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "studyapp", "copy-to", target],
        capture_output=True,
        text=True,
        env={**env, "STUDYAPP_DATABASE_URL": f"sqlite:///{tmp_path / 'mine.sqlite3'}"},
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(importlib.util.find_spec("psycopg") is None, reason="psycopg not installed")
def test_a_server_nobody_answers_at_is_named_as_unreachable(tmp_path):
    with socket.socket() as closed:  # bound, never listening: every connection is refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        done = _copy_to_in_a_process(f"postgresql://alice:pw@127.0.0.1:{port}/kd", tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith(
        "studyapp: The server 127.0.0.1 cannot be reached: check the host name, the port and"
        " the network. ("
    ), done.stderr
    assert "pw" not in done.stderr.replace("port", "")  # the password is never shown


def _hba_file(url: str) -> Path:
    """scripts/postgres.sh keeps the data folder beside the socket it listens on."""
    folder = make_url(url).query.get("host")
    hba = Path(str(folder)) / "data" / "pg_hba.conf"
    if not folder or not hba.is_file():
        pytest.skip("the server is not one scripts/postgres.sh started")
    return hba


def test_a_wrong_password_and_a_missing_database_are_said_plainly(postgres_server, tmp_path):
    url = postgres_server.new_database()
    hba = _hba_file(url)
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    before = hba.read_text()
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("DROP ROLE IF EXISTS copy_member")
            connection.exec_driver_sql("CREATE ROLE copy_member LOGIN PASSWORD 'right'")
            # The scratch server trusts every local user; this one must give its password.
            hba.write_text("local all copy_member scram-sha-256\n" + before)
            connection.exec_driver_sql("SELECT pg_reload_conf()")
        wrong = make_url(url).set(username="copy_member", password="wrong")
        done = _copy_to_in_a_process(wrong.render_as_string(hide_password=False), tmp_path)
        assert done.returncode == 1
        assert done.stderr.startswith(
            "studyapp: The server refused the password for copy_member. ("
        ), done.stderr
        assert "password authentication failed" in done.stderr

        nowhere = make_url(url).set(database="no_such_study_group")
        done = _copy_to_in_a_process(nowhere.render_as_string(hide_password=False), tmp_path)
        assert done.returncode == 1
        assert done.stderr.startswith(
            "studyapp: The server has no database named no_such_study_group. ("
        ), done.stderr
    finally:
        hba.write_text(before)
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT pg_reload_conf()")
            connection.exec_driver_sql("DROP ROLE IF EXISTS copy_member")
        engine.dispose()
        postgres_server.drop(url)


@pytest.mark.skipif(importlib.util.find_spec("psycopg") is None, reason="psycopg not installed")
def test_any_command_names_an_unreachable_server_as_test_connection_does(tmp_path):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "studyapp",
                "--database",
                f"postgresql://alice:pw@127.0.0.1:{port}/kd",
                "list",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "STUDYAPP_DATA_DIR": str(tmp_path / "data")},
            timeout=120,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr.startswith("studyapp: The server 127.0.0.1 cannot be reached"), done.stderr
