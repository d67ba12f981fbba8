"""A save based on an older text never simply overwrites what another writer saved since."""

import dataclasses
import datetime as dt

import pytest

from studyapp.core.services.history import HistoryService
from studyapp.core.services.imports import ImportService
from studyapp.core.services.sessions import SessionService

NOTE = "# 3월 세미나\n\n## Alice: Paper\n메모\n\n## 동훈님 논문 - UCDR\n토론\n"


@pytest.fixture
def sessions(database):
    return SessionService(database)


@pytest.fixture
def loaded(sessions):
    """A session as a window loaded it: its id, version and text."""
    created = sessions.create(group="G", title="t", date=dt.date(2025, 3, 10), body=NOTE)
    detail = sessions.get(created.id)
    return detail.id, detail.version, detail.body


def _kept(database, session_id):
    history = HistoryService(database)
    return [(info.reason, history.content(info.id)) for info in history.revisions(session_id)]


def test_changes_to_different_lines_are_merged_and_theirs_kept(database, sessions, loaded):
    session_id, version, base = loaded
    theirs = NOTE.replace("토론\n", "토론: 데이터셋 크기\n")
    sessions.set_body(session_id, theirs)  # another writer, meanwhile
    mine = NOTE.replace("메모\n", "메모 — 질문 두 개\n")

    saved = sessions.save_body(session_id, mine, expected_version=version, base_text=base)

    both = NOTE.replace("메모\n", "메모 — 질문 두 개\n").replace("토론\n", "토론: 데이터셋 크기\n")
    assert (saved.outcome, saved.text) == ("merged", both)
    assert sessions.get(session_id).body == both
    assert saved.version == sessions.get(session_id).version
    assert ("merged", theirs) in _kept(database, session_id)


def test_overlapping_changes_keep_mine_and_theirs_as_a_conflict_revision(
    database, sessions, loaded
):
    session_id, version, base = loaded
    theirs = NOTE.replace("메모\n", "메모 B\n")
    sessions.set_body(session_id, theirs)
    mine = NOTE.replace("메모\n", "메모 A\n")

    saved = sessions.save_body(session_id, mine, expected_version=version, base_text=base)

    assert (saved.outcome, saved.text, saved.theirs) == ("conflict", mine, theirs)
    assert sessions.get(session_id).body == mine
    assert ("conflict", theirs) in _kept(database, session_id)


def test_a_new_version_without_a_new_text_is_no_conflict(database, sessions, loaded):
    session_id, version, base = loaded
    sessions.rename(session_id, "t2")  # the version moves on, the text does not
    mine = NOTE + "- [ ] 슬라이드 공유\n"
    saved = sessions.save_body(session_id, mine, expected_version=version, base_text=base)
    assert (saved.outcome, saved.text) == ("saved", mine)
    assert _kept(database, session_id) == [("edit", NOTE)]


def test_a_save_based_on_the_current_version_just_saves(database, sessions, loaded):
    session_id, version, base = loaded
    saved = sessions.save_body(session_id, NOTE + "끝\n", expected_version=version, base_text=base)
    assert saved.outcome == "saved"
    saved = sessions.save_body(
        session_id, NOTE + "끝!\n", expected_version=saved.version, base_text=NOTE + "끝\n"
    )
    assert (saved.outcome, saved.text) == ("saved", NOTE + "끝!\n")
    assert [reason for reason, _ in _kept(database, session_id)] == ["edit"]


def test_an_import_meanwhile_is_merged_with_what_was_typed(database, sessions, tmp_path):
    note = tmp_path / "2025-03-10.md"
    note.write_text(NOTE, encoding="utf-8")
    [outcome] = ImportService(database).import_paths([note]).outcomes
    loaded = sessions.get(outcome.session_id)  # a window shows it and its user types
    typed = loaded.body.replace("메모\n", "메모 — 첫 질문\n")
    note.write_text(NOTE.replace("토론\n", "토론: 다음 주에 이어서\n"), encoding="utf-8")
    [updated] = ImportService(database).import_paths([note]).outcomes
    assert updated.status == "updated"
    imported = sessions.get(loaded.id).body

    saved = sessions.save_body(
        loaded.id, typed, expected_version=loaded.version, base_text=loaded.body
    )

    assert saved.outcome == "merged"
    body = sessions.get(loaded.id).body
    assert "토론: 다음 주에 이어서" in body and "메모 — 첫 질문" in body
    assert ("merged", imported) in _kept(database, loaded.id)


def test_an_import_over_saved_typing_keeps_the_replaced_text(database, sessions, tmp_path):
    """The import replaces the text whole (typing saved since included): what it replaced
    stays in the history, and typing based on the old text then overlaps the import's."""
    note = tmp_path / "2025-03-10.md"
    note.write_text(NOTE, encoding="utf-8")
    [outcome] = ImportService(database).import_paths([note]).outcomes
    loaded = sessions.get(outcome.session_id)
    typed = loaded.body.replace("메모\n", "메모 — 첫 질문\n")
    first = sessions.save_body(
        loaded.id, typed, expected_version=loaded.version, base_text=loaded.body
    )
    note.write_text(NOTE.replace("토론\n", "토론: 다음 주에 이어서\n"), encoding="utf-8")
    ImportService(database).import_paths([note])
    imported = sessions.get(loaded.id).body

    more = typed.replace("첫 질문", "첫 질문, 둘째 질문")
    saved = sessions.save_body(loaded.id, more, expected_version=first.version, base_text=typed)

    assert (saved.outcome, sessions.get(loaded.id).body) == ("conflict", more)
    kept = _kept(database, loaded.id)
    assert ("reimport", typed) in kept
    assert ("conflict", imported) in kept


def test_a_to_do_edited_from_a_stale_row_is_refused(database, sessions, loaded):
    from studyapp.core.errors import StaleWriteError
    from studyapp.core.services.checklist import ChecklistService

    session_id, _version, _base = loaded
    todos = ChecklistService(database)
    shown = todos.add(session_id, "슬라이드 공유")
    body = sessions.get(session_id).body
    sessions.set_body(session_id, body.replace("슬라이드 공유", "슬라이드와 코드 공유"))
    [current] = todos.items(session_id=session_id)
    assert current.id == shown.id

    wanted = dataclasses.replace(shown.task, text="슬라이드 공유 (금요일까지)")
    with pytest.raises(StaleWriteError, match="changed elsewhere"):
        todos.update(shown.id, wanted, based_on=shown.task.text)
    assert "슬라이드와 코드 공유" in sessions.get(session_id).body
    # Based on what it says now, the edit goes through; a tick needs no text to agree.
    again = dataclasses.replace(current.task, text="코드 공유")
    assert todos.update(shown.id, again, based_on=current.task.text).task.text == "코드 공유"
    assert todos.set_done(shown.id, True).task.text == "코드 공유"
