"""``studyapp todo``: the Obsidian Tasks plugin's own cases run again from outside, through
the command line. A note of the plugin's lines is imported and ``todo --json`` shows what
each says; ``todo status`` / ``done`` / ``undo`` write the lines the plugin writes.

The cases are those of tests/core/test_tasks_plugin_cases.py (each cites the plugin test it
comes from), read from that file so both suites run the same ones.
"""

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import studyapp
from studyapp.core.tasks import StatusType

_CASES_FILE = Path(__file__).parents[1] / "core" / "test_tasks_plugin_cases.py"


def _plugin_cases():
    spec = importlib.util.spec_from_file_location("tasks_plugin_cases", _CASES_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CASES = _plugin_cases()
# (line, what the reader reads) from the reading, tag and single-field cases.
READ = (
    [tuple(param.values) for param in CASES.READ_CASES]
    + [(line, {"text": text, "tags": tuple(tags)}) for line, text, tags in CASES.TAG_CASES]
    + [(f"- [ ] {body}", expected) for body, expected in (p.values for p in CASES.FIELD_CASES)]
)
_JSON_NAME = {"status_symbol": "status"}


def _as_json(name, value):
    if isinstance(value, StatusType):
        return value.value.lower()
    if isinstance(value, tuple):
        return list(value)
    return value  # dates are ISO strings in the cases, as in the JSON


def _import(cli, tmp_path, lines, name="2025-03-10-plugin-cases.md"):
    note = tmp_path / name
    note.write_text("# Plugin cases\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    result = cli("import", note)
    assert result.code == 0, result.err
    items = json.loads(cli("todo", "--json").out)
    assert [item["line"] for item in items] == lines
    return items


def test_todo_json_shows_each_plugin_line_as_the_plugin_reads_it(cli, tmp_path):
    items = _import(cli, tmp_path, [line for line, _ in READ])
    for (line, expected), item in zip(READ, items, strict=True):
        for name, value in expected.items():
            key = _JSON_NAME.get(name, name)
            assert item[key] == _as_json(name, value), (line, key)
        assert item["done"] == (item["status_type"] == "done")


def test_todo_status_writes_the_plugins_lines(cli, tmp_path):
    cases = CASES.STATUS_CASES
    items = _import(cli, tmp_path, [line for line, *_ in cases])
    for (_line, symbol, today, _expected), item in zip(cases, items, strict=True):
        result = cli("todo", "status", item["id"], symbol, "--date", today)
        assert result.code == 0, result.err
    [session] = json.loads(cli("list", "--json").out)
    body = json.loads(cli("show", session["id"], "--json").out)["body"]
    expected = [line for *_, lines in cases for line in lines]
    assert body.split("\n") == ["# Plugin cases", "", *expected]


def test_done_and_undo_keep_the_to_do_and_report_the_next_occurrence(cli, tmp_path):
    [item] = _import(cli, tmp_path, ["> - [ ] water plants 🔁 every week 📅 2025-03-10 ^w"])
    done = cli("todo", "done", item["id"], "--date", "2025-03-11", "--json")
    assert done.code == 0, done.err
    shown = json.loads(done.out)
    assert shown["changed"]["id"] == item["id"]
    assert shown["changed"]["line"] == (
        "> - [x] water plants 🔁 every week 📅 2025-03-10 ✅ 2025-03-11 ^w"
    )
    [added] = shown["added"]
    assert added["line"] == "> - [ ] water plants 🔁 every week 📅 2025-03-17"
    assert (added["status_type"], added["block_link"]) == ("todo", None)
    undone = cli("todo", "undo", item["id"], "--date", "2025-03-12")
    assert undone.code == 0, undone.err
    assert undone.out == f"#{item['id']}  > - [ ] water plants 🔁 every week 📅 2025-03-10 ^w\n"
    cancelled = cli("todo", "status", item["id"], "cancelled", "--date", "2025-03-12")
    assert cancelled.out == (
        f"#{item['id']}  > - [-] water plants 🔁 every week 📅 2025-03-10 ❌ 2025-03-12 ^w\n"
    )
    listed = cli("todo").out.splitlines()
    assert listed[0].startswith(f"#{added['id']}  [ ] water plants  🔁 every week")
    assert listed[1].startswith(f"#{item['id']}  [-] water plants")
    assert "cancelled 2025-03-12" in listed[1]
    assert [i["id"] for i in json.loads(cli("todo", "--open", "--json").out)] == [added["id"]]


def test_done_of_a_to_do_that_says_delete_reports_it_gone(cli, tmp_path):
    [item] = _import(cli, tmp_path, ["- [ ] once 🏁 delete"])
    result = cli("todo", "done", item["id"])
    assert (result.code, result.out) == (0, f"#{item['id']}  removed: its line says 🏁 delete\n")
    assert json.loads(cli("todo", "--json").out) == []
    again = cli("todo", "done", item["id"])
    assert (again.code, again.err) == (1, f"studyapp: There is no to-do {item['id']}.\n")


@pytest.mark.parametrize("status", ["xx", "", "]", "half"])
def test_a_status_that_is_no_status_is_a_usage_error(cli, tmp_path, status):
    [item] = _import(cli, tmp_path, ["- [ ] a"])
    result = cli("todo", "status", item["id"], status)
    assert result.code == 2
    assert "invalid status" in result.err
    assert json.loads(cli("todo", "--json").out)[0]["line"] == "- [ ] a"


def test_the_installed_command_reads_and_ticks_as_the_plugin_does(tmp_path):
    """The same through a child process, as another program would run it."""
    source = str(Path(studyapp.__file__).resolve().parents[1])
    env = {**os.environ, "STUDYAPP_DATA_DIR": str(tmp_path / "data")}
    env.pop("STUDYAPP_DATABASE_URL", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source, env.get("PYTHONPATH")) if p)
    database = str(tmp_path / "outside.sqlite3")
    note = tmp_path / "2025-03-10-outside.md"
    line = "- [ ] Wobble ⏫  #tag1 📅 2022-07-02 🔁 every day 🆔 w1 ⛔ a,b ^blk"
    note.write_text(f"# Outside\n\n{line}\n", encoding="utf-8")

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "studyapp", *args, "--database", database],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("import", str(note))
    [item] = json.loads(run("todo", "--json"))
    assert {key: item[key] for key in ("status", "status_type", "tags", "task_id")} == {
        "status": " ",
        "status_type": "todo",
        "tags": ["#tag1"],
        "task_id": "w1",
    }
    assert (item["depends_on"], item["block_link"], item["due_date"]) == (
        ["a", "b"],
        "^blk",
        "2022-07-02",
    )
    shown = json.loads(run("todo", "done", str(item["id"]), "--date", "2022-07-02", "--json"))
    assert [added["line"] for added in shown["added"]] == [
        "- [ ] Wobble ⏫  #tag1 📅 2022-07-03 🔁 every day"
    ]
    assert shown["changed"]["line"] == f"{line[:-5]} ✅ 2022-07-02 ^blk".replace("[ ]", "[x]")
    assert dt.date.fromisoformat(shown["changed"]["done_date"]) == dt.date(2022, 7, 2)
