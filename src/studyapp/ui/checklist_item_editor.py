"""The small form under the to-do list: text, due date, priority and assignee of one item."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from studyapp.core.dto import ChecklistItemInfo
from studyapp.core.tasks import SIGN_OF_PRIORITY, TaskFields, split_assignee

PRIORITIES = ("highest", "high", "medium", "low", "lowest")


class OptionalDateEdit(QDateEdit):
    """A date edit whose lowest value reads "No date" and means no date at all."""

    NO_DATE = QDate(1752, 9, 14)  # Qt's own minimum; nobody is due then

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.NO_DATE)
        self.setSpecialValueText(self.tr("No date"))
        self.clear_date()

    def value(self) -> dt.date | None:
        date = self.date()
        return None if date == self.NO_DATE else dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(self.NO_DATE if value is None else QDate(value.year, value.month, value.day))

    def clear_date(self) -> None:
        self.setDate(self.NO_DATE)

    def _start_from_today(self) -> None:
        # Stepping or opening the calendar from "No date" would land in 1752.
        if self.value() is None:
            self.setDate(QDate.currentDate())

    def stepBy(self, steps: int) -> None:
        if self.value() is None:
            self._start_from_today()
            return
        super().stepBy(steps)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start_from_today()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.value() is None:
            return
        super().keyPressEvent(event)


class ChecklistItemEditor(QFrame):
    """Edits one to-do; Enter saves, Escape closes without saving."""

    save_requested = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistItemEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._info: ChecklistItemInfo | None = None

        self.text_edit = QLineEdit(self, objectName="checklistEditText")
        self.due_edit = OptionalDateEdit(self)
        self.due_edit.setObjectName("checklistEditDue")
        self.due_edit.setToolTip(self.tr("Due date; the lowest value means no date"))
        clear_due = QToolButton(self, objectName="checklistEditClearDue")
        clear_due.setText(self.tr("No date"))
        clear_due.setToolTip(self.tr("Remove the due date"))
        clear_due.clicked.connect(self.due_edit.clear_date)
        self.priority_combo = QComboBox(self, objectName="checklistEditPriority")
        self.priority_combo.addItem(self.tr("None"), None)
        names = {
            "highest": self.tr("Highest"),
            "high": self.tr("High"),
            "medium": self.tr("Medium"),
            "low": self.tr("Low"),
            "lowest": self.tr("Lowest"),
        }
        for priority in PRIORITIES:
            self.priority_combo.addItem(f"{SIGN_OF_PRIORITY[priority]} {names[priority]}", priority)
        self.assignee_edit = QLineEdit(self, objectName="checklistEditAssignee")
        self.assignee_edit.setPlaceholderText(self.tr("Nobody"))
        self._people = QStringListModel(self)
        completer = QCompleter(self._people, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.assignee_edit.setCompleter(completer)

        save = QPushButton(self.tr("Save"), self, objectName="checklistEditSave")
        save.clicked.connect(self.save_requested)
        cancel = QPushButton(self.tr("Cancel"), self, objectName="checklistEditCancel")
        cancel.clicked.connect(self.cancel)

        due_row = QHBoxLayout()
        due_row.addWidget(self.due_edit, 1)
        due_row.addWidget(clear_due)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        form = QFormLayout(self)
        form.setContentsMargins(6, 6, 6, 6)
        form.addRow(self.tr("&Text"), self.text_edit)
        due_label = QLabel(self.tr("&Due"), self)
        due_label.setBuddy(self.due_edit)  # a row holding a layout gets no buddy by itself
        form.addRow(due_label, due_row)
        form.addRow(self.tr("&Priority"), self.priority_combo)
        form.addRow(self.tr("&Assignee"), self.assignee_edit)
        form.addRow(buttons)

    @property
    def info(self) -> ChecklistItemInfo | None:
        """The item being edited, as it was when editing started (None: closed)."""
        return self._info

    def set_people(self, names: list[str]) -> None:
        self._people.setStringList(names)

    def edit(self, info: ChecklistItemInfo) -> None:
        self._info = info
        task = info.task
        self.text_edit.setText(task.text)
        self.due_edit.set_value(task.due_date)
        self.priority_combo.setCurrentIndex(max(0, self.priority_combo.findData(task.priority)))
        self.assignee_edit.setText(task.assignee or "")
        self.show()
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.text_edit.selectAll()

    def close_editor(self) -> None:
        self._info = None
        self.hide()

    def cancel(self) -> None:
        self.close_editor()
        self.cancelled.emit()

    def task(self, base: TaskFields | None = None) -> TaskFields:
        """The edited fields on top of ``base`` (default: the item as editing began).

        Pass the item's latest fields, so a check made while the form was open survives.
        """
        assert self._info is not None
        text = self.text_edit.text().strip()
        assignee = self.assignee_edit.text().strip() or None
        if assignee is None:
            # "Bob: send slides" typed into the text names Bob, as in the add field.
            assignee, text = split_assignee(text)
        return replace(
            base or self._info.task,
            text=text,
            due_date=self.due_edit.value(),
            priority=self.priority_combo.currentData(),
            assignee=assignee,
        )

    def is_dirty(self) -> bool:
        return self._info is not None and self.task() != self._info.task

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Line edits, the date edit and the combo pass Enter and Escape up to here.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save_requested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)
