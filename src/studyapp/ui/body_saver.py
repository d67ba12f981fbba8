"""Saving the open note's text with what it was based on, and showing another writer's change.

Every save of the body carries the version and the text it was based on (the last loaded
or saved), so a save after another writer's (an import, a second window, the command line)
is merged by core instead of overwriting it. A merged text comes back into the editor as
edits of the lines the other writer changed only: the cursor, the selection, the focus and
an unfinished input-method composition stay where the user is typing.

On a server: a save that fails is kept in the spool file too; one that fails because the
server cannot be reached says so (``unreachable``), and until the server is back
(``offline``, kept by ``ui/server_trouble.py``) saves go to the spool file only, never to
the network, so typing never waits for a server that does not answer.
"""

from __future__ import annotations

import difflib

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QInputMethodEvent, QTextCursor, QTextDocument

from studyapp.core import spool
from studyapp.core.connection import lost_server
from studyapp.core.errors import DatabaseError, StudyappError
from studyapp.core.services.body_writes import CONFLICT, SavedBody
from studyapp.core.services.sessions import SessionService
from studyapp.ui.editor import MarkdownEditor


class BodySaver(QObject):
    # The user's text was kept over another writer's overlapping change: session id, the
    # other writer's text (kept in the history), the user's.
    conflicted = Signal(int, str, str)
    # A save found the server out of reach: the driver's words.
    unreachable = Signal(str)

    def __init__(self, sessions: SessionService, editor: MarkdownEditor) -> None:
        super().__init__(editor)
        self._sessions = sessions
        self._editor = editor
        self._bases: dict[int, tuple[int, str]] = {}  # session id -> (version, text)
        self.applying = False  # the editor's text is being changed by a merge, not typed
        # A server's address: a save that fails is kept in the spool file too (core/spool.py)
        self.spool_url: str | None = None
        # The server is known to be away: saves are spooled without trying it.
        self.offline = False
        self._spooled: dict[int, str] = {}  # session id -> the text last spooled

    def set_offline(self, offline: bool) -> None:
        """The server is away (True) or back: while away, saves go to the spool file only."""
        self.offline = offline
        self._spooled.clear()  # the spool file may have been replayed meanwhile

    def based_on(self, session_id: int) -> tuple[int, str] | None:
        """The version and text the session's typing is based on (last loaded or saved)."""
        return self._bases.get(session_id)

    def loaded(self, session_id: int, version: int, body: str, *, pending: bool) -> None:
        """The editor shows ``body`` at ``version``; with text ``pending`` (not saved yet),
        that text stays based on what it was typed over."""
        if not pending or session_id not in self._bases:
            self._bases[session_id] = (version, body)

    def save(self, session_id: int, text: str, *, shown: bool) -> SavedBody:
        """Save ``text``; when it was merged with another writer's change and the session
        is ``shown``, the editor gets the merged text."""
        base = self._bases.get(session_id)
        if self.offline and self.spool_url is not None:
            self._spool(session_id, base, text)
            raise server_away()
        try:
            saved = self._sessions.save_body(
                session_id,
                text,
                expected_version=base[0] if base else None,
                base_text=base[1] if base else None,
            )
        except StudyappError as error:
            if self.spool_url is not None:  # closing the window now loses nothing
                self._spool(session_id, base, text)
                reason = lost_server(error)
                if reason is not None:
                    self.unreachable.emit(reason)
            raise
        if self.spool_url is not None:
            self._spooled.pop(session_id, None)
            spool.saved(self.spool_url, session_id)
        self._bases[session_id] = (saved.version, saved.text)
        if shown and saved.text != text and self._editor.toPlainText() == text:
            self.applying = True
            try:
                apply_changed_lines(self._editor, saved.text)
            finally:
                self.applying = False
        if saved.outcome == CONFLICT and saved.theirs is not None:
            self.conflicted.emit(session_id, saved.theirs, saved.text)
        return saved

    def _spool(self, session_id: int, base: tuple[int, str] | None, text: str) -> None:
        if self.spool_url is None or self._spooled.get(session_id) == text:
            return  # the retry of a text kept already
        entry = spool.Spooled(
            self.spool_url,
            session_id,
            base[0] if base else None,
            base[1] if base else None,
            text,
        )
        spool.keep(entry)
        self._spooled[session_id] = text


def server_away() -> DatabaseError:
    """Why a write waits while the server is away (the banner says which and since when)."""
    return DatabaseError(
        "The server cannot be reached; the text is kept on this computer and saved when it is back."
    )


def apply_changed_lines(editor: MarkdownEditor, new_text: str) -> None:
    """Make the editor's text ``new_text`` by replacing only the lines that differ, as one
    undo step; Qt moves the user's cursor with the text around it."""
    document = editor.document()
    old_lines = editor.toPlainText().split("\n")
    new_lines = new_text.split("\n")
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not changes:
        return
    preedit = editor.preedit_text()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    # From the bottom up, so the line numbers of the changes still to make hold. Each edit
    # stays inside the lines it changes (a line break is taken from before them, not after):
    # an edit reaching into the cursor's line would reset a composition shown there.
    for _tag, i1, i2, j1, j2 in reversed(changes):
        lines = new_lines[j1:j2]
        if i1 == i2:  # new lines before line i1
            if i1 > 0:
                _select(cursor, _line_end(document, i1 - 1))
                cursor.insertText("".join(f"\n{line}" for line in lines))
            else:
                _select(cursor, 0)
                cursor.insertText("".join(f"{line}\n" for line in lines))
        elif lines:  # lines i1..i2 rewritten
            _select(cursor, document.findBlockByNumber(i1).position(), _line_end(document, i2 - 1))
            cursor.insertText("\n".join(lines))
        elif i1 > 0:  # lines i1..i2 gone, with the break before them
            _select(cursor, _line_end(document, i1 - 1), _line_end(document, i2 - 1))
            cursor.insertText("")
        else:  # the first lines gone, with the break after them
            end = document.findBlockByNumber(i2).position() if i2 < len(old_lines) else None
            _select(cursor, 0, end if end is not None else _line_end(document, i2 - 1))
            cursor.insertText("")
    cursor.endEditBlock()
    shown = editor.textCursor().block().layout()
    if preedit and shown is not None and shown.preeditAreaText() != preedit:
        # The composition's line was rewritten after all: show it again where it was.
        QCoreApplication.sendEvent(editor, QInputMethodEvent(preedit, []))


def _line_end(document: QTextDocument, line: int) -> int:
    block = document.findBlockByNumber(line)
    return block.position() + block.length() - 1


def _select(cursor: QTextCursor, start: int, end: int | None = None) -> None:
    cursor.setPosition(start)
    if end is not None:
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
