"""SIGKILL right after typing: no handler runs, so only what was already saved survives.

The promise is "at most the last second is lost": every line typed more than ~1.2 s before
the kill must be in the database, however steadily the person kept typing.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService

SRC = str(Path(__file__).parents[2] / "src")
LINES = 15  # one every 200 ms: three seconds of steady typing
GRACE_S = 1.2


def _child_script(url: str, log: Path, marker: Path) -> str:
    return textwrap.dedent(f"""
        import time
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from studyapp import app

        window = app.create_main_window({url!r})
        window.show()
        editor = window.body_editor
        editor.setFocus()
        log = open({str(log)!r}, "a", encoding="utf-8")
        typed = [0]

        def type_line():
            index = typed[0]
            editor.insertPlainText(f"회의 메모 {{index:02d}} line\\n")
            # time.monotonic is one clock for every process on Linux and macOS.
            log.write(f"{{index}} {{time.monotonic()}}\\n")
            log.flush()
            typed[0] += 1
            if typed[0] == {LINES}:
                timer.stop()
                Path({str(marker)!r}).write_text("typed", encoding="utf-8")

        timer = QTimer(interval=200)
        timer.timeout.connect(type_line)
        QTimer.singleShot(300, timer.start)
        app._application().exec()
    """)


def test_sigkill_right_after_typing_loses_at_most_the_last_second(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kill.sqlite3'}"
    database = open_database(url)
    try:
        session_id = (
            SessionService(database).create(group="G", title="회의", date=dt.date(2025, 3, 10)).id
        )
    finally:
        database.dispose()
    log, marker = tmp_path / "typed.log", tmp_path / "typed.marker"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": SRC,
        "STUDYAPP_DATA_DIR": str(tmp_path / "data"),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", _child_script(url, log, marker)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        # A plain process, no Qt loop here: polling the marker file is the simplest wait.
        while not marker.exists():
            assert child.poll() is None, child.communicate()[1]
            assert time.monotonic() < deadline, "the child never finished typing"
            time.sleep(0.005)
        os.kill(child.pid, signal.SIGKILL)
        killed_at = time.monotonic()
    finally:
        child.kill()
        child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL

    typed_at = {
        int(index): float(moment)
        for index, moment in (row.split() for row in log.read_text().splitlines())
    }
    assert len(typed_at) == LINES
    database = open_database(url)  # also proves the killed file opens cleanly
    try:
        body = SessionService(database).get(session_id).body
    finally:
        database.dispose()
    must_have = [i for i, moment in typed_at.items() if moment < killed_at - GRACE_S]
    assert must_have, "the typing was too short to test anything"
    lost = [i for i in must_have if f"회의 메모 {i:02d} line" not in body]
    assert not lost, f"lines typed over {GRACE_S}s before SIGKILL were lost: {lost}"
