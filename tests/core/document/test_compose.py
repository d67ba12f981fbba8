"""Lines studyapp writes into a body: talk headings and attendance lines the parser reads."""

import pytest

from studyapp.core.document.compose import (
    attendance_line,
    attendance_matches,
    talk_heading,
    wikilink,
)
from studyapp.core.document.outline import derive
from studyapp.core.dto import PaperInfo
from studyapp.core.markdown.attendees import parse_attendees_line
from studyapp.core.markdown.headings import parse_presentation_heading

SCALING = PaperInfo(
    id=7, title="Scaling Laws for Retrieval", venue="arXiv 2501.01234", arxiv_id="2501.01234"
)


def test_talk_headings_carry_the_papers_link():
    assert talk_heading("Alice", SCALING, 1) == (
        "## Alice: [Scaling Laws for Retrieval](https://arxiv.org/abs/2501.01234)"
        " (arXiv 2501.01234)"
    )
    assert talk_heading("Bob", None, 2) == "## Presentation by Bob"
    assert talk_heading(None, None, 3) == "## Presentation 3"
    assert talk_heading(None, PaperInfo(id=8, title="Model Soups"), 4) == (
        "## Presentation 4: Model Soups"
    )
    assert talk_heading("Alice", PaperInfo(id=9, title="X", venue="ICML 2024"), 1, level=3) == (
        "### Alice: X (ICML 2024)"
    )


def test_obsidian_headings_use_wikilinks():
    assert talk_heading("Alice", SCALING, 1, wiki=True) == (
        "## [[Alice]]: [Scaling Laws for Retrieval](https://arxiv.org/abs/2501.01234)"
        " (arXiv 2501.01234)"
    )
    assert talk_heading("Bob", None, 2, wiki=True) == "## Presentation by [[Bob]]"
    soups = PaperInfo(id=8, title="Model Soups")
    assert talk_heading(None, soups, 4, wiki=True) == "## Presentation 4: [[Model Soups]]"


@pytest.mark.parametrize("wiki", [False, True])
def test_talk_headings_read_back_as_talks(wiki):
    headings = [
        talk_heading("Alice", SCALING, 1, wiki=wiki),
        talk_heading("Bob", None, 2, wiki=wiki),
        talk_heading(None, None, 3, wiki=wiki),
        talk_heading(None, PaperInfo(id=8, title="Model Soups"), 4, wiki=wiki),
    ]
    parsed = [parse_presentation_heading(h[3:]) for h in headings]
    assert [(p[0], p[1] and p[1].title) for p in parsed] == [
        ("Alice", "Scaling Laws for Retrieval"),
        ("Bob", None),
        (None, None),
        (None, "Model Soups"),
    ]
    body = "\n\n".join(headings)
    assert [t.heading for t in derive(body).talks] == headings


def test_link_characters_are_escaped_in_a_heading():
    paper = PaperInfo(id=1, title="A [b] c", url="https://x.org/a b(c)")
    heading = talk_heading("Alice", paper, 1)
    assert heading == "## Alice: [A \\[b\\] c](https://x.org/a%20b%28c%29)"
    assert derive(heading).talks[0].presenter == "Alice"


def test_wikilink():
    assert wikilink("민수님") == "[[민수님]]"
    assert wikilink("a|b#c^d") == "[[a b c d]]"
    assert wikilink("[[]]") == "[[]]"  # nothing left to link: the name as written


def test_attendance_line():
    assert attendance_line(("민수님",), ("서연님", "지호님")) == (
        "Attendees: 민수님 (absent: 서연님, 지호님)"
    )
    assert attendance_line(("민수님", "서연님"), ("하늘님",), wiki=True) == (
        "Attendees: [[민수님]], [[서연님]] (absent: [[하늘님]])"
    )
    assert attendance_line((), ("Eve",)) == "Attendees: (absent: Eve)"
    assert attendance_line((), ()) == ""


@pytest.mark.parametrize(
    ("present", "absent"),
    [(("Alice", "Bob"), ("Eve",)), (("민수님",), ()), ((), ("Eve",)), (("A B",), ("C",))],
)
def test_attendance_line_reads_back(present, absent):
    line = attendance_line(present, absent)
    assert attendance_matches(line, present, absent)
    assert parse_attendees_line(line) == (list(present), list(absent))
    assert derive(f"# T\n\n{line}").attendance.attendees == present


@pytest.mark.parametrize(
    ("raw", "present", "absent", "expected"),
    [
        (
            "Attendees: Alice, Bob, Chen, Dana (absent: Eve)",
            ("Alice", "Bob", "Chen", "Dana"),
            ("Eve",),
            True,
        ),
        ("Attendees: Alice, Bob (absent: Eve)", ("Alice",), ("Eve",), False),
        ("Attendees: Alice, Bob (absent: Eve)", ("Alice", "Bob", "Eve"), (), False),
        ("**참석자**: 민수님, 서연님; 불참: 지호님", ("서연님", "민수님"), ("지호님",), True),
        ("Attendees: Alice and Bob", ("Alice", "Bob"), (), True),
        ("Attendees: Alice, Al", ("Alice",), (), False),
        ("Attendees: [[Alice]] (absent: [[Eve]])", ("Alice",), ("Eve",), True),
        ("Present: the results of the ablation", (), (), False),
    ],
)
def test_attendance_matches(raw, present, absent, expected):
    assert attendance_matches(raw, present, absent) is expected
