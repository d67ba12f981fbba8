"""List editing at an editor's cursor: Enter continues a list, Tab and Shift+Tab indent.

The rules themselves are plain string functions (``list_editing``); this applies them to a
``QPlainTextEdit``, whose cursor counts UTF-16 units where Python counts characters.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from studyapp.ui.editor.list_editing import (
    INDENT,
    enter_action,
    is_structured,
    outdent_amount,
    spaces_to_tab_stop,
)


def python_index(text: str, utf16_index: int) -> int:
    """Convert a QTextCursor column (UTF-16 units) into an index into ``text``."""
    return len(text.encode("utf-16-le")[: utf16_index * 2].decode("utf-16-le", "ignore"))


def continue_list(editor: QPlainTextEdit) -> bool:
    """Enter after a list item: the next item, or the empty one ended (one undo step)."""
    cursor = editor.textCursor()
    if cursor.hasSelection():
        return False
    text = cursor.block().text()
    action = enter_action(text, python_index(text, cursor.positionInBlock()))
    if action is None:
        return False
    # One edit block, so one Ctrl+Z takes back the whole continuation.
    cursor.beginEditBlock()
    if action.replace_line is not None:
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(action.replace_line)
    elif action.insert is not None:
        cursor.insertText(action.insert)
    cursor.endEditBlock()
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    return True


def tab(editor: QPlainTextEdit) -> None:
    """Tab: indent the lines of a selection or a list item, else spaces to the next stop."""
    cursor = editor.textCursor()
    doc = editor.document()
    spans_lines = (
        doc.findBlock(cursor.selectionStart()).blockNumber()
        != doc.findBlock(cursor.selectionEnd()).blockNumber()
    )
    if spans_lines or is_structured(cursor.block().text()):
        shift_lines(editor, indent=True)
        return
    start = doc.findBlock(cursor.selectionStart())
    column = python_index(start.text(), cursor.selectionStart() - start.position())
    cursor.insertText(spaces_to_tab_stop(column))
    editor.setTextCursor(cursor)


def shift_lines(editor: QPlainTextEdit, *, indent: bool) -> None:
    """Indent or outdent every line the selection touches, as one undo step."""
    cursor = editor.textCursor()
    doc = editor.document()
    first = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd())
    # A selection ending at the start of a line does not include that line.
    if last.blockNumber() > first.blockNumber() and cursor.selectionEnd() == last.position():
        last = last.previous()
    multi_line = last.blockNumber() > first.blockNumber()
    backwards = cursor.position() < cursor.anchor()

    edit = QTextCursor(doc)
    edit.beginEditBlock()
    block = first
    while block.isValid() and block.blockNumber() <= last.blockNumber():
        edit.setPosition(block.position())
        if indent:
            edit.insertText(INDENT)
        else:
            amount = outdent_amount(block.text())
            if amount:
                edit.setPosition(block.position() + amount, QTextCursor.MoveMode.KeepAnchor)
                edit.removeSelectedText()
        block = block.next()
    edit.endEditBlock()

    if multi_line:
        # Keep whole lines selected so Tab can be pressed again.
        start = first.position()
        end = last.position() + last.length() - 1
        anchor, position = (end, start) if backwards else (start, end)
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
