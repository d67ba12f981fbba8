"""Recurring to-dos: the next occurrence, as the Tasks plugin makes it.

The cases come from the plugin's tests (obsidian-tasks-group/obsidian-tasks) and its
documentation of recurring tasks; the comment above each names where.
"""

import datetime as dt

import pytest

from studyapp.core.task_recurrence import (
    lines_with_status,
    next_occurrence,
    next_occurrence_line,
    next_reference_date,
    ticked_lines,
    toggled_lines,
)
from studyapp.core.tasks import TaskFields, parse_task_line
from studyapp.core.tasks.rule_wording import read_rule

D = dt.date.fromisoformat
NOW = "2030-01-01"  # the plugin test's "today" when it sets none: the rule ignores it

# tests/Task/Task.test.ts, describe "toggle done": 'recurs correctly (%j)', its
# recurrenceCases (the three with custom statuses need statuses this project does not set
# up). Each: rule, dates (due, scheduled, start), today, next (due, scheduled, start).
RECURRENCE_CASES = [
    ("every 7 days", ("2021-02-21", None, None), NOW, ("2021-02-28", None, None)),
    (
        "every 7 days when done",
        ("2021-02-21", None, None),
        "2021-02-18",
        ("2021-02-25", None, None),
    ),
    (
        "every 7 days when done",
        ("2021-02-21", None, None),
        "2021-02-22",
        ("2021-03-01", None, None),
    ),
    ("every day", ("2021-02-21", None, None), NOW, ("2021-02-22", None, None)),
    ("every day when done", ("2021-02-21", None, None), "2022-01-04", ("2022-01-05", None, None)),
    ("every 4 weeks", ("2021-10-15", None, None), NOW, ("2021-11-12", None, None)),
    ("every 4 weeks", ("2021-10-12", None, None), NOW, ("2021-11-09", None, None)),
    ("every 4 weeks", ("2022-10-12", None, None), NOW, ("2022-11-09", None, None)),
    ("every 4 weeks", ("2033-10-12", None, None), NOW, ("2033-11-09", None, None)),
    (
        "every 3 weeks when done",
        ("2022-01-10", None, None),
        "2021-01-14",
        ("2021-02-04", None, None),
    ),
    ("every month", ("2021-10-15", None, None), NOW, ("2021-11-15", None, None)),
    ("every month", ("2021-10-18", None, None), NOW, ("2021-11-18", None, None)),
    ("every month when done", ("2021-10-18", None, None), "2021-10-16", ("2021-11-16", None, None)),
    ("every month when done", ("2021-10-18", None, None), "2021-10-24", ("2021-11-24", None, None)),
    (
        "every month on the 2nd Wednesday",
        ("2021-09-08", None, None),
        NOW,
        ("2021-10-13", None, None),
    ),
    (
        "every month on the 2nd Wednesday when done",
        ("2021-09-08", None, None),
        "2021-09-15",
        ("2021-10-13", None, None),
    ),
    (
        "every month on the 2nd Wednesday when done",
        ("2021-09-08", None, None),
        "2021-10-12",
        ("2021-10-13", None, None),
    ),
    (
        "every month on the 2nd Wednesday when done",
        ("2021-09-08", None, None),
        "2021-10-13",
        ("2021-11-10", None, None),
    ),
    (
        "every 3 months on the 3rd Thursday",
        ("2021-04-15", None, None),
        NOW,
        ("2021-07-15", None, None),
    ),
    (
        "every 3 months on the 3rd Thursday",
        ("2021-08-19", None, None),
        NOW,
        ("2021-11-18", None, None),
    ),
    (
        "every 3 months on the 3rd Thursday",
        ("2021-09-16", None, None),
        NOW,
        ("2021-12-16", None, None),
    ),
    (
        "every week on Monday, Wednesday, Friday",
        ("2022-01-24", None, None),
        NOW,
        ("2022-01-26", None, None),
    ),
    (
        "every week on Monday, Wednesday, Friday when done",
        ("2022-01-24", None, None),
        "2022-01-25",
        ("2022-01-26", None, None),
    ),
    (
        "every week on Monday, Wednesday, Friday when done",
        ("2022-01-24", None, None),
        "2022-01-26",
        ("2022-01-28", None, None),
    ),
    ("every 5 days", (None, None, "2021-10-10"), NOW, (None, None, "2021-10-15")),
    ("every 5 days", (None, "2021-10-10", None), NOW, (None, "2021-10-15", None)),
    ("every 5 days", ("2021-10-11", None, "2021-10-10"), NOW, ("2021-10-16", None, "2021-10-15")),
    ("every 5 days", ("2021-10-11", "2021-10-10", None), NOW, ("2021-10-16", "2021-10-15", None)),
    (
        "every 5 days",
        ("2021-10-11", "2021-10-10", "2021-10-09"),
        NOW,
        ("2021-10-16", "2021-10-15", "2021-10-14"),
    ),
    (
        "every 10 days when done",
        ("2021-10-09", "2021-10-07", "2021-10-05"),
        "2021-10-04",
        ("2021-10-14", "2021-10-12", "2021-10-10"),
    ),
    (
        "every 10 days when done",
        ("2021-10-09", "2021-10-07", "2021-10-05"),
        "2021-10-06",
        ("2021-10-16", "2021-10-14", "2021-10-12"),
    ),
    (
        "every 10 days when done",
        ("2021-10-09", "2021-10-07", "2021-10-05"),
        "2021-10-08",
        ("2021-10-18", "2021-10-16", "2021-10-14"),
    ),
    (
        "every 10 days when done",
        ("2021-10-09", "2021-10-07", "2021-10-05"),
        "2021-10-10",
        ("2021-10-20", "2021-10-18", "2021-10-16"),
    ),
    # "Prioritise due date over scheduled and start"
    (
        "every month on the 15th",
        ("2025-08-16", "2025-08-11", "2025-08-06"),
        NOW,
        ("2025-09-15", "2025-09-10", "2025-09-05"),
    ),
    # "Prioritise scheduled date over start"
    (
        "every month on the 15th",
        (None, "2025-08-10", "2025-08-05"),
        NOW,
        (None, "2025-08-15", "2025-08-10"),
    ),
    # "every month - due 31 March, and so 31 April would not exist"
    ("every month", ("2021-03-31", None, None), NOW, ("2021-04-30", None, None)),
    # "every month - due 29 January, and so 29 February would not exist"
    ("every month", ("2021-01-29", None, None), NOW, ("2021-02-28", None, None)),
    # "every month - skips invalid dates if the recurrence rule states exact date, like 31st"
    ("every month on the 31st", ("2021-01-31", None, None), NOW, ("2021-03-31", None, None)),
    # "every year - skips invalid dates if the recurrence rule states exact date"
    (
        "every year on February the 29th",
        ("2021-01-01", None, None),
        NOW,
        ("2024-02-29", None, None),
    ),
    # "yearly, due on leap day 29th February: it used to skip forward 4 years"
    ("every year", ("2020-02-29", None, None), NOW, ("2021-02-28", None, None)),
    # "This also showed the existence of #2867" (twice)
    (
        "every month when done",
        (None, "1999-01-23", None),
        "2021-08-31",
        (None, "2021-09-30", None),
    ),
    (
        "every 2 years when done",
        (None, None, "1999-01-23"),
        "2020-02-29",
        (None, None, "2022-02-28"),
    ),
]


def _date(text):
    return None if text is None else D(text)


@pytest.mark.parametrize(("rule", "dates", "today", "expected"), RECURRENCE_CASES)
def test_recurs_as_the_plugin_does(rule, dates, today, expected):
    due, scheduled, start = dates
    # The plugin test's line: its rule, then scheduled, due and start dates.
    line = " ".join(
        part
        for part in (
            "- [ ] I am task",
            f"🔁 {rule}",
            scheduled and f"⏳ {scheduled}",
            due and f"📅 {due}",
            start and f"🛫 {start}",
        )
        if part
    )
    following, done = lines_with_status(line, "x", D(today))
    assert parse_task_line(done).done_date == D(today)
    task = parse_task_line(following)
    assert task.status_symbol == " " and task.recurrence == rule
    assert (task.due_date, task.scheduled_date, task.start_date) == tuple(map(_date, expected))


# tests/Task/Recurrence.test.ts, describe "Recurrence" (each from its due date)
@pytest.mark.parametrize(
    ("rule", "due", "expected"),
    [
        # "creates a recurrence the next month, even on the 31st"
        ("every month", "2022-01-31", "2022-02-28"),
        # "creates a recurrence 3 months in"
        ("every 3 months", "2022-01-31", "2022-04-30"),
        # "creates a recurrence the next month, even across years"
        ("every 2 months", "2023-12-31", "2024-02-29"),
        # "creates a recurrence in 2 years, even on Feb 29th"
        ("every 2 years", "2024-02-29", "2026-02-28"),
        # "creates a recurrence in 11 months, even on March 31"
        ("every 11 months", "2020-03-31", "2021-02-28"),
        # "creates a recurrence in 13 months, even on Jan 31"
        ("every 13 months", "2020-01-31", "2021-02-28"),
    ],
)
def test_next_dates_keep_to_short_months(rule, due, expected):
    task = TaskFields(text="t", recurrence=rule, due_date=D(due))
    following = next_occurrence(task, D(NOW))
    assert following is not None and following.due_date == D(expected)


# tests/Task/Recurrence.test.ts: "creates a recurring instance even if no date is given"
# tests/Task/Task.test.ts, "order of recurring tasks": "should put new task before old"
def test_a_rule_without_dates_still_recurs_without_dates():
    task = TaskFields(text="t", recurrence="every week")
    assert next_occurrence(task, D(NOW)) == task


# tests/Task/Task.test.ts, "toggle done": "supports recurrence rule after a due date". The
# plugin writes its own layout (📅, rule first); the line here keeps its own.
def test_rule_after_a_due_date():
    line = "- [ ] this is a task 🗓 2021-09-12 🔁 every day"
    assert next_occurrence_line(line, D(NOW)) == "- [ ] this is a task 🗓 2021-09-13 🔁 every day"


# tests/Task/Task.test.ts, "created dates on recurring task" (the setting turned on)
def test_created_date_when_asked_for():
    # "should set created date if setting enabled, when original has created date"
    line = "- [ ] this is a task 🔁 every day ➕ 2021-09-11 📅 2021-09-12"
    assert next_occurrence_line(line, D("2023-03-08"), set_created_date=True) == (
        "- [ ] this is a task 🔁 every day ➕ 2023-03-08 📅 2021-09-13"
    )
    # "should set created date if setting enabled": the plugin puts ➕ before 📅 as it
    # rewrites the line; added to a line kept as written, it goes after the last field.
    line = "- [ ] this is a task 🔁 every day 📅 2021-09-12"
    new = next_occurrence_line(line, D("2023-03-08"), set_created_date=True)
    assert new == "- [ ] this is a task 🔁 every day 📅 2021-09-13 ➕ 2023-03-08"
    assert parse_task_line(new) == parse_task_line(
        "- [ ] this is a task 🔁 every day ➕ 2023-03-08 📅 2021-09-13"
    )


# tests/Task/Task.test.ts, "handle new status": 'should allow "today" to be overridden, and
# to determine created, done and next due dates'. The plugin stamps the created date with
# the clock's date even when told another completion date; here it is the same "today".
def test_when_done_counts_from_the_given_day():
    line = "- [ ] Annual task 🔁 every year when done 📅 1989-12-23"
    new, done = lines_with_status(line, "x", D("2023-01-23"))
    assert new == "- [ ] Annual task 🔁 every year when done 📅 2024-01-23"
    assert done == "- [x] Annual task 🔁 every year when done 📅 1989-12-23 ✅ 2023-01-23"


# docs/Getting Started/Recurring Tasks.md, "Basic Example", "Repeating a Task Based on the
# Original Due Date or the Completion Date" and "Priority of Dates"
@pytest.mark.parametrize(
    ("line", "today", "expected"),
    [
        (
            "- [ ] take out the trash 🔁 every Sunday 📅 2021-04-25",
            "2021-04-24",
            "- [ ] take out the trash 🔁 every Sunday 📅 2021-05-02",
        ),
        (
            "- [ ] sweep the floors 🔁 every week ⏳ 2021-02-06",
            "2022-02-13",
            "- [ ] sweep the floors 🔁 every week ⏳ 2021-02-13",
        ),
        (
            "- [ ] sweep the floors 🔁 every week when done ⏳ 2021-02-06",
            "2022-02-13",
            "- [ ] sweep the floors 🔁 every week when done ⏳ 2022-02-20",
        ),
        (
            "-   [ ] Mow the lawn 🔁 every 2 weeks ⏳ 2021-10-28 📅 2021-10-30",
            NOW,
            "-   [ ] Mow the lawn 🔁 every 2 weeks ⏳ 2021-11-11 📅 2021-11-13",
        ),
    ],
)
def test_documented_examples(line, today, expected):
    assert next_occurrence_line(line, D(today)) == expected


# docs/Getting Started/Recurring Tasks.md, "How the New Date is Calculated: Repeating
# Monthly": each task completed in turn
@pytest.mark.parametrize(
    ("rule", "dues"),
    [
        (
            "every month on the last",
            ["2022-01-31", "2022-02-28", "2022-03-31", "2022-04-30", "2022-05-31", "2022-06-30"],
        ),
        (
            "every month",
            ["2021-10-31", "2021-11-30", "2021-12-30", "2022-01-30", "2022-02-28", "2022-03-28"],
        ),
        (
            "every month on the 31st",
            ["2022-01-31", "2022-03-31", "2022-05-31", "2022-07-31", "2022-08-31"],
        ),
    ],
)
def test_documented_monthly_chains(rule, dues):
    line = f"- [ ] do stuff 🔁 {rule} 📅 {dues[0]}"
    for expected in dues[1:]:
        line = next_occurrence_line(line, D(NOW))
        assert line == f"- [ ] do stuff 🔁 {rule} 📅 {expected}"


# docs/Getting Started/Recurring Tasks.md, "Examples": every one reads as a rule
@pytest.mark.parametrize(
    ("rule", "due", "expected"),
    [
        ("every 3 days", "2024-05-01", "2024-05-04"),
        ("every 10 days when done", "2024-05-01", "2024-05-13"),  # done 2024-05-03
        ("every weekday", "2024-05-03", "2024-05-06"),  # a Friday, then Monday
        ("every week on Sunday", "2024-05-01", "2024-05-05"),
        ("every week on Tuesday, Friday", "2024-05-01", "2024-05-03"),
        ("every 2 weeks", "2024-05-01", "2024-05-15"),
        ("every 3 weeks on Friday", "2024-05-03", "2024-05-24"),
        ("every 2 months", "2024-05-01", "2024-07-01"),
        ("every month on the 1st", "2024-05-01", "2024-06-01"),
        ("every month on the last", "2024-05-31", "2024-06-30"),
        ("every month on the last Friday", "2024-05-31", "2024-06-28"),
        ("every month on the 2nd last Friday", "2024-05-24", "2024-06-21"),
        ("every 6 months on the 2nd Wednesday", "2024-05-08", "2024-11-13"),
        ("every January on the 15th", "2024-01-15", "2025-01-15"),
        ("every February on the last", "2024-02-29", "2025-02-28"),
        ("every April and December on the 1st and 24th", "2024-04-24", "2024-12-01"),
        ("every year", "2024-05-01", "2025-05-01"),
    ],
)
def test_documented_rules(rule, due, expected):
    task = TaskFields(text="t", recurrence=rule, due_date=D(due))
    following = next_occurrence(task, D("2024-05-03"))
    assert following is not None and following.due_date == D(expected)


@pytest.mark.parametrize(
    "rule",
    [
        "every",  # rrule: "Unexpected end"
        "every blah",
        "every two weeks",  # rrule has the word as a token but no rule for it
        "every Monday,",  # rrule: "Unexpected end" after the comma
        "daily",
    ],
)
def test_wording_rrule_cannot_read_gives_no_next_occurrence(rule):
    assert read_rule(rule) is None
    assert next_occurrence(TaskFields(text="t", recurrence=rule, due_date=D(NOW)), D(NOW)) is None


def test_rules_that_end():
    # rrule's "for N times" counts from the reference date, which moves with each occurrence.
    task = TaskFields(text="t", recurrence="every day for 3 times", due_date=D("2024-05-01"))
    assert next_occurrence(task, D(NOW)).due_date == D("2024-05-02")
    once = TaskFields(text="t", recurrence="every day for 1 times", due_date=D("2024-05-01"))
    assert next_occurrence(once, D(NOW)) is None
    until = TaskFields(text="t", recurrence="every day until May 2 2024", due_date=D("2024-05-01"))
    assert next_occurrence(until, D(NOW)).due_date == D("2024-05-02")
    assert next_occurrence(TaskFields(text="t", recurrence="every day until"), D(NOW)) is None


def test_when_done_is_read_apart_from_the_rule():
    rule = read_rule("every week on Monday When Done")
    assert rule is not None and rule.when_done
    assert next_reference_date(rule, D("2024-05-06"), D("2024-05-08")) == D("2024-05-13")
    plain = read_rule("every week on Monday")
    assert plain is not None and not plain.when_done
    assert next_reference_date(plain, D("2024-05-06"), D("2024-05-30")) == D("2024-05-13")


# -- the new line ----------------------------------------------------------------------------


def test_the_new_line_keeps_the_lines_own_layout():
    line = "  > 1) [/] Chen: review #paper  🔁 every week  📅 2024-05-06 ⏫ 🆔 abc ^blk"
    new, done = lines_with_status(line, "x", D("2024-05-07"))
    # Same prefix, marker, spacing, tags and field order; status space, next date; no id
    # or block link (they name the one done).
    assert new == "  > 1) [ ] Chen: review #paper  🔁 every week  📅 2024-05-13 ⏫"
    assert done == (
        "  > 1) [x] Chen: review #paper  🔁 every week  📅 2024-05-06 ⏫ 🆔 abc ✅ 2024-05-07 ^blk"
    )
    assert parse_task_line(new) == TaskFields(
        text="review #paper",
        assignee="Chen",
        priority="high",
        recurrence="every week",
        due_date=D("2024-05-13"),
    )


def test_cancelling_or_starting_a_recurring_task_makes_no_new_one():
    # Task.handleNewStatus: only a task newly DONE recurs.
    line = "- [ ] water plants 🔁 every day 📅 2024-05-06"
    assert lines_with_status(line, "-", D("2024-05-07")) == (
        "- [-] water plants 🔁 every day 📅 2024-05-06 ❌ 2024-05-07",
    )
    assert lines_with_status(line, "/", D("2024-05-07")) == (line.replace("[ ]", "[/]"),)


def test_ticked_and_toggled_lines():
    line = "- [ ] water plants 🔁 every day 📅 2024-05-06"
    assert ticked_lines(line, False, D(NOW)) == (line,)
    assert len(ticked_lines(line, True, D(NOW))) == 2
    assert toggled_lines(line, D(NOW)) == ticked_lines(line, True, D(NOW))
    done = "- [x] water plants 🔁 every day 📅 2024-05-06 ✅ 2024-05-06"
    assert toggled_lines(done, D(NOW)) == ("- [ ] water plants 🔁 every day 📅 2024-05-06",)
    assert ticked_lines("not a task", True, D(NOW)) == ("not a task",)
    assert next_occurrence_line("- [ ] no rule", D(NOW)) is None
    assert next_occurrence_line("not a task", D(NOW)) is None
