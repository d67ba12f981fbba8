"""What the window does to sessions and groups: new, trash, import, export, schedule.

Menus and shortcuts live in ``main_actions.py``; these are the actions behind them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from studyapp.core.errors import StudyappError
from studyapp.ui.errors_shown import describe
from studyapp.ui.settings import AppSettings

if TYPE_CHECKING:
    from studyapp.ui.window_contract import SessionWindow

# These texts belong to the window's translation context, whoever shows them.
translate = QCoreApplication.translate


class SessionActions(QObject):
    def __init__(self, window: SessionWindow, settings: AppSettings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings

    def _current_group(self) -> str | None:
        """The group chosen in the sidebar, else the open session's group."""
        w = self.window
        group = w.sidebar.current_group()
        if group is None and w.session_id is not None:
            group = w.sessions.get(w.session_id).group
        return group

    def load_demo(self) -> None:
        """The empty list's offer: a few sample sessions to look around in."""
        from studyapp.core.services.demo import load_demo

        try:
            load_demo(self.window.database)
        except StudyappError as error:
            self.window.statusBar().showMessage(describe(error), 8000)
            return
        self.window.sidebar.reload()

    def new_session(self) -> None:
        w = self.window
        w.flush()
        group = self._current_group()
        if group is None:
            group, ok = QInputDialog.getText(
                w,
                translate("MainWindow", "New session"),
                translate("MainWindow", "Study group name:"),
            )
            if not ok or not group.strip():
                return
        try:
            day, time, zone = w.sessions.next_slot(group)
            created = w.sessions.create(
                group=group,
                title=translate("MainWindow", "Session {date}").format(date=day.isoformat()),
                date=day,
                start_time=time,
                timezone=zone,
                kind="paper review",
            )
        except StudyappError as error:
            QMessageBox.warning(w, translate("MainWindow", "New session"), describe(error))
            return
        w.reload_sessions(select=created.id)
        w.select_session(created.id)
        w.tabs.setCurrentIndex(0)
        w.header.title_edit.setFocus()
        w.header.title_edit.selectAll()

    def move_session_to_trash(self) -> None:
        w = self.window
        session_id = w.sidebar.current_session_id()
        if session_id is None:
            return
        w.flush()
        try:
            w.sessions.trash(session_id)
        except StudyappError as error:
            w.statusBar().showMessage(describe(error), 8000)
            return
        w.reload_sessions()
        w.statusBar().showMessage(
            translate("MainWindow", "Moved to the trash (File → Trash… brings it back)."), 8000
        )

    def open_trash(self) -> None:
        from studyapp.ui.trash_dialog import TrashDialog

        w = self.window
        dialog = TrashDialog(w.database, w)
        dialog.restored.connect(
            lambda kind, item_id: w.reload_sessions(select=item_id) if kind == "session" else None
        )
        dialog.exec()
        dialog.deleteLater()

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
        dialog.deleteLater()

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
            initial_layout=self.settings.export_layout,
            parent=w,
        )
        if dialog.exec() and dialog.folder():
            self.settings.export_folder = dialog.folder()
            self.settings.export_flavor = dialog.flavor()
            self.settings.export_layout = dialog.layout_name()
        dialog.deleteLater()

    def edit_schedule(self) -> None:
        from studyapp.ui.papers.schedule_dialog import ScheduleDialog

        w = self.window
        w.flush()
        group = self._current_group()
        if group is None:
            QMessageBox.information(
                w,
                translate("MainWindow", "Schedule and rotation"),
                translate(
                    "MainWindow", "Choose a group in the list (or open one of its sessions) first."
                ),
            )
            return
        dialog = ScheduleDialog(w.database, group, w)
        dialog.changed.connect(lambda: w.reload_sessions())
        dialog.exec()
        dialog.deleteLater()
