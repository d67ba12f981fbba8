"""A log of several meetings in one file splits into one note per dated meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.markdown.meetings import parse_meetings

D = dt.date
# A copy of the shared samples' log, so the test runs wherever the repository is cloned.
LOGS = Path(__file__).parents[2] / "fixtures" / "logs"
FILE_DATE = D(2026, 11, 23)


def _split(text: str, **options) -> list:
    options.setdefault("file_name", "log.md")
    options.setdefault("file_date", FILE_DATE)
    options.setdefault("context_year", FILE_DATE.year)
    return parse_meetings(text, **options)


def _written(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


PAPER_LOG = """\
# 250217 KD 논문 리뷰

첫 모임: 발표 순서 정함

# 0227 KD 스터디

## 동훈님 논문 - UCDR-Adapter (WACV 2025)
- 도메인 일반화

- [ ] 동훈: 코드 공유 📅 2025-03-05

# 0306 스터디

## 태윤님 논문 - Tiny Teachers (CVPR 2024)
- 작은 교사

# 0310 MUG

## 동훈님 논문 - Logit Standardization (CVPR 2024)
> 질문: 온도는?
"""


def test_a_paper_review_log_is_a_note_per_meeting_dated_in_the_titles_year():
    parts = _split(PAPER_LOG, file_name="000_ea40f3b2.txt")
    assert [(p.date, p.title) for p in parts] == [
        (D(2025, 2, 17), "250217 KD 논문 리뷰"),
        (D(2025, 2, 27), "0227 KD 스터디"),
        (D(2025, 3, 6), "0306 스터디"),
        (D(2025, 3, 10), "0310 MUG"),
    ]
    assert [[t.presenter for t in p.presentations] for p in parts] == [
        [],
        ["동훈님"],
        ["태윤님"],
        ["동훈님"],
    ]
    assert [len(p.tasks) for p in parts] == [0, 1, 0, 0]
    assert parts[1].body.startswith("# 0227 KD 스터디\n\n## 동훈님 논문")
    assert _written("\n".join(p.body for p in parts)) == _written(PAPER_LOG)
    assert len({p.part for p in parts}) == 4


def test_the_shared_log_sample_splits_with_its_cover_page():
    text = (LOGS / "kd-study-log-2025-spring.md").read_text(encoding="utf-8")
    parts = _split(text, file_name="kd-study-log-2025-spring.md")
    assert [(p.part, p.date, p.title) for p in parts] == [
        ("cover", D(2025, 3, 2), "KD 스터디 로그 2025 봄"),  # created the day before
        ("2025-03-03", D(2025, 3, 3), "0303 KD 스터디"),
        ("2025-03-10", D(2025, 3, 10), "0310 MUG"),
        ("2025-03-17", D(2025, 3, 17), "0317 스터디"),
    ]
    assert parts[2].attendees == ["민수", "서연", "정훈"] and parts[2].absentees == ["Alice"]
    assert [len(p.presentations) for p in parts] == [0, 2, 2, 1]
    assert all(p.tags == ["review", "log"] and p.timezone == "+09:00" for p in parts)


def test_iso_dated_second_level_headings_under_a_title():
    text = "# Reading group\n\n## 2025-03-10\n- a\n\n## 2025-03-17\n- b\n"
    parts = _split(text)
    assert [(p.date, p.title) for p in parts] == [
        (D(2025, 3, 10), "Reading group 2025-03-10"),
        (D(2025, 3, 17), "Reading group 2025-03-17"),
    ]
    # Only the title came before the first meeting: it stays at the top of the first.
    assert parts[0].body.startswith("# Reading group\n\n## 2025-03-10")


def test_year_less_dates_roll_over_december_to_january():
    text = "---\ncreated: 2024-11-30\n---\n# 1209 모임\nA\n# 1223 모임\nB\n# 0106 모임\nC\n"
    assert [p.date for p in _split(text)] == [D(2024, 12, 9), D(2024, 12, 23), D(2025, 1, 6)]


def test_a_log_kept_newest_first_rolls_back():
    text = "---\ncreated: 2025-01-20\n---\n# 0113 모임\nA\n# 0106 모임\nB\n# 1223 모임\nC\n"
    assert [p.date for p in _split(text)] == [D(2025, 1, 13), D(2025, 1, 6), D(2024, 12, 23)]


def test_two_meetings_on_one_day_get_their_own_keys():
    text = "# 2025-03-10 오전\nA\n# 2025-03-10 오후\nB\n# 2025-03-11\nC\n"
    assert [p.part for p in _split(text)] == ["2025-03-10", "2025-03-10-2", "2025-03-11"]


def test_a_single_meeting_is_not_split():
    for text in [
        "# 0310 스터디\n## 1. 강의\n- 복습\n## 2. 피어세션\n- 앙상블\n",
        "## Alice: Scaling Laws (arXiv 2502.08606)\n## 서연님 논문 - KD (CVPR 2024)\n",
        "# 2025 추계 학술대회\n## 2024 회고\n",  # years alone are not meeting dates
        "# 0310 모임\nA\n# 0310 모임 (계속)\nB\n",  # one date twice: one meeting
    ]:
        [note] = _split(text)
        assert note.part is None


def test_no_split_keeps_one_note():
    [note] = _split(PAPER_LOG, split=False)
    assert note.part is None and len(note.presentations) == 3


def test_headings_in_code_are_not_meetings():
    text = "# 0303 모임\nA\n```\n# 0310 not a heading\n```\n"
    [note] = _split(text)
    assert note.part is None


_HEADINGS = st.sampled_from(["# 0303 모임", "# 0310 MUG", "## 2025-03-17", "# 메모", "텍스트"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_HEADINGS, st.text(max_size=30)), max_size=25))
def test_a_split_keeps_every_line_in_order(lines):
    text = "\n".join(lines)
    parts = _split(text)
    whole = _split(text, split=False)[0]
    assert _written("\n".join(p.body for p in parts)) == _written(whole.body)


def test_a_title_line_alone_before_the_meetings_opens_the_first_one():
    text = "250217 KD 논문 리뷰\n\n# 0227 KD 스터디\n- a\n\n# 0306 스터디\n- b\n"
    parts = _split(text, file_name="000_ea40f3b2.txt")
    assert [(p.date, p.title) for p in parts] == [
        (D(2025, 2, 27), "0227 KD 스터디"),
        (D(2025, 3, 6), "0306 스터디"),
    ]
    assert parts[0].body.startswith("250217 KD 논문 리뷰\n\n# 0227 KD 스터디")
