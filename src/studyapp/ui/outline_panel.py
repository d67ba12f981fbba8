"""The meeting's outline beside the editor: its headings, talks (presenter, paper, timer)
and attendance. A click jumps to the heading; the selection follows the cursor. Adding,
retitling and moving a talk edit the document through :class:`BodyBridge`."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.document import edits
from studyapp.core.document.outline import Outline, Talk
from studyapp.core.errors import StudyappError
from studyapp.core.markdown.clock import timing_line
from studyapp.core.markdown.document import PaperRef
from studyapp.core.markdown.headings import parse_paper
from studyapp.ui.body_bridge import BodyBridge
from studyapp.ui.errors_shown import describe

LINE_ROLE = Qt.ItemDataRole.UserRole + 1
TALK_ROLE = Qt.ItemDataRole.UserRole + 2  # the talk's ordinal, or -1


def talk_label(talk: Talk) -> str:
    """``동훈님 — UCDR-Adapter (WACV 2025)  ⏱ 18:30 / 20:00``."""
    parts = [talk.presenter or "?"]
    if talk.paper is not None and talk.paper.title:
        venue = f" ({talk.paper.venue})" if talk.paper.venue else ""
        parts.append(f"{talk.paper.title}{venue}")
    label = " — ".join(parts)
    timing = timing_line(talk.duration_seconds, talk.timebox_minutes)
    return f"{label}  {timing}" if timing else label


class TalkDialog(QDialog):
    """Presenter and paper of a talk; OK writes its heading."""

    def __init__(self, presenter: str, paper: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Talk"))
        self.presenter_edit = QLineEdit(presenter, objectName="talkPresenterEdit")
        self.presenter_edit.setPlaceholderText(self.tr("동훈님, Alice, …"))
        self.paper_edit = QLineEdit(paper, objectName="talkPaperEdit")
        self.paper_edit.setPlaceholderText(self.tr("Title (Venue 2025) or an arXiv link"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Presenter"), self.presenter_edit)
        form.addRow(self.tr("Paper"), self.paper_edit)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def talk(self) -> tuple[str | None, PaperRef | None]:
        """The presenter and paper typed."""
        text = self.paper_edit.text().strip()
        return self.presenter_edit.text().strip() or None, parse_paper(text) if text else None


# (presenter, paper, number, heading level) -> the heading line, checked to read back as
# that talk (PresentationService.heading_for); raises StudyappError when it would not.
HeadingFor = Callable[[str | None, PaperRef | None, int, int], str]


class OutlinePanel(QWidget):
    jumpRequested = Signal(int)  # a line of the body
    failed = Signal(str)  # a talk the panel could not write, as one readable line

    def __init__(
        self, bridge: BodyBridge, heading_for: HeadingFor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self.bridge = bridge
        self._heading_for = heading_for
        self.outline = Outline()
        # What the tree shows: each heading's (level, label), and its line and item in order.
        self._labels: list[tuple[int, str]] | None = None
        self._lines: list[tuple[int, QTreeWidgetItem]] = []
        self.attendance_label = QLabel(objectName="outlineAttendance")
        self.attendance_label.setWordWrap(True)
        self.tree = QTreeWidget(objectName="outlineTree")
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(12)
        self.tree.itemActivated.connect(self._jump)
        self.tree.itemClicked.connect(self._jump)
        self.tree.installEventFilter(self)
        self.add_button = QPushButton(self.tr("Add talk"), objectName="addTalkButton")
        self.edit_button = QPushButton(self.tr("Presenter and paper…"), objectName="editTalkButton")
        self.add_button.clicked.connect(self.add_talk)
        self.edit_button.clicked.connect(self.edit_current_talk)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        title = QLabel(self.tr("Outline"))
        title.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.attendance_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.show_outline(Outline(), enabled=False)

    # -- showing ---------------------------------------------------------------------------

    def show_outline(self, outline: Outline, *, enabled: bool = True) -> None:
        self.outline = outline
        talk_of = {talk.line: index for index, talk in enumerate(outline.talks)}
        labels = [
            (
                heading.level,
                talk_label(outline.talks[talk_of[heading.line]])
                if heading.line in talk_of
                else heading.text,
            )
            for heading in outline.headings
        ]
        if labels == self._labels:
            # Most saves change prose, not headings: the tree stays, only lines may move.
            moved = []
            for (line, item), heading in zip(self._lines, outline.headings, strict=True):
                if line != heading.line:
                    item.setData(0, LINE_ROLE, heading.line)
                moved.append((heading.line, item))
            self._lines = moved
        else:
            self._rebuild(outline, talk_of, labels)
        self._show_attendance(outline)
        self.setEnabled(enabled)
        self.edit_button.setEnabled(bool(outline.talks))

    def _rebuild(
        self, outline: Outline, talk_of: dict[int, int], labels: list[tuple[int, str]]
    ) -> None:
        current = self.tree.currentItem()
        current_line = current.data(0, LINE_ROLE) if current is not None else None
        self.tree.clear()
        self._labels = labels
        self._lines = []
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for heading, (_level, text) in zip(outline.headings, labels, strict=True):
            ordinal = talk_of.get(heading.line, -1)
            item = QTreeWidgetItem([text or "#"])
            self._lines.append((heading.line, item))
            item.setData(0, LINE_ROLE, heading.line)
            item.setData(0, TALK_ROLE, ordinal)
            item.setToolTip(0, heading.text)
            if ordinal >= 0:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            if parents:
                parents[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            parents.append((heading.level, item))
            if heading.line == current_line:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()

    def _show_attendance(self, outline: Outline) -> None:
        found = outline.attendance
        if found is not None:
            names = ", ".join(found.attendees)
            absent = ", ".join(found.absentees)
            text = self.tr("Attendees: {names}").format(names=names or "—")
            if absent:
                text += "  " + self.tr("(absent: {names})").format(names=absent)
            self.attendance_label.setText(text)
        else:
            self.attendance_label.setText(self.tr("No attendance line yet (Attendees: A, B)"))

    def follow(self, line: int) -> None:
        """Select the heading whose section holds ``line`` (the cursor's); called on every
        cursor move, so a binary search over the headings' lines."""
        at = bisect.bisect_right([found for found, _item in self._lines], line) - 1
        best = self._lines[at][1] if at >= 0 else None
        if best is not None and best is not self.tree.currentItem():
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(best)
            self.tree.blockSignals(False)

    def current_talk(self) -> int | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        ordinal = item.data(0, TALK_ROLE)
        if ordinal is not None and ordinal >= 0:
            return int(ordinal)
        return self.outline.talk_at(int(item.data(0, LINE_ROLE)))

    def _jump(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.jumpRequested.emit(int(item.data(0, LINE_ROLE)))

    # -- editing the document --------------------------------------------------------------

    def add_talk(self) -> None:
        dialog = TalkDialog("", "", self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        heading = self._heading(dialog, len(self.outline.talks) + 1, 2)
        if heading is not None:
            self.bridge.apply(lambda body, outline: edits.add_talk(body, outline, heading))

    def edit_current_talk(self) -> None:
        ordinal = self.current_talk()
        if ordinal is None or ordinal >= len(self.outline.talks):
            return
        talk = self.outline.talks[ordinal]
        paper = ""
        if talk.paper is not None:
            paper = talk.paper.title + (f" ({talk.paper.venue})" if talk.paper.venue else "")
        dialog = TalkDialog(talk.presenter or "", paper, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        heading = self._heading(dialog, ordinal + 1, talk.level)
        if heading is not None:
            self.bridge.apply(
                lambda _body, outline: edits.set_talk_heading(outline, ordinal, heading)
            )

    def _heading(self, dialog: TalkDialog, number: int, level: int) -> str | None:
        presenter, paper = dialog.talk()
        try:
            return self._heading_for(presenter, paper, number, level)
        except StudyappError as error:
            self.failed.emit(describe(error))
            return None

    def move_current_talk(self, delta: int) -> bool:
        """Alt+Up / Alt+Down: the talk's whole section swaps with its neighbour's."""
        ordinal = self.current_talk()
        if ordinal is None:
            return False
        edit = self.bridge.apply(
            lambda body, outline: edits.move_talk(body, outline, ordinal, delta)
        )
        return edit is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & Qt.KeyboardModifier.AltModifier:
                if event.key() == Qt.Key.Key_Up:
                    self.move_current_talk(-1)
                    return True
                if event.key() == Qt.Key.Key_Down:
                    self.move_current_talk(1)
                    return True
        return super().eventFilter(watched, event)
