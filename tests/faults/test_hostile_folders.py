"""Hostile folders: what arrives in a zip or a synced share never stops an import.

A named pipe, a link leading out of the folder, a name in CP949 bytes and a NUL byte in a
note each fail (or are read) alone; the files around them import as usual.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.services.imports import ImportService
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService

CP949_NAME = b"\xc8\xb8\xc0\xc7.md"  # "회의.md" as a Korean Windows zip stores it
NOTE = "# 주간 회의\n\n- [ ] 민수: 발표 자료 올리기 📅 2025-03-10\n\n낙타 이야기\n"

needs_posix = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or sys.platform == "darwin",
    reason="named pipes and byte file names as on Linux",
)


def _write_bytes_name(folder: Path, name: bytes, text: str) -> Path:
    """A file whose name is the raw bytes ``name``, written through the bytes path API."""
    fd = os.open(os.path.join(os.fsencode(folder), name), os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)
    return folder / os.fsdecode(name)


def _stored_paths(database: Database) -> list[str]:
    with database.transaction() as orm:
        return sorted(p or "" for p in orm.scalars(select(models.Session.source_path)))


@needs_posix
def test_a_named_pipe_in_the_folder_is_skipped_and_the_import_finishes(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "2025-03-10.md").write_text(NOTE, encoding="utf-8")
    os.mkfifo(folder / "pipe.md")  # nobody ever writes to it
    env = dict(os.environ, STUDYAPP_DATA_DIR=str(tmp_path / "data"))
    command = [sys.executable, "-m", "studyapp", "--database", str(tmp_path / "db.sqlite3")]
    # The guard: before, reading the pipe waited for a writer forever.
    done = subprocess.run(
        [*command, "import", str(folder)], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert f"{folder / 'pipe.md'}: a named pipe, not a file" in done.stdout
    assert "Imported 2 files: 1 created, 1 skipped" in done.stdout


@needs_posix
def test_a_named_pipe_named_on_its_own_is_skipped(database: Database, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    (outcome,) = ImportService(database).import_paths([pipe]).outcomes
    assert (outcome.status, outcome.message) == ("skipped", "a named pipe, not a file")


def test_a_link_leading_out_of_the_folder_is_not_followed(
    database: Database, tmp_path: Path
) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "diary.md").write_text("# 일기\n\n비밀 메모\n", encoding="utf-8")
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "2025-03-10.md").write_text(NOTE, encoding="utf-8")
    (folder / "inside.md").symlink_to(folder / "2025-03-10.md")  # stays in: followed
    (folder / "diary.md").symlink_to(outside / "diary.md")
    (folder / "vault").symlink_to(outside, target_is_directory=True)

    report = ImportService(database).import_paths([folder])

    by_name = {outcome.path.name: outcome for outcome in report.outcomes}
    assert by_name["diary.md"].status == "skipped"
    leaving = f"a link leading out of the folder (to {outside / 'diary.md'})"
    assert by_name["diary.md"].message == leaving
    assert by_name["vault"].status == "skipped"
    assert (by_name["2025-03-10.md"].status, by_name["inside.md"].status) == (
        "created",
        "unchanged",  # the same content, under another name
    )
    assert not SearchService(database).search_hits("비밀").hits
    assert report.counts == {"created": 1, "unchanged": 1, "skipped": 2}
    assert not report.failed


@needs_posix
def test_a_file_named_in_cp949_bytes_is_imported_under_a_readable_name(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "2025-03-10.md").write_text(NOTE, encoding="utf-8")
    _write_bytes_name(folder, CP949_NAME, "# 회의록\n\n교사-학생 증류\n")
    _write_bytes_name(folder, b"\xff\xfe note.md", "# 알 수 없는 이름\n")
    service = ImportService(database)

    report = service.import_paths([folder])

    assert report.counts == {"created": 3}
    by_name = {outcome.path.name: outcome for outcome in report.outcomes}
    korean = by_name["회의.md"]
    assert korean.warnings[0] == "its name is not UTF-8; read as CP949: 회의.md"
    assert by_name["\\xff\\xfe note.md"].warnings[0] == (
        "its name is not UTF-8 or CP949; shown as \\xff\\xfe note.md"
    )
    assert _stored_paths(database) == sorted(
        [str(folder / "2025-03-10.md"), str(folder / "회의.md"), str(folder / "\\xff\\xfe note.md")]
    )
    body = SessionService(database).get(korean.session_id).body  # type: ignore[arg-type]
    assert body == "# 회의록\n\n교사-학생 증류"
    # Known again by its readable name: unchanged, then updated in place.
    assert service.import_paths([folder]).counts == {"unchanged": 3}
    _write_bytes_name(folder, CP949_NAME, "# 회의록\n\n교사-학생 증류, 둘째 날\n")
    again = {o.path.name: o for o in service.import_paths([folder]).outcomes}
    assert (again["회의.md"].status, again["회의.md"].session_id) == ("updated", korean.session_id)


@needs_posix
def test_a_cp949_name_that_reads_as_another_files_name_keeps_its_bytes(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "회의.md").write_text("# 하나\n", encoding="utf-8")
    _write_bytes_name(folder, CP949_NAME, "# 둘\n")
    report = ImportService(database).import_paths([folder])
    assert sorted(outcome.path.name for outcome in report.outcomes) == [
        "\\xc8\\xb8\\xc0\\xc7.md",
        "회의.md",
    ]
    assert report.counts == {"created": 2}


@needs_posix
def test_the_command_line_prints_a_cp949_name(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    _write_bytes_name(folder, CP949_NAME, NOTE)
    env = dict(os.environ, STUDYAPP_DATA_DIR=str(tmp_path / "data"), LC_ALL="C")
    command = [sys.executable, "-m", "studyapp", "--database", str(tmp_path / "db.sqlite3")]
    done = subprocess.run(
        [*command, "import", str(folder)], capture_output=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8")
    assert f"{folder}/회의.md: warning: its name is not UTF-8; read as CP949: 회의.md" in err
    assert "Imported 1 file: 1 created" in done.stdout.decode("utf-8")


def test_a_note_with_a_nul_byte_is_imported_with_a_warning(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    data = NOTE.encode()
    at = data.index("낙타".encode())
    (folder / "2025-03-10.md").write_bytes(data[:at] + b"\x00" + data[at:])
    (folder / "photo.md").write_bytes(bytes(range(256)) * 64)  # binary: still refused

    report = ImportService(database).import_paths([folder])

    by_name = {outcome.path.name: outcome for outcome in report.outcomes}
    note = by_name["2025-03-10.md"]
    assert note.status == "created"
    assert "1 NUL byte dropped (not text); the rest is read as written" in note.warnings
    detail = SessionService(database).get(note.session_id)  # type: ignore[arg-type]
    assert detail.body == NOTE.rstrip("\n")  # the line the byte stood in, whole
    assert [item.task.text for item in detail.checklist] == ["발표 자료 올리기"]
    assert (by_name["photo.md"].status, by_name["photo.md"].message) == (
        "failed",
        "not a text file",
    )
