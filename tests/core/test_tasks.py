"""Obsidian Tasks lines: the fields read from the end, lines written back changing only
what changed. The plugin's own cases are in test_tasks_plugin_cases.py."""

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core import tasks
from studyapp.core.tasks import (
    PRIORITY_SIGNS,
    StatusType,
    TaskFields,
    format_task_line,
    parse_task_line,
    read_task_line,
    rewrite_task_line,
    split_assignee,
    task_line_for,
    with_done,
    with_status,
    with_status_symbol,
)

D = dt.date.fromisoformat
TODAY = D("2025-03-11")


def test_plain_open_and_done_tasks():
    assert parse_task_line("- [ ] read the paper") == TaskFields(text="read the paper")
    done = parse_task_line("- [x] 발표 순서 정하기 ✅ 2025-03-10")
    assert done == TaskFields(text="발표 순서 정하기", done=True, done_date=dt.date(2025, 3, 10))
    upper = parse_task_line("- [X] upper case x")
    assert upper is not None and upper.done and upper.status_symbol == "X"


def test_fields_in_any_order_from_the_end():
    task = parse_task_line(
        "- [ ] 민수님: Mixture of Depths 읽어오기 ⏫ 🔁 every week "
        "➕ 2025-03-01 ⏳ 2025-03-12 📅 2025-03-17"
    )
    assert task == TaskFields(
        text="Mixture of Depths 읽어오기",
        priority="high",
        recurrence="every week",
        created_date=dt.date(2025, 3, 1),
        scheduled_date=dt.date(2025, 3, 12),
        due_date=dt.date(2025, 3, 17),
        assignee="민수님",
    )
    swapped = parse_task_line("- [ ] x 📅 2025-03-17 ⏫")
    assert swapped is not None
    assert swapped.priority == "high" and swapped.due_date == dt.date(2025, 3, 17)


@pytest.mark.parametrize(
    "line",
    [
        "- not a task",
        "[ ] no bullet",
        "-[ ] no space",
        "text - [ ] later",
        "## - [ ] heading",
        "",
        "- [ ]no space after the box",  # Obsidian draws no check box for it
        "- [x](https://example.org) a link",
        "-\t[ ] a tab after the marker",  # the plugin wants spaces there
        "- [] empty box",
    ],
)
def test_non_task_lines(line):
    assert parse_task_line(line) is None


def test_indented_numbered_and_quoted_tasks():
    assert parse_task_line("    - [ ] nested") == TaskFields(text="nested")
    assert parse_task_line("1. [ ] numbered") == TaskFields(text="numbered")
    assert parse_task_line("2) [ ] numbered") == TaskFields(text="numbered")
    star = parse_task_line("* [x] star")
    assert star is not None and star.done
    assert parse_task_line("> - [ ] quoted") == TaskFields(text="quoted")
    assert parse_task_line(">     - [ ] nested in a quote") == TaskFields(text="nested in a quote")
    assert parse_task_line("> [!note] Title") is None  # a callout's title line
    assert parse_task_line("> > - [/] started") == TaskFields(text="started", status_symbol="/")


def test_bad_date_and_mid_sentence_emoji_stay_in_the_text():
    task = parse_task_line("- [ ] due 📅 2025-02-30")
    assert task is not None and task.due_date is None and "2025-02-30" in task.text
    task = parse_task_line("- [ ] the 📅 calendar emoji mid sentence")
    assert task is not None and task.text == "the 📅 calendar emoji mid sentence"


def test_fields_need_no_space_before_their_sign():
    task = parse_task_line("- [ ] due📅2025-01-02⏫")
    assert task is not None
    assert (task.text, task.due_date, task.priority) == ("due", D("2025-01-02"), "high")


def test_alias_signs_read_as_canonical():
    task = parse_task_line("- [ ] x 🗓️ 2025-01-02")
    assert task is not None and task.due_date == dt.date(2025, 1, 2)
    assert parse_task_line("- [ ] x ⌛ 2025-01-02") == TaskFields(
        text="x", scheduled_date=D("2025-01-02")
    )


def test_the_leftmost_of_a_repeated_field_counts():
    # The plugin takes fields off the end one at a time, each overwriting the last one read.
    task = parse_task_line("- [ ] x 📅 2025-01-01 ⏫ 📅 2025-02-02 🔽")
    assert task is not None
    assert (task.text, task.due_date, task.priority) == ("x", D("2025-01-01"), "high")


def test_ids_dependencies_and_on_completion_are_fields():
    task = parse_task_line("- [ ] write 🆔 abc_1 ⛔ x1, y-2 🏁 delete 📅 2025-01-02")
    assert task == TaskFields(
        text="write",
        task_id="abc_1",
        depends_on=("x1", "y-2"),
        on_completion="delete",
        due_date=D("2025-01-02"),
    )
    # An on-completion word other than keep or delete is left in the text, as written.
    odd = parse_task_line("- [ ] write 🏁 later")
    assert odd is not None and odd.text == "write 🏁 later" and odd.on_completion is None


def test_status_symbols_are_kept():
    for symbol, kind in [
        ("-", StatusType.CANCELLED),
        ("/", StatusType.IN_PROGRESS),
        ("?", StatusType.TODO),
    ]:
        task = parse_task_line(f"- [{symbol}] a")
        assert task is not None and task.status_symbol == symbol and task.status_type is kind
        assert not task.done
    cancelled = parse_task_line("- [-] a")
    assert cancelled is not None and cancelled.cancelled


def test_done_decides_the_status_character():
    task = TaskFields(text="a", status_symbol="/")
    assert task.status_symbol == "/"
    assert replace(task, done=True).status_symbol == "x"
    assert (
        replace(TaskFields(text="a", done=True, status_symbol="X"), done=False).status_symbol == " "
    )
    assert TaskFields(text="a", done=True).status_symbol == "x"


def test_tags_are_read_from_the_text():
    task = TaskFields(text="see http://x.org/#frag and #one, #two/three #")
    assert task.tags == ("#one", "#two/three")
    assert TaskFields(text="no tags").tags == ()


def test_assignee_prefix():
    assert split_assignee("Chen: set up the list") == ("Chen", "set up the list")
    assert split_assignee("Note: not a person") == (None, "Note: not a person")
    assert split_assignee("see https://x.org: y") == (None, "see https://x.org: y")


def test_source_line_kept_while_unchanged():
    line = "- [ ]   spaced   out 📅 2025-01-27"
    task = parse_task_line(line)
    assert task is not None
    assert task_line_for(task, line) == line
    changed = with_done(task, True, dt.date(2025, 1, 28))
    assert task_line_for(changed, line) == "- [x]   spaced   out 📅 2025-01-27 ✅ 2025-01-28"
    assert task_line_for(changed, None) == "- [x] spaced   out 📅 2025-01-27 ✅ 2025-01-28"
    assert task_line_for(changed, "not a task") == task_line_for(changed, None)


def test_with_done_keeps_a_done_tasks_date_and_clears_a_cancelled_date():
    done = TaskFields(text="a", done=True, done_date=D("2025-01-01"))
    assert with_done(done, True, TODAY) is done
    cancelled = TaskFields(text="a", status_symbol="-", cancelled_date=D("2025-01-01"))
    assert with_done(cancelled, True, TODAY) == TaskFields(text="a", done=True, done_date=TODAY)
    assert with_done(done, False, TODAY) == TaskFields(text="a")


# ---- changing a line ----------------------------------------------------------------------


def test_status_changes_touch_only_the_box_and_its_dates():
    line = "  * [ ] Alice: slides #ml 📅 2025-03-17 ⏫ ^blk"
    assert (
        with_status(line, True, TODAY)
        == "  * [x] Alice: slides #ml 📅 2025-03-17 ⏫ ✅ 2025-03-11 ^blk"
    )
    assert with_status(line, False, TODAY) == line
    assert with_status_symbol(line, "/", TODAY) == line.replace("[ ]", "[/]")
    cancelled = with_status_symbol(line, "-", TODAY)
    assert cancelled == "  * [-] Alice: slides #ml 📅 2025-03-17 ⏫ ❌ 2025-03-11 ^blk"
    assert with_status_symbol(cancelled, " ", TODAY) == line
    assert with_status("not a task", True, TODAY) == "not a task"
    # An in-progress or cancelled task is not done: "not done" leaves it as it is.
    assert with_status("- [/] a", False, TODAY) == "- [/] a"
    assert with_status("- [/] a", True, TODAY) == "- [x] a ✅ 2025-03-11"


def test_trailing_white_space_stays_after_a_new_field():
    assert with_status("- [ ] a  ", True, TODAY) == "- [x] a ✅ 2025-03-11  "
    assert with_status("- [ ]", True, TODAY) == "- [x] ✅ 2025-03-11"
    assert with_status("- [x] ✅ 2025-03-11", False, TODAY) == "- [ ]"


def test_a_sign_glued_to_a_tag_gets_the_plugins_layout_when_a_field_follows():
    # "#x⏫" ends the line: ⏫ is the priority. With a date after it, the plugin reads the
    # tag "#x⏫" instead, so the date cannot simply be added: the line is laid out anew.
    line = "- [ ] a #x⏫"
    ticked = with_status(line, True, TODAY)
    assert ticked == "- [x] a #x ⏫ ✅ 2025-03-11"
    assert parse_task_line(ticked) == replace(parse_task_line(line), done=True, done_date=TODAY)


def _rewritten(line: str, **changes: object) -> str:
    task = parse_task_line(line)
    assert task is not None
    new = rewrite_task_line(line, replace(task, **changes))
    assert parse_task_line(new) == replace(task, **changes)
    return new


def test_rewrite_changes_a_field_where_it_stands():
    line = "> 1. [ ] Alice: slides 📅2025-03-17   ⏫ #ml ^blk"
    assert (
        _rewritten(line, due_date=D("2025-03-20"))
        == "> 1. [ ] Alice: slides 📅2025-03-20   ⏫ #ml ^blk"
    )
    assert _rewritten(line, priority="low") == "> 1. [ ] Alice: slides 📅2025-03-17   🔽 #ml ^blk"
    assert _rewritten(line, priority=None) == "> 1. [ ] Alice: slides 📅2025-03-17 #ml ^blk"
    assert _rewritten(line, due_date=None) == "> 1. [ ] Alice: slides   ⏫ #ml ^blk"
    assert _rewritten(line, scheduled_date=D("2025-03-16")) == (
        "> 1. [ ] Alice: slides 📅2025-03-17   ⏫ #ml ⏳ 2025-03-16 ^blk"
    )


def test_rewrite_changes_the_description_and_keeps_tags_among_the_fields():
    line = "- [ ] Alice: slides 📅 2025-03-17 #ml"
    assert _rewritten(line, text="slides v2 #ml") == "- [ ] Alice: slides v2 📅 2025-03-17 #ml"
    assert _rewritten(line, assignee="Bob") == "- [ ] Bob: slides 📅 2025-03-17 #ml"
    assert _rewritten(line, assignee=None) == "- [ ] slides 📅 2025-03-17 #ml"
    # The tag taken out of the text goes from the line too.
    assert _rewritten(line, text="slides") == "- [ ] Alice: slides 📅 2025-03-17"
    assert _rewritten("- [ ] 📅 2025-03-17", text="new") == "- [ ] new 📅 2025-03-17"
    assert _rewritten("- [ ]", text="new") == "- [ ] new"


def test_rewrite_keeps_what_the_caller_does_not_know():
    line = "- [-] slides 🆔 s1 ⛔ a,b 🏁 keep 📅 2025-03-17 ❌ 2025-03-10 ^blk"
    # A to-do's row knows none of these: fields without them change only what they say.
    row = TaskFields(text="slides", due_date=D("2025-03-18"), cancelled_date=D("2025-03-10"))
    assert rewrite_task_line(line, row) == line.replace("03-17", "03-18")
    assert rewrite_task_line(line, TaskFields(text="slides", task_id="s2")) == (
        "- [-] slides 🆔 s2 ⛔ a,b 🏁 keep ^blk"
    )
    ticked = TaskFields(text="slides", done=True, done_date=TODAY, due_date=D("2025-03-17"))
    assert rewrite_task_line(line, ticked) == (
        "- [x] slides 🆔 s1 ⛔ a,b 🏁 keep 📅 2025-03-17 ✅ 2025-03-11 ^blk"
    )


def test_rewrite_falls_back_to_the_plugins_layout_when_an_edit_would_read_otherwise():
    line = "  + [ ] slides #ml ⏫"
    wanted = TaskFields(text="until ✅ 2025-01-01 #ml", priority="high")
    new = rewrite_task_line(line, wanted)
    # In place the text would end in what reads as a done date; the plugin's layout keeps
    # the line's marker and indent and reads back as much as any line can.
    assert new.startswith("  + [ ] ")
    assert rewrite_task_line("not a task", TaskFields(text="a")) == "- [ ] a"


def test_reader_reports_where_fields_stand():
    line = "- [ ] a 📅 2025-01-01 #t ^b"
    read = read_task_line(line)
    assert read is not None
    due = read.effective("due_date")
    assert due is not None and line[due.value_start : due.value_end] == "2025-01-01"
    assert read.block_link_span is not None and line[read.block_link_span[0] :] == " ^b"
    assert [t.kind for t in read.tokens] == ["tag", "due_date"]


# ---- round trip of fields -------------------------------------------------------------------

_FIELD_SIGNS = "🔺⏫🔼🔽⏬🔁📅⏳🛫➕✅❌🗓📆⌛✔🏁🆔⛔"
_WORD_CHARS = st.characters(
    categories=("L", "N", "P", "S"),
    exclude_characters=_FIELD_SIGNS + "\ufe0f:[]^",
)
_WORD = st.text(_WORD_CHARS, min_size=1, max_size=8)
# A plausible description: words separated by single spaces; no line breaks, no field sign,
# nothing that reads as a "Name:" prefix (that is the assignee's job).
_TEXT = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
_DATES = st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
# Words like "Note" or "메모" before a colon are never read as an assignee.
_NAME = st.text(st.characters(categories=("L",)), min_size=1, max_size=10).filter(
    lambda name: name.casefold() not in tasks._ASSIGNEE_WORDS_TO_SKIP
)
_RECURRENCE = st.sampled_from(
    ["every week", "every day", "every 2 weeks", "every month on the 1st", "every day when done"]
)
_ID = st.text("abcXYZ019_-", min_size=1, max_size=6)


@st.composite
def task_fields(draw):
    symbol = draw(st.sampled_from([" ", "x", "X", "/", "-", "?", ">"]))
    return TaskFields(
        text=draw(_TEXT),
        done=symbol in "xX",
        priority=draw(st.one_of(st.none(), st.sampled_from(sorted(PRIORITY_SIGNS.values())))),
        recurrence=draw(st.one_of(st.none(), _RECURRENCE)),
        created_date=draw(_DATES),
        start_date=draw(_DATES),
        scheduled_date=draw(_DATES),
        due_date=draw(_DATES),
        cancelled_date=draw(_DATES),
        done_date=draw(_DATES),
        assignee=draw(st.one_of(st.none(), _NAME)),
        status_symbol=symbol,
        task_id=draw(st.one_of(st.none(), _ID)),
        depends_on=tuple(draw(st.lists(_ID, max_size=3))),
        on_completion=draw(st.sampled_from([None, "keep", "delete"])),
        block_link=draw(st.one_of(st.none(), st.from_regex(r"\^[a-z0-9-]{1,6}", fullmatch=True))),
    )


@settings(max_examples=400, deadline=None)
@given(task_fields())
def test_format_then_parse_gives_the_same_fields(task):
    line = format_task_line(task)
    assert "\n" not in line
    assert parse_task_line(line) == task
    assert rewrite_task_line(line, task) == line


@settings(max_examples=100, deadline=None)
@given(task_fields(), st.sampled_from(["", "  ", "    ", "\t", "> ", ">>> ", ">     "]))
def test_indentation_does_not_change_the_fields(task, indent):
    assert parse_task_line(format_task_line(task, indent)) == task


@settings(max_examples=200, deadline=None)
@given(task_fields(), task_fields())
def test_rewrite_says_the_new_fields(old, new):
    line = format_task_line(old, "  ")
    rewritten = rewrite_task_line(line, new)
    assert rewritten.startswith("  - [")
    expected = new
    # Fields the new ones leave empty that a caller may not know of stay as the line has them.
    for name in ("task_id", "depends_on", "on_completion", "block_link"):
        if getattr(new, name) in (None, ()):
            expected = replace(expected, **{name: getattr(old, name)})
    if new.done == old.done and new.status_symbol in " x":
        expected = replace(expected, status_symbol=old.status_symbol)
    assert parse_task_line(rewritten) == expected


# Known ambiguities of the line format, kept visible.
def test_description_with_a_colon_prefix_reads_as_an_assignee_and_keeps_its_line():
    # "Word: rest" is how people assign to-dos ("Chen: set up..."); the line itself is
    # written back unchanged, so nothing is lost either way.
    line = "- [ ] Read: chapter 3"
    task = parse_task_line(line)
    assert task is not None and task.assignee == "Read" and task.text == "chapter 3"
    assert format_task_line(task) == line


def test_assignee_with_a_dot_round_trips():
    task = TaskFields(text="x", assignee="Dr. Kim")
    assert parse_task_line(format_task_line(task)) == task


def test_repeat_sign_mid_sentence_stays_in_the_text():
    task = parse_task_line("- [ ] fix 🔁 loop bug")
    assert task is not None and task.text == "fix 🔁 loop bug" and task.recurrence is None
