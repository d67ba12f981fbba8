"""The window on a damaged database: read-only, a banner saying so, the newest good backup
offered and restored, as a person would do it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from studyapp import app
from studyapp.core import paths
from studyapp.core.backup_catalog import backups_of
from studyapp.core.db import open_database
from studyapp.core.services.maintenance import MaintenanceService

from .conftest import SESSIONS, damage_middle, damage_small, session_titles


@pytest.fixture(autouse=True)
def _own_settings(monkeypatch):
    # Keep the window from writing its layout settings into the user's folders.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(paths.data_dir() / "config"))


def backed_up(path: Path) -> Path:
    database = open_database(f"sqlite:///{path}")
    try:
        return MaintenanceService(database).backup()
    finally:
        database.dispose()


@pytest.mark.parametrize("damage", [damage_small, damage_middle])
def test_a_damaged_file_opens_read_only_and_its_backup_is_restored(
    qtbot, built, monkeypatch, damage
):
    path = built()
    good = backed_up(path)
    damage(path)
    window = app.create_main_window(f"sqlite:///{path}")
    qtbot.addWidget(window)
    window.show()

    assert not window.banner.isHidden() and "damaged" in window.banner.text()
    assert window.body_editor.isReadOnly()
    assert not window.backups.is_active()  # a damaged file is never backed up
    button = window.findChild(QPushButton, "restoreBackupButton")
    assert button is not None and button.isVisible()
    assert backups_of(path)[0].path == good
    when = backups_of(path)[0].created.strftime("%Y-%m-%d %H:%M")
    assert when in button.text()

    asked: list[str] = []

    def answer(*args, **_):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1 and f"Restore the backup from {when}?" in asked[0]
    offer = window.findChild(QObject, "restoreOffer")
    replacement = offer.replacement
    assert replacement is not None
    qtbot.addWidget(replacement)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert replacement.isVisible() and replacement.banner.isHidden()
    assert not replacement.body_editor.isReadOnly()
    assert replacement.sidebar.model.rowCount() == SESSIONS
    assert len(session_titles(path)) == SESSIONS
    kept = sorted(p.name for p in path.parent.glob(f"{path.name}.damaged-*"))
    assert kept and not kept[0].endswith("-wal")  # the damaged file, with its -wal if any
    replacement.close()


def test_declining_keeps_the_damaged_file_read_only(qtbot, built, monkeypatch):
    path = built()
    backed_up(path)
    damage_small(path)
    before = path.read_bytes()
    window = app.create_main_window(f"sqlite:///{path}")
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(
        window.findChild(QPushButton, "restoreBackupButton"), Qt.MouseButton.LeftButton
    )
    assert window.isVisible() and window.body_editor.isReadOnly()
    window.close()
    assert path.read_bytes() == before


def test_an_emptied_file_offers_its_backup_instead_of_opening_as_new(qtbot, built, monkeypatch):
    path = built()
    good = backed_up(path)
    path.write_bytes(b"")
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
    assert app.run_gui(f"sqlite:///{path}") == 0
    assert len(shown) == 1 and "is empty, but its backup" in shown[0]
    assert len(session_titles(path)) == SESSIONS
    # The empty file was never copied as a backup: the good one is still the newest.
    assert backups_of(path)[0].path == good
    assert backups_of(path)[0].created <= dt.datetime.now()
