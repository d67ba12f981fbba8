"""The PostgreSQL test server: a missing one skips its tests, unless they are required."""

import importlib.util
from pathlib import Path

import pytest


def _pg_server():
    path = Path(__file__).with_name("pg_server.py")
    spec = importlib.util.spec_from_file_location("pg_server_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_missing_server_skips_unless_required(monkeypatch):
    pg_server = _pg_server()
    monkeypatch.delenv("STUDYAPP_REQUIRE_POSTGRES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no PostgreSQL server"):
        pg_server.skip_or_fail("not installed")
    monkeypatch.setenv("STUDYAPP_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.fail.Exception, match="required but cannot run: not installed"):
        pg_server.skip_or_fail("not installed")


def test_each_test_gets_a_database_nothing_else_wrote_to(postgres_server):
    from sqlalchemy import select

    from studyapp.core import models
    from studyapp.core.db import open_database

    database = open_database(postgres_server.new_database())
    with database.transaction() as orm:
        orm.add(models.Group(name="left behind"))
    database.dispose()
    again = open_database(postgres_server.new_database())
    try:
        with again.transaction() as orm:
            assert orm.scalars(select(models.Group)).all() == []
            fresh = models.Group(name="fresh")
            orm.add(fresh)
            orm.flush()
            assert fresh.id == 1  # ids start again at 1, as in a new database
    finally:
        again.dispose()
