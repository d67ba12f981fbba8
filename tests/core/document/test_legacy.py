"""The body the database migration composes from the fields older versions kept apart."""

import dataclasses
import datetime as dt

import pytest

from studyapp.core.document.legacy import LegacyItem, LegacySession, LegacySlot, compose
from studyapp.core.document.outline import derive
from studyapp.core.dto import PaperInfo
from studyapp.core.markdown.clock import timing_line
from studyapp.core.tasks import TaskFields, parse_task_line

TASK_LINES = (
    "- [ ] 민수님: Mixture of Depths 읽어오기 📅 2025-03-17",
    "- [x] 발표 순서 정하기 ✅ 2025-03-10",
)


def _session(**changes) -> LegacySession:
    base = LegacySession(
        title="Vision reading group 250310",
        notes="# 0310 리딩 그룹\n\n오늘은 세 편을 읽었다.\n",
        attendees=("민수님", "서연님", "지호님"),
        absentees=("하늘님",),
        attendees_raw="참석: 민수님, 서연님, 지호님 (불참: 하늘님)",
        slots=(
            LegacySlot(
                presenter="민수님",
                paper=PaperInfo(id=1, title="Tiny Teachers", venue="CVPR 2024"),
                heading_raw="## 민수님 논문 - Tiny Teachers (CVPR 2024)",
                notes="1. 교사 모델이 작아도 학생 성능이 유지되는 조건\n2. 실험은 ImageNet-1k",
                discussion="교사-학생 용량 차이가 클 때도 같은 결론이 나올지?\n\n적용?",
                duration_seconds=None,
                timebox_minutes=None,
            ),
            LegacySlot(
                presenter="서연님",
                paper=PaperInfo(id=2, title="Prompted Retrieval", venue="ICLR 2025 spotlight"),
                heading_raw=None,
                notes="1. 검색된 상위 K 문서를 프롬프트에 같이 넣어 환각을 줄임",
                discussion="",
                duration_seconds=None,
                timebox_minutes=None,
            ),
        ),
        items=tuple(LegacyItem(parse_task_line(line), line) for line in TASK_LINES),
        checklist_heading="# 다음 주",
    )
    return dataclasses.replace(base, **changes)


def test_blocks_in_the_old_export_order():
    composed = compose(_session())
    assert composed.body == (
        "# 0310 리딩 그룹\n\n"
        "참석: 민수님, 서연님, 지호님 (불참: 하늘님)\n\n"
        "오늘은 세 편을 읽었다.\n\n"
        "## 민수님 논문 - Tiny Teachers (CVPR 2024)\n\n"
        "1. 교사 모델이 작아도 학생 성능이 유지되는 조건\n2. 실험은 ImageNet-1k\n\n"
        "> 교사-학생 용량 차이가 클 때도 같은 결론이 나올지?\n>\n> 적용?\n\n"
        "## 서연님: Prompted Retrieval (ICLR 2025 spotlight)\n\n"
        "1. 검색된 상위 K 문서를 프롬프트에 같이 넣어 환각을 줄임\n\n"
        "# 다음 주\n\n"
        f"{TASK_LINES[0]}\n{TASK_LINES[1]}"
    )
    assert composed.headings == (
        "## 민수님 논문 - Tiny Teachers (CVPR 2024)",
        "## 서연님: Prompted Retrieval (ICLR 2025 spotlight)",
    )
    assert composed.task_lines == TASK_LINES


def test_the_composed_body_reads_back_as_the_old_rows():
    session = _session()
    composed = compose(session)
    outline = derive(composed.body, with_texts=True)
    assert [t.heading for t in outline.talks] == list(composed.headings)
    assert [(t.notes, t.discussion) for t in outline.talks] == [
        (slot.notes, slot.discussion) for slot in session.slots
    ]
    assert [t.text for t in outline.tasks] == list(TASK_LINES)
    assert outline.attendance.text == session.attendees_raw
    lines = composed.body.split("\n")
    assert lines[outline.todo_heading] == "# 다음 주"


def test_attendance_line_verbatim_or_rebuilt():
    assert "\n참석: 민수님, 서연님, 지호님 (불참: 하늘님)\n" in compose(_session()).body
    stale = _session(attendees=("민수님",), absentees=("서연님", "지호님", "하늘님"))
    assert "\nAttendees: 민수님 (absent: 서연님, 지호님, 하늘님)\n" in compose(stale).body
    untitled = compose(_session(attendees_raw=None, notes="no title heading")).body
    assert untitled.startswith(
        "Attendees: 민수님, 서연님, 지호님 (absent: 하늘님)\n\nno title heading\n"
    )
    nobody = compose(_session(attendees=(), absentees=(), attendees_raw=None)).body
    assert "Attendees" not in nobody and "참석" not in nobody


def test_task_lines_use_the_source_line_only_while_accurate():
    first = _session().items[0]
    done = dataclasses.replace(
        first, task=dataclasses.replace(first.task, done=True, done_date=dt.date(2025, 3, 16))
    )
    composed = compose(_session(items=(done, _session().items[1])))
    assert composed.task_lines == (
        "- [x] 민수님: Mixture of Depths 읽어오기 📅 2025-03-17 ✅ 2025-03-16",
        TASK_LINES[1],
    )
    assert TASK_LINES[0] not in composed.body


def test_todo_heading_defaults_by_language():
    assert "\n## 할 일\n\n- [ ] 민수님" in compose(_session(checklist_heading=None)).body
    english = _session(
        checklist_heading=None,
        notes="We read three papers today.",
        slots=(),
        items=(LegacyItem(TaskFields(text="send slides", assignee="Alice"), None),),
    )
    assert compose(english).body.endswith("## Action items\n\n- [ ] Alice: send slides")
    assert "할 일" not in compose(_session(items=(), checklist_heading=None)).body
    # A heading the user kept without to-dos under it stays.
    assert compose(_session(items=())).body.endswith("\n\n# 다음 주")


def _timed(duration, timebox=None):
    first, second = _session().slots
    timed = dataclasses.replace(first, duration_seconds=duration, timebox_minutes=timebox)
    return _session(slots=(timed, second))


def test_timing_line_follows_the_slot_heading():
    body = compose(_timed(18 * 60 + 30, 20)).body
    assert "## 민수님 논문 - Tiny Teachers (CVPR 2024)\n\n⏱ 18:30 / 20:00\n\n1. 교사" in body
    assert body.count("⏱") == 1  # the untimed slot has none
    talk = derive(body, with_texts=True).talks[0]
    assert (talk.duration_seconds, talk.timebox_minutes) == (18 * 60 + 30, 20)
    assert "⏱" not in talk.notes


@pytest.mark.parametrize(
    ("duration", "timebox", "line"),
    [
        (0, None, "⏱ 00:00 / 20:00"),  # no time box of its own: the default
        (65, 5, "⏱ 01:05 / 05:00"),
        (3600 + 62, 90, "⏱ 1:01:02 / 1:30:00"),
    ],
)
def test_timing_line_format(duration, timebox, line):
    assert timing_line(duration, timebox) == line
    assert f"\n{line}\n" in compose(_timed(duration, timebox)).body


def test_untimed_slot_has_no_timing_line():
    assert timing_line(None, 25) == ""
    assert "⏱" not in compose(_timed(None, 25)).body


def test_notes_are_verbatim_and_an_open_fence_is_closed():
    notes = "  indented line  \n\n\n```python\nprint('## not a heading')"
    body = compose(_session(notes=notes)).body
    assert body.startswith(
        "참석: 민수님, 서연님, 지호님 (불참: 하늘님)\n\n"
        "  indented line  \n\n\n```python\nprint('## not a heading')\n```\n\n## 민수님"
    )
    assert derive(body).talks[0].heading.startswith("## 민수님")
