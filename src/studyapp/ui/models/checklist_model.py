"""A session's to-dos, then the group's still-open ones from earlier sessions."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from studyapp.core.dto import ChecklistItemInfo
from studyapp.core.errors import StudyappError
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.tasks import StatusType
from studyapp.core.tasks.statuses import DONE, IN_PROGRESS, TODO
from studyapp.ui.errors_shown import describe
from studyapp.ui.models.checklist_look import (
    check_state,
    dimmed_color,
    display_text,
    is_closed,
    overdue_color,
)

Index = QModelIndex | QPersistentModelIndex


class ChecklistRole(enum.IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    TASK = Qt.ItemDataRole.UserRole + 2
    DONE = Qt.ItemDataRole.UserRole + 3
    DUE_DATE = Qt.ItemDataRole.UserRole + 4
    PRIORITY = Qt.ItemDataRole.UserRole + 5
    ASSIGNEE = Qt.ItemDataRole.UserRole + 6
    CARRIED_OVER = Qt.ItemDataRole.UserRole + 7
    OVERDUE = Qt.ItemDataRole.UserRole + 8
    IS_SECTION = Qt.ItemDataRole.UserRole + 9
    INFO = Qt.ItemDataRole.UserRole + 10
    STATUS = Qt.ItemDataRole.UserRole + 11  # the box's character: " ", "x", "/", "-", …
    STATUS_TYPE = Qt.ItemDataRole.UserRole + 12  # a StatusType
    CANCELLED = Qt.ItemDataRole.UserRole + 13  # its box is drawn crossed out


# What the box's check state asks for when a view sets it (a click, Space).
STATUS_OF_CHECK = {
    Qt.CheckState.Checked: DONE,
    Qt.CheckState.Unchecked: TODO,
    Qt.CheckState.PartiallyChecked: IN_PROGRESS,
}


# Carried-over to-dos listed at first; the rest on request. A group that never ticks its
# to-dos off collects thousands, and a session switch must stay instant.
CARRIED_SHOWN = 20


@dataclass(frozen=True)
class _Row:
    info: ChecklistItemInfo | None  # None: the "Carried over" heading
    carried: bool = False
    # Worked out once: the view asks for it on every paint and every size hint.
    text: str = field(init=False, default="")

    def __post_init__(self) -> None:
        if self.info is not None:
            object.__setattr__(self, "text", display_text(self.info.task))


class ChecklistModel(QAbstractListModel):
    changed = Signal()  # a check reached the database
    failed = Signal(str)  # a service call was refused; the text is for the user

    def __init__(
        self,
        service: ChecklistService,
        parent: QObject | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._today = today
        self._session_id: int | None = None
        self._own: list[ChecklistItemInfo] = []
        self._carried: list[ChecklistItemInfo] = []
        self._rows: list[_Row] = []
        self._show_done = True
        self._today_value = today()  # read again at every rebuild, not on every paint
        self._all_carried = False
        self._carried_more = False
        self.last_changed: int | None = None  # the to-do a status change left, to select

    # -- loading ---------------------------------------------------------------------------

    @property
    def session_id(self) -> int | None:
        return self._session_id

    @property
    def show_done(self) -> bool:
        return self._show_done

    def load(
        self, session_id: int | None, own_items: Sequence[ChecklistItemInfo] | None = None
    ) -> None:
        """Read ``session_id``'s to-dos (unless given) and the carried-over ones."""
        own: list[ChecklistItemInfo] = []
        carried: list[ChecklistItemInfo] = []
        if session_id != self._session_id:
            self._all_carried = False  # each session starts with the short list again
        more = False
        if session_id is not None:
            own = (
                list(own_items)
                if own_items is not None
                else self._service.items(session_id=session_id)
            )
            if self._all_carried:
                carried = self._service.carried_over(session_id)
            else:  # one extra row tells whether older ones were left out
                carried = self._service.carried_over(session_id, newest=CARRIED_SHOWN + 1)
                more = len(carried) > CARRIED_SHOWN
                carried = carried[-CARRIED_SHOWN:]
        self._session_id = session_id
        self._own, self._carried, self._carried_more = own, carried, more
        self._rebuild()

    @property
    def carried_more(self) -> bool:
        """Whether older carried-over to-dos were left out (see ``show_all_carried``)."""
        return self._carried_more

    def show_all_carried(self) -> None:
        if self._carried_more:
            self._all_carried = True
            self.reload()

    def reload(self) -> None:
        self.load(self._session_id)

    def set_show_done(self, show: bool) -> None:
        if show != self._show_done:
            self._show_done = show
            self._rebuild()

    def _rebuild(self) -> None:
        def visible(items: list[ChecklistItemInfo]) -> list[ChecklistItemInfo]:
            return [i for i in items if self._show_done or not is_closed(i.task)]

        self.beginResetModel()
        self._today_value = self._today()
        self._rows = [_Row(info) for info in visible(self._own)]
        carried = visible(self._carried)
        if carried:
            self._rows.append(_Row(None, carried=True))
            self._rows.extend(_Row(info, carried=True) for info in carried)
        self.endResetModel()

    # -- lookups for the panel -------------------------------------------------------------

    def item_at(self, row: int) -> ChecklistItemInfo | None:
        return self._rows[row].info if 0 <= row < len(self._rows) else None

    def is_carried(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row].carried

    def row_of(self, item_id: int) -> int | None:
        for row, entry in enumerate(self._rows):
            if entry.info is not None and entry.info.id == item_id:
                return row
        return None

    def find(self, item_id: int) -> ChecklistItemInfo | None:
        """The latest known state of an item, shown or hidden."""
        return next((i for i in [*self._own, *self._carried] if i.id == item_id), None)

    def own_items(self) -> list[ChecklistItemInfo]:
        """This session's to-dos in order, hidden (done) ones included."""
        return list(self._own)

    def open_count(self) -> int:
        return sum(1 for row in self._rows if row.info is not None and not is_closed(row.info.task))

    def replace(self, info: ChecklistItemInfo) -> None:
        """Show a changed item in its row without reloading the list."""
        for items in (self._own, self._carried):
            for position, current in enumerate(items):
                if current.id == info.id:
                    items[position] = info
        for row, entry in enumerate(self._rows):
            if entry.info is not None and entry.info.id == info.id:
                self._rows[row] = _Row(info, entry.carried)
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def is_overdue(self, info: ChecklistItemInfo) -> bool:
        task = info.task
        due = task.due_date
        return not is_closed(task) and due is not None and due < self._today_value

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].info is None:
            return Qt.ItemFlag.ItemIsEnabled  # a heading: seen, never selected
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if entry.info is None:
            return self._section_data(role)
        info, task = entry.info, entry.info.task
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return check_state(task)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(info)
        if role == Qt.ItemDataRole.ForegroundRole:
            palette = QGuiApplication.palette()
            if is_closed(task):
                return dimmed_color(palette)
            return overdue_color(palette) if self.is_overdue(info) else None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._tooltip(entry)
        if role < Qt.ItemDataRole.UserRole:
            return None  # the view asks for a dozen roles per row on every paint
        return self._item_role(entry, role)

    def _item_role(self, entry: _Row, role: int) -> Any:
        assert entry.info is not None
        task = entry.info.task
        values: dict[int, Any] = {
            ChecklistRole.ID: entry.info.id,
            ChecklistRole.TASK: task,
            ChecklistRole.INFO: entry.info,
            ChecklistRole.DONE: task.done,
            ChecklistRole.DUE_DATE: task.due_date,
            ChecklistRole.PRIORITY: task.priority,
            ChecklistRole.ASSIGNEE: task.assignee,
            ChecklistRole.CARRIED_OVER: entry.carried,
            ChecklistRole.OVERDUE: self.is_overdue(entry.info),
            ChecklistRole.IS_SECTION: False,
            ChecklistRole.STATUS: task.status_symbol,
            ChecklistRole.STATUS_TYPE: task.status_type,
            ChecklistRole.CANCELLED: task.cancelled,
        }
        return values.get(role)

    def _section_data(self, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if self._carried_more:
                return self.tr("Carried over: the newest {shown} (double-click for all)").format(
                    shown=len(self._carried)
                )
            return self.tr("Carried over")
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._carried_more:
                return self.tr(
                    "Still open from earlier sessions of this group. "
                    "Double-click to show all of them."
                )
            return self.tr("Still open from earlier sessions of this group")
        if role == Qt.ItemDataRole.FontRole:
            font = QGuiApplication.font()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == ChecklistRole.IS_SECTION:
            return True
        return None

    def _font(self, info: ChecklistItemInfo) -> QFont | None:
        closed, overdue = is_closed(info.task), self.is_overdue(info)
        if not closed and not overdue:
            return None
        font = QGuiApplication.font()
        font.setStrikeOut(closed)
        font.setItalic(info.task.cancelled)  # told apart from done at a glance
        font.setBold(overdue)
        return font

    def _tooltip(self, entry: _Row) -> str:
        assert entry.info is not None
        info, task = entry.info, entry.info.task
        lines = []
        if entry.carried:
            when = info.session_date.isoformat() if info.session_date else "?"
            lines.append(
                self.tr("Carried over from {date} ({title})").format(
                    date=when, title=info.session_title or ""
                )
            )
        if task.due_date is not None:
            due = self.tr("Due {date}").format(date=task.due_date.isoformat())
            if self.is_overdue(info):
                due = self.tr("{due} — overdue").format(due=due)
            lines.append(due)
        if task.done and task.done_date is not None:
            lines.append(self.tr("Done {date}").format(date=task.done_date.isoformat()))
        if task.done and info.done_by:
            lines.append(self.tr("Ticked by {name}").format(name=info.done_by))
        kind = task.status_type
        if kind is StatusType.IN_PROGRESS:
            lines.insert(0, self.tr("In progress"))
        elif kind is StatusType.CANCELLED:
            cancelled_on = task.cancelled_date
            lines.insert(
                0,
                self.tr("Cancelled {date}").format(date=cancelled_on.isoformat())
                if cancelled_on
                else self.tr("Cancelled"),
            )
        elif task.status_symbol not in (" ", "x"):
            lines.insert(0, self.tr("Status “{symbol}”").format(symbol=task.status_symbol))
        return "\n".join(lines) or display_text(task)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        info = self.item_at(index.row())
        if info is None:
            return False
        # Views hand over an int, tests and code may hand over the enum.
        wanted = Qt.CheckState(value)
        if wanted == check_state(info.task):
            return True
        return self.set_status(index.row(), STATUS_OF_CHECK[wanted])

    def set_status(self, row: int, symbol: str) -> bool:
        """Give the to-do in ``row`` the status ``symbol`` through the service."""
        info = self.item_at(row)
        if info is None:
            return False
        if info.task.status_symbol == symbol:
            return True
        try:
            updated = self._service.set_status(info.id, symbol, today=self._today())
        except StudyappError as error:
            self.failed.emit(describe(error))
            return False
        self._show_change(info, updated)
        return True

    def _show_change(self, before: ChecklistItemInfo, after: ChecklistItemInfo | None) -> None:
        """A to-do changed: in its row, or the whole list when rows came or went (a recurring
        to-do done gets its next occurrence; one saying 🏁 delete goes)."""
        self.last_changed = None if after is None else after.id
        if after is None or after.id != before.id or after.task.recurrence:
            self.reload()
        else:
            self.replace(after)
        self.changed.emit()

    def roleNames(self) -> dict[int, bytes]:
        return {
            **super().roleNames(),
            ChecklistRole.ID: b"itemId",
            ChecklistRole.DONE: b"done",
            ChecklistRole.DUE_DATE: b"dueDate",
            ChecklistRole.PRIORITY: b"priority",
            ChecklistRole.ASSIGNEE: b"assignee",
            ChecklistRole.CARRIED_OVER: b"carriedOver",
            ChecklistRole.OVERDUE: b"overdue",
            ChecklistRole.STATUS: b"status",
        }
