"""Databases damaged the way the issue reproduced it: real files, real bytes overwritten."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from studyapp.core.db import open_database
from studyapp.core.services.damage import check_file
from studyapp.core.services.sessions import SessionService

SESSIONS = 120
MARK = "ZQMARK"  # upper case: the search index keeps a lower-cased copy, the body this one


def build_database(path: Path, sessions: int = SESSIONS) -> None:
    """A database of ``sessions`` meetings, each with a body long enough to fill pages."""
    database = open_database(f"sqlite:///{path}")
    try:
        service = SessionService(database)
        for number in range(sessions):
            made = service.create(
                group="KD 스터디",
                title=f"주간 회의 {number}",
                date=dt.date(2024, 1, 1) + dt.timedelta(days=number),
            )
            line = f"{MARK}{number:04d} 발표 메모 notes for the meeting\n"
            service.save_body(made.id, line * 12)
    finally:
        database.dispose()
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file


def session_titles(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return sorted(str(row[0]) for row in connection.execute("SELECT title FROM sessions"))


def quick_check(path: Path) -> str:
    """What SQLite's quick check says of the file ("ok" when it finds nothing)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
            return str(connection.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as error:
        return str(error)


def overwrite(path: Path, offset: int, count: int, seed: int = 18) -> None:
    """``count`` random bytes at ``offset``; the first is 0xFF, never part of UTF-8."""
    noise = b"\xff" + random.Random(seed).randbytes(count - 1)
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(noise)


def damage_middle(path: Path) -> None:
    """8 KB of random bytes in the middle of the file."""
    overwrite(path, path.stat().st_size // 2, 8192)


def damage_small(path: Path) -> None:
    """64 random bytes a third into the file, inside a session's body: SQLite's quick check
    passes, the app cannot decode the row. The first such spot past a third is taken."""
    data = path.read_bytes()
    original = data
    offset = data.find(MARK.encode(), len(data) // 3)
    while offset != -1:
        overwrite(path, offset, 64)
        report = check_file(path)
        if quick_check(path) == "ok" and "table sessions" in report.summary():
            return
        path.write_bytes(original)
        offset = data.find(MARK.encode(), offset + 1)
    raise AssertionError("no spot inside a session's body past a third of the file")


@pytest.fixture
def built(tmp_path: Path) -> Callable[[str], Path]:
    """Builds a database file of that name in tmp_path."""

    def make(name: str = "lab.sqlite3") -> Path:
        path = tmp_path / name
        build_database(path)
        return path

    return make


def damage_header(path: Path) -> None:
    """The first 100 bytes (SQLite's file header) zeroed."""
    with path.open("r+b") as handle:
        handle.write(b"\0" * 100)


def damage_truncated(path: Path) -> None:
    """The file cut off at half its length, as a copy interrupted part way leaves it."""
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
