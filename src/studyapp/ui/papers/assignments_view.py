"""Reading assignments by person or by session, with overdue ones standing out."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.errors import StudyappError
from studyapp.core.services.assignments import AssignmentInfo, AssignmentService
from studyapp.ui.errors_shown import describe
from studyapp.ui.focus_refresh import RefreshWhenShown
from studyapp.ui.models.assignment_model import (
    STATUSES,
    AssignmentColumn,
    AssignmentRole,
    AssignmentTableModel,
)
from studyapp.ui.papers.assign_dialog import AssignDialog

Index = QModelIndex | QPersistentModelIndex
BY_PERSON, BY_SESSION = "person", "session"


class StatusDelegate(QStyledItemDelegate):
    """A combo of the five statuses; a choice is handed to ``chosen`` rather than the model."""

    def __init__(self, view: AssignmentsView) -> None:
        super().__init__(view)
        self._view = view

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index
    ) -> QWidget:
        combo = QComboBox(parent, objectName="assignmentStatusEditor")
        for status in STATUSES:
            combo.addItem(self._view.model.status_label(status), status)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(AssignmentRole.STATUS)), 0))

    def setModelData(self, editor: QWidget, _model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            self._view.request_status(index.data(AssignmentRole.ID), editor.currentData())


class AssignmentsView(QWidget):
    """``changed`` is emitted after an assignment was added, changed or removed."""

    changed = Signal()
    _statusRequested = Signal(int, str)  # queued: the table reloads after its editor closed

    def __init__(
        self, database: Database, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assignmentsView")
        self._database = database
        self._service = AssignmentService(database)
        self._today = today
        self._dialog: AssignDialog | None = None
        self.model = AssignmentTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(AssignmentRole.SORT)
        self._statusRequested.connect(self.set_status, Qt.ConnectionType.QueuedConnection)
        self._build()
        # Read when first shown, and again when shown after changes made elsewhere: editing
        # a slot or a paper must not cost a read of every assignment while this tab is away.
        self._refresh = RefreshWhenShown(self._reload_now, self)

    def _build(self) -> None:
        self.mode = QComboBox(objectName="assignmentsMode")
        self.mode.addItem(self.tr("By person"), BY_PERSON)
        self.mode.addItem(self.tr("By session"), BY_SESSION)
        self.mode.currentIndexChanged.connect(self._on_mode)
        self.filter = QComboBox(objectName="assignmentsFilter")
        self.filter.setMinimumContentsLength(18)
        self.filter.currentIndexChanged.connect(self._load_rows)
        self.overdue_only = QCheckBox(self.tr("Overdue only"), objectName="overdueOnlyCheck")
        self.overdue_only.toggled.connect(self._load_rows)
        self.assign_button = QPushButton(self.tr("Assign…"), objectName="assignButton")
        self.assign_button.clicked.connect(self.open_assign_dialog)
        show = QLabel(self.tr("&Show:"))
        show.setBuddy(self.mode)
        top = QHBoxLayout()
        top.addWidget(show)
        top.addWidget(self.mode)
        top.addWidget(self.filter)
        top.addWidget(self.overdue_only)
        top.addStretch(1)
        top.addWidget(self.assign_button)

        self.table = QTableView(objectName="assignmentsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setItemDelegateForColumn(AssignmentColumn.STATUS, StatusDelegate(self))
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AssignmentColumn.PAPER, QHeaderView.ResizeMode.Stretch)
        for column in (AssignmentColumn.PERSON, AssignmentColumn.WHEN, AssignmentColumn.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._sync_buttons)

        self.status_buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for status, label in (
            ("reading", self.tr("Reading")),
            ("done", self.tr("Done")),
            ("presented", self.tr("Presented")),
            ("dropped", self.tr("Dropped")),
        ):
            button = QPushButton(label, objectName=f"mark{status.capitalize()}Button")
            button.clicked.connect(lambda _=False, s=status: self.set_current_status(s))
            self.status_buttons[status] = button
            actions.addWidget(button)
        self.remove_button = QPushButton(self.tr("Remove"), objectName="removeAssignmentButton")
        self.remove_button.clicked.connect(self.remove_current)
        actions.addStretch(1)
        actions.addWidget(self.remove_button)
        self.message = QLabel(objectName="assignmentsMessage")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self._sync_buttons()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Refill the person/session choices and the table: now if shown, else when next shown."""
        self._refresh.request()

    def _reload_now(self) -> None:
        try:
            everything = self._service.list(today=self._today)
        except StudyappError as error:
            self.message.setText(describe(error))
            return
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        if self.mode.currentData() == BY_PERSON:
            self.filter.addItem(self.tr("Everyone"), None)
            for person in sorted({info.person for info in everything}, key=str.casefold):
                self.filter.addItem(person, person)
        else:
            self.filter.addItem(self.tr("All sessions"), None)
            sessions = {info.session_id: info for info in everything if info.session_id is not None}
            for info in sorted(sessions.values(), key=lambda i: i.session_date or dt.date.min):
                day = info.session_date.isoformat() if info.session_date else ""
                label = self.tr("{date} · {session}").format(
                    date=day, session=info.session_title or ""
                )
                self.filter.addItem(label, info.session_id)
        self.filter.setCurrentIndex(max(self.filter.findData(current), 0))
        self.filter.blockSignals(False)
        self._load_rows()

    def _load_rows(self) -> None:
        chosen = self.filter.currentData()
        by_person = self.mode.currentData() == BY_PERSON
        try:
            rows = self._service.list(
                person=chosen if by_person else None,
                session_id=None if by_person else chosen,
                overdue_only=self.overdue_only.isChecked(),
                today=self._today,
            )
        except StudyappError as error:
            self.message.setText(describe(error))
            return
        selected = self.current_assignment()
        self.model.set_rows(rows)
        key = AssignmentColumn.PERSON if by_person else AssignmentColumn.WHEN
        self.table.sortByColumn(key, Qt.SortOrder.AscendingOrder)
        if selected is not None:
            self.select_assignment(selected.id)
        self._sync_buttons()

    def _on_mode(self) -> None:
        self.reload()

    def set_mode(self, mode: str) -> None:
        """``"person"`` or ``"session"``, as the Show switch."""
        self.mode.setCurrentIndex(max(self.mode.findData(mode), 0))

    # -- selection and status --------------------------------------------------------------

    def current_assignment(self) -> AssignmentInfo | None:
        rows = self.table.selectionModel().selectedRows()
        info = rows[0].data(AssignmentRole.ASSIGNMENT) if rows else None
        return info if isinstance(info, AssignmentInfo) else None

    def select_assignment(self, assignment_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(AssignmentRole.ID) == assignment_id:
                self.table.selectRow(row)
                return True
        return False

    def request_status(self, assignment_id: int, status: str) -> None:
        self._statusRequested.emit(assignment_id, status)

    def set_current_status(self, status: str) -> None:
        info = self.current_assignment()
        if info is not None:
            self.set_status(info.id, status)

    def set_status(self, assignment_id: int, status: str) -> None:
        try:
            self._service.set_status(assignment_id, status)
        except StudyappError as error:
            self.message.setText(describe(error))
            return
        self.message.clear()
        self._load_rows()
        self.select_assignment(assignment_id)
        self.changed.emit()

    def remove_current(self) -> None:
        info = self.current_assignment()
        if info is None:
            return
        try:
            self._service.remove(info.id)
        except StudyappError as error:
            self.message.setText(describe(error))
            return
        self.message.setText(
            self.tr("Removed “{paper}” for {person}.").format(
                paper=info.paper_title, person=info.person
            )
        )
        self.reload()
        self.changed.emit()

    def _sync_buttons(self) -> None:
        info = self.current_assignment()
        for status, button in self.status_buttons.items():
            button.setEnabled(info is not None and info.status != status)
        self.remove_button.setEnabled(info is not None)

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self.table)
        menu.setObjectName("assignmentContextMenu")
        for status, button in self.status_buttons.items():
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(lambda _=False, s=status: self.set_current_status(s))
        menu.addSeparator()
        menu.addAction(self.remove_button.text()).triggered.connect(self.remove_current)
        menu.exec(self.table.viewport().mapToGlobal(position))

    # -- assigning -------------------------------------------------------------------------

    def open_assign_dialog(self) -> AssignDialog:
        dialog = AssignDialog(self._database, self, today=self._today)
        dialog.assigned.connect(self._on_assigned)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()
        return dialog

    @property
    def assign_dialog(self) -> AssignDialog | None:
        return self._dialog

    def _on_assigned(self, info: AssignmentInfo, created_person: bool) -> None:
        if created_person:
            self.message.setText(
                self.tr("Assigned to {person}, who was added as a new person.").format(
                    person=info.person
                )
            )
        else:
            self.message.setText(
                self.tr("Assigned “{paper}” to {person}.").format(
                    paper=info.paper_title, person=info.person
                )
            )
        self.reload()
        self.select_assignment(info.id)
        self.changed.emit()
