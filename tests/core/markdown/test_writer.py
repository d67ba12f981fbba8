import dataclasses
import datetime as dt
import errno
import os
from pathlib import Path

import pytest

from studyapp.core import atomic_files
from studyapp.core.atomic_files import write_atomically
from studyapp.core.dto import SessionDetail
from studyapp.core.errors import ExportError
from studyapp.core.markdown import writer
from studyapp.core.markdown.exporter import render_markdown
from studyapp.core.markdown.writer import ExportResult, export_sessions, safe_target

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _session(id: int, title: str, day: int = 10, **changes) -> SessionDetail:
    base = SessionDetail(
        id=id,
        title=title,
        date=dt.date(2025, 3, day),
        start_time=None,
        timezone="+09:00",
        group="KD 스터디",
        kind="paper_review",
        status="held",
        body=f"{title} 메모\n",
    )
    return dataclasses.replace(base, **changes)


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def test_write_atomically_writes_utf8_with_lf(tmp_path):
    target = tmp_path / "a.md"
    write_atomically(target, "한국어\nline\n")
    assert target.read_bytes() == "한국어\nline\n".encode()
    write_atomically(target, "second\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    assert _leftovers(tmp_path) == []


def test_write_atomically_keeps_the_file_mode(tmp_path):
    target = tmp_path / "a.md"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_full_disk_is_reported_and_leaves_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "a.md"
    target.write_text("old")

    def full(_descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "fsync", full)
    with pytest.raises(ExportError, match="the disk is full"):
        write_atomically(target, "new")
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_interrupted_write_leaves_no_temp_file(tmp_path, monkeypatch):
    def stop(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(writer.os, "replace", stop)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "a.md", "text")
    assert list(tmp_path.iterdir()) == []


def test_write_into_a_missing_folder_is_an_export_error(tmp_path):
    with pytest.raises(ExportError, match=r"Cannot write to .*: the folder does not exist"):
        write_atomically(tmp_path / "nope" / "a.md", "x")


@pytest.mark.skipif(IS_ROOT or os.name != "posix", reason="root ignores folder permissions")
def test_write_atomically_permission_denied(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            write_atomically(folder / "a.md", "x")
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize(
    "name",
    [
        "../evil.md",
        "..",
        ".",
        "",
        "a/b.md",
        "a\\b.md",
        "/etc/passwd",
        "c:evil.md",
        " spaced.md",
        "nul\0.md",
    ],
)
def test_safe_target_refuses_escapes(tmp_path, name):
    with pytest.raises(ExportError, match="Refusing"):
        safe_target(tmp_path, name)


def test_safe_target_refuses_a_symlink_pointing_outside(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("precious")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "2025-03-10-x.md").symlink_to(outside)
    with pytest.raises(ExportError, match="outside"):
        safe_target(folder, "2025-03-10-x.md")


def test_safe_target_accepts_hangul_names(tmp_path):
    assert safe_target(tmp_path, "2025-03-10-교사-모델.md") == tmp_path / "2025-03-10-교사-모델.md"


def test_export_writes_one_file_per_session_and_numbers_duplicates(tmp_path):
    sessions = [
        _session(5, "스터디"),
        _session(2, "스터디"),
        _session(9, "스터디"),
        _session(3, "Other", day=11),
    ]
    folder = tmp_path / "deep" / "out"
    result = export_sessions(sessions, folder, "jekyll")
    assert isinstance(result, ExportResult)
    names = [path.name for path in result.written]
    assert names == [
        "2025-03-10-스터디.md",
        "2025-03-10-스터디-2.md",
        "2025-03-10-스터디-3.md",
        "2025-03-11-other.md",
    ]
    # The lowest id gets the plain name, whatever order the sessions came in.
    assert (folder / "2025-03-10-스터디.md").read_text(encoding="utf-8") == render_markdown(
        sessions[1]
    )
    assert (folder / "2025-03-10-스터디-3.md").read_text(encoding="utf-8") == render_markdown(
        sessions[2]
    )
    assert _leftovers(folder) == []


def test_slug_clash_with_a_numbered_name_still_gets_a_free_name(tmp_path):
    sessions = [_session(1, "a 2"), _session(2, "a"), _session(3, "a")]
    result = export_sessions(sessions, tmp_path, "obsidian")
    assert [path.name for path in result.written] == [
        "2025-03-10-a-2.md",
        "2025-03-10-a.md",
        "2025-03-10-a-3.md",
    ]


def test_repeat_export_is_byte_identical_and_untouched(tmp_path):
    sessions = [_session(1, "교사 모델"), _session(2, "Prompted Retrieval", day=11)]
    first = export_sessions(sessions, tmp_path, "jekyll")
    contents = {path: path.read_bytes() for path in first.written}
    stamps = {path: path.stat().st_mtime_ns for path in first.written}
    old = dt.datetime(2020, 1, 1).timestamp()
    for path in first.written:
        os.utime(path, (old, old))
    second = export_sessions(sessions, tmp_path, "jekyll")
    assert second.written == [] and second.unchanged == first.written
    assert {path: path.read_bytes() for path in second.unchanged} == contents
    assert all(path.stat().st_mtime == old for path in second.unchanged)
    assert stamps  # written the first time
    changed = [dataclasses.replace(sessions[0], body="고친 메모\n"), sessions[1]]
    third = export_sessions(changed, tmp_path, "jekyll")
    assert [path.name for path in third.written] == ["2025-03-10-교사-모델.md"]
    assert [path.name for path in third.unchanged] == ["2025-03-11-prompted-retrieval.md"]


def test_html_flavor_writes_html_files(tmp_path):
    result = export_sessions([_session(1, "../../etc/passwd")], tmp_path, "html")
    assert [path.name for path in result.written] == ["2025-03-10-etc-passwd.html"]
    assert result.written[0].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [path.name for path in tmp_path.iterdir()] == ["2025-03-10-etc-passwd.html"]


def test_untitled_and_traversal_titles_stay_inside(tmp_path):
    sessions = [_session(1, "///..."), _session(2, "../../etc/passwd"), _session(3, "..")]
    result = export_sessions(sessions, tmp_path / "out", "jekyll")
    assert all(path.parent == tmp_path / "out" for path in result.written)
    assert sorted(path.name for path in result.written) == [
        "2025-03-10-etc-passwd.md",
        "2025-03-10-untitled-2.md",
        "2025-03-10-untitled.md",
    ]


def test_unknown_flavor_is_refused_before_anything_happens(tmp_path):
    folder = tmp_path / "never"
    with pytest.raises(ExportError, match="jekyll, obsidian, html"):
        export_sessions([_session(1, "x")], folder, "pdf")
    assert not folder.exists()


def test_folder_under_a_regular_file_cannot_be_created(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("I am a file")
    with pytest.raises(ExportError, match="Cannot create the folder"):
        export_sessions([_session(1, "x")], blocker / "out", "jekyll")
    with pytest.raises(ExportError, match="not a folder"):
        export_sessions([_session(1, "x")], blocker, "jekyll")


@pytest.mark.skipif(IS_ROOT or os.name != "posix", reason="root ignores folder permissions")
def test_unwritable_folder_is_refused_before_writing(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            export_sessions([_session(1, "x")], folder, "jekyll")
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


def test_a_read_only_folder_or_disk_is_refused_before_writing(tmp_path, read_only_view):
    # Where root ignores the folder's permissions, a read-only mount still stops it.
    folder = tmp_path / "out"
    folder.mkdir()
    view, _why = read_only_view(folder)
    with pytest.raises(ExportError, match=r"Cannot write to .*: (permission denied|the file sys)"):
        export_sessions([_session(1, "x")], view, "jekyll")
    with pytest.raises(ExportError, match=r"(permission denied|the file system is read-only)"):
        write_atomically(view / "a.md", "x")
    assert list(folder.iterdir()) == []


def test_writability_is_probed_before_any_session_is_rendered(tmp_path, monkeypatch):
    rendered = []

    def failing_probe(folder, name):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer, "create_temporary", failing_probe)
    monkeypatch.setattr(writer, "render_markdown", lambda *args: rendered.append(args) or "")
    with pytest.raises(ExportError, match=r"Cannot write to .*: permission denied"):
        export_sessions(iter([_session(1, "x")]), tmp_path, "jekyll")
    assert rendered == []


def test_progress_and_cancel(tmp_path):
    seen = []
    sessions = [_session(i, f"s{i}", day=i) for i in range(1, 5)]
    result = export_sessions(
        iter(sessions),
        tmp_path,
        "jekyll",
        progress=lambda done, total: seen.append((done, total)),
        cancelled=lambda: len(seen) > 2,
        total=4,
    )
    assert seen == [(0, 4), (1, 4), (2, 4)]
    assert result.cancelled and len(result.written) == 2
    done = export_sessions(sessions, tmp_path, "jekyll", progress=lambda *a: seen.append(a))
    assert not done.cancelled and seen[-1] == (4, None)


# -- batches of files ------------------------------------------------------------------------


def test_an_export_syncs_a_batch_at_once_and_renames_after(tmp_path, monkeypatch):
    events = []
    monkeypatch.setattr(atomic_files, "_ONE_SYNC", True)
    monkeypatch.setattr(writer.os, "sync", lambda: events.append("sync"), raising=False)
    monkeypatch.setattr(writer.os, "fsync", lambda fd: events.append("fsync"))
    real_replace = os.replace
    monkeypatch.setattr(
        writer.os, "replace", lambda a, b: events.append("replace") or real_replace(a, b)
    )
    monkeypatch.setattr(atomic_files, "BATCH_FILES", 3)
    sessions = [_session(i, f"s{i}", day=i) for i in range(1, 6)]
    result = export_sessions(sessions, tmp_path, "jekyll")
    assert len(result.written) == 5 and _leftovers(tmp_path) == []
    # Batches of 3 and 2: one sync before each batch's renames, one folder sync after.
    assert events == ["sync", *["replace"] * 3, "fsync", "sync", *["replace"] * 2, "fsync"]
    for session, path in zip(sessions, result.written, strict=True):
        assert path.read_text(encoding="utf-8") == render_markdown(session)


def test_without_one_sync_each_file_is_synced_before_its_rename(tmp_path, monkeypatch):
    synced = []
    monkeypatch.setattr(atomic_files, "_ONE_SYNC", False)
    monkeypatch.setattr(writer.os, "fsync", lambda fd: synced.append(fd))
    export_sessions([_session(1, "a"), _session(2, "b", day=11)], tmp_path, "jekyll")
    assert len(synced) == 2 + 1  # each file, then the folder once


def test_files_before_a_failure_are_kept_whole(tmp_path, monkeypatch):
    sessions = [_session(i, f"s{i}", day=i) for i in range(1, 4)]

    def render(session, flavor, **links):
        if session.id == 3:
            raise ExportError("Cannot write the front matter of 's3'.")
        return render_markdown(session, flavor, **links)

    monkeypatch.setattr(writer, "render_markdown", render)
    with pytest.raises(ExportError, match="s3"):
        export_sessions(sessions, tmp_path, "jekyll")
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "2025-03-01-s1.md",
        "2025-03-02-s2.md",
    ]


def test_an_interrupt_leaves_old_files_and_no_temporary_ones(tmp_path, monkeypatch):
    old = tmp_path / "2025-03-01-s1.md"
    old.write_text("old")
    sessions = [_session(1, "s1", day=1), _session(2, "s2", day=2)]
    calls = []

    def progress(done, total):
        calls.append(done)
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_sessions(sessions, tmp_path, "jekyll", progress=progress)
    assert old.read_text() == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["2025-03-01-s1.md"]


def test_a_file_written_twice_in_one_batch_ends_as_the_last_write(tmp_path):
    # Two sessions with an image of the same name: as before, the later one wins, even
    # when the first write is still waiting for its rename.
    (tmp_path / "slide.png").write_bytes(b"A")
    sessions = [
        _session(1, "a", attachments=("slide.png",)),
        _session(2, "b", day=11, attachments=("slide.png",)),
    ]
    images = {1: b"B", 2: b"A"}
    export_sessions(sessions, tmp_path, "jekyll", files=lambda s: [("slide.png", images[s.id])])
    assert (tmp_path / "slide.png").read_bytes() == b"A"
    assert _leftovers(tmp_path) == []


def test_a_full_disk_stops_the_export_and_keeps_the_files_before(tmp_path, monkeypatch):
    sessions = [_session(i, f"s{i}", day=i) for i in range(1, 5)]
    real_write = os.write

    def write(descriptor, data):
        if b"s3" in bytes(data):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(descriptor, data)

    monkeypatch.setattr(writer.os, "write", write)
    with pytest.raises(ExportError, match="the disk is full"):
        export_sessions(sessions, tmp_path, "jekyll")
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "2025-03-01-s1.md",
        "2025-03-02-s2.md",
    ]
