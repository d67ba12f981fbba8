"""A group's members in rotation order, and who is away on which upcoming meeting."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class MembersEditor(QWidget):
    """``membersChanged(names)`` after every edit, with the whole list in order."""

    membersChanged = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersEditor")
        self.list = QListWidget(objectName="membersList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.name_edit = QLineEdit(objectName="memberNameEdit")
        self.name_edit.setPlaceholderText(self.tr("Name"))
        self.name_edit.returnPressed.connect(self.add_from_edit)
        self.add_button = QPushButton(self.tr("Add"), objectName="addMemberButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_from_edit)
        self.remove_button = QPushButton(self.tr("Remove"), objectName="removeMemberButton")
        self.up_button = QPushButton(self.tr("Up"), objectName="moveMemberUpButton")
        self.down_button = QPushButton(self.tr("Down"), objectName="moveMemberDownButton")
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.list.currentRowChanged.connect(self._sync_buttons)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 0, 0, 4, 2)
        layout.addWidget(self.up_button, 0, 2)
        layout.addWidget(self.down_button, 1, 2)
        layout.addWidget(self.remove_button, 2, 2)
        layout.addWidget(self.name_edit, 4, 0, 1, 2)
        layout.addWidget(self.add_button, 4, 2)
        self._sync_buttons()

    def set_people(self, people: list[str]) -> None:
        """Names offered while typing (anyone known, not only members)."""
        self.name_edit.setCompleter(QCompleter(people, self))

    def set_names(self, names: list[str]) -> None:
        self.list.clear()
        self.list.addItems(names)
        self._sync_buttons()

    def names(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def add_from_edit(self) -> None:
        name = self.name_edit.text().strip()
        if not name or name in self.names():
            return
        self.list.addItem(name)
        self.name_edit.clear()
        self.list.setCurrentRow(self.list.count() - 1)
        self.membersChanged.emit(self.names())

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.membersChanged.emit(self.names())
        self._sync_buttons()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.membersChanged.emit(self.names())

    def _sync_buttons(self) -> None:
        row = self.list.currentRow()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)


class AbsenceGrid(QTableWidget):
    """Members down, upcoming meetings across; a ticked cell means away that day.

    ``absenceToggled(name, day, absent)`` when the user ticks or clears a cell.
    """

    absenceToggled = Signal(str, object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("absenceTable")
        self._names: list[str] = []
        self.itemChanged.connect(self._on_item)

    def fill(self, names: list[str], days: list[dt.date], absent: set[tuple[str, dt.date]]) -> None:
        self.blockSignals(True)
        self.clear()
        self._names = list(names)
        self.setRowCount(len(names))
        self.setColumnCount(len(days))
        self.setVerticalHeaderLabels(names)
        self.setHorizontalHeaderLabels([day.strftime("%m-%d") for day in days])
        for row, name in enumerate(names):
            for column, day in enumerate(days):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                checked = (name, day) in absent
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                item.setData(Qt.ItemDataRole.UserRole, day)
                item.setToolTip(self.tr("{name} on {date}").format(name=name, date=day.isoformat()))
                self.setItem(row, column, item)
        self.resizeColumnsToContents()
        self.blockSignals(False)

    def _on_item(self, item: QTableWidgetItem) -> None:
        absent = item.checkState() == Qt.CheckState.Checked
        self.absenceToggled.emit(
            self._names[item.row()], item.data(Qt.ItemDataRole.UserRole), absent
        )
