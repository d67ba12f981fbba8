"""The main window's menus, shortcuts and the dialogs they open.

Kept apart from ``main_window.py`` so the window's layout and its save logic stay short.
Every action sits in a menu with its shortcut shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QToolBar,
)

from studyapp import __version__
from studyapp.core.errors import StudyappError
from studyapp.core.services.search import SearchService
from studyapp.ui.settings import AppSettings

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow

SEARCH_DELAY_MS = 150
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MainActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = AppSettings()
        self._build_search()
        self._build_menus()
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
        file_menu = bar.addMenu(w.tr("&File"))
        self.new_action = self._action(
            w.tr("New session"), QKeySequence.StandardKey.New, self.new_session, "newSessionAction"
        )
        self.import_action = self._action(
            w.tr("Import…"), "Ctrl+I", self.import_notes, "importAction"
        )
        self.export_action = self._action(
            w.tr("Export…"), "Ctrl+E", self.export_minutes, "exportAction"
        )
        self.settings_action = self._action(
            w.tr("Settings…"), "Ctrl+,", self.open_settings, "settingsAction"
        )
        self.quit_action = self._action(
            w.tr("Quit"), QKeySequence.StandardKey.Quit, w.close, "quitAction"
        )
        for action in (
            self.new_action,
            self.import_action,
            self.export_action,
            None,
            self.settings_action,
            None,
            self.quit_action,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)

        edit_menu = bar.addMenu(w.tr("&Edit"))
        editor = w.notes_editor
        self.undo_action = self._action(
            w.tr("Undo"),
            QKeySequence.StandardKey.Undo,
            lambda: self._focused_editor().undo(),
            "undoAction",
        )
        self.redo_action = self._action(
            w.tr("Redo"),
            QKeySequence.StandardKey.Redo,
            lambda: self._focused_editor().redo(),
            "redoAction",
        )
        self.find_action = self._action(
            w.tr("Find…"), QKeySequence.StandardKey.Find, self.find_in_notes, "findAction"
        )
        self.replace_action = self._action(
            w.tr("Replace…"), "Ctrl+H", self.replace_in_notes, "replaceAction"
        )
        self.time_action = self._action(
            w.tr("Insert current time"),
            "Ctrl+Shift+T",
            lambda: self._focused_editor().insert_current_time(),
            "insertTimeAction",
        )
        for action in (
            self.undo_action,
            self.redo_action,
            None,
            self.find_action,
            self.replace_action,
            None,
            self.time_action,
        ):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        del editor

        go_menu = bar.addMenu(w.tr("&Go"))
        self.switcher_action = self._action(
            w.tr("Quick switcher…"), "Ctrl+P", self.quick_switcher, "quickSwitcherAction"
        )
        self.search_action = self._action(
            w.tr("Search…"), "Ctrl+Shift+F", self.focus_search, "searchAction"
        )
        self.preview_action = self._action(
            w.tr("Preview"), "Ctrl+Shift+V", self.toggle_preview, "previewAction"
        )
        for action in (self.switcher_action, self.search_action, self.preview_action):
            go_menu.addAction(action)

        help_menu = bar.addMenu(w.tr("&Help"))
        self.about_action = self._action(w.tr("About studyapp"), None, self.about, "aboutAction")
        help_menu.addAction(self.about_action)

    def _build_search(self) -> None:
        w = self.window
        toolbar = QToolBar(w.tr("Search"), w, objectName="searchToolbar")
        toolbar.setMovable(False)
        self.search_box = QLineEdit(objectName="searchBox")
        self.search_box.setPlaceholderText(w.tr("Search notes, papers and to-dos (Ctrl+Shift+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(420)
        toolbar.addWidget(self.search_box)
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.results = QListWidget(objectName="searchResults")
        self.results.setWordWrap(True)
        self.search_dock = QDockWidget(w.tr("Search results"), w, objectName="searchDock")
        self.search_dock.setWidget(self.results)
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)
        self.search_dock.hide()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self.run_search)
        self.results.itemActivated.connect(self._open_result)
        self.results.itemClicked.connect(self._open_result)

    # -- file ------------------------------------------------------------------------------

    def new_session(self) -> None:
        w = self.window
        w.flush()
        group = w.sidebar.current_group()
        if group is None and w.session_id is not None:
            group = w.sessions.get(w.session_id).group
        if group is None:
            group, ok = QInputDialog.getText(w, w.tr("New session"), w.tr("Study group name:"))
            if not ok or not group.strip():
                return
        try:
            day, time, zone = w.sessions.next_slot(group)
            created = w.sessions.create(
                group=group,
                title=w.tr("Session {date}").format(date=day.isoformat()),
                date=day,
                start_time=time,
                timezone=zone,
                kind="paper review",
            )
        except StudyappError as error:
            QMessageBox.warning(w, w.tr("New session"), str(error))
            return
        w.reload_sessions(select=created.id)
        w.select_session(created.id)
        w.tabs.setCurrentIndex(0)
        w.header.title_edit.setFocus()
        w.header.title_edit.selectAll()

    def import_notes(self) -> None:
        self.import_paths([])

    def import_paths(self, paths: list[Path]) -> None:
        from studyapp.ui.dialogs.import_dialog import ImportDialog

        w = self.window
        w.flush()
        dialog = ImportDialog(w.database, paths=paths, parent=w)
        dialog.imported.connect(self._after_import)
        if paths:
            dialog.start()
        dialog.exec()

    def _after_import(self, session_ids: list[int]) -> None:
        self.window.reload_sessions(select=session_ids[0] if session_ids else None)

    def export_minutes(self) -> None:
        from studyapp.ui.dialogs.export_dialog import ExportDialog

        w = self.window
        w.flush()  # the minutes must hold what was typed a moment ago
        dialog = ExportDialog(
            w.database,
            initial_folder=self.settings.export_folder,
            initial_flavor=self.settings.export_flavor,
            parent=w,
        )
        if dialog.exec() and dialog.folder():
            self.settings.export_folder = dialog.folder()
            self.settings.export_flavor = dialog.flavor()

    def open_settings(self) -> None:
        from studyapp.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.settings, current_database=self.window.database.url, parent=self.window
        )
        dialog.exec()

    # -- edit ------------------------------------------------------------------------------

    def _focused_editor(self):  # type: ignore[no-untyped-def]  # noqa: ANN202
        from studyapp.ui.editor import MarkdownEditor

        focused = self.window.focusWidget()
        return focused if isinstance(focused, MarkdownEditor) else self.window.notes_editor

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
        from studyapp.ui.quick_switcher import QuickSwitcher

        switcher = QuickSwitcher(self.window.database, parent=self.window)
        switcher.sessionChosen.connect(self.window.select_session)
        switcher.exec()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run_search(self) -> None:
        query = self.search_box.text().strip()
        self.results.clear()
        if not query:
            self.search_dock.hide()
            return
        try:
            hits = SearchService(self.window.database).search(query)
        except StudyappError as error:
            self.window.statusBar().showMessage(str(error), 8000)
            return
        for hit in hits:
            snippet = hit.snippet.replace("**", "")
            item = QListWidgetItem(f"{hit.date.isoformat()} · {hit.title}\n{snippet}")
            item.setData(SESSION_ID_ROLE, hit.session_id)
            self.results.addItem(item)
        if not hits:
            self.results.addItem(self.window.tr("Nothing found for “{query}”").format(query=query))
        self.search_dock.show()

    def _open_result(self, item: QListWidgetItem) -> None:
        session_id = item.data(SESSION_ID_ROLE)
        if session_id is not None:
            self.window.select_session(int(session_id))

    def toggle_preview(self) -> None:
        tabs = self.window.tabs
        tabs.setCurrentIndex(1 if tabs.currentIndex() == 0 else 0)

    def about(self) -> None:
        w = self.window
        QMessageBox.about(
            w,
            w.tr("About studyapp"),
            w.tr(
                "studyapp {version}\nStudy-group and journal-club sessions: live notes, "
                "presenters, papers, to-dos and Markdown minutes."
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
        for splitter in (w.main_split, w.editor_split):
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
        for splitter in (w.main_split, w.editor_split):
            self.settings.set_splitter_state(splitter.objectName(), splitter.saveState())
        if w.session_id is not None:
            self.settings.set_last_session(w.database.url, w.session_id)
