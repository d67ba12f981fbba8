"""Database faults at start and while typing: damaged, full disk, locked, read-only.

Each test shows that nothing typed is lost and that the person is told what happened.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from studyapp import app
from studyapp.core import db as core_db
from studyapp.core import paths
from studyapp.core.backup import backup_sqlite
from studyapp.core.backup_catalog import automatic_backup_path
from studyapp.core.db import open_database
from studyapp.core.errors import DatabaseError
from studyapp.core.services.sessions import SessionService
from studyapp.ui import recovery


def _make_database(url: str, title: str = "주간 회의") -> int:
    database = open_database(url)
    try:
        return SessionService(database).create(group="G", title=title, date=dt.date(2025, 3, 10)).id
    finally:
        database.dispose()


def _body(url: str, session_id: int) -> str:
    database = open_database(url)
    try:
        return SessionService(database).get(session_id).body
    finally:
        database.dispose()


def _damage(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(b"\x00garbage, not SQLite any more\x00" * 200)


def _window(qtbot, url: str):
    window = app.create_main_window(url)
    qtbot.addWidget(window)
    window.show()
    return window


def _type(qtbot, window, text: str) -> None:
    editor = window.body_editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.insertPlainText(text)


# -- a damaged file at start ------------------------------------------------------------------


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "notes.sqlite3"
    url = f"sqlite:///{path}"
    _make_database(url)
    return url, path


def test_damaged_database_without_backup_is_one_message_and_exit_1(qtbot, damaged, monkeypatch):
    url, path = damaged
    _damage(path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args, **_: shown.append(args[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **_: shown.append(args[2]))
    assert app.run_gui(url) == 1
    assert len(shown) == 1 and "damaged" in shown[0]
    assert path.read_bytes().startswith(b"\x00garbage")  # nothing overwritten


def test_offer_backup_restores_the_newest_and_keeps_the_damaged_file(qtbot, damaged, monkeypatch):
    url, path = damaged
    backup_sqlite(path, automatic_backup_path(path, dt.datetime(2025, 1, 1, 9, 0)))
    _make_database(url, "백업 뒤에 만든 세션")
    backup_sqlite(path, automatic_backup_path(path, dt.datetime(2025, 3, 10, 9, 30)))
    _damage(path)
    asked: list[str] = []

    def answer(*args, **_):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert recovery.offer_backup(None, DatabaseError("damaged"), url) == url
    assert len(asked) == 1 and "Restore the backup from 2025-03-10 09:30?" in asked[0]
    kept = [p for p in path.parent.iterdir() if p.name.startswith("notes.sqlite3.damaged-")]
    assert [p.read_bytes()[:8] for p in kept] == [b"\x00garbage"]
    database = open_database(url)
    try:
        titles = {s.title for s in SessionService(database).list_sessions()}
    finally:
        database.dispose()
    assert titles == {"주간 회의", "백업 뒤에 만든 세션"}  # the newest backup, not the older


def test_offer_backup_asks_nothing_when_the_file_is_sound_or_there_is_no_backup(
    qtbot, damaged, monkeypatch
):
    url, path = damaged
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    assert recovery.offer_backup(None, DatabaseError("x"), url) is None  # no backup yet
    backup_sqlite(path, automatic_backup_path(path, dt.datetime(2025, 3, 10, 9, 0)))
    assert recovery.offer_backup(None, DatabaseError("locked"), url) is None  # file is sound


def test_declining_the_backup_changes_nothing(qtbot, damaged, monkeypatch):
    url, path = damaged
    backup_sqlite(path, automatic_backup_path(path, dt.datetime(2025, 3, 10, 9, 0)))
    _damage(path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert recovery.offer_backup(None, DatabaseError("damaged"), url) is None
    assert path.read_bytes().startswith(b"\x00garbage")


def test_run_gui_offers_the_newest_backup_for_a_damaged_file(qtbot, damaged, monkeypatch):
    url, path = damaged
    backup_sqlite(path, automatic_backup_path(path, dt.datetime(2025, 3, 10, 9, 0)))
    _damage(path)
    shown: list[str] = []

    def answer(*args, **_):
        shown.append(args[2])
        return QMessageBox.StandardButton.Yes

    def run_once(_app) -> int:
        # Stands in for the event loop: the window opened; close it as the person would.
        for widget in QApplication.topLevelWidgets():
            widget.close()
        return 0

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "critical", lambda *args, **_: shown.append(args[2]))
    monkeypatch.setattr(QApplication, "exec", run_once)
    assert app.run_gui(url) == 0
    assert len(shown) == 1 and "Restore the backup from" in shown[0]
    assert _body(url, 1) == ""


# -- full disk and a lock while typing --------------------------------------------------------


def test_full_disk_shows_a_banner_and_saves_everything_once_space_returns(
    qtbot, tmp_path, monkeypatch
):
    url = f"sqlite:///{tmp_path / 'full.sqlite3'}"
    first = _make_database(url, "첫 세션")
    second = _make_database(url, "둘째 세션")
    disk_full = True
    real_save_body = SessionService.save_body

    def save_body(self, session_id, body, **kwargs):
        if disk_full:
            raise DatabaseError("The disk is full; free some space and try again.")
        return real_save_body(self, session_id, body, **kwargs)

    monkeypatch.setattr(SessionService, "save_body", save_body)
    window = _window(qtbot, url)
    window.select_session(first)
    _type(qtbot, window, "디스크가 가득 찼을 때 쓴 줄\n")
    qtbot.waitUntil(lambda: not window.banner.isHidden(), timeout=5000)
    assert "disk is full" in window.banner.text()
    window.select_session(second)  # moving on while the save keeps failing
    _type(qtbot, window, "둘째 세션 메모")
    window.flush()
    assert window.save_queue.has_pending()
    disk_full = False
    qtbot.waitUntil(lambda: not window.save_queue.has_pending(), timeout=10000)
    assert window.banner.isHidden()
    assert _body(url, first) == "디스크가 가득 찼을 때 쓴 줄\n"
    assert _body(url, second) == "둘째 세션 메모"
    window.close()


def test_locked_database_is_retried_with_a_message_and_saved_after_release(
    qtbot, tmp_path, monkeypatch
):
    monkeypatch.setattr(core_db, "BUSY_TIMEOUT_MS", 200)  # fail fast instead of a 5 s freeze
    path = tmp_path / "locked.sqlite3"
    url = f"sqlite:///{path}"
    session_id = _make_database(url)
    window = _window(qtbot, url)
    window.select_session(session_id)
    holder = sqlite3.connect(path, isolation_level=None, timeout=0.2)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        _type(qtbot, window, "잠긴 동안 쓴 메모")
        qtbot.waitUntil(lambda: not window.banner.isHidden(), timeout=10000)
        assert "locked" in window.banner.text()
        assert window.body_editor.toPlainText() == "잠긴 동안 쓴 메모"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    qtbot.waitUntil(lambda: not window.save_queue.has_pending(), timeout=10000)
    assert window.banner.isHidden()
    assert _body(url, session_id) == "잠긴 동안 쓴 메모"
    window.close()


# -- read-only ----------------------------------------------------------------------------------


@pytest.fixture
def read_only_url(tmp_path: Path, monkeypatch) -> str:
    path = tmp_path / "ro.sqlite3"
    _make_database(f"sqlite:///{path}")
    if os.geteuid() != 0:
        path.chmod(0o444)
        return f"sqlite:///{path}"
    # db.make_engine takes "file:/..." for a relative folder and creates it: keep it in tmp.
    monkeypatch.chdir(tmp_path)
    # chmod does not stop root; SQLite's read-only open mode is the same fault to the app.
    return f"sqlite:///file:{path}?mode=ro&uri=true"


def test_read_only_reason_tells_a_read_only_database(read_only_url, database) -> None:
    read_only = open_database(read_only_url)
    try:
        assert "read-only" in (recovery.read_only_reason(read_only) or "")
    finally:
        read_only.dispose()
    assert recovery.read_only_reason(database) is None


def test_read_only_database_opens_with_a_banner(qtbot, read_only_url, monkeypatch):
    # Keep the window from writing its layout settings into the user's folders.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(paths.data_dir() / "config"))
    window = _window(qtbot, read_only_url)
    assert window.sidebar.current_session_id() is not None  # the bodies are readable
    assert not window.banner.isHidden()
    assert "read-only" in window.banner.text()
    assert window.body_editor.isReadOnly()  # nothing can be typed that could not be saved
    assert not window.header.isEnabled()
    window.close()
