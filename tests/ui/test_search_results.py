"""The results dock says where each session matched, in the window's language."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from studyapp import app
from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService
from studyapp.ui.i18n import install_translator


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'window.sqlite3'}"
    database = open_database(url)
    try:
        sessions = SessionService(database)
        first = sessions.create(
            group="KD 스터디", title="첫 모임", date=dt.date(2025, 3, 3), body="논문 이야기"
        )
        sessions.set_tags(first.id, ["멘토링"])
        second = sessions.create(group="KD 스터디", title="둘째 모임", date=dt.date(2025, 3, 10))
        # Through the rows only, as front matter names the people: no line in the body.
        sessions.set_attendees(second.id, ["태윤님", "동훈님"])
    finally:
        database.dispose()
    return url


@pytest.fixture
def window(qtbot, url):
    window = app.create_main_window(url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.isVisible():
        window.close()


def _search(qtbot, window, query: str) -> list[tuple[str, str]]:
    """Type ``query`` as a person does; (row text, where label) of each result row."""
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    box = window.findChild(QLineEdit, "searchBox")
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    # Hangul arrives through the input method, committed a word at a time.
    event = QInputMethodEvent("", [])
    event.setCommitString(query)
    QApplication.sendEvent(box, event)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    results = window.actions_.search.results
    qtbot.waitUntil(lambda: results.count() > 0)
    rows = []
    for number in range(results.count()):
        item = results.item(number)
        label = results.itemWidget(item).findChild(QLabel, "matchedIn")
        assert label.isVisible()
        rows.append((item.text(), label.text()))
    return rows


def test_each_result_says_where_it_matched(qtbot, window):
    [(tags_row, tags_where)] = _search(qtbot, window, "멘토링")
    assert "첫 모임" in tags_row and tags_where == "tags"
    [(people_row, people_where)] = _search(qtbot, window, "태윤")
    assert "둘째 모임" in people_row and people_where == "attendance"
    [(_, body_where)] = _search(qtbot, window, "논문")
    assert body_where == "notes"


def test_the_where_label_is_korean_in_a_korean_window(qtbot, window, qapp):
    install_translator(qapp, "ko")
    try:
        [(_, where)] = _search(qtbot, window, "태윤")
        assert where == "참석"
        [(_, where)] = _search(qtbot, window, "멘토링")
        assert where == "태그"
    finally:
        install_translator(qapp, "en")


def test_clicking_a_row_with_its_label_opens_the_session(qtbot, window):
    _search(qtbot, window, "태윤")
    results = window.actions_.search.results
    row = results.itemWidget(results.item(0))
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=row.geometry().center())
    qtbot.waitUntil(lambda: window.findChild(QLineEdit, "sessionTitle").text() == "둘째 모임")
