"""`studyapp search` as a person runs it: a process of its own, the exact total, `--all`,
`--count`, and a start that loads only what the command uses."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService

SOURCE = str(Path(__file__).parents[2] / "src")
HEAVY = ("sqlalchemy", "alembic", "PySide6", "markdown", "yaml")


def _env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "STUDYAPP_DATA_DIR": str(tmp_path)}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (SOURCE, env.get("PYTHONPATH")) if p)
    return env


@pytest.fixture
def notes(tmp_path) -> Path:
    """25 sessions that say 교사 (two of them on one day) and 3 that do not."""
    path = tmp_path / "s.sqlite3"
    database = open_database(f"sqlite:///{path}")
    try:
        service = SessionService(database)
        for n in range(28):
            body = f"교사가 설명했다 {n}" if n < 25 else "학생만 왔다"
            date = dt.date(2025, 1, 1) + dt.timedelta(days=min(n, 20))
            service.create(group="KD 스터디", title=f"모임 {n:02d}", date=date, body=body)
    finally:
        database.dispose()
    return path


def studyapp(tmp_path: Path, database: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "studyapp", "--database", str(database), *args],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_top_results_say_the_exact_total(tmp_path, notes):
    out = studyapp(tmp_path, notes, "search", "교사").splitlines()
    assert out[-1] == "20 of 25 sessions; --all lists every one"
    assert sum(line.startswith("#") for line in out) == 20
    assert studyapp(tmp_path, notes, "search", "학생").splitlines()[-1] == "3 sessions"


def test_all_lists_every_match_newest_first_and_count_says_how_many(tmp_path, notes):
    lines = studyapp(tmp_path, notes, "search", "교사", "--all").splitlines()
    assert len(lines) == 25
    titles = [line.split("  ", 2)[2] for line in lines]
    assert titles[:3] == ["모임 24", "모임 23", "모임 22"]  # one day: the later id first
    assert sorted(titles) == [f"모임 {n:02d}" for n in range(25)]
    assert studyapp(tmp_path, notes, "search", "교사", "--count") == "25\n"
    assert studyapp(tmp_path, notes, "search", "낙타", "--count") == "0\n"
    rows = studyapp(tmp_path, notes, "search", "학생", "--all", "--json").splitlines()
    assert [json.loads(row)["title"] for row in rows] == ["모임 27", "모임 26", "모임 25"]


def _modules_after(tmp_path: Path, argv: list[str]) -> list[str]:
    code = (
        "import io, sys, contextlib; from studyapp.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main({argv!r})\n"
        "assert code == 0, code\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().replace("'", '"'))


def test_version_and_search_load_no_database_library_qt_markdown_or_yaml(tmp_path, notes):
    assert _modules_after(tmp_path, ["--version"]) == []
    database = ["--database", str(notes)]
    assert _modules_after(tmp_path, ["search", "교사", *database]) == []
    assert _modules_after(tmp_path, ["search", "교사", "--all", *database]) == []
    assert _modules_after(tmp_path, ["search", "교사 group:KD", "--count", *database]) == []


def test_list_and_show_leave_alembic_qt_markdown_and_yaml_unloaded(tmp_path, notes):
    database = ["--database", str(notes)]
    assert _modules_after(tmp_path, ["list", *database]) == ["sqlalchemy"]
    assert _modules_after(tmp_path, ["show", "1", *database]) == ["sqlalchemy"]


def test_version_builds_no_parser_and_loads_no_command(tmp_path):
    code = (
        "import io, sys, contextlib; from studyapp.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    assert main(['--version']) == 0\n"
        "print(out.getvalue().strip())\n"
        "print(sorted(m for m in ('argparse', 'studyapp.cli.commands') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    from studyapp import __version__

    assert done.stdout.splitlines() == [f"studyapp {__version__}", "[]"]
