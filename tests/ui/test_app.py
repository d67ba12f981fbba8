"""Start-up paths: a damaged database, a second launch, and SIGTERM while typing."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from studyapp import app
from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService
from studyapp.ui.single_instance import SingleInstance

SRC = str(Path(__file__).parents[2] / "src")


def test_damaged_database_is_one_message_and_exit_1(qtbot, tmp_path, monkeypatch):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert app.run_gui(f"sqlite:///{broken}") == 1
    assert shown and "damaged" in shown[0]


def test_second_launch_switches_to_the_running_window(qtbot, tmp_path):
    from studyapp.core.paths import resolve_database_url

    url = f"sqlite:///{tmp_path / 'one.sqlite3'}"
    running = SingleInstance(resolve_database_url(url))
    assert running.is_primary()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": SRC,
        "STUDYAPP_DATA_DIR": str(tmp_path / "data"),
    }
    try:
        with qtbot.waitSignal(running.activationRequested, timeout=20000):
            second = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    f"from studyapp import app; raise SystemExit(app.run_gui({url!r}))",
                ],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        # Keep Qt's loop running until the second process is gone, as a live app would.
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
        out, err = second.communicate()
        assert second.returncode == 0, err
        assert "already open" in out
    finally:
        running.close()


def _database_with_a_session(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'window.sqlite3'}"
    database = open_database(url)
    SessionService(database).create(
        group="G", title="회의", date=__import__("datetime").date(2025, 3, 10)
    )
    database.dispose()
    return url


def _run_window_script(tmp_path: Path, script: str) -> subprocess.CompletedProcess[str]:
    """``script`` in a new Python process with an offscreen window; fails on a non-zero exit."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": SRC,
        "STUDYAPP_DATA_DIR": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        env=env,
        timeout=60,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_sigterm_right_after_typing_saves_the_text(tmp_path):
    url = _database_with_a_session(tmp_path)
    _run_window_script(
        tmp_path,
        f"""
        import os, signal
        from PySide6.QtCore import QTimer
        from studyapp import app
        window = app.create_main_window({url!r})
        app._close_on_sigterm(window)
        window.show()
        editor = window.body_editor
        editor.setFocus()
        def type_then_die():
            editor.insertPlainText("마지막 한 줄")  # as typed: the save is still debounced
            os.kill(os.getpid(), signal.SIGTERM)
        QTimer.singleShot(200, type_then_die)
        app._application().exec()
    """,
    )
    database = open_database(url)
    try:
        sessions = SessionService(database)
        assert sessions.get(sessions.list_sessions()[0].id).body == "마지막 한 줄"
    finally:
        database.dispose()


def test_the_application_paints_without_qt_gui_thread_pool(qapp, monkeypatch):
    # Handing fills to Qt's thread pool made scroll bars ten times slower to paint.
    monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)
    assert app._application() is qapp
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1"


def test_the_window_starts_without_loading_export_or_yaml(tmp_path):
    # Both load on first use (an export, an import): at start they were a thirtieth of it.
    url = _database_with_a_session(tmp_path)
    done = _run_window_script(
        tmp_path,
        f"""
        import sys
        from studyapp import app
        window = app.create_main_window({url!r})
        window.show()
        app._application().processEvents()
        print(sorted(m for m in ("yaml", "studyapp.core.markdown.exporter") if m in sys.modules))
        window.close()
    """,
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
