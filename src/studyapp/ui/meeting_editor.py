"""The open meeting's document: its editor, the outline beside it and the talk stopwatch.

Owns what follows the text as it is typed: the outline (refreshed after a pause, at once
after a panel's edit), the talk at the cursor and its stopwatch, jumps and talk moves. The
window keeps the duty of saving the text; this widget reads and edits it only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from studyapp.core.document import edits
from studyapp.core.document.outline import Outline, derive
from studyapp.core.dto import PresentationInfo, SessionDetail
from studyapp.core.errors import StudyappError
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.body_bridge import BodyBridge
from studyapp.ui.editor import MarkdownEditor, MarkdownEditorPane
from studyapp.ui.errors_shown import describe
from studyapp.ui.outline_panel import OutlinePanel
from studyapp.ui.slot_timer import SlotTimer

OUTLINE_DELAY_MS = 2000  # after the save's own (SaveQueue's ~0.8 s)


class MeetingEditor(QWidget):
    """The stopwatch row above the body editor; the outline panel is placed by the window."""

    def __init__(
        self,
        sessions: SessionService,
        talks: PresentationService,
        session_id: Callable[[], int | None],
        flush: Callable[[], bool],
        report: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._talk_service = talks
        self._session_id = session_id
        self._flush = flush
        self._report = report
        self.body_pane = MarkdownEditorPane(self)
        self.body_editor: MarkdownEditor = self.body_pane.editor
        self.body_editor.setObjectName("bodyEditor")
        self.body_editor.setPlaceholderText(
            self.tr(
                "The meeting's minutes in Markdown: a heading per talk "
                "(## Alice: Paper title (Venue 2025)), notes under it, "
                "- [ ] to-dos where they come up"
            )
        )
        self.bridge = BodyBridge(self.body_editor, sessions, session_id, flush)
        self.bridge.applied = self.structure_edited
        self.outline = OutlinePanel(
            self.bridge,
            lambda presenter, paper, number, level: talks.heading_for(
                presenter, paper, number, level=level
            ),
        )
        self.outline.failed.connect(report)
        self.slot_timer = SlotTimer(self._write_timing, self)
        self.talk_label = QLabel(objectName="currentTalkLabel")
        self.talks: list[PresentationInfo] = []
        self._writing_timing = False  # the stopwatch's line is being written

        timer_row = QHBoxLayout()
        timer_row.setContentsMargins(0, 0, 0, 0)
        timer_row.addWidget(self.talk_label, 1)
        timer_row.addWidget(self.slot_timer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(timer_row)
        layout.addWidget(self.body_pane, 1)

        # Typing shows in the outline with the save that follows the pause (the save derives
        # it anyway); this timer covers a text that is not saved (a database that refuses).
        self._outline_timer = QTimer(self, singleShot=True, interval=OUTLINE_DELAY_MS)
        self._outline_timer.timeout.connect(self.refresh_outline)
        self.body_editor.textChanged.connect(self._outline_timer.start)
        self.outline.jumpRequested.connect(self.jump_to_line)
        self.body_editor.cursorPositionChanged.connect(self._cursor_moved)
        self.slot_timer.failed.connect(report)
        for keys, delta in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.body_editor)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda delta=delta: self.move_talk_at_cursor(delta))

    def load(self, detail: SessionDetail | None, text: str | None = None) -> None:
        """Show ``detail``'s body (or ``text``, a version not yet saved) without it counting
        as typing."""
        self.slot_timer.stop()  # a running stopwatch writes its talk's time first
        self.body_editor.blockSignals(True)
        try:
            body = "" if detail is None else detail.body
            self.body_editor.load_text(text if text is not None else body)
        finally:
            self.body_editor.blockSignals(False)
        self.body_editor.setEnabled(detail is not None)
        self.body_editor.document().setModified(False)
        self.talks = list(detail.presentations) if detail else []
        if detail is None:
            self.outline.show_outline(Outline(), enabled=False)
        else:
            # The talks the rows stand for are known by heading, so this reads the text as
            # the last save did, without asking the database again on every switch.
            headings = [talk.heading_raw for talk in self.talks if talk.heading_raw]
            people = [talk.presenter for talk in self.talks if talk.presenter]
            self.outline.show_outline(derive(self.body_editor.toPlainText(), people, headings))
        self._cursor_moved()

    def saved(self, session_id: int, text: str, outline: Outline, *, rows_changed: bool) -> None:
        """The open session's ``text`` was saved: its outline is the one the save derived
        (not derived again), its talks the rows of what was saved."""
        if rows_changed:
            self.talks = self._talk_service.list_for_session(session_id)
        if text == self.body_editor.toPlainText():
            self._outline_timer.stop()
            self.outline.show_outline(outline)
            self._cursor_moved()

    # -- the outline ---------------------------------------------------------------------------

    def refresh_outline(self) -> None:
        """The outline of the text as it is in the editor now."""
        if self.bridge.offline:
            return  # the server is away: the outline shown stays until it is back
        outline: Outline | None = None
        if self._session_id() is not None:
            try:
                outline = self.bridge.outline()
            except StudyappError as error:
                self._report(describe(error))
        self.outline.show_outline(outline or Outline(), enabled=outline is not None)
        self._cursor_moved()

    def structure_edited(self) -> None:
        """A panel's edit (or Alt+Up/Down) changed the text: the outline follows now, not
        after the typing pause, so the next edit counts talks and lines of this text."""
        self._outline_timer.stop()
        self.refresh_outline()

    def _cursor_moved(self) -> None:
        line = self.body_editor.textCursor().blockNumber()
        self.outline.follow(line)
        if self.slot_timer.is_running() or self._writing_timing:
            return  # the running talk keeps its stopwatch while notes are taken elsewhere
        ordinal = self.outline.outline.talk_at(line)
        talk = None
        if ordinal is not None and ordinal < len(self.talks):
            talk = self.talks[ordinal]
        if (talk.id if talk else None) != self.slot_timer.slot_id():
            self.slot_timer.set_slot(talk)
        if talk is not None and ordinal is not None:
            heading = self.outline.outline.talks[ordinal].heading
            self.talk_label.setText(heading.lstrip("#").strip())
        else:
            self.talk_label.setText(self.tr("No talk at the cursor"))

    def jump_to_line(self, line: int) -> None:
        block = self.body_editor.document().findBlockByNumber(line)
        if not block.isValid():
            return
        cursor = self.body_editor.textCursor()
        cursor.setPosition(block.position())
        self.body_editor.setTextCursor(cursor)
        self.body_editor.centerCursor()
        self.body_editor.setFocus()

    def move_talk_at_cursor(self, delta: int) -> None:
        """Alt+Up / Alt+Down in the editor: the talk around the cursor moves, whole."""
        line = self.body_editor.textCursor().blockNumber()

        def move(body: str, outline: Outline) -> edits.LineEdit | None:
            # The talk at the cursor in the text as it is now (the outline shown may be
            # a pause behind the last edit).
            ordinal = outline.talk_at(line)
            return None if ordinal is None else edits.move_talk(body, outline, ordinal, delta)

        self.bridge.apply(move)

    # -- the stopwatch -------------------------------------------------------------------------

    def _write_timing(self, talk_id: int, seconds: int | None, timebox: int) -> None:
        """The stopwatch's result as the talk's ``⏱ used / box`` line under its heading."""
        session_id = self._session_id()
        if session_id is None:
            return
        self._flush()
        ids = [talk.id for talk in self._talk_service.list_for_session(session_id)]
        if talk_id not in ids:
            return
        ordinal = ids.index(talk_id)

        def timing(_body: str, outline: Outline) -> edits.LineEdit | None:
            if ordinal >= len(outline.talks):
                return None
            return edits.set_timing(outline, ordinal, seconds, timebox)

        # The write moves the editor's cursor; the stopwatch must not be switched to the
        # cursor's talk (and asked to save) in the middle of its own save.
        self._writing_timing = True
        try:
            self.bridge.apply(timing, show=False)
        finally:
            self._writing_timing = False
