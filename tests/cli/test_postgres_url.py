"""The command line on a PostgreSQL server: a plain postgresql:// URL, as people write it,
in a real second process; its backups as pg_dump archives."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

SRC = Path(__file__).parents[2] / "src"


@pytest.fixture
def plain_url(postgres_server):
    url = postgres_server.new_database(migrated=False)
    yield make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    postgres_server.drop(url)


def _studyapp(
    url: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "studyapp", "--database", url, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_a_postgresql_url_creates_fills_searches_and_checks_the_database(plain_url):
    assert plain_url.startswith("postgresql://")
    made = _studyapp(plain_url, "demo")
    assert made.returncode == 0, made.stderr
    listed = _studyapp(plain_url, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    sessions = json.loads(listed.stdout)
    assert sessions
    title = sessions[0]["title"]
    found = _studyapp(plain_url, "search", title.split()[0], "--json")
    assert found.returncode == 0, found.stderr
    assert sessions[0]["id"] in [hit["session_id"] for hit in json.loads(found.stdout)]
    checked = _studyapp(plain_url, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("ok")


def _titles(url: str) -> list[str]:
    listed = _studyapp(url, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return sorted(session["title"] for session in json.loads(listed.stdout))


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_backup_and_restore_round_trip_through_the_command_line(plain_url, tmp_path):
    data = tmp_path / "data"
    env = {"STUDYAPP_DATA_DIR": str(data)}
    assert _studyapp(plain_url, "demo", env=env).returncode == 0
    before = _titles(plain_url)
    backup = _studyapp(plain_url, "backup", env=env)
    assert backup.returncode == 0, backup.stderr
    archive = Path(backup.stdout.strip())
    assert archive.parent == data / "backups" and archive.suffix == ".dump"
    listed = _studyapp(plain_url, "backup", "--list", env=env)
    assert listed.stdout.splitlines()[0].split("\t")[0] == str(archive)

    todo = _studyapp(plain_url, "todo", "--open", "--json", env=env)
    first = json.loads(todo.stdout)[0]["id"]
    assert _studyapp(plain_url, "todo", "done", str(first), env=env).returncode == 0
    # A writing command makes no archive of a shared server by itself.
    assert sorted(p.name for p in (data / "backups").glob("*.dump")) == [archive.name]

    no_terminal = _studyapp(plain_url, "restore", str(archive), env=env)
    assert no_terminal.returncode == 1 and "--yes" in no_terminal.stderr
    restored = _studyapp(plain_url, "restore", str(archive), "--yes", env=env)
    assert restored.returncode == 0, restored.stderr
    assert "Saved the previous database as" in restored.stdout
    assert _titles(plain_url) == before
    after = json.loads(_studyapp(plain_url, "todo", "--json", env=env).stdout)
    assert first in [item["id"] for item in after if not item["done"]]


def test_backup_without_pg_dump_says_what_to_install(plain_url, tmp_path):
    data = tmp_path / "data"
    assert _studyapp(plain_url, "demo", env={"STUDYAPP_DATA_DIR": str(data)}).returncode == 0
    empty_path = tmp_path / "bin"
    empty_path.mkdir()
    env = {"STUDYAPP_DATA_DIR": str(data), "PATH": str(empty_path)}
    backup = _studyapp(plain_url, "backup", env=env)
    assert backup.returncode == 1
    assert backup.stderr.count("\n") == 1, backup.stderr
    assert "pg_dump was not found" in backup.stderr
    assert "postgresql-client" in backup.stderr
    assert backup.stdout == ""
    assert not (data / "backups").exists() or not any((data / "backups").iterdir())
    into = _studyapp(plain_url, "backup", str(tmp_path / "out.dump"), env=env)
    assert into.returncode == 1 and not list(tmp_path.glob("*out.dump*"))
