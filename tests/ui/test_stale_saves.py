"""Another writer changes the open note (here `studyapp import`, a second process) while
the user types in the window: the next save keeps both, or keeps the user's text and
shows the other one beside it; the other writer's text is never simply overwritten."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListView, QPushButton, QTextBrowser

from studyapp import app
from studyapp.core.db import open_database
from studyapp.core.services.history import HistoryService
from studyapp.core.services.imports import ImportService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.conflict_notice import CompareDialog
from studyapp.ui.editor import MarkdownEditor

SRC = str(Path(__file__).parents[2] / "src")
NOTE = (
    "---\ntitle: 3월 세미나\ndate: 2025-03-10\n---\n\n"
    "## Alice: Paper\n메모\n\n## 동훈님 논문 - UCDR\n토론\n\n끝\n\n- [ ] 슬라이드 공유\n"
)


@pytest.fixture
def note(tmp_path) -> Path:
    return tmp_path / "2025-03-10-seminar.md"


@pytest.fixture
def url(tmp_path, note) -> str:
    url = f"sqlite:///{tmp_path / 'window.sqlite3'}"
    note.write_text(NOTE, encoding="utf-8")
    database = open_database(url)
    try:
        [outcome] = ImportService(database).import_paths([note]).outcomes
        assert outcome.status == "created"
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


def _stored(url):
    database = open_database(url)
    try:
        sessions = SessionService(database)
        [summary] = sessions.list_sessions()
        history = HistoryService(database)
        kept = [(info.reason, history.content(info.id)) for info in history.revisions(summary.id)]
        return sessions.get(summary.id).body, kept
    finally:
        database.dispose()


def _import_elsewhere(url: str, note: Path, text: str) -> None:
    """`studyapp import` of the changed file, run as its own process."""
    note.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "studyapp", "--database", url, "import", str(note)],
        env={**os.environ, "PYTHONPATH": SRC},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "updated" in done.stdout, done.stdout


def _go_to_end_of_line(editor: MarkdownEditor, line_text: str) -> None:
    editor.setFocus()
    block = editor.document().begin()
    while block.isValid() and block.text() != line_text:
        block = block.next()
    assert block.isValid(), line_text
    cursor = editor.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    editor.setTextCursor(cursor)


def _type_at_end_of_line(qtbot, editor: MarkdownEditor, line_text: str, keys: str) -> None:
    _go_to_end_of_line(editor, line_text)
    qtbot.keyClicks(editor, keys)


def test_an_import_meanwhile_is_merged_and_the_cursor_stays(qtbot, window, url, note):
    editor = window.body_editor
    _type_at_end_of_line(qtbot, editor, "메모", " - Q1")
    assert window.save_queue.has_pending()  # typed, not saved yet when the import runs
    _import_elsewhere(url, note, NOTE.replace("토론\n", "토론: 다음 주에 이어서\n"))

    qtbot.keyClicks(editor, "!")
    assert window.flush()

    body, kept = _stored(url)
    assert "메모 - Q1!" in body
    assert "토론: 다음 주에 이어서" in body
    assert editor.toPlainText() == body  # the import's line shows in the editor
    cursor = editor.textCursor()
    assert cursor.block().text() == "메모 - Q1!"
    assert cursor.positionInBlock() == len("메모 - Q1!")
    assert editor.hasFocus()
    assert any(reason == "merged" and "토론: 다음 주에 이어서" in text for reason, text in kept)
    assert not window.conflict_notice.isVisible()
    # Typing goes on from there and is saved as usual.
    qtbot.keyClicks(editor, "?")
    assert window.flush()
    assert "메모 - Q1!?" in _stored(url)[0]


def test_a_composition_in_progress_survives_a_merge(qtbot, window, url, note):
    editor = window.body_editor
    _type_at_end_of_line(qtbot, editor, "메모", " more")
    _import_elsewhere(url, note, NOTE.replace("토론\n", "토론: 다음 주에 이어서\n"))
    # The IME is composing a syllable on the (empty) line just below the import's change
    # when the pause's save runs (the timer's save does not commit a composition).
    _go_to_end_of_line(editor, "토론")
    editor.moveCursor(QTextCursor.MoveOperation.Down)
    QApplication.sendEvent(editor, QInputMethodEvent("한", []))
    assert window.save_queue.has_pending()
    window.save_queue.flush()  # as the pause's timer calls it

    assert "토론: 다음 주에 이어서\n\n끝" in editor.toPlainText()
    assert editor.preedit_text() == "한"
    assert editor.textCursor().block().layout().preeditAreaText() == "한"
    assert editor.textCursor().block().previous().text() == "토론: 다음 주에 이어서"
    commit = QInputMethodEvent("", [])
    commit.setCommitString("한")
    QApplication.sendEvent(editor, commit)
    assert window.flush()
    body, _kept = _stored(url)
    assert "토론: 다음 주에 이어서\n한\n끝" in body
    assert "메모 more" in body


def test_an_overlapping_import_keeps_my_text_and_shows_both(qtbot, window, url, note):
    editor = window.body_editor
    _type_at_end_of_line(qtbot, editor, "메모", " - my question")
    assert window.save_queue.has_pending()
    _import_elsewhere(url, note, NOTE.replace("메모\n", "메모 — 파일에서 고친 줄\n"))

    qtbot.keyClicks(editor, "!")
    assert window.flush()

    body, kept = _stored(url)
    assert "메모 - my question!" in body
    theirs = [text for reason, text in kept if reason == "conflict"]
    assert len(theirs) == 1 and "메모 — 파일에서 고친 줄" in theirs[0]
    notice = window.conflict_notice
    assert notice.isVisible()
    assert "your text was kept" in notice.label.text()
    assert editor.hasFocus()  # the notice does not take the keyboard
    assert QApplication.activeModalWidget() is None

    qtbot.mouseClick(
        notice.findChild(QPushButton, "conflictCompareButton"), Qt.MouseButton.LeftButton
    )
    dialog = notice.dialog
    assert isinstance(dialog, CompareDialog)
    qtbot.waitExposed(dialog)
    assert not dialog.isModal()
    their_view = dialog.findChild(QTextBrowser, "compareTheirs")
    my_view = dialog.findChild(QTextBrowser, "compareMine")
    assert "메모 — 파일에서 고친 줄" in their_view.toPlainText()
    assert "메모 - my question!" not in their_view.toPlainText()
    assert "메모 - my question!" in my_view.toPlainText()
    assert their_view.isReadOnly() and my_view.isReadOnly()
    # The lines only one side has are marked.
    assert "background-color" in my_view.toHtml()
    dialog.close()
    qtbot.waitUntil(lambda: notice.dialog is None)

    qtbot.mouseClick(
        notice.findChild(QPushButton, "conflictCloseButton"), Qt.MouseButton.LeftButton
    )
    assert not notice.isVisible()


def test_a_to_do_edit_over_a_change_elsewhere_is_refused_and_said(qtbot, window, url, note):
    view = window.checklist.findChild(QListView, "checklistView")
    view.setFocus()
    view.setCurrentIndex(window.checklist.model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    text = window.checklist.findChild(QLineEdit, "checklistEditText")
    assert text.hasFocus()
    qtbot.keyClicks(text, "share slides by Friday")
    _import_elsewhere(url, note, NOTE.replace("슬라이드 공유", "슬라이드와 코드 공유"))

    qtbot.keyClick(text, Qt.Key.Key_Return)

    error = window.checklist.findChild(QLabel, "checklistError")
    assert error.isVisible()
    assert "changed elsewhere" in error.text()
    body, _kept = _stored(url)
    assert "- [ ] 슬라이드와 코드 공유" in body
    assert "share slides by Friday" not in body
