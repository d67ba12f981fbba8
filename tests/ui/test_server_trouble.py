"""The server out of reach at start is said plainly; a read-only role opens with the banner."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from studyapp import app
from studyapp.core.db import open_database
from studyapp.core.errors import StudyappError
from studyapp.core.services.sessions import SessionService


def test_a_server_down_at_start_is_named_with_the_reason(qtbot, tmp_path, monkeypatch):
    # The driver's own reason names the server; without psycopg the reason is its absence.
    pytest.importorskip("psycopg")
    url = f"postgresql+psycopg://member@/studyapp?host={tmp_path / 'no-server'}"
    with pytest.raises(StudyappError) as raised:
        app.create_main_window(url)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        [local] = [b for b in box.buttons() if b.text() == "Open the local database"]
        local.click()

    QTimer.singleShot(100, answer)
    assert app.server_unreachable(url, raised.value) == app.LOCAL
    [text] = seen
    assert "cannot be reached" in text and str(tmp_path / "no-server") in text
    assert "No such file" in text or "connection" in text.lower()


def test_a_read_only_role_opens_the_group_read_only_with_the_banner(qtbot, postgres_server):
    url = postgres_server.new_database()
    database = open_database(url)
    SessionService(database).create(group="KD", title="서버 모임", date=dt.date(2025, 3, 3))
    database.dispose()
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = make_url(url).database
    with admin.connect() as connection:
        connection.exec_driver_sql("DROP ROLE IF EXISTS reader_test")
        connection.exec_driver_sql("CREATE ROLE reader_test LOGIN")
        connection.exec_driver_sql(f"GRANT CONNECT ON DATABASE {name} TO reader_test")
        connection.exec_driver_sql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader_test")
    reader_url = make_url(url).set(username="reader_test").render_as_string(hide_password=False)
    try:
        window = app.create_main_window(reader_url)
        qtbot.addWidget(window)
        window.show()
        assert window.database.read_only is not None
        assert window.banner.isVisible() and "read-only" in window.banner.text()
        assert window.body_editor.isReadOnly()
        window.close()
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql("DROP OWNED BY reader_test")
            connection.exec_driver_sql("DROP ROLE reader_test")
        admin.dispose()
        postgres_server.drop(url)
