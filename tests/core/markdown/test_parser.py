"""parse_note: metadata, presentations, tasks and notes; and nothing of the text is lost."""

import datetime as dt
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.document.lines import split_body
from studyapp.core.document.outline import derive
from studyapp.core.markdown.document import PaperRef
from studyapp.core.markdown.frontmatter import split_front_matter
from studyapp.core.markdown.parser import parse_note, parse_timing_line
from studyapp.core.markdown.reading import read_note_text

SAMPLES = Path(__file__).parents[2] / "fixtures" / "samples"
FILE_DATE = dt.date(2024, 10, 15)


def _sample(name, **kwargs):
    text = read_note_text(SAMPLES / name)
    kwargs.setdefault("context_year", 2024)
    kwargs.setdefault("file_date", FILE_DATE)
    return parse_note(text, file_name=name, **kwargs)


def _parse(text, name="note.md", **kwargs):
    kwargs.setdefault("file_date", FILE_DATE)
    return parse_note(text, file_name=name, **kwargs)


def _trimmed(lines):
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _quoted(body_counter, used, line):
    """The body line a discussion line came from: ``> line`` or ``>line``."""
    for prefix in ("> ", ">"):
        if body_counter[prefix + line] > used[prefix + line]:
            return prefix + line
    raise AssertionError(f"discussion line {line!r} matches no quote")


def _blank(line):
    return line.strip() in {"", ">"}  # a bare ">" is a blank line of the discussion


def _check_talk(lines, talk, presentation):
    """Every line under the heading is in the talk's notes or discussion (or is its timing
    line); the notes keep their order."""
    section = lines[talk.line + 1 : talk.end]
    if talk.timing_at is not None:
        assert parse_timing_line(section[talk.timing_at - talk.line - 1]) == (
            presentation.duration_seconds,
            presentation.timebox_minutes,
        )
        section[talk.timing_at - talk.line - 1] = ""
    body_counter = Counter(line for line in section if not _blank(line))
    held = Counter(line for line in presentation.notes.split("\n") if not _blank(line))
    for line in presentation.discussion.split("\n"):
        if line.strip():
            held[_quoted(body_counter, held, line)] += 1
    assert held == body_counter, (f"lost {body_counter - held}", f"extra {held - body_counter}")
    rest = iter(section)
    notes = presentation.notes.split("\n") if presentation.notes else []
    assert all(any(line == text for text in rest) for line in notes), "notes out of order"


def assert_lossless(text, note, known_people=()):
    """The body is the text after the front matter, as written; the structure points at
    its lines; the front matter keeps its raw lines."""
    front, body, _warnings = split_front_matter(text)
    lines = _trimmed(split_body(body))
    assert note.body == "\n".join(lines)
    assert note.front_matter == front
    for line in split_body(text):
        if line.strip() and front.format != "json":
            in_front = any(line in raw.split("\n") for _, raw in front.blocks)
            assert in_front or line in lines or line.rstrip() in {"---", "..."}, line
    if front.format == "yaml":
        content = text.split("\n", 1)[1]
        assert content.startswith("\n".join(raw for _, raw in front.blocks))
    outline = derive(note.body, known_people, with_texts=True)
    assert [p.heading_raw for p in note.presentations] == [t.heading for t in outline.talks]
    for talk, presentation in zip(outline.talks, note.presentations, strict=True):
        assert lines[talk.line] == presentation.heading_raw
        assert (presentation.notes, presentation.discussion) == (talk.notes, talk.discussion)
        _check_talk(lines, talk, presentation)
    assert [t.source_line for t in note.tasks] == [lines[t.line] for t in outline.tasks]
    if note.attendees_raw is not None:
        assert note.attendees_raw == lines[outline.attendance.line]


# ---- samples ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.md")))
def test_samples_are_lossless(name):
    text = read_note_text(SAMPLES / name)
    assert_lossless(text, _sample(name))


def test_reading_group_sample():
    note = _sample("2025-03-10-reading-group.md")
    assert (note.date, note.start_time, note.timezone) == (
        dt.date(2025, 3, 10),
        dt.time(19, 5),
        "+09:00",
    )
    assert note.title == "Vision reading group 250310"
    assert note.kind == "paper review"
    assert note.tags == ["review", "distillation"]
    assert [(p.presenter, p.paper) for p in note.presentations] == [
        ("민수님", PaperRef("Tiny Teachers", venue="CVPR 2024", year=2024)),
        ("서연님", PaperRef("Prompted Retrieval", venue="ICLR 2025 spotlight", year=2025)),
        ("지호님", None),
    ]
    first = note.presentations[0]
    assert first.discussion == (
        "교사-학생 용량 차이가 클 때도 같은 결론이 나올지?\n"
        "우리 데이터셋(의료 영상)에 적용해볼 수 있을까?"
    )
    assert first.notes.startswith("1. 교사 모델이") and first.notes.endswith("300 epoch")
    assert len(note.tasks) == 2 and note.tasks[0].fields.assignee == "민수님"
    assert [t.source_line for t in note.tasks] == [
        "- [ ] 민수님: Mixture of Depths 읽어오기 📅 2025-03-17",
        "- [x] 발표 순서 정하기 ✅ 2025-03-10",
    ]
    lines = note.body.split("\n")
    assert lines[0] == "# 0310 리딩 그룹" and lines[-3] == "# 다음 주"
    assert lines[derive(note.body).todo_heading] == "# 다음 주"
    # The third talk ends at the "# 다음 주" heading, which is not part of it.
    assert note.presentations[2].notes.endswith("너무 쉬운 task일 수 있음")
    assert note.created == dt.datetime(
        2025, 3, 10, 19, 5, tzinfo=dt.timezone(dt.timedelta(hours=9))
    )
    assert note.modified is not None and note.modified.hour == 21
    assert note.warnings == []


def test_json_front_matter_sample():
    note = _sample("24-12-03.md")
    assert (note.date, note.date_source) == (dt.date(2024, 12, 3), "permalink")
    assert note.front_matter.format == "json"
    assert [key for key, _ in note.front_matter.blocks] == ["dg-publish", "permalink"]
    assert len(note.tasks) == 4 and note.tasks[3].fields.priority == "high"
    assert note.kind == "mentoring"
    assert note.presentations == [] and derive(note.body).todo_heading is None
    assert note.body.startswith("- [x] 팀 멘토링 ✅ 2024-12-03\n")
    assert "\n## 멘토링\n### 최신 논문 소개\n" in note.body


def test_boostcamp_sample():
    note = _sample("boostcamp-day-052.md")
    assert (note.date, note.date_source) == (dt.date(2024, 10, 29), "front matter")
    assert note.title == "Boostcamp AI Tech (Day 052)"
    assert note.presentations == [] and note.tasks == []
    assert note.tags == ["Boostcamp", "daily report"]


def test_conference_sample():
    note = _sample("conference-2024-fall.md")
    assert (note.date, note.date_source) == (FILE_DATE, "file date")
    assert note.warnings == [
        f"only the year 2024 is in the note; dated it from the file's time, {FILE_DATE}"
    ]
    assert note.kind == "conference"
    assert note.body.startswith("2024 추계 학술대회 메모\n\n오전 세션부터")


def test_weekly_sync_sample():
    note = _sample("weekly-sync-2025-01-20.md")
    assert note.date == dt.date(2025, 1, 20) and note.date_source == "title"
    assert (note.attendees, note.absentees) == (["Alice", "Bob", "Chen", "Dana"], ["Eve"])
    assert note.attendees_raw == "Attendees: Alice, Bob, Chen, Dana (absent: Eve)"
    alice, bob = note.presentations
    assert alice.presenter == "Alice" and alice.paper.arxiv_id == "2501.01234"
    assert bob.presenter == "Bob"
    assert bob.paper == PaperRef(
        "Sharpness-Aware Minimization Revisited", venue="ICML 2024", year=2024
    )
    assert len(note.tasks) == 3
    lines = note.body.split("\n")
    assert lines[derive(note.body).todo_heading] == "## Action items"
    assert lines[:3] == ["# Weekly paper club — 2025-01-20", "", note.attendees_raw]
    assert bob.notes.endswith("every k steps")  # up to "## Action items", not past it
    assert note.kind == "paper review"


# ---- rules --------------------------------------------------------------------------------


def test_title_from_first_heading_stays_in_the_body():
    note = _parse("\n# 스터디 0310\n\n본문\n", name="x.md", context_year=2025)
    assert note.title == "스터디 0310" and note.body == "# 스터디 0310\n\n본문"
    assert (note.date, note.date_source) == (dt.date(2025, 3, 10), "title")
    assert note.warnings == ["0310: no year in the date; assumed 2025 from the note's context"]


def test_title_falls_back_to_the_stem_and_notion_ids_are_dropped():
    name = "Meeting 2025-02-03 0123456789abcdef0123456789abcdef.md"
    note = _parse("text\n# Later heading\n", name=name)
    assert note.title == "Meeting 2025-02-03"
    assert (note.date, note.date_source) == (dt.date(2025, 2, 3), "file name")
    assert _parse("## Sub\n", name="plain.txt").title == "plain"


def test_date_order():
    # front matter date beats the title; time and zone come with it
    note = _parse("---\ndate: 2025-01-02 18:30 +09:00\n---\n# 2025-05-05\n", name="2024-01-01.md")
    assert (note.date, note.start_time, note.timezone, note.date_source) == (
        dt.date(2025, 1, 2),
        dt.time(18, 30),
        "+09:00",
        "front matter",
    )
    # title, then file name, then the first heading, then created
    assert _parse("# 2025-05-05\n", name="2024-01-01.md").date == dt.date(2025, 5, 5)
    assert _parse("text\n## 2025-05-05\n", name="2024-01-01.md").date == dt.date(2024, 1, 1)
    note = _parse("text\n## 2025-05-05 sync\n", name="notes.md")
    assert (note.date, note.date_source) == (dt.date(2025, 5, 5), "heading")
    note = _parse("---\ncreated: 2023-07-08\n---\ntext\n", name="notes.md")
    assert (note.date, note.date_source) == (dt.date(2023, 7, 8), "front matter")


def test_year_less_date_uses_the_created_year_first():
    note = _parse("---\ncreated: 2023-01-01\n---\n# 0310\n", name="x.md", context_year=2025)
    assert note.date == dt.date(2023, 3, 10)
    assert _parse("# 0310\n", name="x.md", context_year=None).date_source == "file date"


def test_bad_front_matter_date_warns_and_looks_elsewhere():
    note = _parse("---\ndate: someday\n---\n", name="2025-04-01.md")
    assert note.date == dt.date(2025, 4, 1)
    assert any("someday" in w for w in note.warnings)


def test_time_and_timezone_keys():
    note = _parse("---\ndate: 2025-01-02\ntime: 19:05\ntimezone: Asia/Seoul\n---\n", name="x.md")
    assert (note.start_time, note.timezone) == (dt.time(19, 5), "Asia/Seoul")
    note = _parse('---\ndate: 2025-01-02\ntime: "7:30 PM"\n---\n', name="x.md")
    assert note.start_time == dt.time(19, 30)


def test_created_at_on_another_day_gives_no_time():
    note = _parse("---\ncreated_at: 2025-03-09 10:00:00 +09:00\n---\n", name="2025-03-10.md")
    assert note.date == dt.date(2025, 3, 10) and note.start_time is None
    assert note.created is not None and note.created.day == 9


def test_no_date_at_all_uses_today_without_a_file_date():
    note = parse_note("hello", file_name="notes.md")
    assert note.date == dt.date.today() and note.date_source == "file date" and note.warnings


def test_notion_style_date_line():
    note = _parse("# Sync\n\nDate: March 10, 2025\nTags: x\n\nbody\n", name="Sync abc.md")
    assert (note.date, note.date_source) == (dt.date(2025, 3, 10), "body")
    assert note.body == "# Sync\n\nDate: March 10, 2025\nTags: x\n\nbody"
    note = _parse("# Sync\n\nCreated: March 9, 2025 7:05 PM\nDate: March 10, 2025\n", name="s.md")
    assert note.date == dt.date(2025, 3, 10)
    note = _parse("# Sync\n\nCreated: March 9, 2025 7:05 PM\n", name="s.md")
    assert (note.date, note.date_source) == (dt.date(2025, 3, 9), "body")


def test_metadata_from_front_matter():
    note = _parse(
        '---\nkind: 멘토링\nstatus: cancelled\ngroup: KD 스터디\ntag: "#a, #b"\n'
        "attendees: [민수, 서연]\nabsent: 지호\n---\nAttendees: Alice\n",
        name="x.md",
    )
    assert (note.kind, note.status, note.group, note.tags) == (
        "mentoring",
        "cancelled",
        "KD 스터디",
        ["a", "b"],
    )
    assert (note.attendees, note.absentees) == (["민수", "서연"], ["지호"])
    assert note.attendees_raw is None and note.body == "Attendees: Alice"
    # The same people in the body line: the line is the attendees line, as written.
    note = _parse("---\nattendees: [Alice, Bob]\n---\nAttendees: Bob, Alice\n", name="x.md")
    assert note.attendees_raw == "Attendees: Bob, Alice" and note.body == "Attendees: Bob, Alice"
    assert (note.attendees, note.absentees) == (["Bob", "Alice"], [])


def test_kind_from_presentations_and_other():
    assert _parse("## Alice: X (ICML 2024)\n", name="x.md").kind == "paper review"
    assert _parse("plain\n", name="x.md").kind == "other"
    assert _parse("## 2. 피어세션\n- x\n", name="x.md").kind == "peer session"


def test_fences_hide_everything():
    text = (
        "# Sync\n\n```markdown\n## Alice: Fake (ICML 2024)\n- [ ] not a task\n"
        "> not quote\n```\n- [ ] real task\n~~~~\nAttendees: A, B\n~~~\n~~~~\n"
    )
    note = _parse(text, name="2025-01-06.md")
    assert note.presentations == [] and [t.fields.text for t in note.tasks] == ["real task"]
    assert "- [ ] not a task" in note.body.split("\n") and "Attendees: A, B" in note.body
    assert note.attendees == [] and note.attendees_raw is None
    assert_lossless(text, note)


def test_unclosed_fence_runs_to_the_end():
    text = "intro\n```python\n## Bob: X (ICML 2024)\n- [ ] no\n"
    note = _parse(text)
    assert note.presentations == [] and note.tasks == []
    assert_lossless(text, note)


def test_presentation_sections_and_deeper_headings():
    text = (
        "# Title\n\n## Alice: A (ICML 2024)\nintro\n### Details\n> why?\nmore\n> and?\n"
        "  - [ ] Alice: share slides\n\n## Other section\ntext\n"
    )
    note = _parse(text)
    [alice] = note.presentations
    # The talk's section runs to "## Other section"; the task under it is in its notes too.
    assert alice.notes == "intro\n### Details\nmore\n  - [ ] Alice: share slides"
    assert alice.discussion == "why?\nand?"
    assert note.tasks[0].source_line == "  - [ ] Alice: share slides"
    assert note.body == text.rstrip("\n")
    assert_lossless(text, note)


def test_presentation_inside_a_presentation_belongs_to_the_first():
    text = "## 민수님 발표\n### Bob: Inner (CVPR 2024)\nx\n## 서연님 발표\ny\n"
    note = _parse(text)
    assert [p.presenter for p in note.presentations] == ["민수님", "서연님"]
    assert note.presentations[0].notes == "### Bob: Inner (CVPR 2024)\nx"


def test_tasks_anywhere_and_the_first_task_only_section_is_the_todo_heading():
    text = (
        "# T\n\nnotes\n\n## 할 일\n- [ ] a\n\n- [x] b\n\n## More\n- [ ] c\n\n"
        "## Mixed\n- [ ] d\ntext\n"
    )
    note = _parse(text)
    assert note.body == text.rstrip("\n")  # the to-dos stay where they were written
    assert [t.fields.text for t in note.tasks] == ["a", "b", "c", "d"]
    assert note.body.split("\n")[derive(note.body).todo_heading] == "## 할 일"
    assert_lossless(text, note)


def test_title_heading_is_never_the_todo_heading():
    note = _parse("# 다음 주 할 일\n- [ ] a\n")
    assert derive(note.body).todo_heading is None
    assert note.body == "# 다음 주 할 일\n- [ ] a" and len(note.tasks) == 1


def test_blank_runs_are_kept_as_written():
    text = "\n\nfirst\n\n- [ ] a\n\n\n- [ ] b\n\nsecond\n\n\n\nthird\n\n"
    note = _parse(text)
    assert note.body == "first\n\n- [ ] a\n\n\n- [ ] b\n\nsecond\n\n\n\nthird"
    assert [t.source_line for t in note.tasks] == ["- [ ] a", "- [ ] b"]


def test_malformed_front_matter_is_kept_in_the_body():
    text = "---\ntitle: [unclosed\ntags: : :\n---\n본문 한 줄\n"
    note = _parse(text, name="2025-02-03.md")
    # The block goes into the body inside a code fence, where nothing reads it again.
    assert note.warnings and "not valid YAML" in note.warnings[0]
    assert note.body == "```text\n---\ntitle: [unclosed\ntags: : :\n---\n```\n본문 한 줄"
    assert note.title == "2025-02-03" and note.date == dt.date(2025, 2, 3)
    assert_lossless(text, note)


def test_discussion_prefix_variants():
    text = "## Alice: X (ICML 2024)\n>tight\n> spaced\n>\n>> nested\n"
    note = _parse(text)
    # Every quoted line is discussion, without its ">" and one space; the body keeps the
    # lines as written, so nothing needs to come back from the discussion.
    assert note.presentations[0].discussion == "tight\nspaced\n\n> nested"
    assert note.presentations[0].notes == ""
    assert note.body == text.rstrip("\n")
    assert_lossless(text, note)


TRICKY = [
    "",
    "\n\n\n",
    "---",
    "---\n",
    "---\n---",
    "---\n...\n",
    "# \n#\n##\n",
    "- [ ]\n- [x]\n- [ ] \n",
    "```\n```\n```",
    "````\n```\n````\n- [ ] after\n",
    "~~~\n```\n~~~\n## Alice: X (ICML 2024)\n> q\n",
    "Attendees: A, B\nAttendees: C, D\n",
    "## Alice: X (ICML 2024)\n## Bob: Y (ICML 2024)\n",
    "## TODO\n- [ ] a\n# Top\n- [ ] b\n",
    "> quote outside\n- [ ] t\n>\n",
    "   # indented heading\n    # code, not a heading\n\t- [ ] tab task\n",
    "#tag not heading\n#### 민수님 발표 ####\n> 질문\n",
    "---\ntitle: x\n---\n---\ntitle: y\n---\n",
    '---\n{"a": [1, {"b": null}]}\n---\n- [ ] x\n',
    "---\n{broken json\n---\ntext\n",
    "---\n- a\n- b\n---\n",
    "---\n!!python/object:os.system x\n---\n",
    "---\na: &x [*x]\n---\n",
    "---\n"
    + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9)).replace(
        "*l0, " * 8 + "*l0", "x"
    )
    + "---\nbody\n",
    "---\ntitle: x\n" + "  - deep\n" * 50,
    "# A\r\n- [ ] windows line\r\n",
    "\ufeff# BOM kept by a caller\n",
    "## 민수님 논문 - [Paper](https://arxiv.org/abs/2401.00001)\n1. x\n> y\n~~~\n> z\n",
    "* [ ] star\n+ [x] plus\n1) [ ] paren\n  1. [ ] nested num\n",
    "Attendees: Alice (absent: Eve)\n" * 3,
    "# 0229\n",
    "\x0c\u2028line separators\u2029here\n- [ ] x\x0b y\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_inputs_are_lossless(text):
    people = ["Alice", "민수"]
    note = _parse(text, name="tricky.md", context_year=2025, known_people=people)
    assert isinstance(note.date, dt.date)
    assert_lossless(text, note, people)


# ---- generated notes ----------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "민수님",
        "서연",
        "논문",
        "발표",
        "리뷰",
        "Alice",
        "Bob",
        "Note",
        "Summary",
        "Week",
        "3",
        "Scaling",
        "Laws",
        "(CVPR 2024)",
        "(arXiv 2501.01234)",
        "-",
        "—",
        ":",
        "0310",
        "2025-03-10",
        "멘토링",
        "다음 주",
        "TODO",
        "`code`",
        "**bold**",
        "[link](https://x.org)",
        "#tag",
        "📅",
        "2025-01-01",
        "✅",
        "⏫",
        "🔁",
        "every",
        "week",
        ">",
        "---",
        "```",
        "~~~",
        "Attendees:",
        "참석자:",
        "(absent: Eve)",
        ",",
        "님",
        "a",
        "b",
        "[x]",
        "[ ]",
        "  ",
        "\t",
    ]
)
_PHRASE = st.lists(_WORDS, min_size=0, max_size=6).map(" ".join)
_INDENT = st.sampled_from(["", "", "  ", "    ", "\t"])


@st.composite
def _line(draw):
    kind = draw(
        st.sampled_from(
            [
                "heading",
                "bullet",
                "task",
                "quote",
                "fence",
                "blank",
                "text",
                "attendees",
                "presentation",
                "rule",
            ]
        )
    )
    phrase = draw(_PHRASE)
    if kind == "heading":
        return "#" * draw(st.integers(1, 7)) + draw(st.sampled_from([" ", "", "  "])) + phrase
    if kind == "bullet":
        return draw(_INDENT) + draw(st.sampled_from(["-", "*", "+", "1."])) + " " + phrase
    if kind == "task":
        status = draw(st.sampled_from([" ", "x", "X", "/", "-"]))
        return f"{draw(_INDENT)}- [{status}] {phrase}"
    if kind == "quote":
        return draw(st.sampled_from([">", "> ", ">> ", " > "])) + phrase
    if kind == "fence":
        return draw(_INDENT) + draw(st.sampled_from(["```", "~~~", "````", "```python", "~~~~ x"]))
    if kind == "blank":
        return draw(st.sampled_from(["", " ", "\t"]))
    if kind == "attendees":
        return draw(st.sampled_from(["Attendees: ", "참석자: ", "**Present**: "])) + phrase
    if kind == "presentation":
        heading = draw(st.sampled_from(["민수님 논문 - ", "Alice: ", "[Bob] ", "지호님 발표"]))
        return "#" * draw(st.integers(1, 4)) + " " + heading + phrase
    if kind == "rule":
        return draw(st.sampled_from(["---", "...", "***", "title: x", "  - y", '{"a": 1}']))
    return phrase


_NOTE = st.lists(_line(), min_size=0, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NOTE, st.booleans())
def test_generated_notes_are_lossless(text, trailing_newline):
    text = text + ("\n" if trailing_newline else "")
    note = _parse(text, name="gen.md", context_year=2025, known_people=["Alice"])
    assert note.warnings is not None and not any("structure" in w for w in note.warnings)
    assert_lossless(text, note, ["Alice"])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_raises(text):
    note = _parse(text, name="any.md")
    assert not any("structure" in w for w in note.warnings)
    assert_lossless(text, note)


def test_plain_text_note_takes_its_first_line_as_title_and_keeps_it():
    text = "2024 추계 학술대회 메모\n\n오전 세션부터 바로 시작했다.\n"
    note = parse_note(text, file_name="conference-2024-fall.md", file_date=dt.date(2026, 11, 23))
    assert note.title == "2024 추계 학술대회 메모"
    assert note.body == text.rstrip("\n")


def test_a_sentence_is_not_a_title():
    note = parse_note("오전 세션부터 바로 시작했다.\n\n메모\n", file_name="memo.md")
    assert note.title == "memo"


@pytest.mark.parametrize(
    "name", ["conference-2024-fall.md", "2023 춘계 워크숍.md", "retreat-2025.md"]
)
def test_year_only_notes_get_no_invented_month(name):
    # Only a year: dated from the file's time, and the warning says so.
    note = parse_note("메모\n", file_name=name, file_date=dt.date(2026, 1, 2))
    assert (note.date, note.date_source) == (dt.date(2026, 1, 2), "file date")
    [warning] = note.warnings
    assert warning.startswith("only the year 20") and "file's time, 2026-01-02" in warning


@pytest.mark.parametrize(
    ("text", "name", "expected", "source"),
    [
        # A conference write-up pasted from a blog: the date is on its third line.
        (
            "2023 추계 학술대회 후기\n\n2023년 11월 24일\n\n오전 세션\n",
            "000_ea40f3b2.txt",
            dt.date(2023, 11, 24),
            "body",
        ),
        ("24년 11월 26일 멘토링 정리\n- 내용\n", "x.txt", dt.date(2024, 11, 26), "body"),
        ("메모\n\n11월 26일 모임\n", "x.txt", dt.date(2025, 11, 26), "body"),
        ("240425_Trend\n- 내용\n", "000_ea41ab.txt", dt.date(2024, 4, 25), "title"),
        (
            '---\n{"dg-publish":true,"permalink":"/4-projects/semantic-seg/24-11-26/"}\n---\n'
            "\n- [x] 팀 멘토링\n## 멘토링\n",
            "000_ea42c9d1.txt",
            dt.date(2024, 11, 26),
            "permalink",
        ),
    ],
)
def test_dates_people_write(text, name, expected, source):
    note = parse_note(text, file_name=name, file_date=dt.date(2026, 1, 2), context_year=2025)
    assert (note.date, note.date_source) == (expected, source)


def test_a_bare_number_in_prose_is_not_taken_for_a_date():
    note = parse_note(
        "메모\n\n0310 까지 제출\n", file_name="memo.md", file_date=dt.date(2026, 1, 2)
    )
    assert note.date_source == "file date"


def test_a_generated_file_name_never_becomes_the_title():
    permalink = '---\n{"permalink":"/4-projects/semantic-seg/24-11-26/"}\n---\n- 내용\n'
    assert parse_note(permalink, file_name="000_ea40f3b2.txt").title == "24-11-26"
    heading = "- [ ] 할 일\n## 멘토링\n내용\n"
    assert parse_note(heading, file_name="3f2a9c1e-77d0.md").title == "멘토링"
    assert parse_note("내용만 있는 줄\n", file_name="ea40f3b2.txt").title == "내용만 있는 줄"


def test_the_note_keeps_the_offset_it_was_written_in():
    text = "---\ncreated_at: 2025-03-02 21:40:11 +09:00\n---\n# 0303 KD 스터디\n"
    note = parse_note(text, file_name="log.md", file_date=dt.date(2026, 1, 2))
    assert (note.date, note.timezone) == (dt.date(2025, 3, 3), "+09:00")


# -- slot timing line ------------------------------------------------------------------------


def test_timing_line_under_a_slot_heading_is_read_and_not_kept_in_notes():
    note = _parse("## Alice: Tiny Teachers (CVPR 2024)\n\n⏱ 18:30 / 20:00\n\nfirst point\n")
    [slot] = note.presentations
    assert (slot.duration_seconds, slot.timebox_minutes) == (18 * 60 + 30, 20)
    assert slot.notes == "first point"


def test_timing_line_with_hours_and_variation_selector():
    note = _parse("## Alice: Tiny Teachers (CVPR 2024)\n⏱\ufe0f 1:02:03 / 1:30:00\n")
    [slot] = note.presentations
    assert (slot.duration_seconds, slot.timebox_minutes) == (3723, 90)
    assert slot.notes == ""


@pytest.mark.parametrize(
    "body",
    [
        "first point\n\n⏱ 18:30 / 20:00",  # not the first line: stays in the notes
        "⏱ 18:30 / 20:30",  # a time box of whole minutes only
        "⏱ 18:30 of 20:00",
        "```\n⏱ 18:30 / 20:00\n```",
    ],
)
def test_other_timing_like_lines_stay_in_the_notes(body):
    note = _parse(f"## Alice: Tiny Teachers (CVPR 2024)\n\n{body}\n")
    [slot] = note.presentations
    assert slot.duration_seconds is None
    assert "⏱" in slot.notes


def test_timing_line_outside_a_slot_is_plain_text():
    note = _parse("# 0310\n\n⏱ 18:30 / 20:00\n")
    assert note.body == "# 0310\n\n⏱ 18:30 / 20:00" and note.presentations == []


def test_a_note_written_as_one_long_line_is_dated_from_its_start_and_quickly():
    # Pasted from a chat export: a heading, then the whole meeting on one line.
    text = "# 주간 회의\n2025-03-10 메모 " + "교사 1234 학생 0310 " * 200_000  # 3.6 MB
    # This thread's CPU time: a guard against the quadratic case that a busy machine
    # does not trip (speed itself is measured under benchmarks/).
    started = time.thread_time()
    note = parse_note(text, file_name="000_ea40f3b2.txt", context_year=2025)
    assert time.thread_time() - started < 10
    assert note.date == dt.date(2025, 3, 10)
    assert note.body == text
