"""A stopwatch for one presentation slot, measured against the slot's time box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from studyapp.core.dto import PresentationInfo
from studyapp.core.errors import StudyappError
from studyapp.core.markdown.clock import DEFAULT_TIMEBOX_MINUTES, format_clock
from studyapp.core.services.presentations import MAX_TIMEBOX_MINUTES
from studyapp.ui.errors_shown import describe

# (talk id, seconds used or None to clear, time box in minutes): writes the "⏱" line.
TimingWriter = Callable[[int, int | None, int], None]

TICK_MS = 500
AUTOSAVE_MS = 30_000
WARNING_SHARE = 0.8  # amber from 80 % of the time box on
AMBER = "#b86e00"  # readable on light and dark backgrounds
RED = "#d32f2f"


class SlotTimer(QWidget):
    """Start/Pause, Reset, ``12:34 / 20:00`` and the time box in minutes.

    Elapsed time comes from a monotonic clock (QElapsedTimer), so a busy event loop never
    slows the stopwatch; the 500 ms tick only repaints. The time used is written to the
    talk's ``⏱`` line on pause, on :meth:`set_slot` / :meth:`stop` and every 30 s while
    running.
    """

    saved = Signal()  # a duration or time box reached the database
    failed = Signal(str)  # a readable message
    runningChanged = Signal(bool)

    def __init__(self, write: TimingWriter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slotTimer")
        self._write_timing = write
        self._slot_id: int | None = None
        self._base_ms = 0  # time used before the current run
        self._saved_seconds: int | None = None
        self._clock = QElapsedTimer()

        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setObjectName("slotTimerStartButton")
        self.start_button.setCheckable(True)
        self.start_button.setToolTip(self.tr("Start or pause the slot's stopwatch"))
        self.start_button.toggled.connect(self._toggled)
        self.reset_button = QPushButton(self.tr("Reset"), self)
        self.reset_button.setObjectName("slotTimerResetButton")
        self.reset_button.clicked.connect(self.reset)
        self.elapsed_label = QLabel(self)
        self.elapsed_label.setObjectName("slotTimerElapsedLabel")
        self.elapsed_label.setMinimumWidth(
            self.elapsed_label.fontMetrics().horizontalAdvance("0:00:00 / 0:00:00 ")
        )
        self.timebox_spin = QSpinBox(self)
        self.timebox_spin.setObjectName("slotTimeboxSpin")
        self.timebox_spin.setRange(1, MAX_TIMEBOX_MINUTES)
        self.timebox_spin.setValue(DEFAULT_TIMEBOX_MINUTES)
        self.timebox_spin.setSuffix(self.tr(" min"))
        self.timebox_spin.setToolTip(self.tr("The slot's time box"))
        # Typed digits save once, on Enter or leaving the box; arrows save at once.
        self.timebox_spin.setKeyboardTracking(False)
        self.timebox_spin.valueChanged.connect(self._timebox_changed)
        timebox_label = QLabel(self.tr("Time box:"), self)
        timebox_label.setBuddy(self.timebox_spin)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.start_button)
        layout.addWidget(self.reset_button)
        layout.addWidget(self.elapsed_label)
        layout.addStretch(1)
        layout.addWidget(timebox_label)
        layout.addWidget(self.timebox_spin)

        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._refresh)
        self._autosave = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save)
        self.set_slot(None)

    # -- public API ------------------------------------------------------------------------

    def set_slot(self, info: PresentationInfo | None) -> None:
        """Show ``info``'s timer; a running timer of the previous slot is paused and saved."""
        self.stop()
        self._slot_id = None if info is None else info.id
        self._saved_seconds = None if info is None else info.duration_seconds
        self._base_ms = (self._saved_seconds or 0) * 1000
        box = DEFAULT_TIMEBOX_MINUTES
        if info is not None and info.timebox_minutes is not None:
            box = info.timebox_minutes
        self.timebox_spin.blockSignals(True)
        self.timebox_spin.setValue(box)
        self.timebox_spin.blockSignals(False)
        self.setEnabled(info is not None)
        self._refresh()

    def slot_id(self) -> int | None:
        return self._slot_id

    def is_running(self) -> bool:
        return self._clock.isValid()

    def elapsed_ms(self) -> int:
        return self._base_ms + (self._clock.elapsed() if self._clock.isValid() else 0)

    def elapsed_seconds(self) -> int:
        return self.elapsed_ms() // 1000

    def timebox_minutes(self) -> int:
        return self.timebox_spin.value()

    def start(self) -> None:
        self.start_button.setChecked(True)

    def pause(self) -> None:
        self.start_button.setChecked(False)

    def stop(self) -> None:
        """Pause (saving) if running; otherwise save anything not yet written."""
        if self.is_running():
            self.pause()
        else:
            self.save()

    def reset(self) -> None:
        """Back to zero: the slot counts as never timed."""
        self.pause()
        self._base_ms = 0
        self._write(None)
        self._refresh()

    def save(self) -> None:
        """Write the time used so far, unless the database already has it."""
        if self._slot_id is None or (self._saved_seconds is None and self.elapsed_ms() == 0):
            return
        self._write(self.elapsed_seconds())

    def state(self) -> str:
        """``normal``, ``warning`` (past 80 % of the time box) or ``over``."""
        box_ms = self.timebox_minutes() * 60_000
        elapsed = self.elapsed_ms()
        if elapsed > box_ms:
            return "over"
        if elapsed >= box_ms * WARNING_SHARE:
            return "warning"
        return "normal"

    # -- internals -------------------------------------------------------------------------

    def _toggled(self, running: bool) -> None:
        if running == self.is_running():
            return
        if running and self._slot_id is None:
            self.start_button.setChecked(False)  # nothing to time
            return
        if running:
            self._clock.start()
            self._tick.start()
            self._autosave.start()
            self.start_button.setText(self.tr("Pause"))
        else:
            if self._clock.isValid():
                self._base_ms += self._clock.elapsed()
                self._clock.invalidate()
            self._tick.stop()
            self._autosave.stop()
            self.start_button.setText(self.tr("Start"))
            self.save()
        self._refresh()
        self.runningChanged.emit(self.is_running())

    def _write(self, seconds: int | None) -> None:
        if self._slot_id is None or seconds == self._saved_seconds:
            return
        try:
            self._write_timing(self._slot_id, seconds, self.timebox_minutes())
        except StudyappError as error:
            self.failed.emit(describe(error))
            return
        self._saved_seconds = seconds
        self.saved.emit()

    def _timebox_changed(self, minutes: int) -> None:
        self._refresh()
        if self._slot_id is None:
            return
        try:
            if self._saved_seconds is None and self.elapsed_ms() == 0:
                return  # never timed: the time box is written with the first time used
            self._write_timing(self._slot_id, self.elapsed_seconds(), minutes)
        except StudyappError as error:
            self.failed.emit(describe(error))
            return
        self.saved.emit()

    def _refresh(self) -> None:
        text = self.tr("{elapsed} / {timebox}").format(
            elapsed=format_clock(self.elapsed_seconds()),
            timebox=format_clock(self.timebox_minutes() * 60),
        )
        self.elapsed_label.setText(text)
        state = self.state()
        if self.elapsed_label.property("timeState") != state:
            self.elapsed_label.setProperty("timeState", state)
            color = {"warning": AMBER, "over": RED}.get(state)
            self.elapsed_label.setStyleSheet(
                f"QLabel {{ color: {color}; font-weight: bold; }}" if color else ""
            )
