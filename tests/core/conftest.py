"""The core tests run on both engines: each test that takes ``database_url`` (or
``database``) runs on a SQLite file and on a fresh PostgreSQL database."""

import pytest


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'studyapp-test.sqlite3'}"
        return
    server = request.getfixturevalue("postgres_server")
    url = server.new_database()
    yield url
    server.drop(url)
