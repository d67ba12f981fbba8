"""Which automatic backups to keep: all of the last day, one a day for a week, one a week for
two months; older ones go. The newest backup is never deleted, whatever its age.

:func:`backups_to_delete` is pure (a list of names and times in, a list of names out) so the
rules are tested without files; :func:`thin_backups` applies it to the backups folder.
Only the automatic ``studyapp-*.sqlite3`` copies are thinned: the ones taken before a migration
or a restore are few and are kept until the user deletes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import TypeVar

from studyapp.core import paths
from studyapp.core.backup import list_backups
from studyapp.core.errors import DatabaseError

KEEP_ALL = dt.timedelta(days=1)
KEEP_DAILY = dt.timedelta(days=7)
KEEP_WEEKLY = dt.timedelta(days=60)
THINNED_PREFIX = "studyapp-"

Item = TypeVar("Item", bound=Hashable)


def _bucket(when: dt.datetime, age: dt.timedelta) -> tuple[int, ...] | None:
    """The period a backup stands for; None means "too old, delete"."""
    if age <= KEEP_DAILY:
        return (0, when.toordinal())
    if age <= KEEP_WEEKLY:
        year, week, _day = when.isocalendar()
        return (1, year, week)
    return None


def backups_to_delete(backups: Sequence[tuple[Item, dt.datetime]], now: dt.datetime) -> list[Item]:
    """The items to delete, from ``(item, time)`` pairs; times and ``now`` in the same zone.

    In each day (second tier) or ISO week (third tier) the newest backup stays. A backup
    stamped in the future (a clock set back) counts as brand new.
    """
    if not backups:
        return []
    newest_first = sorted(backups, key=lambda pair: pair[1], reverse=True)
    kept_buckets: set[tuple[int, ...]] = set()
    doomed: list[Item] = []
    for index, (item, when) in enumerate(newest_first):
        age = now - when
        bucket = _bucket(when, age)
        if index == 0 or age <= KEEP_ALL:
            # Kept anyway; it also stands for its day, so no older one that day is needed.
            if bucket is not None:
                kept_buckets.add(bucket)
        elif bucket is None or bucket in kept_buckets:
            doomed.append(item)
        else:
            kept_buckets.add(bucket)
    return doomed


def thin_backups(folder: Path | None = None, *, now: dt.datetime | None = None) -> list[Path]:
    """Delete the automatic backups the rules no longer keep; returns the deleted files."""
    folder = paths.backups_dir() if folder is None else folder
    automatic = [
        (info.path, info.created)
        for info in list_backups(folder)
        if info.path.name.startswith(THINNED_PREFIX)
    ]
    deleted: list[Path] = []
    for path in backups_to_delete(automatic, now or dt.datetime.now()):
        try:
            path.unlink(missing_ok=True)
            path.with_name(path.name + "-wal").unlink(missing_ok=True)
        except OSError as error:
            raise DatabaseError(
                "Cannot delete the old backup {path}: {reason}.", path=path, reason=error.strerror
            ) from None
        deleted.append(path)
    return deleted
