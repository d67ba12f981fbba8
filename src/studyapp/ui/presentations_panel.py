"""The presentations of the session being edited: the slot list above one slot's editor."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.dto import PresentationInfo
from studyapp.core.errors import StudyappError
from studyapp.core.services.library import LibraryService
from studyapp.core.services.presentations import PresentationService
from studyapp.ui.models.presentation_model import PresentationListModel
from studyapp.ui.presentation_editor import PresentationEditor
from studyapp.ui.save_queue import SaveQueue

# Ctrl+N/P/F/E/I, Ctrl+Shift+F/T belong to the window and the editor.
ADD_SLOT_SHORTCUT = "Ctrl+Alt+N"
MOVE_UP_SHORTCUT = "Alt+Up"
MOVE_DOWN_SHORTCUT = "Alt+Down"


class PresentationsPanel(QWidget):
    """Slots of one session: add, remove, reorder, and edit the selected one below."""

    changed = Signal()  # something reached the database; the window refreshes its preview

    def __init__(
        self, database: Database, save_queue: SaveQueue, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presentationsPanel")
        self._service = PresentationService(database)
        self._queue = save_queue
        self._session_id: int | None = None
        self._reloading = False

        self.model = PresentationListModel(self)
        self.model.rowMoved.connect(self._row_moved)
        self.list_view = QListView(self)
        self.list_view.setObjectName("presentationList")
        self.list_view.setModel(self.model)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list_view.setDropIndicatorShown(True)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setAccessibleName(self.tr("Presentation slots"))
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)

        self.add_action = self._action(self.tr("&Add Slot"), ADD_SLOT_SHORTCUT, self.add_slot)
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.add_action)
        self.remove_action = self._action(
            self.tr("&Remove Slot"), QKeySequence.StandardKey.Delete, self.remove_current
        )
        self.move_up_action = self._action(
            self.tr("Move Slot &Up"), MOVE_UP_SHORTCUT, lambda: self.move_current(-1)
        )
        self.move_down_action = self._action(
            self.tr("Move Slot &Down"), MOVE_DOWN_SHORTCUT, lambda: self.move_current(1)
        )
        for action in (self.remove_action, self.move_up_action, self.move_down_action):
            # Only while the list has focus: Delete and Alt+arrows mean other things in text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.list_view.addAction(action)

        self.add_button = self._button(self.add_action, "addSlotButton", self.tr("Add slot"))
        self.remove_button = self._button(self.remove_action, "removeSlotButton", self.tr("Remove"))
        self.up_button = self._button(self.move_up_action, "moveSlotUpButton", self.tr("Up"))
        self.down_button = self._button(
            self.move_down_action, "moveSlotDownButton", self.tr("Down")
        )
        self.error_label = QLabel(self)
        self.error_label.setObjectName("presentationsError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("QLabel { color: #d32f2f; }")
        self.error_label.hide()

        library = LibraryService(database)
        self.editor = PresentationEditor(self._service, library, save_queue, self)
        self.editor.edited.connect(self._slot_edited)
        self.editor.textSaved.connect(self.changed)
        self.editor.timer.saved.connect(self.changed)
        self.editor.failed.connect(self._show_error)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("presentationsEmptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.editor)

        buttons = QHBoxLayout()
        title = QLabel(self.tr("Presentations"), self)
        title.setBuddy(self.list_view)
        buttons.addWidget(title)
        buttons.addStretch(1)
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.list_view)
        top_layout.addWidget(self.error_label)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("presentationsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        row_height = self.list_view.fontMetrics().height() + 6
        splitter.setSizes([row_height * 6 + 40, 500])  # a session has a handful of slots
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.load_session(None)

    def _action(
        self, text: str, keys: str | QKeySequence.StandardKey, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _button(self, action: QAction, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{action.text().replace('&', '')} ({shortcut})")
        button.clicked.connect(action.trigger)
        return button

    # -- public API ------------------------------------------------------------------------

    def session_id(self) -> int | None:
        return self._session_id

    def load_session(
        self, session_id: int | None, rows: Sequence[PresentationInfo] | None = None
    ) -> None:
        """Show ``session_id``'s slots (None: clear and disable).

        ``rows``: the slots as the caller just read them (saves reading them again).
        Leaving a session pauses a running timer and saves it first; loading the same
        session again only refreshes the list and leaves the slot being edited alone.
        """
        same = session_id is not None and session_id == self._session_id
        # A new session's first slot replaces the shown one in place (the editor pins its
        # unsaved text and pauses its timer); clearing first would disable and re-enable
        # every field of the editor, a good part of a session switch.
        self._session_id = session_id
        self._clear_error()
        self.setEnabled(session_id is not None)
        current = self.current_presentation_id()
        self._reload(current if same else None, rows)

    def current_presentation_id(self) -> int | None:
        info = self.editor.info()
        return None if info is None else info.id

    def select_presentation(self, presentation_id: int) -> bool:
        row = self.model.row_of(presentation_id)
        if row is None:
            return False
        self.list_view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        return True

    def stop_timer(self) -> None:
        """Pause and save a running slot timer (call before closing the window)."""
        self.editor.timer.stop()

    def add_slot(self) -> None:
        if self._session_id is None:
            return
        try:
            info = self._service.add(self._session_id)
        except StudyappError as error:
            self._show_error(str(error))
            return
        self._clear_error()
        self._reload(info.id)
        self.changed.emit()
        self.editor.presenter_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_current(self, *, confirm: bool = True) -> None:
        row = self.list_view.currentIndex().row()
        info = self.model.info(row)
        if info is None or (confirm and not self._confirm_remove(row)):
            return
        self.editor.set_slot(None)  # saves its timer and pins its unsaved text
        self._queue.flush()  # the revision kept on removal must hold the latest text
        try:
            self._service.remove(info.id)
        except StudyappError as error:
            self._show_error(str(error))
            self._reload(info.id)
            return
        self._clear_error()
        following = self.model.info(row + 1) or self.model.info(row - 1)
        self._reload(following.id if following else None)
        self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def move_current(self, delta: int) -> None:
        """Move the selected slot ``delta`` places (-1 up, +1 down)."""
        row = self.list_view.currentIndex().row()
        target = row + delta
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        # moveRow inserts before its destination: one further when moving down.
        self.model.moveRow(QModelIndex(), row, QModelIndex(), target + 1 if delta > 0 else target)

    # -- internals -------------------------------------------------------------------------

    def _confirm_remove(self, row: int) -> bool:
        box = QMessageBox(self)
        box.setObjectName("removeSlotDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove Slot"))
        box.setText(self.tr("Remove “{slot}”?").format(slot=self.model.display_text(row)))
        box.setInformativeText(
            self.tr(
                "Its notes and discussion are kept as a revision of the session, "
                "so nothing typed is lost."
            )
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        remove.setObjectName("confirmRemoveButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is remove

    def _reload(
        self, select_id: int | None, known: Sequence[PresentationInfo] | None = None
    ) -> None:
        rows: list[PresentationInfo] = list(known or [])
        if self._session_id is not None and known is None:
            try:
                rows = self._service.list_for_session(self._session_id)
            except StudyappError as error:
                self._show_error(str(error))
        self._reloading = True
        try:
            self.model.set_rows(rows)
        finally:
            self._reloading = False
        if not (select_id is not None and self.select_presentation(select_id)) and rows:
            self.select_presentation(rows[0].id)
        if not rows:
            self.editor.set_slot(None)
        self._update_state()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._reloading:
            return
        info = self.model.info(current.row()) if current.isValid() else None
        shown = self.editor.info()
        if info is not None and shown is not None and info.id == shown.id:
            self.editor.refresh(info)  # same slot after a reload: keep its running timer
        else:
            self.editor.set_slot(info)
        self._update_state()

    def _row_moved(self, presentation_id: int, position: int) -> None:
        try:
            self._service.move(presentation_id, position)
        except StudyappError as error:
            self._show_error(str(error))
            self._reload(presentation_id)  # show the order the database kept
            return
        self._update_state()
        self.changed.emit()

    def _slot_edited(self, info: PresentationInfo) -> None:
        self._clear_error()
        self.model.replace(info)
        self.changed.emit()

    def _update_state(self) -> None:
        row = self.list_view.currentIndex().row()
        count = self.model.rowCount()
        has_session = self._session_id is not None
        self.add_action.setEnabled(has_session)
        self.remove_action.setEnabled(row >= 0)
        self.move_up_action.setEnabled(row > 0)
        self.move_down_action.setEnabled(0 <= row < count - 1)
        self.add_button.setEnabled(has_session)
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        if not has_session:
            self.empty_label.setText(self.tr("No session is selected."))
        elif count == 0:
            self.empty_label.setText(
                self.tr("No presentations yet. Add a slot with {keys}.").format(
                    keys=QKeySequence(ADD_SLOT_SHORTCUT).toString(
                        QKeySequence.SequenceFormat.NativeText
                    )
                )
            )
        else:
            self.empty_label.setText(self.tr("Select a slot to edit it."))
        self.stack.setCurrentWidget(self.editor if self.editor.info() else self.empty_label)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
