"""The left column: groups, a filter box and the sessions, newest first, loaded lazily."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.errors import StudyappError
from studyapp.core.services.sessions import SessionService
from studyapp.ui.models.session_list_model import SessionListModel, SessionRole

ALL_GROUPS = ""


class SessionSidebar(QWidget):
    """Emits ``sessionSelected`` with the id the user picked (None when nothing is)."""

    sessionSelected = Signal(object)
    demoRequested = Signal()

    def __init__(self, sessions: SessionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self.group_box = QComboBox(objectName="groupFilter")
        self.group_box.setToolTip(self.tr("Show the sessions of one group"))
        self.filter_edit = QLineEdit(objectName="sessionFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter sessions by title"))
        self.filter_edit.setClearButtonEnabled(True)
        self.model = SessionListModel(sessions, self)
        self.view = QListView(objectName="sessionList")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)  # lets the view skip measuring 10,000 rows
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Long titles are elided with a tooltip rather than scrolled sideways.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty_label = QLabel(self.tr("There are no sessions yet."), wordWrap=True)
        self.demo_button = QPushButton(
            self.tr("Load demo study group"), objectName="loadDemoButton"
        )
        self.demo_button.clicked.connect(self.demoRequested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.group_box,
            self.filter_edit,
            self.empty_label,
            self.demo_button,
            self.view,
        ):
            layout.addWidget(widget)

        self._filter_timer = QTimer(self, singleShot=True, interval=200)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.group_box.currentIndexChanged.connect(self._apply_filter)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.reload_groups()
        self._apply_filter()

    # -- public ----------------------------------------------------------------------------

    def reload_groups(self) -> None:
        current = self.group_box.currentData()
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem(self.tr("All groups"), ALL_GROUPS)
        try:
            groups = self._sessions.groups()
        except StudyappError:
            groups = []
        for group in groups:
            self.group_box.addItem(
                self.tr("{name} ({count})").format(name=group.name, count=group.session_count),
                group.name,
            )
        index = self.group_box.findData(current) if current is not None else 0
        self.group_box.setCurrentIndex(max(index, 0))
        self.group_box.blockSignals(False)

    def reload(self, keep: int | None = None) -> None:
        """Re-read the list (after an import, a new session...) and select ``keep``."""
        self.reload_groups()
        self._apply_filter(select=keep)

    def current_group(self) -> str | None:
        value = self.group_box.currentData()
        return value or None

    def current_session_id(self) -> int | None:
        index = self.view.currentIndex()
        return int(index.data(SessionRole.ID)) if index.isValid() else None

    def select_session(self, session_id: int) -> bool:
        """Select ``session_id``, clearing the group and title filters if they hide it."""
        if self._select_loaded(session_id):
            return True
        if not (self.filter_edit.text() or self.current_group()):
            return False
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.group_box.setCurrentIndex(0)
        return self._select_loaded(session_id)

    def refresh_row(self, session_id: int) -> None:
        """Show an edited title, date or kind without reloading the list."""
        try:
            self.model.replace(self._sessions.get(session_id).summary())
        except StudyappError:
            return

    # -- internals -------------------------------------------------------------------------

    def _apply_filter(self, *_args: object, select: int | None = None) -> None:
        keep = select if select is not None else self.current_session_id()
        try:
            self.model.set_filter(self.current_group(), self.filter_edit.text())
        except StudyappError:
            return
        empty = (
            self.model.rowCount() == 0 and not self.filter_edit.text() and not self.current_group()
        )
        self.empty_label.setVisible(empty)
        self.demo_button.setVisible(empty)
        if keep is not None and self._select_loaded(keep):
            return
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0))
        else:
            self.sessionSelected.emit(None)

    def _select_loaded(self, session_id: int) -> bool:
        """Select the session's row (fetching pages as needed) if the list holds it."""
        row = self.model.row_of(session_id)
        if row is None:
            return False
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.sessionSelected.emit(int(current.data(SessionRole.ID)) if current.isValid() else None)
