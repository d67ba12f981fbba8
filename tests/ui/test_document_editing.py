"""The meeting's document as a person edits it: type a talk or a to-do, tick it in the panel,
move a talk with Alt+Down, time it; the outline and the to-dos follow, the editor keeps one
undo history, and closing the window at once loses nothing."""

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QListView, QTreeWidget

from studyapp import app
from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService
from studyapp.ui import outline_panel
from studyapp.ui.editor import MarkdownEditor
from studyapp.ui.models.checklist_model import ChecklistRole

TITLE = "둘째 모임"
TWO_TALKS = (
    "# 0310 리딩\n"
    "\n"
    "Attendees: 동훈님, Alice\n"
    "\n"
    "## 동훈님 논문 - UCDR-Adapter (WACV 2025)\n"
    "\n"
    "- 어댑터로 도메인 일반화\n"
    "> 질문: 왜 어댑터인가?\n"
    "\n"
    "## Alice: Attention Is All You Need (NeurIPS 2017)\n"
    "\n"
    "- self-attention only\n"
    "\n"
    "## 할 일\n"
    "\n"
    "- [ ] Bob: send slides\n"
)


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'document.sqlite3'}"
    database = open_database(url)
    try:
        sessions = SessionService(database)
        sessions.create(group="KD 스터디", title="첫 모임", date=dt.date(2025, 3, 3), body="처음")
        sessions.create(group="KD 스터디", title=TITLE, date=dt.date(2025, 3, 10))
    finally:
        database.dispose()
    return url


def _open(qtbot, url):
    window = app.create_main_window(url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.header.title_edit.text() == TITLE  # the newest session opens first
    return window


@pytest.fixture
def window(qtbot, url):
    window = _open(qtbot, url)
    yield window
    if window.isVisible():
        window.close()


@pytest.fixture
def talks_window(qtbot, url):
    """The window on a session whose body holds two talks and a to-do, written before."""
    database = open_database(url)
    try:
        sessions = SessionService(database)
        session = next(s.id for s in sessions.list_sessions() if s.title == TITLE)
        sessions.set_body(session, TWO_TALKS)
    finally:
        database.dispose()
    window = _open(qtbot, url)
    assert window.body_editor.toPlainText() == TWO_TALKS
    yield window
    if window.isVisible():
        window.close()


def _stored(url):
    database = open_database(url)
    try:
        sessions = SessionService(database)
        return next(sessions.get(s.id) for s in sessions.list_sessions() if s.title == TITLE)
    finally:
        database.dispose()


def _commit(editor: MarkdownEditor, text: str) -> None:
    """Hangul as an input method hands it over: committed text, not key presses."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(editor, event)


def _type(qtbot, editor: MarkdownEditor, text: str) -> None:
    """``text`` typed: ASCII as key presses (Enter for a line break), the rest committed by
    the input method."""
    for run in re.findall(r"[\x20-\x7e]+|\n|[^\x20-\x7e\n]+", text):
        if run == "\n":
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        elif run.isascii():
            qtbot.keyClicks(editor, run)
        else:
            _commit(editor, run)


def _focus_end(qtbot, editor: MarkdownEditor) -> None:
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(QTextCursor.MoveOperation.End)


def _put_cursor_on(editor: MarkdownEditor, line: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(line).position())
    editor.setTextCursor(cursor)


def _lines(editor: MarkdownEditor) -> list[str]:
    return editor.toPlainText().split("\n")


def _tree_items(tree: QTreeWidget):
    found = []
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop(0)
        found.append(item)
        stack[0:0] = [item.child(i) for i in range(item.childCount())]
    return found


def _outline_texts(window) -> list[str]:
    return [item.text(0) for item in _tree_items(window.outline.tree)]


def _todo_rows(window) -> list[str]:
    model = window.checklist.model
    return [model.index(row).data() for row in range(model.rowCount())]


def _due_dates(window) -> list[dt.date | None]:
    """The due dates of the open session's to-dos, as the panel has them (after a save)."""
    return [item.task.due_date for item in window.checklist.model.own_items()]


def _close_and_check_nothing_lost(window, url) -> str:
    """Close at once (no waiting for the save's pause); the database has the editor's text."""
    text = window.body_editor.toPlainText()
    window.close()
    assert _stored(url).body == text
    return text


# -- typing ---------------------------------------------------------------------------------


def test_a_typed_talk_heading_appears_in_the_outline(qtbot, window, url):
    editor = window.body_editor
    _focus_end(qtbot, editor)
    _type(qtbot, editor, "## 동훈님 논문 - X (WACV 2025)")
    qtbot.waitUntil(lambda: len(window.outline.outline.talks) == 1)
    talk = window.outline.outline.talks[0]
    assert talk.presenter == "동훈님"
    assert talk.paper is not None and (talk.paper.title, talk.paper.venue) == ("X", "WACV 2025")
    assert _outline_texts(window) == ["동훈님 — X (WACV 2025)"]
    assert window.outline.tree.topLevelItem(0).font(0).bold()  # a talk, not a plain heading

    _close_and_check_nothing_lost(window, url)
    stored = _stored(url)
    assert stored.body == "## 동훈님 논문 - X (WACV 2025)"
    assert [(p.presenter, p.paper.title) for p in stored.presentations] == [("동훈님", "X")]


def test_a_typed_task_line_becomes_a_to_do_in_the_panel(qtbot, window, url):
    editor = window.body_editor
    _focus_end(qtbot, editor)
    _type(qtbot, editor, "- [ ] Bob: send slides 📅 2025-03-10")
    qtbot.waitUntil(lambda: _due_dates(window) == [dt.date(2025, 3, 10)], timeout=3000)
    (item,) = window.checklist.model.own_items()
    assert (item.task.text, item.task.assignee, item.task.due_date) == (
        "send slides",
        "Bob",
        dt.date(2025, 3, 10),
    )
    assert not item.task.done
    assert _todo_rows(window)[0].startswith("Bob: send slides")

    _close_and_check_nothing_lost(window, url)
    (stored,) = _stored(url).checklist
    assert (stored.task.assignee, stored.task.due_date) == ("Bob", dt.date(2025, 3, 10))


def test_closing_right_after_typing_keeps_the_whole_document(qtbot, window, url):
    editor = window.body_editor
    _focus_end(qtbot, editor)
    _type(qtbot, editor, "Attendees: 동훈님, Alice\n\n## Alice: Paper (ICLR 2025)\n")
    _commit(editor, "메모 한 줄")
    text = _close_and_check_nothing_lost(window, url)  # within the save's pause
    assert text.endswith("메모 한 줄")
    stored = _stored(url)
    assert [p.presenter for p in stored.presentations] == ["Alice"]
    assert list(stored.attendees) == ["동훈님", "Alice"]


# -- the to-do panel edits the text -------------------------------------------------------


def test_ticking_in_the_panel_ticks_the_line_and_ctrl_z_in_the_editor_undoes_it(qtbot, window, url):
    editor = window.body_editor
    _focus_end(qtbot, editor)
    _type(qtbot, editor, "## 할 일\n\n- [ ] Bob: send slides ")
    _commit(editor, "📅")
    _type(qtbot, editor, " 2025-03-10")
    typed = "- [ ] Bob: send slides 📅 2025-03-10"
    qtbot.waitUntil(lambda: _due_dates(window) == [dt.date(2025, 3, 10)], timeout=3000)

    view = window.checklist.findChild(QListView, "checklistView")
    view.setFocus()
    view.setCurrentIndex(window.checklist.model.index(0))
    with qtbot.waitSignal(window.checklist.changed):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    today = dt.date.today().isoformat()
    ticked = f"- [x] Bob: send slides 📅 2025-03-10 ✅ {today}"
    assert _lines(editor) == ["## 할 일", "", ticked]
    assert window.checklist.model.own_items()[0].task.done
    assert window.checklist.model.index(0).data(Qt.ItemDataRole.CheckStateRole) in (
        Qt.CheckState.Checked,
        Qt.CheckState.Checked.value,
    )
    assert _stored(url).body.endswith(ticked)  # saved at once, not after a pause

    # Ctrl+Z in the editor takes the tick back, as one step, like typing.
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _lines(editor) == ["## 할 일", "", typed]
    qtbot.waitUntil(lambda: not window.checklist.model.own_items()[0].task.done, timeout=3000)

    _close_and_check_nothing_lost(window, url)
    assert not _stored(url).checklist[0].task.done


def test_ticking_then_closing_at_once_keeps_the_tick(qtbot, talks_window, url):
    window = talks_window
    qtbot.waitUntil(lambda: len(window.checklist.model.own_items()) == 1)
    view = window.checklist.findChild(QListView, "checklistView")
    view.setFocus()
    view.setCurrentIndex(window.checklist.model.index(0))
    with qtbot.waitSignal(window.checklist.changed):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    today = dt.date.today().isoformat()
    assert _lines(window.body_editor)[-2] == f"- [x] Bob: send slides ✅ {today}"
    _close_and_check_nothing_lost(window, url)
    assert _stored(url).checklist[0].task.done


def test_a_to_do_added_in_the_panel_is_a_line_of_the_editor_and_undoable(qtbot, window, url):
    editor = window.body_editor
    _focus_end(qtbot, editor)
    _type(qtbot, editor, "# Meeting\n\nnotes")
    field = window.checklist.add_edit
    field.setFocus()
    qtbot.keyClicks(field, "Carol: book the room")
    with qtbot.waitSignal(window.checklist.changed):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert _lines(editor) == [
        "# Meeting",
        "",
        "notes",
        "",
        "## To-dos",
        "",
        "- [ ] Carol: book the room",
    ]
    assert [i.task.assignee for i in window.checklist.model.own_items()] == ["Carol"]

    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "# Meeting\n\nnotes"
    qtbot.waitUntil(lambda: not window.checklist.model.own_items(), timeout=3000)
    _close_and_check_nothing_lost(window, url)
    assert not _stored(url).checklist


# -- talks: moving, outline, timer -----------------------------------------------------------


def _sections(lines: list[str]) -> dict[str, list[str]]:
    """Each ``## `` heading with the lines under it up to the next one (blank lines dropped)."""
    found: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line.startswith("## "):
            current = line
            found[current] = []
        elif current is not None and line.strip():
            found[current].append(line)
    return found


def test_alt_down_moves_the_talk_below_the_next_one_and_ctrl_z_puts_it_back(
    qtbot, talks_window, url
):
    window = talks_window
    editor = window.body_editor
    before = _lines(editor)
    first = before.index("## 동훈님 논문 - UCDR-Adapter (WACV 2025)")
    second = before.index("## Alice: Attention Is All You Need (NeurIPS 2017)")
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    _put_cursor_on(editor, first + 2)  # in the talk's notes, not on its heading
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)

    after = _lines(editor)
    assert after[:first] == before[:first]  # nothing above the talks moved
    alice = after.index("## Alice: Attention Is All You Need (NeurIPS 2017)")
    donghun = after.index("## 동훈님 논문 - UCDR-Adapter (WACV 2025)")
    assert alice == first and donghun > alice
    # Each talk moved whole: its notes and discussion went with its heading.
    assert after[donghun : donghun + 5] == before[first : first + 5]
    assert after[alice : alice + 3] == before[second : second + 3]
    assert _sections(after) == _sections(before)
    assert sorted(after) == sorted(before)
    assert after[after.index("## 할 일") :] == before[before.index("## 할 일") :]
    # The cursor went with the talk; the outline lists the new order.
    assert window.outline.outline.talk_at(editor.textCursor().blockNumber()) == 1
    qtbot.waitUntil(
        lambda: [t.presenter for t in window.outline.outline.talks] == ["Alice", "동훈님"]
    )
    assert [p.presenter for p in _stored(url).presentations] == ["Alice", "동훈님"]

    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _lines(editor) == before
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _lines(editor) == after
    _close_and_check_nothing_lost(window, url)
    assert [p.presenter for p in _stored(url).presentations] == ["Alice", "동훈님"]


def test_alt_down_pressed_twice_at_once_takes_the_talk_past_two_others(qtbot, window, url):
    editor = window.body_editor
    _focus_end(qtbot, editor)
    _type(qtbot, editor, "## Alice: A (ICLR 2025)\na notes\n\n## Bob: B (ICLR 2025)\nb notes\n")
    _type(qtbot, editor, "\n## Carol: C (ICLR 2025)\nc notes")
    _put_cursor_on(editor, 1)  # Alice's notes
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # no pause
    headings = [line for line in _lines(editor) if line.startswith("## ")]
    assert headings == [
        "## Bob: B (ICLR 2025)",
        "## Carol: C (ICLR 2025)",
        "## Alice: A (ICLR 2025)",
    ]
    assert _lines(editor)[-2:] == ["## Alice: A (ICLR 2025)", "a notes"]
    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    headings = [line for line in _lines(editor) if line.startswith("## ")]
    assert headings == [
        "## Bob: B (ICLR 2025)",
        "## Alice: A (ICLR 2025)",
        "## Carol: C (ICLR 2025)",
    ]
    _close_and_check_nothing_lost(window, url)
    assert [p.presenter for p in _stored(url).presentations] == ["Bob", "Alice", "Carol"]


def test_alt_up_on_the_first_talk_changes_nothing(qtbot, talks_window, url):
    window = talks_window
    editor = window.body_editor
    before = editor.toPlainText()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    _put_cursor_on(editor, _lines(editor).index("## 동훈님 논문 - UCDR-Adapter (WACV 2025)"))
    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.toPlainText() == before


def test_alt_down_in_the_outline_moves_the_selected_talk(qtbot, talks_window, url):
    window = talks_window
    tree = window.outline.tree
    donghun = next(i for i in _tree_items(tree) if i.text(0).startswith("동훈님"))
    tree.setFocus()
    tree.setCurrentItem(donghun)
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [p.presenter for p in _stored(url).presentations] == ["Alice", "동훈님"]
    qtbot.waitUntil(lambda: _outline_texts(window)[1].startswith("Alice"))


def test_the_outline_follows_the_cursor_and_a_click_jumps_to_the_heading(qtbot, talks_window, url):
    window = talks_window
    editor = window.body_editor
    tree = window.outline.tree
    assert _outline_texts(window) == [
        "0310 리딩",
        "동훈님 — UCDR-Adapter (WACV 2025)",
        "Alice — Attention Is All You Need (NeurIPS 2017)",
        "할 일",
    ]
    assert window.outline.attendance_label.text() == "Attendees: 동훈님, Alice"
    lines = _lines(editor)

    _put_cursor_on(editor, lines.index("- self-attention only"))
    assert tree.currentItem().text(0).startswith("Alice")
    _put_cursor_on(editor, lines.index("> 질문: 왜 어댑터인가?"))
    assert tree.currentItem().text(0).startswith("동훈님")
    _put_cursor_on(editor, lines.index("Attendees: 동훈님, Alice"))
    assert tree.currentItem().text(0) == "0310 리딩"

    todo = next(i for i in _tree_items(tree) if i.text(0) == "할 일")
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(todo).center()
    )
    assert editor.textCursor().blockNumber() == lines.index("## 할 일")
    assert editor.hasFocus()
    assert tree.currentItem() is todo
    alice = next(i for i in _tree_items(tree) if i.text(0).startswith("Alice"))
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(alice).center()
    )
    assert editor.textCursor().blockNumber() == lines.index(
        "## Alice: Attention Is All You Need (NeurIPS 2017)"
    )
    # The editor scrolled the heading into view.
    assert editor.viewport().rect().contains(editor.cursorRect().center())


def test_the_talk_timer_writes_its_line_under_the_talks_heading(qtbot, talks_window, url):
    window = talks_window
    editor = window.body_editor
    heading = "## Alice: Attention Is All You Need (NeurIPS 2017)"
    editor.setFocus()
    _put_cursor_on(editor, _lines(editor).index(heading) + 2)
    timer = window.slot_timer
    qtbot.waitUntil(lambda: timer.slot_id() is not None)
    assert "Alice" in window.meeting.talk_label.text()
    timer.start()
    qtbot.waitUntil(lambda: timer.elapsed_ms() >= 1000, timeout=3000)
    with qtbot.waitSignal(timer.saved):
        timer.pause()
    lines = _lines(editor)
    at = lines.index(heading)
    assert re.fullmatch(r"⏱ 00:0\d / 20:00", lines[at + 1]), lines[at : at + 3]
    assert lines[at + 2 :] != [] and "- self-attention only" in lines[at + 2 :]
    qtbot.waitUntil(
        lambda: (window.outline.outline.talks[1].duration_seconds or 0) >= 1, timeout=3000
    )
    assert "⏱ 00:0" in _outline_texts(window)[2]
    stored = _close_and_check_nothing_lost(window, url)
    assert f"{heading}\n⏱ 00:0" in stored
    assert (_stored(url).presentations[1].duration_seconds or 0) >= 1


def test_a_running_timer_keeps_its_talk_while_notes_are_taken_elsewhere(qtbot, talks_window, url):
    window = talks_window
    editor = window.body_editor
    heading = "## 동훈님 논문 - UCDR-Adapter (WACV 2025)"
    editor.setFocus()
    _put_cursor_on(editor, _lines(editor).index(heading) + 2)
    timer = window.slot_timer
    qtbot.waitUntil(lambda: timer.slot_id() is not None)
    talk = timer.slot_id()
    timer.start()
    last = len(_lines(editor)) - 1
    _put_cursor_on(editor, last)  # the to-dos, below another talk
    assert timer.slot_id() == talk and timer.is_running()
    qtbot.waitUntil(lambda: timer.elapsed_ms() >= 1000, timeout=3000)
    with qtbot.waitSignal(timer.saved):
        timer.pause()
    lines = _lines(editor)
    assert lines[lines.index(heading) + 1].startswith("⏱ 00:0")
    assert editor.textCursor().blockNumber() == last + 1  # left where it was typing
    assert not any(line.startswith("⏱") for line in lines[lines.index(heading) + 2 :])


def test_add_talk_and_retitle_it_from_the_outline(qtbot, talks_window, url, monkeypatch):
    window = talks_window
    answers = iter([("서연님", "Mamba (ICLR 2024)"), ("서연님", "Mamba-2 (ICML 2024)")])

    def fill_and_accept(dialog):
        presenter, paper = next(answers)
        dialog.presenter_edit.setText(presenter)
        dialog.paper_edit.setText(paper)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(outline_panel.TalkDialog, "exec", fill_and_accept)
    qtbot.mouseClick(window.outline.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.outline.outline.talks) == 3)
    talks = window.outline.outline.talks
    assert talks[2].presenter == "서연님" and talks[2].paper.title == "Mamba"
    lines = _lines(window.body_editor)
    new_heading = lines[talks[2].line]
    assert new_heading.startswith("## ") and "Mamba (ICLR 2024)" in new_heading
    assert lines.index(new_heading) < lines.index("## 할 일")  # before the to-do section

    window.outline.tree.setCurrentItem(
        next(i for i in _tree_items(window.outline.tree) if i.text(0).startswith("서연님"))
    )
    qtbot.mouseClick(window.outline.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.outline.outline.talks[2].paper.title == "Mamba-2")
    _close_and_check_nothing_lost(window, url)
    assert [p.presenter for p in _stored(url).presentations] == ["동훈님", "Alice", "서연님"]


def test_a_talk_added_from_the_outline_reads_back_as_that_talk(
    qtbot, talks_window, url, monkeypatch
):
    # "민수" without 님 is a talk's presenter only once the database knows the person; the
    # window writes it so, as the service does, and refuses a heading that would read as
    # something else (no talk at all: "🙂") with a message, leaving the text as it was.
    window = talks_window
    answers = iter([("민수", "Tiny Teachers (CVPR 2024)"), ("🙂", "🙂")])

    def fill_and_accept(dialog):
        presenter, paper = next(answers)
        dialog.presenter_edit.setText(presenter)
        dialog.paper_edit.setText(paper)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(outline_panel.TalkDialog, "exec", fill_and_accept)
    qtbot.mouseClick(window.outline.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.outline.outline.talks) == 3)
    talk = window.outline.outline.talks[2]
    assert (talk.presenter, talk.paper.title) == ("민수", "Tiny Teachers")
    before = window.body_editor.toPlainText()
    with qtbot.waitSignal(window.outline.failed) as refused:
        qtbot.mouseClick(window.outline.add_button, Qt.MouseButton.LeftButton)
    assert "would not read back" in refused.args[0]
    assert window.body_editor.toPlainText() == before
    _close_and_check_nothing_lost(window, url)
    assert [p.presenter for p in _stored(url).presentations] == ["동훈님", "Alice", "민수"]


# -- the window's shape ---------------------------------------------------------------------


def test_the_document_gets_most_of_the_window(qtbot, window):
    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.size().width() == 1400 and window.size().height() == 860)
    editor = window.body_editor
    area = editor.width() * editor.height()
    assert area >= 0.6 * window.width() * window.height(), (editor.size(), window.size())
    shown_lines = editor.viewport().height() // editor.fontMetrics().lineSpacing()
    assert shown_lines >= 30
    assert window.header.height() < 3 * window.header.title_edit.sizeHint().height()


def test_f11_leaves_only_the_document(qtbot, window):
    editor = window.body_editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    hidden = (window.side_column, window.header, window.tabs.tabBar(), window.menuBar())
    qtbot.keyClick(editor, Qt.Key.Key_F11)
    assert window.focus_mode()
    assert not any(widget.isVisible() for widget in hidden)
    assert editor.isVisible() and editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F11)  # works with the menu bar hidden
    assert not window.focus_mode()
    assert all(widget.isVisible() for widget in hidden)


def test_done_and_overdue_lines_typed_in_the_editor_show_so_in_the_panel(qtbot, talks_window, url):
    window = talks_window
    editor = window.body_editor
    _focus_end(qtbot, editor)
    _type(qtbot, editor, "- [x] Alice: done already ✅ 2025-03-09\n")
    assert _lines(editor)[-1] == "- [ ] "  # Enter continued the list with an open box
    _type(qtbot, editor, "Carol: long overdue 📅 2020-01-01")
    window.flush()  # as a pause in typing would
    items = window.checklist.model.own_items()
    assert [(i.task.assignee, i.task.done) for i in items] == [
        ("Bob", False),
        ("Alice", True),
        ("Carol", False),
    ]
    model = window.checklist.model
    carol = model.row_of(items[2].id)
    assert model.index(carol).data(ChecklistRole.OVERDUE) is True
    assert "2 open" in window.checklist.findChild(QLabel, "checklistHeader").text()
    _close_and_check_nothing_lost(window, url)


def test_the_panel_refuses_a_to_do_edit_the_service_refuses(talks_window):
    # Text ending in what reads as a field would not read back as the same to-do: the
    # window refuses it as ChecklistService does, and the editor's text is left as it was.
    from dataclasses import replace

    from studyapp.core.errors import ValidationError

    service = talks_window.checklist._service
    before = talks_window.body_editor.toPlainText()
    [item] = service.items(session_id=talks_window.session_id)
    with pytest.raises(ValidationError):
        service.update(item.id, replace(item.task, text="send slides 📅 2025-03-10"))
    with pytest.raises(ValidationError):
        service.add(talks_window.session_id, "- [ ] ")
    assert talks_window.body_editor.toPlainText() == before
