"""The main window's menus, shortcuts and the dialogs they open.

Kept apart from ``main_window.py`` so the window's layout and its save logic stay short.
Every action sits in a menu with its shortcut shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
)

from studyapp import __version__
from studyapp.core.errors import StudyappError
from studyapp.ui.errors_shown import describe
from studyapp.ui.history_dialog import open_history
from studyapp.ui.quick_switcher import QuickSwitcher
from studyapp.ui.search_panel import SearchPanel, reveal_match
from studyapp.ui.session_actions import SessionActions
from studyapp.ui.settings import AppSettings

if TYPE_CHECKING:
    from studyapp.ui.window_contract import SessionWindow

# Menu texts belong to the window's translation context, whoever builds them.
translate = QCoreApplication.translate


class MainActions(QObject):
    def __init__(self, window: SessionWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = AppSettings()
        self.sessions = SessionActions(window, self.settings)
        self._switcher: QuickSwitcher | None = None
        self.search = SearchPanel(window, window.database)
        self.search.matchChosen.connect(lambda hit: reveal_match(window, hit))
        self._build_menus()
        self.apply_editor_font()
        self.restore_window_state()

    # -- building --------------------------------------------------------------------------

    def _action(
        self, text: str, shortcut: QKeySequence | str | None, slot: object, name: str
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.window.addAction(action)
        return action

    def _build_menus(self) -> None:
        w = self.window
        bar = w.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.new_action = self._action(
            translate("MainWindow", "New session"),
            QKeySequence.StandardKey.New,
            self.sessions.new_session,
            "newSessionAction",
        )
        self.import_action = self._action(
            translate("MainWindow", "Import…"), "Ctrl+I", self.sessions.import_notes, "importAction"
        )
        self.export_action = self._action(
            translate("MainWindow", "Export…"),
            "Ctrl+E",
            self.sessions.export_minutes,
            "exportAction",
        )
        self.trash_action = self._action(
            translate("MainWindow", "Trash…"), None, self.sessions.open_trash, "trashAction"
        )
        # Delete in the session list only: in an editor it must still delete text.
        self.move_to_trash_action = QAction(
            translate("MainWindow", "Move to trash"), w.sidebar.view
        )
        self.move_to_trash_action.setObjectName("moveToTrashAction")
        self.move_to_trash_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.move_to_trash_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.move_to_trash_action.triggered.connect(self.sessions.move_session_to_trash)
        w.sidebar.view.addAction(self.move_to_trash_action)
        w.sidebar.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.settings_action = self._action(
            translate("MainWindow", "Settings…"), "Ctrl+,", self.open_settings, "settingsAction"
        )
        self.quit_action = self._action(
            translate("MainWindow", "Quit"), QKeySequence.StandardKey.Quit, w.close, "quitAction"
        )
        for action in (
            self.new_action,
            self.import_action,
            self.export_action,
            self.trash_action,
            None,
            self.settings_action,
            None,
            self.quit_action,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)

        edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        editor = w.body_editor
        self.undo_action = self._action(
            translate("MainWindow", "Undo"),
            QKeySequence.StandardKey.Undo,
            lambda: self._focused_editor().undo(),
            "undoAction",
        )
        self.redo_action = self._action(
            translate("MainWindow", "Redo"),
            QKeySequence.StandardKey.Redo,
            lambda: self._focused_editor().redo(),
            "redoAction",
        )
        self.find_action = self._action(
            translate("MainWindow", "Find…"),
            QKeySequence.StandardKey.Find,
            self.find_in_notes,
            "findAction",
        )
        self.replace_action = self._action(
            translate("MainWindow", "Replace…"), "Ctrl+H", self.replace_in_notes, "replaceAction"
        )
        self.time_action = self._action(
            translate("MainWindow", "Insert current time"),
            "Ctrl+Shift+T",
            lambda: self._focused_editor().insert_current_time(),
            "insertTimeAction",
        )
        self.history_action = self._action(
            translate("MainWindow", "History…"),
            "Ctrl+Shift+H",
            lambda: open_history(
                w.database, w.session_id, w.body_editor, w.flush, w, actor=w.actor
            ),
            "historyAction",
        )
        for action in (
            self.undo_action,
            self.redo_action,
            None,
            self.find_action,
            self.replace_action,
            None,
            self.time_action,
            None,
            self.history_action,
            None,
            self.move_to_trash_action,
        ):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        del editor

        go_menu = bar.addMenu(translate("MainWindow", "&Go"))
        self.switcher_action = self._action(
            translate("MainWindow", "Quick switcher…"),
            "Ctrl+P",
            self.quick_switcher,
            "quickSwitcherAction",
        )
        self.search_action = self._action(
            translate("MainWindow", "Search…"), "Ctrl+Shift+F", self.focus_search, "searchAction"
        )
        self.preview_action = self._action(
            translate("MainWindow", "Preview"), "Ctrl+Shift+V", self.toggle_preview, "previewAction"
        )
        self.papers_action = self._action(
            translate("MainWindow", "Papers"), "Ctrl+Shift+L", self.show_papers, "papersAction"
        )
        self.assignments_action = self._action(
            translate("MainWindow", "Assignments"),
            "Ctrl+Shift+A",
            self.show_assignments,
            "assignmentsAction",
        )
        # The window adds its actions to itself, so F11 still works with the menu bar hidden.
        self.focus_action = self._action(
            translate("MainWindow", "Focus mode"),
            "F11",
            lambda checked: w.set_focus_mode(checked),
            "focusModeAction",
        )
        self.focus_action.setCheckable(True)
        for action in (
            self.switcher_action,
            self.search_action,
            self.preview_action,
            self.papers_action,
            self.assignments_action,
            self.focus_action,
        ):
            go_menu.addAction(action)

        group_menu = bar.addMenu(translate("MainWindow", "G&roup"))
        self.add_paper_action = self._action(
            translate("MainWindow", "Add paper…"), "Ctrl+Shift+N", self.add_paper, "addPaperAction"
        )
        self.schedule_action = self._action(
            translate("MainWindow", "Schedule and rotation…"),
            None,
            self.sessions.edit_schedule,
            "scheduleAction",
        )
        group_menu.addAction(self.add_paper_action)
        group_menu.addAction(self.schedule_action)

        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self.about_action = self._action(
            translate("MainWindow", "About studyapp"), None, self.about, "aboutAction"
        )
        help_menu.addAction(self.about_action)

    # -- file ------------------------------------------------------------------------------

    def open_settings(self) -> None:
        from studyapp.core.services.members import who_is
        from studyapp.ui.dialogs.settings_dialog import SettingsDialog

        w = self.window
        dialog = SettingsDialog(
            self.settings,
            current_database=w.database.url,
            parent=w,
            who_is=lambda name: who_is(w.database, name),
        )
        dialog.editorFontChanged.connect(self.apply_editor_font)
        dialog.languageChanged.connect(self._language_changed)
        dialog.memberNameChanged.connect(lambda: w.set_actor(self.settings.actor()))
        if not dialog.exec():
            return
        if dialog.chosen_server_url():
            # Remembered as the server's fields, not as a URL holding the password.
            self.switch_database(str(dialog.chosen_server_url()), remember=False)
        elif dialog.chosen_database_url():
            self.switch_database(str(dialog.chosen_database_url()))

    def apply_editor_font(self, font: QFont | None = None) -> None:
        from studyapp.ui.editor import MarkdownEditor, default_editor_font

        chosen = font if font is not None else self.settings.editor_font
        for editor in self.window.findChildren(MarkdownEditor):
            editor.set_editor_font(chosen or default_editor_font())

    def _language_changed(self, language: str) -> None:
        from studyapp.ui.i18n import install_translator

        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translator(app, language)
        QMessageBox.information(
            self.window,
            translate("MainWindow", "Language"),
            translate(
                "MainWindow",
                "The new language is used for windows opened from now on; "
                "restart studyapp to see it everywhere.",
            ),
        )

    def switch_database(self, url: str, *, remember: bool = True) -> None:
        """Open another database in a new window; this one closes after saving."""
        from studyapp.core.db import open_database

        w = self.window
        try:
            database = open_database(url)
        except StudyappError as error:
            QMessageBox.warning(w, translate("MainWindow", "Open database"), describe(error))
            return
        successor = w.open_database_window(database)
        if remember:
            self.settings.database_url = url
            self.settings.add_recent_database(url)
        w.successor = successor  # keeps it alive once this window is gone
        successor.show()
        w.close()

    # -- edit ------------------------------------------------------------------------------

    def _focused_editor(self):  # type: ignore[no-untyped-def]  # noqa: ANN202
        from studyapp.ui.editor import MarkdownEditor

        focused = self.window.focusWidget()
        return focused if isinstance(focused, MarkdownEditor) else self.window.body_editor

    def find_in_notes(self) -> None:
        editor = self._focused_editor()
        bar = editor.find_bar()
        if bar is not None:
            bar.open_find()

    def replace_in_notes(self) -> None:
        editor = self._focused_editor()
        bar = editor.find_bar()
        if bar is not None:
            bar.open_replace()

    # -- go --------------------------------------------------------------------------------

    def quick_switcher(self) -> None:
        if self._switcher is None:  # one switcher, reloaded each time it is shown
            self._switcher = QuickSwitcher(self.window.database, parent=self.window)
            self._switcher.sessionChosen.connect(self.window.select_session)
        self._switcher.exec()

    def focus_search(self) -> None:
        self.search.focus()

    def show_papers(self) -> None:
        self.window.tabs.setCurrentWidget(self.window.papers_view)
        self.window.papers_view.reload()

    def show_assignments(self) -> None:
        self.window.tabs.setCurrentWidget(self.window.assignments_view)
        self.window.assignments_view.reload()

    def add_paper(self) -> None:
        self.show_papers()
        self.window.papers_view.add_paper()

    def toggle_preview(self) -> None:
        tabs = self.window.tabs
        tabs.setCurrentIndex(1 if tabs.currentIndex() == 0 else 0)

    def about(self) -> None:
        w = self.window
        QMessageBox.about(
            w,
            translate("MainWindow", "About studyapp"),
            translate(
                "MainWindow",
                "studyapp {version}\nStudy-group and journal-club sessions: live notes, "
                "presenters, papers, to-dos and Markdown minutes.",
            ).format(version=__version__),
        )

    # -- window state ----------------------------------------------------------------------

    def restore_window_state(self) -> None:
        w = self.window
        geometry = self.settings.window_geometry
        if not geometry.isEmpty():
            w.restoreGeometry(geometry)
        state = self.settings.window_state
        if not state.isEmpty():
            w.restoreState(state)
        for splitter in (w.main_split, w.side_column):
            saved = self.settings.splitter_state(splitter.objectName())
            if not saved.isEmpty():
                splitter.restoreState(saved)
        last = self.settings.last_session(w.database.url)
        if last is not None:
            w.select_session(last)

    def save_window_state(self) -> None:
        w = self.window
        self.settings.window_geometry = w.saveGeometry()
        self.settings.window_state = w.saveState()
        for splitter in (w.main_split, w.side_column):
            self.settings.set_splitter_state(splitter.objectName(), splitter.saveState())
        if w.session_id is not None:
            self.settings.set_last_session(w.database.url, w.session_id)
