import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QInputMethodEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from studyapp.ui.editor import MarkdownEditor, MarkdownEditorPane, count_stats
from studyapp.ui.editor.list_editing import enter_action, parse_prefix


@pytest.fixture
def editor(qtbot):
    widget = MarkdownEditor()
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


@pytest.fixture
def pane(qtbot):
    widget = MarkdownEditorPane()
    qtbot.addWidget(widget)
    widget.show()
    widget.editor.setFocus()
    return widget


def type_text(qtbot, editor, text):
    """Type ASCII with key clicks and everything else as input-method commits.

    QTest cannot synthesise key events for Hangul; on a real desktop it arrives this way.
    """
    for char in text:
        if char.isascii():
            qtbot.keyClicks(editor, char)
        else:
            commit = QInputMethodEvent("", [])
            commit.setCommitString(char)
            QApplication.sendEvent(editor, commit)


def type_line(qtbot, editor, text):
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def put(editor, text, anchor, position=None):
    editor.setPlainText(text)
    cursor = editor.textCursor()
    cursor.setPosition(anchor)
    if position is not None:
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


# --- list continuation ----------------------------------------------------------------


def test_enter_continues_bullet(qtbot, editor):
    type_line(qtbot, editor, "- first")
    assert editor.toPlainText() == "- first\n- "
    qtbot.keyClicks(editor, "second")
    assert editor.toPlainText() == "- first\n- second"


def test_enter_continues_numbers_and_keeps_indent(qtbot, editor):
    type_line(qtbot, editor, "1. 첫째")
    type_text(qtbot, editor, "둘째")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "1. 첫째\n2. 둘째\n3. "
    editor.clear()
    type_line(qtbot, editor, "    9) deep")
    assert editor.toPlainText() == "    9) deep\n    10) "


@pytest.mark.parametrize(
    "line",
    ["- [ ] task", "- [x] done", "  * [X] 완료 📅 2025-03-17", "- [/] started", "+ [-] dropped"],
)
def test_enter_on_task_starts_an_open_task(qtbot, editor, line):
    type_line(qtbot, editor, line)
    indent = line[: len(line) - len(line.lstrip())]
    marker = line.lstrip()[0]
    assert editor.toPlainText() == f"{line}\n{indent}{marker} [ ] "


def test_enter_continues_quote(qtbot, editor):
    type_line(qtbot, editor, "> 인용")
    assert editor.toPlainText() == "> 인용\n> "


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("- a", "- a\n"), ("1. a", "1. a\n"), ("- [ ] a", "- [ ] a\n"), ("> a", "> a\n")],
)
def test_enter_on_empty_item_ends_the_list(qtbot, editor, typed, expected):
    type_line(qtbot, editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == expected
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == expected + "\n"


def test_enter_in_middle_of_item_moves_rest_to_new_item(qtbot, editor):
    put(editor, "- 앞뒤", len("- 앞"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "- 앞\n- 뒤"


def test_enter_after_emoji_uses_utf16_columns(qtbot, editor):
    text = "- 🎉🎉 party"
    put(editor, text, len(text.encode("utf-16-le")) // 2)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == text + "\n- "


def test_shift_enter_inserts_plain_newline(qtbot, editor):
    qtbot.keyClicks(editor, "- first")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == "- first\n"
    assert "\u2028" not in editor.document().firstBlock().text()
    assert editor.document().blockCount() == 2


def test_plain_line_gets_plain_newline(qtbot, editor):
    type_line(qtbot, editor, "plain")
    assert editor.toPlainText() == "plain\n"


def test_continuation_is_one_undo_step(qtbot, editor):
    qtbot.keyClicks(editor, "- first")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "- first\n- "
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "- first"
    editor.redo()
    assert editor.toPlainText() == "- first\n- "


def test_ending_the_list_is_one_undo_step(qtbot, editor):
    type_line(qtbot, editor, "- a")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "- a\n"
    editor.undo()
    assert editor.toPlainText() == "- a\n- "


# --- indentation -----------------------------------------------------------------------


def test_tab_indents_list_item_and_keeps_focus(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    editor = MarkdownEditor(host)
    other = QLineEdit(host)
    layout = QVBoxLayout(host)
    layout.addWidget(editor)
    layout.addWidget(other)
    host.show()
    editor.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "- item")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "  - item"
    assert editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == "- item"
    assert editor.hasFocus()
    assert editor.textCursor().positionInBlock() == len("- item")


def test_tab_in_plain_line_inserts_spaces(qtbot, editor):
    qtbot.keyClicks(editor, "ab")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor, "c")
    assert editor.toPlainText() == "ab  c"


def test_tab_and_shift_tab_on_selection(qtbot, editor):
    text = "- one\n- two\nplain\n- four"
    # Select from the middle of line 1 to the start of line 4: lines 1-3 move.
    put(editor, text, 2, text.index("- four"))
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "  - one\n  - two\n  plain\n- four"
    cursor = editor.textCursor()
    assert cursor.selectedText() == "  - one\u2029  - two\u2029  plain"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "    - one\n    - two\n    plain\n- four"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == text


def test_indent_of_selection_is_one_undo_step(qtbot, editor):
    text = "- a\n- b"
    put(editor, text, 0, len(text))
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "  - a\n  - b"
    editor.undo()
    assert editor.toPlainText() == text


# --- stats, time, font -------------------------------------------------------------------


def test_count_stats_counts_hangul_runs_as_words():
    assert count_stats("오늘 회의는 **KD** 논문을 봤다") == (5, 20)
    assert count_stats("- [x] don't stop\n📅 2025-03-17") == (3, 28)
    assert count_stats("") == (0, 0)


def test_stats_signal_on_typing(qtbot, editor):
    type_text(qtbot, editor, "안녕 hell")
    with qtbot.waitSignal(editor.statsChanged) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_O)
    assert blocker.args == [2, 8]
    assert editor.stats() == (2, 8)


def test_large_document_stats_are_debounced(qtbot, editor):
    big = "단어 word\n" * 15_000
    with qtbot.waitSignal(editor.statsChanged, timeout=3000) as blocker:
        editor.setPlainText(big)
    assert blocker.args == [30_000, len(big) - 15_000]
    editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.assertNotEmitted(editor.statsChanged, wait=0):
        qtbot.keyClicks(editor, " x")
    assert editor.stats() == (30_001, len(big) - 15_000 + 2)


def test_insert_current_time(qtbot, editor):
    editor.setPlainText("- ")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insert_current_time(QTime(9, 5))
    assert editor.toPlainText() == "- 09:05"
    action = editor.make_insert_time_action(editor)
    assert action.shortcut() == QKeySequence("Ctrl+Shift+T")
    assert action.isShortcutVisibleInContextMenu()
    action.trigger()
    assert len(editor.toPlainText()) == len("- 09:05HH:MM")


def test_default_font_is_fixed_pitch_with_four_space_tabs(editor):
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert editor.font().family() == fixed.family()
    font = QFont(editor.font())
    font.setPointSize(20)
    editor.set_editor_font(font)
    assert editor.font().pointSize() == 20
    space = QFontMetricsF(font).horizontalAdvance(" ")
    assert editor.tabStopDistance() == pytest.approx(space * 4)


# --- input method --------------------------------------------------------------------------


def test_preedit_is_committed(qtbot, editor):
    type_text(qtbot, editor, "회의 ")
    QApplication.sendEvent(editor, QInputMethodEvent("한", []))
    assert editor.toPlainText() == "회의 "
    assert editor.preedit_text() == "한"
    editor.commit_preedit()
    assert editor.toPlainText().endswith("한")
    assert editor.preedit_text() == ""
    editor.commit_preedit()
    assert editor.toPlainText() == "회의 한"


def test_preedit_after_committed_syllables(qtbot, editor):
    commit = QInputMethodEvent("", [])
    commit.setCommitString("안녕하세")
    QApplication.sendEvent(editor, commit)
    QApplication.sendEvent(editor, QInputMethodEvent("요", []))
    assert editor.toPlainText() == "안녕하세"
    assert editor.toPlainTextCommitted() == "안녕하세요"
    editor.undo()
    assert "요" not in editor.toPlainText()


# --- find keys -----------------------------------------------------------------------------


def test_ctrl_f_opens_find_bar_and_esc_returns_focus(qtbot, pane):
    editor, bar = pane.editor, pane.find_bar
    editor.activateWindow()
    qtbot.waitUntil(editor.hasFocus)
    assert bar.isHidden()
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible()
    assert not bar.is_replace_mode()
    qtbot.waitUntil(bar.find_edit.hasFocus)
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert bar.isHidden()
    qtbot.waitUntil(editor.hasFocus)


@pytest.mark.parametrize("key", [Qt.Key.Key_H, Qt.Key.Key_R])
def test_ctrl_h_and_ctrl_r_open_replace(qtbot, pane, key):
    qtbot.keyClick(pane.editor, key, Qt.KeyboardModifier.ControlModifier)
    assert pane.find_bar.isVisible()
    assert pane.find_bar.is_replace_mode()


def test_f3_in_editor_steps_through_matches(qtbot, pane):
    editor, bar = pane.editor, pane.find_bar
    editor.setPlainText("회의 메모 회의")
    bar.open_find()
    bar.find_edit.setText("회의")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F3)
    assert editor.textCursor().selectionStart() == len("회의 메모 ")
    qtbot.keyClick(editor, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectionStart() == 0


# --- list_editing helpers --------------------------------------------------------------------


def test_parse_prefix_on_plain_lines():
    assert parse_prefix("plain text") is None
    assert parse_prefix("---") is None
    assert parse_prefix("# heading") is None
    assert enter_action("-x", 2) is None


def test_enter_inside_marker_is_a_plain_newline():
    assert enter_action("- item", 1) is None


def test_quoted_list_item_continues_inside_quote():
    action = enter_action("> - item", len("> - item"))
    assert action is not None
    assert action.insert == "\n> - "
    empty = enter_action("> - ", 4)
    assert empty is not None
    assert empty.replace_line == "> "
