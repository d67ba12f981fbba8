"""Two members on one PostgreSQL server: another member's save shows in this window within a
second, typing not yet saved is merged with it, and who is in which session shows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from studyapp.core.services.sessions import SessionService
from studyapp.ui.models.session_list_model import SessionRole

WRITER = Path(__file__).parents[2] / "live_writer.py"
NOTE = "# 모임\n\n메모\n\n- [ ] 슬라이드\n\n토론\n"


def other_member(url: str, session_id: int, *args: str) -> None:
    subprocess.run(
        [sys.executable, str(WRITER), url, str(session_id), *args],
        check=True,
        timeout=60,
        capture_output=True,
    )


def test_a_save_in_another_process_shows_within_a_second(qtbot, window, pg_url, session_id):
    editor = window.body_editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(NOTE.index("메모") + 1)
    editor.setTextCursor(cursor)
    theirs = NOTE.replace("토론\n", "토론: 데이터셋 크기\n").replace("- [ ]", "- [x]")

    other_member(pg_url, session_id, "save", theirs)

    qtbot.waitUntil(lambda: editor.toPlainText() == theirs, timeout=1000)
    assert editor.textCursor().position() == NOTE.index("메모") + 1  # the cursor stayed
    qtbot.keyClicks(editor, "!")  # typing on saves against the text shown, not a conflict
    window.flush()
    stored = SessionService(window.database).get(session_id).body
    assert stored == theirs.replace("메모", "메!모")
    assert window.conflict_notice.isHidden()


def test_unsaved_typing_is_merged_with_the_other_members_save(qtbot, window, pg_url, session_id):
    editor = window.body_editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    window.save_queue._debounce.setInterval(60_000)  # the typing stays unsaved meanwhile
    window.save_queue._longest.setInterval(60_000)
    qtbot.keyClicks(editor, "my line")
    theirs = NOTE.replace("메모\n", "메모: 그들의 줄\n")

    other_member(pg_url, session_id, "save", theirs)

    both = NOTE.replace("메모\n", "메모: 그들의 줄\n") + "my line"
    qtbot.waitUntil(lambda: editor.toPlainText() == both, timeout=1000)
    assert SessionService(window.database).get(session_id).body == both


def test_the_sidebar_shows_who_is_in_which_session(qtbot, window, pg_url, session_id):
    other_member(pg_url, session_id, "presence")
    model = window.sidebar.model
    row = model.index(model.row_of(session_id))
    qtbot.waitUntil(lambda: row.data(SessionRole.PRESENT) == ["민수"], timeout=1000)
    assert row.data(Qt.ItemDataRole.DisplayRole).endswith("● 민수")
