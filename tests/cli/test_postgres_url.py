"""The command line on a PostgreSQL server: a plain postgresql:// URL, as people write it,
in a real second process."""

import json
import os
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


def _studyapp(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
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


def test_backup_of_a_postgresql_database_says_to_use_pg_dump(plain_url):
    assert _studyapp(plain_url, "list").returncode == 0
    backup = _studyapp(plain_url, "backup")
    assert backup.returncode != 0
    assert "pg_dump" in backup.stderr
