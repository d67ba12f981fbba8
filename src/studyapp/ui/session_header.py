"""The session's own fields: title, date and time with zone, kind, status, tags, attendees."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QTime,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.dto import SessionDetail
from studyapp.core.errors import StudyappError
from studyapp.core.models import SessionKind, SessionStatus
from studyapp.core.services.sessions import SessionService
from studyapp.ui.errors_shown import describe
from studyapp.ui.save_queue import SaveQueue

COMMON_ZONES = (
    "Asia/Seoul",
    "Asia/Tokyo",
    "Asia/Shanghai",
    "Asia/Singapore",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "UTC",
)


def split_names(text: str) -> list[str]:
    """``"Alice, 민수님 ,, Bob"`` -> ``["Alice", "민수님", "Bob"]``."""
    return [name.strip() for name in text.replace("、", ",").split(",") if name.strip()]


class NameListCompleter(QCompleter):
    """Completes the name after the last comma, so a list of names can be typed quickly."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        before = widget.text().rsplit(",", 1)[0] if isinstance(widget, QLineEdit) else ""
        name = str(index.data())
        return f"{before}, {name}" if "," in (widget.text() if widget else "") else name


class SessionHeader(QWidget):
    """Edits one session's fields; text fields save through the queue, the rest at once."""

    changed = Signal()
    summaryChanged = Signal(int)
    failed = Signal(str)  # a change the database refused, as one readable line

    def __init__(
        self, database: Database, save_queue: SaveQueue, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._sessions = SessionService(database)
        self._queue = save_queue
        self._session_id: int | None = None
        self._loading = False

        self.title_edit = QLineEdit(objectName="sessionTitle")
        self.title_edit.setPlaceholderText(self.tr("Session title"))
        title_font = self.title_edit.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title_edit.setFont(title_font)

        self.date_edit = QDateEdit(objectName="sessionDate", calendarPopup=True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.time_check = QCheckBox(self.tr("at"), objectName="sessionHasTime")
        self.time_edit = QTimeEdit(objectName="sessionTime")
        self.time_edit.setDisplayFormat("HH:mm")
        self.zone_box = QComboBox(objectName="sessionTimezone", editable=True)
        self.zone_box.addItems(COMMON_ZONES)
        self.zone_box.setToolTip(
            self.tr("Time zone: a name like Asia/Seoul or an offset like +09:00")
        )
        self.kind_box = QComboBox(objectName="sessionKind")
        for kind in SessionKind:
            self.kind_box.addItem(self._kind_label(kind), kind.value)
        self.status_box = QComboBox(objectName="sessionStatus")
        for status in SessionStatus:
            self.status_box.addItem(self._status_label(status), status.value)
        self.tags_edit = QLineEdit(objectName="sessionTags")
        self.tags_edit.setPlaceholderText(self.tr("review, distillation"))
        self.tags_edit.setToolTip(self.tr("Tags, separated by commas"))
        self.title_edit.setMinimumWidth(220)
        self.tags_edit.setMinimumWidth(120)
        # One compact row: the editor below gets the height (attendance is a line of it).
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title_edit, 3)
        for widget in (
            self.date_edit,
            self.time_check,
            self.time_edit,
            self.zone_box,
            self.kind_box,
            self.status_box,
        ):
            row.addWidget(widget)
        row.addWidget(self.tags_edit, 1)

        self.title_edit.textEdited.connect(self._title_edited)
        self.tags_edit.textEdited.connect(self._tags_edited)
        self.date_edit.dateChanged.connect(self._when_changed)
        self.time_edit.timeChanged.connect(self._when_changed)
        self.time_check.toggled.connect(self._when_changed)
        self.time_check.toggled.connect(self.time_edit.setEnabled)
        self.zone_box.activated.connect(self._when_changed)
        self.zone_box.lineEdit().editingFinished.connect(self._when_changed)
        self.kind_box.activated.connect(self._kind_changed)
        self.status_box.activated.connect(self._kind_changed)
        self.load(None)

    # -- loading ---------------------------------------------------------------------------

    def load(self, detail: SessionDetail | None) -> None:
        self._loading = True
        try:
            self._session_id = detail.id if detail else None
            self.setEnabled(detail is not None)
            if detail is None:
                for edit in (self.title_edit, self.tags_edit):
                    edit.clear()
                # QDateEdit starts at 2000-01-01; with no session, today is the date to show.
                self.date_edit.setDate(QDate.currentDate())
                return
            pending = self._queue.pending_value(("title", detail.id))
            self.title_edit.setText(pending if isinstance(pending, str) else detail.title)
            self.date_edit.setDate(QDate(detail.date.year, detail.date.month, detail.date.day))
            self.time_check.setChecked(detail.start_time is not None)
            self.time_edit.setEnabled(detail.start_time is not None)
            start = detail.start_time or dt.time(19, 0)
            self.time_edit.setTime(QTime(start.hour, start.minute))
            self.zone_box.setCurrentText(detail.timezone)
            self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(detail.kind)))
            self.status_box.setCurrentIndex(max(0, self.status_box.findData(detail.status)))
            self.tags_edit.setText(", ".join(detail.tags))
        finally:
            self._loading = False

    # -- saving ----------------------------------------------------------------------------

    def _title_edited(self) -> None:
        session_id = self._session_id
        if session_id is None or self._loading:
            return
        self._queue.mark(
            ("title", session_id),
            self.title_edit.text,
            lambda title: self._save_title(session_id, title),
        )

    def _save_title(self, session_id: int, title: str) -> None:
        if not title.strip():
            return  # an emptied title is not saved; the last good one stays
        self._sessions.rename(session_id, title)
        self.summaryChanged.emit(session_id)
        self.changed.emit()

    def _tags_edited(self) -> None:
        session_id = self._session_id
        if session_id is None or self._loading:
            return
        self._queue.mark(
            ("tags", session_id),
            self.tags_edit.text,
            lambda text: self._save(
                lambda: self._sessions.set_tags(
                    session_id, [t.lstrip("#") for t in split_names(text)]
                )
            ),
        )

    def _save(self, action: Callable[[], object]) -> None:
        action()
        self.changed.emit()

    def _when_changed(self, *_args: object) -> None:
        if self._session_id is None or self._loading:
            return
        qdate = self.date_edit.date()
        qtime = self.time_edit.time()
        start = dt.time(qtime.hour(), qtime.minute()) if self.time_check.isChecked() else None
        self._apply(
            lambda session_id: self._sessions.update(
                session_id,
                date=dt.date(qdate.year(), qdate.month(), qdate.day()),
                start_time=start,
                timezone=self.zone_box.currentText().strip() or None,
            )
        )

    def _kind_changed(self, *_args: object) -> None:
        if self._session_id is None or self._loading:
            return
        self._apply(
            lambda session_id: self._sessions.update(
                session_id, kind=self.kind_box.currentData(), status=self.status_box.currentData()
            )
        )

    def _apply(self, action: Callable[[int], object]) -> None:
        session_id = self._session_id
        assert session_id is not None
        try:
            action(session_id)
        except StudyappError as error:
            self.failed.emit(describe(error))
            return
        self.summaryChanged.emit(session_id)
        self.changed.emit()

    # -- labels ----------------------------------------------------------------------------

    def _kind_label(self, kind: SessionKind) -> str:
        labels = {
            SessionKind.PAPER_REVIEW: self.tr("Paper review"),
            SessionKind.MENTORING: self.tr("Mentoring"),
            SessionKind.LECTURE: self.tr("Lecture"),
            SessionKind.PEER_SESSION: self.tr("Peer session"),
            SessionKind.CONFERENCE: self.tr("Conference"),
            SessionKind.OTHER: self.tr("Other"),
        }
        return labels[kind]

    def _status_label(self, status: SessionStatus) -> str:
        labels = {
            SessionStatus.PLANNED: self.tr("Planned"),
            SessionStatus.HELD: self.tr("Held"),
            SessionStatus.CANCELLED: self.tr("Cancelled"),
        }
        return labels[status]
