"""One group's meeting schedule: a preset or RRULE, time zone, skipped dates, rotation.

The preview is computed from the rule as typed, so it follows every edit; the schedule is
only stored by Save (or before planning sessions), and an invalid rule stores nothing.
Members and absences are rotation data and are stored as soon as they change.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.errors import StudyappError
from studyapp.core.schedule import occurrences
from studyapp.core.services.library import LibraryService
from studyapp.core.services.rotation import RotationService
from studyapp.core.services.schedules import ScheduleService
from studyapp.core.timezones import local_timezone_name
from studyapp.ui.errors_shown import describe
from studyapp.ui.papers.members_editor import AbsenceGrid, MembersEditor
from studyapp.ui.papers.schedule_rules import (
    ADVANCED,
    BIWEEKLY,
    MONTHLY,
    WEEKLY,
    Preset,
    build_rule,
    parse_rule,
)
from studyapp.ui.papers.widgets import ErrorLabel

PREVIEW_COUNT = 8
DATE_ROLE = Qt.ItemDataRole.UserRole + 1


class ScheduleDialog(QDialog):
    """``changed`` after the schedule, members, absences or planned sessions were stored."""

    changed = Signal()

    def __init__(
        self,
        database: Database,
        group: str,
        parent: QWidget | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleDialog")
        self.setWindowTitle(self.tr("Schedule of {group}").format(group=group))
        self._group = group
        self._now = now
        self._schedules = ScheduleService(database)
        self._rotation = RotationService(database)
        self._absent: set[tuple[str, dt.date]] = set()
        self._meetings: list[dt.datetime] = []
        self._syncing = False
        self._build()
        self._load(LibraryService(database))
        self.resize(980, 700)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.preset = QComboBox(objectName="schedulePreset")
        self.preset.addItem(self.tr("Weekly"), WEEKLY)
        self.preset.addItem(self.tr("Every two weeks"), BIWEEKLY)
        self.preset.addItem(self.tr("Nth weekday of the month"), MONTHLY)
        self.preset.addItem(self.tr("Advanced (RRULE)"), ADVANCED)
        self.nth = QComboBox(objectName="scheduleNth")
        for label, nth in (
            (self.tr("First"), 1),
            (self.tr("Second"), 2),
            (self.tr("Third"), 3),
            (self.tr("Fourth"), 4),
            (self.tr("Last"), -1),
        ):
            self.nth.addItem(label, nth)
        self.weekday = QComboBox(objectName="scheduleWeekday")
        for day in range(7):
            # The locale's own day names: 월요일 in a Korean UI, Monday in an English one.
            self.weekday.addItem(QLocale().toString(QDate(2024, 1, 1 + day), "dddd"), day)
        self.time = QTimeEdit(objectName="scheduleTime")
        self.time.setDisplayFormat("HH:mm")
        self.rule = QLineEdit(objectName="scheduleRrule")
        self.rule.setPlaceholderText("FREQ=WEEKLY;BYDAY=MO;BYHOUR=19;BYMINUTE=0")
        self.timezone = QComboBox(objectName="scheduleTimezone")
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(zoneinfo.available_timezones()))
        for widget in (self.preset, self.nth, self.weekday, self.timezone):
            widget.currentIndexChanged.connect(self._on_preset_edited)
        self.time.timeChanged.connect(self._on_preset_edited)
        self.timezone.editTextChanged.connect(self._refresh_preview)
        self.rule.textEdited.connect(self._on_rule_edited)
        rule_box = QGroupBox(self.tr("Meetings"))
        form = QFormLayout(rule_box)
        form.addRow(self.tr("&Repeat:"), self.preset)
        nth_row = QHBoxLayout()
        nth_row.addWidget(self.nth)
        nth_row.addWidget(self.weekday, 1)
        form.addRow(self.tr("On:"), nth_row)
        form.addRow(self.tr("&At:"), self.time)
        form.addRow(self.tr("Ad&vanced (RRULE):"), self.rule)
        form.addRow(self.tr("Time &zone:"), self.timezone)

        self.skipped = QListWidget(objectName="skippedDatesList")
        self.skip_date = QDateEdit(objectName="skipDateEdit")
        self.skip_date.setCalendarPopup(True)
        self.skip_date.setDisplayFormat("yyyy-MM-dd")
        add_skip = QPushButton(self.tr("Skip date"), objectName="addSkippedButton")
        remove_skip = QPushButton(self.tr("Remove"), objectName="removeSkippedButton")
        add_skip.clicked.connect(self.add_skipped)
        remove_skip.clicked.connect(self.remove_skipped)
        skip_box = QGroupBox(self.tr("Skipped dates"))
        skip_layout = QVBoxLayout(skip_box)
        skip_layout.addWidget(self.skipped)
        skip_row = QHBoxLayout()
        skip_row.addWidget(self.skip_date, 1)
        skip_row.addWidget(add_skip)
        skip_row.addWidget(remove_skip)
        skip_layout.addLayout(skip_row)

        self.preview = QListWidget(objectName="schedulePreview")
        preview_box = QGroupBox(self.tr("Next meetings and presenters"))
        QVBoxLayout(preview_box).addWidget(self.preview)
        self.members = MembersEditor(self)
        self.members.membersChanged.connect(self._on_members)
        members_box = QGroupBox(self.tr("Members in rotation order"))
        QVBoxLayout(members_box).addWidget(self.members)
        self.absences = AbsenceGrid(self)
        self.absences.absenceToggled.connect(self._on_absence)
        absence_box = QGroupBox(self.tr("Absent (tick who misses a meeting)"))
        QVBoxLayout(absence_box).addWidget(self.absences)

        self.error = ErrorLabel("scheduleError", self)
        self.message = QLabel(objectName="scheduleMessage")
        self.plan_button = QPushButton(
            self.tr("Create planned sessions for the next 4 weeks"), objectName="planSessionsButton"
        )
        self.plan_button.setAutoDefault(False)
        self.plan_button.clicked.connect(self.plan_sessions)
        self.save_button = QPushButton(self.tr("Save"), objectName="saveScheduleButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"), objectName="closeScheduleButton")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(rule_box)
        left.addWidget(skip_box, 1)
        left.addWidget(members_box, 1)
        right = QVBoxLayout()
        right.addWidget(preview_box, 1)
        right.addWidget(absence_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def _load(self, library: LibraryService) -> None:
        try:
            rule, zone, skipped = self._schedules.schedule(self._group)
            members = self._rotation.members(self._group)
            self._absent = set(self._rotation.absences(self._group, since=self._today()))
            people = library.people()
        except StudyappError as error:
            self._show_error(describe(error))
            rule, zone, skipped, members, people = None, None, [], [], []
        self._syncing = True
        self.timezone.setCurrentText(zone or local_timezone_name())
        preset = parse_rule(rule) if rule else Preset(WEEKLY)
        if preset is None:
            self.preset.setCurrentIndex(self.preset.findData(ADVANCED))
        else:
            self._show_preset(preset)
        self.rule.setText(rule or build_rule(preset or Preset(WEEKLY)))
        self.rule.setCursorPosition(0)
        for day in sorted(skipped):
            self._add_skipped_item(day)
        self.skip_date.setDate(QDate(self._today()))
        self.members.set_names(list(members))
        self.members.set_people(people)
        self._syncing = False
        self._sync_preset_widgets()
        self._refresh_preview()

    def _show_preset(self, preset: Preset) -> None:
        self.preset.setCurrentIndex(self.preset.findData(preset.kind))
        self.weekday.setCurrentIndex(preset.weekday)
        self.nth.setCurrentIndex(max(self.nth.findData(preset.nth), 0))
        self.time.setTime(QTime(preset.time.hour, preset.time.minute))

    # -- the rule --------------------------------------------------------------------------

    def _on_preset_edited(self) -> None:
        if self._syncing:
            return
        kind = self.preset.currentData()
        if kind != ADVANCED:
            at = self.time.time()
            preset = Preset(
                kind,
                self.weekday.currentData(),
                dt.time(at.hour(), at.minute()),
                self.nth.currentData(),
            )
            self.rule.setText(build_rule(preset))
            self.rule.setCursorPosition(0)
        self._sync_preset_widgets()
        self._refresh_preview()

    def _on_rule_edited(self, text: str) -> None:
        # A typed rule that matches a preset shows as that preset; anything else is advanced.
        self._syncing = True
        preset = parse_rule(text)
        if preset is None:
            self.preset.setCurrentIndex(self.preset.findData(ADVANCED))
        else:
            self._show_preset(preset)
        self._syncing = False
        self._sync_preset_widgets()
        self._refresh_preview()

    def _sync_preset_widgets(self) -> None:
        kind = self.preset.currentData()
        self.nth.setVisible(kind == MONTHLY)
        for widget in (self.weekday, self.time):
            widget.setEnabled(kind != ADVANCED)

    def rule_text(self) -> str:
        return self.rule.text().strip()

    def timezone_name(self) -> str:
        return self.timezone.currentText().strip()

    def skipped_dates(self) -> list[dt.date]:
        return [self.skipped.item(row).data(DATE_ROLE) for row in range(self.skipped.count())]

    # -- skipped dates ---------------------------------------------------------------------

    def add_skipped(self) -> None:
        day = self.skip_date.date().toPython()
        if day not in self.skipped_dates():
            self._add_skipped_item(day)
            self._refresh_preview()

    def _add_skipped_item(self, day: dt.date) -> None:
        self.skipped.addItem(day.isoformat())
        self.skipped.item(self.skipped.count() - 1).setData(DATE_ROLE, day)
        self.skipped.sortItems()

    def remove_skipped(self) -> None:
        row = self.skipped.currentRow()
        if row >= 0:
            self.skipped.takeItem(row)
            self._refresh_preview()

    # -- preview, members, absences --------------------------------------------------------

    def _today(self) -> dt.date:
        return (self._now or dt.datetime.now(dt.UTC)).date()

    def _refresh_preview(self) -> None:
        self.preview.clear()
        self._clear_error()
        try:
            after = self._now or dt.datetime.now(dt.UTC)
            found = occurrences(
                self.rule_text(), self.timezone_name(), after, skipped=self.skipped_dates()
            )
            self._meetings = [
                meeting for _, meeting in zip(range(PREVIEW_COUNT), found, strict=False)
            ]
            days = [meeting.date() for meeting in self._meetings]
            presenters = dict(self._rotation.next_presenters(self._group, days))
        except StudyappError as error:
            self._meetings = []
            self._show_error(describe(error))
            self._fill_absences()
            return
        if not self._meetings:
            self.preview.addItem(self.tr("No meetings ahead."))
        for meeting in self._meetings:
            names = ", ".join(presenters.get(meeting.date(), [])) or self.tr("(no presenter)")
            self.preview.addItem(
                self.tr("{date} {time} — {names}").format(
                    date=QLocale().toString(QDate(meeting.date()), "ddd yyyy-MM-dd"),
                    time=meeting.strftime("%H:%M"),
                    names=names,
                )
            )
        self._fill_absences()

    def _fill_absences(self) -> None:
        days = [meeting.date() for meeting in self._meetings]
        self.absences.fill(self.members.names(), days, self._absent)

    def _on_absence(self, name: str, day: dt.date, absent: bool) -> None:
        try:
            self._rotation.set_absent(self._group, name, day, absent)
        except StudyappError as error:
            self._show_error(describe(error))
            return
        if absent:
            self._absent.add((name, day))
        else:
            self._absent.discard((name, day))
        self.changed.emit()
        self._refresh_preview()

    def _on_members(self, names: list[str]) -> None:
        try:
            self._rotation.set_members(self._group, names)
        except StudyappError as error:
            self._show_error(describe(error))
            return
        self.changed.emit()
        self._refresh_preview()

    # -- storing ---------------------------------------------------------------------------

    def save(self) -> bool:
        """Store the schedule; an invalid rule shows why and stores nothing."""
        if self._store() is None:
            return False
        self.message.setText(self.tr("Schedule saved."))
        self.changed.emit()
        return True

    def plan_sessions(self) -> None:
        """Store the schedule and plan its next four weeks as one change: when planning
        fails, the schedule is not stored either."""
        created = self._store(plan_weeks=4)
        if created is None:
            return
        self.message.setText(
            self.tr("Created {count} planned sessions.").format(count=len(created))
        )
        self.changed.emit()

    def _store(self, plan_weeks: int | None = None) -> list[int] | None:
        """The planned sessions' ids; None (and why, shown) when nothing was stored."""
        self._clear_error()
        try:
            return self._schedules.set_schedule(
                self._group,
                self.rule_text(),
                timezone=self.timezone_name(),
                skipped=self.skipped_dates(),
                plan_weeks=plan_weeks,
                after=self._now,
            )
        except StudyappError as error:
            self._show_error(describe(error))
            return None

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
