"""HistoryService: throttled revisions, restore that can be undone, thinning, diffs."""

import datetime as dt

import pytest

from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.history import DiffLine, HistoryService
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService

T0 = dt.datetime(2025, 3, 10, 19, 0, tzinfo=dt.UTC)


@pytest.fixture
def sessions(database):
    return SessionService(database)


@pytest.fixture
def history(database):
    return HistoryService(database)


@pytest.fixture
def session_id(sessions):
    return sessions.create(group="KD 스터디", title="0310", date=dt.date(2025, 3, 10)).id


def contents(history, session_id, field="body"):
    return [history.content(info.id) for info in history.revisions(session_id, field)]


def test_edits_are_kept_at_most_once_per_interval(history, session_id):
    assert history.record(session_id, "body", "첫 줄", now=T0)
    assert not history.record(session_id, "body", "첫 줄 둘", now=T0 + dt.timedelta(minutes=2))
    assert history.record(session_id, "body", "첫 줄 셋", now=T0 + dt.timedelta(minutes=3))
    assert contents(history, session_id) == ["첫 줄 셋", "첫 줄"]


def test_a_switch_is_always_kept_but_identical_text_never_twice(history, session_id):
    assert history.record(session_id, "body", "draft", now=T0)
    later = T0 + dt.timedelta(seconds=5)
    assert history.record(session_id, "body", "draft 2", reason="switch", now=later)
    assert not history.record(session_id, "body", "draft 2", reason="switch", now=later)
    assert not history.record(session_id, "body", "draft 2", now=T0 + dt.timedelta(hours=1))
    assert not history.record(session_id, "body", "   ", reason="switch")
    infos = history.revisions(session_id)
    assert [(info.reason, info.size, info.preview) for info in infos] == [
        ("switch", 7, "draft 2"),
        ("edit", 5, "draft"),
    ]


def test_the_body_is_the_only_field_with_a_history(history, session_id):
    assert history.record(session_id, "body", "a", now=T0)
    assert history.revisions(session_id)[0].field == "body"
    for gone in ("notes", "presentation:4:discussion", "title"):
        with pytest.raises(ValidationError):
            history.record(session_id, gone, "x")
    with pytest.raises(NotFoundError):
        history.record(session_id + 99, "body", "x")


def test_saving_the_body_keeps_the_replaced_text_once_per_interval(sessions, history, session_id):
    sessions.set_body(session_id, "동훈님 발표")
    sessions.set_body(session_id, "동훈님 발표 - UCDR")
    sessions.set_body(session_id, "동훈님 발표 - UCDR-Adapter")
    # The first save replaced blank text (nothing kept); the second kept what it replaced;
    # the third came within the interval.
    assert contents(history, session_id) == ["동훈님 발표"]


def test_a_stale_save_keeps_the_text_it_replaces(sessions, history, session_id):
    version = sessions.set_body(session_id, "mine")
    sessions.set_body(session_id, "theirs", expected_version=version)
    newer = sessions.set_body(session_id, "mine again", expected_version=version)
    assert sessions.get(session_id).body == "mine again"
    assert newer > version
    reasons = [(info.reason, history.content(info.id)) for info in history.revisions(session_id)]
    assert ("conflict", "theirs") in reasons


def test_panel_edits_keep_the_replaced_body_too(database, history, session_id):
    slots = PresentationService(database)
    slot = slots.add(session_id, presenter="Alice")
    before = SessionService(database).get(session_id).body
    slots.remove(slot.id)
    [removed] = history.revisions(session_id)
    assert removed.reason == "removed"
    assert history.content(removed.id) == before
    assert "## Presentation by Alice" in before


def test_restore_is_undoable(sessions, history, session_id):
    history.record(session_id, "body", "version A", now=T0)
    sessions.set_body(session_id, "version B")
    [a] = history.revisions(session_id)

    assert history.restore(session_id, a.id) == "version A"
    assert sessions.get(session_id).body == "version A"
    before = history.revisions(session_id)[0]
    assert (before.reason, history.content(before.id)) == ("before restore", "version B")

    history.restore(session_id, before.id)
    assert sessions.get(session_id).body == "version B"
    # Nothing was lost on the way: both texts are still in the history.
    assert {"version A", "version B"} <= set(contents(history, session_id))


def test_restore_brings_back_the_talks_and_todos_of_the_text(database, history, session_id):
    sessions = SessionService(database)
    sessions.set_body(
        session_id,
        "# 0310\n\n## Bob: UCDR-Adapter (WACV 2025)\n질문 1\n> 답 1\n\n"
        "## 할 일\n- [ ] 슬라이드 공유",
    )
    slots = PresentationService(database)
    [slot] = slots.list_for_session(session_id)
    slots.remove(slot.id)
    assert slots.list_for_session(session_id) == []
    [removed] = history.revisions(session_id)

    history.restore(session_id, removed.id)

    [back] = slots.list_for_session(session_id)
    assert (back.presenter, back.paper.title) == ("Bob", "UCDR-Adapter")
    assert (back.notes, back.discussion) == ("질문 1", "답 1")
    items = ChecklistService(database).items(session_id=session_id)
    assert [item.task.text for item in items] == ["슬라이드 공유"]
    assert sessions.get(session_id).body == history.content(removed.id)


def test_restore_refuses_a_revision_of_another_session(sessions, history, session_id):
    other = sessions.create(group="MUG", title="other", date=dt.date(2025, 3, 11)).id
    history.record(other, "body", "theirs")
    [revision] = history.revisions(other)
    with pytest.raises(NotFoundError):
        history.restore(session_id, revision.id)


def test_thinning_keeps_recent_hourly_daily_and_the_newest(history, session_id):
    now = T0 + dt.timedelta(days=30)
    stamps = [now - dt.timedelta(minutes=10 * n) for n in range(6)]  # last hour: all kept
    # Three days ago: four revisions in one hour, two in the next -> one per hour.
    three_days = now - dt.timedelta(days=3)
    stamps += [three_days.replace(minute=m) for m in (5, 20, 35, 50)]
    stamps += [three_days.replace(minute=m) + dt.timedelta(hours=1) for m in (10, 40)]
    # Twenty days ago: five in one day -> one.
    stamps += [now - dt.timedelta(days=20, hours=h) for h in range(5)]
    for n, stamp in enumerate(sorted(stamps)):
        history.record(session_id, "body", f"text {n}", reason="switch", now=stamp)

    assert history.thin(now=now) == 3 + 1 + 4
    kept = [info.created_at for info in history.revisions(session_id)]
    assert kept[:6] == stamps[:6]
    assert len(kept) == 6 + 2 + 1
    assert history.thin(now=now) == 0


def test_thinning_never_deletes_everything(history, session_id):
    old = T0 - dt.timedelta(days=400)
    for n in range(3):
        history.record(session_id, "body", f"old {n}", reason="switch", now=old.replace(hour=n))
    assert history.thin(session_id, now=T0) == 2
    [left] = history.revisions(session_id)
    assert history.content(left.id) == "old 2"


def test_diff_marks_added_and_removed_lines(history):
    old = "# 0310\n- 휘발성 메모리\n- transformer\n"
    new = "# 0310\n- 휘발성이 있는 메모리\n- transformer\n- 증류\n"
    assert history.diff(old, new) == [
        DiffLine("same", "# 0310"),
        DiffLine("removed", "- 휘발성 메모리"),
        DiffLine("added", "- 휘발성이 있는 메모리"),
        DiffLine("same", "- transformer"),
        DiffLine("added", "- 증류"),
    ]
    assert history.diff("", "") == []
