import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.checklist_panel import ChecklistPanel
from studyapp.ui.models.checklist_model import CARRIED_SHOWN, ChecklistRole
from studyapp.ui.save_queue import SaveQueue

TODAY = dt.date(2025, 3, 12)


@pytest.fixture
def todos(database):
    return ChecklistService(database)


@pytest.fixture
def sessions(database):
    service = SessionService(database)
    return {
        "old": service.create(group="KD 스터디", title="0303 리딩", date=dt.date(2025, 3, 3)).id,
        "new": service.create(group="KD 스터디", title="0310 리딩", date=dt.date(2025, 3, 10)).id,
        "other": service.create(group="MUG", title="MUG 3월", date=dt.date(2025, 3, 11)).id,
    }


@pytest.fixture
def panel(qtbot, database):
    panel = ChecklistPanel(database, SaveQueue(), today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(360, 520)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def child(panel, kind, name):
    widget = panel.findChild(kind, name)
    assert widget is not None, name
    return widget


def texts(todos, session_id):
    return [item.task.text for item in todos.items(session_id=session_id)]


def commit_text(widget, text):
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def add_items(qtbot, panel, *lines):
    field = child(panel, QLineEdit, "checklistAdd")
    field.setFocus()
    for line in lines:
        if line.isascii():
            qtbot.keyClicks(field, line)
        else:
            commit_text(field, line)
        with qtbot.waitSignal(panel.changed):
            qtbot.keyClick(field, Qt.Key.Key_Return)
        assert field.text() == ""
    return field


def earlier_meetings(database, todos, count, todo):
    """``count`` daily meetings of the group from 2024-01-01, each leaving ``todo`` open."""
    service = SessionService(database)
    for day in range(count):
        date = dt.date(2024, 1, 1) + dt.timedelta(days=day)
        earlier = service.create(group="KD 스터디", title=f"모임 {day}", date=date).id
        todos.add(earlier, todo.format(day=day))


def select(panel, row):
    view = child(panel, QListView, "checklistView")
    view.setFocus()
    view.setCurrentIndex(panel.model.index(row))
    return view


def check_box_center(view, row):
    index = view.model().index(row)
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    option.widget = view
    view.itemDelegate().initStyleOption(option, index)
    rect = view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
    )
    return rect.center()


def test_add_three_items_with_enter_keeps_focus(qtbot, panel, todos, sessions):
    panel.load_session(sessions["new"])
    field = child(panel, QLineEdit, "checklistAdd")
    assert field.placeholderText().startswith("Add a to-do — Enter to add")
    add_items(
        qtbot, panel, "Alice: send slides", "book the room", "지호님: 논문 요약 정리 📅 2025-03-20"
    )
    assert field.hasFocus()
    items = todos.items(session_id=sessions["new"])
    assert [i.task.text for i in items] == ["send slides", "book the room", "논문 요약 정리"]
    assert items[0].task.assignee == "Alice"
    assert items[2].task.assignee == "지호님"
    assert items[2].task.due_date == dt.date(2025, 3, 20)
    assert panel.model.index(0).data() == "Alice: send slides"
    assert "3 open" in child(panel, QLabel, "checklistHeader").text()


def test_space_checks_and_stamps_today(qtbot, panel, todos, sessions):
    item = todos.add(sessions["new"], "read the paper")
    panel.load_session(sessions["new"])
    view = select(panel, 0)
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    saved = todos.get(item.id)
    assert saved.task.done and saved.task.done_date == TODAY
    assert "0 open" in child(panel, QLabel, "checklistHeader").text()
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert todos.get(item.id).task.done_date is None


def test_click_on_the_box_checks(qtbot, panel, todos, sessions):
    item = todos.add(sessions["new"], "read the paper")
    panel.load_session(sessions["new"])
    view = child(panel, QListView, "checklistView")
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=check_box_center(view, 0))
    assert todos.get(item.id).task.done


def test_edit_text_due_priority_assignee(qtbot, panel, todos, sessions):
    todos.add(sessions["old"], "Bob: known person")
    item = todos.add(sessions["new"], "send slides")
    panel.load_session(sessions["new"])
    view = select(panel, 0)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = child(panel, QWidget, "checklistItemEditor")
    assert editor.isVisible()
    text = child(panel, QLineEdit, "checklistEditText")
    assert text.hasFocus()
    qtbot.keyClicks(text, "send the slides")  # the text starts selected: typing replaces it
    child(panel, QWidget, "checklistEditDue").setDate(QDate(2025, 3, 11))
    priority = child(panel, QComboBox, "checklistEditPriority")
    priority.setFocus()
    qtbot.keyClick(priority, Qt.Key.Key_Down)  # none -> highest
    qtbot.keyClick(priority, Qt.Key.Key_Down)  # -> high
    assignee = child(panel, QLineEdit, "checklistEditAssignee")
    assert "Bob" in assignee.completer().model().stringList()
    assignee.setFocus()
    qtbot.keyClicks(assignee, "Alice")
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(assignee, Qt.Key.Key_Return)
    task = todos.get(item.id).task
    assert (task.text, task.due_date, task.priority, task.assignee) == (
        "send the slides",
        dt.date(2025, 3, 11),
        "high",
        "Alice",
    )
    assert not editor.isVisible()
    assert panel.model.index(0).data() == "Alice: send the slides  📅 2025-03-11 ⏫"
    assert panel.model.index(0).data(ChecklistRole.OVERDUE) is True


def test_edit_clears_the_due_date_and_escape_cancels(qtbot, panel, todos, sessions):
    item = todos.add(sessions["new"], "x 📅 2025-03-20 🔽")
    panel.load_session(sessions["new"])
    view = select(panel, 0)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.mouseClick(child(panel, QToolButton, "checklistEditClearDue"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(child(panel, QPushButton, "checklistEditSave"), Qt.MouseButton.LeftButton)
    assert todos.get(item.id).task.due_date is None
    assert todos.get(item.id).task.priority == "low"
    # Escape leaves the item as it was.
    qtbot.keyClick(view, Qt.Key.Key_F2)
    text = child(panel, QLineEdit, "checklistEditText")
    qtbot.keyClicks(text, "changed")
    qtbot.keyClick(text, Qt.Key.Key_Escape)
    assert not child(panel, QWidget, "checklistItemEditor").isVisible()
    assert todos.get(item.id).task.text == "x"


def test_double_click_opens_the_editor(qtbot, panel, todos, sessions):
    todos.add(sessions["new"], "x")
    panel.load_session(sessions["new"])
    view = child(panel, QListView, "checklistView")
    centre = view.visualRect(panel.model.index(0)).center()
    # A real double click starts with a click; the view ignores a lone double-click event.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert child(panel, QWidget, "checklistItemEditor").isVisible()


def test_alt_down_and_up_reorder(qtbot, panel, todos, sessions):
    for text in ("a", "b", "c"):
        todos.add(sessions["new"], text)
    panel.load_session(sessions["new"])
    view = select(panel, 0)
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert texts(todos, sessions["new"]) == ["b", "a", "c"]
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # already last
    assert texts(todos, sessions["new"]) == ["b", "c", "a"]
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert texts(todos, sessions["new"]) == ["b", "a", "c"]


def test_reorder_skips_hidden_done_items(qtbot, panel, todos, sessions):
    first = todos.add(sessions["new"], "a")
    done = todos.add(sessions["new"], "done")
    todos.add(sessions["new"], "c")
    todos.set_done(done.id, True)
    panel.load_session(sessions["new"])
    qtbot.mouseClick(child(panel, QToolButton, "checklistShowDone"), Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 2
    view = select(panel, 0)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert texts(todos, sessions["new"]) == ["done", "c", "a"]
    assert panel.model.row_of(first.id) == 1


def test_delete_removes_and_ctrl_z_restores(qtbot, panel, todos, sessions):
    for text in ("a", "b", "c"):
        todos.add(sessions["new"], text)
    panel.load_session(sessions["new"])
    view = select(panel, 1)
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert texts(todos, sessions["new"]) == ["a", "c"]
    assert child(panel, QWidget, "checklistUndoBar").isVisible()
    assert view.currentIndex().row() == 1
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert texts(todos, sessions["new"]) == ["a", "b", "c"]
    assert panel.current_item().task.text == "b"


def test_undo_button_restores(qtbot, panel, todos, sessions):
    todos.add(sessions["new"], "a")
    panel.load_session(sessions["new"])
    qtbot.keyClick(select(panel, 0), Qt.Key.Key_Delete)
    assert texts(todos, sessions["new"]) == []
    qtbot.mouseClick(child(panel, QToolButton, "checklistUndo"), Qt.MouseButton.LeftButton)
    assert texts(todos, sessions["new"]) == ["a"]
    assert not child(panel, QWidget, "checklistUndoBar").isVisible()


def test_carried_over_for_same_group_only(qtbot, panel, todos, sessions):
    carried = todos.add(sessions["old"], "동훈님: 실험 결과 공유")
    panel.load_session(sessions["new"])
    model = panel.model
    assert [model.index(r).data() for r in range(model.rowCount())] == [
        "Carried over",
        "동훈님: 실험 결과 공유",
    ]
    assert model.index(1).data(ChecklistRole.CARRIED_OVER) is True
    assert "2025-03-03" in model.index(1).data(Qt.ItemDataRole.ToolTipRole)
    view = select(panel, 1)
    # Delete is refused for another session's to-do; checking it off works.
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert child(panel, QLabel, "checklistError").isVisible()
    assert todos.get(carried.id)
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert todos.get(carried.id).task.done_date == TODAY
    panel.load_session(sessions["other"])
    assert panel.model.rowCount() == 0


def test_many_carried_over_show_the_newest_until_the_heading_is_double_clicked(
    qtbot, panel, todos, sessions, database
):
    # 60 earlier meetings left a to-do open each; the oldest is from 2024-01-01.
    earlier_meetings(database, todos, 60, "할 일 {day:02d}")
    panel.load_session(sessions["new"])
    model = panel.model
    heading = model.index(0)
    assert heading.data() == f"Carried over: the newest {CARRIED_SHOWN} (double-click for all)"
    assert "Double-click" in heading.data(Qt.ItemDataRole.ToolTipRole)
    shown = [model.index(r).data() for r in range(1, model.rowCount())]
    assert shown == [f"할 일 {day:02d}" for day in range(60 - CARRIED_SHOWN, 60)]  # oldest first

    view = child(panel, QListView, "checklistView")
    qtbot.waitUntil(lambda: view.indexAt(view.visualRect(heading).center()) == heading)
    centre = view.visualRect(heading).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert model.index(0).data() == "Carried over"
    assert model.rowCount() == 61
    assert model.index(1).data() == "할 일 00"
    panel.load_session(sessions["old"])
    panel.load_session(sessions["new"])  # another session starts short again
    assert model.rowCount() == CARRIED_SHOWN + 1


def test_overdue_role_set(panel, todos, sessions):
    todos.add(sessions["new"], "late 📅 2025-03-01")
    todos.add(sessions["new"], "fine 📅 2025-03-30")
    panel.load_session(sessions["new"])
    assert [panel.model.index(r).data(ChecklistRole.OVERDUE) for r in range(2)] == [True, False]


def test_no_session_clears_and_disables(qtbot, panel, todos, sessions):
    todos.add(sessions["new"], "x")
    panel.load_session(sessions["new"])
    assert panel.isEnabled() and panel.model.rowCount() == 1
    panel.load_session(None)
    assert not panel.isEnabled()
    assert panel.model.rowCount() == 0
    assert panel.session_id is None


def test_add_into_a_trashed_session_shows_the_error(qtbot, database, panel, sessions):
    panel.load_session(sessions["new"])
    SessionService(database).trash(sessions["new"])
    field = child(panel, QLineEdit, "checklistAdd")
    qtbot.keyClicks(field, "too late")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    error = child(panel, QLabel, "checklistError")
    assert error.isVisible() and "no session" in error.text()
    assert field.text() == "too late"  # nothing typed is lost


def test_switching_sessions_saves_an_open_edit(qtbot, panel, todos, sessions):
    item = todos.add(sessions["new"], "draft")
    panel.load_session(sessions["new"])
    qtbot.keyClick(select(panel, 0), Qt.Key.Key_F2)
    qtbot.keyClicks(child(panel, QLineEdit, "checklistEditText"), "final")
    panel.load_session(sessions["other"])
    assert todos.get(item.id).task.text == "final"
    assert not child(panel, QWidget, "checklistItemEditor").isVisible()


def test_context_menu_position_is_harmless(panel):
    # No current item: the menu is not shown.
    panel._context_menu(QPoint(1, 1))


def test_check_while_editing_is_kept_on_save(qtbot, panel, todos, sessions):
    item = todos.add(sessions["new"], "draft")
    panel.load_session(sessions["new"])
    view = select(panel, 0)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.keyClicks(child(panel, QLineEdit, "checklistEditText"), "final")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(child(panel, QPushButton, "checklistEditSave"), Qt.MouseButton.LeftButton)
    task = todos.get(item.id).task
    assert (task.text, task.done, task.done_date) == ("final", True, TODAY)


def test_every_row_is_shown_after_quick_switches_between_long_lists(
    qtbot, panel, todos, sessions, database
):
    """Rows laid out in batches went missing when a switch came before the last batch."""
    todo = "발표 자료와 리뷰 노트를 정리해서 공유하기 {day:02d} and rerun eval"
    earlier_meetings(database, todos, 40, todo)
    for number in range(12):
        todos.add(sessions["new"], f"교사-학생 distillation 실험 {number} 결과를 표로 정리하기")
    view = child(panel, QListView, "checklistView")
    panel.load_session(sessions["old"])  # no events between the switches, as a fast reader
    panel.load_session(sessions["new"])
    QApplication.processEvents()
    model = panel.model
    assert model.rowCount() == 12 + 1 + CARRIED_SHOWN
    for row in range(model.rowCount()):
        index = model.index(row)
        view.scrollTo(index)
        assert view.indexAt(view.visualRect(index).center()) == index, row
    # Wrapped rows are as tall as their lines: two lines of Hangul, not one cut short.
    one_line = view.fontMetrics().height()
    assert view.visualRect(model.index(model.rowCount() - 1)).height() > 1.8 * one_line
