"""Plain-text Markdown editor for live meeting notes."""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import (
    QEvent,
    QKeyCombination,
    QMimeData,
    QObject,
    Qt,
    QTime,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QVBoxLayout, QWidget

from studyapp.ui.editor.find_bar import FindBar
from studyapp.ui.editor.highlighter import MarkdownHighlighter
from studyapp.ui.editor.list_editing import TAB_WIDTH
from studyapp.ui.editor.list_keys import continue_list, shift_lines, tab

# Above this many characters stats wait for a pause in typing instead of every key.
LARGE_DOCUMENT_CHARS = 100_000
STATS_DELAY_MS = 300
INSERT_TIME_SHORTCUT = "Ctrl+Shift+T"

# \w is Unicode-aware, so a run of Hangul syllables is one word just like a Latin word;
# apostrophes, dots and hyphens inside a token ("don't", "e.g", "2025-03-17") keep it whole.
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
_TASK_BOX = re.compile(r"\[[ xX]\]")


def count_stats(text: str) -> tuple[int, int]:
    """``(words, characters)`` of ``text``; characters leave out line breaks."""
    words = sum(1 for _ in _WORD.finditer(_TASK_BOX.sub(" ", text)))
    characters = len(text) - text.count("\n") - text.count("\r")
    return words, characters


def default_editor_font() -> QFont:
    """The system fixed-pitch font at the application's point size."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    size = QApplication.font().pointSizeF()
    if size > 0:
        font.setPointSizeF(size)
    return font


IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")


def has_image(source: QMimeData) -> bool:
    """A pasted screenshot, or dropped image files."""
    return source.hasImage() or any(
        url.isLocalFile() and url.toLocalFile().lower().endswith(IMAGE_SUFFIXES)
        for url in source.urls()
    )


class MarkdownEditor(QPlainTextEdit):
    """Markdown editing: highlighting, list continuation, indentation, find, stats, IME."""

    statsChanged = Signal(int, int)
    # Editors holding an unfinished composition: a save commits just these, instead of
    # searching every widget of the window on each session switch.
    composing: ClassVar[weakref.WeakSet[MarkdownEditor]] = weakref.WeakSet()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markdownEditor")
        self.setTabChangesFocus(False)
        self._preedit = ""
        # Turns a pasted or dropped image into the Markdown that links it (or None).
        self.image_handler: Callable[[QMimeData], str | None] | None = None
        self._find_bar: FindBar | None = None
        self._stats = (0, 0)
        self._stats_timer = QTimer(self, singleShot=True, interval=STATS_DELAY_MS)
        self._stats_timer.timeout.connect(self._update_stats)
        self._highlighter = MarkdownHighlighter(self.document(), self.palette())
        # Scrolled or jumped before the rest of a loaded text was highlighted: do it now.
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.set_editor_font(default_editor_font())
        self.textChanged.connect(self._text_changed)

    # --- images -----------------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if self.image_handler is not None and has_image(source):
            return True
        return super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self.image_handler is not None and has_image(source):
            markdown = self.image_handler(source)
            if markdown:
                self.textCursor().insertText(markdown)
            return
        super().insertFromMimeData(source)

    # --- public API -------------------------------------------------------------------

    def highlighter(self) -> MarkdownHighlighter:
        return self._highlighter

    def load_text(self, text: str) -> None:
        """``setPlainText``, with only the lines the screen can show highlighted before
        the next paint; the rest just after (a hidden editor: all of it at once)."""
        eager = None
        if self.isVisible():
            lines = self.viewport().height() // max(1, self.fontMetrics().lineSpacing())
            eager = lines + 2  # a block is at least a line: more than the screen holds
        self._highlighter.load_lazily(lambda: self.setPlainText(text), eager)

    def _scrolled(self, _value: int) -> None:
        if self._highlighter.pending():
            self._highlighter.finish()

    def set_editor_font(self, font: QFont) -> None:
        """Use ``font`` for the text; tab stops stay four spaces wide."""
        self.setFont(font)
        self.document().setDefaultFont(font)
        self.setTabStopDistance(QFontMetricsF(font).horizontalAdvance(" ") * TAB_WIDTH)

    def set_find_bar(self, bar: FindBar | None) -> None:
        """The bar Ctrl+F / Ctrl+H / F3 / Esc drive while the editor has focus."""
        self._find_bar = bar

    def find_bar(self) -> FindBar | None:
        return self._find_bar

    def stats(self) -> tuple[int, int]:
        """``(words, characters)`` of the current text, computed now if a count is pending."""
        if self._stats_timer.isActive():
            self._stats_timer.stop()
            self._update_stats()
        return self._stats

    def insert_current_time(self, time: QTime | None = None) -> None:
        """Insert ``HH:MM`` (now, unless ``time`` is given) at the cursor."""
        moment = time if time is not None else QTime.currentTime()
        self.textCursor().insertText(moment.toString("HH:mm"))
        self.ensureCursorVisible()

    def make_insert_time_action(self, parent: QObject) -> QAction:
        """An action for menus and toolbars that inserts the current time (Ctrl+Shift+T)."""
        action = QAction(self.tr("Insert Current Time"), parent)
        action.setShortcut(QKeySequence(INSERT_TIME_SHORTCUT))
        action.setShortcutVisibleInContextMenu(True)
        action.setStatusTip(self.tr("Insert the current time as HH:MM at the cursor"))
        action.triggered.connect(self._insert_time_now)
        return action

    def commit_preedit(self) -> None:
        """Commit an unfinished input-method composition into the document.

        Call before reading the text for a save so a Korean syllable still being
        composed is not lost.
        """
        if not self._preedit:
            return
        focused = self.hasFocus()
        if focused:
            # The platform input method may commit synchronously, which clears _preedit.
            QGuiApplication.inputMethod().commit()
        if self._preedit:
            commit = QInputMethodEvent("", [])
            commit.setCommitString(self._preedit)
            self.inputMethodEvent(commit)
            if focused:
                # Drop the input method's copy so it cannot commit the syllable again.
                QGuiApplication.inputMethod().reset()

    def toPlainTextCommitted(self) -> str:
        """``toPlainText()`` after committing any pending input-method composition."""
        self.commit_preedit()
        return self.toPlainText()

    def preedit_text(self) -> str:
        return self._preedit

    # --- Qt overrides -------------------------------------------------------------------

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self._preedit = event.preeditString()
        if self._preedit:
            MarkdownEditor.composing.add(self)
        else:
            MarkdownEditor.composing.discard(self)
        super().inputMethodEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            # New colours re-format every line, which QPlainTextEdit reports as textChanged:
            # not an edit, so not a save. The layout follows the document, not this signal.
            blocked = self.blockSignals(True)
            try:
                self._highlighter.set_palette_colors(self.palette())
            finally:
                self.blockSignals(blocked)
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            # Claim our keys before a window-wide shortcut with the same keys fires.
            if self._find_key(event) is not None:
                event.accept()
                return True
        elif event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            # Tab and Shift+Tab indent here; they must never move focus to another widget.
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            ):
                self.keyPressEvent(event)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._run_find_key(event):
            return
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift = modifiers == Qt.KeyboardModifier.ShiftModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if shift:
                # Qt would insert U+2028; notes want a real line break.
                self.textCursor().insertText("\n")
                self.ensureCursorVisible()
                return
            if modifiers == Qt.KeyboardModifier.NoModifier and continue_list(self):
                return
        elif key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
            tab(self)
            return
        elif key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and shift):
            shift_lines(self, indent=False)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        menu.addAction(self.make_insert_time_action(menu))
        if self._find_bar is not None:
            find = menu.addAction(self.tr("Find…"), self._find_bar.open_find)
            find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
            replace = menu.addAction(self.tr("Replace…"), self._find_bar.open_replace)
            replace.setShortcut(QKeySequence("Ctrl+H"))
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- find keys -------------------------------------------------------------------

    def _find_key(self, event: QKeyEvent) -> str | None:
        bar = self._find_bar
        if bar is None:
            return None
        combo = event.keyCombination()
        ctrl = Qt.KeyboardModifier.ControlModifier
        if event.matches(QKeySequence.StandardKey.Find):
            return "find"
        if event.matches(QKeySequence.StandardKey.Replace) or combo in (
            QKeyCombination(ctrl, Qt.Key.Key_H),
            QKeyCombination(ctrl, Qt.Key.Key_R),
        ):
            return "replace"
        if event.matches(QKeySequence.StandardKey.FindNext):
            return "next"
        if event.matches(QKeySequence.StandardKey.FindPrevious):
            return "previous"
        if event.key() == Qt.Key.Key_Escape and bar.isVisible():
            return "close"
        return None

    def _run_find_key(self, event: QKeyEvent) -> bool:
        action = self._find_key(event)
        bar = self._find_bar
        if action is None or bar is None:
            return False
        if action == "find":
            bar.open_find()
        elif action == "replace":
            bar.open_replace()
        elif action == "close":
            bar.close_bar()
        elif not bar.find_edit.text():
            bar.open_find()
        elif action == "next":
            bar.find_next()
        else:
            bar.find_previous()
        return True

    # --- stats --------------------------------------------------------------------------

    def _text_changed(self) -> None:
        if self.document().characterCount() > LARGE_DOCUMENT_CHARS:
            self._stats_timer.start()
        else:
            self._stats_timer.stop()
            self._update_stats()

    def _update_stats(self) -> None:
        self._stats = count_stats(self.toPlainText())
        self.statsChanged.emit(*self._stats)

    @Slot()
    def _insert_time_now(self) -> None:
        self.insert_current_time()


class MarkdownEditorPane(QWidget):
    """A ``MarkdownEditor`` with its ``FindBar`` below it, ready to place in a layout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markdownEditorPane")
        self.editor = MarkdownEditor(self)
        self.find_bar = FindBar(self.editor, self)
        self.editor.set_find_bar(self.find_bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.editor)
        layout.addWidget(self.find_bar)
