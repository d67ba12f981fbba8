"""Thinning backups: all of the last day, one a day for a week, one a week for two months."""

import datetime as dt
import sqlite3
from contextlib import closing

from studyapp.core.backup import backup_time, list_backups
from studyapp.core.backup_policy import backups_to_delete, thin_backups

NOW = dt.datetime(2025, 3, 12, 12, 0, 0)  # a Wednesday


def ago(**delta: float) -> dt.datetime:
    return NOW - dt.timedelta(**delta)


def test_everything_of_the_last_day_is_kept():
    backups = [(f"b{n}", ago(minutes=30 * n)) for n in range(48)]  # every 30 min for 24 h
    assert backups_to_delete(backups, NOW) == []


def test_one_a_day_for_a_week_the_newest_of_each_day():
    # Three a day, 2 to 6 days ago: only the evening one of each day stays.
    backups = [
        (f"{day}-{hour}", dt.datetime.combine(NOW.date() - dt.timedelta(days=day), dt.time(hour)))
        for day in range(2, 7)
        for hour in (9, 14, 20)
    ]
    doomed = backups_to_delete(backups, NOW)
    assert sorted(doomed) == sorted(f"{day}-{hour}" for day in range(2, 7) for hour in (9, 14))


def test_one_a_week_for_two_months_then_nothing():
    daily = [(f"d{n}", ago(days=n, hours=1)) for n in range(8, 75)]
    doomed = set(backups_to_delete(daily, NOW))
    kept = [(name, when) for name, when in daily if name not in doomed]
    weeks = [when.isocalendar()[:2] for _, when in kept]
    assert len(weeks) == len(set(weeks)), "two backups kept in one week"
    assert all(NOW - when <= dt.timedelta(days=60) for _, when in kept[1:])
    # Every week of the two months is still represented.
    assert len(kept) >= 7
    assert all(name in doomed for name, when in daily if NOW - when > dt.timedelta(days=60))


def test_the_newest_is_never_deleted_even_when_very_old():
    backups = [("old", ago(days=400)), ("older", ago(days=500))]
    assert backups_to_delete(backups, NOW) == ["older"]
    assert backups_to_delete([("only", ago(days=900))], NOW) == []
    assert backups_to_delete([], NOW) == []


def test_a_backup_from_the_future_counts_as_new():
    backups = [("future", NOW + dt.timedelta(hours=5)), ("now", NOW)]
    assert backups_to_delete(backups, NOW) == []


def test_thinning_is_stable_when_run_again():
    backups = [(f"b{n}", ago(hours=7 * n)) for n in range(300)]
    first = set(backups_to_delete(backups, NOW))
    survivors = [pair for pair in backups if pair[0] not in first]
    assert backups_to_delete(survivors, NOW) == []


def make_file(folder, name: str) -> None:
    with closing(sqlite3.connect(folder / name)) as connection:
        connection.execute("CREATE TABLE t (x)")


def test_thin_backups_deletes_files_and_keeps_other_kinds(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    names = [
        "studyapp-20250312-110000.sqlite3",  # an hour ago
        "studyapp-20250312-090000.sqlite3",  # today
        "studyapp-20250309-080000.sqlite3",  # 3 days ago, morning
        "studyapp-20250309-200000.sqlite3",  # 3 days ago, evening: kept for that day
        "studyapp-20241001-120000.sqlite3",  # over two months ago
        "pre-migration-0002-20240101-120000.sqlite3",  # never thinned
        "pre-restore-20240101-120000.sqlite3",
    ]
    for name in names:
        make_file(folder, name)
    (folder / "notes.txt").write_text("not a backup")

    deleted = thin_backups(folder, now=NOW)

    assert sorted(path.name for path in deleted) == [
        "studyapp-20241001-120000.sqlite3",
        "studyapp-20250309-080000.sqlite3",
    ]
    left = [info.path.name for info in list_backups(folder)]
    assert left == [
        "studyapp-20250312-110000.sqlite3",
        "studyapp-20250312-090000.sqlite3",
        "studyapp-20250309-200000.sqlite3",
        "pre-restore-20240101-120000.sqlite3",
        "pre-migration-0002-20240101-120000.sqlite3",
    ]
    assert (folder / "notes.txt").exists()


def test_backup_time_reads_the_name_or_falls_back_to_the_file_time(tmp_path):
    named = tmp_path / "studyapp-20250310-190312-2.sqlite3"
    named.write_bytes(b"")
    assert backup_time(named) == dt.datetime(2025, 3, 10, 19, 3, 12)
    unnamed = tmp_path / "my copy.sqlite3"
    unnamed.write_bytes(b"")
    assert abs(backup_time(unnamed) - dt.datetime.now()) < dt.timedelta(minutes=1)


def test_listing_a_missing_folder_is_empty(tmp_path):
    assert list_backups(tmp_path / "nowhere") == []
