"""A shared group server: the form's fields as a SQLAlchemy URL, and trying it.

The password never lives in these settings: the caller brings it (from the system's
keyring, or asked for at start) when the URL is built.
"""

from __future__ import annotations

import importlib
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from studyapp.core.errors import DatabaseError, Message

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from studyapp.core.db import Database

SSL_MODES = ("disable", "prefer", "require", "verify-full")
DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_S = 5
INSTALL_HINT = 'install studyapp[postgres] (pip install "studyapp[postgres]")'

Problem = Literal["ok", "driver", "unreachable", "password", "database", "user", "ssl", "other"]


@dataclass(frozen=True, slots=True)
class ConnectionSettings:
    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    sslmode: str = "prefer"

    def url(self, password: str | None = None) -> str:
        """``postgresql+psycopg://user:password@host:port/database?sslmode=...``."""
        if self.sslmode not in SSL_MODES:
            raise ValueError(f"sslmode must be one of {', '.join(SSL_MODES)}, not {self.sslmode!r}")
        url = URL.create(
            DRIVER,
            username=self.user.strip() or None,
            password=password or None,
            host=self.host.strip() or None,
            port=self.port,
            database=self.database.strip() or None,
            query={"sslmode": self.sslmode},
        )
        return url.render_as_string(hide_password=False)

    def keyring_user(self) -> str:
        """Whose password this is, as the system keyring files it."""
        return f"{self.user.strip()}@{self.host.strip()}:{self.port}/{self.database.strip()}"


def is_postgresql_url(url: str) -> bool:
    """True for a SQLAlchemy URL of a PostgreSQL database (any driver)."""
    try:
        return make_url(url).get_backend_name() == "postgresql"
    except sa_exc.ArgumentError:
        return False


def shown_url(url: str) -> str:
    """``url`` as a person may see it: its password hidden."""
    return make_url(url).render_as_string(hide_password=True)


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    problem: Problem  # "ok" when it connected
    detail: str = ""  # the server's or driver's own words

    @property
    def ok(self) -> bool:
        return self.problem == "ok"


def check_connection(url: str, *, timeout_s: int = CONNECT_TIMEOUT_S) -> ConnectionCheck:
    """Connect to ``url`` once and run ``SELECT 1``; what went wrong, in a word and detail."""
    try:
        parsed = make_url(url)
    except sa_exc.ArgumentError as error:
        return ConnectionCheck("other", str(error))
    connect_args: dict[str, object] = {}
    if parsed.get_backend_name() == "postgresql":
        try:
            importlib.import_module("psycopg")
        except ImportError:
            return ConnectionCheck("driver", INSTALL_HINT)
        connect_args["connect_timeout"] = timeout_s
    try:
        engine = create_engine(parsed, poolclass=NullPool, connect_args=connect_args)
    except (ImportError, sa_exc.NoSuchModuleError) as error:
        return ConnectionCheck("driver", f"{INSTALL_HINT} ({error})")
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except sa_exc.DBAPIError as error:
        detail = " ".join(str(error.orig or error).split())
        return ConnectionCheck(classify(detail), detail)
    finally:
        engine.dispose()
    return ConnectionCheck("ok")


def classify(detail: str) -> Problem:
    """The kind of failure a driver's message describes (PostgreSQL's wording)."""
    lowered = detail.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return "password"
    if "database" in lowered and "does not exist" in lowered:
        return "database"
    if "role" in lowered and "does not exist" in lowered:
        return "user"
    if "ssl" in lowered or "certificate" in lowered:
        return "ssl"
    if any(words in lowered for words in _UNREACHABLE):
        return "unreachable"
    return "other"


_UNREACHABLE = (
    "could not translate host name",
    "connection refused",
    "timeout expired",
    "timed out",
    "no route to host",
    "network is unreachable",
    "name or service not known",
    "could not connect",
    # A server stopped or restarting, a local socket gone, a connection cut mid-query.
    "is the server running",
    "server closed the connection",
    "terminating connection due to administrator command",
    "the database system is shutting down",
    "the database system is starting up",
    "connection is closed",
    "connection is lost",
    "consuming input failed",
)


def lost_server(error: BaseException) -> str | None:
    """The driver's words when ``error`` (or the error behind it) says the server cannot be
    reached (down, not answering, the connection cut); None for any other failure."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, sa_exc.DBAPIError):
            detail = " ".join(str(seen.orig or seen).split())
            if seen.connection_invalidated or classify(detail) == "unreachable":
                return detail
            return None
        seen = seen.__cause__ or seen.__context__
    return None


def refusal(url: str, check: ConnectionCheck) -> DatabaseError:
    """Why ``url`` could not be used, as Settings -> Database "Test connection" says it: the
    sentence for ``check.problem`` and the server's own words."""
    try:
        parsed: URL | None = make_url(url)
    except sa_exc.ArgumentError:
        parsed = None
    host = (parsed.host or str(parsed.query.get("host") or "")) if parsed else ""
    user = (parsed.username if parsed else None) or "?"
    database = (parsed.database if parsed else None) or "?"
    sentences = {
        "driver": Message(
            "The PostgreSQL driver (psycopg) is not installed: install studyapp[postgres]."
        ),
        "unreachable": Message(
            "The server {host} cannot be reached: check the host name, the port and the network.",
            host=host or "?",
        ),
        "password": Message("The server refused the password for {user}.", user=user),
        "database": Message("The server has no database named {name}.", name=database),
        "user": Message("The server has no user named {user}.", user=user),
        "ssl": Message("The encrypted connection failed; check the encryption setting."),
    }
    sentence = sentences.get(check.problem, Message("The connection failed."))
    if not check.detail or check.problem == "driver":
        return DatabaseError("{problem}", problem=sentence)
    return DatabaseError("{problem} ({detail})", problem=sentence, detail=check.detail)


# Per engine: why the server is known to be away (absent: try it), and the hook that says so.
_AWAY: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()
_HOOKS: weakref.WeakKeyDictionary[Engine, Callable[..., Any]] = weakref.WeakKeyDictionary()


def hold_connections(database: Database, reason: str | None) -> None:
    """While ``reason`` is set (the server is known to be away), every new connection of
    ``database`` fails at once with it and the pooled ones are let go, so nothing waits for
    a connection to time out; ``None``: connect again, afresh (a connection from before the
    trouble may be cut without either end knowing)."""
    engine = database.engine
    if engine not in _HOOKS:

        def refuse(dialect: Any, _record: Any, _args: Any, _params: Any) -> None:
            away = _AWAY.get(engine)
            if away is not None:
                raise dialect.loaded_dbapi.OperationalError(
                    f"could not connect: the server is away ({away})"
                )

        event.listen(engine, "do_connect", refuse)
        _HOOKS[engine] = refuse
    if reason is None:
        _AWAY.pop(engine, None)
    else:
        _AWAY[engine] = reason
    engine.dispose()


def open_explained(url: str, *, migrate: bool = True) -> Database:
    """:func:`db.open_database`; a server that refuses is named as "Test connection" names
    it (the password refused for whom, no such database, not reachable) instead of the
    driver's bare error."""
    from studyapp.core.db import open_database, sqlite_path

    try:
        return open_database(url, migrate=migrate)
    except DatabaseError as error:
        if sqlite_path(url) is not None:
            raise
        check = check_connection(url)
        if check.ok:
            raise
        raise refusal(url, check) from error
