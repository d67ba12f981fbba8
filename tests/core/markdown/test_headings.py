"""Presentation headings and attendees lines."""

import pytest

from studyapp.core.markdown.attendees import parse_attendees_line
from studyapp.core.markdown.document import PaperRef
from studyapp.core.markdown.headings import (
    parse_paper,
    parse_presentation_heading,
)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        (
            "민수님 논문 - Tiny Teachers (CVPR 2024)",
            ("민수님", PaperRef("Tiny Teachers", venue="CVPR 2024", year=2024)),
        ),
        ("지호님 발표", ("지호님", None)),
        (
            "동훈님 논문 - UCDR-Adapter (WACV 2025)",
            ("동훈님", PaperRef("UCDR-Adapter", venue="WACV 2025", year=2025)),
        ),
        (
            "Alice: Scaling Laws for Retrieval (arXiv 2501.01234)",
            (
                "Alice",
                PaperRef(title="Scaling Laws for Retrieval", arxiv_id="2501.01234", year=2025),
            ),
        ),
        (
            'Bob — "Sharpness-Aware Minimization Revisited" (ICML 2024)',
            (
                "Bob",
                PaperRef("Sharpness-Aware Minimization Revisited", venue="ICML 2024", year=2024),
            ),
        ),
        (
            "서연님 논문 - Prompted Retrieval (ICLR 2025 spotlight)",
            ("서연님", PaperRef("Prompted Retrieval", venue="ICLR 2025 spotlight", year=2025)),
        ),
        (
            "Kim Minsu: Title (NeurIPS 2023)",
            ("Kim Minsu", PaperRef("Title", venue="NeurIPS 2023", year=2023)),
        ),
        ("[Alice] Title", ("Alice", PaperRef("Title"))),
        ("[민수님] 증류 논문", ("민수님", PaperRef("증류 논문"))),
        ("민수 논문 - X", ("민수", PaperRef("X"))),
        ("민수님: X", ("민수님", PaperRef("X"))),
        ("민수씨의 발표", ("민수씨", None)),
        ("**민수님** 논문 - X ##", ("민수님", PaperRef("X"))),
        ("📄 지호님 발표", ("지호님", None)),
        (
            "Alice: [Great Paper](https://arxiv.org/abs/2401.00001v2)",
            (
                "Alice",
                PaperRef(
                    "Great Paper",
                    year=2024,
                    arxiv_id="2401.00001",
                    url="https://arxiv.org/abs/2401.00001v2",
                ),
            ),
        ),
        (
            "Alice: Some paper doi:10.1145/3292500.3330701",
            ("Alice", PaperRef("Some paper", doi="10.1145/3292500.3330701")),
        ),
        (
            "Alice: Some paper https://doi.org/10.1145/3292500.3330701.",
            (
                "Alice",
                PaperRef(
                    "Some paper",
                    doi="10.1145/3292500.3330701",
                    url="https://doi.org/10.1145/3292500.3330701.",
                ),
            ),
        ),
        (
            "Chen: arXiv:2501.01234",
            ("Chen", PaperRef("arXiv:2501.01234", year=2025, arxiv_id="2501.01234")),
        ),
        (
            "Jean-Luc Picard: Warp Theory, CVPR 2024",
            ("Jean-Luc Picard", PaperRef("Warp Theory", venue="CVPR 2024", year=2024)),
        ),
        ("발표자: 민수, 논문: X", ("민수", PaperRef("X"))),
        ("Presenter: Alice", ("Alice", None)),
        ("Alice: [[Attention Is All You Need]]", ("Alice", PaperRef("Attention Is All You Need"))),
    ],
)
def test_presentation_headings(heading, expected):
    assert parse_presentation_heading(heading) == expected


@pytest.mark.parametrize(
    "heading",
    [
        "1. 강의",
        "2. 피어세션",
        "멘토링",
        "Action items",
        "다음 주",
        "최신 논문 소개",
        "SegFormer 후속 연구",
        "우리 프로젝트",
        "Note: something",
        "Q&A: questions",
        "Summary: ...",
        "TODO",
        "회고",
        "Week 3: Transformers",
        "0310 리딩 그룹",
        "Transformers: Attention",
        "SegFormer - segmentation (NeurIPS 2021)",
        "교수님: 공지",
        "멘토님 피드백",
        "Results: x",
        "[CVPR 2024] Foo",
        "[TODO] x",
        "[공지] 일정",
        "Title (Alice)",
        "Optimal Transport",
        "",
        "Weekly paper club — 2025-01-20",
        "중간 발표",
        "최종 발표 - 팀 프로젝트",
        "Discussion: open Qs",
        "Key Takeaways: more",
        "Training: details",
        "Attendees: Alice, Bob",
        "BERT: pretraining",
        "Day 3: Diffusion",
        "Part 2 - Results",
        "Related Work",
        "References",
        "Paper: X (ICML 2024)",
        "[링크](https://example.com)",
        "#",
        "Introduction - Background (2024)",
        "Friday — Retrieval (ICML 2024)",
        "Spring Seminar: Diffusion (CVPR 2024)",
    ],
)
def test_ordinary_headings_are_not_presentations(heading):
    assert parse_presentation_heading(heading) is None


def test_known_people():
    assert parse_presentation_heading("Title (Alice)", ["Alice"]) == ("Alice", PaperRef("Title"))
    assert parse_presentation_heading("민수: X", ["민수"]) == ("민수", PaperRef("X"))
    assert parse_presentation_heading("X by Alice", ["Alice"]) == ("Alice", PaperRef("X"))
    assert parse_presentation_heading("alice - Paper", ["Alice"]) == ("Alice", PaperRef("Paper"))
    assert parse_presentation_heading("민수", ["민수님"]) == ("민수님", None)
    assert parse_presentation_heading("Transformers: Attention", ["Alice"]) is None


def test_parse_paper_leaves_plain_parentheses_in_the_title():
    assert parse_paper("A (very) good idea") == PaperRef("A (very) good idea")
    assert parse_paper("  ") is None
    assert parse_paper("“Quoted Title” [ICCV 2023]") == PaperRef(
        "Quoted Title", venue="ICCV 2023", year=2023
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Attendees: Alice, Bob, Chen, Dana (absent: Eve)",
            (["Alice", "Bob", "Chen", "Dana"], ["Eve"]),
        ),
        ("참석자: 민수, 서연, 지호 (불참: 하늘)", (["민수", "서연", "지호"], ["하늘"])),
        ("참석: 민수 / 서연 · 지호", (["민수", "서연", "지호"], [])),
        ("**Attendees**: A、B", (["A", "B"], [])),
        ("**참석자:** 민수, 서연", (["민수", "서연"], [])),
        ("- Present: Alice and Bob", (["Alice", "Bob"], [])),
        ("Participants: [[Alice]], @Bob; absent: Eve, Frank", (["Alice", "Bob"], ["Eve", "Frank"])),
        ("참석자: 민수(진행), 서연 (총 2명)", (["민수", "서연"], [])),
        ("Attendees: Kim Minsu, Lee Seoyeon", (["Kim Minsu", "Lee Seoyeon"], [])),
        ("참석: 민수, 서연, 정훈 (Alice 불참)", (["민수", "서연", "정훈"], ["Alice"])),
        ("Attendees: Alice, Bob (Chen, Dana absent)", (["Alice", "Bob"], ["Chen", "Dana"])),
    ],
)
def test_attendees_lines(line, expected):
    assert parse_attendees_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Attendees:",
        "Present: the results of the ablation",
        "참석: 이번 주는 다들 바빠서 못 왔다. 다음에 보자",
        "Alice, Bob",
        "- [ ] Attendees: x",
        "Note: attendees were late",
        "참석 여부: 미정?",
    ],
)
def test_not_attendees_lines(line):
    assert parse_attendees_line(line) is None


def test_a_latin_name_with_a_korean_talk_keyword_is_a_talk():
    assert parse_presentation_heading("Alice 논문 - Born-Again Neural Networks (ICML 2018)") == (
        "Alice",
        PaperRef("Born-Again Neural Networks", "ICML 2018", 2018),
    )
    assert parse_presentation_heading("Bob 발표") == ("Bob", None)
    assert parse_presentation_heading("Summary 논문 - X (ICML 2018)") is None


def test_a_known_persons_topic_is_their_talk_without_a_paper():
    # Without a keyword or separator, "민수님 프로젝트 업데이트" is a topic heading unless 민수
    # is someone known; the topic is not a paper, it stays in the heading.
    assert parse_presentation_heading("민수님 프로젝트 업데이트") is None
    assert parse_presentation_heading("민수님 프로젝트 업데이트", ["민수"]) == ("민수님", None)
    assert parse_presentation_heading("민수님 “Tiny Teachers” (CVPR 2024)", ["민수"]) == (
        "민수님",
        PaperRef("Tiny Teachers", "CVPR 2024", 2024),
    )
