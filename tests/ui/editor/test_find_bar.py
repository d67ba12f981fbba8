import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from studyapp.ui.editor import FindBar, MarkdownEditorPane

TEXT = "회의 메모\n오늘 회의는 길었다. 🎉 회의록 정리\nMeeting notes: meeting at 7"


@pytest.fixture
def pane(qtbot):
    widget = MarkdownEditorPane()
    qtbot.addWidget(widget)
    widget.editor.setPlainText(TEXT)
    widget.show()
    return widget


def u16(text):
    return len(text.encode("utf-16-le")) // 2


def selection(editor):
    cursor = editor.textCursor()
    return cursor.selectionStart(), cursor.selectedText()


def positions(needle, text=TEXT):
    found, start = [], text.find(needle)
    while start >= 0:
        found.append(u16(text[:start]))
        start = text.find(needle, start + 1)
    return found


def test_object_name_and_hidden_until_opened(pane):
    assert pane.find_bar.objectName() == "findBar"
    assert pane.find_bar.isHidden()
    assert pane.find_bar.replace_edit.isHidden()


def test_works_with_plain_text_edit(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    editor = QPlainTextEdit("abc abc")
    bar = FindBar(editor, host)
    layout = QVBoxLayout(host)
    layout.addWidget(editor)
    layout.addWidget(bar)
    host.show()
    bar.open_find()
    bar.find_edit.setText("abc")
    assert bar.match_count() == 2


def test_find_next_and_previous_with_korean(qtbot, pane):
    editor, bar = pane.editor, pane.find_bar
    bar.open_find()
    qtbot.waitUntil(bar.find_edit.hasFocus)
    bar.find_edit.setText("회의")
    starts = positions("회의")
    assert len(starts) == 3
    # The emoji before the third match counts as two positions.
    assert starts[2] == TEXT.index("회의록") + 1
    assert selection(editor) == (starts[0], "회의")
    assert bar.count_label.text() == "1 of 3"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert selection(editor) == (starts[1], "회의")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_F3)
    assert selection(editor) == (starts[2], "회의")
    assert bar.count_label.text() == "3 of 3"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert selection(editor)[0] == starts[0]  # wrapped
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert selection(editor)[0] == starts[2]
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert selection(editor)[0] == starts[1]
    assert bar.count_label.text() == "2 of 3"


def test_case_insensitive_by_default_and_match_case(pane):
    bar = pane.find_bar
    bar.open_find()
    bar.find_edit.setText("meeting")
    assert bar.match_count() == 2
    bar.set_match_case(True)
    assert bar.match_count() == 1
    assert selection(pane.editor)[1] == "meeting"


def test_no_matches_label_is_red(pane):
    bar = pane.find_bar
    bar.open_find()
    bar.find_edit.setText("없는말")
    assert bar.count_label.text() == "No matches"
    assert not bar.find_next()
    red = bar.count_label.palette().color(QPalette.ColorRole.WindowText)
    assert red.red() > red.green() and red.red() > red.blue()
    bar.find_edit.setText("회의")
    assert bar.count_label.text() == "1 of 3"


def test_replace_one_then_next(pane):
    editor, bar = pane.editor, pane.find_bar
    bar.open_replace()
    assert bar.is_replace_mode()
    bar.find_edit.setText("회의")
    bar.replace_edit.setText("세미나")
    assert bar.replace_current()
    assert editor.toPlainText().startswith("세미나 메모\n오늘 회의는")
    assert selection(editor) == (positions("회의", editor.toPlainText())[0], "회의")
    assert bar.count_label.text() == "1 of 2"


def test_replace_all_is_one_undo_step(qtbot, pane):
    editor, bar = pane.editor, pane.find_bar
    bar.open_replace()
    bar.find_edit.setText("회의")
    bar.replace_edit.setText("모임")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() == TEXT.replace("회의", "모임")
    qtbot.waitUntil(lambda: bar.count_label.text() == "No matches")
    editor.undo()
    assert editor.toPlainText() == TEXT
    assert bar.match_count() == 3


def test_replace_all_case_insensitive_with_emoji_before(pane):
    editor, bar = pane.editor, pane.find_bar
    editor.setPlainText("🎉 Note note NOTE 📅")
    bar.open_replace()
    bar.find_edit.setText("note")
    bar.replace_edit.setText("메모")
    assert bar.replace_all() == 3
    assert editor.toPlainText() == "🎉 메모 메모 메모 📅"


def test_count_updates_after_editing(qtbot, pane):
    editor, bar = pane.editor, pane.find_bar
    bar.open_find()
    bar.find_edit.setText("회의")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(" 회의")
    qtbot.waitUntil(
        lambda: (
            bar.count_label.text().endswith("4 matches") or bar.count_label.text().endswith("of 4")
        )
    )


def test_escape_closes_and_focuses_editor(qtbot, pane):
    editor, bar = pane.editor, pane.find_bar
    pane.activateWindow()
    bar.open_replace()
    qtbot.waitUntil(bar.find_edit.hasFocus)
    with qtbot.waitSignal(bar.closed):
        qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert bar.isHidden()
    qtbot.waitUntil(editor.hasFocus)


def test_open_uses_selected_text(pane):
    editor, bar = pane.editor, pane.find_bar
    cursor = editor.textCursor()
    cursor.setPosition(TEXT.index("메모"))
    cursor.setPosition(TEXT.index("메모") + 2, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    bar.open_find()
    assert bar.find_edit.text() == "메모"
    assert bar.find_edit.selectedText() == "메모"
