"""A log of several meetings imports as a session per meeting, and again as the same ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from studyapp.core import models
from studyapp.core.services.imports import ImportService
from studyapp.core.services.sessions import SessionService

LOG = """\
---
title: KD 스터디 로그
created: 2025-02-20
---

# 0227 KD 스터디

## 동훈님 논문 - UCDR-Adapter (WACV 2025)
- 도메인 일반화

- [ ] 동훈: 코드 공유 📅 2025-03-05

# 0306 스터디

## 태윤님 논문 - Tiny Teachers (CVPR 2024)
- 작은 교사

# 0310 MUG

- [ ] 다음 발표자 정하기
"""


def _sessions(database) -> list[tuple]:
    with database.transaction() as orm:
        rows = orm.execute(
            select(
                models.Session.id,
                models.Session.date,
                models.Session.title,
                models.Session.source_part,
            ).order_by(models.Session.date)
        )
        return [tuple(row) for row in rows]


def _log(tmp_path: Path, text: str = LOG) -> Path:
    path = tmp_path / "000_ea40f3b2.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_log_imports_as_a_session_per_meeting(database, tmp_path):
    report = ImportService(database).import_paths([_log(tmp_path)])
    assert [(o.status, o.date, o.title) for o in report.outcomes] == [
        ("created", dt.date(2025, 2, 27), "0227 KD 스터디"),
        ("created", dt.date(2025, 3, 6), "0306 스터디"),
        ("created", dt.date(2025, 3, 10), "0310 MUG"),
    ]
    rows = _sessions(database)
    assert [row[3] for row in rows] == ["2025-02-27", "2025-03-06", "2025-03-10"]
    first = SessionService(database).get(rows[0][0])
    assert [p.presenter for p in first.presentations] == ["동훈님"]
    assert [item.task.text for item in first.checklist] == ["코드 공유"]
    assert first.body.startswith("# 0227 KD 스터디\n\n## 동훈님 논문")


def test_importing_a_log_again_is_idempotent_and_updates_only_the_meeting_that_changed(
    database, tmp_path
):
    service = ImportService(database)
    path = _log(tmp_path)
    service.import_paths([path])
    before = _sessions(database)
    assert [o.status for o in service.import_paths([path]).outcomes] == ["unchanged"] * 3

    changed = LOG.replace("- 작은 교사", "- 작은 교사\n- 추가한 줄")
    _log(tmp_path, changed + "\n# 0317 모임\n- 새 모임\n")
    report = service.import_paths([path])
    assert [o.status for o in report.outcomes] == ["unchanged", "updated", "unchanged", "created"]
    after = _sessions(database)
    assert after[:3] == before  # the same sessions, ids kept
    assert "추가한 줄" in SessionService(database).get(after[1][0]).body
    with database.transaction() as orm:
        kept = orm.scalars(
            select(models.NoteRevision.reason).where(models.NoteRevision.session_id == after[1][0])
        ).all()
    assert kept == ["reimport"]


def test_a_log_imported_whole_before_keeps_that_session_for_its_first_meeting(database, tmp_path):
    service = ImportService(database)
    path = _log(tmp_path)
    [whole] = service.import_paths([path], split=False).outcomes
    assert whole.status == "created" and whole.part is None
    report = service.import_paths([path])
    assert [o.status for o in report.outcomes] == ["updated", "created", "created"]
    assert report.outcomes[0].session_id == whole.session_id
    assert len(_sessions(database)) == 3


def test_a_dry_run_shows_the_meetings_and_writes_nothing(database, tmp_path):
    report = ImportService(database).import_paths([_log(tmp_path)], dry_run=True)
    assert [(o.status, o.date, o.part) for o in report.outcomes] == [
        ("would create", dt.date(2025, 2, 27), "2025-02-27"),
        ("would create", dt.date(2025, 3, 6), "2025-03-06"),
        ("would create", dt.date(2025, 3, 10), "2025-03-10"),
    ]
    assert _sessions(database) == []
