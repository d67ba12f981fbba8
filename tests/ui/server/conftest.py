"""The window on a PostgreSQL server, with one session: shared by the tests of members
typing together, live updates and the server going away.

Each test module says the session's note as ``NOTE``."""

from __future__ import annotations

import datetime as dt

import pytest

from studyapp import app
from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService


@pytest.fixture
def pg_url(postgres_server):
    url = postgres_server.new_database()
    yield url
    postgres_server.drop(url)


@pytest.fixture
def session_id(request, pg_url):
    database = open_database(pg_url)
    try:
        created = SessionService(database).create(
            group="KD", title="서버 모임", date=dt.date(2025, 3, 3), body=request.module.NOTE
        )
        return created.id
    finally:
        database.dispose()


@pytest.fixture
def window(qtbot, pg_url, session_id):
    window = app.create_main_window(pg_url)
    # A test failing while the server is away must not end in a modal question at close.
    window.save_status.confirm_close_unsaved = lambda _parent: True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.live.reachable and window.session_id == session_id)
    yield window
    if window.isVisible():
        window.close()
