"""Reading assignments as a table: paper, person, due date or session, status."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication

from studyapp.core.services.assignments import AssignmentInfo
from studyapp.ui.models.checklist_look import overdue_color

Index = QModelIndex | QPersistentModelIndex

STATUSES = ("assigned", "reading", "done", "presented", "dropped")


class AssignmentColumn(enum.IntEnum):
    PAPER = 0
    PERSON = 1
    WHEN = 2
    STATUS = 3


class AssignmentRole(enum.IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    ASSIGNMENT = Qt.ItemDataRole.UserRole + 2
    STATUS = Qt.ItemDataRole.UserRole + 3  # the status code, for the combo delegate
    OVERDUE = Qt.ItemDataRole.UserRole + 4
    SORT = Qt.ItemDataRole.UserRole + 5


class AssignmentTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AssignmentInfo] = []

    def status_label(self, status: str) -> str:
        labels = {
            "assigned": self.tr("Assigned"),
            "reading": self.tr("Reading"),
            "done": self.tr("Done"),
            "presented": self.tr("Presented"),
            "dropped": self.tr("Dropped"),
        }
        return labels.get(status, status)

    def set_rows(self, rows: list[AssignmentInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def assignment_at(self, row: int) -> AssignmentInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AssignmentColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            AssignmentColumn.PAPER: self.tr("Paper"),
            AssignmentColumn.PERSON: self.tr("Person"),
            AssignmentColumn.WHEN: self.tr("Due / session"),
            AssignmentColumn.STATUS: self.tr("Status"),
        }
        return titles.get(AssignmentColumn(section)) if 0 <= section < 4 else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == AssignmentColumn.STATUS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        column = AssignmentColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._display(info, column)
            if role == Qt.ItemDataRole.ToolTipRole and info.overdue:
                return self.tr("{text} — overdue").format(text=text)
            return text
        if role == Qt.ItemDataRole.ForegroundRole and info.overdue:
            return overdue_color(QGuiApplication.palette())
        if role == Qt.ItemDataRole.FontRole and info.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == AssignmentRole.ID:
            return info.id
        if role == AssignmentRole.ASSIGNMENT:
            return info
        if role in (AssignmentRole.STATUS, Qt.ItemDataRole.EditRole):
            return info.status
        if role == AssignmentRole.OVERDUE:
            return info.overdue
        if role == AssignmentRole.SORT:
            if column == AssignmentColumn.WHEN:
                day = info.session_date or info.due_date
                return day.isoformat() if day else "9999"
            if column == AssignmentColumn.STATUS:
                return STATUSES.index(info.status) if info.status in STATUSES else 99
            return self._display(info, column).casefold()
        return None

    def roleNames(self) -> dict[int, bytes]:
        return {
            **super().roleNames(),
            AssignmentRole.ID: b"assignmentId",
            AssignmentRole.STATUS: b"status",
            AssignmentRole.OVERDUE: b"overdue",
        }

    def _display(self, info: AssignmentInfo, column: AssignmentColumn) -> str:
        if column == AssignmentColumn.PAPER:
            return info.paper_title
        if column == AssignmentColumn.PERSON:
            return info.person
        if column == AssignmentColumn.STATUS:
            return self.status_label(info.status)
        if info.session_id is not None:
            day = info.session_date.isoformat() if info.session_date else ""
            return self.tr("{date} · {session}").format(date=day, session=info.session_title or "")
        if info.due_date is not None:
            return self.tr("due {date}").format(date=info.due_date.isoformat())
        return ""
