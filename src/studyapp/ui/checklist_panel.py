"""The to-do panel beside the notes: add with Enter, check with Space, mark in progress (/) or
cancelled (-), edit, reorder, remove."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.dto import ChecklistItemInfo
from studyapp.core.errors import StudyappError
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.library import LibraryService
from studyapp.core.tasks.statuses import CANCELLED, IN_PROGRESS, TODO
from studyapp.ui.checklist_delegate import WrappingItemDelegate
from studyapp.ui.checklist_item_editor import ChecklistItemEditor
from studyapp.ui.checklist_menu import to_do_menu
from studyapp.ui.errors_shown import describe
from studyapp.ui.glyphs import can_draw
from studyapp.ui.models.checklist_look import overdue_color
from studyapp.ui.models.checklist_model import ChecklistModel, ChecklistRole
from studyapp.ui.save_queue import SaveQueue


class ChecklistPanel(QWidget):
    changed = Signal()  # a change reached the database

    def __init__(
        self,
        database: Database,
        save_queue: SaveQueue,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        service: ChecklistService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checklistPanel")
        self._service = service if service is not None else ChecklistService(database)
        self._library = LibraryService(database)
        self._save_queue = save_queue
        self._removed: list[ChecklistItemInfo] = []  # newest last; Ctrl+Z puts them back

        self.model = ChecklistModel(self._service, self, today=today)
        self.model.changed.connect(self._after_check)
        self.model.failed.connect(self._show_error)
        self.model.modelReset.connect(self._update_header)
        self.model.dataChanged.connect(self._update_header)

        self._title = QLabel(self, objectName="checklistHeader")
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self.show_done_button = QToolButton(self, objectName="checklistShowDone")
        self.show_done_button.setText(self.tr("Show done"))
        self.show_done_button.setToolTip(
            self.tr("Show or hide the to-dos already done or cancelled")
        )
        self.show_done_button.setCheckable(True)
        self.show_done_button.setChecked(True)
        self.show_done_button.toggled.connect(self._set_show_done)

        self.view = QListView(self, objectName="checklistView")
        self.view.setModel(self.model)
        self.view.setItemDelegate(
            WrappingItemDelegate(self.view, crossed_out_role=ChecklistRole.CANCELLED)
        )
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setSpacing(1)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap long to-dos on resize
        # One pass, not batches: a batched layout cut short by the next session's rows left
        # the list blank. Each row's text is laid out once by the delegate, for size and paint.
        self.view.setAccessibleName(self.tr("To-dos"))
        self.view.installEventFilter(self)
        self.view.doubleClicked.connect(self._edit_index)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        self.add_edit = QLineEdit(self, objectName="checklistAdd")
        hint = self.tr("Add a to-do — Enter to add (e.g. Alice: send slides 📅 2025-01-27)")
        if not can_draw("📅", self.add_edit.font()):  # no emoji font: a box, not a calendar
            hint = self.tr("Add a to-do — Enter to add (e.g. Alice: send slides)")
        self.add_edit.setPlaceholderText(hint)
        self.add_edit.setToolTip(hint)  # the placeholder is cut short in a narrow panel
        self.add_edit.setAccessibleName(self.tr("Add a to-do"))
        self.add_edit.setClearButtonEnabled(True)
        self.add_edit.returnPressed.connect(self._add)

        self.editor = ChecklistItemEditor(self)
        self.editor.hide()
        self.editor.save_requested.connect(self._save_edit)
        self.editor.cancelled.connect(self._focus_list)

        self._error = QLabel(self, objectName="checklistError")
        self._error.setWordWrap(True)
        self._error.setTextFormat(Qt.TextFormat.PlainText)
        self._error.hide()

        self._undo_bar = QWidget(self, objectName="checklistUndoBar")
        self._undo_label = QLabel(self._undo_bar)
        self._undo_label.setTextFormat(Qt.TextFormat.PlainText)
        self._undo_label.setWordWrap(True)
        undo = QToolButton(self._undo_bar, objectName="checklistUndo")
        undo.setText(self.tr("Undo"))
        undo.setToolTip(self.tr("Put the removed to-do back (Ctrl+Z)"))
        undo.clicked.connect(self.undo_remove)
        undo_row = QHBoxLayout(self._undo_bar)
        undo_row.setContentsMargins(0, 0, 0, 0)
        undo_row.addWidget(self._undo_label, 1)
        undo_row.addWidget(undo)
        self._undo_bar.hide()

        header = QHBoxLayout()
        header.addWidget(self._title, 1)
        header.addWidget(self.show_done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self._undo_bar)
        layout.addWidget(self._error)
        layout.addWidget(self.editor)
        layout.addWidget(self.add_edit)

        self.load_session(None)

    # -- the window's contract -------------------------------------------------------------

    def load_session(
        self, session_id: int | None, own: Sequence[ChecklistItemInfo] | None = None
    ) -> None:
        """Show ``session_id``'s to-dos; None clears and disables the panel.

        ``own``: the session's to-dos as the caller just read them (saves reading them again).
        """
        if self.editor.is_dirty():
            self._save_edit()  # an open edit is never dropped by switching sessions
        self.editor.close_editor()
        self._removed.clear()
        self._undo_bar.hide()
        self._error.hide()
        self.add_edit.clear()
        try:
            self.model.load(session_id, own)
        except StudyappError as error:
            self.model.load(None)
            self._show_error(describe(error))
        self.setEnabled(self.model.session_id is not None)

    @property
    def session_id(self) -> int | None:
        return self.model.session_id

    # -- actions ---------------------------------------------------------------------------

    def current_item(self) -> ChecklistItemInfo | None:
        index = self.view.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() else None

    def _add(self) -> None:
        text = self.add_edit.text().strip()
        session_id = self.model.session_id
        if not text or session_id is None:
            return
        try:
            added = self._service.add(session_id, text)
            self.model.reload()
        except StudyappError as error:
            self._show_error(describe(error))
            return
        self.add_edit.clear()  # focus stays here, ready for the next one
        self._select(added.id)
        self._done_ok()

    def remove_current(self) -> None:
        info = self.current_item()
        if info is None:
            return
        if self.model.is_carried(self.view.currentIndex().row()):
            when = info.session_date.isoformat() if info.session_date else ""
            self._show_error(
                self.tr(
                    "This to-do belongs to the session of {date}; check it off here "
                    "or remove it there."
                ).format(date=when)
            )
            return
        row = self.view.currentIndex().row()
        try:
            self._service.remove(info.id)
            self.model.reload()
        except StudyappError as error:
            self._show_error(describe(error))
            return
        self._removed.append(info)
        self._undo_label.setText(self.tr("Removed “{text}”.").format(text=info.task.text))
        self._undo_bar.show()
        self._select_row(min(row, self.model.rowCount() - 1))
        self._done_ok(keep_undo=True)

    def undo_remove(self) -> None:
        if not self._removed:
            return
        info = self._removed[-1]
        try:
            restored = self._service.restore(info)
            self.model.reload()
        except StudyappError as error:
            self._show_error(describe(error))
            return
        self._removed.pop()
        self._select(restored.id)
        self._done_ok(keep_undo=bool(self._removed))
        self._focus_list()

    def move_current(self, delta: int) -> None:
        """Alt+Up / Alt+Down: swap with the visible neighbour among this session's to-dos."""
        info = self.current_item()
        row = self.view.currentIndex().row()
        if info is None or self.model.is_carried(row):
            return
        neighbour = self.model.item_at(row + delta)
        if neighbour is None or self.model.is_carried(row + delta):
            return
        order = [item.id for item in self.model.own_items()]
        try:
            self._service.move(info.id, order.index(neighbour.id))
            self.model.reload()
        except StudyappError as error:
            self._show_error(describe(error))
            return
        self._select(info.id)
        self._done_ok()

    def edit_current(self) -> None:
        info = self.current_item()
        if info is not None:
            try:  # the names for the assignee field, as they are now
                self.editor.set_people(self._library.people())
            except StudyappError as error:
                self._show_error(describe(error))
            self.editor.edit(info)

    def _edit_index(self, index: QModelIndex) -> None:
        if index.data(ChecklistRole.IS_SECTION):
            self.model.show_all_carried()
        elif self.model.item_at(index.row()) is not None:
            self.view.setCurrentIndex(index)
            self.edit_current()

    def _save_edit(self) -> None:
        info = self.editor.info
        if info is None:
            return
        try:
            latest = self.model.find(info.id) or info
            updated = self._service.update(
                info.id, self.editor.task(latest.task), based_on=info.task.text
            )
        except StudyappError as error:
            self._show_error(describe(error))
            return
        self.editor.close_editor()
        self.model.replace(updated)
        self._select(updated.id)
        self._focus_list()
        self._done_ok()

    def set_current_status(self, symbol: str) -> None:
        """The selected to-do marked to do, in progress (``/``), done or cancelled (``-``):
        its line in the notes changes, as one undo step of the editor when it is open."""
        info = self.current_item()
        if info is not None:
            self.model.set_status(self.view.currentIndex().row(), symbol)

    def _toggle_status(self, symbol: str) -> None:
        """A status key: that status, or back to to-do when the to-do has it already."""
        info = self.current_item()
        if info is not None:
            self.set_current_status(TODO if info.task.status_symbol == symbol else symbol)

    def _set_show_done(self, show: bool) -> None:
        current = self.current_item()
        self.model.set_show_done(show)
        if current is not None:
            self._select(current.id)

    # -- helpers ---------------------------------------------------------------------------

    def _after_check(self) -> None:
        changed = self.model.last_changed
        if changed is not None and not self.view.currentIndex().isValid():
            self._select(changed)  # the list was read again (a next occurrence came)
        self._done_ok(keep_undo=self._undo_bar.isVisible())

    def _done_ok(self, *, keep_undo: bool = False) -> None:
        self._error.hide()
        if not keep_undo:
            self._undo_bar.hide()
        self.changed.emit()

    def _show_error(self, message: str) -> None:
        self._error.setStyleSheet(f"color: {overdue_color(self.palette()).name()};")
        self._error.setText(message)
        self._error.show()

    def _select(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row is not None:
            self._select_row(row)

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount() and self.model.item_at(row) is None:
            row = row + 1 if row + 1 < self.model.rowCount() else row - 1  # skip the heading
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_header(self) -> None:
        count = self.model.open_count()
        self._title.setText(self.tr("To-dos · {count} open").format(count=count))

    def _context_menu(self, position: QPoint) -> None:
        info = self.current_item()
        if info is not None:
            to_do_menu(self, info.task.status_type).exec(self.view.viewport().mapToGlobal(position))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._list_key(event)
        return super().eventFilter(watched, event)

    def _list_key(self, event: QKeyEvent) -> bool:
        key, modifiers = event.key(), event.modifiers()
        alt = modifiers == Qt.KeyboardModifier.AltModifier
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_remove()
            return True
        if key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not alt:
            self.edit_current()
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not alt:
            self.remove_current()
            return True
        plain = not modifiers & ~Qt.KeyboardModifier.KeypadModifier
        if plain and key in (Qt.Key.Key_Slash, Qt.Key.Key_Minus):
            self._toggle_status(IN_PROGRESS if key == Qt.Key.Key_Slash else CANCELLED)
            return True
        return False
