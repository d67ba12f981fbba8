"""Finding damage that SQLite's own quick check misses.

``PRAGMA quick_check`` checks the file's structure, not what is in a row: 64 random bytes
inside a note pass it, yet the app then fails with "Could not decode to UTF-8 column ...".
:func:`check_file` therefore also reads every row of every table the models map, each
column decoded as the app decodes it (text as UTF-8, dates parsed, JSON loaded, enum values
known), plus the quick (or full) integrity check and the foreign-key check.

A large file may not be read whole in the time start-up can spare: with a ``budget`` the
check reads as much as fits, the most recent meetings first, and the report says whether
it was complete. The file is opened read-only; nothing is ever written to it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Integer,
    LargeBinary,
    String,
    Table,
    Time,
)
from sqlalchemy.types import TypeEngine

from studyapp.core.db import read_only_uri
from studyapp.core.models import Base
from studyapp.core.schema_version import SCHEMA_HEAD, VERSION_TABLE

NOT_SQLITE = "The file is not a SQLite database (its first bytes are damaged)."
STARTUP_BUDGET = 2.0  # seconds: what a start may spend before the window shows
# The window's start and a command that only reads (list, show) check what fits in this
# and stay quick; a command that writes or copies out checks for STARTUP_BUDGET first.
READING_BUDGET = 0.25
CHUNK = 256  # rows read per query; the clock is looked at between chunks
SHOWN_ROWS = 3  # row ids named per table and kind; the rest are counted


class _Interrupted(Exception):
    """The time budget ran out."""


@dataclass
class DamageReport:
    """What :func:`check_file` found: one readable line per kind of damage.

    ``emptied``: the file is empty (0 bytes, no tables, or tables without a single row),
    damage only when its backups hold sessions, which the caller knows. ``complete``: every
    row was read within the budget. ``sessions``: the rows of the sessions table read.
    """

    problems: list[str] = field(default_factory=list)
    emptied: bool = False
    complete: bool = True
    sessions: int = 0

    @property
    def damaged(self) -> bool:
        return bool(self.problems)

    def summary(self) -> str:
        return "; ".join(self.problems)


def _decoder(column_type: TypeEngine[Any]) -> Callable[[Any], object] | None:
    """How the app reads a column's stored value; None when any value will do."""
    impl = getattr(column_type, "impl", column_type)  # a TypeDecorator stores as its impl
    if isinstance(impl, DateTime):
        return lambda value: dt.datetime.fromisoformat(_text(value))
    if isinstance(impl, Date):
        return lambda value: dt.date.fromisoformat(_text(value))
    if isinstance(impl, Time):
        return lambda value: dt.time.fromisoformat(_text(value))
    if isinstance(impl, JSON):
        return lambda value: json.loads(_text(value))
    if isinstance(impl, Enum):
        known = set(impl.enums)
        return lambda value: _one_of(value, known)
    if isinstance(impl, Boolean):
        return lambda value: _one_of(value, {0, 1})
    if isinstance(impl, Integer):
        return _integer
    if isinstance(impl, LargeBinary):
        return None
    if isinstance(impl, String):  # Text too
        return _text
    return None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{type(value).__name__} where text belongs")
    return value


def _integer(value: Any) -> int:
    if not isinstance(value, int):
        raise ValueError(f"{type(value).__name__} where a number belongs")
    return value


def _one_of(value: Any, known: set[Any]) -> object:
    if value not in known:
        raise ValueError(f"unknown value {str(value)[:20]!r}")
    return value


class _Findings:
    """Damage gathered per kind, then said in one line per kind."""

    def __init__(self) -> None:
        self.unreadable: dict[str, list[str]] = {}  # table -> what failed, per row
        self.bad_values: dict[str, list[str]] = {}

    def add(self, kind: dict[str, list[str]], table: str, what: str) -> None:
        kind.setdefault(table, []).append(what)

    @staticmethod
    def _line(title: str, kind: dict[str, list[str]]) -> str | None:
        if not kind:
            return None
        parts = []
        for table, whats in kind.items():
            shown = ", ".join(whats[:SHOWN_ROWS])
            more = f" and {len(whats) - SHOWN_ROWS} more" if len(whats) > SHOWN_ROWS else ""
            parts.append(f"table {table}: {shown}{more}")
        return f"{title}: " + "; ".join(parts) + "."

    def lines(self) -> list[str]:
        found = [
            self._line("Rows that cannot be read", self.unreadable),
            self._line("Values the app cannot read", self.bad_values),
        ]
        return [line for line in found if line is not None]


def _schema_version(connection: sqlite3.Connection, tables: set[str]) -> str | None:
    if VERSION_TABLE not in tables:
        return None
    try:
        found = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    except sqlite3.Error:
        return None  # the rows that cannot be read are reported with the rest
    return str(found[0][0]) if len(found) == 1 else None


def _existing_tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(row[0]) for row in rows}


def _batches(connection: sqlite3.Connection, table: str) -> Iterator[tuple[list[int], str]]:
    """The table's rowids a chunk at a time, each with the WHERE clause that reads them."""
    if table == "sessions":
        # Newest meetings first, through the (date, id) index: no sort of the whole table.
        listing = "SELECT id FROM sessions ORDER BY date DESC, id DESC"
        ids = [int(row[0]) for row in connection.execute(listing)]
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            yield chunk, f"rowid IN ({', '.join(map(str, chunk))})"
        return
    # The rest in rowid order: a range scan, a chunk at a time, so a large table is never
    # listed whole before the first row is read.
    last = -(2**63)
    query = f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT {CHUNK}'
    while True:
        chunk = [int(row[0]) for row in connection.execute(query, (last,))]
        if not chunk:
            return
        yield chunk, f"rowid BETWEEN {chunk[0]} AND {chunk[-1]}"
        last = chunk[-1]


def _read_table(
    connection: sqlite3.Connection,
    table: Table,
    present: set[str],
    findings: _Findings,
    over: Callable[[], bool],
    counted: Callable[[int], None],
    at_head: bool,
) -> None:
    """Read every row of ``table``, telling ``counted`` how many each chunk held.
    Raises _Interrupted when the budget runs out."""
    columns = [c for c in table.columns if c.name in present]
    # Values are decoded as today's models read them only at today's schema: an older file
    # may hold what its migration converts (text is still decoded, by SQLite, either way).
    decoders = [(c.name, _decoder(c.type) if at_head else None) for c in columns]
    select = ", ".join(f'"{c.name}"' for c in columns)
    batches = _batches(connection, table.name)
    while True:
        if over():
            raise _Interrupted
        try:
            batch = next(batches, None)
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                raise _Interrupted from error
            findings.add(findings.unreadable, table.name, f"the table ({_short(error)})")
            return
        except sqlite3.DatabaseError as error:
            findings.add(findings.unreadable, table.name, f"the table ({_short(error)})")
            return
        if batch is None:
            return
        chunk, where = batch
        query = f'SELECT rowid, {select} FROM "{table.name}" WHERE {where}'
        try:
            rows = connection.execute(query).fetchall()
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                raise _Interrupted from error
            rows = _rows_one_by_one(connection, table.name, select, chunk, findings)
        except sqlite3.DatabaseError:
            rows = _rows_one_by_one(connection, table.name, select, chunk, findings)
        for row in rows:
            for (name, decode), value in zip(decoders, row[1:], strict=True):
                if value is None or decode is None:
                    continue
                try:
                    decode(value)
                except (ValueError, TypeError) as error:
                    findings.add(findings.bad_values, table.name, f"row {row[0]} {name} ({error})")
        counted(len(rows))


def _rows_one_by_one(
    connection: sqlite3.Connection, table: str, select: str, rowids: list[int], findings: _Findings
) -> list[tuple[Any, ...]]:
    """The rows of a chunk that can be read; the others are noted with SQLite's reason."""
    rows: list[tuple[Any, ...]] = []
    for rowid in rowids:
        try:
            found = connection.execute(
                f'SELECT rowid, {select} FROM "{table}" WHERE rowid = ?', (rowid,)
            ).fetchone()
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                raise _Interrupted from error
            findings.add(findings.unreadable, table, f"row {rowid} ({_short(error)})")
            continue
        except sqlite3.DatabaseError as error:
            findings.add(findings.unreadable, table, f"row {rowid} ({_short(error)})")
            continue
        if found is not None:
            rows.append(found)
    return rows


def _short(error: Exception) -> str:
    text = str(error)
    # "Could not decode to UTF-8 column 'x' with text '...'": the text itself is noise.
    return text.split(" with text ", 1)[0][:120]


def _integrity(connection: sqlite3.Connection, pragma: str) -> str | None:
    rows = [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}")]
    if rows == ["ok"]:
        return None
    more = f" (and {len(rows) - 1} more problems)" if len(rows) > 1 else ""
    return f"The file's structure is damaged: {rows[0]}{more}."


def _foreign_keys(connection: sqlite3.Connection) -> str | None:
    rows = connection.execute("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return None
    first = rows[0]
    more = f" (and {len(rows) - 1} more)" if len(rows) > 1 else ""
    return (
        f"Broken links: row {first[1]} of table {first[0]} points to a missing row of "
        f"table {first[2]}{more}."
    )


def check_file(
    path: Path,
    *,
    budget: float | None = None,
    full: bool = False,
    stop: Callable[[], bool] | None = None,
) -> DamageReport:
    """Check the SQLite file at ``path`` without writing to it.

    ``budget``: seconds to spend at most (None: read everything); ``full``: the full
    integrity check instead of the quick one (``studyapp check``); ``stop``: asked now and
    then, True ends the check early (a window closing while it runs on a worker thread).
    """
    report = DamageReport()
    # The file is never opened here but through SQLite: closing a descriptor of our own
    # would drop every lock this process's connections hold on it (POSIX locks are per
    # process), and another process could then delete the WAL under them.
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return report  # a new database, not a damaged one
    except OSError as error:
        report.problems.append(f"The file cannot be read: {error.strerror or error}.")
        return report
    if size == 0:
        report.emptied = True
        return report
    deadline = None if budget is None else time.monotonic() + budget

    def over() -> bool:
        if stop is not None and stop():
            return True
        return deadline is not None and time.monotonic() > deadline

    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=5.0)
    except sqlite3.Error as error:
        report.problems.append(f"The file cannot be opened: {error}.")
        return report
    with contextlib.closing(connection):
        connection.set_progress_handler(lambda: 1 if over() else 0, 20_000)
        try:
            _check_open_file(connection, report, full, over)
        except _Interrupted:
            report.complete = False
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                report.complete = False
            else:
                report.problems.append(f"The file cannot be read: {_short(error)}.")
        except sqlite3.DatabaseError as error:
            if "not a database" in str(error):
                report.problems.append(NOT_SQLITE)
            else:
                report.problems.append(f"The file is damaged: {_short(error)}.")
    return report


def _check_open_file(
    connection: sqlite3.Connection, report: DamageReport, full: bool, over: Callable[[], bool]
) -> None:
    tables = _existing_tables(connection)
    ours = [t for t in Base.metadata.sorted_tables if t.name in tables]
    if not ours:
        report.emptied = True
    at_head = _schema_version(connection, tables) == SCHEMA_HEAD
    findings = _Findings()
    # The sessions first: the newest meetings are what a person opens the app for. The
    # search index last: it is derived from them and can be rebuilt.
    ordered = sorted(ours, key=lambda t: (t.name != "sessions", t.name == "search_docs"))
    total = 0

    def counted(table: str) -> Callable[[int], None]:
        def add(rows: int) -> None:
            nonlocal total
            total += rows
            if table == "sessions":
                report.sessions += rows

        return add

    try:
        for table in ordered:
            present = {str(r[1]) for r in connection.execute(f'PRAGMA table_info("{table.name}")')}
            _read_table(connection, table, present, findings, over, counted(table.name), at_head)
        structure = _integrity(connection, "integrity_check" if full else "quick_check")
        if structure is not None:
            report.problems.append(structure)
        links = _foreign_keys(connection)
        if links is not None:
            report.problems.append(links)
    finally:
        report.problems.extend(findings.lines())
    if ours and total == 0 and not report.problems:
        report.emptied = True
