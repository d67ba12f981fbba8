"""HistoryService: throttled revisions, restore that can be undone, thinning, diffs."""

import datetime as dt

import pytest

from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services.history import DiffLine, HistoryService, presentation_field
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


def contents(history, session_id, field="notes"):
    return [history.content(info.id) for info in history.revisions(session_id, field)]


def test_edits_are_kept_at_most_once_per_interval(history, session_id):
    assert history.record(session_id, "notes", "첫 줄", now=T0)
    assert not history.record(session_id, "notes", "첫 줄 둘", now=T0 + dt.timedelta(minutes=2))
    assert history.record(session_id, "notes", "첫 줄 셋", now=T0 + dt.timedelta(minutes=3))
    assert contents(history, session_id) == ["첫 줄 셋", "첫 줄"]


def test_a_switch_is_always_kept_but_identical_text_never_twice(history, session_id):
    assert history.record(session_id, "notes", "draft", now=T0)
    later = T0 + dt.timedelta(seconds=5)
    assert history.record(session_id, "notes", "draft 2", reason="switch", now=later)
    assert not history.record(session_id, "notes", "draft 2", reason="switch", now=later)
    assert not history.record(session_id, "notes", "draft 2", now=T0 + dt.timedelta(hours=1))
    assert not history.record(session_id, "notes", "   ", reason="switch")
    infos = history.revisions(session_id)
    assert [(info.reason, info.size, info.preview) for info in infos] == [
        ("switch", 7, "draft 2"),
        ("edit", 5, "draft"),
    ]


def test_fields_are_throttled_separately(history, session_id):
    field = presentation_field(4, "discussion")
    assert history.record(session_id, "notes", "a", now=T0)
    assert history.record(session_id, field, "b", now=T0)
    assert history.revisions(session_id, field)[0].field == field
    with pytest.raises(ValidationError):
        history.record(session_id, "title", "x")
    with pytest.raises(NotFoundError):
        history.record(session_id + 99, "notes", "x")


def test_saving_notes_keeps_the_replaced_text_once_per_interval(sessions, history, session_id):
    sessions.set_notes(session_id, "동훈님 발표")
    sessions.set_notes(session_id, "동훈님 발표 - UCDR")
    sessions.set_notes(session_id, "동훈님 발표 - UCDR-Adapter")
    # The first save replaced blank text (nothing kept); the second kept what it replaced;
    # the third came within the interval.
    assert contents(history, session_id) == ["동훈님 발표"]


def test_saving_slot_texts_keeps_each_replaced_text(database, history, session_id):
    slots = PresentationService(database)
    slot = slots.add(session_id, presenter="Alice")
    slots.update(slot.id, notes="notes v1", discussion="Q1")
    slots.update(slot.id, notes="notes v2", discussion="Q1 and Q2")
    assert contents(history, session_id, presentation_field(slot.id, "notes")) == ["notes v1"]
    assert contents(history, session_id, presentation_field(slot.id, "discussion")) == ["Q1"]


def test_restore_is_undoable(sessions, history, session_id):
    history.record(session_id, "notes", "version A", now=T0)
    sessions.set_notes(session_id, "version B")
    [a] = history.revisions(session_id)

    assert history.restore(session_id, a.id) == "version A"
    assert sessions.get(session_id).notes == "version A"
    before = history.revisions(session_id)[0]
    assert (before.reason, history.content(before.id)) == ("before restore", "version B")

    history.restore(session_id, before.id)
    assert sessions.get(session_id).notes == "version B"
    # Nothing was lost on the way: both texts are still in the history.
    assert {"version A", "version B"} <= set(contents(history, session_id))


def test_restore_of_a_slot_text_goes_back_to_the_slot(database, history, session_id):
    slots = PresentationService(database)
    slot = slots.add(session_id, presenter="Bob")
    slots.update(slot.id, discussion="질문 1")
    slots.update(slot.id, discussion="질문 1, 질문 2")
    [old] = history.revisions(session_id, presentation_field(slot.id, "discussion"))
    history.restore(session_id, old.id)
    assert slots.list_for_session(session_id)[0].discussion == "질문 1"
    slots.remove(slot.id)
    with pytest.raises(NotFoundError, match="removed"):
        history.restore(session_id, old.id)


def test_restore_refuses_a_revision_of_another_session(sessions, history, session_id):
    other = sessions.create(group="MUG", title="other", date=dt.date(2025, 3, 11)).id
    history.record(other, "notes", "theirs")
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
        history.record(session_id, "notes", f"text {n}", reason="switch", now=stamp)

    assert history.thin(now=now) == 3 + 1 + 4
    kept = [info.created_at for info in history.revisions(session_id)]
    assert kept[:6] == stamps[:6]
    assert len(kept) == 6 + 2 + 1
    assert history.thin(now=now) == 0


def test_thinning_never_deletes_everything(history, session_id):
    old = T0 - dt.timedelta(days=400)
    for n in range(3):
        history.record(session_id, "notes", f"old {n}", reason="switch", now=old.replace(hour=n))
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
