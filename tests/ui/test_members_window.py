"""Members in the window: the history names who wrote each version, a ticked to-do says who
ticked it, and "Your name" in the settings is who the window writes as."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QListView

from studyapp import app
from studyapp.core.actor import Actor
from studyapp.core.db import open_database
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.history import HistoryService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.dialogs.settings_dialog import SettingsDialog
from studyapp.ui.history_dialog import AUTHOR_COLUMN, REASON_COLUMN, HistoryDialog
from studyapp.ui.settings import AppSettings


@pytest.fixture
def session_id(tmp_path):
    url = f"sqlite:///{tmp_path / 'window.sqlite3'}"
    setup = open_database(url)
    sessions = SessionService(setup, Actor("동훈님"))
    session = sessions.create(group="KD 스터디", title="0310", date=dt.date(2025, 3, 10)).id
    sessions.set_body(session, "동훈님의 메모\n\n## 할 일\n- [ ] 슬라이드 공유\n")
    setup.dispose()
    return url, session


@pytest.fixture
def window(qtbot, session_id):
    settings = AppSettings()
    settings.member_name = "Alice"
    settings.sync()
    window = app.create_main_window(session_id[0])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_session(session_id[1])
    yield window
    if window.isVisible():
        window.close()


def test_the_history_shows_who_wrote_each_version(qtbot, window, session_id):
    editor = window.body_editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " - added by Alice")

    qtbot.keyClick(
        editor,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.findChild(HistoryDialog, "historyDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    newest = dialog.list.topLevelItem(0)
    assert newest.text(AUTHOR_COLUMN) == "동훈님"  # the text Alice's typing replaced
    assert dialog.list.headerItem().text(AUTHOR_COLUMN) == "Written by"

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    before_restore = dialog.list.topLevelItem(0)
    assert before_restore.text(REASON_COLUMN) == "Before restore"
    assert before_restore.text(AUTHOR_COLUMN) == "Alice"
    dialog.close()


def test_a_ticked_todo_says_who_ticked_it(qtbot, window, session_id):
    view = window.checklist.findChild(QListView, "checklistView")
    view.setFocus()
    view.setCurrentIndex(window.checklist.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    window.flush()
    [item] = ChecklistService(window.database).items(session_id=session_id[1])
    assert item.task.done and item.done_by == "Alice"
    index = window.checklist.model.index(0, 0)
    qtbot.waitUntil(lambda: "Ticked by Alice" in (index.data(Qt.ItemDataRole.ToolTipRole) or ""))


def test_your_name_in_the_settings_is_who_the_window_writes_as(qtbot, window, session_id):
    def fill_in() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog))
        name = dialog.findChild(QLineEdit, "memberNameEdit")
        assert name.text() == "Alice"
        name.setFocus()
        name.selectAll()
        qtbot.keyClicks(name, "Minsu")
        buttons = dialog.findChild(QDialogButtonBox, "settingsButtons")
        qtbot.mouseClick(
            buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(0, fill_in)
    window.actions_.open_settings()
    assert AppSettings().member_name == "Minsu"
    assert window.actor == Actor("Minsu")

    editor = window.body_editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " notes by Minsu")
    window.flush()
    qtbot.keyClicks(editor, " and more")  # replaces Minsu's own text: kept under that name
    window.open_session(None)
    authors = [r.author for r in HistoryService(window.database).revisions(session_id[1])]
    assert authors[0] == "Minsu"
    assert "동훈님" in authors


def test_the_settings_say_who_the_name_typed_is_in_the_group(qtbot, window, session_id):
    from studyapp.core.services.rotation import RotationService

    RotationService(window.database).set_members("KD 스터디", ["Alice Kim", "동훈님"])
    said: list[str] = []

    def type_names() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog))
        match = dialog.findChild(QLabel, "memberMatchLabel")
        name = dialog.findChild(QLineEdit, "memberNameEdit")
        # "Alice" from the settings is nobody in this group yet.
        said.append(match.text())
        name.setFocus()
        name.selectAll()
        qtbot.keyClicks(name, "alice kim")
        qtbot.waitUntil(lambda: "Alice Kim" in match.text())
        said.append(match.text())
        name.selectAll()
        commit = QInputMethodEvent("", [])  # Hangul arrives from the input method
        commit.setCommitString("동훈님")
        QApplication.sendEvent(name, commit)
        qtbot.waitUntil(lambda: "동훈님," in match.text())
        said.append(match.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, type_names)
    window.actions_.open_settings()
    assert said == [
        "No one named Alice in this database yet: recorded as typed.",
        "Recorded as Alice Kim, member of KD 스터디.",
        "Recorded as 동훈님, member of KD 스터디.",
    ]
    assert AppSettings().member_name == "Alice"  # cancelled: nothing changed
