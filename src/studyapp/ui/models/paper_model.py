"""The papers library as a table: one row per paper with how often it was presented."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from studyapp.core.dto import PaperInfo
from studyapp.core.services.papers import PaperRow

Index = QModelIndex | QPersistentModelIndex


class PaperColumn(enum.IntEnum):
    TITLE = 0
    AUTHORS = 1
    VENUE = 2
    YEAR = 3
    TAGS = 4
    TIMES_PRESENTED = 5
    LAST_PRESENTED = 6


_TEXT_COLUMNS = (
    PaperColumn.TITLE,
    PaperColumn.AUTHORS,
    PaperColumn.VENUE,
    PaperColumn.YEAR,
    PaperColumn.TAGS,
)


class PaperRole(enum.IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    PAPER = Qt.ItemDataRole.UserRole + 2
    SORT = Qt.ItemDataRole.UserRole + 3  # numbers and ISO dates, so they sort as values
    FILTER = Qt.ItemDataRole.UserRole + 4  # every text column at once, for the filter box


class PaperTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PaperRow] = []

    def set_rows(self, rows: list[PaperRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def paper_at(self, row: int) -> PaperInfo | None:
        return self._rows[row].paper if 0 <= row < len(self._rows) else None

    def row_of(self, paper_id: int) -> int | None:
        for row, entry in enumerate(self._rows):
            if entry.paper.id == paper_id:
                return row
        return None

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PaperColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            PaperColumn.TITLE: self.tr("Title"),
            PaperColumn.AUTHORS: self.tr("Authors"),
            PaperColumn.VENUE: self.tr("Venue"),
            PaperColumn.YEAR: self.tr("Year"),
            PaperColumn.TAGS: self.tr("Tags"),
            PaperColumn.TIMES_PRESENTED: self.tr("Presented"),
            PaperColumn.LAST_PRESENTED: self.tr("Last presented"),
        }
        return titles.get(PaperColumn(section)) if 0 <= section < len(PaperColumn) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = PaperColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (
            PaperColumn.TITLE,
            PaperColumn.AUTHORS,
        ):
            return self._display(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            PaperColumn.YEAR,
            PaperColumn.TIMES_PRESENTED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PaperRole.ID:
            return entry.paper.id
        if role == PaperRole.PAPER:
            return entry.paper
        if role == PaperRole.SORT:
            return self._sort_key(entry, column)
        if role == PaperRole.FILTER:
            return " ".join(self._display(entry, c) for c in _TEXT_COLUMNS)
        return None

    def roleNames(self) -> dict[int, bytes]:
        return {**super().roleNames(), PaperRole.ID: b"paperId", PaperRole.PAPER: b"paper"}

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _display(entry: PaperRow, column: PaperColumn) -> str:
        paper = entry.paper
        if column == PaperColumn.TITLE:
            return paper.title
        if column == PaperColumn.AUTHORS:
            return ", ".join(paper.authors)
        if column == PaperColumn.VENUE:
            return paper.venue or ""
        if column == PaperColumn.YEAR:
            return str(paper.year) if paper.year else ""
        if column == PaperColumn.TAGS:
            return ", ".join(paper.tags)
        if column == PaperColumn.TIMES_PRESENTED:
            return str(entry.times_presented)
        return entry.last_presented.isoformat() if entry.last_presented else ""

    @staticmethod
    def _sort_key(entry: PaperRow, column: PaperColumn) -> Any:
        if column == PaperColumn.YEAR:
            return entry.paper.year or 0
        if column == PaperColumn.TIMES_PRESENTED:
            return entry.times_presented
        if column == PaperColumn.LAST_PRESENTED:
            # Never presented sorts before any date.
            return (entry.last_presented or dt.date.min).toordinal()
        return PaperTableModel._display(entry, column).casefold()
