"""Body edits for the panels: each rewrites only the lines it names, keeping every other."""

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.document import edits
from studyapp.core.document.edits import LineEdit
from studyapp.core.document.outline import derive
from studyapp.core.tasks import TaskFields

TODAY = dt.date(2025, 3, 11)
BODY = """\
# 0310

## Alice: X (ICML 2024)
a1
> q

## Bob: Y (ICML 2024)
b1

## 할 일
  * [ ] Alice: slides 📅 2025-03-17 ⏫
- [x] done ✅ 2025-03-01

tail text"""
LINES = BODY.split("\n")


def _apply(body, make):
    edit = make(body, derive(body))
    return edit, edit.apply(body)


def _changed(before, after):
    """The lines of ``after`` that differ from ``before``, when the line count is kept."""
    old, new = before.split("\n"), after.split("\n")
    assert len(old) == len(new)
    return [(n, o, m) for n, (o, m) in enumerate(zip(old, new, strict=True)) if o != m]


def test_line_edit_apply_replaces_and_inserts():
    assert LineEdit(1, 2, ("B",)).apply("a\nb\nc") == "a\nB\nc"
    assert LineEdit(1, 1, ("x", "y")).apply("a\nb") == "a\nx\ny\nb"
    assert LineEdit(0, 2, ()).apply("a\nb\nc") == "c"
    assert LineEdit(1, 2, ("B",)).apply("a\r\nb\r\nc") == "a\nB\nc"


# -- to-dos ---------------------------------------------------------------------------------


def test_tick_task_rewrites_its_line_in_place():
    edit, after = _apply(BODY, lambda b, o: edits.tick_task(o, 0, True, TODAY))
    assert (edit.start, edit.end, edit.focus) == (10, 11, 10)
    # Marker, indent and every other field stay; the box is ticked and "✅ date" added.
    assert _changed(BODY, after) == [
        (10, LINES[10], "  * [x] Alice: slides 📅 2025-03-17 ⏫ ✅ 2025-03-11")
    ]
    [task, _done] = derive(after).tasks
    assert task.fields.done and task.fields.done_date == TODAY
    assert task.fields.due_date == dt.date(2025, 3, 17) and task.fields.priority is not None


def test_untick_drops_the_done_date_and_a_no_change_is_no_change():
    _edit, after = _apply(BODY, lambda b, o: edits.tick_task(o, 1, False, TODAY))
    assert _changed(BODY, after) == [(11, "- [x] done ✅ 2025-03-01", "- [ ] done")]
    _edit, same = _apply(BODY, lambda b, o: edits.tick_task(o, 1, True, TODAY))
    assert same == BODY  # already done: its date is not replaced


def test_a_to_do_that_is_not_there_is_an_error():
    with pytest.raises(IndexError):
        edits.tick_task(derive(BODY), 2, True, TODAY)
    with pytest.raises(IndexError):
        edits.remove_task(derive("no to-dos"), 0)


def test_rewrite_task_keeps_the_line_while_it_says_the_same():
    outline = derive(BODY)
    same = edits.rewrite_task(outline, 0, outline.tasks[0].fields)
    assert same.lines == (LINES[10],)
    changed = TaskFields(text="slides v2", assignee="Bob")
    edit = edits.rewrite_task(outline, 0, changed)
    # The fields it no longer has go; marker and indent stay.
    assert edit.lines == ("  * [ ] Bob: slides v2",)
    assert derive(edit.apply(BODY)).tasks[0].fields == changed


def test_ticking_a_recurring_to_do_inserts_its_next_occurrence_above_it():
    body = "## 할 일\n> - [ ] water plants 🔁 every week 📅 2025-03-10 ^w\n- [ ] other"
    edit, after = _apply(body, lambda b, o: edits.tick_task(o, 0, True, TODAY))
    # One edit (one undo step): the ticked line and the new one above it.
    assert (edit.start, edit.end, edit.focus) == (1, 2, 2)
    assert after.split("\n") == [
        "## 할 일",
        "> - [ ] water plants 🔁 every week 📅 2025-03-17",
        "> - [x] water plants 🔁 every week 📅 2025-03-10 ✅ 2025-03-11 ^w",
        "- [ ] other",
    ]
    tasks = derive(after).tasks
    assert [t.fields.done for t in tasks] == [False, True, False]
    # Cleared again, the ticked line loses its date; the new occurrence stays.
    _edit, again = _apply(after, lambda b, o: edits.tick_task(o, 1, False, TODAY))
    assert again.split("\n")[2] == "> - [ ] water plants 🔁 every week 📅 2025-03-10 ^w"


def test_ticking_a_to_do_that_says_delete_removes_it():
    body = "- [ ] once 🏁 delete\n- [ ] daily 🔁 every day 🏁 delete 📅 2025-03-10"
    edit, after = _apply(body, lambda b, o: edits.tick_task(o, 0, True, TODAY))
    assert edit.lines == () and edit.focus is None
    assert after == "- [ ] daily 🔁 every day 🏁 delete 📅 2025-03-10"
    edit, after = _apply(after, lambda b, o: edits.tick_task(o, 0, True, TODAY))
    assert edit.lines == ("- [ ] daily 🔁 every day 🏁 delete 📅 2025-03-11",)
    assert edit.focus is None  # the line written is the next occurrence, not the one ticked


def test_set_task_status_cancels_starts_and_reopens_in_place():
    body = "- [ ] a\n> - [ ] water 🔁 every day 📅 2025-03-10"
    edit, after = _apply(body, lambda b, o: edits.set_task_status(o, 1, "-", TODAY))
    # Cancelled, a recurring to-do makes no next occurrence (only done does).
    assert (edit.lines, edit.focus) == (
        ("> - [-] water 🔁 every day 📅 2025-03-10 ❌ 2025-03-11",),
        1,
    )
    edit, after = _apply(after, lambda b, o: edits.set_task_status(o, 1, "/", TODAY))
    assert edit.lines == ("> - [/] water 🔁 every day 📅 2025-03-10",)
    edit, after = _apply(after, lambda b, o: edits.set_task_status(o, 0, "x", TODAY))
    assert after.split("\n")[0] == "- [x] a ✅ 2025-03-11" and edit.focus == 0


def test_statuses_other_than_done_survive_ticks_and_rewrites():
    body = "- [/] started 📅 2025-03-17\n- [-] dropped ❌ 2025-03-01\n- [?] maybe"
    outline = derive(body)
    same = [edits.tick_task(outline, n, False, TODAY).lines for n in range(3)]
    assert same == [(line,) for line in body.split("\n")]
    # A row that knows only text, done and dates: its rewrite keeps the line's status.
    fields = TaskFields(text="started later", due_date=dt.date(2025, 3, 17))
    assert edits.rewrite_task(outline, 0, fields).lines == ("- [/] started later 📅 2025-03-17",)
    ticked = edits.tick_task(outline, 1, True, TODAY).lines
    assert ticked == ("- [x] dropped ✅ 2025-03-11",)


def test_remove_move_and_insert_task():
    _edit, removed = _apply(BODY, lambda b, o: edits.remove_task(o, 0))
    assert removed.split("\n") == LINES[:10] + LINES[11:]
    _edit, moved = _apply(BODY, lambda b, o: edits.move_task(b, o, 1, 0))
    assert moved.split("\n") == [*LINES[:10], LINES[11], LINES[10], *LINES[12:]]
    edit, inserted = _apply(BODY, lambda b, o: edits.insert_task(b, o, 1, "- [ ] mid"))
    assert inserted.split("\n") == [*LINES[:11], "- [ ] mid", *LINES[11:]]
    assert edit.focus == 11
    _edit, past_end = _apply(BODY, lambda b, o: edits.insert_task(b, o, 9, "- [ ] last"))
    assert past_end.split("\n")[12] == "- [ ] last"


def test_add_task_goes_after_the_last_to_do_of_the_todo_section():
    body = "## To-dos\n- [ ] a\n- [ ] b\n\n## Notes\n- [ ] c in notes\ntext"
    edit, after = _apply(body, lambda b, o: edits.add_task(b, o, "- [ ] new"))
    assert after == "## To-dos\n- [ ] a\n- [ ] b\n- [ ] new\n\n## Notes\n- [ ] c in notes\ntext"
    assert edit.focus == 3
    # Indented like the to-do before it.
    _edit, after = _apply(BODY, lambda b, o: edits.add_task(b, o, "  - [ ] new"))
    assert after.split("\n") == [*LINES[:12], "- [ ] new", *LINES[12:]]


def test_add_task_without_a_todo_section_follows_the_last_to_do():
    body = "intro\n- [ ] a\nmore\n  - [ ] b\n\nend"
    _edit, after = _apply(body, lambda b, o: edits.add_task(b, o, "- [ ] c"))
    assert after == "intro\n- [ ] a\nmore\n  - [ ] b\n  - [ ] c\n\nend"


@pytest.mark.parametrize(
    ("body", "line", "expected"),
    [
        (
            "We read two papers today.",
            "- [ ] send slides",
            "We read two papers today.\n\n## To-dos\n\n- [ ] send slides",
        ),
        (
            "오늘은 논문 두 편을 읽었다.\n\n",
            "- [ ] 슬라이드 공유",
            "오늘은 논문 두 편을 읽었다.\n\n## 할 일\n\n- [ ] 슬라이드 공유",
        ),
        ("", "- [ ] x", "## To-dos\n\n- [ ] x"),
    ],
)
def test_add_task_starts_a_todo_section_in_the_bodys_language(body, line, expected):
    edit, after = _apply(body, lambda b, o: edits.add_task(b, o, line))
    assert after == expected
    assert after.split("\n")[edit.focus] == line
    outline = derive(after)
    assert [t.text for t in outline.tasks] == [line]
    heading = "## 할 일" if "할 일" in expected else "## To-dos"
    assert after.split("\n")[outline.todo_heading] == heading


# -- talks ----------------------------------------------------------------------------------


def test_move_talk_swaps_whole_sections():
    edit, after = _apply(BODY, lambda b, o: edits.move_talk(b, o, 0, 1))
    assert after.split("\n") == [
        "# 0310",
        "",
        "## Bob: Y (ICML 2024)",
        "b1",
        "",
        "## Alice: X (ICML 2024)",
        "a1",
        "> q",
        "",
        *LINES[9:],
    ]
    assert after.split("\n")[edit.focus] == "## Alice: X (ICML 2024)"
    edit, back = _apply(after, lambda b, o: edits.move_talk(b, o, 1, -1))
    assert back == BODY and back.split("\n")[edit.focus] == "## Alice: X (ICML 2024)"


def test_move_talk_past_either_end_is_none():
    outline = derive(BODY)
    assert edits.move_talk(BODY, outline, 0, -1) is None
    assert edits.move_talk(BODY, outline, 1, 1) is None


def test_move_talk_keeps_a_blank_line_between_touching_sections():
    body = "## Alice: X (ICML 2024)\na\n## Bob: Y (ICML 2024)\nb"
    _edit, after = _apply(body, lambda b, o: edits.move_talk(b, o, 1, -1))
    assert after == "## Bob: Y (ICML 2024)\nb\n\n## Alice: X (ICML 2024)\na"


def test_move_talk_over_text_between_the_talks():
    body = "## Alice: X (ICML 2024)\na\n\n# Interlude\nmid\n\n## Bob: Y (ICML 2024)\nb\n"
    _edit, after = _apply(body, lambda b, o: edits.move_talk(b, o, 0, 1))
    assert after == "## Bob: Y (ICML 2024)\nb\n\n# Interlude\nmid\n\n## Alice: X (ICML 2024)\na\n"


_TALKS = st.lists(
    st.tuples(
        st.sampled_from(["Alice", "Bob", "Chen", "민수님"]),
        st.lists(st.sampled_from(["note", "> said", ">", "", "- [ ] todo", "### sub", "x"])),
    ),
    min_size=2,
    max_size=4,
)


@settings(max_examples=200, deadline=None)
@given(_TALKS, st.data())
def test_move_talk_keeps_every_line(talks, data):
    blocks = [
        "\n".join([f"## {who}: Paper {n} (ICML 2024)", *lines])
        for n, (who, lines) in enumerate(talks)
    ]
    body = "# T\n\n" + "\n".join(blocks) + "\n\n## Later\nend"
    outline = derive(body, with_texts=True)
    ordinal = data.draw(st.integers(0, len(talks) - 1))
    delta = data.draw(st.sampled_from([-1, 1]))
    edit = edits.move_talk(body, outline, ordinal, delta)
    other = ordinal + delta
    if not 0 <= other < len(talks):
        assert edit is None
        return
    after = edit.apply(body)
    kept = Counter(body.split("\n"))
    moved = Counter(after.split("\n"))
    assert moved - kept <= Counter({"": 1}) and not kept - moved  # at most one blank added
    new = derive(after, with_texts=True)
    order = list(range(len(talks)))
    order[ordinal], order[other] = order[other], order[ordinal]
    assert [t.heading for t in new.talks] == [outline.talks[i].heading for i in order]
    assert [(t.notes, t.discussion) for t in new.talks] == [
        (outline.talks[i].notes, outline.talks[i].discussion) for i in order
    ]
    assert after.split("\n")[edit.focus] == outline.talks[ordinal].heading


def test_add_talk_goes_after_the_last_talk():
    edit, after = _apply(BODY, lambda b, o: edits.add_talk(b, o, "## Chen: Z (ICML 2024)"))
    # One blank line on each side: the blank line already after the last talk is kept.
    assert after.split("\n") == [*LINES[:8], "", "## Chen: Z (ICML 2024)", *LINES[8:]]
    assert after.split("\n")[edit.focus] == "## Chen: Z (ICML 2024)"
    assert [t.presenter for t in derive(after).talks] == ["Alice", "Bob", "Chen"]


def test_add_talk_without_talks_goes_before_the_todo_section_or_at_the_end():
    body = "# T\n\n## 할 일\n- [ ] a"
    edit, after = _apply(body, lambda b, o: edits.add_talk(b, o, "## Alice: X (ICML 2024)"))
    assert after == "# T\n\n## Alice: X (ICML 2024)\n\n## 할 일\n- [ ] a"
    assert edit.focus == 2 and derive(after).talks[0].end == 4
    _edit, after = _apply("# T\n\ntext\n\n", lambda b, o: edits.add_talk(b, o, "## Alice: X"))
    assert after == "# T\n\ntext\n\n## Alice: X\n"
    # The title heading's own to-dos: the talk goes under the title, not above it.
    _edit, after = _apply("# T\n- [ ] a", lambda b, o: edits.add_talk(b, o, "## Alice: X"))
    assert after.startswith("# T\n- [ ] a\n")


def test_set_talk_heading_changes_only_the_heading():
    body = "## Alice: X (ICML 2024)\n⏱ 01:00 / 20:00\na"
    _edit, after = _apply(body, lambda b, o: edits.set_talk_heading(o, 0, "## Bob: Z (ICML 2025)"))
    assert after == "## Bob: Z (ICML 2025)\n⏱ 01:00 / 20:00\na"


def test_set_timing_adds_then_replaces_the_line_under_the_heading():
    edit, timed = _apply(BODY, lambda b, o: edits.set_timing(o, 0, 65, 5))
    assert timed.split("\n") == [*LINES[:3], "⏱ 01:05 / 05:00", *LINES[3:]]
    assert edit.focus == 3
    talk = derive(timed, with_texts=True).talks[0]
    assert (talk.duration_seconds, talk.timebox_minutes, talk.notes) == (65, 5, "a1")
    _edit, retimed = _apply(timed, lambda b, o: edits.set_timing(o, 0, 3662, 90))
    assert _changed(timed, retimed) == [(3, "⏱ 01:05 / 05:00", "⏱ 1:01:02 / 1:30:00")]
    _edit, default = _apply(BODY, lambda b, o: edits.set_timing(o, 1, 0, None))
    assert "⏱ 00:00 / 20:00" in default.split("\n")  # no time box of its own: the default


# -- attendance -----------------------------------------------------------------------------


def test_set_attendance_replaces_the_line():
    body = "# T\n\nAttendees: A\n\ntext"
    _edit, after = _apply(body, lambda b, o: edits.set_attendance(b, o, "Attendees: B (absent: A)"))
    assert _changed(body, after) == [(2, "Attendees: A", "Attendees: B (absent: A)")]


def test_set_attendance_adds_under_the_title_heading_else_at_the_top():
    edit, after = _apply(BODY, lambda b, o: edits.set_attendance(b, o, "Attendees: A"))
    assert after.split("\n") == ["# 0310", "", "Attendees: A", *LINES[1:]]
    assert edit.focus == 2 and derive(after).attendance.attendees == ("A",)
    _edit, after = _apply("text first", lambda b, o: edits.set_attendance(b, o, "Attendees: B"))
    assert after == "Attendees: B\n\ntext first"
    body = "## Alice: X (ICML 2024)\nnote"
    _edit, after = _apply(body, lambda b, o: edits.set_attendance(b, o, "Attendees: B"))
    assert after == "Attendees: B\n\n## Alice: X (ICML 2024)\nnote"
