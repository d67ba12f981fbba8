"""The session header's date box shows a real date even when there is no session."""

import datetime as dt

from PySide6.QtCore import QDate

from studyapp import app
from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService


def _date(header) -> dt.date:
    shown = header.date_edit.date()
    return dt.date(shown.year(), shown.month(), shown.day())


def test_an_empty_database_shows_today_not_2000(qtbot, tmp_path):
    window = app.create_main_window(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.session_id is None
    assert _date(window.header) == dt.date.today()
    assert window.header.date_edit.text() == QDate.currentDate().toString("yyyy-MM-dd")
    window.close()


def test_after_the_last_session_goes_the_date_is_today_again(qtbot, tmp_path):
    url = f"sqlite:///{tmp_path / 'one.sqlite3'}"
    database = open_database(url)
    session = SessionService(database).create(group="G", title="모임", date=dt.date(2025, 3, 10))
    database.dispose()
    window = app.create_main_window(url)
    qtbot.addWidget(window)
    window.show()
    window.open_session(session.id)
    assert _date(window.header) == dt.date(2025, 3, 10)
    window.open_session(None)
    assert _date(window.header) == dt.date.today()
    window.close()
