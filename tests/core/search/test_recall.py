"""Everything a user sees of an imported session is found, and the hit says where."""

import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from studyapp.core import models
from studyapp.core.papers.fields import PaperFields
from studyapp.core.services.imports import ImportService
from studyapp.core.services.papers import PaperService
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService

MEETING = """\
---
title: KD 스터디 3월 모임
date: 2025-03-10
tags: [멘토링, distillation]
location: 강남역 스터디카페
created_at: 2025-03-10 19:05:00 +09:00
dg-publish: true
---
# 3월 모임

- 참석: 태윤님, 동훈님 (불참: 지민님)

## 동훈님 논문 - Logit Standardization (CVPR 2024)

좋은 논문이었다.

- [ ] 슬라이드 정리하기 📅 2025-03-17
"""

FRONT_MATTER_PEOPLE = """\
---
title: 진로 이야기
date: 2025-03-12
참석자: [수빈님, Bob]
불참: [Carol]
---
오늘은 진로 이야기를 했다.
"""


@pytest.fixture
def imported(database, tmp_path: Path) -> dict[str, int]:
    """Two real Markdown files imported; a library paper with authors the heading names."""
    PaperService(database).add(
        PaperFields(
            title="Logit Standardization",
            authors=("Shangquan Sun", "Wenqi Ren"),
            venue="CVPR 2024",
            year=2024,
        )
    )
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2025-03-10-kd.md").write_text(MEETING, encoding="utf-8")
    (notes / "2025-03-12-career.md").write_text(FRONT_MATTER_PEOPLE, encoding="utf-8")
    report = ImportService(database).import_paths([notes])
    assert report.counts["created"] == 2
    listed = SessionService(database).list_sessions()
    return {session.title: session.id for session in listed}


def where(database, query: str) -> dict[int, str]:
    return {hit.session_id: hit.matched_in for hit in SearchService(database).search(query)}


@pytest.mark.parametrize(
    ("query", "title", "matched_in"),
    [
        ("KD 스터디", "KD 스터디 3월 모임", "title"),
        ("좋은 논문", "KD 스터디 3월 모임", "body"),
        ("태윤", "KD 스터디 3월 모임", "attendance"),
        ("태윤님", "KD 스터디 3월 모임", "attendance"),
        ("지민", "KD 스터디 3월 모임", "attendance"),
        ("수빈", "진로 이야기", "attendance"),
        ("Carol", "진로 이야기", "attendance"),
        ("멘토링", "KD 스터디 3월 모임", "tags"),
        ("distillation", "KD 스터디 3월 모임", "tags"),
        ("Shangquan", "KD 스터디 3월 모임", "paper"),
        ("Wenqi Ren", "KD 스터디 3월 모임", "paper"),
        ("동훈", "KD 스터디 3월 모임", "presenter"),
        ("슬라이드", "KD 스터디 3월 모임", "to-do"),
        ("강남역", "KD 스터디 3월 모임", "front matter"),
        ("스터디카페", "KD 스터디 3월 모임", "front matter"),
        # The dates and times the file says, as a scan of the file would find them.
        ("2025-03-10", "KD 스터디 3월 모임", "front matter"),
        ("19:05", "KD 스터디 3월 모임", "front matter"),
        ("2025-03-12", "진로 이야기", "front matter"),
    ],
)
def test_an_imported_note_is_found_by_what_it_shows(database, imported, query, title, matched_in):
    assert where(database, query) == {imported[title]: matched_in}


def test_the_venue_of_a_linked_paper_finds_its_session(database, imported):
    # The heading says CVPR 2024 as well: the paper and the body both hold it.
    assert where(database, "CVPR")[imported["KD 스터디 3월 모임"]] in {"paper", "body"}
    PaperService(database).update(
        _paper_id(database, "Logit Standardization"),
        PaperFields(title="Logit Standardization", venue="TPAMI", year=2025),
    )
    assert where(database, "TPAMI") == {imported["KD 스터디 3월 모임"]: "paper"}


def test_flags_and_the_front_matter_keys_are_not_search_words(database, imported):
    assert where(database, "true") == {}
    assert where(database, "location") == {}


def _paper_id(database, title: str) -> int:
    [row] = [row for row in PaperService(database).rows() if row.paper.title == title]
    return row.paper.id


def test_authors_edited_in_the_library_are_found_at_once(database, imported):
    paper_id = _paper_id(database, "Logit Standardization")
    assert where(database, "Hinton") == {}
    PaperService(database).update(
        paper_id,
        PaperFields(title="Logit Standardization", authors=("Geoffrey Hinton",), venue="CVPR"),
    )
    assert where(database, "Hinton") == {imported["KD 스터디 3월 모임"]: "paper"}
    assert where(database, "Shangquan") == {}


def test_attendance_and_tags_changed_are_found_and_the_old_ones_are_not(database, imported):
    sessions = SessionService(database)
    career = imported["진로 이야기"]
    sessions.set_attendees(career, ["하람님"], ["Dave"])
    assert where(database, "하람") == {career: "attendance"}
    assert where(database, "Dave") == {career: "attendance"}
    assert where(database, "Carol") == {}
    sessions.set_tags(career, ["커리어"])
    assert where(database, "커리어") == {career: "tags"}
    sessions.set_tags(career, [])
    assert where(database, "커리어") == {}


def test_a_person_renamed_is_found_by_the_new_name(database, imported):
    with database.transaction() as orm:
        orm.scalars(
            select(models.Person).where(models.Person.name == "Carol")
        ).one().name = "Caroline"
    assert where(database, "Caroline") == {imported["진로 이야기"]: "attendance"}


def test_a_log_of_meetings_finds_each_meeting_by_its_attendees(database, tmp_path):
    log = tmp_path / "log.md"
    log.write_text(
        textwrap.dedent(
            """\
            # 0303 KD 스터디

            참석: 민수, 서연

            첫 모임.

            # 0310 KD 스터디

            참석: 정훈 (서연 불참)

            둘째 모임.
            """
        ),
        encoding="utf-8",
    )
    ImportService(database).import_paths([log])
    titles = {hit.title: hit.matched_in for hit in SearchService(database).search("서연")}
    assert len(titles) == 2 and set(titles.values()) == {"attendance"}
    assert len(SearchService(database).search("정훈")) == 1
