"""TrashDialog: restore brings sessions and papers back; Empty trash asks first."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QTreeWidget

from studyapp.core import models
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService
from studyapp.core.services.trash import TrashService
from studyapp.ui.trash_dialog import TrashDialog


def add_paper(database, title: str) -> int:
    with database.transaction() as orm:
        paper = models.Paper(title=title, title_key=title.casefold(), venue="ICLR", year=2025)
        orm.add(paper)
        orm.flush()
        return paper.id


@pytest.fixture
def trashed(database):
    sessions = SessionService(database)
    session = sessions.create(group="KD 스터디", title="0310 리딩 그룹", date=dt.date(2025, 3, 10))
    PresentationService(database).add(session.id, presenter="동훈님")
    sessions.trash(session.id)
    paper_id = add_paper(database, "지식 증류 Knowledge Distillation")
    TrashService(database).trash_paper(paper_id)
    return session.id, paper_id


@pytest.fixture
def dialog(database, trashed, qtbot):
    made = TrashDialog(database)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def answer_next_message_box(qtbot, button: QMessageBox.StandardButton) -> None:
    """Click ``button`` in the question box that is about to open, as a person would."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_lists_sessions_and_papers(dialog, trashed):
    session_id, paper_id = trashed
    assert sorted(dialog.entries()) == [("paper", paper_id), ("session", session_id)]
    tree = dialog.findChild(QTreeWidget, "trashList")
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert any("0310 리딩 그룹" in t and "KD 스터디" in t for t in titles)
    assert any("지식 증류" in t and "ICLR 2025" in t for t in titles)


def test_restore_a_session_with_its_presentations(dialog, database, trashed, qtbot):
    session_id, paper_id = trashed
    tree = dialog.findChild(QTreeWidget, "trashList")
    row = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if "리딩" in tree.topLevelItem(i).text(0)
    )
    tree.setCurrentItem(row)
    restore = dialog.findChild(QPushButton, "trashRestoreButton")
    with qtbot.waitSignal(dialog.restored) as signal:
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert signal.args == ["session", session_id]
    detail = SessionService(database).get(session_id)
    assert [p.presenter for p in detail.presentations] == ["동훈님"]
    assert dialog.entries() == [("paper", paper_id)]


def test_empty_trash_asks_and_cancel_keeps_everything(dialog, database, qtbot):
    empty = dialog.findChild(QPushButton, "trashEmptyButton")
    answer_next_message_box(qtbot, QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(empty, Qt.MouseButton.LeftButton)
    assert len(TrashService(database).items()) == 2
    assert len(dialog.entries()) == 2


def test_empty_trash_deletes_for_good(dialog, database, trashed, qtbot):
    session_id, _ = trashed
    empty = dialog.findChild(QPushButton, "trashEmptyButton")
    answer_next_message_box(qtbot, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.emptied) as signal:
        qtbot.mouseClick(empty, Qt.MouseButton.LeftButton)
    assert signal.args == [2]
    assert TrashService(database).items() == []
    assert dialog.entries() == []
    assert not empty.isEnabled()
    with database.transaction() as orm:
        assert orm.get(models.Session, session_id) is None


def test_an_empty_trash_says_so(database, qtbot):
    dialog = TrashDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.entries() == []
    assert dialog.findChild(QPushButton, "trashRestoreButton").isEnabled() is False
    assert dialog.findChild(QPushButton, "trashEmptyButton").isEnabled() is False


def test_restoring_something_already_gone_shows_the_error(dialog, database, trashed, qtbot):
    session_id, _ = trashed
    tree = dialog.findChild(QTreeWidget, "trashList")
    tree.selectAll()
    TrashService(database).restore("session", session_id)  # restored elsewhere meanwhile
    qtbot.mouseClick(dialog.findChild(QPushButton, "trashRestoreButton"), Qt.MouseButton.LeftButton)
    error = dialog.findChild(QLabel, "trashError")
    assert "no session" in error.text()
    assert error.isVisible()
