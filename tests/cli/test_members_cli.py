"""``--as NAME``: the command line records who ticked a to-do, as the window does."""

import json
import os
import subprocess
import sys

import studyapp
from studyapp.ui.settings import AppSettings


def _open_todo(cli) -> dict:
    result = cli("todo", "--json", "--open")
    assert result.code == 0, result.err
    return json.loads(result.out)[0]


def _todo(cli, todo_id: int) -> dict:
    items = json.loads(cli("todo", "--json").out)
    return next(item for item in items if item["id"] == todo_id)


def test_as_names_who_ticked_the_todo(cli, demo):
    todo = _open_todo(cli)
    assert todo["done_by"] is None
    result = cli("--as", "동훈님", "todo", "done", str(todo["id"]))
    assert result.code == 0, result.err
    assert _todo(cli, todo["id"])["done_by"] == "동훈님"


def test_without_as_the_windows_settings_name_is_used(cli, demo):
    settings = AppSettings()
    settings.member_name = "Alice Kim"
    settings.sync()
    todo = _open_todo(cli)
    assert cli("todo", "done", str(todo["id"])).code == 0
    assert _todo(cli, todo["id"])["done_by"] == "Alice Kim"


def test_the_installed_command_takes_as_after_the_subcommand(cli, demo, db_path):
    todo = _open_todo(cli)
    after = ["--as", "민수", "--database", str(db_path)]
    env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(studyapp.__file__))}
    done = subprocess.run(
        [sys.executable, "-m", "studyapp", "todo", "done", str(todo["id"]), *after],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _todo(cli, todo["id"])["done_by"] == "민수"
