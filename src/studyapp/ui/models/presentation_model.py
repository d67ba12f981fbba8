"""The slots of one session, in order; reordered by drag and drop or from the keyboard."""

from __future__ import annotations

import enum
import re
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from studyapp.core.dto import PresentationInfo

Index = QModelIndex | QPersistentModelIndex
_HEADING_MARKS = re.compile(r"^\s{0,3}#{1,6}\s*")


class PresentationRole(enum.IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    PRESENTER = Qt.ItemDataRole.UserRole + 2
    PAPER_TITLE = Qt.ItemDataRole.UserRole + 3
    INFO = Qt.ItemDataRole.UserRole + 4


def paper_text(info: PresentationInfo) -> str:
    """``Tiny Teachers (CVPR 2024)``: how a slot's paper is shown and typed."""
    paper = info.paper
    if paper is None:
        return ""
    title = " ".join(paper.title.split())
    venue = " ".join((paper.venue or "").split())
    return f"{title} ({venue})" if venue else title


class PresentationListModel(QAbstractListModel):
    """Holds the rows it was given; ``data`` never reaches the database (no query per paint).

    ``rowMoved(presentation_id, new_position)`` is emitted after a row moved here, so the
    owner can store the new order.
    """

    rowMoved = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PresentationInfo] = []

    # -- contents --------------------------------------------------------------------------

    def set_rows(self, rows: list[PresentationInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def info(self, row: int) -> PresentationInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, presentation_id: int) -> int | None:
        return next((i for i, info in enumerate(self._rows) if info.id == presentation_id), None)

    def replace(self, info: PresentationInfo) -> None:
        """Show an edited slot (presenter, paper...) without reloading the list."""
        row = self.row_of(info.id)
        if row is not None:
            self._rows[row] = info
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def display_text(self, row: int) -> str:
        info = self._rows[row]
        who = info.presenter or self.tr("No presenter")
        about = paper_text(info)
        if not about and info.heading_raw and info.presenter is None:
            about = _HEADING_MARKS.sub("", info.heading_raw.strip().splitlines()[0])
        return f"{row + 1}. {who} — {about}" if about else f"{row + 1}. {who}"

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display_text(index.row())
        if role == PresentationRole.ID:
            return info.id
        if role == PresentationRole.PRESENTER:
            return info.presenter
        if role == PresentationRole.PAPER_TITLE:
            return info.paper.title if info.paper else None
        if role == PresentationRole.INFO:
            return info
        return None

    def roleNames(self) -> dict[int, bytes]:
        return {
            **super().roleNames(),
            PresentationRole.ID: b"presentationId",
            PresentationRole.PRESENTER: b"presenter",
            PresentationRole.PAPER_TITLE: b"paperTitle",
        }

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between rows only, never onto a slot (which would replace it).
            return Qt.ItemFlag.ItemIsDropEnabled
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """Move one row before ``destination_child``; QListView's internal drop lands here."""
        if source_parent.isValid() or destination_parent.isValid() or count != 1:
            return False
        if not 0 <= source_row < len(self._rows):
            return False
        destination = max(0, min(destination_child, len(self._rows)))
        if destination in (source_row, source_row + 1):
            return False
        if not self.beginMoveRows(
            QModelIndex(), source_row, source_row, QModelIndex(), destination
        ):
            return False
        info = self._rows.pop(source_row)
        position = destination if destination < source_row else destination - 1
        self._rows.insert(position, info)
        self.endMoveRows()
        # The numbers in front of every title changed.
        self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
        self.rowMoved.emit(info.id, position)
        return True
