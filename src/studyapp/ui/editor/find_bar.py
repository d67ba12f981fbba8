"""Find and replace bar for any QPlainTextEdit."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from studyapp.ui.theme import mix

# Counting every match of a one-letter query in a huge note is not worth the time.
MAX_MATCHES = 10_000
RECOUNT_DELAY_MS = 150


class FindBar(QWidget):
    """Incremental search with optional replace, attached to one ``QPlainTextEdit``.

    Matches are found with QRegularExpression on ``toPlainText()``, whose indices are
    UTF-16 units and therefore equal to document positions, Hangul and emoji included.
    """

    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._editor = editor
        self._matches: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._dirty = True
        self._truncated = False
        self._recount = QTimer(self, singleShot=True, interval=RECOUNT_DELAY_MS)
        self._recount.timeout.connect(self._refresh)

        self.find_edit = QLineEdit(self, objectName="findField")
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self, objectName="replaceField")
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.count_label = QLabel(self, objectName="findCount")
        self.match_case_box = QCheckBox(self.tr("Match case"), self, objectName="matchCase")
        self.previous_button = self._button(
            self.tr("Previous"),
            self.find_previous,
            self.tr("Previous match (Shift+Enter, Shift+F3)"),
        )
        self.next_button = self._button(
            self.tr("Next"), self.find_next, self.tr("Next match (Enter, F3)")
        )
        self.replace_button = self._button(
            self.tr("Replace"),
            self.replace_current,
            self.tr("Replace this match and find the next"),
        )
        self.replace_all_button = self._button(
            self.tr("Replace all"), self.replace_all, self.tr("Replace every match")
        )
        self.close_button = self._button(self.tr("×"), self.close_bar, self.tr("Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        self._normal_palette = self.find_edit.palette()
        self._layout()

        self.find_edit.textChanged.connect(self._query_changed)
        self.match_case_box.toggled.connect(self._query_changed)
        self.replace_edit.returnPressed.connect(self.replace_current)
        self.find_edit.installEventFilter(self)
        for keys, slot in (
            (QKeySequence.StandardKey.FindNext, self.find_next),
            (QKeySequence.StandardKey.FindPrevious, self.find_previous),
            (QKeySequence(Qt.Key.Key_Escape), self.close_bar),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        editor.document().contentsChanged.connect(self._document_changed)
        editor.cursorPositionChanged.connect(self._cursor_moved)
        self.set_replace_mode(False)
        self.hide()

    def _button(self, text: str, slot: Callable[[], object], tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setSpacing(4)
        find_row = QHBoxLayout()
        for widget in (
            self.previous_button,
            self.next_button,
            self.count_label,
            self.match_case_box,
        ):
            find_row.addWidget(widget)
        replace_row = QHBoxLayout()
        replace_row.addWidget(self.replace_button)
        replace_row.addWidget(self.replace_all_button)
        replace_row.addStretch()
        grid.addWidget(self.find_edit, 0, 0)
        grid.addLayout(find_row, 0, 1)
        grid.addWidget(self.close_button, 0, 2)
        grid.addWidget(self.replace_edit, 1, 0)
        grid.addLayout(replace_row, 1, 1)
        grid.setColumnStretch(0, 1)

    # --- opening and closing -------------------------------------------------------

    def set_replace_mode(self, on: bool) -> None:
        for widget in (self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(on)

    def is_replace_mode(self) -> bool:
        return not self.replace_edit.isHidden()

    def open_find(self, replace: bool = False) -> None:
        """Show the bar, seeded with the editor's single-line selection, and focus it."""
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.set_replace_mode(replace)
        self.show()
        self._dirty = True
        self._update_label()
        target = self.replace_edit if replace and self.find_edit.text() else self.find_edit
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.selectAll()

    def open_replace(self) -> None:
        self.open_find(replace=True)

    def close_bar(self) -> None:
        self.hide()
        self._recount.stop()
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def hideEvent(self, event: QEvent) -> None:
        self._recount.stop()
        super().hideEvent(event)

    # Enter/Shift+Enter in the find field step through matches.
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.find_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(watched, event)

    # --- matching -------------------------------------------------------------------

    def set_match_case(self, on: bool) -> None:
        self.match_case_box.setChecked(on)

    def match_case(self) -> bool:
        return self.match_case_box.isChecked()

    def matches(self) -> list[tuple[int, int]]:
        """Every match as ``(position, length)`` in document positions."""
        self._ensure_matches()
        return list(self._matches)

    def match_count(self) -> int:
        self._ensure_matches()
        return len(self._matches)

    def current_index(self) -> int:
        """Index of the match the editor has selected, or -1."""
        self._ensure_matches()
        cursor = self._editor.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        i = bisect.bisect_left(self._starts, start)
        if i < len(self._matches) and self._matches[i] == (start, end - start):
            return i
        return -1

    def _ensure_matches(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self._matches = []
        self._truncated = False
        needle = self.find_edit.text()
        if needle:
            options = QRegularExpression.PatternOption.UseUnicodePropertiesOption
            if not self.match_case():
                options |= QRegularExpression.PatternOption.CaseInsensitiveOption
            regex = QRegularExpression(QRegularExpression.escape(needle), options)
            found = regex.globalMatch(self._editor.document().toPlainText())
            while found.hasNext():
                match = found.next()
                self._matches.append((match.capturedStart(), match.capturedLength()))
                if len(self._matches) >= MAX_MATCHES:
                    self._truncated = True
                    break
        self._starts = [start for start, _ in self._matches]

    def _select(self, index: int) -> None:
        start, length = self._matches[index]
        cursor = self._editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.ensureCursorVisible()
        self._update_label()

    def find_next(self) -> bool:
        """Select the next match after the selection, wrapping around; False if none."""
        self._ensure_matches()
        if not self._matches:
            self._update_label()
            return False
        current = self.current_index()
        cursor = self._editor.textCursor()
        origin = cursor.selectionEnd() if current >= 0 else cursor.selectionStart()
        index = bisect.bisect_left(self._starts, origin)
        self._select(index if index < len(self._matches) else 0)
        return True

    def find_previous(self) -> bool:
        """Select the match before the selection, wrapping around; False if none."""
        self._ensure_matches()
        if not self._matches:
            self._update_label()
            return False
        index = bisect.bisect_left(self._starts, self._editor.textCursor().selectionStart()) - 1
        self._select(index if index >= 0 else len(self._matches) - 1)
        return True

    def replace_current(self) -> bool:
        """Replace the selected match, then move to the next; False if nothing was selected."""
        index = self.current_index()
        if index < 0:
            self.find_next()
            return False
        cursor = self._editor.textCursor()
        cursor.insertText(self.replace_edit.text())
        self._editor.setTextCursor(cursor)
        self._dirty = True
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many were replaced."""
        self._ensure_matches()
        if not self._matches:
            return 0
        replacement = self.replace_edit.text()
        cursor = QTextCursor(self._editor.document())
        cursor.beginEditBlock()
        # From the end backwards so earlier positions stay valid.
        for start, length in reversed(self._matches):
            cursor.setPosition(start)
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
        cursor.endEditBlock()
        count = len(self._matches)
        self._dirty = True
        self._update_label()
        return count

    # --- feedback ---------------------------------------------------------------

    def _query_changed(self, *_: object) -> None:
        self._dirty = True
        self._ensure_matches()
        if self._matches:
            # Typing more letters keeps the match where it started, like browsers do.
            start = self._editor.textCursor().selectionStart()
            index = bisect.bisect_left(self._starts, start)
            self._select(index if index < len(self._matches) else 0)
        else:
            self._update_label()

    def _document_changed(self) -> None:
        self._dirty = True
        if self.isVisible():
            self._recount.start()

    def _refresh(self) -> None:
        self._update_label()

    def _cursor_moved(self) -> None:
        # While typing, the recount timer refreshes the label; recounting here on every
        # keystroke would scan the whole note each time.
        if not self._dirty:
            self._update_label()

    def _update_label(self) -> None:
        if not self.isVisible():
            return
        needle = self.find_edit.text()
        if not needle:
            self.count_label.clear()
            self._show_no_matches(False)
            return
        total = self.match_count()
        current = self.current_index()
        shown_total = f"{total}+" if self._truncated else str(total)
        if total == 0:
            text = self.tr("No matches")
        elif current >= 0:
            text = self.tr("{current} of {total}").format(current=current + 1, total=shown_total)
        elif total == 1:
            text = self.tr("1 match")
        else:
            text = self.tr("{total} matches").format(total=shown_total)
        self.count_label.setText(text)
        self._show_no_matches(total == 0)

    def _show_no_matches(self, on: bool) -> None:
        label_palette = self.palette()
        field_palette = QPalette(self._normal_palette)
        if on:
            base = self._normal_palette.color(QPalette.ColorRole.Base)
            red = QColor("#ff8080")
            # A light red tint of the field's own background keeps dark themes dark.
            tint = mix(base, red, 0.25)
            field_palette.setColor(QPalette.ColorRole.Base, tint)
            label_palette.setColor(QPalette.ColorRole.WindowText, QColor("#e06060"))
        self.find_edit.setPalette(field_palette)
        self.count_label.setPalette(label_palette)
