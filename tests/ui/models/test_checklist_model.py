import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QAbstractItemModelTester

from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.models.checklist_look import display_text, overdue_color
from studyapp.ui.models.checklist_model import ChecklistModel, ChecklistRole

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
def model(qapp, todos):
    model = ChecklistModel(todos, today=lambda: TODAY)
    tester = QAbstractItemModelTester(
        model, QAbstractItemModelTester.FailureReportingMode.Fatal, model
    )
    yield model
    del tester


def rows(model, role=Qt.ItemDataRole.DisplayRole):
    return [model.index(row).data(role) for row in range(model.rowCount())]


def test_own_items_then_carried_over_section(model, todos, sessions):
    carried = todos.add(sessions["old"], "동훈님: 실험 결과 공유 📅 2025-03-09")
    todos.add(sessions["other"], "not in this group")
    first = todos.add(sessions["new"], "Alice: send slides ⏫ 📅 2025-03-20")
    second = todos.add(sessions["new"], "book the room")
    model.load(sessions["new"])
    assert rows(model) == [
        "Alice: send slides  📅 2025-03-20 ⏫",
        "book the room",
        "Carried over",
        "동훈님: 실험 결과 공유  📅 2025-03-09",
    ]
    assert rows(model, ChecklistRole.ID) == [first.id, second.id, None, carried.id]
    assert rows(model, ChecklistRole.CARRIED_OVER) == [False, False, None, True]
    assert rows(model, ChecklistRole.IS_SECTION) == [False, False, True, False]
    assert "2025-03-03" in model.index(3).data(Qt.ItemDataRole.ToolTipRole)
    assert "0303 리딩" in model.index(3).data(Qt.ItemDataRole.ToolTipRole)
    heading = model.index(2)
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    assert model.index(0).flags() & Qt.ItemFlag.ItemIsUserCheckable


def test_roles_carry_the_task_fields(model, todos, sessions):
    todos.add(sessions["new"], "Alice: send slides ⏫ 📅 2025-03-20")
    model.load(sessions["new"])
    index = model.index(0)
    assert index.data(ChecklistRole.ASSIGNEE) == "Alice"
    assert index.data(ChecklistRole.PRIORITY) == "high"
    assert index.data(ChecklistRole.DUE_DATE) == dt.date(2025, 3, 20)
    assert index.data(ChecklistRole.DONE) is False
    assert index.data(ChecklistRole.TASK).text == "send slides"
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.roleNames()[ChecklistRole.OVERDUE] == b"overdue"


def test_other_group_sees_no_carried_items(model, todos, sessions):
    todos.add(sessions["old"], "only for KD")
    model.load(sessions["other"])
    assert model.rowCount() == 0


def test_check_state_calls_the_service(qtbot, model, todos, sessions):
    item = todos.add(sessions["new"], "read the paper")
    model.load(sessions["new"])
    with qtbot.waitSignal(model.changed), qtbot.waitSignal(model.dataChanged):
        assert model.setData(model.index(0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    saved = todos.get(item.id)
    assert saved.task.done and saved.task.done_date == TODAY
    assert model.index(0).data(ChecklistRole.DONE) is True
    assert model.index(0).data(Qt.ItemDataRole.FontRole).strikeOut()
    # A view hands over a plain int.
    assert model.setData(model.index(0), 0, Qt.ItemDataRole.CheckStateRole)
    assert todos.get(item.id).task.done_date is None


def test_checking_a_carried_item_updates_the_original(model, todos, sessions):
    carried = todos.add(sessions["old"], "동훈님: 실험 결과 공유")
    model.load(sessions["new"])
    assert model.setData(model.index(1), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert todos.get(carried.id).task.done
    model.reload()
    assert model.rowCount() == 0


def test_failed_check_reports_the_error(qtbot, model, todos, sessions):
    item = todos.add(sessions["new"], "gone soon")
    model.load(sessions["new"])
    todos.remove(item.id)
    with qtbot.waitSignal(model.failed) as failed:
        assert not model.setData(
            model.index(0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
        )
    assert str(item.id) in failed.args[0]


def test_overdue_items_stand_out(model, todos, sessions):
    todos.add(sessions["new"], "late 📅 2025-03-11")
    todos.add(sessions["new"], "due today 📅 2025-03-12")
    done = todos.add(sessions["new"], "late but done 📅 2025-03-01")
    todos.set_done(done.id, True)
    model.load(sessions["new"])
    assert rows(model, ChecklistRole.OVERDUE) == [True, False, False]
    assert model.index(0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1).data(Qt.ItemDataRole.FontRole) is None
    assert "overdue" in model.index(0).data(Qt.ItemDataRole.ToolTipRole)


def test_overdue_colour_is_readable_on_light_and_dark(qapp):
    for base in ("#ffffff", "#1e1e1e"):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Base, base)
        colour = overdue_color(palette)
        background = palette.color(QPalette.ColorRole.Base)
        assert abs(colour.lightness() - background.lightness()) > 100


def test_show_done_hides_done_items(model, todos, sessions):
    todos.add(sessions["new"], "open")
    done = todos.add(sessions["new"], "closed")
    todos.set_done(done.id, True)
    model.load(sessions["new"])
    assert model.open_count() == 1
    model.set_show_done(False)
    assert rows(model) == ["open"]
    assert [i.task.text for i in model.own_items()] == ["open", "closed"]
    model.set_show_done(True)
    assert rows(model) == ["open", "closed"]


def test_no_session_is_empty(model, todos, sessions):
    todos.add(sessions["new"], "x")
    model.load(sessions["new"])
    model.load(None)
    assert model.rowCount() == 0
    assert model.session_id is None


def test_display_text_without_fields():
    from studyapp.core.tasks import TaskFields

    assert display_text(TaskFields(text="정리", assignee="지호님")) == "지호님: 정리"
