"""Structure edits made in panels, applied to the body editor as one undoable step.

The editor holds the truth while a session is open: a to-do ticked or a talk moved in a
panel becomes a change of the editor's text (Ctrl+Z undoes it like typing), which is then
saved at once, so the rows the panels show follow from the text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCursor

from studyapp.core.document.edits import LineEdit
from studyapp.core.document.outline import Outline
from studyapp.core.services.sessions import SessionService
from studyapp.ui.body_saver import server_away
from studyapp.ui.editor import MarkdownEditor

MakeEdit = Callable[[str, Outline], LineEdit | None]


class BodyBridge:
    def __init__(
        self,
        editor: MarkdownEditor,
        sessions: SessionService,
        session_id: Callable[[], int | None],
        flush: Callable[[], bool],
    ) -> None:
        self.editor = editor
        self._sessions = sessions
        self._session_id = session_id
        self._flush = flush
        # Called after an edit was applied and saved (the window shows the new outline at
        # once: a second Alt+Down before its pause must not count talks of the old text).
        self.applied: Callable[[], None] | None = None
        # The server is away (ui/server_trouble.py): an edit that needs the outline it
        # derives fails at once rather than waiting for a connection to time out.
        self.offline = False

    @property
    def session_id(self) -> int | None:
        return self._session_id()

    def save(self) -> bool:
        """Save what is typed (the rows then say what the editor's text says)."""
        return self._flush()

    def outline(self) -> Outline | None:
        session_id = self._session_id()
        if session_id is None:
            return None
        if self.offline:
            raise server_away()
        return self._sessions.outline(session_id, self.editor.toPlainText())

    def apply(self, make_edit: MakeEdit, *, show: bool = True) -> LineEdit | None:
        """Save what is typed, make the edit of the editor's text, apply it, save again."""
        if self._session_id() is None or self.editor.isReadOnly():
            return None
        self.save()  # rows and text agree before an edit counts lines
        outline = self.outline()
        if outline is None:
            return None
        edit = make_edit(self.editor.toPlainText(), outline)
        if edit is None:
            return None
        replace_lines(self.editor, edit, show=show)
        self.save()
        if self.applied is not None:
            self.applied()
        return edit


def replace_lines(editor: MarkdownEditor, edit: LineEdit, *, show: bool = True) -> None:
    """Lines ``edit.start`` to ``edit.end`` of the editor replaced, as one undo step;
    ``show`` puts the cursor on the edit's focus line (a timer's write leaves it be)."""
    document = editor.document()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    count = document.blockCount()
    if edit.start < count and edit.start > 0 and not edit.lines and edit.end >= count:
        # The last lines go with the line break before them.
        before = document.findBlockByNumber(edit.start - 1)
        cursor.setPosition(before.position() + before.length() - 1)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        text = ""
    elif edit.start < count:
        cursor.setPosition(document.findBlockByNumber(edit.start).position())
        if edit.end > edit.start:
            last = document.findBlockByNumber(min(edit.end, count) - 1)
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            if edit.end < count:  # take the line break after the last line too
                cursor.movePosition(
                    QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor
                )
            text = "\n".join(edit.lines) + ("\n" if edit.lines and edit.end < count else "")
        else:
            text = "".join(f"{line}\n" for line in edit.lines)
    else:  # past the end: new lines after the last one
        cursor.movePosition(QTextCursor.MoveOperation.End)
        text = "".join(f"\n{line}" for line in edit.lines)
    cursor.insertText(text)
    cursor.endEditBlock()
    if show and edit.focus is not None:
        block = document.findBlockByNumber(min(edit.focus, document.blockCount() - 1))
        shown = QTextCursor(block)
        editor.setTextCursor(shown)
        editor.centerCursor()
