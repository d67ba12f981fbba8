"""How a to-do looks in the list: its text, and colours that read in any palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from studyapp.core.tasks import SIGN_OF_PRIORITY, StatusType, TaskFields


def display_text(task: TaskFields) -> str:
    """``"Alice: send slides  📅 2025-01-27 ⏫"``: the words people know from Tasks."""
    text = f"{task.assignee}: {task.text}" if task.assignee else task.text
    extras = []
    if task.due_date is not None:
        extras.append(f"📅 {task.due_date.isoformat()}")
    if task.priority:
        extras.append(SIGN_OF_PRIORITY[task.priority])
    if task.recurrence:
        extras.append(f"🔁 {task.recurrence}")
    return f"{text}  {' '.join(extras)}" if extras else text


def overdue_color(palette: QPalette) -> QColor:
    """A red that stays readable on the palette's background, light or dark."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b71c1c")


def dimmed_color(palette: QPalette) -> QColor:
    """Text halfway to the background: dim in any palette, even one with no disabled colours."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() + base.red()) // 2,
        (text.green() + base.green()) // 2,
        (text.blue() + base.blue()) // 2,
    )


def is_closed(task: TaskFields) -> bool:
    """Done or cancelled: nothing more to do about it (shown dim and struck through)."""
    return task.status_type in (StatusType.DONE, StatusType.CANCELLED)


def check_state(task: TaskFields) -> Qt.CheckState:
    """The box: ticked when done or cancelled (the delegate draws a cancelled one's box
    crossed out), half when in progress, else empty. A click goes where the Tasks plugin's
    click goes: to done from empty or half, to do from ticked (done or cancelled)."""
    kind = task.status_type
    if kind is StatusType.IN_PROGRESS:
        return Qt.CheckState.PartiallyChecked
    return Qt.CheckState.Checked if is_closed(task) else Qt.CheckState.Unchecked
