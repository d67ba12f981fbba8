"""Real notes through the command line: import, export, import the export again.

A session's body is the note as written, so an imported note that nobody edited comes back
line for line, in the writer's order, after the front matter the export puts first; and the
export, imported again, gives the same sessions, talks and to-dos. The samples are the
project's own (tests/fixtures/samples) and the shared ones next to the checkout
(../shared/samples, measured by ../shared/tools/roundtrip-samples), when that folder exists.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from .conftest import SAMPLES

SHARED = Path(__file__).parents[3] / "shared"
SHARED_SAMPLES = SHARED / "samples"
SHARED_TOOLS = SHARED / "tools"
NOTE_SUFFIXES = (".md", ".markdown", ".txt")  # other files there are a note's attachments


def _notes(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in NOTE_SUFFIXES)


def _cases() -> list:
    cases = [pytest.param(path, id=f"fixtures/{path.name}") for path in _notes(SAMPLES)]
    if SHARED_SAMPLES.is_dir():
        cases += [pytest.param(path, id=f"shared/{path.name}") for path in _notes(SHARED_SAMPLES)]
    else:
        skip = pytest.mark.skip(reason=f"no shared samples at {SHARED_SAMPLES}")
        cases.append(pytest.param(None, id="shared", marks=skip))
    return cases


def _lines(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))  # notes are read as NFC
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _trimmed(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _body_lines(text: str) -> list[str]:
    """The lines after a ``---`` front matter block (if any), blank lines at the ends dropped."""
    lines = _lines(text)
    if lines and lines[0].strip() == "---":
        close = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if close is not None:
            lines = lines[close + 1 :]
    return _trimmed(lines)


def _exported_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in NOTE_SUFFIXES)


def _shown(cli, database: Path) -> list[dict]:
    """Every session's ``show --json``, in date and title order."""
    listing = cli("list", "--json", database=database)
    assert listing.code == 0, listing.err
    details = []
    for summary in json.loads(listing.out):
        shown = cli("show", summary["id"], "--json", database=database)
        assert shown.code == 0, shown.err
        details.append(json.loads(shown.out))
    return sorted(details, key=lambda d: (d["date"], d["title"]))


def _structure(detail: dict) -> dict:
    """What a round trip must keep of a session: its talks, to-dos and its body."""
    return {
        "title": detail["title"],
        "date": detail["date"],
        "talks": [
            (slot["presenter"], slot["paper"]["title"] if slot["paper"] else None)
            for slot in detail["presentations"]
        ],
        "talk_notes": [(slot["notes"], slot["discussion"]) for slot in detail["presentations"]],
        "todos": [
            (item["text"], item["done"], item["done_date"], item["due_date"], item["assignee"])
            for item in detail["checklist"]
        ],
        "attendees": (detail["attendees"], detail["absentees"]),
        "body": detail["body"],
    }


@pytest.mark.parametrize("source", _cases())
def test_sample_comes_back_as_written_and_imports_again_the_same(cli, tmp_path, source):
    first_db, second_db = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    out = tmp_path / "export"

    imported = cli("import", source, database=first_db)
    assert imported.code == 0, imported.err
    assert all(
        line.lstrip().startswith("created")
        for line in imported.out.splitlines()[:-1]
        if not line.endswith("sessions")  # a log's line naming its meetings
    ), imported.out
    first = _shown(cli, first_db)
    assert first, "the note made no session"

    # The obsidian flavor is the note as written (a blog post, jekyll, leaves the title
    # heading to its layout and marks line breaks: the order and lossless checks below).
    exported = cli("export", out, "--flavor", "obsidian", database=first_db)
    assert exported.code == 0, exported.err
    files = _exported_files(out)
    assert len(files) == len(first)

    # The body lines, in the writer's order: the export is the front matter, then the note.
    source_lines = _body_lines(source.read_bytes().decode("utf-8-sig"))
    exported_lines = [
        line for path in files for line in _body_lines(path.read_text(encoding="utf-8"))
    ]
    if len(files) > 1:  # a log split by date: the gaps between the parts may differ
        source_lines = [line for line in source_lines if line.strip()]
        exported_lines = [line for line in exported_lines if line.strip()]
    assert exported_lines == source_lines
    # ... and the body `show --json` gives is that same text.
    shown_lines = [line for d in first for line in _trimmed(_lines(d["body"]))]
    if len(files) > 1:
        shown_lines = [line for line in shown_lines if line.strip()]
    assert shown_lines == exported_lines

    again = cli("import", out, database=second_db)
    assert again.code == 0, again.err
    second = _shown(cli, second_db)
    assert [_structure(d) for d in second] == [_structure(d) for d in first]

    # The export of the re-imported notes is the first export again, body for body.
    out_again = tmp_path / "export-again"
    assert cli("export", out_again, "--flavor", "obsidian", database=second_db).code == 0
    assert [_body_lines(p.read_text(encoding="utf-8")) for p in _exported_files(out_again)] == [
        _body_lines(p.read_text(encoding="utf-8")) for p in files
    ]


@pytest.mark.skipif(
    not (SHARED_TOOLS / "check_order.py").is_file(), reason="no ../shared/tools/check_order.py"
)
@pytest.mark.parametrize("source", _cases())
def test_the_projects_order_and_lossless_checks_agree(cli, tmp_path, source):
    """The measure ../shared/tools/roundtrip-samples takes (jekyll export): nothing missing,
    nothing moved."""
    database, out = tmp_path / "db.sqlite3", tmp_path / "export"
    assert cli("import", source, database=database).code == 0
    assert cli("export", out, "--flavor", "jekyll", database=database).code == 0
    for tool, extra in (("check_order.py", []), ("check_lossless.py", ["--quiet"])):
        result = subprocess.run(
            [sys.executable, str(SHARED_TOOLS / tool), str(source), str(out), *extra],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        verdict = json.loads(result.stdout.strip().splitlines()[-1])
        assert result.returncode == 0, (tool, verdict, result.stderr[-2000:])
        if tool == "check_order.py":
            assert verdict["moved"] == [] and verdict["in_order"] == verdict["lines"]
        else:
            assert verdict["missing"] == 0
