"""Import the notes users keep, export them, import the export: nothing changes, nothing is lost."""

import datetime as dt
import os
import unicodedata
from pathlib import Path

import pytest

from studyapp.core.db import open_database
from studyapp.core.markdown.exporter import render_markdown
from studyapp.core.markdown.reading import read_note_text
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.exports import ExportService
from studyapp.core.services.imports import ImportService
from studyapp.core.services.sessions import SessionService

SAMPLES = Path(__file__).parents[2] / "fixtures" / "samples"


def _structure(database):
    """What must survive a round trip, keyed by title."""
    sessions = SessionService(database)
    result = {}
    for summary in sessions.list_sessions():
        detail = sessions.get(summary.id)
        result[detail.title] = {
            "date": detail.date,
            "start": detail.start_time,
            "kind": detail.kind,
            "tags": detail.tags,
            "attendees": (detail.attendees, detail.absentees),
            "presentations": [
                (
                    p.presenter,
                    p.paper and (p.paper.title, p.paper.venue, p.paper.arxiv_id),
                    _lines(p.notes, ""),
                    _lines(p.discussion, ""),
                )
                for p in detail.presentations
            ],
            "checklist": [item.task for item in detail.checklist],
            "body": _lines(detail.body, detail.title),
        }
    return result


def _lines(body: str, title: str) -> list[str]:
    """The lines as a blog post keeps them: the title heading is the post's title, a line
    may end in the two spaces of a hard line break, a blank line may separate blocks."""
    lines = [line.rstrip() for line in body.split("\n") if line.strip()]
    while lines and lines[0] == f"# {title}":
        lines = lines[1:]
    return lines


def _mtime_to(path: Path, day: dt.date) -> None:
    stamp = dt.datetime.combine(day, dt.time(12)).timestamp()
    os.utime(path, (stamp, stamp))


@pytest.fixture
def samples(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    for sample in SAMPLES.glob("*.md"):
        target = folder / sample.name
        target.write_bytes(sample.read_bytes())
        _mtime_to(target, dt.date(2024, 10, 15))
    return folder


@pytest.mark.parametrize("flavor", ["jekyll", "obsidian"])
def test_samples_round_trip(samples, tmp_path, database, flavor):
    report = ImportService(database).import_paths([samples], group="Samples")
    assert report.failed == []
    assert report.counts == {"created": len(list(SAMPLES.glob("*.md")))}
    before = _structure(database)

    out = tmp_path / "out"
    result = ExportService(database).export(out, flavor=flavor)
    assert len(result.written) == len(before)

    second = open_database(f"sqlite:///{tmp_path / 'second.sqlite3'}")
    try:
        again = ImportService(second).import_paths([out], group="Samples")
        assert again.failed == []
        assert _structure(second) == before
    finally:
        second.dispose()


def test_every_source_line_is_in_the_export(samples, database):
    ImportService(database).import_paths([samples])
    sessions = SessionService(database)
    for summary in sessions.list_sessions():
        detail = sessions.get(summary.id)
        source = read_note_text(Path(detail.source_path))
        body = source.split("\n---\n", 1)[1] if source.startswith("---\n") else source
        exported = render_markdown(detail, "obsidian").splitlines()
        post = [line.rstrip() for line in render_markdown(detail, "jekyll").splitlines()]
        for line in body.splitlines():
            if line.strip():
                assert line in exported, f"{summary.title}: lost {line!r}"
                # The blog post: the title heading became its title.
                assert line.rstrip() in post or line == f"# {detail.title}", line


def test_reimport_changes_nothing(samples, database):
    service = ImportService(database)
    service.import_paths([samples])
    before = _structure(database)
    report = service.import_paths([samples])
    assert set(report.counts) == {"unchanged"}
    assert _structure(database) == before


def test_changed_file_updates_its_session_and_keeps_the_old_body(tmp_path, database):
    note = tmp_path / "24-11-26.md"
    note.write_text("# 스터디\n\n처음 메모\n- [ ] 할 일 📅 2024-11-30\n", encoding="utf-8")
    service = ImportService(database)
    first = service.import_paths([note]).outcomes[0]
    note.write_text(
        "# 스터디\n\n고친 메모\n- [x] 할 일 📅 2024-11-30 ✅ 2024-11-29\n", encoding="utf-8"
    )
    second = service.import_paths([note]).outcomes[0]
    assert second.status == "updated" and second.session_id == first.session_id
    detail = SessionService(database).get(first.session_id)
    assert detail.body == "# 스터디\n\n고친 메모\n- [x] 할 일 📅 2024-11-30 ✅ 2024-11-29"
    assert [item.task.done for item in detail.checklist] == [True]
    from sqlalchemy import select

    from studyapp.core import models

    with database.transaction() as orm:
        kept = orm.execute(
            select(models.NoteRevision.field, models.NoteRevision.reason).where(
                models.NoteRevision.content.contains("처음 메모")
            )
        ).all()
    assert [tuple(row) for row in kept] == [("body", "reimport")]


def test_dry_run_writes_nothing(samples, database):
    report = ImportService(database).import_paths([samples], dry_run=True)
    assert set(report.counts) == {"would create"}
    assert SessionService(database).count() == 0


def test_encodings_line_endings_and_nfd_are_normalized(tmp_path, database):
    nfd_title = unicodedata.normalize("NFD", "교사 모델 정리")
    (tmp_path / "250217.md").write_bytes(
        ("\ufeff# " + nfd_title + "\r\n\r\n- [ ] 민수님: 슬라이드 📅 2025-02-20\r\n").encode(
            "utf-8"
        )
    )
    (tmp_path / "0310.txt").write_bytes("회의 메모\n교사-학생 용량 차이\n".encode("cp949"))
    _mtime_to(tmp_path / "0310.txt", dt.date(2025, 4, 1))
    report = ImportService(database).import_paths([tmp_path], group="KD 스터디")
    assert report.failed == []
    sessions = SessionService(database)
    by_title = {s.title: sessions.get(s.id) for s in sessions.list_sessions()}
    first = by_title["교사 모델 정리"]
    assert first.date == dt.date(2025, 2, 17)
    assert "\r" not in first.body and "\ufeff" not in first.body
    assert first.checklist[0].task.assignee == "민수님"
    second = next(d for d in by_title.values() if d.date == dt.date(2025, 3, 10))
    assert "교사-학생" in second.body
    warnings = [w for o in report.outcomes for w in o.warnings]
    assert any("2025" in w for w in warnings)  # the year of 0310 was inferred, and it says so


def test_fenced_code_is_left_alone(tmp_path, database):
    (tmp_path / "2025-01-06.md").write_text(
        "# Sync\n\n```markdown\n## Alice: Fake (ICML 2024)\n- [ ] not a task\n```\n"
        "- [ ] real task\n",
        encoding="utf-8",
    )
    ImportService(database).import_paths([tmp_path])
    detail = SessionService(database).get(SessionService(database).list_sessions()[0].id)
    assert detail.presentations == ()
    assert [item.task.text for item in detail.checklist] == ["real task"]
    assert "- [ ] not a task" in detail.body


def test_binary_and_missing_files(tmp_path, database):
    (tmp_path / "photo.md").write_bytes(bytes(range(256)) * 8)
    report = ImportService(database).import_paths([tmp_path / "photo.md"])
    assert report.failed and "not a text file" in report.failed[0].message
    assert SessionService(database).count() == 0
    from studyapp.core.errors import ImportFileError

    with pytest.raises(ImportFileError, match="No such file"):
        ImportService(database).import_paths([tmp_path / "nope"])


def test_malformed_front_matter_is_a_warning_and_text_is_kept(tmp_path, database):
    (tmp_path / "2025-02-03.md").write_text(
        "---\ntitle: [unclosed\ntags: : :\n---\n본문 한 줄\n", encoding="utf-8"
    )
    report = ImportService(database).import_paths([tmp_path])
    outcome = report.outcomes[0]
    assert outcome.status == "created" and outcome.warnings
    detail = SessionService(database).get(outcome.session_id)
    assert "title: [unclosed" in detail.body and "본문 한 줄" in detail.body


def test_todos_across_sessions(samples, database):
    ImportService(database).import_paths([samples])
    todos = ChecklistService(database)
    every = todos.items()
    open_ones = todos.items(open_only=True)
    assert len(every) == 9
    assert all(not item.task.done for item in open_ones)
    assert {item.task.text for item in open_ones} >= {
        "set up the shared reading list",
        "데이터 증강 실험 정리",
    }
