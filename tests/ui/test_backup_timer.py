"""BackupScheduler: a backup at start when due, then on a timer, off the GUI thread."""

import datetime as dt

import pytest

from studyapp.core import paths
from studyapp.core.backup import list_backups
from studyapp.core.backup_catalog import automatic_backup_path
from studyapp.core.db import Database
from studyapp.core.services.maintenance import MaintenanceService
from studyapp.ui.backup_timer import BackupScheduler


@pytest.fixture
def scheduler(database, qtbot):
    made = BackupScheduler(database)
    yield made
    made.stop()


def test_start_backs_up_when_there_is_no_backup_yet(scheduler, qtbot):
    assert list_backups() == []
    with qtbot.waitSignal(scheduler.backed_up, timeout=10_000) as signal:
        scheduler.start()
    [backup] = list_backups()
    assert str(backup.path) == signal.args[0]
    assert backup.path.name.startswith("studyapp-test-")  # named after its database
    assert scheduler.is_active()


def test_no_backup_at_start_when_a_recent_one_exists(database, scheduler, qtbot):
    MaintenanceService(database).backup()
    with qtbot.waitSignal(scheduler.skipped, timeout=10_000):
        scheduler.start()
    assert len(list_backups()) == 1


def test_the_timer_backs_up_again_and_thins(database, qtbot):
    # An old automatic backup from months ago goes once a newer one exists.
    old = automatic_backup_path(database.path, dt.datetime(2020, 1, 1, 12))
    MaintenanceService(database).backup(old)
    assert [b.path for b in list_backups()] == [old]
    scheduler = BackupScheduler(database, interval_ms=50, min_age=dt.timedelta(0))
    try:
        with qtbot.waitSignal(scheduler.backed_up, timeout=10_000):
            scheduler.start()
        with qtbot.waitSignal(scheduler.backed_up, timeout=10_000):
            pass  # the second one comes from the timer
    finally:
        scheduler.stop()
    names = [b.path.name for b in list_backups()]
    assert old.name not in names
    assert len(names) >= 2
    assert not scheduler.is_active() and not scheduler.is_running()


def test_a_failure_is_reported_as_one_line(database, qtbot):
    paths.data_dir().mkdir(parents=True, exist_ok=True)
    paths.backups_dir().write_text("a file where the backups folder should be")
    scheduler = BackupScheduler(database)
    try:
        with qtbot.waitSignal(scheduler.failed, timeout=10_000) as signal:
            scheduler.start()
    finally:
        scheduler.stop()
    message = signal.args[0]
    assert message and "\n" not in message and "Traceback" not in message


def test_a_database_without_a_file_is_left_alone(qtbot):
    # PostgreSQL and in-memory databases alike have no file: auto_backup is never called.
    database = Database.connect("sqlite://")  # in-memory: no file to back up either
    scheduler = BackupScheduler(database)
    with qtbot.assertNotEmitted(scheduler.backed_up), qtbot.assertNotEmitted(scheduler.failed):
        scheduler.start()
        scheduler.run_now()
    assert not scheduler.is_enabled() and not scheduler.is_active()
    assert list_backups() == []
    database.dispose()
