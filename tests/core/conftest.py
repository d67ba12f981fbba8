"""The core tests run on both engines: each test that takes ``database_url`` (or
``database``) runs on a SQLite file and on a PostgreSQL database no other test has written
to. A module marked ``empty_database`` gets databases never migrated (the migration tests)."""

import pytest


def _new_url(request, tmp_path, engine: str, name: str, *, migrated: bool):
    if engine == "sqlite":
        yield f"sqlite:///{tmp_path / name}"
        return
    server = request.getfixturevalue("postgres_server")
    url = server.new_database(migrated=migrated)
    yield url
    server.drop(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    migrated = request.node.get_closest_marker("empty_database") is None
    yield from _new_url(
        request, tmp_path, request.param, "studyapp-test.sqlite3", migrated=migrated
    )


@pytest.fixture
def second_database_url(database_url, request, tmp_path):
    """Another new database on the same engine as ``database_url``, never migrated."""
    engine = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    yield from _new_url(request, tmp_path, engine, "second.sqlite3", migrated=False)
