"""assign, assignments, schedule, rotation and export-ics, run in-process."""

import datetime as dt
import json
import re

import pytest
from icalendar import Calendar

from studyapp.core import models
from studyapp.core.db import open_database

ASSIGNMENT_KEYS = ["paper_id", "paper_title", "person", "status", "due_date", "session_id"]
WEEKLY = "FREQ=WEEKLY;BYDAY=MO;BYHOUR=19;BYMINUTE=0"


@pytest.fixture
def paper_id(cli, db_path):
    assert cli("list").code == 0  # creates and migrates the database file
    database = open_database(f"sqlite:///{db_path}")
    try:
        with database.transaction() as orm:
            paper = models.Paper(title="UCDR-Adapter", title_key="ucdradapter")
            orm.add(paper)
            orm.flush()
            return paper.id
    finally:
        database.dispose()


def test_assign_says_when_a_person_is_new(cli, paper_id):
    first = cli("assign", paper_id, "동훈님", "--due", "2099-01-31")
    assert first.code == 0, first.err
    assert first.out.splitlines() == [
        "Added 동훈님 to the people list.",
        f"Assigned #{paper_id} 'UCDR-Adapter' to 동훈님 (due 2099-01-31); assignment #1.",
    ]
    second = cli("assign", paper_id, "동훈님")
    assert second.code == 0, second.err
    assert "Added" not in second.out


def test_assignments_json_and_overdue(cli, paper_id):
    cli("assign", paper_id, "Alice", "--due", "2099-01-31")
    cli("assign", paper_id, "Bob", "--due", "2020-01-31")
    result = cli("assignments", "--json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert [list(row) for row in rows] == [ASSIGNMENT_KEYS, ASSIGNMENT_KEYS]
    assert rows[0] == {
        "paper_id": paper_id,
        "paper_title": "UCDR-Adapter",
        "person": "Bob",
        "status": "assigned",
        "due_date": "2020-01-31",
        "session_id": None,
    }
    overdue = json.loads(cli("assignments", "--overdue", "--json").out)
    assert [row["person"] for row in overdue] == ["Bob"]
    text = cli("assignments").out.splitlines()
    assert "OVERDUE" in text[1] and "Bob" in text[1]


def test_assign_for_a_session(cli, paper_id, db_path):
    database = open_database(f"sqlite:///{db_path}")
    try:
        with database.transaction() as orm:
            session = models.Session(
                group=models.Group(name="KD"), title="0310", date=dt.date(2025, 3, 10)
            )
            orm.add(session)
            orm.flush()
            session_id = session.id
    finally:
        database.dispose()
    result = cli("assign", paper_id, "Alice", "--session", session_id)
    assert result.code == 0, result.err
    assert f"(for session #{session_id} on 2025-03-10)" in result.out
    [row] = json.loads(cli("assignments", "--json").out)
    assert (row["session_id"], row["due_date"]) == (session_id, None)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["assign", "999", "Alice"], 1, "studyapp: There is no paper 999."),
        (["assign", "1", "Alice", "--session", "5"], 1, "studyapp: There is no session 5."),
        (["assign", "x", "Alice"], 2, "invalid paper id 'x'"),
        (["assign", "1", "A", "--session", "1", "--due", "2025-01-01"], 2, "not allowed with"),
        (["assign", "1", "A", "--due", "2025-02-30"], 2, "invalid date"),
        (["schedule", "KD", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31"], 1, "no meeting in the next"),
        (["schedule", "KD", "FREQ=WEEKLY", "--timezone", "Mars/X"], 1, "Unknown time zone"),
        (["rotation", "nobody"], 1, "studyapp: There is no group 'nobody'."),
        (["export-ics", "out.ics", "--group", "nobody"], 1, "There is no group 'nobody'."),
    ],
)
def test_errors_are_one_line(cli, paper_id, args, code, message):
    result = cli(*args)
    assert result.code == code
    if code == 1:
        assert len(result.err_lines) == 1
        assert result.err_lines[0].startswith("studyapp: ")
    assert message in result.err


def test_schedule_rotation_plan_and_export(cli, tmp_path):
    rotation = cli("rotation", "KD 스터디", "--members", "동훈님, Alice,Bob")
    assert rotation.code == 0, rotation.err
    assert rotation.out.splitlines() == ["Members: 동훈님, Alice, Bob"]
    assert "no meeting schedule" in cli("rotation", "KD 스터디", "--next", "2").err

    result = cli("schedule", "KD 스터디", "RRULE:" + WEEKLY, "--skip", "2099-01-05")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:3] == [
        f"KD 스터디 meets {WEEKLY} (Asia/Seoul).",
        "Skipped: 2099-01-05",
        "Next meetings:",
    ]
    meetings = lines[3:]
    assert len(meetings) == 8
    assert all(re.fullmatch(r"  \d{4}-\d{2}-\d{2} Mon 19:00", line) for line in meetings)

    nexts = cli("rotation", "KD 스터디", "--next", "3").out.splitlines()
    assert [line.split()[-1] for line in nexts[1:]] == ["동훈님", "Alice", "Bob"]

    planned = cli("schedule", "KD 스터디", WEEKLY, "--plan", "2")
    assert planned.code == 0, planned.err
    assert "Skipped: 2099-01-05" in planned.out  # kept when --skip is not given
    assert re.search(r"Planned [23] new sessions\.", planned.out)
    again = cli("schedule", "KD 스터디", WEEKLY, "--plan", "2")
    assert "Planned 0 new sessions." in again.out

    target = tmp_path / "kd.ics"
    exported = cli("export-ics", str(target), "--group", "KD 스터디")
    assert exported.code == 0, exported.err
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert exported.out.strip() == f"Wrote {len(events)} sessions to {target}."
    assert len(events) in (2, 3)
    assert {event["DTSTART"].dt.strftime("%a %H:%M") for event in events} == {"Mon 19:00"}
    assert str(events[0]["DESCRIPTION"]) == "Presenters: 동훈님"


def test_schedule_whose_planning_fails_keeps_the_old_schedule(cli, db_path, monkeypatch):
    from studyapp.core.errors import DatabaseError
    from studyapp.core.services import schedules
    from studyapp.core.services.schedules import ScheduleService
    from studyapp.core.services.sessions import SessionService

    assert cli("schedule", "KD 스터디", WEEKLY).code == 0

    def disk_full(*_args, **_kwargs):
        raise DatabaseError("The disk is full; free some space and try again.")

    monkeypatch.setattr(schedules, "sync_rows", disk_full)
    failed = cli("schedule", "KD 스터디", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=20", "--plan", "2")
    assert failed.code == 1
    assert failed.err_lines == ["studyapp: The disk is full; free some space and try again."]
    database = open_database(f"sqlite:///{db_path}")
    try:
        assert ScheduleService(database).schedule("KD 스터디")[0] == WEEKLY
        assert SessionService(database).count() == 0
    finally:
        database.dispose()


def test_schedule_keeps_the_group_time_zone(cli):
    assert cli("schedule", "MUG", "FREQ=MONTHLY;BYDAY=2TH", "--timezone", "Europe/Berlin").code == 0
    result = cli("schedule", "MUG", "FREQ=MONTHLY;BYDAY=2TH;BYHOUR=18")
    assert (
        result.out.splitlines()[0] == "MUG meets FREQ=MONTHLY;BYDAY=2TH;BYHOUR=18 (Europe/Berlin)."
    )
    dated = cli("schedule", "MUG", "FREQ=MONTHLY;BYDAY=2TH")
    assert re.fullmatch(r"  \d{4}-\d{2}-\d{2} Thu", dated.out.splitlines()[-1])


def test_rotation_of_imported_notes_has_everyone_who_came(cli, tmp_path):
    notes = tmp_path / "seeds"
    notes.mkdir()
    (notes / "2025-01-06.md").write_text(
        "# 2025-01-06 세미나\n참석: 정훈님, Alice, Bob, 지은\n\n"
        "## 정훈님 논문 - Tiny Teachers (CVPR 2024)\n\n## Alice: Small Students (ICML 2024)\n",
        encoding="utf-8",
    )
    (notes / "2025-01-13.md").write_text(
        "# 2025-01-13 세미나\n\n## 정훈님 논문 - Big Notes (WACV 2025)\n\n"
        "## Bob: Deep Nets (ICLR 2024)\n\n## Dan: Wide Nets (ICLR 2024)\n",
        encoding="utf-8",
    )
    assert cli("import", notes).code == 0
    result = cli("rotation", "seeds")
    assert result.code == 0, result.err
    assert result.out.splitlines() == ["Members: 정훈님, Alice, Bob, 지은, Dan"]
    assert cli("schedule", "seeds", WEEKLY).code == 0
    plan = cli("rotation", "seeds", "--next", "6").out.splitlines()[1:]
    turns = [line.split(maxsplit=1)[1] for line in plan]
    # Everyone once, fewest talks first (지은 none, 정훈님 two), before anyone twice.
    assert turns == ["지은", "Alice", "Bob", "Dan", "정훈님", "지은"]

    taken_off = cli("rotation", "seeds", "--members", "Alice,Bob,Dan,정훈님")
    assert taken_off.out.splitlines() == ["Members: Alice, Bob, Dan, 정훈님"]
    assert cli("rotation", "seeds").out.splitlines() == ["Members: Alice, Bob, Dan, 정훈님"]
