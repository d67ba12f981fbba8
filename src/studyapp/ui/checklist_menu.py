"""The to-do list's right-click menu: edit, the four statuses, move and remove.

Each entry shows its key as a hint; the list itself handles the keys
(``ChecklistPanel._list_key``), so the menu and the keyboard never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from studyapp.core.tasks import StatusType
from studyapp.core.tasks.statuses import CANCELLED, DONE, IN_PROGRESS, TODO

if TYPE_CHECKING:
    from studyapp.ui.checklist_panel import ChecklistPanel


def to_do_menu(panel: ChecklistPanel, status: StatusType) -> QMenu:
    """The menu for the panel's current to-do, whose status is ``status`` (checked)."""
    menu = QMenu(panel, objectName="checklistMenu")
    _add_actions(
        menu, ((QCoreApplication.translate("ChecklistPanel", "Edit…"), "F2", panel.edit_current),)
    )
    menu.addSeparator()
    for text, keys, symbol, shown in (
        (QCoreApplication.translate("ChecklistPanel", "Mark as to do"), "", TODO, StatusType.TODO),
        (
            QCoreApplication.translate("ChecklistPanel", "Mark as in progress"),
            "/",
            IN_PROGRESS,
            StatusType.IN_PROGRESS,
        ),
        (
            QCoreApplication.translate("ChecklistPanel", "Mark as done"),
            "Space",
            DONE,
            StatusType.DONE,
        ),
        (
            QCoreApplication.translate("ChecklistPanel", "Mark as cancelled"),
            "-",
            CANCELLED,
            StatusType.CANCELLED,
        ),
    ):
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(status is shown)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _on=False, s=symbol: panel.set_current_status(s))
    menu.addSeparator()
    _add_actions(
        menu,
        (
            (
                QCoreApplication.translate("ChecklistPanel", "Move up"),
                "Alt+Up",
                lambda: panel.move_current(-1),
            ),
            (
                QCoreApplication.translate("ChecklistPanel", "Move down"),
                "Alt+Down",
                lambda: panel.move_current(1),
            ),
            (QCoreApplication.translate("ChecklistPanel", "Remove"), "Del", panel.remove_current),
        ),
    )
    return menu


def _add_actions(menu: QMenu, entries: Sequence[tuple[str, str, Callable[[], None]]]) -> None:
    for text, keys, slot in entries:
        action = menu.addAction(text)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
