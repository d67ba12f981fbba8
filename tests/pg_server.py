"""A real PostgreSQL server for the tests that run on both engines.

The server is the one ``STUDYAPP_TEST_POSTGRES_URL`` names (``scripts/postgres.sh run``
sets it); without it, one is started here with that script for the whole run when the
PostgreSQL binaries and psycopg are installed. Where neither can be had the PostgreSQL
tests are skipped, or fail when ``STUDYAPP_REQUIRE_POSTGRES=1`` (as CI sets it), so a
green run cannot hide that they never ran.

Every test gets a database nothing else has written to: one migrated once and emptied
before each test, or a new empty one for tests of the migrations themselves.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

SCRIPT = Path(__file__).parents[1] / "scripts" / "postgres.sh"


def _missing() -> str | None:
    """Why no PostgreSQL server can be had here, or None."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return 'psycopg is not installed (pip install -e ".[postgres]")'
    if os.environ.get("STUDYAPP_TEST_POSTGRES_URL"):
        return None
    debian = list(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not debian and shutil.which("initdb") is None:
        return "PostgreSQL is not installed (apt-get install postgresql)"
    return None


def skip_or_fail(reason: str) -> None:
    if os.environ.get("STUDYAPP_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL tests are required but cannot run: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL server: {reason}")


# Every table emptied with foreign keys unchecked (replica role: a superuser's switch),
# every sequence back at 1: ids as a new database hands them out.
_EMPTY = """
SET session_replication_role = replica;
DO $$
DECLARE name text;
BEGIN
    FOR name IN SELECT quote_ident(tablename) FROM pg_tables
                WHERE schemaname = 'public' AND tablename <> 'alembic_version' LOOP
        EXECUTE 'DELETE FROM ' || name;
    END LOOP;
    FOR name IN SELECT c.oid::regclass::text FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'S' AND n.nspname = 'public' LOOP
        PERFORM setval(name, 1, false);
    END LOOP;
END $$;
SET session_replication_role = DEFAULT;
"""


class PostgresServer:
    """Hands each test a database of its own on one server."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._names = itertools.count(1)
        self._prefix = f"studyapp_test_{os.getpid()}"
        self._admin = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._migrated: str | None = None
        self._tables = 0

    def _url(self, name: str) -> str:
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def _execute(self, sql: str, url: str | None = None) -> None:
        engine = self._admin
        if url is not None:
            engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        try:
            with engine.connect() as connection:
                connection.exec_driver_sql(sql)
        finally:
            if url is not None:
                engine.dispose()

    def _empty_database(self) -> str:
        name = f"{self._prefix}_{next(self._names)}"
        self._execute(f"CREATE DATABASE {name} TEMPLATE template0")
        return self._url(name)

    def new_database(self, *, migrated: bool = True) -> str:
        """The URL of a database no test has written to: at the schema head, or empty.

        A migrated one is one database migrated once and emptied before each test: copying
        a migrated template takes half a second a test, emptying it a few milliseconds.
        """
        if not migrated:
            return self._empty_database()
        if self._migrated is None:
            from studyapp.core.db import open_database

            url = self._empty_database()
            open_database(url).dispose()
            self._migrated = url
            engine = create_engine(url, poolclass=NullPool)
            with engine.connect() as connection:
                self._tables = connection.exec_driver_sql(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                ).scalar()
            engine.dispose()
        elif not self._still_at_head(self._migrated):
            # A test changed the schema or its version: start again from an empty one.
            self._migrated, url = None, self._migrated
            self.drop(url)
            return self.new_database()
        else:
            self._execute("SET lock_timeout = '10s';" + _EMPTY, self._migrated)
        return self._migrated

    def _still_at_head(self, url: str) -> bool:
        from studyapp.core.schema_version import SCHEMA_HEAD

        engine = create_engine(url, poolclass=NullPool)
        try:
            with engine.connect() as connection:
                versions = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
                tables = connection.exec_driver_sql(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                ).scalar()
                return [row[0] for row in versions] == [SCHEMA_HEAD] and tables == self._tables
        except Exception:  # anything wrong with it: make a new one
            return False
        finally:
            engine.dispose()

    def drop(self, url: str) -> None:
        if url == self._migrated:
            return  # emptied again by the next test that asks for it
        name = make_url(url).database
        self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def close(self) -> None:
        if self._migrated is not None:
            self._migrated, url = None, self._migrated
            self.drop(url)
        self._admin.dispose()


def _start_own() -> tuple[str, Path]:
    folder = Path(tempfile.mkdtemp(prefix="studyapp-pg."))
    started = subprocess.run(
        ["bash", str(SCRIPT), "start", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if started.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        skip_or_fail(f"scripts/postgres.sh start failed: {started.stderr.strip()}")
    return started.stdout.strip().splitlines()[-1], folder


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    reason = _missing()
    if reason is not None:
        skip_or_fail(reason)
    url = os.environ.get("STUDYAPP_TEST_POSTGRES_URL")
    folder = None
    if not url:
        url, folder = _start_own()
    server = PostgresServer(url)
    try:
        yield server
    finally:
        server.close()
        if folder is not None:
            subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], check=False, timeout=120)
