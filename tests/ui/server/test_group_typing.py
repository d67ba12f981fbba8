"""Two members typing into one session's note at the same time on a PostgreSQL server,
the server restarted once in the middle: afterwards every character from both is stored.
And two members changing the same line: the window keeps its text and shows both."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTextBrowser
from sqlalchemy.engine import make_url

from studyapp.core.db import open_database
from studyapp.core.services.history import HistoryService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.conflict_notice import CompareDialog

WRITER = Path(__file__).parents[2] / "live_writer.py"
SRC = str(Path(__file__).parents[3] / "src")
NOTE = "# 모임\n\n메모\n\n토론\n"
MARKS = 60


def _stored_body(url: str, session_id: int) -> str:
    database = open_database(url)
    try:
        return SessionService(database).get(session_id).body
    finally:
        database.dispose()


def _writer(url: str, session_id: int, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), url, str(session_id), *args],
        env={**os.environ, "PYTHONPATH": SRC},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _restart_command(url: str) -> list[str]:
    """pg_ctl restart of the server behind ``url``: scripts/postgres.sh keeps the socket
    in its folder and the data in ``data`` under it, and runs it as ``postgres`` when root."""
    folder = Path(str(make_url(url).query["host"]))
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    pg_ctl = os.environ.get("PG_BIN", "")
    command = [str(Path(pg_ctl) / "pg_ctl") if pg_ctl else str(bins[-1] if bins else "pg_ctl")]
    command += ["-D", str(folder / "data"), "-l", str(folder / "server.log")]
    command += ["-m", "fast", "-w", "-t", "60", "restart"]
    if os.getuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return command


def _go_to_end_of_line(editor, line_text: str) -> None:
    editor.setFocus()
    block = editor.document().begin()
    while block.isValid() and block.text() != line_text:
        block = block.next()
    assert block.isValid(), line_text
    cursor = editor.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    editor.setTextCursor(cursor)


def test_two_members_typing_through_a_server_restart_lose_nothing(
    qtbot, window, pg_url, session_id
):
    editor = window.body_editor
    _go_to_end_of_line(editor, "메모")
    writer = _writer(pg_url, session_id, "type", "W", str(MARKS))
    typed = ""
    restart: subprocess.Popen[bytes] | None = None
    try:
        for n in range(40):
            chunk = f" k{n}"
            qtbot.keyClicks(editor, chunk)
            typed += chunk
            qtbot.wait(120)  # a person's pace: the pause's saves run between the words
            if n == 15:  # mid-meeting, both still typing: the server goes down and back
                # No pipes: the restarted server would hold them open.
                restart = subprocess.Popen(
                    _restart_command(pg_url),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
        assert restart is not None
        assert restart.wait(timeout=90) == 0
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    finally:
        for process in (writer, restart):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()

    # The window saves what waited once the server answers again (retried, or replayed
    # from the spool when the listener reconnects).
    qtbot.waitUntil(lambda: window.live.reachable, timeout=15_000)
    qtbot.waitUntil(window.flush, timeout=15_000)
    body = _stored_body(pg_url, session_id)
    lost = [f"W-{n}" for n in range(MARKS) if f"\nW-{n}\n" not in body]
    assert lost == [], body
    assert f"메모{typed}\n" in body, body
    # The writer's last lines show in the window too, within a second of its last save.
    qtbot.waitUntil(lambda: editor.toPlainText() == body, timeout=1000)


def test_two_members_changing_the_same_line_see_both(qtbot, window, pg_url, session_id):
    editor = window.body_editor
    _go_to_end_of_line(editor, "메모")
    window.save_queue._debounce.setInterval(60_000)  # my typing stays unsaved meanwhile
    window.save_queue._longest.setInterval(60_000)
    qtbot.keyClicks(editor, " - my question")
    assert window.save_queue.has_pending()
    theirs = NOTE.replace("메모\n", "메모 — 민수가 고친 줄\n")
    writer = _writer(pg_url, session_id, "save", theirs)
    _out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err.decode()

    qtbot.keyClicks(editor, "!")
    assert window.flush()

    body = _stored_body(pg_url, session_id)
    assert "메모 - my question!" in body
    database = open_database(pg_url)
    try:
        history = HistoryService(database)
        kept = [
            history.content(info.id)
            for info in history.revisions(session_id)
            if info.reason == "conflict"
        ]
    finally:
        database.dispose()
    assert len(kept) == 1 and "메모 — 민수가 고친 줄" in kept[0]
    notice = window.conflict_notice
    qtbot.waitUntil(notice.isVisible)
    assert editor.hasFocus()  # the notice does not take the keyboard

    qtbot.mouseClick(
        notice.findChild(QPushButton, "conflictCompareButton"), Qt.MouseButton.LeftButton
    )
    dialog = notice.dialog
    assert isinstance(dialog, CompareDialog)
    qtbot.waitExposed(dialog)
    their_view = dialog.findChild(QTextBrowser, "compareTheirs")
    my_view = dialog.findChild(QTextBrowser, "compareMine")
    assert "메모 — 민수가 고친 줄" in their_view.toPlainText()
    assert "메모 - my question!" not in their_view.toPlainText()
    assert "메모 - my question!" in my_view.toPlainText()
    dialog.close()
    qtbot.waitUntil(lambda: notice.dialog is None)
