"""Which backups belong to which database: names, and a manifest beside them.

Two databases (the default one and ``--database ~/lab.db``) share the backups folder, so an
automatic backup is named after its database: ``<name>-<hash>-<YYYYmmdd-HHMMSS>.sqlite3``,
the file's stem and the first 8 hex digits of the SHA-256 of its resolved path
(``lab-3f9a2c1e-20261206-101500.sqlite3``). ``manifest.json`` beside them records, for each
backup, the database it copies, when, its size, its session count and that it was verified.

Backups made before this naming (``studyapp-<stamp>.sqlite3``) count as the default
database's. A damaged file set aside (``<name>-<hash>-damaged-<stamp>.sqlite3``) is never a
backup: recovery does not offer it and thinning does not keep it as the newest.

A database on a PostgreSQL server has ``.dump`` archives instead, named the same way after
its :func:`server_identity` (host, port and database name, whoever logs in).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from studyapp.core import paths
from studyapp.core.backup import BACKUP_SUFFIX, DAMAGED_MARK, BackupInfo, list_backups
from studyapp.core.db import sqlite_path
from studyapp.core.errors import DatabaseError
from studyapp.core.pg_archive import ARCHIVE_SUFFIX

MANIFEST = "manifest.json"
LEGACY_PREFIX = "studyapp-"
_LEGACY_AUTOMATIC = re.compile(r"^studyapp-\d{8}-\d{6}(?:-\d+)?$")
_UNSAFE = re.compile(r"[^\w.-]+")


def backup_key(database: Path) -> str:
    """``<name>-<hash>``: the database file's stem (safe for a file name) and its path's hash."""
    resolved = database.expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    stem = _UNSAFE.sub("_", resolved.stem).strip("._") or "database"
    return f"{stem[:40]}-{digest}"


def _stamp(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")


def unused_name(path: Path) -> Path:
    """``path``, or ``<stem>-2<suffix>`` and so on: two backups in one second never collide."""
    candidate, counter = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{counter}{path.suffix}")
        counter += 1
    return candidate


def automatic_backup_path(database: Path, now: dt.datetime | None = None) -> Path:
    """Where the next backup of ``database`` goes in the backups folder."""
    return unused_name(paths.backups_dir() / f"{backup_key(database)}-{_stamp(now)}{BACKUP_SUFFIX}")


def damaged_copy_path(database: Path, now: dt.datetime | None = None) -> Path:
    """Where a damaged database is set aside: in the backups folder, never listed as one."""
    name = f"{backup_key(database)}{DAMAGED_MARK}{_stamp(now)}{BACKUP_SUFFIX}"
    return unused_name(paths.backups_dir() / name)


def is_default_database(database: Path) -> bool:
    with contextlib.suppress(OSError):
        return database.expanduser().resolve() == paths.default_database_path().resolve()
    return False


def is_automatic(path: Path, database: Path) -> bool:
    """True for the copies thinning may delete: this database's automatic backups."""
    stem = path.stem
    if DAMAGED_MARK in stem:
        return False
    pattern = re.escape(backup_key(database)) + r"-\d{8}-\d{6}(?:-\d+)?"
    if re.fullmatch(pattern, stem):
        return True
    return is_default_database(database) and _LEGACY_AUTOMATIC.match(stem) is not None


# -- the manifest -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ManifestEntry:
    """What the manifest knows about one backup file."""

    database: str
    created: str
    size: int
    sessions: int | None
    verified: bool


def _manifest_path(folder: Path) -> Path:
    return folder / MANIFEST


def read_manifest(folder: Path | None = None) -> dict[str, ManifestEntry]:
    """File name -> entry; an unreadable or missing manifest is an empty one."""
    folder = paths.backups_dir() if folder is None else folder
    try:
        raw: Any = json.loads(_manifest_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entries: dict[str, ManifestEntry] = {}
    backups = raw.get("backups") if isinstance(raw, dict) else None
    if not isinstance(backups, dict):
        return {}
    for name, value in backups.items():
        if not isinstance(value, dict):
            continue
        with contextlib.suppress(TypeError, ValueError):
            sessions = value.get("sessions")
            entries[str(name)] = ManifestEntry(
                database=str(value["database"]),
                created=str(value.get("created", "")),
                size=int(value.get("size", 0)),
                sessions=None if sessions is None else int(sessions),
                verified=bool(value.get("verified", False)),
            )
    return entries


def _write_manifest(folder: Path, entries: dict[str, ManifestEntry]) -> None:
    document = {
        "backups": {
            name: {
                "database": entry.database,
                "created": entry.created,
                "size": entry.size,
                "sessions": entry.sessions,
                "verified": entry.verified,
            }
            for name, entry in sorted(entries.items())
        }
    }
    target = _manifest_path(folder)
    temporary = target.with_name(f".{MANIFEST}.{os.getpid()}.part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, target)
    except OSError as error:
        raise DatabaseError(
            "Cannot write {path}: {reason}.", path=target, reason=error.strerror or error
        ) from error
    finally:
        temporary.unlink(missing_ok=True)


def record_backup(
    backup: Path, database: Path | str, sessions: int | None, *, verified: bool
) -> None:
    """Note ``backup`` of ``database`` (a file, or a server database's
    :func:`server_identity`) in the manifest of the folder it is in."""
    entries = read_manifest(backup.parent)
    entries[backup.name] = ManifestEntry(
        database=(str(database.expanduser().resolve()) if isinstance(database, Path) else database),
        created=dt.datetime.now().isoformat(timespec="seconds"),
        size=backup.stat().st_size,
        sessions=sessions,
        verified=verified,
    )
    _write_manifest(backup.parent, entries)


def forget_backups(removed: list[Path]) -> None:
    """Drop deleted backups from their folder's manifest."""
    by_folder: dict[Path, list[str]] = {}
    for path in removed:
        by_folder.setdefault(path.parent, []).append(path.name)
    for folder, names in by_folder.items():
        entries = read_manifest(folder)
        if any(name in entries for name in names):
            for name in names:
                entries.pop(name, None)
            _write_manifest(folder, entries)


# -- listing per database ----------------------------------------------------------------------


def backups_of(database: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of ``database`` in the backups folder, newest first.

    Its automatic backups by name, those the manifest records for it (``studyapp backup``,
    pre-restore copies), and for the default database the old ``studyapp-<stamp>`` ones.
    """
    folder = paths.backups_dir() if folder is None else folder
    resolved = str(database.expanduser().resolve())
    manifest = read_manifest(folder)
    key = backup_key(database)
    found: list[BackupInfo] = []
    for info in list_backups(folder):
        name = info.path.name
        entry = manifest.get(name)
        if entry is not None:
            if entry.database == resolved:
                found.append(info)
        elif name.startswith(f"{key}-") or is_automatic(info.path, database):
            found.append(info)
    return found


def session_count(name: str, folder: Path) -> int | None:
    """The session count the manifest holds for a backup, None when it is not recorded."""
    entry = read_manifest(folder).get(name)
    return None if entry is None else entry.sessions


def backups_for(url: str) -> list[BackupInfo]:
    """:func:`backups_of` the SQLite file behind ``url``, or :func:`server_backups_of` the
    PostgreSQL database; none for anything else."""
    path = sqlite_path(url)
    if path is not None:
        return backups_of(path)
    if _backend(url) == "postgresql":
        return server_backups_of(url)
    return []


# -- a database on a PostgreSQL server ---------------------------------------------------------


def _backend(url: str) -> str | None:
    try:
        return make_url(url).get_backend_name()
    except Exception:  # ArgumentError and friends: not a URL, so no server database
        return None


def server_identity(url: str) -> str:
    """Which server database ``url`` names, whoever logs in: ``postgresql://host:port/name``
    (a socket folder for host when the URL gives one), no user, no password."""
    parsed = make_url(url)
    host = parsed.host or parsed.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = ",".join(host)
    return f"postgresql://{host}:{parsed.port or 5432}/{parsed.database or ''}"


def server_backup_key(url: str) -> str:
    """``<database name>-<hash of server_identity>``, as a file's backups are named."""
    identity = server_identity(url)
    digest = hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    name = _UNSAFE.sub("_", make_url(url).database or "").strip("._") or "database"
    return f"{name[:40]}-{digest}"


def server_archive_path(
    url: str, folder: Path | None = None, now: dt.datetime | None = None
) -> Path:
    """Where the next archive of the server database ``url`` goes (the backups folder)."""
    folder = paths.backups_dir() if folder is None else folder
    return unused_name(folder / f"{server_backup_key(url)}-{_stamp(now)}{ARCHIVE_SUFFIX}")


def server_backups_of(url: str, folder: Path | None = None) -> list[BackupInfo]:
    """The archives of the server database ``url`` in the backups folder, newest first: by
    name, and those the manifest records for it (pre-restore archives)."""
    folder = paths.backups_dir() if folder is None else folder
    identity = server_identity(url)
    key = server_backup_key(url)
    manifest = read_manifest(folder)
    found: list[BackupInfo] = []
    for info in list_backups(folder, ARCHIVE_SUFFIX):
        entry = manifest.get(info.path.name)
        if entry is not None:
            if entry.database == identity:
                found.append(info)
        elif info.path.name.startswith(f"{key}-"):
            found.append(info)
    return found
