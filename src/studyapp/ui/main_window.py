"""The main window: the meeting's document in the middle, sessions, outline and to-dos beside.

Saving is the window's first duty: every edit goes through one ``SaveQueue``; the queue is
flushed (after committing any half-typed Hangul syllable) before a session switch, when focus
leaves an editor, before export and when the window closes. Nothing asks "save?".
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.actor import Actor
from studyapp.core.db import Database
from studyapp.core.dto import SessionDetail
from studyapp.core.errors import StudyappError
from studyapp.core.services.attachments import AttachmentService
from studyapp.core.services.history import HistoryService
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService
from studyapp.core.services.trash import TrashService
from studyapp.ui.backup_timer import BackupScheduler
from studyapp.ui.body_saver import BodySaver
from studyapp.ui.checklist_panel import ChecklistPanel
from studyapp.ui.conflict_notice import ConflictNotice
from studyapp.ui.editor import MarkdownEditor, count_stats
from studyapp.ui.editor_checklist import EditorChecklist
from studyapp.ui.errors_shown import describe
from studyapp.ui.first_paint import AfterFirstPaint
from studyapp.ui.images import store_images
from studyapp.ui.live_updates import LiveUpdates
from studyapp.ui.main_actions import MainActions
from studyapp.ui.meeting_editor import MeetingEditor
from studyapp.ui.papers.assignments_view import AssignmentsView
from studyapp.ui.papers.papers_view import PapersView
from studyapp.ui.preview import PreviewBrowser
from studyapp.ui.save_queue import SaveQueue
from studyapp.ui.save_status import SaveStatus
from studyapp.ui.server_trouble import ServerTrouble
from studyapp.ui.session_header import SessionHeader
from studyapp.ui.sidebar import SessionSidebar
from studyapp.ui.window_preview import PreviewDuty

TRASH_DELAY_MS = 3000


class MainWindow(QMainWindow):
    """Owns its database and disposes of it when closed."""

    sessionLoaded = Signal(object)  # the id now shown, or None

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, actor: Actor | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("studyapp")
        self.setAcceptDrops(True)
        self.resize(1400, 860)
        self.database = database
        self.actor = actor  # who is typing: revisions, ticks and talks are recorded as theirs
        self.sessions = SessionService(database, actor)
        self.save_queue = SaveQueue(self)
        self.session_id: int | None = None
        self._notes_typed = False  # typed into since the notes were loaded
        self._closing = False
        self._closed = False
        self.successor: QMainWindow | None = None  # the window of a database opened instead

        self.sidebar = SessionSidebar(self.sessions, self)
        self.header = SessionHeader(database, self.save_queue, self)
        self.talks = PresentationService(database, actor)
        self.meeting = MeetingEditor(
            self.sessions,
            self.talks,
            lambda: self.session_id,
            self.flush,
            lambda message: self.statusBar().showMessage(message, 8000),
            self,
        )
        # The parts other views and the tests reach for, by their own names.
        self.body_editor: MarkdownEditor = self.meeting.body_editor
        self.bridge = self.meeting.bridge
        self.outline = self.meeting.outline
        self.slot_timer = self.meeting.slot_timer
        # Saves carry what they were based on; another writer's change is merged or kept.
        self.body_saver = BodySaver(self.sessions, self.body_editor)
        self.conflict_notice = ConflictNotice(self)
        self.body_saver.conflicted.connect(self.conflict_notice.show_conflict)
        self.todos = EditorChecklist(database, self.bridge, actor)
        self.checklist = ChecklistPanel(database, self.save_queue, self, service=self.todos)
        self.preview = PreviewBrowser(self)
        self.images = AttachmentService(database)

        self.save_status = SaveStatus(self.save_queue, self.statusBar())
        self.banner = self.save_status.banner
        self.save_label = self.save_status.save_label

        session_page = QWidget()
        session_layout = QVBoxLayout(session_page)
        session_layout.setContentsMargins(2, 2, 2, 2)
        session_layout.setSpacing(3)
        session_layout.addWidget(self.header)
        session_layout.addWidget(self.conflict_notice)
        session_layout.addWidget(self.meeting, 1)

        self.papers_view = PapersView(database, self)
        self.assignments_view = AssignmentsView(database, parent=self)
        self.tabs = QTabWidget(objectName="centerTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(session_page, self.tr("Session"))
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.addTab(self.papers_view, self.tr("Papers"))
        self.tabs.addTab(self.assignments_view, self.tr("Assignments"))

        # Sessions, the open meeting's outline and its to-dos share one column, so the
        # document gets the width (a code editor's explorer and outline, stacked).
        self.side_column = QSplitter(Qt.Orientation.Vertical, objectName="sideColumn")
        self.side_column.addWidget(self.sidebar)
        self.side_column.addWidget(self.outline)
        self.side_column.addWidget(self.checklist)
        self.side_column.setSizes([300, 230, 270])
        self.main_split = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.main_split.addWidget(self.side_column)
        self.main_split.addWidget(self.tabs)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([330, 1070])

        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(4, 4, 4, 4)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.main_split, 1)
        self.setCentralWidget(central)

        self.backups = BackupScheduler(database, self)
        self.backups.failed.connect(
            lambda message: self.statusBar().showMessage(
                self.tr("Backup failed: {message}").format(message=message), 15000
            )
        )
        # Work the first picture does not need waits until the window has painted.
        self.after_first_paint = AfterFirstPaint(self)
        self.after_first_paint.add(self.backups.start)
        # What was trashed over 30 days ago goes once the window is up, not before it shows.
        QTimer.singleShot(TRASH_DELAY_MS, self, self._empty_old_trash)

        self.preview_duty = PreviewDuty(
            self.preview, self.tabs, self.sessions, self.images, lambda: self.session_id, self.flush
        )
        self.actions_ = MainActions(self)

        self.sidebar.sessionSelected.connect(self.open_session)
        self.sidebar.demoRequested.connect(self.actions_.sessions.load_demo)
        self.header.summaryChanged.connect(self.sidebar.refresh_row)
        self.header.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        for source in (self.header.changed, self.checklist.changed):
            source.connect(self._schedule_preview)
        # A paper or an assignment changed elsewhere: the other views read it afresh.
        self.papers_view.changed.connect(self.assignments_view.reload)
        self.assignments_view.changed.connect(self.papers_view.reload)
        self.body_editor.textChanged.connect(self._body_edited)
        self.tabs.currentChanged.connect(lambda _index: self.refresh_preview())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

        for editor in self.findChildren(MarkdownEditor):
            editor.image_handler = self._store_image
            editor.statsChanged.connect(self._stats_of_focused)
        # On a server: the typing spooled while it was down is saved first; then live.
        self.server_trouble = ServerTrouble(self)
        self.server_trouble.replay()
        self.live = LiveUpdates(self)
        current = self.sidebar.current_session_id()
        if current is not None:
            self.open_session(current)

    # -- sessions --------------------------------------------------------------------------

    def flush(self) -> bool:
        """Commit half-typed syllables in every editor, then save everything pending."""
        for editor in list(MarkdownEditor.composing):
            if editor.window() is self:
                editor.commit_preedit()
        return self.save_queue.flush()

    def open_session(self, session_id: int | None) -> None:
        if session_id == self.session_id and session_id is not None:
            return
        self.flush()  # a failed save stays queued with its text; switching is still safe
        if self.session_id is not None and self._notes_typed:
            try:  # the body of the session being left, as it is now
                HistoryService(self.database, self.actor).record(
                    self.session_id, "body", self.body_editor.toPlainText(), reason="switch"
                )
            except StudyappError as error:
                self.statusBar().showMessage(describe(error), 8000)
        detail: SessionDetail | None = None
        if session_id is not None:
            try:
                detail = self.sessions.get(session_id)
            except StudyappError as error:
                self.statusBar().showMessage(describe(error), 8000)
        self.session_id = detail.id if detail else None
        if self.conflict_notice.session_id != self.session_id:
            self.conflict_notice.dismiss()
        self.header.load(detail)
        # The detail already holds the to-dos; the panel need not read them again.
        self.checklist.load_session(self.session_id, detail.checklist if detail else None)
        self._load_body(detail)
        self.preview_duty.opened(detail)  # else rendered when its tab is shown
        self.sessionLoaded.emit(self.session_id)

    def select_session(self, session_id: int) -> None:
        """Show ``session_id`` in the list and open it."""
        if not self.sidebar.select_session(session_id):
            self.open_session(session_id)

    def _load_body(self, detail: SessionDetail | None) -> None:
        self._notes_typed = False
        pending = None if detail is None else self.save_queue.pending_value(("body", detail.id))
        self.meeting.load(detail, pending if isinstance(pending, str) else None)
        if detail is not None:
            self.body_saver.loaded(
                detail.id, detail.version, detail.body, pending=isinstance(pending, str)
            )
        self.save_status.show_stats(*count_stats(self.body_editor.toPlainText()))

    def _body_edited(self) -> None:
        session_id = self.session_id
        if session_id is None or self.body_saver.applying:
            return  # another writer's lines merged in are saved already, not typed
        self._notes_typed = True  # worth a revision when the session is left
        self.save_queue.mark(
            ("body", session_id),
            self.body_editor.toPlainText,
            lambda text: self._save_body(session_id, text),
        )

    def _save_body(self, session_id: int, text: str) -> None:
        shown = session_id == self.session_id
        saved = self.body_saver.save(session_id, text, shown=shown)
        if shown and saved.outline is not None:
            self.meeting.saved(
                session_id, saved.text, saved.outline, rows_changed=saved.rows_changed
            )
            if saved.rows_changed:  # the to-dos and talks are rows derived from the text
                self.checklist.model.reload()
                self.assignments_view.reload()
        self._schedule_preview()

    def set_actor(self, actor: Actor | None) -> None:
        """Write as ``actor`` from now on (the name was changed in the settings)."""
        self.actor = actor
        for service in (self.sessions, self.talks, self.todos):
            service.actor = actor

    def open_database_window(self, database: Database) -> MainWindow:
        return MainWindow(database, actor=self.actor)

    def set_focus_mode(self, on: bool) -> None:
        """F11: the editor and the current talk's timer only."""
        for widget in (self.side_column, self.header, self.tabs.tabBar(), self.menuBar()):
            widget.setVisible(not on)
        if on:
            self.tabs.setCurrentIndex(0)
            self.body_editor.setFocus()

    def focus_mode(self) -> bool:
        return not self.side_column.isVisible()

    def set_read_only(self, reason: str) -> None:
        """A database that cannot be written: show why, and let nothing be typed that
        could not be saved."""
        self.banner.setText(reason)
        self.banner.show()
        for editor in self.findChildren(MarkdownEditor):
            editor.setReadOnly(True)
        for widget in (self.header, self.outline, self.checklist, self.slot_timer):
            widget.setEnabled(False)
        for action in (self.actions_.new_action, self.actions_.import_action):
            action.setEnabled(False)

    def _empty_old_trash(self) -> None:
        if self.database.read_only is not None:
            return  # nothing can be removed; the banner says why
        try:
            TrashService(self.database).empty()
        except StudyappError as error:
            self.statusBar().showMessage(describe(error), 8000)

    def reload_sessions(self, select: int | None = None) -> None:
        self.flush()
        self.sidebar.reload(keep=select if select is not None else self.session_id)

    # -- images ----------------------------------------------------------------------------

    def _store_image(self, mime: QMimeData) -> str | None:
        if self.session_id is None:
            return None
        markdown = store_images(
            self.images,
            self.session_id,
            mime,
            lambda error: self.statusBar().showMessage(error, 8000),
        )
        if markdown:
            self._schedule_preview()
        return markdown

    # -- preview ---------------------------------------------------------------------------

    def _schedule_preview(self, *_args: object) -> None:
        self.preview_duty.schedule()

    def refresh_preview(self, detail: SessionDetail | None = None) -> None:
        self.preview_duty.refresh(detail)

    # -- status ----------------------------------------------------------------------------

    def _stats_of_focused(self, words: int, characters: int) -> None:
        editor = self.sender()
        if editor is self.focusWidget() or (
            editor is self.body_editor and not isinstance(self.focusWidget(), MarkdownEditor)
        ):
            self.save_status.show_stats(words, characters)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving a field is a natural pause: save now rather than in a second.
        if (
            old is not None
            and not self._closing
            and self.save_queue.has_pending()
            and self.isAncestorOf(old)
        ):
            self.flush()
        if isinstance(new, MarkdownEditor) and self.isAncestorOf(new):
            self.save_status.show_stats(*new.stats())  # the count follows the editor being typed in

    # -- drops -----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from studyapp.ui.drop_import import accepts_drop

        if accepts_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        from studyapp.ui.drop_import import note_paths_from_mime

        paths = note_paths_from_mime(event.mimeData())
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.actions_.sessions.import_paths(paths)

    # -- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:  # closed before (the database is gone); nothing left to save
            super().closeEvent(event)
            return
        self._closing = True
        saved = self.flush()
        if not saved and not self.save_status.confirm_close_unsaved(self):
            self._closing = False
            event.ignore()
            return
        self.slot_timer.stop()  # a running timer writes its talk's time
        self.flush()
        self.save_queue.stop()
        self.preview.shutdown()
        self.backups.stop()
        self.live.stop()
        self.server_trouble.stop()
        self.actions_.save_window_state()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
        self.database.dispose()
        self._closed = True
        super().closeEvent(event)
