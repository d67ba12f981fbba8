"""The papers library as a table: one row per paper with how often it was presented."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette

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
    PENDING = Qt.ItemDataRole.UserRole + 5  # only the id is known; details looked up later


class PaperTableModel(QAbstractTableModel):
    """Cells are worked out once per ``set_rows``: the view asks for them many thousand times."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PaperRow] = []
        self._cells: list[tuple[str, ...]] = []
        self._filter_text: list[str] = []
        self._order: tuple[PaperColumn, Qt.SortOrder] | None = None  # kept across reloads

    def set_rows(self, rows: list[PaperRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._order is not None:
            column, order = self._order
            self._rows.sort(
                key=lambda entry: _sort_key(entry, column),
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        # Where the authors will be: a paper known by its id alone says so.
        pending = self.tr("details pending…")
        self._cells = [
            tuple(_display(entry, c, pending) for c in PaperColumn) for entry in self._rows
        ]
        self._filter_text = [" ".join(cells[c] for c in _TEXT_COLUMNS) for cells in self._cells]
        self.endResetModel()

    def paper_at(self, row: int) -> PaperInfo | None:
        return self._rows[row].paper if 0 <= row < len(self._rows) else None

    def row_of(self, paper_id: int) -> int | None:
        for row, entry in enumerate(self._rows):
            if entry.paper.id == paper_id:
                return row
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here in one pass; a proxy would ask for two cells per comparison."""
        if not 0 <= column < len(PaperColumn):
            return
        key_column = PaperColumn(column)
        self._order = (key_column, order)
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._rows[index.row()].paper.id for index in old]
        order_of = sorted(
            range(len(self._rows)),
            key=lambda row: _sort_key(self._rows[row], key_column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._rows = [self._rows[row] for row in order_of]
        self._cells = [self._cells[row] for row in order_of]
        self._filter_text = [self._filter_text[row] for row in order_of]
        new_row = {entry.paper.id: row for row, entry in enumerate(self._rows)}
        self.changePersistentIndexList(
            old,
            [
                self.index(new_row[pid], index.column())
                for pid, index in zip(old_ids, old, strict=True)
            ],
        )
        self.layoutChanged.emit()

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
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == Qt.ItemDataRole.ToolTipRole and column in _TOOLTIP_COLUMNS:
            return self._cells[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBER_COLUMNS:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and self._rows[row].paper.details_pending:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self._rows[row].paper.details_pending:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == PaperRole.PENDING:
            return self._rows[row].paper.details_pending
        if role == PaperRole.ID:
            return self._rows[row].paper.id
        if role == PaperRole.PAPER:
            return self._rows[row].paper
        if role == PaperRole.SORT:
            return _sort_key(self._rows[row], PaperColumn(column))
        if role == PaperRole.FILTER:
            return self._filter_text[row]
        return None

    def roleNames(self) -> dict[int, bytes]:
        return {**super().roleNames(), PaperRole.ID: b"paperId", PaperRole.PAPER: b"paper"}


_TOOLTIP_COLUMNS = frozenset({PaperColumn.TITLE.value, PaperColumn.AUTHORS.value})
_NUMBER_COLUMNS = frozenset({PaperColumn.YEAR.value, PaperColumn.TIMES_PRESENTED.value})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _display(entry: PaperRow, column: PaperColumn, pending: str = "") -> str:
    paper = entry.paper
    if column == PaperColumn.TITLE:
        return paper.title
    if column == PaperColumn.AUTHORS:
        if paper.details_pending and not paper.authors:
            return pending
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


def _sort_key(entry: PaperRow, column: PaperColumn) -> Any:
    if column == PaperColumn.YEAR:
        return entry.paper.year or 0
    if column == PaperColumn.TIMES_PRESENTED:
        return entry.times_presented
    if column == PaperColumn.LAST_PRESENTED:
        # Never presented sorts before any date.
        return (entry.last_presented or dt.date.min).toordinal()
    return _display(entry, column).casefold()
