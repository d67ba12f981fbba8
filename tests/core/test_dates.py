"""Dates in titles, file names and headings; front matter date values."""

import datetime as dt
import time

import pytest

from studyapp.core.dates import DateFound, find_date, parse_datetime_value, parse_time_text

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected", "matched"),
    [
        ("2025-03-10", D(2025, 3, 10), "2025-03-10"),
        ("2025.03.10 회의", D(2025, 3, 10), "2025.03.10"),
        ("2025/03/10", D(2025, 3, 10), "2025/03/10"),
        ("2025-3-9", D(2025, 3, 9), "2025-3-9"),
        ("2025. 3. 10. 스터디", D(2025, 3, 10), "2025. 3. 10."),
        ("notes_20250310", D(2025, 3, 10), "20250310"),
        ("250217", D(2025, 2, 17), "250217"),
        ("24-11-26", D(2024, 11, 26), "24-11-26"),
        ("24.11.26 멘토링", D(2024, 11, 26), "24.11.26"),
        ("2025년 3월 10일 회의록", D(2025, 3, 10), "2025년 3월 10일"),
        ("25년 3월 10일", D(2025, 3, 10), "25년 3월 10일"),
        ("Mar 10, 2025", D(2025, 3, 10), "Mar 10, 2025"),
        ("Meeting on March 10th, 2025", D(2025, 3, 10), "March 10th, 2025"),
        ("10 March 2025", D(2025, 3, 10), "10 March 2025"),
        ("Sept. 3 2024", D(2024, 9, 3), "Sept. 3 2024"),
        ("2025-03-10-reading-group", D(2025, 3, 10), "2025-03-10"),
        ("weekly-sync-2025-01-20", D(2025, 1, 20), "2025-01-20"),
        ("Vision reading group 250310", D(2025, 3, 10), "250310"),
        ("2025-03-10T19:05", D(2025, 3, 10), "2025-03-10"),
    ],
)
def test_explicit_dates(text, expected, matched):
    assert find_date(text, context_year=None) == DateFound(expected, False, matched)


@pytest.mark.parametrize(
    ("text", "expected", "matched"),
    [
        ("0310", D(2024, 3, 10), "0310"),
        ("# 0310 리딩 그룹", D(2024, 3, 10), "0310"),
        ("meeting-0310", D(2024, 3, 10), "0310"),
        ("3/10 sync", D(2024, 3, 10), "3/10"),
        ("3월 10일 회의", D(2024, 3, 10), "3월 10일"),
        ("May 5", D(2024, 5, 5), "May 5"),
        ("12 Dec", D(2024, 12, 12), "12 Dec"),
    ],
)
def test_year_less_dates_take_the_context_year(text, expected, matched):
    found = find_date(text, context_year=2024)
    assert found is not None
    assert (found.date, found.year_inferred, found.matched) == (expected, True, matched)
    # Bare numbers are dates in a title but too weak to trust in running text.
    assert found.bare == (matched in {"0310", "3/10"})
    assert find_date(text, context_year=None) is None


@pytest.mark.parametrize(
    "text",
    [
        "Boostcamp AI Tech (Day 052)",
        "Day 052",
        "mAP 0.02 상승",
        "300 epoch",
        "ImageNet-1k, 300 epoch",
        "arXiv 2501.01234",
        "arxiv:2401.00001v2",
        "2501.01234",
        "v1.12.3",
        "version 10.12.25",
        "Python 3.11.2",
        "batch 1024",
        "1024 tokens",
        "batch 256에서",
        "ResNet152",
        "conference-2024-fall",
        "2024",
        "1300",
        "0230",
        "13/45",
        "10.1145/3292500.3330701",
        "https://x.org/2025/03/10/post",
        "192.168.10.10",
        "may 5 people came",
        "March 2025",
        "25년도",
        "#1024",
        "1/2 of them",
        "2025-13-01",
        "2025-02-30",
        "Week 3: Transformers",
        "step 0310",
        "0310개",
        "0310px",
    ],
)
def test_not_dates(text):
    assert find_date(text, context_year=2025) is None


def test_most_explicit_wins():
    found = find_date("0310 recap of 2025-03-09", context_year=2024)
    assert found == DateFound(D(2025, 3, 9), False, "2025-03-09")
    assert find_date("250217 then 0310", context_year=2024).date == D(2025, 2, 17)


def test_leap_day_needs_a_leap_context_year():
    assert find_date("0229", context_year=2024).date == D(2024, 2, 29)
    assert find_date("0229", context_year=2025) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D(2024, 10, 29), (D(2024, 10, 29), None, None)),
        (dt.datetime(2025, 3, 10, 19, 5), (D(2025, 3, 10), dt.time(19, 5), None)),
        (
            dt.datetime(2025, 3, 10, 19, 5, tzinfo=dt.timezone(dt.timedelta(hours=9))),
            (D(2025, 3, 10), dt.time(19, 5), "+09:00"),
        ),
        (dt.datetime(2025, 3, 10, 19, 5, tzinfo=dt.UTC), (D(2025, 3, 10), dt.time(19, 5), "UTC")),
        ("2025-03-10 19:05:00 +09:00", (D(2025, 3, 10), dt.time(19, 5), "+09:00")),
        ("2025-03-10T19:05", (D(2025, 3, 10), dt.time(19, 5), None)),
        ("2025-03-10T19:05:30Z", (D(2025, 3, 10), dt.time(19, 5, 30), "UTC")),
        ("2025-03-10 19:05 -0530", (D(2025, 3, 10), dt.time(19, 5), "-05:30")),
        ("2025-03-10", (D(2025, 3, 10), None, None)),
        ("March 10, 2025 7:05 PM", (D(2025, 3, 10), dt.time(19, 5), None)),
        ("2025년 3월 10일 오후 7시", (D(2025, 3, 10), dt.time(19, 0), None)),
        (20250310, (D(2025, 3, 10), None, None)),
    ],
)
def test_parse_datetime_value(value, expected):
    assert parse_datetime_value(value) == expected


@pytest.mark.parametrize(
    "value", ["junk", "", "2025-02-30", None, True, [2025], {"a": 1}, 3.5, "0310"]
)
def test_parse_datetime_value_refuses(value):
    assert parse_datetime_value(value) is None


def test_datetime_with_a_named_zone():
    from zoneinfo import ZoneInfo

    value = dt.datetime(2025, 3, 10, 19, 5, tzinfo=ZoneInfo("Asia/Seoul"))
    assert parse_datetime_value(value) == (D(2025, 3, 10), dt.time(19, 5), "Asia/Seoul")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19:05", dt.time(19, 5)),
        ("7:05 pm", dt.time(19, 5)),
        ("12:30 AM", dt.time(0, 30)),
        ("오후 7시 30분", dt.time(19, 30)),
        ("오전 10시 반", dt.time(10, 30)),
        ("25:00", None),
        ("no time", None),
    ],
)
def test_parse_time_text(text, expected):
    assert parse_time_text(text) == expected


def test_many_bare_numbers_in_a_long_text_are_judged_by_their_neighbours_only():
    # Each bare number's context used to be a copy of all the text before it, searched from
    # its start: minutes for a note written as one line.
    text = "회의 0310 메모 " * 30_000
    # This thread's CPU time: a guard against the quadratic case that a busy machine
    # does not trip (speed itself is measured under benchmarks/).
    started = time.thread_time()
    found = find_date(text, context_year=2025)
    assert time.thread_time() - started < 10
    assert found is not None and found.date == dt.date(2025, 3, 10)
