"""Sessions newest first, fetched a page at a time as the view scrolls."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from studyapp.core.dto import SessionSummary
from studyapp.core.errors import StudyappError
from studyapp.core.services.sessions import SessionService

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex


class SessionRole(enum.IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    SUMMARY = Qt.ItemDataRole.UserRole + 2
    DATE = Qt.ItemDataRole.UserRole + 3
    GROUP = Qt.ItemDataRole.UserRole + 4
    PRESENT = Qt.ItemDataRole.UserRole + 5  # names of the members in it now


class SessionListModel(QAbstractListModel):
    def __init__(self, service: SessionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._rows: list[SessionSummary] = []
        self._group: str | None = None
        self._text: str | None = None
        self._exhausted = False
        self.error: str | None = None  # why the last page could not be read
        self._present: dict[int, list[str]] = {}  # session id -> members there now

    def set_present(self, present: dict[int, list[str]]) -> None:
        """Who has which session open now (PostgreSQL's live updates)."""
        touched = set(present) | set(self._present)
        self._present = present
        for row, summary in enumerate(self._rows):
            if summary.id in touched:
                index = self.index(row)
                self.dataChanged.emit(index, index)

    # -- loading ---------------------------------------------------------------------------

    def set_filter(self, group: str | None, text: str) -> None:
        """Only sessions of ``group`` whose title contains ``text``."""
        self._group, self._text = group, text.strip() or None
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        try:
            page = self._service.list_sessions(
                text=self._text, group=self._group, limit=PAGE_SIZE, offset=len(self._rows)
            )
        except StudyappError as error:
            # Qt calls this from a view: an exception would only be a traceback on stderr.
            # Unreadable rows end the list; the window's banner says the file is damaged.
            self._exhausted = True
            self.error = str(error)
            return
        self._exhausted = len(page) < PAGE_SIZE
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def row_of(self, session_id: int) -> int | None:
        """The row showing ``session_id``, fetching further pages if it is not loaded yet."""
        while True:
            for row, summary in enumerate(self._rows):
                if summary.id == session_id:
                    return row
            if self._exhausted:
                return None
            self.fetchMore(QModelIndex())

    def replace(self, summary: SessionSummary) -> None:
        """Refresh one row after an edit (title, date...) without reloading the list."""
        for row, current in enumerate(self._rows):
            if current.id == summary.id:
                self._rows[row] = summary
                index = self.index(row)
                self.dataChanged.emit(index, index)
                return

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            shown = f"{summary.date.isoformat()} · {summary.group} · {summary.title}"
            names = self._present.get(summary.id)
            return f"{shown}  ● {', '.join(names)}" if names else shown
        if role == SessionRole.PRESENT:
            return list(self._present.get(summary.id, []))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{summary.title}\n{summary.group} · {summary.kind} · {summary.status}"
        if role == SessionRole.ID:
            return summary.id
        if role == SessionRole.SUMMARY:
            return summary
        if role == SessionRole.DATE:
            return summary.date.isoformat()
        if role == SessionRole.GROUP:
            return summary.group
        return None

    def roleNames(self) -> dict[int, bytes]:
        return {
            **super().roleNames(),
            SessionRole.ID: b"sessionId",
            SessionRole.DATE: b"date",
            SessionRole.GROUP: b"group",
        }
