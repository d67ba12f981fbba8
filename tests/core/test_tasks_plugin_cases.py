"""Tasks lines read and written back as the Obsidian Tasks plugin reads and writes them.

Each case comes from the plugin's own test suite (obsidian-tasks-group/obsidian-tasks); the
comment above it names the file and the test. Where this project deliberately differs
(it keeps a line's own layout instead of rewriting it, and leaves malformed fields in the
text), the case says so. Dates of ticks are the plugin test's own fake "today".
"""

import datetime as dt

import pytest

from studyapp.core.task_recurrence import lines_with_status
from studyapp.core.tasks import (
    TASK_LINE,
    StatusType,
    TaskFields,
    format_task_line,
    next_status_symbol,
    parse_task_line,
    rewrite_task_line,
    status_type,
    with_status,
    with_status_symbol,
)

D = dt.date.fromisoformat


def _read(line: str) -> TaskFields:
    task = parse_task_line(line)
    assert task is not None, line
    return task


def _check(line: str, **expected: object) -> None:
    task = _read(line)
    for name, value in expected.items():
        if isinstance(value, str) and name.endswith("_date"):
            value = D(value)
        assert getattr(task, name) == value, (name, line)


# -- reading: tests/Task/Task.test.ts, describe "parsing" ------------------------------------

READ_CASES = [
    # tests/Task/Task.test.ts: "parses a task from a line starting with hyphen"
    pytest.param(
        "- [x] this is a done task 🗓 2021-09-12 ✅ 2021-06-20 ➕ 2023-03-07",
        {
            "text": "this is a done task",
            "done": True,
            "status_symbol": "x",
            "created_date": "2023-03-07",
            "due_date": "2021-09-12",
            "done_date": "2021-06-20",
        },
        id="hyphen",
    ),
    # tests/Task/Task.test.ts: "parses a task from a line starting with asterisk"
    pytest.param("* [ ] this is a task in asterisk list", {"done": False}, id="asterisk"),
    # tests/Task/Task.test.ts: "parses a task from a line starting with plus sign"
    pytest.param("+ [ ] this is a task in asterisk list", {"done": False}, id="plus"),
    # tests/Task/Task.test.ts: "parses a task from a line (numbered)"
    pytest.param(
        "1. [x] this is a done task", {"text": "this is a done task", "done": True}, id="numbered"
    ),
    # tests/Task/Task.test.ts: "parses a task from a line (big number)"
    pytest.param(
        "909999. [ ] this is a todo task",
        {"text": "this is a todo task", "status_type": StatusType.TODO},
        id="big-number",
    ),
    # tests/Task/Task.test.ts: "supports capitalised status characters"
    pytest.param(
        "- [D] this is a deferred task",
        {"status_symbol": "D", "status_type": StatusType.TODO, "done": False},
        id="capital-status",
    ),
    # tests/Task/Task.test.ts: "allows signifier emojis as part of the description"
    pytest.param(
        "- [x] this is a ✅ done task 🗓 2021-09-12 ✅ 2021-06-20",
        {
            "text": "this is a ✅ done task",
            "done": True,
            "start_date": None,
            "due_date": "2021-09-12",
            "done_date": "2021-06-20",
        },
        id="emoji-in-description",
    ),
    # tests/Task/Task.test.ts: "also works with block links and trailing spaces"
    pytest.param(
        "- [x] this is a ✅ done task 🗓 2021-09-12 ✅ 2021-06-20 ^my-precious  ",
        {
            "text": "this is a ✅ done task",
            "done": True,
            "due_date": "2021-09-12",
            "done_date": "2021-06-20",
            "block_link": "^my-precious",
        },
        id="block-link",
    ),
    # tests/Task/Task.test.ts: "supports tag anywhere in the description and separates them
    # correctly from signifier emojis"
    pytest.param(
        "- [ ] this is a task due 📅 2021-09-12 #inside_tag ⏫ #some/tags_with_underscore",
        {
            "text": "this is a task due #inside_tag #some/tags_with_underscore",
            "tags": ("#inside_tag", "#some/tags_with_underscore"),
            "due_date": "2021-09-12",
            "priority": "high",
        },
        id="tags-among-fields",
    ),
    # tests/Task/Task.test.ts: "supports parsing large number of values"
    pytest.param(
        "- [ ] Wobble ⏫  #tag1 ✅ 2022-07-02 #tag2  📅 2022-07-02 #tag3 ⏳ 2022-07-02 #tag4 "
        "🛫 2022-07-02 #tag5  🔁 every day  #tag6 #tag7 #tag8 #tag9 #tag10",
        {
            "text": "Wobble #tag1 #tag2 #tag3 #tag4 #tag5 #tag6 #tag7 #tag8 #tag9 #tag10",
            "due_date": "2022-07-02",
            "done_date": "2022-07-02",
            "start_date": "2022-07-02",
            "scheduled_date": "2022-07-02",
            "priority": "high",
            "recurrence": "every day",
            "tags": tuple(f"#tag{n}" for n in range(1, 11)),
        },
        id="many-values",
    ),
]

# tests/Task/Task.test.ts: "supports parsing of emojis with multiple spaces"
_WOBBLE = {
    "text": "Wobble",
    "done_date": "2022-07-01",
    "due_date": "2022-07-02",
    "scheduled_date": "2022-07-03",
    "start_date": "2022-07-04",
    "created_date": "2022-07-05",
    "recurrence": "every day",
}
READ_CASES += [
    pytest.param(line, _WOBBLE, id=f"spaces-{n}")
    for n, line in enumerate(
        [
            "- [ ] Wobble ✅2022-07-01 📅2022-07-02 ⏳2022-07-03 🛫2022-07-04 ➕2022-07-05 "
            "🔁every day",
            "- [ ] Wobble ✅ 2022-07-01 📅 2022-07-02 ⏳ 2022-07-03 🛫 2022-07-04 ➕ 2022-07-05 "
            "🔁 every day",
            "- [ ] Wobble ✅  2022-07-01 📅  2022-07-02 ⏳  2022-07-03 🛫  2022-07-04 "
            "➕  2022-07-05 🔁  every day",
            "- [ ] Wobble ✅  2022-07-01 📅  2022-07-02 ⏳  2022-07-03 🛫  2022-07-04 "
            "➕   2022-07-05 🔁  every day",
        ]
    )
]

# tests/Task/Task.test.ts: "supports parsing of tasks inside blockquotes or callouts"
READ_CASES += [
    pytest.param(
        line,
        {"text": "Task inside a blockquote or callout", "due_date": "2022-07-29"},
        id=f"quoted-{n}",
    )
    for n, line in enumerate(
        [
            "> - [ ] Task inside a blockquote or callout 📅2022-07-29",
            ">>> - [ ] Task inside a blockquote or callout 📅2022-07-29",
            "> > > * [ ] Task inside a blockquote or callout 📅2022-07-29",
        ]
    )
]


@pytest.mark.parametrize(("line", "expected"), READ_CASES)
def test_reads_as_the_plugin_reads(line, expected):
    _check(line, **expected)


@pytest.mark.parametrize(
    "line",
    [
        # tests/Task/Task.test.ts: "supports parsing of tasks inside blockquotes or callouts"
        "> - [ ] Task inside a blockquote or callout 📅2022-07-29",
        ">>> - [ ] Task inside a blockquote or callout 📅2022-07-29",
        "> > > * [ ] Task inside a blockquote or callout 📅2022-07-29",
        # tests/Task/Task.test.ts: "retains the indentation"
        "> > > - [ ] Task inside a nested blockquote or callout",
    ],
)
def test_quote_prefix_is_the_indentation(line):
    match = TASK_LINE.match(line)
    assert match is not None
    assert match["indent"] == line.split("-")[0].split("*")[0]


# tests/Task/Task.test.ts: "done not parse a task from a line starting with @ sign"
def test_at_sign_is_no_list_marker():
    assert parse_task_line("@ [ ] this is a task in asterisk list") is None


# -- reading tags: tests/Task/Task.test.ts, describe "parsing tags" -------------------------
# The plugin leaves a global filter tag out of its tag list; this project has no global
# filter, so for those cases it is listed first.

_GLOBAL = "#someglobaltasktag"
TAG_CASES = [
    (
        "- [x] this is a done task #tagone 🗓 2021-09-12 #another-tag ✅ 2021-06-20 #and_another",
        "this is a done task #tagone #another-tag #and_another",
        ["#tagone", "#another-tag", "#and_another"],
    ),
    (
        "- [x] this is a done task #tagone #tagtwo 🗓 2021-09-12 ✅ 2021-06-20",
        "this is a done task #tagone #tagtwo",
        ["#tagone", "#tagtwo"],
    ),
    (
        "- [ ] this is a normal task #tagone 🗓 2021-09-12 ✅ 2021-06-20",
        "this is a normal task #tagone",
        ["#tagone"],
    ),
    (
        "- [ ] this is a normal task #tagone #tagtwo 🗓 2021-09-12 ✅ 2021-06-20",
        "this is a normal task #tagone #tagtwo",
        ["#tagone", "#tagtwo"],
    ),
    (
        "- [ ] this is a normal task #tagone #tag/with/depth #tagtwo 🗓 2021-09-12 ✅ 2021-06-20",
        "this is a normal task #tagone #tag/with/depth #tagtwo",
        ["#tagone", "#tag/with/depth", "#tagtwo"],
    ),
    (
        f"- [x] {_GLOBAL} this is a done task #tagone 🗓 2021-09-12 ✅ 2021-06-20",
        f"{_GLOBAL} this is a done task #tagone",
        [_GLOBAL, "#tagone"],
    ),
    (
        f"- [x] {_GLOBAL} this is a done task #tagone #tagtwo 🗓 2021-09-12 ✅ 2021-06-20",
        f"{_GLOBAL} this is a done task #tagone #tagtwo",
        [_GLOBAL, "#tagone", "#tagtwo"],
    ),
    (
        f"- [ ] {_GLOBAL} this is a normal task #tagone 🗓 2021-09-12 ✅ 2021-06-20",
        f"{_GLOBAL} this is a normal task #tagone",
        [_GLOBAL, "#tagone"],
    ),
    (
        f"- [ ] {_GLOBAL} this is a normal task #tagone #tagtwo 🗓 2021-09-12 #tagthree "
        "✅ 2021-06-20 #tagfour",
        f"{_GLOBAL} this is a normal task #tagone #tagtwo #tagthree #tagfour",
        [_GLOBAL, "#tagone", "#tagtwo", "#tagthree", "#tagfour"],
    ),
    (
        f"- [ ] {_GLOBAL} this is a normal task #tagone #tag/with/depth #tagtwo 🗓 2021-09-12 "
        "✅ 2021-06-20",
        f"{_GLOBAL} this is a normal task #tagone #tag/with/depth #tagtwo",
        [_GLOBAL, "#tagone", "#tag/with/depth", "#tagtwo"],
    ),
    (
        "* [ ] Export [Cloud Feedly feeds](https://cloud.feedly.com/#opml) #context/pc_clare "
        "🔁 every 4 weeks on Sunday ⏳ 2022-05-15 #context/more_context",
        "Export [Cloud Feedly feeds](https://cloud.feedly.com/#opml) #context/pc_clare "
        "#context/more_context",
        ["#context/pc_clare", "#context/more_context"],
    ),
    (
        "- [ ] Export [Cloud Feedly feeds](https://cloud.feedly.com/#opml) #context/pc_clare "
        "⏳ 2022-05-15 🔁 every 4 weeks on Sunday #context/more_context",
        "Export [Cloud Feedly feeds](https://cloud.feedly.com/#opml) #context/pc_clare "
        "#context/more_context",
        ["#context/pc_clare", "#context/more_context"],
    ),
    (
        "- [ ] Review [savings accounts and interest rates]"
        "(https://www.moneysavingexpert.com/tips/2022/04/20/#hiya) #context/pc_clare ⏳ 2022-05-06",
        "Review [savings accounts and interest rates]"
        "(https://www.moneysavingexpert.com/tips/2022/04/20/#hiya) #context/pc_clare",
        ["#context/pc_clare"],
    ),
    (
        "> - [ ] Task inside a blockquote or callout #tagone",
        "Task inside a blockquote or callout #tagone",
        ["#tagone"],
    ),
    (
        ">>> * [ ] Task inside a nested blockquote or callout #tagone",
        "Task inside a nested blockquote or callout #tagone",
        ["#tagone"],
    ),
    # A "#" alone is no tag (the plugin's issue 1969).
    (
        "- [ ] count the # of tomatoes #gardening",
        "count the # of tomatoes #gardening",
        ["#gardening"],
    ),
]


# tests/Task/Task.test.ts: describe "parsing tags", 'should parse "$markdownTask" and extract
# "$extractedTags"'
@pytest.mark.parametrize(("line", "description", "tags"), TAG_CASES)
def test_tags_move_to_the_end_of_the_description(line, description, tags):
    task = _read(line)
    assert task.text == description
    assert task.tags == tuple(tags)


# -- reading single fields: tests/TaskSerializer/DefaultTaskSerializer.test.ts --------------
# The serializer reads what follows the box; here each is the body of a "- [ ] " line.

FIELD_CASES = [
    # "should parse an empty string"
    pytest.param("", {"text": "", "priority": None, "due_date": None}, id="empty"),
    # "should parse a $what" (startDate, createdDate, scheduledDate, dueDate, doneDate)
    pytest.param("🛫 2021-06-20", {"start_date": "2021-06-20", "text": ""}, id="start"),
    pytest.param("➕ 2021-06-20", {"created_date": "2021-06-20"}, id="created"),
    pytest.param("⏳ 2021-06-20", {"scheduled_date": "2021-06-20"}, id="scheduled"),
    pytest.param("📅 2021-06-20", {"due_date": "2021-06-20"}, id="due"),
    pytest.param("✅ 2021-06-20", {"done_date": "2021-06-20"}, id="done"),
    # "should parse a scheduledDate - with non-standard emoji"
    pytest.param("⌛ 2021-06-20", {"scheduled_date": "2021-06-20"}, id="scheduled-hourglass"),
    # "should parse a scheduledDate - with Variation Selector"
    pytest.param("⏳\ufe0f 2024-11-18", {"scheduled_date": "2024-11-18"}, id="scheduled-vs16"),
    # "should parse a dueDate - with non-standard emoji 1"
    pytest.param("📆 2021-06-20", {"due_date": "2021-06-20"}, id="due-tear-off"),
    # "should parse a dueDate - with non-standard emoji 2"
    pytest.param("🗓 2021-06-20", {"due_date": "2021-06-20"}, id="due-spiral"),
    # "should parse a priority" (each of Highest, High, None, Medium, Low, Lowest)
    pytest.param("🔺", {"priority": "highest", "text": ""}, id="highest"),
    pytest.param("⏫", {"priority": "high"}, id="high"),
    pytest.param("", {"priority": None}, id="none"),
    pytest.param("🔼", {"priority": "medium"}, id="medium"),
    pytest.param("🔽", {"priority": "low"}, id="low"),
    pytest.param("⏬", {"priority": "lowest"}, id="lowest"),
    # "should parse a high priority with Variant Selector 16"
    pytest.param("⏫\ufe0f", {"priority": "high", "text": ""}, id="high-vs16"),
    # "should parse a recurrence"
    pytest.param("🔁 every day", {"recurrence": "every day", "text": ""}, id="recurrence"),
    # "should parse delete action"
    pytest.param("🏁 Delete", {"on_completion": "delete", "text": ""}, id="delete"),
    # "should allow multiple spaces"
    pytest.param("🏁  Keep", {"on_completion": "keep"}, id="keep"),
    # "should parse depends on one task"
    pytest.param("⛔ F12345", {"depends_on": ("F12345",), "text": ""}, id="depends"),
    # "should parse depends on one task - with Variant Selector 16"
    pytest.param("⛔\ufe0f F12345", {"depends_on": ("F12345",)}, id="depends-vs16"),
    # "should parse depends on two tasks"
    pytest.param("⛔ 123456,abC123", {"depends_on": ("123456", "abC123")}, id="depends-two"),
    # "should parse depends on multiple tasks with varying spaces tasks"
    pytest.param(
        "⛔ ab , CD ,  EF  ,    GK", {"depends_on": ("ab", "CD", "EF", "GK")}, id="depends-spaces"
    ),
    # "should parse id with lower-case and numbers"
    pytest.param("🆔 pqrd0f", {"task_id": "pqrd0f", "text": ""}, id="id"),
    # "should parse id with capitals"
    pytest.param("🆔 Abcd0f", {"task_id": "Abcd0f"}, id="id-capitals"),
    # "should parse id with hyphen"
    pytest.param("🆔 Abcd0f-", {"task_id": "Abcd0f-"}, id="id-hyphen"),
    # "should parse id with underscore"
    pytest.param("🆔 Ab_cd0f", {"task_id": "Ab_cd0f"}, id="id-underscore"),
    # "should not parse id with asterisk, so id is left in description"
    pytest.param("🆔 A*bcd0f", {"task_id": None, "text": "🆔 A*bcd0f"}, id="id-asterisk"),
    # "should parse a description containing only tags without adding whitespace"
    pytest.param(
        "#hello #world #task",
        {"text": "#hello #world #task", "tags": ("#hello", "#world", "#task")},
        id="only-tags",
    ),
]


@pytest.mark.parametrize(("body", "expected"), FIELD_CASES)
def test_reads_each_field_as_the_serializer_does(body, expected):
    _check(f"- [ ] {body}", **expected)


# tests/TaskSerializer/DefaultTaskSerializer.test.ts: describe "serialize" (each writes the
# part after the description; here after an empty description and the box)
SERIALIZE_CASES = [
    # 'should serialize a $what'
    (TaskFields(text="", start_date=D("2021-06-20")), " 🛫 2021-06-20"),
    (TaskFields(text="", created_date=D("2021-06-20")), " ➕ 2021-06-20"),
    (TaskFields(text="", scheduled_date=D("2021-06-20")), " ⏳ 2021-06-20"),
    (TaskFields(text="", due_date=D("2021-06-20")), " 📅 2021-06-20"),
    (TaskFields(text="", done=True, done_date=D("2021-06-20")), " ✅ 2021-06-20"),
    # "should serialize a Highest, High, Medium, Low and Lowest priority"
    (TaskFields(text="", priority="highest"), " 🔺"),
    (TaskFields(text="", priority="high"), " ⏫"),
    (TaskFields(text="", priority="medium"), " 🔼"),
    (TaskFields(text="", priority="low"), " 🔽"),
    (TaskFields(text="", priority="lowest"), " ⏬"),
    # "should serialize a None priority"
    (TaskFields(text=""), ""),
    # "should serialize a recurrence"
    (TaskFields(text="", recurrence="every day"), " 🔁 every day"),
    # "should serialize onCompletion"
    (TaskFields(text="", on_completion="delete"), " 🏁 delete"),
    # "should serialize depends on"
    (TaskFields(text="", depends_on=("123456", "abc123")), " ⛔ 123456,abc123"),
    # "should serialize id"
    (TaskFields(text="", task_id="abcdef"), " 🆔 abcdef"),
    # "should serialize tags" (tags are part of the description)
    (TaskFields(text="#hello #world #task"), " #hello #world #task"),
]


@pytest.mark.parametrize(("task", "written"), SERIALIZE_CASES)
def test_writes_fields_as_the_serializer_does(task, written):
    line = format_task_line(task)
    assert line == f"- [{task.status_symbol}]{written}"
    assert parse_task_line(line) == task


# -- writing back: tests/Task/Task.test.ts, describe "to string" ----------------------------


@pytest.mark.parametrize(
    "line",
    [
        # "retains the indentation"
        "> > > - [ ] Task inside a nested blockquote or callout",
        # "retains the block link"
        "- [ ] this is a task 📅 2021-09-12 ^my-precious",
        # "retains the tags"
        "- [x] this is a done task #tagone 📅 2021-09-12 ✅ 2021-06-20 #journal/daily",
    ],
)
def test_a_line_written_back_unchanged_is_the_same_line(line):
    assert rewrite_task_line(line, _read(line)) == line


# tests/Task/Task.test.ts: "retains the tags". The plugin rewrites the whole line, tags first;
# a line written here keeps its own layout, and only a new line takes the plugin's.
def test_a_new_line_is_laid_out_as_the_plugin_writes_it():
    line = "- [x] this is a done task #tagone 📅 2021-09-12 ✅ 2021-06-20 #journal/daily"
    expected = "- [x] this is a done task #tagone #journal/daily 📅 2021-09-12 ✅ 2021-06-20"
    assert format_task_line(_read(line)) == expected


# -- statuses: tests/Statuses/Status.test.ts ------------------------------------------------


@pytest.mark.parametrize(
    ("symbol", "kind"),
    [
        # "should deduce type for unknown symbols"
        (" ", StatusType.TODO),
        ("!", StatusType.TODO),
        ("x", StatusType.DONE),
        ("X", StatusType.DONE),
        ("/", StatusType.IN_PROGRESS),
        ("-", StatusType.CANCELLED),
        # tests/Task/Task.test.ts: "supports capitalised status characters"
        ("D", StatusType.TODO),
        # tests/Statuses/StatusRegistry.test.ts: "should return Unknown status for lookup by
        # unknown symbol with bySymbolOrCreate()"
        ("?", StatusType.TODO),
        (">", StatusType.TODO),
    ],
)
def test_status_types(symbol, kind):
    assert status_type(symbol) is kind
    assert _read(f"- [{symbol}] a").status_type is kind
    assert _read(f"- [{symbol}] a").done == (kind is StatusType.DONE)


@pytest.mark.parametrize(
    ("symbol", "following"),
    [
        # "factory methods for default statuses": x => ' ', ' ' => x, - => ' ', / => x
        ("x", " "),
        (" ", "x"),
        ("-", " "),
        ("/", "x"),
        # "should construct a Status for unknown symbol": next status 'x'
        ("?", "x"),
        ("!", "x"),
    ],
)
def test_next_status(symbol, following):
    assert next_status_symbol(symbol) == following


# -- changing the status --------------------------------------------------------------------

STATUS_CASES = [
    # tests/Task/Task.test.ts, "toggle done": "retains the block link"
    (
        "- [ ] this is a task 📅 2021-09-12 ^my-precious",
        "x",
        "2023-06-26",
        ["- [x] this is a task 📅 2021-09-12 ✅ 2023-06-26 ^my-precious"],
    ),
    # tests/Task/Task.test.ts, "toggle done": "removes done date after untoggle"
    (
        "- [x] I thought I finished ✅ 2021-09-12",
        " ",
        "2023-06-26",
        ["- [ ] I thought I finished"],
    ),
    # tests/Task/Task.test.ts, "toggling tasks with dependencies fields": "should retain id and
    # dependsOn after toggle NON-recurring task" (the plugin test turns the done date off)
    (
        "- [ ] should retain *id* and *dependsOn* 🆔 id2 ⛔ id1",
        "x",
        "2024-02-13",
        ["- [x] should retain *id* and *dependsOn* 🆔 id2 ⛔ id1 ✅ 2024-02-13"],
    ),
    # tests/Task/Task.test.ts, "toggling tasks with dependencies fields": "should remove id and
    # dependsOn after toggle RECURRING task"
    (
        "- [ ] should remove *id* and *dependsOn* in next recurrence 🆔 id2 ⛔ id1 🔁 every day "
        "📅 2024-02-13",
        "x",
        "2024-02-13",
        [
            "- [ ] should remove *id* and *dependsOn* in next recurrence 🔁 every day "
            "📅 2024-02-14",
            "- [x] should remove *id* and *dependsOn* in next recurrence 🆔 id2 ⛔ id1 "
            "🔁 every day 📅 2024-02-13 ✅ 2024-02-13",
        ],
    ),
    # tests/Task/Task.test.ts, "handle new status": "should not change the done date, if
    # changing from one DONE status to another"
    (
        "- [X] Stuff 📅 2023-12-15 ✅ 2019-01-17",
        "x",
        "2023-06-26",
        ["- [x] Stuff 📅 2023-12-15 ✅ 2019-01-17"],
    ),
    # tests/Task/Task.test.ts, "handle new status": "should not create new recurrence if
    # converting from one DONE status to another"
    (
        "- [x] A recurring, done task 🔁 every day 📅 2023-12-15 ✅ 2023-12-15",
        "X",
        "2023-06-26",
        ["- [X] A recurring, done task 🔁 every day 📅 2023-12-15 ✅ 2023-12-15"],
    ),
    # tests/Task/Task.test.ts, "cancelled dates and new status": "should add cancelled date and
    # remove done date, if changing from DONE to CANCELLED"
    (
        "- [X] Stuff 📅 2023-12-15 ✅ 2019-01-17",
        "-",
        "2023-06-26",
        ["- [-] Stuff 📅 2023-12-15 ❌ 2023-06-26"],
    ),
    # tests/Task/Task.test.ts, "cancelled dates and new status": "should not add cancelled date
    # when changing to CANCELLED, if setting disabled" — with the setting on, its default
    (
        "- [ ] Stuff",
        "-",
        "2023-06-26",
        ["- [-] Stuff ❌ 2023-06-26"],
    ),
    # tests/Task/Task.test.ts, "cancelled dates and new status": "should remove cancelled date
    # when toggling CANCELLED recurring task to DONE"
    (
        "- [-] Stuff 🔁 every day 📅 2023-05-15 ❌ 2023-05-16",
        "x",
        "2023-06-26",
        [
            "- [ ] Stuff 🔁 every day 📅 2023-05-16",
            "- [x] Stuff 🔁 every day 📅 2023-05-15 ✅ 2023-06-26",
        ],
    ),
    # tests/Task/Task.test.ts, "created dates on recurring task": "should not set created date
    # with disabled setting" (the default)
    (
        "- [ ] this is a task 🔁 every day 📅 2021-09-12",
        "x",
        "2023-03-08",
        [
            "- [ ] this is a task 🔁 every day 📅 2021-09-13",
            "- [x] this is a task 🔁 every day 📅 2021-09-12 ✅ 2023-03-08",
        ],
    ),
    # tests/Task/Task.test.ts, "created dates on recurring task": "should not set created date
    # if setting disabled, even if original has created date"
    (
        "- [ ] this is a task 🔁 every day ➕ 2021-09-11 📅 2021-09-12",
        "x",
        "2023-03-08",
        [
            "- [ ] this is a task 🔁 every day 📅 2021-09-13",
            "- [x] this is a task 🔁 every day ➕ 2021-09-11 📅 2021-09-12 ✅ 2023-03-08",
        ],
    ),
    # tests/Task/Task.test.ts, "order of recurring tasks": "should put new task before old, by
    # default"
    (
        "- [ ] this is a recurring task 🔁 every day",
        "x",
        "2023-05-16",
        [
            "- [ ] this is a recurring task 🔁 every day",
            "- [x] this is a recurring task 🔁 every day ✅ 2023-05-16",
        ],
    ),
    # tests/Task/OnCompletion.test.ts: "should not delete an already-done task"
    (
        "- [x] An already-DONE, non-recurring task 🏁 delete ✅ 2024-02-10",
        "x",
        "2024-02-11",
        ["- [x] An already-DONE, non-recurring task 🏁 delete ✅ 2024-02-10"],
    ),
    # tests/Task/OnCompletion.test.ts: "should just return trigger-less, non-recurring task"
    (
        "- [ ] A non-recurring task with no trigger 📅 2024-02-10",
        "x",
        "2024-02-11",
        ["- [x] A non-recurring task with no trigger 📅 2024-02-10 ✅ 2024-02-11"],
    ),
    # tests/Task/OnCompletion.test.ts: "should just return trigger-less recurring task"
    (
        "- [ ] A recurring task with no trigger 🔁 every day 📅 2024-02-10",
        "x",
        "2024-02-11",
        [
            "- [ ] A recurring task with no trigger 🔁 every day 📅 2024-02-11",
            "- [x] A recurring task with no trigger 🔁 every day 📅 2024-02-10 ✅ 2024-02-11",
        ],
    ),
    # tests/Task/OnCompletion.test.ts: "should return the task when going from TODO to
    # IN_PROGRESS"
    (
        '- [ ] A recurring task with "delete" Action 🔁 every day 🏁 delete 📅 2024-02-10',
        "/",
        "2024-02-11",
        ['- [/] A recurring task with "delete" Action 🔁 every day 🏁 delete 📅 2024-02-10'],
    ),
    # tests/Task/OnCompletion.test.ts: "should return the task when going from one DONE status
    # to another DONE status"
    (
        "- [x] A simple done task with 🏁 delete",
        "X",
        "2024-02-11",
        ["- [X] A simple done task with 🏁 delete"],
    ),
    # tests/Task/OnCompletion.test.ts: "should retain a task with "keep" Action upon completion"
    (
        '- [ ] A non-recurring task with "keep" Action 🏁 keep',
        "x",
        "2024-02-11",
        ['- [x] A non-recurring task with "keep" Action 🏁 keep ✅ 2024-02-11'],
    ),
    # tests/Task/OnCompletion.test.ts: "should retain only the next instance of a recurring
    # task with "delete" Action upon completion"
    (
        '- [ ] A recurring task with "delete" Action 🔁 every day 🏁 delete 📅 2024-02-10',
        "x",
        "2024-02-11",
        ['- [ ] A recurring task with "delete" Action 🔁 every day 🏁 delete 📅 2024-02-11'],
    ),
    # tests/Task/OnCompletion.test.ts: "should discard a task with "delete" Action upon
    # completion"
    (
        '- [ ] A non-recurring task with "delete" Action 🏁 delete',
        "x",
        "2024-02-11",
        [],
    ),
    # tests/Task/OnCompletion.test.visualise_completion-behaviour_visualise.approved.txt
    (
        "- [ ] A non-recurring task with invalid OC trigger 🏁 INVALID_ACTION 📅 2024-02-10",
        "x",
        "2024-02-11",
        [
            "- [x] A non-recurring task with invalid OC trigger 🏁 INVALID_ACTION 📅 2024-02-10 "
            "✅ 2024-02-11"
        ],
    ),
    (
        "- [ ] A non-recurring task with 🏁",
        "x",
        "2024-02-11",
        ["- [x] A non-recurring task with 🏁 ✅ 2024-02-11"],
    ),
    (
        "- [ ] A non-recurring task with 🏁 delete 📅 2024-02-10",
        "x",
        "2024-02-11",
        [],
    ),
    (
        "    - [ ] An indented task with 🏁 delete",
        "x",
        "2024-02-11",
        [],
    ),
    (
        "> - [ ] A task within a block quote or callout and 🏁 delete",
        "x",
        "2024-02-11",
        [],
    ),
    (
        "- [x] An already-DONE task, changing to Different DONE status 🏁 delete 📅 2024-02-10 "
        "✅ 2024-02-10",
        "X",
        "2024-02-11",
        [
            "- [X] An already-DONE task, changing to Different DONE status 🏁 delete 📅 2024-02-10 "
            "✅ 2024-02-10"
        ],
    ),
]


@pytest.mark.parametrize(("line", "symbol", "today", "expected"), STATUS_CASES)
def test_a_new_status_gives_the_plugins_lines(line, symbol, today, expected):
    assert list(lines_with_status(line, symbol, D(today))) == expected


# tests/Task/Task.test.ts, "toggle done": "retains the block link" / "removes done date after
# untoggle", through the plain tick of one line
def test_tick_and_untick_a_single_line():
    line = "- [ ] this is a task 📅 2021-09-12 ^my-precious"
    ticked = with_status(line, True, D("2023-06-26"))
    assert ticked == "- [x] this is a task 📅 2021-09-12 ✅ 2023-06-26 ^my-precious"
    assert with_status(ticked, False, D("2023-06-27")) == line
    assert with_status_symbol(line, "/", D("2023-06-26")) == line.replace("[ ]", "[/]")
