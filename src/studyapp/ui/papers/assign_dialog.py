"""Assigning a paper to a person, for a session or by a due date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.errors import StudyappError
from studyapp.core.services.assignments import AssignmentInfo, AssignmentService
from studyapp.core.services.library import LibraryService
from studyapp.core.services.papers import PaperService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.errors_shown import describe
from studyapp.ui.papers.widgets import ErrorLabel


def _completer(words: list[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(words, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class AssignDialog(QDialog):
    """``assigned(info, created_person)`` once the assignment is stored."""

    assigned = Signal(object, bool)

    def __init__(
        self, database: Database, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(self.tr("Assign a paper"))
        self._service = AssignmentService(database)
        self._today = today or dt.date.today()
        try:
            self._papers = {row.paper.title: row.paper.id for row in PaperService(database).rows()}
            people = LibraryService(database).people()
            sessions = SessionService(database).list_sessions(since=self._today)
        except StudyappError as error:
            self._papers, people, sessions = {}, [], []
            self._load_error = describe(error)
        else:
            self._load_error = ""
        self._build(people)
        # Soonest first: the next meeting is the likeliest choice.
        for summary in sorted(sessions, key=lambda s: (s.date, s.id)):
            label = self.tr("{date} · {group} · {title}").format(
                date=summary.date.isoformat(), group=summary.group, title=summary.title
            )
            self.session_combo.addItem(label, summary.id)
        if self.session_combo.count() == 0:
            self.due_radio.setChecked(True)
            self.session_radio.setEnabled(False)
        self._sync_target()
        if self._load_error:
            self._show_error(self._load_error)
        self.resize(520, self.sizeHint().height())

    def _build(self, people: list[str]) -> None:
        self.paper_edit = QLineEdit(objectName="assignPaperEdit")
        self.paper_edit.setPlaceholderText(self.tr("Start typing a title"))
        self.paper_edit.setCompleter(_completer(sorted(self._papers), self))
        self.person_edit = QLineEdit(objectName="assignPersonEdit")
        self.person_edit.setPlaceholderText(self.tr("A name; a new name adds a person"))
        self.person_edit.setCompleter(_completer(people, self))
        self.session_radio = QRadioButton(self.tr("&Session:"), objectName="assignForSession")
        self.due_radio = QRadioButton(self.tr("D&ue date:"), objectName="assignForDue")
        self.session_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.session_radio)
        group.addButton(self.due_radio)
        self.session_combo = QComboBox(objectName="assignSessionCombo")
        self.due_edit = QDateEdit(objectName="assignDueEdit")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setDate(QDate(self._today + dt.timedelta(days=7)))
        self.session_radio.toggled.connect(self._sync_target)
        form = QFormLayout()
        form.addRow(self.tr("&Paper:"), self.paper_edit)
        form.addRow(self.tr("Pe&rson:"), self.person_edit)
        session_row = QHBoxLayout()
        session_row.addWidget(self.session_combo, 1)
        form.addRow(self.session_radio, session_row)
        form.addRow(self.due_radio, self.due_edit)
        self.error = ErrorLabel("assignError", self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Assign"))
        ok.setObjectName("assignOkButton")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _sync_target(self) -> None:
        by_session = self.session_radio.isChecked()
        self.session_combo.setEnabled(by_session)
        self.due_edit.setEnabled(not by_session)

    def submit(self) -> None:
        title = self.paper_edit.text().strip()
        paper_id = self._papers.get(title)
        if paper_id is None:
            folded = {name.casefold(): pid for name, pid in self._papers.items()}
            paper_id = folded.get(title.casefold())
        if paper_id is None:
            self._show_error(self.tr("There is no paper titled “{title}”.").format(title=title))
            return
        person = self.person_edit.text().strip()
        if not person:
            self._show_error(self.tr("Who reads it? Type a name."))
            return
        session_id: int | None = None
        due: dt.date | None = None
        if self.session_radio.isChecked():
            session_id = self.session_combo.currentData()
        else:
            due = self.due_edit.date().toPython()
        try:
            info, created = self._service.assign(paper_id, person, session_id=session_id, due=due)
        except StudyappError as error:
            self._show_error(describe(error))
            return
        self.assigned.emit(info, created)
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


__all__ = ["AssignDialog", "AssignmentInfo"]
