"""The reading-assignment workflow as a person goes through it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QComboBox, QMenu

from studyapp.core.papers.fields import PaperFields
from studyapp.core.services.assignments import AssignmentService
from studyapp.core.services.papers import PaperService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.models.assignment_model import AssignmentColumn, AssignmentRole
from studyapp.ui.papers.assignments_view import AssignmentsView

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def library(database):
    papers = PaperService(database)
    attention = papers.add(PaperFields(title="Attention Is All You Need", year=2017))
    distill = papers.add(PaperFields(title="지식 증류를 통한 경량 모델 학습", year=2024))
    sessions = SessionService(database)
    upcoming = sessions.create(group="KD 스터디", title="12월 첫 모임", date=dt.date(2026, 12, 2))
    assignments = AssignmentService(database)
    late, _ = assignments.assign(attention.id, "동훈님", due=dt.date(2026, 11, 20))
    soon, _ = assignments.assign(distill.id, "Alice", session_id=upcoming.id)
    return {
        "attention": attention,
        "distill": distill,
        "session": upcoming,
        "late": late,
        "soon": soon,
    }


@pytest.fixture
def view(qtbot, database, library):
    widget = AssignmentsView(database, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    return widget


def rows(view):
    proxy = view.proxy
    return [
        (
            proxy.index(r, AssignmentColumn.PAPER).data(),
            proxy.index(r, AssignmentColumn.PERSON).data(),
            proxy.index(r, AssignmentColumn.STATUS).data(AssignmentRole.STATUS),
        )
        for r in range(proxy.rowCount())
    ]


def row_of(view, paper_title):
    return [r[0] for r in rows(view)].index(paper_title)


def click_row(qtbot, view, row, column=AssignmentColumn.PAPER):
    rect = view.table.visualRect(view.proxy.index(row, column))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return rect


def test_overdue_rows_are_bold_and_red(view):
    late = view.proxy.index(row_of(view, "Attention Is All You Need"), AssignmentColumn.PAPER)
    soon = view.proxy.index(row_of(view, "지식 증류를 통한 경량 모델 학습"), 0)
    assert late.data(AssignmentRole.OVERDUE) is True
    assert isinstance(late.data(Qt.ItemDataRole.FontRole), QFont)
    assert late.data(Qt.ItemDataRole.FontRole).bold()
    assert late.data(Qt.ItemDataRole.ForegroundRole).red() > 150
    assert soon.data(Qt.ItemDataRole.ForegroundRole) is None
    when = view.proxy.index(soon.row(), AssignmentColumn.WHEN).data()
    assert when == "2026-12-02 · 12월 첫 모임"


def test_filter_by_person_and_by_session(qtbot, view, library):
    assert len(rows(view)) == 2
    combo = view.filter
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("동훈님"))
    assert rows(view) == [("Attention Is All You Need", "동훈님", "assigned")]
    view.mode.setCurrentIndex(view.mode.findData("session"))
    assert view.filter.itemText(0) == "All sessions"
    assert len(rows(view)) == 2
    view.filter.setCurrentIndex(view.filter.findData(library["session"].id))
    assert rows(view) == [("지식 증류를 통한 경량 모델 학습", "Alice", "assigned")]
    qtbot.mouseClick(view.overdue_only, Qt.MouseButton.LeftButton)
    assert rows(view) == []


def test_status_buttons_call_the_service(qtbot, view, database, library):
    click_row(qtbot, view, row_of(view, "Attention Is All You Need"))
    with qtbot.waitSignal(view.changed):
        qtbot.mouseClick(view.status_buttons["reading"], Qt.MouseButton.LeftButton)
    [info] = AssignmentService(database).list(person="동훈님", today=TODAY)
    assert info.status == "reading"
    assert view.current_assignment().status == "reading"
    assert not view.status_buttons["reading"].isEnabled()
    qtbot.mouseClick(view.status_buttons["done"], Qt.MouseButton.LeftButton)
    [info] = AssignmentService(database).list(person="동훈님", today=TODAY)
    assert info.status == "done" and not info.overdue


def test_status_combo_delegate(qtbot, view, database):
    row = row_of(view, "지식 증류를 통한 경량 모델 학습")
    rect = click_row(qtbot, view, row, AssignmentColumn.STATUS)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = view.table.findChild(QComboBox, "assignmentStatusEditor")
    assert editor is not None
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Down)  # assigned -> reading
    qtbot.keyClick(editor, Qt.Key.Key_Down)  # -> done
    with qtbot.waitSignal(view.changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    [info] = AssignmentService(database).list(person="Alice", today=TODAY)
    assert info.status == "done"


def test_context_menu_marks_presented(qtbot, view, database):
    row = row_of(view, "Attention Is All You Need")
    rect = view.table.visualRect(view.proxy.index(row, 0))

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        [action] = [a for a in menu.actions() if a.text() == "Presented"]
        action.trigger()
        menu.close()

    QTimer.singleShot(0, pick)
    view.table.customContextMenuRequested.emit(QPoint(rect.center()))
    [info] = AssignmentService(database).list(person="동훈님", today=TODAY)
    assert info.status == "presented"


def test_assign_dialog_creates_a_new_person(qtbot, view, database, library):
    qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
    dialog = view.assign_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.session_combo.count() == 1
    qtbot.keyClicks(dialog.paper_edit, "attention is all you need")
    qtbot.keyClicks(dialog.person_edit, "Bob")
    with qtbot.waitSignal(view.changed):
        qtbot.mouseClick(
            dialog.findChild(type(view.assign_button), "assignOkButton"), Qt.MouseButton.LeftButton
        )
    assert "added as a new person" in view.message.text()
    [info] = AssignmentService(database).list(person="Bob", today=TODAY)
    assert info.paper_id == library["attention"].id
    assert info.session_id == library["session"].id
    assert view.current_assignment().person == "Bob"


def test_assign_dialog_by_due_date_and_unknown_paper(qtbot, view, database, library):
    dialog = view.open_assign_dialog()
    ok = dialog.findChild(type(view.assign_button), "assignOkButton")
    qtbot.keyClicks(dialog.paper_edit, "No such paper")
    qtbot.keyClicks(dialog.person_edit, "Alice")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "There is no paper titled “No such paper”."
    dialog.paper_edit.setText("지식 증류를 통한 경량 모델 학습")
    qtbot.mouseClick(dialog.due_radio, Qt.MouseButton.LeftButton)
    assert dialog.due_edit.isEnabled() and not dialog.session_combo.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    due = [i for i in AssignmentService(database).list(person="Alice") if i.due_date]
    assert due[0].due_date == TODAY + dt.timedelta(days=7)
    assert not dialog.isVisible()


def test_remove(qtbot, view, database):
    click_row(qtbot, view, row_of(view, "Attention Is All You Need"))
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert [i.person for i in AssignmentService(database).list()] == ["Alice"]
    assert len(rows(view)) == 1


def test_a_hidden_view_reads_the_assignments_only_when_shown(qtbot, database, library, monkeypatch):
    widget = AssignmentsView(database, today=TODAY)
    qtbot.addWidget(widget)
    reads = []
    original = widget._service.list
    monkeypatch.setattr(widget._service, "list", lambda **kw: reads.append(1) or original(**kw))
    widget.reload()
    widget.reload()  # slots edited while the tab is away
    assert reads == [] and widget.proxy.rowCount() == 0
    widget.show()
    qtbot.waitExposed(widget)
    shown_reads = len(reads)
    assert shown_reads and widget.proxy.rowCount() > 0
    widget.reload()  # shown: at once
    assert len(reads) == 2 * shown_reads
