"""derive: the talks, to-dos, attendance line and headings a body says, pointing at its lines."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.document.lines import split_body
from studyapp.core.document.outline import derive, parse_timing_line, talk_texts
from studyapp.core.markdown.document import PaperRef

BODY = """\
# 0310 스터디

Attendees: Alice, Bob (absent: Eve)

## Alice: Tiny Teachers (CVPR 2024)
⏱ 18:30 / 20:00
intro
### Details
deep
> why?
- [ ] Alice: share slides 📅 2025-03-17

## Bob: Soups (ICML 2024)
```
## Eve: Fake (ICML 2024)
- [ ] not a task
```
text
# 다음 주
- [ ] b
- [x] c ✅ 2025-03-10"""
LINES = BODY.split("\n")


def test_the_outline_points_at_the_bodys_own_lines():
    outline = derive(BODY, with_texts=True)
    assert outline.line_count == len(LINES)
    assert [LINES[t.line] for t in outline.talks] == [t.heading for t in outline.talks]
    assert [LINES[t.line] for t in outline.tasks] == [t.text for t in outline.tasks]
    assert LINES[outline.attendance.line] == outline.attendance.text
    assert [(h.line, h.level, h.text) for h in outline.headings] == [
        (0, 1, "0310 스터디"),
        (4, 2, "Alice: Tiny Teachers (CVPR 2024)"),
        (7, 3, "Details"),
        (12, 2, "Bob: Soups (ICML 2024)"),
        (18, 1, "다음 주"),
    ]


def test_talks_their_sections_and_what_is_under_them():
    alice, bob = derive(BODY, with_texts=True).talks
    # A deeper heading stays in the talk; the next heading of the same level ends it.
    assert (alice.line, alice.end, alice.level) == (4, 12, 2)
    assert (alice.presenter, alice.paper) == (
        "Alice",
        PaperRef("Tiny Teachers", venue="CVPR 2024", year=2024),
    )
    assert alice.notes == "intro\n### Details\ndeep\n- [ ] Alice: share slides 📅 2025-03-17"
    assert alice.discussion == "why?"
    assert (alice.duration_seconds, alice.timebox_minutes, alice.timing_at) == (1110, 20, 5)
    # A higher-level heading ends it too; the fenced "## Eve" is code, not a heading.
    assert (bob.line, bob.end, bob.presenter) == (12, 18, "Bob")
    assert bob.notes == "```\n## Eve: Fake (ICML 2024)\n- [ ] not a task\n```\ntext"
    assert bob.discussion == "" and bob.timing_at is None and bob.duration_seconds is None


@pytest.mark.parametrize(
    ("body", "ends"),
    [
        ("## Alice: X (ICML 2024)\na\n### Sub\nb\n## Other\nc", [(0, 4)]),
        ("## Alice: X (ICML 2024)\na\n# Top\nb", [(0, 2)]),
        ("### Alice: X (ICML 2024)\na\n## Other\nb", [(0, 2)]),
        ("### Alice: X (ICML 2024)\na\n### Bob: Y (ICML 2024)\nb", [(0, 2), (2, 4)]),
        ("## Alice: X (ICML 2024)\na\n#### deep\n### deeper\nb", [(0, 5)]),
        ("## Alice: X (ICML 2024)\n```\n# not a heading\n```\nb", [(0, 5)]),
        ("## Alice: X (ICML 2024)\n## Bob: Y (ICML 2024)\n", [(0, 1), (1, 3)]),
    ],
)
def test_a_talk_ends_at_the_next_heading_of_its_level_or_higher(body, ends):
    assert [(t.line, t.end) for t in derive(body).talks] == ends


def test_a_talk_heading_inside_a_talk_belongs_to_the_first():
    outline = derive(
        "## 민수님 발표\n### Bob: Inner (CVPR 2024)\nx\n## 서연님 발표\ny\n", with_texts=True
    )
    assert [t.presenter for t in outline.talks] == ["민수님", "서연님"]
    assert outline.talks[0].notes == "### Bob: Inner (CVPR 2024)\nx"


@pytest.mark.parametrize(
    "body",
    [
        "```markdown\n## Alice: Fake (ICML 2024)\n- [ ] not a task\nAttendees: A, B\n```",
        "~~~~\n```\n## Alice: Fake (ICML 2024)\n~~~\n- [ ] still code\n~~~~",
        "intro\n```python\n## Bob: X (ICML 2024)\n- [ ] no\nAttendees: A\n",  # never closed
    ],
)
def test_nothing_inside_a_code_fence_is_structure(body):
    outline = derive(body, ["Alice", "Bob"])
    assert outline.talks == () and outline.tasks == () and outline.headings == ()
    assert outline.attendance is None and outline.todo_heading is None


def test_a_fence_closes_and_what_follows_counts_again():
    outline = derive("```\n- [ ] code\n```\n- [ ] real\n## Alice: X (ICML 2024)\n")
    assert [t.text for t in outline.tasks] == ["- [ ] real"]
    assert [t.line for t in outline.talks] == [4]


def test_tasks_are_found_anywhere_with_their_fields():
    outline = derive(BODY)
    assert [(t.line, t.fields.text, t.fields.done) for t in outline.tasks] == [
        (10, "share slides", False),
        (19, "b", False),
        (20, "c", True),
    ]
    assert outline.tasks[0].fields.assignee == "Alice"
    assert outline.tasks[0].fields.due_date == dt.date(2025, 3, 17)
    assert outline.tasks[2].fields.done_date == dt.date(2025, 3, 10)
    nested = derive(
        "- item\n  - [ ] nested\n\t* [x] tab star\n1. [ ] numbered\n> - [ ] quoted\n- [] no"
    )
    assert [(t.line, t.fields.text) for t in nested.tasks] == [
        (1, "nested"),
        (2, "tab star"),
        (3, "numbered"),
        (4, "quoted"),  # the Tasks plugin reads tasks in block quotes and callouts
    ]
    assert derive("# - [ ] a heading\n").tasks == ()


def test_tasks_in_block_quotes_and_callouts_are_tasks():
    body = (
        "## Alice: X (ICML 2024)\n"
        "> [!todo] Follow-ups\n"
        "> - [ ] Alice: rerun the ablation 📅 2025-03-17\n"
        ">     - [/] nested in the callout\n"
        ">>> * [-] deeply quoted ❌ 2025-03-10\n"
        "> plain quote\n"
    )
    outline = derive(body, ["Alice"], with_texts=True)
    found = [(t.line, t.fields.text, t.fields.status_symbol) for t in outline.tasks]
    assert found == [
        (2, "rerun the ablation", " "),
        (3, "nested in the callout", "/"),
        (4, "deeply quoted", "-"),
    ]
    assert outline.tasks[0].fields.assignee == "Alice"
    # The lines stay the talk's discussion as well: the outline only points at them.
    assert "- [ ] Alice: rerun the ablation" in outline.talks[0].discussion


def test_the_attendance_line_is_the_first_outside_a_talk():
    outline = derive(BODY)
    assert (outline.attendance.line, outline.attendance.attendees) == (2, ("Alice", "Bob"))
    assert outline.attendance.absentees == ("Eve",)
    talk_first = "## Alice: X (ICML 2024)\nAttendees: A, B\n\n# Next\nAttendees: C\n"
    outline = derive(talk_first, with_texts=True)
    assert (outline.attendance.line, outline.attendance.attendees) == (4, ("C",))
    assert outline.talks[0].notes == "Attendees: A, B"  # inside a talk: its notes
    assert derive("Attendees: A\nAttendees: B\n").attendance.attendees == ("A",)
    assert derive("no one here\n").attendance is None


def test_todo_heading_is_the_first_section_of_only_to_dos():
    body = (
        "# T\n\nnotes\n\n## Mixed\n- [ ] a\ntext\n\n## 할 일\n- [ ] b\n\n- [x] c\n\n"
        "## More\n- [ ] d\n"
    )
    outline = derive(body)
    assert split_body(body)[outline.todo_heading] == "## 할 일"
    assert derive(BODY).todo_heading == 18  # "# 다음 주"
    assert derive("## Empty\n\n## Next\ntext").todo_heading is None  # no to-do in it
    assert derive("- [ ] loose\n").todo_heading is None


def test_the_title_heading_is_never_the_todo_heading():
    assert derive("# 다음 주 할 일\n- [ ] a\n").todo_heading is None
    assert derive("\n\n# 0310\n- [ ] a\n").todo_heading is None
    # A first heading of a lower level is a section heading, not the title.
    assert derive("## 할 일\n- [ ] a\n").todo_heading == 0


def test_known_people_and_known_talks():
    assert derive("## Project update\nx").talks == ()
    [talk] = derive("## Project update\nx", known_talks=["## Project update "]).talks
    assert (talk.presenter, talk.paper, talk.end) == (None, None, 2)
    [talk] = derive("## 민수 발표\n", known_people=["민수"]).talks
    assert talk.presenter == "민수"


@pytest.mark.parametrize(
    ("under", "timing"),
    [
        ("\n⏱ 18:30 / 20:00\n\nfirst point", (1110, 20)),
        ("⏱\ufe0f 1:02:03 / 1:30:00", (3723, 90)),
        ("first point\n\n⏱ 18:30 / 20:00", None),  # only the first line under the heading
        ("⏱ 18:30 / 20:30", None),  # a time box is whole minutes
        ("⏱ 18:30 of 20:00", None),
        ("```\n⏱ 18:30 / 20:00\n```", None),
    ],
)
def test_the_timing_line_is_the_first_line_under_a_talk(under, timing):
    [talk] = derive(f"## Alice: X (CVPR 2024)\n{under}\n", with_texts=True).talks
    found = (talk.duration_seconds, talk.timebox_minutes) if talk.timing_at else None
    assert found == timing
    if timing is None:
        assert "⏱" in talk.notes and talk.duration_seconds is None
    else:
        assert "⏱" not in talk.notes


def test_parse_timing_line():
    assert parse_timing_line("⏱ 18:30 / 20:00") == (1110, 20)
    assert parse_timing_line("⏱ 00:00 / 1:00:00") == (0, 60)
    assert parse_timing_line("⏱ 18:30 / 00:30") is None
    assert parse_timing_line("18:30 / 20:00") is None


def test_talk_at_and_talk_texts():
    outline = derive(BODY)
    assert [outline.talk_at(n) for n in (0, 4, 11, 12, 17, 18)] == [None, 0, 0, 1, 1, None]
    found = talk_texts(BODY, [t.heading for t in outline.talks] + ["## Gone"])
    full = derive(BODY, with_texts=True).talks
    assert found == [(t.notes, t.discussion) for t in full] + [("", "")]


def test_rows_only_outline_has_the_same_positions():
    rows = derive(BODY)
    full = derive(BODY, with_texts=True)
    assert [(t.line, t.end, t.heading, t.timing_at) for t in rows.talks] == [
        (t.line, t.end, t.heading, t.timing_at) for t in full.talks
    ]
    assert rows.tasks == full.tasks and rows.attendance == full.attendance


def test_windows_line_endings_count_as_lines():
    outline = derive("# A\r\n- [ ] windows line\r\n## Alice: X (ICML 2024)\r\nnote")
    assert [t.line for t in outline.tasks] == [1] and outline.talks[0].line == 2
    # A form feed or U+2028 inside a line is not a line break.
    assert derive("a\x0cb\u2028c\n- [ ] x").tasks[0].line == 1


_LINE = st.sampled_from(
    [
        "# T",
        "## Alice: X (ICML 2024)",
        "### Bob: Y (CVPR 2024)",
        "## Other",
        "### Sub",
        "⏱ 01:00 / 20:00",
        "> q",
        ">",
        "- [ ] a",
        "  - [x] b ✅ 2025-01-02",
        "Attendees: Alice (absent: Eve)",
        "```",
        "~~~",
        "",
        "text",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=25))
def test_talks_do_not_overlap_and_each_ends_at_a_heading(lines):
    body = "\n".join(lines)
    outline = derive(body)
    heads = {h.line: h.level for h in outline.headings}
    previous_end = 0
    for talk in outline.talks:
        assert previous_end <= talk.line < talk.end <= outline.line_count
        assert heads[talk.line] == talk.level
        # Inside: only deeper headings; at its end: a heading of its level or higher.
        assert all(heads[n] > talk.level for n in heads if talk.line < n < talk.end)
        assert talk.end == outline.line_count or heads[talk.end] <= talk.level
        previous_end = talk.end
    assert all(lines[t.line] == t.text for t in outline.tasks)


def test_people_named_in_the_notes_attendance_are_known_for_its_headings():
    body = "# 0310 MUG\n\n참석: 민수, 서연\n\n## 민수님 프로젝트 업데이트\n- baseline 재현\n"
    [talk] = derive(body).talks
    assert (talk.presenter, talk.paper) == ("민수님", None)
    assert derive("## 민수님 프로젝트 업데이트\n- baseline 재현\n").talks == ()
