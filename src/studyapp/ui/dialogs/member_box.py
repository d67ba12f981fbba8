"""Settings -> You: the name this window writes as, and who that is in the open database.

As the name is typed, the box says which person of the group it will be recorded as
("alice" becomes "Alice" when the group knows an Alice), or that nobody of that name is
known yet, so a member sees before OK whether their edits will be theirs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from studyapp.core.actor import os_user_name
from studyapp.core.errors import StudyappError
from studyapp.core.services.members import MemberMatch

# Looks a name up in the open database; None when there is no database to ask.
WhoIs = Callable[[str], MemberMatch | None]
LOOKUP_DELAY_MS = 200  # after the last keystroke: one query per pause, not per key


class MemberBox(QGroupBox):
    def __init__(self, who_is: WhoIs | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("You"), parent)
        self.setObjectName("memberGroup")
        self._who_is = who_is
        self.name_edit = QLineEdit(objectName="memberNameEdit")
        self.name_edit.setPlaceholderText(os_user_name())
        self.name_edit.setClearButtonEnabled(True)
        hint = QLabel(
            self.tr(
                "Notes you write, to-dos you tick and talks you add are recorded under "
                "this name; written as a member of the group writes it, it is theirs."
            ),
            objectName="memberNameHint",
        )
        hint.setWordWrap(True)
        self.match_label = QLabel(objectName="memberMatchLabel")
        self.match_label.setWordWrap(True)
        self.match_label.setVisible(who_is is not None)
        label = QLabel(self.tr("Your &name:"))
        label.setBuddy(self.name_edit)
        form = QFormLayout(self)
        form.addRow(label, self.name_edit)
        form.addRow(hint)
        form.addRow(self.match_label)
        self._pause = QTimer(self, singleShot=True, interval=LOOKUP_DELAY_MS)
        self._pause.timeout.connect(self.show_match)
        self.name_edit.textChanged.connect(self._pause.start)

    def set_name(self, name: str) -> None:
        self.name_edit.setText(name)
        self.show_match()

    @Slot()
    def show_match(self) -> None:
        """Say who the name (or, left empty, the computer user's name) is recorded as."""
        self._pause.stop()
        if self._who_is is None:
            return
        name = self.name_edit.text().strip() or self.name_edit.placeholderText()
        try:
            match = self._who_is(name)
        except StudyappError:  # the database cannot answer now: say nothing rather than guess
            self.match_label.clear()
            return
        self.match_label.setText(self._describe(name, match))

    def _describe(self, name: str, match: MemberMatch | None) -> str:
        if not name:
            return ""
        if match is None:
            return self.tr("No one named {name} in this database yet: recorded as typed.").format(
                name=name
            )
        if match.groups:
            return self.tr("Recorded as {name}, member of {groups}.").format(
                name=match.name, groups=", ".join(match.groups)
            )
        return self.tr("Recorded as {name}, named in the notes (in no group).").format(
            name=match.name
        )
