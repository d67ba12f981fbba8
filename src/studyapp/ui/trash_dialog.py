"""The trash: trashed sessions and papers, restored one by one or deleted for good.

``restored(kind, id)`` is emitted for each item brought back (kind ``"session"``/``"paper"``)
so the window can reload its lists; ``emptied(count)`` after the trash was emptied.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.errors import StudyappError
from studyapp.core.services.trash import KEEP_DAYS, TrashItem, TrashService
from studyapp.ui.errors_shown import describe

Named = TypeVar("Named", bound=QWidget)
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _named(widget: Named, name: str) -> Named:
    widget.setObjectName(name)
    return widget


class TrashDialog(QDialog):
    """A list of trashed things with Restore, Empty trash and Close."""

    COL_TITLE, COL_KIND, COL_DELETED = range(3)

    restored = Signal(str, int)
    emptied = Signal(int)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Trash"))
        self._service = TrashService(database)
        self._build()
        self.reload()
        self.resize(680, 420)

    def _build(self) -> None:
        note = _named(
            QLabel(
                self.tr(
                    "Deleted sessions and papers wait here for {days} days before they are "
                    "removed for good. A restored session comes back with its presentations, "
                    "to-dos and assignments."
                ).format(days=KEEP_DAYS)
            ),
            "trashNote",
        )
        note.setWordWrap(True)
        self._list = _named(QTreeWidget(), "trashList")
        self._list.setHeaderLabels([self.tr("Title"), self.tr("Kind"), self.tr("Deleted")])
        self._list.setRootIsDecorated(False)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._list.setAllColumnsShowFocus(True)
        header = self._list.header()
        header.setSectionResizeMode(self.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_DELETED, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._list.itemSelectionChanged.connect(self._update_buttons)
        self._list.itemActivated.connect(lambda *_: self.restore_selected())

        self._empty_label = _named(QLabel(self.tr("The trash is empty.")), "trashEmptyLabel")
        self._empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._error = _named(QLabel(), "trashError")
        self._error.setWordWrap(True)
        self._error.setStyleSheet("color: #b3261e;")
        self._error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error.hide()

        self._restore = _named(QPushButton(self.tr("&Restore")), "trashRestoreButton")
        self._restore.clicked.connect(self.restore_selected)
        self._empty = _named(QPushButton(self.tr("&Empty trash…")), "trashEmptyButton")
        self._empty.clicked.connect(self.empty_trash)
        close = _named(QPushButton(self.tr("Close")), "closeButton")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self._restore)
        buttons.addWidget(self._empty)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self._list, 1)
        layout.addWidget(self._empty_label)
        layout.addWidget(self._error)
        layout.addLayout(buttons)

    # -- contents --------------------------------------------------------------------------

    def _kind_name(self, kind: str) -> str:
        return self.tr("Session") if kind == "session" else self.tr("Paper")

    def _row(self, item: TrashItem) -> QTreeWidgetItem:
        title = f"{item.title}  —  {item.detail}" if item.detail else item.title
        deleted = item.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
        row = QTreeWidgetItem([title, self._kind_name(item.kind), deleted])
        row.setData(self.COL_TITLE, KIND_ROLE, item.kind)
        row.setData(self.COL_TITLE, ID_ROLE, item.id)
        row.setToolTip(self.COL_TITLE, title)
        return row

    def reload(self) -> None:
        self._list.clear()
        try:
            items = self._service.items()
        except StudyappError as error:
            self._show_error(describe(error))
            items = []
        self._list.addTopLevelItems([self._row(item) for item in items])
        first = self._list.topLevelItem(0)
        if first is not None:
            self._list.setCurrentItem(first)
        self._empty_label.setVisible(not items)
        self._update_buttons()

    def entries(self) -> list[tuple[str, int]]:
        """``(kind, id)`` of each row, top to bottom."""
        rows = (self._list.topLevelItem(i) for i in range(self._list.topLevelItemCount()))
        return [
            (str(row.data(self.COL_TITLE, KIND_ROLE)), int(row.data(self.COL_TITLE, ID_ROLE)))
            for row in rows
            if row is not None
        ]

    def _update_buttons(self) -> None:
        self._restore.setEnabled(bool(self._list.selectedItems()))
        self._empty.setEnabled(self._list.topLevelItemCount() > 0)

    def _show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.setVisible(bool(message))

    # -- actions ---------------------------------------------------------------------------

    @Slot()
    def restore_selected(self) -> None:
        self._show_error("")
        chosen = [
            (str(row.data(self.COL_TITLE, KIND_ROLE)), int(row.data(self.COL_TITLE, ID_ROLE)))
            for row in self._list.selectedItems()
        ]
        done: list[tuple[str, int]] = []
        try:
            for kind, item_id in chosen:
                self._service.restore(kind, item_id)
                done.append((kind, item_id))
        except StudyappError as error:
            self._show_error(describe(error))
        self.reload()
        for kind, item_id in done:
            self.restored.emit(kind, item_id)

    @Slot()
    def empty_trash(self) -> None:
        count = self._list.topLevelItemCount()
        if count == 0:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Empty trash"),
            self.tr(
                "Delete the {count} items in the trash for good? This cannot be undone."
            ).format(count=count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._show_error("")
        try:
            deleted = self._service.empty(older_than_days=None)
        except StudyappError as error:
            self._show_error(describe(error))
            return
        self.reload()
        self.emptied.emit(deleted)
