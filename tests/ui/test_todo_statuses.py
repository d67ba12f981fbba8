"""To-do statuses in the window, as a person changes them: a recurring to-do ticked in the
panel gets its next occurrence above it in the editor (one undo step), and the to-do
ticked stays the one selected."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView

from studyapp import app
from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService

TITLE = "반복 모임"
BODY = "# 0310\n\n## 할 일\n\n- [ ] water plants 🔁 every week 📅 2025-03-10 ^w\n- [ ] Bob: slides"


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'statuses.sqlite3'}"
    database = open_database(url)
    try:
        SessionService(database).create(
            group="KD 스터디", title=TITLE, date=dt.date(2025, 3, 10), body=BODY
        )
    finally:
        database.dispose()
    return url


@pytest.fixture
def window(qtbot, url):
    window = app.create_main_window(url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.body_editor.toPlainText() == BODY
    yield window
    if window.isVisible():
        window.close()


def _stored(url):
    database = open_database(url)
    try:
        sessions = SessionService(database)
        return sessions.get(sessions.list_sessions()[0].id)
    finally:
        database.dispose()


def _lines(window) -> list[str]:
    return window.body_editor.toPlainText().split("\n")


def _view(window) -> QListView:
    view = window.checklist.findChild(QListView, "checklistView")
    view.setFocus()
    return view


def test_a_recurring_to_do_ticked_in_the_panel_gets_its_next_occurrence_above_it(
    qtbot, window, url
):
    model = window.checklist.model
    before = [item.id for item in model.own_items()]
    view = _view(window)
    view.setCurrentIndex(model.index(0))
    with qtbot.waitSignal(window.checklist.changed):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    today = dt.date.today().isoformat()
    assert _lines(window)[4:] == [
        "- [ ] water plants 🔁 every week 📅 2025-03-17",
        f"- [x] water plants 🔁 every week 📅 2025-03-10 ✅ {today} ^w",
        "- [ ] Bob: slides",
    ]
    own = model.own_items()
    # The row ticked is the to-do it was; the next occurrence is a new one.
    assert [item.id for item in own][1:] == before
    assert own[0].id not in before and not own[0].task.done
    assert own[1].task.done
    assert _stored(url).body == window.body_editor.toPlainText()

    # One undo step in the editor takes both lines back.
    editor = window.body_editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == BODY
    qtbot.waitUntil(lambda: len(model.own_items()) == 2, timeout=3000)
