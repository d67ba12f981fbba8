"""What the window leaves until after it has painted (at start, at a session switch) still
happens, and the user sees the same content once the event loop has run."""

import datetime as dt

import pytest
from PySide6.QtGui import QTextCursor

from studyapp import app
from studyapp.core.backup import list_backups
from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService
from studyapp.ui.editor.highlighter import KIND_PROPERTY

LONG_NOTE = "\n".join(
    ["# 회의록", "", *(f"- 줄 {n}: **굵게** 적은 메모" for n in range(400)), "## 마지막 발표"]
)


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'start.sqlite3'}"
    database = open_database(url)
    try:
        sessions = SessionService(database)
        sessions.create(
            group="KD 스터디",
            title="긴 모임",
            date=dt.date(2025, 3, 3),
            body=LONG_NOTE,
        )
        sessions.create(
            group="KD 스터디",
            title="짧은 모임",
            date=dt.date(2025, 3, 10),
            body="짧은 메모\n\n- [ ] 민준: 슬라이드 보내기 📅 2025-03-17",
        )
    finally:
        database.dispose()
    return url


@pytest.fixture
def window(qtbot, url):
    window = app.create_main_window(url)
    qtbot.addWidget(window)
    yield window
    window.close()


def _ids(url) -> dict[str, int]:
    database = open_database(url)
    try:
        return {s.title: s.id for s in SessionService(database).list_sessions()}
    finally:
        database.dispose()


def _kinds(window, block_number: int) -> set[str]:
    block = window.body_editor.document().findBlockByNumber(block_number)
    kinds = {r.format.property(KIND_PROPERTY) for r in block.layout().formats()}
    return {kind for kind in kinds if kind}


def test_the_automatic_backup_starts_once_the_window_has_painted(qtbot, window):
    assert not window.backups.is_active()  # not while the window is being built
    assert list_backups() == []
    window.show()
    qtbot.waitUntil(lambda: len(list_backups()) == 1, timeout=10_000)
    assert window.backups.is_active()  # and on its timer from then on


def test_a_window_closed_before_it_painted_starts_no_backup(qtbot, window):
    window.close()
    qtbot.wait(50)
    assert not window.backups.is_active()


def test_the_lines_past_the_screen_are_highlighted_just_after_a_switch(qtbot, window, url):
    window.resize(900, 500)
    window.show()
    qtbot.waitExposed(window)
    window.select_session(_ids(url)["긴 모임"])
    last = window.body_editor.document().blockCount() - 1
    assert "heading1" in _kinds(window, 0)  # on screen: highlighted before the paint
    assert _kinds(window, last) == set()  # far below: not yet
    qtbot.waitUntil(lambda: "heading2" in _kinds(window, last), timeout=3000)
    assert "bold" in _kinds(window, 200)
    # Highlighting is no typing: nothing to save, the text as stored.
    assert not window.save_queue.has_pending()
    assert window.body_editor.toPlainText() == LONG_NOTE


def test_scrolling_down_highlights_the_rest_at_once(qtbot, window, url):
    window.resize(900, 500)
    window.show()
    qtbot.waitExposed(window)
    window.select_session(_ids(url)["긴 모임"])
    editor = window.body_editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.ensureCursorVisible()
    assert "heading2" in _kinds(window, editor.document().blockCount() - 1)


def test_the_to_do_panel_shows_the_new_sessions_to_dos_after_a_switch(qtbot, window, url):
    window.show()
    ids = _ids(url)
    window.select_session(ids["긴 모임"])
    window.select_session(ids["짧은 모임"])
    qtbot.wait(10)
    model = window.checklist.model
    texts = [model.index(row).data() for row in range(model.rowCount())]
    assert any("슬라이드 보내기" in text for text in texts)


def test_the_shown_preview_follows_a_switch(qtbot, window, url):
    window.show()
    ids = _ids(url)
    window.select_session(ids["짧은 모임"])
    window.tabs.setCurrentWidget(window.preview)
    qtbot.waitUntil(lambda: "짧은 메모" in window.preview.toPlainText(), timeout=5000)
    window.select_session(ids["긴 모임"])
    qtbot.waitUntil(lambda: "마지막 발표" in window.preview.toPlainText(), timeout=5000)
    assert "짧은 메모" not in window.preview.toPlainText()
