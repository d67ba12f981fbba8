"""A PostgreSQL database as a pg_dump archive, and back: the server's own programs run as
child processes.

Archives are pg_dump's custom format without owners or privileges, so one restores under
another role. The password goes to the child through ``PGPASSWORD`` (from the URL, else the
system keyring), never on its command line, where any user of the machine could read it.
An archive is written under a temporary name and only renamed into place once pg_restore
has read it through; a restore runs in one transaction, so a failure changes nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from studyapp.core.errors import DatabaseError, Message

ARCHIVE_SUFFIX = ".dump"
PG_MAGIC = b"PGDMP"
SQLITE_MAGIC = b"SQLite format 3\x00"
# An unreachable server fails in seconds rather than hanging the command.
CONNECT_TIMEOUT_S = 10
_REQUIRED_TABLES = ("sessions", "alembic_version")


@dataclass(frozen=True)
class ServerLogin:
    """How a child process reaches the database: a libpq connection string without the
    password, and the password for its environment."""

    conninfo: str
    password: str | None

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        if self.password:
            env["PGPASSWORD"] = self.password
        return env


def _quoted(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("'", "\\'")
    return f"'{escaped}'"


def _keyring_password(url: URL, host: str) -> str | None:
    # Filed as the settings' connection form files it (ConnectionSettings.keyring_user).
    from studyapp.core.connection import DEFAULT_PORT
    from studyapp.core.credentials import load_password

    user = url.username or ""
    return load_password(f"{user}@{host}:{url.port or DEFAULT_PORT}/{url.database or ''}")


def server_login(url: str) -> ServerLogin:
    """The libpq parameters of a SQLAlchemy PostgreSQL URL (its query parameters are libpq's
    own, as psycopg takes them)."""
    parsed = make_url(url)
    params: dict[str, str] = {}
    for key, value in parsed.query.items():
        params[key] = ",".join(value) if isinstance(value, tuple) else value
    password = parsed.password or params.pop("password", None)
    if parsed.host:
        params["host"] = parsed.host
    if parsed.port:
        params["port"] = str(parsed.port)
    if parsed.username:
        params["user"] = parsed.username
    if parsed.database:
        params["dbname"] = parsed.database
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    if password is None:
        password = _keyring_password(parsed, params.get("host", ""))
    conninfo = " ".join(f"{key}={_quoted(value)}" for key, value in params.items())
    return ServerLogin(conninfo=conninfo, password=str(password) if password else None)


def find_program(name: str, server_major: int | None = None) -> str:
    """The path of ``pg_dump`` or ``pg_restore``, or a one-line error saying what to install."""
    found = shutil.which(name)
    if found is not None:
        return found
    if server_major is not None:
        raise DatabaseError(
            "{program} was not found: install PostgreSQL's client programs, version "
            "{version} or newer (Debian and Ubuntu: apt-get install postgresql-client).",
            program=name,
            version=server_major,
        )
    raise DatabaseError(
        "{program} was not found: install PostgreSQL's client programs, the server's version "
        "or newer (Debian and Ubuntu: apt-get install postgresql-client).",
        program=name,
    )


def meaningful_line(stderr: str) -> str:
    """What a failed pg_dump or pg_restore said that matters: its error and detail lines,
    without the program's prefix; else its last line."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    picked: list[str] = []
    for line in lines:
        for mark in ("error:", "detail:", "FATAL:", "ERROR:", "DETAIL:"):
            at = line.find(mark)
            if at >= 0:
                text = line[at + len(mark) :].strip()
                if text and text not in picked:
                    picked.append(text)
                break
        if len(picked) == 2:
            break
    if picked:
        return "; ".join(picked)
    return lines[-1] if lines else ""


def _run(
    arguments: list[str], env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            arguments,
            capture_output=True,
            text=True,
            errors="replace",
            env=None if env is None else dict(env),
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except OSError as error:
        raise DatabaseError(
            "Cannot run {program}: {reason}.",
            program=Path(arguments[0]).name,
            reason=error.strerror or error,
        ) from error


def file_kind(path: Path) -> str:
    """ "postgresql" for a pg_dump archive, "sqlite" for a SQLite file, else "other"."""
    try:
        with path.open("rb") as stream:
            head = stream.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DatabaseError(
            "Cannot read {path}: {reason}.", path=path, reason=error.strerror or error
        ) from error
    if head.startswith(PG_MAGIC):
        return "postgresql"
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    return "other"


def dump(
    login: ServerLogin, dest: Path, *, snapshot: str | None = None, server_major: int | None = None
) -> Path:
    """Write the database to ``dest`` with pg_dump and check it reads back whole.

    Written beside ``dest`` under a temporary name: ``dest`` is never a partial archive, and
    nothing is left behind when pg_dump fails. ``snapshot``: an exported snapshot, so the
    archive holds exactly what the caller's transaction sees.
    """
    program = find_program("pg_dump", server_major)
    reader = find_program("pg_restore", server_major)
    temporary = dest.with_name(f".{dest.name}.{os.getpid()}.part")
    arguments = [program, "--format=custom", "--no-owner", "--no-privileges"]
    if snapshot is not None:
        arguments.append(f"--snapshot={snapshot}")
    arguments += [f"--file={temporary}", f"--dbname={login.conninfo}"]
    try:
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(
                "Cannot write the backup to {dest}: {reason}.",
                dest=dest,
                reason=error.strerror or error,
            ) from error
        done = _run(arguments, login.environment())
        if done.returncode != 0:
            raise DatabaseError(
                "pg_dump failed: {reason}", reason=meaningful_line(done.stderr) or done.returncode
            )
        check_archive(temporary, reader=reader)
        os.replace(temporary, dest)
    finally:
        temporary.unlink(missing_ok=True)
    return dest


def check_archive(path: Path, *, reader: str | None = None) -> None:
    """Refuse an archive pg_restore cannot read through, or one without studyapp's tables."""
    reader = reader or find_program("pg_restore")
    not_ours = Message("{path} is not a studyapp backup", path=path)
    listed = _run([reader, "--list", str(path)])
    if listed.returncode != 0:
        raise DatabaseError(
            "{not_ours} (pg_restore cannot read it: {reason}).",
            not_ours=not_ours,
            reason=meaningful_line(listed.stderr),
        )
    tables = {
        line.split(" TABLE DATA public ", 1)[1].split(" ", 1)[0]
        for line in listed.stdout.splitlines()
        if " TABLE DATA public " in line
    }
    if not all(name in tables for name in _REQUIRED_TABLES):
        raise DatabaseError("{not_ours}: it has no studyapp tables.", not_ours=not_ours)
    # --list reads the table of contents only; a truncated archive fails here instead.
    read = _run([reader, "--file", os.devnull, str(path)])
    if read.returncode != 0:
        raise DatabaseError(
            "{not_ours}: the archive is damaged ({reason}).",
            not_ours=not_ours,
            reason=meaningful_line(read.stderr),
        )


def archive_revision(path: Path) -> str | None:
    """The schema revision an archive holds (its ``alembic_version`` row), read without a
    server."""
    reader = find_program("pg_restore")
    script = _run([reader, "--data-only", "--table=alembic_version", "--file=-", str(path)])
    lines = script.stdout.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and index + 1 < len(lines):
            value = lines[index + 1].strip()
            return None if value == "\\." else value
    return None


def restore(login: ServerLogin, archive: Path) -> None:
    """Put the archive's tables in place of the database's, in one transaction (its script
    sets ``lock_timeout = 0``: it waits for members' open transactions, which are short)."""
    program = find_program("pg_restore")
    arguments = [
        program,
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        f"--dbname={login.conninfo}",
        str(archive),
    ]
    done = _run(arguments, login.environment())
    if done.returncode != 0:
        raise DatabaseError(
            "The restore failed and nothing was changed: {reason}",
            reason=meaningful_line(done.stderr) or done.returncode,
        )
