"""Live changes between members on one PostgreSQL server: LISTEN/NOTIFY.

Every write that changes a session (its text, its fields, a to-do) sends one notification
on :data:`CHANNEL` from inside its own transaction (``pg_notify`` is delivered at commit,
and not at all on a rollback), so a member hears of exactly the saves that happened. The
payload is JSON: the session id, its version, the member who wrote it, what changed and
which process sent it (a window ignores its own). A member who opens a session says so
(``presence``), again every little while; a window forgets a presence not repeated within
:data:`PRESENCE_TTL_S`.

:class:`LiveListener` holds a connection of its own and waits on its socket for
notifications (no query runs in a loop); when the server goes away it says so and connects
again. SQLite has none of this: a window there re-reads when it gets the focus.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import attributes, sessionmaker

from studyapp.core import models
from studyapp.core.db import SERVER_LINK  # down after 3 s; silent, after the keepalives

CHANNEL = "studyapp"
ORIGIN = uuid.uuid4().hex  # this process: its own notifications are not news to it
BODY, SESSION, TODO, PRESENCE, LEFT = "body", "session", "todo", "presence", "left"
PRESENCE_TTL_S = 60.0  # a presence not repeated within this long has gone
WAIT_S = 0.5  # how long one wait on the socket lasts before looking at the stop flag
RECONNECT_S = 1.0  # pause between attempts to reach the server again


@dataclass(frozen=True)
class Change:
    """One notification: what changed in which session, written by whom."""

    session_id: int | None
    version: int | None
    member: str | None
    kind: str  # BODY, SESSION, TODO, PRESENCE or LEFT
    origin: str = ORIGIN

    @property
    def mine(self) -> bool:
        """Sent by this process (its own save, its own presence)."""
        return self.origin == ORIGIN

    def payload(self) -> str:
        return json.dumps(
            {
                "session": self.session_id,
                "version": self.version,
                "member": self.member,
                "kind": self.kind,
                "origin": self.origin,
            },
            ensure_ascii=False,
        )


def parse(payload: str) -> Change | None:
    """The change a notification's payload describes; None for one not studyapp's."""
    try:
        data = json.loads(payload)
        return Change(
            _int(data.get("session")),
            _int(data.get("version")),
            data.get("member") or None,
            str(data["kind"]),
            str(data.get("origin", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


# -- sending ---------------------------------------------------------------------------------

_NOTIFY = text("SELECT pg_notify(:channel, :payload)")


def send_changes_at_commit(factory: sessionmaker[OrmSession]) -> None:
    """Make every transaction of ``factory``'s sessions notify, once each, the sessions it
    changed (called for a PostgreSQL database only)."""
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_rollback", _forget)


_PENDING = "studyapp_live_changes"


def _after_flush(orm: OrmSession, _context: object) -> None:
    """Gather what this flush changed; a transaction flushes several times."""
    pending: dict[tuple[str, int | None], Change] = orm.info.setdefault(_PENDING, {})
    for change in _changes(orm.new, orm.dirty, orm.deleted):
        key = (TODO if change.kind == TODO else SESSION, change.session_id)
        earlier = pending.get(key)
        if earlier is not None and earlier.kind == BODY and change.kind != BODY:
            change = Change(change.session_id, change.version, earlier.member, BODY)
        pending[key] = change


def _before_commit(orm: OrmSession) -> None:
    orm.flush()  # the last changes are flushed after this hook otherwise
    pending: dict[tuple[str, int | None], Change] = orm.info.pop(_PENDING, {})
    changed = {key[1] for key in pending if key[0] == SESSION}
    changes = [c for k, c in pending.items() if k[0] == SESSION or k[1] not in changed]
    if changes:
        connection = orm.connection()
        for change in changes:
            connection.execute(_NOTIFY, {"channel": CHANNEL, "payload": change.payload()})


def _forget(orm: OrmSession) -> None:
    orm.info.pop(_PENDING, None)


def _changes(*objects: Iterable[object]) -> Iterable[Change]:
    """One change per session touched, and one per to-do's session (None: a group list)."""
    for group in objects:
        for obj in group:
            if isinstance(obj, models.Session) and obj.id is not None:
                changed_text = attributes.get_history(obj, "body").has_changes()
                kind = BODY if changed_text else SESSION
                yield Change(obj.id, obj.version, obj.body_author, kind)
            elif isinstance(obj, models.ChecklistItem):
                yield Change(obj.session_id, None, None, TODO)


def announce(engine: Engine, session_id: int | None, member: str | None, kind: str) -> None:
    """Say that ``member`` has ``session_id`` open (PRESENCE) or has left it (LEFT)."""
    change = Change(session_id, None, member, kind)
    with engine.connect() as connection:
        connection.execute(_NOTIFY, {"channel": CHANNEL, "payload": change.payload()})
        connection.commit()


# -- listening -------------------------------------------------------------------------------


def listen_url(engine: Engine) -> str:
    """The server's address as libpq reads it (SQLAlchemy's URL without its driver)."""
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


class LiveListener:
    """Hears the group's changes on a connection of its own, in the calling thread.

    ``on_change`` gets each :class:`Change`; ``on_state`` gets None when the server is
    reachable (at first and again after it was lost: the caller re-reads then, as what
    happened meanwhile was not heard) and the reason when it is not.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.stopped = threading.Event()

    def stop(self) -> None:
        self.stopped.set()

    def run(
        self, on_change: Callable[[Change], None], on_state: Callable[[str | None], None]
    ) -> None:
        import psycopg
        from psycopg.conninfo import make_conninfo

        lost: str | None = ""  # "" at first: neither reachable nor lost yet
        while not self.stopped.is_set():
            try:
                with psycopg.connect(
                    make_conninfo(self.url, **SERVER_LINK), autocommit=True
                ) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    lost = None
                    on_state(None)
                    while not self.stopped.is_set():
                        for note in connection.notifies(timeout=WAIT_S):
                            change = parse(note.payload)
                            if change is not None:
                                on_change(change)
            except psycopg.Error as error:
                reason = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
                if lost != reason:
                    lost = reason
                    on_state(reason)
                self.stopped.wait(RECONNECT_S)
