"""Ctrl+P quick switcher, driven from the keyboard as a person would."""

import datetime as dt
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QListView

from studyapp.core.dto import SessionSummary
from studyapp.core.errors import DatabaseError
from studyapp.core.services.sessions import SessionService
from studyapp.ui.quick_switcher import QuickSwitcher, SwitcherRole, entry_text


@pytest.fixture
def sessions(database):
    service = SessionService(database)

    def make(title, group, date):
        return service.create(group=group, title=title, date=date).id

    ids = {
        "vision": make("Vision reading group 250310", "KD 스터디", dt.date(2025, 3, 10)),
        "reading": make("영어 리딩 모임", "MUG", dt.date(2025, 2, 1)),
        "teacher": make("교사 연수 준비", "MUG", dt.date(2024, 12, 3)),
        "newest": make("Transformer 논문 리뷰", "KD 스터디", dt.date(2025, 4, 1)),
    }
    trashed = make("Old reading notes", "MUG", dt.date(2025, 1, 5))
    service.trash(trashed)
    return ids


@pytest.fixture
def switcher(qtbot, database, sessions):
    widget = QuickSwitcher(database)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def field(switcher) -> QLineEdit:
    return switcher.findChild(QLineEdit, "quickSwitcherInput")


def result_list(switcher) -> QListView:
    return switcher.findChild(QListView, "quickSwitcherList")


def shown_ids(switcher) -> list[int]:
    model = result_list(switcher).model()
    return [model.index(row, 0).data(SwitcherRole.ID) for row in range(model.rowCount())]


def commit(widget, text):
    """Hangul arrives from the input method, not as key presses."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def compose(widget, preedit):
    QApplication.sendEvent(widget, QInputMethodEvent(preedit, []))


def wait_top(qtbot, switcher, session_id):
    qtbot.waitUntil(lambda: shown_ids(switcher)[:1] == [session_id], timeout=2000)


def test_names_and_empty_query_lists_recent_sessions_first(switcher, sessions):
    assert switcher.objectName() == "quickSwitcher"
    assert field(switcher) is not None and result_list(switcher) is not None
    assert shown_ids(switcher) == [
        sessions["newest"],
        sessions["vision"],
        sessions["reading"],
        sessions["teacher"],
    ]  # the trashed session is not offered
    assert switcher.current_session_id() == sessions["newest"]
    first = result_list(switcher).model().index(0, 0).data()
    assert first == "2025-04-01 · KD 스터디 · Transformer 논문 리뷰"


def test_typed_ascii_query_and_enter_opens_the_session(qtbot, switcher, sessions):
    qtbot.keyClicks(field(switcher), "vrg")
    wait_top(qtbot, switcher, sessions["vision"])
    with qtbot.waitSignal(switcher.sessionChosen, timeout=2000) as chosen:
        qtbot.keyClick(field(switcher), Qt.Key.Key_Return)
    assert chosen.args == [sessions["vision"]]
    assert not switcher.isVisible()
    assert switcher.result() == QDialog.DialogCode.Accepted


def test_enter_right_after_typing_uses_the_latest_query(qtbot, switcher, sessions):
    qtbot.keyClicks(field(switcher), "transformer")
    with qtbot.waitSignal(switcher.sessionChosen, timeout=2000) as chosen:
        qtbot.keyClick(field(switcher), Qt.Key.Key_Enter)  # before the pause has passed
    assert chosen.args == [sessions["newest"]]


def test_initial_consonants_find_hangul_titles(qtbot, switcher, sessions):
    commit(field(switcher), "ㄹㄷ")
    wait_top(qtbot, switcher, sessions["reading"])
    model = result_list(switcher).model()
    text, positions = model.index(0, 0).data(), model.index(0, 0).data(SwitcherRole.POSITIONS)
    assert "".join(text[i] for i in positions) == "리딩"  # what is drawn in bold
    with qtbot.waitSignal(switcher.sessionChosen, timeout=2000) as chosen:
        qtbot.keyClick(field(switcher), Qt.Key.Key_Return)
    assert chosen.args == [sessions["reading"]]


def test_results_follow_the_syllable_still_being_composed(qtbot, switcher, sessions):
    commit(field(switcher), "교")
    compose(field(switcher), "ㅅ")  # 교ㅅ on screen, ㅅ not committed yet
    assert field(switcher).text() == "교"
    wait_top(qtbot, switcher, sessions["teacher"])
    assert shown_ids(switcher) == [sessions["teacher"]]
    compose(field(switcher), "")  # composition cancelled: back to 교
    commit(field(switcher), "")
    qtbot.waitUntil(lambda: switcher.input.query() == "교")


@pytest.mark.parametrize("query", ["0310", "3/10", "250310", "2025-03-10"])
def test_dates_in_the_forms_people_type(qtbot, switcher, sessions, query):
    qtbot.keyClicks(field(switcher), query)
    qtbot.waitUntil(lambda: shown_ids(switcher) == [sessions["vision"]], timeout=2000)


def test_down_moves_and_enter_opens_the_second_result(qtbot, switcher, sessions):
    qtbot.keyClicks(field(switcher), "mug")
    qtbot.waitUntil(lambda: len(shown_ids(switcher)) == 2, timeout=2000)
    second = shown_ids(switcher)[1]
    qtbot.keyClick(field(switcher), Qt.Key.Key_Up)  # already at the top: stays
    assert switcher.current_session_id() == shown_ids(switcher)[0]
    qtbot.keyClick(field(switcher), Qt.Key.Key_Down)
    qtbot.keyClick(field(switcher), Qt.Key.Key_Down)  # at the bottom: stays
    assert switcher.current_session_id() == second
    with qtbot.waitSignal(switcher.sessionChosen, timeout=2000) as chosen:
        qtbot.keyClick(field(switcher), Qt.Key.Key_Return)
    assert chosen.args == [second]


def test_escape_closes_without_choosing(qtbot, switcher):
    qtbot.keyClicks(field(switcher), "vision")
    with qtbot.assertNotEmitted(switcher.sessionChosen):
        qtbot.keyClick(field(switcher), Qt.Key.Key_Escape)
    assert not switcher.isVisible()
    assert switcher.result() == QDialog.DialogCode.Rejected


def test_clicking_a_result_opens_it(qtbot, switcher, sessions):
    view = result_list(switcher)
    rect = view.visualRect(view.model().index(2, 0))
    with qtbot.waitSignal(switcher.sessionChosen, timeout=2000) as chosen:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args == [sessions["reading"]]


def test_no_match_says_so_and_enter_does_nothing(qtbot, switcher):
    qtbot.keyClicks(field(switcher), "zzzq")
    status = switcher.findChild(QLabel, "quickSwitcherStatus")
    qtbot.waitUntil(lambda: "zzzq" in status.text(), timeout=2000)
    assert shown_ids(switcher) == []
    with qtbot.assertNotEmitted(switcher.sessionChosen):
        qtbot.keyClick(field(switcher), Qt.Key.Key_Return)
    assert switcher.isVisible()


def test_reopening_reads_sessions_again_and_clears_the_query(qtbot, switcher, database):
    qtbot.keyClicks(field(switcher), "vision")
    qtbot.keyClick(field(switcher), Qt.Key.Key_Escape)
    new_id = (
        SessionService(database).create(group="MUG", title="새 세션", date=dt.date(2026, 1, 5)).id
    )
    switcher.show()
    assert field(switcher).text() == ""
    assert shown_ids(switcher)[0] == new_id


def test_database_error_is_shown_not_raised(qtbot, database, monkeypatch):
    def fail(self):
        raise DatabaseError("The database is locked by another program.")

    monkeypatch.setattr(SessionService, "switcher_entries", fail)
    widget = QuickSwitcher(database)
    qtbot.addWidget(widget)
    widget.show()
    status = widget.findChild(QLabel, "quickSwitcherStatus")
    assert status.text() == "The database is locked by another program."
    assert shown_ids(widget) == []


def test_ten_thousand_sessions_stay_responsive(qtbot, database, monkeypatch):
    groups = ["KD 스터디", "MUG", "Vision club"]
    words = [
        *("Vision", "reading", "group", "diffusion", "paper"),
        *("리딩", "스터디", "논문", "증류", "교사", "멘토링", "회의"),
    ]
    entries = [
        SessionSummary(
            id=n,
            title=f"{words[n % len(words)]} {words[n // len(words) % len(words)]} {n}",
            date=dt.date(2025, 1, 1) - dt.timedelta(days=n // 3),
            start_time=None,
            timezone="UTC",
            group=groups[n % 3],
            kind="other",
            status="held",
        )
        for n in range(10_000)
    ]
    monkeypatch.setattr(SessionService, "switcher_entries", lambda self: entries)
    widget = QuickSwitcher(database)
    qtbot.addWidget(widget)
    started = time.perf_counter()
    widget.show()
    print(f"\nopen with 10,000 sessions: {(time.perf_counter() - started) * 1000:.0f} ms")
    for text in ("ㄹ", "ㄹㄷ", "ㄹㄷ ㅈ"):
        widget.input.setText(text)
        started = time.perf_counter()
        widget.refresh()
        print(f"{text!r}: {(time.perf_counter() - started) * 1000:.1f} ms")
    assert len(shown_ids(widget)) == 50
    top = entry_text(result_list(widget).model().index(0, 0).data(SwitcherRole.SUMMARY))
    assert "리딩" in top and "증류" in top


def test_long_titles_are_elided_when_drawn(qtbot, database):
    service = SessionService(database)
    service.create(group="KD 스터디", title="아주 긴 제목 " * 30 + "끝", date=dt.date(2025, 3, 10))
    widget = QuickSwitcher(database)
    qtbot.addWidget(widget)
    widget.resize(480, 300)
    widget.show()
    commit(widget.input, "ㄱㅈ")
    widget.refresh()
    assert shown_ids(widget)
    image = widget.grab().toImage()  # paints every visible row through the delegate
    assert not image.isNull()
    # Elided to the width instead of scrolling sideways.
    assert result_list(widget).horizontalScrollBar().maximum() == 0


def test_switcher_entries_match_the_session_list(database, sessions):
    service = SessionService(database)
    assert service.switcher_entries() == service.list_sessions()
