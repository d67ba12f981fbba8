"""Selecting a span given in Python characters: Qt counts UTF-16 units (an emoji is two)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def select_text(editor: QPlainTextEdit, start: int, length: int) -> None:
    """Select ``text[start:start + length]`` and scroll it into view."""
    text = editor.toPlainText()
    start = max(0, min(start, len(text)))
    end = max(start, min(start + length, len(text)))
    cursor = editor.textCursor()
    cursor.setPosition(utf16_offset(text, start))
    cursor.setPosition(utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
