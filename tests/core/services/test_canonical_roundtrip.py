"""Sessions made in the app (no imported text to fall back on) survive export and re-import."""

import datetime as dt

import pytest

from studyapp.core.db import open_database
from studyapp.core.markdown.document import PaperRef
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.exports import ExportService
from studyapp.core.services.imports import ImportService
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService


def _shape(database):
    sessions = SessionService(database)
    detail = sessions.get(sessions.list_sessions()[0].id)
    return {
        "title": detail.title,
        "date": detail.date,
        "start": detail.start_time,
        "kind": detail.kind,
        "status": detail.status,
        "tags": detail.tags,
        "attendees": detail.attendees,
        "absentees": detail.absentees,
        "body": detail.body,
        "presentations": [
            (
                p.presenter,
                p.paper
                and (p.paper.title, p.paper.venue, p.paper.year, p.paper.arxiv_id, p.paper.doi),
                p.notes,
                p.discussion,
            )
            for p in detail.presentations
        ],
        "checklist": [item.task for item in detail.checklist],
    }


@pytest.mark.parametrize("flavor", ["jekyll", "obsidian"])
def test_app_made_session_round_trips(database, tmp_path, flavor):
    sessions = SessionService(database)
    made = sessions.create(
        group="KD 스터디",
        title="3월 둘째 주: 증류 / distillation",
        date=dt.date(2025, 3, 10),
        start_time=dt.time(19, 0),
        timezone="+09:00",
        kind="paper review",
        tags=["증류", "review"],
        body="# 0310 리딩 그룹\n\n오늘은 **세 편**을 읽었다.",
    )
    sessions.set_attendees(made.id, ["민수님", "Alice"], ["Eve"])
    slots = PresentationService(database)
    first = slots.add(
        made.id, presenter="민수님", paper=PaperRef("Tiny Teachers", venue="CVPR 2024", year=2024)
    )
    # The talk's notes and discussion are typed under its heading.
    assert first.heading_raw is not None
    body = sessions.get(made.id).body
    under = (
        "1. 교사 모델이 작아도\n2. logit 대신 feature\n\n"
        "> 교사-학생 용량 차이?\n>\n> 우리 데이터셋에도?"
    )
    sessions.set_body(made.id, body.replace(first.heading_raw, f"{first.heading_raw}\n{under}"))
    slots.add(
        made.id,
        presenter="Alice",
        paper=PaperRef("Scaling Laws for Retrieval", arxiv_id="2501.01234", year=2025),
    )
    slots.add(made.id, presenter="지호님")
    todos = ChecklistService(database)
    todos.add(made.id, "민수님: Mixture of Depths 읽어오기 ⏫ 📅 2025-03-17")
    done = todos.add(made.id, "발표 순서 정하기")
    todos.set_done(done.id, True, today=dt.date(2025, 3, 10))
    before = _shape(database)
    assert [(p[0], p[2], p[3]) for p in before["presentations"]] == [
        (
            "민수님",
            "1. 교사 모델이 작아도\n2. logit 대신 feature",
            "교사-학생 용량 차이?\n\n우리 데이터셋에도?",
        ),
        ("Alice", "", ""),
        ("지호님", "", ""),
    ]
    assert (before["attendees"], before["absentees"]) == (("민수님", "Alice"), ("Eve",))
    assert [(item.text, item.done) for item in before["checklist"]] == [
        ("Mixture of Depths 읽어오기", False),
        ("발표 순서 정하기", True),
    ]

    out = tmp_path / "out"
    ExportService(database).export(out, flavor=flavor)
    second = open_database(f"sqlite:///{tmp_path / 'again.sqlite3'}")
    try:
        report = ImportService(second).import_paths([out], group="KD 스터디")
        assert report.failed == []
        assert _shape(second) == before
    finally:
        second.dispose()
