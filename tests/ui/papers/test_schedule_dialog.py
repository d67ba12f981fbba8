"""Setting a group's schedule and rotation as a person would."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime

from studyapp.core.services.rotation import RotationService
from studyapp.core.services.schedules import ScheduleService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.papers.schedule_dialog import ScheduleDialog
from studyapp.ui.papers.schedule_rules import (
    BIWEEKLY,
    MONTHLY,
    WEEKLY,
    Preset,
    build_rule,
    parse_rule,
)

GROUP = "KD 스터디"
# A Wednesday noon in Seoul: the next Monday meeting is 2026-11-30.
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Asia/Seoul"))


@pytest.fixture
def members(database):
    RotationService(database).set_members(GROUP, ["동훈님", "Alice", "서연"])
    return ["동훈님", "Alice", "서연"]


@pytest.fixture
def dialog(qtbot, database, members):
    widget = ScheduleDialog(database, GROUP, now=NOW)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(qtbot, combo, data):
    """Pick an entry the way a keyboard user does: focus the combo and arrow to it."""
    combo.setFocus()
    target = combo.findData(data)
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def preview_lines(dialog):
    return [dialog.preview.item(row).text() for row in range(dialog.preview.count())]


def test_weekly_monday_preset_previews_with_presenters_and_saves(qtbot, dialog, database):
    choose(qtbot, dialog.preset, WEEKLY)
    choose(qtbot, dialog.weekday, 0)
    dialog.time.setFocus()
    dialog.time.setTime(QTime(19, 0))
    dialog.timezone.setCurrentText("Asia/Seoul")
    assert dialog.rule.text() == "FREQ=WEEKLY;BYDAY=MO;BYHOUR=19;BYMINUTE=0"
    lines = preview_lines(dialog)
    assert len(lines) == 8
    assert "2026-11-30 19:00 — 동훈님" in lines[0]
    assert "2026-12-07 19:00 — Alice" in lines[1]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    rule, zone, skipped = ScheduleService(database).schedule(GROUP)
    assert rule == "FREQ=WEEKLY;BYDAY=MO;BYHOUR=19;BYMINUTE=0"
    assert zone == "Asia/Seoul"
    assert skipped == []
    assert dialog.message.text() == "Schedule saved."


def test_invalid_rule_shows_an_error_and_saves_nothing(qtbot, dialog, database):
    dialog.rule.clear()
    qtbot.keyClicks(dialog.rule, "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2")
    assert dialog.preset.currentData() == "advanced"
    assert not dialog.weekday.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert "no meeting" in dialog.error.text()
    assert ScheduleService(database).schedule(GROUP)[0] is None
    dialog.rule.clear()
    qtbot.keyClicks(dialog.rule, "FREQ=SOMETIMES")
    assert dialog.error.isVisible()
    assert dialog.preview.count() == 0


def test_typed_rule_matching_a_preset_shows_that_preset(qtbot, dialog):
    dialog.rule.clear()
    qtbot.keyClicks(dialog.rule, "FREQ=MONTHLY;BYDAY=2TH;BYHOUR=19;BYMINUTE=30")
    assert dialog.preset.currentData() == MONTHLY
    assert dialog.nth.isVisible() and dialog.nth.currentData() == 2
    assert dialog.weekday.currentData() == 3
    assert dialog.time.time() == QTime(19, 30)
    assert "2026-12-10 19:30" in preview_lines(dialog)[0]


def test_skipped_dates_leave_the_preview_and_are_saved(qtbot, dialog, database):
    dialog.skip_date.setDate(QDate(2026, 12, 7))
    qtbot.mouseClick(
        dialog.findChild(type(dialog.save_button), "addSkippedButton"), Qt.MouseButton.LeftButton
    )
    lines = preview_lines(dialog)
    assert not any("2026-12-07" in line for line in lines)
    assert "2026-12-14" in lines[1]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ScheduleService(database).schedule(GROUP)[2] == [dt.date(2026, 12, 7)]
    dialog.skipped.setCurrentRow(0)
    qtbot.mouseClick(
        dialog.findChild(type(dialog.save_button), "removeSkippedButton"), Qt.MouseButton.LeftButton
    )
    assert "2026-12-07" in preview_lines(dialog)[1]


def test_members_editor_reorders_and_adds(qtbot, dialog, database):
    editor = dialog.members
    editor.list.setCurrentRow(2)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert RotationService(database).members(GROUP) == ["동훈님", "서연", "Alice"]
    qtbot.keyClicks(editor.name_edit, "Bob")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Return)
    assert RotationService(database).members(GROUP) == ["동훈님", "서연", "Alice", "Bob"]
    editor.list.setCurrentRow(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert RotationService(database).members(GROUP) == ["서연", "Alice", "Bob"]
    assert "— 서연" in preview_lines(dialog)[0]


def test_absence_skips_the_presenter(qtbot, dialog, database):
    grid = dialog.absences
    assert grid.rowCount() == 3 and grid.columnCount() == 8
    cell = grid.visualItemRect(grid.item(0, 0))  # 동훈님 on the first meeting
    check = QPoint(cell.left() + 10, cell.center().y())
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=check)
    assert grid.item(0, 0).checkState() == Qt.CheckState.Checked
    assert RotationService(database).absences(GROUP) == [("동훈님", dt.date(2026, 11, 30))]
    assert "— Alice" in preview_lines(dialog)[0]


def test_plan_sessions_reports_how_many(qtbot, dialog, database):
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.plan_button, Qt.MouseButton.LeftButton)
    sessions = SessionService(database).list_sessions(group=GROUP)
    assert dialog.message.text() == f"Created {len(sessions)} planned sessions."
    assert len(sessions) == 4
    assert {s.status for s in sessions} == {"planned"}


def test_plan_sessions_that_fail_keep_neither_schedule_nor_sessions(
    qtbot, dialog, database, monkeypatch
):
    from studyapp.core.errors import DatabaseError
    from studyapp.core.services import schedules

    def disk_full(*_args, **_kwargs):
        raise DatabaseError("The disk is full; free some space and try again.")

    monkeypatch.setattr(schedules, "sync_rows", disk_full)
    choose(qtbot, dialog.preset, WEEKLY)
    qtbot.mouseClick(dialog.plan_button, Qt.MouseButton.LeftButton)

    assert dialog.error.isVisible()
    assert dialog.error.text() == "The disk is full; free some space and try again."
    # The schedule was stored with the planning or not at all.
    assert ScheduleService(database).schedule(GROUP)[0] is None
    assert SessionService(database).list_sessions(group=GROUP) == []


def test_existing_schedule_loads_into_the_presets(qtbot, database, members):
    ScheduleService(database).set_schedule(
        GROUP, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=18;BYMINUTE=30", timezone="Europe/Berlin"
    )
    widget = ScheduleDialog(database, GROUP, now=NOW)
    qtbot.addWidget(widget)
    assert widget.preset.currentData() == BIWEEKLY
    assert widget.timezone.currentText() == "Europe/Berlin"
    assert widget.time.time() == QTime(18, 30)


@pytest.mark.parametrize(
    "preset",
    [
        Preset(WEEKLY, 0, dt.time(19)),
        Preset(BIWEEKLY, 3),
        Preset(MONTHLY, 3, nth=2),
        Preset(MONTHLY, 4, nth=-1),
    ],
)
def test_presets_round_trip(preset):
    assert parse_rule(build_rule(preset)) == preset
