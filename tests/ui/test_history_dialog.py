"""The History dialog, driven by keys and clicks; results checked through the services."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from studyapp.core.services.history import HistoryService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.history_dialog import HistoryDialog

T0 = dt.datetime(2025, 3, 10, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def sessions(database):
    return SessionService(database)


@pytest.fixture
def history(database):
    return HistoryService(database)


@pytest.fixture
def session_id(sessions, history):
    session = sessions.create(group="KD 스터디", title="0310", date=dt.date(2025, 3, 10)).id
    history.record(session, "body", "# 0310\n- 휘발성 메모리", now=T0)
    history.record(
        session, "body", "# 0310\n- 휘발성 메모리\n- 증류", now=T0 + dt.timedelta(hours=1)
    )
    sessions.set_body(session, "# 0310\n- 휘발성이 있는 메모리\n- 증류\n- transformer")
    return session


def open_dialog(qtbot, database, session_id, field="body", current_text=""):
    dialog = HistoryDialog(database, session_id, field, current_text)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_lists_versions_newest_first_with_a_diff(qtbot, database, sessions, session_id):
    current = sessions.get(session_id).body
    dialog = open_dialog(qtbot, database, session_id, current_text=current)
    assert dialog.list.topLevelItemCount() == 2
    assert "증류" in dialog.diff_view.toPlainText()
    assert "+ - transformer" in dialog.diff_view.toPlainText()
    assert not dialog.empty_label.isVisible()

    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    text = dialog.diff_view.toPlainText()
    assert "− - 휘발성 메모리" in text
    assert "+ - 증류" in text


def test_restore_by_click_writes_back_and_can_be_undone(qtbot, database, sessions, session_id):
    original = sessions.get(session_id).body
    dialog = open_dialog(qtbot, database, session_id, current_text=original)
    qtbot.keyClick(dialog.list, Qt.Key.Key_End)  # the oldest version

    with qtbot.waitSignal(dialog.restored) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert restored.args == ["# 0310\n- 휘발성 메모리"]
    assert sessions.get(session_id).body == "# 0310\n- 휘발성 메모리"
    assert "Before restore" in dialog.status.text()

    # The text just replaced is now on top; restoring it undoes the restore.
    assert dialog.list.topLevelItemCount() == 3
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)
    assert dialog.list.currentItem().text(1) == "Before restore"
    dialog.activateWindow()  # mnemonics only reach the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.restored):
        qtbot.keyClick(dialog.list, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert sessions.get(session_id).body == original


def test_a_session_without_versions_shows_the_empty_list(qtbot, database, sessions):
    fresh = sessions.create(group="KD 스터디", title="0317", date=dt.date(2025, 3, 17)).id
    dialog = open_dialog(qtbot, database, fresh)
    assert dialog.list.topLevelItemCount() == 0
    assert dialog.empty_label.isVisible()
    assert not dialog.restore_button.isEnabled()


def test_a_failed_restore_shows_the_error_inline(qtbot, database, sessions, session_id):
    dialog = open_dialog(qtbot, database, session_id)
    sessions.trash(session_id)  # gone while the dialog was open
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "no session" in dialog.status.text()


def test_escape_closes(qtbot, database, session_id):
    dialog = open_dialog(qtbot, database, session_id)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_opened_for_the_body_editor_and_restores_into_it(qtbot, tmp_path):
    from studyapp import app
    from studyapp.core.db import open_database

    url = f"sqlite:///{tmp_path / 'window.sqlite3'}"
    setup = open_database(url)
    sessions = SessionService(setup)
    session = sessions.create(group="KD 스터디", title="0310", date=dt.date(2025, 3, 10)).id
    sessions.set_body(session, "처음 메모")
    setup.dispose()

    window = app.create_main_window(url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_session(session)
    editor = window.body_editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " - more")  # saved by the window before the dialog reads

    window.actions_.history_action.trigger()  # Ctrl+Shift+H
    dialog = window.findChild(HistoryDialog, "historyDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert HistoryService(window.database).revisions(session)[0].reason == "edit"
    with qtbot.waitSignal(dialog.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() == "처음 메모"
    dialog.close()
    editor.undo()  # the restore was one edit in the editor too
    assert editor.toPlainText() == "처음 메모 - more"
    window.close()


def test_leaving_a_session_keeps_a_revision_only_when_something_was_typed(qtbot, tmp_path):
    from studyapp import app
    from studyapp.core.db import open_database

    url = f"sqlite:///{tmp_path / 'window.sqlite3'}"
    setup = open_database(url)
    sessions = SessionService(setup)
    first = sessions.create(group="KD", title="첫째", date=dt.date(2025, 3, 3), body="a").id
    second = sessions.create(group="KD", title="둘째", date=dt.date(2025, 3, 10), body="b").id
    setup.dispose()

    window = app.create_main_window(url)
    qtbot.addWidget(window)
    window.show()
    history = HistoryService(window.database)
    window.open_session(first)
    window.open_session(second)  # only read: nothing new to keep
    assert history.revisions(first) == []
    window.open_session(first)
    window.body_editor.setFocus()
    window.body_editor.moveCursor(window.body_editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.body_editor, " typed")
    window.open_session(second)
    newest = history.revisions(first)[0]
    assert (newest.reason, newest.preview) == ("switch", "a typed")
