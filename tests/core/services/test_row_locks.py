"""A save reads the row it compares versions with under a lock, in the write's transaction:
another member's save that commits in between is merged, never overwritten."""

import datetime as dt
import threading
import time

import pytest
from sqlalchemy import text

from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.sessions import SessionService

NOTE = "# 모임\n\n메모\n\n- [ ] 슬라이드\n\n토론\n"


@pytest.fixture
def sessions(database):
    return SessionService(database)


def _other_member_writing(database, session_id: int, body: str):
    """Another member's write, not yet committed: the row changed and locked."""
    connection = database.engine.connect()
    transaction = connection.begin()
    connection.execute(
        text("UPDATE sessions SET body = :body, version = version + 1 WHERE id = :id"),
        {"body": body, "id": session_id},
    )
    return connection, transaction


def _run_while_locked(database, session_id, theirs, action):
    connection, transaction = _other_member_writing(database, session_id, theirs)
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = action()
        except Exception as error:  # handed to the test below
            outcome["error"] = error

    worker = threading.Thread(target=run)
    try:
        worker.start()
        time.sleep(0.4)
        assert worker.is_alive(), f"the write did not wait for the other member: {outcome}"
        transaction.commit()
    finally:
        connection.close()
        worker.join(10)
    assert "error" not in outcome, outcome.get("error")
    return outcome["value"]


def test_a_save_waits_for_a_save_in_flight_and_merges_with_it(database, sessions):
    created = sessions.create(group="G", title="모임", date=dt.date(2025, 3, 10), body=NOTE)
    loaded = sessions.get(created.id)
    theirs = NOTE.replace("토론\n", "토론: 데이터셋\n")
    mine = NOTE.replace("메모\n", "메모 — 질문\n")

    saved = _run_while_locked(
        database,
        created.id,
        theirs,
        lambda: sessions.save_body(
            created.id, mine, expected_version=loaded.version, base_text=loaded.body
        ),
    )

    both = NOTE.replace("메모\n", "메모 — 질문\n").replace("토론\n", "토론: 데이터셋\n")
    assert saved.outcome == "merged"
    assert sessions.get(created.id).body == both


def test_a_to_do_ticked_while_a_save_is_in_flight_keeps_that_save(database, sessions):
    created = sessions.create(group="G", title="모임", date=dt.date(2025, 3, 10), body=NOTE)
    [item] = sessions.get(created.id).checklist
    theirs = NOTE.replace("토론\n", "토론: 데이터셋\n")

    _run_while_locked(
        database,
        created.id,
        theirs,
        lambda: ChecklistService(database).set_done(item.id, True, today=dt.date(2025, 3, 11)),
    )

    body = sessions.get(created.id).body
    assert "토론: 데이터셋" in body and "- [x] 슬라이드 ✅ 2025-03-11" in body
