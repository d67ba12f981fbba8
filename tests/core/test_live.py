"""A write on PostgreSQL tells the other members at commit: one notification per session."""

import datetime as dt
import threading

import pytest

from studyapp.core import live
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.sessions import SessionService


@pytest.fixture
def heard(database):
    if database.engine.dialect.name != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    import psycopg

    connection = psycopg.connect(live.listen_url(database.engine), autocommit=True)
    connection.execute(f"LISTEN {live.CHANNEL}")

    def read() -> list[live.Change]:
        found = [live.parse(n.payload) for n in connection.notifies(timeout=0.5)]
        return [change for change in found if change is not None]

    yield read
    connection.close()


def test_a_save_is_heard_at_commit_with_its_version_and_author(database, heard):
    sessions = SessionService(database)
    created = sessions.create(group="G", title="모임", date=dt.date(2025, 3, 10), body="메모\n")
    heard()
    saved = sessions.save_body(created.id, "메모\n- [ ] 슬라이드\n")
    [change] = heard()
    assert (change.session_id, change.version, change.kind) == (created.id, saved.version, "body")
    assert change.mine


def test_a_rolled_back_write_is_never_heard(database, heard):
    sessions = SessionService(database)
    created = sessions.create(group="G", title="모임", date=dt.date(2025, 3, 10), body="메모\n")
    heard()
    with pytest.raises(RuntimeError), database.transaction() as orm:
        from studyapp.core.services.session_rows import load_session

        load_session(orm, created.id).body = "바뀜"
        orm.flush()
        raise RuntimeError
    assert heard() == []


def test_a_tick_is_heard_as_a_change_of_its_session(database, heard):
    sessions = SessionService(database)
    created = sessions.create(
        group="G", title="모임", date=dt.date(2025, 3, 10), body="- [ ] 슬라이드\n"
    )
    [item] = sessions.get(created.id).checklist
    heard()
    ChecklistService(database).set_done(item.id, True)
    assert [(c.session_id, c.kind) for c in heard()] == [(created.id, "body")]


def test_the_listener_hears_presence_and_stops(database):
    if database.engine.dialect.name != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    listener = live.LiveListener(live.listen_url(database.engine))
    changes: list[live.Change] = []
    ready = threading.Event()
    states: list[str | None] = []

    def on_state(state: str | None) -> None:
        states.append(state)
        ready.set()

    thread = threading.Thread(target=listener.run, args=(changes.append, on_state))
    thread.start()
    try:
        assert ready.wait(5) and states == [None]
        live.announce(database.engine, 7, "민수", live.PRESENCE)
        for _ in range(20):
            if changes:
                break
            threading.Event().wait(0.1)
        assert [(c.session_id, c.member, c.kind) for c in changes] == [(7, "민수", "presence")]
    finally:
        listener.stop()
        thread.join(5)
    assert not thread.is_alive()


def test_connections_to_a_server_give_up_on_silence_in_seconds(database):
    """A laptop leaving the lab's network: an unanswered write fails in 5 s, not minutes."""
    if database.engine.dialect.name != "postgresql":
        pytest.skip("TCP settings of PostgreSQL's client")
    raw = database.engine.raw_connection()
    try:
        params = raw.driver_connection.info.get_parameters()
    finally:
        raw.close()
    assert params["tcp_user_timeout"] == "5000"
    assert (params["keepalives"], params["keepalives_idle"]) == ("1", "10")
    assert params["connect_timeout"] == "3"
