"""The plain main window: session list, preview, and the demo button of an empty database."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QMessageBox, QPushButton, QTextBrowser

from studyapp import app
from studyapp.core.db import open_database
from studyapp.core.services.demo import load_demo
from studyapp.core.services.sessions import SessionService


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'window.sqlite3'}"


@pytest.fixture
def demo_url(url) -> str:
    database = open_database(url)
    try:
        load_demo(database)
    finally:
        database.dispose()
    return url


def _titles(url):
    database = open_database(url)
    try:
        return [s.title for s in SessionService(database).list_sessions()]
    finally:
        database.dispose()


def _window(qtbot, url):
    window = app.create_main_window(url)
    qtbot.addWidget(window)
    return (
        window,
        window.findChild(QListWidget, "sessionList"),
        window.findChild(QTextBrowser, "preview"),
    )


def test_list_shows_the_sessions_newest_first(qtbot, demo_url):
    titles = _titles(demo_url)
    window, sessions, _preview = _window(qtbot, demo_url)
    assert window.windowTitle() == "studyapp"
    assert sessions.count() == len(titles) >= 6
    texts = [sessions.item(row).text() for row in range(sessions.count())]
    assert all(text.endswith(title) for text, title in zip(texts, titles, strict=True))
    assert " · KD 스터디 · " in texts[0] or " · Paper Club · " in texts[0]
    dates = [text.split(" · ")[0] for text in texts]
    assert dates == sorted(dates, reverse=True)


def test_clicking_a_session_shows_it_in_the_preview(qtbot, demo_url):
    window, sessions, preview = _window(qtbot, demo_url)
    window.show()
    qtbot.waitExposed(window)
    item = sessions.item(sessions.count() - 1)
    sessions.scrollToItem(item)
    rect = sessions.visualItemRect(item)
    qtbot.mouseClick(sessions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    title = item.text().split(" · ", 2)[2]
    qtbot.waitUntil(lambda: title in preview.toPlainText())
    assert preview.isReadOnly()


def test_empty_database_offers_the_demo(qtbot, url):
    window, sessions, preview = _window(qtbot, url)
    button = window.findChild(QPushButton, "loadDemoButton")
    assert sessions.count() == 0
    assert button.isVisibleTo(window)
    assert preview.toPlainText() == ""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert sessions.count() == len(_titles(url)) >= 6
    assert not button.isVisibleTo(window)
    current = sessions.currentItem()
    assert current is not None
    assert current.text().split(" · ", 2)[2] in preview.toPlainText()


def test_status_bar_names_the_database(qtbot, url, tmp_path):
    window, _sessions, _preview = _window(qtbot, url)
    assert str(tmp_path / "window.sqlite3") in window.location_label.text()


def test_run_gui_reports_a_damaged_database(qtbot, monkeypatch, tmp_path):
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database at all " * 100)
    shown = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text))
    )
    assert app.run_gui(f"sqlite:///{damaged}") == 1
    assert len(shown) == 1 and "database" in shown[0].lower()
    assert "Traceback" not in shown[0]
