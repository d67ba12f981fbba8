"""Failures end in one readable line and a meaningful exit code; the entry point works."""

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import studyapp
from studyapp.cli.progress import ProgressLine
from studyapp.cli.shaping import display_width, table
from studyapp.core import db as core_db
from studyapp.core.services.sessions import SessionService

from .conftest import SAMPLES


def _subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for a child Python that finds this checkout's package."""
    source = str(Path(studyapp.__file__).resolve().parents[1])
    env = {**os.environ, **extra}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source, env.get("PYTHONPATH")) if p)
    return env


def test_console_entry_point_prints_the_version():
    done = subprocess.run(
        [sys.executable, "-m", "studyapp", "--version"],
        capture_output=True,
        text=True,
        env=_subprocess_env(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "studyapp 0.1.0\n"


def test_commands_never_import_qt(tmp_path):
    code = (
        "import sys; from studyapp.cli import main; "
        f"code = main(['demo', '--database', {str(tmp_path / 'q.sqlite3')!r}]); "
        "code = code or main(['list', '--json']); "
        "print('QT LOADED' if any(m.startswith('PySide6') for m in sys.modules) else 'no qt')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_subprocess_env(STUDYAPP_DATA_DIR=str(tmp_path)),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("no qt")


def test_hangul_through_an_ascii_pipe(tmp_path):
    """A pipe with an ASCII locale still gets UTF-8, never a UnicodeEncodeError."""
    database = str(tmp_path / "u.sqlite3")
    env = _subprocess_env(PYTHONIOENCODING="ascii", STUDYAPP_DATA_DIR=str(tmp_path), LC_ALL="C")
    for argv in (["demo"], ["list"]):
        done = subprocess.run(
            [sys.executable, "-m", "studyapp", *argv, "--database", database],
            capture_output=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "KD 스터디" in done.stdout.decode("utf-8")


def test_unexpected_error_is_one_line_with_a_hint(cli, monkeypatch, demo):
    def boom(self, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(SessionService, "list_sessions", boom)
    result = cli("list")
    assert result.code == 1
    assert len(result.err_lines) == 1
    assert result.err_lines[0].startswith("studyapp: ")
    assert "boom second line" in result.err and "STUDYAPP_DEBUG=1" in result.err
    assert "Traceback" not in result.err


def test_debug_shows_the_traceback(cli, monkeypatch, demo):
    monkeypatch.setenv("STUDYAPP_DEBUG", "1")
    monkeypatch.setattr(
        SessionService,
        "list_sessions",
        lambda self, **kwargs: (_ for _ in ()).throw(RuntimeError("boom")),
    )
    result = cli("list")
    assert result.code == 1
    assert "Traceback" in result.err and "RuntimeError: boom" in result.err


def test_keyboard_interrupt(cli, monkeypatch, demo):
    def interrupted(self, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(SessionService, "list_sessions", interrupted)
    result = cli("list")
    assert result.code == 130
    assert result.err_lines == ["studyapp: interrupted"]


def test_damaged_database_file(cli, db_path):
    db_path.write_bytes(b"this is not a database, only some text " * 200)
    result = cli("list")
    assert result.code == 1
    assert len(result.err_lines) == 1 and result.err.startswith("studyapp: ")
    assert "Traceback" not in result.err


def test_a_folder_given_as_the_database_is_named_a_folder(cli, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    for args in (["list"], ["import", str(SAMPLES / "24-12-03.md")], ["check"]):
        result = cli(*args, database=folder)
        assert result.code == 1, args
        assert result.err_lines == [
            f"studyapp: {folder} is a folder, not a database file; name a file, such as "
            f"{folder / 'studyapp.sqlite3'}"
        ]
    assert list(folder.iterdir()) == []  # nothing was written into it


@pytest.fixture
def locked_database(cli, db_path, monkeypatch):
    """The database with another connection holding its write lock."""
    assert cli("list").code == 0  # creates and migrates the file
    monkeypatch.setenv("STUDYAPP_BUSY_TIMEOUT_MS", "100")
    monkeypatch.setattr(core_db, "BUSY_TIMEOUT_MS", 100, raising=False)
    holder = sqlite3.connect(db_path, isolation_level=None, timeout=0.1)
    holder.execute("BEGIN EXCLUSIVE")
    yield db_path
    holder.rollback()
    holder.close()


def test_import_into_a_locked_database(cli, locked_database):
    result = cli("import", SAMPLES / "24-12-03.md")
    assert result.code == 1
    assert len(result.err_lines) == 1, result.err
    assert result.err_lines[0].startswith("studyapp: ")
    assert "locked" in result.err
    assert "Traceback" not in result.err


def test_demo_into_a_locked_database(cli, locked_database):
    result = cli("demo")
    assert result.code == 1
    assert len(result.err_lines) == 1, result.err
    assert "locked" in result.err


# -- terminal helpers ------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal():
    terminal = _Terminal()
    with ProgressLine(terminal, "Importing") as progress:
        progress.for_import(0, 1000, Path("a.md"))
        progress.update(1000, 1000)
    assert "Importing 1000/1000 …" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\x1b[K")
    piped = io.StringIO()
    with ProgressLine(piped, "Importing") as progress:
        progress.update(5, 10)
    assert piped.getvalue() == ""


def test_import_shows_no_progress_when_piped(cli):
    result = cli("import", SAMPLES)
    assert result.code == 0, result.err
    assert "Importing" not in result.err


def test_display_width_and_table():
    assert display_width("KD 스터디") == 9
    assert display_width("Alice") == 5
    lines = table(("A", "B"), [("스터디", "x"), ("ab", "y")])
    assert [display_width(line[: line.rindex(" ") + 1]) for line in lines] == [8, 8, 8]


def test_json_keeps_hangul_readable(cli, demo):
    out = cli("list", "--json").out
    assert "KD 스터디" in out and "\\u" not in out
    assert json.loads(out)[0]["title"]
