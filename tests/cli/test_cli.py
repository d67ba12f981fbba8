"""Every subcommand, run in-process against a temporary SQLite file."""

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.cli.shaping import display_width

from .conftest import SAMPLES

SHOW_KEYS = {
    "id",
    "title",
    "date",
    "start",
    "group",
    "kind",
    "status",
    "tags",
    "attendees",
    "absentees",
    "body",
    "presentations",
    "checklist",
}
PRESENTATION_KEYS = {"order", "presenter", "paper", "notes", "discussion"}
PAPER_KEYS = {"title", "venue", "year", "arxiv_id", "doi", "url"}
CHECKLIST_KEYS = {
    "id",
    "text",
    "done",
    "status",
    "status_type",
    "done_date",
    "due_date",
    "scheduled_date",
    "start_date",
    "created_date",
    "cancelled_date",
    "priority",
    "recurrence",
    "assignee",
    "tags",
    "task_id",
    "depends_on",
    "on_completion",
    "block_link",
    "line",
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _sessions(cli):
    result = cli("list", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


# -- global options --------------------------------------------------------------------------


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == "studyapp 0.1.0\n"


def test_version_after_a_subcommand(capsys):
    assert main(["list", "--version"]) == 0
    assert capsys.readouterr().out == "studyapp 0.1.0\n"


def test_database_option_before_or_after_the_subcommand(cli, capsys, db_path, demo):
    assert main(["--database", str(db_path), "list", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert before == _sessions(cli)
    assert len(before) >= 6


def test_database_from_the_environment(capsys, monkeypatch, tmp_path):
    path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("STUDYAPP_DATABASE_URL", str(path))
    assert main(["list"]) == 0
    assert path.exists()


def test_usage_error_exits_2(cli):
    result = cli("frobnicate")
    assert result.code == 2
    assert "usage:" in result.err


@pytest.mark.parametrize("argv", [[], ["gui"]])
def test_no_command_or_gui_opens_the_window(monkeypatch, db_path, argv):
    import studyapp.app

    seen = []
    monkeypatch.setattr(studyapp.app, "run_gui", lambda url: seen.append(url) or 0)
    assert main([*argv, "--database", str(db_path)]) == 0
    assert seen == [f"sqlite:///{db_path.resolve()}"]


# -- demo, list, show ------------------------------------------------------------------------


def test_demo_then_list_shows_the_group(cli, demo):
    assert "KD 스터디" in demo.out
    assert "studyapp list" in demo.out
    listing = cli("list")
    assert listing.code == 0
    assert "KD 스터디" in listing.out and "Paper Club" in listing.out


def test_demo_twice_does_not_duplicate(cli, demo):
    first = _sessions(cli)
    again = cli("demo")
    assert again.code == 0
    assert "already" in again.out
    assert _sessions(cli) == first


def test_list_json_is_newest_first(cli, demo):
    sessions = _sessions(cli)
    assert all(set(s) == {"id", "title", "date", "group", "kind"} for s in sessions)
    dates = [s["date"] for s in sessions]
    assert dates == sorted(dates, reverse=True)
    assert all(ISO_DATE.match(d) for d in dates)
    assert {"paper review", "mentoring"} <= {s["kind"] for s in sessions}


def test_list_text_aligns_hangul_as_double_width(cli, demo):
    lines = cli("list").out.splitlines()
    assert lines[0].split() == ["ID", "DATE", "GROUP", "KIND", "TITLE"]
    # The KIND column starts at the same terminal column on every line.
    starts = set()
    for line in lines[1:]:
        kind = "mentoring" if "mentoring" in line else "paper review"
        starts.add(display_width(line[: line.index(kind)]))
    assert len(starts) == 1
    assert display_width(lines[0][: lines[0].index("KIND")]) in starts


def test_list_on_an_empty_database(cli):
    assert cli("list", "--json").out.strip() == "[]"
    assert "studyapp demo" in cli("list").out


def test_show_json_has_exactly_the_documented_keys(cli, demo):
    sessions = _sessions(cli)
    reviewed = 0
    for summary in sessions:
        result = cli("show", summary["id"], "--json")
        assert result.code == 0, result.err
        data = json.loads(result.out)
        assert set(data) == SHOW_KEYS
        assert data["id"] == summary["id"] and data["title"] == summary["title"]
        assert ISO_DATE.match(data["date"])
        start = dt.datetime.fromisoformat(data["start"])
        assert start.utcoffset() is not None
        assert [p["order"] for p in data["presentations"]] == list(
            range(1, len(data["presentations"]) + 1)
        )
        assert isinstance(data["body"], str)
        assert isinstance(data["absentees"], list)
        body_lines = data["body"].split("\n")
        for slot in data["presentations"]:
            assert set(slot) == PRESENTATION_KEYS
            assert slot["paper"] is None or set(slot["paper"]) == PAPER_KEYS
            # A talk's notes and discussion are lines of the body, not a text of their own.
            for line in slot["notes"].splitlines():
                assert line in body_lines
            for line in slot["discussion"].splitlines():
                assert any(b.lstrip(">").strip() == line.strip() for b in body_lines)
            if slot["paper"] is not None:
                assert slot["paper"]["title"] in data["body"]
        for item in data["checklist"]:
            assert set(item) == CHECKLIST_KEYS
            assert item["text"] in data["body"]  # every to-do is a line of the body
            assert item["priority"] in {"highest", "high", "medium", "low", "lowest", None}
            for key in ("done_date", "due_date"):
                assert item[key] is None or ISO_DATE.match(item[key])
            if item["assignee"]:
                assert not item["text"].startswith(item["assignee"])
            assert item["line"] in body_lines
            assert item["status_type"] in {"todo", "in_progress", "done", "cancelled"}
        reviewed += len(data["presentations"])
    assert reviewed >= 10


def test_show_json_of_a_seoul_meeting(cli, demo):
    first = _sessions(cli)[-1]
    data = json.loads(cli("show", first["id"], "--json").out)
    assert data["start"].endswith("T19:00:00+09:00")
    assert data["group"] == "KD 스터디"
    assert "민수님" in data["attendees"]
    assert data["presentations"][0]["paper"]["venue"]
    assert any(item["done"] and item["done_date"] for item in data["checklist"])


def test_show_json_body_is_the_document(cli, demo):
    first = _sessions(cli)[-1]
    data = json.loads(cli("show", first["id"], "--json").out)
    lines = data["body"].split("\n")
    # The attendance line, the talk headings and the to-dos are where the note put them.
    assert lines[0].startswith("Attendees: ") and "민수님" in lines[0]
    headings = [line for line in lines if line.startswith("## ")]
    talks = [h for h in headings if any(s["paper"]["title"] in h for s in data["presentations"])]
    assert len(talks) == len(data["presentations"])
    assert [
        next(s["presenter"] for s in data["presentations"] if s["paper"]["title"] in h)
        for h in talks
    ] == [s["presenter"] for s in data["presentations"]]
    tasks = [line for line in lines if line.startswith("- [")]
    assert len(tasks) == len(data["checklist"])
    assert all(item["text"] in task for item, task in zip(data["checklist"], tasks, strict=True))
    assert "notes" not in data


def test_show_text_and_markdown(cli, demo):
    session = _sessions(cli)[0]
    text = cli("show", session["id"])
    assert text.code == 0
    assert session["title"] in text.out
    # Header, talks, to-dos, then the body as written.
    data = json.loads(cli("show", session["id"], "--json").out)
    out = text.out.splitlines()
    body = data["body"].split("\n")
    assert out[len(out) - len(body) :] == body
    if data["checklist"]:
        assert out.index("To-dos:") < len(out) - len(body)
    markdown = cli("show", session["id"], "--markdown")
    assert markdown.code == 0, markdown.err
    assert session["title"] in markdown.out


def test_show_unknown_session(cli, demo):
    result = cli("show", "99")
    assert result.code == 1
    assert result.err == "studyapp: There is no session 99.\n"
    assert result.out == ""


def test_show_needs_a_number(cli):
    assert cli("show", "abc").code == 2


# -- todo, search ----------------------------------------------------------------------------


def test_todo_json_and_open_filter(cli, demo):
    items = json.loads(cli("todo", "--json").out)
    assert items
    assert all(
        set(i) == CHECKLIST_KEYS | {"session_id", "session_title", "session_date", "done_by"}
        for i in items
    )
    assert any(i["done"] for i in items) and any(not i["done"] for i in items)
    open_items = json.loads(cli("todo", "--open", "--json").out)
    assert open_items and not any(i["done"] for i in open_items)
    assert len(open_items) < len(items)


def test_todo_text(cli, demo):
    out = cli("todo").out
    assert "[x] " in out and "[ ] " in out
    assert "@민수님" in out
    # Each line starts with the to-do's id, the one `todo done ID` takes.
    ids = [item["id"] for item in json.loads(cli("todo", "--json").out)]
    assert [line.split()[0] for line in out.splitlines()] == [f"#{i}" for i in ids]
    assert "[x] " not in cli("todo", "--open").out


def test_search_hangul_inside_a_word(cli, demo):
    hits = json.loads(cli("search", "재현", "--json").out)
    assert hits
    keys = {"session_id", "title", "date", "field", "matched_in", "snippet", "start", "length"}
    keys.add("ref_id")
    assert all(set(h) == keys for h in hits)
    assert all(ISO_DATE.match(h["date"]) for h in hits)
    text = cli("search", "재현")
    assert text.code == 0 and hits[0]["title"] in text.out
    assert "Nothing found" in cli("search", "zzzyyyxxx").out


# -- import ----------------------------------------------------------------------------------

LINE = re.compile(
    r"^(created|updated|unchanged|would create|would update)\s+(#\d+\s+)?"
    r"\d{4}-\d{2}-\d{2}\s+.+\(\d+ presentations?, \d+ to-dos?\)"
)


def test_import_a_folder_then_again(cli, tmp_path):
    folder = shutil.copytree(SAMPLES, tmp_path / "notes")
    first = cli("import", folder)
    assert first.code == 0, first.err
    lines = first.out.splitlines()
    assert len(lines) == len(list(SAMPLES.glob("*.md"))) + 1
    assert all(LINE.match(line) and line.startswith("created") for line in lines[:-1])
    assert lines[-1].startswith("Imported 5 files: 5 created")
    again = cli("import", folder)
    assert again.code == 0
    assert all(line.startswith("unchanged") for line in again.out.splitlines()[:-1])
    assert len(_sessions(cli)) == 5


def test_import_line_of_the_reading_group_sample(cli):
    result = cli("import", SAMPLES / "2025-03-10-reading-group.md")
    assert result.code == 0, result.err
    assert re.match(
        r"^created  #1  2025-03-10  Vision reading group 250310  "
        r"\(3 presentations, 2 to-dos\)$",
        result.out.splitlines()[0],
    )


def test_import_dry_run_writes_nothing(cli):
    result = cli("import", SAMPLES / "24-12-03.md", "--dry-run")
    assert result.code == 0, result.err
    assert result.out.startswith("would create")
    assert "nothing written" in result.out.splitlines()[-1]
    assert _sessions(cli) == []


def test_import_into_a_named_group(cli):
    assert cli("import", SAMPLES / "24-12-03.md", "--group", "세그 팀").code == 0
    assert [s["group"] for s in _sessions(cli)] == ["세그 팀"]


def test_import_missing_path_writes_nothing(cli, tmp_path):
    result = cli("import", SAMPLES / "24-12-03.md", tmp_path / "nope.md")
    assert result.code == 1
    assert len(result.err_lines) == 1
    assert result.err_lines[0].startswith("studyapp: ") and "nope.md" in result.err
    assert _sessions(cli) == []


def test_import_binary_file_fails_and_imports_nothing(cli, tmp_path):
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = cli("import", binary)
    assert result.code == 1
    failed = [line for line in result.err_lines if line.startswith("studyapp: ")]
    assert len(failed) == 1 and "photo.md" in failed[0]
    assert _sessions(cli) == []


def test_import_report_formatting(cli, monkeypatch, tmp_path):
    """Warnings go to stderr after the file name; failures as ``studyapp: file: message``."""
    from studyapp.core.services import imports

    def fake_import(self, paths, **kwargs):
        report = imports.ImportReport()
        report.outcomes = [
            imports.FileOutcome(
                tmp_path / "a.md",
                "created",
                session_id=12,
                title="Vision reading group 250310",
                date=dt.date(2025, 3, 10),
                warnings=["unknown time zone 'Mars'"],
                presentations=3,
                tasks=2,
            ),
            imports.FileOutcome(
                tmp_path / "b.md",
                "unchanged",
                session_id=7,
                title="한글 노트",
                date=dt.date(2024, 12, 3),
                presentations=1,
                tasks=1,
            ),
            imports.FileOutcome(tmp_path / "c.md", "failed", message="not a text file"),
        ]
        return report

    monkeypatch.setattr(imports.ImportService, "import_paths", fake_import)
    result = cli("import", tmp_path)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == (
        "created    #12  2025-03-10  Vision reading group 250310  (3 presentations, 2 to-dos)"
    )
    assert lines[1] == "unchanged  #7  2024-12-03  한글 노트  (1 presentation, 1 to-do)"
    assert lines[2] == "Imported 3 files: 1 created, 1 unchanged, 1 failed"
    assert f"{tmp_path / 'a.md'}: warning: unknown time zone 'Mars'" in result.err_lines
    assert f"studyapp: {tmp_path / 'c.md'}: not a text file" in result.err_lines


# -- export ----------------------------------------------------------------------------------


def test_export_then_again_unchanged(cli, demo, tmp_path):
    target = tmp_path / "블로그" / "_posts"
    first = cli("export", target)
    assert first.code == 0, first.err
    count = len(_sessions(cli))
    assert first.out.strip() == f"Exported {count} sessions to {target} (0 unchanged)"
    assert len(list(target.glob("*.md"))) == count
    again = cli("export", target)
    assert again.out.strip() == f"Exported {count} sessions to {target} ({count} unchanged)"


@pytest.mark.parametrize("flavor", ["obsidian", "html"])
def test_export_flavors(cli, demo, tmp_path, flavor):
    result = cli("export", tmp_path / flavor, "--flavor", flavor)
    assert result.code == 0, result.err
    assert any((tmp_path / flavor).rglob("*"))


def test_export_filters(cli, demo, tmp_path):
    sessions = _sessions(cli)
    newest = sessions[0]["date"]
    result = cli(
        "export", tmp_path / "out", "--group", "KD 스터디", "--since", newest, "--until", newest
    )
    assert result.code == 0, result.err
    assert result.out.startswith("Exported 1 session to ")


def test_export_bad_date_is_a_usage_error(cli, tmp_path):
    result = cli("export", tmp_path / "out", "--since", "2025-02-30")
    assert result.code == 2
    assert "invalid date '2025-02-30'" in result.err
    assert "YYYY-MM-DD" in result.err
    assert not (tmp_path / "out").exists()


def test_export_unknown_group(cli, demo, tmp_path):
    result = cli("export", tmp_path / "out", "--group", "없는 그룹")
    assert result.code == 1
    assert result.err_lines == [f"studyapp: There is no group named {'없는 그룹'!r}."]


def test_export_into_a_path_under_a_file(cli, demo, tmp_path):
    blocker = tmp_path / "plain.txt"
    blocker.write_text("not a folder")
    result = cli("export", blocker / "posts")
    assert result.code == 1
    assert len(result.err_lines) == 1 and result.err.startswith("studyapp: ")
    assert "Traceback" not in result.err


# -- backup, check ---------------------------------------------------------------------------


def test_backup_and_check(cli, demo, tmp_path):
    result = cli("backup")
    assert result.code == 0, result.err
    assert Path(result.out.strip()).is_file()
    check = cli("check")
    assert check.code == 0, check.out + check.err
    assert check.out.startswith("Database OK (revision ")


def test_backup_to_a_chosen_file(cli, demo, tmp_path):
    dest = tmp_path / "copies" / "before-trip.sqlite3"
    dest.parent.mkdir()
    result = cli("backup", dest)
    assert result.code == 0, result.err
    assert (tmp_path / "copies").exists() and any((tmp_path / "copies").iterdir())


def test_check_reports_problems(cli, demo, monkeypatch):
    from types import SimpleNamespace

    from studyapp.core.services import maintenance

    report = SimpleNamespace(
        problems=("session 3 has no group", "orphan to-do 9"),
        revision="0001",
        head="0002",
        ok=False,
    )
    monkeypatch.setattr(maintenance.MaintenanceService, "check", lambda self: report)
    result = cli("check")
    assert result.code == 1
    assert result.out.splitlines() == ["session 3 has no group", "orphan to-do 9"]


def test_backup_of_a_missing_database(cli, tmp_path):
    result = cli("backup", database=tmp_path / "never.sqlite3")
    assert result.code == 1
    assert result.err_lines[0].startswith("studyapp: There is no database at")
    assert not (tmp_path / "never.sqlite3").exists()


LOG = "# 0303 KD 스터디\n\n## 서연님 논문 - KD (CVPR 2024)\n- a\n\n# 0310 MUG\n- b\n"


def test_a_dry_run_of_a_log_prints_the_sessions_it_would_make_with_their_dates(cli, tmp_path):
    log = tmp_path / "log-2025.md"
    log.write_text(LOG, encoding="utf-8")
    result = cli("import", log, "--dry-run")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].endswith("log-2025.md: a log of meetings, split into 2 sessions")
    assert lines[1].split() == [
        "would", "create", "2025-03-03", "0303", "KD", "스터디",
        "(1", "presentation,", "0", "to-dos)",
    ]  # fmt: skip
    assert lines[2].split()[:5] == ["would", "create", "2025-03-10", "0310", "MUG"]
    assert lines[3] == "Dry run, nothing written: 1 file as 2 sessions (2 would create)"
    assert cli("list", "--json").out.strip() == "[]"


def test_no_split_keeps_a_log_as_one_session(cli, tmp_path):
    log = tmp_path / "log-2025.md"
    log.write_text(LOG, encoding="utf-8")
    result = cli("import", log, "--no-split")
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == "Imported 1 file: 1 created"
    assert len(json.loads(cli("list", "--json").out)) == 1


def test_a_blogs_images_go_where_its_options_say(cli, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "slide.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    (notes / "2025-03-10 모임.md").write_text("# 모임\n\n![[slide.png|320]]\n", "utf-8")
    assert cli("import", notes).code == 0
    posts = tmp_path / "site" / "_posts"
    result = cli(
        "export", posts, "--assets", "../static", "--assets-url", "/blog/static", "--layout", "note"
    )
    assert result.code == 0, result.err
    [post] = posts.glob("*.md")
    text = post.read_text(encoding="utf-8")
    assert "layout: note\n" in text and "render_with_liquid: false\n" in text
    assert f'![slide.png](/blog/static/{post.stem}/slide.png){{: .embed width="320"}}' in text
    assert (tmp_path / "site" / "static" / post.stem / "slide.png").is_file()


def test_an_empty_file_is_skipped_not_imported_as_a_blank_session(cli, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "empty.md").write_bytes(b"")
    (folder / "blank.md").write_text(" \n\n\t \r\n", encoding="utf-8")
    (folder / "real.md").write_text("# 2025-03-10 세미나\n\n회의 내용\n", encoding="utf-8")
    result = cli("import", folder)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    skipped = [line for line in lines if line.startswith("skipped")]
    assert [line.split()[1] for line in skipped] == [
        f"{folder / 'blank.md'}:",
        f"{folder / 'empty.md'}:",
    ]
    assert all(line.endswith(": the file is empty: nothing to import") for line in skipped)
    assert lines[-1] == "Imported 3 files: 1 created, 2 skipped"
    assert [s["title"] for s in _sessions(cli)] == ["2025-03-10 세미나"]
    dry = cli("import", folder / "empty.md", "--dry-run")
    assert dry.out.splitlines()[-1] == "Dry run, nothing written: 1 file (1 skipped)"
