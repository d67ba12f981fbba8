"""To-do statuses in the window, as a person changes them: a recurring to-do ticked in the
panel gets its next occurrence above it in the editor (one undo step); "/" and "-" or the
context menu mark a to-do in progress or cancelled, its line changing in the editor; the
list shows each status (a half box, a crossed-out box with struck-through text)."""

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListView,
    QMenu,
    QStyle,
    QStyleOptionViewItem,
    QToolButton,
)

from studyapp import app
from studyapp.core.db import open_database
from studyapp.core.errors import ValidationError
from studyapp.core.services.sessions import SessionService
from studyapp.ui.models.checklist_model import ChecklistRole

TITLE = "반복 모임"
BODY = "# 0310\n\n## 할 일\n\n- [ ] water plants 🔁 every week 📅 2025-03-10 ^w\n- [ ] Bob: slides"


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'statuses.sqlite3'}"
    database = open_database(url)
    try:
        SessionService(database).create(
            group="KD 스터디", title=TITLE, date=dt.date(2025, 3, 10), body=BODY
        )
    finally:
        database.dispose()
    return url


@pytest.fixture
def window(qtbot, url):
    window = app.create_main_window(url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.body_editor.toPlainText() == BODY
    yield window
    if window.isVisible():
        window.close()


def _stored(url):
    database = open_database(url)
    try:
        sessions = SessionService(database)
        return sessions.get(sessions.list_sessions()[0].id)
    finally:
        database.dispose()


def _lines(window) -> list[str]:
    return window.body_editor.toPlainText().split("\n")


def _view(window) -> QListView:
    view = window.checklist.findChild(QListView, "checklistView")
    view.setFocus()
    return view


def test_a_recurring_to_do_ticked_in_the_panel_gets_its_next_occurrence_above_it(
    qtbot, window, url
):
    model = window.checklist.model
    before = [item.id for item in model.own_items()]
    view = _view(window)
    view.setCurrentIndex(model.index(0))
    with qtbot.waitSignal(window.checklist.changed):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    today = dt.date.today().isoformat()
    assert _lines(window)[4:] == [
        "- [ ] water plants 🔁 every week 📅 2025-03-17",
        f"- [x] water plants 🔁 every week 📅 2025-03-10 ✅ {today} ^w",
        "- [ ] Bob: slides",
    ]
    own = model.own_items()
    # The row ticked is the to-do it was; the next occurrence is a new one.
    assert [item.id for item in own][1:] == before
    assert own[0].id not in before and not own[0].task.done
    assert own[1].task.done
    assert _stored(url).body == window.body_editor.toPlainText()

    # One undo step in the editor takes both lines back.
    editor = window.body_editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == BODY
    qtbot.waitUntil(lambda: len(model.own_items()) == 2, timeout=3000)


# -- the panel: keys, the context menu, the box -----------------------------------------------


def _select(window, row) -> QListView:
    view = _view(window)
    view.setCurrentIndex(window.checklist.model.index(row))
    return view


def _context_menu_pick(qtbot, window, row, text) -> list[str]:
    """Right-click the row, click ``text`` in the menu; the menu's checked entries."""
    view = _view(window)
    pos = view.visualRect(window.checklist.model.index(row)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=pos)
    checked: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        checked.extend(a.text() for a in menu.actions() if a.isChecked())
        [action] = [a for a in menu.actions() if a.text() == text]
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(0, pick)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    with qtbot.waitSignal(window.checklist.changed):
        QApplication.sendEvent(view.viewport(), event)
    return checked


def test_slash_and_minus_mark_a_to_do_in_progress_and_cancelled_as_one_undo_step(
    qtbot, window, url
):
    model = window.checklist.model
    view = _select(window, 1)
    with qtbot.waitSignal(window.checklist.changed):
        qtbot.keyClick(view, Qt.Key.Key_Slash)
    assert _lines(window)[-1] == "- [/] Bob: slides"
    index = model.index(1)
    assert index.data(Qt.ItemDataRole.CheckStateRole) in (
        Qt.CheckState.PartiallyChecked,
        Qt.CheckState.PartiallyChecked.value,
    )
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("In progress")
    assert "2 open" in window.checklist.findChild(QLabel, "checklistHeader").text()

    view = _select(window, 1)
    with qtbot.waitSignal(window.checklist.changed):
        qtbot.keyClick(view, Qt.Key.Key_Minus)
    today = dt.date.today()
    assert _lines(window)[-1] == f"- [-] Bob: slides ❌ {today.isoformat()}"
    assert _stored(url).body == window.body_editor.toPlainText()  # saved at once
    index = model.index(1)
    font = index.data(Qt.ItemDataRole.FontRole)
    assert font.strikeOut() and font.italic()
    assert index.data(ChecklistRole.CANCELLED)
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith(f"Cancelled {today.isoformat()}")
    assert "1 open" in window.checklist.findChild(QLabel, "checklistHeader").text()

    # Ctrl+Z in the editor takes the cancel back, like typing; the panel follows.
    editor = window.body_editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _lines(window)[-1] == "- [/] Bob: slides"
    qtbot.waitUntil(lambda: model.own_items()[1].task.status_symbol == "/", timeout=3000)

    # The key again takes the status back to a to-do.
    view = _select(window, 1)
    with qtbot.waitSignal(window.checklist.changed):
        qtbot.keyClick(view, Qt.Key.Key_Slash)
    assert _lines(window)[-1] == "- [ ] Bob: slides"


def test_the_context_menu_shows_the_status_and_sets_another(qtbot, window, url):
    checked = _context_menu_pick(qtbot, window, 1, "Mark as cancelled")
    assert checked == ["Mark as to do"]
    today = dt.date.today().isoformat()
    assert _lines(window)[-1] == f"- [-] Bob: slides ❌ {today}"
    checked = _context_menu_pick(qtbot, window, 1, "Mark as in progress")
    assert checked == ["Mark as cancelled"]
    assert _lines(window)[-1] == "- [/] Bob: slides"  # its ❌ date goes with the cancel
    checked = _context_menu_pick(qtbot, window, 1, "Mark as done")
    assert checked == ["Mark as in progress"]
    assert _lines(window)[-1] == f"- [x] Bob: slides ✅ {today}"
    assert _stored(url).checklist[1].task.done


def test_a_click_on_a_cancelled_to_do_box_makes_it_a_to_do_again(qtbot, window):
    view = _select(window, 1)
    with qtbot.waitSignal(window.checklist.changed):
        qtbot.keyClick(view, Qt.Key.Key_Minus)
    index = window.checklist.model.index(1)
    rect = _check_box(view, index)
    with qtbot.waitSignal(window.checklist.changed):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # As the Tasks plugin's click: cancelled -> to do (and done -> to do, to do -> done).
    assert _lines(window)[-1] == "- [ ] Bob: slides"


def test_a_cancelled_to_do_box_is_drawn_apart_from_done_and_open_ones(qtbot, window):
    view = _select(window, 1)
    with qtbot.waitSignal(window.checklist.changed):
        qtbot.keyClick(view, Qt.Key.Key_Minus)
    model = window.checklist.model
    view.clearSelection()
    view.setCurrentIndex(QModelIndex())

    def box_image(row: int):
        return view.viewport().grab(_check_box(view, model.index(row))).toImage()

    cancelled = box_image(1)
    with qtbot.waitSignal(window.checklist.changed):
        assert model.set_status(1, "x")
    view.setCurrentIndex(QModelIndex())
    done = box_image(1)
    with qtbot.waitSignal(window.checklist.changed):
        assert model.set_status(1, " ")
    view.setCurrentIndex(QModelIndex())
    empty = box_image(1)
    assert cancelled != done and cancelled != empty and done != empty


def test_hiding_done_to_dos_hides_cancelled_ones(qtbot, window):
    view = _select(window, 1)
    with qtbot.waitSignal(window.checklist.changed):
        qtbot.keyClick(view, Qt.Key.Key_Minus)
    show_done = window.checklist.findChild(QToolButton, "checklistShowDone")
    qtbot.mouseClick(show_done, Qt.MouseButton.LeftButton)
    model = window.checklist.model
    assert [model.index(row).data() for row in range(model.rowCount())] == [
        "water plants  📅 2025-03-10 🔁 every week"
    ]


def _check_box(view: QListView, index) -> QRect:
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    option.widget = view
    view.itemDelegate().initStyleOption(option, index)
    return view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
    )


@pytest.mark.parametrize("symbol", ["", "xx", "\n"])
def test_the_open_sessions_to_dos_refuse_what_is_no_status(window, symbol):
    # The editor's path refuses what the service refuses: no "- [] …" line is written.
    service = window.checklist.model._service
    item = window.checklist.model.own_items()[1]
    with pytest.raises(ValidationError):
        service.set_status(item.id, symbol)
    assert window.body_editor.toPlainText() == BODY
